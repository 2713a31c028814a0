"""Differentials summed over an index (Hamiltonian mechanics writes dH as \\sum_a \\dot q_a\\,dp_a + ...),
and a dropped term that a relation from the prose makes zero."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{a=1}^s p_a \mathrm{d} q_a - H\,\mathrm{d}t", r"-H\,\mathrm{d}t + \sum_{a=1}^s p_a\,\mathrm{d}q_a"),
    (r"\sum_{k=1}^n (u_k - v_k)\,\mathrm{d}x_k", r"\sum_{k=1}^n u_k\,\mathrm{d}x_k - \sum_{k=1}^n v_k\,\mathrm{d}x_k"),
    (r"\sum_{k=1}^n 2c_k\,\mathrm{d}x_k + T\,\mathrm{d}S", r"T\,\mathrm{d}S + 2\sum_{k=1}^n c_k\,\mathrm{d}x_k"),
    (r"\mathrm{d}(u_i v_i)", r"u_i\,\mathrm{d}v_i + v_i\,\mathrm{d}u_i"),
])
def test_sums_of_differentials_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_sign_slip_in_a_sum_of_differentials_is_refuted() -> None:
    verdict = check_step(r"\sum_{k=1}^n (u_k - v_k)\,\mathrm{d}x_k",
                         r"\sum_{k=1}^n u_k\,\mathrm{d}x_k + \sum_{k=1}^n v_k\,\mathrm{d}x_k", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"


def test_the_differential_of_a_sum_over_an_index_is_not_read_with_one_free_index() -> None:
    # d(\sum_i p_i q_i) differentiates by every p_i and q_i; one letter p_i cannot say which
    verdict = check_step(r"\mathrm{d}\Big(\sum_{i=1}^n p_i q_i\Big)",
                         r"\sum_{i=1}^n p_i\,\mathrm{d}q_i + \sum_{i=1}^n q_i\,\mathrm{d}p_i", "=")
    assert verdict.status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # p_a = r_a in the prose (r_a the derivative of the Lagrangian) makes the bracket vanish
    (r"\sum_{a=1}^s \left(p_a - r_a\right)\mathrm{d}\dot q_a"
     r" + \sum_{a=1}^s c_a\,\mathrm{d}\dot q_a", r"\sum_{a=1}^s c_a\,\mathrm{d}\dot q_a"),
    # a first-order condition g = h stated in the prose
    (r"(g - h)\,u + w", r"w"),
])
def test_a_dropped_multiple_of_a_difference_is_not_an_error(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "zero where the prose" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"(1 - \theta)x + \theta y", r"\theta y"),   # a difference with a number is no relation
    (r"a u + b v", r"b v"),
])
def test_other_dropped_terms_stay_errors(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
