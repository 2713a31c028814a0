"""Kets whose subscripts name the qubit registers they hold: ``|00\\rangle_{01} \\otimes (|0\\rangle - |1\\rangle)_2``.

Such a label says which registers a factor of a tensor product is, so the labels decide the order of the
factors. Where every ket of a step is labelled (itself, or a bracket of kets around it), each label has
one register for each qubit it labels, and every tensor product of both sides runs through the same
registers in the same order, the labels say nothing the order of the factors does not: the step is the
one written without them. Anything else (a product in another order, |1\\rangle_1|0\\rangle_0; a label
on part of the kets only, as the L of a logical |0\\rangle_L beside its code word; a bra) is not read.

The reading is verify-only (see check._registers_in_order): a step it leaves different may still hold
with the registers permuted."""
from __future__ import annotations

import re

_CLOSER = re.compile(r"(\\rangle|\\right\s*\)|\\right\s*\]|\)|\])\s*_\s*(\{[^{}]*\}|[A-Za-z0-9])")
_KET = re.compile(r"(?:\\lvert|\\left\s*\||\|)([^|{}\\]*)\\rangle")
_QUBITS = re.compile(r"[01+-]+")


def _registers(label: str) -> tuple[str, ...] | None:
    """The registers a subscript names: one a character (``01``, ``ab``), or comma-separated; None for
    anything else."""
    text = label[1:-1] if label.startswith("{") else label
    text = text.replace(" ", "")
    parts = text.split(",") if "," in text else list(text)
    if not parts or not all(re.fullmatch(r"[A-Za-z0-9]+", p) for p in parts) or len(set(parts)) != len(parts):
        return None
    return tuple(parts)


def _opening(text: str, close: int) -> int | None:
    """Where the bracket that closes just before ``close`` opens; None where they do not balance."""
    depth = 0
    for k in range(close - 1, -1, -1):
        c = text[k]
        if c in ")]":
            depth += 1
        elif c in "([":
            depth -= 1
            if depth == 0:
                return k
    return None


def _unlabelled_side(text: str) -> tuple[str, list[tuple[str, ...]]] | None:
    """``text`` without its register labels, and the labels in the order written; None where a ket is
    unlabelled, a label does not fit what it labels, or the side writes a bra."""
    if "\\langle" in text or "\\bra" in text:
        return None
    kets = [(m.start(), m.end(), m.group(1)) for m in _KET.finditer(text)]
    covered: set[int] = set()
    cuts: list[tuple[int, int]] = []
    labels: list[tuple[str, ...]] = []
    for match in _CLOSER.finditer(text):
        registers = _registers(match.group(2))
        if registers is None:
            return None
        end = match.start() + len(match.group(1))
        if match.group(1) == "\\rangle":
            inside = [k for k in kets if k[1] == end]
        else:
            opening = _opening(text, end)
            if opening is None:
                return None
            inside = [k for k in kets if opening < k[0] and k[1] < end]
        if not inside:
            return None
        for start, stop, label in inside:
            qubits = label.replace(" ", "").replace("\\,", "")
            if not _QUBITS.fullmatch(qubits) or len(qubits) != len(registers) or start in covered:
                return None
            covered.add(start)
        labels.append(registers)
        cuts.append((end, match.end()))
    if not kets or len(covered) != len(kets) or text.count("\\rangle") != len(kets):
        return None
    out, at = [], 0
    for start, stop in cuts:
        out.append(text[at:start])
        at = stop
    out.append(text[at:])
    return "".join(out), labels


def _products(labels: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The registers of each tensor product, as the labels run: a register named again starts the next."""
    out: list[tuple[str, ...]] = []
    current: tuple[str, ...] = ()
    for registers in labels:
        if set(registers) & set(current):
            out.append(current)
            current = ()
        current += registers
    if current:
        out.append(current)
    return out


def unlabelled(lhs: str, rhs: str) -> tuple[str, str] | None:
    """The sides without their register labels, where these only restate the order of the factors (see
    the module's doc); None otherwise."""
    sides = _unlabelled_side(lhs), _unlabelled_side(rhs)
    if sides[0] is None or sides[1] is None:
        return None
    products = _products(sides[0][1]) + _products(sides[1][1])
    if len(set(products)) != 1:
        return None
    return sides[0][0], sides[1][0]
