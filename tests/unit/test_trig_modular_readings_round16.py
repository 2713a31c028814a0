"""Readings of notation from discrete maths, complex numbers and school trigonometry that a red team
found refuted while correct: a fraction modulo n as a modular inverse, i introduced as the imaginary
unit, minutes of arc after degrees, whole-number angles in degrees without the sign, the angles of
a triangle, and a slash after a function's argument. Each correct step verifies or stays unverified;
each wrong one stays refuted (or unverified), never the other way round."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


def status(lhs: str, rhs: str, relation: str = "=") -> Status:
    return check_step(lhs, rhs, relation).status


# --- a fraction or a negative power modulo n: a modular inverse -------------------------------
@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"2^{-1}", r"6 \pmod{11}", "==="),
    (r"\frac{3}{4}", r"2 \pmod 5", "==="),
    (r"5^{-1} \bmod 12", "5", "="),
    (r"\frac{1}{3} \bmod 8", "3", "="),
])
def test_a_modular_inverse_verifies(lhs: str, rhs: str, relation: str) -> None:
    assert status(lhs, rhs, relation) is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"2^{-1}", r"5 \pmod{11}", "==="),
    (r"5^{-1} \bmod 12", "7", "="),
])
def test_a_wrong_modular_inverse_is_refuted(lhs: str, rhs: str, relation: str) -> None:
    assert status(lhs, rhs, relation) is Status.REFUTED


def test_a_fraction_with_no_inverse_is_not_refuted() -> None:
    # 2 has no inverse modulo 4: the only reading left is the real remainder, which 3/2 mod 4 is
    assert status(r"\frac{3}{2} \bmod 4", r"\frac{3}{2}") is not Status.REFUTED


# --- i written on one side only: maybe the imaginary unit -------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"t^2 + 25", r"(t - 5i)(t + 5i)"),
    (r"\sqrt{-16}", "4i"),
    (r"-4", r"4e^{i\pi}"),
])
def test_the_imaginary_unit_introduced_verifies(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) is Status.VERIFIED


def test_a_wrong_factorisation_with_i_is_not_refuted_for_the_new_letter() -> None:
    assert status(r"t^2 + 25", r"(t - 5i)(t + 4i)") is Status.UNVERIFIED


# --- minutes and seconds of arc ---------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"40^\circ 30'", r"40.5^\circ"),
    (r"20^\circ 6' 36''", r"20.11^\circ"),
    (r"15^\circ 50' + 4^\circ 10'", r"20^\circ"),
])
def test_minutes_of_arc_add_to_the_degrees(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) is Status.VERIFIED


def test_wrong_minutes_of_arc_are_refuted() -> None:
    assert status(r"40^\circ 30'", r"40.3^\circ") is Status.REFUTED


def test_a_number_with_a_prime_alone_is_not_decided() -> None:
    # 6' alone may be six feet: no derivative of a number, and no refutation
    assert status("6'", "72''") is Status.UNVERIFIED


# --- whole-number angles written without the degree sign -------------------------------------
@pytest.mark.parametrize("lhs, rhs", [(r"\cos 60", r"\frac12"), (r"\tan 45 + \sin 90", "2")])
def test_degrees_without_the_sign_are_not_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) is Status.UNVERIFIED


def test_a_wrong_value_in_either_unit_is_refuted() -> None:
    assert status(r"\cos 60", r"\frac{\sqrt3}{2}") is Status.REFUTED


# --- A, B, C (alpha, beta, gamma) as the angles of a triangle ---------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"\cot A\cot B + \cot B\cot C + \cot C\cot A", "1"),
    (r"\sin\frac{\alpha + \beta}{2}", r"\cos\frac{\gamma}{2}"),
])
def test_triangle_identities_are_not_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) is Status.UNVERIFIED


def test_a_wrong_triangle_identity_is_refuted() -> None:
    assert status(r"\cot A\cot B + \cot B\cot C + \cot C\cot A", "2") is Status.REFUTED


def test_a_true_identity_of_a_b_c_still_verifies() -> None:
    assert status(r"\cos(A - C)", r"\cos A\cos C + \sin A\sin C") is Status.VERIFIED


# --- a slash after a function's argument -------------------------------------------------------
def test_a_slash_that_may_divide_the_argument_is_not_refuted() -> None:
    assert status(r"\cos \pi/3", r"\frac12") is Status.UNVERIFIED


def test_a_slash_wrong_both_ways_is_refuted() -> None:
    assert status(r"\cos \pi/3", r"\frac{\sqrt3}{2}") is Status.REFUTED


def test_a_slash_after_the_function_still_verifies() -> None:
    assert status(r"\cos 2t/2", r"\frac{\cos 2t}{2}") is Status.VERIFIED
