"""A plain letter d before letters that differ between the sides writes differentials, not a
quantity d: ``dg = g_u\\,du + g_v\\,dv`` (a total differential) is no product to refute, and
``p\\,dq = q\\,dp`` (an equation to solve) no product identity to verify."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"dg", r"g_u\,du + g_v\,dv"),                 # total differential: d as a product would "differ"
    (r"dg", r"g_u du - g_v dv"),
    (r"dh", r"\frac{\partial h}{\partial s}\,ds"),
])
def test_total_differential_is_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not R


@pytest.mark.parametrize("lhs, rhs", [
    (r"p\,dq", r"q\,dp"),                          # a separable equation, not an identity of products
    (r"\frac{dq}{q}", r"\frac{dp}{p}"),
    (r"dq/q", r"dp/p"),
])
def test_differentials_of_other_letters_are_not_verified_as_products(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"d(pq)", r"p\,dq + q\,dp", V),               # the product rule still reads d as a differential
    (r"dp\,dq", r"dq\,dp", V),                     # the same letters on both sides: either reading holds
    (r"dm + dn", r"d(m+n)", V),
    (r"a\,\sin t + d\,\cos t", r"d\,\cos t + a\,\sin t", V),   # a spaced d is a coefficient
    (r"3d + d", r"5d", R),                         # d as a quantity is still checked
])
def test_d_as_a_quantity_or_the_same_differentials(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
