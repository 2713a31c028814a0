"""Materials science and electrochemistry notes: the area of a round bar worked out as \\pi (0.01)^2 (the
constant times a decimal, never the prime count), diffusion coefficients at two temperatures written
D_1, D_2 and D_0 (coefficients, not derivatives by a slot, where nothing follows them), and the
activation energy Q_d of diffusion after a slash (e^{-Q_d/RT}: the d labels Q, it is no differential)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{4 \times 10000}{\pi (0.01)^2}", r"1.273 \times 10^{8}"),
    (r"\pi (0.01)^2", r"3.1416\times 10^{-4}"),
    (r"\pi (2.5\times 10^{-3})^2", r"1.963\times 10^{-5}"),
    (r"\frac{\pi (0.02)^2}{4}", r"3.14\times 10^{-4}"),
])
def test_pi_before_a_bracketed_decimal_is_the_constant(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{4 \times 10000}{\pi (0.01)^2}", r"1.273 \times 10^{7}"),
    (r"\pi (0.0125)^2", r"4.91 \times 10^{-3}"),
    (r"\frac{4 \times 10000}{\pi (0.01)^2}", r"1.2 \times 10^{8}"),
])
def test_a_slip_in_the_area_of_a_bar_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [(r"\pi(10)", "4"), (r"\pi(3)", "2"), (r"\pi(x)", "4"), (r"\pi(0.5)", "1"),
                                      (r"2\pi(0.5)", "3"), (r"\pi(0.3) \pi(0.7)", "0.25")])
def test_pi_of_a_whole_number_or_a_letter_may_be_the_prime_count(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "refuted"


def test_the_slip_in_the_area_of_a_bar_is_diagnosed_as_a_power_of_ten() -> None:
    body = ("\\begin{align*}\n\\sigma &= \\frac{4 \\times 10000}{\\pi (0.01)^2} \\\\\n"
            "&= 1.273 \\times 10^{7}\n\\end{align*}\n")
    steps = checked_steps(body)
    assert steps[-1].verdict.status.value == "refuted"
    assert steps[-1].verdict.diagnosis is not None and "10^{8}" in steps[-1].verdict.diagnosis.suggestion


@pytest.mark.parametrize("lhs, rhs", [
    (r"-R\frac{\ln D_1 - \ln D_2}{1/T_1 - 1/T_2}", r"R\,\frac{\ln(D_2/D_1)}{1/T_1 - 1/T_2}"),
    (r"\ln D_1 - \ln D_2", r"\ln\frac{D_1}{D_2}"),
    (r"D_0 e^{-Q/RT}", r"D_0 \exp(-Q/(RT))"),
])
def test_numbered_diffusion_coefficients_are_quantities(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"-R\frac{\ln D_1 - \ln D_2}{1/T_1 - 1/T_2}", r"R\,\frac{\ln(D_1/D_2)}{1/T_1 - 1/T_2}"),
    (r"\ln D_1 - \ln D_2", r"\ln\frac{D_2}{D_1}"),
    (r"D_0 e^{-Q_d/RT}", r"D_0 e^{Q_d/RT}"),
])
def test_slips_with_numbered_diffusion_coefficients_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [(r"D_1 f", r"D_1 (f)"), (r"D_1 (x^2 y)", r"2xy"), (r"D_2 f(x, y)", r"f_y"),
                                      (r"D_1 \frac{x}{y}", r"\frac{2}{y}"), (r"D_2 \sin(xy)", r"x\cos(xy)")])
def test_a_numbered_d_before_what_it_acts_on_stays_a_derivative(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-Q_d/RT}", r"e^{-Q_d/(RT)}"),
    (r"D_0 e^{-Q_d/RT}", r"D_0 \exp\left(-\frac{Q_d}{RT}\right)"),
    (r"e^{-E_d/2k_BT}", r"e^{-E_d/(2k_BT)}"),
])
def test_a_subscript_d_before_a_slash_is_no_differential(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [(r"e^{-E_d/k_BT}", r"e^{-E_d/(2k_BT)}"), (r"e^{-Q_d/RT}", r"e^{-Q_d R/T}")])
def test_a_slip_after_a_slash_with_a_subscript_d_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_differential_before_a_slash_is_still_not_read_as_a_product() -> None:
    assert _status(r"dy/dx", r"\frac{dy}{dx}") != "refuted"


# what already held in the field: kept so
@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\frac{8}{3}\pi R^3}{\left(\frac{4R}{\sqrt 3}\right)^3}", r"\frac{\sqrt{3}\pi}{8}"),
    (r"\frac{4 \cdot \frac43 \pi R^3}{(2\sqrt2 R)^3}", r"\frac{\pi}{3\sqrt{2}}"),
    (r"\frac{a}{\sqrt{1^2 + (-1)^2 + 0^2}}", r"\frac{a}{\sqrt{2}}"),
    (r"1 - \operatorname{erf}\left(\frac{x}{2\sqrt{Dt}}\right)", r"\operatorname{erfc}\left(\frac{x}{2\sqrt{Dt}}\right)"),
    (r"\frac{2.0 \times 3600 \times 63.55}{2 \times 96485}", r"2.371"),
    (r"\frac{(1.5\times 10^{10})^2}{10^{15}}", r"2.25\times 10^{5}"),
    (r"j_0\left[e^{f\eta/2} - e^{-f\eta/2}\right]", r"2 j_0 \sinh\left(\frac{f\eta}{2}\right)"),
])
def test_worked_results_of_the_field_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"\frac{\frac{8}{3}\pi R^3}{\left(\frac{4R}{\sqrt 3}\right)^3}", r"\frac{\sqrt{3}\pi}{16}", "arithmetic"),
    (r"1 - \operatorname{erf}\left(\frac{x}{2\sqrt{Dt}}\right)", r"\operatorname{erf}\left(\frac{x}{2\sqrt{Dt}}\right)",
     "wrong_function"),
    (r"\frac{2.0 \times 3600 \times 63.55}{2 \times 96485}", r"4.742", "constant_factor"),
    (r"-3\times 10^{-11}\,\frac{1.2 - 0.8}{5\times 10^{-3} - 10^{-2}}", r"-2.4\times 10^{-9}", "sign_flip"),
    (r"j_0\left[e^{f\eta/2} - e^{-f\eta/2}\right]", r"2 j_0 \cosh\left(\frac{f\eta}{2}\right)", "wrong_function"),
])
def test_slips_of_the_field_are_refuted_with_their_diagnosis(lhs: str, rhs: str, kind: str) -> None:
    body = f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    step = checked_steps(body)[0]
    assert step.verdict.status.value == "refuted"
    assert step.verdict.diagnosis is not None and step.verdict.diagnosis.kind == kind


def test_nernst_in_base_ten_as_the_prose_states() -> None:
    body = ("Here $\\log$ denotes the base-10 logarithm.\n\\begin{align*}\n"
            "E &= 0.34 - \\frac{0.0592}{2}\\log 100 \\\\\n&= 0.34 - 0.0592 \\\\\n&= 0.2808\n\\end{align*}\n"
            "\\begin{align*}\n0.34 - \\frac{0.0592}{2}\\log 100 &= 0.34 - 0.0296\n\\end{align*}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses[1:] == ["verified", "verified", "refuted"]


def test_a_whole_result_after_decimals_is_suggested_rounded_as_the_author_rounds() -> None:
    # 1240/1.12 is 7750/7 exactly, but a wavelength in nm is written whole: 1107, not \frac{7750}{7}
    step = checked_steps("\\begin{align*}\n\\frac{1240}{1.12} &= 1384\n\\end{align*}\n")[0]
    assert step.verdict.status.value == "refuted"
    assert step.verdict.diagnosis is not None and step.verdict.diagnosis.suggestion == "1107"
