"""Time derivatives of vectors and matrices (round 19): a bold (or \\vec) letter whose time derivative
a step takes (\\dot{\\mathbf r}, \\frac{d\\mathbf A}{dt}, \\frac{d}{dt}(\\mathbf r \\cdot \\mathbf r)) is an array of
functions of t, so that products obey the product rule and a lost term or a sign is refuted; what
the step does not say (a derivative by a generalised coordinate, a vector that may be a field or
turn with the particle, the inverse of a moving matrix) stays unverified."""
from __future__ import annotations

import pytest

from lintmath.check import check_step, parse_step

V, R, U = "verified", "refuted", "unverified"


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dt}(\mathbf{r}\cdot\dot{\mathbf r})", r"\dot{\mathbf r}\cdot\dot{\mathbf r} + \mathbf r\cdot\ddot{\mathbf r}"),
    (r"\frac{d}{dt}(\vec{r}\cdot\dot{\vec r})", r"\dot{\vec r}^2 + \vec r\cdot\ddot{\vec r}"),
    (r"\frac{d}{dt}(\mathbf{r}\times\mathbf{p})", r"\dot{\mathbf r}\times\mathbf p + \mathbf r\times\dot{\mathbf p}"),
    (r"\frac{d}{dt}(\mathbf{r}\times\dot{\mathbf r})", r"\mathbf r\times\ddot{\mathbf r}"),
    (r"\frac{d}{dt}\left(\frac12 m\dot{\mathbf r}\cdot\dot{\mathbf r}\right)", r"m\dot{\mathbf r}\cdot\ddot{\mathbf r}"),
    (r"\frac{d}{dt}\left(\frac12 m\|\dot{\mathbf r}\|^2\right)", r"m\dot{\mathbf r}\cdot\ddot{\mathbf r}"),
    (r"\frac{d}{dt}\left(\frac12 m\dot{\mathbf r}^2 + \frac12 k\mathbf r^2\right)",
     r"\dot{\mathbf r}\cdot(m\ddot{\mathbf r} + k\mathbf r)"),
    (r"\frac{d}{dt}(\mathbf{A}\mathbf{B})", r"\dot{\mathbf A}\mathbf B + \mathbf A\dot{\mathbf B}"),
    (r"\frac{d}{dt}(\mathbf{A}^T\mathbf{A})", r"\dot{\mathbf A}^T\mathbf A + \mathbf A^T\dot{\mathbf A}"),
    (r"\frac{d}{dt}(\mathbf{A}\mathbf{x})", r"\dot{\mathbf A}\mathbf x + \mathbf A\dot{\mathbf x}"),
    (r"\frac{d}{dt}\operatorname{tr}(\mathbf{A}\mathbf B)", r"\operatorname{tr}(\dot{\mathbf A}\mathbf B + \mathbf A\dot{\mathbf B})"),
    (r"\frac{d\mathbf{A}}{dt}", r"\dot{\mathbf A}"),
    (r"\frac{d^2\mathbf{r}}{dt^2}", r"\ddot{\mathbf r}"),
    (r"m\ddot{\vec r}", r"m\frac{d\dot{\vec r}}{dt}"),
    # without dots: the vector the step differentiates by itself moves, dr/dt its derivative
    (r"\frac{d}{dt}(\mathbf{r}\cdot\mathbf{r})", r"2\mathbf r\cdot\frac{d\mathbf r}{dt}"),
    # the product rule around an opaque vector that moves with t (a derivative by a coordinate)
    (r"\ddot{\mathbf x}\cdot\frac{\partial \mathbf x}{\partial \theta}",
     r"\frac{d}{dt}\left(\dot{\mathbf x}\cdot\frac{\partial \mathbf x}{\partial \theta}\right)"
     r" - \dot{\mathbf x}\cdot\frac{d}{dt}\frac{\partial \mathbf x}{\partial \theta}"),
    # under a gradient by the position the velocity is held fixed
    (r"\frac{\partial}{\partial \mathbf r}\left(\frac12 m\dot{\mathbf r}\cdot\dot{\mathbf r} - \frac12 k\mathbf r\cdot\mathbf r\right)",
     r"-k\mathbf r"),
])
def test_product_rules_of_moving_vectors_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dt}(\mathbf{r}\cdot\dot{\mathbf r})", r"\dot{\mathbf r}\cdot\dot{\mathbf r} - \mathbf r\cdot\ddot{\mathbf r}"),
    (r"\frac{d}{dt}(\mathbf{r}\times\mathbf{p})", r"\dot{\mathbf r}\times\mathbf p - \mathbf r\times\dot{\mathbf p}"),
    (r"\frac{d}{dt}(\mathbf{r}\times\dot{\mathbf r})", r"\dot{\mathbf r}\times\ddot{\mathbf r}"),
    (r"\frac{d}{dt}\left(\frac12 m\dot{\mathbf r}\cdot\dot{\mathbf r}\right)", r"\frac12 m\dot{\mathbf r}\cdot\ddot{\mathbf r}"),
    (r"\frac{d}{dt}\left(\frac12 m\dot{\mathbf r}^2 + \frac12 k\mathbf r^2\right)",
     r"\dot{\mathbf r}\cdot(m\ddot{\mathbf r} - k\mathbf r)"),
    # matrices do not commute: the order of a product's derivative counts
    (r"\frac{d}{dt}(\mathbf{A}\mathbf{B})", r"\dot{\mathbf B}\mathbf A + \mathbf B\dot{\mathbf A}"),
    (r"\frac{d}{dt}(\mathbf{A}^T\mathbf{A})", r"2\mathbf A^T\dot{\mathbf A}"),
    (r"\frac{d}{dt}\det\mathbf{A}", r"\operatorname{tr}(\dot{\mathbf A})"),
    (r"\frac{d^2\mathbf{r}}{dt^2}", r"\dot{\mathbf r}"),
    (r"\frac{d}{dt}(\mathbf{r}\cdot\mathbf{r})", r"\mathbf r\cdot\frac{d\mathbf r}{dt}"),
    (r"\frac{d}{dt}(\mathbf{r}\cdot\mathbf{r})", r"\mathbf r\cdot\dot{\mathbf r}"),
])
def test_slips_in_vector_product_rules_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == R


@pytest.mark.parametrize("lhs, rhs", [
    # polar unit vectors turn with the particle: d\hat r/dt = \dot\theta \hat\theta, which the step
    # does not say (a constant \hat r would refute this correct step)
    (r"\frac{d}{dt}(\dot r\hat{\mathbf r} + r\dot\theta\hat{\boldsymbol\theta})",
     r"\ddot r\hat{\mathbf r} + 2\dot r\dot\theta\hat{\boldsymbol\theta} + r\ddot\theta\hat{\boldsymbol\theta}"
     r" - r\dot\theta^2\hat{\mathbf r}"),
    # a constant a, or a vector that moves? (either way not an error)
    (r"\frac{d}{dt}(\mathbf a\cdot\dot{\mathbf r})", r"\mathbf a\cdot\ddot{\mathbf r}"),
    # a unit vector or a rotation: a property of the letter the prose states
    (r"\frac{d}{dt}(\mathbf{r}\cdot\mathbf{r})", "0"),
    (r"\frac{d}{dt}(\mathbf R\mathbf R^T)", "0"),
    # dr/dt of a position given elsewhere
    (r"\frac{d\mathbf L}{dt}", r"\dot{\mathbf r}\times\mathbf p + \mathbf r\times\dot{\mathbf p}"),
    # how r depends on the coordinate q (and \dot r on \dot q) the step does not say
    (r"\frac{\partial}{\partial q}\left(\frac12 m\dot{\mathbf r}\cdot\dot{\mathbf r}\right)",
     r"m\dot{\mathbf r}\cdot\frac{d}{dt}\frac{\partial\mathbf r}{\partial q}"),
    (r"\frac{d}{dt}\left(\dot{\mathbf x}\cdot\frac{\partial \mathbf x}{\partial \theta}\right)",
     r"\frac{d}{dt}\left(\dot{\mathbf x}\cdot\frac{\partial \dot{\mathbf x}}{\partial \dot\theta}\right)"),
    (r"\frac{d}{dt}\frac{\partial \mathbf r}{\partial q}", r"\frac{\partial \dot{\mathbf r}}{\partial q}"),
    # A may be a field A(r, t): its gradient by r is not 0
    (r"\frac{d\mathbf A}{dt} + \frac{\partial}{\partial\mathbf r}(\dot{\mathbf r}\cdot\mathbf A)", r"\frac{d\mathbf A}{dt}"),
    # \partial A/\partial t beside dA/dt: the explicit dependence or the total derivative?
    (r"\frac{d\mathbf A}{dt}", r"\frac{\partial\mathbf A}{\partial t}"),
])
def test_what_the_step_does_not_say_stays_unverified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dt}(\mathbf{A}^{-1})", r"-\mathbf A^{-1}\dot{\mathbf A}\mathbf A^{-1}"),
    (r"\frac{d}{dt}(\mathbf{A}^{-1})", r"-\mathbf A^{-2}\dot{\mathbf A}"),
    (r"\frac{d}{dt}(e^{t\mathbf A}\dot{\mathbf x})", r"\mathbf A e^{t\mathbf A}\dot{\mathbf x} + e^{t\mathbf A}\ddot{\mathbf x}"),
])
def test_inverse_or_function_of_a_moving_matrix_is_refused_quickly(lhs: str, rhs: str) -> None:
    # an exact inverse of a matrix of symbols grows past any budget (minutes for A^{-2})
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U
    assert "matrix that moves with t" in verdict.reason


def test_a_constant_matrix_exponential_still_verifies() -> None:
    # no dots, no moving array: A is the constant matrix of e^{tA}
    assert _status(r"\frac{d}{dt}e^{t\mathbf A}\mathbf x_0", r"\mathbf A e^{t\mathbf A}\mathbf x_0") == V


def test_moving_arrays_are_the_dotted_and_the_differentiated_ones() -> None:
    parsed = parse_step(r"\frac{d}{dt}(\mathbf{r}\cdot\dot{\mathbf r} + \mathbf B\mathbf c)", r"\dot{\mathbf r}^2", {})
    # r is dotted; B and c sit in a time derivative of a step with dots; t is no vector
    assert parsed.letters.moving == frozenset({"bf:r", "bf:B", "bf:c"})
    assert "t" not in parsed.letters.candidates
    plain = parse_step(r"\frac{d}{dt}e^{t\mathbf A}", r"\mathbf A e^{t\mathbf A}", {})
    assert plain.letters.moving == frozenset()


def test_a_vector_written_only_dotted_is_a_vector() -> None:
    parsed = parse_step(r"\frac{d}{dt}(\dot{\mathbf v}\cdot\dot{\mathbf v})", r"2\dot{\mathbf v}\cdot\ddot{\mathbf v}", {})
    assert "bf:v" in parsed.letters.vectors and "bf:v" in parsed.letters.moving
    assert _status(r"\frac{d}{dt}(\dot{\mathbf v}\cdot\dot{\mathbf v})", r"2\dot{\mathbf v}\cdot\ddot{\mathbf v}") == V
    assert _status(r"\frac{d}{dt}(\dot{\mathbf v}\cdot\dot{\mathbf v})", r"\dot{\mathbf v}\cdot\ddot{\mathbf v}") == R
