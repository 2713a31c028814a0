"""Precalculus and college-algebra worked solutions: a whole number before a fraction written with bare
digits (2\\frac12) or through a user macro reads as a mixed number too, and a colon between quantities
(6 : 3, \\frac34 : \\frac12) is a ratio or a division, never a note that cuts the side short. Correct
steps stay unrefuted; slips that are wrong in every reading stay refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro

MIXED = {"\\mixed": Macro(name="\\mixed", nargs=3, body="#1\\tfrac{#2}{#3}")}


@pytest.mark.parametrize("lhs, rhs", [
    (r"3\frac12", r"\frac72"),
    (r"1\frac 34 + 2\frac14", r"4"),
    (r"\frac{11}{4}", r"2\frac34"),
])
def test_bare_digit_mixed_numbers_are_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


def test_mixed_number_through_a_macro_is_not_refuted() -> None:
    assert check_step(r"\mixed{2}{1}{4} \times 4", r"9", "=", macros=MIXED).status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs, macros", [
    (r"3\frac12", r"4", None),  # neither 3/2 nor 7/2
    (r"\mixed{2}{1}{4} \times 4", r"10", MIXED),  # neither 2 nor 9
])
def test_mixed_number_slips_stay_refuted(lhs: str, rhs: str, macros) -> None:
    assert check_step(lhs, rhs, "=", macros=macros).status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"15 : 5", r"3"),
    (r"10:4", r"5:2"),
    (r"\frac{2}{3} : \frac{1}{6}", r"4"),
    (r"8 : (2+2)", r"2"),
])
def test_colon_between_quantities_is_not_cut_as_a_note(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"2x + 2", r"2(x+1) : \text{factor out } 2"),  # a note after a colon still cuts
    (r"\frac{x^2-1}{x-1}", r"x + 1"),
    (r"x^{-2/3}", r"\frac{1}{\sqrt[3]{x^2}}"),
    (r"\frac{1}{\sqrt 3 - 1}", r"\frac{\sqrt 3 + 1}{2}"),
    (r"\log_2 8", r"3"),
    (r"(2+3i)(1-i)", r"5 + i"),
])
def test_tutorial_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"(2+3i)(1-i)", r"5 - i"),
    (r"x^3 - 8", r"(x-2)(x^2 - 2x + 4)"),
    (r"\frac{1}{\sqrt 3 - 1}", r"\frac{\sqrt 3 - 1}{2}"),
])
def test_tutorial_slips_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
