"""A derivative of an undefined function written two ways, \\frac{d}{dw} f(w) and f'(w), is one
quantity: a step whose sides differ by the same amount whatever f is is decided (a slip beside the
derivative is an error), not left to "depends on what f is"."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"\frac{d}{dw}\left(f(w)+\frac{\lambda}{2}w^2\right)", r"f'(w)+\lambda w^2", "exponent"),
    (r"\frac{d}{dx}\left(x g(x)\right)", r"g(x) - x g'(x)", "sign_flip"),
    (r"\frac{d^2}{dx^2} g(x) + 2", r"g''(x) + 3", "arithmetic"),
])
def test_a_slip_beside_a_derivative_of_an_undefined_function_is_refuted(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dw}\left(f(w)+\frac{\lambda}{2}w^2\right)", r"f'(w)+\lambda w"),
    (r"\frac{d}{dx}\left(x g(x)\right)", r"g(x) + x g'(x)"),
])
def test_the_right_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_derivative_at_another_point_is_not_the_same_quantity() -> None:
    # f'(2w) is not \frac{d}{dw} f(w): nothing here says what f is, so no error
    assert check_step(r"\frac{d}{dw} f(w) + 1", r"f'(2w) + 2", "=").status.value != "refuted"
