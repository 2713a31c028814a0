"""Red team of round 27 on general and physical chemistry notes: an ICE table solved one display at a
time (a lone equation in x under "so" was refuted as an identity), \\log read in base 10 where the
file defines a p-scale by it (pH = -\\log[H^+]), and species as labels ([\\mathrm{H^+}], \\ce{NH3}),
with the field's slips beside them that must stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import logbase
from lintmath.check import check_step
from lintmath.parse.chemistry import formula_name

V, R, U = "verified", "refuted", "unverified"


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# -- an equation solved display by display -------------------------------------------------------

ICE = ("Taking square roots of the equilibrium expression,\n\\[ \\frac{2x}{0.250 - x} = 5 \\]\nso that\n"
       "\\[ {lhs} = {rhs} \\]\nand therefore\n\\[ 7x = 1.25. \\]\n")


def test_a_rearranged_equation_below_a_short_phrase_is_no_refuted_identity() -> None:
    statuses = _statuses(ICE.replace("{lhs}", "2x").replace("{rhs}", "1.25 - 5x"))
    assert statuses["2x = 1.25 - 5x"] == U
    assert R not in statuses.values()


@pytest.mark.parametrize("rhs", ["1.25 - 2x", "1.25 + 5x", "0.250 - 5x"])
def test_a_slip_in_the_rearranged_equation_stays_refuted(rhs: str) -> None:
    assert _statuses(ICE.replace("{lhs}", "2x").replace("{rhs}", rhs))[f"2x = {rhs}"] == R


def test_a_quadratic_expanded_in_the_next_display_is_an_equation() -> None:
    body = ("With $K_c = 4.0$ the table gives\n\\begin{align*}\n\\frac{x^2}{(1.0 - x)(2.0 - x)} &= 4.0\n"
            "\\end{align*}\nso\n\\begin{align*}\nx^2 &= 4.0(2.0 - 3.0x + x^2)\n\\end{align*}\n"
            "that is\n\\begin{align*}\n3.0x^2 - 12x + 8.0 &= 0.\n\\end{align*}\n")
    assert _statuses(body)["x^2 = 4.0(2.0 - 3.0x + x^2)"] == U


def test_displays_in_several_letters_are_still_claims_each() -> None:
    # two sign slips of one shape, one display under the other: their differences are proportional,
    # which excuses nothing where the letters are quantities of a law rather than one unknown
    body = ("The two-temperature form:\n\\[ -\\frac{E_a}{R}\\left(\\frac{1}{T_2} - \\frac{1}{T_1}\\right) = "
            "\\frac{E_a}{R}\\left(\\frac{1}{T_2} - \\frac{1}{T_1}\\right) \\]\nso\n"
            "\\[ \\frac{E_a}{R}\\left(\\frac{1}{T_1} - \\frac{1}{T_2}\\right) = \\frac{E_a (T_1 - T_2)}{R T_1 T_2} \\]\n")
    assert set(_statuses(body).values()) == {R}


def test_a_long_passage_between_displays_joins_nothing() -> None:
    body = ("\\[ \\frac{2x}{0.250 - x} = 5 \\]\nThe next example is a different reaction altogether, with its "
            "own table and its own unknown, which we now set up.\n\\[ 2x = 1.25 - 5x \\]\n")
    assert _statuses(body)["2x = 1.25 - 5x"] == R


# -- \log in base 10 where a p-scale is defined by it ----------------------------------------------

@pytest.mark.parametrize("line", [
    r"\mathrm{pH} &= -\log[\mathrm{H^+}]",
    r"Recall $\text{pH} = -\log [\mathrm{H_3O^+}]$.",
    r"\mathrm{p}K_a = -\log K_a",
    r"$pK_{a} = - \log K_a$",
    r"\mathrm{pOH} = -\log[\mathrm{OH^-}]",
])
def test_a_p_scale_defined_by_a_plain_log_fixes_its_base(line: str) -> None:
    assert logbase.scale_definitions(["", line]) == [2]


@pytest.mark.parametrize("line", [
    r"\mathrm{pH} = -\log_{10}[\mathrm{H^+}]",   # a base written says nothing of a plain \log
    r"p = -\log x",                              # a probability, no p-scale
    r"\mathrm{pH} = 7 % = -\log",                # a comment
    r"\Delta G = -RT\log K",
])
def test_other_lines_fix_no_base(line: str) -> None:
    assert logbase.scale_definitions([line]) == []


PH = "For a strong acid we take $\\mathrm{pH} = -\\log[\\mathrm{H^+}]$, so that\n"


@pytest.mark.parametrize("lhs, rhs", [
    (r"-\log(0.010)", "2.00"),
    (r"-\log(2.5 \times 10^{-4})", "3.60"),
    (r"4.76 + \log\frac{0.15}{0.10}", "4.94"),
    (r"0.80 - 0.0592\log\frac{1}{0.010}", "0.68"),
])
def test_common_logarithms_verify_under_a_p_scale(lhs: str, rhs: str) -> None:
    body = PH + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    assert _statuses(body)[f"{lhs} = {rhs}"] == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"-\log(0.010)", "-2.00"),                      # the sign of the p-scale
    (r"-\log(2.5 \times 10^{-4})", "4.60"),           # the exponent's digit
    (r"4.76 + \log\frac{0.15}{0.10}", "4.58"),        # the ratio upside down
    (r"-\log(0.010)", "4.61"),                       # the natural log taken
])
def test_slips_under_a_p_scale_stay_refuted(lhs: str, rhs: str) -> None:
    body = PH + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    assert _statuses(body)[f"{lhs} = {rhs}"] == R


def test_without_a_p_scale_a_plain_log_stays_natural() -> None:
    assert status(r"-\log(0.010)", "2.00") == U


# -- species as labels -----------------------------------------------------------------------------

@pytest.mark.parametrize("word, mhchem, name", [
    ("H^+", False, "H⁺"), ("NH_3", False, "NH₃"), ("Zn^{2+}", False, "Zn²⁺"), ("SO_4^{2-}", False, "SO₄²⁻"),
    ("Ca(OH)_2", False, "Ca(OH)₂"), ("A^-", False, "A⁻"), ("H+", True, "H⁺"), ("Zn^2+", True, "Zn²⁺"),
    ("NH3", True, "NH₃"),
])
def test_formulas_name_their_species(word: str, mhchem: bool, name: str) -> None:
    assert formula_name(word, mhchem) == name


@pytest.mark.parametrize("word, mhchem", [
    ("x_1", False), ("T_{12}", False), ("H2O", False), ("A+B", True), ("e-", True), ("Ca(OH", False),
])
def test_other_words_are_no_species(word: str, mhchem: bool) -> None:
    assert formula_name(word, mhchem) is None


@pytest.mark.parametrize("lhs, rhs", [
    (r"[\ce{H+}]", r"[\mathrm{H^+}]"),
    (r"[\ce{NH3}]^2", r"[\mathrm{NH_3}][\mathrm{NH_3}]"),
    (r"[\mathrm{H^+}][\mathrm{OH^-}]", r"[\mathrm{OH^-}][\mathrm{H^+}]"),
    (r"\frac{[\mathrm{H^+}][\mathrm{A^-}]}{[\mathrm{HA}]}", r"[\mathrm{H^+}]\frac{[\mathrm{A^-}]}{[\mathrm{HA}]}"),
    (r"\frac{[\mathrm{Zn^{2+}}]}{[\mathrm{Cu^{2+}}]}", r"[\ce{Zn^2+}]\,[\ce{Cu^2+}]^{-1}"),
])
def test_concentrations_of_species_are_read(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{[\mathrm{H^+}][\mathrm{A^-}]}{[\mathrm{HA}]}", r"\frac{[\mathrm{H^+}][\mathrm{HA}]}{[\mathrm{A^-}]}"),
    (r"[\mathrm{Zn^{2+}}] + [\mathrm{Zn^{2+}}]", r"[\mathrm{Zn^{2+}}]^2"),
])
def test_slips_between_species_are_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == R


def test_a_charge_tells_species_apart() -> None:
    # H^+ and H are two names: nothing equates them
    assert status(r"[\mathrm{H^+}]", r"[\mathrm{H}]") != V
    assert status(r"[\ce{Fe^2+}]", r"[\ce{Fe^3+}]") != V


def test_henderson_hasselbalch_from_the_acid_constant() -> None:
    body = ("We write $\\mathrm{pH} = -\\log[\\mathrm{H^+}]$. From the acid dissociation constant "
            "$K_a = \\frac{[\\mathrm{H^+}][\\mathrm{A^-}]}{[\\mathrm{HA}]}$,\n\\begin{align*}\n"
            "\\log K_a &= \\log[\\mathrm{H^+}] + \\log\\frac{[\\mathrm{A^-}]}{[\\mathrm{HA}]}\n\\end{align*}\n")
    assert _statuses(body)["\\log K_a = \\log[\\mathrm{H^+}] + \\log\\frac{[\\mathrm{A^-}]}{[\\mathrm{HA}]}"] == V


def test_a_reaction_inside_ce_is_no_quantity() -> None:
    assert status(r"\ce{A + B}", "x") == U


# -- what already worked in the field, kept ------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"6(12.01) + 12(1.008) + 6(16.00)", "180.156"),
    (r"\frac{2.00 \times 0.08206 \times 298}{1.00}", "48.91"),
    (r"\frac{0.500}{(0.08206 \times 500)^2}", r"2.970 \times 10^{-4}"),
    (r"\frac{8.314 \times \ln 2}{1/298 - 1/308}", "52894"),
    (r"\frac{E_a}{R}\left(\frac{1}{T_1} - \frac{1}{T_2}\right)", r"\frac{E_a (T_2 - T_1)}{R T_1 T_2}"),
    (r"-RT\ln K + RT\ln Q", r"RT\ln\frac{Q}{K}"),
    (r"\frac{12.0\,\mathrm{g}}{44.01\,\mathrm{g\,mol^{-1}}}", r"0.2727\,\mathrm{mol}"),
    (r"10^{-4.74}", r"1.8 \times 10^{-5}"),
])
def test_field_steps_verify(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"K_c (RT)^{-2}", r"K_c (RT)^2", "reciprocal"),
    (r"-RT\ln K + RT\ln Q", r"RT\ln\frac{K}{Q}", "reciprocal"),
    (r"\frac{2.00 \times 0.08206 \times 298}{1.00}", "4.891", "arithmetic"),
    (r"1.10 - \frac{0.05916}{2}\log_{10}(0.010)", "1.10 - 0.05916", "sign_flip"),
    (r"-\log_{10}(0.010)", "-2", "sign_flip"),
    (r"s(2s)^2", "2s^3", "arithmetic"),
])
def test_field_slips_are_refuted_with_their_diagnosis(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


# -- numbers of a chemist's size against a written 0 ----------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"1.0 \times 10^{-11}", "0"),                                   # a K_a is no zero
    (r"(1.34 \times 10^{-5})^2 - 3.6 \times 10^{-10}", "0"),         # s^2 - K_sp with K_sp doubled
    (r"\frac{1.0 \times 10^{-14}}{0.10} - 1.0 \times 10^{-12}", "0"),  # K_w / [H^+] a factor 10 off
])
def test_tiny_numbers_are_compared_in_their_own_size(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == R


@pytest.mark.parametrize("lhs, rhs", [
    (r"1.8 \times 10^{-10} - 1.8 \times 10^{-10}", "0"),
    (r"\frac{1.0 \times 10^{-14}}{0.10} - 1.0 \times 10^{-13}", "0"),
    (r"0.1 + 0.2 - 0.3", "0"),
])
def test_tiny_numbers_that_cancel_still_verify(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


def test_a_tiny_slip_is_diagnosed_no_more_as_a_zero() -> None:
    # 0.0 \times 10^{-17} "would follow" only where 10^{-11} counted as 0
    verdict = check_step(r"\frac{1.0 \times 10^{-14}}{1.0 \times 10^{-3}}", r"1.0 \times 10^{-17}", "=")
    assert verdict.status.value == R
    assert verdict.diagnosis is None or "0.0" not in verdict.diagnosis.suggestion


def test_a_tiny_check_at_a_rounded_root_is_held_as_at_unit_size() -> None:
    # the residual of a rounded root is 0.24% of the terms, as in (1.34)^2 - 1.8 = 0: one verdict for both
    assert status(r"(1.34 \times 10^{-5})^2 - 1.8 \times 10^{-10}", "0") == status(r"1.34^2 - 1.8", "0")


@pytest.mark.parametrize("lhs, rhs, written", [
    (r"\frac{0.100 \times 250}{2.00}", "125", "12.5"),             # a dilution's volume
    (r"-92200 - 298 \times (-198.7)", "-151413", "-32987.4"),     # Delta H - T Delta S in J
])
def test_a_result_after_written_decimals_is_suggested_as_a_decimal(lhs: str, rhs: str, written: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "arithmetic"
    assert verdict.diagnosis.suggestion == written


def test_a_result_after_fractions_is_still_a_fraction() -> None:
    verdict = check_step(r"\frac{15}{2}", "8", "=")
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion == r"\frac{15}{2}"
