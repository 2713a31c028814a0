"""Red team of the arrows between equations (round 16) on school algebra: worked solutions that are
correct but were refuted (an inverse function found by interchanging x and y, a rounded premise or a
whole-number rounding of an irrational root, a mixed number, an angle in degrees beside a bare
number, a chain ending in the contradiction of an equation without solution, ``\\mathrm{or}`` between
two solutions) are left unverified; the slips beside them are still reported."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.pipeline import check_text
from lintmath.relations import find_relations


def _check(body: str):
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    return result.steps, result.findings


@pytest.mark.parametrize("body", [
    # interchanging the letters to find an inverse function: parallel lines, yet a renaming
    r"\[ y = x - 9 \Rightarrow x = y - 9 \Rightarrow y = x + 9 \]",
    r"\[ q = p + 2 \implies p = q + 2 \]",
    # a rounded premise: the number it leads to is the exact one
    r"\[ w = 1.67 \Rightarrow 3w = 5 \]",
    r"\[ 0.25 = 2.45 s^2 \Rightarrow s^2 = 0.102 \Rightarrow s = 0.319 \]",
    # an irrational solution given to its whole units, or to its leading figures
    r"\[ u^2 = 2 \cdot 9.8 \cdot 30 \Rightarrow u = 24 \]",
    r"\[ r^2 = 52000 \Rightarrow r = 228 \]",
    r"\[ r^2 = 52000 \Rightarrow r = 230 \]",
    # a mixed number, as a first course writes it
    r"\[ 3m = 10 \Rightarrow m = 3\tfrac{1}{3} \]",
    # degrees on one side only
    r"\[ 4\alpha = 180 \Rightarrow \alpha = 45^\circ \]",
])
def test_correct_arrows_are_not_refuted(body: str) -> None:
    steps, findings = _check(body)
    assert all(s.verdict.status.value != "refuted" for s in steps), \
        [(s.step.lhs.text, s.step.rhs.text, s.verdict.reason) for s in steps]
    assert findings == ()


@pytest.mark.parametrize("body", [
    r"\[ y = 2x - 3 \Rightarrow y = 2x + 3 \]",  # parallel, one letter solved for in both: a slip
    r"\[ a - b = 4 \Rightarrow b - a = 4 \]",  # a sign lost, no letter solved for
    r"\[ 2.5k = 10 \Rightarrow k = 5 \]",  # a decimal premise with an exact, different solution
    r"\[ 7n = 35 \Rightarrow n = 6 \]",  # a rational solution is written exactly: 6 is a slip
    r"\[ 3m = 10 \Rightarrow m = 3\tfrac{1}{2} \]",  # wrong as a mixed number too
    r"\[ 4\alpha = 180^\circ \Rightarrow \alpha = 90^\circ \]",  # degrees on both sides
])
def test_slips_beside_them_are_still_refuted(body: str) -> None:
    steps, findings = _check(body)
    assert any(s.verdict.status.value == "refuted" for s in steps if s.step.relation == "=>")
    assert findings


def test_a_chain_ending_in_a_contradiction_is_not_refuted() -> None:
    body = r"""\begin{align*}
\frac{5}{k + 2} &= \frac{k}{k + 2} - 1 \\
\Rightarrow 5 &= k - (k + 2) \\
\Rightarrow 5 &= -2
\end{align*}"""
    steps, findings = _check(body)
    assert all(s.verdict.status.value != "refuted" for s in steps)
    assert findings == ()


def test_an_equation_of_numbers_as_a_premise_is_still_refuted() -> None:
    steps, _ = _check(r"\[ 5 \cdot 3 = 16 \quad\Rightarrow\quad k = 2 \]")
    assert ("5 \\cdot 3", "=", "refuted") in [(s.step.lhs.text, s.step.relation, s.verdict.status.value)
                                              for s in steps]


@pytest.mark.parametrize("word", [r"\mathrm{or}", r"\operatorname{and}"])
def test_a_connective_in_roman_ends_the_chain(word: str) -> None:
    text = rf"m = 1 \; {word} \; m = 6"
    assert [r.name for r in find_relations(text)] == ["="]
    steps, findings = _check(rf"\[ m^2 - 7m + 6 = 0 \Rightarrow {text} \]")
    assert all(s.verdict.status.value != "refuted" for s in steps)
    assert findings == ()


def test_a_name_in_roman_is_no_connective() -> None:
    assert [r.name for r in find_relations(r"\mathrm{Var}(X) = a = b")] == ["=", "="]
