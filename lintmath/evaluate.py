"""A fast numeric path for ``check.evaluate``: compile a SymPy expression once into mpmath closures.

Deciding a step evaluates the same two expressions at a dozen points. ``expr.xreplace(point).evalf()``
rebuilds the whole tree at every point, and SymPy's automatic evaluation (assumption queries on
every ``exp`` and ``Mul``) makes that the hot spot of a run. Here the tree is walked once into
nested closures over mpmath functions, evaluated with guard digits at each point.

No code is generated or executed (unlike ``lambdify``, which ``exec``s printed source): only a fixed
table of SymPy classes maps to mpmath functions. The answer is only ever a *value*: whenever
anything is unusual (an unknown function, a pole, infinity, a non-real value where a real one was
wanted, higher precision than the screening one) ``fast_value`` returns None and the caller runs its
exact path, so the exact path keeps the last word on every undefined point and on every refutation.
"""
from __future__ import annotations

from typing import Callable

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

FAST_PRECISION = 30  # the screening precision; confirmations at higher precision take the exact path
GUARD_DIGITS = 10
TOLERANCE = mpmath.mpf("1e-9")
_CACHE_LIMIT = 1024

Closure = Callable[[tuple], object]


class Unsupported(Exception):
    """The expression holds something the fast path does not evaluate; use the exact path."""


_UNARY: dict[type, Callable] = {
    sp.exp: mpmath.exp, sp.log: mpmath.log,
    sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.tan: mpmath.tan,
    sp.cot: mpmath.cot, sp.sec: mpmath.sec, sp.csc: mpmath.csc,
    sp.asin: mpmath.asin, sp.acos: mpmath.acos, sp.atan: mpmath.atan,
    sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.tanh: mpmath.tanh,
    sp.asinh: mpmath.asinh, sp.acosh: mpmath.acosh, sp.atanh: mpmath.atanh,
    sp.Abs: abs, sp.gamma: mpmath.gamma, sp.factorial: mpmath.factorial,
    sp.erf: mpmath.erf, sp.erfc: mpmath.erfc,
}
_CONSTANTS: dict[object, Callable[[], object]] = {
    sp.pi: lambda: +mpmath.pi, sp.E: lambda: +mpmath.e, sp.EulerGamma: lambda: +mpmath.euler,
    sp.GoldenRatio: lambda: +mpmath.phi, sp.Catalan: lambda: +mpmath.catalan,
    sp.I: lambda: mpmath.mpc(0, 1),
}

_compiled: dict[tuple, tuple[Closure, int] | None] = {}


def fast_value(expr: sp.Expr, point: dict, precision: int = FAST_PRECISION, complex_ok: bool = False):
    """``expr`` at ``point`` as ``check.evaluate`` would give it (a SymPy Float, or a complex number
    when ``complex_ok``), or None when the fast path cannot vouch for the value: the caller then
    evaluates exactly. Never raises (except the budget's BaseException)."""
    if precision > FAST_PRECISION:
        return None
    keys = tuple(point)
    try:
        entry = _compiled[(expr, keys)]
    except KeyError:
        entry = _compile_entry(expr, keys)
    except TypeError:  # an unhashable key: not ours to judge
        return None
    if entry is None:
        return None
    fn, _ = entry
    try:
        with mpmath.workdps(precision + GUARD_DIGITS):
            args = tuple(_number(point[k]) for k in keys)
            value = fn(args)
            if isinstance(value, mpmath.mpc):
                re, im = value.real, value.imag
            else:
                re, im = mpmath.mpf(value), mpmath.mpf(0)
            if not (mpmath.isfinite(re) and mpmath.isfinite(im)):
                return None
            scale = max(mpmath.mpf(1), abs(re))
            if im != 0 and abs(im) > TOLERANCE * scale:
                if not complex_ok:
                    return None
                return sp.Float(re, precision) + sp.I * sp.Float(im, precision)
            return sp.Float(re, precision)
    except (ArithmeticError, ValueError, TypeError, AttributeError, RecursionError, Unsupported):
        return None


def _compile_entry(expr: sp.Expr, keys: tuple) -> tuple[Closure, int] | None:
    if len(_compiled) >= _CACHE_LIMIT:
        _compiled.clear()
    index = {k: i for i, k in enumerate(keys)}
    try:
        entry: tuple[Closure, int] | None = (_compile(expr, index), len(keys))
    except (Unsupported, RecursionError, TypeError, ValueError, AttributeError):
        entry = None
    _compiled[(expr, keys)] = entry
    return entry


def _number(value) -> object:
    """A point's coordinate (a SymPy Rational, Integer or Float; or a Python number) as mpmath."""
    if isinstance(value, sp.Integer):
        return mpmath.mpf(int(value))
    if isinstance(value, sp.Rational):
        return mpmath.mpf(int(value.p)) / int(value.q)
    if isinstance(value, sp.Float):
        return mpmath.mpf(value._mpf_)
    if isinstance(value, (int, float)):
        return mpmath.mpf(value)
    raise Unsupported(type(value).__name__)


def _compile(expr, index: dict) -> Closure:
    if expr in index:
        k = index[expr]
        return lambda args: args[k]
    if isinstance(expr, (sp.Symbol, AppliedUndef)):
        raise Unsupported(f"no value for {expr}")
    if isinstance(expr, sp.Integer):
        whole = int(expr)
        return lambda args: mpmath.mpf(whole)
    if isinstance(expr, sp.Rational):
        p, q = int(expr.p), int(expr.q)
        return lambda args: mpmath.mpf(p) / q
    if isinstance(expr, sp.Float):
        raw = expr._mpf_
        return lambda args: mpmath.mpf(raw)
    constant = _CONSTANTS.get(expr)
    if constant is not None:
        return lambda args: constant()
    if isinstance(expr, sp.Add):
        terms = [_compile(a, index) for a in expr.args]
        return lambda args: mpmath.fsum(t(args) for t in terms)
    if isinstance(expr, sp.Mul):
        factors = [_compile(a, index) for a in expr.args]

        def product(args):
            value = factors[0](args)
            for f in factors[1:]:
                value = value * f(args)
            return value
        return product
    if isinstance(expr, sp.Pow):
        return _compile_pow(expr, index)
    func = _UNARY.get(type(expr))
    if func is not None and len(expr.args) == 1:
        inner = _compile(expr.args[0], index)
        return lambda args: func(inner(args))
    raise Unsupported(type(expr).__name__)


def _compile_pow(expr: sp.Pow, index: dict) -> Closure:
    base = _compile(expr.base, index)
    exponent = expr.exp
    if isinstance(exponent, sp.Integer):
        n = int(exponent)
        if abs(n) > 10**6:
            raise Unsupported("exponent too large")
        if n < 0:
            return lambda args: 1 / (base(args) ** (-n))
        return lambda args: base(args) ** n
    if exponent == sp.Rational(1, 2):
        return lambda args: mpmath.sqrt(base(args))
    if exponent == sp.Rational(-1, 2):
        return lambda args: 1 / mpmath.sqrt(base(args))
    power = _compile(exponent, index)
    return lambda args: mpmath.power(base(args), power(args))


def clear_cache() -> None:
    _compiled.clear()
