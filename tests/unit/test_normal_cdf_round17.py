"""\\Phi applied to a bracket, read as the standard normal CDF where that verifies a step about an
otherwise undefined \\Phi (statistics homework: \\Phi(1.96) = 0.975); verify-only, as \\Phi is a potential
or a flux in other notes."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\Phi(1.645)", r"0.95"),
    (r"1 - \Phi(2.33)", r"0.0099"),
    (r"\Phi(-u)", r"1 - \Phi(u)"),
    (r"P(X \le 60)", r"\Phi\left(\frac{60 - 50}{5}\right) = \Phi(2)"),
])
def test_the_normal_cdf_verifies(lhs: str, rhs: str) -> None:
    if "=" in rhs:  # a chain of two: check its last step
        lhs, rhs = rhs.split(" = ")
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"1 - \Phi(2.33)", r"0.0199"),  # a wrong table value: not verified, never an error either
    (r"\Phi(-u)", r"\Phi(u)"),
    (r"\Phi(r)", r"\frac{q}{4\pi\varepsilon_0 r}"),  # a potential
])
def test_other_steps_about_phi_stay_unverified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"
