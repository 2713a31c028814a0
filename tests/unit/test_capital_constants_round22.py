"""A capital inside an expectation is a random variable; one written outside every expectation too
may be a constant (E[aX + B] = aE[X] + B), but a step that holds only so (E[UV] = E[U]V) is not
verified: only the prose can say which."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs, name", [
    (r"\mathbb{E}[UV]", r"\mathbb{E}[U]V", "V"),
    (r"\mathbb{E}[U + W]", r"\mathbb{E}[U] + W", "W"),
    (r"\mathbb{E}[3U - C]", r"3\mathbb{E}[U] - C", "C"),
])
def test_a_step_that_holds_only_with_a_capital_constant_is_unverified(lhs: str, rhs: str, name: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert f"holds if {name} is a constant" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}[aU + c]", r"a\mathbb{E}[U] + c"),  # lowercase: constants as usual
    (r"\mathbb{E}[U + W]", r"\mathbb{E}[U] + \mathbb{E}[W]"),
    (r"\mathbb{E}[UV \mid V]", r"V\,\mathbb{E}[U \mid V]"),  # conditioning makes V known
    (r"\mathbb{E}[(U - \mathbb{E}[U])^2]", r"\mathbb{E}[U^2] - \mathbb{E}[U]^2"),
])
def test_steps_that_hold_with_every_capital_random_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_wrong_expectation_step_is_still_refuted() -> None:
    assert check_step(r"\mathbb{E}[U + W]", r"\mathbb{E}[U] - \mathbb{E}[W]", "=").status.value == "refuted"


def test_a_first_line_about_a_known_operator_is_checked_not_taken_as_its_definition() -> None:
    from lintmath.config import Config
    from lintmath.pipeline import check_text
    text = ("\\documentclass{article}\n\\begin{document}\n\\begin{align*}\n"
            "\\operatorname{Var}(U) &= \\mathbb{E}[U^2] + \\mathbb{E}[U]^2\n\\end{align*}\n\\end{document}\n")
    result = check_text(text, "notes.tex", Config(jobs=0))
    assert [s.verdict.status.value for s in result.steps] == ["refuted"]
    assert [f.rule for f in result.findings] == ["LM101"]
