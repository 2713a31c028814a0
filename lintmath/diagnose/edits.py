"""What every kind of edit shares: the candidate an edit generator yields and the context it looks
at, walks of the syntax tree, text edits that keep the author's spelling, numbers written as the
author writes them, and the edits that more than one kind makes (a term put back, a coefficient
restyled, a sign or a factor moved into an exponent).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction

import sympy as sp

from lintmath.parse import nodes as n
from lintmath.parse.parser import CURRENCY_MARKS


@dataclass(frozen=True)
class Candidate:
    kind: str
    tree: n.Node  # the edited right-hand side
    start: int  # the term the edit touches, as offsets into the rhs text
    end: int
    edit: tuple[int, int, str]  # (start, end, replacement) applied to the rhs text
    detail: str
    term: str | None = None  # the term named in the message, when it is not rhs_text[start:end]
    # readings (flips) in which the edit does not count as a repair: a transpose added holds trivially
    # where the matrices are read as symmetric
    unless: frozenset = frozenset()


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
    # the reading that refuted a step whose default reading cannot be built (Var(3X) where only the
    # general model of expectations reads it): a solve the default reading cannot lower tries it
    refuting: frozenset = frozenset()
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


def common_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters two texts share at their start, and then at their end: what an edit of one
    into the other leaves alone (``2x + y`` and ``x + y``: 0 and 5)."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def apply_edit(text: str, edit: tuple[int, int, str]) -> str:
    start, end, replacement = kept_mark(text, edit)
    return _compact(text[:start] + replacement + text[end:])


def _currency_mark() -> re.Pattern[str]:
    marks = "|".join(re.escape(mark) for mark in sorted(CURRENCY_MARKS, key=len, reverse=True))
    return re.compile(rf"(?:\\(?:text|mathrm|textrm)\{{(?:{marks})\}}|(?:{marks}))\s*")


_CURRENCY = _currency_mark()
_PLAIN_NUMBER = re.compile(r"\d[\d.,]*")


def kept_mark(text: str, edit: tuple[int, int, str]) -> tuple[int, int, str]:
    """``edit`` with the currency mark of the amount it rewrites left in place: an amount's number
    spans its mark (``\\$530.54``, see the parser's _currency_prefixes), and a suggestion ``530.45``
    for it would drop the author's dollar sign."""
    start, end, replacement = edit
    mark = _CURRENCY.match(text, start)
    if mark is None or mark.end() >= end or not _PLAIN_NUMBER.fullmatch(replacement) \
            or not _PLAIN_NUMBER.fullmatch(text[mark.end():end].strip()):
        return edit
    return mark.end(), end, replacement


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


# -- what more than one kind of edit uses ------------------------------------------------------

MAX_CHAIN_TERMS = 12  # terms of a chain line's sum looked at: a lost term is found among a line's first ones


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


def _beside(present: list[str], theirs: list[str], k: int, end: int) -> int:
    """Where term ``k`` of a sum written ``theirs`` goes among the terms ``present``: after the term
    before it there, else before the term after it, else at its own place (the last term of its sum
    last, whatever the two sums' lengths)."""
    if k and theirs[k - 1] in present:
        return present.index(theirs[k - 1]) + 1
    if k + 1 < len(theirs) and theirs[k + 1] in present:
        return present.index(theirs[k + 1])
    return end if k == len(theirs) - 1 else min(k, end)


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


_NAMES = re.compile(r"\\[A-Za-z]+|(?<=\\begin)\{\w+\*?\}|(?<=\\end)\{\w+\*?\}")


def _located(text: str, written: str) -> int:
    """Where a letter is first written in ``text``, not as part of a command's or an environment's name
    (the ``v`` of ``\\vect``, the ``a`` of ``bmatrix``); a letter may be glued to others (``su``)."""
    if len(written) == 1 and written.isalpha():
        return _NAMES.sub(lambda m: " " * len(m.group(0)), text).find(written)
    return _first_at(text, written) if _word(written) is not None else text.find(written)


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


def _beside_decimals(ctx: Context) -> bool:
    """Whether either line writes a decimal: a difference of the sides may then be rounding's."""
    return any(isinstance(x, n.Num) and "." in x.value for tree in (ctx.lhs, ctx.rhs) for x in tree.walk())


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


def _missing_term(tree: n.Node, span: n.Node, terms: tuple[n.Term, ...], position: int, sign: str, body: str,
                  text: str) -> Candidate:
    """LM102: the line ``tree`` with ``body`` put in among ``terms`` at ``position`` (``span`` is the part
    of the line the finding marks)."""
    shown = ("-" if sign == "-" else "") + body
    return Candidate("dropped_term", tree, span.start, span.end, _insertion_edit(terms, position, sign, body, text),
                     f"a term `{shown}` is missing", term=shown)


def _insertion_edit(terms: tuple[n.Term, ...], position: int, sign: str, body: str, text: str) -> tuple[int, int, str]:
    before, after = _term_spacing(terms, text)
    if position >= len(terms):
        at = terms[-1].node.end
        return _edit(text, at, at, f"{before}{sign}{after}{body}")
    following = terms[position]
    if position > 0 or following.sign_start >= 0:
        at = following.sign_start if following.sign_start >= 0 else following.node.start
        if position == 0:
            lead = "-" if sign == "-" else ""
            return _edit(text, at, at, f"{lead}{body}{before}")
        return _edit(text, at, at, f"{sign}{after}{body}{before}")
    at = following.node.start
    lead = "-" if sign == "-" else ""
    return _edit(text, at, at, f"{lead}{body}{before}+{after}")


# what may stand between a term and the sign of the next: spacing alone (``a ~-~ b``, ``a \,+\, b``)
_SPACING = re.compile(r"(?:~|\\[,;:! >]|\\q?quad\b|\\enspace\b|\s)+")


def _term_spacing(terms: tuple[n.Term, ...], text: str) -> tuple[str, str]:
    """The spacing a sum writes before and after the sign of each of its terms, when it writes one
    (``~-~``): a term put back is spaced the same, as the author's own line was. Plain blanks otherwise,
    and where the sum spaces its terms in more than one way."""
    gaps = {(text[a.node.end : b.sign_start], text[b.sign_start + 1 : b.node.start])
            for a, b in zip(terms, terms[1:]) if b.sign_start >= a.node.end}
    if not gaps:
        # a line left with one signed term (``-~ b`` that lost the ``a`` before it) still shows the
        # spacing after its sign, which a sum spaced on purpose writes on both sides
        # (only the spacing is read: what follows it may be terms the tree leaves out, ``0 ~-~ \ldots``)
        gaps = {(m.group(), m.group()) for t in terms if 0 <= t.sign_start < t.node.start
                for m in [_SPACING.match(text, t.sign_start + 1)] if m is not None}
    marks = {(x.strip(), y.strip()) for x, y in gaps}
    if len(marks) != 1 or not any(next(iter(marks))) \
            or not all(_SPACING.fullmatch(x or " ") and _SPACING.fullmatch(y or " ") for x, y in gaps):
        return " ", " "
    x, y = next(iter(marks))
    return f" {x} " if x else " ", f" {y} " if y else " "


def _signed_number(node: n.Node) -> Fraction | None:
    if isinstance(node, n.Num):
        return Fraction(node.value)
    if isinstance(node, n.Add) and len(node.terms) == 1 and isinstance(node.terms[0].node, n.Num):
        value = Fraction(node.terms[0].node.value)
        return -value if node.terms[0].sign == "-" else value
    return None


def _inner(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren) and node.delim in ("(", "[", "{"):
        node = node.inner
    return node


# -- carrying an edit back from a rewritten text -------------------------------------------------------

def carried_edit(written: str, suggestion: str, source: str) -> tuple[str, tuple[int, int]] | None:
    """The edit that turns ``written`` into ``suggestion`` (the suggestion compacted, as apply_edit
    writes it), made on ``source`` instead, where ``written`` is ``source`` with some parts written out
    afresh (an expectation as its sum, a divergence as its integral): the edit must fall on characters
    that ``written`` copied from ``source``, save for a letter the writing renamed in case (the X of
    E_p[f(X)] summed as x), which the replacement is renamed back to. Returns the edited source
    (uncompacted) and the span of ``source`` the edit replaced; None where the edit touches text the
    writing made."""
    text, raw = _compact_positions(written)
    a = 0
    while a < min(len(text), len(suggestion)) and text[a] == suggestion[a]:
        a += 1
    b = 0
    while b < min(len(text), len(suggestion)) - a and text[len(text) - 1 - b] == suggestion[len(suggestion) - 1 - b]:
        b += 1
    replacement = suggestion[a:len(suggestion) - b]
    mapped, renames = _copied_positions(source, written)
    if a < len(text) - b:  # a replacement or a deletion: every character it touches was copied, in order
        first, last = raw[a], raw[len(text) - b - 1]
        span = [mapped.get(k) for k in range(first, last + 1) if not written[k].isspace()]
        if not span or None in span or any(y != x + 1 for x, y in zip(span, span[1:])
                                           if not source[x + 1:y].isspace()):
            return None
        start, end = span[0], span[-1] + 1
    else:  # an insertion: beside a copied character
        before = mapped.get(raw[a - 1]) if a > 0 else -1
        after = mapped.get(raw[a]) if a < len(text) else len(source)
        if before is not None:
            start = end = before + 1
        elif after is not None:
            start = end = after
        else:
            return None
    for old, new in renames.items():
        replacement = re.sub(rf"(?<![\\A-Za-z]){re.escape(old)}(?![A-Za-z])", new, replacement)
    if not any(c.isspace() for c in source[start:end]):
        # the spaces a tokenizing writing put between tokens, which the author did not write
        replacement = re.sub(r"\s+", lambda m: " " if re.search(r"\\[A-Za-z]+$", replacement[:m.start()])
                             and replacement[m.end():m.end() + 1].isalpha() else "", replacement)
    if start == end and replacement and source[start - 1:start].isalpha() and replacement[:1].isalpha():
        replacement = " " + replacement
    return source[:start] + replacement + source[end:], (start, end)


def carried_span(written: str, source: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``source`` that the span ``start:end`` of ``written`` copies (see carried_edit): every
    character of it copied, in order; None where the writing made any of it."""
    if not 0 <= start < end <= len(written):
        return None
    mapped, _ = _copied_positions(source, written)
    span = [mapped.get(k) for k in range(start, end) if not written[k].isspace()]
    if not span or None in span or any(y != x + 1 for x, y in zip(span, span[1:]) if not source[x + 1:y].isspace()):
        return None
    return span[0], span[-1] + 1


def _compact_positions(text: str) -> tuple[str, list[int]]:
    """``_compact(text)`` and, for each of its characters, where it stands in ``text``."""
    out: list[str] = []
    raw: list[int] = []
    for match in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            raw.append(match.start() - 1)
        out.extend(match.group())
        raw.extend(range(match.start(), match.end()))
    return "".join(out), raw


# a shorter run the two texts share is as often a letter of the writing's own (the r of its r(z)
# beside the author's E_r) as one copied, unless it starts or ends both texts
MIN_COPIED = 2


def _copied_positions(source: str, written: str) -> tuple[dict[int, int], dict[str, str]]:
    """For each character of ``written`` copied from ``source``, where it stands there; and the letters
    the writing renamed, one for one in case (written letter -> source letter). The two are matched
    without their spaces, which a writing that tokenizes its text puts between every two tokens."""
    ours = [k for k, c in enumerate(source) if not c.isspace()]
    theirs = [k for k, c in enumerate(written) if not c.isspace()]
    left, right = "".join(source[k] for k in ours), "".join(written[k] for k in theirs)
    mapped: dict[int, int] = {}
    renames: dict[str, str] = {}
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" and (i2 - i1 >= MIN_COPIED or i1 == j1 == 0
                              or (i2, j2) == (len(left), len(right))):  # (the texts' own ends: anchored)
            mapped.update({theirs[j1 + k]: ours[i1 + k] for k in range(i2 - i1)})
        elif op == "replace" and i2 - i1 == j2 - j1:
            pairs = list(zip(left[i1:i2], right[j1:j2]))
            if all(s.isalpha() and w.isalpha() and s != w and s.lower() == w.lower() and renames.get(w, s) == s
                   and left[i1 + k - 1:i1 + k] != "\\" and not left[i1 + k - 1:i1 + k].isalpha()
                   and not left[i1 + k + 1:i1 + k + 2].isalpha()
                   for k, (s, w) in enumerate(pairs)):
                for k, (s, w) in enumerate(pairs):
                    renames[w] = s
                    mapped[theirs[j1 + k]] = ours[i1 + k]
    return mapped, renames
