"""The worker pool: stable order, de-duplication, the budget held by a hard kill, crashes contained."""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time

import pytest

from lintmath import runner
from lintmath.model import Status, Verdict
from lintmath.runner import Task, run_task, run_tasks

needs_fork = pytest.mark.skipif("fork" not in mp.get_all_start_methods(),
                                reason="monkeypatching the checker reaches workers only through fork")

STEPS = [
    Task("(a+b)^2", "a^2 + 2ab + b^2", "="),
    Task("(a-b)^2", "a^2 + 2ab + b^2", "="),
    Task("\\frac{d}{dx} x^3", "3x^2", "="),
    Task("\\sin^2 x + \\cos^2 x", "1", "="),
    Task("x", "\\frac{", "="),
    Task("a", "b", "\\approx"),
]


def test_results_come_back_in_task_order_whatever_the_number_of_workers():
    alone = [v.status for v in run_tasks(STEPS, jobs=0)]
    assert [v.status for v in run_tasks(STEPS, jobs=2)] == alone
    assert [v.status for v in run_tasks(list(reversed(STEPS)), jobs=2)] == list(reversed(alone))
    assert alone[:2] == [Status.VERIFIED, Status.REFUTED]


def test_identical_tasks_are_checked_once(monkeypatch):
    seen: list[int] = []
    real = runner._run_pool

    def counting(tasks, jobs, on_done=None):
        seen.append(len(tasks))
        return real(tasks, jobs, on_done)

    monkeypatch.setattr(runner, "_run_pool", counting)
    verdicts = run_tasks([STEPS[0], STEPS[1], STEPS[0], STEPS[0]], jobs=0)
    assert seen == [2]
    assert [v.status for v in verdicts] == [Status.VERIFIED, Status.REFUTED, Status.VERIFIED, Status.VERIFIED]


def test_every_verdict_carries_its_elapsed_time():
    for verdict in run_tasks(STEPS, jobs=0):
        assert verdict.elapsed > 0


def test_a_step_that_hangs_sympy_is_stopped_at_its_budget(monkeypatch):
    # the parent's clock is the wall here (as where no /proc tells a worker's CPU time): on a loaded
    # machine the soft timer (CPU time) may come after the hard kill, which must then stop the step
    monkeypatch.setattr(runner, "process_cpu", lambda pid: None)
    budget = 1.0
    task = Task("e^{e^{e^{e^{e^{x}}}}}", "e^{e^{e^{e^{e^{x}}}}} + 0", "=", budget=budget)
    started = time.monotonic()
    (verdict,) = run_tasks([task], jobs=1)
    wall = time.monotonic() - started
    assert verdict.status in (Status.UNVERIFIED, Status.VERIFIED)
    if verdict.status is Status.UNVERIFIED and "budget" in verdict.reason:
        assert verdict.elapsed <= budget * 1.1 + 0.1
    assert wall < budget * 1.1 + 3.0  # + starting the worker on a loaded machine


def _stuck(*args, **kwargs):  # runs in the worker: ignores the soft timer, like a long C call
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGPROF})
    while True:
        pass


@needs_fork
def test_a_worker_deaf_to_the_soft_timer_is_killed_shortly_after_its_budget(monkeypatch):
    import lintmath.check

    monkeypatch.setattr(lintmath.check, "check_step", _stuck)
    monkeypatch.setattr(runner, "process_cpu", lambda pid: None)
    budget = 1.0
    started = time.monotonic()
    verdicts = run_tasks([Task("a", "a", "=", budget=budget), Task("b", "b", "=", budget=budget)], jobs=2)
    wall = time.monotonic() - started
    for verdict in verdicts:
        assert verdict.status is Status.UNVERIFIED
        assert "budget" in verdict.reason
        assert budget <= verdict.elapsed <= budget * 1.1 + 0.1
    assert wall < budget * 1.1 + 3.0


STARVED_BUDGET = 0.4


@needs_fork
@pytest.mark.parametrize("cpu_used, low, high", [
    # its CPU budget spent: killed at the deadline
    (lambda started: started + 10.0, STARVED_BUDGET, STARVED_BUDGET * 1.1 + 0.2),
    # starved throughout: killed at the cap
    (lambda started: started, STARVED_BUDGET * runner.WALL_CAP, STARVED_BUDGET * runner.WALL_CAP + 0.3),
])
def test_a_worker_starved_of_cpu_is_given_the_time_it_lost_within_a_cap(monkeypatch, cpu_used, low, high):
    import lintmath.check

    monkeypatch.setattr(lintmath.check, "check_step", _stuck)
    readings: list[float] = []

    def reported(pid):  # the first reading is the task's start; later ones what the worker has used
        readings.append(0.0 if not readings else cpu_used(0.0))
        return readings[-1]

    monkeypatch.setattr(runner, "process_cpu", reported)
    (verdict,) = run_tasks([Task("a", "a", "=", budget=STARVED_BUDGET)], jobs=1)
    assert "budget" in verdict.reason and low <= verdict.elapsed <= high


def _crash(*args, **kwargs):
    os._exit(3)


@needs_fork
def test_a_crashing_worker_leaves_one_step_unverified_and_the_run_goes_on(monkeypatch):
    import lintmath.check

    real = lintmath.check.check_step

    def sometimes(lhs, rhs, *args, **kwargs):
        if lhs == "boom":
            _crash()
        return real(lhs, rhs, *args, **kwargs)

    monkeypatch.setattr(lintmath.check, "check_step", sometimes)
    verdicts = run_tasks([STEPS[0], Task("boom", "x", "="), STEPS[1]], jobs=1)
    assert [v.status for v in verdicts] == [Status.VERIFIED, Status.UNVERIFIED, Status.REFUTED]
    assert "crashed" in verdicts[1].reason


def test_run_task_never_raises_on_nonsense():
    for lhs, rhs in [("", ""), ("\\frac{}{}", "1"), ("{" * 2000, "}"), ("\\left(", "x")]:
        assert isinstance(run_task(Task(lhs, rhs, "=", budget=1.0)), Verdict)


def test_progress_is_reported_from_one_pool_as_verdicts_arrive(monkeypatch):
    pools = []
    real = runner._run_pool
    monkeypatch.setattr(runner, "_run_pool", lambda tasks, jobs, on_done=None: pools.append(1) or real(tasks, jobs, on_done))
    seen: list[int] = []
    run_tasks(STEPS + [STEPS[0]], jobs=2, on_progress=seen.append)
    assert pools == [1]
    assert seen == sorted(seen) and seen[-1] == len(STEPS) + 1


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_stream_of_tasks_gives_the_verdicts_of_the_list_in_order(jobs):
    drawn: list[int] = []

    def stream():
        for i, task in enumerate(STEPS + [STEPS[0]]):  # the repeat is checked once, answered twice
            drawn.append(i)
            yield task

    alone = [v.status for v in run_tasks(STEPS + [STEPS[0]], jobs=0)]
    assert [v.status for v in run_tasks(stream(), jobs=jobs)] == alone
    assert drawn == list(range(len(STEPS) + 1))


def test_a_stream_is_drawn_on_while_workers_check():
    # the pool asks for the next task before the last verdict is in: reading overlaps checking
    events: list[str] = []

    def stream():
        for task in STEPS[:4]:
            events.append("drawn")
            yield task

    run_tasks(stream(), jobs=2, on_progress=lambda done: events.append("done"))
    assert events.index("done") > events.index("drawn") and events[-1] == "done"
    assert events.count("drawn") == 4 and events[:3] == ["drawn", "drawn", "drawn"]


def test_a_free_worker_takes_the_next_step_of_its_own_chain():
    from collections import deque

    from lintmath.runner import Task, _next_for

    class W:  # the two fields _next_for reads
        def __init__(self, last):
            self.last, self.index = last, None

    mine, theirs = W(Task("a", "b", "=")), W(Task("x", "y", "="))
    tasks = [Task("y", "z", "="), Task("p", "q", "="), Task("b", "c", "=")]
    pending = deque([0, 1, 2])
    assert _next_for(mine, [mine, theirs], pending, tasks) == 2  # b = c continues a = b
    assert _next_for(mine, [mine, theirs], pending, tasks) == 1  # y = z is the other worker's
    assert _next_for(mine, [mine, theirs], pending, tasks) == 0 and not pending
