"""Wrong steps that verified in this round's readings, round 30 (second wave).

An optimisation whose domain a condition beside the row gives (``\\qquad t \\in [2, 3]``, ``&& (t \\ge 2)``,
``\\quad \\text{on } [2, 3]``) was optimised over the real line, where the slip's value is the optimum;
a term marked with a value it does not have (``\\cancelto{0}{..}`` of a number that is not 0) made the
step hold in the reading that takes the author's value; and a script typed without braces that holds
only as TeX reads it (``\\frac{d}{dx} e^-2x = e^{-2}``, TeX's e^{-2} x) was verified though the
e^{-2x} typed as often refutes it."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def _statuses(body: str) -> list[str]:
    doc = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    steps = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0].steps
    return [s.verdict.status.value for s in steps]


@pytest.mark.parametrize("lhs, rhs", [
    # over the line the minimum is -1; over the set beside the row it is 0 (or 0 at t = 2)
    (r"\min_s \left( s^2 - 2s \right)", r"-1 \qquad s \in [2, 3]"),
    (r"\min_s \left( s^2 - 2s \right)", r"-1, \quad s \ge 2"),
    (r"\min_s \left( s^2 - 2s \right)", r"-1 \quad \text{for } s \ge 2"),
    (r"\min_s \left( s^2 - 2s \right)", r"-1 \quad \text{for $s \ge 2$}"),
    (r"\max_u \left( 6u - u^2 \right)", r"9 \quad \text{on } [4, 5]"),
    (r"\inf_w \left( w^2 + \beta w \right)", r"-\frac{\beta^2}{4} \qquad w \ge 0"),
])
def test_an_optimum_beside_a_condition_on_its_variable_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a condition on a parameter leaves the variable on the line
    (r"\inf_w \left( w^2 + \beta w \right)", r"-\frac{\beta^2}{4} \qquad (\beta = 2)", V),
    (r"\sup_w \left( cw - \frac{1}{2} w^2 \right)", r"\frac{c^2}{2} \qquad (c > 0)", V),
    (r"\min_s \left( s^2 - 2s + 4 \right)", "3", V),
    (r"\min_{s \in \mathbb{R}} \left( s^2 - 2s + 4 \right)", "4", R),
])
def test_optima_with_no_condition_on_their_variable_still_read(lhs: str, rhs: str, expected: Status) -> None:
    assert check_step(lhs, rhs, "=").status is expected


def test_a_condition_in_the_annotation_column_restricts_the_optimum_too() -> None:
    body = ("\\begin{align*}\n\\min_s \\left( s^2 - 2s \\right) &= -1 && (s \\ge 2)\n\\end{align*}\n"
            "\\begin{align*}\n\\min_s \\left( s^2 - 2s \\right) &= -1 && \\text{over } [2, 3]\n\\end{align*}\n"
            "\\begin{align*}\n\\min_s \\left( s^2 - 2s \\right) &= -1 && (\\text{completing the square})\n\\end{align*}\n")
    assert _statuses(body) == ["unverified", "unverified", "verified"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"y^3 + \cancelto{0}{y - y + 1}", r"y^3"),
    (r"\int_0^2 s\,ds + \cancelto{0}{\int_0^2 1\,ds}", "2"),
    (r"\underbrace{3 - 1}_{=0} + w", "w"),
    (r"\overbrace{2 + 2}^{=5} + w", "5 + w"),
    (r"w + \cancelto{3}{\sqrt{10}}", "w + 3"),
])
def test_a_term_marked_with_a_value_it_does_not_have_verifies_nothing(lhs: str, rhs: str) -> None:
    # (a mark of numbers alone that is false is dropped, so the step is read as written, where it fails)
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"y^3 + \cancelto{0}{y - y}", r"y^3"),
    (r"\underbrace{\int_0^1 2s\,ds}_{=1} \cdot w", "w"),
    (r"w + \cancelto{3}{\sqrt{9}}", "w + 3"),
    # a mark wrong on its own in a step that holds as written: d/ds of a constant is 0 all the same
    (r"\frac{d}{ds}\left(s^2 + \cancelto{0}{7}\right)", "2s"),
    # a mark with letters may hold where the text works (at a point, under an assumption)
    (r"w + \cancelto{0}{\cos^2 s}", "w"),
])
def test_marks_that_hold_or_are_not_needed_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{ds} e^-3s", r"e^{-3}"),
    (r"\int_0^1 e^-2s\,ds", r"\frac{1}{2}e^{-2}"),
    (r"e^-3s \cdot e^{3}", "s"),
    (r"e^-2s \cdot e^-2s", r"e^{-4}s^2"),
])
def test_a_typed_script_that_holds_only_as_tex_reads_it_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{d}{ds} e^-3s", r"-3e^-3s", V),
    (r"w^-1 \cdot w^-2", r"w^-3", V),
    (r"2^10 - 2^9", r"2^9", V),
    (r"e^-3s \cdot e^-3s", r"e^-9s", R),
])
def test_typed_scripts_read_alike_in_both_readings_are_decided(lhs: str, rhs: str, expected: Status) -> None:
    assert check_step(lhs, rhs, "=").status is expected
