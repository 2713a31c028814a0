"""A letter of the left side that the right side no longer writes is left unverified as "substituted
from elsewhere?" only where the left side depends on it: one that cancels on the left already
(``u + s - s``, ``\\frac{2+bk}{(2+bk)\\sqrt k}``) was substituted from nowhere, and the step is decided
like any other."""
from __future__ import annotations

import pytest

from lintmath.check import Comparator, check_step, parse_step
from lintmath.context import ContextItem
from lintmath.model import Status

VANISHED = "no longer mentions"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{2+bk}{(2+bk)\sqrt{k}}", r"\frac{1}{k}"),  # the root lost in the last line
    (r"u + s - s", r"3u"),
    (r"w - \lambda + \lambda", r"-w"),
    (r"\frac{p q}{q}", r"p^2"),
    (r"(t+2)^2 - t^2 - 4t - 4 + y", r"2y"),  # t still written after lowering, yet cancels
    (r"\frac{m r^2}{r^2} + \ln(e^{r}) - r", r"m + 1"),
    (r"u + s - s", r"u^2 + 1"),  # no small edit explains these: refuted all the same
    (r"(1+s)(1-s) + s^2 + y", r"\frac{1}{y}"),
])
def test_a_letter_cancelled_on_the_left_does_not_hide_a_slip(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert VANISHED not in verdict.reason


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"u + s - s", r"3u", "constant_factor"),
    (r"\frac{p q}{q} + z", r"p - z", "sign_flip"),
])
def test_the_slip_is_diagnosed(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{2+bk}{(2+bk)\sqrt{k}}", r"\frac{1}{\sqrt{k}}"),
    (r"u + s - s", r"u"),
    (r"(t+2)^2 - t^2 - 4t - 4 + y", r"y"),
])
def test_a_correct_step_that_cancels_a_letter_is_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # the left side depends on the vanished letter: a value from the prose (s = ..., q = ...)
    (r"u + s w", r"2u"),
    (r"\frac{p}{q}", r"\frac{p}{\sqrt{p^2+1}}"),
    (r"u + s - s + w", r"2u"),  # s cancels, w does not: still a substitution
])
def test_the_guard_stays_where_the_left_side_depends_on_the_letter(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert VANISHED in verdict.reason


@pytest.mark.parametrize("lhs, rhs, letter, ignored", [
    (r"u + s - s", r"2u", "s", True),
    (r"(t+2)^2 - t^2 - 4t + y", r"2y", "t", True),
    (r"u + s w", r"2u", "s", False),
    (r"u + s w", r"2u", "w", False),
    (r"\frac{2+bk}{(2+bk)\sqrt{k}}", r"\frac{1}{k}", "b", True),
    (r"\frac{2+bk}{(2+bk)\sqrt{k}}", r"\frac{1}{k}", "k", False),
    (r"u + s - s", r"2u", "q", False),  # not written on the left: nothing shown
])
def test_left_ignores(lhs: str, rhs: str, letter: str, ignored: bool) -> None:
    assert Comparator(parse_step(lhs, rhs, {}), "=", 0).left_ignores(letter) is ignored


def test_a_letter_the_prose_relates_is_judged_as_written() -> None:
    # s = 2u stated: the comparison eliminates s from the left, but as written the left depends on
    # it, which is the substitution the guard is about
    assumed = (ContextItem("assume", "", "s", "=", "2u", "notes.tex:1", 1),)
    comparator = Comparator(parse_step(r"u + s w", r"u + 2uw", {}), "=", 0, assumed)
    assert comparator.left_ignores("s") is False
    cancelled = Comparator(parse_step(r"u + s - s", r"3u", {}), "=", 0, assumed)
    assert cancelled.left_ignores("s") is True
