"""Waves and optics notes: the imaginary unit written before a bracketed phase in an exponent,
e^{i(kx - \\omega t)}, and a worked line that puts in an exact whole number beside a rounded decimal
(1/0.25 - 1/0.3 = 4 - 3.33)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{i(qz - \nu t)} + e^{-i(qz - \nu t)}", r"2\cos(qz - \nu t)"),
    (r"\left|B e^{i(qz - \nu t)}\right|^2", r"B^2"),
    (r"\exp(j(\nu t + \phi)) + \exp(-j(\nu t + \phi))", r"2\cos(\nu t + \phi)"),
    (r"e^{i(u + w)}", r"e^{iu}e^{iw}"),
])
def test_the_unit_before_a_bracketed_phase_is_a_product(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"e^{i(u + w)} + e^{-i(u + w)}", r"2\sin(u + w)", "wrong_function"),
    (r"\left|e^{i(qz - \nu t)} + e^{i(qz - \nu t + \phi)}\right|^2", r"2 - 2\cos\phi", "sign_flip"),
])
def test_a_slip_beside_a_bracketed_phase_is_still_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    # a current applied to a time elsewhere in the step keeps i a function throughout
    (r"e^{i(s)} + i(s)", r"2\cos s"),
])
def test_the_phase_reading_refutes_nothing_on_its_own(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "unverified"


def test_a_difference_of_phases_set_to_a_cosine_is_refuted_in_every_reading() -> None:
    # with i the unit the left side is 2i sin(u + w), and with i a letter it is no cosine either
    # (round 30: an i in an exponent of e is no letter the right side dropped)
    assert check_step(r"e^{i(u + w)} - e^{-i(u + w)}", r"2\cos(u + w)", "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{0.25} - \frac{1}{0.3}", r"4 - 3.33"),
    (r"\frac{1}{0.125} - \frac{1}{0.15}", r"8 - 6.67"),
    (r"2^{3} \cdot \frac{1}{3}", r"8 \cdot 0.33"),
])
def test_an_exact_whole_number_beside_a_rounded_decimal_is_no_error(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{0.25} - \frac{1}{0.3}", r"5 - 3.33"),   # the whole number is not the part's value
    (r"\frac{1}{0.25} - \frac{1}{0.3}", r"4 - 3.43"),   # the decimal does not round the part
    (r"\frac{1}{0.25} + \frac{1}{0.3}", r"4 - 3.33"),   # a sign changed as well
])
def test_a_wrong_number_put_in_is_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "refuted"
