"""Markdown flavours and notebooks end to end: the wrong step at its line (and cell), code ignored."""
import json
import re

import pytest
from click.testing import CliRunner

from lintmath.cli import main

MD = """---
title: "Week 1: a $$ in the front matter is not math"
---
# Expanding squares

Costs 5% more; `$$ x = y $$` is code.

```python
print("$$ a = 2 $$")
```

$$
\\begin{aligned}
(a+b)^2 &= a^2 + 2ab + b^2 \\\\
(a-b)^2 &= a^2 + 2ab + b^2
\\end{aligned}
$$

\\begin{align}
(x+1)(x+2) &= x^2 + 3x + 2
\\end{align}
"""

MYST = """# MyST

```{math}
:label: square
(a-b)^2 &= a^2 - 2ab + b^2 \\\\
  &= a^2 + 2ab + b^2
```
"""


def check(*args):
    result = CliRunner().invoke(main, ["check", "--isolated", "-j1", "--format", "json", *map(str, args)])
    return result, json.loads(result.stdout)


@pytest.mark.parametrize("suffix", [".md", ".qmd", ".Rmd"])
def test_markdown_flavours(tmp_path, suffix):
    src = tmp_path / f"notes{suffix}"
    src.write_text(MD)
    result, data = check(src)
    assert result.exit_code == 1
    assert [(f["line"], f["rule"]) for f in data["findings"]] == [(15, "LM101")]
    assert len(data["steps"]) == 3  # two rows of aligned, one align; nothing from code or prose


def test_myst_math_fence(tmp_path):
    src = tmp_path / "myst.md"
    src.write_text(MYST)
    result, data = check(src)
    assert [(f["line"], f["rule"]) for f in data["findings"]] == [(6, "LM101")]
    assert data["findings"][0]["column"] == 12  # the flipped term, `2ab`


def test_notebook_findings_name_the_cell_and_line(tmp_path):
    nb = tmp_path / "lecture.ipynb"
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "Intro."]},
        {"cell_type": "code", "metadata": {}, "source": ["x = '$$ a = b $$'"], "outputs": [], "execution_count": None},
        {"cell_type": "markdown", "metadata": {}, "source": ["Expand:\n", "$$\n", "(a-b)^2 = a^2 + 2ab + b^2\n", "$$"]},
    ]
    nb.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result, data = check(nb)
    (finding,) = data["findings"]
    assert (finding["cell"], finding["line"], finding["rule"]) == (3, 3, "LM101")
    assert data["steps"][0]["cell"] == 3
    text = CliRunner().invoke(main, ["check", "--isolated", "-j1", str(nb)])
    assert re.search(r"lecture\.ipynb:cell3:3:\d+: LM101 ", text.stdout)


def test_directory_walk_takes_markdown_and_notebooks(tmp_path):
    (tmp_path / "a.md").write_text(MYST)
    (tmp_path / "b.txt").write_text(MYST)
    _, data = check(tmp_path)
    assert [f["path"].rsplit("/", 1)[-1] for f in data["files"]] == ["a.md"]


def test_a_broken_notebook_is_a_file_error(tmp_path):
    nb = tmp_path / "broken.ipynb"
    nb.write_text("{not json")
    result = CliRunner().invoke(main, ["check", "--isolated", "-j1", str(nb)])
    assert result.exit_code == 2 and "not a notebook" in result.output
