"""A letter e or \\pi that the prose gives a value rescues a refuted step only where the step may hold
with that value: a slip that fails with the constant and with the value is still an error."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.pipeline import check_text

FISHER = ("With nominal rate $i$ and inflation $\\pi$, the real rate is\n\\begin{align*}\n"
          "r &= \\frac{1+i}{1+\\pi} - 1 \\\\\n  &= \\frac{1 + i - 1 - \\pi}{1+\\pi} \\\\\n  &= {last}\n"
          "\\end{align*}\nWith $i = 0.06$ and $\\pi = 0.02$ this is about 3.9\\%.")


def _statuses(body: str) -> list[str]:
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    return [s.verdict.status.value for s in result.steps]


def test_the_correct_chain_is_not_refuted() -> None:
    assert "refuted" not in _statuses(FISHER.replace("{last}", "\\frac{i - \\pi}{1+\\pi}"))


@pytest.mark.parametrize("slip", ["\\frac{i - \\pi}{1+i}", "\\frac{i + \\pi}{1+\\pi}"])
def test_a_slip_beside_the_letter_is_refuted(slip: str) -> None:
    assert _statuses(FISHER.replace("{last}", slip))[-1] == "refuted"


@pytest.mark.parametrize("body", [
    # the step uses the value: still rescued
    "For $\\pi = 0.2$ we get\n\\begin{align*}\n1 - \\pi &= 0.8\n\\end{align*}",
    "The error is $e = 0.5$, so\n\\begin{align*}\ne^2 &= 0.25\n\\end{align*}",
])
def test_a_step_that_uses_the_value_is_still_rescued(body: str) -> None:
    assert _statuses(body) == ["unverified"]
