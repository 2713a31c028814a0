"""Review of this round's second wave of readings. A sum of products over an index dropped from an
expanded square, and a leg of a right angle moved across (\\|u - v\\|^2 = \\|u\\|^2 - \\|v\\|^2), are read as
orthogonality only where the prose states one: without it they are the commonest slips of their notation
and stay refuted. Neighbours of the other new readings (functions combined and applied, compound units,
decay rates of improper integrals, chopped decimals, inner products of a named space) keep their verdicts."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step

ORTHOGONAL = "The residuals $e_i = y_i - \\hat y_i$ are orthogonal to the fitted values."
DATA = "Let $a_i$ and $b_i$ be the measurements of the two instruments."


def _verdict(lhs: str, rhs: str, prose: str) -> tuple[str, str]:
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    (step,) = checked_steps(body)
    return step.verdict.status.value, step.verdict.reason


EXPANDED = "\\sum_{i=1}^n a_i^2 + 2\\sum_{i=1}^n a_i b_i + \\sum_{i=1}^n b_i^2"
SQUARES = "\\sum_{i=1}^n a_i^2 + \\sum_{i=1}^n b_i^2"


@pytest.mark.parametrize("prose", ["", DATA])
def test_a_cross_term_summed_entry_by_entry_is_no_orthogonality_the_prose_never_states(prose: str) -> None:
    status, _ = _verdict(EXPANDED, SQUARES, prose) if prose else (check_step(EXPANDED, SQUARES, "=").status.value, "")
    assert status == "refuted"


@pytest.mark.parametrize("prose", [
    ORTHOGONAL,
    "Since $a \\perp b$, the middle term drops.",
    "By the normal equations the middle sum is zero.",
])
def test_a_cross_term_summed_entry_by_entry_is_left_to_prose_that_states_orthogonality(prose: str) -> None:
    status, reason = _verdict(EXPANDED, SQUARES, prose)
    assert status == "unverified"
    assert "orthogonal" in reason


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|a - b\\|^2", "\\|a\\|^2 - \\|b\\|^2"),
    ("\\|y - \\hat y\\|^2", "\\|y\\|^2 - \\|\\hat y\\|^2"),
])
def test_a_leg_moved_across_without_an_orthogonality_in_the_prose_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
    assert _verdict(lhs, rhs, DATA)[0] == "refuted"
    status, reason = _verdict(lhs, rhs, "Here $b$ and $\\hat y$ are orthogonal to the residual.")
    assert status == "unverified" and "orthogonal" in reason


def test_a_dropped_sum_the_prose_zeroes_by_a_definition_is_not_explained_by_orthogonality() -> None:
    # a Legendre-transform-like sum whose factor the prose defines to vanish: another reading decides it
    status, reason = _verdict("\\sum_k \\left(p_k - \\frac{\\partial L}{\\partial v_k}\\right) w_k + \\sum_k v_k w_k",
                              "\\sum_k v_k w_k", "Define the momenta $p_k = \\frac{\\partial L}{\\partial v_k}$.")
    assert status != "refuted"
    assert "orthogonal" not in reason


@pytest.mark.parametrize("lhs, rhs, expected", [
    # letters other than f, g, h before a bracket stay coefficients
    ("(a + b)(x)", "ax + bx", "verified"),
    ("(g + a)(t)", "gt - at", "refuted"),
    ("m(g + a)(t)", "mgt - mat", "refuted"),
    ("(f + g)(x)", "f(x) + g(x)", "verified"),
    ("(fg)(x)", "f(x) + g(x)", "refuted"),
    ("(f - g)(x)", "f(x) + g(x)", "refuted"),
    # compound units: a right conversion verifies, a wrong one never does
    ("1\\,\\text{kW h}", "3.6\\times 10^6\\,\\text{J}", "verified"),
    # an improper integral's decay: a term cut off at a finite time is a slip
    ("\\int_0^\\infty t e^{-at}\\,dt", "\\frac{1}{a}", "refuted"),
])
def test_neighbours_of_the_new_readings_keep_their_verdicts(lhs: str, rhs: str, expected: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs", [
    ("1\\,\\text{kWh}", "3.6\\times 10^5\\,\\text{J}"),
    ("1\\,\\text{kW h}", "3.6\\times 10^5\\,\\text{J}"),
    ("1\\,\\text{fm}", "10^{-12}\\,\\text{m}"),
    ("1\\,\\text{g cm}^{-3}", "1\\,\\text{kg m}^{-3}"),
])
def test_wrong_unit_conversions_are_never_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


@pytest.mark.parametrize("lhs, rhs, prose", [
    ("\\int_0^\\infty e^{-at}\\,dt", "\\frac{1 - e^{-30a}}{a}", "Let $a > 0$."),
    ("\\int_0^\\infty \\lambda e^{-\\lambda x}\\,dx", "1 - e^{-10\\lambda}", "Let $\\lambda > 0$."),
    ("\\frac{2}{3}", "0.65", "All values are truncated to two decimal places."),
    ("\\langle f, 2g\\rangle_{\\mathcal H}", "\\langle f, g\\rangle_{\\mathcal H}",
     "Let $\\mathcal H$ be a reproducing kernel Hilbert space with kernel $k$."),
])
def test_slips_beside_the_new_readings_are_never_verified(lhs: str, rhs: str, prose: str) -> None:
    assert _verdict(lhs, rhs, prose)[0] != "verified"
