"""``path:line:col: CODE message``, the format every editor and CI log understands."""
from __future__ import annotations

from typing import TextIO

from lintmath.model import FileResult, Finding


def location(f: Finding) -> str:
    if f.page is not None:
        return f"{f.path}:p{f.page}"
    return f"{f.path}:{f.line}:{f.column}"


def render_concise(results: list[FileResult], out: TextIO) -> None:
    for r in results:
        if r.error:
            out.write(f"{r.error}\n")
        for f in r.findings:
            out.write(f"{location(f)}: {f.rule} {f.message}\n")


def render(results: list[FileResult], out: TextIO) -> None:
    render_concise(results, out)
    findings = sum(len(r.findings) for r in results)
    steps = [s for r in results for s in r.steps]
    counts: dict[str, int] = {}
    for s in steps:
        counts[s.verdict.status.value] = counts.get(s.verdict.status.value, 0) + 1
    breakdown = ", ".join(f"{counts[k]} {k}" for k in ("verified", "refuted", "unverified", "skipped") if k in counts)
    plural = "" if findings == 1 else "s"
    out.write(f"Found {findings} finding{plural} in {len(steps)} steps ({breakdown or 'none'}).\n")
