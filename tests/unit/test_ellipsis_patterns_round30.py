"""Ellipses whose pattern the written terms decide, round 30.

A product with dots may end with more than one factor after them: the last term is then the first
factors after the dots, the rest stand outside (``m(m-1)\\cdots 2 \\cdot 1``), and a term of several
factors that repeat one template (``y_1 y_2``) does not say whether the pattern steps by a factor or by
the term, so that reading is not taken. Sums written with other terms (``m-2`` beside ``m-j+1``) are two
values of one slot; a term left out of a sum (``c`` beside ``c + 2h``) has the coefficient 0; a run of
fractions with one ratio (``\\frac13 + \\frac19 + \\frac1{27}``) is geometric; dots typed as periods are an
ellipsis. The examples are the project's own."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs, expected", [
    # factors after the last term stand outside the product
    (r"m(m-1)(m-2)\cdots 2 \cdot 1", r"m!", V),
    (r"m \cdot (m-1) \cdots 3 \cdot 2 \cdot 1", r"m!", V),
    (r"m(m-1)(m-2)\cdots 2 \cdot 1", r"(m-1)!", R),
    (r"1 \cdot 2 \cdots (m-1) \cdot m", r"m!", V),
    (r"y_1 y_2 \cdots y_{m-1} y_m", r"\prod_{j=1}^{m} y_j", V),
    # one written term whose factors repeat a template is not read as a step of one term
    (r"y_1 y_2 \cdots y_{m-1} y_m", r"\prod_{j=1}^{m-1} y_j y_{j+1}", R),
    (r"1 \cdot 2 \cdots (m-1) \cdot m", r"\prod_{j=1}^{m-1} j(j+1)", R),
    # different factors in a term still step by the term
    (r"u_1 w_1 \cdots u_m w_m", r"\prod_{j=1}^{m} u_j w_j", V),
    (r"u_1 w_1 \cdots u_m w_m", r"\prod_{j=1}^{m} u_j w_{j+1}", R),
])
def test_products_whose_last_term_is_followed_by_more_factors(lhs: str, rhs: str, expected: Status) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is expected, verdict


def test_the_width_of_a_term_is_the_one_that_makes_a_pattern() -> None:
    # c_j d one pair at a time is the only pattern: c_1, then d, is none
    tree = parse_math(r"c_1 d c_2 d \cdots c_m d")
    assert isinstance(tree, n.BigOp) and tree.kind == "prod" and tree.least == 2
    # one factor at a time, to y_{m-1}, with y_m after it
    tree = parse_math(r"y_1 y_2 \cdots y_{m-1} y_m")
    assert isinstance(tree, n.Mul) and isinstance(tree.factors[0], n.BigOp) and len(tree.factors) == 2


def test_a_product_with_nothing_written_before_the_dots_is_not_read() -> None:
    with pytest.raises(ParseFailure):
        parse_math(r"\cdots y_{m-1} y_m")


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a falling product: the last factor writes its sum with other terms than the first ones
    (r"m(m-1)(m-2)\cdots(m-j+1)", r"\frac{m!}{(m-j)!}", V),
    (r"m(m-1)(m-2)\cdots(m-j+1)", r"\frac{m!}{(m-j+1)!}", R),
    (r"\frac{m}{m} \cdot \frac{m-1}{m} \cdots \frac{m-j+1}{m}", r"\frac{m!}{(m-j)!\, m^j}", V),
    # an arithmetic run whose first term leaves the step out
    (r"c + (c+h) + (c+2h) + \cdots + (c+(m-1)h)", r"mc + \frac{m(m-1)}{2}h", V),
    (r"c + (c+h) + (c+2h) + \cdots + (c+(m-1)h)", r"mc + \frac{m(m+1)}{2}h", R),
    # fractions with one ratio, three of them written
    (r"\frac13 + \frac19 + \frac1{27} + \cdots + \frac{1}{3^m}", r"\frac12\left(1 - \frac{1}{3^m}\right)", V),
    (r"\frac13 + \frac19 + \frac1{27} + \cdots + \frac{1}{3^m}", r"\frac12\left(1 - \frac{1}{3^{m+1}}\right)", R),
    (r"1 + \frac12 + \frac14 + \cdots + \frac{1}{2^{m}}", r"2 - \frac{1}{2^m}", V),
    (r"\frac{5}{2} + \frac{5}{4} + \frac{5}{8} + \cdots + \frac{5}{2^m}", r"5\left(1 - \frac{1}{2^m}\right)", V),
    # dots typed as periods
    (r"y_1 + y_2 + ... + y_m", r"\sum_{j=1}^{m} y_j", V),
    (r"1 + 2 + ... + m", r"\frac{m(m-1)}{2}", R),
    (r"y_1 y_2 ... y_m", r"\prod_{j=1}^{m} y_j", V),
])
def test_patterns_the_written_terms_decide(lhs: str, rhs: str, expected: Status) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is expected, verdict


@pytest.mark.parametrize("lhs, rhs", [
    # two fractions: 1/(3j) up to 3^m, or the powers of 3? not decided
    (r"\frac13 + \frac19 + \cdots + \frac{1}{3^m}", r"\frac12\left(1 - \frac{1}{3^m}\right)"),
    # the ratio the written terms show (1/2) is not the one the last term has (1/3)
    (r"1 + \frac12 + \frac14 + \cdots + \frac{1}{3^{m}}", r"2"),
])
def test_patterns_in_doubt_stay_unread(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


def test_a_decimal_whose_digits_go_on_is_still_a_decimal() -> None:
    assert check_step(r"0.333...", r"\frac13", "=").status is V


def test_a_chain_of_a_document_reads_the_product_and_finds_the_slip() -> None:
    body = ("\\begin{align*}\nm(m-1)\\cdots 2 \\cdot 1 &= m! \\\\\n"
            "y_1 y_2 \\cdots y_{m-1} y_m &= \\prod_{j=1}^{m-1} y_j y_{j+1}\n\\end{align*}\n")
    statuses = [s.verdict.status for s in checked_steps(body)]
    assert statuses == [V, R]
