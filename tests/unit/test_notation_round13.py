"""Notation, round 13: indicators. ``1(a R b)``, ``\\mathbb{1}[..]``, ``\\mathbf{1}\\{..\\}``,
``\\mathbb{I}(..)`` and ``1_{..}`` with one relation in the condition are read as an unknown function
of the condition's two sides (one per relation; x > y is y < x; the sides of = and \\neq in a fixed
order). A step that holds for every such function holds for the indicator, so it is verified; one
that fails may still hold for the values 0 and 1 or for conditions the prose links (y = +-1), so it
is never refuted. ``E[1(A)]`` is ``P(A)``, and ``E[1(A) | B]`` is ``P(A | B)``."""
import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("text", [
    r"1(a \neq b)", r"\mathbb{1}[t > 0]", r"\mathbf{1}\{k = 3\}", r"\mathbb{I}(u \le v)", r"1_{z \in S}",
    r"\mathbb{1}_{t \geq 1}", r"1\left(a_j \ne c\right)",
])
def test_indicator_forms_read(text):
    assert n.is_indicator(parse_math(text))


@pytest.mark.parametrize("text", [
    r"1(0 < t < 1)",  # a compound condition
    r"1(t > 0, s > 0)",
    r"\mathbb{1}",  # no condition: a vector of ones?
    r"1(a \sim b)",
])
def test_other_conditions_stay_unread(text):
    with pytest.raises(ParseFailure):
        parse_math(text)


def test_plain_brackets_after_one_are_products():
    assert not n.is_indicator(parse_math(r"1(a+b)"))
    assert isinstance(parse_math(r"1(a)"), n.Mul)


def test_macro_argument_braces():
    macros = {"\\one": Macro("\\one", 1, "1(#1)")}
    assert n.is_indicator(parse_math(r"\one{u \neq v}", macros))


@pytest.mark.parametrize("lhs,rhs,status", [
    # rearranging around an indicator: holds for any function, so for the indicator
    (r"5\cdot 1(a \neq b) - 2\cdot 1(a \neq b)", r"3\cdot 1(b \neq a)", V),
    (r"\mathbb{1}[t > 0](u + v)", r"u\,\mathbb{1}[0 < t] + v\,\mathbb{1}[t > 0]", V),
    (r"-1(s=1)\log\frac{1}{1+e^{-g}} - 1(s=-1)\log\frac{e^{-g}}{1+e^{-g}}",
     r"1(s=1)\log(1+e^{-g}) + 1(s=-1)\log(1+e^{g})", V),
    (r"\sum_{j=1}^{m} c_j - \sum_{j=1}^{m} c_j 1(a_j \neq b_j)", r"\sum_{j=1}^{m} c_j (1 - 1(b_j \neq a_j))", V),
    (r"q\exp\left[-\gamma(2\cdot 1(a \neq b) - 1)\right]", r"q e^{-2\gamma 1(a \neq b)} e^{\gamma}", V),
    # the indicator of an inequality is the step function it writes (test_real_indicators_round25.py)
    (r"\mathbb{1}[t > 0]^2", r"\mathbb{1}[t > 0]", V),
    # true only for the values 0 and 1, or for linked conditions: unverified, never refuted
    (r"1(s = 1) + 1(s = -1)", r"1", U),
    (r"1(s=1)\log(1+e^{-g}) + 1(s=-1)\log(1+e^{g})", r"\log(1+e^{-s g})", U),
    # an indicator of one condition summed over j is not one indicator times the sum
    (r"\sum_{j=1}^{m} c_j 1(a_j \neq b_j)", r"1(a_1 \neq b_1)\sum_{j=1}^{m} c_j", U),
    # wrong wherever the condition holds, and a small edit (3 for 2) makes it hold for every function:
    # refuted (round 26; before, left unverified)
    (r"5\cdot 1(a \neq b) - 2\cdot 1(a \neq b)", r"2\cdot 1(a \neq b)", R),
    # the expectation of an indicator is the probability of its condition
    (r"\mathbb{E}[\mathbb{1}(X \neq Y)]", r"\mathbb{P}(X \neq Y)", V),
    (r"\mathbb{E}\left[1(g(X) \neq Y)\right]", r"0\cdot\mathbb{P}(g(X) = Y) + 1\cdot\mathbb{P}(g(X) \neq Y)", V),
    (r"\mathbb{E}\left[1(Z \neq W) \mid D\right]", r"\mathbb{P}\left(Z \neq W \mid D\right)", V),
    (r"\mathbb{E}\left[1(Z \neq W) \mid D\right]", r"\mathbb{P}\left(Z \neq W\right)", U),
])
def test_indicator_steps(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status, verdict.reason


def test_no_indicator_step_is_refuted():
    # (1(a > b) = 1(b > a), false wherever a and b differ, is refuted: see test_real_indicators_round25.py)
    for lhs, rhs in [(r"1(a > b)", r"0"), (r"\mathbf{1}\{k = 3\}", r"k - 2")]:
        assert check_step(lhs, rhs, "=").status is not R
