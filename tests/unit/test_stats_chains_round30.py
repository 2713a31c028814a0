"""Statistics chains as Stat 110, Ross and Casella & Berger write them: E with parentheses (E(X^2),
E(XY) - E(X)E(Y)) and E before a letter (EX, E\\hat\\theta) is an expectation where the step shows it is one,
a variance or a covariance beside, an E inside an E, or an E conditioning on a capital. Elsewhere E(x) may
be an energy or a field and stays undecided; a power after E(X - \\mu) or a bare E with a reach that is a
guess (EX^2) leaves the step unread rather than refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro

MACROS = {"\\Var": Macro("\\Var", 0, "\\operatorname{Var}"), "\\Cov": Macro("\\Cov", 0, "\\operatorname{Cov}")}


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=", macros=MACROS).status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\Var(X)", r"E(X^2) - (E(X))^2"),
    (r"\Var(X)", r"E(X^2) - (EX)^2"),
    (r"\Var(X)", r"E(X^2) - E(X)^2"),
    (r"\Cov(X, Y)", r"E(XY) - E(X)E(Y)"),
    (r"\Cov(X, Y)", r"E(XY) - EX\,EY"),
    (r"\Cov(X, Y)", r"E\big((X - E(X))(Y - E(Y))\big)"),
    (r"\Var(aX+b)", r"E((aX + b - aE(X) - b)^2)"),
    (r"E\left((\hat\theta - \theta)^2\right)", r"\Var(\hat\theta) + (E\hat\theta - \theta)^2"),
    (r"E\left[(\hat\theta - \theta)^2\right]", r"\Var(\hat\theta) + (E\hat\theta - \theta)^2"),
    (r"\Var(X+Y)", r"\Var(X) + \Var(Y) + 2(E(XY) - EXEY)"),
    # no Var beside: an E inside an E, or a conditioning on a capital, says what E is
    (r"E\left((X - E(X))^2\right)", r"E(X^2) - 2E(X)E(X) + E(X)^2"),
    (r"E((aX + b - aE(X) - b)^2)", r"a^2 E((X - E(X))^2)"),
    (r"E(aX + b\mid Y)", r"aE(X\mid Y) + b"),
    (r"E(E(X\mid Y))", r"E(X)"),
    (r"E(g(X)h(Y)\mid Y)", r"h(Y)E(g(X)\mid Y)"),
])
def test_an_e_with_parentheses_beside_a_variance_is_an_expectation(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\Var(X)", r"E(X^2) + (E(X))^2"),
    (r"\Var(X)", r"E(X^2) + (EX)^2"),
    (r"\Var(X)", r"E(X^2) - E(X)"),
    (r"\Cov(X, Y)", r"E(XY) + E(X)E(Y)"),
    (r"\Cov(X, Y)", r"E(XY) - EX\,EX"),
    (r"E\left((X - E(X))^2\right)", r"E(X^2) + E(X)^2"),
    (r"E(aX + b\mid Y)", r"aE(X\mid Y) + ab"),
    (r"E\left[(\hat\theta - \theta)^2\right]", r"\Var(\hat\theta) + (E\hat\theta + \theta)^2"),
])
def test_slips_in_such_steps_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # no sign that E is an expectation: an energy E(k), a function E of two letters
    (r"E(X + Y)", r"E(X) + E(Y)"),
    (r"E(\psi\mid\phi)", r"E(\phi)"),
    # E(X - \mu)^2 is E[(X - \mu)^2] in these notes, the square of a mean as parsed
    (r"E(X - \mu)^2", r"E(X^2) - 2\mu E(X) + \mu^2"),
    (r"\Var(X)", r"E(X - \mu)^2"),
    (r"\Var(X)", r"E\big(X - E X\big)^2"),
    # EX^2: E(X^2) or (EX)^2, a guess either way
    (r"\Var(X)", r"EX^2 - (EX)^2"),
])
def test_an_e_whose_reading_is_a_guess_is_never_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs, status", [
    # what worked already stays so: \operatorname-free covariance algebra, numbers, Gaussian integrals
    (r"\Cov(aX + b, cY + d)", r"ac\Cov(X, Y)", "verified"),
    (r"\Cov(aX + b, cY + d)", r"ac\Cov(X, Y) + bd", "refuted"),
    (r"\Var(2X - 3Y)", r"4\Var(X) + 9\Var(Y) + 12\Cov(X,Y)", "refuted"),
    (r"\int_{-\infty}^\infty e^{-x^2}\,dx", r"\sqrt{2\pi}", "refuted"),
    (r"\int_{-\infty}^{\infty} e^{-x^2/2}\,dx", r"\sqrt{2\pi}", "verified"),
    (r"1 - \left(\frac{5}{6}\right)^4", r"\frac{671}{1296}", "verified"),
    (r"\frac{10!}{3!\,7!}", r"720", "refuted"),
])
def test_statistics_steps_that_already_held(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("lhs, rhs", [
    # x-bar beside a sum of the x_i on one side only is their mean, as it is beside sums on both sides
    (r"\frac{1}{n}\sum_{i=1}^n x_i", r"\bar x"),
    (r"\frac{n}{\sum_{i=1}^n x_i}", r"\frac{1}{\bar x}"),
    (r"\sum_{i=1}^n (x_i - \bar x)", r"0"),
    (r"\sum_{i=1}^n (x_i - \mu)^2", r"\sum_{i=1}^n (x_i - \bar x)^2 + n(\bar x - \mu)^2"),
])
def test_x_bar_beside_the_x_i_is_their_mean(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{n}\sum_{i=1}^n x_i", r"2\bar x"),
    (r"\frac{n}{\sum_{i=1}^n x_i}", r"\bar x"),
    (r"\sum_{i=1}^n (x_i - \mu)^2", r"\sum_{i=1}^n (x_i - \bar x)^2 + (\bar x - \mu)^2"),
])
def test_a_slip_with_the_mean_put_in_is_not_verified(lhs: str, rhs: str) -> None:
    # (nor refuted: x-bar may be another quantity the prose defines)
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\prod_{i=1}^n \theta^{x_i}(1-\theta)^{1-x_i}", r"\theta^{\sum x_i}(1-\theta)^{n - \sum x_i}"),
    (r"\prod_{i=1}^n \lambda e^{-\lambda x_i}", r"\lambda^n e^{-\lambda\sum x_i}"),
    (r"\sum_{i=1}^n (x_i - \mu)^2", r"\sum (x_i - \bar x)^2 + n(\bar x - \mu)^2"),
    (r"\frac{\partial}{\partial\lambda}\left(-n\lambda + \sum x_i\log\lambda\right)", r"-n + \frac{\sum x_i}{\lambda}"),
])
def test_a_sum_without_its_index_runs_over_the_one_index_of_its_body(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\prod_{i=1}^n \theta^{x_i}(1-\theta)^{1-x_i}", r"\theta^{\sum x_i}(1-\theta)^{n + \sum x_i}"),
    (r"\prod_{i=1}^n \lambda e^{-\lambda x_i}", r"\lambda e^{-\lambda\sum x_i}"),
    (r"\frac{\partial}{\partial\lambda}\left(-n\lambda + \sum x_i\log\lambda\right)", r"-n + \frac{\sum x_i}{\lambda^2}"),
])
def test_slips_beside_a_sum_without_its_index_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_sum_without_an_index_over_two_indices_is_not_read() -> None:
    verdict = check_step(r"\sum x_i y_j", r"\sum_i x_i \sum_j y_j", "=", macros=MACROS)
    assert verdict.status.value == "unverified" and "without an index" in verdict.reason


PROB = {"\\Prob": Macro("\\Prob", 1, "\\mathbb{P}\\left(#1\\right)"), "\\given": Macro("\\given", 0, "\\,|\\,"),
        "\\Pcond": Macro("\\Pcond", 2, "\\mathbb{P}(#1 \\mid #2)")}


@pytest.mark.parametrize("lhs, rhs", [
    # an argument the macro's body sets alone between brackets goes in without a group, as TeX puts it:
    # the conditioning bar and the event's relation stay the bracket's
    (r"\Prob{A \given B}", r"\frac{\Prob{A \cap B}}{\Prob{B}}"),
    (r"\Pcond{A}{B}", r"\frac{\Prob{A \cap B}}{\Prob{B}}"),
    (r"\Prob{X \le 3} + \Prob{X = 4}", r"\Prob{X = 4} + \Prob{X \le 3}"),
])
def test_a_macro_argument_between_brackets_is_read_as_written(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=", macros=PROB).status.value == "verified"


def test_an_event_a_macro_writes_is_named_by_its_own_tokens() -> None:
    verdict = check_step(r"\Prob{X > 3}", r"\Prob{X \le 3}", "=", macros=PROB)
    assert verdict.status.value == "unverified"
    assert "\\mathbb" not in verdict.reason


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\mathbb{E}[X^2] - 2\mathbb{E} X\,\mathbb{E} Y", r"\mathbb{E}[X^2] - 2\mathbb{E}[X]\mathbb{E}[Y]", "verified"),
    (r"\mathbb{E}[XY] - \mathbb{E} X\mathbb{E} Y", r"\operatorname{Cov}(X, Y)", "verified"),
    (r"\mathbb{E}[\bar X^2]", r"\operatorname{Var}(\bar X) + (\mathbb{E}\bar X)^2", "verified"),
    (r"\mathbb{E}[(\hat\theta - \theta)^2]", r"\operatorname{Var}(\hat\theta) + (\mathbb{E}\hat\theta - \theta)^2",
     "verified"),
    (r"\mathbb{E}[\bar X^2]", r"\operatorname{Var}(\bar X) - (\mathbb{E}\bar X)^2", "refuted"),
    # E \bar X^2: E of the square or the square of E, a guess
    (r"\mathbb{E}\bar X^2", r"1", "unverified"),
])
def test_a_bare_expectation_of_a_marked_letter_or_before_another(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status
