"""The shortcuts taken for speed give exactly what the slower forms gave."""
import copy
import random

import sympy as sp

from lintmath.lower import _stand_in
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math


def _evaluated_stand_in(seed: int, name: str, arity: int, given: int) -> sp.Lambda:
    """The stand-in as it was built before: with exp's automatic evaluation."""
    rng = random.Random(f"{seed}:{name}:{arity}:{given}")
    us = sp.symbols(f"u1:{arity + 1}")
    c = [sp.Rational(rng.randint(-9, 9) or 1, rng.randint(3, 9)) for _ in range(3 * arity + 2)]
    lin = sum(c[i] * u for i, u in enumerate(us))
    wave = sum(c[arity + i] * u for i, u in enumerate(us))
    cross = c[-1] * sp.Mul(*us) if arity > 1 else c[-1] * us[0] ** 2 / 3
    return sp.Lambda(us, sp.exp(c[-2] / 2 + lin + sp.sin(wave + 1) / 2 + cross / 4))


def test_stand_in_is_the_evaluated_exp():
    for seed in range(0, 60, 7):
        for name in ("f", "p", "g[1]", "\\phi", "q;0", "h["):
            for arity in (1, 2, 3, 4):
                for given in (-1, 0, 1):
                    fast = _stand_in(seed, name, arity, given)
                    slow = _evaluated_stand_in(seed, name, arity, given)
                    # the same exp of the same exponent (an exp of its own kind: see StandInExp)
                    assert isinstance(fast.expr, sp.exp) and fast.variables == slow.variables
                    assert fast.expr.args == slow.expr.args


def _generator_walk(node: n.Node):
    stack = [node]
    while stack:
        x = stack.pop()
        yield x
        stack.extend(x.children())


def test_walk_keeps_the_order_and_sees_copies():
    tree = parse_math(r"\sum_{i=1}^{n} \frac{a_i x^2}{1 + e^{-w^T x_i}} + \log p(y \mid x) - \|v\|^2")
    expected = list(_generator_walk(tree))
    assert [id(x) for x in tree.walk()] == [id(x) for x in expected]
    assert [id(x) for x in tree.walk()] == [id(x) for x in expected]  # from the kept order
    twin = copy.copy(tree)  # shares __dict__'s contents: the kept order names the original
    assert next(twin.walk()) is twin
    assert [id(x) for x in list(twin.walk())[1:]] == [id(x) for x in expected[1:]]
    inner = tree.terms[0].node
    assert [id(x) for x in inner.walk()] == [id(x) for x in _generator_walk(inner)]
    assert tree == copy.deepcopy(tree) and hash(tree) == hash(copy.deepcopy(tree))


def test_sums_with_and_without_dots_parse_as_before():
    folded = parse_math(r"x_1 + x_2 + \cdots + x_n")
    assert isinstance(folded, n.BigOp) and folded.kind == "sum"
    plain = parse_math(r"a + (b + c) + d_{i+1}")
    assert isinstance(plain, n.Add) and len(plain.terms) == 3
    extremum = parse_math(r"\max\{x_1, \ldots, x_n\}")
    assert any(isinstance(x, n.BigOp) and x.kind == "max" for x in extremum.walk())
    listed = parse_math(r"\max\{a, b, c\}")
    assert not any(isinstance(x, n.BigOp) for x in listed.walk())
