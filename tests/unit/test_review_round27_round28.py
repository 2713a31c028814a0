"""Review of round 27's new readings (Boolean algebra, \\Phi the normal CDF, CNOT's qubit order, convolutions
at a shifted point): a reading that verifies what the prose no longer means, and a rewriting that refuted a
correct step."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import boolean, normalcdf, qubitorder
from lintmath.parse import convolution

V, R, U = "verified", "refuted", "unverified"


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


# --- Boolean algebra: a passage that turns to numbers after it spoke of logic

@pytest.mark.parametrize("turn", [
    "Now take the real numbers $x$ and $y$.",
    "The counting argument then gives, for integers $x$ and $y$:",
    "For the probability of the event we have",
])
def test_an_identity_of_logic_only_is_not_verified_where_the_prose_turned_to_numbers(turn: str) -> None:
    body = "In Boolean algebra $x + y$ is OR.\n\n" + turn + "\n\n" + _chain("x + x &= x") + _chain("x + xy &= x") \
        + _chain("2x + 3x &= 5x")
    statuses = _statuses(body)
    assert statuses["x + x = x"] == U
    assert statuses["x + xy = x"] == U
    assert statuses["2x + 3x = 5x"] == V


def test_a_step_written_as_logic_still_verifies_after_the_prose_turned_to_numbers() -> None:
    body = "In Boolean algebra $x + y$ is OR. For integers $n$ the table has $2^n$ rows.\n\n" \
        + _chain("a + \\bar{a} &= 1") + _chain("\\overline{a + b} &= \\bar{a}\\,\\bar{b}") \
        + _chain("\\overline{a + b} &= \\bar{a} + \\bar{b}")
    statuses = _statuses(body)
    assert statuses["a + \\bar{a} = 1"] == V
    assert statuses["\\overline{a + b} = \\bar{a}\\,\\bar{b}"] == V
    assert statuses["\\overline{a + b} = \\bar{a} + \\bar{b}"] == R


def test_a_later_statement_of_logic_takes_the_passage_back() -> None:
    body = "The real numbers come first.\n\nIn Boolean algebra $x + y$ is OR.\n\n" + _chain("x + xy &= x")
    assert _statuses(body)["x + xy = x"] == V


def test_numbers_statements_leave_sentences_on_logic_alone() -> None:
    lines = ["A truth table lists every integer row.", "Let $x$ be a real number."]
    assert [line for line, _, _ in boolean.numbers_statements_of(lines)] == [2]


# --- \Phi: a later sentence naming it another quantity ends the statement that it is the normal CDF

def test_phi_named_a_flux_below_the_cdf_statement_is_not_refuted_as_the_cdf() -> None:
    body = "The standard normal table gives $\\Phi(1.96) = 0.975$.\n\nLater, the flux $\\Phi$ through the loop is\n\n" \
        + _chain("\\Phi(0) &= 0")
    assert _statuses(body)["\\Phi(0) = 0"] != R


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\Phi(-z)", "1 - \\Phi(z)", V),
    ("\\Phi(-z)", "\\Phi(z)", R),
    ("\\Phi(0)", "0", R),
])
def test_phi_under_the_cdf_statement_alone_is_still_decided(lhs: str, rhs: str, status: str) -> None:
    body = "Let $Z \\sim N(0,1)$ and $\\Phi$ the standard normal CDF.\n\n" + _chain(f"{lhs} &= {rhs}")
    assert _statuses(body)[f"{lhs} = {rhs}"] == status


def test_endings_name_other_quantities_only() -> None:
    lines = ["The flux $\\Phi$ through the loop.", "Here $\\Phi$ is the normal CDF, a distribution function.",
             "The phase $\\phi$ lags."]
    assert [line for line, _ in normalcdf.endings_of(lines)] == [1]


# --- CNOT: the prose that fixes which qubit is the control

@pytest.mark.parametrize("sentence, order", [
    ("The CNOT gate takes the first qubit as the control and the second as the target.", qubitorder.FIRST),
    ("In the CNOT the control is the second qubit.", qubitorder.SECOND),
    ("For CNOT the target qubit is the first one.", qubitorder.SECOND),
    ("A CNOT with the control on the top wire.", qubitorder.FIRST),
    ("The CNOT: the first qubit is the control; elsewhere the second qubit is the control.", ""),
    ("The Hadamard acts on the first qubit.", ""),
])
def test_the_order_the_prose_states(sentence: str, order: str) -> None:
    assert qubitorder.stated_order([sentence]) == order


def test_a_cnot_in_the_other_order_than_the_prose_states_is_not_verified() -> None:
    prose = "The CNOT gate takes the first qubit as the control and the second as the target.\n\n"
    body = prose + _chain("\\mathrm{CNOT}|01\\rangle &= |11\\rangle") + _chain("\\mathrm{CNOT}|10\\rangle &= |10\\rangle") \
        + _chain("\\mathrm{CNOT}|10\\rangle &= |11\\rangle") + _chain("\\mathrm{CNOT}|00\\rangle &= |00\\rangle")
    statuses = _statuses(body)
    assert statuses["\\mathrm{CNOT}|01\\rangle = |11\\rangle"] == U
    assert statuses["\\mathrm{CNOT}|10\\rangle = |10\\rangle"] == U
    assert statuses["\\mathrm{CNOT}|10\\rangle = |11\\rangle"] == V
    assert statuses["\\mathrm{CNOT}|00\\rangle = |00\\rangle"] == V


def test_the_second_qubit_stated_the_control_keeps_qiskits_steps() -> None:
    body = "In our CNOT the control is the second qubit.\n\n" + _chain("\\mathrm{CNOT}|01\\rangle &= |11\\rangle") \
        + _chain("\\mathrm{CNOT}|10\\rangle &= |11\\rangle")
    statuses = _statuses(body)
    assert statuses["\\mathrm{CNOT}|01\\rangle = |11\\rangle"] == V
    assert statuses["\\mathrm{CNOT}|10\\rangle = |11\\rangle"] == U


# --- convolution of named signals at a shifted point

LTI = "The output of an LTI system is the convolution of the input with the impulse response.\n\n"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("x[n - 1] * h[n - 2]", "(x * h)[n - 3]", V),
    ("x(t - 1) * h(t)", "(x * h)(t - 1)", V),
    ("(x * h)[n - 1]", "(h * x)[n - 1]", V),
    ("x[n] * h[n]", "(x * h)[n]", V),
    ("x[n - 1] * h[n - 2]", "(x * h)[n - 2]", R),
])
def test_a_convolution_at_a_shifted_point_is_shifted_once(lhs: str, rhs: str, status: str) -> None:
    assert _statuses(LTI + _chain(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == status


def test_a_convolution_at_a_scaled_point_is_left_as_written() -> None:
    assert convolution.applied_names("(x * h)[2n]") == "(x * h)[2n]"
    assert convolution.applied_names("(x * h)[n - 3]") == "(x[n - 3] * h[n])"
    assert _statuses(LTI + _chain("(x*h)[2n] &= x[2n] * h[2n]"))["(x*h)[2n] = x[2n] * h[2n]"] != V
