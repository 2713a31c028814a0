"""Linear maps, as the prose or the step's own annotation states them.

``Let $T$ be a linear transformation``, ``$T$ and $S$ are linear``, ``for a linear operator $L$``, or a
step annotated ``\\text{by linearity of $T$}`` / ``\\text{by linearity}``: the statement names the
functions (T(v), S(u + v)) that a step may be decided with as linear maps, T(v) the product of a
fixed random matrix and v. check.py uses it to verify only: a step that holds for every linear T
(T(a u + b v) = a T(u) + b T(v)) is verified, and one that fails so may rest on more than linearity
(an isometry, an eigenvector the prose names), so it is decided as it would be without the statement.

Only plain words count, as in symmetric.py: "linearly", "bilinear", "nonlinear", "linear combination"
and a negated sentence state nothing. This module knows nothing of SymPy.
"""
from __future__ import annotations

import re

from lintmath import symmetric

KIND = "linear"  # the kind of a ContextItem that states linear maps (lhs: their keys)
REACH = 50  # as symmetric.REACH: a section's derivation

_KEYWORD = re.compile(r"(?<![-\w])linear(?:ity)?(?![\w-])", re.IGNORECASE)
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|"
                         r"nonlinear|bilinear|multilinear|sesquilinear|affine|iff|only\s+if|linear\s+in)(?![\w-])"
                         r"|(?:non|bi|multi)-", re.IGNORECASE)
# between the named maps and the keyword ("$T$ and $S$ are linear", "$T$ is a linear map")
_BEFORE = {"and", "are", "is", "be", "both", "assumed", "assume", "to", "also", "all", "each", "then",
           "a", "an", "the", "now"}
# between the keyword and the named maps ("linear transformation $T$", "linearity of $T$ and $S$")
_AFTER = {"and", "map", "maps", "transformation", "transformations", "operator", "operators", "function",
          "functions", "mapping", "mappings", "functional", "functionals", "the", "of", "a", "an"}
# \text{by linearity} and the like inside the step itself: a claim of the step about its own maps
_ANNOTATION = re.compile(r"\\(?:text|mbox|textrm|mathrm|textit|mathit)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*"
                         r"(?<![-\w])linear(?:ity)?(?![\w-])", re.IGNORECASE)


def sentence_maps(sentence: str, macros=None) -> set[str]:
    """The keys of the maps one sentence of prose states linear (inline math in $...$ or \\(...\\))."""
    # ("linear in $x$" is a model's, often affine; a question states nothing)
    if not symmetric.states(sentence, _NOT_STATED) or sentence.rstrip().endswith("?"):
        return set()
    return symmetric.keys_stated(symmetric.sentence_tokens(sentence), _KEYWORD, lambda text: set(),
                                 _BEFORE, _AFTER, macros)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of linear maps in the prose of ``lines``."""
    return symmetric.statements(lines, lambda sentence: bool(_KEYWORD.search(sentence)),
                                lambda sentence: sentence_maps(sentence, macros))


def annotated(text: str) -> bool:
    """Whether the step's own text says it uses linearity (``\\text{by linearity of $T$ and $S$}``): the
    maps it applies are linear by its own claim, named or not. A negated annotation says nothing."""
    match = _ANNOTATION.search(text)
    return match is not None and symmetric.states(match.group(0), _NOT_STATED)
