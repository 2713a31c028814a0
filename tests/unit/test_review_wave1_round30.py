"""Review of round 30's readings: an ellipsis whose last term runs into a number written after it, and
the sifting of an impulse.

``0 + 1 + \\cdots + n-1`` is the run to n - 1 in most notes, and ``1 + \\cdots + n + 1`` may be the run to n
and a 1 more: where the last term joined with the number after it also ends the run, the sum is not
decided (it was read as the run to n and refuted where the author meant n - 1). A factor beside a Dirac
or Kronecker delta may be read at the delta's point (``g(t)\\delta(t - a) = g(a)\\delta(t - a)``): a step
that holds so is not refuted (nor verified), and one that differs there too still is."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"0 + 1 + \cdots + m-1", r"\frac{m(m-1)}{2}"),
    (r"1 + 2 + \dots + m - 1", r"\frac{m(m-1)}{2}"),
    (r"1 + 2 + \ldots + m + 1", r"\frac{(m+1)(m+2)}{2}"),
    (r"1 + 3 + \cdots + 2m - 1", r"m^2"),
])
def test_a_last_term_that_may_take_the_number_after_it_is_not_decided(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


def test_the_number_after_the_run_is_undecided_in_the_parse() -> None:
    with pytest.raises(ParseFailure):
        parse_math(r"1 + 2 + \cdots + m - 1")


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a bracketed last term, or one the number cannot join, is read as before
    (r"1 + 2 + \cdots + (m-1)", r"\frac{m(m-1)}{2}", V),
    (r"1 + 2 + \cdots + (m-1)", r"\frac{m(m+1)}{2}", R),
    (r"1 + 2 + \cdots + m + (m+1)", r"\frac{(m+1)(m+2)}{2}", V),
    (r"y_1 + \cdots + y_m - 1", r"\sum_{j=1}^m y_j - 1", V),
    (r"1 + y + \cdots + y^m + 1", r"\frac{1 - y^{m+1}}{1 - y} + 1", V),
])
def test_runs_the_number_cannot_join_are_read(lhs: str, rhs: str, expected: Status) -> None:
    assert check_step(lhs, rhs, "=").status is expected


@pytest.mark.parametrize("lhs, rhs", [
    (r"\delta(s)(s + 1)", r"\delta(s)"),
    (r"(s^2 + 1)\delta(s - 1)", r"2\delta(s - 1)"),
    (r"e^{-s}\delta(s - 3)", r"e^{-3}\delta(s - 3)"),
    (r"\cos(s)\cdot\delta(s)", r"\delta(s)"),
    (r"(m+2)\delta[m - 4]", r"6\delta[m - 4]"),
    (r"y[m]\delta[m - 2]", r"y[2]\delta[m - 2]"),
])
def test_a_factor_sifted_by_an_impulse_is_no_false_alarm(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U, verdict
    assert "sifting" in verdict.reason or "depends on what" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"(m+2)\delta[m - 4]", r"5\delta[m - 4]"),
    (r"s\delta(s - 1)", r"3\delta(s - 1)"),
    (r"e^{-s}\delta(s - 3)", r"e^{3}\delta(s - 3)"),
])
def test_a_factor_wrong_at_the_impulse_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is R


@pytest.mark.parametrize("lhs, rhs", [
    (r"\delta(uv)", r"v\delta u"),
    (r"\delta(uv)", r"u\,\delta v"),
    (r"\delta(u^2)", r"u\delta u"),
])
def test_a_variation_that_holds_only_with_delta_a_number_is_not_verified(lhs: str, rhs: str) -> None:
    # read as a number, \delta(uv) = v\delta u holds; read as the variation the letters beside it show, it
    # loses u\delta v
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U, verdict
    assert "variation" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\delta(3u)", r"3\delta u"),
    (r"\delta(u + v)", r"\delta u + \delta v"),
])
def test_a_variation_that_holds_either_way_is_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V
