"""Generative-model chains without prose, as notebooks and Markdown hold them (round 31): the GAN value
function at the optimal discriminator written with KL divergences from the even mixture
(``\\mathrm{KL}(p \\| \\frac{p + q}{2})``) and the Jensen-Shannon divergence (``2\\,\\mathrm{JSD}(p \\| q)``),
a divergence beside an expectation under ``x \\sim p`` (both run over x, or p(x) and p(z) read as two
marginals of one joint refuted a correct step), ``2\\cdot\\mathrm{KL}``, and a readable reason for
expectations under several measures. Diffusion, VAE and flow chains that already read are kept."""
from __future__ import annotations

import json

import pytest

from documents import checked_steps

from lintmath.config import Config
from lintmath.extract.markdown import extract_markdown, extract_notebook
from lintmath.pipeline import check_documents

CONFIG = Config(jobs=0, budget=5.0, seed=0)


def _status(lhs: str, rhs: str) -> str:
    steps = checked_steps(f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n", budget=5.0)
    assert len(steps) == 1
    return steps[0].verdict.status.value


def _steps(doc, path: str) -> list:
    return check_documents([doc], [path], CONFIG)[0].steps


E_FORM = ("\\mathbb{E}_{x\\sim p}\\left[\\log\\frac{p(x)}{p(x)+q(x)}\\right] + "
          "\\mathbb{E}_{x\\sim q}\\left[\\log\\frac{q(x)}{p(x)+q(x)}\\right]")
KL_FORM = ("-\\log 4 + \\mathrm{KL}\\left(p\\,\\middle\\|\\,\\frac{p+q}{2}\\right) "
           "+ \\mathrm{KL}\\left(q\\,\\middle\\|\\,\\frac{p+q}{2}\\right)")


@pytest.mark.parametrize("lhs, rhs", [
    (E_FORM, KL_FORM),
    (KL_FORM, "-\\log 4 + 2\\,\\mathrm{JSD}(p\\,\\|\\,q)"),
    (E_FORM, "-\\log 4 + 2\\cdot\\mathrm{JSD}(p\\|q)"),
    ("\\int p(x)\\log\\frac{p(x)}{p(x)+q(x)}\\,dx + \\int q(x)\\log\\frac{q(x)}{p(x)+q(x)}\\,dx", KL_FORM),
    ("\\sum_x p(x)\\log\\frac{2p(x)}{p(x)+q(x)}", "\\mathrm{KL}\\left(p\\,\\Big\\|\\,\\frac{1}{2}(p + q)\\right)"),
    ("D_{JS}(p\\,\\|\\,q)", "\\frac{1}{2}\\mathrm{KL}\\left(p\\,\\Big\\|\\,\\frac{p+q}{2}\\right) "
                            "+ \\frac{1}{2}\\mathrm{KL}\\left(q\\,\\Big\\|\\,\\frac{p+q}{2}\\right)"),
    ("\\mathrm{JSD}(p\\|q)", "\\mathrm{JSD}(q\\|p)"),
    ("\\mathrm{JSD}(p\\|p)", "0"),
    ("2\\cdot\\mathrm{KL}(p\\|q)", "2\\sum_x p(x)\\log\\frac{p(x)}{q(x)}"),
    # the data distribution's subscript is part of its name, not a second distribution p
    ("\\mathbb{E}_{x\\sim p_{\\text{data}}}\\left[\\log\\frac{p_{\\text{data}}(x)}{p_{\\text{data}}(x)+p_g(x)}\\right] "
     "+ \\mathbb{E}_{x\\sim p_g}\\left[\\log\\frac{p_g(x)}{p_{\\text{data}}(x)+p_g(x)}\\right]",
     "-\\log 4 + 2\\,\\mathrm{JSD}(p_{\\text{data}}\\|p_g)"),
])
def test_the_gan_value_at_the_optimal_discriminator_reads_as_divergences(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (E_FORM, "-\\log 4 + \\mathrm{JSD}(p\\|q)"),  # the factor 2 dropped
    (E_FORM, "-\\log 2 + 2\\,\\mathrm{JSD}(p\\|q)"),
    ("\\mathrm{JSD}(p\\|q)", "\\sum_x p(x)\\log\\frac{2p(x)}{p(x)+q(x)} + \\sum_x q(x)\\log\\frac{2q(x)}{p(x)+q(x)}"),
    ("D_{JS}(p\\,\\|\\,q)", "\\frac{1}{2}\\mathrm{KL}\\left(p\\,\\Big\\|\\,\\frac{p+q}{2}\\right) "
                            "+ \\frac{1}{2}\\mathrm{KL}\\left(q\\,\\Big\\|\\,p\\right)"),
    ("\\mathrm{KL}(p\\|q)", "\\mathrm{KL}(q\\|p)"),
    ("\\mathrm{KL}\\left(p\\,\\|\\,\\frac{1}{2}p + \\frac{1}{2}q\\right)", "\\mathrm{KL}\\left(p\\,\\|\\,\\frac{p + q}{4}\\right)"),
])
def test_slips_in_the_divergences_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_letter_weight_of_a_mixture_is_not_read_as_a_distribution() -> None:
    # \lambda p would be a distribution \lambda applied to x: a correct step was refuted so
    assert _status("\\mathrm{KL}\\left(p\\,\\|\\,\\lambda p + (1-\\lambda)q\\right)",
                   "\\sum_x p(x)\\log\\frac{p(x)}{\\lambda p(x) + (1-\\lambda)q(x)}") != "refuted"


@pytest.mark.parametrize("rhs, status", [
    ("\\log 2 + \\mathrm{KL}(p\\|q)", "verified"),  # was refuted: the KL ran over a fresh z beside E over x
    ("\\log 4 + \\mathrm{KL}(p\\|q)", "refuted"),
])
def test_a_divergence_beside_an_expectation_runs_over_the_expectations_variable(rhs: str, status: str) -> None:
    assert _status("\\mathbb{E}_{x\\sim p}\\left[\\log\\frac{2p(x)}{q(x)}\\right]", rhs) == status


def test_an_expectation_under_a_conditional_gives_the_divergence_its_variable() -> None:
    assert _status("\\mathbb{E}_{q(z|x)}\\left[\\log\\frac{q(z|x)}{p(z)}\\right]",
                   "\\mathrm{KL}(q(z|x)\\|p(z))") == "verified"


def test_expectations_under_several_measures_are_named_as_written() -> None:
    steps = checked_steps("\\begin{align*}\n-\\mathbb{E}_{p_{\\text{data}}}[\\log D(x)] - \\mathbb{E}_{p_z}[\\log(1 - D(G(z)))] "
                          "&= -\\mathbb{E}_{p_{\\text{data}}}[\\log D(x)] - \\mathbb{E}_{p_g}[\\log(1 - D(x))]\n"
                          "\\end{align*}\n")
    reason = steps[0].verdict.reason
    assert steps[0].verdict.status.value == "unverified"
    assert "p_{\\text{data}}" in reason and "p_g" in reason and "'sym'" not in reason


NOTEBOOK_CELLS = [
    "$\\newcommand{\\abar}{\\bar\\alpha}$",
    "$$\n\\frac{d}{d\\sigma}\\left(\\frac{\\sigma^2}{2} - \\log\\sigma\\right) = \\sigma - \\frac{1}{\\sigma}\n$$\n"
    "$$\n= \\frac{\\sigma^2 - 1}{\\sigma}\n$$",
    "$$\\begin{aligned}\n\\frac{\\partial}{\\partial a}\\left(-\\log\\frac{1}{1+e^{-a}}\\right) &= "
    "-\\frac{e^{-a}}{1+e^{-a}} \\\\\n&= 1 - \\sigma(a)\n\\end{aligned}$$",
    "\\begin{align}\n\\log\\frac{e^{-z}}{(1+e^{-z})^2} &= -z - \\log(1 + e^{-z}) \\tag{1}\n\\end{align}",
    "$$\\begin{aligned}\n\\frac{1}{\\frac{\\alpha_t}{\\beta_t} + \\frac{1}{1-\\abar_{t-1}}} &= "
    "\\frac{\\beta_t(1-\\abar_{t-1})}{\\alpha_t(1-\\abar_{t-1}) + \\beta_t}, \\\\\n"
    "&= \\frac{\\beta_t(1-\\abar_{t-1})}{\\alpha_t - \\alpha_t\\abar_{t-1} + \\beta_t}.\n\\end{aligned}$$",
]


def test_a_notebook_of_generative_chains_verifies_the_right_rows_and_refutes_the_slips() -> None:
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": cell} for cell in NOTEBOOK_CELLS],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    steps = _steps(extract_notebook(json.dumps(notebook), "gen.ipynb"), "gen.ipynb")
    statuses = [s.verdict.status.value for s in steps]
    # the sign of the sigmoid's derivative (second row of the second chain) and a dropped square are slips
    assert statuses == ["verified", "verified", "verified", "refuted", "refuted", "verified", "verified"]


def test_markdown_vae_and_flow_chains() -> None:
    text = ("$$\n\\begin{aligned}\n-\\frac{1}{2}\\sum_{j=1}^{2}\\left(1 + \\log\\sigma_j^2 - \\mu_j^2 - \\sigma_j^2\\right) "
            "&= -1 - \\frac{1}{2}\\left(\\log\\sigma_1^2 + \\log\\sigma_2^2\\right) "
            "+ \\frac{1}{2}\\left(\\mu_1^2 + \\mu_2^2 + \\sigma_1^2 + \\sigma_2^2\\right)\n\\end{aligned}\n$$\n\n"
            "$$\\log\\left(\\frac{1}{\\sqrt{2\\pi\\sigma^2}}e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}\\right) = "
            "-\\frac{1}{2}\\log(2\\pi\\sigma^2) - \\frac{(x-\\mu)^2}{2\\sigma^2}$$\n"
            "$$= -\\log\\sigma - \\log 2\\pi - \\frac{(x-\\mu)^2}{2\\sigma^2}$$\n\n"
            "$$\\det\\begin{pmatrix} e^{s_1} & 0 \\\\ t & e^{s_2}\\end{pmatrix} = e^{s_1 + s_2}$$\n")
    statuses = [s.verdict.status.value for s in _steps(extract_markdown(text, "vae.md"), "vae.md")]
    assert statuses == ["verified", "verified", "refuted", "verified"]
