"""Ranking of repairs: after a whole term put back or taken out, a repair that rewrites less of the
author's line (a stray factor deleted, one function or number rewritten) is the diagnosis."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.diagnose import _edit_middles, _smaller_edit
from lintmath.model import Status


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lhs, rhs, kind, fixed", [
    # a factor 2 written before a term: deleting it, not adding a term beside its twin
    (r"p + q - (p + q)", r"2p + q - (p + q)", "constant_factor", r"p + q - (p + q)"),
    # one function name rewritten beats the term dropped whose value it spoils
    (r"\lim_{s\to 0}\frac{\sin s}{s}", r"\lim_{s\to 0}\frac{\sin s-\cos 0}{s-0}", "wrong_function",
     r"\lim_{s\to 0}\frac{\sin s-\sin 0}{s-0}"),
])
def test_the_smaller_repair_is_the_diagnosis(lhs: str, rhs: str, kind: str, fixed: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    assert _squash(verdict.diagnosis.suggestion) == _squash(fixed)


@pytest.mark.parametrize("lhs, rhs, fixed", [
    (r"(y+1)^2", r"y^2+1", r"y^2+2y+1"),                        # nothing smaller repairs it
    (r"\frac{d}{dy}(y^3 + y^2)", r"3y^2", r"3y^2+2y"),
])
def test_a_term_put_back_stays_where_nothing_smaller_repairs(lhs: str, rhs: str, fixed: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert _squash(verdict.diagnosis.suggestion) == _squash(fixed)


def test_a_term_put_back_is_not_outranked_by_a_number_rewritten() -> None:
    # after an insertion only a pure deletion is smaller: `0` for `0 + 1` is a lost term as much as a slip
    first = _edit_middles("0", "0+1")
    assert first == ("", "+1")
    assert not _smaller_edit("0", "1", first)
    assert _smaller_edit("2w+u-(w+u)", "w+u-(w+u)", _edit_middles("2w+u-(w+u)", "2w+u-(w+w+u)"))


def test_the_middles_ignore_spacing() -> None:
    assert _edit_middles(r"2 \vect{w} + u", r"\vect{w}+u") == ("2", "")
    assert _edit_middles("a+b", "a + b") == ("", "")


@pytest.mark.parametrize("lhs, rhs, fixed", [
    (r"(z+1)^2 - z^2", r"2z + 1 + z", r"2z + 1"),   # not `z + 1 + z`: the factor deleted beside the term
    (r"p + q", r"p + q + 3", r"p + q"),            # not `p + q + 0`
    (r"\lim_{s\to 0}\frac{\sin s}{s}", r"\lim_{s\to 0}\frac{\sin s-\sin 0}{s-2}", r"\lim_{s\to 0}\frac{\sin s-\sin 0}{s}"),
])
def test_a_term_taken_out_is_not_outranked_by_the_same_story_told_otherwise(lhs: str, rhs: str, fixed: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert _squash(verdict.diagnosis.suggestion) == _squash(fixed)
