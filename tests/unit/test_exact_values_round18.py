"""Numbers beyond what the working tolerance resolves: a relative tolerance of 1e-9 lets 2^{50} - 1
and 2^{50} - 3 agree, so agreement between values above a million is checked at high precision."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"2^{50} - 1", r"1125899906842623"),
    (r"\binom{60}{30}", r"118264581564861424"),
    (r"20!", r"2432902008176640000"),
    (r"x + 2^{50}", r"x + 1125899906842624"),
    (r"(10^6+1)^2", r"10^{12} + 2\cdot 10^6 + 1"),
    (r"e^{20} e^{x}", r"e^{20 + x}"),
])
def test_exact_large_values_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"2^{50} - 1", r"1125899906842621"),
    (r"\binom{60}{30}", r"118264581564861420"),
    (r"354224848179261915075 + 1", r"354224848179261915078"),
    (r"x + 2^{50}", r"x + 1125899906842625"),
    (r"(10^6+1)^2", r"10^{12} + 2\cdot 10^6"),
])
def test_a_unit_off_in_a_large_value_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_long_written_decimals_keep_their_rounding() -> None:
    # a golden ratio written to 25 digits, raised to the 100th power, is off by far less than a unit
    # of the result but by more than an exact comparison allows: the written digits decide
    verdict = check_step(r"\frac{1}{\sqrt{5}}\left(1.6180339887498948482045868^{100} - "
                         r"(-0.6180339887498948482045868)^{100}\right)", r"354224848179261915075", "=")
    assert verdict.status.value == "verified"
