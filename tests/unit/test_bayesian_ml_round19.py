"""Bayesian machine learning notes: the inverse transpose ``L^{-\\top}`` of Cholesky factors and
whitening steps, read as the transpose of the inverse rather than a power with an unknown exponent."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.parse import nodes as n


@pytest.mark.parametrize("lhs, rhs, status", [
    # the quadratic form of a GP evidence through its Cholesky factor C = RR^T
    (r"\mathbf{v}^\top (RR^\top)^{-1}\mathbf{v}", r"\mathbf{v}^\top R^{-\top}R^{-1}\mathbf{v}", Status.VERIFIED),
    (r"\mathbf{v}^\top (RR^\top)^{-1}\mathbf{v}", r"(R^{-1}\mathbf{v})^\top R^{-1}\mathbf{v}", Status.VERIFIED),
    (r"(RR^T)^{-1}", r"R^{-T}R^{-1}", Status.VERIFIED),
    (r"(M^{-1})^\top", r"M^{-\top}", Status.VERIFIED),
    (r"(M^\top)^{-1}", r"M^{-\mathsf{T}}", Status.VERIFIED),
    (r"(M^{-1})^\top N", r"M^{-\intercal} N", Status.VERIFIED),
    (r"(\mathbf{W}^{\top})^{-1}\mathbf{u}", r"\mathbf{W}^{-T}\mathbf{u}", Status.VERIFIED),
    # the factors in the wrong order: the inverse of RR^T is not R^{-1}R^{-T} for a general R
    (r"(RR^\top)^{-1}", r"R^{-1}R^{-\top}", Status.REFUTED),
])
def test_inverse_transpose(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("src", [
    r"e^{-T}",        # a horizon or a temperature in the exponent
    r"(1 + r)^{-T}",  # discounting over T periods
    r"\lambda^{-T}",
    r"x^{-T}",
])
def test_minus_plain_T_over_a_scalar_stays_a_power(src: str) -> None:
    tree = parse_math(src)
    assert not isinstance(tree, n.Transpose), tree


@pytest.mark.parametrize("src", [r"S^{-T}", r"S^{-\top}", r"\mathbf{s}^{-\top}", r"x^{-\top}"])
def test_minus_transpose_mark_is_an_inverse_transpose(src: str) -> None:
    tree = parse_math(src)
    assert isinstance(tree, n.Transpose) and isinstance(tree.inner, n.Pow), tree


def test_discounting_with_minus_T_is_still_checked_as_a_power() -> None:
    assert check_step(r"(1 + r)^{-T}(1 + r)^{T}", "1", "=").status is Status.VERIFIED
