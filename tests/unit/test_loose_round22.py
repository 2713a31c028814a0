"""Wrong steps that verified through a loose reading (red team, round 22): a power after a function's
bracket read inside it (\\sin(x^2) = \\sin(x)^2), a norm's scalar taken out without its absolute value,
and plain letters the prose declares matrices read as numbers (AB = BA)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.declared import sentence_matrices, sentence_void
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _verdicts(body: str) -> list[tuple[str, str]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [(s.verdict.status.value, s.verdict.reason) for s in result.steps]


def _display(prose: str, lhs: str, rhs: str) -> str:
    return f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


# -- a power after a function's bracket ---------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\sin(x^2)", r"\sin(x)^2"),  # the classic slip: \sin(x)^2 is (\sin x)^2 in every text
    (r"\cos(t^2)", r"\cos(t)^2"),
    (r"\exp(x)^2", r"\exp(x^2)"),  # e^{2x}, not e^{x^2}
    (r"\tan(\theta)^3", r"\tan(\theta^3)"),
])
def test_a_power_after_a_trigonometric_or_exponential_bracket_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\log(x^n)", r"\log(x)^n"),
    (r"\ln(x^3)", r"\ln(x)^3"),
    (r"\log(x)^2", r"2\log x"),  # an author's shorthand as often as a slip: the prose decides
])
def test_a_logarithm_that_holds_only_with_the_power_inside_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "\\log(x^2)" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sin(x)^2", r"\sin^2 x"),
    (r"\log(x)^2", r"(\log x)^2"),
    (r"\exp(x)^2", r"\exp(2x)"),
    (r"\cos(x)^2 + \sin(x)^2", r"1"),
    (r"\ln(x^2)", r"2\ln x"),
])
def test_powers_of_functions_as_written_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


# -- a scalar taken out of a norm -----------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\|\alpha \mathbf{x}\|", r"\alpha \|\mathbf{x}\|"),
    (r"\|c v\|", r"c\|v\|"),
    (r"\|t (\mathbf{x} - \mathbf{y})\|_2", r"t\|\mathbf{x} - \mathbf{y}\|_2"),
])
def test_a_scalar_out_of_a_norm_without_its_absolute_value_is_not_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is not Status.VERIFIED
    assert "negative" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\|\alpha \mathbf{x}\|", r"|\alpha| \|\mathbf{x}\|"),
    (r"\|\mathbf{x}\|^2", r"\mathbf{x}^\top\mathbf{x}"),
    (r"\|2\mathbf{x}\|", r"2\|\mathbf{x}\|"),
    (r"\|-\mathbf{x}\|", r"\|\mathbf{x}\|"),
    (r"\|\mathbf{x} - \mathbf{y}\|^2", r"\|\mathbf{x}\|^2 - 2\mathbf{x}^\top \mathbf{y} + \|\mathbf{y}\|^2"),
    # beside a root the sampled positive letters are the author's: the norm does not ask off them
    (r"\frac{1}{n}\|\mathbf{y}\|\sqrt{2n}", r"\frac{\sqrt{2}\|\mathbf{y}\|}{\sqrt{n}}"),
])
def test_norm_identities_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_wrong_norm_step_is_still_refuted() -> None:
    assert check_step(r"\|-\mathbf{x}\|", r"-\|\mathbf{x}\|", "=").status is Status.REFUTED


# -- plain letters the prose declares matrices ----------------------------------------------------------

@pytest.mark.parametrize("sentence, keys", [
    (r"Let $A$ and $B$ be $n \times n$ matrices.", {"A", "B"}),
    (r"for any square matrices $A$, $B$", {"A", "B"}),
    (r"where $M$ is an invertible matrix", {"M"}),
    (r"Let $A, B \in \mathbb{R}^{m \times n}$ be given.", {"A", "B"}),
    (r"The matrix $A$ is not invertible.", set()),  # a negation states nothing
    (r"Let $A$ and $B$ be diagonal matrices.", set()),  # diagonal matrices commute
    (r"the entries of the matrix $A$", set()),
    (r"The matrix $A = (a_{ij})$ is given.", set()),  # only plain symbols are named
])
def test_sentences_that_declare_matrices(sentence: str, keys: set[str]) -> None:
    assert sentence_matrices(sentence) == keys


def test_a_sentence_of_commuting_matrices_takes_the_declaration_back() -> None:
    assert sentence_void(r"Let $A$ and $B$ be diagonal matrices.") == {"A", "B"}
    assert sentence_void(r"Let $A$ and $B$ be square matrices.") == set()


DECLARED = r"Let $A$ and $B$ be $n \times n$ matrices."


@pytest.mark.parametrize("lhs, rhs", [
    (r"AB", r"BA"),
    (r"(A+B)^2", r"A^2 + 2AB + B^2"),
    (r"(A - B)(A + B)", r"A^2 - B^2"),
    (r"(AB)^2", r"A^2 B^2"),
])
def test_a_step_that_holds_only_for_numbers_is_refuted_below_a_declaration(lhs: str, rhs: str) -> None:
    # without the prose the capitals may be numbers or matrices: not decided (see test_commuted_capitals_round31)
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED
    [(status, _)] = _verdicts(_display(DECLARED, lhs, rhs))
    assert status == "refuted"


def test_a_function_of_declared_matrices_that_needs_them_to_commute_is_unverified() -> None:
    [(status, reason)] = _verdicts(_display(DECLARED, r"e^{A}e^{B}", r"e^{A+B}"))
    assert status == "unverified"
    assert "holds if A, B are numbers" in reason and "commute" in reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"(A+B)^2", r"A^2 + AB + BA + B^2"),
    (r"A(B + A)", r"AB + A^2"),
    (r"\det(AB)", r"\det(A)\det(B)"),
    (r"(AB)^T", r"B^T A^T"),
    (r"2A + 3A", r"5A"),
])
def test_matrix_identities_still_verify_below_a_declaration(lhs: str, rhs: str) -> None:
    [(status, _)] = _verdicts(_display(DECLARED, lhs, rhs))
    assert status == "verified"


@pytest.mark.parametrize("prose", [
    r"Let $A$ and $B$ be diagonal matrices.",
    r"Let $A$ be a matrix and $B$ a number.",  # a sentence that also speaks of numbers states nothing
    r"Let $C$ and $D$ be $n \times n$ matrices.",  # other letters
])
def test_commuting_or_other_letters_leave_a_product_verified(prose: str) -> None:
    [(status, _)] = _verdicts(_display(prose, r"AB", r"BA"))
    assert status == "verified"


def test_a_later_sentence_of_diagonal_matrices_overrides_the_declaration() -> None:
    body = _display(DECLARED, r"(AB)^2", r"A^2 B^2") + _display(r"Now let $A$ and $B$ be diagonal matrices.",
                                                                    r"AB", r"BA")
    assert [status for status, _ in _verdicts(body)] == ["refuted", "verified"]
