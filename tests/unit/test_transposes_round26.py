"""LM106 for matrices: a transpose lost or added, and the factors of a product's transpose or inverse
left in their order, are named as such and repaired in the author's own transpose notation."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

SLIPS = [
    # (lhs, wrong rhs, suggestion)
    (r"(AB)^\top", r"A^\top B^\top", r"B^\top A^\top"),
    (r"(PQ)^{-1}", r"P^{-1}Q^{-1}", r"Q^{-1}P^{-1}"),
    (r"(M N)^T", r"M^T N^T", r"N^T M^T"),
    (r"\nabla_\beta \frac{1}{2}(y-X\beta)^T(y-X\beta)", r"X^T X\beta-X y", r"X^T X\beta-X^T y"),
    # the transposed bracket makes its terms vectors: read as numbers the slip would verify
    (r"\nabla_\beta \frac{1}{2}(y-X\beta)^T(y-X\beta)", r"X(X\beta-y)", r"X^T(X\beta-y)"),
    # a matrix before its bracket, with no transpose written anywhere: the default mark
    (r"\nabla_w \frac{1}{2}\|Xw-y\|^2", r"X(Xw-y)", r"X^\top(Xw-y)"),
]


@pytest.mark.parametrize("lhs, rhs, suggestion", SLIPS)
def test_transpose_slip_is_named_and_repaired(lhs: str, rhs: str, suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "reciprocal"
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(suggestion.split())


@pytest.mark.parametrize("lhs, rhs", [(lhs, suggestion) for lhs, _, suggestion in SLIPS])
def test_repaired_step_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_numbers_get_no_transpose_edit() -> None:
    # a slip among numbers is not explained by a transpose: the step has no vector or matrix
    verdict = check_step(r"(ab)^2", r"a^2b", "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is None or verdict.diagnosis.kind != "reciprocal"


def test_transposed_bracket_makes_its_terms_vectors() -> None:
    # (b - Aw)^T: b and w are vectors, A a matrix, in the default reading; a term lost whole is then
    # refuted there (it was unverified while only a guessed reading built the line before)
    verdict = check_step(r"(b-Aw)^{T}(b-Aw)", r"-2w^{T}A^{T}b+w^{T}A^{T}Aw", "=")
    assert verdict.status is Status.REFUTED
    assert check_step(r"(b-Aw)^{T}(b-Aw)", r"b^Tb-2w^{T}A^{T}b+w^{T}A^{T}Aw", "=").status is Status.VERIFIED


def test_reading_with_symmetric_matrices_names_the_one_no_name_makes_symmetric() -> None:
    # C is conventionally symmetric (a covariance), A is not: the step holds only if A is as well,
    # which the symmetric reading assumed without a word (it verified)
    verdict = check_step(r"\operatorname{tr}(ABC)", r"\operatorname{tr}(B^\top AC)", "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == "holds if A is symmetric"


def test_transpose_edit_does_not_count_in_the_symmetric_reading() -> None:
    # tr(BAC) for tr(ABC): B^T A C holds only with the matrices symmetric; the factors' order is the repair
    verdict = check_step(r"\operatorname{tr}(ABC)", r"\operatorname{tr}(BAC)", "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion == r"\operatorname{tr}(ABC)"
