"""Increments (Delta Q) as quantities, and the identity sized like the step's written matrices."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.sides import step_increments

V, R, U = "verified", "refuted", "unverified"


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a relative change over a relative change: Delta Q / Q is not Q / Q
    (r"\frac{\Delta Q/Q}{\Delta P/P}", r"\frac{-10/100}{1/10}", U),
    (r"\frac{\Delta Q}{Q} \cdot \frac{P}{\Delta P}", r"\frac{\Delta Q\, P}{Q\,\Delta P}", V),
    (r"2\Delta t + \Delta t", r"3\Delta t", V),
    (r"2\Delta t + \Delta t", r"2\Delta t", R),
    (r"\frac{\delta y}{\delta x}\,\delta x", r"\delta y", V),
    # Delta as an operator somewhere in the step: a product, as before, on both sides
    (r"\Delta (u+v)", r"\Delta u + \Delta v", V),
    # under a limit over the increment, as before
    (r"\lim_{\Delta x\to 0}\frac{(x+\Delta x)^2-x^2}{\Delta x}", r"2x", V),
    (r"\lim_{\Delta x\to 0}\frac{(x+\Delta x)^2-x^2}{\Delta x}", r"3x", R),
])
def test_increments(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


def test_increments_are_decided_for_the_whole_step():
    assert step_increments(r"\Delta x", r"\Delta y", {}) == {r"\Delta"}
    assert step_increments(r"\Delta (u+v)", r"\Delta u", {}) == frozenset()
    # a Kronecker delta keeps delta an operator, and Delta is decided on its own
    assert step_increments(r"\delta_{ij}\Delta x_j", r"\Delta x_i", {}) == {r"\Delta"}


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"|0\rangle\langle 0| + |1\rangle\langle 1|", r"\begin{pmatrix}1&0\\0&1\end{pmatrix}", V),
    (r"\begin{pmatrix}1&0\\0&1\end{pmatrix}", r"I", V),
    (r"\begin{pmatrix}1&0\\0&2\end{pmatrix}", r"I", R),
    (r"\begin{pmatrix}1&2\\3&4\end{pmatrix} - I", r"\begin{pmatrix}0&2\\3&3\end{pmatrix}", V),
    (r"I\begin{pmatrix}1\\2\end{pmatrix}", r"\begin{pmatrix}1\\2\end{pmatrix}", V),
])
def test_the_identity_takes_the_size_of_the_written_matrices(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # d psi / dx in the step: psi moves with x in every derivative by x
    (r"x\left(-i\hbar\frac{d\psi}{dx}\right) + i\hbar\frac{d}{dx}(x\psi)",
     r"-i\hbar x\frac{d\psi}{dx} + i\hbar\left(\psi + x\frac{d\psi}{dx}\right)", V),
    (r"x\left(-i\hbar\frac{d\psi}{dx}\right) + i\hbar\frac{d}{dx}(x\psi)", r"i\hbar\psi", V),
    (r"\frac{\partial}{\partial T}(-k_BT\ln Z)", r"-k_B\ln Z - k_BT\frac{\partial\ln Z}{\partial T}", V),
    (r"\frac{\partial}{\partial T}(-k_BT\ln Z)", r"-k_B\ln Z + k_BT\frac{\partial\ln Z}{\partial T}", R),
    (r"\frac{\partial}{\partial T}(-k_BT\ln Z)", r"-k_B\ln Z + 5k_BT\frac{\partial\ln Z}{\partial T}", R),
    (r"\frac{d}{dt}(u^2)", r"2u\frac{du}{dt}", V),
    (r"\frac{d}{dt}(u^2)", r"u\frac{du}{dt}", R),
    (r"\frac{\partial^2}{\partial x^2}(x\psi)", r"2\frac{\partial\psi}{\partial x} + x\frac{\partial^2\psi}{\partial x^2}", V),
    # a constant coefficient stays one, and entries of one family are decided by their indices
    (r"\frac{d}{dx}(a x^2)", r"2ax", V),
    (r"\frac{\partial}{\partial s_j} e^{s_i}", r"e^{s_i}\delta_{ij}", V),
])
def test_a_quantity_whose_derivative_is_written_moves_with_its_variable(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # an explicit product sign after the operator's bracket ends its reach
    (r"\frac{\partial}{\partial p}\left(\frac{am}{p}\right)\cdot\frac{p}{am/p}", r"-\frac{am}{p^2}\cdot\frac{p^2}{am}", V),
    (r"\frac{\partial}{\partial p}\left(\frac{am}{p}\right)\cdot\frac{p}{am/p}", r"\frac{am}{p^2}\cdot\frac{p^2}{am}", R),
    (r"\frac{d}{dx}(x^2)\cdot x", r"2x^2", V),
    (r"\frac{d}{dx}(x^2)\cdot x", r"3x^2", R),
    # juxtaposed, either reach is a reading
    (r"\frac{d}{dp}\left(\frac{am}{p}\right)\frac{p}{am/p}", r"-1", V),
    (r"\frac{d}{dx}(x+1)(x+2)", r"2x+3", V),
    (r"\frac{d}{dx}(x+1)(x+2)", r"2x+5", R),
    # no bracket: as before, the whole product
    (r"\frac{d}{dx} x^2 \cdot x", r"3x^2", V),
])
def test_how_far_a_derivative_reaches(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # (dU/dT)_V: a partial derivative with V held fixed; (dU/dT)_P is another quantity
    (r"\left(\frac{\partial (U + PV)}{\partial T}\right)_P",
     r"\left(\frac{\partial U}{\partial T}\right)_P + P\left(\frac{\partial V}{\partial T}\right)_P", V),
    (r"\left(\frac{\partial (U + PV)}{\partial T}\right)_P",
     r"\left(\frac{\partial U}{\partial T}\right)_P - P\left(\frac{\partial V}{\partial T}\right)_P", R),
    (r"\left(\frac{\partial (TS)}{\partial T}\right)_V", r"S + T\left(\frac{\partial S}{\partial T}\right)_V", V),
    (r"\left(\frac{\partial U}{\partial T}\right)_V", r"\left(\frac{\partial U}{\partial T}\right)_P", U),
    (r"\left(\frac{\partial (x^2 y)}{\partial x}\right)_y", r"2xy", V),
    (r"\left(\frac{\partial (x^2 y)}{\partial x}\right)_y", r"3xy", R),
    # a column of a matrix derivative is no held variable
    (r"\left(\frac{\partial J}{\partial Y}\right)_{\cdot i}", r"\frac{\partial J}{\partial Y_{\cdot i}}", U),
])
def test_held_variables_of_a_partial_derivative(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # an evaluation bar at infinity is the limit there
    (r"\int_0^\infty t e^{-st}\,dt", r"\left[-\frac{t}{s}e^{-st}\right]_0^\infty + \frac{1}{s}\int_0^\infty e^{-st}\,dt", V),
    (r"\left[\frac{x}{1+x}\right]_0^\infty", r"1", V),
    (r"\left[\frac{x}{1+x}\right]_0^\infty", r"2", R),
    (r"\left. -e^{-x}\right|_0^\infty", r"1", V),
    (r"\left. -e^{-x}\right|_0^\infty", r"-1", R),
    # no limit, no value
    (r"\left[\sin x\right]_0^\infty", r"0", U),
])
def test_an_evaluation_at_infinity_is_a_limit(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # real and imaginary parts, where the step writes the imaginary unit
    (r"\operatorname{Re}(e^{i\theta})", r"\cos\theta", V),
    (r"\operatorname{Re}(e^{i\theta})", r"\sin\theta", R),
    (r"\mathrm{Re}(e^{ia}e^{ib})", r"\cos(a+b)", V),
    (r"\Re e^{ia}", r"\cos a", V),
    (r"\operatorname{Im}(x + iy)", r"y", V),
    (r"\operatorname{Im}(x + iy)", r"x", R),
    # of letters alone, which the author means complex: not decided with real samples
    (r"\operatorname{Re}(zw)", r"\operatorname{Re}(z)\operatorname{Re}(w)", U),
    # an upright Re without a bracket may be the Reynolds number
    (r"\mathrm{Re}\,\mathrm{Pr}", r"\mathrm{Pr}\,\mathrm{Re}", V),
])
def test_real_and_imaginary_parts(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # words between quantities are not a note after the math: the line is not cut there
    (r"15\% \text{ of } 240", r"36", U),
    (r"2\text{ apples} + 3\text{ apples}", r"5\text{ apples}", U),
    (r"3 \text{ times } 4", r"12", U),
    # a note, even with math in it, still ends the line
    (r"x^2 + 1 \text{ if } x > 0", r"1 + x^2", V),
    (r"2x \text{ (by } (3)\text{)}", r"x + x", V),
    (r"2x \text{ using } y = 1", r"x + x", V),
    (r"2x \text{ (product rule)}", r"x + x", V),
    # units are quantities of the step, as before
    (r"3\text{ kg} \cdot 2", r"6\text{ kg}", V),
])
def test_words_between_the_math(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a letter before a bracket that may as well multiply it: the readings decide, not the gap
    (r"\frac12\log(2\pi e(P+N)) - \frac12\log(2\pi e N)", r"\frac12\log\frac{P+N}{N}", V),
    (r"\frac12\log(2\pi e(P+N)) - \frac12\log(2\pi e N)", r"\frac12\log\frac{P+N}{2N}", R),
    (r"\frac12 m_2 \left(x^2+y^2\right)", r"\frac12 m_2x^2 + \frac12 m_2 y^2", V),
    (r"e(x+1)", r"ex + e", V),
    # a function dropped for its definition stays a question of the context
    (r"u(x)", r"x^2 + 1", U),
    (r"f(x) + 1", r"2", U),
])
def test_a_letter_before_a_bracket(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a recurrence unrolled: T applied at other points on each side, which a T defined elsewhere relates
    (r"2T\left(\frac{n}{2}\right) + n", r"2\left(2T\left(\frac{n}{4}\right) + \frac{n}{2}\right) + n", U),
    (r"2T(n/2) + n", r"4T(n/4) + 2n", U),
    # the same applications on both sides: wrong whatever T is
    (r"4T(n/4) + 2n", r"4T(n/4) + 3n", R),
    # a letter written alone too is a quantity
    (r"a(b+c)", r"ab + 2ac", R),
])
def test_a_letter_applied_on_both_sides_may_be_a_function(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a whole number of three digits or more ending a computation is rounded to units
    (r"\frac{170}{\sqrt{2}}", r"120", V),
    (r"\frac{170}{\sqrt{2}}", r"121", R),
    (r"1000e^{0.5}", r"1649", V),
    (r"12 \cdot 13", r"157", R),
    (r"\pi", r"3", R),
    # a unit says what a number counts, not how it was rounded
    (r"\frac{0.693}{1.2\times10^{-4}\,\text{s}^{-1}}", r"5.8\times10^{3}\,\text{s}", V),
    # a log of numbers worked out may be common: not an error
    (r"5 - \log 3.2", r"4.49", U),
    (r"\ln 2", r"0.693", V),
])
def test_rounded_results(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # Kronecker deltas between free indices are tried where the indices coincide
    (r"\delta_{ij}\delta_{jk}", r"\delta_{ij}", U),
    (r"\delta_{ij}\delta_{jk}", r"0", U),
    (r"\delta_{ij}\delta_{jk}", r"\delta_{ik}\delta_{ij}", V),
    (r"\sum_{j=1}^{3}\delta_{ij}\delta_{jk}", r"\delta_{ik}", V),
    # a repeated index without a sum may be Einstein's, which the deltas give away (round 20: summed)
    (r"\delta_{jj}\delta_{kk} - \delta_{jk}\delta_{kj}", r"9 - 3", V),
])
def test_kronecker_deltas(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # degrees
    (r"\cos 60^\circ", r"\frac12", V),
    (r"\sin 30^{\circ} + \cos 60^\circ", r"1", V),
    (r"\sin 30^{\circ} + \cos 60^\circ", r"2", R),
    (r"90^\circ - 30^\circ", r"60^\circ", V),
    # gcd and lcm of whole numbers; of letters, not decided
    (r"\gcd(12, 18)", r"6", V),
    (r"\gcd(12, 18)", r"3", R),
    (r"\operatorname{lcm}(4,6)", r"12", V),
    (r"\gcd(a, b)", r"\gcd(b, a)", U),
])
def test_degrees_and_divisors(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


def test_a_scalar_before_brackets_on_both_sides_still_multiplies():
    # k times polynomials of several letters: a product, whose slips are refuted
    assert check_step(r"k((a_2 + b_2)x^2 + c)", r"k(a_2x^2 + b_2x^2) + 2kc", "=").status.value == R


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a coordinate differentiated by another is independent of it
    (r"\frac{\partial}{\partial x}(x y) - \frac{\partial}{\partial y}\left(\frac{x^2}{2}\right)", r"y", V),
    # a letter the evaluated expression also writes alone is the bar's variable, not a function
    (r"\hbar^2 s(s+1)\Big|_{s=1/2}", r"\frac34\hbar^2", V),
    (r"\hbar^2 s(s+1)\Big|_{s=1/2}", r"\frac12\hbar^2", R),
    # I is the identity only as a term beside other capitals
    (r"I^2 R t", r"I R t", R),
    (r"(I-P)^2", r"I - 2P + P^2", V),
])
def test_coordinates_bars_and_the_identity(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # digits grouped by threes with a thin space are one number
    (r"6.626\,070\times 10^{-34}\times 10^{34}", r"6.62607", V),
    (r"299\,792\,458 \cdot 2", r"599\,584\,916", V),
    (r"299\,792\,458 \cdot 2", r"599\,585\,916", R),
    (r"3\,000", r"3000", V),
    # a thin space before a letter is still a product
    (r"2\,x", r"2x", V),
])
def test_digit_groups(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected
