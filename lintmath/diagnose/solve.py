"""Solving for a value. Some edits need a value (the missing factor, the right constant). Those are
solved for, not guessed: the unknown becomes a *hole* symbol in the tree, and a few secant steps at
one sampled point find the value that makes the two sides agree; only small rationals are proposed,
and the proposal is then judged by the comparator on every point like any other candidate.
"""
from __future__ import annotations

import random
from fractions import Fraction
from typing import Callable

import sympy as sp

from lintmath.diagnose.edits import Context
from lintmath.parse import nodes as n


HOLE = "?hole"  # the name of the unknown a solve looks for; no LaTeX letter reads as this
NICE_DENOMINATOR = 32
SOLVE_POINTS = 3


# -- solving for a value -------------------------------------------------------------------------

def solve_hole(ctx: Context, tree: n.Node, guess: Fraction, places: int = 0) -> Fraction | None:
    """The small rational that, put in the hole of ``tree``, makes it agree with the left side at a
    sampled point; None when there is none (or the solve fails). With ``places``, a decimal of at most
    that many places is one too (``44.26`` for a ``44.62`` whose digits slipped). Only a proposal: the
    caller's candidate is then compared on every point."""
    from lintmath.comparator import _sample, evaluate

    ctx.solves += 1
    comparator = ctx.comparator
    try:
        a, b = _lowered(comparator, ctx.reading, ctx.lhs, tree)
    except Exception:  # an edit the lowering cannot read is simply not a candidate
        if not ctx.refuting or ctx.refuting == ctx.reading:
            return None
        # the default reading cannot build the step at all (Var(3X) = 3Var(X), which only the general
        # model of expectations reads): the value is solved where the step was refuted, and the
        # candidate is still compared in every reading
        try:
            a, b = _lowered(comparator, ctx.refuting, ctx.lhs, tree)
        except Exception:
            return None
    h = sp.Symbol(HOLE)
    if h not in getattr(b, "free_symbols", ()):
        return None
    a, b = _entry_with(a, b, h)
    if a is None:
        return None
    symbols = sorted((a.free_symbols | b.free_symbols) - {h}, key=lambda s: s.name)
    rng = random.Random(comparator.seed + 11)
    found: Fraction | None = None
    for attempt in range(1, SOLVE_POINTS * 3):
        point = {s: _sample(rng, attempt) for s in symbols}
        target = evaluate(a, point)
        if target is None:
            continue

        def residual(x):
            value = evaluate(b, {**point, h: x})
            return None if value is None else value - target

        root = None
        for start in _starts(guess):
            root = _secant(residual, sp.Float(float(start), 30), target)
            if root is not None:
                break
        if root is None:
            return None
        value = _nice(root)
        if value is None and places:
            value = _short_decimal(root, places)
        if value is None or (found is not None and value != found):
            return None
        if abs(value) >= 10**6 and abs(guess) < 10**5:
            # counts above a million are proposed for numbers of that size only (52 choose 5 =
            # 2598660 for 2598960); a 1.0 in 1.0 x 10^{-17} solved to 1000000.0 is the exponent's slip
            return None
        found = value
        if not symbols:
            break
        if attempt >= 2:
            break
    return found


def _lowered(comparator, reading: frozenset, lhs: n.Node, tree: n.Node) -> tuple:
    return comparator.lower_pair(comparator.instances(reading)[0], lhs, tree)


def _entry_with(a, b, h):
    """For matrices, the entry of ``b`` the hole sits in and the same entry of ``a`` (shapes must
    agree); scalars pass through."""
    if not getattr(b, "is_Matrix", False) and not getattr(a, "is_Matrix", False):
        return a, b
    if not (getattr(a, "is_Matrix", False) and getattr(b, "is_Matrix", False)) or a.shape != b.shape:
        return None, None
    for x, y in zip(a, b):
        if h in getattr(y, "free_symbols", ()):
            return x, y
    return None, None


def _starts(guess: Fraction) -> list[Fraction]:
    """Where the secant starts: the written value first, then a few others for the edits where the
    residual is far from linear (a wrong constant under a division or a power)."""
    out = [guess]
    for other in (guess + 1, guess - 1, Fraction(1), Fraction(0), Fraction(1, 2), 2 * guess, guess / 2):
        if other not in out:
            out.append(other)
    return out[:6]


def _secant(f: Callable, x0: sp.Float, scale: sp.Float) -> sp.Float | None:
    tolerance = sp.Float("1e-15") * max(1, abs(scale))
    x1 = x0 + 1 if x0 != -1 else x0 + 2
    f0, f1 = f(x0), f(x1)
    if f0 is None:
        x0, f0 = x0 + sp.Float("0.5"), f(x0 + sp.Float("0.5"))
    for _ in range(40):
        if f0 is None or f1 is None:
            return None
        if abs(f1) <= tolerance:
            return x1
        if f1 == f0:
            return None
        x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
        f0, f1 = f1, f(x1)
    return None


def _nice(x: sp.Float) -> Fraction | None:
    return _as_fraction(x, lambda value: Fraction(value).limit_denominator(NICE_DENOMINATOR))


def _short_decimal(x: sp.Float, places: int) -> Fraction | None:
    """``x`` as a decimal of at most ``places`` places, when it is one (to rounding error)."""
    return _as_fraction(x, lambda value: Fraction(round(value, places)).limit_denominator(10 ** places))


def _as_fraction(x: sp.Float, approximate: Callable[[float], Fraction]) -> Fraction | None:
    """The fraction ``approximate`` makes of ``x``, when it equals x to rounding error (and x is a
    number below 10^12: counts of a probability course, 52 choose 5 = 2598960, are above a million);
    None otherwise."""
    try:
        value = float(x)
    except (TypeError, ValueError):
        return None
    if not abs(value) < 1e12:
        return None
    fraction = approximate(value)
    if abs(float(fraction) - value) > 1e-9 * max(1.0, abs(value)):
        return None
    return fraction
