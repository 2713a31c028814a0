"""Rows that solve an equation one under another, without arrows: the odd row out is a slip.

In ``3x + 7 &= 22 \\\\ 3x &= 29 \\\\ x &= 5`` each row states an equation of its own (a condition on x,
not an identity), so no row is refuted by itself. Read together they solve one equation: the row above
the slip and the row below it share the solution x = 5, and 3x = 29 holds at no solution of any row
of the run. Such a row is refuted, as the implication module refutes an arrow into it.

What is not a solving chain keeps its rows unread: a list of roots (``x = 3 \\\\ x = -1``: no row
between two that agree), the factors of a product set to zero (the head of the run has every root),
a system (several letters), a table of values (no letter), rows in different letters. Only rows in
one unknown, each with a complete set of real solutions (see implication._real_roots), are compared.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping

from lintmath.model import Derivation, Diagnosis, Macro, Status, Verdict

if TYPE_CHECKING:  # (the pipeline gathers the rows without the parser and SymPy: a cached run needs neither)
    import sympy as sp

    from lintmath import implication

#: rows of a run taken above and below a row, nearest first
RUN_ROWS = 6
ODD_ROW = ("the rows above and below it solve to {point}, where this row does not hold, and it holds at no "
           "solution of the rows around it: a slip in solving")
# a logarithm without a base: read both as the natural and as the common one
_BARE_LOG = re.compile(r"\\log(?![A-Za-z_])|\\lg(?![A-Za-z])")


def run_rows(derivations: tuple[Derivation, ...], k: int, same_display) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rows (lhs, rhs, ...) above and below derivation ``k``, nearest first, when it is a lone
    equation between lone equations of its display (``same_display(a, b)`` says that ``b`` is the row
    right after ``a``); empty unless it has a row on both sides."""
    def lone(d: Derivation) -> bool:
        return len(d.steps) == 1 and d.steps[0].relation == "="

    if not lone(derivations[k]):
        return (), ()
    above: list[str] = []
    j = k - 1
    while j >= 0 and len(above) < 2 * RUN_ROWS and lone(derivations[j]) and same_display(derivations[j], derivations[j + 1]):
        above += [derivations[j].steps[0].lhs.text, derivations[j].steps[0].rhs.text]
        j -= 1
    below: list[str] = []
    j = k + 1
    while j < len(derivations) and len(below) < 2 * RUN_ROWS and lone(derivations[j]) \
            and same_display(derivations[j - 1], derivations[j]):
        below += [derivations[j].steps[0].lhs.text, derivations[j].steps[0].rhs.text]
        j += 1
    runs = [above, below]
    if not runs[0] or not runs[1]:
        return (), ()
    return tuple(runs[0]), tuple(runs[1])


def odd_row(lhs: str, rhs: str, above: tuple[str, ...], below: tuple[str, ...],
            macros: Mapping[str, Macro]) -> Verdict | None:
    """A refutation of the row ``lhs = rhs`` when it is the odd one out of its run of rows (see the
    module's docstring), under every reading of a logarithm without a base; None otherwise."""
    texts = (lhs, rhs, *above, *below)
    readings = [texts]
    if any(_BARE_LOG.search(t) for t in texts):
        readings.append(tuple(_BARE_LOG.sub(r"\\log_{10}", t) for t in texts))
    found = None
    for reading in readings:
        n_above = len(above)
        verdict = _odd_row(reading[0], reading[1], reading[2:2 + n_above], reading[2 + n_above:], macros)
        if verdict is None:
            return None
        found = found or verdict
    return found


def _odd_row(lhs: str, rhs: str, above: tuple[str, ...], below: tuple[str, ...],
             macros: Mapping[str, Macro]) -> Verdict | None:
    import sympy as sp

    from lintmath import equations, implication
    from lintmath.lower import Instance, Lowerer, classify_letters
    rows = [implication._equations(f"{left}={right}", macros)
            for left, right in ((lhs, rhs), *zip(above[::2], above[1::2]), *zip(below[::2], below[1::2]))]
    if any(len(r) != 1 for r in rows[:1]):
        return None
    # the run ends at the first row that is not one plain equation (a condition, a pair of signs)
    mine, others = rows[0][0], []
    for part in (rows[1:1 + len(above) // 2], rows[1 + len(above) // 2:]):
        run = []
        for r in part:
            if len(r) != 1:
                break
            run.append(r[0])
        others.append(run)
    if not others[0] or not others[1]:
        return None
    every = [mine, *others[0], *others[1]]
    if all(_bare_value(eq) for eq in every):
        return None  # x = 3, x = -1, x = 3: roots listed, no equation being solved
    if len({implication._in_degrees(eq) for eq in every}) > 1:
        return None  # 3\theta = 90 beside \theta = 30^\circ: the unit is not decided
    try:
        trees = [side for eq in every for side in eq.sides]
        letters = classify_letters(*trees)
        if letters.vectors or letters.matrices or letters.candidates or letters.kets:
            return None
        lowerer = Lowerer(Instance(3, {}, {}), letters)
        differences = [lowerer.lower(eq.sides[0]) - lowerer.lower(eq.sides[1]) for eq in every]
    except Exception:  # noqa: BLE001 - rows not read as numbers are not compared
        return None
    if not all(isinstance(e, sp.Expr) and not isinstance(e, sp.MatrixBase) for e in differences):
        return None
    differences, _ = equations.as_symbols(*differences)
    a, rest = differences[0], differences[1:]
    if len(a.free_symbols) != 1:
        return None
    x = next(iter(a.free_symbols))
    # the run in the one letter: it ends at a row in other letters (the next equation of a system)
    cut = [len(others[0]), len(others[1])]
    runs: list[list[sp.Expr]] = [[], []]
    for side, part in ((0, rest[:cut[0]]), (1, rest[cut[0]:])):
        for e in part:
            if e.free_symbols != {x}:
                break
            runs[side].append(e)
    if a.free_symbols != {x} or not runs[0] or not runs[1]:
        return None
    try:
        roots = [implication._real_roots(e, x) for e in (*runs[0], *runs[1])]
    except (TypeError, ValueError, ZeroDivisionError, sp.PolynomialError, NotImplementedError):
        return None
    if any(r is None for r in roots):
        return None  # a row whose solutions are not all known may share one with this row
    above_roots, below_roots = roots[0], roots[len(runs[0])]
    shared = [r for r in above_roots if any(abs(complex(r - s)) < implication._CLOSE for s in below_roots)]
    if not shared:
        return None  # the rows beside it do not agree: a list of roots, separate equations
    for r in (r for found in roots for r in found):
        value = implication._value(a, x, r)
        if value is None or abs(value) < implication._CLOSE:
            return None  # this row holds (or is undefined) at a root of its run
    places = implication._decimal_places(" ".join((lhs, rhs, *above, *below)))
    mine_roots = implication._real_roots(a, x) if places else []
    if places and (mine_roots is None or any(abs(complex(r - s)) < 10 ** -places for r in shared for s in mine_roots)):
        return None  # x = 3.33 between rows that solve to 10/3: a rounded root
    if any(implication._whole_rounding(r, s) for r in shared for s in mine_roots or ()):
        return None
    point = ((str(x), implication._shown(shared[0])),)
    reason = ODD_ROW.format(point=f"{x} = {implication._shown(shared[0])}")
    return Verdict(Status.REFUTED, reason, counterexample=point, diagnosis=_slip(mine, a, x, shared))


def _bare_value(eq: implication._Equation) -> bool:
    """Whether the equation only gives a letter a value of numbers (``x = 3``, ``-1 = x``)."""
    from lintmath.parse import nodes as n

    left, right = eq.sides
    return any(isinstance(a, n.Sym) and n.letter_free(b) for a, b in ((left, right), (right, left)))


def _slip(mine: implication._Equation, a: sp.Expr, x: sp.Symbol, shared: list[sp.Expr]) -> Diagnosis | None:
    """The implication module's number slip (``29`` should be ``15``), as an edit of the row's right
    side; None when the number to change stands on the left."""
    from lintmath import implication

    found = implication._number_slip(mine, a, x, shared)
    if found is None or found.start < mine.right:
        return None
    rhs = mine.text[mine.right:]
    start, end = found.start - mine.right, found.end - mine.right
    shown = found.detail.rsplit("`", 2)[-2]
    suggestion = " ".join((rhs[:start] + shown + rhs[end:]).split())
    return Diagnosis(found.kind, start, end, found.term, suggestion,
                     f"{found.detail} (the rows above and below solve to {x} = {implication._shown(shared[0])})")
