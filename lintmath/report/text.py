"""``path:line:col: CODE message``, the format every editor and CI log understands.

``concise`` is that line alone; ``text`` adds the source line with carets under the flagged term and
the suggestion (as ruff and rustc do), in colour when the CLI says the output is a terminal.
"""
from __future__ import annotations

from typing import TextIO

from lintmath.model import FileResult, Finding
from lintmath.report import ReportOptions

STATUSES = ("verified", "refuted", "unverified", "skipped")
_ANSI = {"bold": "1", "red": "31", "yellow": "33", "blue": "34", "cyan": "36", "green": "32", "dim": "2"}
_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}


def _style(text: str, *names: str, on: bool) -> str:
    if not on or not names:
        return text
    codes = ";".join(_ANSI[n] for n in names)
    return f"\x1b[{codes}m{text}\x1b[0m"


def location(f: Finding) -> str:
    if f.page is not None:
        return f"{f.path}:p{f.page}"
    if f.cell is not None:
        return f"{f.path}:cell{f.cell}:{f.line}:{f.column}"
    return f"{f.path}:{f.line}:{f.column}"


def headline(f: Finding, color: bool = False) -> str:
    where = _style(location(f), "bold", on=color)
    code = _style(f.rule, "bold", _SEVERITY_COLOR.get(f.severity, "red"), on=color)
    return f"{where}: {code} {f.message}"


def render_concise(results: list[FileResult], out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for r in results:
        if r.error:
            out.write(f"{r.error}\n")
        for f in r.findings:
            out.write(headline(f, options.color) + "\n")


def snippet(f: Finding, lines: tuple[str, ...], color: bool = False) -> list[str]:
    """The flagged source line with carets under the term, rustc-style; [] when there is no line."""
    if f.page is not None or f.cell is not None or not 0 < f.line <= len(lines):
        return []
    raw = lines[f.line - 1]
    start = max(0, f.column - 1)
    end = f.end_column - 1 if f.end_line == f.line else len(raw.rstrip())
    end = max(end, start + 1)
    # tabs would put the carets out of line: expand both the same way
    shown = raw.expandtabs(4)
    pad = len(raw[:start].expandtabs(4))
    width = max(1, len(raw[:end].expandtabs(4)) - pad)
    number = str(f.line)
    gutter = " " * len(number)
    bar = _style("|", "blue", "bold", on=color)
    carets = _style("^" * width, "bold", _SEVERITY_COLOR.get(f.severity, "red"), on=color)
    out = [
        f"{gutter} {bar}",
        f"{_style(number, 'blue', 'bold', on=color)} {bar} {shown}",
        f"{gutter} {bar} {' ' * pad}{carets}",
    ]
    return out


def render(results: list[FileResult], out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    color = options.color
    for r in results:
        if r.error:
            out.write(f"{r.error}\n")
        for f in r.findings:
            out.write(headline(f, color) + "\n")
            quoted = snippet(f, r.lines, color)
            for line in quoted:
                out.write(line + "\n")
            if f.suggestion:
                eq = _style("=", "blue", "bold", on=color)
                pad = " " * (len(str(f.line)) if quoted else 0)
                out.write(f"{pad} {eq} {_style('suggestion', 'bold', on=color)}: {f.suggestion}\n")
            if quoted or f.suggestion:
                out.write("\n")
    if not options.quiet and not all(r.error for r in results):
        # when nothing could be read, the error lines are the whole story
        out.write(summary_line(results) + "\n")


def summary_line(results: list[FileResult]) -> str:
    findings = sum(len(r.findings) for r in results)
    steps = [s for r in results for s in r.steps]
    counts: dict[str, int] = {}
    for s in steps:
        counts[s.verdict.status.value] = counts.get(s.verdict.status.value, 0) + 1
    breakdown = ", ".join(f"{counts[k]} {k}" for k in STATUSES if k in counts)
    return f"Found {_count(findings, 'finding')} in {_count(len(steps), 'step')} ({breakdown or 'none'})."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def render_statistics(results: list[FileResult], out: TextIO) -> None:
    """One line per rule that fired, most frequent first (ruff's and flake8's ``--statistics``)."""
    counts: dict[tuple[str, str], int] = {}
    for r in results:
        for f in r.findings:
            counts[(f.rule, f.name)] = counts.get((f.rule, f.name), 0) + 1
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:>5}  {code}  {name}\n")
