"""Wrong steps that verified because the letters are sampled positive and real: a root or a logarithm
of a letter the prose says may be negative (``for real $x$``, ``let $x < 0$``), the modulus of a letter
complex by its name (|z|^2 = z^2, |\\psi|^2 = \\psi^2), and a power of -1 of a letter that counts nothing
((-1)^{2x} = 1, sampled at whole x). Each is unverified now, and what is right stays verified."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.check import check_step


def _status(prose: str, lhs: str, rhs: str) -> str:
    (step,) = checked_steps(display(prose, lhs, rhs))
    return step.verdict.status.value


@pytest.mark.parametrize("prose", ["For real $x$ and $y$ we have", "Let $x, y \\in \\mathbb{R}$.",
                                   "Here $x$ and $y$ are real numbers.", "Let $x < 0$ and $y < 0$."])
@pytest.mark.parametrize("lhs, rhs", [
    ("\\sqrt{x^2}", "x"), ("(x^2)^{1/2}", "x"), ("(x^4)^{1/4}", "x"), ("\\sqrt{x^2 y^2}", "xy"),
    ("\\ln(x^2)", "2\\ln x"), ("\\ln|x|", "\\ln x"),
])
def test_a_root_or_log_of_a_letter_that_may_be_negative_is_not_verified(prose: str, lhs: str, rhs: str) -> None:
    if prose.startswith("Let $x < 0$") and rhs == "xy":
        # with both negative the product is positive: the step holds there, and is never an error
        assert _status(prose, lhs, rhs) != "refuted"
        return
    assert _status(prose, lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\sqrt{x^2}", "|x|"), ("\\ln(x^2)", "2\\ln|x|"), ("\\sqrt{(x-y)^2}", "|x - y|"), ("\\ln(e^x)", "x"),
    ("\\sqrt{x^2+y^2}", "\\sqrt{y^2+x^2}"), ("\\sqrt{4x^2}", "2|x|"),
])
def test_what_holds_of_every_real_letter_stays_verified(lhs: str, rhs: str) -> None:
    assert _status("For real $x$ and $y$ we have", lhs, rhs) == "verified"


def test_a_root_of_letters_the_prose_leaves_alone_or_makes_positive_stays_verified() -> None:
    assert _status("The root of a square:", "\\sqrt{x^2}", "x") == "verified"
    assert _status("Let $x > 0$ be a positive real number.", "\\sqrt{x^2}", "x") == "verified"
    # vectors in R^n say nothing of the sign of a scalar
    assert _status("Let $\\mathbf{u} \\in \\mathbb{R}^n$ and $t$ a scale.", "\\sqrt{t^2}", "t") == "verified"


@pytest.mark.parametrize("lhs, rhs", [("|z|^2", "z^2"), ("|z|^4", "z^4"), ("|\\psi|^2", "\\psi^2")])
def test_the_modulus_of_a_letter_complex_by_name_squared_as_if_real(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "complex by name" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [("|z|^2", "z\\bar z"), ("|\\psi|^2", "\\psi^*\\psi"), ("|zw|", "|z||w|"),
                                      ("|2z|", "2|z|"), ("|z|^2 + 1", "z\\bar z + 1"), ("|w|^2", "w^2")])
def test_moduli_that_hold_of_complex_letters_stay_verified(lhs: str, rhs: str) -> None:
    # (w alone is as often a real weight, |w|^2 = w^2 of it)
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_wrong_modulus_of_a_wavefunction_in_prose_is_not_verified() -> None:
    assert _status("For a wavefunction $\\psi$ the probability density is", "|\\psi|^2", "\\psi^2") == "unverified"


@pytest.mark.parametrize("lhs", ["(-1)^{2x}", "(-1)^{2t}"])
def test_a_power_of_minus_one_of_a_real_letter_is_not_a_sign(lhs: str) -> None:
    verdict = check_step(lhs, "1", "=")
    assert verdict.status.value == "unverified"
    assert "whole number" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [("(-1)^{2n}", "1"), ("(-1)^{n+1}", "-(-1)^n"), ("(-1)^{k}(-1)^k", "1"),
                                      ("\\cos(n\\pi)", "(-1)^n")])
def test_a_power_of_minus_one_of_a_counting_letter_stays_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [("(a+b)^2", "a^2+b^2"), ("\\sqrt{a+b}", "\\sqrt a + \\sqrt b"),
                                      ("\\log(a+b)", "\\log a \\log b"), ("\\sqrt{x^2}", "-x")])
def test_slips_that_were_never_verified_stay_so(lhs: str, rhs: str) -> None:
    assert _status("For real $a$, $b$ and $x$:", lhs, rhs) != "verified"
