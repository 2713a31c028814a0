"""Limits of difference quotients of entire functions (stand-ins for undefined functions, exp, sin) are
taken exactly, as N^(k)/D^(k) at the point, instead of at ever closer points with hundreds of digits;
bodies outside that form keep the numerical path, and wrong steps stay refuted or unverified."""
from __future__ import annotations

import pytest
import sympy as sp

from lintmath.check import check_step
from lintmath.lower import _entire_quotient_limit, _stand_in, apply_stand_in, derivative, limit_at

V, R, U = "verified", "refuted", "unverified"
y, h, a = sp.symbols("y h a")


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs, expected", [
    # stand-ins: right steps verify; wrong ones depend on what g is (see check), never verify
    (r"\lim_{h \to 0} \frac{g(y + h) - g(y)}{h}", r"g'(y)", V),
    (r"\lim_{h \to 0^+} \frac{g(y + h) - g(y)}{h}", r"g'(y)", V),
    (r"\lim_{h \to 0} \frac{g(y + 2h) - g(y)}{h}", r"2 g'(y)", V),
    (r"\lim_{h \to 0} \frac{g(y + h) - g(y - h)}{2h}", r"g'(y)", V),
    (r"\lim_{h \to 0} \frac{g(y + h) - 2 g(y) + g(y - h)}{h^2}", r"g''(y)", V),
    (r"\lim_{h \to 0} \frac{f(x + h) g(x + h) - f(x) g(x)}{h}", r"f'(x) g(x) + f(x) g'(x)", V),
    (r"\lim_{h \to 0} \frac{f(g(x + h)) - f(g(x))}{h}", r"f'(g(x)) g'(x)", V),
    (r"\lim_{h \to 0} \frac{g(y + h) - g(y)}{\sin h}", r"g'(y)", V),
    (r"\lim_{h \to 0} \left(\frac{g(y + h) - g(y)}{h} + g(y)\right)", r"g'(y) + g(y)", V),
    (r"\lim_{x \to a} \frac{g(x) - g(a)}{x - a}", r"g'(a)", V),
    (r"\lim_{h \to 0} \frac{g(y + 2h) - g(y)}{h}", r"g'(y)", U),
    (r"\lim_{h \to 0} \frac{g(y + h) - 2 g(y) + g(y - h)}{h^2}", r"2 g''(y)", U),
    (r"\lim_{h \to 0} \frac{f(g(x + h)) - f(g(x))}{h}", r"f'(x) g'(x)", U),
    (r"\lim_{x \to a} \frac{g(x) - g(a)}{x - a}", r"g'(x)", U),
    # diverges: not of the form, and never verified
    (r"\lim_{h \to 0} \frac{g(y + h) - g(y)}{h^2}", r"g'(y)", U),
    # known entire functions: wrong steps are refuted
    (r"\lim_{h \to 0} \frac{\sin(a + h) - \sin a}{h}", r"\cos a", V),
    (r"\lim_{h \to 0} \frac{\sin(a + h) - \sin a}{h}", r"\sin a", R),
    (r"\lim_{h \to 0} \frac{e^{x + 2h} - e^x}{h}", r"2 e^x", V),
    (r"\lim_{h \to 0} \frac{e^{x + 2h} - e^x}{h}", r"e^x", R),
    (r"\lim_{h \to 0} \frac{\sin(a + h) - 2\sin a + \sin(a - h)}{h^2}", r"-\sin a", V),
    (r"\lim_{h \to 0} \frac{\sin(a + h) - 2\sin a + \sin(a - h)}{h^2}", r"\sin a", R),
    (r"\lim_{t \to 0} \frac{\cos t - 1}{t^2}", r"-\frac{1}{2}", V),
    (r"\lim_{t \to 0} \frac{\cos t - 1}{t^2}", r"\frac{1}{2}", R),
    # not entire (a root, a logarithm): the numerical path, as before
    (r"\lim_{h \to 0} \frac{\sqrt{x + h} - \sqrt{x}}{h}", r"\frac{1}{2\sqrt{x}}", V),
    (r"\lim_{h \to 0} \frac{\sqrt{x + h} - \sqrt{x}}{h}", r"\frac{1}{\sqrt{x}}", R),
])
def test_difference_quotients(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected


def _g(arg: sp.Expr) -> sp.Expr:
    return apply_stand_in(_stand_in(0, "g", 1, -1), [arg])


def test_the_limit_of_a_stand_in_quotient_is_its_exact_derivative() -> None:
    body = (_g(y + h) - _g(y)) / h
    value = limit_at(body, h, sp.S.Zero)
    # exact, not the body at a point 3e-45 away: no Float and no h left
    assert not value.atoms(sp.Float) and h not in value.free_symbols
    assert sp.expand_mul(value - derivative(_g(y), y)) == 0


def test_a_second_difference_needs_its_first_order_to_cancel_exactly() -> None:
    body = (_g(y + h) - 2 * _g(y) + _g(y - h)) / h**2
    value = _entire_quotient_limit(body, h, sp.S.Zero)
    assert value is not None
    point = {y: sp.Rational(3, 7)}
    second = derivative(_g(y), y, 2)
    assert abs((value - second).subs(point).evalf(30)) < 1e-25


@pytest.mark.parametrize("body", [
    (sp.Abs(y + h) - sp.Abs(y)) / h,  # |.| is not differentiable at 0
    (sp.sqrt(h + y) - sp.sqrt(y)) / h,  # a root: not entire
    (sp.log(1 + h)) / h,  # a logarithm: not entire
    (_g(y + h) - 2 * _g(y)) / h,  # the numerator does not vanish: infinite
    (_g(y + h) - _g(y)) / (a * h),  # D' = a, which may be zero
    (_g(y + h) - _g(y)) / h**2,  # N' does not vanish where D' does
    (sp.exp(sp.I * h) - 1) / h,  # complex values: left to the numerical path, which refuses them
    (sp.cos(h) - 1 + h**2 / 2 - h**4 / 24) / h**8,  # beyond the orders taken
])
def test_bodies_outside_the_exact_form_are_left_to_the_numerical_path(body: sp.Expr) -> None:
    assert _entire_quotient_limit(body, h, sp.S.Zero) is None


def test_the_limit_variable_is_matched_by_equality_not_identity() -> None:
    # SymPy's cache may hand back an equal Symbol that is another object (after it evicted the first)
    body = (_g(y + h) - _g(y)) / h
    sp.core.cache.clear_cache()
    var = sp.Symbol("h")
    assert var == h and var is not h
    assert _entire_quotient_limit(body, var, sp.S.Zero) is not None
