"""Settings for a run: defaults < ``[tool.lintmath]`` (pyproject.toml) or ``lintmath.toml`` < CLI flags.

The file is found by walking up from the checked path (or the working directory), as ruff and
sqlfluff do, so a course repository configures every checkout and every pre-commit run the same way.
``Config`` is a frozen dataclass of plain values (macros already read) because it crosses process
boundaries: worker processes get it pickled.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path, PurePosixPath
from typing import Any, Mapping

from lintmath.model import Macro

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SEVERITIES = ("error", "warning", "info")
CONFIG_NAMES = ("lintmath.toml", ".lintmath.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file lintmath cannot use: one line, naming the file and the key."""


@dataclass(frozen=True)
class Config:
    budget: float = 2.0  # CPU seconds per step, enforced (see budget.py)
    seed: int = 0
    jobs: int = 1
    select: tuple[str, ...] = ()  # rule code prefixes to report; empty: all
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, code prefixes)
    severity: tuple[tuple[str, str], ...] = ()  # (code, "error" | "warning" | "info")
    include: tuple[str, ...] = ()  # globs of files to take when walking a directory; empty: every supported file
    exclude: tuple[str, ...] = ()  # globs of files and directories never to check
    macro_files: tuple[str, ...] = ()  # absolute paths, for messages
    macros: tuple[Macro, ...] = ()  # read from macro_files; they apply to every checked file
    assume: tuple[str, ...] = ()  # assumption strings ("x > 0"), applied by the checker
    warn_unused_ignores: bool = False
    root: str = ""  # directory the globs are relative to: the config file's, else the working directory
    source: str = ""  # the config file read, "" for none

    def wants(self, code: str, path: str | None = None) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        if any(code.startswith(p) for p in self.ignore):
            return False
        if path is not None and any(code.startswith(p) for p in self.ignored_in(path)):
            return False
        return True

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """Code prefixes that ``per-file-ignores`` turns off for ``path``."""
        return tuple(c for pattern, codes in self.per_file_ignores if self.matches(path, pattern) for c in codes)

    def severity_of(self, code: str, default: str) -> str:
        return dict(self.severity).get(code, default)

    def matches(self, path: str, pattern: str) -> bool:
        return glob_match(relative_to(path, self.root), pattern)

    def excluded(self, path: str) -> bool:
        return any(self.matches(path, p) for p in self.exclude)

    def included(self, path: str) -> bool:
        return not self.include or any(self.matches(path, p) for p in self.include)


def relative_to(path: str, root: str) -> str:
    """``path`` relative to ``root`` in posix form; unchanged when it is outside ``root``."""
    if not root:
        root = os.getcwd()
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return PurePosixPath(Path(absolute).as_posix()).as_posix()
    if rel.startswith(".."):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


def glob_match(rel: str, pattern: str) -> bool:
    """gitignore-like: a pattern without ``/`` matches a file name or any directory on the way
    (``build``, ``*.md``); one with ``/`` matches the path from the root (``slides/*.tex``, ``**/draft.tex``)."""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    parts = rel.split("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]):
        return True
    # a directory pattern matches everything under it
    return any(fnmatch.fnmatchcase("/".join(parts[:k]), pattern) for k in range(1, len(parts)))


# --------------------------------------------------------------------------- the file

# Each parser gets the key (for messages), the raw TOML value and the config file's directory.
def _codes(key: str, value: Any, _root: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of rule codes")
    return tuple(v.strip().upper() for v in value if v.strip())


def _globs(key: str, value: Any, _root: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of glob patterns")
    return tuple(value)


def _strings(key: str, value: Any, _root: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of strings")
    return tuple(value)


def _per_file(key: str, value: Any, root: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table of glob = [codes]")
    return tuple((glob, _codes(f"{key}.{glob}", codes, root)) for glob, codes in value.items())


def _severity(key: str, value: Any, _root: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table of CODE = \"error\" | \"warning\" | \"info\"")
    out = []
    for code, level in value.items():
        if level not in SEVERITIES:
            raise ConfigError(f"`{key}.{code}` must be one of {', '.join(SEVERITIES)}, not {level!r}")
        out.append((code.upper(), level))
    return tuple(out)


def _budget(key: str, value: Any, _root: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"`{key}` must be a positive number of seconds")
    return float(value)


def _int(key: str, value: Any, _root: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"`{key}` must be an integer")
    return value


def _bool(key: str, value: Any, _root: Path) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"`{key}` must be true or false")
    return value


def _macro_files(key: str, value: Any, root: Path) -> tuple[str, ...]:
    paths = _strings(key, [value] if isinstance(value, str) else value, root)
    return tuple(str((root / p).resolve()) for p in paths)


#: key in the file -> (Config field, parser)
KEYS = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "severity": ("severity", _severity),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "budget": ("budget", _budget),
    "seed": ("seed", _int),
    "macros": ("macro_files", _macro_files),
    "assume": ("assume", _strings),
    "warn-unused-ignores": ("warn_unused_ignores", _bool),
}


def find_config_file(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``lintmath.toml``/``.lintmath.toml``, or ``pyproject.toml`` with a
    ``[tool.lintmath]`` table, in ``start``'s directory or above (the working directory by default).
    A pyproject.toml without the table is passed over, as ruff does, so a monorepo's root config applies."""
    here = Path(start if start is not None else os.getcwd()).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or "lintmath" in _read_toml(candidate).get("tool", {}):
                return candidate
    return None


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def settings_in(path: Path) -> Mapping[str, Any]:
    """The lintmath table of a config file: ``[tool.lintmath]`` of a pyproject.toml, the whole of a lintmath.toml."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("lintmath", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.lintmath] must be a table")
        return table
    return data


def parse_settings(table: Mapping[str, Any], root: Path, where: str) -> dict[str, Any]:
    """Config field values from a lintmath table; ConfigError naming the first unknown or bad key."""
    section = "[tool.lintmath]" if where.endswith("pyproject.toml") else ""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{where}: unknown key `{key}`{' in ' + section if section else ''} (known: {known})")
        name, parse = KEYS[key]
        try:
            out[name] = parse(key, value, root)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return out


def read_macro_files(paths: tuple[str, ...]) -> tuple[Macro, ...]:
    """The ``\\newcommand``s of each macro file, in order (a later file wins, as in a preamble)."""
    from lintmath.extract import read_source
    from lintmath.extract.latex import blank_comments, find_macros
    from lintmath.model import ExtractError

    macros: list[Macro] = []
    for path in paths:
        try:
            text = read_source(path)
        except ExtractError as exc:
            raise ConfigError(f"macro file {exc}") from None
        macros.extend(find_macros(blank_comments(text)[0]))
    return tuple(macros)


def load_config(start: str | os.PathLike[str] | None = None, *, path: str | None = None,
                base: Config = Config(), isolated: bool = False) -> Config:
    """``base`` overridden by the config file: ``path`` if given, else the one found from ``start``."""
    file = Path(path).resolve() if path else (None if isolated else find_config_file(start))
    if file is None:
        return replace(base, root=base.root or os.getcwd())
    if not file.is_file():
        raise ConfigError(f"{file}: No such file")
    values = parse_settings(settings_in(file), file.parent, str(file))
    if "macro_files" in values:
        values["macros"] = read_macro_files(values["macro_files"])
    return replace(base, root=str(file.parent), source=str(file), **values)


def with_overrides(config: Config, **overrides: Any) -> Config:
    """``config`` with the CLI's explicit flags on top; ``None`` means the flag was not given."""
    known = {f.name for f in fields(Config)}
    unknown = set(overrides) - known
    if unknown:
        raise TypeError(f"unknown Config fields: {sorted(unknown)}")
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})


__all__ = ["Config", "ConfigError", "find_config_file", "load_config", "with_overrides", "glob_match"]
