"""Complex analysis and PDE notes: powers of an upright imaginary unit, a wave's phase written as a
letter times a bracket under the sine, and Fourier coefficients' signs (-1)^n, whose letter is an integer."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathrm{i}^3", r"\mathrm{i}^2 \cdot \mathrm{i}"),
    (r"\mathrm{i}^2\,\mathrm{i}", r"-\mathrm{i}"),
    (r"\mathrm{i}^{6}", r"\mathrm{i}^{4}\mathrm{i}^{2}"),
    (r"\mathrm{i}^{4}\mathrm{i}^{2}", r"-1"),
    (r"(2 - \mathrm{i})^2", r"4 - 4\mathrm{i} + \mathrm{i}^2"),
    (r"\mathrm{j}^2 R", r"-R"),
])
def test_a_power_of_the_upright_unit_is_the_units_power(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"\mathrm{i}^{4}\mathrm{i}^{2}", r"1", "sign_flip"),
    (r"\mathrm{i}^3", r"\mathrm{i}", "sign_flip"),
])
def test_a_wrong_power_of_the_upright_unit_is_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos(\omega t - \omega s)", r"\cos\omega(t - s)"),
    (r"\frac12\left[\sin(qy + vqt) + \sin(qy - vqt)\right]", r"\frac12\sin q(y + vt) + \frac12\sin q(y - vt)"),
    (r"e^{-a(r + 1)}", r"\exp a(-r - 1)"),
])
def test_a_phase_written_as_a_letter_times_a_bracket_is_not_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sin(qy + vqt)", r"\sin q(y - vt)"),  # wrong in either reach
    (r"\sin\phi(1 + \cos\phi)", r"\sin\phi + \cos\phi"),
])
def test_a_slip_beside_such_a_phase_is_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{4}{m\pi}\cdot\frac{\pi(-1)^{m+1}}{2}", r"\frac{2(-1)^{m+1}}{m}"),
    (r"\frac{3}{k}(1 - \cos k\pi)", r"\frac{3}{k}(1 - (-1)^k)"),
    (r"\frac1\pi\int_0^\pi u\sin ku\,du", r"\frac{(-1)^{k+1}}{k}"),
    (r"(-1)^{2m}", r"1"),
])
def test_the_letter_of_a_sign_power_is_sampled_at_integers(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"\frac{3}{k}(1 - \cos k\pi)", r"\frac{3}{k}(1 + (-1)^k)", "sign_flip"),
    (r"\frac1\pi\int_0^\pi u\sin ku\,du", r"\frac{(-1)^{k}}{k}", "sign_flip"),
])
def test_a_slipped_sign_power_is_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


def test_a_sign_power_alone_is_not_an_identity():
    # (-1)^m = 1 holds for even m only: a domain question, never verified
    assert check_step(r"(-1)^{m}", r"1", "=").status.value != "verified"
