"""Combinatorics notation from discrete-mathematics courses: Knuth's falling factorial power
``x^{\\underline{k}}`` is x (x - 1) ... (x - k + 1), not x^k with a decoration; and a closed form for
the sum of a sequence the course defines (Fibonacci F_i, harmonic H_k) is never refuted by
sampling the sequence's members as free values."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"y^{\underline{2}}", r"y^2 - y"),
    (r"t^{\underline{3}}", r"t(t-1)(t-2)"),
    (r"m^\underline{2}", r"m(m-1)"),
    (r"(y+1)^{\underline{2}} - y^{\underline{2}}", r"2y^{\underline{1}}"),
    (r"\frac{m!}{(m-j)!}", r"m^{\underline{j}}"),
    (r"\frac{m^{\underline{j}}}{j!}", r"\binom{m}{j}"),
    (r"y^3", r"y^{\underline{3}} + 3y^{\underline{2}} + y^{\underline{1}}"),
])
def test_falling_powers_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"t^{\underline{3}}", r"t^3 - 3t^2 - 2t"),
    (r"(y+1)^{\underline{2}} - y^{\underline{2}}", r"2y^{\underline{2}}"),
    (r"\frac{m^{\underline{j}}}{j!}", r"\binom{m}{j+1}"),
])
def test_falling_power_slips_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_underline_not_filling_the_exponent_is_no_falling_power() -> None:
    # only an underline that is the whole superscript reads as a factorial power
    assert check_step(r"y^{\underline{2}z}", r"y^{\underline{2}z}", "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{j=1}^{m} F_j", r"F_{m+2} - 1"),
    (r"\sum_{j=1}^{m} H_j", r"(m+1)H_m - m"),
    (r"\sum_{j=0}^{m} L_j", r"L_{m+2} - 1"),
    (r"\sum_{j=1}^{m} F_j^2", r"F_m F_{m+1}"),
])
def test_closed_forms_of_defined_sequences_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    # peeled on both sides: true for any values, and a slip in it stays refuted
    (r"\sum_{j=1}^{m+1} b_j", r"\sum_{j=1}^{m} b_j + b_{m+1}", "verified"),
    (r"\sum_{j=1}^{m+1} b_j", r"\sum_{j=1}^{m} b_j + b_{m-1}", "refuted"),
    (r"\sum_{j=1}^{2} b_j", r"b_1 + 3b_2", "refuted"),
    # a member picked out by a derivative is at a free index, not at the sum's bounds
    (r"\frac{\partial}{\partial b_i} \sum_{j=1}^{M} b_j^2", r"2b_i", "verified"),
    (r"\frac{\partial}{\partial b_i} \sum_{j=1}^{M} b_j^2", r"4b_i", "refuted"),
])
def test_sums_of_free_values_still_decided(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status
