"""Which qubit of ``|ct\\rangle`` a document's CNOT takes as the control, read from its own steps.

The textbooks take the first (``CNOT|10\\rangle = |11\\rangle``), Qiskit the second (it orders qubits
from the right: ``CNOT|01\\rangle = |11\\rangle``), and a step is verified in either order (see
quantum.py). But one document keeps one order: where some of its verified steps hold only with the
first qubit the control and others only with the second, the steps of the rarer order are the
document's slips as likely as its convention, so they are left unverified (both, on a tie). Works on
verdicts only (their guesses say the order each step needed): a step is never refuted here.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lintmath.model import Status, StepResult, Verdict

# the guesses of a step verified with the standard gates in one order of the qubits only
FIRST = "the first qubit the control of CNOT"
SECOND = "the second qubit the control of CNOT"
_NAMES = {FIRST: "the first qubit (the textbooks' order)", SECOND: "the second qubit (Qiskit's order)"}

# a qubit named by its place beside the role the sentence gives it: "the first qubit as the control",
# "the control is the first qubit", "the target qubit is the second"
_PLACE = r"(first|second|top|bottom|upper|lower|left(?:most)?|right(?:most)?)"
_ROLE = r"(control|target)"
# the words between a place and its role: no clause break, nor another role or place ("the first qubit as
# the control and the second as the target" pairs control with first only)
_GAP = r"(?:(?!\band\b|\bwhile\b|\bbut\b|\bcontrol|\btarget|\bfirst\b|\bsecond\b)[^.;,]){0,30}?"
_STATED = (re.compile(_PLACE + r"\s+qubit\b" + _GAP + r"\b" + _ROLE, re.IGNORECASE),
           re.compile(_ROLE + r"(?:\s+qubit)?\b" + _GAP + r"\b" + _PLACE + r"(?:\s+(?:one|qubit))?\b", re.IGNORECASE))
_FIRST_PLACES = {"first", "top", "upper", "left", "leftmost"}


def stated_order(lines: tuple[str, ...] | list[str]) -> str:
    """The order of CNOT's qubits the prose of ``lines`` states (FIRST or SECOND), "" where it states none
    or both (two examples may take two conventions)."""
    # (imported here: the pipeline imports this module on runs the cache answers, which load no parser)
    from lintmath.independence import prose_sentences
    found = set()
    for _, sentence in prose_sentences(lines):
        if "CNOT" not in sentence.upper().replace("C-NOT", "CNOT") and not re.search(
                r"controlled[- ]not", sentence, re.IGNORECASE):
            continue
        for pattern in _STATED:
            for match in pattern.finditer(sentence):
                place, role = (match.group(1), match.group(2)) if pattern is _STATED[0] \
                    else (match.group(2), match.group(1))
                first = place.lower() in _FIRST_PLACES
                found.add(FIRST if first == (role.lower() == "control") else SECOND)
    return found.pop() if len(found) == 1 else ""


def _order(result: StepResult) -> str:
    verdict = result.verdict
    if verdict.status is not Status.VERIFIED:
        return ""
    return next((g for g in verdict.guessed if g in (FIRST, SECOND)), "")


def settle(steps: list[StepResult], lines: tuple[str, ...] | list[str] = ()) -> list[StepResult]:
    """The steps of one document, those verified in the order of CNOT's qubits that fewer of its
    steps need unverified (while the other order has steps of its own); where the prose of ``lines``
    states the order, those verified only in the other one."""
    orders = [_order(s) for s in steps]
    stated = stated_order(lines) if any(orders) else ""
    if stated:
        # the prose fixed the control: a step that holds only with the other qubit is a slip as likely as
        # a change of convention, which the document would have said
        other = SECOND if stated == FIRST else FIRST
        reason = (f"holds only with {_NAMES[other]} as the control of CNOT, while the prose takes "
                  f"{_NAMES[stated]}")
        return [replace(s, verdict=Verdict(Status.UNVERIFIED, reason, elapsed=s.verdict.elapsed)) if o == other
                else s for s, o in zip(steps, orders)]
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
