"""False-alarm review of round 28's late refutations: a line undefined on the (positive) samples that is the
author's identity where the prose says its letters are negative (\\ln|T| = \\ln(-T) of a temperature below
zero), and money beside a computation in a scale the prose gives (prices in cents), a power of ten apart."""
from __future__ import annotations

import pytest

from documents import checked_steps, display


def _status(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("Here the temperature $T$ is negative, in degrees Celsius below zero.", "\\ln|T|", "\\ln(-T)"),
    ("The work $W$ done on the gas is negative.", "\\log_{10}|W|", "\\log_{10}(-W)"),
    ("For negative $u$ we have", "\\ln(u^2)", "2\\ln(-u)"),
])
def test_a_line_that_holds_where_its_letters_are_negative_is_not_refuted(prose: str, lhs: str, rhs: str) -> None:
    assert _status(display(prose, lhs, rhs))[f"{lhs} = {rhs}"] != "refuted"


def test_a_line_undefined_everywhere_the_left_side_is_is_still_refuted() -> None:
    # \ln(-x) against \ln x agrees at no point of either sign where both are defined: a slip still
    body = display("For the decay,", "\\ln(x^2)", "2\\ln(-x) + 1")
    assert _status(body)["\\ln(x^2) = 2\\ln(-x) + 1"] != "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("Prices are in cents: a pencil costs 45 cents, so three cost", "3\\times 45", "\\$1.35"),
    ("Costs are in thousands of dollars; the three machines cost", "3\\times 12.5", "\\$37{,}500"),
])
def test_money_a_power_of_ten_from_its_computation_is_not_refuted(prose: str, lhs: str, rhs: str) -> None:
    assert _status(display(prose, lhs, rhs))[f"{lhs} = {rhs}"] != "refuted"


def test_money_beside_a_computation_that_slipped_is_still_refuted() -> None:
    body = display("Three shirts at \\$4.99 each cost", "3\\times 4.99", "\\$14.79")
    assert _status(body)["3\\times 4.99 = \\$14.79"] == "refuted"


def test_money_beside_its_computation_still_verifies() -> None:
    body = display("Three shirts at \\$4.99 each cost", "3\\times 4.99", "\\$14.97")
    assert _status(body)["3\\times 4.99 = \\$14.97"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("The pulse pressure, from 120/80 mmHg, is", "120 - 80", "5.33\\,\\mathrm{kPa}"),
    ("The standard atmosphere, 760 mmHg, is", "760", "101.3\\,\\mathrm{kPa}"),
])
def test_a_line_in_a_customary_unit_beside_an_si_result_is_not_refuted(prose: str, lhs: str, rhs: str) -> None:
    # 40 mmHg is 5.33 kPa: 7.5 apart, as a slip by 15/2 would be; the prose's unit is converted silently
    assert _status(display(prose, lhs, rhs))[f"{lhs} = {rhs}"] != "refuted"


def test_a_line_off_by_a_simple_factor_beside_its_si_result_is_still_refuted() -> None:
    body = display("The bending stress is", "\\frac{6\\times 45\\times10^6}{100\\times 300^2}", "15.0\\,\\mathrm{MPa}")
    assert _status(body)["\\frac{6\\times 45\\times10^6}{100\\times 300^2} = 15.0\\,\\mathrm{MPa}"] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\sqrt{c^2 r^2}", "-c r"),
    ("\\sqrt{\\frac{r^2}{c^2}}", "-\\frac{r}{c}"),
])
def test_a_root_that_holds_with_one_letter_negative_is_a_domain_question(lhs: str, rhs: str) -> None:
    body = display("The cash flow $c$ is negative (an outflow) and the rate $r$ is positive.", lhs, rhs)
    assert _status(body)[f"{lhs} = {rhs}"] == "unverified"


def test_a_slip_read_in_another_reading_is_not_excused_by_letters_of_mixed_sign() -> None:
    # the default reading cannot build y - w^T x (w a number), the vector reading can: the sign patterns are
    # tried there, where the exponent slip fails at every point whose log arguments stay positive
    from lintmath.check import check_step

    lhs = r"\sum_{i=1}^{n}\log\left[\frac{1}{\sigma\sqrt{2\pi}}\exp\left(-\frac{(y_{i}-w^{T}x_{i})^{2}}{2\sigma^{2}}\right)\right]"
    rhs = r"\sum_{i=1}^{n}\log\left[\frac{1}{\sigma\sqrt{2\pi}}\right]+\sum_{i=1}^{n}\left(-\frac{(y_{i}-w^{T}x_{i})^{2}}{2\sigma^{4}}\right)"
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_a_density_whose_sign_a_negative_sigma_would_restore_through_a_log_is_refuted() -> None:
    # e^{-\log\sigma} is -1/\sigma for a negative sigma only by a branch of the log: no region for the identity
    from lintmath.check import check_step

    lhs = r"\frac{1}{\sigma\sqrt{2\pi}}\exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)"
    rhs = (r"-\frac{1}{\sqrt{2\pi}}\exp\left(\frac{\mu}{\sigma^2}x - \frac{1}{2\sigma^2}x^2"
           r" - \frac{1}{2\sigma^2}\mu^2 - \log(\sigma)\right)")
    assert check_step(lhs, rhs, "=").status.value == "refuted"
