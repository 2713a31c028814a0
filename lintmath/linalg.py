"""Vectors and matrices for the lowering: random matrices of consistent shapes, products that do not
commute, transposes, inverses, traces, norms and inner products.

Every vector is n x 1 and every matrix n x n for one small n, with a fresh symbol per entry, so an
identity in the notation (``(AB)^T = B^T A^T``) is checked on generic matrices, and a 1 x 1 result
(``x^T A x``) is a scalar. A step whose shapes do not fit raises Undecidable: unverified, never wrong.
"""
from __future__ import annotations

import functools
import random

import mpmath
import sympy as sp
from sympy.matrices.common import NonSquareMatrixError, ShapeError

SIZE = 3
MatrixT = sp.ImmutableMatrix


# why a written matrix with matrices among its entries is not read by default (see blocks)
BLOCKS = "a matrix of matrices (block matrices)"


class ShapeProblem(Exception):
    """Shapes that do not fit; the lowering turns it into Undecidable."""


def is_matrix(value) -> bool:
    return isinstance(value, sp.MatrixBase)


def scalar(value):
    """A 1 x 1 matrix is its entry; anything else is returned unchanged."""
    if is_matrix(value) and value.shape == (1, 1):
        return value[0, 0]
    return value


def random_matrix(rng, rows: int, cols: int) -> MatrixT:
    """Generic entries (no zeros, no structure): a false identity fails on them almost surely."""
    return MatrixT(rows, cols, lambda i, j: sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4)))


@functools.lru_cache(maxsize=1024)
def named_random_matrix(key: str, rows: int, cols: int) -> MatrixT:
    """``random_matrix`` seeded by ``key`` (an instance's seed and a letter's name), built once per
    process: the same letter is lowered in every reading and every step of a chain."""
    return random_matrix(random.Random(key), rows, cols)


def named_complex_matrix(key: str, rows: int, cols: int) -> MatrixT:
    """Generic complex entries, a random real part and a random imaginary part seeded by ``key``."""
    return MatrixT(named_random_matrix(key, rows, cols) + sp.I * named_random_matrix(key + ":imaginary", rows, cols))


@functools.lru_cache(maxsize=256)
def named_orthogonal_matrix(key: str, size: int) -> MatrixT:
    """A random orthogonal matrix with exact rational entries, seeded by ``key``: the Cayley transform
    (I - S)(I + S)^{-1} of a random skew-symmetric S, which is orthogonal for every S and has no zero
    entries in general (a signed permutation would satisfy identities no rotation does)."""
    rng = random.Random(key + ":orthogonal")
    skew = sp.zeros(size, size)
    for i in range(size):
        for j in range(i + 1, size):
            skew[i, j] = sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4))
            skew[j, i] = -skew[i, j]
    eye = sp.eye(size)
    return MatrixT((eye - skew) * (eye + skew).inv())


@functools.lru_cache(maxsize=256)
def named_unit_vector(key: str, size: int) -> MatrixT:
    """A random unit vector with exact rational entries, seeded by ``key``: the inverse stereographic
    projection (2t, |t|^2 - 1) / (|t|^2 + 1) of a random rational t, of length 1 for every t."""
    rng = random.Random(key + ":unit")
    t = [sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4)) for _ in range(size - 1)]
    s = sum(x * x for x in t)
    return MatrixT([*(2 * x / (s + 1) for x in t), (s - 1) / (s + 1)])


def cross_matrix(value: object) -> MatrixT:
    """The skew-symmetric matrix [v]_x of a 3-vector ``value``, for which [v]_x w = v x w."""
    if not isinstance(value, sp.MatrixBase) or value.shape != (3, 1):
        raise ShapeProblem("a cross-product matrix of what is not a 3-vector")
    a, b, c = value
    return MatrixT([[0, -c, b], [c, 0, -a], [-b, a, 0]])


def lower_triangular(value: MatrixT) -> MatrixT:
    """``value`` with the entries above its diagonal set to 0 (a Cholesky factor's shape)."""
    return MatrixT(value.rows, value.cols, lambda i, j: value[i, j] if j <= i else 0)


ORTHO_SIZE = 8


def orthogonal_column(seed: int, position: int, name: str) -> MatrixT:
    """Column ``position`` of a fixed orthogonal basis (each column scaled at random), for the reading in
    which u_1, ..., u_n are orthogonal; vectors of this reading live in ORTHO_SIZE dimensions.

    Each family (u, v) has a basis of its own, a generic rotation's columns: orthogonality within
    u_1, ..., u_n says nothing of <u_j, v_j>, and bases drawn from one set of axes (signed permutations)
    made most such pairs 0 by chance. So are the lengths each vector's own: an orthogonal basis need not
    be of equal lengths."""
    if not 1 <= position <= ORTHO_SIZE:
        raise ShapeProblem("an orthogonal basis vector out of range")
    family = name.split("[")[0]
    rng = random.Random(f"{seed}:{family}:{position}:scale")
    scale = sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4))
    return MatrixT(named_orthogonal_matrix(f"{seed}:{family}:basis", ORTHO_SIZE)[:, position - 1] * scale)


def add(values: list):
    values = [scalar(v) for v in values]
    matrices = [v for v in values if is_matrix(v)]
    if not matrices:
        return sp.Add(*values)
    shape = matrices[0].shape
    total = sp.zeros(*shape)
    for v in values:
        if is_matrix(v):
            if v.shape != shape:
                raise ShapeProblem("adding matrices of different shapes")
            total += v
        elif v != 0:
            raise ShapeProblem("adding a number to a matrix")
    return MatrixT(total)


# the entrywise (Hadamard, Schur) product of vectors or matrices; \circ between anything else is a
# composition, and \odot between numbers may be of vectors the step does not mark
HADAMARD = frozenset({"\\odot", "\\circ"})


def multiply(values: list, ops: tuple[str, ...] = ()):
    if HADAMARD.intersection(ops):
        return _hadamard_product(values, ops)
    if not any(is_matrix(v) for v in values):
        return sp.Mul(*values)
    ops = ops or ("",) * (len(values) - 1)
    try:
        result = values[0]
        for op, value in zip(ops, values[1:]):
            result = _times(result, value, op)
    except ShapeProblem:
        # a\hat{\mathbf{y}} \times a\hat{\mathbf{z}}: a written dot or cross joins the juxtaposed groups on either
        # side of it (each a number times a vector), not the one factor next to it
        result = _grouped_at_signs(values, ops)
    return scalar(result) if is_matrix(result) else result


def _grouped_at_signs(values: list, ops: tuple[str, ...]):
    """The product read with the factors between written dots and crosses multiplied first; raises
    ShapeProblem where that reading does not fit either."""
    if not any(op in ("\\cdot", "\\times") for op in ops):
        raise ShapeProblem("a product of shapes that do not fit")
    groups: list[list] = [[values[0]]]
    signs: list[str] = []
    for op, value in zip(ops, values[1:]):
        if op in ("\\cdot", "\\times"):
            groups.append([value])
            signs.append(op)
        else:
            groups[-1].append(value)
    parts = []
    for group in groups:
        part = group[0]
        for value in group[1:]:
            part = _times(part, value, "")
        parts.append(part)
    result = parts[0]
    for op, part in zip(signs, parts[1:]):
        result = _times(result, part, op)
    return result


def _hadamard_product(values: list, ops: tuple[str, ...]):
    """A product with entrywise products in it. Its numbers come out of every kind of product
    (``\\mathbf{a} \\odot 2\\mathbf{b}``); between its arrays, the entrywise products are taken left
    to right, and beside a product of arrays (``A \\odot BC``) the grouping is the author's to say."""
    values = [scalar(v) for v in values]
    numbers = [v for v in values if not is_matrix(v)]
    arrays: list = []
    joins: list[set[str]] = []  # the operators written between each two arrays, numbers aside
    pending: set[str] = set()
    for k, value in enumerate(values):
        if k:
            pending.add(ops[k - 1])
        if is_matrix(value):
            if arrays:
                joins.append(pending)
            arrays.append(value)
            pending = set()
    kinds = [bool(join & HADAMARD) for join in joins]
    if len(arrays) < 2 or not all(kinds):
        raise ShapeProblem("an entrywise product of quantities not known to be vectors or matrices, or beside "
                           "a product of arrays")
    result = arrays[0]
    for value in arrays[1:]:
        if result.shape != value.shape:
            raise ShapeProblem("an entrywise product of arrays of different shapes")
        result = MatrixT(result.multiply_elementwise(value))
    result = MatrixT(result * sp.Mul(*numbers))
    return scalar(result)


def _times(a, b, op: str):
    if is_matrix(a) and is_matrix(b) and a.shape[1] == 1 and b.shape[1] == 1 and a.shape == b.shape:
        if op == "\\cdot":
            return a.dot(b)
        if op == "\\times" and a.shape[0] == 3:
            return MatrixT(a.cross(b))
    a, b = scalar(a), scalar(b)
    try:
        product = a * b
    except (ShapeError, TypeError) as exc:
        raise ShapeProblem(f"a product of shapes that do not fit ({exc.__class__.__name__})") from None
    return MatrixT(product) if is_matrix(product) else product


def divide(num, den):
    num, den = scalar(num), scalar(den)
    if is_matrix(den):
        raise ShapeProblem("dividing by a matrix")
    return MatrixT(num / den) if is_matrix(num) else num / den


def power(base, exp):
    base = scalar(base)
    if not is_matrix(base):
        return None
    exp = scalar(exp)
    if not is_matrix(exp) and not exp.is_Integer and base.is_square and base.is_diagonal():
        # D^k of a diagonal matrix written out: the powers of its diagonal, whatever k is
        return MatrixT(sp.diag(*(sp.Pow(base[i, i], exp) for i in range(base.rows))))
    if not is_matrix(exp) and not exp.is_Integer and exp.free_symbols and base.is_square \
            and not base.free_symbols and base.rows <= 3 and {str(x) for x in exp.free_symbols} <= _POWER_LETTERS:
        closed = _closed_power(_immutable(base), exp)
        if closed is not None:
            return closed
    if is_matrix(exp) or not exp.is_Integer:
        raise ShapeProblem("a matrix to a power that is not an integer")
    if exp == 2 and 1 in base.shape:
        # v^2 of a vector can only mean v.v (|v|^2): no other square of a vector has a shape
        return sum((e**2 for e in base), sp.Integer(0))
    try:
        if exp == -1:
            return _inverse(_immutable(base))
        if exp < 0:
            return MatrixT(_inverse(_immutable(base)) ** int(-exp))
        return MatrixT(base ** int(exp))
    except (NonSquareMatrixError, ValueError, ShapeError, ZeroDivisionError):
        raise ShapeProblem("a power of a matrix that is not square or not invertible") from None


#: the letters a power of a matrix is counted with (A^k, A^{n+1}); not t, which some write for a transpose
_POWER_LETTERS = frozenset({"k", "n", "m", "p", "N", "K"})


@functools.lru_cache(maxsize=64)
def _closed_power(base: MatrixT, exp: sp.Expr) -> MatrixT | None:
    """A^k of a matrix of numbers to a letter's power (A^k = S \\Lambda^k S^{-1} in closed form, Jordan
    blocks giving k 1^{k-1}), where every eigenvalue is a positive rational: then each entry is a sum of
    real powers c^k, one function of k whatever values of k are sampled. Other eigenvalues ((-1)^k,
    irrational ones) are left undecided, as before."""
    try:
        eigenvalues = base.eigenvals()
    except Exception:  # noqa: BLE001 - no eigenvalues found: not decided
        return None
    if not all(v.is_rational and v > 0 for v in eigenvalues):
        return None
    try:
        return MatrixT((sp.Matrix(base) ** exp).applyfunc(sp.expand))
    except Exception:  # noqa: BLE001 - SymPy's symbolic power failed: not decided
        return None


def _immutable(value) -> MatrixT:
    return value if isinstance(value, MatrixT) else MatrixT(value)


@functools.lru_cache(maxsize=256)
def _inverse(matrix: MatrixT) -> MatrixT:
    """Every reading and instance of a step inverts the same few random matrices (a corpus run asks
    ~6 times per matrix), and an exact LU inverse costs milliseconds."""
    return MatrixT(matrix.inv(method="LU"))


def transpose(value):
    return MatrixT(value.T) if is_matrix(value) else value


def conjugate(value):
    """The complex conjugate, entrywise for a matrix (with transpose, the conjugate transpose A^H)."""
    return MatrixT(value.applyfunc(sp.conjugate)) if is_matrix(value) else sp.conjugate(value)


def trace(value):
    value = scalar(value)
    if not is_matrix(value):
        return value
    if value.shape[0] != value.shape[1]:
        raise ShapeProblem("the trace of a matrix that is not square")
    return value.trace()


def determinant(value):
    value = scalar(value)
    if not is_matrix(value):
        return value
    if value.shape[0] != value.shape[1]:
        raise ShapeProblem("the determinant of a matrix that is not square")
    return value.det(method="berkowitz")


def adjugate(value):
    """adj A, the transpose of A's cofactor matrix. Of a number there is no convention to follow (1 by
    the 1x1 cofactor, or the number itself by det(a) a^{-1}): not decided."""
    value = scalar(value)
    if not is_matrix(value):
        raise ShapeProblem("the adjugate of a number")
    if value.shape[0] != value.shape[1]:
        raise ShapeProblem("the adjugate of a matrix that is not square")
    return value.adjugate(method="berkowitz")


def rank(value) -> sp.Integer:
    """rank A of a matrix of numbers. Of letters (a matrix A, entries a, \\lambda) it is not decided: the
    rank drops at special values (\\lambda an eigenvalue), which samples never meet."""
    value = scalar(value)
    if not is_matrix(value):
        raise ShapeProblem("the rank of a number")
    if value.free_symbols:
        raise ShapeProblem("the rank of a matrix of letters")
    return sp.Integer(value.rank(simplify=True))


def diagonal(values: list):
    """diag(v) of a vector, or diag(a, b, c) of numbers: the diagonal matrix with those entries. Of a
    square matrix, diag is its diagonal as a vector in some notes and its diagonal part in others:
    not decided."""
    values = [scalar(v) for v in values]
    if len(values) == 1 and is_matrix(values[0]) and 1 in values[0].shape:
        return MatrixT(sp.diag(*values[0]))
    if len(values) > 1 and not any(is_matrix(v) for v in values):
        return MatrixT(sp.diag(*values))
    raise ShapeProblem("diag of a matrix or of a single number is not decided yet")


def norm(value, kind: str = "2", order=None, entrywise: bool = False):
    """The norm ``kind`` ("2", "1", "inf", "F", "p" of ``order``; "l2" for a written ``\\|x\\|_2``) of a
    number, a vector or a matrix. Of a matrix that is no vector, the plain \\|A\\| and \\|A\\|_F are the
    Frobenius norm; \\|A\\|_1, \\|A\\|_2 and \\|A\\|_\\infty the induced norms (the largest column sum,
    singular value, row sum), as numerical analysis means them, or with ``entrywise`` the norms of the
    entries as one vector (the other convention, which the checker tries as a reading)."""
    value = scalar(value)
    if not is_matrix(value):
        return sp.Abs(value)
    if kind in ("2", "F") or kind == "l2" and (entrywise or 1 in value.shape):
        # an entry with i (a state's amplitude 4i/5, or one a conjugate transpose allows) counts by its
        # modulus: its square would make \|\frac35|0> + \frac{4i}{5}|1>\| = 1 fail; real entries keep the
        # square, which simplifies
        return sp.sqrt(sum(e * sp.conjugate(e) if e.has(sp.I) else e**2 for e in value))
    if 1 not in value.shape and not entrywise:
        rows, cols = value.shape
        if kind == "1":
            return sp.Max(*(sp.Add(*(sp.Abs(value[i, j]) for i in range(rows))) for j in range(cols)))
        if kind == "inf":
            return sp.Max(*(sp.Add(*(sp.Abs(value[i, j]) for j in range(cols))) for i in range(rows)))
        if kind == "l2":
            return SpectralNorm(rows, cols, *value)
    if 1 not in value.shape and kind == "p":
        raise ShapeProblem("the p-norm of a matrix (induced or entrywise?)")
    if kind == "1":
        return sp.Add(*(sp.Abs(e) for e in value))
    if kind == "inf":
        return sp.Max(*(sp.Abs(e) for e in value))
    if is_matrix(order):
        raise ShapeProblem("a norm whose order is a vector")
    return sp.Add(*(sp.Abs(e) ** order for e in value)) ** (1 / order)


class SpectralNorm(sp.Function):
    """The largest singular value of the rows x cols matrix whose entries (row by row) follow:
    ``SpectralNorm(rows, cols, *entries)``, evaluated numerically at each point (a 3 x 3 matrix's exact
    singular values are roots of a cubic, slow to build and to compare)."""

    # not a number to SymPy's assumptions, which would evaluate it for every sign it asks (see matfunc)
    is_number = False
    is_extended_real = True
    is_extended_nonnegative = True

    def _eval_evalf(self, prec):
        rows, cols = int(self.args[0]), int(self.args[1])
        values = []
        for entry in self.args[2:]:
            value = entry.evalf(prec)
            if not value.is_Number:
                return None  # a complex entry or a letter left: no value here
            values.append(value._to_mpmath(prec))
        with mpmath.workprec(prec + 20):
            matrix = mpmath.matrix(rows, cols)
            for k, v in enumerate(values):
                matrix[k // cols, k % cols] = v
            top = max(mpmath.svd_r(matrix, compute_uv=False))
        return sp.Float(top, precision=prec)


def inner(left, right):
    left, right = scalar(left), scalar(right)
    if is_matrix(left) and is_matrix(right):
        if left.shape != right.shape:
            raise ShapeProblem("an inner product of different shapes")
        return sum((a * b for a, b in zip(left, right)), sp.Integer(0))
    raise ShapeProblem("an inner product of things not known to be vectors")


def formal_determinant(rows: list[list]):
    """The determinant of a square array whose first row holds vectors of one shape and whose other
    rows hold numbers, expanded along that first row: the cross product's mnemonic
    ``\\begin{vmatrix} \\mathbf{i} & \\mathbf{j} & \\mathbf{k} \\\\ u_1 & u_2 & u_3 \\\\ ... \\end{vmatrix}``.
    Any other array of matrices stays a block matrix, which is not read."""
    rows = [[scalar(v) for v in row] for row in rows]
    size = len(rows)
    head, rest = rows[0], rows[1:]
    if size < 2 or any(len(row) != size for row in rows) or not all(is_matrix(v) for v in head) \
            or len({v.shape for v in head}) != 1 or any(is_matrix(v) for row in rest for v in row):
        return determinant(literal(rows))
    terms = []
    for j, vector in enumerate(head):
        minor = MatrixT([[v for k, v in enumerate(row) if k != j] for row in rest])
        terms.append(MatrixT(vector * ((-1) ** j * minor.det(method="berkowitz"))))
    return add(terms)


def literal(rows: list[list]) -> MatrixT:
    rows = [[scalar(v) for v in row] for row in rows]
    if any(is_matrix(v) for row in rows for v in row):
        raise ShapeProblem(BLOCKS)
    return MatrixT(rows)


def blocks(rows: list[list]) -> MatrixT:
    """A written matrix of blocks assembled into one: ``[[R, t], [0^T, 1]]`` of a 3 x 3 R and a 3-vector
    t is the 4 x 4 rigid transform. Every block row shares one height and every block column one width;
    a number is a 1 x 1 block, except 0, which is a zero block of whatever size its row and column give.
    A number other than 0 where a larger block belongs (1 for the identity?) is not read."""
    rows = [[scalar(v) for v in row] for row in rows]
    if len({len(row) for row in rows}) != 1:
        raise ShapeProblem("block rows of different lengths")

    def size(value) -> tuple[int, int] | None:
        if is_matrix(value):
            return value.shape
        return None if value == 0 else (1, 1)

    heights: list[set[int]] = [set() for _ in rows]
    widths: list[set[int]] = [set() for _ in rows[0]]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            shape = size(value)
            if shape is not None:
                heights[i].add(shape[0])
                widths[j].add(shape[1])
    if any(len(h) > 1 for h in heights) or any(len(w) > 1 for w in widths):
        raise ShapeProblem("blocks whose sizes do not fit")
    # a row or column of zeros alone (the 0 of a direction [d; 0]) is a row or column of numbers
    tall = [next(iter(h), 1) for h in heights]
    wide = [next(iter(w), 1) for w in widths]
    assembled = [[value if is_matrix(value) else sp.zeros(tall[i], wide[j]) if value == 0
                  else sp.Matrix([[value]]) for j, value in enumerate(row)] for i, row in enumerate(rows)]
    return MatrixT(sp.Matrix.vstack(*(sp.Matrix.hstack(*row) for row in assembled)))


def total(values: list, kind: str):
    """A sum or product over an index, of numbers or matrices."""
    if not values:
        return sp.Integer(0 if kind == "sum" else 1)
    if kind == "sum":
        return add(values)
    return functools.reduce(lambda a, b: _times(a, b, ""), values)


def entries(value) -> tuple[tuple[int, int], list]:
    value = scalar(value)
    if is_matrix(value):
        return value.shape, list(value)
    return (1, 1), [value]
