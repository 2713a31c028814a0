"""Calculus II as courses teach it: L'Hopital rows whose two limits both vanish at infinity, improper
integrals written as a limit of an evaluation bar (\\lim_{b \\to \\infty} [F(x)]_0^b), and Maclaurin
series left open with \\cdots whose written terms are those of cos, arctan, or of a known series in -x."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# -- limits that vanish ------------------------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{x\to\infty} \frac{x^2}{e^x}", r"\lim_{x\to\infty} \frac{2x}{e^x}"),
    (r"\lim_{x\to\infty} \frac{2x}{e^x}", r"\lim_{x\to\infty}\frac{2}{e^x}"),
    (r"\lim_{x\to\infty} \frac{x^3}{e^{2x}}", r"\lim_{x\to\infty} \frac{3x^2}{2e^{2x}}"),
    (r"\lim_{x\to\infty} a x e^{-x}", r"\lim_{x\to\infty} a e^{-x}"),
])
def test_a_lhopital_row_between_two_limits_that_vanish_is_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{x\to\infty} \frac{x^2}{e^x}", "1"),
    (r"\lim_{x\to 0} \frac{1 - \cos x}{x^2}", r"\lim_{x \to 0} \frac{\sin x}{x}"),
    (r"\lim_{x\to 0} \frac{e^x - 1 - x}{x^2}", "1"),
])
def test_a_wrong_limit_stays_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_limit_that_is_a_small_constant_keeps_its_value() -> None:
    # Planck's constant written out: the values stop shrinking at it, so the limit is not read as 0
    lhs = r"\lim_{x\to\infty} \left(6.6 \times 10^{-34} + \frac{1}{x}\right)"
    assert _status(lhs, r"6.6 \times 10^{-34}") == "verified"
    assert _status(lhs, "0") != "verified"


# -- improper integrals through a bar ---------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{b \to \infty} \left[ -\frac{1}{2} e^{-2x} \right]_0^b", r"\frac{1}{2}"),
    (r"\lim_{a \to 0^+} \left[ 2\sqrt{x} \right]_a^1", "2"),
    (r"\lim_{b\to\infty} \left[ \arctan x \right]_0^b", r"\frac{\pi}{2}"),
    (r"\lim_{a \to 0^+} \Big[ x\ln x - x \Big]_a^1", "-1"),
])
def test_the_limit_of_a_bar_at_its_running_bound_is_decided(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{b \to \infty} \left[ -\frac{1}{2} e^{-2x} \right]_0^b", r"-\frac{1}{2}"),
    (r"\lim_{a \to 0^+} \left[ 2\sqrt{x} \right]_a^1", "1"),
    (r"\lim_{b\to\infty} \left[ -\frac{1}{x} \right]_1^b", "2"),
])
def test_a_wrong_value_of_such_a_bar_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_an_improper_integral_chain_is_verified_row_by_row() -> None:
    body = ("\\begin{align*}\n\\int_0^\\infty e^{-3x} \\, dx &= \\lim_{b \\to \\infty} "
            "\\left[ -\\frac{1}{3} e^{-3x} \\right]_0^b \\\\\n&= \\frac{1}{3}\n\\end{align*}\n")
    assert [s.verdict.status.value for s in checked_steps(body)] == ["verified", "verified"]


# -- open Maclaurin series ----------------------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos x", r"1 - \frac{x^2}{2} + \frac{x^4}{24} - \cdots"),
    (r"\cos 3t", r"1 - \frac{(3t)^2}{2!} + \frac{(3t)^4}{4!} - \cdots"),
    (r"\arctan x", r"x - \frac{x^3}{3} + \frac{x^5}{5} - \cdots"),
    (r"e^{-t^2}", r"1 - t^2 + \frac{t^4}{2} - \cdots"),
    (r"\frac{1}{1 + x}", r"1 - x + x^2 - x^3 + \cdots"),
    (r"\ln(1 - x)", r"-x - \frac{x^2}{2} - \frac{x^3}{3} - \cdots"),
])
def test_an_open_series_of_a_known_function_is_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos x", r"1 - \frac{x^2}{2} + \frac{x^4}{12} - \cdots"),
    (r"\cos x", r"1 + \frac{x^2}{2} + \frac{x^4}{24} + \cdots"),
    (r"\arctan x", r"x - \frac{x^3}{3!} + \frac{x^5}{5!} - \cdots"),
    (r"e^{-x^2}", r"1 - x^2 + x^4 - \cdots"),
    (r"\frac{1}{1 - x}", r"1 - x + x^2 - x^3 + \cdots"),
    (r"\ln(1 - x)", r"-x + \frac{x^2}{2} - \frac{x^3}{3} + \cdots"),
])
def test_an_open_series_with_a_wrong_term_is_not_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


# -- what already works in the field: slips that must stay refuted ---------------------------------
@pytest.mark.parametrize("lhs, rhs, rule", [
    (r"\int x \cos x \, dx", r"x \sin x - \cos x + C", "LM101"),
    (r"\int \frac{dx}{x^2 + 9}", r"\frac{1}{9} \arctan\frac{x}{3} + C", "LM108"),
    (r"\frac{3x + 5}{(x+1)(x+2)}", r"\frac{2}{x+1} - \frac{1}{x+2}", "LM101"),
    (r"\pi \int_0^4 (\sqrt{x})^2 \, dx", r"16\pi", "LM108"),
    (r"\sum_{n=3}^\infty \left( \frac{2}{5} \right)^n", r"\frac{(2/5)^2}{1 - 2/5}", "LM104"),
])
def test_a_calculus_slip_is_refuted_with_its_diagnosis(lhs: str, rhs: str, rule: str) -> None:
    body = f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    assert result.steps[0].verdict.status.value == "refuted"
    assert [f.rule for f in result.findings] == [rule]


# -- constants of integration renamed -------------------------------------------------------------
def _chain(*rows: str) -> list[str]:
    body = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    return [s.verdict.status.value for s in checked_steps(body)]


@pytest.mark.parametrize("rows", [
    (r"\int \frac{dx}{x} + \int \frac{dx}{x^2} &= \ln|x| + C_1 - \frac{1}{x} + C_2",
     r"&= \ln|x| - \frac{1}{x} + C"),
    (r"\int 2x \, dx &= x^2 + C_1", r"&= x^2 + C"),
    (r"\int (x + 1)^2 \, dx &= \frac{(x+1)^3}{3} + C", r"&= \frac{x^3}{3} + x^2 + x + C'"),
    (r"\int 2 \sin x \cos x \, dx &= \sin^2 x + C", r"&= -\cos^2 x + C_1"),
])
def test_a_constant_written_anew_in_an_indefinite_integration_is_verified(rows: tuple[str, str]) -> None:
    assert _chain(*rows) == ["verified", "verified"]


@pytest.mark.parametrize("rows", [
    (r"\int (x + 1)^2 \, dx &= \frac{(x+1)^3}{3} + C", r"&= \frac{x^3}{3} + x^2 + 2x + C'"),
    (r"\int 2x \, dx &= x^2 + C_1", r"&= 2x^2 + C"),
    (r"\int 2 \sin x \cos x \, dx &= \sin^2 x + C", r"&= \cos^2 x + C_1"),
    # a constant that multiplies is a coefficient, not the constant of integration renamed
    (r"\int e^x \, dx &= e^x + C_1", r"&= C e^x + C_2"),
])
def test_a_renamed_constant_beside_a_slip_is_not_verified(rows: tuple[str, str]) -> None:
    assert _chain(*rows)[1] != "verified"


def test_constants_outside_an_integration_are_still_left_to_the_context() -> None:
    # C_1 + 2 = C_2 + 1 fixes one constant by another (an initial condition), no identity
    assert _status("x + C_1", "x + C_2") == "unverified"
    assert _status("C_1 + 2", "C_2 + 1") == "unverified"
