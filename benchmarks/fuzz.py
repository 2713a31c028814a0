"""Fuzz run: many generated inputs through the checker and the extractor; counts crashes.

    python benchmarks/fuzz.py [--steps 10000] [--docs 2000] [--budget 1] [--jobs 2] [--seed 0]

- steps: half token soup from the LaTeX math vocabulary of slides (and malformed pieces of it),
  half mostly well-formed slide math with a nearby right-hand side (so the checker gets past the
  parser and evaluates, differentiates, sums), as ``lhs REL rhs`` tasks through ``runner.run_tasks`` (worker processes, soft timer + hard kill);
- documents: random LaTeX sources built from environment fragments, macros, ``\\input``, comments,
  dollars and soup, through ``extract_text`` (in this process, under a time budget) and then the
  whole pipeline (``check_documents``).

A crash is an exception out of the extractor (other than ExtractError), a verdict saying
"internal error" or "the checking process crashed", a step over its budget by more than 10%, or a
step ``X = X`` (the same text on both sides) refuted.
Seeded: the same arguments give the same inputs. Exit code 1 when anything crashed.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOKENS = [
    *"abcxyzntkijwABXE", *"0123456789", "+", "-", "=", "^", "_", "(", ")", "[", "]", "{", "}", "|",
    ",", ".", "!", "'", "/", "*", "&", "~", ":", ";", "<", ">",
    "\\frac", "\\dfrac", "\\tfrac", "\\sqrt", "\\sqrt[3]", "\\sum", "\\prod", "\\int", "\\oint",
    "\\partial", "\\nabla", "\\left(", "\\right)", "\\left[", "\\right]", "\\left|", "\\right|",
    "\\left.", "\\right.", "\\left\\{", "\\right\\}", "\\big(", "\\Big)", "\\cdot", "\\times",
    "\\log", "\\ln", "\\exp", "\\sin", "\\cos", "\\tan", "\\arctan", "\\sinh", "\\cosh", "\\alpha",
    "\\beta", "\\gamma", "\\theta", "\\sigma", "\\pi", "\\lambda", "\\mu", "\\epsilon", "\\infty",
    "\\mathbf", "\\mathrm", "\\mathbb", "\\mathcal", "\\boldsymbol", "\\text", "\\textbf",
    "\\operatorname", "\\operatorname{tr}", "\\lim", "\\lim_{n \\to \\infty}", "\\to", "\\leq",
    "\\geq", "\\neq", "\\approx", "\\equiv", "\\propto", "\\sim", "\\top", "\\intercal", "\\hat",
    "\\bar", "\\tilde", "\\dot", "\\ddot", "\\vec", "\\mid", "\\langle", "\\rangle", "\\|", "\\binom",
    "\\choose", "\\over", "\\quad", "\\qquad", "\\,", "\\;", "\\!", "\\max", "\\min", "\\arg\\max",
    "\\det", "\\ell", "\\prime", "\\overline", "\\underbrace", "\\overbrace", "\\overset",
    "\\underset", "\\stackrel", "\\substack", "\\begin{pmatrix}", "\\end{pmatrix}",
    "\\begin{bmatrix}", "\\end{bmatrix}", "\\begin{cases}", "\\end{cases}", "\\ldots", "\\cdots",
    "\\dots", "\\in", "\\mathbb{E}", "\\Pr", "\\Var", "\\undefinedmacro", "{}", "^{", "_{", "^{-1}",
    "^T", "^\\top", "^{(i)}", "_{ij}", "10^{10^{10}}", "x^{x^{x^{x}}}", "e^{", "\\frac{}{}", "9!",
    "!!", "\\%", "\\$", "#1", "#", "\\\\[2pt]", "\\tag{1}", "\\label{eq}", "\\nonumber", "\\notag",
    "\\pause", "\\only<2>{", "\\color{red}", "\\displaystyle", "\\limits", "\\mathop", "\\not",
    "\\cancel", "\\bmod", "\\pmod{n}", "\\lfloor", "\\rfloor", "\\lceil", "\\rceil", "\\circ", "\\ast",
    "\\star", "\\otimes", "\\oplus", "\\wedge", "\\vee", "\\cup", "\\cap", "\\emptyset", "\\forall",
    "\\exists", "\\Rightarrow", "\\iff", "\\mapsto", "\u00e9", "\u2211", "\u03b1", "\t", "\\\\", "\n",
    "0.5", "3.14159", "1e10", "10000000000000000000000", "-0", "1/0", "0^0", "\\infty - \\infty",
]
RELATIONS = ["=", "=", "=", "\\leq", "<", ">=", "\\approx", "\\propto", "\\overset{(a)}{=}", ":="]
FRAGMENTS = [
    "\\begin{align*}", "\\end{align*}", "\\begin{align}", "\\end{align}", "\\begin{equation}",
    "\\end{equation}", "\\begin{aligned}", "\\end{aligned}", "\\begin{eqnarray*}", "\\end{eqnarray*}",
    "\\begin{split}", "\\end{split}", "\\begin{array}{rcl}", "\\end{array}", "\\begin{frame}{T}",
    "\\end{frame}", "\\begin{multline}", "\\end{multline}", "\\begin{gather}", "\\end{gather}",
    "\\begin{verbatim}", "\\end{verbatim}", "\\[", "\\]", "$$", "$", "&", "&=", "\\\\", "\n", "%",
    "% lintmath: ignore", "% lintmath: assume x > 0", "% lintmath: define f(x) = x^2",
    "\\newcommand{\\foo}[1]{#1^2}", "\\foo{x}", "\\renewcommand{\\bar}[2][a]{#1+#2}", "\\bar{b}",
    "\\def\\baz{\\baz}", "\\baz", "\\newcommand{\\rec}{\\rec\\rec}", "\\rec", "\\DeclareMathOperator{\\Tr}{Tr}",
    "\\Tr(A)", "\\input{nothere}", "\\include{../../etc/passwd}", "\\intertext{so}", "\\text{since}",
    "\\documentclass{beamer}", "\\begin{document}", "\\end{document}", "\\section{S}", "}", "{",
]


def soup(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(TOKENS) for _ in range(rng.randint(0, n)))


ATOMS = ["x", "y", "a", "b", "n", "k", "x_i", "w_j", "o_j^x", "\\theta", "\\sigma", "2", "3", "\\frac{1}{2}",
         "0.5", "e", "\\pi", "\\alpha_t", "x^{(i)}", "f(x)", "p(x \\mid \\theta)", "10^{10^{10}}",
         "x^{x^{x^{x}}}", "0", "-1", "\\infty"]
FUNCS = ["\\log", "\\exp", "\\sin", "\\cos", "\\tanh", "\\sqrt", "\\sigma", "f", "g", "\\ln", "|"]


def expression(rng: random.Random, depth: int = 0) -> str:
    """Mostly well-formed slide math, so that the checker gets past the parser and evaluates."""
    if depth > 3 or rng.random() < 0.3:
        return rng.choice(ATOMS)
    e = lambda: expression(rng, depth + 1)  # noqa: E731
    r = rng.randrange(12)
    if r == 0:
        return f"{e()} + {e()}"
    if r == 1:
        return f"{e()} - {e()}"
    if r == 2:
        return f"{e()} {e()}"
    if r == 3:
        return f"\\frac{{{e()}}}{{{e()}}}"
    if r == 4:
        return f"\\left({e()}\\right)^{{{rng.choice(['2', '-1', 'n', '1/2', 'x'])}}}"
    if r == 5:
        f = rng.choice(FUNCS)
        return f"|{e()}|" if f == "|" else (f"\\sqrt{{{e()}}}" if f == "\\sqrt" else f"{f}({e()})")
    if r == 6:
        return f"\\sum_{{{rng.choice(['k', 'k=1', 'i=1'])}}}{rng.choice(['', '^{n}', '^{N}'])} {e()}"
    if r == 7:
        return f"\\frac{{\\partial}}{{\\partial {rng.choice(['x', 'w_j', 'o_j^x', 'y'])}}} \\left({e()}\\right)"
    if r == 8:
        return f"\\frac{{d}}{{dx}} {e()}"
    if r == 9:
        return f"({e()})"
    if r == 10:
        return f"e^{{{e()}}}"
    return f"{e()} \\cdot {e()}"


def mutate(rng: random.Random, text: str) -> str:
    """A nearby right-hand side: the same text, a sign flipped, a token dropped, or a soup token."""
    r = rng.random()
    if r < 0.35:
        return text
    if r < 0.6:
        return text.replace("+", "-", 1) if "+" in text else "-" + text
    tokens = text.split(" ")
    if r < 0.8 and tokens:
        del tokens[rng.randrange(len(tokens))]
    else:
        tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(TOKENS))
    return " ".join(tokens)


def document(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 40)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.85:
            parts.append(soup(rng, 10))
        else:
            parts.append(f"{soup(rng, 6)} {rng.choice(RELATIONS)} {soup(rng, 6)} \\\\")
    return "\n".join(parts) if rng.random() < 0.5 else " ".join(parts)


def is_crash(reason: str) -> bool:
    return reason.startswith(("internal error", "the checking process crashed", "not checked"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=10_000)
    ap.add_argument("--docs", type=int, default=2_000)
    ap.add_argument("--budget", type=float, default=1.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", default=None)
    ns = ap.parse_args()

    from lintmath.budget import BudgetExceeded, time_budget
    from lintmath.config import Config
    from lintmath.extract import extract_text
    from lintmath.model import ExtractError
    from lintmath.pipeline import check_documents
    from lintmath.runner import Task, run_tasks

    rng = random.Random(ns.seed)
    crashes: list[str] = []
    started = time.perf_counter()

    # 1. token soup steps
    tasks = []
    for k in range(ns.steps):
        if k % 2:
            lhs, rhs = soup(rng, 24), soup(rng, 24)
        else:
            lhs = expression(rng)
            rhs = mutate(rng, lhs)
        tasks.append(Task(lhs, rhs, rng.choice(["=", "=", "=", "<=", ">="]), first=rng.random() < 0.2,
                          seed=ns.seed, budget=ns.budget))
    verdicts = run_tasks(tasks, ns.jobs)
    statuses = collections.Counter(v.status.value for v in verdicts)
    over = [(t, v) for t, v in zip(tasks, verdicts) if v.elapsed > ns.budget * 1.1]
    for t, v in zip(tasks, verdicts):
        if is_crash(v.reason):
            crashes.append(f"step {t.lhs!r} {t.relation} {t.rhs!r}: {v.reason}")
        if t.lhs == t.rhs and t.relation in ("=", "<=", ">=") and v.status.value == "refuted":
            crashes.append(f"false alarm: X {t.relation} X refuted for X = {t.lhs!r}")
    for t, v in over:
        crashes.append(f"step over budget ({v.elapsed:.2f} s): {t.lhs!r} {t.relation} {t.rhs!r}")
    soup_wall = time.perf_counter() - started

    # 2. whole documents: the extractor in this process, then the pipeline
    docs, names, extract_timeouts = [], [], 0
    for k in range(ns.docs):
        text = document(rng)
        try:
            with time_budget(ns.budget * 5):
                docs.append(extract_text(text, f"fuzz{k}.tex", ".tex"))
        except ExtractError as exc:
            docs.append(exc)
        except BudgetExceeded:
            extract_timeouts += 1
            crashes.append(f"document {k}: the extractor ran over {ns.budget * 5:g} s")
            continue
        except Exception as exc:  # noqa: BLE001 - this is what the fuzz run looks for
            crashes.append(f"document {k}: extractor raised {type(exc).__name__}: {str(exc)[:100]} :: {text[:200]!r}")
            continue
        names.append(f"fuzz{k}.tex")
    doc_steps = 0
    try:
        results = check_documents(docs, names, Config(budget=ns.budget, jobs=ns.jobs))
    except Exception as exc:  # noqa: BLE001
        crashes.append(f"check_documents raised {type(exc).__name__}: {exc}")
        results = []
    for r in results:
        for s in r.steps:
            doc_steps += 1
            statuses[s.verdict.status.value] += 1
            if is_crash(s.verdict.reason):
                crashes.append(f"{r.path} step {s.step.lhs.text!r} = {s.step.rhs.text!r}: {s.verdict.reason}")
            if s.verdict.elapsed > ns.budget * 1.1:
                crashes.append(f"{r.path} step over budget ({s.verdict.elapsed:.2f} s)")
    wall = time.perf_counter() - started

    elapsed = [v.elapsed for v in verdicts] + [s.verdict.elapsed for r in results for s in r.steps]
    summary = {
        "inputs": ns.steps + ns.docs, "soup_steps": ns.steps, "documents": ns.docs,
        "document_steps": doc_steps, "statuses": dict(statuses), "crashes": len(crashes),
        "max_elapsed": max(elapsed, default=0.0), "budget": ns.budget, "wall_s": round(wall, 1),
        "soup_wall_s": round(soup_wall, 1), "extract_timeouts": extract_timeouts,
    }
    print(json.dumps(summary, indent=2))
    for line in crashes[:50]:
        print("CRASH", line)
    if ns.json:
        Path(ns.json).write_text(json.dumps({**summary, "crash_list": crashes}, indent=2))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
