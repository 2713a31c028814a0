"""Small readings red teams found unread (round 19): the vector of ones without a transpose beside
vectors and matrices, the induced 1-, 2- and max-norms of a matrix (the entrywise ones a reading that
only keeps a step from being refuted), expectations under a named measure (``\\mathbb{E}^{\\mathbb{Q}}``;
two measures in one step unverified), and a declared operator used alone as a quantity."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text

V, R, U = "verified", "refuted", "unverified"


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _statuses(preamble: str, rows: str) -> list[str]:
    text = ("\\documentclass{article}\n" + preamble + "\n\\begin{document}\n\\begin{align*}\n" + rows
            + "\n\\end{align*}\n\\end{document}\n")
    return [s.verdict.status.value for s in check_text(text, "notes.tex", Config(jobs=0)).steps]


# -- (1) \mathbf{1} as the vector of ones beside vectors and matrices -------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{w}^T\mathbf{1}", r"\mathbf{1}^T\mathbf{w}"),
    (r"X\mathbf{1} + X\mathbf{1}", r"2X\mathbf{1}"),
    (r"A(\mathbf{x} + \mathbf{1})", r"A\mathbf{x} + A\mathbf{1}"),
    (r"\mathbf{1}\mathbf{1}^T\mathbf{x}", r"\mathbf{1}(\mathbf{1}^T\mathbf{x})"),
    (r"\mathbf{v}^T\mathbb{1}", r"\sum_i v_i"),
    (r"\mathbf{v}^T\boldsymbol{1}", r"\sum_i v_i"),
    (r"\mathbf{1}^T A \mathbf{1}", r"\sum_{i,j} A_{ij}"),
    (r"\Sigma\mathbf{w} - \lambda\mathbf{1} + \lambda\mathbf{1}", r"\Sigma\mathbf{w}"),
])
def test_the_ones_vector_beside_vectors_and_matrices_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"X\mathbf{1} + X\mathbf{1}", r"3X\mathbf{1}"),
    (r"\mathbf{v}^T\mathbf{1}", r"2\sum_i v_i"),
])
def test_a_wrong_step_with_the_ones_vector_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == R


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{1} + \mathbf{1}", "2"),  # among numbers alone: no vector to be one
    (r"\mathbf{1}^T\mathbf{1}", "3"),  # the size of the ones is nowhere written
    (r"\mathbf{A}\mathbb{1}", r"\mathbf{A}"),  # \mathbb{1} as the identity: shapes that do not fit
    (r"(\mathbb{1} - \mathbf{P})\mathbf{v}", r"\mathbf{v} - \mathbf{P}\mathbf{v}"),
    (r"\mathbb{1}\mathbf{v}", r"\mathbf{v}"),
    (r"\sum_i |i\rangle\langle i|", r"\mathbb{1}"),  # beside states, the identity operator
    (r"\mathbf{w}^T\mathbf{1}", "1"),  # a constraint on w, not an identity
])
def test_the_ones_vector_where_another_reading_may_hold_is_never_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == U


# -- (2) induced matrix norms ---------------------------------------------------------------------

M = r"\begin{pmatrix} 1 & -2 \\ 3 & 4 \end{pmatrix}"
D = r"\begin{pmatrix} 3 & 0 \\ 0 & 4 \end{pmatrix}"


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\|{M}\|_1", "6"),  # the largest column sum
    (rf"\|{M}\|_\infty", "7"),  # the largest row sum
    (rf"\|{D}\|_2", "4"),  # the largest singular value
    (r"\|A^T\|_1", r"\|A\|_\infty"),
    (r"\|A^T\|_2", r"\|A\|_2"),
    (r"\|2A\|_\infty", r"2\|A\|_\infty"),
    (r"\|A\|_1", r"\max_j \sum_i |A_{ij}|"),
    (r"\|\mathbf{x}\|_2", r"\sqrt{\mathbf{x}^T\mathbf{x}}"),  # of a vector, as before
])
def test_induced_matrix_norms_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\|{M}\|_1", "10"),
    (rf"\|{D}\|_2", "5"),
    (r"\|A\|_2^2", r"\operatorname{tr}(A^T A)"),
])
def test_a_step_that_holds_only_with_entrywise_norms_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U
    assert "entrywise" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\|{M}\|_1", "8"),  # neither 6 nor 10
    (rf"\|{D}\|_2", "6"),
    (r"\|A\|_1", r"2\|A\|_1"),
])
def test_a_matrix_norm_wrong_in_both_readings_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == R


def test_the_plain_matrix_norm_stays_frobenius() -> None:
    assert _status(r"\|A\|^2", r"\operatorname{tr}(A^T A)") == V


# -- (3) expectations under a named measure --------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}^{\mathbb{Q}}[X + Y]", r"\mathbb{E}^{\mathbb{Q}}[X] + \mathbb{E}^{\mathbb{Q}}[Y]"),
    (r"\mathbb{E}^{P}[X + 1]", r"\mathbb{E}^{P}[X] + 1"),
    (r"E^{Q}[X + 1]", r"E^{Q}[X] + 1"),  # a plain E over a measure is no power of E
    (r"\mathbb{E}_t^{\mathbb{Q}}[X + 1]", r"\mathbb{E}_t^{\mathbb{Q}}[X] + 1"),
    (r"\mathbb{E}^{\pi}[R + \gamma V]", r"\mathbb{E}^{\pi}[R] + \gamma\mathbb{E}^{\pi}[V]"),
    (r"\mathbb{E}^{\mathbb{Q}}[e^{-rT} S_T]", r"e^{-rT}\mathbb{E}^{\mathbb{Q}}[S_T]"),
    (r"\mathbb{E}^{\mathbb{Q}}[X]", r"\mathbb{E}_{\mathbb{Q}}[X]"),  # one measure, written two ways
])
def test_linearity_under_a_named_measure_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == V


def test_a_wrong_step_under_a_named_measure_is_refuted() -> None:
    assert _status(r"\mathbb{E}^{\mathbb{Q}}[X + 1]", r"2\mathbb{E}^{\mathbb{Q}}[X] + 1") == R


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}^{\mathbb{Q}}[X]", r"\mathbb{E}^{\mathbb{P}}[X]"),
    (r"\mathbb{E}_{\mathbb{Q}}[X + Y]", r"\mathbb{E}_{\mathbb{P}}[X] + \mathbb{E}_{\mathbb{P}}[Y]"),
    (r"\mathbb{E}[X]", r"\mathbb{E}_{\mathbb{Q}}[X]"),
    (r"\mathbb{E}_p[x]", r"\mathbb{E}_q[x]"),
    (r"\mathbb{E}^{\mathbb{Q}}[X]", r"2\mathbb{E}^{\mathbb{P}}[X]"),  # a density between them: not refuted
])
def test_two_measures_in_one_step_are_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U
    assert "measures" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}^{\mathbb{Q}}[X^2]", r"\mathbb{E}^{\mathbb{Q}}[X]^2"),  # rests on the distribution
    (r"\mathbb{E}^2[X]", r"\mathbb{E}[X]^2"),  # a digit over E may be a power
])
def test_a_named_measure_decides_nothing_about_the_distribution(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == U


def test_a_variable_under_e_is_no_measure() -> None:
    assert _status(r"\mathbb{E}_{X}[\mathbb{E}_{Y}[f(X, Y)]]", r"\mathbb{E}_{Y}[\mathbb{E}_{X}[f(X, Y)]]") == V


# -- (4) a declared operator used alone ----------------------------------------------------------

PV = "\\DeclareMathOperator{\\PV}{PV}\n\\DeclareMathOperator{\\sgnum}{sgnum}"


@pytest.mark.parametrize("rows, expected", [
    (r"\PV\cdot(1+r) &= (1+r)\PV", [V]),
    (r"\PV + \PV &= 2\PV", [V]),
    (r"\PV + \PV &= 3\PV", [R]),
    (r"\PV_1 - \PV_0 + \PV_0 &= \PV_1", [V]),
    # applied without brackets, its reach is a guess; unknown and undeclared, as before
    (r"\sgnum x + 1 &= 1 + \sgnum x", [U]),
    (r"\operatorname{PW} + \operatorname{PW} &= 2\operatorname{PW}", [U]),
])
def test_a_declared_operator_alone_is_a_quantity(rows: str, expected: list[str]) -> None:
    assert _statuses(PV, rows) == expected
