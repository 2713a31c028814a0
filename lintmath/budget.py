"""Time budgets that hold even when SymPy does not return.

Two layers: inside a worker, an interval timer raises BudgetExceeded (a BaseException, so SymPy's
own ``except Exception`` blocks cannot swallow it); outside, the pool kills a worker that is still
busy shortly after its deadline, for the cases where the timer cannot interrupt (long C calls).

Budgets are CPU seconds, not wall seconds: a step near its budget must get the same verdict on a
loaded CI machine as on an idle laptop, or a linter's findings would depend on what else was running.
"""
from __future__ import annotations

import gc
import os
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


REPEAT = 0.05


class BudgetExceeded(BaseException):
    """The step ran out of its time budget."""


class PartOverrun(BaseException):
    """A part of a step (one SymPy call given a share of the budget, see ``within``) ran out of its share."""


# the CPU times (time.process_time) at which the parts now running end, innermost last
_part_ends: list[float] = []


def _raise(signum, frame):  # pragma: no cover - runs in the signal handler
    if _collecting:
        return  # raised inside the collector's callback it would be printed and dropped: the next tick raises
    if _part_ends and time.process_time() >= _part_ends[-1]:
        raise PartOverrun()
    raise BudgetExceeded()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded in this (main) thread after ``seconds`` of this process's CPU time. A
    no-op off the main thread, where signals cannot be delivered; the pool's hard kill still applies
    there."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGPROF, _raise)
    # and again every REPEAT seconds after: an exception raised while Python runs a garbage-collector
    # callback or a __del__ is printed and dropped, and the step would otherwise run on unchecked
    signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raise PartOverrun after ``seconds`` of CPU time in the block (a SymPy call that may not return,
    such as solveset, given a share of the step's budget); the step's own budget, if it ends first,
    still raises BudgetExceeded. A no-op where signals cannot be delivered."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    left, interval = signal.getitimer(signal.ITIMER_PROF)
    previous = signal.signal(signal.SIGPROF, _raise) if not left else None
    started = time.process_time()
    _part_ends.append(started + seconds)
    signal.setitimer(signal.ITIMER_PROF, min(seconds, left) if left else seconds, REPEAT)
    try:
        yield
    finally:
        _part_ends.pop()
        if left:  # the step's budget runs on, less what the block used
            signal.setitimer(signal.ITIMER_PROF, max(left - (time.process_time() - started), 1e-3), interval)
        else:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user and system) that process ``pid`` has used, or None where the system does not
    say (no /proc): what the pool compares with a worker's budget before it kills the worker."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: count fields after its last ')'
    fields = stat[stat.rfind(b")") + 2:].split()
    try:
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (IndexError, ValueError):
        return None


# CPU seconds the cyclic garbage collector has spent in this process (see work_time)
_collected = 0.0
_collection_started = 0.0
_collecting = False  # inside a collection, between its callbacks


def _time_collections(phase: str, info: dict) -> None:  # pragma: no cover - called by the collector
    global _collected, _collection_started, _collecting
    if phase == "start":
        _collection_started = time.process_time()
        _collecting = True
    else:
        _collected += time.process_time() - _collection_started
        _collecting = False


gc.callbacks.append(_time_collections)


def work_time() -> float:
    """This process's CPU time less what garbage collections took: what a step's own work cost. A
    full collection of a large heap (after thousands of steps in one process) takes a tenth of a
    second or more, and the efforts that are judged in CPU time (a comparison, a diagnosis search)
    must not end early, or be skipped, for what ran before the step."""
    return time.process_time() - _collected
