"""Red team for econometrics notes (OLS in matrix form, projections, GLS, IV): a transpose written on
the bracket after a matrix letter (A(B + C)^\\top), the transpose of an inverse of a product
((BC)^{-\\top}), starred transformed matrices (X^{*\\top}), coefficient vectors in Greek (W\\gamma +
\\varepsilon), fitted values \\hat v defined beside the model's v, and a value stated below a derivation
that the step does not need."""
from __future__ import annotations

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


@pytest.mark.parametrize("lhs, rhs, status", [
    # the mark sits on the closing bracket: only the bracket is transposed
    (r"(W(W^\top W)^{-1}W^\top)^\top", r"W\left((W^\top W)^{-1}\right)^\top W^\top", Status.VERIFIED),
    (r"W((W^\top W)^{-1})^\top W^\top", r"W((W^\top W)^\top)^{-1}W^\top", Status.VERIFIED),
    (r"A(B + C)^\top", r"AB^\top + AC^\top", Status.VERIFIED),
    (r"A(B + C)^\top", r"B^\top A^\top + C^\top A^\top", Status.REFUTED),
    (r"A(BC)^{-\top}", r"AB^{-\top}C^{-\top}", Status.VERIFIED),
    (r"A(BC)^{-\top}", r"AC^{-\top}B^{-\top}", Status.REFUTED),
])
def test_a_transpose_on_the_bracket_after_a_matrix(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("rhs, status", [
    (r"B^{-\top}C^{-\top}", Status.VERIFIED),
    (r"C^{-\top}B^{-\top}", Status.REFUTED),  # read as numbers, the wrong order would pass
])
def test_the_transpose_of_an_inverse_marks_its_letters_as_matrices(rhs: str, status: Status) -> None:
    assert check_step(r"(BC)^{-\top}", rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"(V^{*\top}V^*)^\top", r"V^{*\top}V^*", Status.VERIFIED),
    (r"(V^{*\top}V^* + G)^\top", r"V^{*\top}V^* + G^\top", Status.VERIFIED),
    (r"(V^{*\top}G)^\top", r"V^{*\top}G^\top", Status.REFUTED),
])
def test_a_starred_matrix_transposed_is_read(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"(Z^\top W)^{-1}Z^\top(W\gamma + \varepsilon)", r"\gamma + (Z^\top W)^{-1}Z^\top\varepsilon", Status.VERIFIED),
    (r"(Z^\top W)^{-1}Z^\top(W\gamma + \varepsilon)", r"\gamma - (Z^\top W)^{-1}Z^\top\varepsilon", Status.REFUTED),
    (r"(W^\top W)^{-1}W^\top(Wb + \eta)", r"b + (W^\top W)^{-1}W^\top\eta", Status.VERIFIED),
    (r"(W^\top W)^{-1}W^\top(W\theta + r)", r"2\theta + (W^\top W)^{-1}W^\top r", Status.REFUTED),
])
def test_a_greek_coefficient_vector_after_a_matrix(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_a_greek_scalar_beside_matrices_stays_a_number() -> None:
    # \tau is not after a matrix: a number, so the scalar factor moves freely
    assert check_step(r"\tau^2 (W^\top W)^{-1}W^\top W(W^\top W)^{-1}", r"\tau^2(W^\top W)^{-1}", "=").status \
        is Status.VERIFIED


FITTED = r"""
The model is $v = W\gamma + \varepsilon$ with $W$ of full rank.
\begin{equation}
\hat\gamma = (W^\top W)^{-1}W^\top v .
\end{equation}
Substituting,
\begin{align*}
\hat\gamma &= (W^\top W)^{-1}W^\top(W\gamma + \varepsilon) \\
&= \gamma + (W^\top W)^{-1}W^\top\varepsilon .
\end{align*}
Let $\hat v = W\hat\gamma$ and $\hat e = v - \hat v$. Then
\begin{align*}
\hat e^\top\hat e &= (v - W\hat\gamma)^\top(v - W\hat\gamma) \\
&= v^\top v - 2\hat\gamma^\top W^\top v + \hat\gamma^\top W^\top W\hat\gamma \\
&= v^\top v - \hat\gamma^\top W^\top v .
\end{align*}
"""


def test_fitted_values_defined_with_a_hat_leave_the_model_in_force(tmp_path) -> None:
    # $\hat v = W\hat\gamma$ once replaced the model's v = W\gamma + \varepsilon, and the last row,
    # which holds by the normal equations, was refuted
    statuses = _statuses(tmp_path, FITTED)
    assert statuses[r"v^\top v - \hat\gamma^\top W^\top v"] == "verified"
    assert statuses[r"\gamma + (W^\top W)^{-1}W^\top\varepsilon"] == "verified"


def test_a_slip_after_fitted_values_is_still_refuted(tmp_path) -> None:
    statuses = _statuses(tmp_path, FITTED.replace(r"&= v^\top v - \hat\gamma^\top W^\top v .",
                                                  r"&= v^\top v + \hat\gamma^\top W^\top v ."))
    assert statuses[r"v^\top v + \hat\gamma^\top W^\top v"] == "refuted"


ANNIHILATOR = r"""
Let $A$ be a tall matrix and define $H = A(A^\top A)^{-1}A^\top$ and $R = I - H$.
\begin{align*}
(Rw)^\top(Rw) &= w^\top R^\top R w \\
&= w^\top R w .
\end{align*}
Split $A = [A_1\; A_2]$, so $w = A_1 b_1 + A_2 b_2 + e$.
"""


def test_a_value_stated_below_that_the_step_does_not_need_keeps_it_from_being_refuted(tmp_path) -> None:
    # w's value below (whose shapes do not fit the step) left the rescue by H and R undecided, and the
    # step was refuted; with w left free it holds, a rescue only (unsized matrices are square, so the
    # projection H is then the identity, and holding says too little to verify)
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + ANNIHILATOR + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    (step,) = [s for s in result.steps if s.step.rhs.text.strip() == r"w^\top R w"]
    assert step.verdict.status is Status.UNVERIFIED
    assert "w left free" in step.verdict.reason
    assert not result.findings


def test_e_beside_a_matrix_product_may_be_the_noise_vector() -> None:
    # read as a letter, e is a vector like the other plain letters of X^T(Xb + e)
    from lintmath.check import check_step
    assert check_step(r"W^\top(Wc + e)", r"W^\top W c + W^\top e", "=").status.value == "verified"
    assert check_step(r"W^\top(Wc + e)", r"W^\top W c - W^\top e", "=").status.value == "refuted"
    # e as a power's base stays Euler's number
    assert check_step(r"W^\top(Wc + e^{2})", r"W^\top W c + W^\top e^{2}", "=").status.value != "verified"
