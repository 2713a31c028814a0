"""Review of this round's third wave: Stirling's approximation written with = is excused in every reading
(\\ln\\Gamma(N+1) has its Gamma only where \\Gamma applies), while a slip of an exact identity between
logarithms of factorials (\\ln(N+1)! - \\ln N! = \\ln N) stays refuted rather than passing for an
approximation."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln\Gamma(N+1)", r"N\ln N - N"),
    (r"\ln\Gamma(N)", r"N\ln N - N"),
    (r"\ln N!", r"N\ln N - N"),
    (r"\ln \frac{(2N)!}{N!\,N!}", r"2N\ln 2"),
])
def test_stirling_in_any_reading_is_no_error(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "large" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln (N+1)! - \ln N!", r"\ln N"),
    (r"\ln M! - \ln (M-1)!", r"\ln(M-1)"),
    (r"\ln \frac{N!}{(N-2)!}", r"2\ln N"),
    (r"\ln\Gamma(N+1)", r"N\ln N + N"),
    (r"\ln N!", r"N\ln N - 2N"),
])
def test_a_slip_of_an_exact_log_factorial_identity_stays_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln (N+1)! - \ln N!", r"\ln (N+1)"),
    (r"\ln \frac{N!}{(N-2)!}", r"\ln N + \ln(N-1)"),
])
def test_the_exact_log_factorial_identity_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\beta^T x", r"\frac{x}{k_B T}"),
    (r"\beta^\top x", r"\frac{x}{k_B T}"),
    (r"\beta_0 + \beta x", r"\beta_0 + \frac{x}{k_B T}"),
    (r"c_1 + c\mu_0\epsilon_0", r"c_1 + \frac{1}{c}"),
    (r"c^T \mu_0 \epsilon_0 c", r"1"),
])
def test_coefficients_named_beta_or_c_are_not_the_physical_constants(lhs: str, rhs: str) -> None:
    # a regression's \beta (transposed, or beside \beta_0) and integration constants c_1, c are not
    # 1/(k_B T) or light's speed: the weak definition must not verify these
    assert check_step(lhs, rhs, "=").status.value != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\beta x", r"\frac{x}{k_B T}"),
    (r"c\mu_0\epsilon_0", r"\frac{1}{c}"),
])
def test_the_physical_constants_still_verify_alone(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
