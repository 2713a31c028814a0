"""Explaining a refuted step: find a small edit of the new line that makes the step hold.

A refuted step that one small edit repairs is almost certainly a typo; the edit is also the fix we
suggest, written as the author's own text with one change, not as SymPy's re-printing of the line.
Each edit generator yields candidates in order of preference (shallow and simple first); the first
candidate that the comparator accepts on the refuting points is the diagnosis.

The generators run in a fixed order, one per kind of mistake (the ``kind`` a rule file names):
sign flips, dropped or added terms, constant factors, exponents, changed variables, reciprocals,
wrong functions, arithmetic in constants. The order matters when two edits both repair a step: the
earlier kind is the simpler story. Kinds are told apart by the *edit*, not by the mathematics: making
``4x`` into ``3x`` rewrites a number the author wrote (arithmetic), while making ``2x`` into ``x``
deletes a factor (constant factor), although both are constant factors of the term.

This module is the search (GENERATORS, diagnose and the checks around it). The edits live in one
module per kind of mistake: signs (LM101), terms (LM102), factors (LM103), exponents (LM104),
variables (LM105), reciprocals (LM106), functions (LM107), arithmetic (LM108); what several kinds
share is in edits (candidates, trees, texts), values (a term's values) and solve (solving for a value).
"""
from __future__ import annotations

import copy
import random
import re
from dataclasses import fields, replace
from typing import Callable, Iterator

import sympy as sp

from lintmath.budget import work_time
from lintmath.diagnose.arithmetic import (
    StatedResult, arithmetic, carried_bounds, decimal_slips, near_numbers, stated_result,
)
from lintmath.diagnose.edits import (
    Candidate, Context, _compact, _inner, _squash, _symbolic, apply_edit, common_ends, numeric_value, replace_node,
    widen, written_number,
)
from lintmath.diagnose.exponents import exponents
from lintmath.diagnose.factors import constant_factors, dropped_constants, missing_factors, result_factors
from lintmath.diagnose.functions import wrong_functions
from lintmath.diagnose.reciprocals import (
    fractions_as_before, fractions_over_one, reciprocal_wraps, reciprocals, transposes,
)
from lintmath.diagnose.signs import sign_flips
from lintmath.diagnose.solve import solve_hole
from lintmath.diagnose.terms import chain_terms, difference_terms, dropped_terms, twin_removals
from lintmath.diagnose.values import _equal_values, _signed_values
from lintmath.diagnose.variables import changed_dots, changed_variables, renamed_copies, renamed_siblings
from lintmath.model import Diagnosis
from lintmath.parse import nodes as n


# the package's API: what the checker and the implication reader call, and the pieces of the search
# a caller (or a test) may build or run alone; the helpers of each kind stay in their modules
__all__ = [
    "GENERATORS", "GUARD_SECONDS", "MAX_CANDIDATES", "MAX_GUARD_CANDIDATES", "MAX_PER_KIND", "MAX_SECONDS",
    "Candidate", "Context", "Prefilter", "StatedResult",
    "apply_edit", "diagnose", "numeric_value", "refute_where_readable", "replace_node", "solve_hole",
    "stated_result", "unreadable", "widen", "written_number",
    "arithmetic", "carried_bounds", "chain_terms", "changed_dots", "changed_variables", "constant_factors",
    "decimal_slips", "difference_terms", "dropped_constants", "dropped_terms", "exponents", "fractions_as_before",
    "fractions_over_one", "missing_factors", "near_numbers", "reciprocal_wraps", "reciprocals", "renamed_copies",
    "renamed_siblings", "result_factors", "sign_flips", "transposes", "twin_removals", "wrong_functions",
]

MAX_CANDIDATES = 400  # comparisons (and solves) per refuted step, over all kinds
# in a short search (see GUARD_SECONDS): on the mutation benchmark 98% of the repairs a short search
# found came within its first 40 candidates, while on real notes nearly every short search finds
# nothing (the step was right) and tried up to 120
MAX_GUARD_CANDIDATES = 40
# so that one prolific kind cannot starve the kinds after it; on the mutation benchmark 99.8% of the
# repairs found were among the first 20 candidates of their kind, while a search that finds nothing
# (most steps of real notes that get one are right) tried every candidate: 80 cost 8% of a corpus run
MAX_PER_KIND = 20


# Wall-clock cap on one diagnosis. Candidates cost milliseconds on ordinary steps, so this only
# cuts the search where a single evaluation is pathological (power towers, huge sums); there, an
# explanation is not worth seconds of the step's budget.
MAX_SECONDS = 1.0
# The cap when the search only lifts a guard (a step that lost a quantity, or became a constant, is
# unverified unless a small edit explains it): a typo there is found among the first candidates, and
# most such steps are substitutions from the prose, where a long search finds nothing.
GUARD_SECONDS = 0.3


# -- the search ----------------------------------------------------------------------------------

# Edits of what is written come first, in the order of the rules; edits that suppose something
# unwritten (a missing factor, a missing 1/...) come last. A function swap is tried before a flipped
# fraction because tan/cot are also reciprocals, and one command is the smaller edit. Two edits go
# before all others, as each marks its own site: a bound the line before writes otherwise, and a
# fraction over 1; a fraction the line before writes the other way up comes next, before the sign
# flips that repair it by accident inside a logarithm. The slips of a rounded result's digits follow
# the sign flips: a line that is one number has nothing else to edit but its digits, and its power of
# ten is one of them (``6.1\times10^{6}`` is a digit slip, not a wrong exponent).
GENERATORS: list[Callable[[Context], Iterator[Candidate]]] = [
    carried_bounds, fractions_over_one, fractions_as_before, sign_flips, decimal_slips, dropped_terms,
    constant_factors, exponents,
    changed_variables, changed_dots, wrong_functions, reciprocals, transposes, arithmetic, result_factors,
    twin_removals, renamed_siblings, renamed_copies, chain_terms, dropped_constants, missing_factors, reciprocal_wraps,
    difference_terms,
]
# The edits that solve for a term lost from the line (a constant, or the whole difference): where
# the default reading cannot be built, they solve in the reading that refuted the step
SOLVED_IN_READING = (dropped_constants, difference_terms)
# Kept time for the last resort: when the edits before it run out of time or candidates, the
# difference of the two sides (one lowering, one factorisation) is still worth a look.
RESERVE_SECONDS = 0.25
# The kinds of edit that can write a name the line does not have (a term put back, a letter
# renamed, a power copied from the line before, a subscript number changed, a term recovered from
# the difference). When the left side depends on a quantity the line lost, no other edit can repair it.
NAMING = (dropped_terms, renamed_copies, chain_terms, exponents, changed_variables, changed_dots, arithmetic,
          difference_terms)


def diagnose(comparator, parsed, rhs_text: str, lhs_text: str = "", spent: float = 0.0,
             max_seconds: float = MAX_SECONDS, generators: tuple | None = None,
             reading: frozenset = frozenset(), chain: tuple[str, ...] = (),
             macros: object = None) -> Diagnosis | None:
    """The first candidate edit under which the step holds, as a Diagnosis; None when nothing simple does.

    ``lhs_text`` is the text the left tree's offsets point into (empty when the tree is not the
    author's text, e.g. after definitions were substituted in): a dropped term is put back from it.
    ``spent`` is what deciding the step took, one comparison per reading of the notation; a candidate
    costs about one comparison, so a step whose comparisons are slow is not searched at all.
    ``max_seconds`` caps the search; a caller whose verdict does not hang on the answer alone (a
    search that only decides between refuted and unverified) passes less. ``generators`` narrows
    the kinds of edit tried (default: all of GENERATORS), for a reading that only a few kinds of slip
    may turn into an error. ``reading``: where the default reading cannot be built, the one that
    stands for it (see Context.reading). ``chain``: the other lines of the step's chain, nearest first,
    read with ``macros``, from which a lost term the line before does not write is put back."""
    if spent / max(1, len(comparator.readings())) > MAX_SECONDS / 4:
        return None
    parsed = replace(parsed, rhs=widen(parsed.rhs, rhs_text),
                     lhs=widen(parsed.lhs, lhs_text) if lhs_text else parsed.lhs)
    quick = Prefilter(comparator, parsed.lhs, parsed.rhs)
    ctx = Context(comparator, parsed, rhs_text, lhs_text, quick=quick, chain=chain, macros=macros,
                  refuting=reading)
    # a quantity the left side depends on and the line lost: only an edit that writes it again can
    # repair the step, so the edits that keep the line's names are not even generated
    naming_only = ctx.naming_only = quick.lost_dependence()
    # a short search is one whose success alone makes the step an error (a lost quantity, a step
    # undecided in some reading): there a term written from the difference stays as guarded as before
    ctx.guard = max_seconds <= GUARD_SECONDS
    tried = 0
    seen: set[str] = set()
    reserve = min(RESERVE_SECONDS, max_seconds / 3) if _symbolic(ctx) else 0.0
    # CPU time, not wall: on a loaded machine the same step must get the same diagnosis
    deadline = work_time() + max_seconds - reserve
    out_of_time = False
    # an edit of a term that equals a term of the line before, while another term equals none, is
    # held back: it repairs the step only by breaking a right term to make up for the wrong one
    kept = _kept_terms(ctx, reading)
    held: Diagnosis | None = None
    kinds = GENERATORS if generators is None else [g for g in GENERATORS if g in generators]
    # where the line lost a quantity, an edit that writes no name the line does not already write
    # (a term removed, an exponent changed) cannot hold: it is passed over without a comparison, so
    # that the short search's candidates go to the edits that can
    names = _name_marks(parsed.rhs) if naming_only else None
    # a whole term put back or taken out is a big edit: the later kinds still get a look, for a
    # repair that rewrites less of the author's line (the factor 2 of `2w + u - (v + u)` deleted, not
    # a `w` added beside it; `\sin 0` for `\cos 0`, not the term dropped)
    first: Diagnosis | None = None
    first_edit = ("", "")
    smaller_tries = 0
    for generator in kinds:
        if first is not None and smaller_tries >= MAX_SMALLER_TRIES:
            break
        if out_of_time and generator is not GENERATORS[-1]:
            continue
        if generator is GENERATORS[-1]:
            deadline += reserve
        if naming_only and generator not in NAMING:
            continue
        per_kind = 0
        # a reading other than the default costs every solve a lowering of matrices: only the edits
        # that solve for a lost constant term take it (the other kinds are tried in every reading)
        ctx.reading = reading if generator in SOLVED_IN_READING else frozenset()
        for candidate in generator(ctx):
            suggestion = apply_edit(rhs_text, candidate.edit)
            if suggestion in seen or _squash(suggestion) == _squash(rhs_text):
                continue
            seen.add(suggestion)
            per_kind += 1
            if first is not None:
                if not _smaller_edit(rhs_text, suggestion, first_edit):
                    if per_kind >= MAX_PER_KIND:
                        break
                    continue
                smaller_tries += 1
            if names is not None and _writes_no_new_name(candidate.tree, names):
                if per_kind >= MAX_PER_KIND:
                    break
                continue
            tried += 1
            if tried + ctx.solves > (MAX_GUARD_CANDIDATES if ctx.guard else MAX_CANDIDATES) and not out_of_time:
                out_of_time = True
                break
            inside = _within(candidate, kept)
            if (held is None or not inside) and _holds(comparator, parsed.lhs, candidate.tree, quick, candidate.unless):
                diagnosis = _diagnosis(candidate, rhs_text, suggestion)
                if diagnosis is not None and not inside:
                    if first is None and not ctx.guard and generator is reciprocals:
                        return _renumbered(ctx, candidate, rhs_text, quick, deadline) or diagnosis
                    if first is not None or ctx.guard or diagnosis.kind not in RESIZED_KINDS:
                        return diagnosis
                    first, first_edit = diagnosis, _edit_middles(rhs_text, suggestion)
                    break
                held = held or diagnosis
            if first is not None and smaller_tries >= MAX_SMALLER_TRIES:
                break
            if per_kind >= MAX_PER_KIND:
                break
            if work_time() > deadline:
                out_of_time = True
                break
    return first or held


# the kinds whose repair is a whole term, after which a repair with a smaller edit is looked for
RESIZED_KINDS = frozenset({"dropped_term"})
# comparisons spent on that look: only candidates with a smaller edit are compared, and on the
# mutation benchmark those that held came within the first few
MAX_SMALLER_TRIES = 30


def _edit_middles(text: str, suggestion: str) -> tuple[str, str]:
    """What a suggestion takes out of the author's line and what it writes instead, spacing aside:
    the two middles left when the common start and end are taken off (``2w`` -> ``w``: "2", "")."""
    a, b = _squash(text), _squash(suggestion)
    k, m = common_ends(a, b)
    return a[k : len(a) - m], b[k : len(b) - m]


def _smaller_edit(text: str, suggestion: str, first: tuple[str, str]) -> bool:
    """Whether a suggestion rewrites less of the line than the first repair found (``first``, its
    middles), and tells another story than that repair told shorter. After a term put back, only a
    pure deletion counts: a number rewritten is no smaller a story than a term lost (``0`` for
    ``0 + 1``), while a stray factor deleted is (``2w + u - (w + u)``). After a term taken out, only
    a rewrite counts (``\\sin 0`` for ``\\cos 0``), not a factor deleted beside it (``x + 1 + x`` for
    ``2x + 1 + x``) nor a number rewritten (``x + y + 0``, ``1x + 1 + x``): those are the removal told
    otherwise, while a name rewritten (a function, a letter) or a power written keeps every term the
    author wrote."""
    removed, written = _edit_middles(text, suggestion)
    if not first[0]:
        fits = not written
    elif not first[1]:
        # (a power written on a term keeps every term too: ``2h + h^2`` for ``2h + h``)
        fits = _named(written) and _named(removed) or not removed and written.startswith("^")
    else:
        return False
    return fits and max(len(removed), len(written)) < max(len(first[0]), len(first[1]))


# near numbers compared after a fraction found upside down (a few numbers, four moves each)
MAX_RENUMBERED = 12


def _renumbered(ctx: Context, flipped: Candidate, text: str, quick: "Prefilter", deadline: float) -> Diagnosis | None:
    """After a whole fraction found upside down, one number of it rewritten as a near one that also
    repairs the step: the flip rewrites both the numerator and the denominator, while the digit tells
    the same slip with one character of the author's line (``\\frac{2}{\\sqrt{2}}`` is \\sqrt{2}:
    ``\\frac{\\sqrt{2}}{2}`` and ``\\frac{1}{\\sqrt{2}}`` both repair a line that should be 1/\\sqrt{2}).
    A fraction the line before writes the other way up, or one over 1, marks its own site (those are
    other generators). None when no near number repairs it, or the time is out."""
    if not any(isinstance(x, n.Div) and (x.start, x.end) == (flipped.start, flipped.end) for x in ctx.rhs.walk()):
        return None  # (an inverse power taken off: no fraction)
    for k, candidate in enumerate(near_numbers(ctx, flipped.start, flipped.end)):
        if k >= MAX_RENUMBERED or work_time() > deadline:
            return None
        if _holds(ctx.comparator, ctx.lhs, candidate.tree, quick, candidate.unless):
            return _diagnosis(candidate, text, apply_edit(text, candidate.edit))
    return None


def _named(middle: str) -> bool:
    return any(c.isalpha() for c in middle)


MAX_KEPT_TERMS = 8  # sums longer than this are not matched term by term (one lowering per term)
MAX_KEPT_DEPTH = 3


def _kept_terms(ctx: Context, reading: frozenset = frozenset()) -> list[tuple[int, int]]:
    """The spans of the parts of the line that equal the part of the line before they rewrite, in
    value at shared points, where some other part equals none: the line rewrote the line before term
    by term (factor by factor), and the part that no longer matches is where the slip is. A term is
    matched to the term at its own place first, then to any term not yet matched; a term that
    matches none, across from one at its place, is looked into the same way (``1\\cdot(3+1)`` under
    ``1\\cdot((1+0)+1)``: the ``1``s are kept, the ``3`` is the slip). Empty when nothing matches.
    The values are those of ``reading`` where one stands for the default reading (which cannot be
    built: the model of expectations), kept apart from the values the edits cache."""
    if ctx.quick is None:
        return []
    out: list[tuple[int, int]] = []
    if not reading:
        _align(ctx, ctx.rhs, ctx.lhs, out, 0)
        return out
    values, ctx.values, ctx.reading = ctx.values, {}, reading
    try:
        _align(ctx, ctx.rhs, ctx.lhs, out, 0)
    finally:
        ctx.values, ctx.reading = values, frozenset()
    return out


def _parts(node: n.Node) -> list[tuple[int, int, n.Term]] | None:
    """The terms of a sum (with their signs) or the factors of a product, as (start, end, term) rows."""
    node = _inner(node)
    if isinstance(node, n.Add) and 2 <= len(node.terms) <= MAX_KEPT_TERMS:
        return [(t.sign_start if t.sign_start >= 0 else t.node.start, t.node.end, t) for t in node.terms]
    if isinstance(node, n.Mul) and 2 <= len(node.factors) <= MAX_KEPT_TERMS:
        return [(f.start, f.end, n.Term(f.start, f.end, "+", f)) for f in node.factors]
    return None


def _align(ctx: Context, mine: n.Node, theirs: n.Node, out: list[tuple[int, int]], depth: int) -> None:
    """Adds to ``out`` the kept parts of ``mine`` (a part of the line) against ``theirs`` (the part of
    the line before it rewrites); see _kept_terms."""
    rows, other = _parts(mine), _parts(theirs)
    if rows is None or other is None or depth > MAX_KEPT_DEPTH \
            or isinstance(_inner(mine), n.Add) != isinstance(_inner(theirs), n.Add):
        return
    a = [_signed_values(ctx, t) for *_, t in rows]
    b = [_signed_values(ctx, t) for *_, t in other]
    free = set(range(len(b)))
    matched: set[int] = set()
    for k, values in enumerate(a):
        if k < len(b) and _equal_values(values, b[k]):
            matched.add(k)
            free.discard(k)
    if isinstance(_inner(mine), n.Add):  # the terms of a sum may come in another order; factors not
        for k, values in enumerate(a):
            j = next((j for j in sorted(free) if k not in matched and _equal_values(values, b[j])), None)
            if j is not None:
                matched.add(k)
                free.discard(j)
    if not matched or len(matched) == len(rows):
        return
    out.extend((start, end) for k, (start, end, _) in enumerate(rows) if k in matched)
    if len(rows) == len(other):
        for k, (*_, t) in enumerate(rows):
            if k not in matched and k in free:
                _align(ctx, t.node, other[k][2].node, out, depth + 1)


def _within(candidate: Candidate, spans: list[tuple[int, int]]) -> bool:
    """Whether a candidate edits a part inside one of the spans: the part it marks lies in it (a
    minus put before a term), or its edit does, a replacement anywhere in it, an insertion strictly
    inside (one at its start or end puts a term beside it)."""
    start, end, _ = candidate.edit
    if any(a <= candidate.start and candidate.end <= b for a, b in spans):
        return True
    if start == end:
        return any(a < start < b for a, b in spans)
    return any(a <= start and end <= b for a, b in spans)


def _diagnosis(candidate: Candidate, text: str, suggestion: str) -> Diagnosis | None:
    """The finding's account of a candidate that holds; None when it would show a fix that changes
    nothing: a suggestion that is the line as written, or, when the edit leaves the marked text
    alone, that very text (a span that left out the sign the edit deletes: the sign of `k e^{ikx}`
    was flipped, `k e^{ikx}` would follow). The suggestion is the line with the candidate's edit,
    which says what the candidate's tree says: each generator builds the two together."""
    marked = text[candidate.start : candidate.end]
    start, end, _ = candidate.edit
    if start == end:  # an insertion
        touched = candidate.start <= start <= candidate.end
    else:
        touched = start < candidate.end and end > candidate.start
    if _squash(suggestion) == _squash(text) or not touched and _squash(suggestion) == _squash(marked):
        return None
    term = candidate.term if candidate.term is not None else marked
    return Diagnosis(candidate.kind, candidate.start, candidate.end, _compact(term), suggestion, candidate.detail)


def _written_names(tree: n.Node) -> tuple[set[str], set[str]]:
    """The names a line writes, as the lowering names their symbols (``a``, ``a[0]``), and the names
    it writes with a letter index (``x_i``: every ``x[k]`` counts as written)."""
    written: set[str] = set()
    indexed: set[str] = set()
    for node in tree.walk():
        sym = node.func if isinstance(node, n.Apply) else node if isinstance(node, n.Sym) else None
        if sym is None:
            continue
        if not sym.indices:
            written.add(sym.base)
        elif all(isinstance(i, n.Num) for i in sym.indices):
            written.add(sym.base + "[" + ",".join(i.value for i in sym.indices) + "]")
        else:
            indexed.add(sym.base)
    return written, indexed


def _writes_no_new_name(tree: n.Node, marks: set) -> bool:
    """Whether a candidate's tree writes only names the line writes (``marks``, its _name_marks)."""
    return _name_marks(tree) <= marks


def _name_marks(tree: n.Node) -> set:
    """What a tree writes that may name a quantity: each letter with its style, primes, labels and
    subscripts (``\\ddot{x}`` and ``x_2`` are other names than ``\\dot{x}`` and ``x_1``), each function
    and each derivative with its order. An edit that adds none of these cannot write a quantity anew."""
    out: set = set()
    for x in tree.walk():
        if isinstance(x, n.Sym):
            out.add(("sym", x.key, x.primes, x.labels, x.sup_letter.key if x.sup_letter is not None else None,
                     tuple(i.value if isinstance(i, n.Num) else i.key if isinstance(i, n.Sym) else type(i).__name__
                           for i in x.indices)))
        elif isinstance(x, n.Func):
            out.add(("func", x.name, x.primes, x.inverse))
        elif isinstance(x, n.Deriv):
            out.add(("deriv", x.primes, x.partial, tuple(order for _, order in x.wrt)))
        elif isinstance(x, n.Differential):
            out.add(("differential", x.plain))
    return out


def _holds(comparator, lhs: n.Node, tree: n.Node, quick: "Prefilter | None" = None,
           unless: frozenset = frozenset()) -> bool:
    """Equal under some reading of the notation, as the step itself would be verified (a reading with
    one of the flips ``unless`` does not count)."""
    for flips in comparator.readings():
        if flips & unless:
            continue
        if quick is not None and quick.rejects(tree, flips):
            continue
        try:
            outcome = comparator.compare(lhs, tree, flips, equal_only=True)
        except Exception:  # an edit SymPy cannot evaluate is not an explanation
            return False
        only = getattr(comparator, "orthogonality_only", None)
        if outcome.kind == "equal" and only is not None and only(flips, lhs, tree):
            continue  # a candidate that orthogonal vectors alone would make equal is no repair
        if outcome.kind == "equal":
            # (the sampled letters are positive: a repair of a step with |x| or 1[z > 0] must hold off them)
            signed = getattr(comparator, "turns_on_signs", None)
            return not (signed is not None and signed(lhs, tree) and comparator.differs_off_samples(lhs, tree))
    return False


class Prefilter:
    """A quick look before the full comparison. Most candidates are wrong, and a full comparison
    evaluates both sides at every point of every instance; here the left side is lowered and
    evaluated once (first instance, two points), and a candidate that clearly differs there is
    rejected after one lowering of its own. Anything unusual (assumptions that substitute, matrices,
    an error) defers to the full comparison, so the prefilter can only save time, never decide.

    It also knows which quantities the left side depends on that the line lost (``y`` in
    ``x + y = x``): a candidate that does not mention them again cannot hold, whatever its values."""

    POINTS = 2

    def __init__(self, comparator, lhs: n.Node, rhs: n.Node | None = None):
        self.comparator = comparator
        self.lhs = lhs
        self.rhs = rhs
        # (a comparator that puts values in force into the trees it lowers: see check._ComparatorWithValues)
        self.usable = not getattr(comparator, "constraints", ()) and not getattr(comparator, "adds_a_constant", lambda: False)() \
            and not getattr(comparator, "substitutes", False)
        self.cache: dict[frozenset, tuple | None] = {}
        # per instance: the subtrees lowered so far; a candidate shares all but the edited path with
        # the line, so most of its lowering is a lookup
        self.memos: dict[int, tuple[object, dict]] = {}  # id -> (the instance itself, its memo)
        self.free_lhs: dict[frozenset, set] = {}  # the lowered left side's free symbols, per reading
        self.given_tolerance: sp.Float | None = None  # what the left side's decimals carry (it may be valued)

    def rejects(self, tree: n.Node, flips: frozenset) -> bool:
        if not self.usable:
            return False
        try:
            return self._rejects(tree, flips)
        except Exception:  # the full comparison will say what is wrong, if anything
            return False

    def lost_dependence(self) -> bool:
        """Whether, in every reading, the left side depends on a quantity whose name the line does not
        write at all (``cos/cos`` lost its variable too, but a function swap brings it back). One
        reading that lost nothing is enough for any edit to repair the step: ``(a+ib)(a-ib)`` depends
        on the letter i, which ``a^2 - b^2`` lost, but not on the imaginary unit."""
        if not self.usable or self.rhs is None:
            return False
        written, indexed = _written_names(self.rhs)
        for flips in self.comparator.readings():
            try:
                entry = self._entry(flips)
            except Exception:
                if not flips:
                    return False
                continue  # a reading that cannot be built repairs nothing
            if not any(self._unwritten(symbol, written, indexed) for symbol in entry[4]):
                return False
        return True

    @staticmethod
    def _unwritten(symbol: sp.Symbol, written: set[str], indexed: set[str]) -> bool:
        name = re.sub(r"^[A-Za-z]+:", "", symbol.name)  # the style (dot:q[1]) is not part of the base
        name = re.sub(r"\^.*$", "", name).rstrip("'")
        return name not in written and name.split("[")[0] not in indexed

    def _lower(self, instance, tree: n.Node):
        from lintmath.lower import Lowerer

        fresh = copy.copy(instance)
        for f in fields(fresh):
            value = getattr(fresh, f.name)
            if isinstance(value, (dict, set, list)):
                setattr(fresh, f.name, type(value)(value))
        held = self.memos.get(id(instance))
        if held is None or held[0] is not instance:  # (an id is reused once its object is gone)
            held = self.memos[id(instance)] = (instance, {})
        return Lowerer(fresh, self.comparator.parsed.letters, held[1]).lower(tree)

    def _entry(self, flips: frozenset):
        from lintmath.lower import Lowerer

        if flips not in self.cache:
            instance = self.comparator.instances(flips)[0]
            lowered = Lowerer(instance, self.comparator.parsed.letters).lower(self.lhs)
            self.cache[flips] = (instance, lowered, {}, {}, self._lost(instance, lowered))
        return self.cache[flips]

    def _lost(self, instance, a) -> frozenset:
        """The symbols of the lowered left side that the lowered line lacks and that the left side
        really depends on (``y - y`` does not count): changing one alone changes its value."""
        from lintmath.comparator import _sample, evaluate

        from lintmath import linalg

        if self.rhs is None or a.has(sp.Integral):
            return frozenset()  # an antiderivative is compared by its derivative, where constants vanish
        try:
            b = self._lower(instance, self.rhs)
        except Exception:
            return frozenset()
        missing = sorted(a.free_symbols - b.free_symbols, key=lambda x: x.name)
        if not missing or a.has(sp.I):
            return frozenset()
        entries = linalg.entries(a)[1]
        rng = random.Random(f"lost:{self.comparator.seed}")
        point = {symbol: _sample(rng, 1) for symbol in sorted(a.free_symbols, key=lambda x: x.name)}
        base = [evaluate(e, point) for e in entries]
        if any(v is None for v in base):
            return frozenset()
        out = set()
        for symbol in missing:
            moved = [evaluate(e, {**point, symbol: point[symbol] + sp.Rational(37, 100)}) for e in entries]
            if any(m is not None and abs(m - v) > sp.Float("1e-6") * max(1, abs(v), abs(m)) for m, v in zip(moved, base)):
                out.add(symbol)
        return frozenset(out)

    def _rejects(self, tree: n.Node, flips: frozenset) -> bool:
        from lintmath import linalg
        from lintmath.comparator import _sample, evaluate
        from lintmath.tolerance import combined_tolerance, decimal_tolerance

        instance, a, values, points, lost = self._entry(flips)
        b = self._lower(instance, tree)
        if flips not in self.free_lhs:
            self.free_lhs[flips] = a.free_symbols
        free_a, free_b = self.free_lhs[flips], b.free_symbols  # each a walk of the whole tree: once, not per point
        if lost - free_b:
            return True
        # a matrix is compared entry by entry, as the full comparison does; shapes that differ are
        # the full comparison's to judge (a zero written for a zero vector)
        (shape_a, entries_a), (shape_b, entries_b) = linalg.entries(a), linalg.entries(b)
        if shape_a != shape_b:
            return False
        complex_ok = a.has(sp.I) or b.has(sp.I)
        # never stricter than the full comparison, which forgives what rounded decimals lose
        if self.given_tolerance is None:
            self.given_tolerance = decimal_tolerance(self.lhs, given=True)
        slack = max(sp.Float("1e-6"), combined_tolerance(self.given_tolerance, decimal_tolerance(tree)))
        for k in range(1, self.POINTS + 1):
            point = {}
            for symbol in free_a | free_b:
                key = (k, symbol)
                if key not in points:
                    points[key] = _sample(random.Random(f"{symbol.name}:{k}"), k)
                point[symbol] = points[key]
            if (k, complex_ok) not in values or free_a != free_b:
                values[(k, complex_ok)] = [evaluate(x, point, complex_ok=complex_ok) for x in entries_a]
            for va, y in zip(values[(k, complex_ok)], entries_b):
                vb = evaluate(y, point, complex_ok=complex_ok)
                if va is not None and vb is not None and abs(va - vb) > slack * max(1, abs(va), abs(vb)):
                    return True
        return False


# CPU seconds for comparing the readings of a step whose default reading cannot be built, before its
# diagnosis; as in Comparator.decide, a reading not tried leaves the step undecided
READINGS_SECONDS = 0.6
# what the lowering says of a limit that has no finite value at the sampled points
DIVERGING = frozenset({"a limit that does not exist or is infinite", "a limit whose values do not settle near the point"})


def refute_where_readable(comparator, parsed, rhs_text: str, lhs_text: str = "", spent: float = 0.0,
                          max_seconds: float = MAX_SECONDS) -> tuple[tuple, tuple[str, ...], Diagnosis] | None:
    """A refutation of a step whose default reading cannot be built: no reading holds, every reading
    that can be built differs, and a small edit makes the step hold. Returns the refuting point, the
    guesses of the refuting reading and the diagnosis; None otherwise."""
    # With an undefined f the readings compare random stand-ins for it, as a verification does: a
    # refutation there is only as strong as the small edit below that makes the step hold for the
    # same stand-ins (what is left between the two lines is then the edit's term, which vanishes
    # for no f but a degenerate one).
    started = work_time()
    refuting = None
    diverging = True
    misfit = True
    for flips in comparator.readings():
        if work_time() - started > READINGS_SECONDS:
            return None
        outcome = comparator.own(flips)
        if outcome.kind == "equal" or outcome.kind == "undecided" and outcome.readable:
            return None
        if outcome.kind == "differ":
            if (outcome.opaque or outcome.suspect) and not _cancelled_randomness(parsed, outcome):
                return None
            refuting = refuting or (outcome, flips)
        diverging &= outcome.reason in DIVERGING
        misfit &= outcome.kind == "undecided" and outcome.reason.startswith(SHAPE_MISFITS)
    if refuting is None and not diverging and not (misfit and _misfit_in_new_line(comparator)):
        return None
    # A limit that does not settle in any reading (cos h / h, a bar at infinity of a growing term)
    # is no value to compare; it is refuted only by an edit under which it settles on the line before.
    spent += work_time() - started
    diagnosis = diagnose(comparator, parsed, rhs_text, lhs_text, spent=spent, max_seconds=max_seconds,
                         reading=refuting[1] if refuting is not None else frozenset())
    if diagnosis is None:
        return None
    if refuting is None:
        return (), (), diagnosis
    outcome, flips = refuting
    return outcome.point, comparator.guesses(flips), diagnosis


def _cancelled_randomness(parsed, outcome) -> bool:
    """Whether what makes a difference in the model of expectations look like a quantity from
    elsewhere is only the lowering's cancelling: its opaque names are all random symbols at outcomes,
    and every random symbol the step writes, the two sides both write (E[E[Y | X] | X] - E[Y | X] is 0
    at every outcome, and Y stands on the other side too). A random quantity written on one side
    only (the noise of E[w^T x + e]) may have the mean the prose gives it, and keeps the step undecided."""
    from lintmath.comparator import EQUATION_TO_SOLVE
    from lintmath.expectation import OUTCOME_MARK

    randomness = parsed.letters.randomness
    random = randomness.default | randomness.bound
    if not random or outcome.suspect not in ("", EQUATION_TO_SOLVE) \
            or not all(OUTCOME_MARK in name for name in outcome.opaque):
        return False
    left, right = ({n.structure(x) for x in side.walk() if isinstance(x, n.Sym) and x.key in random}
                   for side in (parsed.lhs, parsed.rhs))
    return bool(left) and left == right


# Shapes that do not fit (x^T x x + 1, a vector plus a number): a line no reading builds, but whose
# letters' shapes the rest of the step fixes
SHAPE_MISFITS = ("adding a number to a matrix", "adding matrices of different shapes",
                 "a product of shapes that do not fit", "dividing by a matrix")


def _misfit_in_new_line(comparator) -> bool:
    """Whether the shapes that do not fit are the new line's alone: the line before builds in the
    default reading, with the shapes the step gives the letters, and the new line builds in none.
    Then the new line is no reading of anything (b^T M^{-1} M for b^T M^{-1} b): like a step whose
    readings all differ, it is an error only where a small edit makes it hold."""
    from lintmath.lower import Lowerer, Undecidable

    try:
        Lowerer(comparator.instances(frozenset())[0], comparator.parsed.letters).lower(comparator.parsed.lhs)
    except Exception:  # (Undecidable, or not a question of the notation)
        return False
    for flips in comparator.readings():
        try:
            Lowerer(comparator.instances(flips)[0], comparator.parsed.letters).lower(comparator.parsed.rhs)
        except Undecidable as exc:
            if not str(exc).startswith(SHAPE_MISFITS):
                return False
            continue
        except Exception:
            return False
        return False
    return True


def unreadable(comparator, tree: n.Node) -> bool:
    """Whether no reading of the step's notation can build ``tree`` alone."""
    from lintmath.lower import Lowerer, Undecidable

    for flips in comparator.readings():
        try:
            Lowerer(comparator.instances(flips)[0], comparator.parsed.letters).lower(tree)
        except Undecidable:
            continue
        except Exception:  # not a question of the notation
            return False
        return False
    return True
