"""lintmath.symbolic: SymPy's assumption queries visit their facts in a fixed order."""
from __future__ import annotations

import sys

import sympy

import lintmath.symbolic  # noqa: F401 (the setting under test)


def test_the_query_engine_itself_no_longer_shuffles():
    # the module SymPy's _ask reads its shuffle from, not the function sympy.core exports by that name
    ask = sys.modules["sympy.core.assumptions"]._ask
    assert ask.__globals__["shuffle"] is lintmath.symbolic._in_order


def test_queries_answer_the_same_in_order():
    x = sympy.Symbol("x", positive=True)
    y = sympy.Symbol("y", negative=True)
    assert (x * y).is_negative and (x - y).is_positive and (x * y).is_zero is False
