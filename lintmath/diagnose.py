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

Some edits need a value (the missing factor, the right constant). Those are solved for, not guessed:
the unknown becomes a *hole* symbol in the tree, and a few secant steps at one sampled point find
the value that makes the two sides agree; only small rationals are proposed, and the proposal is then
judged by the comparator on every point like any other candidate.
"""
from __future__ import annotations

import collections
import copy
import itertools
import random
import re
from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from math import gcd
from typing import Callable, Iterator

import sympy as sp

from lintmath.budget import work_time
from lintmath.model import Diagnosis
from lintmath.parse import nodes as n
from lintmath.parse.tokens import UNICODE_MINUS

MAX_CANDIDATES = 400  # comparisons (and solves) per refuted step, over all kinds
# in a short search (see GUARD_SECONDS): on the mutation benchmark 98% of the repairs a short search
# found came within its first 40 candidates, while on real notes nearly every short search finds
# nothing (the step was right) and tried up to 120
MAX_GUARD_CANDIDATES = 40
# so that one prolific kind cannot starve the kinds after it; on the mutation benchmark 99.8% of the
# repairs found were among the first 20 candidates of their kind, while a search that finds nothing
# (most steps of real notes that get one are right) tried every candidate: 80 cost 8% of a corpus run
MAX_PER_KIND = 20
HOLE = "?hole"  # the name of the unknown a solve looks for; no LaTeX letter reads as this
NICE_DENOMINATOR = 32
SOLVE_POINTS = 3
# Wall-clock cap on one diagnosis. Candidates cost milliseconds on ordinary steps, so this only
# cuts the search where a single evaluation is pathological (power towers, huge sums); there, an
# explanation is not worth seconds of the step's budget.
MAX_SECONDS = 1.0
# The cap when the search only lifts a guard (a step that lost a quantity, or became a constant, is
# unverified unless a small edit explains it): a typo there is found among the first candidates, and
# most such steps are substitutions from the prose, where a long search finds nothing.
GUARD_SECONDS = 0.3


@dataclass(frozen=True)
class Candidate:
    kind: str
    tree: n.Node  # the edited right-hand side
    start: int  # the term the edit touches, as offsets into the rhs text
    end: int
    edit: tuple[int, int, str]  # (start, end, replacement) applied to the rhs text
    detail: str
    term: str | None = None  # the term named in the message, when it is not rhs_text[start:end]


@dataclass
class Context:
    """What a generator may look at: both trees, both texts, and the comparator (for solves)."""

    comparator: object
    parsed: object
    rhs_text: str
    lhs_text: str = ""
    solves: int = 0
    naming_only: bool = False  # only edits that write a name the line lost can repair it
    guard: bool = False  # the search decides whether the step is an error at all (see diagnose)
    quick: object = None  # the Prefilter, which lowers single terms
    values: dict = field(default_factory=dict)  # a term's values, by id (see _term_values)
    results: list = field(default_factory=list)  # the stated result, once looked for (see stated_result)
    trees: list = field(default_factory=list)  # the chain's lines as read (see chain_terms)
    # the reading whose instances solves and differences lower in: the default one, unless it cannot
    # be built (y - Xw with y read as a number), when the reading that refuted the step stands for it
    reading: frozenset = frozenset()
    # the other lines of the step's chain, nearest first, and the macros to read them with (see chain_terms)
    chain: tuple[str, ...] = ()
    macros: object = None
    _parents: dict | None = None

    def parent_of(self, node: n.Node) -> n.Node | None:
        if self._parents is None:
            self._parents = _parents(self.parsed.rhs)
        return self._parents.get(id(node))

    @property
    def rhs(self) -> n.Node:
        return self.parsed.rhs

    @property
    def lhs(self) -> n.Node:
        return self.parsed.lhs


# -- trees ---------------------------------------------------------------------------------------

def replace_node(tree: n.Node, target: n.Node, new: n.Node) -> n.Node:
    """A copy of ``tree`` with the node ``target`` (by identity) replaced by ``new``."""
    return n.rebuild(tree, lambda node: new if node is target else None)


_SIZED = re.compile(r"\\(?:left|bigl|Bigl|biggl|Biggl|big|Big|bigg|Bigg)\s*$")


def widen(tree: n.Node, text: str) -> n.Node:
    """The tree with every node that starts at a ``\\left(`` (or ``\\bigl(``) starting at the
    ``\\left``: the parser places a bracket at its delimiter, and an edit that deletes or replaces the
    node must take the size command with it."""
    # (a number or letter after a size command is a stray one, not the bracket it sizes)
    starts = {node.start for node in tree.walk()
              if _SIZED.search(text[: node.start]) and not text[node.start : node.start + 1].isalnum()}
    if not starts:
        return tree
    return n.map_nodes(tree, lambda node: replace(node, start=_SIZED.search(text[: node.start]).start())
                       if node.start in starts else node)


def _parents(tree: n.Node) -> dict[int, n.Node]:
    out: dict[int, n.Node] = {}
    for node in tree.walk():
        for child in node.children():
            out[id(child)] = node
    return out


def _by_depth(tree: n.Node, cls) -> list:
    """Nodes of a type, outermost first and left to right, so the simplest explanation is tried first."""
    out: list[tuple[int, int, n.Node]] = []
    stack: list[tuple[n.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, cls):
            out.append((depth, node.start, node))
        for child in node.children():
            stack.append((child, depth + 1))
    out.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in out]


def _in_text_order(tree: n.Node, cls) -> list:
    return sorted((x for x in tree.walk() if isinstance(x, cls)), key=lambda x: (x.start, -x.end))


def _adds_by_depth(tree: n.Node) -> list[n.Add]:
    return _by_depth(tree, n.Add)


def _is_plain(sym: n.Sym) -> bool:
    return not (sym.style or sym.indices or sym.labels or sym.sup_letter is not None or sym.primes)


def numeric_value(node: n.Node) -> Fraction | None:
    """The value of a written constant coefficient: ``2``, ``0.5``, ``\\frac{1}{2}``."""
    if isinstance(node, n.Num):
        return Fraction(node.value)
    if isinstance(node, n.Div) and isinstance(node.num, n.Num) and isinstance(node.den, n.Num):
        den = Fraction(node.den.value)
        return Fraction(node.num.value) / den if den else None
    return None


# -- text ----------------------------------------------------------------------------------------

def _compact(text: str) -> str:
    return " ".join(text.split())


def _squash(text: str) -> str:
    return "".join(text.split())


def apply_edit(text: str, edit: tuple[int, int, str]) -> str:
    start, end, replacement = edit
    return _compact(text[:start] + replacement + text[end:])


_COMMAND_END = re.compile(r"\\[A-Za-z]+$")


def _edit(text: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """An edit that cannot glue a command to a following letter (``\\alpha`` + ``b``)."""
    if replacement and _COMMAND_END.search(replacement) and text[end:end + 1].isalpha():
        replacement += " "
    if replacement[:1].isalpha() and _COMMAND_END.search(text[:start]):
        replacement = " " + replacement
    return (start, end, replacement)


def _number_text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def _number_node(start: int, end: int, value: Fraction) -> n.Node:
    magnitude = abs(value)
    if magnitude.denominator == 1:
        node: n.Node = n.Num(start, end, str(magnitude.numerator))
    else:
        node = n.Div(start, end, n.Num(start, end, str(magnitude.numerator)),
                     n.Num(start, end, str(magnitude.denominator)))
    if value < 0:
        return n.Add(start, end, (n.Term(start, end, "-", node),))
    return node


def _decimal_text(value: Fraction, like: str) -> str | None:
    """``value`` written the way the author wrote ``like`` (an integer, or a short decimal)."""
    if "." not in like:
        return str(value.numerator) if value.denominator == 1 else None
    for places in range(0, 7):
        scaled = value * 10 ** places
        if scaled.denominator == 1:
            digits = max(places, len(like.split(".")[1]))
            return f"{float(value):.{digits}f}"
    return None


def written_number(value: Fraction, like: str) -> str:
    """``value`` written as the author wrote the number ``like``: a decimal for a decimal, else a
    whole number or a fraction."""
    return _decimal_text(value, like) or _number_text(value)


def _script_span(text: str, exp: n.Node) -> tuple[int, int, bool] | None:
    """Where ``^2`` / ``^{n-1}`` is written: (caret, end, braced), from the exponent's own offsets."""
    caret = text.rfind("^", 0, exp.start)
    if caret < 0 or text[caret + 1 : exp.start].strip() not in ("", "{"):
        return None
    braced = "{" in text[caret + 1 : exp.start]
    end = exp.end
    if braced:
        close = text.find("}", exp.end)
        if close < 0 or text[exp.end:close].strip():
            return None
        end = close + 1
    return caret, end, braced


def _script(value: str, braced: bool) -> str:
    return f"^{{{value}}}" if braced or len(value) > 1 else f"^{value}"


_ONE_CHAR_SCRIPT = re.compile(r"\^\s*(\{\s*\w\s*\}|\w)")


def _braces_one_char_scripts(ctx: Context) -> bool | None:
    """Whether the two lines write a one-character exponent in braces (``x^{2}``) rather than bare
    (``x^2``), by majority; None when they write none."""
    found = _ONE_CHAR_SCRIPT.findall(ctx.lhs_text + " " + ctx.rhs_text)
    braced = sum(f.startswith("{") for f in found)
    if not found or braced * 2 == len(found):
        return None
    return braced * 2 > len(found)


def _wrapped(text: str, node: n.Node, parent: n.Node | None) -> str:
    """The text of ``node`` ready to stand where a tighter-binding node stood."""
    body = text[node.start : node.end].strip()
    if isinstance(node, n.Add) and len(node.terms) > 1 and isinstance(parent, (n.Mul, n.Pow, n.Func)):
        return f"({body})"
    return body


# -- LM101 ---------------------------------------------------------------------------------------

def sign_flips(ctx: Context) -> Iterator[Candidate]:
    """LM101: the sign of the whole line, or of one term of any sum in it."""
    rhs, text = ctx.rhs, ctx.rhs_text
    whole: Candidate | None = _negate_whole(rhs, text)
    exponents = {id(x.exp) for x in rhs.walk() if isinstance(x, n.Pow)}
    for add in _adds_by_depth(rhs):
        if id(add) in exponents and len(add.terms) == 1:
            continue  # x^{-1} for x is a reciprocal (LM106), not a sign
        if whole is not None and add is not rhs:
            yield whole  # after the terms of the line's own sum: one sign is a smaller edit than a bracket
            whole = None
        for k, term in enumerate(add.terms):
            flipped = replace(term, sign="+" if term.sign == "-" else "-")
            new_add = replace(add, terms=add.terms[:k] + (flipped,) + add.terms[k + 1 :])
            tree = replace_node(rhs, add, new_add)
            edit = _sign_edit(text, term, k)
            bare = _unbracketed(term, text) if add is rhs and len(add.terms) == 1 else None
            if bare is not None:
                tree, edit = bare  # -(a - b) for a - b: the bracket goes with the sign that needed it
            # A leading sign belongs to its term: the finding marks it and the message names it, or
            # they would show the very text the suggestion writes (the sign of `k e^{ikx}` was
            # flipped; `k e^{ikx}` would follow)
            start = term.sign_start if k == 0 and term.sign_start >= 0 else term.node.start
            shown = text[start : term.node.end]
            yield _as_exponent_edit(ctx, add, Candidate("sign_flip", tree, start, term.node.end, edit,
                                                        f"the sign of `{_compact(shown)}` was flipped"), term)
    if whole is not None:
        yield whole


_MINUSES = "-" + "".join(UNICODE_MINUS)


def _sign_edit(text: str, term: n.Term, k: int) -> tuple[int, int, str]:
    """The text edit that gives ``term`` the other sign, as the flipped tree has it. One written sign
    changes (in ``a + -b`` either one flips the term); a leading minus is deleted rather than made a
    plus, and with it the space before the term when it was the only sign (``- - a`` loses one minus:
    deleting both would leave ``a``, which is the term as it was). A sign written as a command (a
    macro, ``\\mathbin{-}``) is replaced whole."""
    body = term.node.start
    if term.sign_start < 0:
        return (body, body, "-")
    start = term.sign_start
    new = "+" if term.sign == "-" else "-"
    first = text[start : start + 1]
    if not first or first not in "+" + _MINUSES:
        return (start, body, "" if k == 0 and new == "+" else new)
    if k == 0 and first in _MINUSES:
        alone = not any(c in "+" + _MINUSES for c in text[start + 1 : body])
        return (start, body if alone else start + 1, "")
    return (start, start + 1, "+" if first in _MINUSES else "-")


def _unbracketed(term: n.Term, text: str) -> tuple[n.Node, tuple[int, int, str]] | None:
    """``-(a - b)`` (or ``-\\left(a - b\\right)``) as the whole line, without its sign: ``a - b``, as
    tree and as text, the bracket dropped with the sign that needed it."""
    node = term.node
    if term.sign != "-" or term.sign_start < 0 or not isinstance(node, n.Paren) or node.delim not in ("(", "["):
        return None
    inner = node.inner
    if not (isinstance(inner, n.Add) and len(inner.terms) > 1 and node.start < inner.start and inner.end < node.end):
        return None  # (a bracket the parser made up, as for \vec{AB}, has no text of its own)
    return inner, (term.sign_start, node.end, text[inner.start : inner.end].strip())


def _negate_whole(rhs: n.Node, text: str) -> Candidate:
    tree = n.Add(rhs.start, rhs.end, (n.Term(rhs.start, rhs.end, "-", rhs),))
    body = text[rhs.start : rhs.end]
    if isinstance(rhs, n.Add) and len(rhs.terms) == 1 and rhs.terms[0].sign == "-" and rhs.terms[0].sign_start >= 0:
        term = rhs.terms[0]
        edit = _sign_edit(text, term, 0)
    elif isinstance(rhs, n.Add) and _in_order(edits := [_sign_edit(text, t, k) for k, t in enumerate(rhs.terms)],
                                              rhs.start, rhs.end):
        # every sign flipped (a + b for -a - b), not the line bracketed under one more sign
        tree = replace(rhs, terms=tuple(replace(t, sign="+" if t.sign == "-" else "-") for t in rhs.terms))
        out, at = "", rhs.start
        for start, end, replacement in edits:
            out, at = out + text[at:start] + replacement, end
        edit = (rhs.start, rhs.end, out + text[at : rhs.end])
    elif isinstance(rhs, n.Add):
        edit = (rhs.start, rhs.end, "-\\left(" + body.strip() + "\\right)")
    else:
        edit = (rhs.start, rhs.start, "-")
    return Candidate("sign_flip", tree, rhs.start, rhs.end, edit, "the sign of the whole line was flipped")


def _in_order(edits: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether edits of one text lie within ``start:end``, one after the other, so that they apply together."""
    ends = [start] + [x for s, e, _ in edits for x in (s, e)] + [end]
    return all(a <= b for a, b in zip(ends, ends[1:]))


# -- LM102 ---------------------------------------------------------------------------------------

def dropped_terms(ctx: Context) -> Iterator[Candidate]:
    """LM102: a term of the line before is missing from a sum of this line, or a term was added.

    A missing term is put back as the author wrote it on the line before, next to the neighbour it
    had there; sums that share terms with the sum it came from are tried first."""
    rhs, text = ctx.rhs, ctx.rhs_text
    rhs_adds = _adds_by_depth(rhs)
    for add in rhs_adds:  # an added term: remove it
        if len(add.terms) < 2:
            continue
        for k in range(len(add.terms)):
            if not _has_twin(ctx, add, k):  # a twin's removal waits: see twin_removals
                yield _as_exponent_edit(ctx, add, _zeroed(ctx, add.terms[k].node) or _removal_candidate(ctx, add, k))
    if not ctx.lhs_text or _worked_out(ctx):
        return  # a sum worked out wrong is wrong arithmetic: any number is the right one plus some term
    # the line's own pattern before the line before's spelling: both repair the step, but a line
    # that writes ``(a_1+b_1)x`` lost ``(a_0+b_0)``, not the ``a_0 + b_0`` it was computed from
    for add in rhs_adds:
        yield from _polynomial_gaps(ctx, add)
    yield from _renamed_siblings(ctx, restyled_only=True)
    lhs_adds = [a for a in _adds_by_depth(ctx.lhs) if len(a.terms) > 1]
    targets: list[n.Node] = list(rhs_adds) or [rhs]
    if not isinstance(rhs, n.Add):
        targets.append(rhs)  # a one-term line that lost the rest of its sum
    pairs = []
    for i, source in enumerate(lhs_adds):
        source_texts = {_squash(ctx.lhs_text[t.node.start : t.node.end]) for t in source.terms}
        for j, target in enumerate(targets):
            terms = target.terms if isinstance(target, n.Add) else (n.Term(target.start, target.end, "+", target),)
            shared = sum(_squash(text[t.node.start : t.node.end]) in source_texts for t in terms)
            top = source is ctx.lhs and target is rhs
            if top or shared >= 2 or shared and source is ctx.lhs:
                pairs.append((-shared, -top, i, j, source, target))
    pairs.sort(key=lambda p: p[:4])
    if pairs and _rewrote_all(ctx, lhs_adds) and not isinstance(ctx.parent_of(rhs), n.Node):
        # a line that keeps no term of the line before as written wrote the lost one its own way too:
        # one of its terms again with the letter it lost (``(T+S)(v)`` beside ``(T+S)(u)``)
        own = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
        yield from _renamed_copies(ctx, own)
    for *_, source, target in pairs:
        yield from _insertions(ctx, source, target)
    yield from _swapped_copies(ctx)
    yield from _moved_primes(ctx)
    yield from _lost_products(ctx)


MAX_CHAIN_TERMS = 12  # terms of a chain line's sum looked at: a lost term is found among a line's first ones


def chain_terms(ctx: Context) -> Iterator[Candidate]:
    """LM102: a term lost that the line before does not write as a term of a sum (it is inside a
    bracket there, or spelled otherwise), put back as another line of the chain writes it: the line
    after the step, worked from the right line, mostly still has it; an earlier line may. It goes
    beside the neighbour it has there. In the line's own sum a term is put back only when its value
    is what the line lacks (the difference of the two sides, where the terms can be valued alone);
    in a sum inside the line, only beside a term it shares with that line's sum. Tried after the
    terms of the line before, whose spelling is the nearer one, and after the copies of a term of the
    line itself (renamed_siblings, renamed_copies): the line's own pattern is nearer still. Where the
    search decides the verdict (a quantity the line lost), only the first kind: the difference
    itself, which difference_terms would write back too, spelled as the chain spells it."""
    if not ctx.chain or not ctx.lhs_text or _beside_decimals(ctx) or _worked_out(ctx) \
            or isinstance(ctx.parent_of(ctx.rhs), n.Node):
        return
    rhs, text = ctx.rhs, ctx.rhs_text
    # the terms the line before writes are dropped_terms' to put back, with the refusals that read them
    before = {_squash(ctx.lhs_text[t.node.start : t.node.end]) for a in _adds_by_depth(ctx.lhs) for t in a.terms}
    targets: list[n.Node] = list(_adds_by_depth(rhs)) or [rhs]
    if not isinstance(rhs, n.Add):
        targets.append(rhs)
    lacking = _lacking(ctx)
    if ctx.guard and lacking is None:
        return
    for line, sources in _chain_sums(ctx):
        for target in targets:
            if not isinstance(target, n.Add) and isinstance(ctx.parent_of(target), (n.Mul, n.Pow, n.Func)):
                continue  # a bare factor that lost a sum needs parentheses too: not a one-term edit
            terms = target.terms if isinstance(target, n.Add) else (n.Term(target.start, target.end, "+", target),)
            present = [_squash(text[t.node.start : t.node.end]) for t in terms]
            top = target is rhs or target is _top_add(rhs)
            if ctx.guard and not top:
                continue
            for source in sources:
                theirs = [_squash(line[t.node.start : t.node.end]) for t in source.terms]
                shared = sum(x in present for x in theirs)
                if not top and not shared:
                    continue
                for k, term in enumerate(source.terms):
                    body = _compact(line[term.node.start : term.node.end])
                    if not body or theirs[k] in before or present.count(theirs[k]) >= theirs.count(theirs[k]):
                        continue
                    if top:
                        # the line's own sum lacks exactly this term, or the sum it came from shares the line's terms
                        values = _signed_values(ctx, term)
                        if not (_equal_values(values, lacking) if values is not None and lacking is not None
                                else shared and not ctx.guard):
                            continue
                    position = _beside(present, theirs, k, len(terms))
                    new_add = n.Add(target.start, target.end, terms[:position] + (term,) + terms[position:])
                    shown = ("-" if term.sign == "-" else "") + body
                    yield Candidate("dropped_term", replace_node(rhs, target, new_add), target.start, target.end,
                                    _insertion_edit(terms, position, term.sign, body, text),
                                    f"the term `{shown}` was dropped", term=shown)


def _chain_sums(ctx: Context) -> list[tuple[str, list[n.Add]]]:
    """The chain's lines other than the step's own two, each with its sums (outermost first), read
    once per step; a line the parser cannot read is left out."""
    if ctx.trees or not ctx.chain:
        return [row for row in ctx.trees if row is not None]
    from lintmath.parse.parser import parse_math

    written = {_squash(ctx.rhs_text), _squash(ctx.lhs_text)}
    for line in ctx.chain:
        if _squash(line) in written:
            continue
        written.add(_squash(line))
        try:
            tree = parse_math(line, ctx.macros or {})
        except Exception:  # (a line the parser cannot read has no term to lend)
            continue
        # (the rows keep the trees alive: term values are cached by the node's id)
        ctx.trees.append((line, [a for a in _adds_by_depth(tree) if 1 < len(a.terms) <= MAX_CHAIN_TERMS]))
    ctx.trees.append(None)  # read: an empty chain is not read again
    return [row for row in ctx.trees if row is not None]


def _chain_position(ctx: Context, body: str, terms: tuple[n.Term, ...], default: int) -> int:
    """Where a term the search writes anew (``body``) goes among the line's ``terms`` when a line of
    the chain writes it in a sum beside one of them: beside that neighbour, as the chain has it;
    ``default`` otherwise."""
    wanted = _squash(body)
    present = [_squash(ctx.rhs_text[t.node.start : t.node.end]) for t in terms]
    for line, sources in _chain_sums(ctx):
        for source in sources:
            theirs = [_squash(line[t.node.start : t.node.end]) for t in source.terms]
            if wanted in theirs and set(theirs) & set(present):
                return _beside(present, theirs, theirs.index(wanted), len(terms))
    return default


def renamed_copies(ctx: Context) -> Iterator[Candidate]:
    """LM102: the first source of difference_terms (a copy of a term of the line with the letters that
    vanished put back), brought before chain_terms where the step has a chain: the line's own pattern
    (``T(\\ell v)`` beside ``S(\\ell v)``) is nearer than a later line's rewrite of the term (``\\ell T(v)``).
    Without a chain it waits for difference_terms, as it did."""
    if not ctx.chain or isinstance(ctx.parent_of(ctx.rhs), n.Node):
        return
    rhs = ctx.rhs
    yield from _renamed_copies(ctx, rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),))


def _top_add(node: n.Node) -> n.Node | None:
    """The sum a line is, inside the brackets that wrap all of it."""
    node = _inner(node)
    return node if isinstance(node, n.Add) else None


def _lacking(ctx: Context) -> tuple[complex, ...] | None:
    """What the line lacks, the left side less the right at the points terms are valued at (see
    _term_values); None where either side cannot be valued so."""
    a, b = _term_values(ctx, ctx.lhs), _term_values(ctx, ctx.rhs)
    if a is None or b is None or len(a) != len(b):
        return None
    return tuple(x - y for x, y in zip(a, b))


def _beside(present: list[str], theirs: list[str], k: int, end: int) -> int:
    """Where term ``k`` of a sum written ``theirs`` goes among the terms ``present``: after the term
    before it there, else before the term after it, else at its own place (the last term of its sum
    last, whatever the two sums' lengths)."""
    if k and theirs[k - 1] in present:
        return present.index(theirs[k - 1]) + 1
    if k + 1 < len(theirs) and theirs[k + 1] in present:
        return present.index(theirs[k + 1])
    return end if k == len(theirs) - 1 else min(k, end)


def _rewrote_all(ctx: Context, lhs_adds: list[n.Add]) -> bool:
    """Whether no term of the new line is written as a term of a sum of the line before."""
    theirs = {_squash(ctx.lhs_text[t.node.start : t.node.end]) for a in lhs_adds for t in a.terms}
    terms = ctx.rhs.terms if isinstance(ctx.rhs, n.Add) else (n.Term(ctx.rhs.start, ctx.rhs.end, "+", ctx.rhs),)
    return not any(_squash(ctx.rhs_text[t.node.start : t.node.end]) in theirs for t in terms)


def twin_removals(ctx: Context) -> Iterator[Candidate]:
    """LM102 again: removing a term that is a constant multiple of another term of its sum. Such a
    removal repairs a step whenever the two terms' coefficients are off by the removed one
    (``2ab + ba`` for ``ab + ba``, ``3x \\cdot x + x^2`` for ``2x \\cdot x + x^2``), so it is tried only
    after the edits of the numbers the author wrote: a wrong coefficient is the likelier typo."""
    for add in _adds_by_depth(ctx.rhs):
        for k in range(len(add.terms)):
            if len(add.terms) > 1 and _has_twin(ctx, add, k):
                yield _removal_candidate(ctx, add, k)


def _lead_number(node: n.Node) -> n.Num | None:
    """The number a term is, or the number its product starts with (``3`` in ``3x``)."""
    if isinstance(node, n.Mul) and len(node.factors) > 1:
        node = node.factors[0]
    return node if isinstance(node, n.Num) else None


def _writes_coefficient(ctx: Context, value: str, bare: bool) -> bool:
    """Whether some term of the new line starts with the number ``value`` (``0x``, ``1a_1``), or with
    ``bare``, is that number (``+ 0``): an author who writes such terms in this line keeps them (the
    line before is no guide: a line often exists to drop the ``1a_1`` of the one before)."""
    for add in ctx.rhs.walk():
        if not (isinstance(add, n.Add) and len(add.terms) > 1):
            continue
        for term in add.terms:
            lead = _lead_number(term.node)
            if lead is not None and lead.value == value and (bare or lead is not term.node):
                return True
    return False


def _restyled_number(ctx: Context, node: n.Node, value: str) -> Candidate | None:
    """``node``'s leading number written as ``value`` (LM108), when the lines write terms with that
    coefficient: the same repair as deleting the term (0) or the coefficient (1), in the author's style."""
    lead = _lead_number(node)
    # a term ``+ 1`` is no coefficient: only a written ``1x`` shows the style
    if lead is None or lead.value == value or not _writes_coefficient(ctx, value, bare=value == "0"):
        return None
    return Candidate("arithmetic", replace_node(ctx.rhs, lead, n.Num(lead.start, lead.end, value)),
                     lead.start, lead.end, (lead.start, lead.end, value), f"`{lead.value}` should be `{value}`")


def _zeroed(ctx: Context, node: n.Node) -> Candidate | None:
    """A term that does not belong, made 0 when the lines write zero terms (``(a_0 + 0)``, ``0x``):
    there the author's own line had a 0 where the slip put another number."""
    return _restyled_number(ctx, node, "0")


def _removal_candidate(ctx: Context, add: n.Add, k: int) -> Candidate:
    term, text = add.terms[k], ctx.rhs_text
    rest = add.terms[:k] + add.terms[k + 1 :]
    tree = replace_node(ctx.rhs, add, replace(add, terms=rest))
    shown = _compact(text[term.node.start : term.node.end])
    return Candidate("dropped_term", tree, term.node.start, term.node.end,
                     _removal(add, k, text), f"the term `{shown}` does not belong here")


def _as_exponent_edit(ctx: Context, add: n.Add, candidate: Candidate, term: n.Term | None = None) -> Candidate:
    """An edit of a sum that is an exponent changes the exponent: ``\\beta^{t-1}`` for ``\\beta^{t}`` (a
    term too many) or ``(1+r)^{t-1}`` for ``(1+r)^{t+1}`` (a number's sign, ``term``) is a wrong
    exponent (LM104), as the suggestion shows, not a term that does not belong to the line or a sign
    error. A letter's sign (``x^{a+b}`` for ``x^{a-b}``), or a sum nested deeper in the exponent
    (``e^{\\lambda(e^t + 1)}``), keeps its own story."""
    parent = ctx.parent_of(add)
    power = parent if isinstance(parent, n.Pow) and parent.exp is add \
        or isinstance(parent, n.Func) and parent.power is add else None
    if power is None or term is not None and not isinstance(term.node, n.Num):
        return candidate
    start, end, replacement = candidate.edit
    if not add.start <= start <= end <= add.end:
        return candidate
    text = ctx.rhs_text
    new_exp = _compact(text[add.start : start] + replacement + text[end : add.end])
    shown = _compact(text[power.start : power.end])
    return replace(candidate, kind="exponent", start=power.start, end=power.end, term=None,
                   detail=f"the exponent in `{shown}` should be {new_exp}")


MAX_TWIN_TERMS = 8  # sums longer than this are not searched for twins (one lowering per term)


def _has_twin(ctx: Context, add: n.Add, k: int) -> bool:
    """Whether term ``k`` of ``add`` is a constant multiple of another of its terms written
    differently, judged on the values of the terms alone at three points (a term that cannot be
    evaluated alone has no twin). The same text again (``2x + 1 + x``) is a term written twice: its
    removal is the simple story, and it is not deferred."""
    if len(add.terms) > MAX_TWIN_TERMS:
        return False
    mine = _term_values(ctx, add.terms[k].node)
    if mine is None:
        return False
    body = _uncoefficient(ctx.rhs_text, add.terms[k].node)
    for j, other in enumerate(add.terms):
        if j != k and _uncoefficient(ctx.rhs_text, other.node) != body \
                and _proportional(mine, _term_values(ctx, other.node)):
            return True
    return False


def _uncoefficient(text: str, node: n.Node) -> str:
    """The text of a term without its written numeric coefficient, blanks removed."""
    if isinstance(node, n.Mul) and numeric_value(node.factors[0]) is not None:
        return _squash(text[node.factors[1].start : node.end])
    return _squash(text[node.start : node.end])


def _term_values(ctx: Context, node: n.Node) -> tuple[complex, ...] | None:
    """The values of one term (each entry, at three points shared by all terms), cached per node."""
    from lintmath import linalg
    from lintmath.comparator import _sample, evaluate

    if id(node) in ctx.values:
        return ctx.values[id(node)]
    out: tuple[complex, ...] | None = None
    if ctx.quick is not None and not any(isinstance(x, (n.Integral, n.Limit, n.BigOp, n.Unsupported))
                                         for x in node.walk()):
        try:
            expr = ctx.quick._lower(ctx.comparator.instances(ctx.reading)[0], node)
            entries = linalg.entries(expr)[1]
            symbols = sorted(set().union(*(getattr(e, "free_symbols", set()) for e in entries)),
                             key=lambda x: x.name)
            values = []
            rngs = {x: random.Random(f"twin:{x.name}") for x in symbols}  # the same points for every term
            for attempt in (1, 2, 3):
                point = {x: _sample(rngs[x], attempt) for x in symbols}
                values.extend(evaluate(e, point, complex_ok=True) for e in entries)
            if all(v is not None for v in values):
                out = tuple(complex(v) for v in values)
        except Exception:  # a term that cannot stand alone (a bound index) has no twin
            out = None
    ctx.values[id(node)] = out
    return out


def _proportional(a: tuple[complex, ...] | None, b: tuple[complex, ...] | None) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    pivot = max(range(len(b)), key=lambda i: abs(b[i]))
    if abs(b[pivot]) < 1e-12 or max(abs(x) for x in a) < 1e-12:
        return False
    ratio = a[pivot] / b[pivot]
    return all(abs(x - ratio * y) <= 1e-9 * max(1.0, abs(x)) for x, y in zip(a, b))


MAX_SWAPS = 8  # candidates; an expansion of a product of two sums has a handful of terms


def _swapped_copies(ctx: Context) -> Iterator[Candidate]:
    """A term of the line written again with two of its letters exchanged (``\\langle y,x\\rangle``
    next to ``\\langle x,y\\rangle``): expanding a product of sums writes both, and the typo lost one.
    Tried before a constant factor: ``2\\langle y,x\\rangle`` is the same value, but not what was lost.
    The copy goes on the side of its twin where the line before writes the letter it starts with."""
    rhs, text, lhs_text = ctx.rhs, ctx.rhs_text, ctx.lhs_text
    if not isinstance(rhs, n.Add) or len(rhs.terms) < 2 or not lhs_text or ctx.naming_only:
        return  # (a copy writes only the line's own letters: it cannot bring back one the line lost)
    terms = rhs.terms
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    made = 0
    for j, term in enumerate(terms):
        if any(isinstance(x, (n.BigOp, n.Integral)) for x in term.node.walk()):
            continue  # a bound letter is no letter to exchange, and such terms are slow to compare
        for u, v, node, swapped in _letter_swaps(text, term.node):
            body = _compact(swapped(term.node))
            factors = term.node.factors if isinstance(term.node, n.Mul) else (term.node,)
            if _squash(body) in present or sorted(_squash(text[f.start : f.end]) for f in factors) \
                    == sorted(_squash(swapped(f)) for f in factors):
                continue  # ``ba`` next to ``ab`` is a factor 2 written twice, not a lost term
            at_u, at_v = _located(lhs_text, u), _located(lhs_text, v)
            position = j if 0 <= at_v < at_u else j + 1
            new = n.Term(term.start, term.end, term.sign, node)
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)
            made += 1
            if made >= MAX_SWAPS:
                return


def _moved_primes(ctx: Context) -> Iterator[Candidate]:
    """A term of the line written again with its derivative mark on another factor (``(x^2)(x)'``
    next to ``(x^2)'(x)``): the product rule writes both, and the typo lost one. The copy goes after
    its twin when its mark stands further right, else before it, as ``u'v + uv'`` is written. Only a
    bracket or a bare letter takes the mark (``(1+x)^{-1}`` would need a bracket of its own)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    for j, term in enumerate(terms):
        factors = term.node.factors if isinstance(term.node, n.Mul) else ()
        marked = [i for i, f in enumerate(factors) if _marked(text, f)]
        if not 2 <= len(factors) <= 4 or len(marked) != 1:
            continue
        i = marked[0]
        if sum(isinstance(x, n.Deriv) or isinstance(x, n.Sym) and x.primes for x in term.node.walk()) != 1:
            continue  # another derivative inside: the rule that wrote the term is not the product rule
        for k, f in enumerate(factors):
            if k == i or not _markable(text, f):
                continue
            moved = list(factors)
            moved[i] = factors[i].body if isinstance(factors[i], n.Deriv) else replace(factors[i], primes=0)
            moved[k] = replace(f, primes=1) if isinstance(f, n.Sym) else n.Deriv(f.start, f.end, f, (), False, 1)
            body = _compact(_moved_mark(text, term.node, factors[i], f))
            if _squash(body) in present:
                continue
            position = j + 1 if k > i else j
            new = n.Term(term.start, term.end, term.sign, replace(term.node, factors=tuple(moved)))
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)


MAX_PRODUCT_TERMS = 3  # terms of each bracket of a product of two sums whose expansion is looked at


def _lost_products(ctx: Context) -> Iterator[Candidate]:
    """A product of a term of each bracket of the line before, when that is a product of two sums
    and the line its expansion (``(g + e\\,g')(h + e\\,h')`` lost ``e\\,g' \\cdot e\\,h'``), written as
    the two terms side by side, where the expansion puts it (term by term, first bracket first). The
    products of terms the line keeps are tried too: a wrong pair does not hold."""
    rhs, text, lhs_text = ctx.rhs, ctx.rhs_text, ctx.lhs_text
    lhs = _inner(ctx.lhs)
    if not isinstance(rhs, n.Add) or not lhs_text or ctx.naming_only or not isinstance(lhs, n.Mul) \
            or len(lhs.factors) != 2:
        return
    sums = [_inner(f) for f in lhs.factors]
    if not all(isinstance(f, n.Paren) for f in lhs.factors) \
            or not all(isinstance(x, n.Add) and 2 <= len(x.terms) <= MAX_PRODUCT_TERMS for x in sums):
        return
    op = lhs.ops[0] if lhs.ops else ""
    terms = rhs.terms
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    for i, a in enumerate(sums[0].terms):
        for j, b in enumerate(sums[1].terms):
            pieces = [_compact(lhs_text[a.node.start : a.node.end]), _compact(lhs_text[b.node.start : b.node.end])]
            body = f"{pieces[0]} {op} {pieces[1]}" if op else _joined(pieces)
            if _squash(body) in present or not _splices(b.node, lhs_text):
                continue
            sign = "+" if a.sign == b.sign else "-"
            node = n.Mul(a.node.start, b.node.end, (a.node, b.node), ops=(op,))
            position = min(len(terms), i * len(sums[1].terms) + j)
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (n.Term(a.start, b.end, sign, node),) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, sign, body, text)


def _splices(node: n.Node, text: str) -> bool:
    """Whether a term can follow another factor as written: it does not start with a sign or a number
    (``x \\cdot 2`` and ``x2`` read otherwise)."""
    return not re.match(r"\s*[-+0-9.]", text[node.start : node.end])


def _marked(text: str, f: n.Node) -> bool:
    """A factor with one derivative mark written last (``(x^2)'``, ``f'``)."""
    if isinstance(f, n.Deriv):
        ok = f.primes == 1 and not f.wrt and isinstance(f.body, n.Paren)
    else:
        ok = isinstance(f, n.Sym) and f.primes == 1 and not (f.indices or f.labels or f.sup_letter is not None)
    return ok and text[f.start : f.end].rstrip().endswith("'")


def _markable(text: str, f: n.Node) -> bool:
    """A factor that takes a derivative mark by writing ``'`` after it: a bracket, or a bare letter."""
    if isinstance(f, n.Paren):
        return text[f.start : f.end].rstrip()[-1:] in (")", "]")
    return isinstance(f, n.Sym) and _is_plain(f) and text[f.start : f.end].strip() == f.base


def _moved_mark(text: str, term: n.Node, source: n.Node, target: n.Node) -> str:
    """The text of ``term`` with the last ``'`` of ``source`` moved to the end of ``target``."""
    cut = text.rindex("'", source.start, source.end)
    put = target.start + len(text[target.start : target.end].rstrip())
    edits = sorted([(cut, cut + 1, ""), (put, put, "'")], reverse=True)
    body = text[term.start : term.end]
    for start, end, new in edits:
        body = body[: start - term.start] + new + body[end - term.start :]
    return body


def dropped_constants(ctx: Context) -> Iterator[Candidate]:
    """LM102, second half: a constant term lost at the end of the line's sum (``4p`` for ``4p - 2``),
    solved for. Tried after arithmetic: a constant term that is written but wrong is a slip in it."""
    rhs = ctx.rhs
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    if isinstance(ctx.parent_of(rhs), n.Node) or _beside_decimals(ctx):
        return  # beside rounded decimals the difference is rounding's, not a lost term
    if _worked_out(ctx):
        return  # a sum worked out wrong is wrong arithmetic (see arithmetic), not a constant lost
    hole = n.Term(rhs.end, rhs.end, "+", n.Sym(rhs.end, rhs.end, HOLE))
    value = solve_hole(ctx, n.Add(rhs.start, rhs.end, terms + (hole,)), Fraction(0))
    if value is None or value == 0:
        return
    sign = "-" if value < 0 else "+"
    shown = _number_text(abs(value))
    term = n.Term(rhs.end, rhs.end, sign, _number_node(rhs.end, rhs.end, abs(value)))
    written = any(numeric_value(t.node) is not None for t in terms)
    # a line is rarely begun with a minus when a positive constant could stand first
    first = _constant_first(ctx.lhs) or value > 0 and terms[0].sign == "-"
    position = 0 if first and not written else len(terms)
    edit = _insertion_edit(terms, position, sign, shown, ctx.rhs_text)
    yield Candidate("dropped_term", n.Add(rhs.start, rhs.end, terms[:position] + (term,) + terms[position:]),
                    rhs.start, rhs.end, edit, f"the constant term `{sign} {shown}` was dropped",
                    term=("-" if value < 0 else "") + shown)


@dataclass(frozen=True)
class _Monomial:
    """A term ``c_k x^k`` of a polynomial written by indexed coefficients: its coefficient factors,
    the power of the variable (None for the constant term) and its degree."""

    term: n.Term
    coefficient: tuple[n.Node, ...]
    power: n.Node | None
    degree: int
    ops: tuple[str, ...]  # the operators between the coefficient's factors, and before the power


def _monomial(term: n.Term) -> _Monomial | None:
    node = term.node
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    ops = node.ops if isinstance(node, n.Mul) else ()
    last, power, degree = factors[-1], None, 0
    if isinstance(last, n.Sym) and _is_plain(last) and len(factors) > 1:
        power, degree = last, 1
    elif isinstance(last, n.Pow) and isinstance(last.base, n.Sym) and _is_plain(last.base) \
            and isinstance(last.exp, n.Num) and last.exp.value.isdigit() and len(factors) > 1:
        power, degree = last, int(last.exp.value)
    coefficient = factors[:-1] if power is not None else factors
    subscripts = [i for f in coefficient for x in f.walk() if isinstance(x, n.Sym) for i in x.indices]
    if not subscripts or any(not isinstance(i, n.Num) or i.value != str(degree) for i in subscripts):
        return None
    return _Monomial(term, coefficient, power, degree, tuple(ops))


def _polynomial_gaps(ctx: Context, add: n.Add) -> Iterator[Candidate]:
    """LM102: a degree missing from a polynomial the line writes by indexed coefficients
    (``a_2x^2 + a_0`` lost ``a_1x``; ``(p_2+q_2)y^2 + (p_1+q_1)y`` lost ``(p_0+q_0)``). The lost term
    is a neighbour's coefficient with its subscripts renumbered, times the matching power."""
    if len(add.terms) < 2:
        return
    monomials = [_monomial(t) for t in add.terms]
    if any(m is None for m in monomials):
        return
    variables = {_power_base(m.power).base for m in monomials if m.power is not None}
    degrees = [m.degree for m in monomials]
    if len(variables) != 1 or len(set(degrees)) != len(degrees):
        return
    falling = degrees == sorted(degrees, reverse=True)
    if not falling and degrees != sorted(degrees):
        return
    low, high = min(degrees), max(degrees)
    wanted = [k for k in range(low + 1, high) if k not in degrees] + ([low - 1] if low > 0 else []) + [high + 1]
    for k in wanted:
        template = min(monomials, key=lambda m: (abs(m.degree - k), -m.degree))
        made = _monomial_text(ctx, monomials, template, k)
        if made is None:
            continue
        body, node = made
        position = sum((d > k) if falling else (d < k) for d in degrees)
        terms = add.terms
        new = n.Term(template.term.start, template.term.end, template.term.sign, node)
        tree = replace_node(ctx.rhs, add, replace(add, terms=terms[:position] + (new,) + terms[position:]))
        yield _missing_term(tree, add, terms, position, template.term.sign, body, ctx.rhs_text)


def _power_base(power: n.Node) -> n.Sym:
    return power.base if isinstance(power, n.Pow) else power


def _monomial_text(ctx: Context, monomials: list[_Monomial], template: _Monomial,
                   k: int) -> tuple[str, n.Node] | None:
    """The text and tree of the degree-``k`` term, written as the line writes ``template``."""
    text = ctx.rhs_text
    first, last = template.coefficient[0], template.coefficient[-1]
    renumber = {(i.start, i.end) for f in template.coefficient for x in f.walk() if isinstance(x, n.Sym)
                for i in x.indices}
    body = text[first.start : last.end]
    for start, end in sorted(renumber, reverse=True):
        body = body[: start - first.start] + str(k) + body[end - first.start :]
    coefficient = tuple(n.map_nodes(f, lambda x: replace(x, value=str(k)) if isinstance(x, n.Num)
                                    and (x.start, x.end) in renumber else x) for f in template.coefficient)
    count = len(coefficient)
    ops = template.ops[: count - 1]
    if k == 0:
        node = coefficient[0] if count == 1 else n.Mul(first.start, last.end, coefficient, ops=ops)
        return _compact(body), node
    with_power = next(m for m in monomials if m.power is not None)
    variable = _power_base(with_power.power)
    joiner = text[with_power.coefficient[-1].end : with_power.power.start]
    op = with_power.ops[len(with_power.coefficient) - 1] if with_power.ops else ""
    written = text[variable.start : variable.end].strip()
    power: n.Node = variable
    if k > 1:
        braced = _braces_one_char_scripts(ctx)
        written += _script(str(k), bool(braced))
        power = n.Pow(variable.start, variable.end, variable, n.Num(variable.end, variable.end, str(k)))
    if not joiner.strip() and _COMMAND_END.search(body) and written[:1].isalpha():
        joiner = " "
    node = n.Mul(first.start, last.end, coefficient + (power,), ops=ops + (op,))
    return _compact(body + joiner + written), node


MAX_RENAMED_SIBLINGS = 12


def renamed_siblings(ctx: Context) -> Iterator[Candidate]:
    """LM102, late: a term of the line written again with one letter renamed to another letter of
    the line (``\\langle p,p\\rangle + \\langle p,q\\rangle + \\langle q,p\\rangle`` lost
    ``\\langle q,q\\rangle``). A whole term supposed is a bigger edit than a number changed, so it
    comes after them, unless it is a term of the line before (see dropped_terms)."""
    yield from _renamed_siblings(ctx, restyled_only=False)
    yield from _parallel_copies(ctx)


def _renamed_siblings(ctx: Context, restyled_only: bool) -> Iterator[Candidate]:
    """Only terms the line wrote anew (not verbatim from the line before) serve as templates: a
    verbatim term's lost sibling is on the line before, and putting that back is the same edit.
    ``restyled_only``: only copies worth a term of the line before (``\\|q\\|^2`` for
    ``\\langle q,q\\rangle``), which are that term in the line's own notation."""
    rhs, text = ctx.rhs, ctx.rhs_text
    if not isinstance(rhs, n.Add) or len(rhs.terms) < 2 or ctx.naming_only:
        return
    lhs_values = [_signed_values(ctx, t) for a in _adds_by_depth(ctx.lhs) for t in a.terms] if restyled_only else []
    if restyled_only and not any(lhs_values):
        return
    terms = rhs.terms
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    before = _squash(ctx.lhs_text)
    line_names = _letters(rhs)
    made = 0
    for j, term in enumerate(terms):
        if _squash(text[term.node.start : term.node.end]) in before or _bound_inside(term.node):
            continue
        mine = _letters(term.node)
        for u, v in ((u, v) for u in mine for v in line_names if v not in mine and mine[u] == line_names[v]):
            if any(isinstance(x, n.Sym) and x.base == u for x in _indices_of(term.node)):
                continue
            body = _renamed_text(text, term.node, {u: v})
            if body is None or _squash(body) in present:
                continue
            at_u, at_v = _first_at(ctx.lhs_text, u), _first_at(ctx.lhs_text, v)
            position = _chain_position(ctx, body, terms, 0 if 0 <= at_v < at_u else len(terms))
            new = n.Term(term.start, term.end, term.sign, _rename(term.node, {u: v}))
            if restyled_only and not any(_equal_values(_signed_values(ctx, new), x) for x in lhs_values):
                continue
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)
            made += 1
            if made >= MAX_RENAMED_SIBLINGS:
                return


MAX_PARALLEL_TERMS = 8  # terms of a sum whose pairs are looked at (one text renaming per pair)
MAX_PARALLEL_NAMES = 2  # letters two parallel terms may trade


def _parallel_copies(ctx: Context) -> Iterator[Candidate]:
    """LM102, late: a term written again with the letters two other terms of the line trade. Where
    ``a v`` and ``b w`` stand in one sum, a with b and v with w play parallel parts, and a term of a
    and v alone lost its copy in b and w (``a v - a p(v) + b w`` lost ``- b p(w)``). The copy goes
    where the parallel layout puts it: as far after the second of the pair as the term is after the first."""
    rhs, text = ctx.rhs, ctx.rhs_text
    if not isinstance(rhs, n.Add) or not 3 <= len(rhs.terms) <= MAX_PARALLEL_TERMS or ctx.naming_only:
        return
    terms = rhs.terms
    written = [_squash(text[t.node.start : t.node.end]) for t in terms]
    rows = [_named_row(t.node) for t in terms]
    made = 0
    for i, j in itertools.permutations(range(len(terms)), 2):
        mapping = _parallel_mapping(rows[i], rows[j])
        if mapping is None or _renamed_text(text, terms[i].node, mapping) != _compact(text[terms[j].node.start : terms[j].node.end]):
            continue
        for k, term in enumerate(terms):
            names = set(rows[k])
            if k in (i, j) or not set(mapping) <= names or names & set(mapping.values()) or _bound_inside(term.node):
                continue
            body = _renamed_text(text, term.node, mapping)
            if body is None or _squash(body) in written:
                continue
            position = max(0, min(len(terms), j + k - i))
            new = n.Term(term.start, term.end, term.sign, _rename(term.node, mapping))
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)
            made += 1
            if made >= MAX_RENAMED_SIBLINGS:
                return


def _named_row(node: n.Node) -> list[str]:
    """The plain and plain styled letters of a term (not its indices), in the order written."""
    index_ids = n.non_quantities(node)
    return [x.base for x in sorted((x for x in node.walk() if isinstance(x, n.Sym) and id(x) not in index_ids
                                    and (_is_plain(x) or _plain_styled(x))), key=lambda x: x.start)]


def _parallel_mapping(mine: list[str], theirs: list[str]) -> dict[str, str] | None:
    """The letters of ``mine`` renamed to give ``theirs``, place by place, when that is one renaming of
    one or two letters to letters ``mine`` does not write; None otherwise."""
    if len(mine) != len(theirs) or not mine:
        return None
    mapping: dict[str, str] = {}
    for a, b in zip(mine, theirs):
        if mapping.setdefault(a, b) != b:
            return None
    mapping = {a: b for a, b in mapping.items() if a != b}
    if not 1 <= len(mapping) <= MAX_PARALLEL_NAMES or set(mapping.values()) & set(mine) \
            or len(set(mapping.values())) < len(mapping):
        return None
    return mapping


def _signed_values(ctx: Context, term: n.Term) -> tuple[complex, ...] | None:
    values = _term_values(ctx, term.node)
    return values if values is None or term.sign == "+" else tuple(-x for x in values)


def _equal_values(a: tuple[complex, ...] | None, b: tuple[complex, ...] | None) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    return all(abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y)) for x, y in zip(a, b))


def _letters(tree: n.Node) -> dict[str, str]:
    """The plain letters and plain styled letters (vectors) a tree writes outside subscripts, each
    with its style: a letter is renamed only to one of the same style."""
    index_ids = n.non_quantities(tree)
    out: dict[str, str] = {}
    for x in tree.walk():
        if isinstance(x, n.Sym) and id(x) not in index_ids and (_is_plain(x) or _plain_styled(x)):
            out.setdefault(x.base, x.style)
    return out


def _indices_of(tree: n.Node) -> list[n.Node]:
    ids = n.non_quantities(tree)
    return [x for x in tree.walk() if id(x) in ids]


def _bound_inside(node: n.Node) -> bool:
    return any(isinstance(x, (n.BigOp, n.Integral, n.Limit, n.Deriv, n.DerivBy)) for x in node.walk())


def _letter_swaps(text: str, term: n.Node) -> Iterator[tuple[str, str, n.Node, Callable[[n.Node], str]]]:
    """Each exchange of two letters of a term, as (the two letters as written, the exchanged term,
    the text of a part of the term after the exchange), at most four letters per term. A letter is
    found by its offsets; letters that have none of their own (they came out of a macro's body,
    ``\\iprod{\\vect{v},\\vect{u}}``) are found by their names in the text, as a renamed copy finds them."""
    index_ids = n.non_quantities(term)
    syms = [x for x in term.walk() if isinstance(x, n.Sym) and id(x) not in index_ids]
    spans = [(x.start, x.end) for x in syms]
    if len(set(spans)) < len(spans):
        yield from _name_swaps(text, term, syms)
        return
    spots: dict[str, list[n.Sym]] = {}
    for x in syms:
        spots.setdefault(_squash(text[x.start : x.end]), []).append(x)
    names = sorted(spots, key=lambda k: spots[k][0].start)
    if len(names) > 4:
        return
    for a, u in enumerate(names):
        for v in names[a + 1 :]:
            swap = {(x.start, x.end): spots[v][0] for x in spots[u]}
            swap.update({(x.start, x.end): spots[u][0] for x in spots[v]})
            node = n.map_nodes(term, lambda x, swap=swap: swap.get((x.start, x.end), x) if isinstance(x, n.Sym) else x)
            yield (text[spots[u][0].start : spots[u][0].end].strip(), text[spots[v][0].start : spots[v][0].end].strip(),
                   node, lambda part, swap=swap: _swapped_text(text, part, swap))


def _name_swaps(text: str, term: n.Node, syms: list[n.Sym]) -> Iterator[tuple[str, str, n.Node, Callable[[n.Node], str]]]:
    names = list(dict.fromkeys(x.base for x in syms if _is_plain(x) or _plain_styled(x)))
    names.sort(key=lambda name: _first_at(text[term.start : term.end], name))  # as the term writes them
    if len(names) > 4:
        return
    for a, u in enumerate(names):
        for v in names[a + 1 :]:
            mapping = {u: v, v: u}
            if not all(_written_as_often(text, term, name) for name in mapping):
                continue  # the text and the tree do not write the letters alike
            yield u, v, _rename(term, mapping), lambda part, mapping=mapping: _swapped_names(text, part, mapping)


def _written_as_often(text: str, node: n.Node, name: str) -> bool:
    """Whether the text of ``node`` writes ``name`` as a whole word exactly as often as its tree has it."""
    pattern = _word(name)
    symbols = sum(isinstance(x, n.Sym) and x.base == name for x in node.walk())
    return pattern is not None and len(pattern.findall(text[node.start : node.end])) == symbols


def _swapped_names(text: str, node: n.Node, mapping: dict[str, str]) -> str:
    """The text of ``node`` with the names of ``mapping`` exchanged where written as whole words."""
    body = text[node.start : node.end]
    pattern = re.compile("|".join(_word(name).pattern for name in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda m: mapping[m.group(0)], body)


_NAMES = re.compile(r"\\[A-Za-z]+|(?<=\\begin)\{\w+\*?\}|(?<=\\end)\{\w+\*?\}")


def _located(text: str, written: str) -> int:
    """Where a letter is first written in ``text``, not as part of a command's or an environment's name
    (the ``v`` of ``\\vect``, the ``a`` of ``bmatrix``); a letter may be glued to others (``su``)."""
    if len(written) == 1 and written.isalpha():
        return _NAMES.sub(lambda m: " " * len(m.group(0)), text).find(written)
    return _first_at(text, written) if _word(written) is not None else text.find(written)


def _swapped_text(text: str, node: n.Node, swap: dict[tuple[int, int], n.Sym]) -> str:
    body = text[node.start : node.end]
    for (start, end), other in sorted(swap.items(), reverse=True):
        if node.start <= start and end <= node.end:
            start, end = start - node.start, end - node.start
            body = body[:start] + text[other.start : other.end].strip() + body[end:]
    return body


def _constant_first(lhs: n.Node) -> bool:
    """Whether the line before writes its constant term first (``\\frac12 - x^2``): the lost constant
    most likely stood there too. Slides mostly write it last, which is the default."""
    if not isinstance(lhs, n.Add) or len(lhs.terms) < 2:
        return False
    return numeric_value(lhs.terms[0].node) is not None and numeric_value(lhs.terms[-1].node) is None


def difference_terms(ctx: Context) -> Iterator[Candidate]:
    """LM102, third: a term missing that the line before does not spell out. Tried last, since it
    supposes a whole unwritten term. Two sources, the author's text first:

    - a copy of one of this line's terms with a letter that vanished from the line put back in
      (``af(u)`` for ``af(u) + bg(u)`` when b and g vanished);
    - the difference of the two sides itself, when it is one short term over plain variables,
      printed the way slides write it (``k\\log\\lambda``).
    Either way the candidate is then judged by the comparator like any other."""
    rhs, text = ctx.rhs, ctx.rhs_text
    if isinstance(ctx.parent_of(rhs), n.Node):
        return
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    yield from _renamed_copies(ctx, terms)
    lowered = _lowered_difference(ctx)
    if lowered is None:
        return
    yield from _synthesized_terms(ctx, terms, lowered)
    found = _difference(ctx, lowered)
    # a number times a sum that one of the lines writes in brackets: the author's bracket, beside
    # its like (SymPy prints it as several terms, which _difference rightly takes for several lost)
    grouped = _as_written_group(ctx, lowered) if lowered.terms <= MAX_GROUP_TERMS else None
    if grouped is not None:
        sign, body, node, position = grouped
    elif found is not None:
        sign, body, node = found
        position = _position_by_degree(ctx, terms, node)
    else:
        return
    term = n.Term(rhs.end, rhs.end, sign, node)
    tree = n.Add(rhs.start, rhs.end, terms + (term,))
    yield _missing_term(tree, rhs, terms, position, sign, body, text)


MAX_GROUPS = 8  # bracketed sums of the two lines a lost multiple is matched against
MAX_GROUP_TERMS = 3  # terms of such a bracket: a lost term is short


def _as_written_group(ctx: Context, lowered: _Lowered) -> tuple[str, str, n.Node, int] | None:
    """(sign, text, tree, position) of the difference of the sides when it is a number times a
    bracketed sum that one of the lines writes, up to sign (``3(5-\\lambda)`` lost beside
    ``3(1-\\lambda)``): the term is written with the author's bracket, not SymPy's ``3(\\lambda-5)``,
    before the first term of the line that is a number times a bracket; None otherwise."""
    if _beside_decimals(ctx):
        return None
    coefficient, rest = sp.factor(lowered.expanded).as_coeff_Mul()
    if not rest.is_Add or not isinstance(coefficient, sp.Rational) or coefficient.q != 1:
        return None
    groups = [(x, text) for tree, text in ((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text)) if text
              for x in tree.walk() if isinstance(x, n.Paren) and x.delim == "(" and isinstance(x.inner, n.Add)]
    for group, text in groups[:MAX_GROUPS]:
        try:
            value = ctx.comparator.lower_pair(lowered.instance, group, group)[0]
            ratio = sp.cancel(rest / value)
        except Exception:
            continue
        if ratio not in (1, -1):
            continue
        value = coefficient * ratio
        written = _compact(text[group.start : group.end])
        body = written if abs(value) == 1 else f"{abs(value)}{written}"
        # the tree is the bracket the lines write (the macros of its spelling are not at hand to reparse)
        node = group if abs(value) == 1 else n.Mul(group.start, group.end,
                                                    (n.Num(group.start, group.start, str(abs(value))), group), ops=("",))
        terms = ctx.rhs.terms if isinstance(ctx.rhs, n.Add) else ()
        position = next((k for k, t in enumerate(terms) if _number_times_group(t.node)), len(terms))
        return ("-" if value < 0 else "+"), body, node, position
    return None


def _number_times_group(node: n.Node) -> bool:
    """Whether a term is a written number times one bracketed sum (``3(1-x)``)."""
    return isinstance(node, n.Mul) and len(node.factors) == 2 and isinstance(node.factors[0], n.Num) \
        and isinstance(node.factors[1], n.Paren) and isinstance(node.factors[1].inner, n.Add)


def _names_of(tree: n.Node) -> dict[str, int]:
    """Plain variable names and function names of a tree, with their counts (not indices)."""
    out: dict[str, int] = {}
    index_ids = n.non_quantities(tree)
    for node in tree.walk():
        if isinstance(node, n.Apply):
            out[node.func.base] = out.get(node.func.base, 0) + 1
        elif isinstance(node, n.Sym) and id(node) not in index_ids and (not node.style or _plain_styled(node)):
            out[node.base] = out.get(node.base, 0) + 1
    return out


def _plain_styled(sym: n.Sym) -> bool:
    """A bold or otherwise styled letter with nothing attached (``\\vect{w}``, ``\\mathbf{x}``): a
    vector's name, renamed like a plain letter."""
    return bool(sym.style) and not (sym.indices or sym.labels or sym.sup_letter is not None or sym.primes)


def _renamed_copies(ctx: Context, terms: tuple[n.Term, ...]) -> Iterator[Candidate]:
    rhs, text = ctx.rhs, ctx.rhs_text
    before, after = _names_of(ctx.lhs), _names_of(rhs)
    vanished = [v for v in before if v not in after and v.isascii() and re.fullmatch(r"\\?[A-Za-z]+", v)]
    if not vanished or len(vanished) > 3:
        return
    for j, term in enumerate(terms):
        inside = [u for u in _names_of(term.node) if u not in vanished]
        # each vanished name written for one of the term's own (``y[b;d]`` lost beside ``x[a;c]``)
        maps = [dict(zip(chosen, vanished)) for chosen in itertools.permutations(inside, len(vanished))]
        for mapping in maps[:30]:
            body = _renamed_text(ctx.rhs_text, term.node, mapping)
            if body is None:
                continue
            new = n.Term(term.start, term.end, term.sign, _rename(term.node, mapping))
            # (as whole words: the ``a`` of ``bmatrix`` is no letter a)
            old_first = min(_located(ctx.lhs_text, u) for u in mapping) if ctx.lhs_text else -1
            new_first = min(_located(ctx.lhs_text, v) for v in mapping.values()) if ctx.lhs_text else -1
            position = j if 0 <= new_first < old_first else j + 1
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            if rhs is not terms[0].node or isinstance(rhs, n.Add):
                tree = replace_node(rhs, rhs, tree) if not isinstance(rhs, n.Add) else tree
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)


def _rename(node: n.Node, mapping: dict[str, str]) -> n.Node:
    def rename(x: n.Node) -> n.Node:
        if isinstance(x, n.Sym) and x.base in mapping and (not x.style or _plain_styled(x)):
            return replace(x, base=mapping[x.base])
        return x

    return n.map_nodes(node, rename)


def _renamed_text(text: str, node: n.Node, mapping: dict[str, str]) -> str | None:
    """The text of ``node`` with each written occurrence of a mapped name replaced."""
    if _elided(text, node):
        return _renamed_by_pattern(text, node, mapping, counted=False)
    spots = []
    index_ids = n.non_quantities(node)
    for x in node.walk():
        sym = x.func if isinstance(x, n.Apply) else x if isinstance(x, n.Sym) and id(x) not in index_ids else None
        if sym is None or sym.base not in mapping or sym.style and not _plain_styled(sym):
            continue
        at = _letter_at(text, sym)
        if at is None:
            return _renamed_by_pattern(text, node, mapping)
        spots.append((at, at + len(sym.base), mapping[sym.base]))
    if not spots:
        return None
    body = text[node.start : node.end]
    for start, end, new in sorted(set(spots), reverse=True):
        start, end = start - node.start, end - node.start
        if new.startswith("\\") and body[end:end + 1].isalpha():
            new += " "
        body = body[:start] + new + body[end:]
    return _compact(body)


def _renamed_by_pattern(text: str, node: n.Node, mapping: dict[str, str], counted: bool = True) -> str | None:
    """The same, for a node whose letters have no offsets of their own (they came out of a macro's
    body, ``\\iprod{\\vect{u},\\vect{u}}``): each name is replaced where it is written as a whole
    word, provided the text writes it exactly as often as the tree has it, so that the text and the
    tree say the same. A sum written with dots (``b_1w_1 + \\ldots + b_nw_n``) is one term of the tree
    written twice or more (``counted`` false): there every written occurrence is the tree's letter."""
    body = text[node.start : node.end]
    for old, new in mapping.items():
        pattern = _word(old)
        symbols = sum(isinstance(x, n.Sym) and x.base == old for x in node.walk())
        written = len(pattern.findall(body)) if pattern is not None else 0
        if pattern is None or (written != symbols if counted else not written):
            return None
        body = pattern.sub(lambda m: new + " " if new.startswith("\\") else new, body)
    return _compact(body)


_DOTS = re.compile(r"\\[lc]?dots\b")


def _elided(text: str, node: n.Node) -> bool:
    """Whether ``node`` holds a sum written with dots (``a_1 + \\ldots + a_n``), read as one big
    operator whose body is the first term written."""
    return any(isinstance(x, n.BigOp) and _DOTS.search(text[x.start : x.end]) for x in node.walk())


def _word(name: str) -> re.Pattern | None:
    """A pattern for a letter (``u``) or a command (``\\alpha``) written as a whole word: not inside
    a command's name (the ``v`` of ``\\vect``), nor glued to other letters."""
    if not re.fullmatch(r"\\?[A-Za-z]+", name):
        return None
    return re.compile(("" if name.startswith("\\") else r"(?<![\\A-Za-z])") + re.escape(name) + r"(?![A-Za-z])")


def _first_at(text: str, name: str) -> int:
    pattern = _word(name)
    found = pattern.search(text) if pattern is not None else None
    return found.start() if found else -1


def _letter_at(text: str, sym: n.Sym) -> int | None:
    """Where the letter of ``sym`` is written: at its start, or inside the braces of its style
    (``\\vect{w}``, ``\\mathbf{w}``, and a macro that expands to one)."""
    if text[sym.start : sym.start + len(sym.base)] == sym.base:
        return sym.start
    if not sym.style:
        return None
    inside = re.fullmatch(r"\\[A-Za-z]+\s*\{\s*(" + re.escape(sym.base) + r")\s*\}\s*", text[sym.start : sym.end])
    return sym.start + inside.start(1) if inside else None


@dataclass(frozen=True)
class _Lowered:
    """The two sides in the first instance of the default reading, and their difference expanded."""

    instance: object
    a: sp.Expr
    b: sp.Expr
    expanded: sp.Expr  # the difference, expanded (when it was a sum)
    terms: int  # its number of terms


def _lowered_difference(ctx: Context) -> _Lowered | None:
    """The difference of the two sides when the first instance is the symbolic form of a scalar step
    (no sums, no index letters, no stand-ins, no undefined functions) and it is small."""
    comparator = ctx.comparator
    if not _symbolic(ctx):
        return None
    try:
        if comparator.has_undefined_functions():
            return None
        instance = comparator.instances(ctx.reading)[0]
        a, b = comparator.lower_pair(instance, ctx.lhs, ctx.rhs)
    except Exception:
        return None
    if getattr(a, "is_Matrix", False) or getattr(b, "is_Matrix", False):
        return None
    if not a.free_symbols or not b.free_symbols or sp.count_ops(a) + sp.count_ops(b) > 80:
        return None
    try:
        d = a - b
        expanded_terms = 1
        if d.is_Add:
            d = sp.expand(d, force=True)
            if d == 0 or d.is_Add and len(d.args) > 12:
                return None
            if d.is_Add:
                expanded_terms = len(d.args)
    except Exception:
        return None
    return _Lowered(instance, a, b, d, expanded_terms)


def _difference(ctx: Context, lowered: _Lowered) -> tuple[str, str, n.Node] | None:
    """The difference of the two sides as (sign, text, tree) when it is one short term over plain
    variables and the first instance is the symbolic form (no sums, no index letters, no stand-ins)."""
    from lintmath.parse.parser import parse_math
    from lintmath.parse.tokens import ParseFailure

    a, b, d, expanded_terms = lowered.a, lowered.b, lowered.expanded, lowered.terms
    if d.is_Add:
        try:
            d = sp.factor(d)
        except Exception:
            return None
    vanished = {s for s in a.free_symbols if s not in b.free_symbols}
    # A sum is one term only where the line writes its terms as bracketed groups (``(a_1+b_1)x +
    # (a_0+b_0)``), and then only when each of its terms brings back a quantity the line lost.
    grouped = d.is_Add and len(d.args) <= 3 and sp.count_ops(d) <= 12 and _writes_groups(ctx.rhs) \
        and all(vanished & t.free_symbols for t in d.args)
    if d.is_Add and not grouped or not d.free_symbols or not grouped and sp.count_ops(d) > 8 or d.atoms(sp.Float) \
            or _beside_decimals(ctx):
        return None
    # Any refuted step is "explained" by adding the whole difference; a term the author dropped
    # is short, and either carries a letter that vanished or is at most two terms when expanded.
    if expanded_terms > 2 and not (vanished & d.free_symbols):
        return None
    if vanished & d.free_symbols and _replaces_written(a, b) and _differentiates(ctx.lhs, vanished):
        return None
    if not grouped and not _one_term(d, lowered.expanded):
        return None
    sign = "+"
    if d.could_extract_minus_sign():
        sign, d = "-", -d
    # the tree is read from the letters' own names: the macros of the author's spelling are not at hand
    plain, body = _author_tex(d), _author_tex(d, _spellings(ctx))
    if plain is None or body is None:
        return None
    if grouped:
        plain, body = f"({plain})", f"({body})"
    try:
        node = parse_math(plain)
    except (ParseFailure, RecursionError):
        return None
    if isinstance(node, n.Add) and len(node.terms) > 1:
        return None  # printed, the term fell apart into several (2ab + 2cd): more than one term was lost
    return sign, body, node


def _differentiates(lhs: n.Node, vanished: set) -> bool:
    """Whether the left side differentiates an expression in a letter that vanished: a y that may
    be the unknown function of an ODE (y = y(x)), though the lowering holds it constant."""
    names = {s.name for s in vanished}
    return any(isinstance(x, n.Deriv) and n.mentions(x.body, names) for x in lhs.walk())


def _replaces_written(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether no term the right side ``b`` writes is left in the left side ``a``: a "missing term"
    that brings back a vanished letter would then cancel all that is written ((e^{2x} y)' = e^x,
    where y' + 2y = e^{-x} was used), a substitution rather than a term lost."""
    if b == 0:
        return False
    written = set(sp.Add.make_args(sp.expand(b)))
    return not written & set(sp.Add.make_args(sp.expand(a)))


def _one_term(factored: sp.Expr, expanded: sp.Expr) -> bool:
    """Whether the difference of the sides reads as one term a line could have lost: ``2(a+b)``,
    ``\\frac{a+b}{c}``, but not two fractions over different denominators brought over a common one
    (``\\frac{\\beta K}{\\alpha L} - \\frac{\\beta L}{\\alpha K}``, printed as ``\\frac{\\beta(K-L)(K+L)}{KL\\alpha}``),
    nor a product of several sums."""
    if expanded.is_Add and len({sp.denom(t) for t in expanded.args}) > 1:
        return False
    numerator, denominator = sp.fraction(factored)
    sums = [f for side in (numerator, denominator) for f in sp.Mul.make_args(side) if f.as_base_exp()[0].is_Add]
    return len(sums) <= 1


# -- a term synthesized from the difference -------------------------------------------------------

MAX_SYNTH_FACTORS = 4  # letters in a synthesized term: a lost cross term is short
MAX_SYNTH_POWER = 12
MAX_SYNTH_COEFFICIENT = 1000
_SPELLABLE = re.compile(r"[\\A-Za-z0-9_{}' ]+")


def _synthesized_terms(ctx: Context, terms: tuple[n.Term, ...], lowered: _Lowered) -> Iterator[Candidate]:
    """LM102, last of all: the term the line lost, written from the difference of the two sides when
    that is one term, a rational times a product of powers of the step's own letters (``2ab`` lost
    from ``a^2 + 2ab + b^2``). Each letter is written exactly as one of the two lines writes it, the
    coefficient first, as the line writes its fractions; the term goes where the line's ordering by
    degree puts it, else at the end. It goes into the line's own sum, or into a bracketed sum of the
    line (``\\frac{1}{2}(x^2 + 2xy + y^2)``) when the line is one product: there the lost term is the
    difference over the sum's factor. A bigger guess than any edit that reuses written text, so it is
    tried after all of them (and the comparator judges it like any other candidate)."""
    if lowered.terms > 12 or _beside_decimals(ctx):
        return  # beside rounded decimals the difference is rounding's, not a lost term
    spelled: dict | None = None
    groups = [a for a in _adds_by_depth(ctx.rhs) if a is not ctx.rhs and len(a.terms) > 1][:MAX_SYNTH_GROUPS]
    if ctx.guard:
        groups = []  # where the search decides the verdict, only the difference itself is written back
    sites: list[n.Add | None] = [None] + groups
    if not isinstance(ctx.rhs, n.Add) or len(ctx.rhs.terms) < 2:
        sites = groups + [None]  # one product: its bracketed sum is where a lost term stood
    for site in sites:
        target = lowered.expanded if site is None else _over_factor(ctx, lowered, site)
        if target is None:
            continue
        if spelled is None:
            spelled = _symbol_spellings(ctx, lowered.instance)
        found = _monomial_term(ctx, target, spelled)
        if found is None:
            continue
        sign, body, node, degrees = found
        into = terms if site is None else site.terms
        term = n.Term(into[-1].end, into[-1].end, sign, node)
        for position in _synthesized_positions(ctx, into, degrees):
            added = n.Add(ctx.rhs.start if site is None else site.start, ctx.rhs.end if site is None else site.end,
                          into[:position] + (term,) + into[position:])
            tree = added if site is None else replace_node(ctx.rhs, site, added)
            yield _missing_term(tree, ctx.rhs, into, position, sign, body, ctx.rhs_text)


MAX_SYNTH_GROUPS = 3  # bracketed sums of the line a synthesized term may go into


def _beside_decimals(ctx: Context) -> bool:
    """Whether either line writes a decimal: a difference of the sides may then be rounding's."""
    return any(isinstance(x, n.Num) and "." in x.value for tree in (ctx.lhs, ctx.rhs) for x in tree.walk())


def _over_factor(ctx: Context, lowered: _Lowered, site: n.Add) -> sp.Expr | None:
    """The term that, added to the sum ``site`` of the line, makes the two sides agree: the difference
    over what multiplies the sum, when the line is linear in it and that factor is one term."""
    hole = n.Sym(site.end, site.end, HOLE)
    tree = replace_node(ctx.rhs, site, n.Add(site.start, site.end, site.terms + (n.Term(site.end, site.end, "+", hole),)))
    h = sp.Symbol(HOLE)
    try:
        _, b = ctx.comparator.lower_pair(lowered.instance, ctx.lhs, tree)
        if getattr(b, "is_Matrix", False) or h not in b.free_symbols or sp.count_ops(b) > 80:
            return None
        factor = sp.diff(b, h)
        if factor == 0 or h in factor.free_symbols or factor.is_Add or sp.count_ops(factor) > 8:
            return None
        return sp.expand(lowered.expanded / factor)
    except Exception:
        return None


def _monomial_term(ctx: Context, d: sp.Expr, spelled: dict) -> tuple[str, str, n.Node, dict[str, int]] | None:
    """(sign, text, tree, powers by written letter) of ``d`` when it is one short term, a rational
    times powers of letters the lines write."""
    if d.is_Add or not d.free_symbols or d.atoms(sp.Float) \
            or d.has(sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.I) or sp.count_ops(d) > 8:
        return None
    coefficient, rest = d.as_coeff_Mul()
    if not isinstance(coefficient, sp.Rational) or coefficient == 0 \
            or max(abs(coefficient.p), coefficient.q) > MAX_SYNTH_COEFFICIENT:
        return None
    powers: list[tuple[sp.Symbol, int]] = []
    for factor in sp.Mul.make_args(rest):
        base, exp = factor.as_base_exp()
        if not isinstance(base, sp.Symbol) or not exp.is_Integer or exp == 0 or abs(exp) > MAX_SYNTH_POWER:
            return None
        powers.append((base, int(exp)))
    if not powers or len(powers) > MAX_SYNTH_FACTORS or len({b for b, _ in powers}) != len(powers):
        return None
    if any(b.name not in spelled for b, _ in powers):
        return None
    if ctx.guard and any(_PLAIN_NAME.fullmatch(b.name) is None for b, _ in powers):
        return None  # where the search decides the verdict, only the letters it always wrote back
    sign = "-" if coefficient < 0 else "+"
    value = abs(coefficient)
    powers.sort(key=lambda item: spelled[item[0].name][2])  # in the order the lines write the letters
    together = _product_order(ctx, [spelled[b.name][0] for b, _ in powers])
    if together is not None:  # ... or as a product of the lines writes them side by side
        powers.sort(key=lambda item: together.index(_squash(spelled[item[0].name][0])))
    body = _synthesized_text(ctx, value, [(spelled[b.name][0], e) for b, e in powers])
    if body is None:
        return None
    node = _synthesized_node(value, [(spelled[b.name][1], e) for b, e in powers])
    return sign, body, node, {spelled[b.name][0]: e for b, e in powers}


def _product_order(ctx: Context, spellings: list[str]) -> list[str] | None:
    """The order in which a product of the line before (else of the new line) writes all these
    letters as its factors (``m_2 gl`` in ``m_2 gl(1 - \\theta^2)``), by their squashed spellings: a
    term lost from such a product's expansion keeps that order. None for one letter, or when no
    product writes them all."""
    wanted = {_squash(s) for s in spellings}
    if len(wanted) < 2:
        return None
    for tree, text in ((ctx.lhs, ctx.lhs_text), (ctx.rhs, ctx.rhs_text)):
        if not text:
            continue
        for mul in tree.walk():
            if not isinstance(mul, n.Mul):
                continue
            seen: list[str] = []
            for f in mul.factors:
                base = f.base if isinstance(f, n.Pow) else f
                written = _squash(text[base.start : base.end]) if isinstance(base, n.Sym) else ""
                if written in wanted and written not in seen:
                    seen.append(written)
            if len(seen) == len(wanted):
                return seen
    return None


def _symbol_spellings(ctx: Context, instance) -> dict[str, tuple[str, n.Sym, tuple[int, int]]]:
    """The lowered name of each letter the two lines write, with its text as written (the new
    line's spelling first), its node, and where it is first written (the line before first, then the
    new line: the order of the letters of a lost cross term follows the product it came from). A letter whose
    offsets do not single out its text (it came out of a macro's body along with other nodes) is
    left out, as is one written two ways."""
    from lintmath.lower import Lowerer

    letters = getattr(ctx.comparator, "letters", None) or ctx.comparator.parsed.letters
    lowerer = Lowerer(instance, letters)
    out: dict[str, tuple[str, n.Sym, tuple[int, int]]] = {}
    clash: set[str] = set()
    for line, (tree, text) in enumerate(((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text))):
        if not text:
            continue
        skip = n.non_quantities(tree)
        spans = [(x.start, x.end, x) for x in tree.walk() if x.end > x.start]
        parents = _parents(tree)
        for sym in tree.walk():
            if not isinstance(sym, n.Sym) or id(sym) in skip or sym.sup_letter is not None:
                continue
            written = _compact(text[sym.start : sym.end])
            if not written or not _SPELLABLE.fullmatch(written) or written.count("{") != written.count("}") \
                    or written[0].isdigit() or written.endswith("_"):
                continue
            # another node inside (or as wide as) the letter's text: the text is a macro's, not the letter's
            around = {id(sym)}
            up = parents.get(id(sym))
            while up is not None:
                around.add(id(up))
                up = parents.get(id(up))
            if any(start >= sym.start and end <= sym.end and id(x) not in around and id(x) not in skip
                   for start, end, x in spans):
                continue
            try:
                value = lowerer.symbol(sym)
            except Exception:
                continue
            if not isinstance(value, sp.Symbol):
                continue
            known = out.get(value.name)
            # ordered as the line before writes them: (x - \mu)^2 has the cross term x\mu
            at = (1 - line, sym.start)
            if known is None:
                out[value.name] = (written, sym, at)
            elif _squash(known[0]) != _squash(written) and known[2][0] == 1 - line:
                clash.add(value.name)
            elif at < known[2]:
                out[value.name] = (known[0], known[1], at)
    return {k: v for k, v in out.items() if k not in clash}


_FRACTION = re.compile(r"\\([dt]?frac)\s*(\{)?")


def _synthesized_text(ctx: Context, value: sp.Rational, factors: list[tuple[str, int]]) -> str | None:
    """``2ab``, ``\\frac{1}{2}x^2``, ``\\frac{2x\\mu}{\\sigma}``: a term in the lines' own habits."""
    braced = _braces_one_char_scripts(ctx)

    def piece(spelling: str, exp: int) -> str:
        exp = abs(exp)
        if exp == 1:
            return spelling
        script = str(exp)
        return spelling + (f"^{{{script}}}" if braced or len(script) > 1 else f"^{script}")

    upper = _joined([piece(s, e) for s, e in factors if e > 0])
    lower = _joined([piece(s, e) for s, e in factors if e < 0])
    if any("^" in s for s, e in factors if abs(e) != 1):
        return None  # a letter written with a superscript of its own takes no power without braces
    p, q = int(value.p), int(value.q)
    if not lower and q == 1:
        return _joined([str(p)] + [upper]) if p != 1 else upper
    texts = ctx.rhs_text + " " + ctx.lhs_text
    commands = _FRACTION.findall(texts)
    command = max(("frac", "dfrac", "tfrac"), key=lambda c: sum(m[0] == c for m in commands))
    unbraced = commands and sum(not m[1] for m in commands) * 2 > len(commands)

    def frac(num: str, den: str) -> str:
        if unbraced and len(num) == 1 and len(den) == 1 and num.isdigit() and den.isdigit():
            return f"\\{command}{num}{den}"
        return f"\\{command}{{{num}}}{{{den}}}"

    if not lower and _numbers_first(ctx):
        return frac(str(p), str(q)) + upper  # \\frac{1}{2}x^2, as the line writes its coefficients
    num = _joined([str(p)] + [upper]) if p != 1 else upper or "1"
    den = _joined([str(q)] + [lower]) if q != 1 else lower
    return frac(num, den)


def _joined(pieces: list[str]) -> str:
    """Factors written side by side: a command is kept apart from a letter after it (``\\mu x``)."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and (_COMMAND_END.search(out) and piece[:1].isalpha() or out[-1:].isdigit() and piece[:1].isdigit()):
            out += " "
        out += piece
    return out


def _numbers_first(ctx: Context) -> bool:
    """Whether the lines write a fractional coefficient before its letters (``\\frac{1}{2}x^2``) rather
    than the letters over the number (``\\frac{x^2}{2}``); the former unless only the latter is seen."""
    before = over = 0
    for tree in (ctx.rhs, ctx.lhs):
        for node in tree.walk():
            if isinstance(node, n.Mul) and node.factors and isinstance(node.factors[0], n.Div) \
                    and numeric_value(node.factors[0]) is not None:
                before += 1
            elif isinstance(node, n.Div) and isinstance(node.den, n.Num) and numeric_value(node.num) is None:
                over += 1
    return before >= over


def _synthesized_node(value: sp.Rational, factors: list[tuple[n.Sym, int]]) -> n.Node:
    """The tree of a synthesized term, built from the letters' own nodes (so that it reads as the
    text does, whatever macro spelled a letter)."""
    def power(sym: n.Sym, exp: int) -> n.Node:
        exp = abs(exp)
        return sym if exp == 1 else n.Pow(sym.start, sym.end, sym, n.Num(sym.start, sym.end, str(exp)))

    def product(number: int, items: list[n.Node]) -> n.Node:
        parts = ([n.Num(0, 0, str(number))] if number != 1 or not items else []) + items
        if len(parts) == 1:
            return parts[0]
        return n.Mul(0, 0, tuple(parts), ops=("",) * (len(parts) - 1))

    upper = product(int(value.p), [power(s, e) for s, e in factors if e > 0])
    lower = [power(s, e) for s, e in factors if e < 0]
    if not lower and value.q == 1:
        return upper
    return n.Div(0, 0, upper, product(int(value.q), lower))


def _synthesized_positions(ctx: Context, terms: tuple[n.Term, ...], mine: dict[str, int]) -> list[int]:
    """Where a synthesized term goes: where the line's ordering by degree puts it (falling, ``x^2 +
    2x + 1``, or rising, ``1 + 2x + x^2``, in the variable of highest degree), then at the end."""
    text = ctx.rhs_text
    written = [_written_powers(text, t.node) for t in terms]
    end = len(terms)
    if any(w is None for w in written):
        return [end]
    variables = sorted({v for w in written for v in w} | set(mine), key=lambda v: _first_at(text, v) % (len(text) + 1))
    if not variables:
        return [end]
    main = max(variables, key=lambda v: max([w.get(v, 0) for w in written] + [mine.get(v, 0)]))
    degrees = [w.get(main, 0) for w in written]
    own = mine.get(main, 0)
    position = end
    if len(terms) == 1:
        position = end if degrees[0] > own else 0
    elif len(set(degrees)) > 1 and degrees == sorted(degrees, reverse=True):
        position = next((k for k, d in enumerate(degrees) if d < own), end)
    elif len(set(degrees)) > 1 and degrees == sorted(degrees):
        position = next((k for k, d in enumerate(degrees) if d > own), end)
    return [position] if position == end else [position, end]


def _written_powers(text: str, node: n.Node) -> dict[str, int] | None:
    """The letters of a monomial term with their powers, by their written text (numerators only); None
    for a term that is not a monomial (a bracket, a function)."""
    if isinstance(node, n.Div):
        return _written_powers(text, node.num) if _written_powers(text, node.den) is not None else None
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    out: dict[str, int] = {}
    for f in factors:
        exp = 1
        if isinstance(f, n.Pow) and isinstance(f.exp, n.Num) and f.exp.value.isdigit():
            f, exp = f.base, int(f.exp.value)
        if isinstance(f, n.Sym):
            key = _compact(text[f.start : f.end])
            out[key] = out.get(key, 0) + exp
        elif isinstance(f, n.Div) and numeric_value(f) is not None or isinstance(f, n.Num):
            continue
        else:
            return None
    return out


def _writes_groups(rhs: n.Node) -> bool:
    """Whether some term of the line's sum is a bracketed sum, alone or times a factor."""
    if not isinstance(rhs, n.Add) or len(rhs.terms) < 2:
        return False
    for term in rhs.terms:
        factors = term.node.factors if isinstance(term.node, n.Mul) else (term.node,)
        if any(isinstance(f, n.Paren) and isinstance(f.inner, n.Add) and len(f.inner.terms) > 1 for f in factors):
            return True
    return False


def _symbolic(ctx: Context) -> bool:
    """Whether the first concrete instance of the step is its symbolic form: no sums, no index
    letters, no vectors or matrices, no assumptions to substitute."""
    comparator = ctx.comparator
    letters = comparator.parsed.letters
    if letters.index or letters.integer or getattr(comparator, "constraints", ()) or letters.vectors \
            or letters.matrices:
        return False
    for tree in (ctx.lhs, ctx.rhs):
        for node in tree.walk():
            # (a determinant of written entries is a number, its difference as symbolic as any other)
            if isinstance(node, (n.BigOp, n.Integral, n.Unsupported, n.Inner, n.Norm, n.Transpose)) \
                    or isinstance(node, n.MatrixLit) and not node.det:
                return False
            if isinstance(node, n.Sym) and any(not isinstance(i, n.Num) for i in node.indices):
                return False
    return True


_PLAIN_NAME = re.compile(r"(\\?[A-Za-z]+)(?:\[(\d+)\])?")


def _spellings(ctx: Context) -> dict[str, str]:
    """How the two lines spell their plain letters, where that is not the letter's own name: a
    macro (``\\eigenvar`` for ``\\lambda``). A letter spelled two ways is left to its name."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for tree, text in ((ctx.rhs, ctx.rhs_text), (ctx.lhs, ctx.lhs_text)):
        if not text:
            continue
        for node in tree.walk():
            if not isinstance(node, n.Sym) or not _is_plain(node):
                continue
            written = text[node.start : node.end].strip()
            if written == node.base or not re.fullmatch(r"\\[A-Za-z]+", written):
                continue
            if out.setdefault(node.base, written) != written:
                clash.add(node.base)
    return {k: v for k, v in out.items() if k not in clash}


def _author_tex(expr: sp.Expr, spellings: dict[str, str] | None = None) -> str | None:
    """LaTeX the way slides write a short term: ``\\frac{1}{2}x^2``, ``k\\log\\lambda``, ``(1-x)^4``,
    with each letter spelled as the author spells it (``spellings``: the letter's name to its text)."""
    renames = {}
    names = {}
    for symbol in expr.free_symbols:
        m = _PLAIN_NAME.fullmatch(symbol.name)
        if m is None:
            return None
        written = m.group(1) if m.group(2) is None else f"{m.group(1)}_{{{m.group(2)}}}"
        renames[symbol] = sp.Symbol(written)
        if m.group(2) is None and spellings and written in spellings:
            names[renames[symbol]] = spellings[written]
    expr = expr.xreplace(renames)
    coefficient, rest = expr.as_coeff_Mul()
    if not isinstance(coefficient, sp.Rational):
        return None
    head = ""
    if coefficient != 1:
        head = str(coefficient) if coefficient.q == 1 else f"\\frac{{{coefficient.p}}}{{{coefficient.q}}}"
        if rest == 1:
            return head
    try:
        tex = sp.latex(rest, mul_symbol=None, symbol_names=names)
    except Exception:
        return None
    tex = re.sub(r"\\(log|ln|sin|cos|tan|exp)\{\\left\(([^()]*?) \\right\)\}",
                 lambda m: f"\\{m.group(1)} {m.group(2)}" if _PLAIN_NAME.fullmatch(m.group(2)) else
                 f"\\{m.group(1)}({m.group(2)})", tex)
    tex = tex.replace("\\left(", "(").replace("\\right)", ")")
    tex = re.sub(r"([_^])\{(\w)\}", r"\1\2", tex)
    if "\\left" in tex or "\\operatorname" in tex or "\\mathrm" in tex:
        return None
    return _compact(head + tex) if not head or not tex[:1].isdigit() else _compact(head + " \\cdot " + tex)


def _position_by_degree(ctx: Context, terms: tuple[n.Term, ...], node: n.Node) -> int:
    """Where to write a term recovered from the difference: by falling powers of the line's main
    variable when the line is written that way (``x^2 + x + 1``), else first."""
    powers = [_powers(t.node) for t in terms]
    mine = _powers(node)
    if len(terms) < 2:
        return 0
    variables = {v for p in powers for v in p}
    if not variables:
        return 0
    main = max(sorted(variables), key=lambda v: max(p.get(v, 0) for p in powers))
    degrees = [p.get(main, 0) for p in powers]
    if max(degrees) < 2 and sum(d > 0 for d in degrees) < 2:
        return 0  # not written as a polynomial in one variable
    if degrees != sorted(degrees, reverse=True) or len(set(degrees)) < 2:
        return 0
    for k, d in enumerate(degrees):
        if d < mine.get(main, 0):
            return k
    return len(terms)


def _powers(node: n.Node) -> dict[str, int]:
    """The plain variables among the factors of a term, with their written powers."""
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    out: dict[str, int] = {}
    for f in factors:
        if isinstance(f, n.Sym) and _is_plain(f):
            out[f.base] = out.get(f.base, 0) + 1
        elif isinstance(f, n.Pow) and isinstance(f.base, n.Sym) and _is_plain(f.base) \
                and isinstance(f.exp, n.Num) and f.exp.value.isdigit():
            out[f.base.base] = out.get(f.base.base, 0) + int(f.exp.value)
    return out


def _removal(add: n.Add, k: int, text: str) -> tuple[int, int, str]:
    term = add.terms[k]
    if k > 0:
        start = term.sign_start if term.sign_start >= 0 else term.node.start
        return (start, term.node.end, "")
    start = term.sign_start if term.sign_start >= 0 else term.node.start
    following = add.terms[1]
    if following.sign == "+" and following.sign_start >= 0:
        return (start, following.node.start, "")
    return (start, following.sign_start if following.sign_start >= 0 else following.node.start, "")


def _insertions(ctx: Context, source: n.Add, target: n.Node) -> Iterator[Candidate]:
    text, lhs_text, rhs = ctx.rhs_text, ctx.lhs_text, ctx.rhs
    if isinstance(target, n.Add):
        terms = target.terms
    else:
        terms = (n.Term(target.start, target.end, "+", target),)
    present = [_squash(text[t.node.start : t.node.end]) for t in terms]
    # a line that keeps none of the terms of the sum it came from rewrote them all, the lost one too
    rewritten = not set(present) & {_squash(lhs_text[t.node.start : t.node.end]) for t in source.terms}
    for k, term in enumerate(source.terms):
        body = _compact(lhs_text[term.node.start : term.node.end])
        if not body or (_squash(body) in present and present.count(_squash(body)) >= _count(source, lhs_text, body)):
            continue
        before = _squash(lhs_text[source.terms[k - 1].node.start : source.terms[k - 1].node.end]) if k else None
        after = (_squash(lhs_text[source.terms[k + 1].node.start : source.terms[k + 1].node.end])
                 if k + 1 < len(source.terms) else None)
        if before is not None and before in present:
            position = present.index(before) + 1
        elif after is not None and after in present:
            position = present.index(after)
        else:
            position = min(k, len(terms))
        if not isinstance(target, n.Add) and isinstance(ctx.parent_of(target), (n.Mul, n.Pow, n.Func)):
            continue  # a bare factor that lost a sum needs parentheses too: not a one-term edit
        # (where the search decides the verdict, only copies of what the lines write)
        simpler = (_worked_copy(ctx, source, terms, term) if rewritten and not ctx.guard else None) \
            or _simplified_copy(ctx, term, rewritten)
        if simpler is not None:
            sign, shown, node = simpler
            new_add = n.Add(target.start, target.end, terms[:position] + (replace(term, sign=sign, node=node),)
                            + terms[position:])
            yield _missing_term(replace_node(rhs, target, new_add), target, terms, position, sign, shown, text)
        new_terms = terms[:position] + (term,) + terms[position:]
        new_add = n.Add(target.start, target.end, new_terms)
        tree = replace_node(rhs, target, new_add)
        edit = _insertion_edit(terms, position, term.sign, body, text)
        yield Candidate("dropped_term", tree, target.start, target.end, edit,
                        f"the term `{'-' if term.sign == '-' else ''}{body}` of the line before was dropped",
                        term=("-" if term.sign == "-" else "") + body)
        collected = _collected_twins(ctx, source, k, body) if rewritten else None
        if collected is not None:
            shown, node = collected
            new_add = n.Add(target.start, target.end, terms[:position] + (replace(term, node=node),)
                            + terms[position:])
            yield _missing_term(replace_node(rhs, target, new_add), target, terms, position, term.sign, shown, text)


def _collected_twins(ctx: Context, source: n.Add, k: int, body: str) -> tuple[str, n.Node] | None:
    """Term ``k`` of the line before times the number of its sum's terms of equal value, as (text,
    tree), when it is the first of two or more (``t(u\\cdot v) + t\\,v\\cdot u`` is ``2t(u\\cdot v)`` in a line
    that collects like terms); None otherwise. Only for a line that rewrote every term: one that
    copies terms as written copies twins too."""
    term = source.terms[k]
    if len(source.terms) > MAX_TWIN_TERMS or _lead_number(term.node) is not None or body[:1].isdigit():
        return None
    mine = _signed_values(ctx, term)
    if mine is None:
        return None
    equal = [j for j, other in enumerate(source.terms) if j == k or _equal_values(mine, _signed_values(ctx, other))]
    if len(equal) < 2 or equal[0] != k:
        return None
    count = _number_node(0, 0, Fraction(len(equal)))
    factors = term.node.factors if isinstance(term.node, n.Mul) else (term.node,)
    ops = term.node.ops if isinstance(term.node, n.Mul) else ()
    node = n.Mul(term.node.start, term.node.end, (count,) + tuple(factors), ops=("",) + tuple(ops))
    return _joined([str(len(equal)), body]), node


def _worked_copy(ctx: Context, source: n.Add, terms: tuple[n.Term, ...],
                 term: n.Term) -> tuple[str, str, n.Node] | None:
    """A term of the line before as a line that works out the factors after each term's first one
    writes it, as (sign, text, tree): the first factor as written, the rest as the number or the
    matrix of numbers it is, written as the line writes its own (``3 (-5)`` beside ``1 (-1) - 4 (-4)``,
    from ``1|A| - 4|B| + 3|C|``). None unless a term of the line is written so from one before."""
    if not isinstance(term.node, n.Mul):
        return None
    template = _worked_template(ctx, source, terms)
    value = _worked_value(ctx, term.node) if template is not None else None
    if value is None:
        return None
    join, like = template
    if isinstance(value, Fraction) == isinstance(like, n.MatrixLit):
        return None
    written = _worked_text(ctx, value, like)
    if written is None:
        return None
    lead = term.node.factors[0]
    try:
        from lintmath.parse.parser import parse_math
        factor = parse_math(written)
    except Exception:
        return None
    shown = _compact(ctx.lhs_text[lead.start : lead.end]) + join + written
    return term.sign, shown, n.Mul(term.node.start, term.node.end, (lead, factor), ops=term.node.ops[:1])


def _worked_value(ctx: Context, node: n.Mul) -> Fraction | tuple[tuple[Fraction, ...], ...] | None:
    """The value of the factors of a product after its first, a small fraction or a matrix of them."""
    from lintmath.comparator import evaluate

    rest = node.factors[1:]
    tree = rest[0] if len(rest) == 1 else n.Mul(rest[0].start, node.end, rest, ops=node.ops[1:])
    if ctx.quick is None or not ctx.quick.usable:
        return None
    try:
        expr = ctx.quick._lower(ctx.comparator.instances(ctx.reading)[0], tree)
        rows = expr.tolist() if getattr(expr, "is_Matrix", False) else None
        cells = [x for row in rows for x in row] if rows is not None else [expr]
        if any(getattr(x, "free_symbols", None) for x in cells) or len(cells) > 16:
            return None
        values = []
        for x in cells:
            v = evaluate(x, {})
            nice = None if v is None or abs(sp.im(v)) > 1e-12 else _nice(sp.re(v))
            if nice is None:
                return None
            values.append(nice)
    except Exception:
        return None
    if rows is None:
        return values[0]
    width = len(rows[0])
    return tuple(tuple(values[i : i + width]) for i in range(0, len(values), width))


def _worked_text(ctx: Context, value, like: n.Node) -> str | None:
    """A worked-out value written like the line's own: a number (bracketed when negative, or when the
    line brackets its numbers), or a matrix in the line's environment."""
    def number(x: Fraction) -> str:
        body = _synthesized_text(ctx, sp.Rational(abs(x.numerator), x.denominator), []) or "1"
        return ("-" if x < 0 else "") + body

    if isinstance(value, Fraction):
        body = number(value)
        return f"({body})" if value < 0 or isinstance(like, n.Paren) else body
    text = ctx.rhs_text[like.start : like.end]
    begin, end = re.match(r"\\begin\{\w+\}", text), re.search(r"\\end\{\w+\}\s*$", text)
    if begin is None or end is None:
        return None
    rows = " \\\\ ".join(" & ".join(number(x) for x in row) for row in value)
    return f"{begin.group()} {rows} {end.group().strip()}"


def _worked_template(ctx: Context, source: n.Add, terms: tuple[n.Term, ...]) -> tuple[str, n.Node] | None:
    """How the line writes a term of the line before whose factors after the first it worked out, as
    (the text between the first factor and the value, the value's node): a term of the line that has
    the first factor and the sign of a term of the line before, and the value of the rest after it."""
    for mine in terms:
        if not isinstance(mine.node, n.Mul) or len(mine.node.factors) != 2:
            continue
        lead, written = mine.node.factors
        value = _constant(written)
        if value is None and isinstance(written, n.MatrixLit) and not written.det:
            cells = [_constant(x) for row in written.rows for x in row]
            value = None if None in cells or len({len(r) for r in written.rows}) != 1 else \
                tuple(tuple(_constant(x) for x in row) for row in written.rows)
        if value is None:
            continue
        for theirs in source.terms:
            if not isinstance(theirs.node, n.Mul) or theirs.sign != mine.sign:
                continue
            first = theirs.node.factors[0]
            if _squash(ctx.lhs_text[first.start : first.end]) == _squash(ctx.rhs_text[lead.start : lead.end]) \
                    and _worked_value(ctx, theirs.node) == value:
                return ctx.rhs_text[lead.end : written.start], written
    return None


def _simplified_copy(ctx: Context, term: n.Term, rewritten: bool) -> tuple[str, str, n.Node] | None:
    """A term of the line before as the next line would write it, as (sign, text, tree): with its
    numeric coefficient worked out (``\\frac{3}{5}x`` for ``\\frac{2/5}{2/3}\\cdot x``), or, in a line
    that rewrote every term, as the number it is (``1`` for ``\\cos\\theta(\\cos\\theta)^{-1}``). None
    when the term is already written that way: then it is copied as it stands."""
    node, lhs_text = term.node, ctx.lhs_text
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    lead = 0
    while lead < len(factors) and _constant(factors[lead]) is not None:
        lead += 1
    if lead == len(factors):
        value = _constant(node)
    elif lead and not (lead == 1 and _plain_number(factors[0])):
        value = Fraction(1)
        for f in factors[:lead]:
            value *= _constant(f)
    elif rewritten and numeric_value(node) is None:
        value = _lowered_number(ctx, node)
    else:
        return None
    if value is None or value.denominator > NICE_DENOMINATOR or abs(value.numerator) > MAX_SYNTH_COEFFICIENT:
        return None
    sign = term.sign if value >= 0 else "+" if term.sign == "-" else "-"
    number = _synthesized_text(ctx, sp.Rational(abs(value.numerator), value.denominator), []) or "1"
    if lead == len(factors) or lead == 0:
        return sign, number, _number_node(0, 0, abs(value))
    rest = factors[lead:]
    shown = _compact(lhs_text[rest[0].start : node.end])
    if abs(value) != 1:
        shown = _joined([number, shown])
        rest = (_number_node(0, 0, abs(value)),) + rest
    tree = rest[0] if len(rest) == 1 else n.Mul(node.start, node.end, rest, ops=("",) * (len(rest) - 1))
    return sign, shown, tree


def _constant(node: n.Node) -> Fraction | None:
    """The value of a constant written with numbers and arithmetic alone (``\\frac{2/5}{2/3}``, ``(1+0)``)."""
    if isinstance(node, n.Num):
        try:
            return Fraction(node.value)
        except ValueError:
            return None
    if isinstance(node, n.Paren) and node.delim in ("(", "[", "{"):
        return _constant(node.inner)
    if isinstance(node, n.Div):
        num, den = _constant(node.num), _constant(node.den)
        return num / den if num is not None and den else None
    if isinstance(node, n.Mul):
        value = Fraction(1)
        for f in node.factors:
            v = _constant(f)
            if v is None:
                return None
            value *= v
        return value
    if isinstance(node, n.Add):
        total = Fraction(0)
        for t in node.terms:
            v = _constant(t.node)
            if v is None:
                return None
            total += -v if t.sign == "-" else v
        return total
    return None


def _plain_number(node: n.Node) -> bool:
    """A number as a line writes a worked-out coefficient: ``3``, ``0.5``, ``\\frac{1}{2}`` in lowest terms."""
    if isinstance(node, n.Num):
        return True
    value = numeric_value(node)
    return value is not None and node.den.value.isdigit() and value.denominator == int(node.den.value)


def _lowered_number(ctx: Context, node: n.Node) -> Fraction | None:
    """The value of a term of the line before that is a constant (an integral with its bounds, a
    ratio that cancels), as a small fraction; None when it depends on a letter or is no nice number."""
    from lintmath.comparator import evaluate

    if ctx.quick is None or not ctx.quick.usable:
        return None
    try:
        expr = ctx.quick._lower(ctx.comparator.instances(ctx.reading)[0], node)
        if getattr(expr, "is_Matrix", False) or expr.free_symbols:
            return None
        value = evaluate(expr, {})
    except Exception:
        return None
    if value is None or abs(sp.im(value)) > 1e-12:
        return None
    return _nice(sp.re(value))


def _count(source: n.Add, text: str, body: str) -> int:
    return sum(_squash(text[t.node.start : t.node.end]) == _squash(body) for t in source.terms)


def _missing_term(tree: n.Node, span: n.Node, terms: tuple[n.Term, ...], position: int, sign: str, body: str,
                  text: str) -> Candidate:
    """LM102: the line ``tree`` with ``body`` put in among ``terms`` at ``position`` (``span`` is the part
    of the line the finding marks)."""
    shown = ("-" if sign == "-" else "") + body
    return Candidate("dropped_term", tree, span.start, span.end, _insertion_edit(terms, position, sign, body, text),
                     f"a term `{shown}` is missing", term=shown)


def _insertion_edit(terms: tuple[n.Term, ...], position: int, sign: str, body: str, text: str) -> tuple[int, int, str]:
    if position >= len(terms):
        at = terms[-1].node.end
        return _edit(text, at, at, f" {sign} {body}")
    following = terms[position]
    if position > 0 or following.sign_start >= 0:
        at = following.sign_start if following.sign_start >= 0 else following.node.start
        if position == 0:
            lead = "-" if sign == "-" else ""
            return _edit(text, at, at, f"{lead}{body} ")
        return _edit(text, at, at, f"{sign} {body} ")
    at = following.node.start
    lead = "-" if sign == "-" else ""
    return _edit(text, at, at, f"{lead}{body} + ")


# -- LM103 ---------------------------------------------------------------------------------------

def constant_factors(ctx: Context) -> Iterator[Candidate]:
    """LM103: a constant factor too many (``2ab`` for ``ab``) or missing (``x`` for ``\\frac{1}{2}x``).

    Deleting a written coefficient is tried first; a missing one is solved for, per term and for the
    whole line. Changing a written coefficient into another number is arithmetic (LM108)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    for mul in _by_depth(rhs, n.Mul):
        lead = mul.factors[0]
        if numeric_value(lead) is None or len(mul.factors) < 2:
            continue
        rest = mul.factors[1:]
        # the operator written after the coefficient goes with it: ``2 w \times u`` keeps its cross
        new = rest[0] if len(rest) == 1 else replace(mul, factors=rest, ops=mul.ops[1:])
        shown = _compact(text[lead.start : lead.end])
        ones = _restyled_number(ctx, mul, "1")  # the author writes ``1a_1``: the 1 was changed, not added
        if ones is not None:
            yield ones
            continue
        yield Candidate("constant_factor", replace_node(rhs, mul, new), mul.start, mul.end,
                        (lead.start, rest[0].start, ""),
                        f"the factor {shown} in `{_compact(text[mul.start:mul.end])}` does not belong")
    for div in _by_depth(rhs, n.Div):
        if div.slash or not isinstance(div.den, n.Num) or numeric_value(div) is not None:
            continue
        body = _wrapped(text, div.num, parents.get(id(div)))
        yield Candidate("constant_factor", replace_node(rhs, div, div.num), div.start, div.end,
                        _edit(text, div.start, div.end, body),
                        f"the division by {div.den.value} in `{_compact(text[div.start:div.end])}` does not belong")


def missing_factors(ctx: Context) -> Iterator[Candidate]:
    """LM103, second half: a constant factor missing in front of a term or of the whole line,
    solved for. Tried after every edit of what is written, since it supposes something unwritten."""
    rhs, text = ctx.rhs, ctx.rhs_text
    sites: list[n.Node] = [rhs]
    for add in _adds_by_depth(rhs):
        if len(add.terms) > 1:
            sites.extend(t.node for t in add.terms)
    for site in sites:
        if isinstance(site, n.Mul) and numeric_value(site.factors[0]) is not None:
            continue  # its coefficient is written: a wrong value is arithmetic
        if numeric_value(site) is not None or (isinstance(site, n.Add) and len(site.terms) == 1):
            continue
        hole = n.Sym(site.start, site.start, HOLE)
        value = solve_hole(ctx, replace_node(rhs, site, n.Mul(site.start, site.end, (hole, site))), Fraction(1))
        if value is None or value <= 0 or value == 1:
            continue
        coefficient = _number_node(site.start, site.start, value)
        tree = replace_node(rhs, site, n.Mul(site.start, site.end, (coefficient, site)))
        body = text[site.start : site.end]
        shown = _compact(body)
        factor = _number_text(value)
        if site is rhs and isinstance(rhs, n.Add):
            edit = _edit(text, rhs.start, rhs.end, f"{factor}\\left({body.strip()}\\right)")
            detail = f"the whole line is off by a factor of {factor}"
        else:
            joiner = " \\cdot " if body.lstrip()[:1].isdigit() or body.lstrip()[:1] == "." else ""
            edit = _edit(text, site.start, site.start, factor + joiner)
            detail = (f"the whole line is off by a factor of {factor}" if site is rhs
                      else f"`{shown}` is missing a factor of {factor}")
        yield Candidate("constant_factor", tree, site.start, site.end, edit, detail)


# -- LM104 ---------------------------------------------------------------------------------------

def exponents(ctx: Context) -> Iterator[Candidate]:
    """LM104: an exponent one off, doubled or halved, or a square lost or added."""
    rhs, text = ctx.rhs, ctx.rhs_text
    style = _braces_one_char_scripts(ctx)  # an exponent written anew is written as the others are
    for node in _in_text_order(rhs, (n.Pow, n.Func)):
        exp = node.exp if isinstance(node, n.Pow) else node.power
        if exp is None:
            continue
        span = _script_span(text, exp)
        if span is None:
            continue
        caret, end, braced = span
        if braced and len(_squash(text[exp.start:exp.end])) > 1:
            braced = bool(style)  # ``^{10}`` needed its braces; ``^9`` may not
        for new_exp, new_text in _exponent_variants(exp, text):
            if new_text == "1":
                new = node.base if isinstance(node, n.Pow) else replace(node, power=None)
                edit = (caret, end, "")
            else:
                new = replace(node, exp=new_exp) if isinstance(node, n.Pow) else replace(node, power=new_exp)
                edit = _edit(text, caret, end, _script(new_text, braced))
            shown = _compact(text[node.start : node.end])
            yield Candidate("exponent", replace_node(rhs, node, new), node.start, node.end, edit,
                            f"the exponent in `{shown}` should be {new_text}")
    # a square (or the power the line before uses) that went missing
    lhs_powers: dict[str, str] = {}
    for node in ctx.lhs.walk():
        if isinstance(node, n.Pow) and ctx.lhs_text:
            span = _script_span(ctx.lhs_text, node.exp)
            if span is not None:
                base = _squash(ctx.lhs_text[node.base.start : node.base.end])
                lhs_powers.setdefault(base, _compact(ctx.lhs_text[node.exp.start : node.exp.end]))
    parents = _parents(rhs)
    index_ids = n.non_quantities(rhs)
    atoms = []
    for node in _in_text_order(rhs, (n.Sym, n.Paren, n.Apply, n.Func, n.Abs, n.Norm)):
        parent = parents.get(id(node))
        if id(node) in index_ids or isinstance(parent, n.Pow) and parent.base is node:
            continue
        if isinstance(node, n.Sym) and (node.labels or node.sup_letter is not None):
            continue
        if isinstance(node, n.Func) and (node.power is not None or node.inverse or node.name == "exp"):
            continue  # (nobody writes ``\exp^2 x``: the square of an exponential goes in its exponent)
        power = lhs_powers.get(_squash(text[node.start : node.end]))
        if power is not None and power != "2":
            atoms.append((False, node.start, node, power))
        atoms.append((power is None, node.start, node, "2"))
    atoms.sort(key=lambda a: a[:2])
    for _, _, node, power in atoms:
        new_exp = n.Num(node.end, node.end, power) if power.isdigit() else _parse_exponent(power, node.end)
        if new_exp is None:
            continue
        if isinstance(node, n.Func):
            command = re.match(r"\\[A-Za-z]+", text[node.start : node.end])
            if command is None:
                continue
            at = node.start + command.end()
            new: n.Node = replace(node, power=new_exp)
        else:
            at = node.end
            new = n.Pow(node.start, node.end, node, new_exp)
        shown = _compact(text[node.start : node.end])
        yield Candidate("exponent", replace_node(rhs, node, new), node.start, node.end,
                        _edit(text, at, at, _script(power, bool(style))),
                        f"`{shown}` should be raised to the power {power}")


def _parse_exponent(text: str, at: int) -> n.Node | None:
    from lintmath.parse.parser import parse_math
    from lintmath.parse.tokens import ParseFailure

    try:
        return parse_math(text)
    except (ParseFailure, RecursionError):
        return None


def _exponent_variants(exp: n.Node, text: str) -> Iterator[tuple[n.Node, str]]:
    """Nearby exponents as (node, text): k -> k-1, k+1, 2k, k/2; ``n-1`` -> ``n``, ``n-2``; ``n`` -> ``n-1``, ``n+1``."""
    s, e = exp.start, exp.end
    value = _signed_number(exp)
    if value is not None:
        if value.denominator != 1:
            return
        seen = {value}
        for new in (value - 1, value + 1, 2 * value, value / 2):
            if new in seen or new == 0 or new.denominator != 1:
                continue
            seen.add(new)
            yield _number_node(s, e, new), _number_text(new)
        return
    body = _compact(text[s:e])
    if isinstance(exp, n.Add) and len(exp.terms) > 1 and isinstance(exp.terms[-1].node, n.Num) \
            and exp.terms[-1].node.value.isdigit():
        last = exp.terms[-1]
        constant = int(last.node.value) * (-1 if last.sign == "-" else 1)
        head = exp.terms[:-1]
        head_text = _compact(text[s : last.sign_start if last.sign_start >= 0 else last.node.start])
        for new in (constant + 1, constant - 1):
            if new == 0:
                yield n.Add(s, e, head) if len(head) > 1 or head[0].sign == "-" else head[0].node, head_text
            else:
                sign = "-" if new < 0 else "+"
                term = n.Term(s, e, sign, n.Num(s, e, str(abs(new))))
                yield n.Add(s, e, head + (term,)), f"{head_text}{sign}{abs(new)}"
        return
    if isinstance(exp, (n.Sym, n.Mul)) or isinstance(exp, n.Add) and len(exp.terms) > 1:
        terms = exp.terms if isinstance(exp, n.Add) else (n.Term(s, e, "+", exp),)
        for sign in ("-", "+"):
            yield n.Add(s, e, terms + (n.Term(s, e, sign, n.Num(s, e, "1")),)), f"{body}{sign}1"


def _signed_number(node: n.Node) -> Fraction | None:
    if isinstance(node, n.Num):
        return Fraction(node.value)
    if isinstance(node, n.Add) and len(node.terms) == 1 and isinstance(node.terms[0].node, n.Num):
        value = Fraction(node.terms[0].node.value)
        return -value if node.terms[0].sign == "-" else value
    return None


# -- LM105 ---------------------------------------------------------------------------------------

def changed_dots(ctx: Context) -> Iterator[Candidate]:
    """LM105 in time: a velocity written for an acceleration or the other way (``\\dot x`` for
    ``\\ddot x``), in a step that differentiates by t (see lower.time_variable)."""
    if ctx.parsed.letters.time is None:
        return
    rhs, text = ctx.rhs, ctx.rhs_text
    swaps = {"\\ddot": "\\dot", "\\dot": "\\ddot"}
    for node in rhs.walk():
        if not (isinstance(node, n.Sym) and n.undotted(node)[1]):
            continue
        written = text[node.start : node.end]
        old = next((c for c in swaps if written.startswith(c) and not written[len(c):][:1].isalpha()), None)
        if old is None:
            continue
        plain, order = n.undotted(node)
        new = replace(node, style="+".join(p for p in (("dot" if order == 2 else "ddot"), plain.style) if p))
        shown = swaps[old] + written[len(old):]
        yield Candidate("changed_variable", replace_node(rhs, node, new), node.start, node.end,
                        _edit(text, node.start, node.end, shown),
                        f"`{written}` should be `{shown}` in `{_compact(_around(rhs, node, text))}`")


def changed_variables(ctx: Context) -> Iterator[Candidate]:
    """LM105: one letter written for another (``x_i`` for ``x_j``, ``a`` for ``b``).

    Only names that occur in the step are tried, each in its own role (a subscript for a subscript,
    a variable for a variable), most suspicious first: a name this line uses more often than the line
    before, replaced by one it uses less often."""
    rhs, text = ctx.rhs, ctx.rhs_text
    occurrences: list[tuple[str, n.Sym, str]] = []  # (role, node, name)
    counts = {"rhs": {}, "lhs": {}}
    pools: dict[str, list[str]] = {"index": [], "var": [], "base": []}
    for side, tree in (("lhs", ctx.lhs), ("rhs", rhs)):
        index_ids = n.non_quantities(tree)
        for node in tree.walk():
            if isinstance(node, n.BigOp):
                for var in (node.var, *node.extra_vars):
                    _remember(pools["index"], var)
            if not isinstance(node, n.Sym):
                continue
            if _is_plain(node):
                role = "index" if id(node) in index_ids else "var"
                key = node.base
            elif node.indices and not node.labels and node.sup_letter is None and id(node) not in index_ids:
                role, key = "base", (node.style, node.base, len(node.indices))
            else:
                continue
            counts[side][(role, key)] = counts[side].get((role, key), 0) + 1
            _remember(pools[role], key)
            if side == "rhs":
                occurrences.append((role, node, key))
    # most suspicious first; among equals, the rename that makes this line's sequence of names most
    # like the line before's (``2|x|^2 + 2|x|^2`` from ``|x|^2 ... |y|^2``: the second x was the y)
    occurrences.sort(key=lambda o: o[1].start)
    sequences = {role: [name for r, _, name in occurrences if r == role][:LCS_LIMIT] for role in pools}
    before = {role: [] for role in pools}
    lhs_index = n.non_quantities(ctx.lhs)
    for node in sorted(ctx.lhs.walk(), key=lambda x: x.start):
        if isinstance(node, n.Sym) and _is_plain(node):
            before["index" if id(node) in lhs_index else "var"].append(node.base)
    ranked = []
    positions = {role: 0 for role in pools}
    adds = [a for a in _adds_by_depth(rhs) if len(a.terms) > 1]
    if len({len(a.terms) for a in adds}) == len(adds):
        adds = []  # no two sums of a length: no parallel sums to look at
    lhs_text = _squash(ctx.lhs_text)
    for order, (role, node, name) in enumerate(occurrences):
        position = positions[role]
        positions[role] += 1
        excess = counts["rhs"].get((role, name), 0) - counts["lhs"].get((role, name), 0)
        for other in pools[role]:
            if other == name or role == "base" and other[0] != name[0]:
                continue
            deficit = counts["lhs"].get((role, other), 0) - counts["rhs"].get((role, other), 0)
            likeness = firsts = 0
            if role != "base" and position < LCS_LIMIT:
                renamed = list(sequences[role])
                renamed[position] = other
                likeness = _lcs(renamed, before[role][:LCS_LIMIT])
                # then the order in which the names first appear: ``|x|^2 ... |y|^2`` writes x first
                firsts = _lcs(_first_appearances(renamed), _first_appearances(before[role][:LCS_LIMIT]))
            if role == "base":
                start, end, written = node.start, node.start + len(name[1]), other[1]
            else:
                start, end, written = node.start, node.end, other
            echo = _echo(text, start, end, written, lhs_text) if lhs_text else 0
            parallel = _parallel_gain(ctx, adds, node, other) if role == "var" and adds else 0
            ranked.append((-(max(excess, 0) + max(deficit, 0)), -likeness, -parallel, -echo, -firsts, order,
                           role, node, name, other))
    ranked.sort(key=lambda r: r[:6])
    for *_, role, node, name, other in ranked:
        if role == "base":
            new = replace(node, base=other[1])
            start, end = node.start, node.start + len(name[1])
            if text[start:end] != name[1]:
                continue
            shown_old, shown_new = name[1], other[1]
        else:
            new = replace(node, base=other)
            start, end = node.start, node.end
            shown_old, shown_new = name, other
        yield Candidate("changed_variable", replace_node(rhs, node, new), node.start, node.end,
                        _edit(text, start, end, shown_new),
                        f"`{shown_old}` should be `{shown_new}` in `{_compact(_around(rhs, node, text))}`")


def _first_appearances(names: list) -> list:
    """The names in the order they first appear."""
    return list(dict.fromkeys(names))


def _parallel_gain(ctx: Context, adds: list[n.Add], node: n.Sym, other: str) -> int:
    """How much closer renaming ``node`` to ``other`` brings the letters of its term to those of the
    same term of each parallel sum of the line (one with as many terms, the term with as many
    letters): ``cc + dy`` below ``ax + by`` lost its x at the second place, ``(|x|^2 + ... + |x|^2)``
    beside ``(|x|^2 + ... + |y|^2)`` its y at the end. Letter by letter, in the order written; it only
    orders renames that tie on the counts and on the line before."""
    up, child = ctx.parent_of(node), node
    while up is not None and not (isinstance(up, n.Add) and isinstance(child, n.Term)):
        up, child = ctx.parent_of(up), up
    if up is None:
        return 0
    k = up.terms.index(child)
    peers = [a for a in adds if a is not up and len(a.terms) == len(up.terms)]
    mine = _letter_row(child.node)
    before = [x.base for x in mine]
    after = [other if x is node else x.base for x in mine]
    gain = 0
    for peer in peers[:MAX_PEERS]:
        theirs = [x.base for x in _letter_row(peer.terms[k].node)]
        if len(theirs) != len(mine):
            continue  # a term of another shape is no counterpart
        gain += sum(a == b for a, b in zip(after, theirs)) - sum(a == b for a, b in zip(before, theirs))
    return gain


MAX_PEERS = 4


def _letter_row(node: n.Node) -> list[n.Sym]:
    """The plain letters of a term (not its indices), in the order written."""
    index_ids = n.non_quantities(node)
    return sorted((x for x in node.walk() if isinstance(x, n.Sym) and _is_plain(x) and id(x) not in index_ids),
                  key=lambda x: x.start)


LCS_LIMIT = 40
ECHO_REACH = 12  # characters on each side of an edit that _echo looks at


def _echo(text: str, start: int, end: int, written: str, before: str) -> int:
    """How many characters around an edit of ``text`` the edited text shares with the line before
    (``before``, blanks removed), counted outside the edit itself: ``2+dx`` echoes ``(1+dx)^2`` in
    ``+dx``, ``2+xd`` does not. It tells apart renames that repair the step equally well."""
    left, mid = _squash(text[:start])[-ECHO_REACH:], _squash(written)
    right = _squash(text[end:])[:ECHO_REACH]
    edited, p, q = left + mid + right, len(left), len(left) + len(mid)
    best = 0
    for a in range(p, -1, -1):
        if edited[a:q] not in before:
            break
        b = q
        while b < len(edited) and edited[a : b + 1] in before:
            b += 1
        best = max(best, (p - a) + (b - q))
    return best


def _lcs(a: list, b: list) -> int:
    """Length of the longest common subsequence."""
    if not a or not b:
        return 0
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1]


def _remember(pool: list, key) -> None:
    if key not in pool:
        pool.append(key)


def _around(tree: n.Node, node: n.Node, text: str) -> str:
    """The smallest symbol containing ``node`` (``w_{k}`` for its index ``k``), for messages."""
    best = node
    for other in tree.walk():
        if isinstance(other, n.Sym) and other.start <= node.start and node.end <= other.end \
                and (other.end - other.start) > (best.end - best.start):
            best = other
    return text[best.start : best.end]


# -- LM106 ---------------------------------------------------------------------------------------

def reciprocals(ctx: Context) -> Iterator[Candidate]:
    """LM106: a fraction upside down, ``x`` for ``1/x``, ``a^{-1}`` for ``a`` (and back)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    # a fraction over 1 is written only by mistake: the likeliest to be upside down
    divs = sorted(_by_depth(rhs, n.Div), key=lambda d: not (isinstance(d.den, n.Num) and d.den.value == "1"))
    for div in divs:
        shown = _compact(text[div.start : div.end])
        if isinstance(div.num, n.Num) and div.num.value == "1":
            body = _wrapped(text, div.den, parents.get(id(div)))
            yield Candidate("reciprocal", replace_node(rhs, div, div.den), div.start, div.end,
                            _edit(text, div.start, div.end, body), f"`{shown}` should be its reciprocal")
            continue
        between = text[div.num.end : div.den.start]
        num_text, den_text = text[div.num.start : div.num.end], text[div.den.start : div.den.end]
        if div.slash and (isinstance(div.num, n.Add) or isinstance(div.den, n.Add)):
            continue
        flipped = replace(div, num=div.den, den=div.num)
        yield Candidate("reciprocal", replace_node(rhs, div, flipped), div.start, div.end,
                        (div.num.start, div.den.end, den_text + between + num_text),
                        f"`{shown}` is upside down")
    for node in _in_text_order(rhs, n.Pow):
        span = _script_span(text, node.exp)
        if span is None:
            continue
        caret, end, braced = span
        shown = _compact(text[node.start : node.end])
        value = _signed_number(node.exp)
        if value == -1:
            yield Candidate("reciprocal", replace_node(rhs, node, node.base), node.start, node.end,
                            (caret, end, ""), f"`{shown}` should not be inverted")
        elif isinstance(node.exp, n.Add) and len(node.exp.terms) == 1 and node.exp.terms[0].sign == "-":
            inner = node.exp.terms[0].node
            yield Candidate("reciprocal", replace_node(rhs, node, replace(node, exp=inner)), node.start, node.end,
                            _edit(text, caret, end, _script(_compact(text[inner.start:inner.end]), braced)),
                            f"the exponent of `{shown}` should not be negative")
        else:
            body = _compact(text[node.exp.start : node.exp.end])
            negated = n.Add(node.exp.start, node.exp.end, (n.Term(node.exp.start, node.exp.end, "-", node.exp),))
            if isinstance(node.exp, n.Add):
                continue
            yield Candidate("reciprocal", replace_node(rhs, node, replace(node, exp=negated)), node.start, node.end,
                            _edit(text, caret, end, _script("-" + body, True)),
                            f"the exponent of `{shown}` should be negative")
    for div in divs:
        yield from _factors_across(ctx, div)


MAX_ACROSS = 4  # factors on either side of a fraction bar that may trade places


def _has_letter(node: n.Node) -> bool:
    return any(isinstance(x, n.Sym) for x in node.walk())


def _factors_across(ctx: Context, div: n.Div) -> Iterator[Candidate]:
    """LM106, after whole fractions: part of a fraction upside down, a factor of the numerator and one
    of the denominator trading places (``\\frac{\\beta L}{\\alpha K}`` for ``\\frac{\\beta K}{\\alpha L}``,
    where L/K is inverted). Factors with letters only: two numbers that trade places are numbers
    written wrong, and a constant (``\\frac{2\\pi}{N}``) is seldom put on the wrong side."""
    if div.slash:
        return
    tops = div.num.factors if isinstance(div.num, n.Mul) else (div.num,)
    bottoms = div.den.factors if isinstance(div.den, n.Mul) else (div.den,)
    if len(tops) + len(bottoms) < 3 or max(len(tops), len(bottoms)) > MAX_ACROSS:
        return  # one factor over one is the whole fraction upside down, tried before
    text = ctx.rhs_text
    shown = _compact(text[div.start : div.end])
    for top in tops:
        for bottom in bottoms:
            above, below = text[top.start : top.end], text[bottom.start : bottom.end]
            if not (_has_letter(top) and _has_letter(bottom)) or _squash(above) == _squash(below):
                continue
            tree = n.rebuild(ctx.rhs, lambda x, t=top, b=bottom: b if x is t else t if x is b else None)
            yield Candidate("reciprocal", tree, div.start, div.end,
                            (top.start, bottom.end, below + text[top.end : bottom.start] + above),
                            f"`{_compact(above)}` and `{_compact(below)}` are on the wrong sides of `{shown}`")


def fractions_over_one(ctx: Context) -> Iterator[Candidate]:
    """LM106, first of all: a fraction over 1 is written only by mistake, so turning it upside down
    comes before any other edit (a sign flip may repair ``\\log\\frac{x}{1}`` as well)."""
    for candidate in reciprocals(ctx):
        if not candidate.detail.endswith("is upside down"):
            return
        div = _div_at(ctx.rhs, candidate.start, candidate.end)
        if div is None or not (isinstance(div.den, n.Num) and div.den.value == "1"):
            return
        yield candidate


def fractions_as_before(ctx: Context) -> Iterator[Candidate]:
    """LM106, before sign flips: a fraction the line before writes the other way up (``\\frac{q}{p}``
    under ``\\frac{p\\,s}{q}``; under a logarithm, also ``\\frac{a}{b}`` after ``\\ln b - \\ln a``).
    Inside a logarithm a sign flip repairs an upside-down fraction as well; the fraction turned back
    as the line before writes it is the likelier story."""
    if not ctx.lhs_text:
        return
    theirs = [(_squash(ctx.lhs_text[d.num.start : d.num.end]), _squash(ctx.lhs_text[d.den.start : d.den.end]))
              for d in ctx.lhs.walk() if isinstance(d, n.Div)]
    logs = _log_quotients(ctx)
    if not theirs and not logs:
        return
    for candidate in reciprocals(ctx):
        div = _div_at(ctx.rhs, candidate.start, candidate.end)
        if div is None or not candidate.detail.endswith("is upside down"):
            continue
        if _flipped_from(ctx, div, theirs) or logs and _under_log(ctx, div) and _flipped_from(ctx, div, logs):
            yield candidate


def _log_quotients(ctx: Context) -> list[tuple[str, str]]:
    """The quotients the line before writes as differences of logarithms, as (numerator, denominator)
    texts: ``\\ln T_2 - \\ln T_1`` (or ``mc\\ln T_2 - mc\\ln T_1``) writes T_2 over T_1."""
    out: list[tuple[str, str]] = []
    for add in ctx.lhs.walk():
        if not isinstance(add, n.Add):
            continue
        over: dict[str, list[str]] = {"+": [], "-": []}
        for term in add.terms:
            arg = _log_argument(term.node)
            if arg is not None:
                over[term.sign].append(_squash(ctx.lhs_text[arg.start : arg.end]))
        out += [(top, bottom) for top in over["+"] for bottom in over["-"]]
    return out


def _log_argument(node: n.Node) -> n.Node | None:
    """The argument of the one logarithm a term is, or that a product of it with other factors has."""
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    logs = [f for f in factors if isinstance(f, n.Func) and f.name == "log" and len(f.args) == 1 and f.power is None]
    if len(logs) != 1:
        return None
    arg = logs[0].args[0]
    return arg.inner if isinstance(arg, n.Paren) else arg


def _under_log(ctx: Context, div: n.Div) -> bool:
    parent = ctx.parent_of(div)
    if isinstance(parent, n.Paren):
        parent = ctx.parent_of(parent)
    return isinstance(parent, n.Func) and parent.name == "log"


def _flipped_from(ctx: Context, div: n.Div, theirs: list[tuple[str, str]]) -> bool:
    """Whether the line before writes ``div``'s numerator under a fraction bar and its denominator
    over one, and never the two as ``div`` has them."""
    num = _squash(ctx.rhs_text[div.num.start : div.num.end])
    den = _squash(ctx.rhs_text[div.den.start : div.den.end])
    if not (re.search("[A-Za-z]", num) and re.search("[A-Za-z]", den)):
        return False  # numbers are written over and under bars too often to tell anything
    if any(num in top and den in bottom for top, bottom in theirs):
        return False
    return any(den in top and num in bottom for top, bottom in theirs)


def _div_at(tree: n.Node, start: int, end: int) -> n.Div | None:
    return next((x for x in tree.walk() if isinstance(x, n.Div) and (x.start, x.end) == (start, end)), None)


def reciprocal_wraps(ctx: Context) -> Iterator[Candidate]:
    """LM106, second half: ``x`` written for ``\\frac{1}{x}`` (a factor, or the whole line)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    sites = [rhs] + [x for x in _in_text_order(rhs, (n.Sym, n.Paren, n.Apply, n.Func, n.Pow)) if x is not rhs]
    index_ids = n.non_quantities(rhs)
    for node in sites:
        if id(node) in index_ids:
            continue
        parent = parents.get(id(node))
        if isinstance(parent, n.Pow) and parent.base is node or isinstance(node, n.Sym) and not node.base.isalpha() \
                and not node.base.startswith("\\"):
            continue
        body = text[node.start : node.end].strip()
        new = n.Div(node.start, node.end, n.Num(node.start, node.start, "1"), node)
        shown = _compact(body)
        what = "the whole line" if node is rhs else f"`{shown}`"
        yield Candidate("reciprocal", replace_node(rhs, node, new), node.start, node.end,
                        (node.start, node.end, f"\\frac{{1}}{{{body}}}"), f"{what} should be its reciprocal")


# -- LM107 ---------------------------------------------------------------------------------------

FUNCTION_SWAPS = {
    "sin": ("cos",), "cos": ("sin",), "tan": ("cot",), "cot": ("tan",), "sec": ("csc",), "csc": ("sec",),
    "sinh": ("cosh",), "cosh": ("sinh",), "tanh": ("coth",), "coth": ("tanh",),
    "log": ("exp",), "exp": ("log",), "asin": ("acos",), "acos": ("asin",),
}
COMMANDS = {"asin": "\\arcsin", "acos": "\\arccos", "atan": "\\arctan"}


def wrong_functions(ctx: Context) -> Iterator[Candidate]:
    """LM107: one function written for its sibling (sin/cos, log/exp, sinh/cosh), or ``\\sigma(z)``
    for ``1-\\sigma(z)`` and back."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    for node in _in_text_order(rhs, n.Func):
        command = re.match(r"\\[A-Za-z]+", text[node.start : node.end])
        if command is None:
            continue
        for other in FUNCTION_SWAPS.get(node.name, ()):
            if node.inverse and other not in ("sin", "cos", "tan", "sinh", "cosh", "tanh"):
                continue
            written = COMMANDS.get(other, "\\" + other)
            if other == "log" and _writes_ln(ctx):
                written = "\\ln"
            yield Candidate("wrong_function", replace_node(rhs, node, replace(node, name=other)),
                            node.start, node.end,
                            _edit(text, node.start, node.start + command.end(), written),
                            f"`{command.group()}` should be `{written}`")
    for node in _in_text_order(rhs, n.Apply):
        if node.func.key != "\\sigma" or len(node.args) != 1:
            continue
        parent = parents.get(id(node))
        grand = parents.get(id(parent)) if parent is not None else None
        shown = _compact(text[node.start : node.end])
        if isinstance(parent, n.Term) and parent.sign == "-" and isinstance(grand, n.Add) and len(grand.terms) == 2 \
                and grand.terms[1] is parent and isinstance(grand.terms[0].node, n.Num) \
                and grand.terms[0].node.value == "1":
            holder = parents.get(id(grand))
            target = holder if isinstance(holder, n.Paren) else grand
            yield Candidate("wrong_function", replace_node(rhs, target, node), target.start, target.end,
                            (target.start, target.end, shown), f"`{_compact(text[target.start:target.end])}` should be `{shown}`")
            continue
        one = n.Term(node.start, node.start, "+", n.Num(node.start, node.start, "1"))
        new = n.Paren(node.start, node.end, n.Add(node.start, node.end, (one, n.Term(node.start, node.end, "-", node))))
        yield Candidate("wrong_function", replace_node(rhs, node, new), node.start, node.end,
                        (node.start, node.end, f"(1-{text[node.start:node.end]})"),
                        f"`{shown}` should be `1-{shown}`")


def _writes_ln(ctx: Context) -> bool:
    """Whether the author's natural logarithm is ``\\ln`` rather than ``\\log``."""
    both = ctx.lhs_text + " " + ctx.rhs_text
    return len(re.findall(r"\\ln(?![A-Za-z])", both)) > len(re.findall(r"\\log(?![A-Za-z])", both))


# -- LM108 ---------------------------------------------------------------------------------------

def arithmetic(ctx: Context) -> Iterator[Candidate]:
    """LM108: a number written wrong (``3`` for ``4``). The right value is solved for; when the solve
    cannot say (a number in a sum bound or a subscript), the neighbours and swapped digits are tried."""
    rhs = ctx.rhs
    subscripts = n.non_quantities(rhs) if ctx.naming_only else set()
    odd: list[Candidate] = []  # repairs an author is unlikely to have meant: tried after the others
    unseen: list[Candidate] = []  # repairs to a value neither line writes: after those to a written one
    values = _written_values(ctx)
    for num in _suspect_numbers_first(rhs, values):
        if ctx.naming_only and id(num) not in subscripts:
            continue  # only a subscript number (a_1 for a_0) can name a quantity the line lost
        old = Fraction(num.value)
        tried = {old}
        hole = n.Sym(num.start, num.end, HOLE)
        value = solve_hole(ctx, replace_node(rhs, num, hole), old)
        guesses = [value] if value is not None else []
        if value is None:
            guesses = [old + 1, old - 1, old + 2, old - 2]
            if num.value.isdigit() and len(num.value) > 1:
                guesses.append(Fraction(num.value[::-1]))
        for new in guesses:
            if new in tried or new < 0 or new == 0 and _is_numerator(ctx, num):
                continue  # (\frac{0}{2} says the term does not belong, LM102; ``0 \cdot x`` is written)
            tried.add(new)
            written = _decimal_text(new, num.value)
            if written is None:
                continue
            candidate = Candidate("arithmetic", replace_node(rhs, num, n.Num(num.start, num.end, written)),
                                  num.start, num.end, (num.start, num.end, written),
                                  f"`{num.value}` should be `{written}`")
            if _odd_value(ctx, num, old, new):
                odd.append(candidate)
            elif not values[new]:
                unseen.append(candidate)
            else:
                yield candidate
    yield from unseen
    yield from _whole_result(ctx)
    yield from odd


def _whole_result(ctx: Context) -> Iterator[Candidate]:
    """A result worked out wrong (``2`` for ``\\frac32``, ``\\frac58`` for ``\\frac34``): the number
    written again as the value of the line before, when that is a small fraction, the way the lines
    write their numbers. After the edits of single digits, which say more precisely what slipped."""
    result = stated_result(ctx)
    if result is None or isinstance(result.number, n.Mul) \
            or any("." in x.value for x in result.number.walk() if isinstance(x, n.Num)):
        return  # (rounded numbers: see decimal_slips)
    value = _nice(result.value)
    if value is None:
        return
    value = -value if result.negative else value
    if value < 0:
        return  # a result of the other sign is a sign flip's (LM101)
    number = result.number
    written = _result_text(ctx, number, value)
    if not written:
        return
    shown = _compact(ctx.rhs_text[number.start : number.end])
    yield Candidate("arithmetic", replace_node(ctx.rhs, number, _number_node(number.start, number.end, value)),
                    number.start, number.end, (number.start, number.end, written), f"`{shown}` should be `{written}`")


def _result_text(ctx: Context, number: n.Node, value: Fraction) -> str | None:
    """``value`` written as the author wrote ``number``: ``3``, ``3/4``, ``\\frac34`` or ``\\frac{3}{4}``
    after its own fraction; after an integer, a fraction as the lines write theirs."""
    p, q = value.numerator, value.denominator
    if q == 1:
        return str(p)
    if not isinstance(number, n.Div):
        return _synthesized_text(ctx, sp.Rational(p, q), [])
    if number.slash:
        return f"{p}/{q}"
    command = _FRACTION.match(ctx.rhs_text, number.start)
    if command is None:
        return _synthesized_text(ctx, sp.Rational(p, q), [])
    if not command.group(2) and p < 10 and q < 10:
        return f"\\{command.group(1)}{p}{q}"
    return f"\\{command.group(1)}{{{p}}}{{{q}}}"


# -- a line that states a result ------------------------------------------------------------------

@dataclass(frozen=True)
class StatedResult:
    """A line that is one number, after a line without letters: the line states a result."""

    number: n.Node  # as written: a Num, a fraction of two, or a mantissa times a power of ten
    negative: bool  # written with a minus
    value: sp.Float  # the value of the line before


def stated_result(ctx: Context) -> StatedResult | None:
    """The result the new line states, or None when it is no single number or the line before has
    letters (see decimal_slips, _whole_result)."""
    if not ctx.results:
        ctx.results.append(_stated_result(ctx))
    return ctx.results[0]


def _worked_out(ctx: Context) -> bool:
    """Whether the line is one number after a sum of numbers (``\\frac{10}{16} + \\frac{2}{16}``): the
    sum worked out, where a term missing is a slip in the addition. After products, integrals or
    functions, one number may be one term worked out and the others lost (``1 \\cdot 0 + 1`` = ``0``)."""
    terms = ctx.lhs.terms if isinstance(ctx.lhs, n.Add) else ()
    return stated_result(ctx) is not None and len(terms) > 1 \
        and all(numeric_value(t.node) is not None for t in terms)


def _stated_result(ctx: Context) -> StatedResult | None:
    from lintmath.tolerance import scientific_parts, side_value

    tree, negative = ctx.rhs, False
    while isinstance(tree, (n.Paren, n.Add)):
        if isinstance(tree, n.Add):
            if len(tree.terms) != 1:
                return None
            negative ^= tree.terms[0].sign == "-"
            tree = tree.terms[0].node
        else:
            tree = tree.inner
    number = isinstance(tree, n.Num) or scientific_parts(tree) is not None \
        or isinstance(tree, n.Div) and isinstance(tree.num, n.Num) and isinstance(tree.den, n.Num)
    if not number:
        return None
    value = side_value(ctx.lhs)
    return StatedResult(tree, negative, value) if value is not None else None


def decimal_slips(ctx: Context) -> Iterator[Candidate]:
    """LM108: a line that is one rounded number whose digits slipped (``0.631`` for ``0.531``, ``9.10``
    for ``9.01``, ``6.1 \\times 10^{6}`` for ``6.1 \\times 10^{5}``): one digit wrong, two neighbouring
    digits swapped, the decimal point or the power of ten one place off. Only the numbers that the
    line before's value rounds to can hold, so the slips nearest that value are tried; a rounded
    result that no slip of its digits repairs is left unexplained (a number far off is no typo)."""
    from lintmath.tolerance import scientific_parts

    result = stated_result(ctx)
    if result is None:
        return
    scientific = scientific_parts(result.number)
    mantissa = scientific[0] if scientific is not None else result.number
    if not isinstance(mantissa, n.Num) or "." not in mantissa.value \
            or len(mantissa.value.replace(".", "").lstrip("0")) < 2:
        return  # a one-digit number has no digits to slip: any other number is "one digit wrong"
    power = scientific[2] if scientific is not None else 0
    sign = -1 if result.negative else 1
    options: list[tuple[Fraction, n.Node, tuple[int, int, str]]] = []
    for digits in _digit_slips(mantissa.value, moves=scientific is None):
        options.append((sign * Fraction(digits) * Fraction(10) ** power,
                        replace_node(ctx.rhs, mantissa, replace(mantissa, value=digits)),
                        (mantissa.start, mantissa.end, digits)))
    if scientific is not None:
        exp = scientific[1]
        braced = ctx.rhs_text[: exp.start].rstrip().endswith("{")
        for k in (power - 1, power + 1):
            written = str(k) if braced or len(str(k)) == 1 else f"{{{k}}}"
            options.append((sign * Fraction(mantissa.value) * Fraction(10) ** k,
                            replace_node(ctx.rhs, exp, _number_node(exp.start, exp.end, Fraction(k))),
                            (exp.start, exp.end, written)))
    target = float(result.value)
    options.sort(key=lambda option: abs(float(option[0]) - target))
    number = result.number
    text = ctx.rhs_text[number.start : number.end]
    for _, tree, (start, end, written) in options[:MAX_SLIPS]:
        new = text[: start - number.start] + written + text[end - number.start :]
        yield Candidate("arithmetic", tree, number.start, number.end, (start, end, written),
                        f"`{_compact(text)}` should be `{_compact(new)}`")


MAX_SLIPS = 2  # the slips nearest the value: if the nearest does not round to it, none further does


def _digit_slips(written: str, moves: bool = True) -> Iterator[str]:
    """The decimals one slip away from ``written``: a digit changed (not a trailing zero), two
    neighbouring digits swapped, the point moved one place (``moves``; in a mantissa that is the
    power of ten's slip)."""
    digits, point = written.replace(".", ""), written.index(".")
    # (trailing zeros are padding: ``0.30`` for 1/3 is a result cut short, a rounding matter, no slip)
    padded = len(digits) - len(digits.rstrip("0"))
    for i, digit in enumerate(digits[: len(digits) - padded]):
        for other in "0123456789":
            if other != digit:
                yield _with_point(digits[:i] + other + digits[i + 1 :], point)
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield _with_point(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], point)
    for moved in (point - 1, point + 1) if moves else ():
        if 0 <= moved < len(digits):
            yield _with_point(digits, moved)


def _with_point(digits: str, point: int) -> str:
    return f"{digits[:point].lstrip('0') or '0'}.{digits[point:]}"


def _written_values(ctx: Context) -> "collections.Counter[Fraction]":
    """How often each number is written in the two lines."""
    nums = [x for tree in (ctx.lhs, ctx.rhs) for x in tree.walk() if isinstance(x, n.Num)]
    return collections.Counter(Fraction(x.value) for x in nums)


def _suspect_numbers_first(rhs: n.Node, written: "collections.Counter[Fraction]") -> list[n.Num]:
    """The line's numbers in text order, those written nowhere else in the two lines first. In a line
    of numbers (a matrix, a sum of products) many single numbers can be changed to repair the step;
    the slip is likelier the number that neither line writes again than one the author copies, as a
    repair to a value the lines write is likelier than one to a value they do not (see arithmetic)."""
    nums = _in_text_order(rhs, n.Num)
    return sorted(nums, key=lambda num: written[Fraction(num.value)] > 1)


_BOUNDS = {n.Limit: ("point",), n.Integral: ("lo", "hi"), n.BigOp: ("lo", "hi")}


def carried_bounds(ctx: Context) -> Iterator[Candidate]:
    """LM108, first of all: a limit point or a bound written as a number other than the one the line
    before writes for the same variable (``\\lim_{h\\to 2}`` under ``\\lim_{h\\to 0}``). A limit or an
    integral is a number, so many edits elsewhere repair it by accident; a bound that changed between
    two lines is the likelier slip."""
    rhs = ctx.rhs
    theirs = {}
    for node in ctx.lhs.walk():
        for name in _BOUNDS.get(type(node), ()):
            bound = getattr(node, name)
            if isinstance(bound, n.Num):
                theirs.setdefault((type(node), _bound_var(node), name), set()).add(bound.value)
    for node in _in_text_order(rhs, tuple(_BOUNDS)):
        for name in _BOUNDS[type(node)]:
            mine = getattr(node, name)
            values = theirs.get((type(node), _bound_var(node), name), set())
            if not isinstance(mine, n.Num) or len(values) != 1 or mine.value in values:
                continue
            value = next(iter(values))
            yield Candidate("arithmetic", replace_node(rhs, mine, replace(mine, value=value)), mine.start, mine.end,
                            (mine.start, mine.end, value), f"`{mine.value}` should be `{value}`, as on the line before")


def _bound_var(node: n.Node) -> str:
    var = node.var
    return var if isinstance(var, str) else var.base


def _odd_value(ctx: Context, num: n.Num, old: Fraction, new: Fraction) -> bool:
    """Whether writing ``new`` for ``old`` is an unlikely slip: a reduced fraction made unreduced
    (``\\frac{2}{4}`` for ``\\frac{1}{4}``, where ``\\frac{1}{2}`` was meant), or a value more than three
    times off (``\\sqrt{8}`` for ``\\sqrt{2}``, where the 2 beside it was wrong)."""
    if old and new and max(new / old, old / new) > 3:
        return True
    parent = ctx.parent_of(num)
    if not (isinstance(parent, n.Div) and isinstance(parent.num, n.Num) and isinstance(parent.den, n.Num)):
        return False
    other = Fraction(parent.den.value if parent.num is num else parent.num.value)
    if other.denominator != 1 or old.denominator != 1 or new.denominator != 1:
        return False
    return gcd(int(old), int(other)) == 1 and gcd(int(new), int(other)) > 1


def _is_numerator(ctx: Context, num: n.Num) -> bool:
    parent = ctx.parent_of(num)
    return isinstance(parent, n.Div) and parent.num is num


# -- solving for a value -------------------------------------------------------------------------

def solve_hole(ctx: Context, tree: n.Node, guess: Fraction) -> Fraction | None:
    """The small rational that, put in the hole of ``tree``, makes it agree with the left side at a
    sampled point; None when there is none (or the solve fails). Only a proposal: the caller's
    candidate is then compared on every point."""
    from lintmath.comparator import _sample, evaluate

    ctx.solves += 1
    comparator = ctx.comparator
    try:
        instance = comparator.instances(ctx.reading)[0]
        a, b = comparator.lower_pair(instance, ctx.lhs, tree)
    except Exception:  # an edit the lowering cannot read is simply not a candidate
        return None
    h = sp.Symbol(HOLE)
    if h not in getattr(b, "free_symbols", ()):
        return None
    a, b = _entry_with(a, b, h)
    if a is None:
        return None
    symbols = sorted((a.free_symbols | b.free_symbols) - {h}, key=lambda s: s.name)
    rng = random.Random(comparator.seed + 11)
    found: Fraction | None = None
    for attempt in range(1, SOLVE_POINTS * 3):
        point = {s: _sample(rng, attempt) for s in symbols}
        target = evaluate(a, point)
        if target is None:
            continue

        def residual(x):
            value = evaluate(b, {**point, h: x})
            return None if value is None else value - target

        root = None
        for start in _starts(guess):
            root = _secant(residual, sp.Float(float(start), 30), target)
            if root is not None:
                break
        if root is None:
            return None
        value = _nice(root)
        if value is None or (found is not None and value != found):
            return None
        found = value
        if not symbols:
            break
        if attempt >= 2:
            break
    return found


def _entry_with(a, b, h):
    """For matrices, the entry of ``b`` the hole sits in and the same entry of ``a`` (shapes must
    agree); scalars pass through."""
    if not getattr(b, "is_Matrix", False) and not getattr(a, "is_Matrix", False):
        return a, b
    if not (getattr(a, "is_Matrix", False) and getattr(b, "is_Matrix", False)) or a.shape != b.shape:
        return None, None
    for x, y in zip(a, b):
        if h in getattr(y, "free_symbols", ()):
            return x, y
    return None, None


def _starts(guess: Fraction) -> list[Fraction]:
    """Where the secant starts: the written value first, then a few others for the edits where the
    residual is far from linear (a wrong constant under a division or a power)."""
    out = [guess]
    for other in (guess + 1, guess - 1, Fraction(1), Fraction(0), Fraction(1, 2), 2 * guess, guess / 2):
        if other not in out:
            out.append(other)
    return out[:6]


def _secant(f: Callable, x0: sp.Float, scale: sp.Float) -> sp.Float | None:
    tolerance = sp.Float("1e-15") * max(1, abs(scale))
    x1 = x0 + 1 if x0 != -1 else x0 + 2
    f0, f1 = f(x0), f(x1)
    if f0 is None:
        x0, f0 = x0 + sp.Float("0.5"), f(x0 + sp.Float("0.5"))
    for _ in range(40):
        if f0 is None or f1 is None:
            return None
        if abs(f1) <= tolerance:
            return x1
        if f1 == f0:
            return None
        x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
        f0, f1 = f1, f(x1)
    return None


def _nice(x: sp.Float) -> Fraction | None:
    try:
        value = float(x)
    except (TypeError, ValueError):
        return None
    if not abs(value) < 1e6:
        return None
    fraction = Fraction(value).limit_denominator(NICE_DENOMINATOR)
    if abs(float(fraction) - value) > 1e-9 * max(1.0, abs(value)):
        return None
    return fraction


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
    changed_variables, changed_dots, wrong_functions, reciprocals, arithmetic, twin_removals, renamed_siblings,
    renamed_copies, chain_terms, dropped_constants, missing_factors, reciprocal_wraps, difference_terms,
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
    ctx = Context(comparator, parsed, rhs_text, lhs_text, quick=quick, chain=chain, macros=macros)
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
    kept = _kept_terms(ctx)
    held: Diagnosis | None = None
    kinds = GENERATORS if generators is None else [g for g in GENERATORS if g in generators]
    # where the line lost a quantity, an edit that writes no name the line does not already write
    # (a term removed, an exponent changed) cannot hold: it is passed over without a comparison, so
    # that the short search's candidates go to the edits that can
    names = _name_marks(parsed.rhs) if naming_only else None
    for generator in kinds:
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
            if names is not None and _writes_no_new_name(candidate.tree, names):
                if per_kind >= MAX_PER_KIND:
                    break
                continue
            tried += 1
            if tried + ctx.solves > (MAX_GUARD_CANDIDATES if ctx.guard else MAX_CANDIDATES) and not out_of_time:
                out_of_time = True
                break
            inside = _within(candidate, kept)
            if (held is None or not inside) and _holds(comparator, parsed.lhs, candidate.tree, quick):
                diagnosis = _diagnosis(candidate, rhs_text, suggestion)
                if diagnosis is not None and not inside:
                    return diagnosis
                held = held or diagnosis
            if per_kind >= MAX_PER_KIND:
                break
            if work_time() > deadline:
                out_of_time = True
                break
    return held


MAX_KEPT_TERMS = 8  # sums longer than this are not matched term by term (one lowering per term)
MAX_KEPT_DEPTH = 3


def _kept_terms(ctx: Context) -> list[tuple[int, int]]:
    """The spans of the parts of the line that equal the part of the line before they rewrite, in
    value at shared points, where some other part equals none: the line rewrote the line before term
    by term (factor by factor), and the part that no longer matches is where the slip is. A term is
    matched to the term at its own place first, then to any term not yet matched; a term that
    matches none, across from one at its place, is looked into the same way (``1\\cdot(3+1)`` under
    ``1\\cdot((1+0)+1)``: the ``1``s are kept, the ``3`` is the slip). Empty when nothing matches."""
    if ctx.quick is None:
        return []
    out: list[tuple[int, int]] = []
    _align(ctx, ctx.rhs, ctx.lhs, out, 0)
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


def _inner(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren) and node.delim in ("(", "[", "{"):
        node = node.inner
    return node


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


def _holds(comparator, lhs: n.Node, tree: n.Node, quick: "Prefilter | None" = None) -> bool:
    """Equal under some reading of the notation, as the step itself would be verified."""
    for flips in comparator.readings():
        if quick is not None and quick.rejects(tree, flips):
            continue
        try:
            outcome = comparator.compare(lhs, tree, flips, equal_only=True)
        except Exception:  # an edit SymPy cannot evaluate is not an explanation
            return False
        if outcome.kind == "equal":
            return True
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
        self.usable = not getattr(comparator, "constraints", ()) and not getattr(comparator, "adds_a_constant", lambda: False)()
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
    for flips in comparator.readings():
        if work_time() - started > READINGS_SECONDS:
            return None
        outcome = comparator.compare(parsed.lhs, parsed.rhs, flips)
        if outcome.kind == "equal" or outcome.kind == "undecided" and outcome.readable:
            return None
        if outcome.kind == "differ":
            if outcome.opaque or outcome.suspect:
                return None
            refuting = refuting or (outcome, flips)
        diverging &= outcome.reason in DIVERGING
    if refuting is None and not diverging:
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
