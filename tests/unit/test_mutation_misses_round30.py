"""Ranking of repairs, round 30: after a fraction turned upside down, one number of it rewritten as a
near one is the smaller edit of the author's line (LM108); after a term taken out, a power written on
a term is, when it is shorter than the term (LM104)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.diagnose import _edit_middles, _smaller_edit
from lintmath.model import Status


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lhs, rhs, kind, fixed", [
    # 2/sqrt(2) is sqrt(2): flipped it is sqrt(2)/2, and with the 2 written as 1 it is 1/sqrt(2); the
    # digit is one character of the author's line, the flip rewrites the whole fraction
    (r"\sin\frac{\pi}{4}", r"\frac{2}{\sqrt{2}}", "arithmetic", r"\frac{1}{\sqrt{2}}"),
    (r"\tan\frac{\pi}{6} + u", r"\frac{3}{\sqrt{3}} + u", "arithmetic", r"\frac{1}{\sqrt{3}} + u"),
    # a square left off a longer term: the power is the smaller edit than the term taken out
    (r"\lim_{\epsilon\to 0}\frac{(1+\epsilon)^2-1}{\epsilon}",
     r"\lim_{\epsilon\to 0}\frac{2\epsilon+\epsilon}{\epsilon}", "exponent",
     r"\lim_{\epsilon\to 0}\frac{2\epsilon+\epsilon^2}{\epsilon}"),
])
def test_the_smaller_edit_is_the_diagnosis(lhs: str, rhs: str, kind: str, fixed: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind, verdict.diagnosis
    assert _squash(verdict.diagnosis.suggestion) == _squash(fixed)


@pytest.mark.parametrize("lhs, rhs, fixed", [
    (r"\frac{7}{5}y", r"\frac{5}{7}y", r"\frac{7}{5}y"),        # no near number repairs it: the flip
    (r"\frac{6}{4}y", r"\frac{4}{6}y", r"\frac{6}{4}y"),        # 9/6 holds too, but 9 is no slip of 4
    (r"\frac{p}{q}\cdot\frac{q}{r}", r"\frac{r}{p}", r"\frac{p}{r}"),
])
def test_a_flipped_fraction_stays_a_reciprocal(lhs: str, rhs: str, fixed: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "reciprocal", verdict.diagnosis
    assert _squash(verdict.diagnosis.suggestion) == _squash(fixed)


def test_which_edits_count_as_smaller() -> None:
    removed = _edit_middles(r"2\epsilon+\epsilon", r"2\epsilon")
    assert _smaller_edit(r"2\epsilon+\epsilon", r"2\epsilon+\epsilon^2", removed)
    # a power no shorter than the term taken out is a tie: the first repair stays
    assert not _smaller_edit("2t+t", "2t+t^2", _edit_middles("2t+t", "2t"))
    # a number rewritten after a term taken out is still the removal told otherwise
    assert not _smaller_edit("x+y+3", "x+y+0", _edit_middles("x+y+3", "x+y"))


def test_a_power_in_the_flipped_fraction_is_not_renumbered() -> None:
    # x^3/x^2 is x, and so is x^2/x; the flip stays the story (a power one off is LM104's, not a digit)
    verdict = check_step(r"\frac{w^3}{w^2} + 1", r"\frac{w^2}{w^3} + 1", "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "reciprocal", verdict.diagnosis
    assert _squash(verdict.diagnosis.suggestion) == _squash(r"\frac{w^3}{w^2} + 1")
