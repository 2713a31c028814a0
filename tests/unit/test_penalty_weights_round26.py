"""A plain capital that only multiplies, or is added to, numbers and entries of a family of numbers is a
weight, not a matrix: the C of an SVM's soft-margin objective beside \\|w\\|^2 (read as a matrix it was
added to a number, and nothing was decided)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

OBJECTIVE = r"\frac{1}{2}\|\mathbf{w}\|^2+C\sum_{i=1}^n\xi_i"
STATIONARITY = r"\frac{\partial}{\partial \xi_k}\left(\frac{1}{2}\|\mathbf{w}\|^2+C\sum_{j=1}^n\xi_j-\sum_j\mu_j\xi_j\right)"


@pytest.mark.parametrize("lhs, rhs", [
    (OBJECTIVE, r"\frac{1}{2}\mathbf{w}^\top\mathbf{w}+C\sum_{i=1}^n\xi_i"),
    (r"\frac{1}{2}\|w\|^2+C\sum_i\xi_i", r"\frac{1}{2}w^T w+C\sum_i\xi_i"),
    (STATIONARITY, r"C-\mu_k"),
])
def test_weight_beside_vectors_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, kind", [
    (OBJECTIVE, r"\frac{1}{2}\mathbf{w}^\top\mathbf{w}+2C\sum_{i=1}^n\xi_i", "constant_factor"),
    (STATIONARITY, r"C+\mu_k", "sign_flip"),
])
def test_slip_beside_weight_is_refuted(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


def test_capital_multiplying_a_vector_stays_a_matrix() -> None:
    # C x beside \|w\|^2: C multiplies a vector somewhere, so it is no weight, and C x + x is no 2x
    verdict = check_step(r"\mathbf{w}^\top(C\mathbf{x}+\mathbf{x})", r"2\mathbf{w}^\top\mathbf{x}", "=")
    assert verdict.status is not Status.VERIFIED
