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
        sides = [lowerer.lower(side) for eq in every for side in eq.sides]
    except Exception:  # noqa: BLE001 - rows not read as numbers are not compared
        return None
    if not all(isinstance(e, sp.Expr) and not isinstance(e, sp.MatrixBase) for e in sides):
        return None
    sides, _ = equations.as_symbols(*sides)
    differences = [left - right for left, right in zip(sides[::2], sides[1::2])]
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
    near = (sides[2:4], sides[2 + 2 * len(others[0]):4 + 2 * len(others[0])])
    # 2x + 1 = 5 over 2x + 1 = -5: the same side with the unknown beside another plain number is no move
    # of solving but another branch (|2x + 1| = 5) or another problem; a side rewritten (2^x = 32 over
    # 2^x = 2^4) still is a move
    if _branches(every[0], sides[:2], [(every[1], near[0]), (every[1 + len(others[0])], near[1])], x):
        return None
    # a row of a solving chain is one move away from a row beside it: it keeps a part with the unknown
    # (3x of 3x + 7 = 22 in 3x = 29, the x + 3 of \log_2(x + 3) = 4), or isolates the unknown (y = 6
    # under 5y = 25). Rows that share none (2x = 6 over x + 4 = 10 over 5x = 15) are separate equations
    # set together - a drill, components compared - whose answers may agree around a row that differs,
    # which is then no slip.
    if x not in sides[:2] and not _parts(sides[:2], x) & (_parts(near[0], x) | _parts(near[1], x)):
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


_NUMERAL = re.compile(r"^\s*-?\s*\d+(?:\.\d+)?\s*$")


def _branches(mine: implication._Equation, sides: list[sp.Expr],
              neighbours: list[tuple[implication._Equation, list[sp.Expr]]], x: sp.Symbol) -> bool:
    """Whether the row and a row beside it write one side with the unknown (up to its sign) equal
    and the other sides as plain numerals (see _odd_row)."""
    def numeral_sides(eq: implication._Equation, pair: list[sp.Expr]) -> list[tuple[sp.Expr, str]]:
        texts = (eq.text[:eq.left_end], eq.text[eq.right:])
        return [(pair[i], texts[1 - i]) for i in (0, 1) if x in pair[i].free_symbols]

    for side, other in numeral_sides(mine, sides):
        if not _NUMERAL.match(other) or side in (x, -x):
            continue  # (-x = -7 over x = 6 is the unknown isolated, not a branch)
        for eq, pair in neighbours:
            if any(_NUMERAL.match(text) and (near - side == 0 or near + side == 0)
                   for near, text in numeral_sides(eq, pair)):
                return True
    return False


def _parts(sides: list[sp.Expr], x: sp.Symbol) -> set[sp.Expr]:
    """The parts of a row's sides (and their factors), and of the difference of its sides expanded, that
    hold the unknown and are more than it (numerators and denominators of quotients among them: 3m of 3m/5,
    which SymPy keeps as a coefficient times m)."""
    import sympy as sp

    out: set[sp.Expr] = set()
    difference = sides[0] - sides[1]
    whole, factors = [*sides, difference], []
    try:  # (the moves of solving: terms taken across, 6z + 2 = 4z - 8 to 2z = -10; a product multiplied out;
        # a factor divided out, 3(x - 2) = 12 to x - 2 = 4, where SymPy reads 3x - 6)
        whole.append(sp.expand(difference))
        factors = [factor for side in sides for factor in sp.Mul.make_args(sp.factor(side))]
    except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
        pass
    for side in whole:
        for part in sp.preorder_traversal(side):
            if isinstance(part, sp.Expr) and x in part.free_symbols:
                out |= {piece for piece in (part, *sp.fraction(sp.together(part)))}
    out |= set(factors)
    return {part for part in out if part != x and x in part.free_symbols}


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
    return Diagnosis(found.kind, start, end, found.term, suggestion, found.detail,
                     f"the rows above and below, which solve to {x} = {implication._shown(shared[0])}")
