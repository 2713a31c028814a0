"""A letter that often names a function (P, Q, L, f) before a bracket, read as a factor: a principal
grown by compound interest, P(1 + i)^n = P(1 + i)(1 + i)^{n-1}, is not refuted through P read as a
function; a slip fails in both readings and stays refuted."""
import pytest

from lintmath.check import check_step
from lintmath.conventions import FACTOR_BEFORE_BRACKET
from lintmath.model import Status

HOLD_AS_FACTORS = [
    (r"P(1+i)^n", r"P(1+i)(1+i)^{n-1}"),
    (r"P_0(1+r)^{t+1}", r"P_0(1+r)^t(1+r)"),
    (r"Q(1-p)^2", r"Q(1-p)(1-p)"),
    (r"L\left(1+g\right)^{k}", r"L(1+g)^{k-1}(1+g)"),
]

SLIPS = [
    (r"P(1+i)^n", r"P(1+i)(1+i)^{n+1}"),
    (r"Q(1-p)^2", r"Q(1-p)(1+p)"),
    (r"P(1+i)^n", r"2P(1+i)^{n}"),
]


@pytest.mark.parametrize("lhs, rhs", HOLD_AS_FACTORS)
def test_function_letter_as_factor_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == FACTOR_BEFORE_BRACKET


@pytest.mark.parametrize("lhs, rhs", SLIPS)
def test_slip_beside_function_letter_stays_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_plain_letter_before_bracket_still_verifies() -> None:
    assert check_step(r"A(1+r)^n", r"A(1+r)(1+r)^{n-1}", "=").status is Status.VERIFIED
