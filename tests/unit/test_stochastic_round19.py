"""Stochastic-process notes (round 19): relations the prose states inline, which a step may rest on."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import RELATION, ContextItem
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _verdicts(body: str) -> dict[str, Status]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=20.0, seed=0))[0]
    return {s.step.rhs.stripped: s.verdict.status for s in res.steps}


def _relation(lhs: str, rhs: str) -> ContextItem:
    return ContextItem(RELATION, "", lhs, "=", rhs, "t.tex:1", 1, False, "t.tex", True)


@pytest.mark.parametrize("lhs, rhs, given, expected", [
    # holds when u(1 + w) = 1, as the prose says: not an error
    ("1 - u w^{k}(w + 1)", "1 - w^k", ("u(1 + w)", "1"), Status.UNVERIFIED),
    # a slip stays a slip under the same relation
    ("1 - u w^{k}(w + 1)", "1 - 3w^k", ("u(1 + w)", "1"), Status.REFUTED),
    # reversibility under a sum that binds one of its indices
    ("\\sum_a \\mu_a K_{ab}", "\\sum_a \\mu_b K_{ba}", ("\\mu_a K_{ab}", "\\mu_b K_{ba}"), Status.UNVERIFIED),
    ("\\sum_a \\mu_a K_{ab}", "\\sum_a 2\\mu_b K_{ba}", ("\\mu_a K_{ab}", "\\mu_b K_{ba}"), Status.REFUTED),
])
def test_stated_relation_rescues_only_what_it_explains(lhs, rhs, given, expected):
    verdict = check_step(lhs, rhs, "=", context=(_relation(*given),))
    assert verdict.status is expected
    if expected is Status.UNVERIFIED:
        assert "stated at t.tex:1" in verdict.reason


def test_without_the_relation_the_step_is_refuted():
    assert check_step("1 - u w^{k}(w + 1)", "1 - w^k", "=").status is Status.REFUTED


def test_prose_relation_reaches_the_display_below():
    got = _verdicts(
        "The walk has $s(1 + v) = 1$ by construction. Hence\n"
        "\\begin{align*}\n1 - s v^{m}(v + 1) &= 1 - v^m\n\\end{align*}\n")
    assert got["1 - v^m"] is Status.UNVERIFIED


def test_inline_chain_gives_its_last_link_as_a_value():
    got = _verdicts(
        "Steps are $+1$ with probability $a$ and $-1$ with $\\Pr(\\eta = -1) = b = 1 - a$. Then\n"
        "\\begin{align*}\n(1 - a + b)(1 + a - b) &= 2b \\cdot 2a\n\\end{align*}\n")
    assert got["2b \\cdot 2a"] is Status.VERIFIED
