"""Round 20 red team, classical machine learning notes (kernels, Gaussian processes, EM, PCA):
bars around a capital are a determinant as often as an absolute value (|\\Sigma| in a Gaussian
density, |K + \\sigma^2 I| in a GP's marginal likelihood), so a step that holds with them as
determinants is never refuted for failing with them as numbers."""
import pytest

from lintmath.check import check_step
from lintmath.conventions import DETERMINANT_BARS
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    # the normalising constant of a bivariate Gaussian: d = 2 pulls out (2 pi)^2
    (r"\log|2\pi\Lambda|", r"2\log 2\pi + \log|\Lambda|"),
    (r"|2\pi\Lambda|^{-1/2}", r"(2\pi)^{-1}|\Lambda|^{-1/2}"),
    # a scaled 3 x 3 Gram matrix
    (r"|3G|", r"27|G|"),
    (r"\tfrac12\log|c\,\Sigma_j|", r"\tfrac32\log c + \tfrac12\log|\Sigma_j|"),
])
def test_determinant_bars_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == DETERMINANT_BARS


@pytest.mark.parametrize("lhs, rhs", [
    # wrong in every reading: as numbers and as determinants of either size
    (r"\log|2\pi\Lambda|", r"5\log 2\pi + \log|\Lambda|"),
    (r"|G H|", r"|G| + |H|"),
    (r"\log|\Lambda^{-1}|", r"\log|\Lambda|"),
    (r"|\Lambda|^{-1/2}", r"\frac{1}{|\Lambda|}"),
    (r"\log|\Sigma_j| + \log|\Sigma_j|", r"3\log|\Sigma_j|"),
    # lowercase letters in bars are numbers only
    (r"|u - v|", r"u + v"),
])
def test_slips_with_bars_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"|G H|", r"|G||H|"),
    (r"\log|\Lambda^{-1}|", r"-\log|\Lambda|"),
    (r"\log|K + s^2 I|", r"\log\det(K + s^2 I)"),
])
def test_identities_of_determinants_still_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_bars_around_an_application_are_a_size() -> None:
    # |F(t)| is the size of a value, never a determinant: the scalar refutation stands
    assert check_step(r"|2F(t)|", r"4|F(t)|", "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    # a component's covariance \Sigma_k inside det or tr is a matrix, as the unindexed \Sigma is
    (r"\det(c\,\Lambda_j)", r"c^3\det\Lambda_j", Status.UNVERIFIED),  # holds at 3 x 3 only
    (r"\det(c\,\Lambda_j)", r"c^4\det\Lambda_j", Status.REFUTED),
    (r"\det(\Lambda_j\Lambda_j)", r"(\det\Lambda_j)^2", Status.VERIFIED),
    (r"\operatorname{tr}(\Lambda_j B)", r"\operatorname{tr}(B\Lambda_j)", Status.VERIFIED),
])
def test_indexed_greek_capital_in_det_is_a_matrix(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
