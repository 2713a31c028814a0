"""Series compared term by term: ``\\sum_k (x_e[k] + x_o[k]) e^{-j\\Omega k} = \\sum_k (x_e[k] + x_o[k])(\\cos\\Omega k
- j\\sin\\Omega k)``, ``g[n] * \\sum_m \\delta[n - mM] = \\sum_m g[n - mM]`` once the convolution is read.

An infinite series of a sequence the document defines elsewhere is not summed (whether and to what it
converges is that sequence's property, see lower.lower_series). Two sides that are both combinations of
series over the same index and the same range are nonetheless equal wherever their terms are: each side
is read as one series whose term is the combination of the terms (a factor free of the index goes
inside, ``c \\sum_k a_k = \\sum_k c a_k``; series added are one series of the sums, as the author writing
them claims each converges), and the two terms are compared with the index a free integer letter.

The reading is verify-only (see check._series_term_by_term): terms that differ may still sum alike
(an index shifted, terms regrouped), so a difference between them is no finding."""
from __future__ import annotations

from dataclasses import replace

from lintmath.parse import nodes as n

# the shape of a series' index range: its letter and both bounds, offsets left out
_Range = tuple[str, object, object]


def _plain_series(node: n.Node) -> bool:
    """A sum over one letter between bounds (written or not), no exclusion, set, pair or list of values."""
    return isinstance(node, n.BigOp) and node.kind == "sum" and not (
        node.exclude or node.extra_vars or node.over or node.tuples or node.values or node.order or node.least)


def _range(node: n.BigOp) -> _Range:
    return (node.var, None if node.lo is None else n.structure(node.lo),
            None if node.hi is None else n.structure(node.hi))


def _unwrapped(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren) and node.delim in ("(", "[", ""):
        node = node.inner
    return node


def _term(node: n.Node) -> tuple[_Range, n.Node] | None:
    """A product with exactly one series among its factors, the others free of its index: the range of
    the series and the product with the series' term in its place; None for anything else."""
    node = _unwrapped(node)
    if isinstance(node, n.Mul) and all(op in ("", "\\cdot") for op in node.ops):
        factors = list(node.factors)
    else:
        factors = [node]
    series = [k for k, f in enumerate(factors) if _plain_series(_unwrapped(f))]
    if len(series) != 1:
        return None
    k = series[0]
    sum_node = _unwrapped(factors[k])
    assert isinstance(sum_node, n.BigOp)
    others = factors[:k] + factors[k + 1:]
    # (a letter named as the index outside the series is another letter, which moving inside would bind)
    if any(n.mentions(f, {sum_node.var}) for f in others):
        return None
    body = n.Paren(sum_node.body.start, sum_node.body.end, sum_node.body)
    if not isinstance(node, n.Mul):
        return _range(sum_node), body
    factors[k] = body
    return _range(sum_node), replace(node, factors=tuple(factors))


def _summand(side: n.Node) -> tuple[_Range, n.Node] | None:
    """A side that is a combination of series over one range, as that range and the combination of
    their terms; None where a term of the side is no series, or the series run over different ranges."""
    inner = _unwrapped(side)
    terms = inner.terms if isinstance(inner, n.Add) else (n.Term(inner.start, inner.end, "+", inner),)
    ranges, out = set(), []
    for term in terms:
        found = _term(term.node)
        if found is None:
            return None
        ranges.add(found[0])
        out.append(n.Term(term.start, term.end, term.sign, found[1], term.sign_start))
    if len(ranges) != 1:
        return None
    if len(out) == 1 and out[0].sign == "+":
        return ranges.pop(), out[0].node
    return ranges.pop(), n.Add(side.start, side.end, tuple(out))


def summands(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node] | None:
    """The terms of two sides that are series over the same index and range (see the module's doc), or
    None where they are not both such, or the index is also a letter of either side outside its series."""
    found = _summand(left), _summand(right)
    if found[0] is None or found[1] is None or found[0][0] != found[1][0]:
        return None
    return found[0][1], found[1][1]
