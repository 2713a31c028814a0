"""Steps of Boolean algebra, as digital-logic courses write them: ``+`` is OR, juxtaposition or ``\\cdot``
is AND, a bar, an overline or a prime is NOT, ``\\oplus`` is XOR.

``x + xy = x``, ``x + \\bar x = 1``, ``\\overline{x + y} = \\bar x \\bar y`` are false of real numbers: read as
arithmetic, a lecture on logic would be "refuted" line by line. A passage whose prose speaks of Boolean
algebra (Boolean, truth table, logic gate, AND/OR, Karnaugh map, De Morgan ...) states a KIND item, and
check.py reads a step in its reach here first: a side written only with letters, 0 and 1, and the
operators above is a Boolean function of its letters, and two such sides are compared on every 0/1
assignment, an exact and finite check. Anything else (a power, a minus, another number, a function
applied to arguments) is not read, and the step is decided as arithmetic. This module knows nothing of
SymPy.
"""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from lintmath.independence import passage_statements
from lintmath.parse.tokens import Macro, ParseFailure, Token, expand_macros, tokenize
from lintmath.parse.vocabulary import GREEK

if TYPE_CHECKING:
    from lintmath.context import ContextItem

KIND = "boolean"  # the kind of a ContextItem that says its passage works in Boolean algebra
REACH = 120  # a section or two: notes on logic seldom name it in every paragraph
# the kind of a ContextItem whose sentence, below a statement of Boolean algebra, turns to numbers: where it
# is the later of the two, a step is as likely arithmetic as logic (see check._as_boolean)
NUMBERS_KIND = "boolean_numbers"
MAX_LETTERS = 12  # 4096 assignments: beyond that a step is left to the arithmetic reading

VERIFIED_REASON = "read as Boolean algebra (+ as OR, juxtaposition as AND, a bar as NOT): equal on every 0/1 assignment"
DIFFER_REASON = "read as Boolean algebra, the two sides differ on a 0/1 assignment"
ARITHMETIC_IN_LOGIC = "in a passage on Boolean algebra, + may be OR and a bar NOT: not refuted as arithmetic"

# "Boolean" of a program's value or of a random variable ("returns a Boolean value", "a Boolean mask", "a
# Boolean random variable X"), or as a noun ("returns a Boolean."), speaks of a type, not of an algebra
# whose + is OR: arithmetic below it is arithmetic
_TYPE_NOUNS = (r"values?|types?|flags?|masks?|arrays?|vectors?|indexing|indices|random\s+variables?|results?"
               r"|literals?|columns?|fields?|parameters?|arguments?|outputs?|inputs?|conditions?|tests?|checks?")
_WORDS = re.compile(r"\bBoolean\b(?!\s+(?:" + _TYPE_NOUNS + r")\b)(?!\s*(?:[.,;:)]|$))|\blogic\s+gates?\b|\btruth[- ]tables?\b|\bKarnaugh\b|\bK-maps?\b|\bDe\s?Morgan"
                    r"|\bswitching\s+(?:algebra|functions?|circuits?)\b|\b(?:half|full)[- ]adders?\b"
                    r"|\b(?:min|max)terms?\b|\bsum[- ]of[- ]products\b|\bproduct[- ]of[- ]sums\b"
                    r"|\b(?:combinational|digital)\s+(?:logic|circuits?)\b|\bexclusive[- ]or\b"
                    r"|\bmultiplexers?\b|\bGray\s+code\b|\bflip-flops?\b", re.IGNORECASE)
# (not "gate" alone, which quantum circuits use, nor "parity bit", whose codes add modulo 2: 1 + 1 = 0)
# the gates' names in capitals (lowercase "or", "and" are the prose's own words)
_GATES = re.compile(r"(?<![\w\\])(?:AND|OR|XOR|NAND|NOR|XNOR)(?![\w])")

_OR = {"+", "\\lor", "\\vee"}
_XOR = {"\\oplus", "\\veebar"}
_AND = {"\\cdot", "\\land", "\\wedge"}
_NOT_PREFIX = {"\\neg", "\\lnot"}
_NOT_ACCENT = {"\\bar", "\\overline"}
_NAME_FONTS = {"\\mathrm", "\\text", "\\mathit", "\\textrm", "\\mathsf", "\\operatorname"}
_SKIPPED = {"\\,", "\\;", "\\:", "\\ ", "\\!", "\\quad", "\\qquad", "\\left", "\\right", "\\big", "\\Big",
            "\\bigl", "\\bigr", "\\Bigl", "\\Bigr", "\\bigg", "\\Bigg", "\\biggl", "\\biggr"}
_OPENS = {"(": ")", "[": "]", "\\{": "\\}", "\\lparen": "\\rparen"}
_MARKS = re.compile(r"\\(?:bar|overline|oplus|lor|land|vee|wedge|neg|lnot)(?![a-zA-Z])|'|\+")
# what only logic writes: a sum of letters is arithmetic too (p + q = 1 may be an equation of probabilities)
_LOGIC_MARKS = re.compile(r"\\(?:bar|overline|oplus|veebar|lor|land|vee|wedge|neg|lnot)(?![a-zA-Z])|'")

# what a lone name does not write (see lone_name)
_OPERATORS = re.compile(r"\\(?:bar|overline|neg|lnot|cdot|land|wedge|oplus|veebar|lor|vee)(?![a-zA-Z])|[+()\[\]]")

Function = Callable[[Mapping[str, bool]], bool]


class _Unread(Exception):
    """The side is not written in the notation of Boolean algebra."""


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that speaks of Boolean algebra
    or logic circuits (the keys name no letters: the whole passage is read so)."""
    return passage_statements(lines, lambda sentence: bool(_WORDS.search(sentence) or _GATES.search(sentence)))


# letters or values the prose makes numbers: "the real numbers x and y", "for integers n", a probability
_NUMBERS = re.compile(r"\b(?:real|rational|natural|whole|complex|prime)\s+numbers?\b|\bintegers?\b"
                      r"|\bpolynomials?\b|\bprobabilit(?:y|ies)\b|\bderivatives?\b|\bintegrals?\b", re.IGNORECASE)


def numbers_statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that speaks of numbers and not
    of Boolean algebra: below one that does, it leaves the passage's reading open."""
    return passage_statements(lines, lambda sentence: bool(
        _NUMBERS.search(sentence) and not (_WORDS.search(sentence) or _GATES.search(sentence))))


def contested(context: Iterable[ContextItem]) -> bool:
    """Whether the latest statement in ``context`` about the passage's reading speaks of numbers rather
    than of Boolean algebra."""
    lines = {kind: max((item.line for item in context if item.kind == kind), default=-1)
             for kind in (KIND, NUMBERS_KIND)}
    # (two sentences of one line: which came first is not kept, and the doubt leaves the step open)
    return lines[NUMBERS_KIND] >= lines[KIND] >= 0


def written_as_logic(text: str) -> bool:
    """Whether ``text`` writes a complement or a connective that arithmetic does not."""
    return bool(_LOGIC_MARKS.search(text))


def marked(text: str) -> bool:
    """Whether ``text`` writes an operator that Boolean algebra reads otherwise than arithmetic."""
    return bool(_MARKS.search(text))


class _Reader:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = [t for t in tokens if not (t.kind == "cmd" and t.text in _SKIPPED)]
        self.k = 0
        self.letters: set[str] = set()

    def peek(self) -> Token | None:
        return self.tokens[self.k] if self.k < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise _Unread
        self.k += 1
        return token

    def whole(self) -> Function:
        function = self.expression(None)
        if self.peek() is not None:
            raise _Unread
        return function

    def expression(self, close: str | None) -> Function:
        terms = [self.term(close)]
        kinds: set[str] = set()
        while (token := self.peek()) is not None and token.text in _OR | _XOR:
            self.k += 1
            kinds.add("or" if token.text in _OR else "xor")
            terms.append(self.term(close))
        if len(kinds) > 1:
            raise _Unread  # a + b \oplus c: which binds first is a convention the notes may not share
        if not kinds:
            return terms[0]
        if kinds == {"or"}:
            return lambda v: any(t(v) for t in terms)
        return lambda v: sum(t(v) for t in terms) % 2 == 1

    def term(self, close: str | None) -> Function:
        factors = [self.factor()]
        while (token := self.peek()) is not None:
            if token.text in _AND:
                self.k += 1
                factors.append(self.factor())
            elif token.text in _OR | _XOR or token.text == close or token.kind == "close":
                break
            else:
                factors.append(self.factor())  # juxtaposition is AND
        if len(factors) == 1:
            return factors[0]
        return lambda v: all(f(v) for f in factors)

    def factor(self) -> Function:
        token = self.take()
        if token.kind == "cmd" and token.text in _NOT_PREFIX:
            inner = self.factor()
            return lambda v: not inner(v)
        if token.kind == "cmd" and token.text in _NOT_ACCENT:
            inner, name = self.argument()
            label = self.subscript()
            if label is not None:
                if name is None:
                    raise _Unread  # \overline{ab}_1: a label on the bracket
                # \bar{x}_1 is the complement of x_1, as \bar x_1 is
                inner = self._letter(name + label)
            elif name is not None:
                inner = self._letter(name)
            function = self._complemented(inner)
        elif token.kind == "num":
            if token.text not in ("0", "1"):
                raise _Unread
            value = token.text == "1"
            function = lambda v: value
        elif token.kind == "letter" or token.kind == "cmd" and token.text in GREEK:
            function = self._letter(token.text + (self.subscript() or ""))
            self._not_applied()
        elif token.kind == "cmd" and token.text in _NAME_FONTS:
            function = self._letter(self._name() + (self.subscript() or ""))
            self._not_applied()
        elif token.text in _OPENS or token.kind == "open":
            close = _OPENS.get(token.text, "}")
            function = self.expression(close)
            if self.take().text != close:
                raise _Unread
        else:
            raise _Unread
        while (nxt := self.peek()) is not None and nxt.text == "'":
            self.k += 1
            function = self._complemented(function)
        if (nxt := self.peek()) is not None and nxt.text in ("^", "_"):
            raise _Unread  # a power, or a label on a bracket: arithmetic
        return function

    @staticmethod
    def _complemented(inner: Function) -> Function:
        return lambda v: not inner(v)

    def _letter(self, name: str) -> Function:
        self.letters.add(name)
        return lambda v: v[name]

    def _name(self) -> str:
        """The letters of ``\\mathrm{Sum}`` as one name."""
        if self.take().kind != "open":
            raise _Unread
        text = []
        while (token := self.take()).kind != "close":
            if token.kind not in ("letter", "num"):
                raise _Unread
            text.append(token.text)
        if not text:
            raise _Unread
        return "".join(text)

    def argument(self) -> tuple[Function, str | None]:
        """What a bar stands over: a group or one letter; the letter's name where it is a lone letter."""
        token = self.peek()
        ahead = self.tokens[self.k:self.k + 3]
        if len(ahead) == 3 and ahead[0].kind == "open" and ahead[2].kind == "close" \
                and (ahead[1].kind == "letter" or ahead[1].kind == "cmd" and ahead[1].text in GREEK):
            self.k += 3
            return (lambda v: False), ahead[1].text  # the caller reads the letter, with its label
        if token is not None and token.kind == "open":
            self.k += 1
            function = self.expression("}")
            if self.take().kind != "close":
                raise _Unread
            return function, None
        if token is not None and (token.kind == "letter" or token.kind == "cmd" and token.text in GREEK):
            self.k += 1
            return self._letter(token.text + (self.subscript() or "")), None
        if token is not None and token.kind == "num" and token.text in ("0", "1"):
            self.k += 1
            value = token.text == "1"
            return (lambda v: value), None
        raise _Unread

    def subscript(self) -> str | None:
        token = self.peek()
        if token is None or token.text != "_":
            return None
        self.k += 1
        token = self.take()
        if token.kind != "open":
            if token.kind not in ("letter", "num"):
                raise _Unread
            return "_" + token.text
        depth, text = 1, []
        while depth:
            token = self.take()
            depth += {"open": 1, "close": -1}.get(token.kind, 0)
            if depth:
                text.append(token.text + (" " if token.kind == "cmd" else ""))
        return "_{" + "".join(text) + "}"

    def _not_applied(self) -> None:
        """Raise _Unread where the bracket after a name holds its arguments: F(a, b, c), P(\bar A), f(x)
        (a product writes an operator inside, x(1 + y), A(B + \bar B))."""
        nxt = self.peek()
        if nxt is None or nxt.text != "(":
            return
        depth, operators = 0, False
        for token in self.tokens[self.k:]:
            if token.text in _OPENS:
                depth += 1
            elif token.text in _OPENS.values():
                depth -= 1
                if depth == 0:
                    break
            elif token.text == ",":
                raise _Unread
            elif token.text in _OR | _XOR | _AND:
                operators = True
        if not operators:
            raise _Unread


def read(text: str, macros: Mapping[str, Macro] | None = None) -> tuple[Function, frozenset[str]] | None:
    """``text`` as a Boolean function and the letters it reads, or None where it is not Boolean notation."""
    try:
        tokens = expand_macros(tokenize(text), dict(macros or {}))
        reader = _Reader(tokens)
        if not reader.tokens:
            return None
        return reader.whole(), frozenset(reader.letters)
    except (_Unread, ParseFailure, RecursionError):
        return None


def compare(lhs: str, rhs: str, macros: Mapping[str, Macro] | None = None
            ) -> tuple[bool, tuple[tuple[str, str], ...]] | None:
    """Whether ``lhs`` and ``rhs`` are the same Boolean function, with a 0/1 assignment where they differ
    (empty where they agree); None where either side is not Boolean notation or writes too many letters."""
    left, right = read(lhs, macros), read(rhs, macros)
    if left is None or right is None:
        return None
    letters = sorted(left[1] | right[1])
    if len(letters) > MAX_LETTERS:
        return None
    for values in itertools.product((False, True), repeat=len(letters)):
        assignment = dict(zip(letters, values))
        if left[0](assignment) != right[0](assignment):
            return False, tuple((name, str(int(value))) for name, value in assignment.items())
    return True, ()


def lone_name(text: str, macros: Mapping[str, Macro] | None = None) -> bool:
    """Whether ``text`` is one letter (``F``, ``C_{out}``, ``S'``): a name a line may define or state."""
    found = read(text, macros)
    return found is not None and len(found[1]) == 1 and not _OPERATORS.search(text)



def top_terms(text: str) -> list[str]:
    """The terms of ``text`` joined by + outside brackets (``xy + \\bar{x}z`` -> ``xy``, ``\\bar{x}z``);
    empty where it is not a sum."""
    try:
        tokens = tokenize(text)
    except ParseFailure:
        return []
    cuts, depth = [], 0
    for token in tokens:
        if token.kind == "open" or token.text in _OPENS:
            depth += 1
        elif token.kind == "close" or token.text in _OPENS.values():
            depth -= 1
        elif depth == 0 and token.text in _XOR:
            return []
        elif depth == 0 and token.text == "+":
            cuts.append(token)
    if not cuts:
        return []
    bounds = [0] + [c.end for c in cuts]
    ends = [c.start for c in cuts] + [len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, ends)]


def dropped_term(lhs: str, rhs: str, macros: Mapping[str, Macro] | None = None) -> str | None:
    """The shortest product of literals whose loss explains ``lhs = rhs`` (``rhs + term`` is ``lhs`` as a
    Boolean function: xy + \\bar{x}z + yz = xy + yz lost \\bar{x}z), a term of ``lhs`` first among those
    of one length; None where none is found or the right side is one term."""
    left = read(lhs, macros)
    if left is None or not top_terms(rhs):
        return None  # a line collapsed to one term (x + 1 = x) simplified wrongly: no term was lost
    before = top_terms(lhs)
    letters = sorted(left[1])
    literals = [name for letter in letters for name in (letter, _complement_text(letter))]
    for size in (1, 2, 3):
        if size > 1 and len(letters) > (6 if size == 2 else 4):
            break
        products = ["".join(p) for p in itertools.combinations(literals, size)
                    if len({_base(x) for x in p}) == size]
        products.sort(key=lambda t: t not in before)
        for term in products:
            found = compare(lhs, f"{rhs} + {term}", macros)
            if found is not None and found[0]:
                return term
    return None


def _complement_text(letter: str) -> str:
    base, _, label = letter.partition("_")
    return f"\\bar{{{base}}}" + (f"_{label}" if label else "")


def _base(literal: str) -> str:
    return re.sub(r"\\bar\{([^}]*)\}", r"\1", literal)
