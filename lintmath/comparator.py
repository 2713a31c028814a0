"""Comparing the two sides of a step numerically: ``Comparator`` lowers them under concrete instances
(sizes, index values, function stand-ins, random matrices) and every reading of ambiguous notation,
evaluates them at random points, and says whether they are equal, differ (at a confirmed point) or
are undecided (``Outcome``). Whether a difference is an error is check.py's to decide.
"""
from __future__ import annotations

import functools
import itertools
import math
import random
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.matrices.common import ShapeError

from lintmath.lower import (
    COMPLEX_ARRAYS, DEGREE_ANGLES, DIMENSION_LETTER, FUNCTION_POWER, SUM_COUNT, ENTRYWISE_NORMS, EVENTS, EVENT_MODEL, LOG_BASE_TWO, MAYBE_SYMMETRIC_NAMES, CONVENTIONALLY_SYMMETRIC,
    LEVI_CIVITA, OPERATOR_REACH, OPTIMUM_MARK, ORDER_TYPO, SLASH_ARGUMENT, SLASH_REACH, SMALL_MATRICES, SQUARE_MATRICES, SUMMED_SWAP, SYMMETRIC_NAMES, TRIANGLE_ANGLES, Instance, INTEGER_OPTIMUM,
    Letters, Lowerer, ShapesMisfit, Undecidable, classify_letters, derivative, dimension_letter_candidates, is_library,
    applied_rate, exact_indicator, least_integers, real_indicator, normalized_family, weighted_family, turns_on_signs, read_as_product, reading_keys, stacked_counts, sum_bounds,
    pi_times_decimal,
)
from lintmath import commutators, events, expectation, linalg, matfunc, money, poisson, quantum, qubitorder, sifting
from lintmath.budget import work_time
from lintmath.context import ContextItem
from lintmath.parse import nodes as n
from lintmath.parse.parser import PHASOR_FUNCTION, parse_math
from lintmath.parse.tokens import ParseFailure
from lintmath.parse.units import unit_names
from lintmath.parse.vocabulary import FUNCTION_LETTERS
from lintmath.relations import EQUALITY, INEQUALITY, find_relations, normalize_relation
from lintmath.sides import Parsed
from lintmath.tolerance import (PRECISION, TOLERANCE, _slack, combined_tolerance, decimal_tolerance, evaluate, stated_rates,
                                rounded_integers_share)
from lintmath.tolerance import claimed_slack, complex_agreement, exact_decimals, lone_number, restated_share, rounded_down_past_tie
from lintmath.transforms import decay_letters


# sizes 3 and 4 for sums and free indices, two draws of random matrices and function stand-ins; a third
# (size 3 again, another draw) changed no verdict on the corpus or its mutations and cost 7% of a run
INSTANCES = 2
# CPU seconds (not wall: a loaded machine must not change a verdict) after which a decision stops
# trying further readings of the notation
EFFORT_SECONDS = 0.6
UNDEFINED_TRIES = 8  # points tried before a side undefined at all of them is given up
COMPARE_SECONDS = 0.8  # CPU seconds for one comparison (one reading, every instance)
POINTS = 4
BOUNDED_INEQUALITY_POINTS = 12  # points for an inequality under assumed bounds (see _compare_at_size)
HUGE = 1e6  # above this a unit is less than TOLERANCE of a value
EXACT_TOLERANCE = sp.Float("1e-60")  # agreement of values computed with 3 * PRECISION digits
DOUBLE_NOISE = sp.Float("1e-15")  # a few units in the last place of a double (see Comparator._fine_tolerance)
DOUBLE_DIGITS = 17  # the most significant digits a double's printout has
# how far the value of an optimisation is moved to see whether a difference goes through it
OPTIMUM_SHIFTS = (sp.Rational(37, 10), sp.Rational(-23, 10))
THROUGH_OPTIMA = ("the sides differ through an optimisation (\\max, \\arg\\min): what it is worth, or whether "
                  "the two sides' are the same, is not decided")
TINY = sp.Float("1e-8")  # below this, both sides are ~0 and a point cannot tell them apart
_TINY = float(TINY)
# An infinite series is summed numerically (evaluate.py), which can be wrong where it converges slowly
# or not at all: a step that holds one is verified when its sides agree, and otherwise left unverified
SERIES_DIFFER = "differs where an infinite series is summed numerically: not decided"
LOG_READINGS = {"log10": "\\log in base 10", "log2": "\\lg in base 2"}
SIZE_DEPENDENT = ("holds for matrices of one size and not another (2 x 2 against 3 x 3), and nothing written "
                  "gives their size")
# m\ddot x = -kx as a step: sides whose highest derivatives in time differ are an equation of motion
# as often as a slip, which only a small edit that makes the step hold tells apart
EQUATION_OF_MOTION = "an equation of motion (its sides differ in their highest derivative in time), not an identity"
# A step that fails with the standard gates (H the Hadamard gate) may hold with other operators of
# those names (H a Hamiltonian): never refuted by the comparison alone (see Comparator.decide)
GATES_DIFFER = "fails with the standard gates ({}): holds only if they are other operators (a Hamiltonian?): not decided"
GLOBAL_PHASE = "holds with the standard gates only up to a global phase: not decided"
APPLIED_DELTA = ("holds with delta read as a number times the bracket after it; read as the delta function "
                 "(Dirac's or Kronecker's) applied there, as both sides write it, the sides differ: not decided")
INDEXED_PRODUCT = ("holds with a sequence's member x[k] read as a number times the bracket; read as the member "
                   "at the sum's index, the sides differ or are not decided")
SERIES_UNSETTLED = "an infinite series that does not settle (or cannot be summed) at the sampled points is not decided"


#: the kind of a ContextItem of kind VALUES put in force: the Comparator samples the letter's members
#: (every instance of an indexed family) from its set instead of at real points
SAMPLED_VALUES = "values-sampled"


def _value_pattern(text: str) -> re.Pattern | None:
    """The names the Lowerer gives the members of a letter stated as ``text`` (``y_i``: y[1], y[2], ...;
    ``y_1``: y[1] only; ``b``: b), or None when ``text`` is no letter."""
    try:
        letter = parse_math(text)
    except (ParseFailure, RecursionError):
        return None
    if not isinstance(letter, n.Sym):
        return None
    indices = [re.escape(i.value) if isinstance(i, n.Num) else r"[^,\]]+" for i in letter.indices]
    name = re.escape(letter.key) + (r"\[" + ",".join(indices) + r"\]" if indices else "")
    return re.compile(name + "".join(re.escape("^" + label) for label in letter.labels) + "$")


@dataclass(frozen=True)
class Outcome:
    kind: str  # "equal" | "differ" | "undecided"
    reason: str = ""
    point: tuple[tuple[str, str], ...] = ()
    opaque: frozenset[str] = frozenset()
    readable: bool = True  # False when this reading could not even be built (d/d(o^x) as a power)
    suspect: str = ""  # why the difference may be no typo (a side without variables): needs a diagnosis


ENTRYWISE_ONLY = "holds if the norm is entrywise (lintmath reads a matrix's 1-, 2- and max-norms as induced)"
#: the reading of indexed vectors (u_1, ..., u_n) as an orthogonal basis, and its guess: a step verified
#: only so holds if the vectors are orthogonal, which only the prose can say
ORTHOGONAL = ("orthogonal",)
ORTHOGONAL_GUESS = "the indexed vectors orthogonal"
#: a step that holds in that reading, but whose sides both still pair different indexed vectors
ORTHOGONAL_ONLY = "holds if the indexed vectors are orthogonal (yet both sides still pair different ones)"


def _lone_e(tree: n.Node) -> bool:
    """Whether ``tree`` is Euler's number alone (in brackets or not)."""
    while isinstance(tree, n.Paren):
        tree = tree.inner
    return isinstance(tree, n.Const) and tree.name == "e"


def _random_arrays_on_one_side(lhs: n.Node, rhs: n.Node, letters: Letters) -> frozenset[str]:
    """The random vectors and matrices of the step's expectations that one side alone mentions:
    ``\\beta + (X^T X)^{-1} X^T E[\\mathbf{u} | X] = \\beta`` rests on the zero mean the prose assumes of
    the noise. A random scalar is opaque in the lowering already (see Lowerer.symbol); a random vector
    lowers to numbers, so it is named here, from the trees."""
    randomness = letters.randomness
    random = randomness.default | randomness.bound
    if not random:
        return frozenset()  # the common case: no expectation in the step
    arrays = (letters.vectors | letters.matrices | letters.candidates) & random
    if not arrays:
        return frozenset()
    left = {x.key: x.base for x in lhs.walk() if isinstance(x, n.Sym) and x.key in arrays}
    right = {x.key: x.base for x in rhs.walk() if isinstance(x, n.Sym) and x.key in arrays}
    return frozenset({**left, **right}[key] for key in left.keys() ^ right.keys())


MAX_CALL_OPS = 40  # operations in an argument worth expanding (a bigger one is left as it is)


def _canonical_calls(expr: sp.Expr) -> sp.Expr:
    """``expr`` with the arguments of its undefined functions expanded: f(\\lambda(a x + (1-a) y) + ...)
    and f((\\lambda a + ...) x + ...) of the same vector entries are one call, as the opaque atoms of
    the robust comparison must see them."""
    expr = _primed_calls(expr)
    calls = {c for c in expr.atoms(AppliedUndef) if all(sp.count_ops(x) <= MAX_CALL_OPS for x in c.args)}
    if not calls:
        return expr
    return expr.xreplace({c: c.func(*[sp.expand(x) for x in c.args]) for c in calls})


def _primed_calls(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each derivative of a function of one variable by that variable written as the
    primed function the lowering makes of ``f'(w)``: \frac{d}{dw} f(w) and f'(w) are one atom."""
    primed = {}
    for d in expr.atoms(sp.Derivative):
        call = d.expr
        if isinstance(call, AppliedUndef) and len(call.args) == 1 and len(d.variable_count) == 1 \
                and d.variable_count[0][0] == call.args[0]:
            head, slash, rest = call.func.__name__.partition("/")
            primed[d] = sp.Function(head + "'" * int(d.variable_count[0][1]) + slash + rest)(call.args[0])
    return expr.xreplace(primed) if primed else expr


def event_excuse(comparator: "Comparator") -> str | None:
    """Why a step of probabilities of events may hold: it does not fail in the generic space, or it
    holds in the space of something the prose may assume (a reason that says what); None when it
    fails in all of them."""
    parsed = comparator.parsed
    if comparator.own(frozenset([EVENTS])).kind != "differ":
        return "not refuted as probabilities of events"
    for model in events.models(parsed.letters.events):
        # a new line that takes the probability of an event empty there does not assume it (P(A \\cap B)
        # for disjoint A and B); undefined there (a condition of probability 0) is no such assumption either
        if events.writes_empty(parsed.rhs, parsed.letters.events, model):
            continue
        if comparator.own(frozenset([EVENTS, (EVENT_MODEL, model)])).kind == "equal":
            return f"holds if the events are {events.DESCRIPTIONS[model]}"
    return None


def _index_symbol(node: n.Sym, letters: Letters, bound: set[str]) -> bool:
    """A Kronecker delta or a Levi-Civita symbol between index letters (see Lowerer.symbol)."""
    if node.style or node.labels or node.primes or node.sup_letter is not None \
            or not all(isinstance(i, n.Sym) and not i.indices and _is_index_letter(i, letters, bound)
                       for i in node.indices):
        return False
    return node.base == "\\delta" and len(node.indices) == 2 or node.base in LEVI_CIVITA and len(node.indices) >= 3


def names(tree: n.Node, letters: Letters) -> dict[str, str]:
    """Variables and functions a side talks about (not indices, not bound variables): key -> how it reads."""
    out: dict[str, str] = {}
    bound = {node.var for node in tree.walk() if isinstance(node, n.BigOp)}
    # (a primed dummy, the t' of \int_0^t f(t')\,dt', binds t' only: the bound t stays a quantity of the side)
    bound |= {node.var.base + "'" * node.var.primes for node in tree.walk()
              if isinstance(node, n.Integral) and node.lo is not None}
    # the \bar\gamma of \int_0^\infty e^{-\gamma/\bar\gamma}\,d\gamma is the mean, a quantity of the side:
    # a decorated letter is bound only where some binder carries its decoration (or binds the bare letter
    # by a sum or a limit, whose variable has no style to compare)
    integral_styles = {(node.var.base, node.var.style) for node in tree.walk()
                       if isinstance(node, n.Integral) and node.lo is not None}
    bound |= {node.var.base for node in tree.walk() if isinstance(node, n.Limit)}
    bound |= {v for node in tree.walk() if isinstance(node, n.Optimum) for v in node.variables}
    for node in tree.walk():
        if isinstance(node, n.EvalBar):
            # F|_a^b no longer depends on its variable: named (x=a) or the step's integration variable
            bound |= {node.var.base} if node.var is not None else set(letters.integration)
    inside_index = n.non_quantities(tree) | _averaged_conditions(tree)
    for node in tree.walk():
        if isinstance(node, n.Apply):
            if is_library(node) or exact_indicator(node, letters.index) or real_indicator(node):
                continue
            if read_as_product(node, letters):
                if node.func.base not in letters.integer and node.func.base not in letters.index:
                    # l_2(s_1 c_2 - ...) read as a product names l_2, as l_2 written alone does (below):
                    # by its bare letter, the factor would pass for a new name l beside l_2
                    fixed = [_item_text(i) for i in node.func.indices if not _is_index_letter(i, letters, bound)]
                    key = _timeless(node.func, letters).key + label_suffix(node.func) \
                        + ("[" + ",".join(fixed) + "]" if fixed else "")
                    out[key] = node.func.base
            else:
                out[_timeless(node.func, letters).key + "()"] = node.func.base
        if isinstance(node, n.Deriv):
            for var, _ in node.wrt:
                inside_index.add(id(var))
            rate = applied_rate(node, letters.applications)
            if rate is not None and not read_as_product(rate, letters):
                # the f of df/dx beside f(x) names the function f(x), as the application does
                inside_index.add(id(node.body))
                out[_timeless(rate.func, letters).key + "()"] = rate.func.base
        if isinstance(node, n.Grad):
            inside_index.add(id(node.var))
        if isinstance(node, n.BigOp) and isinstance(node.hi, n.Sym) and node.hi.base.startswith("#"):
            # \sum_{x \in S}: the set is a quantity of the step, though its size is a bound
            out[node.hi.base] = node.hi.base[1:].split(":")[-1]
        elif isinstance(node, n.Sym) and node.base.startswith("#") and len(node.base) > 1:
            # |S| read as the size of a set the step sums over (see sides.set_sizes): the same set
            out[node.base] = node.base[1:].split(":")[-1]
    matrix_mode = bool(letters.vectors or letters.matrices)
    entries = dict(letters.entries)
    identities = dict(letters.identities)
    for node in tree.walk():
        if isinstance(node, n.Sym) and id(node) not in inside_index:
            if (node.base in bound or node.base + "'" * node.primes in bound) and not _fixed_label(node, letters, bound) \
                    and not _decorated_apart(node, integral_styles, tree) \
                    or node.base in letters.index or node.base in letters.integer:
                continue
            if matrix_mode and node.base == "I" and not node.indices or node.base == "0":
                continue  # the identity matrix, the zero vector
            if node.key in identities:
                continue  # I_3 beside a written 3 by 3 matrix: the identity, no quantity
            if _index_symbol(node, letters, bound):
                continue  # \delta_{ij}, \epsilon_{ijk}: numbers the lowering knows, as 0 and 1 are
            generic = _timeless(node, letters).key + ("'" * node.primes) + label_suffix(node)
            if node.indices and node.key in entries:
                generic = entries[node.key]  # x_i beside \mathbf{x}: an entry names its vector
            fixed = [_item_text(i) for i in node.indices if not _is_index_letter(i, letters, bound)]
            # U and U_1 are different quantities; x_1 is one of the x_i
            out[generic + ("[" + ",".join(fixed) + "]" if fixed else "")] = node.base
    return out


#: how names() marks the sample label of x^{(i)}: "x()" is how a function's name ends there
SAMPLE_LABEL = "^{()}"


def label_suffix(node: n.Sym) -> str:
    """How ``node``'s labels mark its name in ``names``: y^{(i)} beside y^{(i)}(w^T x + b), a product,
    names one quantity, and the sample label "()" is kept as SAMPLE_LABEL, not as a function's "()"."""
    return "".join(SAMPLE_LABEL if label == "()" else label for label in node.labels)


def _fixed_label(node: n.Sym, letters: Letters, bound: set[str]) -> bool:
    """Whether a symbol whose letter a sum or an integral binds is still a quantity of its own by a fixed
    subscript: the \\omega_D of \\int_0^{\\omega_D} \\omega^2\\,d\\omega, the Debye cutoff, is no value of the
    bound \\omega, and the right side that writes it writes no new name."""
    return bool(node.indices) and not any(_is_index_letter(i, letters, bound) for i in node.indices)


# (a dotted letter is the dummy's rate, which the side's time derivative reads: not among these)
_MEAN_ACCENTS = frozenset({"bar", "hat", "tilde", "check"})


def _decorated_apart(node: n.Sym, integral_styles: set[tuple[str, str]], tree: n.Node) -> bool:
    """Whether a decorated letter (\\bar\\gamma, \\hat x) shares only its base with the variables its side's
    integrals bind, and no sum or limit binds that base: the mean or the estimate, not the dummy."""
    if node.style not in _MEAN_ACCENTS:
        return False
    if not any(base == node.base for base, _ in integral_styles) \
            or any(base == node.base and style == node.style for base, style in integral_styles):
        return False
    return not any(isinstance(x, n.BigOp) and x.var == node.base or isinstance(x, n.Limit) and x.var.base == node.base
                   for x in tree.walk())


def _timeless(node: n.Sym, letters: Letters) -> n.Sym:
    """In a step that differentiates by t, \\dot x is the derivative of x: the same quantity by name."""
    return n.undotted(node)[0] if letters.time is not None else node


def _averaged_conditions(tree: n.Node) -> set[int]:
    """The conditions of conditional expectations inside an expectation (X of E[E[Y | X]]): averaged
    over, the step does not depend on what X is, as it does not on a bound variable."""
    out: set[int] = set()
    for node in tree.walk():
        if isinstance(node, n.Apply) and expectation.kind_of(node) is not None and node.given < 0:
            for inner in (x for arg in node.args for x in arg.walk()):
                if isinstance(inner, n.Apply) and expectation.kind_of(inner) == "E" and inner.given >= 0:
                    out.update(id(c) for c in inner.args[inner.given:])
    return out


def _is_index_letter(item: n.Node, letters: Letters, bound: set[str]) -> bool:
    return any(isinstance(x, n.Sym) and (x.base in letters.index or x.base in bound or x.base in letters.integer)
               for x in item.walk())


def _item_text(item: n.Node) -> str:
    if isinstance(item, n.Num):
        return item.value
    if isinstance(item, n.Sym):
        return item.key
    return type(item).__name__


def _written_alone(tree: n.Node, key: str) -> bool:
    """Whether ``tree`` writes the letter ``key`` as a quantity, not only before a bracket it applies."""
    heads = {id(x.func) for x in tree.walk() if isinstance(x, n.Apply)}
    return any(isinstance(x, n.Sym) and x.key == key and id(x) not in heads for x in tree.walk())


#: readings of the notation that only the prose can confirm, with the reason a step that holds in one
#: of them (and not as lintmath reads it) is unverified; the first flipped one names it
HOLDS_ONLY_IN: tuple[tuple[tuple, str], ...] = (
    # in computer science \log is base 2 (and wins over base 10 where both are flipped)
    (LOG_BASE_TWO, "holds if \\log is base 2 (lintmath reads it as the natural log)"),
    # \cos 2\pi/3 = -\frac12: the author's argument runs to the end of the slash
    (SLASH_ARGUMENT, "holds if the slash divides the function's argument (\\sin x/2 as \\sin(x/2))"),
    # p^2/2m, \varepsilon/k_B T: physics divides by the whole product; a step that holds only with
    # (a/b)c may mean that, or be a slip that moved a factor across the slash
    (SLASH_REACH, "holds if a/bc is read as (a/b)c (lintmath reads it as a/(bc))"),
    # \|A\|_1 = \sum_{i,j} |a_{ij}|: the entrywise norm, which some authors mean; lintmath reads a
    # matrix's 1-, 2- and max-norms as induced, as numerical analysis does
    (ENTRYWISE_NORMS, ENTRYWISE_ONLY),
    # \frac{d}{dx^2} e^{-x^2} = (4x^2 - 2)e^{-x^2}: a second derivative whose numerator lost its 2
    (ORDER_TYPO, "holds if d/dx^2 is the second derivative in x (lintmath reads it as the derivative with "
                 "respect to x^2)"),
    # \max_{q \in [0, 10]} (5q - q^2) = 6 holds where q counts whole units, which only the prose can say
    (INTEGER_OPTIMUM, "holds if the optimisation's variable runs through the integers (lintmath reads the "
                      "interval as real)"),
    # \sin(A + B) = \sin C holds for the angles of a triangle, which only the prose can say
    (TRIANGLE_ANGLES, "holds if the letters are the angles of a triangle (sum pi)"),
    # \sin 30 = \frac12: the author's angles are degrees, written without the sign
    (DEGREE_ANGLES, "holds if the angles are in degrees (lintmath reads them as radians)"),
    # some authors mean \log(x^2) by \log(x)^2, most (\log x)^2: \log(x^n) = \log(x)^n, a slip as
    # often as that shorthand, holds only so, which only the prose can confirm
    (FUNCTION_POWER, "holds if \\log(x)^2 means \\log(x^2) (lintmath reads it as (\\log x)^2)"),
    # \mathbb{E} X^2 is E[X^2] in probability texts; (E X)^2 is rare, but no bracket rules it out
    (OPERATOR_REACH, "holds if the bare \\mathbb{E} reaches only the letter after it (lintmath reads "
                     "\\mathbb{E} X^2 as \\mathbb{E}[X^2])"),
)


# the readings in which the candidates a product makes vectors are vectors
_VECTOR_READINGS = frozenset({("required",), ("vectors",)})
EQUATION_TO_SOLVE = "an equation to solve or a value given elsewhere, not an identity"
DOMAIN_QUESTION = "holds at some sampled points and not at others (a domain question)"
DOMAIN_IN_A_READING = "holds on part of the domain in one reading of the notation, refuted in another"
#: a step that differs with each impulse an opaque function and holds with the factors beside it sifted
SIFTED = "holds with the factors beside an impulse (\\delta) read at its point, as its sifting gives"


class Comparator:
    """Evaluates two trees on shared random instances and points; reused by the diagnosis so that a
    candidate fix is judged on exactly the points that refuted the step."""

    def __init__(self, parsed: Parsed, relation: str, seed: int, assumed: tuple[ContextItem, ...] = (),
                 indefinite: bool = False, constant_in: str = ""):
        self.parsed = parsed
        # a side that adds \text{const} (see check._up_to_constant): the sides are compared by their
        # derivatives in the letter the constant is constant in, where such a term vanishes
        self.constant_in = constant_in
        # the chain integrates, or the step itself writes F + C = G + C (two forms of one antiderivative,
        # compared "up to the constant" in prose): equality up to C; without the chain, only for sides
        # in one letter besides C (x^2 + bx + c is a quadratic's coefficient c, which absorbs nothing)
        self.integrates = indefinite
        self.indefinite = indefinite or (_adds_integration_constant(parsed.lhs)
                                         and _adds_integration_constant(parsed.rhs))
        self.relation = relation
        self.seed = seed
        self.assumed = assumed
        self.constraints = _parse_assumptions(tuple(a for a in assumed if a.kind not in (SAMPLED_VALUES, money.KIND)))
        # the letters the prose gives a finite set of values: (the names of their members, the values)
        self.choices = [(pattern, tuple(sp.Rational(v.strip()) for v in a.rhs.split(",")))
                        for a in assumed if a.kind == SAMPLED_VALUES and (pattern := _value_pattern(a.lhs))]
        letters = parsed.letters
        if self.constraints:
            trees = [t for c in self.constraints for t in (c[0], c[2])]
            extra = classify_letters(*trees)
            letters = replace(letters, index=letters.index | extra.index, integer=letters.integer | extra.integer,
                              standalone=letters.standalone | extra.standalone)
        self.letters = letters
        self.keys = reading_keys(parsed.letters, parsed.lhs, parsed.rhs)
        # what a comparison needs of the trees, computed once: the diagnosis compares one left side
        # with hundreds of candidate right sides
        self._bounds: dict | None = None
        self._least: dict[str, int] = {}
        self._facts: dict[int, tuple[n.Node, sp.Float, frozenset[str]]] = {}
        self._undefined: bool | None = None
        # the step's own two sides lowered per (reading, atoms, instance): the quick screens, the
        # decision and the explanation of a "depends on f" all start from the same pairs
        self._pairs: dict[tuple, tuple[Instance, sp.Expr, sp.Expr] | Exception] = {}
        # the radicands of the even roots each own pair's lowering met (see Lowerer.radicands), and
        # those of the last pair lower_pair built
        self._pair_radicands: dict[tuple, tuple[sp.Expr, ...]] = {}
        self.last_radicands: tuple[sp.Expr, ...] = ()
        # the step's own two sides compared per (reading, atoms): deciding the step, the checks made
        # of a verified one and the diagnosis of a refuted one all ask the same readings again
        self._own: dict[tuple[frozenset, bool], Outcome] = {}
        # the reading decide() took for the default one, which cannot build the line before (see
        # _reading_of_line_before); empty when the default reading stands
        self.stand_in: frozenset = frozenset()
        # the rates the step and the prose about money above it state (3%): their factors (1.03) are
        # exact, so that a slip of a few cents is not taken for rounding (see tolerance.decimal_tolerance)
        self.rates = stated_rates(parsed.lhs, parsed.rhs) | money.rates_of(assumed)
        self.money = parsed.money or bool((unit_names(parsed.lhs) | unit_names(parsed.rhs)) & money.UNITS)

    def _tree_facts(self, tree: n.Node, given: bool = False) -> tuple[sp.Float, frozenset[str], bool, bool]:
        """The tolerance its written decimals allow (as the line before, ``given``, or as the claim),
        the imaginary units it uses, whether it writes a decimal, and whether it is a repeating
        decimal (see exact_decimals): asked at every comparison, a diagnosis's candidates included."""
        entry = self._facts.get((id(tree), given))
        if entry is None or entry[0] is not tree:
            if len(self._facts) > 256:
                self._facts.clear()
            entry = (tree, decimal_tolerance(tree, given=given, rates=self.rates, money=self.money),
                     frozenset(c.name for c in _imaginary_units(tree)),
                     any(isinstance(x, n.Num) and "." in x.value for x in tree.walk()), exact_decimals(tree),
                     TOLERANCE if given else rounded_integers_share(tree))
            self._facts[(id(tree), given)] = entry
        return entry[1:5]

    def _fine_tolerance(self, lhs: n.Node, rhs: n.Node) -> tuple[sp.Float, sp.Float | None]:
        """The tolerance and the claim's share of it (see compare) as the written numbers state them, without
        the working tolerance's floor: for values above HUGE compared at 3 * PRECISION digits, where that
        floor allows a whole unit off (0.5 \\cdot 123456789012 = 61728394507). A claim of 21 digits computed
        from decimals of 25 (F_{100} from the golden ratio) is held to its own last digit, and a whole
        number that ends a computation keeps its rounding to units (\\sqrt{2} \\cdot 10^{10} = 14142135624);
        whole numbers alone are exact (2^{50} - 1 against 2^{50} - 3). Decimals of up to 17 digits may be a
        double's printout, off in its last places by the computation's own rounding: a few units in the
        last place of a double are allowed them (DOUBLE_NOISE)."""
        digits = [len(x.value.replace(".", "").strip("0")) for side in (lhs, rhs) for x in side.walk()
                  if isinstance(x, n.Num) and "." in x.value]
        floor = DOUBLE_NOISE if digits and max(digits) <= DOUBLE_DIGITS else EXACT_TOLERANCE
        share_l = decimal_tolerance(lhs, given=True, rates=self.rates, money=self.money, floor=floor)
        share_r = decimal_tolerance(rhs, rates=self.rates, money=self.money, floor=floor)
        rounded = rounded_integers_share(rhs, floor=floor) if digits and any(
            isinstance(x, n.Num) and "." in x.value for x in lhs.walk()) else restated_share(lhs, rhs, floor=floor)
        share_r = max(share_r, rounded)
        tolerance = combined_tolerance(share_l, share_r, floor=floor)
        claimed = share_r if tolerance > floor and share_r > floor and lone_number(rhs) else None
        return tolerance, claimed

    def _rounded_integers(self, tree: n.Node) -> sp.Float:
        """The claim's share of rounding in its whole numbers (see rounded_integers_share), as cached by
        _tree_facts."""
        self._tree_facts(tree)
        return self._facts[(id(tree), False)][5]

    def turns_on_signs(self, *trees: n.Node) -> bool:
        """(for the diagnosis, which sees the comparator only: see the module function)"""
        return turns_on_signs(*trees)

    def differs_off_samples(self, lhs: n.Node, rhs: n.Node) -> bool:
        """(for the diagnosis: see the module function)"""
        return differs_off_samples(self, lhs, rhs)

    def readings(self) -> list[frozenset]:
        out = [frozenset()]
        for key in self.keys[:3]:
            out.append(frozenset([key]))
        if len(self.keys) > 1:
            out.append(frozenset(self.keys[:4]))
        return out

    @functools.cached_property
    def _size_sensitive(self) -> bool:
        """Whether the step's truth may rest on the size of its random matrices, which nothing written
        gives: it takes tr, det or adj of them, or writes I, \\mathbf{1} or a dimension letter."""
        letters = self.parsed.letters
        if letters.dimension or not (letters.matrices or letters.vectors):
            return False
        return bool(letters.dimensions) or any(
            isinstance(x, n.Func) and x.name in n.MATRIX_FUNCTIONS or isinstance(x, n.Sym) and x.base in ("I", "1")
            for tree in (self.parsed.lhs, self.parsed.rhs) for x in tree.walk())

    def orthogonality_only(self, flips: frozenset, lhs: n.Node, rhs: n.Node) -> bool:
        """Whether sides equal in the reading ``flips`` agree only by the orthogonality of indexed vectors
        that both still pair (see decide): no verification, and no repair of a slip either."""
        return ORTHOGONAL in flips and all(_pairs_indexed_vectors(side, self.letters) for side in (lhs, rhs))

    def decide(self) -> tuple[Outcome, tuple[str, ...]]:
        outcomes = []
        tried: list[frozenset] = []
        started = work_time()
        for flips in self.readings():
            if outcomes and work_time() - started > EFFORT_SECONDS:
                # a step this slow to compare is rarely settled by another reading; and a refutation
                # needs every reading tried, so one not tried leaves the step undecided
                return Outcome("undecided", "too slow to compare under every reading of the notation"), ()
            outcome = self.own(flips)
            if outcome.kind == "equal" and DIMENSION_LETTER in flips:
                names = dimension_letter_candidates(self.parsed.letters, (self.parsed.lhs, self.parsed.rhs))
                outcome = Outcome("undecided", f"holds if {', '.join(sorted(names))} is the dimension of the "
                                               "vectors (lintmath reads it as a number)")
            if outcome.kind == "equal" and SQUARE_MATRICES in flips:
                letters = self.parsed.letters
                names = ", ".join(sorted(k.split(":")[-1] for k in letters.tall | letters.wide))
                outcome = Outcome("undecided", f"holds if {names} is square (lintmath reads a matrix in (X^T X)^{{-1}} "
                                               "as tall, in (X X^T)^{-1} as wide)")
            if outcome.kind == "equal" and SUM_COUNT in flips:
                names = " or ".join(sorted(self.parsed.letters.sum_counts))
                outcome = Outcome("undecided", f"holds if {names} is the number of terms of a sum without bounds "
                                               "(lintmath reads it as a number)")
            if outcome.kind == "equal":
                held = next((why for key, why in HOLDS_ONLY_IN if key in flips), "")
                outcome = Outcome("undecided", held) if held else outcome
            constants = self.parsed.letters.randomness.capital_constants
            if outcome.kind == "equal" and ("random",) in flips and constants:
                # E[XY] = E[X]Y holds with Y a constant, which a capital in a probability text rarely
                # is (and E[aX + B] = aE[X] + B rarely writes one): only the prose can say
                names = ", ".join(sorted(constants))
                outcome = Outcome("undecided", f"holds if {names} is a constant (lintmath reads a capital "
                                               "inside an expectation as random)")
            if outcome.kind == "equal" and ("logbase",) in flips and "log10" in self._other_bases():
                # \log is the natural logarithm here, as in most notes; in engineering it is base 10
                outcome = Outcome("undecided", "holds if \\log is base 10 (lintmath reads it as the natural log)")
            if outcome.kind == "equal" and quantum.PAULI_ONLY in flips:
                # \sigma_x\sigma_y\sigma_x = -\sigma_y: Pauli algebra, or standard deviations gone wrong; HZH = X:
                # the gates, or other operators (a Hamiltonian H)
                outcome = Outcome("undecided", quantum.only_if_gates(self.parsed.lhs, self.parsed.rhs))
            if outcome.kind == "equal" and self.orthogonality_only(flips, self.parsed.lhs, self.parsed.rhs):
                # orthogonality used is orthogonality applied: a side that drops the pairs of different
                # basis vectors (<u_i, u_1> + .. = 0 + .. + <u_i, u_i>). Sides that both keep them
                # (\sum_{i,j} a_i a_j <x_i, x_j> = \sum_{i,j} a_i a_i <x_i, x_j>) agree in that reading
                # by accident: a slip that an orthogonal basis hides
                outcome = Outcome("undecided", ORTHOGONAL_ONLY)
            if outcome.kind == "equal" and ("symmetric",) in flips:
                # x^T A y = y^T A x holds if A is symmetric, which only the prose can say
                letters = self.parsed.letters
                # (those the prose states symmetric need no saying: see check._verified_with_symmetry)
                names = {m.split(":")[-1] for m in letters.matrices - letters.stated_symmetric
                         if m.split(":")[-1] in MAYBE_SYMMETRIC_NAMES or m in letters.quadratic}
                if not self._conventionally_symmetric():
                    if names or not letters.stated_symmetric & letters.matrices:
                        outcome = Outcome("undecided", f"holds if {', '.join(sorted(names))} is symmetric")
                else:
                    # \Sigma beside D^{-1}, tr(B^T A C) = tr(ABC) with C a covariance: the reading made the
                    # maybe-symmetric ones symmetric as well, which no name says; a step that also needs
                    # them so holds only if the prose says it
                    maybe = names - {m.split(":")[-1] for m in self._conventional_matrices()} \
                        - {m.split(":")[-1] for m in letters.quadratic}
                    if maybe and self.own((flips - {("symmetric",)}) | {CONVENTIONALLY_SYMMETRIC}).kind != "equal":
                        outcome = Outcome("undecided", f"holds if {', '.join(sorted(maybe))} is symmetric")
            summed = sorted(key[1].split(":")[-1] for key in flips if key[0] == SUMMED_SWAP)
            if outcome.kind == "equal" and summed:
                # \partial_k \sum_{i,j} A_{ij} x_i x_j = 2\sum_j A_{kj} x_j, as \nabla x^T A x = 2Ax
                outcome = Outcome("undecided", f"holds if {', '.join(summed)} is symmetric")
            if outcome.kind == "equal" and self.parsed.letters.required and not flips & _VECTOR_READINGS:
                outcome = self._as_required_vectors(outcome, flips)
            if outcome.kind == "equal":
                outcome = self._as_imaginary_units(outcome, flips)
            if outcome.kind == "equal" and self.parsed.letters.hermitian:
                outcome = self._as_complex_arrays(outcome, flips)
            if outcome.kind == "equal" and not flips & quantum.GATE_KEYS:
                outcome = self._as_gates(outcome, flips)
            if outcome.kind == "equal":
                outcome = self._as_applied_deltas(outcome, flips)
            if outcome.kind == "equal":
                outcome = self._as_indexed_sequences(outcome, flips)
            if outcome.kind == "equal":
                return outcome, self.guesses(flips) + self._textbook_order_only(flips)
            outcomes.append(outcome)
            tried.append(flips)
        if quantum.GATES in self.keys:
            return self._gates_undecided(outcomes, tried), ()
        if any(o.reason.startswith("holds if ") for o in outcomes):
            return next(o for o in outcomes if o.reason.startswith("holds if")), ()
        first, chosen = outcomes[0], frozenset()
        square = next((o for o, flips in zip(outcomes, tried) if SQUARE_MATRICES in flips), None)
        if first.kind == "undecided" and not first.readable and square is not None \
                and ("shape" in first.reason or "not square" in first.reason) \
                and square.kind == "differ":
            # sides whose shapes do not fit the tall reading (I_n - Z(Z^T Z)^{-1}Z^T Z): no reading defines
            # them but the square one, where they differ. (Only a misfit of shapes: an entry or a function
            # the tall reading does not decide says nothing of the step. \det X of a tall X, which a step
            # may write on its right side beside (X^T X)^{-1}, is such a misfit.)
            first = square
        elif first.kind == "undecided" and not first.readable:
            stand_in = self._reading_of_line_before(tried)
            if stand_in is not None:
                # the default reading's shapes do not fit the line before itself ((y - x)^T with y and x
                # numbers): it is no reading of the chain at all, and the first reading whose shapes
                # build the line before stands for it, as it would for a step written without the slip
                first, chosen = outcomes[tried.index(stand_in)], stand_in
        self.stand_in = chosen
        others = [o for o, flips in zip(outcomes, tried) if flips != chosen and flips]
        if first.kind == "differ" and self.parsed.letters.commutators:
            return Outcome("undecided", commutators.DIFFER), ()
        if first.kind == "differ" and self.parsed.letters.poisson and not poisson.stated():
            return Outcome("undecided", poisson.DIFFER), ()
        if first.kind == "differ" and EVENTS in self.keys:
            # P(A \\cup B) = P(A) + P(B), refuted with P a stand-in, holds for disjoint events
            excuse = event_excuse(self)
            if excuse is not None:
                return Outcome("undecided", excuse), ()
        if first.kind == "differ" and self._holds_sifted(chosen):
            return Outcome("undecided", SIFTED), ()
        if first.kind == "differ":
            if any(o.kind == "undecided" and o.reason == DOMAIN_QUESTION and ("e",) in flips
                   for o, flips in zip(outcomes[1:], tried[1:])):
                # \sqrt{(1-e)^2} = 1 - e: false for Euler's number, but true wherever an eccentricity
                # lies (e < 1). A reading of e as a letter in which the step holds on part of the domain
                # is one the prose may confine to that part, so no edit that repairs the constant's
                # reading decides it. (Other readings that hold somewhere, a sign of the slip as often
                # as not, leave the refutation to the default reading and its repair.)
                return Outcome("undecided", DOMAIN_IN_A_READING), ()
            if any(o.kind == "undecided" and o.reason == OTHER_BRANCH for o in others):
                # i^i = e^{3\pi/2} with i the unit: a value of another branch, which no edit should repair
                return Outcome("undecided", OTHER_BRANCH), ()
            if any(o.kind == "undecided" and o.readable for o in others):
                return Outcome("undecided", "refuted in one reading of the notation, undecided in another"), ()
            applied = self._applied_somewhere([flips for flips in tried[1:] if flips != chosen])
            if applied and chosen:
                self.stand_in = frozenset()
                return outcomes[0], ()  # as where no reading stands in (see robust below)
            if applied:
                # 2T(n/2) + n = 2(2T(n/4) + n/2) + n: read as products it differs, but read as T
                # applied, the two sides apply T at other points, which a T defined elsewhere relates
                return Outcome("undecided", f"depends on what {applied} is"), ()
            if self.has_undefined_functions():
                # The refutation used stand-ins for f; it stands only if it holds for any f, i.e. when
                # both sides apply the same functions to the same arguments and differ in how they
                # combine them (2f(x) vs 3f(x)), not in which applications they use.
                robust = self.robust(chosen)
                if robust.kind != "differ" and chosen:
                    # not robust in the stand-in reading either: decided as a step whose default
                    # reading cannot be built (only a small edit that makes it hold refutes it)
                    self.stand_in = frozenset()
                    return outcomes[0], ()
                if robust.kind != "differ":
                    names = ", ".join(sorted({g.split()[-1] for g in self.guesses(frozenset())}))
                    return Outcome("undecided", f"depends on what {names} is"), ()
                return robust, self.guesses(chosen) if chosen else ()
        return first, self.guesses(chosen)

    def _as_imaginary_units(self, outcome: Outcome, flips: frozenset) -> Outcome:
        """A step that holds with a bare i or j read as a real letter, decided again with them the
        imaginary unit, which they are more often than not (e^{i\\theta}, a + ib): |a + ib|^2 = (a + ib)^2
        and |e^{i\\theta}|^2 = e^{2i\\theta} hold for a real i only. A step that holds either way (a
        polynomial identity, i a current in v = iR) stands; one that differs as the unit is left to the
        prose, which may say that i is a current or an index."""
        units = [key for key in self.keys if key[0] == "imag" and key not in flips]
        if not units:
            return outcome
        try:
            other = self.own(flips | frozenset(units))
        except Exception:  # noqa: BLE001 -- unreadable with the unit: no reading to hold it to
            return outcome
        if other.kind != "differ" and other.reason != OTHER_BRANCH:
            return outcome
        names = " and ".join(key[1] for key in units)
        return Outcome("undecided", f"holds if {names} is a real number; read as the imaginary unit, the sides "
                                    "differ")

    def _as_applied_deltas(self, outcome: Outcome, flips: frozenset) -> Outcome:
        """A step that holds with a delta applied before a bracket on both sides read as a number times the
        bracket, decided again with it applied: \\delta(2t - 4) = 2\\delta(t - 2) holds of a factor and is
        the classic slip of the Dirac delta (whose scaling gives 1/2), \\delta[2n] = 2\\delta[n] of Kronecker's
        (where it is 1). A step that holds either way (\\delta(t - a) + \\delta(t - a) = 2\\delta(t - a))
        stands; one that does not is left to the prose (see _only_applied for when delta is applied)."""
        nodes = [x for tree in (self.parsed.lhs, self.parsed.rhs) for x in tree.walk()]
        toggled = {("apply", x.func.key) for x in nodes
                   if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base == "\\delta"
                   and x.maybe_product and x.prefer_product != (("apply", x.func.key) in flips)
                   and not read_as_product(x, self.parsed.letters) and self._only_applied(x.func.key)}
        if not toggled:
            return outcome
        try:
            other = self.own(flips ^ frozenset(toggled))
        except Exception:  # noqa: BLE001 -- unreadable with delta applied: the product alone verifies nothing
            other = Outcome("undecided", "")
        if other.kind == "equal":
            return outcome
        return Outcome("undecided", APPLIED_DELTA)

    def _as_indexed_sequences(self, outcome: Outcome, flips: frozenset) -> Outcome:
        """A step that holds with a sequence's member in square brackets read as a number times the
        bracket (``x[n+1]`` as x(n+1)) at a sum's index, decided again with the members: \\sum_{n \\ge 0}
        x[n+1] z^{-n} = z\\sum_{n \\ge 0} x[n] z^{-n} holds of x times n and loses x[0] of the sequence, which
        the index running over the sum says it is. A step that holds either way stands."""
        bound = {x.var for tree in (self.parsed.lhs, self.parsed.rhs) for x in tree.walk() if isinstance(x, n.BigOp)}
        if not bound:
            return outcome
        nodes = [x for tree in (self.parsed.lhs, self.parsed.rhs) for x in tree.walk()]
        toggled = {("apply", x.func.key) for x in nodes
                   if isinstance(x, n.Apply) and x.bracket == "[" and x.maybe_product
                   and x.prefer_product != (("apply", x.func.key) in flips)
                   and any(n.mentions(a, bound) for a in x.args) and not read_as_product(x, self.parsed.letters)}
        if not toggled:
            return outcome
        try:
            other = self.own(flips ^ frozenset(toggled))
        except Exception:  # noqa: BLE001 -- unreadable as members: the product alone verifies nothing
            other = Outcome("undecided", "")
        if other.kind == "equal":
            return outcome
        return Outcome("undecided", INDEXED_PRODUCT)

    def _as_complex_arrays(self, outcome: Outcome, flips: frozenset) -> Outcome:
        """A step with a conjugate transpose (A^H) that holds for real entries, decided again with complex
        ones, which the mark says they may be: x^H y = y^H x and x^H x = \\sum_i x_i^2 hold for real vectors
        only. It stands only if it holds there too; otherwise it is left to the prose (precision first:
        the real reading alone verifies nothing the mark puts in doubt)."""
        try:
            other = self.own(flips | {COMPLEX_ARRAYS})
        except Exception:  # noqa: BLE001 -- unreadable with complex entries: not verified
            other = Outcome("undecided", "")
        if other.kind == "equal":
            return outcome
        return Outcome("undecided", "holds if the entries are real; with complex ones, which a conjugate "
                                    "transpose (^H) allows, the sides differ or are not decided")

    def _as_gates(self, outcome: Outcome, flips: frozenset) -> Outcome:
        """A step that holds with the standard gates or Pauli matrices it writes read as numbers, decided
        again with them the gates: XZ = ZX and \\sigma_x\\sigma_z = \\sigma_z\\sigma_x hold of numbers (standard
        deviations, other operators that commute) and not of the gates, which the step writes nothing but. As
        the gates' reading verifies nothing it alone holds (H may be a Hamiltonian), numbers alone verify
        nothing the gates fail: which they are is the prose's to say."""
        gates = [key for key in self.keys if key in quantum.GATE_KEYS]
        if not gates:
            return outcome
        for key in gates:
            try:
                other = self.own(flips | {key})
            except Exception:  # noqa: BLE001 -- unreadable as gates: no reading to hold it to
                return outcome
            if other.kind != "differ":
                return outcome
        names = quantum.gate_names(self.parsed.lhs, self.parsed.rhs)
        return Outcome("undecided", f"holds if {', '.join(sorted(names)) or 'the sigmas'} are numbers; read as the "
                                    "standard gates (Pauli matrices), the sides differ")

    def _as_required_vectors(self, outcome: Outcome, flips: frozenset = frozenset()) -> Outcome:
        """A step that holds with the letters a product makes vectors (the y of x^T y) read as numbers,
        decided again with them vectors: x^T y = y x^T holds of a number y and not of a vector."""
        key = ("required",) if ("required",) in self.keys else ("vectors",)
        # in the reading with the matrices symmetric, as vectors too: the gradient of the Gaussian's
        # (x - \mu)^T \Sigma^{-1} (x - \mu) holds only so
        other = self.own(frozenset({key}) | (flips & {("symmetric",)}))
        if other.kind == "equal":
            return outcome
        names = ", ".join(sorted(self.parsed.letters.required))
        return Outcome("undecided", f"holds if {names} is a number; as a vector, which the step's products make "
                                    f"{'them' if ',' in names else 'it'}, the sides differ")

    def _textbook_order_only(self, flips: frozenset) -> tuple[str, ...]:
        """The guess of the first qubit the control of CNOT, for a step that holds with the gates in that
        order and not in Qiskit's: a document's steps that each hold in one order only tell which
        order it takes (see qubitorder.py)."""
        if quantum.GATES not in flips or not quantum.has_direction(self.parsed.lhs, self.parsed.rhs):
            return ()
        try:
            other = self.own((flips - {quantum.GATES}) | {quantum.GATES_REVERSED})
        except Exception:  # noqa: BLE001 -- a reading that cannot be built says nothing of the order
            return ()
        return () if other.kind == "equal" else (qubitorder.FIRST,)

    def _gates_undecided(self, outcomes: list[Outcome], tried: list[frozenset]) -> Outcome:
        """A step with a reading of the standard gates that no reading verifies. The gates make the
        step readable (no other reading of H|0> exists), but a failure with them says only that the
        letters may be other operators; and where the gates read it, a failure of the letters read
        as numbers (\\sigma_x\\sigma_y) says nothing either. Readable, so that no search of every
        reading refutes it: only the gates' own diagnosis may (see check_step)."""
        gates = [flips for o, flips in zip(outcomes, tried) if o.kind == "differ" and quantum.reads(flips)]
        if gates:
            if self.parsed.letters.kets and any(self._global_phase(flips) for flips in gates):
                # -|1> for X|0>, diag(1, e^{i theta}) for R_z(theta): the same state, or gate, up to
                # a phase, which a chain of states often drops (and conventions differ by)
                return Outcome("undecided", GLOBAL_PHASE)
            names = ", ".join(sorted(quantum.gate_names(self.parsed.lhs, self.parsed.rhs)))
            return Outcome("undecided", GATES_DIFFER.format(names))
        first = outcomes[0]
        return Outcome("undecided", first.reason or "the two sides differ with the letters read as numbers")

    def _global_phase(self, flips: frozenset) -> bool:
        """Whether, with the standard gates, one side is the other times a number of modulus 1 (at
        a point of the step's letters, in the first instance)."""
        try:
            _, a, b = self.own_pair(flips, False, 0)
            (shape_a, entries_a), (shape_b, entries_b) = linalg.entries(a), linalg.entries(b)
        except Exception:  # noqa: BLE001 -- not buildable: no phase to speak of
            return False
        if shape_a != shape_b or shape_a == (1, 1):
            return False  # a number (<0|H|1>) has no phase to drop
        symbols = set().union(*(e.free_symbols for e in (*entries_a, *entries_b)))
        point = {s: sp.Rational(37 + 11 * k, 100) for k, s in enumerate(sorted(symbols, key=lambda x: x.name))}
        try:
            values = [(complex(sp.N(x.subs(point))), complex(sp.N(y.subs(point)))) for x, y in zip(entries_a, entries_b)]
        except (TypeError, ValueError):
            return False
        ratio = next((x / y for x, y in values if abs(y) > 1e-9), None)
        return ratio is not None and abs(abs(ratio) - 1) < 1e-9 \
            and all(abs(x - ratio * y) < 1e-9 * max(1.0, abs(x)) for x, y in values)

    def _holds_sifted(self, flips: frozenset) -> bool:
        """Whether the sides, which differ with each impulse an opaque function, are equal with the
        factors beside an impulse read at its point (see sifting.py): g(t)\\delta(t - a) = g(a)\\delta(t - a)."""
        lhs, rhs = sifting.sifted(self.parsed.lhs), sifting.sifted(self.parsed.rhs)
        if lhs is None and rhs is None:
            return False
        try:
            return self.compare(lhs or self.parsed.lhs, rhs or self.parsed.rhs, flips).kind != "differ"
        except Exception:  # noqa: BLE001 -- not buildable sifted: the refutation stands as read
            return False

    def _applied_somewhere(self, readings: list[frozenset]) -> str:
        """The letters a reading reads as functions applied, when with them as opaque calls that
        reading does not refute the step (the sides apply them at other points); "" otherwise."""
        for flips in readings:
            keys = [k[1] for k in flips if k[0] == "apply" and self._only_applied(k[1])]
            if keys and self.own(flips, atoms=True).kind != "differ":
                return ", ".join(sorted(k.split(":")[-1] for k in keys))
        return ""

    def _only_applied(self, key: str) -> bool:
        """Whether both sides write ``key`` before a bracket and neither writes it alone: T(n/2) beside
        T(n/4) may be a function; m_2 (x + y) beside m_2 x is a mass."""
        trees = (self.parsed.lhs, self.parsed.rhs)
        applied = [[x for x in t.walk() if isinstance(x, n.Apply) and x.func.key == key] for t in trees]
        if not all(applied) or any(_written_alone(t, key) for t in trees):
            return False
        if key.split(":")[-1] == "\\delta":
            # \delta(a t - b) = \delta(t - b/a)/|a|: the Dirac delta, whose scaling and sifting relate its
            # values at points of any form (a variation \delta x is written alone, or on a letter)
            return True
        # and at points of one variable (n/2, n/4, n - 1), as a recurrence writes them; k((a + b)x^2 + c)
        # or T(a_1 v_1) scale what they multiply
        args = [a for apps in applied for x in apps for a in x.args]
        letters = {y.key for a in args for y in a.walk() if isinstance(y, n.Sym)}
        return len(letters) == 1

    def _other_bases(self) -> set[str]:
        return {x.other_base for side in (self.parsed.lhs, self.parsed.rhs) for x in side.walk()
                if isinstance(x, n.Func) and x.other_base}

    def _conventionally_symmetric(self) -> bool:
        return bool(self._conventional_matrices())

    def _conventional_matrices(self) -> set[str]:
        # (a name written around another matrix, M\Sigma M^T, is a transform there: see Letters.transforms)
        return {m for m in self.parsed.letters.matrices - self.parsed.letters.transforms
                if m.split(":")[-1] in SYMMETRIC_NAMES}

    def robust(self, flips: frozenset = frozenset()) -> Outcome:
        """The default reading (or the one that stands for it, see _reading_of_line_before) with
        undefined functions as opaque atoms (what holds for any f)."""
        return self.own(flips, atoms=True)

    def _reading_of_line_before(self, tried: list[frozenset]) -> frozenset | None:
        """The first reading tried after the default one in which the line before (the left side) can
        be built alone, when the default reading cannot build it for a misfit of shapes; None otherwise.
        A misfit of the new line alone (x^T x x + 1) says nothing of the readings: only the line before,
        which the step takes as given, rules a reading out."""
        if not tried or tried[0] or self._left_misfit(tried[0]) is not True:
            return None
        return next((flips for flips in tried[1:] if self._left_misfit(flips) is False), None)

    def _left_misfit(self, flips: frozenset) -> bool | None:
        """Whether the left side alone fails to build in the first instance of a reading for a misfit of
        shapes (True), builds (False), or fails otherwise (None)."""
        try:
            Lowerer(self.instances(flips)[0], self.letters).lower(self.parsed.lhs)
        except ShapesMisfit:
            return True
        except Exception:  # noqa: BLE001 -- not buildable for another reason: no ruling on shapes
            return None
        return False

    def own(self, flips: frozenset = frozenset(), atoms: bool = False) -> Outcome:
        """The step's own two sides compared in one reading, once."""
        key = (flips, atoms)
        if key not in self._own:
            self._own[key] = self.compare(self.parsed.lhs, self.parsed.rhs, flips, atoms=atoms)
        return self._own[key]

    def _default_entries(self) -> tuple[list, list] | None:
        """The entries of both sides in the first instance of the default reading; None when they
        cannot be built or their shapes differ."""
        try:
            _, a, b = self.own_pair(frozenset(), False, 0)
            (shape_a, entries_a), (shape_b, entries_b) = linalg.entries(a), linalg.entries(b)
        except Exception:  # unreadable, or whatever else
            return None
        if shape_a != shape_b:
            # "= 0" for a zero vector (\nabla\times\nabla f = 0), read as the full comparison reads it
            if entries_b != [0] and entries_a != [0]:
                return None
            entries_a = entries_a if entries_a != [0] else [sp.Integer(0)] * len(entries_b)
            entries_b = entries_b if entries_b != [0] else [sp.Integer(0)] * len(entries_a)
        return entries_a, entries_b

    def numbers_in_order(self) -> bool:
        """Whether an inequality between numbers alone (``\\frac{64}{7} \\le 20``, ``\\frac{e^2 - 1}{6} \\ge 1``)
        holds in the default reading with no slack at all: its values at three times the working precision
        are apart by more than their error, or equal exactly for ``\\le`` and ``\\ge``. A bound that holds
        only within the tolerance of written decimals (``\\sqrt 2 \\le 1.414``) is no such step."""
        if self.relation not in INEQUALITY:
            return False
        entries = self._default_entries()
        if entries is None or len(entries[0]) != 1 or len(entries[1]) != 1:
            return False
        a, b = entries[0][0], entries[1][0]
        if not isinstance(a, sp.Expr) or not isinstance(b, sp.Expr) or a.free_symbols or b.free_symbols:
            return False
        exact = a.is_Rational and b.is_Rational
        if exact:
            gap = b - a
        else:
            va, vb = evaluate(a, {}, 3 * PRECISION), evaluate(b, {}, 3 * PRECISION)
            if va is None or vb is None or not (va.is_real and vb.is_real):
                return False
            gap = vb - va
            if abs(gap) <= sp.Float(10) ** (-PRECISION) * max(1, abs(va), abs(vb)):
                return False  # equal within the digits: neither strict nor, without exact values, equal
        if self.relation in (">", ">="):
            gap = -gap
        return bool(gap > 0 or gap == 0 and self.relation in ("<=", ">="))

    def quickly_differs(self) -> bool:
        """One instance, one point, the default reading: True when the sides clearly differ there,
        or when the step cannot even be lowered or valued (so that a full decision is not worth its
        time); a difference in doubles is confirmed as a comparison would (a numeric limit's
        cancellation defeats even 30 digits)."""
        entries = self._default_entries()
        if entries is None:
            return True
        a, b = entries[0][0], entries[1][0]
        rng = random.Random(self.seed + 7)
        symbols = a.free_symbols | b.free_symbols
        whole = _remainders(a, b)
        signs = _sign_exponents(a, b)
        try:
            for attempt in range(1, 4):
                point = {s: _sample(rng, attempt, whole=whole or s in signs) for s in symbols}
                va, vb = evaluate(a, point, quick=True), evaluate(b, point, quick=True)
                if va is None or vb is None:
                    continue
                if abs(va - vb) <= sp.Float("1e-6") * max(1, abs(va), abs(vb)):
                    return False
                va, vb = evaluate(a, point, 3 * PRECISION), evaluate(b, point, 3 * PRECISION)
                return va is None or vb is None or not self.holds(va, vb)
        except Exception:  # whatever else: a full comparison would not be cheap to run
            return True
        return True  # undefined at every point tried

    def ignores(self, bases: set[str]) -> bool:
        """True when the difference of the two sides does not change as the quantities named
        ``bases`` change (m + x - m - x): then whatever the document says they are, the step's truth
        does not depend on it. One instance, the default reading, a few points."""
        entries = self._default_entries()
        if entries is None:
            return False
        entries_a, entries_b = entries
        symbols = set().union(*(e.free_symbols for e in (*entries_a, *entries_b)))
        named = {s for s in symbols if _base_of(s.name) in bases}
        if any(e.atoms(AppliedUndef) for e in (*entries_a, *entries_b)):
            return False
        if not named:
            return True  # m - x - m: gone from the sides themselves
        rng = random.Random(self.seed + 11)
        checked = 0
        for attempt in range(1, 7):
            whole = any(_remainders(e) for e in (*entries_a, *entries_b))
            point = {s: _sample(rng, attempt, whole=whole) for s in symbols}
            moved = {**point, **{s: _sample(rng, attempt, whole=whole) for s in named}}
            for left, right in zip(entries_a, entries_b):
                values = [evaluate(x, p, quick=True) for p in (point, moved) for x in (left, right)]
                if any(v is None for v in values):
                    break
                before, after = values[0] - values[1], values[2] - values[3]
                if abs(before - after) > 1e-9 * max(1, abs(before), abs(after)):
                    return False
            else:
                checked += 1
            if checked >= 3:
                return True
        return False

    def left_ignores(self, base: str, keys: frozenset[str] | None = None) -> bool:
        """True when the left side, lowered in every instance of the default reading, does not depend
        on the quantity named ``base``: it cancels there already (``x + c - c``, ``\\frac{(1-ac)}{(1-ac)
        \\sqrt a}``), so its absence from the right side is no sign of a value substituted from the
        prose. False whenever that cannot be shown: a side that does not lower, undefined functions,
        a letter that lowers to no symbol of its own. With ``keys``, only the letters of those keys are
        the quantity: the \\dot\\theta a derivative by \\dot\\phi takes away, beside the \\theta it keeps."""
        nodes = [x for x in self.parsed.lhs.walk() if isinstance(x, n.Sym) and x.base == base
                 and (keys is None or x.key in keys)]
        if not nodes:
            return False  # named otherwise (a set's size, a function's letter): not read here
        rng = random.Random(self.seed + 17)
        for k in range(len(self.instances(frozenset()))):
            try:
                inst, left, _ = self.own_pair(frozenset(), False, k)
                if self.constraints:
                    # as written, before the prose's relations are put in: a letter they eliminate
                    # (c = 1/a stated above) is the very substitution the guard is about
                    left, _ = self.lower_pair(inst, self.parsed.lhs, self.parsed.rhs, constrained=False)
                _, entries = linalg.entries(left)
                lowerer = Lowerer(inst, self.letters)
                own = set().union(*(getattr(lowerer.lower(x), "free_symbols", set()) for x in nodes))
            except Exception:  # noqa: BLE001 -- unreadable in this instance: not shown to cancel
                return False
            if not any(_base_of(s.name) == base for s in own):
                return False  # the letter lowers to no symbol named after it: its absence says nothing
            if any(e.atoms(AppliedUndef) for e in entries):
                return False
            symbols = set().union(*(e.free_symbols for e in entries))
            named = {s for s in symbols if _base_of(s.name) == base and (keys is None or s in own)}
            if not named:
                continue  # gone from the lowered side itself
            # still written after lowering ((c + 1)^2 - c^2 - 2c): the side's values must not move
            # as the letter's do, at a few points
            whole = _remainders(*entries)
            checked = 0
            for attempt in range(1, 7):
                point = {s: _sample(rng, attempt, whole=whole) for s in symbols}
                moved = {**point, **{s: _sample(rng, attempt, whole=whole) for s in named}}
                try:
                    values = [(evaluate(e, point, quick=True), evaluate(e, moved, quick=True)) for e in entries]
                except Exception:  # noqa: BLE001 -- not valued here: try another point
                    continue
                if any(a is None or b is None for a, b in values):
                    continue
                if any(abs(a - b) > 1e-9 * max(1, abs(a), abs(b)) for a, b in values):
                    return False
                checked += 1
                if checked >= 3:
                    break
            if checked < 3:
                return False
        return True

    def ignores_sizes(self, sizes: list[str]) -> bool:
        """True when the difference of the two sides stays the same as the sets whose sizes are named
        ``sizes`` (``#S``) grow, in the default reading at a few points: a sum over S that the line
        evaluated (a softmax summed to 1) does not depend on what S is."""
        base = self.instances(frozenset())[0]
        rng = random.Random(self.seed + 13)
        points: list[dict[str, sp.Rational]] = [{}, {}]
        seen: list[complex] | None = None
        for size in (2, 3, 4):
            inst = Instance(base.size, {}, {**base.integers, **{k: size for k in sizes}}, base.flips,
                            seed=base.seed, bounds=base.bounds)
            try:
                a, b = self.lower_pair(inst, self.parsed.lhs, self.parsed.rhs)
                (shape_a, entries_a), (shape_b, entries_b) = linalg.entries(a), linalg.entries(b)
                if shape_a != shape_b:
                    return False
                values = [_difference_at(x - y, point, rng, attempt) for attempt, point in enumerate(points, 1)
                          for x, y in zip(entries_a, entries_b)]
            except Exception:  # noqa: BLE001 -- unreadable at this size: not shown to be independent
                return False
            if any(v is None for v in values):
                return False
            if seen is not None and any(abs(u - v) > 1e-9 * max(1, abs(u), abs(v)) for u, v in zip(seen, values)):
                return False
            seen = values  # type: ignore[assignment]
        return True

    def adds_a_constant(self) -> bool:
        """Whether both lines end in a constant of integration (F + C, in a chain that integrates):
        they are then compared by their derivatives, and values alone cannot judge them. So are sides
        read up to \text{const} (see check._up_to_constant)."""
        if self.constant_in:
            return True
        return self.integrates and _adds_integration_constant(self.parsed.lhs) \
            and _adds_integration_constant(self.parsed.rhs)

    def has_undefined_functions(self) -> bool:
        if self._undefined is None:
            self._undefined = any(g.startswith("undefined function") for g in self.guesses(frozenset()))
        return self._undefined

    def guesses(self, flips: frozenset) -> tuple[str, ...]:
        out = []
        if self.letters.inferred:
            out.append("the shapes of " + ", ".join(sorted(k.split(":")[-1] for k in self.letters.inferred)))
        if ("vectors",) in flips:
            out.append("vectors for " + ", ".join(sorted(k.split(":")[-1] for k in self.letters.candidates)))
        elif ("required",) in flips:
            out.append("vectors for " + ", ".join(sorted(k.split(":")[-1] for k in self.letters.required)))
        out += [f"{key[1].split(':')[-1]} symmetric" for key in flips if key[0] == "swap"]
        out += [f"the {key[1].split(':')[-1]}_j summing to 1" for key in flips if key[0] == "normalized"]
        if ("identity",) in flips:
            out.append("I the identity")
        if ORTHOGONAL in flips:
            out.append(ORTHOGONAL_GUESS)
        if quantum.reads(flips):
            names = quantum.gate_names(self.parsed.lhs, self.parsed.rhs)
            out.append("the standard quantum gates for " + ", ".join(sorted(names)))
            if quantum.GATES_REVERSED in flips:
                out.append(qubitorder.SECOND)
        heads = dict(self.parsed.letters.distributions) if ("probability",) in flips else {}
        out += [f"{head.split(':')[-1]} a probability distribution" for head in heads]
        if EVENTS in flips:
            measures = dict(self.parsed.letters.events)
            out += [f"{head.split(':')[-1]} a probability of events" for head in measures]
            heads = {**heads, **measures}
        if ("logbase",) in flips:
            out += [LOG_READINGS[b] for b in sorted(self._other_bases())]
        if LOG_BASE_TWO in flips:
            out.append("\\log in base 2")
        for node in (*self.parsed.lhs.walk(), *self.parsed.rhs.walk()):
            if isinstance(node, n.Apply) and not read_as_product(node, self.parsed.letters) and not is_library(node) \
                    and node.func.key not in heads:
                product = node.prefer_product != (("apply", node.func.key) in flips)
                if node.func.base in FUNCTION_LETTERS and not (pi_times_decimal(node) and product) \
                        or not (node.maybe_product and product):
                    out.append(f"undefined function {node.func.base}")
        return tuple(sorted(set(out)))

    def instances(self, flips: frozenset, atoms: bool = False) -> list[Instance]:
        rng = random.Random(self.seed)
        letters = self.parsed.letters
        if self._bounds is None:
            self._bounds = sum_bounds(self.parsed.lhs, self.parsed.rhs)
            self._least = least_integers(self.parsed.lhs, self.parsed.rhs)
        bounds = self._bounds
        out = []
        # as many values for every letter (the same draws), from where its dots need it to start
        lows = {name: max(2, self._least.get(name, 2)) for name in letters.integer}
        for name in stacked_counts(letters.stacked) & lows.keys():
            # stacked data (see stacked.py) has more points than dimensions, as the notes' data sets
            # do: X^T X is then invertible, as (X^T X)^{-1} has it, and the columns of X generic
            lows[name] = max(lows[name], linalg.SIZE + 1)
        for k in range(INSTANCES):
            free = len(letters.index) + 1
            size = max(3, free) + k % 2
            integers = {name: rng.randint(lows[name], lows[name] + 2) for name in sorted(letters.integer)}
            if out:
                # each instance its own value of a count n: one value alone would verify
                # n(n-1)(2n+1)/3 for \sum_{k=1}^n k^2, which agrees with the sum at n = 3 only
                integers = _fresh_counts(out, lows, integers)
            elif flips & _ONE_INSTANCE:
                # the one instance these readings take (see compare) gives each count its own value: two
                # sets of one size would make \sum_{s \in S} p(s) and \sum_{a \in A} p(a) agree
                integers = _fresh_counts([], lows, integers)
            out.append(_Watched(size, {}, integers, flips, seed=self.seed * 31 + k, atoms=atoms, bounds=bounds))
        if letters.integer:
            # a count at two values agrees by accident with any quadratic through both: 3n - 3 and
            # n(n+1)/2 meet at n = 2 and n = 3, and T(n-3) + (n-2) + (n-1) + n = T(n-3) + T(0) +
            # \sum_{i=1}^n i "verified" there. A third value of each count, unlike the first two,
            # leaves no quadratic slip unseen.
            integers = _fresh_counts(out, lows)
            out.append(_Watched(max(3, len(letters.index) + 1), {}, integers, flips,
                                seed=self.seed * 31 + 2 * INSTANCES + 7, atoms=atoms, bounds=bounds))
        # free indices are drawn distinct, where every Kronecker delta between them is 0: a step with
        # deltas is also tried where they coincide (delta_ij delta_jk = delta_ij fails at i = k != j)
        for k, values in enumerate(_coincidences(self._delta_letters)):
            out.append(_Watched(out[0].size, dict(values), dict(out[0].integers), flips,
                                seed=self.seed * 31 + INSTANCES + k, atoms=atoms, bounds=bounds))
        return out

    @functools.cached_property
    def _delta_letters(self) -> list[str]:
        """The free index letters of a step with a Kronecker delta between letters (none without one), or
        with a derivative by an indexed letter (\\partial s_i / \\partial s_j is one, unwritten)."""
        trees = (self.parsed.lhs, self.parsed.rhs)
        deltas = [x for t in trees for x in t.walk() if isinstance(x, n.Sym) and x.base == "\\delta"
                  and len(x.indices) == 2 and not x.style]
        deltas += [x for t in trees for x in t.walk() if isinstance(x, n.Deriv)
                   and any(isinstance(v, n.Sym) and v.indices for v, _ in x.wrt)]
        if not deltas:
            return []
        bound = {x.var for t in trees for x in t.walk() if isinstance(x, n.BigOp)} | \
                {v for t in trees for x in t.walk() if isinstance(x, n.BigOp) for v in x.extra_vars}
        return sorted(self.parsed.letters.index - bound)

    def matrix_function_kinds(self) -> set[int]:
        """The kinds of function of a matrix (see matfunc) in the step's sides as lowered so far."""
        kinds: set[int] = set()
        for entry in self._pairs.values():
            if isinstance(entry, Exception):
                continue
            for side in entry[1:]:
                items = list(side) if linalg.is_matrix(side) else [side]
                kinds.update(f.kind for x in items if isinstance(x, sp.Basic) for f in x.atoms(matfunc.MatrixFunction))
        return kinds

    def own_pair(self, flips: frozenset, atoms: bool, k: int) -> tuple[Instance, sp.Expr, sp.Expr]:
        """Instance ``k`` of a reading and the step's two sides lowered in it, built once (a failure
        to lower is raised again at every call)."""
        key = (flips, atoms, k)
        entry = self._pairs.get(key)
        if entry is None:
            inst = self.instances(flips, atoms)[k]
            try:
                entry = (inst, *self.lower_pair(inst, self.parsed.lhs, self.parsed.rhs))
                self._pair_radicands[key] = self.last_radicands
            except Exception as exc:  # noqa: BLE001 -- the callers decide which failures they expect
                entry = exc
            self._pairs[key] = entry
        if isinstance(entry, Exception):
            raise entry
        return entry

    def lower_pair(self, inst: Instance, lhs: n.Node, rhs: n.Node,
                   constrained: bool = True) -> tuple[sp.Expr, sp.Expr]:
        """Both trees lowered in ``inst``; ``constrained``: with the equations the prose assumes (and
        the reading's normalizations) solved into them."""
        lowerer = Lowerer(inst, self.letters)
        a, b = lowerer.lower(lhs), lowerer.lower(rhs)
        if linalg.is_matrix(linalg.scalar(a)) and linalg.is_matrix(linalg.scalar(b)) \
                and linalg.scalar(a).shape != linalg.scalar(b).shape:
            # (X^T X)^{-1}X^T X = I with X tall: I is the size of the other side (see Lowerer.fitted_identities)
            a, b = lowerer.fitted_identities((lhs, rhs), [a, b]) or (a, b)
        while lowerer.unseen:
            # a stated independence: the product space has a factor for each named variable the sides
            # use, known once they are lowered; every expectation is taken in the one space, so that
            # what the statement leaves dependent keeps one joint distribution (Cov(Z, X) = E[ZX] -
            # E[Z]E[X])
            lowerer = Lowerer(inst, self.letters, factors=lowerer.factors + tuple(sorted(lowerer.unseen.items())))
            a, b = lowerer.lower(lhs), lowerer.lower(rhs)
        if not constrained:
            self.last_radicands = tuple(lowerer.radicands)
            return a, b
        for left, relation, right in (*self.constraints, *_normalizations(inst.flips, lhs, rhs)):
            if relation != "=":
                continue
            try:
                eq = lowerer.lower(left) - lowerer.lower(right)
            except (Undecidable, TypeError, ValueError):  # a constraint this reading cannot build
                continue
            if isinstance(eq, sp.MatrixBase):
                continue
            # \sum_k t_k = 1: solve for one of its symbols and put the solution in both sides
            candidates = sorted(eq.free_symbols & (a.free_symbols | b.free_symbols), key=lambda x: x.name)
            for sym in reversed(candidates):
                if sp.degree(eq, sym) == 1 if eq.is_polynomial(sym) else False:
                    # linear in sym: its one root directly; sp.solve would simplify it first, which
                    # beside a stand-in function (w(L - x) = V(x)) takes seconds of trigsimp
                    slope = sp.diff(eq, sym)
                    if slope == 0:
                        continue
                    solution = -eq.subs(sym, 0) / slope
                    a, b = a.subs(sym, solution), b.subs(sym, solution)
                    break
        self.last_radicands = tuple(lowerer.radicands)
        if self.constant_in:
            return _in_letter(lowerer, self.constant_in, (lhs, rhs), a, b)
        return a, b

    def _lowered_inequalities(self, inst: Instance, symbols: set) -> list[tuple[sp.Expr, str, sp.Expr]]:
        """The assumed inequalities between expressions (``q \\le p``, ``k < n``) that ranges cannot
        turn into a letter's interval, lowered in ``inst``: a sampled point must satisfy them. Only
        those in the step's own symbols: one about other letters says nothing of its points."""
        out = []
        for left, relation, right in self.constraints:
            if relation not in INEQUALITY:
                continue
            try:
                lowerer = Lowerer(inst, self.letters)
                low, high = lowerer.lower(left), lowerer.lower(right)
            except (Undecidable, ShapeError, ZeroDivisionError, TypeError, ValueError, AttributeError):
                continue
            if isinstance(low, sp.MatrixBase) or isinstance(high, sp.MatrixBase):
                continue
            free = low.free_symbols | high.free_symbols
            if free and free <= symbols:
                out.append((low, relation, high))
        return out

    @functools.cached_property
    def ranges(self) -> dict[str, tuple[float, float]]:
        """Sampling ranges from assumptions like ``x < 0`` or ``0 < p < 1``, by symbol name: the stated
        bounds, within (-3, 3) where a side is not stated, or 3 past the one stated beyond it (x >= 5
        is sampled in (5, 8), not in an empty range)."""
        out: dict[str, tuple[float, float]] = {}
        for key, (lo, hi) in self.stated_bounds.items():
            if lo == -math.inf:
                lo = -3.0 if hi > -3.0 else hi - 3.0
            if hi == math.inf:
                hi = 3.0 if lo < 3.0 else lo + 3.0
            out[key] = (lo, hi)
        for key, least in decay_letters(self.parsed.lhs, self.parsed.rhs).items():
            low, high = self.stated_bounds.get(key, (-math.inf, math.inf))
            if high == math.inf and low < least:  # (within what the prose states: s > 0 is also s > 4)
                out[key] = (least, least + 3.0)
        return out

    @functools.cached_property
    def stated_bounds(self) -> dict[str, tuple[float, float]]:
        """The bounds the assumptions state (``x < 0``, ``0 < p < 1``), by symbol name; an unstated side
        is infinite."""
        return _bounds(self.constraints)

    def compare(self, lhs: n.Node, rhs: n.Node, flips: frozenset = frozenset(), atoms: bool = False,
                equal_only: bool = False) -> Outcome:
        """``equal_only``: the caller asks only whether the sides are equal (a candidate edit of the
        diagnosis), so the first confirmed difference ends the comparison. Where the step's truth may
        rest on the size of its random matrices, an outcome stands only if it is the same at size 2
        (so neither a verdict nor a suggested edit is one that holds for 3 x 3 matrices only)."""
        outcome = self._compare_at_size(lhs, rhs, flips, atoms, equal_only)
        if outcome.kind in ("equal", "differ") and not (equal_only and outcome.kind == "differ") \
                and SMALL_MATRICES not in flips and self._size_sensitive:
            small = self._compare_at_size(lhs, rhs, flips | {SMALL_MATRICES}, atoms, equal_only)
            if small.kind in ("equal", "differ") and small.kind != outcome.kind:
                return Outcome("undecided", SIZE_DEPENDENT)
        return outcome

    def _compare_at_size(self, lhs: n.Node, rhs: n.Node, flips: frozenset, atoms: bool,
                         equal_only: bool) -> Outcome:
        started = work_time()
        rng = random.Random(self.seed + 7)
        valid = 0
        reason = ""
        opaque: set[str] = set()
        tolerance_l, units_l, decimals_l, repeating_l = self._tree_facts(lhs, given=True)
        tolerance_r, units_r, decimals_r, repeating_r = self._tree_facts(rhs)
        if decimals_l and not repeating_l:
            # a computation with decimals is seldom whole: the claim may round its long whole numbers
            tolerance_r = max(tolerance_r, self._rounded_integers(rhs))
        elif not repeating_l:
            tolerance_r = max(tolerance_r, restated_share(lhs, rhs))  # 147150 = 147000: a number rounded
        tolerance = TOLERANCE if repeating_l or repeating_r else combined_tolerance(tolerance_l, tolerance_r)
        # a result that is one number rounds to half a unit of its own value (see tolerance.claimed_slack)
        claimed = tolerance_r if tolerance > TOLERANCE and tolerance_r > TOLERANCE and lone_number(rhs) else None
        # (a decimal of 25 digits carries less than TOLERANCE, and more than an exact comparison allows:
        # values above HUGE are held to the shares the written numbers claim, see _fine_tolerance)
        fine: tuple[sp.Float, sp.Float | None] | None = None
        if len(units_l | units_r) > 1:
            return Outcome("undecided", "quaternion units (i, j, k) are not decided yet")
        ranges = self.ranges
        agreed = 0
        coincident = 0  # of those, points where two sampled letters drew the same value (see _coincidence)
        tiny = 0
        suspect = ""
        stand_ins = not atoms and self.has_undefined_functions()
        differ_at = None
        confirmed = False  # a difference confirmed at high precision, at some point of some instance
        branched = False  # the other branches tried at a confirmed difference (once: a search costs a second)
        exact_points = bool(self.choices)  # every letter at every point one of a stated finite set's values
        own = lhs is self.parsed.lhs and rhs is self.parsed.rhs
        lone_random = _random_arrays_on_one_side(lhs, rhs, self.letters) if own else frozenset()
        built: list[tuple[_Watched, tuple]] = []  # the instances lowered so far, their pairs and symbols
        instances = self.instances(flips, atoms)
        if flips & _ONE_INSTANCE:
            # one generic joint distribution, or one generic probability space, settles what holds
            # for every one: these readings verify (a refutation in them needs a repair), and their
            # lowerings (sums of the joint's terms, a value per outcome) are the costliest of a step
            instances = instances[:1]
        for k, inst in enumerate(instances):
            if k == INSTANCES and differ_at is not None and self.parsed.letters.integer:
                # the third value of each count (see instances) is there to catch sides that agree by
                # accident at two; sides already apart need it no more than the step before it did
                continue
            earlier = next((pair for done, pair in built if done.lowers_like(inst)), None)
            if earlier is not None and differ_at is None and agreed >= POINTS and not reason:
                # the same pair again, already equal at every point of an instance: more points of the
                # same two expressions changed no verdict on the corpus or its mutations, and cost a
                # tenth of the comparisons of steps that verify
                continue
            if earlier is not None:
                a, b, free_a, free_b, radicands = earlier  # the instances differ only in what this pair never consulted
            else:
                try:
                    if own:
                        inst, a, b = self.own_pair(flips, atoms, k)
                        radicands = self._pair_radicands.get((flips, atoms, k), ())
                    else:
                        a, b = self.lower_pair(inst, lhs, rhs)
                        radicands = self.last_radicands
                except Undecidable as exc:
                    return Outcome("undecided", str(exc), readable=False)
                except ShapeError as exc:  # exp of a vector, a function of a matrix: no such reading
                    return Outcome("undecided", f"could not evaluate: {type(exc).__name__}", readable=False)
                except (ZeroDivisionError, ValueError, TypeError, NotImplementedError, AttributeError) as exc:
                    return Outcome("undecided", f"could not evaluate: {type(exc).__name__}")
                if self.indefinite or _writes_integral(lhs, rhs):  # (the search of a big sum for one is not free)
                    a, b = _differentiate_antiderivatives(a, b, self.indefinite, self.integrates)
                free_a, free_b = a.free_symbols, b.free_symbols  # a walk of the whole tree each time
                built.append((inst, (a, b, free_a, free_b, radicands)))
            names_a = {s.name for s in free_a}
            names_b = {s.name for s in free_b}
            opaque |= {o for o in inst.opaque if (o in names_a) != (o in names_b)} | lone_random
            if ("e",) in flips and ("e" in names_a) != ("e" in names_b):
                # e as a variable that only the new line mentions (an eccentricity defined in the prose)
                # is a plausible reading that needs a definition; e that disappears is Euler's number,
                # unless e alone is the left side: a row ``e &= 3`` of a list of values (an RSA
                # exponent, a charge) names the letter's value and never claims Euler's number is 3
                return Outcome("undecided", "e read as a variable appears on one side only",
                               readable="e" in names_b or _lone_e(lhs))
            symbols = sorted(free_a | free_b, key=lambda s: s.name)
            if atoms:
                a, b = _canonical_calls(a), _canonical_calls(b)
                calls_a, calls_b = a.atoms(AppliedUndef), b.atoms(AppliedUndef)
                if calls_a != calls_b:
                    return Outcome("undecided", "the two sides apply undefined functions differently")
                symbols += sorted(calls_a, key=sp.srepr)
            complex_ok = (_writes_imaginary(flips, units_l | units_r) or _writes_phasor(lhs, rhs)) \
                and (a.has(sp.I) or b.has(sp.I))
            tries = 0
            got = 0
            shape_a, entries_a = linalg.entries(a)
            shape_b, entries_b = linalg.entries(b)
            if shape_a != shape_b and quantum.reads(flips):
                (shape_a, entries_a), (shape_b, entries_b) = _as_operators(a, b)
            if shape_a != shape_b:
                if entries_b == [0] or entries_a == [0]:  # "= 0" for a zero vector
                    entries_a = entries_a if entries_a != [0] else [sp.Integer(0)] * len(entries_b)
                    entries_b = entries_b if entries_b != [0] else [sp.Integer(0)] * len(entries_a)
                else:
                    return Outcome("undecided", "the two sides have different shapes", readable=False)
            pairs = list(zip(entries_a, entries_b))
            scaled = False
            whole = _remainders(a, b)
            signs = _sign_exponents(a, b)
            bounds = self._lowered_inequalities(inst, set(symbols))
            chosen = self.chosen_values(symbols)
            # every assignment of the set's values to the letters given one, while there are few of them
            assignments = math.prod(len(values) for values in chosen.values()) if chosen else 1
            wanted = min(max(POINTS, assignments), FINITE_POINTS) if chosen else POINTS
            if self.relation in INEQUALITY and (bounds or any(getattr(s, "name", "") in ranges for s in symbols)):
                # a bound the prose or a directive puts on the letters (x, y in [0, 1]) leaves a region
                # where a wrong inequality may hold at four points by chance; inside it, a counterexample
                # is one the author's own assumptions allow
                wanted = max(wanted, BOUNDED_INEQUALITY_POINTS)
            exact_points &= bool(symbols) and len(chosen) == len(symbols)
            while got < wanted and tries < wanted * 5:
                if got == 0 and tries >= UNDEFINED_TRIES:
                    break  # undefined wherever it was sampled: more points rarely change that
                tries += 1
                point = {s: _sample(rng, tries, ranges.get(getattr(s, "name", "")), whole or s in signs)
                         for s in symbols}
                if chosen:
                    point.update(_assignment(chosen, k * wanted + tries - 1, assignments, rng))
                if bounds and not _within(bounds, point):
                    reason = "no sampled point satisfies the assumptions"
                    continue
                values = [(evaluate(x, point, complex_ok=complex_ok, quick=True),
                           evaluate(y, point, complex_ok=complex_ok, quick=True)) for x, y in pairs]
                if any(va is None or vb is None for va, vb in values):
                    reason = "undefined at the sampled points"
                    continue
                got += 1
                if self.relation in EQUALITY and all(max(abs(va), abs(vb)) < _TINY for va, vb in values):
                    if all(x == 0 or y == 0 for x, y in pairs):
                        terms = None if symbols or scaled else _terms_scale(pairs, point, complex_ok)
                        if terms:
                            # 1.0 \times 10^{-11} = 0, (1.34 \times 10^{-5})^2 - 3.6 \times 10^{-10} = 0: numbers
                            # of a chemist's size against a written 0, compared in the size of their terms,
                            # as (1.34)^2 - 3.6 = 0 is: a scale of units makes no step true
                            pairs, scaled = _rescaled(pairs, [(terms, 0.0)]), True
                            got -= 1
                            continue
                        agreed += 1  # "= 0" as written (a limit that settles on 0, x - x)
                        continue
                    if not symbols and not scaled and all(va and vb for va, vb in values):
                        # 1.38 \times 10^{-23} \times 300 = 4.14 \times 10^{-21}: numbers of a physical
                        # size, not a point where both sides vanish; in their own size they compare
                        # like any others (the written decimals' tolerance is a share of them)
                        pairs, scaled = _rescaled(pairs, values), True
                        got -= 1
                        continue
                    apart = _tiny_apart(pairs, point, complex_ok) if tolerance == TOLERANCE else None
                    if apart is None:
                        tiny += 1  # both sides ~0 here: agreement at this point tells nothing
                    elif not apart:
                        agreed += 1
                    else:
                        confirmed = True
                        if differ_at is None:
                            differ_at = _shown_point(point, self._index_letters(inst))
                        if self.relation in INEQUALITY or stand_ins and not agreed or equal_only:
                            return Outcome("differ", "", differ_at, frozenset(opaque), suspect=suspect)
                    continue
                # above HUGE, doubles agree within the working tolerance on numbers a unit apart
                # (2^{50} - 1 and 2^{50} - 3): agreement there is checked exactly
                huge = tolerance == TOLERANCE and self.relation in EQUALITY and not (repeating_l or repeating_r) \
                    and any(max(abs(va), abs(vb)) > HUGE for va, vb in values) and not _has_series(a, b) \
                    and not any(x.has(sp.Integral, sp.Limit) or y.has(sp.Integral, sp.Limit) for x, y in pairs)
                exact, exact_claimed = tolerance, claimed
                if huge:
                    # 0.5 \cdot 123456789012 = 61728394507: a unit off in eleven digits is within TOLERANCE;
                    # what the written numbers claim is far less (exact data, a result rounded to units,
                    # 25 digits' worth of a constant), and no more is allowed
                    fine = fine or self._fine_tolerance(lhs, rhs)
                    exact, exact_claimed = fine
                if all(self.holds(va, vb, tolerance, claimed) for va, vb in values) and not huge:
                    agreed += 1
                    coincident += _coincidence(point, chosen)
                elif _has_series(a, b):
                    # a numerically summed series may be off (or summed where it diverges): never a
                    # refutation, and not worth a confirmation
                    return Outcome("undecided", SERIES_DIFFER)
                elif (confirmed or equal_only) and any(x.has(sp.Integral) or y.has(sp.Integral) for x, y in pairs):
                    # SymPy's quadrature at 18 digits costs a quarter second a side. After a difference
                    # confirmed exactly, more points only look for one that agrees (a domain question),
                    # which the screening values show as well; and a candidate edit of the diagnosis
                    # that differs in the screening is no repair, whatever the exact values say
                    if equal_only:
                        return Outcome("differ", "", _shown_point(point, self._index_letters(inst)), frozenset(opaque))
                else:
                    # confirm at higher precision before calling it a refutation
                    precise = [(evaluate(x, point, 3 * PRECISION, complex_ok),
                                evaluate(y, point, 3 * PRECISION, complex_ok)) for x, y in pairs]
                    if not complex_ok and (any(_complex_detour(x, point) or _complex_detour(y, point)
                                               for x, y in pairs) or _negative_radicand(radicands, point)):
                        # sqrt((1+e)/(1-e)) sqrt((1-e)/(1+e)) with e = 2.718: i times i makes the side
                        # real again, -1, but a real root of a negative number is undefined in the
                        # notes' real reading, so this point is outside the step's domain
                        values = [(None, None)]
                    else:
                        values = []
                    if values or any(va is None or vb is None for va, vb in precise):
                        # a difference in doubles that the exact path cannot value (a double
                        # integral, a branch the doubles missed) is neither agreement nor refutation
                        got -= 1
                        reason = "undefined at the sampled points"
                        if not symbols:
                            break
                        continue
                    if not all(self.holds(va, vb, exact, exact_claimed) for va, vb in precise) \
                            and through_optima(pairs, point, free_a | free_b, complex_ok):
                        # 2 \max_x g = \max_x g + a may hold for the g written: only a difference
                        # beside the optimisations both sides hold is one
                        return Outcome("undecided", THROUGH_OPTIMA)
                    if complex_ok and not branched and self.relation in EQUALITY \
                            and not all(self.holds(va, vb, exact, exact_claimed) for va, vb in precise) and _writes_branches(self.parsed):
                        # i^i = e^{-\pi/2 + 2\pi}, \log(-i) = 3i\pi/2: the value of another branch than
                        # the principal one sampled, which the author may mean (another branch explains a
                        # difference at every point or at none: the first confirmed one tells)
                        branched = True
                        if _on_another_branch(pairs, precise, point, lambda u, v: self.holds(u, v, exact, exact_claimed)):
                            return Outcome("undecided", OTHER_BRANCH)
                    if not all(self.holds(va, vb, exact, exact_claimed) for va, vb in precise):
                        confirmed = True
                        if _is_constant(a, free_a) != _is_constant(b, free_b) \
                                and not _time_derivative_lost_rates(self.parsed, _is_constant(a, free_a)):
                            suspect = EQUATION_TO_SOLVE
                        elif self.parsed.letters.time is not None and _time_order(free_a) != _time_order(free_b):
                            suspect = EQUATION_OF_MOTION
                        if differ_at is None:
                            differ_at = _shown_point(point, self._index_letters(inst))
                        if self.relation in INEQUALITY or stand_ins and not agreed or equal_only:
                            # with stand-ins for an undefined f a difference is never the verdict by
                            # itself (see decide): the rest of the points would only cost time
                            return Outcome("differ", "", differ_at, frozenset(opaque), suspect=suspect)
                    else:
                        agreed += 1
                if not symbols:
                    break
                if work_time() - started > COMPARE_SECONDS:
                    break  # quadratures, mostly: a step this slow must not take a worker's whole budget
            valid += got
            if got == 0 and reason:
                # the other instances differ in sizes and stand-ins, not in where the step is defined
                return Outcome("undecided", SERIES_UNSETTLED if _has_series(a, b) else reason)
            if work_time() - started > COMPARE_SECONDS:
                if differ_at is None and agreed >= POINTS and not reason:
                    break  # a whole instance agreed, and nothing differed: as good as a verification gets
                return Outcome("undecided", "too slow to evaluate at enough points")
        if valid == 0:
            return Outcome("undecided", reason or "could not evaluate")
        if differ_at is None and not agreed and tiny:
            # exp(-1000/s^2) and exp(-2000/s^2) are both 0 in doubles: nothing was compared
            return Outcome("undecided", "both sides are about 0 at every sampled point")
        if differ_at is not None:
            if agreed > coincident and not exact_points:
                # A typo breaks an identity everywhere; agreeing at some points and not at others
                # is a branch or domain question (1/cos y = 1/sqrt(1 - sin^2 y) where cos y > 0).
                # Not so where every letter takes only the values the prose gives it (y^2 = y for
                # y in {-1, 1}): a point of those where the sides differ is a counterexample.
                return Outcome("undecided", DOMAIN_QUESTION)
            return Outcome("differ", "", differ_at, frozenset(opaque), suspect=suspect)
        return Outcome("equal", "", (), frozenset(opaque))

    def _index_letters(self, inst: Instance) -> dict[str, str]:
        """The free index letters of ``inst`` by their value, as counterexamples show them back; none whose
        value the step also writes as a subscript (x_2 beside x_i: which one a 2 is, the point cannot say)."""
        trees = (self.parsed.lhs, self.parsed.rhs)
        if any(isinstance(x, n.BigOp) for t in trees for x in t.walk()):
            return {}  # a sum written out names its entries by number too (x_2 of \sum_i x_i beside x_k)
        if any(not isinstance(i, (n.Sym, n.Num)) for t in trees for x in t.walk() if isinstance(x, n.Sym)
               for i in x.indices):
            return {}  # \eta_{i+1} beside \eta_i: shown as \eta_3 and \eta_2, one numbering for all of them
        written = {x.value for t in trees for s in t.walk() if isinstance(s, n.Sym)
                   for x in s.indices if isinstance(x, n.Num)}
        by_value: dict[str, list[str]] = {}
        for letter, value in getattr(inst, "indices", {}).items():
            by_value.setdefault(str(value), []).append(letter)
        # (a bound's value, a_n beside \sum_{k=1}^{n}, is no index letter's either)
        written |= {str(value) for value in getattr(inst, "integers", {}).values()}
        return {value: letters[0] for value, letters in by_value.items() if len(letters) == 1 and value not in written}

    def chosen_values(self, symbols: list) -> dict:
        """The symbols among ``symbols`` that a letter with a stated finite set of values names, each
        with those values (the latest statement that names it)."""
        out = {}
        for s in symbols:
            for pattern, values in self.choices:
                if pattern.match(getattr(s, "name", "")):
                    out[s] = values
        return out

    def holds(self, a: sp.Expr | float, b: sp.Expr | float, tolerance: sp.Float = TOLERANCE,
              claimed: sp.Float | None = None) -> bool:
        """Whether ``a`` and ``b`` agree within ``tolerance``; ``claimed``: the share of it that is the
        rounding of ``b``, a lone number the claim writes (see tolerance.claimed_slack)."""
        if claimed is not None and (claimed > tolerance or self.relation in INEQUALITY):
            claimed = None  # an exact comparison (EXACT_TOLERANCE) or an inequality keeps its own slack
        if isinstance(a, float) and isinstance(b, float):  # a screening in doubles (see evaluate.quick_value)
            slack = _slack(float(tolerance), a, b)  # in doubles too: SymPy arithmetic per point was 2% of a run
            if self.relation in INEQUALITY:
                return {"<=": a <= b + slack, "<": a < b + slack, ">=": a + slack >= b, ">": a + slack > b}[self.relation]
            if claimed is not None:
                slack = claimed_slack(float(tolerance), float(claimed), a, b)
                if rounded_down_past_tie(tolerance, claimed, a, b):
                    return False
            return abs(a - b) <= slack
        if isinstance(a, float):
            a = sp.Float(a)
        if isinstance(b, float):
            b = sp.Float(b)
        if self.relation in INEQUALITY:
            if not (a.is_real and b.is_real):
                return True  # an inequality between complex numbers claims nothing we can test
            slack = _slack(tolerance, a, b)
            return {"<=": a <= b + slack, "<": a < b + slack, ">=": a + slack >= b, ">": a + slack > b}[self.relation]
        if claimed is not None and a.is_real and b.is_real:
            return abs(a - b) <= claimed_slack(tolerance, claimed, a, b) and not rounded_down_past_tie(tolerance, claimed, a, b)
        screened = complex_agreement(tolerance, a, b)
        return screened if screened is not None else abs(a - b) <= _slack(tolerance, a, b)


def _terms_scale(pairs: list, point: dict, complex_ok: bool) -> float | None:
    """For letter-free sides one of which is exactly 0 and the other not, the largest size among the
    terms of the other (the side itself where it is no sum), in doubles; None where every side is 0
    exactly, or a side approximates its value (a quadrature, a series, a limit) or has none."""
    largest = 0.0
    for x, y in pairs:
        for z in (x, y):
            if not isinstance(z, sp.Basic) or z == 0:
                continue
            if z.has(sp.Integral, sp.Sum, sp.Product, sp.Limit) or z.atoms(sp.Float):
                return None  # (a limit valued numerically is a Float: -3e-43 for x log x at 0)
            for term in (z.args if isinstance(z, sp.Add) else (z,)):
                value = evaluate(term, point, complex_ok=complex_ok, quick=True)
                if value is None:
                    return None
                largest = max(largest, abs(value))
    return largest if 0 < largest < _TINY else None


def _rescaled(pairs: list, values: list) -> list:
    """The pairs of sides multiplied by one power of ten that brings the larger of ``values`` (their
    screening values, all tiny and nonzero) near 1: equality, and any share of the values, unchanged."""
    largest = max(max(abs(va), abs(vb)) for va, vb in values)
    factor = sp.Integer(10) ** -math.floor(math.log10(largest))
    return [(x * factor, y * factor) for x, y in pairs]


def _as_operators(a, b) -> tuple[tuple, tuple]:
    """The entries of two sides, a number beside a square matrix taken as that multiple of the
    identity: \\sigma_x^2 = 1 writes the identity as 1."""
    a, b = linalg.scalar(a), linalg.scalar(b)
    if linalg.is_matrix(a) != linalg.is_matrix(b):
        matrix = a if linalg.is_matrix(a) else b
        if matrix.shape[0] == matrix.shape[1]:
            scaled = sp.ImmutableMatrix(sp.eye(matrix.shape[0]) * (b if matrix is a else a))
            a, b = (a, scaled) if matrix is a else (scaled, b)
    return linalg.entries(a), linalg.entries(b)


def _tiny_apart(pairs: list, point: dict, complex_ok: bool) -> bool | None:
    """Whether two sides that are both ~0 in doubles differ, as far as exact values tell: True or
    False when every entry has the same value at two precisions (exp(-800) is a value; x - x
    computed in doubles is noise, which shrinks as the precision grows), None when they cannot
    tell (a quadrature, a series or a limit approximates its value at any precision)."""
    apart = False
    for x, y in pairs:
        if any(z.has(sp.Integral, sp.Sum, sp.Product, sp.Limit) for z in (x, y) if isinstance(z, sp.Basic)):
            return None
        if _cancels_exactly(x, y):
            continue  # (\delta - \gamma/x)x(\alpha - \beta y) + ... = 0: both sides vanish as polynomials, not as noise
        values = []
        for z in (x, y):
            low, high = evaluate(z, point, PRECISION, complex_ok), evaluate(z, point, 3 * PRECISION, complex_ok)
            if low is None or high is None or high == 0 or abs(low - high) > _STABLE * abs(high):
                return None
            values.append(high)
        a, b = values
        apart |= abs(a - b) > TOLERANCE * max(abs(a), abs(b))
    return apart


def _cancels_exactly(x, y) -> bool:
    """Whether ``x - y`` expands to 0 exactly (both sides of a conserved quantity's derivative, written two
    ways): then the doubles' ~0 is no noise hiding a difference. Small rational expressions only: an
    expansion of a large one costs more than the comparison."""
    if not (isinstance(x, sp.Expr) and isinstance(y, sp.Expr)) or sp.count_ops(x) + sp.count_ops(y) > 80:
        return False
    if any(z.has(sp.Function, sp.Pow) and any(not (isinstance(p, sp.Pow) and p.exp.is_Integer)
                                              for p in z.atoms(sp.Function, sp.Pow)) for z in (x, y)):
        return False  # only polynomials and their quotients: an identity of functions is left to the points
    return sp.expand(sp.together(x - y)) == 0


_STABLE = sp.Float("1e-12")  # two precisions of one exact value agree far closer than this


# readings that compare the sides in their first instance only: one generic joint distribution, or
# one generic probability space, settles what holds for every one
_ONE_INSTANCE = frozenset({("probability",), ("expectation",)})


def _fresh_counts(earlier: list[Instance], lows: dict[str, int], drawn: dict[str, int] | None = None) -> dict[str, int]:
    """The counts of the next instance: each letter's a value no instance before gave it (the one
    ``drawn`` for it, if that is new, else the smallest new one from its least up), and, where that
    allows, a value no other letter of this instance has, so that two sums whose only difference is
    their bound (m for k) never agree in every instance by drawing equal bounds each time."""
    out: dict[str, int] = {}
    for name, low in sorted(lows.items()):
        used = {i.integers[name] for i in earlier}
        first = () if drawn is None else (drawn[name],)
        options = [v for v in (*first, *range(low, low + len(used) + 3)) if v not in used]
        out[name] = next((v for v in options if v not in out.values()), options[0])
    return out


class _Watched(Instance):
    """An Instance that notes whether lowering read its size (sums, free indices) or its seed (function
    stand-ins, random matrices). Another instance that agrees with it in what was read lowers to the
    same pair, and rebuilding it (most of a comparison's time) would only repeat it: a step with
    neither sums nor random quantities lowers the same in every instance, and a Kronecker delta's
    coincidence instances share the first one's size."""

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "reads", set())
        super().__init__(*args, **kwargs)

    def _read(self, name: str):
        self.reads.add(name)
        return object.__getattribute__(self, name)

    def lowers_like(self, other: "_Watched") -> bool:
        """Whether ``other`` would lower to this instance's pair (the lazily drawn integers and indices
        included: a lowering that drew one also read the seed)."""
        return self.integers == other.integers and self.indices == other.indices and all(
            object.__getattribute__(self, name) == object.__getattribute__(other, name) for name in self.reads)

    size = property(lambda self: self._read("_size"), lambda self, v: object.__setattr__(self, "_size", v))
    seed = property(lambda self: self._read("_seed"), lambda self, v: object.__setattr__(self, "_seed", v))


def _normalizations(flips: frozenset, *trees: n.Node) -> list[tuple[n.Node, str, n.Node]]:
    """The reading "\\sum_j y_j = 1" as constraints, for the families it names."""
    families = {key[1] for key in flips if key[0] == "normalized"}
    if not families:
        return []
    sums = {}
    for tree in trees:
        for x in tree.walk():
            total = normalized_family(x) or weighted_family(x)
            if total is not None and total.body.key in families:
                sums[total.body.key] = total
    return [(total, "=", n.Num(total.start, total.start, "1")) for total in sums.values()]


def _base_of(symbol_name: str) -> str:
    """``bf:m[1]^x'`` -> ``m``: the base name a lowered symbol was made from. The style prefix is cut
    after the index, which may carry a style of its own (``k[rm:B]``, Boltzmann's k_{\\mathrm{B}})."""
    name = symbol_name
    for mark in "[^'":
        name = name.split(mark)[0]
    return name.split(":")[-1]


def _adds_integration_constant(tree: n.Node) -> bool:
    """Whether a side ends in a constant of integration: a plain C, c or K among its top-level terms
    (a look at the terms only, so that every step can afford it)."""
    return isinstance(tree, n.Add) and any(
        isinstance(t.node, n.Sym) and t.node.base in ("C", "c", "K") and not t.node.style for t in tree.terms)


def _writes_integral(*trees: n.Node) -> bool:
    """Whether a tree writes an integral: the only way a lowered side gets one (see lower_Integral)."""
    return any(isinstance(x, n.Integral) for t in trees for x in t.walk())


def _differentiate_antiderivatives(a, b, indefinite: bool = False, integrates: bool = True):
    """``\\int f\\,dx = F + C`` says F' = f: compare derivatives, where the constant vanishes."""
    integrals = [i for side in (a, b) if not linalg.is_matrix(side) for i in side.atoms(sp.Integral)
                 if any(len(limits) == 1 for limits in i.limits)]
    variables = {limits[0] for i in integrals for limits in i.limits if len(limits) == 1}
    if not integrals:
        if not indefinite:
            return a, b
        # F + C = G + C between two antiderivatives (1/2 sin^2 x + C = -1/4 cos 2x + C): the constant
        # absorbs what they differ by, so they are compared by their derivatives too
        constant = _integration_constant(a, b)
        constants = {constant} if constant is not None else _renamed_constants(a, b) if integrates else set()
        if not constants:
            return a, b
        variables = (a.free_symbols | b.free_symbols) - constants
        if len(variables) > 1 and not integrates:
            return a, b  # + C in the step alone: other letters may make C a coefficient
        if len(variables) > 1:
            variables &= {v for v in variables if v.name in INTEGRATION_LETTERS}
    if len(variables) != 1:
        return a, b
    (x,) = variables
    return derivative(a, x), derivative(b, x)


INTEGRATION_LETTERS = {"x", "t", "u", "s", "y", "z", "v", "w", "\\theta", "\\phi", "\\tau"}


def _constants_added(side) -> set:
    """The constants C (c, K, C_1, C') that a side adds at its top level."""
    if linalg.is_matrix(side) or not isinstance(side, sp.Add):
        return set()
    return {t for t in side.args if isinstance(t, sp.Symbol) and t.name.split("[")[0].rstrip("'") in ("C", "c", "K")}


def _integration_constant(a, b) -> sp.Symbol | None:
    """The constant C (c, K, C_1) that both sides add at their top level, if any."""
    shared = _constants_added(a) & _constants_added(b)
    return next(iter(shared)) if len(shared) == 1 else None


def _renamed_constants(a, b) -> set:
    """``\\ln|x| + C_1 - \\frac{1}{x} + C_2 = \\ln|x| - \\frac{1}{x} + C``: in a chain that integrates without
    bounds, the constants of one line gathered into a new one on the next. Each side adds its own, and
    none appears anywhere else (as a factor, C e^x, it would be a coefficient, not a constant of
    integration): all of them, else none."""
    left, right = _constants_added(a), _constants_added(b)
    if not left or not right or left & right:
        return set()
    everywhere = left | right
    if any(c in t.free_symbols for side in (a, b) for t in side.args if t not in everywhere for c in everywhere):
        return set()
    return everywhere


def _has_series(*sides) -> bool:
    """Whether a lowered side holds an infinite series (asked only where a comparison fails: a walk)."""
    return any(side.has(sp.Sum, sp.Product) for side in sides)


def _agreement(comparator: "Comparator", value: Callable[[int, int], sp.Rational],
               flips: frozenset = frozenset(), stated: bool = False, complex_ok: bool = False) -> tuple[int, int] | None:
    """A reading (the default one) at four points off the sampled ones, the k-th letter of the step at
    point p being ``value(p, k)``: how many points agree and how many differ (where both sides are
    real). None when the reading cannot be built or the step has no letters."""
    try:
        _, a, b = comparator.own_pair(flips, False, 0)
    except Exception:
        return None
    symbols = sorted(a.free_symbols | b.free_symbols, key=lambda x: x.name)
    if not symbols:
        return None
    agree = differ = 0
    units = frozenset(c.name for c in _imaginary_units(comparator.parsed.lhs, comparator.parsed.rhs))
    # as the comparison itself allows, where the step writes i
    complex_ok = complex_ok or (_writes_imaginary(flips, units) or _writes_phasor(comparator.parsed.lhs,
                                                                                  comparator.parsed.rhs)) \
        and (a.has(sp.I) or b.has(sp.I))
    # ``stated``: only the bounds the assumptions state rule a point out (the sampling's own are no bound)
    ranges = comparator.stated_bounds if stated else comparator.ranges
    for p in range(4):
        point = {x: _within_range(value(p, k), ranges.get(x.name)) for k, x in enumerate(symbols)}
        if any(v is None for v in point.values()):
            continue
        va, vb = evaluate(a, point, complex_ok=complex_ok), evaluate(b, point, complex_ok=complex_ok)
        if va is not None and vb is not None:
            agree, differ = (agree + 1, differ) if comparator.holds(va, vb) else (agree, differ + 1)
    return agree, differ


def _within_range(value: sp.Rational, bound: tuple[float, float] | None) -> sp.Rational | None:
    """``value`` as a point off the samples may take it where the prose bounds its letter (``x < 0 <
    y``): the value itself or its negative, whichever lies in the bound, else None. A point the prose
    rules out asks nothing of the step: |x| = -x under x < 0 fails at no point the author allows."""
    if bound is None:
        return value
    low, high = bound
    for candidate in (value, -value):
        if low < candidate < high:
            return candidate
    return None


def _pairs_indexed_vectors(tree: n.Node, letters: Letters) -> bool:
    """Whether ``tree`` takes an inner product, a norm or a transposed product that pairs different
    indexed vectors of one name (``<x_i, x_j>``, ``u_i^T u_1``), or that expands into such pairs: of a
    sum or a combination of them (``\\|\\sum_i a_i u_i\\|^2``, ``\\|u_1 + u_2\\|``)."""
    entries = dict(letters.entries)

    def indexed(node: n.Node) -> list[tuple[str, object]]:
        return [(x.key, n.structure(x.indices[0])) for x in node.walk() if isinstance(x, n.Sym)
                and x.key in letters.vectors and len(x.indices) == 1 and x.key not in entries]

    def pairs(operands: list[n.Node]) -> bool:
        names: dict[str, set] = {}
        for operand in operands:
            for key, index in indexed(operand):
                names.setdefault(key, set()).add(repr(index))
        return any(len(indices) > 1 for indices in names.values()) or any(
            isinstance(x, (n.BigOp, n.Add)) and indexed(x) for operand in operands for x in operand.walk())

    for node in tree.walk():
        if isinstance(node, n.Inner) and pairs([node.left, node.right]):
            return True
        if isinstance(node, n.Norm) and pairs([node.inner]):
            return True
        if isinstance(node, n.Mul):
            # u_i^T u_j, u_i \cdot u_j: the two factors of a product of vectors, not all of a term
            # (2 \cdot \sum_i \|u_i\|^2 pairs nothing)
            for k, (f, g) in enumerate(zip(node.factors, node.factors[1:])):
                op = node.ops[k] if k < len(node.ops) else ""
                if (isinstance(f, n.Transpose) or op == "\\cdot") and indexed(f) and indexed(g) and pairs([f, g]):
                    return True
    return False


def differs_off_samples(comparator: "Comparator", lhs: n.Node, rhs: n.Node) -> bool:
    """Whether ``lhs`` and ``rhs`` (a candidate edit of the step ``comparator`` decides), equal at the
    sampled points, differ where the letters are negative or of mixed signs: for a step with a function
    whose formula turns on signs (|x|, max, an indicator of an inequality), an edit that holds only where
    the sampled letters are (1[z < 0] + 1 for 1[z > 0]) is no repair."""
    other = Comparator(Parsed(lhs, rhs, comparator.parsed.letters), comparator.relation, comparator.seed,
                       comparator.assumed, comparator.integrates, comparator.constant_in)
    return _cases_differ_off_samples(other)


def _cases_differ_off_samples(comparator: "Comparator", complex_ok: bool = False) -> bool:
    """Whether a step with cases differs where its letters are negative or of mixed signs, in every
    reading that holds where they are positive. The sampled points are positive, so a case for
    negative values (``-x & x < 0``) is never reached there; the author wrote it, so it is no
    convention to pass over, and a step verified without it is not. (The reading matters: |(x - i)/(x + i)| = 1
    holds for every real x with i the imaginary unit, and at no point with i a letter.) ``complex_ok``: a
    side complex there differs too (2\\ln x beside \\ln(x^2), of an x the prose says may be negative)."""
    def differs(flips: frozenset) -> bool:
        for value in _OFF_SAMPLES:
            counts = _agreement(comparator, value, flips, complex_ok=complex_ok)
            if counts is not None and counts[1]:
                return True
        return False

    return all(differs(flips) for flips in _holding_readings(comparator))


def _negative(p: int, k: int) -> sp.Rational:
    return -sp.Rational(23 + 17 * ((p + k) % 4), 50)


def _mixed(p: int, k: int) -> sp.Rational:
    return (-1) ** (p + k) * sp.Rational(23 + 17 * ((p + 2 * k) % 4), 50)


def _bits(p: int, k: int) -> sp.Rational:
    # the sign of the k-th letter at point p is bit p of k: any two of the first 16 letters have
    # opposite signs at some point, also letters an even number apart in the sorted order (X#1 and
    # Y#1 of E[|X + Y|], four outcomes apart), which ``_mixed`` always signs alike
    return (-1) ** ((k >> p) & 1) * sp.Rational(23 + 17 * ((p + 2 * k) % 4), 50)


#: the points off the (positive) samples a step that turns on signs is asked at, the k-th letter at
#: point p being value(p, k): all negative, of alternating signs, of every pair of signs
_OFF_SAMPLES = (_negative, _mixed, _bits)


def holds_off_samples(comparator: "Comparator") -> bool:
    """Whether a step refuted at the (positive) sampled points holds at some point off them, in the
    default reading: ``1[a > b] = 0`` holds wherever a < b, which the prose may say."""
    for value in _OFF_SAMPLES:
        counts = _agreement(comparator, value)
        if counts is not None and counts[0]:
            return True
    return False


def _holding_readings(comparator: "Comparator") -> list[frozenset]:
    """The readings of a verified step to ask again off the sampled points: the default one, and each
    other in which it holds. A default reading that cannot be built is left out where another holds:
    E[|X|] = |E[X]| is undecidable by default (an expectation of a nonlinear expression) and holds in the
    general model of expectations, whose outcomes are the points to ask off the samples."""
    holding = [flips for flips in comparator.readings() if flips and comparator.own(flips).kind == "equal"]
    if holding and not _builds(comparator, frozenset()):
        return holding
    return [frozenset(), *holding]


def equation_cases_differ(comparator: "Comparator") -> str:
    """For a step that holds at the sampled points, with a case whose condition is an equation
    (``\\begin{cases} 1 & x = 0 \\\\ \\frac{\\sin x}{x} & x \\neq 0 \\end{cases}``): the equation (``x = 0``)
    where it differs or cannot be judged, in some reading that holds at the samples. No sampled point solves
    the equation, so its case was never asked: the step is put there (the letter given the value
    the equation names, the other letters sampled off the samples) before it is verified. Empty
    where every such case holds."""
    for flips in _holding_readings(comparator):
        try:
            _, a, b = comparator.own_pair(flips, False, 0)
        except Exception:  # noqa: BLE001 -- a reading that cannot be built decides nothing here
            continue
        found = [r for side in (a, b) for p in side.atoms(sp.Piecewise) for _, c in p.args
                 for r in ([c] if isinstance(c, (sp.Eq, sp.Ne)) else c.atoms(sp.Eq, sp.Ne))]
        for relation in found:
            at = _equation_point(relation)
            written = f"{sp.sstr(relation.lhs)} = {sp.sstr(relation.rhs)}"
            if at is None:
                return written  # x + y = 1, f(x) = 0: no one letter the equation fixes
            a_at, b_at = a.subs(*at), b.subs(*at)
            symbols = sorted(a_at.free_symbols | b_at.free_symbols, key=lambda x: x.name)
            agree = 0
            for p in range(4):
                point = {x: SMALL_VALUES[(p + k) % len(SMALL_VALUES)] for k, x in enumerate(symbols)}
                va, vb = evaluate(a_at, point), evaluate(b_at, point)
                if va is None or vb is None:
                    continue
                if not comparator.holds(va, vb):
                    return written
                agree += 1
            if not agree:
                return written
    return ""


def _equation_point(relation: sp.Basic) -> tuple[sp.Symbol, sp.Expr] | None:
    """The letter an equation (or its negation) fixes and the value it fixes it at: ``x = 0``, ``2 = k``;
    None when neither side is a letter the other side is free of."""
    for letter, value in ((relation.lhs, relation.rhs), (relation.rhs, relation.lhs)):
        if isinstance(letter, sp.Symbol) and letter not in value.free_symbols:
            return letter, value
    return None


def _builds(comparator: "Comparator", flips: frozenset) -> bool:
    """Whether a reading's two sides can be lowered at all."""
    try:
        comparator.own_pair(flips, False, 0)
    except Exception:  # noqa: BLE001 -- unreadable, undecidable or whatever else: not built
        return False
    return True


def _holds_at_integers(comparator: "Comparator", strict: bool = False) -> bool:
    """Whether the step also holds where its letters are small integers (different letters different
    values), or cannot be judged there. ``strict``: judged, at two points at least, in some reading
    (i^{4k+1} = i holds with i the imaginary unit)."""
    def value(p: int, k: int) -> sp.Integer:
        return sp.Integer(1 + (p + k) % 4)
    if not strict:
        counts = _agreement(comparator, value)
        return counts is None or counts[1] == 0
    for flips in comparator.readings():
        counts = _agreement(comparator, value, flips)
        if counts is not None and counts[1] == 0 and counts[0] >= 2:
            return True
    return False


# positive values past the sampled ones (which stay below 3): past pi, past the small constants a step
# compares its letters with (|x - 5|, \max(x, 5)), and a few times ten
SMALL_VALUES = (sp.Rational(37, 100), sp.Rational(71, 100), sp.Rational(13, 10), sp.Rational(22, 10))
LARGE_VALUES = (sp.Rational(41, 10), sp.Rational(73, 10), sp.Rational(127, 10), sp.Rational(313, 10))


def _differs_where_large(comparator: "Comparator") -> bool:
    """Whether a step that holds at the sampled points differs, in every reading that holds there, at
    larger positive values of its letters (both sides real). The samples are small positive numbers:
    |x - 5| = 5 - x, \\max(x, 5) = 5 and \\arccos(\\cos x) = x hold at all of them, and at few values past them."""
    holding = _holding_readings(comparator)
    for flips in holding:
        counts = _agreement(comparator, lambda p, k: LARGE_VALUES[(p + k) % len(LARGE_VALUES)], flips, stated=True)
        if counts is None or not counts[1]:
            return False
        # the same measure must agree at small values like the sampled ones: a result rounded to the
        # digits written (\sqrt{3} \times 20 V = 35 V) differs by it wherever it is, small or large
        small = _agreement(comparator, lambda p, k: SMALL_VALUES[(p + k) % len(SMALL_VALUES)], flips, stated=True)
        if small is None or small[1] or not small[0]:
            return False
    return bool(holding)


# where a factorial's argument is "large" (N of a statistical system): past every sampled value, far
# enough that Stirling's leading terms leave a relative difference below ASYMPTOTIC_TOLERANCE
ASYMPTOTIC_VALUES = (sp.Float("1.0e6", 30), sp.Float("1.37e6", 30), sp.Float("2.11e6", 30), sp.Float("3.03e6", 30))
ASYMPTOTIC_TOLERANCE = 1e-4
FACTORIALS = (sp.factorial, sp.gamma, sp.loggamma, sp.binomial)


def _holds_asymptotically(comparator: "Comparator") -> bool:
    r"""Whether a refuted step trading a factorial (or Gamma, a binomial) on one side for an elementary
    expression on the other agrees to within a tiny relative difference where its letters are large:
    \ln N! = N\ln N - N is Stirling's approximation, which physics notes write with =; a slip in its
    leading terms (N\ln N - 2N, a relative difference of 1/\ln N) stays refuted. Every reading counts
    (\ln\Gamma(N+1) = N\ln N - N has its Gamma only where \Gamma applies): the step is refuted in all of
    them, and the excuse only leaves it unverified."""
    for flips in comparator.readings():
        try:
            _, a, b = comparator.own_pair(flips, False, 0)
        except Exception:  # noqa: BLE001 -- unreadable in this reading: no excuse from it
            continue
        if _agrees_where_large(a, b):
            return True
    return False


def _agrees_where_large(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether ``a`` and ``b``, one of them with a factorial and not differing by an exact identity's slip,
    agree to within ASYMPTOTIC_TOLERANCE at large values of their letters (see _holds_asymptotically)."""
    if linalg.is_matrix(a) or linalg.is_matrix(b) or a.has(*FACTORIALS) == b.has(*FACTORIALS):
        return False
    try:
        # (N+1)!/N! = N is a slip of an exact identity, (N+1)!/N! = N + 1, not an approximation; so is
        # \ln(N+1)! - \ln N! = \ln N, whose logarithms must be combined before the factorials cancel
        exact = not sp.gammasimp(a - b).has(*FACTORIALS) \
            or not sp.gammasimp(sp.logcombine(a - b, force=True)).has(*FACTORIALS)
    except Exception:  # noqa: BLE001 -- not simplified: as good as not exact
        exact = False
    if exact:
        return False
    symbols = sorted(a.free_symbols | b.free_symbols, key=lambda x: x.name)
    if not symbols or len(symbols) > 3:
        return False
    judged = 0
    # every order of the large values: \ln\binom{N}{n} has a real value only where N > n
    for order in itertools.permutations(ASYMPTOTIC_VALUES[:len(symbols) + 1], len(symbols)):
        point = dict(zip(symbols, order))
        try:
            u, v = (sp.N(side.xreplace(point), 30) for side in (a, b))
        except Exception:  # noqa: BLE001 -- no value there ((N - n)! where n > N, a pole): judged elsewhere
            continue
        if not (u.is_real and v.is_real and u.is_finite and v.is_finite):
            continue
        scale = max(abs(u), abs(v))
        if scale == 0 or abs(u - v) > ASYMPTOTIC_TOLERANCE * scale:
            return False
        judged += 1
    return judged > 0


# an entry of a family a sum with a symbolic bound was written out into (\sum_{k=1}^K p_k: p[1], p[2], p[3])
SUMMED_ENTRY = re.compile(r"^(?P<family>.+)\[(?P<index>\d+)\]$")


def holds_on_simplex(comparator: "Comparator") -> str:
    """The name of a family of summed entries (p_k of \\sum_k) on whose simplex the step holds: where
    the entries are positive and sum to one, at three points at least and differing at none, the other
    letters off the samples; '' where no family does. 1 - \\sum_k p_k^2 = \\sum_k p_k(1 - p_k), the
    cross-entropy of a one-hot y: probabilities, weights or a one-hot vector by the course's convention,
    which only the prose states."""
    try:
        _, a, b = comparator.own_pair(frozenset(), False, 0)
    except Exception:  # noqa: BLE001 -- unreadable in the default reading: nothing shown
        return ""
    symbols = sorted(a.free_symbols | b.free_symbols, key=lambda x: x.name)
    # only a family the step sums: l_1, l_2 of a two-link arm are written entries of no distribution
    summed = {x.base for tree in (comparator.parsed.lhs, comparator.parsed.rhs) for op in tree.walk()
              if isinstance(op, n.BigOp) and op.kind == "sum" for x in op.body.walk()
              if isinstance(x, n.Sym) and x.indices}
    families: dict[str, list[sp.Symbol]] = {}
    for symbol in symbols:
        match = SUMMED_ENTRY.match(symbol.name)
        if match and _base_of(symbol.name) in summed:
            families.setdefault(match["family"], []).append(symbol)
    for family, entries in families.items():
        if len(entries) < 2:
            continue
        agree = differ = 0
        for p in range(4):
            point = {x: sp.Rational(23 + 17 * ((p + k) % 4), 50) for k, x in enumerate(symbols)}
            weights = [sp.Integer(1 + (p + 2 * k) % 5) for k in range(len(entries))]
            point.update({x: w / sum(weights) for x, w in zip(entries, weights)})
            va, vb = evaluate(a, point), evaluate(b, point)
            if va is not None and vb is not None:
                agree, differ = (agree + 1, differ) if comparator.holds(va, vb) else (agree, differ + 1)
        if agree >= 3 and not differ:
            return _base_of(family)
    return ""


def _holds_where_negative(comparator: "Comparator") -> bool:
    """Whether the step holds where every letter is negative (the sampled points are positive), at two
    points at least where both sides are real."""
    counts = _agreement(comparator, lambda p, k: -sp.Rational(23 + 17 * ((p + k) % 4), 50))
    return counts is not None and counts[1] == 0 and counts[0] >= 2


def _imaginary_units(*trees: n.Node) -> list[n.Const]:
    return [x for t in trees for x in t.walk() if isinstance(x, n.Const) and x.name.startswith("imag_")]


def _writes_phasor(*trees: n.Node) -> bool:
    """Whether a side writes a phasor in polar form (``5 \\angle 30^\\circ``): a point of the complex
    plane, so the step's values are complex as where it writes the imaginary unit."""
    return any(isinstance(x, n.Func) and x.name == PHASOR_FUNCTION for t in trees for x in t.walk())


def _complex_detour(expr: sp.Expr, point: dict) -> bool:
    """Whether ``expr`` passes through a non-real value at ``point`` on its way to a real one: a
    non-integer power (a square root) or a logarithm of a negative number, as in
    sqrt(-2) sqrt(-2) = -2. In notes that write no imaginary unit such a point is not in the domain.
    Quadratures, series and limits are not looked into (their parts cost too much to value)."""
    if not isinstance(expr, sp.Basic):
        return False
    return _negative_radicand(tuple(_root_bases(expr)), point)


def _negative_radicand(radicands: tuple[sp.Expr, ...], point: dict) -> bool:
    """Whether one of the radicands a side's roots had before SymPy cancelled them is negative at
    ``point``: (\\sqrt{1 - 4g^2})^4 is (1 - 4g^2)^2, real at g = 2 where the root is not."""
    for base in radicands:
        try:
            b = base.xreplace(point).evalf(15)
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, RecursionError, AttributeError):
            continue
        if b.is_real and b < 0 and abs(b) > TOLERANCE:
            return True
    return False


@functools.lru_cache(maxsize=512)
def _root_bases(expr: sp.Basic) -> tuple[sp.Expr, ...]:
    """The bases of the roots (powers by a non-integer rational) and the arguments of the logarithms of
    ``expr`` that may be negative, found once per expression: a step is valued at many points."""
    if not isinstance(expr, sp.Basic) or expr.has(sp.Integral, sp.Sum, sp.Product, sp.Limit):
        return ()
    out = []
    for sub in sp.preorder_traversal(expr):
        # (a root: a power of a letter, (-1)^m, is a sign the letter's integer values decide)
        if isinstance(sub, sp.Pow) and sub.exp.is_Rational and not sub.exp.is_integer:
            base = sub.base
        elif isinstance(sub, sp.log):
            base = sub.args[0]
        else:
            continue
        if not base.is_positive:
            out.append(base)
    return tuple(out)


OTHER_BRANCH = "holds on another branch of a complex logarithm, root or power than the principal one"
# the turns around 0 tried for each logarithm and power that has other branches (few: a step of the notes
# means a branch near the principal one), and how many of them a step may write
BRANCH_TURNS = (-2, -1, 0, 1, 2)
MAX_BRANCH_POINTS = 3


def _on_another_branch(pairs: list, precise: list, point: dict, holds: Callable) -> bool:
    """Whether sides that differ at ``point`` (``precise``: their values) agree there once their complex
    logarithms and non-integer powers may take other branches: log u + 2 pi i k and u^e exp(2 pi i k e).
    Logarithms of numbers SymPy has already evaluated (log(-1) is i pi) show only in the difference,
    which is then a whole number of turns 2 pi i."""
    for (x, y), (va, vb) in zip(pairs, precise):
        if holds(va, vb):
            continue
        # (whole turns 2 pi i of a logarithm, or 2 pi of an argument, its imaginary part)
        if any(abs(turns.imag) < 1e-9 and abs(turns.real - round(turns.real)) < 1e-9 and 0 < abs(round(turns.real)) <= 2
               for turns in ((complex(va) - complex(vb)) / (2j * math.pi), (complex(va) - complex(vb)) / (2 * math.pi))):
            continue
        candidates = {sub: sub.args[0] if isinstance(sub, sp.log) else sub.base
                      for side in (x, y) for sub in sp.preorder_traversal(side)
                      if isinstance(sub, sp.log) or isinstance(sub, sp.Pow) and not sub.exp.is_integer
                      and not sub.base.is_positive and sub.base != sp.E}
        if len(candidates) > 2 * MAX_BRANCH_POINTS:
            return False
        # (only where the point puts the argument off the positive reals: elsewhere one branch is meant)
        multivalued = [sub for sub, base in candidates.items() if not _positive_at(base, point)]
        if not multivalued or len(multivalued) > MAX_BRANCH_POINTS:
            return False
        found = False
        for ks in itertools.product(BRANCH_TURNS, repeat=len(multivalued)):
            if not any(ks):
                continue
            moved = {sub: sub + 2 * sp.pi * sp.I * k if isinstance(sub, sp.log)
                     else sub * sp.exp(2 * sp.pi * sp.I * k * sub.exp) for sub, k in zip(multivalued, ks)}
            u, v = evaluate(x.xreplace(moved), point, PRECISION, True), evaluate(y.xreplace(moved), point, PRECISION, True)
            if u is not None and v is not None and holds(u, v):
                found = True
                break
        if not found:
            return False
    return True


def _writes_branches(parsed: Parsed) -> bool:
    """Whether the step writes a logarithm, an argument, a root or a power by other than a whole number
    (of other than e): what may have other branches."""
    def branched(x: n.Node) -> bool:
        if isinstance(x, n.Func):
            return x.name in ("log", "log10", "log2", "arg")
        if isinstance(x, n.Pow):
            whole = isinstance(x.exp, n.Num) and x.exp.value.isdigit()
            # a power by letters (w^{2n}, x^a) is one whose letters are sampled: its branches are the
            # counts' and the rates' business, and a search of them at every point would cost the step
            # its budget; a fraction (x^{1/3}), a decimal or the unit (i^i) has branches of its own
            lettered = any(isinstance(y, n.Sym) and not y.base in ("i", "j") for y in x.exp.walk())
            return not whole and not lettered and not (isinstance(x.base, n.Const) and x.base.name == "e")
        return isinstance(x, n.Sqrt)
    return any(branched(x) for side in (parsed.lhs, parsed.rhs) for x in side.walk())


def _positive_at(expr: sp.Expr, point: dict) -> bool:
    value = evaluate(expr, point, PRECISION, True)
    return value is not None and abs(sp.im(value)) < TOLERANCE and sp.re(value) > 0


def _writes_imaginary(flips: frozenset, units: frozenset[str]) -> bool:
    """Whether the step itself writes the imaginary unit (\\mathrm{i}, or i or j read as one): only
    then are complex values its values. SymPy brings in I on its own for the logarithm or root of a
    negative constant (log(1 - pi) = log(pi - 1) + i pi, pi being a mixing weight the author calls
    \\pi), where the real reading is undefined, not complex: the branches of such values differ by
    2 pi i and would refute (1 - pi) ln(b/(1 - pi)) = (1 - pi)(ln b - ln(1 - pi))."""
    # (the gate readings' matrices are complex by themselves: S, T, Y, the rotations)
    return bool(units) or any(key[0] == "imag" or key in quantum.GATE_KEYS or key == COMPLEX_ARRAYS for key in flips)


# the lowered name of a derivative in time (\\ddot x is d(x)/d(t)^2; see Lowerer.time_derivative)
_TIME_DERIVATIVE = re.compile(r"d\((.+)\)/d\((?:t|\\tau)\)\^(\d+)")


def _time_order(free: set) -> int:
    """The highest order of a derivative in time among a side's symbols (2 for \\ddot x, 0 for none)."""
    orders = [int(m.group(2)) for s in free for m in [_TIME_DERIVATIVE.fullmatch(getattr(s, "name", ""))] if m]
    return max(orders, default=0)


def _time_derivative_lost_rates(parsed: Parsed, left_constant: bool) -> bool:
    """Whether the side that came out a constant is d/dt of an expression of letters and the other side
    writes no rate (\\frac{d}{dt} \\frac{\\ell^2}{2\\mu r^2} = -\\frac{\\ell^2}{\\mu r^3}, the \\dot r of the chain rule
    dropped): no equation for its letters to solve, but a slip with the letters constant (0 on the left)
    and moving alike (a rate on the left, none on the right)."""
    constant, other = (parsed.lhs, parsed.rhs) if left_constant else (parsed.rhs, parsed.lhs)
    while isinstance(constant, n.Paren):
        constant = constant.inner
    if not (isinstance(constant, n.Deriv) and not constant.partial and len(constant.wrt) == 1):
        return False
    var = constant.wrt[0][0]
    if not (isinstance(var, n.Sym) and var.base == "t" and not var.indices and not var.style):
        return False
    moving = {x.key for x in constant.body.walk() if isinstance(x, n.Sym) and x.base != "t"}
    if not moving:
        return False
    # a letter of its own on the other side may name the rate (m v a, I\\omega\\alpha, F): only the letters
    # differentiated, with no rate among them, make the slip
    return not any(isinstance(x, (n.Deriv, n.DerivBy, n.Differential, n.Integral, n.Apply)) or isinstance(x, n.Sym)
                   and (n.undotted(x)[1] or x.primes or x.key not in moving) for x in other.walk())


def _is_constant(expr: sp.Expr, free: set) -> bool:
    """``free``: the expression's free symbols, known already (each is a walk of the whole tree)."""
    return not free and not expr.atoms(AppliedUndef)


_STYLE_COMMANDS = {"bf": "\\mathbf", "bb": "\\mathbb", "cal": "\\mathcal", "scr": "\\mathscr",
                   "frak": "\\mathfrak", "sf": "\\mathsf", "rm": "\\mathrm", "hat": "\\hat", "bar": "\\bar",
                   # a long upright name (\mathrm{SNR}, \operatorname{sinc}), as the reader writes it
                   "op": "\\mathrm",
                   "tilde": "\\tilde", "dot": "\\dot", "ddot": "\\ddot", "check": "\\check", "breve": "\\breve",
                   "acute": "\\acute", "grave": "\\grave", "ring": "\\mathring"}
_LOWERED_NAME = re.compile(r"(?:(?P<style>[a-z+]+):)?(?P<base>\\[A-Za-z]+|[^\[\]^'#:]+)(?:\[(?P<index>[^\]]*)\])?(?P<rest>.*)")


def _shown_call(call: AppliedUndef) -> str:
    """An opaque call of the lowering (``f#d1.2/3/-1(x, y, z)``, see lower._derivatives_as_atoms) as the
    reader writes it: ``\\partial_{xy} f(x, y, z)``; anything unexpected as it is."""
    parts = call.func.__name__.rsplit("/", 2)
    args = [sp.sstr(a) for a in call.args]
    head, _, positions = parts[0].partition("#d")
    head = re.sub(r"\^\(([xyz])\)$", r"_\1", head)  # F^(x): the component F_x of a field (lintmath.cartesian)
    try:
        by = "".join(args[int(k) - 1] for k in positions.split(".")) if positions else ""
    except (ValueError, IndexError):
        return sp.sstr(call)
    return ("\\partial_{" + by + "} " if by else "") + head + "(" + ", ".join(args) + ")"


def _shown_point(point: dict, letters: Mapping[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """A counterexample as the reader writes it: names as in the source, and the sampled values, which
    are short decimals (23/50), as ``0.46`` rather than ``0.460000``. ``letters``: the index letters by the
    value the reading gave them, put back where a name carries that value (E_s, not E_2)."""
    return tuple((_with_index_letters(_shown_name(s), letters or {}), _shown_value(v)) for s, v in point.items())


_SHOWN_INDEX = re.compile(r"_(?:\{(?P<many>[0-9,]+)\}|(?P<one>[0-9]))")


def _with_index_letters(name: str, letters: Mapping[str, str]) -> str:
    """``E_2`` as ``E_s`` where the reading gave the index letter s the value 2."""
    if not letters:
        return name

    def put_back(match: re.Match) -> str:
        items = [letters.get(item, item) for item in (match["many"] or match["one"]).split(",")]
        if len(items) == 1 and len(items[0]) == 1:
            return "_" + items[0]
        # w_{ij} as written; a comma only where a number or a command would run into the next item
        joiner = "" if all(len(i) == 1 and i.isalpha() for i in items) else ","
        return "_{" + joiner.join(items) + "}"
    return _SHOWN_INDEX.sub(put_back, name)


def _shown_value(value) -> str:
    if isinstance(value, sp.Rational):
        q, twos, fives = int(value.q), 0, 0
        while q % 2 == 0:
            q, twos = q // 2, twos + 1
        while q % 5 == 0:
            q, fives = q // 5, fives + 1
        if q == 1 and max(twos, fives) <= 6:  # a terminating decimal: every digit of it
            return str(Decimal(int(value.p)) / Decimal(int(value.q)))
    return sp.sstr(value.evalf(6))


def _shown_name(atom) -> str:
    """A coordinate of a counterexample as the reader writes it: the lowering's ``ddot:r`` and
    ``m[A]`` are ``\\ddot{r}`` and ``m_A`` (anything unexpected is shown as it is)."""
    if isinstance(atom, AppliedUndef):
        return _shown_call(atom)
    if not isinstance(atom, sp.Symbol):
        return sp.sstr(atom)
    return shown_name(atom.name)


# an opaque derivative's lowered name: d(y)/d(x)^2, d(f)/d(x)^1d(y)^2 (see Lowerer.lower_Deriv)
_DERIVATIVE_NAME = re.compile(r"d\((?P<target>.+?)\)/(?P<by>(?:d\([^()]+\)\^\d+)+)")
_DERIVATIVE_BY = re.compile(r"d\(([^()]+)\)\^(\d+)")


def shown_name(name: str) -> str:
    """A lowered symbol's name as the reader writes it (``d(y)/d(x)^1`` is ``\\frac{dy}{dx}``, ``m[A]`` is
    ``m_A``), for counterexamples and the names a message says a step depends on; anything unexpected is
    shown as it is."""
    derivative = _DERIVATIVE_NAME.fullmatch(name)
    if derivative is not None:
        target = shown_name(derivative["target"])
        by = [(shown_name(v), int(k)) for v, k in _DERIVATIVE_BY.findall(derivative["by"])]
        order = sum(k for _, k in by)
        d = "d" if len(by) == 1 else "\\partial"
        power = f"^{{{order}}}" if order > 1 else ""
        space = " " if len(by) > 1 else ""
        below = " ".join(f"{d}{space}{v}" + (f"^{{{k}}}" if k > 1 else "") for v, k in by)
        return f"\\frac{{{d}{power}{space}{target}}}{{{below}}}"
    match = _LOWERED_NAME.fullmatch(name)
    if match is None:
        return name
    text = match["base"]
    for style in reversed(match["style"].split("+") if match["style"] else []):
        if style not in _STYLE_COMMANDS:
            return name
        text = f"{_STYLE_COMMANDS[style]}{{{text}}}"
    index = match["index"]
    if index and ":" in index:  # a label kept inside the name (x_{\\text{in}}): shown as it is
        return name
    rest = match["rest"]
    if index and rest.startswith("^()"):
        # x^{(i)}: the parser keeps the parenthesised label's letter as the last index (x_j^{(i)} is
        # x[j,i]^()), which the reader sees back in its brackets: x^{(1)}, x_2^{(1)}
        entry, _, sample = index.rpartition(",")
        if entry:
            text += f"_{entry}" if len(entry) == 1 else f"_{{{entry}}}"
        return text + f"^{{({sample})}}" + rest[3:]
    if index:
        text += f"_{index}" if len(index) == 1 else f"_{{{index}}}"
    return text + rest


def _parse_assumptions(items: tuple[ContextItem, ...]) -> list[tuple[n.Node, str, n.Node]]:
    """``x > 0``, ``0 < p < 1``, ``\\sum_k t_k = 1`` as (left, relation, right) trees."""

    out = []
    for item in items:
        text = item.rhs
        parts = [item.lhs]
        relations = [item.relation]
        for rel in find_relations(text)[:1]:
            parts.append(text[: rel.start])
            relations.append(normalize_relation(text[rel.start : rel.end]) or "=")
            text = text[rel.end :]
        parts.append(text)
        try:
            trees = [_letters_listed(p) or [parse_math(p)] for p in parts]
        except (ParseFailure, RecursionError):
            continue
        for k, relation in enumerate(relations):
            out.extend((left, relation, right) for left in trees[k] for right in trees[k + 1])
    return out


def stated_ranges(item: ContextItem) -> dict[str, tuple[float, float]]:
    """The interval a bound (``0 \\le x, y \\le 1``, ``t > 2``) puts each plain letter in, by the letter's key,
    from its numeric ends only (a bound by another letter, ``q \\le p``, gives none)."""
    return _bounds(_parse_assumptions((item,)))


def _bounds(constraints: list[tuple[n.Node, str, n.Node]]) -> dict[str, tuple[float, float]]:
    """The interval the inequalities among ``constraints`` put each plain letter in, from bounds made of
    numbers only (5, \\pi/2, 2 + \\sqrt{2}); an unstated side is infinite."""
    out: dict[str, tuple[float, float]] = {}
    for left, relation, right in constraints:
        if relation not in INEQUALITY:
            continue
        for var, bound, above in ((left, right, relation in (">", ">=")), (right, left, relation in ("<", "<="))):
            if isinstance(var, n.Sym) and not var.indices and not any(
                    isinstance(x, (n.Sym, n.Func)) and not (isinstance(x, n.Func) and x.name == "sqrt")
                    for x in bound.walk()):
                try:
                    value = float(Lowerer(Instance(3, {}, {}), classify_letters(bound)).lower(bound))
                except (Undecidable, TypeError, ValueError):
                    continue
                lo, hi = out.get(var.key, (-math.inf, math.inf))
                out[var.key] = (max(lo, value), hi) if above else (lo, min(hi, value))
    return out


def _letters_listed(text: str) -> list[n.Node]:
    """The letters of a list, ``x, y`` in ``0 \\le x, y \\le 1`` (each bounded alike), or [] when ``text``
    is no list of plain letters (``p(x, y)``, a single expression)."""
    parts, depth, start = [], 0, 0
    for k, char in enumerate(text):
        depth += {"{": 1, "}": -1, "(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    if len(parts) < 2:
        return []
    try:
        letters = [parse_math(part) for part in parts if part.strip() not in ("\\dots", "\\ldots", "\\cdots")]
    except (ParseFailure, RecursionError):
        return []
    return letters if all(isinstance(x, n.Sym) for x in letters) else []


def _remainders(*exprs: sp.Basic) -> bool:
    """Whether a remainder (``a \\bmod n``) is taken: its letters are integers, which real points miss
    (``(ab) \\bmod n = ((a \\bmod n) b) \\bmod n`` holds for integers only)."""
    return any(isinstance(e, sp.Basic) and e.has(sp.Mod) for e in exprs)


def _in_letter(lowerer: Lowerer, key: str, trees: tuple[n.Node, n.Node], a, b):
    """The derivatives of the lowered sides ``a``, ``b`` in the letter ``key`` (see check._up_to_constant).
    A reading in which that letter is no variable of both sides (a value a distribution's sum runs
    over, a vector of random numbers) cannot tell a constant term from another: Undecidable, as
    both derivatives would be 0 there and "agree"."""
    node = next((x for t in trees for x in t.walk() if isinstance(x, n.Sym) and x.key == key and not x.indices
                 and not x.labels and not x.primes), None)
    if node is None or linalg.is_matrix(a) or linalg.is_matrix(b):
        raise Undecidable(f"a term constant in {key} (\\text{{const}}) is not decided between arrays")
    if any(len(limits) == 1 for side in (a, b) for i in side.atoms(sp.Integral) for limits in i.limits):
        raise Undecidable("an antiderivative beside \\text{const} is not decided yet")  # two constants
    variable = lowerer.lower(node)
    if not isinstance(variable, sp.Symbol) or variable not in a.free_symbols or variable not in b.free_symbols:
        raise Undecidable(f"a term constant in {node.base} (\\text{{const}}) is not decided where {node.base} is "
                          "no variable of both sides (a vector, a value summed over)")
    return derivative(a, variable), derivative(b, variable)


def _sign_exponents(*exprs: sp.Basic) -> set[sp.Symbol]:
    """The letters in the exponent of a power of -1 (``(-1)^{n+1}``, a Fourier coefficient's sign):
    integers, as the sign is real only there, so they are sampled at whole numbers (where
    ``\\cos n\\pi = (-1)^n`` holds) rather than at real points, where such a side is undefined."""
    found: set[sp.Symbol] = set()
    for e in exprs:
        if isinstance(e, sp.Basic):
            for x in e.atoms(sp.Pow):
                if x.base == -1 and not x.exp.is_number:
                    found |= {s for s in x.exp.free_symbols if isinstance(s, sp.Symbol)}
    return found


def _coincidences(letters: list[str]) -> list[list[tuple[str, int]]]:
    """Values for index letters that make some of them equal: every way to group them (a set
    partition) but the one where all differ, for up to three letters."""
    if not 2 <= len(letters) <= 3:
        return []
    partitions: list[list[int]] = [[0]]
    for _ in letters[1:]:
        partitions = [p + [b] for p in partitions for b in range(max(p) + 2)]
    return [[(letter, block + 1) for letter, block in zip(letters, p)] for p in partitions
            if len(set(p)) < len(letters)]


def _difference_at(expr: sp.Expr, point: dict[str, sp.Rational], rng: random.Random, attempt: int) -> complex | None:
    """The value of ``expr`` where its symbols take the values ``point`` gives their names (drawn on
    first use, so that expressions over different symbols share the values of the ones they share)."""
    values = {s: point.setdefault(s.name, _sample(rng, attempt)) for s in expr.free_symbols}
    value = evaluate(expr, values, quick=True)
    return None if value is None else complex(value)


def _within(bounds: list[tuple[sp.Expr, str, sp.Expr]], point: dict) -> bool:
    """Whether ``point`` satisfies every lowered inequality (one that cannot be valued there fails)."""
    for low, relation, high in bounds:
        left, right = evaluate(low, point, quick=True), evaluate(high, point, quick=True)
        if left is None or right is None:
            return False
        if not {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}.get(relation, True):
            return False
    return True


#: the most points a comparison takes to go through the assignments of letters with finite sets of values
FINITE_POINTS = 16


def _assignment(chosen: dict, number: int, count: int, rng: random.Random) -> dict:
    """Values for the symbols of ``chosen`` from their sets: the ``number``-th of their ``count``
    assignments (in mixed radix) while they are few enough to go through, else random ones."""
    if count > FINITE_POINTS:
        return {s: rng.choice(values) for s, values in chosen.items()}
    out = {}
    number %= count
    for s in sorted(chosen, key=lambda x: x.name):
        number, digit = divmod(number, len(chosen[s]))
        out[s] = chosen[s][digit]
    return out


def _coincidence(point: dict, chosen: dict) -> bool:
    """Whether two letters the sampler drew (not values the prose gives) took the same value at ``point``:
    a slip that swaps two letters (\\sigma for \\sigma_0, \\kappa_0 for n) holds where they coincide, which
    at two digits they do at one point in a dozen; agreement there tells of no domain where the step
    holds, and only the other points' agreement makes the step's difference a domain question."""
    drawn = [value for symbol, value in point.items() if symbol not in chosen]
    return len(set(drawn)) < len(drawn)


def _sample(rng: random.Random, attempt: int, bounds: tuple[float, float] | None = None,
            whole: bool = False) -> sp.Rational:
    """Positive values: slides mean real, usually positive quantities (log o_k, sqrt(x^2) = x).
    Values in (0, 1) first, since probabilities are everywhere in this material. ``whole``: integers
    (the letters of modular arithmetic), from 2 so that a modulus leaves remainders."""
    if whole:
        return sp.Integer(rng.randint(2, 40))
    if bounds is not None:
        lo, hi = bounds
        return sp.Rational(round((lo + (hi - lo) * rng.uniform(0.02, 0.98)) * 1000), 1000)
    if attempt % 3 == 0:
        return sp.Rational(rng.randint(110, 300), 100)
    return sp.Rational(rng.randint(5, 95), 100)


def through_optima(pairs: list, point: dict, free: set, complex_ok: bool) -> bool:
    """Whether the difference of the sides at ``point`` changes when the value of an optimisation
    they hold (see Lowerer.lower_Optimum) moves: then it goes through the optimisation, whose real
    value may make the sides agree. Free (no evaluation) for a step without one."""
    optima = [s for s in free if OPTIMUM_MARK in s.name]
    for s in optima:
        for shift in OPTIMUM_SHIFTS:
            moved = {**point, s: point[s] + shift}
            for x, y in pairs:
                here = [evaluate(x, point, PRECISION, complex_ok), evaluate(y, point, PRECISION, complex_ok)]
                there = [evaluate(x, moved, PRECISION, complex_ok), evaluate(y, moved, PRECISION, complex_ok)]
                if None in here or None in there:
                    return True
                if abs((here[0] - here[1]) - (there[0] - there[1])) > TOLERANCE * (1 + abs(here[0] - here[1])):
                    return True
    return False
