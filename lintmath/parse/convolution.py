"""Convolutions of signals read by their laws: ``x[k] * \\delta[k - k_0] = x[k - k_0]``,
``x(t) * h(t) = \\int_{-\\infty}^{\\infty} x(\\tau) h(t - \\tau)\\,d\\tau``.

A star between signals is read only while ``reading()`` is in force (check.py enters it for a step
the plain reading left with a star it could not read). It is then rewritten to what the laws of the
convolution make of it, which hold for every signal: it is bilinear (scalars and sums come out),
commutative and associative, the impulse is its unit and a shifted impulse shifts
(``f[k] * \\delta[k - c] = f[k - c]``, for any f, a written-out one too). What remains, a convolution
of named signals, is one new signal named by the multiset of its factors (``x * h`` and ``h * x`` the
same) at the sum of their shifts. A bilateral sum or integral of the product of two signals whose
arguments add up to the same point, free of the dummy variable (``\\sum_m x[m] h[k - m]``), is the
same convolution at that point: its definition.

Anything else (a product of signals convolved, a time reversal ``x[-k]``, a signal not in the one time
variable the operands share, a sum over a finite range) stays unread. The new signals are unknown
functions to the comparison, so only a step whose sides write the same convolutions can be refuted
(see check._as_convolutions): a signal the prose defines, or the unit step, may make two different
convolutions equal."""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from fractions import Fraction
from typing import Iterator

from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure

_READING: ContextVar[bool] = ContextVar("convolutions", default=False)
# signals that conventions define (the unit step, as u, \sigma, \varepsilon or \theta): a convolution of
# one has values of its own, which may make it equal to what the other side writes
KNOWN_SIGNALS = frozenset({"u", "\\sigma", "\\varepsilon", "\\epsilon", "\\theta", "\\Theta"})
# the name a convolution of named signals gets joins theirs so: no letter is written with it
JOIN = " \\ast "

_NAME = r"(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{?[A-Za-z0-9]+\}?)?"
_STAR = r"\s*(?:\*|\\ast(?![A-Za-z]))\s*"
_NAMED = re.compile(r"\(\s*(" + _NAME + r"(?:" + _STAR + _NAME + r")+)\s*\)\s*(\[[^\[\]]*\]|\([^()]*\))")


# the point a convolution is taken at: its time letter, shifted by terms free of it
_POINT = re.compile(r"\s*(" + _NAME + r")\s*((?:[+-][^\[\]()]*)?)")


def applied_names(text: str) -> str:
    """``(x * h)[k]`` as ``(x[k] * h[k])``: the convolution of named signals at a point, which the
    stars between applied signals write too. A shifted point shifts one operand only (``(x * h)[k - 3]``
    is ``x[k - 3] * h[k]``: shifting both would shift the convolution twice); a point that is no time letter
    plus a shift (``(x * h)[2k]``) is left as written."""
    def spread(match: re.Match) -> str:
        names = re.split(_STAR, match.group(1))
        bracket = match.group(2)
        point = _POINT.fullmatch(bracket[1:-1])
        if point is None:
            return match.group(0)
        letter, shift = point.groups()
        if shift and re.search(re.escape(letter) + r"(?![A-Za-z])", shift):
            return match.group(0)
        at = bracket[0] + letter + bracket[-1]
        return "(" + " * ".join(name + (bracket if k == 0 else at) for k, name in enumerate(names)) + ")"
    return _NAMED.sub(spread, text)


_DEFINED = re.compile(r"\s*(" + _NAME + r")\s*([\[(])\s*([A-Za-z]|\\[A-Za-z]+)\s*[\])]\s*")
_CLOSING = {"[": "]", "(": ")"}


def with_definition(text: str, lhs: str, rhs: str) -> str:
    """``text`` with each application of the signal that ``lhs = rhs`` defines (``h[k] = \\delta[k] -
    \\delta[k-1]``) replaced by its value at the argument written; ``text`` itself where the definition
    is no signal's in its time letter alone, or its value binds or indexes by that letter."""
    match = _DEFINED.fullmatch(lhs)
    if match is None:
        return text
    name, bracket, letter = match.groups()
    free = re.escape(letter) + r"(?![A-Za-z])" if letter.startswith("\\") else \
        r"(?<![\\A-Za-z])" + letter + r"(?![A-Za-z])"
    if re.search(r"\\(sum|int|prod)(?![A-Za-z])", rhs) or re.search(r"_\{?\s*" + free, rhs) \
            or re.search(free + r"\s*_", rhs):
        return text
    out, k = [], 0
    head = re.compile(r"(?<![\\A-Za-z_])" + re.escape(name) + r"(?![A-Za-z_])\s*" + re.escape(bracket))
    while True:
        found = head.search(text, k)
        if found is None:
            return "".join(out) + text[k:]
        depth, end = 1, found.end()
        while end < len(text) and depth:
            depth += text[end] == bracket
            depth -= text[end] == _CLOSING[bracket]
            end += 1
        if depth:
            return text
        argument = text[found.end():end - 1]
        value = re.sub(free, lambda at: _put(rhs, at, argument), rhs)
        out.append(text[k:found.start()] + "\\left(" + value + "\\right)")
        k = end


def _put(text: str, at: re.Match, argument: str) -> str:
    """``argument`` in place of the letter matched ``at``: braced, as a^k takes it whole, and bracketed but
    where it is a whole superscript (a^{(k)} would be a label, as x^{(i)})."""
    before, after = text[:at.start()].rstrip(), text[at.end():].lstrip()
    if before.endswith("^") or before.endswith("^{") and after.startswith("}"):
        return "{" + argument + "}"
    return "{(" + argument + ")}"


def active() -> bool:
    """Whether stars between signals are read as convolutions."""
    return _READING.get()


@contextmanager
def reading() -> Iterator[None]:
    token = _READING.set(True)
    try:
        yield
    finally:
        _READING.reset(token)


def convolved(chunks: list[list[n.Node]], star: str) -> n.Node:
    """The convolution of ``chunks`` (the factors between stars), by its laws; raises ParseFailure
    (``star`` between factors may be a convolution) where they do not decide it."""
    time = _time_letter(chunks)
    if time is None:
        raise ParseFailure(f"{star} between factors may be a convolution")
    result = _terms(chunks[0], time)
    for chunk in chunks[1:]:
        right = _terms(chunk, time)
        if result is None or right is None:
            raise ParseFailure(f"{star} between factors may be a convolution")
        result = [_product(a, b, time) for a in result for b in right]
        if any(term is None for term in result):
            raise ParseFailure(f"{star} between factors may be a convolution")
    if result is None:
        raise ParseFailure(f"{star} between factors may be a convolution")
    start, end = chunks[0][0].start, chunks[-1][-1].end
    return _written(result, start, end)  # type: ignore[arg-type]


# a term of a signal: its sign, its scalar factors, and the signal (an Apply of a name or of \delta,
# or a written-out expression in the time letter, which only an impulse may be convolved with)
_Term = tuple[str, tuple[n.Node, ...], n.Node]


def _written(terms: list[_Term], start: int, end: int) -> n.Node:
    out = []
    for sign, scalars, signal in terms:
        node = signal if not scalars else n.Mul(start, end, (*scalars, signal), False, ("",) * len(scalars))
        out.append(n.Term(start, end, sign, node))
    if len(out) == 1 and out[0].sign == "+":
        return n.Paren(start, end, out[0].node)
    return n.Paren(start, end, n.Add(start, end, tuple(out)))


def _terms(chunk: list[n.Node], time: n.Sym) -> list[_Term] | None:
    """``chunk`` (factors) as a sum of scalar multiples of signals, or None."""
    if len(chunk) == 1:
        inner = chunk[0]
        while isinstance(inner, n.Paren) and inner.delim == "(":
            inner = inner.inner
        if isinstance(inner, n.Add):
            out: list[_Term] = []
            for term in inner.terms:
                parts = _terms(_factors(term.node), time)
                if parts is None:
                    return None
                out.extend((_flip(sign) if term.sign == "-" else sign, scalars, signal)
                           for sign, scalars, signal in parts)
            return out
        if inner is not chunk[0]:
            return _terms(_factors(inner), time)
    # (a factor free of the time letter is a number to the convolution, a sample x(kT) too)
    signals = [f for f in chunk if _mentions(f, time)]
    scalars = tuple(f for f in chunk if not _mentions(f, time))
    if len(signals) == 1 and isinstance(signals[0], n.Apply) and _signal_name(signals[0]) is not None \
            and _shift_of(signals[0].args[0], time):
        return [("+", scalars, signals[0])]
    if len(signals) == 1 and isinstance(signals[0], n.Apply) and signals[0].maybe_product \
            and len(signals[0].args) == 1 and isinstance(signals[0].args[0], n.Add) \
            and not _mentions(signals[0].func, time) and _signal_name(signals[0]) is not None:
        # \\pi\\left(\\delta(\\omega + \\omega_0) + \\delta(\\omega - \\omega_0)\\right): a number times a sum of
        # signals, which no one applies a function to
        factor, inner = signals[0], signals[0].args[0]
        number: n.Node = factor.func
        if factor.func.base == "\\pi" and not factor.func.indices:
            number = n.Const(number.start, number.end, "pi")  # (the parser's \\pi, read as the function's name)
        return _terms([*scalars, number, n.Paren(inner.start, inner.end, inner)], time)
    if len(signals) == 1 and _summed_signal(signals[0], time):
        return [("+", scalars, signals[0])]
    if len(signals) == 1 and isinstance(signals[0], n.Paren):
        inner = _terms([signals[0]], time)
        return None if inner is None else [(sign, scalars + s, signal) for sign, s, signal in inner]
    if not signals or any(isinstance(x, (n.BigOp, n.Integral, n.Deriv, n.Optimum, n.Limit, n.Unsupported))
                          for f in signals for x in f.walk()):
        return None
    # a signal written out, a^k u[k]: convolved with impulses only
    body = signals[0] if len(signals) == 1 else n.Mul(signals[0].start, signals[-1].end, tuple(signals), False,
                                                       ("",) * (len(signals) - 1))
    return [("+", scalars, n.Paren(body.start, body.end, body))]


def _summed_signal(node: n.Node, time: n.Sym) -> bool:
    """A sum of signals over another letter than time (an impulse train, \\sum_\\mu \\delta(t - \\mu T))."""
    return isinstance(node, n.BigOp) and node.kind == "sum" and node.var != time.base and not (
        time.indices or node.exclude or node.extra_vars or node.over or node.tuples)


def _factors(node: n.Node) -> list[n.Node]:
    if isinstance(node, n.Mul) and all(op in ("", "\\cdot") for op in node.ops):
        return list(node.factors)
    return [node]


def _flip(sign: str) -> str:
    return "-" if sign == "+" else "+"


def _product(a: _Term, b: _Term, time: n.Sym) -> _Term | None:
    sign = "+" if a[0] == b[0] else "-"
    scalars = a[1] + b[1]
    left, right = a[2], b[2]
    for one, summed in ((left, right), (right, left)):
        if isinstance(summed, n.BigOp) and not _is_impulse(one):
            # f * \\sum_l g_l = \\sum_l f * g_l: the sum's letter must not be one of f's
            if any(isinstance(x, n.Sym) and x.base == summed.var for x in one.walk()):
                return None
            inner = _terms(_factors(summed.body), time)
            parts = None if inner is None else [_product(("+", (), one), term, time) for term in inner]
            if parts is None or any(part is None for part in parts):
                return None
            body = _written(parts, summed.body.start, summed.body.end)  # type: ignore[arg-type]
            return sign, scalars, replace(summed, body=body)
    if _is_impulse(right):
        left, right = right, left
    if _is_impulse(left):
        # f[k] * \delta[k - c] = f[k - c]: the time letter of f moved to the impulse's argument
        point = left.args[0]  # type: ignore[attr-defined]
        return sign, scalars, _at(right, time, point)
    if _signal_name(left) is None or _signal_name(right) is None:
        return None  # a signal written out, convolved with another than an impulse: its sum is not taken
    point = _at(left.args[0], time, right.args[0])  # type: ignore[attr-defined]
    return sign, scalars, _named_at(left, right, point)  # type: ignore[arg-type]


def _named_at(left: n.Apply, right: n.Apply, point: n.Node) -> n.Apply:
    """The convolution of two named signals (each maybe a convolution already) at ``point``."""
    names = sorted(_signal_name(left).split(JOIN) + _signal_name(right).split(JOIN))  # type: ignore[union-attr]
    func = n.Sym(left.func.start, right.func.end, JOIN.join(names))
    return n.Apply(left.start, right.end, func, (point,), bracket=left.bracket)


def _at(node: n.Node, time: n.Sym, point: n.Node) -> n.Node:
    """``node`` with the time letter replaced by ``point``."""
    key = n.structure(time)
    wrapped = point if isinstance(point, (n.Sym, n.Num)) else n.Paren(point.start, point.end, point)
    return n.map_nodes(node, lambda x: wrapped if isinstance(x, n.Sym) and n.structure(x) == key else x)


def _is_impulse(node: n.Node) -> bool:
    return isinstance(node, n.Apply) and node.func.base == "\\delta" and not node.func.indices \
        and _signal_name(node) is not None


def _signal_name(node: n.Node) -> str | None:
    """The name of a signal applied to one argument (``x[k]``, ``h_1(t)``, ``\\delta[k]``), or None."""
    if not isinstance(node, n.Apply) or len(node.args) != 1 or node.primes or node.given >= 0 \
            or node.params >= 0 or node.bracket not in ("(", "["):
        return None
    func = node.func
    if func.style or func.labels or func.primes or func.sup_letter is not None:
        return None
    if JOIN in func.base:
        return func.base
    items = []
    for index in func.indices:
        if isinstance(index, n.Num) or isinstance(index, n.Sym) and not index.indices:
            items.append(index.value if isinstance(index, n.Num) else index.base)
        else:
            return None
    return func.base + ("_{" + ",".join(items) + "}" if items else "")


def _mentions(node: n.Node, time: n.Sym) -> bool:
    key = n.structure(time)
    return any(isinstance(x, n.Sym) and n.structure(x) == key for x in node.walk())


def linear(node: n.Node) -> dict[object, Fraction] | None:
    """An argument as a sum of whole multiples of letters and a number (the key ``None``), or None."""
    if isinstance(node, n.Num):
        try:
            return {None: Fraction(node.value)}
        except ValueError:
            return None
    if isinstance(node, n.Sym):
        return {n.structure(node): Fraction(1)}
    if isinstance(node, n.Paren) and node.delim == "(":
        return linear(node.inner)
    if isinstance(node, n.Add):
        out: dict[object, Fraction] = {}
        for term in node.terms:
            part = linear(term.node)
            if part is None:
                return None
            for key, value in part.items():
                out[key] = out.get(key, Fraction(0)) + (value if term.sign == "+" else -value)
        return out
    if isinstance(node, n.Mul) and all(op in ("", "\\cdot") for op in node.ops):
        # l N, 2\\pi\\mu: a whole multiple of one product of letters, a term of its own
        numbers = [linear(f) for f in node.factors if isinstance(f, n.Num)]
        letters = [f for f in node.factors if not isinstance(f, n.Num)]
        if any(x is None for x in numbers) or not all(isinstance(f, n.Sym) for f in letters):
            return None
        value = Fraction(1)
        for x in numbers:
            value *= x[None]  # type: ignore[index]
        if not letters:
            return {None: value}
        key = n.structure(letters[0]) if len(letters) == 1 else tuple(sorted(map(repr, map(n.structure, letters))))
        return {key: value}
    return None


def _shift_of(argument: n.Node, time: n.Sym) -> bool:
    """Whether ``argument`` is the time letter shifted (``k``, ``k - k_0``, ``t + 2``): no reversal, no scale."""
    form = linear(argument)
    return form is not None and form.get(n.structure(time)) == 1


def _time_letter(chunks: list[list[n.Node]]) -> n.Sym | None:
    """The one letter every operand's signals take as their argument (shifted)."""
    common: dict[object, n.Sym] | None = None
    for chunk in chunks:
        found: dict[object, n.Sym] | None = None
        for factor in chunk:
            for x in factor.walk():
                if isinstance(x, n.Apply) and _signal_name(x) is not None:
                    form = linear(x.args[0]) or {}
                    shifted = {n.structure(y): y for y in x.args[0].walk()
                               if isinstance(y, n.Sym) and form.get(n.structure(y)) == 1}
                    if shifted:  # (a sample x(kT) says nothing of the time letter)
                        found = shifted if found is None else {k: v for k, v in found.items() if k in shifted}
        found = found or {}
        if not found:
            continue  # a signal written out (\\cos(\\Omega k)): the time letter is the others'
        common = found if common is None else {k: v for k, v in common.items() if k in found}
    # (x[k + m] * h[k + m] convolves in k or in m, to different signals: not read)
    return next(iter(common.values())) if common and len(common) == 1 else None


def _infinite(node: n.Node | None, sign: str) -> bool:
    if sign == "+":
        return isinstance(node, n.Const) and node.name == "inf"
    if isinstance(node, n.Const):
        return node.name == "-inf"
    return isinstance(node, n.Add) and len(node.terms) == 1 and node.terms[0].sign == "-" \
        and _infinite(node.terms[0].node, "+")


def defining_sums(tree: n.Node) -> n.Node:
    """``tree`` with each bilateral sum or integral of two signals at arguments adding up to a point
    free of its variable (``\\sum_m x[m] h[k - m]``) read as their convolution at that point."""
    return n.rebuild(tree, _defining_sum)


def _defining_sum(node: n.Node) -> n.Node | None:
    if isinstance(node, n.BigOp) and node.kind == "sum" and not (node.exclude or node.extra_vars or node.over
                                                                 or node.tuples):
        if not (node.lo is None and node.hi is None or _infinite(node.lo, "-") and _infinite(node.hi, "+")):
            return None
        var: object = n.structure(n.Sym(0, 0, node.var))
        body = node.body
    elif isinstance(node, n.Integral) and _infinite(node.lo, "-") and _infinite(node.hi, "+") and not node.region:
        var, body = n.structure(node.var), node.body
    else:
        return None
    factors = _factors(body)
    bound = [f for f in factors if any(isinstance(x, n.Sym) and n.structure(x) == var for x in f.walk())]
    scalars = tuple(f for f in factors if f not in bound)
    if len(bound) != 2 or any(_signal_name(f) is None for f in bound):
        return None
    first, second = (linear(f.args[0]) for f in bound)  # type: ignore[attr-defined]
    if first is None or second is None or {first.get(var), second.get(var)} != {Fraction(1), Fraction(-1)}:
        return None
    left, right = bound  # type: ignore[assignment]
    point = n.Add(left.start, right.end, (n.Term(left.start, left.end, "+", left.args[0]),  # type: ignore[attr-defined]
                                         n.Term(right.start, right.end, "+", right.args[0])))  # type: ignore[attr-defined]
    if _is_impulse(right):
        left, right = right, left
    if _is_impulse(left):
        signal = n.Apply(right.start, right.end, right.func, (point,), bracket=right.bracket)  # type: ignore[attr-defined]
    else:
        signal = _named_at(left, right, point)  # type: ignore[arg-type]
    if not scalars:
        return n.Paren(node.start, node.end, signal)
    return n.Paren(node.start, node.end, n.Mul(node.start, node.end, (*scalars, signal), False,
                                                ("",) * len(scalars)))


def writes_defining_sum(*trees: n.Node) -> bool:
    """Whether a tree writes a convolution out as its sum or integral (see defining_sums)."""
    return any(isinstance(x, (n.BigOp, n.Integral)) and _defining_sum(x) is not None
               for tree in trees for x in tree.walk())
