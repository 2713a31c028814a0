"""The one place that composes the stages: path -> Document -> tasks -> verdicts -> findings.

``check_paths`` is what the CLI calls; ``check_text`` and ``check_file`` are the library API. All are
pure functions of their inputs returning picklable FileResults, so they can be mapped over a cluster.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from lintmath.config import Config
from lintmath.model import Document, ExtractError, FileResult, StepResult
from lintmath.runner import Task, run_tasks

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}


def supported_suffixes() -> set[str]:
    from lintmath.extract import EXTRACTORS

    return set(EXTRACTORS)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given, and the supported files under each directory, in a stable order."""
    out: list[str] = []
    suffixes = supported_suffixes()
    for path in paths:
        if os.path.isdir(path):
            seen: set[str] = set()
            for root, dirs, files in os.walk(path, followlinks=False):
                real = os.path.realpath(root)
                if real in seen:
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if Path(f).suffix.lower() in suffixes)
        else:
            out.append(path)
    return out


def tasks_for(doc: Document, config: Config) -> list[tuple[StepResult, Task]]:
    pairs = []
    macros = doc.macros
    for derivation in doc.derivations:
        for step in derivation.steps:
            task = Task(step.lhs.text, step.rhs.text, step.relation, macros, step.index == 0,
                        config.seed, config.budget)
            pairs.append((StepResult(derivation, step, None), task))  # type: ignore[arg-type]
    return pairs


def check_documents(docs: list[Document | ExtractError], paths: list[str], config: Config) -> list[FileResult]:
    from lintmath.findings import finding_for
    from lintmath.rules import load_rules

    rules = load_rules()
    all_tasks: list[Task] = []
    per_doc: list[list[StepResult]] = []
    for doc in docs:
        if isinstance(doc, ExtractError):
            per_doc.append([])
            continue
        pairs = tasks_for(doc, config)
        per_doc.append([p[0] for p in pairs])
        all_tasks.extend(p[1] for p in pairs)
    verdicts = iter(run_tasks(all_tasks, config.jobs))
    results = []
    for path, doc, pending in zip(paths, docs, per_doc):
        if isinstance(doc, ExtractError):
            results.append(FileResult(path, "error", str(doc)))
            continue
        steps = tuple(StepResult(p.derivation, p.step, next(verdicts)) for p in pending)
        findings = tuple(f for f in (finding_for(s, rules, config) for s in steps) if f is not None)
        results.append(FileResult(path, "checked", None, steps, findings, len(doc.derivations), doc.lines))
    return results


def load(path: str) -> Document | ExtractError:
    from lintmath.extract import extract_path

    try:
        return extract_path(path)
    except ExtractError as exc:
        return exc
    except (OSError, UnicodeError, ValueError, RecursionError, MemoryError) as exc:
        return ExtractError(f"{path}: cannot read: {exc}")


def check_paths(paths: Iterable[str], config: Config = Config()) -> list[FileResult]:
    files = expand_paths(paths)
    return check_documents([load(p) for p in files], files, config)


def check_file(path: str, config: Config = Config()) -> FileResult:
    return check_paths([path], config)[0]


def check_text(text: str, path: str = "<text>", config: Config = Config(), suffix: str = ".tex") -> FileResult:
    """Check LaTeX (or another supported format, by ``suffix``) given as a string."""
    from lintmath.extract import extract_text

    try:
        doc: Document | ExtractError = extract_text(text, path, suffix)
    except ExtractError as exc:
        doc = exc
    return check_documents([doc], [path], config)[0]
