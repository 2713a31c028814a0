"""How a display is cut into steps (round 15 red team on extraction).

A row that opens with an operator is a continuation only when the operator follows the row's first
``&`` (``&\\quad - c``); set before it (``-\\sin^2 x &= ..``) it is a new left side. Justification
columns (``&& \\text{by (2)}``) are not part of a right side; a connective opening a row
(``\\text{hence}\\quad``, ``\\therefore``) is not glued to the row above; ``$$\\begin{align}..$$``
(MathJax) is read as the alignment; ``\\phantom{lhs}`` repeats the left side above; ``\\lefteqn``,
``\\MoveEqLeft`` and ``\\mathrlap`` are layout. Correct derivations in these layouts give no finding,
and a slip in them is still found on its own line.
"""
import json

import pytest
from click.testing import CliRunner

from lintmath.cli import main
from lintmath.extract.markdown import extract_markdown, extract_notebook
from test_extract_latex import chains  # the same reading of a document, slices checked


def check(tmp_path, source: str, name: str = "doc.tex") -> dict:
    """``lintmath check --format json`` on ``source`` written to ``name``."""
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--jobs", "1", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def findings(data: dict) -> list[tuple[int, str]]:
    return [(f["line"], f["rule"]) for f in data["findings"]]


def doc(body: str) -> str:
    return "\\documentclass{article}\n\\begin{document}\n" + body.strip("\n") + "\n\\end{document}\n"


# ------------------------------------------------------------------------------------------ a new left side with a sign

@pytest.mark.parametrize("env, sep", [("align*", "&="), ("eqnarray*", "&=&")])
def test_negated_left_side_before_the_ampersand_starts_a_chain(env, sep):
    src = (f"\\begin{{{env}}}\n\\tan^2 u + 1 {sep} \\sec^2 u \\\\\n"
           f"-\\tan^2 u {sep} 1 - \\sec^2 u\n\\end{{{env}}}")
    assert chains(src) == [[("\\tan^2 u + 1", "=", "\\sec^2 u")],
                           [("-\\tan^2 u", "=", "1 - \\sec^2 u")]]


def test_operator_after_the_ampersand_still_continues():
    src = "\\begin{align*}\nq &= u + v \\\\\n  &\\quad - w = z\n\\end{align*}"
    assert chains(src) == [[("q", "=", "u + v - w"), ("u + v - w", "=", "z")]]
    src = "\\begin{eqnarray*}\nq &=& u + v \\\\\n && - w \\\\\n &=& z\n\\end{eqnarray*}"
    assert chains(src) == [[("q", "=", "u + v - w"), ("u + v - w", "=", "z")]]


def test_negated_rows_in_other_layouts():
    # gather: every row is an equation of its own
    assert chains("\\begin{gather*} p = 2q \\\\ -p = -2q \\end{gather*}") == [
        [("p", "=", "2q")], [("-p", "=", "-2q")]]
    # a second column pair, and an array used as an alignment
    assert chains("\\begin{align*} a &= 1, & b &= 2 \\\\ -a &= -1, & -b &= -2 \\end{align*}") == [
        [("a", "=", "1")], [("b", "=", "2")], [("-a", "=", "-1")], [("-b", "=", "-2")]]
    assert chains("\\[ \\begin{array}{rcl} m &=& 4 \\\\ -m &=& -4 \\end{array} \\]") == [
        [("m", "=", "4")], [("-m", "=", "-4")]]


def test_unaligned_rows_with_a_sign_are_ambiguous():
    # ``$$ a = b \\ - c = d $$``: ``-c`` may continue ``b`` or start an equation; neither is read
    assert chains("$$ r = s + 1 \\\\ - t = 4 $$") == []
    assert chains("$$ r = s + 1 \\\\ - t = 4 = 2 + 2 $$") == [[("4", "=", "2 + 2")]]
    # the same in multline is a continuation
    assert chains("\\begin{multline} r = s \\\\ - t = 4 \\end{multline}") == [
        [("r", "=", "s - t"), ("s - t", "=", "4")]]


def test_correct_negated_rows_give_no_finding_and_a_slip_is_found(tmp_path):
    good = doc(r"""
\begin{align*}
\cosh^2 w - \sinh^2 w &= 1 \\
-\sinh^2 w &= 1 - \cosh^2 w
\end{align*}
\begin{gather*}
(y+3)^2 = y^2 + 6y + 9 \\
-(y-3)^2 = -y^2 + 6y - 9
\end{gather*}""")
    assert findings(check(tmp_path, good)) == []
    bad = doc(r"""
\begin{align*}
\cosh^2 w - \sinh^2 w &= 1 \\
-\sinh^2 w &= 1 + \cosh^2 w
\end{align*}""")
    assert [line for line, _rule in findings(check(tmp_path, bad))] == [5]


# ------------------------------------------------------------------------------------------ justifications and connectives

def test_justification_columns_are_not_part_of_the_right_side():
    src = r"""\begin{alignat}{2}
g &= (k+1)^2 &\quad& \text{by (4)} \\
  &= k^2 + 2k + 1 && (\text{binomial theorem}) \\
  &= k(k+2) + 1 && \text{using } k = 1 \text{ nowhere}
\end{alignat}"""
    assert chains(src) == [[("g", "=", "(k+1)^2"), ("(k+1)^2", "=", "k^2 + 2k + 1"),
                            ("k^2 + 2k + 1", "=", "k(k+2) + 1")]]
    # an equation of its own in a later column is still read
    assert chains(r"\begin{align*} a &= 1 && b = 2 \end{align*}") == [[("a", "=", "1")], [("b", "=", "2")]]
    # a column that is the right side (``a & = & b`` in align) stays the right side
    assert chains(r"\begin{align*} a & = & \text{b} \end{align*}") == [[("a", "=", "\\text{b}")]]


def test_a_slip_beside_a_justification_is_reported_without_it(tmp_path):
    src = doc(r"""
\begin{align*}
(m+2)^2 &= m^2 + 4m + 4 && \text{(expand)} \\
        &= m^2 + 4m + 2 && \text{(simplify)}
\end{align*}""")
    data = check(tmp_path, src)
    assert [line for line, _rule in findings(data)] == [5]
    assert all("\\text" not in (f.get("suggestion") or "") for f in data["findings"])


def test_a_connective_opening_a_row_starts_an_equation():
    src = r"""\begin{align*}
3v + 1 &= 10 \\
\therefore\ v &= 3 \\
\text{hence}\quad v^2 &= 9
\end{align*}"""
    assert chains(src) == [[("3v + 1", "=", "10")], [("v", "=", "3")], [("v^2", "=", "9")]]
    # a name in \mbox on a first row is the left side, not prose
    assert chains(r"\begin{align*} \mbox{Gain}(n) &= n + 1 \end{align*}") == [
        [("\\mbox{Gain}(n)", "=", "n + 1")]]
    # prose with no equation after it stays an annotation of the row above
    assert chains(r"\begin{align*} c &= d + e \\ & \text{for all } e \end{align*}") == [
        [("c", "=", "d + e \\text{for all } e")]]


# ------------------------------------------------------------------------------------------ layout commands

def test_phantom_left_side_continues_the_chain():
    src = r"""\begin{align*}
(s+1)^2 &= s^2 + 2s + 1 \\
\phantom{(s+1)^2} &= s(s+2) + 1
\end{align*}"""
    assert chains(src) == [[("(s+1)^2", "=", "s^2 + 2s + 1"), ("s^2 + 2s + 1", "=", "s(s+2) + 1")]]


def test_layout_wrappers_keep_their_math():
    src = "\\begin{align*}\n\\MoveEqLeft[2] (c+d)^2 \\\\\n&= c^2 + 2cd + d^2\n\\end{align*}"
    assert chains(src) == [[("(c+d)^2", "=", "c^2 + 2cd + d^2")]]
    src = "\\begin{eqnarray*}\n\\lefteqn{(c+d)^2} \\\\\n &=& c^2 + 2cd + d^2\n\\end{eqnarray*}"
    assert chains(src) == [[("{(c+d)^2}", "=", "c^2 + 2cd + d^2")]]


def test_layout_wrappers_verify(tmp_path):
    src = doc(r"""
\begin{align*}
\MoveEqLeft (c+d)^2 - (c-d)^2 \\
&= 4cd \\
\mathrlap{(c+1)^2} \\
\phantom{(c+1)^2} &= c^2 + 2c + 1
\end{align*}""")
    data = check(tmp_path, src)
    assert data["findings"] == []
    assert [s["status"] for s in data["steps"]] == ["verified", "verified"]


# ------------------------------------------------------------------------------------------ Markdown and notebooks

def test_display_environment_inside_dollars_in_markdown():
    text = "Text\n\n$$\\begin{align}\nh &= (t+1)^2 \\\\\n&= t^2 + 2t + 1\n\\end{align}$$\n"
    doc_ = extract_markdown(text, "n.md")
    steps = [(s.lhs.stripped, s.rhs.stripped, s.lhs.line, s.rhs.line) for d in doc_.derivations for s in d.steps]
    assert steps == [("h", "(t+1)^2", 4, 4), ("(t+1)^2", "t^2 + 2t + 1", 4, 5)]


def test_notebook_negated_row_and_slip(tmp_path):
    cell = ["$$\\begin{aligned}\n", "e^{2r} - 1 &= (e^r - 1)(e^r + 1) \\\\\n", "-e^{2r} + 1 &= {}\n", "\\end{aligned}$$\n"]
    good = [*cell[:2], "-e^{2r} + 1 &= -(e^r-1)(e^r+1)\n", cell[3]]
    bad = [*cell[:2], "-e^{2r} + 1 &= (e^r-1)(e^r+1)\n", cell[3]]
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": good},
                    {"cell_type": "markdown", "metadata": {}, "source": bad}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    parsed = extract_notebook(json.dumps(nb), "n.ipynb")
    assert [(d.steps[0].lhs.cell, d.steps[0].lhs.stripped) for d in parsed.derivations] == [
        (1, "e^{2r} - 1"), (1, "-e^{2r} + 1"), (2, "e^{2r} - 1"), (2, "-e^{2r} + 1")]
    data = check(tmp_path, json.dumps(nb), "n.ipynb")
    assert [(f["cell"], f["line"]) for f in data["findings"]] == [(2, 3)]
