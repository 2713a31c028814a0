"""The syntax tree of a parsed line. Every node knows its source offsets (``start``/``end`` into the
step's MathText), which is what lets a diagnosis name and underline a single term."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from typing import Callable, Iterator


# the fields of each node class that may hold nodes (all but the offsets), found once per class:
# walking the trees is a large share of the checker's own (non-SymPy) time
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(cls: type) -> tuple[str, ...]:
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = _CHILD_FIELDS[cls] = tuple(f.name for f in fields(cls) if f.name not in ("start", "end"))
    return names


@dataclass(frozen=True)
class Node:
    start: int
    end: int

    def children(self) -> list["Node"]:
        out: list[Node] = []
        values = self.__dict__
        for name in _child_fields(type(self)):
            value = values[name]
            if isinstance(value, Node):
                out.append(value)
            elif isinstance(value, tuple):
                for item in value:
                    if isinstance(item, Node):
                        out.append(item)
                    elif isinstance(item, tuple):
                        out.extend(x for x in item if isinstance(x, Node))
        return out

    def walk(self) -> Iterator["Node"]:
        # A step's trees are walked dozens of times (letters, shapes, readings, tolerances, guesses...)
        # and never change (frozen nodes of frozen nodes), so the order is kept on the node. It starts
        # with the node itself, which tells a copy (copy.copy keeps __dict__) from the original.
        order = self.__dict__.get("_walk_order")
        if order is None or order[0] is not self:
            found: list[Node] = []
            stack: list[Node] = [self]
            while stack:
                node = stack.pop()
                found.append(node)
                stack.extend(node.children())
            order = tuple(found)
            object.__setattr__(self, "_walk_order", order)
        return iter(order)


def _children_rebuilt(node: "Node", visit: Callable[["Node"], "Node"]) -> "Node":
    """``node`` with ``visit`` applied to every child node (also inside tuples and pairs)."""
    changes = {}
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, Node):
            updated = visit(value)
            if updated is not value:
                changes[name] = updated
        elif isinstance(value, tuple) and value and any(isinstance(v, (Node, tuple)) for v in value):
            items = tuple(
                visit(v) if isinstance(v, Node)
                else tuple(visit(x) if isinstance(x, Node) else x for x in v) if isinstance(v, tuple)
                else v
                for v in value)
            if any(a is not b and a != b for a, b in zip(items, value)):
                changes[name] = items
    return replace(node, **changes) if changes else node


# fields that say how a node is written, not what it says: offsets, bracket shapes, a slash for a
# fraction bar, a \cdot for juxtaposition, the parser's notes on readings it may try
_PRESENTATION = frozenset({"start", "end", "sign_start", "delim", "slash", "bracket", "explicit", "ops",
                           "maybe_product", "prefer_product", "raised"})
_MEANING_FIELDS: dict[type, tuple[str, ...]] = {}


def structure(node: "Node"):
    """A node without its offsets, to compare what two subtrees say rather than where they are: the
    sign of a term, the name of a function, the primes and labels of a letter count; brackets and
    spacing do not."""
    if isinstance(node, Num):
        return ("num", node.value)
    if isinstance(node, Sym):
        return ("sym", node.key, tuple(structure(i) for i in node.indices), node.labels, node.primes,
                None if node.sup_letter is None else structure(node.sup_letter))
    cls = type(node)
    names = _MEANING_FIELDS.get(cls)
    if names is None:
        names = _MEANING_FIELDS[cls] = tuple(f.name for f in fields(cls) if f.name not in _PRESENTATION)
    values = node.__dict__
    return (cls.__name__, *(_meaning(values[name]) for name in names))


def _meaning(value):
    if isinstance(value, Node):
        return structure(value)
    if isinstance(value, (tuple, list)):
        return tuple(_meaning(v) for v in value)
    if isinstance(value, (frozenset, set)):
        return frozenset(_meaning(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _meaning(v)) for k, v in value.items()))
    return value


def non_quantities(tree: "Node") -> set[int]:
    """Ids of the nodes of ``tree`` that are no quantities of it: those in a subscript or superscript
    label (the i of x_i) and the names of applied functions."""
    out: set[int] = set()
    for node in tree.walk():
        if isinstance(node, Sym):
            for item in node.indices:
                out.update(id(x) for x in item.walk())
            if node.sup_letter is not None:
                out.update(id(x) for x in node.sup_letter.walk())
        elif isinstance(node, Apply):
            out.add(id(node.func))
    return out


# dots over a letter: its derivatives in time (\\dot x, \\ddot x), by their order
DOT_ORDERS = {"dot": 1, "ddot": 2}


def undotted(node: "Sym") -> "tuple[Sym, int]":
    """``\\dot{x}_1`` as the letter ``x_1`` and the number of dots over it (0 for a letter without).
    Other styles stay (``\\dot{\\mathbf r}`` is the bold r, once dotted)."""
    parts = node.style.split("+") if node.style else []
    dots = [p for p in parts if p in DOT_ORDERS]
    if len(dots) != 1:
        return node, 0
    rest = "+".join(p for p in parts if p not in DOT_ORDERS)
    return replace(node, style=rest), DOT_ORDERS[dots[0]]


def mentions(tree: "Node", bases: "set[str] | dict[str, object]") -> bool:
    """Whether a letter (a symbol, with or without indices) of one of ``bases`` occurs in ``tree``."""
    return any(isinstance(x, Sym) and x.base in bases for x in tree.walk())


def outside_exponents(tree: "Node", arguments: bool = False) -> Iterator["Node"]:
    """The nodes of ``tree`` but those inside an exponent (``10^{-8}`` counts, it never rounds) and, with
    ``arguments``, inside a function's argument (the z of |B e^{i(qz - \\nu t)}| is a coordinate in a
    phase, not the complex number the modulus is taken of)."""
    yield tree
    if isinstance(tree, Pow):
        yield from outside_exponents(tree.base, arguments)
        return
    if arguments and isinstance(tree, (Func, Apply)):
        return
    for child in tree.children():
        yield from outside_exponents(child, arguments)


def rebuild(tree: "Node", fn: Callable[["Node"], "Node | None"]) -> "Node":
    """A copy of ``tree``, top-down: ``fn`` returns a replacement for a node, or None to look inside it."""
    new = fn(tree)
    if new is not None:
        return new
    return _children_rebuilt(tree, lambda child: rebuild(child, fn))


def map_nodes(tree: "Node", fn: Callable[["Node"], "Node"]) -> "Node":
    """A copy of ``tree``, bottom-up: children first, then ``fn`` on the rebuilt node."""
    return fn(_children_rebuilt(tree, lambda child: map_nodes(child, fn)))


# the head of an indicator 1(a R b) (see Parser.indicator): an Apply of this name, style "ind", with
# the relation and the condition as written (an event label) as its labels, the two sides as its arguments
INDICATOR = "\\mathbb{1}"


def is_indicator(node: "Node") -> bool:
    return isinstance(node, Apply) and node.func.base == INDICATOR and node.func.style == "ind"


@dataclass(frozen=True)
class Num(Node):
    value: str


@dataclass(frozen=True)
class Repeating(Node):
    """A repeating decimal, ``0.1\\overline{6}``: ``head`` the digits before the period (``0.1``),
    ``period`` the digits that repeat (``6``)."""

    head: str
    period: str

    def value(self) -> "Fraction":
        whole, _, fixed = self.head.partition(".")
        written = int(whole + fixed or "0")
        return Fraction(int(whole + fixed + self.period) - written,
                        10 ** len(fixed) * (10 ** len(self.period) - 1))


@dataclass(frozen=True)
class Const(Node):
    name: str  # "pi", "e", "inf"


@dataclass(frozen=True)
class Sym(Node):
    """A variable: base name (``x``, ``\\theta``), style (``bf``, ``cal``, ...), indices, labels.

    ``indices`` are the items of a subscript (``w_{ij}`` has two); ``labels`` are superscripts that name
    rather than raise to a power (``x^{(i)}``, ``x^*``), and ``sup_letter`` a letter superscript that
    may be either (``o_j^x``) — the checker tries both readings.
    """

    base: str
    style: str = ""
    indices: tuple[Node, ...] = ()
    labels: tuple[str, ...] = ()
    sup_letter: "Sym | None" = None
    primes: int = 0

    @property
    def key(self) -> str:
        return f"{self.style}:{self.base}" if self.style else self.base


@dataclass(frozen=True)
class Term(Node):
    sign: str  # "+", "-"
    node: Node
    sign_start: int = -1  # offset of the sign as written, -1 when implicit


@dataclass(frozen=True)
class Add(Node):
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Mul(Node):
    factors: tuple[Node, ...]
    explicit: bool = False
    ops: tuple[str, ...] = ()  # the operator before each factor but the first: "", "\\cdot", "\\times"


@dataclass(frozen=True)
class Div(Node):
    num: Node
    den: Node
    slash: bool = False
    juxtaposed: bool = False  # a/bc read as a/(bc): den is the product bc, and (a/b)c the other reading


@dataclass(frozen=True)
class Pow(Node):
    base: Node
    exp: Node


@dataclass(frozen=True)
class Paren(Node):
    inner: Node
    delim: str = "("


# the name of the Func for an entry of a bracketed expression, (A x)_i: args are the expression, then
# its index letters
ENTRY = "entry"
# [t]_\times: the skew-symmetric matrix of a 3-vector t, for which [t]_\times v = t \times v
CROSS_MATRIX = "cross matrix"
# the name of the Func for [A, B] read as a commutator (see parse_math)
COMMUTATOR = "commutator"
# the name of the Func for \{f, g\} read as a Poisson bracket (see poisson.py)
POISSON = "poisson bracket"
# functions of a square matrix taken as a whole, not entrywise nor by its power series: tr A, det A,
# and adj A (the adjugate, det(A) A^{-1} where A is invertible)
MATRIX_FUNCTIONS = ("trace", "det", "adjugate", "rank")
#: \operatorname{diag}(\mathbf{p}), \operatorname{diag}(a, b, c): the diagonal matrix of a vector's entries
DIAGONAL = "diagonal"

# functions whose value at a vector is read entry by entry when a subscript follows the application,
# \mathrm{softmax}(z)_i, \exp(x)_i; softmax is the one that is not elementwise
ENTRYWISE_FUNCTIONS = frozenset({"softmax", "sigmoid", "relu", "exp", "log", "tanh"})
# letters applied as the library function of the same reading: \sigma(s)_i (logistic, or softmax)
ENTRYWISE_LETTERS = frozenset({"\\sigma"})


@dataclass(frozen=True)
class Func(Node):
    """A known function (``\\sin``, ``\\log``, ``\\exp``...); ``power`` for ``\\sin^2 x``."""

    name: str
    args: tuple[Node, ...]
    power: Node | None = None
    inverse: bool = False
    primes: int = 0  # \sin' x: the derivative of the function, at the argument
    # the base a logarithm may have in other notes: \log is base 10 in engineering, \lg base 2 in
    # computer science ("" for any other function)
    other_base: str = ""


@dataclass(frozen=True)
class Apply(Node):
    """``f(x)``, ``p(x \\mid \\theta)``: an undefined function applied to arguments.

    ``maybe_product`` marks an application that could also be a product (``a(b+c)``); the checker
    tries the other reading before it claims an error. ``given`` is the number of arguments before a
    conditioning bar, so ``p(x|y)`` and ``p(x, y)`` are different functions.
    """

    func: Sym
    args: tuple[Node, ...]
    primes: int = 0
    given: int = -1
    maybe_product: bool = False
    prefer_product: bool = False
    bracket: str = "("  # "[" for sequences x[k] and E[X]; "\\{" for E\{X\}
    params: int = -1  # the number of arguments before a semicolon: p(x; w) is not p(x, w)
    raised: bool = False  # a power follows the bracket, \pi (0.01)^2: a note for the product reading


@dataclass(frozen=True)
class Sqrt(Node):
    radicand: Node
    index: Node | None = None


@dataclass(frozen=True)
class BigOp(Node):
    """``\\sum`` / ``\\prod`` over ``var`` from ``lo`` to ``hi`` (both None when no bounds are written); kind
    ``max`` / ``min`` for the entries ``x_1, \\ldots, x_n`` of a ``\\max\\{..\\}`` list, folded over their index.
    ``exclude`` holds ``j`` for ``\\sum_{i \\neq j}``; ``extra_vars`` the rest of ``\\sum_{i,j}`` (or of the
    tuple of ``\\sum_{(i,j) \\in E}``, with ``tuples``).
    ``least``: for terms written around an ellipsis, how many the author wrote out (the range must have
    at least as many). ``over``: for a sum over a set (``x \\in N(i)``), the letters the set depends on.
    ``values``: for one over a set of numbers written out (``s \\in \\{-1, 1\\}``), its elements."""

    kind: str
    var: str
    lo: Node | None
    hi: Node | None
    body: Node
    exclude: tuple[Node, ...] = ()
    extra_vars: tuple[str, ...] = ()
    least: int = 0
    over: tuple[str, ...] = ()
    tuples: bool = False  # \\sum_{(i,j) \\in E}: var and extra_vars run together, over the pairs of a set
    values: tuple[Node, ...] = ()  # \\sum_{s \\in \\{-1, 1\\}}: the elements of a set written out (lo, hi None)
    # \sum_{i<j}, \sum_{1 \le i < j \le n}, \sum_{i \neq j}: the relation ("<", "\le", "\neq") between var and
    # ``partner``. Over the pairs (partner then in extra_vars) when sides.pair_sums finds the partner bound
    # nowhere else in the step; otherwise partner is a free index (for \neq, the one in exclude)
    order: str = ""
    partner: str = ""


@dataclass(frozen=True)
class Optimum(Node):
    """An optimisation over a variable: ``\\max_x f(x)``, ``\\inf_{w \\in S}``, ``\\arg\\min_\\theta``; kind
    ``max``, ``min``, ``sup``, ``inf``, ``argmax`` or ``argmin``. ``variables`` are bound in ``body``;
    ``domain`` is the text of the constraint written after them (``\\in \\Theta``, ``\\succeq 0``), with
    ``domain_letters`` the letters it mentions. Not evaluated: the same optimisation (its body as a
    function of the bound variables, its kind and domain) stands for the same value (see
    Lowerer.lower_Optimum)."""

    kind: str
    variables: tuple[str, ...]
    domain: str
    domain_letters: tuple[str, ...]
    body: Node


@dataclass(frozen=True)
class Deriv(Node):
    """``\\frac{d}{dx} body`` or ``\\frac{\\partial f}{\\partial x}``: ``wrt`` pairs a variable with its order."""

    body: Node
    wrt: tuple[tuple[Node, int], ...]
    partial: bool = True
    primes: int = 0  # (5x^2)'': no variable written, the line's own variable is meant
    held: str = ""  # (dU/dT)_V: the variables held fixed, as written (thermodynamics)


@dataclass(frozen=True)
class DerivBy(Node):
    """``\\frac{\\partial}{\\partial f(x)}``, ``\\frac{d}{d\\sigma^2}``, ``\\partial_{f(x_i)}``: the derivative of
    ``body`` with respect to an expression ``of``, which stands for a variable of its own. ``power`` is k when
    ``of`` is written x^k without brackets under a first derivative: maybe a k-th derivative in x whose
    numerator lost its order (a reading of its own, see lower.ORDER_TYPO)."""

    body: Node
    of: Node
    partial: bool = True
    power: int = 0


@dataclass(frozen=True)
class Differential(Node):
    """``\\mathrm{d}x``, ``\\mathrm{d}(xy)`` outside an integral or a derivative: the total differential of
    ``operand``. ``wrt`` holds the letters whose differentials the step writes (filled per step, see
    differentials.differential_reading); every other letter is a constant of the step. A frozenset, so the walks
    that find a side's names do not meet letters of the other side."""

    operand: Node
    wrt: "frozenset | None" = None  # None until the step is known: the lowering refuses it
    plain: bool = False  # a letter d, which may also be a quantity (d(x^2) = x\,dx holds as products)


@dataclass(frozen=True)
class Grad(Node):
    """``\\nabla_{\\mathbf{w}} f``: the gradient of ``body`` with respect to ``var``, a vector (or a
    variable, then the derivative). A bare ``\\nabla`` names no variable and is not read."""

    body: Node
    var: Sym


@dataclass(frozen=True)
class Del(Node):
    """A bare ``\\nabla`` on a field: ``kind`` "grad" (``\\nabla f``), "div" (``\\nabla \\cdot F``), "curl"
    (``\\nabla \\times F``) or "lap" (``\\nabla^2 f``). The parser cannot tell its coordinates: the step
    does (see lintmath.cartesian), which writes them in ``coords`` (x, y[, z]); empty, it is not read,
    for ``reason``."""

    kind: str
    body: Node
    coords: tuple[Sym, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Abs(Node):
    inner: Node


@dataclass(frozen=True)
class Factorial(Node):
    inner: Node


@dataclass(frozen=True)
class Binom(Node):
    n: Node
    k: Node


@dataclass(frozen=True)
class Evaluate(Node):
    """``expr`` with ``var`` replaced by ``value`` after ``expr`` is built (f'(a) from f(x) = ...)."""

    expr: Node
    var: Sym
    value: Node


@dataclass(frozen=True)
class Annotated(Node):
    """``\\underbrace{X}_{=v}``: X, which the author says equals v (the checker tries both)."""

    inner: Node
    value: Node


@dataclass(frozen=True)
class Reach(Node):
    """``\\mathbb{E} X^2``, ``\\mathbb{E} XY``: an operator written without a bracket before more than one
    letter, read as ``inner`` (over all it is written before, as probability texts mean it) and, in a
    reading of its own in which a step that holds stays unverified, as ``other`` (over the first
    letter only: (E X)^2, (E X) Y)."""

    inner: Node
    other: Node


@dataclass(frozen=True)
class Integral(Node):
    """``\\int_a^b body\\,dx`` (``lo``/``hi`` None for an antiderivative, ``hi`` None over a region)."""

    body: Node
    var: Sym
    lo: Node | None = None
    hi: Node | None = None
    region: bool = False  # \int_\Omega f\,dx: lo names the region, hi is None (see Lowerer.region_integral)
    implicit: bool = False  # \int_0^1 x^2 with no dx: the variable was read off the integrand (Parser.implicit_integral)


@dataclass(frozen=True)
class Transpose(Node):
    inner: Node
    conjugate: bool = False  # A^H, A^{\mathsf{H}}: the conjugate transpose (the transpose of a real matrix)


@dataclass(frozen=True)
class Norm(Node):
    """``\\|x\\|``, ``\\|x\\|_1``, ``\\|x\\|_\\infty``, ``\\|A\\|_F``, ``\\|x\\|_p``: ``kind`` is "2", "1", "inf", "F"
    or "p", with the p-norm's ``order`` (a letter or a whole number); "l2" for a written ``\\|x\\|_2``."""

    inner: Node
    power: Node | None = None
    kind: str = "2"
    order: Node | None = None


@dataclass(frozen=True)
class Inner(Node):
    """``\\langle a, b \\rangle``; ``space`` holds the names of a subscript that says whose inner
    product it is (``\\langle f, g \\rangle_{\\mathcal{H}}``), empty when none is written."""

    left: Node
    right: Node
    space: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ket(Node):
    """``|01\\rangle``, ``|{-}\\rangle``, ``\\langle 1|`` (``bra``): a state named by its label.

    ``qubits`` is the label read one qubit a character, each ``0``, ``1``, ``+`` or ``-``; it is empty
    when the label is anything else (``|\\psi\\rangle``, ``|3\\rangle``), whose meaning the step does
    not give; ``label`` then holds the parsed label.
    """

    qubits: str
    label: Node | None = None
    bra: bool = False
    systems: tuple[str, ...] = ()  # |0_A 1_B>: the subsystem of each qubit, when the label names them
    # the state's value as the document gives it (|\chi> = \frac35|0> + \frac{4i}{5}|1>), put in by check.py
    value: Node | None = None


@dataclass(frozen=True)
class MatrixLit(Node):
    """``\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}``; ``det`` for vmatrix."""

    rows: tuple[tuple[Node, ...], ...]
    det: bool = False
    listed: str = ""  # the opening bracket of a vector written as a list, (1, 2, 3) or \\langle 1, 2\\rangle


def letter_free(node: Node) -> bool:
    """Whether ``node`` is a number as written (-1, \\frac{3}{2}, \\sqrt{2}): no letter or function in it."""
    return all(isinstance(x, (Num, Const, Add, Term, Mul, Div, Paren, Sqrt, Pow)) for x in node.walk())


@dataclass(frozen=True)
class Cases(Node):
    """``\\begin{cases} v_1 & c_1 \\\\ v_2 & \\text{otherwise} \\end{cases}``: the value of the first case whose
    condition holds. A condition is a chain of inequalities: ``sides[k]`` are its expressions and
    ``relations[k]`` the relations between consecutive ones (``<``, ``<=``, ``>``, ``>=``), or one
    equation (``==``) or its negation (``!=``) between two; both are empty for ``otherwise``."""

    values: tuple[Node, ...]
    sides: tuple[tuple[Node, ...], ...]
    relations: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EvalBar(Node):
    """``F(x)\\Big|_a^b`` (``hi`` None for ``F\\big|_{x=a}``): F at hi minus F at lo. ``var`` is None when the
    bar does not name it; the lowering then takes the one variable it can be (or refuses)."""

    expr: Node
    lo: Node
    hi: Node | None = None
    var: Sym | None = None


@dataclass(frozen=True)
class Limit(Node):
    """``\\lim_{x \\to a} body``; ``point`` is Const("inf") for x -> infinity."""

    body: Node
    var: Sym
    point: Node
    side: int = 0  # +1 for x -> a^+, -1 for x -> a^-


@dataclass(frozen=True)
class Event(Node):
    """An event built from named events inside ``P(..)``: ``A \\cup B``, ``A \\cap B``, ``A \\setminus B``,
    ``A^c`` (and ``\\bar A``), the sample space ``\\Omega`` and the empty event. ``op`` is one of EVENT_OPS;
    ``parts`` are Events or the plain capital letters (Syms) that name events."""

    op: str
    parts: tuple[Node, ...] = ()


# union, intersection, difference, complement, the sample space, the empty event
EVENT_OPS = ("cup", "cap", "minus", "comp", "all", "none")


def event_text(node: "Node") -> str:
    """An event as one canonical string: the same event written the same way (or with another
    notation for the complement) is the same string."""
    if isinstance(node, Event):
        return f"{node.op}(" + ",".join(event_text(p) for p in node.parts) + ")"
    if isinstance(node, Sym):
        return str(structure(node))
    return type(node).__name__


@dataclass(frozen=True)
class Unsupported(Node):
    """A construct recognised but not yet decided (integrals, limits, matrices...): makes the step unverified."""

    what: str
    extra: tuple[Node, ...] = field(default=())
