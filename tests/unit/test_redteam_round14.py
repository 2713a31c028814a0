"""Red team of round 14's readings: correct steps in star products, written ranges, total
differentials, named regions, cases and sup/inf that were refuted, now unverified."""
from __future__ import annotations

import pytest

from lintmath.check import DELTA_OPERATOR, STAR_OPERATION, check_step

V, R, U = "verified", "refuted", "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    # a binary operation defined in the notes (a group's law, its identity e): not a product
    (r"x * y", r"x + y + xy"),
    (r"a * e", r"a"),
    (r"(a * b) * c", r"a + b + ab + c + (a+b+ab)c"),
    (r"x * (-1)", r"x - 1 + 1"),
    # a convolution with a constant: the sum of the signal
    (r"x * 1", r"\sum_k x_k"),
])
def test_a_star_is_never_refuted_as_a_product(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U and verdict.reason == STAR_OPERATION


@pytest.mark.parametrize("lhs, rhs", [
    (r"2 * x * y", r"2xy"),
    (r"x * y + x * z", r"x (y + z)"),
    (r"\frac{1}{2} * m * v^2", r"\frac{m v^2}{2}"),
])
def test_a_star_product_still_verifies(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    # a variation (calculus of variations, virtual work) and a finite difference
    (r"\delta(xy)", r"x\,\delta y + y\,\delta x"),
    (r"\delta(x^2)", r"2x\,\delta x"),
    (r"\Delta(xy)", r"x\,\Delta y + y\,\Delta x + \Delta x\,\Delta y"),
    (r"\Delta(x^2)", r"2x\,\Delta x + (\Delta x)^2"),
])
def test_a_delta_before_a_bracket_and_a_letter_is_an_operator(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U and verdict.reason == DELTA_OPERATOR


@pytest.mark.parametrize("lhs, rhs, status", [
    # the readings of the round that held up: a few of the correct steps tried
    (r"\mathrm{d}(PV)", r"P\,\mathrm{d}V + V\,\mathrm{d}P", V),
    (r"d(U - TS)", r"dU - T\,dS - S\,dT", V),
    (r"dU", r"T\,dS - p\,dV", U),
    (r"\mathrm{d}(\tfrac12 m v^2)", r"m v\,\mathrm{d}v", U),
    (r"\int_{\mathbb{R}} \frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x-\mu)^2/(2\sigma^2)}\,dx", r"1", V),
    (r"\int_V dV", r"V", U),
    (r"\int_\Omega dP", r"1", U),
    (r"\sum_{i \in \{1,\dots,n\}\setminus\{k\}} a_i", r"\sum_{i=1}^n a_i - a_k", U),
    (r"\max(0,x)", r"\begin{cases} x, &\ x > 0 \\ 0, &\ \mbox{otherwise} \end{cases}", V),
    (r"\max(0,x)", r"\begin{dcases} x & x > 0 \\ 0 & x \le 0 \end{dcases}", V),
    (r"\sup (a, b)", r"b", U),                       # an open interval, or a list when a < b
    (r"\sup_n \frac{n}{n+1}", r"1", U),
])
def test_round14_readings_hold_up(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs", [
    # a Markov property: the same distribution conditioned on more, assumed by the notes
    (r"p(x_t \mid x_{t-1})", r"p(x_t \mid x_{t-1}, x_{t-2})"),
    (r"p(z_t \mid z_{s}, z_{r})", r"p(z_t \mid z_{s})"),
])
def test_a_dropped_condition_is_an_assumption(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == U
