"""Second red team of round 15 (first-year calculus, linear algebra, discrete maths, ODEs, circuits,
CS theory): correct steps that were refuted (a sign-led row of an alignment read as the line before's
continuation, a chain of congruences with its modulus written once, \\log in base 2, decibels in
whole dB, rows of an equation being solved, the derivative from its definition beside an earlier f,
sigma of a whole number), and slips beside them that must stay refuted."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, relation: str = "=", first: bool = False) -> str:
    return check_step(lhs, rhs, relation, first=first).status.value


def _steps(tmp_path, body: str) -> list[tuple[str, str, str]]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [(s.step.lhs.text, s.step.rhs.text, s.verdict.status.value) for s in result.steps]


# a row that opens with a minus sign but writes its own left side before the "&=" is an equation of
# its own, not the continuation of the line above
SQUARES = r"""
\begin{align*}
x^2 - x + 1 &= \left(x - \tfrac12\right)^2 + \tfrac34 \\
-x^2 + 4x &= -(x-2)^2 + 4 \\
-2y^2 + 8y &= -2(y-2)^2 + 6
\end{align*}
"""


def test_a_sign_led_row_with_its_own_left_side(tmp_path):
    steps = _steps(tmp_path, SQUARES)
    assert [(lhs, st) for lhs, _, st in steps] == [
        (r"x^2 - x + 1", V), (r"-x^2 + 4x", V), (r"-2y^2 + 8y", R)]


CONTINUED = r"""
\begin{align*}
f(x) &= x^2 + 2x \\
&\quad - 3x + 1 = x^2 - x + 1
\end{align*}
"""


def test_a_continuation_after_the_alignment_point_still_continues(tmp_path):
    *_, (lhs, rhs, st) = _steps(tmp_path, CONTINUED)
    assert "- 3x + 1" in lhs and rhs == "x^2 - x + 1" and st == V


LONG_LEFT = r"""
\begin{align*}
x^2 + 2x \\
- 3x + 1 &= x^2 - x + 1
\end{align*}
"""


def test_a_left_side_over_two_rows_before_any_relation_still_reads_as_one(tmp_path):
    ((lhs, rhs, st),) = _steps(tmp_path, LONG_LEFT)
    assert "x^2 + 2x" in lhs and "- 3x + 1" in lhs and st == V


# a chain of congruences writes its modulus once, at its end; a congruence of numbers without any
# modulus has it in the prose
POWERS = r"""
\begin{align*}
2^{100} &\equiv (2^{10})^{10} \\
&\equiv 1^{10} \\
&\equiv 1 \pmod{11}
\end{align*}
\begin{align*}
7^{100} &\equiv 7^{100 \bmod 4} = 7^0 = 1 \pmod{10}
\end{align*}
\begin{align*}
3^{5} &\equiv 3 \cdot 3^{4} \\
&\equiv 3 \cdot 1 \\
&\equiv 4 \pmod{5}
\end{align*}
"""


def test_a_chain_of_congruences_shares_its_modulus(tmp_path):
    statuses = [st for _, _, st in _steps(tmp_path, POWERS)]
    assert statuses == [V, V, V, V, V, V, V, V, R]


@pytest.mark.parametrize("lhs, rhs", [(r"17", r"2"), (r"2^{10}", r"1"), (r"7^{100}", r"7^{100 \bmod 4}")])
def test_a_congruence_of_numbers_without_a_modulus_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs, "===") == U


def test_congruences_with_a_modulus_or_letters_are_still_decided():
    assert status(r"17", r"3 \pmod 5", "===") == R
    assert status(r"x^2", r"x x + 1", "===") == R


# \log is base 2 in computer science, as it may be base 10 in engineering
@pytest.mark.parametrize("lhs, rhs", [
    (r"\log 1024", r"10"), (r"\log 8", r"3"), (r"\log \frac{n}{2}", r"\log n - 1"), (r"\log 2n", r"1 + \log n"),
])
def test_log_in_base_two_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs", [(r"\log 8", r"4"), (r"\log 16", r"2"), (r"\log 2n", r"2 + \log n")])
def test_log_slips_wrong_in_every_base_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


# levels in decibels are quoted in whole dB: the half-power point is -3 dB (-3.01)
@pytest.mark.parametrize("lhs, rhs", [
    (r"20\log_{10}\frac{1}{\sqrt2}", r"-3"), (r"20\log_{10}(0.5)", r"-6"), (r"10\log_{10}\frac{1}{2}", r"-3"),
])
def test_whole_decibels_are_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs", [
    (r"20\log_{10}\frac{1}{\sqrt2}", r"-6"), (r"10\log_{10} 2", r"6"), (r"20\log_{10}(100)", r"30"),
])
def test_decibel_slips_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


# rows that each write their own left side and rearrange one equation solve it: none is an identity
SOLVING = r"""
\begin{align*}
3x + 5 &= x - 7 \\
2x &= -12
\end{align*}
\begin{align*}
3x^2 + 3y^2y' &= 6y + 6xy' \\
y'(3y^2 - 6x) &= 6y - 3x^2
\end{align*}
\begin{align*}
\sqrt{x+3} &= x - 3 \\
x + 3 &= x^2 - 6x + 9
\end{align*}
"""


def test_rows_of_an_equation_being_solved_are_not_refuted(tmp_path):
    assert R not in [st for _, _, st in _steps(tmp_path, SOLVING)]


IDENTITIES = r"""
\begin{align*}
x^3 + 8 &= (x+2)(x^2 - 2x + 4) \\
x^3 - 8 &= (x-2)(x^2 + 2x + 2) \\
(x+1)^2 &= x^2 + 1 \\
x^2 + 2x &= 3
\end{align*}
"""


def test_a_wrong_identity_beside_a_correct_one_or_an_unrelated_equation_stays_refuted(tmp_path):
    statuses = {lhs: st for lhs, _, st in _steps(tmp_path, IDENTITIES)}
    assert statuses[r"x^3 - 8"] == R and statuses[r"(x+1)^2"] == R and statuses[r"x^3 + 8"] == V


# notes reuse f in every example: the derivative from its definition names its function in the limit
DEFINITION = r"""
\begin{align*}
f(x) &= x^3 - 3x \\
f'(x) &= 3x^2 - 3
\end{align*}
From the definition,
\begin{align*}
f'(x) &= \lim_{h\to 0}\frac{(x+h)^2 - x^2}{h} \\
&= 2x
\end{align*}
Now let $g(x) = x^2$ and $f(x) = \sin x$; then
\begin{align*}
f'(x) &= \cos x
\end{align*}
\begin{align*}
f'(x) &= 3x^2 - 2
\end{align*}
"""


def test_an_earlier_f_does_not_refute_a_new_example(tmp_path):
    statuses = [st for _, _, st in _steps(tmp_path, DEFINITION)]
    assert statuses[2:4] == [U, V] and statuses[4] != R


def test_a_wrong_derivative_of_the_f_in_force_stays_refuted(tmp_path):
    body = DEFINITION.split("From the definition")[0] + "\\begin{align*}\nf'(x) &= 3x^2 - 2\n\\end{align*}\n"
    assert [st for _, _, st in _steps(tmp_path, body)][-1] == R


# sigma of a whole number in number theory is the sum of its divisors
def test_sigma_of_a_whole_number_is_not_refuted():
    assert status(r"\sigma(6)", r"1 + 2 + 3 + 6") == V  # (read as the divisor sum since round 21)
    assert status(r"\sigma(6)", r"1 + 2 + 3") == U
    assert status(r"\sigma(0)", r"\frac12") == V
    assert status(r"\sigma(z)", r"\frac{1}{1-e^{-z}}") == R


# P(A) = 0.3 and P(X = 2) = 5/16 give values at one argument, not a constant function P
PROBABILITIES = r"""
\begin{align*}
P(A) &= 0.3
\end{align*}
\begin{align*}
P(A \cup B) &= P(A) + P(B) - P(A\cap B) \\
&= 0.3 + 0.5 - 0.1
\end{align*}
\begin{align*}
P(X = 2) &= \frac{5}{16} \\
P(X \ge 1) &= 1 - P(X = 0) = 1 - \left(\frac{5}{6}\right)^3
\end{align*}
"""


def test_a_value_of_p_at_one_event_is_no_definition_of_p(tmp_path):
    assert R not in [st for _, _, st in _steps(tmp_path, PROBABILITIES)]


FUNCTION_VALUE = r"""
\begin{align*}
g(x) &= x^2 + 1
\end{align*}
\begin{align*}
g(2) + g(0) &= 6
\end{align*}
"""


def test_a_function_defined_with_its_parameter_is_still_put_in(tmp_path):
    assert [st for _, _, st in _steps(tmp_path, FUNCTION_VALUE)] == ["skipped", V]
    assert [st for _, _, st in _steps(tmp_path, FUNCTION_VALUE.replace("= 6", "= 7"))] == ["skipped", R]


# a_0 = 1 in the prose is the value of that term, put in where a step uses it
RECURRENCE = r"""
For $a_n = 3a_{n-1} + 2$ with $a_0 = 1$:
\begin{align*}
a_n + 1 &= 3^n(a_0 + 1) \\
&= 2\cdot 3^n
\end{align*}
"""


def test_an_initial_value_in_the_prose_rescues_the_step_using_it(tmp_path):
    assert _steps(tmp_path, RECURRENCE)[-1][2] == V


def test_an_initial_value_does_not_rescue_a_slip(tmp_path):
    assert _steps(tmp_path, RECURRENCE.replace(r"2\cdot 3^n", r"3\cdot 3^n"))[-1][2] != V
