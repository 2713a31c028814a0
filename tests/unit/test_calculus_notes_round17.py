"""Red team of first-year calculus notes (round 17): two forms of one antiderivative compared "up to
the constant" in a chain that writes no integral (F + C = G + C in one letter) are equal up to C, and
an evaluation bar that names its variable at both points (|_{x=0}^{x=1}) is read; the slips beside
them are still reported."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text

V, R, U = "verified", "refuted", "unverified"


def _statuses(body: str) -> list[str]:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return [s.verdict.status.value for s in check_text(text, "calculus.tex", Config(jobs=0)).steps]


@pytest.mark.parametrize("lhs, rhs", [
    (r"-\frac{\cos^2 t}{2} + C", r"\frac{\sin^2 t}{2} - \frac{1}{2} + C"),
    (r"\frac{\sin^2 t}{2} - \frac{1}{2} + C", r"\frac{\sin^2 t}{2} + C"),
    (r"\frac{\sin^2 x}{2} + C", r"-\frac{\cos 2x}{4} + C"),
    (r"\ln|5x| + K", r"\ln|x| + K"),
    (r"\frac{1}{3}\ln|3x+6| + C", r"\frac{1}{3}\ln|x+2| + C"),
])
def test_antiderivatives_up_to_their_constant_without_an_integral(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\sin^2 x}{2} + C", r"\frac{\cos^2 x}{2} + C"),  # a sign slip: the derivatives differ
    (r"x^3 + C", r"x^3 + 3x + C"),  # a term in x, not a constant
    (r"\ln|x^2| + K", r"\ln|x| + K"),  # a factor 2 lost
])
def test_slips_between_antiderivatives_are_still_caught(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == R


def test_a_constant_term_beside_other_letters_is_still_a_coefficient() -> None:
    # completing the square, wrongly: with b beside x, C is the quadratic's coefficient
    lhs, rhs = r"x^2 + bx + C", r"\left(x+\frac{b}{2}\right)^2 + C + \frac{b^2}{4}"
    assert check_step(lhs, rhs, "=").status.value == R


def test_a_chain_comparing_two_antiderivatives_in_prose() -> None:
    body = "\n".join([r"Both answers agree up to the constant:", r"\begin{align*}",
                      r"-\frac{\cos^2 x}{2} + C &= \frac{\sin^2 x}{2} - \frac{1}{2} + C \\",
                      r"&= \frac{\sin^2 x}{2} + C.", r"\end{align*}"])
    assert _statuses(body) == [V, V]


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\int_0^2 t^2\,dt", r"\left.\frac{t^3}{3}\right|_{t=0}^{t=2}", V),
    (r"\left.\frac{t^3}{3}\right|_{t=0}^{t=2}", r"\frac{8}{3}", V),
    (r"\Big[u^2 s\Big]_{u=1}^{u=3}", r"8s", V),
    (r"\left.\frac{t^3}{3}\right|_{t=0}^{t=2}", r"\frac{4}{3}", R),  # a wrong value
    (r"\Big[u^2 s\Big]_{u=1}^{u=3}", r"9s", R),  # the lower point forgotten
    # the upper point names another letter: which one the bar evaluates is not decided
    (r"\left.\frac{t^3}{3}\right|_{t=0}^{s=2}", r"\frac{8}{3}", U),
])
def test_an_evaluation_bar_naming_its_variable_at_both_points(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status
