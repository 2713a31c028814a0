"""A term's values at the sampled points, cached per node: how a term is matched to a term of
another line (a kept term, a twin, the value a line lacks) without reading what it means.
"""
from __future__ import annotations

import random

from lintmath.diagnose.edits import Context
from lintmath.parse import nodes as n


def _term_values(ctx: Context, node: n.Node) -> tuple[complex, ...] | None:
    """The values of one term (each entry, at three points shared by all terms), cached per node."""
    from lintmath import linalg
    from lintmath.comparator import _sample, evaluate

    if id(node) in ctx.values:
        return ctx.values[id(node)]
    out: tuple[complex, ...] | None = None
    if ctx.quick is not None and not any(isinstance(x, (n.Integral, n.Limit, n.BigOp, n.Unsupported))
                                         for x in node.walk()):
        try:
            expr = ctx.quick._lower(ctx.comparator.instances(ctx.reading)[0], node)
            entries = linalg.entries(expr)[1]
            symbols = sorted(set().union(*(getattr(e, "free_symbols", set()) for e in entries)),
                             key=lambda x: x.name)
            values = []
            rngs = {x: random.Random(f"twin:{x.name}") for x in symbols}  # the same points for every term
            for attempt in (1, 2, 3):
                point = {x: _sample(rngs[x], attempt) for x in symbols}
                values.extend(evaluate(e, point, complex_ok=True) for e in entries)
            if all(v is not None for v in values):
                out = tuple(complex(v) for v in values)
        except Exception:  # a term that cannot stand alone (a bound index) has no twin
            out = None
    ctx.values[id(node)] = out
    return out


def _signed_values(ctx: Context, term: n.Term) -> tuple[complex, ...] | None:
    values = _term_values(ctx, term.node)
    return values if values is None or term.sign == "+" else tuple(-x for x in values)


def _equal_values(a: tuple[complex, ...] | None, b: tuple[complex, ...] | None) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    return all(abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y)) for x, y in zip(a, b))
