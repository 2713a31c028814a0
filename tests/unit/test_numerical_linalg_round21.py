"""Red team of numerical linear algebra notes (round 21): a reflector applied to a vector orthogonal
to its normal (the term with the inner product in a bracket or a numerator drops only by the prose's
orthogonality), an SVD written out in one product (U^T U and V^T V both taken as I), a projector's
idempotence derived in a display and then used, and a rank-one pseudo-inverse whose bracket of an
inner product scales a vector rather than applying it."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text

V, R, U = "verified", "refuted", "unverified"


def _statuses(body: str) -> list[tuple[str, str, str]]:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return [(s.step.lhs.stripped, s.step.rhs.stripped, s.verdict.status.value)
            for s in check_text(text, "nla.tex", Config(jobs=0)).steps]


@pytest.mark.parametrize("lhs, rhs", [
    # the Householder reflector fixes a vector orthogonal to its normal: v^T y = 0 is the prose's word
    (r"\mathbf{y} - \frac{2\mathbf{n}(\mathbf{n}^T\mathbf{y})}{\mathbf{n}^T\mathbf{n}}", r"\mathbf{y}"),
    (r"\mathbf{y} - 2\mathbf{n}(\mathbf{n}^T\mathbf{y})", r"\mathbf{y}"),
    (r"\mathbf{y} - \mathbf{n}\frac{2\mathbf{n}^T\mathbf{y}}{\mathbf{n}^T\mathbf{n}}", r"\mathbf{y}"),
    # an SVD product: both orthogonal factors cancel in one step
    (r"W D Z^T Z D^+ W^T W D Z^T", r"W D D^+ D Z^T"),
    (r"Z D^T W^T W D Z^T", r"Z D^T D Z^T"),
])
def test_steps_that_rest_on_orthogonality_are_not_errors(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U
    assert "prose would say" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # a reflector slip: the factor 2 lost while the right side still writes the inner product
    (r"\mathbf{y} - 2\mathbf{n}(\mathbf{n}^T\mathbf{y})", r"\mathbf{y} - \mathbf{n}(\mathbf{n}^T\mathbf{y})"),
    # an SVD slip that no orthogonality repairs: a factor written twice
    (r"W D Z^T Z E W^T W D Z^T", r"W D E E Z^T"),
    (r"(\mathbf{a} + \mathbf{b})^T(\mathbf{a} + \mathbf{b})",
     r"\mathbf{a}^T\mathbf{a} + \mathbf{a}^T\mathbf{b} + \mathbf{b}^T\mathbf{b}"),
])
def test_slips_beside_those_readings_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == R


def test_idempotence_derived_in_a_display_rescues_its_use() -> None:
    steps = _statuses(r"""
The projector onto the columns of $M$ is $S = MM^T$ when $M^TM = I$:
\begin{align*}
S^2 &= MM^TMM^T = M(M^TM)M^T = MM^T = S.
\end{align*}
Hence the complement is a projector too:
\begin{align*}
(I - S)^2 &= I - 2S + S^2 \\
          &= I - 2S + S \\
          &= I - S.
\end{align*}
""")
    verdicts = {(lhs, rhs): status for lhs, rhs, status in steps}
    assert verdicts[("I - 2S + S^2", "I - 2S + S")] == U
    assert verdicts[("(I - S)^2", "I - 2S + S^2")] == V
    assert verdicts[("I - 2S + S", "I - S")] == V


def test_a_property_derived_for_one_letter_does_not_cover_another() -> None:
    steps = _statuses(r"""
\begin{align*}
S^2 &= MM^TMM^T = M(M^TM)M^T = MM^T = S.
\end{align*}
\begin{align*}
(I + B)^2 &= I + 2B + B^2 \\
          &= I + 2B + B.
\end{align*}
""")
    verdicts = {(lhs, rhs): status for lhs, rhs, status in steps}
    assert verdicts[("I + 2B + B^2", "I + 2B + B")] == R


def test_a_chain_between_expressions_states_no_property() -> None:
    # (I - S)^2 = ... = I - S is a derivation about an expression, not a rule later lines may apply
    steps = _statuses(r"""
\begin{align*}
(I - S)^2 &= I - 2S + S^2 = I - S.
\end{align*}
\begin{align*}
(I - S)^3 &= (I - S)^2(I - S) \\
          &= I - S.
\end{align*}
""")
    verdicts = {(lhs, rhs): status for lhs, rhs, status in steps}
    assert verdicts[("(I - S)^2(I - S)", "I - S")] == R


@pytest.mark.parametrize("lhs, rhs, expected", [
    # the pseudo-inverse of a rank-one matrix: u(v^T v) scales u, it does not apply it
    (r"\frac{\mathbf{u}(\mathbf{v}^T\mathbf{v})(\mathbf{u}^T\mathbf{u})\mathbf{v}^T}{\|\mathbf{u}\|_2^2\,\|\mathbf{v}\|_2^2}",
     r"\mathbf{u}\mathbf{v}^T", V),
    # a norm of a function applied to a point is still not read
    (r"\|g\|_1", r"\int_0^1 |g(t)|\,dt", U),
])
def test_bracketed_inner_product_after_a_normed_vector(lhs: str, rhs: str, expected: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == expected
