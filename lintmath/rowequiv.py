"""Row reduction written as a chain of matrices: ``[A|b] \\sim [..]``, ``\\xrightarrow{R_2 - 3R_1}``, ``\\to``.

Between two written matrices of numbers of one shape, such a step claims that the right one is reached
from the left by elementary row operations: that both have one reduced row echelon form. That is decided
exactly (rational entries, SymPy's rref).

The relation says more or less what is meant, and so what may be concluded:

* marked with a row operation (``row~``, see relations.ROW_EQUIVALENT), or between augmented matrices
  (``\\begin{array}{cc|c}``): row equivalence is the only reading. Verified when the forms agree,
  refuted when they differ. Where the mark's operations can be read (``R_2 - 2R_1``, ``R_1/2``,
  ``R_1 \\leftrightarrow R_2``), a right matrix they do not give is unverified even if row equivalent:
  R_2 - 2R_1 computed as R_2 - 3R_1 stays in the row space, but is a slip.
* decimals written in the right matrix may be rounded (1.667 for 5/3): a refutation stands only where
  no row within their rounding is a combination of the left rows.
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
from fractions import Fraction
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
LABELLED = "the right matrix is what the row operations of the mark give"
NOT_LABELLED = ("row equivalent, but the row operations of the mark do not give the right matrix: "
                "a slip in the arithmetic of the step is possible")
ROUNDED = ("not row equivalent as written, but within the rounding of the decimals written: "
           "whether the exact matrices are is not decided")
#: a decimal written with its digits after the point (1.667): maybe rounded
_DECIMAL = re.compile(r"(?<![0-9.])[0-9]*\.([0-9]+)")
#: an augmented matrix: a bar in an array's column specification
_AUGMENTED = re.compile(r"\\begin\{array\}\s*\{[^{}]*\|[^{}]*\}")
_MATRIX = re.compile(r"\\begin\{(?:[bBpvV]?matrix|array|smallmatrix)\*?\}")
_MAX_SIZE = 8


def check(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro] | None = None,
          relation_text: str = "") -> Verdict | None:
    """Decide a row-reduction step between two written matrices of numbers; None where it is no such step.
    ``relation_text``: the relation as written; where its mark names row operations that can be read
    (``R_2 - 2R_1``, ``R_1 \\leftrightarrow R_2``, ``R_2/2``), a step they do not lead to is not verified."""
    if relation not in RELATIONS or not (_MATRIX.search(lhs) and _MATRIX.search(rhs)):
        return None
    left, right = _numeric_matrix(lhs, rhs, macros or {})
    if left is None or right is None or left.shape != right.shape:
        return None
    verdict = _decide(left, right, lhs, rhs, relation, relation_text)
    if verdict is not None and verdict.status is Status.REFUTED \
            and _within_rounding(left, right, lhs + " " + rhs):
        # 1.667 for 5/3: the written row is no exact combination, but one within the rounding of the
        # decimals written; whether the exact one is, is not decided
        return Verdict(Status.UNVERIFIED, ROUNDED)
    return verdict


def _decide(left: sp.Matrix, right: sp.Matrix, lhs: str, rhs: str, relation: str,
            relation_text: str) -> Verdict | None:
    augmented = bool(_AUGMENTED.search(lhs) and _AUGMENTED.search(rhs))
    if min(left.shape) < 2 and relation != ROW_EQUIVALENT and not augmented:
        return None  # vectors: an arrow may be a map (e_1 \mapsto 0), not a row operation
    certain = relation == ROW_EQUIVALENT or augmented
    if not certain and _similarity_target(left, right):
        # A \sim D, A \sim J: a diagonalisation (similar matrices) as much as a row reduction; the
        # row reading would verify a wrong eigenvalue ([[1, 1], [0, 2]] \sim diag(1, 3) is one round)
        return Verdict(Status.REFUTED, OTHER_RANK) if relation == "~" and left.rank() != right.rank() \
            else Verdict(Status.UNVERIFIED, SIMILARITY_SHAPED)
    same = left.rref()[0] == right.rref()[0]
    if relation == ROW_EQUIVALENT and same and relation_text:
        # the mark says which operations were done: a right matrix still row equivalent but not what
        # they give (R_2 - 2R_1 computed as R_2 - 3R_1) is a slip in the arithmetic, not verified
        operations = label_operations(relation_text)
        if operations is not None:
            return Verdict(Status.VERIFIED, LABELLED) if _applied(operations, left, right) \
                else Verdict(Status.UNVERIFIED, NOT_LABELLED)
    if one_round(left, right):
        return Verdict(Status.VERIFIED, ONE_ROUND)
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


def _within_rounding(left: sp.Matrix, right: sp.Matrix, text: str) -> bool:
    """Whether, with decimals written (maybe rounded: 1.667 for 5/3), the exact matrices may be row
    equivalent after all. Decimals in the left matrix: the author may have gone on from the exact values,
    so nothing is concluded. Decimals in the right one only: each such entry may be off by half a unit of
    its last place (0.6 of one, a margin), and the refutation stands only where no row within that is a
    combination of the left rows.
    (Rounding never lowers a rank: a right matrix spanning less was not rounded into it.)"""
    if not _DECIMAL.search(text):
        return False
    if any(_places(x) for x in left):
        return True
    if right.rank() < left.rank():
        return False
    normals = left.nullspace()  # n with L n = 0: orthogonal to every row of the left matrix
    for i in range(right.rows):
        row = right.row(i)
        slack = [sp.Rational(6, 10 ** (k + 1)) if (k := _places(x)) else sp.Integer(0) for x in row]
        for normal in normals:
            # the row moved within its slack must meet n . (row + e) = 0: at least |n . row| <= sum |n_j| slack_j
            if abs((row * normal)[0]) > sum(abs(normal[j]) * slack[j] for j in range(row.cols)):
                return False
    return True


def _places(value: sp.Rational) -> int:
    """The places after the point a number of the matrix was written with, as a decimal (0 for a whole
    number; a fraction with no short decimal, 1/3, counts as exact)."""
    for k in range(7):
        if (value * 10 ** k).is_integer:
            return k
    return 0


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
        if not isinstance(entry, sp.Basic):
            return None
        if entry.free_symbols or not entry.is_number:
            return None
        if isinstance(entry, sp.Float):
            entry = sp.nsimplify(entry, rational=True)
        if not entry.is_rational:
            return None  # \sqrt 2 entries: rref over exact irrationals is not attempted
        entries.append(sp.Rational(entry))
    return sp.Matrix(value.rows, value.cols, entries)


#: one row: R_2, R_{3}, r_1, L_2 (the index a number)
_ROW_NAME = re.compile(r"(?<![A-Za-z\\])[RrL]_(?:\{\s*([1-9])\s*\}|([1-9]))")
_SWAP = re.compile(r"\\(?:leftrightarrow|longleftrightarrow|leftrightarrows|rightleftarrows|Leftrightarrow)|<->")
_ASSIGN = re.compile(r"\\(?:to|rightarrow|longrightarrow|mapsto|leftarrow|gets|longleftarrow)(?![a-zA-Z])|:=|=|->|<-")
_SEPARATORS = re.compile(r",|;|\\\\|\\q?quad(?![a-zA-Z])|\\text\{[^{}]*\}|&")
#: an operation: (target row, {row: coefficient}, True) for R_t <- sum c_j R_j, or (i, j, False) for a swap
Operation = tuple
#: readings of a mark tried at most (each bare combination of several rows may write over any of them)
_MAX_READINGS = 64


def _index(match: re.Match) -> int:
    """The row a name R_2 / R_{2} stands for, counted from 0."""
    return int(match.group(1) or match.group(2)) - 1


def label_operations(relation_text: str) -> list[list[Operation]] | None:
    """The row operations a mark names (``\\xrightarrow[R_3 - R_1]{R_2 - 2R_1}``, ``\\overset{R_1/2}{=}``),
    in order, rows counted from 0, each as its readings (``R_3 + R_1`` may write over either row); None
    where any part of the mark is not read as one (a word, a letter index, an unknown command), so that
    the step is decided without it."""
    from lintmath.relations import group_content, read_group

    text = relation_text.strip()
    m = re.match(r"\\(xrightarrow|xlongrightarrow|xleftrightarrow|overset|stackrel|underset)(?![a-zA-Z])", text)
    if m is None:
        return None
    i = m.end()
    labels = []
    if m.group(1).startswith("x"):
        k = i
        while k < len(text) and text[k] in " \t":
            k += 1
        if k < len(text) and text[k] == "[":
            close = text.find("]", k)
            if close < 0:
                return None
            labels.append(text[k + 1:close])
            i = close + 1
    s, i = read_group(text, i)
    labels.append(group_content(text, s, i))
    joined = " , ".join(labels)
    while (at := joined.find("\\substack")) >= 0:  # \substack{R_2 - 2R_1 \\ R_3 - R_1}: rows of the mark
        s, after = read_group(joined, at + len("\\substack"))
        joined = joined[:at] + group_content(joined, s, after) + joined[after:]
    operations: list[list[Operation]] = []
    for part in _SEPARATORS.split(joined):
        if not part.strip():
            continue
        operation = _operation(part)
        if operation is None:
            return None
        operations.append(operation)
    return operations or None


def _operation(part: str) -> list[Operation] | None:
    if _SWAP.search(part):
        sides = _SWAP.split(part)
        rows = [_ROW_NAME.fullmatch(side.strip()) for side in sides]
        if len(rows) != 2 or not all(rows):
            return None
        return [(_index(rows[0]), _index(rows[1]), False)]
    sides = _ASSIGN.split(part)
    if len(sides) == 2:
        lone = [_ROW_NAME.fullmatch(side.strip()) for side in sides]
        if lone[0] and not lone[1]:
            target, combination = _index(lone[0]), _combination(sides[1])
        elif lone[1] and not lone[0]:
            target, combination = _index(lone[1]), _combination(sides[0])
        else:
            return None  # R_1 \to R_2: which row is written over is not said
        return None if combination is None else [(target, combination, True)]
    if len(sides) != 1:
        return None
    combination = _combination(part)
    if combination is None:
        return None
    # R_2 - 2R_1 writes over one of its rows, most often the one taken once, but R_1 + R_2 and 2R_2 - R_1
    # do not say which: each row of it is a reading (-\frac12 R_2 scales its one row)
    return [(row, combination, True) for row in combination]


def _combination(text: str) -> dict[int, sp.Rational] | None:
    """{row: coefficient} of a linear combination of rows (``R_2 - \\frac{3}{2}R_1``, ``R_2/2``), or None."""
    expr = _ROW_NAME.sub(lambda m: f" (ROW{_index(m)}) ", text)
    expr = re.sub(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r" ((\1)/(\2)) ", expr)
    expr = re.sub(r"\\[dt]?frac\s*([0-9])\s*([0-9])", r" ((\1)/(\2)) ", expr)  # \frac12
    expr = re.sub(r"\\(?:cdot|times)(?![a-zA-Z])", "*", expr)
    expr = re.sub(r"\\div(?![a-zA-Z])", "/", expr)
    expr = re.sub(r"\\(?:left|right)(?![a-zA-Z])|\\[,;!: ]", " ", expr)
    expr = expr.replace("{", "(").replace("}", ")")
    if re.search(r"[A-Za-z\\]", expr.replace("ROW", "")):
        return None
    linear = _linear_form(expr)
    if linear is None:
        return None
    constant = linear.pop(None, Fraction(0))
    if constant or not linear or any(c == 0 for c in linear.values()):
        return None  # a constant added, or a row taken away again: no row operation
    return {row: sp.Rational(c.numerator, c.denominator) for row, c in sorted(linear.items())}


_TOKEN = re.compile(r"\s*(?:(ROW\d+)|(\d+(?:\.\d+)?|\.\d+)|([-+*/()]))")

#: a linear form: {row: coefficient}, the key None for the constant
Linear = dict


def _linear_form(expr: str) -> Linear | None:
    """The rows and coefficients of ``expr`` (numbers, ROWk names, + - * / and brackets, a product also
    written by juxtaposition: ``2 (ROW1)``), read by a small recursive descent over fractions rather than by
    any evaluation of the text; None where it is no linear combination (ROW1 * ROW2, a division by a row)."""
    tokens: list[tuple[str, str]] = []
    at = 0
    expr = expr.strip()
    while at < len(expr):
        match = _TOKEN.match(expr, at)
        if match is None or match.end() == at:
            return None
        kind = "row" if match.group(1) else "num" if match.group(2) else "op"
        tokens.append((kind, match.group(1) or match.group(2) or match.group(3)))
        at = match.end()
    position = 0

    def peek() -> tuple[str, str] | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def scaled(form: Linear, factor: Fraction) -> Linear:
        return {k: v * factor for k, v in form.items()}

    def added(a: Linear, b: Linear, sign: int) -> Linear:
        out = dict(a)
        for k, v in b.items():
            out[k] = out.get(k, Fraction(0)) + sign * v
        return out

    def constant(form: Linear) -> Fraction | None:
        return form.get(None, Fraction(0)) if all(k is None for k in form) else None

    def product(a: Linear, b: Linear) -> Linear | None:
        ca, cb = constant(a), constant(b)
        if ca is not None:
            return scaled(b, ca)
        if cb is not None:
            return scaled(a, cb)
        return None

    def expression() -> Linear | None:
        form = term()
        while form is not None and peek() in (("op", "+"), ("op", "-")):
            sign = 1 if take()[1] == "+" else -1
            other = term()
            form = None if other is None else added(form, other, sign)
        return form

    def term() -> Linear | None:
        form = unary()
        while form is not None:
            following = peek()
            if following in (("op", "*"), ("op", "/")):
                divide = take()[1] == "/"
                other = unary()
                if other is None:
                    return None
                if divide:
                    c = constant(other)
                    if not c:
                        return None
                    form = scaled(form, 1 / c)
                else:
                    form = product(form, other)
            elif following is not None and (following[0] != "op" or following[1] == "("):
                other = unary()  # 2 (ROW1), \frac12 R_2 written side by side
                form = None if other is None else product(form, other)
            else:
                break
        return form

    def unary() -> Linear | None:
        token = peek()
        if token is None:
            return None
        if token in (("op", "-"), ("op", "+")):
            take()
            form = unary()
            return None if form is None else scaled(form, Fraction(-1 if token[1] == "-" else 1))
        take()
        if token[0] == "num":
            return {None: Fraction(token[1])}
        if token[0] == "row":
            return {int(token[1][3:]): Fraction(1)}
        if token[1] == "(":
            form = expression()
            if form is None or take_close() is False:
                return None
            return form
        return None

    def take_close() -> bool:
        if peek() == ("op", ")"):
            take()
            return True
        return False

    try:
        form = expression()
    except (ZeroDivisionError, ValueError):
        return None
    if form is None or position != len(tokens):
        return None
    return {k: v for k, v in form.items() if v != 0 or k is None}


def _applied(operations: list[list[Operation]], left: sp.Matrix, right: sp.Matrix) -> bool:
    """Whether the operations give ``right`` from ``left``, done one after the other or all at once
    from the rows of ``left`` (both are written; a mark does not say which), under some reading of each."""
    readings = list(itertools.islice(itertools.product(*operations), _MAX_READINGS))
    return any(_applied_once(list(reading), left, right) for reading in readings)


def _applied_once(operations: list[Operation], left: sp.Matrix, right: sp.Matrix) -> bool:
    named = {i for target, what, _ in operations
             for i in ((target, what) if isinstance(what, int) else (target, *what))}
    if any(not 0 <= i < left.rows for i in named):
        return False  # R_0, R_4 of three rows: a mark this matrix cannot have
    for at_once in (False, True):
        rows = [left.row(i) for i in range(left.rows)]
        source = list(rows)
        for target, what, is_combination in operations:
            rows = list(rows)
            if not is_combination:
                rows[target], rows[what] = rows[what], rows[target]
                continue
            current = source if at_once else rows
            rows[target] = sum((c * current[r] for r, c in what.items()), sp.zeros(1, left.cols))
        if sp.Matrix.vstack(*rows) == right:
            return True
    return False
