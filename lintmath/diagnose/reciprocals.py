"""LM106: a fraction upside down, ``x`` for ``1/x``, a fraction over 1, factors on the wrong side of a
fraction bar, a fraction the line before (or a difference of logarithms) writes the other way up.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from lintmath.diagnose.edits import (
    Candidate, Context, _by_depth, _compact, _edit, _in_text_order, _parents, _script, _script_span, _signed_number,
    _squash, _wrapped, replace_node,
)
from lintmath.parse import nodes as n


def reciprocals(ctx: Context) -> Iterator[Candidate]:
    """LM106: a fraction upside down, ``x`` for ``1/x``, ``a^{-1}`` for ``a`` (and back)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    # a fraction over 1 is written only by mistake: the likeliest to be upside down
    divs = sorted(_by_depth(rhs, n.Div), key=lambda d: not (isinstance(d.den, n.Num) and d.den.value == "1"))
    for div in divs:
        shown = _compact(text[div.start : div.end])
        if isinstance(div.num, n.Num) and div.num.value == "1":
            body = _wrapped(text, div.den, parents.get(id(div)))
            yield Candidate("reciprocal", replace_node(rhs, div, div.den), div.start, div.end,
                            _edit(text, div.start, div.end, body), f"`{shown}` should be its reciprocal")
            continue
        between = text[div.num.end : div.den.start]
        num_text, den_text = text[div.num.start : div.num.end], text[div.den.start : div.den.end]
        if div.slash and (isinstance(div.num, n.Add) or isinstance(div.den, n.Add)):
            continue
        flipped = replace(div, num=div.den, den=div.num)
        yield Candidate("reciprocal", replace_node(rhs, div, flipped), div.start, div.end,
                        (div.num.start, div.den.end, den_text + between + num_text),
                        f"`{shown}` is upside down")
    for node in _in_text_order(rhs, n.Pow):
        span = _script_span(text, node.exp)
        if span is None:
            continue
        caret, end, braced = span
        shown = _compact(text[node.start : node.end])
        value = _signed_number(node.exp)
        if value == -1:
            yield Candidate("reciprocal", replace_node(rhs, node, node.base), node.start, node.end,
                            (caret, end, ""), f"`{shown}` should not be inverted")
        elif isinstance(node.exp, n.Add) and len(node.exp.terms) == 1 and node.exp.terms[0].sign == "-":
            inner = node.exp.terms[0].node
            yield Candidate("reciprocal", replace_node(rhs, node, replace(node, exp=inner)), node.start, node.end,
                            _edit(text, caret, end, _script(_compact(text[inner.start:inner.end]), braced)),
                            f"the exponent of `{shown}` should not be negative")
        else:
            body = _compact(text[node.exp.start : node.exp.end])
            negated = n.Add(node.exp.start, node.exp.end, (n.Term(node.exp.start, node.exp.end, "-", node.exp),))
            if isinstance(node.exp, n.Add):
                continue
            yield Candidate("reciprocal", replace_node(rhs, node, replace(node, exp=negated)), node.start, node.end,
                            _edit(text, caret, end, _script("-" + body, True)),
                            f"the exponent of `{shown}` should be negative")
    for div in divs:
        yield from _factors_across(ctx, div)


MAX_ACROSS = 4  # factors on either side of a fraction bar that may trade places


def _has_letter(node: n.Node) -> bool:
    return any(isinstance(x, n.Sym) for x in node.walk())


def _factors_across(ctx: Context, div: n.Div) -> Iterator[Candidate]:
    """LM106, after whole fractions: part of a fraction upside down, a factor of the numerator and one
    of the denominator trading places (``\\frac{\\beta L}{\\alpha K}`` for ``\\frac{\\beta K}{\\alpha L}``,
    where L/K is inverted). Factors with letters only: two numbers that trade places are numbers
    written wrong, and a constant (``\\frac{2\\pi}{N}``) is seldom put on the wrong side."""
    if div.slash:
        return
    tops = div.num.factors if isinstance(div.num, n.Mul) else (div.num,)
    bottoms = div.den.factors if isinstance(div.den, n.Mul) else (div.den,)
    if len(tops) + len(bottoms) < 3 or max(len(tops), len(bottoms)) > MAX_ACROSS:
        return  # one factor over one is the whole fraction upside down, tried before
    text = ctx.rhs_text
    shown = _compact(text[div.start : div.end])
    for top in tops:
        for bottom in bottoms:
            above, below = text[top.start : top.end], text[bottom.start : bottom.end]
            if not (_has_letter(top) and _has_letter(bottom)) or _squash(above) == _squash(below):
                continue
            tree = n.rebuild(ctx.rhs, lambda x, t=top, b=bottom: b if x is t else t if x is b else None)
            yield Candidate("reciprocal", tree, div.start, div.end,
                            (top.start, bottom.end, below + text[top.end : bottom.start] + above),
                            f"`{_compact(above)}` and `{_compact(below)}` are on the wrong sides of `{shown}`")


def fractions_over_one(ctx: Context) -> Iterator[Candidate]:
    """LM106, first of all: a fraction over 1 is written only by mistake, so turning it upside down
    comes before any other edit (a sign flip may repair ``\\log\\frac{x}{1}`` as well)."""
    for candidate in reciprocals(ctx):
        if not candidate.detail.endswith("is upside down"):
            return
        div = _div_at(ctx.rhs, candidate.start, candidate.end)
        if div is None or not (isinstance(div.den, n.Num) and div.den.value == "1"):
            return
        yield candidate


def fractions_as_before(ctx: Context) -> Iterator[Candidate]:
    """LM106, before sign flips: a fraction the line before writes the other way up (``\\frac{q}{p}``
    under ``\\frac{p\\,s}{q}``; under a logarithm, also ``\\frac{a}{b}`` after ``\\ln b - \\ln a``).
    Inside a logarithm a sign flip repairs an upside-down fraction as well; the fraction turned back
    as the line before writes it is the likelier story."""
    if not ctx.lhs_text:
        return
    theirs = [(_squash(ctx.lhs_text[d.num.start : d.num.end]), _squash(ctx.lhs_text[d.den.start : d.den.end]))
              for d in ctx.lhs.walk() if isinstance(d, n.Div)]
    logs = _log_quotients(ctx)
    if not theirs and not logs:
        return
    for candidate in reciprocals(ctx):
        div = _div_at(ctx.rhs, candidate.start, candidate.end)
        if div is None or not candidate.detail.endswith("is upside down"):
            continue
        if _flipped_from(ctx, div, theirs) or logs and _under_log(ctx, div) and _flipped_from(ctx, div, logs):
            yield candidate


def _log_quotients(ctx: Context) -> list[tuple[str, str]]:
    """The quotients the line before writes as differences of logarithms, as (numerator, denominator)
    texts: ``\\ln T_2 - \\ln T_1`` (or ``mc\\ln T_2 - mc\\ln T_1``) writes T_2 over T_1."""
    out: list[tuple[str, str]] = []
    for add in ctx.lhs.walk():
        if not isinstance(add, n.Add):
            continue
        over: dict[str, list[str]] = {"+": [], "-": []}
        for term in add.terms:
            arg = _log_argument(term.node)
            if arg is not None:
                over[term.sign].append(_squash(ctx.lhs_text[arg.start : arg.end]))
        out += [(top, bottom) for top in over["+"] for bottom in over["-"]]
    return out


def _log_argument(node: n.Node) -> n.Node | None:
    """The argument of the one logarithm a term is, or that a product of it with other factors has."""
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    logs = [f for f in factors if isinstance(f, n.Func) and f.name == "log" and len(f.args) == 1 and f.power is None]
    if len(logs) != 1:
        return None
    arg = logs[0].args[0]
    return arg.inner if isinstance(arg, n.Paren) else arg


def _under_log(ctx: Context, div: n.Div) -> bool:
    parent = ctx.parent_of(div)
    if isinstance(parent, n.Paren):
        parent = ctx.parent_of(parent)
    return isinstance(parent, n.Func) and parent.name == "log"


def _flipped_from(ctx: Context, div: n.Div, theirs: list[tuple[str, str]]) -> bool:
    """Whether the line before writes ``div``'s numerator under a fraction bar and its denominator
    over one, and never the two as ``div`` has them."""
    num = _squash(ctx.rhs_text[div.num.start : div.num.end])
    den = _squash(ctx.rhs_text[div.den.start : div.den.end])
    if not (re.search("[A-Za-z]", num) and re.search("[A-Za-z]", den)):
        return False  # numbers are written over and under bars too often to tell anything
    if any(num in top and den in bottom for top, bottom in theirs):
        return False
    return any(den in top and num in bottom for top, bottom in theirs)


def _div_at(tree: n.Node, start: int, end: int) -> n.Div | None:
    return next((x for x in tree.walk() if isinstance(x, n.Div) and (x.start, x.end) == (start, end)), None)


def reciprocal_wraps(ctx: Context) -> Iterator[Candidate]:
    """LM106, second half: ``x`` written for ``\\frac{1}{x}`` (a factor, or the whole line)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    sites = [rhs] + [x for x in _in_text_order(rhs, (n.Sym, n.Paren, n.Apply, n.Func, n.Pow)) if x is not rhs]
    index_ids = n.non_quantities(rhs)
    for node in sites:
        if id(node) in index_ids:
            continue
        parent = parents.get(id(node))
        if isinstance(parent, n.Pow) and parent.base is node or isinstance(node, n.Sym) and not node.base.isalpha() \
                and not node.base.startswith("\\"):
            continue
        body = text[node.start : node.end].strip()
        new = n.Div(node.start, node.end, n.Num(node.start, node.start, "1"), node)
        shown = _compact(body)
        what = "the whole line" if node is rhs else f"`{shown}`"
        yield Candidate("reciprocal", replace_node(rhs, node, new), node.start, node.end,
                        (node.start, node.end, f"\\frac{{1}}{{{body}}}"), f"{what} should be its reciprocal")


_TRANSPOSE_MARKS = re.compile(r"^\s*(?:\^\s*(?:\{\s*)?(?:\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|\\mathrm\s*\{\s*T\s*\}|T)"
                              r"(?:\s*\})?|')\s*$")


# a transpose put in or taken out, or a product's order reversed, repairs nothing where the reading makes
# the matrices symmetric (tr(B^T A C) = tr(ABC) there)
_SYMMETRIC = frozenset({("symmetric",)})


def _transpose_mark(ctx: Context) -> str:
    """The author's own transpose (``^\\top``, ``^T``, ``^{T}``, ``'``), from the first one the step writes."""
    for tree, text in ((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text)):
        if not text:
            continue
        for t in _in_text_order(tree, n.Transpose):
            mark = text[t.inner.end : t.end]
            if _TRANSPOSE_MARKS.match(mark):
                return mark.strip()
    return "^\\top"


def _matrix_like(node: n.Node, keys: frozenset[str]) -> bool:
    """A factor that need not commute: a vector or matrix by the step's shapes, or its transpose or inverse."""
    if isinstance(node, n.Transpose):
        return _matrix_like(node.inner, keys)
    if isinstance(node, n.Pow) and _signed_number(node.exp) == -1:
        return _matrix_like(node.base, keys)
    if isinstance(node, n.Paren):
        return _matrix_like(node.inner, keys)
    return isinstance(node, n.Sym) and node.key in keys


def transposes(ctx: Context) -> Iterator[Candidate]:
    """LM106 for vectors and matrices: a transpose lost or added (``X(Xw - y)`` for ``X^\\top(Xw - y)``),
    or the factors of a product's transpose or inverse left in their order (``A^\\top B^\\top`` for
    ``(AB)^\\top``). Only in steps whose shapes make some letter a vector or a matrix."""
    letters = ctx.parsed.letters
    keys = frozenset(letters.vectors | letters.matrices | letters.inferred | letters.required)
    if not keys:
        return
    rhs, text = ctx.rhs, ctx.rhs_text
    index_ids = n.non_quantities(rhs)
    for t in _in_text_order(rhs, n.Transpose):
        if not _TRANSPOSE_MARKS.match(text[t.inner.end : t.end]):
            continue
        shown = _compact(text[t.start : t.end])
        yield Candidate("reciprocal", replace_node(rhs, t, t.inner), t.start, t.end, (t.inner.end, t.end, ""),
                        f"`{shown}` should not be transposed", unless=_SYMMETRIC)
    mark = _transpose_mark(ctx)
    parents = _parents(rhs)
    for sym in _in_text_order(rhs, n.Sym):
        parent = parents.get(id(sym))
        head = isinstance(parent, n.Apply) and parent.func is sym  # (a head is no quantity to non_quantities)
        if sym.key not in keys or id(sym) in index_ids and not head or isinstance(parent, n.Transpose) \
                or isinstance(parent, n.Pow) and parent.base is sym:
            continue
        shown = _compact(text[sym.start : sym.end])
        transposed = n.Transpose(sym.start, sym.end, sym)
        if head:
            if not (parent.maybe_product and len(parent.args) == 1 and parent.bracket == "("):
                continue
            # X(Xw - y), a matrix before its bracket, is a product: its transpose multiplies the bracket
            arg = parent.args[0]
            tree = replace_node(rhs, parent, n.Mul(parent.start, parent.end, (
                transposed, n.Paren(arg.start, arg.end, arg))))
        else:
            tree = replace_node(rhs, sym, transposed)
        yield Candidate("reciprocal", tree, sym.start, sym.end, _edit(text, sym.end, sym.end, mark),
                        f"`{shown}` should be transposed", unless=_SYMMETRIC)
    for mul in _in_text_order(rhs, n.Mul):
        for a, b in zip(mul.factors, mul.factors[1:]):
            if not (_matrix_like(a, keys) and _matrix_like(b, keys)):
                continue
            first, second = text[a.start : a.end], text[b.start : b.end]
            if _squash(first) == _squash(second):
                continue
            tree = n.rebuild(rhs, lambda x, a=a, b=b: b if x is a else a if x is b else None)
            yield Candidate("reciprocal", tree, a.start, b.end, (a.start, b.end, second + text[a.end : b.start] + first),
                            f"`{_compact(first)}` and `{_compact(second)}` are in the wrong order", unless=_SYMMETRIC)
