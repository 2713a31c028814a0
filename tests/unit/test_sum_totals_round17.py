"""Red team of Bayesian statistics notes (round 17): a total written for a summed sequence, its letter
bare or with an index below the sum's range (\\alpha_0 = \\sum_k \\alpha_k, N = \\sum_k N_k of the
Dirichlet and the mixture), is a name the prose defines: the step is left unverified rather than
refuted, while the sequence's own entries (a telescoping x_n - x_0, a finite sum written out) and
the slips beside them are still decided."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    # the Dirichlet posterior mean with \alpha_0 and N the totals
    (r"\frac{\beta_m+M_m}{\sum_{l=1}^L(\beta_l + M_l)}", r"\frac{\beta_m+M_m}{\beta_0 + M}"),
    # mixture weights: N the number of points, N_k the soft counts
    (r"\frac{N_k}{\sum_{j=1}^{K} N_j}", r"\frac{N_k}{N}"),
    (r"\sum_{c=1}^{C} n_c", r"n"),
    (r"\frac{w_s}{\sum_{r=1}^{S} w_r}", r"\frac{w_s}{w_0}"),
])
def test_totals_of_a_sum_are_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified", verdict
    assert "defined elsewhere" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{k=1}^n (y_k - y_{k-1})", r"y_n - y_0"),  # the sum shifts the index: y_0 is an entry
    (r"\sum_{j=1}^{3} b_j", r"b_1 + b_2 + b_3"),
    (r"\sum_{i=0}^{m} c_i", r"c_0 + \sum_{i=1}^{m} c_i"),
])
def test_entries_of_the_sequence_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{k=1}^n (y_k - y_{k-1})", r"y_n + y_0"),  # y_0 is an entry: a sign slip
    (r"\sum_{j=1}^{3} b_j", r"b_1 + b_2 + b_4"),  # above the range: not a total's name
    (r"\sum_{i} u_i v_i", r"2 u^T v"),  # the vectors of the entries, not totals
    (r"\sum_{i=1}^{m} c_i", r"c_0 + \sum_{i=1}^{m} c_i"),
])
def test_slips_beside_sums_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
