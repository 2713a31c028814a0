"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=LM101 sign-error::message``; info
findings are ``::notice``. Values are escaped as the runner expects (``%``, CR, LF everywhere, and
``:`` and ``,`` inside properties).
"""
from __future__ import annotations

from typing import TextIO

from lintmath.model import FileResult, Finding
from lintmath.report import ReportOptions

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command_for(f: Finding) -> str:
    props = [("file", f.path)]
    prefix = ""
    if f.page is not None:
        prefix = f"page {f.page}: "
    elif f.cell is not None:
        prefix = f"cell {f.cell}, line {f.line}: "
    else:
        props += [("line", str(f.line)), ("endLine", str(f.end_line))]
        if f.end_line == f.line:  # columns are only meaningful on a single line
            props += [("col", str(f.column)), ("endColumn", str(f.end_column))]
    props.append(("title", f"{f.rule} {f.name}"))
    message = prefix + f.message
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(f.severity, 'error')} {head}::{escape_data(message)}"


def render(results: list[FileResult], out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for r in results:
        if r.error:
            out.write(f"::error file={escape_property(r.path)},title=lintmath::{escape_data(r.error)}\n")
        for f in r.findings:
            out.write(command_for(f) + "\n")
