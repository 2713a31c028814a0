"""An arrow between two equations (``\\Rightarrow``, ``\\iff``, ``\\Leftarrow``) claims that the solutions
of the first solve the second: it is checked by comparing solutions, refuted only when none of them
does (see lintmath/implication.py)."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.pipeline import check_text


def _arrows(body: str):
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    arrows = [s for s in result.steps if s.step.relation in ("=>", "<==", "<=>")]
    return arrows, result.findings


@pytest.mark.parametrize("body", [
    r"\[ 7q + 1 = 2q + 11 \quad\Rightarrow\quad 5q = 10 \quad\Rightarrow\quad q = 2 \]",
    r"\[ t^2 - 7t + 12 = 0 \iff (t - 3)(t - 4) = 0 \]",
    r"\[ u^2 = 16 \implies u = \pm 4 \]",
    r"\[ \frac{5}{s} = 2 \Longrightarrow s = \frac{5}{2} \]",
    r"\[ r = 3 \Rightarrow r^2 = 9 \]",  # a root gained is no error of an implication
    r"\[ m = -4 \Leftarrow 3m = -12 \]",
    r"\[ \frac{a}{p} - \frac{b}{1 - p} = 0 \iff p = \frac{a}{a + b} \]",  # solved for one letter
    r"\[ 6\mathbf{M}^\top\mathbf{M}\mathbf{c} - 6\mathbf{M}^\top\mathbf{d} = \mathbf{0} \iff \mathbf{M}^\top\mathbf{M}\mathbf{c} = \mathbf{M}^\top\mathbf{d} \]",
    r"\[ 3k + 2j = 8 \Rightarrow 6k + 4j = 16 \]",
])
def test_arrows_that_keep_the_solutions_are_verified(body: str) -> None:
    arrows, findings = _arrows(body)
    assert arrows and all(a.verdict.status.value == "verified" for a in arrows), \
        [(a.step.lhs.text, a.verdict.reason) for a in arrows]
    assert findings == ()


def test_a_number_miscomputed_while_solving_is_an_arithmetic_slip_with_the_right_number() -> None:
    arrows, findings = _arrows(r"\[ 6w - 5 = 13 \Rightarrow 6w = 8 \Rightarrow w = 3 \]")
    assert [a.verdict.status.value for a in arrows] == ["refuted", "refuted"]
    first = findings[0]
    assert first.rule == "LM108" and first.suggestion == "6w = 18"
    # the second arrow follows the wrong line: w = 3 is no solution of 6w = 8 either
    assert findings[1].suggestion == "w = \\frac{4}{3}"


def test_a_decimal_result_is_suggested_as_a_decimal() -> None:
    _, findings = _arrows(r"\[ 2h = 7 \Rightarrow h = 3.4 \]")
    assert [(f.rule, f.suggestion) for f in findings] == [("LM108", "h = 3.5")]


def test_wrong_factors_are_named_with_a_solution_they_miss() -> None:
    _, findings = _arrows(r"\[ y^2 + y - 6 = 0 \iff (y + 2)(y - 3) = 0 \]")
    assert [f.rule for f in findings] == ["LM109"]
    assert "solves the first equation and not the second" in findings[0].message
    assert findings[0].counterexample in ((("y", "-3"),), (("y", "2"),))


def test_parallel_linear_equations_are_refuted() -> None:
    _, findings = _arrows(r"\[ 3a + 6b = 9 \Rightarrow a + 2b = 4 \]")
    assert [f.rule for f in findings] == ["LM109"]


@pytest.mark.parametrize("body", [
    r"\[ z^2 = 5z \Rightarrow z = 5 \]",  # z = 0 lost by dividing: the prose may exclude it
    r"\[ v^2 = 3 \Rightarrow v = 1.73 \]",  # a rounded root
    r"\[ v^2 = 3 \Rightarrow v = 1.7 \]",
    r"\[ e^{k} = 5 \Rightarrow k = \ln 5 \]",  # not a rational equation: not decided
    r"\[ x + y = 4,\ x - y = 2 \Rightarrow x = 3 \]",  # a system: the arrow rests on both
    r"\[ n = 2 \text{ or } n = 5 \Rightarrow n^2 - 7n + 10 = 0 \]",
    r"\[ g = 9.8 \Rightarrow h = \frac{1}{2} g t^2 \]",  # other letters: nothing to compare
    r"\[ x^2 = -1 \Rightarrow x = 2 \]",  # no real solution: a vacuous arrow
    r"\[ \mathbf{A}\mathbf{x} = \mathbf{b} \Rightarrow \mathbf{x} = \mathbf{A}^{-1}\mathbf{b} \]",
])
def test_arrows_not_decided_are_never_errors(body: str) -> None:
    arrows, findings = _arrows(body)
    assert all(a.verdict.status.value != "refuted" for a in arrows)
    assert findings == ()


def test_an_implied_equation_on_the_left_gets_no_suggestion_into_the_right_side() -> None:
    arrows, findings = _arrows(r"\[ c = 4 \Leftarrow 5c = 30 \]")
    assert arrows[0].verdict.status.value == "refuted"
    assert [f.rule for f in findings] == ["LM109"] and findings[0].suggestion is None
