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


@pytest.mark.parametrize("lhs,rhs,status", [
    (r"(\mathbf{a} - \mathbf{b})^2", r"\mathbf{a}^T\mathbf{a} - 2\mathbf{a}^T\mathbf{b} + \mathbf{b}^T\mathbf{b}", V),
    (r"(\mathbf{a} - \mathbf{b})^2", r"\mathbf{a}^T\mathbf{a} + 2\mathbf{a}^T\mathbf{b} + \mathbf{b}^T\mathbf{b}", R),
    (r"\mathbf{v}^2", r"\|\mathbf{v}\|^2", V),
    (r"\mathbf{v}^3", r"\|\mathbf{v}\|^3", U),  # v^3 has no one reading
])
def test_the_square_of_a_vector_is_its_squared_length(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_the_derivative_of_a_vector_is_not_zero():
    # its entries are constants of the instance, but dr/dt names how r moves, which the step does not say
    verdict = check_step(r"\frac{\partial \mathbf{r}}{\partial t}", "0", "=")
    assert verdict.status is U
    # the derivative is named once, not entry by entry, and as the reader writes it
    assert verdict.reason.count("\\frac{d\\mathbf{r}}{dt}") == 1


@pytest.mark.parametrize("lhs,rhs,status", [
    (r"\mathbf{a}^T\frac{d\mathbf{r}}{dt}", r"\frac{d\mathbf{r}^T}{dt}\mathbf{a}", V),
    (r"2\frac{d\mathbf{r}}{dt}", r"\frac{d\mathbf{r}}{dt} + \frac{d\mathbf{r}}{dt}", V),
    (r"3\frac{d\mathbf{r}}{dt}", r"\frac{d\mathbf{r}}{dt} + \frac{d\mathbf{r}}{dt}", R),
    (r"\frac{d}{dt}(I + t\mathbf{A})", r"\mathbf{A}", V),  # the identity does not move
])
def test_derivatives_of_vectors_compare_as_opaque_entries(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_a_term_whose_index_is_bound_by_its_own_sum_stands_after_the_sum():
    # the parser gives \sum_i the terms after it that use i; here i is bound by the term's own sum
    lhs = r"\sum_{i=1}^n \left(m_i \mathbf{v}_i^2 + m_i \mathbf{c}^2\right)"
    assert check_step(lhs, r"\sum_{i=1}^n m_i \mathbf{v}_i^2 + \left(\sum_{i=1}^n m_i\right)\mathbf{c}^2", "=").status is V
    assert check_step(lhs, r"\sum_{i=1}^n m_i \mathbf{v}_i^2 + \left(\sum_{i=1}^n m_i\right)2\mathbf{c}^2", "=").status is R
