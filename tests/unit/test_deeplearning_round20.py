"""Round 20, deep learning notes (attention, layer norm, VAEs, diffusion, flows): a plain letter that
names the dimension of vectors no written matrix sizes (n in 1^T 1 = n) is a reading, so a step that
holds with it as that size is never refuted; slips still are."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

ONES = r"\mathbf{1}"


@pytest.mark.parametrize("lhs, rhs, letter", [
    # the centring matrix of layer norm, expanded with 1^T 1 = n (written, as the notes do)
    (rf"I - \frac{{2}}{{n}}{ONES}{ONES}^\top + \frac{{1}}{{n^2}}{ONES}({ONES}^\top{ONES}){ONES}^\top",
     rf"I - \frac{{1}}{{n}}{ONES}{ONES}^\top", "n"),
    # idempotent centring matrix, in one step
    (rf"\left(I - \frac{{1}}{{m}}{ONES}{ONES}^\top\right)^2", rf"I - \frac{{1}}{{m}}{ONES}{ONES}^\top", "m"),
    # it annihilates the ones
    (rf"\left(I - \frac{{1}}{{d}}{ONES}{ONES}^\top\right){ONES}", r"\mathbf{0}", "d"),
    # the mean of a vector of ones beside a vector
    (rf"\frac{{1}}{{p}}{ONES}^\top{ONES} + \mathbf{{u}}^\top\mathbf{{v}}", r"1 + \mathbf{v}^\top\mathbf{u}", "p"),
])
def test_dimension_letter_is_not_refuted(lhs: str, rhs: str, letter: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert f"holds if {letter} is the dimension" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # a dropped factor 2: wrong whatever n is
    (rf"\left(I - \frac{{1}}{{n}}{ONES}{ONES}^\top\right)^2", rf"I - \frac{{2}}{{n}}{ONES}{ONES}^\top"),
    # a sign slip
    (rf"\left(I - \frac{{1}}{{d}}{ONES}{ONES}^\top\right){ONES}", rf"2{ONES}"),
    # a slip in a term that does not involve the dimension letter's reading
    (rf"I - \frac{{2}}{{d}}{ONES}{ONES}^\top + \frac{{1}}{{d^2}}{ONES}({ONES}^\top{ONES}){ONES}^\top",
     rf"I - \frac{{3}}{{d}}{ONES}{ONES}^\top + \frac{{1}}{{d}}{ONES}{ONES}^\top"),
])
def test_slips_beside_a_dimension_letter_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # no I, ones, tr or det: the size of the vectors does not matter, and n stays a number
    (r"\frac{1}{n}\mathbf{a}^\top\mathbf{b}", r"\frac{1}{n}\mathbf{b}^\top\mathbf{a}"),
    # n written as a sum's bound is an integer, not a size to guess
    (r"\sum_{i=1}^{n} (x_i + 1)", r"n + \sum_{i=1}^{n} x_i"),
])
def test_other_steps_keep_their_verdict(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_reading_is_offered_only_beside_unsized_arrays() -> None:
    from lintmath.lower import classify_letters, dimension_letter_candidates
    from lintmath.parse.parser import parse_math
    sized = [parse_math(r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix} - \frac{1}{n} I", {}),
             parse_math(r"I - \frac{1}{n} I", {})]
    assert dimension_letter_candidates(classify_letters(*sized), tuple(sized)) == frozenset()
    unsized = [parse_math(rf"{ONES}^\top{ONES} - d", {}, ones=True), parse_math(r"\mathbf{x}^\top\mathbf{x}", {})]
    assert dimension_letter_candidates(classify_letters(*unsized), tuple(unsized)) == frozenset({"d"})
