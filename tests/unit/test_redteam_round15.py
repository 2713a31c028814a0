"""Red team of round 15, on notation from authors outside the dev corpus: correct steps that were
refuted (a double factorial, a horizon T over (1 + r), a defining line 1/sigma_n^2 = ..., a function
beside a later value of the same letter, a value f(i) = 0 below f(z), an ODE line that used the line
before), and slips beside them that must stay refuted."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, first: bool = False) -> str:
    return check_step(lhs, rhs, "=", first=first).status.value


# n!! is the double factorial, not the factorial of n!: with the parity written (2n - 1, 2n) it
# has a gamma form that points off the integers evaluate
@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{(2n)!}{2^n n!}", r"(2n-1)!!"),
    (r"(2n)!!", r"2^n n!"),
    (r"(2k+1)!!", r"(2k+1)(2k-1)!!"),
    (r"7!!", r"105"),
])
def test_double_factorial_verifies(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{(2n)!}{2^n n!}", r"(2n+1)!!"),
    (r"(2n)!!", r"2^n (2n)!"),
    (r"5!!", r"16"),
])
def test_double_factorial_slips_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


def test_double_factorial_of_unknown_parity_is_not_refuted():
    assert status(r"n!!", r"n(n-2)!!") != R


# the letter T over a number or over (1 + r) is a power (a horizon T), not a transpose
@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{t=1}^T \frac{C}{(1+r)^t}", r"\frac{C}{r}\left(1 - \frac{1}{(1+r)^T}\right)"),
    (r"(1-p)^T (1-p)", r"(1-p)^{T+1}"),
    (r"2^T \cdot 2", r"2^{T+1}"),
    (r"(A + B)^T", r"A^T + B^T"),                     # a transpose still
    (r"(x - \mu)^T (x - \mu)", r"\|x - \mu\|^2"),
])
def test_horizon_t_is_a_power(lhs, rhs):
    assert status(lhs, rhs) == V


def test_horizon_t_slip_refuted():
    assert status(r"\sum_{t=1}^T \frac{C}{(1+r)^t}", r"\frac{C}{r}\left(1 + \frac{1}{(1+r)^T}\right)") == R


# a chain's first line about sigma_n (squared, or its reciprocal) defines it, even where the
# right side writes a bare sigma and a sigma_0 (the posterior of a normal mean)
@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{\sigma_n^2}", r"\frac{1}{\sigma_0^2} + \frac{n}{\sigma^2}"),
    (r"\sigma_n^2", r"\frac{\sigma_0^2\sigma^2}{\sigma^2 + n\sigma_0^2}"),
    (r"\frac{1}{\tau_k}", r"\frac{1}{\tau_0} + k"),
])
def test_a_defining_line_through_a_power_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs, first=True) == U


def test_a_power_of_a_letter_on_both_sides_is_still_decided():
    assert status(r"x^2", r"x x + 1", first=True) == R
    assert status(r"(a+b)^2", r"a^2 + 2ab + b^2", first=True) == V


# a "missing term" that would cancel all the right side writes, bringing back a vanished letter,
# is a substitution from the line before (y' + 2y = e^{-x}), not a term lost
@pytest.mark.parametrize("lhs, rhs", [
    (r"(e^{2x}y)'", r"e^{x}"),
    (r"\frac{d}{dx}(e^{2x}y)", r"e^{x}"),
])
def test_an_ode_line_that_used_the_equation_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


def test_a_term_lost_beside_a_vanished_letter_is_still_refuted():
    assert status(r"(a+b)^2 - b^2", r"a^2") == R


def _statuses(tmp_path, body: str) -> list[str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [s.verdict.status.value for s in result.steps]


ENTROPY = r"""
\begin{align*}
H(p) &= -p\log_2 p - (1-p)\log_2(1-p)
\end{align*}
For a die,
\begin{align*}
H &= \log_2 6
\end{align*}
and the channel's capacity:
\begin{align*}
C &= 1 - H(p) \\
&= 1 + p\log_2 p + (1-p)\log_2(1-p) \\
&= 1 + p\log_2 p - (1-p)\log_2(1-p)
\end{align*}
"""


def test_a_function_and_a_later_value_of_the_same_letter(tmp_path):
    # H(p) keeps reading as the function although H = log2 6 came later; the slip stays refuted
    assert _statuses(tmp_path, ENTROPY)[-2:] == [V, R]


MOBIUS = r"""
\begin{align*}
f(z) &= \frac{z - i}{z + i} \\
f(0) &= -1 \\
f(i) &= 0 \\
|f(x)| &= 1 \\
f(0) &= 1
\end{align*}
"""


def test_a_value_at_a_point_does_not_redefine_the_function(tmp_path):
    statuses = _statuses(tmp_path, MOBIUS)
    assert statuses[-3:-1] == [V, V] and statuses[-1] == R


# a count n takes another value in each instance: n(n-1)(2n+1)/3 agrees with the sum at n = 3 only
def test_a_closed_form_right_at_one_count_only_is_not_verified():
    assert status(r"\sum_{k=1}^n k^2", r"\frac{n(n-1)(2n+1)}{3}") != V
    assert status(r"\sum_{k=1}^n k^2", r"\frac{n(n+1)(2n+1)}{6}") == V
    assert status(r"\sum_{k=1}^n k^2", r"\frac{n(n+1)(2n+1)}{3}") == R
