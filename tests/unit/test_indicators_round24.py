"""An indicator of a condition between indices, ``\\mathbb{1}[j = k]``, is the Kronecker delta: decided
exactly (lower.exact_indicator), where one of other conditions stays an unknown function."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_k \mathbb{1}[j=k]\, x_k", r"x_j"),
    (r"\sum_{k=1}^{K} a_k \mathbf{1}\{k = i\}", r"a_i"),
    (r"\frac{\partial}{\partial z_j} \sum_k w_k z_k", r"\sum_k w_k \mathbb{1}[k=j]"),
    (r"\frac{\partial}{\partial z_j} \sum_k e^{z_k}", r"\sum_k e^{z_k}\,\mathbb{1}(k = j)"),
    (r"\mathbb{1}[i=j]\,\delta_{ij}", r"\delta_{ij}"),
    (r"\sum_k u_k (1 - \mathbb{1}[k \neq j])", r"u_j"),
])
def test_indicators_of_index_conditions_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_k \mathbb{1}[j=k]\, x_k", r"2x_j"),
    (r"\frac{\partial}{\partial z_j} \sum_k w_k z_k", r"\sum_k w_k \mathbb{1}[k \neq j]"),
])
def test_slips_beside_them_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # a condition on a label the prose may restrict (y = +-1): its values are not the step's to give
    (r"\mathbb{1}[y=1] + \mathbb{1}[y=-1]", r"1"),
    (r"\sum_{k=1}^{K} \mathbb{1}\{y = k\}", r"1"),
    (r"\mathbb{1}[x > 0]^2", r"2\,\mathbb{1}[x > 0]"),
])
def test_indicators_of_other_conditions_are_never_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED
