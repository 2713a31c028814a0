"""Implicit differentiation and related rates: a letter the step primes beside a derivative written
with its variable (y' beside \\frac{d}{dx}) is a function of that variable, its prime the derivative."""
import pytest

from lintmath.check import check_step

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dx}(x^2 + y^2)", r"2x + 2y y'"),
    (r"\frac{d}{dx}(xy)", r"y + xy'"),
    (r"\frac{d}{dx}(x^2 y)", r"2xy + x^2 y'"),
    (r"\frac{d}{dx}(e^y)", r"e^y y'"),
    (r"\frac{d}{dx}(\ln y)", r"\frac{y'}{y}"),
    (r"\frac{d}{dx}(x\sin y)", r"\sin y + x\cos y\, y'"),
    (r"\frac{d}{dx}\left(\frac{x}{y}\right)", r"\frac{y - xy'}{y^2}"),
    (r"\frac{d}{dx}\left(x^3 + y^3 - 6xy\right)", r"3x^2 + 3y^2y' - 6y - 6xy'"),
    (r"\frac{d}{dx}\left(\frac{x^2}{a^2} + \frac{y^2}{b^2}\right)", r"\frac{2x}{a^2} + \frac{2yy'}{b^2}"),
    (r"\frac{d}{dx} f(y)", r"f'(y) y'"),
    (r"\frac{d}{dx}(uv)", r"u'v + uv'"),
    # with d/dt, every primed letter moves with t
    (r"\frac{d}{dt}\left(x^2 + y^2\right)", r"2x x' + 2y y'"),
    # second derivatives: y' moves with x as y does
    (r"\frac{d}{dx}\left(x y'\right)", r"y' + xy''"),
    (r"\frac{d}{dx}\left(y y'\right)", r"y'^2 + yy''"),
])
def test_primes_beside_a_derivative_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == V
    assert any("derivatives by" in g for g in verdict.guessed)


@pytest.mark.parametrize("lhs, rhs, rule_kind", [
    (r"\frac{d}{dx}(x^2 + y^2)", r"3x + 2yy'", "arithmetic"),
    (r"\frac{d}{dx}(y^2)", r"yy'", "constant_factor"),
    (r"\frac{d}{dx}(y^2)", r"-2yy'", "sign_flip"),
    (r"\frac{d}{dx}\left(\frac{x}{y}\right)", r"\frac{y + xy'}{y^2}", "sign_flip"),
    (r"\frac{d}{dt}\left(x^2 + y^2\right)", r"2x x' - 2y y'", "sign_flip"),
])
def test_a_slip_in_that_reading_is_refuted_with_its_repair(lhs, rhs, rule_kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == rule_kind


@pytest.mark.parametrize("lhs, rhs", [
    # wrong in that reading, but no small edit explains it: a prime may still be a name
    (r"\frac{d}{dx}(x^2 + y^2)", r"\frac{5}{x} - yy' + e^x"),
    # a primed variable, or a primed letter differentiated in Leibniz's notation: new names
    (r"\frac{d}{dx} k(x, x')", r"2(x - x')"),
    (r"\frac{dx'}{dt}", r"\gamma\left(\frac{dx}{dt} - v\right)"),
    # derivatives by two variables: by which one is y' taken?
    (r"\frac{d}{dx}\left(y^2\right)", r"\frac{d}{dy}\left(y^3\right) y'"),
    # a partial derivative beside a prime
    (r"\frac{\partial}{\partial x}(x^2 y)", r"2xy + x^2 y'"),
    # equations of implicit differentiation, not identities
    (r"2x + 2yy'", r"0"),
    (r"y'", r"-\frac{x}{y}"),
])
def test_other_primes_stay_unverified(lhs, rhs):
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs, expected", [
    # dy/dx written: y moves with x even where the step also differentiates by y (the chain rule)
    (r"\frac{d}{dx}\left(y^2\right)", r"\frac{d}{dy}\left(y^2\right)\frac{dy}{dx}", V),
    (r"\frac{d}{dx}\sin y", r"\frac{d}{dy}(\sin y) \cdot \frac{dy}{dx}", V),
    (r"\frac{d}{dx}\left(y^2\right)", r"\frac{d}{dy}\left(y^3\right)\frac{dy}{dx}", R),
    # a coordinate differentiated by another is still independent of it
    (r"\frac{\partial}{\partial x}(x y) - \frac{\partial}{\partial y}\left(\frac{x^2}{2}\right)", r"y", V),
    # dy/dx differentiated by x again is d^2y/dx^2, not a constant
    (r"\frac{d}{dx}\left(x\frac{dy}{dx}\right)", r"\frac{dy}{dx} + x\frac{d^2y}{dx^2}", V),
    (r"\frac{d}{dx}\left(y\frac{dy}{dx}\right)", r"\left(\frac{dy}{dx}\right)^2 + y\frac{d^2y}{dx^2}", V),
    (r"\frac{d}{dx}\left(\left(\frac{dy}{dx}\right)^2\right)", r"2\frac{dy}{dx}\frac{d^2y}{dx^2}", V),
    (r"\frac{d}{dx}\left(\frac{dy}{dx}\right)", r"\frac{d^2y}{dx^2}", V),
    (r"\frac{d}{dx}\left(x\frac{dy}{dx}\right)", r"\frac{dy}{dx}", U),  # was verified: dy/dx held fixed
    (r"\frac{d}{dx}\left(y\frac{dy}{dx}\right)", r"\left(\frac{dy}{dx}\right)^2", U),
    # related rates
    (r"\frac{d}{dt}\left(\frac{4}{3}\pi r^3\right)", r"4\pi r^2 \frac{dr}{dt}", V),
    (r"\frac{d}{dt}\left(\frac{4}{3}\pi r^3\right)", r"4\pi r^3 \frac{dr}{dt}", R),
    # a letter never written with dy/dx or a prime stays a constant, as before
    (r"\frac{d}{dx}(x^2 y)", r"2xy", V),
])
def test_leibniz_forms(lhs, rhs, expected):
    assert status(lhs, rhs) == expected
