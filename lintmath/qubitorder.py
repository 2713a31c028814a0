"""Which qubit of ``|ct\\rangle`` a document's CNOT takes as the control, read from its own steps.

The textbooks take the first (``CNOT|10\\rangle = |11\\rangle``), Qiskit the second (it orders qubits
from the right: ``CNOT|01\\rangle = |11\\rangle``), and a step is verified in either order (see
quantum.py). But one document keeps one order: where some of its verified steps hold only with the
first qubit the control and others only with the second, the steps of the rarer order are the
document's slips as likely as its convention, so they are left unverified (both, on a tie). Works on
verdicts only (their guesses say the order each step needed): a step is never refuted here.
"""
from __future__ import annotations

from dataclasses import replace

from lintmath.model import Status, StepResult, Verdict

# the guesses of a step verified with the standard gates in one order of the qubits only
FIRST = "the first qubit the control of CNOT"
SECOND = "the second qubit the control of CNOT"
_NAMES = {FIRST: "the first qubit (the textbooks' order)", SECOND: "the second qubit (Qiskit's order)"}


def _order(result: StepResult) -> str:
    verdict = result.verdict
    if verdict.status is not Status.VERIFIED:
        return ""
    return next((g for g in verdict.guessed if g in (FIRST, SECOND)), "")


def settle(steps: list[StepResult]) -> list[StepResult]:
    """The steps of one document, those verified in the order of CNOT's qubits that fewer of its
    steps need unverified (while the other order has steps of its own)."""
    orders = [_order(s) for s in steps]
    first, second = orders.count(FIRST), orders.count(SECOND)
    if not first or not second:
        return steps
    dropped = {FIRST, SECOND} if first == second else {FIRST if first < second else SECOND}
    out = []
    for step, order in zip(steps, orders):
        if order in dropped:
            count = second if order == FIRST else first
            reason = (f"holds only with {_NAMES[order]} as the control of CNOT, while {count} other "
                      f"step{'s' if count > 1 else ''} of the document hold{'' if count > 1 else 's'} only with "
                      f"{_NAMES[SECOND if order == FIRST else FIRST]}: which order the document takes is its prose's")
            step = replace(step, verdict=Verdict(Status.UNVERIFIED, reason, elapsed=step.verdict.elapsed))
        out.append(step)
    return out
