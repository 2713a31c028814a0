"""A fast numeric path for ``check.evaluate``: compile a SymPy expression once into mpmath closures.

Deciding a step evaluates the same two expressions at a dozen points. ``expr.xreplace(point).evalf()``
rebuilds the whole tree at every point, and SymPy's automatic evaluation (assumption queries on
every ``exp`` and ``Mul``) makes that the hot spot of a run. Here the tree is walked once into
nested closures over mpmath functions, evaluated with guard digits at each point.

No code is generated or executed (unlike ``lambdify``, which ``exec``s printed source): only a fixed
table of SymPy classes maps to mpmath functions. Whenever anything is unusual (an unknown function,
a pole, infinity, a non-real value where a real one was wanted) ``fast_value`` returns None and the
caller runs its exact path, which keeps the last word on undefined points. Two exceptions, where the
exact path can only burn the budget to find no value: an integral over several variables (SymPy's
evalf leaves it unevaluated) and an improper integral whose integrand does not decay or whose
quadrature does not settle; for these ``fast_value`` says UNDEFINED at once. A confirmation at
higher precision is a genuine one (mpmath at that many digits plus guard digits, from the exact
rational coordinates), except for integrals, whose confirmation is SymPy's own evalf: a refutation
never rests on a quadrature of ours.
"""
from __future__ import annotations

import math
from typing import Callable

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

MAX_PRECISION = 120  # beyond this, the exact path
SCREENING_DIGITS = 30  # check.PRECISION; integrals are computed here only at this precision
GUARD_DIGITS = 10
TOLERANCE = mpmath.mpf("1e-9")
_CACHE_LIMIT = 1024

Closure = Callable[[tuple], object]


class Unsupported(Exception):
    """The expression holds something the fast path does not evaluate; use the exact path."""


class Diverges(Exception):
    """An improper integral whose quadrature does not settle: no value at this point."""


class Defer(Exception):
    """Not this time: let the exact path answer this call (the compiled form stays)."""


class NoValue(Exception):
    """An expression the exact path never finds a value for, at any point."""


UNDEFINED = type("Undefined", (), {"__repr__": lambda self: "UNDEFINED", "__slots__": ()})()


def _unary(table: dict[type, Callable], kind: type) -> Callable | None:
    """The numeric function of a SymPy function class, or of the class it refines (the lowering's
    own exp for stand-ins is an exp)."""
    func = table.get(kind)
    if func is None and issubclass(kind, sp.Function):
        func = next((table[k] for k in kind.__mro__[1:] if k in table), None)
    return func


_UNARY: dict[type, Callable] = {
    sp.exp: mpmath.exp, sp.log: mpmath.log,
    sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.tan: mpmath.tan,
    sp.cot: mpmath.cot, sp.sec: mpmath.sec, sp.csc: mpmath.csc,
    sp.asin: mpmath.asin, sp.acos: mpmath.acos, sp.atan: mpmath.atan,
    sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.tanh: mpmath.tanh,
    sp.asinh: mpmath.asinh, sp.acosh: mpmath.acosh, sp.atanh: mpmath.atanh,
    sp.Abs: abs, sp.gamma: mpmath.gamma, sp.factorial: mpmath.factorial,
    sp.erf: mpmath.erf, sp.erfc: mpmath.erfc,
    sp.re: mpmath.re, sp.im: mpmath.im,
}
_CONSTANTS: dict[object, Callable[[], object]] = {
    sp.pi: lambda: +mpmath.pi, sp.E: lambda: +mpmath.e, sp.EulerGamma: lambda: +mpmath.euler,
    sp.GoldenRatio: lambda: +mpmath.phi, sp.Catalan: lambda: +mpmath.catalan,
    sp.I: lambda: mpmath.mpc(0, 1),
}

_compiled: dict[tuple, tuple[Closure, int] | None] = {}
_NO_VALUE = (lambda args: None, -1)


def fast_value(expr: sp.Expr, point: dict, precision: int = 30, complex_ok: bool = False):
    """``expr`` at ``point`` as ``check.evaluate`` would give it (a SymPy Float, or a complex number
    when ``complex_ok``), or None when the fast path cannot vouch for the value: the caller then
    evaluates exactly; or UNDEFINED for an improper integral (an infinite bound) that tanh-sinh
    quadrature cannot settle at the working precision: SymPy's evalf runs the same quadrature with
    ever more digits and would only spend the budget finding that out. Never raises (except the
    budget's BaseException)."""
    if precision > MAX_PRECISION:
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
    if entry is _NO_VALUE:
        return UNDEFINED
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
    except Diverges:
        return UNDEFINED
    except Defer:
        return None
    except Unsupported:  # found out only now (a quadrature that does not converge): not again
        _compiled[(expr, keys)] = None
        return None
    except (ArithmeticError, ValueError, TypeError, AttributeError, RecursionError):
        return None


def _compile_entry(expr: sp.Expr, keys: tuple) -> tuple[Closure, int] | None:
    if len(_compiled) >= _CACHE_LIMIT:
        _compiled.clear()
    index = {k: i for i, k in enumerate(keys)}
    try:
        entry: tuple[Closure, int] | None = (_compile(expr, index), len(keys))
    except NoValue:
        entry = _NO_VALUE
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

        def total(args):  # the guard digits cover plain summation
            value = terms[0](args)
            for t in terms[1:]:
                value = value + t(args)
            return value
        return total
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
    if isinstance(expr, sp.Integral):
        if len(expr.limits) != 1:
            # SymPy's evalf leaves an integral over several variables unevaluated, so the exact path
            # always finds no value; it takes it ~15 ms per point to say so (tested in test_evaluate)
            raise NoValue("a multiple integral")
        return _compile_integral(expr.function, expr.limits, index)
    func = _unary(_UNARY, type(expr))
    if func is not None and len(expr.args) == 1:
        inner = _compile(expr.args[0], index)
        return lambda args: func(inner(args))
    if isinstance(expr, (sp.Max, sp.Min)):
        return _compile_extremum(max if isinstance(expr, sp.Max) else min,
                                 [_compile(a, index) for a in expr.args])
    raise Unsupported(type(expr).__name__)


def _compile_extremum(pick: Callable, parts: list[Closure]) -> Closure:
    """Max and Min of real values (a log-sum-exp bound, a relu): the exact path's xreplace and evalf
    cost milliseconds per point. A complex or non-finite argument is left to the exact path, which
    knows whether it has a maximum at all."""
    def extremum(args):
        values = [p(args) for p in parts]
        if not all(isinstance(v, mpmath.mpf) and mpmath.isfinite(v) for v in values):
            raise Defer()
        return pick(values)
    return extremum


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

    def general(args):
        b, e = base(args), power(args)
        if abs(e) > _BIG_EXPONENT and b != 0 and abs(e * mpmath.log(abs(b), 2)) > _MAX_BITS:
            # x^{x^{x^x}} at x = 2.3: a number of ~10^100 digits, whose exact power costs seconds and
            # is no finite value anyway
            raise Diverges()
        return mpmath.power(b, e)
    return general


_BIG_EXPONENT = 10**4
_MAX_BITS = 10**6  # a value beyond 2^(10^6) (or below its inverse) is not a value for a comparison


def _compile_bound(bound, index: dict) -> Closure:
    if bound is sp.oo:
        return lambda args: mpmath.inf
    if bound is sp.S.NegativeInfinity:
        return lambda args: -mpmath.inf
    return _compile(bound, index)


_HUGE = mpmath.mpf("1e100")
_FAR = (mpmath.mpf(10) ** 3, mpmath.mpf(10) ** 4)


def _decays(f: Callable, a, b) -> None:
    """An improper integral is trusted only if its integrand falls faster than 1/t far out (where
    quadrature of a growing or slowly oscillating integrand returns confident nonsense)."""
    ends = []
    if mpmath.isinf(b):
        ends += [(a if not mpmath.isinf(a) else 0) + far for far in _FAR]
    if mpmath.isinf(a):
        ends += [(b if not mpmath.isinf(b) else 0) - far for far in _FAR]
    for t in ends:
        try:
            size = abs(f(t)) * abs(t)
        except (ArithmeticError, ValueError):
            raise Diverges() from None
        if not mpmath.isfinite(size) or size > mpmath.mpf("1e-10"):
            raise Diverges()


def _compile_integral(function, limits: tuple, index: dict) -> Closure:
    """A definite integral by tanh-sinh quadrature (what SymPy's evalf uses too), over closures
    instead of a SymPy substitution per node. The outermost limit is the last one; an inner
    integral's bounds may use the outer variables; an integral inside another is computed with
    fewer digits. A quadrature whose error estimate is above 1e-12 (relative) is handed to the
    exact path, or, on an infinite range, has no value."""
    if not limits:
        return _compile(function, index)
    limit = limits[-1]
    if len(limit) != 3:
        raise Unsupported("an indefinite integral")
    var, low, high = limit
    lo, hi = _compile_bound(low, index), _compile_bound(high, index)
    inner_index = dict(index)
    inner_index[var] = max(index.values(), default=-1) + 1
    inner = _compile_integral(function, limits[:-1], inner_index)

    def integral(args):
        if mpmath.mp.dps > SCREENING_DIGITS + GUARD_DIGITS:
            raise Defer()  # a confirmation: an integral's refutation rests on SymPy's own evalf
        _nesting[0] += 1
        try:
            if _nesting[0] > 1:  # inside another integral: fewer digits, fewer nodes (n^2 calls)
                with mpmath.workdps(INNER_DIGITS):
                    return _quadrature(lambda t: inner(args + (t,)), lo(args), hi(args), 5)
            return _quadrature(lambda t: inner(args + (t,)), lo(args), hi(args), None)
        finally:
            _nesting[0] -= 1
    return integral


_nesting = [0]
INNER_DIGITS = 20
_ACCEPT = mpmath.mpf("1e-12")  # relative error estimate; the comparison's tolerance is 1e-9


def _quadrature(f: Callable, a, b, maxdegree: int | None):
    improper = mpmath.isinf(a) or mpmath.isinf(b)
    if improper:
        _decays(f, a, b)
        value, error = mpmath.quad(f, [a, b], error=True, maxdegree=4)  # most that fail, fail early
        if not error <= mpmath.mpf("1e-3") * max(1, abs(value)):
            raise Diverges()
    options = {} if maxdegree is None else {"maxdegree": maxdegree}
    value, error = mpmath.quad(f, [a, b], error=True, **options)
    if abs(value) > _HUGE:
        raise Diverges()
    if not error <= _ACCEPT * max(1, abs(value)):
        if improper:
            raise Diverges()
        raise Unsupported("the quadrature did not converge")
    return value


def clear_cache() -> None:
    _compiled.clear()
    _float_compiled.clear()


# -- screening in machine floats -------------------------------------------------------------------
#
# A comparison evaluates both sides at a dozen points, and most of those evaluations only screen:
# they agree (the step holds) or they differ and are then confirmed at 90 digits. Screening in
# doubles is an order of magnitude faster than in mpmath and as good at a 1e-9 tolerance, except
# under catastrophic cancellation, where a false difference is caught by the confirmation. Anything
# a double cannot carry (an overflow, a domain error, a complex intermediate, an integral) makes
# ``quick_value`` return None and the caller takes the mpmath path as before.

def _cot(x: float) -> float:
    return 1.0 / math.tan(x)


def _sec(x: float) -> float:
    return 1.0 / math.cos(x)


def _csc(x: float) -> float:
    return 1.0 / math.sin(x)


def _factorial(x: float) -> float:
    return math.gamma(x + 1.0)


_FLOAT_UNARY: dict[type, Callable[[float], float]] = {
    sp.exp: math.exp, sp.log: math.log,
    sp.sin: math.sin, sp.cos: math.cos, sp.tan: math.tan, sp.cot: _cot, sp.sec: _sec, sp.csc: _csc,
    sp.asin: math.asin, sp.acos: math.acos, sp.atan: math.atan,
    sp.sinh: math.sinh, sp.cosh: math.cosh, sp.tanh: math.tanh,
    sp.asinh: math.asinh, sp.acosh: math.acosh, sp.atanh: math.atanh,
    sp.Abs: abs, sp.gamma: math.gamma, sp.factorial: _factorial, sp.erf: math.erf, sp.erfc: math.erfc,
    # values in the double path are real (a negative base of a power raises), and if one were not,
    # its parts are still the right ones
    sp.re: lambda x: x.real, sp.im: lambda x: x.imag,
}
_FLOAT_CONSTANTS: dict[object, float] = {
    sp.pi: math.pi, sp.E: math.e, sp.EulerGamma: 0.5772156649015329, sp.GoldenRatio: (1 + math.sqrt(5)) / 2,
    sp.Catalan: 0.915965594177219,
}
_float_compiled: dict[tuple, Closure | None] = {}
_DOUBLE_RANGE = (1e-12, 1e12)


def quick_value(expr: sp.Expr, point: dict) -> float | None:
    """``expr`` at ``point`` as a real double, or None when the double cannot vouch for it (the
    caller then takes ``fast_value``'s mpmath path). Never raises (except the budget's)."""
    keys = tuple(point)
    try:
        fn = _float_compiled[(expr, keys)]
    except KeyError:
        if len(_float_compiled) >= _CACHE_LIMIT:
            _float_compiled.clear()
        try:
            fn = _compile_float(expr, {k: i for i, k in enumerate(keys)})
        except (Unsupported, RecursionError, TypeError, ValueError, AttributeError):
            fn = None
        _float_compiled[(expr, keys)] = fn
    except TypeError:
        return None
    if fn is None:
        return None
    try:
        value = fn(tuple(float(point[k]) for k in keys))
    except (ArithmeticError, ValueError, TypeError, RecursionError):
        return None
    if not isinstance(value, float) or not math.isfinite(value):
        return None  # a complex intermediate came out complex, or an overflow: the exact path decides
    return value


def _compile_float(expr, index: dict) -> Closure:
    if expr in index:
        k = index[expr]
        return lambda args: args[k]
    if isinstance(expr, sp.Integral):
        return _compile_float_integral(expr.function, expr.limits, index)
    if isinstance(expr, (sp.Symbol, AppliedUndef)):
        raise Unsupported(type(expr).__name__)
    if isinstance(expr, (sp.Rational, sp.Float)):  # Integer included
        value = float(expr)
        if value and not _DOUBLE_RANGE[0] <= abs(value) <= _DOUBLE_RANGE[1]:
            # a numeric limit's step (h = 3e-45) or its reciprocal: its cancellation needs mpmath
            raise Unsupported("a number beyond what doubles resolve beside others")
        return lambda args: value
    if expr in _FLOAT_CONSTANTS:
        value = _FLOAT_CONSTANTS[expr]
        return lambda args: value
    if isinstance(expr, sp.Add):
        terms = [_compile_float(a, index) for a in expr.args]
        return lambda args: math.fsum(t(args) for t in terms)
    if isinstance(expr, sp.Mul):
        factors = [_compile_float(a, index) for a in expr.args]

        def product(args):
            value = 1.0
            for f in factors:
                value *= f(args)
            return value
        return product
    if isinstance(expr, sp.Pow):
        base = _compile_float(expr.base, index)
        exponent = expr.exp
        if isinstance(exponent, sp.Integer) and abs(int(exponent)) <= 64:
            n = int(exponent)
            return lambda args: base(args) ** n
        power = _compile_float(exponent, index)

        def pow_(args):
            b = base(args)
            if b < 0:  # a complex value, or a real root that only the exact path picks right
                raise ValueError("negative base")
            return b ** power(args)
        return pow_
    func = _unary(_FLOAT_UNARY, type(expr))
    if func is not None and len(expr.args) == 1:
        inner = _compile_float(expr.args[0], index)
        return lambda args: func(inner(args))
    if isinstance(expr, (sp.Max, sp.Min)):
        pick = max if isinstance(expr, sp.Max) else min
        parts = [_compile_float(a, index) for a in expr.args]

        def extremum(args):
            values = [p(args) for p in parts]
            if not all(math.isfinite(v) for v in values):
                # max(1.0, nan) is 1.0: an overflowed argument must not vanish into a finite value
                raise ValueError("a non-finite argument")
            return pick(values)
        return extremum
    raise Unsupported(type(expr).__name__)


# Gauss-Kronrod 7-15 (QUADPACK's qk15): the 15-point Kronrod rule, whose distance from the 7-point
# Gauss rule on the same nodes estimates the error of a panel.
_XGK = (0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0)
_WGK = (0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714)
_WG = (0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
       0.381830050505118944950369775488975, 0.417959183673469387755102040816327)
_PANELS = 64  # panels before a screening integral is handed to mpmath's tanh-sinh quadrature
_FLOAT_ACCEPT = 1e-12  # relative error estimate, as _ACCEPT


def _gk15(f: Callable[[float], float], a: float, b: float) -> tuple[float, float]:
    centre, half = (a + b) / 2, (b - a) / 2
    mid = f(centre)
    kronrod, gauss = mid * _WGK[7], mid * _WG[3]
    for j in range(7):
        dx = half * _XGK[j]
        pair = f(centre - dx) + f(centre + dx)
        kronrod += _WGK[j] * pair
        if j % 2 == 1:
            gauss += _WG[j // 2] * pair
    return kronrod * half, abs((kronrod - gauss) * half)


def float_quadrature(f: Callable[[float], float], a: float, b: float) -> float:
    """A proper integral in doubles by adaptive Gauss-Kronrod, or ValueError when its error estimate
    does not fall below 1e-12 (relative) within a few dozen panels (an endpoint singularity, an
    oscillation): the screening then takes the mpmath path."""
    value, error = _gk15(f, a, b)
    panels = [(error, a, b, value)]
    total, total_error = value, error
    while total_error > _FLOAT_ACCEPT * max(1.0, abs(total)):
        if len(panels) >= _PANELS:
            raise ValueError("the quadrature did not settle in doubles")
        worst = max(range(len(panels)), key=lambda i: panels[i][0])
        error, lo, hi, value = panels.pop(worst)
        middle = (lo + hi) / 2
        halves = [(e, x, y, v) for x, y in ((lo, middle), (middle, hi)) for v, e in (_gk15(f, x, y),)]
        panels += halves
        total += sum(h[3] for h in halves) - value
        total_error += sum(h[0] for h in halves) - error
    return math.fsum(p[3] for p in panels)


def _compile_float_integral(function, limits: tuple, index: dict) -> Closure:
    """As ``_compile_integral``, in doubles, for finite bounds only (an improper integral needs the
    decay test and tanh-sinh of the mpmath path), and at most two deep: a triple integral costs
    15^3 integrand calls per panel, which the screening cannot afford."""
    if not limits:
        if function.has(sp.Integral):
            raise Unsupported("an integral inside an integrand")
        return _compile_float(function, index)
    if len(limits) > 2:
        raise Unsupported("a triple integral")
    limit = limits[-1]
    if len(limit) != 3 or any(bound.has(sp.oo, -sp.oo, sp.zoo) for bound in limit[1:]):
        raise Unsupported("an indefinite or improper integral")
    var, low, high = limit
    lo, hi = _compile_float(low, index), _compile_float(high, index)
    inner_index = dict(index)
    inner_index[var] = max(index.values(), default=-1) + 1
    inner = _compile_float_integral(function, limits[:-1], inner_index)

    def integral(args):
        return float_quadrature(lambda t: inner(args + (t,)), lo(args), hi(args))
    return integral

