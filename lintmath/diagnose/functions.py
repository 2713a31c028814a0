"""LM107: one function written for its sibling (sin/cos, log/exp, sinh/cosh).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from lintmath.diagnose.edits import Candidate, Context, _compact, _edit, _in_text_order, _parents, replace_node
from lintmath.parse import nodes as n


FUNCTION_SWAPS = {
    "sin": ("cos",), "cos": ("sin",), "tan": ("cot",), "cot": ("tan",), "sec": ("csc",), "csc": ("sec",),
    "sinh": ("cosh",), "cosh": ("sinh",), "tanh": ("coth",), "coth": ("tanh",),
    "log": ("exp",), "exp": ("log",), "asin": ("acos",), "acos": ("asin",),
    # the semi-infinite solid's profile is written with erf from one side and erfc from the other
    "erf": ("erfc",), "erfc": ("erf",),
}
COMMANDS = {"asin": "\\arcsin", "acos": "\\arccos", "atan": "\\arctan"}


def wrong_functions(ctx: Context) -> Iterator[Candidate]:
    """LM107: one function written for its sibling (sin/cos, log/exp, sinh/cosh), or ``\\sigma(z)``
    for ``1-\\sigma(z)`` and back."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    for node in _in_text_order(rhs, n.Func):
        command = re.match(r"\\(?:operatorname|mathrm)\s*\{\s*[A-Za-z]+\s*\}|\\[A-Za-z]+", text[node.start : node.end])
        if command is None:
            continue
        # an upright name (\operatorname{erf}) is rewritten as a name of the same style
        style = re.match(r"\\(operatorname|mathrm)\s*\{", command.group())
        for other in FUNCTION_SWAPS.get(node.name, ()):
            if node.inverse and other not in ("sin", "cos", "tan", "sinh", "cosh", "tanh"):
                continue
            written = f"\\{style.group(1)}{{{other}}}" if style else COMMANDS.get(other, "\\" + other)
            if other == "log" and _writes_ln(ctx):
                written = "\\ln"
            yield Candidate("wrong_function", replace_node(rhs, node, replace(node, name=other)),
                            node.start, node.end,
                            _edit(text, node.start, node.start + command.end(), written),
                            f"`{command.group()}` should be `{written}`")
    for node in _in_text_order(rhs, n.Apply):
        if node.func.key != "\\sigma" or len(node.args) != 1:
            continue
        parent = parents.get(id(node))
        grand = parents.get(id(parent)) if parent is not None else None
        shown = _compact(text[node.start : node.end])
        if isinstance(parent, n.Term) and parent.sign == "-" and isinstance(grand, n.Add) and len(grand.terms) == 2 \
                and grand.terms[1] is parent and isinstance(grand.terms[0].node, n.Num) \
                and grand.terms[0].node.value == "1":
            holder = parents.get(id(grand))
            target = holder if isinstance(holder, n.Paren) else grand
            yield Candidate("wrong_function", replace_node(rhs, target, node), target.start, target.end,
                            (target.start, target.end, shown), f"`{_compact(text[target.start:target.end])}` should be `{shown}`")
            continue
        one = n.Term(node.start, node.start, "+", n.Num(node.start, node.start, "1"))
        new = n.Paren(node.start, node.end, n.Add(node.start, node.end, (one, n.Term(node.start, node.end, "-", node))))
        yield Candidate("wrong_function", replace_node(rhs, node, new), node.start, node.end,
                        (node.start, node.end, f"(1-{text[node.start:node.end]})"),
                        f"`{shown}` should be `1-{shown}`")


def _writes_ln(ctx: Context) -> bool:
    """Whether the author's natural logarithm is ``\\ln`` rather than ``\\log``."""
    both = ctx.lhs_text + " " + ctx.rhs_text
    return len(re.findall(r"\\ln(?![A-Za-z])", both)) > len(re.findall(r"\\log(?![A-Za-z])", both))
