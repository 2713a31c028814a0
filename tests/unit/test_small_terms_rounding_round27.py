"""A short decimal that is a small term of a larger number (1600 + 32 \\cdot 0.760) may be rounded, but
what its rounding moves the whole side by is far less than its own share of the whole side: a slip in
that term is refuted, while the rounding it really carries (and the magnification of \\ln 1.08) passes."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"1600 + 32(0-0.760)", r"1600 - 23.32"),
    (r"950 - 12 \times 0.415", r"944.02"),
    (r"2400 + 18 \cdot 0.375", r"2407.75"),
])
def test_a_slip_in_a_small_term_of_a_large_sum_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"1600 + 32(0-0.760)", r"1600 - 24.32"),
    (r"1600 - 24.32", r"1575.68"),
    (r"950 - 12 \times 0.415", r"945.02"),
    (r"2400 + 18 \cdot 0.375", r"2406.75"),
    (r"\ln 1.08", r"0.0770"),
    (r"100 \ln 1.08", r"7.70"),
    (r"1600 + 32 \cdot 0.760", r"1624"),
])
def test_the_rounding_a_short_decimal_carries_still_passes(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
