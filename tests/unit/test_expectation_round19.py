"""The letter a conditional expectation is taken of is random in every reading of a step."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs, status", [
    # with y read as a constant, E[y | x] = y and both sides would be 0
    (r"E_x[(y - E[y|x])^2]", "0", Status.UNVERIFIED),
    (r"E[(y - E[y|x])^2]", r"-E_x[E_{y|x}[(y - E[y|x])^2]]", Status.REFUTED),
    (r"E[(y - E[y|x])^2]", r"E_x[E_{y|x}[(y - E[y|x])^2]]", Status.VERIFIED),
    (r"E_x[E[y|x]]", "E[y]", Status.VERIFIED),
    (r"E_x[a + E[y|x]]", "a + E[y]", Status.VERIFIED),
    # a lowercase letter inside a conditioned product may still be a constant: the tower property
    (r"\mathbb{E}\mathbb{E}[(X - m)(Y - b) | X]", r"\mathbb{E}[(X - m)\mathbb{E}[(Y - b) | X]]",
     Status.VERIFIED),
])
def test_letter_of_a_conditional_expectation_is_random(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
