"""The reading of the plain letters i, j, k as Hamilton's quaternion units.

A step that multiplies two of the units together (ij = -ji = k, (i + j)^2 = -2) means them as
quaternions: read as numbers, ij = -ji is false and (i + j)^2 = i^2 + 2ij + j^2 holds, both the other
way round. check.py asks this module first: a step that holds with i, j, k as the units is verified, and
one that fails so is never verified as numbers (it may still be refuted where it fails both ways).

Other letters are coefficients, so they are tried both as reals and as general quaternions: a step
that holds only with real coefficients ((a + bi)(c + dj) = ac + adj + bci + bdk) is verified only where
no letter may be a quaternion itself (letters under a function are real, angles above all). This module
knows nothing of SymPy: the values are floats sampled at random.
"""
from __future__ import annotations

import math
import random
from typing import Callable, Mapping

from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

Quat = tuple[float, float, float, float]
UNITS = {"i": (0.0, 1.0, 0.0, 0.0), "j": (0.0, 0.0, 1.0, 0.0), "k": (0.0, 0.0, 0.0, 1.0)}
_FUNCTIONS: dict[str, Callable[[float], float]] = {"sin": math.sin, "cos": math.cos, "tan": math.tan,
                                                   "exp": math.exp}
SAMPLES = 4
CHAIN_LINES = 6  # the lines of a chain looked at for products of units
CONFIRMED = 1e-6  # a difference below this (relative) is rounding, not a refutation
HOLDS = "holds with i, j, k as quaternion units (i^2 = j^2 = k^2 = ijk = -1)"
FAILS = "i, j, k may be quaternion units, and the step fails so (ij = -ji)"
FAILS_BOTH = "the two sides differ, with i, j, k as quaternion units and as numbers"
REAL_ONLY = "holds with i, j, k as quaternion units only if the other letters are real (they may be quaternions)"


class Unreadable(Exception):
    """A node this reading does not evaluate: the step is left to the other readings."""


def _mul(p: Quat, q: Quat) -> Quat:
    a1, b1, c1, d1 = p
    a2, b2, c2, d2 = q
    return (a1 * a2 - b1 * b2 - c1 * c2 - d1 * d2, a1 * b2 + b1 * a2 + c1 * d2 - d1 * c2,
            a1 * c2 - b1 * d2 + c1 * a2 + d1 * b2, a1 * d2 + b1 * c2 - c1 * b2 + d1 * a2)


def _real(value: Quat) -> float:
    if any(abs(x) > 1e-12 * (1 + abs(value[0])) for x in value[1:]):
        raise Unreadable("a quaternion where a real number is meant")
    return value[0]


def _unit(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base in UNITS and not node.style and not node.indices \
        and not node.labels and not node.primes and node.sup_letter is None


def _units_in(node: n.Node) -> set[str]:
    # the i of x_i is an index, never a unit
    labels = n.non_quantities(node)
    return {x.base for x in node.walk() if _unit(x) and id(x) not in labels}


def _bound(tree: n.Node) -> bool:
    """Whether a sum or product runs over one of the letters (\\sum_i i^2): then it is a number."""
    return any(isinstance(x, n.BigOp) and ({x.var, *x.extra_vars} & set(UNITS)) for x in tree.walk())


def _unit_times(node: n.Node) -> bool:
    """i(\\cos\\theta + k\\sin\\theta): a unit before a bracket, read as a product, never a function."""
    return isinstance(node, n.Apply) and _unit(node.func) and node.maybe_product and node.bracket == "(" \
        and len(node.args) == 1 and not node.primes


def applies(lhs: n.Node, rhs: n.Node) -> bool:
    """Whether the step writes two different units, and a product or power in which units meet
    (ij, (i + j)(i - j), (i + j)^2): only there does the order of the factors matter."""
    if len(_units_in(lhs) | _units_in(rhs)) < 2 or _bound(lhs) or _bound(rhs):
        return False
    for tree in (lhs, rhs):
        for node in tree.walk():
            if isinstance(node, n.Mul) and sum(1 for f in node.factors if _units_in(f)) >= 2:
                return True
            if isinstance(node, n.Pow) and _units_in(node.base):
                return True
            if _unit_times(node) and any(_units_in(arg) for arg in node.args):
                return True
    return False


def chain_applies(lhs: n.Node, rhs: n.Node, chain: tuple[str, ...], macros: Mapping[str, Macro] | None) -> bool:
    """Whether a step writing one unit alone (k^2 = -1) stands in a chain whose other lines multiply two
    different units ((ij)k = k^2): the chain is about quaternions, so its k is the unit too."""
    if not _units_in(lhs) | _units_in(rhs) or _bound(lhs) or _bound(rhs):
        return False
    for line in chain[:CHAIN_LINES]:
        try:
            tree = parse_math(line, macros or {})
        except Exception:  # noqa: BLE001 -- an unreadable line says nothing of the units
            continue
        if applies(tree, n.Num(0, 0, "0")):
            return True
    return False


def _letters(tree: n.Node) -> tuple[set[str], set[str]]:
    """The keys of the step's other letters, and of those that stand under a function (real)."""
    names, real = set(), set()
    for node in tree.walk():
        if isinstance(node, n.Sym) and not _unit(node):
            names.add(n.structure(node).__repr__())
        if isinstance(node, n.Func):
            real.update(n.structure(x).__repr__() for arg in node.args for x in arg.walk()
                        if isinstance(x, n.Sym) and not _unit(x))
    return names, real


def _value(node: n.Node, values: dict[str, Quat]) -> Quat:
    if isinstance(node, n.Num):
        return (float(node.value), 0.0, 0.0, 0.0)
    if isinstance(node, n.Const) and node.name in ("pi", "e"):
        return (math.pi if node.name == "pi" else math.e, 0.0, 0.0, 0.0)
    if isinstance(node, n.Sym):
        if _unit(node):
            return UNITS[node.base]
        key = repr(n.structure(node))
        if key not in values or node.indices and _units_in(node):
            raise Unreadable(key)
        return values[key]
    if _unit_times(node):
        return _mul(UNITS[node.func.base], _value(node.args[0], values))
    if isinstance(node, n.Paren) and node.delim == "(":
        return _value(node.inner, values)
    if isinstance(node, n.Add):
        total = (0.0, 0.0, 0.0, 0.0)
        for term in node.terms:
            x = _value(term.node, values)
            sign = -1.0 if term.sign == "-" else 1.0
            total = tuple(t + sign * v for t, v in zip(total, x))  # type: ignore[assignment]
        return total
    if isinstance(node, n.Mul):
        if any(op not in ("", "\\cdot") for op in node.ops):
            raise Unreadable("\\times")
        # (ai + bj) \cdot (ci + dj) may be the dot product of vectors with unit vectors i, j
        if any(op == "\\cdot" and _units_in(f) and _units_in(g)
               for op, f, g in zip(node.ops, node.factors, node.factors[1:])):
            raise Unreadable("\\cdot between units")
        out: Quat = (1.0, 0.0, 0.0, 0.0)
        for factor in node.factors:
            out = _mul(out, _value(factor, values))
        return out
    if isinstance(node, n.Div):
        # a denominator that is a quaternion divides from one side or the other: left unread
        den = _real(_value(node.den, values))
        return tuple(x / den for x in _value(node.num, values))  # type: ignore[return-value]
    if isinstance(node, n.Pow):
        exponent = _real(_value(node.exp, values))
        base = _value(node.base, values)
        if exponent == int(exponent) and abs(exponent) <= 8:
            out = (1.0, 0.0, 0.0, 0.0)
            for _ in range(abs(int(exponent))):
                out = _mul(out, base)
            if exponent < 0:
                norm = sum(x * x for x in out)
                out = (out[0] / norm, -out[1] / norm, -out[2] / norm, -out[3] / norm)
            return out
        real = _real(base)
        if real <= 0:
            raise Unreadable("a fractional power of a non-positive number")
        return (real ** exponent, 0.0, 0.0, 0.0)
    if isinstance(node, n.Abs):
        return (math.sqrt(sum(x * x for x in _value(node.inner, values))), 0.0, 0.0, 0.0)
    if isinstance(node, n.Sqrt) and node.index is None:
        real = _real(_value(node.radicand, values))
        if real < 0:
            raise Unreadable("the root of a negative number")
        return (math.sqrt(real), 0.0, 0.0, 0.0)
    if isinstance(node, n.Func) and node.name in _FUNCTIONS and len(node.args) == 1 and not node.inverse \
            and not node.primes and not node.other_base:
        out_real = _FUNCTIONS[node.name](_real(_value(node.args[0], values)))
        if node.power is not None:
            out_real **= _real(_value(node.power, values))
        return (out_real, 0.0, 0.0, 0.0)
    raise Unreadable(type(node).__name__)


def _close(p: Quat, q: Quat, tolerance: float = 1e-9) -> bool:
    scale = 1.0 + max(abs(x) for x in p + q)
    return all(abs(x - y) <= tolerance * scale for x, y in zip(p, q))


def decide(lhs: n.Node, rhs: n.Node, seed: int = 0) -> str:
    """"equal" where the step holds with i, j, k the units and its other letters general quaternions
    (or reals where they stand under a function), "real" where it holds only with all of them real,
    "differ" where it fails even with real letters, "" where the reading does not read the step."""
    names_l, real_l = _letters(lhs)
    names_r, real_r = _letters(rhs)
    names, real = names_l | names_r, real_l | real_r
    rng = random.Random(seed + 11)
    try:
        for general in (False, True):
            for _ in range(SAMPLES):
                values: dict[str, Quat] = {}
                for key in sorted(names):
                    if general and key not in real:
                        values[key] = tuple(rng.uniform(-2, 2) for _ in range(4))  # type: ignore[assignment]
                    else:
                        values[key] = (rng.uniform(0.3, 2.0) * rng.choice((-1, 1)), 0.0, 0.0, 0.0)
                left, right = _value(lhs, values), _value(rhs, values)
                if not _close(left, right):
                    if not general and _close(left, right, CONFIRMED):
                        return ""  # a difference near rounding: no refutation rests on it
                    return "real" if general else "differ"
    except (Unreadable, ZeroDivisionError, OverflowError, ValueError):
        return ""
    return "equal"
