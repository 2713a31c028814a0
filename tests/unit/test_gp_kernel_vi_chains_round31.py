"""Gaussian processes, Bayesian linear regression, kernels and variational inference, as chains without
prose: a document's own command for the unnamed constant (\\def\\const{\\text{const}}), the squared
exponential kernel written in one dimension with a norm, a divergence in \\big brackets, the
push-through identity of an inverted (I + AB)^{-1}, and a Greek design matrix before a bold vector."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _checked(preamble: str, rows: list[str]) -> list[tuple[str, str, str]]:
    """(status, rule, message) of each step of one align* chain of ``rows`` under ``preamble``."""
    doc = ("\\documentclass{article}\n\\usepackage{amsmath}\n" + preamble + "\n\\begin{document}\n"
           "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n\\end{document}\n")
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    out = []
    for s in result.steps:
        finding = next((f for f in result.findings if f.step == s.step.index and f.derivation == s.derivation.index),
                       None)
        out.append((s.verdict.status.value, finding.rule if finding else "", finding.message if finding else ""))
    return out


# -- a document's own command for \text{const} -------------------------------------------------------

@pytest.mark.parametrize("definition", [r"\def\const{\text{const}}", r"\newcommand{\cst}{\mathrm{const}}"])
def test_a_macro_for_const_is_left_out_as_the_word_is(definition: str) -> None:
    name = "\\const" if "\\def" in definition else "\\cst"
    steps = _checked(definition, [rf"-\frac{{(x-m)^2}}{{2s}} + {name} &= -\frac{{x^2}}{{2s}} + \frac{{m x}}{{s}} + {name}"])
    assert steps[0][0] == "verified"


def test_a_slip_beside_a_macro_for_const_is_still_refuted() -> None:
    steps = _checked(r"\def\const{\text{const}}",
                     [r"-\frac{(x-m)^2}{2} + \const &= -\frac{x^2}{2} - m x + \const"])
    assert steps[0][0] == "refuted"
    assert steps[0][1] == "LM101"


# -- a norm of plain letters in one dimension --------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\exp\left(-\gamma\|x - z\|^2\right)", r"\exp(-\gamma x^2)\exp(-\gamma z^2)\exp(2\gamma x z)"),
    (r"\|x - z\|^2", r"x^2 - 2xz + z^2"),
])
def test_the_kernel_in_one_dimension_is_no_false_alarm(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "norm" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # the letters written as vectors (bold, a transpose): the vector reading stands, and so do its slips
    (r"\|\mathbf{x} - \mathbf{z}\|^2", r"\mathbf{x}^2 - 2\mathbf{x}\mathbf{z} + \mathbf{z}^2"),
    (r"\|x - z\|^2", r"\|x\|^2 + 2x^\top z + \|z\|^2"),
    (r"\exp\left(-\gamma\|x - z\|^2\right)", r"\exp(-\gamma \|x\|^2)\exp(-\gamma \|z\|^2)\exp(-2\gamma x^\top z)"),
    (r"\|x\|^2\|z\|^2", r"(x^\top z)^2"),
])
def test_vector_slips_with_a_norm_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_the_vector_kernel_expansion_still_verifies() -> None:
    assert check_step(r"\|x - z\|^2", r"\|x\|^2 - 2x^\top z + \|z\|^2", "=").status.value == "verified"


# -- a divergence in \big brackets -------------------------------------------------------------------

@pytest.mark.parametrize("lhs", [
    r"\mathrm{KL}\big(\mathrm{Ber}(p)\|\mathrm{Ber}(q)\big)",
    r"\mathrm{KL}\big(\mathrm{Ber}(p)\,\big\|\,\mathrm{Ber}(q)\big)",
    r"\mathrm{KL}\Big(\mathrm{Ber}(p)\,\|\,\mathrm{Ber}(q)\Big)",
])
def test_a_bernoulli_divergence_in_big_brackets_verifies(lhs: str) -> None:
    rhs = r"p\log\frac{p}{q} + (1-p)\log\frac{1-p}{1-q}"
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_bernoulli_divergence_slip_in_big_brackets_is_refuted() -> None:
    verdict = check_step(r"\mathrm{KL}\big(\mathrm{Ber}(p)\,\|\,\mathrm{Ber}(q)\big)",
                         r"p\log\frac{p}{q} + (1-p)\log\frac{1-p}{q}", "=")
    assert verdict.status.value == "refuted"


# -- (I + AB)^{-1}: matrices ---------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"(I + AB)^{-1}A", r"A(I + AB)^{-1}"),
    (r"(I + UV)^{-1}U", r"U(I + UV)^{-1}"),
])
def test_letters_commuted_in_the_push_through_identity_are_refuted(lhs: str, rhs: str) -> None:
    status, rule, message = _checked("", [f"{lhs} &= {rhs}"])[0]
    assert (status, rule) == ("refuted", "LM106")
    assert "wrong order" in message


@pytest.mark.parametrize("lhs, rhs", [
    (r"(I + AB)^{-1}A", r"A(I + BA)^{-1}"),
    (r"(I + A)^{-1}A", r"A(I + A)^{-1}"),
    (r"(K + \sigma^2 I)^{-1}", r"\frac{1}{\sigma^2}\left(I - K(K + \sigma^2 I)^{-1}\right)"),
    (r"(I + A)^{-1} + (I + A^{-1})^{-1}", r"I"),
    (r"\left(\lambda I + X^\top X\right)^{-1}X^\top", r"X^\top\left(\lambda I + XX^\top\right)^{-1}"),
])
def test_matrix_identities_with_an_inverted_identity_sum_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


# -- a Greek design matrix before a bold vector ------------------------------------------------------

def test_a_gradient_without_the_transpose_of_phi_is_refuted() -> None:
    status, rule, message = _checked("", [r"\nabla_{\mathbf{w}}\left[-\frac{\beta}{2}\|\mathbf{t} - \Phi\mathbf{w}\|^2\right]"
                                          r" &= \beta\Phi(\mathbf{t} - \Phi\mathbf{w})"])[0]
    assert (status, rule) == ("refuted", "LM106")
    assert "transposed" in message


def test_the_gradient_with_the_transpose_of_phi_verifies() -> None:
    verdict = check_step(r"\nabla_{\mathbf{w}}\left[-\frac{\beta}{2}\|\mathbf{t} - \Phi\mathbf{w}\|^2"
                         r" - \frac{\alpha}{2}\mathbf{w}^\top\mathbf{w}\right]",
                         r"\beta\Phi^\top(\mathbf{t} - \Phi\mathbf{w}) - \alpha\mathbf{w}", "=")
    assert verdict.status.value == "verified"


def test_a_difference_before_a_bold_vector_is_no_matrix() -> None:
    # \Delta\mathbf{x}: a change of x, which stays a number times the vector
    assert check_step(r"\Delta\mathbf{x} + \Delta\mathbf{x}", r"2\Delta\mathbf{x}", "=").status.value == "verified"


# -- what already works, kept so ----------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, rule", [
    (r"(x_1 z_1 + x_2 z_2 + 1)^2", r"x_1^2 z_1^2 + x_2^2 z_2^2 + x_1 z_1 x_2 z_2 + 2 x_1 z_1 + 2 x_2 z_2 + 1",
     "LM103"),
    (r"\frac{2 + 7}{2 + 2 + 10}", r"\frac{9}{12}", "LM108"),
    (r"\int_0^\infty \lambda^{a-1} e^{-b\lambda}\,d\lambda", r"\frac{\Gamma(a)}{b^{a-1}}", "LM104"),
    (r"\frac12\left(\sigma^2 + \mu^2 - 1 - \log\sigma^2\right)",
     r"\frac12\sigma^2 + \frac12\mu^2 - \frac12 - 2\log\sigma", "LM103"),
    (r"(\sigma^{-2} + s^{-2})^{-1}", r"\frac{\sigma^2 + s^2}{\sigma^2 s^2}", "LM106"),
    (r"-\frac{a}{2}x^2 + b x", r"-\frac{a}{2}\left(x - \frac{b}{a}\right)^2 - \frac{b^2}{2a}", "LM101"),
])
def test_slips_in_bayesian_chains_are_refuted_with_their_diagnosis(lhs: str, rhs: str, rule: str) -> None:
    assert _checked("", [f"{lhs} &= {rhs}"])[0][:2] == ("refuted", rule)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\left(\frac{1}{\sigma_0^2} + \frac{N}{\sigma^2}\right)^{-1}\left(\frac{\mu_0}{\sigma_0^2}"
     r" + \frac{N\bar{x}}{\sigma^2}\right)", r"\frac{\sigma^2\mu_0 + N\sigma_0^2\bar x}{\sigma^2 + N\sigma_0^2}"),
    (r"\KL(\mathcal{N}(\mu,\sigma^2)\,\|\,\mathcal{N}(0,1))", r"\frac12\left(\sigma^2 + \mu^2 - 1 - \log\sigma^2\right)"),
    (r"\frac{\Gamma(a+b)}{\Gamma(a)\Gamma(b)}\cdot\frac{\Gamma(a+1)\Gamma(b)}{\Gamma(a+b+1)}", r"\frac{a}{a + b}"),
    (r"\alpha x^2 + \beta x", r"\alpha\left(x + \frac{\beta}{2\alpha}\right)^2 - \frac{\beta^2}{4\alpha}"),
])
def test_correct_bayesian_steps_verify(lhs: str, rhs: str) -> None:
    macros_free = lhs.replace(r"\KL", r"\mathrm{KL}")
    assert check_step(macros_free, rhs, "=").status.value == "verified"


def test_a_missing_transpose_inside_a_gradient_of_a_norm_stays_refuted() -> None:
    # a capital inside the norm is a matrix times a vector: X(Xw - y) for X^T(Xw - y) is the transpose
    # slip, not a step in one dimension that the norm-as-absolute-value reading would excuse
    verdict = check_step(r"\frac{d}{dw} \frac{1}{2}\|Xw - y\|^2", r"X(Xw - y)", "=")
    assert verdict.status is Status.REFUTED
