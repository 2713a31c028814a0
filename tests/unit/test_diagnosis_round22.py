"""Diagnosis quality, round 22: a suggestion should read like the author's line, not merely repair it.

- A constant term solved for goes where the author would have written it: first when the line runs
  by rising powers (``2a + a^2``) or the line before writes its sums number-first (``(1+t)``), last
  when the line runs by falling powers or nothing says otherwise.
- Removing a term that leaves brackets around one letter (``(m)x``) is tried only after putting back
  a lost term: both may repair the step, and no author writes ``(m)``.
"""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


def _suggestion(lhs: str, rhs: str) -> tuple[str, str]:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert verdict.diagnosis is not None
    return verdict.diagnosis.kind, "".join(verdict.diagnosis.suggestion.split())


@pytest.mark.parametrize("lhs, rhs, expected", [
    # the line by rising powers: the constant leads
    (r"(1+b)^2", r"2b + b^2", r"1+2b+b^2"),
    (r"(3+v)(2+v)", r"5v + v^2", r"6+5v+v^2"),
    # by falling powers: it closes the line
    (r"(b+1)^2", r"b^2 + 2b", r"b^2+2b+1"),
    (r"(v-3)(v-2)", r"v^2 - 5v", r"v^2-5v+6"),
    # one term left: the line before's own sums show the order (``1+s`` twice, number first)
    (r"\frac{(1+s)^2-1}{(1+s)-1}", r"s", r"2+s"),
    (r"(1+p^Tq)^2", r"2p^Tq + p^Tqp^Tq", r"1+2p^Tq+p^Tqp^Tq"),
    # nothing says otherwise: last, as before
    (r"\frac{(s+1)^2-1}{(s+1)-1}", r"s", r"s+2"),
])
def test_a_lost_constant_goes_where_the_author_writes_constants(lhs, rhs, expected):
    assert _suggestion(lhs, rhs) == ("dropped_term", expected)


@pytest.mark.parametrize("lhs, rhs, expected", [
    # the lost term is put back rather than ``(k)`` made of ``(k-1)`` (both repair the step)
    (r"(x^{k-1})'x + x^{k-1}", r"(k-1)x^{k-2}x", r"(k-1)x^{k-2}x+x^{k-1}"),
    # ``(p)p`` from ``(p+1)p`` holds too
    (r"p(p+1) - p", r"(p+1)p", r"(p+1)p-p"),
])
def test_a_removal_leaving_bare_brackets_waits_for_a_lost_term(lhs, rhs, expected):
    kind, suggestion = _suggestion(lhs, rhs)
    assert kind == "dropped_term"
    assert suggestion == expected
    assert "(k)" not in suggestion and "(p)" not in suggestion


def test_a_removal_leaving_bare_brackets_is_still_found_when_nothing_else_repairs():
    # the line before has no sum to put a term back from: the removal is the only repair and is kept
    kind, suggestion = _suggestion(r"3z", r"(3+1)z")
    assert kind == "dropped_term" or kind == "arithmetic"
    assert suggestion in ("(3)z", "3z", "(3+0)z", "(2+1)z")
