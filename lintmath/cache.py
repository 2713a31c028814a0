"""A content-hash cache, so an unchanged step (or file) is never checked twice.

Two levels, both keyed by a *fingerprint* of lintmath itself (its version and the bytes of its code
and rule files, so an edited checker never serves stale verdicts, even between releases):

- a step: the hash of its ``runner.Task`` (both sides, relation, macros, head-of-chain flag, seed,
  budget) -> its Verdict. Looked up in the parent before any worker is started, so a cached step
  costs no process and no SymPy import;
- a file: the hash of its path, its bytes and the configuration -> its whole FileResult, so a
  re-run on unchanged files (a pre-commit hook) costs one hash per file. Files that pull in other
  files (``\\input``, ``\\include``, a ``% !TEX root`` chapter) are not cached at this level, only
  their steps are.

Entries are pickles of lintmath's own frozen dataclasses, written to a temporary file and moved
into place with ``os.replace`` (atomic), so several processes can share the cache, and a reader
sees a whole entry or none. Reading accepts only classes from ``lintmath.model`` (a planted pickle
cannot run code). Every failure (the directory deleted mid-run, a full disk, a damaged entry) is a
miss, never an error: the cache can only make a run faster.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import pickle
import re
import tempfile
from enum import Enum
from pathlib import Path
from typing import Any, Mapping

from lintmath import __version__
from lintmath.model import FileResult, Verdict

ENV_VAR = "LINTMATH_CACHE_DIR"
LAYOUT = "v1"
# Files whose result depends on other files are cached only step by step.
_INCLUDES = (b"\\input", b"\\include", b"\\subfile", b"\\import", b"\\subimport", b"\\lstinputlisting")
_TEX_ROOT = re.compile(rb"%\s*!\s*tex\s+root", re.I)  # a chapter read with its main file's definitions
# Verdicts that say nothing about the step, only about the run: checked again next time.
_TRANSIENT = ("the checking process crashed", "not checked", "ran out of memory")

_fingerprint: str | None = None
MAX_AGE_DAYS = 30.0  # an entry unused this long is deleted
PRUNE_EVERY = 86400.0  # seconds between two prunings of one cache directory


def fingerprint() -> str:
    """lintmath's version and a hash of its code and rules: part of every key."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.sha256(__version__.encode())
        package = Path(__file__).resolve().parent
        roots = [package, package.parent / "rules", package / "rules"]
        for root in roots:
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):
                if path.suffix in (".py", ".toml") and path.is_file():
                    digest.update(str(path.relative_to(root)).encode())
                    try:
                        digest.update(path.read_bytes())
                    except OSError:
                        pass
        _fingerprint = digest.hexdigest()[:32]
    return _fingerprint


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(repr(v) for v in value)
    return value


def _digest(*parts: Any) -> str:
    text = json.dumps([fingerprint(), *map(_jsonable, parts)], sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def task_key(task: Any) -> str:
    """The key of one step: every field of the runner's Task."""
    return _digest("task", type(task).__name__, task)


def config_fields(config: Any) -> dict:
    """What of a Config can change a file's result: everything but the number of processes."""
    fields = _jsonable(config) if dataclasses.is_dataclass(config) else {"config": repr(config)}
    fields.pop("jobs", None)
    return fields


def cacheable(verdict: Verdict) -> bool:
    """A verdict about the step (not about this run's luck) is worth keeping. A step over its budget
    is kept: the budget is part of the key, so a larger ``--budget`` checks it again."""
    return not any(verdict.reason.startswith(t) for t in _TRANSIENT)


class _ModelUnpickler(pickle.Unpickler):
    """Only lintmath's data classes (dataclasses and enums) may be rebuilt from the cache: a planted
    entry naming any other callable is a miss, never a call."""

    def find_class(self, module: str, name: str):  # noqa: D102
        if module == "lintmath" or module.startswith("lintmath."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, Enum)):
                return found
        if (module, name) in (("builtins", "complex"), ("builtins", "frozenset"), ("builtins", "set")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a lintmath data class")


class Cache:
    """The cache under one directory. Every method is best-effort and never raises."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root) / LAYOUT
        self.hits = 0
        self.misses = 0

    @classmethod
    def default(cls, environ: Mapping[str, str] | None = None) -> "Cache":
        """``$LINTMATH_CACHE_DIR``, else the user's cache directory (``platformdirs``)."""
        environ = os.environ if environ is None else environ
        root = environ.get(ENV_VAR)
        if not root:
            from platformdirs import user_cache_dir

            root = user_cache_dir("lintmath", appauthor=False)
        return cls(root)

    # -- entries

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key[2:]

    def _read(self, kind: str, key: str) -> Any:
        path = self._path(kind, key)
        try:
            data = path.read_bytes()
            value = _ModelUnpickler(io.BytesIO(data)).load()
        except Exception:
            self.misses += 1
            return None
        self.hits += 1
        try:
            os.utime(path)  # in use: ``prune`` keeps it (atime is not kept on noatime mounts)
        except OSError:
            pass
        return value

    def _write(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return
        for _attempt in range(2):  # the directory may vanish between makedirs and the write
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
                try:
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(data)
                    os.replace(tmp, path)
                except BaseException:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass
                    raise
                return
            except OSError:
                continue

    # -- eviction

    def prune(self, max_age_days: float = MAX_AGE_DAYS, every_seconds: float = PRUNE_EVERY,
              now: float | None = None) -> int:
        """Delete entries not used for ``max_age_days`` (those of older lintmath versions, whose
        keys are never asked for again, and of steps since edited), at most once per
        ``every_seconds`` across all processes, so a pre-commit run pays one ``stat``. Returns the
        number of entries deleted."""
        import time

        now = time.time() if now is None else now
        marker = self.root / ".pruned"
        try:
            if now - marker.stat().st_mtime < every_seconds:
                return 0
        except OSError:
            pass  # never pruned (or the directory is gone): prune now
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            marker.touch()
            os.utime(marker, (now, now))
        except OSError:
            return 0
        deleted = 0
        cutoff = now - max_age_days * 86400
        for kind in ("steps", "files"):
            for dirpath, _dirs, names in os.walk(self.root / kind):
                for name in names:
                    path = os.path.join(dirpath, name)
                    try:
                        if os.stat(path).st_mtime < cutoff:
                            os.unlink(path)
                            deleted += 1
                    except OSError:
                        continue  # another process pruned it first
        return deleted

    # -- steps

    def get_verdict(self, task: Any) -> Verdict | None:
        value = self._read("steps", task_key(task))
        return value if isinstance(value, Verdict) else None

    def put_verdict(self, task: Any, verdict: Verdict) -> None:
        if cacheable(verdict):
            self._write("steps", task_key(task), verdict)

    # -- files

    def file_key(self, path: str, config: Any) -> str | None:
        """The key of a whole file's result, or None when it cannot be cached at this level."""
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except (OSError, ValueError):
            return None
        if any(token in data for token in _INCLUDES) or _TEX_ROOT.search(data[:4000]):
            return None
        return _digest("file", os.path.abspath(path), path, config_fields(config),
                       hashlib.sha256(data).hexdigest())

    def get_file(self, key: str | None) -> FileResult | None:
        if key is None:
            return None
        value = self._read("files", key)
        return value if isinstance(value, FileResult) else None

    def put_file(self, key: str | None, result: FileResult) -> None:
        if key is None or result.status != "checked":
            return
        if not all(cacheable(s.verdict) for s in result.steps):
            return
        self._write("files", key, result)


__all__ = ["Cache", "ENV_VAR", "cacheable", "fingerprint", "task_key"]
