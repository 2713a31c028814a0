"""Vibrations and acoustics notes: a letter that labels one quantity (\\omega_n, k_c, T_d) written twice in a
product is no Einstein dummy when the convention cannot read the step (a denominator, a function's
argument, a written matrix's entries): the step is decided as written, and a value the prose gives
rescues it; a level in decibels beside the line of numbers that takes its logarithm is compared (a slip
refuted), with levels rounded to whole dB and \\log alone read as the common logarithm beside them."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _step(lhs: str, rhs: str, prose: str = "") -> tuple[str, str]:
    body = (prose + "\n\n" if prose else "") + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    steps = checked_steps(body)
    assert len(steps) == 1
    return steps[0].verdict.status.value, steps[0].verdict.reason


NATURAL = "The undamped oscillator has natural frequency $\\omega_n = \\sqrt{k/m}$ and amplitude $A$."


def test_energy_with_the_natural_frequency_twice_is_verified_by_the_prose_value() -> None:
    # n labels \omega_n in a prefactor and inside the sine: no dummy, the value in force decides it
    status, _ = _step("\\frac{1}{2}mA^2\\omega_n^2\\sin^2(\\omega_n t) + \\frac{1}{2}kA^2\\cos^2(\\omega_n t)",
                      "\\frac{1}{2}kA^2", NATURAL)
    assert status == "verified"


@pytest.mark.parametrize("rhs", ["kA^2", "\\frac{1}{2}mA^2"])
def test_an_energy_slip_beside_the_prose_value_is_never_verified(rhs: str) -> None:
    status, _ = _step("\\frac{1}{2}mA^2\\omega_n^2\\sin^2(\\omega_n t) + \\frac{1}{2}kA^2\\cos^2(\\omega_n t)", rhs,
                      NATURAL)
    assert status != "verified"


@pytest.mark.parametrize("rhs, refuted", [
    ("\\frac{2\\pi\\zeta}{\\sqrt{1-\\zeta^2}}", False),
    ("\\frac{2\\pi}{\\sqrt{1-\\zeta^2}}", True),      # the damping ratio dropped
    ("\\frac{\\pi\\zeta}{\\sqrt{1-\\zeta^2}}", True),  # a factor 2 lost
])
def test_a_label_in_a_denominator_is_decided_as_written(rhs: str, refuted: bool) -> None:
    verdict = check_step("\\zeta\\omega_n\\frac{2\\pi}{\\omega_n\\sqrt{1-\\zeta^2}}", rhs, "=")
    assert verdict.status.value == ("refuted" if refuted else "verified")


def test_a_factor_two_lost_in_the_decrement_is_diagnosed_as_such() -> None:
    verdict = check_step("\\zeta\\omega_n\\frac{2\\pi}{\\omega_n\\sqrt{1-\\zeta^2}}",
                         "\\frac{\\pi\\zeta}{\\sqrt{1-\\zeta^2}}", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "constant_factor"


@pytest.mark.parametrize("lhs, rhs", [
    ("a_i a_i", "a_1^2"),               # read with the convention: a sum over 1..3, no slip
    ("\\sigma_{ij} n_j", "\\sigma_{ji} n_j"),  # a symmetric stress: the prose's to say
    ("\\frac{a_i}{b_i}", "1"),           # two quantities share the letter: no label of one
])
def test_tensor_indices_keep_the_convention_excuse(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("10\\log_{10}10^{8}", "8\\,\\mathrm{dB}"),
    ("10\\log_{10}\\left(10 \\cdot 10^{7}\\right)", "700\\,\\mathrm{dB}"),
    ("20\\log_{10}10^{5}", "50\\,\\mathrm{dB}"),
    ("10\\log_{10}\\left(10^{8} + 10^{8.5}\\right)", "85.2\\,\\mathrm{dB}"),
    ("10\\log_{10}2", "30\\,\\mathrm{dB}"),
])
def test_a_level_slip_beside_its_logarithm_is_refuted(lhs: str, rhs: str) -> None:
    status, _ = _step(lhs, rhs, "The intensity level is $L_I = 10\\log_{10}(I/I_0)$.")
    assert status == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("10\\log_{10}\\left(10^{8} + 10^{8.5}\\right)", "86.2\\,\\mathrm{dB}"),
    ("10\\log_{10}\\left(10^{6.5} - 10^{6}\\right)", "63.3\\,\\mathrm{dB}"),
    ("20\\log_{10}\\frac{0.2}{2\\times 10^{-5}}", "80\\,\\mathrm{dB}"),
    ("10\\log_{10}\\left(10 \\cdot 10^{7}\\right)", "80\\,\\mathrm{dB}"),
])
def test_levels_worked_out_are_verified(lhs: str, rhs: str) -> None:
    status, _ = _step(lhs, rhs)
    assert status == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("10\\log_{10}2", "3\\,\\mathrm{dB}"),
    ("10\\log 2", "3\\,\\mathrm{dB}"),        # \log alone is the common log in a level
    ("20\\log 2", "6"),
    ("10\\log_{10}\\left(10^{8} + 10^{8.5}\\right)", "86\\,\\mathrm{dB}"),  # rounded to whole dB
    ("10^{8}", "80\\,\\mathrm{dB}"),           # a ratio named by its level, no logarithm written
    ("10\\log_{10}\\frac{1}{4}", "-6\\,\\mathrm{dB}"),
])
def test_levels_rounded_to_whole_decibels_are_no_false_alarm(lhs: str, rhs: str) -> None:
    status, _ = _step(lhs, rhs)
    assert status != "refuted"


def test_a_level_slip_in_bare_log_notation_is_still_refuted() -> None:
    status, _ = _step("10\\log 2", "6\\,\\mathrm{dB}")
    assert status == "refuted"


def test_a_number_slip_in_a_level_is_diagnosed_as_arithmetic() -> None:
    steps = checked_steps("\\begin{align*}\n20\\log_{10}10^{5} &= 50\\,\\mathrm{dB}\n\\end{align*}\n")
    assert steps[0].verdict.status.value == "refuted"
    assert steps[0].verdict.diagnosis is not None and steps[0].verdict.diagnosis.kind == "arithmetic"


@pytest.mark.parametrize("lhs, rhs, status", [
    # what already works in the field, and slips that must stay refuted
    ("\\frac{F_0}{\\sqrt{(k - m\\omega^2)^2 + (c\\omega)^2}}",
     "\\frac{F_0/k}{\\sqrt{(1 - m\\omega^2/k)^2 + (c\\omega/k)^2}}", "verified"),
    ("\\frac{F_0}{\\sqrt{(k - m\\omega^2)^2 + (c\\omega)^2}}",
     "\\frac{F_0/k}{\\sqrt{(1 - m\\omega^2/k)^2 + (c\\omega)^2}}", "refuted"),
    ("(k + k_c - m\\omega^2)^2 - k_c^2", "(k - m\\omega^2)(k + 2k_c - m\\omega^2)", "verified"),
    ("(k + k_c - m\\omega^2)^2 - k_c^2", "(k - m\\omega^2)(k + k_c - m\\omega^2)", "refuted"),
    ("f_0\\frac{c + u}{c}\\cdot\\frac{c}{c - u}", "f_0\\frac{c + u}{c - u}", "verified"),
    ("f_0\\frac{c + u}{c}\\cdot\\frac{c}{c - u}", "f_0\\frac{c - u}{c + u}", "refuted"),
    ("\\cos(\\omega_1 t) + \\cos(\\omega_2 t)",
     "2\\cos\\left(\\frac{\\omega_1 - \\omega_2}{2}t\\right)\\sin\\left(\\frac{\\omega_1 + \\omega_2}{2}t\\right)",
     "refuted"),
    ("\\sqrt{\\frac{1 + 8\\zeta^2}{(1 - 2)^2 + 8\\zeta^2}}", "1", "verified"),
    ("4\\zeta^2 - 4\\zeta^4", "4\\zeta^2(1-\\zeta)", "refuted"),
])
def test_field_steps(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status

