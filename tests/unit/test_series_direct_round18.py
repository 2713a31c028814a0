"""Constant series whose far terms shrink geometrically are their partial sums: added up directly,
not accelerated (an acceleration's numerical derivatives cost a second for 1/3^j)."""
from __future__ import annotations

import mpmath
import sympy as sp

from lintmath.evaluate import _summed_directly, constant_series


def test_geometric_and_factorial_series_are_summed_exactly_enough() -> None:
    j = sp.Symbol("j")
    assert abs(constant_series(1 / sp.Integer(3) ** j, j, 1) - sp.Rational(1, 2)) < 1e-25
    assert abs(constant_series(sp.Integer(10) ** j / sp.factorial(j), j, 0) - sp.exp(10)) < 1e-20
    assert abs(constant_series((-1) ** j / sp.Integer(2) ** j, j, 0) - sp.Rational(2, 3)) < 1e-25


def test_power_decay_still_goes_to_the_accelerations() -> None:
    n = sp.Symbol("n")
    assert abs(constant_series(1 / n**2, n, 1) - sp.pi**2 / 6) < 1e-12


def test_a_series_that_does_not_settle_in_time_has_no_direct_sum() -> None:
    assert _summed_directly(lambda k: mpmath.mpf(1) / (k + 1), 0) is None
