"""Actuarial notes: pi as the document's premium letter (named in the prose or defined in a display),
and money written with thousands grouped by {,}."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


PREMIUM_VALUES = "\\begin{align*}\n12\\pi &= 0.38\\\\\n500\\pi &= 15.83\n\\end{align*}\n"


@pytest.mark.parametrize("prose", [
    "Let $\\pi$ denote the level annual premium of a term insurance on $(40)$.",
    "We write $\\pi$ for the net premium, payable yearly in advance.",
    "Here $\\pi$ stands for the premium rate per unit sum insured.",
    "Denote by $\\pi$ the annual premium and by $G$ the gross premium.",
])
def test_pi_named_as_a_premium_in_the_prose_is_a_letter_not_the_constant(prose: str) -> None:
    statuses = _statuses(prose + "\n" + PREMIUM_VALUES)
    assert statuses["12\\pi = 0.38"] == "unverified"
    assert statuses["500\\pi = 15.83"] == "unverified"


def test_pi_defined_by_a_displayed_equivalence_principle_is_a_letter() -> None:
    body = ("By the equivalence principle,\n\\begin{align*}\n\\pi &= \\frac{A_{40}}{\\ddot{a}_{40}}\n"
            "\\end{align*}\nWith the table values,\n\\[ 250\\pi = 3.75 . \\]\n")
    assert _statuses(body)["250\\pi = 3.75"] == "unverified"


@pytest.mark.parametrize("prose", [
    "Here $\\pi$ denotes the ratio of a circle's circumference to its diameter.",
    "Recall that $e$ denotes the base of the natural logarithm.",
    "The constant $\\pi$ appears below.",
])
def test_the_constant_named_as_itself_stays_the_constant(prose: str) -> None:
    body = prose + "\n\\begin{align*}\n2\\pi &= 6.1\\\\\n e^{2} &= 7.3\n\\end{align*}\n"
    statuses = _statuses(body)
    assert statuses["2\\pi = 6.1"] == "refuted"
    assert statuses["e^{2} = 7.3"] == "refuted"


def test_a_wrong_step_with_the_premium_letter_is_still_refuted_by_its_value() -> None:
    # the prose gives pi a value: a step that fails with that value fails under every reading
    body = ("The premium is $\\pi = 0.02$.\n\\begin{align*}\n1000\\pi &= 25\n\\end{align*}\n")
    assert _statuses(body)["1000\\pi = 25"] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"2{,}000(1.04)^{2}", r"2{,}163.20"),
    (r"3{,}250.50 - 1{,}200.25", r"2050.25"),
    (r"4{,}000 \times 0.035", r"140"),
    (r"2{,}500{,}000 \times 0.02", r"50000"),
    (r"7{,}500 / 1.06", r"7{,}075.47"),
    (r"1,200,000 \times 0.5", r"600000"),
])
def test_thousands_grouped_by_commas_are_read_as_money(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"2{,}000(1.04)^{2}", r"2{,}136.20"),
    (r"4{,}000 \times 0.035", r"1400"),
])
def test_a_slip_in_grouped_money_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"3{,}250 \cdot 2", r"6{,}5"),       # a decimal comma (3.25 times 2), as European notes write it
    (r"1,000 \times 4", r"4000"),          # a lone plain comma may be a list: undecided as before
])
def test_commas_that_may_be_decimal_commas_are_not_read_as_thousands(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"i - d", r"id"),
    (r"\frac{d}{v}", r"i"),
    (r"i v", r"1 - v"),
    (r"i^{(m)} - d^{(m)}", r"\frac{i^{(m)}d^{(m)}}{m}"),
    (r"i^{(4)} - d^{(4)}", r"\frac{i^{(4)}d^{(4)}}{4}"),
    (r"\frac{i^{(2)}}{d^{(2)}}", r"(1+i)^{1/2}"),
    (r"e^{\delta}", r"1 + i"),
])
def test_interest_identities_of_undefined_rates_are_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value != "refuted"


def test_the_interest_reading_is_named_in_the_reason() -> None:
    verdict = check_step(r"i^{(m)} - d^{(m)}", r"\frac{i^{(m)}d^{(m)}}{m}", "=")
    assert verdict.status.value == "unverified"
    assert "theory of interest" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"i - d", r"2id"),                                           # a factor 2
    (r"i + d", r"id"),                                            # a sign
    (r"i^{(m)} - d^{(m)}", r"\frac{i^{(m)}d^{(m)}}{2m}"),
    (r"i^{(2)} - d^{(2)}", r"i^{(2)}d^{(2)}"),                    # a dropped factor 1/2
    (r"x - y", r"xy"),                                            # other letters: no interest reading
])
def test_interest_slips_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
