"""A definite integral written without its dx (``\\int_0^1 x^2``, as slides often do) is read over its
integrand's one letter when nothing else in the step could be the variable: the letter occurs nowhere
but under the integral. Anything else (a letter used outside, two letters, a function, an antiderivative,
a sum after the integrand) keeps the reason for the missing dx."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status

NO_DX = "an integral without a differential dx"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^2 t^3", "4"),
    (r"\int_0^{\pi/2} \cos u", "1"),
    (r"\int_{-1}^{1} (s^2 + 2)", r"\frac{14}{3}"),
    (r"\int_{y=0}^{3} y", r"\frac{9}{2}"),
    (r"\int_p^q 5", "5q - 5p"),
    (r"3\int_0^b z^2", "b^3"),
    (r"\int_0^1 w^2", r"\int_0^1 w^2 \, dw"),
])
def test_the_one_letter_is_the_variable(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^2 t^3", "8"),
    (r"\int_{-1}^{1} (s^2 + 2)", "4"),
    (r"\int_p^q 5", "5p - 5q"),
])
def test_a_wrong_value_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^L k", "kL"),  # k is used outside: the variable is another letter
    (r"\int_0^1 u v", r"\frac{v}{2}"),  # two letters
    (r"\int_0^1 u^2 + 1", r"\frac{4}{3}"),  # does the 1 belong to the integrand?
    (r"\int_a^b g", "G(b) - G(a)"),  # a function's name
    (r"\int_0^1 g(u)", "1"),  # an undefined function
    (r"\int u^2", r"\frac{u^3}{3}"),  # an antiderivative: its variable stays free
    (r"\int_0^u u", "1"),  # the letter is in a bound
    (r"\int_0^1 u_k", r"\frac{1}{2}"),  # an indexed letter
    (r"\int_0^1 \mathbf{u}", r"\frac{1}{2}"),  # a vector
    (r"\int_{s=0}^{1} u^2", "u^2"),  # the bound names another variable
])
def test_other_readings_keep_the_missing_dx(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert NO_DX in (verdict.reason or "")
