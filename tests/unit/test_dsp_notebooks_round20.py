"""Signal-processing notes as notebooks and Markdown (round 20): the prose of a notebook's markdown
cells is context as a Markdown file's prose is, cells in their order; and a line of numbers that a
definition with parameters (a worked example's family) contradicts only at an argument where its
parameters cancel is no error."""
import json

import pytest

from lintmath.config import Config
from lintmath.extract.markdown import extract_markdown, extract_notebook
from lintmath.pipeline import check_documents

CONFIG = Config(jobs=0, budget=5.0, seed=0)


def _notebook(*cells: tuple[str, str]) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True),
         **({"outputs": [], "execution_count": None} if kind == "code" else {})} for kind, text in cells]})


def _check(doc, path: str):
    return check_documents([doc], [path], CONFIG)[0]


def _by_rhs(result) -> dict[str, tuple[str, int | None, int]]:
    return {s.step.rhs.text.strip(): (s.verdict.status.value, s.step.rhs.cell, s.step.rhs.line) for s in result.steps}


@pytest.mark.parametrize("prose, claim, rhs", [
    # a finite set of values stated in an earlier cell
    ("The taps $c_k \\in \\{-1, +1\\}$ of the code.", "\\frac{1}{c_k} = c_k", "c_k"),
    # independence stated in an earlier cell
    ("Let $U$ and $V$ be independent noise samples.", "E[UV] = E[U]E[V]", "E[U]E[V]"),
    # a value stated inline in an earlier cell
    ("The pole gives $G(z) = 1/(1 - p z^{-1})$ for the filter.", "G(e^{j0}) = \\frac{1}{1 - p}", "\\frac{1}{1 - p}"),
])
def test_prose_of_an_earlier_cell_is_context(prose: str, claim: str, rhs: str) -> None:
    text = _notebook(("markdown", prose), ("code", "import numpy as np\n"), ("markdown", f"$$\n{claim}\n$$\n"))
    nb = _check(extract_notebook(text, "dsp.ipynb"), "dsp.ipynb")
    md = _check(extract_markdown(f"{prose}\n\n$$\n{claim}\n$$\n", "dsp.md"), "dsp.md")
    assert _by_rhs(md)[rhs][0] == "verified"
    # as in the Markdown file, and still reported by its line within its own cell
    assert _by_rhs(nb)[rhs] == ("verified", 3, 2)
    assert nb.findings == ()


def test_a_definition_in_a_later_cell_is_not_in_force_above_it() -> None:
    # cell 1's step is on line 5, the definition in cell 2 on line 2: by lines within cells alone the
    # definition would stand above the claim
    text = _notebook(("markdown", "Evaluate\n\n\n$$\nq(2) = 5\n$$\n"), ("markdown", "$$\nq(s) = s^2\n$$\n"))
    result = _check(extract_notebook(text, "dsp.ipynb"), "dsp.ipynb")
    assert _by_rhs(result)["5"][0] == "unverified"
    assert result.findings == ()


def test_a_notebook_finding_names_its_cell_and_line() -> None:
    text = _notebook(("markdown", "Gain\n$$\n\\begin{aligned}\n(1 - z^{-1})^2 &= 1 - 2z^{-1} + z^{-2} \\\\\n"
                                  "&= 1 + 2z^{-1} + z^{-2}\n\\end{aligned}\n$$\n"),
                     ("code", "x = 1\n"))
    result = _check(extract_notebook(text, "dsp.ipynb"), "dsp.ipynb")
    (finding,) = result.findings
    assert (finding.rule, finding.cell, finding.line) == ("LM101", 1, 5)


FAMILY = ("For inputs $u[n] = p^n$ and $v[n] = q^n$, $n \\ge 0$:\n\n"
          "$$\nw[n] = \\sum_{k=0}^{n} p^k q^{n-k}\n$$\n\n")


@pytest.mark.parametrize("claim, status", [
    # another example's output under the same name: numbers only, the family's parameters cancel at 0
    ("w[0] = 2 \\cdot 3 + 1 \\cdot 4 = 10", "unverified"),
    # the family itself at 0 and 1
    ("w[0] = 1", "verified"),
    ("w[1] = p + q", "verified"),
    # a slip with the family's letters written is still an error
    ("w[1] = p - q", "refuted"),
])
def test_a_line_of_numbers_against_a_family_with_parameters(claim: str, status: str) -> None:
    result = _check(extract_markdown(FAMILY + f"$$\n{claim}\n$$\n", "conv.md"), "conv.md")
    first = [s for s in result.steps if s.step.index == 0 and s.verdict.status.value != "skipped"][-1]
    assert first.verdict.status.value == status, first.verdict.reason


def test_a_definition_without_parameters_still_contradicts_a_line_of_numbers() -> None:
    text = "$$\nr[n] = 2^n\n$$\n\nThen\n\n$$\nr[3] = 2 \\cdot 3 = 6\n$$\n"
    result = _check(extract_markdown(text, "seq.md"), "seq.md")
    assert [f.rule for f in result.findings] == ["LM201"]


@pytest.mark.parametrize("range_", ["0, \\dots, N-1", "0, 1, \\ldots, N-1", "0, 1, 2, 3"])
def test_the_range_of_an_index_is_not_its_value(range_: str) -> None:
    # read as k = 0, the range would make a wrong shift step hold (k m for k l vanishes at k = 0)
    text = (f"$$\nC[k] = \\sum_{{l=0}}^{{N-1}} g[l]\\, \\rho^{{kl}}, \\qquad k = {range_}\n$$\n\n"
            "$$\n\\begin{aligned}\nT &= \\sum_{l=0}^{N-1} g[l]\\, \\rho^{k(l+m)} \\\\\n"
            "&= \\rho^{km} \\sum_{l=0}^{N-1} g[l]\\, \\rho^{km}\n\\end{aligned}\n$$\n")
    result = _check(extract_markdown(text, "dft.md"), "dft.md")
    wrong = [s for s in result.steps if s.step.rhs.text.strip().endswith("\\rho^{km}")]
    assert len(wrong) == 1 and wrong[0].verdict.status.value != "verified", wrong[0].verdict.definitions
