"""A step that writes a name its line before does not is left to its context (the name may come from
the prose), unless the name is the slip: one edit of a letter written in view elsewhere in the step, or
of a function beside the name, makes the step hold whatever its letters are and needs nothing from
elsewhere. Names the prose may give (a letter written nowhere else in the step, a letter the line
writes wherever the line before wrote another, a value in force) stay undecided."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.model import Status
from lintmath.pipeline import check_text


def _chain(prose: str, head: str, *lines: str) -> str:
    rows = " \\\\\n".join([f"Q &= {head}"] + [f"&= {line}" for line in lines])
    return f"{prose}\n\\begin{{align*}}\n{rows}\n\\end{{align*}}\n"


def _last(body: str):
    steps = checked_steps(body)
    return steps[-1]


def _finding(body: str):
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_text(doc, "t.tex")
    step = result.steps[-1]
    found = [f for f in result.findings if f.derivation == step.derivation.index and f.step == step.step.index]
    return step, (found[0] if found else None)


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("head, slip, fixed", [
    # the index j written for the width's letter t, which stands in view in \Delta t
    ("(\\Delta t)^2 \\sum_{j=1}^{m} \\left(j + \\frac{1}{2}\\right)",
     "(\\Delta t)^2 \\left[\\left(\\sum_{j=1}^{m} t\\right) + \\left(\\sum_{j=1}^{m} \\frac{1}{2}\\right)\\right]",
     "(\\Delta t)^2 \\left[\\left(\\sum_{j=1}^{m} j\\right) + \\left(\\sum_{j=1}^{m} \\frac{1}{2}\\right)\\right]"),
    # the letter of the other factor's differential written for the variable
    ("\\Delta s \\sum_{k=1}^{n} (k - 1)", "\\Delta s \\left(\\sum_{k=1}^{n} s - n\\right)",
     "\\Delta s \\left(\\sum_{k=1}^{n} k - n\\right)"),
])
def test_a_letter_in_view_written_for_another_is_a_changed_variable(head: str, slip: str, fixed: str) -> None:
    step, finding = _finding(_chain("We sum the strips.", head, slip))
    assert step.verdict.status is Status.REFUTED
    assert finding is not None and finding.rule == "LM105" and finding.severity == "error"
    assert _squash(finding.suggestion) == _squash(fixed)


def test_a_function_swapped_beside_a_name_from_elsewhere_is_a_wrong_function() -> None:
    # u cancels in the line as meant, so the step holds whatever u is; either function is the slip
    step, finding = _finding(_chain("Add and take away the same term.", "\\sin^2 x + \\cos^2 x",
                                    "1 + \\sin u - \\cos u"))
    assert step.verdict.status is Status.REFUTED
    assert finding is not None and finding.rule == "LM107"
    assert _squash(finding.suggestion) in (_squash("1 + \\sin u - \\sin u"), _squash("1 + \\cos u - \\cos u"))


@pytest.mark.parametrize("prose, head, line", [
    # a letter written nowhere else in the step: the prose may give it in words
    ("For the second particle, of the same mass,", "\\frac{1}{2} m v^2 + \\frac{1}{2} m v^2",
     "\\frac{1}{2} m v^2 + \\frac{1}{2} M v^2"),
    ("Because $b$ equals $a$ in the symmetric case,", "2a", "a + b"),
    ("With the result of the previous lecture,", "3x + x", "3x + w"),
    # the line writes T wherever the line before wrote t: an evaluation at the end point
    ("At the end point,", "v t", "v T"),
    # a substitution from the prose, which no renaming of one letter explains
    ("Substituting $u$,", "\\int 2x e^{x^2}\\,dx", "\\int e^u\\,du"),
    ("For the parabola of the example,", "\\frac{\\Delta y}{\\Delta x}", "2x + \\Delta x"),
    ("At equilibrium,", "k x - m g", "k x_0 - m g"),
    ("With the tangent,", "1 + \\tan^2 x", "1 + u^2"),
])
def test_a_name_that_may_come_from_elsewhere_is_not_refuted(prose: str, head: str, line: str) -> None:
    step = _last(_chain(prose, head, line))
    assert step.verdict.status is not Status.REFUTED


def test_a_name_the_prose_gives_a_value_is_left_to_it() -> None:
    # y = x in force: a renaming of y to x would "repair" the step, but the prose's value decides it
    step = _last(_chain("Let $y = x$ here.", "x^2 + 2x", "x^2 + 2y"))
    assert step.verdict.status is Status.VERIFIED
