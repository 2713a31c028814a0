"""Dropped terms, round 28: a term lost from the expansion of a product of transposed brackets
(``(b-Au)^T(b-Au)``) is put back as the expansion writes it, the transpose of a product of letters
reversed (``u^TA^T``); a term lost beside a bracket that is the whole line goes beside the bracket,
not into it, when the chain writes the line as a term of a sum; and a term put back is spaced as the
line spaces its terms (``~-~``). None of this changes a verdict: only the suggestion of a refuted step."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R = Status.VERIFIED, Status.REFUTED


def _squash(text: str) -> str:
    return "".join(text.split())


# (line before, wrong new line, the chain's other lines, suggested new line)
CASES = [
    # the first term of the expansion of a transposed bracket times a bracket
    (r"(b-Au)^{T}(b-Au)", r"-2u^{T}A^{T}b+u^{T}A^{T}Au", (), r"b^{T}b-2u^{T}A^{T}b+u^{T}A^{T}Au"),
    # ... and the last, whose transposed product of letters is written reversed, each letter transposed
    (r"(b-Au)^{T}(b-Au)", r"b^{T}b-2u^{T}A^{T}b", (), r"b^{T}b-2u^{T}A^{T}b+u^{T}A^{T}Au"),
    # a styled letter is transposed as written
    (r"(b-\mathbf{A}u)^{T}(b-\mathbf{A}u)", r"-2u^{T}\mathbf{A}^{T}b+u^{T}\mathbf{A}^{T}\mathbf{A}u", (),
     r"b^{T}b-2u^{T}\mathbf{A}^{T}b+u^{T}\mathbf{A}^{T}\mathbf{A}u"),
    # a line that is one bracketed sum, written by the chain as the second term of a sum: the lost
    # first term goes before the bracket, as the chain writes it, not inside the bracket
    (r"(p_1 + (q_1 + r_1))t + (p_0 + (q_0 + r_0))", r"((q_1 + r_1)t + (q_0 + r_0))",
     (r"(p_1t + p_0) + ((q_1t + q_0) + (r_1t + r_0))", r"(p_1t + p_0) + ((q_1 + r_1)t + (q_0 + r_0))"),
     r"(p_1t + p_0) + ((q_1 + r_1)t + (q_0 + r_0))"),
    # a sum that spaces its signs with ties: the term put back is spaced the same
    (r"p ~-~ q ~+~ s", r"-~ q ~+~ s", (), r"p ~-~ q ~+~ s"),
    (r"p ~-~ q ~+~ s", r"p ~-~ q", (), r"p ~-~ q ~+~ s"),
    (r"p \,-\, q \,+\, s", r"p \,+\, s", (), r"p \,-\, q \,+\, s"),
]


@pytest.mark.parametrize("lhs,rhs,chain,suggestion", CASES)
def test_lost_term_is_put_back_as_the_author_wrote_it(lhs: str, rhs: str, chain: tuple, suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=", chain=chain)
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert _squash(verdict.diagnosis.suggestion) == _squash(suggestion)


def test_spacing_that_differs_between_terms_is_not_copied() -> None:
    # two ways of spacing the signs: the term put back gets plain blanks, nothing the line does not write
    verdict = check_step(r"p ~-~ q ~+~ s \,+\, w", r"-~ q ~+~ s \,+\, w", "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert _squash(verdict.diagnosis.suggestion) == _squash(r"p -~ q ~+~ s \,+\, w")


@pytest.mark.parametrize("lhs,rhs", [
    (r"(b-Au)^{T}(b-Au)", r"b^{T}b-u^{T}A^{T}b-b^{T}Au+u^{T}A^{T}Au"),
    (r"(b-Au)^{T}(b-Au)", r"b^{T}b-2b^{T}Au+u^{T}A^{T}Au"),
    (r"(p_1t + p_0) + ((q_1 + r_1)t + (q_0 + r_0))", r"(p_1 + (q_1 + r_1))t + (p_0 + (q_0 + r_0))"),
    (r"p ~-~ q ~+~ s", r"s ~-~ q ~+~ p"),
])
def test_right_expansions_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs,rhs", [
    # the lost cross term of a transposed product is not a term any one bracket writes: no suggestion
    # is made up for it, but the step stays an error
    (r"(b-Au)^{T}(b-Au)", r"b^{T}b+u^{T}A^{T}Au"),
    # a wrong reversed transpose is not taken for a lost term
    (r"(b-Au)^{T}(b-Au)", r"b^{T}b-2u^{T}A^{T}b+A^{T}u^{T}Au"),
])
def test_wrong_expansions_stay_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R, verdict.reason
