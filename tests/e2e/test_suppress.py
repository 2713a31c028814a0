"""Suppression comments end to end, and --warn-unused-ignores."""
import json

from click.testing import CliRunner

from lintmath.cli import main

WRONG_ROW = "(a-b)^2 &= a^2 + 2ab + b^2"


def check(path, *args):
    result = CliRunner().invoke(main, ["check", "--isolated", "-j1", "--format", "json", str(path), *args])
    return result, [(f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


def doc(*rows):
    return "\n".join(["\\begin{align*}", *rows, "\\end{align*}", ""])


def test_ignore_on_the_flagged_line(tmp_path):
    src = tmp_path / "a.tex"
    src.write_text(doc(WRONG_ROW + r" \\ % lintmath: ignore LM101 the slide means |a-b|", "&= c"))
    result, found = check(src)
    assert ("LM101" not in [r for _, r in found]) and result.exit_code in (0, 1)
    src.write_text(doc(WRONG_ROW + " % lintmath: ignore LM100"))  # another code: still reported
    assert check(src)[1] == [(2, "LM101")]
    src.write_text(doc(WRONG_ROW + " % lintmath: ignore"))  # no code: every rule
    assert check(src)[1] == []


def test_a_comment_on_the_line_above_does_not_suppress(tmp_path):
    src = tmp_path / "a.tex"
    src.write_text("% lintmath: ignore LM101\n" + doc(WRONG_ROW))
    assert check(src)[1] == [(3, "LM101")]


def test_ignore_begin_end_and_ignore_file(tmp_path):
    src = tmp_path / "a.tex"
    src.write_text("% lintmath: ignore-begin\n" + doc(WRONG_ROW) + "% lintmath: ignore-end\n" + doc(WRONG_ROW))
    assert check(src)[1] == [(7, "LM101")]
    src.write_text("% lintmath: ignore-file LM1\n" + doc(WRONG_ROW) + doc(WRONG_ROW))
    assert check(src)[1] == []


def test_unused_ignores_are_reported_when_asked(tmp_path):
    src = tmp_path / "a.tex"
    src.write_text(doc("(a-b)^2 &= a^2 - 2ab + b^2 % lintmath: ignore LM101", WRONG_ROW.replace("(a-b)^2", "")
                       + " % lintmath: ignore LM101"))
    assert check(src)[1] == []
    result, found = check(src, "--warn-unused-ignores")
    assert found == [(2, "LM900")]
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["severity"] == "info" and finding["column"] == 28
    assert result.exit_code == 1 and check(src, "--warn-unused-ignores", "--fail-on", "warning")[0].exit_code == 0


def test_markdown_html_comment_suppression(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("# Notes\n\n$$\n(a-b)^2 = a^2 + 2ab + b^2 <!-- lintmath: ignore LM101 -->\n$$\n\n"
                   "<!-- lintmath: ignore-file LM100 -->\n")
    result, found = check(src, "--warn-unused-ignores")
    assert found == [(7, "LM900")]
