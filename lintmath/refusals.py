"""Patterns in a refuted step's notation under which the prose may make it hold: the checker asks
these of steps it is about to refute, and a step that shows one is unverified, not wrong. Each looks at
the parsed trees only (a sigma of a random variable, a mean of data put in, a closed form for a sum
of a course's sequence or its total named beside it, cross products of letters read as numbers,
inner products a hypothesis removes)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lintmath.parse import nodes as n

if TYPE_CHECKING:
    from lintmath.sides import Parsed
    from lintmath.lower import Letters


def _random_letter(node: n.Node) -> bool:
    """Whether ``node`` mentions a bare capital Latin letter, the way a random variable is written."""
    return any(isinstance(y, n.Sym) and len(y.base) == 1 and "A" <= y.base <= "Z" and not y.indices
               for y in node.walk())


def dispersion_sigma(nodes: list[n.Node]) -> bool:
    """Whether sigma is applied to a random variable (``\\sigma(aX) = |a|\\sigma(X)``,
    ``\\sigma^2(X + Y)``): in probability the standard deviation, not the sigmoid (or a product) that
    this checker reads."""
    for x in nodes:
        if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base == "\\sigma" \
                and not x.func.indices and any(_random_letter(a) for a in x.args):
            return True
        if isinstance(x, n.Mul):
            for f, g in zip(x.factors, x.factors[1:]):
                if isinstance(f, n.Pow) and isinstance(f.base, n.Sym) and f.base.base == "\\sigma" \
                        and isinstance(g, n.Paren) and g.delim == "(" and _random_letter(g.inner):
                    return True
    return False


def family_members(trees: list[n.Node]) -> bool:
    """Whether one side alone writes a subscripted letter with a whole number above it right before a
    bracket (``P_2^1(x)``, ``Y_1^0(\\theta)``, ``L_3^{2}(x)``): special-function notes name the members of
    a family so (associated Legendre functions, spherical harmonics, generalised Laguerre polynomials),
    a function of the bracket, where the checker reads a power of a letter times it. A letter the other
    side writes too (``c_1^2(x + y) = c_1^2x + c_1^2y``) is a coefficient, as read."""
    def members(tree: n.Node) -> set[str]:
        out = set()
        for x in tree.walk():
            if isinstance(x, n.Mul):
                for f, g in zip(x.factors, x.factors[1:]):
                    if isinstance(f, n.Pow) and isinstance(f.base, n.Sym) and f.base.indices \
                            and not f.base.labels and isinstance(f.exp, n.Num) and f.exp.value.isdigit() \
                            and isinstance(g, n.Paren) and g.delim == "(":
                        out.add(f.base.key)
        return out

    def letters(tree: n.Node) -> set[str]:
        return {x.key for x in tree.walk() if isinstance(x, n.Sym)}

    left, right = trees
    return bool(members(left) - letters(right) or members(right) - letters(left))


def variable_subscript(nodes: list[n.Node]) -> bool:
    """Whether a symbol subscripted by a scaled random variable stands beside the same symbol of the
    variable (``\\sigma_{aX} = |a|\\sigma_X``, ``\\mu_{2X}``): the parameter of the distribution of aX,
    which reading the subscript as two indices (a, X) cannot relate to the parameter of X."""
    plain = {(x.base, x.indices[0].base) for x in nodes if isinstance(x, n.Sym) and len(x.indices) == 1
             and isinstance(x.indices[0], n.Sym) and _random_letter(x.indices[0])}
    # a scaled variable is written scale first, variable last (aX, 2X, cW): a subscript whose other
    # parts are capitals too, or whose variable is not last, labels a pair (the genotype of w_{Aa}
    # beside the allele's w_A, the haplotype of p_{AB} beside p_A), which the indices read exactly
    return any(isinstance(x, n.Sym) and len(x.indices) > 1 and isinstance(x.indices[-1], n.Sym)
               and (x.base, x.indices[-1].base) in plain
               and not any(_random_letter(i) for i in x.indices[:-1]) for x in nodes)


def slots_moved(nodes: list[n.Node]) -> bool:
    """Whether one name is left open (``k(x, \\cdot)``, read as the name with the slot among its
    indices) in two different slots, or is written otherwise too (``k_x``, ``k(x, y)``): a symmetric
    kernel makes k(x, \\cdot) and k(\\cdot, x) one function, and the prose may define k_x as k(x, \\cdot)
    or give k(x, y) as its inner product, none of which the separate names can show."""
    def slot(i: n.Node) -> bool:
        return isinstance(i, n.Sym) and i.style == "label" and i.base == "\\cdot"

    slots: dict[str, set[tuple[int, ...]]] = {}
    for x in nodes:
        if isinstance(x, n.Sym) and any(slot(i) for i in x.indices):
            slots.setdefault(x.key, set()).add(tuple(k for k, i in enumerate(x.indices) if slot(i)))
    if any(len(v) > 1 for v in slots.values()):
        return True
    return any(isinstance(x, n.Sym) and x.key in slots and not any(slot(i) for i in x.indices)
               or isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.key in slots for x in nodes)


def dropped_family_sums(left: n.Node, right: n.Node) -> set[str]:
    """Means of a family of data (``\\frac{1}{m}\\sum_{i=1}^m x_i``: the bare entries summed, the count m
    also outside the sum) on the left that the right no longer holds. Such a sum has no closed form:
    it leaves a step by cancelling (then the sides agree) or by the mean the prose defines put in
    (``\\mu_B``), a substitution like a dropped variable, not a typo. A sum whose count is not outside it
    (weights summing to 1) is left to the readings that normalise it, and a family with a barred
    letter (x-bar) to the implied mean, which decides the step."""
    sums = [node for node in left.walk() if isinstance(node, n.BigOp) and node.kind == "sum"
            and isinstance(node.hi, n.Sym)]
    if not sums:
        return set()  # cheap gate: no sum up to a letter on the left
    inside = {id(x) for node in sums for x in node.walk()}
    outside = {x.base for x in left.walk() if isinstance(x, n.Sym) and id(x) not in inside}
    kept = {n.structure(node) for node in right.walk() if isinstance(node, n.BigOp)}
    collected = {(node.var, n.structure(node.lo), n.structure(node.hi), n.structure(factor))
                 for node in right.walk() if isinstance(node, n.BigOp) and node.kind == "sum"
                 and node.lo is not None and node.hi is not None for factor in _factors(node.body)}
    bars = {x.base for x in (*left.walk(), *right.walk()) if isinstance(x, n.Sym) and x.style == "bar"}
    out = set()
    for node in sums:
        entry = node.body  # the bare entries x_i: a sum of their squares or deviations stays decided
        if isinstance(entry, n.Sym) and len(entry.indices) == 1 and isinstance(entry.indices[0], n.Sym) \
                and entry.indices[0].base == node.var and entry.base not in bars \
                and node.hi.base in outside and n.structure(node) not in kept \
                and (node.var, n.structure(node.lo), n.structure(node.hi), n.structure(entry)) not in collected:
            # (a sum over the same range with the bare entry a factor of its body, \sum_i x_i(c - a_i),
            # collected the family's sum with others: its entries are still there, no mean was put in)
            out.add(f"{entry.key}_{node.var}")
    return out


def _factors(body: n.Node) -> list[n.Node]:
    """The factors of a sum's body (the body itself when it is no product), brackets taken off."""
    while isinstance(body, n.Paren):
        body = body.inner
    if isinstance(body, n.Apply) and body.maybe_product:
        return [body.func, body]  # \xi_i(c - a_i): the letter before a bracket may be a factor
    return list(body.factors) if isinstance(body, n.Mul) and not any(body.ops) else [body]


def quadratic_pair(node: n.Node) -> bool:
    """``v^T v``, ``u^T w`` or ``v'v`` written as one product of two factors (bracketed in a longer
    one), or a term ``2u^T w``."""
    if not isinstance(node, n.Mul) or len(node.factors) < 2 or any(node.ops) \
            or not all(isinstance(f, n.Num) for f in node.factors[:-2]):
        return False
    first, second = node.factors[-2:]  # after a numeric coefficient, 2x^T y
    transposed = isinstance(first, n.Transpose) and isinstance(first.inner, n.Sym) \
        or isinstance(first, n.Sym) and first.primes == 1
    return transposed and isinstance(second, n.Sym) and second.primes == 0


VECTOR_STYLES = frozenset({"bf", "vec", "arrow", "bm"})


def dotted_pair(node: n.Node) -> bool:
    """``\\mathbf{u} \\cdot \\mathbf{v}_\\perp``: a dot product written between two letters in a vector style, the
    physics spelling of ``u^T v``."""
    if not isinstance(node, n.Mul) or len(node.factors) != 2 or node.ops != ("\\cdot",):
        return False
    return all(isinstance(f, n.Sym) and not f.primes and VECTOR_STYLES & set(f.style.split("+"))
               for f in node.factors)


def uncoefficient(node: n.Node) -> n.Node:
    """The one non-numeric factor of ``2<u, v>``; the node itself otherwise."""
    if isinstance(node, n.Mul) and not quadratic_pair(node) and not dotted_pair(node):
        rest = [f for f in node.factors if not isinstance(f, n.Num)]
        return rest[0] if len(rest) == 1 else node
    return node


def summed_pair(node: n.Node) -> tuple[n.Node, n.Node] | None:
    """The two factors of ``\\sum_i (y_i - \\hat y_i)(\\hat y_i - \\bar y)``: a sum over one index of a product of
    two factors that both run with it, the inner product of two vectors written entry by entry (as the
    cross term of an analysis of variance is), or None."""
    if not isinstance(node, n.BigOp) or node.kind != "sum" or node.extra_vars or node.values or node.exclude:
        return None
    factors = [f for f in _factors(node.body) if not isinstance(f, n.Num)]
    if len(factors) != 2 or not all(n.mentions(f, {node.var}) for f in factors):
        return None
    return factors[0], factors[1]


def vector_pair(site: n.Node) -> frozenset | None:
    """The two vectors an inner product or ``u^T w`` pairs, as an unordered pair of structures (<u, v> and
    <v, u> give the same), or None for anything else."""
    if isinstance(site, n.Inner):
        pair = (site.left, site.right)
    elif summed_pair(site):
        pair = summed_pair(site)
    elif dotted_pair(site):
        pair = (site.factors[0], site.factors[1])
    elif isinstance(site, n.Mul):
        first = site.factors[-2]
        pair = (first.inner if isinstance(first, n.Transpose) else replace(first, primes=0), site.factors[-1])
    else:
        return None
    return frozenset(n.structure(v) for v in pair)


def two_vectors(site: n.Node) -> bool:
    """Whether an inner product or ``u^T w`` pairs two different vectors (not a norm, not v^T v)."""
    pair = vector_pair(site)
    return pair is not None and len(pair) == 2


def basis_cross(node: n.Node) -> bool:
    """``e_2 \\times e_3``: a cross product of numbered vectors of one name."""
    if not isinstance(node, n.Mul) or "\\times" not in node.ops:
        return False
    factors = [f.inner if isinstance(f, n.Paren) else f for f in node.factors]
    return all(isinstance(f, n.Sym) and len(f.indices) == 1 and isinstance(f.indices[0], n.Num) for f in factors) \
        and len({f.key for f in factors}) == 1


def letters_crossed(parsed: Parsed) -> bool:
    """Whether the step writes an ``a \\times b`` between two letters that the lowering reads as
    numbers (neither a known vector nor a matrix), or sums or cross products of such letters
    (``(B - A) \\times (C - A)``, ``\\omega \\times (\\omega \\times r)``). Asked of refuted steps only."""
    arrays = parsed.letters.vectors | parsed.letters.matrices
    for tree in (parsed.lhs, parsed.rhs):
        for node in tree.walk():
            if not isinstance(node, n.Mul) or "\\times" not in node.ops:
                continue  # the cheap gate: most steps write no \times at all
            for k, op in enumerate(node.ops):
                pair = node.factors[k : k + 2]
                if op == "\\times" and len(pair) == 2 and all(_letter_vector(f, arrays) for f in pair):
                    return True
    return False


# the time component of a four-vector (x^0, p^0, A^0) beside its first space component
_COMPONENTS = frozenset({"0", "1"})


def component_superscripts(parsed: Parsed) -> str:
    """The letter of a step that writes it both ``^0`` and ``^1`` (``(A^0)^2 - (A^1)^2``,
    ``p^0 q^0 - p^1 q^1``): relativity's contravariant components, which the lowering reads as powers
    (A^0 = 1). What they make of a four-vector written beside them (``A \\cdot A``) rests on the
    metric's signature, which only the prose gives. "" otherwise. Asked of refuted steps only."""
    seen: dict[str, set[str]] = {}
    for tree in (parsed.lhs, parsed.rhs):
        for node in tree.walk():
            if isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and isinstance(node.exp, n.Num) \
                    and node.exp.value in _COMPONENTS:
                seen.setdefault(node.base.key, set()).add(node.exp.value)
    return next((key for key, marks in seen.items() if marks == _COMPONENTS), "")


def initial_iterates(parsed: Parsed) -> frozenset[str]:
    """The letters a step writes to the power 1, or to the power 0 and to no whole power above 1 (``z^0``,
    ``x^1``): powers no one needs to write, so an iterative method's iterates (x^0 = 2, then x^1,
    x^2 = 0.8 x^1), which the lowering reads as powers (x^0 = 1). A letter written ^0 beside its ^2 and no
    ^1 is a polynomial's (y^0 + y^2), and stays a power. Asked of refuted steps only."""
    written: dict[str, set[str]] = {}
    for tree in (parsed.lhs, parsed.rhs):
        for node in tree.walk():
            # (a subscripted letter, P_2^1 or Y_1^0, is rather a member of a family of functions)
            if isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and isinstance(node.exp, n.Num) \
                    and node.exp.value.isdigit() and not node.base.indices:
                written.setdefault(node.base.key, set()).add(node.exp.value)
    return frozenset(key for key, powers in written.items()
                     if "1" in powers or "0" in powers and not powers - {"0", "1"})


def as_labels(tree: n.Node, keys: frozenset[str]) -> n.Node:
    """``tree`` with each whole-number superscript of the letters ``keys`` read as an iterate's label
    (``z^0`` as ``z^{(0)}``, ``x^2`` as ``x^{(2)}``), not a power."""
    def label(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and node.base.key in keys \
                and isinstance(node.exp, n.Num) and node.exp.value.isdigit():
            sym = node.base
            return replace(sym, end=node.end, labels=(*sym.labels, f"({node.exp.value})"))
        return None
    return n.rebuild(tree, label)


def as_components(tree: n.Node, key: str) -> n.Node:
    """``tree`` with each whole superscript 0..3 of the letter ``key`` read as a component's label
    (``A^1`` as ``A^{(1)}``), not a power."""
    def component(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and node.base.key == key \
                and isinstance(node.exp, n.Num) and node.exp.value in ("0", "1", "2", "3"):
            sym = node.base
            return replace(sym, end=node.end, indices=(*sym.indices, node.exp), labels=(*sym.labels, "()"))
        return None
    return n.rebuild(tree, component)


def _letter_vector(node: n.Node, arrays: frozenset[str]) -> bool:
    """Whether a factor beside \\times may be a vector that the lowering reads as a number: a letter
    (not one it already reads as a vector or matrix, whose \\times is the cross product), a sum of
    such letters, or a cross product itself. Numbers and powers (3 \\times x, \\theta^a \\times
    (1-\\theta)^b) are arithmetic."""
    while isinstance(node, n.Paren):
        node = node.inner
    if isinstance(node, n.Sym):
        return node.key not in arrays
    if isinstance(node, n.Add):
        return all(_letter_vector(t.node, arrays) for t in node.terms)
    return isinstance(node, n.Mul) and "\\times" in node.ops and all(_letter_vector(f, arrays) for f in node.factors)


def _letters(node: n.Node | None) -> set[str]:
    return set() if node is None else {s.base for s in node.walk() if isinstance(s, n.Sym)}


def _sequence_members(tree: n.Node) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The entries ``x_i`` a sum or product runs over (the index uses its variable, at one shift only),
    each key with the letters of that sum's bounds; and the entries at an index of free letters only (``x_n``,
    ``x_{n+2}``), each key with those letters."""
    summed: dict[str, set[str]] = {}
    bound: set[str] = set()
    for op in tree.walk():
        if isinstance(op, n.BigOp):
            variables = {op.var, *op.extra_vars}
            bound |= variables
            shifts: dict[str, set] = {}
            for x in op.body.walk():
                if isinstance(x, n.Sym) and len(x.indices) == 1 and _letters(x.indices[0]) & variables:
                    shifts.setdefault(x.key, set()).add(n.structure(x.indices[0]))
            for key, indices in shifts.items():
                # x_{i+1} - x_i under one sum telescopes for any values: such a sum stays decided
                if len(indices) == 1:
                    summed.setdefault(key, set()).update(_letters(op.lo) | _letters(op.hi))
    free: dict[str, set[str]] = {}
    for x in tree.walk():
        if isinstance(x, n.Sym) and len(x.indices) == 1:
            letters = _letters(x.indices[0])
            if letters and not letters & bound:
                free.setdefault(x.key, set()).update(letters)
    return summed, free


def has_summed_sequence(lhs: n.Node, rhs: n.Node) -> bool:
    return bool(_summed_sequence(lhs, rhs))


def _summed_sequence(lhs: n.Node, rhs: n.Node) -> str:
    """``\\sum_{i=1}^n F_i = F_{n+2} - 1``, ``\\sum_k H_k = (n+1) H_n - n``: one side sums the members of
    a sequence and the other names only a member at an index made of the sum's bounds. Such a closed
    form holds for the sequence the course defined (Fibonacci, harmonic numbers), never for free
    values, so sampling the members independently is no refutation. A sum peeled on both sides
    (``\\sum_{i=1}^{n} x_i = \\sum_{i=1}^{n-1} x_i + x_n``) holds for any values, and a derivative's
    ``x_j`` picked out of ``\\sum_k x_k^2`` is no member at the bounds: both stay decided. Returns the
    letter, or ""."""
    if not any(isinstance(x, n.BigOp) for side in (lhs, rhs) for x in side.walk()):
        return ""  # the cheap gate: most steps have no sum or product
    (sum_l, free_l), (sum_r, free_r) = _sequence_members(lhs), _sequence_members(rhs)
    for summed, other_summed, other_free in ((sum_l, sum_r, free_r), (sum_r, sum_l, free_l)):
        for key in sorted(summed.keys() & other_free.keys() - other_summed.keys()):
            if summed[key] & other_free[key]:
                return key.split(":")[-1]
    return ""


def _summed_families(tree: n.Node) -> dict[str, list[n.BigOp | None]]:
    """The sequences a side sums or multiplies over their index (the a of \\sum_j a_j): key -> the sums,
    None for a sum that shifts the index (x_{k-1}), which reaches entries below its range."""
    out: dict[str, list[n.BigOp | None]] = {}
    for op in tree.walk():
        if isinstance(op, n.BigOp) and op.kind in ("sum", "prod"):
            for x in op.body.walk():
                if isinstance(x, n.Sym) and any(isinstance(y, n.Sym) and y.base == op.var
                                                for i in x.indices for y in i.walk()):
                    plain = len(x.indices) == 1 and isinstance(x.indices[0], n.Sym) and x.indices[0].base == op.var
                    out.setdefault(x.key, []).append(op if plain else None)
    return out


def _below_range(index: n.Node, op: n.BigOp | None) -> bool:
    """Whether a numeric index lies below the written first index of a sum (a_0 beside \\sum_{j=1}^K)."""
    if op is None or not isinstance(op.lo, n.Num) or not isinstance(index, n.Num):
        return False
    try:
        return float(index.value) < float(op.lo.value)
    except ValueError:
        return False


def sum_aggregates(summed: n.Node, other: n.Node, letters: Letters) -> list[str]:
    """Names ``other`` writes for a sequence that ``summed`` sums and ``other`` does not: the sequence's
    letter bare or with a number outside the sum's range (N = \\sum_k N_k, \\alpha_0 = \\sum_k \\alpha_k,
    the Dirichlet's and the mixture's usual totals). Such a name is a total defined in the prose, not
    the sequence's entry, so the step rests on that definition (a telescoping x_n - x_0 still verifies).
    A vector's letter (w^T x beside \\sum_i w_i x_i) is the vector of those entries, not a total."""
    if not any(isinstance(x, n.BigOp) for x in summed.walk()):
        return []  # cheap gate: no sum on this side
    families = _summed_families(summed)
    if not families:
        return []
    own = _summed_families(other)
    skip = n.non_quantities(other)
    out = []
    for x in other.walk():
        if not isinstance(x, n.Sym) or id(x) in skip or x.key not in families or x.key in own:
            continue
        total = not x.indices and x.key not in letters.vectors | letters.matrices | letters.candidates
        if total or (len(x.indices) == 1 and all(_below_range(x.indices[0], op) for op in families[x.key])):
            out.append(x.base + ("_" + x.indices[0].value if x.indices else ""))  # type: ignore[attr-defined]
    return out


def dropped_vanishing_bracket(lhs: n.Node, lhs_text: str, term: str) -> bool:
    """Whether the term of the line before that a step dropped is a multiple of a bracketed difference
    of two quantities, ``(p_a - \\partial L/\\partial \\dot q_a)\\,d\\dot q_a``: zero wherever the prose makes
    the two equal (a definition, a first-order condition), which is why an author drops it. A
    difference with a number in it (``(1 - \\theta)``, ``(5 - \\lambda)``) is no such relation."""
    wanted = "".join(term.lstrip("-").split())
    if not isinstance(lhs, n.Add):
        return False
    for t in lhs.terms:
        if "".join(lhs_text[t.node.start:t.node.end].split()) != wanted:
            continue
        node = t.node
        while isinstance(node, n.BigOp) and node.kind == "sum":
            node = node.body
        factors = node.factors if isinstance(node, n.Mul) else (node,)
        return any(_difference_of_quantities(f) for f in factors)
    return False


def _difference_of_quantities(node: n.Node) -> bool:
    if not isinstance(node, n.Paren) or not isinstance(node.inner, n.Add) or len(node.inner.terms) != 2:
        return False
    first, second = node.inner.terms
    return first.sign != second.sign and not any(n.letter_free(x.node) for x in (first, second)) \
        and n.structure(first.node) != n.structure(second.node)



def _capital_matrix(node: n.Node) -> bool:
    """A plain capital letter (``U``, ``U_k``, ``\\mathbf{Q}``): the kind of name a matrix with
    orthonormal columns goes by."""
    return isinstance(node, n.Sym) and node.primes == 0 and node.base.isalpha() and node.base[:1].isupper()


def orthonormal_pair_dropped(tree: n.Node) -> list[n.Node]:
    """``tree`` once for each product that writes ``M^T M`` (or ``M M^T``) of one capital letter
    side by side, with that pair taken out as the identity: ``U_k^T U_k = I`` for orthonormal columns,
    and ``Q Q^T = I`` for an orthogonal matrix, are what the prose says of such a matrix (PCA's
    projection ``U_k U_k^T``), never what generic random entries make true."""
    out: list[n.Node] = []
    for node in tree.walk():
        if not isinstance(node, n.Mul) or any(node.ops) or len(node.factors) < 3:
            continue  # a bare M^T M is a side of its own: a property stated, not a step to rescue
        pairs = [i for i, (first, second) in enumerate(zip(node.factors, node.factors[1:]))
                 if _orthonormal_pair(first, second)]
        # U\Sigma V^T V\Sigma^+ U^T U\Sigma V^T: an SVD written out uses both U^T U = I and V^T V = I in
        # one step, so every pair of the product taken out at once is tried first
        apart = [i for k, i in enumerate(pairs) if k == 0 or i > pairs[k - 1] + 1]
        for drop in ([apart] if len(apart) > 1 else []) + [[i] for i in pairs]:
            gone = {j for i in drop for j in (i, i + 1)}
            rest = tuple(f for j, f in enumerate(node.factors) if j not in gone)
            if not rest:
                continue
            repl: n.Node = rest[0] if len(rest) == 1 else replace(node, factors=rest, ops=("",) * (len(rest) - 1))
            out.append(n.rebuild(tree, lambda x, node=node, repl=repl: repl if x is node else None))
    return out


def _orthonormal_pair(first: n.Node, second: n.Node) -> bool:
    """Whether two neighbouring factors write ``M^T M`` or ``M M^T`` of one capital letter."""
    if isinstance(first, n.Transpose) and _capital_matrix(first.inner):
        plain, other = first.inner, second
    elif isinstance(second, n.Transpose) and _capital_matrix(second.inner):
        plain, other = second.inner, first
    else:
        return False
    return _capital_matrix(other) and n.structure(plain) == n.structure(other)


def legendre_symbols(trees: list[n.Node]) -> bool:
    """Whether a side writes a fraction of whole numbers or letters in round brackets that stands as a
    value of its own (``\\left(\\frac{2}{p}\\right)``, ``(\\frac{a}{p})(\\frac{b}{p})``): in number theory
    the Legendre (or Jacobi) symbol, which is -1, 0 or 1, not the quotient this checker reads. A
    bracket raised to a power, holding a function's argument or what a derivative or a differential
    takes (``\\mathrm{d}\\left(\\frac{p}{q}\\right)``) is a quotient: only a whole side, a factor of a
    product or a term of a sum stands alone."""
    nodes = [x for tree in trees for x in tree.walk()]
    alone = {id(t) for t in trees} | {id(f) for x in nodes if isinstance(x, n.Mul) for f in x.factors}
    alone |= {id(t.node) for x in nodes if isinstance(x, n.Add) for t in x.terms}
    alone -= {id(y) for x in nodes if isinstance(x, (n.Deriv, n.Differential)) for y in x.walk()}
    return any(isinstance(x, n.Paren) and x.delim == "(" and id(x) in alone and isinstance(x.inner, n.Div)
               and not x.inner.slash and _whole_term(x.inner.num) and _whole_term(x.inner.den)
               and _symbol_modulus(x.inner.den) for x in nodes)


def _symbol_modulus(node: n.Node) -> bool:
    """Whether ``node`` may be the bottom of a Legendre or Jacobi symbol: a letter or an odd number
    above 1 (not the 2 of a half, ``\\left(\\frac{1}{2}\\right)x``, nor a 4 or a 10)."""
    if isinstance(node, n.Num):
        return node.value.isdigit() and int(node.value) % 2 == 1 and int(node.value) > 1
    return not isinstance(node, n.Add)


def _whole_term(node: n.Node) -> bool:
    """A whole number, a plain letter, a negated one or a product of them: what a symbol's top and
    bottom hold (2, p, -1, ab, 13)."""
    if isinstance(node, n.Num):
        return node.value.isdigit()
    if isinstance(node, n.Sym):
        return not node.style and len(node.base.lstrip("\\")) >= 1
    if isinstance(node, n.Add):
        return len(node.terms) == 1 and _whole_term(node.terms[0].node)
    if isinstance(node, n.Mul):
        return all(_whole_term(f) for f in node.factors)
    return False
