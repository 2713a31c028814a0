"""Chains as course notes from other fields write them: a quantum-information note that sets an
operator (a sum of projectors) equal to the number 0, beside steps of matrices and kets that hold."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


def test_an_operator_set_equal_to_zero_is_refuted_not_an_internal_error() -> None:
    # the conventions that excuse a refuted step (bits modulo 2, residues) subtract the sides as
    # numbers; a projector sum beside 0 is a matrix beside a number and must not crash them
    verdict = check_step("\\ket{0}\\bra{0} + \\ket{1}\\bra{1}", "0", "=")
    assert verdict.status.value == "refuted"
    assert "internal error" not in verdict.reason


@pytest.mark.parametrize(("lhs", "rhs"), [
    ("\\ket{0}\\bra{0} + \\ket{1}\\bra{1}", "I"),
    ("\\ket{0}\\bra{0} - \\ket{0}\\bra{0}", "0"),
    ("\\ket{+}\\otimes\\ket{0}", "\\frac{1}{\\sqrt{2}}\\left(\\ket{00} + \\ket{10}\\right)"),
])
def test_operator_and_state_steps_that_hold_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_an_operator_beside_a_number_other_than_zero_is_left_undecided() -> None:
    # "= 1" may mean the identity operator: never an error
    assert check_step("\\ket{0}\\bra{0} + \\ket{1}\\bra{1}", "1", "=").status.value != "refuted"


def test_bits_modulo_two_still_excuses_a_sum_of_bits() -> None:
    verdict = check_step("1 + 1", "0", "=")
    assert verdict.status.value == "unverified"


@pytest.mark.parametrize(("lhs", "rhs"), [
    ("X\\otimes X\\ket{01}", "\\ket{10}"),
    ("H \\otimes H \\ket{00}", "\\frac{1}{2}(\\ket{00}+\\ket{01}+\\ket{10}+\\ket{11})"),
    ("X \\otimes Z\\ket{11}", "-\\ket{01}"),
    ("Z\\otimes Z \\otimes X\\ket{000}", "\\ket{001}"),
])
def test_a_tensor_product_of_gates_before_a_joint_state_applies_to_it(lhs: str, rhs: str) -> None:
    # X \otimes (X|01>) multiplies a 2 x 2 matrix by a 4-vector: (X \otimes X)|01> is the only grouping
    # whose sizes agree, and it reads as the bracketed step does
    assert check_step(lhs, rhs, "=").status.value == "verified"
    bracketed = lhs.replace("\\ket", ")\\ket", 1)
    assert check_step("(" + bracketed, rhs, "=").status.value == "verified"


def test_a_tensor_product_before_a_joint_state_that_does_not_hold_is_not_verified() -> None:
    assert check_step("X\\otimes X\\ket{01}", "\\ket{11}", "=").status.value != "verified"
    written = "\\begin{bmatrix}0&1\\\\1&0\\end{bmatrix}"
    assert check_step(f"{written}\\otimes{written}\\ket{{01}}", "\\ket{01}", "=").status.value == "refuted"
    assert check_step(f"{written}\\otimes{written}\\ket{{01}}", "\\ket{10}", "=").status.value == "verified"


def test_an_operator_that_fits_the_first_state_keeps_the_grouping_as_written() -> None:
    # X \otimes X|0>|1>: X fits |0>, so nothing says the author meant (X \otimes X)|01>
    assert check_step("X\\otimes I\\ket{0}\\ket{0}", "\\ket{10}", "=").status.value != "refuted"
    assert check_step("U\\otimes V\\ket{01}", "\\ket{10}", "=").status.value == "unverified"


def test_a_subscript_of_several_letters_reads_as_written_in_a_reason() -> None:
    # the reason named R_{eq} "R_{Mul}" (the index's node type, not its text)
    assert "R_{eq}" in check_step(r"\frac{1}{R_{eq}}", r"\frac{1}{R_1} + \frac{1}{R_2}", "=").reason
