"""Number and combinatorics notation (round 18): Knuth's Stirling numbers ({n \\brace k}, {n \\brack k},
a bracketed \\atop), real odd roots of negative radicands, a fraction as a brace-less exponent,
repeating decimals, rounding to the nearest integer, the entrywise (Hadamard) product of vectors and
matrices, the vector of ones written transposed, and powers of a diagonal matrix written out. Each is a
reading that decides: right steps verify and slips are refuted, while what stays ambiguous (a
composition, a q-binomial, a tie, an odd root among complex numbers) is never an error."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.parse.parser import parse_math

DIAG = r"\begin{pmatrix} a & 0 \\ 0 & b \end{pmatrix}"


@pytest.mark.parametrize("lhs, rhs", [
    (r"{4 \brace 2}", "7"),
    (r"{5 \brace 3}", "25"),
    (r"{4 \brack 2}", "11"),
    (r"{5 \brack 5}", "1"),
    (r"\left[{4 \atop 2}\right]", "11"),
    (r"\left\{{4 \atop 2}\right\}", "7"),
    (r"\left( 4 \atop 2 \right)", "6"),
    (r"{4 \brace 2} + {4 \brack 2}", "18"),
    (r"\left( a \over b \right) c", r"\frac{ac}{b}"),
    (r"\sqrt[3]{-8}", "-2"),
    (r"\sqrt[5]{-x^5}", "-x"),
    (r"\sqrt[3]{-27a^3}", "-3a"),
    (r"x^\frac12", r"\sqrt{x}"),
    (r"e^\frac{x}{2}", r"\sqrt{e^x}"),
    (r"e^\tfrac x2 e^\frac x2", r"e^x"),
    (r"0.\overline{3}", r"\frac13"),
    (r"0.1\overline{6}", r"\frac16"),
    (r"1.\dot{3}", r"\frac43"),
    (r"0.\dot{1}4\dot{2}", r"\frac{142}{999}"),
    (r"2.\overline{45}", r"\frac{27}{11}"),
    (r"0.\overline{9}", "1"),
    (r"3 \times 0.\overline{3}", "1"),
    (r"\lfloor 2.6 \rceil", "3"),
    (r"\lfloor x + 1 \rceil", r"\lfloor x \rceil + 1"),
    (r"(\mathbf{a} \odot \mathbf{b})_i", "a_i b_i"),
    (r"\mathbf{a} \odot (\mathbf{b} + \mathbf{c})", r"\mathbf{a} \odot \mathbf{b} + \mathbf{a} \odot \mathbf{c}"),
    (r"2\mathbf{a} \odot \mathbf{b}", r"\mathbf{a} \odot 2\mathbf{b}"),
    (r"\mathbf{A} \circ \mathbf{B}", r"\mathbf{B} \circ \mathbf{A}"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \odot \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
     r"\begin{pmatrix} 1 & 4 \\ 9 & 16 \end{pmatrix}"),
    (r"\mathbf{1}^T(\mathbf{a} \odot \mathbf{b})", r"\mathbf{a}^T\mathbf{b}"),
    (r"\mathbf{1}^\top \mathbf{x}", r"\sum_i x_i"),
    (DIAG + "^k", r"\begin{pmatrix} a^k & 0 \\ 0 & b^k \end{pmatrix}"),
    (r"\begin{pmatrix} 4 & 0 \\ 0 & 9 \end{pmatrix}^{1/2}", r"\begin{pmatrix} 2 & 0 \\ 0 & 3 \end{pmatrix}"),
])
def test_number_notation_verifies(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", verdict


@pytest.mark.parametrize("lhs, rhs", [
    (r"{4 \brace 2}", "6"),
    (r"{4 \brack 2}", "6"),
    (r"\left[{4 \atop 2}\right]", "7"),
    (r"\sqrt[3]{-8}", "2"),
    (r"\sqrt[3]{-27a^3}", "3a"),
    (r"x^\frac12", "x"),
    (r"e^\frac{x}{2}", "e^x"),
    (r"0.\overline{3}", "0.3"),
    (r"1.\dot{3}", "1.3"),
    (r"0.1\overline{6}", "0.17"),
    (r"0.\overline{3}", r"\frac{3}{10}"),
    (r"\lfloor 2.6 \rceil", "2"),
    (r"(\mathbf{a} \odot \mathbf{b})_i", "a_i + b_i"),
    (r"\mathbf{A} \odot \mathbf{B}", r"\mathbf{A}\mathbf{B}"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \odot \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
     r"\begin{pmatrix} 7 & 10 \\ 15 & 22 \end{pmatrix}"),
    (r"\mathbf{1}^\top \mathbf{x}", r"\sum_i x_i^2"),
    (DIAG + "^k", r"\begin{pmatrix} ka & 0 \\ 0 & kb \end{pmatrix}"),
])
def test_slip_in_number_notation_is_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted", verdict


@pytest.mark.parametrize("lhs, rhs", [
    (r"{n \brace 2}", r"2^{n-1} - 1"),  # of letters: no value at real points
    (r"{n \brack k}_q", r"{n \brack n-k}_q"),  # the Gaussian binomial coefficient
    (r"{n \atop k}", "1"),  # no brackets say what is stacked
    (r"\sqrt[3]{-8}", r"1 + \mathrm{i}\sqrt{3}"),  # among complex numbers, the principal root
    (r"\lfloor 2.5 \rceil", "2"),  # a tie: half up or half to even
    (r"\lfloor 2.5 \rceil", "3"),
    (r"\lfloor x \rceil", "x"),  # letters may stand for integers
    (r"(f \circ g)(x)", "f(g(x))"),  # a composition
    (r"x \odot y", "x y"),  # letters not known to be vectors
    (r"\mathbf{a} \odot \mathbf{b}\mathbf{c}^T", r"\mathbf{b}\mathbf{c}^T"),  # grouping beside a product
    (r"\mathbf{1} \mathbf{x}", r"\mathbf{x}"),  # \mathbf{1} untransposed may be the identity
])
def test_ambiguous_number_notation_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value != "refuted", verdict


@pytest.mark.parametrize("text, period", [
    (r"0.\overline{3}", ("0.", "3")),
    (r"0.1\overline{6}", ("0.1", "6")),
    (r"1.\dot 3", ("1.", "3")),
    (r"0.\dot{1}4\dot{2}", ("0.", "142")),
])
def test_repeating_decimal_parses_to_its_period(text: str, period: tuple[str, str]) -> None:
    node = parse_math(text)
    assert (node.head, node.period) == period
    assert node.end - node.start == len(text)


def test_an_infix_fraction_after_an_unclosed_left_is_unread_not_a_crash() -> None:
    # found by the fuzz test: \left( without its \right before \over indexed past the tokens
    verdict = check_step("a", r"\left( \over", "=")
    assert verdict.status.value == "unverified"
    assert "internal error" not in verdict.reason
