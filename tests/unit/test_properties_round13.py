"""A step whose two sides are one letter, alone or with one power, transpose or inverse, states a
property of it (a projection P^2 = P, an orthogonal M^{-1} = M^T) or an equation to solve: the prose
says which, so it is never an error."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"P^2", r"P"),
    (r"\Pi^2", r"\Pi^T"),
    (r"M^{-1}", r"M^T"),
    (r"t^2", r"t"),
])
def test_a_property_of_one_letter_is_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified" and "property" in verdict.reason


def test_an_adjoint_is_a_name_of_its_own():
    # U^\dagger beside U^{-1}: unitary, stated; never an error either way
    assert check_step(r"U^\dagger", r"U^{-1}", "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs, status", [
    # more than the letter with one script: derived, and decided as ever
    (r"t \cdot t", r"t^3", "refuted"),
    (r"(t^2)^3", r"t^5", "refuted"),
    (r"\frac{d}{dt} t^3", r"3t^3", "refuted"),
    (r"t^2", r"t^2", "verified"),
])
def test_anything_more_is_decided_as_before(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status
