"""Primes without a written variable, as calculus notes write the product, quotient and chain rules:
the primed letters, and the letters inside a primed group, are functions of one implicit variable
(x where the step writes it), every prime the derivative by it (see lintmath/primed.py)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.check import parse_step
from lintmath.primed import as_functions, prime_reading
from lintmath.parse import nodes as n


@pytest.mark.parametrize("lhs, rhs", [
    (r"(fg)'", r"f'g + fg'"),
    (r"(fgh)'", r"[(fg)h]'"),
    (r"[(fg)h]'", r"(fg)'h + h'fg"),
    (r"(fg)'h + h'fg", r"(f'g + g'f)h + h'fg"),
    (r"(f/g)'", r"\frac{f'g - fg'}{g^2}"),
    (r"\left(\frac{f}{g}\right)'", r"\frac{f'g - fg'}{g^2}"),
    (r"(e^{f})'", r"f'e^{f}"),
    (r"(fg)''", r"f''g + 2f'g' + fg''"),
    (r"(f^2)'", r"2ff'"),
    (r"(\ln f)'", r"\frac{f'}{f}"),
    (r"(\sin f)'", r"\cos f \cdot f'"),
    (r"(uv)'", r"u'v + uv'"),
    (r"(f + g)'", r"f' + g'"),
    (r"(x f)'", r"f + x f'"),  # x is the variable
    (r"(t f)'", r"f + t f'"),  # so is t where no x is written
    (r"x'", r"1"),
    (r"1", r"x'"),
    (r"x'", r"(\sqrt{x}\sqrt{x})'"),
])
def test_calculus_primes_verify(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", verdict.reason


@pytest.mark.parametrize("lhs, rhs, constant", [
    (r"(cf)'", r"cf'", "c"),
    (r"(fg)'", r"f'g", "g"),  # holds only if g is constant: not verified, not refuted
])
def test_holds_only_with_a_letter_constant(lhs: str, rhs: str, constant: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert verdict.reason.startswith(f"holds if {constant} is constant")


@pytest.mark.parametrize("lhs, rhs", [
    (r"(fg)'", r"f'g'"),
    (r"(x f)'", r"x f'"),
    (r"(e^{f})'", r"e^{f}"),
    (r"(ab)'", r"b'a'"),  # a transpose of a product, in statistics notes
    (r"(y - b)'(y - b)", r"y'y - 2b'y + b'b"),
    (r"x'", r"\gamma(x - vt)"),  # x' a new coordinate
    (r"y'", r"2x"),
    (r"(\psi x)'", r"\psi + x\psi'"),  # a Greek letter is not read as a function here
])
def test_wrong_or_other_primes_are_not_verified_nor_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    # every letter primed somewhere: all are functions, and a small edit explains the slip for any f, g
    (r"(fg)'", r"f'g - fg'", "sign_flip"),
    (r"(f + g)'", r"f' - g'", "sign_flip"),
    (r"(2f)'", r"3f'", "arithmetic"),
])
def test_a_slip_in_a_rule_of_primed_functions_is_refuted(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"(x^2)'", r"2x"),
    (r"(5x^2)'", r"(5)(x^2)'"),
    (r"[(x^2)\cdot(x)]'", r"(x^2)'\cdot(x) + (x^2)\cdot(x)'"),
    (r"(f(x)g(x))'", r"f'(x)g(x) + f(x)g'(x)"),
    (r"(z-W\gamma)'(z-W\gamma)", r"z'z - 2z'W\gamma + \gamma'W'W\gamma"),  # transposes, as before
])
def test_existing_prime_readings_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_slip_with_the_variable_alone_is_still_refuted() -> None:
    assert check_step(r"(x^2)'", r"3x", "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"f'(x)", r"2x"),  # the variable written: not this reading
    (r"\frac{d}{dx}(fg)", r"f'g + fg'"),  # a derivative written with its variable
    (r"X'X\beta", r"X'y"),  # a capital primed: a transpose
    (r"(X\beta)'", r"\beta'X'"),
    (r"(x^2)'", r"2x"),  # the variable alone: the lowering reads it already
    (r"a + b", r"b + a"),
])
def test_reading_is_taken_only_for_implicit_primes(lhs: str, rhs: str) -> None:
    parsed = parse_step(lhs, rhs, {})
    assert prime_reading(parsed.lhs, parsed.rhs) is None


def test_reading_names_the_functions_and_the_maybe_constants() -> None:
    parsed = parse_step(r"(cfg)'", r"c f'g + cfg'", {})
    reading = prime_reading(parsed.lhs, parsed.rhs)
    assert reading is not None
    assert reading.variable == "x" and reading.groups
    assert reading.functions == {"c", "f", "g"}
    assert reading.unprimed == {"c"}


def test_rewrite_applies_functions_and_keeps_offsets() -> None:
    parsed = parse_step(r"(fg)'", r"f'g + cg", {})
    reading = prime_reading(parsed.lhs, parsed.rhs)
    left = as_functions(parsed.lhs, reading)
    assert isinstance(left, n.Deriv) and not left.primes
    assert [(v.base, k) for v, k in left.wrt] == [("x", 1)]
    applied = [x for x in as_functions(parsed.rhs, reading).walk() if isinstance(x, n.Apply)]
    assert {(a.func.base, a.primes) for a in applied} == {("f", 1), ("g", 0)}
    assert all(parsed.rhs.start <= a.start < a.end <= parsed.rhs.end for a in applied)
    # with constants, the letter never primed stays a letter
    constants = as_functions(parsed.lhs, reading, constants=True)
    assert not any(isinstance(x, n.Apply) and x.func.base == "c" for x in constants.walk())


def test_fresh_variable_where_no_conventional_one_is_written() -> None:
    parsed = parse_step(r"(fg)'", r"f'g + fg'", {})
    assert prime_reading(parsed.lhs, parsed.rhs).variable == "x"
    parsed = parse_step(r"(xy)'", r"x'y + xy'", {})
    reading = prime_reading(parsed.lhs, parsed.rhs)
    assert reading.variable == "x" and reading.functions == {"y"}


@pytest.mark.parametrize("lhs, rhs", [
    (r"(x f)'", r"f"),  # f held constant: it is a function of x
    (r"(x^2 g)'", r"2xg"),
    (r"(f^2)'", r"2f"),  # f is no variable either
    (r"(e^{f})'", r"e^{f}"),
    (r"(\sin g)'", r"\cos g"),
])
def test_function_letters_inside_a_primed_group_are_not_constants_or_the_variable(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"(f^2)'", r"2ff'"),
    (r"(\sin g)'", r"g'\cos g"),
    (r"(b^2)'", r"2b"),  # another letter alone is still the variable
])
def test_function_letters_differentiate_by_the_chain_rule(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
