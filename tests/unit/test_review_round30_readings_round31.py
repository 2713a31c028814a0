"""Review of round 30's new readings (about 480 probes, wrong steps they might verify and right ones they
might refute): a whole number after \\approx is a rounding only (1999 is not about 1000, nor e about 2),
capitals a written matrix may hold as blocks are not read as numbers where the step multiplies two of
them (diag(A, B) diag(C, D) = diag(CA, DB)), a double superscript (2^3^2) is not read as one grouping,
a typed e^-\\lambda t may mean e^{-\\lambda t}, and Stirling's form of a binomial whose factorial has a
pole at some large point (\\ln\\binom{N}{n} with n > N) is an approximation, not a slip."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=", macros=None).status.value


def _approximation(lhs: str, rhs: str) -> str:
    steps = checked_steps(f"\\begin{{align*}}\n{lhs} &\\approx {rhs}\n\\end{{align*}}\n")
    assert len(steps) == 1
    return steps[0].verdict.status.value


@pytest.mark.parametrize("lhs, rhs", [
    ("1999", "1000"),
    ("e", "2"),
    ("19^2", "300"),
    ("\\frac{17}{10}", "1"),
])
def test_a_whole_number_cut_to_its_leading_digit_is_no_verified_approximation(lhs: str, rhs: str) -> None:
    assert _approximation(lhs, rhs) != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\pi", "3"),
    ("2^{10}", "1000"),
    ("1049", "1000"),
    ("\\pi", "3.1415"),  # digits dropped after the point are still a cut
    ("e", "2.71"),
    ("\\sqrt{2}", "1.414"),
])
def test_roundings_and_cut_decimals_still_verify(lhs: str, rhs: str) -> None:
    assert _approximation(lhs, rhs) == "verified"


DIAG_AB = "\\begin{pmatrix} A & 0 \\\\ 0 & B \\end{pmatrix}"
DIAG_CD = "\\begin{pmatrix} C & 0 \\\\ 0 & D \\end{pmatrix}"
FULL = "\\begin{pmatrix} A & B \\\\ C & D \\end{pmatrix}"


@pytest.mark.parametrize("lhs, rhs", [
    (DIAG_AB + DIAG_CD, "\\begin{pmatrix} CA & 0 \\\\ 0 & DB \\end{pmatrix}"),
    (FULL + "\\begin{pmatrix} E \\\\ F \\end{pmatrix}", "\\begin{pmatrix} EA + FB \\\\ EC + FD \\end{pmatrix}"),
    (f"\\det{FULL}", "AD - BC"),
])
def test_capitals_the_step_multiplies_are_not_read_as_numbers(lhs: str, rhs: str) -> None:
    # true of numbers, a slip of blocks: the order of the product is the claim
    assert _status(lhs, rhs) != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (DIAG_AB + DIAG_CD, "\\begin{pmatrix} AC & 0 \\\\ 0 & BD \\end{pmatrix}"),
    (FULL + "\\begin{pmatrix} x \\\\ y \\end{pmatrix}", "\\begin{pmatrix} Ax + By \\\\ Cx + Dy \\end{pmatrix}"),
    ("\\det\\begin{pmatrix} I_1 & 0 \\\\ 0 & I_2 \\end{pmatrix}", "I_1 I_2"),  # principal moments
    ("\\begin{pmatrix} I_1 & 0 \\\\ 0 & I_2 \\end{pmatrix}\\begin{pmatrix} \\omega_1 \\\\ \\omega_2 \\end{pmatrix}",
     "\\begin{pmatrix} I_1\\omega_1 \\\\ I_2\\omega_2 \\end{pmatrix}"),
])
def test_capitals_in_their_written_order_still_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("2^3^2", "512"),  # the usual convention, 2^{3^2}
    ("2^3^2", "64"),  # read left to right
    ("x^2^3", "x^8"),
    ("x^2 ^3", "x^6"),
])
def test_a_double_superscript_is_not_decided(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("{x^2}^3", "x^6"),
    ("x^{2^3}", "x^8"),
    ("(x^2)^3", "x^6"),
    ("x_1^2", "x_1 x_1"),
])
def test_a_braced_power_and_a_script_on_a_subscript_still_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dt} e^-\\lambda t", "-\\lambda e^{-\\lambda t}"),
    ("\\int_0^\\infty e^-\\lambda t dt", "\\frac{1}{\\lambda}"),
])
def test_a_typed_script_of_a_command_word_and_a_letter_is_read_whole(lhs: str, rhs: str) -> None:
    # a command word needs a space before the next letter, which does not end the script the author means
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("rhs", ["\\lambda e^{-\\lambda t}", "-e^{-\\lambda t}"])
def test_slips_of_a_typed_script_of_a_command_word_stay_refuted(rhs: str) -> None:
    assert _status("\\frac{d}{dt} e^-\\lambda t", rhs) == "refuted"


@pytest.mark.parametrize("lhs", ["\\ln \\frac{N!}{n!(N-n)!}", "\\ln \\binom{N}{n}"])
def test_stirling_for_a_binomial_is_no_false_alarm(lhs: str) -> None:
    assert _status(lhs, "N \\ln N - n\\ln n - (N-n)\\ln(N-n)") == "unverified"


@pytest.mark.parametrize("rhs", ["N \\ln N - n\\ln n + (N-n)\\ln(N-n)",
                                 "N \\ln N - n\\ln n - (N-n)\\ln(N-n) - N"])
def test_slips_in_stirling_for_a_binomial_stay_refuted(rhs: str) -> None:
    assert _status("\\ln \\binom{N}{n}", rhs) == "refuted"
