"""The content-hash cache: keys, atomic entries, safety with several processes, deletion mid-run."""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintmath import pipeline, runner
from lintmath.cache import ENV_VAR, Cache, task_key
from lintmath.cli import main
from lintmath.config import Config
from lintmath.model import Status, Verdict
from lintmath.runner import Task, run_tasks

ROOT = Path(__file__).resolve().parents[2]
SLIDES = ROOT / "fixtures" / "softmax" / "slides.tex"
TASK = Task("(a+b)^2", "a^2 + 2ab + b^2", "=")


def test_a_verdict_comes_back_as_it_went_in(tmp_path):
    cache = Cache(tmp_path)
    verdict = Verdict(Status.REFUTED, "the two sides differ", (("a", "0.5"),), elapsed=0.25)
    assert cache.get_verdict(TASK) is None
    cache.put_verdict(TASK, verdict)
    assert cache.get_verdict(TASK) == verdict


@pytest.mark.parametrize("change", [dict(rhs="a^2 + b^2"), dict(relation="<="), dict(seed=1), dict(budget=3.0),
                                    dict(first=True)])
def test_the_key_covers_every_field_that_changes_a_verdict(change):
    from dataclasses import replace

    assert task_key(replace(TASK, **change)) != task_key(TASK)
    assert task_key(replace(TASK)) == task_key(TASK)


def test_the_default_directory_is_the_environment_override_else_the_user_cache_dir(tmp_path):
    assert Cache.default({ENV_VAR: str(tmp_path)}).root.parent == tmp_path
    assert "lintmath" in str(Cache.default({}).root)  # only the path: nothing is written here


def test_a_planted_entry_cannot_run_code(tmp_path):
    cache = Cache(tmp_path)
    cache.put_verdict(TASK, Verdict(Status.VERIFIED))
    (entry,) = [p for p in (tmp_path).rglob("*") if p.is_file()]
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps(Evil()))
    assert cache.get_verdict(TASK) is None
    assert not marker.exists()


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = Cache(tmp_path)
    cache.put_verdict(TASK, Verdict(Status.VERIFIED))
    for p in tmp_path.rglob("*"):
        if p.is_file():
            p.write_bytes(b"\x80\x05garbage")
    assert cache.get_verdict(TASK) is None


def test_the_cache_survives_being_deleted_mid_run(tmp_path):
    cache = Cache(tmp_path / "c")
    cache.put_verdict(TASK, Verdict(Status.VERIFIED))
    shutil.rmtree(tmp_path / "c")
    assert cache.get_verdict(TASK) is None
    cache.put_verdict(TASK, Verdict(Status.REFUTED))
    assert cache.get_verdict(TASK).status is Status.REFUTED


def test_an_unwritable_cache_is_only_slower(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = Cache(blocker)
    cache.put_verdict(TASK, Verdict(Status.VERIFIED))  # no exception
    assert cache.get_verdict(TASK) is None


def _hammer(root: str, n: int, code: str) -> None:
    import lintmath.cache

    lintmath.cache._fingerprint = code  # as the parent sees lintmath (others may be editing it now)
    cache = Cache(root)
    for k in range(200):
        task = Task(f"x_{k % 20}", "y", "=")
        cache.put_verdict(task, Verdict(Status.VERIFIED, f"{n}"))
        got = cache.get_verdict(task)
        assert got is None or got.status is Status.VERIFIED


def test_several_processes_share_one_cache(tmp_path):
    ctx = mp.get_context("spawn")
    from lintmath.cache import fingerprint

    procs = [ctx.Process(target=_hammer, args=(str(tmp_path), n, fingerprint())) for n in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    cache = Cache(tmp_path)
    for k in range(20):
        assert cache.get_verdict(Task(f"x_{k}", "y", "=")).status is Status.VERIFIED
    assert not [p for p in tmp_path.rglob(".tmp-*")]


def test_cached_steps_cost_no_worker(tmp_path, monkeypatch):
    cache = Cache(tmp_path)
    first = run_tasks([TASK, Task("a", "b", "=")], jobs=1, cache=cache)

    def no_pool(tasks, jobs, on_done=None):
        assert not tasks, "a cached step was sent to a worker"
        return []

    monkeypatch.setattr(runner, "_run_pool", no_pool)
    assert run_tasks([TASK, Task("a", "b", "=")], jobs=1, cache=cache) == first


def test_an_unchanged_file_costs_one_hash(tmp_path, monkeypatch):
    cache = Cache(tmp_path / "c")
    source = tmp_path / "slides.tex"
    shutil.copy(SLIDES, source)
    first = pipeline.check_paths([str(source)], Config(), cache=cache)
    monkeypatch.setattr(pipeline, "load", lambda path: pytest.fail("an unchanged file was read again"))
    assert pipeline.check_paths([str(source)], Config(), cache=cache) == first
    monkeypatch.undo()
    loaded = []
    monkeypatch.setattr(pipeline, "load", lambda path, real=pipeline.load: loaded.append(path) or real(path))
    pipeline.check_paths([str(source)], Config(seed=1), cache=cache)  # another configuration: read again
    assert loaded == [str(source)]


def test_a_changed_file_is_checked_again(tmp_path):
    cache = Cache(tmp_path / "c")
    source = tmp_path / "a.tex"
    source.write_text("\\begin{align*} (a+b)^2 &= a^2 + 2ab + b^2 \\end{align*}\n")
    (before,) = pipeline.check_paths([str(source)], Config(), cache=cache)
    source.write_text("\\begin{align*} (a+b)^2 &= a^2 + ab + b^2 \\end{align*}\n")
    (after,) = pipeline.check_paths([str(source)], Config(), cache=cache)
    assert before.steps[0].verdict.status is Status.VERIFIED
    assert after.steps[0].verdict.status is Status.REFUTED


def test_the_cli_caches_in_the_directory_the_environment_names_and_no_cache_skips_it(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    cli = CliRunner()
    first = cli.invoke(main, ["check", str(SLIDES), "--no-cache", "--jobs", "1"])
    assert not (tmp_path / "cache").exists()
    second = cli.invoke(main, ["check", str(SLIDES), "--jobs", "1"])
    assert any((tmp_path / "cache").rglob("*"))
    third = cli.invoke(main, ["check", str(SLIDES), "--jobs", "1"])
    assert first.exit_code == second.exit_code == third.exit_code == 1
    assert first.output == second.output == third.output


@pytest.mark.parametrize("main_text", [
    "\\input{part}\n",
    "% !TEX root = part.tex\n\\begin{align*} x &= x \\end{align*}\n",
])
def test_a_file_that_reads_another_file_is_checked_again_when_that_file_changes(tmp_path, main_text):
    cache = Cache(tmp_path / "c")
    (tmp_path / "main.tex").write_text(main_text)
    part = tmp_path / "part.tex"
    part.write_text("\\begin{align*} (a+b)^2 &= a^2 + 2ab + b^2 \\end{align*}\n")
    (before,) = pipeline.check_paths([str(tmp_path / "main.tex")], Config(), cache=cache)
    part.write_text("\\begin{align*} (a+b)^2 &= a^2 + ab + b^2 \\end{align*}\n")
    (after,) = pipeline.check_paths([str(tmp_path / "main.tex")], Config(), cache=cache)
    assert (before.steps, before.findings) != (after.steps, after.findings) or main_text.startswith("%")
    assert cache.file_key(str(tmp_path / "main.tex"), Config()) is None


def test_entries_unused_for_a_month_are_pruned_and_used_ones_kept(tmp_path):
    import time

    cache = Cache(tmp_path)
    old, used = Task("a", "b", "="), Task("c", "d", "=")
    cache.put_verdict(old, Verdict(Status.VERIFIED))
    cache.put_verdict(used, Verdict(Status.VERIFIED))
    month_ago = time.time() - 31 * 86400
    for task in (old, used):
        path = cache._path("steps", task_key(task))
        os.utime(path, (month_ago, month_ago))
    assert cache.get_verdict(used) is not None  # a hit marks the entry as in use
    assert cache.prune() == 1
    assert cache.get_verdict(old) is None and cache.get_verdict(used) is not None


def test_pruning_runs_at_most_once_a_day(tmp_path):
    import time

    cache = Cache(tmp_path)
    cache.put_verdict(Task("a", "b", "="), Verdict(Status.VERIFIED))
    now = time.time()
    assert cache.prune(now=now) == 0
    later = now + 40 * 86400  # everything is old by then, but the last pruning was "just now"...
    assert cache.prune(now=now + 3600) == 0
    assert cache.prune(now=later) == 1  # ...until a day has passed


def test_pruning_a_deleted_cache_is_harmless(tmp_path):
    cache = Cache(tmp_path / "gone")
    assert cache.prune() == 0


def test_a_run_the_cache_answers_imports_no_sympy(tmp_path):
    """The pre-commit hook re-runs on unchanged files: answered from the cache, it must not pay for
    importing the parser and SymPy (a third of a second)."""
    import subprocess
    import sys

    source = tmp_path / "notes.tex"
    source.write_text("\\begin{align*} (a+b)^2 &= a^2 + 2ab + b^2 \\\\ x &\\equiv 8 \\\\ &\\equiv 1 \\pmod 7 "
                      "\\end{align*}\n")
    code = ("import sys; from lintmath.cli import main\n"
            "try:\n    main(['check', '-q', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('SYMPY' if 'sympy' in sys.modules else 'NO-SYMPY')")
    env = {**os.environ, "LINTMATH_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True, env=env)
            for _ in range(2)]
    last = [run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr for run in runs]
    assert last == ["SYMPY", "NO-SYMPY"]
