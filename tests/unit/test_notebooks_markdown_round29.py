"""Red team of Markdown and notebook sources as course authors write them (round 29): a lone ``$$``
in a sentence does not pair with the next display across a paragraph or code, the paragraphs of a
MyST ``{math}`` block are separate equations, bookdown's ``(\\#eq:label)`` and macro definitions in
the math are no part of a step, and Jekyll's ``{% highlight %}`` and Obsidian's ``%% .. %%`` hide
what they hold."""
from __future__ import annotations

import json
from pathlib import Path

from lintmath.config import Config
from lintmath.extract import extract_path
from lintmath.extract.markdown import extract_markdown, extract_notebook
from lintmath.pipeline import check_documents


def _steps(text: str, name: str = "t.md") -> list[tuple[int, int, str, str]]:
    doc = extract_markdown(text, name)
    return [(s.rhs.line, s.rhs.column, " ".join(s.lhs.text.split()), " ".join(s.rhs.text.split()))
            for d in doc.derivations for s in d.steps]


def _statuses(path: Path) -> list[tuple[int, str]]:
    results = check_documents([extract_path(str(path))], [str(path)], Config(jobs=0, budget=2.0, seed=0))
    return [(s.step.rhs.line, s.verdict.status.value) for r in results for s in r.steps]


def test_a_lone_double_dollar_in_a_sentence_does_not_swallow_the_next_display() -> None:
    text = ("Display math goes between $$ signs, like this.\n\nFor example:\n\n"
            "$$\n(p + q)^2 = p^2 + 2pq + q^2\n$$\n\nand $$ 7 - 3 = 4 $$.\n")
    assert [(line, lhs) for line, _, lhs, _ in _steps(text)] == [(6, "(p + q)^2"), (9, "7 - 3")]


def test_a_double_dollar_does_not_pair_across_code() -> None:
    text = ("The course $$ is free.\nUse `$$ x = y $$` for displays.\n\n```python\ns = '$$ 1 = 3 $$'\n```\n\n"
            "$$ 3 \\cdot 4 = 12 $$\n")
    assert [(line, column, lhs) for line, column, lhs, _ in _steps(text)] == [(8, 16, "3 \\cdot 4")]
    # no paragraph between them: the code span alone shows the first $$ is no opening
    text = "The course $$ is free; type `$$ x = y $$` or see $$ 3 \\cdot 4 = 12 $$\n"
    assert [(line, column, lhs) for line, column, lhs, _ in _steps(text)] == [(1, 65, "3 \\cdot 4")]


def test_a_display_block_may_still_hold_a_blank_line() -> None:
    # MyST, Obsidian and remark-math let a $$ block that opens its line run over a blank line
    text = "$$\n\\begin{aligned}\nu^2 - v^2 &= (u - v)(u + v) \\\\\n\n&= u^2 + v^2\n\\end{aligned}\n$$\n"
    assert [line for line, _, _, _ in _steps(text)] == [3, 5]
    # rows indented after that blank line look like indented code, but stay in the display
    text = "$$\n\\begin{aligned}\n    a + a &= 2a \\\\\n\n    &= 3a\n\\end{aligned}\n$$\n"
    assert [(line, rhs) for line, _, _, rhs in _steps(text)] == [(3, "2a"), (5, "3a")]


def test_the_paragraphs_of_a_math_block_are_separate_equations(tmp_path: Path) -> None:
    source = tmp_path / "trig.md"
    source.write_text("```{math}\n\\cos^2 t = \\frac{1 + \\cos 2t}{2}\n\n\\sin^2 t = \\frac{1 - \\cos 2t}{2}\n```\n\n"
                      "```{math}\n:label: chain\n(a + 1)^2 &= a^2 + 2a + 1 \\\\\n&= a^2 + 2a + 2\n```\n")
    steps = _steps(source.read_text())
    assert [(line, lhs) for line, _, lhs, _ in steps] == [(2, "\\cos^2 t"), (4, "\\sin^2 t"), (9, "(a + 1)^2"),
                                                          (10, "a^2 + 2a + 1")]
    assert _statuses(source) == [(2, "verified"), (4, "verified"), (9, "verified"), (10, "refuted")]


def test_bookdown_equation_labels_are_not_math(tmp_path: Path) -> None:
    source = tmp_path / "binom.Rmd"
    source.write_text("\\begin{align}\n\\binom{n}{1} &= n (\\#eq:one) \\\\\n\\binom{4}{2} &= 4 (\\#eq:slip)\n"
                      "\\end{align}\n\n$$\n\\binom{5}{2} = 10 (\\#eq:ten)\n$$\n")
    assert [rhs for _, _, _, rhs in _steps(source.read_text(), "binom.Rmd")] == ["n", "4", "10"]
    assert _statuses(source) == [(2, "verified"), (3, "refuted"), (7, "verified")]


def test_macros_defined_inside_the_math_are_used_and_not_read_as_a_step(tmp_path: Path) -> None:
    source = tmp_path / "macros.md"
    source.write_text("$$\n\\newcommand{\\sq}[1]{#1^2}\n\\sq{3} + \\sq{4} = \\sq{5}\n$$\n\n"
                      "$$ \\def\\cube#1{#1^3} \\cube{2} = 9 $$\n")
    steps = _steps(source.read_text())
    assert [(line, lhs) for line, _, lhs, _ in steps] == [(3, "\\sq{3} + \\sq{4}"), (6, "\\cube{2}")]
    assert {"\\sq", "\\cube"} <= {m.name for m in extract_markdown(source.read_text(), "t.md").macros}
    assert _statuses(source) == [(3, "verified"), (6, "refuted")]


def test_jekyll_highlight_and_obsidian_comments_hide_their_math() -> None:
    text = ("%% draft: $$ 1 = 2 $$ %%\n\n{% highlight python %}\ny = '$$ 1 = 3 $$'\n{% endhighlight %}\n\n"
            "$$\n\\begin{aligned}\nE &= mc^2 \\\\\n%% a LaTeX comment in the math stays one %%\n&= m c c\n"
            "\\end{aligned}\n$$\n")
    assert [(line, rhs) for line, _, _, rhs in _steps(text)] == [(9, "mc^2"), (11, "m c c")]


def test_a_notebook_with_outputs_reads_its_markdown_cells_only(tmp_path: Path) -> None:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["Use $$ around a display.\n", "\n", "$$\n",
                                                             "\\int_0^{\\pi} \\sin x \\, dx = 2 = 1\n", "$$\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["%%latex\n", "$$ 1 = 5 $$\n"],
         "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/latex": ["$$ 1 = 5 $$"]}}]},
        {"cell_type": "markdown", "metadata": {}, "attachments": {"a.png": {"image/png": "iVBORw0KGgo="}},
         "source": ["![a](attachment:a.png)\n", "```{math}\n", "2^3 = 8\n", "\n", "3^2 = 6\n", "```\n"]},
    ]
    source = tmp_path / "n.ipynb"
    source.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    doc = extract_notebook(source.read_text(), str(source))
    assert [(s.rhs.cell, s.rhs.line, " ".join(s.rhs.text.split())) for d in doc.derivations for s in d.steps] == [
        (1, 4, "2"), (1, 4, "1"), (3, 3, "8"), (3, 5, "6")]
    assert [status for _, status in _statuses(source)] == ["verified", "refuted", "verified", "refuted"]
