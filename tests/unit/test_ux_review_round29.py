"""Using lintmath as a person, a pre-commit hook and a CI job would (round 29 review): the report never
overwrites a source, a file named twice is checked once, an unreadable file's line names it, SARIF
results always carry a start line, the HTML titles read as a person names a display."""
import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lintmath import cli
from lintmath.cli import main
from lintmath.extract import extract_path
from lintmath.model import ExtractError
from lintmath.pipeline import expand_paths

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
SLIDES_PDF = ROOT / "fixtures" / "softmax" / "slides.pdf"
SLIP = "\\begin{align*}\n(x+y)^2 &= x^2 + 2xy - y^2\n\\end{align*}\n"
CLEAN = "\\begin{align*}\n(x+y)^2 &= x^2 + 2xy + y^2\n\\end{align*}\n"


def run(*args, input=None):
    return CliRunner().invoke(main, ["check", "--isolated", "--jobs", "0", "--no-cache", *args], input=input)


@pytest.fixture
def slip(tmp_path) -> Path:
    path = tmp_path / "slip.tex"
    path.write_text(SLIP)
    return path


# ---------------------------------------------------------------------------- never write to the sources

def test_the_report_may_not_overwrite_a_file_it_checks(slip):
    before = (slip.read_bytes(), os.stat(slip).st_mtime_ns)
    result = run(str(slip), "-o", str(slip))
    assert result.exit_code == 2
    assert "is one of the files to check" in result.output
    assert (slip.read_bytes(), os.stat(slip).st_mtime_ns) == before


def test_nor_a_file_found_in_a_directory_it_walks(slip, tmp_path):
    result = run(str(tmp_path), "--format", "json", "-o", str(slip))
    assert result.exit_code == 2
    assert slip.read_text() == SLIP


def test_a_report_beside_the_sources_is_written_and_the_run_goes_on(slip, tmp_path):
    report = tmp_path / "report.txt"
    result = run(str(slip), "--format", "concise", "-o", str(report))
    assert result.exit_code == 1
    assert report.read_text().count(": LM") == 1
    assert run(str(slip), "-o", str(tmp_path / "no-dir" / "r.txt")).exit_code == 2


def test_unreadable_files_still_reach_the_terminal_when_the_text_report_goes_to_a_file(slip, tmp_path):
    report = tmp_path / "report.txt"
    result = run(str(slip), str(tmp_path / "gone.tex"), "-o", str(report))
    assert result.exit_code == 2  # a named path that does not exist: an error of the command
    assert "gone.tex: No such file" in result.stderr
    assert "gone.tex: No such file" in report.read_text()


# ---------------------------------------------------------------------------- each file once, each named

def test_a_file_named_twice_or_beside_its_directory_is_checked_once(slip, tmp_path):
    spelled = [str(slip), str(tmp_path), os.path.join(str(tmp_path), ".", "slip.tex")]
    assert expand_paths(spelled) == [str(slip)]
    result = run(*spelled, "--format", "concise")
    assert result.exit_code == 1
    assert result.output.count(": LM") == 1


def test_an_unsupported_file_is_named_in_its_line(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text(SLIP)
    with pytest.raises(ExtractError) as info:
        extract_path(str(other))
    assert str(info.value) == f"{other}: unsupported file type: .txt"
    result = run(str(other))
    assert result.exit_code == 2 and result.output.strip() == f"{other}: unsupported file type: .txt"
    piped = run("-", "--stdin-filename", "notes.txt", input=SLIP)
    assert piped.exit_code == 2 and piped.output.strip() == "notes.txt: unsupported file type: .txt"


def test_the_summary_counts_one_step_in_the_singular(slip):
    result = run(str(slip))
    assert result.output.strip().splitlines()[-1] == "Found 1 finding in 1 step (1 refuted)."


# ---------------------------------------------------------------------------- terminals and interrupts

@pytest.mark.parametrize("value, coloured", [("", True), ("1", False)])
def test_no_color_counts_only_when_it_is_not_empty(slip, monkeypatch, value, coloured):
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    monkeypatch.setenv("NO_COLOR", value)
    result = run(str(slip), "--format", "concise")
    assert ("\x1b[" in result.output) is coloured


def test_an_interrupted_run_exits_130_not_as_findings(slip, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("lintmath.pipeline.check_paths", interrupted)
    result = run(str(slip))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr


# ---------------------------------------------------------------------------- SARIF for code scanning

def _sarif(*args) -> dict:
    result = run(*args, "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_a_pdf_finding_has_a_start_line_and_says_its_page():
    (run_,) = _sarif(str(SLIDES_PDF))["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert [r["ruleId"] for r in run_["results"]] == ["LM201", "LM101"]
    for res in run_["results"]:
        assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
        assert res["message"]["text"].startswith(f"page {res['properties']['page']}: ")


def test_a_text_finding_keeps_its_span_and_an_unreadable_file_is_located(slip, tmp_path):
    (run_,) = _sarif(str(slip), str(tmp_path / "gone.tex"))["runs"]
    (res,) = run_["results"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 24, 27)  # the term `y^2` whose sign flipped
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].endswith("gone.tex: No such file")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("gone.tex")


# ---------------------------------------------------------------------------- the HTML report

def test_html_titles_name_the_page_of_a_pdf_and_the_delimiters_of_a_display(tmp_path):
    deck = tmp_path / "deck.tex"
    deck.write_text("\\[ (x+y)^2 = x^2 + 2xy + y^2 \\]\n" + SLIP)
    result = run(str(deck), str(SLIDES_PDF), "--format", "html")
    assert result.exit_code == 1
    page = result.stdout
    assert "<h3>Derivation 1 (\\[ … \\])</h3>" in page
    assert "<h3>Derivation 2 (align*)</h3>" in page
    assert "<h3>Derivation 1 · page 1</h3>" in page and "(pdf)" not in page


def test_html_header_counts_in_the_singular(slip):
    result = run(str(slip), "--format", "html")
    assert "<p>1 file, 1 step, 1 finding</p>" in result.stdout
