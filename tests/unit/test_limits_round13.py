"""Limits: values that cancel to second order and beyond settle (the closer points work with more
digits), and a limit that does not settle is refuted only by an edit under which it does."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{t\to0}\frac{e^t - 1 - t}{t^2}", r"\frac12"),
    (r"\lim_{u\to0}\frac{\tan u - u}{u^3}", r"\frac13"),
    (r"\lim_{s\to 0}\frac{\cos s - 1 + s^2/2}{s^4}", r"\frac{1}{24}"),
    (r"-\frac{1}{6}", r"\lim_{v\to0}\frac{\sin v - v}{v^3}"),
    (r"\lim_{y\to\infty} y\sin\frac{1}{y}", r"1"),
])
def test_limits_that_cancel_to_high_order_are_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    # a typo that makes the limit blow up: the edit under which it settles is the diagnosis
    (r"\cos t", r"\lim_{k\to 0}\frac{\sin t\cos t+\cos t\sin k-\sin t}{k}", "changed_variable"),
    (r"1", r"\lim_{w\to0}\frac{\cos w}{w}", "wrong_function"),
    (r"1", r"\lim_{r\to\infty}\frac{r^2}{r}", "exponent"),
    (r"\int_0^\infty e^{-a t}\,dt", r"\frac{a}{-e^{-a t}}\bigg|_0^\infty", "reciprocal"),
])
def test_a_limit_a_typo_makes_diverge_is_refuted_with_its_repair(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis.kind == kind
    assert check_step(lhs, verdict.diagnosis.suggestion, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # diverges, and no small edit of the line makes it settle on the line before
    (r"\lim_{q\to 0}\frac{\sin q}{q^2}", r"1"),
])
def test_a_diverging_limit_nothing_explains_stays_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    # a series summed numerically refutes nothing alone; a sign or a factor before it that makes the
    # sums agree at every point does
    (r"e^{-(a^2+b^2)/2}e^{ab}", r"-e^{-(a^2+b^2)/2}\sum_{k=0}^{\infty}\frac{(ab)^k}{k!}", "sign_flip"),
    (r"e^{-(a^2+b^2)/2}e^{ab}", r"2e^{-(a^2+b^2)/2}\sum_{k=0}^{\infty}\frac{(ab)^k}{k!}", "constant_factor"),
    (r"\sum_{m=0}^\infty \frac{(-1)^m u^{2m}}{(2m)!}", r"\sin u", "wrong_function"),
])
def test_a_series_step_a_small_edit_repairs_is_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted" and verdict.diagnosis.kind == kind
    assert check_step(lhs, verdict.diagnosis.suggestion, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # wrong, but nothing small repairs it: left to the prose
    (r"\frac{1}{1+z}", r"\sum_{m=0}^\infty z^m"),
    # right: the geometric series where it converges
    (r"\frac{1}{1-z}", r"\sum_{m=0}^\infty z^m"),
])
def test_a_series_step_without_a_repair_is_never_an_error(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value in ("verified", "unverified")


@pytest.mark.parametrize("lhs, rhs", [
    # too slow to settle term by term; their terms far out pass a convergence test, and two
    # accelerations agree on the sum
    (r"\sum_{m=1}^\infty \frac{1}{m^2}", r"\frac{\pi^2}{6}"),
    (r"\sum_{m=1}^\infty \frac{(-1)^{m+1}}{m}", r"\ln 2"),
    (r"\sum_{m=0}^\infty \frac{(-1)^{m}}{2m+1}", r"\frac{\pi}{4}"),
    (r"\sum_{m=1}^\infty \frac{1}{m(m+1)}", r"1"),
])
def test_slowly_converging_constant_series_are_summed(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # divergent, or too slow to tell: never a value
    (r"\sum_{m=1}^\infty \frac{1}{m}", r"7"),
    (r"\sum_{m=2}^\infty \frac{1}{m \ln m}", r"3"),
    (r"\sum_{m=0}^\infty (-1)^m", r"\frac12"),
    (r"\sum_{m=1}^\infty \frac{\sin m}{m^2}", r"1"),
])
def test_series_that_fail_the_convergence_test_have_no_value(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified" and "series" in verdict.reason
