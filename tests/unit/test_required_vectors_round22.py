"""Letters a product makes vectors (the b of a^T b) are read as numbers first; a step that holds only
so (a^T b = b a^T: a row vector one way, a matrix the other) is not verified."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


def test_a_step_that_holds_only_with_a_vector_read_as_a_number_is_unverified() -> None:
    verdict = check_step(r"a^T b", r"b a^T", "=")
    assert verdict.status.value == "unverified"
    assert verdict.reason.startswith("holds if b is a number")


@pytest.mark.parametrize("lhs, rhs", [
    (r"a^T b", r"b^T a"),
    (r"(a^T b)^2", r"a^T b\, b^T a"),
    (r"c_k a^T b_k", r"c_k b_k^T a"),
    (r"a^T b + 3", r"3 + b^T a"),
])
def test_steps_that_hold_with_those_letters_vectors_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_slip_between_vectors_is_still_refuted() -> None:
    assert check_step(r"a^T b + 3", r"b^T a - 3", "=").status.value == "refuted"
