"""Brackets ``[A, B]`` read as commutators AB - BA, with every letter of the step a generic matrix.

Physics notes write commutators of operators ([L_x, L^2], [H, S]) and expand them by linearity, the
product rule [A, BC] = B[A, C] + [A, B]C and the Jacobi identity, which hold for any operators, so for
random matrices. A step that fails with generic matrices may still hold for the operators the prose
means ([x, p] = i\\hbar, Poisson brackets of commuting functions) or for an interval [a, b]: the reading
only verifies.
"""
from __future__ import annotations

from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure

DIFFER = "differs with the brackets read as commutators of generic matrices; for the operators of the " \
    "prose ([x, p] = i\\hbar) or as intervals it may hold: not decided"


def unread(failure: ParseFailure) -> bool:
    """Whether parsing stopped at a comma inside square brackets: [A, B]."""
    reason = str(failure.args[0]) if failure.args else ""
    return reason.startswith("a list in brackets ([")


def readable(*trees: n.Node) -> bool:
    """Whether every bracket holds a letter on each side (not an interval of numbers, [0, 1]) and the
    step has no integral, sum or optimisation, over which a bracket is more often a range than an
    operator, nor a letter in an exponent or under a function (e^{B}, \\exp(tA)): a function of a
    random symbolic matrix takes longer than a step's budget, and BCH-like series are seldom equal
    term by term."""
    found = False
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, (n.Integral, n.BigOp, n.Optimum)):
                return False
            if isinstance(node, n.Pow) and not n.letter_free(node.exp) or \
                    isinstance(node, n.Func) and node.name in n.ENTRYWISE_FUNCTIONS:
                return False
            if isinstance(node, n.Func) and node.name == n.COMMUTATOR:
                found = True
                if any(n.letter_free(arg) for arg in node.args):
                    return False
    return found


def operator_letters(*trees: n.Node) -> frozenset[str]:
    """The keys of the step's letters, each an operator in this reading (constants too: a λ that
    commutes with everything is a special operator, which the generic reading does not assume)."""
    return frozenset(x.key for tree in trees for x in tree.walk() if isinstance(x, n.Sym))

