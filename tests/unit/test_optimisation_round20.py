"""Optimisation and learning-theory notes, which chain inequalities as much as equalities: convex
combinations (Jensen, the definition of convexity, Hoelder with weights) hold for weights in (0, 1)
only; a bound that rests on a definition in force (Q = max(...)) is no error; and a capital used as a
count (w_{T+1}, a horizon T in a denominator) is a number, not a matrix beside the step's vectors."""
import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.model import Status


def _statuses(tmp_path, body: str) -> dict[str, str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s.verdict.status.value for s in result.steps}


@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"e^{s u + (1 - s)v}", r"s e^{u} + (1 - s)e^{v}", "<="),
    (r"(s u + (1 - s)v)^2", r"s u^2 + (1 - s)v^2", "<="),
    (r"\log(\theta p + (1 - \theta)q)", r"\theta\log p + (1 - \theta)\log q", ">="),
    (r"\sum_k \left(e^{u_k}\right)^{\theta}\left(e^{v_k}\right)^{1-\theta}",
     r"\left(\sum_k e^{u_k}\right)^{\theta}\left(\sum_k e^{v_k}\right)^{1-\theta}", "<="),
])
def test_a_convex_combination_inequality_is_not_refuted_outside_its_weights(lhs: str, rhs: str,
                                                                            relation: str) -> None:
    verdict = check_step(lhs, rhs, relation)
    assert verdict.status is Status.UNVERIFIED
    assert "(0, 1)" in verdict.reason


@pytest.mark.parametrize("lhs, rhs, relation", [
    # a variable swapped: fails with the weight in (0, 1) too
    (r"e^{s u + (1 - s)v}", r"s e^{u} + (1 - s)e^{u}", "<="),
    # the inequality turned round: fails for every weight strictly between 0 and 1
    (r"(s u + (1 - s)v)^2", r"s u^2 + (1 - s)v^2", ">="),
    # no complement written: nothing makes s a weight
    (r"u + s", r"2u", "<="),
])
def test_a_wrong_inequality_is_still_refuted(lhs: str, rhs: str, relation: str) -> None:
    assert check_step(lhs, rhs, relation).status is Status.REFUTED


def test_an_inequality_that_holds_by_a_definition_in_force_is_not_refuted(tmp_path) -> None:
    body = r"""Put $B = \max\left(r_1, \frac{c^2}{m^2}\right)$, so that in the induction step
\begin{align*}
\frac{B}{k} + \frac{c^2}{m^2 k^2} &\le \frac{B}{k} + \frac{B}{k^2} .
\end{align*}
Without a definition of $H$, however,
\begin{align*}
\frac{H}{k} + \frac{c^2}{m^2 k^2} &\le \frac{H}{k} + \frac{H}{k^2} .
\end{align*}"""
    statuses = _statuses(tmp_path, body)
    assert statuses[r"\frac{B}{k} + \frac{B}{k^2}"] == "unverified"
    assert statuses[r"\frac{H}{k} + \frac{H}{k^2}"] == "refuted"


def test_a_definition_does_not_rescue_an_inequality_it_does_not_make_hold(tmp_path) -> None:
    body = r"""Put $B = \frac{c^2}{2m^2}$. Then
\begin{align*}
\frac{B}{k} + \frac{c^2}{m^2 k^2} &\le \frac{B}{k} + \frac{B}{k^2} .
\end{align*}"""
    assert _statuses(tmp_path, body)[r"\frac{B}{k} + \frac{B}{k^2}"] == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\|v_1 - z\|^2 - \|v_{K+1} - z\|^2 + \|v_{K+1} - z\|^2", r"\|v_1 - z\|^2", Status.VERIFIED),
    (r"\|v_1 - z\|^2 - \|v_{K+1} - z\|^2 + \|v_{K+1} - z\|^2", r"2\|v_1 - z\|^2", Status.REFUTED),
    (r"\frac{\|y_0 - z\|^2}{4K} + \frac{\|y_0 - z\|^2}{4K}", r"\frac{\|y_0 - z\|^2}{2K}", Status.VERIFIED),
    (r"\frac{\|y_0 - z\|^2}{4K} + \frac{\|y_0 - z\|^2}{4K}", r"\frac{\|y_0 - z\|^2}{4K}", Status.REFUTED),
])
def test_a_capital_used_as_a_count_is_a_number_beside_vectors(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_a_capital_beside_vectors_elsewhere_is_still_a_matrix() -> None:
    # A x with x a vector: A stays a matrix (A x = x A would hold of numbers)
    assert check_step(r"\mathbf{A}\mathbf{x} + \mathbf{b}", r"\mathbf{b} + \mathbf{A}\mathbf{x}", "=").status \
        is Status.VERIFIED
    assert check_step(r"A\mathbf{x}", r"\mathbf{x}^T A", "=").status is not Status.VERIFIED
