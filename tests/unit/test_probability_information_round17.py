"""Red team of probability and information-theory notes (round 17): the logarithm of a bracketed
factorial (``\\log (n-k)!``) is read as the log of the factorial, and sigma applied to a random
variable (``\\sigma(aX)``, ``\\sigma^2(X)``) or a parameter subscripted by a scaled variable
(``\\sigma_{aX}`` beside ``\\sigma_X``) is left unverified, since it may be the standard deviation;
the slips beside them are still reported."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\log\binom{m}{j}", r"\log m! - \log j! - \log (m-j)!"),
    (r"\ln (3m)!", r"\ln((3m)!)"),
    (r"\log_2 (m+1)!", r"\log_2 (m+1) + \log_2 m!"),
])
def test_log_of_bracketed_factorial_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\log\binom{m}{j}", r"\log m! + \log j! - \log (m-j)!"),
    (r"\ln (3m)!", r"\ln(3m!)"),
])
def test_log_of_bracketed_factorial_slip_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sigma(cW)", r"|c|\sigma(W)"),
    (r"\sigma(5 - 3W)", r"3\sigma(W)"),
    (r"\sigma(-W)", r"\sigma(W)"),
    (r"\frac{\sigma(W - m)}{s}", r"\frac{\sigma(W)}{s}"),
    (r"\sigma^2(cW)", r"c^2\sigma^2(W)"),
    (r"\sigma_{cW}", r"|c|\sigma_W"),
    (r"\mu_{cW}", r"c\mu_W"),
])
def test_dispersion_of_a_random_variable_is_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sigma(3t)", r"3\sigma(t)"),  # the sigmoid of a lower-case argument stays read
    (r"1 - \sigma(u)", r"\sigma(u)"),
])
def test_sigmoid_slip_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_sigmoid_identity_still_verifies() -> None:
    assert check_step(r"1 - \sigma(u)", r"\sigma(-u)", "=").status is Status.VERIFIED
