"""Lone displays in worked solutions that are equations to solve, not identity claims: where two lines
meet, what the roots or a fixed point satisfy, where a market or a body is in equilibrium, a characteristic
equation, the equation of a line or circle, and the two rows of a case split of |u| = v. Identity slips
after "expanding gives", "simplifying", "hence" stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _lone(prose: str, lhs: str, rhs: str) -> str:
    return f"{prose}\n\\[ {lhs} = {rhs} \\]\n"


@pytest.mark.parametrize("prose,lhs,rhs", [
    ("The second line meets the first where", "4x + 1", "6x - 5"),
    ("The curves intersect where", "x^2", "3x + 4"),
    ("The point of intersection satisfies", "7 - x", "2x + 1"),
    ("The roots of the quadratic satisfy", "t^2 + 2t", "8"),
    ("The market equilibrium is where", "90 - 3p", "10 + 2p"),
    ("The equilibrium price satisfies", "40 - q", "3q + 4"),
    ("The fixed point of the iteration obeys", "x", "\\frac{x}{3} + 4"),
    ("Demand equals supply where", "60 - 2q", "q + 15"),
    ("The equation of the tangent line is", "5x - 2", "3x + 6"),
    ("The characteristic equation is", "m^2 + 7m + 12", "0"),
    ("At equilibrium,", "70 - 5p", "3p + 6"),
    ("The break-even point is where", "12q", "5q + 280"),
    ("The stationary points satisfy", "3t^2", "12"),
    ("Setting $g'(s) = 0$ gives", "4s - 7", "0"),
    ("Resolving vertically,", "3T", "T + 18"),
    ("For a steady state we need", "c", "0.4c + 9"),
])
def test_an_equation_the_prose_names_is_not_refuted(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(_lone(prose, lhs, rhs))[f"{lhs} = {rhs}"] == "unverified"


def test_the_rows_of_a_case_split_of_an_absolute_value_are_equations() -> None:
    body = ("We split into the two signs of the modulus:\n\\begin{align*}\n3x - 2 &= x + 6 \\\\\n"
            "-(3x - 2) &= x + 6\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["3x - 2 = x + 6"] == "unverified"
    assert statuses["-(3x - 2) = x + 6"] == "unverified"


def test_a_case_split_negating_the_right_side_is_also_read() -> None:
    body = "Either\n\\begin{align*}\n5x + 1 &= 2x + 10 \\\\\n5x + 1 &= -(2x + 10)\n\\end{align*}\n"
    assert set(_statuses(body).values()) == {"unverified"}


def test_two_rows_that_differ_otherwise_are_still_claims() -> None:
    # (rows that are not one another negated: the second a wrong expansion, as an identity)
    body = "Expanding gives\n\\begin{align*}\n(y + 2)^2 &= y^2 + 4y + 4 \\\\\n(y - 3)^2 &= y^2 - 6y + 6\n\\end{align*}\n"
    statuses = _statuses(body)
    assert statuses["(y + 2)^2 = y^2 + 4y + 4"] == "verified"
    assert statuses["(y - 3)^2 = y^2 - 6y + 6"] == "refuted"


@pytest.mark.parametrize("prose,lhs,rhs", [
    ("Expanding gives", "(y + 4)^2", "y^2 + 8y + 4"),
    ("Simplifying,", "5(t - 2)", "5t - 2"),
    ("Hence", "(a + b)^2", "a^2 + b^2"),
    ("Expanding the roots' product gives", "(x + 1)(x + 5)", "x^2 + 6x + 6"),
    ("At equilibrium the market clears, and simplifying gives", "4(p + 2)", "4p + 2"),
    ("The lines meet at $(1, 2)$. Multiplying out,", "(u - 3)(u + 3)", "u^2 - 6"),
])
def test_an_identity_slip_stays_refuted(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(_lone(prose, lhs, rhs))[f"{lhs} = {rhs}"] == "refuted"


def test_a_chain_after_the_words_is_still_a_claim() -> None:
    body = ("The roots satisfy\n\\begin{align*}\n(r - 1)(r + 4) &= r^2 + 3r - 4 \\\\\n&= r^2 + 3r + 4\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["r^2 + 3r - 4 = r^2 + 3r + 4"] == "refuted"
