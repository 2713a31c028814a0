"""Differentials outside integrals and derivatives: ``\\mathrm{d}(xy) = x\\,\\mathrm{d}y + y\\,\\mathrm{d}x``,
``\\sum_a p_a\\,dq_a``, and a plain ``d`` that may write one (``d(uv) = u\\,dv + v\\,du``) or be a quantity
(``2d``). The parser reads ``\\mathrm{d}x``; here a step's differentials learn which letters they are taken
by (the lowering writes d of an expression as its partial derivatives times those letters'
differentials), and the shapes the checker does not decide are named."""
from __future__ import annotations

import re
from dataclasses import replace

from lintmath.parse import nodes as n
from lintmath.parse.parser import LOOSE_DIFFERENTIAL
from lintmath.parse.tokens import ParseFailure

DIFFERENTIALS = "differentials (dx, d(uv)) outside an integral or a derivative are not decided yet"


# a d set off by a space (c\,\sin x + d\,\cos x) is a coefficient: a differential hugs its argument
SPACED_D = re.compile(r"(?<![a-zA-Z\\])d\s*(?:\\[,;:> ]|~)")


def _plain_d(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base == "d" and not (node.style or node.indices or node.labels
                                                                 or node.primes or node.sup_letter)


def loose_differentials(*trees: n.Node) -> bool:
    """Whether the letter d writes the differential of an expression outside an integral or a
    derivative (``d(uv) = u\\,dv + v\\,du``, ``d\\ln x = dx/x``): every d of the step stands right before
    what it applies to, none is a quantity (``d^2``, ``2d``, ``d + 1``), and one applies to more than a
    letter or the two sides take d of different letters (``df = f_x\\,dx + f_y\\,dy``). Read as
    products, ``d(x^2) = 2x\\,dx`` "differs" and ``x\\,dy = y\\,dx`` "holds"; ``dx`` beside ``dx`` alone
    is a product that changes nothing (``(1 + dx)^2``)."""
    compound = False
    placed: set[int] = set()  # the d's whose place in a product or an application is known
    letters: list[set[str]] = []  # per side, the letters a d stands before
    for tree in trees:
        letters.append(set())
        for node in tree.walk():
            if isinstance(node, n.Apply) and _plain_d(node.func):
                placed.add(id(node.func))
                compound |= not (len(node.args) == 1 and isinstance(node.args[0], n.Sym))
            elif isinstance(node, n.Mul):
                for k, factor in enumerate(node.factors):
                    if not _plain_d(factor):
                        continue
                    placed.add(id(factor))
                    implicit = k + 1 < len(node.factors) and (k >= len(node.ops) or node.ops[k] == "")
                    if not implicit:
                        return False  # 2d, d \cdot x: a quantity
                    operand = node.factors[k + 1]
                    compound |= not isinstance(operand, n.Sym)
                    if isinstance(operand, n.Sym):
                        letters[-1].add(operand.base)
    differing = any(side != letters[0] for side in letters[1:])
    return (compound or differing) and all(id(x) in placed for tree in trees for x in tree.walk() if _plain_d(x))


# a letter d that may write a differential (see loose_differentials): alone (d(uv)) or before a letter
# (x\,dy, \mu\,dt + \sigma\,dW_t). Read so, a step that holds as forms holds as products too (dx is d times
# x there), and one that differs as forms is not refuted (has_plain_differentials)
PLAIN_D = re.compile(r"(?<![a-zA-Z\\])d")


def plain_differentials(tree: n.Node) -> n.Node:
    """The d's that loose_differentials found writing differentials, as differentials: ``d(uv)`` (an
    application of d) and ``d`` right before a factor (``x\\,dy``, ``d\\ln x``)."""
    def visit(node: n.Node) -> n.Node:
        if isinstance(node, n.Apply) and _plain_d(node.func) and len(node.args) == 1:
            return n.Differential(node.start, node.end, n.Paren(node.args[0].start, node.end, node.args[0]),
                                  plain=True)
        if not isinstance(node, n.Mul) or not any(_plain_d(f) for f in node.factors):
            return node
        factors, ops = [node.factors[0]], []
        k = 1
        while k <= len(node.factors):
            last = factors[-1]
            if _plain_d(last) and k < len(node.factors):
                operand = node.factors[k]
                if k + 1 < len(node.factors) and (k >= len(node.ops) or node.ops[k] == ""):
                    raise ValueError("a factor after the differential's letter")
                factors[-1] = n.Differential(last.start, operand.end, operand, plain=True)
            elif k < len(node.factors):
                factors.append(node.factors[k])
                ops.append(node.ops[k - 1] if k - 1 < len(node.ops) else "")
            k += 1
        if len(factors) == 1:
            return factors[0]
        return replace(node, factors=tuple(factors), ops=tuple(ops))
    return n.map_nodes(tree, visit)


# the nodes through which a differential stays linear in the dx's: a sum, a product, a numerator
_LINEAR_PLACES = (n.Add, n.Term, n.Mul, n.Paren)


def has_plain_differentials(*trees: n.Node) -> bool:
    """Whether a letter d writes a differential: verified as one, but d may be a quantity (d(x^2) = x\\,dx
    holds as products), so sides that differ as differentials are no refutation."""
    return any(isinstance(x, n.Differential) and x.plain for t in trees for x in t.walk())


def has_differentials(*trees: n.Node) -> bool:
    return any(isinstance(x, n.Differential) for t in trees for x in t.walk())


def _bare_differential(node: n.Differential) -> n.Sym | None:
    """The letter of ``dx`` (or ``d(x)``), None for the differential of an expression."""
    operand = node.operand.inner if isinstance(node.operand, n.Paren) else node.operand
    return operand if isinstance(operand, n.Sym) else None


def bare_differentials_only(*trees: n.Node) -> bool:
    """Whether every differential of the step is of a letter (dx, dW_t), none of an expression."""
    return all(_bare_differential(x) is not None for t in trees for x in t.walk() if isinstance(x, n.Differential))


def _linear_places(node: n.Node) -> bool:
    """Whether every differential under ``node`` enters it linearly: ``x\\,dy + y\\,dx``, ``dx/x``, but not
    ``f(x + dx)`` (a first-order expansion, true only up to dx^2), ``dx\\,dy`` (an area element) or ``1/dx``."""
    if isinstance(node, n.Differential):
        return not has_differentials(node.operand)
    if not has_differentials(node):
        return True
    if isinstance(node, n.Mul):
        return sum(has_differentials(f) for f in node.factors) == 1 and all(_linear_places(f) for f in node.factors)
    if isinstance(node, n.Div):
        return not has_differentials(node.den) and _linear_places(node.num)
    if isinstance(node, n.BigOp):
        # a finite sum of forms is a form (\sum_i p_i\,dq_i); a product or a max of them is not
        return node.kind == "sum" and not any(has_differentials(x) for x in (node.lo, node.hi, *node.exclude)
                                              if x is not None) and _linear_places(node.body)
    if isinstance(node, _LINEAR_PLACES):
        return all(_linear_places(c) for c in node.children())
    return False


def differential_reading(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """Give each differential of the step the letters it differentiates by: those whose differentials
    the step writes (dx, dy); in a step that writes none (d(xy) = d(yx)), every letter of the
    expressions differentiated. A differential in any other place than a linear one is not read."""
    found = [x for t in (left, right) for x in t.walk() if isinstance(x, n.Differential)]
    if not found:
        return left, right
    if not (_linear_places(left) and _linear_places(right)):
        raise ParseFailure(LOOSE_DIFFERENTIAL)
    letters = {n.structure(s): s for s in map(_bare_differential, found) if s is not None}
    if not letters:
        for d in found:
            letters.update(operand_letters(d))
    bound = {v for t in (left, right) for x in t.walk() if isinstance(x, n.BigOp) for v in (x.var, *x.extra_vars)}
    if any(_bare_differential(d) is None for d in found) and any(_indexed_by(s, bound) for s in letters.values()):
        # d(\sum_i p_i q_i) differentiates by every p_i, which one letter p_i with a free i cannot say
        raise ParseFailure(LOOSE_DIFFERENTIAL)
    wrt = frozenset(letters.values())
    return differentiated_by(left, wrt), differentiated_by(right, wrt)


def _indexed_by(sym: n.Sym, names: set[str]) -> bool:
    return any(isinstance(x, n.Sym) and x.base in names for index in sym.indices for x in index.walk())


def operand_letters(d: n.Differential) -> dict:
    """The letters the expression a differential is taken of depends on (indices and bound names
    left out), by structure."""
    skip = n.non_quantities(d.operand)
    return {n.structure(x): x for x in d.operand.walk() if isinstance(x, n.Sym) and id(x) not in skip}


def differentiated_by(tree: n.Node, wrt: frozenset) -> n.Node:
    """``tree`` with each differential in it taken by the letters ``wrt``."""
    return n.rebuild(tree, lambda x: replace(x, wrt=wrt, operand=differentiated_by(x.operand, wrt))
                     if isinstance(x, n.Differential) else None)


def differential_gap(left: n.Node, right: n.Node) -> str:
    """Why a step of differentials cannot be decided from its two sides: a differential on one side only
    (d(x^2) = 2x is d/dx written loosely), or dU on one side that the other does not carry, written or
    within the differential of an expression (dU = T\\,dS - p\\,dV: it depends on what U is)."""
    sides = [[x for x in t.walk() if isinstance(x, n.Differential)] for t in (left, right)]
    if not sides[0] or not sides[1]:
        return "a differential on one side only is not decided"
    carried = []
    for found in sides:
        carried.append({key for d in found for key in operand_letters(d)})
    for found, other in ((sides[0], carried[1]), (sides[1], carried[0])):
        for d in found:
            letter = _bare_differential(d)
            if letter is not None and n.structure(letter) not in other:
                return f"depends on what {letter.base} is"
    return ""
