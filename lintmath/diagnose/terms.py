"""LM102: a term dropped from the line or added to it. A lost term is put back as the line before
writes it, as another line of the chain writes it, as a copy of a term of the line, or as the
difference of the two sides spells it (a term synthesized from the difference); an added term that
is a constant multiple of another is removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Iterator

import sympy as sp

from lintmath.diagnose.arithmetic import _worked_out
from lintmath.diagnose.edits import (
    Candidate, Context, _COMMAND_END, _adds_by_depth, _as_exponent_edit, _beside, _beside_decimals,
    _braces_one_char_scripts, _chain_sums, _compact, _edit, _first_at, _inner, _insertion_edit, _is_plain,
    _joined, _lead_number, _located, _missing_term, _number_node, _number_text, _parents, _powers, _restyled_number,
    _script, _squash, _symbolic, _synthesized_text, numeric_value, replace_node,
)
from lintmath.diagnose.solve import HOLE, NICE_DENOMINATOR, _nice
from lintmath.diagnose.values import _equal_values, _signed_values, _term_values
from lintmath.diagnose.variables import _letter_swaps, _renamed_copies, _renamed_siblings
from lintmath.parse import nodes as n


def dropped_terms(ctx: Context) -> Iterator[Candidate]:
    """LM102: a term of the line before is missing from a sum of this line, or a term was added.

    A missing term is put back as the author wrote it on the line before, next to the neighbour it
    had there; sums that share terms with the sum it came from are tried first."""
    rhs, text = ctx.rhs, ctx.rhs_text
    rhs_adds = _adds_by_depth(rhs)
    bare: list[Candidate] = []
    for add in rhs_adds:  # an added term: remove it
        if len(add.terms) < 2:
            continue
        for k in range(len(add.terms)):
            if not _has_twin(ctx, add, k):  # a twin's removal waits: see twin_removals
                candidate = _as_exponent_edit(ctx, add, _zeroed(ctx, add.terms[k].node)
                                              or _removal_candidate(ctx, add, k))
                if _leaves_bare_brackets(ctx, add, k) and candidate.kind == "dropped_term":
                    bare.append(candidate)
                else:
                    yield candidate
    if not ctx.lhs_text or _worked_out(ctx):
        yield from bare
        return  # a sum worked out wrong is wrong arithmetic: any number is the right one plus some term
    # the line's own pattern before the line before's spelling: both repair the step, but a line
    # that writes ``(a_1+b_1)x`` lost ``(a_0+b_0)``, not the ``a_0 + b_0`` it was computed from
    for add in rhs_adds:
        yield from _polynomial_gaps(ctx, add)
    yield from _renamed_siblings(ctx, restyled_only=True)
    lhs_adds = [a for a in _adds_by_depth(ctx.lhs) if len(a.terms) > 1]
    targets: list[n.Node] = list(rhs_adds) or [rhs]
    if not isinstance(rhs, n.Add):
        targets.append(rhs)  # a one-term line that lost the rest of its sum
    pairs = []
    for i, source in enumerate(lhs_adds):
        source_texts = {_squash(ctx.lhs_text[t.node.start : t.node.end]) for t in source.terms}
        for j, target in enumerate(targets):
            terms = target.terms if isinstance(target, n.Add) else (n.Term(target.start, target.end, "+", target),)
            shared = sum(_squash(text[t.node.start : t.node.end]) in source_texts for t in terms)
            top = source is ctx.lhs and target is rhs
            if top or shared >= 2 or shared and source is ctx.lhs:
                pairs.append((-shared, -top, i, j, source, target))
    pairs.sort(key=lambda p: p[:4])
    if pairs and _rewrote_all(ctx, lhs_adds) and not isinstance(ctx.parent_of(rhs), n.Node):
        # a line that keeps no term of the line before as written wrote the lost one its own way too:
        # one of its terms again with the letter it lost (``(T+S)(v)`` beside ``(T+S)(u)``)
        own = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
        yield from _renamed_copies(ctx, own)
    for *_, source, target in pairs:
        yield from _insertions(ctx, source, target)
    yield from _swapped_copies(ctx)
    yield from _moved_primes(ctx)
    yield from _lost_products(ctx)
    yield from _distributed_products(ctx)
    yield from bare


def _leaves_bare_brackets(ctx: Context, add: n.Add, k: int) -> bool:
    """Whether removing term ``k`` leaves brackets around one letter or number (``(m)x`` from
    ``(m-1)x``): no author writes those, so the removal waits until a lost term put back elsewhere
    has been tried (both may repair the step; the one that reads like the author's line is shown)."""
    if len(add.terms) != 2 or add.terms[1 - k].sign == "-":
        return False
    rest = add.terms[1 - k].node
    return isinstance(ctx.parent_of(add), n.Paren) and isinstance(rest, (n.Sym, n.Num))


def chain_terms(ctx: Context) -> Iterator[Candidate]:
    """LM102: a term lost that the line before does not write as a term of a sum (it is inside a
    bracket there, or spelled otherwise), put back as another line of the chain writes it: the line
    after the step, worked from the right line, mostly still has it; an earlier line may. It goes
    beside the neighbour it has there. In the line's own sum a term is put back only when its value
    is what the line lacks (the difference of the two sides, where the terms can be valued alone);
    in a sum inside the line, only beside a term it shares with that line's sum. Tried after the
    terms of the line before, whose spelling is the nearer one, and after the copies of a term of the
    line itself (renamed_siblings, renamed_copies): the line's own pattern is nearer still. Where the
    search decides the verdict (a quantity the line lost), only the first kind: the difference
    itself, which difference_terms would write back too, spelled as the chain spells it."""
    if not ctx.chain or not ctx.lhs_text or _beside_decimals(ctx) or _worked_out(ctx) \
            or isinstance(ctx.parent_of(ctx.rhs), n.Node):
        return
    rhs, text = ctx.rhs, ctx.rhs_text
    # the terms the line before writes are dropped_terms' to put back, with the refusals that read them
    before = {_squash(ctx.lhs_text[t.node.start : t.node.end]) for a in _adds_by_depth(ctx.lhs) for t in a.terms}
    targets: list[n.Node] = list(_adds_by_depth(rhs)) or [rhs]
    if not isinstance(rhs, n.Add):
        targets.append(rhs)
    lacking = _lacking(ctx)
    if ctx.guard and lacking is None:
        return
    wrapped = isinstance(rhs, n.Paren) and rhs.delim in ("(", "[") and isinstance(_inner(rhs), n.Add)
    for line, sources in _chain_sums(ctx):
        pairs = []
        for target in targets:
            if not isinstance(target, n.Add) and isinstance(ctx.parent_of(target), (n.Mul, n.Pow, n.Func)):
                continue  # a bare factor that lost a sum needs parentheses too: not a one-term edit
            terms = target.terms if isinstance(target, n.Add) else (n.Term(target.start, target.end, "+", target),)
            present = [_squash(text[t.node.start : t.node.end]) for t in terms]
            top = target is rhs or target is _top_add(rhs)
            if ctx.guard and not top:
                continue
            for source in sources:
                theirs = [_squash(line[t.node.start : t.node.end]) for t in source.terms]
                shared = sum(x in present for x in theirs)
                if top or shared:
                    pairs.append((-shared, not wrapped or target is not rhs, len(pairs), target, terms, present,
                                  top, source, theirs))
        # the sum that shares the most terms with the chain's first, as for the line before; then, for a
        # line that is one bracketed sum, the line itself: brackets around a whole line are those of a
        # term of a sum, which lost the terms beside it (``(a + b) + (c + d)`` that kept ``(c + d)``)
        pairs.sort(key=lambda p: p[:3])
        for fewer, _, _, target, terms, present, top, source, theirs in pairs:
            shared = -fewer
            for k, term in enumerate(source.terms):
                body = _compact(line[term.node.start : term.node.end])
                if not body or theirs[k] in before or present.count(theirs[k]) >= theirs.count(theirs[k]):
                    continue
                if top:
                    # the line's own sum lacks exactly this term; where the terms cannot be valued alone
                    # (sums, integrals), any term the comparison then accepts, but only where the step is
                    # refuted already: the line the chain works it into may have rewritten the terms the
                    # line kept (``\sum_j y_j \log Z`` becomes ``\log Z``), so that it shares none of them
                    values = _signed_values(ctx, term)
                    if not (_equal_values(values, lacking) if values is not None and lacking is not None
                            else not ctx.guard):
                        continue
                position = _beside(present, theirs, k, len(terms))
                new_add = n.Add(target.start, target.end, terms[:position] + (term,) + terms[position:])
                shown = ("-" if term.sign == "-" else "") + body
                yield Candidate("dropped_term", replace_node(rhs, target, new_add), target.start, target.end,
                                _insertion_edit(terms, position, term.sign, body, text),
                                f"the term `{shown}` was dropped", term=shown)


def _top_add(node: n.Node) -> n.Node | None:
    """The sum a line is, inside the brackets that wrap all of it."""
    node = _inner(node)
    return node if isinstance(node, n.Add) else None


def _lacking(ctx: Context) -> tuple[complex, ...] | None:
    """What the line lacks, the left side less the right at the points terms are valued at (see
    _term_values); None where either side cannot be valued so."""
    a, b = _term_values(ctx, ctx.lhs), _term_values(ctx, ctx.rhs)
    if a is None or b is None or len(a) != len(b):
        return None
    return tuple(x - y for x, y in zip(a, b))


def _rewrote_all(ctx: Context, lhs_adds: list[n.Add]) -> bool:
    """Whether no term of the new line is written as a term of a sum of the line before."""
    theirs = {_squash(ctx.lhs_text[t.node.start : t.node.end]) for a in lhs_adds for t in a.terms}
    terms = ctx.rhs.terms if isinstance(ctx.rhs, n.Add) else (n.Term(ctx.rhs.start, ctx.rhs.end, "+", ctx.rhs),)
    return not any(_squash(ctx.rhs_text[t.node.start : t.node.end]) in theirs for t in terms)


def twin_removals(ctx: Context) -> Iterator[Candidate]:
    """LM102 again: removing a term that is a constant multiple of another term of its sum. Such a
    removal repairs a step whenever the two terms' coefficients are off by the removed one
    (``2ab + ba`` for ``ab + ba``, ``3x \\cdot x + x^2`` for ``2x \\cdot x + x^2``), so it is tried only
    after the edits of the numbers the author wrote: a wrong coefficient is the likelier typo."""
    for add in _adds_by_depth(ctx.rhs):
        for k in range(len(add.terms)):
            if len(add.terms) > 1 and _has_twin(ctx, add, k):
                yield _removal_candidate(ctx, add, k)


def _zeroed(ctx: Context, node: n.Node) -> Candidate | None:
    """A term that does not belong, made 0 when the lines write zero terms (``(a_0 + 0)``, ``0x``):
    there the author's own line had a 0 where the slip put another number."""
    return _restyled_number(ctx, node, "0")


def _removal_candidate(ctx: Context, add: n.Add, k: int) -> Candidate:
    term, text = add.terms[k], ctx.rhs_text
    rest = add.terms[:k] + add.terms[k + 1 :]
    tree = replace_node(ctx.rhs, add, replace(add, terms=rest))
    shown = _compact(text[term.node.start : term.node.end])
    return Candidate("dropped_term", tree, term.node.start, term.node.end,
                     _removal(add, k, text), f"the term `{shown}` does not belong here")


MAX_TWIN_TERMS = 8  # sums longer than this are not searched for twins (one lowering per term)


def _has_twin(ctx: Context, add: n.Add, k: int) -> bool:
    """Whether term ``k`` of ``add`` is a constant multiple of another of its terms written
    differently, judged on the values of the terms alone at three points (a term that cannot be
    evaluated alone has no twin). The same text again (``2x + 1 + x``) is a term written twice: its
    removal is the simple story, and it is not deferred."""
    if len(add.terms) > MAX_TWIN_TERMS:
        return False
    mine = _term_values(ctx, add.terms[k].node)
    if mine is None:
        return False
    body = _uncoefficient(ctx.rhs_text, add.terms[k].node)
    for j, other in enumerate(add.terms):
        if j != k and _uncoefficient(ctx.rhs_text, other.node) != body \
                and _proportional(mine, _term_values(ctx, other.node)):
            return True
    return False


def _uncoefficient(text: str, node: n.Node) -> str:
    """The text of a term without its written numeric coefficient, blanks removed."""
    if isinstance(node, n.Mul) and numeric_value(node.factors[0]) is not None:
        return _squash(text[node.factors[1].start : node.end])
    return _squash(text[node.start : node.end])


def _proportional(a: tuple[complex, ...] | None, b: tuple[complex, ...] | None) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    pivot = max(range(len(b)), key=lambda i: abs(b[i]))
    if abs(b[pivot]) < 1e-12 or max(abs(x) for x in a) < 1e-12:
        return False
    ratio = a[pivot] / b[pivot]
    return all(abs(x - ratio * y) <= 1e-9 * max(1.0, abs(x)) for x, y in zip(a, b))


MAX_SWAPS = 8  # candidates; an expansion of a product of two sums has a handful of terms


def _swapped_copies(ctx: Context) -> Iterator[Candidate]:
    """A term of the line written again with two of its letters exchanged (``\\langle y,x\\rangle``
    next to ``\\langle x,y\\rangle``): expanding a product of sums writes both, and the typo lost one.
    Tried before a constant factor: ``2\\langle y,x\\rangle`` is the same value, but not what was lost;
    a covariance's twin, ``Cov(Y, X)`` beside ``Cov(X, Y)``, is the exception (see _reverses_covariances).
    The copy goes on the side of its twin where the line before writes the letter it starts with."""
    rhs, text, lhs_text = ctx.rhs, ctx.rhs_text, ctx.lhs_text
    if not isinstance(rhs, n.Add) or len(rhs.terms) < 2 or not lhs_text or ctx.naming_only:
        return  # (a copy writes only the line's own letters: it cannot bring back one the line lost)
    terms = rhs.terms
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    made = 0
    for j, term in enumerate(terms):
        if any(isinstance(x, (n.BigOp, n.Integral)) for x in term.node.walk()):
            continue  # a bound letter is no letter to exchange, and such terms are slow to compare
        for u, v, node, swapped in _letter_swaps(text, term.node):
            body = _compact(swapped(term.node))
            factors = term.node.factors if isinstance(term.node, n.Mul) else (term.node,)
            if _squash(body) in present or sorted(_squash(text[f.start : f.end]) for f in factors) \
                    == sorted(_squash(swapped(f)) for f in factors):
                continue  # ``ba`` next to ``ab`` is a factor 2 written twice, not a lost term
            if _reverses_covariances(term.node, node):
                # Cov(Y, X) is Cov(X, Y) by name: the lost half is written as a factor 2
                yield _doubled_term(term.node, rhs, text)
                made += 1
                if made >= MAX_SWAPS:
                    return
                continue
            at_u, at_v = _located(lhs_text, u), _located(lhs_text, v)
            position = j if 0 <= at_v < at_u else j + 1
            new = n.Term(term.start, term.end, term.sign, node)
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)
            made += 1
            if made >= MAX_SWAPS:
                return


#: \operatorname{Cov}, \mathrm{Corr}: named operators symmetric in their two arguments
_SYMMETRIC_OPERATORS = {"Cov", "cov", "Corr", "corr"}


def _covariance(node: n.Node) -> bool:
    return isinstance(node, n.Apply) and node.func.style in ("op", "rm") and node.func.base in _SYMMETRIC_OPERATORS \
        and len(node.args) == 2 and node.given < 0


def _reverses_covariances(term: n.Node, swapped: n.Node) -> bool:
    """Whether exchanging two letters of ``term`` only reverses the arguments of its covariances,
    as the letters' twin ``Cov(Y, X)`` of ``Cov(X, Y)``, a symmetry lecturers write as a factor 2
    (\\operatorname{Var}(X + Y) = ... + 2\\operatorname{Cov}(X, Y)), unlike an inner product's copy."""

    def reversed_back(node: n.Node) -> n.Node:
        return replace(node, args=node.args[::-1]) if _covariance(node) else node
    return any(_covariance(x) for x in term.walk()) \
        and n.structure(n.map_nodes(swapped, reversed_back)) == n.structure(term)


def _doubled_term(site: n.Node, rhs: n.Node, text: str) -> Candidate:
    """LM103: ``site`` is missing a factor of 2 (its written coefficient doubled: ``6`` into ``12``)."""
    shown = _compact(text[site.start : site.end])
    detail = f"`{shown}` is missing a factor of 2"
    lead = site.factors[0] if isinstance(site, n.Mul) else None
    value = numeric_value(lead) if lead is not None else None
    if lead is not None and value is not None and len(site.factors) > 1:
        doubled = _number_node(lead.start, lead.end, Fraction(value) * 2)
        tree = replace_node(rhs, site, replace(site, factors=(doubled, *site.factors[1:])))
        return Candidate("constant_factor", tree, site.start, site.end,
                         _edit(text, lead.start, lead.end, _number_text(Fraction(value) * 2)), detail)
    two = _number_node(site.start, site.start, Fraction(2))
    tree = replace_node(rhs, site, n.Mul(site.start, site.end, (two, site)))
    return Candidate("constant_factor", tree, site.start, site.end, _edit(text, site.start, site.start, "2"), detail)


def _moved_primes(ctx: Context) -> Iterator[Candidate]:
    """A term of the line written again with its derivative mark on another factor (``(x^2)(x)'``
    next to ``(x^2)'(x)``): the product rule writes both, and the typo lost one. The copy goes after
    its twin when its mark stands further right, else before it, as ``u'v + uv'`` is written. Only a
    bracket or a bare letter takes the mark (``(1+x)^{-1}`` would need a bracket of its own)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    for j, term in enumerate(terms):
        factors = term.node.factors if isinstance(term.node, n.Mul) else ()
        marked = [i for i, f in enumerate(factors) if _marked(text, f)]
        if not 2 <= len(factors) <= 4 or len(marked) != 1:
            continue
        i = marked[0]
        if sum(isinstance(x, n.Deriv) or isinstance(x, n.Sym) and x.primes for x in term.node.walk()) != 1:
            continue  # another derivative inside: the rule that wrote the term is not the product rule
        for k, f in enumerate(factors):
            if k == i or not _markable(text, f):
                continue
            moved = list(factors)
            moved[i] = factors[i].body if isinstance(factors[i], n.Deriv) else replace(factors[i], primes=0)
            moved[k] = replace(f, primes=1) if isinstance(f, n.Sym) else n.Deriv(f.start, f.end, f, (), False, 1)
            body = _compact(_moved_mark(text, term.node, factors[i], f))
            if _squash(body) in present:
                continue
            position = j + 1 if k > i else j
            new = n.Term(term.start, term.end, term.sign, replace(term.node, factors=tuple(moved)))
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)


MAX_PRODUCT_TERMS = 3  # terms of each bracket of a product of two sums whose expansion is looked at


def _lost_products(ctx: Context) -> Iterator[Candidate]:
    """A product of a term of each bracket of the line before, when that is a product of two sums
    and the line its expansion (``(g + e\\,g')(h + e\\,h')`` lost ``e\\,g' \\cdot e\\,h'``), written as
    the two terms side by side, where the expansion puts it (term by term, first bracket first). The
    products of terms the line keeps are tried too: a wrong pair does not hold."""
    rhs, text, lhs_text = ctx.rhs, ctx.rhs_text, ctx.lhs_text
    lhs = _inner(ctx.lhs)
    if not isinstance(rhs, n.Add) or not lhs_text or ctx.naming_only or not isinstance(lhs, n.Mul) \
            or len(lhs.factors) != 2:
        return
    sums = [_inner(f) for f in lhs.factors]
    if not all(isinstance(f, n.Paren) for f in lhs.factors) \
            or not all(isinstance(x, n.Add) and 2 <= len(x.terms) <= MAX_PRODUCT_TERMS for x in sums):
        return
    op = lhs.ops[0] if lhs.ops else ""
    terms = rhs.terms
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    for i, a in enumerate(sums[0].terms):
        for j, b in enumerate(sums[1].terms):
            pieces = [_compact(lhs_text[a.node.start : a.node.end]), _compact(lhs_text[b.node.start : b.node.end])]
            body = f"{pieces[0]} {op} {pieces[1]}" if op else _joined(pieces)
            if _squash(body) in present or not _splices(b.node, lhs_text):
                continue
            sign = "+" if a.sign == b.sign else "-"
            node = n.Mul(a.node.start, b.node.end, (a.node, b.node), ops=(op,))
            position = min(len(terms), i * len(sums[1].terms) + j)
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (n.Term(a.start, b.end, sign, node),) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, sign, body, text)


MAX_DISTRIBUTED = 12  # products of the expansion of the line before that are tried as lost terms
MAX_EXPANDED_TERMS = 4  # terms of the line before whose products are expanded


def _distributed_products(ctx: Context) -> Iterator[Candidate]:
    """A term of the expansion of a product of the line before that writes brackets among other
    factors (``T(a - 2b)`` lost ``-2Tb``; ``(x+tv)^TA(x+tv)`` lost ``x^TAx``; ``v\\cdot(tu+v)`` lost
    ``v\\cdot v``): each bracketed sum gives one of its terms in its place, the other factors stay as
    written with the operators between them, a transposed bracket transposes its term, and a number
    leading a chosen term goes first, as expansions are written. The terms go where the expansion
    puts them (term by term, first bracket first). Tried after the products of two brackets alone
    (_lost_products), which this widens to products with other factors and to each product of a sum."""
    rhs, text, lhs_text = ctx.rhs, ctx.rhs_text, ctx.lhs_text
    if not lhs_text or isinstance(ctx.parent_of(rhs), n.Node):
        return
    lhs = _inner(ctx.lhs)
    products = [n.Term(lhs.start, lhs.end, "+", lhs)] if not isinstance(lhs, n.Add) else \
        list(lhs.terms) if len(lhs.terms) <= MAX_EXPANDED_TERMS else []
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    # a line of one term lost the rest of the expansion only when it writes one of the expansion's terms
    # (``2\\frac{\\sqrt{2}}{4}`` from ``\\frac12(\\sqrt{2} - \\frac{1}{\\sqrt{2}})`` is a wrong factor, no term lost)
    held: list[Candidate] | None = [] if not isinstance(rhs, n.Add) else None
    index = made = 0
    for outer in products:
        slots = _product_slots(lhs_text, outer.node)
        if slots is None:
            index += 1
            continue
        for chosen in _combinations([choices for _, choices in slots]):
            position = min(len(terms), index)
            index += 1
            leads = [c.lead for c in chosen if c.lead is not None]
            if len(leads) > 1 or leads and any(c.node is not None and numeric_value(c.node) is not None
                                               for c in chosen):
                continue  # two numbers to multiply: the expansion writes their product, not both
            negative = (outer.sign == "-") != (sum(c.sign == "-" for c in chosen) % 2 == 1)
            pieces: list[str] = [leads[0][0]] if leads else []
            nodes: list[n.Node] = [leads[0][1]] if leads else []
            ops: list[str] = []
            for ((op, shown), _), c in zip(slots, chosen):
                if c.node is None:
                    continue
                if nodes:
                    ops.append(op)
                    if op:
                        pieces.append(f" {shown} ")
                pieces.append(c.text)
                nodes.append(c.node)
            body = re.sub(r"\s+", " ", _joined(pieces)).strip()
            if _squash(body) in present and held is not None:
                yield from held
                held = None
            if not nodes or _squash(body) in present:
                continue
            node = nodes[0] if len(nodes) == 1 else n.Mul(outer.node.start, outer.node.end, tuple(nodes), ops=tuple(ops))
            sign = "-" if negative else "+"
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (n.Term(outer.start, outer.end, sign, node),)
                         + terms[position:])
            candidate = _missing_term(tree, rhs, terms, position, sign, body, text)
            if held is not None:
                held.append(candidate)
            else:
                yield candidate
            made += 1
            if made >= MAX_DISTRIBUTED:
                return


@dataclass(frozen=True)
class _Choice:
    """A factor of a term of an expansion: its sign, text and tree, and the number that leads it
    (text, tree), which the expansion writes first."""

    sign: str
    text: str
    node: n.Node | None  # None for a number alone, which is its lead (or nothing, for a 1)
    lead: tuple[str, n.Node] | None = None


def _product_slots(text: str, node: n.Node) -> list[tuple[tuple[str, str], list[_Choice]]] | None:
    """The factors of a product of the line before as (the operator before it as read and as written,
    its choices): one for a factor kept as written, the terms of a bracketed sum to be expanded. None
    unless it has one or two bracketed sums of at most MAX_PRODUCT_TERMS terms each beside at least
    one other factor, all copied apart by their offsets."""
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    ops = ("",) + (tuple(node.ops) if isinstance(node, n.Mul) and len(node.ops) == len(factors) - 1
                   else ("",) * (len(factors) - 1))
    # the text of an operator as the author wrote it (a macro of theirs for ``\\cdot``) where it stands
    # alone; the tree keeps the operator as read
    written = [text[a.end : b.start].strip() if k and op else "" for k, (op, a, b)
               in enumerate(zip(ops, (factors[0],) + factors, factors))]
    ops = tuple((op, w if re.fullmatch(r"\\[A-Za-z]+", w) else op) for op, w in zip(ops, written))
    slots: list[tuple[tuple[str, str], list[_Choice]]] = []
    spans = [(f.start, f.end) for f in factors]  # of the factors, and of the terms of their brackets
    sums = marked = 0
    for op, f in zip(ops, factors):
        if isinstance(f, n.Apply) and f.maybe_product and len(f.args) == 1 and not f.primes:
            slots.append((op, [_Choice("+", _compact(text[f.func.start : f.func.end]), f.func)]))
            op, inner, mark = ("", ""), _inner(f.args[0]), None
        elif isinstance(f, n.Transpose) and isinstance(f.inner, n.Paren):
            inner, mark = _inner(f.inner), text[f.inner.end : f.end].strip()
        elif isinstance(f, n.Paren) and f.delim in ("(", "["):
            inner, mark = _inner(f), None
        else:
            inner = mark = None
        if isinstance(inner, n.Add) and 2 <= len(inner.terms) <= MAX_PRODUCT_TERMS:
            slot = [_expanded_term(text, t, mark) for t in inner.terms]
            if any(x is None for x in slot):
                return None
            if mark is not None:  # a transposed product of letters may be a product of matrices too, each
                # written both ways, the one after the other
                slot = [x for t, c in zip(inner.terms, slot) for x in (c, _reversed_transpose(text, t, mark))
                        if x is not None]
            slots.append((op, slot))
            spans.extend((t.node.start, t.node.end) for t in inner.terms)
            sums += 1
            marked += mark is not None
        elif isinstance(f, n.Apply) and f.maybe_product:
            return None
        else:
            slots.append((op, [_Choice("+", _compact(text[f.start : f.end]), f)]))
    # two plain brackets alone are _lost_products' to expand; a transposed one (``(y-Xw)^T(y-Xw)``)
    # is not, and its terms are written with the mark, as here
    if not 1 <= sums <= 2 or len(slots) == sums and not marked or len(slots) > 5:
        return None
    # the pieces are copied by their offsets: nodes that came out of one macro call share its span,
    # and their text would be the whole call
    if not _disjoint_spans(spans):
        return None
    return slots


def _disjoint_spans(spans: list[tuple[int, int]]) -> bool:
    """Whether the spans are nonempty and each lies within another or apart from it: a bracket holds
    its terms, while two pieces at one span (a macro's) or across each other cannot be copied apart."""
    if any(end <= start for start, end in spans) or len(set(spans)) != len(spans):
        return False
    return all(b <= c or d <= a or a <= c and d <= b or c <= a and b <= d
               for i, (a, b) in enumerate(spans) for c, d in spans[i + 1 :])


def _expanded_term(text: str, term: n.Term, mark: str | None) -> _Choice | None:
    """A term of a bracketed sum as it stands in the expansion: its leading number apart (it goes
    first), transposed with the bracket's own mark (``^T``) on its last factor when the bracket was."""
    node = term.node
    if isinstance(node, n.Num):  # a number alone goes first, and a 1 is not written at all
        if mark is not None:
            return None
        lead = None if numeric_value(node) == 1 else (_compact(text[node.start : node.end]), node)
        return _Choice(term.sign, "", None, lead)
    factors = list(node.factors) if isinstance(node, n.Mul) else [node]
    lead = None
    if len(factors) > 1 and isinstance(factors[0], n.Num) and not (isinstance(node, n.Mul) and node.ops[0]):
        number = factors.pop(0)
        lead = (_compact(text[number.start : number.end]), number)
        node = factors[0] if len(factors) == 1 else replace(node, factors=tuple(factors), ops=node.ops[1:])
    if mark is None:
        return _Choice(term.sign, _compact(text[factors[0].start : node.end]), node, lead)
    last = factors[-1]
    if lead is not None or any(not isinstance(f, n.Sym) for f in factors):
        return None  # (a transposed number, or a transposed product of other than letters, is not written so)
    body = _joined([_compact(text[f.start : f.end]) for f in factors[:-1]] + [_compact(text[last.start : last.end]) + mark])
    flipped = factors[:-1] + [n.Transpose(last.start, last.end, last)]
    tree = flipped[0] if len(flipped) == 1 else n.Mul(node.start, node.end, tuple(flipped), ops=("",) * (len(flipped) - 1))
    return _Choice(term.sign, body, tree)


def _reversed_transpose(text: str, term: n.Term, mark: str) -> _Choice | None:
    """A term of a transposed bracket that is a product of letters, written as the transpose of a
    product of matrices is (``w^TX^T`` from ``(y - Xw)^T``), each letter with the bracket's mark and
    in reverse order; None for other terms. Tried after the mark on the last letter alone (``tv^T``,
    where the letters before it are numbers), which _expanded_term writes."""
    factors = term.node.factors if isinstance(term.node, n.Mul) else ()
    if len(factors) < 2 or any(not isinstance(f, n.Sym) or f.primes or f.sup_letter is not None for f in factors) \
            or any(op for op in term.node.ops):
        return None
    flipped = tuple(n.Transpose(f.start, f.end, f) for f in reversed(factors))
    body = _joined([_compact(text[f.start : f.end]) + mark for f in reversed(factors)])
    return _Choice(term.sign, body, n.Mul(term.node.start, term.node.end, flipped, ops=("",) * (len(flipped) - 1)))


def _combinations(slots: list[list[_Choice]]) -> Iterator[list[_Choice]]:
    """One choice per slot, in the order an expansion writes them (first slot slowest)."""
    if not slots:
        yield []
        return
    for first in slots[0]:
        for rest in _combinations(slots[1:]):
            yield [first] + rest


def _splices(node: n.Node, text: str) -> bool:
    """Whether a term can follow another factor as written: it does not start with a sign or a number
    (``x \\cdot 2`` and ``x2`` read otherwise)."""
    return not re.match(r"\s*[-+0-9.]", text[node.start : node.end])


def _marked(text: str, f: n.Node) -> bool:
    """A factor with one derivative mark written last (``(x^2)'``, ``f'``)."""
    if isinstance(f, n.Deriv):
        ok = f.primes == 1 and not f.wrt and isinstance(f.body, n.Paren)
    else:
        ok = isinstance(f, n.Sym) and f.primes == 1 and not (f.indices or f.labels or f.sup_letter is not None)
    return ok and text[f.start : f.end].rstrip().endswith("'")


def _markable(text: str, f: n.Node) -> bool:
    """A factor that takes a derivative mark by writing ``'`` after it: a bracket, or a bare letter."""
    if isinstance(f, n.Paren):
        return text[f.start : f.end].rstrip()[-1:] in (")", "]")
    return isinstance(f, n.Sym) and _is_plain(f) and text[f.start : f.end].strip() == f.base


def _moved_mark(text: str, term: n.Node, source: n.Node, target: n.Node) -> str:
    """The text of ``term`` with the last ``'`` of ``source`` moved to the end of ``target``."""
    cut = text.rindex("'", source.start, source.end)
    put = target.start + len(text[target.start : target.end].rstrip())
    edits = sorted([(cut, cut + 1, ""), (put, put, "'")], reverse=True)
    body = text[term.start : term.end]
    for start, end, new in edits:
        body = body[: start - term.start] + new + body[end - term.start :]
    return body


@dataclass(frozen=True)
class _Monomial:
    """A term ``c_k x^k`` of a polynomial written by indexed coefficients: its coefficient factors,
    the power of the variable (None for the constant term) and its degree."""

    term: n.Term
    coefficient: tuple[n.Node, ...]
    power: n.Node | None
    degree: int
    ops: tuple[str, ...]  # the operators between the coefficient's factors, and before the power


def _monomial(term: n.Term) -> _Monomial | None:
    node = term.node
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    ops = node.ops if isinstance(node, n.Mul) else ()
    last, power, degree = factors[-1], None, 0
    if isinstance(last, n.Sym) and _is_plain(last) and len(factors) > 1:
        power, degree = last, 1
    elif isinstance(last, n.Pow) and isinstance(last.base, n.Sym) and _is_plain(last.base) \
            and isinstance(last.exp, n.Num) and last.exp.value.isdigit() and len(factors) > 1:
        power, degree = last, int(last.exp.value)
    coefficient = factors[:-1] if power is not None else factors
    subscripts = [i for f in coefficient for x in f.walk() if isinstance(x, n.Sym) for i in x.indices]
    if not subscripts or any(not isinstance(i, n.Num) or i.value != str(degree) for i in subscripts):
        return None
    return _Monomial(term, coefficient, power, degree, tuple(ops))


def _polynomial_gaps(ctx: Context, add: n.Add) -> Iterator[Candidate]:
    """LM102: a degree missing from a polynomial the line writes by indexed coefficients
    (``a_2x^2 + a_0`` lost ``a_1x``; ``(p_2+q_2)y^2 + (p_1+q_1)y`` lost ``(p_0+q_0)``). The lost term
    is a neighbour's coefficient with its subscripts renumbered, times the matching power."""
    if len(add.terms) < 2:
        return
    monomials = [_monomial(t) for t in add.terms]
    if any(m is None for m in monomials):
        return
    variables = {_power_base(m.power).base for m in monomials if m.power is not None}
    degrees = [m.degree for m in monomials]
    if len(variables) != 1 or len(set(degrees)) != len(degrees):
        return
    falling = degrees == sorted(degrees, reverse=True)
    if not falling and degrees != sorted(degrees):
        return
    low, high = min(degrees), max(degrees)
    wanted = [k for k in range(low + 1, high) if k not in degrees] + ([low - 1] if low > 0 else []) + [high + 1]
    for k in wanted:
        template = min(monomials, key=lambda m: (abs(m.degree - k), -m.degree))
        made = _monomial_text(ctx, monomials, template, k)
        if made is None:
            continue
        body, node = made
        position = sum((d > k) if falling else (d < k) for d in degrees)
        terms = add.terms
        new = n.Term(template.term.start, template.term.end, template.term.sign, node)
        tree = replace_node(ctx.rhs, add, replace(add, terms=terms[:position] + (new,) + terms[position:]))
        yield _missing_term(tree, add, terms, position, template.term.sign, body, ctx.rhs_text)


def _power_base(power: n.Node) -> n.Sym:
    return power.base if isinstance(power, n.Pow) else power


def _monomial_text(ctx: Context, monomials: list[_Monomial], template: _Monomial,
                   k: int) -> tuple[str, n.Node] | None:
    """The text and tree of the degree-``k`` term, written as the line writes ``template``."""
    text = ctx.rhs_text
    first, last = template.coefficient[0], template.coefficient[-1]
    renumber = {(i.start, i.end) for f in template.coefficient for x in f.walk() if isinstance(x, n.Sym)
                for i in x.indices}
    body = text[first.start : last.end]
    for start, end in sorted(renumber, reverse=True):
        body = body[: start - first.start] + str(k) + body[end - first.start :]
    coefficient = tuple(n.map_nodes(f, lambda x: replace(x, value=str(k)) if isinstance(x, n.Num)
                                    and (x.start, x.end) in renumber else x) for f in template.coefficient)
    count = len(coefficient)
    ops = template.ops[: count - 1]
    if k == 0:
        node = coefficient[0] if count == 1 else n.Mul(first.start, last.end, coefficient, ops=ops)
        return _compact(body), node
    with_power = next(m for m in monomials if m.power is not None)
    variable = _power_base(with_power.power)
    joiner = text[with_power.coefficient[-1].end : with_power.power.start]
    op = with_power.ops[len(with_power.coefficient) - 1] if with_power.ops else ""
    written = text[variable.start : variable.end].strip()
    power: n.Node = variable
    if k > 1:
        braced = _braces_one_char_scripts(ctx)
        written += _script(str(k), bool(braced))
        power = n.Pow(variable.start, variable.end, variable, n.Num(variable.end, variable.end, str(k)))
    if not joiner.strip() and _COMMAND_END.search(body) and written[:1].isalpha():
        joiner = " "
    node = n.Mul(first.start, last.end, coefficient + (power,), ops=ops + (op,))
    return _compact(body + joiner + written), node


def difference_terms(ctx: Context) -> Iterator[Candidate]:
    """LM102, third: a term missing that the line before does not spell out. Tried last, since it
    supposes a whole unwritten term. Two sources, the author's text first:

    - a copy of one of this line's terms with a letter that vanished from the line put back in
      (``af(u)`` for ``af(u) + bg(u)`` when b and g vanished);
    - the difference of the two sides itself, when it is one short term over plain variables,
      printed the way slides write it (``k\\log\\lambda``).
    Either way the candidate is then judged by the comparator like any other."""
    rhs, text = ctx.rhs, ctx.rhs_text
    if isinstance(ctx.parent_of(rhs), n.Node):
        return
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    yield from _renamed_copies(ctx, terms)
    lowered = _lowered_difference(ctx)
    if lowered is None:
        return
    yield from _synthesized_terms(ctx, terms, lowered)
    found = _difference(ctx, lowered)
    # a number times a sum that one of the lines writes in brackets: the author's bracket, beside
    # its like (SymPy prints it as several terms, which _difference rightly takes for several lost)
    grouped = _as_written_group(ctx, lowered) if lowered.terms <= MAX_GROUP_TERMS else None
    if grouped is not None:
        sign, body, node, position = grouped
    elif found is not None:
        sign, body, node = found
        position = _position_by_degree(ctx, terms, node)
    else:
        return
    term = n.Term(rhs.end, rhs.end, sign, node)
    tree = n.Add(rhs.start, rhs.end, terms + (term,))
    yield _missing_term(tree, rhs, terms, position, sign, body, text)


MAX_GROUPS = 8  # bracketed sums of the two lines a lost multiple is matched against
MAX_GROUP_TERMS = 3  # terms of such a bracket: a lost term is short


def _as_written_group(ctx: Context, lowered: _Lowered) -> tuple[str, str, n.Node, int] | None:
    """(sign, text, tree, position) of the difference of the sides when it is a number times a
    bracketed sum that one of the lines writes, up to sign (``3(5-\\lambda)`` lost beside
    ``3(1-\\lambda)``): the term is written with the author's bracket, not SymPy's ``3(\\lambda-5)``,
    before the first term of the line that is a number times a bracket; None otherwise."""
    if _beside_decimals(ctx):
        return None
    coefficient, rest = sp.factor(lowered.expanded).as_coeff_Mul()
    if not rest.is_Add or not isinstance(coefficient, sp.Rational) or coefficient.q != 1:
        return None
    groups = [(x, text) for tree, text in ((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text)) if text
              for x in tree.walk() if isinstance(x, n.Paren) and x.delim == "(" and isinstance(x.inner, n.Add)]
    for group, text in groups[:MAX_GROUPS]:
        try:
            value = ctx.comparator.lower_pair(lowered.instance, group, group)[0]
            ratio = sp.cancel(rest / value)
        except Exception:
            continue
        if ratio not in (1, -1):
            continue
        value = coefficient * ratio
        written = _compact(text[group.start : group.end])
        body = written if abs(value) == 1 else f"{abs(value)}{written}"
        # the tree is the bracket the lines write (the macros of its spelling are not at hand to reparse)
        node = group if abs(value) == 1 else n.Mul(group.start, group.end,
                                                    (n.Num(group.start, group.start, str(abs(value))), group), ops=("",))
        terms = ctx.rhs.terms if isinstance(ctx.rhs, n.Add) else ()
        position = next((k for k, t in enumerate(terms) if _number_times_group(t.node)), len(terms))
        return ("-" if value < 0 else "+"), body, node, position
    return None


def _number_times_group(node: n.Node) -> bool:
    """Whether a term is a written number times one bracketed sum (``3(1-x)``)."""
    return isinstance(node, n.Mul) and len(node.factors) == 2 and isinstance(node.factors[0], n.Num) \
        and isinstance(node.factors[1], n.Paren) and isinstance(node.factors[1].inner, n.Add)


@dataclass(frozen=True)
class _Lowered:
    """The two sides in the first instance of the default reading, and their difference expanded."""

    instance: object
    a: sp.Expr
    b: sp.Expr
    expanded: sp.Expr  # the difference, expanded (when it was a sum)
    terms: int  # its number of terms


def _lowered_difference(ctx: Context) -> _Lowered | None:
    """The difference of the two sides when the first instance is the symbolic form of a scalar step
    (no sums, no index letters, no stand-ins, no undefined functions) and it is small."""
    comparator = ctx.comparator
    if not _symbolic(ctx):
        return None
    try:
        if comparator.has_undefined_functions():
            return None
        instance = comparator.instances(ctx.reading)[0]
        a, b = comparator.lower_pair(instance, ctx.lhs, ctx.rhs)
    except Exception:
        return None
    if getattr(a, "is_Matrix", False) or getattr(b, "is_Matrix", False):
        return None
    if not a.free_symbols or not b.free_symbols or sp.count_ops(a) + sp.count_ops(b) > 80:
        return None
    try:
        d = a - b
        expanded_terms = 1
        if d.is_Add:
            d = sp.expand(d, force=True)
            if d == 0 or d.is_Add and len(d.args) > 12:
                return None
            if d.is_Add:
                expanded_terms = len(d.args)
    except Exception:
        return None
    return _Lowered(instance, a, b, d, expanded_terms)


def _difference(ctx: Context, lowered: _Lowered) -> tuple[str, str, n.Node] | None:
    """The difference of the two sides as (sign, text, tree) when it is one short term over plain
    variables and the first instance is the symbolic form (no sums, no index letters, no stand-ins)."""
    from lintmath.parse.parser import parse_math
    from lintmath.parse.tokens import ParseFailure

    a, b, d, expanded_terms = lowered.a, lowered.b, lowered.expanded, lowered.terms
    if d.is_Add:
        try:
            d = sp.factor(d)
        except Exception:
            return None
    vanished = {s for s in a.free_symbols if s not in b.free_symbols}
    # A sum is one term only where the line writes its terms as bracketed groups (``(a_1+b_1)x +
    # (a_0+b_0)``), and then only when each of its terms brings back a quantity the line lost.
    grouped = d.is_Add and len(d.args) <= 3 and sp.count_ops(d) <= 12 and _writes_groups(ctx.rhs) \
        and all(vanished & t.free_symbols for t in d.args)
    if d.is_Add and not grouped or not d.free_symbols or not grouped and sp.count_ops(d) > 8 or d.atoms(sp.Float) \
            or _beside_decimals(ctx):
        return None
    # Any refuted step is "explained" by adding the whole difference; a term the author dropped
    # is short, and either carries a letter that vanished or is at most two terms when expanded.
    if expanded_terms > 2 and not (vanished & d.free_symbols):
        return None
    # (several letters gone at once, with no term of the right side kept from the left, is a substitution:
    # one letter gone, m q = 3q, may still be a term lost with it)
    if vanished & d.free_symbols and _replaces_written(a, b) and (
            _differentiates(ctx.lhs, vanished) or len(vanished & d.free_symbols) > 1 and _shares_no_monomial(a, b)):
        return None
    if not grouped and not _one_term(d, lowered.expanded):
        return None
    if lowered.expanded.is_Add and not vanished and _shares_no_monomial(a, b):
        # x^2 = 2x: the "term" x(x - 2) is the whole left side less the whole right, which any wrong
        # step has; a lost term leaves the terms kept on both sides. (Where a letter vanished, the term
        # that brings it back is what keeps the step from reading as a substitution from the prose.)
        return None
    sign = "+"
    if d.could_extract_minus_sign():
        sign, d = "-", -d
    # the tree is read from the letters' own names: the macros of the author's spelling are not at hand
    plain, body = _author_tex(d), _author_tex(d, _spellings(ctx))
    if plain is None or body is None:
        return None
    if grouped:
        plain, body = f"({plain})", f"({body})"
    try:
        node = parse_math(plain)
    except (ParseFailure, RecursionError):
        return None
    if isinstance(node, n.Add) and len(node.terms) > 1:
        return None  # printed, the term fell apart into several (2ab + 2cd): more than one term was lost
    return sign, body, node


def _differentiates(lhs: n.Node, vanished: set) -> bool:
    """Whether the left side differentiates an expression in a letter that vanished: a y that may
    be the unknown function of an ODE (y = y(x)), though the lowering holds it constant."""
    names = {s.name for s in vanished}
    return any(isinstance(x, n.Deriv) and n.mentions(x.body, names) for x in lhs.walk())


def _shares_no_monomial(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether no term of the right side ``b`` is, up to its coefficient, a term of the left side ``a``:
    ``2kG\\sin\\theta = G^2`` is an equation (the Laue condition rewritten), and the "lost term" that would
    repair it is the whole left side; ``P(a - 3b) = 2Pa`` keeps a term of the left, so a term may be lost."""
    try:
        left = {t.as_coeff_Mul()[1] for t in sp.Add.make_args(sp.expand(a))}
        right = {t.as_coeff_Mul()[1] for t in sp.Add.make_args(sp.expand(b))}
    except Exception:
        return False
    return not left & right


def _replaces_written(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether no term the right side ``b`` writes is left in the left side ``a``: a "missing term"
    that brings back a vanished letter would then cancel all that is written ((e^{2x} y)' = e^x,
    where y' + 2y = e^{-x} was used), a substitution rather than a term lost."""
    if b == 0:
        return False
    written = set(sp.Add.make_args(sp.expand(b)))
    return not written & set(sp.Add.make_args(sp.expand(a)))


def _one_term(factored: sp.Expr, expanded: sp.Expr) -> bool:
    """Whether the difference of the sides reads as one term a line could have lost: ``2(a+b)``,
    ``\\frac{a+b}{c}``, but not two fractions over different denominators brought over a common one
    (``\\frac{\\beta K}{\\alpha L} - \\frac{\\beta L}{\\alpha K}``, printed as ``\\frac{\\beta(K-L)(K+L)}{KL\\alpha}``),
    nor a product of several sums."""
    if expanded.is_Add and len({sp.denom(t) for t in expanded.args}) > 1:
        return False
    numerator, denominator = sp.fraction(factored)
    sums = [f for side in (numerator, denominator) for f in sp.Mul.make_args(side) if f.as_base_exp()[0].is_Add]
    return len(sums) <= 1


# -- a term synthesized from the difference -------------------------------------------------------

MAX_SYNTH_FACTORS = 4  # letters in a synthesized term: a lost cross term is short
MAX_SYNTH_POWER = 12
MAX_SYNTH_COEFFICIENT = 1000
_SPELLABLE = re.compile(r"[\\A-Za-z0-9_{}' ]+")


def _synthesized_terms(ctx: Context, terms: tuple[n.Term, ...], lowered: _Lowered) -> Iterator[Candidate]:
    """LM102, last of all: the term the line lost, written from the difference of the two sides when
    that is one term, a rational times a product of powers of the step's own letters (``2ab`` lost
    from ``a^2 + 2ab + b^2``). Each letter is written exactly as one of the two lines writes it, the
    coefficient first, as the line writes its fractions; the term goes where the line's ordering by
    degree puts it, else at the end. It goes into the line's own sum, or into a bracketed sum of the
    line (``\\frac{1}{2}(x^2 + 2xy + y^2)``) when the line is one product: there the lost term is the
    difference over the sum's factor. A bigger guess than any edit that reuses written text, so it is
    tried after all of them (and the comparator judges it like any other candidate)."""
    if lowered.terms > 12 or _beside_decimals(ctx):
        return  # beside rounded decimals the difference is rounding's, not a lost term
    spelled: dict | None = None
    groups = [a for a in _adds_by_depth(ctx.rhs) if a is not ctx.rhs and len(a.terms) > 1][:MAX_SYNTH_GROUPS]
    if ctx.guard:
        groups = []  # where the search decides the verdict, only the difference itself is written back
    sites: list[n.Add | None] = [None] + groups
    if not isinstance(ctx.rhs, n.Add) or len(ctx.rhs.terms) < 2:
        sites = groups + [None]  # one product: its bracketed sum is where a lost term stood
    for site in sites:
        target = lowered.expanded if site is None else _over_factor(ctx, lowered, site)
        if target is None:
            continue
        if spelled is None:
            spelled = _symbol_spellings(ctx, lowered.instance)
        found = _monomial_term(ctx, target, spelled)
        if found is None:
            continue
        sign, body, node, degrees = found
        into = terms if site is None else site.terms
        term = n.Term(into[-1].end, into[-1].end, sign, node)
        for position in _synthesized_positions(ctx, into, degrees):
            added = n.Add(ctx.rhs.start if site is None else site.start, ctx.rhs.end if site is None else site.end,
                          into[:position] + (term,) + into[position:])
            tree = added if site is None else replace_node(ctx.rhs, site, added)
            yield _missing_term(tree, ctx.rhs, into, position, sign, body, ctx.rhs_text)


MAX_SYNTH_GROUPS = 3  # bracketed sums of the line a synthesized term may go into


def _over_factor(ctx: Context, lowered: _Lowered, site: n.Add) -> sp.Expr | None:
    """The term that, added to the sum ``site`` of the line, makes the two sides agree: the difference
    over what multiplies the sum, when the line is linear in it and that factor is one term."""
    hole = n.Sym(site.end, site.end, HOLE)
    tree = replace_node(ctx.rhs, site, n.Add(site.start, site.end, site.terms + (n.Term(site.end, site.end, "+", hole),)))
    h = sp.Symbol(HOLE)
    try:
        _, b = ctx.comparator.lower_pair(lowered.instance, ctx.lhs, tree)
        if getattr(b, "is_Matrix", False) or h not in b.free_symbols or sp.count_ops(b) > 80:
            return None
        factor = sp.diff(b, h)
        if factor == 0 or h in factor.free_symbols or factor.is_Add or sp.count_ops(factor) > 8:
            return None
        return sp.expand(lowered.expanded / factor)
    except Exception:
        return None


def _monomial_term(ctx: Context, d: sp.Expr, spelled: dict) -> tuple[str, str, n.Node, dict[str, int]] | None:
    """(sign, text, tree, powers by written letter) of ``d`` when it is one short term, a rational
    times powers of letters the lines write."""
    if d.is_Add or not d.free_symbols or d.atoms(sp.Float) \
            or d.has(sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.I) or sp.count_ops(d) > 8:
        return None
    coefficient, rest = d.as_coeff_Mul()
    if not isinstance(coefficient, sp.Rational) or coefficient == 0 \
            or max(abs(coefficient.p), coefficient.q) > MAX_SYNTH_COEFFICIENT:
        return None
    powers: list[tuple[sp.Symbol, int]] = []
    for factor in sp.Mul.make_args(rest):
        base, exp = factor.as_base_exp()
        if not isinstance(base, sp.Symbol) or not exp.is_Integer or exp == 0 or abs(exp) > MAX_SYNTH_POWER:
            return None
        powers.append((base, int(exp)))
    if not powers or len(powers) > MAX_SYNTH_FACTORS or len({b for b, _ in powers}) != len(powers):
        return None
    if any(b.name not in spelled for b, _ in powers):
        return None
    if ctx.guard and any(_PLAIN_NAME.fullmatch(b.name) is None for b, _ in powers):
        return None  # where the search decides the verdict, only the letters it always wrote back
    sign = "-" if coefficient < 0 else "+"
    value = abs(coefficient)
    powers.sort(key=lambda item: spelled[item[0].name][2])  # in the order the lines write the letters
    together = _product_order(ctx, [spelled[b.name][0] for b, _ in powers])
    if together is not None:  # ... or as a product of the lines writes them side by side
        powers.sort(key=lambda item: together.index(_squash(spelled[item[0].name][0])))
    body = _synthesized_text(ctx, value, [(spelled[b.name][0], e) for b, e in powers])
    if body is None:
        return None
    node = _synthesized_node(value, [(spelled[b.name][1], e) for b, e in powers])
    return sign, body, node, {spelled[b.name][0]: e for b, e in powers}


def _product_order(ctx: Context, spellings: list[str]) -> list[str] | None:
    """The order in which a product of the line before (else of the new line) writes all these
    letters as its factors (``m_2 gl`` in ``m_2 gl(1 - \\theta^2)``), by their squashed spellings: a
    term lost from such a product's expansion keeps that order. None for one letter, or when no
    product writes them all."""
    wanted = {_squash(s) for s in spellings}
    if len(wanted) < 2:
        return None
    for tree, text in ((ctx.lhs, ctx.lhs_text), (ctx.rhs, ctx.rhs_text)):
        if not text:
            continue
        for mul in tree.walk():
            if not isinstance(mul, n.Mul):
                continue
            seen: list[str] = []
            for f in mul.factors:
                base = f.base if isinstance(f, n.Pow) else f
                written = _squash(text[base.start : base.end]) if isinstance(base, n.Sym) else ""
                if written in wanted and written not in seen:
                    seen.append(written)
            if len(seen) == len(wanted):
                return seen
    return None


def _symbol_spellings(ctx: Context, instance) -> dict[str, tuple[str, n.Sym, tuple[int, int]]]:
    """The lowered name of each letter the two lines write, with its text as written (the new
    line's spelling first), its node, and where it is first written (the line before first, then the
    new line: the order of the letters of a lost cross term follows the product it came from). A letter whose
    offsets do not single out its text (it came out of a macro's body along with other nodes) is
    left out, as is one written two ways."""
    from lintmath.lower import Lowerer

    letters = getattr(ctx.comparator, "letters", None) or ctx.comparator.parsed.letters
    lowerer = Lowerer(instance, letters)
    out: dict[str, tuple[str, n.Sym, tuple[int, int]]] = {}
    clash: set[str] = set()
    for line, (tree, text) in enumerate(((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text))):
        if not text:
            continue
        skip = n.non_quantities(tree)
        spans = [(x.start, x.end, x) for x in tree.walk() if x.end > x.start]
        parents = _parents(tree)
        for sym in tree.walk():
            if not isinstance(sym, n.Sym) or id(sym) in skip or sym.sup_letter is not None:
                continue
            written = _compact(text[sym.start : sym.end])
            if not written or not _SPELLABLE.fullmatch(written) or written.count("{") != written.count("}") \
                    or written[0].isdigit() or written.endswith("_"):
                continue
            # another node inside (or as wide as) the letter's text: the text is a macro's, not the letter's
            around = {id(sym)}
            up = parents.get(id(sym))
            while up is not None:
                around.add(id(up))
                up = parents.get(id(up))
            if any(start >= sym.start and end <= sym.end and id(x) not in around and id(x) not in skip
                   for start, end, x in spans):
                continue
            try:
                value = lowerer.symbol(sym)
            except Exception:
                continue
            if not isinstance(value, sp.Symbol):
                continue
            known = out.get(value.name)
            # ordered as the line before writes them: (x - \mu)^2 has the cross term x\mu
            at = (1 - line, sym.start)
            if known is None:
                out[value.name] = (written, sym, at)
            elif _squash(known[0]) != _squash(written) and known[2][0] == 1 - line:
                clash.add(value.name)
            elif at < known[2]:
                out[value.name] = (known[0], known[1], at)
    return {k: v for k, v in out.items() if k not in clash}


def _synthesized_node(value: sp.Rational, factors: list[tuple[n.Sym, int]]) -> n.Node:
    """The tree of a synthesized term, built from the letters' own nodes (so that it reads as the
    text does, whatever macro spelled a letter)."""
    def power(sym: n.Sym, exp: int) -> n.Node:
        exp = abs(exp)
        return sym if exp == 1 else n.Pow(sym.start, sym.end, sym, n.Num(sym.start, sym.end, str(exp)))

    def product(number: int, items: list[n.Node]) -> n.Node:
        parts = ([n.Num(0, 0, str(number))] if number != 1 or not items else []) + items
        if len(parts) == 1:
            return parts[0]
        return n.Mul(0, 0, tuple(parts), ops=("",) * (len(parts) - 1))

    upper = product(int(value.p), [power(s, e) for s, e in factors if e > 0])
    lower = [power(s, e) for s, e in factors if e < 0]
    if not lower and value.q == 1:
        return upper
    return n.Div(0, 0, upper, product(int(value.q), lower))


def _synthesized_positions(ctx: Context, terms: tuple[n.Term, ...], mine: dict[str, int]) -> list[int]:
    """Where a synthesized term goes: where the line's ordering by degree puts it (falling, ``x^2 +
    2x + 1``, or rising, ``1 + 2x + x^2``, in the variable of highest degree), then at the end."""
    text = ctx.rhs_text
    written = [_written_powers(text, t.node) for t in terms]
    end = len(terms)
    if any(w is None for w in written):
        return [end]
    variables = sorted({v for w in written for v in w} | set(mine), key=lambda v: _first_at(text, v) % (len(text) + 1))
    if not variables:
        return [end]
    main = max(variables, key=lambda v: max([w.get(v, 0) for w in written] + [mine.get(v, 0)]))
    degrees = [w.get(main, 0) for w in written]
    own = mine.get(main, 0)
    position = end
    if len(terms) == 1:
        position = end if degrees[0] > own else 0
    elif len(set(degrees)) > 1 and degrees == sorted(degrees, reverse=True):
        position = next((k for k, d in enumerate(degrees) if d < own), end)
    elif len(set(degrees)) > 1 and degrees == sorted(degrees):
        position = next((k for k, d in enumerate(degrees) if d > own), end)
    return [position] if position == end else [position, end]


def _written_powers(text: str, node: n.Node) -> dict[str, int] | None:
    """The letters of a monomial term with their powers, by their written text (numerators only); None
    for a term that is not a monomial (a bracket, a function)."""
    if isinstance(node, n.Div):
        return _written_powers(text, node.num) if _written_powers(text, node.den) is not None else None
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    out: dict[str, int] = {}
    for f in factors:
        exp = 1
        if isinstance(f, n.Pow) and isinstance(f.exp, n.Num) and f.exp.value.isdigit():
            f, exp = f.base, int(f.exp.value)
        if isinstance(f, n.Sym):
            key = _compact(text[f.start : f.end])
            out[key] = out.get(key, 0) + exp
        elif isinstance(f, n.Div) and numeric_value(f) is not None or isinstance(f, n.Num):
            continue
        else:
            return None
    return out


def _writes_groups(rhs: n.Node) -> bool:
    """Whether some term of the line's sum is a bracketed sum, alone or times a factor."""
    if not isinstance(rhs, n.Add) or len(rhs.terms) < 2:
        return False
    for term in rhs.terms:
        factors = term.node.factors if isinstance(term.node, n.Mul) else (term.node,)
        if any(isinstance(f, n.Paren) and isinstance(f.inner, n.Add) and len(f.inner.terms) > 1 for f in factors):
            return True
    return False


_PLAIN_NAME = re.compile(r"(\\?[A-Za-z]+)(?:\[(\d+)\])?")


def _spellings(ctx: Context) -> dict[str, str]:
    """How the two lines spell their plain letters, where that is not the letter's own name: a
    macro (``\\eigenvar`` for ``\\lambda``). A letter spelled two ways is left to its name."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for tree, text in ((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text)):
        if not text:
            continue
        for node in tree.walk():
            if not isinstance(node, n.Sym) or not _is_plain(node):
                continue
            written = text[node.start : node.end].strip()
            if written == node.base or not re.fullmatch(r"\\[A-Za-z]+", written):
                continue
            if out.setdefault(node.base, written) != written:
                clash.add(node.base)
    return {k: v for k, v in out.items() if k not in clash}


def _author_tex(expr: sp.Expr, spellings: dict[str, str] | None = None) -> str | None:
    """LaTeX the way slides write a short term: ``\\frac{1}{2}x^2``, ``k\\log\\lambda``, ``(1-x)^4``,
    with each letter spelled as the author spells it (``spellings``: the letter's name to its text)."""
    renames = {}
    names = {}
    for symbol in expr.free_symbols:
        m = _PLAIN_NAME.fullmatch(symbol.name)
        if m is None:
            return None
        written = m.group(1) if m.group(2) is None else f"{m.group(1)}_{{{m.group(2)}}}"
        renames[symbol] = sp.Symbol(written)
        if m.group(2) is None and spellings and written in spellings:
            names[renames[symbol]] = spellings[written]
    expr = expr.xreplace(renames)
    coefficient, rest = expr.as_coeff_Mul()
    if not isinstance(coefficient, sp.Rational):
        return None
    head = ""
    if coefficient != 1:
        head = str(coefficient) if coefficient.q == 1 else f"\\frac{{{coefficient.p}}}{{{coefficient.q}}}"
        if rest == 1:
            return head
    try:
        tex = sp.latex(rest, mul_symbol=None, symbol_names=names)
    except Exception:
        return None
    tex = re.sub(r"\\(log|ln|sin|cos|tan|exp)\{\\left\(([^()]*?) \\right\)\}",
                 lambda m: f"\\{m.group(1)} {m.group(2)}" if _PLAIN_NAME.fullmatch(m.group(2)) else
                 f"\\{m.group(1)}({m.group(2)})", tex)
    tex = tex.replace("\\left(", "(").replace("\\right)", ")")
    tex = re.sub(r"([_^])\{(\w)\}", r"\1\2", tex)
    if "\\left" in tex or "\\operatorname" in tex or "\\mathrm" in tex:
        return None
    return _compact(head + tex) if not head or not tex[:1].isdigit() else _compact(head + " \\cdot " + tex)


def _position_by_degree(ctx: Context, terms: tuple[n.Term, ...], node: n.Node) -> int:
    """Where to write a term recovered from the difference: by falling powers of the line's main
    variable when the line is written that way (``x^2 + x + 1``), else first."""
    powers = [_powers(t.node) for t in terms]
    mine = _powers(node)
    if len(terms) < 2:
        return 0
    variables = {v for p in powers for v in p}
    if not variables:
        return 0
    main = max(sorted(variables), key=lambda v: max(p.get(v, 0) for p in powers))
    degrees = [p.get(main, 0) for p in powers]
    if max(degrees) < 2 and sum(d > 0 for d in degrees) < 2:
        return 0  # not written as a polynomial in one variable
    if degrees != sorted(degrees, reverse=True) or len(set(degrees)) < 2:
        return 0
    for k, d in enumerate(degrees):
        if d < mine.get(main, 0):
            return k
    return len(terms)


def _removal(add: n.Add, k: int, text: str) -> tuple[int, int, str]:
    term = add.terms[k]
    if k > 0:
        start = term.sign_start if term.sign_start >= 0 else term.node.start
        return (start, term.node.end, "")
    start = term.sign_start if term.sign_start >= 0 else term.node.start
    following = add.terms[1]
    if following.sign == "+" and following.sign_start >= 0:
        return (start, following.node.start, "")
    return (start, following.sign_start if following.sign_start >= 0 else following.node.start, "")


def _insertions(ctx: Context, source: n.Add, target: n.Node) -> Iterator[Candidate]:
    text, lhs_text, rhs = ctx.rhs_text, ctx.lhs_text, ctx.rhs
    if isinstance(target, n.Add):
        terms = target.terms
    else:
        terms = (n.Term(target.start, target.end, "+", target),)
    present = [_squash(text[t.node.start : t.node.end]) for t in terms]
    # a line that keeps none of the terms of the sum it came from rewrote them all, the lost one too
    rewritten = not set(present) & {_squash(lhs_text[t.node.start : t.node.end]) for t in source.terms}
    for k, term in enumerate(source.terms):
        body = _compact(lhs_text[term.node.start : term.node.end])
        if not body or (_squash(body) in present and present.count(_squash(body)) >= _count(source, lhs_text, body)):
            continue
        before = _squash(lhs_text[source.terms[k - 1].node.start : source.terms[k - 1].node.end]) if k else None
        after = (_squash(lhs_text[source.terms[k + 1].node.start : source.terms[k + 1].node.end])
                 if k + 1 < len(source.terms) else None)
        if before is not None and before in present:
            position = present.index(before) + 1
        elif after is not None and after in present:
            position = present.index(after)
        else:
            position = min(k, len(terms))
        if not isinstance(target, n.Add) and isinstance(ctx.parent_of(target), (n.Mul, n.Pow, n.Func)):
            continue  # a bare factor that lost a sum needs parentheses too: not a one-term edit
        # (where the search decides the verdict, only copies of what the lines write)
        simpler = (_worked_copy(ctx, source, terms, term) if rewritten and not ctx.guard else None) \
            or _simplified_copy(ctx, term, rewritten)
        if simpler is not None:
            sign, shown, node = simpler
            new_add = n.Add(target.start, target.end, terms[:position] + (replace(term, sign=sign, node=node),)
                            + terms[position:])
            yield _missing_term(replace_node(rhs, target, new_add), target, terms, position, sign, shown, text)
        # a step rewrites its terms: a lost term that a piece of it stands for (``x^{n-1}`` of
        # ``(x^{n-1})(x)'``) was most likely written as that piece, which the line before spells
        reduced = _reduced_copy(ctx, term) if simpler is None else None
        if reduced is not None:
            shown, node = reduced
            new_add = n.Add(target.start, target.end, terms[:position] + (replace(term, node=node),)
                            + terms[position:])
            yield _missing_term(replace_node(rhs, target, new_add), target, terms, position, term.sign, shown, text)
        new_terms = terms[:position] + (term,) + terms[position:]
        new_add = n.Add(target.start, target.end, new_terms)
        tree = replace_node(rhs, target, new_add)
        edit = _insertion_edit(terms, position, term.sign, body, text)
        yield Candidate("dropped_term", tree, target.start, target.end, edit,
                        f"the term `{'-' if term.sign == '-' else ''}{body}` of the line before was dropped",
                        term=("-" if term.sign == "-" else "") + body)
        collected = _collected_twins(ctx, source, k, body) if rewritten else None
        if collected is not None:
            shown, node = collected
            new_add = n.Add(target.start, target.end, terms[:position] + (replace(term, node=node),)
                            + terms[position:])
            yield _missing_term(replace_node(rhs, target, new_add), target, terms, position, term.sign, shown, text)


MAX_REDUCED_NODES = 40  # nodes of a term of the line before whose pieces are valued (one lowering each)


def _reduced_copy(ctx: Context, term: n.Term) -> tuple[str, n.Node] | None:
    """The shortest piece of a term of the line before (a factor, a bracket's inside, an argument)
    that has the term's value at the sampled points, as (its text on the line before, its node): the
    term as a step that simplifies would write it (``\\vect{u}\\dotprod\\vect{v}`` for
    ``\\frac{\\vect{u}\\dotprod\\vect{v}}{\\vect{u}\\dotprod\\vect{u}}\\,\\vect{u}\\dotprod\\vect{u}``).
    None when no piece has it, the term is too big to look into, or its value is a number (those
    are _simplified_copy's)."""
    nodes = list(term.node.walk())
    if len(nodes) > MAX_REDUCED_NODES:
        return None
    whole = _term_values(ctx, term.node)
    if whole is None or all(abs(x - whole[0]) <= 1e-9 * max(1.0, abs(x)) for x in whole):
        return None
    scripts = n.non_quantities(term.node)
    best: tuple[str, n.Node] | None = None
    for piece in nodes[1:]:
        # (a sum is no simpler spelling: the term less its brackets, or a part that needs them)
        if isinstance(piece, (n.Num, n.Add)) or id(piece) in scripts or piece.end <= piece.start:
            continue
        body = _compact(ctx.lhs_text[piece.start : piece.end])
        if not body or best is not None and len(_squash(body)) >= len(_squash(best[0])):
            continue
        if _equal_values(_term_values(ctx, piece), whole):
            best = (body, piece)
    return best


def _collected_twins(ctx: Context, source: n.Add, k: int, body: str) -> tuple[str, n.Node] | None:
    """Term ``k`` of the line before times the number of its sum's terms of equal value, as (text,
    tree), when it is the first of two or more (``t(u\\cdot v) + t\\,v\\cdot u`` is ``2t(u\\cdot v)`` in a line
    that collects like terms); None otherwise. Only for a line that rewrote every term: one that
    copies terms as written copies twins too."""
    term = source.terms[k]
    if len(source.terms) > MAX_TWIN_TERMS or _lead_number(term.node) is not None or body[:1].isdigit():
        return None
    mine = _signed_values(ctx, term)
    if mine is None:
        return None
    equal = [j for j, other in enumerate(source.terms) if j == k or _equal_values(mine, _signed_values(ctx, other))]
    if len(equal) < 2 or equal[0] != k:
        return None
    count = _number_node(0, 0, Fraction(len(equal)))
    factors = term.node.factors if isinstance(term.node, n.Mul) else (term.node,)
    ops = term.node.ops if isinstance(term.node, n.Mul) else ()
    node = n.Mul(term.node.start, term.node.end, (count,) + tuple(factors), ops=("",) + tuple(ops))
    return _joined([str(len(equal)), body]), node


def _worked_copy(ctx: Context, source: n.Add, terms: tuple[n.Term, ...],
                 term: n.Term) -> tuple[str, str, n.Node] | None:
    """A term of the line before as a line that works out the factors after each term's first one
    writes it, as (sign, text, tree): the first factor as written, the rest as the number or the
    matrix of numbers it is, written as the line writes its own (``3 (-5)`` beside ``1 (-1) - 4 (-4)``,
    from ``1|A| - 4|B| + 3|C|``). None unless a term of the line is written so from one before."""
    if not isinstance(term.node, n.Mul):
        return None
    template = _worked_template(ctx, source, terms)
    value = _worked_value(ctx, term.node) if template is not None else None
    if value is None:
        return None
    join, like = template
    if isinstance(value, Fraction) == isinstance(like, n.MatrixLit):
        return None
    written = _worked_text(ctx, value, like)
    if written is None:
        return None
    lead = term.node.factors[0]
    try:
        from lintmath.parse.parser import parse_math
        factor = parse_math(written)
    except Exception:
        return None
    shown = _compact(ctx.lhs_text[lead.start : lead.end]) + join + written
    return term.sign, shown, n.Mul(term.node.start, term.node.end, (lead, factor), ops=term.node.ops[:1])


def _worked_value(ctx: Context, node: n.Mul) -> Fraction | tuple[tuple[Fraction, ...], ...] | None:
    """The value of the factors of a product after its first, a small fraction or a matrix of them."""
    from lintmath.comparator import evaluate

    rest = node.factors[1:]
    tree = rest[0] if len(rest) == 1 else n.Mul(rest[0].start, node.end, rest, ops=node.ops[1:])
    if ctx.quick is None or not ctx.quick.usable:
        return None
    try:
        expr = ctx.quick._lower(ctx.comparator.instances(ctx.reading)[0], tree)
        rows = expr.tolist() if getattr(expr, "is_Matrix", False) else None
        cells = [x for row in rows for x in row] if rows is not None else [expr]
        if any(getattr(x, "free_symbols", None) for x in cells) or len(cells) > 16:
            return None
        values = []
        for x in cells:
            v = evaluate(x, {})
            nice = None if v is None or abs(sp.im(v)) > 1e-12 else _nice(sp.re(v))
            if nice is None:
                return None
            values.append(nice)
    except Exception:
        return None
    if rows is None:
        return values[0]
    width = len(rows[0])
    return tuple(tuple(values[i : i + width]) for i in range(0, len(values), width))


def _worked_text(ctx: Context, value, like: n.Node) -> str | None:
    """A worked-out value written like the line's own: a number (bracketed when negative, or when the
    line brackets its numbers), or a matrix in the line's environment."""
    def number(x: Fraction) -> str:
        body = _synthesized_text(ctx, sp.Rational(abs(x.numerator), x.denominator), []) or "1"
        return ("-" if x < 0 else "") + body

    if isinstance(value, Fraction):
        body = number(value)
        return f"({body})" if value < 0 or isinstance(like, n.Paren) else body
    text = ctx.rhs_text[like.start : like.end]
    begin, end = re.match(r"\\begin\{\w+\}", text), re.search(r"\\end\{\w+\}\s*$", text)
    if begin is None or end is None:
        return None
    rows = " \\\\ ".join(" & ".join(number(x) for x in row) for row in value)
    return f"{begin.group()} {rows} {end.group().strip()}"


def _worked_template(ctx: Context, source: n.Add, terms: tuple[n.Term, ...]) -> tuple[str, n.Node] | None:
    """How the line writes a term of the line before whose factors after the first it worked out, as
    (the text between the first factor and the value, the value's node): a term of the line that has
    the first factor and the sign of a term of the line before, and the value of the rest after it."""
    for mine in terms:
        if not isinstance(mine.node, n.Mul) or len(mine.node.factors) != 2:
            continue
        lead, written = mine.node.factors
        value = _constant(written)
        if value is None and isinstance(written, n.MatrixLit) and not written.det:
            cells = [_constant(x) for row in written.rows for x in row]
            value = None if None in cells or len({len(r) for r in written.rows}) != 1 else \
                tuple(tuple(_constant(x) for x in row) for row in written.rows)
        if value is None:
            continue
        for theirs in source.terms:
            if not isinstance(theirs.node, n.Mul) or theirs.sign != mine.sign:
                continue
            first = theirs.node.factors[0]
            if _squash(ctx.lhs_text[first.start : first.end]) == _squash(ctx.rhs_text[lead.start : lead.end]) \
                    and _worked_value(ctx, theirs.node) == value:
                return ctx.rhs_text[lead.end : written.start], written
    return None


def _simplified_copy(ctx: Context, term: n.Term, rewritten: bool) -> tuple[str, str, n.Node] | None:
    """A term of the line before as the next line would write it, as (sign, text, tree): with its
    numeric coefficient worked out (``\\frac{3}{5}x`` for ``\\frac{2/5}{2/3}\\cdot x``), or, in a line
    that rewrote every term, as the number it is (``1`` for ``\\cos\\theta(\\cos\\theta)^{-1}``). None
    when the term is already written that way: then it is copied as it stands."""
    node, lhs_text = term.node, ctx.lhs_text
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    lead = 0
    while lead < len(factors) and _constant(factors[lead]) is not None:
        lead += 1
    if lead == len(factors):
        value = _constant(node)
    elif lead and not (lead == 1 and _plain_number(factors[0])):
        value = Fraction(1)
        for f in factors[:lead]:
            value *= _constant(f)
    elif rewritten and numeric_value(node) is None:
        value = _lowered_number(ctx, node)
    else:
        return None
    if value is None or value.denominator > NICE_DENOMINATOR or abs(value.numerator) > MAX_SYNTH_COEFFICIENT:
        return None
    sign = term.sign if value >= 0 else "+" if term.sign == "-" else "-"
    number = _synthesized_text(ctx, sp.Rational(abs(value.numerator), value.denominator), []) or "1"
    if lead == len(factors) or lead == 0:
        return sign, number, _number_node(0, 0, abs(value))
    rest = factors[lead:]
    shown = _compact(lhs_text[rest[0].start : node.end])
    if abs(value) != 1:
        shown = _joined([number, shown])
        rest = (_number_node(0, 0, abs(value)),) + rest
    tree = rest[0] if len(rest) == 1 else n.Mul(node.start, node.end, rest, ops=("",) * (len(rest) - 1))
    return sign, shown, tree


def _constant(node: n.Node) -> Fraction | None:
    """The value of a constant written with numbers and arithmetic alone (``\\frac{2/5}{2/3}``, ``(1+0)``)."""
    if isinstance(node, n.Num):
        try:
            return Fraction(node.value)
        except ValueError:
            return None
    if isinstance(node, n.Paren) and node.delim in ("(", "[", "{"):
        return _constant(node.inner)
    if isinstance(node, n.Div):
        num, den = _constant(node.num), _constant(node.den)
        return num / den if num is not None and den else None
    if isinstance(node, n.Mul):
        value = Fraction(1)
        for f in node.factors:
            v = _constant(f)
            if v is None:
                return None
            value *= v
        return value
    if isinstance(node, n.Add):
        total = Fraction(0)
        for t in node.terms:
            v = _constant(t.node)
            if v is None:
                return None
            total += -v if t.sign == "-" else v
        return total
    return None


def _plain_number(node: n.Node) -> bool:
    """A number as a line writes a worked-out coefficient: ``3``, ``0.5``, ``\\frac{1}{2}`` in lowest terms."""
    if isinstance(node, n.Num):
        return True
    value = numeric_value(node)
    return value is not None and node.den.value.isdigit() and value.denominator == int(node.den.value)


def _lowered_number(ctx: Context, node: n.Node) -> Fraction | None:
    """The value of a term of the line before that is a constant (an integral with its bounds, a
    ratio that cancels), as a small fraction; None when it depends on a letter or is no nice number."""
    from lintmath.comparator import evaluate

    if ctx.quick is None or not ctx.quick.usable:
        return None
    try:
        expr = ctx.quick._lower(ctx.comparator.instances(ctx.reading)[0], node)
        if getattr(expr, "is_Matrix", False) or expr.free_symbols:
            return None
        value = evaluate(expr, {})
    except Exception:
        return None
    if value is None or abs(sp.im(value)) > 1e-12:
        return None
    return _nice(sp.re(value))


def _count(source: n.Add, text: str, body: str) -> int:
    return sum(_squash(text[t.node.start : t.node.end]) == _squash(body) for t in source.terms)
