"""Red team for false alarms in analysis-of-algorithms notes: a recurrence unrolled to its closed
form, whose counts drawn at two values only let a quadratic slip agree with a sum; an inequality that
holds under a bound the prose states between letters (``$q \\le p$``); constants and load factors given
through the document's own macros ("Let $\\gr = \\frac{1+\\sqrt5}{2}$", "$\\lf = n/m$"); and a step whose
definitions put in have no real value at the real points sampled (Binet's formula at real n)."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import ContextItem
from lintmath.model import Status


def _statuses(tmp_path, body: str, preamble: str = "") -> dict[str, str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s.verdict.status.value for s in result.steps}


@pytest.mark.parametrize("lhs, rhs", [
    # an unrolled recurrence jumping to its closed form: true by the recurrence, not by algebra
    (r"W(m-3) + (m-2) + (m-1) + m", r"W(0) + \sum_{j=1}^{m} j"),
    (r"W(m-2) + (m-1) + m", r"W(0) + \sum_{j=1}^{m} j"),
])
def test_an_unrolled_recurrence_is_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # 3m - 3 and m(m+1)/2 agree at m = 2 and m = 3: two counts alone "verified" these
    (r"W(m-3) + (m-2) + (m-1) + m", r"W(m-3) + W(0) + \sum_{j=1}^{m} j"),
    (r"\sum_{j=1}^{m} j", r"3m - 3"),
    (r"\sum_{j=1}^{m} j^2", r"\frac{m(5m - 7)}{2} + 1"),
])
def test_a_quadratic_that_meets_a_sum_at_two_counts_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{j=1}^{m} j", r"\frac{m(m+1)}{2}"),
    (r"\sum_{j=1}^{m}\sum_{l=j}^{m} 1", r"\frac{m(m+1)}{2}"),
    (r"\sum_{j=0}^{m} 3^j", r"\frac{3^{m+1} - 1}{2}"),
])
def test_sums_of_counts_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_an_inequality_under_a_bound_stated_in_the_prose_is_not_refuted(tmp_path) -> None:
    body = r"""Of the $s$ pushes, $t \le s$ elements are popped again, so the work is
\begin{equation*}
s + t \le 2s .
\end{equation*}
Without a bound on $v$, however,
\begin{equation*}
u + v \le 2u .
\end{equation*}"""
    statuses = _statuses(tmp_path, body)
    assert statuses["2s"] == "unverified"
    assert statuses["2u"] == "refuted"


def test_a_polynomial_bound_for_large_arguments_is_not_refuted(tmp_path) -> None:
    body = r"""For $m \ge 1$ every power of $m$ is at most $m^3$, so
\begin{align*}
4m^3 + m + 7 &\le 4m^3 + m^3 + 7m^3 \\
&= 12m^3 .
\end{align*}"""
    statuses = _statuses(tmp_path, body)
    assert statuses[r"4m^3 + m^3 + 7m^3"] == "unverified"
    assert statuses[r"12m^3"] == "verified"


def test_a_bound_the_sampled_points_meet_still_refutes_a_wrong_inequality() -> None:
    assume = ContextItem("assume", "", "t", "<=", "s", "t.tex:1", 1)
    assert check_step(r"s + t", r"2t", "<=", context=(assume,)).status is Status.REFUTED


PREAMBLE = r"""\newcommand{\gr}{\varphi}
\newcommand{\cgr}{\psi}
\newcommand{\lf}{\alpha}
\newcommand{\rr}{\rho}
"""


def test_constants_declared_inline_through_macros_rescue_their_steps(tmp_path) -> None:
    body = r"""Let $\gr = \frac{1 + \sqrt5}{2}$ and $\cgr = \frac{1 - \sqrt5}{2}$. Then
\begin{align*}
(1 - \gr z)(1 - \cgr z) &= 1 - (\gr + \cgr)z + \gr\cgr z^2 \\
&= 1 - z - z^2 .
\end{align*}"""
    statuses = _statuses(tmp_path, body, PREAMBLE)
    assert statuses[r"1 - (\gr + \cgr)z + \gr\cgr z^2"] == "verified"
    assert statuses[r"1 - z - z^2"] != "refuted"


def test_a_case_taken_through_a_macro_still_rescues_nothing(tmp_path) -> None:
    body = r"""With $\rr = 1$ the two goods are perfect substitutes.
\begin{align*}
\frac{(1-b)L^{\rr-1}}{bK^{\rr-1}} &= \frac{1-b}{b}\left(\frac{K}{L}\right)^{\rr - 1}
\end{align*}"""
    assert _statuses(tmp_path, body, PREAMBLE)[r"\frac{1-b}{b}\left(\frac{K}{L}\right)^{\rr - 1}"] == "refuted"


def test_a_load_factor_given_inline_through_a_macro_verifies(tmp_path) -> None:
    body = r"""With load factor $\lf = r/s$, a successful search probes
\begin{align*}
1 + \frac{r-1}{2s} &= 1 + \frac{\lf}{2} - \frac{\lf}{2r} .
\end{align*}"""
    assert _statuses(tmp_path, body, PREAMBLE)[r"1 + \frac{\lf}{2} - \frac{\lf}{2r}"] == "verified"


def test_definitions_without_a_real_value_at_the_sampled_points_claim_nothing() -> None:
    # Binet: with psi < 0 put in, psi^{k+1} has no real value at a real k; as free letters it fails
    items = tuple(ContextItem("result", name, name, "=", value, "t.tex:1", 1, prose=True, path="t.tex")
                  for name, value in ((r"\varphi", r"\frac{1 + \sqrt5}{2}"), (r"\psi", r"\frac{1 - \sqrt5}{2}")))
    lhs = r"\frac{1}{\sqrt5}\left(\frac{\varphi^{k+1} - 1}{\varphi - 1} - \frac{\psi^{k+1} - 1}{\psi - 1}\right)"
    rhs = r"\frac{\varphi^{k+2} - \psi^{k+2}}{\sqrt5} - 1"
    assert check_step(lhs, rhs, "=").status is Status.REFUTED  # free letters: no identity
    assert check_step(lhs, rhs, "=", context=items).status is Status.UNVERIFIED
