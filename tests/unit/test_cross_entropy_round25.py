"""A cross-entropy weighs the logs of one family by the entries of another (\\sum_k y_k \\log p_k), which
notes take to be a probability vector or a one-hot label: its gradient through a softmax, softmax - y,
holds only where the y_k sum to 1, and is verified in that reading (never refuted for it)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status

SOFTMAX = r"\frac{e^{a_c}}{\sum_m e^{a_m}}"


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\frac{{\partial}}{{\partial a_i}}\left(-\sum_c q_c \log{SOFTMAX}\right)", r"\frac{e^{a_i}}{\sum_m e^{a_m}} - q_i"),
    (rf"\frac{{\partial}}{{\partial a_i}}\left(-\sum_{{c=1}}^{{K}} q_c \ln{SOFTMAX}\right)", r"\frac{e^{a_i}}{\sum_{m=1}^{K} e^{a_m}} - q_i"),
])
def test_softmax_cross_entropy_gradient_verifies(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED
    assert any("sum" in guess and "1" in guess for guess in verdict.guessed)


@pytest.mark.parametrize("lhs, rhs", [
    (rf"\frac{{\partial}}{{\partial a_i}}\left(-\sum_c q_c \log{SOFTMAX}\right)", r"\frac{e^{a_i}}{\sum_m e^{a_m}} + q_i"),
    (rf"\frac{{\partial}}{{\partial a_i}}\left(-\sum_c q_c \log{SOFTMAX}\right)", r"q_i - \frac{e^{a_i}}{\sum_m e^{a_m}}"),
])
def test_slips_in_it_stay_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_gradient_that_needs_no_normalisation_verifies_as_before():
    assert check_step(r"\frac{\partial}{\partial p_i}\left(-\sum_c q_c \log p_c\right)", r"-\frac{q_i}{p_i}",
                      "=").status is Status.VERIFIED
