"""Configuration files end to end: discovery, every key, precedence, and unknown keys."""
import json
from pathlib import Path

from click.testing import CliRunner

from lintmath.cli import main
from lintmath.config import Config, load_config

WRONG = "\\begin{align*}\n(a-b)^2 &= a^2 + 2ab + b^2\n\\end{align*}\n"
UNEXPLAINED = "\\begin{align*}\n(x+1)(x+2) &= x^2 + 2x + 3\n\\end{align*}\n"


def check(*args):
    return CliRunner().invoke(main, ["check", "-j1", "--format", "json", *args])


def rules_of(result):
    return sorted(f["rule"] for f in json.loads(result.stdout)["findings"])


def test_pyproject_found_by_walking_up_from_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "course"\n[tool.lintmath]\nignore = ["LM101"]\n')
    deep = tmp_path / "lectures" / "week1"
    deep.mkdir(parents=True)
    (deep / "a.tex").write_text(WRONG)
    result = check(str(deep / "a.tex"))
    assert result.exit_code == 0 and rules_of(result) == []
    # the CLI wins over the file
    assert rules_of(check(str(deep / "a.tex"), "--ignore", "LM9")) == ["LM101"]
    assert rules_of(check(str(deep / "a.tex"), "--isolated")) == ["LM101"]


def test_lintmath_toml_select_severity_and_per_file_ignores(tmp_path):
    (tmp_path / "lintmath.toml").write_text(
        'select = ["LM1"]\n'
        '[per-file-ignores]\n"drafts/*.tex" = ["LM100"]\n'
        '[severity]\nLM100 = "warning"\n'
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.tex").write_text(UNEXPLAINED)
    (tmp_path / "final.tex").write_text(UNEXPLAINED)
    data = json.loads(check(str(tmp_path)).stdout)
    assert [(Path(f["path"]).name, f["rule"], f["severity"]) for f in data["findings"]] == \
        [("final.tex", "LM100", "warning")]


def test_include_and_exclude_globs(tmp_path):
    (tmp_path / "lintmath.toml").write_text('exclude = ["build", "*.draft.tex"]\n')
    for name in ("a.tex", "b.draft.tex", "build/c.tex"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(WRONG)
    data = json.loads(check(str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["a.tex"]
    # exclude also applies to a file named on the command line (pre-commit passes files one by one)
    assert json.loads(check(str(tmp_path / "b.draft.tex")).stdout)["files"] == []
    (tmp_path / "lintmath.toml").write_text('include = ["*.draft.tex"]\n')
    data = json.loads(check(str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["b.draft.tex"]


def test_budget_macros_and_assume(tmp_path):
    (tmp_path / "defs.sty").write_text("\\newcommand{\\sq}[1]{{#1}^2}\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lintmath]\nbudget = 0.5\nmacros = ["defs.sty"]\nassume = ["x > 0"]\nwarn-unused-ignores = true\n')
    (tmp_path / "m.tex").write_text("\\begin{align*}\n\\sq{a-b} &= a^2 + 2ab + b^2\n\\end{align*}\n")
    config = load_config(tmp_path / "m.tex")
    assert config.budget == 0.5 and config.assume == ("x > 0",) and config.warn_unused_ignores
    assert [m.name for m in config.macros] == ["\\sq"]
    assert rules_of(check(str(tmp_path / "m.tex"))) == ["LM101"]  # \sq came from the macro file
    import pickle

    assert pickle.loads(pickle.dumps(config)) == config  # it crosses process boundaries


def test_unknown_key_is_an_error_naming_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.lintmath]\nselekt = ["LM1"]\n')
    (tmp_path / "a.tex").write_text(WRONG)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.tex")])
    assert result.exit_code == 2
    assert "unknown key `selekt`" in result.stderr and "Traceback" not in result.output
    (tmp_path / "pyproject.toml").write_text('[tool.lintmath.severity]\nLM101 = "fatal"\n')
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.tex")])
    assert result.exit_code == 2 and "severity.LM101" in result.stderr


def test_defaults_without_a_file(tmp_path):
    config = load_config(tmp_path, isolated=True)
    assert config.budget == Config().budget and config.source == ""
