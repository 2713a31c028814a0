"""Deciding one step: Step text -> Verdict. Pure and seeded; knows nothing of files or reports.

A step is *verified* when both sides agree at random points of several concrete instances (sizes,
index values, function stand-ins), *refuted* only when they differ at a point where both are real
and defined, confirmed at higher precision, under every plausible reading of ambiguous notation,
and *unverified* whenever the decision would rest on something the step does not say.
"""
from __future__ import annotations

import collections
import copy
import functools
import math
import random
import re
import time
from contextvars import ContextVar
from dataclasses import replace
from fractions import Fraction
from typing import Callable, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef

from lintmath.lower import (
    EVENTS, HAT_MAP, LIBRARY, NUMERATOR_LAYOUT, OPAQUE_ENTRY, OPTIMUM_MARK, ORTHOGONAL_MATRIX, PRIMED_FUNCTION_GROUP, TRIANGULAR_MATRIX,
    UNIT_VECTOR, VECTOR_FUNCTION, Instance, Letters, Lowerer, Undecidable, classify_letters,
    exact_indicator, real_indicator, has_cases, has_indicator, PIECEWISE_FUNCTIONS, turns_on_signs,
    has_infinite_series, has_sample_entries, has_summed_repeat, has_uncounted_sum, has_valued_set_sum, is_library,
    has_summed_series,
    has_two_sided_series, summed_sequences, windowed_sequences,
    has_guessed_pair_sum, numerator_layout_sites,
    capitals_as_numbers, dimension_formula, identity_reading, pi_times_decimal, read_as_product, shapes_of_side, writes_indexed_vector,
)
from lintmath import arithmetic, einstein, einstein_prose, implication, linalg, modular, probability, quantum
from lintmath import additive, complexes, declared, dependence, expectation, independence, infotheory, logbase, matfunc, primed, refusals, rotations, series, symmetric
from lintmath import boolean, landau, linearmaps, minkowski, money, normalcdf, poisson, quaternions, reals, reynolds, stacked
from lintmath import distributions, orthogonality, transforms, wronskian
from lintmath import tuples as tuples_reading
from lintmath.budget import BudgetExceeded, work_time
from lintmath.context import (
    DEFINING, EARLIER, EVALUATED, PROSE_AFTER, REDEFINED, RELATION, STEP_AT, SUPERSEDED, VALUES, ContextItem,
    head_label, value_key, with_earlier_values, with_letters,
)
from lintmath.differentials import (
    bare_differentials_only,
    DIFFERENTIALS, SPACED_D, differential_gap, differentiated_by, has_differentials, has_plain_differentials,
    loose_differentials, operand_letters,
)
from lintmath.diagnose import (
    GUARD_SECONDS, MAX_SECONDS, changed_dots, changed_variables, constant_factors, decimal_slips, diagnose,
    dropped_terms, exponents, fractions_as_before, fractions_over_one, missing_factors, reciprocal_wraps,
    reciprocals, refute_where_readable, sign_flips, unreadable, wrong_functions,
)
from lintmath.diagnose import arithmetic as arithmetic_slips
from lintmath.diagnose.edits import carried_edit, carried_span, common_ends
from lintmath.model import Diagnosis, Macro, Status, Verdict
from lintmath.parse import composition, convolution, nodes as n
from lintmath.parse.parser import ANGLE as PHASOR, AVERAGE_BARS, OVER_EXPRESSION, PHASOR_FUNCTION, closing, log_bases
from lintmath.parse.parser import log_of_letter, parse_math, with_log_bases
from lintmath.parse.tokens import ParseFailure, expand_macros, tokenize
from lintmath.substitute import Definition, parse_definitions, substitute, transform
from lintmath.parse.si import CONVENTIONAL_BASES, in_base_units, in_unit_words, unit_size
from lintmath.parse.units import is_unit, ohms_as_units, unit_names, without_units, writes_ohms
from lintmath.parse.vocabulary import FUNCTION_LETTERS, GREEK, UNIT_KINDS
from lintmath.relations import EQUALITY, INEQUALITY, LOGICAL, PLUS_MINUS, find_relations, with_signs
from lintmath.comparator import (
    DOMAIN_QUESTION, EQUATION_TO_SOLVE, GATES_DIFFER, SAMPLED_VALUES, SERIES_DIFFER, SIZE_DEPENDENT, Comparator, Outcome, _canonical_calls, _cases_differ_off_samples,
    _agreement, _differs_where_large, _holds_asymptotically, _holds_at_integers, _holds_where_negative, holds_on_simplex, _is_index_letter, _item_text, _written_alone, event_excuse, names,
    shown_name, stated_ranges, equation_cases_differ, SAMPLE_LABEL, label_suffix, _sample, _shown_point,
)
from lintmath.conventions import (
    CONDITION_FOLLOWS, DELTA_OPERATOR, HOLDS_IN_A_READING, as_differentials, LIST_ON_LEFT, MIXED_NUMBER, MODULUS_IN_PROSE, MU_AS_MEAN,
    MOMENTUM_ALONG_VELOCITY, STAR_OPERATION, _CONVENTIONS, _DERIVATIVE_WRITTEN, _PRIME_PRODUCT, _PRIMED_CALCULUS,
    _Refuted, _holds_rewritten,
    _holds_with_mu_as_mean, _macros_written_out, _mean_put_in, _mixed_implication_holds, _note_states_condition,
    _transposed, PHYSICAL_CONSTANTS, implied_constants, implied_means, letters_in_residue_prose,
)
from lintmath import optima, registers, rowequiv, supported, termwise, typed
from lintmath.comparator import THROUGH_OPTIMA
from lintmath.sides import Parsed, one_step, parse_step, reclassified
from lintmath.tolerance import TOLERANCE, approximation, decimal_tolerance, evaluate, exact_decimals, side_value

# the entry point, and the step's reading, outcome and reasons as callers have always imported them from
# here, though sides.py, comparator.py and conventions.py now hold them
__all__ = ["check_step", "parse_step", "Parsed", "Outcome", "DELTA_OPERATOR", "LIST_ON_LEFT", "MIXED_NUMBER",
           "SIZE_DEPENDENT", "STAR_OPERATION"]


EQUATION_CASE_UNREACHED = "holds at the sampled points, which solve no equation; differs or cannot be judged " \
    "where the condition of a case {} holds"
UNCOUNTED_DIFFER = "differs over a few terms of a sum without bounds over a number (\\sum_n x^n): its range is not written"
PAIR_SUM_DIFFER = ("differs reading \\sum_{i \\neq j} over the pairs (i, j); whether the prose holds j fixed "
                   "is not decided")
VALUED_SET_DIFFER = ("differs where the set is {1, ..., m}; the step uses the set's elements as numbers, "
                     "and what they are (a symmetric set, a group) is not decided")
REGION_DIFFER = ("differs under a generic measure over the region; what the region is (a symmetry, its "
                 "volume) may still make the sides agree, which is not decided")
AVERAGE_DIFFER = ("differs with the angle brackets read as a generic average (<x^2> - <x>^2 = <(x - <x>)^2>); "
                  "the state the prose gives (<x> = 0, <p> = \\hbar k) may make it hold: not decided")
AVERAGE_COMMUTES = ("holds with the averaged quantities as numbers, which commute; as operators (x and p, "
                    "a and a^\\dagger) they need not: not decided")
INDICATOR_DIFFER = ("differs with the indicator (1 where a condition holds) read as an unknown function: for "
                    "its values 0 and 1, and the conditions the prose links, not decided")
# i and j vanish as the imaginary unit (\tfrac{i}{\sqrt2} dropped), never as a value the prose gives as 0
IMAGINARY_LETTERS = frozenset({"i", "j"})
SIGNS_UNREACHED = "holds where the letters are positive (as sampled), not where some are negative: a domain question"
SIGN_OF_REAL = ("holds where {} is a whole number, as sampled; it is no counting letter, and at its real values the "
                "power of -1 is complex")
ROOT_OF_NEGATIVE = ("holds where the letters are positive (as sampled); the prose says {} may be negative, where a root "
                    "or a logarithm of it differs")
#: why a step that holds where (some of) its letters are negative is left to the prose
NEGATIVE_LETTERS = "holds where the letters are negative (a domain question)"
SIMPLEX = "holds where the summed {0}_k sum to one (a distribution, a one-hot vector?)"
SUBSTITUTED = "substituted from elsewhere?"
ASYMPTOTIC = "holds only where the letters are large (an approximation such as Stirling's written with =)"
LARGE_UNREACHED = "holds where the letters are small (as sampled, below 3), not at larger values: a domain question"
CASES_UNREACHED = "holds at the sampled (positive) points, not where the letters are negative: a case they never reach?"
EINSTEIN_DIFFER = ("differs with an index written twice on a side read without a sum; "
                   "Einstein's convention sums it (and renames it freely): not decided")
SAMPLE_ENTRIES_DIFFER = ("differs with x_{ik} read as a number of its own beside the vector x_i; as the k-th entry "
                         "of that sample, not decided")
PAIR_DIFFER = ("differs with (a, b) read as a vector; as an inner product or an interval it is not refuted: "
               "not decided")
INNER_LISTS_DIFFER = ("differs with the lists under \\langle , \\rangle read as vectors under the dot product; "
                      "the document may define another inner product: not decided")
LISTS_COMPARED = "lists compared as written (vectors, gcds, cycles or points?) differ entry by entry: not decided"
CYCLES_DIFFER = "differs with the lists read as vectors; as permutation cycles it is not refuted: not decided"
ROUNDING_DIFFER = "floor or ceiling differs at real points; letters may stand for integers: not decided"
# \sum_{i=1}^n F_i = F_{n+2} - 1 holds for the sequence the course defined, not for free members
SUMMED_SEQUENCE_DIFFER = "a closed form for a sum of a sequence defined elsewhere (F_i, H_k): not decided"


def _within_one_step(decide: Callable[..., Verdict]) -> Callable[..., Verdict]:
    """``decide`` in the scope of one step (see sides.one_step): the readings tried after a verdict parse
    the step's sides again, which the default reading parsed already (the corpus's steps were parsed more than
    twice each, for about a ninth of the run)."""
    @functools.wraps(decide)
    def decided(*args, **kwargs) -> Verdict:
        with one_step():
            return decide(*args, **kwargs)
    return decided


@_within_one_step
def check_step(lhs: str, rhs: str, relation: str, *, macros: Mapping[str, Macro] | None = None,
               first: bool = False, seed: int = 0, explain: bool = True,
               context: tuple[ContextItem, ...] = (), indefinite: bool = False,
               rows: tuple[str, ...] = (), clause: bool = False, derived: bool = False,
               modular_prose: bool | tuple[int, ...] = False, note: str = "", chain: tuple[str, ...] = (),
               asides: bool = True, relation_text: str = "") -> Verdict:
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
    must be the whole difference of the two sides, which that search writes back from the sides alone.
    ``asides``: a name the row defines in a bracket beside it (``\\qquad (\\kappa = L/\\mu)``) may verify it
    (see _aside_definitions); False where that was tried already. ``relation_text``: the relation as
    written, whose mark of row operations (``\\xrightarrow{R_2 - 2R_1}``) a row reduction is held to."""
    # the arguments the readings below decide the step again with, the context and asides aside
    arguments = dict(macros=macros, first=first, seed=seed, explain=explain, indefinite=indefinite, rows=rows,
                     clause=clause, derived=derived, modular_prose=modular_prose, note=note, chain=chain)
    if relation in rowequiv.RELATIONS:
        # a row reduction between written matrices: row equivalence, not equality (see rowequiv)
        row_step = rowequiv.check(lhs, rhs, relation, macros, relation_text)
        if row_step is not None:
            return row_step
    if (relation in EQUALITY or relation in INEQUALITY) and not _MARKED_VALUES_READ.get() \
            and _MARKS_VALUE.search(lhs + " " + rhs):
        token = _MARKED_VALUES_READ.set(True)
        try:
            verdict = check_step(lhs, rhs, relation, context=context, asides=asides, **arguments)
            if verdict.status is not Status.VERIFIED:
                return verdict
            return _with_marked_values_checked(lhs, rhs, relation, verdict, macros or {}, seed)
        finally:
            _MARKED_VALUES_READ.reset(token)
    if relation in EQUALITY and not _WRITTEN_LAWS_READ.get() \
            and ("\\sim" in lhs + rhs or any("\\sim" in line for line in chain)):
        verdict = _with_written_laws(lhs, rhs, relation, context, asides, arguments)
        if verdict is not None:
            return verdict
    if (relation in EQUALITY or relation in INEQUALITY) and not _ASIDE_DOMAIN_READ.get() \
            and optima.aside_restricts(lhs, rhs, note):
        token = _ASIDE_DOMAIN_READ.set(True)
        try:
            verdict = check_step(lhs, rhs, relation, context=context, asides=asides, **arguments)
        finally:
            _ASIDE_DOMAIN_READ.reset(token)
        if verdict.status is Status.SKIPPED or verdict.status is Status.UNVERIFIED:
            return verdict
        # \min_t (t^2 - 2t) = -1 \qquad t \in [2, 3]: the optimum beside such a condition is over its set,
        # which the check does not take (over the line the step's -1 verifies, the true 0 refutes)
        return Verdict(Status.UNVERIFIED, OPTIMUM_DOMAIN_BESIDE, elapsed=verdict.elapsed)
    if (relation in EQUALITY or relation in INEQUALITY) and not _SCRIPTS_READ.get() \
            and typed.may_type_plainly(lhs + " " + rhs):
        sides = typed.readings(lhs), typed.readings(rhs)
        if sides != (None, None):
            return _with_whole_scripts(lhs, rhs, relation, sides, dict(arguments, context=context))
    if asides and relation in EQUALITY:
        given = _aside_definitions(note or _trailing_aside(rhs), lhs, rhs, macros or {}, context)
        if given:
            verdict = check_step(lhs, rhs, relation, context=context, asides=False, **arguments)
            if verdict.status is not Status.UNVERIFIED:
                return verdict
            given_verdict = check_step(lhs, rhs, relation, context=(*context, *given), asides=False, **arguments)
            # verify-only: a bracket beside a row may be a substitution or a case, (u = \sin x), (x = 0),
            # that the step takes at one point of its working and that is no value of the letter throughout
            return given_verdict if given_verdict.status is Status.VERIFIED else verdict
    forward = transforms.inverse_as_forward(_macros_written_out(lhs, macros), _macros_written_out(rhs, macros)) \
        if relation in EQUALITY and "^" in lhs + rhs else None
    if forward is not None:
        # verify-only: the forward transform is read only of a function written out, and a slip refuted
        # there would be diagnosed in a text the author did not write
        again = check_step(*forward, relation, macros=macros, seed=seed, explain=False, context=context)
        if again.status is Status.VERIFIED:
            return again
    determinant = wronskian.wronskian_written_out(_macros_written_out(lhs, macros)) \
        if relation in EQUALITY and lhs.lstrip().startswith("W") \
        and not any(item.name == "W" for item in context) else None
    if determinant is not None:
        # verify-only: a W is as often work or a weight, which a step may equal to anything
        again = check_step(determinant, rhs, relation, macros=macros, seed=seed, explain=False, context=context)
        if again.status is Status.VERIFIED:
            return again
    if relation in EQUALITY and any(item.kind == boolean.KIND for item in context) and not modular_prose \
            and not modular.mentions_modulus(lhs + " " + rhs):
        # (working modulo 2, a code's + is XOR, not OR: 1 + 1 = 0)
        rest = tuple(item for item in context if item.kind not in (boolean.KIND, boolean.NUMBERS_KIND))
        return _as_boolean(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                           context=rest, contested=boolean.contested(context), indefinite=indefinite, rows=rows, clause=clause, derived=derived,
                           modular_prose=modular_prose, note=note, chain=chain)
    if any(item.kind == VALUES for item in context):
        # the letters the prose gives a finite set of values (y_i in {-1, +1}) are first read as real
        # numbers, like any others: a step refuted so is decided again on the set's values, and one
        # left unverified (r^2 = r, a property stated) may be verified there
        rest = tuple(item for item in context if item.kind != VALUES)
        options = dict(macros=macros, first=first, seed=seed, explain=explain, indefinite=indefinite, rows=rows,
                       clause=clause, derived=derived, modular_prose=modular_prose, note=note, chain=chain)
        verdict = check_step(lhs, rhs, relation, context=rest, **options)
        if verdict.status is Status.VERIFIED or not (relation in EQUALITY or relation in INEQUALITY):
            return verdict
        return _decided_on_stated_values(lhs, rhs, relation, verdict,
                                         tuple(item for item in context if item.kind == VALUES), rest, options)
    if relation in EQUALITY and any(item.kind == distributions.KIND for item in context):
        rest = tuple(item for item in context if item.kind != distributions.KIND)
        options = dict(macros=macros, first=first, seed=seed, explain=explain, indefinite=indefinite, rows=rows,
                       clause=clause, derived=derived, modular_prose=modular_prose, note=note, chain=chain)
        verdict = check_step(lhs, rhs, relation, context=rest, **options)
        return _with_distributions(lhs, rhs, relation, verdict,
                                   tuple(item for item in context if item.kind == distributions.KIND), rest, options)
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
    if note and einstein_prose.waives(note):
        # && (no sum on i): the row's repeated index names one entry, whatever the prose announced
        context = (*context, ContextItem(einstein_prose.WAIVED_KIND, "", "*", "", "", "", 0))
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
    if relation in EQUALITY and macros and any(additive.writes_constant(m.body) for m in macros.values()):
        lhs, rhs = _constant_spelled_out(lhs, rhs, macros)
    if relation in EQUALITY and (additive.writes_constant(lhs) or additive.writes_constant(rhs)):
        (left, lhs_constant), (right, rhs_constant) = additive.without_constants(lhs), additive.without_constants(rhs)
        if lhs_constant or rhs_constant:
            return _up_to_constant(left, right, relation, macros=macros, first=first, seed=seed, explain=explain,
                                   context=context, indefinite=indefinite, rows=rows, clause=clause,
                                   derived=derived, modular_prose=modular_prose, chain=chain)
    if relation in EQUALITY or relation in INEQUALITY:
        divergences = infotheory.divergences_written(lhs, rhs, macros)
        written = infotheory.expectations_written(*divergences, macros)
        if written == (lhs, rhs) and macros and any(name in lhs + rhs and ("L" in m.body or "D" in m.body
                                                                           or "E" in m.body)
                                                    for name, m in macros.items()):
            # \kl(p\|q) with \kl a macro for \mathrm{KL}, \E for \mathbb{E}: the divergence is seen in
            # the text written out (only a macro that writes an L, a D or an E may hide one: spelling
            # out every step's macros cost 5%)
            spelled = (_macros_written_out(lhs, macros), _macros_written_out(rhs, macros))
            if spelled != (lhs, rhs):
                divergences = infotheory.divergences_written(*spelled, macros)
                written = infotheory.expectations_written(*divergences, macros)
                written = (lhs, rhs) if written == spelled else written
        if written != (lhs, rhs):
            verdict = _with_divergences(lhs, rhs, written, relation, macros=macros, first=first, seed=seed,
                                        explain=explain, context=context, indefinite=indefinite, rows=rows,
                                        clause=clause, derived=derived, modular_prose=modular_prose)
            if verdict.status is Status.REFUTED and written != divergences \
                    and _applied_names(written[0], macros) != _applied_names(written[1], macros):
                # E_{x ~ p_\theta}[f(x)] = \sum_x p(x) f(x): the sides name their distributions differently,
                # which the author may mean as one (a dropped subscript); the expectation's reading
                # refutes only where both sides apply the same names
                return Verdict(Status.UNVERIFIED, EXPECTATION_NAMES, elapsed=verdict.elapsed)
            return verdict
    if (relation in EQUALITY or relation in INEQUALITY) and macros and not modular.mentions_modulus(lhs + " " + rhs) \
            and any(modular.mentions_modulus(m.body) for m in macros.values()):
        # \newcommand{\Mod}[1]{\ (\mathrm{mod}\ #1)}: the document's own spelling of a modulus
        spelled = (modular.spelled_out(lhs, macros), modular.spelled_out(rhs, macros))
        if modular.mentions_modulus(" ".join(spelled)):
            lhs, rhs = spelled
    if (relation in EQUALITY or relation in INEQUALITY) and modular.mentions_modulus(lhs + " " + rhs):
        verdict = _modular_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, context=context,
                                indefinite=indefinite)
        if verdict.status is Status.UNVERIFIED and context:
            return _modular_example(lhs, rhs, relation, macros or {}, seed, context) or verdict
        return verdict
    if relation == "~=":
        approximated = _numeric_approximation(lhs, rhs, macros or {}, seed)
        if approximated is not None:
            return approximated
    if PLUS_MINUS.search(lhs + " " + rhs):
        return _both_signs(lhs, rhs, relation, macros=macros, first=first, seed=seed, context=context,
                           indefinite=indefinite)
    verdict = _check_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                          context=context, indefinite=indefinite, chain=chain)
    if verdict.status is Status.REFUTED and relation in EQUALITY and _NORM_BARS.search(lhs + " " + rhs):
        verdict = _norms_of_numbers(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                    context=context, indefinite=indefinite)
    if verdict.status is not Status.VERIFIED and relation in EQUALITY and landau.writes_order_term(lhs + " " + rhs):
        # a truncated expansion, e^h = 1 + h + O(h^2): decided as h -> 0, verified only
        try:
            definitions = parse_definitions(context, macros or {}, ("define", "result")) if context else []
        except (ParseFailure, RecursionError):
            definitions = []
        expansion = landau.verified_expansion(lhs, rhs, macros, seed, definitions)
        if expansion is not None:
            return expansion
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and verdict.reason.endswith(COMPOUND_SUBSCRIPT) \
            and "\\rangle" in lhs + rhs:
        return _registers_in_order(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                   context=context, indefinite=indefinite, chain=chain)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and (
            verdict.reason.endswith(STAR_UNREAD) or _writes_convolution_sum(lhs, rhs, macros)):
        return _as_convolutions(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                explain=explain, context=context, indefinite=indefinite, chain=chain)
    if verdict.status is Status.VERIFIED and relation in EQUALITY \
            and any(item.kind == declared.KIND or declared.defines_matrix(item) for item in context):
        verdict = _as_declared_matrices(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                        explain=explain, context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and "\\int" in lhs + rhs:
        verdict = _with_integrand_functions(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                            explain=False, context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and any(item.kind == dependence.KIND for item in context):
        verdict = _with_varying_letters(lhs, rhs, verdict, macros=macros, context=context)
    if verdict.status is Status.REFUTED and relation in EQUALITY and first \
            and any(item.kind == dependence.KIND for item in context):
        verdict = _equation_of_varying_letters(lhs, rhs, verdict, macros=macros, context=context)
    if verdict.status is Status.REFUTED and relation in EQUALITY and "\\pi" in lhs + rhs \
            and any(item.kind == dependence.APPLIED and "\\pi" in item.lhs.split(",") for item in context):
        verdict = _pi_of_the_document(lhs, rhs, verdict, macros or {})
    if verdict.status is Status.VERIFIED and relation in EQUALITY and (
            any(item.kind == dependence.APPLIED for item in context) or _defined_functions(context, macros or {})):
        verdict = _as_document_functions(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                         context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and any(item.kind == complexes.KIND for item in context):
        verdict = _as_complex_letters(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                      context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and "|" in lhs + rhs \
            and not any(item.kind == complexes.KIND for item in context):
        verdict = _moduli_of_complex_names(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                           context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "\\{" in lhs + rhs \
            and any(item.kind == poisson.KIND for item in context):
        verdict = _as_stated_brackets(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                      explain=explain, context=context, indefinite=indefinite, chain=chain)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and verdict.reason in _UNREAD_AVERAGES \
            and any(item.kind == reynolds.KIND for item in context):
        verdict = _as_reynolds_averages(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                        context=context, indefinite=indefinite)
    if verdict.status is not Status.VERIFIED and relation in EQUALITY and (
            _CONJUGATE_MARKS.search(lhs + " " + rhs) or any(item.kind == complexes.KIND for item in context)):
        verdict = _with_conjugates(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                   context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and (
            PHASOR in lhs + rhs or any(item.kind == complexes.KIND for item in context)):
        verdict = _with_stated_unit(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                    context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "\\Omega" in lhs + rhs \
            and verdict.reason.startswith(NAMES_ELSEWHERE[0]):
        verdict = _with_ohms(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                             context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and verdict.reason == UNDEFINED_AT_SAMPLES \
            and any(item.kind == RELATION and item.relation != "=" for item in context):
        verdict = _verified_within_stated_bounds(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                                 context=context, indefinite=indefinite)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and verdict.reason == UNDEFINED_AT_SAMPLES \
            and explain:
        verdict = _repaired_where_undefined(lhs, rhs, relation, verdict, macros=macros or {}, first=first, seed=seed,
                                            context=context)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and ("'" in lhs + rhs or "\\circ" in lhs + rhs):
        verdict = _primes_of_one_variable(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                          explain=explain, context=context, indefinite=indefinite,
                                          chain=chain)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "'" in lhs + rhs:
        verdict = _primes_beside_derivatives(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                             explain=explain, context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and _SPREAD_NAME.search(lhs + rhs):
        verdict = _with_negative_coefficients(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                              context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and "'" in lhs + rhs:
        verdict = _as_transposed_matrices(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                          context=context, indefinite=indefinite)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and _TWO_CAPITALS.search(lhs + " " + rhs):
        verdict = _as_generic_matrices(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                       context=context, indefinite=indefinite, chain=chain)
    if verdict.status is Status.VERIFIED and relation in EQUALITY and ("\\frac" in lhs + rhs or "'" in lhs + rhs
                                                                       or "\\partial" in lhs + rhs):
        verdict = _with_partner_functions(lhs, rhs, verdict, macros=macros)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and series.OPEN_ELLIPSIS in verdict.reason:
        return _open_series(lhs, rhs, macros or {}, seed, verdict)
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "_" in lhs + rhs and "\\" in lhs + rhs:
        # Greek indices contracted with the Minkowski metric (see minkowski.py): only ever confirms
        lorentz = minkowski.decide(lhs, rhs, macros, context)
        if lorentz is not None:
            return Verdict(Status.VERIFIED if lorentz[0] else Status.UNVERIFIED, lorentz[1], elapsed=verdict.elapsed)
    # (X'(X\beta + \epsilon) read as the derivative X' applied to a bracket drops "the function X")
    if verdict.status is Status.UNVERIFIED and verdict.reason.startswith((*NAMES_ELSEWHERE, *FUNCTIONS_ELSEWHERE)) \
            and relation in EQUALITY:
        transposed = _verified_with_transposes(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                               context=context, indefinite=indefinite)
        if transposed is not None:
            return transposed
    if verdict.status is Status.UNVERIFIED and verdict.reason.startswith(NAMES_ELSEWHERE) and relation in EQUALITY:
        stacked_data = _verified_as_stacked(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                            context=context, indefinite=indefinite)
        if stacked_data is not None:
            return stacked_data
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "\\Phi" in verdict.reason:
        cdf = _verified_with_normal_cdf(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                        context=context, indefinite=indefinite)
        if cdf is None and any(item.kind == normalcdf.KIND for item in context):
            cdf = _refuted_with_normal_cdf(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                           context=context, indefinite=indefinite)
        if cdf is not None:
            return cdf
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and "Q" in lhs + rhs + "".join(
            m.body for m in (macros or {}).values()):
        tail = _verified_with_gaussian_tail(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                            context=context, indefinite=indefinite)
        if tail is not None:
            return tail
    if verdict.status is Status.REFUTED and relation in EQUALITY and "^" in lhs + rhs:
        squared = _with_function_powers(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                        context=context, indefinite=indefinite)
        if squared is not None:
            return squared
    if verdict.status in (Status.UNVERIFIED, Status.REFUTED) and relation in EQUALITY \
            and (arithmetic.calls(lhs + " " + rhs) or macros):
        valued = _verified_with_arithmetic_functions(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                                     context=context, indefinite=indefinite)
        if valued is not None:
            return valued
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
    # matrices the prose states symmetric, or rotations: readings that only verify
    for kind, verified_with in ((symmetric.KIND, _verified_with_symmetry), (rotations.KIND, _verified_with_rotations)):
        if verdict.status in (Status.UNVERIFIED, Status.REFUTED) and relation in EQUALITY \
                and any(item.kind == kind for item in context):
            stated = verified_with(lhs, rhs, relation, macros=macros, first=first, seed=seed, context=context,
                                   indefinite=indefinite)
            if stated is not None:
                return stated
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and verdict.reason.startswith("introduces "):
        magnitudes = _verified_with_magnitudes(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                               context=context, indefinite=indefinite)
        if magnitudes is not None:
            return magnitudes
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY \
            and (verdict.reason.startswith("introduces ") or verdict.reason == EQUATION_TO_SOLVE
                 or verdict.reason.endswith(SUBSTITUTED)):
        # \frac{1}{n}\sum_{i=1}^n x_i = \bar x: x-bar beside a sum of the x_i is their mean by convention (as for
        # a refuted step below), which a step with the x_i on one side only, or \sum_i (x_i - \bar x) = 0,
        # needs. Verify-only: a step that fails with the mean put in may mean another x-bar, the prose's
        # (and c = 1/\sqrt{\mu_0\epsilon_0}, \beta = 1/(k_B T) between the physical constants a step writes)
        means = (*implied_means(lhs, rhs, macros or {}), *implied_constants(lhs, rhs, macros or {}))
        if means:
            holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, (*context, *means))
            if holding is not None and holding.status is Status.VERIFIED:
                return holding
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and verdict.reason.endswith(linalg.BLOCKS):
        assembled = _verified_as_blocks(lhs, rhs, relation, macros=macros, first=first, seed=seed, context=context,
                                        indefinite=indefinite)
        if assembled is not None:
            return assembled
        numbers = _verified_with_number_entries(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                                context=context, indefinite=indefinite)
        if numbers is not None:
            return numbers
    if verdict.status in (Status.UNVERIFIED, Status.REFUTED) and relation in EQUALITY \
            and (any(item.kind == linearmaps.KIND for item in context) or linearmaps.annotated(lhs + " " + rhs)):
        # (an unverified step that the default reading cannot build, a map of vectors or letters
        # applied as unknown functions, may be refuted in the maps' reading by a small edit; not one
        # left unverified for a name from elsewhere)
        linear = _verified_with_linear_maps(lhs, rhs, relation, macros=macros, first=first, seed=seed,
                                            context=context, indefinite=indefinite,
                                            unreadable=verdict.status is Status.UNVERIFIED
                                            and verdict.reason.startswith((VECTOR_FUNCTION, "depends on what ")))
        if linear is not None:
            return linear
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY \
            and any(item.kind == quantum.STATE_KIND for item in context):
        holding = _holds_with_states(lhs, rhs, relation, macros or {}, seed, context)
        if holding is not None:
            return holding
    if verdict.status is Status.UNVERIFIED and relation in EQUALITY and context:
        # P^2 = (a written matrix) beside $P = \begin{pmatrix}..\end{pmatrix}$: as a free letter P is a random
        # matrix of no particular size, so the step cannot be decided (shapes, a name gone); the written
        # matrix in force decides it. Verify-only: a value of numbers may be an example's, and which
        # definition the step means is the prose's.
        # (with the values with letters in force, so that N = (I - Q)^{-1} reaches its written Q)
        written = _written_matrices(context, macros)
        if written:
            values = tuple(dict.fromkeys(written + _stated_values(context)))
            holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, values)
            named = {_definition_named(d) for d in parse_definitions(written, macros or {}, ("define", "result"))}
            if holding is not None and holding.status is Status.VERIFIED and named & set(holding.definitions):
                return holding
    if verdict.status is Status.UNVERIFIED and context and (
            verdict.reason.startswith(NAMES_ELSEWHERE + FUNCTIONS_ELSEWHERE) or verdict.reason == EQUATION_TO_SOLVE
            # S_{xy}/S_{xx} = 45.6/19 beside "$S_{xy} = 45.6$, $S_{xx} = 19$": the repeated index may be
            # Einstein's, but the prose gives the very symbol a number (verify-only, as for any value)
            or verdict.reason == EINSTEIN_DIFFER
            # (e^{2x}y)' = 4e^{2x} beside y = 2 + Ce^{-2x}: the function's value in force decides the group
            or verdict.reason == PRIMED_FUNCTION_GROUP
            # \partial u/\partial x + \partial v/\partial y = 0 beside $u = ax$, $v = -ay$: nothing on the right
            # asks for the values, which decide the derivatives
            or verdict.reason.startswith("depends on ") and verdict.reason.endswith(UNDEFINED_HERE)
            # g'(t) = 2g(t) beside "Define $g(t) := e^{2t}$": a function on both sides, read as a stand-in,
            # is decided by its value in force
            or verdict.reason.startswith(UNDECIDED_FUNCTION)
            # m\omega_n^2\sin^2(\omega_n t) + k\cos^2(\omega_n t) = k beside $\omega_n = \sqrt{k/m}$: the label n
            # written twice reads as Einstein's dummy, but the step holds as written once the value is put in
            or verdict.reason == EINSTEIN_DIFFER):
        # \gamma^2 - \gamma^2\beta^2 = 1 under \gamma = 1/\sqrt{1 - \beta^2}: a side without letters is
        # an identity once a value with letters in force is put in (verify-only, as for names)
        stated = _stated_values(context)
        # (with the prose's statements of symmetric matrices, which the values' bodies may write)
        symmetric_stated = tuple(item for item in context if item.kind == symmetric.KIND)
        holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, (*stated, *symmetric_stated)) \
            if stated else None
        if holding is None and (verdict.reason in (EQUATION_TO_SOLVE, EINSTEIN_DIFFER)
                                or _numbers_not_functions(verdict.reason, context)):
            # \frac{bh^3}{12} = 225 \times 10^6 beside "$b = 100$ mm, $h = 300$ mm": a side of numbers is no
            # identity that a value of numbers could make hold by chance at its point, but the worked
            # example's evaluation at the values in force (verify-only, as for the values with letters)
            numbers = tuple(item for item in context if item.kind in ("define", "result") and not with_letters(item))
            if numbers:
                holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed,
                                               (*stated, *numbers, *symmetric_stated))
            evaluated = tuple(replace(item, kind="result") for item in context if item.kind == EVALUATED)
            if holding is None and evaluated:
                # \frac{\mathrm{SSB}}{k - 1} = \frac{40}{2} below SSB = ... = 40: the number its chain ended
                # at, in place of the name's formula (verify-only, as any value of numbers)
                ended = {(item.name, item.label) for item in evaluated}
                kept = tuple(item for item in (*stated, *numbers) if (item.name, item.label) not in ended)
                holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed,
                                               (*kept, *symmetric_stated, *evaluated))
            roots = _stated_squares(context, macros or {})
            if holding is None and roots:
                # \frac{s_1^2}{n_1} = \frac{0.64}{40} beside "$s_1^2 = 0.64$": the letter's value is either
                # root, and the step is verified only if it holds with both (as r = 0.8 would not)
                held = [holds_by_definitions(lhs, rhs, relation, macros or {}, seed,
                                             (*stated, *numbers, *symmetric_stated, *chosen)) for chosen in roots]
                if all(verdict is not None and verdict.status is Status.VERIFIED for verdict in held):
                    holding = held[0]
        if holding is None and explain and relation in EQUALITY and (
                verdict.reason.startswith(NAMES_ELSEWHERE) or verdict.reason == EQUATION_TO_SOLVE):
            # v^2 = a^2 - 2ab + b^2 beside "Let $v = a + b$": the value in force decides the step, and
            # a small edit that makes it hold with that value says the step slipped (c^2 + s^2 = 2 beside
            # $c = \cos\theta$, $s = \sin\theta$ as well: an edit makes a side of numbers hold only where
            # the values make the other side that number, so the step is no equation to solve)
            repaired = _repaired_with_values(lhs, rhs, relation, macros or {}, seed, context, chain)
            if repaired is not None:
                return repaired
        return holding or verdict
    if verdict.status is Status.UNVERIFIED and verdict.reason == NEGATIVE_LETTERS \
            and any(item.kind == RELATION for item in context):
        # |p| + |q| = q - p below "$p < 0 < q$": the prose's bound is what makes it hold, and says so
        stated = _holds_by_stated_relation(lhs, rhs, relation, macros or {}, seed, context)
        if stated:
            return Verdict(Status.UNVERIFIED, stated, elapsed=verdict.elapsed)
    if verdict.status is not Status.REFUTED:
        return verdict
    refuted = _Refuted(lhs, rhs, relation, macros or {}, first, seed, context, indefinite, rows, clause, derived,
                       verdict, _check_step, check_step, modular_prose)
    for reason, applies in _CONVENTIONS:
        found = applies(refuted)
        if found:
            if found is True and (reason == MODULUS_IN_PROSE and letters_in_residue_prose(refuted)
                                  or reason == MOMENTUM_ALONG_VELOCITY) \
                    and any(item.kind in ("define", "result") for item in context):
                # a step of letters below prose about residues may still hold by a definition in force,
                # as real numbers: verified so before it is excused as residues (and one beside the
                # prose's $\mathbf{p} = m\dot{\mathbf{r}}$ before it is excused by that convention)
                holding = holds_by_definitions(lhs, rhs, relation, macros or {}, seed, context)
                if holding is not None and holding.status is Status.VERIFIED:
                    return holding
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
        replaced = _holds_by_replaced_definition(lhs, rhs, relation, macros or {}, seed, context)
        if replaced:
            return Verdict(Status.UNVERIFIED, replaced, elapsed=verdict.elapsed)
        example = _example_value_used(verdict, context) or _worked_example_of_a_family(lhs, rhs, verdict, context,
                                                                                      macros or {})
        if not example:
            example = _example_result_in_a_general_step(lhs, rhs, verdict, context, macros or {})
            if example:
                # the general step may mean its letter free rather than the example's value: a step that
                # fails in both readings (\frac{d}{dx}e^{-x^2/2\sigma^2} = \frac{x}{\sigma^2}e^{..} after
                # \sigma = \sqrt{3^2 + 4^2} of an example) is refuted in the general one
                general = _refuted_without_example_results(lhs, rhs, relation, verdict, context, macros or {},
                                                           seed, indefinite)
                if general is not None:
                    return general
        if example:
            return Verdict(Status.UNVERIFIED, example, elapsed=verdict.elapsed)
    stated = _holds_by_stated_relation(lhs, rhs, relation, macros or {}, seed, context) \
        if relation in EQUALITY | INEQUALITY else ""
    if stated:
        return Verdict(Status.UNVERIFIED, stated, elapsed=verdict.elapsed)
    fixed = _holds_with_fixed_vector(lhs, rhs, relation, macros or {}, seed, context)
    if fixed:
        return Verdict(Status.UNVERIFIED, fixed, elapsed=verdict.elapsed)
    totals = _sum_totals(lhs, rhs, macros or {}) if relation in EQUALITY else ""
    if totals:
        # N_k / \\sum_j N_j = N_k / N: the total N (or \\alpha_0) is the prose's, not the sequence's entry
        return Verdict(Status.UNVERIFIED, totals, elapsed=verdict.elapsed)
    mean = _mean_put_in(lhs, rhs, macros or {}) if relation in EQUALITY else ""
    if mean:
        # (1/m) sum_i x_i gone from a line where mu is written: the mean from the prose put in
        return Verdict(Status.UNVERIFIED, mean, elapsed=verdict.elapsed)
    if _holds_with_mu_as_mean(lhs, rhs, relation, macros or {}, seed, holds_by_definitions):
        # asked after the definitions in force: a mu the document defines as the mean verifies there
        return Verdict(Status.UNVERIFIED, MU_AS_MEAN, elapsed=verdict.elapsed)
    return verdict


#: set while a step is decided in one reading of its plainly typed math (see typed.py), so that the readings' own
#: checks (and the checks they make of rewritten sides) take the text as given
_SCRIPTS_READ: ContextVar[bool] = ContextVar("scripts_read", default=False)
#: set while a step that marks a term with its value (\\cancelto{0}{x}, \\underbrace{x}_{=0}) is checked
_MARKED_VALUES_READ: ContextVar[bool] = ContextVar("marked_values_read", default=False)
_MARKS_VALUE = re.compile(r"\\cancelto|\\(?:under|over)brace")
MARKED_VALUE_WRONG = ("a term the step marks with a value (\\cancelto{0}{..}, \\underbrace{..}_{=0}) is not that value, "
                      "and the step holds only with it")


def _with_marked_values_checked(lhs: str, rhs: str, relation: str, verdict: Verdict,
                                macros: Mapping[str, Macro], seed: int) -> Verdict:
    """``verdict`` (verified) on a step that marks terms with values, unless one mark is refuted on its own
    (``x^2 + \\cancelto{0}{x - x + 1} = x^2``: the term is 1) and the step does not hold with the marked terms
    as written: the reading that takes the author's value (see Lowerer.lower_Annotated) verified it, and a
    value that is wrong everywhere is no step of theirs to take. A mark with letters (\\cancelto{0}{\\cos^2 x})
    may hold at the point or under the assumption the text works with, and stands."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return verdict
    plain, wrong = [], False
    for text, tree in ((lhs, parsed.lhs), (rhs, parsed.rhs)):
        marks = sorted((x for x in tree.walk() if isinstance(x, n.Annotated)), key=lambda x: x.start)
        pieces, at = [], 0
        for mark in marks:
            if mark.start < at:
                continue  # inside a mark already replaced
            inner, value = text[mark.inner.start:mark.inner.end], text[mark.value.start:mark.value.end]
            if not inner.strip() or not value.strip():
                return verdict  # offsets of a macro's expansion: not the author's text
            claim = _check_step(inner, value, "=", macros=macros, seed=seed, explain=False)
            wrong = wrong or claim.status is Status.REFUTED
            pieces += [text[at:mark.start], "(", inner, ")"]
            at = mark.end
        plain.append("".join(pieces) + text[at:])
    if not wrong:
        return verdict
    again = _check_step(*plain, relation, macros=macros, seed=seed, explain=False)
    if again.status is Status.VERIFIED:
        return verdict
    return Verdict(Status.UNVERIFIED, MARKED_VALUE_WRONG, elapsed=verdict.elapsed + again.elapsed)


#: set while a step beside a condition on its optimisation's variable is checked as if none were written
_ASIDE_DOMAIN_READ: ContextVar[bool] = ContextVar("aside_domain_read", default=False)
#: set while a step that writes a letter's law beside it or under its expectation is decided as written
_WRITTEN_LAWS_READ: ContextVar[bool] = ContextVar("written_laws_read", default=False)
OPTIMUM_DOMAIN_BESIDE = ("a condition beside the step names the variable of its optimisation (or a set for it): "
                         "the optimum over that set is not decided")
SCRIPTS_WHOLE_READ = ("math typed plainly read as the author means it (x^-1 as x^{-1}, 2^10 as 2^{10}, sin x as "
                      "\\sin x)")
SCRIPTS_UNDECIDED = ("a script typed without braces (e^-2x, e^2x, x^-1) may reach over the letters after it or "
                     "not: refuted in one reading only, not decided")


def _decided_as(lhs: str, rhs: str, relation: str, options: dict) -> Verdict:
    token = _SCRIPTS_READ.set(True)
    try:
        return check_step(lhs, rhs, relation, **options)
    finally:
        _SCRIPTS_READ.reset(token)


def _readings_differ(first: tuple[str, str], whole: tuple[str, str], options: dict) -> bool:
    """Whether one side alone reads otherwise whole (\\frac{d}{dx} e^-2x: e^{-2} as TeX reads it, -2e^{-2x} as
    typed), which then differs from the other side, one text, in one of the two readings. A step left
    undecided in the whole reading (a constant against a function is an equation to solve) is so still
    no verification of the short one."""
    changed = [(a, b) for a, b in zip(first, whole) if a != b]
    if len(changed) != 1:
        return False
    verdict = _decided_as(*changed[0], "=", {**options, "first": False, "note": "", "rows": (), "context": ()})
    # (a constant against a function is no identity: the two readings differ)
    return verdict.status is Status.REFUTED or verdict.reason == EQUATION_TO_SOLVE


def _with_whole_scripts(lhs: str, rhs: str, relation: str,
                        sides: tuple[typed.TypedReadings | None, typed.TypedReadings | None],
                        options: dict) -> Verdict:
    """The verdict on a step that types a script without braces or a function without its backslash
    (see typed.py). Where some script is a sign, a number of several digits or a bracket (x^-1, 2^10,
    e^(2x)), or a function is a word (sin x), TeX's reading (one character, a product of letters) is
    not the author's: the step is held to the short reading (x^{-1}) and, where letters
    follow the script unspaced (e^-2x), the whole one (e^{-2x}): verified in either where the other does
    not refute it (a short reading that verifies what the whole one refutes, as \\frac{d}{dx} e^-2x =
    e^{-2}, is a guess of the reading), refuted only in both. Otherwise (e^2x, a_ij) TeX's reading is the step's, and the whole reading only keeps a
    refutation from standing where the step holds in it."""
    left, right = sides
    short = (left.short if left else lhs, right.short if right else rhs)
    whole = (left.whole if left else lhs, right.whole if right else rhs)
    unusual = any(side is not None and side.unusual for side in sides)
    first = short if unusual else (lhs, rhs)
    verdict = _decided_as(*first, relation, options)
    if verdict.status is Status.VERIFIED and unusual and whole != first:
        # \frac{d}{dx} e^-2x = e^{-2}: holding as e^{-2}\,x but not as the e^{-2x} typed as often, the step
        # is refuted in one reading only, as a slip in the other direction is (no verification either)
        other = _decided_as(*whole, relation, options)
        if other.status is Status.REFUTED or other.status is Status.UNVERIFIED and _readings_differ(first, whole, options):
            return Verdict(Status.UNVERIFIED, SCRIPTS_UNDECIDED, elapsed=verdict.elapsed + other.elapsed)
    if verdict.status is Status.VERIFIED:
        return replace(verdict, guessed=(*verdict.guessed, SCRIPTS_WHOLE_READ)) if unusual else verdict
    if whole != first and (unusual or verdict.status is Status.REFUTED):
        other = _decided_as(*whole, relation, options)
        if other.status is Status.VERIFIED and unusual:
            return replace(other, guessed=(*other.guessed, SCRIPTS_WHOLE_READ))
        if verdict.status is Status.REFUTED and (other.status is Status.VERIFIED
                                                 or unusual and other.status is not Status.REFUTED):
            return Verdict(Status.UNVERIFIED, SCRIPTS_UNDECIDED, elapsed=verdict.elapsed + other.elapsed)
    if verdict.status is Status.REFUTED and first[1] != rhs and verdict.diagnosis is not None:
        # the edit found on the braced reading, carried back to the author's text where it falls on
        # characters typed as they stand (an edit of the inserted braces is no edit of theirs)
        # (the suggestion is then checked as typed, in these readings again)
        return replace(verdict, diagnosis=_carried_back(verdict.diagnosis, first[1], lhs, rhs, relation, options))
    return verdict


APPROXIMATION_ROUNDED = "the number after \\approx read as the value before it, rounded or cut to its last digit"
APPROXIMATION_OFF = "the number after \\approx is far from the value before it, not a rounding of it"


def _numeric_approximation(lhs: str, rhs: str, macros: Mapping[str, Macro], seed: int) -> Verdict | None:
    """The verdict on ``a \\approx b`` between sides of numbers alone, the right one a number as written
    (see tolerance.approximation): verified as a rounding, refuted where the number is far off (with
    the diagnosis of the step read as an equality, whose rounding claim it shares); None, for the
    relation to stay unchecked, otherwise."""
    try:
        sides = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return None
    try:
        holds = approximation(*sides)
    except Exception:  # noqa: BLE001 -- a side SymPy cannot value decides nothing
        return None
    if holds is True:
        return Verdict(Status.VERIFIED, guessed=(APPROXIMATION_ROUNDED,))
    if holds is False:
        equal = _check_step(lhs, rhs, "=", macros=macros, seed=seed)
        if equal.status is Status.REFUTED:
            return replace(equal, reason=APPROXIMATION_OFF)
    return None


COMPOUND_SUBSCRIPT = "a subscript on a compound expression"


def _registers_in_order(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """A step whose kets carry the qubit registers they hold as subscripts, verified without them where
    they only restate the order of the tensor factors (see registers.py); ``verdict`` otherwise."""
    sides = registers.unlabelled(lhs, rhs)
    if sides is None:
        return verdict
    again = _verified_as_written(*sides, relation, "the subscripts of the kets name their registers, in order",
                                 **options)
    return verdict if again is None else again


STAR_UNREAD = "between factors may be a convolution"
CONVOLUTIONS_DIFFER = ("differs with the convolutions read as unknown signals, whose sides do not convolve the same "
                       "signals (or convolve a signal the prose or convention defines, as the unit step): not decided")


STAR_AS_PRODUCT = "differs as a convolution, holds with the star read as a product: which one is meant is not decided"


def _convolved_with_definitions(lhs: str, rhs: str, relation: str, *, context: tuple[ContextItem, ...],
                                **options) -> Verdict | None:
    """x[k] * h[k] = x[k] - x[k-1] under $h[k] = \\delta[k] - \\delta[k-1]$: verified with the signals the
    prose defines put in (verify-only: the value may be one example's), else None."""
    used = []
    for item in context:
        if item.kind in ("define", "result") and item.relation == "=":
            spelled = (convolution.with_definition(lhs, item.lhs, item.rhs),
                       convolution.with_definition(rhs, item.lhs, item.rhs))
            if spelled != (lhs, rhs):
                lhs, rhs = spelled
                used.append(item.where)
    if not used:
        return None
    verdict = _check_step(lhs, rhs, relation, context=(), **options)
    return replace(verdict, definitions=tuple(used)) if verdict.status is Status.VERIFIED else None


def _writes_convolution_sum(lhs: str, rhs: str, macros: Mapping[str, Macro] | None) -> bool:
    """Whether a side writes a convolution out as its sum or integral, \\sum_m x[m] \\delta[k - m]."""
    if not re.search(r"\\(sum|int)(?![a-z])", lhs + " " + rhs):
        return False
    try:
        parsed = parse_step(lhs, rhs, macros or {})
    except ParseFailure:
        return False
    return convolution.writes_defining_sum(parsed.lhs, parsed.rhs)


def _as_convolutions(lhs: str, rhs: str, relation: str, verdict: Verdict, *, macros: Mapping[str, Macro] | None,
                     context: tuple[ContextItem, ...], **options) -> Verdict:
    """A step with a star between signals, read as a convolution by its laws (see parse.convolution).
    Verified by those laws alone; refuted only where both sides convolve the same free signals: a
    convolution is an unknown signal to the comparison, which a definition of one of its signals (or
    the unit step's values) may make equal to what the other side writes."""
    written = (lhs, rhs)
    lhs, rhs = convolution.applied_names(lhs), convolution.applied_names(rhs)
    with convolution.reading():
        read = _check_step(lhs, rhs, relation, macros=macros, context=context, **options)
        if read.status is not Status.VERIFIED:
            defined = _convolved_with_definitions(lhs, rhs, relation, macros=macros, context=context, **options)
            if defined is not None:
                return defined
        if read.status is not Status.REFUTED:
            # (undecided as convolutions, the step keeps the plain reading's reason: a name the reading
            # of the convolution introduced would be no name of the author's)
            return read if read.status is Status.VERIFIED else verdict
        try:
            parsed = parse_step(lhs, rhs, macros or {})
        except ParseFailure:
            return Verdict(Status.UNVERIFIED, CONVOLUTIONS_DIFFER, elapsed=read.elapsed)
    sides = [sorted(x.func.base for x in tree.walk() if isinstance(x, n.Apply) and convolution.JOIN in x.func.base)
             for tree in (parsed.lhs, parsed.rhs)]
    convolved = {name.split("_")[0] for side in sides for atom in side for name in atom.split(convolution.JOIN)}
    # (x[k] * \\delta[k - 2] = x[k] holds for the x[k] = \\cos(\\pi k) the prose may give: any signal counts)
    names = {name.split("_")[0] for tree in (parsed.lhs, parsed.rhs) for x in tree.walk() if isinstance(x, n.Apply)
             for name in x.func.base.split(convolution.JOIN)}
    defined = any(item.kind in ("define", "result") and any(
        re.search(re.escape(name) + r"(?![A-Za-z])", item.lhs) for name in names) for item in context)
    if sides[0] != sides[1] or defined or convolved & convolution.KNOWN_SIGNALS:
        return Verdict(Status.UNVERIFIED, CONVOLUTIONS_DIFFER, elapsed=read.elapsed)
    impulses = [any(isinstance(x, n.Apply) and x.func.base == "\\delta" for x in tree.walk())
                for tree in (parsed.lhs, parsed.rhs)]
    if impulses[0] != impulses[1]:
        # x(t) * \\delta(t - t_0) = x(t_0)\\delta(t - t_0): an impulse the convolutions left on one side only
        # is the sifting of a product written with a star, which the product's reading cannot decide
        return Verdict(Status.UNVERIFIED, STAR_AS_PRODUCT, elapsed=read.elapsed)
    products = tuple(re.sub(r"\*|\\ast(?![A-Za-z])", r" \\cdot ", side) for side in (lhs, rhs))
    if _check_step(*products, relation, macros=macros, context=context, **options).status is Status.VERIFIED:
        # x[k] * \delta[k] = x[0]\delta[k]: the star was a product, as some notes write it
        return Verdict(Status.UNVERIFIED, STAR_AS_PRODUCT, elapsed=read.elapsed)
    # an edit the diagnosis suggests is one of the text read, which (x * h)[k] spread out is not
    return read if (lhs, rhs) == written else replace(read, diagnosis=None)


def _names_stated(item: ContextItem, trees: tuple[n.Node, ...]) -> bool:
    """Whether the step's trees write a member of the letter that ``item`` gives values."""
    try:
        letter = parse_math(item.lhs)
    except (ParseFailure, RecursionError):
        return False
    if not isinstance(letter, n.Sym):
        return False
    for tree in trees:
        # an index letter (the k of x_k) takes the instance's positions, never a stated value
        indices = {id(i) for x in tree.walk() if isinstance(x, n.Sym) for i in x.indices}
        for x in tree.walk():
            if isinstance(x, n.Sym) and id(x) not in indices and x.key == letter.key and x.labels == letter.labels \
                    and len(x.indices) == len(letter.indices) and x.sup_letter is None \
                    and all(not isinstance(a, n.Num) or isinstance(b, n.Num) and a.value == b.value
                            for a, b in zip(letter.indices, x.indices)):
                return True
    return False


def _decided_on_stated_values(lhs: str, rhs: str, relation: str, verdict: Verdict, stated: tuple[ContextItem, ...],
                              rest: tuple[ContextItem, ...], options: dict) -> Verdict:
    """The verdict on a step refuted (or left unverified) at real points, decided again with the
    letters the prose gives a finite set of values (``$y_i \\in \\{-1, +1\\}$``: 1/y_i = y_i, ``$r_{nk} \\in \\{0, 1\\}$``:
    r_{nk}^2 = r_{nk}) taking only those values: verified where it holds at all of them, naming the
    statement; refuted (with that point) where it fails at them; otherwise unverified, since the
    step may hold for the values the prose allows. An unverified ``verdict`` is only replaced by a
    verification, and a step that writes none of those letters keeps ``verdict``."""
    try:
        trees = (parse_math(lhs, options.get("macros")), parse_math(rhs, options.get("macros")))
    except (ParseFailure, RecursionError):
        return verdict
    latest: dict[str, ContextItem] = {}
    for item in stated:
        if _names_stated(item, trees):
            latest[item.lhs] = item  # a later statement of the same letter replaces an earlier one
    if not latest:
        return verdict
    described = tuple(f"{item.lhs} in {{{item.rhs}}} as stated at {item.where}" for item in latest.values())
    sampled = tuple(replace(item, kind=SAMPLED_VALUES) for item in latest.values())
    again = check_step(lhs, rhs, relation, context=rest + sampled, **options)
    if again.status is Status.VERIFIED:
        return replace(again, guessed=again.guessed + described)
    if verdict.status is not Status.REFUTED:
        return verdict  # (a step left unverified at real points is only ever verified so)
    if again.status is Status.REFUTED:
        return replace(again, guessed=again.guessed + described) if again.diagnosis is None else again
    return Verdict(Status.UNVERIFIED, f"may hold for {', '.join(described)}: {again.reason}",
                   elapsed=verdict.elapsed + again.elapsed)


#: the letters a step with \text{const} is tried as constant in; one with more is left unverified
CONSTANT_LETTERS = 4
CONSTANT_SIDE = "a side that is only \\text{const}: what it is constant in is not said"


def _constant_spelled_out(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> tuple[str, str]:
    """The sides with the user's macros written out when that shows an additive ``\\text{const}`` the
    document spells as its own command (``\\def\\const{\\text{const}}``), so that the constant is left out
    as if written; the sides as written otherwise (a diagnosis then quotes the author's own text)."""
    spelled = (_macros_written_out(lhs, macros), _macros_written_out(rhs, macros))
    if spelled == (lhs, rhs) or not any(additive.without_constants(side)[1] for side in spelled):
        return lhs, rhs
    return spelled


def _up_to_constant(lhs: str, rhs: str, relation: str, **options) -> Verdict:
    """``lhs = rhs + \\text{const}`` (the word already blanked out of the sides): a term constant in the
    variable of interest is left out, and which variable that is the prose says, if anything. The step
    holds when the sides agree, or when what they differ by does not depend on the variable of interest
    (x^2 + y^2 = x^2 + const holds in x); it is an error only when the difference depends on every
    letter both sides use ((x - mu)^2 = x^2 - mu x + const: -mu x + mu^2). Both sides writing the
    word are read as one constant."""
    if not lhs.strip() or not rhs.strip():
        return Verdict(Status.UNVERIFIED, CONSTANT_SIDE)
    whole = check_step(lhs, rhs, relation, **{**options, "explain": False})
    if whole.status is Status.VERIFIED or whole.reason.startswith("could not read"):
        return whole
    try:
        parsed = parse_step(lhs, rhs, options.get("macros") or {})
    except (ParseFailure, RecursionError):
        return whole
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    # plain letters only: a function, an indexed entry or a set is no variable to differentiate by
    order = [x.key for x in sorted(parsed.lhs.walk(), key=lambda x: x.start) if isinstance(x, n.Sym) and not x.indices]
    shared = sorted({k for k in left if k in right and "[" not in k and not k.endswith("()") and k in order},
                    key=order.index)
    if not shared:
        return Verdict(Status.UNVERIFIED, f"{whole.reason} (besides \\text{{const}}, whose variable is not said)",
                       elapsed=whole.elapsed)
    explain, chain = options.get("explain", True), options.get("chain", ())
    options = {k: v for k, v in options.items() if k in ("macros", "first", "seed", "context", "indefinite")}
    # The variable of interest is what the line is about: among the shared letters, one in the most
    # terms. Any letter the difference happens to miss would verify a slip (-alpha w^2/2 + beta t x w =
    # -alpha w^2/2 + 2 beta t x w differs by a term without alpha, and w is what it is about).
    terms = [t.node for side in (parsed.lhs, parsed.rhs)
             for t in (side.terms if isinstance(side, n.Add) else (n.Term(side.start, side.end, "+", side),))]
    counts = {k: sum(k in names(t, parsed.letters) for t in terms) for k in shared}
    interest = [k for k in shared if counts[k] == max(counts.values())]
    verdicts = {}
    for key in (interest + [k for k in shared if k not in interest])[:CONSTANT_LETTERS]:
        verdict = _check_step(lhs, rhs, relation, explain=False, constant_in=key, **options)
        if verdict.status is Status.VERIFIED and key in interest:
            return replace(verdict, reason=f"holds up to a term constant in {left[key]}",
                           guessed=(*verdict.guessed, f"\\text{{const}} constant in {left[key]}"))
        verdicts[key] = verdict
    refuted = len(shared) <= CONSTANT_LETTERS and whole.status is Status.REFUTED \
        and all(v.status is Status.REFUTED for v in verdicts.values())
    if not refuted:
        held = [left[k] for k, v in verdicts.items() if v.status is Status.VERIFIED]
        if held:
            return Verdict(Status.UNVERIFIED, f"holds up to a term constant in {', '.join(held)}, not in "
                           f"{', '.join(left[k] for k in interest)}: which is the variable of interest?",
                           elapsed=whole.elapsed)
        undecided = next((v for v in verdicts.values() if v.status is not Status.REFUTED), whole)
        return Verdict(Status.UNVERIFIED, undecided.reason, elapsed=undecided.elapsed)
    # a small edit under which the step holds up to a constant in one of the letters (the lost factor 2
    # of -2 mu x holds in x, not in mu)
    verdict = verdicts[interest[0]]
    for key in verdicts if explain else ():
        explained = _check_step(lhs, rhs, relation, constant_in=key, chain=chain, **options)
        if explained.status is not Status.REFUTED:
            return Verdict(Status.UNVERIFIED, explained.reason, elapsed=explained.elapsed)
        if explained.diagnosis is not None:
            verdict = explained
            break
    letters = ", ".join(left[k] for k in shared)
    return replace(verdict, reason=f"the two sides differ by more than a constant: by a term in {letters}")


#: relations stated in the prose that a refuted step is tried under, the nearest first
STATED_RELATIONS_TRIED = 3
#: the reason of a step whose sides are undefined (a log of a negative, a root) at every sampled point
UNDEFINED_AT_SAMPLES = "undefined at the sampled points"


def _numbers_only(parsed: Parsed) -> bool:
    """Whether the step writes numbers alone: every letter is the variable of a sum, a product or an
    integral with written bounds (``\\int_0^1 x\\,dx``). A letter an instance gives a value (n, a vector's
    random entries) leaves points unsampled, whatever its lowered sides look like."""
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    bound = {x.var.base for x in nodes if isinstance(x, n.Integral) and x.lo is not None and isinstance(x.var, n.Sym)}
    bound |= {v for x in nodes if isinstance(x, n.BigOp) and x.lo is not None and x.hi is not None
              for v in (x.var, *x.extra_vars)}
    return not any(isinstance(x, n.Sym) and x.base not in bound for x in nodes) \
        and not any(isinstance(x, n.Apply) for x in nodes)


def _in_force(stated: list[ContextItem]) -> list[ContextItem]:
    """The relations of ``stated`` (in the order of the prose) without the bounds that a later one
    contradicts: "for $x, y \\in [0, 1]$" and, a paragraph on, "for $x, y \\ge 1$" are two cases, and the
    steps after the second are in the second one (an interval with no inner point in common with the
    later one's for some letter). Bounds that may both hold (``0 < r < 1``, then ``r > 0``) both stay."""
    kept: list[ContextItem] = []
    later: list[dict[str, tuple[float, float]]] = []
    for item in reversed(stated):
        ranges = stated_ranges(replace(item, kind="assume")) if item.relation != "=" else {}
        if any(low >= other[key][1] or other[key][0] >= high
               for other in later for key, (low, high) in ranges.items() if key in other):
            continue
        kept.append(item)
        if ranges:
            later.append(ranges)
    return kept[::-1]


def _verified_within_stated_bounds(lhs: str, rhs: str, relation: str, verdict: Verdict, *,
                                   context: tuple[ContextItem, ...], macros: Mapping[str, Macro] | None,
                                   **options) -> Verdict:
    """``verdict`` (undefined at every sampled point), or the step verified where the letters keep to a
    bound the prose states inline on them: ``f^*(y) = -1 - \\log(-y)`` "for $y < 0$" is defined only
    outside the positive window the letters are sampled in, and the bound moves the samples there, as
    an assumption would. Verify-only: a bound in the prose may be another case's, so a step that fails
    under it stays as it was."""
    step_letters = _written_letters(lhs, macros) | _written_letters(rhs, macros)
    bounds = [c for c in context if c.kind == RELATION and c.relation != "="
              and (_written_letters(c.lhs, macros) | _written_letters(c.rhs, macros)) & step_letters]
    rest = tuple(c for c in context if c.kind != RELATION)
    # (each bound by itself, none dropped for another case's: the first under which it verifies decides)
    for item in reversed(bounds[-STATED_RELATIONS_TRIED:]):
        assumed = (*rest, _as_assumption(item, macros))
        within = check_step(lhs, rhs, relation, macros=macros, explain=False, context=assumed, **options)
        if within.status is Status.VERIFIED:
            bound = f"{item.lhs} {item.relation} {item.rhs}".strip()
            return replace(within, guessed=(*within.guessed, f"the bound {bound} stated at {item.where}"))
    return verdict


def _as_assumption(item: ContextItem, macros: Mapping[str, Macro] | None) -> ContextItem:
    """``item`` as an assumption the comparator parses, with the document's macros expanded in its text:
    the comparator reads an assumption without the document's macros, so a relation the prose states
    through one (``$\\Cov(T, E) = 0$`` under ``\\newcommand{\\Cov}{\\operatorname{Cov}}``) would be lost."""
    def expanded(text: str) -> str:
        if not macros or "\\" not in text:
            return text
        try:
            return " ".join(t.text for t in expand_macros(tokenize(text), macros))
        except (ParseFailure, RecursionError):
            return text
    return replace(item, kind="assume", prose=False, lhs=expanded(item.lhs), rhs=expanded(item.rhs))


def _holds_by_stated_relation(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                              context: tuple[ContextItem, ...]) -> str:
    """The reason a refuted step may hold by a relation the prose states inline near it (``since
    $p(1 + r) = 1$``, detailed balance ``$\\pi_i p_{ij} = \\pi_j p_{ji}$``), or "". Tried two ways: as
    a constraint solved for one of its letters (which reaches products written apart), and as a
    rewrite of the one side's text into the other's (which reaches indices a sum binds, where a
    constraint on concrete indices cannot). Only ever a rescue: the relation may hold in one case."""
    stated = [c for c in context if c.kind == RELATION]
    if not stated:
        return ""
    # a relation on none of the step's letters cannot make it hold, and would push out one that may:
    # "for $2 < t < 5$" under a display in x and y is the next passage's bound, not this step's
    step_letters = _written_letters(lhs, macros) | _written_letters(rhs, macros)
    if step_letters:
        stated = [c for c in stated
                  if not (about := _written_letters(c.lhs, macros) | _written_letters(c.rhs, macros))
                  or about & step_letters]

    def squeeze(text: str) -> str:
        # spacing between letters stays: "\\lambda t" is not "\\lambdat"
        return re.sub(r" ?([^A-Za-z ]) ?", r"\1", re.sub(r"\s+", " ", text.strip()))

    left, right = squeeze(lhs), squeeze(rhs)

    def written(item: ContextItem) -> bool:
        return any(len(side) >= 3 and (side in left or side in right)
                   for side in (squeeze(item.lhs), squeeze(item.rhs)))

    # a relation whose side the step writes as it stands (the \sum_i \alpha_i y_i = 0 of an SVM's
    # constraint under the Lagrangian's b\sum_i \alpha_i y_i) is the one it rests on, before nearer
    # ones that merely share its letters (the complementary slackness stated in between)
    stated = _in_force(stated)
    stated = ([c for c in stated if not written(c)] + [c for c in stated if written(c)])[-STATED_RELATIONS_TRIED:]
    if not stated:
        return ""
    # (without the letters the prose makes vary: under $y = y(x)$ itself the step is read as a rescue, which
    # a refusal of its constant-y reading would take away, turning the unexplained step into an error)
    rest = tuple(c for c in context if c.kind not in (RELATION, dependence.KIND))
    for item in reversed(stated):
        reason = f"may hold by the relation {item.lhs} {item.relation} {item.rhs} stated at {item.where}"
        assumed = (*rest, _as_assumption(item, macros))
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
            # (braced, so that what replaces a term keeps to it: 2\\Cov(T,E) under \\Cov(T,E) = 0 is 2{0}, not 20)
            new = "{" + new + "}"
            if check_step(left.replace(old, new), right.replace(old, new), relation, macros=macros, seed=seed,
                          explain=False, context=rest).status is Status.VERIFIED:
                return reason
    return ""


#: how many matrix letters _holds_with_fixed_vector tries (each is up to six comparisons)
_FIXED_PAIRS_TRIED = 3


def _holds_with_fixed_vector(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                             context: tuple[ContextItem, ...]) -> str:
    """The reason a refuted step may hold because a row vector it writes before a matrix is fixed by it,
    or "". A Markov chain's stationary distribution is a row vector with ``\\pi P = \\pi`` (``\\pi Q = 0``
    for a generator): the course states this once, chapters above ``\\pi P^{n+1} = \\pi P^n`` or a series
    of ``\\pi Q^k``, and random stand-ins for the letters cannot meet it. Under that relation a row vector
    times any power series in the matrix is the series at 1 (at 0) times the vector, so the step is
    decided again with the matrix's letter read as 1 (as 0); only ever a rescue, and not one that holds
    by making a side vanish (\\pi P^2 = 2\\pi P under \\pi P = 0)."""
    if relation not in EQUALITY:
        return ""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    letters: list[str] = []
    covered: set[int] = set()
    for tree in (parsed.lhs, parsed.rhs):
        # (\beta J of e^{-\beta J}, t A of e^{tA}: a product in an exponent or an argument is a number's)
        inner = {id(x) for node in tree.walk() for part in _exponents_and_arguments(node) for x in part.walk()}
        for node in tree.walk():
            if not isinstance(node, n.Mul) or any(node.ops) or id(node) in inner:
                continue
            # a letter before a matrix is a row vector, as a distribution is written (M x, a column
            # vector that M may fix, is no convention of a course: A^2 x = A x stays decided)
            for vector, matrix in zip(node.factors, node.factors[1:]):
                letter = _matrix_letter(matrix)
                if letter is not None and _vector_letter(vector):
                    covered |= {id(x) for x in matrix.walk() if isinstance(x, n.Sym) and x.base == letter.base}
                    if letter.base not in letters:
                        letters.append(letter.base)
    # the relation speaks of the vector times the matrix only: a letter met anywhere else as well (the
    # radius R of \int_0^R beside \rho R^4) is no such matrix, and reading it as 1 would excuse any power
    # (and a letter applied, L(\theta) or Q(s, a), is a function: no matrix to read as 1)
    applied = {x.func.base for tree in (parsed.lhs, parsed.rhs) for x in tree.walk()
               if isinstance(x, n.Apply) and isinstance(x.func, n.Sym)}
    # (and a chain's matrix is raised to powers, P^n, or exponentiated, e^{tQ}: the 4mE of an orbit's
    # energy is no distribution times a generator)
    powered = {x.base.base for tree in (parsed.lhs, parsed.rhs) for x in tree.walk()
               if isinstance(x, n.Pow) and isinstance(x.base, n.Sym)} | {
        y.base for tree in (parsed.lhs, parsed.rhs) for x in tree.walk()
        if isinstance(x, n.Pow) and isinstance(x.base, n.Const) and x.base.name == "e"
        for y in x.exp.walk() if isinstance(y, n.Sym)}
    letters = [base for base in letters if base not in applied and base in powered and all(
        id(x) in covered for tree in (parsed.lhs, parsed.rhs) for x in tree.walk()
        if isinstance(x, n.Sym) and x.base == base)]
    zero = n.Num(0, 0, "0")
    for base in letters[:_FIXED_PAIRS_TRIED]:
        for value in ("1", "0"):
            def read(node: n.Node, value: str = value, base: str = base) -> n.Node | None:
                return n.Num(node.start, node.end, value) if isinstance(node, n.Sym) and node.base == base \
                    and not node.indices and not node.labels else None
            left, right = transform(parsed.lhs, read), transform(parsed.rhs, read)
            if Comparator(reclassified(parsed, left, right), relation, seed, assumptions(context)).decide()[0].kind \
                    != "equal":
                continue
            if any(Comparator(reclassified(parsed, side, zero), relation, seed, assumptions(context)).decide()[0].kind
                   == "equal" for side in (left, right)):
                continue
            fixed = f"\\pi {base} = \\pi" if value == "1" else f"\\pi {base} = 0 of a generator"
            return (f"holds if the row vector before {base} is a stationary distribution of it ({fixed}), "
                    "which only the prose can say")
    return ""


def _exponents_and_arguments(node: n.Node) -> list[n.Node]:
    if isinstance(node, n.Pow):
        return [node.exp]
    if isinstance(node, n.Apply):
        return list(node.args)
    return []


def _vector_letter(node: n.Node) -> bool:
    """A Greek lowercase letter or a bold one alone (\\pi, \\mu, \\mathbf{p}), the way a distribution is
    written (\\pi too, which the parser first reads as the number); a Latin m, k or c is a mass or a
    constant more often than a distribution."""
    if isinstance(node, n.Const) and node.name == "pi":
        return True
    return isinstance(node, n.Sym) and not node.indices and not node.primes and node.sup_letter is None \
        and node.base.lstrip("\\")[:1].islower() and (node.base.startswith("\\") or "bf" in node.style)


def _matrix_letter(node: n.Node) -> n.Sym | None:
    """The capital letter of ``P``, ``P^n`` or ``e^{tQ}``, a matrix and its powers or exponential."""
    if isinstance(node, n.Pow):
        node = node.base if isinstance(node.base, n.Sym) and node.base.base != "e" else node.exp
    letters = [x for x in node.walk() if isinstance(x, n.Sym) and len(x.base) == 1 and x.base.isupper()
               and not x.indices]
    return letters[0] if len(letters) == 1 else None


DIVERGENCE_INEQUALITY = ("an inequality of KL divergences holds for normalised distributions only, which the "
                         "prose gives: read only to verify")


EXPECTATION_NAMES = ("an expectation under a distribution written out differs from a sum over a distribution "
                     "named otherwise, which may be the same one")


def _applied_names(text: str, macros: Mapping[str, Macro] | None) -> set[str]:
    """The names ``text`` applies (p of p(x)), to compare the distributions two sides sum over."""
    try:
        tree = parse_math(text, macros or {})
    except (ParseFailure, RecursionError):
        return set()
    return {x.func.key for x in tree.walk() if isinstance(x, n.Apply) and isinstance(x.func, n.Sym)}


def _with_divergences(lhs: str, rhs: str, written: tuple[str, str], relation: str, **options) -> Verdict:
    """The verdict on a step with its KL divergences written out as sums (see infotheory). An equality
    is decided so, as the divergence has one meaning; an inequality (D(p||q) >= 0, which needs p and q
    normalised) only verifies so. A diagnosis is kept only where it points into the right side as
    written: an edit inside a divergence written out is not the author's text, so where the right side
    was written out the diagnosis is that of the step read as written, if it is refuted so too."""
    verdict = check_step(*written, relation, **options)
    if relation not in EQUALITY:
        if verdict.status is Status.VERIFIED:
            return verdict
        return Verdict(Status.UNVERIFIED, DIVERGENCE_INEQUALITY, elapsed=verdict.elapsed)
    if written[1] != rhs and verdict.status is Status.REFUTED:
        # the step as written, with E and KL read as generic operators, may name the edit of the
        # author's own text that repairs it (2\mathbb{E}_p[..] for \mathbb{E}_p[..]): refuted in both
        # readings, explained in that one
        plain = _check_step(lhs, rhs, relation, **{key: value for key, value in options.items()
                                                   if key in ("macros", "first", "seed", "explain", "context",
                                                              "indefinite")})
        diagnosis = plain.diagnosis if plain.status is Status.REFUTED else None
        if diagnosis is None and verdict.diagnosis is not None:
            # E and KL read as generic operators leave the step undecided (a KL on the left against an
            # E_p on the right), so the edit found in the reading written out is carried back to the
            # author's text, where that text was copied unchanged, and kept only if the carried
            # suggestion holds in that reading too
            diagnosis = _carried_back(verdict.diagnosis, written[1], lhs, rhs, relation, options)
        return replace(verdict, diagnosis=diagnosis)
    return verdict


def _term_around(text: str, span: tuple[int, int], macros: Mapping[str, Macro] | None) -> tuple[int, int]:
    """The span of the term of ``text``'s top-level sum that holds ``span`` (with its sign), the whole
    line where it is no sum or cannot be read; ``span`` itself where no one term holds it."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return 0, len(text.rstrip())
    if not isinstance(tree, n.Add):
        return tree.start, tree.end
    for term in tree.terms:
        first = term.sign_start if term.sign_start >= 0 else term.node.start
        if first <= span[0] and span[1] <= term.node.end:
            return first, term.node.end
    return span


def _carried_back(diagnosis: Diagnosis, written: str, lhs: str, rhs: str, relation: str,
                  options: dict) -> Diagnosis | None:
    """``diagnosis``, found on ``written`` (the right side ``rhs`` with some calls written out), as a
    diagnosis of ``rhs`` itself: its edit must fall where the writing copied the author's text (up to
    the variable a written-out expectation renames, X for x), and the suggestion so carried back must
    verify as a step of its own. None otherwise."""
    carried = carried_edit(written, diagnosis.suggestion, rhs)
    if carried is None:
        return None
    suggestion = " ".join(carried[0].split())
    if suggestion == " ".join(rhs.split()):
        return None
    if check_step(lhs, suggestion, relation, **options).status is not Status.VERIFIED:
        return None
    # the term the finding names: the one the diagnosis marked, where the writing copied it, else
    # the term of the line the edit falls in
    start, end = carried_span(written, rhs, diagnosis.start, diagnosis.end) \
        or _term_around(rhs, carried[1], options.get("macros"))
    term = " ".join(rhs[start:end].split())
    detail = diagnosis.detail.replace(diagnosis.term, term) if diagnosis.term else diagnosis.detail
    return Diagnosis(diagnosis.kind, start, end, term, suggestion, detail)


def _verified_with_entropies(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that verifies with its H(p), H(X), H(p, q) written out as the
    entropy or the cross-entropy of the distributions it sums, or its H(X, Y), H(Y \\mid X), I(X; Y) as
    those of one joint distribution (see infotheory); None otherwise.
    Verify-only: H is a Hamiltonian or a physical entropy in other notes."""
    left, right = infotheory.entropies_written(lhs, rhs, options.get("macros"))
    verdict = None
    if (left, right) != (lhs, rhs):
        verdict = _verified_as_written(left, right, relation, infotheory.ENTROPY_GUESS, **options)
    if verdict is None and relation in EQUALITY and ("H" in lhs + rhs or "I" in lhs + rhs):
        # H(X, Y), H(Y \mid X), I(X; Y) of random variables: of one joint distribution, where the step
        # writes no distribution the reading above could take (an equality only: one generic joint
        # settles an identity, but not an inequality, H(X \mid Y) <= H(Y), that others break)
        left, right = infotheory.variable_entropies_written(lhs, rhs)
        if (left, right) != (lhs, rhs):
            verdict = _verified_as_written(left, right, relation, infotheory.VARIABLE_ENTROPY_GUESS, **options)
    return verdict


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


def _as_boolean(lhs: str, rhs: str, relation: str, **options) -> Verdict:
    """A step in a passage on Boolean algebra (see boolean.py): verified where both sides read as the same
    Boolean function; refuted only where they differ on a 0/1 assignment and the arithmetic reading (which
    decides the step otherwise) does not hold either, and where no side is a name the line defines
    (``s = a \\oplus b``) or a letter the prose gives a value."""
    macros = options["macros"]
    contested = options.pop("contested", False)
    compared = boolean.compare(lhs, rhs, macros)
    if compared is not None and compared[0] and not (contested and not boolean.written_as_logic(lhs + " " + rhs)):
        return Verdict(Status.VERIFIED, boolean.VERIFIED_REASON)
    verdict = check_step(lhs, rhs, relation, **options)
    if compared is not None and compared[0]:
        # the prose turned to numbers after it spoke of logic, and the step writes nothing only logic
        # writes (x + x = x): verified only where it holds as arithmetic too
        return verdict if verdict.status is Status.VERIFIED else Verdict(
            Status.UNVERIFIED, boolean.ARITHMETIC_IN_LOGIC, elapsed=verdict.elapsed)
    if compared is None:
        if verdict.status is Status.REFUTED and boolean.marked(lhs + " " + rhs) \
                and re.search(r"(?<!\\)\b[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", lhs + " " + rhs)):
            # \overline{A + B + C} = ..., A(B + C)^2 ...: unread as logic, and "wrong" only as arithmetic
            return Verdict(Status.UNVERIFIED, boolean.ARITHMETIC_IN_LOGIC, elapsed=verdict.elapsed)
        return verdict
    if verdict.status is Status.VERIFIED:
        return Verdict(Status.UNVERIFIED, boolean.ARITHMETIC_IN_LOGIC, elapsed=verdict.elapsed)
    left, right = boolean.read(lhs, macros), boolean.read(rhs, macros)
    assert left is not None and right is not None
    defining = (boolean.lone_name(lhs, macros) and not left[1] & right[1]) \
        or (boolean.lone_name(rhs, macros) and not left[1] & right[1])
    given = {item.name for item in options["context"] if item.kind in ("define", "result") and item.name}
    if defining or any(letter.split("_")[0] in given for letter in left[1] | right[1]):
        return verdict if verdict.status is not Status.REFUTED else Verdict(
            Status.UNVERIFIED, boolean.ARITHMETIC_IN_LOGIC, elapsed=verdict.elapsed)
    rewritten = not options["first"] and right[1] and right[1] <= left[1]
    if verdict.status is not Status.REFUTED and not boolean.written_as_logic(lhs + " " + rhs) and not rewritten:
        # p + q = 1, x + y = x: an equation of numbers, or one to solve, as much as an identity of bits;
        # refuted only by both readings, or where a chain's line rewrites the one before in its letters
        return verdict
    term = boolean.dropped_term(lhs, rhs, macros)
    diagnosis = None if term is None else Diagnosis(
        "dropped_term", len(rhs), len(rhs), term, f"{rhs} + {term}",
        f"the term `{term}` of the line before was dropped" if term in boolean.top_terms(lhs)
        else f"a term `{term}` is missing")
    return Verdict(Status.REFUTED, boolean.DIFFER_REASON, counterexample=compared[1], diagnosis=diagnosis,
                   elapsed=verdict.elapsed)


def _modular_example(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                     context: tuple[ContextItem, ...]) -> Verdict | None:
    """A modular step of a worked example (``g^a \\bmod p = 5^6 \\bmod 23`` beside "$p = 23$, $g = 5$,
    $a = 6$"), verified by the numbers the prose gives its letters, as a step of real numbers is (see
    check_step): only where one side writes numbers alone, which a value in force cannot make hold by
    chance, and never refuted (a value may be one of another example's)."""
    if relation not in EQUALITY:
        return None
    sides = modular.remainders(lhs, rhs)
    if sides is None:
        return None
    bodies = [c.body if (c := modular.split_modulus(t)) is not None else t for t in (lhs, rhs)]
    if all(modular.has_letters(b, macros) for b in bodies):
        return None
    numbers = tuple(item for item in context if item.kind in ("define", "result") and not with_letters(item))
    if not numbers:
        return None
    holding = holds_by_definitions(*sides, "=", macros, seed, numbers)
    return holding if holding is not None and holding.status is Status.VERIFIED else None


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


# the reasons a step gets when its primed letters are read as names of their own ((fg)' = f'g + fg'
# introduces f and g beside (fg)') or its primed group has no variable to differentiate by
_PRIMES_UNREAD = (*("introduces ", "needs the definition of "), "a prime on an expression", composition.COMPOSED)


def _read_again(lhs: str, rhs: str, options: dict) -> Parsed | None:
    """The step parsed for a reading tried after its verdict (None when it does not parse)."""
    try:
        return parse_step(lhs, rhs, options.get("macros") or {})
    except (ParseFailure, RecursionError):
        return None


def _primes_of_one_variable(lhs: str, rhs: str, relation: str, verdict: Verdict, chain: tuple[str, ...] = (),
                            **options) -> Verdict:
    """The verdict on an unverified step whose primes have no variable written (``(fg)' = f'g + fg'``)
    with its primed letters functions of one variable (see primed.py): verified where it holds with
    them all functions; unverified where it holds only with the letters never primed constants
    (``(cf)' = cf'``); refuted only where it fails both ways, primes an expression (a step that only
    primes letters may be naming new ones, ``x' = \\gamma(x - vt)``), did not read for its primes alone, and
    does not hold with the primes read as transposes. Otherwise ``verdict`` stands. A letter that
    another line of the step's chain (``chain``) primes is a function there, never one of the constants."""
    parsed = _read_again(lhs, rhs, options)
    reading = primed.prime_reading(parsed.lhs, parsed.rhs) if parsed is not None else None
    if reading is None:
        return verdict
    if reading.unprimed and chain:
        # (fg)'h + h'fg = h'fg holds with f and g constants, but the chain's (f'g + g'f)h differentiates them
        reading = replace(reading, unprimed=reading.unprimed - primed.primed_letters(chain, options.get("macros")))

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
                        _check_step, **{k: v for k, v in options.items() if k != "explain"}):
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


def _refuted_with_normal_cdf(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """The refuted verdict on a step about \\Phi that fails with \\Phi the standard normal CDF, where the
    prose says that is the \\Phi meant (see normalcdf.py): ``\\Phi(-1.5) = \\Phi(1.5) - 1``; None otherwise."""
    if not (_PHI_CALL.search(lhs) or _PHI_CALL.search(rhs)):
        return None
    left, right = _normal_cdf_written(lhs), _normal_cdf_written(rhs)
    if "\\Phi" in left + right:
        return None
    verdict = _check_step(left, right, relation, explain=False, **options)
    if verdict.status is not Status.REFUTED:
        return None
    return replace(verdict, guessed=tuple(sorted({*verdict.guessed, "\\Phi the standard normal CDF"})))


# Q of one bracketed argument, undefined: the Gaussian tail of communications notes
GAUSSIAN_TAIL = "Q the Gaussian tail function"
_SIZED_OPENERS = frozenset({"\\left", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\Bigl", "\\biggl"})
_THIN_SPACES = frozenset({"\\!", "\\,", "\\;", "\\:"})


def _expanded_tokens(text: str, macros: Mapping[str, Macro] | None) -> list | None:
    """The tokens of ``text`` with the document's macros expanded; None where it does not tokenize."""
    try:
        tokens = tokenize(text)
        return expand_macros(tokens, dict(macros)) if macros else tokens
    except (ParseFailure, RecursionError):
        return None


def _gaussian_tail_written(text: str, macros: Mapping[str, Macro] | None) -> str | None:
    """``text`` with each ``Q(x)`` written as the Gaussian tail ``\\tfrac12\\operatorname{erfc}(x/\\sqrt2)``
    (``text`` itself where it writes no Q); None where it writes Q otherwise too (Q(s, a), Q_1(x), Q^2, a
    bare Q): then Q is some other quantity of the document, which one reading of its calls would not cover."""
    tokens = _expanded_tokens(text, macros)
    if tokens is None:
        return None
    pieces: list[str] = []
    k, found = 0, False
    while k < len(tokens):
        token = tokens[k]
        # (\mathbf{Q}, \hat{Q}: a matrix or an estimate, whose brace closes before any bracket)
        if token.kind != "letter" or token.text != "Q" or k > 0 and tokens[k - 1].text in ("_", "^", "\\"):
            pieces.append(token.text)
            k += 1
            continue
        opener = k + 1
        while opener < len(tokens) and tokens[opener].text in _THIN_SPACES | _SIZED_OPENERS:
            opener += 1
        close = closing(tokens, opener) if opener < len(tokens) and tokens[opener].text == "(" else None
        if close is None:
            return None
        inner = tokens[opener + 1:close]
        if inner and inner[-1].text.startswith(("\\right", "\\big", "\\Big")):
            inner = inner[:-1]
        depth = 0
        for t in inner:
            depth += t.text in ("(", "[", "{") or t.kind == "open"
            depth -= t.text in (")", "]", "}") or t.kind == "close"
            if depth == 0 and t.text in (",", ";", "|", "Q"):
                return None  # Q(s, a), Q(\theta | \theta^{(t)}): a function of another course
        argument = " ".join(t.text for t in inner)
        if not argument.strip():
            return None
        pieces.append("\\left(\\tfrac{1}{2}\\operatorname{erfc}\\left(\\frac{" + argument + "}{\\sqrt{2}}\\right)\\right)")
        found = True
        k = close + 1
    return " ".join(pieces) if found else text


def _verified_with_gaussian_tail(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step about an undefined Q that verifies with Q the Gaussian tail
    (``Q(\\sqrt{2x}) = \\tfrac12\\operatorname{erfc}(\\sqrt x)``, ``Q(-x) = 1 - Q(x)``); None otherwise.
    Verify-only, as \\Phi the normal CDF is: elsewhere Q is a heat, a charge or a quadratic form, and a step
    that fails with the tail says nothing of those. Not where the document gives Q a value of its own, or
    its prose names Q another quantity (see normalcdf.py)."""
    context = options.get("context", ())
    if any(item.kind in ("define", "result") and re.fullmatch(r"Q\s*(\(.*\))?", item.name or "") for item in context):
        return None
    if any(item.kind == normalcdf.OTHER_Q_KIND for item in context):
        return None  # the prose names Q a charge, a heat or an action value: the tail is not the Q meant
    macros = options.get("macros")
    left, right = _gaussian_tail_written(lhs, macros), _gaussian_tail_written(rhs, macros)
    if left is None or right is None or (left, right) == (lhs, rhs):
        return None
    return _verified_as_written(left, right, relation, GAUSSIAN_TAIL, **options)


# s^2(t) as the square of the signal s(t), E = \int s^2(t)\,dt, as \sin^2 x is the square of \sin x
FUNCTION_SQUARED = "s^2(t) as s(t)^2"
#: the reason of a step writing f^2(x) where the document states what the power of f is (an iterate)
POWER_STATED = "the document says what the power of the function is (f^2 = f \\circ f?): f^2(x) not read"


def _powered_calls_written(text: str, macros: Mapping[str, Macro] | None) \
        -> tuple[str, set[str], set[str], set[str]] | None:
    """``text`` with each ``f^{n}(x)`` of a letter, a whole power and a bracket of one letter written
    ``\\left(f(x)\\right)^{n}``; the calls so written (``f(x)``), those written bare, and the letters written
    alone (no bracket after them); None where the text cannot be read or powers a bracket of more."""
    tokens = _expanded_tokens(text, macros)
    if tokens is None:
        return None
    pieces: list[str] = []
    calls: set[str] = set()
    bare: set[str] = set()
    alone: set[str] = set()
    k = 0
    while k < len(tokens):
        token = tokens[k]
        power = None
        if token.kind == "letter" and len(token.text) == 1 and k + 1 < len(tokens) and tokens[k + 1].text == "(" \
                and not (k > 0 and tokens[k - 1].text in ("_", "^", "\\")):
            end = closing(tokens, k + 1)
            if end is not None:
                bare.add(token.text + "(" + " ".join(t.text for t in tokens[k + 2:end]) + ")")
        if token.kind == "letter" and len(token.text) == 1 and not (k > 0 and tokens[k - 1].text in ("_", "^", "\\")) \
                and k + 2 < len(tokens) and tokens[k + 1].text == "^":
            if tokens[k + 2].kind == "num" and tokens[k + 2].text.isdigit():
                power, after = tokens[k + 2].text, k + 3
            elif k + 4 < len(tokens) and tokens[k + 2].kind == "open" and tokens[k + 3].kind == "num" \
                    and tokens[k + 3].text.isdigit() and tokens[k + 4].kind == "close":
                power, after = tokens[k + 3].text, k + 5
        close = closing(tokens, after) if power is not None and after < len(tokens) and tokens[after].text == "(" else None
        if close is None:
            if token.kind == "letter" and len(token.text) == 1 and not (k > 0 and tokens[k - 1].text in ("_", "^", "\\")) \
                    and not (k + 1 < len(tokens) and tokens[k + 1].text == "("):
                alone.add(token.text)
            pieces.append(token.text)
            k += 1
            continue
        inner = tokens[after + 1:close]
        if len(inner) != 1 or not (inner[0].kind == "letter" or inner[0].kind == "cmd" and inner[0].text[1:] in GREEK):
            return None  # m^2(m+1), x^2(1 - x): a product; only a signal of its variable, s^2(t), is a call
        call = token.text + "(" + inner[0].text + ")"
        calls.add(call)
        pieces.append("\\left(" + call + "\\right)^{" + power + "}")
        k = close + 1
    return " ".join(pieces), calls, bare, alone


def _with_function_powers(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """For a refuted step that writes ``s^2(t)`` beside the call ``s(t)`` (E = \\int s^2(t)\\,dt =
    \\int |s(t)|^2\\,dt): verified where it holds with each such power the square of the call, as
    \\sin^2 x is, and unverified where that reading is not refuted too; None where no power of a call is
    written, or the letter is applied nowhere else (x^2(1 - x) is a product)."""
    macros = options.get("macros")
    left, right = _powered_calls_written(lhs, macros), _powered_calls_written(rhs, macros)
    # the same call written bare somewhere in the step makes the letter a function, and the letter alone
    # anywhere (s^2(t) + s) a number after all
    if left is None or right is None or not (left[1] | right[1]) & (left[2] | right[2]):
        return None
    powered = {call[0] for call in left[1] | right[1]}
    if powered & (left[3] | right[3]):
        return None
    if any(re.match(r"\s*(?:" + "|".join(map(re.escape, powered)) + r")\s*\^", item.lhs or "")
           for item in options.get("context", ())):
        # the document says what the power is (f^2 = f \circ f, the iterate of dynamics): neither the square
        # nor a number times the bracket is the reading to refute it under
        return Verdict(Status.UNVERIFIED, POWER_STATED, elapsed=0.0)
    verdict = _check_step(left[0], right[0], relation, explain=False, **options)
    if verdict.status is Status.VERIFIED:
        return replace(verdict, guessed=tuple(sorted({*verdict.guessed, FUNCTION_SQUARED})))
    if verdict.status is Status.REFUTED:
        return None
    return Verdict(Status.UNVERIFIED, "holds if s^2(t) means s(t)^2 (lintmath reads it as s^2 \\cdot t)",
                   elapsed=verdict.elapsed)


def _verified_with_arithmetic_functions(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step about sigma, phi, tau or mu of whole numbers that verifies with
    them the arithmetic functions of number theory (``\\sigma(28) = 56``, ``\\varphi(36) = 12``); None
    otherwise. Verify-only, and not where the document gives one of these names a value of its own."""
    context = options.get("context", ())
    if any(item.kind in ("define", "result") and item.name in arithmetic.FUNCTIONS for item in context):
        return None
    left, right = arithmetic.written_out(lhs, options.get("macros")), arithmetic.written_out(rhs, options.get("macros"))
    if left is None or right is None or (left, right) == (lhs, rhs):
        return None
    return _verified_as_written(left, right, relation, arithmetic.GUESS, **options)


def _verified_with_transposes(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that, with its primes read as letters of their own, introduces or
    drops names, and verifies with each prime a transpose (``(y - X\\beta)'(y - X\\beta) = y'y - 2\\beta'X'y
    + \\beta'X'X\\beta``); None otherwise. Only where a capital, Greek or styled letter is primed and no
    derivative is written; the transposes are a guess the verdict names."""
    text = lhs + " " + rhs
    if "'" not in text or not _PRIMED_MATRIX.search(text) or _DERIVATIVE_WRITTEN.search(text):
        return None
    return _verified_as_written(_transposed(lhs), _transposed(rhs), relation, "primes as transposes", **options)


#: the reason of a step that holds only with its primed capitals read as numbers of their own
PRIMES_AS_NUMBERS = ("holds with the primed capitals as numbers of their own, which commute; with the primes read "
                     "as transposes (A\\Sigma A' + CC', as state-space and econometrics notes write them) it does "
                     "not: not decided")


def _as_transposed_matrices(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with its primes read as new letters, where a primed capital or
    Greek letter stands before another factor (``\\Sigma G'K'``, ``A\\Sigma A'``) and no derivative is
    written: such primes are transposes as often as not, and the step is unverified where it fails
    with them transposes (``\\Sigma G'K' = K'G'\\Sigma`` swaps the order of matrices; as numbers it would
    verify). ``verdict`` stands otherwise: a step that also holds as transposes, or that they leave
    undecided, is no more doubtful than as written."""
    text = lhs + " " + rhs
    if not (_PRIME_PRODUCT.search(text) and _PRIMED_MATRIX.search(text)) or _PRIMED_CALCULUS.search(text):
        return verdict
    left, right = _transposed(lhs), _transposed(rhs)
    if (left, right) == (lhs, rhs):
        return verdict
    again = _check_step(left, right, relation, explain=False, **options)
    if again.status is not Status.REFUTED:
        return verdict
    return Verdict(Status.UNVERIFIED, PRIMES_AS_NUMBERS, elapsed=verdict.elapsed + again.elapsed)


#: the reason of a step that holds only with the capitals beside an identity read as numbers
CAPITALS_BESIDE_IDENTITY = ("holds with the capitals as numbers, which commute; as the matrices that capitals "
                            "beside the identity (I - KG, I - A) make them, it does not: not decided")


#: the reason of a step that holds only with its capitals read as numbers, which commute
CAPITALS_THAT_COMMUTE = ("holds with the capitals as numbers, which commute; read as matrices (Ax + KGx, (A + B)^2, "
                         "e^A e^B), whose order counts, it does not: not decided")
#: two capital letters written apart from a command (A and B of AB, K and G of KG, \\Sigma counts as one)
_TWO_CAPITALS = re.compile(r"(?<![A-Za-z\\])(?:[A-Z]|\\[A-Z][a-z]+)(?![a-z]).*?(?<![A-Za-z\\])(?:[A-Z]|\\[A-Z][a-z]+)"
                           r"(?![a-z])", re.S)


def _capitals_that_may_be_matrices(parsed: Parsed) -> frozenset[str]:
    """The keys of the plain capitals of ``parsed`` that a matrix reading could take as matrices: not
    I (the identity there), not one applied as a function (F(x)), written in a subscript (\\mu_X) or
    taken as a variable of an integral or derivative (\\int P\\,dV), nor one the step uses as a number
    (a denominator, an index's count or a sum's bound: nothing divides by a matrix), a random variable
    (E[XY]) or an event (P(A \\cap B))."""
    trees = (parsed.lhs, parsed.rhs)
    excluded: set[int] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Apply) and isinstance(node.func, n.Sym) and not node.maybe_product:
                excluded.add(id(node.func))
            if isinstance(node, n.Sym):
                excluded.update(id(x) for item in node.indices for x in item.walk())
    letters = parsed.letters
    # random variables of E[..] and named events of P(..) are numbers and sets (a random matrix is marked)
    random = letters.randomness.default | letters.randomness.bound
    events = {event[1] for _, named in letters.events for event in named if len(event) > 1}
    numbers = capitals_as_numbers(trees) | letters.integration | letters.integer | _bounds(trees) | random | events
    return frozenset(x.key for tree in trees for x in tree.walk() if _plain_capital(x) and id(x) not in excluded
                     and x.base != "I" and not x.base.startswith("\\Delta") and x.key not in numbers)


def _bounds(trees: tuple[n.Node, ...]) -> set[str]:
    """The keys of the letters a sum or product runs to (the N of \\sum_{i=1}^N): counts, so numbers."""
    return {x.key for tree in trees for node in tree.walk() if isinstance(node, n.BigOp)
            for bound in (node.lo, node.hi) if bound is not None for x in bound.walk() if isinstance(x, n.Sym)}


def _capitals_shown_numbers(parsed: Parsed, chain: tuple[str, ...], options: dict) -> frozenset[str]:
    """The keys of the capitals of ``parsed`` that the step's surroundings show to be numbers: all of them
    where the step or its chain writes units (F = BIL = 0.5 \\cdot 2 \\cdot 0.1\\,\\mathrm{N}: matrices carry
    none); those another line of the chain divides by or counts with (\\frac{GM}{R^2} beside GM = gR^2); those
    the prose gives a value of numbers (L = 2\\,\\mathrm{m})."""
    capitals = frozenset(x.key for tree in (parsed.lhs, parsed.rhs) for x in tree.walk() if _plain_capital(x))
    if unit_names(parsed.lhs) or unit_names(parsed.rhs):
        return capitals
    shown: set[str] = set()
    for line in chain:
        try:
            tree = parse_math(line, options.get("macros") or {})
        except (ParseFailure, RecursionError):
            continue
        if unit_names(tree):
            return capitals
        shown |= capitals_as_numbers((tree,)) | _bounds((tree,))
    shown |= {item.name for item in options.get("context", ()) if item.kind in ("define", "result")
              and not item.label and not with_letters(item) and not declared.defines_matrix(item)}
    # \cos(A - C) = \cos A\cos C + \sin A\sin C: a capital under a trigonometric function is a triangle's
    # angle far more often than a matrix
    shown |= {x.key for tree in (parsed.lhs, parsed.rhs) for node in tree.walk()
              if isinstance(node, n.Func) and node.name in _ANGLE_FUNCTIONS
              for arg in node.args for x in arg.walk() if _plain_capital(x)}
    return capitals & frozenset(shown)


_ANGLE_FUNCTIONS = frozenset({"sin", "cos", "tan", "cot", "sec", "csc"})


def _plain_capital(x: n.Node) -> bool:
    return isinstance(x, n.Sym) and not (x.style or x.indices or x.labels or x.primes) and (
        len(x.base) == 1 and x.base.isupper() or x.base.startswith("\\") and x.base[1:2].isupper())


def _capitals_not_identity(node: n.Node) -> bool:
    """Whether ``node`` is a plain capital other than I (A) or a product of two or more such (KG)."""
    if isinstance(node, n.Mul):
        return len(node.factors) >= 2 and all(_plain_capital(f) and f.base != "I" for f in node.factors)
    return _plain_capital(node) and node.base != "I"


def _product_beside_identity(tree: n.Node) -> bool:
    """Whether ``tree`` adds a plain capital or a product of plain capitals to (or takes it from) a plain I:
    ``I - KG``, ``I + AB``, the identity minus a gain times a matrix of the Kalman and Riccati updates, or
    ``(I - A)B``, the Leontief inverse's factor (B - BA would verify with A and B numbers)."""
    for node in tree.walk():
        if isinstance(node, n.Add) and any(_plain_capital(t.node) and t.node.base == "I" for t in node.terms) \
                and any(_capitals_not_identity(t.node) for t in node.terms):
            return True
    return False


#: SD or Corr by name, whose value takes the sign of a coefficient out as |a| or a/|a|
_SPREAD_NAME = re.compile(r"SD|Corr|corr|Std|std|(?<![A-Za-z\\])sd")
#: the reason of a step about SD or Corr that holds only with a letter coefficient positive
NEGATIVE_COEFFICIENT = ("holds where the coefficient letters inside SD or Corr are positive (as sampled); with one "
                        "negative, SD(aX) = |a|SD(X) and Corr(aX, Y) = -Corr(X, Y): not decided")


def _with_negative_coefficients(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified about SD or Corr of an argument with a lowercase letter in it
    (``\\operatorname{SD}(aX + b) = a\\operatorname{SD}(X)``): letters sample positive, where the root of a^2 is a,
    so the step is unverified where it is not verified with such a letter negative, as |a| = a is. ``verdict``
    stands otherwise: SD(aX) = |a|SD(X) holds with a of either sign."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    letters = sorted({x.base for side in (parsed.lhs, parsed.rhs) for op in side.walk()
                      if isinstance(op, n.Apply) and expectation.kind_of(op) in ("SD", "Corr")
                      for arg in op.args for x in arg.walk()
                      if isinstance(x, n.Sym) and len(x.base) == 1 and x.base.islower()
                      and not (x.style or x.indices or x.labels or x.primes)})
    for letter in letters:
        again = _check_step(_negated_letter(lhs, letter), _negated_letter(rhs, letter), relation, explain=False,
                            **options)
        if again.status is not Status.VERIFIED:
            # (a step about SD of a nonlinear argument is refuted only by readings check_step tries later)
            return Verdict(Status.UNVERIFIED, NEGATIVE_COEFFICIENT, elapsed=verdict.elapsed + again.elapsed)
    return verdict


_NAME_COMMANDS = frozenset({"\\operatorname", "\\mathrm", "\\text", "\\textrm", "\\mathsf", "\\mathbb", "\\mathcal",
                            "\\mathbf", "\\boldsymbol", "\\mathit", "\\begin", "\\end"})


def _negated_letter(text: str, letter: str) -> str:
    """``text`` with each plain ``letter`` written ``(-letter)``: not one of a script (x_a, e^{at}) or of a
    name's braces (\\operatorname{Var}); ``text`` itself where it does not tokenize."""
    try:
        tokens = tokenize(text)
    except (ParseFailure, RecursionError):
        return text
    pieces: list[str] = []
    depth, skipped = 0, []  # the brace depths at which a script's or a name's group opened
    for k, token in enumerate(tokens):
        before = tokens[k - 1].text if k else ""
        if token.kind == "open" and token.text == "{":
            depth += 1
            if before in ("_", "^") or before in _NAME_COMMANDS:
                skipped.append(depth)
        elif token.kind == "close" and token.text == "}":
            if skipped and skipped[-1] == depth:
                skipped.pop()
            depth -= 1
        plain = token.kind == "letter" and token.text == letter and before not in ("_", "^") and not skipped
        pieces.append(f"(-{letter})" if plain else token.text)
    return " ".join(pieces)


def _as_generic_matrices(lhs: str, rhs: str, relation: str, verdict: Verdict, chain: tuple[str, ...] = (),
                         **options) -> Verdict:
    """The verdict on a step verified with its capitals read as numbers where one side adds a product of
    capitals to the identity (``(I - KG)\\Sigma = \\Sigma - \\Sigma KG``), or where two or more capitals
    multiply (``Ax + KGx = (A + GK)x``, ``(A + B)^2 = A^2 + 2AB + B^2``, ``e^A e^B = e^{A + B}``): there they are
    matrices as likely, and the step is unverified where it fails with every such capital a generic
    matrix (and I the identity). Never refuted: capitals may be numbers (PV = nRT, the areas of AB = BA),
    and a physics I beside R and G would be a current. ``verdict`` stands otherwise."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    beside_identity = _product_beside_identity(parsed.lhs) or _product_beside_identity(parsed.rhs)
    keys = frozenset(x.key for side in (parsed.lhs, parsed.rhs) for x in side.walk()
                     if _plain_capital(x) and x.base != "I")
    if not beside_identity:
        if any(item.kind == declared.KIND for item in options.get("context", ())):
            return verdict  # the prose says which letters are matrices (see _as_declared_matrices): its word
        if dimension_formula((parsed.lhs, parsed.rhs)):
            return verdict  # MLT^{-2}: base dimensions, which commute
        keys = _capitals_that_may_be_matrices(parsed)
        if len(keys) >= 2:  # (the chain is read only where the step multiplies capitals at all)
            keys -= _capitals_shown_numbers(parsed, chain, options)
    if not keys - parsed.letters.matrices:
        return verdict  # already read as matrices: the verdict is theirs
    if not beside_identity and len(keys) < 2:
        return verdict  # one capital commutes with itself and with every number

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, matrices=step.letters.matrices | keys | {"I"}))
    again = _check_step(lhs, rhs, relation, reading=reading, explain=False, **options)
    # (e^A e^B = e^{A + B} as matrices is left to the prose, which may make them commute: so is it here)
    if again.status is not Status.REFUTED and again.reason != MATRICES_COMMUTE:
        return verdict
    return Verdict(Status.UNVERIFIED, CAPITALS_BESIDE_IDENTITY if beside_identity else CAPITALS_THAT_COMMUTE,
                   elapsed=verdict.elapsed + again.elapsed)


def _verified_as_stacked(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that holds with its capital the matrix of the data a sum on the
    other side runs over (``\\sum_i (y_i - w^T x_i)^2 = \\|y - Xw\\|^2``, X the matrix whose rows are the
    x_i^T, y that of the y_i; or whose columns are the x_i), naming the reading among its guesses;
    None otherwise. Verify-only: which convention the prose uses (rows, columns, a column of ones, a
    centred X) is its own to say, so a step that fails in both readings stays as it was."""
    if "\\sum" not in lhs + rhs and not options.get("macros"):
        return None  # (the reading needs a sum over the data: most steps write none)
    parsed = _read_again(lhs, rhs, options)
    if parsed is None or parsed.letters.randomness.any_sensitive:
        return None  # (a capital beside expectations is a random variable, not a data matrix)
    for mode in (stacked.ROWS, stacked.COLUMNS):
        found = stacked.read(parsed, mode).letters.stacked
        if not found:
            return None

        def reading(step: Parsed, mode: str = mode) -> Parsed:
            return stacked.read(step, mode)  # (found again in the step as read there: its nodes are lowered)
        verdict = _verified_as_written(lhs, rhs, relation, stacked.describe(found), reading=reading, **options)
        if verdict is not None:
            return verdict
    return None


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


def _with_stated_symmetry(parsed: Parsed, context: tuple[ContextItem, ...]) -> tuple[Parsed, str] | None:
    """``parsed`` read with the matrices the prose states symmetric so, and the guess that names the
    statements; None where the prose states none of its matrices symmetric."""
    stated = [item for item in context if item.kind == symmetric.KIND
              and set(item.lhs.split(",")) & parsed.letters.matrices]
    if not stated:
        return None
    keys = frozenset(key for item in stated for key in item.lhs.split(",")) & parsed.letters.matrices
    guess = ", ".join(sorted(k.split(":")[-1] for k in keys)) + " symmetric (as stated at " \
        + ", ".join(sorted({item.where for item in stated})) + ")"
    return Parsed(parsed.lhs, parsed.rhs, replace(parsed.letters, stated_symmetric=keys)), guess


def _verified_with_symmetry(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that holds when the matrices the prose states symmetric are
    (``\\nabla(\\tfrac12 x^T A x) = A x`` below "where $A$ is symmetric"), naming the statements among
    its guesses; None otherwise. Verify-only: the symmetric reading is one more reading, and a step
    that fails in it is decided as it was."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    stated = _with_stated_symmetry(parsed, context)
    if stated is None:
        return None
    keys, guess = stated[0].letters.stated_symmetric, stated[1]

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, stated_symmetric=keys))
    return _verified_as_written(lhs, rhs, relation, guess, reading=reading, **options)


def _verified_with_rotations(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that holds when the matrices the prose states rotations are
    (``-R^{-1}t = -R^T t`` below "$R$ is a rotation matrix"), naming the statements among its guesses;
    None otherwise. Verify-only, as the symmetric reading: a step that fails so is decided as it was."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    keys, guess = _stated_rotations(parsed, options.get("context", ()))
    if not keys:
        return None

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, stated_rotations=keys))
    return _verified_as_written(lhs, rhs, relation, guess, reading=reading, **options)


def _stated_rotations(parsed: Parsed, context: tuple[ContextItem, ...]) -> tuple[frozenset, str]:
    """The square matrices of the step the prose states rotations, and the guess that names them."""
    square = parsed.letters.matrices - parsed.letters.tall - parsed.letters.wide
    stated = [item for item in context if item.kind == rotations.KIND and set(item.lhs.split(",")) & square]
    keys = frozenset(key for item in stated for key in item.lhs.split(",")) & square
    if not keys:
        return keys, ""
    return keys, ", ".join(sorted(k.split(":")[-1] for k in keys)) + " a rotation (as stated at " \
        + ", ".join(sorted({item.where for item in stated})) + ")"


def _verified_as_blocks(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step whose written matrices hold matrices (``[[R, t], [0^T, 1]]^{-1} =
    [[R^T, -R^T t], [0^T, 1]]`` below "$R$ is a rotation matrix") that holds once each is assembled from
    its blocks, with the matrices the prose states rotations so; None otherwise. Verify-only: a capital
    in a written matrix may as well be a number (the author's A, B, C, D of a 2 x 2 inverse), and what
    fails for blocks is decided as it was, unread."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    keys, rotated = _stated_rotations(parsed, options.get("context", ()))
    guess = "the written matrices assembled from their blocks" + (f"; {rotated}" if rotated else "")

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, blocks=True, stated_rotations=keys))
    return _verified_as_written(lhs, rhs, relation, guess, reading=reading, **options)


def _magnitude_letters(parsed: Parsed) -> dict[str, n.Sym]:
    """The plain letters of a step that also writes a vector of that name (\\omega beside \\boldsymbol\\omega,
    p beside \\mathbf p), each with the one vector: mechanics writes the plain letter for its magnitude."""
    vectors = parsed.letters.vectors
    if not vectors:
        return {}
    syms = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)]
    # a letter a gradient, derivative, integral or limit runs over stays that variable (\nabla \hat R_n(w)
    # beside \nabla_{\mathbf w}), and a function applied stays a function: no length may stand there
    held = {v.key for side in (parsed.lhs, parsed.rhs) for x in side.walk()
            for v in ([v for v, _ in x.wrt] if isinstance(x, n.Deriv) else
                      [x.var] if isinstance(x, (n.Grad, n.Integral, n.Limit, n.BigOp)) else
                      [x.func] if isinstance(x, n.Apply) else [])
            if isinstance(v, n.Sym)}
    out: dict[str, n.Sym] = {}
    for x in syms:
        if x.style or x.indices or x.primes or x.labels or x.sup_letter is not None or x.key in out or x.key in held:
            continue
        bold = {y.key: y for y in syms if y.key in vectors and y.key.split(":")[-1] == x.key and not y.indices
                and not (y.primes or y.labels) and not n.undotted(y)[1]}
        if len(bold) == 1:
            out[x.key] = next(iter(bold.values()))
    return out


def _verified_with_magnitudes(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step that introduces a plain letter beside the vector of its name and holds
    with it that vector's length: \\omega \\times (\\omega \\times r) = \\omega(\\omega \\cdot r) - \\omega^2 r of
    a bold \\omega and a plain one, p^2 for \\mathbf p \\cdot \\mathbf p. None otherwise; verify-only: the plain
    letter may be another quantity the prose names."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    lengths = _magnitude_letters(parsed)
    if not lengths:
        return None

    def length(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Grad):  # (its variable is the vector's name, no length)
            return replace(node, body=n.rebuild(node.body, length))
        if isinstance(node, n.Sym) and node.key in lengths and not node.style:
            return n.Abs(node.start, node.end, lengths[node.key])
        return None

    def reading(step: Parsed) -> Parsed:
        lengths.update(_magnitude_letters(step))
        return reclassified(step, n.rebuild(step.lhs, length), n.rebuild(step.rhs, length))
    shown = ", ".join(sorted(lengths))
    return _verified_as_written(lhs, rhs, relation, f"{shown} the length of the vector of that name", reading=reading,
                                **options)


def _verified_with_number_entries(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """A verified verdict for a step whose written matrices hold capitals that no block reading builds
    (the inertia tensor [[I_1, 0], [0, I_2]] times the column (\\omega_1, \\omega_2) of numbers) that holds
    with those capitals numbers, the principal moments they are; None otherwise. Verify-only, as for
    blocks: what the step says of block matrices is not decided."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    entries = {x.key for side in (parsed.lhs, parsed.rhs) for lit in side.walk() if isinstance(lit, n.MatrixLit)
               for row in lit.rows for entry in row for x in entry.walk() if isinstance(x, n.Sym)}
    # (only those that are matrices for being capitals beside matrices, and the subscripted I that would
    # be an identity: a capital the step inverts or transposes is a matrix it means)
    letters = parsed.letters
    written_i = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym) and x.key == "I"]
    moments = {"I"} if written_i and all(x.indices for x in written_i) else set()
    capitals = entries & letters.matrices & (letters.inferred | moments)
    # a written matrix the step inverts says more of blocks than of numbers: the 2 x 2 inverse's formula
    # [[A, B], [C, D]]^{-1} = \frac{1}{AD - BC}[[D, -B], [-C, A]] holds for numbers only
    inverted = any(isinstance(x, n.Pow) and isinstance(x.base, n.MatrixLit) for side in (parsed.lhs, parsed.rhs)
                   for x in side.walk())
    if not capitals or inverted or _multiplies_blocks(parsed, capitals - moments):
        return None

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, matrices=step.letters.matrices - capitals,
                                                  inferred=step.letters.inferred - capitals))
    return _verified_as_written(lhs, rhs, relation, "the capitals written in the matrices numbers", reading=reading,
                                **options)


def _multiplies_blocks(parsed: Parsed, blocks: set[str]) -> bool:
    """Whether the step multiplies two of ``blocks``, capitals a written matrix may hold as blocks: in a
    product (C A in an entry, two written matrices that hold them) or a determinant, where numbers commute
    and blocks do not (diag(A, B) diag(C, D) = diag(CA, DB) and det [[A, B], [C, D]] = AD - BC hold of
    numbers only), so that the reading by numbers would verify what the blocks make a slip."""
    if not blocks:
        return False

    def held(node: n.Node) -> set[str]:
        return {x.key for x in node.walk() if isinstance(x, n.Sym) and x.key in blocks}
    for side in (parsed.lhs, parsed.rhs):
        for x in side.walk():
            if isinstance(x, n.Mul) and sum(bool(held(f)) for f in x.factors) >= 2:
                return True
            if (isinstance(x, n.Func) and x.name == "det" or isinstance(x, n.MatrixLit) and x.det) \
                    and len(held(x)) >= 2:
                return True
    return False


def _verified_with_linear_maps(lhs: str, rhs: str, relation: str, unreadable: bool = False,
                               **options) -> Verdict | None:
    """A verified verdict for a step that holds when the maps the prose states linear are, or all the
    maps it applies to vectors when its own annotation says it uses linearity (``T(a\\mathbf{u} +
    b\\mathbf{v}) = aT(\\mathbf{u}) + bT(\\mathbf{v})`` below "Let $T$ be a linear map"), naming the
    reading among its guesses; None otherwise. Verify-only: a step that fails for a generic linear map
    may rest on more the prose says of it (an isometry, an eigenvector), so it is decided as it was."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return None
    heads = {x.func.key for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Apply)}
    stated = [item for item in context if item.kind == linearmaps.KIND and set(item.lhs.split(",")) & heads]
    keys = frozenset(key for item in stated for key in item.lhs.split(",")) & heads
    if linearmaps.annotated(lhs + " " + rhs):
        keys |= parsed.letters.maps & heads
    if not keys:
        return None
    where = " (as stated at " + ", ".join(sorted({item.where for item in stated})) + ")" if stated else \
        " (as the step says)"
    guess = ", ".join(sorted(k.split(":")[-1] for k in keys)) + " linear" + where

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, linear=keys))
    return _verified_as_written(lhs, rhs, relation, guess, reading=reading, **options) \
        or (_repaired_in_reading(lhs, rhs, relation, guess, reading=reading, **options) if unreadable else None)


def _repaired_in_reading(left: str, right: str, relation: str, guess: str, **options) -> Verdict | None:
    """The refuted verdict on a step that a verify-only reading refutes with a small edit that makes
    it hold in that reading, with the reading among its guesses; None otherwise. For a step that no
    other reading builds (T(u + v) of maps the default reading does not read): the reading that
    verifies such steps is the only one that decides them at all, and a failure there stands only
    where an edit explains it (a property beyond the reading's, an isometry, is then not what the
    step rests on)."""
    verdict = _check_step(left, right, relation, explain=True, **options)
    if verdict.status is not Status.REFUTED or verdict.diagnosis is None:
        return None
    return replace(verdict, guessed=tuple(sorted({*verdict.guessed, guess})))


def _as_declared_matrices(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with plain letters read as numbers, when the prose declares some
    of them matrices ("Let $A$ and $B$ be $n \\times n$ matrices" above AB = BA): decided again with them
    matrices, whose verdict stands where it is no verification (a refutation names the statement
    among its guesses). ``verdict`` stands otherwise."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    letters = parsed.letters
    symbols = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)]
    # only letters written bare everywhere: A_{ij}, A_1 beside A are entries or other quantities, and a
    # letter the step already reads as an array, an index or a bound needs no statement
    marked = {x.key for x in symbols if x.indices or x.labels or x.primes}
    plain = {x.key for x in symbols if not x.style} - marked - letters.matrices - letters.vectors \
        - letters.index - letters.integer
    latest: dict[str, ContextItem] = {}  # the last sentence about each letter wins ("... diagonal matrices")
    for item in sorted((c for c in context if c.kind == declared.KIND or declared.defines_matrix(c)),
                       key=lambda c: c.line):
        named = item.lhs.split(",") if item.kind == declared.KIND else [item.lhs.strip()]
        latest.update((key, item) for key in named if key in plain)
    keys = frozenset(key for key, item in latest.items() if item.rhs != declared.VOID)
    stated = [item for item in {id(i): i for i in latest.values()}.values() if item.rhs != declared.VOID]
    if not keys:
        return verdict
    # A = \begin{pmatrix}...\end{pmatrix} above (A + B)^2 = A^2 + 2AB + B^2: matrices the prose writes
    # out, which may commute (a diagonal one, the identity); as generic matrices the step is not verified,
    # but only a statement that they are arbitrary matrices makes the generic difference an error
    written_out = all(declared.defines_matrix(item) for item in stated)
    names = ", ".join(sorted(keys))
    where = ", ".join(sorted({item.where for item in stated}))

    def reading(step: Parsed) -> Parsed:
        return Parsed(step.lhs, step.rhs, replace(step.letters, matrices=step.letters.matrices | keys))
    again = _check_step(lhs, rhs, relation, reading=reading, **options)
    if again.status is Status.VERIFIED:
        return verdict
    if again.status is Status.REFUTED and written_out:
        return Verdict(Status.UNVERIFIED, f"holds if {names} {'commute' if len(keys) > 1 else 'is a number'}; "
                       f"not as generic matrices, and {names} {'are' if len(keys) > 1 else 'is'} written out "
                       f"at {where}: not decided", elapsed=verdict.elapsed + again.elapsed)
    if again.status is Status.REFUTED:
        return replace(again, guessed=tuple(sorted({*again.guessed, f"{names} matrices (as stated at {where})"})))
    return Verdict(Status.UNVERIFIED, f"holds if {names} {'are numbers' if len(keys) > 1 else 'is a number'}; "
                                      f"as the matrices the prose declares (at {where}), {again.reason}",
                   elapsed=verdict.elapsed + again.elapsed)


# a command (\\frac) or the text of an upright name (\\mathrm{d}f): letters that are not the step's
_NOT_LETTERS = r"\\(?:mathrm|text|textrm|operatorname|mathop|rm)\s*\{[^{}]*\}|\\[A-Za-z]+"
def _equation_of_varying_letters(lhs: str, rhs: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a refuted equation at the head of its row, when the prose differentiates implicitly
    or makes its letters vary (see dependence.py): x^3 + y^3 = 6xy and its derivative 3x^2 + 3y^2y' = 6y +
    6xy' are the curve and a condition on y', equations that hold on the curve, not identities. Unverified
    where the row writes no derivative or integral to be worked out (those stay decided: d/dx (x^3 + y^3) =
    3x^2 + 3y^2 is wrong for any y) and writes a letter the prose makes vary, or its prime."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    if any(isinstance(x, (n.Deriv, n.DerivBy, n.Integral, n.Limit, n.BigOp)) for x in nodes):
        return verdict
    letters = {n.undotted(x)[0].key for x in nodes if isinstance(x, n.Sym) and not x.indices}
    stated = [(pair, item) for item in context if item.kind == dependence.KIND for pair in dependence.decode(item.lhs)]
    varying = {letter for letter in letters for (name, by), _ in stated
               if name in (letter, dependence.ANY) and by != letter and (by == dependence.ANY or by in letters)}
    if len(letters) < 2 or not varying:
        return verdict
    where = ", ".join(sorted({item.where for (name, _), item in stated if name in (*varying, dependence.ANY)}))
    return Verdict(Status.UNVERIFIED, f"an equation in {', '.join(sorted(letters))}, whose letters the prose makes "
                                      f"vary together (at {where}): it holds on a curve, not as an identity",
                   elapsed=verdict.elapsed)


#: letters that name a function wherever they are integrated: \int_a^b f\,dx is the integral of f(x)
INTEGRAND_FUNCTIONS = ("f", "g")


def _exponent_rates(body: n.Node, var: str) -> set[str]:
    """The letters ``body`` writes in an exponent of e beside the variable ``var`` it is integrated by: the
    f of the Fourier kernel e^{-j2\\pi f t}, a frequency or a rate, which no one writes for a function of t."""
    out = set()
    for node in body.walk():
        if isinstance(node, n.Pow) and isinstance(node.base, n.Const) and node.base.name == "e":
            letters = {x.base for x in node.exp.walk() if isinstance(x, n.Sym)}
            if var in letters:
                out |= letters - {var}
    return out


def _with_integrand_functions(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with a bare function letter in an integrand (``\\int_a^b f\\,dx``,
    see INTEGRAND_FUNCTIONS) read as a constant: decided again with the letter written as a function of
    the variables of the integrals that take it. Read as a constant, \\int_a^b f\\,dx = (b - a)f holds and
    so does any order of a double integral's limits; of a function they do not. ``verdict`` stands where
    the step holds both ways (\\int_a^b (f + g)\\,dx = \\int_a^b f\\,dx + \\int_a^b g\\,dx); otherwise it is
    unverified, never refuted: the rewriting reads less than the step."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    variables: dict[str, list[str]] = {}
    for side in (parsed.lhs, parsed.rhs):
        for node in side.walk():
            if not isinstance(node, n.Integral) or node.region or not isinstance(node.var, n.Sym) \
                    or node.var.indices or node.var.style:
                continue
            rates = _exponent_rates(node.body, node.var.base)
            for x in node.body.walk():
                if isinstance(x, n.Sym) and x.base in INTEGRAND_FUNCTIONS and x.base != node.var.base \
                        and x.base not in rates \
                        and not (x.indices or x.style or x.labels or x.primes or x.sup_letter):
                    found = variables.setdefault(x.base, [])
                    if node.var.base not in found:
                        found.append(node.var.base)
    if not variables:
        return verdict
    names = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()
             if isinstance(x, (n.Sym, n.Apply)) and (x.func.base if isinstance(x, n.Apply) else x.base) in variables]
    if any(isinstance(x, n.Apply) and not x.maybe_product or isinstance(x, n.Sym) and (x.primes or x.indices)
           for x in names):
        return verdict  # (the step writes the letter applied or marked elsewhere: a reading of its own)
    left, right = lhs, rhs
    for name, over in variables.items():
        applied = f"{name}({', '.join(over)})"
        # math juxtaposes letters (cf is c times f); commands and upright names keep theirs (\\frac)
        pattern = _NOT_LETTERS + "|" + name + r"(?![_('])"
        left, right = (re.sub(pattern, lambda m: applied if m.group(0) == name else m.group(0), text)
                       for text in (left, right))
    again = _check_step(left, right, relation, **options)
    if again.status is Status.VERIFIED:
        return verdict
    written = ", ".join(f"{name} a function of {', '.join(over)}" for name, over in sorted(variables.items()))
    return Verdict(Status.UNVERIFIED, f"holds if {', '.join(sorted(variables))} is a constant; with {written} (the "
                                      f"integrand's), {again.reason or 'it does not'}", elapsed=verdict.elapsed)


def _with_varying_letters(lhs: str, rhs: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with its plain letters constants, when the prose makes some vary
    with the variable the step differentiates by (``Let $y = y(x)$``, implicit differentiation; see
    dependence.py): unverified where a total derivative by that variable takes such a letter and the step
    writes no derivative of it (d/dx (xy) = y drops the x dy/dx). A step that writes dy/dx or y' reads
    with y moving already, so ``verdict`` stands there, as it does where no derivative takes the letter."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    stated = [(pair, item) for item in context if item.kind == dependence.KIND
              for pair in dependence.decode(item.lhs)]
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    # the letters the step writes a derivative of: dy/dx, y', y'(x), \dot y
    derived = {x.body.key for x in nodes if isinstance(x, n.Deriv) and isinstance(x.body, n.Sym)}
    derived |= {x.key for x in nodes if isinstance(x, n.Sym) and x.primes}
    derived |= {x.func.key for x in nodes if isinstance(x, n.Apply) and x.primes}
    derived |= {n.undotted(x)[0].key for x in nodes if isinstance(x, n.Sym) and n.undotted(x)[1]}
    for node in nodes:
        if not isinstance(node, n.Deriv) or node.partial or node.primes or len(node.wrt) != 1 \
                or not isinstance(node.wrt[0][0], n.Sym):
            continue
        variable = node.wrt[0][0].key
        skip = n.non_quantities(node.body)
        letters = {x.key for x in node.body.walk() if isinstance(x, n.Sym) and id(x) not in skip
                   and not x.indices and not x.style and x.key != variable}
        varying = {letter for letter in letters for (name, by), _ in stated
                   if name in (letter, dependence.ANY) and by in (variable, dependence.ANY)}
        # a letter named as varying with this very variable (y = y(x), \dot m beside d/dt) moves by
        # itself: d/dt (mv) = m\dot v drops \dot m v though it writes \dot v. Letters an implicit
        # differentiation makes vary with anything are one curve's, and one derivative written reads them
        named = {letter for letter in letters for (name, by), _ in stated if name == letter and by == variable}
        if named - derived:
            varying = named - derived
        if varying and not varying & derived:
            where = ", ".join(sorted({item.where for (name, by), item in stated
                                      if name in (*varying, dependence.ANY) and by in (variable, dependence.ANY)}))
            names = ", ".join(sorted(varying))
            return Verdict(Status.UNVERIFIED, f"holds if {names} {'are' if len(varying) > 1 else 'is'} constant; "
                                              f"the prose makes {names} vary with {variable} (at {where}), and the "
                                              f"step writes no derivative of {names}", elapsed=verdict.elapsed)
    return verdict


def _holds_itself(node: n.Apply) -> bool:
    """Whether the bracket after a letter holds that letter itself (``N(r - E - rN/K)`` below ``N(t)``): no
    function is applied to an expression of its own value, so the letter multiplies the bracket."""
    return any(isinstance(x, n.Sym) and x.key == node.func.key and not (x.indices or x.primes)
               for arg in node.args for x in arg.walk())


#: letters that notes name the functions of a product, quotient or sum rule with (u, v; f, g, h; w)
_FUNCTION_LETTERS = frozenset({"u", "v", "w", "f", "g", "h"})
#: the coordinates of a path, which move together under a time derivative: d/dt (r^2\\dot\\theta) = r^2\\ddot\\theta
#: holds with r constant, but the step's dots make the path's coordinates functions of t
_COORDINATES = frozenset({"x", "y", "z", "r", "\\theta", "\\phi", "\\varphi"})


def _with_partner_functions(lhs: str, rhs: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with its plain letters constants, where a derivative takes two of
    the letters that name functions (u and v, f and g) and the step writes the derivative of one of them
    only: d/dx (uv) = u'v and \\partial(uv)/\\partial x = u \\partial v/\\partial x hold with the other one a
    constant, but the step itself makes its partner a function, and it is one the product rule
    differentiates too. Unverified, never refuted: the prose may make the other one a constant. A
    constant's letter (a, c, k, m: d/dt (mv) = m\\dot v) is left a constant."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    derived = {x.body.key for x in nodes if isinstance(x, n.Deriv) and isinstance(x.body, n.Sym)}
    derived |= {x.key for x in nodes if isinstance(x, n.Sym) and x.primes}
    derived |= {x.func.key for x in nodes if isinstance(x, n.Apply) and x.primes}
    derived |= {n.undotted(x)[0].key for x in nodes if isinstance(x, n.Sym) and n.undotted(x)[1]}
    derivatives = [x for x in nodes if isinstance(x, n.Deriv)]

    def inside(tree: n.Node, family: frozenset[str]) -> set[str]:
        skip = n.non_quantities(tree)
        return {x.key for x in tree.walk() if isinstance(x, n.Sym) and id(x) not in skip and not x.indices
                and not x.style and not x.primes and not x.labels and x.key in family}
    for node in derivatives:
        if isinstance(node.body, n.Sym):
            continue
        variables = {v.key for v, _ in node.wrt if isinstance(v, n.Sym)}
        # partners are of one family: g beside \\dot\\theta is gravity, not a function of a product rule
        families = [_FUNCTION_LETTERS] + ([_COORDINATES] if variables == {"t"} else [])
        for family in families:
            letters = inside(node.body, family) - variables
            # [(fg)h]' = (fg)'h + h'fg: the letters of another derivative written (not one around this one) move too
            elsewhere = {key for other in derivatives if other is not node
                         and not any(x is node for x in other.body.walk()) for key in inside(other.body, family)}
            # (a dotted letter inside, the \\dot\\theta of r^2\\dot\\theta, moves as well)
            dotted = {n.undotted(x)[0].key for x in node.body.walk() if isinstance(x, n.Sym) and n.undotted(x)[1]}
            moving = (letters & (derived | elsewhere)) | (dotted & family)
            still = letters - derived - elsewhere
            if not (moving and still):
                continue
            held = ", ".join(sorted(still))
            return Verdict(Status.UNVERIFIED, f"holds if {held} {'are' if len(still) > 1 else 'is'} constant; the step "
                                              f"differentiates {', '.join(sorted(moving))} beside {held}, which name "
                                              f"functions as well, and writes no derivative of {held}",
                           elapsed=verdict.elapsed)
    return verdict


def _as_document_functions(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with a letter before a bracket read as a number times it (the
    letter also stands alone in the step: \\psi(x + L) = \\psi x + \\psi L), when the document applies that
    letter to plain letters as a function (``$\\psi(x)$``, ``y(t) = e^{-t}``; see dependence.applied_letters):
    decided again with the bracket the function's argument. ``verdict`` stands where that verifies too;
    otherwise the step is unverified, never refuted: which the author meant is the prose's to say."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    stated = {key: item for item in sorted((c for c in context if c.kind == dependence.APPLIED), key=lambda c: c.line)
              for key in item.lhs.split(",")}
    products = {x.func.key for side in (parsed.lhs, parsed.rhs) for x in side.walk()
                if isinstance(x, n.Apply) and x.maybe_product and x.bracket == "(" and isinstance(x.func, n.Sym)
                and not (x.func.style or x.func.indices or x.func.labels or x.func.primes)
                and x.func.key in stated and read_as_product(x, parsed.letters) and not _holds_itself(x)}
    # \text{a}[z] = \max(0, z), h(z) = ...: the prose defines the letter as a function with that very
    # bracket, so a step verified only by reading it as a number times the bracket (\text{a}[-z] =
    # -\text{a}[z]) is not shown to hold for the function the author meant
    defined = _defined_functions(context, options.get("macros") or {})
    # (not a bracket that writes the letter itself, \pi_j(1 - \pi_j): the value times one minus it)
    own = {x.func.key for side in (parsed.lhs, parsed.rhs) for x in side.walk()
           if isinstance(x, n.Apply) and x.maybe_product and isinstance(x.func, n.Sym)
           and (x.func.key, x.bracket) in defined and not _holds_itself(x)
           and not any(isinstance(y, n.Sym) and y.key == x.func.key for a in x.args for y in a.walk())}
    stated.update({key: item for (key, _), item in defined.items() if key in own})
    products |= own
    # (af + bg)(x): the step adds the functions themselves and applies the sum, where the letters
    # standing alone are those functions, not numbers (function algebra, read as products already)
    products -= {x.key for side in (parsed.lhs, parsed.rhs) for node in side.walk() if isinstance(node, n.Mul)
                 for first, second in zip(node.factors, node.factors[1:])
                 if isinstance(first, n.Paren) and isinstance(second, n.Paren)
                 for x in first.walk() if isinstance(x, n.Sym)}
    if not products:
        return verdict

    def applied(p: Parsed) -> Parsed:
        def as_function(x: n.Node) -> n.Node:
            if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.key in products:
                return replace(x, maybe_product=False, prefer_product=False)
            return x
        return Parsed(n.map_nodes(p.lhs, as_function), n.map_nodes(p.rhs, as_function), p.letters)

    again = _check_step(lhs, rhs, relation, reading=applied, **{**options, "explain": False})
    if again.status is Status.VERIFIED:
        return verdict
    # (a letter the prose defines is named as the definition writes it, \text{a} rather than its key)
    written = {key: item.lhs.split("(" if bracket == "(" else "[", 1)[0].strip() for (key, bracket), item in defined.items()}
    names = ", ".join(sorted(written.get(key, key) for key in products))
    where = ", ".join(sorted({stated[key].where for key in products}))
    return Verdict(Status.UNVERIFIED, f"holds if {names} multiplies the bracket after it; the document applies "
                                      f"{names} as a function (at {where})", elapsed=verdict.elapsed + again.elapsed)


def _defined_functions(context: tuple[ContextItem, ...],
                       macros: Mapping[str, Macro]) -> dict[tuple[str, str], ContextItem]:
    """The letters the prose defines as functions (``\\text{a}[z] = \\max(0, z)``, ``h(z) = z^2``), keyed by
    the letter's key and the bracket the definition applies it with, each with the item defining it."""
    out: dict[tuple[str, str], ContextItem] = {}
    for item in context:
        if item.kind not in ("define", "result") or "(" not in item.lhs and "[" not in item.lhs:
            continue
        try:
            head = parse_math(item.lhs, macros)
        except (ParseFailure, RecursionError):
            continue
        if isinstance(head, n.Apply) and isinstance(head.func, n.Sym) and head.bracket in ("(", "[") \
                and all(isinstance(a, n.Sym) for a in head.args):
            out.setdefault((head.func.key, head.bracket), item)
    return out


def _pi_of_the_document(lhs: str, rhs: str, verdict: Verdict, macros: Mapping[str, Macro]) -> Verdict:
    """A refutation that read \\pi(0.2)^2 as the constant times a number (see lower.pi_times_decimal), where
    the prose applies \\pi or names it a prior, a policy, a distribution: there \\pi(0.2) is that function's
    value, which the step may take from the prose, so the step is unverified."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return verdict
    if any(isinstance(x, n.Apply) and pi_times_decimal(x) for side in (parsed.lhs, parsed.rhs) for x in side.walk()):
        return Verdict(Status.UNVERIFIED, "holds if \\pi(...) is the document's function at a point, which the "
                                          "prose applies or names (a prior, a policy), not pi times a number",
                       elapsed=verdict.elapsed)
    if any(isinstance(x, n.Const) and x.name == "pi" for side in (parsed.lhs, parsed.rhs) for x in side.walk()):
        # \frac{d\pi}{d\eta} = \pi(1 - \pi) below \pi(\eta) = \frac{1}{1 + e^{-\eta}}: a bare \pi is the value of
        # the document's function, as a bare \sigma is, not 3.14159
        return Verdict(Status.UNVERIFIED, "holds if \\pi is the document's function (the prose applies it), not "
                                          "the number pi", elapsed=verdict.elapsed)
    return verdict


def _as_complex_letters(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with its letters real, when the prose declares some of them complex
    ("Let $z \\in \\mathbb{C}$" above |z|^2 = z^2): decided again with each such letter written out as
    x + iy in new real letters. ``verdict`` stands where that verifies too; otherwise the step is
    unverified (held for real letters only): the rewriting reads less than the step, so it refutes nothing."""
    context = options.get("context", ())
    parsed = _read_again(lhs, rhs, options)
    if parsed is None:
        return verdict
    symbols = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)]
    # as for declared matrices: only letters written bare everywhere (z_1, z' are other quantities)
    marked = {x.key for x in symbols if x.indices or x.labels or x.primes}
    # (a letter written only as its conjugate, \bar w of \log(z\bar w), is written out as well: read as a
    # positive number of its own it keeps a logarithm on its principal branch)
    plain = {x.key for x in symbols if not x.style} | {x.base for x in symbols if x.style == "bar"}
    plain = plain - marked - parsed.letters.index - parsed.letters.integer
    stated = {}
    for item in sorted((c for c in context if c.kind == complexes.KIND), key=lambda c: c.line):
        stated.update((key, item) for key in item.lhs.split(",") if key in plain)
    if not stated:
        return verdict
    used = set(re.findall(r"[A-Za-z]", lhs + rhs))
    spare = [c for c in "pqrsuvghkm" if c not in used]
    if len(spare) < 2 * len(stated):
        return verdict
    parts = {key: (spare[2 * k], spare[2 * k + 1]) for k, key in enumerate(sorted(stated))}

    def written_out(scale: str) -> tuple[str, str] | None:
        left, right = lhs, rhs
        for key, (real, imaginary) in parts.items():
            left = complexes.letter_written_out(left, key, real, scale + imaginary)
            right = complexes.letter_written_out(right, key, real, scale + imaginary)
            if left is None or right is None:
                return None
        return left, right
    sides = written_out("")
    if sides is None:
        return verdict
    signed = _with_signed_parts(options, [letter for pair in parts.values() for letter in pair])
    again = _check_step(*sides, relation, explain=False, **signed)
    if again.status is Status.VERIFIED and complexes.branch_sensitive(" ".join(sides)):
        # the sampled parts are below pi, where \log(e^z) = z holds: a whole turn needs a larger imaginary part
        larger = written_out("4 ")
        if larger is not None:
            again = replace(_check_step(*larger, relation, explain=False, **signed), elapsed=again.elapsed)
    if again.status is Status.VERIFIED:
        return verdict
    names = ", ".join(sorted(stated))
    where = ", ".join(sorted({item.where for item in stated.values()}))
    return Verdict(Status.UNVERIFIED, f"holds if {names} {'are' if len(stated) > 1 else 'is'} real; the prose "
                                      f"declares {names} complex (at {where})", elapsed=verdict.elapsed + again.elapsed)


def _with_signed_parts(options: dict, letters: list[str]) -> dict:
    """``options`` with the real and imaginary parts a complex letter is written out in declared real: the
    letters are sampled positive, where z = p + iq lies in the first quadrant and \\log(zw) = \\log z + \\log w,
    \\sqrt{z^2} = z hold; a part of either sign takes such a root or logarithm off its principal branch."""
    if not letters:
        return options
    item = ContextItem(reals.KIND, "", ",".join(letters), "", "", "a part of a complex letter", 0)
    return {**options, "context": (*options.get("context", ()), item)}


def _moduli_of_complex_names(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step verified with its letters real that takes the modulus of z or \\psi (or of w
    beside z), complex by their names (|z|^2 = z^2, |\\psi|^2 = \\psi^2): a modulus is what one writes of
    a complex number, so the step is read again with those letters complex, as under the prose's
    declaration, and is unverified where it holds for real letters only. Never a refutation: the name
    alone does not settle that the letter is complex."""
    try:
        trees = [parse_math(side, options.get("macros") or {}) for side in (lhs, rhs)]
    except (ParseFailure, RecursionError):
        return verdict
    if _REAL_ONLY.search(lhs + " " + rhs):
        return verdict  # [z]_+ + [-z]_+ = |z|: a positive part, a maximum or a sign is taken of real numbers only
    written = {x.key for tree in trees for x in tree.walk() if isinstance(x, n.Sym)}
    named = set(complexes.MODULUS_LETTERS) | ({"w"} if "z" in written else set())
    keys = sorted({x.key for tree in trees for node in tree.walk() if isinstance(node, n.Abs)
                   for x in n.outside_exponents(node.inner, arguments=True) if isinstance(x, n.Sym) and x.key in named})
    if not keys:
        return verdict
    item = ContextItem(complexes.KIND, "", ",".join(keys), "", "", "its name", 0)
    again = _as_complex_letters(lhs, rhs, relation, verdict, **{**options, "context": (*options.get("context", ()), item)})
    if again.status is Status.VERIFIED:
        return verdict
    names = ", ".join(keys)
    return Verdict(Status.UNVERIFIED, f"holds if {names} {'are' if len(keys) > 1 else 'is'} real; a modulus is "
                                      f"taken of {names}, complex by name", elapsed=again.elapsed)


#: the bars of a norm, and what makes the letters in one vectors whatever the norm (a transpose, bold, an
#: arrow, an inner product)
_NORM_BARS = re.compile(r"\\\||\\[lr]Vert(?![A-Za-z])")
_VECTOR_MARKS = re.compile(r"\^\s*\{?\s*(?:\\top|T|\\intercal|\\mathsf\s*\{\s*T\s*\})(?![A-Za-z])"
                           r"|\\(?:mathbf|boldsymbol|bm|vec|langle)(?![A-Za-z])")
#: a capital inside a norm (\|Xw - y\|) or a gradient: a matrix times a vector, calculus of vectors, so that
#: X(Xw - y) for X^T(Xw - y) is the transpose slip it looks like, not a step in one dimension
_MATRIX_IN_NORM = re.compile(r"(?:\\\||\\[lr]Vert)[^|]*?(?<![\\A-Za-z])[A-Z]|\\nabla(?![A-Za-z])")
NORM_OF_NUMBERS = "holds with the letters in the norm numbers (the norm their absolute value), not as vectors"


def _norms_of_numbers(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step refuted with the letters of a norm read as vectors (\\|x - z\\| makes x, z
    vectors) when nothing else on it makes them so and it holds with them numbers: notes in one
    dimension write the squared-exponential kernel e^{-\\|x - z\\|^2} = e^{-x^2}e^{-z^2}e^{2xz}, which is
    right there. Unverified, never verified: x z for two vectors may as well be a slip for x^T z."""
    macros = options.get("macros") or {}
    left, right = _macros_written_out(lhs, macros), _macros_written_out(rhs, macros)
    if _VECTOR_MARKS.search(left + " " + right) or _MATRIX_IN_NORM.search(left + " " + right):
        return verdict
    again = _check_step(_NORM_BARS.sub("|", left), _NORM_BARS.sub("|", right), relation, macros=macros,
                        seed=options.get("seed", 0), explain=False, context=options.get("context", ()),
                        indefinite=options.get("indefinite", False))
    if again.status is not Status.VERIFIED:
        return verdict
    return Verdict(Status.UNVERIFIED, NORM_OF_NUMBERS, elapsed=verdict.elapsed + again.elapsed)


#: what only real numbers are taken: a positive part [z]_+, a maximum or minimum, a sign, a floor or ceiling
_REAL_ONLY = re.compile(r"\]_\{?\+|\\(?:max|min|lfloor|lceil)(?![A-Za-z])|\b(?:sgn|sign)\b")


UNREAD = "could not read: "
_UNREAD_AVERAGES = {UNREAD + OVER_EXPRESSION.format(bar) for bar in AVERAGE_BARS}


def _as_stated_brackets(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on an unverified step with braces in a passage whose prose speaks of Poisson brackets:
    there \\{f, g\\} is no anticommutator nor set, and a bracket that differs refutes the step (see
    poisson.py). Only a refutation replaces ``verdict``."""
    if _same_braced_entries(lhs, rhs):
        # {q, p} = {p, q}: false of brackets, true of the sets the same braces write beside them
        return verdict
    with poisson.stating():
        again = _check_step(lhs, rhs, relation, **options)
    if again.status is not Status.REFUTED:
        return verdict
    where = ", ".join(sorted({item.where for item in options["context"] if item.kind == poisson.KIND}))
    return replace(again, guessed=tuple(sorted({*again.guessed, f"the braces Poisson brackets (stated at {where})"})))


_BRACED = re.compile(r"^\s*(?:\\left\s*)?\\\{(?P<inner>.*?)(?:\\right\s*)?\\\}\s*$", re.DOTALL)


def _braced_entries(side: str) -> list[str] | None:
    """The entries of a side written as one pair of braces, split at their top-level commas."""
    match = _BRACED.match(side)
    if match is None:
        return None
    entries, depth, start, inner = [], 0, 0, match.group("inner")
    for at, char in enumerate(inner):
        depth += 1 if char in "({[" else -1 if char in ")}]" else 0
        if depth < 0:
            return None  # "\{a\} \cup \{b\}": not one pair of braces
        if char == "," and depth == 0:
            entries.append(inner[start:at].strip())
            start = at + 1
    entries.append(inner[start:].strip())
    return [re.sub(r"\s+", "", e) for e in entries]


def _same_braced_entries(lhs: str, rhs: str) -> bool:
    """Whether both sides are braces holding the same entries, in another order (equal as sets)."""
    left, right = _braced_entries(lhs), _braced_entries(rhs)
    return left is not None and right is not None and left != right and sorted(left) == sorted(right)


def _as_reynolds_averages(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step with a bar over an expression and no fluctuation written (\\overline{u + v} =
    \\bar u + \\bar v, \\overline{(u - \\bar u)(T - \\bar T)} = \\overline{uT} - \\bar u \\bar T), in a passage
    whose prose states a Reynolds decomposition: verified where it holds with the bars averages, naming
    the statement among its guesses. Verify-only: what the bars are is the prose's, which may also
    write a conjugate; ``verdict`` stands otherwise."""
    where = ", ".join(sorted({item.where for item in options["context"] if item.kind == reynolds.KIND}))
    again = _verified_as_written(lhs, rhs, relation, f"the bars Reynolds averages (stated at {where})",
                                 averages=True, **options)
    return verdict if again is None else again
# what a step writes that may make a letter complex: a conjugate (\bar z, \overline{z + w}, \psi^*) or a
# real or imaginary part
_CONJUGATE_MARKS = re.compile(r"\\bar|\\overline|\^\s*(?:\{\s*)?(?:\*|\\ast)|\\operatorname\s*\{\s*(?:Re|Im)\s*\}"
                              r"|\\(?:Re|Im)(?![A-Za-z])|\\mathrm\s*\{\s*(?:Re|Im)\s*\}")
# what the written-out reading cannot take: a letter as a variable of calculus, or one a sum binds
_NOT_WRITTEN_OUT = re.compile(r"\\(?:frac\s*\{\s*d|partial|int|oint|iint|lim|sum|prod|to|nabla|mid|Big|big|bigg|Bigg)"
                              r"(?![A-Za-z])|'|\\right\s*\|\s*_|\|_|\bd[zw]\b")
# the reasons of an unverified step that the conjugate's reading may replace: a conjugate read as a
# quantity of its own, or left unread
_CONJUGATE_UNREAD = ("could not read: \\overline over an expression", "could not read: cannot read '*'",
                     "the real or imaginary part of letters that may be complex")
CONJUGATE_BRANCH = "the sides differ with {} complex, on the principal branch of a root, logarithm, argument or power"


def _written_out_reading(parts: dict[str, tuple[str, str]]) -> Callable[[Parsed], Parsed]:
    """The reading of a step with each letter of ``parts`` written out as x + iy in its real letters, and
    its conjugate (\\bar z, z^*) as x - iy."""
    def written(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Sym) or node.base not in parts or node.indices or node.primes \
                or (node.style, node.labels) not in (("", ()), ("bar", ()), ("", ("*",))):
            return None
        real, imaginary = (replace(node, base=letter, style="", labels=()) for letter in parts[node.base])
        unit = n.Const(node.start, node.end, "imag_i")
        sign = "+" if (node.style, node.labels) == ("", ()) else "-"
        terms = (n.Term(node.start, node.end, "+", real),
                 n.Term(node.start, node.end, sign, n.Mul(node.start, node.end, (unit, imaginary))))
        return n.Paren(node.start, node.end, n.Add(node.start, node.end, terms))

    def reading(step: Parsed) -> Parsed:
        return reclassified(step, n.rebuild(step.lhs, written), n.rebuild(step.rhs, written))
    return reading


def _with_conjugates(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step that writes the complex conjugate (|z|^2 = z\\bar z, \\overline{z + w} =
    \\bar z + \\bar w, \\psi^*\\psi) or a real part of complex letters, read with them complex: each of
    z, w, \\psi, of the letters the prose declares complex and of the letters a conjugate marks, written
    out as x + iy in real letters (in the prose's own, for z = x + iy), and every conjugate as the
    conjugate of what it marks. Verified where that holds; refuted where it fails, the step's own
    verdict left nothing else to read (a conjugate read as a quantity of its own, or unread) and no
    branch of a root or logarithm is involved; ``verdict`` stands otherwise."""
    context = options.get("context", ())
    if _NOT_WRITTEN_OUT.search(lhs + " " + rhs):
        return verdict
    structure = complexes.conjugated_text(lhs, {}), complexes.conjugated_text(rhs, {})
    if None in structure:
        return verdict
    parsed = _read_again(*structure, options)
    if parsed is None:
        return verdict
    symbols = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)]
    conjugated = {x.base for x in symbols if not (x.indices or x.primes)
                  and (x.style == "bar" and not x.labels or not x.style and x.labels == ("*",))}
    plain = {x.base for x in symbols if not (x.style or x.labels or x.indices or x.primes)}
    other = {x.base for x in symbols} - conjugated - plain \
        | {x.base for x in symbols if x.indices or x.primes or x.style not in ("", "bar") or x.labels not in ((), ("*",))}
    declared = {key for item in context if item.kind == complexes.KIND for key in item.lhs.split(",") if key}
    named = complexes.CONJUGATE_LETTERS | declared
    text = lhs + " " + rhs
    groups = bool(complexes.writes_conjugated_expression(text))
    parts_stated = complexes.stated_parts(context)
    cartesian = {key for key in plain & set(parts_stated) if set(parts_stated[key]) & plain}
    # (a real part of z and w alone, Re(zw), waits for the prose to say they are complex)
    real_parts = bool(re.search(r"Re|Im|\\arg(?![A-Za-z])", text)) and bool(plain & declared)
    if not (conjugated & named or groups or real_parts or cartesian):
        return verdict
    keys = conjugated | plain & named
    if keys & (other | parsed.letters.index | parsed.letters.integer) or not (keys or groups):
        return verdict
    used = set(re.findall(r"[A-Za-z]", text))
    spare = [c for c in "pqrsuvabcklm" if c not in used]
    parts: dict[str, tuple[str, str]] = {}
    for key in sorted(keys):
        stated = parts_stated.get(key)
        if stated is not None and not set(stated) & keys:
            parts[key] = stated
        elif len(spare) >= 2:
            parts[key] = (spare.pop(0), spare.pop(0))
        else:
            return verdict
    left, right = complexes.conjugated_text(lhs, parts), complexes.conjugated_text(rhs, parts)
    if left is None or right is None:
        return verdict
    if "i" in plain and "i" not in other | keys | parsed.letters.index | parsed.letters.integer:
        # beside complex letters, a bare i that indexes nothing is the unit
        left, right = complexes.unit_written(left), complexes.unit_written(right)
    # what makes the letters complex beyond their names: the prose, the unit, a modulus or a part
    # (a conjugate in a step of numbers alone, (\frac{1}{\sqrt2})^* of an amplitude, is no mean nor optimum)
    evidence = bool(set(parts) & (declared | set(parts_stated))) or "i" in plain or not symbols \
        or re.search(r"\\mathrm\s*\{\s*i\s*\}|\||\\(?:operatorname|mathrm)\s*\{\s*(?:Re|Im)|\\(?:Re|Im|arg)(?![A-Za-z])", text)
    if not evidence and complexes.writes_conjugated_expression(text):
        return verdict  # \overline{z^2} beside \bar z^2 by their names alone: the mean of the squares, as often
    again = _check_step(left, right, relation, explain=False,
                        **_with_signed_parts(options, [letter for pair in parts.values() for letter in pair]))
    names = ", ".join(sorted(parts))
    if again.status is Status.VERIFIED:
        return Verdict(Status.VERIFIED, elapsed=verdict.elapsed + again.elapsed, definitions=again.definitions)
    if again.status is not Status.REFUTED:
        return verdict
    if parts and complexes.branch_sensitive(left + " " + right):
        # (of numbers alone, nothing is written out and a root is the one written)
        return Verdict(Status.UNVERIFIED, CONJUGATE_BRANCH.format(names), elapsed=verdict.elapsed + again.elapsed)
    if verdict.status is Status.REFUTED:
        return verdict  # refuted as written too: its diagnosis stands
    if not verdict.reason.startswith((*NAMES_ELSEWHERE, *_CONJUGATE_UNREAD)):
        return verdict
    if not evidence:
        # z and w by their names alone, with nothing else complex written (a modulus, a part, the unit):
        # a mean \bar z or an optimum z^* as much as a conjugate, which only a verification settles
        return verdict
    if not complexes.writes_conjugated_expression(text):
        # the letters written out in the tree rather than the text: a repair of the step's right side
        # as written is then sought in that reading, and named in the author's own text
        explained = _check_step(lhs, rhs, relation, reading=_written_out_reading(parts), **options)
        written = explained.diagnosis and re.sub(r"\\[A-Za-z]+\s*(?:\{[A-Za-z]*\})?", " ", explained.diagnosis.suggestion)
        # (a repair that names the reading's own letters, q for z, repairs the reading, not the step)
        if explained.status is Status.REFUTED and written and not set(re.findall(r"[A-Za-z]", written)) & (
                {letter for pair in parts.values() for letter in pair} - used):
            again = explained
    values = dict(again.counterexample)
    point = []
    for key, (real, imaginary) in sorted(parts.items()):
        if (real, imaginary) == parts_stated.get(key):
            continue  # the prose's own letters, x and y of z = x + iy, are shown as they are
        if real in values and imaginary in values:
            point.append((key, f"{values.pop(real)} + {values.pop(imaginary)}i"))
    return Verdict(Status.REFUTED, f"the two sides differ with {names} complex" if names else
                   "the two sides differ with the conjugate taken", counterexample=(*point, *values.items()),
                   diagnosis=again.diagnosis, elapsed=verdict.elapsed + again.elapsed)


# the reasons of an unverified step that a unit the prose states may decide: the letter read as a number
# appears on one side only, or the step holds only with it a number, or solves for it
_UNIT_UNDECIDED = ("a property of ", EQUATION_TO_SOLVE, "holds if i is a real number", "holds if j is a real number",
                   "refuted in one reading")


def _with_stated_unit(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step left unverified for its bare i (or j) as a letter, when the prose states
    that letter the unit ("$i^2 = -1$", "$j = \\sqrt{-1}$"): decided with it the unit, as
    \\mathrm{i} is. ``verdict`` stands where that reading decides nothing."""
    if not verdict.reason.startswith((*NAMES_ELSEWHERE, *_UNIT_UNDECIDED)):
        return verdict
    stated = {key[len(complexes.UNIT_MARK):] for item in options.get("context", ()) if item.kind == complexes.KIND
              for key in item.lhs.split(",") if key.startswith(complexes.UNIT_MARK)}
    parsed = _read_again(lhs, rhs, options) if stated or PHASOR in lhs + rhs else None
    if parsed is None:
        return verdict
    if any(isinstance(x, n.Func) and x.name == PHASOR_FUNCTION for side in (parsed.lhs, parsed.rhs) for x in side.walk()):
        # a phasor in polar form is a point of the complex plane: the bare i or j of its rectangular
        # form beside it is the unit, as if the prose said so
        stated |= {"i", "j"}
    letters = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym) and x.base in stated]
    units = {x.base for x in letters}
    if not units or len(units) > 1 or any(x.indices or x.style or x.labels or x.primes for x in letters) \
            or units & (parsed.letters.index | parsed.letters.integer):
        return verdict
    applied = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Apply)
               and isinstance(x.func, n.Sym) and x.func.base in units]
    if any(not x.maybe_product or x.primes or len(x.args) != 1 for x in applied):
        return verdict  # j'(t), j(x, y): a function named j, no unit

    def reading(step: Parsed) -> Parsed:
        def unit(node: n.Node) -> n.Node | None:
            if isinstance(node, n.Apply) and isinstance(node.func, n.Sym) and node.func.base in units:
                # j(1 + j) with j the unit: a product, which as an application would have the unit for a name
                arg = n.rebuild(node.args[0], unit)
                factors = (n.Const(node.func.start, node.func.end, "imag_i"), n.Paren(arg.start, arg.end, arg))
                return n.Mul(node.start, node.end, factors, False, ("",))
            if isinstance(node, n.Sym) and node.base in units and not (node.indices or node.style or node.labels
                                                                        or node.primes):
                return n.Const(node.start, node.end, "imag_i")
            return None
        left, right = n.rebuild(step.lhs, unit), n.rebuild(step.rhs, unit)
        return Parsed(left, right, replace(step.letters, imaginary=True))

    again = _check_step(lhs, rhs, relation, reading=reading, **options)
    if again.status in (Status.VERIFIED, Status.REFUTED):
        return again
    return verdict


def _verified_as_written(left: str, right: str, relation: str, guess: str, **options) -> Verdict | None:
    """The verdict on the sides as another reading writes them, with that reading among its guesses,
    when it verifies; None otherwise (a verify-only reading refutes nothing)."""
    verdict = _check_step(left, right, relation, explain=False, **options)
    if verdict.status is not Status.VERIFIED:
        return None
    return replace(verdict, guessed=tuple(sorted({*verdict.guessed, guess})))


def _both_signs(lhs: str, rhs: str, relation: str, **options) -> Verdict:
    """A step with \\pm (and \\mp, the other sign) holds as an identity when it holds with the upper
    signs and with the lower ones. Anything else is left unverified: the same \\pm also writes the
    two roots of an equation (x = \\pm\\sqrt{a}), where one sign at a time is meant."""
    verdict = None
    for upper in (True, False):
        verdict = _check_step(with_signs(lhs, upper), with_signs(rhs, upper), relation, explain=False, **options)
        if verdict.status is Status.REFUTED:
            wrong = _both_roots_wrong(lhs, rhs, relation, **options)
            if wrong is not None:
                return wrong
            which = "upper" if upper else "lower"
            return Verdict(Status.UNVERIFIED, f"\\pm: fails with the {which} signs (one root of an equation?)")
        if verdict.status is not Status.VERIFIED:
            return verdict  # undecided with this sign: the other one cannot make it an identity
    return verdict


def _both_roots_wrong(lhs: str, rhs: str, relation: str, **options) -> Verdict | None:
    """The refuted verdict on a step whose sides both write \\pm (``\\frac{4 \\pm 2\\sqrt3}{2} = 4 \\pm
    \\sqrt3``) when neither of the left side's two values is one of the right side's, and a small edit
    of the right side outside its signs makes the step hold with both signs; None otherwise. Read as
    two roots, the sides are then different pairs of numbers, whichever sign each root is meant with."""
    if relation not in EQUALITY or not (PLUS_MINUS.search(lhs) and PLUS_MINUS.search(rhs)):
        return None
    for left in (True, False):
        for right in (True, False):
            verdict = _check_step(with_signs(lhs, left), with_signs(rhs, right), relation, explain=False, **options)
            if verdict.status is not Status.REFUTED:
                return None
    # the right side with its signs upper, unpadded, so that the diagnosis's suggestion is that text
    # with one edit: the edit, outside the signs, is put into the right side as written
    pieces, signs, at = [], [], 0
    for match in PLUS_MINUS.finditer(rhs):
        pieces.append(rhs[at:match.start()])
        signs.append((sum(map(len, pieces)) + len(signs), match))
        at = match.end()
    pieces.append(rhs[at:])
    written = "".join(p + ("+" if k < len(signs) and signs[k][1].group(0) == "\\pm" else "-" if k < len(signs) else "")
                      for k, p in enumerate(pieces))
    refuted = _check_step(with_signs(lhs, True), written, relation, explain=True, **options)
    if refuted.status is not Status.REFUTED or refuted.diagnosis is None:
        return None
    suggestion = refuted.diagnosis.suggestion
    prefix, suffix = common_ends(written, suggestion)
    edit_start, edit_end = prefix, len(written) - suffix
    if any(edit_start <= position < edit_end or position == edit_start == edit_end for position, _ in signs):
        return None

    def original(position: int) -> int:  # a position of ``written`` in ``rhs``
        return position + sum(len(match.group(0)) - 1 for at_sign, match in signs if at_sign < position)
    fixed = rhs[:original(edit_start)] + suggestion[prefix:len(suggestion) - suffix] + rhs[original(edit_end):]
    if _both_signs(lhs, fixed, relation, **options).status is not Status.VERIFIED:
        return None
    diagnosis = replace(refuted.diagnosis, start=original(refuted.diagnosis.start),
                        end=original(refuted.diagnosis.end), suggestion=fixed)
    return replace(refuted, diagnosis=diagnosis, reason="\\pm: the two values differ from the other side's with either sign")


COMPONENTS_READ = "{0}^0, {0}^1, ... read as the components of a four-vector"
ITERATES_READ = "the whole superscripts of {0} read as labels of iterates (x^0, x^1), not powers"
ITERATES_GIVEN = ("the whole superscripts of {0} may label iterates (x^0, x^1) whose values the prose gives "
                  "(read as powers, the step fails)")
COMPONENTS_BESIDE = "{0}^0, {0}^1 may be the components of a four-vector beside it (read as powers, the step fails)"
#: the reasons of a step that differs through a name whose value the document may state elsewhere
NAMES_ELSEWHERE = ("introduces ", "needs the definition of ", "the right side no longer mentions ")
#: ... and of one that drops a function the prose may define (``Let $f(x) = x^2$`` above
#: ``x_t - \eta f'(x_t) = x_t - 2\eta x_t``): put in, it can only verify
FUNCTIONS_ELSEWHERE = ("drops the function ",)
# the end of the reason for a derivative of a name the step does not define (du/dx beside $u = ax$ of the
# prose), which a value in force may decide
UNDEFINED_HERE = ", which is not defined here"
#: ... and of a step whose functions, read as stand-ins, do not decide it (see Comparator.decide)
UNDECIDED_FUNCTION = "depends on what "


#: a written matrix (not \\begin{vmatrix}, a determinant and so a number)
_WRITTEN_MATRIX = re.compile(r"\\begin\{(?:p|b|B|small)?matrix\}")


def _written_matrices(context: tuple[ContextItem, ...],
                      macros: Mapping[str, Macro] | None = None) -> tuple[ContextItem, ...]:
    """The definitions in force whose value is a matrix written out (``Q = \\begin{pmatrix}..``), or a
    vector written as a list under a vector's name (``\\vec u = (1, 2, 3)``, as tuples.defined_vector
    reads it): a first course states its vectors so as often as in a column."""
    return tuple(item for item in context if item.kind in ("define", "result")
                 and (_WRITTEN_MATRIX.search(item.rhs) or _listed_vector(item, macros or {})))


def _listed_vector(item: ContextItem, macros: Mapping[str, Macro]) -> bool:
    if not ("(" in item.rhs or "\\langle" in item.rhs):
        return False
    # the very reading the substitution makes of the value (a list only where the name is a vector's)
    return any(isinstance(d.body, n.MatrixLit) and d.body.listed
               for d in parse_definitions((item,), macros, ("define", "result")))


def _stated_squares(context: tuple[ContextItem, ...],
                    macros: Mapping[str, Macro]) -> list[tuple[ContextItem, ...]]:
    """The values of letters the prose states by their squares (``$s_1^2 = 0.64$``, ``$R^2 = 0.6$``: a
    variance, a coefficient of determination), as results: one tuple with every letter at its positive
    root, one with every letter at its negative root; [] where the prose states none."""
    roots: list[tuple[ContextItem, ContextItem]] = []
    for item in context:
        if item.kind != RELATION or item.relation != "=":
            continue
        try:
            left, right = parse_math(item.lhs, macros), parse_math(item.rhs, macros)
        except (ParseFailure, RecursionError):
            continue
        if not (isinstance(left, n.Pow) and isinstance(left.base, n.Sym) and isinstance(left.exp, n.Num)
                and left.exp.value == "2" and isinstance(right, n.Num) and Fraction(right.value) > 0):
            continue
        letter, value = item.lhs[left.base.start:left.base.end], right.value
        label = head_label(left.base, right)
        roots.append(tuple(ContextItem("result", left.base.base, letter, "=", root, item.where, item.line, False,
                                       item.path, True, label=label, lettered=False)
                           for root in (f"\\sqrt{{{value}}}", f"-\\sqrt{{{value}}}")))
    if not roots:
        return []
    return [tuple(pair[0] for pair in roots), tuple(pair[1] for pair in roots)]


def _numbers_not_functions(reason: str, context: tuple[ContextItem, ...]) -> bool:
    """Whether every function a step is said to drop (``\\gamma(R_0 - 1)``, ``R_0(1 - p)`` read as
    applications) is a name the prose gives a number in force (``with $\\gamma = 0.2$``): a number is no
    function, so the bracket is a factor, which the worked example's values decide (verify-only)."""
    if not reason.startswith(FUNCTIONS_ELSEWHERE) or not reason.endswith(", defined elsewhere"):
        return False
    dropped = reason[len(FUNCTIONS_ELSEWHERE[0]):-len(", defined elsewhere")].split(", ")
    numbers = {item.name for item in context if item.kind in ("define", "result") and not with_letters(item)
               and not _APPLIED_HEAD.match(item.lhs)}
    return all(name in numbers for name in dropped)


#: a definition's head applied to arguments (``f(x) = ...``): a function, not a number
_APPLIED_HEAD = re.compile(r"^[^(]*\(")


def _stated_values(context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...]:
    """The values in force that may verify a step written with their names (``m = \\sum_i y_i`` above
    ``\\frac{m}{n} = \\frac1n \\sum_i y_i``, also stated inline in the prose): expressions only, since a
    number (``x = 2`` of an example) would verify any wrong identity at that point."""
    return tuple(item for item in context
                 if item.kind in ("define", "result") and with_letters(item))


def _example_value_used(verdict: Verdict, context: tuple[ContextItem, ...]) -> str:
    """Why a refutation that rests on a value of numbers which replaced a definition with letters is no
    error (\\gamma = 10.0 of a worked example after \\gamma = 1/\\sqrt{1 - \\beta^2}, then a general
    step in \\beta): the value holds at the example's point only, and which definition the step means
    (the latest or an earlier one, of which only the last is kept) is the prose's; "" otherwise."""
    replaced = {item.name for item in context if item.kind == EARLIER}
    for item in context:
        if item.kind in ("define", "result") and item.name in replaced and not with_letters(item) \
                and f"{' '.join(item.lhs.split())} defined at {item.where}" in verdict.definitions:
            return (f"differs with {item.name} = {item.rhs.strip()} (defined at {item.where}), a worked example's "
                    "value that replaced a definition with letters: not decided")
    return ""


def _example_result_in_a_general_step(lhs: str, rhs: str, verdict: Verdict, context: tuple[ContextItem, ...],
                                      macros: Mapping[str, Macro]) -> str:
    """Why a refutation that rests on a quantity a worked example computed from its own numbers
    (``H = -(0.25\\ln 0.25 + 0.75\\ln 0.75)``) is no error in a step that writes letters nothing in force
    gives a value (``-\\pi_c(\\log\\pi_c + H)`` of the general derivation after the example): the result
    belongs to the example's data, which the step, written for any, need not share. A parameter set to a
    plain number (``\\gamma = 0.9``) is no such result: a step that uses it is decided. "" otherwise."""
    used = [item for item in context if item.kind in ("define", "result")
            and f"{' '.join(item.lhs.split())} defined at {item.where}" in verdict.definitions]
    if not used or any(with_letters(item) for item in used):
        return ""
    try:
        computed = [item for item in used if not isinstance(parse_math(item.rhs, macros), n.Num)]
        step = _letters(parse_math(lhs, macros)) | _letters(parse_math(rhs, macros))
    except (ParseFailure, RecursionError):
        return ""
    free = step - {item.name for item in context if item.name}
    if not computed or not free:
        return ""
    item = computed[0]
    return (f"differs with {item.lhs.strip()} = {item.rhs.strip()} (defined at {item.where}), computed in a worked "
            f"example, in a step with letters of its own ({', '.join(sorted(free))}): the example's value?")


def _refuted_without_example_results(lhs: str, rhs: str, relation: str, verdict: Verdict,
                                     context: tuple[ContextItem, ...], macros: Mapping[str, Macro], seed: int,
                                     indefinite: bool) -> Verdict | None:
    """The step's refutation with the values of numbers that ``verdict`` put in left out of ``context``
    (their letters free, as a general step means them), or None where it is not refuted so."""
    used = {item for item in context if item.kind in ("define", "result") and not with_letters(item)
            and f"{' '.join(item.lhs.split())} defined at {item.where}" in verdict.definitions}
    if not used:
        return None
    general = check_step(lhs, rhs, relation, macros=macros, seed=seed, indefinite=indefinite,
                         context=tuple(item for item in context if item not in used))
    return general if general.status is Status.REFUTED else None


def _written_letters(text: str, macros: Mapping[str, Macro]) -> set[str]:
    """The letters ``text`` writes (see _letters); the empty set where it does not parse, so that an
    unread text is never taken to be about other letters than a step's."""
    parts, start = [], 0
    for found in find_relations(text):  # (the rest of a bound, "t < 5" of 2 < t < 5)
        parts.append(text[start:found.start])
        start = found.end
    letters: set[str] = set()
    for part in (*parts, text[start:]):
        try:
            letters |= _letters(parse_math(part, macros))
        except (ParseFailure, RecursionError):
            return set()
    return letters


def _letters(tree: n.Node) -> set[str]:
    """The letters a tree writes, without those its sums and products bind."""
    bound = {v for x in tree.walk() if isinstance(x, n.BigOp) for v in (x.var, *x.extra_vars)}
    return {x.base for x in tree.walk() if isinstance(x, n.Sym)} - bound


def _worked_example_of_a_family(lhs: str, rhs: str, verdict: Verdict, context: tuple[ContextItem, ...],
                                macros: Mapping[str, Macro]) -> str:
    """Why a refutation of a line of numbers (``y[0] = 1 \\cdot 1 + 2 \\cdot 3 = 13``) by a definition
    with parameters (``y[n] = \\sum_{k=0}^{n} a^k b^{n-k}``, the output for inputs a^n and b^n) is no
    error: such a definition is a family of sequences, and a worked example that writes none of its
    parameters has picked its own member, or its own signal under the same name, as notes that reuse
    x, y, h in every example do. Where the definition still has its parameters at the example's
    argument the step is an equation to solve (unverified); that they cancel at this argument
    (an empty sum at n = 0) ties the example no closer to the family. "" otherwise."""
    used = [item for item in context if item.kind in ("define", "result")
            and f"{' '.join(item.lhs.split())} defined at {item.where}" in verdict.definitions]
    if not used:
        return ""
    try:
        heads = [parse_math(item.lhs, macros) for item in used]
        bodies = [parse_math(item.rhs, macros) for item in used]
        step = _letters(parse_math(lhs, macros)) | _letters(parse_math(rhs, macros))
    except (ParseFailure, RecursionError):
        return ""
    names = {head.func.base if isinstance(head, n.Apply) and isinstance(head.func, n.Sym) else
             head.base if isinstance(head, n.Sym) else "" for head in heads}
    if "" in names or step - names:
        return ""  # the step writes letters of its own: decided as any other
    for item, head, body in zip(used, heads, bodies):
        # (i and j are more often the imaginary unit, f(z) = (z - i)/(z + i), than a parameter)
        parameters = _letters(body) - _letters(head) - names - {"i", "j"}
        if parameters:
            return (f"a line of numbers that differs with {item.lhs.strip()} (defined at {item.where}), whose "
                    f"parameters {', '.join(sorted(parameters))} it does not write: a worked example of its own?")
    return ""


def _holds_by_replaced_definition(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                                  context: tuple[ContextItem, ...]) -> str:
    """The reason a refuted step holds with a name's value that a later display replaced (see
    context.SUPERSEDED), or "". Notes that compare models define P_i(\\theta) for each in turn and then
    derive "for the 2PL model" below the 3PL one: which value a step means is the prose's. Only ever a
    rescue, and only one name's value is taken back at a time."""
    alternatives = [c for c in context if c.kind == SUPERSEDED]
    if not alternatives:
        return ""
    rest = tuple(c for c in context if c.kind != SUPERSEDED)
    for old in reversed(alternatives):
        same = [c for c in rest if c.kind == "define" and c.name == old.name and c.label == old.label
                and c.lhs == old.lhs]
        if not same:
            continue
        taken_back = tuple(replace(old, kind="define") if any(c is s for s in same) else c for c in rest)
        holding = holds_by_definitions(lhs, rhs, relation, macros, seed, taken_back)
        if holding is not None and holding.status is Status.VERIFIED:
            return (f"holds with {' '.join(old.lhs.split())} = {' '.join(old.rhs.split())} as defined at {old.where}, "
                    "which a later definition replaced: which one the step means is the prose's")
    return ""


#: how many lines above the step a value with letters may stand for a slip against it to be claimed: a
#: worked passage (a derivation and the sentences around it), as far as a stated relation reaches (see
#: context.RELATION_REACH). Notes reuse letters from one passage to the next (u of a substitution, then a
#: velocity): a value given pages above rescues a step, but a failure against it may be another meaning.
VALUE_REACH = 25
#: the relations of a value that is the name's meaning (=, :=, \equiv), not an approximation (\approx)
_EXACT_VALUES = ("=", *DEFINING)


class _ComparatorWithValues(Comparator):
    """The comparator of a step with the values in force put in (``parsed`` so substituted), which puts
    them into any other pair of trees it lowers: the diagnosis edits the author's right side, as written,
    and each candidate is judged with the same values. ``substitutes`` tells the diagnosis's prefilter,
    which lowers trees by itself, that it cannot judge them."""

    substitutes = True

    def __init__(self, parsed: Parsed, relation: str, seed: int, assumed: tuple[ContextItem, ...],
                 values: list[Definition]):
        super().__init__(parsed, relation, seed, assumed)
        self.values = values

    def lower_pair(self, inst, lhs: n.Node, rhs: n.Node, constrained: bool = True) -> tuple[sp.Expr, sp.Expr]:
        if lhs is not self.parsed.lhs:
            lhs = substitute(lhs, self.values)[0]
        if rhs is not self.parsed.rhs:
            rhs = substitute(rhs, self.values)[0]
        return super().lower_pair(inst, lhs, rhs, constrained)


#: the edits that may explain a failure with values in force: a sign, a factor, a term, an exponent, a
#: digit, a fraction upside down. Not a letter renamed nor a function swapped: a line that holds with
#: another letter or function than the one the value gives may mean another quantity, as the value's
#: name may (a letter reused), rather than slip. Nor a term solved for (a constant, the whole
#: difference): whatever another meaning of the name changes, a short difference can be written back;
#: a factor solved for counts only as one of _SMALL_FACTORS (a 2 or a half lost), where other meanings
#: differ by any number.
# (a letter written for another one the step writes, or a function for its sibling, is a slip against the
# value as much as a sign is: the edit keeps every letter in view, and _removes_a_letter leaves a letter the
# step writes nowhere else, which may be a name the prose gives, undecided)
_VALUE_SLIPS = (fractions_over_one, fractions_as_before, sign_flips, decimal_slips, dropped_terms, constant_factors,
                exponents, reciprocals, arithmetic_slips, missing_factors, reciprocal_wraps, changed_variables,
                wrong_functions)
_SMALL_FACTORS = ("2", "3", "4", "\\frac{1}{2}", "\\frac{1}{3}", "\\frac{1}{4}")
_SOLVED_FACTOR = re.compile(r"(?:off by|missing) a factor of (\S+)$")


def _repairable_values(context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...]:
    """The values with letters in force that a slip may be claimed against: given exactly (not ``\\approx``),
    above the step (or in the clause just below that explains it, "where $x = e^y$"), at most VALUE_REACH
    lines above it in its own file, and the only value the document gave the name so far (a name given
    two values, the model of one example and then of the next, may mean either). Empty where the step's
    place is unknown."""
    at = next((item for item in context if item.kind == STEP_AT), None)
    if at is None:
        return ()
    redefined = {(item.name, item.label) for item in context if item.kind == REDEFINED}
    out = []
    for item in _stated_values(context):
        if item.relation not in _EXACT_VALUES or item.instance or (item.name, item.label) in redefined:
            continue
        if not item.prose:
            # a display's equation may be a condition (q = p + 2 \Rightarrow p = q + 2 inverts a function);
            # one that defines is claimed against already, with its line (LM201)
            continue
        if item.path != at.path or not (0 <= at.line - item.line <= VALUE_REACH
                                         or item.prose and item.explains and item.line - at.line <= PROSE_AFTER):
            continue
        out.append(item)
    return tuple(out)


def _repaired_with_values(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                          context: tuple[ContextItem, ...], chain: tuple[str, ...] = ()) -> Verdict | None:
    """The refuted verdict on a step undecided for a name from elsewhere that differs with the values in
    force put in (see _repairable_values) while a small edit of its right side makes it hold with the same
    values: the edit is the diagnosis, and the values are named among its guesses. None otherwise, and
    where the step may itself give a value (its left side the name a value in force defines), or holds
    by a case the prose gives a letter (see _special_values). A value put in has otherwise only ever
    verified: a failure with it may be another meaning of the name, but not one that a slip of a sign, a
    factor, a term or a digit of the author's own line explains."""
    values = _repairable_values(context)
    if not values:
        return None
    try:
        parsed = parse_step(lhs, rhs, macros)
        definitions = parse_definitions(values, macros, ("define", "result"))
    except (ParseFailure, RecursionError):
        return None
    if _unit_reading(parsed) is not parsed:
        return None  # (units on a side: compared as the step alone compares them, which only verifies)
    definitions = [d for d in definitions if not _restates_library(d, macros, seed)]
    variables = {var.base for tree in (parsed.lhs, parsed.rhs) for node in tree.walk()
                 if isinstance(node, n.Deriv) for var, _ in node.wrt if isinstance(var, n.Sym)}
    definitions = [d for d in definitions if d.head.base not in variables]
    head = parsed.lhs.inner if isinstance(parsed.lhs, n.Paren) else parsed.lhs
    head = head.func if isinstance(head, n.Apply) else head
    if isinstance(head, n.Sym) and any(d.head.base == head.base for d in definitions):
        return None  # u = x^2 + 1 below "let $u = x^2$": the line may give u anew
    try:
        left, used_l = substitute(parsed.lhs, definitions)
        right, used_r = substitute(parsed.rhs, definitions)
    except (ParseFailure, RecursionError):
        return None
    used = used_l + used_r
    if not used or _special_values(parsed, used, partial=True):
        return None
    comparator = _ComparatorWithValues(reclassified(parsed, left, right), relation, seed, assumptions(context), used)
    try:
        outcome, guessed = comparator.decide()
    except (ParseFailure, RecursionError):
        return None
    # (a side without letters, 2 beside c^2 + s^2 with c = \cos\theta: suspect as an equation to solve, the
    # step is refuted only by the edit that repairs it, as _check_read_step decides such a step)
    if outcome.kind != "differ" or getattr(comparator, "stand_in", frozenset()):
        return None
    try:
        diagnosis = diagnose(comparator, parsed, rhs, lhs, max_seconds=GUARD_SECONDS, macros=macros,
                             chain=chain, generators=_VALUE_SLIPS)
    except BudgetExceeded:
        return None
    solved = _SOLVED_FACTOR.search(diagnosis.detail) if diagnosis is not None else None
    if diagnosis is None or solved is not None and solved.group(1) not in _SMALL_FACTORS:
        return None
    if _removes_a_letter(parsed, diagnosis.suggestion, lhs, macros, used):
        return None
    defined = {d.head.base for d in used} | {item.name for item in context if item.kind != "assume"}
    if diagnosis.kind == "changed_variable" and _renames_a_defined_name(parsed, diagnosis.suggestion, lhs, macros,
                                                                        defined):
        return None
    named = sorted({f"{' '.join(d.item.lhs.split())} = {' '.join(d.item.rhs.split())} (as given at {d.item.where})"
                    for d in used})
    return Verdict(Status.REFUTED, "the two sides differ with the values in force put in", outcome.point,
                   tuple(sorted({*guessed, *named})), diagnosis)


def _removes_a_letter(parsed: Parsed, suggestion: str, lhs: str, macros: Mapping[str, Macro],
                      used: list[Definition]) -> bool:
    """Whether the repaired line loses a letter that the step writes and no value put in does: the
    z^2 of r^2 = x^2 + y^2 + z^2 below "let $r = \\sqrt{x^2 + y^2}$" (the radius of a sphere now), the d
    of a fourth side. A term in a letter the value does not know is another quantity the name now
    stands for, not a slip against the value (True also where the repair cannot be read)."""
    def letters(*trees: n.Node) -> set[str]:
        return {node.base for tree in trees for node in tree.walk() if isinstance(node, n.Sym)}

    try:
        repaired = parse_step(lhs, suggestion, macros)
    except (ParseFailure, RecursionError):
        return True
    known = letters(repaired.lhs, repaired.rhs, *(d.body for d in used))
    return bool(letters(parsed.lhs, parsed.rhs) - known)


def _renames_a_defined_name(parsed: Parsed, suggestion: str, lhs: str, macros: Mapping[str, Macro],
                             defined: set[str]) -> bool:
    """Whether a letter edit repairs the step by writing, or taking away, a name the prose in force gives
    a value (``defined``): h k = t e^t below "let $h = t^2$", repaired to h e^t, is the author putting t
    in for h by words of the prose ("with $h$ as $t$"), a substitution rather than a letter mistyped
    (True also where the repair cannot be read)."""
    def counts(tree: n.Node) -> collections.Counter:
        return collections.Counter(node.base for node in tree.walk() if isinstance(node, n.Sym))

    try:
        repaired = parse_step(lhs, suggestion, macros)
    except (ParseFailure, RecursionError):
        return True
    before, after = counts(parsed.rhs), counts(repaired.rhs)
    changed = {base for base in before.keys() | after.keys() if before[base] != after[base]}
    return bool(changed & defined)


# Edits that mark their own site and change what the line is defined on: a function for its sibling
# (\exp written \log), a sign, a fraction the wrong way up. A solved-for term or factor would make any
# two sides agree, and is no evidence here.
_UNDEFINED_SLIPS = (sign_flips, wrong_functions, reciprocals)
UNDEFINED_REPAIRED = ("the right side is undefined (in the reals) at every point sampled, where the left side "
                      "is defined; one small edit makes the sides agree there")
UNDEFINED_POINTS = 6  # points at which the left side must be defined and the right side not


def _repaired_where_undefined(lhs: str, rhs: str, relation: str, verdict: Verdict, *, macros: Mapping[str, Macro],
                              first: bool, seed: int, context: tuple[ContextItem, ...]) -> Verdict:
    """A refutation of a step whose line is undefined wherever its left side was sampled (``\\log`` of a
    negative quantity), when one small written edit of the line makes the step hold there; else
    ``verdict``. The sides are formulas, so an edited line that agrees with the left side on the
    sampled region agrees with it wherever both are defined: the line as written, undefined there
    and a different formula, cannot be the author's identity on some other domain. Steps that rest
    on definitions in force, on functions defined elsewhere or on a name the chain head defines are
    left as they were."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return verdict
    if any(item.kind == RELATION and item.relation != "=" for item in context):
        return verdict  # the prose bounds the letters (x < 0): the samples here are not its domain
    if context:
        try:
            _, used, _ = apply_definitions(parsed, parse_definitions(context, macros), first, macros, seed)
        except RecursionError:
            return verdict
        if used:
            return verdict
    if context_gap(parsed, first):
        return verdict
    comparator = Comparator(parsed, relation, seed, assumptions(context))
    point: dict = {}
    # in every reading of the notation (a logarithm's base), lest one be defined where the default is not
    for flips in comparator.readings():
        try:
            _, a, b = comparator.own_pair(flips, False, 0)
            (shape_a, left), (shape_b, right) = linalg.entries(a), linalg.entries(b)
        except Exception:  # unreadable in this reading, or whatever else: not shown undefined
            return verdict
        if shape_a != shape_b or any(e.atoms(AppliedUndef) for e in (*left, *right)):
            return verdict
        symbols = sorted(set().union(*(e.free_symbols for e in (*left, *right))), key=str)
        rng = random.Random(seed + 23)
        for attempt in range(1, UNDEFINED_POINTS + 1):
            point = {s: _sample(rng, attempt) for s in symbols}
            if any(evaluate(e, point, quick=True) is None for e in left):
                return verdict
            if all(evaluate(e, point, quick=True) is not None for e in right):
                return verdict
    if _holds_with_some_negative(comparator):
        return verdict  # \ln|T| = \ln(-T) of a temperature below zero: the line's own domain, not a slip
    try:
        diagnosis = diagnose(comparator, parsed, rhs, lhs, max_seconds=GUARD_SECONDS, macros=macros,
                             generators=_UNDEFINED_SLIPS)
    except BudgetExceeded:
        return verdict
    if diagnosis is None:
        return verdict
    return Verdict(Status.REFUTED, UNDEFINED_REPAIRED, _shown_point(point), (), diagnosis, elapsed=verdict.elapsed)


def _holds_with_some_negative(comparator: Comparator) -> bool:
    """Whether the step holds where some of its letters are negative (each pattern of signs but the
    sampled all-positive one), at two points at least where both sides are real and differing at none:
    two different formulas may agree on another region than the sampled one (\\ln|x| and \\ln(-x) for
    x < 0, which the prose may state in words only), so a line undefined on the samples may be the
    author's identity there."""
    # in the first reading that builds the sides (the default one may not: y - w^T x with w read as a number)
    for flips in comparator.readings():
        try:
            _, a, b = comparator.own_pair(flips, False, 0)
            break
        except Exception:  # noqa: BLE001 -- unreadable in this reading: the next
            continue
    else:
        return True  # unreadable in every reading: nothing shown about its domain
    symbols = sorted(a.free_symbols | b.free_symbols, key=lambda x: x.name)
    if not symbols:
        return False
    # the logs and roots of the sides, whose arguments must stay positive at a point: a negative one gives a
    # complex value that a later exp or square may bring back to a real one by a branch, not by the formula
    # (e^{-\log\sigma} is -1/\sigma for a negative sigma), which is no region the author's identity may hold on
    inner = [x.args[0] for side in (a, b) for x in side.atoms(sp.log)] + \
        [x.base for side in (a, b) for x in side.atoms(sp.Pow) if not x.exp.is_integer]
    for mask in range(1, 2 ** min(len(symbols), 6)):
        def value(p: int, k: int, mask: int = mask) -> sp.Rational:
            return (-1 if mask >> k & 1 else 1) * sp.Rational(23 + 17 * ((p + k) % 4), 50)
        if _branch_crossed(inner, symbols, value):
            continue
        counts = _agreement(comparator, value, flips)
        if counts is not None and counts[1] == 0 and counts[0] >= 2:
            return True
    return False


def _branch_crossed(arguments: list, symbols: list, value) -> bool:
    """Whether a log's argument or a root's base is negative at one of _agreement's points."""
    for p in range(4):
        point = {x: value(p, k) for k, x in enumerate(symbols)}
        for argument in arguments:
            try:
                number = argument.xreplace(point).evalf(15)
            except Exception:  # noqa: BLE001 -- not a number there: not shown crossing
                continue
            if number.is_real and number.is_negative:
                return True
    return False


def _holds_with_states(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                       context: tuple[ContextItem, ...]) -> Verdict | None:
    """A verified verdict when the step holds with the states it names given the values the document
    states for them (<\\chi|\\chi> = 1 beside $|\\chi> = \\frac35|0> + \\frac{4i}{5}|1>$), else None:
    verify-only, as for any value put in (which one the step means is the prose's). A step whose left
    side is the state itself (a value given anew, or the definition) is left to the prose."""
    states: dict = {}
    for item in sorted((c for c in context if c.kind == quantum.STATE_KIND), key=lambda c: c.line):
        try:
            head = parse_math(item.lhs, macros)
            if not item.rhs:
                states.pop(n.structure(head.label), None)  # given anew in a value not read (see state_items)
                continue
            states[n.structure(head.label)] = (parse_math(item.rhs, macros), item.where)  # the latest wins
        except (ParseFailure, RecursionError):
            continue
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return None
    if not states or isinstance(parsed.lhs, n.Ket) and not parsed.lhs.qubits:
        return None
    left, used_l = quantum.with_states(parsed.lhs, states)
    right, used_r = quantum.with_states(parsed.rhs, states)
    if not used_l and not used_r:
        return None
    outcome, guessed = Comparator(reclassified(parsed, left, right), relation, seed, assumptions(context)).decide()
    if outcome.kind != "equal":
        return None
    return Verdict(Status.VERIFIED, outcome.reason, guessed=guessed, definitions=tuple(sorted(set(used_l + used_r))))


def holds_by_definitions(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                         context: tuple[ContextItem, ...]) -> Verdict | None:
    """A verified verdict when the step holds with every definition in force substituted, else None.
    An inequality is never verified by sampled points, so for one this is at best an unverified
    verdict, naming the definitions: a rescue of a step refuted with its names as free letters."""
    if relation not in EQUALITY and relation not in INEQUALITY:
        return None
    try:
        parsed = parse_step(lhs, rhs, macros)
        definitions = parse_definitions(context, macros, ("define", "result"))
    except (ParseFailure, RecursionError):
        return None
    holding = _holds_with(parsed, definitions, relation, macros, seed, context)
    if holding is None:
        # "write $\bar f = \mathbb{E}[\hat f(x)]$ at a fixed $x$", then steps in \hat f alone
        fixed = _at_fixed_arguments(definitions, parsed)
        if any(a is not b for a, b in zip(fixed, definitions)):
            holding = _holds_with(parsed, fixed, relation, macros, seed, context)
    return holding


def _at_fixed_arguments(definitions: list[Definition], parsed: Parsed) -> list[Definition]:
    """``definitions`` with an application ``g(x)`` in a value's body read as the bare ``g`` that the step
    writes, where the step applies g nowhere and writes none of the letters of its arguments, and the
    body writes them nowhere else (not the variable of an integral): notes that fix the point write
    \\hat f for \\hat f(x). The definitions unchanged where none is so."""
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    applied = {x.func.key for x in nodes if isinstance(x, n.Apply)}
    bare = {x.key for x in nodes if isinstance(x, n.Sym)} - applied
    letters = {x.base for x in nodes if isinstance(x, n.Sym)}

    def at_point(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Apply) and not node.primes and node.func.key in bare \
                and node.bracket == "(" and not any(_letters(a) & letters for a in node.args):
            return replace(node.func, start=node.start, end=node.end)
        return None

    out = []
    for d in definitions:
        body = d.body if d.function else n.rebuild(d.body, at_point)
        if body is not d.body:
            moved = [x for x in d.body.walk() if isinstance(x, n.Apply) and at_point(x) is not None]
            gone = set().union(*(_letters(a) for x in moved for a in x.args))
            if gone & {x.base for x in body.walk() if isinstance(x, n.Sym)} or body == d.body:
                body = d.body  # (the integral's variable, f(x) beside x: g depends on x there)
        out.append(d if body is d.body else replace(d, body=body))
    return out


def _holds_with(parsed: Parsed, definitions: list[Definition], relation: str, macros: Mapping[str, Macro],
                seed: int, context: tuple[ContextItem, ...]) -> Verdict | None:
    """holds_by_definitions, with ``definitions`` those in force."""
    try:
        # (the library's own function restated changes no value: put in, it only slows the comparison)
        definitions = [d for d in definitions if not _restates_library(d, macros, seed)]
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
    # (units compared as the step alone compares them: a result in mm^4 beside values in force given
    # without their unit is the number it writes; a reading that verifies only, as a rescue is)
    read = _unit_reading(substituted)
    comparator = Comparator(substituted if isinstance(read, str) else read, relation, seed, assumptions(context))
    outcome, guessed = comparator.decide()
    if outcome.kind != "equal" and relation in EQUALITY:
        # \nabla f(x) = Qx beside f(x) = \tfrac12 x^T Q x and "$Q$ symmetric": the matrices the prose states
        # symmetric are so in the body put in, as _verified_with_symmetry reads them in a step (verify-only)
        symmetric_reading = _with_stated_symmetry(substituted, context)
        if symmetric_reading is not None:
            again = Comparator(symmetric_reading[0], relation, seed, assumptions(context))
            held, held_guesses = again.decide()
            if held.kind == "equal":
                comparator, outcome, guessed = again, held, tuple(sorted({*held_guesses, symmetric_reading[1]}))
    used = used_l + used_r
    if outcome.kind == "undecided" and relation in EQUALITY:
        fewer = _held_with_fewer_definitions(parsed, relation, seed, context, definitions, used)
        if fewer is not None:
            # a rescue only: the letter left free reads as any matrix of the step's size, and unsized
            # ones are square (X(X^T X)^{-1}X^T is then I), so holding so says too little to verify
            kept, free = fewer
            named = tuple(sorted({_definition_named(d) for d in kept}))
            return Verdict(Status.UNVERIFIED, f"holds with {', '.join(named)} put in and {free} left free",
                           definitions=named)
    where = tuple(sorted({_definition_named(d) for d in used}))
    if outcome.kind == "equal" and relation in INEQUALITY:
        # Q/t^2 \ge G^2/(\mu^2 t^2) with Q = \max(a_1, G^2/\mu^2) displayed above: the bound is the
        # definition's, and as free letters the step only looked wrong
        return Verdict(Status.UNVERIFIED, f"holds at the sampled points with {', '.join(where)} put in",
                       definitions=where)
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
    if _piecewise(substituted) and not _piecewise(parsed) and not comparator.indefinite \
            and _cases_differ_off_samples(comparator):
        # h(cz) = c\,h(z) beside h(z) = \max(0, z): the body put in is piecewise, and holds where the
        # sampled letters are (positive), not where some are negative, as the step written out would not.
        # (Only where the definitions bring the turn in: a step that writes |r' x r''| of a helix the prose
        # bounds was read with those bounds already.)
        return Verdict(Status.UNVERIFIED, SIGNS_UNREACHED, definitions=where)
    special = _special_values(parsed, used)
    if not special and _special_values(parsed, used, partial=True):
        # K defined in a display beside "at equilibrium $Q = K$": the step may hold by the case alone
        # (-RT\ln K + RT\ln Q = RT\ln(K/Q)); only if it holds without the case is it verified by them
        cases = {id(d) for d in _special_definitions(parsed, used)}
        general = [d for d in definitions if id(d) not in cases]
        again = Comparator(reclassified(parsed, substitute(parsed.lhs, general)[0], substitute(parsed.rhs, general)[0]),
                           relation, seed, assumptions(context))
        if again.decide()[0].kind != "equal":
            special = _special_values(parsed, used, partial=True)
    if special:
        # "the unit step ($a = 1$)": a number the prose gives a letter for one case, while the step
        # still writes the letter on both sides, as a general identity; that it holds at the case says
        # nothing of the identity, so the step is not verified (nor refuted: the case may be meant)
        return Verdict(Status.UNVERIFIED, f"holds only with {special} given in the prose", definitions=where)
    return Verdict(Status.VERIFIED, outcome.reason, guessed=guessed, definitions=where)


def _definition_named(definition: Definition) -> str:
    item = definition.item
    if item.path == PHYSICAL_CONSTANTS:
        return f"{item.lhs} = {item.rhs} (physical constants)"
    return f"{' '.join(item.lhs.split())} defined at {item.where}" if item.where else f"{item.lhs} as the mean"


#: how many definitions in force a rescue leaves out one at a time (each is one more comparison)
_FEWER_DEFINITIONS = 6


def _held_with_fewer_definitions(parsed: Parsed, relation: str, seed: int, context: tuple[ContextItem, ...],
                                 definitions: list[Definition], used: list[Definition]) -> tuple | None:
    """(the definitions used, the name left free) where the step holds with one of the definitions it
    used left out; None otherwise. A value in force that the step does not need can make it unreadable
    (y = X_1\\beta_1 + X_2\\beta_2 + u stated below a derivation with M = I - P, whose shapes clash with
    the step's): a step that holds with a letter left free holds for every value of it, that one too."""
    heads = list(dict.fromkeys(d.head.key for d in used))
    if len(heads) < 2 or len(heads) > _FEWER_DEFINITIONS:
        return None
    for head in heads:
        kept = [d for d in definitions if d.head.key != head]
        left, used_l = substitute(parsed.lhs, kept)
        right, used_r = substitute(parsed.rhs, kept)
        if not used_l and not used_r:
            continue
        outcome, _ = Comparator(reclassified(parsed, left, right), relation, seed, assumptions(context)).decide()
        if outcome.kind == "equal":
            return used_l + used_r, head.split(":")[-1]
    return None


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
    def writes(side: n.Node, head: n.Sym) -> bool:
        return any(isinstance(x, n.Sym) and x.base == head.base
                   and (n.structure(x) == n.structure(head) if head.indices else not x.indices)
                   for x in side.walk())
    # a lone letter as the value is a condition of one case as often ("at equilibrium $Q = K$"): the
    # step that writes Q on both sides holds there only, as the one that writes a at $a = 1$ does;
    # so does an entry ("$w_{ij} = 0$ when i and j are not adjacent"), which would zero a whole step
    special = [d for d in used if d.item.prose and not d.function
               and (_written_number(d.body) or isinstance(d.body, n.Sym) and d.body.base != d.head.base)
               and writes(parsed.lhs, d.head) and writes(parsed.rhs, d.head)]
    return special


def _written_number(node: n.Node) -> bool:
    """Whether a value is a number as written, its unit aside: ``2``, but also ``u = 3/2`` where a
    derivative vanishes and ``d = 1000\\,\\mathrm{pc}`` of a worked example, points at which a wrong
    general step may hold by chance (both sides 0 there)."""
    return all(isinstance(x, (n.Num, n.Const, n.Add, n.Term, n.Mul, n.Div, n.Paren, n.Sqrt, n.Pow))
               or isinstance(x, n.Sym) and x.style == "unit" for x in node.walk())


UNITS_DIFFER = "different units on the two sides: converted, they do not agree (or a unit is not known)"
UNITS_ONE_SIDE = "a unit given on one side only: the numbers differ, not compared"
UNITS_UNSURE = "the step's units are not compared as factors (one kind of quantity in two units, or a unit " \
    "on some terms only)"


def _check_step(lhs: str, rhs: str, relation: str, *, macros: Mapping[str, Macro] | None = None,
                first: bool = False, seed: int = 0, explain: bool = True,
                context: tuple[ContextItem, ...] = (), indefinite: bool = False,
                reading: Callable[[Parsed], Parsed] | None = None, chain: tuple[str, ...] = (),
                constant_in: str = "", averages: bool = False) -> Verdict:
    verdict = _check_read_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                               context=context, indefinite=indefinite, reading=reading, chain=chain,
                               constant_in=constant_in, averages=averages)
    if verdict.status is Status.UNVERIFIED and reading is None and relation in EQUALITY \
            and SERIES_UNDECIDED in verdict.reason:
        return _series_term_by_term(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                    context=context, indefinite=indefinite, chain=chain,
                                    constant_in=constant_in, averages=averages)
    if verdict.status is Status.VERIFIED and reading is None and relation in EQUALITY:
        differentials = as_differentials(lhs, rhs, macros or {})
        if differentials is not None and _check_step(
                *differentials, relation, macros=macros, first=first, seed=seed, explain=False, context=context,
                indefinite=indefinite, chain=chain, constant_in=constant_in, averages=averages).status is not Status.VERIFIED:
            # \delta(xy) = y\,\delta x holds with \delta a number; as the variation it is beside \delta x, not
            return Verdict(Status.UNVERIFIED, DELTA_OPERATOR, elapsed=verdict.elapsed)
    if verdict.status is Status.UNVERIFIED and reading is None and relation in EQUALITY \
            and verdict.reason == THROUGH_OPTIMA:
        return _optima_over_the_line(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                     context=context, indefinite=indefinite, chain=chain,
                                     constant_in=constant_in, averages=averages)
    if verdict.status is Status.UNVERIFIED and reading is None and relation in EQUALITY and "\\nabla" in lhs + rhs:
        return _gradient_by_the_variable(lhs, rhs, relation, verdict, macros=macros, first=first, seed=seed,
                                         context=context, indefinite=indefinite, chain=chain,
                                         constant_in=constant_in, averages=averages)
    if verdict.status is not Status.REFUTED:
        return verdict
    reason = _units_uncompared(lhs, rhs, relation, macros or {}, seed)
    return Verdict(Status.UNVERIFIED, reason, elapsed=verdict.elapsed) if reason else \
        _windowed_point(verdict, lhs, rhs, macros or {})


def _windowed_point(verdict: Verdict, lhs: str, rhs: str, macros: Mapping[str, Macro]) -> Verdict:
    """A refutation over series read on a window (see supported.py) with the sequences' sampled members
    (a_1 = 0.12, ..., a_{30} = 0.75) said in one entry each: the window, not thirty values."""
    if not verdict.counterexample:
        return verdict
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return verdict
    keys = windowed_sequences(parsed.lhs, parsed.rhs)
    if not keys:
        return verdict
    names = {key: shown_name(key) for key in keys}
    kept, dropped = [], set()
    for name, value in verdict.counterexample:
        key = next((k for k, shown in names.items() if name.startswith((shown + "_", shown + "(", shown + "["))), None)
        if key is None:
            kept.append((name, value))
        else:
            dropped.add(key)
    window = f"sampled for |k| <= {supported.SUPPORT}, 0 beyond"
    return replace(verdict, counterexample=(*kept, *((f"{names[k]}_k", window) for k in sorted(dropped))))


#: a bracket set beside a row after a space, as its last thing: ``\\qquad (\\kappa = L/\\mu)``,
#: ``\\quad \\left(\\text{where } h = b - a\\right)``
_TRAILING_ASIDE = re.compile(r"\\q?quad\s*((?:\\left\s*)?\((?:(?!\\q?quad).)*\))[\s,.;]*\Z", re.DOTALL)
#: the words that open a definition inside such a bracket
_ASIDE_WORDS = re.compile(r"\A\s*(?:\\text\s*\{\s*(?:where|with)\s*\}\s*)?")


def _trailing_aside(rhs: str) -> str:
    """The bracket a row's right side ends in after a \\quad (``\\qquad (\\kappa = L/\\mu)``), or ""."""
    found = _TRAILING_ASIDE.search(rhs)
    return found.group(1) if found else ""


def _aside_definitions(note: str, lhs: str, rhs: str, macros: Mapping[str, Macro],
                       context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...]:
    """The definition a bracket beside a row states of a letter the step writes (``(\\kappa = L/\\mu)``,
    ``(\\text{where } \\kappa := L/\\mu)``): one name, alone on its left side, that no definition in
    force already gives. Nothing for a bracket of words, a condition (x > 0) or several relations."""
    text = note.strip()
    opened = re.match(r"(?:\\left\s*)?\(", text)
    if not opened or not text.endswith(")"):
        return ()
    inner = re.sub(r"\\right\s*\Z", "", text[opened.end():-1].strip()).strip()
    inner = inner[_ASIDE_WORDS.match(inner).end():]
    found = find_relations(inner)
    if len(found) != 1 or found[0].name not in ("=", ":="):
        return ()
    name, value = inner[:found[0].start].strip(), inner[found[0].end:].strip().rstrip(",.;")
    try:
        head = parse_math(name, macros)
        parse_math(value, macros)
    except (ParseFailure, RecursionError):
        return ()
    if not isinstance(head, n.Sym) or not value or any(item.name == head.base for item in context) \
            or not modular.has_letters(value, macros):
        # (b = 0), (x = 1): a case taken, in which the step may hold, not the letter's value throughout
        return ()
    try:
        written = parse_math(_TRAILING_ASIDE.sub("", rhs), macros), parse_math(lhs, macros)
    except (ParseFailure, RecursionError):
        return ()
    if not any(isinstance(x, n.Sym) and x.key == head.key for side in written for x in side.walk()):
        return ()
    if any(isinstance(x, n.Integral) and x.var.base == head.base or isinstance(x, (n.BigOp, n.Optimum))
           and head.base in (getattr(x, "var", ""), *getattr(x, "variables", ())) for side in written for x in side.walk()):
        # (u = \sin x) beside \int \cos u\,du: a change of variable, whose new variable is bound, no value
        return ()
    return (ContextItem("define", head.base, name, "=", value, "", 0, True),)


SERIES_UNDECIDED = "an infinite series"
MEMBERS_DIFFER = ("the sides write different members of a sequence defined elsewhere (a recurrence or a value "
                  "from the prose put in?): not decided")


def _members_differ(comparator: Comparator, keys: frozenset[str]) -> bool:
    """Whether the two sides write different members of the sequences ``keys`` (R[3], V(s[4]), f(2)),
    those of their series read on a window among them, zero coefficients and all (the n = 0 term of
    \\sum_n n a_n x^{n-1} writes a_0): a step that shifts, peels or splits the series of a sequence
    writes the same ones (see supported.py); one that puts in a recurrence from the prose writes others."""
    written = []
    try:
        # (a copy: what lowering the members apart draws stays out of the comparator's instance)
        inst = copy.copy(comparator.instances(frozenset(), True)[0])
        inst.indices, inst.integers, inst.opaque = dict(inst.indices), dict(inst.integers), set(inst.opaque)
        inst.functions = dict(inst.functions)
        for side in (comparator.parsed.lhs, comparator.parsed.rhs):
            lowerer = Lowerer(inst, comparator.parsed.letters)
            lowerer.recording = True
            value = lowerer.lower(side)
            written.append({name for x in (value, *lowerer.windowed) for name in _member_names(x, keys)})
    except Exception:  # noqa: BLE001 -- unreadable with opaque functions: as good as different
        return True
    return written[0] != written[1]


def _members_differ_in_sums(comparator: Comparator, parsed: Parsed) -> bool:
    """Whether the sides write different members of a sequence (one index wherever it is written) that
    sums on both sides write at their index (see _members_differ): a sum that collapses to one member
    (a derivative, a delta) or a tensor's entries summed by a convention are no such step."""
    keys = summed_sequences(parsed.lhs) & summed_sequences(parsed.rhs)
    several = {x.key for side in (parsed.lhs, parsed.rhs) for x in side.walk()
               if isinstance(x, n.Sym) and len(x.indices) > 1}
    keys -= several
    return bool(keys) and _members_differ(comparator, frozenset(keys))


def _member_names(value: object, keys: frozenset[str]) -> set[str]:
    if not isinstance(value, sp.Basic):
        return {"?"}  # a matrix: no members to tell
    return {str(x) for x in value.atoms(AppliedUndef) if str(x.func) in keys} | \
        {x.name for x in value.atoms(sp.Symbol) if "[" in x.name and x.name.split("[")[0] in keys}


def _series_term_by_term(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """A step between series of sequences defined elsewhere, which are not summed, verified where the
    terms agree (see termwise.py); ``verdict`` otherwise: terms that differ may still sum alike."""
    def reading(step: Parsed) -> Parsed:
        found = termwise.summands(step.lhs, step.rhs)
        if found is None:
            raise _NoTerms
        return reclassified(step, *found)
    return _verified_in_reading(lhs, rhs, relation, verdict, reading, "the series compared term by term", **options)


#: the letters optimisation notes name their variable with, a bare \\nabla's variable where one alone is written
_OPTIMISATION_VARIABLES = ("x", "w", "\\theta", "\\beta")


def _gradient_by_the_variable(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """A step with a bare \\nabla (``\\nabla(\\tfrac12\\|Ax - b\\|_2^2) = A^T(Ax - b)``), which optimisation notes
    write for the gradient by their variable, verified where it holds as \\nabla_x (\\nabla_x^2 for \\nabla^2)
    with x the one such letter (x, w, \\theta, \\beta) its operand writes; ``verdict`` otherwise. Verify-only:
    a bare \\nabla is as often the del of a field in coordinates (see lintmath.cartesian)."""
    def by_the_variable(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Del) or node.kind not in ("grad", "lap"):
            return None
        written = {x.base for x in node.body.walk() if isinstance(x, n.Sym) and not x.indices and not x.style}
        named = [v for v in _OPTIMISATION_VARIABLES if v in written]
        if len(named) != 1:
            return None
        var = n.Sym(node.start, node.start, named[0])
        taken.add(named[0])
        body = n.rebuild(node.body, by_the_variable)
        grad = n.Grad(node.start, node.end, body, var)
        return grad if node.kind == "grad" else n.Grad(node.start, node.end, grad, var)

    taken: set[str] = set()

    def reading(step: Parsed) -> Parsed:
        left, right = n.rebuild(step.lhs, by_the_variable), n.rebuild(step.rhs, by_the_variable)
        if left == step.lhs and right == step.rhs:
            raise _NoTerms
        parsed = reclassified(step, left, right)
        if not taken <= parsed.letters.vectors | parsed.letters.required:
            # \nabla (x^2 + y^2) = 2x: a scalar x is a coordinate of a field, whose del is a vector, and the
            # derivative by x alone would verify a component for the whole
            raise _NoTerms
        return parsed
    return _verified_in_reading(lhs, rhs, relation, verdict, reading,
                                "a bare \\nabla read as the gradient by the variable", **options)


def _optima_over_the_line(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """A step through an optimisation whose domain is not written (``\\inf_x (x^2 + \\nu x) = -\\nu^2/4``, a
    dual function; ``\\sup_x (yx - \\tfrac12 x^2)``, a conjugate), verified where it holds over the real line
    (see optima.stationary); ``verdict`` otherwise. Verify-only: the variable may run through the integers
    or a set the prose gives, where the optimum is another."""
    def over_the_line(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Optimum) and not node.domain.strip() \
                and not any(optima.counting(v) for v in node.variables):
            return replace(node, domain=optima.REAL_LINE, body=n.rebuild(node.body, over_the_line))
        return None

    def reading(step: Parsed) -> Parsed:
        left, right = n.rebuild(step.lhs, over_the_line), n.rebuild(step.rhs, over_the_line)
        if left == step.lhs and right == step.rhs:
            raise _NoTerms
        return reclassified(step, left, right)
    return _verified_in_reading(lhs, rhs, relation, verdict, reading, "the optimisation taken over the real line", **options)


class _NoTerms(Exception):
    """A verify-only reading does not apply to the step (no series over one range, no bare \\nabla by a
    variable, no optimisation without its domain)."""


def _verified_in_reading(lhs: str, rhs: str, relation: str, verdict: Verdict, reading, guess: str,
                         **options) -> Verdict:
    """The step decided again in ``reading`` (a rewrite of the parsed sides that raises _NoTerms where it
    does not apply), with ``guess`` among its guesses where it verifies; ``verdict`` otherwise: the verify-only
    readings of series term by term, a bare \\nabla and optima over the real line end alike."""
    try:
        again = _check_step(lhs, rhs, relation, reading=reading, explain=False, **options)
    except _NoTerms:
        return verdict
    if again.status is not Status.VERIFIED:
        return verdict
    return replace(again, guessed=tuple(sorted({*again.guessed, guess})), elapsed=verdict.elapsed + again.elapsed)


def _unit_reading(parsed: Parsed) -> Parsed | str:
    """A step with physical units (see parse/units.py), as it is compared: units read as opaque
    factors when both sides write the same ones (3 m + 4 m = 7 m); left out when one side writes none
    (25 + 273.15 = 298.15 K), which can verify the step but not refute it (see _units_uncompared); a
    reason when the sides write different units (5 cm = 0.05 m), which are not converted."""
    left, right = unit_names(parsed.lhs), unit_names(parsed.rhs)
    if not (left or right):
        return parsed
    if left and right:
        if left == right and _units_distinct(left):
            return parsed
        words = [{w for name in side for w in re.findall(r"[A-Za-z]+", name)} - {"per"} for side in (left, right)]
        if _units_distinct(left | right) and (words[0] <= words[1] or words[1] <= words[0]):
            # MeV/u beside u and MeV, J/K beside K and J: the words of one side are among the other's and no
            # two measure one kind, so each word is an opaque factor of its own, which cancels exactly where
            # the units do (verifies only, as below); kN/cm^2 against MPa is converted
            lhs, rhs = in_unit_words(parsed.lhs), in_unit_words(parsed.rhs)
            if lhs is not None and rhs is not None:
                return Parsed(lhs, rhs, classify_letters(lhs, rhs))
        # two scales of one quantity (kN and MPa, km/h and m/s): both sides in SI base units, a reading
        # that verifies only (see _units_uncompared), as a unit read wrongly is no author's slip
        lhs, rhs = in_base_units(parsed.lhs), in_base_units(parsed.rhs)
        if lhs is None or rhs is None or not unit_names(lhs) & unit_names(rhs) \
                or (unit_names(lhs) ^ unit_names(rhs)) & CONVENTIONAL_BASES:
            # no base unit in common, or a year or parsec on one side only (s against Gyr, s^{-1}
            # against km/s/Mpc), whose sizes in SI are conventions: not compared, rather than a
            # year read as a letter the other side lacks
            return UNITS_DIFFER
        return Parsed(lhs, rhs, classify_letters(lhs, rhs))
    lhs, rhs = without_units(parsed.lhs), without_units(parsed.rhs)
    return Parsed(lhs, rhs, classify_letters(lhs, rhs), money=parsed.money or bool((left | right) & money.UNITS))


def _units_uncompared(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> str:
    """Why a refuted step with units is no refutation, or "": a unit on one side only (10 kJ may be the
    10000 of the other side, in J); two units of one kind (1 h + 30 min, opaque factors that are one
    quantity); or sides that agree with the units left out (3 m + 4 = 7 m, a unit written once for
    two terms). Only refuted steps pay for this look, on trees the parser keeps."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    if (writes_ohms(parsed.lhs) or writes_ohms(parsed.rhs)) and not _omega_a_quantity(parsed):
        parsed = _ohms_read(parsed, relation, seed)
        if isinstance(parsed, str):
            return parsed
    left, right = unit_names(parsed.lhs), unit_names(parsed.rhs)
    if not (left or right):
        return ""
    if not (left and right):
        # an amount of money is the number the computation beside it gives: no lecture writes that in
        # cents silently, as 10 kJ beside 10000 is in J (a lone number may be: \$0.45 = 45)
        computed = without_units(parsed.rhs if left else parsed.lhs)
        return "" if (left | right) <= money.UNITS and not isinstance(computed, n.Num) \
            and not _money_scaled(parsed) \
            or _digits_slipped(parsed, relation, seed) \
            or _off_by_simple_factor(parsed) or _level_misvalued(parsed) else UNITS_ONE_SIDE
    if left != right:
        return UNITS_DIFFER  # converted to base units to verify only (see _unit_reading)
    if not _units_distinct(left | right) or _upright_namesakes(parsed, left | right):
        return UNITS_UNSURE
    a, b = without_units(parsed.lhs), without_units(parsed.rhs)
    outcome, _ = Comparator(Parsed(a, b, classify_letters(a, b)), relation, seed).decide()
    return "" if outcome.kind == "differ" else UNITS_UNSURE


def _money_scaled(parsed: Parsed) -> bool:
    """Whether the two sides of a line of numbers with money on one side are a scale of money apart
    (``3 \\times 45 = \\$1.35`` of prices in cents, ``120 \\times 0.45 = \\$54{,}000`` of units in thousands):
    the prose may give the computation's scale (cents, thousands, millions), which is always a power of
    ten; a point slipped by as many places is so left unverified with it."""
    a, b = side_value(without_units(parsed.lhs)), side_value(without_units(parsed.rhs))
    if a is None or b is None or not a or not b or (a > 0) != (b > 0):
        return False
    exponent = math.log10(abs(float(a) / float(b)))
    # about 1%, the result's rounding; a factor of 10 is no scale of money, but a slip (500/0.04 = \\$1250)
    return abs(round(exponent)) in _MONEY_SCALES and abs(exponent - round(exponent)) < 0.005


_MONEY_SCALES = (2, 3, 6, 9)  # cents or pence; thousands, millions, billions (as powers of ten)


def _digits_slipped(parsed: Parsed, relation: str, seed: int) -> bool:
    """Whether a line of numbers whose result alone carries a unit (``12.5\\,e^{-0.6} = 6.68\\,\\mathrm{mg/L}``)
    holds once one digit of that result is changed or two neighbours swapped: a typo of the digits
    (LM108), which no change of unit explains. The other side may be in another unit (10 kJ against
    10000 in J), but a conversion moves the point or scales by 60, 24, 3.6..., never by one digit's
    slip; a moved point is left out, as mg against g is one."""
    from lintmath.diagnose.arithmetic import _digit_slips

    lhs, rhs = parsed.lhs, _number_with_unit(parsed.rhs)
    if unit_names(lhs) or rhs is None or "." not in rhs.value or len(rhs.value.replace(".", "").lstrip("0")) < 2:
        return False  # a result with one digit: any other number is "one digit wrong"
    if _writes_letters(lhs):
        return False  # letters: not a line of numbers
    magnitude = len(rhs.value.split(".")[0].lstrip("0"))
    for digits in _digit_slips(rhs.value, moves=False):
        if len(digits.split(".")[0].lstrip("0")) != magnitude:
            continue  # 1293.15 as 293.15: a digit more or less, the scale changed, no slip of one digit
        fixed = replace(rhs, value=digits)
        outcome, _ = Comparator(Parsed(lhs, fixed, classify_letters(lhs, fixed)), relation, seed).decide()
        if outcome.kind == "equal":
            return True
    return False


def _writes_letters(tree: n.Node) -> bool:
    """Whether a side writes a letter or a function besides its units: ``4\\pi(1.496\\times10^{11})^2`` writes
    none, \\pi before a bracket of numbers being the constant times it (as the parser leaves it to the
    lowering to read), so a line of numbers still."""
    pis = {id(x.func) for x in tree.walk()
           if isinstance(x, n.Apply) and x.maybe_product and isinstance(x.func, n.Sym) and x.func.base == "\\pi"
           and not x.func.indices and x.func.style == ""}
    return any(isinstance(x, (n.Sym, n.Apply, n.Unsupported)) and not is_unit(x) and id(x) not in pis
               and not (isinstance(x, n.Apply) and id(x.func) in pis) for x in tree.walk())


#: the factors a slip of a worked example is off by (a half dropped, a 3 for a 2 in a denominator), as
#: mantissas; no change between decimal units (N and kN, mm and m, MPa and N/mm^2) scales by them
_SIMPLE_FACTORS = (Fraction(2), Fraction(3), Fraction(4), Fraction(3, 2), Fraction(4, 3), Fraction(5),
                   Fraction(10, 3), Fraction(5, 2), Fraction(20, 3), Fraction(15, 2))


#: a square root dropped or taken twice (v_esc against v_orbit, \sqrt 2 apart), or a sine for a cosine
#: of 30 or 60 degrees (\sqrt 3 apart), as mantissas with their inverses; no decimal unit scales by them
_ROOT_FACTORS = (math.sqrt(2), 10 / math.sqrt(2), math.sqrt(3), 10 / math.sqrt(3))


#: the mantissas of customary units in SI by the kind of quantity (mmHg 133.3 Pa, hp 745.7 W, psi, cal,
#: knot, mph, inch, foot, yard, mile, pound, pound-force, gallons, BTU, atm): a line of numbers in such a
#: unit beside an SI result of its kind is off by one of them (or its inverse), so 4/3 or 15/2 beside a
#: pressure (mmHg against Pa or kPa) is no slip
_CUSTOMARY_SCALES: dict[frozenset, tuple[float, ...]] = {
    frozenset({("kg", 1), ("m", -1), ("s", -2)}): (1.333224, 6.894757, 1.01325),
    frozenset({("kg", 1), ("m", 2), ("s", -3)}): (7.4570,),
    frozenset({("kg", 1), ("m", 2), ("s", -2)}): (4.184, 1.055056),
    frozenset({("m", 1), ("s", -1)}): (5.14444, 4.4704),
    frozenset({("m", 1)}): (2.54, 3.048, 9.144, 1.609344),
    frozenset({("kg", 1)}): (4.535924,),
    frozenset({("kg", 1), ("m", 1), ("s", -2)}): (4.448222,),
    frozenset({("m", 3)}): (3.785412, 4.54609),
}


def _off_by_simple_factor(parsed: Parsed) -> bool:
    """Whether a line of numbers whose result alone carries units, all of them decimal SI units
    (``\\frac{6 \\times 45 \\times 10^6}{100 \\times 300^2} = 15\\ \\text{MPa}``, 30 halved), is off by a factor of 2,
    3, 4, 3/2, \\sqrt 2, \\sqrt 3 or their inverses (times a power of ten), or has the other sign: the other side
    may be in another decimal unit (N against kN, mm^4 against m^4), which moves the point only, but no
    such unit scales by these or flips a sign, so the numbers slipped. Units whose size is no power of
    ten (min, h, ft, atm) may be the other side's silently (a time in minutes against hours is off by 60,
    rpm against rad/s by 2\\pi/60): those are left out."""
    lhs, rhs = parsed.lhs, parsed.rhs
    names = unit_names(rhs)
    if unit_names(lhs) or not names:
        return False
    if _writes_letters(lhs) or _writes_letters(rhs):
        return False  # letters: not a line of numbers
    for name in names:
        size = unit_size(name)
        if size is None or not size[1] or "kelvin" in size[1] or "radian" in size[1] \
                or not CONVENTIONAL_BASES.isdisjoint(size[1]):
            # a unit not read, no unit at all, a scale with an offset (degrees Celsius), or a year or
            # parsec, whose sizes in s and m are no powers of ten
            return False
        mantissa = size[0]
        while mantissa % 10 == 0:
            mantissa /= 10
        while mantissa.denominator % 10 == 0 and mantissa.denominator > 1:
            mantissa *= 10
        if mantissa != 1:
            return False  # min, h, ft, eV: a scale no power of ten
    a, b = side_value(lhs), side_value(without_units(rhs))
    if a is None or b is None or not a or not b:
        return False
    if (a > 0) != (b > 0):
        return True  # no unit is negative: 6 - 9 = 3\,\mathrm{J} is a sign slipped, in any scale
    ratio = abs(float(a) / float(b))
    # the result's own rounding, and then some: a factor is claimed only where it is plainly one
    slack = 1.5 * float(decimal_tolerance(rhs)) + 1e-6
    if slack > 0.05:
        return False  # a result of one or two digits (0.1 GPa): its rounding hides which factor it is off by
    mantissa = ratio / 10 ** math.floor(math.log10(ratio))
    kinds = {frozenset(size[1].items()) for size in map(unit_size, names) if size is not None}
    customary = [m for kind in kinds for v in _CUSTOMARY_SCALES.get(kind, ()) for m in (v, 10 / v)]
    if any(abs(mantissa / scale - 1) <= slack for scale in customary):
        return False  # 120 - 80 = 5.33 kPa of a pressure in mmHg: a unit the prose names, converted silently
    return any(abs(mantissa / float(factor) - 1) <= slack for factor in _SIMPLE_FACTORS + _ROOT_FACTORS)


def _level_misvalued(parsed: Parsed) -> bool:
    """Whether a level in decibels (``10\\log_{10}10^{8} = 8\\,\\mathrm{dB}``) is refuted by the line of numbers
    beside it that takes a logarithm: that line is the level's own formula, in decibels by the factor
    it writes, and no other scale of a level (bels, nepers) is silently meant beside a dB result. A side
    of numbers without a logarithm (10^8 = 80 dB, an intensity ratio named by its level) is not so
    read."""
    for side, other in ((parsed.rhs, parsed.lhs), (parsed.lhs, parsed.rhs)):
        names = unit_names(side)
        if not names or unit_names(other) or _number_with_unit(side) is None:
            continue
        if not all(name.startswith("dB") for name in names):
            return False
        if any(isinstance(x, (n.Sym, n.Apply, n.Unsupported)) for x in other.walk()):
            return False  # letters: a general level, not a worked line of numbers
        if not any(isinstance(x, n.Func) and x.name.startswith(("log", "ln", "lg")) for x in other.walk()):
            return False
        level, result = side_value(other), _number_with_unit(side)
        if level is None or result is None:
            return False
        # levels are quoted in whole dB (20\log_{10}(2.1/2\times 10^{-5}) = 100 dB): a whole result is
        # read as rounded so, a decimal one to its last digit, as the comparison already read it
        return "." in result.value or abs(float(level) - float(result.value)) > 0.5
    return False


def _number_with_unit(tree: n.Node) -> n.Num | None:
    """The number of ``6.68\\,\\mathrm{mg/L}`` or ``0.137\\,\\mathrm{h}^{-1}``: a side that is one number and its
    units, else None."""
    if isinstance(tree, n.Num):
        return tree
    if not isinstance(tree, n.Mul) or any(op not in ("", "\\,", "\\ ", "\\;") for op in tree.ops):
        return None
    numbers = [f for f in tree.factors if isinstance(f, n.Num)]
    rest = [f for f in tree.factors if not isinstance(f, n.Num)]
    units = all(is_unit(f) or isinstance(f, n.Pow) and is_unit(f.base) for f in rest)
    return numbers[0] if len(numbers) == 1 and tree.factors[0] is numbers[0] and units else None


def _omega_a_quantity(parsed: Parsed) -> bool:
    """Whether the step writes Omega away from a number as well (\\pi\\Omega^2 R^2 beside (2\\Omega)^2, an
    angular velocity): a letter there, and so after the number too, where it is no ohm."""
    return writes_ohms(ohms_as_units(parsed.lhs)) or writes_ohms(ohms_as_units(parsed.rhs))


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


def _with_written_laws(lhs: str, rhs: str, relation: str, context: tuple[ContextItem, ...], asides: bool,
                       arguments: dict) -> Verdict | None:
    """The verdict on a step that writes the law of a letter itself, in an expectation's subscript
    (``\\mathbb{E}_{X \\sim \\mathcal{N}(0, 1)}[X^2] = 1``) or beside its row (``\\quad X \\sim
    \\mathrm{Poi}(\\lambda)``): decided with the law's moments written in (see distributions.written_in).
    A law written beside the step is the step's own, unlike one the prose states some lines above, so
    that reading may refute as well as verify: it verifies where each way the notes may write the
    family's parameters that the spelling leaves open verifies, and refutes where the moments leave no
    random letter and every way refutes. Otherwise the step as read without its laws decides, except
    that it cannot verify a step whose sides give a letter different laws, nor refute one that a reading
    of its laws does not refute (see _with_unread_laws for laws of families not read). None where the
    step writes no law."""
    # the law is read from the spelling, so from the sides with the notes' macros (\\E, \\Var) written out
    macros = arguments.get("macros")
    written = distributions.written_in(_macros_written_out(lhs, macros), _macros_written_out(rhs, macros))
    if written is None:
        if "\\sim" in lhs + rhs:
            return _with_unread_laws(lhs, rhs, relation, context, asides, arguments)
        # a law written on another row of the chain (its head's E_{X ~ N(0, 1)}) holds for the letter
        # on this one, where nothing else is said of it: read to verify only, the row being no part of it
        laws = distributions.laws_in([_macros_written_out(line, macros) for line in arguments.get("chain", ())])
        if not laws:
            return None
        written = (_macros_written_out(lhs, macros), _macros_written_out(rhs, macros), laws, laws)
        verify_only = True
    else:
        verify_only = False
    left, right, left_laws, right_laws = written
    options = dict(context=context, asides=asides, **{**arguments, "first": False})
    token = _WRITTEN_LAWS_READ.set(True)
    try:
        verdict = check_step(lhs, rhs, relation, context=context, asides=asides, **arguments)
        readings = [(left_laws, right_laws), *zip(distributions.other_readings(left_laws) or [left_laws],
                                                  distributions.other_readings(right_laws) or [right_laws])]
        if len(readings) == 2 and readings[1] == readings[0]:
            readings = readings[:1]
        moments = [(distributions.rewritten(left, on_left), distributions.rewritten(right, on_right))
                   for on_left, on_right in readings]
        if verdict.status is not Status.VERIFIED and left_laws == right_laws and (left, right) != (lhs, rhs):
            # E_{X ~ N(0, 1)}[(X + 1)^2] = E[X^2] + 2 E[X] + 1 holds under any one law of X: the step read
            # with its laws taken out, which no longer hide the expectation
            bare = check_step(left, right, relation, **options)
            if bare.status is Status.VERIFIED:
                return bare
        # (moments that rewrite nothing leave the laws unread, so the step as read without them decides,
        # within what the laws written allow: below)
        first = check_step(*moments[0], relation, **options) if moments[0] != (left, right) else None
        if first is None:
            pass
        elif first.status is Status.VERIFIED:
            open_spelling = distributions.deviation_possible(left_laws) or distributions.deviation_possible(right_laws)
            if not open_spelling or all(check_step(*other, relation, **options).status is Status.VERIFIED
                                        for other in moments[1:]):
                named = tuple(f"{letter} distributed as written ({spec.split('|')[0]})"
                              for letter, spec in sorted({**left_laws, **right_laws}.items()))
                return replace(first, guessed=tuple(sorted({*first.guessed, *named})))
        elif first.status is Status.REFUTED and verdict.status is not Status.REFUTED and not verify_only \
                and all(distributions.resolved(side, {**left_laws, **right_laws}) for side in moments[0]) \
                and all(check_step(*other, relation, **options).status is Status.REFUTED for other in moments[1:]):
            return first
        if verdict.status is Status.REFUTED and (first is not None or left_laws != right_laws) and not (
                first is not None and first.status is Status.REFUTED
                and all(check_step(*other, relation, **options).status is Status.REFUTED for other in moments[1:])):
            # E_{X ~ N(0, 4)}[X^2] = 4 E_{X ~ N(0, 1)}[X^2]: read without its laws the step relates one
            # expectation to a multiple of itself, which fails; under the laws written it holds (with
            # variances), so a refutation stands only where every reading of the laws refutes as well
            return Verdict(Status.UNVERIFIED, WRITTEN_LAWS_UNREFUTED, elapsed=verdict.elapsed)
    finally:
        _WRITTEN_LAWS_READ.reset(token)
    if verdict.status is Status.VERIFIED and left_laws != right_laws:
        # E_{X ~ N(0, 1)}[X^2] = E_{X ~ N(0, 2)}[X^2]: the same spelling under two laws is no identity
        return Verdict(Status.UNVERIFIED, WRITTEN_LAWS_DIFFER, elapsed=verdict.elapsed)
    return verdict


def _with_unread_laws(lhs: str, rhs: str, relation: str, context: tuple[ContextItem, ...], asides: bool,
                      arguments: dict) -> Verdict | None:
    """The verdict on a step whose expectations are taken under laws written in their subscripts that
    are not read (``\\mathbb{E}_{X \\sim \\mathrm{Exp}(2)}[X] = \\tfrac14 \\mathbb{E}_{X \\sim \\mathrm{Exp}(1/2)}[X]``):
    the step is read as if they were not written, as one expectation of a generic letter, which can
    neither refute it (the law may give the moments that make it hold) nor verify it where the sides
    take their expectations under different laws. None where no such law is written."""
    macros = arguments.get("macros")
    left = distributions.subscript_laws(_macros_written_out(lhs, macros))
    right = distributions.subscript_laws(_macros_written_out(rhs, macros))
    if not left and not right:
        return None
    token = _WRITTEN_LAWS_READ.set(True)
    try:
        verdict = check_step(lhs, rhs, relation, context=context, asides=asides, **arguments)
    finally:
        _WRITTEN_LAWS_READ.reset(token)
    if verdict.status is Status.REFUTED:
        return Verdict(Status.UNVERIFIED, WRITTEN_LAWS_UNREFUTED, elapsed=verdict.elapsed)
    if verdict.status is Status.VERIFIED and sorted(set(left)) != sorted(set(right)) and left and right:
        return Verdict(Status.UNVERIFIED, WRITTEN_LAWS_DIFFER, elapsed=verdict.elapsed)
    return verdict


WRITTEN_LAWS_DIFFER = "the two sides take the expectation under different laws, which the step does not decide"
WRITTEN_LAWS_UNREFUTED = ("differs only when read without the laws the step writes, under which it is not refuted: "
                          "not decided")


def _with_distributions(lhs: str, rhs: str, relation: str, verdict: Verdict, items: tuple[ContextItem, ...],
                        rest: tuple[ContextItem, ...], options: dict) -> Verdict:
    """The verdict on a step whose passage states distributions (``$X \\sim \\mathrm{Poisson}(\\lambda)$``):
    where ``verdict`` is no verification, the step decided again with E[X], Var(X), P(X = k) and M_X(t)
    written as the distribution gives them (see distributions.py); only a verification is taken from it,
    and only from letters the passage states one distribution of."""
    if verdict.status is not Status.UNVERIFIED:
        return verdict
    stated: dict[str, set[str]] = {}
    for item in items:
        stated.setdefault(item.lhs, set()).add(item.rhs)
    laws = {letter: next(iter(specs)) for letter, specs in stated.items() if len(specs) == 1}
    left, right = distributions.rewritten(lhs, laws), distributions.rewritten(rhs, laws)
    if (left, right) == (lhs, rhs):
        return verdict
    again = check_step(left, right, relation, context=rest, **{**options, "first": False})
    if again.status is not Status.VERIFIED:
        return verdict
    named = tuple(f"{letter} distributed as stated ({spec.split('|')[0]})" for letter, spec in sorted(laws.items())
                  if re.search(re.escape(letter), lhs + rhs))
    return replace(again, guessed=tuple(sorted({*again.guessed, *named})))


def _with_ohms(lhs: str, rhs: str, relation: str, verdict: Verdict, **options) -> Verdict:
    """The verdict on a step left unverified for the Omega it introduces, where Omega only follows
    numbers (``\\frac{4 \\cdot 12}{16} = 3\\,\\Omega``): with those read as ohms, compared as any unit
    is. Only a verification comes of it: where Omega is a quantity of the notes (a frequency, a solid
    angle) the unit reading is wrong, and ``verdict`` stands."""
    parsed = _read_again(lhs, rhs, options)
    if parsed is None or _omega_a_quantity(parsed):
        return verdict
    left, right = ohms_as_units(parsed.lhs), ohms_as_units(parsed.rhs)
    read = _unit_reading(Parsed(left, right, classify_letters(left, right)))
    if isinstance(read, str):
        return verdict
    again = _check_step(lhs, rhs, relation, reading=lambda _: read, **options)
    return again if again.status is Status.VERIFIED else verdict


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
        commuting = comparator.own(frozenset([matfunc.COMMUTING]))
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
    words = {w for name in names for w in re.findall(r"[A-Za-z]+", name)} - {"per"}  # (12 per hour: a rate)
    kinds = [UNIT_KINDS.get(w) for w in words]
    return None not in kinds and len(set(kinds)) == len(kinds)


def _check_read_step(lhs: str, rhs: str, relation: str, *, macros: Mapping[str, Macro] | None = None,
                     first: bool = False, seed: int = 0, explain: bool = True,
                     context: tuple[ContextItem, ...] = (), indefinite: bool = False,
                     reading: Callable[[Parsed], Parsed] | None = None, chain: tuple[str, ...] = (),
                     constant_in: str = "", summed: bool = False, averages: bool = False,
                     units: bool = True) -> Verdict:
    """Decide one step as parsed; ``reading`` rewrites the parsed step first (a reading of notation that
    is no default, such as primes without a written variable: see _primes_of_one_variable). ``chain``:
    see check_step. ``constant_in``: the sides are compared up to a term constant in that letter
    (see _up_to_constant). ``summed``: with Einstein's convention (see einstein.py), which a step whose
    sides write an index twice is decided in where it fails as written. ``averages``: a bar over an
    expression is a Reynolds average (see _as_reynolds_averages). ``units``: whether i, j, k may be read
    as quaternion units (see quaternions.py)."""
    started = time.perf_counter()
    cpu_started = work_time()  # what the diagnosis may spend is judged in CPU time
    if relation not in EQUALITY and relation not in INEQUALITY:
        return Verdict(Status.SKIPPED, f"relation {relation} is not checked")
    try:
        parsed = parse_step(lhs, rhs, macros or {}, averages=averages)
    except ParseFailure as exc:
        return Verdict(Status.UNVERIFIED, f"{UNREAD}{exc}")
    except RecursionError:
        return Verdict(Status.UNVERIFIED, "could not read: expression nested too deeply")
    read = _unit_reading(parsed)
    if isinstance(read, str):
        return Verdict(Status.UNVERIFIED, read)
    parsed = read if reading is None else reading(read)
    make_comparator: Callable[..., Comparator] = Comparator
    if summed:
        convention = einstein.reading(parsed)
        if isinstance(convention, str):
            return Verdict(Status.UNVERIFIED, convention)
        parsed, free = convention
        make_comparator = functools.partial(einstein.EinsteinComparator, free=free)
    if loose_differentials(parsed.lhs, parsed.rhs) and not SPACED_D.search(lhs + " " + rhs):
        return Verdict(Status.UNVERIFIED, DIFFERENTIALS)
    # a letter's differential on one side only: dU = T\,dS - p\,dV depends on what U is, and is never
    # refuted; but when the sides agree as forms all the same (the side's dt terms cancel:
    # 3W_t\,dt - 3W_t\,dt + a\,dW_t = a\,dW_t), no reading of U can undo that
    open_differential = differential_gap(parsed.lhs, parsed.rhs) if has_differentials(parsed.lhs, parsed.rhs) else ""
    if open_differential and not (relation in EQUALITY and open_differential.startswith("depends on what")
                                  and bare_differentials_only(parsed.lhs, parsed.rhs)):
        return Verdict(Status.UNVERIFIED, open_differential)

    used: list[Definition] = []
    rhs_changed = False
    if context:
        try:
            parsed, used, rhs_changed = apply_definitions(parsed, parse_definitions(context, macros or {}), first,
                                                          macros or {}, seed)
        except RecursionError:
            return Verdict(Status.UNVERIFIED, "definitions nested too deeply")
    where = tuple(sorted({f"{' '.join(d.item.lhs.split())} defined at {d.item.where}" for d in used}))

    quaternion = quaternions.decide(parsed.lhs, parsed.rhs, seed) \
        if units and relation in EQUALITY and (quaternions.applies(parsed.lhs, parsed.rhs)
                                              or quaternions.chain_applies(parsed.lhs, parsed.rhs, chain, macros)) else ""
    if quaternion == "equal":
        return Verdict(Status.VERIFIED, quaternions.HOLDS, elapsed=time.perf_counter() - started, definitions=where)
    if quaternion == "real":
        return Verdict(Status.UNVERIFIED, quaternions.REAL_ONLY, elapsed=time.perf_counter() - started)
    if quaternion == "differ":
        # ij = -ji read as numbers: the units' reading fails it, so the numbers' may only refute it
        verdict = _check_read_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=explain,
                                   context=context, indefinite=indefinite, reading=reading,
                                   chain=chain, constant_in=constant_in, summed=summed, averages=averages, units=False)
        if verdict.status is Status.VERIFIED:
            return Verdict(Status.UNVERIFIED, quaternions.FAILS, elapsed=verdict.elapsed)
        if verdict.reason == QUATERNION_UNITS:
            # refuted as numbers, then excused as possibly quaternions: and it fails as those too
            return Verdict(Status.REFUTED, quaternions.FAILS_BOTH, elapsed=verdict.elapsed)
        if verdict.status is Status.REFUTED:
            # the numbers' counterexample gives i, j, k values, and their repair ((ij - ji)^2 = 0) may
            # hold only as numbers: a repair is kept only where the units' reading agrees with it
            return replace(verdict, counterexample=(), diagnosis=verdict.diagnosis
                           if _holds_as_quaternions(lhs, verdict.diagnosis, macros, seed) else None)
        return verdict
    if open_differential and (quaternion or used):
        return Verdict(Status.UNVERIFIED, open_differential)
    comparator = make_comparator(parsed, relation, seed, assumptions(context), indefinite, constant_in)
    reason = context_gap(parsed, first)
    if reason and open_differential:
        return Verdict(Status.UNVERIFIED, open_differential)
    if reason:
        # A name from elsewhere only matters if the step depends on it: x = m + x - m holds whatever
        # m is, so a step that agrees at random values of that name (and random stand-ins for a
        # function) is an identity; any other outcome leaves the step to its context.
        gap = gap_names(parsed, first)
        screened = relation in EQUALITY and not reason.startswith("needs the definition") and len(gap) <= 2
        # (a probability reading is not the default one: \sum_x p(x | y) = 1 differs with p a stand-in)
        readable_gap = _drops_distributions(parsed, reason, gap) or _introduces_events(parsed, reason, gap)
        imaginary = _introduces_imaginary_unit(reason, gap) or _introduces_identity(parsed, reason, gap)
        superscript = _introduces_superscript_letters(parsed, reason, gap)
        constants = indefinite and _renames_constants(parsed, gap)
        if screened and (readable_gap or imaginary or superscript or constants or not comparator.quickly_differs()):
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
            renamed = _renamed_name(comparator, parsed, reason, gap, rhs, lhs, macros or {}, context,
                                    started) if screened and explain and not used and not first else None
            return renamed or Verdict(Status.UNVERIFIED, reason, elapsed=time.perf_counter() - started)
        # And a step whose sides differ by the same amount whatever m is (x = m - x - m) is wrong
        # whatever the document says m is: it is decided like any other step. So is a step that
        # drops a set when its difference does not change with the set's size (a softmax summed
        # over V said to be 2).
        if not (screened and _independent_of_gap(comparator, parsed, reason, gap)):
            renamed = _renamed_name(comparator, parsed, reason, gap, rhs, lhs, macros or {}, context,
                                    started) if screened and explain and not used and not first else None
            return renamed or Verdict(Status.UNVERIFIED, reason, elapsed=time.perf_counter() - started)

    outcome, guessed = comparator.decide()
    elapsed = time.perf_counter() - started
    spent = work_time() - cpu_started
    if open_differential and outcome.kind != "equal":
        return Verdict(Status.UNVERIFIED, open_differential, elapsed=elapsed)
    restated = _gives_defined_name_anew(rhs, macros or {}, used) if first and rhs_changed else ""
    if restated and outcome.kind != "equal":
        # \frac{2}{T}\tan(\omega/2) = \Omega below \Omega = \omega T: the head of a chain written the other
        # way round, a value given to the name anew (the bilinear map's frequency after the impulse-invariant
        # one), as \Omega = \frac{2}{T}\tan(\omega/2) would be; only the prose says which value the name has
        return Verdict(Status.UNVERIFIED, f"gives {restated}, defined elsewhere, a value of its own: a definition "
                       "written the other way round?", elapsed=elapsed)
    if outcome.kind == "equal":
        if relation in INEQUALITY:
            if _numbers_only(parsed) and comparator.numbers_in_order():
                # numbers alone have one value each: no point is left unsampled
                return Verdict(Status.VERIFIED, "an inequality of numbers", guessed=guessed, elapsed=elapsed,
                               definitions=where)
            return Verdict(Status.UNVERIFIED, "inequality holds at the sampled points", elapsed=elapsed)
        if _rounds_quantity(parsed.lhs, parsed.rhs) and not _holds_at_integers(comparator):
            # ceil x = floor x + 1 holds at every real point sampled, and at no integer
            return Verdict(Status.UNVERIFIED, "floor or ceiling: holds at the real points sampled, not where the "
                           "letters are integers", elapsed=elapsed)
        if has_cases(parsed.lhs, parsed.rhs) and _cases_differ_off_samples(comparator):
            return Verdict(Status.UNVERIFIED, CASES_UNREACHED, elapsed=elapsed)
        unreached = equation_cases_differ(comparator) if has_cases(parsed.lhs, parsed.rhs) else ""
        if unreached:
            return Verdict(Status.UNVERIFIED, EQUATION_CASE_UNREACHED.format(unreached), elapsed=elapsed)
        if _piecewise(parsed) and not comparator.indefinite and _cases_differ_off_samples(comparator):
            # (an antiderivative holds up to its constant, ln|2x| + C = ln|x| + C, which the points off
            # the samples do not ask)
            # |a + b| = |a| + |b|, sign(a) = 1: true where the sampled letters are, positive, and false
            # elsewhere; the prose may say they are positive, or the step is the slip of an inequality
            # written as an equation
            return Verdict(Status.UNVERIFIED, SIGNS_UNREACHED, elapsed=elapsed)
        real = _real_sign_exponents(parsed)
        if real:
            # a power of -1 is sampled at whole exponents, where it is a sign ((-1)^{2n} = 1); x and t are
            # no counting letters, and at their real values (-1)^{2x} is a complex number, not 1
            return Verdict(Status.UNVERIFIED, SIGN_OF_REAL.format(", ".join(real)), elapsed=elapsed)
        negative = _maybe_negative(parsed, context)
        if negative and _takes_root(parsed) and not comparator.indefinite \
                and _cases_differ_off_samples(comparator, complex_ok=True):
            # \sqrt{x^2} = x holds of the positive quantities letters usually are, which is why a root
            # is no _piecewise function; under "let $x < 0$" the author has said they are not
            return Verdict(Status.UNVERIFIED, ROOT_OF_NEGATIVE.format(", ".join(negative)), elapsed=elapsed)
        if _bounded_by_region(parsed) and not comparator.indefinite and _differs_where_large(comparator) \
                and not _holds_by_stated_relation(lhs, rhs, relation, macros or {}, seed, context):
            # |x - 5| = 5 - x, \arccos(\cos x) = x: true where the sampled letters are, below 3, and false
            # past them; unless the prose bounds the letters so ("for $0 < \theta < \pi$"), a slip
            return Verdict(Status.UNVERIFIED, LARGE_UNREACHED, elapsed=elapsed)
        crossed = _crossed_letters(parsed)
        if crossed and _differs_as_cross_products(parsed, relation, seed, crossed):
            # a \times b = b \times a holds of numbers; of vectors, which plain letters may be as well,
            # it does not, and only the prose says which they are
            return Verdict(Status.UNVERIFIED, f"holds if {', '.join(sorted(crossed))} are numbers; as vectors "
                           "(\\times the cross product) it does not", elapsed=elapsed)
        if expectation.has_average(parsed.lhs, parsed.rhs) and expectation.may_not_commute(
                (parsed.lhs, parsed.rhs), parsed.letters.randomness.default | parsed.letters.randomness.bound):
            return Verdict(Status.UNVERIFIED, AVERAGE_COMMUTES, elapsed=elapsed)
        held = _held_constant(parsed, relation, seed)
        if held:
            # d(xy) = x dy holds with x constant, as d(mv^2/2) = mv dv does with the mass m: which letters
            # are constants only the prose says
            return Verdict(Status.UNVERIFIED, f"holds if {', '.join(held)} is constant (its differential is not "
                           "written)", elapsed=time.perf_counter() - started)
        if not summed and relation in EQUALITY and einstein.sums_by_derivative(parsed.lhs, parsed.rhs) and \
                _check_read_step(lhs, rhs, relation, macros=macros, first=first, seed=seed, explain=False,
                                 context=context, indefinite=indefinite, reading=reading, chain=chain,
                                 constant_in=constant_in, summed=True).status is not Status.VERIFIED:
            # \partial(x_i/r)/\partial x_i = 1/r holds of one i; a derivative by x_i of what writes x_i is
            # the convention's sum over i (\partial x_i/\partial x_i = 3), as written it is no verification
            # (unless the sum holds with r the distance |x|: \partial_i(x_i/r^2) = 1/r^2)
            radial = _with_radial_distance(lhs, rhs, relation, parsed, macros=macros, first=first, seed=seed,
                                           context=context, indefinite=indefinite, reading=reading, chain=chain,
                                           constant_in=constant_in)
            if radial is not None and radial.status is Status.VERIFIED:
                return replace(radial, elapsed=time.perf_counter() - started)
            return Verdict(Status.UNVERIFIED, einstein.UNSUMMED_DERIVATIVE, elapsed=time.perf_counter() - started)
        if not summed and relation in EQUALITY and einstein.radial_texts(lhs, rhs, parsed.lhs, parsed.rhs) is not None \
                and not einstein.writes_rate_of_r(parsed.lhs, parsed.rhs) and not _holds_of_radial_distance(lhs, rhs, relation, parsed, macros=macros, first=first, seed=seed,
                                                  context=context, indefinite=indefinite, reading=reading,
                                                  chain=chain, constant_in=constant_in):
            # \partial_j(x_i/r) = \delta_{ij}/r holds with r constant; unless it holds of r the distance |x|
            # too, which r beside a derivative by x_j usually is, it is no verification
            return Verdict(Status.UNVERIFIED, einstein.RADIAL_HOLDS, elapsed=time.perf_counter() - started)
        return Verdict(Status.VERIFIED, outcome.reason, guessed=guessed, elapsed=elapsed, definitions=where)
    # Steps that are verified where they hold and otherwise not refuted by a comparison alone:
    # whatever it found may be the reading's doing (only a series gets the short search). An infinite series is
    # summed numerically; a sum without bounds over a number has an unwritten range; floor(n/2) +
    # ceil(n/2) = n holds for the integers the letters stand for, not at the real points sampled; an
    # indicator read as an unknown function of its condition's sides takes values other than 0 and 1.
    indicator = functools.partial(has_indicator, exact=parsed.letters.index)

    def other_members(left: n.Node, right: n.Node) -> bool:
        # a series of a sequence defined elsewhere is a finite sum on a window, lowered exactly (see
        # supported.py), and decided as one: unless the sides write different members of it, as a
        # recurrence from the prose put in does (\sum_{n\ge1} a_n x^n = 2x\sum_{n\ge0} a_n x^n), or
        # a series runs both ways, whose window holds the same members however its index is shifted
        # (what stays opaque is left to the reason that names it, below)
        if outcome.opaque or has_summed_series(left, right) or not has_infinite_series(left, right):
            return False
        keys = windowed_sequences(left, right)
        return has_two_sided_series(left, right) or bool(keys) and _members_differ(comparator, keys)

    for present, differ_reason in ((has_summed_series, SERIES_DIFFER), (other_members, MEMBERS_DIFFER),
                                   (has_uncounted_sum, UNCOUNTED_DIFFER),
                                   (_rounds_quantity, ROUNDING_DIFFER), (has_valued_set_sum, VALUED_SET_DIFFER),
                                   (has_guessed_pair_sum, PAIR_SUM_DIFFER),
                                   (indicator, INDICATOR_DIFFER), (has_summed_repeat, EINSTEIN_DIFFER),
                                   (has_sample_entries, SAMPLE_ENTRIES_DIFFER),
                                   (tuples_reading.has_ambiguous_pair, PAIR_DIFFER),
                                   (tuples_reading.may_be_cycles, CYCLES_DIFFER),
                                   (tuples_reading.lists_only_compared, LISTS_COMPARED),
                                   (tuples_reading.lists_in_inner_product, INNER_LISTS_DIFFER),
                                   (has_region_integral, REGION_DIFFER),
                                   (expectation.has_average, AVERAGE_DIFFER),
                                   (has_plain_differentials, DIFFERENTIALS),
                                   (refusals.has_summed_sequence, SUMMED_SEQUENCE_DIFFER)):
        if present(parsed.lhs, parsed.rhs):
            if present is has_summed_repeat and not summed and einstein.labels_one_quantity(parsed.lhs, parsed.rhs):
                continue  # \omega_n written twice is one quantity's label, which no convention sums
            if present is has_summed_repeat and relation in EQUALITY and not summed and not used:
                verdict = _with_summed_indices(lhs, rhs, relation, parsed, outcome, macros=macros, first=first,
                                               seed=seed, explain=explain, context=context, indefinite=indefinite,
                                               reading=reading, chain=chain, constant_in=constant_in)
                if verdict is not None:
                    return verdict
            reason = differ_reason if outcome.kind == "differ" else outcome.reason
            if (present in (has_summed_series, other_members) and reason in (SERIES_DIFFER, MEMBERS_DIFFER)
                    or present is indicator and reason == INDICATOR_DIFFER) and explain and relation in EQUALITY \
                    and not rhs_changed:
                # a series summed numerically is no refutation alone; an edit under which the sums
                # agree at every point (a sign, a factor 2 before the series) says the numbers were right.
                # So for an indicator read as an unknown function: a step true only for its values 0
                # and 1, or for conditions the prose links, is no slip that an edit makes hold for
                # every function (1(s = 1) + 1(s = -1) = 1 has none)
                diagnosis = short_repair(comparator, parsed, rhs, "" if used else lhs, spent)
                if diagnosis is not None and (present is not indicator
                                              or _differs_with_one_condition(parsed, relation, seed)):
                    return Verdict(Status.REFUTED, "the two sides differ", outcome.point, (), diagnosis,
                                   time.perf_counter() - started, where)
            return Verdict(Status.UNVERIFIED, reason, elapsed=time.perf_counter() - started)
    gap = _matrix_function_gap(comparator, outcome)
    if gap:
        return Verdict(Status.UNVERIFIED, gap, elapsed=time.perf_counter() - started)
    radial = _with_radial_distance(lhs, rhs, relation, parsed, macros=macros, first=first, seed=seed,
                                   context=context, indefinite=indefinite, reading=reading, chain=chain,
                                   constant_in=constant_in) \
        if outcome.kind == "undecided" and outcome.reason == DOMAIN_QUESTION and relation in EQUALITY \
        and not summed else None
    if radial is not None and radial.status is Status.VERIFIED:
        # \partial_i\partial_j r^2 = 2\delta_{ij} holds with r constant where i != j only
        return replace(radial, elapsed=time.perf_counter() - started)
    if outcome.kind == "undecided":
        if _fails_with_gates(outcome) and explain and relation in EQUALITY and not rhs_changed:
            verdict = explain_with_gates(comparator, rhs, "" if used else lhs, where,
                                         spent=work_time() - cpu_started)
            if verdict is not None:
                return replace(verdict, elapsed=time.perf_counter() - started)
        if not outcome.readable and explain and relation in EQUALITY and not rhs_changed \
                and not _literal_matrix_appears(parsed) and not parsed.letters.commutators \
                and not parsed.letters.poisson:
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
                attempts.append((make_comparator(retry, relation, seed, assumptions(context), indefinite, constant_in),
                                 retry,
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
                hypothesis = _vector_hypothesis(attempt_parsed, attempt, _orthogonality_stated(context)) \
                    if found is not None else ""
                if hypothesis:
                    # w - 2v(v^T w) = w: the readings that can be built differ only where the prose's
                    # orthogonal (or unit) vectors would make them agree, as for a readable step
                    return Verdict(Status.UNVERIFIED, hypothesis, elapsed=time.perf_counter() - started)
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
                        make_comparator(repeated, relation, seed, assumptions(context), indefinite,
                                   constant_in), rhs, lhs, elapsed,
                        where, spent=work_time() - cpu_started)
            if verdict is not None:
                return verdict
        partly = outcome.reason.startswith(("holds at some sampled points", "refuted in one reading"))
        if partly and explain and relation in EQUALITY and not rhs_changed:
            # Holds at some points only, or refuted in one reading and undecided in another: a small
            # edit under which the step holds everywhere, in some reading, says it is a typo. (Shapes
            # that do not fit are left alone: an edit that reads the letters afresh also "repairs"
            # notation the lowering lacks, v^2 for a vector.) The full search's time: a bound changed
            # between two counts (\sum_{l=1}^d for \sum_{l=1}^k) agrees wherever they do, so every such
            # slip lands here, and few steps do (five of the corpus)
            diagnosis = short_repair(comparator, parsed, rhs, "" if used else lhs, spent, max_seconds=MAX_SECONDS)
            if diagnosis is not None:
                written = comparator.own()
                return Verdict(Status.REFUTED, "the two sides differ", written.point if written.kind == "differ" else (),
                               (), diagnosis, time.perf_counter() - started, where)
        return Verdict(Status.UNVERIFIED, outcome.reason, elapsed=time.perf_counter() - started)
    if outcome.opaque and all(OPTIMUM_MARK in o for o in outcome.opaque):
        kinds = ", ".join(sorted({o.split(OPAQUE_ENTRY)[0] for o in outcome.opaque}))
        return Verdict(Status.UNVERIFIED, f"the sides hold different optimisations ({kinds}): what is "
                       "optimised is not compared", elapsed=elapsed)
    if outcome.opaque and relation in EQUALITY and not summed \
            and all(o.split(OPAQUE_ENTRY)[0].startswith("d(r)/d(") for o in outcome.opaque):
        # \partial_i r = x_i/r: r by a coordinate x_i is the distance |x|, whose derivative the step writes
        radial = _with_radial_distance(lhs, rhs, relation, parsed, macros=macros, first=first, seed=seed,
                                       context=context, indefinite=indefinite, reading=reading, chain=chain,
                                       constant_in=constant_in)
        if radial is not None and radial.status is Status.VERIFIED:
            return replace(radial, elapsed=time.perf_counter() - started)
    if outcome.opaque:
        # dE/do with E undefined on one side only: equal or not, the step cannot say (the entries of
        # a vector's dr/dt are named as the one derivative they are to the reader)
        opaque = ", ".join(sorted({shown_name(o.split(OPAQUE_ENTRY)[0]) for o in outcome.opaque}))
        return Verdict(Status.UNVERIFIED, f"depends on {opaque}{UNDEFINED_HERE}", elapsed=elapsed)
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
    components = refusals.component_superscripts(parsed) if relation in EQUALITY else ""
    if components:
        verdict = _with_components(parsed, relation, seed, components)
        if verdict is not None:
            return replace(verdict, elapsed=time.perf_counter() - started)
    iterates = refusals.initial_iterates(parsed) if relation in EQUALITY and not components else frozenset()
    if iterates:
        verdict = _with_iterate_labels(parsed, relation, seed, iterates)
        if verdict is not None:
            return replace(verdict, elapsed=time.perf_counter() - started)
    if relation in EQUALITY and _quaternion_units(comparator, parsed):
        # ij = k, (c + ks)(c' + ks') = cos + k sin: the letters of the quaternion units, which
        # anticommute and square to -1, read here as numbers
        return Verdict(Status.UNVERIFIED, QUATERNION_UNITS,
                       elapsed=time.perf_counter() - started)
    if relation in EQUALITY and _holds_for_unit_norms(comparator, parsed):
        # \omega\omega^T - \|\omega\|^2 I = \omega\omega^T - I: a norm that the right side drops and
        # that 1 makes the step hold; unit axes, normals and quaternions are the prose's assumption
        # (worded as a name from elsewhere: a definition in force, \hat n = v / \|v\|, may verify it)
        return Verdict(Status.UNVERIFIED, "the right side no longer mentions a norm: holds where the "
                       "dropped norms are 1 (unit vectors?)", elapsed=time.perf_counter() - started)
    radial = _with_radial_distance(lhs, rhs, relation, parsed, macros=macros, first=first, seed=seed,
                                   context=context, indefinite=indefinite, reading=reading, chain=chain,
                                   constant_in=constant_in) \
        if relation in EQUALITY and not summed and outcome.kind == "differ" else None
    if radial is not None and radial.status is not Status.REFUTED:
        # \partial_j(x_i/r) = \delta_{ij}/r - x_i x_j/r^3 with no index summed: r held constant refutes
        # what holds of the distance |x| that r beside a derivative by x_j usually is
        return replace(radial, elapsed=time.perf_counter() - started)
    solved = _solved_for(parsed, comparator) if first and relation in EQUALITY else ""
    if solved:
        # V(A) = 1 + 0.81 V(A), then = 1/0.19: the head of a chain that names what it is about on
        # both sides is an equation to solve for it (first-step analysis, a Bellman equation), true
        # at its solution only
        return Verdict(Status.UNVERIFIED, f"{solved} on both sides of the first line: an equation to solve "
                       "for it, not an identity", elapsed=time.perf_counter() - started)
    hypothesis = _vector_hypothesis(parsed, comparator, _orthogonality_stated(context)) if relation in EQUALITY else ""
    if hypothesis:
        return Verdict(Status.UNVERIFIED, hypothesis, elapsed=time.perf_counter() - started)
    # a letter the left side itself cancels (x + c - c) was not substituted from anywhere: the step
    # is decided like any other
    # (the j of e^{j\omega T} is the imaginary unit, which a side written in sines no longer needs, not a
    # letter put in from elsewhere: the step is decided with the unit, as it verifies with it)
    exponential = _exponential_units(parsed.lhs) & set(dropped_variables(parsed))
    dropped = [name for name in dropped_variables(parsed)
               if not _left_ignores(comparator, parsed, name) and name not in exponential]
    if exponential:
        # refuted only where the sides differ with the unit as well, at a point that gives it no value
        as_unit = comparator.own(frozenset(("imag", name) for name in exponential))
        if as_unit.kind != "differ":
            return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(sorted(exponential))}: "
                           "substituted from elsewhere?", elapsed=time.perf_counter() - started)
        outcome = replace(outcome, point=as_unit.point)
    if dropped and ("orthogonal",) in comparator.keys and relation in EQUALITY \
            and (n.letter_free(parsed.rhs) or not writes_indexed_vector(parsed.rhs, parsed.letters)):
        # <v_2, v_1> = 1 + 0 + 0: indexed vectors worked out to a number from entries the prose
        # gives; in the reading where they are an orthogonal basis the left side is a number too,
        # which an edit of the written number would "repair". So is a side that writes them out as the
        # prose defines them (<u_i, u_j> = \int_0^1 x^i x^j dx for u_i = x^i): an edit that makes it 0
        # (\int_1^1) repairs only the guess that they are orthogonal
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       + SUBSTITUTED, elapsed=time.perf_counter() - started)
    diagnosis = None
    if dropped and _literal_matrix_appears(parsed):
        # quantities replaced by written-out matrices: values from elsewhere, which no small edit
        # explains; do not spend the budget searching
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       + SUBSTITUTED, elapsed=time.perf_counter() - started)
    if explain and relation in EQUALITY and not rhs_changed:  # offsets must point into the rhs text
        # Without a diagnosis a step that lost quantities, or that turned into a constant, is left
        # unverified: there the search only decides between refuted and unverified, and a typo
        # (a term lost, a letter changed) is found among the first candidates or not at all.
        cap = GUARD_SECONDS if dropped or outcome.suspect else MAX_SECONDS
        # (the chain's lines are the author's text, as the left side is; where definitions were
        # substituted into the step, a term copied from them would read otherwise than the sides)
        lines = chain if not used else ()
        try:
            # (the edits that solve for a constant do so in the reading that stands for the default one)
            diagnosis = diagnose(comparator, parsed, rhs, "" if used else lhs, spent=spent, max_seconds=cap,
                                 chain=lines, macros=macros or {}, reading=getattr(comparator, "stand_in", frozenset()))
        except BudgetExceeded:
            diagnosis = None  # the refutation stands; only its explanation ran out of time
    if diagnosis is None and relation in EQUALITY and _members_differ_in_sums(comparator, parsed):
        # \sum_{k=1}^{n} F_{k+1} = \sum_{k=1}^{n} F_k + \sum_{k=1}^{n} F_{k-1}, \sum_{k=0}^{n} a_k = 1 +
        # \sum_{k=1}^{n} a_k: sums of a sequence whose sides write different members hold of the sequence
        # the prose defines (a recurrence, a first value put in), and fail for free values as a lost term
        # would; without an edit that explains the difference, no slip is shown
        return Verdict(Status.UNVERIFIED, MEMBERS_DIFFER, elapsed=time.perf_counter() - started)
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
    if diagnosis is not None and diagnosis.kind == "dropped_term" and relation in EQUALITY \
            and outcome.suspect == EQUATION_TO_SOLVE and set(dropped) - IMAGINARY_LETTERS:
        # -1 + v_3 = -1, a terminal state's value 0 put in: with a side of numbers the lost term is the
        # vanished letter's value 0, given elsewhere as much as x + 1 = 3 gives x = 2 (see EQUATION_TO_SOLVE)
        return Verdict(Status.UNVERIFIED, f"{EQUATION_TO_SOLVE} ({', '.join(dropped)} = 0?)",
                       elapsed=time.perf_counter() - started)
    if diagnosis is None and outcome.suspect:
        return Verdict(Status.UNVERIFIED, outcome.suspect, elapsed=time.perf_counter() - started)
    unknown = _equation_for_unknown(comparator) if diagnosis is None and first and relation in EQUALITY else ""
    if unknown:
        # A(z) - 1 = 2zA(z) + z/(1-z): a generating function's equation, read off its recurrence and
        # solved on the next line, true for the one A that solves it (no small edit explains it)
        return Verdict(Status.UNVERIFIED, f"{unknown} on both sides of the first line: an equation to solve "
                       "for it, not an identity", elapsed=time.perf_counter() - started)
    if diagnosis is None and getattr(comparator, "stand_in", frozenset()):
        # decided in the reading whose shapes build the line before, as the default one cannot: the
        # shapes were guessed, and as for any step whose default reading cannot be built, only a
        # small edit that makes it hold makes it an error
        return Verdict(Status.UNVERIFIED, "differs with the shapes that build the line before "
                       f"({', '.join(comparator.guesses(comparator.stand_in)) or 'another reading'}); no small "
                       "edit explains it", elapsed=time.perf_counter() - started)
    if diagnosis is None and dropped and relation in EQUALITY:
        # y vanished and no small edit explains it: far more often a substitution from the prose
        # (y = x^{p/q} given above) than a typo
        return Verdict(Status.UNVERIFIED, f"the right side no longer mentions {', '.join(dropped)}: "
                       + SUBSTITUTED, elapsed=time.perf_counter() - started)
    simplex = holds_on_simplex(comparator) if relation in EQUALITY else ""
    if simplex:
        # 1 - \sum_k p_k^2 = \sum_k p_k(1 - p_k): true where the p_k are a distribution (or y a one-hot
        # vector), the convention of the course and never of the display
        return Verdict(Status.UNVERIFIED, SIMPLEX.format(simplex), elapsed=time.perf_counter() - started)
    if relation in EQUALITY and _holds_asymptotically(comparator):
        # \ln N! = N\ln N - N: Stirling's approximation, written with = as physics notes do
        return Verdict(Status.UNVERIFIED, ASYMPTOTIC, elapsed=time.perf_counter() - started)
    if _counts_with(parsed) and _holds_at_integers(comparator, strict=True):
        # i^{4k+1} = i, (-1)^{2n} = 1: true where n and k are the integers they conventionally are
        return Verdict(Status.UNVERIFIED, "holds where the letters are integers (n, k counting?)",
                       elapsed=time.perf_counter() - started)
    if _sign_sensitive(parsed) and (_holds_where_negative(comparator) or _holds_with_some_negative(comparator)):
        # |z| = -z, sqrt(t^2) = -t, sqrt(c^2 r^2) = -cr: true where (some of) the letters are negative,
        # which only the prose can say
        return Verdict(Status.UNVERIFIED, NEGATIVE_LETTERS, elapsed=time.perf_counter() - started)
    if decimal_tolerance(parsed.lhs, parsed.rhs) > TOLERANCE and not exact_decimals(parsed.lhs, parsed.rhs):
        # how the author rounds is a guess: undiagnosed, a rounding difference is only a warning
        # "decimals" on a step of whole numbers (137 \cdot 24 = 3278) sends the author looking for one
        written = "decimals" if any(isinstance(num, n.Num) and "." in num.value
                                    for side in (parsed.lhs, parsed.rhs) for num in side.walk()) else "numbers"
        guessed = (*guessed, f"written {written} rounded to their last digit")
    if radial is not None and radial.status is Status.REFUTED:
        # refuted with r the distance as well: a repair found with r constant would mend what the distance
        # does not need (x_i x_j r for x_i x_j / r)
        return Verdict(Status.REFUTED, "the two sides differ", radial.counterexample, (*guessed, *radial.guessed),
                       None, time.perf_counter() - started, where)
    return Verdict(Status.REFUTED, "the two sides differ", outcome.point, guessed, diagnosis,
                   time.perf_counter() - started, where)


def _with_summed_indices(lhs: str, rhs: str, relation: str, parsed: Parsed, outcome: Outcome,
                         **options) -> Verdict | None:
    """A step that writes an index twice and fails read without sums, decided with Einstein's convention:
    verified where it holds so and the step gives the convention away (a delta, an epsilon, a derivative
    by x_i summed, the index twice in every term), else left to the prose; refuted where it fails so as
    well and either read as written it differs too, or the step gives the convention away (\\delta_{ii} = 1,
    whose other reading is one entry of the identity). None: neither, the caller's verdict stands."""
    if any(item.kind == einstein_prose.WAIVED_KIND for item in options.get("context", ())):
        # "(no sum on i)" beside the step: the repeated index names one entry
        return None
    verdict = _check_read_step(lhs, rhs, relation, summed=True, **options)
    # the prose that puts the convention in force gives it away for every step of its passage
    away = einstein.gives_away(parsed.lhs, parsed.rhs) or (
        any(item.kind == einstein_prose.KIND for item in options.get("context", ()))
        and einstein_prose.indexes_tensors(parsed.lhs, parsed.rhs))
    if verdict.status is Status.VERIFIED:
        if away and _radial_refutes(lhs, rhs, relation, parsed, **options):
            # \partial(x_i/r)/\partial x_i = 3/r holds with r constant, not with r the distance |x|
            return Verdict(Status.UNVERIFIED, einstein.RADIAL_HOLDS, elapsed=verdict.elapsed)
        if away:
            return replace(verdict, guessed=(*verdict.guessed, einstein.GUESS))
        return Verdict(Status.UNVERIFIED, einstein.HOLDS_WITH_EINSTEIN, elapsed=verdict.elapsed)
    if verdict.status is Status.REFUTED and (away or outcome.kind == "differ"):
        # \sigma_{ij} n_j = \sigma_{ji} n_j: a stress tensor is symmetric, which the prose says if anything
        excuse = einstein.symmetry_excuse(parsed, relation, options["seed"])
        if excuse:
            return Verdict(Status.UNVERIFIED, excuse, elapsed=verdict.elapsed)
        radial = _with_radial_distance(lhs, rhs, relation, parsed, **options)
        if radial is not None:
            return radial
        return replace(verdict, guessed=(*verdict.guessed, einstein.GUESS))
    if away and verdict.status is Status.UNVERIFIED:
        # x_i \partial_i(1/r) with r a quantity of its own is opaque; as the distance |x| it is decided
        radial = _with_radial_distance(lhs, rhs, relation, parsed, **options)
        if radial is not None and radial.status is Status.VERIFIED:
            return radial
    return None


def _with_radial_distance(lhs: str, rhs: str, relation: str, parsed: Parsed, **options) -> Verdict | None:
    """A step that fails with r held constant decided once r is the distance |x| (see einstein.radial_texts):
    verified where it holds so (\\partial(x_i/r)/\\partial x_i = 2/r, \\partial_i r^2 = 2x_i: that r is what makes
    it hold), refuted where it fails so as well, unverified otherwise; None where it has no such r. A
    refutation names no repair: one found with r constant would mend what the distance does not need
    (x_i x_j r for x_i x_j / r), and one of the rewritten text would not be the author's."""
    texts = einstein.radial_texts(lhs, rhs, parsed.lhs, parsed.rhs)
    if texts is None:
        return None
    started = time.perf_counter()
    verdict = _check_read_step(*texts, relation, **{"summed": True, **options, "explain": False})
    if verdict.status is Status.VERIFIED:
        return replace(verdict, reason="", guessed=(*verdict.guessed, einstein.RADIAL_GUESS), counterexample=(),
                       diagnosis=None, definitions=())
    if verdict.status is Status.REFUTED:
        return replace(verdict, guessed=(*verdict.guessed, einstein.RADIAL_GUESS), diagnosis=None, definitions=())
    return Verdict(Status.UNVERIFIED, einstein.RADIAL_DIFFER, elapsed=time.perf_counter() - started)


def _holds_of_radial_distance(lhs: str, rhs: str, relation: str, parsed: Parsed, **options) -> bool:
    """Whether a step that holds with r held constant and no index summed is verified with r the distance
    |x| as well (see einstein.radial_texts): \\partial_i(x_j/r) = \\delta_{ij}/r + x_j\\partial_i(1/r) holds either way,
    \\partial_i(x_j/r) = \\delta_{ij}/r only with r constant."""
    texts = einstein.radial_texts(lhs, rhs, parsed.lhs, parsed.rhs)
    return texts is not None and _check_read_step(*texts, relation, summed=True, explain=False, **options).status \
        is Status.VERIFIED


def _radial_refutes(lhs: str, rhs: str, relation: str, parsed: Parsed, **options) -> bool:
    """Whether a step that holds with the convention and r held constant is refuted once r is the
    distance |x| (see einstein.radial_texts): which r is meant only the prose says."""
    texts = einstein.radial_texts(lhs, rhs, parsed.lhs, parsed.rhs)
    if texts is None:
        return False
    return _check_read_step(*texts, relation, summed=True, **options).status is Status.REFUTED


class AnyFunctionComparator:
    """A Comparator whose comparisons hold for any undefined function (applications as atoms)."""

    def __init__(self, inner: "Comparator"):
        self.inner = inner

    def compare(self, lhs: n.Node, rhs: n.Node, flips: frozenset = frozenset(), atoms: bool = True,
                equal_only: bool = False) -> Outcome:
        return self.inner.compare(lhs, rhs, flips, atoms=True, equal_only=equal_only)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _with_components(parsed: Parsed, relation: str, seed: int, key: str) -> Verdict | None:
    """The verdict on a step refuted with ``key``'s superscripts 0, 1.. read as powers, once they are
    read as a four-vector's components (see refusals.component_superscripts): verified where it holds
    so; unverified where the four-vector itself stands beside its components (A \\cdot A = (A^0)^2 -
    ..., whose truth is the metric's); None, to go on refuting, where it fails in both readings."""
    left, right = refusals.as_components(parsed.lhs, key), refusals.as_components(parsed.rhs, key)
    outcome, guessed = Comparator(reclassified(parsed, left, right), relation, seed).decide()
    if outcome.kind == "equal":
        return Verdict(Status.VERIFIED, outcome.reason, guessed=(*guessed, COMPONENTS_READ.format(key)))
    whole = any(isinstance(x, n.Sym) and x.key == key and "()" not in x.labels for t in (left, right) for x in t.walk())
    if outcome.kind == "differ" and not whole:
        return None
    return Verdict(Status.UNVERIFIED, COMPONENTS_BESIDE.format(key))


def _with_iterate_labels(parsed: Parsed, relation: str, seed: int, keys: frozenset[str]) -> Verdict | None:
    """The verdict on a step refuted with ``z^0`` read as the number 1, once the whole superscripts of
    ``keys`` are read as iterates' labels (see refusals.initial_iterates): verified where it holds
    so; unverified where a labelled iterate is then on one side only (``\frac{4 + z^0 + u^0}{2} =
    \frac{4 + 0 + 0}{2}``: the starting values the prose gives, put in); None, to go on refuting,
    where it fails in both readings with every iterate on both sides."""
    left, right = refusals.as_labels(parsed.lhs, keys), refusals.as_labels(parsed.rhs, keys)
    outcome, guessed = Comparator(reclassified(parsed, left, right), relation, seed).decide()
    names = ", ".join(key.split(':')[-1] for key in sorted(keys))
    if outcome.kind == "equal":
        return Verdict(Status.VERIFIED, outcome.reason, guessed=(*guessed, ITERATES_READ.format(names)))

    def labelled(tree: n.Node) -> set:
        return {n.structure(x) for x in tree.walk() if isinstance(x, n.Sym) and x.key in keys and x.labels}
    if outcome.kind == "differ" and labelled(left) == labelled(right):
        return None
    return Verdict(Status.UNVERIFIED, ITERATES_GIVEN.format(names))


#: how many distinct indicators a step may have for its conditions to be tried one at a time
CONDITIONS_TRIED = 4


def _differs_with_one_condition(parsed: Parsed, relation: str, seed: int) -> bool:
    """Whether a step with indicators read as unknown functions still differs with them 0 and 1: with
    one indicator's condition true and every other one's false, for some one of them (as labels
    y = +-1 make one of 1(y = 1), 1(y = -1) true at a time). A step true for the values 0 and 1 alone
    (1(A)^2 = 1(A)) does not, whatever edit makes it hold for every function."""
    def unknown(x: n.Node) -> bool:
        return n.is_indicator(x) and not exact_indicator(x, parsed.letters.index) and not real_indicator(x)
    conditions = list(dict.fromkeys(n.structure(x) for side in (parsed.lhs, parsed.rhs) for x in side.walk()
                                    if unknown(x)))
    if not conditions or len(conditions) > CONDITIONS_TRIED:
        return False
    for true in conditions:
        def valued(x: n.Node, true=true) -> n.Node | None:
            if not unknown(x):
                return None
            return n.Num(x.start, x.end, "1" if n.structure(x) == true else "0")
        try:
            step = reclassified(parsed, n.rebuild(parsed.lhs, valued), n.rebuild(parsed.rhs, valued))
            if Comparator(step, relation, seed).decide()[0].kind == "differ":
                return True
        except Exception:  # (a side that no longer reads: no counterexample)
            continue
    return False


def short_repair(comparator: "Comparator", parsed: Parsed, rhs: str, lhs: str, spent: float,
                 generators: tuple | None = None, max_seconds: float = GUARD_SECONDS) -> Diagnosis | None:
    """The short search for a small edit under which the step holds, where finding one is all that
    makes the step an error (see diagnose; ``generators`` narrows the kinds of edit); None when it
    finds none or the step's budget runs out: the step is then unverified."""
    try:
        return diagnose(comparator, parsed, rhs, lhs, spent=spent, max_seconds=max_seconds, generators=generators)
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
    if diagnosis is None or _restates(diagnosis.suggestion, lhs, parsed.lhs):
        # R_{xx}(\tau) = R_{xx}(-\tau): the only repair writes the line before again, a step no one writes;
        # the step states a property of the function (even, periodic), which only the prose can give
        return None
    return Verdict(Status.REFUTED, "the two sides differ", robust.point, (), diagnosis, elapsed, where)


def _restates(suggestion: str, lhs: str, tree: n.Node) -> bool:
    """Whether a suggested right side is the left side again, as written or as read."""
    if re.sub(r"\s+", "", suggestion) == re.sub(r"\s+", "", lhs):
        return True
    try:
        return n.structure(parse_math(suggestion)) == n.structure(tree)
    except (ParseFailure, RecursionError):
        return False


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
    written = comparator.own(reading)
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
    for flips in (frozenset([PROBABILITY]), frozenset([PROBABILITY, INDEPENDENT])):
        outcome = comparator.own(flips)
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


def explain_as_events(comparator: "Comparator", rhs: str, lhs: str, elapsed: float,
                      where: tuple[str, ...], spent: float = 0.0) -> Verdict | None:
    """A step of probabilities of events that fails in the generic space and in every space of what
    the prose may assume (the events independent, disjoint, nested, a partition), and that a small
    edit makes hold in every space (``1 + P(A)`` for ``1 - P(A)``), is a typo explained. What holds
    for disjoint events (``P(A \\cup B) = P(A) + P(B)``) or independent ones is never an error."""
    if EVENTS not in comparator.keys or event_excuse(comparator) is not None:
        return None
    outcome = comparator.own(frozenset([EVENTS]))
    # (the repair judged in the generic space of events only)
    return _repaired_in(comparator, frozenset([EVENTS]), outcome.point, rhs, lhs, elapsed, where, spent)


def apply_definitions(parsed: Parsed, definitions: list[Definition], first: bool,
                      macros: Mapping[str, Macro] | None = None,
                      seed: int = 0) -> tuple[Parsed, list[Definition], bool]:
    """Put definitions in where the step needs them: for names it cannot decide without them (a
    defined head, a name on one side only, an opaque derivative), and always for the library names
    the document redefines (its own sigma wins). Names the step can decide alone are left alone, so a
    letter reused on another slide does not drag an unrelated definition in."""
    if macros is not None:
        # \Gamma(z) = \int_0^\infty t^{z-1}e^{-t}\,dt: the document states the library's own function, whose
        # body put in only makes every step slower (a quadrature per gamma, nested in Beta integrals)
        definitions = [d for d in definitions if not _restates_library(d, macros, seed)]
    if not definitions:
        return parsed, [], False
    defined = {d.head.base for d in definitions}
    wanted = {d.head.base for d in definitions if d.head.key in LIBRARY}
    gap = gap_names(parsed, first)
    wanted |= gap & defined
    # u^2 = a^2 + 2ab + b^2 below u \equiv a + b: the names the step introduces are those of the definition
    # of a name it writes, which it has put in
    written = {x.base for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)}
    wanted |= {d.head.base for d in definitions if d.head.base in written
               and gap & {x.base for x in d.body.walk() if isinstance(x, n.Sym)} - {d.head.base}}
    functions = {d.head.base for d in definitions if d.function}
    for tree in (parsed.lhs, parsed.rhs):
        for node in tree.walk():
            if isinstance(node, (n.Deriv, n.Del)) and isinstance(node.body, n.Sym) and node.body.base in defined:
                wanted.add(node.body.base)
            # g'(t) = 2g(t), \frac{d}{dx}\phi(x) = \phi(x)(1 - \phi(x)): a defined function's derivative
            # is related to the function only by its definition, whichever sides it stands on
            applied = node.body if isinstance(node, (n.Deriv, n.Del)) else node
            if isinstance(applied, n.Apply) and applied.func.base in functions \
                    and (applied.primes or applied is not node):
                wanted.add(applied.func.base)
            # \partial \ln Y / \partial \ln K, d \ln Y / dt: the log of a letter differentiated asks for its value
            logged = log_of_letter(node.body) if isinstance(node, (n.Deriv, n.DerivBy)) else None
            if logged is not None and logged.base in defined:
                wanted.add(logged.base)
    # 1 - \phi(x) = \phi(-x): a defined function applied at points the other side does not apply it at
    # relates them only through its definition (the same applications on both sides need none)
    left, right = _applications(parsed.lhs, functions), _applications(parsed.rhs, functions)
    wanted |= {base for base, _ in left ^ right}
    if not wanted:
        return parsed, [], False
    lhs, used_l = substitute(parsed.lhs, definitions, wanted)
    rhs, used_r = substitute(parsed.rhs, definitions, wanted)
    if not used_l and not used_r:
        return parsed, [], False
    return reclassified(parsed, lhs, rhs), used_l + used_r, bool(used_r)


def _gives_defined_name_anew(rhs: str, macros: Mapping[str, Macro], used: list[Definition]) -> str:
    """The name, as written, when the right side of a chain's head is nothing but a name (``\\Omega``, ``H(z)``)
    that one of the definitions ``used`` gives a value: such a head reads as that name's definition the
    other way round. "" otherwise (also where the side does not parse)."""
    try:
        tree = parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    while isinstance(tree, n.Paren):
        tree = tree.inner
    head = tree.func if isinstance(tree, n.Apply) else tree
    if not isinstance(head, n.Sym) or not any(d.head.base == head.base for d in used):
        return ""
    if isinstance(tree, n.Apply) and not all(isinstance(a, n.Sym) for a in tree.args):
        return ""  # z(t^2) below z(t) = e^{-4t}: the function at another point, a claim about its values
    return " ".join(rhs.split())


def _applications(tree: n.Node, functions: set[str]) -> set[tuple[str, str]]:
    """The applications of ``functions`` in ``tree``, each as its name and its arguments' tree."""
    return {(x.func.base, "|".join(value_key(a) for a in x.args) + "'" * x.primes)
            for x in tree.walk() if isinstance(x, n.Apply) and x.func.base in functions}


def _restates_library(definition: Definition, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a definition of a library name (``\\Gamma``, ``\\sigma``) holds with that name read as the
    library's function, so that the document's meaning and the checker's agree."""
    if definition.head.key not in LIBRARY or not definition.function or definition.head.indices:
        return False
    item = definition.item
    return _library_agrees(item.lhs, item.rhs, tuple(sorted(macros.items())), seed)


@functools.lru_cache(maxsize=256)
def _library_agrees(lhs: str, rhs: str, macros: tuple, seed: int) -> bool:
    try:
        parsed = parse_step(lhs, rhs, dict(macros))
        outcome, _ = Comparator(parsed, "=", seed, ()).decide()
    except (ParseFailure, RecursionError):
        return False
    return outcome.kind == "equal"


def assumptions(context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...]:
    # (money.KIND: the rates the prose states, which the comparison holds exact: see Comparator.rates)
    return tuple(c for c in context if c.kind in ("assume", SAMPLED_VALUES, money.KIND))


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


def _left_ignores(comparator, parsed: Parsed, name: str) -> bool:
    """Whether the left side does not depend on the letters read ``name`` that the right side lost: all of
    them, or those alone where others of that name stay (the \\dot\\theta a derivative by \\dot\\phi takes
    away, beside the \\theta it keeps)."""
    if comparator.left_ignores(name):
        return True
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    lost = frozenset(k for k, shown in left.items() if shown == name and k not in right and not k.endswith("()"))
    written = {x.key for x in parsed.lhs.walk() if isinstance(x, n.Sym) and x.base == name}
    return bool(lost) and lost != written and comparator.left_ignores(name, lost)


def dropped_variables(parsed: Parsed) -> list[str]:
    left, right = names(parsed.lhs, parsed.letters), names(parsed.rhs, parsed.letters)
    # a unit the left side cancels (a mass in u times MeV/u) is no letter put in from elsewhere
    units = {x.key for x in parsed.lhs.walk() if isinstance(x, n.Sym) and x.style == "unit"}
    dropped = {left[k] for k in left if k not in right and not k.endswith("()") and k not in units}
    return sorted(dropped | _dropped_indexed(parsed) | _dropped_labelled(parsed))


def _dropped_labelled(parsed: Parsed) -> set[str]:
    """Members of a family written on the left with a subscript letter that nothing else in the step
    uses (\\omega_d beside \\omega_n, the damped and the natural frequency) and whose own subscript the
    right side never writes, while it still writes the family: the lowering reads \\omega_d and
    \\omega_n as two entries of one sequence, so names() sees nothing lost, but a subscript that no sum
    or other term shares is a label, and the member replaced by its value from the prose
    (\\omega_d = \\omega_n\\sqrt{1 - \\zeta^2}) is a substitution, not a typo."""
    letters = parsed.letters
    if not letters.index:
        return set()  # cheap gate: no letter subscripts anywhere
    skip = n.non_quantities(parsed.lhs)
    every = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)]
    sums = [node for side in (parsed.lhs, parsed.rhs) for node in side.walk() if isinstance(node, n.BigOp)]
    bound = {v for node in sums for v in (node.var, *node.extra_vars)}
    # a member inside a sum is a term of it, whatever its subscript: only one outside every sum is a label
    skip = skip | {id(x) for node in sums for x in node.body.walk()}
    right = [x for x in parsed.rhs.walk() if isinstance(x, n.Sym)]
    out = set()
    for node in parsed.lhs.walk():
        if not isinstance(node, n.Sym) or id(node) in skip or not node.indices or node.base in bound \
                or node.key in letters.entries:
            continue
        if not all(isinstance(i, n.Sym) and not i.indices and i.base in letters.index and i.base not in bound
                   for i in node.indices):
            continue
        written = tuple(_item_text(i) for i in node.indices)
        members = [x for x in every if x.key == node.key and x.indices
                   and tuple(_item_text(i) for i in x.indices) == written]
        member_ids = {id(i) for x in members for i in x.indices}
        if any(x.base == i.base for i in node.indices for x in every if id(x) not in member_ids):
            continue  # the letter is used elsewhere: a running index (x_k beside k), not a label
        family = [x for x in right if x.key == node.key and x.indices]
        if family and not any(tuple(_item_text(i) for i in x.indices) == written for x in family):
            out.add(node.key + "_" + ",".join(written))
    return out


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
    # (x^{(i)}, a sample's entry, is lowered under a name of its own, as a function is)
    if any(key.endswith(("()", SAMPLE_LABEL)) or key.startswith("#") for key, base in keys.items() if base in bases):
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
    # X|0> = ... = Z H|1>: a gate is a constant of the reading that reads the step (and verifies only)
    gates = quantum.gate_bases(parsed.lhs, parsed.rhs) if quantum.reads_gates(
        parsed.letters.kets, parsed.lhs, parsed.rhs) else set()
    if first:
        head = _head_name(parsed.lhs, parsed.letters)
        # \mathrm{CNOT}(|1> \otimes |->) opening a chain applies the gate to a state: no function defined
        if head is not None and head not in right and _head_base(parsed.lhs) not in gates:
            return f"needs the definition of {head.rstrip('()').split(':')[-1]}"  # op:sinc is sinc to the reader
    shifted = _shifted_indices(parsed.lhs, parsed.rhs)
    if shifted and not _shifted_indices(parsed.lhs, parsed.rhs, _alive_members(parsed)):
        # r_t + \gamma V(s_{t+1}) - V(s_t) + \gamma(r_{t+1} - V(s_{t+1})): the shifted member cancels within
        # its side, and what is left relates the same members on both sides, as any identity does
        shifted = ""
    if shifted:
        return f"a recurrence ({shifted}): the sequence is defined by it, not an identity"
    law = _family_law(parsed.lhs, parsed.rhs)
    if law:
        return (f"relates {law}: members of one family at different arguments, which only the family's "
                "law (rotations composing, a semigroup) relates, not an identity")
    relabelled = _relabelled_indices(parsed.lhs, parsed.rhs)
    if relabelled:
        return (f"relates {relabelled}: one quantity under two labels (two states, two bodies), "
                "a law or a condition, not an identity")
    rotated = _primed_frame(parsed.lhs, parsed.rhs)
    if rotated:
        return (f"relates {rotated}: components in a rotated frame and in the original, which a "
                "transformation the step does not write relates")
    entry = _indexed_head_absent(parsed) if first else None
    if entry is not None:
        return f"needs the definition of {entry}"
    covered = letter_indexed(parsed.lhs, parsed.letters)
    if _has_antiderivative(parsed.lhs) or _has_antiderivative(parsed.rhs):
        covered |= {"C", "c", "K"}  # the constant of integration
    # in the reading of stacked data (see stacked.py), X is the matrix of the x_i the step sums over
    stacked_keys = {s.key for s in parsed.letters.stacked}
    new = [right[k] for k in right if k not in left and k.split("[")[0] not in covered and right[k] not in gates
           and k not in stacked_keys]
    if new:
        return "introduces " + ", ".join(sorted(set(new))) + ", defined elsewhere"
    sibling = _subscripted_sibling(parsed)
    if sibling is not None:
        return f"introduces {sibling}, defined elsewhere"
    lost_functions = [left[k] for k in left if k.endswith("()") and k not in right
                      and not _maybe_products(parsed, k[:-2]) and left[k] not in gates
                      and not _differentiated_away(parsed.lhs, k[:-2])]
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
    # the variable of a definite integral is no quantity of the side: \omega beside the cutoff \omega_D of
    # \int_0^{\omega_D} \omega^2\,d\omega is not the bare quantity that \omega_D would be a sibling of
    integrated = {node.var.key for node in tree.walk() if isinstance(node, n.Integral) and node.lo is not None
                  and isinstance(node.var, n.Sym) and not node.var.indices}
    # so is the variable of an evaluation bar, F(u)|_{u_{\min}}^{u_{\max}}, named or written in its bounds
    for bar in (x for x in tree.walk() if isinstance(x, n.EvalBar)):
        if bar.var is not None:
            integrated.add(bar.var.key)
        else:
            integrated |= {replace(b, indices=(), labels=()).key for b in (bar.lo, bar.hi)
                           if isinstance(b, n.Sym) and (b.indices or b.labels)}
    bare, lettered = set(), set()
    for node in tree.walk():
        if not isinstance(node, n.Sym) or node.labels or node.sup_letter is not None:
            continue
        if not node.indices:
            if node.key not in integrated:
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


#: the gaps a one-name edit may close: a letter the line writes anew, or a function of the line before it lost
_RENAMABLE_GAPS = ("introduces ", "drops the function ")


def _renamed_name(comparator: "Comparator", parsed: Parsed, reason: str, gap: set[str], rhs: str, lhs: str,
                  macros: Mapping[str, Macro], context: tuple[ContextItem, ...], started: float) -> Verdict | None:
    """A refutation of a step left to its context (a name it introduces or a function it drops) where the
    name is the slip: one name written for another, after which the step holds whatever its letters are
    and no longer needs anything from elsewhere. A substitution from the prose (u for x^2) is no renaming
    of one letter, so no such edit makes it an identity; a name the document gives a value (``y = x``)
    is left to that value. None where the gap stays open."""
    if not reason.startswith(_RENAMABLE_GAPS):
        return None
    bases = {_gap_letter(name) for name in gap}
    if any(item.name in bases or any(_mentions_name(item.lhs, base) for base in bases | set(gap)) for item in context
           if item.kind != "assume"):
        return None
    # what can repair it, told from the text before any comparison (most steps that introduce a name are
    # substitutions, and a search on each would cost the corpus a fifth of its time): a renamed letter is
    # written again in the step (the check below), a swapped function needs a function on the line
    generators: tuple = ()
    if all(_mentions_name(lhs, base) or _mentions_count(rhs, base) >= 2 for base in bases):
        generators += (changed_variables, changed_dots)
    if any(isinstance(x, n.Func) for x in parsed.rhs.walk()):
        generators += (wrong_functions,)
    if not generators:
        return None
    outcome, _ = comparator.decide()
    if outcome.kind != "differ" or outcome.suspect or outcome.opaque:
        return None
    try:
        diagnosis = diagnose(comparator, parsed, rhs, lhs, max_seconds=GUARD_SECONDS, generators=generators)
    except BudgetExceeded:
        return None
    if diagnosis is None or diagnosis.kind not in ("changed_variable", "wrong_function"):
        return None
    try:
        repaired = parse_step(lhs, diagnosis.suggestion, macros)
    except (ParseFailure, RecursionError):
        return None
    elsewhere = rhs[: diagnosis.start] + " " * (diagnosis.end - diagnosis.start) + rhs[diagnosis.end :]
    if diagnosis.kind == "changed_variable" and not all(_mentions_name(lhs, base) or _mentions_name(elsewhere, base)
                                                         for base in bases):
        # a letter written nowhere else in the step (M for the second particle's mass) may be a name the
        # prose gives in words; a slip writes a letter in view (the index k for x, y beside \Delta y)
        return None
    restored = names(repaired.rhs, repaired.letters)
    restored = {restored[k] for k in restored.keys() - names(parsed.rhs, parsed.letters).keys()}
    if diagnosis.kind == "changed_variable" and not all(_mentions_name(elsewhere, _gap_letter(base))
                                                         for base in restored) \
            and not _index_outside_its_sum(parsed, rhs[diagnosis.start : diagnosis.end]):
        # x(t) = vt = vT: the line writes T wherever the line before wrote t, an evaluation at a point
        # the prose names (or a relabelling), not a letter mistyped beside its own other mentions
        return None
    after = gap_names(repaired, False)
    # the edit closed the gap (the new letter was the typo), or left every name of it in place and the
    # step holds whatever they are (a function swapped beside them): not a value of the name put in
    if after and (after != gap or diagnosis.kind != "wrong_function"):
        return None
    if context_gap(repaired, False) and after != gap:
        return None
    return Verdict(Status.REFUTED, "the two sides differ", outcome.point, (), diagnosis,
                   time.perf_counter() - started)


def _gap_letter(name: str) -> str:
    """The letter a name of a gap is written with: f for ``f()``, k for the width ``\\Delta k``."""
    return name.rstrip("()").split(":")[-1].split(" ")[-1]


def _index_outside_its_sum(parsed: Parsed, written: str) -> bool:
    """Whether the letter ``written`` is the variable of a sum or product on the right side that the left
    side does not write free: put outside that sum, (\\Delta k)^2 \\sum_k ..., it names no point the
    prose could give (an author's new point gets a letter of its own), so it is a slip of a letter."""
    letter = _gap_letter(written.strip())
    return any(isinstance(x, n.BigOp) and letter in (x.var, *x.extra_vars) for x in parsed.rhs.walk()) \
        and letter not in {_gap_letter(name) for name in names(parsed.lhs, parsed.letters).values()}


def _name_pattern(base: str) -> re.Pattern:
    """``base`` written as a name of its own (x in ``x_1 = 2``, not in ``\\exp``)."""
    if base.startswith("\\"):
        return re.compile(re.escape(base) + r"(?![A-Za-z])")
    return re.compile(r"(?<![\\A-Za-z])" + re.escape(base) + r"(?![A-Za-z])")


def _mentions_count(text: str, base: str) -> int:
    """How many times ``text`` writes ``base`` as a name of its own."""
    return len(_name_pattern(base).findall(text))


def _mentions_name(text: str, base: str) -> bool:
    """Whether ``text`` writes ``base`` as a name of its own."""
    return _name_pattern(base).search(text) is not None


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


def _orthogonality_stated(context: tuple[ContextItem, ...]) -> bool:
    """Whether the prose in force says some vectors are orthogonal (see orthogonality.py)."""
    return any(item.kind == orthogonality.KIND for item in context)


def _vector_hypothesis(parsed: Parsed, comparator: "Comparator", stated: bool = False) -> str:
    """Why a differing step may rest on what the prose says of its vectors, or "": the cross products
    of one basis (e_2 \\times e_3 = e_1 by its orientation, not by any algebra of generic vectors),
    or an inner product, v^T v or a norm that, read as 0 (orthogonal) or 1 (unit), makes the sides
    equal: ``\\|u\\|^2 + 2<u, v> + \\|v\\|^2 = \\|u\\|^2 + \\|v\\|^2`` for u \\perp v. ``stated``: the prose says
    some vectors are orthogonal, without which a sum of products over an index is no inner product and no
    leg of a right angle is moved across (see orthogonality.py)."""
    trees = (parsed.lhs, parsed.rhs)
    if any(refusals.basis_cross(x) for t in trees for x in t.walk()):
        return "a cross product of basis vectors (e_i \\times e_j), which the basis's orientation decides"
    # a whole side that is one inner product (<v_2, v_1> = 1 + 0 + 0) is worked out from entries
    # given elsewhere, not simplified by a hypothesis: the substitution checks below say so
    if _holds_for_orthonormal_columns(parsed, comparator):
        return ("holds for a matrix with orthonormal columns (M^T M taken as the identity), "
                "which the prose would say")
    structure = _matrix_structure_hypothesis(parsed, comparator) or _hat_map_hypothesis(parsed, comparator) \
        or _unit_axis_hypothesis(parsed, comparator) or _layout_hypothesis(parsed, comparator)
    if structure:
        return structure
    pythagoras = _pythagoras_hypothesis(parsed, comparator, stated) \
        or (_summed_pythagoras_hypothesis(parsed, comparator) if stated else "")
    if pythagoras:
        return pythagoras
    sites = [x for x in parsed.lhs.walk()
             if x is not parsed.lhs and (isinstance(x, (n.Inner, n.Norm)) or refusals.quadratic_pair(x)
                                         or refusals.dotted_pair(x) or stated and refusals.summed_pair(x))]
    if not sites:
        return ""  # cheap gate: no inner product, norm or v^T v inside the left side
    # an inner product is dropped as 0 only as a term of a sum (2<u, v> in the expansion of a
    # square), not inside a power or a function of it
    summands = {id(refusals.uncoefficient(t.node)) for x in parsed.lhs.walk() if isinstance(x, n.Add) for t in x.terms}
    # a bracketed inner product as a factor of a term, \mathbf{1}(\mathbf{1}^T x) in a projection,
    # zeroes that whole term as well when its vectors are orthogonal
    summands |= {id(f.inner) for x in parsed.lhs.walk() if isinstance(x, n.Add) for t in x.terms
                 if isinstance(t.node, n.Mul) for f in t.node.factors if isinstance(f, n.Paren)}
    # and so does one in the numerator of a term, or one a vector scales: \frac{2v(v^T w)}{v^T v} in a
    # reflector applied to w, v\frac{2v^T w}{v^T v}
    summands |= {id(f) for x in parsed.lhs.walk() if isinstance(x, n.Add) for t in x.terms
                 for f in _product_factors(t.node)}
    deadline = work_time() + GUARD_SECONDS  # as the short search: refuted-or-unverified only
    for site in sites[:MAX_HYPOTHESIS_SITES]:
        if work_time() > deadline:
            return ""  # the refutation stands, as when the short search runs out
        # orthogonality is said of two vectors, a unit length of one: y^T y = 0 is no hypothesis
        values = ("0", "1") if refusals.two_vectors(site) else ("1",)
        if id(site) not in summands:
            values = values[1:] if values[0] == "0" else values  # 0 only drops a whole term
        if refusals.dotted_pair(site) and values[:1] == ("0",) and _dotted_on(parsed.rhs, site):
            values = values[1:]  # a step that keeps u . v on its right side does not take it as 0
        if isinstance(site, n.Mul) and isinstance(site.factors[-2], n.Sym) and values[:1] == ("0",) \
                and not refusals.dotted_pair(site):
            values = ()  # f'g is as often a derivative times a function: only v'v (unit) is read
        if refusals.summed_pair(site):
            values = values[:1] if values[:1] == ("0",) else ()  # a sum of products is no length: 0 only
        if isinstance(site, n.Mul) and len(site.factors) > 2:
            values = values[:1] if values[0] == "0" else ()  # 2u^T w as a term: only orthogonality drops it
        for value in values:
            number = n.Num(site.start, site.end, value)
            # orthogonality zeroes every term that pairs the two vectors, <x, x'> and <x', x> alike
            pair = refusals.vector_pair(site) if value == "0" else None
            zeroed = {id(x) for x in sites if id(x) in summands and refusals.vector_pair(x) == pair} | {id(site)}
            lhs = n.rebuild(parsed.lhs, lambda x, zeroed=zeroed, number=number: number if id(x) in zeroed else None)
            for flips in comparator.readings():
                try:
                    outcome = comparator.compare(lhs, parsed.rhs, flips, equal_only=True)
                except Exception:  # a side that cannot be built with the number is no explanation
                    continue
                if outcome.kind == "equal":
                    meaning = "orthogonal vectors" if value == "0" else "unit vectors"
                    return f"holds for {meaning} (an inner product or norm taken as {value}), which the prose would say"
    return ""


MAX_PYTHAGORAS_PAIRS = 6  # pairs of vectors tried as orthogonal, on a step about to be refuted only


def _squared_norm_vectors(tree: n.Node) -> list[n.Node]:
    """The vectors whose squared length ``tree`` writes (``\\|u + v\\|^2``, ``\\langle u + v, u + v\\rangle``),
    and the two terms of each one that is a sum or difference of two vectors: the candidates of an
    orthogonal split."""
    out: list[n.Node] = []
    for x in tree.walk():
        if isinstance(x, n.Inner) and n.structure(x.left) == n.structure(x.right):
            # <x + x', x + x'>: the squared length written as an inner product of a vector with itself
            vector = x.left.inner if isinstance(x.left, n.Paren) else x.left
            out.append(vector)
            if isinstance(vector, n.Add) and len(vector.terms) == 2:
                out.extend(t.node for t in vector.terms)
            continue
        norm = x.base if isinstance(x, n.Pow) and isinstance(x.base, n.Norm) else x
        squared = (isinstance(x, n.Pow) and isinstance(x.exp, n.Num) and x.exp.value == "2") \
            or (isinstance(norm, n.Norm) and isinstance(norm.power, n.Num) and norm.power.value == "2")
        if not (isinstance(norm, n.Norm) and norm.kind in ("2", "l2") and squared):
            continue
        vector = norm.inner.inner if isinstance(norm.inner, n.Paren) else norm.inner
        out.append(vector)
        if isinstance(vector, n.Add) and len(vector.terms) == 2:
            out.extend(t.node for t in vector.terms)
    return out


def _added_squared_lengths(side: n.Node) -> list[n.Node]:
    """The vectors whose squared lengths are added terms of ``side`` (each with a plus sign, or the whole
    side): u and v of ``\\|u\\|^2 + \\|v\\|^2 + c``."""
    terms = [t.node for t in side.terms if t.sign == "+"] if isinstance(side, n.Add) else [side]
    return [v for t in terms for v in _squared_norm_vectors(t)[:1]]


def _residual_legs(a: n.Node, b: n.Node, signed: set) -> bool:
    """Whether ``a`` and ``b`` are the legs of a right angle the step writes with one of them moved across,
    as a fit's ``\\|y - \\hat y\\|^2 = \\|y\\|^2 - \\|\\hat y\\|^2``: their squared lengths have one sign in
    lhs - rhs, the hypotenuse's the other, and one leg is written as the hypotenuse less the other leg (what
    is left of a vector after its projection). ``\\|u + v\\|^2 = \\|u\\|^2 - \\|v\\|^2``, whose legs would be u + v
    and v, is no such step: the slip of a sign stays refuted."""
    keys = (n.structure(refusals.uncoefficient(a)), n.structure(refusals.uncoefficient(b)))
    for sign in "+-":
        if not {(keys[0], sign), (keys[1], sign)} <= signed:
            continue
        other = "-" if sign == "+" else "+"
        for leg, rest in ((a, keys[1]), (b, keys[0])):
            leg = leg.inner if isinstance(leg, n.Paren) else leg
            if isinstance(leg, n.Add) and len(leg.terms) == 2 and leg.terms[0].sign == "+" \
                    and leg.terms[1].sign == "-" and n.structure(leg.terms[1].node) == rest \
                    and (n.structure(leg.terms[0].node), other) in signed:
                return True
    return False


def _signed_squared_lengths(side: n.Node, flip: bool = False) -> list[tuple[object, str]]:
    """The vectors whose squared lengths are terms of ``side``, as structures with the sign of their term
    (flipped for the right side, so that both sides' terms are read in lhs - rhs): u, v and w of
    ``\\|u\\|^2 + \\|v\\|^2 - \\|w\\|^2``."""
    terms = [(t.node, t.sign) for t in side.terms] if isinstance(side, n.Add) else [(side, "+")]
    out = []
    for term, sign in terms:
        if flip:
            sign = "-" if sign == "+" else "+"
        out += [(n.structure(refusals.uncoefficient(v)), sign) for v in _squared_norm_vectors(term)[:1]]
    return out


def _pythagoras_hypothesis(parsed: Parsed, comparator: "Comparator", stated: bool = False) -> str:
    """Why a step between squared lengths may rest on an orthogonality the prose states, or "": its sides
    differ by exactly twice the inner product of two vectors whose squared lengths (or whose sum's) it
    writes, as Pythagoras' ``\\|u + v\\|^2 = \\|u\\|^2 + \\|v\\|^2`` does for u \\perp v, and a least-squares fit's
    ``\\|y\\|^2 = \\|\\hat y\\|^2 + \\|y - \\hat y\\|^2`` for a residual orthogonal to the fit. Only where the prose
    states an orthogonality (``stated``): without it the same step is the classic slip of a square
    expanded without its cross term."""
    if not stated:
        return ""
    vectors: list[n.Node] = []
    seen: set = set()
    for v in _squared_norm_vectors(parsed.lhs) + _squared_norm_vectors(parsed.rhs):
        key = n.structure(v)
        if key not in seen and not n.letter_free(v):
            seen.add(key)
            vectors.append(v)
    # the lengths of the two parts are added on one side (\\|u\\|^2 + \\|v\\|^2), never subtracted, or one is the
    # residual moved across (see _residual_legs), and the step writes no inner product of them: one it
    # writes is no hypothesis but a term (see the sites below)
    added = {n.structure(v) for side in (parsed.lhs, parsed.rhs) for v in _added_squared_lengths(side)}
    signed = set(_signed_squared_lengths(parsed.lhs)) | set(_signed_squared_lengths(parsed.rhs, flip=True))
    written = {refusals.vector_pair(x) for side in (parsed.lhs, parsed.rhs) for x in side.walk()
               if isinstance(x, n.Inner) or refusals.quadratic_pair(x) or refusals.dotted_pair(x)} - {None}
    pairs = [(a, b) for k, a in enumerate(vectors) for b in vectors[k + 1:]
             if ({n.structure(refusals.uncoefficient(a)), n.structure(refusals.uncoefficient(b))} <= added
                 or stated and _residual_legs(a, b, signed))
             and frozenset((n.structure(a), n.structure(b))) not in written][:MAX_PYTHAGORAS_PAIRS]
    if not pairs:
        return ""
    deadline = work_time() + GUARD_SECONDS  # as the short search: refuted-or-unverified only
    for a, b in pairs:
        for sign in ("+", "-"):
            if work_time() > deadline:
                return ""
            at = parsed.rhs
            cross = n.Mul(at.start, at.end, (n.Num(at.start, at.end, "2"), n.Inner(at.start, at.end, a, b)))
            if _holds_with_term(comparator, parsed.lhs, parsed.rhs, sign, cross, deadline):
                return ("holds for orthogonal vectors (the sides differ by twice an inner product of two "
                        "vectors whose lengths it writes), which the prose would say")
    return ""


def _holds_with_term(comparator: "Comparator", lhs: n.Node, rhs: n.Node, sign: str, term: n.Node,
                     deadline: float) -> bool:
    """Whether ``lhs`` equals ``rhs`` with ``term`` added (``sign`` "+" or "-") in some reading: the test of the
    orthogonality hypotheses, whose cross term the prose's orthogonality makes 0. A side that cannot be
    built with the term is no explanation."""
    widened = n.Add(rhs.start, rhs.end, (n.Term(rhs.start, rhs.end, "+", n.Paren(rhs.start, rhs.end, rhs)),
                                         n.Term(rhs.start, rhs.end, sign, term)))
    for flips in comparator.readings():
        if work_time() > deadline:
            return False
        try:
            outcome = comparator.compare(lhs, widened, flips, equal_only=True)
        except Exception:
            continue
        if outcome.kind == "equal":
            return True
    return False


def _summed_squares(side: n.Node) -> list[tuple[n.BigOp, n.Node]]:
    """The plain sums of squares added as terms of ``side`` (each with a plus sign, or the whole side), with
    what each squares: ``(\\sum_i (a_i + b_i)^2, a_i + b_i)`` of ``\\sum_i (a_i + b_i)^2 + c``."""
    terms = [t.node for t in side.terms if t.sign == "+"] if isinstance(side, n.Add) else [side]
    out = []
    for t in terms:
        if isinstance(t, n.BigOp) and t.kind == "sum" and not t.exclude and not t.extra_vars and not t.values \
                and isinstance(t.body, n.Pow) and isinstance(t.body.exp, n.Num) and t.body.exp.value == "2":
            base = t.body.base
            out.append((t, base.inner if isinstance(base, n.Paren) else base))
    return out


def _summed_pythagoras_hypothesis(parsed: Parsed, comparator: "Comparator") -> str:
    """Pythagoras written entry by entry, under prose that states an orthogonality (the caller's gate):
    ``\\sum_i (a_i + b_i)^2 = \\sum_i a_i^2 + \\sum_i b_i^2`` for a \\perp b, the sides differing by exactly
    2\\sum_i a_i b_i over the same index and range. Only the two terms of a square one side writes whose own
    squares the other side adds over that sum: a cross term of other entries is no inner product the prose
    speaks of, and the step stays refuted."""
    deadline = work_time() + GUARD_SECONDS
    for whole, other in ((parsed.lhs, parsed.rhs), (parsed.rhs, parsed.lhs)):
        parts = {(t.var, n.structure(t.lo) if t.lo is not None else None,
                  n.structure(t.hi) if t.hi is not None else None, n.structure(v)) for t, v in _summed_squares(other)}
        for total, vector in _summed_squares(whole):
            if not (isinstance(vector, n.Add) and len(vector.terms) == 2):
                continue
            a, b = (t.node for t in vector.terms)
            span = (total.var, n.structure(total.lo) if total.lo is not None else None,
                    n.structure(total.hi) if total.hi is not None else None)
            if not {span + (n.structure(a),), span + (n.structure(b),)} <= parts:
                continue
            sign = vector.terms[1].sign
            at = total
            cross = n.Mul(at.start, at.end, (n.Num(at.start, at.end, "2"), replace(
                total, body=n.Mul(at.start, at.end, (n.Paren(a.start, a.end, a), n.Paren(b.start, b.end, b)),
                                  False, ("",)))), False, ("",))
            if _holds_with_term(comparator, whole, other, sign, cross, deadline):
                return ("holds for orthogonal vectors (the sides differ by twice the sum of the products of "
                        "two vectors' entries, which the prose says are orthogonal)")
    return ""


def _dotted_on(tree: n.Node, site: n.Mul) -> bool:
    """Whether ``tree`` writes the dot product of ``site``'s two vectors, in either order."""
    pair = {n.structure(site.factors[0]), n.structure(site.factors[1])}
    return any(refusals.dotted_pair(x) and {n.structure(x.factors[0]), n.structure(x.factors[1])} == pair
               for x in tree.walk())


def _product_factors(node: n.Node) -> list[n.Node]:
    """The nodes that multiply ``node`` as a whole: its factors, through brackets, numerators and an
    application that may be a product (v(v^T w)), so that one of them being 0 makes ``node`` 0."""
    out, todo = [], [node]
    while todo:
        x = todo.pop()
        out.append(x)
        if isinstance(x, n.Mul) and all(op in ("", "\\cdot") for op in x.ops):  # (\times: a cross product?)
            todo.extend(x.factors)
        elif isinstance(x, n.Div):
            todo.append(x.num)
        elif isinstance(x, n.Paren):
            todo.append(x.inner)
        elif isinstance(x, n.Apply) and x.maybe_product and len(x.args) == 1:
            todo.extend((x.func, x.args[0]))
    return out


def _matrix_structure_hypothesis(parsed: Parsed, comparator: "Comparator") -> str:
    """Why a differing step may rest on what the prose says of a square matrix's structure, or "": a
    matrix the step transposes taken orthogonal (an eigenvector matrix, K = U\\Lambda U^T, whose
    (U\\Lambda U^T)^{-1} = U\\Lambda^{-1}U^T), or one whose diagonal entries it writes taken lower
    triangular (a Cholesky factor, \\det L = \\prod_i L_{ii}). Random entries have neither structure,
    which the prose gives such letters by its word; the reading only keeps a step from being refuted."""
    letters = parsed.letters
    square = letters.matrices - letters.tall - letters.wide
    trees = (parsed.lhs, parsed.rhs)
    transposed = sorted({x.inner.key for t in trees for x in t.walk()
                         if isinstance(x, n.Transpose) and isinstance(x.inner, n.Sym)} & square)
    diagonal = sorted({target for _, target in letters.entries} & square)
    # X^T X = X X^T about one matrix alone states a property of it (normal, orthogonal), which a
    # hypothesis would only restate: orthogonality explains a step about other arrays beside it
    if not (letters.matrices | letters.vectors) - set(transposed) - {key for key in letters.matrices
                                                                      if key.split(":")[-1] == "I"}:
        transposed = []
    # a matrix beside a cross product of vectors, (R a) x (R b) = R(a x b), is as often a rotation (of
    # a camera, a rigid body), which the prose names so; the sampled orthogonal matrices are rotations
    kind = "orthogonal (M^T M = I)"
    if letters.vectors and any(isinstance(x, n.Mul) and "\\times" in x.ops for t in trees for x in t.walk()):
        transposed = sorted(set(transposed) | {key for key in square if key.split(":")[-1] != "I"})
        kind = "a rotation (M^T M = I, det M = 1)"
    hypotheses = [(frozenset({(ORTHOGONAL_MATRIX, key)}), key, kind) for key in transposed]
    if len(transposed) > 1:  # U\Sigma V^T of an SVD: both factors at once
        hypotheses.append((frozenset((ORTHOGONAL_MATRIX, key) for key in transposed), ", ".join(transposed), kind))
    hypotheses += [(frozenset({(TRIANGULAR_MATRIX, key)}), key, "triangular (or diagonal)") for key in diagonal]
    deadline = work_time() + GUARD_SECONDS
    for extra, keys, kind in hypotheses:
        held = _holds_with_flips(comparator, parsed, extra, deadline)
        if held is None:
            return ""  # the refutation stands, as when the short search runs out
        if held:
            names = ", ".join(key.split(":")[-1] for key in keys.split(", "))
            return f"holds if {names} is {kind}, which the prose would say"
    return ""


def _holds_with_flips(comparator: "Comparator", parsed: Parsed, extra: frozenset, deadline: float) -> bool | None:
    """Whether the step holds in some reading of ``comparator`` with the hypothesis ``extra`` added to its
    flips; None once ``deadline`` (work time) has passed, when the hypothesis is not decided."""
    for flips in comparator.readings():
        if work_time() > deadline:
            return None
        try:
            outcome = comparator.compare(parsed.lhs, parsed.rhs, flips | extra, equal_only=True)
        except Exception:  # noqa: BLE001 -- a side that cannot be built so is no explanation
            continue
        if outcome.kind == "equal":
            return True
    return False


def _hat_map_hypothesis(parsed: Parsed, comparator: "Comparator") -> str:
    """Why a differing step may rest on the hat map, or "": vision and robotics notes write the
    cross-product matrix of a vector t as \\hat t (E = \\hat t R, \\hat t t = 0, \\hat\\omega^2 =
    \\omega\\omega^T - |\\omega|^2 I), where others write [t]_\\times; a hatted letter beside the same
    vector is as often that matrix as an estimate of the vector, which only the prose says. The reading
    only keeps a step from being refuted."""
    letters = parsed.letters
    trees = (parsed.lhs, parsed.rhs)
    syms = [x for t in trees for x in t.walk() if isinstance(x, n.Sym)]
    plain = {x.key: x for x in syms if x.key in letters.vectors and "hat" not in x.style.split("+")}
    pairs = {}
    for x in syms:
        parts = x.style.split("+")
        if "hat" in parts:
            vector = plain.get(replace(x, style="+".join(p for p in parts if p != "hat")).key)
            if vector is not None:
                pairs.setdefault(x.key, vector)
    deadline = work_time() + GUARD_SECONDS
    for key, vector in list(pairs.items())[:MAX_HYPOTHESIS_SITES]:
        hatted = replace(parsed, letters=replace(letters, matrices=letters.matrices | {key},
                                                 vectors=letters.vectors - {key},
                                                 candidates=letters.candidates - {key}))
        reading = Comparator(hatted, comparator.relation, comparator.seed, comparator.assumed)
        held = _holds_with_flips(reading, parsed, frozenset({(HAT_MAP, key, vector)}), deadline)
        if held is None:
            return ""  # the refutation stands, as when the short search runs out
        if held:
            return (f"holds if {key.split(':')[-1]} with a hat is the cross-product matrix of "
                    f"{vector.base} (the hat map), which the prose would say")
    return ""


def _layout_hypothesis(parsed: Parsed, comparator: "Comparator") -> str:
    """Why a differing step with a gradient by a matrix may rest on the notes' layout, or "": \nabla_W f
    is read in W's shape (Goodfellow's, Murphy's and the Matrix Cookbook's gradient), so that h = W^T x
    with \nabla_W J = (h - y) x^T, the transpose, is no verification; a few notes write the gradient in
    the numerator layout all the same, which their convention says. The reading only keeps a step from
    being refuted."""
    if not numerator_layout_sites(parsed.letters, (parsed.lhs, parsed.rhs), n.Grad):
        return ""
    held = _holds_with_flips(comparator, parsed, frozenset({NUMERATOR_LAYOUT}), work_time() + GUARD_SECONDS)
    if held:
        return "holds with the gradient by a matrix in the numerator layout (its transpose), as some notes write it"
    return ""


def _unit_axis_hypothesis(parsed: Parsed, comparator: "Comparator") -> str:
    """Why a differing step about a cross-product matrix may rest on its vector being a unit one, or "":
    [k]_\\times^3 = -[k]_\\times and Rodrigues' formula hold for a unit axis k only, which the prose says
    (|k| = 1) and random entries never are, nor is an inner product k^T k written for the 0-or-1
    readings of _vector_hypothesis to take. So with the projector u u^T of PCA and least squares: \\|x -
    u u^T x\\|^2 = x^T x - (u^T x)^2 for the unit direction u the prose gives, no u^T u written. The
    reading only keeps a step from being refuted."""
    trees = (parsed.lhs, parsed.rhs)
    axes = {x.key for t in trees for node in t.walk() if isinstance(node, n.Func) and node.name == n.CROSS_MATRIX
            for x in node.args[0].walk() if isinstance(x, n.Sym) and x.key in parsed.letters.vectors}
    axes = sorted(axes | {key for t in trees for node in t.walk() for key in _projector_vectors(node)
                          if key in parsed.letters.vectors})
    deadline = work_time() + GUARD_SECONDS
    for key in axes[:MAX_HYPOTHESIS_SITES]:
        held = _holds_with_flips(comparator, parsed, frozenset({(UNIT_VECTOR, key)}), deadline)
        if held is None:
            return ""  # the refutation stands, as when the short search runs out
        if held:
            return f"holds if {key.split(':')[-1]} is a unit vector, which the prose would say"
    return ""


def _projector_vectors(node: n.Node) -> set[str]:
    """The keys of the vectors ``u`` that ``node`` writes as an outer product with themselves, ``u u^T``
    (or ``u u'``) side by side in one product: the projector onto u, which notes write for a unit u."""
    if not isinstance(node, n.Mul) or any(node.ops):
        return set()
    out = set()
    for first, second in zip(node.factors, node.factors[1:]):
        if not isinstance(first, n.Sym) or first.primes:
            continue
        if isinstance(second, n.Transpose) and isinstance(second.inner, n.Sym) and second.inner.key == first.key \
                or isinstance(second, n.Sym) and second.primes == 1 and replace(second, primes=0).key == first.key:
            out.add(first.key)
    return out


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


def _holds_as_quaternions(lhs: str, diagnosis: Diagnosis | None, macros: Mapping[str, Macro] | None,
                          seed: int) -> bool:
    """Whether a repair's right side makes the step hold with i, j, k read as quaternion units."""
    if diagnosis is None:
        return False
    try:
        parsed = parse_step(lhs, diagnosis.suggestion, macros or {})
    except (ParseFailure, RecursionError):
        return False
    return quaternions.decide(parsed.lhs, parsed.rhs, seed) == "equal"


_UNITS = ("i", "j", "k")  # the quaternion units
QUATERNION_UNITS = "i, j, k may be quaternion units (i^2 = j^2 = k^2 = ijk = -1)"


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
        return comparator.own(frozenset({("imag", bases.pop())})).kind == "equal"
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


def _equation_for_unknown(comparator: "Comparator") -> str:
    """The function a head line like ``F(z) - z = zF(z) + z^2F(z)`` or ``G(x) - 1 = xG(x)^2`` is an
    equation for: the one undefined function of the step, applied at one point on both sides, of which
    the difference of the sides is a polynomial of degree 1 or 2 whose leading coefficient varies with
    the other letters and whose constant term is not 0; "" otherwise. A slip rarely writes that: it
    leaves a difference without the unknown (a term lost), or one that vanishes with it (a factor or
    sign on its terms), and a constant leading coefficient (``T(n) - 1 = 2T(n)``) is no equation
    anyone solves for a function."""
    try:
        _, a, b = comparator.own_pair(frozenset(), True, 0)  # functions as atoms
        if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
            return ""
        calls = a.atoms(AppliedUndef) | b.atoms(AppliedUndef)
        if len(calls) != 1:
            return ""
        (call,) = calls
        if not (a.has(call) and b.has(call)):
            return ""
        unknown = sp.Dummy("u")
        difference = sp.expand((a - b).xreplace({call: unknown}))
        if difference.has(AppliedUndef, sp.Derivative, sp.Integral, sp.Sum) or not difference.is_polynomial(unknown):
            return ""
        coefficients = sp.Poly(difference, unknown).all_coeffs()
        if len(coefficients) not in (2, 3) or not (coefficients[0].free_symbols - {unknown}):
            return ""
        if sp.simplify(coefficients[-1]) == 0:
            return ""
    except Exception:  # noqa: BLE001 -- a side this reading cannot lower: no equation to name
        return ""
    return str(call.func).split("/")[0]


_CONSTANT_NAMES = frozenset({"C", "c", "K"})


def _renames_constants(parsed: Parsed, gap: set[str]) -> bool:
    """Whether the names a step of an indefinite integration introduces are only a constant of
    integration written anew (``x^2 + C_1 = x^2 + C``, ``+ C_1 + C_2`` gathered into ``+ C``), each
    side adding one at its top level: the sides are then compared up to those constants (see
    comparator._renamed_constants), which only a verification reads, their sides differing as written."""
    def adds(tree: n.Node) -> bool:
        return isinstance(tree, n.Add) and any(isinstance(t.node, n.Sym) and t.node.base in _CONSTANT_NAMES
                                               and not t.node.style for t in tree.terms)
    return bool(gap) and gap <= _CONSTANT_NAMES and adds(parsed.lhs) and adds(parsed.rhs)


def _introduces_superscript_letters(parsed: Parsed, reason: str, gap: set[str]) -> bool:
    """Whether the names a step introduces are only letters the line before writes as a superscript
    that may be a label or a power (``\\ln Z_1^N = N\\ln Z_1``): as a power the name is no new one, so
    the readings are compared, which verifies the step if one of them holds (else it stays unverified:
    as a label the letter is still a name from elsewhere)."""
    if not (reason.startswith("introduces") and gap):
        return False
    raised = {x.sup_letter.base for x in parsed.lhs.walk() if isinstance(x, n.Sym) and x.sup_letter is not None}
    return gap <= raised


def _exponential_units(tree: n.Node) -> set[str]:
    """The bare i and j that ``tree`` writes in the exponent of e (``e^{-j\\omega t}``, ``e^{i\\theta}``),
    where signals, phasors and Fourier sums mean the imaginary unit by them."""
    out = set()
    for node in tree.walk():
        if isinstance(node, n.Pow) and isinstance(node.base, n.Const) and node.base.name == "e":
            out |= {x.base for x in node.exp.walk() if isinstance(x, n.Sym) and x.base in IMAGINARY_LETTERS
                    and not x.indices and not x.style and not x.primes}
    return out


def _introduces_imaginary_unit(reason: str, gap: set[str]) -> bool:
    """Whether the only name a step introduces is i or j (``z^2 + 1 = (z - i)(z + i)``, ``\\sqrt{-9} =
    3i``): maybe the imaginary unit, a reading the full comparison tries (the quick one, with i a
    letter, would stop it). Only a verification can come of it: the step stays unverified otherwise."""
    return reason.startswith("introduces") and bool(gap) and gap <= {"i", "j"}


def _introduces_identity(parsed: Parsed, reason: str, gap: set[str]) -> bool:
    """Whether the only name a step introduces is I beside other capitals (``x - \\eta A x = (I - \\eta
    A) x``): the identity in the reading the full comparison tries, where the quick one, with I a
    number, would stop it. Only a verification can come of it, as for the imaginary unit."""
    return reason.startswith("introduces") and gap == {"I"} \
        and identity_reading((parsed.lhs, parsed.rhs), parsed.letters)


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


def _phase_space_velocity(var: n.Node) -> bool:
    """A velocity or a momentum (\\dot q, \\dot\\phi, p, p_r): a variable of a Lagrangian or a Hamiltonian
    that the coordinates do not depend on."""
    return isinstance(var, n.Sym) and (n.undotted(var)[1] > 0 or var.base == "p" and not var.style and not var.primes)


def _differentiated_away(tree: n.Node, key: str) -> bool:
    """Whether every application of the function ``key`` in ``tree`` stands inside a partial derivative by
    velocities or momenta and is applied to coordinates alone (V(r) in \\partial L / \\partial \\dot\\phi or
    \\partial H / \\partial p_r): its derivative there is 0, so a right side without it drops nothing."""
    inside: set[int] = set()
    for node in tree.walk():
        if isinstance(node, n.Deriv) and node.partial and not node.primes and node.wrt \
                and all(_phase_space_velocity(v) for v, _ in node.wrt):
            inside.update(id(x) for x in node.body.walk())
    apps = [x for x in tree.walk() if isinstance(x, n.Apply) and x.func.key == key]
    return bool(apps) and all(
        id(x) in inside and not any(isinstance(y, n.Sym) and _phase_space_velocity(y) for a in x.args for y in a.walk())
        for x in apps)


def _maybe_products(parsed: Parsed, key: str) -> bool:
    """Whether every application of ``key`` in the line before may as well be a product
    (``m_2(x^2 + y^2)`` beside ``m_2 l``, ``2\\pi e(P + N)`` beside ``2\\pi e N``): a letter no one writes as
    a function that the step also writes alone, so the readings decide, not a gap."""
    apps = [x for x in parsed.lhs.walk() if isinstance(x, n.Apply) and x.func.key == key]
    if not apps or not all(x.maybe_product and (x.prefer_product or x.func.base not in FUNCTION_LETTERS) for x in apps):
        return False
    if all(pi_times_decimal(x) for x in apps):
        return True  # \pi (0.01)^2: the constant times a number, whose value no one defines elsewhere
    trees = (parsed.lhs, parsed.rhs)
    return any(_written_alone(t, key) or any(isinstance(x, n.Const) and key in (x.name, "\\" + x.name)
                                             for x in t.walk())
               for t in trees)


def _shifted_indices(lhs: n.Node, rhs: n.Node, alive: Callable[[int, n.Sym], bool] | None = None) -> str:
    """``x_{n+1}`` on one side and ``x_n`` on the other, n free: the step is a recurrence (Newton's
    iteration, Fibonacci), whose two sides are different terms of one sequence. Returns how it reads
    (``x_{n+1} from x_n``), or "". Indices bound by a sum are left out: a telescoping sum's
    ``x_{i+1} - x_i`` is an identity; so are the members of a sequence that both sides sum
    (``\\sum_k \\gamma^k r_{t+k} = r_t + \\gamma\\sum_k \\gamma^k r_{t+k+1}``, a series peeled or shifted), which
    the step relates as a whole, while ``x_t = \\sum_k \\phi_k x_{t-k}`` sums them on one side only (a
    recurrence). ``alive(side, member)``: whether the side's value holds the member at all (``V(s_{t+1})``
    cancels in ``\\gamma V(s_{t+1}) - \\gamma V(s_{t+1})``); members it does not hold are left out."""
    def summed(tree: n.Node) -> set[str]:
        return {x.key for op in tree.walk() if isinstance(op, n.BigOp) for x in op.body.walk()
                if isinstance(x, n.Sym) and len(x.indices) == 1 and n.mentions(x.indices[0], {op.var, *op.extra_vars})}

    both = summed(lhs) & summed(rhs)

    def free_indexed(tree: n.Node, side: int) -> dict[tuple[str, str], set[str]]:
        bound = {x.var for x in tree.walk() if isinstance(x, n.BigOp)}
        out: dict[tuple[str, str], set[str]] = {}
        for x in tree.walk():
            if isinstance(x, n.Sym) and len(x.indices) == 1:
                written = {s.base for s in x.indices[0].walk() if isinstance(s, n.Sym)}
                if written & bound and x.key in both:
                    continue
                if alive is not None and not written & bound and not alive(side, x):
                    continue  # (a member of a sum is no value of its own to look for)
                letters = written - bound
                if len(letters) == 1:
                    out.setdefault((x.key, letters.pop()), set()).add(_index_text(x.indices[0]))
        return out

    left, right = free_indexed(lhs, 0), free_indexed(rhs, 1)
    for key in left.keys() & right.keys():
        only_left, only_right = left[key] - right[key], right[key] - left[key]
        base = key[0].split(":")[-1]
        if only_left and only_right and any("+" in t or "-" in t[1:] for t in only_left | only_right):
            return f"{base}_{{{sorted(only_left)[0]}}} from {base}_{{{sorted(only_right)[0]}}}"
        # x_n - x_{n+1} = x_n - \frac{x_n}{2} - \frac{1}{x_n}: the shifted member is gone from one side
        # while its siblings stay, so the recurrence that defines it was put in
        for gone, kept in ((only_left, right[key]), (only_right, left[key])):
            shifted = sorted(t for t in gone if "+" in t or "-" in t[1:])
            if shifted and kept:
                return f"{base}_{{{shifted[0]}}} from {base}_{{{sorted(kept)[0]}}}"
    # L|x_n - x_{n-1}| \le L^n|x_1 - x_0|: general members on one side, numbered ones on the other.
    # Only the sequence's definition (a recurrence, a contraction) relates them; as free letters they
    # are unrelated, so a difference says nothing
    numbered_left, numbered_right = _numbered_members(lhs), _numbered_members(rhs)
    for general, numbered, other_general, other_numbered in ((left, numbered_right, right, numbered_left),
                                                             (right, numbered_left, left, numbered_right)):
        for (name, _), written in sorted(general.items()):
            if name in numbered and name not in other_numbered and all(k != name for k, _ in other_general):
                base = name.split(":")[-1]
                return f"{base}_{{{sorted(written)[0]}}} from {base}_{{{sorted(numbered[name])[0]}}}"
    return ""


def _alive_members(parsed: Parsed) -> Callable[[int, n.Sym], bool]:
    """Whether a side of the step, lowered with opaque functions, holds the lowered member (its value's
    letters among the side's) in one instance or another (two draws of the free indices, lest two
    members meet by chance): every member counts where the step cannot be lowered so."""
    readings = []
    for seed in (0, 1):
        try:
            lowerer = Lowerer(Instance(4, {}, {}, seed=seed, atoms=True), parsed.letters)
            sides = [lowerer.lower(parsed.lhs), lowerer.lower(parsed.rhs)]
            # (expanded: \gamma(r - V(s_2)) + \gamma V(s_2) cancels only once multiplied out)
            readings.append((lowerer, [sp.expand(side).free_symbols if isinstance(side, sp.Expr) else None
                                       for side in sides]))
        except Exception:  # noqa: BLE001 -- unreadable: the members count as written
            return lambda side, member: True

    def held(lowerer: Lowerer, letters: set | None, member: n.Sym) -> bool:
        if letters is None:
            return True
        try:
            value = lowerer.lower(member)
        except Exception:  # noqa: BLE001
            return True
        return not isinstance(value, sp.Basic) or not value.free_symbols or value.free_symbols <= letters

    return lambda side, member: any(held(lowerer, letters[side], member) for lowerer, letters in readings)


def _family_law(lhs: n.Node, rhs: n.Node) -> str:
    """``R_{\\alpha+\\beta} = R_\\alpha R_\\beta``, ``R_a^\\top R_b = R_{b-a}``, ``(R_{m\\theta}q)^\\top R_{n\\theta}k =
    q^\\top R_{(n-m)\\theta}k``: a letter written at a sum or difference of letters (its index an argument,
    not a label) on one side only, beside members of the same letter at other arguments. Read as free
    letters the members are unrelated, so a difference says nothing; the step rests on what the family
    is (rotations by an angle, a flow, a semigroup), which the step does not write. _shifted_indices
    covers one letter shifted by a number (a recurrence); this covers the rest. Returns how it reads
    (``R_{b-a} and R_{a}``), or ""."""
    def members(tree: n.Node) -> dict[str, dict[tuple, tuple[n.Node, ...]]]:
        bound = {x.var for x in tree.walk() if isinstance(x, n.BigOp)}
        out: dict[str, dict[tuple, tuple[n.Node, ...]]] = {}
        for x in tree.walk():
            if isinstance(x, n.Sym) and x.indices:
                letters = {s.base for i in x.indices for s in i.walk() if isinstance(s, n.Sym)}
                if letters and not letters & bound:
                    out.setdefault(x.key, {})[tuple(n.structure(i) for i in x.indices)] = x.indices
        return out

    def argument(indices: tuple[n.Node, ...]) -> bool:
        # a sum or difference of letters (b - a, \alpha + \beta), or a letter negated (-m); a letter and a
        # number (k + 1, a shift) is an index of a recurrence or a slip in one, decided as written
        def lettered(term: n.Term) -> bool:
            return any(isinstance(s, n.Sym) for s in term.node.walk())
        return any(isinstance(x, n.Add) and (sum(lettered(t) for t in x.terms) >= 2
                                             or len(x.terms) == 1 and x.terms[0].sign == "-" and lettered(x.terms[0]))
                   for i in indices for x in i.walk())

    def written(key: str, indices: tuple[n.Node, ...]) -> str:
        items = ["".join(_index_text(f) if isinstance(f, (n.Num, n.Sym)) else f"({_index_text(f)})"
                         for f in i.factors) if isinstance(i, n.Mul) else _index_text(i) for i in indices]
        return f"{key.split(':')[-1]}_{{{''.join(items)}}}"

    left, right = members(lhs), members(rhs)
    for key in sorted(left.keys() & right.keys()):
        for gone, kept in ((left[key], right[key]), (right[key], left[key])):
            lone = [indices for index, indices in gone.items() if index not in kept and argument(indices)]
            others = [indices for index, indices in kept.items() if index not in gone]
            if lone and others:
                return f"{written(key, lone[0])} and {written(key, others[0])}"
    return ""


def _numbered_members(tree: n.Node) -> dict[str, set[str]]:
    """The members of sequences a side writes with a number for their one index (``x_0``, ``a_1``), by
    the sequence's key: the numbers written."""
    out: dict[str, set[str]] = {}
    for x in tree.walk():
        if isinstance(x, n.Sym) and len(x.indices) == 1 and isinstance(x.indices[0], n.Num):
            out.setdefault(x.key, set()).add(_index_text(x.indices[0]))
    return out


#: subscripts that name the components of a vector (or the Pauli matrices), which relate by algebra
COMPONENT_LABELS = frozenset("xyz")


def _relabelled_indices(lhs: n.Node, rhs: n.Node) -> str:
    """``\\frac12 v_p^2 - \\frac{GM}{r_p} = \\frac12 v_a^2 - \\frac{GM}{r_a}``, ``E_i = E_f``: each side writes the
    same letters under free subscript letters of its own, which the other side never writes. Read as
    indices the sides are different members of one family, and an equation between them (energy at
    periapsis and at apoapsis, before and after) is a law of the subject or a condition, never an
    identity: as x_1 = x_2 is, it is the prose's to justify. (A subscript shared by the two sides, as in
    a_{ij} = a_{ji} or the slip 2x_j for 2x_i beside x_j x_j, keeps the step decided; so does a letter
    written twice in one product, which Einstein's convention may sum.) Returns how it reads
    (``v_p and v_a``), or ""."""
    def free_labels(tree: n.Node) -> tuple[dict[str, set[str]], set[str]]:
        bound = {x.var for x in tree.walk() if isinstance(x, n.BigOp)}
        out: dict[str, set[str]] = {}
        repeated: set[str] = set()
        for x in tree.walk():
            if isinstance(x, n.Mul):
                seen = [i.base for f in x.factors for s in f.walk() if isinstance(s, n.Sym)
                        for i in s.indices if isinstance(i, n.Sym)]
                repeated |= {b for b in seen if seen.count(b) > 1}
            if isinstance(x, n.Sym) and len(x.indices) == 1:
                item = x.indices[0]
                if isinstance(item, n.Sym) and not item.indices and not item.style and not item.labels \
                        and len(item.base) == 1 and item.base.isalpha() and item.base not in bound:
                    out.setdefault(x.key, set()).add(item.base)
        return out, repeated

    if any(isinstance(x, (n.Deriv, n.DerivBy, n.Grad)) for tree in (lhs, rhs) for x in tree.walk()):
        return ""  # \partial/\partial w_j of a sum over k: calculus on one family, not two states
    (left, rep_l), (right, rep_r) = free_labels(lhs), free_labels(rhs)
    letters_l = set().union(*left.values()) if left else set()
    letters_r = set().union(*right.values()) if right else set()
    if len(letters_l) != 1 or len(letters_r) != 1 or letters_l == letters_r or (rep_l | rep_r) & (letters_l | letters_r):
        return ""  # one state a side; several labels (\sigma_x\sigma_y = i\sigma_z) are an algebra's own
    if (letters_l | letters_r) <= COMPONENT_LABELS:
        return ""  # F_x, \sigma_z: components and their algebra, not states
    shared = sorted(left.keys() & right.keys())
    if not shared:
        return ""
    key = shared[0]
    base = key.split(":")[-1]
    return f"{base}_{sorted(left[key])[0]} and {base}_{sorted(right[key])[0]}"


def _primed_frame(lhs: n.Node, rhs: n.Node) -> str:
    """``\\sigma_{x'} + \\sigma_{y'} = \\sigma_x + \\sigma_y``: entries of one letter under a primed (or
    starred) index, written on one side only, beside entries of that letter under plain indices. A
    primed index names an axis of a rotated frame (stress and strain transformation, Mohr's circle), so
    the step relates components in two frames by a transformation it does not write: an invariant or a
    law, which only that transformation decides. Returns how it reads (``\\sigma_{x'} and \\sigma_x``),
    or "". Entries under the same primed indices on both sides (``2\\sigma_{x'} = \\sigma_{x'} +
    \\sigma_{x'}``) are one unknown each and keep the step decided."""
    def entries(tree: n.Node) -> tuple[dict[str, dict[tuple, n.Sym]], dict[str, n.Sym]]:
        primed: dict[str, dict[tuple, n.Sym]] = {}
        plain: dict[str, n.Sym] = {}
        for x in tree.walk():
            if not isinstance(x, n.Sym) or not x.indices:
                continue
            if any(isinstance(i, n.Sym) and (i.primes or i.labels) for i in x.indices):
                primed.setdefault(x.key, {}).setdefault(n.structure(x), x)
            else:
                plain.setdefault(x.key, x)
        return primed, plain

    def written(x: n.Sym) -> str:
        items = "".join(i.base + "".join("^" + label for label in i.labels) + "'" * i.primes
                        if isinstance(i, n.Sym) else _index_text(i) for i in x.indices)
        return f"{x.key.split(':')[-1]}_{{{items}}}"

    (primed_l, plain_l), (primed_r, plain_r) = entries(lhs), entries(rhs)
    for key in sorted(primed_l.keys() | primed_r.keys()):
        left, right = primed_l.get(key, {}), primed_r.get(key, {})
        if left.keys() == right.keys():
            continue
        plain = plain_l.get(key) or plain_r.get(key)
        if plain is not None:
            return f"{written(next(iter({**right, **left}.values())))} and {written(plain)}"
    return ""


def _index_text(item: n.Node) -> str:
    """An index as it reads: ``n``, ``n+1``, ``k-1``."""
    if isinstance(item, n.Add):
        text = "".join(("-" if t.sign == "-" else "+") + _index_text(t.node) for t in item.terms)
        return text[1:] if text.startswith("+") else text
    if isinstance(item, n.Paren):
        return _index_text(item.inner)
    if isinstance(item, n.Mul):
        return "".join(_index_text(f) for f in item.factors)  # the eq of R_{eq}, the 2n of a_{2n}
    if isinstance(item, n.Const):
        return item.name
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
    if not isinstance(head, n.Sym) or not head.indices or isinstance(_unwrapped_parens(parsed.lhs), n.Deriv) \
            and _coordinate_by_coordinate(_unwrapped_parens(parsed.lhs)):
        return None
    wanted = n.structure(head)
    if any(isinstance(x, n.Sym) and n.structure(x) == wanted for x in parsed.rhs.walk()):
        return None
    return head.base


def _unwrapped_parens(tree: n.Node) -> n.Node:
    while isinstance(tree, n.Paren):
        tree = tree.inner
    return tree


def _coordinate_by_coordinate(node: n.Deriv) -> bool:
    """Whether ``node`` differentiates an entry x_j of a vector by entries x_i of the same one."""
    def entry(x: n.Node) -> bool:
        return isinstance(x, n.Sym) and len(x.indices) == 1 and not x.primes and not x.labels \
            and x.sup_letter is None
    return entry(node.body) and all(entry(var) and var.key == node.body.key for var, _ in node.wrt)


def _head_name(tree: n.Node, letters: Letters) -> str | None:
    """The name a line like ``E = ...``, ``f(x) = ...`` or ``\\partial E / \\partial o = ...`` is about."""
    while isinstance(tree, (n.Deriv, n.Paren)):
        if isinstance(tree, n.Deriv) and _coordinate_by_coordinate(tree):
            return None  # \partial_i x_j: one coordinate by another (a Kronecker delta), no name defined
        tree = tree.body if isinstance(tree, n.Deriv) else tree.inner
    if isinstance(tree, n.Sym):
        return tree.key + label_suffix(tree) + "'" * tree.primes
    if isinstance(tree, n.Apply) and not is_library(tree) and not read_as_product(tree, letters):
        return tree.func.key + "()"
    return None


def _sign_sensitive(parsed: Parsed) -> bool:
    """Whether the step has a function whose value turns on signs (|x|, a root, max, min, sign, cases)."""
    return any(isinstance(x, (n.Abs, n.Sqrt, n.Cases)) or isinstance(x, n.Func) and x.name in ("max", "min", "sign")
               for side in (parsed.lhs, parsed.rhs) for x in side.walk())


def _bounded_by_region(parsed: Parsed) -> bool:
    """Whether the step has a function whose formula changes past some value of its argument: those of
    _piecewise, roots (\\sqrt{(x - 4)^2}), rounding, and the inverse trigonometric functions (arccos(cos x)
    is x only on [0, pi])."""
    changing = PIECEWISE_FUNCTIONS + ("floor", "ceiling", "round", "acos", "asin", "atan", "acot", "asec", "acsc")
    return any(isinstance(x, (n.Abs, n.Sqrt, n.Cases)) or isinstance(x, n.Func) and (x.name in changing or x.inverse)
               for side in (parsed.lhs, parsed.rhs) for x in side.walk())



#: letters that count (indices, orders, sizes): a power of -1 in them is a sign
_COUNTING_BASES = frozenset("ijklmnpqrsNMKLJ")


def _real_sign_exponents(parsed: Parsed) -> list[str]:
    """The letters in the exponent of a power of -1 that no counting letter is (x, t, \\theta) and that
    the step does not bind or read as an integer."""
    def minus_one(node: n.Node) -> bool:
        while isinstance(node, n.Paren):
            node = node.inner
        return isinstance(node, n.Add) and len(node.terms) == 1 and node.terms[0].sign == "-" \
            and isinstance(node.terms[0].node, n.Num) and node.terms[0].node.value == "1"
    integer = parsed.letters.index | parsed.letters.integer
    out: list[str] = []
    for side in (parsed.lhs, parsed.rhs):
        for node in side.walk():
            if isinstance(node, n.Pow) and minus_one(node.base):
                for x in node.exp.walk():
                    if isinstance(x, n.Sym) and not x.indices and x.base not in _COUNTING_BASES \
                            and x.key not in integer and x.base not in out:
                        out.append(x.base)
    return out


def _takes_root(parsed: Parsed) -> bool:
    """Whether the step takes a root (\\sqrt, a power to a fraction: (x^2)^{1/2}), a logarithm or an argument,
    whose value on a negative letter is not what it is on a positive one (\\ln(x^2) = 2\\ln x)."""
    def fractional(exp: n.Node) -> bool:
        while isinstance(exp, n.Paren):
            exp = exp.inner
        return isinstance(exp, n.Div) or isinstance(exp, n.Num) and "." in exp.value
    return any(isinstance(x, n.Sqrt) or isinstance(x, n.Pow) and fractional(x.exp)
               or isinstance(x, n.Func) and x.name in ("log", "arg")
               for side in (parsed.lhs, parsed.rhs) for x in side.walk())


def _maybe_negative(parsed: Parsed, context: tuple[ContextItem, ...]) -> list[str]:
    """The step's letters the prose bounds at or below zero (``let $x < 0$``, ``$0 > t$``) or declares
    real (``for real $x$``, ``$a \\in \\mathbb{R}$``): letters that may be negative."""
    written = {x.key: x for side in (parsed.lhs, parsed.rhs) for x in side.walk() if isinstance(x, n.Sym)}
    out = []
    for item in context:
        if item.kind == reals.KIND:
            out.extend(key for key in item.lhs.split(",") if key in written and key not in out)
        if item.kind != RELATION:
            continue
        lhs, rhs = item.lhs.strip(), item.rhs.strip()
        if item.relation in ("<", "<=") and rhs == "0":
            name = lhs
        elif item.relation in (">", ">=") and lhs == "0":
            name = rhs
        else:
            continue
        if name in written and name not in out:
            out.append(name)
    return out


def _piecewise(parsed: Parsed) -> bool:
    """Whether the step has a function whose formula changes with the sign of its argument (|x|, max,
    min, sign, relu). (A root is not one: \\sqrt{s^2} = s holds of the positive quantities the sampled
    letters stand for, as the author means them.) A norm is one (\\|\\alpha x\\| = |\\alpha| \\|x\\|, which
    \\alpha \\|x\\| is only where \\alpha > 0) in a step without roots or logarithms: beside those, the
    positive letters the author means are the ones sampled, and a difference off them says nothing."""
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    if turns_on_signs(parsed.lhs, parsed.rhs):
        return True
    return any(isinstance(x, n.Norm) for x in nodes) \
        and not any(isinstance(x, n.Sqrt) or isinstance(x, n.Func) and x.name == "log" for x in nodes)


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


def _counts_with(parsed: Parsed) -> bool:
    """Whether a letter that conventionally counts (n, k, m) stands in an exponent or under a
    periodic function, where only its integer values may be meant."""
    def counting(node: n.Node) -> bool:
        return any(isinstance(x, n.Sym) and x.base in ("n", "k", "m") and not x.indices for x in node.walk())
    return any(isinstance(x, n.Pow) and counting(x.exp)
               or isinstance(x, n.Func) and x.name in ("sin", "cos", "tan") and any(counting(a) for a in x.args)
               for side in (parsed.lhs, parsed.rhs) for x in side.walk())


def _rounds_quantity(*trees: n.Node) -> bool:
    """Whether the step rounds a quantity (a number rounded is just a number)."""
    nodes = [x for tree in trees for x in tree.walk()]
    return any(isinstance(x, n.Func) and x.name in ("floor", "ceiling", "round") for x in nodes) \
        and any(isinstance(x, n.Sym) for x in nodes)
