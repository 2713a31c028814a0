"""The second round of shortcuts for speed gives what the slower paths they replace gave."""
from __future__ import annotations

import random

import pytest
import sympy as sp

from lintmath import tolerance
from lintmath.evaluate import UNDEFINED, fast_value, quick_value

x, y, z = sp.symbols("x y z")
w = sp.Symbol("w")
POINTS = [
    {x: sp.Rational(37, 100), y: sp.Rational(212, 100), z: sp.Rational(5, 100)},
    {x: sp.Rational(181, 100), y: sp.Rational(6, 100), z: sp.Rational(95, 100)},
    {x: sp.Rational(1, 2), y: sp.Rational(1, 2), z: sp.Rational(3, 2)},  # a tie between x and y
]

# the forms the corpus gives Max, Min, re and im: log-sum-exp bounds, mixtures, relu, stand-ins of a
# complex variable
EXTREMA = [
    sp.Max(x, y, z), sp.Min(x, y, z), sp.log(sp.Max(sp.exp(x), sp.exp(y), sp.exp(z))),
    sp.log(3 * sp.Max(sp.exp(x), sp.exp(y))), sp.Max(0, x - y), sp.Max(x, y) + sp.Min(y, z) + sp.log(3),
    sp.Max(z * sp.exp(-x**2 / 4 + x / 5 - sp.sin(x - 1) / 2) + (1 - z) * sp.exp(-y**2 / 9),
           z * sp.exp(-x**2 / 3 + sp.sin(x + 1) / 2)),
    sp.exp(-sp.sin(sp.re(x) / 2 - 1) * sp.cosh(sp.im(x) / 2) / 2 - sp.re(x) ** 2 / 24 + sp.im(x) ** 2 / 24)
    * sp.Abs(x / 12 + 3 * sp.cos(x / 2 - 1) / 4),
    sp.re(x * y) + sp.im(z) * x + sp.re(x) ** 2,
]


def _exact(expr, point, precision, complex_ok, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(tolerance, "fast_value", lambda *a, **k: None)
        return tolerance.evaluate(expr, point, precision, complex_ok)


@pytest.mark.parametrize("expr", EXTREMA, ids=[sp.sstr(e)[:30] for e in EXTREMA])
@pytest.mark.parametrize("precision", [30, 90])
def test_max_min_re_im_in_mpmath_are_the_exact_values(expr, precision, monkeypatch):
    for point in POINTS:
        exact = _exact(expr, point, precision, False, monkeypatch)
        fast = fast_value(expr, point, precision)
        if exact is None:
            assert fast is None or fast is UNDEFINED
            continue
        assert fast is not None
        assert abs(fast - exact) <= sp.Float(10) ** (-precision + 5) * max(1, abs(exact))


@pytest.mark.parametrize("expr", EXTREMA, ids=[sp.sstr(e)[:30] for e in EXTREMA])
def test_max_min_re_im_in_doubles_are_the_exact_values(expr, monkeypatch):
    for point in POINTS:
        quick = quick_value(expr, point)
        if quick is None:
            continue
        exact = _exact(expr, point, tolerance.PRECISION, False, monkeypatch)
        assert exact is not None and abs(quick - float(exact)) <= 1e-12 * max(1.0, abs(float(exact)))


def test_random_extrema_agree_with_the_exact_path(monkeypatch):
    rng = random.Random(7)
    atoms = [x, y, z, sp.exp(x), sp.sin(y), x * y - z, sp.log(y + 1), 1 / (x + 1)]
    for _ in range(60):
        parts = rng.sample(atoms, rng.randint(2, 4))
        expr = (sp.Max if rng.random() < 0.5 else sp.Min)(*parts) * rng.choice([1, x, sp.cos(z)])
        for point in POINTS:
            exact = _exact(expr, point, tolerance.PRECISION, False, monkeypatch)
            fast = fast_value(expr, point)
            quick = quick_value(expr, point)
            assert exact is not None and fast is not None and quick is not None
            assert abs(fast - exact) <= sp.Float(10) ** -25 * max(1, abs(exact))
            assert abs(quick - float(exact)) <= 1e-12 * max(1.0, abs(float(exact)))


def test_complex_values_under_re_and_im(monkeypatch):
    expr = sp.re(sp.exp(sp.I * x)) * sp.I + sp.im(sp.exp(sp.I * y)) + sp.exp(sp.I * z)
    for point in POINTS:
        exact = _exact(expr, point, tolerance.PRECISION, True, monkeypatch)
        fast = fast_value(expr, point, tolerance.PRECISION, complex_ok=True)
        assert fast is not None and exact is not None
        assert abs(sp.N(fast - exact)) <= 1e-25
        assert quick_value(expr, point) is None  # i has no double


def test_an_extremum_of_complex_or_infinite_values_is_the_exact_paths():
    point = POINTS[0]
    assert fast_value(sp.Max(x, sp.sqrt(x - y)), point, complex_ok=True) is None
    assert quick_value(sp.Max(x, sp.sqrt(x - y)), point) is None
    assert quick_value(sp.Max(x, sp.Float("1e200") ** 2 * x - sp.Float("1e200") ** 2 * y), point) is None


def test_a_cached_inverse_is_the_inverse_computed_each_time():
    from lintmath import linalg

    rng = random.Random(3)
    lam = sp.Symbol("lambda")
    for k in range(20):
        m = linalg.random_matrix(rng, 3, 3)
        symbolic = k % 5 == 0
        if symbolic:
            m = sp.ImmutableMatrix(m + lam * sp.eye(3))
        for exp in (-1,) if symbolic else (-1, -2, -3):
            expected = m.inv(method="LU") ** -exp
            for _ in range(2):  # a miss, then a hit
                value = linalg.power(sp.Matrix(m), sp.Integer(exp))
                assert isinstance(value, sp.ImmutableMatrix)
                assert value == sp.ImmutableMatrix(expected) and sp.srepr(value) == sp.srepr(sp.ImmutableMatrix(expected))
    with pytest.raises(linalg.ShapeProblem):
        linalg.power(sp.ImmutableMatrix([[1, 2], [2, 4]]), sp.Integer(-1))
