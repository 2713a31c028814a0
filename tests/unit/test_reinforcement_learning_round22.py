"""Red team of reinforcement-learning notes (round 22): a bare \\frac{df}{d\\theta} beside f(\\theta) is the
derivative of that function (the log-derivative trick); sums over a primed next state \\sum_{s'} and over
the four-variable dynamics p(s', r | s, a) are read; a terminal state's value 0 put into a line of
numbers, and a worked example's number used in a later general step, are not errors. Slips beside
each are still caught."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text


def _check(body: str):
    result = check_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n",
                        "notes.tex", Config(jobs=0))
    return result.steps, result.findings


@pytest.mark.parametrize("lhs, rhs", [
    # the log-derivative trick, with the rate written as a fraction beside the applied function
    (r"\frac{d}{d\theta}\log g(\theta)", r"\frac{1}{g(\theta)}\frac{dg}{d\theta}"),
    (r"\frac{d}{du} h(u)^3", r"3h(u)^2\frac{dh}{du}"),
    (r"\frac{d}{dt}\left(t\,q(t)\right)", r"q(t) + t\frac{dq}{dt}"),
    (r"\frac{\partial}{\partial x} e^{w(x, y)}", r"e^{w(x, y)}\frac{\partial w}{\partial x}"),
])
def test_rate_of_an_applied_function_is_its_derivative(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{du} h(u)^3", r"2h(u)^2\frac{dh}{du}"),
    (r"\frac{d}{dt}\left(t^2 q(t)\right)", r"3t\,q(t) + t^2\frac{dq}{dt}"),
])
def test_slips_beside_such_rates_are_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted", verdict.reason
    assert verdict.diagnosis is not None


@pytest.mark.parametrize("lhs, rhs", [
    # expected next-state value: normalisation of the transition probabilities
    (r"\sum_{x'} P(x' \mid x)\left(c + \beta U(x')\right)", r"c + \beta\sum_{x'} P(x' \mid x) U(x')"),
    # a primed index is another letter than the unprimed one, and may be renamed
    (r"\sum_{b'} \mu(b' \mid y') Z(y', b')", r"\sum_{c} \mu(c \mid y') Z(y', c)"),
    # the four-variable dynamics p(s', r | s, a) of an MDP
    (r"\sum_{y', k} q(y', k \mid y, b)\left[k + \beta U(y')\right] - U(y)",
     r"\sum_{y', k} q(y', k \mid y, b)\left[k + \beta U(y') - U(y)\right]"),
    (r"\sum_{y'}\sum_{k} q(y', k \mid y, b) - 1", "0"),
])
def test_sums_over_next_states_are_read(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", verdict.reason


def test_a_next_state_swapped_for_the_current_one_is_caught() -> None:
    verdict = check_step(r"\sum_{x'} P(x' \mid x)\left(c + \beta U(x')\right)",
                         r"c + \beta\sum_{x'} P(x' \mid x) U(x)", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None


def test_a_value_of_zero_put_into_a_line_of_numbers_is_not_an_error() -> None:
    # the terminal cell's value 0, said in words, put into its neighbour's equation
    steps, findings = _check("Cell $4$ is terminal, with value zero, and each move costs $2$:\n"
                             "\\begin{align*}\nu_3 &= -2 + u_4 = -2\n\\end{align*}")
    assert [s.verdict.status.value for s in steps] == ["unverified", "unverified"]
    assert findings == ()


def test_a_lost_term_beside_letters_is_still_caught() -> None:
    verdict = check_step("a^2 + ab", "a^2", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"


def test_a_worked_examples_number_does_not_refute_a_general_step() -> None:
    body = ("For the policy $(0.5, 0.5)$ the entropy is\n"
            "\\begin{align*}\n\\mathcal{S} &= -2(0.5\\ln 0.5) \\\\\n &= 0.6931\n\\end{align*}\n"
            "In general, with $\\mathcal{S}$ the entropy of $\\rho$,\n"
            "\\begin{align*}\n\\rho_k\\sum_j \\rho_j\\log\\rho_j - \\rho_k\\log\\rho_k &= "
            "-\\rho_k\\left(\\log\\rho_k + \\mathcal{S}\\right)\n\\end{align*}")
    steps, findings = _check(body)
    assert "refuted" not in [s.verdict.status.value for s in steps]
    assert findings == ()


def test_a_parameter_set_to_a_number_still_refutes_a_general_step() -> None:
    # a discount set to a plain number is the document's parameter, not an example's computed result
    body = ("Take\n\\begin{align*}\n\\beta &= 0.8\n\\end{align*}\nso the value of a constant cost $c$ is\n"
            "\\begin{align*}\n4c &= \\frac{c}{1 - \\beta}\n\\end{align*}")
    steps, findings = _check(body)
    assert [s.verdict.status.value for s in steps][-1] == "refuted"
    assert [f.rule for f in findings] == ["LM201"]


def test_the_imaginary_unit_lost_from_a_line_of_numbers_is_a_slip_not_a_value_given_elsewhere() -> None:
    from lintmath.check import check_step
    verdict = check_step(r"\begin{bmatrix}\tfrac{1}{2}\\0\end{bmatrix} + \begin{bmatrix}0\\\tfrac{i}{2}\end{bmatrix}",
                         r"\begin{bmatrix}\tfrac{1}{2}\\0\end{bmatrix}", "=")
    assert "(i = 0?)" not in verdict.reason
