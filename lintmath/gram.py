"""Tall and wide matrices, read from a Gram matrix's inverse.

lintmath's random matrices are square, and a square invertible X makes the hat matrix
X(X^T X)^{-1}X^T the identity: X(X^T X)^{-1}X^T = I, and any slip that a projection hides, would be
verified. Nobody writes (X^T X)^{-1} for a square X (it is X^{-1}X^{-T}); regression, econometrics and
numerical linear algebra write it for a design matrix with more rows than columns (n x p, full column
rank). So a letter seen as X in (X^T X)^{-1} is read tall, and one seen as X in (X X^T)^{-1} wide
(p x n, full row rank); the vectors it multiplies get p entries (see short_vectors), every other
vector and matrix keeps the n of the step. A letter seen both ways is left square. A regularized inverse
(X^T X + \\lambda I)^{-1} marks nothing: ridge regression is written for any shape of X.
"""
from __future__ import annotations

from lintmath.parse import nodes as n

TALL, WIDE = "tall", "wide"


def _unwrapped(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren) and node.delim == "(":
        node = node.inner
    return node


def _applied(node: n.Node) -> tuple[n.Node, n.Node] | None:
    """(head, argument) of X(X^T X) written as an application that may be a product; else None."""
    if isinstance(node, n.Apply) and node.maybe_product and len(node.args) == 1:
        return node.func, node.args[0]
    return None


def _inverse_of(node: n.Node) -> n.Node | None:
    """What B^{-1} inverts; X(X^T X)^{-1} is parsed as a power of an application, whose exponent
    belongs to the bracket when it is read as a product (see Lowerer.lower_Pow)."""
    if not isinstance(node, n.Pow) or not _is_minus_one(node.exp):
        return None
    applied = _applied(node.base)
    return applied[1] if applied is not None else node.base


def _is_minus_one(node: n.Node) -> bool:
    return isinstance(node, n.Add) and len(node.terms) == 1 and node.terms[0].sign == "-" \
        and isinstance(node.terms[0].node, n.Num) and node.terms[0].node.value == "1"


def _gram(node: n.Node, matrices: frozenset[str]) -> tuple[str, str] | None:
    """(key, TALL) for X^T X, (key, WIDE) for X X^T, of a matrix letter X written plain; else None."""
    node = _unwrapped(node)
    if not isinstance(node, n.Mul) or len(node.factors) != 2 or any(op not in ("", "\\cdot") for op in node.ops):
        return None
    first, second = node.factors
    for transposed, plain, kind in ((first, second, TALL), (second, first, WIDE)):
        if isinstance(transposed, n.Transpose) and isinstance(transposed.inner, n.Sym) \
                and isinstance(plain, n.Sym) and n.structure(transposed.inner) == n.structure(plain) \
                and plain.key in matrices and not plain.indices and not plain.labels and not plain.primes:
            return plain.key, kind
    return None


def gram_inverses(trees, matrices: frozenset[str], given: tuple | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of the matrix letters read tall and wide (see the module's docstring). ``given``: the trees
    whose square signs (X^{-1}, \\det X) make a letter square; by default all of ``trees``. A step's left
    side is what it starts from, so X^{-1} written there says X is square; written only on its right,
    as in (X^T X)^{-1}X^T y = X^{-1}y, it is the step's own claim, the classic slip for a design matrix
    with more rows than columns, and X stays tall: the step then holds only where X is square."""
    tall: set[str] = set()
    wide: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            inverted = _inverse_of(node)
            if inverted is not None:
                found = _gram(inverted, matrices)
                if found is not None:
                    (tall if found[1] == TALL else wide).add(found[0])
    both = tall & wide
    square = _written_square(trees)
    if given is not None:
        # a letter the left side writes only inside its Gram inverse, as v^T(RR^T)^{-1}v = v^T R^{-T}R^{-1}v
        # of a Cholesky factor does, is a factor whose shape the step leaves to the right side's R^{-1}:
        # square. One it also applies to data there ((X^T X)^{-1}X^T y) is a design matrix: tall
        square = _written_square(given) | (square - _outside_gram(given, matrices))
    return frozenset(tall - both - square), frozenset(wide - both - square)


def _outside_gram(trees, matrices: frozenset[str]) -> set[str]:
    """The keys of the letters ``trees`` write somewhere other than inside an inverted Gram matrix."""
    inside: dict[str, int] = {}
    everywhere: dict[str, int] = {}
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym):
                everywhere[node.key] = everywhere.get(node.key, 0) + 1
            inverted = _inverse_of(node)
            if inverted is not None and _gram(inverted, matrices) is not None:
                for x in inverted.walk():
                    if isinstance(x, n.Sym):
                        inside[x.key] = inside.get(x.key, 0) + 1
    return {key for key, count in everywhere.items() if count > inside.get(key, 0)}


def _written_square(trees) -> set[str]:
    """The keys of the letters the step itself treats as square: raised to a power (R^{-1}, R^{-T},
    A^2), or taken the determinant, trace or adjugate of. R^{-T}R^{-1} = (R R^T)^{-1} is about a square R."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Pow):
                base = _unwrapped(node.base)
                base = base.inner if isinstance(base, n.Transpose) else base
                if isinstance(base, n.Sym):
                    out.add(base.key)
            elif isinstance(node, n.Func) and node.name in n.MATRIX_FUNCTIONS and len(node.args) == 1:
                arg = _unwrapped(node.args[0])
                if isinstance(arg, n.Sym):
                    out.add(arg.key)
    return out


def _columns_short(node: n.Node, tall: frozenset[str], wide: frozenset[str]) -> bool:
    """Whether a factor has p columns: X tall, W^T of W wide, or a p x p Gram matrix or its inverse."""
    node = _unwrapped(node)
    if isinstance(node, n.Sym):
        return node.key in tall
    if isinstance(node, n.Transpose):
        return isinstance(node.inner, n.Sym) and node.inner.key in wide
    applied = _applied(node)
    if applied is not None:
        return _columns_short(applied[1], tall, wide)  # X(\beta): the columns of the bracket
    inverted = _inverse_of(node)
    if inverted is not None:
        node = _unwrapped(inverted)
    found = _gram(node, tall | wide)
    return found is not None and (found[0] in tall) == (found[1] == TALL)


def _rows_short(node: n.Node, tall: frozenset[str], wide: frozenset[str]) -> bool:
    """Whether a factor has p rows: X^T of X tall, W wide, or a p x p Gram matrix or its inverse."""
    node = _unwrapped(node)
    if isinstance(node, n.Sym):
        return node.key in wide
    if isinstance(node, n.Transpose):
        return isinstance(node.inner, n.Sym) and node.inner.key in tall
    applied = _applied(node)
    if applied is not None and not isinstance(node, n.Pow):
        return _rows_short(applied[0], tall, wide)  # X(X^T X)^{-1}: the rows of the head
    if isinstance(node, n.Pow) and _applied(node.base) is not None:
        return _rows_short(_applied(node.base)[0], tall, wide)
    return _columns_short(node, tall, wide)


def _vector_letters(node: n.Node, vectors: frozenset[str], transposed: bool) -> list[str]:
    """The vector letters a factor is made of: v, (v), (u - v), each transposed or not as asked."""
    node = _unwrapped(node)
    if transposed:
        if isinstance(node, n.Transpose):
            return _vector_letters(node.inner, vectors, False)
        return []
    if isinstance(node, n.Sym):
        return [node.key] if node.key in vectors else []
    if isinstance(node, n.Add):
        return [key for term in node.terms for key in _vector_letters(term.node, vectors, False)]
    return []


def short_vectors(trees, tall: frozenset[str], wide: frozenset[str], vectors: frozenset[str]) -> frozenset[str]:
    """The vector letters (of ``vectors``, keys) with p entries: written right after a factor with p
    columns (X\\beta, (X^T X)^{-1}v), or transposed right before one with p rows (\\beta^T X^T). A letter
    also written where n entries fit then has a shape that fits nowhere, and the step is unverified."""
    if not tall and not wide:
        return frozenset()
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            applied = _applied(node)
            if isinstance(node, n.Mul):
                factors = node.factors
            elif applied is not None:
                factors = applied  # X(\beta - b) read as a product
            elif isinstance(node, n.Pow) and _applied(node.base) is not None:
                head, inner = _applied(node.base)
                factors = (head, n.Pow(node.start, node.end, n.Paren(inner.start, inner.end, inner), node.exp))
            else:
                continue
            for before, after in zip(factors, factors[1:]):
                if _columns_short(before, tall, wide):
                    out.update(_vector_letters(after, vectors, False))
                if _rows_short(after, tall, wide):
                    out.update(_vector_letters(before, vectors, True))
    return frozenset(out)
