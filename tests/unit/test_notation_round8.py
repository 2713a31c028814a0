"""Infinite series: summed numerically, they verify a step whose sides agree, and never refute one."""
from __future__ import annotations

import time

import pytest
import sympy as sp

from lintmath import check, tolerance
from lintmath.check import check_step
from lintmath.evaluate import UNDEFINED, fast_value, quick_value
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
x, y = sp.symbols("x y")
k = sp.Symbol("k:series", integer=True)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{n=0}^{\infty} \frac{t^n}{n!}", r"e^{t}"),
    (r"\sum_{m=0}^\infty \frac{(-1)^m u^{2m+1}}{(2m+1)!}", r"\sin u"),
    (r"\sum_{m=0}^\infty \frac{(-1)^m u^{2m}}{(2m)!}", r"\cos u"),
    (r"\sum_{n=0}^{\infty} q^n", r"\frac{1}{1-q}"),                      # where |q| < 1; no value elsewhere
    (r"\sum_{n=2}^\infty q^n", r"\frac{q^2}{1-q}"),
    (r"\sum_{n=1}^{\infty} \frac{s^n}{n}", r"-\ln(1-s)"),
    (r"e^{-a b} \sum_{j=0}^{\infty} \frac{(a b)^j}{j!}", r"1"),
    (r"\sum_{k=-\infty}^{\infty} e^{-k^2 w}", r"1 + 2 \sum_{k=1}^{\infty} e^{-k^2 w}"),
    (r"\sum_{k=-\infty}^{0} q^{-k}", r"\frac{1}{1-q}"),
    (r"\frac{d}{dt} \sum_{n=0}^{\infty} \frac{t^n}{n!}", r"\sum_{n=0}^{\infty} \frac{t^n}{n!}"),
    (r"\prod_{n=1}^{\infty} e^{q^n}", r"e^{q/(1-q)}"),
])
def test_a_series_whose_sides_agree_is_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{n=1}^{\infty} q^n", r"\frac{1}{1-q}"),                       # off by the first term
    (r"\sum_{n=0}^{\infty} \frac{t^n}{n!}", r"e^{-t}"),
    (r"\sum_{m=0}^\infty \frac{(-1)^m u^{2m}}{(2m)!}", r"-\cos u"),
    (r"\sum_{n=0}^{\infty} \frac{t^n}{n!} + 1", r"e^{t} + 2"),            # the finite part is wrong
    (r"3 \sum_{n=0}^{\infty} \frac{t^n}{n!}", r"2 e^{t}"),
    (r"\prod_{n=1}^{\infty} e^{q^n}", r"e^{1/(1-q)}"),
])
def test_a_series_whose_sides_differ_is_refuted_only_with_a_repair(lhs, rhs):
    # numerical sums alone refute nothing; a small edit under which they agree everywhere does
    verdict = check_step(lhs, rhs, "=")
    if verdict.status is U:
        assert "series" in verdict.reason
    else:
        assert verdict.diagnosis is not None
        assert check_step(lhs, verdict.diagnosis.suggestion, "=").status is V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{n=0}^{\infty} 2^n", r"-1"),                    # what acceleration would "sum" it to
    (r"\sum_{n=1}^{\infty} \frac{1}{n}", r"7"),             # diverges, though its terms vanish
    (r"\sum_{n=1}^{\infty} \frac{1}{n^{1.1}}", r"10.58"),   # true, but too slow to settle here
    (r"\sum_{n=0}^{\infty} n! t^n", r"\frac{1}{1-t}"),      # asymptotic: tiny terms, then growing ones
    (r"\sum_{n=1}^{\infty} \left(1 + \frac{t}{n}\right)^{-n}", r"t"),
])
def test_a_series_that_does_not_settle_is_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U
    assert "does not settle" in verdict.reason or "series" in verdict.reason


def test_a_convolution_sum_turned_over_its_dummy_variable_is_verified() -> None:
    # the defining sum of h * x, and of x * h: equal by the convolution's laws (see parse/convolution.py)
    verdict = check_step(r"\sum_{\mu=-\infty}^{\infty} h[\mu] \, x[k-\mu]",
                         r"\sum_{\mu=-\infty}^{\infty} h[k-\mu] \, x[\mu]", "=")
    assert verdict.status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{\mu=-\infty}^{\infty} h[\mu] \, x[k-\mu]", r"\sum_{\mu=-\infty}^{\infty} h[\mu] \, x[k+\mu]"),
    # (series whose terms agree, \sum_i a_i b_i = \sum_i b_i a_i, are verified: see test_open_reasons_round30)
])
def test_a_series_of_a_sequence_defined_elsewhere_is_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U
    assert "defined elsewhere" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{k=0}^{\infty} \sum_{j=0}^{\infty} \frac{a^k b^j}{k! j!}", r"e^{a+b}"),
    (r"\int_0^1 \sum_{n=0}^{\infty} t^n \, dt", r"1"),
    (r"\sum_{n=0}^{\infty} \int_0^1 t^n \, dt", r"1"),
])
def test_series_of_series_and_integrals_are_not_decided(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


def test_only_the_short_search_is_made_for_a_step_with_a_series(monkeypatch):
    # numerical sums are slow, and a refutation of a series step rests on its repair alone
    searches = []

    def short(*args, max_seconds=None, **kwargs):
        searches.append(max_seconds)
        return None

    def refuse(*args, **kwargs):
        raise AssertionError("a long diagnosis for a step with an infinite series")
    monkeypatch.setattr(check, "diagnose", short)
    for name in ("refute_where_readable", "explain_with_any_function"):
        monkeypatch.setattr(check, name, refuse)
    for lhs, rhs in [(r"\sum_{n=1}^{\infty} q^n", r"\frac{1}{1-q}"),
                     (r"\sum_{n=0}^{\infty} n! t^n", r"e^t"),
                     (r"\sum_{\mu=-\infty}^{\infty} g(\mu) e^{-\mu}", r"\sum_{\mu=-\infty}^{\infty} g(\mu)")]:
        assert check_step(lhs, rhs, "=").status is U
    assert searches and all(s <= check.GUARD_SECONDS for s in searches)


def test_an_inequality_with_a_series_is_never_refuted():
    assert check_step(r"\sum_{n=0}^{\infty} \frac{t^n}{n!}", r"1", ">=").status is U
    assert check_step(r"\sum_{n=0}^{\infty} \frac{t^n}{n!}", r"1", "<=").status is U


def test_a_slow_series_does_not_make_a_step_slow():
    started = time.process_time()
    for lhs in [r"\sum_{n=1}^{\infty} \frac{\cos(n t) + \log(n + t)}{n^2 + t^3}",
                r"\sum_{n=1}^{\infty} \frac{(-t)^{1/3} + n}{n^3}", r"\sum_{n=1}^{\infty} \frac{1}{\sqrt{n}}"]:
        assert check_step(lhs, "t", "=").status is U
    assert time.process_time() - started < 1.0


def test_series_values_in_doubles_and_in_mpmath():
    point = {x: sp.Rational(37, 100)}
    exp_series = sp.Sum(x**k / sp.factorial(k), (k, 0, sp.oo))
    assert abs(quick_value(exp_series, point) - float(sp.exp(sp.Rational(37, 100)))) < 1e-13
    assert abs(fast_value(exp_series, point) - sp.exp(sp.Rational(37, 100))) < 1e-14
    alternating = sp.Sum((-1) ** k * x ** (2 * k) / sp.factorial(2 * k), (k, 0, sp.oo))
    assert abs(quick_value(alternating, point) - float(sp.cos(sp.Rational(37, 100)))) < 1e-13
    theta = sp.Sum(sp.exp(-k**2 * x), (k, -sp.oo, sp.oo))
    assert abs(quick_value(theta, point) - (1 + 2 * sum(float(sp.exp(-j**2 * 0.37)) for j in range(1, 40)))) < 1e-12


def test_a_series_that_does_not_settle_has_no_value_on_either_path(monkeypatch):
    point = {x: sp.Rational(3, 2)}
    for diverging in [sp.Sum(x**k, (k, 0, sp.oo)), sp.Sum(1 / k, (k, 1, sp.oo)),
                      sp.Sum(sp.factorial(k) * (x / 100) ** k, (k, 0, sp.oo))]:
        assert quick_value(diverging, point) is UNDEFINED, diverging
        assert fast_value(diverging, point) is UNDEFINED, diverging
        assert tolerance.evaluate(diverging, point, quick=True) is None
    # never SymPy's summation, which can run for minutes
    monkeypatch.setattr(tolerance, "fast_value", lambda *a, **kw: None)
    assert tolerance.evaluate(sp.Sum(x**k / sp.factorial(k), (k, 0, sp.oo)), point) is None


def test_a_series_is_not_confirmed_at_more_digits():
    series = sp.Sum(x**k / sp.factorial(k), (k, 0, sp.oo))
    assert fast_value(series, {x: sp.Rational(1, 2)}, 90) is UNDEFINED
