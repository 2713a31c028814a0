"""Probability proofs and exercises: Euler's number raised to a compound exponent (e^{-\\lambda}, e^{t^2/2},
e^{tz}) is never read as a letter e, so a slip beside a limit or an integral worked out is decided; a
covariance's lost twin (Var(X + Y) = Var X + Var Y + Cov(X, Y)) is diagnosed as the factor 2 lecturers
write, not as a Cov(Y, X) put back. The rest pins what already works in the field: generating functions,
moments from derivatives at zero, order statistics, inclusion-exclusion, Bayes, and their slips."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# --- e to a compound exponent is Euler's number -------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    # the Poisson limit of the binomial with k for k!
    (r"\lim_{n\to\infty} \binom{n}{k} \left(\frac{\lambda}{n}\right)^k \left(1 - \frac{\lambda}{n}\right)^{n-k}",
     r"\frac{\lambda^k e^{-\lambda}}{k}"),
    # completing the square in the normal MGF with e^{t^2} for e^{t^2/2}
    (r"\int_{-\infty}^{\infty} e^{tz} \frac{1}{\sqrt{2\pi}} e^{-z^2/2} \, dz",
     r"e^{t^2} \int_{-\infty}^{\infty} \frac{1}{\sqrt{2\pi}} e^{-(z-t)^2/2} \, dz"),
    (r"\int_{-\infty}^{\infty} \frac{1}{\sqrt{2\pi}} e^{sx - x^2/2} \, dx", r"e^{s^2}"),
])
def test_a_slip_beside_a_side_free_of_e_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\lim_{n\to\infty} \binom{n}{k} \left(\frac{\lambda}{n}\right)^k \left(1 - \frac{\lambda}{n}\right)^{n-k}",
     r"\frac{\lambda^k e^{-\lambda}}{k!}"),
    (r"\int_{-\infty}^{\infty} \frac{1}{\sqrt{2\pi}} e^{sx - x^2/2} \, dx", r"e^{s^2/2}"),
    (r"\frac{e^{-\lambda(s+t)}}{e^{-\lambda s}}", r"e^{-\lambda t}"),
    (r"e^{\lambda_1(e^t - 1)} e^{\lambda_2 (e^t - 1)}", r"e^{(\lambda_1 + \lambda_2)(e^t - 1)}"),
])
def test_the_correct_steps_still_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # e to a lone letter or a number may be a letter's power (a basis vector e^{\mu}, an eccentricity
    # squared): the reading of e as a letter stays, and the step stays undecided
    (r"\lim_{n \to \infty} \left(1 - \frac{\lambda}{n}\right)^{n}", r"e^{\lambda}"),
    (r"\sqrt{(1 - e)^2}", r"1 - e"),
])
def test_e_to_a_lone_letter_or_number_keeps_its_letter_reading(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "refuted"


# --- the lost twin of a covariance is a factor 2 -------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, suggestion", [
    (r"\operatorname{Var}(X + Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y) + \operatorname{Cov}(X, Y)",
     r"\operatorname{Var}(X) + \operatorname{Var}(Y) + 2\operatorname{Cov}(X, Y)"),
    (r"\operatorname{Var}(X - Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y) - \operatorname{Cov}(X,Y)",
     r"\operatorname{Var}(X) + \operatorname{Var}(Y) - 2\operatorname{Cov}(X,Y)"),
    (r"\operatorname{Var}(2X + 3Y)", r"4\operatorname{Var}(X) + 9\operatorname{Var}(Y) + 6\operatorname{Cov}(X,Y)",
     r"4\operatorname{Var}(X) + 9\operatorname{Var}(Y) + 12\operatorname{Cov}(X,Y)"),
    (r"\operatorname{Cov}(X+Y, X+Y)", r"\operatorname{Cov}(X,X) + \operatorname{Cov}(X,Y) + \operatorname{Cov}(Y,Y)",
     r"\operatorname{Cov}(X,X) + 2\operatorname{Cov}(X,Y) + \operatorname{Cov}(Y,Y)"),
])
def test_a_covariance_missing_its_factor_two_is_diagnosed_so(lhs: str, rhs: str, suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis.kind == "constant_factor"
    assert verdict.diagnosis.suggestion == suggestion
    assert "missing a factor of 2" in verdict.diagnosis.detail


def test_an_inner_product_still_gets_its_swapped_copy_back() -> None:
    verdict = check_step(r"\langle x + y, x + y \rangle",
                         r"\langle x, x\rangle + \langle x, y \rangle + \langle y, y\rangle", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis.kind == "dropped_term"
    assert "\\langle y, x \\rangle" in verdict.diagnosis.suggestion


def test_a_covariance_written_with_its_twin_verifies() -> None:
    assert _status(r"\operatorname{Var}(X + Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y) + "
                   r"\operatorname{Cov}(X, Y) + \operatorname{Cov}(Y, X)") == "verified"
    assert _status(r"\operatorname{Var}(X + Y)",
                   r"\operatorname{Var}(X) + \operatorname{Var}(Y) + 2\operatorname{Cov}(X, Y)") == "verified"


# --- what already works: correct steps ----------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-\lambda} \sum_{k=0}^{\infty} \frac{(\lambda e^t)^k}{k!}", r"e^{\lambda(e^t - 1)}"),
    (r"\lambda \int_0^\infty e^{-(\lambda - t) x} \, dx", r"\frac{\lambda}{\lambda - t}"),
    (r"\sum_{k=0}^n \binom{n}{k} p^k (1-p)^{n-k} s^k", r"(1 - p + ps)^n"),
    (r"\frac{d^2}{dt^2} e^{\mu t + \sigma^2 t^2/2} \Big|_{t=0}", r"\mu^2 + \sigma^2"),
    (r"\int_0^1 x \cdot n x^{n-1} \, dx", r"\frac{n}{n+1}"),
    (r"\sum_{k=1}^n (-1)^{k+1} \binom{n}{k} \frac{(n-k)!}{n!}", r"\sum_{k=1}^n \frac{(-1)^{k+1}}{k!}"),
    (r"P(A \cup B \cup C)", r"P(A) + P(B) + P(C) - P(A \cap B) - P(A \cap C) - P(B \cap C) + P(A \cap B \cap C)"),
    (r"P(A \mid B)", r"\frac{P(B \mid A) P(A)}{P(B)}"),
    (r"\operatorname{Cov}(aX + b, cY + d)", r"ac \operatorname{Cov}(X, Y)"),
    (r"\Phi(1.1) - \Phi(-1.1)", r"2\Phi(1.1) - 1"),
    (r"\frac{1}{2a} \int_{-a}^{a} e^{itx} \, dx", r"\frac{\sin(at)}{at}"),
])
def test_correct_probability_steps_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


# --- what already works: slips stay refuted, with their diagnosis -------------------------------------

@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"e^{-\lambda} \sum_{k=0}^{\infty} \frac{(\lambda e^t)^k}{k!}", r"e^{\lambda(e^t + 1)}", "sign"),
    (r"\frac{d^2}{dt^2} \frac{\lambda}{\lambda - t}", r"\frac{\lambda}{(\lambda - t)^3}", "constant_factor"),
    (r"\sum_{k=1}^\infty k (1-p)^{k-1} p", r"\frac{1}{p^2}", "exponent"),
    (r"P(A \cup B)", r"P(A) + P(B) + P(A \cap B)", "sign"),
    (r"P(A \mid B)", r"\frac{P(A \cap B)}{P(A)}", "changed_variable"),
    (r"\operatorname{Var}(aX + b)", r"a^2 \operatorname{Var}(X) + b", "dropped_term"),
    (r"\int_0^\infty x \lambda e^{-\lambda x} \, dx", r"\lambda", "reciprocal"),
    (r"\frac{d^2}{dt^2} e^{\lambda(e^t - 1)} \Big|_{t=0}", r"\lambda^2", "dropped_term"),
])
def test_probability_slips_are_refuted_with_their_kind(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind.startswith(kind)


@pytest.mark.parametrize("lhs, rhs", [
    # each holds under an assumption the prose may make (independence, disjoint events, a zero mean)
    (r"\mathbb{E}[XY]", r"\mathbb{E}[X]\mathbb{E}[Y]"),
    (r"\operatorname{Var}(X + Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y)"),
    (r"P(A \cup B)", r"P(A) + P(B)"),
    (r"P(A \cap B)", r"P(A)P(B)"),
])
def test_steps_resting_on_the_prose_assumptions_are_never_errors(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


def test_an_mgf_chain_in_lecture_notes() -> None:
    body = ("Let $X \\sim \\mathrm{Exp}(\\lambda)$ and $t < \\lambda$. Then\n\\begin{align*}\n"
            "M_X(t) &= \\int_0^\\infty e^{tx} \\lambda e^{-\\lambda x} \\, dx \\\\\n"
            "&= \\lambda \\int_0^\\infty e^{-(\\lambda - t) x} \\, dx \\\\\n"
            "&= \\frac{\\lambda}{\\lambda + t}\n\\end{align*}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["skipped", "verified", "refuted"]
