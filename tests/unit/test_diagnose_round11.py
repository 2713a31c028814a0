"""Diagnosis, round 11: a leading sign is part of the term it flips, so the finding marks it and the
suggestion is never the marked text; the text of a sign flip says what its tree says (``- - x`` loses
one minus, not both); a whole line under one sign too many loses the sign and its bracket; a letter
that is also the imaginary unit does not make the step look as if it lost a quantity; a fraction the
line before writes as a difference of logarithms is turned back before a sign flip repairs it."""
import pytest

from lintmath.check import check_step
from lintmath.diagnose import Candidate, _diagnosis, _squash, apply_edit
from lintmath.model import Status

# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # a leading minus the author added, or dropped, with i and j as the imaginary unit
    (r"-i\hbar \frac{\partial}{\partial x} e^{ikx}", r"-\hbar k e^{ikx}", "sign_flip", r"\hbar k e^{ikx}"),
    (r"-i\hbar \frac{\partial}{\partial x} e^{ikx}", r"-\hbar k\, e^{ikx}", "sign_flip", r"\hbar k\, e^{ikx}"),
    (r"\frac{d}{dt} e^{j\omega t}", r"-j\omega e^{j\omega t}", "sign_flip", r"j\omega e^{j\omega t}"),
    (r"\frac{\partial}{\partial x} e^{-ikx}", r"ik e^{-ikx}", "sign_flip", r"-ik e^{-ikx}"),
    (r"\frac{d^2}{dt^2} e^{-\gamma t}", r"-\gamma^2 e^{-\gamma t}", "sign_flip", r"\gamma^2 e^{-\gamma t}"),
    (r"\frac{d}{dx} (x^2 + \sin x + e^{-x})", r"-2x + \cos x - e^{-x}", "sign_flip", r"2x + \cos x - e^{-x}"),
    # the whole line negated: the sign goes with its bracket, or every sign turns
    (r"(x-1)(x-2)", r"-(x^2 - 3x + 2)", "sign_flip", r"x^2 - 3x + 2"),
    (r"e^{-i\theta}", r"-\left(\cos\theta - i\sin\theta\right)", "sign_flip", r"\cos\theta - i\sin\theta"),
    (r"\frac{d}{dx} (x^2 + \cos x + e^{-x})", r"-2x + \sin x + e^{-x}", "sign_flip", r"2x - \sin x - e^{-x}"),
    # two signs folded into one: the flip deletes one of them, as the tree flips the one sign
    (r"-x + 1", r"- - x + 1", "sign_flip", r"- x + 1"),
    # the letter i lost, the imaginary unit not: a sign flip, not a term made of (i - 1)(i + 1)
    (r"(a+ib)(a-ib)", r"a^2 - b^2", "sign_flip", r"a^2 + b^2"),
    (r"(p+jq)(p-jq)", r"-p^2 + q^2", "sign_flip", r"p^2 + q^2"),
    (r"i^2 y", r"y", "sign_flip", r"-y"),
    # the line before writes the quotient as a difference of logarithms
    (r"mc(\ln T_2 - \ln T_1)", r"mc\ln\frac{T_1}{T_2}", "reciprocal", r"mc\ln\frac{T_2}{T_1}"),
    (r"\ln(V_2) - \ln(V_1)", r"\ln\left(\frac{V_1}{V_2}\right)", "reciprocal", r"\ln\left(\frac{V_2}{V_1}\right)"),
    (r"nR\ln V_2 - nR\ln V_1 + c\ln T_2 - c\ln T_1", r"nR\ln\frac{V_2}{V_1} + c\ln\frac{T_1}{T_2}", "reciprocal",
     r"nR\ln\frac{V_2}{V_1} + c\ln\frac{T_2}{T_1}"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_the_suggestion_holds_and_changes_what_is_marked(lhs, rhs, kind, suggestion):
    d = check_step(lhs, rhs, "=").diagnosis
    assert _squash(d.suggestion) not in (_squash(rhs), _squash(rhs[d.start:d.end]))
    assert check_step(lhs, d.suggestion, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs,rhs,term", [
    # a leading sign is marked and named with its term
    (r"-i\hbar \frac{\partial}{\partial x} e^{ikx}", r"-\hbar k e^{ikx}", r"-\hbar k e^{ikx}"),
    (r"\frac{d}{dx} (x^2 + \sin x + e^{-x})", r"-2x + \cos x - e^{-x}", "-2x"),
    # a sign between terms is the operator, not the term's: the term alone is marked, as before
    (r"\frac{d}{dx} (x^2 + \sin x + e^{-x})", r"2x - \cos x - e^{-x}", r"\cos x"),
])
def test_the_span_is_the_signed_term(lhs, rhs, term):
    d = check_step(lhs, rhs, "=").diagnosis
    assert rhs[d.start:d.end] == term == d.term
    assert f"`{term}`" in d.detail


def test_a_fix_that_changes_nothing_is_never_reported():
    # a span that leaves out the sign its edit deletes would show the suggestion itself as the mistake
    text = r"-\hbar k e^{ikx}"
    bad = Candidate("sign_flip", None, 1, len(text), (0, 1, ""), "the sign was flipped")
    assert _diagnosis(bad, text, apply_edit(text, bad.edit)) is None
    # a term deleted whole may leave a line that reads as the term: the edit changed what is marked
    twin = Candidate("dropped_term", None, 4, 5, (1, 5, ""), "the term `x` does not belong here")
    assert _diagnosis(twin, "x + x", apply_edit("x + x", twin.edit)).suggestion == "x"


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", [
    # the line before writes the fraction as it is: the sign is what was flipped
    (r"-mc\ln\frac{T_1}{T_2}", r"mc\ln\frac{T_1}{T_2}", "sign_flip", r"-mc\ln\frac{T_1}{T_2}"),
    # a sign flip where no fraction was turned around
    (r"\log\frac{p}{q}", r"\log p + \log q", "sign_flip", r"\log p - \log q"),
    # a quantity lost in every reading: only an edit that writes it again
    (r"x + y", r"x", "dropped_term", r"x + y"),
    (r"x", r"x + x", "dropped_term", r"x"),
    # a sign between terms: the one sign character flips
    (r"(x-1)(x-2)", r"x^2 + 3x + 2", "sign_flip", r"x^2 - 3x + 2"),
])
def test_old_stories_kept(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs", [
    (r"(a+ib)(a-ib)", r"a^2 + b^2"),
    (r"mc(\ln T_2 - \ln T_1)", r"mc\ln\frac{T_2}{T_1}"),
    (r"-x + 1", r"- x + 1"),
])
def test_correct_steps_hold(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED
