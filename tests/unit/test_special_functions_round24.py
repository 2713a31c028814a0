"""Special functions in lecture notes: the gamma function inside a bare logarithm, the gamma and beta
functions that the notes define themselves, improper integrals whose integrand peaks away from the
origin, and the superscript of an associated function (P_l^m) beside the definition of P_l."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from documents import checked_steps, display

GAMMA_DEFINED = ("For $x > 0$ the gamma function is\n\\begin{equation}\n"
                 "\\Gamma(x) = \\int_0^\\infty s^{x-1} e^{-s}\\,ds.\n\\end{equation}\n")
BETA_DEFINED = ("\\newcommand{\\BetaFn}{\\mathrm{B}}\nEuler's first integral satisfies\n\\begin{equation}\n"
                "\\BetaFn(p,q) = \\frac{\\Gamma(p)\\Gamma(q)}{\\Gamma(p+q)}.\n\\end{equation}\n")


def _verdicts(body: str) -> dict[tuple[str, str], str]:
    return {(s.step.lhs.stripped, s.step.rhs.stripped): s.verdict.status.value for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln\Gamma(s+1)", r"\ln s + \ln\Gamma(s)"),
    (r"\log\Gamma(w+2)", r"\log(w+1) + \log w + \log\Gamma(w)"),
    (r"\ln\Gamma(2s)", r"\ln\Gamma(s) + \ln\Gamma\left(s+\tfrac12\right) + (2s-1)\ln 2 - \tfrac12\ln\pi"),
    (r"\ln\Gamma(s) + \ln\Gamma(1-s)", r"\ln\pi - \ln\sin\pi s"),
    (r"\ln\Gamma(4)", r"\ln 6"),
])
def test_the_gamma_function_in_a_bare_logarithm_is_applied(lhs: str, rhs: str) -> None:
    # \ln\Gamma(s+1) is the log of the gamma function at s + 1, not \ln(\Gamma) times (s + 1)
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln\Gamma(s+1)", r"\ln s - \ln\Gamma(s)"),
    (r"\ln\Gamma(s+1)", r"\ln(s+1) + \ln\Gamma(s)"),
])
def test_a_slip_in_a_log_gamma_step_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^\infty s^{5} e^{-s}\,ds", "120"),
    (r"\int_0^\infty s^{6} e^{-s}\,ds", "6!"),
    (r"\int_0^\infty u^{7} e^{-u}\,du", r"\Gamma(8)"),
])
def test_an_improper_integral_peaked_away_from_the_origin_is_evaluated(lhs: str, rhs: str) -> None:
    # the coarse quadrature gets these to 1e-9 but estimates its error as 1: a finer one settles them
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_wrong_value_of_such_an_integral_is_refuted_and_a_divergent_one_has_none() -> None:
    assert check_step(r"\int_0^\infty s^{5} e^{-s}\,ds", "100", "=").status.value == "refuted"
    assert check_step(r"\int_0^\infty \frac{e^{-s}}{s}\,ds", "1", "=").status.value != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\Gamma(7)", r"6!"),
    (r"\Gamma(x)\Gamma(1-x)", r"\frac{\pi}{\sin \pi x}"),
    (r"\Gamma(x+1)\Gamma(1-x)", r"\frac{\pi x}{\sin \pi x}"),
    (r"\Gamma\left(\tfrac14\right)\Gamma\left(\tfrac34\right)", r"\pi\sqrt{2}"),
    (r"\frac{\Gamma(2)\Gamma(5)}{\Gamma(7)}", r"\frac{1!\,4!}{6!}"),
])
def test_the_notes_own_integral_for_gamma_keeps_the_library_reading(lhs: str, rhs: str) -> None:
    # the integral states the library's gamma function; put in, each step would need nested quadratures
    assert _verdicts(GAMMA_DEFINED + display("Then", lhs, rhs))[(lhs, rhs)] == "verified"


def test_a_slip_beside_the_notes_own_gamma_is_refuted() -> None:
    lhs, rhs = r"\Gamma(x+1)\Gamma(1-x)", r"\frac{2\pi x}{\sin(\pi x)}"
    assert _verdicts(GAMMA_DEFINED + display("Then", lhs, rhs))[(lhs, rhs)] == "refuted"


def test_a_gamma_the_notes_define_otherwise_is_still_theirs() -> None:
    # a different function under the same name: the document's own meaning decides the step
    body = ("Here $\\Gamma(x) = x^2 + 1$ is the profile.\n"
            + display("Then", r"\Gamma(2)", "5"))
    assert _verdicts(body)[(r"\Gamma(2)", "5")] == "verified"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\BetaFn(2,5)", r"\frac{\Gamma(2)\Gamma(5)}{\Gamma(7)}", "verified"),
    (r"\BetaFn(p,1)", r"\frac{1}{p}", "verified"),
    (r"\BetaFn(p+1,q)", r"\frac{p}{p+q}\BetaFn(p,q)", "verified"),
    (r"\BetaFn(2,5)", r"\frac{\Gamma(2)\Gamma(5)}{\Gamma(6)}", "refuted"),
    (r"\BetaFn(p+1,q)", r"\frac{q}{p+q}\BetaFn(p,q)", "refuted"),
])
def test_beta_defined_through_gamma_reads_gamma_as_one_function(lhs: str, rhs: str, status: str) -> None:
    # the definition applies \Gamma to letters; put in at numbers, \Gamma(2) must not become a product
    # while the \Gamma(7) written beside it is the function
    assert _verdicts(BETA_DEFINED + display("Hence", lhs, rhs))[(lhs, rhs)] == status


@pytest.mark.parametrize("lhs, rhs", [
    (r"P_2^1(x)", r"-3x\sqrt{1-x^2}"),
    (r"P_2^2(x)", r"3(1-x^2)"),
    (r"P_2^1(x)", r"-(1-x^2)^{1/2}\frac{d}{dx}P_2(x)"),
])
def test_an_associated_function_is_not_a_power_of_the_defined_one(lhs: str, rhs: str) -> None:
    # P_2^1 is the associated Legendre function of degree 2 and order 1, not P_2(x) to the first power
    body = display("The second Legendre polynomial is", r"P_2(x)", r"\frac{1}{2}(3x^2 - 1)") \
        + display("and the associated functions are", lhs, rhs)
    assert _verdicts(body)[(lhs, rhs)] != "refuted"


def test_the_defined_function_itself_is_still_put_in() -> None:
    body = display("The second Legendre polynomial is", r"P_2(x)", r"\frac{1}{2}(3x^2 - 1)") \
        + display("so", r"\frac{d}{dx}P_2(x)", r"3x + 1")
    assert _verdicts(body)[(r"\frac{d}{dx}P_2(x)", r"3x + 1")] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"P_2^1(x)", r"-3x\sqrt{1 - x^2}"),
    (r"Y_1^0(\theta)", r"\sqrt{\frac{3}{4\pi}}\cos\theta"),
    (r"Y_1^0(\theta)", r"\frac{1}{2}\sqrt{\frac{3}{\pi}}\cos\theta"),
])
def test_a_family_member_named_on_one_side_is_not_refuted(lhs: str, rhs: str) -> None:
    # without any definition in force: a power of P_3 times (x) would be refuted, the function is not
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "family of functions" in verdict.reason


def test_a_coefficient_squared_before_a_bracket_is_still_checked() -> None:
    # the letter is written on both sides: a coefficient, and a dropped square is a slip
    assert check_step(r"k_1^2(u+v)", r"k_1^2u + k_1v", "=").status.value == "refuted"
    assert check_step(r"k_1^2(u+v)", r"k_1^2u + k_1^2v", "=").status.value == "verified"
