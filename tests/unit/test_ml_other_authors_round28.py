"""Machine-learning notes in the styles of other authors: the log of a density written
\\log\\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp(...) (the fraction and the exponential are one argument), the projector
u u^T of PCA onto a unit direction, samples x^{(i)} that a derivative by the bias drops, the sample
points a message shows as x^{(1)}, and a repair that only orthogonal vectors would make hold."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _steps(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


GAUSSIAN = "\\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp\\left(-\\frac{(y - \\theta^T x)^2}{2\\sigma^2}\\right)"


@pytest.mark.parametrize("log", ["\\log", "\\ln"])
def test_the_log_of_a_density_takes_the_exponential_into_its_argument(log: str) -> None:
    assert _status(f"{log}{GAUSSIAN}", f"-{log}(\\sqrt{{2\\pi}}\\sigma) - \\frac{{(y - \\theta^T x)^2}}{{2\\sigma^2}}") \
        == "verified"
    assert _status(f"{log}\\frac{{1}}{{Z}}\\exp(-\\beta E)", f"-{log} Z - \\beta E") == "verified"


def test_the_log_likelihood_of_linear_regression_summed_over_samples() -> None:
    lhs = "\\sum_{i=1}^m \\log\\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp\\left(-\\frac{(y^{(i)}-\\theta^T x^{(i)})^2}{2\\sigma^2}\\right)"
    rhs = "m\\log\\frac{1}{\\sqrt{2\\pi}\\sigma} - \\frac{1}{\\sigma^2}\\cdot\\frac{1}{2}\\sum_{i=1}^m (y^{(i)} - \\theta^T x^{(i)})^2"
    assert _status(lhs, rhs) == "verified"


def test_slips_in_the_log_of_a_density_stay_refuted() -> None:
    lhs = "\\log\\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp\\left(-\\frac{(y-a)^2}{2\\sigma^2}\\right)"
    verdict = check_step(lhs, "-\\log(\\sqrt{2\\pi}\\sigma) + \\frac{(y - a)^2}{2\\sigma^2}", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
    assert _status("\\ln\\frac{1}{Z}\\exp(-\\beta E)", "\\ln Z - \\beta E") == "refuted"
    assert _status("\\ln\\frac{1}{\\sqrt{2\\pi\\sigma^2}}\\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)",
                   "-\\ln(2\\pi\\sigma^2) - \\frac{(x-\\mu)^2}{2\\sigma^2}") == "refuted"


def test_other_functions_still_end_their_argument_before_an_exponential() -> None:
    # \sin\frac{x}{2}\exp(x) is a product of the sine and the exponential, as before
    assert _status("\\sin\\frac{x}{2}\\exp(x)", "\\exp(x)\\sin\\frac{x}{2}") == "verified"
    assert _status("\\sin\\frac{x}{2}\\exp(x)", "\\sin\\left(\\frac{x}{2}e^{x}\\right)") != "verified"


PCA = ("\\newcommand{\\vx}{\\mathbf{x}}\n\\newcommand{\\vu}{\\mathbf{u}}\n"
       "Let $\\vu$ be a unit vector, $\\vu^T\\vu = 1$.\n\\begin{align*}\n{lhs} &= {rhs}\n\\end{align*}\n")


def test_the_residual_of_a_projection_onto_a_unit_direction_is_no_error() -> None:
    body = PCA.replace("{lhs}", "\\|\\vx - \\vu\\vu^T\\vx\\|^2").replace("{rhs}", "\\vx^T\\vx - (\\vu^T\\vx)^2")
    (verdict,) = _steps(body).values()
    assert verdict.status.value == "unverified"
    assert "unit vector" in verdict.reason


@pytest.mark.parametrize("rhs", ["\\vx^T\\vx - 2(\\vu^T\\vx)^2", "\\vx^T\\vx + (\\vu^T\\vx)^2"])
def test_a_slip_in_the_residual_of_a_projection_stays_refuted(rhs: str) -> None:
    body = PCA.replace("{lhs}", "\\|\\vx - \\vu\\vu^T\\vx\\|^2").replace("{rhs}", rhs)
    (verdict,) = _steps(body).values()
    assert verdict.status.value == "refuted"


def test_the_expansion_that_writes_u_transpose_u_is_verified() -> None:
    lhs = "(\\mathbf{x} - \\mathbf{u}\\mathbf{u}^T\\mathbf{x})^T(\\mathbf{x} - \\mathbf{u}\\mathbf{u}^T\\mathbf{x})"
    rhs = "\\mathbf{x}^T\\mathbf{x} - 2(\\mathbf{u}^T\\mathbf{x})^2 + (\\mathbf{u}^T\\mathbf{x})^2\\mathbf{u}^T\\mathbf{u}"
    assert _status(lhs, rhs) == "verified"


LAGRANGIAN = ("\\frac{\\partial}{\\partial b}\\left(\\frac{1}{2}\\|w\\|^2 - \\sum_{i=1}^m \\alpha_i\\left(y^{(i)}"
              "(w^Tx^{(i)} + b) - 1\\right)\\right)")


def test_a_derivative_by_the_bias_drops_the_samples_x_i() -> None:
    # x^{(i)} is a sample, no function x: the step is decided
    assert _status("\\frac{\\partial}{\\partial b}\\sum_{i=1}^m (w^Tx^{(i)} + b)", "m") == "verified"
    assert _status(LAGRANGIAN, "-\\sum_{i=1}^m\\alpha_i y^{(i)}") == "verified"
    verdict = check_step(LAGRANGIAN, "\\sum_{i=1}^m\\alpha_i y^{(i)}", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"


def test_a_function_of_a_sample_still_needs_its_definition() -> None:
    assert _status("g(x^{(i)}) + h(x^{(i)})", "x^{(i)} + 1") == "unverified"


def test_a_counterexample_shows_samples_with_their_bracketed_label() -> None:
    verdict = check_step("\\sum_{i=1}^{2}\\sum_{j=1}^{3} (x_j^{(i)})^2", "\\sum_{i=1}^{2}\\sum_{j=1}^{3} x_j^{(i)}", "=")
    assert verdict.status.value == "refuted"
    shown = [name for name, _ in verdict.counterexample]
    assert "x_1^{(2)}" in shown and "x_3^{(1)}" in shown
    assert not any("^()" in name for name in shown)


def test_a_repair_that_only_orthogonal_vectors_make_hold_is_not_suggested() -> None:
    # the dual of the SVM with y_j dropped: y_i^2 in its place holds only for orthogonal x_i
    verdict = check_step("\\frac{1}{2}\\left\\|\\sum_i\\alpha_i y_i x_i\\right\\|^2",
                         "\\frac{1}{2}\\sum_{i}\\sum_{j}\\alpha_i\\alpha_j y_i x_i^T x_j", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is None or "y_i^2" not in verdict.diagnosis.suggestion
    assert _status("\\frac{1}{2}\\left\\|\\sum_i\\alpha_i y_i x_i\\right\\|^2",
                   "\\frac{1}{2}\\sum_{i}\\sum_{j}\\alpha_i\\alpha_j y_i y_j x_i^T x_j") == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{\\partial}{\\partial f_k}\\left(-f_{y} + \\log\\sum_j e^{f_j}\\right)",
     "\\frac{e^{f_k}}{\\sum_j e^{f_j}} - \\delta_{ky}"),
    ("-\\log\\sigma + \\frac{\\sigma^2 + \\mu^2}{2} - \\frac{1}{2}", "\\frac{1}{2}\\left(\\mu^2 + \\sigma^2 - 1 - \\log\\sigma^2\\right)"),
    ("\\frac{\\partial}{\\partial\\sigma_B^2}(\\sigma_B^2 + \\epsilon)^{-1/2}", "-\\frac{1}{2}(\\sigma_B^2 + \\epsilon)^{-3/2}"),
    ("\\frac{d}{dp}\\left(-p\\log p - (1-p)\\log(1-p)\\right)", "\\log\\frac{1-p}{p}"),
    ("\\frac{\\partial}{\\partial\\phi}\\sum_{i=1}^m\\left(y^{(i)}\\log\\phi + (1-y^{(i)})\\log(1-\\phi)\\right)",
     "\\frac{1}{\\phi}\\sum_{i=1}^m y^{(i)} - \\frac{1}{1-\\phi}\\sum_{i=1}^m(1-y^{(i)})"),
    ("\\nabla_u\\left(u^T\\Sigma u - \\lambda(u^Tu - 1)\\right)", "2\\Sigma u - 2\\lambda u"),
])
def test_correct_steps_of_the_genre_are_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    ("\\frac{\\partial}{\\partial\\sigma_B^2}(\\sigma_B^2 + \\epsilon)^{-1/2}", "-\\frac{1}{2}(\\sigma_B^2 + \\epsilon)^{-1/2}", None),
    ("-\\log\\sigma + \\frac{\\sigma^2 + \\mu^2}{2} - \\frac{1}{2}", "\\frac{1}{2}\\left(\\mu^2 + \\sigma^2 - 1 - \\log\\sigma\\right)",
     "exponent"),
    ("\\frac{\\partial}{\\partial x}\\tanh(x)", "1 + \\tanh^2(x)", "sign_flip"),
    ("(x_1z_1 + x_2z_2)^2", "x_1^2z_1^2 + x_1x_2z_1z_2 + x_2^2z_2^2", "constant_factor"),
    ("\\frac{e^{2}}{e^{2} + e^{0}}", "\\frac{1}{1 + e^{2}}", None),
    ("\\frac{40}{40 + 20}", "\\frac{2}{5}", "arithmetic"),
    ("\\nabla_u\\left(u^T\\Sigma u - \\lambda(u^Tu - 1)\\right)", "\\Sigma u - \\lambda u", None),
])
def test_slips_of_the_genre_are_refuted(lhs: str, rhs: str, kind: str | None) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    ("\\mathbb{E}_{x\\sim p}[2x]", "2\\mathbb{E}_{x\\sim p}[x]"),
    ("\\mathbb{E}_{x\\sim p}[x^2] - (\\mathbb{E}_{x\\sim p}[x])^2", "\\mathbb{E}_{x\\sim p}[x^2] - \\mathbb{E}_{x\\sim p}[x]^2"),
    ("\\mathbb{E}_{x\\sim p}[a x + b]", "a\\mathbb{E}_{x\\sim p}[x] + b"),
])
def test_expectations_under_a_named_distribution_on_both_sides_are_written_out_alike(lhs: str, rhs: str) -> None:
    # the right side's x is no free x of the step because the left side's E_{x \sim p} became a sum over x
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\mathbb{E}_{x\\sim p}[2x]", "3\\mathbb{E}_{x\\sim p}[x]"),
    ("\\mathbb{E}_{x\\sim p}[x^2] - (\\mathbb{E}_{x\\sim p}[x])^2", "\\mathbb{E}_{x\\sim p}[x^2] + \\mathbb{E}_{x\\sim p}[x]^2"),
    ("\\mathbb{E}_{x\\sim p}[a x + b]", "a\\mathbb{E}_{x\\sim p}[x] + 2b"),
])
def test_slips_between_expectations_under_a_named_distribution_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_an_x_outside_the_expectation_is_still_free() -> None:
    assert _status("\\mathbb{E}_{x\\sim p}[x] + x", "\\mathbb{E}_{x\\sim p}[2x]") != "verified"


@pytest.mark.parametrize("lhs", [
    "D_{\\mathrm{KL}}(\\mathrm{Ber}(p)\\,\\|\\,\\mathrm{Ber}(q))",
    "\\mathrm{KL}(\\mathrm{Bern}\\left(p\\right)\\,\\|\\,\\mathrm{Bern}(q))",
])
def test_the_divergence_between_bernoulli_laws_has_its_closed_form(lhs: str) -> None:
    assert _status(lhs, "p\\log\\frac{p}{q} + (1-p)\\log\\frac{1-p}{1-q}") == "verified"
    verdict = check_step(lhs, "p\\log\\frac{p}{q} - (1-p)\\log\\frac{1-p}{1-q}", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"


def test_the_divergence_between_bernoulli_laws_with_numbers() -> None:
    lhs = "\\mathrm{KL}(\\mathrm{Ber}(0.5)\\,\\|\\,\\mathrm{Ber}(0.25))"
    assert _status(lhs, "0.5\\log\\frac{4}{3}") == "verified"
    assert _status(lhs, "0.5\\log\\frac{3}{4}") == "refuted"


OLS = "Let $X$ be the $n\\times p$ design matrix.\n\\begin{align*}\n{lhs} &= {rhs}\n\\end{align*}\n"


def test_a_primed_design_matrix_before_a_bracket_is_a_transpose() -> None:
    # X'(X\beta + \epsilon) read as the derivative X' applied to the bracket dropped "the function X"
    body = OLS.replace("{lhs}", "(X'X)^{-1}X'(X\\beta + \\epsilon)").replace("{rhs}", "\\beta + (X'X)^{-1}X'\\epsilon")
    (verdict,) = _steps(body).values()
    assert verdict.status.value == "verified"


@pytest.mark.parametrize("rhs", ["\\beta - (X'X)^{-1}X'\\epsilon", "\\beta + (XX')^{-1}X'\\epsilon"])
def test_a_slip_with_a_primed_design_matrix_is_not_verified(rhs: str) -> None:
    body = OLS.replace("{lhs}", "(X'X)^{-1}X'(X\\beta + \\epsilon)").replace("{rhs}", rhs)
    (verdict,) = _steps(body).values()
    assert verdict.status.value != "verified"


KL_MACRO = "\\newcommand{\\KL}[2]{D_{\\mathrm{KL}}\\left(#1\\,\\|\\,#2\\right)}\n"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\KL{\\mathcal{N}(\\mu,\\sigma^2)}{\\mathcal{N}(0,1)}", "\\frac{1}{2}\\left(\\mu^2+\\sigma^2-1-\\ln\\sigma^2\\right)",
     "verified"),
    ("\\KL{\\mathcal{N}(\\mu,\\sigma^2)}{\\mathcal{N}(0,1)}", "\\frac{1}{2}\\left(\\mu^2+\\sigma^2+1-\\ln\\sigma^2\\right)",
     "refuted"),
    ("\\KL{p}{q}", "\\sum_x p(x)\\log\\frac{p(x)}{q(x)}", "verified"),
    ("\\KL{p}{q}", "\\sum_x p(x)\\log\\frac{q(x)}{p(x)}", "refuted"),
])
def test_a_divergence_macro_with_two_arguments_is_written_out(lhs: str, rhs: str, status: str) -> None:
    # the macro's arguments written out keep their braces: D_{KL}({p} \| {q})
    body = KL_MACRO + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    (verdict,) = _steps(body).values()
    assert verdict.status.value == status
