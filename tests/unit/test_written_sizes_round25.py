"""Random matrices take the size of the matrices and columns the step writes (A beside a written column
of 2 is 2 by 2, as I is), and a step that puts a written value in for a matrix's product with a written
column (A^{-1}(A\\mathbf{v}) = A^{-1}\\mathbf{0}, the prose's A\\mathbf{v} = \\mathbf{0}) is not refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.conventions import WRITTEN_PRODUCT_REPLACED
from lintmath.model import Status

COL = r"\begin{{pmatrix}} {} \\ {} \end{{pmatrix}}"


def col(a: str, b: str) -> str:
    return COL.format(a, b)


@pytest.mark.parametrize("lhs, rhs", [
    (rf"(B^{{-1}}B){col(3, -2)}", rf"B^{{-1}}\left(B{col(3, -2)}\right)"),
    (rf"B^{{-1}}\left({col(0, 0)}\right)", col(0, 0)),
    (rf"c\,M{col('e^{t}', 0)} + d\,M{col('e^{-t}', 0)}", rf"M{col('ce^{t} + de^{-t}', 0)}"),
    (rf"M{col(2, 5)} + M{col(1, 0)}", rf"3M{col(1, '5/3')}"),
    (rf"(M + N){col(1, 1)}", rf"M{col(1, 1)} + N{col(1, 1)}"),
])
def test_random_matrices_fit_written_columns(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (rf"M{col(2, 5)} + M{col(1, 0)}", rf"3M{col(1, 5)}"),  # a slip about M itself
    (rf"MN{col(1, 2)}", rf"NM{col(1, 2)}"),  # 2 by 2 matrices do not commute
    (rf"x{col(1, 2)}", col('x', '3x')),  # a number times a column
])
def test_slips_beside_written_columns_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (rf"B^{{-1}}\left(B{col(-1, 1)}\right)", rf"B^{{-1}}\left({col(0, 0)}\right)"),
    (rf"2M{col(1, 2)} - M{col(0, 1)}", rf"2{col(4, 1)} - {col(1, 1)}"),
])
def test_a_value_of_a_product_put_in_is_not_refuted(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason in (WRITTEN_PRODUCT_REPLACED, ) or "no longer mentions M" in verdict.reason


def test_a_map_at_a_bracket_of_written_columns_counts_as_its_product():
    lhs = rf"T\left({col(1, 3)} - 2{col(4, 0)}\right)"
    assert check_step(lhs, rf"T{col(1, 3)} - 2T{col(4, 0)}", "=").status is Status.VERIFIED
    assert check_step(lhs, rf"2T{col(1, 3)} - 2T{col(4, 0)}", "=").status is Status.REFUTED
