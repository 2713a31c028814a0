"""Entries of vectors and matrices written with indices: w_i beside w^T x, x_i beside \\mathbf{x},
A_{ij} beside A x, (A x)_i. A sum over the entries runs over the vector's dimension (no bounds, or
1 to a letter used only as that bound). An indexed letter that stands where a vector does (w^T x_i)
stays a vector of its own (a sample)."""
import pytest

from lintmath.check import check_step

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


CORRECT = [
    (r"w^\top x", r"\sum_{i} w_i x_i"),
    (r"w^T x", r"\sum_k x_k w_k"),
    (r"\mathbf{w}^\top \mathbf{x}", r"\sum_{i=1}^{d} w_i x_i"),
    (r"\mathbf{u}^\top \mathbf{v}", r"\sum_{j=1}^{m} u_j v_j"),
    (r"\mathbf{a}^T \mathbf{b}", r"\sum_{k=1}^{n} a_k b_k"),
    (r"\|\mathbf{x}\|^2", r"\sum_i x_i^2"),
    (r"\|\mathbf{v}\|^2", r"\sum_{i=1}^{n} v_i^2"),
    (r"\|w\|^2", r"\sum_j w_j^2"),
    (r"\mathbf{x}^T\mathbf{x}", r"\sum_{j=1}^n x_j^2"),
    (r"\mathbf{x}^\top\mathbf{x}", r"\sum_{j} x_j x_j"),
    (r"\operatorname{tr}(A)", r"\sum_i A_{ii}"),
    (r"\operatorname{tr}(M)", r"\sum_{k} M_{kk}"),
    (r"\operatorname{tr}(A^\top)", r"\sum_j A_{jj}"),
    (r"w^\top A x", r"\sum_{i,j} w_i A_{ij} x_j"),
    (r"w^\top A x", r"\sum_i \sum_j w_i A_{ij} x_j"),
    (r"x^\top A x", r"\sum_{i}\sum_{j} A_{ij} x_i x_j"),
    (r"\|w - x\|^2", r"\sum_i (w_i - x_i)^2"),
    (r"\|w + x\|^2", r"\sum_i (w_i + x_i)^2"),
    (r"\|w + x\|^2", r"\|w\|^2 + 2\sum_i w_i x_i + \sum_i x_i^2"),
    (r"\|\mathbf{w} - \mathbf{x}\|^2", r"\sum_i (w_i - x_i)^2"),
    (r"\|\mathbf{a} - \mathbf{b}\|^2", r"\sum_k a_k^2 - 2\sum_k a_k b_k + \sum_k b_k^2"),
    (r"\mathbf{w}^\top \mathbf{x} + b", r"\sum_i w_i x_i + b"),
    (r"2\mathbf{w}^\top \mathbf{x}", r"\sum_{i=1}^{d} 2 w_i x_i"),
    (r"\sum_i w_i x_i", r"w^\top x"),
    (r"\sum_{i=1}^{d} w_i x_i", r"\mathbf{x}^\top \mathbf{w}"),
    (r"(A\mathbf{x})_i", r"\sum_j A_{ij} x_j"),
    (r"(A x)_i", r"\sum_j A_{ij} x_j"),
    (r"(X w)_i", r"\sum_j X_{ij} w_j"),
    (r"(A^\top \mathbf{y})_j", r"\sum_i A_{ij} y_i"),
    (r"(AB)_{ij}", r"\sum_k A_{ik}B_{kj}"),
    (r"(A + B)_{ij}", r"A_{ij} + B_{ij}"),
    (r"(\mathbf{x} + \mathbf{y})_i", r"x_i + y_i"),
    (r"(\mathbf{x} - 2\mathbf{y})_k", r"x_k - 2 y_k"),
    (r"(A\mathbf{x} + \mathbf{b})_i", r"\sum_j A_{ij} x_j + b_i"),
    (r"\mathbf{x}^\top \mathbf{y}", r"\mathbf{y}^\top \mathbf{x}"),
    (r"\frac{1}{2}\|\mathbf{w}\|^2", r"\frac{1}{2}\sum_{j=1}^{d} w_j^2"),
    (r"(w^\top x)^2", r"\sum_i \sum_j w_i x_i w_j x_j"),
    (r"\mathbf{w}^\top \mathbf{w}", r"\|\mathbf{w}\|^2"),
    (r"\sum_i (y_i - w^\top x_i)^2", r"\sum_i (w^\top x_i - y_i)^2"),
    (r"\sum_{i=1}^{n} (y_i - w^T x_i)^2", r"\sum_{i=1}^{n} (y_i^2 - 2 y_i w^T x_i + (w^T x_i)^2)"),
    (r"\lambda \|\mathbf{w}\|^2", r"\lambda \sum_i w_i^2"),
    (r"\mathbf{w}^\top \mathbf{x} - y", r"\sum_{i=1}^{d} w_i x_i - y"),
    (r"\|\mathbf{x}\|^2 - \mathbf{x}^\top \mathbf{x}", r"0"),
    (r"\sum_i (x_i - y_i)^2", r"\|\mathbf{x} - \mathbf{y}\|^2"),
    (r"\operatorname{tr}(AB)", r"\sum_{i}\sum_{k} A_{ik} B_{ki}"),
    (r"\operatorname{tr}(A + B)", r"\sum_i (A_{ii} + B_{ii})"),
]


@pytest.mark.parametrize("lhs, rhs", CORRECT)
def test_correct_steps_with_entries_are_never_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


@pytest.mark.parametrize("lhs, rhs", [
    (r"w^\top x", r"\sum_{i} w_i x_i"),
    (r"\mathbf{w}^\top \mathbf{x}", r"\sum_{i=1}^{d} w_i x_i"),
    (r"\|\mathbf{x}\|^2", r"\sum_i x_i^2"),
    (r"\mathbf{x}^T\mathbf{x}", r"\sum_{j=1}^n x_j^2"),
    (r"\operatorname{tr}(A)", r"\sum_i A_{ii}"),
    (r"w^\top A x", r"\sum_{i,j} w_i A_{ij} x_j"),
    (r"\|w - x\|^2", r"\sum_i (w_i - x_i)^2"),
    (r"\|w + x\|^2", r"\|w\|^2 + 2\sum_i w_i x_i + \sum_i x_i^2"),
    (r"(A\mathbf{x})_i", r"\sum_j A_{ij} x_j"),
    (r"(AB)_{ij}", r"\sum_k A_{ik}B_{kj}"),
    (r"(X w)_i", r"\sum_j X_{ij} w_j"),
    (r"(\mathbf{x} + \mathbf{y})_i", r"x_i + y_i"),
])
def test_entries_verify(lhs, rhs):
    assert status(lhs, rhs) == V


WRONG = [
    (r"\|\mathbf{x}\|^2", r"\sum_i x_i"),  # a lost square
    (r"\|\mathbf{v}\|^2", r"\sum_{i=1}^{n} v_i^3"),
    (r"\mathbf{x}^T\mathbf{x}", r"\sum_{j=1}^n 2x_j^2"),
    (r"\operatorname{tr}(A)", r"\sum_i A_{ii}^2"),
    (r"\mathbf{w}^\top \mathbf{x}", r"\sum_{i=1}^{d} w_i + x_i"),
    (r"w^\top A x", r"\sum_{i,j} w_i A_{ij} x_i"),  # x_i for x_j
    (r"\|w - x\|^2", r"\sum_i (w_i + x_i)^2"),
    (r"\|w + x\|^2", r"\|w\|^2 + \sum_i w_i x_i + \sum_i x_i^2"),  # a lost 2
    (r"(\mathbf{x} + \mathbf{y})_i", r"x_i - y_i"),
    (r"(\mathbf{x} - \mathbf{y})_i", r"x_i + y_i"),
    (r"\mathbf{w}^\top \mathbf{x} + b", r"\sum_i w_i x_i - b"),
    (r"\frac{1}{2}\|\mathbf{w}\|^2", r"\sum_{j=1}^{d} w_j^2"),
    (r"\|\mathbf{a} - \mathbf{b}\|^2", r"\sum_k a_k^2 + 2\sum_k a_k b_k + \sum_k b_k^2"),
    (r"\lambda \|\mathbf{w}\|^2", r"\lambda \sum_i w_i"),
    (r"w^\top x", r"\sum_{i} w_i x_i^2"),
    (r"\mathbf{u}^\top \mathbf{v}", r"\sum_{j=1}^{m} u_j^2 v_j"),
    (r"(A\mathbf{x})_i", r"\sum_j A_{ij} x_i"),
    (r"\operatorname{tr}(A + B)", r"\sum_i (A_{ii} - B_{ii})"),
    (r"(A + B)_{ij}", r"A_{ij} - B_{ij}"),
    (r"(A\mathbf{x} + \mathbf{b})_i", r"\sum_j A_{ij} x_j - b_i"),
]


@pytest.mark.parametrize("lhs, rhs", WRONG)
def test_wrong_entries_are_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


@pytest.mark.parametrize("lhs, rhs", [
    (r"(A\mathbf{x})_i", r"\sum_j A_{ji} x_j"),  # the transpose: holds if A is symmetric
    (r"\mathbf{x}^\top \mathbf{y}", r"\sum_{i=1}^{2} x_i y_i"),  # a 2-vector, or a partial sum
    (r"\mathbf{x}^\top \mathbf{y}", r"\frac{1}{n}\sum_{i=1}^{n} x_i y_i"),  # n is used elsewhere
    (r"\mathbf{x}^\top \mathbf{y}", r"\sum_{i=0}^{d-1} x_i y_i"),  # 0-based
    (r"\mathbf{x}^\top \mathbf{y}", r"x_1 y_1 + x_2 y_2"),  # numeric indices fix no dimension
    (r"\mathbf{w}", r"\sum_i \alpha_i y_i \mathbf{x}_i"),  # x_i samples, never written whole
])
def test_ambiguous_entries_stay_unverified(lhs, rhs):
    assert status(lhs, rhs) == U


def test_samples_after_a_transpose_stay_vectors():
    # x_i after w^T is a sample (a vector), not an entry of some x
    assert status(r"\sum_i (y_i - w^\top x_i)^2", r"\sum_i (w^\top x_i - y_i)^2") == V
    assert status(r"\sum_i (y_i - w^\top x_i)^2", r"\sum_i (w^\top x_i + y_i)^2") != V


def test_entry_of_a_bracketed_sum():
    # (a + b)_i was refused as a compound expression: the entry of the vector a + b
    assert status(r"(a + b)_i", r"a_i + b_i") == V
    assert status(r"(a + b)_i", r"a_i - b_i") == R
    # (B_2)_j stays refused: entry j of B_2, or B_{2j}?
    assert "compound expression" in check_step(r"(B_2)_j", r"B_{2j}", "=").reason
