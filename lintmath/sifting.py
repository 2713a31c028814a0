"""The sifting of an impulse: ``g(t)\\delta(t - a) = g(a)\\delta(t - a)``, ``(n + 1)\\delta[n - 3] = 4\\delta[n - 3]``.

Read as an opaque function, ``\\delta(t - a)`` is no reason for the factors beside it to take their values at
``a``, and a step that sifts them differs at most points. The Dirac (and Kronecker) delta is zero off the
point where its argument vanishes, so a factor beside it may be read at that point. This module writes
that point into the factors (as an evaluation bar), for a reading in which only such a product's
factors change (see Comparator's differ branch): a step that holds there is left undecided, never
verified (the factor may jump at the point, or the delta may be another one), and one that still
differs keeps its refutation.
"""
from __future__ import annotations

from lintmath.parse import nodes as n

DELTA = "\\delta"


def _root(arg: n.Node) -> tuple[n.Sym, n.Node] | None:
    """The letter of an impulse's argument and the point where the argument vanishes: ``t`` (0),
    ``t - a`` (a), ``t + a`` (-a), the letter once with coefficient one and the rest free of it; None else."""
    while isinstance(arg, n.Paren) and arg.delim == "(":
        arg = arg.inner
    if isinstance(arg, n.Sym) and not arg.indices:
        return arg, n.Num(arg.start, arg.end, "0")
    if not isinstance(arg, n.Add):
        return None
    letters = [k for k, t in enumerate(arg.terms) if isinstance(t.node, n.Sym) and not t.node.indices]
    for k in letters:
        term = arg.terms[k]
        var = term.node
        rest = [t for j, t in enumerate(arg.terms) if j != k]
        assert isinstance(var, n.Sym)
        if term.sign != "+" or not rest or any(n.mentions(t.node, {var.base}) for t in rest):
            continue
        # t - a vanishes at a: the other terms with their signs turned
        flipped = tuple(n.Term(t.start, t.end, "-" if t.sign == "+" else "+", t.node, t.sign_start) for t in rest)
        return var, n.Paren(arg.start, arg.end, n.Add(arg.start, arg.end, flipped), "(")
    return None


def _impulse(node: n.Node) -> tuple[n.Sym, n.Node] | None:
    if isinstance(node, n.Apply) and node.func.base == DELTA and not node.func.indices and len(node.args) == 1 \
            and not node.primes:
        return _root(node.args[0])
    return None


def _sifted_product(node: n.Node) -> n.Node | None:
    if not isinstance(node, n.Mul) or not all(op in ("", "\\cdot") for op in node.ops):
        return None
    roots = [r for r in map(_impulse, node.factors) if r is not None]
    if len(roots) != 1:
        return None  # \delta(t)\delta(t - 1): a product of impulses is no distribution
    var, point = roots[0]
    factors = []
    changed = False
    for f in node.factors:
        if _impulse(f) is None and n.mentions(f, {var.base}):
            f = n.EvalBar(f.start, f.end, n.Paren(f.start, f.end, f, "("), point, None, var)
            changed = True
        factors.append(f)
    return n.Mul(node.start, node.end, tuple(factors), node.explicit, node.ops) if changed else None


def sifted(tree: n.Node) -> n.Node | None:
    """``tree`` with the factors beside each impulse in a product read at the impulse's point; None when
    no product of the tree has such a factor."""
    seen = []

    def visit(node: n.Node) -> n.Node | None:
        found = _sifted_product(node)
        if found is not None:
            seen.append(node)
        return found
    out = n.rebuild(tree, visit)
    return out if seen else None
