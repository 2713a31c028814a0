"""Survival notes write a survivor or baseline function after a bare log, ``\\log S(t)``,
``-\\log S_0(t)^{c}``: read as the log of S times t (the bare argument stopping at the letter, as in
``\\log x(1 + x)``) correct steps were refuted. A letter the step applies elsewhere, or writes only
before a bracket holding one letter, is that function inside the log as well."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    # the letter applied elsewhere in the step
    (r"\frac{-S'(t)}{S(t)}", r"-\frac{d}{dt} \log S(t)"),
    (r"\log\bigl(G_1(u)^{3}\bigr)", r"3\log G_1(u)"),
    (r"\log\bigl(R(s)^{2}\bigr)", r"2\log R(s)"),
    (r"\frac{Q'(y)}{Q(y)} + 1", r"\frac{d}{dy}\log Q(y) + 1"),
    # the letter written only before a one-letter bracket: a function, never a factor
    (r"\log S_0(t)^{k}", r"k \log S_0(t)"),
    (r"-\log S(u)^{a}", r"-a\log S(u)"),
    (r"\log\left(-\log S_0(t)^{e^{b z}}\right)", r"\log\left(-e^{b z}\log S_0(t)\right)"),
])
def test_a_function_after_a_bare_log_is_applied_to_its_bracket(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value != "refuted", verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{-S'(t)}{S(t)}", r"-\frac{d}{dt} \log S(t)"),
    (r"\log\bigl(R(s)^{2}\bigr)", r"2\log R(s)"),
    (r"\log S_0(t)^{k}", r"k \log S_0(t)"),
])
def test_those_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{S'(t)}{S(t)}", r"-\frac{d}{dt} \log S(t)"),  # a sign slip
    (r"\log S_0(t)^{k}", r"(k + 1) \log S_0(t)"),  # a wrong exponent
    (r"\log\bigl(R(s)^{2}\bigr)", r"\log R(s)"),
])
def test_slips_with_such_a_function_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    # a bracket holding more than one letter after a bare log stays a product: x times (1 + x)
    (r"\log x(1 + x)", r"\log x + x", "refuted"),
    # a wave's phase, k times the bracket, inside the sine
    (r"\sin k(x - ct)", r"\sin(kx - kct)", "unverified"),
    # r also stands alone: log r times y, or the log of r(y), is not decided
    (r"\log r(y)", r"\log r + \log y", "unverified"),
])
def test_other_bare_arguments_before_a_bracket_keep_their_readings(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_hazard_derivation_with_a_sign_slip_is_caught_on_its_line() -> None:
    from lintmath.config import Config
    from lintmath.pipeline import check_text
    text = ("\\documentclass{article}\n\\begin{document}\n"
            "Write $f = -S'$ for the density.\n\\begin{align*}\n"
            "\\lambda(u) &= \\frac{f(u)}{S(u)} \\\\\n"
            "&= \\frac{S'(u)}{S(u)} \\\\\n"
            "&= -\\frac{d}{du}\\log S(u)\n"
            "\\end{align*}\n\\end{document}\n")
    result = check_text(text, "hazard.tex", Config(jobs=0, budget=2.0, seed=0))
    statuses = [s.verdict.status.value for s in result.steps]
    assert "refuted" in statuses
    assert any(f.rule.startswith("LM1") for f in result.findings)


# Kaplan-Meier and Nelson-Aalen notes run products and sums over the event times up to t,
# \prod_{t_i \le t}: read as over a set of indices named by the condition, as \sum_{i \in R} is.
@pytest.mark.parametrize("lhs, rhs", [
    (r"\prod_{u_k \le s} \left(1 - \frac{e_k}{r_k}\right)", r"\prod_{u_k \le s} \frac{r_k - e_k}{r_k}"),
    (r"\sum_{u_k < s} 3 e_k", r"3\sum_{u_k < s} e_k"),
    (r"\sum_{\tau_j \ge a} (b_j + c_j)", r"\sum_{\tau_j \ge a} b_j + \sum_{\tau_j \ge a} c_j"),
])
def test_a_sum_or_product_under_a_condition_on_the_index_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_slip_inside_such_a_product_is_refuted() -> None:
    verdict = check_step(r"\prod_{u_k \le s} \left(1 - \frac{e_k}{r_k}\right)",
                         r"\prod_{u_k \le s} \frac{r_k + e_k}{r_k}", "=")
    assert verdict.status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # the condition bounds the terms themselves: never decided on arbitrary values
    (r"\sum_{y_k < 0} y_k", r"-\sum_{y_k < 0} |y_k|"),
    # a set under one condition against a range written out, or under another condition
    (r"\sum_{u_k \le s} e_k", r"\sum_{k=1}^{m} e_k"),
    (r"\sum_{u_k \le s} e_k", r"\sum_{u_k \le v} e_k"),
    # a value of the data: which event times lie below 5 the step does not say
    (r"\sum_{u_k \le 5} \frac{e_k}{r_k}", r"\frac{1}{4} + \frac{2}{7}"),
])
def test_what_the_condition_decides_stays_unverified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"
