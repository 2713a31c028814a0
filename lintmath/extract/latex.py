"""LaTeX extractor: displays -> rows -> chains of steps, with exact source positions.

Stdlib only, hand-written iterative scanning (linear time, no recursion on nesting depth).

The text of every MathText is an exact-length slice of the source in which what is not math
(comments, ``\\label``, ``\\tag``, ``&``, ``\\\\``, ...) has been replaced by spaces, so
``MathText.position`` maps offsets back to the source.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, Sequence

from lintmath.model import Derivation, Directive, Document, ExtractError, Macro, MathText, Step
from lintmath.parse.packages import package_macros
from lintmath.relations import (
    LOGICAL, TEXT_COMMANDS, RelationMatch, find_relations, group_content, normalize_relation,
    opens_with_prose, read_group, strip_spacing, top_level_quad,
)

__all__ = ["extract_latex", "find_macros", "find_directives", "blank_comments", "definition_spans"]

#: Top-level display environments.
DISPLAY_ENVS = frozenset({
    "equation", "equation*", "displaymath", "align", "align*", "alignat", "alignat*",
    "xalignat", "xalignat*", "flalign", "flalign*", "eqnarray", "eqnarray*", "multline",
    "multline*", "gather", "gather*", "IEEEeqnarray", "IEEEeqnarray*", "dmath", "dmath*",
})
#: Environments whose rows are used when they are the whole content of a display.
INNER_ENVS = frozenset({"split", "aligned", "alignedat", "gathered", "multlined", "array",
                        "IEEEeqnarraybox"})
#: Environments with an optional argument after ``\begin{env}``: a position ``[t]`` for the inner
#: alignments and arrays, options for breqn and IEEEtrantools. Any other ``[`` opens the first row
#: (``\begin{align*} [\hat x, \hat p] &= ...``, a commutator).
POSITION_ENVS = frozenset({"aligned", "alignedat", "gathered", "array", "multlined"})
OPTION_ENVS = frozenset({"dmath", "dmath*", "dgroup", "dgroup*", "IEEEeqnarray", "IEEEeqnarray*",
                         "IEEEeqnarraybox", "multlined"})
#: Number of mandatory arguments after ``\begin{env}``.
ENV_ARGS = {"alignat": 1, "alignat*": 1, "xalignat": 1, "xalignat*": 1, "alignedat": 1,
            "IEEEeqnarray": 1, "IEEEeqnarray*": 1, "IEEEeqnarraybox": 1, "array": 1}
MULTLINE = frozenset({"multline", "multline*", "multlined"})
#: Displays whose rows are separate equations, each centred: a row opening with ``-`` is a new
#: left side (``-(x-1)^2 = ...``), never the continuation of the row above.
GATHER_ENVS = frozenset({"gather", "gather*", "gathered"})
#: Single-column displays broken with ``\\`` (MathJax style): a row that opens with an operator
#: and holds its own relation may continue the row above (``+ c = d``) or be a new equation
#: (``-x = 3``); neither reading is sure, so neither step is checked.
UNALIGNED_ENVS = frozenset({"equation", "equation*", "displaymath", "\\[", "$$"})
#: Alignments whose columns come in (right, left) pairs: the 2nd, 4th... ``&`` of a row starts a
#: new pair, which may hold an equation of its own (``x &= 1, & y &= 2``).
PAIRED_ENVS = frozenset({"align", "align*", "flalign", "flalign*", "alignat", "alignat*",
                         "xalignat", "xalignat*", "aligned", "alignedat"})
#: Single-column displays, where ``a = b, \qquad c = d`` sets two equations side by side.
SIDE_BY_SIDE_ENVS = frozenset({"equation", "equation*", "displaymath", "\\[", "$$", "gather",
                               "gather*", "gathered", "multline", "multline*", "multlined",
                               "dmath", "dmath*"})
#: The relations of an equation set beside a row of an alignment that make it one of its own.
_SIDE_EQUALITIES = frozenset({"=", ":=", "=:"})
SKIP_ENVS = frozenset({"verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment",
                       "alltt", "filecontents", "filecontents*"})
#: Above this size a "display" is runaway text (an unclosed environment in a huge file): skipped.
MAX_DISPLAY = 2_000_000

_TOP = re.compile(
    r"\\\\|\\\$|\\(begin|end)\s*\{([^{}\n]*)\}|\\\[|\\\(|\$\$|\$"
    r"|\\(input|include|frametitle)(?![a-zA-Z@])"
)
_NOTMATH = re.compile(
    r"\\\\|\\(label|tag|nonumber|notag|pause|displaybreak|allowdisplaybreaks|hline|vspace|"
    r"IEEEnonumber|IEEEyesnumber|IEEEeqnarraynumspace|only|onslide|uncover|visible|invisible|alt|"
    r"noindent|medskip|smallskip|bigskip|MoveEqLeft|lefteqn|mathrlap|mathllap|mathclap)(?![a-zA-Z@])"
)
_WITH_GROUP = frozenset({"label", "tag", "vspace"})
# ``\MoveEqLeft``, ``\lefteqn``, ``\mathrlap``... are layout: only the command goes, the group it
# wraps (``\lefteqn{(a+b)^2}``) stays as math.
_OVERLAY = frozenset({"only", "onslide", "uncover", "visible", "invisible", "alt", "pause"})
#: Beamer commands that take an overlay spec as a decoration (``\alert<2>{x}``, ``\color<3>{red}``):
#: the spec goes, or its ``<`` and ``>`` would read as relations; ``\temporal<2>{a}{b}{c}`` keeps
#: its versions, so its side is not read (as ``\alt``).
_OVERLAY_SPEC = re.compile(
    r"\\(?:alert|color|textcolor|structure|textbf|textit|textsf|textrm|emph|temporal|action|hilite)"
    r"(?![a-zA-Z@])\s*(<[^<>{}\n]{1,24}>)"
)
_ROW_TOKEN = re.compile(r"\\[a-zA-Z@]+|\\.|[{}&]|[^\\{}&]+|\\", re.S)
_LEADING_OP = re.compile(r"(?:[+\-]|\\(?:cdot|times|pm|mp)(?![a-zA-Z]))")
#: A row that opens by going on with a bracket the row above left open (``\left( a + b \right. \\
#: \left. {} + c \right)^2 &= ..``): the same side, over two rows.
_LEFT_DOT = re.compile(r"\\left\s*\.")
#: A box round the row's result; when it holds a relation (``\boxed{x = 6}``) that relation is the row's.
_BOXED = re.compile(r"\\boxed\s*\{")
#: Prose symbols that open a row before its left side (``\therefore x &= 3``).
_PROSE_LEAD = re.compile(r"\\(?:therefore|because|hence)(?![a-zA-Z@])")
#: An invisible left side standing for the one above (``\phantom{(x+1)^2} &= ...``).
_PHANTOM = re.compile(r"\\h?phantom\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*")
_TEXT_NAMES = "|".join(sorted(c[1:] for c in TEXT_COMMANDS))
_TEXT_CMD = re.compile(rf"\\(?:{_TEXT_NAMES})(?![a-zA-Z@])")
#: Words that open a row as a connective (``\text{and}\quad``, ``\text{hence }``).
_CONNECTIVES = frozenset("and or hence thus so then therefore i.e implies also similarly finally "
                         "where since because with for if when now but".split())
_DIRECTIVE = re.compile(r"%+\s*lintmath\s*:\s*([\w-]+)[ \t]*(.*?)\s*$")
_MACRO_DEF = re.compile(
    r"\\(newcommand|renewcommand|providecommand|DeclareRobustCommand|DeclareMathOperator|"
    r"def|gdef|edef|xdef|DeclarePairedDelimiter|NewDocumentCommand|RenewDocumentCommand|"
    r"ProvideDocumentCommand|DeclareDocumentCommand)(?![a-zA-Z@])(\*?)"
)
#: An xparse argument specification read here: mandatory arguments, after at most one optional
#: argument with a default (``O{1} m m``); any other (``s``, ``o``, ``m O{1}``) is not read.
_XPARSE_SPEC = re.compile(r"\s*(?:O\s*\{([^{}]*)\}\s*)?((?:m\s*)*)")
_PACKAGE = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}")
_CMD_NAME = re.compile(r"\\(?:[a-zA-Z@]+|.)", re.S)
_RCL_SPEC = re.compile(r"rc?l+")


# --------------------------------------------------------------------------- comments, directives

def blank_comments(text: str) -> tuple[str, list[Directive]]:
    """``text`` with ``%`` comments (not ``\\%``) replaced by spaces, and the directives found."""
    pieces: list[str] = []
    directives: list[Directive] = []
    pos = 0
    i = text.find("%")
    line = 1
    line_pos = 0
    while i != -1:
        k = i - 1
        while k >= 0 and text[k] == "\\":
            k -= 1
        if (i - 1 - k) % 2 == 1:  # escaped: \%
            i = text.find("%", i + 1)
            continue
        eol = text.find("\n", i)
        if eol == -1:
            eol = len(text)
        comment = text[i:eol]
        m = _DIRECTIVE.match(comment)
        if m:
            line += text.count("\n", line_pos, i)
            line_pos = i
            directives.append(Directive(line, m.group(1).lower(), m.group(2)))
        pieces.append(text[pos:i])
        pieces.append(" " * (eol - i))
        pos = eol
        i = text.find("%", eol)
    pieces.append(text[pos:])
    return "".join(pieces), directives


#: ``\verb|..|``, ``\lstinline!..!``: code set verbatim, up to the same delimiter on its line.
_VERB = re.compile(r"\\(?:verb|lstinline)(?![a-zA-Z@])\*?([^a-zA-Z\s*{])")
#: Conditionals TeX counts while it skips the false branch of ``\iffalse`` (``\iff`` is a symbol).
_CONDITIONAL = re.compile(
    r"\\(?:(if(?:x|num|dim|odd|case|true|false|mmode|vmode|hmode|inner|void|defined|csname|cat|"
    r"eof)?)|(else)|(fi))(?![a-zA-Z@])"
)


def blank_unread(clean: str) -> str:
    """``clean`` (comments blanked) with what TeX never typesets as math blanked as well:
    ``\\verb|$$|`` and the false branch of ``\\iffalse .. \\else .. \\fi`` (commented-out
    drafts, which may hold wrong equations). Offsets and newlines are kept."""
    if "\\verb" not in clean and "\\lstinline" not in clean and "\\iffalse" not in clean:
        return clean
    chars = list(clean)
    for m in _VERB.finditer(clean):
        if chars[m.start()] == " ":  # inside an \iffalse already blanked, or a verb's code
            continue
        eol = clean.find("\n", m.end())
        close = clean.find(m.group(1), m.end(), len(clean) if eol == -1 else eol)
        if close != -1:
            _blank(chars, m.start(), close + 1)
    clean = "".join(chars)  # a \verb|\fi| is not a \fi
    i = clean.find("\\iffalse")
    while i != -1:
        end = _false_branch_end(clean, i)
        if chars[i] != " ":
            _blank(chars, i, end)
        i = clean.find("\\iffalse", max(end, i + 1))
    return "".join(chars)


def _false_branch_end(clean: str, i: int) -> int:
    """Offset after the skipped branch of the ``\\iffalse`` at ``i``: after its ``\\else`` or
    ``\\fi`` (nested conditionals counted); the end of the text if it is never closed, as TeX
    skips to the end of the file."""
    depth = 0
    for m in _CONDITIONAL.finditer(clean, i):
        if m.group(1):
            depth += 1
        elif m.group(3):
            depth -= 1
            if depth == 0:
                return m.end()
        elif depth == 1:  # \else of the \iffalse itself: what follows is typeset
            return m.end()
    return len(clean)


def find_directives(text: str) -> tuple[Directive, ...]:
    return tuple(blank_comments(text)[1])


# --------------------------------------------------------------------------- macros

def _skip_blanks(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i] in " \t\r\n":
        i += 1
    return i


def _read_optional(s: str, i: int) -> tuple[str | None, int]:
    """An optional ``[...]`` argument at ``i`` (after blanks), brace-aware."""
    j = _skip_blanks(s, i)
    if j >= len(s) or s[j] != "[":
        return None, i
    depth = 0
    k = j + 1
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "]" and depth <= 0:
            return s[j + 1:k], k + 1
        elif c == "\n" and s.startswith("\n", k + 1):
            break
        k += 1
    return None, i


def _read_name(s: str, i: int) -> tuple[str | None, int]:
    j = _skip_blanks(s, i)
    if j < len(s) and s[j] == "{":
        start, after = read_group(s, j)
        name = s[start + 1:after - 1].strip()
        return (name if _CMD_NAME.fullmatch(name) else None), after
    m = _CMD_NAME.match(s, j)
    if m:
        return m.group(0), m.end()
    return None, i


def find_macros(clean: str) -> tuple[Macro, ...]:
    """The macros defined anywhere in ``clean`` (comments already blanked); later wins."""
    macros: dict[str, Macro] = {}
    for m in _MACRO_DEF.finditer(clean):
        kind = m.group(1)
        name, i = _read_name(clean, m.end())
        if not name:
            continue
        if kind in ("DeclarePairedDelimiter", "NewDocumentCommand", "RenewDocumentCommand",
                    "ProvideDocumentCommand", "DeclareDocumentCommand"):
            macro = _other_definition(clean, kind, name, i)
            if macro is None:
                continue
        elif kind in ("def", "gdef", "edef", "xdef"):
            j = clean.find("{", i)
            if j == -1 or j - i > 200:
                continue
            params = clean[i:j]
            nargs = len(set(re.findall(r"#(\d)", params)))
            start, after = read_group(clean, j)
            macro = Macro(name, nargs, clean[start + 1:after - 1])
        elif kind == "DeclareMathOperator":
            start, after = read_group(clean, i)
            body = clean[start + 1:after - 1] if clean[start:start + 1] == "{" else clean[start:after]
            macro = Macro(name, 0, body, None, True)
        else:
            nargs_text, i = _read_optional(clean, i)
            default, i = _read_optional(clean, i) if nargs_text is not None else (None, i)
            try:
                nargs = int(nargs_text.strip()) if nargs_text else 0
            except ValueError:
                nargs = 0
            start, after = read_group(clean, i)
            body = clean[start + 1:after - 1] if clean[start:start + 1] == "{" else clean[start:after]
            macro = Macro(name, nargs, body, default)
        if kind in ("providecommand", "ProvideDocumentCommand") and name in macros:
            continue
        macros.pop(name, None)
        macros[name] = macro
    return tuple(macros.values())


def _body_after(clean: str, i: int) -> tuple[str, int]:
    """The text of the brace group (or single token) at ``i`` and the offset after it."""
    start, after = read_group(clean, i)
    return (clean[start + 1:after - 1] if clean[start:start + 1] == "{" else clean[start:after]), after


def definition_spans(clean: str) -> list[tuple[int, int]]:
    """The spans of the ``\\newcommand``, ``\\def`` and ``\\DeclareMathOperator`` definitions in
    ``clean``: MathJax and KaTeX take them inside math (``$$\\newcommand{\\R}{\\mathbb{R}} ..$$``),
    where they typeset nothing. Other forms, and a definition not read to its end, are not given."""
    spans = []
    for m in _MACRO_DEF.finditer(clean):
        kind = m.group(1)
        name, i = _read_name(clean, m.end())
        if not name or kind in ("DeclarePairedDelimiter", "NewDocumentCommand", "RenewDocumentCommand",
                                "ProvideDocumentCommand", "DeclareDocumentCommand"):
            continue
        if kind in ("def", "gdef", "edef", "xdef"):
            j = clean.find("{", i)
            if j == -1 or j - i > 200 or not re.fullmatch(r"(?:\s*#\d)*\s*", clean[i:j]):
                continue
            i = j
        elif kind != "DeclareMathOperator":
            nargs, i = _read_optional(clean, i)
            if nargs is not None:
                _default, i = _read_optional(clean, i)
        j = _skip_blanks(clean, i)
        if not clean.startswith("{", j):
            continue
        start, after = read_group(clean, j)
        if clean[after - 1:after] == "}":
            spans.append((m.start(), after))
    return spans


def _other_definition(clean: str, kind: str, name: str, i: int) -> Macro | None:
    """``\\DeclarePairedDelimiter\\abs{\\lvert}{\\rvert}`` (mathtools) and the xparse
    ``\\NewDocumentCommand{\\x}{O{1} m}{...}``; None for a form not read."""
    if kind == "DeclarePairedDelimiter":
        left, j = _body_after(clean, i)
        right, _ = _body_after(clean, j)
        if not left.strip() or not right.strip():
            return None
        # the optional first argument is a size (\abs[\big]{x}), the star only sizes it to fit
        return Macro(name, 2, f"\\left{left.strip()} #2 \\right{right.strip()}", "", star=True)
    spec, j = _body_after(clean, i)
    m = _XPARSE_SPEC.fullmatch(spec)
    if m is None:
        return None
    nargs = m.group(2).count("m") + (m.group(1) is not None)
    body, _ = _body_after(clean, j)
    return Macro(name, nargs, body, m.group(1))


_NEWENV = re.compile(r"\\(?:newenvironment|renewenvironment)\*?\s*\{([^{}\s]+)\}")


def display_aliases(clean: str) -> dict[str, str]:
    """Environments defined as a bare display: ``\\newenvironment{calc}{\\begin{align*}}{\\end{align*}}``
    -> {"calc": "align*"}. Only a definition without arguments whose begin code ends by opening
    the display and whose end code starts by closing it: its body is exactly the display's."""
    if "environment" not in clean:
        return {}
    aliases: dict[str, str] = {}
    for m in _NEWENV.finditer(clean):
        j = _skip_blanks(clean, m.end())
        if clean.startswith("[", j):
            continue  # takes arguments: its body does not start at ``\begin{name}``
        begin, j = _body_after(clean, j)
        end, _ = _body_after(clean, j)
        b = re.search(r"\\begin\s*\{([^{}]+)\}\s*\Z", begin)
        if b is None or b.group(1) not in DISPLAY_ENVS or b.group(1) in ENV_ARGS:
            continue
        if re.match(r"\s*\\end\s*\{" + re.escape(b.group(1)) + r"\}", end):
            aliases[m.group(1)] = b.group(1)
        else:
            aliases.pop(m.group(1), None)
    return aliases


def find_packages(clean: str) -> tuple[str, ...]:
    """The packages loaded by ``\\usepackage``/``\\RequirePackage`` in ``clean`` (comments blanked)."""
    if "ackage" not in clean:
        return ()
    names: list[str] = []
    for m in _PACKAGE.finditer(clean):
        names += [p.strip() for p in m.group(1).split(",") if p.strip()]
    return tuple(dict.fromkeys(names))


def with_packages(macros: list[Macro], packages: Sequence[str]) -> list[Macro]:
    """The built-in macros of ``packages`` (the physics ``\\div``...) before ``macros``, which win."""
    own = {m.name for m in macros}
    return [*(m for m in package_macros(packages) if m.name not in own), *macros]


def relation_macros(macros) -> dict[str, str]:
    """Zero-argument user macros whose body is a relation: ``\\defeq`` -> ":="."""
    out: dict[str, str] = {}
    for mac in macros:
        if mac.nargs == 0 and not mac.operator and mac.body.strip():
            name = normalize_relation(mac.body, out)
            if name is not None:
                out[mac.name] = name
    return out


# --------------------------------------------------------------------------- environment helpers

def _env_end(clean: str, env: str, i: int, end: int | None = None) -> tuple[int, int]:
    """(start of the matching ``\\end{env}``, offset after it); ``end`` (of file) if unclosed."""
    end = len(clean) if end is None else end
    pat = re.compile(r"\\(begin|end)\s*\{" + re.escape(env) + r"\}")
    depth = 1
    for m in pat.finditer(clean, i, end):
        depth += 1 if m.group(1) == "begin" else -1
        if depth == 0:
            return m.start(), m.end()
    return end, end


def _skip_env_args(s: str, i: int, env: str) -> tuple[int, str]:
    """Offset after the arguments of ``\\begin{env}`` and the first mandatory one (array spec)."""
    spec = ""
    j = _env_option(s, i, env)
    for _k in range(ENV_ARGS.get(env, 0)):
        start, j = read_group(s, j)
        spec = s[start + 1:j - 1] if s[start:start + 1] == "{" else s[start:j]
        j = _env_option(s, j, env)
    return j, spec


def _env_option(s: str, i: int, env: str) -> int:
    """Offset after an optional argument of ``\\begin{env}`` at ``i``, if the environment takes one."""
    option, j = _read_optional(s, i)
    if option is None:
        return i
    if env in OPTION_ENVS or env in POSITION_ENVS and option.strip() in ("t", "b", "c", "m"):
        return j
    return i


def is_rcl_spec(spec: str) -> bool:
    """``{rcl}``, ``{r@{}l}``, ``{rll}``: an array used as an alignment, not a matrix."""
    letters = re.sub(r"[@!<>]\s*\{[^{}]*\}|[|\s]", "", spec)
    return bool(_RCL_SPEC.fullmatch(letters)) and len(letters) <= 4


def _top_level_envs(s: str, a: int, b: int):
    """Environments at brace depth 0 in ``s[a:b]``: (name, begin_start, body_start, body_end,
    after_end, spec), and whether anything else non-blank is at the top level."""
    envs = []
    other = False
    depth = 0
    i = a
    while i < b:
        m = _ROW_TOKEN.match(s, i, b)
        tok = m.group(0)
        j = m.end()
        if tok == "{":
            depth += 1
            other = True
        elif tok == "}":
            depth = max(0, depth - 1)
        elif tok == "\\begin" and depth == 0:
            gs, ge = read_group(s, j, b)
            name = s[gs + 1:ge - 1].strip()
            body_start, spec = _skip_env_args(s, ge, name)
            body_end, after = _env_end(s, name, body_start, b)
            envs.append((name, i, body_start, body_end, after, spec))
            j = after
        elif not tok.isspace():
            other = True
        i = j
    return envs, other


def _blank(chars: list[str], a: int, b: int) -> None:
    for k in range(a, b):
        if chars[k] != "\n":
            chars[k] = " "


def _blank_notmath(local: str, chars: list[str]) -> None:
    for m in _NOTMATH.finditer(local):
        cmd = m.group(1)
        if cmd is None:
            continue
        a, j = m.start(), m.end()
        if j < len(local) and local[j] == "*":
            j += 1
        if cmd in _WITH_GROUP:
            _, j = read_group(local, j)
        elif cmd == "displaybreak" or cmd == "MoveEqLeft":
            _, j = _read_optional(local, j)
        elif cmd in _OVERLAY:
            k = _skip_blanks(local, j)
            if k < len(local) and local[k] == "<":
                close = local.find(">", k, k + 40)
                if close != -1:
                    j = close + 1
            if cmd == "alt" or cmd == "only" and _only_alternative(local, a, j):
                # versions shown on different slides (``\alt<2>{a}{b}``, ``\only<1>{a}\only<2>{b}``),
                # either possibly a deliberate wrong first try: the command stays, so the side
                # is not read
                a = m.end()
            elif cmd != "pause":
                _unwrap_overlay(local, chars, a, j)
        elif cmd in ("mathrlap", "mathllap", "mathclap"):
            # the content overlaps its neighbours but is shown: a term (\sum_{\mathclap{i<j}}) or a
            # remark (\mathrlap{\quad\text{by (2)}}), read as if written without the box
            _unwrap_overlay(local, chars, a, j)
        _blank(chars, a, j)
    if "<" in local:
        for m in _OVERLAY_SPEC.finditer(local):
            _blank(chars, m.start(1), m.end(1))
    for m in _BOXED.finditer(local):
        gs, after = read_group(local, m.end() - 1)
        if local[after - 1:after] == "}" and find_relations(local, gs + 1, after - 1):
            # \boxed{x = 6}: a boxed result that is a statement, its relation the row's own
            _blank(chars, m.start(), gs + 1)
            chars[after - 1] = " "


def _only_alternative(local: str, a: int, j: int) -> bool:
    """Whether the ``\\only`` at ``a`` (its overlay spec ending at ``j``) sits beside another
    version: a group just before it, or another ``\\only``/``\\alt`` just after its group."""
    k = a
    while k > 0 and local[k - 1] in " \t\r\n":
        k -= 1
    if k > 0 and local[k - 1] == "}" and _after_overlay(local, _group_open(local, k - 1)):
        return True
    _, after = read_group(local, j)
    return bool(re.match(r"\s*\\(?:only|alt)(?![a-zA-Z@])", local[after:after + 80]))


def _group_open(local: str, close: int) -> int:
    """The offset of the ``{`` that the ``}`` at ``close`` ends (-1 if unbalanced)."""
    depth = 0
    for k in range(close, -1, -1):
        if local[k] == "}" and (k == 0 or local[k - 1] != "\\"):
            depth += 1
        elif local[k] == "{" and (k == 0 or local[k - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return k
    return -1


def _after_overlay(local: str, k: int) -> bool:
    """Whether the group opening at ``k`` is what a slide shows (``\\only<1>{a}``, ``\\uncover<1>{a}``):
    another version, not a term (``\\frac{1}{x+1} \\only<2->{..}``) that an \\only goes on after."""
    return k > 0 and bool(re.search(r"(?:>|\\(?:only|onslide|uncover|visible|invisible|alt))\s*$",
                                     local[max(0, k - 40):k]))


def _unwrap_overlay(local: str, chars: list[str], a: int, j: int) -> None:
    """Blank the braces of ``\\uncover<2->{..}`` (``\\only``, ``\\onslide``, ``\\visible``...):
    its content is what the slide shows, so a ``&`` or ``\\\\`` inside (a whole row wrapped,
    ``\\uncover<3->{&= c \\\\}``) counts as the display's own. Kept beside ``^``/``_``, where
    the group is a script or its base."""
    k = _skip_blanks(local, j)
    if k >= len(local) or local[k] != "{":
        return
    p = a
    while p > 0 and local[p - 1] in " \t\r\n":
        p -= 1
    if p > 0 and local[p - 1] in "^_":
        return
    start, after = read_group(local, k)
    nxt = _skip_blanks(local, after)
    if local[after - 1:after] == "}" and after - 1 > start and local[nxt:nxt + 1] not in ("^", "_"):
        chars[start] = chars[after - 1] = " "


def _split_rows(local: str, chars: list[str], a: int, b: int,
                amps: list[list[int]] | None = None) -> list[tuple[int, int]]:
    """Rows of ``local[a:b]`` at top-level ``\\\\``; blanks ``&``, ``\\\\[..]``, ``\\intertext``.

    ``amps``, if given, receives the offsets of each row's top-level ``&`` (one list per row).
    """
    rows = []
    row_amps: list[int] = []
    row_start = a
    braces = envs = 0
    i = a
    while i < b:
        m = _ROW_TOKEN.match(local, i, b)
        tok = m.group(0)
        j = m.end()
        top = braces == 0 and envs == 0
        if tok == "{":
            braces += 1
        elif tok == "}":
            braces = max(0, braces - 1)
        elif tok == "\\begin":
            envs += 1
        elif tok == "\\end":
            envs = max(0, envs - 1)
        elif top and tok == "&":
            chars[i] = " "
            row_amps.append(i)
        elif top and tok in ("\\\\", "\\cr", "\\intertext", "\\shortintertext", "\\newline"):
            if tok in ("\\intertext", "\\shortintertext"):
                _, j = read_group(local, j, b)
            else:
                if j < b and local[j] == "*":
                    j += 1
                if j < b and local[j] == "[":
                    close = local.find("]", j, b)
                    if close != -1:
                        j = close + 1
            _blank(chars, i, j)
            rows.append((row_start, i))
            row_start = j
            if amps is not None:
                amps.append(row_amps)
            row_amps = []
        i = j
    rows.append((row_start, b))
    if amps is not None:
        amps.append(row_amps)
    return rows


def _trim_punctuation(local: str, chars: list[str], a: int, b: int) -> None:
    k = b
    while k > a and local[k - 1].isspace():
        k -= 1
    if k > a and local[k - 1] in ",.;":
        before = local[a:k - 1]
        if before.endswith("\\") or re.search(r"\\(?:right|left|[bB]igg?[lrm]?)\s*$", before):
            return
        chars[k - 1] = " "


def _is_equation(local: str, first: int, last: int, ms: Sequence[RelationMatch]) -> bool:
    """``something REL something``: ``local[first:last]`` (stripped) has math before its first
    relation ``ms[0]`` and after its last one (trailing punctuation aside)."""
    if not ms or ms[0].start <= first:
        return False
    a, b = strip_spacing(local, ms[-1].end, last)
    return bool(local[a:b].rstrip(",.;").strip())


_REMARK = re.compile(rf"\(?\s*\\(?:{_TEXT_NAMES}|eqref|ref)(?![a-zA-Z@])")


# a row or column operation of elimination: R_2, C_{3}, r_1 (a letter with a number or i, j, k under it)
_ROW_NAME = r"(?:[RCrc]|L)_(?:\{\s*(?:\d+|[ijkmn])\s*\}|\d|[ijkmn])"
_ROW_OP = re.compile(
    r"(?:\s|" + _ROW_NAME + r"|\d+(?:\.\d+)?|[-+(),\[\]/:;~]"
    r"|\\[dt]?frac\s*(?:\{[^{}]*\}\s*\{[^{}]*\}|\d\s*\d)"
    r"|\\(?:cdot|times|to|rightarrow|leftarrow|leftrightarrow|longrightarrow|longleftarrow|mapsto"
    r"|leftrightarrows|rightleftarrows|quad|qquad|left|right)(?![a-zA-Z])|\\[,;:! ])+")


def _is_remark(local: str, first: int, last: int) -> bool:
    """A column that holds words or a reference, not math: ``\\text{(chain rule)}``,
    ``(\\text{difference of squares})``, ``\\text{by } (2)``, ``(\\ref{eq1})``, or the row
    operations of an elimination (``(R_2 - 2R_1)``, ``R_3 \\to R_3 + R_1``): these name rows of the
    matrix beside them, and as a factor of its right side they would make the step unreadable."""
    if _REMARK.match(local, first, last):
        return True
    return bool(_ROW_OP.fullmatch(local, first, last)) and re.search(_ROW_NAME, local[first:last]) is not None


#: the opening of a bracketed note: ``(``, ``[``, ``\left(``, ``\bigl(``
_NOTE_OPEN = re.compile(r"(?:\\left|\\[bB]igg?l?)?\s*([(\[])")
_NOTE_CLOSE = {"(": ")", "[": "]"}


def _is_bracketed_note(local: str, first: int, last: int, extra: dict[str, str]) -> bool:
    """A column that is one bracket holding a relation, ``(u = \\sin x)``, ``\\left[x > 0\\right]``, or
    words, ``\\left(\\text{by parts}\\right)``: a condition, a substitution or a reason set beside the
    equation, not math that goes on from it."""
    m = _NOTE_OPEN.match(local, first, last)
    if m is None:
        return False
    opener = m.group(1)
    closer = _NOTE_CLOSE[opener]
    end = last
    while end > m.end() and local[end - 1] in " \t\r\n,.;":
        end -= 1
    depth = 0
    for k in range(m.start(1), end):
        if local[k] == opener:
            depth += 1
        elif local[k] == closer:
            depth -= 1
            if depth == 0 and k != end - 1:
                return False  # the bracket closes before the column ends: (a)(b), (x) + 1
    if depth != 0 or local[end - 1] != closer:
        return False
    inner_end = end - 1
    right = re.search(r"\\(?:right|[bB]igg?r?)\s*\Z", local[m.end():inner_end])
    if right is not None:
        inner_end = m.end() + right.start()
    inner = strip_spacing(local, m.end(), inner_end)[0]
    return _is_remark(local, inner, inner_end) or bool(find_relations(local, m.end(), inner_end, extra))


def _in_left_column(first: int, ga: int, gb: int, amps: Sequence[int]) -> bool:
    """No ``&`` of the row comes before its first character ``first`` (within ``[ga, gb)``)."""
    return not any(ga <= x < first for x in amps)


#: A side that ends in an operator or an open bracket goes on in the next row (``a + {}``).
_OPEN_END = re.compile(r"(?:[+\-*/(\[]|\\(?:cdot|times|pm|mp|left\s*\S?)|\{\s*\})\s*\Z")


def _operator_row(row_env: str, first: int, rel: int, amps: Sequence[int], multline: bool) -> str | None:
    """How a row that opens with an operator and holds a relation at ``rel`` is read: "continue"
    (``&\\quad + c = d``: the operator follows the row's first ``&``), "doubt" (a single-column
    display: ``+ c = d`` or ``-x = 3``), or None: a new left side, set in the left column before
    the ``&`` (``-\\sin^2 x &= ...``) or in a row of ``gather``."""
    if multline:
        return "continue"
    if amps:
        return None if first < amps[0] <= rel else "continue"
    if row_env in GATHER_ENVS:
        return None
    return "doubt" if row_env in UNALIGNED_ENVS else "continue"


def _pair_columns(ra: int, rb: int, amps: list[int]) -> list[tuple[int, int]]:
    """The column pairs of a row of a paired alignment, cut at its 2nd, 4th... ``&``."""
    columns = []
    start = ra
    for cut in amps[1::2]:
        columns.append((start, cut))
        start = cut + 1
    columns.append((start, rb))
    return columns


# --------------------------------------------------------------------------- the extractor

class _Chain:
    """A derivation being read: its sides and relations, and the slices of the display (rows,
    columns) it was read from, so a side spanning rows leaves out the other columns between."""

    __slots__ = ("sides", "rels", "owned", "doubt", "notes", "alternatives")

    def __init__(self) -> None:
        self.sides: list[list[int]] = []
        self.rels: list[RelationMatch] = []
        self.owned: list[tuple[int, int]] = []
        self.doubt: set[int] = set()  # sides whose extent is ambiguous: no step is read from them
        self.notes: dict[int, str] = {}  # a side's annotation column (``&& (u = \sin x)``), by side
        # a relation's other left side: the last side of an equation set beside the row above it
        self.alternatives: dict[int, tuple[int, int, list[tuple[int, int]]]] = {}


class _Builder:
    def __init__(self, text: str, path: str, extra: dict[str, str]):
        self.text = text
        self.path = path
        self.extra = extra
        self.derivations: list[Derivation] = []
        self._line_starts: list[int] | None = None
        # the annotation columns of the display being read, by the start of the group they annotate
        self._notes: dict[int, str] = {}

    def position(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            k = find("\n")
            while k != -1:
                starts.append(k + 1)
                k = find("\n", k + 1)
            self._line_starts = starts
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def display(self, clean: str, env: str, s: int, e: int, label: str | None) -> None:
        if e - s > MAX_DISPLAY or e <= s:
            return
        local = clean[s:e]
        chars = list(local)
        _blank_notmath(local, chars)
        local = "".join(chars)
        a, b = 0, len(local)
        row_env = env
        # descend into a sole inner alignment: \begin{equation}\begin{split}..., \[\begin{aligned}
        for _ in range(50):
            envs, other = _top_level_envs(local, a, b)
            if other or len(envs) != 1:
                break
            name, _bs, body_start, body_end, _after, spec = envs[0]
            if name not in INNER_ENVS or (name == "array" and not is_rcl_spec(spec)):
                # MathJax and KaTeX accept a whole display environment inside ``$$`` (Jupyter,
                # Markdown): ``$$\begin{align} .. \end{align}$$`` is read as that alignment
                if not (row_env in ("$$", "\\[") and name in DISPLAY_ENVS):
                    break
            a, b, row_env = body_start, body_end, name
        amps: list[list[int]] = []
        rows = _split_rows(local, chars, a, b, amps)
        local = "".join(chars)
        self._notes = {}
        grouped = self._group_rows(local, row_env, rows, amps)
        for groups in grouped:
            for k, (_key, ga, gb, _fresh) in enumerate(groups):
                if k + 1 < len(groups):
                    # an equation set beside another: the comma of ``b^2, \quad &`` is punctuation
                    gb = strip_spacing(local, ga, gb)[1]
                _trim_punctuation(local, chars, ga, gb)
        local = "".join(chars)
        for groups in grouped:
            for _key, ga, gb, _fresh in groups:
                # spacing at the start/end of a row or column is layout (``&\quad + c``), not an
                # annotation
                first, last = strip_spacing(local, ga, gb)
                _blank(chars, ga, first)
                _blank(chars, max(first, last), gb)
        local = "".join(chars)
        self._chains(local, s, env, row_env, grouped, amps, label)

    def _group_rows(self, local: str, row_env: str, rows: list[tuple[int, int]],
                    amps: list[list[int]]) -> list[list[list]]:
        """Each row as the equations set side by side in it: ``[key, start, end, fresh]`` groups.

        ``key`` names the column a group continues (the index of its column pair in a paired
        alignment, else 0); ``fresh`` groups start a new chain whatever they hold. A row that holds
        one equation is one group spanning the whole row, exactly as before columns were read.
        """
        paired = row_env in PAIRED_ENVS
        side_by_side = row_env in SIDE_BY_SIDE_ENVS
        started: set[int] = set()  # column pairs that have held an equation of their own
        grouped: list[list[list]] = []
        for (ra, rb), row_amps in zip(rows, amps):
            if paired and len(row_amps) > 1:
                grouped.append(self._columns(local, _pair_columns(ra, rb, row_amps), started))
            elif side_by_side:
                grouped.append(self._side_by_side(local, ra, rb))
            elif paired:
                # ``F_n &= .., \quad \varphi = \frac{1 + \sqrt{5}}{2}``: an equality set beside a row of an
                # alignment is one of its own (a definition, most often), not a part of the row's right
                # side; it gets a column of its own, so that a ``&= ..`` on the next row still continues
                # the row's chain. A condition there (``\quad x \ge 0``, ``x \neq 1``) stays the row's.
                groups = self._side_by_side(local, ra, rb)
                if not all(self._equalities(local, ga, gb) for _key, ga, gb, _fresh in groups[1:]):
                    groups = [[0, ra, rb, False]]
                for j, g in enumerate(groups[1:], 1):
                    g[0] = -(len(grouped) * 1000 + j)
                grouped.append(groups)
            else:
                grouped.append([[0, ra, rb, False]])
        return grouped

    def _equalities(self, local: str, a: int, b: int) -> bool:
        """Whether every relation of ``local[a:b]`` is an equality or a definition."""
        first, last = strip_spacing(local, a, b)
        return all(m.name in _SIDE_EQUALITIES for m in find_relations(local, first, last, self.extra))

    def _columns(self, local: str, columns: list[tuple[int, int]], started: set[int]) -> list[list]:
        """The groups of a row of a paired alignment, from its column pairs.

        A later pair is an equation of its own when it holds one (``& y &= 3``), or when it
        continues the chain its column started on an earlier row (``& &= b``, ``& &\\quad + c``).
        Anything else there (``&& \\text{(chain rule)}``, ``& \\text{for } x > 0``, the ``= & b``
        of ``a & = & b``) belongs to the pair before it, as it did when a row was one chain.
        """
        groups: list[list] = []
        for j, (ca, cb) in enumerate(columns):
            first, last = strip_spacing(local, ca, cb)
            if first >= last:
                continue
            own = j == 0
            if j:
                ms = find_relations(local, first, last, self.extra)
                if _is_equation(local, first, last, ms) and not opens_with_prose(local, first, last):
                    own = True
                    started.add(j)
                elif j in started:
                    own = (ms[0].start == first) if ms else bool(_LEADING_OP.match(local, first))
                if not own and groups and (_is_remark(local, first, last)
                                           or _is_bracketed_note(local, first, last, self.extra)) \
                        and self._has_operand(local, groups[-1][1], groups[-1][2]):
                    # a justification column (``&& \text{by (2)}``, ``&& (u = \sin x)``) beside a
                    # complete equation: not part of its right side, so the checker and a suggestion
                    # never see it as math; kept as the step's note, as a condition it states
                    # (``&& \text{if } b = 0``) may be what makes the step hold
                    at = groups[-1][1]
                    note = " ".join(local[first:last].split())
                    self._notes[at] = f"{self._notes[at]} {note}" if at in self._notes else note
                    continue
            if own or not groups:
                groups.append([j if own else 0, ca, cb, False])
            else:
                groups[-1][2] = cb
        return groups

    def _has_operand(self, local: str, a: int, b: int) -> bool:
        """Whether ``local[a:b]`` ends in math after its last relation (or has no relation)."""
        first, last = strip_spacing(local, a, b)
        ms = find_relations(local, first, last, self.extra)
        if not ms:
            return first < last
        return strip_spacing(local, ms[-1].end, last)[0] < last

    def _side_by_side(self, local: str, ra: int, rb: int) -> list[list]:
        """The groups of a single-column row: ``a = b, \\qquad c = d`` is two equations.

        Split only where what follows the quad is itself an equation and not prose; otherwise the
        quad and what follows stay an annotation of the row (``a = b \\quad \\text{for } x = 1``).
        """
        groups = [[0, ra, rb, False]]
        start = ra
        for _ in range(100):
            first, last = strip_spacing(local, start, rb)
            ms = find_relations(local, first, last, self.extra)
            if not ms:
                break
            q = top_level_quad(local, ms[-1].end, last)
            if q is None or not _is_equation(local, first, q, ms):
                break
            r_first, r_last = strip_spacing(local, q, rb)
            rest = find_relations(local, r_first, r_last, self.extra)
            if not _is_equation(local, r_first, r_last, rest) or opens_with_prose(local, r_first, r_last):
                break
            groups[-1][2] = q
            groups.append([0, q, rb, True])
            start = q
        return groups

    def _chains(self, local, base, env, row_env, grouped, amps, label) -> None:
        multline = row_env in MULTLINE or env in MULTLINE
        chains: list[_Chain] = []  # in the order they start, which is the order of the source
        current: dict[int, _Chain] = {}  # the chain each column is reading

        def start(key: int) -> _Chain:
            chain = current[key] = _Chain()
            chains.append(chain)
            return chain

        aligned = not multline and row_env not in SIDE_BY_SIDE_ENVS
        beside: _Chain | None = None  # the last equation set beside the row above (a negative key)
        for r, (groups, row_amps) in enumerate(zip(grouped, amps)):
            above, beside = beside, None
            for key, ga, gb, fresh in groups:
                first, last = strip_spacing(local, ga, gb)
                if first >= last:
                    continue
                note = self._notes.get(ga)
                chain = current.get(key)
                if chain is None or fresh:
                    chain = start(key)
                sides = chain.sides
                ms = find_relations(local, first, last, self.extra)
                # a first row may open with one too (\therefore\ x &= 3 below a frame's title)
                first, ms = self._past_prose(local, first, last, ms)
                if not ms and sides and chain.rels and aligned and _in_left_column(first, ga, gb, row_amps) \
                        and self._left_side_row(local, first, sides[-1], grouped[r + 1:r + 2], key):
                    # ``x &= 1 \\ (a+b)^2 \\ &= ..``: a left side set alone on its row, not the
                    # continuation of the finished chain above
                    chain = start(key)
                    sides = chain.sides
                if not ms:
                    if sides:
                        sides[-1][1] = last
                    else:
                        sides.append([first, last])
                    chain.owned.append((first, last))
                    if note:
                        chain.notes[len(sides) - 1] = note
                    continue
                if ms[0].start == first or _PHANTOM.fullmatch(local, first, ms[0].start):
                    if not sides:
                        sides.append([first, first])
                    elif key == 0 and above is not None and above.sides and above.rels:
                        # ``&= ..`` below ``u &= (x + 1)^2, \quad v = (x - 1)^2``: which chain it goes on
                        # is the author's, so the step must fail from v's right side too
                        chain.alternatives[len(chain.rels)] = (*above.sides[-1], list(above.owned))
                elif sides and (multline or _LEADING_OP.match(local, first) or _LEFT_DOT.match(local, first)) and (
                        # before any relation, the side above is a left side spanning rows
                        lead := "continue" if not chain.rels else _operator_row(
                            row_env, first, ms[0].start, [x for x in row_amps if ga <= x < gb], multline)):
                    if lead == "continue":
                        sides[-1][1] = ms[0].start
                    else:  # either reading may be wrong: read neither side
                        chain.doubt.add(len(sides) - 1)
                        chain = start(key)
                        sides = chain.sides
                        chain.doubt.add(0)
                        sides.append([first, ms[0].start])
                else:
                    if sides:  # a row with its own left side starts a new chain
                        chain = start(key)
                        sides = chain.sides
                    sides.append([first, ms[0].start])
                chain.owned.append((first, last))
                for k, m in enumerate(ms):
                    chain.rels.append(m)
                    sides.append([m.end, ms[k + 1].start if k + 1 < len(ms) else last])
                if note:
                    chain.notes[len(sides) - 1] = note
                if key < 0:
                    beside = chain
        for chain in chains:
            if chain.rels:
                self._emit(local, base, env, chain, label)

    def _left_side_row(self, local: str, first: int, above: list[int], after: list[list], key: int) -> bool:
        """Whether a row without a relation, in the left column, is the left side of a new chain:
        it does not open with an operator, the side above does not end in one, and the next row
        of its column opens with a relation (``&= ..``)."""
        if _LEADING_OP.match(local, first) or _OPEN_END.search(local, above[0], above[1]):
            return False
        for groups in after:
            for k, ga, gb, _fresh in groups:
                if k != key:
                    continue
                a, b = strip_spacing(local, ga, gb)
                ms = find_relations(local, a, b, self.extra)
                return bool(ms) and (ms[0].start == a or bool(_PHANTOM.fullmatch(local, a, ms[0].start)))
        return False

    def _past_prose(self, local: str, first: int, last: int,
                    ms: list[RelationMatch]) -> tuple[int, list[RelationMatch]]:
        """A row that opens with a connective before its own left side
        (``\\text{hence}\\quad x^2 &= 9``, ``\\therefore x &= 3``): the row starts after the
        connective, so it is an equation of its own rather than words glued to the row above.
        Anything else (``\\mbox{Excess Risk}(f) = ..``, a name) is left as it was."""
        if ms and ms[0].start == first:
            return first, ms
        m = _PROSE_LEAD.match(local, first, last)
        if m is None:
            m = _TEXT_CMD.match(local, first, last)
            if m is None:
                return first, ms
            gs, after = read_group(local, m.end(), last)
            word = group_content(local, gs, after).strip().rstrip(",.;:").strip().lower()
            if word not in _CONNECTIVES:
                return first, ms
        else:
            after = m.end()
        start = strip_spacing(local, after, last)[0]
        rest = find_relations(local, start, last, self.extra)
        if not rest or rest[0].start <= start:
            return first, ms
        return start, rest

    def _math(self, local: str, base: int, a: int, b: int,
              owned: Sequence[tuple[int, int]] = ()) -> MathText | None:
        a, b = strip_spacing(local, a, b)
        if a >= b:
            return None
        # a side read over several rows or columns: blank what lies between its own slices
        # (another column's equation), keeping newlines so offsets still map to the source
        k = max(0, bisect.bisect_right(owned, (a, len(local))) - 1)
        if k + 1 < len(owned) and owned[k + 1][0] < b:
            text = local[a:b]
            keep = [" " if c != "\n" else c for c in text]
            for oa, ob in owned[k:]:
                if oa >= b:
                    break
                lo, hi = max(oa, a), min(ob, b)
                if lo < hi:
                    keep[lo - a:hi - a] = text[lo - a:hi - a]
            piece = "".join(keep)
            pa, pb = strip_spacing(piece, 0, len(piece))
            if pa >= pb:
                return None
            a, b = a + pa, a + pb
            text = piece[pa:pb]
        else:
            text = local[a:b]
        line, column = self.position(base + a)
        return MathText(text, line, column)

    def _emit(self, local, base, env, chain: _Chain, label) -> None:
        sides, rels, owned, doubt = chain.sides, chain.rels, chain.owned, chain.doubt
        logical = [k for k, r in enumerate(rels) if r.name in LOGICAL]
        steps = []
        for k, rel in enumerate(rels):
            if rel.name in LOGICAL:
                pos = logical.index(k)
                left = logical[pos - 1] + 1 if pos > 0 else 0
                right = logical[pos + 1] if pos + 1 < len(logical) else len(sides) - 1
                if doubt and any(left <= d <= right for d in doubt):
                    continue
                lhs = self._math(local, base, sides[left][0], sides[k][1], owned)
                rhs = self._math(local, base, sides[k + 1][0], sides[right][1], owned)
                note = chain.notes.get(right, "")
            else:
                if doubt and (k in doubt or k + 1 in doubt):
                    continue
                lhs = self._math(local, base, *sides[k], owned)
                rhs = self._math(local, base, *sides[k + 1], owned)
                note = chain.notes.get(k + 1, "")
            if lhs is None or rhs is None:
                continue
            other = chain.alternatives.get(k)
            alternative = self._math(local, base, other[0], other[1], other[2]) if other else None
            steps.append(Step(len(steps), rel.name, rel.text, lhs, rhs, note, alternative))
        if steps:
            self.derivations.append(
                Derivation(self.path, len(self.derivations), env, tuple(steps), label=label)
            )


def _frame_label(clean: str, i: int) -> tuple[str | None, int]:
    """Label (``[label=..]``) or title of a beamer frame whose ``\\begin{frame}`` ends at ``i``."""
    label = title = None
    for _ in range(4):
        j = _skip_blanks(clean, i)
        if clean.startswith("<", j):
            close = clean.find(">", j, j + 40)
            if close == -1:
                break
            i = close + 1
        elif clean.startswith("[", j):
            opts, i = _read_optional(clean, j)
            if opts is None:
                break
            m = re.search(r"label\s*=\s*([^,\]]+)", opts)
            if m:
                label = m.group(1).strip()
        elif clean.startswith("{", j) and title is None:
            start, i = read_group(clean, j)
            title = " ".join(clean[start + 1:i - 1].split()) or None
        else:
            break
    return label or title, i


def _inline_end(clean: str, i: int, closer: str) -> int:
    """Offset after the inline math closed by ``closer`` ($ or \\)), or ``i`` if the paragraph ends."""
    pat = re.compile(r"\\.|\n[ \t]*\n|" + re.escape(closer), re.S)
    for m in pat.finditer(clean, i):
        tok = m.group(0)
        if tok == closer:
            return m.end()
        if tok[0] == "\n":
            return i
    return i


def extract_latex(
    text: str,
    path: str,
    *,
    resolve_input: Callable[[str], Document | None] | None = None,
) -> Document:
    """The derivations, macros and directives of a LaTeX source.

    ``resolve_input(name)`` is called for each ``\\input{name}``/``\\include{name}``; if it returns
    a Document, its derivations (re-indexed) and macros are merged in at that point.
    """
    clean, directives = blank_comments(text)
    clean = blank_unread(clean)
    macros = with_packages(list(find_macros(clean)), find_packages(clean))
    builder = _Builder(text, path, relation_macros(macros))
    aliases = display_aliases(clean)
    frame_label: str | None = None
    frame_has_label = False
    n = len(clean)
    pos = 0
    while pos < n:
        m = _TOP.search(clean, pos)
        if m is None:
            break
        tok = m.group(0)
        pos = m.end()
        if tok in ("\\\\", "\\$"):
            continue
        kind = m.group(1)
        if kind == "begin":
            env = m.group(2).strip()
            if env in SKIP_ENVS:
                _, pos = _env_end(clean, env, pos)
            elif env == "frame":
                frame_label, pos = _frame_label(clean, pos)
                frame_has_label = frame_label is not None
            elif env in DISPLAY_ENVS:
                body_start, _spec = _skip_env_args(clean, pos, env)
                body_end, pos = _env_end(clean, env, body_start)
                builder.display(clean, env, body_start, body_end, frame_label)
            elif env in aliases:  # a wrapper around a display: read as that display
                body_start = pos
                body_end, pos = _env_end(clean, env, body_start)
                builder.display(clean, aliases[env], body_start, body_end, frame_label)
            continue
        if kind == "end":
            if m.group(2).strip() == "frame":
                frame_label, frame_has_label = None, False
            continue
        cmd = m.group(3)
        if cmd == "frametitle":
            start, pos = read_group(clean, pos)
            if not frame_has_label:
                frame_label = " ".join(clean[start + 1:pos - 1].split()) or frame_label
            continue
        if cmd in ("input", "include"):
            start, after = read_group(clean, pos)
            if clean[start:start + 1] == "{":
                pos = after
                name = clean[start + 1:after - 1].strip()
                if resolve_input is not None and name:
                    _merge(builder, macros, resolve_input, name)
            continue
        if tok == "\\[":
            close = re.compile(r"\\\\|\\\]")
            end = after = n
            for c in close.finditer(clean, pos):
                if c.group(0) == "\\]":
                    end, after = c.start(), c.end()
                    break
            builder.display(clean, "\\[", pos, end, frame_label)
            pos = after
        elif tok == "$$":
            end = after = n
            for end, after in _dollars(clean, pos):
                break
            builder.display(clean, "$$", pos, end, frame_label)
            pos = after
        elif tok == "$":
            pos = _inline_end(clean, pos, "$")
        elif tok == "\\(":
            pos = _inline_end(clean, pos, "\\)")
    return Document(
        path=path,
        derivations=tuple(builder.derivations),
        macros=tuple(macros),
        directives=tuple(directives),
        lines=_lines(text),
    )


_DOLLARS = re.compile(r"\\.|\$\$", re.S)


def _dollars(clean: str, pos: int):
    for c in _DOLLARS.finditer(clean, pos):
        if c.group(0) == "$$":
            yield c.start(), c.end()
            return


def _lines(text: str) -> tuple[str, ...]:
    """Source lines split at ``\\n`` only (as MathText.position counts them), ``\\r`` dropped."""
    if not text:
        return ()
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return tuple(line[:-1] if line.endswith("\r") else line for line in lines)


def _merge(builder: _Builder, macros: list[Macro], resolve_input, name: str) -> None:
    from dataclasses import replace

    try:
        sub = resolve_input(name)
    except ExtractError:
        return
    if not isinstance(sub, Document):
        return
    for d in sub.derivations:
        builder.derivations.append(replace(d, index=len(builder.derivations)))
    known = {m.name for m in macros}
    for mac in sub.macros:
        if mac.name not in known:
            macros.append(mac)
    builder.extra.update(relation_macros(sub.macros))
