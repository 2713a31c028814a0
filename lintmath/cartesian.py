"""Vector calculus in Cartesian coordinates: the coordinates of a bare ``\\nabla`` (gradient, divergence,
curl, Laplacian), which no single line tells, read from the whole step.

A step that writes ``\\nabla`` without a subscript works in x, y, z (x and y alone when it writes no z
and no third component). Its fields become what the lowering can differentiate: unit vectors
(``\\hat{x}``, ``\\hat{\\imath}``, ``\\mathbf{k}``, ``\\hat{\\mathbf{e}}_x``) and the position vector
``\\mathbf{r}`` columns of numbers and coordinates; a bold or arrow letter given by no components a
column of unknown functions of (x, y, z) (``F_x`` then one of them); a letter the step applies a
``\\nabla`` to, an unknown function of (x, y, z). These unknown functions are stand-ins, decided as
every undefined function is (what holds for any f). Steps in other coordinates (r, theta, phi) are
left as they are: their ``\\nabla`` stays unread."""
from __future__ import annotations

from dataclasses import replace

from lintmath.parse import nodes as n

COORDINATES = ("x", "y", "z")
# a component's label on its field's letter (F^{(x)}): a label, as a subscript x would be read as an index
AXIS_LABELS = ("(x)", "(y)", "(z)")
# the unit vectors of the axes written by their own letter: \hat{i}, \mathbf{j}, \vec{k}, \hat{\imath}
UNIT_LETTERS = {"i": 0, "j": 1, "k": 2, "\\imath": 0, "\\jmath": 1}
VECTOR_STYLES = frozenset({"bf", "arrow", "vec", "bm"})
# letters of spherical and cylindrical coordinates: a step writing them is not Cartesian (phi is also
# a potential's name, and counts only inside a function, as in \sin\phi)
CURVILINEAR = frozenset({"r", "\\theta", "\\vartheta"})
ANGLES = frozenset({"\\phi", "\\varphi"})
# letters that are no fields even under a \nabla: Euler's number and the imaginary unit
NO_FIELDS = frozenset({"e", "i"})


def _parts(sym: n.Sym) -> set[str]:
    return set(sym.style.split("+")) if sym.style else set()


def _plain(sym: n.Sym) -> bool:
    return not (sym.labels or sym.primes or sym.sup_letter is not None)


def _coordinate(node: n.Node) -> str | None:
    if isinstance(node, n.Sym) and node.base in COORDINATES and not node.style and not node.indices and _plain(node):
        return node.base
    return None


def unit_axis(sym: n.Sym) -> int | None:
    """The axis of a unit vector (0 for x), None for any other symbol."""
    parts = _parts(sym)
    if not _plain(sym) or not parts or not parts <= VECTOR_STYLES | {"hat"}:
        return None
    if "hat" in parts and not sym.indices and sym.base in COORDINATES:
        return COORDINATES.index(sym.base)  # \hat{x}
    if not sym.indices and sym.base in UNIT_LETTERS:
        return UNIT_LETTERS[sym.base]  # \hat{i}, \mathbf{k}
    if sym.base == "e" and len(sym.indices) == 1 and _coordinate(sym.indices[0]):
        return COORDINATES.index(_coordinate(sym.indices[0]))  # \hat{\mathbf{e}}_x, \vec{e}_x
    return None


def _vector_letter(sym: n.Sym) -> bool:
    """A bold or arrow letter without subscripts (\\mathbf{F}, \\vec{A}): a vector."""
    parts = _parts(sym)
    return bool(parts) and parts <= VECTOR_STYLES and "hat" not in parts and not sym.indices and _plain(sym) \
        and sym.base not in UNIT_LETTERS and sym.base != "0"


def _is_position(sym: n.Sym) -> bool:
    return _vector_letter(sym) and sym.base == "r"


def _unwrapped(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren) and node.delim == "(":
        node = node.inner
    return node


def _quantities(tree: n.Node) -> list[n.Sym]:
    """The symbols of ``tree`` that stand as quantities (not in a subscript, not a function's name)."""
    skip = n.non_quantities(tree)
    return [x for x in tree.walk() if isinstance(x, n.Sym) and id(x) not in skip]


def _curvilinear(trees: tuple[n.Node, ...]) -> bool:
    """Whether the step writes spherical or cylindrical coordinates, their unit vectors, a derivative
    by anything but x, y, z, or a \\nabla with a subscript beside the bare one."""
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym):
                if node.base in CURVILINEAR and not _is_position(node):
                    return True
                if "hat" in _parts(node) and unit_axis(node) is None:
                    return True  # \hat{r}, \hat{\theta}, \hat{n}
                if node.base == "e" and node.indices and _parts(node) and unit_axis(node) is None:
                    return True  # \mathbf{e}_r, \hat{e}_\phi
            elif isinstance(node, n.Func) and any(n.mentions(a, ANGLES | CURVILINEAR) for a in node.args):
                return True  # \sin\phi, \cos\theta
            elif isinstance(node, n.Deriv) and any(_coordinate(v) is None and not _time(v) for v, _ in node.wrt):
                return True  # d/dr, d/d\phi (a time derivative is no coordinate: see _time)
            elif isinstance(node, (n.Grad, n.Integral, n.BigOp, n.Limit)):
                return True
    return False


def _time(node: n.Node) -> bool:
    """A plain t: the time of fields that move (\\partial\\mathbf{A}/\\partial t), no coordinate."""
    return isinstance(node, n.Sym) and node.base == "t" and not node.style and not node.indices and _plain(node)


def _differentiates_by_time(trees: tuple[n.Node, ...]) -> bool:
    return any(isinstance(d, n.Deriv) and any(_time(v) for v, _ in d.wrt) for tree in trees for d in tree.walk())


def _dimension(trees: tuple[n.Node, ...], vectors: set[str]) -> int:
    """3, or 2 when the step writes x or y and nothing of a third axis (z, \\hat{k}, a third component,
    a curl, a vector field without components)."""
    written = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym):
                written.add(node.base)
                axis = unit_axis(node)
                if axis == 2:
                    return 3
            elif isinstance(node, n.Del) and node.kind == "curl":
                return 3
            elif isinstance(node, n.MatrixLit) and len(node.rows) == 3:
                return 3
    if vectors or "z" in written or not written & {"x", "y"}:
        return 3
    return 2


def _field_letter(node: n.Node) -> bool:
    """A letter that may name a scalar field: plain (Greek or Latin), maybe with a subscript (\\phi_1)."""
    return isinstance(node, n.Sym) and not node.style and _plain(node) and node.base not in COORDINATES \
        and node.base not in NO_FIELDS and not node.base.isdigit()


def _fields(trees: tuple[n.Node, ...], dels: list[n.Del], vectors: set[str]) -> set | None:
    """The scalar fields, by structure: the letters some \\nabla takes alone (\\nabla f, \\nabla^2 \\phi) or
    a derivative differentiates (\\partial f / \\partial x). Any other symbol under a \\nabla is a constant
    when the \\nabla's operands write coordinates (\\nabla(k x^2)); when none does (\\nabla(c f)), constant
    or field is not said: None."""
    direct = {n.structure(body) for d in dels if d.kind in ("grad", "lap")
              for body in [_unwrapped(d.body)] if _field_letter(body) and not _component(body, vectors)}
    direct |= {n.structure(d.body) for tree in trees for d in tree.walk()
               if isinstance(d, n.Deriv) and _field_letter(d.body) and not _component(d.body, vectors)}
    inside = [x for d in dels for x in _quantities(d.body)]
    located = any(_coordinate(x) or _is_position(x) for x in inside)
    timed = _differentiates_by_time(trees)
    others = [x for x in inside if not (_coordinate(x) or _is_position(x) or unit_axis(x) is not None
                                        or _vector_letter(x) or _component(x, vectors) or timed and _time(x))]
    if not located and any(n.structure(x) not in direct for x in others):
        return None
    return direct


def _component(node: n.Node, vectors: set[str]) -> bool:
    """F_x beside a vector field \\mathbf{F}: one of its components."""
    return isinstance(node, n.Sym) and node.base in vectors and not node.style and len(node.indices) == 1 \
        and _plain(node) and _coordinate(node.indices[0]) is not None


def _field_times_del(node: n.Apply, scalars: set) -> bool:
    """Whether ``node`` is a scalar field of the step before a bracketed curl or divergence
    (``f(\\nabla \\times \\mathbf{A})``): a product, as no one applies a field to a curl."""
    return node.maybe_product and len(node.args) == 1 and not node.primes and _field_letter(node.func) \
        and n.structure(node.func) in scalars and isinstance(node.args[0], n.Del) \
        and node.args[0].kind in ("curl", "div")


def cartesian_fields(*trees: n.Node) -> tuple[n.Node, ...]:
    """The trees of a step with their bare ``\\nabla`` given coordinates and their fields written out
    (see the module's docstring); the trees unchanged when the step has no bare ``\\nabla`` or is not
    in Cartesian coordinates."""
    dels = [x for tree in trees for x in tree.walk() if isinstance(x, n.Del)]
    if not dels or _curvilinear(trees):
        return trees
    quantities = [x for tree in trees for x in _quantities(tree)]
    if any(_vector_letter(x) and x.base in COORDINATES for x in quantities):
        return trees  # \mathbf{x}: a position vector by another name, or a field?
    vectors = {x.base for x in quantities if _vector_letter(x) and not _is_position(x)}
    scalars = _fields(trees, dels, vectors)
    if scalars is None:
        return trees
    dim = _dimension(trees, vectors)
    coords = tuple(n.Sym(0, 0, c) for c in COORDINATES[:dim])
    # the fields of a step that differentiates by time (Faraday's law, E = -\nabla V - \partial_t A) are
    # functions of t too; the \nabla still differentiates by x, y, z alone
    arguments = coords + ((n.Sym(0, 0, "t"),) if _differentiates_by_time(trees) else ())

    def component(base: str, axis: int, start: int, end: int) -> n.Apply:
        # one letter for the three components, told apart by a label (F^(x)), not by a subscript x,
        # which would make x an index: they are one field, one name a definition would give
        head = n.Sym(start, end, base, labels=(AXIS_LABELS[axis],))
        return n.Apply(start, end, head, arguments)

    def column(entries: list[n.Node], start: int, end: int) -> n.MatrixLit:
        return n.MatrixLit(start, end, tuple((e,) for e in entries))

    def visit(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Del):
            return replace(node, body=n.rebuild(node.body, visit), coords=coords)
        if isinstance(node, n.Mul) and dim == 3:
            merged = _magnitudes_along_axes(node, True, visit)
            if merged is not None:
                return merged
        if isinstance(node, n.Apply) and _field_times_del(node, scalars):
            # f(\nabla\times\mathbf{A}) in a product rule: the field f times a curl or divergence
            field = n.Apply(node.func.start, node.func.end, node.func, arguments)
            return n.Mul(node.start, node.end, (field, n.rebuild(node.args[0], visit)), False, ("",))
        if isinstance(node, n.Apply):
            # the function's name stays; its arguments are read
            return replace(node, args=tuple(n.rebuild(a, visit) for a in node.args))
        if not isinstance(node, n.Sym):
            return None
        axis = unit_axis(node)
        if axis is not None:
            return column([n.Num(node.start, node.end, "1" if k == axis else "0") for k in range(dim)],
                          node.start, node.end)
        if _is_position(node):
            return column([replace(c, start=node.start, end=node.end) for c in coords], node.start, node.end)
        if _vector_letter(node) and node.base in vectors:
            return column([component(node.base, k, node.start, node.end) for k in range(dim)], node.start, node.end)
        if _component(node, vectors) and _coordinate(node.indices[0]) in COORDINATES[:dim]:
            return component(node.base, COORDINATES.index(_coordinate(node.indices[0])), node.start, node.end)  # F_x
        if _field_letter(node) and n.structure(node) in scalars:
            return n.Apply(node.start, node.end, node, arguments)
        return node  # a constant, a coordinate: its subscripts are labels, not fields

    return tuple(n.rebuild(tree, visit) for tree in trees)


def basis_vectors(*trees: n.Node) -> tuple[n.Node, ...]:
    """The trees of a step with its unit vectors ``\\mathbf{i}``, ``\\hat{\\jmath}``, ``\\vec{k}`` written
    as the columns of the standard basis of R^3, when the step writes two different ones and no bare
    ``\\nabla`` (which :func:`cartesian_fields` reads). Lower-case bold i, j, k side by side are the
    axes of every vector algebra text (``\\mathbf{i} \\times \\mathbf{k} = -\\mathbf{j}`` holds only for
    them); read as unknown vectors, a correct step about them would be refuted. A lone bold k may be a
    wave vector, so one letter alone keeps its generic reading."""
    if any(isinstance(x, n.Del) for tree in trees for x in tree.walk()):
        return trees
    crossed = any(isinstance(x, n.Mul) and "\\times" in x.ops for tree in trees for x in tree.walk())
    axes = {unit_axis(x) for tree in trees for x in tree.walk() if _basis_letter(x, crossed)} - {None}
    if len(axes) < 2:
        return trees

    def visit(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Mul):
            return _magnitudes_along_axes(node, crossed, visit)
        if isinstance(node, n.Apply) and node.maybe_product and len(node.args) == 1 \
                and _basis_letter(node.func, crossed) and unit_axis(node.func) is not None:
            # \hat{\imath}(12 - 15), read first as a function applied: a unit vector is no function,
            # so the product it may also be is the only reading (an Apply's head must stay a name)
            return n.Mul(node.start, node.end, (visit(node.func), n.rebuild(node.args[0], visit)), False, ("",))
        if _basis_letter(node, crossed) and (axis := unit_axis(node)) is not None:
            return n.MatrixLit(node.start, node.end, tuple(
                (n.Num(node.start, node.end, "1" if k == axis else "0"),) for k in range(3)))
        return None

    return tuple(n.rebuild(tree, visit) for tree in trees)


def _magnitude(node: n.Node) -> bool:
    """A plain capital, maybe subscripted (B, E_0): beside no matrix, the magnitude of a field."""
    return isinstance(node, n.Sym) and not node.style and _plain(node) and len(node.base) == 1 \
        and node.base.isupper()


def _scalar_factor(node: n.Node) -> bool:
    """A factor that is a number whatever the step's shapes: a written number or constant, a plain
    lowercase letter, a magnitude, or a known function of such (\\cos(kz - \\omega t))."""
    if isinstance(node, (n.Num, n.Const)):
        return True
    if isinstance(node, n.Sym):
        return not node.style and _plain(node) and (node.base[:1].islower() or node.base.startswith("\\")
                                                     or _magnitude(node))
    if isinstance(node, n.Func):
        return all(_scalar_factor(x) or not isinstance(x, n.Sym) for a in node.args for x in a.walk())
    return False


def _magnitudes_along_axes(node: n.Mul, crossed: bool, visit) -> n.Mul | None:
    """``node`` with each run of number factors holding a plain capital and written just before a
    hatted axis (B\\hat{\\mathbf{z}}, E_0\\cos(kz - \\omega t)\\hat{\\mathbf{x}}) put into that axis's column,
    (0, 0, B): the magnitude of a field along the axis, as physics notes write it. Left as a factor, the
    capital would be read as a matrix beside the columns of the axes, and v\\hat{x} \\times B\\hat{z} =
    -vB\\hat{y} refuted. None when there is no such run."""
    factors, ops = list(node.factors), list(node.ops)
    merged = False
    k = 1
    while k < len(factors):
        g = factors[k]
        axis = unit_axis(g) if isinstance(g, n.Sym) else None
        if axis is None or "hat" not in _parts(g) or not _basis_letter(g, crossed):
            k += 1
            continue
        first = k
        while first > 0 and (ops[first - 1] if first - 1 < len(ops) else "") == "" \
                and _scalar_factor(factors[first - 1]):
            first -= 1
        run = factors[first:k]
        if not any(_magnitude(f) for f in run):
            k += 1
            continue
        entry = run[0] if len(run) == 1 else n.Mul(run[0].start, run[-1].end, tuple(run), False, ("",) * (len(run) - 1))
        entry = n.rebuild(entry, visit)
        factors[first:k + 1] = [n.MatrixLit(run[0].start, g.end, tuple(
            (entry if i == axis else n.Num(g.start, g.end, "0"),) for i in range(3)))]
        del ops[first:k]
        merged = True
        k = first + 1
    if not merged:
        return None
    rebuilt = tuple(x if isinstance(x, n.MatrixLit) else n.rebuild(x, visit) for x in factors)
    if len(rebuilt) == 1:
        return rebuilt[0]
    return replace(node, factors=rebuilt, ops=tuple(ops))


def _basis_letter(node: n.Node, crossed: bool) -> bool:
    """Whether a symbol may be an axis of the standard basis: i, j, k in a vector style, and the hatted
    coordinate letters of physics notes (``\\hat{\\mathbf{x}}``, and ``\\hat{x}`` in a step with a cross
    product) that solid-state and electromagnetism notes write the axes with. A plain ``\\hat{x}`` beside
    no cross product may be an estimate of x, as statistics writes it, and keeps its generic reading."""
    if not isinstance(node, n.Sym):
        return False
    if node.base in UNIT_LETTERS:
        return True
    parts = _parts(node)
    return node.base in COORDINATES and "hat" in parts and (crossed or bool(parts & VECTOR_STYLES))
