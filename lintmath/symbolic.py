"""SymPy as lintmath uses it: imported, before any expression is built, by the modules that lower and
compare expressions.

SymPy visits the facts of an assumption query (is_positive, is_zero, ...) in a random order, on
purpose, so that its own test suite exposes handlers that disagree. lintmath asks hundreds of
thousands of such queries while building expressions, and a checker must give the same verdict on
every run: the facts are visited in their stored order instead (the answers are the same when the
handlers are consistent, which is SymPy's own premise), which also saves the shuffles, a tenth of a
run's time.
"""
from __future__ import annotations

import importlib

# by module path: ``import sympy.core.assumptions as ...`` would bind the function of that name which
# sympy.core exports, and the patch below would land on it, silently a no-op
_assumptions = importlib.import_module("sympy.core.assumptions")


def _in_order(facts: list) -> None:
    """SymPy's shuffle of the facts to check, as a no-op."""


_assumptions.shuffle = _in_order
