"""Dropped terms, round 29: a line that lost a term and whose terms cannot be valued alone (sums over an
index) gets the lost term back from the line the chain works it into, even where that line rewrote
the term the line kept; and a term put back before a line's only signed term is spaced as that
sign is (``a ~-~ b`` that lost its ``a``). The chain reaches only the diagnosis of a step refuted anyway."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status

R = Status.REFUTED


def _squash(text: str) -> str:
    return "".join(text.split())


# (line before, wrong new line, the chain's other lines, suggested new line)
CHAIN_CASES = [
    # the line after writes the lost sum as it stands, beside a term it rewrote (\sum_j t_j \log Z as \log Z)
    (r"-\sum_{j=1}^n t_j \log \frac{e^{z_j}}{\sum_{k=1}^n e^{z_k}}",
     r"\sum_{j=1}^n t_j \log \sum_{k=1}^n e^{z_k}",
     (r"\log \sum_{k=1}^n e^{z_k} - \sum_{j=1}^n t_j z_j",),
     r"\sum_{j=1}^n t_j \log \sum_{k=1}^n e^{z_k} - \sum_{j=1}^n t_j z_j"),
    # the line after names the sums it works out (S, A): it shares no term with the line
    (r"\sum_{i=1}^{m} (a_i + 1)^2", r"\sum_{i=1}^{m} a_i^2 + 2\sum_{i=1}^{m} a_i", (r"S + 2A + m",),
     r"\sum_{i=1}^{m} a_i^2 + 2\sum_{i=1}^{m} a_i + m"),
    (r"\sum_{k=1}^{n} k (x_k + 1)", r"\sum_{k=1}^{n} k x_k", (r"X + \frac{n(n+1)}{2}",),
     r"\sum_{k=1}^{n} k x_k + \frac{n(n+1)}{2}"),
]


@pytest.mark.parametrize("lhs,rhs,chain,suggestion", CHAIN_CASES)
def test_a_lost_sum_comes_back_from_the_line_after(lhs: str, rhs: str, chain: tuple[str, ...], suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=", chain=chain)
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert _squash(verdict.diagnosis.suggestion) == _squash(suggestion)


def test_a_chain_term_that_does_not_repair_the_step_is_not_suggested() -> None:
    # the line after lost something else as well: its term does not make the step hold
    lhs, rhs = r"\sum_{i=1}^{m} (a_i + b_i)", r"\sum_{i=1}^{m} a_i"
    verdict = check_step(lhs, rhs, "=", chain=(r"A + 2\sum_{i=1}^{m} b_i",))
    assert verdict.diagnosis is None or _squash(verdict.diagnosis.suggestion) != _squash(
        r"\sum_{i=1}^{m} a_i + 2\sum_{i=1}^{m} b_i")


@pytest.mark.parametrize("chain", [(), (r"\sum_{i=1}^{m} a_i + \sum_{i=1}^{m} b_i",)])
def test_the_chain_decides_no_verdict_where_a_quantity_was_lost(chain: tuple[str, ...]) -> None:
    # a lost quantity is decided by the short search, which keeps to terms whose value it can check
    alone = check_step(r"\sum_{i=1}^{n} (a_i + b_i)", r"\sum_{i=1}^{n} a_i", "=")
    chained = check_step(r"\sum_{i=1}^{n} (a_i + b_i)", r"\sum_{i=1}^{n} a_i", "=", chain=chain)
    assert chained.status is alone.status


@pytest.mark.parametrize("lhs,rhs,suggestion", [
    (r"x ~-~ y", r"-~ y", r"x ~-~ y"),
    (r"p \,-\, q", r"-\, q", r"p \,-\, q"),
    (r"(a-b)^2 - c", r"- c", r"(a-b)^2 - c"),  # plain spacing stays plain
])
def test_a_term_put_back_before_the_only_signed_term_is_spaced_like_its_sign(lhs: str, rhs: str,
                                                                            suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert _squash(verdict.diagnosis.suggestion) == _squash(suggestion)
