"""A sum whose body opens with a minus sign: the sum of the negated term."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sum_{i=1}^n -x_i", r"-\sum_{i=1}^n x_i", Status.VERIFIED),
    (r"\sum_{k} - p_k \log p_k", r"-\sum_k p_k\log p_k", Status.VERIFIED),
    (r"a\sum_{j=1}^m -u_j v_j", r"-a\sum_{j=1}^m u_j v_j", Status.VERIFIED),
    # the terms after it that use the index still belong to the sum; a constant does not
    (r"\sum_{i=1}^n -x_i + y_i", r"\sum_{i=1}^n (y_i - x_i)", Status.VERIFIED),
    (r"\sum_{i=1}^n -x_i + c", r"c - \sum_{i=1}^n x_i", Status.VERIFIED),
    (r"\sum_{i=1}^n -x_i", r"\sum_{i=1}^n x_i", Status.REFUTED),
    (r"\sum_{k=1}^{3} -k", "-5", Status.REFUTED),
    (r"\sum_{k=1}^{3} -k", "-6", Status.VERIFIED),
])
def test_sum_with_a_signed_body(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_sign_flip_in_a_signed_body_is_diagnosed() -> None:
    verdict = check_step(r"\sum_{i=1}^n -x_i", r"\sum_{i=1}^n x_i", "=")
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
