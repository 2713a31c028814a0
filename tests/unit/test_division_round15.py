"""\\div is division, left to right with the products beside it; the ambiguous a \\div b(c) is not read."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"18 \div 3", "6", Status.VERIFIED),
    (r"20 \div 5 \times 2", "8", Status.VERIFIED),           # left to right, as a calculator reads it
    (r"20 \div 5 \times 2", "2", Status.REFUTED),
    (r"(t^2 - 4) \div (t - 2)", "t + 2", Status.VERIFIED),
    (r"(t^2 - 4) \div (t - 2)", "t - 2", Status.REFUTED),
    (r"8 \div 2(2+2)", "16", Status.UNVERIFIED),             # 16 or 1: the notation does not say
])
def test_div(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
