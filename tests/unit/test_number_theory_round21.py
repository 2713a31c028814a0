"""Red team of elementary number theory and cryptography notes (round 21): a row ``e &= 3`` among an
RSA key's values, sigma as the divisor sum (by its whole-number argument or by the prose's own
definition), Legendre symbols written as bracketed fractions, arithmetic functions of whole numbers,
residue equations only modulo the numbers the prose names, and a modulus written by a user macro."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.model import Document
from lintmath.pipeline import _moduli_near, _modular_prose, check_text


def _check(body: str, preamble: str = ""):
    result = check_text("\\documentclass{article}\n" + preamble + "\n\\begin{document}\n" + body
                        + "\n\\end{document}\n", "notes.tex", Config(jobs=0))
    return result.steps, result.findings


def _statuses(body: str, preamble: str = "") -> list[str]:
    steps, _ = _check(body, preamble)
    return [s.verdict.status.value for s in steps]


# --- e alone on the left of a row: a letter's value, not Euler's number --------------------------------

def test_a_row_giving_the_letter_e_a_value_is_not_refuted() -> None:
    body = "For the small key:\n\\begin{align*}\n N &= 77, \\\\\n e &= 7, \\\\\n d &= 43\n\\end{align*}"
    statuses = _statuses(body)
    assert "refuted" not in statuses, statuses


def test_euler_number_that_disappears_is_still_refuted() -> None:
    assert _statuses("\\[ e^{\\ln 5} = 6 \\]") == ["refuted"]


# --- sigma in number theory ---------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\sigma(3^2)", "13"),
    (r"\sigma(2^2 \cdot 5)", "42"),
    (r"\sigma(2^3)\sigma(3)", r"\sigma(24)"),
])
def test_sigma_of_whole_numbers_is_the_divisor_sum(lhs: str, rhs: str) -> None:
    assert _statuses(f"\\[ {lhs} = {rhs} \\]") == ["verified"]


def test_a_wrong_divisor_sum_is_not_verified() -> None:
    # (read as the sigmoid it fails too; a whole-number argument keeps it from being refuted)
    assert _statuses(r"\[ \sigma(3^2) = 12 \]") == ["unverified"]


def test_sigma_the_prose_defines_by_divisors_is_not_the_sigmoid() -> None:
    body = ("Write $\\sigma(m) = \\sum_{d \\mid m} d$ for the sum of the divisors of $m$.\n"
            "\\begin{align*}\n \\sigma(q^j) &= 1 + q + \\dots + q^j \\\\\n"
            " &= \\frac{q^{j+1} - 1}{q - 1}\n\\end{align*}")
    statuses = _statuses(body)
    assert statuses[0] == "unverified" and "refuted" not in statuses, statuses


def test_a_readable_sigmoid_definition_still_refutes_a_slip() -> None:
    body = "Let $\\sigma(u) = \\frac{1}{1 + e^{-u}}$.\n\\[ \\sigma(-u) = \\sigma(u) - 1 \\]"
    assert _statuses(body) == ["refuted"]


# --- Legendre symbols ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\left(\frac{-1}{q}\right)", r"(-1)^{(q-1)/2}"),
    (r"\left(\frac{m}{q}\right)\left(\frac{k}{q}\right)", r"\left(\frac{mk}{q}\right)"),
    (r"\left(\frac{5}{19}\right)", "1"),
])
def test_a_bracketed_fraction_standing_alone_may_be_a_legendre_symbol(lhs: str, rhs: str) -> None:
    assert _statuses(f"\\[ {lhs} = {rhs} \\]") == ["unverified"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\left(\frac{1}{2}\right) y", "y"),  # a half is no symbol
    (r"\left(\frac{m(m+1)}{2}\right)^2", r"\frac{m^2(m+1)}{4}"),  # a power of a quotient
    (r"\ln\left(\frac{u}{v}\right)", r"\ln u + \ln v"),  # a function's argument
    (r"\frac{d}{dt}\left(\frac{1}{t}\right)", r"\frac{1}{t^2}"),  # what a derivative takes
])
def test_quotients_in_brackets_are_still_refuted(lhs: str, rhs: str) -> None:
    assert _statuses(f"\\[ {lhs} = {rhs} \\]") == ["refuted"]


# --- arithmetic functions of whole numbers ----------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\varphi(45)", r"45 \cdot \frac23 \cdot \frac45"),
    (r"\phi(2^5)", "16"),
    (r"\tau(100)", "(2+1)(2+1)"),
    (r"\mu(30)", "-1"),
    (r"\mu(2) + \mu(5) + \mu(10)", "-1"),
])
def test_arithmetic_functions_of_whole_numbers_verify(lhs: str, rhs: str) -> None:
    assert _statuses(f"\\[ {lhs} = {rhs} \\]") == ["verified"]


@pytest.mark.parametrize("body", [
    r"\[ \varphi(45) = 20 \]",
    r"\[ \tau(100) = 8 \]",
    "Let $\\phi(x) = x + 1$.\n\\[ \\phi(3) = 2 \\]",  # the document's own phi: not the totient
])
def test_wrong_values_or_other_functions_do_not_verify(body: str) -> None:
    assert "verified" not in _statuses(body)


# --- residue equations modulo the numbers the prose names -------------------------------------------------

def test_numbers_equated_modulo_the_stated_number_are_not_refuted() -> None:
    assert _statuses("Working modulo $11$:\n\\[ 4 \\cdot 13 = 8 \\]") == ["unverified"]


def test_numbers_that_differ_modulo_every_stated_number_are_refuted() -> None:
    steps, findings = _check("Working modulo $11$ and modulo $13$:\n\\[ 4 \\cdot 13 = 50 \\]")
    assert [s.verdict.status.value for s in steps] == ["refuted"] and findings


def test_a_modulus_named_by_a_letter_may_be_any_number() -> None:
    assert _statuses("Working modulo $q$:\n\\[ 4 \\cdot 13 = 50 \\]") == ["unverified"]


def test_the_moduli_the_prose_names() -> None:
    lines = ("x", r"so $a \equiv b \pmod{26}$", r"In $\mathbb{Z}_{9}$ and mod 4.", r"modulo $p - 1$", "y")
    doc = Document(path="n.tex", lines=lines, derivations=())
    found = _modular_prose(doc)
    assert found == [(2, (26,), 5), (3, (9, 4), 5), (4, None, 5)]  # (each holds to the end of the text here)
    assert _moduli_near(3, found) == (4, 9, 26)
    assert _moduli_near(5, found) is True
    assert _moduli_near(1, found) is False


# --- a modulus written by the document's macro --------------------------------------------------------------

PREAMBLE = r"\newcommand{\Mod}[1]{\ (\mathrm{mod}\ #1)}"


def test_a_congruence_with_a_macro_modulus_is_decided() -> None:
    body = "\\begin{align*}\n 41 &\\equiv 5 \\Mod{9} \\\\\n 50 &\\equiv 4 \\Mod{9}\n\\end{align*}"
    assert _statuses(body, PREAMBLE) == ["verified", "refuted"]
