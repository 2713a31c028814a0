"""Knock-on refutations: a row refuted only because the row before it has the slip.

In ``(a+b)^2 = a^2 + b^2 = a^2 + 2ab + b^2`` the second row is wrong and the third is right: it follows
from the first. Compared with the second row it differs, and reporting that as a second error would
blame a correct line (and suggest breaking it to match the slip). So where two neighbouring steps of a
chain are both refuted, the row after the slip is compared with the row before it (a *bridge*); if
that holds, its step is a knock-on of the slip, skipped with a reason that says so. Works on tasks
and verdicts only: what a step is, not how it is decided.
"""
from __future__ import annotations

from dataclasses import replace

from lintmath.model import Status, StepResult, Verdict
from lintmath.relations import EQUALITY
from lintmath.runner import Task


def bridges(steps: list[StepResult], tasks: list[Task]) -> list[tuple[int, Task]]:
    """(the index of a refuted step whose row before was refuted too, the task comparing the row
    before that with its right side), for the steps of one document in order."""
    out = []
    for k in range(1, len(steps)):
        before, step = steps[k - 1], steps[k]
        if not (_refuted(before) and _refuted(step)) or before.derivation is not step.derivation:
            continue
        if step.step.index != before.step.index + 1 or step.step.lhs.text != before.step.rhs.text:
            continue  # not one chain of rows: no row before the slip to bridge from
        if step.step.relation not in EQUALITY or before.step.relation not in EQUALITY:
            continue  # (a <= b = c: what c must be is no longer fixed by a)
        out.append((k, replace(tasks[k], lhs=tasks[k - 1].lhs, first=tasks[k - 1].first, rows=tasks[k - 1].rows)))
    return out


def settle(steps: list[StepResult], bridged: list[tuple[int, Verdict]]) -> list[StepResult]:
    """``steps`` with each step whose bridge verified marked a knock-on of the slip before it."""
    out = list(steps)
    for k, verdict in bridged:
        if verdict.status is not Status.VERIFIED:
            continue
        origin = steps[k - 1].step.lhs
        text = " ".join(origin.stripped.split())
        text = text if len(text) <= 40 else text[:37] + "..."
        reason = f"a knock-on of the slip in the row before: follows from `{text}`" + \
            (f" (line {origin.line})" if origin.line else "")
        out[k] = replace(steps[k], verdict=replace(steps[k].verdict, status=Status.SKIPPED, reason=reason,
                                                   counterexample=(), diagnosis=None))
    return out


def _refuted(result: StepResult) -> bool:
    return result.verdict is not None and result.verdict.status is Status.REFUTED
