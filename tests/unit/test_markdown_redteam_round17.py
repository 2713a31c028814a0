"""Red team of Markdown and notebook sources (round 17): a sum over a family of data that a step
replaces by a quantity defined in the prose (the mean: sum_i x_i = m mu) is a substitution, left
unverified like a dropped variable; slips beside it (no such sum dropped) are still reported, and
notebook cells and Markdown lines are reported where they are written."""
from __future__ import annotations

import json

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    # the mean put in: sum_i x_i = m mu, said in the prose
    (r"\frac{1}{m}\sum_{i=1}^m x_i^2 - \frac{2\mu}{m}\sum_{i=1}^m x_i + \mu^2",
     r"\frac{1}{m}\sum_{i=1}^m x_i^2 - 2\mu^2 + \mu^2"),
    (r"\frac{1}{n}\sum_{j=1}^{n} (y_j - \bar y)", r"\bar y - \bar y"),
    (r"\frac{2}{N}\sum_{k=1}^{N} w_k - \bar w", r"\bar w"),  # the mean of the w_k
])
def test_family_sum_replaced_from_the_prose_is_not_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # no family sum disappears: the slips are still refuted
    (r"\sum_{i=1}^n i", r"\frac{n(n-1)}{2}"),
    (r"\sum_{i=1}^n (x_i + 1)", r"\sum_{i=1}^n x_i + 2n"),
    (r"\frac{1}{m}\sum_{i=1}^m (x_i - \mu)^2",
     r"\frac{1}{m}\sum_{i=1}^m x_i^2 + \frac{2\mu}{m}\sum_{i=1}^m x_i + \mu^2"),
])
def test_slips_that_keep_their_sums_are_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_correct_expansion_keeping_the_sum_verifies() -> None:
    assert _status(r"\frac{1}{m}\sum_{i=1}^m (x_i - \mu)^2",
                   r"\frac{1}{m}\sum_{i=1}^m x_i^2 - \frac{2\mu}{m}\sum_{i=1}^m x_i + \mu^2") == "verified"


MARKDOWN = """# Notes\r
\r
Tickets cost $5 and $10, or \\$15 together.\r
\r
```latex\r
$$ 1 + 1 = 3 $$\r
```\r
\r
$$\r
\\begin{aligned}\r
(p+q)^2 &= p^2 + 2pq + q^2 \\\\\r
&= q^2 + 2pq + p^2\r
\\end{aligned}\r
$$\r
"""


def test_crlf_markdown_with_currency_and_a_code_fence() -> None:
    result = check_text(MARKDOWN, "notes.md", Config(jobs=0), suffix=".md")
    assert [(s.step.rhs.line, s.verdict.status.value) for s in result.steps] == [(11, "verified"), (12, "verified")]


def test_notebook_cells_with_string_or_missing_source() -> None:
    cells = [{"cell_type": "markdown", "metadata": {}},
             {"cell_type": "code", "metadata": {}, "outputs": [], "source": "# $$ 2 = 3 $$\n"},
             {"cell_type": "markdown", "metadata": {}, "source": "Cost: $4.\n\n$$\n(u-1)(u+1) = u^2 - 1\n$$\n"},
             {"cell_type": "markdown", "metadata": {}, "source": ["$$\n", "(u-1)(u+1) = u^2 + 1\n", "$$\n"]}]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    result = check_text(text, "lecture.ipynb", Config(jobs=0), suffix=".ipynb")
    found = [(s.step.rhs.cell, s.step.rhs.line, s.verdict.status.value) for s in result.steps]
    assert found == [(3, 4, "verified"), (4, 2, "refuted")]


def test_a_sum_without_its_count_outside_is_still_refuted() -> None:
    # sum_j y_j replaced by a number: no mean is put in, the step is wrong under every reading
    assert _status(r"\sum_{j=1}^{q} y_j \log Z - \sum_{j=1}^{q} y_j o_j",
                   r"2\log Z - \sum_{j=1}^{q} y_j o_j") == "refuted"
