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

from lintmath.independence import prose_sentences
from lintmath.symmetric import matrices_beside, sentence_tokens

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
    prose = re.sub(r"\$[^$]*\$|\\\(.+?\\\)", " ", sentence)
    if _NOT_STATED.search(prose):
        return set()
    tokens = sentence_tokens(sentence)
    keys: set[str] = set()
    for k, (kind, text) in enumerate(tokens):
        if kind == "math":
            member = _MEMBER.match(text)
            if member is not None:
                keys |= matrices_beside([("math", member.group("names"))], 0, 1, set(), macros)
            cartesian = _CARTESIAN.match(text)
            if cartesian is not None and cartesian.group("name") not in "ij":
                keys.add(cartesian.group("name"))
        elif kind == "word" and _KEYWORD.fullmatch(text.rstrip(".")):
            keys |= matrices_beside(tokens, k + 1, 1, _AFTER, macros) or matrices_beside(tokens, k - 1, -1, _BEFORE, macros)
    return keys


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of complex letters in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase, and may explain the display above it."""
    out = []
    for line, sentence in prose_sentences(lines):
        if not _KEYWORD.search(sentence) and "mathbb" not in sentence and "=" not in sentence:
            continue
        keys = sentence_complex(sentence, macros)
        if keys:
            out.append((line, frozenset(keys), sentence.lstrip()[:1].islower()))
    return out


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
