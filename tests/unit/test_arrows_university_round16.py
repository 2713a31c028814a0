"""Red team of the arrows between equations (round 16) on university material: a step that keeps
only the non-real solutions of a polynomial (the real ones excluded in the prose), and an equation
solved (or numbers equated) as residues just after the prose says it works modulo a number, are
left unverified; the slips beside them are still reported."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.pipeline import check_text


def _check(body: str):
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    return result.steps, result.findings


@pytest.mark.parametrize("body", [
    # the non-real roots: the real ones are excluded in the prose
    r"\[ w^3 = 1 \Rightarrow (w - 1)(w^2 + w + 1) = 0 \Rightarrow w^2 + w + 1 = 0 \]",
    r"\[ s^3 + 4s = 0 \implies s^2 + 4 = 0 \]",
    r"\[ \mu^4 - 1 = 0 \Rightarrow \mu^2 = -1 \]",
])
def test_correct_arrows_are_not_refuted(body: str) -> None:
    steps, findings = _check(body)
    assert all(s.verdict.status.value != "refuted" for s in steps), \
        [(s.step.lhs.text, s.step.rhs.text, s.verdict.reason) for s in steps]
    assert findings == ()


@pytest.mark.parametrize("body", [
    r"\[ s^3 + 4s = 0 \implies s^2 + 9 = 0 \]",  # the non-real roots of another equation
    r"\[ w^2 - 5w + 6 = 0 \Rightarrow (w - 1)(w - 6) = 0 \]",  # real roots, none of them kept
    r"\[ \mu^4 - 1 = 0 \Rightarrow \mu^2 = -4 \]",  # not among the solutions of the first
    r"\[ s^3 - s = 0 \Rightarrow s^2 + 1 = 0 \]",  # the roots of the second are not the first's
])
def test_slips_beside_them_are_still_caught(body: str) -> None:
    steps, findings = _check(body)
    assert any(s.verdict.status.value == "refuted" for s in steps if s.step.relation in ("=>", "<=>"))
    assert findings


@pytest.mark.parametrize("prose", [r"Working modulo $7$:", r"In $\mathbb{Z}_7$,", r"In $\mathbb{Z}/7\mathbb{Z}$ we get",
                                   r"Now mod 7,"])
def test_an_equation_solved_modulo_a_number_the_prose_gives_is_not_refuted(prose: str) -> None:
    steps, findings = _check(prose + "\n\\[ 3y = 5 \\Rightarrow y = 4 \\]\n" + r"\[ y = 3 \cdot 6 = 18 = 4 \]")
    assert all(s.verdict.status.value != "refuted" for s in steps), \
        [(s.step.lhs.text, s.step.rhs.text, s.verdict.reason) for s in steps]
    assert findings == ()


def test_without_a_modulus_in_the_prose_the_same_steps_are_refuted() -> None:
    steps, findings = _check("The modulus of $z$ is $|z|$.\n\\[ 3y = 5 \\Rightarrow y = 4 \\]")
    assert [s.verdict.status.value for s in steps if s.step.relation == "=>"] == ["refuted"]
    assert findings


def test_a_modulus_far_above_the_step_does_not_reach_it() -> None:
    steps, _ = _check("Working modulo $7$." + "\n" * 20 + "\\[ 3y = 5 \\Rightarrow y = 4 \\]")
    assert [s.verdict.status.value for s in steps if s.step.relation == "=>"] == ["refuted"]
