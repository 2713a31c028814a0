"""Least squares, analysis of variance and orthogonal projections: the cross term of the decomposition of
the total sum of squares, ``2\\sum_i (y_i - \\hat y_i)(\\hat y_i - \\bar y)``, is an inner product written entry
by entry, which the orthogonality of residual and fit drops (left to the prose, never refuted); and the
residual's squared length of a fit written with the fit's moved across, ``\\|y - \\hat y\\|^2 = \\|y\\|^2 -
\\|\\hat y\\|^2``, is Pythagoras as well. Slips beside them stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step

MEANS = ("Let $\\bar y = \\frac{1}{n}\\sum_{i=1}^n y_i$ and $\\bar x = \\frac{1}{n}\\sum_{i=1}^n x_i$; the residuals "
         "$y_i - \\hat y_i$ of the least-squares fit are orthogonal to the fitted values.")
EXPANDED = ("\\sum_{i=1}^n (y_i - \\hat y_i)^2 + 2\\sum_{i=1}^n (y_i - \\hat y_i)(\\hat y_i - \\bar y) "
            "+ \\sum_{i=1}^n (\\hat y_i - \\bar y)^2")


def _verdict(lhs: str, rhs: str, prose: str = MEANS) -> tuple[str, str]:
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    (step,) = checked_steps(body)
    return step.verdict.status.value, step.verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (EXPANDED, "\\sum_{i=1}^n (y_i - \\hat y_i)^2 + \\sum_{i=1}^n (\\hat y_i - \\bar y)^2"),
    ("\\sum_{k} a_k^2 + 2\\sum_{k} a_k b_k + \\sum_{k} b_k^2", "\\sum_{k} a_k^2 + \\sum_{k} b_k^2"),
])
def test_a_dropped_cross_term_written_as_a_sum_of_products_is_left_to_the_prose(lhs: str, rhs: str) -> None:
    status, reason = _verdict(lhs, rhs)
    assert status == "unverified"
    assert "orthogonal" in reason


@pytest.mark.parametrize("lhs, rhs", [
    (EXPANDED, "\\sum_{i=1}^n (y_i - \\hat y_i)^2 - \\sum_{i=1}^n (\\hat y_i - \\bar y)^2"),
    (EXPANDED, "2\\sum_{i=1}^n (y_i - \\hat y_i)^2 + \\sum_{i=1}^n (\\hat y_i - \\bar y)^2"),
    # the cross term kept without its 2 is no orthogonality
    ("\\sum_{i=1}^n (y_i - \\hat y_i + \\hat y_i - \\bar y)^2",
     "\\sum_{i=1}^n (y_i - \\hat y_i)^2 + \\sum_{i=1}^n (y_i - \\hat y_i)(\\hat y_i - \\bar y) "
     "+ \\sum_{i=1}^n (\\hat y_i - \\bar y)^2"),
    # a sum whose second factor does not run with the index is no inner product of two vectors
    ("\\sum_{i=1}^n x_i^2 + 2\\sum_{i=1}^n x_i \\bar x", "\\sum_{i=1}^n x_i^2"),
    ("\\sum_{i=1}^n x_i^2 + 2\\sum_{i=1}^n x_i", "\\sum_{i=1}^n x_i^2"),
])
def test_slips_beside_the_sum_of_squares_decomposition_stay_refuted(lhs: str, rhs: str) -> None:
    assert _verdict(lhs, rhs)[0] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|y - \\hat y\\|^2", "\\|y\\|^2 - \\|\\hat y\\|^2"),
    ("\\|u - v\\|^2", "\\|u\\|^2 - \\|v\\|^2"),
    ("\\|y\\|^2 - \\|y - \\hat y\\|^2", "\\|\\hat y\\|^2"),
])
def test_a_residual_length_with_the_fit_moved_across_is_left_to_the_prose(lhs: str, rhs: str) -> None:
    # the prose says residual and fit are orthogonal; without it the step is refuted (see
    # test_review_wave2_round29.py)
    status, reason = _verdict(lhs, rhs)
    assert status == "unverified"
    assert "orthogonal" in reason


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|u + v\\|^2", "\\|u\\|^2 - \\|v\\|^2"),      # legs u + v and v: u + v is no u less v
    ("\\|y - \\hat y\\|^2", "\\|\\hat y\\|^2 - \\|y\\|^2"),  # the sign of the whole side
    ("\\|u - v\\|^2", "\\|v\\|^2 - \\|u\\|^2"),
    ("\\|u + v\\|^2 + \\|u - v\\|^2", "\\|u\\|^2 + \\|v\\|^2"),
    ("\\|u + v\\|^2 - \\|u - v\\|^2", "2u^\\top v"),
    ("\\left\\|\\frac{u^\\top v}{u^\\top u}u\\right\\|^2", "\\frac{(u^\\top v)^2}{(u^\\top u)^2}"),
    ("\\left\\|v - \\frac{u^\\top v}{u^\\top u}u\\right\\|^2", "\\|v\\|^2 + \\frac{(u^\\top v)^2}{u^\\top u}"),
])
def test_slips_about_projections_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|v\\|^2", "\\left\\|\\frac{u^\\top v}{u^\\top u}u\\right\\|^2 + \\left\\|v - \\frac{u^\\top v}{u^\\top u}u\\right\\|^2"),
    ("\\left\\|v - \\frac{u^\\top v}{u^\\top u}u\\right\\|^2", "\\|v\\|^2 - \\frac{(u^\\top v)^2}{u^\\top u}"),
    ("\\|u + v\\|^2 - \\|u - v\\|^2", "4u^\\top v"),
    ("X(X^\\top X)^{-1}X^\\top X(X^\\top X)^{-1}X^\\top", "X(X^\\top X)^{-1}X^\\top"),
    ("(X^\\top X)^{-1}X^\\top (X\\beta + \\varepsilon) - \\beta", "(X^\\top X)^{-1}X^\\top \\varepsilon"),
    ("\\frac{\\sum_{i=1}^n (x_i - \\bar x)(y_i - \\bar y)}{\\sum_{i=1}^n (x_i - \\bar x)^2}",
     "\\frac{\\sum_{i=1}^n x_i y_i - n\\bar x\\bar y}{\\sum_{i=1}^n x_i^2 - n\\bar x^2}"),
])
def test_projection_and_least_squares_identities_verify(lhs: str, rhs: str) -> None:
    assert _verdict(lhs, rhs)[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{3.6/1}{2.4/3}", "1.5"),
    ("\\frac{1}{50}\\begin{pmatrix} 55 & -15 \\\\ -15 & 5 \\end{pmatrix}\\begin{pmatrix} 20 \\\\ 66 \\end{pmatrix}",
     "\\frac{1}{50}\\begin{pmatrix} 110 \\\\ 40 \\end{pmatrix}"),
    ("\\frac{R^2/p}{(1 - R^2)/(n - p - 1)}", "\\frac{(n - p - 1)R^2}{p(1 + R^2)}"),
    ("(X^\\top X)^{-1}X^\\top (X\\beta + \\varepsilon) - \\beta", "(X^\\top X)^{-1}X^\\top \\varepsilon + \\beta"),
])
def test_slips_of_worked_regression_examples_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("1 - \\frac{\\text{SSE}}{\\text{SST}}", "\\frac{\\text{SST} - \\text{SSE}}{\\text{SST}}"),
    ("\\frac{\\text{SSR}/p}{\\text{SSE}/(n - p - 1)}", "\\frac{(n - p - 1)\\text{SSR}}{p\\,\\text{SSE}}"),
    ("\\frac{\\text{SSB}/(k - 1)}{\\text{SSW}/(N - k)}", "\\frac{(N - k)\\,\\text{SSB}}{(k - 1)\\,\\text{SSW}}"),
])
def test_sums_of_squares_named_in_text_capitals_are_read(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("1 - \\frac{\\text{SSE}}{\\text{SST}}", "\\frac{\\text{SST} + \\text{SSE}}{\\text{SST}}"),
    ("\\frac{\\text{SSR}/p}{\\text{SSE}/(n - p - 1)}", "\\frac{(n - p)\\text{SSR}}{p\\,\\text{SSE}}"),
])
def test_slips_with_sums_of_squares_in_text_capitals_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("2\\,\\text{MB}", "2048\\,\\text{KB}"),        # after a number: a unit or magnitude, as before
    ("\\lim_{x \\to 0} \\frac{1}{x}", "\\text{DNE}"),  # an outcome in words
    ("\\text{S S E}", "\\text{S S E}"),             # capitals spaced apart are no one name
])
def test_capitals_that_name_no_quantity_stay_unread(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value not in ("verified", "refuted")
