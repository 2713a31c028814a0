"""A row refuted only because the row before it has the slip is a knock-on, not a second error: the
author fixes one line, and the correct line after it is not blamed (nor "fixed" to match the slip)."""
from __future__ import annotations

from lintmath.config import Config
from lintmath.pipeline import check_text


def _check(rows: str):
    text = "\\documentclass{article}\n\\begin{document}\n" + rows + "\n\\end{document}\n"
    result = check_text(text, "notes.tex", Config(jobs=0))
    return [s.verdict for s in result.steps], result.findings


def test_the_row_after_a_slip_that_follows_from_the_row_before_it_is_a_knock_on() -> None:
    verdicts, findings = _check("\\begin{align*}\n(p+q)^2 &= p^2 + q^2 \\\\\n&= p^2 + 2pq + q^2 \\\\\n"
                                "&= q^2 + 2pq + p^2\n\\end{align*}")
    assert [v.status.value for v in verdicts] == ["refuted", "skipped", "verified"]
    assert "knock-on" in verdicts[1].reason and "(p+q)^2" in verdicts[1].reason
    assert [(f.line, f.rule) for f in findings] == [(4, "LM102")]  # one finding, on the slip


def test_a_knock_on_two_rows_on_from_a_definition() -> None:
    verdicts, findings = _check("\\begin{align*}\nf(u) &= \\sin(u)\\cos(u) \\\\\n&= -\\tfrac12 \\sin(2u) \\\\\n"
                                "&= \\tfrac12 \\sin(2u)\n\\end{align*}")
    assert [v.status.value for v in verdicts][1:] == ["refuted", "skipped"]
    assert [f.line for f in findings] == [5]


def test_two_slips_in_a_row_are_two_findings() -> None:
    # the third row follows neither from the second nor from the first: both steps stay errors
    verdicts, findings = _check("\\begin{align*}\n(p+q)^2 &= p^2 + 3pq + q^2 \\\\\n&= p^2 + 2pq + q^3\n\\end{align*}")
    assert [v.status.value for v in verdicts] == ["refuted", "refuted"]
    assert len(findings) == 2


def test_a_refuted_row_after_a_correct_one_is_not_bridged() -> None:
    verdicts, findings = _check("\\begin{align*}\n(p+q)^2 &= p^2 + 2pq + q^2 \\\\\n&= p^2 + q^2\n\\end{align*}")
    assert [v.status.value for v in verdicts] == ["verified", "refuted"]
    assert len(findings) == 1


def test_separate_derivations_are_not_bridged() -> None:
    verdicts, findings = _check("\\begin{align*}\n(p+q)^2 &= p^2 + q^2\n\\end{align*}\nThen\n"
                                "\\begin{align*}\np^2 + q^2 &= p^2 + 2pq + q^2\n\\end{align*}")
    assert [v.status.value for v in verdicts] == ["refuted", "refuted"]
    assert len(findings) == 2


def test_an_inequality_before_the_slip_is_not_bridged() -> None:
    # after a <= the row's value is not fixed by the row before it: no bridge through it
    verdicts, _ = _check("\\begin{align*}\np^2 + q^2 &\\le p^2 + q^2 + 1 \\\\\n&= p^2 + q^2 + 2\n\\end{align*}")
    assert verdicts[-1].status.value == "refuted"
