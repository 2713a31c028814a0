"""Deciding one step: Step text -> Verdict. Pure and seeded; knows nothing of files or reports.

A step is *verified* when both sides agree at random points of several concrete instances (sizes,
index values, function stand-ins), *refuted* only when they differ at a point where both are real
and defined, confirmed at higher precision, under every plausible reading of ambiguous notation,
and *unverified* whenever the decision would rest on something the step does not say.
"""
from __future__ import annotations

import functools
import itertools
import math
import random
from decimal import Decimal
from fractions import Fraction
import re
import time
from dataclasses import dataclass, replace
from typing import Callable, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.matrices.common import ShapeError

from lintmath.lower import (
    DEGREE_ANGLES, DIMENSION_LETTER, ENTRYWISE_NORMS, EVENTS, EVENT_MODEL, LIBRARY, LOG_BASE_TWO, MAYBE_SYMMETRIC_NAMES,
    OPAQUE_ENTRY, OPTIMUM_MARK, ORDER_TYPO, SLASH_ARGUMENT, SLASH_REACH, SMALL_MATRICES, SYMMETRIC_NAMES,
    TRIANGLE_ANGLES, Instance, Letters, Lowerer, Undecidable, classify_letters, derivative,
    dimension_letter_candidates, has_cases,
    has_indicator, has_infinite_series, has_sample_entries, has_summed_repeat, has_uncounted_sum,
    has_valued_set_sum, is_library, least_integers, normalized_family, read_as_product, reading_keys,
    shapes_of_side, sum_bounds,
)
from lintmath import commutators, equations, events, expectation, implication, linalg, modular, probability, quantum
from lintmath import independence, infotheory, logbase, matfunc, primed, refusals, series
from lintmath import tuples as tuples_reading
from lintmath.budget import BudgetExceeded, work_time
from lintmath.cartesian import basis_vectors, cartesian_fields
from lintmath.context import EARLIER, LETTER, RELATION, ContextItem, constant_as_letter, with_earlier_values
from lintmath.differentials import (
    DIFFERENTIALS, PLAIN_D, SPACED_D, differential_gap, differential_reading, differentiated_by, has_differentials,
    has_plain_differentials, loose_differentials, operand_letters, plain_differentials,
)
from lintmath.diagnose import GUARD_SECONDS, MAX_SECONDS, diagnose, refute_where_readable, sign_flips, unreadable
from lintmath.evaluate import UNDEFINED, fast_value, quick_value
from lintmath.model import Diagnosis, Macro, Status, Verdict
from lintmath.parse import composition, nodes as n
from lintmath.parse.parser import AMBIGUOUS_SLASH, NO_DIFFERENTIAL, closing, increments_of, parse_math, prepare
from lintmath.parse.parser import log_bases, reads_star_product, with_log_bases
from lintmath.parse.tokens import ParseFailure, Token, expand_macros, tokenize
from lintmath.substitute import Definition, parse_definitions, substitute, transform
from lintmath.parse.units import is_unit, ohms_as_units, unit_names, without_units, writes_ohms
from lintmath.parse.vocabulary import FUNCTION_LETTERS, GREEK, UNIT_KINDS
from lintmath.relations import LOGICAL, PLUS_MINUS, find_relations, normalize_relation, with_signs

EQUALITY = {"=", "===", "==", "=:"}
INEQUALITY = {"<=", ">=", "<", ">"}
# sizes 3 and 4 for sums and free indices, two draws of random matrices and function stand-ins; a third
# (size 3 again, another draw) changed no verdict on the corpus or its mutations and cost 7% of a run
INSTANCES = 2
# CPU seconds (not wall: a loaded machine must not change a verdict) after which a decision stops
# trying further readings of the notation
EFFORT_SECONDS = 0.6
UNDEFINED_TRIES = 8  # points tried before a side undefined at all of them is given up
COMPARE_SECONDS = 0.8  # CPU seconds for one comparison (one reading, every instance)
POINTS = 4
PRECISION = 30
TOLERANCE = sp.Float("1e-9")
HUGE = 1e6  # above this a unit is less than TOLERANCE of a value
EXACT_TOLERANCE = sp.Float("1e-60")  # agreement of values computed with 3 * PRECISION digits
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
UNCOUNTED_DIFFER = "differs over a few terms of a sum without bounds over a number (\\sum_n x^n): its range is not written"
VALUED_SET_DIFFER = ("differs where the set is {1, ..., m}; the step uses the set's elements as numbers, "
                     "and what they are (a symmetric set, a group) is not decided")
REGION_DIFFER = ("differs under a generic measure over the region; what the region is (a symmetry, its "
                 "volume) may still make the sides agree, which is not decided")
INDICATOR_DIFFER = ("differs with the indicator (1 where a condition holds) read as an unknown function: for "
                    "its values 0 and 1, and the conditions the prose links, not decided")
CASES_AT_INTEGERS = "differs between integers only, where a case's boundary moves (k \\le n - 1 for k < n): not decided"
SIZE_DEPENDENT = ("holds for matrices of one size and not another (2 x 2 against 3 x 3), and nothing written "
                  "gives their size")
CASES_UNREACHED = "holds at the sampled (positive) points, not where the letters are negative: a case they never reach?"
# m\ddot x = -kx as a step: sides whose highest derivatives in time differ are an equation of motion
# as often as a slip, which only a small edit that makes the step hold tells apart
EQUATION_OF_MOTION = "an equation of motion (its sides differ in their highest derivative in time), not an identity"
EINSTEIN_DIFFER = ("differs with an index written twice on a side read without a sum; "
                   "Einstein's convention sums it (and renames it freely): not decided")
STAR_OPERATION = ("differs with * read as a product; * may be an operation defined elsewhere "
                  "(x * y = x + y + xy, a group's law): not decided")
DISPERSION_OF_VARIABLE = ("sigma (or a parameter subscripted by a scaled variable) of a random variable may be "
                          "its standard deviation, not the sigmoid or a product")
ARITHMETIC_SIGMA = "sigma of a whole number may be the sum of its divisors (number theory), not the sigmoid"
DELTA_OPERATOR = ("a delta written before a bracket and before a letter is a variation or a difference "
                  "(\\delta(xy) = x\\,\\delta y + y\\,\\delta x): not decided")
DELTA_OPERATORS = ("\\delta", "\\Delta")
CONDITION_DROPPED = ("conditions one distribution on more than the other: a conditional independence "
                     "(a Markov property) assumed elsewhere, not decided")
FUNCTION_REACH = ("differs with the function (log, sine) read as ending before the factors after it; read as "
                  "reaching over them (\\log\\frac{1}{N}\\sum_i e^{x_i}, the log of a mean; \\log(2\\pi e)^d |\\Sigma|; "
                  "\\sin k(x - ct)) it is not refuted: not decided")
SYMMETRY_STATED = "the sides exchange two letters: a symmetry the step states (detailed balance), not decided"
SAMPLE_ENTRIES_DIFFER = ("differs with x_{ik} read as a number of its own beside the vector x_i; as the k-th entry "
                         "of that sample, not decided")
PAIR_DIFFER = ("differs with (a, b) read as a vector; as an inner product or an interval it is not refuted: "
               "not decided")
LISTS_COMPARED = "lists compared as written (vectors, gcds, cycles or points?) differ entry by entry: not decided"
CYCLES_DIFFER = "differs with the lists read as vectors; as permutation cycles it is not refuted: not decided"
ROUNDING_DIFFER = "floor or ceiling differs at real points; letters may stand for integers: not decided"
# \sum_{i=1}^n F_i = F_{n+2} - 1 holds for the sequence the course defined, not for free members
SUMMED_SEQUENCE_DIFFER = "a closed form for a sum of a sequence defined elsewhere (F_i, H_k): not decided"
# A step that fails with the standard gates (H the Hadamard gate) may hold with other operators of
# those names (H a Hamiltonian): never refuted by the comparison alone (see Comparator.decide)
GATES_DIFFER = "fails with the standard gates ({}): holds only if they are other operators (a Hamiltonian?): not decided"
GLOBAL_PHASE = "holds with the standard gates only up to a global phase: not decided"
SERIES_UNSETTLED = "an infinite series that does not settle (or cannot be summed) at the sampled points is not decided"


@dataclass(frozen=True)
class Outcome:
    kind: str  # "equal" | "differ" | "undecided"
    reason: str = ""
    point: tuple[tuple[str, str], ...] = ()
    opaque: frozenset[str] = frozenset()
    readable: bool = True  # False when this reading could not even be built (d/d(o^x) as a power)
    suspect: str = ""  # why the difference may be no typo (a side without variables): needs a diagnosis


@dataclass(frozen=True)
class Parsed:
    lhs: n.Node
    rhs: n.Node
    letters: Letters


def parse_step(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> Parsed:
    increments = step_increments(lhs, rhs, macros)
    tuples = bool(_BARE_NABLA.search(lhs + rhs) or _NUMBER_ANGLE_PAIR.search(lhs + rhs))
    try:
        left, right = _parsed_sides(lhs, rhs, macros, increments, tuples)
    except ParseFailure as exc:
        if exc.args[:1] == (AMBIGUOUS_SLASH,):
            left, right = _slashed_sides(lhs, rhs, macros, increments, tuples, exc)
        elif exc.args and _UNREAD_ONES.match(str(exc.args[0])):
            left, right = _ones_sides(lhs, rhs, macros, increments, tuples, exc)
        else:
            if not tuples and commutators.unread(exc):
                return _commutator_step(lhs, rhs, macros, increments, exc)
            if tuples or not tuples_reading.unread_list(exc):
                raise
            left, right = _listed_vectors(lhs, rhs, macros, increments, exc)
    left, right = cartesian_fields(left, right)
    left, right = basis_vectors(left, right)
    if _normed_functions(left, right):
        raise ParseFailure(FUNCTION_NORM)
    if PLAIN_D.search(lhs + " " + rhs) and loose_differentials(left, right) \
            and not SPACED_D.search(lhs + " " + rhs):
        try:
            left, right = plain_differentials(left), plain_differentials(right)
        except ValueError:
            pass  # d x y: d(xy) or y dx, left to loose_differentials' reason
    left, right = differential_reading(left, right)
    measures = expectation.measures(left, right)
    if len(measures) > 1:
        # E^Q[X] = E^P[X Z]: a change of measure holds for the measures the prose relates, not in one space
        raise ParseFailure(DIFFERENT_MEASURES.format(", ".join(sorted(m or "the plain E" for m in measures))))
    if ("*" in lhs or "*" in rhs or "\\ast" in lhs or "\\ast" in rhs) and _star_beside_signals(left, right):
        raise ParseFailure("* between factors may be a convolution")
    return Parsed(left, right, classify_letters(left, right))


ENTRYWISE_ONLY = "holds if the norm is entrywise (lintmath reads a matrix's 1-, 2- and max-norms as induced)"
DIFFERENT_MEASURES = "expectations under different measures ({}) are not decided yet"
FUNCTION_NORM = "a norm of a function (\\|f\\| beside f(x): an integral or a supremum) is not decided yet"


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
    return any(isinstance(x, n.Apply) and x.func.key in normed for tree in trees for x in tree.walk())


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


def _as_commutators(letters: Letters, left: n.Node, right: n.Node) -> Letters:
    """``letters`` with every letter of the sides a generic operator, as the commutator reading has them."""
    operators = commutators.operator_letters(left, right) - letters.index - letters.integer
    return replace(letters, matrices=letters.matrices | operators, candidates=frozenset(),
                   required=frozenset(), commutators=True)


def reclassified(parsed: Parsed, left: n.Node, right: n.Node) -> Parsed:
    """The sides ``left``, ``right`` (``parsed``'s, rewritten: definitions put in) with their letters
    classified afresh, keeping the commutator reading: a letter of [A, B] stays an operator when the
    document's matrix for B is put in (a scalar A would make [A, B] = 0 and refute a true expansion)."""
    letters = classify_letters(left, right)
    if parsed.letters.commutators:
        letters = _as_commutators(letters, left, right)
    return Parsed(left, right, letters)


def _parsed_sides(lhs: str, rhs: str, macros: Mapping[str, Macro], increments: frozenset[str],
                  tuples: bool, slashed: bool = False, ones: bool = False) -> tuple[n.Node, n.Node]:
    try:
        return coherent_applications(parse_math(lhs, macros, increments, tuples, slashed_products=slashed, ones=ones),
                                     parse_math(rhs, macros, increments, tuples, slashed_products=slashed, ones=ones))
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


def coherent_applications(*trees: n.Node) -> tuple[n.Node, ...]:
    """One letter is one kind of thing throughout a step: where ``u(x)`` reads as an application, so
    does ``u(x+1)``, which alone would read as a product first. Such a letter is a function, and no
    reading makes a product of it (which would verify ``u(x+1) = u(x) + u(1)``)."""
    applied = {x.func.key for tree in trees for x in tree.walk()
               if isinstance(x, n.Apply) and x.maybe_product and not x.prefer_product}
    mixed = {x.func.key for tree in trees for x in tree.walk()
             if isinstance(x, n.Apply) and x.prefer_product and x.func.key in applied}
    if not mixed:
        return trees
    return tuple(n.map_nodes(tree, lambda x: replace(x, prefer_product=False, maybe_product=False)
                             if isinstance(x, n.Apply) and x.func.key in mixed else x)
                 for tree in trees)


def check_step(lhs: str, rhs: str, relation: str, *, macros: Mapping[str, Macro] | None = None,
               first: bool = False, seed: int = 0, explain: bool = True,
               context: tuple[ContextItem, ...] = (), indefinite: bool = False,
               rows: tuple[str, ...] = (), clause: bool = False, derived: bool = False,
               modular_prose: bool = False, note: str = "", chain: tuple[str, ...] = ()) -> Verdict:
    """Decide ``lhs REL rhs``. ``first`` marks the head of a chain, whose left side may be a name that
    the line defines (``E = ...``): such a step needs the definition from elsewhere, which ``context``
    (the definitions and assumptions in force where the step stands) may supply. ``indefinite`` says
    the chain integrates without bounds, so that two lines ending in ``+ C`` are antiderivatives,
    equal up to that constant. ``rows`` holds the equations (lhs, rhs, ...) of the rows beside a lone
    equation in its display, which may show it an equation being solved. ``clause``: the step is an
    equation joined to others by ``\\Rightarrow`` or ``\\iff`` (``5y - 2 = 3y + 6 \\Rightarrow 2y = 8``), a
    condition on its letters rather than an identity; ``derived``: such an equation that an arrow leads
    to, which a chain showing that an equation has no solution ends false (``\\Rightarrow 3 = 1``).
    ``modular_prose``: the prose just before the step works modulo a number (``in $\\mathbb{Z}_7$``), so an
    equation may be solved, and numbers equated, as residues. ``note``: the annotation set beside the
    step's row (``&& (u = \\sin x)``), a condition under which a step it refutes may hold. ``chain``: the
    other lines of the step's chain, nearest first (see pipeline._chain_lines): a term the step lost
    that the line before does not write may be copied back from them, as the author wrote it. Only the
    diagnosis reads them; where it decides the verdict (a quantity the line lost), a term so copied
    must be the whole difference of the two sides, which that search writes back from the sides alone."""
    stated = {item.lhs: item for item in context if item.kind == logbase.KIND}
    bases = {command: item.rhs for command, item in stated.items()}
    if bases and log_bases(macros) != bases:
        # the prose fixed the base of \log ("all logarithms are base 2"): every parse of the step reads it so
        verdict = check_step(lhs, rhs, relation, macros=with_log_bases(macros, bases), first=first, seed=seed,
                             explain=explain, context=context, indefinite=indefinite, rows=rows, clause=clause,
                             derived=derived, modular_prose=modular_prose, note=note, chain=chain)
        named = tuple(logbase.describe(command, item.rhs, item.where) for command, item in stated.items()
                      if re.search(re.escape(command) + r"(?![A-Za-z])", f"{lhs} {rhs}"))
        return replace(verdict, guessed=verdict.guessed + named) if named else verdict
    if note:
        verdict = check_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                             context=context, indefinite=indefinite, rows=rows, clause=clause,
                             derived=derived, modular_prose=modular_prose, chain=chain)
        if verdict.status is Status.REFUTED and (relation in EQUALITY or relation in INEQUALITY) \
                and _note_states_condition(f"{lhs} {rhs}", note):
            return Verdict(Status.UNVERIFIED, CONDITION_FOLLOWS, elapsed=verdict.elapsed)
        return verdict
    if relation in LOGICAL:
        def identity(left: str, right: str) -> Status:
            return _check_step(left, right, "=", macros=macros, seed=seed, explain=False).status
        verdict = implication.check_implication(lhs, rhs, relation, macros, identity)
        if verdict.status is Status.REFUTED and _mixed_implication_holds(lhs, rhs, relation, macros, identity):
            return Verdict(Status.UNVERIFIED, MIXED_NUMBER)
        if verdict.status is Status.REFUTED and modular_prose:
            # 3x = 5 => x = 4 working modulo 7: solved as residues, not as real numbers
            return Verdict(Status.UNVERIFIED, MODULUS_IN_PROSE)
        return verdict
    if relation in EQUALITY or relation in INEQUALITY:
        written = infotheory.divergences_written(lhs, rhs, macros)
        if written == (lhs, rhs) and macros and any(name in lhs + rhs and ("L" in m.body or "D" in m.body)
                                                    for name, m in macros.items()):
            # \kl(p\|q) with \kl a macro for \mathrm{KL}: the divergence is seen in the text written out
            # (only a macro that writes an L or a D may hide one: spelling out every step's macros cost 5%)
            spelled = (_macros_written_out(lhs, macros), _macros_written_out(rhs, macros))
            if spelled != (lhs, rhs):
                written = infotheory.divergences_written(*spelled, macros)
                written = (lhs, rhs) if written == spelled else written
        if written != (lhs, rhs):
            return _with_divergences(lhs, rhs, written, relation, macros=macros, first=first, seed=seed,
                                     explain=explain, context=context, indefinite=indefinite, rows=rows,
                                     clause=clause, derived=derived, modular_prose=modular_prose)
    if (relation in EQUALITY or relation in INEQUALITY) and modular.mentions_modulus(lhs + " " + rhs):
        return _modular_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, context=context,
                             indefinite=indefinite)
    if PLUS_MINUS.search(lhs + " " + rhs):
        return _both_signs(lhs, rhs, relation, macros=macros, first=first, seed=seed, context=context,
                           indefinite=indefinite)
    verdict = _check_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                          context=context, indefinite=indefinite, chain=chain)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and ("'" in lhs + rhs or "\\circ" in lhs + rhs):
        verdict = _primes_of_one_variable(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                          explain=explain, context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "'" in lhs + rhs:
        verdict = _primes_beside_derivatives(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                             explain=explain, context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and series.OPEN_ELLIPSIS in verdict.reason:
        return _open_series(lhs, rhs, macros or {}, seed, verdict)
    if verdict.status is Status.UNVERIFIED and verdict.reason.startswith(NAMES_ELSEWHERE) and relation in EQUALITY:
        transposed = _verified_with_transposes(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                               context=context, indefinite=indefinite)
        if transposed is not None:
            return transposed
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "\\Phi" in verdict.reason:
        cdf = _verified_with_normal_cdf(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                        context=context, indefinite=indefinite)
        if cdf is not None:
            return cdf
    if verdict.status in (Status.UNVERIFIED, Status.REFUTED):
        entropies = _verified_with_entropies(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                             context=context, indefinite=indefinite)
        if entropies is not None:
            return entropies
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY \
            and any(item.kind == independence.KIND for item in context):
        stated_independence = _verified_with_independence(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                                          context=context, indefinite=indefinite)
        if stated_independence is not None:
            return stated_independence
    if verdict.status is Status.UNVERIFIED and verdict.reason.startswith(NAMES_ELSEWHERE) and context:
        stated = _stated_values(context)
        holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, stated) if stated else None
        return holding or verdict
    if verdict.status is not Status.REFUTED:
        return verdict
    refuted = _Refuted(lhs, rhs, relation, macros or {}, first, seed, context, indefinite, rows, clause, derived,
                       verdict, modular_prose)
    for reason, applies in _CONVENTIONS:
        found = applies(refuted)
        if found:
            return Verdict(Status.UNVERIFIED, found if isinstance(found, str) else reason, elapsed=verdict.elapsed)
    # x-bar beside a sum of the x_i is their mean by convention, whether or not the document says so
    context = (*context, *implied_means(lhs, rhs, macros or {}))
    if any(item.kind in ("define", "result") for item in context):
        # A step decided with its names as free letters may hold only by a definition in force
        # (x-bar the mean of the x_i, Z the softmax's normaliser): an error is claimed only if
        # it also fails with every definition in force put in.
        holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, context)
        earlier = with_earlier_values(context)
        if holding is None and earlier is not None:
            holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, earlier)
        if holding is not None:
            return holding
        example = _example_value_used(verdict, context)
        if example:
            return Verdict(Status.UNVERIFIED, example, elapsed=verdict.elapsed)
    stated = _holds_by_stated_relation(lhs, rhs, relation, macros or {}, seed, context) \
        if relation in EQUALITY | INEQUALITY else ""
    if stated:
        return Verdict(Status.UNVERIFIED, stated, elapsed=verdict.elapsed)
    totals = _sum_totals(lhs, rhs, macros or {}) if relation in EQUALITY else ""
    if totals:
        # N_k / \\sum_j N_j = N_k / N: the total N (or \\alpha_0) is the prose's, not the sequence's entry
        return Verdict(Status.UNVERIFIED, totals, elapsed=verdict.elapsed)
    mean = _mean_put_in(lhs, rhs, macros or {}) if relation in EQUALITY else ""
    if mean:
        # (1/m) sum_i x_i gone from a line where mu is written: the mean from the prose put in
        return Verdict(Status.UNVERIFIED, mean, elapsed=verdict.elapsed)
    if _holds_with_mu_as_mean(lhs, rhs, relation, macros or {}, seed):
        # asked after the definitions in force: a mu the document defines as the mean verifies there
        return Verdict(Status.UNVERIFIED, MU_AS_MEAN, elapsed=verdict.elapsed)
    return verdict


#: relations stated in the prose that a refuted step is tried under, the nearest first
STATED_RELATIONS_TRIED = 3


def _holds_by_stated_relation(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                              context: tuple[ContextItem, ...]) -> str:
    """The reason a refuted step may hold by a relation the prose states inline near it (``since
    $p(1 + r) = 1$``, detailed balance ``$\\pi_i p_{ij} = \\pi_j p_{ji}$``), or "". Tried two ways: as
    a constraint solved for one of its letters (which reaches products written apart), and as a
    rewrite of the one side's text into the other's (which reaches indices a sum binds, where a
    constraint on concrete indices cannot). Only ever a rescue: the relation may hold in one case."""
    stated = [c for c in context if c.kind == RELATION][-STATED_RELATIONS_TRIED:]
    if not stated:
        return ""
    rest = tuple(c for c in context if c.kind != RELATION)

    def squeeze(text: str) -> str:
        # spacing between letters stays: "\\lambda t" is not "\\lambdat"
        return re.sub(r" ?([^A-Za-z ]) ?", r"\1", re.sub(r"\s+", " ", text.strip()))

    left, right = squeeze(lhs), squeeze(rhs)
    for item in reversed(stated):
        reason = f"may hold by the relation {item.lhs} {item.relation} {item.rhs} stated at {item.where}"
        assumed = (*rest, replace(item, kind="assume", prose=False))
        status = check_step(lhs, rhs, relation, macros=macros, seed=seed, explain=False, context=assumed).status
        if status is Status.VERIFIED:
            return reason
        if item.relation != "=":
            # an inequality step (p + q \le 2p under q \le p) verifies at best "at the sampled points":
            # no counterexample among the points the bound allows is all it can say
            if relation in INEQUALITY and status is not Status.REFUTED:
                return reason
            continue  # (a bound is no rewrite of one side's text into the other's)
        for old, new in ((item.lhs, item.rhs), (item.rhs, item.lhs)):
            old, new = squeeze(old), squeeze(new)
            if len(old) < 3 or (old not in left and old not in right):
                continue  # (a lone letter's text is part of too many others)
            if check_step(left.replace(old, new), right.replace(old, new), relation, macros=macros, seed=seed,
                          explain=False, context=rest).status is Status.VERIFIED:
                return reason
    return ""


DIVERGENCE_INEQUALITY = ("an inequality of KL divergences holds for normalised distributions only, which the "
                         "prose gives: read only to verify")


def _with_divergences(lhs: str, rhs: str, written: tuple[str, str], relation: str, **options) -> Verdict:
    """The verdict on a step with its KL divergences written out as sums (see infotheory). An equality
    is decided so, as the divergence has one meaning; an inequality (D(p||q) >= 0, which needs p and q
    normalised) only verifies so. A diagnosis is kept only where it points into the right side as
    written: an edit inside a divergence written out is not the author's text."""
    verdict = check_step(*written, relation, **options)
    if relation not in EQUALITY:
        if verdict.status is Status.VERIFIED:
            return verdict
        return Verdict(Status.UNVERIFIED, DIVERGENCE_INEQUALITY, elapsed=verdict.elapsed)
    if written[1] != rhs and verdict.diagnosis is not None:
        return replace(verdict, diagnosis=None)
    return verdict


def _verified_with_entropies(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that verifies with its H(p), H(X), H(p, q) written out as the
    entropy or the cross-entropy of the distributions it sums (see infotheory); None otherwise.
    Verify-only: H is a Hamiltonian or a physical entropy in other notes."""
    left, right = infotheory.entropies_written(lhs, rhs, options.get("macros"))
    if (left, right) == (lhs, rhs):
        return None
    return _verified_as_written(left, right, relation, infotheory.ENTROPY_GUESS, **options)


def _open_series(lhs: str, rhs: str, macros: Mapping[str, Macro], seed: int, verdict: Verdict) -> Verdict:
    """A step with a series that ends in dots, read term by term or as a known series (see series.py):
    it may be verified, and otherwise keeps its verdict (unread)."""
    started = time.perf_counter()

    def equal(a: n.Node, b: n.Node) -> bool:
        outcome, _ = Comparator(Parsed(a, b, classify_letters(a, b)), "=", seed).decide()
        return outcome.kind == "equal"
    try:
        holds = series.open_series_holds(lhs, rhs, macros, equal)
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 - a reading that cannot be built confirms nothing
        holds = False
    if not holds:
        return verdict
    return Verdict(Status.VERIFIED, series.READ_AS_SERIES, elapsed=verdict.elapsed + time.perf_counter() - started)


def _modular_step(lhs: str, rhs: str, relation: str, **options) -> Verdict:
    """A step of modular arithmetic (see modular.py), decided without a diagnosis."""
    macros = options.get("macros") or {}

    def decide(left: str, right: str, rel: str) -> Verdict:
        return _check_step(left, right, rel, explain=False, **options)

    def reading(text: str) -> str:
        try:
            tree = parse_math(text, macros)
        except (ParseFailure, RecursionError):
            return modular.CUT
        if any(at >= tree.end for at in modular.mentions(text)):
            return modular.CUT
        return modular.REMAINDER if any(isinstance(x, n.Func) and x.name == "mod" for x in tree.walk()) else ""
    return modular.check_modular(lhs, rhs, relation, decide, relation == "===", reading)


FIRST_PRINCIPLES = "a derivative from its definition, whose limit gives the function (an earlier f may not apply)"
#: f'(x), \frac{d}{dx}f(x), \frac{df}{dx}: the derivative a chain's head line computes
_DERIVATIVE_HEAD = re.compile(r"\s*(?:([A-Za-z])'+\s*\(|\\frac\s*\{\s*(?:\\mathrm\{d\}|d)\s*\}\s*\{[^{}]*\}\s*"
                              r"([A-Za-z])\s*\(|\\frac\s*\{\s*(?:\\mathrm\{d\}|d)\s*([A-Za-z])\s*\})")
_DIFFERENCE_QUOTIENT = re.compile(r"\s*\\lim(?:its)?\s*_")


def _first_principles(lhs: str, rhs: str) -> bool:
    """``f'(x) = \\lim_{h \\to 0} \\frac{(x+h)^2 - x^2}{h}`` at a chain's head: the derivative from its
    definition names its function in the limit, so a refutation through an f defined earlier (notes
    reuse f in every example) is no error of the step. Asked of refuted steps only."""
    head = _DERIVATIVE_HEAD.match(lhs)
    if head is None or not _DIFFERENCE_QUOTIENT.match(rhs):
        return False
    letter = next(g for g in head.groups() if g)
    return re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", rhs) is None


LIST_ON_LEFT = "the left side is a list (x = 6, y = 4): the relation holds for its last item only"


ORDER_TERM = "an order term (O(h^2), o(1)) stands for a class of functions that absorbs terms: not decided"
# Landau symbols: O and o, plain, calligraphic (\mathcal{O}, \mathscr{O}) or upright (\mathrm{O}, and
# \DeclareMathOperator{\Oh}{O}); \Theta and \Omega bound both ways or from below, as classes too
_LANDAU_STYLES = frozenset({"", "cal", "scr", "rm", "op"})
_LANDAU_NAMES = frozenset({"O", "o", "\\Theta", "\\Omega"})
_LANDAU_TEXT = re.compile(r"O|o\s*\(|\\Theta|\\Omega")


def _order_terms(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether a side applies a Landau symbol, O(h^2) or \\mathcal{O}(n): read as a function or a
    product, O(h^2) + O(h^3) = O(h^2) and 2h + O(h^3) = 2h + O(h^2) differ, yet each is a correct
    statement about classes of functions. Asked of refuted steps only."""
    for side in (lhs, rhs):
        # a user macro may spell the symbol (\newcommand{\bigO}{\mathcal{O}}, \DeclareMathOperator{\Oh}{O})
        if not _LANDAU_TEXT.search(side) and not any(name in side for name in macros or ()):
            continue
        try:
            tree = parse_math(side, macros)
        except (ParseFailure, RecursionError):
            continue
        if any(isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base in _LANDAU_NAMES
               and x.func.style in _LANDAU_STYLES and not x.func.indices and not x.func.primes
               for x in tree.walk()):
            return True
    return False


def _list_on_left(lhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether the left side is read only up to a comma with math after it (``6,\\ y`` of the chain
    ``x = 6,\\ y = 4``): what follows a comma on the right is a note, but on the left the relation
    belongs to the item after the comma, so the part read is not its left operand. Asked of refuted
    steps only."""
    if "," not in lhs and ";" not in lhs:
        return False
    try:
        tree = parse_math(lhs, macros)
    except (ParseFailure, RecursionError):
        return False
    cut = _NEXT_ITEM.match(lhs, tree.end)
    # the comma must stand outside every brace: the offsets of a side read through macros may fall
    # inside an argument (\iprod{u, v})
    return cut is not None and lhs.count("{", 0, tree.end) == lhs.count("}", 0, tree.end)


#: a comma (or semicolon) and spacing, then the math of a next item (a letter, a digit, a command
#: for a letter), not words or a quad that sets a note apart (``, \quad \text{for } x > 0``)
_NEXT_ITEM = re.compile(r"\s*[,;]\s*(?:(?:\\[ ,;:!]|~)\s*)*"
                        r"(?:[A-Za-z0-9]|\\(?!(?:text|mbox|hbox|mathrm|operatorname|q?quad)(?![a-zA-Z]))[a-zA-Z]+)")

MIXED_NUMBER = "holds with a whole number before a fraction read as a mixed number (1\\frac{1}{2} = 3/2)"
#: a whole number set before a proper fraction of whole numbers: 2\frac{1}{3}, a mixed number to a first
#: course and a product to a later one
#: (each argument braced or a bare digit, as \frac12 writes one half)
_MIXED = re.compile(r"(?<![\w.^_}\\])(\d+)\s*\\[dt]?frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d)(?!\d))")


def _mixed_numbers_hold(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted step holds once each whole number before a proper fraction is read as a
    mixed number (``1\\frac{1}{2} + 2\\frac{1}{3} = \\frac{23}{6}``): the product reading alone
    would make a slip of a correct line of school arithmetic. Asked of refuted steps only."""
    macros = options.get("macros")
    lhs, rhs = _macros_written_out(lhs, macros), _macros_written_out(rhs, macros)
    return _holds_rewritten(lhs, rhs, _as_mixed, relation, lambda v: v.status is not Status.REFUTED, **options)


def _macros_written_out(text: str, macros: Mapping[str, Macro] | None) -> str:
    """``text`` with the user's macros written out, for a reading that looks at the spelling of the source
    (a mixed number behind ``\\mixed{1}{1}{3}``); ``text`` itself when it calls none or cannot be read."""
    if not macros or "\\" not in text:
        return text
    try:
        tokens = tokenize(text)
        if not any(t.kind == "cmd" and t.text in macros for t in tokens):
            return text
        written = " ".join(t.text for t in expand_macros(tokens, macros))
    except ParseFailure:
        return text
    # the expansion keeps each argument's braces: {1}\tfrac{{1}}{{3}} is the mixed number 1\tfrac{1}{3}
    written = _DOUBLY_BRACED_NUMBER.sub(r"\1", written)
    return _BRACED_WHOLE.sub(r"\1", written)


#: a number in two pairs of braces, and one in braces before a fraction, as written-out macro arguments set them
_DOUBLY_BRACED_NUMBER = re.compile(r"\{\s*(\{\s*\d+\s*\})\s*\}")
_BRACED_WHOLE = re.compile(r"(?<![\w.^_}\\])\{\s*(\d+)\s*\}(?=\s*\\[dt]?frac)")


def _holds_rewritten(lhs: str, rhs: str, rewrite: Callable[[str], str], relation: str,
                     holds: Callable[[Verdict], bool], **options) -> bool:
    """Whether a refuted step ``holds`` once both sides are rewritten in another reading of the notation
    (mixed numbers, primes as transposes, per cent as a label); False when the rewriting changes nothing."""
    left, right = rewrite(lhs), rewrite(rhs)
    if (left, right) == (lhs, rhs):
        return False
    return holds(_check_step(left, right, relation, explain=False, **options))


def _as_mixed(text: str) -> str:
    """``text`` with each whole number before a proper fraction read as a mixed number."""
    def mixed(match: re.Match) -> str:
        whole, top, top_digit, bottom, bottom_digit = match.groups()
        top, bottom = top or top_digit, bottom or bottom_digit
        if int(top) >= int(bottom) or int(bottom) == 0:
            return match.group(0)
        return rf"\left({whole} + \frac{{{top}}}{{{bottom}}}\right)"
    return _MIXED.sub(mixed, text)


def _mixed_implication_holds(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro] | None,
                             identity: Callable[[str, str], Status]) -> bool:
    """Whether a refuted arrow (``2x = 5 \\Rightarrow x = 2\\tfrac{1}{2}``) is no longer refuted once
    each whole number before a proper fraction is read as a mixed number. Asked of refuted arrows only."""
    lhs, rhs = _macros_written_out(lhs, macros), _macros_written_out(rhs, macros)
    left, right = _as_mixed(lhs), _as_mixed(rhs)
    if (left, right) == (lhs, rhs):
        return False
    return implication.check_implication(left, right, relation, macros, identity).status is not Status.REFUTED


CONSTANT_AS_LETTER = "the document gives {name} a value ({where}): a letter of its own here, not the constant"
# the right sides that define the constant itself (e = \lim (1 + 1/n)^n, \pi = 4\sum ...) or state its
# value (e = 2.718...): the document still means the constant
_CONSTANT_DEFINED = re.compile(r"\\(?:lim|sum|prod|int|approx)(?![A-Za-z])|!|\b2\.71|\b3\.14")


def _constant_as_letter(refuted: "_Refuted") -> str:
    """Why a refuted step that writes e or \\pi may hold: the prose gives that letter a value (``let $e =
    x - x^*$`` for an error, ``a probability $\\pi = 0.5$``), so the step's e is that letter, whose value
    the step may use (``e^2 = 0.25``), not Euler's number; "" otherwise. Asked of refuted steps only."""
    letters = {item.name: item for item in refuted.context
               if item.kind == LETTER and not _CONSTANT_DEFINED.search(item.rhs)}
    if not letters:
        return ""
    try:
        parsed = parse_step(refuted.lhs, refuted.rhs, refuted.macros)
    except (ParseFailure, RecursionError):
        return ""
    for side in (parsed.lhs, parsed.rhs):
        for node in side.walk():
            item = letters.get(constant_as_letter(node))
            if item is not None and not _fails_with_value(refuted, item):
                return CONSTANT_AS_LETTER.format(name=item.name, where=f"{item.lhs} = {item.rhs} at {item.where}")
    return ""


# the constant as a letter in a step's text: \pi not part of a longer command, e not part of a word
_LETTER_TEXT = {"\\pi": re.compile(r"\\pi(?![A-Za-z])"), "e": re.compile(r"(?<![A-Za-z\\])e(?![A-Za-z])")}


def _fails_with_value(refuted: "_Refuted", item: ContextItem) -> bool:
    """Whether the step is refuted with the prose's value of the letter put in as well (the Fisher
    relation's inflation \\pi = 0.02 beside a slip): refuted with the constant, which as a letter is one
    more point, and with the value, the step holds under no reading of that letter."""
    pattern = _LETTER_TEXT.get(item.name)
    if pattern is None:
        return False
    value = f"({item.rhs})"
    lhs, rhs = pattern.sub(lambda _: value, refuted.lhs), pattern.sub(lambda _: value, refuted.rhs)
    return check_step(lhs, rhs, refuted.relation, macros=refuted.macros, seed=refuted.seed,
                      explain=False).status is Status.REFUTED


PRIME_TRANSPOSE = "holds with a prime read as a transpose (X'X, as regression courses write it)"
# a single prime on a letter, a brace or a bracket: x', \beta', \mathbf{y}', (y - X\beta)'
_PRIME = re.compile(r"(?<=[A-Za-z})\]])'(?!')")
# ... on a letter directly before another letter (X'X, y'\mathbf{1}, \beta'X'y): a product, where a
# derivative stands alone (f'(x), y' = 2x) or on a bracket ([t^3 t]' = (t^3)' t), never read so
# a prime on a bracket, or a derivative written out: the step does calculus, where u'v is u' times v
_DERIVATIVE_WRITTEN = re.compile(r"\\(?:partial|nabla|frac\s*\{\s*d)(?![A-Za-z])|\bd/d")
_PRIMED_CALCULUS = re.compile(r"[)\]]\s*'|" + _DERIVATIVE_WRITTEN.pattern)
_PRIME_PRODUCT = re.compile(r"(?<=[A-Za-z}])'(?!')\s*(?:[A-Za-z]|\\(?!left|right|end|cdot|times|quad|qquad)[A-Za-z])")


# the start of the reason of a step that holds in a reading only the prose can confirm (a symmetric A)
HOLDS_IN_A_READING = "holds if "
#: the reading of indexed vectors (u_1, ..., u_n) as an orthogonal basis, and its guess: a step verified
#: only so holds if the vectors are orthogonal, which only the prose can say
ORTHOGONAL = ("orthogonal",)
ORTHOGONAL_GUESS = "the indexed vectors orthogonal"
#: a step that holds in that reading, but whose sides both still pair different indexed vectors
ORTHOGONAL_ONLY = "holds if the indexed vectors are orthogonal (yet both sides still pair different ones)"


# the reasons a step gets when its primed letters are read as names of their own ((fg)' = f'g + fg'
# introduces f and g beside (fg)') or its primed group has no variable to differentiate by
_PRIMES_UNREAD = (*("introduces ", "needs the definition of "), "a prime on an expression", composition.COMPOSED)


def _read_again(lhs: str, rhs: str, options: dict) -> Parsed | None:
    """The step parsed for a reading tried after its verdict (None when it does not parse)."""
    try:
        return parse_step(lhs, rhs, options.get("macros") or {})
    except (ParseFailure, RecursionError):
        return None


def _primes_of_one_variable(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on an unverified step whose primes have no variable written (``(fg)' = f'g + fg'``)
    with its primed letters functions of one variable (see primed.py): verified where it holds with
    them all functions; unverified where it holds only with the letters never primed constants
    (``(cf)' = cf'``); refuted only where it fails both ways, primes an expression (a step that only
    primes letters may be naming new ones, ``x' = \\gamma(x - vt)``), did not read for its primes alone, and
    does not hold with the primes read as transposes. Otherwise ``verdict`` stands."""
    parsed = _read_again(lhs, rhs, options)
    reading = primed.prime_reading(parsed.lhs, parsed.rhs) if parsed is not None else None
    if reading is None:
        return verdict

    def read(constants: bool) -> Callable[[Parsed], Parsed]:
        return lambda p: reclassified(p, primed.as_functions(p.lhs, reading, constants),
                                      primed.as_functions(p.rhs, reading, constants))

    functions = _check_step(lhs, rhs, relation, reading=read(False), **options)
    names = ", ".join(sorted(reading.functions))
    names = f"{names} {'functions' if len(reading.functions) > 1 else 'a function'} of {reading.variable}"
    if functions.status is Status.VERIFIED:
        guess = f"{names}, primes derivatives"
        return replace(functions, guessed=tuple(sorted({*functions.guessed, guess})))
    if reading.unprimed:
        quiet = {**options, "explain": False}
        constants = _check_step(lhs, rhs, relation, reading=read(True), **quiet)
        if constants.status is Status.VERIFIED:
            held = ", ".join(sorted(reading.unprimed))
            held += " are constants" if len(reading.unprimed) > 1 else " is constant"
            return Verdict(Status.UNVERIFIED, f"{HOLDS_IN_A_READING}{held} (with {names}, primes "
                           "derivatives)", elapsed=functions.elapsed)
        if constants.status is not Status.REFUTED:
            return verdict
    if functions.status is Status.UNVERIFIED and functions.reason.startswith("depends on what"):
        return functions  # (fg)' = f'g': f and g are not names from elsewhere, but functions of x
    if functions.status is not Status.REFUTED or not (reading.groups or reading.compositions) \
            or not verdict.reason.startswith(_PRIMES_UNREAD):
        return verdict
    if _holds_rewritten(lhs, rhs, _transposed, relation, lambda v: v.status is Status.VERIFIED
                        or v.status is Status.UNVERIFIED and v.reason.startswith(HOLDS_IN_A_READING),
                        **{k: v for k, v in options.items() if k != "explain"}):
        return verdict  # (y - b)'(y - b): transposes, as statistics courses write them
    return functions


def _primes_beside_derivatives(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on an unverified step that primes letters beside derivatives written with their
    variable (``\\frac{d}{dx}(xy) = y + xy'``), with each primed letter a function of that variable and its
    prime the derivative by it (see primed.derivative_reading), as the step would read with ``\\frac{dy}{dx}``
    written: verified where it holds so; refuted only where a small edit explains the difference (a
    prime may still name a new letter, so a difference alone says nothing). Otherwise ``verdict`` stands."""
    parsed = _read_again(lhs, rhs, options)
    reading = primed.derivative_reading(parsed.lhs, parsed.rhs) if parsed is not None else None
    if reading is None:
        return verdict
    found = _check_step(lhs, rhs, relation, reading=lambda p: reclassified(
        p, primed.as_derivatives(p.lhs, reading), primed.as_derivatives(p.rhs, reading)), **options)
    names = ", ".join(sorted(reading.functions))
    variable = reading.variable.base
    if found.status is Status.VERIFIED:
        guess = f"{names} {'functions' if len(reading.functions) > 1 else 'a function'} of {variable}, " \
                f"primes derivatives by {variable}"
        return replace(found, guessed=tuple(sorted({*found.guessed, guess})))
    if found.status is Status.REFUTED and found.diagnosis is not None:
        return found
    return verdict


def _transposed(text: str) -> str:
    """``text`` with each prime written as a transpose."""
    return _PRIME.sub(r"^{\\top}", text)


def _primes_as_transposes_hold(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted step holds once each prime is read as a transpose: econometrics and R-based
    statistics courses write X'X, y'y and (X'X)^{-1}X'y, where y'X\\beta = \\beta'X'y is a scalar's
    transpose, not a slip. Only steps where a prime stands before another factor are read so (a
    derivative f'(x) stands alone). Asked of refuted steps only."""
    text = lhs + " " + rhs
    if "'" not in text or not _PRIME_PRODUCT.search(text) or _PRIMED_CALCULUS.search(text):
        return False
    # verified, not merely undecided: shapes the transposes leave open vouch for nothing; but "holds if
    # W is symmetric" is a reading that holds (a'Wb + b'Wa = 2a'Wb under a weight matrix the prose gives)
    return _holds_rewritten(lhs, rhs, _transposed, relation,
                            lambda v: v.status is Status.VERIFIED or v.status is Status.UNVERIFIED
                            and v.reason.startswith(HOLDS_IN_A_READING), **options)


# a prime on a capital, a Greek letter or a styled letter (X', \beta', \mathbf{y}'): regression courses'
# transposes, where calculus primes its functions f', u', y'
_PRIMED_MATRIX = re.compile(r"(?:(?<![A-Za-z\\])[A-Z]|\\[A-Za-z]+|\})'(?!')")


# \Phi applied to a bracket: the standard normal CDF of statistics courses, \Phi(1.96) = 0.975
_PHI_CALL = re.compile(r"\\Phi\s*(?:\\left\s*|\\big\s*|\\Big\s*)?\(")


def _normal_cdf_written(text: str) -> str:
    """``text`` with each ``\\Phi(x)`` written as the standard normal CDF, ``\\tfrac12(1 + erf(x/\\sqrt2))``;
    ``text`` itself when a bracket does not close."""
    for match in reversed(list(_PHI_CALL.finditer(text))):
        tokens = tokenize(text[match.end() - 1:])
        close = closing(tokens, 0)
        if close is None:
            return text
        end = match.end() - 1 + tokens[close].end
        argument = text[match.end():match.end() - 1 + tokens[close].start]
        argument = re.sub(r"\\(?:right|big|Big)\s*$", "", argument.rstrip())
        text = (text[:match.start()] + r"\left(\tfrac{1}{2}\left(1 + \operatorname{erf}\left(\frac{" + argument
                + r"}{\sqrt{2}}\right)\right)\right)" + text[end:])
    return text


def _verified_with_normal_cdf(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step about an undefined \\Phi that verifies with \\Phi the standard normal
    CDF (``1 - \\Phi(1.73) = 0.0418``, ``\\Phi(-z) = 1 - \\Phi(z)``); None otherwise. Verify-only: in other
    notes \\Phi is a potential or a flux, and a step that fails with the CDF says nothing of those."""
    if not (_PHI_CALL.search(lhs) or _PHI_CALL.search(rhs)):
        return None
    left, right = _normal_cdf_written(lhs), _normal_cdf_written(rhs)
    if "\\Phi" in left + right:
        return None  # \Phi not applied to a bracket somewhere: another quantity
    return _verified_as_written(left, right, relation, "\\Phi the standard normal CDF", **options)


def _verified_with_transposes(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that, with its primes read as letters of their own, introduces or
    drops names, and verifies with each prime a transpose (``(y - X\\beta)'(y - X\\beta) = y'y - 2\\beta'X'y
    + \\beta'X'X\\beta``); None otherwise. Only where a capital, Greek or styled letter is primed and no
    derivative is written; the transposes are a guess the verdict names."""
    text = lhs + " " + rhs
    if "'" not in text or not _PRIMED_MATRIX.search(text) or _DERIVATIVE_WRITTEN.search(text):
        return None
    return _verified_as_written(_transposed(lhs), _transposed(rhs), relation, "primes as transposes", **options)


#: how many of the independence statements in force (the nearest first) a step is tried under
INDEPENDENCE_TRIED = 3


def _verified_with_independence(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step of expectations that holds when the variables the prose states
    independent are (``E[XY] = E[X]E[Y]``, ``Var(\\sum_i X_i) = \\sum_i Var(X_i)``), naming the statement
    among its guesses; None otherwise. Verify-only: a step that fails in the product space may rest
    on another assumption (a zero mean, a distribution) the prose makes, and steps with
    conditional expectations are left alone (their space is another product)."""
    context = options.get("context", ())
    statements = [independence.decode(item.lhs, item.relation, item.rhs, item.where)
                  for item in context if item.kind == independence.KIND]
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    randomness = parsed.letters.randomness
    if not randomness.any_sensitive or randomness.conditioned or randomness.conditional_conflict:
        return None
    random_keys = randomness.default | randomness.bound
    tried = 0
    voided: set[str] = set()
    for statement in reversed(statements):
        if statement is None:
            continue
        named = {key for group in statement.groups for key in group}
        if statement.mode == independence.VOID:
            voided |= named  # "X and Y are not independent": what was stated of them above is over
            continue
        # a statement about other letters, or about one variable of the step alone, says nothing here
        if named & voided or not (len(named & random_keys) >= 2 or named & random_keys & statement.families):
            continue
        tried += 1
        if tried > INDEPENDENCE_TRIED:
            break

        def reading(step: Parsed, statement: independence.Independence = statement) -> Parsed:
            letters = replace(step.letters, randomness=replace(step.letters.randomness, independence=statement))
            return Parsed(step.lhs, step.rhs, letters)
        verdict = _verified_as_written(lhs, rhs, relation, statement.describe(), reading=reading, **options)
        if verdict is not None:
            return verdict
    return None


def _verified_as_written(left: str, right: str, relation: str, guess: str, **options) -> Verdict | None:
    """The verdict on the sides as another reading writes them, with that reading among its guesses,
    when it verifies; None otherwise (a verify-only reading refutes nothing)."""
    verdict = _check_step(left, right, relation, explain=False, **options)
    if verdict.status is not Status.VERIFIED:
        return None
    return replace(verdict, guessed=tuple(sorted({*verdict.guessed, guess})))


PERCENT_LABEL = "holds with % read as the label of a number already multiplied by 100 (0.25 \\times 100 = 25\\%)"
# a factor 100 written beside a product sign: the conversion of a fraction to per cent
_TIMES_HUNDRED = re.compile(r"(?:\\times|\\cdot|\*)\s*100(?![\d.])|(?<![\d.])100\s*(?:\\times|\\cdot|\*)")


def _percent_labels_hold(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted step holds once \\% is read as a label rather than a factor 1/100, on a side
    facing a product with 100 (``\\frac{30}{120} \\times 100 = 25\\%``): how statistics notes convert a
    proportion to per cent. Asked of refuted steps only."""
    sides = (lhs, rhs)
    if not any("\\%" in side for side in sides) \
            or not any("\\%" in side and _TIMES_HUNDRED.search(other) for side, other in (sides, sides[::-1])):
        return False
    return _holds_rewritten(lhs, rhs, lambda text: text.replace("\\%", ""), relation,
                            lambda v: v.status is Status.VERIFIED, **options)


DEGREES_LABEL = "holds with ^\\circ read as degrees of temperature (20 + 70 = 90^\\circ), not an angle in radians"
# a degree sign, bare or braced: 90^\circ, 90^{\circ}
_DEGREE_SIGN = re.compile(r"\^\s*(?:\\circ|\{\s*\\circ\s*\})")
# minutes of arc after the degrees (40^\circ 30'): an angle for sure
_ARC_MINUTES = re.compile(r"\\circ\s*\}?\s*\d+(?:\.\d+)?\s*'")


def _temperature_degrees_hold(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted step that writes a degree sign, and no trigonometric function (where only an
    angle makes sense), is no longer refuted once the sign is read as the label of a temperature
    (``T(0) = 20 + 70 = 90^\\circ``, as cooling laws and lab notes write it). Asked of refuted steps only."""
    text = lhs + " " + rhs
    if "\\circ" not in text or any(name in text for name in _TRIG_NAMES) or _ARC_MINUTES.search(text):
        return False
    return _holds_rewritten(lhs, rhs, lambda side: _DEGREE_SIGN.sub("", side), relation,
                            lambda v: v.status is not Status.REFUTED, **options)


TRAILING_ARGUMENT = "holds with the letters after a bracketed argument read into it (\\cos(a+b)t as \\cos((a+b)t))"
# a trigonometric function with a bracketed argument: signals courses write \cos(\omega_c+\omega_m)t for
# the cosine of (\omega_c+\omega_m)t, where the product reading takes the t out of the argument
_TRIG_BRACKET = re.compile(r"\\(?:sin|cos|tan|sinh|cosh|tanh)\s*(?:\\left\s*)?\(")
_TRIG_NAMES = frozenset({"\\sin", "\\cos", "\\tan", "\\sinh", "\\cosh", "\\tanh"})


def _trailing_arguments_hold(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted step holds once the letters written right after a trigonometric function's
    bracketed argument are read into it (``\\cos(\\omega_c+\\omega_m)t = \\cos(\\omega_c t+\\omega_m t)``), as
    signals and physics notes write a frequency times time. Asked of refuted steps only."""
    if not (_TRIG_BRACKET.search(lhs) or _TRIG_BRACKET.search(rhs)):
        return False
    try:
        return _holds_rewritten(lhs, rhs, _trailing_letters_read_in, relation,
                                lambda v: v.status is Status.VERIFIED, **options)
    except ParseFailure:
        return False


def _trailing_letters_read_in(text: str) -> str:
    """``text`` with each ``\\cos(X)t`` (and the other trigonometric functions) written ``\\cos((X)t)``:
    the letters (with their subscripts) that directly follow the closing bracket join the argument."""
    tokens = tokenize(text)
    edits: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.kind != "cmd" or token.text not in _TRIG_NAMES:
            continue
        opening = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == "\\left")
        close = closing(tokens, opening) if opening < len(tokens) and tokens[opening].text == "(" else None
        if close is None:
            continue
        end = _letters_end(tokens, close + 1)
        if end > tokens[close].end:
            edits.append((tokens[i + 1].start, end))
    for start, end in reversed(edits):  # later edits first, so earlier offsets still hold
        text = text[:start] + "(" + text[start:end] + ")" + text[end:]
    return text


def _letters_end(tokens: list[Token], k: int) -> int:
    """Where the run of letters (Latin or Greek, each with an optional subscript) from token ``k`` ends
    in the source; the start of token ``k`` when none follows unspaced."""
    end = tokens[k - 1].end
    while k < len(tokens) and not tokens[k].spaced and (
            tokens[k].kind == "letter" or tokens[k].kind == "cmd" and tokens[k].text[1:] in GREEK):
        end, k = tokens[k].end, k + 1
        if k + 1 < len(tokens) and tokens[k].text == "_":
            if tokens[k + 1].kind in ("letter", "num"):
                end, k = tokens[k + 1].end, k + 2
            elif tokens[k + 1].kind == "open":
                depth = 0
                for m in range(k + 1, len(tokens)):
                    depth += {"open": 1, "close": -1}.get(tokens[m].kind, 0)
                    if depth == 0:
                        end, k = tokens[m].end, m + 1
                        break
                else:
                    return end
    return end


CONDITION_FOLLOWS = "a condition follows the step (\\text{if } p_i = p): decided without it"
# a relation sign of a stated condition: =, \equiv, \le, <, \neq, \in ...
_CONDITION_SIGN = re.compile(r"=|<|>|\\(?:equiv|le|ge|leq|geq|neq|ne|in|to)(?![A-Za-z])")
# a bracketed condition after a space: \qquad (p_i = p), \quad [x > 0]
_BRACKETED_CONDITION = re.compile(r"(?:\\q?quad|\\[,;: ]|,|~)\s*(?:\\left)?[(\[]([^()\[\]]*)(?:\\right)?[)\]]"
                                  r"\s*[.,;]?\s*$")


def _condition_follows(lhs: str, rhs: str) -> bool:
    """Whether the right side ends in a stated condition with a relation of its own (``n\\log p \\quad
    \\text{if all } p_i = p``, ``, \\quad p_i = p``, ``\\qquad (p_i = p)``): the step holds under it, a
    substitution the check does not make. Asked of refuted steps only."""
    if not _CONDITION_SIGN.search(rhs):
        return False  # cheap gate: no relation sign at all
    bracket = _BRACKETED_CONDITION.search(rhs)
    if bracket is not None and _CONDITION_SIGN.search(bracket.group(1)) is not None:
        condition = bracket.group(1)
    elif find_relations(rhs, annotations=False):
        mark = _CONDITION_MARK.search(rhs)
        condition = rhs[mark.start():] if mark is not None else rhs
    else:
        return False
    # only a condition on the step's own letters (2 + 2 = 5 \quad \text{for } n = 1 stays wrong)
    return bool(_letters_of(condition) & _letters_of(lhs))


def _note_states_condition(step: str, note: str) -> bool:
    """Whether an annotation column beside the step (``&& (u = \\sin x)``, ``&& \\text{if } b = 0``,
    ``&& \\text{for $n = 1$}``) states a condition on a letter of the ``step`` (its two sides): as for a
    condition after the math (see _condition_follows), the step may hold under it, a substitution the
    check does not make."""
    if not _CONDITION_SIGN.search(note):
        return False
    # math set inside the words ($n = 1$), and letters named in them (\text{if all x > 0})
    inline = " ".join(re.findall(r"\$([^$]*)\$", note))
    words = {w for group in _TEXT_GROUP.findall(note) for w in re.findall(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])", group)}
    return bool((_letters_of(note) | _letters_of(inline) | words) & _letters_of(step))


_TEXT_GROUP = re.compile(r"\\(?:text|mbox|textrm)\s*\{([^{}]*)\}")


# where a condition after the math begins: a space, a comma, words
_CONDITION_MARK = re.compile(r"\\q?quad(?![A-Za-z])|\\(?:text|mbox|textrm)\s*\{|,|\\[;:]")
_NOT_LETTERS = re.compile(r"\\(?:text|mbox|textrm|mathrm|operatorname)\s*\{[^{}]*\}|\\(?:q?quad|left|right|"
                          r"equiv|leq?|geq?|neq?|in|to|forall|mid|cdot|times|frac|sum|prod|log|ln|exp)(?![A-Za-z])")


def _letters_of(text: str) -> set[str]:
    """The letters (x, \\theta) a piece of math mentions, without words and operator names."""
    return set(re.findall(r"\\[A-Za-z]+|[A-Za-z]", _NOT_LETTERS.sub(" ", text)))


EQUATION_SOLVED = "an equation that the row beside it rearranges or solves, not an identity"
MODULUS_IN_PROSE = "the prose works modulo a number just before this step: residues, not real numbers, not decided"
EQUATION_CLAUSE = "an equation in a chain of implications (=>, <=>): a condition to solve, not an identity"


def _solved_beside(lhs: str, rhs: str, rows: tuple[str, ...], macros: Mapping[str, Macro]) -> bool:
    """Whether the lone equation ``lhs = rhs`` is one that a row beside it rearranges or solves
    (``3x + 5 = x - 7`` over ``2x = -12``; ``3x^2 + 3y^2y' = 6y + 6xy'`` over ``y'(3y^2 - 6x) = ...``):
    their differences ``lhs - rhs`` are proportional, or, in one unknown, share a root. Rows that
    write their own left sides, one under the other, state equations, not identities. Asked of
    refuted steps only."""
    for k in range(0, len(rows) - 1, 2):
        for texts in {(lhs, rhs, rows[k], rows[k + 1]),
                      tuple(_PRIMED_BRACKET.sub(r"\\cdot ", t) for t in (lhs, rhs, rows[k], rows[k + 1]))}:
            try:
                mine = parse_math(rf"\left({texts[0]}\right) - \left({texts[1]}\right)", macros)
                other = parse_math(rf"\left({texts[2]}\right) - \left({texts[3]}\right)", macros)
                lowerer = Lowerer(Instance(3, {}, {}), classify_letters(mine, other))
                if equations.same_solutions(lowerer.lower(mine), lowerer.lower(other)):
                    return True
            except Exception:  # noqa: BLE001 - a row that cannot be read shows nothing
                continue
    return False


#: y'(3y^2 - 6x): in a row of implicit differentiation, the derivative times a bracket
_PRIMED_BRACKET = re.compile(r"(?<=')\s*(?=\(|\\left\()")


#: a level in decibels, 10 or 20 times a common logarithm
_DECIBELS = re.compile(r"(?<![\d.])[12]0\s*(?:\\cdot\s*)?\\log_\s*\{?\s*10\s*\}?")
#: a whole number of decibels (``-3``, ``6\,\mathrm{dB}``) ending a step
_WHOLE_DECIBELS = re.compile(r"\s*(-?\s*\d{1,2})\s*(?:\\[,;:!]|\\ |~)*\s*"
                             r"(?:\\(?:mathrm|text|textrm|rm)\s*\{\s*dB\s*\}|dB)?\s*")
ROUNDED_DECIBELS = "holds with the level in decibels rounded to whole dB"


def _rounded_decibels(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted ``20\\log_{10}\\frac{1}{\\sqrt 2} = -3`` holds with its whole number of
    decibels read as rounded (to a tenth of a dB: ``-3.0``): levels are quoted in whole dB, and the
    -3 dB of a corner frequency is -3.01. Asked of refuted steps only; the slip of 10 for 20 (-6 dB
    for -3) is off by far more."""
    if relation not in EQUALITY or not (_DECIBELS.search(lhs) or _DECIBELS.search(rhs)):
        return False
    for side, other, left in ((rhs, lhs, False), (lhs, rhs, True)):
        whole = _WHOLE_DECIBELS.fullmatch(side)
        if whole is None or not _DECIBELS.search(other):
            continue
        rounded = whole.group(1).replace(" ", "") + ".0"
        pair = (rounded, other) if left else (other, rounded)
        if _check_step(*pair, relation, explain=False, **options).status is Status.VERIFIED:
            return True
    return False


ROUNDED_TO_WHOLE = "a number rounded up or down to a whole one (a count: n = 216.09 = 217)"
#: a side that is only a written decimal, or a whole number, with a sign at most
_WRITTEN_DECIMAL = re.compile(r"\s*-?\s*\d+\.\d+\s*")
_WRITTEN_WHOLE = re.compile(r"\s*-?\s*\d+\s*")


def _rounds_to_whole(lhs: str, rhs: str) -> bool:
    """Whether a refuted step only rounds a written decimal to a neighbouring whole number, up or down
    (``216.09 = 217``): a sample size, a number of buses or of whole years is rounded up, a number of
    whole items that fit down, and notes write that last line of a computation with "=". Nothing is
    computed in such a step, so there is no slip of arithmetic to miss but a misread count. Asked of
    refuted steps only."""
    if not _WRITTEN_DECIMAL.fullmatch(lhs) or not _WRITTEN_WHOLE.fullmatch(rhs):
        return False
    value, whole = Fraction(lhs.replace(" ", "")), Fraction(rhs.replace(" ", ""))
    return value.denominator != 1 and math.floor(value) <= whole <= math.ceil(value)


ROUNDED_VALUE_PUT_IN = "holds with a number put in for a part of the line before, rounded (5\\sqrt{2} = 5(1.4))"
#: a decimal written somewhere in a side: the cheap test before any parsing
_WRITTEN_DECIMAL_IN = re.compile(r"\d\.\d")


def _puts_in_rounded_value(lhs: str, rhs: str, relation: str, **options) -> bool:
    """Whether a refuted step only puts in, for parts of the left side without letters (``e^{-1}``,
    ``(1.05)^{10}``, ``\\frac{8}{6}``), decimals that are their values rounded to the digits written
    (``12(1 - e^{-1}) = 12(1 - 0.37)``): worked examples carry a value rounded to two digits into the
    next line, and the step then differs by that rounding, however short the decimal (which
    ``decimal_tolerance`` reads as data when it stands inside a side). It must hold with the parts put
    back for the numbers; a part replaced by a number it does not round to is still refuted. Asked of
    refuted steps only."""
    if not _WRITTEN_DECIMAL_IN.search(rhs):
        return False
    try:
        left, right = parse_math(lhs, options["macros"]), parse_math(rhs, options["macros"])
    except (ParseFailure, RecursionError):
        return False
    pairs = _differences(left, right)
    if not pairs or len(pairs) > MAX_ROUNDED_PARTS or not all(_rounded_part(p, lhs, rhs) for p in pairs):
        return False
    restored = rhs
    for part, number in sorted(((p, _inside_brackets(q)) for p, q in pairs), key=lambda x: -x[1].start):
        restored = f"{restored[:number.start]}{{({lhs[part.start:part.end]})}}{restored[number.end:]}"
    return _check_step(lhs, restored, relation, explain=False, **options).status is Status.VERIFIED


MAX_ROUNDED_PARTS = 4  # \sqrt 2 + \sqrt 3 = 1.4 + 1.7; more is a line computed afresh, not parts put in


def _rounded_part(pair: tuple[n.Node, n.Node], lhs: str, rhs: str) -> bool:
    """Whether the right node of a pair is a decimal written for the left one, a part without letters
    that is not itself a number (one number for another is a slip of copying), rounded to its digits."""
    part, number = pair[0], _inside_brackets(pair[1])
    if not isinstance(number, n.Num) or "." not in number.value or rhs[number.start:number.end].strip() != number.value:
        return False
    if isinstance(_inside_brackets(part), (n.Num, n.Repeating)) or any(isinstance(x, (n.Sym, n.Apply)) for x in part.walk()):
        return False
    value = side_value(part)
    # a thousandth more than the half unit: the value is a float, and 0.125 rounds to 0.13 (or 0.12)
    return value is not None and \
        abs(Fraction(str(value)) - Fraction(number.value)) <= _half_unit(number) * Fraction(1001, 1000)


def _inside_brackets(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren):
        node = node.inner
    return node


def _differences(left: n.Node, right: n.Node) -> list[tuple[n.Node, n.Node]]:
    """The smallest pairs of subtrees outside which two trees are alike (their nodes' own fields, such as
    signs, aside: ``_puts_in_rounded_value`` checks the step again with the parts put back)."""
    if n.structure(left) == n.structure(right):
        return []
    a, b = left.children(), right.children()
    if type(left) is not type(right) or isinstance(left, n.Num) or len(a) != len(b) \
            or (isinstance(left, n.Paren) and isinstance(_inside_brackets(right), n.Num)):
        return [(left, right)]
    return [pair for x, y in zip(a, b) for pair in _differences(x, y)]


def _both_signs(lhs: str, rhs: str, relation: str, **options) -> Verdict:
    """A step with \\pm (and \\mp, the other sign) holds as an identity when it holds with the upper
    signs and with the lower ones. Anything else is left unverified: the same \\pm also writes the
    two roots of an equation (x = \\pm\\sqrt{a}), where one sign at a time is meant."""
    verdict = None
    for upper in (True, False):
        verdict = _check_step(with_signs(lhs, upper), with_signs(rhs, upper), relation, explain=False, **options)
        if verdict.status is Status.REFUTED:
            which = "upper" if upper else "lower"
            return Verdict(Status.UNVERIFIED, f"\\pm: fails with the {which} signs (one root of an equation?)")
        if verdict.status is not Status.VERIFIED:
            return verdict  # undecided with this sign: the other one cannot make it an identity
    return verdict


def _operator_refusal(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> str | None:
    """Why a refuted step is not an error when it rests on reading an operator as a product: a star
    (``x * y = x + y + xy`` defines a group's law, ``a * e = a`` uses one; as a product the star can
    only be confirmed), or a delta written both before a bracket and before a letter (``\\delta(xy) =
    x\\,\\delta y + y\\,\\delta x`` a variation, ``\\Delta(xy)`` a finite difference). Only refuted steps
    get here, so no other step pays for it."""
    try:
        trees = [parse_math(lhs, macros), parse_math(rhs, macros)]
    except (ParseFailure, RecursionError):
        return None
    if reads_star_product(*trees):
        return STAR_OPERATION
    nodes = [x for tree in trees for x in tree.walk()]
    # (delta, a letter it is applied to inside a bracket) and (delta, the letter it stands before): a
    # parameter (Huber's delta(|u| - delta/2) = delta|u| - ...) stands before no letter of its bracket
    applied = {(x.func.base, y.base) for x in nodes if isinstance(x, n.Apply) and isinstance(x.func, n.Sym)
               and x.func.base in DELTA_OPERATORS and not x.func.indices and x.bracket == "("
               for y in x.walk() if isinstance(y, n.Sym) and y is not x.func}
    before = {(f.base, g.base) for x in nodes if isinstance(x, n.Mul) for f, g in zip(x.factors, x.factors[1:])
              if isinstance(f, n.Sym) and f.base in DELTA_OPERATORS and not f.indices and isinstance(g, n.Sym)}
    if applied & before:
        return DELTA_OPERATOR
    if _arithmetic_sigma(nodes):
        return ARITHMETIC_SIGMA
    if refusals.dispersion_sigma(nodes) or refusals.variable_subscript(nodes):
        return DISPERSION_OF_VARIABLE
    return CONDITION_DROPPED if _conditions_differ(nodes) else None


def _arithmetic_sigma(nodes: list[n.Node]) -> bool:
    """Whether sigma is applied to a whole number (``\\sigma(6) = 1 + 2 + 3 + 6``): in number theory
    the sum of divisors, which the sigmoid this checker reads sigma as (in (0, 1)) never matches."""
    return any(isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base == "\\sigma"
               and not x.func.indices and len(x.args) == 1 and isinstance(x.args[0], n.Num)
               and x.args[0].value.isdigit() for x in nodes)


#: functions whose argument is a phase that notes write as a letter times a bracket, \sin k(x + ct)
_WAVE_FUNCTIONS = frozenset({"sin", "cos", "tan", "sinh", "cosh", "tanh", "exp"})


def _reach_point(x: n.Node) -> int:
    """In a product, the position of a function whose bare argument is a number or a fraction and
    that a bracket or a sum follows (``\\log\\frac{1}{N}\\sum_i e^{x_i}``, ``\\log\\frac{1}{2}(a + b)``), or
    a letter that a bracketed letter follows at once (``\\log r(y)``), or
    of a log of a bracket with a power that more factors follow (``\\log(2\\pi e)^d |\\Sigma|``); -1 if
    none. Read as written the function stops at the fraction (or the bracket); the author may mean
    the log of the mean (of the product)."""
    if not isinstance(x, n.Mul):
        return -1
    for k, (f, g) in enumerate(zip(x.factors, x.factors[1:])):
        if not isinstance(f, n.Func) or len(f.args) != 1 or x.ops and x.ops[k] != "":
            continue  # \log 2 \cdot (x + 1) says where the log ends
        if f.power is None and f.end == f.args[0].end and isinstance(f.args[0], (n.Num, n.Div)) \
                and isinstance(g, (n.Paren, n.BigOp)):
            return k
        if f.power is None and f.end == f.args[0].end == g.start and isinstance(f.args[0], n.Sym) \
                and isinstance(g, n.Paren) and (isinstance(g.inner, n.Sym) or f.name in _WAVE_FUNCTIONS):
            # \log r(y): the log of r, times y, or the log of r(y), as r(y) reads elsewhere; and a wave's
            # phase, \sin k(x - ct), \cos\omega(t - x/c), whose letter multiplies the bracket inside the sine
            return k
    for k, f in enumerate(x.factors[:-1]):
        if isinstance(f, n.Pow) and isinstance(f.base, n.Func) and f.base.name in ("log", "ln") \
                and len(f.base.args) == 1 and isinstance(f.base.args[0], n.Paren) and (not x.ops or x.ops[k] == ""):
            return k  # \log(2\pi e)^d |\Sigma|: the log of a product, or (\log 2\pi e)^d times |\Sigma|
    return -1


def _reached(tree: n.Node) -> n.Node:
    """``tree`` with each such function reaching over the factors after it."""
    def reach(x: n.Node) -> n.Node:
        k = _reach_point(x)
        if k < 0:
            return x
        f = x.factors[k]
        ops = x.ops or ("",) * (len(x.factors) - 1)
        if isinstance(f, n.Pow):  # (\log(a))^d b read as \log(a^d b)
            f, first = f.base, replace(f, base=f.base.args[0])
        else:
            first = f.args[0]
        inner = n.Mul(first.start, x.end, (first, *x.factors[k + 1:]), x.explicit, ops[k:])
        wide = replace(f, end=x.end, args=(inner,))
        if k == 0:
            return wide
        return replace(x, factors=(*x.factors[:k], wide), ops=ops[:k])
    return n.map_nodes(tree, reach)


def _function_reach(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step holds, or is not refuted, with a function reaching over the bracket or
    sum after its bare fraction (see _reach_point). Only refuted steps get here."""
    if relation not in EQUALITY | INEQUALITY or not any(token in lhs + rhs for token in ("\\log", "\\ln", "\\exp", "\\sin", "\\cos")):
        return False
    try:
        trees = [parse_math(lhs, macros), parse_math(rhs, macros)]
    except (ParseFailure, RecursionError):
        return False
    if not any(_reach_point(x) >= 0 for tree in trees for x in tree.walk()):
        return False
    try:
        left, right = _reached(trees[0]), _reached(trees[1])
        outcome, _ = Comparator(Parsed(left, right, classify_letters(left, right)), relation, seed).decide()
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 -- a reading that cannot be built refutes nothing
        return True
    return outcome.kind != "differ"


def _conditions_differ(nodes: list[n.Node]) -> bool:
    """``p(x_t | x_{t-1}) = p(x_t | x_{t-1}, x_{t-2})``: the same distribution of the same variables,
    one conditioned on more than the other, states a conditional independence (a Markov property,
    naive Bayes), an assumption of the notes rather than an identity."""
    conditionals = [x for x in nodes if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.given >= 0]
    for a, b in itertools.combinations(conditionals, 2):
        if a.func.base != b.func.base or a.given != b.given:
            continue
        if [n.structure(x) for x in a.args[:a.given]] != [n.structure(x) for x in b.args[:b.given]]:
            continue
        given_a = {n.structure(x) for x in a.args[a.given:]}
        given_b = {n.structure(x) for x in b.args[b.given:]}
        if given_a != given_b and (given_a <= given_b or given_b <= given_a):
            return True
    return False


def _states_symmetry(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether the right side is the left with two letters exchanged, where the letters are the
    arguments of functions or indices and each side a product (pi(x) P(x, y) = pi(y) P(y, x),
    pi_i P_{ij} = pi_j P_{ji}): such a step states a symmetry of what it names, a condition.
    Plain arithmetic (a - b = b - a) is not one."""
    try:
        left, right = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return False
    def said(tree: n.Node) -> tuple:  # what a side says, with where its conditioning bars stand
        return n.structure(tree), tuple(x.given for x in tree.walk() if isinstance(x, n.Apply))

    target, written = said(right), said(left)
    if target == written or not all(isinstance(side, n.Mul) for side in (left, right)):
        return False  # f(x) - f(y) = f(y) - f(x) is a sign slip, AB = BA a claim: a product is stated
    inner = set()  # letters standing as arguments or indices
    for tree in (left, right):
        for node in tree.walk():
            items = node.args if isinstance(node, n.Apply) else node.indices if isinstance(node, n.Sym) else ()
            inner.update(x.base for item in items for x in item.walk()
                         if isinstance(x, n.Sym) and not x.indices and not x.style)
    for a, b in itertools.combinations(sorted(inner), 2):
        swap = {a: b, b: a}
        swapped = n.map_nodes(left, lambda x: replace(x, base=swap[x.base])
                              if isinstance(x, n.Sym) and x.base in swap and not x.style else x)
        if said(swapped) == target:
            return True
    return False


@dataclass(frozen=True)
class _Refuted:
    """A refuted step with what it was decided with: what the conventions below are asked of."""

    lhs: str
    rhs: str
    relation: str
    macros: Mapping[str, Macro]
    first: bool
    seed: int
    context: tuple[ContextItem, ...]
    indefinite: bool
    rows: tuple[str, ...]
    clause: bool
    derived: bool
    verdict: Verdict
    modular_prose: bool = False

    @property
    def options(self) -> dict:
        """The options to decide a rewritten form of the step with, as it was decided."""
        return dict(macros=self.macros, first=self.first, seed=self.seed, context=self.context,
                    indefinite=self.indefinite)


#: Conventions under which a refuted step may hold after all: the reason for leaving it unverified,
#: and whether the convention applies (a check that words its own reason returns it). They are asked
#: in this order, of refuted steps only, so that no other step pays for them.
MU_AS_MEAN = "holds if \\mu is the mean of the summed data, as the prose may define it"


DETERMINANT_BARS = ("differs with |A| read as an absolute value; read as the determinant of a matrix A "
                    "(|\\Sigma|, |2\\pi\\Sigma|, as statistics and machine learning write it) it is not refuted: "
                    "not decided")


def _matrix_letter(node: n.Node, heads: set[int]) -> bool:
    """A capital that may name a matrix: a Latin capital or a Greek one (\\Sigma_k, \\mathbf{K}), not the
    head of an application (|F(x)| is the size of a value)."""
    if not isinstance(node, n.Sym) or id(node) in heads or node.primes:
        return False
    letter = node.base[1:] if node.base.startswith("\\") else node.base
    return letter.isalpha() and letter[:1].isupper() and (len(letter) == 1 or node.base.startswith("\\"))


def _bars_as_determinants(tree: n.Node) -> n.Node:
    """``tree`` with each |X| around a capital read as the size of X's determinant, |det X| (the bars of
    Gaussian densities, |\\Sigma|^{-1/2}; taken absolute so that log|\\Sigma| of a random matrix is
    defined, which changes no identity of determinants the notes write: |AB| = |A||B|, |cA| = |c|^n|A|)."""
    def visit(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Abs):
            return None
        inner = _bars_as_determinants(node.inner)
        heads = {id(x.func) for x in inner.walk() if isinstance(x, n.Apply)}
        if any(_matrix_letter(x, heads) for x in inner.walk()):
            return n.Abs(node.start, node.end, n.Func(node.start, node.end, "det", (inner,)))
        return n.Abs(node.start, node.end, inner)
    return n.rebuild(tree, visit)


def _determinant_bars_hold(refuted: "_Refuted") -> bool:
    """Whether a refuted step with bars around a capital (\\log|2\\pi\\Sigma| = d\\log 2\\pi + \\log|\\Sigma|)
    holds, or holds at one size of matrix, once the bars are determinants: the capital, which nothing else
    in the step need mark, is then a covariance or a Gram matrix, and the scalar reading's refutation
    rests on a guess of its shape. Asked of refuted steps only."""
    if refuted.relation not in EQUALITY:
        return False
    parsed = _read_again(refuted.lhs, refuted.rhs, refuted.options)
    if parsed is None or (_bars_as_determinants(parsed.lhs), _bars_as_determinants(parsed.rhs)) \
            == (parsed.lhs, parsed.rhs):
        return False
    verdict = _check_step(refuted.lhs, refuted.rhs, refuted.relation, explain=False, reading=lambda step: reclassified(
        step, _bars_as_determinants(step.lhs), _bars_as_determinants(step.rhs)), **refuted.options)
    return verdict.status is Status.VERIFIED or verdict.status is Status.UNVERIFIED \
        and verdict.reason.startswith((SIZE_DEPENDENT, HOLDS_IN_A_READING))


_CONVENTIONS: tuple[tuple[str, Callable[[_Refuted], bool | str | None]], ...] = (
    (modular.MODULUS_ELSEWHERE, lambda s: modular.modulus_elsewhere(s.lhs, s.rhs, s.relation)),
    # 25 = 4 in a chain working modulo 7, as the prose says: an equation of residues
    (MODULUS_IN_PROSE, lambda s: s.modular_prose and s.relation in EQUALITY
     and not modular.has_letters(s.lhs + " " + s.rhs)),
    (LIST_ON_LEFT, lambda s: _list_on_left(s.lhs, s.macros)),
    (ORDER_TERM, lambda s: _order_terms(s.lhs, s.rhs, s.macros)),
    (MIXED_NUMBER, lambda s: _mixed_numbers_hold(s.lhs, s.rhs, s.relation, **s.options)),
    (FIRST_PRINCIPLES, lambda s: s.first and s.relation == "=" and _first_principles(s.lhs, s.rhs)),
    (PRIME_TRANSPOSE, lambda s: _primes_as_transposes_hold(s.lhs, s.rhs, s.relation, **s.options)),
    (CONSTANT_AS_LETTER, _constant_as_letter),
    (PERCENT_LABEL, lambda s: _percent_labels_hold(s.lhs, s.rhs, s.relation, **s.options)),
    (TRAILING_ARGUMENT, lambda s: _trailing_arguments_hold(s.lhs, s.rhs, s.relation, **s.options)),
    (DEGREES_LABEL, lambda s: _temperature_degrees_hold(s.lhs, s.rhs, s.relation, **s.options)),
    (CONDITION_FOLLOWS, lambda s: s.relation in EQUALITY and _condition_follows(s.lhs, s.rhs)),
    (EQUATION_SOLVED, lambda s: bool(s.rows) and s.relation == "="
     and _solved_beside(s.lhs, s.rhs, s.rows, s.macros)),
    # only an equation of numbers (2 + 2 = 5 => ...) is wrong whatever its letters stand for, and only
    # as a premise: one an arrow leads to (... => 3 = 1) is the contradiction of an equation without solution
    (EQUATION_CLAUSE, lambda s: s.clause and s.relation in EQUALITY and (bool(s.verdict.counterexample)
                                                                      or s.derived)),
    (ROUNDED_DECIBELS, lambda s: _rounded_decibels(s.lhs, s.rhs, s.relation, **s.options)),
    (ROUNDED_TO_WHOLE, lambda s: s.relation == "=" and _rounds_to_whole(s.lhs, s.rhs)),
    (ROUNDED_VALUE_PUT_IN, lambda s: s.relation == "="
     and _puts_in_rounded_value(s.lhs, s.rhs, s.relation, **s.options)),
    (CASES_AT_INTEGERS, lambda s: _cases_hold_at_integers(s.lhs, s.rhs, s.relation, s.macros, s.seed)),
    ("", lambda s: _operator_refusal(s.lhs, s.rhs, s.macros)),
    (FUNCTION_REACH, lambda s: _function_reach(s.lhs, s.rhs, s.relation, s.macros, s.seed)),
    # pi(x) P(x, y) = pi(y) P(y, x): the sides exchange two letters, a condition the step states
    # (detailed balance, a symmetric kernel), which no value of unknown functions refutes
    (SYMMETRY_STATED, lambda s: _states_symmetry(s.lhs, s.rhs, s.macros)),
    # log|2\pi\Sigma| = 2\log 2\pi + \log|\Sigma|: bars around a capital are a determinant as often as a size
    (DETERMINANT_BARS, _determinant_bars_hold),
)


MEAN_PUT_IN = "a mean of the {} replaced by a quantity the prose defines (its mean?): not decided"

#: the letters that notes subtract from data as their sample mean as often as their population mean
MEAN_LETTERS = ("\\mu",)


def _holds_with_mu_as_mean(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step holds with a plain ``\\mu`` taken as the mean of a family its sums run
    over (``\\frac1m\\sum_i (x^{(i)} - \\mu)(x^{(i)} - \\mu)^T = \\frac1m\\sum_i x^{(i)}x^{(i)T} - \\mu\\mu^T``):
    whether mu is that sample mean or E[x] only the prose says, so the step is not refuted; unlike
    x-bar (implied_means) it is not verified either."""
    if relation not in EQUALITY or "\\mu" not in lhs + rhs or "\\sum" not in lhs + rhs:
        return False
    texts = (lhs, rhs)
    try:
        trees = [parse_math(text, macros) for text in texts]
    except (ParseFailure, RecursionError):
        return False
    if not any(isinstance(x, n.Sym) and x.base in MEAN_LETTERS and not x.indices and not x.style and not x.labels
               for tree in trees for x in tree.walk()):
        return False
    for text, tree in zip(texts, trees):
        for op in tree.walk():
            if not (isinstance(op, n.BigOp) and op.kind == "sum" and op.lo is not None and op.hi is not None
                    and not op.extra_vars):
                continue
            members = [x for x in op.body.walk() if isinstance(x, n.Sym) and x.base not in MEAN_LETTERS
                       and len(x.indices) == 1 and isinstance(x.indices[0], n.Sym) and x.indices[0].base == op.var]
            if not members:
                continue
            mean = _mean_over(text, op, text[members[0].start:members[0].end])
            for letter in MEAN_LETTERS:
                item = ContextItem("result", letter, letter, "=", mean, "", 0)
                held = holds_by_definitions(lhs, rhs, relation, macros, seed, (item,))
                if held is not None and held.status is Status.VERIFIED:
                    return True
            return False  # the first summed family only: one guess, not a search for a rescue
    return False


def _mean_put_in(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> str:
    """The reason for a refuted step that drops a mean of a family of data (see _dropped_family_sums),
    or "" for another step; a cheap text test first, as refuted steps alone come here."""
    if "\\sum" not in lhs:
        return ""
    try:
        left, right = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    dropped = refusals.dropped_family_sums(left, right)
    return MEAN_PUT_IN.format(", ".join(sorted(dropped))) if dropped else ""


def _mean_over(text: str, op: n.BigOp, member: str) -> str:
    """The mean of ``member`` over the range ``op`` sums it over, its bounds as ``text`` writes them."""
    lo, hi = text[op.lo.start:op.lo.end], text[op.hi.start:op.hi.end]
    return rf"\frac{{1}}{{({hi})-({lo})+1}}\sum_{{{op.var}={lo}}}^{{{hi}}} {member}"


def implied_means(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> tuple[ContextItem, ...]:
    """``\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i`` for an ``\\bar{x}`` of a step that also sums the
    ``x_i`` from 1 to n (the bounds as written), as a weak definition: it may rescue the step, never
    refute it."""
    trees = []
    for text in (lhs, rhs):
        try:
            trees.append((text, parse_math(text, macros)))
        except (ParseFailure, RecursionError):
            return ()
    bars = {x.base for _, tree in trees for x in tree.walk()
            if isinstance(x, n.Sym) and x.style == "bar" and not x.indices}
    means: dict[str, ContextItem] = {}  # each barred letter its own mean (x-bar and y-bar of a covariance)
    for text, tree in trees:
        for op in tree.walk():
            if not (isinstance(op, n.BigOp) and op.kind == "sum" and op.lo is not None and not op.extra_vars):
                continue
            for base in sorted(bars - set(means)):
                if any(isinstance(x, n.Sym) and x.base == base and not x.style and len(x.indices) == 1
                       and isinstance(x.indices[0], n.Sym) and x.indices[0].base == op.var for x in op.body.walk()):
                    mean = _mean_over(text, op, f"{base}_{{{op.var}}}")
                    means[base] = ContextItem("result", base, rf"\bar{{{base}}}", "=", mean, "", 0)
    return tuple(means[base] for base in sorted(means))


#: the reasons of a step that differs through a name whose value the document may state elsewhere
NAMES_ELSEWHERE = ("introduces ", "needs the definition of ", "the right side no longer mentions ")


def _stated_values(context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...]:
    """The values in force that may verify a step written with their names (``m = \\sum_i y_i`` above
    ``\\frac{m}{n} = \\frac1n \\sum_i y_i``, also stated inline in the prose): expressions only, since a
    number (``x = 2`` of an example) would verify any wrong identity at that point."""
    return tuple(item for item in context
                 if item.kind in ("define", "result") and modular.has_letters(item.rhs))


def _example_value_used(verdict: Verdict, context: tuple[ContextItem, ...]) -> str:
    """Why a refutation that rests on a value of numbers which replaced a definition with letters is no
    error (\\gamma = 10.0 of a worked example after \\gamma = 1/\\sqrt{1 - \\beta^2}, then a general
    step in \\beta): the value holds at the example's point only, and which definition the step means
    (the latest or an earlier one, of which only the last is kept) is the prose's; "" otherwise."""
    replaced = {item.name for item in context if item.kind == EARLIER}
    for item in context:
        if item.kind in ("define", "result") and item.name in replaced and not modular.has_letters(item.rhs) \
                and f"{' '.join(item.lhs.split())} defined at {item.where}" in verdict.definitions:
            return (f"differs with {item.name} = {item.rhs.strip()} (defined at {item.where}), a worked example's "
                    "value that replaced a definition with letters: not decided")
    return ""


def holds_by_definitions(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                         context: tuple[ContextItem, ...]) -> Verdict | None:
    """A verified verdict when the step holds with every definition in force substituted, else None."""
    if relation not in EQUALITY:
        return None
    try:
        parsed = parse_step(lhs, rhs, macros)
        definitions = parse_definitions(context, macros, ("define", "result"))
        # a letter the step differentiates by is a variable there (d/d\\beta of \\gamma\\beta beside
        # \\beta = v/c): its definition put in would leave a derivative by a constant
        variables = {var.base for tree in (parsed.lhs, parsed.rhs) for node in tree.walk()
                     if isinstance(node, n.Deriv) for var, _ in node.wrt if isinstance(var, n.Sym)}
        definitions = [d for d in definitions if d.head.base not in variables]
        left, used_l = substitute(parsed.lhs, definitions)
        right, used_r = substitute(parsed.rhs, definitions)
    except (ParseFailure, RecursionError):
        return None
    if not used_l and not used_r:
        return None
    substituted = reclassified(parsed, left, right)
    comparator = Comparator(substituted, relation, seed, assumptions(context))
    outcome, guessed = comparator.decide()
    where = tuple(sorted({f"{' '.join(d.item.lhs.split())} defined at {d.item.where}" if d.item.where
                          else f"{d.item.lhs} as the mean" for d in used_l + used_r}))
    if outcome.kind != "equal":
        if outcome.kind == "differ" and _counts_with(substituted) and _holds_at_integers(comparator, strict=True):
            # \omega^{Nn} = 1 with \omega = e^{-2\pi i/N}: the definition makes the step hold where n
            # counts, as it does in the DFT, though not at the real points sampled
            return Verdict(Status.UNVERIFIED, f"holds with {', '.join(where)} where the letters are integers "
                           "(n, k counting?)", definitions=where)
        if outcome.kind == "undecided" and outcome.reason.startswith(("too slow", "undefined at the sampled")):
            # (\psi^{n+1} with \psi = (1 - \sqrt 5)/2 put in has no real value at the real n sampled)
            # an error is claimed only if the step also fails with the definitions put in; a
            # comparison that could not say so (too slow, undefined at the points) claims nothing
            return Verdict(Status.UNVERIFIED, f"not decided with {', '.join(where)} put in: {outcome.reason}",
                           definitions=where)
        return None
    special = _special_values(parsed, used_l + used_r)
    if not special and _special_values(parsed, used_l + used_r, partial=True):
        # K defined in a display beside "at equilibrium $Q = K$": the step may hold by the case alone
        # (-RT\ln K + RT\ln Q = RT\ln(K/Q)); only if it holds without the case is it verified by them
        cases = {id(d) for d in _special_definitions(parsed, used_l + used_r)}
        general = [d for d in definitions if id(d) not in cases]
        again = Comparator(reclassified(parsed, substitute(parsed.lhs, general)[0], substitute(parsed.rhs, general)[0]),
                           relation, seed, assumptions(context))
        if again.decide()[0].kind != "equal":
            special = _special_values(parsed, used_l + used_r, partial=True)
    if special:
        # "the unit step ($a = 1$)": a number the prose gives a letter for one case, while the step
        # still writes the letter on both sides, as a general identity; that it holds at the case says
        # nothing of the identity, so the step is not verified (nor refuted: the case may be meant)
        return Verdict(Status.UNVERIFIED, f"holds only with {special} given in the prose", definitions=where)
    return Verdict(Status.VERIFIED, outcome.reason, guessed=guessed, definitions=where)


def _special_values(parsed: Parsed, used: list[Definition], partial: bool = False) -> str:
    """The prose's numeric values (``$a = 1$``) among ``used`` whose letter both sides of the step
    still write, as ``a = 1``; "" when the step holds by something else as well (unless ``partial``:
    when some of ``used`` are such values, whatever the others)."""
    special = _special_definitions(parsed, used)
    if not special or len(special) != len(used) and not partial:
        return ""
    return ", ".join(sorted({f"{d.item.lhs} = {d.item.rhs}" for d in special}))


def _special_definitions(parsed: Parsed, used: list[Definition]) -> list[Definition]:
    """The definitions of ``used`` that _special_values names."""
    def writes(side: n.Node, base: str) -> bool:
        return any(isinstance(x, n.Sym) and x.base == base and not x.indices for x in side.walk())
    # a lone letter as the value is a condition of one case as often ("at equilibrium $Q = K$"): the
    # step that writes Q on both sides holds there only, as the one that writes a at $a = 1$ does
    special = [d for d in used if d.item.prose and not d.function and not d.head.indices
               and (isinstance(d.body, n.Num) or isinstance(d.body, n.Sym) and d.body.base != d.head.base)
               and writes(parsed.lhs, d.head.base) and writes(parsed.rhs, d.head.base)]
    return special


UNITS_DIFFER = "different units on the two sides: not converted, not compared"
UNITS_ONE_SIDE = "a unit given on one side only: the numbers differ, not compared"
UNITS_UNSURE = "the step's units are not compared as factors (one kind of quantity in two units, or a unit " \
    "on some terms only)"


def _check_step(lhs: str, rhs: str, relation: str, *, macros: Mapping[str, Macro] | None = None,
                first: bool = False, seed: int = 0, explain: bool = True,
                context: tuple[ContextItem, ...] = (), indefinite: bool = False,
                reading: Callable[[Parsed], Parsed] | None = None, chain: tuple[str, ...] = ()) -> Verdict:
    verdict = _check_read_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                               context=context, indefinite=indefinite, reading=reading, chain=chain)
    if verdict.status is not Status.REFUTED:
        return verdict
    reason = _units_uncompared(lhs, rhs, relation, macros or {}, seed)
    return Verdict(Status.UNVERIFIED, reason, elapsed=verdict.elapsed) if reason else verdict


def _unit_reading(parsed: Parsed) -> Parsed | str:
    """A step with physical units (see parse/units.py), as it is compared: units read as opaque
    factors when both sides write the same ones (3 m + 4 m = 7 m); left out when one side writes none
    (25 + 273.15 = 298.15 K), which can verify the step but not refute it (see _units_uncompared); a
    reason when the sides write different units (5 cm = 0.05 m), which are not converted."""
    left, right = unit_names(parsed.lhs), unit_names(parsed.rhs)
    if not (left or right):
        return parsed
    if left and right:
        return parsed if left == right else UNITS_DIFFER
    lhs, rhs = without_units(parsed.lhs), without_units(parsed.rhs)
    return Parsed(lhs, rhs, classify_letters(lhs, rhs))


def _units_uncompared(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> str:
    """Why a refuted step with units is no refutation, or "": a unit on one side only (10 kJ may be the
    10000 of the other side, in J); two units of one kind (1 h + 30 min, opaque factors that are one
    quantity); or sides that agree with the units left out (3 m + 4 = 7 m, a unit written once for
    two terms). Only refuted steps pay for this look, on trees the parser keeps."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    if writes_ohms(parsed.lhs) or writes_ohms(parsed.rhs):
        parsed = _ohms_read(parsed, relation, seed)
        if isinstance(parsed, str):
            return parsed
    left, right = unit_names(parsed.lhs), unit_names(parsed.rhs)
    if not (left or right):
        return ""
    if not (left and right):
        return UNITS_ONE_SIDE
    if not _units_distinct(left | right) or _upright_namesakes(parsed, left | right):
        return UNITS_UNSURE
    a, b = without_units(parsed.lhs), without_units(parsed.rhs)
    outcome, _ = Comparator(Parsed(a, b, classify_letters(a, b)), relation, seed).decide()
    return "" if outcome.kind == "differ" else UNITS_UNSURE


def _ohms_read(parsed: Parsed, relation: str, seed: int) -> Parsed | str:
    """A refuted step that writes Omega, with the ohms after its numbers read as units
    (4.7\\,\\mathrm{k}\\Omega = 4700\\,\\Omega is kilo-ohms against ohms, not a quaternion times a letter):
    why it is no refutation under that reading, or the step so read, for the checks on units."""
    lhs, rhs = ohms_as_units(parsed.lhs), ohms_as_units(parsed.rhs)
    read = _unit_reading(Parsed(lhs, rhs, classify_letters(lhs, rhs)))
    if isinstance(read, str):
        return read
    outcome, _ = Comparator(read, relation, seed).decide()
    return Parsed(lhs, rhs, classify_letters(lhs, rhs)) if outcome.kind == "differ" else UNITS_UNSURE


def _upright_namesakes(parsed: Parsed, names: set[str]) -> bool:
    """Whether an upright letter away from a number bears a unit's name (2\\,\\mathrm{m} + \\mathrm{m}):
    the document may write a quantity upright, and then the unit read after the number is that quantity."""
    words = {w for name in names for w in re.findall(r"[A-Za-z]+", name)}
    return any(isinstance(x, n.Sym) and x.style == "rm" and x.base in words
               for tree in (parsed.lhs, parsed.rhs) for x in tree.walk())


MATRIX_ROOT_DIFFER = ("a square root of a matrix: which root, and of which matrices (positive definite?), is "
                      "the prose's; not refuted")
MATRICES_COMMUTE = "holds if the matrices commute (e^{A}e^{B} = e^{A+B} when AB = BA), which only the prose can say"


def _matrix_function_gap(comparator: "Comparator", outcome: Outcome) -> str:
    """Why a step with a function of a matrix that did not verify is no error of its own: a square
    root of a matrix (many-valued, and real only for some matrices: the reading only verifies), or a step that holds when its matrices commute (e^{A}e^{B} = e^{A+B} holds for the
    commuting A, B the prose may have). "" when neither, and for steps without such functions."""
    if outcome.kind == "equal":
        return ""
    kinds = comparator.matrix_function_kinds()
    if not kinds:
        return ""
    if kinds & matfunc.MULTIVALUED:
        return MATRIX_ROOT_DIFFER if outcome.kind == "differ" else outcome.reason
    partly = outcome.reason.startswith(("holds at some sampled points", "refuted in one reading"))
    if (outcome.kind == "differ" or partly) and _function_of_matrix_sum(comparator.parsed):
        commuting = comparator.compare(comparator.parsed.lhs, comparator.parsed.rhs, frozenset([matfunc.COMMUTING]))
        if commuting.kind == "equal":
            return MATRICES_COMMUTE
    return ""


def _function_of_matrix_sum(parsed: Parsed) -> bool:
    """Whether a function of a matrix is taken of a sum of different matrices (e^{A+B}, \\exp(tA + sB)):
    what commuting matrices, which the prose may assume, make of it (e^{A}e^{B}) is the step's
    question. Elsewhere (P^{-1}e^{D}P for Pe^{D}P^{-1}) matrices that commute hide a slip."""
    matrices = parsed.letters.matrices
    for tree in (parsed.lhs, parsed.rhs):
        for x in tree.walk():
            if isinstance(x, n.Pow) and (isinstance(x.base, n.Const) and x.base.name == "e"):
                argument = x.exp
            elif isinstance(x, n.Func) and x.name in matfunc.KINDS and x.args:
                argument = x.args[0]
            else:
                continue
            for y in argument.walk():
                if isinstance(y, n.Add):
                    letters = [{z.key for z in t.walk() if isinstance(z, n.Sym) and z.key in matrices} for t in y.terms]
                    if len(set().union(*letters)) > 1 and sum(1 for group in letters if group) > 1:
                        return True
    return False


def _units_distinct(names: set[str]) -> bool:
    """Whether the units named measure different kinds of quantity, none convertible into another:
    one unit alone, or known words (kJ mol^{-1}, m/s) of which no two are of one kind."""
    if len(names) == 1:
        return True
    words = {w for name in names for w in re.findall(r"[A-Za-z]+", name)}
    kinds = [UNIT_KINDS.get(w) for w in words]
    return None not in kinds and len(set(kinds)) == len(kinds)


def _check_read_step(lhs: str, rhs: str, relation: str, *, macros: Mapping[str, Macro] | None = None,
                     first: bool = False, seed: int = 0, explain: bool = True,
                     context: tuple[ContextItem, ...] = (), indefinite: bool = False,
                     reading: Callable[[Parsed], Parsed] | None = None, chain: tuple[str, ...] = ()) -> Verdict:
    """Decide one step as parsed; ``reading`` rewrites the parsed step first (a reading of notation that
    is no default, such as primes without a written variable: see _primes_of_one_variable). ``chain``:
    see check_step."""
    started = time.perf_counter()
    cpu_started = work_time()  # what the diagnosis may spend is judged in CPU time
    if relation not in EQUALITY and relation not in INEQUALITY:
        return Verdict(Status.SKIPPED, f"relation {relation} is not checked")
    try:
        parsed = parse_step(lhs, rhs, macros or {})
    except ParseFailure as exc:
        return Verdict(Status.UNVERIFIED, f"could not read: {exc}")
    except RecursionError:
        return Verdict(Status.UNVERIFIED, "could not read: expression nested too deeply")
    read = _unit_reading(parsed)
    if isinstance(read, str):
        return Verdict(Status.UNVERIFIED, read)
    parsed = read if reading is None else reading(read)
    if loose_differentials(parsed.lhs, parsed.rhs) and not SPACED_D.search(lhs + " " + rhs):
        return Verdict(Status.UNVERIFIED, DIFFERENTIALS)
    if has_differentials(parsed.lhs, parsed.rhs):
        gap = differential_gap(parsed.lhs, parsed.rhs)
        if gap:
            return Verdict(Status.UNVERIFIED, gap)

    used: list[Definition] = []
    rhs_changed = False
    if context:
        try:
            parsed, used, rhs_changed = apply_definitions(parsed, parse_definitions(context, macros or {}), first)
        except RecursionError:
            return Verdict(Status.UNVERIFIED, "definitions nested too deeply")
    where = tuple(sorted({f"{' '.join(d.item.lhs.split())} defined at {d.item.where}" for d in used}))

    comparator = Comparator(parsed, relation, seed, assumptions(context), indefinite)
    reason = context_gap(parsed, first)
    if reason:
        # A name from elsewhere only matters if the step depends on it: x = m + x - m holds whatever
        # m is, so a step that agrees at random values of that name (and random stand-ins for a
        # function) is an identity; any other outcome leaves the step to its context.
        gap = gap_names(parsed, first)
        screened = relation in EQUALITY and not reason.startswith("needs the definition") and len(gap) <= 2
        # (a probability reading is not the default one: \sum_x p(x | y) = 1 differs with p a stand-in)
        readable_gap = _drops_distributions(parsed, reason, gap) or _introduces_events(parsed, reason, gap)
        imaginary = _introduces_imaginary_unit(reason, gap)
        if screened and (readable_gap or imaginary or not comparator.quickly_differs()):
            outcome, guessed = comparator.decide()
            if outcome.kind == "equal":
                return Verdict(Status.VERIFIED, outcome.reason, guessed=guessed,
                               elapsed=time.perf_counter() - started, definitions=where)
            if explain and not rhs_changed and readable_gap:
                # the names missing are the distributions' own: a typo explained is still a typo
                verdict = explain_as_distributions(comparator, rhs, lhs, time.perf_counter() - started, where,
                                                   spent=work_time() - cpu_started) \
                    or explain_as_events(comparator, rhs, lhs, time.perf_counter() - started, where,
                                         spent=work_time() - cpu_started)
                if verdict is not None:
                    return verdict
            return Verdict(Status.UNVERIFIED, reason, elapsed=time.perf_counter() - started)
        # And a step whose sides differ by the same amount whatever m is (x = m - x - m) is wrong
        # whatever the document says m is: it is decided like any other step. So is a step that
        # drops a set when its difference does not change with the set's size (a softmax summed
        # over V said to be 2).
        if not (screened and _independent_of_gap(comparator, parsed, reason, gap)):
            return Verdict(Status.UNVERIFIED, reason, elapsed=time.perf_counter() - started)

    outcome, guessed = comparator.decide()
    elapsed = time.perf_counter() - started
    spent = work_time() - cpu_started
    if outcome.kind == "equal":
        if relation in INEQUALITY:
            return Verdict(Status.UNVERIFIED, "inequality holds at the sampled points", elapsed=elapsed)
        if _rounds_quantity(parsed.lhs, parsed.rhs) and not _holds_at_integers(comparator):
            # ceil x = floor x + 1 holds at every real point sampled, and at no integer
            return Verdict(Status.UNVERIFIED, "floor or ceiling: holds at the real points sampled, not where the "
                           "letters are integers", elapsed=elapsed)
        if has_cases(parsed.lhs, parsed.rhs) and _cases_differ_off_samples(comparator):
            return Verdict(Status.UNVERIFIED, CASES_UNREACHED, elapsed=elapsed)
        crossed = _crossed_letters(parsed)
        if crossed and _differs_as_cross_products(parsed, relation, seed, crossed):
            # a \times b = b \times a holds of numbers; of vectors, which plain letters may be as well,
            # it does not, and only the prose says which they are
            return Verdict(Status.UNVERIFIED, f"holds if {', '.join(sorted(crossed))} are numbers; as vectors "
                           "(\\times the cross product) it does not", elapsed=elapsed)
        held = _held_constant(parsed, relation, seed)
        if held:
            # d(xy) = x dy holds with x constant, as d(mv^2/2) = mv dv does with the mass m: which letters
            # are constants only the prose says
            return Verdict(Status.UNVERIFIED, f"holds if {', '.join(held)} is constant (its differential is not "
                           "written)", elapsed=time.perf_counter() - started)
        return Verdict(Status.VERIFIED, outcome.reason, guessed=guessed, elapsed=elapsed, definitions=where)
    # Steps that are verified where they hold and otherwise not refuted by a comparison alone:
    # whatever it found may be the reading's doing (only a series gets the short search). An infinite series is
    # summed numerically; a sum without bounds over a number has an unwritten range; floor(n/2) +
    # ceil(n/2) = n holds for the integers the letters stand for, not at the real points sampled; an
    # indicator read as an unknown function of its condition's sides takes values other than 0 and 1.
    for present, differ_reason in ((has_infinite_series, SERIES_DIFFER), (has_uncounted_sum, UNCOUNTED_DIFFER),
                                   (_rounds_quantity, ROUNDING_DIFFER), (has_valued_set_sum, VALUED_SET_DIFFER),
                                   (has_indicator, INDICATOR_DIFFER), (has_summed_repeat, EINSTEIN_DIFFER),
                                   (has_sample_entries, SAMPLE_ENTRIES_DIFFER),
                                   (tuples_reading.has_ambiguous_pair, PAIR_DIFFER),
                                   (tuples_reading.may_be_cycles, CYCLES_DIFFER),
                                   (tuples_reading.lists_only_compared, LISTS_COMPARED),
                                   (has_region_integral, REGION_DIFFER),
                                   (has_plain_differentials, DIFFERENTIALS),
                                   (refusals.has_summed_sequence, SUMMED_SEQUENCE_DIFFER)):
        if present(parsed.lhs, parsed.rhs):
            reason = differ_reason if outcome.kind == "differ" else outcome.reason
            if present is has_infinite_series and reason == SERIES_DIFFER and explain and relation in EQUALITY \
                    and not rhs_changed:
                # a series summed numerically is no refutation alone; an edit under which the sums
                # agree at every point (a sign, a factor 2 before the series) says the numbers were right
                diagnosis = short_repair(comparator, parsed, rhs, "" if used else lhs, spent)
                if diagnosis is not None:
                    return Verdict(Status.REFUTED, "the two sides differ", outcome.point, (), diagnosis,
                                   time.perf_counter() - started, where)
            return Verdict(Status.UNVERIFIED, reason, elapsed=time.perf_counter() - started)
    gap = _matrix_function_gap(comparator, outcome)
    if gap:
        return Verdict(Status.UNVERIFIED, gap, elapsed=time.perf_counter() - started)
    if outcome.kind == "undecided":
        if _fails_with_gates(outcome) and explain and relation in EQUALITY and not rhs_changed:
            verdict = explain_with_gates(comparator, rhs, "" if used else lhs, where,
                                         spent=work_time() - cpu_started)
            if verdict is not None:
                return replace(verdict, elapsed=time.perf_counter() - started)
        if not outcome.readable and explain and relation in EQUALITY and not rhs_changed \
                and not _literal_matrix_appears(parsed) and not parsed.letters.commutators:
            # (the commutator reading only verifies: generic matrices are not the prose's operators)
            # The default reading could not be built (v^T w with w a number). The readings that can be
            # built may all refute the step; and as the letters' shapes come from both lines, a typo
            # in the new one (x^T for x) can make the line before unreadable, which the shapes of the
            # line before alone repair. Either way something was guessed: only a small edit that
            # makes the step hold makes it an error.
            attempts = [(comparator, parsed, ())]
            letters = shapes_of_side(parsed.letters, parsed.lhs)
            if letters != parsed.letters and unreadable(comparator, parsed.lhs):
                retry = Parsed(parsed.lhs, parsed.rhs, letters)
                attempts.append((Comparator(retry, relation, seed, assumptions(context), indefinite), retry,
                                 ("the shapes of the letters as the line before has them",)))
            for attempt, attempt_parsed, note in attempts:
                try:
                    # with stand-ins for an undefined f, or an expectation that may rest on the prose's
                    # assumptions, a failed search leaves the step unverified: the short one
                    cap = GUARD_SECONDS if attempt.has_undefined_functions() \
                        or attempt_parsed.letters.randomness.any_sensitive else MAX_SECONDS
                    found = refute_where_readable(attempt, attempt_parsed, rhs, "" if used else lhs,
                                                  spent=work_time() - cpu_started, max_seconds=cap)
                except BudgetExceeded:
                    found = None
                if found is not None:
                    point, guessed, diagnosis = found
                    return Verdict(Status.REFUTED, "the two sides differ", point, tuple(sorted({*guessed, *note})),
                                   diagnosis, time.perf_counter() - started, where)
        if outcome.reason.startswith("depends on what") and explain and relation in EQUALITY and not rhs_changed:
            # Whatever f is, a small edit that makes both sides apply f to the same arguments and
            # agree (p(y) for p(x)) is a typo explained, not a question about f.
            if EVENTS in comparator.keys:
                # P of events: an edit that holds for any P need not hold for the events the prose has
                verdict = explain_as_events(comparator, rhs, lhs, elapsed, where, spent=work_time() - cpu_started)
            else:
                verdict = explain_with_any_function(comparator, rhs, lhs, elapsed, where) \
                    or explain_as_distributions(comparator, rhs, lhs, elapsed, where,
                                                spent=work_time() - cpu_started)
                repeated = None if verdict is not None else _repeated_variables(parsed)
                if repeated is not None:
                    verdict = explain_as_distributions(
                        Comparator(repeated, relation, seed, assumptions(context), indefinite), rhs, lhs, elapsed,
                        where, spent=work_time() - cpu_started)
            if verdict is not None:
                return verdict
        partly = outcome.reason.startswith(("holds at some sampled points", "refuted in one reading"))
        if partly and explain and relation in EQUALITY and not rhs_changed:
            # Holds at some points only, or refuted in one reading and undecided in another: a small
            # edit under which the step holds everywhere, in some reading, says it is a typo. (Shapes
            # that do not fit are left alone: an edit that reads the letters afresh also "repairs"
            # notation the lowering lacks, v^2 for a vector.)
            diagnosis = short_repair(comparator, parsed, rhs, "" if used else lhs, spent)
            if diagnosis is not None:
                written = comparator.compare(parsed.lhs, parsed.rhs)
                return Verdict(Status.REFUTED, "the two sides differ", written.point if written.kind == "differ" else (),
                               (), diagnosis, time.perf_counter() - started, where)
        return Verdict(Status.UNVERIFIED, outcome.reason, elapsed=time.perf_counter() - started)
    if outcome.opaque and all(OPTIMUM_MARK in o for o in outcome.opaque):
        kinds = ", ".join(sorted({o.split(OPAQUE_ENTRY)[0] for o in outcome.opaque}))
        return Verdict(Status.UNVERIFIED, f"the sides hold different optimisations ({kinds}): what is "
                       "optimised is not compared", elapsed=elapsed)
    if outcome.opaque:
        # dE/do with E undefined on one side only: equal or not, the step cannot say (the entries of
        # a vector's dr/dt are named as the one derivative they are to the reader)
        opaque = ", ".join(sorted({o.split(OPAQUE_ENTRY)[0] for o in outcome.opaque}))
        return Verdict(Status.UNVERIFIED, f"depends on {opaque}, which is not defined here", elapsed=elapsed)
    letter = _one_letter_property(parsed)
    if letter and relation in EQUALITY:
        # P^2 = P, M^{-1} = M^T: what a projection or an orthogonal matrix is, stated, not derived
        return Verdict(Status.UNVERIFIED, f"a property of {letter} the prose states (P^2 = P, M^{{-1}} = M^T), "
                       "or an equation to solve for it", elapsed=time.perf_counter() - started)
    if relation in EQUALITY and refusals.letters_crossed(parsed):
        # a \times b = -b \times a, \omega \times r: between letters read as numbers, \times may be
        # the cross product of vectors the prose introduces, which neither commutes nor associates
        return Verdict(Status.UNVERIFIED, "\\times between letters may be a cross product of vectors "
                       "(read here as numbers)", elapsed=time.perf_counter() - started)
    if relation in EQUALITY and _quaternion_units(comparator, parsed):
        # ij = k, (c + ks)(c' + ks') = cos + k sin: the letters of the quaternion units, which
        # anticommute and square to -1, read here as numbers
        return Verdict(Status.UNVERIFIED, "i, j, k may be quaternion units (i^2 = j^2 = k^2 = ijk = -1)",
                       elapsed=time.perf_counter() - started)
    if relation in EQUALITY and _holds_for_unit_norms(comparator, parsed):
        # \omega\omega^T - \|\omega\|^2 I = \omega\omega^T - I: a norm that the right side drops and
        # that 1 makes the step hold; unit axes, normals and quaternions are the prose's assumption
        # (worded as a name from elsewhere: a definition in force, \hat n = v / \|v\|, may verify it)
        return Verdict(Status.UNVERIFIED, "the right side no longer mentions a norm: holds where the "
                       "dropped norms are 1 (unit vectors?)", elapsed=time.perf_counter() - started)
    solved = _solved_for(parsed, comparator) if first and relation in EQUALITY else ""
    if solved:
        # V(A) = 1 + 0.81 V(A), then = 1/0.19: the head of a chain that names what it is about on
        # both sides is an equation to solve for it (first-step analysis, a Bellman equation), true
        # at its solution only
        return Verdict(Status.UNVERIFIED, f"{solved} on both sides of the first line: an equation to solve "
                       "for it, not an identity", elapsed=time.perf_counter() - started)
    hypothesis = _vector_hypothesis(parsed, comparator) if relation in EQUALITY else ""
    if hypothesis:
        return Verdict(Status.UNVERIFIED, hypothesis, elapsed=time.perf_counter() - started)
    dropped = dropped_variables(parsed)
    if dropped and ("orthogonal",) in comparator.keys and relation in EQUALITY and n.letter_free(parsed.rhs):
        # <v_2, v_1> = 1 + 0 + 0: indexed vectors worked out to a number from entries the prose
        # gives; in the reading where they are an orthogonal basis the left side is a number too,
        # which an edit of the written number would "repair"
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       "substituted from elsewhere?", elapsed=time.perf_counter() - started)
    diagnosis = None
    if dropped and _literal_matrix_appears(parsed):
        # quantities replaced by written-out matrices: values from elsewhere, which no small edit
        # explains; do not spend the budget searching
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       "substituted from elsewhere?", elapsed=time.perf_counter() - started)
    if explain and relation in EQUALITY and not rhs_changed:  # offsets must point into the rhs text
        # Without a diagnosis a step that lost quantities, or that turned into a constant, is left
        # unverified: there the search only decides between refuted and unverified, and a typo
        # (a term lost, a letter changed) is found among the first candidates or not at all.
        cap = GUARD_SECONDS if dropped or outcome.suspect else MAX_SECONDS
        # (the chain's lines are the author's text, as the left side is; where definitions were
        # substituted into the step, a term copied from them would read otherwise than the sides)
        lines = chain if not used else ()
        try:
            diagnosis = diagnose(comparator, parsed, rhs, "" if used else lhs, spent=spent, max_seconds=cap,
                                 chain=lines, macros=macros or {})
        except BudgetExceeded:
            diagnosis = None  # the refutation stands; only its explanation ran out of time
    if diagnosis is not None and dropped and relation in EQUALITY and _solved_by_relation(comparator):
        # \gamma C = (1 - \alpha - \beta) C: the vanished letter equals an expression in several of
        # the others (barycentric weights that sum to one, a constraint from the prose), which a
        # typo does not produce; a lost term solves it by a constant (x + y = x holds at y = 0)
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       "substituted from a relation given elsewhere?", elapsed=time.perf_counter() - started)
    if diagnosis is not None and diagnosis.kind == "dropped_term" and relation in EQUALITY \
            and refusals.dropped_vanishing_bracket(parsed.lhs, lhs, diagnosis.term):
        # \sum_a (p_a - \partial L/\partial\dot q_a)\,d\dot q_a left out: the bracket is zero by a
        # definition in the prose (p_a is that derivative), which is why an author drops such a term
        return Verdict(Status.UNVERIFIED, f"drops `{diagnosis.term}`, zero where the prose equates the "
                       "two sides of its difference?", elapsed=time.perf_counter() - started)
    if diagnosis is None and outcome.suspect:
        return Verdict(Status.UNVERIFIED, outcome.suspect, elapsed=time.perf_counter() - started)
    if diagnosis is None and dropped and relation in EQUALITY:
        # y vanished and no small edit explains it: far more often a substitution from the prose
        # (y = x^{p/q} given above) than a typo
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       "substituted from elsewhere?", elapsed=time.perf_counter() - started)
    if _counts_with(parsed) and _holds_at_integers(comparator, strict=True):
        # i^{4k+1} = i, (-1)^{2n} = 1: true where n and k are the integers they conventionally are
        return Verdict(Status.UNVERIFIED, "holds where the letters are integers (n, k counting?)",
                       elapsed=time.perf_counter() - started)
    if _sign_sensitive(parsed) and _holds_where_negative(comparator):
        # |z| = -z, sqrt(t^2) = -t: true where the letters are negative, which only the prose can say
        return Verdict(Status.UNVERIFIED, "holds where the letters are negative (a domain question)",
                       elapsed=time.perf_counter() - started)
    if decimal_tolerance(parsed.lhs, parsed.rhs) > TOLERANCE and not exact_decimals(parsed.lhs, parsed.rhs):
        # how the author rounds is a guess: undiagnosed, a rounding difference is only a warning
        guessed = (*guessed, "written decimals rounded to their last digit")
    return Verdict(Status.REFUTED, "the two sides differ", outcome.point, guessed, diagnosis,
                   time.perf_counter() - started, where)


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


class AnyFunctionComparator:
    """A Comparator whose comparisons hold for any undefined function (applications as atoms)."""

    def __init__(self, inner: "Comparator"):
        self.inner = inner

    def compare(self, lhs: n.Node, rhs: n.Node, flips: frozenset = frozenset(), atoms: bool = True,
                equal_only: bool = False) -> Outcome:
        return self.inner.compare(lhs, rhs, flips, atoms=True, equal_only=equal_only)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def short_repair(comparator: "Comparator", parsed: Parsed, rhs: str, lhs: str, spent: float,
                 generators: tuple | None = None) -> Diagnosis | None:
    """The short search for a small edit under which the step holds, where finding one is all that
    makes the step an error (see diagnose; ``generators`` narrows the kinds of edit); None when it
    finds none or the step's budget runs out: the step is then unverified."""
    try:
        return diagnose(comparator, parsed, rhs, lhs, spent=spent, max_seconds=GUARD_SECONDS, generators=generators)
    except BudgetExceeded:
        return None


class ReadingsComparator:
    """A Comparator limited to some readings of the notation: a candidate edit of a step that one
    reading refutes (its distributions, its events, the standard gates) is judged where the step
    itself fails, not also in readings that cannot build it or that take its names as stand-ins."""

    def __init__(self, inner: "Comparator", readings: list[frozenset]):
        self.inner = inner
        self._readings = readings

    def readings(self) -> list[frozenset]:
        return self._readings

    def __getattr__(self, name):
        return getattr(self.inner, name)


def explain_with_any_function(comparator: "Comparator", rhs: str, lhs: str, elapsed: float,
                              where: tuple[str, ...]) -> Verdict | None:
    parsed = comparator.parsed
    try:
        _, a, b = comparator.own_pair(frozenset(), True, 0)
    except (Undecidable, ZeroDivisionError, ValueError, TypeError, AttributeError):
        return None
    a, b = _canonical_calls(a), _canonical_calls(b)
    calls_a, calls_b = a.atoms(AppliedUndef), b.atoms(AppliedUndef)
    if not calls_a and not calls_b:
        return None  # the functions are another reading's (T(n/2) read as a product by default)
    if len(calls_a - calls_b) > 1 or len(calls_b - calls_a) > 1:
        return None  # p(x, z) = p(z) p(x | z): different applications, not one changed argument
    robust = comparator.robust()
    if robust.kind == "equal":
        return None
    diagnosis = short_repair(AnyFunctionComparator(comparator), parsed, rhs, lhs, elapsed)
    if diagnosis is None:
        return None
    return Verdict(Status.REFUTED, "the two sides differ", robust.point, (), diagnosis, elapsed, where)


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


def _fails_with_gates(outcome: Outcome) -> bool:
    return outcome.reason.startswith(GATES_DIFFER.split("{")[0])


def explain_with_gates(comparator: "Comparator", rhs: str, lhs: str, where: tuple[str, ...],
                       spent: float = 0.0) -> Verdict | None:
    """A step that fails with the standard gates is an error only when a flipped sign makes it hold
    with them (H|1> = (|0> + |1>)/sqrt 2 for (|0> - |1>)/sqrt 2): H as a Hamiltonian would not
    land on the gate's result but for one sign. Other edits (a term, a letter changed) would as
    easily make a Hamiltonian's step hold with the gates by accident."""
    gates = ReadingsComparator(comparator, [flips for flips in comparator.readings() if quantum.reads(flips)])
    diagnosis = short_repair(gates, comparator.parsed, rhs, lhs, spent, generators=(sign_flips,))
    if diagnosis is None:
        return None
    reading = gates.readings()[0]
    written = comparator.compare(comparator.parsed.lhs, comparator.parsed.rhs, reading)
    point = written.point if written.kind == "differ" else ()
    return Verdict(Status.REFUTED, "the two sides differ", point, comparator.guesses(reading), diagnosis, 0.0, where)


PROBABILITY = ("probability",)
INDEPENDENT = ("independent",)


def explain_as_distributions(comparator: "Comparator", rhs: str, lhs: str, elapsed: float,
                             where: tuple[str, ...], spent: float = 0.0) -> Verdict | None:
    """A step of distributions that fails for a generic joint (where no variables are independent)
    and for one of independent variables alike, and that a small edit makes hold (``p(x) = 2\\sum_z
    p(x, z)``, ``p(z) p(z \\mid x)`` for ``p(z) p(x \\mid z)``), is a typo explained. A step that holds
    by an assumption of the prose fails for the generic joint only (``p(x, y) = p(x) p(y)``), or
    nothing small repairs it (a Markov chain's factorisation)."""
    if PROBABILITY not in comparator.keys:
        return None
    parsed = comparator.parsed
    for flips in (frozenset([PROBABILITY]), frozenset([PROBABILITY, INDEPENDENT])):
        outcome = comparator.compare(parsed.lhs, parsed.rhs, flips)
        if outcome.kind != "differ":
            return None
    return _repaired_in(comparator, frozenset([PROBABILITY]), outcome.point, rhs, lhs, elapsed, where, spent)


def _repeated_variables(parsed: Parsed) -> Parsed | None:
    """The step with its distributions read although the new line names a variable twice in one
    application (``p(z) p(z \\mid z)`` below ``p(x, z)``), which no distribution is: None unless the
    line before reads as distributions alone and the repeat is all that keeps the step from it. A
    repeated variable is a letter written for another, so only the search (explain_as_distributions:
    an edit under which the step holds for every joint, where it fails for a generic and for an
    independent one) may make such a step an error; the repeated application reads as the
    probability of its distinct variables."""
    if parsed.letters.distributions:
        return None
    before = dict(probability.distributions(parsed.lhs))
    relaxed = probability.distributions(parsed.lhs, parsed.rhs, repeats=True)
    if not before or not relaxed or any(head not in before for head, _ in relaxed):
        return None
    return Parsed(parsed.lhs, parsed.rhs, replace(parsed.letters, distributions=relaxed))


def _repaired_in(comparator: "Comparator", reading: frozenset, point: tuple, rhs: str, lhs: str, elapsed: float,
                 where: tuple[str, ...], spent: float) -> Verdict | None:
    """A step that one reading refutes, as an error when a small edit makes it hold in that reading
    (the search judged in CPU time, ``spent``, as in check_step); None otherwise."""
    diagnosis = short_repair(ReadingsComparator(comparator, [reading]), comparator.parsed, rhs, lhs, spent)
    if diagnosis is None:
        return None
    return Verdict(Status.REFUTED, "the two sides differ", point, (), diagnosis, elapsed, where)


def event_excuse(comparator: "Comparator") -> str | None:
    """Why a step of probabilities of events may hold: it does not fail in the generic space, or it
    holds in the space of something the prose may assume (a reason that says what); None when it
    fails in all of them."""
    parsed = comparator.parsed
    if comparator.compare(parsed.lhs, parsed.rhs, frozenset([EVENTS])).kind != "differ":
        return "not refuted as probabilities of events"
    for model in events.models(parsed.letters.events):
        # a new line that takes the probability of an event empty there does not assume it (P(A \\cap B)
        # for disjoint A and B); undefined there (a condition of probability 0) is no such assumption either
        if events.writes_empty(parsed.rhs, parsed.letters.events, model):
            continue
        if comparator.compare(parsed.lhs, parsed.rhs, frozenset([EVENTS, (EVENT_MODEL, model)])).kind == "equal":
            return f"holds if the events are {events.DESCRIPTIONS[model]}"
    return None


def explain_as_events(comparator: "Comparator", rhs: str, lhs: str, elapsed: float,
                      where: tuple[str, ...], spent: float = 0.0) -> Verdict | None:
    """A step of probabilities of events that fails in the generic space and in every space of what
    the prose may assume (the events independent, disjoint, nested, a partition), and that a small
    edit makes hold in every space (``1 + P(A)`` for ``1 - P(A)``), is a typo explained. What holds
    for disjoint events (``P(A \\cup B) = P(A) + P(B)``) or independent ones is never an error."""
    if EVENTS not in comparator.keys or event_excuse(comparator) is not None:
        return None
    parsed = comparator.parsed
    outcome = comparator.compare(parsed.lhs, parsed.rhs, frozenset([EVENTS]))
    # (the repair judged in the generic space of events only)
    return _repaired_in(comparator, frozenset([EVENTS]), outcome.point, rhs, lhs, elapsed, where, spent)


def apply_definitions(parsed: Parsed, definitions: list[Definition], first: bool) -> tuple[Parsed, list[Definition], bool]:
    """Put definitions in where the step needs them: for names it cannot decide without them (a
    defined head, a name on one side only, an opaque derivative), and always for the library names
    the document redefines (its own sigma wins). Names the step can decide alone are left alone, so a
    letter reused on another slide does not drag an unrelated definition in."""
    if not definitions:
        return parsed, [], False
    defined = {d.head.base for d in definitions}
    wanted = {d.head.base for d in definitions if d.head.key in LIBRARY}
    wanted |= gap_names(parsed, first) & defined
    for tree in (parsed.lhs, parsed.rhs):
        for node in tree.walk():
            if isinstance(node, n.Deriv) and isinstance(node.body, n.Sym) and node.body.base in defined:
                wanted.add(node.body.base)
    if not wanted:
        return parsed, [], False
    lhs, used_l = substitute(parsed.lhs, definitions, wanted)
    rhs, used_r = substitute(parsed.rhs, definitions, wanted)
    if not used_l and not used_r:
        return parsed, [], False
    return reclassified(parsed, lhs, rhs), used_l + used_r, bool(used_r)


def assumptions(context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...]:
    return tuple(c for c in context if c.kind == "assume")


def names(tree: n.Node, letters: Letters) -> dict[str, str]:
    """Variables and functions a side talks about (not indices, not bound variables): key -> how it reads."""
    out: dict[str, str] = {}
    bound = {node.var for node in tree.walk() if isinstance(node, n.BigOp)}
    bound |= {node.var.base for node in tree.walk() if isinstance(node, n.Integral) and node.lo is not None}
    bound |= {node.var.base for node in tree.walk() if isinstance(node, n.Limit)}
    bound |= {v for node in tree.walk() if isinstance(node, n.Optimum) for v in node.variables}
    for node in tree.walk():
        if isinstance(node, n.EvalBar):
            # F|_a^b no longer depends on its variable: named (x=a) or the step's integration variable
            bound |= {node.var.base} if node.var is not None else set(letters.integration)
    inside_index = n.non_quantities(tree) | _averaged_conditions(tree)
    for node in tree.walk():
        if isinstance(node, n.Apply):
            if is_library(node):
                continue
            if read_as_product(node, letters):
                if node.func.base not in letters.integer and node.func.base not in letters.index:
                    out[_timeless(node.func, letters).key] = node.func.base
            else:
                out[_timeless(node.func, letters).key + "()"] = node.func.base
        if isinstance(node, n.Deriv):
            for var, _ in node.wrt:
                inside_index.add(id(var))
        if isinstance(node, n.Grad):
            inside_index.add(id(node.var))
        if isinstance(node, n.BigOp) and isinstance(node.hi, n.Sym) and node.hi.base.startswith("#"):
            # \sum_{x \in S}: the set is a quantity of the step, though its size is a bound
            out[node.hi.base] = node.hi.base[1:].split(":")[-1]
    matrix_mode = bool(letters.vectors or letters.matrices)
    entries = dict(letters.entries)
    identities = dict(letters.identities)
    for node in tree.walk():
        if isinstance(node, n.Sym) and id(node) not in inside_index:
            if node.base in bound or node.base in letters.index or node.base in letters.integer:
                continue
            if matrix_mode and node.base == "I" and not node.indices or node.base == "0":
                continue  # the identity matrix, the zero vector
            if node.key in identities:
                continue  # I_3 beside a written 3 by 3 matrix: the identity, no quantity
            generic = _timeless(node, letters).key + ("'" * node.primes) + "".join(node.labels)
            if node.indices and node.key in entries:
                generic = entries[node.key]  # x_i beside \mathbf{x}: an entry names its vector
            fixed = [_item_text(i) for i in node.indices if not _is_index_letter(i, letters, bound)]
            # U and U_1 are different quantities; x_1 is one of the x_i
            out[generic + ("[" + ",".join(fixed) + "]" if fixed else "")] = node.base
    return out


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


def _has_antiderivative(tree: n.Node) -> bool:
    return any(isinstance(x, n.Integral) and x.lo is None for x in tree.walk())


def letter_indexed(tree: n.Node, letters: Letters) -> set[str]:
    """Generic names used with a letter index somewhere (x_i): then x_1 is not a new name."""
    bound = {node.var for node in tree.walk() if isinstance(node, n.BigOp)}
    return {node.key + ("'" * node.primes) + "".join(node.labels) for node in tree.walk()
            if isinstance(node, n.Sym) and any(_is_index_letter(i, letters, bound) for i in node.indices)}


def _literal_matrix_appears(parsed: Parsed) -> bool:
    has = [any(isinstance(x, n.MatrixLit) for x in t.walk()) for t in (parsed.lhs, parsed.rhs)]
    return has[1] and not has[0]


def dropped_variables(parsed: Parsed) -> list[str]:
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    dropped = {left[k] for k in left if k not in right and not k.endswith("()")}
    return sorted(dropped | _dropped_indexed(parsed))


def _dropped_indexed(parsed: Parsed) -> set[str]:
    """Bases written with a free letter index on the left (tau_n, the posterior's variance after n
    observations) and with no index at all on the right (tau): names() reads both as one quantity,
    but the lowering keeps tau_n apart, so tau_n replaced by its value from a line before is a
    substitution, not a typo."""
    letters = parsed.letters
    if not letters.index:
        return set()  # cheap gate: no letter subscripts anywhere
    bound = {node.var for node in parsed.lhs.walk() if isinstance(node, n.BigOp)}
    bound |= {node.var.base for node in parsed.lhs.walk() if isinstance(node, n.Integral) and node.lo is not None}
    skip = n.non_quantities(parsed.lhs)
    free_indexed = {node.base: node.key + "_" + ",".join(map(_item_text, node.indices))
                    for node in parsed.lhs.walk()
                    if isinstance(node, n.Sym) and id(node) not in skip and node.indices
                    and node.base not in bound and node.key not in letters.entries
                    and all(_is_index_letter(i, letters, bound) and not any(
                        isinstance(x, n.Sym) and x.base in bound for x in i.walk()) for i in node.indices)}
    if not free_indexed:
        return set()
    right = [node for node in parsed.rhs.walk() if isinstance(node, n.Sym)]
    return {key for base, key in free_indexed.items()
            if any(x.base == base and not x.indices for x in right)
            and not any(x.base == base and x.indices for x in right)}


def gap_names(parsed: Parsed, first: bool) -> set[str]:
    """The bases of the names behind context_gap: what a definition would have to supply."""
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    out = {right[k] for k in right if k not in left}
    out |= {left[k] for k in left if k.endswith("()") and k not in right}
    if first and _head_name(parsed.lhs, parsed.letters) is not None:
        head = _head_base(parsed.lhs)
        if head is not None:
            out.add(head)
    return out


def _quantities(parsed: Parsed, bases: set[str]) -> bool:
    """True when every name in ``bases`` is a plain quantity of the step (not a function, not a set),
    so that its lowered symbols carry its name."""
    keys = {**names(parsed.lhs, parsed.letters), **names(parsed.rhs, parsed.letters)}
    if any(key.endswith("()") or key.startswith("#") for key, base in keys.items() if base in bases):
        return False
    # vectors and matrices are lowered to random entries, not to symbols that could be moved
    letters = parsed.letters
    shaped = letters.vectors | letters.matrices | letters.candidates | letters.required
    return not any(isinstance(x, n.Sym) and x.base in bases and (x.key in shaped or x.style)
                   for tree in (parsed.lhs, parsed.rhs) for x in tree.walk())


def _head_base(tree: n.Node) -> str | None:
    while isinstance(tree, (n.Deriv, n.Paren)):
        tree = tree.body if isinstance(tree, n.Deriv) else tree.inner
    if isinstance(tree, n.Sym):
        return tree.base
    if isinstance(tree, n.Apply):
        return tree.func.base
    return None


def _stated(tree: n.Node) -> n.Node:
    """``\\underbrace{\\int p}_{=1}`` as the value the author states, for the name checks."""
    if not any(isinstance(x, n.Annotated) for x in tree.walk()):
        return tree
    return transform(tree, lambda x: n.Paren(x.start, x.end, x.value) if isinstance(x, n.Annotated) else None)


def has_region_integral(*trees: n.Node) -> bool:
    return any(isinstance(x, n.Integral) and x.region for t in trees for x in t.walk())


def _held_constant(parsed: Parsed, relation: str, seed: int) -> list[str]:
    """The letters of a step of differentials that its reading holds constant (their differentials are
    not written: see differential_reading) and without which the step fails: with them varying too,
    their differentials are terms the sides must also agree on. Empty when the step holds either way.
    (A difference in the reading is a difference with them varying too: the written differentials'
    coefficients are the same partial derivatives.)"""
    trees = (parsed.lhs, parsed.rhs)
    found = [x for t in trees for x in t.walk() if isinstance(x, n.Differential)]
    if not found:
        return []
    wrt = {n.structure(s): s for d in found for s in d.wrt}
    extra = {key: x for d in found for key, x in operand_letters(d).items() if key not in wrt}
    if not extra:
        return []
    every = frozenset({**wrt, **extra}.values())
    left, right = differentiated_by(parsed.lhs, every), differentiated_by(parsed.rhs, every)
    outcome, _ = Comparator(Parsed(left, right, classify_letters(left, right)), relation, seed).decide()
    return [] if outcome.kind == "equal" else sorted({x.base for x in extra.values()})



def context_gap(parsed: Parsed, first: bool) -> str:
    """Why the step cannot be decided from its own two sides, or "" when it can."""
    parsed = Parsed(_stated(parsed.lhs), _stated(parsed.rhs), parsed.letters)
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    if first:
        head = _head_name(parsed.lhs, parsed.letters)
        if head is not None and head not in right:
            return f"needs the definition of {head.rstrip('()')}"
    shifted = _shifted_indices(parsed.lhs, parsed.rhs)
    if shifted:
        return f"a recurrence ({shifted}): the sequence is defined by it, not an identity"
    entry = _indexed_head_absent(parsed) if first else None
    if entry is not None:
        return f"needs the definition of {entry}"
    covered = letter_indexed(parsed.lhs, parsed.letters)
    if _has_antiderivative(parsed.lhs) or _has_antiderivative(parsed.rhs):
        covered |= {"C", "c", "K"}  # the constant of integration
    # X|0> = ... = Z H|1>: a gate is a constant of the reading that reads the step (and verifies only)
    gates = quantum.gate_bases(parsed.lhs, parsed.rhs) if quantum.reads_gates(
        parsed.letters.kets, parsed.lhs, parsed.rhs) else set()
    new = [right[k] for k in right if k not in left and k.split("[")[0] not in covered and right[k] not in gates]
    if new:
        return "introduces " + ", ".join(sorted(set(new))) + ", defined elsewhere"
    sibling = _subscripted_sibling(parsed)
    if sibling is not None:
        return f"introduces {sibling}, defined elsewhere"
    lost_functions = [left[k] for k in left if k.endswith("()") and k not in right
                      and not _maybe_products(parsed, k[:-2]) and left[k] not in gates]
    if lost_functions:
        return "drops the function " + ", ".join(sorted(set(lost_functions))) + ", defined elsewhere"
    # \sum_{i \in S} a_i = \sum_{i=1}^{n} a_i: what S is (here 1..n) is the prose's to say
    lost = lost_sets(parsed)
    if lost:
        return "drops the set " + ", ".join(sorted({left[k] for k in lost})) + ", defined elsewhere"
    return ""


def _letter_forms(tree: n.Node) -> tuple[set[str], set[str]]:
    """The scalar symbols a side writes bare (``\\sigma``) and those it writes only with a free letter
    subscript (``\\sigma_x``, not the bound ``x_i`` of a sum over i)."""
    bound = {node.var for node in tree.walk() if isinstance(node, n.BigOp)}
    bare, lettered = set(), set()
    for node in tree.walk():
        if not isinstance(node, n.Sym) or node.labels or node.sup_letter is not None:
            continue
        if not node.indices:
            bare.add(node.key)
        elif all(isinstance(i, n.Sym) and not i.indices and i.base not in bound for i in node.indices):
            lettered.add(node.key)
    return bare, lettered - bare


def _subscripted_sibling(parsed: Parsed) -> str | None:
    """A name written bare on one side and only with a letter subscript on the other (\\sigma^2 =
    n\\sigma_w^2\\sigma_x^2, \\mu = \\mu_B): in prose these are different quantities (a variance and
    the variance of x), related by a definition the step does not write, so equating them is not an
    identity to test. Vectors and matrices are left out: x and x_i are a vector and its entries."""
    if parsed.letters.vectors or parsed.letters.matrices:
        return None
    (bare_l, sub_l), (bare_r, sub_r) = _letter_forms(parsed.lhs), _letter_forms(parsed.rhs)
    clash = (bare_l & (sub_r - bare_r)) | (bare_r & (sub_l - bare_l))
    return min(clash) + "_{...}" if clash else None


def _sum_totals(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> str:
    """Why a refuted step may rest on totals of a summed sequence (see _sum_aggregates), or "": only
    asked of refuted steps, so no other step pays for it."""
    if "\\sum" not in lhs + rhs and "\\prod" not in lhs + rhs:
        return ""  # cheap gate: no sum written
    try:
        left, right = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    letters = classify_letters(left, right)
    totals = sorted(set(refusals.sum_aggregates(left, right, letters) + refusals.sum_aggregates(right, left, letters)))
    return (f"writes {', '.join(totals)} beside a sum of its sequence: a total defined elsewhere "
            "(N = \\sum_k N_k), not decided") if totals else ""


def _independent_of_gap(comparator: "Comparator", parsed: Parsed, reason: str, gap: set[str]) -> bool:
    """Whether the step's truth does not depend on what the names behind ``reason`` are: quantities
    that cancel, or sets whose size does not change the difference of the two sides."""
    if reason.startswith("drops the set"):
        return comparator.ignores_sizes(lost_sets(parsed))
    if not reason.startswith("introduces"):
        return False
    if _subscripted_sibling(parsed) is not None:
        # \sigma^2 = n \cdot \frac{1}{n}\sigma_x^2: n cancels, but \sigma and \sigma_x are still two quantities
        return False
    if _quantities(parsed, gap):
        return comparator.ignores(gap)
    new_sets = lost_sets(Parsed(parsed.rhs, parsed.lhs, parsed.letters))
    return _introduces_only(parsed, new_sets) and comparator.ignores_sizes(new_sets)


def lost_sets(parsed: Parsed) -> list[str]:
    """The sets the line before sums over and the line does not (by their size's name, ``#S``)."""
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    return sorted(k for k in left if k.startswith("#") and k not in right)


def _introduces_only(parsed: Parsed, keys: list[str]) -> bool:
    """Whether the names the line writes and the line before does not are exactly ``keys``."""
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    return bool(keys) and right.keys() - left.keys() == set(keys)


def _drops_distributions(parsed: Parsed, reason: str, gap: set[str]) -> bool:
    """Whether the names behind a step's gap (``gap``) are only distributions (``\\sum_x p(x \\mid y) = 1``)
    or the variables an integral or a sum marginalises (``p(D) = \\int p(D, \\theta) d\\theta``), which the
    probability reading may decide though a quick look in the default reading sees the sides differ."""
    heads = {head.split(":")[-1] for head, _ in parsed.letters.distributions}
    if not heads:
        return False
    if reason.startswith("drops the set"):
        return True
    if reason.startswith("introduces"):
        trees = (parsed.lhs, parsed.rhs)
        heads |= {x.var.base for t in trees for x in t.walk() if isinstance(x, n.Integral) and x.lo is None}
        heads |= {x.var for t in trees for x in t.walk() if isinstance(x, n.BigOp)}
    elif not reason.startswith("drops the function"):
        return False
    return bool(gap) and gap <= heads


MAX_HYPOTHESIS_SITES = 4  # inner products tried as 0 or 1, on a step about to be refuted only


def _vector_hypothesis(parsed: Parsed, comparator: "Comparator") -> str:
    """Why a differing step may rest on what the prose says of its vectors, or "": the cross products
    of one basis (e_2 \\times e_3 = e_1 by its orientation, not by any algebra of generic vectors),
    or an inner product, v^T v or a norm that, read as 0 (orthogonal) or 1 (unit), makes the sides
    equal: ``\\|u\\|^2 + 2<u, v> + \\|v\\|^2 = \\|u\\|^2 + \\|v\\|^2`` for u \\perp v."""
    trees = (parsed.lhs, parsed.rhs)
    if any(refusals.basis_cross(x) for t in trees for x in t.walk()):
        return "a cross product of basis vectors (e_i \\times e_j), which the basis's orientation decides"
    # a whole side that is one inner product (<v_2, v_1> = 1 + 0 + 0) is worked out from entries
    # given elsewhere, not simplified by a hypothesis: the substitution checks below say so
    if _holds_for_orthonormal_columns(parsed, comparator):
        return ("holds for a matrix with orthonormal columns (M^T M taken as the identity), "
                "which the prose would say")
    sites = [x for x in parsed.lhs.walk()
             if x is not parsed.lhs and (isinstance(x, (n.Inner, n.Norm)) or refusals.quadratic_pair(x))]
    if not sites:
        return ""  # cheap gate: no inner product, norm or v^T v inside the left side
    # an inner product is dropped as 0 only as a term of a sum (2<u, v> in the expansion of a
    # square), not inside a power or a function of it
    summands = {id(refusals.uncoefficient(t.node)) for x in parsed.lhs.walk() if isinstance(x, n.Add) for t in x.terms}
    deadline = work_time() + GUARD_SECONDS  # as the short search: refuted-or-unverified only
    for site in sites[:MAX_HYPOTHESIS_SITES]:
        if work_time() > deadline:
            return ""  # the refutation stands, as when the short search runs out
        # orthogonality is said of two vectors, a unit length of one: y^T y = 0 is no hypothesis
        values = ("0", "1") if refusals.two_vectors(site) else ("1",)
        if id(site) not in summands:
            values = values[1:] if values[0] == "0" else values  # 0 only drops a whole term
        if isinstance(site, n.Mul) and isinstance(site.factors[-2], n.Sym) and values[:1] == ("0",):
            values = ()  # f'g is as often a derivative times a function: only v'v (unit) is read
        if isinstance(site, n.Mul) and len(site.factors) > 2:
            values = values[:1] if values[0] == "0" else ()  # 2u^T w as a term: only orthogonality drops it
        for value in values:
            number = n.Num(site.start, site.end, value)
            lhs = n.rebuild(parsed.lhs, lambda x, site=site, number=number: number if x is site else None)
            for flips in comparator.readings():
                try:
                    outcome = comparator.compare(lhs, parsed.rhs, flips, equal_only=True)
                except Exception:  # a side that cannot be built with the number is no explanation
                    continue
                if outcome.kind == "equal":
                    meaning = "orthogonal vectors" if value == "0" else "unit vectors"
                    return f"holds for {meaning} (an inner product or norm taken as {value}), which the prose would say"
    return ""


def _holds_for_orthonormal_columns(parsed: Parsed, comparator: "Comparator") -> bool:
    """Whether taking one ``M^T M`` (or ``M M^T``) of a side as the identity makes the sides equal:
    random entries never have orthonormal columns, which PCA's ``U_k`` and an orthogonal ``Q`` have
    by the prose's word, so such a step is the prose's to decide."""
    deadline = work_time() + GUARD_SECONDS
    for side, other, left in ((parsed.lhs, parsed.rhs, True), (parsed.rhs, parsed.lhs, False)):
        for dropped in refusals.orthonormal_pair_dropped(side)[:MAX_HYPOTHESIS_SITES]:
            if work_time() > deadline:
                return False  # the refutation stands, as when the short search runs out
            lhs, rhs = (dropped, other) if left else (other, dropped)
            for flips in comparator.readings():
                try:
                    if comparator.compare(lhs, rhs, flips, equal_only=True).kind == "equal":
                        return True
                except Exception:  # noqa: BLE001 -- a side that cannot be built so is no explanation
                    continue
    return False


_UNITS = ("i", "j", "k")  # the quaternion units


def _quaternion_units(comparator: "Comparator", parsed: Parsed) -> bool:
    """Whether the step's plain letters i, j, k read as quaternion units may make it hold: all three
    written with two of them multiplied side by side (xy\\,ij + xy\\,ji), or j or k alone, without i,
    making it hold read as the imaginary unit (one unit and the reals multiply as the complex
    numbers do). Asked of refuted steps only."""
    units = [x for tree in (parsed.lhs, parsed.rhs) for x in tree.walk() if isinstance(x, n.Sym)
             and x.base in _UNITS and not x.style and not x.indices and not x.labels and not x.primes]
    bases = {x.base for x in units}
    if len(bases) == 3:
        products = [node for tree in (parsed.lhs, parsed.rhs) for node in tree.walk() if isinstance(node, n.Mul)]
        return any(isinstance(f, n.Sym) and isinstance(g, n.Sym) and {f.base, g.base} <= bases and f.base != g.base
                   for node in products for f, g in zip(node.factors, node.factors[1:]))
    if len(bases) != 1 or bases == {"i"}:
        return False
    try:
        # the lowering's reading of a letter as the imaginary unit (offered by itself for i and j only)
        return comparator.compare(parsed.lhs, parsed.rhs, frozenset({("imag", bases.pop())})).kind == "equal"
    except Exception:  # noqa: BLE001 -- unreadable in that reading: no reading found
        return False


def _holds_for_unit_norms(comparator: "Comparator", parsed: Parsed) -> bool:
    """Whether the left side's norms of named vectors that the right side does not write
    (\\|\\omega\\|, \\|q\\|^2), each replaced by 1, make the step hold. Asked of refuted steps
    only; most write no norm."""
    from lintmath.diagnose import replace_node

    written = {n.structure(x) for x in parsed.rhs.walk() if isinstance(x, n.Norm)}
    # only the norms of named vectors: ||(3, 4)|| is a number, never assumed to be 1
    dropped = [x for x in parsed.lhs.walk() if isinstance(x, n.Norm) and isinstance(x.inner, n.Sym)
               and n.structure(x) not in written]
    if not dropped:
        return False
    one = n.Num(dropped[0].start, dropped[0].start, "1")
    lhs = parsed.lhs
    for norm in dropped:
        lhs = replace_node(lhs, norm, one)
    try:
        return comparator.compare(lhs, parsed.rhs).kind == "equal"
    except Exception:  # noqa: BLE001 -- a side that no longer lowers says nothing either way
        return False


def _solved_by_relation(comparator: "Comparator") -> bool:
    """Whether the difference of the step's two sides (in the default reading; every entry of a matrix)
    is linear in a symbol that only the left side has, and vanishes where that symbol equals a
    number plus an expression in other letters (\\gamma = 1 - \\alpha - \\beta). Asked of refuted
    steps that drop a letter only."""
    try:
        _, left, right = comparator.own_pair(frozenset(), False, 0)
        (shape_a, entries_a), (shape_b, entries_b) = linalg.entries(left), linalg.entries(right)
    except Exception:  # noqa: BLE001 -- no default reading: nothing to solve
        return False
    if shape_a != shape_b:
        return False
    pairs = [(x - y, y) for x, y in zip(entries_a, entries_b) if sp.expand(x - y) != 0]
    if not pairs or len(pairs) > 16:
        return False
    gone = set.intersection(*(d.free_symbols - y.free_symbols for d, y in pairs))
    for symbol in sorted(gone, key=str):
        values = set()
        for difference, _ in pairs:
            slope = sp.diff(difference, symbol)
            if slope == 0 or symbol in slope.free_symbols:
                break
            values.add(sp.cancel(symbol - difference / slope))
        else:
            value = next(iter(values)) if len(values) == 1 else sp.S.Zero
            constant, rest = value.as_coeff_Add()
            # 1 - \alpha - \beta: a sum-to-one constraint; a lost group of terms solves the letter
            # by the others alone (a_0 = -a_2 x^2 - a_1 x) and a lost term by a constant
            if constant != 0 and rest.free_symbols:
                return True
    return False


def _one_letter_property(parsed: Parsed) -> str:
    """The letter of a step whose two sides are each that one letter, alone or with one power,
    transpose or adjoint (``P^2 = P``, ``M^{-1} = M^T``, ``x^2 = x``); "" otherwise."""
    def lone(tree: n.Node) -> n.Sym | None:
        if isinstance(tree, n.Transpose) or isinstance(tree, n.Pow) and isinstance(tree.exp, (n.Num, n.Add)) \
                and not any(isinstance(x, n.Sym) for x in tree.exp.walk()):
            tree = tree.inner if isinstance(tree, n.Transpose) else tree.base
        return tree if isinstance(tree, n.Sym) and tree.sup_letter is None else None
    left, right = lone(_stated(parsed.lhs)), lone(_stated(parsed.rhs))
    if left is None or right is None or n.structure(replace(left, labels=())) != n.structure(replace(right, labels=())):
        return ""
    # two powers (s^2 = s^3) are no property anyone states: a slip in an exponent
    powers = [isinstance(t, n.Pow) and isinstance(t.exp, n.Num) for t in (_stated(parsed.lhs), _stated(parsed.rhs))]
    return "" if all(powers) else left.base


def _solved_for(parsed: Parsed, comparator: "Comparator") -> str:
    """The name a line like ``V = r + \\gamma V`` or ``T(n) = 2T(n) + 1`` is about, when its right side
    names it again, does not cancel (x = x + 1 has no solution to be about) and is not solved by 0
    alone; "" otherwise."""
    lhs, rhs = _stated(parsed.lhs), _stated(parsed.rhs)
    if isinstance(lhs, n.Deriv):
        return ""  # dy/dx = y: an equation of motion, which has its own reason
    head = _head_name(lhs, parsed.letters)
    if head is None or head not in names(rhs, parsed.letters):
        return ""
    try:
        _, a, b = comparator.own_pair(frozenset(), True, 0)  # functions as atoms: V(A) stays V(A)
        if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
            return ""
        difference = sp.expand(a - b)
        # f = -f or f = 2f holds at 0 alone: a sign or a factor lost, not an equation anyone solves
        remains = difference.has(a) and sp.expand(difference.subs(a, 0)) != 0
    except Exception:  # noqa: BLE001 -- a side this reading cannot lower: no reason to name
        return ""
    return head.rstrip("()") if remains else ""


def _introduces_imaginary_unit(reason: str, gap: set[str]) -> bool:
    """Whether the only name a step introduces is i or j (``z^2 + 1 = (z - i)(z + i)``, ``\\sqrt{-9} =
    3i``): maybe the imaginary unit, a reading the full comparison tries (the quick one, with i a
    letter, would stop it). Only a verification can come of it: the step stays unverified otherwise."""
    return reason.startswith("introduces") and bool(gap) and gap <= {"i", "j"}


def _introduces_events(parsed: Parsed, reason: str, gap: set[str]) -> bool:
    """Whether the names a step introduces are only named events of its probabilities (the B of
    ``P(A) = P(A \\mid B) P(B) + P(A \\mid B^c) P(B^c)``), which the reading of events decides: the
    rules hold for every event B. Or the probability itself, which a step to a number drops
    (``P(\\Omega) = 1``)."""
    if not parsed.letters.events:
        return False
    if reason.startswith("introduces"):
        named = {name[1] for _, names in parsed.letters.events for name in names}
    elif reason.startswith("drops the function"):
        named = {head.split(":")[-1] for head, _ in parsed.letters.events}
    else:
        return False
    return bool(gap) and gap <= named


def _maybe_products(parsed: Parsed, key: str) -> bool:
    """Whether every application of ``key`` in the line before may as well be a product
    (``m_2(x^2 + y^2)`` beside ``m_2 l``, ``2\\pi e(P + N)`` beside ``2\\pi e N``): a letter no one writes as
    a function that the step also writes alone, so the readings decide, not a gap."""
    apps = [x for x in parsed.lhs.walk() if isinstance(x, n.Apply) and x.func.key == key]
    if not apps or not all(x.maybe_product and (x.prefer_product or x.func.base not in FUNCTION_LETTERS) for x in apps):
        return False
    trees = (parsed.lhs, parsed.rhs)
    return any(_written_alone(t, key) or any(isinstance(x, n.Const) and key in (x.name, "\\" + x.name)
                                             for x in t.walk())
               for t in trees)


def _written_alone(tree: n.Node, key: str) -> bool:
    """Whether ``tree`` writes the letter ``key`` as a quantity, not only before a bracket it applies."""
    heads = {id(x.func) for x in tree.walk() if isinstance(x, n.Apply)}
    return any(isinstance(x, n.Sym) and x.key == key and id(x) not in heads for x in tree.walk())


def _shifted_indices(lhs: n.Node, rhs: n.Node) -> str:
    """``x_{n+1}`` on one side and ``x_n`` on the other, n free: the step is a recurrence (Newton's
    iteration, Fibonacci), whose two sides are different terms of one sequence. Returns how it reads
    (``x_{n+1} from x_n``), or "". Indices bound by a sum are left out: a telescoping sum's
    ``x_{i+1} - x_i`` is an identity."""
    def free_indexed(tree: n.Node) -> dict[tuple[str, str], set[str]]:
        bound = {x.var for x in tree.walk() if isinstance(x, n.BigOp)}
        out: dict[tuple[str, str], set[str]] = {}
        for x in tree.walk():
            if isinstance(x, n.Sym) and len(x.indices) == 1:
                letters = {s.base for s in x.indices[0].walk() if isinstance(s, n.Sym)} - bound
                if len(letters) == 1:
                    out.setdefault((x.key, letters.pop()), set()).add(_index_text(x.indices[0]))
        return out

    left, right = free_indexed(lhs), free_indexed(rhs)
    for key in left.keys() & right.keys():
        only_left, only_right = left[key] - right[key], right[key] - left[key]
        if only_left and only_right and any("+" in t or "-" in t[1:] for t in only_left | only_right):
            base = key[0].split(":")[-1]
            return f"{base}_{{{sorted(only_left)[0]}}} from {base}_{{{sorted(only_right)[0]}}}"
    return ""


def _index_text(item: n.Node) -> str:
    """An index as it reads: ``n``, ``n+1``, ``k-1``."""
    if isinstance(item, n.Add):
        text = "".join(("-" if t.sign == "-" else "+") + _index_text(t.node) for t in item.terms)
        return text[1:] if text.startswith("+") else text
    if isinstance(item, n.Paren):
        return _index_text(item.inner)
    return _item_text(item)


def _head_node(tree: n.Node) -> n.Node:
    """What the left side of a defining line is about: through a derivative, brackets, a numeric
    power and a reciprocal (``\\sigma_n^2 = ...`` and ``1/\\sigma_n^2 = ...`` give sigma_n)."""
    while True:
        if isinstance(tree, n.Deriv):
            tree = tree.body
        elif isinstance(tree, n.Paren):
            tree = tree.inner
        elif isinstance(tree, n.Pow) and isinstance(tree.exp, n.Num):
            tree = tree.base
        elif isinstance(tree, n.Div) and isinstance(tree.num, n.Num):
            tree = tree.den
        else:
            return tree


def _indexed_head_absent(parsed: Parsed) -> str | None:
    """The letter of an entry ``sigma_n`` that the left side defines (also squared or as 1/sigma_n^2)
    and the right side never writes, where the right only shares its letter (a bare sigma, a
    sigma_0): the keys of names() merge those. None otherwise."""
    head = _head_node(parsed.lhs)
    if not isinstance(head, n.Sym) or not head.indices:
        return None
    wanted = n.structure(head)
    if any(isinstance(x, n.Sym) and n.structure(x) == wanted for x in parsed.rhs.walk()):
        return None
    return head.base


def _head_name(tree: n.Node, letters: Letters) -> str | None:
    """The name a line like ``E = ...``, ``f(x) = ...`` or ``\\partial E / \\partial o = ...`` is about."""
    while isinstance(tree, (n.Deriv, n.Paren)):
        tree = tree.body if isinstance(tree, n.Deriv) else tree.inner
    if isinstance(tree, n.Sym):
        return tree.key + "".join(tree.labels) + "'" * tree.primes
    if isinstance(tree, n.Apply) and not is_library(tree) and not read_as_product(tree, letters):
        return tree.func.key + "()"
    return None


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
    # \sin(A + B) = \sin C holds for the angles of a triangle, which only the prose can say
    (TRIANGLE_ANGLES, "holds if the letters are the angles of a triangle (sum pi)"),
    # \sin 30 = \frac12: the author's angles are degrees, written without the sign
    (DEGREE_ANGLES, "holds if the angles are in degrees (lintmath reads them as radians)"),
)


class Comparator:
    """Evaluates two trees on shared random instances and points; reused by the diagnosis so that a
    candidate fix is judged on exactly the points that refuted the step."""

    def __init__(self, parsed: Parsed, relation: str, seed: int, assumed: tuple[ContextItem, ...] = (),
                 indefinite: bool = False):
        self.parsed = parsed
        # the chain integrates, or the step itself writes F + C = G + C (two forms of one antiderivative,
        # compared "up to the constant" in prose): equality up to C; without the chain, only for sides
        # in one letter besides C (x^2 + bx + c is a quadratic's coefficient c, which absorbs nothing)
        self.integrates = indefinite
        self.indefinite = indefinite or (_adds_integration_constant(parsed.lhs)
                                         and _adds_integration_constant(parsed.rhs))
        self.relation = relation
        self.seed = seed
        self.assumed = assumed
        self.constraints = _parse_assumptions(assumed)
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
        self._ranges: dict[str, tuple[float, float]] | None = None
        self._facts: dict[int, tuple[n.Node, sp.Float, frozenset[str]]] = {}
        self._undefined: bool | None = None
        # the step's own two sides lowered per (reading, atoms, instance): the quick screens, the
        # decision and the explanation of a "depends on f" all start from the same pairs
        self._pairs: dict[tuple, tuple[Instance, sp.Expr, sp.Expr] | Exception] = {}
        self._robust: Outcome | None = None

    def _tree_facts(self, tree: n.Node, given: bool = False) -> tuple[sp.Float, frozenset[str], bool, bool]:
        """The tolerance its written decimals allow (as the line before, ``given``, or as the claim),
        the imaginary units it uses, whether it writes a decimal, and whether it is a repeating
        decimal (see exact_decimals): asked at every comparison, a diagnosis's candidates included."""
        entry = self._facts.get((id(tree), given))
        if entry is None or entry[0] is not tree:
            if len(self._facts) > 256:
                self._facts.clear()
            entry = (tree, decimal_tolerance(tree, given=given), frozenset(c.name for c in _imaginary_units(tree)),
                     any(isinstance(x, n.Num) and "." in x.value for x in tree.walk()), exact_decimals(tree))
            self._facts[(id(tree), given)] = entry
        return entry[1:]

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

    def decide(self) -> tuple[Outcome, tuple[str, ...]]:
        outcomes = []
        tried: list[frozenset] = []
        started = work_time()
        for flips in self.readings():
            if outcomes and work_time() - started > EFFORT_SECONDS:
                # a step this slow to compare is rarely settled by another reading; and a refutation
                # needs every reading tried, so one not tried leaves the step undecided
                return Outcome("undecided", "too slow to compare under every reading of the notation"), ()
            outcome = self.compare(self.parsed.lhs, self.parsed.rhs, flips)
            if outcome.kind == "equal" and DIMENSION_LETTER in flips:
                names = dimension_letter_candidates(self.parsed.letters, (self.parsed.lhs, self.parsed.rhs))
                outcome = Outcome("undecided", f"holds if {', '.join(sorted(names))} is the dimension of the "
                                               "vectors (lintmath reads it as a number)")
            if outcome.kind == "equal":
                held = next((why for key, why in HOLDS_ONLY_IN if key in flips), "")
                outcome = Outcome("undecided", held) if held else outcome
            if outcome.kind == "equal" and ("logbase",) in flips and "log10" in self._other_bases():
                # \log is the natural logarithm here, as in most notes; in engineering it is base 10
                outcome = Outcome("undecided", "holds if \\log is base 10 (lintmath reads it as the natural log)")
            if outcome.kind == "equal" and quantum.PAULI_ONLY in flips:
                # \sigma_x\sigma_y\sigma_x = -\sigma_y: Pauli algebra, or standard deviations gone wrong
                outcome = Outcome("undecided", "holds if the sigmas are Pauli matrices (not standard deviations)")
            if outcome.kind == "equal" and ORTHOGONAL in flips \
                    and all(_pairs_indexed_vectors(side, self.letters) for side in (self.parsed.lhs, self.parsed.rhs)):
                # orthogonality used is orthogonality applied: a side that drops the pairs of different
                # basis vectors (<u_i, u_1> + .. = 0 + .. + <u_i, u_i>). Sides that both keep them
                # (\sum_{i,j} a_i a_j <x_i, x_j> = \sum_{i,j} a_i a_i <x_i, x_j>) agree in that reading
                # by accident: a slip that an orthogonal basis hides
                outcome = Outcome("undecided", ORTHOGONAL_ONLY)
            if outcome.kind == "equal" and ("symmetric",) in flips and not self._conventionally_symmetric():
                # x^T A y = y^T A x holds if A is symmetric, which only the prose can say
                letters = self.parsed.letters
                names = {m.split(":")[-1] for m in letters.matrices if m.split(":")[-1] in MAYBE_SYMMETRIC_NAMES
                         or m in letters.quadratic}
                outcome = Outcome("undecided", f"holds if {', '.join(sorted(names))} is symmetric")
            if outcome.kind == "equal":
                return outcome, self.guesses(flips)
            outcomes.append(outcome)
            tried.append(flips)
        if quantum.GATES in self.keys:
            return self._gates_undecided(outcomes, tried), ()
        if any(o.reason.startswith("holds if ") for o in outcomes):
            return next(o for o in outcomes if o.reason.startswith("holds if")), ()
        first = outcomes[0]
        if first.kind == "differ" and self.parsed.letters.commutators:
            return Outcome("undecided", commutators.DIFFER), ()
        if first.kind == "differ" and EVENTS in self.keys:
            # P(A \\cup B) = P(A) + P(B), refuted with P a stand-in, holds for disjoint events
            excuse = event_excuse(self)
            if excuse is not None:
                return Outcome("undecided", excuse), ()
        if first.kind == "differ":
            if any(o.kind == "undecided" and o.readable for o in outcomes[1:]):
                return Outcome("undecided", "refuted in one reading of the notation, undecided in another"), ()
            applied = self._applied_somewhere(tried[1:])
            if applied:
                # 2T(n/2) + n = 2(2T(n/4) + n/2) + n: read as products it differs, but read as T
                # applied, the two sides apply T at other points, which a T defined elsewhere relates
                return Outcome("undecided", f"depends on what {applied} is"), ()
            if self.has_undefined_functions():
                # The refutation used stand-ins for f; it stands only if it holds for any f, i.e. when
                # both sides apply the same functions to the same arguments and differ in how they
                # combine them (2f(x) vs 3f(x)), not in which applications they use.
                robust = self.robust()
                if robust.kind != "differ":
                    names = ", ".join(sorted({g.split()[-1] for g in self.guesses(frozenset())}))
                    return Outcome("undecided", f"depends on what {names} is"), ()
                return robust, ()
        return first, self.guesses(frozenset())

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

    def _applied_somewhere(self, readings: list[frozenset]) -> str:
        """The letters a reading reads as functions applied, when with them as opaque calls that
        reading does not refute the step (the sides apply them at other points); "" otherwise."""
        for flips in readings:
            keys = [k[1] for k in flips if k[0] == "apply" and self._only_applied(k[1])]
            if keys and self.compare(self.parsed.lhs, self.parsed.rhs, flips, atoms=True).kind != "differ":
                return ", ".join(sorted(k.split(":")[-1] for k in keys))
        return ""

    def _only_applied(self, key: str) -> bool:
        """Whether both sides write ``key`` before a bracket and neither writes it alone: T(n/2) beside
        T(n/4) may be a function; m_2 (x + y) beside m_2 x is a mass."""
        trees = (self.parsed.lhs, self.parsed.rhs)
        applied = [[x for x in t.walk() if isinstance(x, n.Apply) and x.func.key == key] for t in trees]
        if not all(applied) or any(_written_alone(t, key) for t in trees):
            return False
        # and at points of one variable (n/2, n/4, n - 1), as a recurrence writes them; k((a + b)x^2 + c)
        # or T(a_1 v_1) scale what they multiply
        args = [a for apps in applied for x in apps for a in x.args]
        letters = {y.key for a in args for y in a.walk() if isinstance(y, n.Sym)}
        return len(letters) == 1

    def _other_bases(self) -> set[str]:
        return {x.other_base for side in (self.parsed.lhs, self.parsed.rhs) for x in side.walk()
                if isinstance(x, n.Func) and x.other_base}

    def _conventionally_symmetric(self) -> bool:
        return any(m.split(":")[-1] in SYMMETRIC_NAMES for m in self.parsed.letters.matrices)

    def robust(self) -> Outcome:
        """The default reading with undefined functions as opaque atoms (what holds for any f),
        compared once: deciding the step and explaining it both ask."""
        if self._robust is None:
            self._robust = self.compare(self.parsed.lhs, self.parsed.rhs, frozenset(), atoms=True)
        return self._robust

    def _default_entries(self) -> tuple[list, list] | None:
        """The entries of both sides in the first instance of the default reading; None when they
        cannot be built or their shapes differ."""
        try:
            _, a, b = self.own_pair(frozenset(), False, 0)
            (shape_a, entries_a), (shape_b, entries_b) = linalg.entries(a), linalg.entries(b)
        except Exception:  # unreadable, or whatever else
            return None
        return (entries_a, entries_b) if shape_a == shape_b else None

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
        they are then compared by their derivatives, and values alone cannot judge them."""
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
                out.append("the second qubit the control of CNOT")
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
                if node.func.base in FUNCTION_LETTERS or not (node.maybe_product and product):
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
        for k in range(INSTANCES):
            free = len(letters.index) + 1
            size = max(3, free) + k % 2
            integers = {name: rng.randint(lows[name], lows[name] + 2) for name in sorted(letters.integer)}
            if out:
                # each instance its own value of a count n: one value alone would verify
                # n(n-1)(2n+1)/3 for \sum_{k=1}^n k^2, which agrees with the sum at n = 3 only
                integers = _fresh_counts(out, lows, integers)
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
        """The free index letters of a step with a Kronecker delta between letters (none without one)."""
        trees = (self.parsed.lhs, self.parsed.rhs)
        deltas = [x for t in trees for x in t.walk() if isinstance(x, n.Sym) and x.base == "\\delta"
                  and len(x.indices) == 2 and not x.style]
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
            except Exception as exc:  # noqa: BLE001 -- the callers decide which failures they expect
                entry = exc
            self._pairs[key] = entry
        if isinstance(entry, Exception):
            raise entry
        return entry

    def lower_pair(self, inst: Instance, lhs: n.Node, rhs: n.Node) -> tuple[sp.Expr, sp.Expr]:
        lowerer = Lowerer(inst, self.letters)
        a, b = lowerer.lower(lhs), lowerer.lower(rhs)
        while lowerer.unseen:
            # a stated independence: the product space has a factor for each named variable the sides
            # use, known once they are lowered; every expectation is taken in the one space, so that
            # what the statement leaves dependent keeps one joint distribution (Cov(Z, X) = E[ZX] -
            # E[Z]E[X])
            lowerer = Lowerer(inst, self.letters, factors=lowerer.factors + tuple(sorted(lowerer.unseen.items())))
            a, b = lowerer.lower(lhs), lowerer.lower(rhs)
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
                    solution = sp.solve(eq, sym)
                    if len(solution) == 1:
                        a, b = a.subs(sym, solution[0]), b.subs(sym, solution[0])
                        break
        return a, b

    def _lowered_inequalities(self, inst: Instance, symbols: set) -> list[tuple[sp.Expr, str, sp.Expr]]:
        """The assumed inequalities between expressions (``q \\le p``, ``k < n``) that ranges() cannot
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

    def ranges(self) -> dict[str, tuple[float, float]]:
        """Sampling ranges from assumptions like ``x < 0`` or ``0 < p < 1``, by symbol name."""
        out: dict[str, tuple[float, float]] = {}
        for left, relation, right in self.constraints:
            if relation not in INEQUALITY:
                continue
            for var, bound, above in ((left, right, relation in (">", ">=")), (right, left, relation in ("<", "<="))):
                if isinstance(var, n.Sym) and not var.indices and isinstance(bound, (n.Num, n.Add)):
                    try:
                        value = float(Lowerer(Instance(3, {}, {}), self.letters).lower(bound))
                    except (Undecidable, TypeError, ValueError):
                        continue
                    lo, hi = out.get(var.key, (-3.0, 3.0))
                    out[var.key] = (max(lo, value), hi) if above else (lo, min(hi, value))
        return out

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
        tolerance = TOLERANCE if repeating_l or repeating_r else combined_tolerance(tolerance_l, tolerance_r)
        # (a decimal of 25 digits carries less than TOLERANCE, and more than an exact comparison allows)
        written_decimals = decimals_l or decimals_r
        if len(units_l | units_r) > 1:
            return Outcome("undecided", "quaternion units (i, j, k) are not decided yet")
        if self._ranges is None:
            self._ranges = self.ranges()
        ranges = self._ranges
        agreed = 0
        tiny = 0
        suspect = ""
        stand_ins = not atoms and self.has_undefined_functions()
        differ_at = None
        confirmed = False  # a difference confirmed at high precision, at some point of some instance
        own = lhs is self.parsed.lhs and rhs is self.parsed.rhs
        lone_random = _random_arrays_on_one_side(lhs, rhs, self.letters) if own else frozenset()
        built: list[tuple[_Watched, tuple]] = []  # the instances lowered so far, their pairs and symbols
        instances = self.instances(flips, atoms)
        if ("probability",) in flips or ("expectation",) in flips:
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
                a, b, free_a, free_b = earlier  # the instances differ only in what this pair never consulted
            else:
                try:
                    if own:
                        inst, a, b = self.own_pair(flips, atoms, k)
                    else:
                        a, b = self.lower_pair(inst, lhs, rhs)
                except Undecidable as exc:
                    return Outcome("undecided", str(exc), readable=False)
                except ShapeError as exc:  # exp of a vector, a function of a matrix: no such reading
                    return Outcome("undecided", f"could not evaluate: {type(exc).__name__}", readable=False)
                except (ZeroDivisionError, ValueError, TypeError, NotImplementedError, AttributeError) as exc:
                    return Outcome("undecided", f"could not evaluate: {type(exc).__name__}")
                if self.indefinite or _writes_integral(lhs, rhs):  # (the search of a big sum for one is not free)
                    a, b = _differentiate_antiderivatives(a, b, self.indefinite, self.integrates)
                free_a, free_b = a.free_symbols, b.free_symbols  # a walk of the whole tree each time
                built.append((inst, (a, b, free_a, free_b)))
            names_a = {s.name for s in free_a}
            names_b = {s.name for s in free_b}
            opaque |= {o for o in inst.opaque if (o in names_a) != (o in names_b)} | lone_random
            if ("e",) in flips and ("e" in names_a) != ("e" in names_b):
                # e as a variable that only the new line mentions (an eccentricity defined in the prose)
                # is a plausible reading that needs a definition; e that disappears is Euler's number
                return Outcome("undecided", "e read as a variable appears on one side only",
                               readable="e" in names_b)
            symbols = sorted(free_a | free_b, key=lambda s: s.name)
            if atoms:
                a, b = _canonical_calls(a), _canonical_calls(b)
                calls_a, calls_b = a.atoms(AppliedUndef), b.atoms(AppliedUndef)
                if calls_a != calls_b:
                    return Outcome("undecided", "the two sides apply undefined functions differently")
                symbols += sorted(calls_a, key=sp.srepr)
            complex_ok = _writes_imaginary(flips, units_l | units_r) and (a.has(sp.I) or b.has(sp.I))
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
            while got < POINTS and tries < POINTS * 5:
                if got == 0 and tries >= UNDEFINED_TRIES:
                    break  # undefined wherever it was sampled: more points rarely change that
                tries += 1
                point = {s: _sample(rng, tries, ranges.get(getattr(s, "name", "")), whole or s in signs)
                         for s in symbols}
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
                            differ_at = tuple((_shown_name(s), sp.sstr(v.evalf(6))) for s, v in point.items())
                        if self.relation in INEQUALITY or stand_ins and not agreed or equal_only:
                            return Outcome("differ", "", differ_at, frozenset(opaque), suspect=suspect)
                    continue
                # above HUGE, doubles agree within the working tolerance on numbers a unit apart
                # (2^{50} - 1 and 2^{50} - 3): agreement there is checked exactly
                huge = tolerance == TOLERANCE and self.relation in EQUALITY and not written_decimals \
                    and any(max(abs(va), abs(vb)) > HUGE for va, vb in values) and not _has_series(a, b) \
                    and not any(x.has(sp.Integral, sp.Limit) or y.has(sp.Integral, sp.Limit) for x, y in pairs)
                exact = EXACT_TOLERANCE if huge else tolerance
                if all(self.holds(va, vb, tolerance) for va, vb in values) and not huge:
                    agreed += 1
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
                        return Outcome("differ", "", tuple((_shown_name(s), sp.sstr(v.evalf(6)))
                                                           for s, v in point.items()), frozenset(opaque))
                else:
                    # confirm at higher precision before calling it a refutation
                    precise = [(evaluate(x, point, 3 * PRECISION, complex_ok),
                                evaluate(y, point, 3 * PRECISION, complex_ok)) for x, y in pairs]
                    if any(va is None or vb is None for va, vb in precise):
                        # a difference in doubles that the exact path cannot value (a double
                        # integral, a branch the doubles missed) is neither agreement nor refutation
                        got -= 1
                        reason = "undefined at the sampled points"
                        if not symbols:
                            break
                        continue
                    if not all(self.holds(va, vb, exact) for va, vb in precise) \
                            and through_optima(pairs, point, free_a | free_b, complex_ok):
                        # 2 \max_x g = \max_x g + a may hold for the g written: only a difference
                        # beside the optimisations both sides hold is one
                        return Outcome("undecided", THROUGH_OPTIMA)
                    if not all(self.holds(va, vb, exact) for va, vb in precise):
                        confirmed = True
                        if _is_constant(a, free_a) != _is_constant(b, free_b):
                            suspect = "an equation to solve or a value given elsewhere, not an identity"
                        elif self.parsed.letters.time is not None and _time_order(free_a) != _time_order(free_b):
                            suspect = EQUATION_OF_MOTION
                        if differ_at is None:
                            differ_at = tuple((_shown_name(s), sp.sstr(v.evalf(6))) for s, v in point.items())
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
            if agreed:
                # A typo breaks an identity everywhere; agreeing at some points and not at others
                # is a branch or domain question (1/cos y = 1/sqrt(1 - sin^2 y) where cos y > 0).
                return Outcome("undecided", "holds at some sampled points and not at others (a domain question)")
            return Outcome("differ", "", differ_at, frozenset(opaque), suspect=suspect)
        return Outcome("equal", "", (), frozenset(opaque))

    def holds(self, a: sp.Expr | float, b: sp.Expr | float, tolerance: sp.Float = TOLERANCE) -> bool:
        if isinstance(a, float) and isinstance(b, float):  # a screening in doubles (see evaluate.quick_value)
            slack = _slack(float(tolerance), a, b)  # in doubles too: SymPy arithmetic per point was 2% of a run
            if self.relation in INEQUALITY:
                return {"<=": a <= b + slack, "<": a < b + slack, ">=": a + slack >= b, ">": a + slack > b}[self.relation]
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
        return abs(a - b) <= _slack(tolerance, a, b)


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
        values = []
        for z in (x, y):
            low, high = evaluate(z, point, PRECISION, complex_ok), evaluate(z, point, 3 * PRECISION, complex_ok)
            if low is None or high is None or high == 0 or abs(low - high) > _STABLE * abs(high):
                return None
            values.append(high)
        a, b = values
        apart |= abs(a - b) > TOLERANCE * max(abs(a), abs(b))
    return apart


_STABLE = sp.Float("1e-12")  # two precisions of one exact value agree far closer than this


def _slack(tolerance, a, b):
    """How far apart two values may be. The working tolerance is a share of values above 1 and
    absolute below; the tolerance of written decimals is a share of the values themselves, however
    small (``e^{-10} = 0.04`` is 100% off, not 0.04 off)."""
    least = _TOLERANCE_DOUBLE if isinstance(tolerance, float) else TOLERANCE
    if tolerance > least:
        return tolerance * max(abs(a), abs(b)) + least
    return tolerance * max(1, abs(a), abs(b))


_TOLERANCE_DOUBLE = float(TOLERANCE)


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
            total = normalized_family(x)
            if total is not None and total.body.key in families:
                sums[total.body.key] = total
    return [(total, "=", n.Num(total.start, total.start, "1")) for total in sums.values()]


def _base_of(symbol_name: str) -> str:
    """``bf:m[1]^x'`` -> ``m``: the base name a lowered symbol was made from."""
    name = symbol_name.split(":")[-1]
    for mark in "[^'":
        name = name.split(mark)[0]
    return name


def decimal_tolerance(*trees: n.Node, given: bool = False) -> sp.Float:
    """Written decimals are rounded: ``= 0.14`` claims the value to half a unit in its last place,
    0.005, which is 3.6% of it. The step is held to the loosest such claim among its decimals, as a
    share of the values compared (see ``Comparator.holds``), so that ``e^{-10} = 0.04`` and
    ``\\pi = 3.2`` do not pass. A number that is a whole side of the claim is a result, rounded
    however short (``6.1 \\times 10^{5}`` too, to half a unit of its mantissa's last digit); other
    decimals of one or two digits are the data of the example, exact (``0.3 \\cdot 0.2 + 0.7 \\cdot 0.1
    = 0.14`` is wrong, not rounded), and longer ones rounded constants whose error the result may
    carry (``3 \\times 0.693 = 2.08``), by their own share. A side that is a number carries the error
    of its decimals of four digits or more by as much as it moves when each moves by its half unit
    (``1000(1.0041667)^{120}``: 120 times that of its base; ``-100 + 54.55 + 49.59``: 0.01 in 4.14).
    Three digits may be the data (a rate of 1.08), whose error a step that magnifies it (``\\ln 1.08``)
    would carry into any result: those keep their own share. ``given``: the trees are the line
    before, which states no result."""
    shares = []
    for tree in trees:
        result = None if given else _lone_number(tree)
        if result is not None and "." in result.value and Fraction(result.value):
            shares.append(_half_unit(result) / Fraction(result.value))
        elif result is not None and len(result.value.lstrip("0")) >= ROUNDED_INTEGER_DIGITS:
            # \frac{170}{\sqrt 2} = 120, 1000 e^{0.5} = 1649: a whole number of three digits or more that
            # ends a computation is rounded to units; a slip of integer arithmetic is off by 1 or more
            shares.append(Fraction(1, 2) / Fraction(result.value))
        elif result is not None and Fraction(result.value) and _percent_result(tree):
            # 0.161 = 16\%: a share is quoted in whole percent as readily; a slip is still off by a
            # whole percent or more (\frac{17}{68} = 24\%), twice the half unit allowed
            shares.append(Fraction(1, 2) / Fraction(result.value))
        elif result is not None and len(result.value.lstrip("0")) == 2 and _unit_factor(_last_factor(tree)):
            # \\sqrt 2 \\times 10\\,\\mathrm{V} = 14\\,\\mathrm{V}: a measured quantity is rounded to two digits
            # as readily; a slip of integer arithmetic is still off by 1 or more
            shares.append(Fraction(1, 2) / Fraction(result.value))
        carried = [node for node in tree.walk() if isinstance(node, n.Num) and node is not result
                   and _significant_digits(node) >= 3]
        long = [node for node in carried if _significant_digits(node) >= CARRIED_DIGITS]
        propagated = _carried_share(tree, long) if long else None
        if propagated is not None:
            shares.append(propagated)
            carried = [node for node in carried if node not in long]
        shares += [_half_unit(node) / Fraction(node.value) for node in carried]
    if not shares:
        return TOLERANCE
    return max(TOLERANCE, sp.Float(float(max(shares))))


def exact_decimals(*trees: n.Node) -> bool:
    """Whether a side is a repeating decimal (``0.\\overline{3}``): it states every digit of its value,
    so the decimal it is equated with (``= 0.3``) is another expansion of it, not a rounded result."""
    for tree in trees:
        while isinstance(tree, n.Paren) or isinstance(tree, n.Add) and len(tree.terms) == 1:
            tree = tree.inner if isinstance(tree, n.Paren) else tree.terms[0].node
        if isinstance(tree, n.Repeating):
            return True
    return False


CARRIED_DIGITS = 4  # decimals this long in a side that is a number carry their error through it
ROUNDED_INTEGER_DIGITS = 3  # \pi = 3 is no rounding anyone writes with "="; 120 for 120.2 is


def combined_tolerance(*tolerances: sp.Float) -> sp.Float:
    """The tolerance of a comparison from those of its sides: what the data before carried and what
    the result rounded add up (``-100 + 54.55 + 49.59 = 4.13``: 0.01 carried, 0.005 rounded)."""
    rounded = [t for t in tolerances if t > TOLERANCE]
    return sp.Float(sum(rounded)) if rounded else TOLERANCE


def _half_unit(num: n.Num) -> Fraction:
    places = len(num.value.split(".")[1]) if "." in num.value else 0
    return Fraction(1, 2 * 10 ** places)


def _significant_digits(num: n.Num) -> int:
    """The digits of a decimal after its leading zeros (``0.0231``: 3); 0 for an integer or zero."""
    if "." not in num.value or not Fraction(num.value):
        return 0
    return len(num.value.replace(".", "").lstrip("0"))


def _carried_share(tree: n.Node, carried: list[n.Num]) -> Fraction | None:
    """How far a side that is a number may be off, as a share of its value, when each of the rounded
    decimals ``carried`` is off by its half unit: the sum of what each moves it by. None for a side
    with letters (or one that cannot be valued), whose decimals keep their own share."""
    if any(isinstance(x, (n.Sym, n.Apply)) for x in tree.walk()):
        return None
    value = side_value(tree)
    if value is None or value == 0:
        return None
    moved = sp.Float(0)
    for num in carried:
        half = _half_unit(num)
        step = Decimal(half.numerator) / Decimal(half.denominator)
        shifts = [side_value(_with_value(tree, num, Decimal(num.value) + sign * step)) for sign in (1, -1)]
        if any(v is None for v in shifts):
            return None
        moved += max(abs(v - value) for v in shifts)
    return Fraction(str(moved / abs(value)))


def _with_value(tree: n.Node, num: n.Num, value: Decimal) -> n.Node:
    return n.rebuild(tree, lambda x: replace(x, value=format(value, "f")) if x is num else None)


def _adds_integration_constant(tree: n.Node) -> bool:
    """Whether a side ends in a constant of integration: a plain C, c or K among its top-level terms
    (a look at the terms only, so that every step can afford it)."""
    return isinstance(tree, n.Add) and any(
        isinstance(t.node, n.Sym) and t.node.base in ("C", "c", "K") and not t.node.style for t in tree.terms)


def side_value(tree: n.Node) -> sp.Float | None:
    """The value of a side without letters; None when it has none (or it is not a real number)."""
    try:
        expr = Lowerer(Instance(3, {}, {}), classify_letters(tree)).lower(tree)
    except Exception:  # noqa: BLE001 -- a side the lowering cannot read has no value to carry errors into
        return None
    if linalg.is_matrix(expr) or getattr(expr, "free_symbols", None):
        return None
    return evaluate(expr, {}, PRECISION)


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
        if constant is None:
            return a, b
        variables = (a.free_symbols | b.free_symbols) - {constant}
        if len(variables) > 1 and not integrates:
            return a, b  # + C in the step alone: other letters may make C a coefficient
        if len(variables) > 1:
            variables &= {v for v in variables if v.name in INTEGRATION_LETTERS}
    if len(variables) != 1:
        return a, b
    (x,) = variables
    return derivative(a, x), derivative(b, x)


INTEGRATION_LETTERS = {"x", "t", "u", "s", "y", "z", "v", "w", "\\theta", "\\phi", "\\tau"}


def _integration_constant(a, b) -> sp.Symbol | None:
    """The constant C (c, K, C_1) that both sides add at their top level, if any."""
    def constants(side) -> set:
        if linalg.is_matrix(side) or not isinstance(side, sp.Add):
            return set()
        return {t for t in side.args if isinstance(t, sp.Symbol) and t.name.split("[")[0] in ("C", "c", "K")}
    shared = constants(a) & constants(b)
    return next(iter(shared)) if len(shared) == 1 else None


def _has_series(*sides) -> bool:
    """Whether a lowered side holds an infinite series (asked only where a comparison fails: a walk)."""
    return any(side.has(sp.Sum, sp.Product) for side in sides)


def _sign_sensitive(parsed: Parsed) -> bool:
    """Whether the step has a function whose value turns on signs (|x|, a root, max, min, sign, cases)."""
    return any(isinstance(x, (n.Abs, n.Sqrt, n.Cases)) or isinstance(x, n.Func) and x.name in ("max", "min", "sign")
               for side in (parsed.lhs, parsed.rhs) for x in side.walk())


def _agreement(comparator: "Comparator", value: Callable[[int, int], sp.Rational],
               flips: frozenset = frozenset()) -> tuple[int, int] | None:
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
    complex_ok = _writes_imaginary(flips, units) and (a.has(sp.I) or b.has(sp.I))
    for p in range(4):
        point = {x: value(p, k) for k, x in enumerate(symbols)}
        va, vb = evaluate(a, point, complex_ok=complex_ok), evaluate(b, point, complex_ok=complex_ok)
        if va is not None and vb is not None:
            agree, differ = (agree + 1, differ) if comparator.holds(va, vb) else (agree, differ + 1)
    return agree, differ


def _cases_hold_at_integers(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step with cases holds where its letters are integers: the boundary of a case
    over a count (``0 \\le k \\le N - 1`` for ``0 \\le k < N``) moves only between integers, which the
    real points sampled fall between. Asked of refuted steps only."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return False
    if not has_cases(parsed.lhs, parsed.rhs):
        return False
    return _holds_at_integers(Comparator(parsed, relation, seed), strict=True)


def _crossed_letters(parsed: Parsed) -> frozenset[str]:
    """The plain lowercase letters of a step without vectors or matrices that a ``\\times`` joins to
    another such letter (``a \\times b``), or to a bracket of them (``a \\times (b + c)``): numbers, or
    vectors written without bold."""
    letters = parsed.letters
    if letters.vectors or letters.matrices or letters.candidates:
        return frozenset()

    def plain(node: n.Node) -> list[n.Sym]:
        while isinstance(node, n.Paren):
            node = node.inner
        if isinstance(node, n.Add):
            found = [plain(t.node) for t in node.terms]
            return [x for f in found for x in f] if all(found) else []
        return [node] if isinstance(node, n.Sym) and _plain_letter(node) else []

    out: set[str] = set()
    for side in (parsed.lhs, parsed.rhs):
        for node in side.walk():
            if isinstance(node, n.Mul):
                for k, (f, g) in enumerate(zip(node.factors, node.factors[1:])):
                    if k < len(node.ops) and node.ops[k] == "\\times" and plain(f) and plain(g):
                        out.update(x.key for x in (*plain(f), *plain(g)))
    return frozenset(out)


def _plain_letter(node: n.Sym) -> bool:
    return not (node.style or node.indices or node.labels or node.primes) and len(node.base) == 1 \
        and node.base.islower()


def _differs_as_cross_products(parsed: Parsed, relation: str, seed: int, crossed: frozenset[str]) -> bool:
    """Whether a step verified with ``crossed`` as numbers differs with them as 3-vectors (a reading that
    builds: ``a \\times b = ab`` has no vector reading, and stays verified)."""
    vectors = replace(parsed.letters, vectors=parsed.letters.vectors | crossed)
    try:
        outcome = Comparator(replace(parsed, letters=vectors), relation, seed).compare(parsed.lhs, parsed.rhs)
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 -- no vector reading: the letters are numbers
        return False
    return outcome.kind == "differ"


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


def _cases_differ_off_samples(comparator: "Comparator") -> bool:
    """Whether a step with cases differs where its letters are negative or of mixed signs. The sampled
    points are positive, so a case for negative values (``-x & x < 0``) is never reached there; the
    author wrote it, so it is no convention to pass over, and a step verified without it is not."""
    def mixed(p: int, k: int) -> sp.Rational:
        return (-1) ** (p + k) * sp.Rational(23 + 17 * ((p + 2 * k) % 4), 50)

    for value in (lambda p, k: -sp.Rational(23 + 17 * ((p + k) % 4), 50), mixed):
        counts = _agreement(comparator, value)
        if counts is not None and counts[1]:
            return True
    return False


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


def _counts_with(parsed: Parsed) -> bool:
    """Whether a letter that conventionally counts (n, k, m) stands in an exponent or under a
    periodic function, where only its integer values may be meant."""
    def counting(node: n.Node) -> bool:
        return any(isinstance(x, n.Sym) and x.base in ("n", "k", "m") and not x.indices for x in node.walk())
    return any(isinstance(x, n.Pow) and counting(x.exp)
               or isinstance(x, n.Func) and x.name in ("sin", "cos", "tan") and any(counting(a) for a in x.args)
               for side in (parsed.lhs, parsed.rhs) for x in side.walk())


def _holds_where_negative(comparator: "Comparator") -> bool:
    """Whether the step holds where every letter is negative (the sampled points are positive), at two
    points at least where both sides are real."""
    counts = _agreement(comparator, lambda p, k: -sp.Rational(23 + 17 * ((p + k) % 4), 50))
    return counts is not None and counts[1] == 0 and counts[0] >= 2


def _lone_number(tree: n.Node) -> n.Num | None:
    """The number a side is, give or take a sign or brackets (``0.14``, ``-(2.5)``); for a number in
    scientific notation (``6.1 \\times 10^{5}``), its mantissa, whose last digit says how it was rounded."""
    while isinstance(tree, (n.Paren, n.Add)):
        if isinstance(tree, n.Add) and len(tree.terms) != 1:
            return None
        tree = tree.inner if isinstance(tree, n.Paren) else tree.terms[0].node
    tree = _without_units(tree)
    if isinstance(tree, n.Num):
        return tree
    if _is_percent(tree) and isinstance(tree.args[0], n.Num):
        return tree.args[0]  # 16\%: its digits say how the share was rounded, as a decimal's do
    scientific = scientific_parts(tree)
    return scientific[0] if scientific is not None else None


def _is_percent(tree: n.Node) -> bool:
    """Whether a node is a number of percent (``16\\%``), as the parser reads ``\\%``."""
    return isinstance(tree, n.Func) and tree.name == "percent" and len(tree.args) == 1


def _percent_result(tree: n.Node) -> bool:
    """Whether a side is a lone number of percent (``16\\%``, ``(16\\%)``), brackets and units aside."""
    while isinstance(tree, n.Paren) or (isinstance(tree, n.Add) and len(tree.terms) == 1):
        tree = tree.inner if isinstance(tree, n.Paren) else tree.terms[0].node
    return _is_percent(_without_units(tree))


def _last_factor(tree: n.Node) -> n.Node:
    """The last factor of a side that is a product (its unit, in ``14\\,\\mathrm{V}``), else the side."""
    while isinstance(tree, n.Paren):
        tree = tree.inner
    return tree.factors[-1] if isinstance(tree, n.Mul) else tree


def _without_units(tree: n.Node) -> n.Node:
    """``5.8\\times10^{3}\\,\\text{s}`` as ``5.8\\times10^{3}``: a unit says what a number counts, not how it
    was rounded."""
    if not isinstance(tree, n.Mul) or not any(_unit_factor(f) for f in tree.factors):
        return tree
    kept = [(f, op) for f, op in zip(tree.factors, ("", *tree.ops)) if not _unit_factor(f)]
    if len(kept) == 1:
        return kept[0][0]
    return replace(tree, factors=tuple(f for f, _ in kept), ops=tuple(op for _, op in kept[1:]))


def _unit_factor(node: n.Node) -> bool:
    """A unit or a power of one (``\\mathrm{m}^2``, ``\\mathrm{s}^{-1}``): what a result counts, not its digits."""
    return is_unit(node) or isinstance(node, n.Pow) and is_unit(node.base)


def scientific_parts(node: n.Node) -> tuple[n.Num, n.Node, int] | None:
    """``6.1 \\times 10^{5}``, ``1.0 \\cdot 10^{-3}``: the decimal mantissa, the exponent as written and its
    value; None for anything else (``3 \\times 10^{8}`` is an exact product, as any other integers are)."""
    if not (isinstance(node, n.Mul) and len(node.factors) == 2 and node.ops in (("\\times",), ("\\cdot",))):
        return None
    mantissa, power = node.factors
    if not (isinstance(mantissa, n.Num) and "." in mantissa.value and isinstance(power, n.Pow)
            and isinstance(power.base, n.Num) and power.base.value == "10"):
        return None
    exp = power.exp.inner if isinstance(power.exp, n.Paren) else power.exp
    sign = 1
    if isinstance(exp, n.Add) and len(exp.terms) == 1:
        sign = -1 if exp.terms[0].sign == "-" else 1
        exp = exp.terms[0].node
    if not (isinstance(exp, n.Num) and exp.value.isdigit()):
        return None
    return mantissa, power.exp, sign * int(exp.value)


def _rounds_quantity(*trees: n.Node) -> bool:
    """Whether the step rounds a quantity (a number rounded is just a number)."""
    nodes = [x for tree in trees for x in tree.walk()]
    return any(isinstance(x, n.Func) and x.name in ("floor", "ceiling", "round") for x in nodes) \
        and any(isinstance(x, n.Sym) for x in nodes)


def _imaginary_units(*trees: n.Node) -> list[n.Const]:
    return [x for t in trees for x in t.walk() if isinstance(x, n.Const) and x.name.startswith("imag_")]


def _writes_imaginary(flips: frozenset, units: frozenset[str]) -> bool:
    """Whether the step itself writes the imaginary unit (\\mathrm{i}, or i or j read as one): only
    then are complex values its values. SymPy brings in I on its own for the logarithm or root of a
    negative constant (log(1 - pi) = log(pi - 1) + i pi, pi being a mixing weight the author calls
    \\pi), where the real reading is undefined, not complex: the branches of such values differ by
    2 pi i and would refute (1 - pi) ln(b/(1 - pi)) = (1 - pi)(ln b - ln(1 - pi))."""
    # (the gate readings' matrices are complex by themselves: S, T, Y, the rotations)
    return bool(units) or any(key[0] == "imag" or key in quantum.GATE_KEYS for key in flips)


# the lowered name of a derivative in time (\\ddot x is d(x)/d(t)^2; see Lowerer.time_derivative)
_TIME_DERIVATIVE = re.compile(r"d\((.+)\)/d\((?:t|\\tau)\)\^(\d+)")


def _time_order(free: set) -> int:
    """The highest order of a derivative in time among a side's symbols (2 for \\ddot x, 0 for none)."""
    orders = [int(m.group(2)) for s in free for m in [_TIME_DERIVATIVE.fullmatch(getattr(s, "name", ""))] if m]
    return max(orders, default=0)


def _is_constant(expr: sp.Expr, free: set) -> bool:
    """``free``: the expression's free symbols, known already (each is a walk of the whole tree)."""
    return not free and not expr.atoms(AppliedUndef)


_STYLE_COMMANDS = {"bf": "\\mathbf", "bb": "\\mathbb", "cal": "\\mathcal", "scr": "\\mathscr",
                   "frak": "\\mathfrak", "sf": "\\mathsf", "rm": "\\mathrm", "hat": "\\hat", "bar": "\\bar",
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


def _shown_name(atom) -> str:
    """A coordinate of a counterexample as the reader writes it: the lowering's ``ddot:r`` and
    ``m[A]`` are ``\\ddot{r}`` and ``m_A`` (anything unexpected is shown as it is)."""
    if isinstance(atom, AppliedUndef):
        return _shown_call(atom)
    if not isinstance(atom, sp.Symbol):
        return sp.sstr(atom)
    match = _LOWERED_NAME.fullmatch(atom.name)
    if match is None:
        return atom.name
    text = match["base"]
    for style in reversed(match["style"].split("+") if match["style"] else []):
        if style not in _STYLE_COMMANDS:
            return atom.name
        text = f"{_STYLE_COMMANDS[style]}{{{text}}}"
    index = match["index"]
    if index and ":" in index:  # a label kept inside the name (x_{\\text{in}}): shown as it is
        return atom.name
    if index:
        text += f"_{index}" if len(index) == 1 else f"_{{{index}}}"
    return text + match["rest"]


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
            trees = [parse_math(p) for p in parts]
        except (ParseFailure, RecursionError):
            continue
        for k, relation in enumerate(relations):
            out.append((trees[k], relation, trees[k + 1]))
    return out


def _remainders(*exprs: sp.Basic) -> bool:
    """Whether a remainder (``a \\bmod n``) is taken: its letters are integers, which real points miss
    (``(ab) \\bmod n = ((a \\bmod n) b) \\bmod n`` holds for integers only)."""
    return any(isinstance(e, sp.Basic) and e.has(sp.Mod) for e in exprs)


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


def evaluate(expr: sp.Expr, point: dict, precision: int = PRECISION, complex_ok: bool = False,
             quick: bool = False) -> sp.Expr | float | None:
    """The value of ``expr`` at ``point``, or None when it is not finite and defined (and real,
    unless the step itself uses the imaginary unit). ``quick``: a screening, which a real double
    may answer (a Python float); a refutation is always confirmed without it."""
    if quick and precision == PRECISION and (value := quick_value(expr, point)) is not None:
        return None if value is UNDEFINED else value
    integral = expr.has(sp.Integral)
    screening = precision <= PRECISION
    if integral:
        # numerical quadrature at 30 digits costs seconds; 12 digits decide a typo just as well
        precision = min(precision, 12 if screening else 18)
    if (fast := fast_value(expr, point, precision, complex_ok)) is not None:  # see evaluate.py
        return None if fast is UNDEFINED else fast
    if integral and screening:
        # a quadrature that did not settle at screening precision: SymPy's evalf would try ever
        # harder ones for seconds (tens of seconds, for elliptic integrals); no value at this point
        return None
    if expr.has(sp.Sum, sp.Product):
        return None  # an infinite series: SymPy's summation can run for minutes (see evaluate.py)
    try:
        value = expr.xreplace(point).evalf(precision)
    except (ZeroDivisionError, ValueError, TypeError, OverflowError, RecursionError, AttributeError):
        return None
    if not value.is_number:
        return None
    re, im = value.as_real_imag()
    try:
        if not re.is_finite or not im.is_finite or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return None
        if im != 0 and abs(im) > TOLERANCE * max(1, abs(re)):
            if not complex_ok:
                return None
            return sp.Float(re, precision) + sp.I * sp.Float(im, precision)
    except TypeError:
        return None
    return sp.Float(re, precision)
