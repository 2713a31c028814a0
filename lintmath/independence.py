"""Independence of random variables, as the prose states it.

``Let $w$ and $x$ be independent``, ``$X_1, \\dots, X_n$ are i.i.d.``, ``independent random variables
$X, Y$``, ``the mask $m$ is independent of $w$``, ``$X \\perp\\!\\!\\!\\perp Y$``: a statement names its
variables (an indexed family X_1, ..., X_n or X_i by its letter) and says how they are independent:
*mutually* (each named variable, and each member of a named family, its own factor of the outcome
space) or *between* two groups (the subject and the object of "independent of": one factor each, the
members of a group free to depend on each other). ``i.i.d.`` adds that the variables share one
distribution. expectation.py builds the product space; check.py uses it to verify only.

Reading prose is guesswork, so only what reads plainly counts: a sentence that negates, conditions
(``conditionally independent given``), weakens (``pairwise``) or speaks of linear independence or of
an independent *variable* states nothing here, and only math that is a list of plain symbols next to
the keyword is named. This module knows nothing of SymPy.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

KIND = "independent"  # the kind of a ContextItem that states independence
MUTUAL, BETWEEN = "mutual", "between"
# a sentence that says something else of the variables it names (not independent, conditionally
# independent): the statements above it no longer hold for them
VOID = "void"
IDENTICAL = "iid"
FAMILY_MARK = "_"  # after a key in a ContextItem's text: the key names an indexed family
# a statement in the prose holds for the steps this many lines below it (a section's derivation),
# and for those a few lines above it ("..., where $X$ and $Y$ are independent")
REACH = 50
AFTER = 3


@dataclass(frozen=True)
class Independence:
    """``groups``: the keys each group names (with MUTUAL, one group); ``families``: the keys named as
    an indexed family; ``identical``: i.i.d.; ``where``: "path:line" for the verdict's guess."""

    groups: tuple[frozenset[str], ...]
    families: frozenset[str]
    mode: str
    identical: bool
    where: str = ""

    def factor(self, key: str, indexed: bool, member: str) -> str | None:
        """The factor of the outcome space that a random symbol depends on alone, or None when the
        statement does not name it (it then depends on the whole outcome). ``member``: the symbol's
        name with its index values (X[2]), its own factor in a mutually independent family."""
        for number, group in enumerate(self.groups):
            if key not in group or indexed != (key in self.families):
                continue
            if self.mode == BETWEEN:
                return f"g{number}"
            return member
        return None

    def shared(self, key: str) -> str:
        """The name of the one distribution i.i.d. variables share: per family, and one for the
        variables named alone (X and Y i.i.d.)."""
        return key if key in self.families else "iid"

    def describe(self) -> str:
        def names(group: frozenset[str]) -> str:
            return ", ".join(sorted(k.split(":")[-1] + ("_i" if k in self.families else "") for k in group))
        if self.mode == BETWEEN:
            text = " independent of ".join(names(g) for g in self.groups)
        else:
            text = names(self.groups[0]) + (" i.i.d." if self.identical else " independent")
        return text + (f" (as stated at {self.where})" if self.where else "")

    def encode(self) -> tuple[str, str, str]:
        """(lhs, relation, rhs) of the ContextItem that carries the statement."""
        groups = " | ".join(",".join(sorted(k + (FAMILY_MARK if k in self.families else "") for k in g))
                            for g in self.groups)
        return groups, self.mode, IDENTICAL if self.identical else ""


def decode(lhs: str, relation: str, rhs: str, where: str = "") -> Independence | None:
    groups: list[frozenset[str]] = []
    families: set[str] = set()
    for text in lhs.split(" | "):
        keys = set()
        for name in filter(None, text.split(",")):
            if name.endswith(FAMILY_MARK):
                name = name[: -len(FAMILY_MARK)]
                families.add(name)
            keys.add(name)
        if keys:
            groups.append(frozenset(keys))
    if relation not in (MUTUAL, BETWEEN, VOID) or not groups:
        return None
    return Independence(tuple(groups), frozenset(families), relation, rhs == IDENTICAL, where)


# -- reading the prose ------------------------------------------------------------------------------

_KEYWORD = re.compile(r"(?<![-\w])(?:independent(?:ly)?(?:\s+and\s+identically\s+distributed)?"
                      r"|i\.\s?i\.\s?d\.?|iid|IID)(?![\w-])")
_IDENTICAL = re.compile(r"identically\s+distributed|i\.\s?i\.\s?d|(?<![\w-])iid(?![\w-])|(?<![\w-])IID(?![\w-])")
# what makes a sentence state something else than independence: a negation, a condition, a weaker
# kind, linear independence, an independent variable of calculus, a characterisation
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|without|unless|dependent|"
                         r"conditionally|conditional|given|pairwise|linearly|linear|iff|only\s+if|"
                         r"uncorrelated|whether|independent\s+variables?|independent\s+of\s+(?:time|the\s+choice))"
                         r"(?![\w-])", re.IGNORECASE)
# words that may stand between the named variables and the keyword ("Let $X$ and $Y$ be independent")
_BEFORE = {"and", "are", "is", "be", "were", "all", "both", "assumed", "assume", "to", "mutually",
           "statistically", "jointly", "that", "also", "each", "then", "the", "as", "drawn"}
# words that may stand between the keyword and the named variables ("independent random variables $X, Y$")
_AFTER = {"random", "variables", "variable", "samples", "sample", "copies", "draws", "observations",
          "trials", "and", "identically", "distributed", "noise", "terms", "the", "with", "standard",
          "normal", "gaussian", "uniform", "zero-mean", "mean-zero", "centered", "rvs", "r.v.s", "realizations",
          "realisations"}
_OF = {"of", "from"}
_EACH_OTHER = re.compile(r"^\s*(?:of|from)\s+(?:each\s+other|one\s+another)", re.IGNORECASE)
_TOKEN = re.compile(r"\$(?P<math>[^$]+)\$|\\\((?P<paren>.+?)\\\)|(?P<key>" + _KEYWORD.pattern + r")|(?P<word>[\w.'-]+)|(?P<comma>,)")
# in math: the variables on the left of a relation that says they are drawn (X_i \sim N(0, 1)), with
# i.i.d. over it (\stackrel{iid}{\sim}), or the independence sign between two lists
_DRAWN = re.compile(r"\\(?:stackrel|overset)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)?\}\s*\{?\s*\\sim\s*\}?|\\sim(?:_\{?[^{}\s]*\}?)?|\\in\b")
_INDEP_SIGN = re.compile(r"\\perp\s*(?:\\!\s*)+\\perp|\\bot\s*(?:\\!\s*)+\\bot|\\(?:indep|independent|Perp|CI)(?![A-Za-z])|\\perp(?![A-Za-z])")
_DOTS = re.compile(r"^\\(?:dots|ldots|cdots|dotsc)$|^\.\.\.$")
# display math, where the prose pauses
_DISPLAY_BEGIN = re.compile(r"\\begin\s*\{(?:equation|align|gather|multline|eqnarray|flalign|alignat|displaymath|math)\*?\}|\\\[|\$\$")
_DISPLAY_END = re.compile(r"\\end\s*\{(?:equation|align|gather|multline|eqnarray|flalign|alignat|displaymath|math)\*?\}|\\\]|\$\$")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\\$])")


def _symbols(math: str, macros) -> tuple[set[str], set[str]] | None:
    """(keys named alone, keys named as indexed families) when ``math`` is a list of plain symbols
    (``X, Y``, ``X_1, \\dots, X_n``, ``X_i``), else None."""
    singles: set[str] = set()
    families: set[str] = set()
    drawn = _DRAWN.search(math)
    if drawn is not None:
        math = math[: drawn.start()]  # $X, Y \sim \mathcal{N}(0, 1)$: the variables drawn
    items = [item.strip() for item in re.split(r",|\\(?:quad|qquad|text\s*\{\s*and\s*\})", math)]
    for item in filter(None, items):
        if _DOTS.match(item):
            continue
        try:
            tree = parse_math(item, macros)
        except (ParseFailure, RecursionError):
            return None
        if not isinstance(tree, n.Sym) or tree.labels or tree.primes or tree.sup_letter is not None \
                or tree.style == "label" or not (tree.base[:1].isalpha() or tree.base.startswith("\\")):
            return None
        (families if tree.indices else singles).add(tree.key)
    if not singles and not families:
        return None
    return singles, families


def _statement(groups: list[tuple[set[str], set[str]]], mode: str, identical: bool,
               where: str) -> Independence | None:
    keys = [frozenset(s | f) for s, f in groups]
    families = frozenset(k for _, f in groups for k in f)
    if mode == BETWEEN:
        if len(keys) != 2 or not all(keys) or keys[0] & keys[1]:
            return None
        return Independence(tuple(keys), families, BETWEEN, False, where)
    union = frozenset(k for g in keys for k in g)
    if union & families and union - families & families:
        return None
    if len(union) < 2 and not families:
        return None  # "X is independent": of what, the sentence does not say
    return Independence((union,), families, MUTUAL, identical, where)


def math_beside(tokens: list, start: int, step: int, fillers: set[str], read, arity: int,
                nouns: int = 0) -> tuple[set[str], ...]:
    """What ``read`` finds (a tuple of ``arity`` sets, or None to stop) in the math next to tokens[start],
    walking by ``step`` across commas, ``fillers`` and, before the first math that names something, up
    to ``nouns`` other lowercase words ("of the weights $w$"); the finds joined set by set."""
    found: list[set[str]] = [set() for _ in range(arity)]
    k = start
    while 0 <= k < len(tokens):
        kind, text = tokens[k]
        if kind == "math":
            sets = read(text)
            if sets is None:
                break
            for mine, more in zip(found, sets):
                mine |= more
        elif kind == "comma" or kind == "word" and text.lower().rstrip(".") in fillers:
            pass
        elif kind == "word" and nouns > 0 and not any(found) and text.isalpha() and text.islower():
            nouns -= 1
        else:
            break
        k += step
    return tuple(found)


def _named(tokens: list, start: int, step: int, fillers: set[str], macros,
           nouns: int = 0) -> tuple[set[str], set[str]]:
    """The symbols (singles, families) of the math next to tokens[start] (see math_beside)."""
    singles, families = math_beside(tokens, start, step, fillers, lambda text: _symbols(text, macros), 2, nouns)
    return singles, families


def sentence_statements(sentence: str, macros=None, where: str = "") -> list[Independence]:
    """The independence statements of one sentence of prose (inline math in $...$ or \\(...\\))."""
    if _NOT_STATED.search(re.sub(r"\$[^$]*\$", " ", sentence)):
        named = [_symbols(m.group(1), macros) for m in re.finditer(r"\$([^$]+)\$", sentence)]
        keys = frozenset(k for found in named if found is not None for k in found[0] | found[1])
        return [Independence((keys,), frozenset(), VOID, False, where)] if keys else []
    out: list[Independence] = []
    tokens = []
    for match in _TOKEN.finditer(sentence):
        if match.group("math") or match.group("paren"):
            tokens.append(("math", match.group("math") or match.group("paren")))
        elif match.group("key"):
            tokens.append(("key", match.group("key")))
        elif match.group("word"):
            tokens.append(("word", match.group("word")))
        else:
            tokens.append(("comma", ","))
    identical = bool(_IDENTICAL.search(sentence))
    for k, (kind, text) in enumerate(tokens):
        if kind == "math":
            out += _math_statements(text, macros, where)
            continue
        if kind != "key":
            continue
        if k + 1 < len(tokens) and tokens[k + 1][0] == "key":
            continue  # "independent i.i.d.": read at the last keyword
        before = _named(tokens, k - 1, -1, _BEFORE, macros)
        rest = " ".join(t for _, t in tokens[k + 1:])
        if k + 1 < len(tokens) and tokens[k + 1][0] == "word" and tokens[k + 1][1].lower() in _OF:
            if _EACH_OTHER.match(rest):
                found = _statement([before], MUTUAL, identical, where)
            else:
                after = _named(tokens, k + 2, 1, {"the", "and"} | _AFTER, macros, nouns=2)
                found = _statement([before, after], BETWEEN, False, where)
        elif before[0] or before[1]:
            found = _statement([before], MUTUAL, identical, where)
        else:
            found = _statement([_named(tokens, k + 1, 1, _AFTER, macros)], MUTUAL, identical, where)
        if found is not None:
            out.append(found)
    return out


def _math_statements(math: str, macros, where: str) -> list[Independence]:
    """``X_1, \\dots, X_n \\stackrel{iid}{\\sim} P`` and ``X \\perp\\!\\!\\!\\perp Y`` in the math itself."""
    if "|" in math or "\\mid" in math:
        return []  # X \perp Y | Z: a conditional independence
    sign = _INDEP_SIGN.search(math)
    if sign is not None:
        left, right = _symbols(math[: sign.start()], macros), _symbols(math[sign.end():], macros)
        if left is None or right is None:
            return []
        if sign.group(0).strip() == "\\perp" and not all(
                k.isupper() and len(k) == 1 for side in (left, right) for k in side[0] | side[1]):
            return []  # u \perp v: perpendicular, unless plain capitals as random variables are
        found = _statement([left, right], BETWEEN, False, where)
        return [found] if found is not None else []
    drawn = _DRAWN.search(math)
    if drawn is None or not _IDENTICAL.search(drawn.group(0)):
        return []
    named = _symbols(math[: drawn.start()], macros)
    found = _statement([named], MUTUAL, True, where) if named is not None else None
    return [found] if found is not None else []


def prose_sentences(lines: tuple[str, ...] | list[str]) -> tuple[tuple[int, str], ...]:
    """(line, sentence) for the sentences of the prose of ``lines``: comments cut, display math
    left out, a paragraph broken at blank lines and displays."""
    # A dozen readers of the prose (independence, log bases, money, ...) each split the same document's
    # lines: split once per document. The result is a tuple, so that no reader can change another's.
    return _prose_sentences(tuple(lines))


@functools.lru_cache(maxsize=16)
def _prose_sentences(lines: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    paragraph: list[tuple[int, str]] = []
    display = False

    def flush() -> None:
        if not paragraph:
            return
        text = " ".join(t for _, t in paragraph)
        # each sentence is placed at the line where its text ends
        offsets = []
        position = 0
        for number, part in paragraph:
            position += len(part) + 1
            offsets.append((position, number))
        start = 0
        pieces = _SENTENCE_END.split(text)
        for piece in pieces:
            at = text.find(piece, start)
            start = at + len(piece)
            line = next((number for end, number in offsets if end >= start), paragraph[-1][0])
            out.append((line, piece))
        paragraph.clear()

    for number, raw in enumerate(lines, 1):
        line = re.sub(r"(?<!\\)%.*", "", raw)
        if display:
            end = _DISPLAY_END.search(line)
            if end is None:
                continue
            display = False
            line = line[end.end():]
        begin = _DISPLAY_BEGIN.search(line)
        if begin is not None:
            before = line[: begin.start()]
            if before.strip():
                paragraph.append((number, before))
            flush()
            rest = line[begin.end():]
            end = _DISPLAY_END.search(rest)
            if end is None:
                display = True
            elif rest[end.end():].strip():
                paragraph.append((number, rest[end.end():]))
            continue
        if not line.strip() or line.lstrip().startswith("\\section") or line.lstrip().startswith("\\begin{frame"):
            flush()
            if line.strip():
                paragraph.append((number, line))
            continue
        paragraph.append((number, line))
    flush()
    return tuple(out)


def passage_statements(lines: tuple[str, ...] | list[str],
                       says: Callable[[str], bool]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that ``says`` holds of, its keys
    naming no letters (the whole passage is read so), ``continues`` where the sentence goes on from the one
    before (it starts in lower case): the statements of the readings a passage's prose puts in force."""
    return [(line, frozenset({"*"}), sentence.lstrip()[:1].islower())
            for line, sentence in prose_sentences(lines) if says(sentence)]


def statements_of(lines: tuple[str, ...] | list[str], macros=None,
                  path: str = "") -> list[tuple[int, Independence, bool]]:
    """(line, statement, continues) for every independence statement in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase ("where $X$ and $Y$ are independent"), and may
    explain the display above it, where a capital opens a passage of its own."""
    out = []
    for line, sentence in prose_sentences(lines):
        if not _KEYWORD.search(sentence) and not _INDEP_SIGN.search(sentence):
            continue
        continues = sentence.lstrip()[:1].islower()
        for found in sentence_statements(sentence, macros, f"{path}:{line}"):
            out.append((line, found, continues))
    return out
