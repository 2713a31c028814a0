"""Heat transfer and transport phenomena (round 24): whole numbers rounded in a worked example,
temperatures in degrees Celsius, the complementary error function, diffusion coefficients D_{AB},
dimensionless groups typed upright, accented quantities before a bracket, a slope evaluated at a
point, and a prose condition ("at x = L") kept out of a derivative in that letter."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _document(body: str):
    src = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_documents([extract_text(src, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]


# -- whole numbers of a worked example, rounded from a product with decimals ---------------------

@pytest.mark.parametrize("lhs, rhs", [
    # the numerator of the line before, rounded to units (the first is whole already)
    (r"\frac{7850 \times 465 \times 0.02}{4 \times 25}", r"\frac{73005}{100}"),     # 73005.0: exact
    (r"\frac{2707 \times 896 \times 0.015}{3 \times 40}", r"\frac{36382}{120}"),    # 36382.08
    (r"0.7 \times 23457 + 12", r"16420 + 12"),                                       # 16419.9
])
def test_rounded_whole_numbers_after_decimals_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{2707 \times 896 \times 0.015}{3 \times 40}", r"\frac{36328}{120}"),    # digits swapped
    (r"\frac{2707 \times 896 \times 0.015}{3 \times 40}", r"\frac{36382}{121}"),    # short data stays exact
    (r"0.7 \times 23457 + 12", r"16421 + 12"),                                       # off by a whole unit
    # from whole numbers alone the result is whole: off by one is a slip, not a rounding
    (r"\frac{2707 \times 896}{3 \times 40}", r"\frac{2425473}{120}"),
])
def test_whole_number_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


# -- degrees Celsius ------------------------------------------------------------------------------

@pytest.mark.parametrize("rhs", [
    r"41.7^\circ\mathrm{C}", r"41.7\,^{\circ}\mathrm{C}", r"41.7^{\circ}C", r"41.7\,^\circ\text{C}",
])
def test_a_temperature_in_celsius_is_a_unit(rhs: str) -> None:
    assert check_step(r"15 + 26.7", rhs, "=").status is Status.VERIFIED


def test_celsius_on_both_sides_is_compared() -> None:
    assert check_step(r"18^\circ\mathrm{C} + 7^\circ\mathrm{C}", r"25^\circ\mathrm{C}", "=").status \
        is Status.VERIFIED
    assert check_step(r"18^\circ\mathrm{C} + 7^\circ\mathrm{C}", r"26^\circ\mathrm{C}", "=").status \
        is Status.REFUTED


def test_degrees_of_an_angle_are_still_an_angle() -> None:
    assert check_step(r"\sin 30^\circ", r"\frac{1}{2}", "=").status is Status.VERIFIED


# -- the complementary error function -------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"T_w + (T_0 - T_w)\operatorname{erf}(s)", r"T_0 + (T_w - T_0)\operatorname{erfc}(s)"),
    (r"\operatorname{erfc}(-s)", r"2 - \operatorname{erfc}(s)"),
    (r"\frac{d}{ds}\operatorname{erfc}(s)", r"-\frac{2}{\sqrt{\pi}}e^{-s^2}"),
])
def test_erfc_is_read(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_erf_written_for_erfc_is_diagnosed() -> None:
    res = _document("\\begin{align*}\nT_w + (T_0 - T_w)\\operatorname{erf}(s) &= "
                    "T_0 + (T_w - T_0)\\operatorname{erf}(s)\n\\end{align*}")
    assert [f.rule for f in res.findings] == ["LM107"]
    assert "\\operatorname{erfc}" in res.findings[0].message


# -- D_{AB}, a diffusion coefficient ---------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{\ln(r_o/r_i)}{2\pi H D_{AB}}\cdot D_{AB}", r"\frac{\ln(r_o/r_i)}{2\pi H}", Status.VERIFIED),
    (r"\frac{\nu/D_{AB}}{\nu/\alpha}", r"\frac{\alpha}{D_{AB}}", Status.VERIFIED),
    (r"\sqrt{D_{\mathrm{eff}}\,t}\,\sqrt{D_{\mathrm{eff}}}", r"D_{\mathrm{eff}}\sqrt{t}", Status.VERIFIED),
    (r"\frac{\nu/D_{AB}}{\nu/\alpha}", r"\frac{D_{AB}}{\alpha}", Status.REFUTED),
])
def test_diffusion_coefficient_is_a_quantity(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_derivative_operator_stays_undecided() -> None:
    # D_H beside H: a derivative by H, not a coefficient
    assert check_step(r"D_H (H y)", r"y", "=").status is Status.UNVERIFIED


# -- dimensionless groups typed upright --------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{\mathrm{Fo}\,\ell^2}{\kappa}", r"\frac{\ell^2\,\mathrm{Fo}}{\kappa}", Status.VERIFIED),
    (r"\mathrm{Bi}\,\vartheta\,\mathrm{Fo} + \mathrm{Bi}", r"\mathrm{Bi} + \mathrm{Fo}\,\mathrm{Bi}\,\vartheta", Status.VERIFIED),
    (r"\frac{\mathrm{Fo}\,\ell^2}{\kappa}", r"\frac{\ell\,\mathrm{Fo}}{\kappa}", Status.REFUTED),
])
def test_dimensionless_groups_are_numbers(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_an_unknown_upright_name_before_a_letter_stays_unread() -> None:
    assert check_step(r"\mathrm{Ci}\,u", r"u\,\mathrm{Ci}", "=").status is Status.UNVERIFIED


def test_a_group_before_a_bracket_may_be_a_function_of_it() -> None:
    # the local Nusselt number of a laminar plate grows as the root of x: Nu(2x) is no product
    assert check_step(r"\mathrm{Nu}(2x)", r"\sqrt{2}\,\mathrm{Nu}(x)", "=").status is not Status.REFUTED


# -- accented quantities before a bracket -------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{\dot g}{4\lambda}\left(R^2 - r^2\right)", r"\frac{\dot g\,(R - r)(R + r)}{4\lambda}", Status.VERIFIED),
    (r"\bar h\,S\,(T_w - T_f) + \bar h S", r"\bar h S (T_w - T_f + 1)", Status.VERIFIED),
    (r"\frac{\dot g}{4\lambda}\left(R^2 - r^2\right)", r"\frac{\dot g\,(R - r)(R - r)}{4\lambda}", Status.REFUTED),
])
def test_accented_letter_written_alone_multiplies_its_bracket(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_accented_function_applied_to_its_variable_stays_a_function() -> None:
    # \hat u(s) beside \hat u(s + 1): a function of s, never a product that would verify this
    assert check_step(r"\hat u(s+1)", r"\hat u(s) + \hat u", "=").status is not Status.VERIFIED


# -- a slope at a point ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rhs, status", [
    (r"\lambda\,\frac{\beta\sinh (\beta H)}{\cosh (\beta H)}", Status.VERIFIED),
    (r"\lambda\,\frac{\beta\cosh (\beta H)}{\sinh (\beta H)}", Status.REFUTED),
])
def test_derivative_of_a_bracket_evaluated_at_a_point(rhs: str, status: Status) -> None:
    lhs = r"-\lambda\frac{d}{dz}\left[\frac{\cosh (\beta(H - z))}{\cosh (\beta H)}\right]_{z=0}"
    assert check_step(lhs, rhs, "=").status is status


def test_bracket_evaluated_at_a_named_point() -> None:
    assert check_step(r"\left[s^3 - 2s\right]_{s=2}", r"4", "=").status is Status.VERIFIED
    assert check_step(r"\left[s^3 - 2s\right]_{s=2}", r"5", "=").status is Status.REFUTED


def test_prose_point_does_not_enter_a_derivative_in_its_letter() -> None:
    # "at z = H" in the prose is a condition: put into q_w's slope it would make q_w = 0, and with it
    # \eta = 0, which would verify the sign slip on the last line
    res = _document(
        "With $d\\phi/dz = 0$ at $z = H$ the profile is known, and\n"
        "\\begin{align*}\nq_w &= -\\lambda\\phi_0 \\frac{d}{dz}\\left[\\frac{\\cosh (\\beta(H - z))}"
        "{\\cosh (\\beta H)}\\right]_{z=0}\n\\end{align*}\n"
        "The efficiency is\n\\begin{equation}\n\\eta = \\frac{q_w}{\\lambda\\phi_0}\n\\end{equation}\n"
        "\\begin{align*}\nQ &= c\\phi_0\\left[n\\eta S + (W - nS)\\right] \\\\\n"
        "  &= cW\\phi_0\\left[1 - \\frac{nS}{W}(1 + \\eta)\\right]\n\\end{align*}")
    last = [s for s in res.steps if "(1 + \\eta)" in s.step.rhs.stripped]
    assert len(last) == 1 and last[0].verdict.status is not Status.VERIFIED
