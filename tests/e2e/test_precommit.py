"""The pre-commit hook, run by the real pre-commit: it blocks a commit with a wrong step and lets a
clean one through. Slow (pre-commit builds the hook's environment from PyPI) but in the default run."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WRONG = "\\begin{align*}\n(a-b)^2 &= a^2 + 2ab + b^2\n\\end{align*}\n"
RIGHT = "\\begin{align*}\n(a-b)^2 &= a^2 - 2ab + b^2\n\\end{align*}\n"
SHIPPED = ["lintmath", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")]


def git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


def pre_commit(*args, cwd, home):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This repository's shipped files as a committed git repo, as pre-commit clones it.

    (``try-repo`` on the working tree would take only tracked files; a copy commits them all.)
    """
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in SHIPPED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, repo / name)
    assert git("init", "-q", cwd=repo).returncode == 0
    git("add", "-A", cwd=repo)
    assert git("commit", "-q", "-m", "hook", cwd=repo).returncode == 0, "cannot commit the hook repo"
    return repo


def test_manifest_declares_both_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"lintmath", "lintmath-pdf"}
    assert hooks["lintmath"]["entry"].startswith("lintmath check")
    assert hooks["lintmath-pdf"]["files"] == r"\.pdf$"


def test_try_repo_fails_a_wrong_step_and_passes_a_clean_one(hook_repo, tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    git("init", "-q", cwd=course)
    (course / "wrong.tex").write_text(WRONG)
    (course / "right.tex").write_text(RIGHT)
    git("add", "-A", cwd=course)
    bad = pre_commit("try-repo", str(hook_repo), "lintmath", "--files", "wrong.tex", cwd=course, home=tmp_path / "h")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "wrong.tex:2:18: LM101" in bad.stdout
    good = pre_commit("try-repo", str(hook_repo), "lintmath", "--files", "right.tex", cwd=course, home=tmp_path / "h")
    assert good.returncode == 0, good.stdout + good.stderr


def test_installed_hook_blocks_the_commit(hook_repo, tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    git("init", "-q", cwd=course)
    rev = git("rev-parse", "HEAD", cwd=hook_repo).stdout.strip()
    (course / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: lintmath\n")
    home = tmp_path / "pre-commit-home"
    assert pre_commit("install", cwd=course, home=home).returncode == 0
    (course / "notes.md").write_text("# Notes\n\n$$\n(a-b)^2 = a^2 + 2ab + b^2\n$$\n")
    git("add", "-A", cwd=course)
    env_home = dict(PRE_COMMIT_HOME=str(home))
    blocked = subprocess.run(["git", "commit", "-q", "-m", "wrong"], cwd=course, capture_output=True, text=True,
                             env=dict(os.environ, **env_home, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e.invalid",
                                      GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e.invalid"), timeout=900)
    assert blocked.returncode != 0 and "notes.md:4:" in blocked.stdout + blocked.stderr
    (course / "notes.md").write_text("# Notes\n\n$$\n(a-b)^2 = a^2 - 2ab + b^2\n$$\n")
    git("add", "-A", cwd=course)
    passed = subprocess.run(["git", "commit", "-q", "-m", "right"], cwd=course, capture_output=True, text=True,
                            env=dict(os.environ, **env_home, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e.invalid",
                                     GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e.invalid"), timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
