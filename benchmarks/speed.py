"""Speed benchmark: lintmath side by side with the naive baseline, in one run.

    python benchmarks/speed.py [CORPUS.jsonl] [--budget 2] [--jobs 2] [--limit N] [--json OUT]

Measures, on the '=' steps of the corpus (default ../shared/corpus/dev.jsonl, each chain written as a
LaTeX document with its repository's macros and its environment, as ``lintmath check`` would read it):

- lintmath: ``pipeline.check_paths`` (what ``lintmath check`` runs) over all the documents, no cache;
- the baseline: ``latex2sympy2_extended`` (``lowercase_symbols=False``) on both sides of the same
  '=' steps lintmath extracted, then ``sympy.simplify(a - b) == 0``, one step at a time in killable
  worker processes under the same time budget (a soft timer, then a hard kill, like lintmath's pool);

then the 100-frame beamer deck (generated here) through the CLI with ``--jobs``, a re-run of the deck
and of the corpus through the cache, ``lintmath --version``, the imports of ``lintmath.cli``, and the
worst step against its budget on inputs built to hang SymPy. Each tool runs in its own subprocess so
that peak memory (``ru_maxrss`` of the process and of its children) is its own. Prints a markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

# ----------------------------------------------------------------------------- documents

_ENVS = {"align*", "align", "eqnarray*", "eqnarray", "multline", "multline*", "gather", "gather*"}
_INNER = {"aligned", "split"}


def _own_write_document(record: dict, macros: dict) -> str:
    """A LaTeX document holding one corpus chain: the repository's macros, then the chain in its
    environment (rows joined by ``\\\\``, each later row keeping its leading relation)."""
    out = ["\\documentclass{article}", "\\usepackage{amsmath}"]
    for name, mac in sorted(macros.items()):
        nargs = int(mac.get("nargs") or 0)
        out.append(f"\\newcommand{{{name}}}" + (f"[{nargs}]" if nargs else "") + "{" + mac.get("body", "") + "}")
    out.append("\\begin{document}")
    env = record.get("env", "align*")
    rows = " \\\\\n".join(record["lines"])
    if env in _ENVS:
        out += [f"\\begin{{{env}}}", rows, f"\\end{{{env}}}"]
    elif env in _INNER:
        out += ["\\begin{equation*}", f"\\begin{{{env}}}", rows, f"\\end{{{env}}}", "\\end{equation*}"]
    else:  # array, bare rows of equation* / $$: read as align*
        out += ["\\begin{align*}", rows, "\\end{align*}"]
    out.append("\\end{document}")
    return "\n".join(out) + "\n"


def write_document(record: dict, all_macros: dict) -> str:
    """benchmarks/corpus.py's writer when it is there (so both benchmarks read the same documents);
    ``all_macros`` is dev_macros.json: ``{repo: {"defined": {name: {nargs, body}}}}``."""
    try:
        import corpus  # type: ignore[import-not-found]
    except Exception:
        corpus = None
    if corpus is not None and callable(getattr(corpus, "document_for", None)):
        return corpus.document_for(record, all_macros)
    return _own_write_document(record, all_macros.get(record.get("repo", ""), {}).get("defined", {}))


def write_corpus(corpus: Path, out_dir: Path) -> list[str]:
    macros_path = corpus.with_name(corpus.stem.split("_")[0] + "_macros.json")
    if not macros_path.exists():
        macros_path = corpus.with_name("dev_macros.json")
    macros = json.loads(macros_path.read_text()) if macros_path.exists() else {}
    paths = []
    with corpus.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            path = out_dir / f"chain{i:04d}.tex"
            path.write_text(write_document(rec, macros), encoding="utf-8")
            paths.append(str(path))
    return paths


# ----------------------------------------------------------------------------- the deck

_TEMPLATES = [
    # (frame title, rows); @x, @y are letters, @a a small integer, @a2 = a^2, @twoa = 2a, @am1 = a - 1,
    # @ap1 = a + 1
    ("Expanding a square", [
        r"(@x + @a)^2 &= (@x + @a)(@x + @a)",
        r"&= @x^2 + @a @x + @a @x + @a2",
        r"&= @x^2 + @twoa @x + @a2",
    ]),
    ("Difference of squares", [
        r"@x^2 - @a2 &= (@x - @a)(@x + @a)",
        r"&= @x(@x + @a) - @a(@x + @a)",
    ]),
    ("Logarithm rules", [
        r"\log(@x @y^{@a}) &= \log @x + \log @y^{@a}",
        r"&= \log @x + @a \log @y",
    ]),
    ("A derivative", [
        r"\frac{d}{d@x} @x^{@a} e^{@x} &= @a @x^{@am1} e^{@x} + @x^{@a} e^{@x}",
        r"&= @x^{@am1} e^{@x} (@a + @x)",
    ]),
    ("The logistic function", [
        r"\frac{d}{d@x} \frac{1}{1 + e^{-@x}} &= \frac{e^{-@x}}{(1 + e^{-@x})^2}",
        r"&= \frac{1}{1 + e^{-@x}} \cdot \frac{e^{-@x}}{1 + e^{-@x}}",
        r"&= \frac{1}{1 + e^{-@x}} \left(1 - \frac{1}{1 + e^{-@x}}\right)",
    ]),
    ("A sum", [
        r"\sum_{i=1}^{n} (@x_i + @a) &= \sum_{i=1}^{n} @x_i + \sum_{i=1}^{n} @a",
        r"&= \sum_{i=1}^{n} @x_i + @a n",
    ]),
    ("Fractions", [
        r"\frac{1}{@x} + \frac{1}{@y} &= \frac{@y}{@x @y} + \frac{@x}{@x @y}",
        r"&= \frac{@x + @y}{@x @y}",
    ]),
    ("Trigonometry", [
        r"\sin^2 @x + \cos^2 @x + @a &= 1 + @a",
        r"&= @ap1",
    ]),
    ("Gradient of a sum", [
        r"\frac{\partial}{\partial w_j} \sum_k w_k^2 @x_k &= \sum_k \frac{\partial}{\partial w_j} w_k^2 @x_k",
        r"&= 2 w_j @x_j",
    ]),
    ("A slip", [  # a wrong step, so that the deck has findings like real slides
        r"(@x - @y)^2 &= (@x - @y)(@x - @y)",
        r"&= @x^2 - 2 @x @y - @y^2",
    ]),
]


def make_deck(frames: int = 100, seed: int = 0) -> str:
    """A beamer deck of ``frames`` frames, each with prose, an overlay and one derivation built from
    a template with its own numbers and letters (so no two frames are the same step)."""
    rng = random.Random(seed)
    letters = ["x", "y", "z", "u", "v", "s", "t"]
    out = ["\\documentclass{beamer}", "\\usepackage{amsmath}", "\\title{A generated lecture}",
           "\\begin{document}", ""]
    for k in range(frames):
        title, rows = _TEMPLATES[k % len(_TEMPLATES)]
        x, y = rng.sample(letters, 2)
        a = rng.randint(2, 9) + (k // len(_TEMPLATES)) * 10
        values = {"@twoa": 2 * a, "@am1": a - 1, "@ap1": a + 1, "@a2": a * a, "@a": a, "@x": x, "@y": y}
        body = []
        for row in rows:
            for key, value in values.items():  # longest keys first
                row = row.replace(key, str(value))
            body.append(row)
        out += [f"\\begin{{frame}}{{{title} ({k + 1})}}",
                f"  We now look at case {k + 1}. \\pause",
                "  \\begin{align*}"]
        out += ["    " + r + (" \\\\" if i < len(body) - 1 else "") for i, r in enumerate(body)]
        out += ["  \\end{align*}", "\\end{frame}", ""]
    out.append("\\end{document}")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- killable pool

def _baseline_step(lhs: str, rhs: str, budget: float) -> tuple[str, float]:
    """The naive checker: parse both sides with latex2sympy2, then simplify(a - b) == 0."""
    import sympy
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig, latex2sympy

    from lintmath.budget import BudgetExceeded, time_budget

    started = time.perf_counter()
    config = ConversionConfig(lowercase_symbols=False)
    try:
        with time_budget(budget):
            try:
                a = latex2sympy(lhs, conversion_config=config)
                b = latex2sympy(rhs, conversion_config=config)
            except Exception:
                return "parse-error", time.perf_counter() - started
            try:
                status = "verified" if sympy.simplify(a - b) == 0 else "not-equal"
            except Exception:
                status = "error"
    except BudgetExceeded:
        status = "timeout"
    except (RecursionError, MemoryError):
        status = "error"
    return status, time.perf_counter() - started


def _pool_worker(conn) -> None:  # runs in a child process
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(_baseline_step(*job))
        except BaseException as exc:  # a result must always come back
            conn.send(("error: " + type(exc).__name__, 0.0))


def run_killable(jobs_list: list[tuple], workers: int, budget: float) -> list[tuple[str, float]]:
    """Run ``_baseline_step`` on every job with ``workers`` processes; a worker still busy 5% + 50 ms
    past the budget is killed (the same rule as lintmath's pool) and its step counted as a timeout."""
    import multiprocessing as mp
    from multiprocessing.connection import wait

    ctx = mp.get_context("fork")
    results: list = [None] * len(jobs_list)
    pending = list(range(len(jobs_list)))[::-1]

    def spawn():
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_pool_worker, args=(child,), daemon=True)
        proc.start()
        child.close()
        return {"conn": parent, "proc": proc, "index": None, "start": 0.0, "deadline": 0.0}

    pool = [spawn() for _ in range(max(1, min(workers, len(jobs_list))))]
    while pending or any(w["index"] is not None for w in pool):
        for w in pool:
            if w["index"] is None and pending:
                w["index"] = pending.pop()
                w["start"] = time.monotonic()
                w["deadline"] = w["start"] + budget * 1.05 + 0.05
                w["conn"].send(jobs_list[w["index"]])
        busy = [w for w in pool if w["index"] is not None]
        ready = wait([w["conn"] for w in busy], max(0.0, min(w["deadline"] for w in busy) - time.monotonic()))
        now = time.monotonic()
        for k, w in enumerate(pool):
            if w["index"] is None:
                continue
            if w["conn"] in ready:
                try:
                    results[w["index"]] = w["conn"].recv()
                    w["index"] = None
                    continue
                except (EOFError, OSError):
                    results[w["index"]] = ("crashed", now - w["start"])
            elif now >= w["deadline"]:
                results[w["index"]] = ("killed", now - w["start"])
            else:
                continue
            w["proc"].kill()
            w["proc"].join(1)
            pool[k] = spawn()
    for w in pool:
        w["conn"].send(None)
        w["proc"].join(1)
    return results


# ----------------------------------------------------------------------------- phases (subprocesses)

def _peak_mb() -> dict:
    import resource

    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # KiB on Linux, bytes on macOS
    return {"self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale,
            "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale}


def phase_lintmath(files: list[str], budget: float, jobs: int, out: str) -> dict:
    from lintmath.config import Config
    from lintmath.pipeline import check_paths

    # Imported before the clock starts, as the baseline's sympy and latex2sympy2 are (and as a
    # pre-forked pool inherits them): the two rates compare checking, not Python's imports. The CLI
    # rows below (the deck, --version) are timed with every import included.
    import lintmath.check  # noqa: F401
    import lintmath.extract.latex  # noqa: F401

    started = time.perf_counter()
    results = check_paths(files, Config(budget=budget, seed=0, jobs=jobs))
    wall = time.perf_counter() - started
    steps = []
    for r in results:
        for s in r.steps:
            steps.append({"path": r.path, "relation": s.step.relation, "lhs": s.step.lhs.text,
                          "rhs": s.step.rhs.text, "status": s.verdict.status.value,
                          "reason": s.verdict.reason, "elapsed": s.verdict.elapsed})
    Path(out).write_text(json.dumps(steps))
    return {"wall": wall, "steps": len(steps), "files": len(results),
            "errors": sum(1 for r in results if r.error), **_peak_mb()}


def phase_baseline(steps_file: str, budget: float, jobs: int, limit: int | None, out: str) -> dict:
    import sympy  # noqa: F401  imported before forking, so a replaced worker starts warm
    import latex2sympy2_extended.latex2sympy2  # noqa: F401

    import lintmath.budget  # noqa: F401

    steps = [s for s in json.loads(Path(steps_file).read_text()) if s["relation"] == "="]
    if limit:
        steps = random.Random(0).sample(steps, min(limit, len(steps)))
    jobs_list = [(" ".join(s["lhs"].split()), " ".join(s["rhs"].split()), budget) for s in steps]
    started = time.perf_counter()
    res = run_killable(jobs_list, jobs, budget)
    wall = time.perf_counter() - started
    Path(out).write_text(json.dumps([{"status": st, "elapsed": el} for st, el in res]))
    return {"wall": wall, "steps": len(res), **_peak_mb()}


def phase_adversarial(budget: float, jobs: int) -> dict:
    """Steps built to hang SymPy: the worst elapsed time against the budget, killed workers included."""
    from lintmath.config import Config
    from lintmath.pipeline import check_text

    hard = [
        "x^{x^{x^{x^{x}}}} &= x^{x^{x^{x^{x}}}} + 0",
        "10^{10^{10}} &= 10^{10^{10}} + 1",
        "(x+1)^{100000} &= (1+x)^{100000}",
        "\\frac{(x+1)^{40} (x-1)^{40}}{(x^2-1)^{39}} &= x^2 - 1",
        "2^{2^{2^{2^{2}}}} &= 2^{65536}",
        "e^{e^{e^{e^{e^{x}}}}} &= e^{e^{e^{e^{e^{x}}}}}",
        "\\sin(10^{10^{5}} x) &= \\sin(10^{10^{5}} x)",
        "{9^{9^{9}}}! &= {9^{9^{9}}}!",
    ]
    text = "\\begin{document}\n" + "".join(f"\\begin{{align*}}\n{row}\n\\end{{align*}}\n" for row in hard) + "\\end{document}\n"
    started = time.perf_counter()
    result = check_text(text, "adversarial.tex", Config(budget=budget, jobs=jobs))
    wall = time.perf_counter() - started
    elapsed = [s.verdict.elapsed for s in result.steps]
    return {"wall": wall, "steps": len(elapsed), "max_elapsed": max(elapsed, default=0.0),
            "statuses": [s.verdict.status.value + ": " + s.verdict.reason[:50] for s in result.steps]}


def _child(phase: str, *args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- CLI timings

def _cli(args: list[str], env: dict | None = None) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "lintmath", *args]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    return time.perf_counter() - started, proc.returncode, proc.stdout + proc.stderr


def _supports(flag: str) -> bool:
    _, _, text = _cli(["check", "--help"])
    return flag in text


def _quantiles(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return 0.0, 0.0, 0.0
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return statistics.median(values), p95, values[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--budget", type=float, default=2.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="baseline on a seeded sample of N '=' steps")
    ap.add_argument("--frames", type=int, default=100)
    ap.add_argument("--json", default=None, help="also write the numbers here")
    ap.add_argument("--phase", default=None, help=argparse.SUPPRESS)
    ap.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    ns = ap.parse_args()

    if ns.phase:  # a child: one tool, its own process, its own peak memory
        r = ns.rest
        if ns.phase == "lintmath":
            files = json.loads(Path(ns.corpus).read_text())
            out = phase_lintmath(files, float(r[0]), int(r[1]), r[2])
        elif ns.phase == "baseline":
            out = phase_baseline(ns.corpus, float(r[0]), int(r[1]), int(r[2]) or None, r[3])
        elif ns.phase == "adversarial":
            out = phase_adversarial(float(r[0]), int(r[1]))
        else:
            raise SystemExit(f"unknown phase {ns.phase}")
        print(json.dumps(out))
        return

    tmp = Path(tempfile.mkdtemp(prefix="lintmath-speed-"))
    corpus_dir = tmp / "corpus"
    corpus_dir.mkdir()
    files = write_corpus(Path(ns.corpus), corpus_dir)
    (tmp / "files.json").write_text(json.dumps(files))
    print(f"corpus: {len(files)} chains from {ns.corpus} written to {corpus_dir}", file=sys.stderr)

    lm = _child("lintmath", tmp / "files.json", ns.budget, ns.jobs, tmp / "lm_steps.json")
    lm_steps = json.loads((tmp / "lm_steps.json").read_text())
    eq = [s for s in lm_steps if s["relation"] == "="]
    print(f"lintmath: {lm['steps']} steps ({len(eq)} '=') in {lm['wall']:.2f} s", file=sys.stderr)
    bl = _child("baseline", tmp / "lm_steps.json", ns.budget, ns.jobs, ns.limit or 0, tmp / "bl_steps.json")
    bl_steps = json.loads((tmp / "bl_steps.json").read_text())
    print(f"baseline: {bl['steps']} '=' steps in {bl['wall']:.2f} s", file=sys.stderr)
    adv = _child("adversarial", "-", ns.budget, ns.jobs)

    deck = tmp / "deck" / "deck.tex"
    deck.parent.mkdir()
    deck.write_text(make_deck(ns.frames), encoding="utf-8")
    no_cache = ["--no-cache"] if _supports("--no-cache") else []
    deck_wall, deck_rc, deck_out = _cli(["check", str(deck), "--jobs", str(ns.jobs), "--format", "json", *no_cache])
    try:
        deck_summary = json.loads(deck_out[deck_out.index("{"):])["summary"]
    except (ValueError, KeyError):
        deck_summary = {}

    env = dict(os.environ, LINTMATH_CACHE_DIR=str(tmp / "cache"))
    cache = {}
    if no_cache:
        for name, target in (("deck", str(deck)), ("corpus", str(corpus_dir))):
            cold, _, _ = _cli(["check", target, "--jobs", str(ns.jobs)], env)
            warm = min(_cli(["check", target, "--jobs", str(ns.jobs)], env)[0] for _ in range(3))
            (deck.parent / "touched.tex").write_text("")  # not a change to the target file itself
            cache[name] = (cold, warm)

    version = sorted(_cli(["--version"])[0] for _ in range(5))[2]
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c", "import lintmath.cli"],
                             capture_output=True, text=True, cwd=ROOT).stderr
    heavy = sorted({line.split("|")[-1].strip() for line in imports.splitlines()
                    if line.split("|")[-1].strip().split(".")[0] in ("sympy", "fitz", "pymupdf", "mpmath", "latex2sympy2_extended")})

    # ---- numbers
    n_eq = len(bl_steps)
    lm_rate_all = lm["steps"] / lm["wall"]
    lm_rate_eq = len(eq) / lm["wall"]  # every step of lintmath's run charged to the '=' steps
    bl_rate = n_eq / bl["wall"]
    lm_q = _quantiles([s["elapsed"] for s in eq])
    bl_q = _quantiles([s["elapsed"] for s in bl_steps])
    lm_verified = sum(1 for s in eq if s["status"] == "verified")
    bl_verified = sum(1 for s in bl_steps if s["status"] == "verified")
    bl_counts = {k: sum(1 for s in bl_steps if s["status"] == k) for k in sorted({s["status"] for s in bl_steps})}
    lm_max_all = max([s["elapsed"] for s in lm_steps] + [adv["max_elapsed"]])
    numbers = {
        "budget": ns.budget, "jobs": ns.jobs, "cores": os.cpu_count(), "chains": len(files),
        "lintmath": {**lm, "eq_steps": len(eq), "steps_per_s": lm_rate_eq, "all_steps_per_s": lm_rate_all,
                     "p50": lm_q[0], "p95": lm_q[1], "max": lm_q[2], "verified": lm_verified,
                     "refuted": sum(1 for s in eq if s["status"] == "refuted")},
        "baseline": {**bl, "steps_per_s": bl_rate, "p50": bl_q[0], "p95": bl_q[1], "max": bl_q[2],
                     "verified": bl_verified, "by_status": bl_counts},
        "ratio": lm_rate_eq / bl_rate if bl_rate else float("inf"),
        "adversarial": adv, "max_over_budget": lm_max_all / ns.budget,
        "deck": {"frames": ns.frames, "wall": deck_wall, "exit": deck_rc, "summary": deck_summary},
        "cache": cache, "version_s": version, "heavy_imports_of_cli": heavy,
    }
    if ns.json:
        Path(ns.json).write_text(json.dumps(numbers, indent=2))
    print(render(numbers, ns))


def render(x: dict, ns) -> str:
    lm, bl = x["lintmath"], x["baseline"]
    sample = f" (baseline on a seeded sample of {bl['steps']})" if ns.limit else ""
    rows = [
        "| measure | lintmath | baseline (latex2sympy2 + simplify) | target |",
        "|---|---|---|---|",
        f"| '=' steps timed{sample} | {lm['eq_steps']} (of {lm['steps']} steps) | {bl['steps']} | same steps |",
        f"| steps/s (wall, {x['jobs']} jobs, budget {x['budget']:g} s) | {lm['steps_per_s']:.1f} | {bl['steps_per_s']:.2f} | |",
        f"| speed ratio | **{x['ratio']:.1f}x** | 1x | >= 10x |",
        f"| per-step p50 / p95 / max (s) | {lm['p50']:.3f} / {lm['p95']:.3f} / {lm['max']:.2f} | "
        f"{bl['p50']:.3f} / {bl['p95']:.3f} / {bl['max']:.2f} | |",
        f"| '=' steps verified | {lm['verified']} ({lm['refuted']} refuted) | {bl['verified']} | far more |",
        f"| peak memory: parent / largest worker (MB) | {lm['self_mb']:.0f} / {lm['children_mb']:.0f} | "
        f"{bl['self_mb']:.0f} / {bl['children_mb']:.0f} | |",
        f"| worst step vs budget (corpus + {x['adversarial']['steps']} hang-prone steps) | "
        f"{x['max_over_budget']:.2f} x budget | | <= 1.10 |",
        f"| {x['deck']['frames']}-frame beamer deck, `--jobs {x['jobs']}`, no cache | {x['deck']['wall']:.2f} s "
        f"({x['deck']['summary'].get('steps', '?')} steps) | | <= 10 s |",
    ]
    for name, (cold, warm) in x["cache"].items():
        rows.append(f"| re-run, unchanged {name}, cache (cold run {cold:.2f} s) | {warm:.2f} s | | <= 0.5 s |")
    rows.append(f"| `lintmath --version` | {x['version_s']:.2f} s | | <= 0.3 s |")
    rows.append(f"| heavy modules imported by `import lintmath.cli` | {', '.join(x['heavy_imports_of_cli']) or 'none'} | | none |")
    bs = ", ".join(f"{k} {v}" for k, v in x["baseline"]["by_status"].items())
    return "\n".join(rows) + f"\n\nbaseline outcomes: {bs}\n"


if __name__ == "__main__":
    main()
