"""Round 17 red team: commutators of operators and tiny values compared exactly."""
import time

import pytest

from lintmath.check import check_step


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    ("[A, e^{B}]", "0"),  # a function of an operator: beyond the budget for random matrices
    ("[A, \\exp(tB)]", "0"),
])
def test_functions_of_operators_are_not_read_as_commutators(lhs, rhs):
    started = time.perf_counter()
    assert status(lhs, rhs) == "unverified"
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("lhs, rhs", [
    ("[L_x, L_y^2]", "L_y[L_x, L_y] + [L_x, L_y]L_y"),
    ("[a^\\dagger a, a^\\dagger]", "a^\\dagger[a, a^\\dagger] + [a^\\dagger, a^\\dagger]a"),
    ("[X, Y]^T", "-[X^T, Y^T]"),
])
def test_product_rules_still_verify(lhs, rhs):
    assert status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("[A, BC]", "B[A, C] - [A, B]C"),
    ("[A, B]", "AB + BA"),
    ("[\\mu, \\nu]", "[\\nu, \\mu]"),  # lcm written [a, b]: symmetric, no commutator
])
def test_wrong_or_other_brackets_stay_unverified(lhs, rhs):
    assert status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("e^{-700}e^{-300}", "e^{-1000}"),
    ("2e^{-900}\\sinh(1)", "e^{-899} - e^{-901}"),
    ("(\\sin^2 x + \\cos^2 x - 1)e^{-800}", "0"),
    ("(4\\times 10^{-25})^2", "1.6\\times 10^{-49}"),
])
def test_tiny_correct_values_are_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("e^{-700}e^{-300}", "e^{-1100}"),
    ("(4\\times 10^{-25})^2", "8\\times 10^{-50}"),
])
def test_tiny_slips_are_refuted(lhs, rhs):
    assert status(lhs, rhs) == "refuted"
