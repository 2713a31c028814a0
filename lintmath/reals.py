"""Real letters, as the prose declares them.

lintmath samples every letter at positive values, the quantities letters usually stand for: so
\\sqrt{x^2} = x and \\ln(x^2) = 2\\ln x hold where it looks. ``For real $x$``, ``let $a, b \\in
\\mathbb{R}$``, ``$x$ and $y$ are real numbers``: a statement that the letters range over all the reals,
negative ones too. check.py uses it to take back the verification of a step with a root or a logarithm
that fails where such a letter is negative (it never refutes by it: "real" may be said loosely of
quantities that are positive anyway).

As in complexes.py, only what reads plainly counts: a sentence that negates names nothing. This module
knows nothing of SymPy.
"""
from __future__ import annotations

import re

from lintmath.symmetric import keys_stated, matrices_beside, sentence_tokens, statements, states

KIND = "real"  # the kind of a ContextItem that declares real letters (lhs: their keys, comma-separated)
REACH = 50  # as complexes.REACH: a section's derivation

_KEYWORD = re.compile(r"(?<![-\w])real(?![\w-])", re.IGNORECASE)
# "not real", "real part", "positive real": the sentence says something else of them (a sign stated
# with the word leaves the letters positive or bounded, which the sampling already is)
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|instead|"
                         r"if|iff|line|roots?|parts?|axis|matri(?:x|ces)|vectors?|functions?|valued|eigenvalues?|"
                         r"positive|nonnegative|non-negative|negative)(?![\w-])", re.IGNORECASE)
_AFTER = {"and", "number", "numbers", "variable", "variables", "scalar", "scalars", "constant", "constants"}
_BEFORE = {"and", "are", "is", "be", "both", "two", "any", "some", "arbitrary", "given", "a", "an", "the",
           "nonzero", "non-zero", "all"}
# $x \in \mathbb{R}$, $a, b \in \mathbb R$ (not \mathbb{R}^n, \mathbb{R}_{>0} or \mathbb{R}^+)
_MEMBER = re.compile(r"^(?P<names>[^$]*?)\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*(?:\\setminus\s*\\\{\s*0\s*\\\})?\s*$")


def sentence_real(sentence: str, macros=None) -> set[str]:
    """The keys of the letters one sentence of prose declares real (inline math in $...$ or \\(...\\))."""
    if not states(sentence, _NOT_STATED):
        return set()

    def read_math(text: str) -> set[str]:
        member = _MEMBER.match(text)
        if member is None:
            return set()
        return matrices_beside([("math", member.group("names"))], 0, 1, set(), macros)
    return keys_stated(sentence_tokens(sentence), _KEYWORD, read_math, _BEFORE, _AFTER, macros, after_first=True)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of real letters in the prose of ``lines``."""
    return statements(lines, lambda sentence: bool(_KEYWORD.search(sentence)) or "mathbb" in sentence,
                      lambda sentence: sentence_real(sentence, macros))
