"""Diagnosis, round 13 (issue 6): a term recovered from the difference of the two sides that is a
number times a sum one of the lines writes in brackets is written with that bracket, up to its sign,
beside the line's own terms of that shape; a determinant of written entries no longer keeps the
difference of the sides from being looked at; and a variable named twice in a distribution is
read as the typo it is."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R = Status.VERIFIED, Status.REFUTED

DET = r"\begin{vmatrix} 2-x & 1 & 1 \\ 1 & 4-x & 2 \\ 2 & 1 & 3-x \end{vmatrix}"

# (previous line, wrong new line, suggested new line)
CASES = [
    # a multiple of a bracket the line writes, with its sign, before the line's terms of its shape
    (DET, r"(2-x)(4-x)(3-x) + 4 + 1 - 2(4-x) - 2(2-x)", r"(2-x)(4-x)(3-x) + 4 + 1 - (3-x) - 2(4-x) - 2(2-x)"),
    (DET, r"(2-x)(4-x)(3-x) + 4 + 1 - (3-x) - 2(2-x)", r"(2-x)(4-x)(3-x) + 4 + 1 - (3-x) - 2(4-x) - 2(2-x)"),
    (r"(y+1)^2 + 2(y+1)", r"(y+1)^2", r"(y+1)^2 + 2(y+1)"),
]


@pytest.mark.parametrize("lhs, rhs, suggestion", CASES)
def test_lost_multiple_of_a_bracket(lhs, rhs, suggestion):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(suggestion.split())


@pytest.mark.parametrize("lhs, rhs", [
    (DET, r"(2-x)(4-x)(3-x) + 4 + 1 - 2(4-x) - (3-x) - 2(2-x)"),
    (r"(y+1)^2 + 2(y+1)", r"(y+1)(y+3)"),
    (r"(a+b)^2 - 3(b-a)", r"a^2 + 2ab + b^2 - 3(b-a)"),
])
def test_correct_lines_still_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs, rhs", [
    (r"(p+q)^2 + (r+s)^2", r"p^2 + q^2 + r^2 + s^2"),  # 2(pq + rs): no bracket of the lines, two terms lost
])
def test_no_bracket_made_up(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R and verdict.diagnosis is None


# A variable named twice in one application (p(z | z)) is no distribution, so such a step was left to
# "depends on what p is"; it reads as the joint of the line before's variables, and is an error only
# when one edit makes it hold for every joint (where it fails for a generic and an independent one).
@pytest.mark.parametrize("lhs, rhs, suggestion", [
    (r"p(u,w)", r"p(w)p(w\mid w)", r"p(w)p(u\mid w)"),
    (r"p(u\mid w)", r"\frac{p(w,w)}{p(w)}", r"\frac{p(u,w)}{p(w)}"),
])
def test_a_repeated_variable_in_a_distribution(lhs, rhs, suggestion):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "changed_variable"
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(suggestion.split())


@pytest.mark.parametrize("lhs, rhs", [
    (r"p(u)", r"p(u,u)"),  # the same probability: not refuted
    (r"p(u,w)", r"p(u)p(w)"),  # independence the prose may assume: not refuted
])
def test_repeats_without_an_error_stay_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not R
