"""Each --format end to end: SARIF against the official schema, GitHub commands, the text caret,
and the flags that shape a run (--exit-zero, --fail-on, --statistics, --quiet, stdin)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lintmath.cli import main

ROOT = Path(__file__).resolve().parents[2]
SLIDES = ROOT / "fixtures" / "softmax" / "slides.tex"  # the seed deck: a real document, findings vary by rule set
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
WRONG = "\\begin{align*}\n(a-b)^2 &= a^2 + 2ab + b^2\n\\end{align*}\n"


def run(*args, input=None):
    return CliRunner().invoke(main, ["check", "--isolated", "--jobs", "1", *args], input=input)


@pytest.fixture
def one_wrong(tmp_path) -> Path:
    """A document with exactly one finding: LM101 at 2:18 (the term `2ab`)."""
    path = tmp_path / "one.tex"
    path.write_text(WRONG)
    return path


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(one_wrong):
    slides = json.loads(run(str(SLIDES), "--format", "sarif").stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(slides)
    assert slides["runs"][0]["results"]
    result = run(str(one_wrong), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    (run_,) = log["runs"]
    (res,) = run_["results"]
    assert res["ruleId"] == "LM101" and res["level"] == "error"
    rules = run_["tool"]["driver"]["rules"]
    assert rules[res["ruleIndex"]]["id"] == "LM101"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 18, 21)
    uri = res["locations"][0]["physicalLocation"]["artifactLocation"]
    assert not uri["uri"].startswith("/")  # relative to %SRCROOT% for code scanning


def test_sarif_with_an_unreadable_file_and_a_notebook_cell_stays_valid(tmp_path):
    nb = tmp_path / "nb.ipynb"
    nb.write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": ["$$(a-b)^2 = a^2 + 2ab + b^2$$"]}],
                              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    result = run(str(nb), str(tmp_path / "missing.tex"), "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    (res,) = log["runs"][0]["results"]
    # code scanning needs a start line; a cell has none in the file, so the alert sits on line 1
    assert res["properties"]["cell"] == 1 and res["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert log["runs"][0]["invocations"][0]["toolExecutionNotifications"]


def test_github_annotations(one_wrong):
    result = run(str(one_wrong), "--format", "github")
    (line,) = result.stdout.splitlines()
    m = re.fullmatch(r"::error file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),"
                     r"title=LM101 sign-error::(.*)", line)
    assert m, line
    assert m.group(1).endswith("one.tex") and m.groups()[1:5] == ("2", "2", "18", "21")
    assert "%0ASuggestion: " in m.group(6)  # newlines escaped as the runner expects


def test_text_quotes_the_line_with_carets_under_the_term():
    result = run(str(SLIDES))
    lines = result.stdout.splitlines()
    k = next(i for i, line in enumerate(lines) if re.search(r"slides\.tex:41:\d+: LM101 ", line))
    src, carets = lines[k + 2], lines[k + 3]
    assert src.startswith("41 | ")
    start = carets.index("^")
    assert src[start:start + carets.count("^")] == r"\frac{t_j^x}{o_j^x}"
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    coloured = run(str(SLIDES), "--color", "always")
    assert "\x1b[" in coloured.stdout


def test_concise_is_one_line_per_finding(one_wrong):
    result = run(str(one_wrong), "--format", "concise")
    assert result.stdout.count("\n") == 1 and ": LM101 " in result.stdout


def test_exit_zero_and_fail_on(tmp_path):
    assert run(str(SLIDES), "--exit-zero").exit_code == 0
    assert run(str(SLIDES), "--fail-on", "error").exit_code == 1
    (tmp_path / "slides.tex").write_text(WRONG)
    # LM101 as a warning no longer fails a run that fails only on errors
    (tmp_path / "lintmath.toml").write_text('[severity]\nLM101 = "warning"\n')
    target = tmp_path / "slides.tex"
    relaxed = CliRunner().invoke(main, ["check", "-j1", str(target), "--fail-on", "error", "--format", "json"])
    assert relaxed.exit_code == 0
    assert json.loads(relaxed.stdout)["findings"][0]["severity"] == "warning"
    assert CliRunner().invoke(main, ["check", "-j1", str(target), "--fail-on", "warning"]).exit_code == 1


def test_statistics_and_quiet(one_wrong):
    twin = one_wrong.with_name("twin.tex")  # a file named twice is checked once: a second file
    twin.write_text(WRONG)
    result = run(str(one_wrong), str(twin), "--statistics", "--quiet")
    assert "Found" not in result.stdout
    assert re.search(r"^\s+2\s+LM101\s+sign-error$", result.stdout, re.M)
    as_json = run(str(one_wrong), "--statistics", "--format", "json")
    json.loads(as_json.stdout)  # statistics went to stderr, the JSON stays parseable
    assert "LM101" in as_json.stderr


def test_stdin_with_a_filename_for_its_type():
    result = run("-", input=WRONG)
    assert result.exit_code == 1 and result.stdout.startswith("-:2:18: LM101 ")
    md = run("-", "--stdin-filename", "notes.md", input="Text.\n\n$$\n(a-b)^2 = a^2 + 2ab + b^2\n$$\n")
    assert md.exit_code == 1 and md.stdout.startswith("notes.md:4:")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    for k in range(3):
        (tmp_path / f"f{k}.tex").write_text(WRONG)
    proc = subprocess.run([sys.executable, "-m", "lintmath", "check", "--isolated", "-j", "2", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.count(": LM101 ") == 3


def test_progress_bar_on_a_terminal(tmp_path):
    pty = pytest.importorskip("pty")
    import os

    for k in range(3):
        (tmp_path / f"f{k}.tex").write_text(WRONG)
    out_fd, in_fd = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "lintmath", "check", "--isolated", "-j", "1", str(tmp_path),
                           "-o", str(tmp_path / "out.txt")], stderr=in_fd, stdout=subprocess.DEVNULL,
                          timeout=120, cwd=ROOT)
    os.close(in_fd)
    seen = b""
    while True:
        try:
            chunk = os.read(out_fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(out_fd)
    assert proc.returncode == 1
    assert b"Checking steps" in seen
