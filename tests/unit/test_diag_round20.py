"""diag(v), the diagonal matrix of a vector's entries (softmax Jacobians, IRLS weights, covariances)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\operatorname{diag}(\mathbf{q})\mathbf{1}", r"\mathbf{q}"),
    (r"\mathbf{1}^\top\mathrm{diag}(\mathbf{q})", r"\mathbf{q}^\top"),
    (r"\operatorname{tr}\operatorname{diag}(\mathbf{q})", r"\mathbf{1}^\top\mathbf{q}"),
    (r"\operatorname{diag}(\mathbf{u})\mathbf{v}", r"\mathbf{u}\odot\mathbf{v}"),
    (r"\operatorname{diag}(\mathbf{u})\operatorname{diag}(\mathbf{v})", r"\operatorname{diag}(\mathbf{u}\odot\mathbf{v})"),
    (r"B^\top\operatorname{diag}(\mathbf{w})B\mathbf{z}", r"B^\top(\mathbf{w}\odot(B\mathbf{z}))"),
    (r"\operatorname{diag}(\lambda_1, \lambda_2)^{-1}", r"\operatorname{diag}(1/\lambda_1, 1/\lambda_2)"),
    (r"\operatorname{diag}(s, t)\operatorname{diag}(u, v)", r"\operatorname{diag}(su, tv)"),
])
def test_diagonal_matrices_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\operatorname{diag}(\mathbf{q})\mathbf{1}", r"2\mathbf{q}"),
    (r"\operatorname{diag}(\lambda_1, \lambda_2)^{-1}", r"\operatorname{diag}(\lambda_1, 1/\lambda_2)"),
    (r"\mathbf{1}^\top\operatorname{diag}(\mathbf{q})\mathbf{1}", r"\mathbf{1}^\top\mathbf{q} + 1"),
])
def test_slips_beside_diagonal_matrices_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_diag_of_a_matrix_is_not_decided() -> None:
    # its diagonal as a vector in some notes, its diagonal part in others
    verdict = check_step(r"\operatorname{diag}(M)", r"M", "=")
    assert verdict.status is Status.UNVERIFIED and "diag" in verdict.reason
