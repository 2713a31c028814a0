"""Coverage and false alarms on a corpus of real derivation chains.

    python benchmarks/corpus.py ../shared/corpus/dev.jsonl [--macros FILE] [--jobs N] [--budget S]

Each chain is written back as the LaTeX document its author would have had (the repository's macros
as \\newcommand in the preamble, the chain in its original environment) and checked by the same
pipeline as ``lintmath check``. Prints '=' steps by status, the top reasons for ``unverified``, and
every refuted step with its chain id. Works on any corpus in the same JSONL format.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lintmath.config import Config  # noqa: E402
from lintmath.extract import extract_text  # noqa: E402
from lintmath.model import Status  # noqa: E402
from lintmath.pipeline import check_documents  # noqa: E402
from lintmath.relations import find_relations  # noqa: E402


def load_corpus(path: str) -> tuple[list[dict], dict]:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    macros_path = Path(path).with_name("dev_macros.json")
    if Path(path).name.endswith(".jsonl"):
        candidate = Path(path).with_name(Path(path).name.replace(".jsonl", "_macros.json"))
        macros_path = candidate if candidate.exists() else macros_path
    macros = json.loads(macros_path.read_text(encoding="utf-8")) if macros_path.exists() else {}
    return records, macros


def preamble(repo_macros: dict) -> str:
    lines = ["\\documentclass{article}", "\\usepackage{amsmath,amssymb}"]
    for name, spec in sorted(repo_macros.get("defined", {}).items()):
        nargs = int(spec.get("nargs") or 0)
        body = spec.get("body", "")
        args = f"[{nargs}]" if nargs else ""
        lines.append(f"\\providecommand{{{name}}}{args}{{{body}}}")
    return "\n".join(lines)


def _aligned(row: str, style: str) -> str:
    """Put the alignment mark(s) around the first top-level relation of a row."""
    found = find_relations(row)
    if not found:
        return ("& & " if style == "rcl" else "& ") + row
    rel = found[0]
    before, relation, after = row[: rel.start], row[rel.start : rel.end], row[rel.end :]
    if style == "rcl":
        return f"{before} & {relation} & {after}"
    return f"{before} &{relation} {after}"


def document_for(record: dict, macros: dict) -> str:
    env = record["env"]
    rows = [r.strip() for r in record["lines"]]
    head = preamble(macros.get(record["repo"], {}))
    if "bare rows" in env:
        body = "$$\n" + "\n".join(rows) + "\n$$"
    elif env in ("eqnarray", "eqnarray*"):
        body = f"\\begin{{{env}}}\n" + " \\\\\n".join(_aligned(r, "rcl") for r in rows) + f"\n\\end{{{env}}}"
    elif env == "array":
        body = "\\[\n\\begin{array}{rcl}\n" + " \\\\\n".join(_aligned(r, "rcl") for r in rows) + "\n\\end{array}\n\\]"
    elif env in ("aligned", "split"):
        outer = "equation*" if env == "split" else None
        inner = f"\\begin{{{env}}}\n" + " \\\\\n".join(_aligned(r, "rl") for r in rows) + f"\n\\end{{{env}}}"
        body = f"\\begin{{{outer}}}\n{inner}\n\\end{{{outer}}}" if outer else f"\\[\n{inner}\n\\]"
    else:
        body = f"\\begin{{{env}}}\n" + " \\\\\n".join(_aligned(r, "rl") for r in rows) + f"\n\\end{{{env}}}"
    return f"{head}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"


def reason_key(reason: str) -> str:
    """Group reasons: keep the command or construct, drop the particular symbols."""
    reason = re.sub(r"introduces .*, defined elsewhere", "introduces a name defined elsewhere", reason)
    reason = re.sub(r"needs the definition of .*", "needs the definition of a name", reason)
    reason = re.sub(r"depends on .*, which is not defined here", "depends on an opaque derivative", reason)
    reason = re.sub(r"drops the function .*", "drops an undefined function", reason)
    reason = re.sub(r"found '.*'", "found ...", reason)
    return reason


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--budget", type=float, default=2.0)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--show-unverified", default="", help="print unverified steps whose reason contains this")
    args = ap.parse_args(argv)

    records, macros = load_corpus(args.corpus)
    docs, paths = [], []
    extract_failures = 0
    for rec in records:
        try:
            docs.append(extract_text(document_for(rec, macros), rec["id"]))
        except Exception as exc:  # an extractor crash is itself a finding of this benchmark
            extract_failures += 1
            print(f"extract failed: {rec['id']}: {exc}", file=sys.stderr)
            continue
        paths.append(rec["id"])
    started = time.perf_counter()
    results = check_documents(docs, paths, Config(jobs=args.jobs, budget=args.budget, seed=0))
    elapsed = time.perf_counter() - started

    expected_steps = sum(len(r["relations_norm"]) for r in records)
    steps = [s for r in results for s in r.steps]
    eq = [s for s in steps if s.step.relation == "="]
    by_status = collections.Counter(s.verdict.status.value for s in eq)
    print(f"corpus: {args.corpus}: {len(records)} chains, {expected_steps} steps in the records, "
          f"{len(steps)} steps extracted ({extract_failures} chains failed to extract), {elapsed:.1f} s")
    print(f"'=' steps: {len(eq)}")
    for status in ("verified", "refuted", "unverified", "skipped"):
        k = by_status.get(status, 0)
        print(f"  {status:<11} {k:5d}  {100 * k / max(1, len(eq)):5.1f}%")
    all_status = collections.Counter(s.verdict.status.value for s in steps)
    print("all steps: " + ", ".join(f"{k} {v}" for k, v in sorted(all_status.items())))
    findings = [f for r in results for f in r.findings]
    errors = [f for f in findings if f.severity == "error"]
    print(f"findings: {len(findings)} ({len(errors)} errors) = {100 * len(errors) / max(1, len(steps)):.2f}% "
          f"of steps are error findings")

    reasons = collections.Counter(reason_key(s.verdict.reason) for s in eq if s.verdict.status is Status.UNVERIFIED)
    print("\ntop reasons for unverified '=' steps:")
    for reason, count in reasons.most_common(args.top):
        print(f"  {count:5d}  {reason}")

    print("\nrefuted steps:")
    for r in results:
        for s in r.steps:
            if s.verdict.status is Status.REFUTED:
                f = next((f for f in r.findings if f.step == s.step.index and f.derivation == s.derivation.index), None)
                tag = f"{f.rule} {f.severity}" if f else "no finding"
                print(f"  [{tag}] {r.path} step {s.step.index}: {s.step.lhs.stripped}  {s.step.relation}  "
                      f"{s.step.rhs.stripped}")
                if f:
                    print(f"      {f.message}")
    if args.show_unverified:
        print("\nunverified steps matching", repr(args.show_unverified))
        for r in results:
            for s in r.steps:
                if s.verdict.status is Status.UNVERIFIED and args.show_unverified in s.verdict.reason:
                    print(f"  {r.path}: {s.verdict.reason}: {s.step.lhs.stripped} {s.step.relation} {s.step.rhs.stripped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
