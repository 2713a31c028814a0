"""Red team of thermodynamics, statistical mechanics and classical mechanics notes (round 17):
upright hyperbolic functions (\\mathrm{sech}, \\operatorname{arsinh}) read as the functions they name,
and arithmetic with physical constants (10^{-23}) compared in its own size instead of as "both ~0".
A correct step verifies or stays unverified; a planted slip is refuted or unverified, never the
other way round."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\mathrm{d}}{\mathrm{d}y}\tanh y", r"\mathrm{sech}^2 y"),
    (r"\frac{\partial}{\partial b}\tanh(a b)", r"a\,\operatorname{sech}^2(a b)"),
    (r"\mathrm{sech}^2 u", r"1 - \tanh^2 u"),
    (r"\mathrm{csch}\, w", r"\frac{1}{\sinh w}"),
    (r"\frac{2}{e^{s} + e^{-s}}", r"\mathrm{sech}\, s"),
    (r"\operatorname{arsinh} z", r"\ln\left(z + \sqrt{z^2 + 1}\right)"),
    (r"\operatorname{artanh} z", r"\frac12\ln\frac{1 + z}{1 - z}"),
    (r"\mathrm{arcosh}(\cosh 3)", r"3"),
])
def test_upright_hyperbolic_functions_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\mathrm{d}}{\mathrm{d}y}\tanh y", r"\mathrm{sech}^2 (3y)"),
    (r"\mathrm{sech}^2 u", r"1 + \tanh^2 u"),
    (r"\mathrm{csch}\, w", r"\frac{1}{\cosh w}"),
    (r"\operatorname{arsinh} z", r"\ln\left(z - \sqrt{z^2 + 1}\right)"),
])
def test_slips_with_upright_hyperbolic_functions_are_caught(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"1.381\times10^{-23}\times 310", r"4.28\times10^{-21}"),
    (r"1.381\times10^{-23}\times 310", r"4.3\times10^{-21}"),
    (r"\frac12 (1.67\times10^{-27})(3\times10^{4})^2", r"7.5\times10^{-19}"),
    (r"\frac{6.63\times10^{-34}\times 3.0\times10^{8}}{600\times10^{-9}}", r"3.3\times10^{-19}\,\mathrm{J}"),
    (r"10^{-7}\times 10^{-8}", r"10^{-15}"),
    (r"e^{-60}", r"8.8\times10^{-27}"),
])
def test_tiny_physical_numbers_are_compared_in_their_own_size(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"1.381\times10^{-23}\times 310", r"4.28\times10^{-22}"),  # exponent slip
    (r"\frac12 (1.67\times10^{-27})(3\times10^{4})^2", r"1.5\times10^{-18}"),  # the 1/2 dropped
    (r"10^{-7}\times 10^{-8}", r"10^{-56}"),
])
def test_slips_in_tiny_numbers_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-800}", r"e^{-900}"),  # both 0 in doubles, apart in their exact values
    (r"y\times 10^{-12}", r"y\cdot 10^{-13}"),  # with letters too: stable exact values that differ
])
def test_tiny_values_apart_in_their_exact_values_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{6.63\times10^{-34}\times 3.0\times10^{8}}{600\times10^{-9}}", r"3.3\times10^{-18}\,\mathrm{J}"),
])
def test_tiny_values_that_cannot_be_compared_stay_unverified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # thermodynamic derivatives held at constants, the triple product rule, Lagrangian partials
    (r"\left(\frac{\partial p}{\partial T}\right)_V\left(\frac{\partial T}{\partial V}\right)_p"
     r"\left(\frac{\partial V}{\partial p}\right)_T", "-1"),
    (r"\frac{\partial p}{\partial T}\frac{\partial T}{\partial V}\frac{\partial V}{\partial p}", "-1"),
    (r"\frac{\partial S}{\partial V}", r"\frac{\partial p}{\partial T}"),
    (r"\frac{\partial}{\partial x}\left(\frac12 m\dot x^2 - \frac12 k x^2\right)", r"-kx"),
    (r"\frac{\partial}{\partial \dot x}\left(\frac12 m\dot x^2 - \frac12 k x^2\right)", r"m\dot x"),
    # natural units: the constant set to 1 in the prose
    (r"\hbar\omega\left(n + \tfrac12\right)", r"\omega\left(n + \tfrac12\right)"),
])
def test_physics_notation_is_never_a_false_alarm(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # the sine integral and arcsecant typed upright before a bare argument: correct derivatives that
    # the product reading (a constant named Si times x) would refute
    (r"\frac{\mathrm{d}}{\mathrm{d}x}\left(x^2\mathrm{Si}\,x\right)", r"2x\,\mathrm{Si}\,x + x\sin x"),
    (r"\frac{\mathrm{d}}{\mathrm{d}x}\left(x\,\mathrm{arcsec}\,x\right)", r"\mathrm{arcsec}\,x + \frac{1}{\sqrt{x^2-1}}"),
    (r"\frac{\mathrm{d}}{\mathrm{d}t}\left(t\,\mathrm{Ci}\,t\right)", r"\mathrm{Ci}\,t + \cos t"),
])
def test_an_unknown_upright_function_before_a_letter_is_never_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathrm{MSE} + \mathrm{MSE}", r"2\,\mathrm{MSE}"),  # a named quantity alone is still read
    (r"\frac{\mathrm{SNR}}{2}\cdot 4", r"2\,\mathrm{SNR}"),
])
def test_an_upright_name_not_before_a_letter_is_still_a_quantity(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED
