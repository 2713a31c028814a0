"""Ecology and enzyme kinetics notes: concentrations in square brackets after a subscripted constant
(V_{\\max}[S] beside K_m + [S]), doubling times in days and weeks, and a conserved quantity whose
derivative is written out two ways that are both 0 as polynomials."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


# --- a concentration after a subscripted name is a factor when the same bracket stands alone ---

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{K_m + [S]}{V_{\max} [S]}", r"\frac{K_m}{V_{\max}}\frac{1}{[S]} + \frac{1}{V_{\max}}"),
    (r"\frac{V_{\max}[S]}{K_m + [S]}", r"\frac{V_{\max}}{1 + K_m/[S]}"),
    (r"\frac{k_2 [E]_0}{K_m + [S]}[S]", r"\frac{k_2 [S]}{K_m + [S]}[E]_0"),
    (r"\frac{V_{\max}[ES]}{K_m + [ES]}", r"\frac{V_{\max}}{K_m/[ES] + 1}"),
])
def test_a_concentration_after_a_subscripted_constant_multiplies_it(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # the Lineweaver-Burk intercept over K_m instead of V_max
    (r"\frac{K_m + [S]}{V_{\max} [S]}", r"\frac{K_m}{V_{\max}}\frac{1}{[S]} + \frac{1}{K_m}"),
    # the half-maximal rate taken as the maximal one
    (r"\frac{V_{\max}[S]}{K_m + [S]}", r"\frac{V_{\max}}{1 - K_m/[S]}"),
])
def test_a_slip_with_concentrations_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # a lower-case index after a power is a sequence's, written alone or not: no product reading
    (r"h_1^2[n] - 2 h_1[n] h_1[n] + a", r"a - h_1^2[n]"),
    (r"g_2[n] + [n]", r"g_2 n + n"),
])
def test_a_sequence_index_is_no_concentration(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


def test_a_bracket_after_another_factor_does_not_make_a_sequence_a_product() -> None:
    # [K] follows x^2 as that factor's index might: it is not written alone, so x_1[K] is still a sequence
    assert check_step(r"x_1^2[K] + x_1[K]", r"x_1[K](x_1[K] + 1)", "=").status.value != "refuted"
    assert check_step(r"x_1^2[K] + x_1[K]", r"x_1 K (x_1 K + 1)", "=").status.value != "verified"


# --- days and weeks are units of time ---

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{0.693}{0.35\,\mathrm{day}^{-1}}", r"1.98\,\mathrm{days}"),
    (r"2\,\mathrm{days}", r"48\,\mathrm{h}"),
    (r"14\,\text{days}", r"2\,\text{weeks}"),
    (r"0.5\,\text{day}^{-1}", r"3.5\,\text{week}^{-1}"),
])
def test_days_and_weeks_convert(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{0.693}{0.35\,\mathrm{day}^{-1}}", r"19.8\,\mathrm{days}"),
    (r"2\,\mathrm{days}", r"24\,\mathrm{h}"),
    (r"14\,\text{days}", r"3\,\text{weeks}"),
])
def test_a_wrong_conversion_of_days_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


# --- sides that cancel exactly ---

LOTKA_VOLTERRA = (r"\left(\delta - \frac{\gamma}{x}\right)x(\alpha - \beta y) + \left(\beta - \frac{\alpha}{y}\right)"
                  r"y(\delta x - \gamma)")


def test_two_writings_of_zero_that_cancel_as_polynomials_verify() -> None:
    assert check_step(LOTKA_VOLTERRA, r"(\delta x - \gamma)(\alpha - \beta y) + (\beta y - \alpha)(\delta x - \gamma)",
                      "=").status.value == "verified"
    assert check_step(r"(x-1)(x+1) - x^2 + 1", r"2(x - 1) - 2x + 2", "=").status.value == "verified"


@pytest.mark.parametrize("rhs", [
    r"(\delta x - \gamma)(\alpha - \beta y) + (\beta y - \alpha)(\delta x + \gamma)",
    r"(\delta x - \gamma)(\alpha - \beta y) - (\beta y - \alpha)(\delta x - \gamma)",
])
def test_a_slip_beside_a_vanishing_side_is_refuted(rhs: str) -> None:
    assert check_step(LOTKA_VOLTERRA, rhs, "=").status.value == "refuted"


def test_a_vanishing_difference_of_functions_is_left_to_the_points() -> None:
    # exp(-1000/s^2) and exp(-2000/s^2) are both ~0 in doubles, and no polynomial identity: not verified
    assert check_step(r"e^{-1000/s^2}", r"e^{-2000/s^2}", "=").status.value != "verified"


# --- what already works in the field, and must stay so ---

@pytest.mark.parametrize("lhs, rhs", [
    (r"rN\left(1 - \frac{N}{K}\right)", r"rN - \frac{r}{K}N^2"),
    (r"\frac{K}{1 + \left(\frac{K - N_0}{N_0}\right)e^{-rt}}", r"\frac{K N_0 e^{rt}}{K + N_0(e^{rt} - 1)}"),
    (r"EK\left(1 - \frac{E}{r}\right)", r"EK - \frac{E^2 K}{r}"),
    (r"K_1 - a_{12}\frac{K_2 - a_{21}K_1}{1 - a_{12}a_{21}}", r"\frac{K_1 - a_{12}K_2}{1 - a_{12}a_{21}}"),
    (r"cp(1 - p) - ep", r"p(c - e - cp)"),
    (r"\frac{\theta}{1 - \theta}", r"\theta\left(1 + \frac{\theta}{1 - \theta}\right)"),
    (r"\frac{\ln 2}{0.05}", r"13.86"),
    (r"\left(\frac{9}{4}\right)^{10/(25 - 15)}", r"2.25"),
    (r"\frac{1000 \cdot 10}{10 + 990 e^{-5}}", r"599.9"),
])
def test_population_and_kinetics_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"rN\left(1 - \frac{N}{K}\right)", r"rN - \frac{rN^2}{2K}"),  # a factor 2
    (r"r\frac{K}{2}\left(1 - \frac{1}{2}\right)", r"\frac{rK}{2}"),  # the maximal growth rate doubled
    (r"\frac{K N_0}{N_0 + (K - N_0)e^{-rt}}", r"\frac{K N_0 e^{rt}}{K + N_0(e^{rt} + 1)}"),  # a sign
    (r"\frac{\beta\gamma}{\delta}\cdot\frac{\alpha\delta}{\beta}", r"\alpha\beta"),  # a swapped letter
    (r"\frac{\ln 2}{0.35}", r"0.198"),  # a moved decimal point
    (r"1 - \frac{0.1}{0.4}", r"0.25"),  # the extinction share for the occupancy
    (r"\frac{9}{1 + 9}", r"0.09"),
])
def test_field_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_michaelis_menten_in_prose_holds_the_lineweaver_burk_chain() -> None:
    body = ("The Michaelis--Menten rate is $v = \\frac{V_{\\max} [S]}{K_m + [S]}$.\n"
            "\\begin{align*}\n\\frac{1}{v} &= \\frac{K_m + [S]}{V_{\\max} [S]} \\\\\n"
            "&= \\frac{K_m}{V_{\\max}}\\frac{1}{[S]} + \\frac{1}{V_{\\max}}\n\\end{align*}\n"
            "\\begin{align*}\n\\frac{1}{v} &= \\frac{K_m + [S]}{V_{\\max} [S]} \\\\\n"
            "&= \\frac{K_m}{V_{\\max}}\\frac{1}{[S]} + \\frac{1}{K_m}\n\\end{align*}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "verified", "verified", "refuted"]


# --- a letter the document applies to time multiplies a bracket that holds the letter itself ---

@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"The population $N(t)$ is harvested with effort $E$:",
     r"rN\left(1 - \frac{N}{K}\right) - EN", r"N\left(r - E - \frac{rN}{K}\right)"),
    (r"Let $p(t)$ be the fraction of occupied patches.", r"cp(1 - p) - ep", r"p(c - e - cp)"),
])
def test_a_bracket_holding_the_applied_letter_itself_is_a_product(prose: str, lhs: str, rhs: str) -> None:
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    assert _statuses(body)[f"{lhs} = {rhs}"] == "verified"


def test_a_slip_beside_an_applied_letter_stays_refuted_and_a_true_application_stays_open() -> None:
    body = ("The population $N(t)$ is harvested with effort $E$:\n"
            "\\begin{align*}\nrN\\left(1 - \\frac{N}{K}\\right) - EN &= N\\left(r + E - \\frac{rN}{K}\\right)\n\\end{align*}\n"
            "and a time later\n\\begin{align*}\nN(t + h) &= Nt + Nh\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses[r"rN\left(1 - \frac{N}{K}\right) - EN = N\left(r + E - \frac{rN}{K}\right)"] == "refuted"
    assert statuses["N(t + h) = Nt + Nh"] == "unverified"
