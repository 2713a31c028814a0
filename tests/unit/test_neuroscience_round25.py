"""Computational neuroscience notes (round 25): a fixed point squared as v^{*2} in a phase-plane
Jacobian, the rectification [x]_+ of rate models, ion concentrations with their charge
([\\mathrm{Ca}^{2+}]_o), and a user macro that wraps its argument in \\mathrm{#1}."""
import pytest

from documents import checked_steps
from lintmath.check import check_step
from lintmath.model import Status


# -- a fixed point squared: v^{*2} is (v^*)^2 -------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"u^{*2}", r"u^* u^*"),
    (r"1 - u^{*2} - \epsilon c", r"1 - (u^*)^2 - \epsilon c"),
    (r"(1 - u^{*2})(-\epsilon c) + \epsilon", r"\epsilon\left(1 - c + c u^{*2}\right)"),
    (r"q^{*3} + p^{\star 2}", r"(q^*)^3 + p^\star p^\star"),
])
def test_a_starred_letter_with_a_power_in_one_superscript_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_slip_in_a_starred_square_is_refuted() -> None:
    assert check_step(r"1 - u^{*2}", r"1 - 2u^{*}", "=").status is Status.REFUTED


def test_the_trace_of_a_written_jacobian_with_a_starred_square() -> None:
    body = (
        "The linearisation at the fixed point $(u^*, q^*)$ is\n"
        "\\begin{equation*}\nA = \\begin{pmatrix} 1 - u^{*2} & -1 \\\\ \\epsilon & -\\epsilon c "
        "\\end{pmatrix},\n\\end{equation*}\n"
        "\\begin{align*}\n\\operatorname{tr} A &= 1 - u^{*2} - \\epsilon c, \\\\\n"
        "\\det A &= (1 - u^{*2})(-\\epsilon c) + \\epsilon .\n\\end{align*}\n"
    )
    steps = [s for s in checked_steps(body) if s.step.lhs.stripped.startswith(("\\operatorname", "\\det"))]
    assert len(steps) == 2
    assert all(s.verdict.status is Status.VERIFIED for s in steps)


# -- the rectifier [x]_+ = max(x, 0) ------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"[z]_+", r"\max(z, 0)"),
    (r"[z]_+ - [-z]_+", r"z"),
    (r"[z]_+ + [-z]_+", r"|z|"),
    (r"[z]_{+}^{2}", r"\max(z, 0)^2"),
    (r"\left[a q + b\right]_+", r"\max(a q + b, 0)"),
    (r"(1 - m)_+", r"\max(0, 1 - m)"),
])
def test_the_positive_part_of_a_bracket_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_slip_with_the_positive_part_is_refuted() -> None:
    assert check_step(r"[z]_+ + [-z]_+", r"2|z|", "=").status is Status.REFUTED


def test_dropping_the_rectifier_above_threshold_is_never_an_error() -> None:
    # holds only where the drive is positive, which the prose states ("above threshold")
    assert check_step(r"-q + [a q + b]_+", r"-q + a q + b", "=").status is Status.UNVERIFIED


def test_an_evaluation_bar_in_square_brackets_is_still_one() -> None:
    assert check_step(r"\left[\frac{t^2}{2}\right]_0^1", r"\frac12", "=").status is Status.VERIFIED


# -- ion concentrations -------------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{RT}{F}\ln\frac{[\mathrm{K}^+]_o}{[\mathrm{K}^+]_i}",
     r"-\frac{RT}{F}\ln\frac{[\mathrm{K}^+]_i}{[\mathrm{K}^+]_o}"),
    (r"\frac{RT}{2F}\ln\frac{[\mathrm{Ca}^{2+}]_o}{[\mathrm{Ca}^{2+}]_i}",
     r"\frac{RT}{F}\ln\sqrt{\frac{[\mathrm{Ca}^{2+}]_o}{[\mathrm{Ca}^{2+}]_i}}"),
    (r"-\frac{RT}{F}\ln\frac{[\mathrm{Cl}^-]_o}{[\mathrm{Cl}^-]_i}",
     r"\frac{RT}{F}\ln\frac{[\mathrm{Cl}^-]_i}{[\mathrm{Cl}^-]_o}"),
    (r"\ln\frac{[\mathrm{Na}^+]_o}{[\mathrm{Na}^+]_i}", r"\ln [\mathrm{Na}^+]_o - \ln [\mathrm{Na}^+]_i"),
    (r"\mathrm{Mg}^{2+} + 1", r"1 + \mathrm{Mg}^{2+}"),
])
def test_concentrations_of_charged_ions_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # valence 2 dropped
    (r"\frac{RT}{2F}\ln\frac{[\mathrm{Ca}^{2+}]_o}{[\mathrm{Ca}^{2+}]_i}",
     r"\frac{RT}{F}\ln\frac{[\mathrm{Ca}^{2+}]_o}{[\mathrm{Ca}^{2+}]_i}"),
    (r"\ln\frac{[\mathrm{K}^+]_o}{[\mathrm{K}^+]_i}", r"\ln [\mathrm{K}^+]_o + \ln [\mathrm{K}^+]_i"),
])
def test_slips_with_ion_concentrations_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_macro_that_sets_its_argument_upright_is_read() -> None:
    body = (
        "\\newcommand{\\ion}[1]{\\mathrm{#1}}\n"
        "\\begin{align*}\n"
        "\\frac{RT}{F}\\ln\\frac{[\\ion{K}]_o}{[\\ion{K}]_i} &= "
        "-\\frac{RT}{F}\\ln\\frac{[\\ion{K}]_i}{[\\ion{K}]_o} \\\\\n"
        "&= \\frac{RT}{F}\\left(\\ln[\\ion{K}]_o - \\ln[\\ion{K}]_i\\right)\n"
        "\\end{align*}\n"
    )
    statuses = [s.verdict.status for s in checked_steps(body)]
    assert statuses == [Status.VERIFIED, Status.VERIFIED]


# -- a worked example whose decimal digits slipped ----------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, detail", [
    (r"\frac{-31.27 + 0.42 - 12.05}{0.527}", r"\frac{-42.09}{0.527}", "`42.09` should be `42.90`"),
    (r"13.4\ln\frac{2 + 3.7}{110 + 0.36 + 27.5}", r"13.4\ln\frac{5.7}{173.86}", "`173.86` should be `137.86`"),
])
def test_swapped_digits_of_a_decimal_are_an_arithmetic_slip(lhs: str, rhs: str, detail: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "arithmetic"
    assert verdict.diagnosis.detail == detail
