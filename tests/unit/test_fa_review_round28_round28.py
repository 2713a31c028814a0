"""Review of round 28's readings for false alarms: a numbered D before an exponential it differentiates
(D_1 e^{xy} = y e^{xy} under "D_1 = \\partial/\\partial x") stays a derivative, while the Arrhenius factor
D_0 e^{-Q/RT} keeps D_0 a coefficient; and correct steps beside the round's other new readings (e raised to
a compound exponent, a defined function named anew, [S] beside other square brackets, \\pi applied, Greek
superscripts that are powers, a letter introduced beside its own other mentions) are not refuted. \\pi(0.2)^2
is the constant times a number only where the prose does not apply \\pi or name it a prior or a policy. Dots
after the last decimal of a run (0.5 + 0.25 + 0.125\\ldots) say the terms go on, not that decimal's digits."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_1 e^{xy}", r"y e^{xy}"),
    (r"D_2 e^{xy}", r"x e^{xy}"),
    (r"D_1 e^{2x}", r"2e^{2x}"),
    (r"D_0 e^{-t}", r"-e^{-t}"),
    (r"D_1 e^{3x + y}", r"3e^{3x+y}"),
    (r"D_1 \exp(3x)", r"3\exp(3x)"),
    # a quotient in the exponent, but its denominator comes out as the derivative's factor
    (r"D_1 e^{-x/y}", r"-\frac{1}{y}e^{-x/y}"),
    (r"D_2 e^{-x/y}", r"\frac{x}{y^2}e^{-x/y}"),
])
def test_a_numbered_d_before_the_exponential_it_differentiates_is_no_coefficient(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "refuted"


def test_the_derivative_by_a_slot_is_not_refuted_under_its_definition() -> None:
    body = ("Let $D_1 = \\partial/\\partial x$ and $D_2 = \\partial/\\partial y$ denote partial derivatives.\n"
            "\\begin{align*}\nD_1 e^{xy} &= y e^{xy}\n\\end{align*}\n")
    assert _statuses(body)["D_1 e^{xy} = y e^{xy}"] != "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"D_0 e^{-Q/(RT)}", r"D_0 \exp(-Q/(RT))", "verified"),
    (r"D_0 \exp\left(-\frac{Q_d}{RT_1}\right)", r"D_0 \exp\left(\frac{Q_d}{RT_1}\right)", "refuted"),
    (r"\frac{D_0 e^{-Q/(RT_1)}}{D_0 e^{-Q/(RT_2)}}", r"e^{-\frac{Q}{R}\left(\frac{1}{T_1} - \frac{1}{T_2}\right)}",
     "verified"),
])
def test_the_arrhenius_factor_keeps_d0_a_coefficient(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("body", [
    # e a letter of the document beside powers of it
    "The orbit has eccentricity $e$.\n\\begin{align*}\nr_a r_p &= a^2(1 - e^2)\n\\end{align*}\n",
    "Let $e$ be the identity of the group $G$.\n\\begin{align*}\ne^{n+1} &= e\n\\end{align*}\n",
    "Let $e$ be an idempotent, $e^2 = e$.\n\\begin{align*}\ne^{k+1} &= e\n\\end{align*}\n",
    "The eccentricity is $e = 0.5$.\n\\begin{align*}\ne^{n+1} &= 0.5^{n+1}\n\\end{align*}\n",
    "The error of the iterate is $e^{n} = y^n - y(t_n)$.\n\\begin{align*}\ne^{n+1} &= (1 + h\\lambda) e^{n}\n"
    "\\end{align*}\n",
    # a function defined in one example, another of the same name in words later
    "Let $f(x) = x^2$.\n\nNow consider an odd function $f$.\n\\begin{align*}\nf(-x) + f(x) &= 0\n\\end{align*}\n",
    "Let $\\phi(x) = \\frac{1}{1 + e^{-x}}$.\n\nLater $\\phi$ is the normal density, which is even.\n"
    "\\begin{align*}\n\\phi(-z) &= \\phi(z)\n\\end{align*}\n",
    "Recall $a \\equiv 1 \\pmod 4$ and $b \\equiv 3 \\pmod 4$.\n\\begin{align*}\na + b &\\equiv 0 \\pmod 4\n"
    "\\end{align*}\n",
    # \pi a function of the document, [X] of the prose
    "The prior density satisfies $\\pi(0.5) = 0.3$.\n\\begin{align*}\n\\pi(0.5)^2 &= 0.09\n\\end{align*}\n",
    "The prime-counting function gives $\\pi(10) = 4$.\n\\begin{align*}\n\\pi(10) + \\pi(20) &= 12\n\\end{align*}\n",
    "Events $A$ and $B$ are independent.\n\\begin{align*}\nP[AB] &= P[A]P[B]\n\\end{align*}\n",
    "Independent $X$, $Y$.\n\\begin{align*}\nH[X, Y] &= H[X] + H[Y]\n\\end{align*}\n",
    # Greek superscripts that are powers
    "With the rates,\n\\begin{align*}\n(\\sigma_\\theta^{\\alpha})^2 &= \\sigma_\\theta^{2\\alpha}\n\\end{align*}\n",
    "With the rates,\n\\begin{align*}\n\\gamma^{\\tau\\kappa} &= (\\gamma^{\\tau})^{\\kappa}\n\\end{align*}\n",
    # a letter written anew beside its own other mentions
    "Both springs have the same stiffness, $k$.\n\\begin{align*}\nQ &= \\frac{k_1 k_2}{k_1 + k_2} \\\\\n"
    "&= \\frac{k k}{k + k}\n\\end{align*}\n",
    "The strips have width $\\Delta t$, the $j$-th at time $j\\Delta t$.\n\\begin{align*}\n"
    "Q &= \\Delta t\\sum_{j=1}^{m} j\\Delta t \\\\\n&= \\Delta t\\sum_{j=1}^{m} t\n\\end{align*}\n",
])
def test_correct_steps_beside_the_rounds_readings_are_not_refuted(body: str) -> None:
    assert "refuted" not in _statuses(body).values()


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-\lambda} e^{\lambda}", "1"), (r"e^{tz}e^{sz}", r"e^{(t+s)z}"), (r"\ln(e^{2x+1})", "2x + 1"),
    (r"e^{\mu + \sigma^2/2}", r"e^{\mu}e^{\sigma^2/2}"), (r"\alpha^{\beta}\alpha", r"\alpha^{\beta+1}"),
    (r"\rho^{\mu}\rho^{\nu}", r"\rho^{\mu+\nu}"), (r"\pi (0.5)^2 (2)", r"0.5\pi"),
    (r"\frac{K_M + [S]}{V_{\max}[S]}", r"\frac{K_M}{V_{\max}}\frac{1}{[S]} + \frac{1}{V_{\max}}"),
])
def test_correct_steps_in_the_rounds_notation_are_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("rhs", [r"0.5 + 0.25 + 0.125\ldots", r"0.5 + 0.25 + 0.125\cdots", r"1 - 0.5 + 0.25\dots"])
def test_dots_after_the_last_term_of_a_run_are_not_its_digits(rhs: str) -> None:
    assert _status(r"\sum_{k=1}^{\infty} 2^{-k}", rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"-\frac{1}{3}", r"-0.333\ldots", "verified"), (r"\sqrt{2} - 1", r"0.414\ldots", "verified"),
    (r"(1 + 1)^{1/2}", r"1.414\ldots", "verified"), (r"\sqrt{2} - 1", r"0.424\ldots", "refuted"),
])
def test_a_decimal_standing_alone_before_dots_is_still_cut_off(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("sentence, line", [
    ("Under the uniform prior $\\pi$ on $[0, 1]$, whose density is one everywhere,", "\\pi(0.2)^2 &= 1"),
    ("The stationary law $\\pi$ of the chain puts mass one half on each state, so",
     "\\pi(0.5)^2 + \\pi(1.5)^2 &= 0.5"),
    ("The policy $\\pi$ picks each of the two actions with probability one half:", "\\pi(0.1)^2 &= 0.25"),
    ("With the prior $\\pi(\\theta) \\propto 1$ on the unit interval,", "\\pi(0.3)^{2} &= 1"),
])
def test_pi_the_prose_makes_a_function_is_not_the_constant(sentence: str, line: str) -> None:
    body = f"{sentence}\n\\begin{{align*}}\n{line}\n\\end{{align*}}\n"
    assert set(_statuses(body).values()) == {"unverified"}


def test_pi_before_a_decimal_stays_the_constant_in_a_document_about_areas() -> None:
    body = ("The bar has radius $r = 0.01$ m and carries $F = 10000$ N.\n\\begin{align*}\n"
            "\\sigma &= \\frac{4 \\times 10000}{\\pi (0.01)^2} \\\\\n&= 1.273 \\times 10^{7}\n\\end{align*}\n")
    assert list(_statuses(body).values())[-1] == "refuted"
