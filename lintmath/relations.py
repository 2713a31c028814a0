"""The relations lintmath knows, and how to find them at the top level of a row of LaTeX math.

Stdlib only. ``normalize_relation`` maps what an author wrote (``\\leq``, ``\\overset{(a)}{=}``,
``\\stackrel{\\text{def}}{=}``...) to a normalised name; ``find_relations`` scans a slice of math
text for the relations that separate the sides of a chain (not those inside braces, parentheses,
``\\left..\\right``, inner environments, nor after a top-level annotation such as ``\\quad``).
All scanning is iterative and linear in the length of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

RELATIONS: dict[str, str] = {
    "=": "=",
    "\\leq": "<=", "\\le": "<=", "\\leqslant": "<=", "\\leqq": "<=",
    "\\geq": ">=", "\\ge": ">=", "\\geqslant": ">=", "\\geqq": ">=",
    "<": "<", "\\lt": "<", "\\lneq": "<", "\\lneqq": "<",
    ">": ">", "\\gt": ">", "\\gneq": ">", "\\gneqq": ">",
    "\\neq": "!=", "\\ne": "!=",
    "\\approx": "~=", "\\simeq": "~=", "\\cong": "~=", "\\approxeq": "~=", "\\doteq": "~=",
    "\\sim": "~",
    "\\propto": "propto", "\\varpropto": "propto",
    "\\equiv": "===",
    ":=": ":=", "\\coloneqq": ":=", "\\coloneq": ":=", "\\triangleq": ":=", "\\defeq": ":=",
    "\\eqdef": ":=", "\\stackrel{\\text{def}}{=}": ":=", "\\overset{\\text{def}}{=}": ":=",
    "\\overset{\\Delta}{=}": ":=",
    "=:": "=:", "\\eqqcolon": "=:", "\\eqcolon": "=:",
    "\\Rightarrow": "=>", "\\implies": "=>", "\\Longrightarrow": "=>",
    "\\Leftarrow": "<==", "\\impliedby": "<==", "\\Longleftarrow": "<==",
    "\\iff": "<=>", "\\Leftrightarrow": "<=>", "\\Longleftrightarrow": "<=>",
    "\\ll": "<<", "\\gg": ">>",
    "\\subset": "subset", "\\subseteq": "subseteq", "\\subsetneq": "subset",
    "\\supset": "supset", "\\supseteq": "supseteq",
    "\\in": "in", "\\notin": "notin",
    "\\to": "->", "\\rightarrow": "->", "\\longrightarrow": "->", "\\mapsto": "->",
    "\\longmapsto": "->",
    "\\gets": "<-", "\\leftarrow": "<-",
}

#: the normalised name of a relation marked with a row operation between matrices (``\xrightarrow{R_2 - 2R_1}``,
#: ``\overset{R_1 \leftrightarrow R_2}{\sim}``): row equivalence, which the mark says is meant
ROW_EQUIVALENT = "row~"
#: extensible arrows, whose label (an optional ``[below]`` and a ``{above}``) says what the step does
_LABELLED_ARROWS = frozenset({"\\xrightarrow", "\\xlongrightarrow", "\\xleftrightarrow"})

#: Relations between statements rather than expressions: their sides are whole clauses.
LOGICAL = frozenset({"=>", "<==", "<=>"})
#: the relations a step is decided under as an equality, and as an inequality (see check.check_step)
EQUALITY = {"=", "===", "==", "=:"}
INEQUALITY = {"<=", ">=", "<", ">"}

_NEGATED = {"=": "!=", "in": "notin", "<": ">=", ">": "<=", "<=": ">", ">=": "<"}

# Annotated relations: \overset{(a)}{=}, \stackrel{..}{\leq}, \underset{..}{=}, \mathrel{..}.
_ANNOTATED = {"\\overset": 2, "\\stackrel": 2, "\\underset": 2, "\\mathrel": 1}
_DEF_MARKS = frozenset({"def", "defn", "def.", "definition", "\\delta", "\\triangle", "δ", "d"})
# A row (or column) operation as the mark of an equals sign: R_2 - 2R_1, R_1 \leftrightarrow R_2,
# L_2 \gets L_2 - L_1, C_3 + C_1. Between matrices it says "row equivalent", which is no equality;
# between determinants (vmatrix, \det) adding a multiple of a row keeps the value, so "=" stays.
_ROW_OPERATION = re.compile(r"(?<![A-Za-z\\])[RrLC]_\{?\s*[0-9ijkn]")
#: a row operation alone (no column operation C_2 - C_1 beside it): what makes a mark say "row equivalent"
_ROWS_ONLY = re.compile(r"(?<![A-Za-z\\])[RrL]_\{?\s*[0-9ijkn]")
_COLUMN_OPERATION = re.compile(r"(?<![A-Za-z\\])C_\{?\s*[0-9ijkn]")
_DETERMINANTS = re.compile(r"vmatrix|\\det(?![a-zA-Z])|\\left\s*\||\\lvert|\\vert")
_FORMATTING = re.compile(
    r"\\(?:text|mathrm|textrm|rm|mathsf|textsf|mathit|textit|mathbf|textbf|scriptscriptstyle|"
    r"scriptstyle|tiny|scriptsize|footnotesize|small|mathclap|mbox|operatorname|textnormal)"
    r"(?![a-zA-Z])"
)

_OPENERS = frozenset({"(", "[", "\\{", "\\lbrace", "\\langle", "\\lbrack", "\\lceil", "\\lfloor",
                      "\\lvert", "\\lVert"})
_CLOSERS = frozenset({")", "]", "\\}", "\\rbrace", "\\rangle", "\\rbrack", "\\rceil", "\\rfloor",
                      "\\rvert", "\\rVert"})
_ANGLES = frozenset({"\\langle", "\\rangle"})


def _brackets(text: str, start: int, end: int) -> tuple[frozenset, frozenset]:
    """The openers and closers that nest in ``text[start:end]``. In Dirac notation the angles pair
    with bars, not with each other (``|0\\rangle\\langle 0| + |1\\rangle\\langle 1| = I``)."""
    if "|" in text[start:end] and ("\\langle" in text[start:end] or "\\rangle" in text[start:end]):
        return _OPENERS - _ANGLES, _CLOSERS - _ANGLES
    return _OPENERS, _CLOSERS


_SIZES = frozenset({"\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\Bigl", "\\biggl", "\\Biggl",
                    "\\bigr", "\\Bigr", "\\biggr", "\\Biggr", "\\bigm", "\\Bigm", "\\biggm", "\\Biggm"})
_SPACING = frozenset({"\\quad", "\\qquad", "\\,", "\\;", "\\:", "\\!", "\\ ", "\\enspace",
                      "\\thinspace", "\\medspace", "\\thickspace", "\\negthinspace", "~"})
#: Top-level commands after which the rest of a row is an annotation, not math.
_ANNOTATIONS = frozenset({"\\quad", "\\qquad", "\\hspace", "\\hfill", "\\mbox", "\\hbox"})
# the commands that set words in math (their group is prose or a name, never math)
TEXT_COMMANDS = frozenset({"\\text", "\\textrm", "\\textnormal", "\\textit", "\\textbf", "\\mbox"})
_WORDS = frozenset("if for and or where since by as when with otherwise else thus hence so "
                   "because from using via all some then".split())

# math-roman commands that may set a connective (\mathrm{or}); any other word in them is a name
_ROMAN_COMMANDS = frozenset({"\\mathrm", "\\operatorname"})
_CONNECTIVE_WORDS = frozenset({"or", "and", "if", "where", "when", "otherwise", "else", "hence", "thus"})

_TOKEN = re.compile(r"\\[a-zA-Z@]+|\\.|:=|=:|[^\\{}()\[\]=<>:\s]+|\s+|.", re.S)


@dataclass(frozen=True)
class RelationMatch:
    """A relation found in a text: ``text[start:end]`` is what the author wrote."""

    start: int
    end: int
    text: str
    name: str


def read_group(text: str, i: int, end: int | None = None) -> tuple[int, int]:
    """The argument starting at ``i`` (after blanks): a ``{...}`` group or one token.

    Returns ``(start, after)``; for a brace group ``text[start+1:after-1]`` is its content. An
    unclosed group runs to ``end``. Iterative, so any nesting depth is fine.
    """
    end = len(text) if end is None else end
    while i < end and text[i] in " \t\r\n":
        i += 1
    if i >= end:
        return i, i
    if text[i] != "{":
        m = _TOKEN.match(text, i, end)
        return i, (m.end() if m else i + 1)
    depth = 0
    j = i
    while j < end:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i, j + 1
        j += 1
    return i, end


def group_content(text: str, start: int, after: int) -> str:
    if after - start >= 2 and text[start] == "{" and text[after - 1] == "}":
        return text[start + 1:after - 1]
    return text[start:after]


def normalize_relation(text: str, extra: dict[str, str] | None = None, _depth: int = 0) -> str | None:
    """The normalised name of a relation as written, or None if ``text`` is not one relation."""
    t = text.strip()
    if not t or _depth > 20:
        return None
    if t in RELATIONS:
        return RELATIONS[t]
    if extra and t in extra:
        return extra[t]
    while t.startswith("{"):
        start, after = read_group(t, 0)
        if after != len(t):
            break
        t = t[1:-1].strip()
        if t in RELATIONS:
            return RELATIONS[t]
    found = find_relations(t, extra=extra, annotations=False, _depth=_depth + 1)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(t):
        return found[0].name
    return None


def _annotated(text: str, cmd: str, after_cmd: int, end: int, extra, depth) -> tuple[int, str | None]:
    """Parse ``\\overset{a}{=}``-like constructs: (end of construct, relation name or None)."""
    args = []
    i = after_cmd
    for _ in range(_ANNOTATED[cmd]):
        s, i = read_group(text, i, end)
        args.append(group_content(text, s, i))
    inner = normalize_relation(args[-1], extra, depth + 1) if args and args[-1].strip() else None
    if inner is None:
        return i, None
    if inner == "=" and len(args) == 2:
        mark = _FORMATTING.sub("", args[0])
        mark = re.sub(r"[{}\s]", "", mark).lower()
        if mark in _DEF_MARKS:
            return i, ":="
        if _ROW_OPERATION.search(args[0]) and not _DETERMINANTS.search(text[:end]):
            # \overset{R_2 - 2R_1}{=} between matrices: row equivalence, not equality
            return i, _row_mark(args[0])
    if inner in ("->", "~") and len(args) == 2 and _ROW_OPERATION.search(args[0]):
        return i, _row_mark(args[0])  # \overset{R_2 - 2R_1}{\longrightarrow}, \stackrel{R_3 + R_1}{\sim}
    return i, inner


def _row_mark(label: str) -> str:
    """The relation a mark of operations makes: row equivalence for row operations alone; with a column
    operation among them (C_2 - C_1) only "equivalent" (~), which row reduction does not decide."""
    return ROW_EQUIVALENT if _ROWS_ONLY.search(label) and not _COLUMN_OPERATION.search(label) else "~"


def _labelled_arrow(text: str, after_cmd: int, end: int) -> tuple[int, str]:
    """``\\xrightarrow[below]{above}``: (end of construct, relation name). A row operation in either label
    makes it row equivalence; any other label (a limit, a map's name) leaves an arrow, which is not checked."""
    i = after_cmd
    labels = []
    k = i
    while k < end and text[k] in " \t":
        k += 1
    if k < end and text[k] == "[":
        close = text.find("]", k)
        if close < 0:
            return end, "->"
        labels.append(text[k + 1:close])
        i = close + 1
    s, i = read_group(text, i, end)
    labels.append(group_content(text, s, i))
    if any(_ROW_OPERATION.search(label) for label in labels):
        return i, _row_mark(" ".join(labels))
    return i, "->"


def _is_annotation_text(content: str) -> bool:
    """``\\text{ for all }`` is prose; ``\\text{Var}`` is a name."""
    if not content.strip():
        return False
    if content != content.strip() or " " in content.strip() or content.strip()[0] in "(,.;:":
        return True
    return content.strip().lower() in _WORDS


def find_relations(
    text: str,
    start: int = 0,
    end: int | None = None,
    extra: dict[str, str] | None = None,
    *,
    annotations: bool = True,
    _depth: int = 0,
) -> list[RelationMatch]:
    """The top-level relations of ``text[start:end]``, in order, with offsets into ``text``.

    Not top level: inside ``{}``, ``()``, ``[]``, ``\\left..\\right``, ``\\{..\\}``, or an inner
    ``\\begin..\\end``. ``extra`` maps user macros (``\\defeq``) to relation names. With
    ``annotations``, a top-level ``\\quad``/``\\qquad``/prose ``\\text{..}`` ends the search
    unless a relation follows it directly (``a = b \\quad\\Rightarrow\\quad c = d``).
    """
    end = len(text) if end is None else min(end, len(text))
    openers, closers = _brackets(text, start, end)
    found: list[RelationMatch] = []
    braces = parens = envs = 0
    stopped = False  # after an annotation: only a directly following relation resumes
    content = False  # the current side has something besides spacing
    i = start
    while i < end:
        m = _TOKEN.match(text, i, end)
        if m is None:  # pragma: no cover - the pattern matches any character
            break
        tok = m.group(0)
        j = m.end()
        if tok[0] in " \t\r\n":
            i = j
            continue
        top = braces == 0 and parens == 0 and envs == 0
        name = None
        rel_end = j
        if tok == "{":
            braces += 1
        elif tok == "}":
            braces = max(0, braces - 1)
        elif tok in openers:
            parens += 1
        elif tok in closers:
            parens = max(0, parens - 1)
        elif tok == "\\begin":
            s, j = read_group(text, j, end)
            envs += 1
        elif tok == "\\end":
            s, j = read_group(text, j, end)
            envs = max(0, envs - 1)
        elif tok in ("\\left", "\\right", "\\middle"):
            if tok == "\\left":
                parens += 1
            elif tok == "\\right":
                parens = max(0, parens - 1)
            s, j = read_group(text, j, end)  # the delimiter: '(', '.', '\\{', '<'...
            if s < end and text[s] == "{":  # \left{ is not a delimiter; don't swallow a group
                j = s
        elif tok in _SIZES:
            k = j
            while k < end and text[k] in " \t":
                k += 1
            if k < end and text[k] in "<>|":
                j = k + 1
        elif tok in _ANNOTATED:
            j, name = _annotated(text, tok, j, end, extra, _depth)
            rel_end = j
        elif tok in _LABELLED_ARROWS:
            j, name = _labelled_arrow(text, j, end)
            rel_end = j
        elif tok == "\\not":
            k, after = read_group(text, j, end)
            nxt = text[k:after]
            inner = RELATIONS.get(nxt) or (extra or {}).get(nxt)
            if inner is not None:
                name = _NEGATED.get(inner, "not " + inner)
                j = rel_end = after
        elif tok in RELATIONS:
            name = RELATIONS[tok]
        elif extra and tok in extra:
            name = extra[tok]
        elif tok == "\\hspace" or tok == "\\hfill":
            if j < end and text[j] == "*":
                j += 1
            if tok == "\\hspace":
                s, j = read_group(text, j, end)
        if stopped:
            if tok in _SPACING or tok in _ANNOTATIONS:
                i = j
                continue
            if name is None or not top:
                return found  # something other than spacing after the annotation: prose
            stopped = False
        elif top and annotations and name is None and content:
            if tok in _ANNOTATIONS:
                stopped = True
            elif tok in TEXT_COMMANDS:
                s, after = read_group(text, j, end)
                if _is_annotation_text(group_content(text, s, after)):
                    stopped = True
                j = after
            elif tok in _ROMAN_COMMANDS:
                s, after = read_group(text, j, end)
                if group_content(text, s, after).strip().lower() in _CONNECTIVE_WORDS:
                    stopped = True  # x = 0 \; \mathrm{or} \; x = 4: a word set in roman, not a name
                j = after
        if name is not None and top:
            found.append(RelationMatch(i, rel_end, text[i:rel_end], name))
            content = False
        elif tok not in _SPACING and tok not in _ANNOTATIONS:
            content = True
        i = j
    return found


def opens_with_prose(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` (already stripped of spacing) opens with prose such as
    ``\\text{for all }``, ``\\text{if}`` or ``\\mbox{i.e.}``: what follows is an annotation, even
    when it holds a relation (``\\text{for } x > 0``).
    """
    end = len(text) if end is None else min(end, len(text))
    m = _TOKEN.match(text, start, end)
    if m is None or (m.group(0) not in TEXT_COMMANDS and m.group(0) != "\\hbox"):
        return False
    s, after = read_group(text, m.end(), end)
    content = group_content(text, s, after)
    # "i.e.", "resp.", "given:" end in punctuation, which a name such as \text{Var} never does
    return _is_annotation_text(content) or content.strip()[-1:] in (".", ",", ";", ":")


def top_level_quad(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Offset of the first top-level ``\\quad``/``\\qquad`` of ``text[start:end]``, where a display
    may set a second equation beside the first (``a = b, \\qquad c = d``).

    None if there is none, if a prose annotation (``\\text{ for }``, ``\\hspace``...) comes first
    (the quad is then part of the prose), or if the brackets of ``text[start:end]`` do not balance
    (``\\{x : x > 0, \\quad y = 1\\}``: the quad is inside a set, cut off by the slice).
    """
    end = len(text) if end is None else min(end, len(text))
    openers, closers = _brackets(text, start, end)
    depth = 0
    found: int | None = None
    i = start
    while i < end:
        m = _TOKEN.match(text, i, end)
        if m is None:  # pragma: no cover - the pattern matches any character
            break
        tok = m.group(0)
        j = m.end()
        if tok in ("{", "\\left") or tok in openers:
            depth += 1
        elif tok in ("}", "\\right") or tok in closers:
            depth -= 1
            if depth < 0:
                return None
        elif tok == "\\begin":
            depth += 1
        elif tok == "\\end":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and found is None:
            if tok in ("\\quad", "\\qquad"):
                found = i
            elif tok in _ANNOTATIONS or (tok in TEXT_COMMANDS and opens_with_prose(text, i, end)):
                return None
        if tok in ("\\left", "\\right", "\\middle", "\\begin", "\\end"):
            s, j = read_group(text, j, end)  # the delimiter or environment name
            if s < end and text[s] == "{" and tok in ("\\left", "\\right", "\\middle"):
                j = s
        i = j
    return found if depth == 0 else None


_LEAD = re.compile(
    r"(?:\s|\\(?:quad|qquad|enspace|thinspace|medspace|thickspace|negthinspace)(?![a-zA-Z@])"
    r"|\\[,;:! ]|~|\\hspace\*?\s*\{[^{}]*\})*"
)
_TRAIL = ("\\qquad", "\\quad", "\\enspace", "\\thinspace", "\\medspace", "\\thickspace",
          "\\negthinspace", "\\,", "\\;", "\\:", "\\!", "\\ ", "~")


def strip_spacing(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past blanks and spacing commands (``\\quad``, ``\\,``, ``~``)."""
    end = min(end, len(text))
    start = _LEAD.match(text, start, end).end() if start < end else start
    while end > start:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] == "\\" and (end - 1 == start or text[end - 2] != "\\"):
            end -= 1  # "\\ " whose space was just stripped
            continue
        if end <= start or text[end - 1] not in "dekm,;:!~ ":
            break
        for sp in _TRAIL:
            k = end - len(sp)
            if k >= start and text.startswith(sp, k) and (k == start or text[k - 1] != "\\"):
                end = k
                break
        else:
            break
    return start, end


#: \pm and \mp, the two signs at once
PLUS_MINUS = re.compile(r"\\(?:pm|mp)(?![a-zA-Z])")


def with_signs(text: str, upper: bool) -> str:
    """``text`` with each ``\\pm`` written as its upper sign (``\\mp`` as the other), or with the lower
    signs; padded to the same length, so that offsets into ``text`` hold."""
    def sign(match: re.Match) -> str:
        return ("+" if (match.group(0) == "\\pm") == upper else "-") + "  "
    return PLUS_MINUS.sub(sign, text)
