"""The indicator of an inequality between real quantities (1[z > 0], \\mathbb{1}\\{y w^\\top x < 1\\}) is the
step function it writes: ReLU's derivative and the hinge loss's subgradient verify, a step false wherever
its letters are is refuted, and one that holds on the other side of the inequality (1[a > b] = 0, where
a < b) is a domain question. A diagnosis of such a step must hold off the (positive) sampled points."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.conventions import INDICATOR_DOMAIN
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{du}\max(0, u)", r"\mathbb{1}[u > 0]"),
    (r"\frac{d}{du}\mathrm{ReLU}(u)", r"\mathbb{1}\{u > 0\}"),
    (r"\frac{\partial}{\partial \mathbf{w}}\max(0, 1 - t\mathbf{w}^\top\mathbf{z})",
     r"-t\mathbf{z}\,\mathbb{1}[t\mathbf{w}^\top\mathbf{z} < 1]"),
    (r"\mathbb{1}[u > 0] + \mathbb{1}[u \le 0]", "1"),
    (r"\max(0, u)", r"u\,\mathbb{1}[u > 0]"),
    (r"\mathbb{1}[u > c]^2", r"\mathbb{1}[u > c]"),
    (r"|u|", r"u\,\mathbb{1}[u \ge 0] - u\,\mathbb{1}[u < 0]"),
])
def test_indicators_of_inequalities_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{du}\max(0, u)", r"\mathbb{1}[u < 0]"),  # false on both sides of 0
    (r"u\,\mathbb{1}[u > 0]", r"\max(-u, 0)"),
    (r"\mathbb{1}(a > b)", r"\mathbb{1}(b > a)"),  # false wherever a and b differ
])
def test_steps_false_on_both_sides_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{1}[u > 0]", "0"),  # where u < 0, which the prose may say
    (r"\mathbb{1}[u > 0]^2", r"2\,\mathbb{1}[u > 0]"),
    (r"\mathbb{1}[a > b]\,a", "0"),
])
def test_steps_that_hold_off_the_samples_are_not_refuted(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED


def test_the_domain_reason_names_the_inequality():
    verdict = check_step(r"\mathbb{1}[u > 0]^2", r"2\,\mathbb{1}[u > 0]", "=")
    assert verdict.reason == INDICATOR_DOMAIN


def test_a_repair_must_hold_off_the_samples():
    # 1[u < 0] + 1 equals 1[u > 0] where u > 0 (as sampled), and nowhere else: no repair
    verdict = check_step(r"\frac{d}{du}\max(0, u)", r"\mathbb{1}[u < 0]", "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is None or "+ 1" not in verdict.diagnosis.suggestion
