"""LM101: a flipped sign, of one term of a sum or of the whole line.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from lintmath.diagnose.edits import Candidate, Context, _adds_by_depth, _as_exponent_edit, _compact, replace_node
from lintmath.parse import nodes as n
from lintmath.parse.tokens import UNICODE_MINUS


def sign_flips(ctx: Context) -> Iterator[Candidate]:
    """LM101: the sign of the whole line, or of one term of any sum in it."""
    rhs, text = ctx.rhs, ctx.rhs_text
    whole: Candidate | None = _negate_whole(rhs, text)
    exponents = {id(x.exp) for x in rhs.walk() if isinstance(x, n.Pow)}
    for add in _adds_by_depth(rhs):
        if id(add) in exponents and len(add.terms) == 1:
            continue  # x^{-1} for x is a reciprocal (LM106), not a sign
        if whole is not None and add is not rhs:
            yield whole  # after the terms of the line's own sum: one sign is a smaller edit than a bracket
            whole = None
        for k, term in enumerate(add.terms):
            flipped = replace(term, sign="+" if term.sign == "-" else "-")
            new_add = replace(add, terms=add.terms[:k] + (flipped,) + add.terms[k + 1 :])
            tree = replace_node(rhs, add, new_add)
            edit = _sign_edit(text, term, k)
            bare = _unbracketed(term, text) if add is rhs and len(add.terms) == 1 else None
            if bare is not None:
                tree, edit = bare  # -(a - b) for a - b: the bracket goes with the sign that needed it
            # A leading sign belongs to its term: the finding marks it and the message names it, or
            # they would show the very text the suggestion writes (the sign of `k e^{ikx}` was
            # flipped; `k e^{ikx}` would follow)
            start = term.sign_start if k == 0 and term.sign_start >= 0 else term.node.start
            shown = text[start : term.node.end]
            yield _as_exponent_edit(ctx, add, Candidate("sign_flip", tree, start, term.node.end, edit,
                                                        f"the sign of `{_compact(shown)}` was flipped"), term)
    if whole is not None:
        yield whole


_MINUSES = "-" + "".join(UNICODE_MINUS)


def _sign_edit(text: str, term: n.Term, k: int) -> tuple[int, int, str]:
    """The text edit that gives ``term`` the other sign, as the flipped tree has it. One written sign
    changes (in ``a + -b`` either one flips the term); a leading minus is deleted rather than made a
    plus, and with it the space before the term when it was the only sign (``- - a`` loses one minus:
    deleting both would leave ``a``, which is the term as it was). A sign written as a command (a
    macro, ``\\mathbin{-}``) is replaced whole."""
    body = term.node.start
    if term.sign_start < 0:
        return (body, body, "-")
    start = term.sign_start
    new = "+" if term.sign == "-" else "-"
    first = text[start : start + 1]
    if not first or first not in "+" + _MINUSES:
        return (start, body, "" if k == 0 and new == "+" else new)
    if k == 0 and first in _MINUSES:
        alone = not any(c in "+" + _MINUSES for c in text[start + 1 : body])
        return (start, body if alone else start + 1, "")
    return (start, start + 1, "+" if first in _MINUSES else "-")


def _unbracketed(term: n.Term, text: str) -> tuple[n.Node, tuple[int, int, str]] | None:
    """``-(a - b)`` (or ``-\\left(a - b\\right)``) as the whole line, without its sign: ``a - b``, as
    tree and as text, the bracket dropped with the sign that needed it."""
    node = term.node
    if term.sign != "-" or term.sign_start < 0 or not isinstance(node, n.Paren) or node.delim not in ("(", "["):
        return None
    inner = node.inner
    if not (isinstance(inner, n.Add) and len(inner.terms) > 1 and node.start < inner.start and inner.end < node.end):
        return None  # (a bracket the parser made up, as for \vec{AB}, has no text of its own)
    return inner, (term.sign_start, node.end, text[inner.start : inner.end].strip())


def _negate_whole(rhs: n.Node, text: str) -> Candidate:
    tree = n.Add(rhs.start, rhs.end, (n.Term(rhs.start, rhs.end, "-", rhs),))
    body = text[rhs.start : rhs.end]
    if isinstance(rhs, n.Add) and len(rhs.terms) == 1 and rhs.terms[0].sign == "-" and rhs.terms[0].sign_start >= 0:
        term = rhs.terms[0]
        edit = _sign_edit(text, term, 0)
    elif isinstance(rhs, n.Add) and _in_order(edits := [_sign_edit(text, t, k) for k, t in enumerate(rhs.terms)],
                                              rhs.start, rhs.end):
        # every sign flipped (a + b for -a - b), not the line bracketed under one more sign
        tree = replace(rhs, terms=tuple(replace(t, sign="+" if t.sign == "-" else "-") for t in rhs.terms))
        out, at = "", rhs.start
        for start, end, replacement in edits:
            out, at = out + text[at:start] + replacement, end
        edit = (rhs.start, rhs.end, out + text[at : rhs.end])
    elif isinstance(rhs, n.Add):
        edit = (rhs.start, rhs.end, "-\\left(" + body.strip() + "\\right)")
    else:
        edit = (rhs.start, rhs.start, "-")
    return Candidate("sign_flip", tree, rhs.start, rhs.end, edit, "the sign of the whole line was flipped")


def _in_order(edits: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether edits of one text lie within ``start:end``, one after the other, so that they apply together."""
    ends = [start] + [x for s, e, _ in edits for x in (s, e)] + [end]
    return all(a <= b for a, b in zip(ends, ends[1:]))
