"""First-year physics and astronomy as slides write them: a power of ten whose exponent is arithmetic
before a unit (the distance modulus inverted), multiples of the parsec and the year, results rounded to
significant figures (690 N for 686.7 N), and worked numbers whose result alone carries a unit that
slipped by a sign or by a square root of 2 or 3, which no change of unit explains."""
from __future__ import annotations

import pytest

from lintmath.check import UNITS_DIFFER, check_step
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.pipeline import check_text


def _finding(body: str):
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_text(doc, "t.tex")
    step = result.steps[-1]
    found = [f for f in result.findings if f.derivation == step.derivation.index and f.step == step.step.index]
    return step, (found[0] if found else None)


def _display(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


@pytest.mark.parametrize("text", [r"10^{(12 - 2 + 5)/5}\,\mathrm{pc}", r"10^{15/5}\,\mathrm{m}",
                                  r"10^{0.4 \times 5}\,\mathrm{W}"])
def test_a_unit_after_a_power_with_an_exponent_of_numbers_is_a_unit(text: str) -> None:
    tree = parse_math(text)
    assert any(getattr(x, "style", "") == "unit" for x in tree.walk())


def test_a_unit_after_a_power_of_a_letter_is_not_read_as_one() -> None:
    # x^{2}\,\mathrm{m}: the power of a quantity, not a number; the upright m stays what it was
    tree = parse_math(r"x^{(1 + 2)}\,\mathrm{m}")
    assert not any(getattr(x, "style", "") == "unit" for x in tree.walk())


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"10^{(12 - 2 + 5)/5}\,\mathrm{pc}", r"10^{3}\,\mathrm{pc}", Status.VERIFIED),
    (r"10^{(12 - 2 + 5)/5}\,\mathrm{pc}", r"10^{4}\,\mathrm{pc}", Status.REFUTED),
    (r"2^{(1+2)}\,\mathrm{m}", r"8\,\mathrm{m}", Status.VERIFIED),
])
def test_distance_modulus_inverted(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    (r"10^{3}\,\mathrm{pc}", r"1\,\mathrm{kpc}"),
    (r"2500\,\mathrm{kpc}", r"2.5\,\mathrm{Mpc}"),
    (r"13.8\,\mathrm{Gyr}", r"1.38\times10^{10}\,\mathrm{yr}"),
    (r"1\,\mathrm{Gyr}", r"1000\,\mathrm{Myr}"),
])
def test_decimal_multiples_of_parsec_and_year_convert(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"10^{3}\,\mathrm{pc}", r"10\,\mathrm{kpc}"),  # wrong, but units differ: never refuted by conversion
    (r"4.41\times10^{17}\,\mathrm{s}", r"14.0\,\mathrm{Gyr}"),  # a year in seconds is a convention
    (r"1.30\,\mathrm{pc}", r"4.24\,\mathrm{ly}"),
    (r"1\,\mathrm{pc}", r"1\,\mathrm{AU}"),
    (r"70\,\mathrm{km\,s^{-1}\,Mpc^{-1}}", r"2.27\times10^{-18}\,\mathrm{s^{-1}}"),
])
def test_parsec_and_year_are_never_converted_into_metres_or_seconds(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == UNITS_DIFFER


def test_units_cancelling_on_one_side_still_verify() -> None:
    assert check_step(r"\frac{6\,\mathrm{m}}{2\,\mathrm{m}} \times 5\,\mathrm{s}", r"15\,\mathrm{s}", "=").status \
        is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, status", [
    # rounded to two or three significant figures from data with decimals
    (r"686.7\,\mathrm{N}", r"690\,\mathrm{N}", Status.VERIFIED),
    (r"70 \times 9.81", "690", Status.VERIFIED),
    (r"1200 \times 9.81", "11800", Status.VERIFIED),
    (r"1.5 \times 84", "130", Status.VERIFIED),
    # off by more than the last significant digit's half unit
    (r"1200 \times 9.81", "11700", Status.REFUTED),
    (r"1.5 \times 84", "120", Status.REFUTED),
    # one significant digit left hides any slip: no rounding read
    (r"686.7\,\mathrm{N}", r"700\,\mathrm{N}", Status.REFUTED),
    # whole numbers alone: integer arithmetic, exact
    (r"12 \times 57", "680", Status.REFUTED),
])
def test_results_rounded_to_significant_figures(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    (r"2 \times 4186 \times 30", r"-2.51\times10^{5}\,\mathrm{J}"),
    (r"\frac{0.5 \times 8.314 \times 300}{0.01}", r"-1.25\times10^{5}\,\mathrm{Pa}"),
    ("6 - 9", r"3\,\mathrm{J}"),
    (r"\frac{0 - 30^2}{2 \times 450}", r"1\text{ m s}^{-2}"),
    ("20 - 9.8", r"-10.2\,\mathrm{N}"),
])
def test_a_sign_slipped_before_a_unit_is_refuted(lhs: str, rhs: str) -> None:
    # no unit is negative: no change of scale explains the other sign
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # v_esc with the 2 under the root dropped: the orbital speed, \sqrt 2 apart
    (r"\sqrt{\frac{2 \times 6.67\times10^{-11} \times 5.97\times10^{24}}{6.37\times10^{6}}}",
     r"7.91 \times 10^{3}\,\mathrm{m/s}"),
    # a cosine of 60 degrees taken as its sine
    (r"50 \times 10 \times \cos 60^\circ", r"433\,\mathrm{J}"),
    # the 3 of 3RT/M dropped
    (r"\sqrt{\frac{3 \times 8.314 \times 300}{0.028}}", r"298\,\mathrm{m/s}"),
])
def test_a_root_factor_slipped_before_a_unit_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_dropped_root_is_named_as_the_factor() -> None:
    step, finding = _finding(_display(
        r"\sqrt{\frac{2 \times 6.67\times10^{-11} \times 5.97\times10^{24}}{6.37\times10^{6}}}",
        r"7.91 \times 10^{3}\,\mathrm{m/s}"))
    assert step.verdict.status is Status.REFUTED
    assert finding is not None and finding.rule == "LM103" and "\\sqrt{2}" in finding.message


@pytest.mark.parametrize("lhs, rhs", [
    # a power of ten between the numbers and a decimal unit may be a unit's prefix (kJ against J)
    (r"70 \times 100", r"700\,\mathrm{km/s}"),
    (r"\frac{2.898\times10^{-3}}{5778}", r"5.02\times10^{-6}\,\mathrm{m}"),
    # an offset scale, and units whose sizes are no powers of ten
    ("-40", r"233\,\mathrm{K}"),
    (r"\frac{1}{0.768}", r"4.24\,\mathrm{ly}"),
    (r"\frac{977.8}{70}", r"4.41\times10^{17}\,\mathrm{yr}"),
])
def test_one_sided_units_that_a_conversion_may_explain_stay_unrefuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{2 \times 20 \times \sin 30^\circ}{9.8}", r"2.04\,\mathrm{s}"),
    (r"\frac{400 \times 0.866}{9.8}", r"35.3\,\mathrm{m}"),
    (r"\frac{(5 - 3)(9.8)}{8}", r"2.45\,\mathrm{m/s^2}"),
    (r"\frac{6.67\times10^{-11} \times 5.97\times10^{24} \times 70}{(6.37\times10^{6})^2}", r"687\,\mathrm{N}"),
    (r"1.52^{3/2}", r"1.87\,\mathrm{yr}"),
    (r"4\pi (6.96\times10^{8})^2 (5.67\times10^{-8}) (5778)^4", r"3.85\times10^{26}\,\mathrm{W}"),
    (r"\frac{2.898\times10^{-3}}{5778}", r"5.02\times10^{-7}\,\mathrm{m}"),
    (r"5.02\times10^{-7}\,\mathrm{m}", r"502\,\mathrm{nm}"),
    (r"\frac{15^2}{2 \times 9.81}", r"\SI{11.5}{\metre}"),
    (r"\frac{0 - 30^2}{2 \times 450}", r"-1\text{ m s}^{-2}"),
    (r"\frac{4\pi^2 (1.496\times10^{11})^3}{6.67\times10^{-11}\times(3.156\times10^{7})^2}", r"1.99\times10^{30}\,\mathrm{kg}"),
    ("-2.5\\log_{10}(100)", "-5"),
    (r"10^{0.4 \times 5}", "100"),
    (r"2^2 \times \left(\frac{1}{2}\right)^4", r"\frac{1}{4}"),
    (r"0.15(-15 - 20)", r"-5.25\,\mathrm{kg\,m\,s^{-1}}"),
])
def test_worked_numbers_of_the_field_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"10^{0.4 \times 5}", "1000"),
    (r"-2.5\log_{10}(100)", "5"),
    (r"2\pi\sqrt{\frac{L}{g}}", r"2\pi\sqrt{\frac{g}{L}}"),
    (r"\frac{GMm}{2r} - \frac{GMm}{r}", r"\frac{GMm}{2r}"),
    (r"\frac{2 v_0^2 \sin\theta\cos\theta}{g}", r"\frac{v_0^2\cos 2\theta}{g}"),
    (r"\frac{(\omega r)^2}{r}", r"\omega^2 r^2"),
    (r"\frac{1}{12}ML^2 + \frac{1}{4}ML^2", r"\frac{1}{2}ML^2"),
    (r"\frac{1}{2}(2)(3)^2", r"18\,\mathrm{J}"),
    (r"\frac{15^2}{2 \times 9.81}", r"\SI{22.9}{\metre}"),
    (r"1.52^{3/2}", r"1.52^{2/3}"),
])
def test_slips_of_the_field_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    # \pi before a bracket of numbers is the constant times it: still a line of numbers, its slips read
    (r"\frac{3.85\times10^{26}}{4\pi(1.496\times10^{11})^2}", r"1.37\times10^{3}\,\mathrm{W\,m^{-2}}", Status.VERIFIED),
    (r"\frac{3.85\times10^{26}}{4\pi(1.496\times10^{11})^2}", r"2.74\times10^{3}\,\mathrm{W\,m^{-2}}", Status.REFUTED),
    (r"\pi(0.01)^2", r"6.28\times10^{-4}\,\mathrm{m^2}", Status.REFUTED),
])
def test_pi_before_a_bracket_of_numbers_keeps_a_line_of_numbers(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_a_letter_in_the_bracket_after_pi_is_still_a_letter() -> None:
    # \pi(r)^2 against a number with a unit: r is a quantity, the line no line of numbers
    assert check_step(r"\pi(r)^2", r"6.28\times10^{-4}\,\mathrm{m^2}", "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    # a number restated to its significant figures: no computation whose slip the rounding could hide
    (r"147150\,\mathrm{Pa}", r"147000\,\mathrm{Pa}", Status.VERIFIED),
    (r"176.4\,\mathrm{J}", r"180\,\mathrm{J}", Status.VERIFIED),
    ("2374", r"2400\,\mathrm{m/s}", Status.VERIFIED),
    ("684", "680", Status.VERIFIED),
    (r"147150\,\mathrm{Pa}", r"146000\,\mathrm{Pa}", Status.REFUTED),
    ("684", "700", Status.REFUTED),
    ("1500", "1000", Status.REFUTED),
])
def test_a_number_restated_to_significant_figures(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
