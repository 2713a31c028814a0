"""Rotation (orthogonal) matrices, as the prose states them.

``Let $R$ be a rotation matrix``, ``for an orthogonal matrix $Q$``, ``$\\mathbf{R}^\\top\\mathbf{R} =
\\mathbf{I}$``, ``$R^{-1} = R^T$``: a statement names the matrices it makes rotations. Random entries are
never orthogonal, so a step that rests on it (C = -R^{-1}t = -R^T t for a camera centre, |Ra| = |a|) is
unverified without the statement. check.py uses it to verify only: a step that holds once those matrices
are rotations (sampled orthogonal with determinant 1) is verified, and one that fails so is decided as
it would be without the statement.

As in symmetric.py, only what reads plainly counts: a sentence that negates, or speaks of orthogonal
projections, complements, or vectors orthogonal to something, states nothing. This module knows nothing
of SymPy.
"""
from __future__ import annotations

import re

from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.symmetric import TRANSPOSE, keys_stated, sentence_tokens, statements, states, transposing_sides

KIND = "rotation"  # the kind of a ContextItem that states rotation matrices (lhs: their keys)
REACH = 50  # as symmetric.REACH: a section's derivation

_KEYWORD = re.compile(r"(?<![-\w])(?:orthogonal|orthonormal|rotations?)(?![\w-])", re.IGNORECASE)
# what makes a sentence say something else: a negation, an orthogonal projection (P^2 = P, not P^T P = I),
# a complement, vectors orthogonal to one another, a rotation's angle or axis named instead of its matrix
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|iff|only\s+if|"
                         r"projections?|projectors?|projected|complements?|to|columns?|rows?|basis|"
                         r"angles?|axis|axes|improper|reflections?|skew|almost|approximately|false|fails?)(?![\w-])",
                         re.IGNORECASE)
# words that may stand between the named matrices and the keyword ("$R_1$ and $R_2$ are rotations")
_BEFORE = {"and", "are", "is", "be", "both", "assumed", "assume", "also", "all", "each", "then", "a", "an",
           "the", "now", "real", "proper"}
# words that may stand between the keyword and the named matrices ("rotation matrix $R$")
_AFTER = {"and", "matrix", "matrices", "the", "proper", "real", "square", "camera", "its"}


def _identity(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base in ("I", "1") and not node.labels and not node.primes \
        and node.sup_letter is None and (node.base == "I" or "bf" in node.style)


def _same(a: n.Node, b: n.Node) -> bool:
    return isinstance(a, n.Sym) and isinstance(b, n.Sym) and n.structure(a) == n.structure(b)


def _math_statement(math: str, macros, named: bool) -> set[str]:
    """The matrix of ``R^{-1} = R^T`` (one symbol), or with ``named`` (the sentence says "rotation" or
    "orthogonal") of ``R^T R = I`` or ``R R^\\top = \\mathbf{I}``: by itself the latter is as often said of
    a tall matrix with orthonormal columns (PCA's W^T W = I), whose W W^T is no identity."""
    read = transposing_sides(math, macros)
    if read is None:
        return set()
    left, right = read
    for product, other in ((left, right), (right, left)):
        if isinstance(product, n.Mul) and len(product.factors) == 2 and set(product.ops) <= {"", "\\cdot"} \
                and _identity(other) and named:
            a, b = product.factors
            for plain, transposed in ((a, b), (b, a)):
                if isinstance(transposed, n.Transpose) and _same(plain, transposed.inner):
                    return {plain.key}
        if isinstance(product, n.Pow) and isinstance(product.base, n.Sym) and n.structure(product.exp) \
                == n.structure(parse_math("-1", macros)) and isinstance(other, n.Transpose) \
                and _same(product.base, other.inner):
            return {product.base.key}
    return set()


def sentence_matrices(sentence: str, macros=None) -> set[str]:
    """The keys of the matrices one sentence of prose states rotations (inline math in $...$ or \\(...\\))."""
    if not states(sentence, _NOT_STATED):
        return set()
    named = bool(_KEYWORD.search(re.sub(r"\$[^$]*\$|\\\(.+?\\\)", " ", sentence)))
    return keys_stated(sentence_tokens(sentence), _KEYWORD, lambda text: _math_statement(text, macros, named),
                       _BEFORE, _AFTER, macros)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of rotation matrices in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase, and may explain the display above it."""
    return statements(lines, lambda sentence: bool(_KEYWORD.search(sentence) or TRANSPOSE.search(sentence)),
                      lambda sentence: sentence_matrices(sentence, macros))
