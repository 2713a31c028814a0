"""Red team of reinforcement-learning and optimisation notes (round 17): a letter e or \\pi that the
prose gives a value (``let $e = x - x^*$`` for an error, ``probability $\\pi = 0.5$`` of a Bernoulli
policy) is the document's own letter there, so a step that uses its value is not refuted as if it
were Euler's number or pi; slips beside it, and documents that mean the constants, are still caught."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.context import constant_as_letter
from lintmath.parse.parser import parse_math
from lintmath.pipeline import check_text


def _check(body: str):
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    return result.steps, result.findings


def _statuses(steps) -> list[str]:
    return [s.verdict.status.value for s in steps]


@pytest.mark.parametrize("body", [
    # the error of an iterate, called e in the prose
    "Write $e = w - w^*$ for the error of the iterate; with $e = 0.3$,\n"
    "\\begin{align*}\ne^2 &= 0.09 \\\\\n4e &= 1.2\n\\end{align*}",
    # a trace or an error stated inline just above a chain that uses its value
    "The error after one step is $e = 0.2$, so\n\\begin{align*}\n(1 - 0.5)e &= 0.1\n\\end{align*}",
    # the probability of a Bernoulli policy, written \pi
    "The policy plays arm one with probability $\\pi$. For $\\pi = 0.2$ the variance is\n"
    "\\begin{align*}\n\\pi - \\pi^2 &= 0.2 - 0.04 \\\\\n &= 0.16\n\\end{align*}",
])
def test_constant_letters_given_a_value_are_not_refuted(body: str) -> None:
    steps, findings = _check(body)
    assert "refuted" not in _statuses(steps), [(s.step.lhs.text, s.verdict.reason) for s in steps]
    assert findings == ()


def test_the_reason_names_the_value() -> None:
    steps, _ = _check("For $\\pi = 0.2$ we get\n\\begin{align*}\n1 - \\pi &= 0.8\n\\end{align*}")
    assert steps[0].verdict.status.value == "unverified"
    assert "\\pi = 0.2" in steps[0].verdict.reason


@pytest.mark.parametrize("body", [
    # a numeric slip beside the letter: no e or \pi in the step, still caught
    "Write $e = w - w^*$. Then\n\\begin{align*}\n0.5 \\cdot 0.3 &= 0.12\n\\end{align*}",
    # the prose states Euler's number itself: e is the constant, the wrong exponent is caught
    "Recall $e = 2.71828$.\n\\begin{align*}\ne^{-r} e^{r} &= e^{2r}\n\\end{align*}",
    # e defined by its limit: the constant again
    "Recall $e = \\lim_{n\\to\\infty}(1 + 1/n)^n$.\n\\begin{align*}\ne^{2}e^{3} &= e^{6}\n\\end{align*}",
    # no value given to e in the prose: Euler's number
    "The discount over two periods:\n\\begin{align*}\ne^{-0.1} e^{-0.1} &= e^{-0.3}\n\\end{align*}",
])
def test_slips_and_constants_are_still_caught(body: str) -> None:
    steps, findings = _check(body)
    assert "refuted" in _statuses(steps), [(s.step.lhs.text, s.verdict.reason) for s in steps]
    assert findings


def test_a_letter_given_below_the_reach_of_the_prose_does_not_count() -> None:
    # the value is given many lines after the step: the step's e is Euler's number
    body = "\\begin{align*}\ne^{1} e^{1} &= e^{3}\n\\end{align*}\n" + "text\n" * 8 + "Now let $e = 0.1$."
    steps, _ = _check(body)
    assert _statuses(steps) == ["refuted"]


@pytest.mark.parametrize("text, name", [("e", "e"), ("\\pi", "\\pi"), ("e_t", ""), ("\\pi_\\theta", ""),
                                        ("x", ""), ("e^2", "")])
def test_constant_as_letter(text: str, name: str) -> None:
    assert constant_as_letter(parse_math(text)) == name


def test_correct_rl_numbers_verify() -> None:
    steps, findings = _check(
        "\\begin{align*}\nQ(s,a) &= 0.5 + 0.1(1 + 0.9\\cdot 0.8 - 0.5) \\\\\n &= 0.5 + 0.1 \\cdot 1.22 \\\\\n"
        " &= 0.622\n\\end{align*}")
    assert _statuses(steps)[1:] == ["verified", "verified"]
    assert findings == ()
