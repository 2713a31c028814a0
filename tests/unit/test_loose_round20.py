"""Wrong steps that verified through a loose reading (found by this round's mutation benchmark)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    # the differentiated L also bounds the sum on the right: read as the count there, dL/dw_k was 0
    # and the sides agreed as 0 = 0
    (r"\sum_{k=1}^{n} \frac{\partial L}{\partial w_k}", r"\sum_{k=1}^{L} \frac{\partial L}{\partial w_k}"),
    (r"\sum_{p=1}^{q}\sum_{k=1}^{n} \frac{\partial L}{\partial z_{pk}} u_{k}\delta_{jp}",
     r"\sum_{k=1}^{L}\frac{\partial L}{\partial z_{jk}} u_{k}"),
])
def test_a_differentiated_letter_is_never_a_count(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


def test_the_chain_rule_sum_with_its_own_bound_still_verifies() -> None:
    lhs = r"\sum_{p=1}^{q}\sum_{k=1}^{n} \frac{\partial L}{\partial z_{pk}} u_{k}\delta_{jp}"
    assert check_step(lhs, r"\sum_{k=1}^{n}\frac{\partial L}{\partial z_{jk}} u_{k}", "=").status is Status.VERIFIED
