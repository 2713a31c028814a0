"""Einstein's summation convention for Cartesian tensors: ``a_i b_i``, ``\\epsilon_{ijk} a_j b_k``,
``\\delta_{ij} x_j``, ``T_{ii}`` written without a sum, meaning one over 1, 2, 3.

The reading rewrites each side: an index letter written exactly twice in one product (or twice on one
symbol, T_{ii}) and bound by no written sum becomes an explicit ``\\sum`` over 1..3 around that
product; a letter written once in each term is a free index, which must be the same in every term and
on both sides. Anything else (a letter three times in a product, a^2_i with i free, an index in a
denominator, an index also used as a quantity, a Greek index contracted, whose sum needs a metric) has
no such reading. The rewritten step is compared with the free indices at every value in 1..3 (see
EinsteinComparator), vectors having 3 entries, as Cartesian tensors do.

check.py asks for this reading only where the step, read without the sums, is not verified: where the
step gives the convention away (see gives_away) the reading decides it; elsewhere it only says that the
step holds with the convention."""
from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace

from lintmath.comparator import Comparator, Outcome, _Watched
from lintmath.lower import EINSTEIN, LEVI_CIVITA, MAX_SUM_TERMS, Instance, _index_letter
from lintmath.parse import nodes as n
from lintmath.sides import Parsed, reclassified

# the range of a Latin index of Cartesian tensors
RANGE = 3
# the index assignments tried at most: every one of up to four free indices (3^4), a sample beyond
MAX_ASSIGNMENTS = 81
# the letters one product contracts at most, each a sum of its own: five, (a x b).(c x d) written with
# \epsilon_{ijk}\epsilon_{ilm} a_j b_k c_l d_m, 3^5 terms; more is left undecided
MAX_CONTRACTED = 5

HOLDS_WITH_EINSTEIN = ("holds with Einstein's convention (an index written twice in a product summed over "
                       "1, 2, 3), which nothing in the step gives away: not decided")
GUESS = "an index written twice in a product summed over 1, 2, 3 (Einstein's convention)"


class NoReading(Exception):
    """The step's indices do not follow the convention (see the module's docstring)."""


class _Reader:
    """Rewrites one side; ``contracted`` collects the letters summed, ``by_derivative`` whether a
    derivative's own index was one of them (\\partial u_i / \\partial x_i)."""

    def __init__(self, candidates: frozenset[str]):
        self.candidates = candidates
        self.contracted: list[str] = []
        self.by_derivative = False
        self.created: set[int] = set()  # ids of the sums written out

    def is_index(self, item: n.Node, bound: frozenset[str]) -> str | None:
        """The letter of an index item that the convention reads; raises for an item that writes such a
        letter inside an expression (x_{i+1})."""
        if _index_letter(item):
            return item.base if item.base in self.candidates and item.base not in bound else None
        if any(isinstance(x, n.Sym) and x.base in self.candidates and x.base not in bound for x in item.walk()):
            raise NoReading("an index inside an expression (x_{i+1})")
        return None

    def summed(self, node: n.Node, letters: list[str]) -> n.Node:
        if any(not (len(letter) == 1 and "a" <= letter <= "z") for letter in letters):
            # \mu\nu contracted with a metric (T^\mu{}_\mu = g_{\mu\nu} T^{\mu\nu}): not read yet
            raise NoReading("a Greek index written twice (a metric's contraction) is not read yet")
        self.contracted.extend(letters)
        one, top = n.Num(node.start, node.start, "1"), n.Num(node.start, node.start, str(RANGE))
        if RANGE ** len(letters) <= MAX_SUM_TERMS or len(letters) > MAX_CONTRACTED:
            # one sum over all (beyond MAX_CONTRACTED letters more than a sum is evaluated for: not decided)
            total = n.BigOp(node.start, node.end, "sum", letters[0], one, top, node, extra_vars=tuple(letters[1:]))
            self.created.add(id(total))
            return total
        # one sum of 3 terms per letter: \epsilon_{ijk}\epsilon_{klm} a_j b_l c_m contracts four letters,
        # 81 terms, more than one sum over all four is evaluated for, yet cheap products of entries
        total = node
        for letter in reversed(letters):
            total = n.BigOp(node.start, node.end, "sum", letter, one, top, total)
            self.created.add(id(total))
        return total

    def combined(self, node: n.Node, parts: list[tuple[str, ...]]) -> tuple[n.Node, tuple[str, ...]]:
        """``node`` whose parts carry the free letters ``parts``: a letter twice is summed around it."""
        counts: dict[str, int] = {}
        for letters in parts:
            for letter in letters:
                counts[letter] = counts.get(letter, 0) + 1
        if any(c > 2 for c in counts.values()):
            raise NoReading("an index written three times in one product")
        twice = sorted(letter for letter, c in counts.items() if c == 2)
        once = tuple(sorted(letter for letter, c in counts.items() if c == 1))
        return (self.summed(node, twice) if twice else node), once

    def read(self, node: n.Node, bound: frozenset[str] = frozenset()) -> tuple[n.Node, tuple[str, ...]]:
        """``node`` rewritten, and its free letters."""
        if isinstance(node, (n.Num, n.Const)):
            return node, ()
        if isinstance(node, n.Sym):
            if node.base in self.candidates and node.base not in bound and not node.indices:
                raise NoReading(f"{node.base} both an index and a quantity")
            if node.sup_letter is not None and node.sup_letter.base in self.candidates:
                raise NoReading("an index written as a superscript")
            letters = [x for x in (self.is_index(i, bound) for i in node.indices) if x]
            return self.combined(node, [(letter,) for letter in letters])
        if isinstance(node, n.Paren):
            inner, free = self.read(node.inner, bound)
            return replace(node, inner=inner), free
        if isinstance(node, n.Add):
            terms, frees = [], set()
            for term in node.terms:
                body, free = self.read(term.node, bound)
                terms.append(replace(term, node=body))
                frees.add(frozenset(free))
            if len(frees) > 1:
                raise NoReading("terms with different free indices")
            return replace(node, terms=tuple(terms)), tuple(sorted(frees.pop()))
        if isinstance(node, n.Mul):
            read, inner = [], []
            before_all = len(self.contracted)
            for f in node.factors:
                before = len(self.contracted)
                read.append(self.read(f, bound))
                inner.append(set(self.contracted[before:]))
            if any(letter in inner[j] or letter in read[j][1] for k in range(len(read)) for letter in inner[k]
                   for j in range(len(read)) if j != k):
                # \varepsilon_{kk}\delta_{kk}: k four times in one product, whose traces summed apart or
                # all at once is a guess
                raise NoReading("an index written three times in one product")
            rebuilt, once = self.combined(replace(node, factors=tuple(r[0] for r in read)), [r[1] for r in read])
            if set(self.contracted[before_all:]) & _coordinate_letters(node):
                # a_j \partial_j x_i: a derivative's own index summed with another factor's, (a . \nabla) x
                self.by_derivative = True
            return rebuilt, once
        if isinstance(node, n.Div):
            (num, free), (den, below) = self.read(node.num, bound), self.read(node.den, bound)
            if below:
                raise NoReading("a free index in a denominator")
            return replace(node, num=num, den=den), free
        if isinstance(node, n.Pow):
            (base, free), (exp, above) = self.read(node.base, bound), self.read(node.exp, bound)
            if free or above:
                # a_i^2: the square of one entry, or a_i a_i summed?
                raise NoReading("a power of an entry with a free index")
            return replace(node, base=base, exp=exp), ()
        if isinstance(node, (n.Abs, n.Sqrt)) and not (isinstance(node, n.Sqrt) and node.index is not None):
            field = "inner" if isinstance(node, n.Abs) else "radicand"
            inner, free = self.read(getattr(node, field), bound)
            return replace(node, **{field: inner}), free
        if isinstance(node, n.Func) and node.name == n.ENTRY:
            # (a \times b)_i: the bracket is a vector as a whole, its index free
            inner, free = self.read(node.args[0], bound)
            if free:
                raise NoReading("an entry of an expression with free indices")
            letters = [x for x in (self.is_index(i, bound) for i in node.args[1:]) if x]
            return self.combined(replace(node, args=(inner, *node.args[1:])), [(letter,) for letter in letters])
        if isinstance(node, (n.Func, n.Apply)):
            read = [self.read(a, bound) for a in node.args]
            letters = [x for x in (self.is_index(i, bound) for i in node.func.indices) if x] \
                if isinstance(node, n.Apply) else []
            if isinstance(node, n.Func) and node.power is not None and self.read(node.power, bound)[1]:
                raise NoReading("a power with a free index")
            counts = [letter for _, free in read for letter in free] + letters
            if len(set(counts)) < len(counts):
                raise NoReading("an index written twice among a function's arguments")
            return replace(node, args=tuple(r[0] for r in read)), tuple(sorted(counts))
        if isinstance(node, n.Deriv):
            before = len(self.contracted)
            body, free = self.read(node.body, bound)
            letters: list[str] = []
            for var, order in node.wrt:
                mine = [x for x in (self.is_index(i, bound) for i in getattr(var, "indices", ())) if x]
                if mine and (order != 1 or not isinstance(var, n.Sym)):
                    raise NoReading("a higher derivative by an indexed coordinate")
                letters.extend(mine)
            rebuilt, once = self.combined(replace(node, body=body), [free, *[(x,) for x in letters]])
            # (and \partial_i(x_j x_j): a derivative by a coordinate x_i of what sums an index, a scalar field)
            if set(letters) & set(self.contracted) or letters and len(self.contracted) > before:
                self.by_derivative = True
            return rebuilt, once
        if isinstance(node, n.BigOp) and node.kind == "sum":
            variables = frozenset({node.var, *node.extra_vars})
            for part in (node.lo, node.hi, *node.exclude):
                if part is not None and self.read(part, bound)[1]:
                    raise NoReading("a sum's bound with a free index")
            body, free = self.read(node.body, bound | variables)
            return replace(node, body=body), free
        if any(isinstance(x, n.Sym) and x.base in self.candidates and x.base not in bound for x in node.walk()):
            raise NoReading(f"an index inside {type(node).__name__}, which the convention is not read through")
        return node, ()


def _coordinate_letters(node: n.Mul) -> set[str]:
    """The index letters of the coordinates that the factors of ``node`` differentiate by (\\partial_j, by x_j)."""
    out: set[str] = set()
    for factor in node.factors:
        if isinstance(factor, n.Deriv):
            out.update(i.base for var, _ in factor.wrt if isinstance(var, n.Sym) for i in var.indices
                       if _index_letter(i))
    return out


def labels_one_quantity(*trees: n.Node) -> bool:
    """Whether every index letter of the step is written on one symbol only, always the same (\\omega_n,
    k_c, T_d), and the convention still has no reading of the step: the letter is then a label of that
    quantity (\\zeta\\omega_n / \\omega_n, m\\omega_n^2\\sin(\\omega_n t), k_c in a written matrix's entries),
    no dummy that a sum could rename, and the step is decided as written. A step the convention reads
    (a_i a_i = |a|^2, one symbol too) stays the convention's to decide."""
    carriers: dict[str, set[tuple]] = {}
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym):
                for item in node.indices:
                    if _index_letter(item):
                        carriers.setdefault(item.base, set()).add(_written_as(node))
    if not carriers or any(len(keys) > 1 for keys in carriers.values()):
        return False
    try:
        read_step(*trees)
    except NoReading:
        return True
    return False


def _written_as(symbol: n.Sym) -> tuple:
    """The symbol as written, its place aside: name, indices, primes (\\omega_n and \\omega_{nm} differ)."""
    return (symbol.key, symbol.primes, tuple(i.key if isinstance(i, n.Sym) and not i.indices else repr(type(i))
                                             for i in symbol.indices))


def _candidates(*trees: n.Node) -> frozenset[str]:
    """The letters written as bare indices of symbols, of entries (x)_i and of derivatives' coordinates."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            items = node.indices if isinstance(node, n.Sym) else \
                node.args[1:] if isinstance(node, n.Func) and node.name == n.ENTRY else ()
            out.update(item.base for item in items if _index_letter(item))
    return frozenset(out)


def _terms(side: n.Node) -> list[n.Node]:
    while isinstance(side, n.Paren):
        side = side.inner
    return [t.node for t in side.terms] if isinstance(side, n.Add) else [side]


def read_step(lhs: n.Node, rhs: n.Node, written: bool = False) -> tuple[n.Node, n.Node, tuple[str, ...], bool]:
    """Both sides with the convention's sums written out, the free indices, and whether the step gives
    the convention away (see gives_away). Raises NoReading, also where no index is written twice unless
    ``written`` (sides whose sums are all written out already)."""
    candidates = _candidates(lhs, rhs)
    sides, frees, contracted_terms, deriv, summed = [], [], [], False, False
    for side in (lhs, rhs):
        reader = _Reader(candidates)
        rewritten, free = reader.read(side)
        sides.append(rewritten)
        frees.append(free)
        deriv |= reader.by_derivative
        summed |= bool(reader.contracted)
        # a side whose every term sums an index of its own (a number, 0, says nothing either way)
        contracted_terms.append(n.letter_free(side) or all(any(id(x) in reader.created for x in t.walk())
                                                           for t in _terms(rewritten)))
    if frees[0] != frees[1] and not any(_zero(side) for side in (lhs, rhs)):
        raise NoReading("the free indices of the two sides differ")
    if not summed and not written:
        raise NoReading("no index written twice")
    away = deriv or all(contracted_terms) or _symbols_written(lhs, rhs) or _vectors_beside_entries(lhs, rhs)
    return sides[0], sides[1], tuple(sorted(set(frees[0]) | set(frees[1]))), away


def _zero(side: n.Node) -> bool:
    """``0``: the zero tensor, whatever its free indices (\\epsilon_{ijk} a_j a_k = 0)."""
    while isinstance(side, n.Paren):
        side = side.inner
    return isinstance(side, n.Num) and side.value.strip("0.") == "" and "0" in side.value


def _symbols_written(*trees: n.Node) -> bool:
    """Whether the step writes a Kronecker delta or a Levi-Civita symbol between index letters."""
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Sym) and not x.style and any(_index_letter(i) for i in x.indices) and (
                    x.base == "\\delta" and len(x.indices) == 2 or x.base in LEVI_CIVITA and len(x.indices) >= 3):
                return True
    return False


def _vectors_beside_entries(*trees: n.Node) -> bool:
    """Whether the step writes a vector in bold beside its entries with index letters (\\mathbf{a} \\cdot \\mathbf{b}
    = a_j b_j), and no bold letter with an index (a basis \\mathbf{e}_i, whose sum the vectors' entries do not
    show): the vector notation says the entries are summed."""
    symbols = [x for tree in trees for x in tree.walk() if isinstance(x, n.Sym)]
    bold = {x.base for x in symbols if "bf" in x.style.split("+") and not x.indices}
    if not bold or any("bf" in x.style.split("+") and x.indices for x in symbols):
        return False
    return any(not x.style and x.base in bold and len(x.indices) == 1 and _index_letter(x.indices[0])
               for x in symbols)


def gives_away(lhs: n.Node, rhs: n.Node) -> bool:
    """Whether the step shows that it uses the convention: a Kronecker delta or a Levi-Civita symbol
    between index letters, a derivative by x_i summed over i, or an index written twice in every term of
    both sides. False where the convention does not read the step."""
    try:
        return read_step(lhs, rhs)[3]
    except NoReading:
        return False


def reading(parsed: Parsed) -> tuple[Parsed, tuple[str, ...]] | str:
    """The step with the convention's sums written out (letters classified afresh) and its free
    indices, or why the convention does not read it."""
    try:
        left, right, free, _ = read_step(parsed.lhs, parsed.rhs)
    except NoReading as exc:
        return f"Einstein's convention does not read the step: {exc}"
    return reclassified(parsed, left, right), free


class EinsteinComparator(Comparator):
    """A Comparator for a step rewritten by ``reading``: every reading of its notation is taken with
    vectors of 3 entries and the free indices at values in 1..3 (all of them, while there are at most
    MAX_ASSIGNMENTS); a tree compared that is not the step's own (a candidate edit of the diagnosis) is
    rewritten the same way first."""

    def __init__(self, parsed: Parsed, relation: str, seed: int, *args, free: tuple[str, ...] = (), **kwargs):
        super().__init__(parsed, relation, seed, *args, **kwargs)
        self.free = free
        self._einstein_instances: dict[tuple, list[Instance]] = {}

    def readings(self) -> list[frozenset]:
        return [flips | {EINSTEIN} for flips in super().readings()]

    def assignments(self) -> list[dict[str, int]]:
        every = itertools.product(range(1, RANGE + 1), repeat=len(self.free))
        values = list(every) if RANGE ** len(self.free) <= MAX_ASSIGNMENTS else \
            [tuple(random.Random(f"{self.seed}:einstein:{k}").randint(1, RANGE) for _ in self.free)
             for k in range(MAX_ASSIGNMENTS)]
        return [dict(zip(self.free, v)) for v in values]

    def instances(self, flips: frozenset, atoms: bool = False) -> list[Instance]:
        key = (flips, atoms)
        if key not in self._einstein_instances:
            base = super().instances(flips, atoms)
            if not self.free:
                self._einstein_instances[key] = base
            else:
                # every assignment with each instance's random arrays while that is few, so that an
                # entry that vanishes by chance (a cross product's) does not pass for agreement
                values = self.assignments()
                pairs = [(v, t) for v in values for t in base] if len(values) * len(base) <= MAX_ASSIGNMENTS \
                    else [(v, base[k % len(base)]) for k, v in enumerate(values)]
                self._einstein_instances[key] = [
                    _Watched(template.size, dict(v), dict(template.integers), flips, seed=template.seed,
                             atoms=atoms, bounds=template.bounds) for v, template in pairs]
        return self._einstein_instances[key]

    def compare(self, lhs: n.Node, rhs: n.Node, flips: frozenset = frozenset(), atoms: bool = False,
                equal_only: bool = False) -> Outcome:
        if not (lhs is self.parsed.lhs and rhs is self.parsed.rhs):
            try:
                lhs, rhs, free, _ = read_step(lhs, rhs, written=True)
            except NoReading as exc:
                return Outcome("undecided", f"Einstein's convention does not read it: {exc}", readable=False)
            if set(free) - set(self.free):
                return Outcome("undecided", "an index that is free in neither side of the step", readable=False)
        return super().compare(lhs, rhs, flips, atoms, equal_only)



# tensors of two indices taken symmetric or antisymmetric at most: 3^3 - 1 combinations
MAX_SYMMETRIC = 3


def _tensors(*trees: n.Node) -> list[str]:
    """The keys of the letters written with two index letters (T_{ij}), other than delta and epsilon."""
    keys = {x.key for t in trees for x in t.walk() if isinstance(x, n.Sym) and len(x.indices) == 2
            and all(_index_letter(i) for i in x.indices) and x.base != "\\delta"}
    return sorted(keys)


def _with_symmetry(tree: n.Node, modes: dict[str, str]) -> n.Node:
    """``tree`` with each T_{ab} of ``modes`` written as its symmetric ("+") or antisymmetric ("-") part."""
    def part(node: n.Node) -> n.Node | None:
        if not (isinstance(node, n.Sym) and node.key in modes and len(node.indices) == 2):
            return None
        s, e = node.start, node.end
        swapped = replace(node, indices=node.indices[::-1])
        both = n.Add(s, e, (n.Term(s, e, "+", node), n.Term(s, e, modes[node.key], swapped)))
        return n.Mul(s, e, (n.Div(s, e, n.Num(s, s, "1"), n.Num(s, s, "2")), n.Paren(s, e, both)))
    return n.rebuild(tree, part)


def symmetry_excuse(parsed: Parsed, relation: str, seed: int) -> str:
    """Where the step, with the convention, holds once some tensor of two indices is symmetric or
    antisymmetric (\\sigma_{ij} n_j = \\sigma_{ji} n_j, a stress tensor): what it holds if, which only the
    prose can say; "" where no such choice makes it hold."""
    convention = reading(parsed)
    if isinstance(convention, str):
        return ""
    rewritten, free = convention
    keys = _tensors(rewritten.lhs, rewritten.rhs)
    if not keys:
        return ""
    if len(keys) > MAX_SYMMETRIC:
        return "holds if some of its tensors are symmetric? (too many to try): not decided"
    comparator = EinsteinComparator(rewritten, relation, seed, free=free)
    for modes in itertools.product(("", "+", "-"), repeat=len(keys)):
        chosen = {k: m for k, m in zip(keys, modes) if m}
        if not chosen:
            continue
        outcome = comparator.compare(_with_symmetry(rewritten.lhs, chosen), _with_symmetry(rewritten.rhs, chosen),
                                     frozenset({EINSTEIN}))
        if outcome.kind != "differ":  # (both sides 0 for an antisymmetric T, undecided, is no refutation)
            said = ", ".join(f"{k.split(':')[-1]} is {'symmetric' if m == '+' else 'antisymmetric'}"
                             for k, m in chosen.items())
            return f"holds with Einstein's convention if {said}, which only the prose can say"
    return ""


RADIAL_DIFFER = ("differs with r a constant; r beside a derivative by a coordinate x_i is usually the distance "
                 "|x| = \\sqrt{x_k x_k}, which depends on x_i, and so the step may hold: not decided")

RADIAL_GUESS = "r beside a derivative by a coordinate x_i the distance |x| = \\sqrt{x_k x_k}"

RADIAL_HOLDS = ("holds with r a constant, not with r the distance |x| = \\sqrt{x_k x_k} that r beside a derivative "
                "by a coordinate x_i usually is: not decided")
UNSUMMED_DERIVATIVE = ("holds for one value of the index; a derivative by x_i of an expression that writes the same "
                       "index sums over it (Einstein's convention), and so it differs or is not decided: not verified")


def sums_by_derivative(lhs: n.Node, rhs: n.Node) -> bool:
    """Whether the convention reads the step and sums an index of a derivative's own coordinate
    (\\partial u_i/\\partial x_i, \\partial(x_i/r)/\\partial x_i)."""
    candidates = _candidates(lhs, rhs)
    try:
        readers = [_Reader(candidates) for _ in (lhs, rhs)]
        for reader, side in zip(readers, (lhs, rhs)):
            reader.read(side)
    except NoReading:
        return False
    return any(reader.by_derivative for reader in readers)


# a bare r as a letter of its own: not the r of \frac, \partial or \rho, nor one written beside other letters
# (but after a one-letter subscript, x_ir, which ends before it)
_BARE_R = re.compile(r"(?:(?<![\\A-Za-z])|(?<=[^\\]_[A-Za-z]))r(?![A-Za-z])")


def writes_rate_of_r(*trees: n.Node) -> bool:
    """Whether the step writes the derivative of r itself (\\partial r/\\partial x_i, \\partial_i r): r is then a
    function of the coordinates throughout the step, never held constant (see lower.dependents)."""
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Deriv):
                body = node.body
                while isinstance(body, n.Paren):
                    body = body.inner
                if isinstance(body, n.Sym) and body.base == "r" and not body.indices and not body.style:
                    return True
    return False


def radial_texts(lhs: str, rhs: str, *trees: n.Node) -> tuple[str, str] | None:
    """The step's sides with r written as |x| = \\sqrt{x_k x_k}, where a side differentiates by an
    indexed coordinate x_i and also writes a bare r (\\partial(x_i/r)/\\partial x_i = 2/r): a lowering
    that holds r constant refutes what is right for the distance from the origin. None where the step
    has no such derivative or no such r, or where no letter is free to sum the square over."""
    coordinates = {var.base for tree in trees for node in tree.walk() if isinstance(node, n.Deriv)
                   for var, _ in node.wrt if isinstance(var, n.Sym) and any(_index_letter(i) for i in var.indices)}
    inside = {id(x) for tree in trees for s in tree.walk() if isinstance(s, n.Sym) for i in s.indices
              for x in i.walk()}
    rs = [x for tree in trees for x in tree.walk() if isinstance(x, n.Sym) and x.base == "r"]
    bound = {v for tree in trees for x in tree.walk() if isinstance(x, n.BigOp) for v in (x.var, *x.extra_vars)}
    if len(coordinates) != 1 or not rs or "r" in bound or any(id(x) in inside or x.style or x.indices for x in rs):
        # (an r written as an index, y_r, or set bold, \mathbf r, or summed over is no distance; and the text's
        # every r is rewritten, so one such r leaves the step without this reading)
        return None
    used = {x.base for tree in trees for x in tree.walk() if isinstance(x, n.Sym)} | _candidates(*trees)
    fresh = next((letter for letter in "qpstuvw" if letter not in used), None)
    if fresh is None:
        return None
    (coordinate,) = coordinates
    distance = f"\\sqrt{{{coordinate}_{fresh} {coordinate}_{fresh}}}"
    # a group of its own, no bracket that could read as an argument (x_j (\\sqrt{...})^2 as x_j applied)
    return _BARE_R.sub(lambda _: "{" + distance + "}", lhs), _BARE_R.sub(lambda _: "{" + distance + "}", rhs)
