"""Running step checks in worker processes, with a budget that holds.

A runaway SymPy call is killed, not waited for: each worker process checks one step at a time
under a soft timer, and the parent kills and replaces a worker that overstays its deadline (in CPU
time where the system reports it, so a busy machine does not cut steps short).
Results come back in task order whatever the order of completion, so output is stable.
"""
from __future__ import annotations

import functools
import itertools
import multiprocessing as mp
import os
import time
from collections import deque
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait

from lintmath.budget import process_cpu
from lintmath.model import Macro, Status, Verdict

HARD_GRACE = 0.05  # seconds past the budget before a worker is killed
# A worker starved of CPU by a loaded machine is given the wall time it lost (budgets are CPU time, see
# budget.py), but never more than this many budgets of wall time in all: a run must still end. (At 5, a
# 2-core machine running ten other jobs still cut steps near their budget short.)
WALL_CAP = 10
MEMORY_LIMIT = 6 * 1024**3


CONDITION_IN_PROSE = "the prose introduces this relation as a condition (\"... when\", \"if\"), not a claim: not decided"


@dataclass(frozen=True)
class Task:
    lhs: str
    rhs: str
    relation: str
    macros: tuple[Macro, ...] = ()
    first: bool = False
    seed: int = 0
    budget: float = 2.0
    context: tuple = ()  # ContextItems in force at the step (definitions, assumptions)
    defines: str = ""  # the name this step defines: nothing to check
    indefinite: bool = False  # the chain integrates without bounds: "F + C" lines are antiderivatives
    rows: tuple[str, ...] = ()  # a lone equation's neighbouring rows, equations of their own (lhs, rhs, ...)
    clause: bool = False  # an equation joined to others by => or <=>: a condition, not an identity
    derived: bool = False  # such an equation that an arrow leads to: derived from the one before it
    # the prose just before the step works modulo a number ("in Z_7", "mod 5"): the whole numbers it
    # names, or True when it names none (any modulus)
    modular: bool | tuple[int, ...] = False
    note: str = ""  # the annotation set beside the step's row (``&& (x > 0)``), a condition it may state
    chain: tuple[str, ...] = ()  # the other lines of the step's chain, nearest first: where a lost term is still written
    condition: bool = False  # a lone relation the prose introduces as a condition ("... when"): not claimed
    # a lone equation's run of lone equations above and below it in its display (lhs, rhs, ... nearest first):
    # rows that solve one equation, where the odd row out is a slip (see lintmath.solving)
    above: tuple[str, ...] = ()
    below: tuple[str, ...] = ()
    # the relation as written, where it is marked with row operations (\xrightarrow{R_2 - 2R_1}): the
    # operations the step claims, which a row reduction is held to (see rowequiv)
    relation_text: str = ""


def run_task(task: Task) -> Verdict:
    """Check one step in this process, under the task's soft budget. Never raises."""
    from lintmath.budget import BudgetExceeded, time_budget
    from lintmath.check import check_step
    if task.defines:
        return Verdict(Status.SKIPPED, f"defines {task.defines}")
    started = time.perf_counter()
    try:
        with time_budget(task.budget):
            verdict = check_step(task.lhs, task.rhs, task.relation, macros=_macro_table(task.macros),
                                 first=task.first, seed=task.seed, context=task.context,
                                 indefinite=task.indefinite, rows=task.rows, clause=task.clause,
                                 derived=task.derived, modular_prose=task.modular, note=task.note,
                                 chain=task.chain, relation_text=task.relation_text)
            if task.above and task.below and verdict.status is Status.UNVERIFIED and not task.modular \
                    and not task.condition:
                from lintmath import solving
                verdict = solving.odd_row(task.lhs, task.rhs, task.above, task.below,
                                          _macro_table(task.macros)) or verdict
    except BudgetExceeded:
        return _over_budget(task, time.perf_counter() - started)
    except RecursionError:
        return Verdict(Status.UNVERIFIED, "could not read: expression nested too deeply")
    except MemoryError:
        return Verdict(Status.UNVERIFIED, "ran out of memory")
    except Exception as exc:  # a SymPy crash on one step must not stop the run (sqlfluff's crawl habit)
        return Verdict(Status.UNVERIFIED, f"internal error: {type(exc).__name__}: {str(exc)[:120]}")
    if task.condition and verdict.status is Status.REFUTED and verdict.counterexample:
        # "the ratio estimator wins when [display]": the relation is the case it holds in, which the
        # letters may or may not meet, not an identity; a counterexample refutes nothing. (A relation of
        # numbers alone, "the normalisation condition is \int_0^1 3x^2 dx = 2", has no letter to meet it:
        # it is wrong whatever the prose calls it, as EQUATION_CLAUSE reads an equation of numbers.)
        verdict = Verdict(Status.UNVERIFIED, CONDITION_IN_PROSE)
    return replace(verdict, elapsed=time.perf_counter() - started)  # the whole step, measured alike


@functools.lru_cache(maxsize=8)
def _macro_table(macros: tuple[Macro, ...]) -> dict[str, Macro]:
    """One table per document's macros in a worker (never modified): the parser's memo of a line
    is per table, and a chain's steps come one after another."""
    from lintmath.parse.tokens import macro_table

    return macro_table(macros)


def _over_budget(task: Task, elapsed: float) -> Verdict:
    return Verdict(Status.UNVERIFIED, f"time budget of {task.budget:g} s exceeded", elapsed=elapsed)


def _worker(conn: Connection) -> None:  # pragma: no cover - runs in a child process
    import gc

    # A check allocates SymPy objects by the hundred thousand, nearly all short-lived: with the default
    # threshold (700) the collector ran every few microseconds of work (6-8% of a corpus run). What the
    # fork inherited (SymPy's modules and caches) is frozen out of the collections altogether.
    gc.freeze()
    gc.set_threshold(10000, 10, 10)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(run_task(task))


class _Worker:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()
        child.close()
        self.index: int | None = None
        self.last: Task | None = None  # the task it checked last (a replacement has checked none)
        self.deadline = 0.0
        self.started = 0.0
        self.cpu_started: float | None = None

    def start(self, task: Task) -> None:
        self.last = task
        self.started = time.monotonic()
        self.cpu_started = process_cpu(self.proc.pid)
        self.deadline = self.started + task.budget * 1.05 + HARD_GRACE
        self.conn.send(task)

    def starved(self, task: Task, now: float) -> bool:
        """Past its wall deadline with CPU budget left (the machine was busy): if so, move the deadline
        by the CPU time still owed, within WALL_CAP budgets of wall time."""
        used = process_cpu(self.proc.pid)
        if used is None or self.cpu_started is None or now - self.started >= task.budget * WALL_CAP:
            return False
        owed = task.budget * 1.05 - (used - self.cpu_started)
        if owed <= 0:
            return False
        self.deadline = min(now + owed + HARD_GRACE, self.started + task.budget * WALL_CAP)
        return True

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(1)
        self.conn.close()


# Tasks read ahead, among which a free worker looks for the next step of the chain it was checking:
# a chain's line is the next step's left side, and a worker that checked it has its parse, and SymPy's
# caches of its pieces, at hand (a chain split between workers costs each of them the line again).
LOOKAHEAD = 8


def _next_for(worker: _Worker, workers: list[_Worker], pending: deque, tasks: list[Task]) -> int:
    """The position in ``pending`` (removed from it) of the task ``worker`` should check next: the next
    step of its own chain, else the first task that is not the next step of another worker's chain."""
    def follows(task: Task, w: _Worker) -> bool:
        return w.last is not None and task.lhs == w.last.rhs and task.macros == w.last.macros

    ahead = list(itertools.islice(pending, LOOKAHEAD))  # (a list of tasks is all pending at once)
    chosen = next((k for k, j in enumerate(ahead) if follows(tasks[j], worker)), None)
    if chosen is None:
        others = [w for w in workers if w is not worker]
        chosen = next((k for k, j in enumerate(ahead) if not any(follows(tasks[j], w) for w in others)), 0)
    index = pending[chosen]
    del pending[chosen]
    return index


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS
        return max(1, os.cpu_count() or 1)


def run_tasks(tasks: Iterable[Task], jobs: int = 1, cache=None,
              on_progress: Callable[[int], None] | None = None) -> list[Verdict]:
    """Check every task; ``jobs`` worker processes (0: in this process, soft budget only).

    ``on_progress(done)`` is called as verdicts arrive (one pool for the whole run: a progress
    bar must not cost a pool per chunk).

    With a ``cache`` (lintmath.cache.Cache), cached steps are answered here in the parent before any
    worker starts, and new verdicts are stored. Identical tasks (a beamer overlay repeats its
    frame) are checked once: a check is a pure function of its task.

    ``tasks`` may also be an iterator (not a list): it is then drawn on while the workers check
    what it gave so far, so that reading the next file overlaps checking the last one.
    """
    if not isinstance(tasks, list):
        return _run_stream(iter(tasks), jobs, cache, on_progress)
    results: list[Verdict | None] = [cache.get_verdict(t) for t in tasks] if cache is not None else [None] * len(tasks)
    unique: dict[object, list[int]] = {}
    for i, t in enumerate(tasks):
        if results[i] is None:
            try:
                unique.setdefault(t, []).append(i)
            except TypeError:  # an unhashable field: no de-duplication for this one
                unique[("unhashable", i)] = [i]
    todo = [tasks[indices[0]] for indices in unique.values()]
    groups = list(unique.values())
    done = len(tasks) - sum(len(g) for g in groups)

    def one_done(j: int) -> None:
        nonlocal done
        done += len(groups[j])
        if on_progress is not None:
            on_progress(done)

    for t, indices, verdict in zip(todo, groups, _run_pool(todo, jobs, one_done)):
        for i in indices:
            results[i] = verdict
        if cache is not None:
            cache.put_verdict(t, verdict)
    return [r if r is not None else Verdict(Status.UNVERIFIED, "not checked") for r in results]


def _run_stream(source: Iterator[Task], jobs: int, cache, on_progress: Callable[[int], None] | None) -> list[Verdict]:
    """``run_tasks`` over an iterator: the same cache and de-duplication, task by task."""
    results: list[Verdict | None] = []
    first: dict[Task, int] = {}  # a unique task -> its position among the pool's tasks
    owners: list[list[int]] = []  # the pool's task j -> the positions of ``results`` it answers
    pooled: list[Task] = []
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if on_progress is not None:
            on_progress(done)

    def unique() -> Iterator[Task]:
        for task in source:
            i = len(results)
            results.append(cache.get_verdict(task) if cache is not None else None)
            if results[i] is not None:
                report(1)
                continue
            try:
                j = first.get(task)
            except TypeError:  # an unhashable field: no de-duplication for this one
                j = None
            if j is not None:
                owners[j].append(i)
                continue
            try:
                first[task] = len(owners)
            except TypeError:
                pass
            owners.append([i])
            pooled.append(task)
            yield task

    for j, verdict in enumerate(_run_pool([], jobs, lambda j: report(len(owners[j])), more=unique())):
        for i in owners[j]:
            results[i] = verdict
        if cache is not None:
            cache.put_verdict(pooled[j], verdict)
    return [r if r is not None else Verdict(Status.UNVERIFIED, "not checked") for r in results]


def _run_pool(tasks: list[Task], jobs: int, on_done: Callable[[int], None] | None = None,
              more: Iterator[Task] | None = None) -> list[Verdict]:
    """Verdicts for ``tasks`` and then for whatever ``more`` yields, in that order."""
    on_done = on_done or (lambda index: None)
    tasks = list(tasks)
    if jobs <= 0:
        out = []
        for j, t in enumerate(itertools.chain(tasks, more or ())):
            out.append(run_task(t))
            on_done(j)
        return out
    if more is None and not tasks:
        return []
    exhausted = more is None

    def draw(count: int) -> None:
        """Have ``count`` tasks waiting, drawing on ``more`` (which may read a file meanwhile)."""
        nonlocal exhausted
        while not exhausted and len(pending) < count:
            try:
                tasks.append(next(more))  # type: ignore[arg-type]
            except StopIteration:
                exhausted = True
                break
            results.append(None)
            pending.append(len(tasks) - 1)

    results: list[Verdict | None] = [None] * len(tasks)
    pending = deque(range(len(tasks)))
    draw(max(1, jobs))
    if not tasks:
        return []
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "fork":  # workers (and replacements for killed ones) start with SymPy imported
        import lintmath.check  # noqa: F401
    workers = [_Worker(ctx) for _ in range(min(jobs, len(tasks)) if exhausted else jobs)]
    try:
        while pending or not exhausted or any(w.index is not None for w in workers):
            draw(1)
            for w in workers:
                if w.index is None and not pending:
                    draw(1)
                if w.index is None and pending:
                    w.index = _next_for(w, workers, pending, tasks)
                    w.start(tasks[w.index])
            busy = [w for w in workers if w.index is not None]
            if not busy:
                continue
            draw(len(workers) + LOOKAHEAD)  # read ahead while the workers check
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout)
            now = time.monotonic()
            for k, w in enumerate(workers):
                if w.index is None:
                    continue
                if w.conn in ready:
                    try:
                        results[w.index] = w.conn.recv()
                        on_done(w.index)
                        w.index = None
                        continue
                    except (EOFError, OSError):
                        results[w.index] = Verdict(Status.UNVERIFIED, "the checking process crashed")
                elif now >= w.deadline and not w.starved(tasks[w.index], now):
                    results[w.index] = _over_budget(tasks[w.index], now - w.started)
                else:
                    continue
                on_done(w.index)
                w.kill()
                workers[k] = _Worker(ctx)
    finally:
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            w.proc.join(0.5)
            if w.proc.is_alive():
                w.kill()
    return [r if r is not None else Verdict(Status.UNVERIFIED, "not checked") for r in results]
