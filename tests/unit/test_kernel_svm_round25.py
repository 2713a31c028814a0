"""Kernel methods and SVM notes: conditions a display states for the passage below it (a stationarity
row set to zero, a constraint after "subject to"), which the dual's derivation substitutes, and the
Lagrangian's ``\\beta_j[t_j(u^T z_j + c) - 1]`` as a multiplier times its bracket, not a sequence."""
from __future__ import annotations

import pytest

from documents import checked_steps
from lintmath.check import check_step
from lintmath.context import displayed_conditions
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.parse.tokens import macro_table


def _verdicts(body: str) -> dict[tuple[str, str], tuple[Status, str]]:
    return {(s.step.lhs.stripped.strip(), s.step.rhs.stripped.strip()): (s.verdict.status, s.verdict.reason)
            for s in checked_steps(body)}


# the dual of a margin classifier in letters of our own: multipliers \beta_j, labels t_j, offset c
_STATIONARY = r"""
Setting the derivatives of the Lagrangian to zero,
\begin{align}
\nabla_{\mathbf{u}} \mathcal{L} &= \mathbf{u} - \sum_{j} \beta_j t_j \mathbf{z}_j = 0, \\
\frac{\partial \mathcal{L}}{\partial c} &= -\sum_{j} \beta_j t_j = 0 .
\end{align}
"""

_IMPLIED = r"""
Setting the derivatives of the Lagrangian to zero,
\begin{align*}
\frac{\partial \mathcal{L}}{\partial c} &= 0 \;\Rightarrow\; \sum_{j} \beta_j t_j = 0 .
\end{align*}
"""

_SUBJECT_TO = r"""
The dual problem reads
\begin{align*}
\max_{\boldsymbol\beta}\ & \sum_j \beta_j - \frac12\sum_{j,l}\beta_j\beta_l t_j t_l \kappa(\mathbf{z}_j, \mathbf{z}_l) \\
\text{subject to}\ & \sum_j \beta_j t_j = 0,\quad 0 \le \beta_j \le C .
\end{align*}
"""

_DROP_OFFSET = r"""
Substituting back, the offset drops out:
\begin{align*}
G &= \sum_j \beta_j - c\sum_j \beta_j t_j + q \\
&= \sum_j \beta_j + q .
\end{align*}
"""


@pytest.mark.parametrize("conditions", [_STATIONARY, _IMPLIED, _SUBJECT_TO])
def test_a_displayed_condition_keeps_its_substitution_from_being_refuted(conditions: str) -> None:
    status, reason = _verdicts(conditions + _DROP_OFFSET)[(r"\sum_j \beta_j - c\sum_j \beta_j t_j + q",
                                                          r"\sum_j \beta_j + q")]
    assert status is Status.UNVERIFIED
    assert "relation" in reason and r"\beta_j t_j" in reason


def test_without_the_condition_the_dropped_term_is_refuted() -> None:
    status, _ = _verdicts(_DROP_OFFSET)[(r"\sum_j \beta_j - c\sum_j \beta_j t_j + q", r"\sum_j \beta_j + q")]
    assert status is Status.REFUTED


def test_a_slip_the_condition_does_not_explain_is_still_refuted() -> None:
    slip = r"""
Substituting back,
\begin{align*}
H &= \sum_j \beta_j - c\sum_j \beta_j t_j + q \\
&= 2\sum_j \beta_j - c\sum_j \beta_j t_j + q .
\end{align*}
"""
    status, _ = _verdicts(_STATIONARY + slip)[(r"\sum_j \beta_j - c\sum_j \beta_j t_j + q",
                                               r"2\sum_j \beta_j - c\sum_j \beta_j t_j + q")]
    assert status is Status.REFUTED


def _conditions(body: str) -> list:
    doc = extract_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n", "t.tex")
    return displayed_conditions(doc, macro_table(doc.macros))


def test_a_condition_holds_from_the_row_below_its_own() -> None:
    # a row that derives the condition must not be excused by it: a slip on that row stays an error
    items = {(c.lhs, c.rhs): c for c in _conditions(_STATIONARY)}
    item = items[(r"-\sum_{j} \beta_j t_j", "0")]
    assert item.line == int(item.where.rsplit(":", 1)[1]) + 1


@pytest.mark.parametrize("row, expected", [
    # an index range after "s.t." is no constraint: i = 1 would rescue any step in i
    (r"\min_{\mathbf{u}, c}\ \frac12\|\mathbf{u}\|^2 \quad\text{s.t.}\quad t_i(\mathbf{u}^\top\mathbf{z}_i + c) \ge 1,"
     r"\ i = 1,\dots,n.", set()),
    (r"\max_{\mathbf{a}}\ \mathbf{a}^\top\mathbf{r} \quad\text{subject to}\quad \mathbf{1}^\top\mathbf{a} = 1, \ a_i \ge 0",
     {(r"\mathbf{1}^\top\mathbf{a}", "1")}),
    (r"\min_{\mathbf{p}} \ \mathbf{p}^\top\mathbf{S}\mathbf{p} \quad \mathrm{s.t.} \ \mathbf{p}^\top\mathbf{m} = \rho .",
     {(r"\mathbf{p}^\top\mathbf{m}", r"\rho")}),
])
def test_constraints_after_subject_to(row: str, expected: set) -> None:
    found = {(c.lhs, c.rhs) for c in _conditions("\\[\n" + row + "\n\\]")}
    assert found == expected


def test_a_relation_the_step_writes_is_tried_before_nearer_ones() -> None:
    # three relations in the prose between the constraint and the step share its letters; the
    # constraint, written as it stands in the step, is still the one tried
    body = _SUBJECT_TO + r"""
Complementary slackness gives $\beta_j\left[t_j(\mathbf{u}^\top\mathbf{z}_j + c) - 1\right] = 0$, so for a
support vector $t_s(\mathbf{u}^\top\mathbf{z}_s + c) = 1$, and since $t_s^2 = 1$ also
$c = t_s - \mathbf{u}^\top\mathbf{z}_s$.
""" + _DROP_OFFSET
    status, reason = _verdicts(body)[(r"\sum_j \beta_j - c\sum_j \beta_j t_j + q", r"\sum_j \beta_j + q")]
    assert status is Status.UNVERIFIED
    assert r"\sum_j \beta_j t_j = 0" in reason


@pytest.mark.parametrize("lhs, rhs, status", [
    # a multiplier times the bracket of its constraint: the multiplier is written alone on the right
    (r"\beta_j\left[t_j(\mathbf{u}^\top\mathbf{z}_j + c) - 1\right]",
     r"\beta_j t_j\mathbf{u}^\top\mathbf{z}_j + \beta_j t_j c - \beta_j", Status.VERIFIED),
    (r"\beta_j\left[t_j(\mathbf{u}^\top\mathbf{z}_j + c) - 1\right]",
     r"\beta_j t_j\mathbf{u}^\top\mathbf{z}_j - \beta_j t_j c - \beta_j", Status.REFUTED),
    (r"\beta_j[t_j c - 1 + \zeta_j]", r"\beta_j t_j c + \beta_j - \beta_j\zeta_j", Status.REFUTED),
    (r"\beta_j[t_j c - 1 + \zeta_j]", r"\beta_j t_j c - \beta_j + \beta_j\zeta_j", Status.VERIFIED),
    # a sequence's index stays an index: h_2[n - m] is the term at n - m, not h_2 times it
    (r"h_2[n - m]", r"h_2 n - h_2 m", Status.UNVERIFIED),
    (r"h_2[n - m] + h_2", r"h_2 n - h_2 m + h_2", Status.UNVERIFIED),
])
def test_multiplier_before_a_square_bracket(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_lagrangian_sign_slip_is_diagnosed() -> None:
    body = r"""
\begin{align*}
\mathcal{L} &= \frac12\mathbf{u}^\top\mathbf{u} - \sum_j\beta_j\left[t_j(\mathbf{u}^\top\mathbf{z}_j + c) - 1\right] \\
&= \frac12\mathbf{u}^\top\mathbf{u} - \sum_j\beta_j t_j\mathbf{u}^\top\mathbf{z}_j + c\sum_j\beta_j t_j + \sum_j\beta_j .
\end{align*}
"""
    steps = checked_steps(body)
    refuted = [s for s in steps if s.verdict.status is Status.REFUTED]
    assert len(refuted) == 1 and refuted[0].step.rhs.stripped.strip().startswith(r"\frac12\mathbf{u}^\top\mathbf{u} -")
