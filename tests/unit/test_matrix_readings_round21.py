"""Three readings of matrix notation (round 21): a capital raised in an entry of a written matrix is a
number (e^{-K}, e^{\\beta J}); I beside matrices in a bracket is the identity when only the other side
writes it; and a matrix the prose states symmetric verifies the steps that need it (only verifies)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents
from lintmath.symmetric import sentence_matrices

DIAG = r"\begin{pmatrix} e^{K} & 0 \\ 0 & e^{-K} \end{pmatrix}"
TRANSFER = r"\begin{pmatrix} e^{\beta J} & e^{-\beta J} \\ e^{-\beta J} & e^{\beta J} \end{pmatrix}"
KERNEL = r"\begin{bmatrix} e^{L} & e^{-L} \\ e^{-L} & e^{L} \end{bmatrix}"
ONES = r"\begin{pmatrix} 1 \\ 1 \end{pmatrix}"


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (DIAG + "^2", r"\begin{pmatrix} e^{2K} & 0 \\ 0 & e^{-2K} \end{pmatrix}"),
    (r"\det " + TRANSFER, r"e^{2\beta J} - e^{-2\beta J}"),
    (r"\operatorname{tr} " + TRANSFER, r"2 e^{\beta J}"),
    (KERNEL + ONES, r"(e^{L} + e^{-L})" + ONES),
    (r"\begin{pmatrix} a^{N} & 0 \\ 0 & 1 \end{pmatrix}", r"\begin{pmatrix} a & 0 \\ 0 & 1 \end{pmatrix}^N"),
])
def test_raised_capitals_in_entries_are_numbers(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (DIAG + "^2", r"\begin{pmatrix} e^{3K} & 0 \\ 0 & e^{-2K} \end{pmatrix}"),
    (r"\det " + TRANSFER, r"e^{2\beta J} + e^{-2\beta J}"),
    (r"\operatorname{tr} " + TRANSFER, r"2 e^{-\beta J}"),
    (KERNEL + ONES, r"(e^{L} - e^{-L})" + ONES),
])
def test_slips_with_raised_capitals_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_capital_also_written_as_an_entry_stays_a_block() -> None:
    # exp of a block-diagonal matrix: A and B are blocks there, read only in the reading that assembles
    # the blocks, which verifies and never refutes
    lhs = r"\exp\begin{pmatrix} A & 0 \\ 0 & B \end{pmatrix}"
    assert _status(lhs, r"\begin{pmatrix} e^{A} & 0 \\ 0 & e^{B} \end{pmatrix}") == "verified"
    assert _status(lhs, r"\begin{pmatrix} e^{B} & 0 \\ 0 & e^{A} \end{pmatrix}") == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"x - \eta A x", r"(I - \eta A) x"),
    (r"x_t - \eta H x_t", r"(I - \eta H) x_t"),
    (r"x - P x", r"(I - P) x"),
    (r"2u - A u", r"(2I - A) u"),
    (r"v - \alpha B v + w", r"(I - \alpha B) v + w"),
])
def test_identity_introduced_beside_matrices_verifies(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert "I the identity" in verdict.guessed


@pytest.mark.parametrize("lhs, rhs", [
    (r"x - \eta A x", r"(I + \eta A) x"),
    (r"x - P x", r"(I - 2P) x"),
    (r"u - A u", r"(2I - A) u"),
])
def test_wrong_steps_introducing_the_identity_are_not_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


def _verdicts(prose_before: str, lhs: str, rhs: str, prose_after: str = "") -> list:
    doc = ("\\documentclass{article}\n\\begin{document}\n" + prose_before + "\n\\begin{align*}\n"
           + lhs + " &= " + rhs + "\n\\end{align*}\n" + prose_after + "\n\\end{document}\n")
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=5.0, seed=0))[0]
    return [s.verdict for s in result.steps]


GRADIENT = (r"\nabla_x \left(\tfrac12 x^T A x\right)", "A x")


@pytest.mark.parametrize("before, after", [
    ("Let $A$ be symmetric.", ""),
    ("Let $A \\in \\mathbb{R}^{n \\times n}$ be symmetric positive definite.", ""),
    ("For a symmetric matrix $A$ the gradient is", ""),
    ("Here $A = A^T$, and", ""),
    ("Here $A^\\top = A$, and", ""),
    ("The gradient is", "where $A$ is symmetric."),
])
def test_stated_symmetry_verifies(before: str, after: str) -> None:
    verdict, = _verdicts(before, *GRADIENT, after)
    assert verdict.status.value == "verified"
    assert any(g.startswith("A symmetric (as stated at t.tex:") for g in verdict.guessed)


@pytest.mark.parametrize("before", [
    "The gradient is",
    "The matrix $A$ is not symmetric.",
    "Let $A$ be skew-symmetric.",
    "Let $A$ be antisymmetric.",
    "Let $B$ be symmetric.",
    "Take the symmetric part of $A$.",
])
def test_without_a_statement_the_step_stays_unverified(before: str) -> None:
    verdict, = _verdicts(before, *GRADIENT)
    assert verdict.status.value == "unverified"
    assert verdict.reason == "holds if A is symmetric"


@pytest.mark.parametrize("before, lhs, rhs, status", [
    ("Let $A$ be symmetric.", r"\nabla_x \left(\tfrac12 x^T A x\right)", "2 A x", "refuted"),
    ("Let $A$ and $B$ be symmetric.", "x^T (AB)^T y", "x^T A B y", "refuted"),
    ("Let $A$ and $B$ be symmetric.", "x^T (AB)^T y", "x^T B A y", "verified"),
    ("No statement here.", "x^T (AB)^T y", "x^T B A y", "refuted"),
    ("Let $W$ be a symmetric weight matrix.", "x^T W y", "y^T W x", "verified"),
    ("Let $W$ be a symmetric weight matrix.", "x^T W y", "y^T W^2 x", "refuted"),
])
def test_stated_symmetry_only_verifies(before: str, lhs: str, rhs: str, status: str) -> None:
    verdict, = _verdicts(before, lhs, rhs)
    assert verdict.status.value == status


@pytest.mark.parametrize("sentence, keys", [
    ("Let $A$ and $B$ be symmetric.", {"A", "B"}),
    ("where $\\mathbf{A}$ is a real symmetric matrix", {"bf:A"}),
    ("for symmetric positive definite $M$,", {"M"}),
    ("Since $S = S^{\\top}$ we have", {"S"}),
    ("$A$ is symmetric only if $B$ is.", set()),
    ("$A$ need not be symmetric.", set()),
    ("a symmetric interval $[-a, a]$", set()),
    ("Since $A^T A = A A^T$ the matrix is normal.", set()),
])
def test_sentences_read(sentence: str, keys: set[str]) -> None:
    assert sentence_matrices(sentence) == keys


@pytest.mark.parametrize("lhs, rhs, status", [
    # the capitals of a transposed product are matrices: the order must be reversed
    (r"(PQ)^T", r"Q^T P^T", "verified"),
    (r"(PQR)^\top", r"R^\top Q^\top P^\top", "verified"),
    (r"(PQ)^T", r"PQ", "refuted"),
    (r"(PQR)^T", r"P^T Q^T R^T", "refuted"),
])
def test_a_transposed_product_of_capitals_is_a_product_of_matrices(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status
