"""Complex numbers, as the prose declares them.

``Let $z \\in \\mathbb{C}$``, ``for complex numbers $z$ and $w$``, ``write $z = x + iy$``: a statement
names letters that are complex although lintmath reads every letter as a real number. Read as reals,
|z|^2 = z^2 and 1/z = z/|z|^2 hold, and would be verified. check.py uses the statement to take such a
verification back: a step verified with the letters real is decided again with each one written out as
``x + \\mathrm{i} y`` (and its conjugate ``\\bar z``, ``\\overline{z}``, ``z^*`` as ``x - \\mathrm{i} y``).

As in declared.py, only what reads plainly counts: a sentence that negates names nothing. This module
knows nothing of SymPy.
"""
from __future__ import annotations

import re

from lintmath.symmetric import keys_stated, matrices_beside, sentence_tokens, statements, states

KIND = "complex"  # the kind of a ContextItem that declares complex letters (lhs: their keys, comma-separated)
REACH = 50  # as declared.REACH: a section's derivation

_KEYWORD = re.compile(r"(?<![-\w])complex(?![\w-])", re.IGNORECASE)
# "not complex", "complex conjugate", "complex roots ... if": the sentence says something else of them
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|instead|"
                         r"if|iff|plane|roots?|conjugates?|matrix|matrices|vectors?|functions?|valued|"
                         r"eigenvalues?|part|parts)(?![\w-])", re.IGNORECASE)
# words between the keyword and the named letters ("complex numbers $z$ and $w$", "for complex $z$")
_AFTER = {"and", "number", "numbers", "variable", "variables", "scalar", "scalars", "constant", "constants"}
# words between the named letters and the keyword ("$z$ and $w$ are complex numbers")
_BEFORE = {"and", "are", "is", "be", "both", "two", "any", "some", "arbitrary", "given", "a", "an", "the",
           "nonzero", "non-zero"}
# $z \in \mathbb{C}$, $z, w \in \mathbb C$ (not \mathbb{C}^n: vectors)
_MEMBER = re.compile(r"^(?P<names>[^$]*?)\\in\s*\\mathbb\s*\{?\s*C\s*\}?\s*(?:\\setminus\s*\\\{\s*0\s*\\\})?\s*$")
# $z = x + iy$, $w = a + b\mathrm{i}$: one letter equal to a letter plus the unit times a letter
_UNIT = r"(?:i|j|\\mathrm\s*\{\s*i\s*\}|\\mathrm\s*i|\\rm\s*i)"
_CARTESIAN = re.compile(r"^\s*(?P<name>[A-Za-z])\s*=\s*[A-Za-z]\s*\+\s*(?:" + _UNIT + r"\s*(?:\\,\s*)?[A-Za-z]|"
                        r"[A-Za-z]\s*(?:\\,\s*)?" + _UNIT + r")\s*$")


def sentence_complex(sentence: str, macros=None) -> set[str]:
    """The keys of the letters one sentence of prose declares complex (inline math in $...$ or \\(...\\))."""
    if not states(sentence, _NOT_STATED):
        return set()

    def read_math(text: str) -> set[str]:
        keys: set[str] = set()
        member = _MEMBER.match(text)
        if member is not None:
            keys |= matrices_beside([("math", member.group("names"))], 0, 1, set(), macros)
        cartesian = _CARTESIAN.match(text)
        if cartesian is not None and cartesian.group("name") not in "ij":
            keys.add(cartesian.group("name"))
        return keys
    return keys_stated(sentence_tokens(sentence), _KEYWORD, read_math, _BEFORE, _AFTER, macros, after_first=True)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of complex letters in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase, and may explain the display above it."""
    return statements(lines, lambda sentence: bool(_KEYWORD.search(sentence)) or "mathbb" in sentence
                      or "=" in sentence, lambda sentence: sentence_complex(sentence, macros))


# a command (\zeta, \bar) or the text of an upright name (\mathrm{Re}): letters that are not the step's
_NOT_LETTERS = r"\\(?:mathrm|text|textrm|operatorname|mathop|rm)\s*\{[^{}]*\}|\\[A-Za-z]+"


def written_out(text: str, key: str, real: str, imaginary: str) -> str | None:
    """``text`` with the plain letter ``key`` written as ``(real + \\mathrm{i} imaginary)`` and its
    conjugates as ``(real - \\mathrm{i} imaginary)``; None where the letter is not a single Latin one."""
    if not re.fullmatch(r"[A-Za-z]", key):
        return None
    conjugate = f"({real} - \\mathrm{{i}}\\,{imaginary})"
    text = re.sub(r"\\(?:bar|overline)\s*(?:\{\s*" + key + r"\s*\}|" + key + r"(?![A-Za-z]))",
                  lambda _: conjugate, text)
    # math juxtaposes letters (zw is z times w); commands and upright names keep theirs
    return re.sub(_NOT_LETTERS + "|" + key + r"(?P<star>\s*\^\s*(?:\{\s*(?:\*|\\ast)\s*\}|\*|\\ast))?",
                  lambda m: m.group(0) if not m.group(0).startswith(key)
                  else conjugate if m.group("star") else f"({real} + \\mathrm{{i}}\\,{imaginary})", text)
