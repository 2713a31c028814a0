"""Time budgets that hold even when SymPy does not return.

Two layers: inside a worker, an interval timer raises BudgetExceeded (a BaseException, so SymPy's
own ``except Exception`` blocks cannot swallow it); outside, the pool kills a worker that is still
busy shortly after its deadline, for the cases where the timer cannot interrupt (long C calls).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


REPEAT = 0.05


class BudgetExceeded(BaseException):
    """The step ran out of its time budget."""


def _raise(signum, frame):  # pragma: no cover - runs in the signal handler
    raise BudgetExceeded()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded in this (main) thread after ``seconds``. A no-op off the main thread,
    where signals cannot be delivered; the pool's hard kill still applies there."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    # and again every REPEAT seconds after: an exception raised while Python runs a garbage-collector
    # callback or a __del__ is printed and dropped, and the step would otherwise run on unchecked
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
