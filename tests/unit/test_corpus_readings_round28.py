"""Notation the corpus writes that was left unread: a sum or product over a set of whole numbers
written out (``\\sum_{s \\in \\{-1, 1\\}}``), and a case whose condition is an equation or its negation
(``\\begin{cases} 0 & x = 0 \\\\ x & x \\neq 0 \\end{cases}``), which no sampled point solves and which is
therefore asked at the equation's own point before the step is verified."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    ("\\sum_{s \\in \\{-1, 1\\}} s\\, e^{s t}", "2\\sinh t"),
    ("\\sum_{k \\in \\{0, 2, 4\\}} x^k", "1 + x^2 + x^4"),
    ("\\prod_{k \\in \\{2, 5\\}} (x - k)", "x^2 - 7x + 10"),
    ("\\sum_{i \\in \\{1, 3, 5\\}} a_i", "a_1 + a_3 + a_5"),
    ("\\sum_{n \\in \\{-2, 0, 2\\}} n^2", "8"),
    ("\\prod_{s \\in \\{-1, 1\\}} (1 + s u)", "1 - u^2"),
])
def test_a_sum_over_whole_numbers_written_out_is_their_terms(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\sum_{s \\in \\{-1, 1\\}} s\\, e^{s t}", "2\\cosh t"),
    ("\\prod_{k \\in \\{2, 5\\}} (x - k)", "x^2 - 7x - 10"),
    ("\\sum_{i \\in \\{1, 3, 5\\}} a_i", "a_1 + a_2 + a_5"),
    ("\\sum_{d \\in \\{1, 2, 3, 6\\}} d", "11"),
])
def test_a_slip_in_a_sum_over_whole_numbers_written_out_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs", [
    "\\sum_{x \\in \\{a, b\\}} x",       # a and b may be equal: the set holds them once
    "\\sum_{k \\in \\{1, 1, 2\\}} k",    # written twice: a slip or a multiset
])
def test_a_set_of_letters_or_a_repeated_number_stays_unread(lhs: str) -> None:
    verdict = check_step(lhs, "a + b" if "a, b" in lhs else "4", "=")
    assert verdict.status.value == "unverified"
    assert "a sum over a set" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    ("\\begin{cases} 0 & x = 0 \\\\ x & x \\neq 0 \\end{cases}", "x"),
    ("\\begin{cases} 9 & x = 3 \\\\ x^2 & \\text{otherwise} \\end{cases}", "x^2"),
    ("\\begin{cases} 4 & u = -2 \\\\ u^2 & \\text{otherwise} \\end{cases}", "u^2"),
    ("\\int_0^1 y^m\\,dy", "\\begin{cases} 1 & m = 0 \\\\ \\frac{1}{m+1} & m \\neq 0 \\end{cases}"),
])
def test_a_case_under_an_equation_that_holds_at_its_point_is_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\begin{cases} 1 & x = 0 \\\\ x & x \\neq 0 \\end{cases}", "x"),
    ("\\begin{cases} 5 & x = 2 \\\\ x^2 & \\text{otherwise} \\end{cases}", "x^2"),
    # k an index the instance gives a whole number: the case k = 0 is never asked
    ("\\sum_{n=1}^{N} \\delta_{nk}", "\\begin{cases} 1 & k = 0 \\\\ 0 & k \\neq 0 \\end{cases}"),
    # 0 \ln 0 has no value: the case y = 0 cannot be judged
    ("\\begin{cases} 0 & y = 0 \\\\ y \\ln y^2 & y \\neq 0 \\end{cases}", "2 y \\ln y"),
])
def test_a_case_under_an_equation_that_only_the_samples_miss_is_not_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\begin{cases} 0 & x = 0 \\\\ x & x \\neq 0 \\end{cases}", "2x"),
    ("\\begin{cases} 1 & t = 0 \\\\ e^t & t \\neq 0 \\end{cases}", "e^{-t}"),
    ("\\int_0^1 y^m\\,dy", "\\begin{cases} 1 & m = 0 \\\\ \\frac{1}{m} & m \\neq 0 \\end{cases}"),
])
def test_a_slip_beside_a_case_under_an_equation_is_flagged_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "no equation of a case holds" in verdict.reason


def test_labels_a_case_over_an_equation_rests_on_are_no_false_alarm() -> None:
    # of labels p, q in {-1, 1}: p \neq q is pq = -1, so the step holds; at real points it does not
    lhs = "\\begin{cases} e^{-c} & p = q \\\\ e^{c} & p \\neq q \\end{cases}"
    assert _status(lhs, "e^{-c p q}") != "refuted"


def test_an_equation_beside_an_inequality_in_one_condition_stays_unread() -> None:
    verdict = check_step("\\begin{cases} 1 & 0 < x = y \\\\ 0 & \\text{otherwise} \\end{cases}", "1", "=")
    assert verdict.status.value == "unverified"
    assert "condition is not an inequality" in verdict.reason


def test_a_sum_over_some_entries_of_a_vector_beside_its_product_stays_unread() -> None:
    # w may be sparse, its support {1, 3}: the prose's to say
    verdict = check_step("\\sum_{i \\in \\{1, 3\\}} w_i x_i", "\\mathbf{w}^T \\mathbf{x}", "=")
    assert verdict.status.value == "unverified"
    assert "entries of a vector" in verdict.reason
