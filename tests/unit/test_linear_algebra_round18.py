"""Red team of linear algebra textbook computations (round 18): bold or hatted i, j, k written
together are the standard basis of R^3 (a cross product of them holds only so), the symbolic
determinant with a row of unit vectors is the cross product's expansion along that row, and row
operations in a justification column (``&& (R_2 - 3R_1)``) annotate the row, not multiply it."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text

V, R, U = "verified", "refuted", "unverified"


def _statuses(body: str) -> list[str]:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return [s.verdict.status.value for s in check_text(text, "linalg.tex", Config(jobs=0)).steps]


@pytest.mark.parametrize("lhs, rhs", [
    # i x k = -j and j x i = -k: true for the axes, false for three unknown vectors
    (r"3\,\mathbf{i} \times \mathbf{i} + \mathbf{i} \times \mathbf{k} - \mathbf{j} \times \mathbf{i}",
     r"\mathbf{k} - \mathbf{j}"),
    (r"\mathbf{k} \times \mathbf{j}", r"-\mathbf{i}"),
    (r"\hat{\jmath} \times \hat{k}", r"\hat{\imath}"),
    (r"(\vec{i} - 2\vec{j}) \times \vec{k}", r"-2\vec{i} - \vec{j}"),
    (r"(4\mathbf{i} + \mathbf{k}) \cdot (\mathbf{i} - 3\mathbf{j} + 2\mathbf{k})", "6"),
])
def test_unit_vectors_i_j_k_are_the_standard_basis(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{k} \times \mathbf{j}", r"\mathbf{i}"),  # the sign of a cyclic product
    (r"(\vec{i} - 2\vec{j}) \times \vec{k}", r"2\vec{i} - \vec{j}"),
    (r"(4\mathbf{i} + \mathbf{k}) \cdot (\mathbf{i} - 3\mathbf{j} + 2\mathbf{k})", "4"),
])
def test_a_wrong_product_of_unit_vectors_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == R


def test_a_lone_bold_k_keeps_its_generic_reading() -> None:
    # a wave vector: one of the letters alone is not the basis (k . k = 1 is not an identity)
    assert check_step(r"\mathbf{k} \cdot \mathbf{k}", "1", "=").status.value != V


@pytest.mark.parametrize("rhs, status", [
    (r"(2 \cdot 1 - 0 \cdot 5)\mathbf{i} - (3 \cdot 1 - 0 \cdot 4)\mathbf{j} + (3 \cdot 5 - 2 \cdot 4)\mathbf{k}", V),
    (r"2\mathbf{i} - 3\mathbf{j} + 7\mathbf{k}", V),
    (r"2\mathbf{i} + 3\mathbf{j} + 7\mathbf{k}", R),  # the middle cofactor's sign forgotten
])
def test_the_cross_product_determinant_is_expanded_along_its_unit_row(rhs: str, status: str) -> None:
    lhs = r"\begin{vmatrix} \mathbf{i} & \mathbf{j} & \mathbf{k} \\ 3 & 2 & 0 \\ 4 & 5 & 1 \end{vmatrix}"
    assert check_step(lhs, rhs, "=").status.value == status


def test_the_symbolic_cross_product_determinant_verifies() -> None:
    lhs = r"\begin{vmatrix} \hat{\imath} & \hat{\jmath} & \hat{k} \\ p_1 & p_2 & p_3 \\ q_1 & q_2 & q_3 \end{vmatrix}"
    rhs = r"(p_2q_3 - p_3q_2)\hat{\imath} + (p_3q_1 - p_1q_3)\hat{\jmath} + (p_1q_2 - p_2q_1)\hat{k}"
    assert check_step(lhs, rhs, "=").status.value == V


def test_a_determinant_of_matrices_elsewhere_is_still_a_block_matrix() -> None:
    result = check_step(r"\begin{vmatrix} A & B \\ C & D \end{vmatrix}", r"AD - BC", "=")
    assert result.status.value != R


@pytest.mark.parametrize("note", [
    r"(R_2 - 4R_1)", r"R_2 \to R_2 - 4R_1", r"[R_2 - 4R_1]", r"(R_2 - 4R_1,\ R_3 + R_1)",
    r"(\tfrac{1}{2} R_1)", r"R_2 - 4 R_1",
])
def test_a_row_operation_column_annotates_the_row(note: str) -> None:
    body = ("\\begin{align*}\n\\begin{vmatrix} 1 & 3 \\\\ 4 & 2 \\end{vmatrix} &= "
            "\\begin{vmatrix} 1 & 3 \\\\ 0 & -10 \\end{vmatrix} && " + note + " \\\\\n&= -10\n\\end{align*}")
    assert [s for s in _statuses(body) if s != "skipped"] == [V, V]


def test_a_wrong_determinant_beside_a_row_operation_is_refuted() -> None:
    body = ("\\begin{align*}\n\\begin{vmatrix} 1 & 3 \\\\ 4 & 2 \\end{vmatrix} &= "
            "\\begin{vmatrix} 1 & 3 \\\\ 0 & -10 \\end{vmatrix} && (R_2 - 4R_1) \\\\\n&= -12\n\\end{align*}")
    assert _statuses(body) == [V, R]


def test_math_after_a_double_ampersand_that_is_not_a_row_operation_stays_math() -> None:
    # x_2 - 4y names no row: the column stays a factor of the right side, which is then not verified
    body = ("\\begin{align*}\n\\begin{vmatrix} 1 & 3 \\\\ 4 & 2 \\end{vmatrix} &= "
            "\\begin{vmatrix} 1 & 3 \\\\ 0 & -10 \\end{vmatrix} && (x_2 - 4y) \\\\\n&= -10\n\\end{align*}")
    assert V not in _statuses(body)
