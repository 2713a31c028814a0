"""Discrete mathematics and analysis of algorithms (round 23): a generating function's equation,
read off a recurrence with the unknown on both sides (``A(z) - 1 = 2zA(z) + z/(1-z)``), is an
equation to solve for it, not an identity; slips on such lines stay errors."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    # ordinary generating functions of linear recurrences, before solving for the function
    (r"B(w) - 1", r"3wB(w) + \frac{w}{1-w}"),
    (r"Q(t) - t", r"tQ(t) + t^2 Q(t)"),
    (r"U(s) - 1 - 2s", r"s(U(s) - 1) + 3s^2 U(s)"),
    # a quadratic one (trees counted by their root's subtrees)
    (r"R(y) - 1", r"y R(y)^2"),
    (r"(1 - x)G(x) + 2", r"\frac{x^2}{1-x} + G(x)"),
])
def test_generating_function_equation_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=", first=True)
    assert verdict.status is Status.UNVERIFIED
    assert "equation to solve" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # a constant coefficient: no equation anyone solves for a function, a slip
    (r"W(n) - 1", r"2W(n)"),
    # the unknown cancels out of the difference or the difference vanishes with it
    (r"3h(x)", r"h(x)"),
    (r"h(x)^2 - 4", r"(h(x) - 2)^2"),
])
def test_slips_with_the_unknown_on_both_sides_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=", first=True).status is Status.REFUTED


def test_inside_a_chain_the_line_is_decided_as_before() -> None:
    # not the head of a chain: its left side is the row above, not an equation's
    assert check_step(r"B(w) - 1", r"3wB(w) + \frac{w}{1-w}", "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{2w}{(1-3w)(1+w)}", r"\frac{1}{2}\left(\frac{1}{1-3w} - \frac{1}{1+w}\right)"),
    (r"\sum_{j=0}^{m} \binom{m}{j} 3^j", r"4^m"),
    (r"\sum_{j=1}^{m}\frac{1}{j(j+1)}", r"1 - \frac{1}{m+1}"),
    (r"3\cdot (2\cdot 3^{m-1} - 1) + 2", r"2\cdot 3^m - 1"),
])
def test_discrete_identities_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{j=1}^{m}\frac{1}{j(j+1)}", r"1 + \frac{1}{m+1}"),
    (r"\sum_{j=0}^{m} \binom{m}{j} 3^j", r"3^m"),
])
def test_discrete_slips_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED
