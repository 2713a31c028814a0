"""Coding theory and arithmetic over GF(2): steps that hold only modulo 2 (or in characteristic p) where
the prose says it works there (``(a+b)^2 = a^2 + b^2`` over $\\mathbb{F}_2$, ``1\\cdot(1+1) + 1 = 1\\cdot 0 +
1`` among bits), a field named through the document's own macro (``$\\F_2$``), a modulus the prose states
for a whole section ("Throughout, all arithmetic is modulo 2"), and ordinary arithmetic elsewhere, whose
slips stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


FILLER = "".join(f"A sentence of the lecture that says nothing about the field, number {k}.\n" for k in range(16))


@pytest.mark.parametrize("prose", [
    "Over $\\mathrm{GF}(2)$ addition is the exclusive or.",
    "We compute in $\\mathbb{F}_2$, the field with two elements.",
    "In a field of characteristic $2$ the binomial theorem becomes very simple.",
    "Recall that all arithmetic is modulo 2 here.",
])
def test_a_step_that_holds_modulo_two_is_no_error_where_the_prose_works_there(prose: str) -> None:
    statuses = _statuses(prose + "\n" + _align("(a+b)^2 &= a^2 + 2ab + b^2", "&= a^2 + b^2"))
    assert statuses["(a+b)^2 = a^2 + 2ab + b^2"] == "verified"
    assert statuses["a^2 + 2ab + b^2 = a^2 + b^2"] == "unverified"


def test_a_slip_no_named_modulus_excuses_stays_refuted() -> None:
    # (x+y)^2 = x^2 + xy + y^2 is wrong modulo 2 as well: the difference xy has an odd coefficient
    statuses = _statuses("Over $\\mathbb{F}_2$ we expand\n" + _align("(x+y)^2 &= x^2 + xy + y^2"))
    assert statuses["(x+y)^2 = x^2 + xy + y^2"] == "refuted"


def test_frobenius_in_characteristic_p_is_no_error() -> None:
    body = "In a field of characteristic $p$ the Frobenius map is additive:\n" + _align("(a+b)^p &= a^p + b^p")
    assert _statuses(body)["(a+b)^p = a^p + b^p"] == "unverified"


def test_without_a_finite_field_in_the_prose_the_freshmans_dream_is_refuted() -> None:
    body = "Expanding the square of a sum of real numbers,\n" + _align("(a+b)^2 &= a^2 + b^2")
    assert _statuses(body)["(a+b)^2 = a^2 + b^2"] == "refuted"


def test_a_characteristic_polynomial_is_no_finite_field() -> None:
    body = ("The characteristic polynomial of the matrix is $p(\\lambda)$.\n"
            + _align("(a+b)^2 &= a^2 + b^2"))
    assert _statuses(body)["(a+b)^2 = a^2 + b^2"] == "refuted"


def test_bits_that_agree_modulo_two_are_no_error_even_without_prose() -> None:
    # an addition table of bits: 1 + 1 = 0 is the rule of GF(2), no slip of real arithmetic
    verdict = check_step("1\\cdot(1+1) + 1", "1\\cdot 0 + 1", "=")
    assert verdict.status.value == "unverified"
    assert "modulo 2" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [("1 + 1", "3"), ("1 + 2 + 1", "2"), ("2 + 2", "5"), ("1 - 1 + 1", "-1")])
def test_other_slips_of_small_numbers_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_a_field_named_by_the_documents_macro_is_read_in_the_prose() -> None:
    body = ("\\newcommand{\\F}{\\mathbb{F}}\n"
            "Let $\\F_2 = \\{0, 1\\}$; then $1 + 1 = 0$ and subtraction is addition.\n"
            + _align("x^7 - 1 &= x^7 + 1", "&= (x + 1)(x^3 + x + 1)(x^3 + x^2 + 1)"))
    statuses = _statuses(body)
    assert statuses["x^7 - 1 = x^7 + 1"] == "unverified"
    assert statuses["x^7 + 1 = (x + 1)(x^3 + x + 1)(x^3 + x^2 + 1)"] == "unverified"


def test_a_macro_defined_for_a_field_is_no_statement_that_the_prose_works_there() -> None:
    body = "\\newcommand{\\GF}{\\mathrm{GF}}\nWe expand a square of reals.\n" + _align("(a+b)^2 &= a^2 + b^2")
    assert _statuses(body)["(a+b)^2 = a^2 + b^2"] == "refuted"


def test_a_modulus_stated_throughout_reaches_to_the_next_section() -> None:
    body = ("\\section{Binary codes}\nThroughout this section all arithmetic is modulo 2.\n" + FILLER
            + _align("u + v + v &= u") + "\\section{Real numbers}\n" + _align("a + b + b &= a"))
    statuses = _statuses(body)
    assert statuses["u + v + v = u"] == "unverified"
    assert statuses["a + b + b = a"] == "refuted"


def test_a_modulus_stated_in_passing_reaches_only_the_lines_below_it() -> None:
    body = "Note that $10 \\equiv 3 \\pmod 7$.\n" + FILLER + _align("a + b + b &= a")
    assert _statuses(body)["a + b + b = a"] == "refuted"


def test_prose_that_turns_back_to_the_reals_ends_a_standing_modulus() -> None:
    body = ("From now on we work modulo 2.\n" + _align("u + v + v &= u")
            + "Over the reals, by contrast,\n" + FILLER + _align("a + b + b &= a"))
    statuses = _statuses(body)
    assert statuses["u + v + v = u"] == "unverified"
    assert statuses["a + b + b = a"] == "refuted"


def test_a_display_the_modulus_reaches_is_read_in_it_to_its_end() -> None:
    rows = ["\\alpha^4 &= \\alpha^2 + \\alpha", "\\alpha^5 &= \\alpha^2 + \\alpha + 1"] + \
        [f"\\alpha^{{{k}}} \\alpha^{{{k}}} &= \\alpha^{{{2 * k}}}" for k in range(2, 7)] + \
        ["\\alpha^6 &= \\alpha^2 + 1", "\\alpha^7 &= 1"]
    body = "In $\\mathrm{GF}(2^3)$ let $\\alpha$ be a root of $x^3 + x + 1$, so $\\alpha^3 = \\alpha + 1$.\n" + \
        "\\begin{align*}\n" + " \\\\\n\n".join(rows) + "\n\\end{align*}\n"
    statuses = _statuses(body)
    assert statuses["\\alpha^6 = \\alpha^2 + 1"] != "refuted"
    assert statuses["\\alpha^{2} \\alpha^{2} = \\alpha^{4}"] == "verified"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("2^{10} \\bmod 11", "1", "verified"),
    ("100 \\bmod 7", "2", "verified"),
    ("100 \\bmod 7", "3", "refuted"),
    ("23 \\cdot 17 \\bmod 10", "3", "refuted"),
    ("\\binom{7}{0} + \\binom{7}{1}", "8", "verified"),
    ("\\binom{7}{2}", "42", "refuted"),
    ("\\frac{2^m - 1 - m}{2^m - 1}", "1 - \\frac{m}{2^m - 1}", "verified"),
    ("\\binom{n}{2}", "\\frac{n(n+1)}{2}", "refuted"),
])
def test_code_parameters_and_remainders(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_field_named_by_its_order_works_modulo_its_characteristic() -> None:
    # F_4 has characteristic 2 (it is no ring of residues modulo 4): 1 + 1 = 0 and 2ab = 0 there
    body = "We write $\\mathbb{F}_4 = \\{0, 1, \\omega, \\omega + 1\\}$.\n" + \
        _align("(a + b)^2 &= a^2 + b^2", "1 + 1 + 1 &= 1")
    statuses = _statuses(body)
    assert statuses["(a + b)^2 = a^2 + b^2"] == "unverified"
    assert statuses["1 + 1 + 1 = 1"] == "unverified"


def test_characteristic_three_excuses_multiples_of_three_only() -> None:
    body = "In characteristic $3$ the cube of a sum is simple:\n" + \
        _align("(x + 1)^3 &= x^3 + 3x^2 + 3x + 1", "&= x^3 + 1") + "and the square\n" + \
        _align("(x + 1)^2 &= x^2 + 2x + 1", "&= x^2 + 1")
    statuses = _statuses(body)
    assert statuses["x^3 + 3x^2 + 3x + 1 = x^3 + 1"] == "unverified"
    assert statuses["x^2 + 2x + 1 = x^2 + 1"] == "refuted"


def test_a_modulus_in_a_section_title_holds_for_the_section() -> None:
    body = "\\section{Codes over $\\mathrm{GF}(2)$}\n" + FILLER + _align("u + v + v &= u") + \
        "\\section{Analysis}\n" + _align("a + b + b &= a")
    statuses = _statuses(body)
    assert statuses["u + v + v = u"] == "unverified"
    assert statuses["a + b + b = a"] == "refuted"


def test_a_definition_in_force_still_verifies_a_step_below_prose_about_residues() -> None:
    # "in F_2^n" names the field of the words, yet 2^{n-m}(1 + n) = 2^n holds as real numbers by n = 2^m - 1
    body = ("A Hamming ball of radius one in $\\mathbb{F}_2^n$ holds $1 + n$ words, and for $n = 2^m - 1$\n"
            + _align("2^{n - m} (1 + n) &= 2^{n-m} \\cdot 2^m", "&= 2^n"))
    statuses = _statuses(body)
    assert statuses["2^{n - m} (1 + n) = 2^{n-m} \\cdot 2^m"] == "verified"
    assert statuses["2^{n-m} \\cdot 2^m = 2^n"] == "verified"
