"""Review of this round's second wave of readings: a signed script typed without braces before a slash
(x^-1/2, e^-x/2) may carry the slash inside it (x^{-1/2}) as well as TeX's reading has it outside, and an
annotation (\\underbrace{..}_{=v}, \\cancelto{v}{..}) whose stated value differs from what it annotates by a
number, whatever its letters, verifies nothing; the letter H under the Hermitian mark (H^H) is no power to
refute a step with."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.typed import readings


def test_a_slashed_number_after_a_signed_script_is_read_inside_it_as_well() -> None:
    typed = readings("x^-1/2")
    assert typed is not None and typed.short == "x^{-1}/2" and typed.whole == "x^{-1/2}"
    assert readings("e^-t/\\tau").whole == "e^{-t/\\tau}"
    # a bare letter after the slash is the first factor of a product that stays outside (e^-t/RC)
    assert readings("e^-t/RC").whole == "e^{-t}/RC"


@pytest.mark.parametrize("lhs, rhs", [
    ("x^-1/2", "\\frac{1}{\\sqrt{x}}"),
    ("4^-1/2", "\\frac{1}{2}"),
    ("e^-x/2 \\cdot e^-x/2", "e^-x"),
    ("\\frac{d}{dx} x^-1/2", "-\\frac{1}{2} x^-3/2"),
])
def test_a_signed_script_before_a_slash_verifies_in_either_reading(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_step_that_holds_only_in_tex_reading_of_a_signed_script_is_not_decided() -> None:
    # x^{-1}/2 = 1/(2x) as TeX reads it, but x^{-1/2} as typed is meant as often: no verdict either way
    assert check_step("x^-1/2", "\\frac{1}{2x}", "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dx} x^-1/2", "\\frac{1}{2} x^-3/2"),
    ("x^-1/2 \\cdot x^-1/2", "x^-2"),
])
def test_a_slip_beside_a_signed_script_before_a_slash_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("a + \\underbrace{(2 - 1)}_{=0}", "a"),
    ("a + \\underbrace{\\sin^2 x + \\cos^2 x}_{=2}", "a + 2"),
    ("a + \\cancelto{0}{3}", "a"),
    ("\\frac{1}{2}\\underbrace{\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx}_{=\\pi}", "\\frac{\\pi}{2}"),
])
def test_an_annotation_its_own_numbers_contradict_verifies_nothing(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("a + \\underbrace{(b - b)}_{=0}", "a"),
    ("a + \\underbrace{\\sin^2 x + \\cos^2 x}_{=1}", "a + 1"),
    ("a + \\cancelto{0}{\\frac{1}{n}}", "a"),  # a limit the author takes: letters left, the value stands
    ("x + \\cancelto{0}{(y - y)}", "x"),
    ("\\frac{1}{2}\\underbrace{\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx}_{=\\sqrt{\\pi}}", "\\frac{\\sqrt{\\pi}}{2}"),
])
def test_an_annotation_that_holds_or_may_hold_still_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("(H^H)^H", "H"),
    ("(H^H H)^H", "H^H H"),
])
def test_the_letter_h_under_the_hermitian_mark_is_no_power_to_refute(lhs: str, rhs: str) -> None:
    # a channel matrix H: read as H to the power H, the conjugate transpose's rules were refuted
    assert check_step(lhs, rhs, "=").status.value != "refuted"


def test_a_power_of_h_and_other_bases_under_h_still_read() -> None:
    assert check_step("H^2", "H H", "=").status.value == "verified"
    assert check_step("2^H 2^H", "4^H", "=").status.value == "verified"
    assert check_step("(A^H)^H", "A", "=").status.value == "verified"
