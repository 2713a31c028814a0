"""Explaining a refuted step: find a small edit of the new line that makes the step hold.

A refuted step that one small edit repairs is almost certainly a typo; the edit is also the fix we
suggest, written as the author's own text with one change, not as SymPy's re-printing of the line.
Each edit generator yields candidates in order of preference (shallow and simple first); the first
candidate that the comparator accepts on the refuting points is the diagnosis.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Callable, Iterator

from lintmath.model import Diagnosis
from lintmath.parse import nodes as n

MAX_CANDIDATES = 40


@dataclass(frozen=True)
class Candidate:
    kind: str
    tree: n.Node  # the edited right-hand side
    start: int  # the term the edit touches, as offsets into the rhs text
    end: int
    edit: tuple[int, int, str]  # (start, end, replacement) applied to the rhs text
    detail: str


def replace_node(tree: n.Node, target: n.Node, new: n.Node) -> n.Node:
    """A copy of ``tree`` with the node ``target`` (by identity) replaced by ``new``."""
    if tree is target:
        return new
    changes = {}
    for f in fields(tree):
        value = getattr(tree, f.name)
        if isinstance(value, n.Node):
            updated = replace_node(value, target, new)
            if updated is not value:
                changes[f.name] = updated
        elif isinstance(value, tuple) and any(isinstance(v, (n.Node, tuple)) for v in value):
            items = []
            changed = False
            for v in value:
                if isinstance(v, n.Node):
                    u = replace_node(v, target, new)
                elif isinstance(v, tuple):
                    u = tuple(replace_node(x, target, new) if isinstance(x, n.Node) else x for x in v)
                else:
                    u = v
                changed |= u is not v and u != v
                items.append(u)
            if changed:
                changes[f.name] = tuple(items)
    return replace(tree, **changes) if changes else tree


def sign_flips(rhs: n.Node, text: str) -> Iterator[Candidate]:
    """LM101: the sign of the whole line, or of one term of any sum in it."""
    yield _negate_whole(rhs, text)
    for add in _adds_by_depth(rhs):
        for k, term in enumerate(add.terms):
            flipped = replace(term, sign="+" if term.sign == "-" else "-")
            new_add = replace(add, terms=add.terms[:k] + (flipped,) + add.terms[k + 1 :])
            tree = replace_node(rhs, add, new_add)
            body_start = term.node.start
            shown = text[body_start : term.node.end]
            if term.sign_start >= 0:
                sign_char = text[term.sign_start]
                if sign_char == "-" and k == 0:
                    edit = (term.sign_start, body_start, "")
                else:
                    edit = (term.sign_start, term.sign_start + 1, "-" if sign_char == "+" else "+")
            else:
                edit = (body_start, body_start, "-")
            yield Candidate("sign_flip", tree, body_start, term.node.end, edit,
                            f"the sign of `{_compact(shown)}` was flipped")


def _negate_whole(rhs: n.Node, text: str) -> Candidate:
    tree = n.Add(rhs.start, rhs.end, (n.Term(rhs.start, rhs.end, "-", rhs),))
    body = text[rhs.start : rhs.end]
    if isinstance(rhs, n.Add) and len(rhs.terms) == 1 and rhs.terms[0].sign == "-" and rhs.terms[0].sign_start >= 0:
        term = rhs.terms[0]
        edit = (term.sign_start, term.node.start, "")
    elif isinstance(rhs, n.Add):
        edit = (rhs.start, rhs.end, "-\\left(" + body.strip() + "\\right)")
    else:
        edit = (rhs.start, rhs.start, "-")
    return Candidate("sign_flip", tree, rhs.start, rhs.end, edit, "the sign of the whole line was flipped")


def _adds_by_depth(tree: n.Node) -> list[n.Add]:
    """Sums in the tree, outermost first, so the simplest explanation is tried first."""
    out: list[tuple[int, int, n.Add]] = []
    stack: list[tuple[n.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, n.Add):
            out.append((depth, node.start, node))
        for child in node.children():
            stack.append((child, depth + 1))
    out.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in out]


def _compact(text: str) -> str:
    return " ".join(text.split())


def apply_edit(text: str, edit: tuple[int, int, str]) -> str:
    start, end, replacement = edit
    return _compact(text[:start] + replacement + text[end:])


GENERATORS: list[Callable[[n.Node, str], Iterator[Candidate]]] = [sign_flips]


def diagnose(comparator, parsed, rhs_text: str) -> Diagnosis | None:
    """The first candidate edit under which the step holds, as a Diagnosis; None when nothing simple does."""
    tried = 0
    for generator in GENERATORS:
        for candidate in generator(parsed.rhs, rhs_text):
            tried += 1
            if tried > MAX_CANDIDATES:
                return None
            outcome = comparator.compare(parsed.lhs, candidate.tree)
            if outcome.kind == "equal":
                return Diagnosis(
                    candidate.kind, candidate.start, candidate.end,
                    _compact(rhs_text[candidate.start : candidate.end]),
                    apply_edit(rhs_text, candidate.edit), candidate.detail,
                )
    return None
