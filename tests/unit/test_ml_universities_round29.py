"""Machine-learning notes in the styles of MIT 6.036, Berkeley CS189, Goodfellow et al., Murphy, ESL,
Shalev-Shwartz & Ben-David and AdaBoost lectures: a gradient by a matrix written with \\nabla is read in
the matrix's shape (its numerator-layout transpose only keeps a step from being refuted), and a letter's
superscript letter (\\beta_1^t) is never replaced by a value the prose gives that letter."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def _verdicts(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


LAYER = "Let $W \\in \\mathbb{R}^{4 \\times 2}$, $x \\in \\mathbb{R}^4$, $h = W^\\top x + b$ and $J = \\frac12\\|h - y\\|^2$."


def test_a_gradient_by_a_matrix_in_its_own_shape_verifies() -> None:
    verdict = next(iter(_verdicts(display(LAYER, r"\nabla_W J", r"x (h - y)^\top")).values()))
    assert verdict.status is V


def test_the_transposed_gradient_by_a_matrix_is_no_verification() -> None:
    # h = W^T x: the gradient has W's shape (4 x 2); (h - y) x^T is 2 x 4, the numerator layout at most
    verdict = next(iter(_verdicts(display(LAYER, r"\nabla_W J", r"(h - y) x^\top")).values()))
    assert verdict.status is not V


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\nabla_A \operatorname{tr}(A B)", r"B^\top", V),
    (r"\nabla_A \operatorname{tr}(A B)", r"2B^\top", R),
    (r"\frac{\partial}{\partial A} \operatorname{tr}(A B)", r"B", V),  # \partial: the notes' layout
    (r"\nabla_X \operatorname{tr}(X^\top MX)", r"(M+M^\top)X", V),
])
def test_matrix_gradients(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_a_nabla_gradient_that_holds_only_transposed_is_left_to_the_prose() -> None:
    verdict = check_step(r"\nabla_A \operatorname{tr}(A B)", r"B", "=")
    assert verdict.status is U and "numerator layout" in verdict.reason


def test_a_superscript_letter_with_a_value_in_the_prose_is_no_internal_error() -> None:
    prose = "The bias correction of Adam with $\\beta_1 = 0.9$ after $t = 2$ steps:"
    for rhs in ("0.19", "0.81"):
        verdict = next(iter(_verdicts(display(prose, r"1 - \beta_1^t", rhs)).values()))
        assert verdict.status is not R
        assert "internal error" not in verdict.reason


def test_correct_steps_of_the_genre_verify() -> None:
    body = (
        "The sigmoid is $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ and the softplus $\\zeta(x) = \\log(1 + \\exp(x))$.\n"
        "\\begin{align*}\n1 - \\sigma(z) &= \\frac{e^{-z}}{1 + e^{-z}} \\\\\n &= \\sigma(-z)\n\\end{align*}\n"
        "\\begin{align*}\n\\log \\sigma(x) &= -\\zeta(-x)\n\\end{align*}\n"
        "For AdaBoost, $\\alpha_t = \\frac12\\ln\\frac{1 - \\epsilon_t}{\\epsilon_t}$, and\n"
        "\\begin{align*}\n(1 - \\epsilon_t)e^{-\\alpha_t} + \\epsilon_t e^{\\alpha_t} &= (1 - \\epsilon_t)"
        "\\sqrt{\\frac{\\epsilon_t}{1 - \\epsilon_t}} + \\epsilon_t\\sqrt{\\frac{1 - \\epsilon_t}{\\epsilon_t}} \\\\\n"
        " &= 2\\sqrt{\\epsilon_t(1 - \\epsilon_t)}\n\\end{align*}\n"
        "Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^d$.\n"
        "\\begin{align*}\n\\nabla_w \\left(\\|Xw - y\\|^2 + \\lambda \\|w\\|^2\\right) &= 2X^\\top X w - 2X^\\top y"
        " + 2\\lambda w\n\\end{align*}\n")
    assert {v.status for v in _verdicts(body).values()} == {V}


@pytest.mark.parametrize("prose, lhs, rhs, kind", [
    ("Let $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.", r"\sigma'(z)", r"\sigma(z)(1 + \sigma(z))", "sign_flip"),
    ("Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$ and $w \\in \\mathbb{R}^d$.",
     r"\nabla_w \left(\|Xw - y\|^2 + \lambda \|w\|^2\right)", r"2X^\top X w - 2X^\top y + \lambda w", None),
    ("The weight decay objective is $\\tilde J(\\bm w) = \\frac{\\alpha}{2}\\bm w^\\top\\bm w + J(\\bm w)$.",
     r"\nabla_{\bm w} \tilde J(\bm w)", r"2\alpha \bm w + \nabla_{\bm w} J(\bm w)", None),
    ("Let $\\alpha_t = \\frac12\\ln\\frac{1 - \\epsilon_t}{\\epsilon_t}$.",
     r"e^{-\alpha_t}", r"\sqrt{\frac{1 - \epsilon_t}{\epsilon_t}}", None),
    ("Let $\\epsilon_t = \\frac12 - \\gamma_t$.", r"2\sqrt{\epsilon_t(1 - \epsilon_t)}", r"\sqrt{1 - 2\gamma_t^2}", None),
    ("The hat matrix.", r"\mathbf{X}(\mathbf{X}^T\mathbf{X})^{-1}\mathbf{X}^T\mathbf{X}(\mathbf{X}^T\mathbf{X})^{-1}"
     r"\mathbf{X}^T", r"\mathbf{X}(\mathbf{X}^T\mathbf{X})^{-2}\mathbf{X}^T", "exponent"),
    ("The Gaussian mean.", r"\nabla_{\bm\mu} \frac{1}{2}(\bm x - \bm\mu)^\top\bm\Lambda(\bm x - \bm\mu)",
     r"\bm\Lambda(\bm x - \bm\mu)", "sign_flip"),
])
def test_slips_of_the_genre_stay_refuted(prose: str, lhs: str, rhs: str, kind: str | None) -> None:
    verdict = next(iter(_verdicts(display(prose, lhs, rhs)).values()))
    assert verdict.status is R
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


GAUSSIAN_NLL = ("For one dimension the negative log likelihood is $\\text{NLL}(\\mu, \\sigma^2) = \\frac{1}{2\\sigma^2}"
                "\\sum_{n=1}^N (y_n - \\mu)^2 + \\frac{N}{2}\\log(2\\pi\\sigma^2)$.")


@pytest.mark.parametrize("lhs, rhs, status", [
    # a function of the variance, written as a power of sigma: the definition applies where the call
    # writes sigma^2 the same
    (r"\frac{\partial}{\partial \mu} \text{NLL}(\mu, \sigma^2)", r"-\frac{1}{\sigma^2}\sum_{n=1}^N (y_n - \mu)", V),
    (r"\frac{\partial}{\partial \sigma^2} \text{NLL}(\mu, \sigma^2)",
     r"-\frac{1}{2\sigma^4}\sum_{n=1}^N (y_n - \mu)^2 + \frac{N}{2\sigma^2}", V),
    (r"\frac{\partial}{\partial \mu} \text{NLL}(\mu, \sigma^2)", r"\frac{1}{\sigma^2}\sum_{n=1}^N (y_n - \mu)", R),
])
def test_a_function_of_a_variance_written_as_sigma_squared(lhs: str, rhs: str, status: Status) -> None:
    verdict = next(iter(_verdicts(display(GAUSSIAN_NLL, lhs, rhs)).values()))
    assert verdict.status is status


def test_a_call_that_writes_the_variance_otherwise_takes_no_value() -> None:
    # f(mu, s) with f(mu, sigma^2) defined: s is no sigma^2 the body could be read at, so nothing is put in
    prose = "Let $f(\\mu, \\sigma^2) = \\frac{\\mu^2}{\\sigma^2} + \\log \\sigma^2$."
    verdicts = _verdicts(display(prose, r"g(\mu) + f(\mu, s)", r"g(\mu) + \frac{\mu^2}{\sigma^2} + \log \sigma^2"))
    assert next(iter(verdicts.values())).status is not V
    verdicts = _verdicts(display(prose, r"\frac{\partial}{\partial \sigma} f(a, \sigma^2)",
                                 r"-\frac{2a^2}{\sigma^3} + \frac{2}{\sigma}"))
    assert next(iter(verdicts.values())).status is V


def test_a_variance_function_does_not_shadow_the_next_models_function_of_one_parameter() -> None:
    # NLL(mu, sigma^2) of the Gaussian, then NLL(theta) of the Bernoulli: two functions, not one name
    # given two values, so a slip in the second stays refuted
    prose = GAUSSIAN_NLL + "\n\nFor the Bernoulli model, $\\text{NLL}(\\theta) = -N_1 \\log\\theta - N_0\\log(1-\\theta)$."
    verdicts = _verdicts(display(prose, r"\frac{d}{d\theta}\text{NLL}(\theta)", r"-\frac{N_1}{\theta} - \frac{N_0}{1-\theta}"))
    verdict = next(iter(verdicts.values()))
    assert verdict.status is R and verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
