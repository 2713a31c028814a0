"""Red team on Markdown / notebook layouts (round 15): what is not math stays out, what is
Markdown around the math is undone, and slips are found at the author's line."""
from __future__ import annotations

import json

from lintmath.check import check_step
from lintmath.extract.markdown import extract_markdown, extract_notebook


def _steps(text: str) -> list[tuple[int, str, str]]:
    doc = extract_markdown(text, "t.md")
    return [(s.lhs.line, " ".join(s.lhs.text.split()), " ".join(s.rhs.text.split()))
            for d in doc.derivations for s in d.steps]


def _refuted_lines(text: str) -> list[int]:
    doc = extract_markdown(text, "t.md")
    return [s.rhs.line for d in doc.derivations for s in d.steps
            if check_step(s.lhs.text, s.rhs.text, s.relation).status.value == "refuted"]


def test_indented_code_block_is_not_math():
    text = "Type this:\n\n    $$ 1 + 1 = 3 $$\n\nand then $$ 4 - 1 = 3 $$\n"
    assert [(r, a) for r, a, _ in _steps(text)] == [(5, "4 - 1")]


def test_indented_math_in_list_items_and_admonitions_is_math():
    text = ("1. Expand\n\n    $$ (c-1)^2 = c^2 - 2c + 2 $$\n\n"
            "!!! note\n    $$ 2^5 = 32 $$\n")
    assert _refuted_lines(text) == [3]
    assert len(_steps(text)) == 2


def test_html_elements_that_are_never_typeset():
    text = "<pre>\n$$ 1 = 2 $$\n</pre>\n<script>var s = '$$ 3 = 4 $$';</script>\n\n$$ 2 + 3 = 5 $$\n"
    assert [r for r, _, _ in _steps(text)] == [6]


def test_dollars_in_an_html_comment_do_not_pair_with_a_display():
    text = "<!-- write $$ for a display -->\n\n$$ (a+1)^2 = a^2 + 2a + 2 $$\n\nA $$ 1 + 1 = 2 $$ again.\n"
    assert _refuted_lines(text) == [3]


def test_escaped_bracket_delimiters():
    text = ("\\\\[\n(a+b)^2 = a^2 + 2ab + b^2\n\\\\]\n\nInline \\\\( x = 1 \\\\) here.\n\n"
            "\\\\[\n\\begin{aligned}\n(p+q)^2 &= p^2 + 2pq + q^2 \\\\\\\\\n&= p^2 + pq + q^2\n"
            "\\end{aligned}\n\\\\]\n")
    steps = _steps(text)
    assert [r for r, _, _ in steps] == [2, 9, 9]  # the left side of a continued row is the row above
    assert steps[0][2] == "a^2 + 2ab + b^2"
    assert _refuted_lines(text) == [10]


def test_markdown_escapes_in_math_are_undone():
    text = "$$\n\\begin{aligned}\nx\\_1 + x\\_2 &= x\\_2 + x\\_1 \\\\\\\\\n&= 2 x\\_1\n\\end{aligned}\n$$\n"
    doc = extract_markdown(text, "t.md")
    steps = [s for d in doc.derivations for s in d.steps]
    assert check_step(steps[0].lhs.text, steps[0].rhs.text, "=").status.value == "verified"
    assert steps[1].rhs.line == 4 and steps[1].rhs.column == 4  # positions unchanged
    assert check_step(steps[1].lhs.text, steps[1].rhs.text, "=").status.value != "verified"


def test_display_in_a_block_quote():
    text = "> $$\n> \\begin{aligned}\n> (a-b)^2 &= a^2 - 2ab + b^2 \\\\\n>  &= a^2 - ab + b^2\n> \\end{aligned}\n> $$\n"
    steps = _steps(text)
    assert [r for r, _, _ in steps] == [3, 3]
    assert _refuted_lines(text) == [4]


def test_myst_directives_with_markdown_bodies():
    text = ("````{prf:proof}\n:label: pf\n\n```{math}\n(u+v)^2 = u^2 + 2uv + v^2\n```\n\n"
            "$$ (u-v)^2 = u^2 - uv + v^2 $$\n````\n\n:::{note}\n$$ 6 \\cdot 7 = 42 $$\n:::\n\n"
            "```{code-cell} python\ns = '$$ 1 = 2 $$'\n```\n")
    assert [r for r, _, _ in _steps(text)] == [5, 8, 12]
    assert _refuted_lines(text) == [8]


def test_quarto_callout_is_still_markdown():
    text = "::: {.callout-note}\n$$ 3 \\cdot 3 = 9 $$\n:::\n"
    assert [r for r, _, _ in _steps(text)] == [2]


def test_front_matter_header_includes_macros():
    text = "---\nheader-includes:\n  - \\newcommand{\\sq}[1]{#1^{2}}\n---\n\n$$ \\sq{a+1} = a^2 + 2a + 1 $$\n"
    doc = extract_markdown(text, "t.Rmd")
    assert "\\sq" in {m.name for m in doc.macros}


def test_damaged_and_old_notebooks():
    nb = {"cells": [{"cell_type": "markdown", "source": [1, None]}, 5, {"cell_type": "markdown"},
                    {"cell_type": "markdown", "source": "$$ 2 + 2 = 5 $$"}]}
    doc = extract_notebook(json.dumps(nb), "n.ipynb")
    assert [s.rhs.cell for d in doc.derivations for s in d.steps] == [4]
    v3 = {"nbformat": 3, "worksheets": [{"cells": [{"cell_type": "code", "input": "x = 1"},
                                                   {"cell_type": "markdown", "source": ["$$ 1 + 1 = 3 $$\n"]}]}]}
    doc = extract_notebook(json.dumps(v3), "n.ipynb")
    assert [s.rhs.cell for d in doc.derivations for s in d.steps] == [2]
