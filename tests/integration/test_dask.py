"""The library API maps over a cluster: check_file is a pure function returning picklable results."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from lintmath.config import Config
from lintmath.pipeline import check_file

ROOT = Path(__file__).resolve().parents[2]
FILES = [str(ROOT / "fixtures" / "correct.tex"), str(ROOT / "fixtures" / "softmax" / "slides.tex")]


@pytest.mark.slow
def test_check_file_maps_over_dask_local_processes():
    bag = pytest.importorskip("dask.bag")
    results = bag.from_sequence(FILES, npartitions=2).map(check_file, config=Config(jobs=1)).compute(
        scheduler="processes", num_workers=2)
    assert [r.path for r in results] == FILES
    assert [r.status for r in results] == ["checked", "checked"]
    assert not results[0].findings and results[1].findings
    assert pickle.loads(pickle.dumps(results)) == results
    local = [check_file(f, Config(jobs=1)) for f in FILES]
    assert [_outcome(r) for r in results] == [_outcome(r) for r in local]  # same input, same result


def _outcome(result):
    """Everything but the timings."""
    return (result.path, result.status, result.findings,
            [(s.step, s.verdict.status, s.verdict.reason, s.verdict.counterexample) for s in result.steps])


def test_the_readme_shows_this_mapping():
    readme = (ROOT / "README.md").read_text()
    assert "db.from_sequence(paths).map(check_file, config=Config(jobs=1)).compute()" in readme
