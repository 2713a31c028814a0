"""Lists in brackets as vectors: ``(1, 2, 3) \\cdot (4, 5, 6)``, ``2(1, -1, 0)``, ``\\langle 3, 4\\rangle``.

A list is read as a column vector only where the step uses it as one (see sides.parse_step); these
are the predicates on the parsed trees that say where that holds and where another reading (an inner
product ``(u, v)``, an interval, a gcd ``(12, 6)``, a permutation cycle ``(1, 2)(2, 3)``) is as likely,
so that a difference found under the vector reading is not a refutation.
"""
from __future__ import annotations

from typing import Mapping

from lintmath.cartesian import VECTOR_STYLES
from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure


def unread_list(failure: ParseFailure) -> bool:
    """Whether parsing stopped at a comma inside round or angle brackets: (1, 2, 3) or \\langle 1, 2, 3\\rangle."""
    reason = str(failure.args[0]) if failure.args else ""
    return reason.startswith("a list in brackets ((") or reason == "expected '\\\\rangle', found ','"


# Where a vector written as a list may stand: what a vector is combined with there is a vector operation
# (under an inner product too, which lists_in_inner_product only lets verify)
_VECTOR_PLACES = (n.Add, n.Term, n.Mul, n.Norm, n.Paren, n.Transpose, n.Inner, n.Deriv)


def lists_used_as_vectors(node: n.Node, parent: n.Node | None = None) -> bool:
    """Whether every list in ``node`` stands where a vector may (_VECTOR_PLACES, or over a fraction bar)."""
    if isinstance(node, n.MatrixLit) and node.listed:
        if parent is not None and not (isinstance(parent, _VECTOR_PLACES) or
                                       isinstance(parent, n.Div) and parent.num is node):
            return False
    return all(lists_used_as_vectors(child, node) for child in node.children())


def has_ambiguous_pair(*trees: n.Node) -> bool:
    """Whether a pair in round brackets may be no vector: (u, v) with letters is an inner product in
    functional-analysis notes, (1, 2) under a minus sign an interval (-(1,2) = (-2,-1)). Such a step is
    verified where the vector reading holds and never refuted by it. With a \\nabla the pairs are
    the components of a field; a pair right under a norm, \\|(x, y)\\|, is a vector."""
    pairs = [x for tree in trees for x in tree.walk()
             if isinstance(x, n.MatrixLit) and x.listed == "(" and len(x.rows) == 2]
    if not pairs or any(isinstance(x, n.Del) for tree in trees for x in tree.walk()):
        return False
    normed = {id(x.inner) for tree in trees for x in tree.walk() if isinstance(x, n.Norm)}
    if any(id(x) not in normed and not n.letter_free(row[0]) for x in pairs for row in x.rows):
        return True
    ids = {id(x) for x in pairs}
    return any(isinstance(x, n.Term) and x.sign == "-" and any(id(p) in ids for p in x.node.walk())
               for tree in trees for x in tree.walk())


def lists_in_inner_product(*trees: n.Node) -> bool:
    """Whether a list stands inside ``\\langle , \\rangle``: read as the dot product of the two
    vectors, which is one inner product among those exercises define (Axler's \\langle (w_1, w_2), (z_1,
    z_2)\\rangle = w_1z_1 + 2w_2z_2). Such a step is verified where the dot product holds and never
    refuted by it."""
    return any(isinstance(x, n.Inner) and any(isinstance(c, n.MatrixLit) and c.listed for c in x.walk())
               for tree in trees for x in tree.walk())


def lists_only_compared(*trees: n.Node) -> bool:
    """Whether both sides are lists, nothing done to them: (12, 6) = (6, 0) is Euclid's gcd,
    (1,2,3) = (2,3,1) a cycle, as much as a pair of vectors. Such a step is never refuted (a list
    against a gradient, \\nabla f = (2x, 2y), is a vector: one side only)."""
    roots = [tree.inner if isinstance(tree, n.Paren) else tree for tree in trees]
    if all(isinstance(root, n.MatrixLit) and root.listed == "\\langle" for root in roots) \
            and all(n.letter_free(row[0]) for root in roots for row in root.rows) \
            and any(not isinstance(row[0], n.Num) for root in roots for row in root.rows):
        # \langle 4 + 9, 1 + 12 \rangle = \langle 13, 13 \rangle: the components of a vector worked out, as
        # calculus notes write them; angle brackets are no gcd, cycle or point. The generators of an
        # ideal of the integers (\langle 12, 18 \rangle = \langle 6, 0 \rangle) are plain numbers: those
        # stay undecided
        return False
    return all(isinstance(root, n.MatrixLit) and root.listed for root in roots) and not any(
        isinstance(x, n.Del) or isinstance(x, n.MatrixLit) and x.listed and all(x is not root for root in roots)
        for tree in trees for x in tree.walk())


def may_be_cycles(*trees: n.Node) -> bool:
    """Whether the lists may be permutation cycles, as group theory writes them: distinct positive
    integers, only multiplied together or compared ((1,2)(2,3), (1,2,3) = (2,3,1)), and a side
    without a list the identity (1, e or a letter). Such a step is never refuted by the vector reading."""
    lists = [x for tree in trees for x in tree.walk() if isinstance(x, n.MatrixLit) and x.listed]
    if not lists or not all(_distinct_positive(x) for x in lists) \
            or any(isinstance(x, n.Del) for tree in trees for x in tree.walk()):
        return False
    ids = {id(x) for x in lists}
    for tree in trees:
        if not any(id(x) in ids for x in tree.walk()):
            if not (isinstance(tree, n.Num) and tree.value == "1" or isinstance(tree, (n.Sym, n.Const))):
                return False
        elif not _lists_as_cycles(tree):
            return False
    return True


def _distinct_positive(listed: n.MatrixLit) -> bool:
    entries = [row[0].value if isinstance(row[0], n.Num) else "" for row in listed.rows]
    return all(e.isdigit() and e != "0" for e in entries) and len(set(entries)) == len(entries)


def _lists_as_cycles(node: n.Node) -> bool:
    """Whether every list in ``node`` stands alone or in a product of lists alone (no \\times)."""
    if isinstance(node, n.Paren):
        return _lists_as_cycles(node.inner)
    if isinstance(node, n.MatrixLit) and node.listed:
        return True
    if isinstance(node, n.Mul) and "\\times" not in node.ops:
        return all(_lists_as_cycles(f) for f in node.factors)
    return False


def defined_vector(lhs: n.Node, text: str, macros: Mapping[str, Macro], failure: ParseFailure) -> n.Node:
    """The value of a definition whose whole right side is a list, read as a column vector, where the
    name says it is one: ``\\mathbf{r}(t) = (a\\cos t, a\\sin t, bt)``, ``\\vec u = (1, 2, 3)``, or a
    plain name of a parameter its components depend on, ``\\gamma(t) = (\\cos t, \\sin t)`` (a curve, a
    surface x(u, v)). ``I = (0, 1)`` is as much an interval and ``p = (a, b)`` a point: ``failure``
    stands for those, as it does for a list inside a larger value."""
    if not unread_list(failure):
        raise failure
    head = lhs.func if isinstance(lhs, n.Apply) else lhs
    styled = isinstance(head, n.Sym) and bool(VECTOR_STYLES & set(head.style.split("+")))
    params = {a.key for a in lhs.args if isinstance(a, n.Sym)} if isinstance(lhs, n.Apply) else set()
    try:
        value = parse_math(text, macros, tuples=True)
    except (ParseFailure, RecursionError):
        raise failure from None
    if not (isinstance(value, n.MatrixLit) and value.listed and len(value.rows) in (2, 3)):
        raise failure
    if any(isinstance(x, n.MatrixLit) for row in value.rows for x in row[0].walk()):
        raise failure
    moving = bool(params) and any(isinstance(x, n.Sym) and x.key in params for row in value.rows
                                  for x in row[0].walk())
    if not (styled or moving):
        raise failure
    return value
