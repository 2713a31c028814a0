"""One JSON object: findings, steps, files and a summary (the contract in the README)."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO

from lintmath.model import FileResult
from lintmath.report import ReportOptions

STATUSES = ("verified", "refuted", "unverified", "skipped")


def as_dict(results: list[FileResult]) -> dict:
    findings = []
    steps = []
    files = []
    for r in results:
        for f in r.findings:
            d = asdict(f)
            d["bbox"] = list(f.bbox) if f.bbox else None
            d["counterexample"] = dict(f.counterexample)
            findings.append(d)
        for s in r.steps:
            rhs = s.step.rhs
            steps.append({
                "path": s.derivation.path, "line": rhs.span().line, "column": rhs.span().column,
                "page": rhs.page, "cell": rhs.cell, "bbox": list(rhs.bbox) if rhs.bbox else None,
                "derivation": s.derivation.index, "index": s.step.index, "relation": s.step.relation,
                "from": s.step.lhs.stripped, "to": rhs.stripped, "status": s.verdict.status.value,
                "reason": s.verdict.reason,
                "counterexample": dict(s.verdict.counterexample) or None,
                "elapsed": round(s.verdict.elapsed, 4),
            })
        files.append({"path": r.path, "status": r.status, "error": r.error, "derivations": r.derivations,
                      "steps": len(r.steps)})
    by_status = {k: sum(1 for s in steps if s["status"] == k) for k in STATUSES}
    summary = {
        "files": len(results), "files_with_errors": sum(1 for r in results if r.error),
        "derivations": sum(r.derivations for r in results), "steps": len(steps),
        "steps_by_status": by_status, "findings": len(findings),
    }
    return {"findings": findings, "steps": steps, "files": files, "summary": summary}


def render(results: list[FileResult], out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    json.dump(as_dict(results), out, indent=2, ensure_ascii=False)
    out.write("\n")
