"""LM104: an exponent one off, doubled or halved, or a square lost or added.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from lintmath.diagnose.edits import (
    Candidate, Context, _braces_one_char_scripts, _compact, _edit, _in_text_order, _number_node, _number_text,
    _parents, _script, _script_span, _signed_number, _squash, replace_node,
)
from lintmath.parse import nodes as n


def exponents(ctx: Context) -> Iterator[Candidate]:
    """LM104: an exponent one off, doubled or halved, or a square lost or added."""
    rhs, text = ctx.rhs, ctx.rhs_text
    style = _braces_one_char_scripts(ctx)  # an exponent written anew is written as the others are
    for node in _in_text_order(rhs, (n.Pow, n.Func)):
        exp = node.exp if isinstance(node, n.Pow) else node.power
        if exp is None:
            continue
        span = _script_span(text, exp)
        if span is None:
            continue
        caret, end, braced = span
        if braced and len(_squash(text[exp.start:exp.end])) > 1:
            braced = bool(style)  # ``^{10}`` needed its braces; ``^9`` may not
        for new_exp, new_text in _exponent_variants(exp, text):
            if new_text == "1":
                new = node.base if isinstance(node, n.Pow) else replace(node, power=None)
                edit = (caret, end, "")
            else:
                new = replace(node, exp=new_exp) if isinstance(node, n.Pow) else replace(node, power=new_exp)
                edit = _edit(text, caret, end, _script(new_text, braced))
            shown = _compact(text[node.start : node.end])
            yield Candidate("exponent", replace_node(rhs, node, new), node.start, node.end, edit,
                            f"the exponent in `{shown}` should be {new_text}")
    # a square (or the power the line before uses) that went missing
    lhs_powers: dict[str, str] = {}
    for node in ctx.lhs.walk():
        if isinstance(node, n.Pow) and ctx.lhs_text:
            span = _script_span(ctx.lhs_text, node.exp)
            if span is not None:
                base = _squash(ctx.lhs_text[node.base.start : node.base.end])
                lhs_powers.setdefault(base, _compact(ctx.lhs_text[node.exp.start : node.exp.end]))
    parents = _parents(rhs)
    index_ids = n.non_quantities(rhs)
    atoms = []
    for node in _in_text_order(rhs, (n.Sym, n.Paren, n.Apply, n.Func, n.Abs, n.Norm)):
        parent = parents.get(id(node))
        if id(node) in index_ids or isinstance(parent, n.Pow) and parent.base is node:
            continue
        if isinstance(node, n.Sym) and (node.labels or node.sup_letter is not None):
            continue
        if isinstance(node, n.Func) and (node.power is not None or node.inverse or node.name == "exp"):
            continue  # (nobody writes ``\exp^2 x``: the square of an exponential goes in its exponent)
        power = lhs_powers.get(_squash(text[node.start : node.end]))
        if power is not None and power != "2":
            atoms.append((False, node.start, node, power))
        atoms.append((power is None, node.start, node, "2"))
    atoms.sort(key=lambda a: a[:2])
    for _, _, node, power in atoms:
        new_exp = n.Num(node.end, node.end, power) if power.isdigit() else _parse_exponent(power, node.end)
        if new_exp is None:
            continue
        if isinstance(node, n.Func):
            command = re.match(r"\\[A-Za-z]+", text[node.start : node.end])
            if command is None:
                continue
            at = node.start + command.end()
            new: n.Node = replace(node, power=new_exp)
        else:
            at = node.end
            new = n.Pow(node.start, node.end, node, new_exp)
        shown = _compact(text[node.start : node.end])
        yield Candidate("exponent", replace_node(rhs, node, new), node.start, node.end,
                        _edit(text, at, at, _script(power, bool(style))),
                        f"`{shown}` should be raised to the power {power}")


def _parse_exponent(text: str, at: int) -> n.Node | None:
    from lintmath.parse.parser import parse_math
    from lintmath.parse.tokens import ParseFailure

    try:
        return parse_math(text)
    except (ParseFailure, RecursionError):
        return None


def _exponent_variants(exp: n.Node, text: str) -> Iterator[tuple[n.Node, str]]:
    """Nearby exponents as (node, text): k -> k-1, k+1, 2k, k/2; ``n-1`` -> ``n``, ``n-2``; ``n`` -> ``n-1``, ``n+1``."""
    s, e = exp.start, exp.end
    value = _signed_number(exp)
    if value is not None:
        if value.denominator != 1:
            return
        seen = {value}
        for new in (value - 1, value + 1, 2 * value, value / 2):
            if new in seen or new == 0 or new.denominator != 1:
                continue
            seen.add(new)
            yield _number_node(s, e, new), _number_text(new)
        return
    body = _compact(text[s:e])
    if isinstance(exp, n.Add) and len(exp.terms) > 1 and isinstance(exp.terms[-1].node, n.Num) \
            and exp.terms[-1].node.value.isdigit():
        last = exp.terms[-1]
        constant = int(last.node.value) * (-1 if last.sign == "-" else 1)
        head = exp.terms[:-1]
        head_text = _compact(text[s : last.sign_start if last.sign_start >= 0 else last.node.start])
        for new in (constant + 1, constant - 1):
            if new == 0:
                yield n.Add(s, e, head) if len(head) > 1 or head[0].sign == "-" else head[0].node, head_text
            else:
                sign = "-" if new < 0 else "+"
                term = n.Term(s, e, sign, n.Num(s, e, str(abs(new))))
                yield n.Add(s, e, head + (term,)), f"{head_text}{sign}{abs(new)}"
        return
    if isinstance(exp, (n.Sym, n.Mul)) or isinstance(exp, n.Add) and len(exp.terms) > 1:
        terms = exp.terms if isinstance(exp, n.Add) else (n.Term(s, e, "+", exp),)
        for sign in ("-", "+"):
            yield n.Add(s, e, terms + (n.Term(s, e, sign, n.Num(s, e, "1")),)), f"{body}{sign}1"
