"""The fast numeric path agrees with the exact one, and hands back to it whenever it is unsure."""
from __future__ import annotations

import pytest
import sympy as sp

from lintmath import check, comparator, tolerance
from lintmath.evaluate import fast_value

x, y, z = sp.symbols("x y z")
f = sp.Function("f")
POINT = {x: sp.Rational(37, 100), y: sp.Rational(212, 100), z: sp.Rational(5, 100)}

AGREE = [
    x + y * z, (x + y) ** 2 - x**2 - 2 * x * y - y**2, sp.exp(-x) / (1 + sp.exp(-x)) ** 2,
    sp.log(x * y**3), sp.sqrt(x) * sp.sqrt(y), x ** sp.Rational(2, 3), sp.sin(x) ** 2 + sp.cos(x) ** 2,
    sp.tan(y), sp.atan(x) + sp.asin(z), sp.tanh(x), sp.Abs(x - y), sp.factorial(5) * x, sp.gamma(y),
    sp.pi * x + sp.E, x ** -3, 1 / (1 + x**20), sp.erf(x), y ** (x * z),
    (1 + x) ** 200 - (1 + x) ** 199 * (1 + x),
]


@pytest.mark.parametrize("expr", AGREE, ids=[sp.sstr(e)[:30] for e in AGREE])
@pytest.mark.parametrize("precision", [30, 90])
def test_the_fast_value_is_the_exact_value(expr, precision, monkeypatch):
    fast = fast_value(expr, POINT, precision)
    monkeypatch.setattr(tolerance, "fast_value", lambda *a, **k: None)
    exact = tolerance.evaluate(expr, POINT, precision)
    assert fast is not None and exact is not None
    assert abs(fast - exact) <= sp.Float(10) ** (-precision + 5) * max(1, abs(exact))


def test_a_decimal_in_the_expression_agrees_to_its_own_precision(monkeypatch):
    expr = sp.Float("0.125") * y + x  # a 15-digit Float: SymPy's exact path keeps only its 15 digits
    fast = fast_value(expr, POINT)
    monkeypatch.setattr(tolerance, "fast_value", lambda *a, **k: None)
    assert abs(fast - tolerance.evaluate(expr, POINT)) < 1e-14


UNSURE = [
    sp.log(x - y),  # not real here
    1 / (y - sp.Rational(212, 100)),  # a pole at the point
    sp.sqrt(x - y),
    f(x),  # an undefined function: no value
    sp.zoo * x,
    sp.acos(y),
]


@pytest.mark.parametrize("expr", UNSURE, ids=[sp.sstr(e)[:30] for e in UNSURE])
def test_anything_unusual_goes_to_the_exact_path(expr):
    assert fast_value(expr, POINT) is None


def test_complex_values_only_when_the_step_uses_i():
    expr = sp.sqrt(x - y)
    assert fast_value(expr, POINT, complex_ok=False) is None
    value = fast_value(expr, POINT, complex_ok=True)
    assert value is not None and abs(sp.im(value) - sp.sqrt(sp.Rational(175, 100))) < 1e-20


def test_applied_functions_in_the_point_are_variables():
    point = {f(x): sp.Rational(1, 2), x: sp.Rational(1, 4)}
    assert fast_value(f(x) * 2 + x, point) == sp.Float("1.25", 30)


def test_integrals_are_computed_by_quadrature(monkeypatch):
    expr = sp.Integral(sp.exp(-x * y) * sp.cos(x), (x, 0, 1))
    point = {y: POINT[y]}
    fast = fast_value(expr, point)
    monkeypatch.setattr(tolerance, "fast_value", lambda *a, **k: None)
    # a confirmation is SymPy's own evalf, which keeps only the digits it trusts
    assert abs(fast - tolerance.evaluate(expr, point, 3 * tolerance.PRECISION)) < 1e-11
    assert fast_value(expr, point, 90) is None
    # a screening whose quadrature does not settle has no value: SymPy's evalf would take seconds
    assert tolerance.evaluate(expr, point) is None


def test_a_multiple_integral_has_no_value_on_either_path(monkeypatch):
    """The shortcut is only valid while SymPy's evalf leaves such integrals unevaluated."""
    from lintmath.evaluate import UNDEFINED

    expr = sp.Integral(x * y * z, (x, 0, 1), (y, 0, 1))
    assert fast_value(expr, {z: sp.Rational(1, 2)}) is UNDEFINED
    assert tolerance.evaluate(expr, {z: sp.Rational(1, 2)}) is None
    monkeypatch.setattr(tolerance, "fast_value", lambda *a, **k: None)
    assert tolerance.evaluate(expr, {z: sp.Rational(1, 2)}) is None


def test_an_improper_integral_that_does_not_settle_has_no_value():
    from lintmath.evaluate import UNDEFINED

    for diverging in [sp.Integral(sp.exp(y * x) * sp.sin(x), (x, -sp.oo, sp.oo)),
                      sp.Integral(sp.sin(x) / x, (x, 1, sp.oo)), sp.Integral(1 / x, (x, 1, sp.oo))]:
        assert fast_value(diverging, {y: POINT[y]}) is UNDEFINED, diverging
    gaussian = sp.Integral(sp.exp(-x**2), (x, -sp.oo, sp.oo))
    assert abs(fast_value(gaussian, {}) - sp.sqrt(sp.pi)) < 1e-20
    assert abs(fast_value(sp.Integral(sp.exp(-y * x), (x, 0, sp.oo)), {y: POINT[y]}) - 1 / POINT[y]) < 1e-20


def test_screening_integrals_in_doubles_agree_with_mpmath():
    from lintmath.evaluate import quick_value

    for expr in [sp.Integral(sp.exp(-x * y) * sp.cos(x), (x, 0, 1)),
                 sp.Integral(sp.sqrt(1 + y * sp.sin(x) ** 2), (x, 0, y)),
                 sp.Integral(x * y, (x, 0, y), (y, 0, 1))]:  # a double integral, inner bound from outside
        point = {y: POINT[y]} if expr.free_symbols else {}
        exact = float(sp.re(sp.N(expr.subs(point).doit(), 20)))
        assert abs(quick_value(expr, point) - exact) < 1e-11 * max(1, abs(exact)), expr


def test_a_quadrature_that_does_not_settle_in_doubles_is_handed_on():
    import math

    from lintmath.evaluate import float_quadrature, quick_value

    assert abs(float_quadrature(math.exp, 0.0, 1.0) - (math.e - 1)) < 1e-14
    with pytest.raises(ValueError):
        float_quadrature(lambda t: 1 / math.sqrt(t), 0.0, 1.0)  # an endpoint singularity
    assert quick_value(sp.Integral(1 / sp.sqrt(x), (x, 0, y)), {y: 1.0}) is None
    assert quick_value(sp.Integral(sp.exp(-x**2), (x, 0, sp.oo)), {}) is None  # improper: mpmath's
    assert quick_value(sp.Integral(x * y * z, (x, 0, 1), (y, 0, 1), (z, 0, 1)), {}) is None  # triple


def test_a_difference_the_exact_path_cannot_value_is_not_agreement(monkeypatch):
    """A screening difference must be confirmed; when the confirmation has no value (SymPy cannot
    evaluate a double integral) the point tells nothing, and certainly not that the sides agree."""
    real = comparator.evaluate

    def no_confirmation(expr, point, precision=tolerance.PRECISION, *args, **kwargs):
        return None if precision > tolerance.PRECISION else real(expr, point, precision, *args, **kwargs)

    monkeypatch.setattr(comparator, "evaluate", no_confirmation)
    assert check.check_step("x + y", "x + 2y", "=").status is check.Status.UNVERIFIED
    assert check.check_step("x + y", "y + x", "=").status is check.Status.VERIFIED


def test_an_improper_integral_of_an_undefined_function_is_not_decided():
    """Whether \\int_{-\\infty}^{\\infty} x(t) dt converges depends on the x the document defines; a
    stand-in either grows (no value) or decays (seconds of quadrature per point): not decided."""
    wrong = check.check_step(r"\int_{-\infty}^{\infty} (f(t) + g(t)) \cos t \, dt",
                             r"\int_{-\infty}^{\infty} f(t) \cos t \, dt + 2 \int_{-\infty}^{\infty} g(t) \cos t \, dt", "=")
    assert wrong.status is check.Status.UNVERIFIED
    assert "improper integral" in wrong.reason
    assert wrong.elapsed < 1.0
    # a proper integral of the same functions is still decided, and a known integrand over an
    # infinite range too
    assert check.check_step(r"\int_0^1 (f(t) + g(t)) dt", r"\int_0^1 f(t) dt + 2 \int_0^1 g(t) dt", "=").status \
        is check.Status.REFUTED
    assert check.check_step(r"\int_{-\infty}^{\infty} e^{-t^2} dt", r"\sqrt{\pi}", "=").status is check.Status.VERIFIED
