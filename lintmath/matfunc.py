"""Functions of a square matrix: ``e^{A}``, ``\\exp(tA)``, ``\\cos A``, ``\\sin A``, ``\\sqrt{A}``.

The lowering's matrices are concrete (random rational entries, see linalg), but their entries may hold
the step's variables (``e^{tA}``, a written matrix of ``t``). SymPy's exact exponential of a generic
3 x 3 matrix runs for seconds (an eigen-decomposition in cubic roots), so f(M) is evaluated
numerically instead, at each point: every entry of f(M) is a ``MatrixFunction(kind, row, col, size,
*entries of M)``, whose value is that entry of f of the matrix of the entries' values, at the working
precision (a confirmation at high precision computes f(M) again with that many digits): exp, cos and
sin by a scaled Taylor series (in doubles, or in fixed-point integers), the root by mpmath's sqrtm.
The entries of one f(M) share one computation per point and precision.

A derivative in a variable, ``\\frac{d}{dt} e^{tA}``, is the Frechet derivative L_f(M, M'): the
top-right block of f([[M, M'], [0, M]]) (Higham, Functions of Matrices, Thm 3.6), so it is again an
entry of a function of a (larger) matrix, and evaluates the same way.

Products of these matrices do not commute (e^{A}e^{B} is not e^{A+B} for generic A and B; a step that
holds when they do is left to the prose, see check._matrix_function_gap). The square root is
many-valued and real only for some matrices (positive definite, as the prose may assume): a step with
it is verified where it holds, never refuted.
"""
from __future__ import annotations

import math
import operator
import random

import mpmath
import sympy as sp

from lintmath import linalg

EXP, COS, SIN, SQRT = range(4)
# (the logarithm is not read: mpmath's logm takes half a second on a 3 x 3 matrix)
KINDS = {"exp": EXP, "cos": COS, "sin": SIN, "sqrt": SQRT}
# many-valued (which root?), and real only for some matrices: only verified
MULTIVALUED = frozenset({SQRT})
MAX_SIZE = 12  # a second derivative of f of a 3 x 3 matrix: f of 12 x 12
_HEAD = 4  # kind, row, col, size; the entries follow
GUARD_BITS = 20


class MatrixFunction(sp.Function):
    """Entry (row, col) of f(M), for the function ``kind`` of the size x size matrix M whose entries
    (row by row) follow: ``MatrixFunction(kind, row, col, size, *entries)``."""

    @property
    def kind(self) -> int:
        return int(self.args[0])

    # SymPy asks the sign of the sums and products it builds, and of a number by evaluating it: each
    # product of the lowering would compute f(M) several times. Not a number to SymPy's assumptions,
    # an entry is still evaluated (evalf) like one.
    is_number = False

    def _eval_evalf(self, prec):
        kind, row, col, size = (int(a) for a in self.args[:_HEAD])
        values = []
        for entry in self.args[_HEAD:]:
            value = entry.evalf(prec)
            if not value.is_number:
                return None
            re, im = value.as_real_imag()
            if not (re.is_Number and im.is_Number):
                return None
            values.append(mpmath.mpc(re._to_mpmath(prec), im._to_mpmath(prec)) if im else re._to_mpmath(prec))
        with mpmath.workprec(prec + GUARD_BITS):
            try:
                value = entry_value(kind, size, tuple(values), row, col)
            except (ArithmeticError, ValueError):  # f has no value at this matrix
                return None
            if isinstance(value, mpmath.mpc):
                return sp.Float(value.real, precision=prec) + sp.I * sp.Float(value.imag, precision=prec)
            return sp.Float(value, precision=prec)

    def _eval_derivative(self, s):
        kind, row, col, size = (int(a) for a in self.args[:_HEAD])
        entries = self.args[_HEAD:]
        slopes = [sp.diff(e, s) for e in entries]
        if all(d == 0 for d in slopes):
            return sp.S.Zero
        if 2 * size > MAX_SIZE:
            raise linalg.ShapeProblem("a derivative of high order of a function of a matrix")
        block = []
        for i in range(2 * size):
            for j in range(2 * size):
                if i < size:
                    block.append(entries[i * size + j] if j < size else slopes[i * size + j - size])
                else:
                    block.append(sp.S.Zero if j < size else entries[(i - size) * size + j - size])
        return MatrixFunction(kind, row, col + size, 2 * size, *block)


def apply(name: str, value) -> linalg.MatrixT | None:
    """f(value) for the function ``name`` of a square matrix, as a matrix of MatrixFunction entries;
    None where ``value`` is not a matrix. A vector or a matrix that is not square has no such
    function: ShapeProblem (unverified)."""
    value = linalg.scalar(value)
    if not linalg.is_matrix(value):
        return None
    kind = KINDS.get(name)
    if kind is None or value.rows != value.cols or value.rows == 1:
        raise linalg.ShapeProblem(f"{name} of a vector or of a matrix that is not square")
    size = value.rows
    entries = tuple(value)
    return linalg.MatrixT(size, size, lambda i, j: MatrixFunction(kind, i, j, size, *entries))


# The reading in which every matrix letter is a polynomial in one generic matrix, so that all of
# them commute: e^{A}e^{B} = e^{A+B} holds there, and holds for the commuting A, B the prose may have
COMMUTING = ("commuting",)


def commuting_matrix(seed: int, name: str) -> linalg.MatrixT:
    """The matrix of the letter ``name`` in the COMMUTING reading: a + bC + cC^2 for the instance's one
    generic C and numbers of the letter's own."""
    common = linalg.named_random_matrix(f"{seed}:commuting", linalg.SIZE, linalg.SIZE)
    rng = random.Random(f"{seed}:{name}:commuting")
    a, b, c = (sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4)) for _ in range(3))
    return linalg.MatrixT(a * sp.eye(linalg.SIZE) + b * common + c * common * common)


_cache: dict[tuple, object] = {}
_CACHE_LIMIT = 256


def entry_value(kind: int, size: int, values: tuple, row: int, col: int):
    """Entry (row, col) of f of the matrix of ``values`` (mpmath numbers, row by row), at mpmath's
    working precision; raises ValueError where f has no value there."""
    key = (kind, size, values, mpmath.mp.prec)
    result = _cache.get(key)
    if result is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        try:
            result = _compute(kind, size, values)
        except (ArithmeticError, ValueError, TypeError, mpmath.libmp.NoConvergence) as exc:
            result = ValueError(str(exc))
        _cache[key] = result
    if isinstance(result, Exception):
        raise ValueError(str(result))
    return result[row * size + col]


def _compute(kind: int, size: int, values: tuple) -> tuple:
    if not all(mpmath.isfinite(v) for v in values):
        raise ValueError("an entry that is not finite")
    if kind in (EXP, COS, SIN):
        if max(abs(v) for v in values) * size > MAX_NORM:
            raise ValueError("an exponential beyond what a comparison resolves")
        if kind == EXP:
            return _expm(values, size, 1)
        # cos M = (e^{iM} + e^{-iM}) / 2, sin M = (e^{iM} - e^{-iM}) / 2i
        plus, minus = _expm(values, size, 1j), _expm(values, size, -1j)
        if kind == COS:
            out = tuple((a + b) / 2 for a, b in zip(plus, minus))
        else:
            out = tuple((a - b) / mpmath.mpc(0, 2) for a, b in zip(plus, minus))
        # of a real matrix, real: the imaginary parts are rounding
        return out if any(isinstance(v, mpmath.mpc) for v in values) else tuple(v.real for v in out)
    matrix = mpmath.matrix(size, size)
    for k, v in enumerate(values):
        matrix[k // size, k % size] = v
    result = mpmath.sqrtm(matrix)
    return tuple(result[i, j] for i in range(size) for j in range(size))


MAX_NORM = 1000  # e^{1000 t}: beyond this a difference of exponentials is no comparison of values


def _expm(values: tuple, size: int, factor: complex) -> tuple:
    """e^{factor M} (factor 1 or +-i) by scaling and squaring a Taylor series, in fixed-point integers
    of mpmath's working precision plus guard bits: mpmath's own expm spends ~50 ms on a 6 x 6 matrix
    (a derivative's block) at a confirmation's precision, this a few."""
    prec = mpmath.mp.prec
    norm = max(sum(abs(values[i * size + j]) for j in range(size)) for i in range(size))
    # scaled to a norm below 2^-8, the series needs few terms; every squaring may double the error
    squarings = max(0, int(mpmath.ceil(mpmath.log(norm, 2))) + 8) if norm else 0
    bits = prec + squarings + 30 + size
    one = 1 << bits
    real, imag = [], []
    for v in values:
        z = mpmath.mpc(v) * factor
        real.append(int(mpmath.nint(mpmath.ldexp(z.real, bits - squarings))))
        imag.append(int(mpmath.nint(mpmath.ldexp(z.imag, bits - squarings))))
    scaled = (real, imag if any(imag) else None)
    identity = [one if i == j else 0 for i in range(size) for j in range(size)]
    total = (list(identity), None)
    term = (list(identity), None)
    k = 1
    while True:
        term = _times(term, scaled, size, bits)
        term = ([x // k for x in term[0]], None if term[1] is None else [x // k for x in term[1]])
        # (floor division leaves -1 where the term is spent: a few units of 2^-bits are nothing)
        if max(abs(x) for x in term[0] + (term[1] or [])) <= size:
            break
        total = _plus(total, term)
        k += 1
    for _ in range(squarings):
        total = _times(total, total, size, bits)
    re_part, im_part = total
    if im_part is None:
        return tuple(mpmath.ldexp(mpmath.mpf(x), -bits) for x in re_part)
    return tuple(mpmath.mpc(mpmath.ldexp(mpmath.mpf(x), -bits), mpmath.ldexp(mpmath.mpf(y), -bits))
                 for x, y in zip(re_part, im_part))


def _plus(a: tuple, b: tuple) -> tuple:
    real = [x + y for x, y in zip(a[0], b[0])]
    if a[1] is None and b[1] is None:
        return real, None
    zero = [0] * len(real)
    return real, [x + y for x, y in zip(a[1] or zero, b[1] or zero)]


def _times(a: tuple, b: tuple, size: int, bits: int) -> tuple:
    """The product of fixed-point complex matrices (real part, imaginary part or None)."""
    def product(x: list, y: list) -> list:
        rows = [x[i * size:(i + 1) * size] for i in range(size)]
        cols = [y[j::size] for j in range(size)]
        return [sum(map(operator.mul, r, c)) >> bits for r in rows for c in cols]
    if a[1] is None and b[1] is None:
        return product(a[0], b[0]), None
    zero = [0] * (size * size)
    ar, ai, br, bi = a[0], a[1] or zero, b[0], b[1] or zero
    real = [p - q for p, q in zip(product(ar, br), product(ai, bi))]
    imag = [p + q for p, q in zip(product(ar, bi), product(ai, br))]
    return real, imag


def float_entry(kind: int, size: int, values: tuple, row: int, col: int) -> float:
    """``entry_value`` in doubles (the screening of tolerance.evaluate); ValueError for a complex value
    or where f has no value. The exponential and its cousins are computed in doubles, each f(M) once
    per point (the other entries reuse it)."""
    if kind in (EXP, COS, SIN):
        key = (kind, size, values, "float")
        result = _cache.get(key)
        if result is None:
            if len(_cache) >= _CACHE_LIMIT:
                _cache.clear()
            result = _cache[key] = _float_function(kind, size, values)
        value = result[row * size + col]
    else:
        with mpmath.workprec(53 + GUARD_BITS):
            value = entry_value(kind, size, tuple(mpmath.mpf(v) for v in values), row, col)
    if isinstance(value, (complex, mpmath.mpc)):
        if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            raise ValueError("a complex value")
        value = value.real
    out = float(value)
    if not math.isfinite(out):
        raise ValueError("not finite")
    return out


def _float_function(kind: int, size: int, values: tuple) -> tuple:
    if not all(math.isfinite(v) for v in values) or max(abs(v) for v in values) * size > MAX_NORM:
        raise ValueError("an entry not finite, or an exponential beyond what a comparison resolves")
    if kind == EXP:
        return _float_expm(values, size, 1.0)
    plus, minus = _float_expm(values, size, 1j), _float_expm(values, size, -1j)
    if kind == COS:
        return tuple(((a + b) / 2).real for a, b in zip(plus, minus))
    return tuple(((a - b) / 2j).real for a, b in zip(plus, minus))


def _float_expm(values: tuple, size: int, factor: complex) -> tuple:
    """``_expm`` in doubles: scaled to a norm below 1/2, a Taylor series to 1e-17, squared back."""
    norm = max(sum(abs(values[i * size + j]) for j in range(size)) for i in range(size))
    squarings = max(0, math.ceil(math.log2(norm)) + 1) if norm else 0
    scale = factor / 2.0 ** squarings
    scaled = [v * scale for v in values]
    identity = [1.0 if i == j else 0.0 for i in range(size) for j in range(size)]
    total, term = list(identity), list(identity)
    for k in range(1, 40):
        term = [x / k for x in _float_times(term, scaled, size)]
        total = [x + y for x, y in zip(total, term)]
        if max(abs(x) for x in term) < 1e-18:
            break
    for _ in range(squarings):
        total = _float_times(total, total, size)
    return tuple(total)


def _float_times(x: list, y: list, size: int) -> list:
    rows = [x[i * size:(i + 1) * size] for i in range(size)]
    cols = [y[j::size] for j in range(size)]
    return [sum(map(operator.mul, r, c)) for r in rows for c in cols]
