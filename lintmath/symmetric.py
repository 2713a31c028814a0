"""Symmetric matrices, as the prose states them.

``Let $A$ be symmetric``, ``where $A$ is symmetric``, ``for a symmetric matrix $A$``, ``symmetric
positive definite $A, B$``, ``$A = A^T$``: a statement names the matrices it makes symmetric. check.py
uses it to verify only: a step that holds once those matrices are symmetric (the gradient of
1/2 x^T A x is A x) is verified, and one that fails so is decided as it would be without the statement.

Reading prose is guesswork, so only what reads plainly counts: a sentence that negates, or speaks of
the symmetric part, of skew- or anti-symmetric matrices, states nothing, and only math that is a list
of plain symbols next to the keyword is named. This module knows nothing of SymPy.
"""
from __future__ import annotations

import re
from typing import Callable

from lintmath.independence import math_beside, prose_sentences
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

KIND = "symmetric"  # the kind of a ContextItem that states symmetric matrices (lhs: their keys)
# a statement holds for the steps this many lines below it (a section's derivation), and for those a
# few lines above it when its sentence continues the display ("..., where $A$ is symmetric")
REACH = 50

_KEYWORD = re.compile(r"(?<![-\w])symmetric(?![\w-])", re.IGNORECASE)
# what makes a sentence say something else: a negation, the symmetric part of a matrix, another kind
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|"
                         r"part|skew|anti|asymmetric|nonsymmetric|unsymmetric|symmetri[sz]\w*|iff|only\s+if)"
                         r"(?![\w-])|(?:skew|anti|non)-", re.IGNORECASE)
# words that may stand between the named matrices and the keyword ("Let $A$ and $B$ be symmetric")
_BEFORE = {"and", "are", "is", "be", "both", "assumed", "assume", "to", "also", "all", "each", "then",
           "real", "a", "an", "the", "matrix", "matrices", "now"}
# words that may stand between the keyword and the named matrices ("symmetric positive definite matrix $A$")
_AFTER = {"and", "real", "positive", "negative", "definite", "semidefinite", "semi-definite", "psd", "pd",
          "spd", "invertible", "square", "matrix", "matrices", "the", "weight", "kernel"}
_TOKEN = re.compile(r"\$(?P<math>[^$]+)\$|\\\((?P<paren>.+?)\\\)|(?P<word>[\w.'-]+)|(?P<comma>,)")
# $A \in \mathbb{R}^{n \times n}$ is symmetric: the matrices named before the set
_MEMBER = re.compile(r"\\in(?![A-Za-z])")
TRANSPOSE = re.compile(r"\^\s*(?:\{\s*)?(?:T|\\top|\\intercal|\\mathsf\s*\{?\s*T\s*\}?|\\mathrm\s*\{?\s*T\s*\}?)"
                        r"(?:\s*\})?")


def _matrices(math: str, macros) -> set[str] | None:
    """The keys of ``math`` when it is a list of plain symbols (``A``, ``A, B``, ``A \\in \\mathbb{R}^{n
    \\times n}``), else None."""
    member = _MEMBER.search(math)
    if member is not None:
        math = math[: member.start()]
    keys = set()
    for item in filter(None, (part.strip() for part in math.split(","))):
        try:
            tree = parse_math(item, macros)
        except (ParseFailure, RecursionError):
            return None
        if not isinstance(tree, n.Sym) or tree.labels or tree.primes or tree.sup_letter is not None \
                or tree.style == "label" or not (tree.base[:1].isalpha() or tree.base.startswith("\\")):
            return None
        keys.add(tree.key)
    return keys or None


def transposing_sides(math: str, macros) -> tuple[n.Node, n.Node] | None:
    """The two sides of an equation written in the prose that transposes something (``A = A^T``,
    ``R^{-1} = R^T``), read; None for anything else."""
    sides = math.split("=")
    if len(sides) != 2 or not TRANSPOSE.search(math):
        return None
    try:
        left, right = (parse_math(side.strip(), macros) for side in sides)
    except (ParseFailure, RecursionError):
        return None
    return left, right


def _math_statement(math: str, macros) -> set[str]:
    """The matrix of ``A = A^T`` or ``A^\\top = A`` (one symbol equal to its own transpose)."""
    read = transposing_sides(math, macros)
    if read is None:
        return set()
    left, right = read
    for plain, transposed in ((left, right), (right, left)):
        if isinstance(plain, n.Sym) and isinstance(transposed, n.Transpose) \
                and isinstance(transposed.inner, n.Sym) and n.structure(transposed.inner) == n.structure(plain):
            return {plain.key}
    return set()


def sentence_tokens(sentence: str, size: re.Pattern | None = None) -> list[tuple[str, str]]:
    """A sentence as ("math", text), ("word", text) and ("comma", ","); with ``size``, math that matches
    it (the $n \\times n$ between the names and the keyword) is the word "sized"."""
    tokens = []
    for match in _TOKEN.finditer(sentence):
        math = match.group("math") or match.group("paren")
        if math and size is not None and size.match(math):
            tokens.append(("word", "sized"))
        elif math:
            tokens.append(("math", math))
        elif match.group("word"):
            tokens.append(("word", match.group("word")))
        else:
            tokens.append(("comma", ","))
    return tokens


def matrices_beside(tokens: list, start: int, step: int, fillers: set[str], macros) -> set[str]:
    """The matrices of the math next to tokens[start] (see independence.math_beside); declared.py reads
    its statements with it too."""
    def read(text: str) -> tuple[set[str]] | None:
        found = _matrices(text, macros)
        return None if found is None else (found,)
    (keys,) = math_beside(tokens, start, step, fillers, read, 1)
    return keys


def sentence_matrices(sentence: str, macros=None) -> set[str]:
    """The keys of the matrices one sentence of prose states symmetric (inline math in $...$ or \\(...\\))."""
    if not states(sentence, _NOT_STATED):
        return set()
    return keys_stated(sentence_tokens(sentence), _KEYWORD, lambda text: _math_statement(text, macros),
                       _BEFORE, _AFTER, macros)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of symmetric matrices in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase ("where $A$ is symmetric"), and may explain the
    display above it."""
    return statements(lines, lambda sentence: bool(_KEYWORD.search(sentence) or TRANSPOSE.search(sentence)),
                      lambda sentence: sentence_matrices(sentence, macros))


# The reading of a statement in prose, shared by the kinds of letters it may state (symmetric here,
# matrices in declared.py, complex numbers in complexes.py).

def states(sentence: str, negation: re.Pattern) -> bool:
    """Whether ``sentence`` may state something: its words, the math taken out, say nothing that
    ``negation`` finds ("not", "unless", "skew")."""
    return not negation.search(re.sub(r"\$[^$]*\$|\\\(.+?\\\)", " ", sentence))


def keys_stated(tokens: list[tuple[str, str]], keyword: re.Pattern, read_math: Callable[[str], set[str]],
                before: set[str], after: set[str], macros, after_first: bool = False) -> set[str]:
    """The keys a sentence (as sentence_tokens) states: those its inline math states by itself
    (``read_math``), and the letters next to a keyword, across the filler words ``before`` it ("$A$ and
    $B$ are symmetric") or ``after`` it ("symmetric positive definite $A$"), the nearer side first
    (before it, or after it with ``after_first``)."""
    keys: set[str] = set()
    for k, (kind, text) in enumerate(tokens):
        if kind == "math":
            keys |= read_math(text)
        elif kind == "word" and keyword.fullmatch(text.rstrip(".")):
            sides = [(k - 1, -1, before), (k + 1, 1, after)]
            if after_first:
                sides.reverse()
            keys |= matrices_beside(tokens, *sides[0], macros) or matrices_beside(tokens, *sides[1], macros)
    return keys


def statements(lines: tuple[str, ...] | list[str], wanted: Callable[[str], bool],
               read: Callable[[str], set[str]]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that may state something
    (``wanted``, a cheap test) and names keys (``read``); ``continues``: the sentence opens in
    lowercase, and may explain the display above it."""
    out = []
    for line, sentence in prose_sentences(lines):
        if wanted(sentence):
            keys = read(sentence)
            if keys:
                out.append((line, frozenset(keys), sentence.lstrip()[:1].islower()))
    return out
