"""The CLI end to end on shipped fixtures: exit codes, formats, locations."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintmath.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SLIDES = FIXTURES / "softmax" / "slides.tex"


def run(*args):
    return CliRunner().invoke(main, list(args))


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    hits = [i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def test_seed_slides_report_the_lost_minus_sign():
    result = run("check", str(SLIDES), "--jobs", "1", "--format", "concise")
    assert result.exit_code == 1, result.output
    wrong = line_of(SLIDES, r"&= \frac{t_j^x}{o_j^x} + \frac{1 - t_j^x}{1 - o_j^x}")
    assert re.search(rf"slides\.tex:{wrong}:\d+: LM101 ", result.output), result.output
    # the one-line claim on its own slide, wrong given the definition of E_x on another slide
    claim = line_of(SLIDES, r"\frac{\partial E_x}{\partial o_j^x} = \frac{t_j^x}{o_j^x}")
    definition = line_of(SLIDES, r"E_x = -\sum_k")
    assert re.search(rf"slides\.tex:{claim}:\d+: LM201 .*slides\.tex:{definition}\b", result.output), result.output
    assert result.output.count(": LM") == 2


def test_seed_slides_json_contract():
    result = run("check", str(SLIDES), "--format", "json", "--jobs", "1")
    data = json.loads(result.output)
    assert set(data) >= {"findings", "steps", "files", "summary"}
    finding = next(f for f in data["findings"] if f["rule"] == "LM101")
    assert set(finding) >= {"path", "line", "column", "end_line", "end_column", "page", "rule", "name",
                            "severity", "message", "suggestion"}
    assert finding["rule"] == "LM101" and finding["severity"] == "error" and finding["page"] is None
    assert finding["suggestion"] == r"-\frac{t_j^x}{o_j^x} + \frac{1 - t_j^x}{1 - o_j^x}"
    for step in data["steps"]:
        assert set(step) >= {"path", "line", "column", "page", "derivation", "index", "relation", "from",
                             "to", "status", "reason"}
        assert step["status"] in ("verified", "refuted", "unverified", "skipped")
    # the accepted answer's chain: every step verified, the head with E's definition from another slide
    chain = [s for s in data["steps"] if s["derivation"] == 2]
    assert [s["status"] for s in chain] == ["verified"] * 5
    (file_entry,) = data["files"]
    assert file_entry["status"] == "checked" and file_entry["error"] is None
    assert data["summary"]["findings"] == 2
    # the corrected one-line claim is verified with the definition
    corrected = line_of(SLIDES, r"\frac{\partial E_x}{\partial o_j^x} = -\frac{t_j^x}{o_j^x}")
    assert [s["status"] for s in data["steps"] if s["line"] == corrected] == ["verified"]


def test_correct_fixture_is_clean():
    result = run("check", str(FIXTURES / "correct.tex"), "--format", "json", "--jobs", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["findings"] == []
    assert {s["status"] for s in data["steps"]} == {"verified"}


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "rules").glob("LM*.tex")), ids=lambda p: p.stem)
def test_rule_fixtures_flag_the_marked_lines(fixture):
    expected = sorted((i, m) for i, line in enumerate(fixture.read_text().splitlines(), 1)
                      for m in re.findall(r"% \[(LM\d+)\]", line))
    result = run("check", str(fixture), "--format", "json", "--jobs", "1")
    found = sorted((f["line"], f["rule"]) for f in json.loads(result.output)["findings"])
    assert found == expected


def test_missing_file_exits_2_with_one_line():
    result = run("check", "no-such-file.tex")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["no-such-file.tex: No such file"]
    assert "Traceback" not in result.output


def test_missing_file_does_not_stop_the_others():
    result = run("check", "no-such-file.tex", str(SLIDES), "--format", "json", "--jobs", "1")
    assert result.exit_code == 2  # a path that does not exist is an error of the command, findings or not
    data = json.loads(result.stdout)
    assert [f["status"] for f in data["files"]] == ["error", "checked"]


def test_rules_and_rule_commands():
    listing = run("rules")
    assert "LM100" in listing.output and "LM101" in listing.output
    one = run("rule", "LM101")
    assert one.exit_code == 0 and "# sign-error (LM101)" in one.output
    assert run("rule", "LM999").exit_code == 2


def test_console_script_runs_in_a_subprocess_with_worker_processes():
    proc = subprocess.run([sys.executable, "-m", "lintmath", "check", str(SLIDES), "--jobs", "2"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "LM101" in proc.stdout


def test_an_independently_written_seed_like_deck():
    deck = FIXTURES / "seedlike" / "notes.tex"
    result = run("check", str(deck), "--format", "json", "--jobs", "1")
    data = json.loads(result.output)
    wrong = line_of(deck, r"&=& -\frac{y_m}{\hat{y}_m} - \frac{1-y_m}{1-\hat{y}_m}")
    assert [(f["line"], f["rule"]) for f in data["findings"]] == [(wrong, "LM101")]
    assert not [s for s in data["steps"] if s["status"] == "refuted" and s["line"] != wrong]


@pytest.mark.parametrize("args, message", [
    (("--select", "LM1,ZZZ"), "no rule matches ZZZ"),             # a typo would select nothing
    (("--ignore", "LX"), "no rule matches LX"),
    (("--jobs", "-3"), "-3 is not in the range"),
    (("--output", "/no-such-dir/report.txt"), "No such file or directory"),
])
def test_bad_options_are_usage_errors(args, message):
    result = run("check", str(SLIDES), *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_a_rule_prefix_selects(tmp_path):
    result = run("check", str(SLIDES), "--select", "LM1", "--format", "json", "--jobs", "0")
    assert result.exit_code == 1
    assert {f["rule"][:3] for f in json.loads(result.stdout)["findings"]} == {"LM1"}


def test_a_directory_without_files_to_check_says_so(tmp_path):
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    assert "no files to check" in result.stderr
