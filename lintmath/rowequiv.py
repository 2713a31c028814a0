"""Row reduction written as a chain of matrices: ``[A|b] \\sim [..]``, ``\\xrightarrow{R_2 - 3R_1}``, ``\\to``.

Between two written matrices of numbers of one shape, such a step claims that the right one is reached
from the left by elementary row operations: that both have one reduced row echelon form. That is decided
exactly (rational entries, SymPy's rref).

The relation says more or less what is meant, and so what may be concluded:

* marked with a row operation (``row~``, see relations.ROW_EQUIVALENT), or between augmented matrices
  (``\\begin{array}{cc|c}``): row equivalence is the only reading. Verified when the forms agree,
  refuted when they differ.
* a bare ``\\sim`` or arrow between plain matrices may also say "similar" (``A \\sim D`` with D diagonal)
  or "equivalent" (``PAQ``). Row equivalence verifies only where the step does not look like a
  diagonalisation (a square matrix led to one in Jordan form other than the identity) and looks like a
  row operation (one round of elimination, or a row of the left matrix kept). A bare ``\\sim`` is
  refuted only where the ranks differ, which every reading (row, column, two-sided equivalence,
  similarity) keeps. A bare arrow may be a map (``A \\mapsto`` its diagonal part) and is never
  refuted; vectors are left alone under both.

Anything else (letters among the entries, different shapes, no written matrix) is left to the caller:
``check`` returns None.
"""
from __future__ import annotations

import itertools
import re
from typing import Mapping

import sympy as sp

from lintmath.lower import Instance, Lowerer
from lintmath.model import Macro, Status, Verdict
from lintmath.relations import ROW_EQUIVALENT

#: the relations a row reduction is written with (a row operation's mark, \sim, an arrow)
RELATIONS = frozenset({ROW_EQUIVALENT, "~", "->"})

SAME_FORM = "the two matrices are row equivalent (one reduced row echelon form)"
OTHER_FORM = "the two matrices are not row equivalent: their reduced row echelon forms differ"
OTHER_RANK = "the two matrices have different ranks: no row operation (nor similarity) leads from one to the other"
ONE_ROUND = "the right matrix is the left after one round of row operations on one pivot row"
FULL_RANK = "row equivalent, but so is every matrix of full column rank of this shape: the arithmetic is not checked"
SIMILARITY_SHAPED = ("a square matrix led to one in Jordan form: \\sim may say similar, which row reduction "
                     "does not decide")
NOT_A_ROW_STEP = "row equivalent, but \\sim may say similar here: not decided"
#: an augmented matrix: a bar in an array's column specification
_AUGMENTED = re.compile(r"\\begin\{array\}\s*\{[^{}]*\|[^{}]*\}")
_MATRIX = re.compile(r"\\begin\{(?:[bBpvV]?matrix|array|smallmatrix)\*?\}")
_MAX_SIZE = 8


def check(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro] | None = None) -> Verdict | None:
    """Decide a row-reduction step between two written matrices of numbers; None where it is no such step."""
    if relation not in RELATIONS or not (_MATRIX.search(lhs) and _MATRIX.search(rhs)):
        return None
    left, right = _numeric_matrix(lhs, rhs, macros or {})
    if left is None or right is None or left.shape != right.shape:
        return None
    augmented = bool(_AUGMENTED.search(lhs) and _AUGMENTED.search(rhs))
    if min(left.shape) < 2 and relation != ROW_EQUIVALENT and not augmented:
        return None  # vectors: an arrow may be a map (e_1 \mapsto 0), not a row operation
    certain = relation == ROW_EQUIVALENT or augmented
    if not certain and _similarity_target(left, right):
        # A \sim D, A \sim J: a diagonalisation (similar matrices) as much as a row reduction; the
        # row reading would verify a wrong eigenvalue ([[1, 1], [0, 2]] \sim diag(1, 3) is one round)
        return Verdict(Status.REFUTED, OTHER_RANK) if relation == "~" and left.rank() != right.rank() \
            else Verdict(Status.UNVERIFIED, SIMILARITY_SHAPED)
    if one_round(left, right):
        return Verdict(Status.VERIFIED, ONE_ROUND)
    same = left.rref()[0] == right.rref()[0]
    # of full column rank, every matrix of the shape has one form ([I; 0]): the comparison says nothing
    telling = left.rank() < left.cols
    if certain:
        if not same:
            return Verdict(Status.REFUTED, OTHER_FORM + _stray_rows(left, right))
        return Verdict(Status.VERIFIED, SAME_FORM) if telling else Verdict(Status.UNVERIFIED, FULL_RANK)
    if not same:
        # (an arrow may be a map, A \mapsto its diagonal part: only \sim keeps the rank under every reading)
        return Verdict(Status.REFUTED, OTHER_RANK) if relation == "~" and left.rank() != right.rank() else None
    kept = any(left.row(i) == right.row(i) for i in range(left.rows))
    if telling and kept:
        return Verdict(Status.VERIFIED, SAME_FORM)
    return Verdict(Status.UNVERIFIED, FULL_RANK if not telling else NOT_A_ROW_STEP)


def _similarity_target(left: sp.Matrix, right: sp.Matrix) -> bool:
    """Whether the right matrix looks like what a similarity leads to: square, in Jordan form (a diagonal,
    maybe ones just above it) and not the identity, which row reduction reaches as often."""
    if not right.is_square or right == sp.eye(right.rows):
        return False
    n = right.rows
    return all(right[i, j] == 0 or i == j or (j == i + 1 and right[i, j] == 1) for i in range(n) for j in range(n))


def _stray_rows(left: sp.Matrix, right: sp.Matrix) -> str:
    """Which rows of ``right`` are no combination of the rows of ``left``: where the slip is."""
    base = left.rank()
    stray = [i + 1 for i in range(right.rows) if left.col_join(right.row(i)).rank() > base]
    if not stray:
        return ""  # (the right rows span less: a row was lost, not miscomputed)
    rows = ", ".join(str(i) for i in stray)
    which = f"rows {rows} of the right matrix are" if len(stray) > 1 else f"row {rows} of the right matrix is"
    return f" ({which} no combination of the rows on the left)"


def one_round(left: sp.Matrix, right: sp.Matrix) -> bool:
    """Whether ``right`` is ``left`` after one round of elimination on one pivot row: the pivot row
    scaled (or kept), every other row kept, scaled, or added a multiple of the pivot row (R_i - cR_p),
    the rows perhaps swapped first. Unlike comparing echelon forms, this sees a slip in the arithmetic
    of a matrix of full rank (every invertible matrix is row equivalent to every other)."""
    if left.shape != right.shape or left.rows > 4:
        return False
    for order in itertools.permutations(range(left.rows)):
        moved = left.extract(list(order), list(range(left.cols)))
        if any(_round_on(moved, right, p) for p in range(left.rows)):
            return True
    return False


def _round_on(left: sp.Matrix, right: sp.Matrix, pivot: int) -> bool:
    base = left.row(pivot)
    if base.is_zero_matrix or _multiple(right.row(pivot), base) in (None, 0):
        return False
    for i in range(left.rows):
        if i == pivot:
            continue
        row, target = left.row(i), right.row(i)
        if _multiple(target - row, base) is not None:
            continue  # R_i + cR_p (c = 0: kept)
        if not row.is_zero_matrix and _multiple(target, row) not in (None, 0):
            continue  # cR_i
        return False
    return True


def _multiple(row: sp.Matrix, base: sp.Matrix) -> sp.Rational | None:
    """c with row = c * base (base not zero), or None."""
    k = next(j for j in range(base.cols) if base[j] != 0)
    c = row[k] / base[k]
    return c if row == c * base else None


def _numeric_matrix(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> tuple[sp.Matrix | None, sp.Matrix | None]:
    """Both sides as matrices of rational numbers, or None for a side that is not one."""
    from lintmath.sides import parse_step  # (sides imports the readings, which check imports)

    try:
        parsed = parse_step(lhs, rhs, macros)
        lowerer = Lowerer(Instance(3, {}, {}), parsed.letters)
        values = [lowerer.lower(parsed.lhs), lowerer.lower(parsed.rhs)]
    except Exception:  # noqa: BLE001 - a side not read as a matrix is no row-reduction step
        return None, None
    return tuple(_rational(v) for v in values)  # type: ignore[return-value]


def _rational(value) -> sp.Matrix | None:
    if not isinstance(value, sp.MatrixBase) or max(value.shape) > _MAX_SIZE or min(value.shape) < 1:
        return None
    entries = []
    for entry in value:
        entry = sp.sympify(entry)
        if entry.free_symbols or not entry.is_number:
            return None
        if isinstance(entry, sp.Float):
            entry = sp.nsimplify(entry, rational=True)
        if not entry.is_rational:
            return None  # \sqrt 2 entries: rref over exact irrationals is not attempted
        entries.append(sp.Rational(entry))
    return sp.Matrix(value.rows, value.cols, entries)
