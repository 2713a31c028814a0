"""A bound the prose states beyond the default sampling window (``x > 5``, ``y < -4``) moves the window
past it, instead of leaving an empty range whose samples break the bound."""
import pytest

from lintmath.check import check_step
from lintmath.context import ContextItem


def _assume(lhs: str, relation: str, rhs: str) -> ContextItem:
    return ContextItem("assume", "", lhs, relation, rhs, "t.tex:1", 1, True, "t.tex")


@pytest.mark.parametrize("bound, lhs, rhs", [
    (("x", ">", "5"), r"\sqrt{(x-5)^2}", "x - 5"),
    (("x", ">=", "7"), "|7 - x|", "x - 7"),
    (("y", "<", "-4"), "|y + 4|", "-y - 4"),
    (("s", ">", "3"), r"\int_0^\infty e^{3t}e^{-st}\,dt", r"\frac{1}{s-3}"),
])
def test_bounds_beyond_the_window_verify(bound, lhs, rhs):
    verdict = check_step(lhs, rhs, "=", context=(_assume(*bound),))
    assert verdict.status.value == "verified", verdict.reason


@pytest.mark.parametrize("bound, lhs, rhs", [
    (("x", ">", "5"), r"\sqrt{(x-5)^2}", "5 - x"),
    (("y", "<", "-4"), "|y + 4|", "y + 4"),
])
def test_bounds_beyond_the_window_still_refute(bound, lhs, rhs):
    assert check_step(lhs, rhs, "=", context=(_assume(*bound),)).status.value == "refuted"


def test_a_bound_on_both_sides_is_kept():
    # 4 < x < 4.5: the stated window, not one moved past the lower bound
    context = (_assume("x", ">", "4"), _assume("x", "<", "4.5"))
    assert check_step(r"\lfloor x \rfloor", "4", "=", context=context).status.value != "refuted"
