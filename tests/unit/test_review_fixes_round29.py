"""Fixes from the merge review of round 29: a rounding tie is a tie of the value's own digits (relative,
to float precision), and components on the axes (\\tau_{xx}) are no trace of the summation convention."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    ("\\pi (2.5\\times 10^{-3})^2", "1.963\\times 10^{-5}"),   # 1.96350e-5: no tie at this scale
    ("\\frac{3}{8}\\times 10^{-6}", "0.38\\times 10^{-6}"),
    ("\\frac{7499}{10000}", "0.7"),                            # just below the tie: rounds to 0.7
])
def test_small_results_rounded_correctly_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{3}{4}", "0.7"),                  # a tie rounded down to an odd digit
    ("\\frac{3}{4}\\times 10^{-5}", "0.7\\times 10^{-5}"),
])
def test_a_tie_rounded_down_to_an_odd_digit_stays_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


PLANE_STRESS = ("\\begin{align*}\n\\tau_{xx} &= \\frac{Y}{1 - \\mu^2}\\left(e_{xx} + \\mu e_{yy}\\right), \\\\\n"
                "\\tau_{yy} &= \\frac{Y}{1 - \\mu^2}\\left(e_{yy} + \\mu e_{xx}\\right).\n\\end{align*}\n"
                "\\begin{align*}\n\\tau_{xx} - \\tau_{yy} &= %s\n\\end{align*}\n")


@pytest.mark.parametrize("rhs, status", [
    ("\\frac{Y}{1 + \\mu}\\left(e_{xx} - e_{yy}\\right)", "verified"),
    ("\\frac{Y}{1 + \\mu}\\left(e_{xx} + e_{yy}\\right)", "refuted"),  # a sign slip: xx is no trace
])
def test_components_on_the_axes_are_not_summed(rhs: str, status: str) -> None:
    steps = checked_steps(PLANE_STRESS % rhs)
    assert steps[-1].verdict.status.value == status


def test_a_relation_of_a_letter_times_a_bracket_is_no_definition_at_an_expression() -> None:
    # s(1 + v) = 1 states that s times (1 + v) is 1 (the value writes no v): not s defined along 1 + v
    steps = checked_steps("The walk has $s(1 + v) = 1$ by construction. Hence\n"
                          "\\begin{align*}\n1 - s v^{m}(v + 1) &= 1 - v^m\n\\end{align*}\n")
    assert steps[-1].verdict.status.value == "unverified"


def test_a_bracket_that_writes_the_function_itself_is_a_factor() -> None:
    # p(1 - p) beside p(\eta) defined in the prose: the value times one minus it
    steps = checked_steps("Let $p(\\eta) = \\frac{1}{1 + e^{-\\eta}}$.\n\n"
                          "\\begin{align*}\n\\frac{dp}{d\\eta} &= p(1 - p)\n\\end{align*}\n")
    assert steps[-1].verdict.status.value == "verified"


def test_a_bare_pi_the_prose_applies_as_a_function_is_not_the_number() -> None:
    # \pi(\eta) defined as the logistic function: \pi(1 - \pi) is its value times one minus it, never
    # refuted with pi = 3.14159
    steps = checked_steps("Let $\\pi(\\eta) = \\frac{1}{1 + e^{-\\eta}}$.\n\n"
                          "\\begin{align*}\n\\frac{d\\pi}{d\\eta} &= \\pi(1 - \\pi)\n\\end{align*}\n")
    assert steps[-1].verdict.status.value != "refuted"
