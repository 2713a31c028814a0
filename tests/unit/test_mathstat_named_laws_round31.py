"""Moments under a law the step writes itself: in the subscript of an expectation or a variance
(``\\mathbb{E}_{X \\sim \\mathcal{N}(0, 1)}[X^2] = 1``) or beside its row (``\\quad X \\sim \\mathrm{Poi}(\\lambda)``).
The law's mean, variance, second moment and moment generating function decide the step; a slip is
refuted only where every way of writing the family's parameters refutes it, and the same expectation
under two different laws is no identity."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import distributions
from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}_{Z\sim\mathcal{N}(0,1)}\left[Z^2\right]", "1"),
    (r"\mathbb{E}_{Y \sim \mathcal{N}(m, s^2)}[Y^2]", "m^2 + s^2"),
    (r"\mathbb{E}_{W\sim\mathcal N(0,1)}[e^{uW}]", r"e^{u^2/2}"),
    (r"\mathbb{E}[K]", r"\theta, \quad K\sim\mathrm{Poi}(\theta)"),
    (r"\mathrm{Var}(K)", r"m q(1-q) \quad K \sim \mathrm{Bin}(m,q)"),
    (r"\mathbb{E}[e^{sB}]", r"1 - q + q e^{s} \qquad B\sim\mathrm{Bernoulli}(q)"),
    (r"\mathbb{E}_{K\sim\mathrm{Poi}(3)}[K^2]", "12"),
    (r"\mathbb{E}_{U\sim\mathrm{Unif}[0,2]}[U]", "1"),
    (r"\mathrm{Var}_{U\sim\mathrm{Unif}(c,d)}(U)", r"\frac{(d-c)^2}{12}"),
    (r"\mathbb{E}\left[K\right]", r"\theta \qquad (K\sim\mathrm{Poisson}(\theta))"),
])
def test_a_moment_under_the_law_the_step_writes_is_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}_{Z\sim\mathcal{N}(0,1)}[Z^2]", "0"),
    (r"\mathbb{E}_{Y\sim\mathcal{N}(m,s^2)}[Y^2]", "m^2 - s^2"),
    (r"\mathbb{E}[K]", r"\theta^2 \quad K\sim\mathrm{Poi}(\theta)"),
    (r"\mathrm{Var}(K)", r"mq \quad K\sim\mathrm{Bin}(m,q)"),
    (r"\mathbb{E}_{K\sim\mathrm{Poi}(3)}[K^2]", "9"),
    (r"\mathbb{E}_{U\sim\mathrm{Unif}(c,d)}[U]", r"\frac{d-c}{2}"),
    (r"\mathbb{E}[e^{sY}]", r"e^{m s + v s^2/2} \quad Y\sim\mathcal{N}(m,v^2)"),
])
def test_a_slip_in_a_moment_under_a_written_law_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # N(0, s): the deviation or the variance second; s^2 is right for the one and s for the other
    (r"\mathbb{E}[Y^2]", r"s \quad Y\sim\mathcal{N}(0,s)"),
    (r"\mathbb{E}[Y^2]", r"s^2 \quad Y\sim\mathcal{N}(0,s)"),
    (r"\mathbb{E}_{Y\sim\mathcal{N}(1,4)}[Y^2]", "5"),
    # the exponential law's rate or scale is the notes' own: not read
    (r"\mathbb{E}[T]", r"\frac{1}{\theta} \quad T\sim\mathrm{Exp}(\theta)"),
    # a law of X_i says nothing of a letter i
    (r"\mathbb{E}[\bar X]", r"\theta \quad X_i\sim\mathrm{Poi}(\theta)"),
])
def test_a_law_whose_reading_is_open_decides_nothing(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


def test_the_same_expectation_under_two_laws_is_no_identity() -> None:
    assert _status(r"\mathbb{E}_{X\sim\mathcal{N}(0,1)}[X^2]", r"\mathbb{E}_{X\sim\mathcal{N}(0,2)}[X^2]") == "refuted"
    assert _status(r"\mathbb{E}_{X\sim\mathcal{N}(0,1)}[X]", r"\mathbb{E}_{X\sim\mathcal{N}(1,1)}[X]") != "verified"
    assert _status(r"\mathbb{E}_{X\sim\mathcal{N}(0,1)}[X]", r"\mathbb{E}_{Y\sim\mathcal{N}(0,1)}[Y]") == "verified"


def test_a_law_under_one_side_holds_for_the_letter_on_the_other() -> None:
    assert _status(r"\mathbb{E}_{Z\sim\mathcal{N}(0,1)}\big[Z^2\big]", r"\mathrm{Var}(Z) + (\mathbb{E} Z)^2") == "verified"


def test_written_laws_are_read_with_the_notes_macros() -> None:
    body = ("\\begin{align*}\n\\E_{K\\sim\\Poi(2)}[K] &= 2 \\\\\n\\E[K^2] &= 2 + 4 \\quad K\\sim\\Poi(2) \\\\\n"
            "\\E[K^2] &= 4 \\quad K\\sim\\Poi(2)\n\\end{align*}\n")
    doc = "\\newcommand{\\E}{\\mathbb{E}}\n\\newcommand{\\Poi}{\\mathrm{Poi}}\n" + body
    statuses = [s.verdict.status.value for s in checked_steps(doc)]
    assert statuses == ["verified", "verified", "refuted"]


def test_written_in_reads_subscripts_and_notes() -> None:
    written = distributions.written_in(r"\mathbb{E}_{X\sim\mathcal{N}(0,1)}[X^2]", "1")
    assert written is not None and written[2] == {"X": "normal|0|1"}
    assert distributions.written_in(r"\mathbb{E}_{x\sim p}[f(x)]", r"\sum_x p(x) f(x)") is None
    note = distributions.written_in(r"\mathbb{E}[X]", r"\lambda, \quad \text{where } X\sim\mathrm{Poisson}(\lambda)")
    assert note is not None and note[1] == r"\lambda" and note[3] == {"X": r"poisson|\lambda"}


def _chain(rows: list[str]) -> list[str]:
    body = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    return [s.verdict.status.value for s in checked_steps(body)]


def test_a_law_on_the_chains_head_holds_on_its_later_rows_to_verify_only() -> None:
    rows = [r"\mathbb{E}_{B\sim\mathrm{Ber}(q)}[(B-q)^2] &= \mathbb{E}[B^2] - 2q\mathbb{E}[B] + q^2",
            r"&= q - 2q^2 + q^2", r"&= q(1-q)"]
    assert _chain(rows) == ["verified", "verified", "verified"]
    slipped = [rows[0], r"&= q - q^2 + q^2"]
    # the law of another row may not be this row's: a slip there is left open, not refuted
    assert _chain(slipped) == ["verified", "unverified"]


def test_a_note_on_the_first_row_holds_for_the_rows_below() -> None:
    rows = [r"\mathbb{E}[K^2] &= \mathrm{Var}(K) + \mathbb{E}[K]^2 \quad K\sim\mathrm{Poi}(\theta)",
            r"&= \theta + \theta^2"]
    assert _chain(rows) == ["verified", "verified"]


def test_a_greek_letter_under_a_prior_is_read_as_the_random_letter() -> None:
    assert _status(r"\mathbb{E}_{\theta\sim\mathcal{N}(0, \tau^2)}[\theta^2]", r"\tau^2") == "verified"
    assert _status(r"\mathbb{E}_{\theta\sim\mathcal{N}(0, \tau^2)}[\theta^2]", r"\tau") == "refuted"
