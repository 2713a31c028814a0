"""Wrong steps that verified through a loose reading (red team, round 24): functions that turn on signs
inside an expectation, whose random outcomes were all sampled positive (E[|X|] = |E[X]|); a Greek capital
between a matrix and its inverse read as a number ((Q\\Lambda Q^{-1})^{-1} = Q^{-1}\\Lambda^{-1}Q); a
conventionally symmetric name used as a change of basis around another matrix (M\\Sigma M^T) made
symmetric; and the quadratic form of a bracket, (y - X\\beta)^T W (y - X\\beta), read as numbers."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.sides import parse_step


# -- functions of signs inside an expectation ---------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}[|X|]", r"|\mathbb{E}[X]|"),
    (r"E[|X|]", r"|E[X]|"),
    (r"\mathbb{E}[|X|]", r"\mathbb{E}[X]"),
    (r"\mathbb{E}[\max(X, 0)]", r"\max(\mathbb{E}[X], 0)"),
    (r"\mathbb{E}[\max(0, X)]", r"\mathbb{E}[X]"),
    (r"\mathbb{E}[\operatorname{ReLU}(X)]", r"\mathbb{E}[X]"),
    (r"\operatorname{Var}(|X|)", r"\operatorname{Var}(X)"),
    (r"\mathbb{E}[\operatorname{sign}(X)]", r"1"),
    # X#k and Y#k sit four letters apart: the alternating signs gave them the same sign at every point
    (r"\mathbb{E}[|X + Y|]", r"\mathbb{E}[|X|] + \mathbb{E}[|Y|]"),
])
def test_a_sign_function_of_a_random_variable_that_holds_only_for_positive_outcomes_is_unverified(
        lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "negative" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}[|X|^2]", r"\mathbb{E}[X]^2 + \operatorname{Var}(X)"),
    (r"\mathbb{E}[|2X|]", r"2\mathbb{E}[|X|]"),
    (r"\mathbb{E}[\max(X, 0)] - \mathbb{E}[\max(-X, 0)]", r"\mathbb{E}[X]"),
    (r"\mathbb{E}[\max(X, 0) + \max(-X, 0)]", r"\mathbb{E}[|X|]"),
    (r"\operatorname{Var}(|X|)", r"\mathbb{E}[X^2] - \mathbb{E}[|X|]^2"),
    (r"\mathbb{E}[|X - Y|]", r"\mathbb{E}[|Y - X|]"),
])
def test_sign_functions_of_random_variables_that_hold_for_every_outcome_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


# -- a Greek capital between a matrix and its inverse -------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"(Q\Lambda Q^{-1})^{-1}", r"Q^{-1}\Lambda^{-1}Q"),  # the inverse of a product keeps its order
    (r"(P^{-1}\Lambda P)^{-1}", r"P\Lambda^{-1}P^{-1}"),
    (r"(U\Omega U^{-1})^{2}", r"U^{2}\Omega^{2}U^{-2}"),
])
def test_a_similarity_slip_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"(Q\Lambda Q^{-1})^{-1}", r"Q\Lambda^{-1}Q^{-1}"),
    (r"(P^{-1}\Lambda P)^{-1}", r"P^{-1}\Lambda^{-1}P"),
    (r"(Q\Lambda Q^{-1})^{2}", r"Q\Lambda^{2}Q^{-1}"),
    (r"\det(Q\Lambda Q^{-1})", r"\det\Lambda"),
    (r"\operatorname{tr}(Q\Lambda Q^{-1})", r"\operatorname{tr}\Lambda"),
])
def test_similarity_identities_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_the_capital_between_a_matrix_and_its_inverse_is_a_matrix() -> None:
    letters = parse_step(r"(Q\Lambda Q^{-1})^{-1}", r"Q^{-1}\Lambda^{-1}Q", {}).letters
    assert {"Q", "\\Lambda"} <= letters.matrices


# -- a symmetric name used as a change of basis -------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"(M\Sigma M^\top)^{-1}", r"M^{-1}\Sigma^{-1}M^{-\top}"),  # the transposes swapped: M is no mass matrix
    (r"(S\Lambda S^\top)^{-1}", r"S^{-1}\Lambda^{-1}S^{-\top}"),
])
def test_a_conventionally_symmetric_name_around_another_matrix_is_not_made_symmetric(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"(M\Sigma M^\top)^{-1}", r"M^{-\top}\Sigma^{-1}M^{-1}"),
    (r"(M\Sigma M^\top)^\top", r"M\Sigma M^\top"),  # the middle one's symmetry is still the convention
    (r"\mathbf{x}^\top M\Sigma M^\top\mathbf{x}", r"\|\Sigma^{1/2}M^\top\mathbf{x}\|^2"),
    (r"\nabla_{\mathbf{x}}\mathbf{x}^\top M\mathbf{x}", r"2M\mathbf{x}"),  # M alone: a mass matrix, as before
])
def test_steps_with_a_change_of_basis_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_the_ends_of_a_sandwich_are_transforms() -> None:
    letters = parse_step(r"(M\Sigma M^\top)^{-1}", r"M^{-\top}\Sigma^{-1}M^{-1}", {}).letters
    assert letters.transforms == {"M"}


# -- the quadratic form of a bracket ------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    # the gradient of a weighted least squares loss is -X^T (W + W^T)(y - X\beta)
    (r"\nabla_{\beta} (y - X\beta)^\top W (y - X\beta)", r"-2X^\top W(y - X\beta)"),
    (r"\nabla_{\beta} (y - X\beta)^\top W (y - X\beta)", r"-2X W(y - X\beta)"),
    (r"\nabla_{\mu} (x - \mu)^\top A (x - \mu)", r"-2A(x - \mu)"),
])
def test_a_gradient_of_a_bracketed_quadratic_form_that_needs_a_symmetric_middle_is_not_verified(
        lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


def test_an_expansion_that_needs_a_symmetric_middle_says_so() -> None:
    verdict = check_step(r"(y - X\beta)^\top W (y - X\beta)",
                         r"y^\top W y - 2\beta^\top X^\top W y + \beta^\top X^\top W X\beta", "=")
    assert verdict.status is Status.UNVERIFIED and "W is symmetric" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\nabla_{\beta} (y - X\beta)^\top W (y - X\beta)", r"-X^\top (W + W^\top)(y - X\beta)"),
    (r"\nabla_{\mu} (x - \mu)^\top A (x - \mu)", r"-(A + A^\top)(x - \mu)"),
    (r"(y - X\beta)^\top W (y - X\beta)", r"(y - X\beta)^\top W^\top (y - X\beta)"),
    (r"(y - X\beta)^\top W (y - X\beta)",
     r"y^\top W y - \beta^\top X^\top W y - y^\top W X \beta + \beta^\top X^\top W X\beta"),
    (r"(x - \mu)^\top \Sigma^{-1} (x - \mu)", r"x^\top\Sigma^{-1}x - 2\mu^\top\Sigma^{-1}x + \mu^\top\Sigma^{-1}\mu"),
])
def test_bracketed_quadratic_forms_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_the_middle_of_a_bracketed_quadratic_form_is_a_matrix() -> None:
    letters = parse_step(r"(y - X\beta)^\top W (y - X\beta)", r"0", {}).letters
    assert "W" in letters.matrices and "y" in letters.vectors


def test_a_gaussian_exponent_written_with_plain_letters_is_a_number() -> None:
    # round 18 left this unverified, the exponent misread as a matrix (x and \mu numbers, \Sigma^{-1} a
    # matrix); read as the quadratic form it is, the factor sqrt 2 is a slip whatever the exponent is
    verdict = check_step(r"\exp\left(-\frac12(x-\mu)^T\Sigma^{-1}(x-\mu)\right)",
                         r"\sqrt{2}\exp\left(-\frac12(x-\mu)^T\Sigma^{-1}(x-\mu)\right)", "=")
    assert verdict.status is Status.REFUTED
    assert check_step(r"\exp\left(-\frac12(x-\mu)^T\Sigma^{-1}(x-\mu)\right)",
                      r"\exp\left(-\frac12 x^T\Sigma^{-1}x + \mu^T\Sigma^{-1}x - \frac12\mu^T\Sigma^{-1}\mu\right)",
                      "=").status is Status.VERIFIED
