"""Definitions a step rests on from elsewhere in its document: a function on both sides of a step
(its derivative beside it, or applied at another point), a name the prose gives with \\equiv, a name whose
definition introduces the letters the step writes, and a chain that opens with a function at an
expression (f(x + tv) = (x + tv)^T A (x + tv)) and later writes f(x)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.context import ContextItem, definition_of
from lintmath.model import MathText, Step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _rows(first: str, *rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join([first, *(f"&= {r}" for r in rows)]) + "\n\\end{align*}\n"


def _one(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("Define $u(t) := e^{5t}$.", "u'(t)", "5u(t)"),
    ("Define $u(t) := e^{5t}$.", "u''(t)", "25u(t)"),
    ("Let $\\psi(x) = \\frac{1}{1+e^{-x}}$.", "1 - \\psi(x)", "\\psi(-x)"),
    ("Let $\\psi(x) = \\frac{1}{1+e^{-x}}$.", "\\psi'(x)", "\\psi(x)(1 - \\psi(x))"),
    ("Let $T(n) = 5n - 1$.", "T(2n)", "2T(n) + 1"),
    ("Define $K(a, b) := a^3 - b^3$.", "K(b, a)", "-K(a, b)"),
    ("Let $y(t) = B\\sin(k t)$ for the displacement.", "y''(t)", "-k^2 y(t)"),
])
def test_a_function_on_both_sides_is_decided_by_its_value_in_the_prose(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(f"{prose}\n\n{_one(lhs, rhs)}")[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("Define $u(t) := e^{5t}$.", "u'(t)", "4u(t)"),
    ("Let $\\psi(x) = \\frac{1}{1+e^{-x}}$.", "\\psi'(x)", "\\psi(x)(1 + \\psi(x))"),
    ("Let $T(n) = 5n - 1$.", "T(2n)", "2T(n)"),
    ("Define $K(a, b) := a^3 - b^3$.", "K(b, a)", "K(a, b)"),
])
def test_a_slip_with_a_function_on_both_sides_is_not_verified(prose: str, lhs: str, rhs: str) -> None:
    # (a value of the prose only rescues: the slip stays unverified, never verified)
    assert _statuses(f"{prose}\n\n{_one(lhs, rhs)}")[f"{lhs} = {rhs}"] != "verified"


@pytest.mark.parametrize("definition, lhs, rhs, status", [
    ("\\begin{equation}\nz(t) = e^{-4t}\n\\end{equation}", "z'(t)", "-4z(t)", "verified"),
    ("\\begin{equation}\nz(t) = e^{-4t}\n\\end{equation}", "z'(t)", "4z(t)", "refuted"),
    ("\\begin{equation}\nz(t) = e^{-4t}\n\\end{equation}", "z(t)^3", "z(3t)", "verified"),
    ("\\begin{equation}\nz(t) = e^{-4t}\n\\end{equation}", "z(t)^2", "z(t^2)", "refuted"),
    ("\\begin{equation}\nw(x) := \\frac{1}{1+e^{-x}}\n\\end{equation}", "1 - w(x)", "w(-x)", "verified"),
    ("\\begin{equation}\nw(x) := \\frac{1}{1+e^{-x}}\n\\end{equation}", "1 + w(x)", "w(-x)", "refuted"),
])
def test_a_displayed_definition_decides_a_function_on_both_sides(definition: str, lhs: str, rhs: str,
                                                                  status: str) -> None:
    assert _statuses(f"{definition}\n\n{_one(lhs, rhs)}")[f"{lhs} = {rhs}"] == status


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("We write $s \\equiv p + q$ from here on.", "s^2", "p^2 + 2pq + q^2"),
    ("We write $s \\equiv p + q$ from here on.", "s - q", "p"),
    ("Here $\\eta \\equiv \\kappa/\\nu$ is the ratio.", "\\eta\\nu", "\\kappa"),
])
def test_equiv_in_the_prose_gives_a_value(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(f"{prose}\n\n{_one(lhs, rhs)}")[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("sentence", [
    "Suppose $s \\equiv 3$ modulo $7$.",
    "Suppose $s \\equiv 3 \\pmod 7$.",
    "In $\\mathbb{Z}_7$ take $s \\equiv 3$.",
])
def test_equiv_of_a_congruence_gives_no_value(sentence: str) -> None:
    # a residue, not s's value: s^2 - 9 = 0 is no identity that s = 3 should verify
    assert _statuses(f"{sentence}\n\n" + _one("s^2 - 9", "0"))["s^2 - 9 = 0"] != "verified"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("s^2", "p^2 - 2pq + q^2", "verified"),
    ("s^2", "p^2 + q^2", "refuted"),
    ("s + q", "p", "verified"),
    ("s + q", "q", "refuted"),
])
def test_a_displayed_name_whose_definition_introduces_the_letters(lhs: str, rhs: str, status: str) -> None:
    body = "\\begin{equation}\ns \\equiv p - q\n\\end{equation}\n\n" + _one(lhs, rhs)
    assert _statuses(body)[f"{lhs} = {rhs}"] == status


@pytest.mark.parametrize("head, middle, last, status", [
    ("F(y + sd) &= (y + sd)^2 + 1", "y^2 + 1 + 2syd + s^2d^2", "F(y) + 2syd + s^2d^2", "verified"),
    ("F(y + sd) &= (y + sd)^2 + 1", "y^2 + 1 + 2syd + s^2d^2", "F(y) + syd + s^2d^2", "unverified"),
    ("G(a, B + \\Delta_B, c) &= (B + \\Delta_B)a - c", "Ba - c + \\Delta_B a", "G(a, B, c) + \\Delta_B a",
     "verified"),
    ("G(a, B + \\Delta_B, c) &= (B + \\Delta_B)a - c", "Ba - c + \\Delta_B a", "G(a, B, c) + \\Delta_B c",
     "unverified"),
])
def test_a_chain_that_opens_with_a_function_at_an_expression(head: str, middle: str, last: str,
                                                           status: str) -> None:
    body = _rows(head, middle, last)
    assert _statuses(body)[f"{middle} = {last}"] == status


def test_a_function_defined_above_is_not_read_off_a_chain_head() -> None:
    # the prose defines F; the head is a claim about it (a wrong one), and the row below rests on the prose
    body = "Let $F(y) = y^2 + 2$.\n\n" + _rows("F(y + d) &= (y + d)^2 + 1", "y^2 + 1 + 2yd + d^2",
                                                 "F(y) + 2yd + d^2")
    assert _statuses(body)["y^2 + 1 + 2yd + d^2 = F(y) + 2yd + d^2"] != "verified"


def _head(lhs: str, rhs: str) -> ContextItem | None:
    return definition_of(Step(0, "=", "=", MathText(lhs, 1, 0), MathText(rhs, 1, 0)), {}, "t.tex", set(), {})


@pytest.mark.parametrize("lhs, rhs, head, value", [
    ("f(x + h)", "(x + h)^2 + 1", "f(u)", "({u})^2 + 1"),
    ("f(x + h)", "x + h + 1", "f(u)", "{u} + 1"),
    ("f(x + h)", "x + h + \\frac{1}{x + h}", "f(u)", "{u} + \\frac{1}{{u}}"),
    ("f(2x)", "(2x)^3", "f(u)", "({u})^3"),
    ("g(x, y + 1)", "x(y + 1)", "g(x, u)", "x({u})"),
    ("f(u + h)", "(u + h)^2", "f(s)", "({s})^2"),  # a variable the step does not write
])
def test_the_value_read_off_a_head_at_an_expression(lhs: str, rhs: str, head: str, value: str) -> None:
    item = _head(lhs, rhs)
    assert item is not None and item.kind == "result" and (item.lhs, item.rhs) == (head, value)


@pytest.mark.parametrize("lhs, rhs", [
    ("f(x + h)", "x^2 + 2xh + h^2"),  # the expression is not written whole: no value read
    ("f(x + h)", "x + h^2"),  # x + h is no node of x + h^2
    ("f(x + h)", "1 - x + h"),
    ("f(x + h)", "(x + h)^2 + h"),  # a letter of the expression outside it
    ("f(x + 1)", "f(x) + 1"),  # f on both sides: a recurrence
    ("f(2)", "5"),  # a value at a point
    ("f(x^2)", "x^2 + 1"),  # x^2 is no value below zero: f is given on part of the line only
    ("f(x, x + 1)", "x(x + 1)"),  # f on a diagonal only
    ("g(x + 1, x + 2)", "(x + 1)(x + 2)"),
    ("f(x_i + 1, x)", "(x_i + 1)x + x_i"),
])
def test_no_value_is_read_off_other_heads(lhs: str, rhs: str) -> None:
    assert _head(lhs, rhs) is None
