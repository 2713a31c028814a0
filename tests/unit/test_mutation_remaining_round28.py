"""A line undefined wherever the line before is defined (\\log of a negative quantity where \\exp was
meant): refuted when one small written edit makes the step hold, as the slip it is; left unverified
when no such edit does, or when the left side is undefined there too (a step about negative letters)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import UNDEFINED_AT_SAMPLES, UNDEFINED_REPAIRED, check_step


@pytest.mark.parametrize("lhs, rhs, suggestion", [
    ("e^{-(u-v)^2/2}", "\\log\\left(-(u-v)^2/2\\right)", "\\exp\\left(-(u-v)^2/2\\right)"),
    ("\\exp(-a^2 b)", "\\ln(-a^2 b)", "\\exp(-a^2 b)"),
])
def test_a_function_swapped_into_an_undefined_line_is_refuted_with_its_repair(lhs: str, rhs: str,
                                                                             suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.reason == UNDEFINED_REPAIRED
    assert verdict.counterexample  # the point at which the left side is defined and the line is not
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "wrong_function"
    assert verdict.diagnosis.suggestion == suggestion


@pytest.mark.parametrize("lhs, rhs", [
    # no small edit repairs it: a line undefined at the samples is no evidence by itself
    ("\\frac{1}{t}", "\\sqrt{-t^2 - 1}"),
    # the left side is undefined at the samples too: a step about negative letters, right there
    ("\\sqrt{-x}\\,\\sqrt{-x}", "\\log(-x) - \\log(-x) - x"),
])
def test_an_undefined_line_without_a_repair_or_a_defined_left_side_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value != "refuted"


def test_a_function_defined_elsewhere_is_not_edited_into_a_refutation() -> None:
    # the right side applies g, a function defined elsewhere: the step rests on what g is
    verdict = check_step("e^{-s}", "g(-s)", "=")
    assert verdict.status.value != "refuted"


def test_in_a_document_the_slip_is_an_lm107_finding_with_the_authors_line_repaired() -> None:
    body = ("The density of the shifted sample is\n\\begin{align*}\n"
            "p &= \\frac{1}{2} e^{-(w - m)^2} \\\\\n"
            "  &= \\frac{1}{2} \\log\\left(-(w - m)^2\\right)\n\\end{align*}\n")
    steps = checked_steps(body)
    assert [s.verdict.status.value for s in steps] == ["unverified", "refuted"]  # (p is the prose's)
    diagnosis = steps[-1].verdict.diagnosis
    assert diagnosis is not None and diagnosis.kind == "wrong_function"
    assert diagnosis.suggestion.replace(" ", "") == "\\frac{1}{2}\\exp\\left(-(w-m)^2\\right)"


def test_the_reason_of_an_undefined_step_is_kept_when_nothing_repairs_it() -> None:
    assert check_step("\\frac{1}{t}", "\\sqrt{-t^2 - 1}", "=").reason == UNDEFINED_AT_SAMPLES


def test_letters_the_prose_bounds_are_not_sampled_into_a_refutation() -> None:
    body = ("Throughout, $w < 0$ and $m < 0$.\n\\begin{align*}\n"
            "p &= \\frac{1}{2} e^{-(w - m)^2} \\\\\n"
            "  &= \\frac{1}{2} \\log\\left(-(w - m)^2\\right)\n\\end{align*}\n")
    assert "refuted" not in [s.verdict.status.value for s in checked_steps(body)]
