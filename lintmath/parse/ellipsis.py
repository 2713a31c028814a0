"""Reading the terms on both sides of an ellipsis as one sum or product over an index.

``x_1 + x_2 + \\cdots + x_n``, ``1 + r + r^2 + \\cdots + r^{n-1}``, ``(1-\\lambda)(2-\\lambda)\\cdots(n-\\lambda)``
and ``\\frac{1}{1\\cdot 2} + \\cdots + \\frac{1}{n(n+1)}`` all write a few terms of one pattern and its last
term. The written terms are lined up against the one just before the dots (the reference): where they
differ are the slots, whose values must move by the same whole step from term to term (an affine
pattern in the index), and the last term's values must be the same number of steps further on in
every slot. Anything less certain is refused: one term before the dots only shows a step of one for
the conventional forms (a subscript, or an end like ``n`` or ``n-1``), so ``2 + \\cdots + 2n`` (every
number, or the even ones?) stays unread, and so does ``\\frac12 + \\frac14 + \\cdots + \\frac{1}{2^n}``,
whose values are not affine (three numbers with one ratio, ``\\frac12 + \\frac14 + \\frac18``, make a
geometric run: see _geometric_run).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from fractions import Fraction

from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure

UNDECIDED = "an ellipsis (\\cdots): the pattern is not decided"
INDEX_LETTERS = ("k", "m", "r", "q", "l", "p")
# a sum, max or min does not depend on the order of its terms, so one written counting down
# (a_n z^n + a_{n-1} z^{n-1} + ... + a_1 z) may run up its index; a product (of matrices, maybe)
# keeps the written order, counting its terms instead (see _bigop)
COMMUTATIVE = {"sum", "max", "min"}
# representation only: \cdot or juxtaposition, where a sign was written
_IGNORED_FIELDS = {"start", "end", "sign_start", "explicit", "ops"}


# -- affine values -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Affine:
    """``const + sum(c * letter)`` with rational coefficients, ``coeffs`` sorted and without zeros."""

    const: Fraction
    coeffs: tuple[tuple[str, Fraction], ...] = ()

    @staticmethod
    def make(const: Fraction, coeffs: dict[str, Fraction]) -> "Affine":
        return Affine(Fraction(const), tuple(sorted((k, v) for k, v in coeffs.items() if v)))

    def __add__(self, other: "Affine") -> "Affine":
        merged = dict(self.coeffs)
        for k, v in other.coeffs:
            merged[k] = merged.get(k, Fraction(0)) + v
        return Affine.make(self.const + other.const, merged)

    def scaled(self, factor: Fraction) -> "Affine":
        return Affine.make(self.const * factor, {k: v * factor for k, v in self.coeffs})

    def __sub__(self, other: "Affine") -> "Affine":
        return self + other.scaled(Fraction(-1))

    @property
    def constant(self) -> bool:
        return not self.coeffs

    @property
    def integral(self) -> bool:
        return self.const.denominator == 1 and all(v.denominator == 1 for _, v in self.coeffs)


def letter(name: str, coefficient: int = 1) -> Affine:
    return Affine.make(Fraction(0), {name: Fraction(coefficient)})


def number(value: int | Fraction) -> Affine:
    return Affine(Fraction(value))


def affine(node: n.Node | None) -> Affine | None:
    """The value of an index-like expression (``2``, ``n``, ``n-1``, ``2k+1``, ``(3-\\lambda)``) as an affine
    form of its bare letters, or None when it is anything else (a power, a subscripted name)."""
    if isinstance(node, n.Num):
        return number(int(node.value)) if node.value.isdigit() else None
    if isinstance(node, n.Sym):
        plain = not (node.indices or node.labels or node.primes or node.style or node.sup_letter is not None)
        return letter(node.base) if plain else None
    if isinstance(node, n.Paren) and node.delim == "(":
        return affine(node.inner)
    if isinstance(node, n.Add):
        total = number(0)
        for term in node.terms:
            value = affine(term.node)
            if value is None:
                return None
            total = total + (value.scaled(Fraction(-1)) if term.sign == "-" else value)
        return total
    if isinstance(node, n.Mul):
        values = [affine(f) for f in node.factors]
        if any(v is None for v in values) or sum(not v.constant for v in values) > 1:  # type: ignore[union-attr]
            return None
        product = number(1)
        for v in values:
            product = v.scaled(product.const) if not v.constant else product.scaled(v.const)  # type: ignore[union-attr]
        return product
    return None


def render(value: Affine, at: n.Node) -> n.Node:
    """``value`` as a tree (at the offsets of ``at``): ``k``, ``2k``, ``k+1``, ``(n-k)``."""
    if not value.integral:
        raise ParseFailure(UNDECIDED)
    s, e = at.start, at.end
    parts: list[tuple[str, n.Node]] = []
    for name, c in value.coeffs:
        sym = n.Sym(s, e, name)
        size = abs(int(c))
        node = sym if size == 1 else n.Mul(s, e, (n.Num(s, e, str(size)), sym), False, ("",))
        parts.append(("-" if c < 0 else "+", node))
    if value.const or not parts:
        parts.append(("-" if value.const < 0 else "+", n.Num(s, e, str(abs(int(value.const))))))
    if len(parts) == 1 and parts[0][0] == "+":
        return parts[0][1]
    terms = tuple(n.Term(s, e, sign, node) for sign, node in parts)
    return n.Paren(s, e, n.Add(s, e, terms))


# -- lining terms up ---------------------------------------------------------------------------------
class _Alignment:
    """How another term lines up with the reference: the node it has at each of the reference's
    positions (``match``, by id), the reference's nodes where it differs (``slots``), and the
    reference's nodes it writes with an exponent the reference leaves out (``grow``: r beside r^{n-1})."""

    def __init__(self) -> None:
        self.match: dict[int, n.Node] = {}
        self.slots: list[n.Node] = []
        self.grow: list[n.Node] = []
        self.implied = False  # an exponent read where none is written (r as r^1, 1 as r^0)


def _align(ref: n.Node, other: n.Node) -> _Alignment | None:
    found = _Alignment()
    return found if _walk(ref, other, found) else None


def aligns(a: n.Node, b: n.Node) -> bool:
    """Whether ``a`` and ``b`` are one template at two places of a pattern (x_1 and x_2, 2 and 3, r and r^2)."""
    for x, y in ((a, b), (b, a)):
        found = _align(x, y)
        if found is not None and (found.slots or found.grow):
            return True
    return False


def _same(a: n.Node, b: n.Node) -> bool:
    found = _align(a, b)
    return found is not None and not found.slots and not found.grow


def _walk(r: n.Node, o: n.Node, found: _Alignment) -> bool:
    found.match[id(r)] = o
    if _unit_coefficient(r, o, found):
        return True
    if isinstance(r, n.Add) and isinstance(o, n.Add) and len(r.terms) != len(o.terms):
        # n-2 beside n-k+1: sums written with other terms are still two values of one slot
        if affine(r) is None or affine(o) is None:
            return False
        found.slots.append(r)
        return True
    if type(r) is type(o):
        return _walk_same(r, o, found)
    return _walk_other(r, o, found)


def _unit_coefficient(r: n.Node, o: n.Node, found: _Alignment) -> bool:
    """``x`` beside ``2x`` (in ``x + 2x + 3x + \\cdots``): the coefficient 1 is not written."""
    if not (isinstance(r, n.Mul) and len(r.factors) > 1 and isinstance(r.factors[0], n.Num)):
        return False
    if isinstance(o, n.Mul) and len(o.factors) == len(r.factors):
        return False
    rest = r.factors[1:]
    tail = rest[0] if len(rest) == 1 else n.Mul(rest[0].start, rest[-1].end, rest, False, ("",) * (len(rest) - 1))
    if not _same(tail, o):
        return False
    found.implied = True
    return _walk(r.factors[0], n.Num(o.start, o.start, "1"), found) and _walk(tail, o, found)


def _sym_head(s: n.Sym) -> tuple:
    return s.base, s.style, s.labels, s.primes, len(s.indices), s.sup_letter is None


def _walk_same(r: n.Node, o: n.Node, found: _Alignment) -> bool:
    if isinstance(r, n.Num):
        if r.value != o.value:  # type: ignore[attr-defined]
            found.slots.append(r)
        return True
    if isinstance(r, n.Sym) and _sym_head(r) != _sym_head(o):  # type: ignore[arg-type]
        if affine(r) is None or affine(o) is None:
            return False
        found.slots.append(r)  # n beside m: two letters at the same place
        return True
    for f in fields(r):
        if f.name in _IGNORED_FIELDS:
            continue
        if not _walk_value(getattr(r, f.name), getattr(o, f.name), found):
            return False
    return True


def _walk_value(x: object, y: object, found: _Alignment) -> bool:
    if isinstance(x, n.Node) and isinstance(y, n.Node):
        return _walk(x, y, found)
    if isinstance(x, tuple) and isinstance(y, tuple):
        return len(x) == len(y) and all(_walk_value(a, b, found) for a, b in zip(x, y))
    return x == y


def _walk_other(r: n.Node, o: n.Node, found: _Alignment) -> bool:
    """Two nodes of different kinds at the same place: an exponent written or not (r^1, r^0), a
    product the parser took for an application (n(n+1) beside 2 \\cdot 3), brackets, or a slot."""
    if isinstance(r, n.Pow) and _same(r.base, o):
        found.match[id(r.base)] = o
        found.implied = True
        return _walk(r.exp, n.Num(o.start, o.end, "1"), found)
    if isinstance(r, n.Pow) and isinstance(o, n.Num) and o.value == "1" and affine(r.base) is not None \
            and not affine(r.base).constant:  # type: ignore[union-attr]
        found.implied = True
        return _walk(r.exp, n.Num(o.start, o.end, "0"), found)
    if isinstance(o, n.Pow) and _same(r, o.base):
        found.grow.append(r)
        return True
    if isinstance(r, n.Add) and _zero_term(r, o, found):
        return True
    product = _as_product(o)
    if isinstance(r, n.Mul) and product is not None:
        return _walk(r, product, found)
    if isinstance(r, n.Paren) and r.delim == "(":
        return _walk(r.inner, o, found)
    if isinstance(o, n.Paren) and o.delim == "(":
        return _walk(r, o.inner, found)
    if affine(r) is not None:
        found.slots.append(r)
        return True
    return False


def _zero_term(r: n.Add, o: n.Node, found: _Alignment) -> bool:
    """``a`` beside ``a + 2d`` (in ``a + (a+d) + (a+2d) + \\cdots``): a term with a written whole coefficient
    that the other term leaves out has the coefficient 0 there."""
    if len(r.terms) != 2 or isinstance(o, n.Add):
        return False
    for j, term in enumerate(r.terms):
        rest = r.terms[1 - j]
        scaled = term.node
        if term.sign != "+" or rest.sign != "+" or not (isinstance(scaled, n.Mul) and len(scaled.factors) == 2
                                                       and isinstance(scaled.factors[0], n.Num)):
            continue
        if _same(rest.node, o):
            found.implied = True
            return _walk(rest.node, o, found) and _walk(scaled.factors[0], n.Num(o.start, o.start, "0"), found)
    return False


def _as_product(node: n.Node) -> n.Mul | None:
    """``n(n+1)`` as the product it is beside a written product."""
    if not isinstance(node, n.Apply) or not node.maybe_product or len(node.args) != 1 or node.primes \
            or node.given >= 0 or node.params >= 0 or node.bracket != "(":
        return None
    return n.Mul(node.start, node.end, (node.func, node.args[0]), False, ("",))


def _with_exponents(ref: n.Node, grown: list[n.Node]) -> n.Node:
    """``ref`` with ``r`` written ``r^1`` where the last term writes an exponent (r beside r^{n-1})."""
    ids = {id(x) for x in grown}
    return n.rebuild(ref, lambda x: n.Pow(x.start, x.end, x, n.Num(x.end, x.end, "1")) if id(x) in ids else None)


# -- the pattern -------------------------------------------------------------------------------------
@dataclass
class _Pattern:
    slots: list[n.Node]  # the reference's nodes that count
    firsts: list[Affine]  # each slot's value in the first term of the run
    refs: list[Affine]  # ... in the reference, the term just before the dots
    steps: list[int]  # ... and what it adds from one term to the next
    ends: list[n.Node]  # ... the last term's node at that place
    terms: int  # written terms before the dots that follow the pattern
    span: Affine | None  # steps from the reference to the last term (None: not affine, a step of 1)


def _topmost(ref: n.Node, slots: list[n.Node]) -> list[n.Node]:
    """The slots that are inside no other slot, in the reference's order: lined up with one term a
    slot may be ``n-1``, with another the 1 inside it."""
    chosen = {id(s) for s in slots}
    out: list[n.Node] = []

    def visit(node: n.Node, covered: bool) -> None:
        here = id(node) in chosen
        if here and not covered:
            out.append(node)
        for child in node.children():
            visit(child, covered or here)

    visit(ref, False)
    return out


def _index_positions(tree: n.Node) -> set[int]:
    return {id(x) for s in tree.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}


def _pattern(ref: n.Node, run: list[_Alignment], last: _Alignment) -> _Pattern | None:
    """The pattern of the run's terms (earliest first; the reference itself follows them) and the last
    term, or None when they do not make one."""
    slots = _topmost(ref, [s for found in (*run, last) for s in found.slots])
    if not slots:
        return None
    rows: list[list[Affine]] = []
    for found in run:
        row = [affine(found.match.get(id(s))) for s in slots]
        if any(v is None for v in row):
            return None
        rows.append(row)  # type: ignore[arg-type]
    own = [affine(s) for s in slots]
    if any(v is None for v in own):
        return None
    rows.append(own)  # type: ignore[arg-type]
    steps = _steps(rows)
    ends = [last.match.get(id(s)) for s in slots]
    if steps is None or any(e is None for e in ends):
        return None
    pattern = _Pattern(slots, rows[0], rows[-1], steps, ends, len(rows), None)  # type: ignore[arg-type]
    return pattern if _reaches_end(pattern, one_term=len(rows) == 1, indexed=_index_positions(ref)) else None


def _steps(rows: list[list[Affine]]) -> list[int] | None:
    """What each slot adds from term to term: the same whole number between every two written terms.
    One term shows no step; a step of one is the convention, for a slot that is a number."""
    if len(rows) == 1:
        return [1] * len(rows[0]) if all(v.constant and v.integral for v in rows[0]) else None
    steps = []
    for k in range(len(rows[0])):
        moves = {rows[j + 1][k] - rows[j][k] for j in range(len(rows) - 1)}
        move = moves.pop()
        if moves or not move.constant or not move.integral or move.const == 0:
            return None
        steps.append(int(move.const))
    return steps


def _reaches_end(pattern: _Pattern, one_term: bool, indexed: set[int]) -> bool:
    """Whether the last term is the same number of steps past the reference in every slot (set as
    ``pattern.span``). With one term before the dots the step of one must be what the author means:
    a subscript (x_1 + ... + x_{2n} is every x), or an end such as n, n-1 or 10."""
    values = [affine(e) for e in pattern.ends]
    if all(v is not None for v in values):
        spans = {(v - r).scaled(Fraction(1, d)) for v, r, d in zip(values, pattern.refs, pattern.steps)}  # type: ignore[operator]
        span = spans.pop()
        if spans or not span.integral or (span.constant and span.const < 1):
            return False
        if not span.constant and all(c < 0 for _, c in span.coeffs):
            return False  # 3 - n steps: the index would run backwards for every large n
        if one_term and not all(id(s) in indexed for s in pattern.slots) \
                and not all(_conventional_end(v) for v in values):  # type: ignore[arg-type]
            return False
        pattern.span = span
        return True
    # an end that is no affine value (x_1 + ... + x_{2^n}): only a step of one, the same in every slot
    shapes = {repr(_plain(e)) for e in pattern.ends}
    return len(shapes) == 1 and set(pattern.steps) == {1} and len(set(pattern.refs)) == 1 \
        and (not one_term or all(id(s) in indexed for s in pattern.slots))


def _conventional_end(value: Affine) -> bool:
    """``10``, ``n``, ``n-1``, ``N+1``: an end that leaves a step of one as the only reading."""
    return value.constant or (len(value.coeffs) == 1 and value.coeffs[0][1] == 1)


def _plain(value: object) -> object:
    """What a node says, without offsets, brackets or the way a product is written."""
    if isinstance(value, n.Paren):
        return _plain(value.inner)
    if isinstance(value, tuple):
        return tuple(_plain(x) for x in value)
    if not isinstance(value, n.Node):
        return value
    return type(value).__name__, tuple(_plain(getattr(value, f.name)) for f in fields(value)
                                       if f.name not in _IGNORED_FIELDS)


# -- folding -----------------------------------------------------------------------------------------
def fold_run(before: list[n.Node], last: n.Node, used: set[str], kind: str) -> tuple[int, n.BigOp]:
    """The terms written before the dots (in order) and the last term as one BigOp of ``kind``: how many
    of ``before`` (counted from the dots) it takes, and the BigOp (its offsets are the caller's to set).
    Raises ParseFailure when the pattern is not certain."""
    if not before:
        raise ParseFailure(UNDECIDED)
    try:
        return _fold_run(before, last, used, kind)
    except ParseFailure as exc:
        if exc.args[:1] != (UNDECIDED,) or kind != "sum":
            raise
        # 1 + 2 + 4 + \cdots + 2^k: numbers whose values, not their shapes, make the pattern
        geometric = _geometric_run(before, last, used)
        if geometric is None:
            raise
        return geometric


def _fold_run(before: list[n.Node], last: n.Node, used: set[str], kind: str) -> tuple[int, n.BigOp]:
    ref, to_last = _reference(before[-1], last)
    best = _pattern(ref, [], to_last)
    run: list[_Alignment] = []
    for earlier in reversed(before[:-1]):
        found = _align(ref, earlier)
        if found is None or found.grow:
            break  # another kind of term (a_0 before a_1 x + a_2 x^2): the run starts after it
        pattern = _pattern(ref, [found, *run], to_last)
        if pattern is None and not found.implied:
            # x_1 + x_3 + ... + x_m: a term of the same form that breaks the pattern contradicts it
            raise ParseFailure(UNDECIDED)
        if pattern is None:
            break  # 1 + x^2 + x^3 + ...: the 1 is a term of its own, not x^0
        run.insert(0, found)
        best = pattern
    if best is None:
        raise ParseFailure(UNDECIDED)
    var = next((v for v in INDEX_LETTERS if v not in used), None)
    if var is None:
        raise ParseFailure("an ellipsis (\\cdots): no free index letter")
    return best.terms, _bigop(ref, best, var, kind)


def _reference(before: n.Node, last: n.Node) -> tuple[n.Node, _Alignment]:
    ref = before
    for _ in range(3):
        found = _align(ref, last)
        if found is None:
            raise ParseFailure(UNDECIDED)
        if not found.grow:
            return ref, found
        if any(isinstance(x, n.Num) for x in found.grow):
            # 2 beside 2^n (1 + 2 + \cdots + 2^n): the powers of 2, or every number up to 2^n? A letter (r
            # beside r^n) has no such second reading; numbers need a run to show their ratio (_geometric_run)
            raise ParseFailure(UNDECIDED)
        ref = _with_exponents(ref, found.grow)
    raise ParseFailure(UNDECIDED)


def _bigop(ref: n.Node, p: _Pattern, var: str, kind: str) -> n.BigOp:
    """The index counts the slot that moves by one (up, or down for a sum), else the terms from 1."""
    k = letter(var)
    up = next((j for j, step in enumerate(p.steps) if step == 1), None)
    down = next((j for j, step in enumerate(p.steps) if step == -1), None) if kind in COMMUTATIVE else None
    if up is not None or down is not None:
        j = up if up is not None else down
        sign = p.steps[j]  # type: ignore[index]
        # slot s at index k: its value in the reference plus its steps for the steps k is from there
        values = [r + (k - p.refs[j]).scaled(Fraction(s * sign)) for r, s in zip(p.refs, p.steps)]  # type: ignore[index]
        first, end = render(p.firsts[j], p.slots[j]), p.ends[j]  # type: ignore[index]
        lo, hi = (first, end) if sign == 1 else (end, first)
    elif p.span is not None:
        values = [f + (k - number(1)).scaled(Fraction(s)) for f, s in zip(p.firsts, p.steps)]
        lo, hi = n.Num(ref.start, ref.start, "1"), render(p.span + number(p.terms), p.ends[0])
    else:
        raise ParseFailure(UNDECIDED)
    rendered = {id(s): render(v, s) for s, v in zip(p.slots, values)}
    body = n.rebuild(ref, lambda x: rendered.get(id(x)))
    return n.BigOp(ref.start, ref.end, kind, var, lo, hi, body, least=p.terms)


# -- runs of numbers -----------------------------------------------------------------------------------
#: written numbers a geometric run needs: two fit an arithmetic pattern as well (1 + 2 + ... + 2^k may be
#: every number up to 2^k), and which one the author means the last term does not always tell
GEOMETRIC_TERMS = 3


def _whole(node: n.Node) -> int | None:
    """The value of a written whole number (``16``), else None."""
    return int(node.value) if isinstance(node, n.Num) and node.value.isdigit() else None


def _power_of(value: Fraction, base: int) -> int | None:
    """t with base^t == value (t may be negative), or None."""
    if value <= 0 or base < 2:
        return None
    t = 0
    while value.denominator == 1 and value.numerator % base == 0:
        value, t = value / base, t + 1
    while value.numerator == 1 and value.denominator % base == 0 and value.denominator > 1:
        value, t = value * base, t - 1
    return t if value == 1 else None


def _root_base(value: int) -> int:
    """The least g with value a whole power of g (8 -> 2, 12 -> 12)."""
    for g in range(2, value + 1):
        if _power_of(Fraction(value), g) is not None:
            return g
    return value


def _rational(node: n.Node) -> Fraction | None:
    """The value of a written whole number (``16``) or a fraction of two (``\\frac14``), else None."""
    if isinstance(node, n.Div) and not node.juxtaposed:
        num, den = _whole(node.num), _whole(node.den)
        return Fraction(num, den) if num is not None and den else None
    whole = _whole(node)
    return None if whole is None else Fraction(whole)


def _powers(node: n.Node, g: int) -> tuple[Fraction, Affine] | None:
    """``node`` as c * g^E with a rational c and an affine E: a whole number, ``b^E`` with b a whole power
    of g, a whole number times one (3 \\cdot 2^n), or a fraction of two such (\\frac{1}{2^n}); None else."""
    while isinstance(node, n.Paren) and node.delim == "(":
        node = node.inner
    if _whole(node) is not None:
        return Fraction(_whole(node)), number(0)  # type: ignore[arg-type]
    if isinstance(node, n.Pow) and _whole(node.base) is not None:
        p = _power_of(Fraction(_whole(node.base)), g)  # type: ignore[arg-type]
        exponent = affine(node.exp)
        return (Fraction(1), exponent.scaled(Fraction(p))) if p and exponent is not None else None
    if isinstance(node, n.Mul) and len(node.factors) == 2 and _whole(node.factors[0]) is not None:
        rest = _powers(node.factors[1], g)
        return None if rest is None else (rest[0] * _whole(node.factors[0]), rest[1])  # type: ignore[operator]
    if isinstance(node, n.Div) and not node.juxtaposed:
        num, den = _powers(node.num, g), _powers(node.den, g)
        if num is None or den is None or not den[0]:
            return None
        return num[0] / den[0], num[1] - den[1]
    return None


def _exponent_of(last: n.Node, g: int, a: Fraction) -> Affine | None:
    """log_g(last / a) as an affine form, for a last term whose quotient by the run's first term a is
    a whole power of g (see _powers); None otherwise."""
    split = _powers(last, g)
    if split is None:
        return None
    t = _power_of(split[0] / a, g)
    return None if t is None else split[1] + number(t)


def _number_node(value: Fraction, at: n.Node) -> n.Node:
    s, e = at.start, at.end
    if value.denominator == 1:
        return n.Num(s, e, str(value.numerator))
    return n.Div(s, e, n.Num(s, e, str(value.numerator)), n.Num(s, e, str(value.denominator)))


def _geometric_run(before: list[n.Node], last: n.Node, used: set[str]) -> tuple[int, n.BigOp] | None:
    """``1 + 2 + 4 + \\cdots + 2^k``, ``3 + 6 + 12 + \\cdots + 3 \\cdot 2^n``, ``\\frac12 + \\frac14 + \\frac18 +
    \\cdots + \\frac{1}{2^n}``: positive numbers written before the dots (every one of them: a number that
    breaks the pattern contradicts it) with one ratio r, whole or the reciprocal of a whole, and a last
    term c * b^E that is the run's term a r^(J-1) at a whole index J, as the sum of a r^(k-1) for k
    from 1 to J. None when anything is less certain (an arithmetic run is read by its shape, above)."""
    values: list[Fraction] = []
    for x in reversed(before):  # the run is the numbers just before the dots (x + 1 + 2 + 4 + ...)
        if _rational(x) is None:
            break
        values.insert(0, _rational(x))  # type: ignore[arg-type]
    if len(values) < GEOMETRIC_TERMS or any(v <= 0 for v in values):
        return None
    a, r = values[0], values[1] / values[0]
    if any(y / x != r for x, y in zip(values, values[1:])):
        return None
    # a ratio below one counts down the powers of its reciprocal (1/2, 1/4, 1/8: down the powers of 2)
    sign, whole = (1, r) if r > 1 else (-1, 1 / r)
    if whole.denominator != 1 or whole < 2:
        return None
    g = _root_base(int(whole))
    q = _power_of(whole, g)
    exponent = _exponent_of(last, g, a)
    if not q or exponent is None:
        return None
    index = exponent.scaled(Fraction(sign, q)) + number(1)  # J: a r^(J-1) is the last term
    if not index.integral or (index.constant and index.const <= len(values)):
        return None
    if not index.constant and all(c < 0 for _, c in index.coeffs):
        return None
    var = next((v for v in INDEX_LETTERS if v not in used), None)
    if var is None:
        return None
    first = before[-len(values)]
    s, e = first.start, last.end
    step = n.Pow(s, e, _number_node(r, first), render(letter(var) - number(1), first))
    body: n.Node = step if a == 1 else n.Mul(s, e, (_number_node(a, first), step), True, ("\\cdot",))
    return len(values), n.BigOp(s, e, "sum", var, n.Num(s, s, "1"), render(index, last), body, least=len(values))
