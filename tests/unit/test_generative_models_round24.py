"""Generative models (round 24): the closed-form KL divergence between two univariate normals, as VAE
and diffusion notes write it, and a log whose bare fraction another fraction follows (the ELBO's
derivation multiplies by q/q inside the log)."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Macro, Status
from lintmath.pipeline import check_documents

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
NN = r"\mathcal{N}"


@pytest.mark.parametrize("lhs, rhs, status", [
    # the closed form, in the forms notes write it
    (r"D_{\mathrm{KL}}(" + NN + r"(m_a, s_a^2) \| " + NN + r"(m_b, s_b^2))",
     r"\log\frac{s_b}{s_a} + \frac{s_a^2 + (m_a - m_b)^2}{2s_b^2} - \frac12", V),
    (r"\mathrm{KL}\left(" + NN + r"(m, s^2) \,\|\, " + NN + r"(0, 1)\right)",
     r"\frac12\left(m^2 + s^2 - \log s^2 - 1\right)", V),
    (r"D_{KL}(" + NN + r"(u, r^2) \parallel " + NN + r"(v, r^2))", r"\frac{(u - v)^2}{2r^2}", V),
    (r"\mathrm{KL}[" + NN + r"(m, s^2), " + NN + r"(0, 1)]", r"-\log s + \frac{s^2 + m^2 - 1}{2}", V),
    # planted slips: the ratio upside down, the constant's sign, a lost one half
    (r"D_{\mathrm{KL}}(" + NN + r"(m_a, s_a^2) \| " + NN + r"(m_b, s_b^2))",
     r"\log\frac{s_a}{s_b} + \frac{s_a^2 + (m_a - m_b)^2}{2s_b^2} - \frac12", R),
    (r"\mathrm{KL}(" + NN + r"(m, s^2) \| " + NN + r"(0, 1))", r"\frac12\left(m^2 + s^2 - \log s^2 + 1\right)", R),
    (r"D_{KL}(" + NN + r"(u, r^2) \| " + NN + r"(v, r^2))", r"\frac{(u - v)^2}{r^2}", R),
])
def test_kl_between_univariate_normals(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    # a second parameter that may be the standard deviation (N(mu, sigma)) is not read as a variance
    (r"\mathrm{KL}(" + NN + r"(m, s) \| " + NN + r"(0, 1))", r"\frac12\left(m^2 + s^2 - \log s^2 - 1\right)"),
    (r"\mathrm{KL}(" + NN + r"(m, s) \| " + NN + r"(0, 1))", r"\frac12\left(m^2 + s - \log s - 1\right)"),
    # multivariate normals have another closed form (trace, determinant, dimension)
    (r"\mathrm{KL}(" + NN + r"(m, \Sigma) \| " + NN + r"(0, I))",
     r"\frac12\left(\operatorname{tr}\Sigma + m^\top m - d - \log\det\Sigma\right)"),
    (r"\mathrm{KL}(" + NN + r"(\mathbf{m}, s^2 I) \| " + NN + r"(\mathbf{0}, I))", r"\frac12\left(m^2 + s^2 - \log s^2 - 1\right)"),
])
def test_normals_not_read_as_univariate(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


def test_kl_of_normals_through_macros():
    macros = {"\\KL": Macro("\\KL", 0, r"D_{\mathrm{KL}}"), "\\N": Macro("\\N", 0, r"\mathcal{N}")}
    good = check_step(r"\KL(\N(a, b^2) \,\|\, \N(0, 1))", r"\frac12(b^2 + a^2 - 1 - \log b^2)", "=", macros=macros)
    bad = check_step(r"\KL(\N(a, b^2) \,\|\, \N(0, 1))", r"\frac12(b^2 + a^2 - 1 + \log b^2)", "=", macros=macros)
    assert good.status is V
    assert bad.status is R


@pytest.mark.parametrize("lhs, rhs, status", [
    # the log of the product of two fractions, q/q inserted: not refuted as (log of the first) times the second
    (r"\log\frac{u}{w}", r"\log\frac{u}{v}\frac{v}{w}", U),
    (r"\mathbb{E}_{r(a \mid b)}\left[\log \frac{f(a, b)}{g(a \mid b)}\right]",
     r"\mathbb{E}_{r(a \mid b)}\left[\log \frac{f(a, b)}{r(a \mid b)} \frac{r(a \mid b)}{g(a \mid b)}\right]", U),
    # wrong in both readings: still refuted
    (r"\log\frac{uv}{wv}", r"2\log\frac{u}{v}\frac{v}{w}", R),
    # a bracket written around the product decides it
    (r"\log\frac{u}{w}", r"\log\left(\frac{u}{v}\frac{v}{w}\right)", V),
])
def test_log_of_two_fractions(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_closed_form_kl_in_a_document():
    doc = r"""\documentclass{article}
\newcommand{\KL}{D_{\mathrm{KL}}}
\newcommand{\Nrm}{\mathcal{N}}
\begin{document}
For the standard normal prior the divergence of the encoder's Gaussian is
\begin{align*}
\KL\left(\Nrm(m, s^2) \,\|\, \Nrm(0, 1)\right) &= -\log s + \frac{s^2 + m^2}{2} + \frac12 \\
&= \frac12\left(s^2 + m^2 - 1 - \log s^2\right).
\end{align*}
\end{document}
"""
    res = check_documents([extract_text(doc, "kl.tex")], ["kl.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    statuses = [s.verdict.status for s in res.steps if s.step.relation == "="]
    # the slip (+ 1/2) is the finding; the correct line after it is a knock-on, not blamed
    assert statuses[0] is R
    assert statuses[1] is not R
    assert [f.rule for f in res.findings] == ["LM101"]


@pytest.mark.parametrize("lhs, rhs, status", [
    # the Gaussian's quadratic form with a plain x and mean: both vectors, the covariance symmetric
    (r"\nabla_u\left(-\frac12(u - \nu)^\top\Sigma^{-1}(u - \nu)\right)", r"-\Sigma^{-1}(u - \nu)", V),
    (r"\nabla_u\left((u - \nu)^\top\Sigma^{-1}(u - \nu)\right)", r"2\Sigma^{-1}(u - \nu)", V),
    (r"\nabla_u\left((u - \nu)^\top\Sigma^{-1}(u - \nu)\right)", r"\Sigma^{-1}(u - \nu)", R),
    # a row vector for a column: holds of numbers only
    (r"\nabla_u\left((u - \nu)^\top\Sigma^{-1}(u - \nu)\right)", r"2(u - \nu)^\top\Sigma^{-1}", U),
    # the outer product for the inner one: the transposed bracket makes its letters vectors
    (r"(u - \nu)^\top\Sigma^{-1}(u - \nu)", r"(u - \nu)\Sigma^{-1}(u - \nu)^\top", U),
    (r"(u - \nu)^\top\Sigma^{-1}(u - \nu)", r"u^\top\Sigma^{-1}u - 2\nu^\top\Sigma^{-1}u + \nu^\top\Sigma^{-1}\nu", V),
])
def test_gaussian_quadratic_form_with_plain_letters(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_quadratic_form_in_an_exponent_is_a_number():
    # (x - \mu)^T \Sigma^{-1} (x - \mu) of plain letters: a number, so the exponential is no matrix function
    # (round 18 left this step unverified, reading x and \mu as numbers and the form as a matrix)
    form = r"\exp\left(-\frac12(u-\nu)^T\Sigma^{-1}(u-\nu)\right)"
    assert check_step(form, form, "=").status is V
    assert check_step(form, r"\sqrt{2}" + form, "=").status is R
    assert check_step(form, r"\exp\left(-\frac12(u-\nu)^T\Sigma^{-1}(u+\nu)\right)", "=").status is not V
