"""Deep-learning textbooks in Markdown and notebooks (round 29): Prince's square brackets for function
arguments (the ReLU ``\\text{a}[z]``), a diffusion schedule's family ``\\alpha_t = 1 - \\beta_t`` beside its
accented product ``\\bar\\alpha_t``, and a function the prose defines piecewise (``h(z) = \\max(0, z)``)."""
from __future__ import annotations

import json

import pytest

from documents import checked_steps

from lintmath.config import Config
from lintmath.extract.markdown import extract_markdown, extract_notebook
from lintmath.pipeline import check_documents

CONFIG = Config(jobs=0, budget=5.0, seed=0)
RELU = "The activation is the rectified linear unit $\\text{a}[z] = \\max(0, z)$.\n\n"
SCHEDULE = "Write $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^t \\alpha_s$.\n\n"


def _statuses(doc, path: str) -> dict[str, str]:
    result = check_documents([doc], [path], CONFIG)[0]
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in result.steps}


def _md(prose: str, lhs: str, rhs: str) -> dict[str, str]:
    return _statuses(extract_markdown(f"{prose}$$\n\\begin{{aligned}}\n{lhs} &= {rhs}\n\\end{{aligned}}\n$$\n",
                                      "dl.md"), "dl.md")


def _tex(prose: str, lhs: str, rhs: str) -> str:
    steps = checked_steps(f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n")
    return steps[-1].verdict.status.value


@pytest.mark.parametrize("lhs, rhs", [
    ("\\text{a}[-z]", "-\\text{a}[z]"),  # the ReLU is not odd
    ("\\text{a}[c z]", "c\\,\\text{a}[z]"),  # nor homogeneous for a negative c
])
def test_a_bracket_function_the_prose_defines_is_not_read_as_a_product_to_verify(lhs: str, rhs: str) -> None:
    # read as \text{a} times the bracket the step holds; for the ReLU the prose defines it does not
    assert _md(RELU, lhs, rhs)[f"{lhs} = {rhs}"] == "unverified"
    assert _tex(RELU, lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\text{a}[z] - \\text{a}[-z]", "z"),
    ("\\text{a}[z] + \\text{a}[-z]", "|z|"),
    ("\\text{a}[2] + \\text{a}[-3]", "2"),
])
def test_true_facts_of_the_relu_in_square_brackets_stay_verified(lhs: str, rhs: str) -> None:
    assert _md(RELU, lhs, rhs)[f"{lhs} = {rhs}"] == "verified"


def test_without_a_definition_a_letter_before_a_bracket_may_still_multiply_it() -> None:
    assert _tex("", "\\text{a}[c z]", "c\\,\\text{a}[z]") == "verified"


def test_a_piecewise_definition_put_in_is_not_checked_at_positive_letters_only() -> None:
    prose = "Let $h(z) = \\max(0, z)$ be the hinge."
    assert _tex(prose, "h(c z)", "c\\,h(z)") == "unverified"
    assert _tex(prose, "h(z) - h(-z)", "z") == "verified"


def test_a_family_rule_and_its_accented_product_are_both_in_force() -> None:
    # \alpha_t = 1 - \beta_t used in a denominator beside \bar\alpha_{t-1}: was refuted (the accented
    # family's definition replaced the plain one, as one name)
    lhs = "\\frac{\\beta_t(1-\\bar\\alpha_{t-1})}{\\alpha_t(1-\\bar\\alpha_{t-1}) + \\beta_t}"
    rhs = "\\frac{\\beta_t(1-\\bar\\alpha_{t-1})}{\\alpha_t - \\alpha_t\\bar\\alpha_{t-1} + 1 - \\alpha_t}"
    assert _md(SCHEDULE, lhs, rhs)[f"{lhs} = {rhs}"] == "verified"
    assert _tex(SCHEDULE, "\\alpha_t + \\beta_t", "1") == "verified"
    slip = rhs.replace("+ 1 - \\alpha_t", "+ 1 + \\alpha_t")
    assert _md(SCHEDULE, lhs, slip)[f"{lhs} = {slip}"] == "refuted"


def test_the_schedule_in_a_notebook_cell_below_its_prose() -> None:
    cells = [("markdown", SCHEDULE), ("code", "import torch\n"),
             ("markdown", "$$\n\\alpha_t(1-\\bar\\alpha_{t-1}) + \\beta_t = 1 - \\alpha_t\\bar\\alpha_{t-1}\n$$\n")]
    text = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": kind, "metadata": {}, "source": body.splitlines(keepends=True),
         **({"outputs": [], "execution_count": None} if kind == "code" else {})} for kind, body in cells]})
    statuses = _statuses(extract_notebook(text, "ddpm.ipynb"), "ddpm.ipynb")
    assert list(statuses.values()) == ["verified"]


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dz}\\frac{1}{1+e^{-z}}", "\\frac{-e^{-z}}{(1+e^{-z})^2}"),  # sign
    ("(1-\\beta_1)\\sum_{s=1}^{t}\\beta_1^{t-s} g", "(1-\\beta_1)\\frac{1-\\beta_1^{t+1}}{1-\\beta_1} g"),  # exponent
    ("\\frac{\\partial}{\\partial\\phi_0}\\sum_{i=1}^I (\\phi_0 + \\phi_1 x_i - y_i)^2",
     "\\sum_{i=1}^I (\\phi_0 + \\phi_1 x_i - y_i)"),  # factor 2
    ("\\frac{1}{2}\\left(-\\log\\sigma^2 + \\sigma^2 + \\mu^2 - 1\\right)",
     "-\\frac{1}{2}\\left(1 + \\log\\sigma^2 + \\mu^2 - \\sigma^2\\right)"),  # the VAE's KL, a sign
    ("\\alpha_t(1-\\bar\\alpha_{t-1}) + (1-\\alpha_t)", "1 + \\alpha_t\\bar\\alpha_{t-1}"),
    ("\\frac{\\partial}{\\partial z_k}\\left(z_k - \\log\\sum_{j=1}^K e^{z_j}\\right)",
     "1 - \\frac{e^{z_j}}{\\sum_{j=1}^K e^{z_j}}"),  # a swapped index
])
def test_slips_of_deep_learning_notes_stay_refuted(lhs: str, rhs: str) -> None:
    assert _md("", lhs, rhs)[f"{lhs} = {rhs}"] == "refuted"
