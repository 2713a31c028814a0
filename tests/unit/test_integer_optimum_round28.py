"""A worked optimisation over an interval with numbers for ends (``\\max_{q \\in [0, 10]}``): the interval is
written of the reals, but the variable may count whole units (the prose says so, or not), and over the
integers the optimum is another. A value that holds in that reading only is left to the prose; a value
that fails in both is still a slip."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _outcome(step: str, prose: str = "") -> tuple[str, str]:
    lhs, rhs = step.split(" = ")
    body = prose + "\n\n\\begin{align*}\n" + lhs + " &= " + rhs + "\n\\end{align*}\n"
    (checked,) = checked_steps(body)
    return checked.verdict.status.value, checked.verdict.reason


@pytest.mark.parametrize("step", [
    "\\max_{q \\in [0, 10]} (5q - q^2) = 6",          # q = 2 or 3 whole units; 6.25 at q = 2.5
    "\\max_{p \\in [0, 4]} (3p - p^2) = 2",
    "\\min_{x \\in [0, 3]} (x - 1.5)^2 + 1 = \\frac{5}{4}",
])
def test_a_value_that_holds_over_the_integers_only_is_left_to_the_prose(step: str) -> None:
    status, reason = _outcome(step, "The firm produces $q$ whole units a day.")
    assert status == "unverified"
    assert "integers" in reason


@pytest.mark.parametrize("step", [
    "\\max_{q \\in [0, 10]} (5q - q^2) = \\frac{25}{4}",
    "\\max_{x \\in [0, 1]} x(1 - x) = \\frac{1}{4}",
    "\\min_{x \\in [0, 2]} (x - 1)^2 = 0",             # the integers reach the real optimum
    "\\max_{x \\in [0, 2]} (4x - x^2) = 4",
])
def test_the_real_optimum_still_verifies(step: str) -> None:
    assert _outcome(step)[0] == "verified"


@pytest.mark.parametrize("step", [
    "\\max_{q \\in [0, 10]} (5q - q^2) = 7",           # neither 6.25 nor 6
    "\\min_{x \\in [0, 2]} (x - 1)^2 = 1",             # 0 in both readings
    "\\max_{x \\in [0, 2]} (4x - x^2) = 3",
])
def test_a_value_wrong_in_both_readings_is_still_refuted(step: str) -> None:
    assert _outcome(step)[0] == "refuted"
