"""SARIF 2.1.0, the format GitHub code scanning (``github/codeql-action/upload-sarif``) reads.

One run; the rules that fired (or all, when the CLI passes them) as ``tool.driver.rules``; paths as
URIs relative to ``%SRCROOT%`` (the working directory), which is what code scanning expects when the
check runs from the repository root. Columns are 1-based with an exclusive end, as lintmath's spans.
A finding in a PDF or a notebook cell has no line of the file to point at: its region is line 1 (code
scanning needs a start line) and the message says where (page, or cell and line).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from lintmath import __version__
from lintmath.model import FileResult, Finding
from lintmath.report import ReportOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str, root: str) -> tuple[str, bool]:
    """(uri, relative?): ``path`` relative to ``root`` when inside it, else an absolute file URI."""
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(Path(os.path.abspath(root)))
        return quote(rel.as_posix()), True
    except ValueError:
        return absolute.as_uri(), False


def _artifact(path: str, root: str) -> dict[str, Any]:
    uri, relative = artifact_uri(path, root)
    return {"uri": uri, "uriBaseId": "%SRCROOT%"} if relative else {"uri": uri}


def _notification(path: str, error: str, root: str) -> dict[str, Any]:
    """A file that could not be read, located at that file (a viewer lists it with the file)."""
    note: dict[str, Any] = {"level": "error", "message": {"text": error}}
    if path != "-":
        note["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(path, root)}}]
    return note


def _rule_descriptor(code: str, name: str, severity: str, rule: Any | None) -> dict:
    descriptor: dict[str, Any] = {"id": code, "name": name,
                                  "defaultConfiguration": {"level": LEVELS.get(severity, "warning")}}
    if rule is not None:
        why = " ".join(rule.why.split())  # the rule files wrap lines; SARIF viewers reflow themselves
        descriptor["shortDescription"] = {"text": rule.summary}
        descriptor["fullDescription"] = {"text": why}
        descriptor["help"] = {"text": f"{rule.summary}\n\n{why}", "markdown": f"**{rule.summary}**\n\n{why}"}
    else:
        descriptor["shortDescription"] = {"text": name}
    return descriptor


def _where(f: Finding) -> str:
    if f.page is not None:
        return f"page {f.page}: "
    if f.cell is not None:
        return f"cell {f.cell}, line {f.line}: "
    return ""


def result_for(f: Finding, rule_index: int, root: str) -> dict:
    physical: dict[str, Any] = {"artifactLocation": _artifact(f.path, root)}
    if f.page is None and f.cell is None and f.line > 0:
        region = {"startLine": f.line, "startColumn": max(1, f.column)}
        if f.end_line >= f.line:
            region["endLine"] = f.end_line
            region["endColumn"] = max(1, f.end_column)
    else:
        # code scanning drops a result without region.startLine (sarif-sdk's GH1003); a page or a
        # cell has no line of the file, so the alert is on the file and the message says where
        region = {"startLine": 1}
    physical["region"] = region
    text = _where(f) + f.message
    if f.suggestion:
        text += f"\nSuggestion: {f.suggestion}"
    result: dict[str, Any] = {
        "ruleId": f.rule, "ruleIndex": rule_index, "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": text}, "locations": [{"physicalLocation": physical}],
    }
    properties: dict[str, Any] = {"derivation": f.derivation, "step": f.step}
    if f.page is not None:
        properties["page"] = f.page
    if f.cell is not None:
        properties["cell"] = f.cell
    if f.counterexample:
        properties["counterexample"] = dict(f.counterexample)
    result["properties"] = properties
    return result


def as_sarif(results: list[FileResult], options: ReportOptions = ReportOptions(), root: str | None = None) -> dict:
    root = root or os.getcwd()
    known = {r.code: r for r in options.rules}
    order: list[str] = [r.code for r in options.rules]
    names: dict[str, tuple[str, str]] = {r.code: (r.name, r.severity) for r in options.rules}
    for r in results:
        for f in r.findings:
            if f.rule not in names:
                order.append(f.rule)
                names[f.rule] = (f.name, f.severity)
    index = {code: k for k, code in enumerate(order)}
    descriptors = [_rule_descriptor(code, *names[code], known.get(code)) for code in order]
    sarif_results = [result_for(f, index[f.rule], root) for r in results for f in r.findings]
    notifications = [_notification(r.path, r.error, root) for r in results if r.error]
    base_uri = Path(os.path.abspath(root)).as_uri().rstrip("/") + "/"
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lintmath", "version": __version__, "semanticVersion": __version__,
                                "rules": descriptors}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": base_uri}},
            # lintmath counts columns in characters; SARIF's default is UTF-16 code units, which differ
            # after a character outside the BMP (unicode-math's 𝑥)
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
            "results": sarif_results,
        }],
    }


def render(results: list[FileResult], out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    json.dump(as_sarif(results, options), out, indent=2, ensure_ascii=False)
    out.write("\n")
