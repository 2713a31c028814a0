"""Shared test setup: no test may write to the user's real lintmath cache."""
import pytest


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("LINTMATH_CACHE_DIR", str(tmp_path_factory.mktemp("lintmath-cache")))
