"""Matrices, as the prose declares them.

``Let $A$ and $B$ be $n \\times n$ matrices``, ``for square matrices $A, B$``, ``the matrix $M$``,
``$A, B \\in \\mathbb{R}^{n \\times n}$``: a statement names letters that are matrices although the steps
write them plain, which lintmath otherwise reads as numbers. Read as numbers, AB = BA and
(A + B)^2 = A^2 + 2AB + B^2 hold, and would be verified. check.py uses the statement to take such a
verification back: a step verified with the letters as numbers is decided again with them matrices.

Reading prose is guesswork, so only what reads plainly counts: a sentence that negates, or speaks of
matrices that commute (diagonal, scalar or commuting ones, where AB = BA holds), names nothing, and
only math that is a list of plain symbols next to the keyword is named. This module knows nothing of
SymPy.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lintmath.independence import prose_sentences
from lintmath.symmetric import _matrices, keys_stated, sentence_tokens, states

if TYPE_CHECKING:
    from lintmath.context import ContextItem

KIND = "matrices"  # the kind of a ContextItem that declares matrices (lhs: their keys, comma-separated)
VOID = "void"  # the rhs of such an item whose sentence declares nothing of them (diagonal, commuting ones)
# a statement holds for the steps this many lines below it (a section's derivation), and for those a
# few lines above it when its sentence continues the display ("..., where $A$ is a matrix")
REACH = 50

_KEYWORD = re.compile(r"(?<![-\w])(?:matrix|matrices)(?![\w-])", re.IGNORECASE)
# what makes a sentence say something else: a negation, or matrices that commute (for which the
# steps a number reading verifies hold as well: a statement of them takes nothing back)
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|instead|"
                         r"diagonal|scalar|scalars|commut\w*|identity|number|numbers|entry|entries|element|"
                         r"elements|block|blocks|1x1|rotation|rotations|polynomial|polynomials|function|"
                         r"functions|iff|if)(?![\w-])", re.IGNORECASE)
# words that may stand between the named matrices and the keyword ("Let $A$ and $B$ be square matrices")
_BEFORE = {"and", "are", "is", "be", "both", "assumed", "assume", "to", "also", "all", "each", "then", "two",
           "three", "real", "complex", "a", "an", "the", "now", "square", "invertible", "nonsingular",
           "non-singular", "arbitrary", "any", "some", "given", "general", "random", "symmetric", "orthogonal",
           "positive", "definite", "semidefinite", "hermitian", "unitary", "sized",
           # (only in a sentence that declares nothing: see sentence_void)
           "diagonal", "scalar", "commuting", "not", "no", "identity", "rotation", "block"}
# words that may stand between the keyword and the named matrices ("for square matrices $A$ and $B$")
_AFTER = {"and", "the", "two", "three", "any", "some", "given", "sized"}
# $A \in \mathbb{R}^{n \times n}$: a member of a set of matrices (its rows times its columns)
# or of M_n(\mathbb{R}), \mathcal{M}_{n \times n}, M_{2}(\mathbb{C}) (the textbooks' names of that set)
_MATRIX_SET = re.compile(r"^(?P<names>[^$]*?)\\in\s*(?:\\mathbb\s*\{?\s*[RC]\s*\}?\s*\^\s*\{[^{}]*\\times[^{}]*\}|"
                         r"(?:\\mathcal\s*\{M\}|\\mathrm\s*\{M\}|M)\s*_\s*(?:\{[^{}]*\}|\w)\s*"
                         r"(?:\(\s*(?:\\mathbb\s*\{?\s*[RCF]\s*\}?|\\mathbf\s*\{?\s*F\s*\}?|[RCF])\s*\))?)\s*$")
_NAMED_SET = re.compile(r"\\in\s*(?:\\mathcal\s*\{M\}|\\mathrm\s*\{M\}|M)\s*_")
# $n \times n$, $m \times n$ between the names and the keyword: the size of the matrices
_SIZE = re.compile(r"^\s*\(?\s*[\w\\{}]+\s*\\times\s*[\w\\{}]+\s*\)?\s*$")


# \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}: a matrix written out, of two rows and two columns at least
# (not vmatrix: a determinant, a number)
_WRITTEN_MATRIX = re.compile(r"^\s*\\begin\{[pbB]?matrix\}.*&.*\\\\.*\\end\{", re.DOTALL)


def defines_matrix(item: ContextItem) -> bool:
    """Whether a context item defines one plain letter as a matrix written out (``$A = \\begin{pmatrix} 4 &
    1 \\\\ 2 & 3 \\end{pmatrix}$``): a letter the steps write plain, which is a matrix all the same."""
    return item.kind in ("define", "result") and re.fullmatch(r"\s*[A-Za-z]\s*", item.lhs) is not None \
        and _WRITTEN_MATRIX.match(item.rhs) is not None


def sentence_matrices(sentence: str, macros=None) -> set[str]:
    """The keys of the letters one sentence of prose declares matrices (inline math in $...$ or \\(...\\))."""
    return _declared(sentence, macros) if states(sentence, _NOT_STATED) else set()


def sentence_void(sentence: str, macros=None) -> set[str]:
    """The keys of the plain symbols a sentence about matrices names while declaring nothing ("Let $A$
    and $B$ be diagonal matrices"): it takes back an earlier statement of them."""
    return set() if states(sentence, _NOT_STATED) else _declared(sentence, macros)


def _declared(sentence: str, macros) -> set[str]:
    def read_math(text: str) -> set[str]:
        member = _MATRIX_SET.match(text)
        return (_matrices(member.group("names"), macros) or set()) if member is not None else set()
    # the size between the names and the keyword ("$A$ be $n \\times n$ matrices") is the word "sized"
    return keys_stated(sentence_tokens(sentence, _SIZE), _KEYWORD, read_math, _BEFORE, _AFTER, macros)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool, bool]]:
    """(line, keys, continues, void) for every statement of matrices in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase ("where $A$ is a matrix"), and may explain the display
    above it; ``void``: the sentence declares nothing of them (see sentence_void)."""
    out = []
    for line, sentence in prose_sentences(lines):
        if not _KEYWORD.search(sentence) and "\\times" not in sentence and not _NAMED_SET.search(sentence):
            continue
        keys, void = sentence_matrices(sentence, macros), False
        if not keys:
            keys, void = sentence_void(sentence, macros), True
        if keys:
            out.append((line, frozenset(keys), sentence.lstrip()[:1].islower(), void))
    return out
