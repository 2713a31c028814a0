"""A width written with a summation index (\\Delta k for \\Delta x, beside \\sum_k) is a slip of one letter:
the index names no point outside its sum that the prose could give, so the renamed-letter search that
refutes a step introducing a name applies to it. A new letter of its own (\\Delta T), a name the prose
gives, or a first line stay undecided."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.model import Status
from lintmath.pipeline import check_text


def _chain(prose: str, head: str, *lines: str) -> str:
    rows = " \\\\\n".join([f"Q &= {head}"] + [f"&= {line}" for line in lines])
    return f"{prose}\n\\begin{{align*}}\n{rows}\n\\end{{align*}}\n"


def _finding(body: str):
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_text(doc, "t.tex")
    step = result.steps[-1]
    found = [f for f in result.findings if f.derivation == step.derivation.index and f.step == step.step.index]
    return step, (found[0] if found else None)


def _squash(text: str) -> str:
    return "".join(text.split())


STRIPS = "\\sum_{j=1}^{m} \\left[\\left(j + \\frac{1}{3}\\right)\\Delta t\\right]\\Delta t"
CELLS = "\\prod_{r=1}^{m} \\left(r\\, \\Delta u\\right)"


@pytest.mark.parametrize("head, slip, fixed", [
    (STRIPS, "(\\Delta j)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{3}\\right)",
     "(\\Delta t)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{3}\\right)"),
    (CELLS, "(\\Delta r)^m \\prod_{r=1}^{m} r", "(\\Delta u)^m \\prod_{r=1}^{m} r"),
])
def test_a_width_written_with_the_index_of_a_sum_beside_it_is_a_changed_variable(head: str, slip: str,
                                                                                 fixed: str) -> None:
    step, finding = _finding(_chain("We add up the strips.", head, slip))
    assert step.verdict.status is Status.REFUTED
    assert finding is not None and finding.rule == "LM105" and finding.severity == "error"
    assert _squash(finding.suggestion) == _squash(fixed)


@pytest.mark.parametrize("prose, line", [
    # a letter of its own: a width the prose may give (the last strip's, a new step size)
    ("We add up the strips.", "(\\Delta T)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{3}\\right)"),
    # the prose gives the width of the index's letter a value
    ("We add up the strips, with $\\Delta j = 2$.", "(\\Delta j)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{3}\\right)"),
])
def test_a_width_the_prose_may_give_is_not_refuted(prose: str, line: str) -> None:
    step, _ = _finding(_chain(prose, STRIPS, line))
    assert step.verdict.status is not Status.REFUTED


def test_the_first_line_of_a_chain_is_left_to_its_context() -> None:
    body = "We add up the strips.\n\\begin{align*}\n" + STRIPS \
        + " &= (\\Delta j)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{3}\\right)\n\\end{align*}\n"
    assert checked_steps(body)[-1].verdict.status is not Status.REFUTED


def test_the_width_as_written_still_verifies() -> None:
    step, finding = _finding(_chain("We add up the strips.", STRIPS,
                                    "(\\Delta t)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{3}\\right)"))
    assert step.verdict.status is Status.VERIFIED and finding is None
