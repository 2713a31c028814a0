"""Conditional expectations E[Y | X]: a space of groups of outcomes, X constant on each group, so
that E[Y | X] is the mean over the outcome's group. What holds in every such space verifies (the
tower property, taking out what is known, linearity given X); what needs an independence does not."""
from __future__ import annotations

import pytest

from lintmath.check import check_step

E = r"\mathbb{E}"


@pytest.mark.parametrize("lhs, rhs", [
    # the tower property, also inside a square and with a product
    (rf"{E}[V]", rf"{E}[{E}[V \mid U]]"),
    (rf"{E}[(V - a - bU)^2]", rf"{E}[{E}[(V - a - bU)^2 \mid U]]"),
    (rf"{E}[V W]", rf"{E}[{E}[V W \mid V]]"),
    # taking out what is known
    (rf"{E}[{E}[V W \mid V]]", rf"{E}[V\,{E}[W \mid V]]"),
    (rf"{E}[g(U) V \mid U]", rf"g(U)\,{E}[V \mid U]"),
    (rf"{E}[U \mid U]", r"U"),
    # linearity given U, and the conditional mean of a conditional mean
    (rf"{E}[c V + d \mid U]", rf"c\,{E}[V \mid U] + d"),
    (rf"{E}[V + W \mid U]", rf"{E}[V \mid U] + {E}[W \mid U]"),
    (rf"{E}[{E}[V \mid U] \mid U]", rf"{E}[V \mid U]"),
    (rf"{E}[{E}[V \mid U] - V \mid U]", r"0"),
    # a variance of a conditional mean, and the orthogonality of the residual
    (rf"\operatorname{{Var}}({E}[V \mid U])", rf"{E}[{E}[V \mid U]^2] - ({E}[V])^2"),
    (rf"{E}[(V - {E}[V \mid U])^2]", rf"{E}[V^2] - {E}[{E}[V \mid U]^2]"),
])
def test_what_holds_for_every_conditional_mean_verifies(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # need an independence or a measurability the prose would state
    (rf"{E}[V \mid U]", r"V"),
    (rf"{E}[V \mid U]", rf"{E}[V]"),
    (rf"{E}[V W \mid U]", rf"{E}[V \mid U]\,{E}[W \mid U]"),
    (rf"{E}[V^2 \mid U]", rf"{E}[V \mid U]^2"),
    (rf"{E}[g(V) U \mid U]", rf"g(V)\,{E}[U \mid U]"),
    (rf"{E}[(V - {E}[V \mid U])^2]", rf"{E}[V^2] - {E}[V]^2"),
    # different conditions in one step
    (rf"{E}[V \mid U]", rf"{E}[V \mid T]"),
])
def test_what_needs_an_assumption_is_not_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value != "verified"


def test_a_typo_in_a_conditional_mean_is_refuted():
    verdict = check_step(rf"{E}[c V + d \mid U]", rf"c\,{E}[V \mid U] + 2d", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "constant_factor"
