"""Entropies and mutual information of random variables, H(X, Y), H(Y \\mid X), I(X; Y), read as sums
over one joint distribution (infotheory.variable_entropies_written): verify-only, equalities only."""
import pytest

from lintmath.check import check_step
from lintmath.infotheory import variable_entropies_written
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"H(X,Y)", r"H(X) + H(Y \mid X)"),
    (r"H(X, Y)", r"H(Y) + H(X|Y)"),
    (r"H(Y) - H(Y \mid X)", r"I(X;Y)"),
    (r"H(A) + H(B) - H(A,B)", r"I(A; B)"),
    (r"I(X;Y)", r"I(Y;X)"),
    (r"H(U|V)", r"H(U) - I(U;V)"),
    (r"H(X)", r"-\sum_x p(x)\log_2 p(x)"),
    (r"H(Y|X)", r"-\sum_{x}\sum_{y} p(x,y)\log p(y \mid x)"),
    (r"I(X;Y)", r"\sum_{x,y} p(x,y) \log\frac{p(x,y)}{p(x)\,p(y)}"),
])
def test_identities_of_entropies_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs, relation", [
    # slips: verify-only, so they stay unread rather than refuted (H may be a Hamiltonian elsewhere)
    (r"H(X,Y)", r"H(X) - H(Y \mid X)", "="),
    (r"I(X;Y)", r"H(X) + H(X \mid Y)", "="),
    (r"H(X \mid Y)", r"H(Y) - I(X;Y)", "="),
    # an inequality that one joint distribution may meet and another break
    (r"H(X \mid Y)", r"H(Y)", "\\le"),
])
def test_slips_and_inequalities_are_not_verified(lhs, rhs, relation):
    verdict = check_step(lhs, rhs, relation)
    assert verdict.status is not Status.VERIFIED
    assert verdict.status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"H(X) + x", r"H(X) + 2"),  # x used otherwise than as a value summed
    (r"H(X) + p", r"1"),  # p a number, no distribution
])
def test_value_letters_used_otherwise_keep_the_step_as_written(lhs, rhs):
    assert variable_entropies_written(lhs, rhs) == (lhs, rhs)
