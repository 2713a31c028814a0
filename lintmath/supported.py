"""Infinite series of a sequence the document defines elsewhere, read over a finitely supported sequence.

``\\sum_{k=0}^\\infty \\gamma^k R_{t+k+1} = R_{t+1} + \\gamma \\sum_{k=0}^\\infty \\gamma^k R_{t+k+2}`` (a return peeled),
``\\sum_{n\\ge1} n a_n x^{n-1} = \\sum_{n\\ge0} (n+1) a_{n+1} x^n`` (a generating function differentiated) and
``\\sum_{n\\ge0} a_n z^n = a_0 + \\sum_{n\\ge1} a_n z^n`` hold for any sequence whose series converge: they
shift an index, peel a term, split a range. Whether and to what such a series converges is the
sequence's property, which a random stand-in cannot know (see lower.lower_series); but the step's
claim is the same for every sequence, and a sequence that is zero outside ``[-SUPPORT, SUPPORT]`` is one:
each series is then a finite sum, lowered exactly, members at the sampled values inside the window.

The reading is sound both ways only where every series writes its sequences at one index (``a_k b_k``,
``V(s_{t+k})``, never ``a_{k+1} - a_k``) and each term vanishes with its members (``\\gamma^k R_{t+k+1}``,
not ``a_k + 1/k^2``). Then the members outside the window are left out term by term, every series is a
partial sum of itself, and two sides that agree on every finitely supported sequence agree in the
limit. A series that telescopes within itself (``\\sum_k (a_k - a_{k+1}) = a_0``) holds on a finite
support and needs ``a_k \\to 0`` in general, and a sum of two sequences at different shifts
(``\\sum_k (a_k + b_{k+1})``) may converge while neither part does: both are left undecided, unless every
term carries a power of a variable whose exponent moves with the index (``(a_n - 2a_{n-1}) z^n``,
``\\gamma^k (r_{t+k} + \\gamma V_{t+k+1} - V_{t+k})``): then each side is a power series in it, and two power
series that agree as polynomials on every window agree coefficient by coefficient, wherever they
converge. The window is wide beside the numbers the step writes (at most MAX_LITERAL), so that a slip
among the written terms lies inside it and a term the window drops is one every side drops alike.

Whether the sides write the same members (check._members_differ) tells a shift from a recurrence of
the prose put in (``\\sum_{n\\ge1} a_n x^n = 2x\\sum_{n\\ge0} a_n x^n``): only the former keeps them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lintmath.parse import nodes as n
from lintmath.parse.ellipsis import affine

SUPPORT = 30  # the sequence is zero at indices beyond +-SUPPORT
REACH = 15  # the first member a series writes lies within +-REACH, well inside the window
MAX_LITERAL = 8  # a series writing larger numbers (a_{k+20}, \sum_{k \ge 50}) is not read so

# how a part of a term depends on the members: zero wherever they are, or free of them
ZERO, FREE = "zero", "free"


def series_members(op: n.BigOp, library: Callable[[n.Apply], bool],
                   product: Callable[[n.Apply], bool]) -> tuple[tuple[n.Node, n.Node], ...] | None:
    """The members of sequences the body of a series writes, each with its index (``R_{t+k+1}`` and
    ``t+k+1``, ``f(k)`` and ``k``), when the body is a sum of products each holding a member and every
    index is affine in the series' letter (see the module's doc); None where it writes none, or writes
    them otherwise. ``library``: the applications of functions lintmath knows; ``product``: those read
    as products (``a_k (k+1)``)."""
    body, var = op.body, op.var
    if any(isinstance(x, (n.BigOp, n.Integral, n.Limit, n.Deriv, n.Optimum)) for x in body.walk()):
        return None
    product = _or_by_index(product, var)
    found = _members(body, var, library, product)
    if not found or _part(body, set(found), product) != ZERO:  # (None: a_{k,j}, f(k, x))
        return None
    for _, index in found.values():
        value = affine(index)
        if value is None or not value.integral or not dict(value.coeffs).get(var):
            return None  # a_{k^2}, a_{k/2}: no affine index whose members leave the window for good
    if len({n.structure(index) for _, index in found.values()}) > 1:
        # a_n - 2a_{n-1}: sound as coefficients of a power series only (see the module's doc)
        fixed = {var} | {x.base for _, index in found.values() for x in index.walk() if isinstance(x, n.Sym)} \
            | {x.base for bound in (op.lo, op.hi) if bound is not None for x in bound.walk() if isinstance(x, n.Sym)}
        if not _powered(body, var, fixed):
            return None
    return tuple(found.values())


def _powered(node: n.Node, var: str, fixed: set[str]) -> bool:
    """Whether every term of ``node`` carries a power of a variable (not ``fixed``) whose exponent moves
    with ``var``: ``(a_n - 2a_{n-1}) z^n``, ``\\gamma^k (r_{t+k} + \\gamma V_{t+k+1} - V_{t+k})``, ``x[n-1] z^{-n}``."""
    while isinstance(node, n.Paren):
        node = node.inner
    if isinstance(node, n.Pow):
        base, value = node.base, affine(node.exp)
        while isinstance(base, n.Paren):
            base = base.inner
        # (\\gamma\\lambda)^l: a power series in the product of the letters
        letters = base.factors if isinstance(base, n.Mul) and all(op in ("", "\\cdot") for op in base.ops) else (base,)
        return all(isinstance(x, n.Sym) and not (x.indices or x.style or x.primes) and x.base not in fixed
                   for x in letters) and value is not None and bool(dict(value.coeffs).get(var))
    if isinstance(node, n.Mul):
        return any(_powered(f, var, fixed) for f in node.factors)
    if isinstance(node, n.Div):
        return _powered(node.num, var, fixed) or _powered(node.den, var, fixed)
    if isinstance(node, n.Add):
        return all(_powered(t.node, var, fixed) for t in node.terms)
    return False


def _or_by_index(product: Callable[[n.Apply], bool], var: str) -> Callable[[n.Apply], bool]:
    """``product``, and the index letter before a bracket, ``n(n-1)``, which names no function."""
    return lambda x: product(x) or x.func.base == var and not (x.func.indices or x.func.style or x.primes)


def slope(index: n.Node, var: str) -> int:
    """How far the index moves per step of ``var`` (1 for t+k+1, -1 for n-k, 2 for 2k)."""
    value = affine(index)
    assert value is not None
    return int(dict(value.coeffs)[var])


def written_numbers(node: n.Node) -> int:
    """The largest whole number a series writes (in its bounds, indices and terms)."""
    return max((int(x.value) for x in node.walk() if isinstance(x, n.Num) and x.value.isdigit()), default=0)


def _members(body: n.Node, var: str, library: Callable[[n.Apply], bool],
             product: Callable[[n.Apply], bool]) -> dict[int, tuple[n.Node, n.Node]] | None:
    """The members of sequences in ``body`` by id: a letter with an index in ``var`` (``a_{k+1}``), or a
    function the document defines applied at one (``V(s_{t+k})``, ``f(k)``, ``h[k]``), each with that index.
    A library function of a member (``\\log a_k``) is none (_part refuses the body); None where a member
    is written otherwise (several indices or arguments, a primed letter), which the window would cut
    off as a value it does not zero."""
    out: dict[int, tuple[n.Node, n.Node]] = {}
    inside: set[int] = set()
    for x in body.walk():
        if id(x) in inside:
            continue
        if isinstance(x, n.Apply) and not library(x) and not product(x) and any(n.mentions(a, {var}) for a in x.args):
            if len(x.args) != 1 or x.primes or x.func.indices:
                return None
            arg = x.args[0]
            while isinstance(arg, n.Paren):
                arg = arg.inner
            if isinstance(arg, n.Sym) and len(arg.indices) == 1 and n.mentions(arg.indices[0], {var}):
                out[id(x)] = (x, arg.indices[0])
            elif affine(arg) is not None:
                out[id(x)] = (x, arg)
            else:
                return None
            inside.update(id(y) for y in x.walk())
        elif isinstance(x, n.Sym) and any(n.mentions(i, {var}) for i in x.indices):
            if len(x.indices) != 1 or x.primes or x.labels or x.sup_letter is not None:
                return None
            out[id(x)] = (x, x.indices[0])
            inside.update(id(y) for y in x.walk())
    return out


def _part(node: n.Node, members: set[int], product: Callable[[n.Apply], bool]) -> str | None:
    """ZERO where ``node`` vanishes whenever its members do (a product with a member among its factors, a
    sum of such), FREE where it holds no member, None otherwise (a member in a denominator, an exponent,
    a function's argument, beside a term without one)."""
    if id(node) in members:
        return ZERO
    if not any(id(x) in members for x in node.walk()):
        return FREE
    if isinstance(node, n.Paren) and node.delim in ("(", "[", ""):
        return _part(node.inner, members, product)
    if isinstance(node, n.Add):
        parts = {_part(t.node, members, product) for t in node.terms}
        return ZERO if parts == {ZERO} else None
    factors: tuple[n.Node, ...] = ()
    if isinstance(node, n.Mul) and all(op in ("", "\\cdot") for op in node.ops):
        factors = node.factors
    elif isinstance(node, n.Apply) and product(node):
        factors = (node.func, *node.args)
    elif isinstance(node, n.Pow) and isinstance(node.base, n.Apply) and product(node.base):
        # c_n (x-a)^n read as a product is c_n times (x-a)^n: the exponent belongs to the bracket
        factors = (node.base.func, *(replace(node, base=a) for a in node.base.args))
    if factors:
        parts = [_part(f, members, product) for f in factors]
        return ZERO if None not in parts and ZERO in parts else None
    if isinstance(node, n.Div):
        return ZERO if _part(node.num, members, product) == ZERO and _part(node.den, members, product) == FREE else None
    if isinstance(node, n.Pow):
        positive = isinstance(node.exp, n.Num) and node.exp.value.isdigit() and int(node.exp.value) > 0
        return ZERO if positive and _part(node.base, members, product) == ZERO else None
    return None


def windowed(op: n.BigOp, library: Callable[[n.Apply], bool]) -> bool:
    """Whether a series is read on a window whether its ambiguous applications (``a_k (k+1)``) are
    products or not: where a reading of them is summed numerically instead, a difference stays that
    reading's (see check.summed_series)."""
    return op.kind == "sum" and all(series_members(op, library, product) is not None
                                    for product in (_maybe_product, _never_product))


def _maybe_product(x: n.Apply) -> bool:
    return x.maybe_product


def _never_product(x: n.Apply) -> bool:
    return False


def sequence_keys(trees: tuple[n.Node, ...], library: Callable[[n.Apply], bool],
                  infinite: Callable[[n.BigOp], bool]) -> frozenset[str]:
    """The keys of the sequences that the infinite series of ``trees`` read on a window write (the R of
    ``R_{t+k+1}``, the V and s of ``V(s_{t+k})``, the f of ``f(k)``)."""
    out: set[str] = set()
    for tree in trees:
        for op in tree.walk():
            if not (isinstance(op, n.BigOp) and infinite(op) and windowed(op, library)):
                continue
            for member, _ in (*(series_members(op, library, _maybe_product) or ()),
                              *(series_members(op, library, _never_product) or ())):
                if isinstance(member, n.Apply):
                    out.add(member.func.key)
                    member = member.args[0]
                    while isinstance(member, n.Paren):
                        member = member.inner
                if isinstance(member, n.Sym):
                    out.add(member.key)
    return frozenset(out)


def indexed_members(body: n.Node, variables: set[str], library: Callable[[n.Apply], bool]) -> list[n.Node]:
    """The members of sequences a sum's body writes at its index, however it writes them: letters with
    an index in ``variables`` (``a_{k+1}``, ``w_{ik}``) and the functions the document defines applied at
    one (``T(i)``, ``x[k]``); an application read as a product (``a_k (k+1)``) counts its factors."""
    out: list[n.Node] = []
    inside: set[int] = set()
    for x in body.walk():
        if id(x) in inside:
            continue
        if isinstance(x, n.Apply) and not library(x) and not x.func.indices \
                and any(n.mentions(a, variables) for a in x.args) and x.func.base not in variables:
            out.append(x)
            inside.update(id(y) for y in x.walk())
        elif isinstance(x, n.Sym) and any(n.mentions(i, variables) for i in x.indices):
            out.append(x)
            inside.update(id(y) for y in x.walk())
    return out
