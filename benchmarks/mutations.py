"""Mutation benchmark for the diagnosis: break verified steps with one typo each, see what lintmath says.

    python benchmarks/mutations.py ../shared/corpus/dev.jsonl [--per-kind N] [--jobs N] [--show KIND]

Takes the '=' steps of a corpus that lintmath verifies, applies single seeded mutations of each kind
to the new line's text (the right-hand side as the author wrote it), and checks the mutated
documents with the same pipeline as ``lintmath check``. A mutation that still verifies did not
change the math and is skipped. Per kind it reports:

- detected: an error finding on the mutated step;
- right kind: that finding's rule is the one for the mutation's kind;
- restored: the finding's suggestion is the original line (whitespace removed on both sides).

The kinds are the diagnoser kinds of the rule files (sign_flip is LM101, dropped_term LM102, ...).
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import document_for, load_corpus  # noqa: E402
from lintmath.config import Config  # noqa: E402
from lintmath.extract import extract_text  # noqa: E402
from lintmath.model import Status  # noqa: E402
from lintmath.parse import nodes as n  # noqa: E402
from lintmath.parse.parser import parse_math  # noqa: E402
from lintmath.pipeline import check_documents  # noqa: E402
from lintmath.rules import load_rules  # noqa: E402

KINDS = ("sign_flip", "dropped_term", "constant_factor", "exponent", "changed_variable", "reciprocal",
         "wrong_function", "arithmetic")
SWAPS = {"sin": "\\cos", "cos": "\\sin", "tan": "\\cot", "cot": "\\tan", "sinh": "\\cosh", "cosh": "\\sinh",
         "log": "\\exp", "exp": "\\log", "tanh": "\\coth"}


@dataclass(frozen=True)
class Mutation:
    kind: str
    text: str  # the mutated rhs text
    what: str


def squash(text: str) -> str:
    return "".join(text.split())


# -- mutations on the rhs text, located through its syntax tree --------------------------------------

def _splice(text: str, start: int, end: int, new: str) -> str:
    if new and re.search(r"\\[A-Za-z]+$", new) and text[end:end + 1].isalpha():
        new += " "
    return text[:start] + new + text[end:]


def _in_exponent(tree: n.Node) -> set[int]:
    out: set[int] = set()
    for node in tree.walk():
        if isinstance(node, n.Pow):
            out.update(id(x) for x in node.exp.walk())
        elif isinstance(node, n.Func) and node.power is not None:
            out.update(id(x) for x in node.power.walk())
        elif isinstance(node, n.BigOp):
            for bound in (node.lo, node.hi):
                if bound is not None:
                    out.update(id(x) for x in bound.walk())
    return out


def _terms(tree: n.Node) -> list[tuple[n.Add, int]]:
    """The terms of the line's top-level sum (the whole line as one term when it is not a sum)."""
    if isinstance(tree, n.Add):
        return [(tree, k) for k in range(len(tree.terms))]
    return []


def sign_flip(tree, text, rng) -> list[Mutation]:
    out = []
    if isinstance(tree, n.Add) and len(tree.terms) > 1:
        for add, k in _terms(tree):
            term = add.terms[k]
            if term.sign_start >= 0:
                old = text[term.sign_start]
                if old == "-" and k == 0:
                    new = text[: term.sign_start] + text[term.node.start :]
                else:
                    new = text[: term.sign_start] + ("+" if old == "-" else "-") + text[term.sign_start + 1 :]
            else:
                new = text[: term.node.start] + "-" + text[term.node.start :]
            out.append(Mutation("sign_flip", new, f"flip the sign of term {k + 1}"))
    elif not isinstance(tree, n.Add):
        out.append(Mutation("sign_flip", text[: tree.start] + "-" + text[tree.start :], "negate the line"))
    return out


def dropped_term(tree, text, rng) -> list[Mutation]:
    out = []
    if isinstance(tree, n.Add) and len(tree.terms) > 1:
        for k, term in enumerate(tree.terms):
            if k > 0:
                start = term.sign_start if term.sign_start >= 0 else term.node.start
                new = text[:start] + text[term.node.end :]
            else:
                following = tree.terms[1]
                start = term.sign_start if term.sign_start >= 0 else term.node.start
                end = following.node.start if following.sign == "+" else following.sign_start
                new = text[:start] + text[end:]
            out.append(Mutation("dropped_term", new, f"drop term {k + 1}"))
    return out


def constant_factor(tree, text, rng) -> list[Mutation]:
    sites = [add.terms[k].node for add, k in _terms(tree)] or [tree]
    out = []
    for node in sites:
        body = text[node.start : node.end]
        if isinstance(node, n.Num) or body.lstrip()[:1].isdigit() or body.lstrip()[:1] == ".":
            continue
        if isinstance(node, n.Mul) and isinstance(node.factors[0], (n.Num, n.Div)):
            continue
        if isinstance(node, n.Add):
            continue
        at = node.start - 5 if text[: node.start].endswith("\\left") else node.start
        out.append(Mutation("constant_factor", text[:at] + "2" + text[at:],
                            f"multiply `{body.strip()}` by 2"))
    return out


def exponent(tree, text, rng) -> list[Mutation]:
    out = []
    for node in tree.walk():
        exp = node.exp if isinstance(node, n.Pow) else node.power if isinstance(node, n.Func) else None
        if not isinstance(exp, n.Num) or not exp.value.isdigit():
            continue
        caret = text.rfind("^", 0, exp.start)
        if caret < 0:
            continue
        k = int(exp.value)
        braced = text[exp.start - 1] == "{"
        end = exp.end + 1 if braced else exp.end
        for new in (k + 1, k - 1, 2 * k):
            if new <= 0 or new == k:
                continue
            script = "" if new == 1 else (f"^{{{new}}}" if braced or new > 9 else f"^{new}")
            out.append(Mutation("exponent", _splice(text, caret, end, script), f"exponent {k} -> {new}"))
    return out


def changed_variable(tree, text, rng) -> list[Mutation]:
    index_ids = n.non_quantities(tree)
    plain = [x for x in tree.walk() if isinstance(x, n.Sym) and not (x.style or x.indices or x.labels
                                                                    or x.sup_letter is not None or x.primes)]
    roles: dict[str, set[str]] = {"index": set(), "var": set()}
    for x in plain:
        roles["index" if id(x) in index_ids else "var"].add(x.base)
    for node in tree.walk():
        if isinstance(node, n.BigOp):
            roles["index"].add(node.var)
    out = []
    for x in sorted(plain, key=lambda s: s.start):
        role = "index" if id(x) in index_ids else "var"
        for other in sorted(roles[role] - {x.base}):
            out.append(Mutation("changed_variable", _splice(text, x.start, x.end, other),
                                f"`{x.base}` -> `{other}` at {x.start}"))
    return out


def reciprocal(tree, text, rng) -> list[Mutation]:
    out = []
    for node in tree.walk():
        if isinstance(node, n.Div) and not node.slash:
            num, den = text[node.num.start : node.num.end], text[node.den.start : node.den.end]
            if squash(num) == squash(den):
                continue
            between = text[node.num.end : node.den.start]
            new = text[: node.num.start] + den + between + num + text[node.den.end :]
            out.append(Mutation("reciprocal", new, f"flip `{text[node.start:node.end]}`"))
    return out


def wrong_function(tree, text, rng) -> list[Mutation]:
    out = []
    for node in tree.walk():
        if isinstance(node, n.Func) and node.name in SWAPS and not node.inverse:
            m = re.match(r"\\[A-Za-z]+", text[node.start : node.end])
            if m:
                out.append(Mutation("wrong_function", _splice(text, node.start, node.start + m.end(), SWAPS[node.name]),
                                    f"{m.group()} -> {SWAPS[node.name]}"))
        if isinstance(node, n.Apply) and node.func.key == "\\sigma" and len(node.args) == 1:
            out.append(Mutation("wrong_function", text[: node.start] + "(1-" + text[node.start : node.end] + ")"
                                + text[node.end :], "sigma -> 1 - sigma"))
    return out


def arithmetic(tree, text, rng) -> list[Mutation]:
    skip = _in_exponent(tree) | n.non_quantities(tree)
    out = []
    for node in tree.walk():
        if isinstance(node, n.Num) and id(node) not in skip and node.value.isdigit():
            k = int(node.value)
            choices = [v for v in (k + 1, k - 1, k + 2) if v > 1 and v != k]
            if len(node.value) > 1 and node.value[::-1] != node.value and not node.value.endswith("0"):
                choices.append(int(node.value[::-1]))
            new = rng.choice(choices) if choices else None
            if new is not None:
                out.append(Mutation("arithmetic", _splice(text, node.start, node.end, str(new)), f"{k} -> {new}"))
    return out


MUTATORS = {"sign_flip": sign_flip, "dropped_term": dropped_term, "constant_factor": constant_factor,
            "exponent": exponent, "changed_variable": changed_variable, "reciprocal": reciprocal,
            "wrong_function": wrong_function, "arithmetic": arithmetic}


# -- the run --------------------------------------------------------------------------------------

def source_offset(source: str, line: int, column: int) -> int:
    lines = source.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--per-kind", type=int, default=3, help="mutations per kind per step (seeded sample)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--budget", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", default="", help="print the misses of this kind (or 'all')")
    ap.add_argument("--dump", default="", help="write every mutation's outcome to this JSON-lines file "
                    "(to compare two versions on the mutations they share)")
    args = ap.parse_args(argv)

    records, macros = load_corpus(args.corpus)
    sources, docs, paths = [], [], []
    for rec in records:
        source = document_for(rec, macros)
        try:
            docs.append(extract_text(source, rec["id"]))
        except Exception:
            continue
        sources.append(source)
        paths.append(rec["id"])
    config = Config(jobs=args.jobs, budget=args.budget, seed=0)
    started = time.perf_counter()
    results = check_documents(docs, paths, config)

    # the verified '=' steps, and their mutated documents
    cases = []  # (kind, mutation, path, derivation, step, original rhs)
    mutated_docs, mutated_paths = [], []
    verified = 0
    for source, doc, result in zip(sources, docs, results):
        for s in result.steps:
            if s.verdict.status is not Status.VERIFIED or s.step.relation != "=":
                continue
            verified += 1
            rhs = s.step.rhs
            if "\n" in rhs.text.strip():
                continue
            offset = source_offset(source, rhs.line, rhs.column)
            if squash(source[offset : offset + len(rhs.text)]) != squash(rhs.text):
                continue  # the extractor blanked something inside the line: leave it
            try:
                tree = parse_math(rhs.text, list(doc.macros))
            except Exception:
                continue
            for kind in KINDS:
                rng = random.Random(f"{args.seed}:{result.path}:{s.derivation.index}:{s.step.index}:{kind}")
                options = MUTATORS[kind](tree, rhs.text, rng)
                options = [m for m in options if squash(m.text) != squash(rhs.text)]
                rng.shuffle(options)
                for m in options[: args.per_kind]:
                    try:  # a mutation that breaks the LaTeX itself (a '}' left alone) is no typo in the math
                        parse_math(m.text, list(doc.macros))
                    except Exception:
                        continue
                    mutated = source[:offset] + m.text + source[offset + len(rhs.text):]
                    try:
                        mdoc = extract_text(mutated, result.path)
                    except Exception:
                        continue
                    cases.append((kind, m, s.derivation.index, s.step.index, rhs.text))
                    mutated_docs.append(mdoc)
                    mutated_paths.append(result.path)
    mutated_results = check_documents(mutated_docs, mutated_paths, config)
    elapsed = time.perf_counter() - started

    rules = load_rules()
    code_of = {r.kind: r.code for r in rules.rules}
    table = {k: collections.Counter() for k in KINDS}
    misses = []
    diag_times = []
    outcomes = []
    for (kind, m, d_index, s_index, original), res in zip(cases, mutated_results):
        step = next((s for s in res.steps if s.derivation.index == d_index and s.step.index == s_index), None)
        row = table[kind]
        if step is None or squash(step.step.rhs.text) != squash(m.text):
            row["lost"] += 1
            continue
        if step.verdict.status is Status.VERIFIED:
            # an equivalent mutation (a sign flipped on a zero term), or a reading too loose: the dump
            # keeps them for review
            row["still verified"] += 1
            outcomes.append({"path": res.path, "derivation": d_index, "step": s_index,
                             "lhs": step.step.lhs.stripped, "kind": kind, "what": m.what,
                             "original": original, "mutated": m.text, "status": "verified", "reason": step.verdict.reason, "rule": None,
                             "detected": False, "right": False, "restored": False,
                             "elapsed": step.verdict.elapsed})
            continue
        row["mutations"] += 1
        row[step.verdict.status.value] += 1
        if step.verdict.status is Status.REFUTED:
            diag_times.append(step.verdict.elapsed)
        finding = next((f for f in res.findings if f.derivation == d_index and f.step == s_index), None)
        ok = finding is not None and finding.severity == "error"
        right = ok and finding.rule == code_of.get(kind)
        restored = right and finding.suggestion is not None and squash(finding.suggestion) == squash(original)
        row["detected"] += ok
        row["right kind"] += right
        row["restored"] += restored
        outcomes.append({"path": res.path, "derivation": d_index, "step": s_index,
                         "lhs": step.step.lhs.stripped, "kind": kind, "what": m.what,
                         "original": original, "mutated": m.text, "status": step.verdict.status.value, "reason": step.verdict.reason,
                         "rule": finding.rule if finding else None, "detected": ok, "right": right,
                         "restored": restored, "elapsed": step.verdict.elapsed,
                         "suggestion": finding.suggestion if finding else None})
        if not restored:
            misses.append((kind, m, original, step, finding))

    if args.dump:
        Path(args.dump).write_text("".join(json.dumps(o) + "\n" for o in outcomes), encoding="utf-8")
    print(f"corpus: {args.corpus}: {verified} verified '=' steps; {len(cases)} mutated documents, "
          f"{elapsed:.1f} s")
    header = f"{'kind':<17}{'rule':<7}{'mutations':>10}{'detected':>16}{'right kind':>16}{'restored':>16}" \
             f"{'unverified':>11}{'still ok':>9}"
    print(header)
    print("-" * len(header))
    total = collections.Counter()
    for kind in KINDS:
        row = table[kind]
        total.update(row)
        print(_row(kind, code_of.get(kind, "?"), row))
    print("-" * len(header))
    print(_row("total", "", total))
    refuted = total["refuted"]
    if refuted:
        print(f"of the {refuted} mutations lintmath refutes (the others are unverified, the checker's "
              f"coverage): detected {100 * total['detected'] / refuted:.1f}%, right kind "
              f"{100 * total['right kind'] / refuted:.1f}%, restored {100 * total['restored'] / refuted:.1f}%")
    if diag_times:
        diag_times.sort()
        print(f"refuted mutated steps: median {1000 * diag_times[len(diag_times) // 2]:.0f} ms, "
              f"90th percentile {1000 * diag_times[int(0.9 * len(diag_times))]:.0f} ms, "
              f"max {1000 * diag_times[-1]:.0f} ms per step (decision + diagnosis)")
    if args.show:
        print()
        for kind, m, original, step, finding in misses:
            if args.show not in ("all", kind):
                continue
            got = f"{finding.rule} {finding.severity}: {finding.suggestion}" if finding else step.verdict.status.value
            print(f"[{kind}] {m.what}\n    original: {original.strip()}\n    mutated:  {m.text.strip()}\n"
                  f"    lhs:      {step.step.lhs.stripped}\n    got:      {got}"
                  + (f"\n    reason:   {step.verdict.reason}" if step.verdict.status is not Status.REFUTED else ""))
    return 0


def _row(kind: str, code: str, row: collections.Counter) -> str:
    m = row["mutations"]

    def pct(k: str) -> str:
        return f"{row[k]:5d} {100 * row[k] / m:5.1f}%" if m else f"{row[k]:5d}     - "

    return (f"{kind:<17}{code:<7}{m:>10}{pct('detected'):>16}{pct('right kind'):>16}{pct('restored'):>16}"
            f"{row['unverified']:>11}{row['still verified']:>9}")


if __name__ == "__main__":
    raise SystemExit(main())
