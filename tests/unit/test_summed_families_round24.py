"""A family summed over both its indices, A_{ij} in \\sum_{i,j} A_{ij} x_i x_j, is the matrix of a quadratic
form, which the prose may call symmetric: a step that holds only so is unverified, as one of x^T A x is."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial x_k} \sum_{i}\sum_{j} A_{ij} x_i x_j", r"2\sum_j A_{kj} x_j"),
    (r"\frac{\partial}{\partial w_m} \sum_{i,j} H_{ij} w_i w_j", r"2\sum_{j} H_{mj} w_j"),
])
def test_steps_that_hold_for_a_symmetric_family_are_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "symmetric" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial x_k} \sum_{i,j} A_{ij} x_i x_j", r"\sum_j (A_{kj} + A_{jk}) x_j"),
    (r"\sum_{i,j} A_{ij} x_i x_j", r"\sum_{i,j} A_{ji} x_i x_j"),
])
def test_steps_that_hold_for_any_family_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


def test_a_bilinear_form_with_its_indices_swapped_stays_a_slip():
    # a bilinear form of two vectors: the sides agree for a symmetric M, but an index order changed
    # between two lines is read as the slip it usually is (test_notation_round6.py)
    verdict = check_step(r"\sum_{i,j} M_{ij} u_i v_j", r"\sum_{i,j} M_{ji} u_i v_j", "=")
    assert verdict.status is Status.REFUTED


def test_a_slip_that_no_symmetry_mends_is_refuted():
    verdict = check_step(r"\frac{\partial}{\partial x_k} \sum_{i,j} A_{ij} x_i x_j", r"3\sum_j A_{kj} x_j", "=")
    assert verdict.status is Status.REFUTED
