"""Derivatives of a number by a matrix: the matrix of derivatives by its entries, in its shape (the
Matrix Cookbook's layout), or its transpose (the numerator layout some notes write); a step is refuted
only where both layouts fail."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R = Status.VERIFIED, Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{\partial}{\partial W}\operatorname{tr}(W^\top B)", r"B", V),
    (r"\frac{\partial}{\partial W}\operatorname{tr}(W^\top B)", r"B^\top", V),  # the numerator layout
    (r"\frac{\partial}{\partial W}\operatorname{tr}(W^\top B)", r"2B", R),
    (r"\nabla_X \operatorname{tr}(BXD)", r"B^\top D^\top", V),
    (r"\nabla_X \operatorname{tr}(BXD)", r"D^\top B^\top", R),
    (r"\frac{\partial}{\partial W}\|W\|_F^2", r"2W", V),
    (r"\frac{\partial}{\partial W}\|W\|_F^2", r"W", R),
    (r"\frac{\partial}{\partial X}\log\det X", r"X^{-\top}", V),
    (r"\frac{\partial}{\partial X}\log\det X", r"X", R),
    (r"\frac{\partial}{\partial W}\frac{1}{2}\|Wx-y\|^2", r"(Wx-y)x^\top", V),
    (r"\frac{\partial}{\partial W}\frac{1}{2}\|Wx-y\|^2", r"(Wx+y)x^\top", R),
    (r"\nabla_X \operatorname{tr}(X^\top MX)", r"(M+M^\top)X", V),
])
def test_derivative_by_a_matrix(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_slip_in_a_matrix_gradient_is_diagnosed() -> None:
    verdict = check_step(r"\frac{\partial}{\partial W}\frac{1}{2}\|Wx-y\|^2", r"(Wx+y)x^\top", "=")
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
    assert verdict.diagnosis.suggestion == r"(Wx-y)x^\top"
