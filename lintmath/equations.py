"""Whether two equations, each written as ``lhs - rhs`` (= 0), are one equation being solved.

A display whose rows each write their own left side (``3x + 5 = x - 7`` then ``2x = -12`` then
``x = -6``) solves an equation: its rows are conditions, not identities, and the first of them
"differs" as an identity while being correct. Two such rows are read as the same equation when their
differences are proportional (a rearrangement, a division by a number) or, in one unknown, when they
share a root (squaring both sides, factoring). Only ever used to withhold a refutation.
"""
from __future__ import annotations

import random

import sympy as sp

_POINTS = 3
_CLOSE = 1e-8
_MAX_DEGREE = 12


def as_symbols(*exprs: sp.Expr) -> tuple[list[sp.Expr], list[sp.Symbol]]:
    """The expressions with derivatives and undefined functions (y', y(x)) put as plain symbols,
    and the symbols they then have: an equation in y and y' is one in two unknowns."""
    atoms = set()
    for e in exprs:
        atoms |= e.atoms(sp.Derivative)
    swap = {a: sp.Dummy(f"d{k}") for k, a in enumerate(sorted(atoms, key=sp.default_sort_key))}
    out = [e.xreplace(swap) for e in exprs]
    calls = set()
    for e in out:
        calls |= {f for f in e.atoms(sp.Function) if isinstance(f, sp.core.function.AppliedUndef)}
    swap = {f: sp.Dummy(f"f{k}") for k, f in enumerate(sorted(calls, key=sp.default_sort_key))}
    out = [e.xreplace(swap) for e in out]
    free = sorted(set().union(*(e.free_symbols for e in out)), key=sp.default_sort_key)
    return out, free


def same_solutions(first: sp.Expr, second: sp.Expr) -> bool:
    """Whether ``first = 0`` and ``second = 0`` are one equation: proportional, or (one unknown,
    polynomial) with a real root in common."""
    if not all(isinstance(e, sp.Expr) for e in (first, second)):
        return False
    (a, b), free = as_symbols(first, second)
    if not free or not a.free_symbols or not b.free_symbols or not (varies(a, free) and varies(b, free)):
        return False  # an identity (0 everywhere) or a number is no equation in an unknown
    return proportional(a, b, free) or (len(free) == 1 and _common_root(a, b, free[0]))


def sample_values(e: sp.Expr, free: list[sp.Symbol], seed: int) -> list[complex]:
    rng = random.Random(seed)
    return [complex(e.evalf(20, subs={s: sp.Rational(rng.randint(11, 97), 37) for s in free}))
            for _ in range(_POINTS)]


def varies(e: sp.Expr, free: list[sp.Symbol]) -> bool:
    """Whether ``e`` takes different values at the sample points (is no constant, nor 0)."""
    values = sample_values(e, free, 11)
    return any(abs(v - values[0]) > _CLOSE * max(1.0, abs(values[0])) for v in values)


def proportional(a: sp.Expr, b: sp.Expr, free: list[sp.Symbol]) -> bool:
    ratios = []
    for va, vb in zip(sample_values(a, free, 7), sample_values(b, free, 7)):
        if abs(va) < _CLOSE or abs(vb) < _CLOSE:
            return False
        ratios.append(vb / va)
    return all(abs(r - ratios[0]) <= _CLOSE * max(1.0, abs(ratios[0])) for r in ratios)


def _common_root(a: sp.Expr, b: sp.Expr, x: sp.Symbol) -> bool:
    """Whether a real root of whichever of ``a``, ``b`` is a polynomial in ``x`` solves the other."""
    for poly, other in ((a, b), (b, a)):
        if not poly.is_polynomial(x):
            continue
        p = sp.Poly(sp.expand(poly), x)
        if not 1 <= p.degree() <= _MAX_DEGREE:
            continue
        for root in p.nroots(n=20):
            if abs(sp.im(root)) > _CLOSE:
                continue
            try:
                value = complex(other.evalf(20, subs={x: sp.re(root)}))
            except (TypeError, ValueError):
                continue
            if abs(value) < 1e-6:
                return True
    return False
