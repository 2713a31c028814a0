"""Markdown (.md, .qmd, .Rmd, MyST) and Jupyter notebooks (.ipynb) -> Document.

The math of a Markdown file is LaTeX already: ``$$..$$``, ``\\[..\\]``, ``\\begin{align}..`` and
MyST ``{math}`` fences. So this module does not parse math: it blanks everything that is not math
(prose, code, front matter) with spaces, keeping every newline, and hands the result to the LaTeX
extractor, whose positions then point into the Markdown file unchanged. Code is blanked so that a
``$$`` in a Python string or a ``%`` in prose cannot open math or a comment.

Suppressions are HTML comments, ``<!-- lintmath: ignore LM101 -->``; LaTeX ``%`` comments inside
the math work too. A notebook's markdown cells are extracted one by one: a step's ``line`` is its
line within the cell and ``cell`` the cell's 1-based position among all cells (as ruff counts).
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Callable

from lintmath.extract.latex import DISPLAY_ENVS, blank_comments, definition_spans, extract_latex, find_macros
from lintmath.model import Derivation, Directive, Document, ExtractError, MathText, Step

__all__ = ["extract_markdown", "extract_notebook", "blank_non_math"]

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}|:{3,})[ \t]*(\{[\w:-]+\}|[\w+-]*)")
_HTML_DIRECTIVE = re.compile(r"<!--\s*lintmath\s*:\s*([\w-]+)[ \t]*(.*?)\s*-->", re.S)
_MATH = re.compile(
    r"\\\$|\$\$.*?\$\$|(?P<esc>\\\\\[.*?\\\\\])|\\\\\(.*?\\\\\)|\\\[.*?\\\]"
    r"|\\begin\{(?P<env>[a-zA-Z]+\*?)\}.*?\\end\{(?P=env)\}", re.S
)
#: HTML elements whose content MathJax and KaTeX's auto-render never typeset (their skipped tags).
_RAW_HTML = re.compile(r"<(script|style|pre|code|textarea|noscript)\b[^>]*>.*?</\1\s*>", re.S | re.I)
#: A line that opens a container whose content is indented 4+ columns without being code: a list
#: item, a footnote, a definition, an MkDocs admonition (``!!! note``, ``??? tip``) or content tab.
_CONTAINER = re.compile(r"[ ]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|[ ]{0,3}\[\^[^\]]+\]:|[ ]{0,3}:[ \t]"
                        r"|(?:!!!|\?\?\?\+?|===)[ \t]")
_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
#: Markdown escapes that a processor which does not protect math undoes before MathJax sees it:
#: ``x\_1`` is ``x_1``, ``a^\*`` is ``a^*`` (a backslash before these means nothing else in math).
_MD_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\([_*])")
#: Jekyll's Liquid tags whose content is code or hidden: ``{% highlight python %}..{% endhighlight %}``.
_LIQUID_RAW = re.compile(r"\{%-?\s*(highlight|comment)\b.*?%\}.*?\{%-?\s*end\1\s*-?%\}", re.S)
#: An Obsidian comment ``%% .. %%`` (hidden in reading view) opening a line; one inside a display
#: is a LaTeX comment instead, so these are only taken outside the displays.
_OBSIDIAN_COMMENT = re.compile(r"^[ \t]*%%.*?%%", re.S | re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(\n|\Z)", re.S)
_ENV_START = re.compile(r"\s*\\begin\{([a-zA-Z]+\*?)\}")
#: bookdown's equation labels, ``(\#eq:binom)`` inside the math, which bookdown removes before MathJax.
_BOOKDOWN_LABEL = re.compile(r"\(\\#eq:[\w:.-]+\)")
#: What may stand before a ``$$`` that opens a display block of its own (MyST, Obsidian, remark-math
#: allow blank lines in those): indentation, block-quote and list markers.
_BLOCK_OPENER = re.compile(r"[ \t]*(?:>[ \t]*)*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?\Z")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t>]*\n")


def _blank(chars: list[str], a: int, b: int) -> None:
    for k in range(a, b):
        if chars[k] not in "\n":
            chars[k] = " "


#: MyST / Jupyter Book directives whose body is Markdown (math included), not code: admonitions,
#: sphinx-proof's ``{prf:theorem}``, ``{prf:proof}``..., sphinx-exercise, sphinx-design, layout.
_MARKDOWN_DIRECTIVES = frozenset(
    "admonition note warning tip hint important caution attention danger error seealso dropdown "
    "exercise solution proof theorem lemma definition example remark margin sidebar topic "
    "epigraph div card tab-item tab-set grid-item grid-item-card figure table list-table".split()
)


def _markdown_directive(info: str) -> bool:
    name = info[1:-1] if info.startswith("{") else ""
    return name in _MARKDOWN_DIRECTIVES or name.startswith("prf:")


def _fenced_blocks(text: str) -> list[tuple[int, int, int, int, bool]]:
    """Fenced blocks: (start, body_start, body_end, end, is_math); unclosed ones run to the end.

    A directive whose body is Markdown (``{note}``, ``{prf:proof}``) gives two empty blocks, its
    opening (with options) and closing lines, and its body is scanned like the text around it.
    """
    blocks = []
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    lines = text.splitlines(keepends=True)
    open_directives: list[re.Pattern[str]] = []  # closing fences of the Markdown directives we are in
    k = 0
    while k < len(lines):
        if open_directives and open_directives[-1].match(lines[k].rstrip("\r\n")):
            open_directives.pop()
            blocks.append((offsets[k], offsets[k + 1], offsets[k + 1], offsets[k + 1], False))
            k += 1
            continue
        m = _FENCE.match(lines[k])
        if not m or (m.group(1)[0] == ":" and not m.group(2).startswith("{")):
            k += 1
            continue
        fence, info = m.group(1), m.group(2)
        is_math = info in ("{math}", "math")
        close = re.compile(r"^[ \t]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        j = k + 1
        body_start = offsets[k + 1]
        # MyST options (``:label: eq1``) directly under the opening line are not math
        if is_math or _markdown_directive(info):
            while j < len(lines) and re.match(r"[ \t]*:[\w-]+:", lines[j]):
                j += 1
            body_start = offsets[j]
        if _markdown_directive(info):
            blocks.append((offsets[k], body_start, body_start, body_start, False))
            open_directives.append(close)
            k = j
            continue
        while j < len(lines) and not close.match(lines[j].rstrip("\r\n")):
            j += 1
        end = offsets[min(j + 1, len(lines))]
        body_end = offsets[j] if j < len(lines) else offsets[-1]
        blocks.append((offsets[k], body_start, body_end, end, is_math))
        k = j + 1
    return blocks


def blank_non_math(text: str) -> tuple[str, list[Directive]]:
    math, directives, _prose, _layers = _split(text)
    return math, directives


def _paragraphs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the runs of non-blank lines in ``text[a:b]``."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*\n?", text[a:b]):
        if m.group(0).strip():
            if spans and spans[-1][1] == a + m.start():
                spans[-1] = (spans[-1][0], a + m.end())
            else:
                spans.append((a + m.start(), a + m.end()))
    return spans


def _split(text: str) -> tuple[str, list[Directive], str, list[str]]:
    """``text`` with everything but display math replaced by spaces, the ``<!-- lintmath: -->``
    directives, the text outside code, and the layers: copies of ``text`` as blank as the first but
    for one equation each of a math fence that holds several.

    A MyST ``{math}`` fence becomes ``\\[ .. \\]`` (written over its fence lines) unless its body is
    a whole environment already, so that the LaTeX extractor sees a display. Sphinx (and so MyST)
    typesets the paragraphs of such a body as separate equations; as positions must not move, each
    gets a layer of its own, delimited over the same fence lines.
    """
    chars = [" " if c != "\n" else "\n" for c in text]
    prose = list(text)  # text outside code blocks, where math and directives are looked for
    layers: list[str] = []
    code: list[tuple[int, int]] = []  # fences, code spans, raw HTML: what no display ever spans
    m = _FRONT_MATTER.match(text)
    if m:
        _blank(prose, 0, m.end())
    for start, body_start, body_end, end, is_math in _fenced_blocks(text):
        _blank(prose, start, end)
        code.append((start, end))
        if not is_math:
            continue
        env = _ENV_START.match(text, body_start)
        if env is not None and env.group(1) in DISPLAY_ENVS:
            chars[body_start:body_end] = text[body_start:body_end]
            continue
        equations = _paragraphs(text, body_start, body_end)
        for a, b in equations if len(equations) > 1 else [(body_start, body_end)]:
            target = chars if len(equations) <= 1 else [" " if c != "\n" else "\n" for c in text]
            target[a:b] = text[a:b]
            target[start:start + 2] = "\\["  # over the opening fence, which has at least 3 characters
            if end > body_end:  # closed: over the closing fence
                target[body_end:body_end + 2] = "\\]"
            if target is not chars:
                layers.append("".join(target))
    for a, b in _indented_code(text):
        _blank(prose, a, b)
    outside = "".join(prose)
    for raw in (*_RAW_HTML.finditer(outside), *_LIQUID_RAW.finditer(outside)):
        _blank(prose, raw.start(), raw.end())
        code.append(raw.span())
    outside = "".join(prose)
    for span in _CODE_SPAN.finditer(outside):
        if "\n\n" not in span.group(0):
            _blank(prose, span.start(), span.end())
            code.append(span.span())
    outside = "".join(prose)
    directives = []
    for d in _HTML_DIRECTIVE.finditer(outside):
        line = outside.count("\n", 0, d.start()) + 1
        column = d.start() - (outside.rfind("\n", 0, d.start()) + 1) + 1
        directives.append(Directive(line, d.group(1).lower(), d.group(2).strip(), column=column))
    comments = list(_HTML_COMMENT.finditer(outside))
    # a ``$$`` in a comment (``<!-- use $$ for displays -->``) must not pair with a real one
    for comment in comments:
        _blank(prose, comment.start(), comment.end())
    outside = "".join(prose)
    displays = _displays(text, outside, code)
    hidden = [c for c in _OBSIDIAN_COMMENT.finditer(outside)
              if not any(d.start() <= c.start() < d.end() for d in displays)]
    if hidden:
        for comment in hidden:
            _blank(prose, comment.start(), comment.end())
        outside = "".join(prose)
        displays = _displays(text, outside, code)
    for mm in displays:
        _copy_math(chars, text, mm.start(), mm.end(), escaped=mm.group("esc") is not None)
    for before, after in zip(displays, displays[1:]):
        if _continues(outside, before, after):
            # one row per ``$$`` display: the delimiters between them go, so that the rows read as one chain
            _blank(chars, before.end() - 2, before.end())
            _blank(chars, after.start(), after.start() + 2)
    for comment in comments:  # a suppression on a math line is not math
        _blank(chars, comment.start(), comment.end())
    return "".join(chars), directives, outside, layers


#: a ``$$`` display's content that opens with the relation of a chain's next row (``$$ = x(x + 2) + 1 $$``)
_CONTINUING_ROW = re.compile(r"\$\$\s*(?:=|\\approx\b|\\leq?\b|\\geq?\b|<|>)")
#: what may stand between two ``$$`` displays of one chain: blank space (a blank line too), quote markers
_BETWEEN_ROWS = re.compile(r"[ \t>]*(?:\n[ \t>]*){0,2}")


def _continues(outside: str, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether the ``$$`` display ``after`` is the next row of the one-row ``$$`` display ``before``, as
    notebooks write a chain one display per line (``$$ (x+1)^2 = x^2 + 2x + 1 $$`` then ``$$ = x(x+2) + 1 $$``):
    it opens with a relation, nothing but blank space stands between them, and neither holds an
    environment or a row break of its own (whose chain the LaTeX reader builds already)."""
    first, second = before.group(0), after.group(0)
    if not (first.startswith("$$") and second.startswith("$$")) or not _CONTINUING_ROW.match(second):
        return False
    if any("\\begin" in d or "\\\\" in d for d in (first, second)):
        return False
    return _BETWEEN_ROWS.fullmatch(outside, before.end(), after.start()) is not None


def _displays(text: str, outside: str, code: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The display math of ``outside`` (``text`` without what is not Markdown prose)."""
    found = []
    pos = 0
    while (mm := _MATH.search(outside, pos)) is not None:
        pos = mm.end()
        if mm.group(0) == "\\$" or mm.group(0).startswith("\\\\("):  # escaped dollar, inline math
            continue
        if mm.group(0).startswith("$$") and _stray_dollars(text, code, mm.start(), mm.end()):
            pos = mm.start() + 2  # its closing ``$$`` may open the next display
            continue
        env = mm.group("env")
        if env is None or env in DISPLAY_ENVS:
            found.append(mm)
    return found


def _stray_dollars(text: str, code: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether the ``$$`` at ``a`` opens no display although a ``$$`` at ``b`` follows: code lies
    between them (math never holds a code span or fence), or a paragraph break does and the first
    ``$$`` stands inside a sentence ("wrap it in $$ signs"), where pandoc, Jupyter and MathJax all
    end the search for its closing ``$$``."""
    if any(start < b and end > a for start, end in code):
        return True
    line_start = text.rfind("\n", 0, a) + 1
    return _PARAGRAPH_BREAK.search(text, a, b) is not None and not _BLOCK_OPENER.match(text[line_start:a])


def _copy_math(chars: list[str], text: str, a: int, b: int, escaped: bool) -> None:
    """Copy the display ``text[a:b]`` into ``chars``, undoing what is Markdown and not math: the
    ``>`` markers of a block quote it stands in, the first backslash of escaped delimiters
    (``\\\\[ .. \\\\]``, for processors that do not protect math), ``\\_``, ``\\*`` escapes, bookdown's
    ``(\\#eq:label)`` and macro definitions."""
    chars[a:b] = text[a:b]
    if escaped:
        chars[a] = chars[b - 3] = " "
    line_start = text.rfind("\n", 0, a) + 1
    quote = re.match(r"(?:[ ]{0,3}>[ ]?)+", text[line_start:a])
    if quote and quote.end() == a - line_start and "\n" in text[a:b]:
        depth = quote.group(0).count(">")
        i = text.find("\n", a, b)
        while i != -1:
            k = i + 1
            for _ in range(depth):  # a lazy line without the markers keeps its text
                m = _QUOTE.match(text, k, b)
                if not m:
                    break
                _blank(chars, m.start(), m.end())
                k = m.end()
            i = text.find("\n", i + 1, b)
    for esc in _MD_ESCAPE.finditer(text, a, b):
        chars[esc.end() - 2] = " "
    for label in _BOOKDOWN_LABEL.finditer(text, a, b):
        _blank(chars, label.start(), label.end())
    if "\\" in text[a:b]:
        # macros defined in the math (the one place Markdown has for them) are read from the
        # prose; the definition itself is no part of the first step
        for start, end in definition_spans(text[a:b]):
            _blank(chars, a + start, a + end)


def _indented_code(text: str) -> list[tuple[int, int]]:
    """The spans of CommonMark indented code blocks: lines indented 4+ columns after a blank line,
    outside a list item or other container whose content is indented (then they are its content).

    A heuristic without a full Markdown parser: a container lasts until a line indented less than
    4 columns follows a blank line without opening another container.
    """
    spans = []
    container = in_code = False
    blank = True
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.strip():
            blank = True
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" \t"))
        if indent >= 4:
            in_code = in_code or (blank and not container)
            if in_code:
                spans.append((start, offset))
        else:
            in_code = False
            if _CONTAINER.match(line):
                container = True
            elif blank and indent == 0:
                container = False
        blank = False
    return spans


def extract_markdown(text: str, path: str) -> Document:
    """The derivations and directives of a Markdown source, positions as in ``text``."""
    math, directives, prose, layers = _split(text)
    doc = extract_latex(math, path)
    if layers:
        extra = [extract_latex(layer, path) for layer in layers]
        found = sorted((d for part in (doc, *extra) for d in part.derivations),
                       key=lambda d: (d.steps[0].lhs.line, d.steps[0].lhs.column) if d.steps else (0, 0))
        doc = replace(doc, derivations=tuple(replace(d, index=k) for k, d in enumerate(found)),
                      directives=tuple(d for part in (doc, *extra) for d in part.directives),
                      macros=doc.macros + tuple(m for part in extra for m in part.macros))
    # MathJax/KaTeX macros are often defined in inline math ($\newcommand{\R}{\mathbb{R}}$), and
    # for pandoc (R Markdown, Quarto) in the front matter's ``header-includes``
    front = _FRONT_MATTER.match(text)
    found = find_macros(front.group(0)) if front and "\\" in front.group(0) else ()
    macros = {m.name: m for m in (*found, *find_macros(blank_comments(prose)[0]), *doc.macros)}
    lines = tuple(line[:-1] if line.endswith("\r") else line for line in text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    merged = tuple(sorted((*doc.directives, *directives), key=lambda d: d.line))
    return replace(doc, directives=merged, lines=lines, macros=tuple(macros.values()))


def extract_markdown_path(path: str) -> Document:
    from lintmath.extract import read_source

    return extract_markdown(read_source(path), path)


def _in_cell(text: MathText, cell: int) -> MathText:
    return replace(text, cell=cell)


def _cell_source(source: object) -> str:
    """A cell's text: a string or a list of lines; anything else in a damaged notebook is no text."""
    if isinstance(source, list):
        return "".join(line for line in source if isinstance(line, str))
    return source if isinstance(source, str) else ""


def extract_notebook(text: str, path: str) -> Document:
    """The derivations of a notebook's markdown cells; each step and directive names its cell."""
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractError(f"{path}: not a notebook (invalid JSON: {exc.msg} at line {exc.lineno})") from None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if cells is None and isinstance(nb, dict) and isinstance(nb.get("worksheets"), list):
        # nbformat 3 (IPython 1-2): the cells are in worksheets, numbered on through all of them
        cells = [c for w in nb["worksheets"] if isinstance(w, dict) for c in w.get("cells") or ()]
    if not isinstance(cells, list):
        raise ExtractError(f"{path}: not a notebook (no cells)")
    derivations: list[Derivation] = []
    directives: list[Directive] = []
    macros = []
    # the prose around a step (a value stated inline, "let X and Y be independent") may be in an
    # earlier markdown cell: the cells' lines are kept one after another, a blank line between cells
    lines: list[str] = []
    starts: list[int] = []
    # runs of markdown cells that write one chain: each cell after the first opens with a continuing
    # ``$$ = .. $$`` row (code cells may stand between), read together so that the row has a line before
    groups: list[list[tuple[int, str, Document]]] = []
    for number, cell in enumerate(cells, 1):
        starts.append(len(lines))
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = _cell_source(cell.get("source"))
        doc = extract_markdown(source, path)
        lines.extend((*doc.lines, ""))
        macros.extend(doc.macros)
        directives.extend(replace(d, cell=number) for d in doc.directives)
        if groups and _continues_cell(groups[-1][-1][1], source):
            groups[-1].append((number, source, doc))
        else:
            groups.append([(number, source, doc)])
    for group in groups:
        for d in _group_derivations(group, path):
            derivations.append(replace(d, index=len(derivations)))
    return Document(path, tuple(derivations), tuple(macros), tuple(directives), tuple(lines), cell_starts=tuple(starts))


def _continues_cell(before: str, source: str) -> bool:
    """Whether the markdown cell ``source`` is the next row of a chain whose last row ends the markdown
    cell ``before``: it opens with a one-row ``$$`` display that starts with a relation, and ``before``
    ends with a ``$$`` display (whether the two are one chain the Markdown reader then decides, as for
    two such displays in one cell)."""
    return before.rstrip().endswith("$$") and _CONTINUING_ROW.match(source.lstrip()) is not None


def _group_derivations(group: list[tuple[int, str, Document]], path: str) -> tuple[Derivation, ...]:
    """The derivations of a run of markdown cells, each step's rows in the cells they stand in."""
    if len(group) == 1:
        number = group[0][0]
        return tuple(replace(d, steps=tuple(_step_in(s, lambda text: _in_cell(text, number)) for s in d.steps))
                     for d in group[0][2].derivations)
    pieces: list[str] = []
    firsts: list[tuple[int, int, int]] = []  # (first line in the joined text, cell, that line in the cell)
    line = 1
    for k, (number, source, _) in enumerate(group):
        piece = source.rstrip() if k == 0 else source.lstrip("\n").rstrip()
        skipped = 0 if k == 0 else source[: len(source) - len(source.lstrip("\n"))].count("\n")
        firsts.append((line, number, 1 + skipped))
        pieces.append(piece)
        line += piece.count("\n") + 2  # (the blank line between two cells)
    doc = extract_markdown("\n\n".join(pieces), path)

    def placed(text: MathText) -> MathText:
        first, number, offset = next(f for f in reversed(firsts) if f[0] <= text.line)
        return replace(text, line=text.line - first + offset, cell=number)
    return tuple(replace(d, steps=tuple(_step_in(s, placed) for s in d.steps)) for d in doc.derivations)


def _step_in(step: Step, place: Callable[[MathText], MathText]) -> Step:
    """``step`` with its rows (the note and the alternative left side kept, as a Markdown file has them)
    placed in their cells."""
    alternative = None if step.alternative is None else place(step.alternative)
    return replace(step, lhs=place(step.lhs), rhs=place(step.rhs), alternative=alternative)


def extract_notebook_path(path: str) -> Document:
    from lintmath.extract import read_source

    return extract_notebook(read_source(path), path)
