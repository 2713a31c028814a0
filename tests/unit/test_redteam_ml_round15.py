"""Red team of round 15 on machine-learning lecture notes (CS229, d2l, PRML styles): correct steps
that were refuted (a derivative in theta_j of a parametrised model h_theta(x), read as a constant
of theta; a Bellman-style first line V(A) = 1 + 0.81 V(A), an equation to solve for V(A)), and
slips beside them that must stay refuted."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, first: bool = False) -> str:
    return check_step(lhs, rhs, "=", first=first).status.value


# h_theta(x), f_w(x), pi_theta(a|s): the subscript names the parameters the model depends on, so a
# derivative in theta (or its entry theta_j) of it is not 0; as written the step is not decided
@pytest.mark.parametrize("lhs, rhs", [
    (r"2\cdot\frac{1}{2}\left(h_\theta(x) - y\right)\cdot\frac{\partial}{\partial\theta_j}\left(h_\theta(x) - y\right)",
     r"\left(h_\theta(x) - y\right)\cdot\frac{\partial}{\partial\theta_j}\left(\sum_{i=0}^{n}\theta_i x_i - y\right)"),
    (r"\frac{\partial}{\partial w}\left(f_w(x) - y\right)^2", r"2\left(f_w(x) - y\right)x"),
    (r"\nabla_w\left(f_w(x) + w\right)", r"x + 1"),
    (r"\partial_\theta\left(g_\theta(x) + \theta\right)", r"x + 1"),
])
def test_derivative_of_a_parametrised_model_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


def test_derivative_of_a_parametrised_model_is_not_verified_as_zero():
    assert status(r"\frac{\partial}{\partial\theta_j}\left(h_\theta(x) - y\right)", "0") != V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial w}\frac{1}{2}\left(\sigma(wx + b) - y\right)^2",
     r"\left(\sigma(wx+b) - y\right)\sigma(wx+b)\left(1 - \sigma(wx+b)\right)x"),
    (r"\frac{\partial}{\partial\mu_k}\sum_{n=1}^N r_{nk}(x_n - \mu_k)^2", r"-2\sum_{n=1}^N r_{nk}(x_n - \mu_k)"),
    (r"\frac{\partial}{\partial x_i} x_i^2", r"2x_i"),
])
def test_derivatives_without_a_parametrised_model_still_verify(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial w}\frac{1}{2}\left(\sigma(wx + b) - y\right)^2",
     r"\left(\sigma(wx+b) - y\right)\sigma(wx+b)\left(1 - \sigma(wx+b)\right)"),
    (r"\frac{d}{d\theta}\log(1 - \sigma(\theta))", r"1 - \sigma(\theta)"),
    (r"\frac{\partial}{\partial\sigma}\left[-\frac{(a-\mu)^2}{2\sigma^2} - \log\sigma\right]",
     r"\frac{(a-\mu)^2}{2\sigma^3} - \frac{1}{\sigma}"),
])
def test_ml_derivative_slips_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


# a chain's first line naming its subject again on the right (a value in a two-state chain, the
# expected count of first-step analysis, T(n) = 2T(n) + 1) is an equation to solve for it
@pytest.mark.parametrize("lhs, rhs", [
    (r"V(A)", r"1 + 0.81\,V(A)"),
    (r"V", r"1 + 0.9 V"),
    (r"x", r"\frac{1}{2} + \frac{x}{3}"),
    (r"T(n)", r"2T(n) + 1"),
])
def test_a_first_line_with_its_subject_on_both_sides_is_an_equation(lhs, rhs):
    verdict = check_step(lhs, rhs, "=", first=True)
    assert verdict.status.value == U


@pytest.mark.parametrize("lhs, rhs", [
    (r"x", r"x + 1"),                    # no solution: the subject cancels
    (r"g(x)", r"g(x) + 2"),
    (r"f_n", r"-f_n"),                   # solved by 0 alone: a sign lost
    (r"g(x)", r"2g(x)"),                 # a factor lost
])
def test_a_first_line_whose_subject_cancels_or_is_zero_is_still_refuted(lhs, rhs):
    assert status(lhs, rhs, first=True) == R


def test_the_subject_on_both_sides_of_a_later_line_is_still_decided():
    assert status(r"x", r"1 + 0.81 x") == R
    assert status(r"1 + 0.9 V", r"1 + 0.9 V + 0") == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sigma(z_1 - z_2)", r"\sigma(z_2 - z_1)"),
    (r"\left\lfloor\frac{64 + 2\cdot 1 - 3}{2}\right\rfloor + 1", r"33"),
    (r"0.5(1 + 0.9\cdot 4) + 0.5(2 + 0.9\cdot 0)", r"3.4"),
    (r"\sum_{k=0}^\infty 0.5^k", r"4"),
    (r"\frac{1}{2}\ln\frac{1 - 0.25}{0.25}", r"\ln 3"),
    (r"-\frac{1}{4}\log_2\frac{1}{4} - \frac{3}{4}\log_2\frac{3}{4}", r"\frac{1}{2} + \frac{3}{4}\log_2 3"),
    (r"\left(\frac{s}{s+\lambda}w - w\right)^2", r"\frac{\lambda w^2}{(s+\lambda)^2}"),
    (r"\det\begin{pmatrix}3-\lambda & 1\\ 1 & 3-\lambda\end{pmatrix}", r"(\lambda - 2)(\lambda - 3)"),
])
def test_ml_slips_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


def _statuses(tmp_path, body: str) -> list[str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [s.verdict.status.value for s in result.steps]


# a line on its own that sets a derivative to zero is an equation to solve: the value displayed just
# below it solves it (AdaBoost's weight of a learner), and only rescues it
STATIONARY = r"""
Setting the derivative to zero,
\begin{align*}
(1-\epsilon_t)e^{-\alpha_t} &= \epsilon_t e^{\alpha_t} \\
e^{2\alpha_t} &= \frac{1-\epsilon_t}{\epsilon_t} \\
\alpha_t &= \frac{1}{2}\ln\frac{1-\epsilon_t}{\epsilon_t}
\end{align*}
"""


def test_an_equation_solved_below_is_not_refuted(tmp_path):
    assert R not in _statuses(tmp_path, STATIONARY)


def test_an_equation_solved_below_by_a_wrong_value_stays_refuted(tmp_path):
    wrong = STATIONARY.replace(r"\alpha_t &= \frac{1}{2}\ln", r"\alpha_t &= 2\ln")
    assert _statuses(tmp_path, wrong)[0] == R


def test_a_value_below_does_not_rescue_a_chain(tmp_path):
    body = r"""
\begin{align*}
(a+b)^2 &= a^2 + ab + b^2 \\
&= a^2 + b^2 + ab
\end{align*}
\begin{align*}
a &= 0
\end{align*}
"""
    assert _statuses(tmp_path, body)[0] == R


# the value of a two-state chain, in a display of its own
def test_a_bellman_line_in_a_document_is_not_refuted(tmp_path):
    body = r"""
\begin{align*}
V(A) &= 1 + 0.81\,V(A) \\
&= \frac{1}{0.19}
\end{align*}
"""
    assert R not in _statuses(tmp_path, body)


# \log\frac{1}{N}\sum_i e^{x_i} (a log of a mean, log-mean-exp, an importance-weighted bound): read as
# written the log stops at the fraction; a step that holds, or is not refuted, with the log reaching
# over the sum or bracket after it is not an error
@pytest.mark.parametrize("lhs, rhs", [
    (r"\log\frac{1}{N}\sum_{i=1}^N e^{x_i}", r"\log\sum_{i=1}^N e^{x_i} - \log N"),
    (r"\log\frac{1}{2}(e^{1} + e^{3})", r"\log(e + e^3) - \log 2"),
    (r"\log 2(x+1)", r"\log(2x+2)"),
    (r"\frac{1}{2}\log(2\pi e)^d|\Sigma|", r"\frac{d}{2}\log(2\pi e) + \frac{1}{2}\log|\Sigma|"),
])
def test_a_log_reaching_over_a_sum_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


def test_a_log_reaching_over_a_bracket_in_an_inequality_is_not_refuted():
    assert check_step(r"\log\frac{1}{2}(e^{1} + e^{3})", r"\frac{1}{2}(1 + 3)", ">=").status.value != R


@pytest.mark.parametrize("lhs, rhs", [
    (r"\log\frac{1}{2}(a + b)", r"\log(a+b) + \log 2"),            # wrong in both readings
    (r"2\log\frac{1}{K}\sum_{k=1}^K w_k", r"\log\sum_{k=1}^K w_k"),
    (r"\log(x)^2 y", r"3\log x + \log y"),
])
def test_a_log_slip_wrong_in_both_readings_is_refuted(lhs, rhs):
    assert status(lhs, rhs) == R
