"""Wrong steps that verified through a loose reading (red team, round 26: physics and engineering
mathematics): a bare i or j read as a real letter, so that |a + ib|^2 = (a + ib)^2 and
|e^{i\\theta}|^2 = e^{2i\\theta} held; a letter the document writes with a dot elsewhere (\\dot r, \\dot m)
read as a constant under d/dt, so that d/dt (mr^2\\dot\\theta) = mr^2\\ddot\\theta held; and a letter the
document applies as a function (\\psi(x), y(t) = e^{-t}) read as a number times a bracket, so that
\\psi(x + L) = \\psi x + \\psi L held."""
from __future__ import annotations

import pytest

from documents import checked_steps, display
from lintmath import dependence
from lintmath.check import check_step
from lintmath.model import Status


def _verdicts(body: str) -> list[tuple[str, str]]:
    return [(s.verdict.status.value, s.verdict.reason) for s in checked_steps(body)]


# -- i and j read as real letters ---------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"|a + ib|^2", r"(a + ib)^2"),  # the modulus squared is a^2 + b^2, not the square
    (r"|e^{i\theta}|^2", r"e^{2i\theta}"),
    (r"|e^{i\omega t}|", r"e^{i\omega t}"),
    (r"|1 - e^{-j\omega}|^2", r"(1 - e^{-j\omega})^2"),
    (r"|a + ib|", r"a + ib"),
])
def test_a_step_that_holds_only_with_i_a_real_letter_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "imaginary unit" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"|a + ib|^2", r"a^2 + b^2"),
    (r"|e^{i\theta}|", r"1"),
    (r"\frac{1}{a + ib}", r"\frac{a - ib}{a^2 + b^2}"),
    (r"e^{i\theta}e^{-i\theta}", r"1"),
    (r"(i + 1)^2", r"i^2 + 2i + 1"),  # holds with i any number: verified in either reading
    (r"(a + jb)(c + jd)", r"ac - bd + j(ad + bc)"),
    (r"|e^{i\theta} + e^{i\phi}|^2", r"2 + 2\cos(\theta - \phi)"),
])
def test_the_correct_complex_steps_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_step_refuted_with_the_imaginary_unit_stays_refuted() -> None:
    assert check_step(r"(x + iy)(x - iy)", r"x^2 - y^2", "=").status is Status.REFUTED


# -- letters the document writes with a dot -----------------------------------------------------------

_POLAR = r"In polar coordinates the velocity is $\mathbf{v} = \dot r\hat{\mathbf r} + r\dot\theta\hat{\boldsymbol\theta}$."
_ROCKET = r"For a rocket the mass changes, $\dot m < 0$. Newton's law reads"


@pytest.mark.parametrize("prose, lhs, rhs, letter", [
    (_POLAR, r"\frac{d}{dt}(mr^2\dot\theta)", r"mr^2\ddot\theta", "r"),
    (_POLAR, r"\frac{d}{dt}(r^2\dot\theta)", r"r^2\ddot\theta", "r"),
    (_ROCKET, r"\frac{d}{dt}(mv)", r"m\dot v", "m"),
    (_ROCKET, r"\frac{d}{dt}(m\dot x)", r"m\ddot x", "m"),
])
def test_a_letter_dotted_elsewhere_is_not_a_constant_under_d_dt(prose: str, lhs: str, rhs: str, letter: str) -> None:
    [(status, reason)] = _verdicts(display(prose, lhs, rhs))
    assert status == "unverified"
    assert f"holds if {letter} is constant" in reason


@pytest.mark.parametrize("prose, lhs, rhs", [
    (_POLAR, r"\frac{d}{dt}(mr^2\dot\theta)", r"2mr\dot r\dot\theta + mr^2\ddot\theta"),
    (_POLAR, r"\frac{d}{dt}(m\dot r)", r"m\ddot r"),
    (_POLAR, r"\frac{d}{dt}\left(\frac12 m(\dot r^2 + r^2\dot\theta^2)\right)",
     r"m\dot r\ddot r + mr\dot r\dot\theta^2 + mr^2\dot\theta\ddot\theta"),
    (_ROCKET, r"\frac{d}{dt}(mv)", r"\dot m v + m\dot v"),
    # nothing dots the length: it stays the constant it is
    (r"A pendulum of length $l$ has $\ddot\theta = -(g/l)\sin\theta$ and energy",
     r"\frac{d}{dt}\left(\frac12 ml^2\dot\theta^2 - mgl\cos\theta\right)",
     r"ml^2\dot\theta\ddot\theta + mgl\sin\theta\,\dot\theta"),
])
def test_the_correct_time_derivatives_still_verify(prose: str, lhs: str, rhs: str) -> None:
    [(status, _)] = _verdicts(display(prose, lhs, rhs))
    assert status == "verified"


def test_a_dotted_letter_is_read_in_prose_and_display_alike() -> None:
    assert dependence.dotted_pairs(r"$\dot m < 0$") == {("m", "t"), ("m", "\\tau")}
    assert ("\\theta", "t") in dependence.dotted_pairs(r"\ddot{\theta} = -\omega^2\theta")
    assert dependence.dotted_pairs(r"\dot{\mathbf r} = \mathbf v") == set()  # an array moves by itself
    assert dependence.dotted_pairs(r"\dot q_1 + \dot q_2") == set()  # one of a family


# -- letters the document applies as functions --------------------------------------------------------

@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"Let $\psi(x)$ be the wave function of the particle. Periodicity gives", r"\psi(x + L)", r"\psi x + \psi L"),
    (r"Let $u(x, t)$ solve the wave equation.", r"u(x + ct)", r"ux + uct"),
    (r"The position $x(t)$ of the particle satisfies", r"x(t + h)", r"xt + xh"),
    (r"Let $y(t) = e^{-t}$. Then", r"y(t + T)", r"yt + yT"),
])
def test_a_function_of_the_document_is_not_read_as_a_factor(prose: str, lhs: str, rhs: str) -> None:
    [(status, reason)] = _verdicts(display(prose, lhs, rhs))
    assert status == "unverified"
    assert "as a function" in reason


@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"Let $\psi(x)$ be the wave function. Then", r"\psi(x)^2", r"\psi(x)\psi(x)"),
    (r"Let $y(t) = e^{-t}$. Then", r"y(t + T)", r"e^{-t - T}"),
    (r"Let $f(x)$ be a function.", r"a(b + c)", r"ab + ac"),
    # the sum of two functions applied (function algebra): f and g alone are the functions
    (r"Let $f(x)$ and $g(x)$ be convex.", r"a[(1-\theta)f(x) + \theta f(y)] + b[(1-\theta)g(x) + \theta g(y)]",
     r"(1-\theta)(af+bg)(x) + \theta(af+bg)(y)"),
])
def test_the_correct_steps_with_document_functions_still_verify(prose: str, lhs: str, rhs: str) -> None:
    [(status, _)] = _verdicts(display(prose, lhs, rhs))
    assert status == "verified"


def test_the_letters_a_line_applies() -> None:
    assert dependence.applied_letters(r"Let $\psi(x)$ be") == {"\\psi"}
    assert dependence.applied_letters(r"u\left(x, t\right) = 0") == {"u"}
    # functions of the library, a family's member, a product with a bracket, constants: none
    assert dependence.applied_letters(r"\sin(x) + x_1(t) + a(b + c) + e(x) + d(x)") == set()
