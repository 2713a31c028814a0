"""Shared test setup: no test may write to the user's real lintmath cache."""
import pytest


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("LINTMATH_CACHE_DIR", str(tmp_path_factory.mktemp("lintmath-cache")))


@pytest.fixture
def diagnosed():
    """``diagnosed(lhs, rhs, macros=None)``: the (kind, suggestion) of a step that must be refuted with
    a diagnosis (the diagnosis tables of tests/unit/test_diagnose*.py)."""
    from lintmath.check import check_step
    from lintmath.model import Status

    def run(lhs: str, rhs: str, macros=None) -> tuple[str, str]:
        verdict = check_step(lhs, rhs, "=", macros=macros)
        assert verdict.status is Status.REFUTED, verdict.reason
        assert verdict.diagnosis is not None, "no diagnosis"
        return verdict.diagnosis.kind, verdict.diagnosis.suggestion

    return run
