"""The README's CI and pre-commit snippets are tested: the workflow file parses, its lintmath
commands are accepted by the CLI, and the pre-commit snippet names hooks the manifest defines."""
import re
import shlex
from pathlib import Path

import yaml
from click.testing import CliRunner

from lintmath.cli import main

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "docs" / "github-workflow.yml"


def lintmath_commands() -> list[list[str]]:
    flow = yaml.safe_load(WORKFLOW.read_text())
    steps = flow["jobs"]["lintmath"]["steps"]
    return [shlex.split(s["run"]) for s in steps if s.get("run", "").startswith("lintmath ")]


def test_workflow_uploads_sarif_written_by_lintmath():
    flow = yaml.safe_load(WORKFLOW.read_text())
    steps = flow["jobs"]["lintmath"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    (sarif_run,) = [c for c in lintmath_commands() if "sarif" in c]
    assert upload["with"]["sarif_file"] == sarif_run[sarif_run.index("--output") + 1]
    assert flow["permissions"]["security-events"] == "write"


def test_workflow_commands_are_valid_cli_invocations(tmp_path, monkeypatch):
    (tmp_path / "a.tex").write_text("\\begin{align*}\n(a-b)^2 &= a^2 + 2ab + b^2\n\\end{align*}\n")
    monkeypatch.chdir(tmp_path)
    for argv in lintmath_commands():
        result = CliRunner().invoke(main, argv[1:] + ["--jobs", "1"])
        assert result.exit_code in (0, 1), (argv, result.output)
    assert (tmp_path / "lintmath.sarif").exists()


def test_readme_snippets_match_the_tested_files():
    readme = (ROOT / "README.md").read_text()
    assert WORKFLOW.read_text().strip() in readme  # the CI snippet is the tested file, verbatim
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml.*?)```", readme, re.S).group(1)
    config = yaml.safe_load(block)
    assert {h["id"] for r in config["repos"] for h in r["hooks"]} <= hooks
