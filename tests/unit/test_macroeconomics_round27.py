"""Macroeconomics and growth notes: elasticities written as derivatives of a log with respect to a log
(\\partial \\ln Y / \\partial \\ln K), read by the chain rule in the logged letter; a slash inside a partial
derivative's operand (\\partial (MV/P)) is the operand's own division, not a slashed derivative; and the
Solow, multiplier, annuity and Euler-equation steps of such notes, with their slips."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


COBB_DOUGLAS = r"\ln (A K^\alpha L^{1-\alpha})"


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\frac{{\partial {COBB_DOUGLAS}}}{{\partial \ln K}}", r"\alpha"),
    (rf"\frac{{\partial {COBB_DOUGLAS}}}{{\partial \ln L}}", r"1-\alpha"),
    (r"\frac{d \ln (a P^{-\epsilon})}{d \ln P}", r"-\epsilon"),
    (r"\frac{\partial (K^a L^b)}{\partial \ln K}", r"a K^a L^b"),
    (r"\frac{d}{d \ln x} e^{x}", r"x e^x"),
    (r"\frac{d \ln x}{d \ln x}", "1"),
])
def test_a_derivative_with_respect_to_a_log_is_the_chain_rule_in_its_letter(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\frac{{\partial {COBB_DOUGLAS}}}{{\partial \ln K}}", r"1-\alpha"),  # the shares swapped
    (rf"\frac{{\partial {COBB_DOUGLAS}}}{{\partial \ln K}}", r"\alpha K"),  # the K of the chain rule kept
    (r"\frac{d \ln (a P^{-\epsilon})}{d \ln P}", r"\epsilon"),  # the sign of the elasticity
    (r"\frac{d (x^2)}{d \ln x}", r"x^2"),  # the factor 2 of the power
])
def test_a_slip_in_an_elasticity_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_derivative_with_respect_to_a_power_of_a_letter_written_elsewhere_stays_open() -> None:
    # d/d(x^2) of x^3 depends on which root x is of x^2: no chain rule is taken there
    assert _status(r"\frac{d (x^3)}{d (x^2)}", r"\frac{3}{2} x") == "unverified"


PRODUCTION = "The production function is\n\\begin{equation}\nY = A K^\\alpha L^{1-\\alpha}.\n\\end{equation}\n"


def test_the_log_of_a_defined_letter_differentiated_asks_for_its_definition() -> None:
    body = PRODUCTION + ("The elasticities of output are\n\\begin{align*}\n"
                         "\\frac{\\partial \\ln Y}{\\partial \\ln K} &= \\alpha\n\\end{align*}\n"
                         "and\n\\begin{align*}\n\\frac{\\partial \\ln Y}{\\partial \\ln L} &= \\alpha\n\\end{align*}\n"
                         "while\n\\begin{align*}\n\\frac{\\partial \\ln Y}{\\partial K} &= \\frac{\\alpha}{K}\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["\\frac{\\partial \\ln Y}{\\partial \\ln K} = \\alpha"] == "verified"
    assert statuses["\\frac{\\partial \\ln Y}{\\partial \\ln L} = \\alpha"] == "refuted"
    assert statuses["\\frac{\\partial \\ln Y}{\\partial K} = \\frac{\\alpha}{K}"] == "verified"


def test_an_elasticity_verifies_by_a_value_the_prose_states() -> None:
    body = ("Take the Cobb-Douglas technology $Y = A K^\\alpha L^{1-\\alpha}$ with $0 < \\alpha < 1$.\n"
            "\\begin{align*}\n\\frac{\\partial \\ln Y}{\\partial \\ln K} &= \\alpha\n\\end{align*}\n")
    assert _statuses(body)["\\frac{\\partial \\ln Y}{\\partial \\ln K} = \\alpha"] == "verified"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{\partial (MV/P)}{\partial P}", r"-\frac{MV}{P^2}", "verified"),
    (r"\frac{\partial \ln (MV/P)}{\partial \ln P}", "-1", "verified"),
    (r"\frac{\partial \ln (MV/P)}{\partial P}", r"-\frac{1}{P}", "verified"),
    (r"\frac{\partial \ln (MV/P)}{\partial \ln P}", "1", "refuted"),
    (r"\frac{\partial (MV/P)}{\partial P}", r"\frac{MV}{P^2}", "refuted"),
])
def test_a_slash_inside_the_operand_is_its_own_division(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


def test_a_ratio_of_slashed_derivatives_is_still_no_derivative() -> None:
    assert _status(r"\frac{\partial u/\partial x}{\partial u/\partial y}", r"\frac{u_x}{u_y}") != "refuted"


SOLOW = "Capital per worker evolves as $k_{t+1} = s k_t^\\alpha + (1-\\delta) k_t$.\n"


@pytest.mark.parametrize("rhs, status", [
    (r"s k_t^\alpha - \delta k_t", "verified"),
    (r"s k_t^\alpha + \delta k_t", "refuted"),  # the sign of depreciation
])
def test_the_change_in_capital_per_worker(rhs: str, status: str) -> None:
    body = SOLOW + ("\\begin{align*}\nk_{t+1} - k_t &= s k_t^\\alpha + (1-\\delta)k_t - k_t \\\\\n"
                    f"&= {rhs}\n\\end{{align*}}\n")
    assert _statuses(body)[f"s k_t^\\alpha + (1-\\delta)k_t - k_t = {rhs}"] == status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{d}{dk}\left(k^\alpha - \delta k\right)", r"\alpha k^{\alpha-1} - \delta", "verified"),
    (r"\frac{d}{dk}\left(k^\alpha - \delta k\right)", r"\alpha k^{\alpha} - \delta", "refuted"),
    (r"\frac{1}{1 - c(1-t)}", r"\frac{1}{1 - c + ct}", "verified"),
    (r"\frac{1}{1 - c(1-t)}", r"\frac{1}{1 - c - ct}", "refuted"),
    (r"\sum_{t=1}^{T} \frac{X}{(1+r)^t}", r"\frac{X}{r}\left(1 - \frac{1}{(1+r)^T}\right)", "verified"),
    (r"\sum_{t=1}^{T} \frac{X}{(1+r)^t}", r"\frac{X}{1+r}\left(1 - \frac{1}{(1+r)^T}\right)", "refuted"),
    (r"\sum_{t=1}^{\infty} \frac{X (1+g)^{t-1}}{(1+r)^t}", r"\frac{X}{r-g}", "verified"),
    (r"\sum_{t=1}^{\infty} \frac{X (1+g)^{t-1}}{(1+r)^t}", r"\frac{X}{r+g}", "refuted"),
    (r"-\frac{c \cdot (-\sigma c^{-\sigma-1})}{c^{-\sigma}}", r"\sigma", "verified"),
    (r"-\frac{c \cdot (-\sigma c^{-\sigma-1})}{c^{-\sigma}}", r"-\sigma", "refuted"),
    (r"\frac{\ln 2}{\ln 1.02}", "35.0", "verified"),
    (r"\frac{\ln 2}{\ln 1.02}", "35.7", "refuted"),
    (r"\frac{0.05 \cdot 1000}{1 - 1.05^{-10}}", "129.50", "verified"),
    (r"g_A + \alpha g_K + (1-\alpha) g_L - g_L", r"g_A + \alpha (g_K + g_L)", "refuted"),
])
def test_growth_multiplier_and_present_value_steps(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


def test_marginal_utility_of_crra_against_its_displayed_definition() -> None:
    body = ("With CRRA utility\n\\begin{equation}\nu(c) = \\frac{c^{1-\\sigma}}{1-\\sigma},\n\\end{equation}\n"
            "marginal utility is\n\\begin{align*}\nu'(c) &= c^{\\sigma}\n\\end{align*}\n")
    assert _statuses(body)["u'(c) = c^{\\sigma}"] == "refuted"


def test_a_factor_rounded_from_the_line_before_is_no_slip_of_the_result() -> None:
    # 1.05 here is e^{0.05} rounded for the display; the result is computed from the exact factor
    body = "\\begin{align*}\n1000 e^{0.05} &= 1000 \\cdot 1.05 \\\\\n&= 1051.27\n\\end{align*}\n"
    assert "refuted" not in _statuses(body).values()
