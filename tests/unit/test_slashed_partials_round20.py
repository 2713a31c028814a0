"""\\partial u/\\partial x written with a slash (economics' marginal rates, physics' running text)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\partial (a^2 b)/\partial a", r"2ab"),
    (r"\frac{\partial (q_1^3 q_2)/\partial q_1}{\partial (q_1^3 q_2)/\partial q_2}", r"\frac{3q_2}{q_1}"),
    (r"\partial g/\partial s \cdot \partial s/\partial t", r"\frac{\partial g}{\partial s}\frac{\partial s}{\partial t}"),
    (r"\partial^2 g/\partial s^2", r"\frac{\partial^2 g}{\partial s^2}"),
    (r"\partial_t g", r"\partial g/\partial t"),
])
def test_slashed_partial_derivatives_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\partial (a^2 b)/\partial a", r"ab"),
    (r"\frac{\partial (q_1^3 q_2)/\partial q_1}{\partial (q_1^3 q_2)/\partial q_2}", r"\frac{q_2}{3q_1}"),
])
def test_slips_in_slashed_partial_derivatives_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_slash_after_a_longer_numerator_is_not_read_as_a_derivative() -> None:
    # \partial u v / \partial x: does the slash reach over u v or over v only? the question dy/dx leaves open
    assert check_step(r"\partial u v/\partial x", r"v\frac{\partial u}{\partial x}", "=").status is not Status.REFUTED
