"""Reading a step's two sides into syntax trees: parse_step parses them, in the reading the
notation allows (commutators, a/bc, a bold 1 as the vector of ones, lists as vectors, integrals
without their dx), and classifies their letters (Parsed). It knows nothing of values or verdicts:
the comparison (comparator.py), the conventions (conventions.py) and the decision (check.py) all
read a step through it.
"""
from __future__ import annotations

import collections
import copy
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Mapping

from lintmath.lower import Letters, classify_letters, has_infinite_series, is_set_sum
from lintmath import commutators, expectation, poisson
from lintmath import tuples as tuples_reading
from lintmath.cartesian import basis_vectors, cartesian_fields
from lintmath.differentials import PLAIN_D, SPACED_D, differential_reading, loose_differentials, plain_differentials
from lintmath.model import Macro
from lintmath.transforms import laplace_transforms
from lintmath.parse import convolution, nodes as n
from lintmath.parse.parser import AMBIGUOUS_SLASH, AVERAGE_BARS, NO_DIFFERENTIAL, OVER_EXPRESSION, increments_of
from lintmath.parse.parser import digit_pair_indices, parse_math, prepare
from lintmath.parse.parser import reads_star_product, set_name
from lintmath.parse.vocabulary import GREEK
from lintmath.parse.tokens import ParseFailure


@dataclass(frozen=True)
class Parsed:
    lhs: n.Node
    rhs: n.Node
    letters: Letters
    # an amount of money the step wrote and its reading left out (see check._unit_reading): its whole
    # percent factors are still rates (see tolerance._rate_factor)
    money: bool = False


def parse_step(lhs: str, rhs: str, macros: Mapping[str, Macro], averages: bool = False) -> Parsed:
    """The step's sides read and their letters classified. ``averages``: the prose states a Reynolds
    decomposition, so that a bar over an expression is an average even in a step that writes no
    fluctuation (see _averaged_sides). Not remembered between steps: how the letters are classified
    rests on settings of the readings in force (the gates, the distributions, the expectations of the
    prose) beyond the step's text, and a tree remembered under one of them gave another step's
    verdict in a long run. Within the decision of one step (see one_step) a reading tried after its
    verdict reads the very sides the decision read, and gets that parse again."""
    held = _STEP_PARSES.get()
    if held is None:
        return _parse_step(lhs, rhs, macros, averages)
    # (the macro table by identity, kept alive by the entry, as parse_math keys it, but for the empty
    # table the callers make anew at each call (macros or {}); the context variables are all the parse
    # reads beyond its arguments)
    table = macros if macros else None
    key = (lhs, rhs, id(table), averages, convolution.active(), poisson.stated())
    entry = held.get(key)
    if entry is None or entry[0] is not table:
        try:
            entry = (table, _parse_step(lhs, rhs, macros, averages))
        except ParseFailure as exc:
            # (a RecursionError depends on the caller's stack and a budget's end on its time: neither kept)
            entry = (table, copy.copy(exc).with_traceback(None))
            _keep(held, key, entry)
            raise
        _keep(held, key, entry)
    if isinstance(entry[1], ParseFailure):
        raise copy.copy(entry[1])  # (the one kept would grow a traceback chained to each caller)
    return entry[1]


#: the steps parsed while one step is decided, None outside that (see one_step)
_STEP_PARSES: ContextVar[dict | None] = ContextVar("step_parses", default=None)
# a step and its readings parse a few dozen texts (the diagnosis's edits among them)
_STEP_PARSES_KEPT = 64


def _keep(held: dict, key: tuple, entry: tuple) -> None:
    held[key] = entry
    if len(held) > _STEP_PARSES_KEPT:
        del held[next(iter(held))]


@contextmanager
def one_step() -> Iterator[None]:
    """The decision of one step, in which parse_step gives a text it parsed already the same reading
    (the default reading and each reading tried after the verdict read the step's sides again). Only
    the outermost scope starts afresh, so nothing read for one step reaches another."""
    if _STEP_PARSES.get() is not None:
        yield
        return
    token = _STEP_PARSES.set({})
    try:
        yield
    finally:
        _STEP_PARSES.reset(token)


def _parse_step(lhs: str, rhs: str, macros: Mapping[str, Macro], averages: bool = False) -> Parsed:
    increments = step_increments(lhs, rhs, macros)
    tuples = bool(_BARE_NABLA.search(lhs + rhs) or _NUMBER_ANGLE_PAIR.search(lhs + rhs)
                  or _named_field_operator(lhs + rhs, macros))
    try:
        left, right = _parsed_sides(lhs, rhs, macros, increments, tuples)
    except ParseFailure as exc:
        if exc.args[:1] == (AMBIGUOUS_SLASH,):
            left, right = _slashed_sides(lhs, rhs, macros, increments, tuples, exc)
        elif exc.args and _UNREAD_ONES.match(str(exc.args[0])):
            left, right = _ones_sides(lhs, rhs, macros, increments, tuples, exc)
        elif exc.args[:1] in _UNREAD_BARS:
            left, right = _averaged_sides(lhs, rhs, macros, increments, tuples, exc, averages)
        else:
            if not tuples and commutators.unread(exc):
                return _commutator_step(lhs, rhs, macros, increments, exc)
            if not tuples and poisson.unread(exc):
                return _poisson_step(lhs, rhs, macros, increments, exc)
            if tuples or not tuples_reading.unread_list(exc):
                raise
            left, right = _listed_vectors(lhs, rhs, macros, increments, exc)
    if convolution.active():
        left, right = convolution.defining_sums(left), convolution.defining_sums(right)
    left, right = phase_products(left, right)
    left, right = horizon_powers((lhs, rhs), (left, right))
    left, right = cartesian_fields(left, right)
    left, right = basis_vectors(left, right)
    left, right = laplace_transforms(left, right)
    left, right = set_sizes(left, right)
    left, right = scaled_indices(left, right)
    left, right = digit_pair_indices(left, right)
    left, right = pair_sums(left, right)
    left, right = bold_variables(left, right)
    left, right = reynolds_sides(left, right)
    if _normed_functions(left, right):
        raise ParseFailure(FUNCTION_NORM)
    if inner_spaces(left, right):
        raise ParseFailure(INNER_SPACES)
    if PLAIN_D.search(lhs + " " + rhs) and loose_differentials(left, right) \
            and not SPACED_D.search(lhs + " " + rhs):
        try:
            left, right = plain_differentials(left), plain_differentials(right)
        except ValueError:
            pass  # d x y: d(xy) or y dx, left to loose_differentials' reason
    left, right = differential_reading(left, right)
    left, right = expectation.plain_expectations(left, right)
    left, right = expectation.given_events(left, right)
    measures = expectation.measures(left, right)
    if len(measures) > 1:
        # E^Q[X] = E^P[X Z]: a change of measure holds for the measures the prose relates, not in one space
        raise ParseFailure(DIFFERENT_MEASURES.format(", ".join(expectation.measure_names(left, right))))
    if ("*" in lhs or "*" in rhs or "\\ast" in lhs or "\\ast" in rhs) and _star_beside_signals(left, right):
        raise ParseFailure("* between factors may be a convolution")
    return Parsed(left, right, phase_space_letters(classify_letters(left, right), left, right))
DIFFERENT_MEASURES = "expectations under different measures ({}) are not decided yet"


def phase_space_letters(letters: Letters, left: n.Node, right: n.Node) -> Letters:
    """``letters`` with the coordinates that label the momenta a step differentiates by (p_r, p_\\phi) read
    as labels, not as indices (see poisson.phase_space_labels)."""
    labels = poisson.phase_space_labels(left, right) & letters.index
    return replace(letters, index=letters.index - labels) if labels else letters


REYNOLDS_BESIDE_CALCULUS = ("a Reynolds average beside a derivative of an expression, an integral or a function "
                            "applied (\\partial(\\overline{u'v'})/\\partial y) is not decided yet")
# \bar{u}' may be the derivative of the mean as well as the mean of u'
PRIMED_MEAN = "a primed mean (\\bar{u}') beside a Reynolds average is not decided yet"
# what the mean of a field does under these is the prose's (it is steady, uniform in x): the reading
# below has the mean a number, and would make every derivative of it 0 (a derivative of one letter is a
# field of its own: see _derivative_field)
_CALCULUS = (n.Deriv, n.DerivBy, n.Differential, n.Grad, n.Del, n.Integral, n.Limit, n.EvalBar, n.Evaluate)


def reynolds_sides(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """The sides of a step that averages a fluctuation (``\\overline{u'v'}``, ``\\overline{u'}``, see
    expectation.REYNOLDS) read with the Reynolds decomposition u = \\bar u + u': each bar over a letter is
    the average of its field, and each primed letter the field less that average. The rules of the
    notes (\\overline{u'} = 0, \\overline{\\bar u v'} = 0, \\overline{uv} = \\bar u \\bar v + \\overline{u'v'})
    then hold of any random fields, and \\overline{uv} = \\bar u \\bar v does not."""
    if not expectation.has_reynolds(left, right) and not _angle_decomposition(left, right):
        return left, right
    left, right = n.map_nodes(left, _derivative_field), n.map_nodes(right, _derivative_field)
    for side in (left, right):
        for x in side.walk():
            if isinstance(x, _CALCULUS) or isinstance(x, n.Apply) and expectation.kind_of(x) is None:
                raise ParseFailure(REYNOLDS_BESIDE_CALCULUS)
            if isinstance(x, n.Sym) and _barred(x) and x.primes:
                raise ParseFailure(PRIMED_MEAN)

    def field(sym: n.Sym) -> n.Sym:
        return replace(sym, style="+".join(x for x in sym.style.split("+") if x != "bar"), primes=0)

    def mean(sym: n.Sym) -> n.Apply:
        return expectation.reynolds_average(sym.start, sym.end, field(sym))

    def decomposed(x: n.Node) -> n.Node:
        if isinstance(x, n.Sym) and _barred(x) and not x.labels and x.sup_letter is None:
            return mean(x)
        if expectation.is_average(x) and not expectation.is_reynolds(x):
            # <u> beside <u'v'>: the mean of the field u, as \bar u is
            return expectation.reynolds_average(x.start, x.end, x.args[0])  # type: ignore[union-attr]
        if isinstance(x, n.Sym) and expectation.fluctuating(x):
            return n.Paren(x.start, x.end, n.Add(x.start, x.end, (n.Term(x.start, x.end, "+", field(x)),
                                                                  n.Term(x.start, x.end, "-", mean(x)))))
        return x
    return n.map_nodes(left, decomposed), n.map_nodes(right, decomposed)


def _derivative_field(x: n.Node) -> n.Node:
    """A derivative of one letter (\\partial \\bar u/\\partial y, \\partial u'/\\partial x, \\partial^2 u/\\partial y^2)
    as a field of its own, the letter's name with the variables (u_y), keeping the bar or the prime: an
    average commutes with the derivative, so that \\partial \\bar u/\\partial y is the mean of u_y and
    \\partial u'/\\partial y its fluctuation. Read as a field unrelated to u, it verifies nothing that a
    derivative of u would not."""
    if not isinstance(x, n.Deriv) or x.primes or not isinstance(x.body, n.Sym) or x.body.labels \
            or x.body.sup_letter is not None \
            or not all(isinstance(v, n.Sym) and not (v.indices or v.style or v.primes or v.labels) for v, _ in x.wrt):
        return x
    marks = "".join(v.base * order for v, order in x.wrt)  # type: ignore[union-attr]
    return replace(x.body, start=x.start, end=x.end, base=f"{x.body.base}_{{{'' if x.partial else 'd'}{marks}}}")


def _angle_decomposition(left: n.Node, right: n.Node) -> bool:
    """Whether the step averages a fluctuation in angle brackets (<u'v'>) and writes its field unprimed
    as well (<u><v>, u): a Reynolds decomposition, <u v> = <u><v> + <u'v'>. A primed letter alone in
    brackets (<x p'>) may be a transformed operator of quantum notes, which need not commute."""
    trees = (left, right)
    if not any(expectation.is_average(x) and expectation.fluctuating(x.args[0]) for t in trees for x in t.walk()):
        return False
    symbols = [x for t in trees for x in t.walk() if isinstance(x, n.Sym) and x.style in ("", "bf")]
    fields = {n.structure(replace(x, primes=0)) for x in symbols if expectation.fluctuating(x)}
    return any(not x.primes and n.structure(x) in fields for x in symbols)


def _barred(sym: n.Sym) -> bool:
    return "bar" in sym.style.split("+")


def bold_variables(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """The sides with a derivative's or gradient's plain variable in the bold of its operand
    (``\\frac{\\partial}{\\partial \\mu}`` of an expression in ``\\boldsymbol{\\mu}``, ``\\nabla_w \\mathbf{w}^\\top
    \\mathbf{x}``): notes drop the bold under the operator and mean the same vector. Read as written, the
    operand would not depend on the variable, and every such derivative would be 0."""
    def bold_form(var: n.Node, body: n.Node) -> n.Node | None:
        if not isinstance(var, n.Sym) or var.style or var.labels or var.primes or var.sup_letter is not None:
            return None
        symbols = [x for x in body.walk() if isinstance(x, n.Sym) and x.base == var.base]
        if any(x.key == var.key for x in symbols):
            return None
        # (indices compared by what they are, not where they stand: the \mu_k under the operator is the
        # \boldsymbol{\mu}_k of the operand)
        index = [n.structure(i) for i in var.indices]
        styles = {x.style for x in symbols if "bf" in x.style.split("+") and [n.structure(i) for i in x.indices] == index}
        return replace(var, style=styles.pop()) if len(styles) == 1 else None

    def rewrite(x: n.Node) -> n.Node:
        if isinstance(x, n.Deriv) and len(x.wrt) == 1 and not x.primes:
            bold = bold_form(x.wrt[0][0], x.body)
            return x if bold is None else replace(x, wrt=((bold, x.wrt[0][1]),))
        if isinstance(x, n.Grad):
            bold = bold_form(x.var, x.body)
            return x if bold is None else replace(x, var=bold)
        return x
    return n.map_nodes(left, rewrite), n.map_nodes(right, rewrite)


def pair_sums(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """The sides with each ``\\sum_{i<j}``, ``\\sum_{1 \\le i < j \\le n}``, ``\\sum_{i \\neq j}`` read over the pairs
    (i, j) when j is bound nowhere else in the step: a j the step writes outside the sum (``\\sum_{i<j} x_i =
    S_{j-1}``, ``\\sum_{j \\neq i} a_{ij} = d_i - a_{ii}``) is a free index, and the sum runs over i alone (see
    Lowerer.lower_BigOp). A ``\\neq`` sum on each side with one partner (``\\sum_{j \\neq i} w_{ij} =
    \\sum_{j \\neq i} w_{ji}``) holds the partner fixed: over the pairs any such step would hold."""
    inside: dict[str, set[int]] = collections.defaultdict(set)
    for side in (left, right):
        for x in side.walk():
            if isinstance(x, n.BigOp) and x.order:
                inside[x.partner].update(id(y) for y in x.body.walk())
                inside[x.partner].update(id(y) for y in x.exclude)
    if not inside:
        return left, right
    # a j another sum binds (\sum_{j=1}^{n} b_j beside \sum_{i \neq j} a_i b_j) is that sum's, not free
    for side in (left, right):
        for x in side.walk():
            if isinstance(x, n.BigOp) and not x.order:
                for v in {x.var, *x.extra_vars} & inside.keys():
                    inside[v].update(id(y) for y in x.body.walk())
    outside = {x.base for side in (left, right) for x in side.walk()
               if isinstance(x, n.Sym) and x.base in inside and id(x) not in inside[x.base]}
    unequal = [{x.partner for x in side.walk() if isinstance(x, n.BigOp) and x.order == "\\neq"}
               for side in (left, right)]
    outside |= unequal[0] & unequal[1]
    # \sum_k \sum_{l \neq k}: a partner an enclosing sum binds is that sum's index, fixed in the inner one
    enclosed = {id(y) for side in (left, right) for x in side.walk() if isinstance(x, n.BigOp) and not x.order
                for y in x.body.walk() if isinstance(y, n.BigOp) and y.order and y.partner in {x.var, *x.extra_vars}}

    def paired(x: n.Node) -> n.Node | None:
        if not (isinstance(x, n.BigOp) and x.order) or x.partner in outside or id(x) in enclosed:
            return None
        if x.order == "\\neq" and x.kind != "sum":
            return None  # \prod_{j \neq i}: a Lagrange basis holds i fixed
        # bounds written around both letters (1 \le i < j \le n) make it a sum over pairs; a bare i < j only
        # when the body writes j (\sum_{k<n} 1 may count up to a free n)
        mentioned = {s.base for s in x.body.walk() if isinstance(s, n.Sym)}
        if x.lo is None and not {x.var, x.partner} <= mentioned:
            return None
        return replace(x, exclude=(), extra_vars=(x.partner,), body=n.rebuild(x.body, paired))
    return n.rebuild(left, paired), n.rebuild(right, paired)


def scaled_indices(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """``a_{2i}`` beside ``\\sum_{i=1}^{2n} a_i = \\sum_{i=1}^{n} a_{2i-1} + \\sum_{i=1}^{n} a_{2i}``: a number
    juxtaposed with a sum's index in a subscript is one index, the multiple (the even members), where the step
    writes the same letter with one index elsewhere and with no two of its own; ``w_{1j}`` of a matrix
    stays the entry in row 1."""
    trees = (left, right)
    bound = {x.var for tree in trees for x in tree.walk() if isinstance(x, n.BigOp)}
    if not any(isinstance(x, n.Sym) and _scaled(x, bound) for tree in trees for x in tree.walk()):
        return left, right
    counts: dict[str, set[int]] = {}
    for tree in trees:
        for x in tree.walk():
            # (w_{11} beside w_{1j} may be an entry too: only a letter index, a_i or a_{2i-1}, is one)
            if isinstance(x, n.Sym) and x.indices and not _scaled(x, bound) \
                    and (len(x.indices) > 1 or not n.letter_free(x.indices[0])):
                counts.setdefault(x.key, set()).add(len(x.indices))

    def merged(node: n.Node) -> n.Node | None:
        if not (isinstance(node, n.Sym) and _scaled(node, bound) and counts.get(node.key) == {1}):
            return None
        number, letter = node.indices
        return replace(node, indices=(n.Mul(number.start, letter.end, (number, letter)),))
    return n.rebuild(left, merged), n.rebuild(right, merged)


def _scaled(node: n.Sym, bound: set[str]) -> bool:
    """Whether a letter's two indices are a whole number written against a sum's index (``2i``, no comma)."""
    if len(node.indices) != 2:
        return False
    number, letter = node.indices
    return isinstance(number, n.Num) and number.value.isdigit() and int(number.value) > 1 \
        and isinstance(letter, n.Sym) and letter.base in bound \
        and not (letter.indices or letter.style or letter.primes) and number.end == letter.start


def set_sizes(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """The sides with bars around the name of a set that one of the step's sums runs over,
    ``|\\mathcal{H}|`` beside ``\\sum_{h \\in \\mathcal{H}}``, read as that set's number of elements: the
    size the instance gives the sum (see Parser.set_range), as union bounds write it. Bars around a set
    no sum of the step runs over stay a plain absolute value, as a letter's size is unknown."""
    sizes = {x.hi.base for side in (left, right) for x in side.walk() if is_set_sum(x)}  # type: ignore[union-attr]
    if not sizes:
        return left, right

    def size(node: n.Node) -> n.Node | None:
        name = set_name(node.inner) if isinstance(node, n.Abs) else None
        if name is not None and "#" + name in sizes:
            return n.Sym(node.start, node.end, "#" + name)
        return None
    return n.rebuild(left, size), n.rebuild(right, size)
FUNCTION_NORM = "a norm of a function (\\|f\\| beside f(x): an integral or a supremum) is not decided yet"


INNER_SPACES = ("inner products of named spaces (\\langle f, g\\rangle_{\\mathcal{H}}) beside another space's, "
                "an unnamed one or the name itself (\\langle x, y\\rangle_A = x^T A y) are not decided yet")


def inner_spaces(*trees: n.Node) -> bool:
    """Whether the step's inner products are not all of one space: a subscript may name a weighted
    product (\\langle x, y\\rangle_A = x^T A y), another than the unnamed one or another space's, so only
    a step whose products all carry one subscript, whose names the step writes nowhere else, reads them
    as the one inner product the lowering takes."""
    spaces = {x.space for tree in trees for x in tree.walk() if isinstance(x, n.Inner)}
    named = {name for space in spaces for name in space}
    if not named:
        return False
    return len(spaces) > 1 or any(isinstance(x, n.Sym) and x.key in named for tree in trees for x in tree.walk())


def _normed_functions(*trees: n.Node) -> bool:
    """Whether a norm is taken of a letter the step also applies (\\|f\\|_1 beside \\int |f(x)|\\,dx):
    the norm of a function space, which the lowering would take of a random vector instead."""
    normed = set()
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Norm):
                inner = x.inner
                while isinstance(inner, n.Paren):
                    inner = inner.inner
                if isinstance(inner, n.Sym):
                    normed.add(inner.key)
    if not normed:
        return False
    # u(v^T v) beside \|u\|: a bracket that holds an inner product of vectors scales the vector u
    # (a rank-one matrix times a number), no function applied to a point
    return any(isinstance(x, n.Apply) and x.func.key in normed and not (x.maybe_product and any(
        isinstance(y, (n.Transpose, n.Inner)) for a in x.args for y in a.walk())) for tree in trees for x in tree.walk())


def _commutator_step(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str],
                     failure: ParseFailure) -> Parsed:
    """The step with each [A, B] a commutator and its letters generic matrices (see commutators), when
    the brackets hold letters and nothing else in the step marks a vector or a state."""
    try:
        left = parse_math(lhs, macros, increments, commutators=True)
        right = parse_math(rhs, macros, increments, commutators=True)
    except ParseFailure:
        raise failure from None
    if not commutators.readable(left, right):
        raise failure
    letters = classify_letters(left, right)
    if letters.vectors or letters.kets or letters.randomness.any_sensitive:
        raise failure
    return Parsed(left, right, _as_commutators(letters, left, right))


def _poisson_step(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str],
                  failure: ParseFailure) -> Parsed:
    """The step with each \\{f, g\\} a Poisson bracket (see poisson.py), when nothing else in the step
    marks a vector, a matrix, a state or a random quantity."""
    try:
        left = parse_math(lhs, macros, increments, poisson=True)
        right = parse_math(rhs, macros, increments, poisson=True)
    except ParseFailure:
        raise failure from None
    if not poisson.readable(left, right):
        raise failure
    letters = classify_letters(left, right)
    if letters.vectors or letters.matrices or letters.kets or letters.randomness.any_sensitive:
        raise failure
    return Parsed(left, right, _as_poisson(letters, poisson.written_functions(left, right), left, right))


def _as_poisson(letters: Letters, functions: frozenset[str], left: n.Node, right: n.Node) -> Letters:
    """``letters`` in the Poisson reading: the coordinates that name momenta are labels, no indices."""
    return replace(letters, index=letters.index - poisson.momentum_labels(left, right), poisson=True,
                   poisson_functions=functions)


def _as_commutators(letters: Letters, left: n.Node, right: n.Node) -> Letters:
    """``letters`` with every letter of the sides a generic operator, as the commutator reading has them."""
    operators = commutators.operator_letters(left, right) - letters.index - letters.integer
    return replace(letters, matrices=letters.matrices | operators, candidates=frozenset(),
                   required=frozenset(), commutators=True)


def reclassified(parsed: Parsed, left: n.Node, right: n.Node) -> Parsed:
    """The sides ``left``, ``right`` (``parsed``'s, rewritten: definitions put in) with their letters
    classified afresh, keeping the commutator reading: a letter of [A, B] stays an operator when the
    document's matrix for B is put in (a scalar A would make [A, B] = 0 and refute a true expansion)."""
    # one letter is one kind of thing after the definitions too: B(a, b) = \Gamma(a)\Gamma(b)/\Gamma(a+b) put
    # in B(3, 4) applies \Gamma to (3), as a letter argument shows, so \Gamma(7) written beside it does too
    left, right = coherent_applications(left, right)
    # a definition put in may write the axes (V_c = a\hat{\mathbf{x}} \cdot (...)), read as the step's own are
    left, right = basis_vectors(left, right)
    letters = phase_space_letters(classify_letters(left, right), left, right)
    if parsed.letters.commutators:
        letters = _as_commutators(letters, left, right)
    if parsed.letters.poisson:
        letters = _as_poisson(letters, parsed.letters.poisson_functions, left, right)
    return Parsed(left, right, letters)


def _parsed_sides(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str],
                  tuples: bool, slashed: bool = False, ones: bool = False,
                  averages: bool = False) -> tuple[n.Node, n.Node]:
    try:
        return coherent_applications(
            parse_math(lhs, macros, increments, tuples, slashed_products=slashed, ones=ones, averages=averages),
            parse_math(rhs, macros, increments, tuples, slashed_products=slashed, ones=ones, averages=averages))
    except ParseFailure as exc:
        if exc.args[:1] != (NO_DIFFERENTIAL,):
            raise
        return coherent_applications(*implicit_integrals(lhs, rhs, macros, increments, tuples, exc))


def _slashed_sides(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str], tuples: bool,
                   failure: ParseFailure) -> tuple[n.Node, n.Node]:
    """The sides with ``a/bc`` read as a/(bc) and (a/b)c as the other reading (see lower.SLASH_REACH), where
    the factors after each such slash are plain; else ``failure`` stands."""
    try:
        return _parsed_sides(lhs, rhs, macros, increments, tuples, slashed=True)
    except ParseFailure:
        raise failure from None


_UNREAD_BARS = {(OVER_EXPRESSION.format(bar),) for bar in AVERAGE_BARS}


def _averaged_sides(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str], tuples: bool,
                    failure: ParseFailure, stated: bool = False) -> tuple[n.Node, n.Node]:
    """The sides with each bar over an expression a Reynolds average (\\overline{uv}), where the step
    writes a fluctuation (u', \\overline{u'v'}) to say that the bars average, or the prose states the
    decomposition (``stated``): without either, a bar over a product may as well be a conjugate, and
    ``failure`` stands (\\overline{uv} = \\bar u \\bar v holds of conjugates, not of averages)."""
    try:
        sides = _parsed_sides(lhs, rhs, macros, increments, tuples, averages=True)
    except ParseFailure:
        raise failure from None
    if not stated and not any(expectation.fluctuating(side) for side in sides):
        raise failure
    return sides


_UNREAD_ONES = re.compile(r"^\\(mathbf|mathbb|boldsymbol|bm)\{1\} is not decided yet$")


def _ones_sides(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str], tuples: bool,
                failure: ParseFailure) -> tuple[n.Node, n.Node]:
    """The sides with every bold or blackboard 1 the vector of ones, where the step also has vectors or
    matrices for it to be added to or multiplied with (\\Sigma w - \\lambda 1 = 0, X 1, w^T 1): as finance
    and statistics write it. Alone among numbers (1 + 1 = 2) it may be the identity or an indicator, and
    beside states (quantum notes) \\mathbb{1} is the identity operator: ``failure`` stands."""
    try:
        sides = _parsed_sides(lhs, rhs, macros, increments, tuples, ones=True)
    except ParseFailure:
        raise failure from None
    letters = classify_letters(*sides)
    arrays = (letters.vectors | letters.matrices) - {"bf:1", "bf:0"}
    # a MatrixLit, or the ones transposed (1 1^T), which is read as a row of ones already
    written = any(isinstance(x, n.MatrixLit) or isinstance(x, n.Transpose) and _ones(x.inner)
                  for side in sides for x in side.walk())
    if not (arrays or written) or letters.kets:
        raise failure
    return sides


def _ones(node: n.Node) -> bool:
    while isinstance(node, n.Paren):
        node = node.inner
    return isinstance(node, n.Sym) and node.base == "1" and "bf" in node.style


def _listed_vectors(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str],
                    failure: ParseFailure) -> tuple[n.Node, n.Node]:
    """The sides with each list in brackets read as a column vector, when every such list is used as one:
    added, subtracted, scaled, multiplied by \\cdot or \\times, under a norm, or a whole side. A list
    anywhere else (a point f(1,2) is an argument list already; \\lambda((0,1)), |(a,b)|, (0,1)^2,
    \\{(a,b)\\}) may be an interval or a point, and ``failure`` stands."""
    try:
        sides = _parsed_sides(lhs, rhs, macros, increments, True)
    except ParseFailure:
        raise failure from None
    if not all(tuples_reading.lists_used_as_vectors(side) for side in sides):
        raise failure
    return sides


def implicit_integrals(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str],
                       tuples: bool, failure: ParseFailure) -> tuple[n.Node, n.Node]:
    """The sides with each integral that lacks its dx read over its one letter (Parser.implicit_integral),
    when that is the step's only reading: the letter occurs nowhere in the step but in integrals over it.
    ``\\int_0^1 x^2 = \\tfrac13`` integrates over x; in ``\\int_0^T c = cT`` the c outside says the
    variable is another one, and ``failure`` (the missing dx) stands."""
    try:
        sides = (parse_math(lhs, macros, increments, tuples, implicit_dx=True),
                 parse_math(rhs, macros, increments, tuples, implicit_dx=True))
    except ParseFailure:
        raise failure from None
    implied = {x.var.key for side in sides for x in side.walk() if isinstance(x, n.Integral) and x.implicit}
    if any(_free_outside_integrals(side, implied) for side in sides):
        raise failure
    return sides


def _free_outside_integrals(node: n.Node, keys: set[str]) -> bool:
    """Whether a letter of ``keys`` occurs in ``node`` other than under an integral over it (its bounds
    count as outside), a subscript's or a function's name included: any use says it is not only bound."""
    if isinstance(node, n.Sym) and node.key in keys:
        return True
    if isinstance(node, n.Integral):
        inside = keys - {node.var.key}
        return _free_outside_integrals(node.body, inside) or any(
            _free_outside_integrals(b, keys) for b in (node.lo, node.hi) if b is not None)
    return any(_free_outside_integrals(c, keys) for c in node.children())


def _star_beside_signals(*trees: n.Node) -> bool:
    """A star read as a product (see parser.star_products) in a step that elsewhere writes signals:
    ``x * y = \\sum_k x[k] y[n-k]`` is a convolution written out, though ``x * y`` alone reads as a
    product. Signals: a sequence ``x[k]``, a delta, an integral, a sum without end."""
    if not reads_star_product(*trees):
        return False
    if has_infinite_series(*trees):
        return True
    return any(isinstance(x, n.Apply) and x.bracket == "[" or isinstance(x, n.Integral)
               or isinstance(x, n.Sym) and x.base == "\\delta" for tree in trees for x in tree.walk())


# a \nabla without a subscript: a step of vector calculus, whose fields may be written as (F_x, F_y, F_z)
_BARE_NABLA = re.compile(r"\\nabla(?![a-zA-Z])(?!\s*_)")
# \operatorname{div}, \mathrm{curl}: the \nabla forms by name (parser.FIELD_OPERATOR_WORDS)
_FIELD_OPERATOR_NAME = re.compile(r"\\(?:operatorname|mathrm)\s*\{\s*(?:div|curl|rot|grad)\s*\}")
_FIELD_OPERATOR_WORD = re.compile(r"\s*(?:div|curl|rot|grad)\s*")
_COMMAND = re.compile(r"\\[a-zA-Z]+")


def _named_field_operator(text: str, macros: Mapping[str, Macro]) -> bool:
    """Whether ``text`` applies a vector-calculus operator by its name, written out or through one of the
    document's macros (\\DeclareMathOperator{\\dv}{div}): beside it, as beside a bare \\nabla, a list
    in parentheses is the field's components."""
    if _FIELD_OPERATOR_NAME.search(text):
        return True
    for name in set(_COMMAND.findall(text)):
        macro = macros.get(name)
        if macro is not None and (macro.operator and _FIELD_OPERATOR_WORD.fullmatch(macro.body)
                                  or _FIELD_OPERATOR_NAME.search(macro.body)):
            return True
    return False


# \langle 3, 4\rangle: an inner product takes vectors, not numbers; a pair of numbers is a vector
_NUMBER_ANGLE_PAIR = re.compile(r"\\langle\s*-?[\d.]+\s*,\s*-?[\d.]+\s*\\rangle")


def step_increments(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> frozenset[str]:
    """Delta and delta as parts of quantities (``\\Delta Q``, ``\\delta q``) when the step writes them
    before letters only: both sides must agree, or ``\\Delta(u + v) = \\Delta u + \\Delta v`` would
    compare an operator with two new quantities."""
    text = lhs + rhs
    if not any(c in text for c in ("\\Delta", "\\delta")) and not any(
            ("\\Delta" in m.body or "\\delta" in m.body) and m.name in text for m in macros.values()):
        return frozenset()  # most steps: no increment written, directly or through a macro
    before, elsewhere = set(), set()
    for text in (lhs, rhs):
        try:
            found = increments_of(prepare(text, macros))
        except ParseFailure:
            return frozenset()
        before |= found[0]
        elsewhere |= found[1]
    return frozenset(before - elsewhere)


#: letters that write the imaginary unit (j in engineering)
_IMAGINARY_LETTERS = frozenset({"i", "j"})


def phase_products(*trees: n.Node) -> tuple[n.Node, ...]:
    """``e^{i(kx - \\omega t)}``, ``\\exp(-j(\\omega t + \\varphi))`` as the imaginary unit times the phase:
    waves, phasors and Fourier transforms write it so, and no one raises e to a function named i
    (read as one, ``e^{i(kx - \\omega t)} + e^{-i(kx - \\omega t)} = 2\\cos(kx - \\omega t)`` drops it). The
    letter is then the one of ``e^{ia}``, with its readings. Not where the step applies that letter
    to a plain variable too (``i(t)``, a current), which makes it a function throughout."""
    def phases(tree: n.Node) -> list[n.Node]:
        exponents = [x.exp for x in tree.walk() if isinstance(x, n.Pow) and isinstance(x.base, n.Const)
                     and x.base.name == "e"]
        exponents += [a for x in tree.walk() if isinstance(x, n.Func) and x.name == "exp" for a in x.args]
        return [x for e in exponents for x in e.walk() if isinstance(x, n.Apply) and x.prefer_product
                and x.func.base in _IMAGINARY_LETTERS and not x.func.indices and not x.func.style
                and not x.func.primes]

    found = {id(x) for tree in trees for x in phases(tree)}
    if not found:
        return trees
    keys = {x.func.key for tree in trees for x in tree.walk() if id(x) in found}
    if any(isinstance(x, n.Apply) and x.func.key in keys and id(x) not in found for tree in trees for x in tree.walk()):
        return trees

    def product(x: n.Node) -> n.Node | None:
        if id(x) not in found:
            return None
        arg = x.args[0]
        return n.Mul(x.start, x.end, (x.func, n.Paren(arg.start - 1, arg.end + 1, arg)), False, ("",))
    return tuple(n.rebuild(tree, product) for tree in trees)


def _scalar_greek(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base[1:] in GREEK and node.base[1].islower() and not node.style \
        and not node.indices and not node.labels and not node.primes and node.sup_letter is None


def _scalar_letter(node: n.Node) -> bool:
    """A plain Greek or plain lowercase Latin letter, which a horizon T over it may raise to a power
    (``\\gamma^T``, ``c^T``, ``b^T``)."""
    return _scalar_greek(node) or isinstance(node, n.Sym) and len(node.base) == 1 and node.base.islower() \
        and not node.style and not node.indices and not node.labels and not node.primes and node.sup_letter is None


def _counts_by(node: n.Node, letter: str) -> bool:
    """Whether ``node`` is arithmetic in the capital ``letter`` that is not the letter alone: T - 1, T - t."""
    return not isinstance(node, n.Sym) and any(isinstance(x, n.Sym) and x.base == letter and not x.indices
                                               for x in node.walk())


def _bounded_by(node: n.Node, letter: str) -> bool:
    """Whether a sum's upper bound ``node`` is the capital ``letter`` or a count by it (T, T - 1): the
    letters the sum raises to its variable are numbers, so the same letter to the T is their power."""
    return isinstance(node, n.Sym) and node.base == letter and not node.indices or _counts_by(node, letter)


def _plain_capital(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and len(node.base) == 1 and node.base.isupper() and not node.style \
        and not node.indices and not node.labels and not node.primes and node.sup_letter is None


def _horizon_transposes(texts: tuple[str, ...], trees: tuple[n.Node, ...],
                        letter: Callable[[n.Node], bool]) -> list[n.Transpose]:
    """The transposes ``X^T`` of the letters (as ``letter`` picks them) that the step also raises to an
    exponent counting by T, or to (an expression of) the variable of a sum bounded by T or such a count."""
    def transposed_by_t(x: n.Node, text: str) -> bool:
        if not isinstance(x, n.Transpose) or not letter(x.inner):
            return False
        return text[x.inner.end:x.end].replace("^", "").replace("{", "").replace("}", "").strip() == "T"

    found = [x for tree, text in zip(trees, texts) for x in tree.walk() if transposed_by_t(x, text)]
    if not found:
        return []
    counted: set[str] = set()
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Pow) and letter(x.base) and _counts_by(x.exp, "T"):
                counted.add(x.base.base)
            elif isinstance(x, n.BigOp) and x.kind == "sum" and x.hi is not None and _bounded_by(x.hi, "T"):
                counted.update(y.base.base for y in x.body.walk() if isinstance(y, n.Pow) and letter(y.base)
                               and _power_of_variable(y.exp, x.var))
    return [x for x in found if x.inner.base in counted]


def _power_of_variable(exp: n.Node, var: str) -> bool:
    """``t`` or ``-t``: the exponent a sum over t raises its terms to."""
    if isinstance(exp, n.Add) and len(exp.terms) == 1:
        exp = exp.terms[0].node
    return isinstance(exp, n.Sym) and exp.base == var and not exp.indices


def horizon_capitals(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> frozenset[str]:
    """The plain capitals a step writes to the T beside a count by T (``R^T \\sum_{t=0}^T R^{-t}``, a gross
    return to a horizon): T there may be a power as well as a transpose, so a step that fails with the
    transposes says nothing for itself (``\\sum_t A^t B B^T (A^T)^t`` is a transpose of a matrix)."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return frozenset()
    return frozenset(x.inner.base for x in _horizon_transposes((lhs, rhs), (parsed.lhs, parsed.rhs), _plain_capital))


def horizon_powers(texts: tuple[str, ...], trees: tuple[n.Node, ...]) -> tuple[n.Node, ...]:
    """``\\gamma^T`` beside ``\\gamma^{T-1}`` or ``\\sum_{t=0}^{T-1} \\gamma^t``: a horizon T, so a power of the
    discount, not a transpose. Only where the step raises the same plain Greek or lowercase Latin letter
    (``c^T`` beside ``c^{T+1}``, as geometric sums write it) to an exponent that counts by T (T - 1,
    T - t), or to the variable of a sum bounded by T or such a count: a vector \\theta^T is never raised
    to T - 1 nor summed over its powers, and a transposed \\theta beside an unrelated horizon stays one."""
    found = _horizon_transposes(texts, trees, _scalar_letter)
    if not found:
        return trees
    chosen = {id(x) for x in found}

    def power(x: n.Node, text: str) -> n.Node | None:
        if id(x) not in chosen:
            return None
        at = text.rindex("T", x.inner.end, x.end)
        return n.Pow(x.start, x.end, x.inner, n.Sym(at, at + 1, "T"))
    return tuple(n.rebuild(tree, lambda x, text=text: power(x, text)) for tree, text in zip(trees, texts))


def _bare_argument_brackets(x: n.Node) -> Iterator[tuple[n.Sym, n.Node]]:
    """In a product, each function's bare letter argument written right before a ``(`` bracket, and
    that bracket's content (``\\log S(t)``, ``\\log S(t)^{2}``)."""
    if not isinstance(x, n.Mul):
        return
    ops = x.ops or ("",) * (len(x.factors) - 1)
    for k, (f, g) in enumerate(zip(x.factors, x.factors[1:])):
        bracket = _bracket_after_bare_argument(f, g, ops[k])
        if bracket is not None:
            yield f.args[0], bracket.inner


def _bracket_after_bare_argument(f: n.Node, g: n.Node, op: str) -> n.Paren | None:
    """The ``(`` bracket ``g`` (or the base of its power) that follows, with no operator ``op``, the
    bare letter argument of the function ``f`` (``\\log S`` then ``(t)``); None when they are not so."""
    bracket = g.base if isinstance(g, n.Pow) else g
    if isinstance(f, n.Func) and len(f.args) == 1 and isinstance(f.args[0], n.Sym) \
            and f.end == f.args[0].end == g.start and op == "" \
            and isinstance(bracket, n.Paren) and bracket.delim == "(":
        return bracket
    return None


def _bracketed_letters(trees: tuple[n.Node, ...], candidates: list[tuple[n.Sym, n.Node]]) -> set[str]:
    """Letters the step writes only as a function's bare argument before a bracket holding one letter
    (``\\log\\{-\\log S_0(t)^{c}\\} = \\log c + \\log\\{-\\log S_0(t)\\}``), never alone: a survivor
    function, not a factor S beside a bracketed t, which nobody writes for St. A bracket holding
    more (``\\sin k(x - ct)``, a wave's phase) stays a product. ``candidates``: the step's bare
    arguments before brackets (see _bare_argument_brackets)."""
    nodes = [x for tree in trees for x in tree.walk()]
    bracketed = [(repr(n.structure(sym)), inner) for sym, inner in candidates]
    letters = {key for key, _ in bracketed} - {key for key, inner in bracketed
                                              if not isinstance(inner, n.Sym) or repr(n.structure(inner)) == key}
    if not letters:
        return set()
    seen = collections.Counter(repr(n.structure(x)) for x in nodes if isinstance(x, n.Sym))
    inside = collections.Counter(key for key, _ in bracketed)
    return {key for key in letters if seen[key] == inside[key]}


def _applied_bare_argument(x: n.Node, functions: set[str]) -> n.Node:
    """``\\log S(t)``, ``\\log S_0(t)^{c}``: a function's bare argument stops at a letter before a bracket
    (``\\log x(1 + x)`` is a product), but where the step applies that letter elsewhere (``S'(t)/S(t)``,
    ``\\log(S(t)^2)``) it is the same function here, applied to the bracket inside the log; read as
    log(S) times t the step would be refuted for a notation the author never used."""
    if not isinstance(x, n.Mul):
        return x
    factors, ops = list(x.factors), list(x.ops or ("",) * (len(x.factors) - 1))
    k = 0
    while k < len(factors) - 1:
        f, g = factors[k], factors[k + 1]
        bracket = _bracket_after_bare_argument(f, g, ops[k])
        if bracket is not None and repr(n.structure(f.args[0])) in functions:  # type: ignore[attr-defined]
            sym = f.args[0]  # type: ignore[attr-defined]
            applied: n.Node = n.Apply(sym.start, bracket.end, sym, (bracket.inner,), maybe_product=True)
            if isinstance(g, n.Pow):  # \log S(t)^c: the log of the power, as \log x^2 is
                applied = replace(g, start=sym.start, base=applied)
            factors[k:k + 2] = [replace(f, end=g.end, args=(applied,))]
            del ops[k]
            continue
        k += 1
    if len(factors) == len(x.factors):
        return x
    if len(factors) == 1:
        return factors[0]
    return replace(x, factors=tuple(factors), ops=tuple(ops))


def coherent_applications(*trees: n.Node) -> tuple[n.Node, ...]:
    """One letter is one kind of thing throughout a step: where ``u(x)`` reads as an application, so
    does ``u(x+1)``, which alone would read as a product first. Such a letter is a function, and no
    reading makes a product of it (which would verify ``u(x+1) = u(x) + u(1)``)."""
    applied = {x.func.key for tree in trees for x in tree.walk()
               if isinstance(x, n.Apply) and x.maybe_product and not x.prefer_product}
    mixed = {x.func.key for tree in trees for x in tree.walk()
             if isinstance(x, n.Apply) and x.prefer_product and x.func.key in applied}
    # (most steps write no function's bare letter before a bracket: one walk decides that)
    candidates = [pair for tree in trees for x in tree.walk() for pair in _bare_argument_brackets(x)]
    if candidates:
        functions = {repr(n.structure(x.func)) for tree in trees for x in tree.walk()
                     if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and not x.prefer_product}
        functions |= _bracketed_letters(trees, candidates)
        functions &= {repr(n.structure(sym)) for sym, _ in candidates}
        if functions:
            trees = tuple(n.map_nodes(tree, lambda x: _applied_bare_argument(x, functions)) for tree in trees)
    if not mixed:
        return trees
    return tuple(n.map_nodes(tree, lambda x: replace(x, prefer_product=False, maybe_product=False)
                             if isinstance(x, n.Apply) and x.func.key in mixed else x)
                 for tree in trees)
