"""Red team for false alarms in economics, econometrics and operations research notes: the sized
identity I_n beside matrices, the zero mean of a random noise vector that a step drops, and a
displayed definition of an estimator written through the document's own macro (\\bh)."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.model import Status

ANNIHILATOR = r"(I_n - Z(Z^\top Z)^{-1}Z^\top)"


def _statuses(tmp_path, body: str, preamble: str = "") -> dict[str, str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s.verdict.status.value for s in result.steps}


@pytest.mark.parametrize("lhs, rhs", [
    (ANNIHILATOR + ANNIHILATOR, r"I_n - 2Z(Z^\top Z)^{-1}Z^\top + Z(Z^\top Z)^{-1}Z^\top Z(Z^\top Z)^{-1}Z^\top"),
    (r"(I_k - A)(I_k + A)", r"I_k - A^2"),
    (r"B^\top I_m B", r"B^\top B"),
])
def test_an_identity_sized_by_a_letter_beside_matrices_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (ANNIHILATOR + ANNIHILATOR, r"I_n - Z(Z^\top Z)^{-1}Z^\top Z"),
    (r"(I_k - A)(I_k + A)", r"I_k + A^2"),
    (r"(I_n - P)(I_n - P)", r"I_n + P^2"),
])
def test_a_slip_beside_a_sized_identity_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_current_with_a_letter_index_stays_a_number() -> None:
    # no matrix in the step: I_n is a current (or any number), read as before
    assert check_step(r"R I_n + R I_n", r"2 R I_n", "=").status is Status.VERIFIED
    assert check_step(r"R I_n + R I_n", r"3 R I_n", "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs", [
    r"\boldsymbol\beta + (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top\mathbb{E}[\mathbf{u} \mid \mathbf{X}]",
    r"\boldsymbol\beta + (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top\mathbb{E}[\mathbf{e}]",
    r"\mathbb{E}[\mathbf{a} + \boldsymbol\varepsilon]",
])
def test_a_noise_vector_whose_mean_the_prose_gives_is_not_refuted(lhs: str) -> None:
    # E[u | X] = 0 is the model's assumption, stated in the prose: dropping the term rests on it
    rhs = r"\mathbf{a}" if "mathbf{a}" in lhs else r"\boldsymbol\beta"
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_a_slip_that_keeps_the_noise_vector_is_still_refuted() -> None:
    lhs = r"\mathbb{E}[\mathbf{A}\mathbf{x} + \mathbf{u}]"
    assert check_step(lhs, r"\mathbf{A}\mathbb{E}[\mathbf{x}] + \mathbb{E}[\mathbf{u}]", "=").status is Status.VERIFIED
    assert check_step(lhs, r"2\mathbf{A}\mathbb{E}[\mathbf{x}] + \mathbb{E}[\mathbf{u}]", "=").status is Status.REFUTED


PREAMBLE = "\\newcommand{\\bh}{\\hat{\\boldsymbol\\beta}}\n\\newcommand{\\y}{\\mathbf{y}}\n" \
           "\\newcommand{\\X}{\\mathbf{X}}\n\\newcommand{\\rr}{\\rho}\n"


def test_an_estimator_defined_through_a_macro_is_substituted(tmp_path) -> None:
    body = r"""\begin{align*}
\bh &= (\X^\top\X)^{-1}\X^\top\y
\end{align*}
\begin{align*}
(\y - \X\bh)^{\top}(\y - \X\bh) &= \y^{\top}\y - \bh^{\top}\X^{\top}\y
\end{align*}"""
    assert _statuses(tmp_path, body, PREAMBLE)[r"\y^{\top}\y - \bh^{\top}\X^{\top}\y"] == "verified"


def test_a_slip_with_the_macro_estimator_is_still_refuted(tmp_path) -> None:
    body = r"""\begin{align*}
\bh &= (\X^\top\X)^{-1}\X^\top\y
\end{align*}
\begin{align*}
(\y - \X\bh)^{\top}(\y - \X\bh) &= \y^{\top}\y + \bh^{\top}\X^{\top}\y
\end{align*}"""
    assert _statuses(tmp_path, body, PREAMBLE)[r"\y^{\top}\y + \bh^{\top}\X^{\top}\y"] == "refuted"


def test_an_inline_value_through_a_macro_rescues_nothing(tmp_path) -> None:
    # "with $\rr = 1$" is a value at a point: it must not excuse a wrong exponent elsewhere
    body = r"""With $\rr = 1$ the goods are perfect substitutes.
\begin{align*}
\frac{(1-a)L^{\rr-1}}{aK^{\rr-1}} &= \frac{1-a}{a}\left(\frac{K}{L}\right)^{\rr - 1}
\end{align*}"""
    assert _statuses(tmp_path, body, PREAMBLE)[r"\frac{1-a}{a}\left(\frac{K}{L}\right)^{\rr - 1}"] == "refuted"


def test_a_cross_term_of_a_weighted_quadratic_form_with_primes_is_not_refuted() -> None:
    # b'Wa = a'Wb for the symmetric weight matrix the prose gives: as with ^\top, it holds in a reading
    lhs = r"a'Wa + a'Wb + b'Wa + b'Wb"
    assert check_step(lhs, r"a'Wa + 2a'Wb + b'Wb", "=").status is Status.UNVERIFIED
    assert check_step(lhs, r"a'Wa + 3a'Wb + b'Wb", "=").status is Status.REFUTED
