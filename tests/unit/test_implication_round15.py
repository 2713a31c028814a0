"""Equations joined by \\Rightarrow or \\iff are conditions on their letters, not identities: the first
of ``5y - 2 = 3y + 6 \\Rightarrow 2y = 8`` "differs" as an identity while being correct. Such an
equation is never refuted; one of numbers alone still is."""
from __future__ import annotations

from lintmath.config import Config
from lintmath.pipeline import check_text


def _statuses(body: str) -> list[tuple[str, str, str]]:
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    return [(s.step.lhs.text, s.step.relation, s.verdict.status.value) for s in result.steps]


def test_equations_of_an_implication_chain_are_not_refuted() -> None:
    steps = _statuses(r"\[ 7q + 1 = 2q + 11 \quad\Rightarrow\quad 5q = 10 \quad\Rightarrow\quad q = 2 \]")
    assert all(status != "refuted" for _, _, status in steps)
    assert ("7q + 1", "=", "unverified") in steps


def test_an_equivalence_chain_too() -> None:
    steps = _statuses(r"\[ t^2 = 4t \iff t(t - 4) = 0 \]")
    assert all(status != "refuted" for _, _, status in steps)


def test_an_equation_of_numbers_in_such_a_chain_is_still_refuted() -> None:
    steps = _statuses(r"\[ 3 \cdot 4 = 13 \quad\Rightarrow\quad x = 1 \]")
    assert ("3 \\cdot 4", "=", "refuted") in steps
