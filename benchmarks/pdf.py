"""How well PDF input reproduces the source: per font setup, tuning vs heldout.

    python benchmarks/pdf.py [--setup cm] [--split heldout] [--jobs N] [--show-misses]

Reads ``fixtures/pdf/truth.json`` and the compiled ``fixtures/pdf/<setup>/<split>.pdf`` (made by
``fixtures/pdf/build.py``). For each derivation the source rows are checked as LaTeX and the PDF's
rebuilt rows are checked the same way; a row counts as

* **same verdict** when its step gets the same status (verified / refuted / unverified) from both;
* **token-exact** when both sides rebuild to the source's tokens (ignoring spacing, braces and
  ``\\left``/``\\right`` sizing, which carry no meaning);
* **false error** when the PDF's step is refuted and the source's is not (must stay 0).

Rebuilt derivations are paired with their source through the ``Derivation N.`` line above each
display. Speed is extraction only (pages per CPU second of one process), reported separately from checking.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lintmath.config import Config  # noqa: E402
from lintmath.extract.latex import extract_latex  # noqa: E402
from lintmath.model import Document, Status  # noqa: E402
from lintmath.pipeline import check_documents  # noqa: E402

FIXTURES = ROOT / "fixtures" / "pdf"
_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|[^\s{}]")
_DROP = {"\\left", "\\right", "\\bigl", "\\bigr", "\\Bigl", "\\Bigr", "\\biggl", "\\biggr", "\\big",
         "\\Big", "\\,", "\\;", "\\:", "\\!", "\\quad", "\\qquad", "&", "\\displaystyle"}
_SAME = {"\\le": "\\leq", "\\ge": "\\geq", "\\ne": "\\neq", "\\to": "\\rightarrow", "\\lbrace": "\\{",
         "\\rbrace": "\\}"}


_NOTE = re.compile(r"\\q?quad\b.*$", re.S)


def tokens(latex: str) -> list[str]:
    """Tokens that carry meaning: no spacing, no braces, no delimiter sizes, no ``\\quad`` note."""
    return [_SAME.get(t, t) for t in _TOKEN.findall(_NOTE.sub("", latex)) if t not in _DROP]


def source_document(d: dict) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(d["rows"]) + "\n\\end{align*}\n"


def check_sources(derivations: list[dict], config: Config) -> dict[str, list[tuple]]:
    """id -> [(lhs, rhs, status)] of the source's steps."""
    docs = [extract_latex(source_document(d), d["id"]) for d in derivations]
    results = check_documents(docs, [d["id"] for d in derivations], config)
    out = {}
    for d, r in zip(derivations, results):
        out[d["id"]] = [(s.step.lhs.text, s.step.rhs.text, s.verdict.status) for s in r.steps]
    return out


def markers(pdf: str) -> dict[int, list[tuple[float, int]]]:
    """page (1-based) -> [(y, N)] of the ``Derivation N.`` lines."""
    import pymupdf

    out: dict[int, list[tuple[float, int]]] = defaultdict(list)
    with pymupdf.open(pdf) as doc:
        for k, page in enumerate(doc, 1):
            for block in page.get_text("blocks"):
                for m in re.finditer(r"Derivation\s*(\d+)\.", block[4].replace("\n", " ")):
                    out[k].append((block[1], int(m.group(1))))
    return out


def extract_timed(pdf: str) -> tuple[Document, float, int]:
    import pymupdf

    from lintmath.extract.pdf import extract_pdf

    with pymupdf.open(pdf) as doc:
        pages = doc.page_count
    start = time.process_time()  # CPU time of this one process: one core, whatever else runs
    doc = extract_pdf(pdf)
    return doc, time.process_time() - start, pages


def evaluate(setup: str, split: str, truth: list[dict], sources: dict, config: Config, show: bool) -> dict:
    pdf = str(FIXTURES / setup / f"{split}.pdf")
    doc, seconds, pages = extract_timed(pdf)
    found = markers(pdf)
    (result,) = check_documents([doc], [pdf], config)
    by_number: dict[int, list] = defaultdict(list)
    for s in result.steps:
        page = s.derivation.page or 0
        y = s.step.lhs.bbox[1] if s.step.lhs.bbox else 0.0
        above = [n for my, n in found.get(page, []) if my <= y + 1.0]
        if above:
            by_number[above[-1]].append(s)
    rows = same = exact = false_errors = 0
    misses = []
    for d in truth:
        src = sources[d["id"]]
        got = by_number.get(d["number"], [])
        for k, (lhs, rhs, status) in enumerate(src):
            rows += 1
            if k >= len(got):
                misses.append((d["id"], k, "missing", f"{lhs} | {rhs}", ""))
                continue
            g = got[k]
            if g.verdict.status == status:
                same += 1
            elif show:
                misses.append((d["id"], k, f"{status.value}->{g.verdict.status.value}",
                               f"{lhs} | {rhs}", f"{g.step.lhs.text} | {g.step.rhs.text}  ({g.verdict.reason})"))
            if tokens(lhs) == tokens(g.step.lhs.text) and tokens(rhs) == tokens(g.step.rhs.text):
                exact += 1
            elif show and g.verdict.status == status:
                misses.append((d["id"], k, "tokens", f"{lhs} | {rhs}", f"{g.step.lhs.text} | {g.step.rhs.text}"))
            if g.verdict.status is Status.REFUTED and status is not Status.REFUTED:
                false_errors += 1
    return {"setup": setup, "split": split, "rows": rows, "same": same, "exact": exact,
            "false_errors": false_errors, "pages": pages, "seconds": seconds, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", action="append")
    parser.add_argument("--split", action="append", choices=["tuning", "heldout"])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    truth = json.loads((FIXTURES / "truth.json").read_text(encoding="utf-8"))
    config = Config(jobs=args.jobs)
    setups = args.setup or truth["setups"]
    splits = args.split or ["tuning", "heldout"]
    print(f"{'setup':14} {'split':8} {'rows':>5} {'same verdict':>13} {'token-exact':>12} "
          f"{'false err':>9} {'pages/s':>8}")
    for split in splits:
        items = [d for d in truth["derivations"] if d["split"] == split]
        sources = check_sources(items, config)
        for setup in setups:
            r = evaluate(setup, split, items, sources, config, args.show_misses)
            print(f"{setup:14} {split:8} {r['rows']:5} {r['same'] / max(r['rows'], 1):13.1%} "
                  f"{r['exact'] / max(r['rows'], 1):12.1%} {r['false_errors']:9} "
                  f"{r['pages'] / max(r['seconds'], 1e-9):8.1f}")
            for miss in r["misses"]:
                print("    ", *miss, sep="  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
