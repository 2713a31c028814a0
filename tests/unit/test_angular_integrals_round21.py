"""Triple integrals in spherical coordinates: the angular integrals of polynomials in sin and cos are
done exactly, so a slip in the closed form is refuted (a confirmation at high precision needs values the
nested quadrature cannot give) and the right closed form verifies."""
from __future__ import annotations

import pytest
import sympy as sp

from lintmath.check import check_step
from lintmath.lower import _integrate_trigonometric

SPHERE = r"\int_0^{2\pi}\int_0^{\pi}\int_0^{R} r^2\sin\theta \, dr\, d\theta\, d\varphi"
MOMENT = (r"\int_0^{2\pi}\int_0^{\pi}\int_0^{R} \rho\, r^2\sin^2\theta \cdot r^2\sin\theta"
          r" \, dr\, d\theta\, d\varphi")
MIXED = (r"\int_0^{\pi} d\theta \int_0^{2\pi} d\varphi \int_0^1 (p^2 r^2 \cos^2\varphi\sin^2\theta"
         r" + q^2 r^2\cos^2\theta) r^2 \sin\theta \, dr")


@pytest.mark.parametrize("lhs, rhs", [
    (SPHERE, r"\frac{4}{3}\pi R^3"),
    (MOMENT, r"\frac{8\pi}{15}\rho R^5"),
    (MIXED, r"\frac{4\pi}{15}(p^2 + q^2)"),
])
def test_closed_forms_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (SPHERE, r"-\frac{4}{3}\pi R^3"),
    (SPHERE, r"\frac{2}{3}\pi R^3"),
    (MOMENT, r"\frac{8\pi}{15}\rho R^4"),
    (MIXED, r"\frac{4\pi}{15}(p^2 + q^3)"),
    (MIXED, r"\frac{4\pi}{16}(p^2 + q^2)"),
])
def test_slips_in_closed_forms_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


x, y = sp.symbols("x y")


@pytest.mark.parametrize("function, lo, hi", [
    (sp.sin(x) ** 2, 0, 2 * sp.pi),
    (sp.sin(x) ** 7 * sp.cos(x) ** 4, 0, sp.pi),
    (y * sp.sin(x) ** 3 + sp.cos(x) ** 2 + 5, -sp.pi / 3, sp.pi / 4),
    (sp.sin(x) * sp.cos(x) ** 5, sp.pi / 7, 2 * sp.pi / 5),
])
def test_trigonometric_integrals_match_sympy(function: sp.Expr, lo: sp.Expr, hi: sp.Expr) -> None:
    got = _integrate_trigonometric(function, x, lo, hi)
    assert got is not None and not got.has(x, sp.I)
    want = sp.integrate(function, (x, lo, hi))
    assert abs(sp.N((got - want).subs(y, sp.Rational(3, 7)), 30)) < 1e-25


@pytest.mark.parametrize("function, lo, hi", [
    (x * sp.sin(x), 0, sp.pi),          # not a polynomial in sin and cos alone
    (sp.sin(2 * x), 0, sp.pi),          # a multiple angle: left to the quadrature
    (sp.sin(x), 0, 1),                  # a bound that is no multiple of pi
    (sp.sin(x) ** 20, 0, sp.pi),        # beyond the degree kept exact
])
def test_other_integrands_are_left_alone(function: sp.Expr, lo: sp.Expr, hi: sp.Expr) -> None:
    assert _integrate_trigonometric(function, x, lo, hi) is None
