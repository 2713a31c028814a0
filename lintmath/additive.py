"""``+ \\text{const}``: a term constant in the variable of interest (ML and physics notes write
``\\log p(w \\mid D) = \\log p(D \\mid w) + \\log p(w) + \\text{const}`` and complete squares "up to a
constant"). Such a side is read without that term, and the step holds when what the sides then
differ by does not depend on some letter both of them use (see check._up_to_constant)."""
from __future__ import annotations

import re

# the words for an unnamed constant, in the fonts notes set them in; a letter (C, c, K) is no word:
# it is a quantity of its own (a coefficient, a constant of integration that lintmath reads elsewhere)
_WORD = re.compile(r"\\(?:text|textrm|textnormal|textup|mathrm|operatorname|mbox)\s*"
                   r"\{\s*(?:const|constant|cst)\s*\.?\s*\}")
# spacing between the word and its sign or the end of the side
_SPACING = r"(?:\s|~|\\[,;:! ]|\\q?quad(?![A-Za-z]))*"
_BEFORE = re.compile(r"([+-])" + _SPACING + r"$")
_AFTER_END = re.compile(_SPACING + r"[.,;]?" + _SPACING + r"$")
# the next term, or a note after the math (", \quad \text{where ...}"), which the parser cuts as usual
_AFTER_TERM = re.compile(_SPACING + r"(?:[+-]|[,;]|\\q?quad(?![A-Za-z])|\\text(?![A-Za-z]))")
_OPENERS = "({["
_CLOSERS = ")}]"


def _depth(text: str) -> int:
    """How many brackets are open at the end of ``text`` (an escaped brace counts as one too: balanced
    pairs cancel either way)."""
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
    return depth


def without_constants(side: str) -> tuple[str, bool]:
    """``side`` with each additive ``\\text{const}`` of its top level blanked out (offsets kept, so that
    a diagnosis still points into the text as written), and whether there was one. A word inside
    brackets, in an exponent, or multiplied by something (``\\text{const}\\cdot x``) is no additive term."""
    out = side
    found = False
    for match in _WORD.finditer(side):
        head, tail = side[:match.start()], side[match.end():]
        if _depth(head) != 0:
            continue
        sign = _BEFORE.search(head)
        leading = not head.strip()
        if sign is None and not leading:
            continue  # 2\text{const}, x^\text{const}: not a term of its own
        end = _AFTER_END.match(tail)
        if end is not None:
            stop = match.end() + end.end()
        elif _AFTER_TERM.match(tail):
            stop = match.end()
        else:
            continue
        start = sign.start() if sign is not None else match.start()
        out = out[:start] + " " * (stop - start) + out[stop:]
        found = True
    return out, found


def writes_constant(side: str) -> bool:
    """A cheap look for the word before any parsing (asked of every step)."""
    return ("const" in side or "cst" in side) and _WORD.search(side) is not None
