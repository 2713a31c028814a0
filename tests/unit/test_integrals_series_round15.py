"""Round 15 battery: an integral whose differential is written inside a product in brackets
(``\\int e^u\\,(20\\,du)``), and sums that end in dots with no last term (open series), read term by term
or as a known function's series. A correct step verifies or stays unverified; a wrong one is refuted or
stays unverified: the series readings only ever confirm a step."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=", explain=False).status.value


# -- the differential inside brackets -----------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"c\int_0^{1} e^{t}\,(5\,dt)", r"5c(e - 1)"),
    (r"\int_0^{2} t\,(3\,\mathrm{d}t)", r"6"),
    (r"\int_0^{1} s^3 (ds)", r"\frac{1}{4}"),
    (r"\int_0^{1} s\,(2\,ds) + 4", r"5"),
    (r"\int_1^{2} \frac{1}{v}\left(7\,dv\right)", r"7\ln 2"),
    (r"\int_0^{1} (s + 1) s\,(2\,ds)", r"\frac{5}{3}"),  # brackets before the differential's own
])
def test_differential_in_brackets_verifies(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"c\int_0^{1} e^{t}\,(5\,dt)", r"c(e - 1)"),
    (r"\int_0^{2} t\,(3\,dt)", r"3"),
])
def test_differential_in_brackets_wrong_is_not_verified(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) in (R, U)


def test_differential_in_brackets_reads_as_an_integral() -> None:
    tree = parse_math(r"\int_0^{1} w^2\,(4\,dw)")
    assert isinstance(tree, n.Integral) and tree.var.base == "w"


@pytest.mark.parametrize("text", [
    r"\int_0^{1} (2\,dx)\, x^2",  # more of the product after the brackets: the integrand would reach past dx
    r"\int_0^{1} x\,(a + 2\,dx)",  # a sum with the differential in it: no factor times dx
])
def test_differential_in_brackets_not_guessed(text: str) -> None:
    with pytest.raises(ParseFailure):
        parse_math(text)


def test_line_integral_stays_unread() -> None:
    assert status(r"\int \vec F \cdot \mathrm{d}\vec \ell", r"W") == U


# -- open series: term by term --------------------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"u_1(p v_1 + q w_1) + u_2(p v_2 + q w_2) + \cdots", r"p(u_1 v_1 + u_2 v_2 + \cdots) + q(u_1 w_1 + u_2 w_2 + \cdots)"),
    (r"t(1 + t^2 + t^4 + \ldots)", r"t + t^3 + t^5 + \ldots"),
    (r"3 + (z + 2z^2 + \dots)", r"(z + 2z^2 + \dots) + 3"),
    (r"\begin{pmatrix} 1 + s + \ldots & 0 \\ 0 & 1 + 2s + \ldots \end{pmatrix}",
     r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix} + \begin{pmatrix} s & 0 \\ 0 & 2s \end{pmatrix} + \ldots"),
])
def test_open_series_term_by_term_verifies(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    # a wrong term at one index
    (r"u_1(p v_1 + q w_1) + u_2(p v_2 + q w_2) + \cdots", r"p(u_1 v_1 + u_2 v_2 + \cdots) + q(u_1 w_1 + u_2 w_1 + \cdots)"),
    (r"t(1 + t^2 + t^4 + \ldots)", r"t + t^2 + t^5 + \ldots"),
    # different lengths: the terms do not line up, so nothing is compared
    (r"t(1 + t + t^2 + \ldots)", r"t + t^2 + \ldots"),
    (r"3 + (z + 2z^2 + \dots)", r"3 + z + 2z^2 + \dots"),  # true, but the 3 is a term of the right series
    # not linear in the series: (1 - t)(1 + t + t^2 + ...) is 1, not 1 - t^3 + ...
    (r"(1 - t)(1 + t + t^2 + \ldots)", r"1 - t^3 + \ldots"),
    (r"(1 + t + t^2 + \ldots)^2", r"1 + 2t + 3t^2 + \ldots"),
])
def test_open_series_wrong_or_unsure_is_never_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == U


# -- open series: a known function's series -----------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{B}", r"I + B + \frac{1}{2}B^2 + \frac{1}{3!}B^3 + \cdots"),
    (r"e^{2w}", r"1 + 2w + \frac{(2w)^2}{2} + \frac{(2w)^3}{6} + \ldots"),
    (r"\frac{1}{1-q}", r"1 + q + q^2 + q^3 + \cdots"),
    (r"\ln(1+h)", r"h - \frac{h^2}{2} + \frac{h^3}{3} - \cdots"),
    (r"\sin y", r"y - \frac{y^3}{3!} + \frac{y^5}{5!} - \cdots"),
    (r"c\,(1 + r + \frac{r^2}{2} + \frac{r^3}{6} + \ldots)", r"c e^{r}"),
])
def test_known_series_verifies(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{w}", r"1 + w + w^2 + w^3 + \cdots"),  # the geometric series, not exp
    (r"\sin y", r"y - \frac{y^3}{6} + \frac{y^5}{100} - \cdots"),  # a wrong coefficient: no known series
    (r"\cos y", r"y - \frac{y^3}{3!} + \frac{y^5}{5!} - \cdots"),  # the right series of the wrong function
    (r"e^{w}", r"1 + w + \ldots"),  # two terms show no pattern
    (r"f(w)", r"1 + w + \frac{w^2}{2} + \ldots"),  # a series of a function defined elsewhere
])
def test_known_series_wrong_or_unsure_is_never_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == U


def test_series_left_unread_elsewhere() -> None:
    """A trailing ellipsis that is not a sum's last term (a list, a sequence) is no open series."""
    assert status(r"(a_1, a_2, \ldots)", r"a") == U
