"""Names set as operators: a style's own font switch inside \\mathop (\\mathop{\\opfont adj}) names the
operator, and an operator name applied to a bracket is applied, never multiplied."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro

MACROS = {
    "\\adj": Macro("\\adj", 0, "\\mathop{\\opfont adj}\\nolimits"),
    "\\trace": Macro("\\trace", 0, "\\mathop{\\opfont tr}\\nolimits"),
}


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\trace(P + Q)", r"\trace(P) + \trace(Q)", "verified"),
    (r"\trace(P Q)", r"\trace(Q P)", "verified"),
    (r"\trace(P Q)", r"\trace(P)\trace(Q)", "refuted"),
])
def test_an_operator_named_through_a_font_switch_in_mathop_is_read(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=", macros=MACROS).status.value == status


@pytest.mark.parametrize("lhs, rhs", [
    # (proj onto a vector is written out, and linear: see test_graphics_robotics_round28)
    (r"\operatorname{clip}_{\mathbf{a}}(\mathbf{b}) + \operatorname{clip}_{\mathbf{a}}(\mathbf{c})",
     r"\operatorname{clip}_{\mathbf{a}}(\mathbf{b} + \mathbf{c})"),
    (r"\operatorname{warp}(s) + \operatorname{warp}(t)", r"\operatorname{warp}(s + t)"),
    (r"\operatorname{warp}(s)^2", r"\operatorname{warp}(s^2)"),
    (r"3\operatorname{warp}(s)", r"\operatorname{warp}(3s)"),
])
def test_an_unknown_operator_is_not_read_as_a_factor(lhs: str, rhs: str) -> None:
    # read as a factor, any operator would be linear (and square its argument with itself)
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "warp" in verdict.reason or "clip" in verdict.reason or "matrix" in verdict.reason


def test_an_undefined_operator_is_named_as_written() -> None:
    verdict = check_step(r"\operatorname{warp}(0)", "1", "=", first=True)
    assert verdict.status.value == "unverified"
    assert verdict.reason == "needs the definition of warp"


def test_an_unknown_operator_applied_the_same_way_on_both_sides_still_verifies() -> None:
    assert check_step(r"\operatorname{warp}(s) + \operatorname{warp}(t)",
                      r"\operatorname{warp}(t) + \operatorname{warp}(s)", "=").status.value == "verified"
