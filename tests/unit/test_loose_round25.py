"""Wrong steps that verified through a loose reading (red team, round 25: statistics, probability and
calculus as first- and second-year courses write them): a letter the prose makes a function of the
variable (``Let $y = y(x)$``, implicit differentiation) read as a constant under d/dx, so that
d/dx (xy) = y verified; and a bare function letter in an integrand (\\int_a^b f\\,dx) read as a constant,
so that \\int_a^b f\\,dx = (b - a)f and any order of a double integral's limits verified. Also the rows of
implicit differentiation, x^3 + y^3 = 6xy and 3x^2 + 3y^2y' = 6y + 6xy', which were refuted as identities
although they are the curve and a condition on y'."""
from __future__ import annotations

import pytest

from documents import checked_steps, display
from lintmath import dependence
from lintmath.check import check_step
from lintmath.model import Status


def _verdicts(body: str) -> list[tuple[str, str]]:
    return [(s.verdict.status.value, s.verdict.reason) for s in checked_steps(body)]


# -- letters the prose makes vary with the variable of a derivative -------------------------------------

@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"Let $y = y(x)$. Differentiating,", r"\frac{d}{dx}(xy)", r"y"),
    (r"Let $y$ be a function of $x$. Then", r"\frac{d}{dx}(x^2y)", r"2xy"),
    (r"With $u$ a function of $t$,", r"\frac{d}{dt}(tu)", r"u"),
    (r"Here $y$ depends on $x$:", r"\frac{d}{dx}(x y^3)", r"y^3"),
    (r"Implicit differentiation of $e^{xy} = x$ gives", r"\frac{d}{dx}e^{xy}", r"ye^{xy}"),
    (r"Implicit differentiation of $\sin(xy) = y$:", r"\frac{d}{dx}\sin(xy)", r"y\cos(xy)"),
    (r"Differentiating implicitly,", r"\frac{d}{dx}\ln(xy)", r"\frac{1}{x}"),
    (r"where $y$ and $z$ are differentiable functions of $x$.", r"\frac{d}{dx}(x + yz)", r"1"),
])
def test_a_derivative_that_holds_only_with_a_varying_letter_constant_is_unverified(
        prose: str, lhs: str, rhs: str) -> None:
    [(status, reason)] = _verdicts(display(prose, lhs, rhs))
    assert status == "unverified"
    assert "constant" in reason and "vary with" in reason


@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"Let $y = y(x)$. Differentiating,", r"\frac{d}{dx}(xy)", r"y + x\frac{dy}{dx}"),
    (r"Let $y$ be a function of $x$. Then", r"\frac{d}{dx}(x^2y)", r"2xy + x^2y'"),
    (r"Implicit differentiation of $e^{xy} = x$ gives", r"\frac{d}{dx}e^{xy}", r"e^{xy}\left(y + x\frac{dy}{dx}\right)"),
    (r"Differentiating implicitly,", r"\frac{d}{dx}\left(x^3 + y^3\right)", r"3x^2 + 3y^2\frac{dy}{dx}"),
    (r"Differentiating implicitly,", r"\frac{d}{dx}\left(y^2\right)", r"2y\frac{dy}{dx}"),
    # a derivative that takes no varying letter
    (r"Let $y$ be a function of $x$. Then", r"\frac{d}{dx}(x^2\sin x)", r"2x\sin x + x^2\cos x"),
    # the statement is negated: y is a number
    (r"Here $y$ is not a function of $x$:", r"\frac{d}{dx}(xy)", r"y"),
    # another variable: a derivative by t with y a function of x
    (r"Let $y = y(x)$. Then", r"\frac{d}{dt}(ty)", r"y"),
])
def test_derivatives_that_write_the_varying_letters_derivative_still_verify(prose: str, lhs: str, rhs: str) -> None:
    [(status, _)] = _verdicts(display(prose, lhs, rhs))
    assert status == "verified"


def test_without_the_prose_a_plain_letter_is_a_constant_under_the_derivative() -> None:
    assert check_step(r"\frac{d}{dx}(xy)", "y", "=").status is Status.VERIFIED
    [(status, _)] = _verdicts(display("We now compute.", r"\frac{d}{dx}(x^2y)", r"2xy"))
    assert status == "verified"


def test_a_statement_far_above_the_derivation_no_longer_holds() -> None:
    body = "Let $y = y(x)$.\n\n" + "Some text.\n\n" * (dependence.REACH + 5) \
        + display("Then", r"\frac{d}{dx}(xy)", "y")
    assert _verdicts(body)[-1][0] == "verified"


@pytest.mark.parametrize("sentence, pairs", [
    ("Let $y = y(x)$.", {("y", "x")}),
    ("With $u$ a function of $t$,", {("u", "t")}),
    ("where $y$ and $z$ are differentiable functions of $x$", {("y", "x"), ("z", "x")}),
    ("Here $y$ depends on $x$:", {("y", "x")}),
    ("Differentiating implicitly,", {(dependence.ANY, dependence.ANY)}),
    ("Implicit differentiation of $x^2 + y^2 = 25$:", {("x", dependence.ANY), ("y", dependence.ANY)}),
    ("Here $y$ is not a function of $x$.", set()),
    ("$y$ does not depend on $x$.", set()),
    ("We do not differentiate implicitly.", set()),
    ("The function $f$ is continuous.", set()),
])
def test_the_sentences_that_make_letters_vary(sentence: str, pairs: set) -> None:
    assert dependence.sentence_pairs(sentence) == pairs


# -- the rows of implicit differentiation are equations, not identities -----------------------------------

def test_the_rows_of_implicit_differentiation_are_equations_not_refuted_identities() -> None:
    body = ("By implicit differentiation of the folium,\n\\begin{align*}\nx^3 + y^3 &= 6xy\\\\\n"
            "3x^2 + 3y^2y' &= 6y + 6xy'\n\\end{align*}\n")
    verdicts = _verdicts(body)
    assert [status for status, _ in verdicts] == ["unverified", "unverified"]
    assert all("equation" in reason for _, reason in verdicts)


def test_a_slip_of_implicit_differentiation_in_a_derivative_or_a_chain_is_still_refuted() -> None:
    body = ("Differentiating implicitly,\n\\begin{align*}\n\\frac{d}{dx}(x^3 + y^3) &= 3x^2 + 3y^2\\\\\n"
            "y' &= \\frac{2y - x^2}{y^2 - 2x} = \\frac{2y + x^2}{y^2 - 2x}\n\\end{align*}\n")
    statuses = [status for status, _ in _verdicts(body)]
    assert statuses[0] == "refuted" and statuses[-1] == "refuted"


def test_without_the_prose_the_equation_of_a_curve_stays_as_it_was() -> None:
    # (an equation in letters alone is read as an identity: only the prose says it is a curve)
    assert check_step(r"x^3 + y^3", r"6xy", "=").status is Status.REFUTED


# -- a bare function letter in an integrand ---------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_a^b f\,dx", r"(b-a)f"),
    (r"\int_0^1 f\,dx", r"f"),
    (r"\int_a^b g\,dx", r"g(b-a)"),
    (r"\int_0^T f\,dt", r"fT"),
    (r"\int f\,dx", r"fx + C"),
    (r"\int_0^1 f^2\,dx", r"\left(\int_0^1 f\,dx\right)^2"),
    (r"\int_0^1\int_0^1 f\,dx\,dy", r"f"),
    (r"\int_0^1 \int_0^{x} g\,dy\,dx", r"\frac{g}{2}"),
    # the limits of a swapped double integral, which any constant satisfies
    (r"\int_0^1\int_0^x f\,dy\,dx", r"\int_0^1\int_0^y f\,dx\,dy"),
    (r"\int_0^2\int_0^{x} f\,dy\,dx", r"\int_0^2\int_0^{y} f\,dx\,dy"),
])
def test_an_integrand_function_read_as_a_constant_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "constant" in verdict.reason and "function of" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_a^b (f + g)\,dx", r"\int_a^b f\,dx + \int_a^b g\,dx"),
    (r"\int_a^b cf\,dx", r"c\int_a^b f\,dx"),
    (r"\int_0^1 2f\,dx", r"2\int_0^1 f\,dx"),
    (r"\int_a^b f\,dx", r"\int_a^c f\,dx + \int_c^b f\,dx"),
    (r"\int_a^b f\,dx", r"-\int_b^a f\,dx"),
    (r"\int_0^1\int_0^x f\,dy\,dx", r"\int_0^1\int_y^1 f\,dx\,dy"),
    (r"\int (f+1)\,dx", r"\int f\,dx + x + C"),
    (r"\int_a^b f\,dx - \int_a^b g\,dx", r"\int_a^b (f - g)\,dx"),
    (r"\int_a^b f(x)\,dx", r"\int_a^b f(t)\,dt"),
    (r"\int_0^1 c\,dx", r"c"),  # (not a function letter: a constant)
])
def test_integrals_that_hold_for_any_integrand_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


# -- wrong steps of the round that are not verified (a sample across the topics) ---------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dp}\left[k\log p + (n-k)\log(1-p)\right]", r"\frac{k}{p} + \frac{n-k}{1-p}"),
    (r"\frac{d}{d\lambda}\left(n\ln\lambda - \lambda\sum_{i=1}^n x_i\right)", r"\frac{n}{\lambda} + \sum_{i=1}^n x_i"),
    (r"\frac{\partial}{\partial\mu}\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)", r"\frac{x-\mu}{2\sigma^2}"),
    (r"\operatorname{Var}(aX+b)", r"a\operatorname{Var}(X)"),
    (r"\operatorname{Var}(X - Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y) + 2\operatorname{Cov}(X,Y)"),
    (r"\operatorname{Var}(X)", r"\mathbb{E}[X^2] + \mathbb{E}[X]^2"),
    (r"p^{\alpha-1}(1-p)^{\beta-1}p^{k}(1-p)^{n-k}", r"p^{\alpha+k-1}(1-p)^{\beta+n-1}"),
    (r"\frac{d}{dt}(1-2t)^{-k/2}", r"k(1-2t)^{-k/2}"),
    (r"\int_0^\infty x\lambda e^{-\lambda x}\,dx", r"\lambda"),
    (r"\int x e^x\,dx", r"xe^x + e^x + C"),
    (r"\int_0^2 x e^{x^2}\,dx", r"\frac12\int_0^2 e^u\,du"),
    (r"\sum_{n=1}^N\left(\frac1n - \frac1{n+1}\right)", r"1 + \frac{1}{N+1}"),
    (r"\lim_{x\to 0}\frac{x - \sin x}{x^3}", r"\frac{1}{3}"),
    (r"\frac{3x+5}{(x+1)(x+3)}", r"\frac{1}{x+1} + \frac{3}{x+3}"),
    (r"\frac{d}{dx}\frac{\sin x}{x}", r"\frac{\sin x - x\cos x}{x^2}"),
    (r"e^{a+b}", r"e^a + e^b"),
    (r"(x^a)^b", r"x^{a+b}"),
    (r"\sqrt{x^2 - 2x + 1}", r"1 - x"),
    (r"\lfloor x + 2\rfloor", r"2"),
    (r"k\binom{n}{k}", r"n\binom{n-1}{k}"),
    (r"\int_0^{2\pi}\int_0^R r\,dr\,d\theta", r"2\pi R^2"),
    (r"\int_0^1\int_0^{\sqrt{1-x^2}} dy\,dx", r"\int_0^{\pi/2}\int_0^1 dr\,d\theta"),
])
def test_wrong_steps_of_the_round_are_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED
