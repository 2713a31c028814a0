"""A fast numeric path for ``tolerance.evaluate``: compile a SymPy expression once into mpmath closures.

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
never rests on a quadrature of ours. An infinite series (a Sum or Product with an infinite bound) is
summed term by term until its terms have shrunk geometrically below the working accuracy, and has no
value (UNDEFINED) otherwise: SymPy's own summation may run for minutes. Nothing is refuted on such a
value (see check.check_step); it can only verify.
"""
from __future__ import annotations

import math
from typing import Callable

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from lintmath import matfunc

MAX_PRECISION = 120  # beyond this, the exact path
SCREENING_DIGITS = 30  # tolerance.PRECISION; integrals are computed here only at this precision
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
    sp.re: mpmath.re, sp.im: mpmath.im, sp.floor: mpmath.floor, sp.ceiling: mpmath.ceil, sp.sign: mpmath.sign,
}
_CONSTANTS: dict[object, Callable[[], object]] = {
    sp.pi: lambda: +mpmath.pi, sp.E: lambda: +mpmath.e, sp.EulerGamma: lambda: +mpmath.euler,
    sp.GoldenRatio: lambda: +mpmath.phi, sp.Catalan: lambda: +mpmath.catalan,
    sp.I: lambda: mpmath.mpc(0, 1),
}

_compiled: dict[tuple, tuple[Closure, int] | None] = {}
_NO_VALUE = (lambda args: None, -1)


def fast_value(expr: sp.Expr, point: dict, precision: int = 30, complex_ok: bool = False):
    """``expr`` at ``point`` as ``tolerance.evaluate`` would give it (a SymPy Float, or a complex number
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
    if isinstance(expr, (sp.Sum, sp.Product)):
        return _compile_series(expr, index)
    if isinstance(expr, sp.Integral):
        if len(expr.limits) != 1:
            # SymPy's evalf leaves an integral over several variables unevaluated, so the exact path
            # always finds no value; it takes it ~15 ms per point to say so (tested in test_evaluate)
            raise NoValue("a multiple integral")
        return _compile_integral(expr.function, expr.limits, index)
    if isinstance(expr, matfunc.MatrixFunction):
        return _compile_matrix_function(expr, index, _compile, matfunc.entry_value)
    func = _unary(_UNARY, type(expr))
    if func is not None and len(expr.args) == 1:
        inner = _compile(expr.args[0], index)
        return lambda args: func(inner(args))
    if isinstance(expr, (sp.Max, sp.Min)):
        return _compile_extremum(max if isinstance(expr, sp.Max) else min,
                                 [_compile(a, index) for a in expr.args])
    raise Unsupported(type(expr).__name__)


def _compile_matrix_function(expr: matfunc.MatrixFunction, index: dict, compile_entry: Callable,
                              value: Callable) -> Closure:
    """An entry of f(M) (see matfunc): the entries of M at the point, then f of that matrix, which the
    other entries of f(M) at the same point reuse."""
    kind, row, col, size = (int(a) for a in expr.args[:4])
    parts = [compile_entry(a, index) for a in expr.args[4:]]
    return lambda args: value(kind, size, tuple(p(args) for p in parts), row, col)


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
            if not _power_tail(f, t):
                raise Diverges()


_POWER_TAIL = mpmath.mpf("1.5")  # the least decay, 1/t^1.5, whose quadrature settles to 1e-12
_TAIL_SPREAD = mpmath.mpf("0.1")


def _power_tail(f: Callable, t) -> bool:
    """Whether the integrand falls off as a power faster than 1/t^1.5 from ``t`` outwards, as a spectrum
    k^{-5/3} or 1/(1 + t^2) does: one sign and one exponent over three decades (a slowly oscillating
    integrand, sin t/t^2, changes sign or exponent between them). Tanh-sinh settles such a tail, and
    its error estimate still decides whether the value is kept."""
    try:
        values = [f(t * 10 ** k) for k in range(3)]
    except (ArithmeticError, ValueError):
        return False
    if not all(isinstance(v, mpmath.mpf) and mpmath.isfinite(v) and v != 0 for v in values) \
            or len({mpmath.sign(v) for v in values}) != 1:
        return False
    exponents = [mpmath.log10(abs(values[k] / values[k + 1])) for k in range(2)]
    return min(exponents) >= _POWER_TAIL and abs(exponents[0] - exponents[1]) <= _TAIL_SPREAD


def _with_variable(index: dict, var: sp.Symbol) -> dict:
    """The argument positions with one more, for the variable an integral or a series runs over (its
    value is passed after the point's coordinates)."""
    return {**index, var: max(index.values(), default=-1) + 1}


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
    inner_index = _with_variable(index, var)
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


def _settles(f: Callable, a, b) -> bool:
    """Whether a quadrature of degree 6 agrees with itself where degree 4 did not: the integrand of
    \\int_0^\\infty t^5 e^{-t}\\,dt peaks far from the origin, which the coarse rule resolves to 1e-9
    but whose error it estimates as 1; a divergent integral (1/t^2 near 0) fails here too, and the
    full quadrature after this still holds the value to 1e-12."""
    value, error = mpmath.quad(f, [a, b], error=True, maxdegree=6)
    return bool(error <= mpmath.mpf("1e-3") * max(1, abs(value)))


def _quadrature(f: Callable, a, b, maxdegree: int | None):
    improper = mpmath.isinf(a) or mpmath.isinf(b)
    if improper:
        _decays(f, a, b)
        value, error = mpmath.quad(f, [a, b], error=True, maxdegree=4)  # most that fail, fail early
        if not error <= mpmath.mpf("1e-3") * max(1, abs(value)) and not _settles(f, a, b):
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


# -- infinite series --------------------------------------------------------------------------------
#
# A series is summed term by term, in windows of SERIES_WINDOW terms. It settles when the largest term
# of a window is at most SERIES_RATIO of the window before's, twice in a row, and the tail that such a
# geometric decay leaves is below the working accuracy; the terms far out (the 10^3-th, the 10^4-th)
# must be that small too, which an asymptotic series (n! x^n: tiny terms, then growing ones) is not.
# Anything else has no value at the point: a slow, polynomial decay (1/n^2 needs 10^9 terms), an
# oscillation, a divergence. No acceleration (Shanks, Levin, Richardson) is used, since those also
# "sum" divergent series (1 + 2 + 4 + ... = -1): a value here always comes from partial sums.

SERIES_WINDOW = 8
SERIES_RATIO = 0.7  # per window: about 0.956 per term, so that r^n settles for r up to 0.95
FLOAT_SERIES_TERMS = 2000
SERIES_TERMS = 800  # in mpmath, where a term costs ten times as much
# in mpmath too a series settles to 1e-15 only: far below the comparison's 1e-9, and no refutation
# (which would need the digits of a confirmation) ever rests on it
SERIES_ACCEPT = mpmath.mpf("1e-15")
_SERIES_FAR = (10**3, 10**4)
_SERIES_HUGE = 1e100  # a term beyond this: the series grows, whatever it might do later
_GROWING_WINDOWS = 4  # windows in a row that do not shrink, after the first eight, end the summation


class NotSettled(Exception):
    """A series whose partial sums do not settle within the terms allowed: no value at this point."""


def _series_rays(limits: tuple) -> tuple[sp.Symbol, list[tuple[int, int]]]:
    """The index and the (start, step) rays the series runs along: k = lo, lo + 1, ...; k = hi,
    hi - 1, ...; both from 0 and -1 for a series over all integers."""
    if len(limits) != 1 or len(limits[0]) != 3:
        raise Unsupported("a series over several indices")
    var, low, high = limits[0]
    if low is sp.S.NegativeInfinity and high is sp.oo:
        return var, [(0, 1), (-1, -1)]
    if high is sp.oo and low.is_Integer:
        return var, [(int(low), 1)]
    if low is sp.S.NegativeInfinity and high.is_Integer:
        return var, [(int(high), -1)]
    raise Unsupported("a series with bounds that are not integers or infinite")


def _ray(term: Callable, start: int, step: int, product: bool, cap: int, accept) -> object:
    """The sum (or product) of ``term(k)`` for k = start, start + step, ..., or NotSettled."""
    total = 1 if product else 0
    decay = _Decay(cap)
    largest = 0  # of the terms (a factor's distances from 1) in the current window
    for i in range(cap):
        t = term(start + step * i)
        if product:
            total, size = total * t, abs(t - 1)
        else:
            total, size = total + t, abs(t)
        if not size < _SERIES_HUGE:  # also a NaN
            raise NotSettled()
        largest = max(largest, size)
        if (i + 1) % SERIES_WINDOW == 0:
            if decay.settled(largest, i, accept * max(1, abs(total))):
                return total
            largest = 0
    raise NotSettled()


class _Decay:
    """How the largest terms of successive windows shrink: settled once two windows in a row shrank
    by SERIES_RATIO and the geometric tail they imply is below the bound; NotSettled once the terms
    grow for several windows, or shrink too slowly to settle within the terms allowed (1/n^2)."""

    def __init__(self, cap: int):
        self.cap = cap
        self.previous = None  # the largest term of the window before
        self.shrinking = 0
        self.growing = 0

    def settled(self, largest, done: int, bound) -> bool:
        previous, self.previous = self.previous, largest
        if previous is None:
            return False
        q = largest / previous if previous else (0 if largest == 0 else math.inf)
        if q <= SERIES_RATIO:
            self.shrinking, self.growing = self.shrinking + 1, 0
            if self.shrinking >= 2 and _tail(largest, q) <= bound:
                return True
        else:
            self.shrinking = 0
            self.growing = self.growing + 1 if q >= 1 else 0
        if done >= 8 * SERIES_WINDOW:  # past the first terms, which may grow (x^n / n! for x > 1)
            if self.growing >= _GROWING_WINDOWS or not _within(q, largest, done, self.cap, bound):
                raise NotSettled()
        return False


def _tail(largest, q) -> object:
    """What the terms after a window leave when they go on shrinking by ``q`` per window."""
    return SERIES_WINDOW * largest * q / (1 - q)


def _within(q, largest, done: int, cap: int, bound) -> bool:
    """Whether terms that go on shrinking by ``q`` per window from ``largest`` would leave a tail below
    ``bound`` before the ``cap``-th term (a series whose ratio improves, x^n / n!, does better)."""
    if q >= 1 or largest == 0 or q == 0:
        return True  # growing (the growth rule decides), or nothing left
    tail = _tail(largest, q)
    if tail <= bound:
        return True
    windows = math.log(float(bound / tail)) / math.log(float(q))
    return done + windows * SERIES_WINDOW <= cap


def _far_terms_small(far: Callable, start: int, step: int, product: bool, bound) -> bool:
    """Whether the terms (a factor's distances from 1) far out along a ray are below ``bound``."""
    with mpmath.workdps(15):
        for distance in _SERIES_FAR:
            try:
                t = far(start + step * distance)
                size = abs(t - 1) if product else abs(t)
            except (ArithmeticError, ValueError, Diverges, Defer):
                return False
            if not size <= bound:  # also a NaN
                return False
    return True


def _series_value(term: Callable, far: Callable, rays: list, product: bool, cap: int, accept) -> object:
    value = 1 if product else 0
    for start, step in rays:
        part = _ray(term, start, step, product, cap, accept)
        if not _far_terms_small(far, start, step, product, accept * max(1, abs(part))):
            raise NotSettled()
        value = value * part if product else value + part
    return value


def _compile_series(expr, index: dict) -> Closure:
    """An infinite series in mpmath, at screening precision only: no refutation rests on a series,
    so a confirmation at more digits has nothing to confirm (and would cost thousands of terms).
    A term the fast path cannot evaluate leaves the series without a value at any point: the exact
    path (SymPy's summation) is never taken for one."""
    var, rays = _series_rays(expr.limits)
    inner_index = _with_variable(index, var)
    try:
        inner = _compile(expr.function, inner_index)
    except Unsupported as exc:
        raise NoValue(f"an infinite series of a term the fast path does not evaluate ({exc})") from None
    product = isinstance(expr, sp.Product)

    def series(args):
        if mpmath.mp.dps > SCREENING_DIGITS + GUARD_DIGITS:
            raise Diverges()

        def term(k: int):
            return inner(args + (mpmath.mpf(k),))
        try:
            return _series_value(term, term, rays, product, SERIES_TERMS, SERIES_ACCEPT)
        except NotSettled:
            raise Diverges() from None
    return series


# A constant series whose terms decay like a power (1/n^2) or alternate while shrinking ((-1)^n / n)
# does not settle within the terms allowed above; its value is the accelerated sum (mpmath's nsum)
# once its terms far out pass a convergence test: a power decay faster than 1/n^1.2 that does not
# slow down, or strictly alternating signs with shrinking sizes (Leibniz). 1/n, 1/(n ln n) and
# 1 - 1 + 1 - ... fail it and keep no value.
_SLOW_POINTS = (10**3, 10**4, 10**5)
_SLOW_POWER = 1.2
_GEOMETRIC = mpmath.mpf("0.9")  # far terms shrinking at least this fast: the sum is its partial sums
_DIRECT_TERMS = 5000


def _summed_directly(f: Callable, start: int):
    """The sum of f(start), f(start + 1), ... added up until three terms in a row shrink below the
    working accuracy (the far terms shrink geometrically, so the tail is smaller still); None when
    that takes more than _DIRECT_TERMS terms. An acceleration's numerical derivatives at 30 digits
    cost a second of CPU for 1/3^j."""
    total, small = mpmath.mpf(0), 0
    previous = None
    for k in range(start, start + _DIRECT_TERMS):
        term = f(k)
        total += term
        shrinking = previous is None or abs(term) <= abs(previous)
        small = small + 1 if shrinking and abs(term) <= mpmath.eps * max(1, abs(total)) else 0
        if small == 3:
            return total
        previous = term
    return None


def constant_series(body: sp.Expr, var: sp.Symbol, start: int) -> sp.Float | None:
    """The sum of ``body`` over var = start, start + 1, ... (no other free symbol), or None."""
    try:
        term = _compile(body, {var: 0})
    except (Unsupported, NoValue, RecursionError, TypeError, ValueError):
        return None
    with mpmath.workdps(SCREENING_DIGITS):
        def f(k):
            value = term((mpmath.mpf(k),))
            if not isinstance(value, mpmath.mpf):
                raise ValueError("not real")
            return value
        try:
            far = [(f(start + k), f(start + k + 1)) for k in _SLOW_POINTS]
        except (ArithmeticError, ValueError, TypeError, Diverges, Defer, NoValue):
            return None
        sizes = [abs(a) for a, _ in far]
        if any(size == 0 for size in sizes):
            return None
        if all(abs(b) <= _GEOMETRIC * abs(a) for a, b in far):
            direct = _summed_directly(f, start)
            if direct is not None:
                return sp.Float(direct, SCREENING_DIGITS)
        alternating = all(a * b < 0 and abs(b) <= abs(a) for a, b in far) and sizes[0] > sizes[1] > sizes[2]
        same_sign = all(a * b > 0 for a, b in far) and len({mpmath.sign(a) for a, _ in far}) == 1
        if not alternating:
            if not same_sign:
                return None
            powers = [float(mpmath.log10(sizes[k] / sizes[k + 1])) for k in range(2)]
            if not (powers[1] > _SLOW_POWER and powers[1] >= powers[0] - 0.05):
                return None
        try:
            # two accelerations that work differently must agree: Richardson and Shanks (nsum's
            # default), and Euler-Maclaurin or, for alternating terms, Cohen's
            value = mpmath.nsum(f, [start, mpmath.inf])
            check = mpmath.nsum(f, [start, mpmath.inf], method="alternating" if alternating else "euler-maclaurin")
        except (ArithmeticError, ValueError, TypeError, Diverges, Defer, NoValue):
            return None
        if not isinstance(value, mpmath.mpf) or not abs(value - check) <= mpmath.mpf("1e-15") * max(1, abs(value)):
            return None
        return sp.Float(value, SCREENING_DIGITS)


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
    sp.floor: lambda x: float(math.floor(x)), sp.ceiling: lambda x: float(math.ceil(x)),
    sp.sign: lambda x: float((x > 0) - (x < 0)),
}
_FLOAT_CONSTANTS: dict[object, float] = {
    sp.pi: math.pi, sp.E: math.e, sp.EulerGamma: 0.5772156649015329, sp.GoldenRatio: (1 + math.sqrt(5)) / 2,
    sp.Catalan: 0.915965594177219,
}
_float_compiled: dict[tuple, Closure | None] = {}
_DOUBLE_RANGE = (1e-12, 1e12)


def quick_value(expr: sp.Expr, point: dict) -> float | object | None:
    """``expr`` at ``point`` as a real double, or None when the double cannot vouch for it (the
    caller then takes ``fast_value``'s mpmath path), or UNDEFINED for an infinite series whose partial
    sums do not settle. Never raises (except the budget's)."""
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
    except NotSettled:
        return UNDEFINED  # a series that does not settle in doubles does not at more digits either
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
    if isinstance(expr, (sp.Sum, sp.Product)):
        return _compile_float_series(expr, index)
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
        integral = []  # whether the exponent is an integer (a series' (-1)^k), asked only when needed

        def pow_(args):
            b, e = base(args), power(args)
            if b < 0:
                if not integral:
                    integral.append(bool(exponent.is_integer))
                if integral[0] and e == int(e):
                    return b ** int(e)
                raise ValueError("negative base")  # a complex value, or a real root only the exact path picks right
            return b ** e
        return pow_
    if isinstance(expr, matfunc.MatrixFunction):
        return _compile_matrix_function(expr, index, _compile_float, matfunc.float_entry)
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
    inner_index = _with_variable(index, var)
    inner = _compile_float_integral(function, limits[:-1], inner_index)

    def integral(args):
        return float_quadrature(lambda t: inner(args + (t,)), lo(args), hi(args))
    return integral


def _compile_float_series(expr, index: dict) -> Closure:
    """As ``_compile_series``, in doubles; the terms far out are checked in mpmath, where x^k / k!
    at k = 10^4 is a number and not an overflow."""
    var, rays = _series_rays(expr.limits)
    inner_index = _with_variable(index, var)
    inner = _compile_float(expr.function, inner_index)
    try:
        exact = _compile(expr.function, inner_index)
    except NoValue as exc:  # then the mpmath path finds no value either
        raise Unsupported(str(exc)) from None
    product = isinstance(expr, sp.Product)

    def series(args):
        def far(k: int):
            return exact(tuple(mpmath.mpf(a) for a in args) + (mpmath.mpf(k),))
        return _series_value(lambda k: inner(args + (float(k),)), far, rays, product,
                             FLOAT_SERIES_TERMS, _FLOAT_ACCEPT)
    return series
