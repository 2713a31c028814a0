"""The Wronskian of functions written out, ``W(e^{t}, e^{2t})`` or ``W[\\cos t, \\sin t](t)``: the
determinant of the functions and their derivatives in the one variable (t, else x) they are written in,
as courses on differential equations use it for the variation of parameters. A ``W`` may be anything
else (work, a weight), so the reading only verifies (check.py)."""
from __future__ import annotations

import re

_HEAD = re.compile(r"\s*W\s*(?:\\left\s*)?[(\[](?P<body>.*?)(?:\\right\s*)?[)\]]"
                   r"\s*(?:\(\s*(?P<at>[tx])\s*\))?\s*")
_VARIABLES = ("t", "x")


def wronskian_written_out(lhs: str) -> str | None:
    """``lhs``, a Wronskian of two or three functions written out, as the determinant it stands for;
    None where it is not one (a W of letters alone, of an unknown function, of a mix of variables)."""
    match = _HEAD.fullmatch(lhs)
    if match is None:
        return None
    args = _top_level_split(match.group("body"))
    if args is None or len(args) not in (2, 3):
        return None
    variables = {v for v in _VARIABLES if any(re.search(rf"(?<![\\a-zA-Z]){v}(?![a-zA-Z])", a) for a in args)}
    if len(variables) != 1 or match.group("at") not in (None, *variables):
        return None
    var = variables.pop()
    # a function written out, not a name for one: y_1, f, g(t) need their definitions, which the prose holds
    # (the variable itself, W(1, x, x^2), is a function written out)
    if any(re.fullmatch(r"\s*[a-zA-Z](?:_\{?\w+\}?)?\s*(?:\(\s*[tx]\s*\))?\s*", a) and a.strip() != var
           for a in args):
        return None
    rows = [" & ".join(f"({a})" for a in args)]
    for order in range(1, len(args)):
        d = f"\\frac{{d}}{{d{var}}}" if order == 1 else f"\\frac{{d^{order}}}{{d{var}^{order}}}"
        rows.append(" & ".join(f"{d}\\left({a}\\right)" for a in args))
    return "\\det\\begin{pmatrix}" + " \\\\ ".join(rows) + "\\end{pmatrix}"


def _top_level_split(body: str) -> list[str] | None:
    """``body`` split at its commas outside brackets; None where a bracket does not close in it."""
    parts, depth, current = [], 0, []
    for ch in body:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                return None
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    if depth != 0 or any(not p.strip() for p in parts):
        return None
    return parts
