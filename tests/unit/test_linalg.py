"""Vectors and matrices: products that do not commute, transposes, inverses, traces, norms, inner
products and matrix literals, checked on random matrices of consistent shapes."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED

CASES = [
    (r"(\mathbf{A}\mathbf{B})^T", r"\mathbf{B}^T\mathbf{A}^T", V),
    (r"(\mathbf{A}\mathbf{B})^\top", r"\mathbf{A}^\top\mathbf{B}^\top", R),  # the order matters
    (r"X^T X", r"X X^T", R),  # never silently X*X
    (r"\mathbf{x}^\top \mathbf{y}", r"\mathbf{y}^\top \mathbf{x}", V),
    (r"x^T A x", r"x^T A^{\intercal} x", V),
    (r"(AB)^{-1}", r"B^{-1} A^{-1}", V),
    (r"(AB)^{-1}", r"A^{-1} B^{-1}", R),
    (r"(XX^T + \lambda I)^{-1} X", r"X (X^T X + \lambda I)^{-1}", V),
    (r"\operatorname{tr}(AB)", r"\operatorname{tr}(BA)", V),
    (r"\det(AB)", r"\det A \det B", V),
    (r"\operatorname{tr}(A + B)", r"\operatorname{tr}(A) + \operatorname{tr}(B)", V),
    (r"\operatorname{tr}(AB)", r"\operatorname{tr}(A)\operatorname{tr}(B)", R),
    (r"\|\mathbf{x}\|^2", r"\mathbf{x}^T\mathbf{x}", V),
    (r"\langle \mathbf{x}, \mathbf{y} \rangle", r"\mathbf{x} \cdot \mathbf{y}", V),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \begin{pmatrix} x \\ y \end{pmatrix}",
     r"\begin{pmatrix} x + 2y \\ 3x + 4y \end{pmatrix}", V),
    (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix}",
     r"\begin{bmatrix} x + 2y \\ 3x - 4y \end{bmatrix}", R),
    (r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}", "ad - bc", V),
    (r"A\mathbf{v} - 2\mathbf{v}", r"(A - 2I)\mathbf{v}", V),
    (r"\mathbf{x} + A", r"A + \mathbf{x}", U),  # shapes that do not fit: unverified, never wrong
]


@pytest.mark.parametrize("lhs,rhs,status", CASES)
def test_matrix_steps(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_a_product_reading_keeps_the_exponent_on_the_bracket():
    assert check_step("x(1-x)^2", "x - 2x^2 + x^3", "=").status is V
