"""Prose that says two vectors are orthogonal ("the residuals are orthogonal to the fitted values",
"$u \\perp v$", "the cross term vanishes"): only under such a statement is a sum of products over an index
(``2\\sum_i x_i y_i`` dropped from an expanded square) read as an inner product taken as 0, or a leg of a
right angle moved across (``\\|u - v\\|^2 = \\|u\\|^2 - \\|v\\|^2``). Without it these are the commonest slips
of their notation (a square expanded without its cross term, a norm treated as a number), and an
entry-by-entry sum is as often plain data, a Legendre transform or a series as two vectors (see
check._vector_hypothesis)."""
from __future__ import annotations

import re

from lintmath.independence import passage_statements

KIND = "orthogonal"  # the kind of a ContextItem that says its passage has orthogonal vectors
REACH = 150  # a section: a decomposition is often derived well below the sentence that sets it up

_STATED = re.compile(r"orthogonal|perpendicular|\\perp\b|\u22a5|normal\s+equations?"
                     r"|cross[- ]?(?:term|product)s?\b[^.]{0,60}\b(?:vanish\w*|zero|drops?|disappears?|cancels?)",
                     re.IGNORECASE)


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that states an orthogonality."""
    return passage_statements(lines, lambda sentence: bool(_STATED.search(sentence)))
