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

from lintmath.extract.latex import DISPLAY_ENVS, blank_comments, extract_latex, find_macros
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
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(\n|\Z)", re.S)
_ENV_START = re.compile(r"\s*\\begin\{([a-zA-Z]+\*?)\}")


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
    math, directives, _prose = _split(text)
    return math, directives


def _split(text: str) -> tuple[str, list[Directive], str]:
    """``text`` with everything but display math replaced by spaces, and the ``<!-- lintmath: -->`` directives.

    A MyST ``{math}`` fence becomes ``\\[ .. \\]`` (written over its fence lines) unless its body is
    a whole environment already, so that the LaTeX extractor sees a display.
    """
    chars = [" " if c != "\n" else "\n" for c in text]
    prose = list(text)  # text outside code blocks, where math and directives are looked for
    m = _FRONT_MATTER.match(text)
    if m:
        _blank(prose, 0, m.end())
    for start, body_start, body_end, end, is_math in _fenced_blocks(text):
        _blank(prose, start, end)
        if not is_math:
            continue
        chars[body_start:body_end] = text[body_start:body_end]
        env = _ENV_START.match(text, body_start)
        if env is None or env.group(1) not in DISPLAY_ENVS:
            chars[start:start + 2] = "\\["  # over the opening fence, which has at least 3 characters
            if end > body_end:  # closed: over the closing fence
                chars[body_end:body_end + 2] = "\\]"
    for a, b in _indented_code(text):
        _blank(prose, a, b)
    outside = "".join(prose)
    for raw in _RAW_HTML.finditer(outside):
        _blank(prose, raw.start(), raw.end())
    outside = "".join(prose)
    for code in _CODE_SPAN.finditer(outside):
        if "\n\n" not in code.group(0):
            _blank(prose, code.start(), code.end())
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
    for mm in _MATH.finditer(outside):
        if mm.group(0) == "\\$" or mm.group(0).startswith("\\\\("):  # escaped dollar, inline math
            continue
        env = mm.group("env")
        if env is not None and env not in DISPLAY_ENVS:
            continue
        _copy_math(chars, text, mm.start(), mm.end(), escaped=mm.group("esc") is not None)
    for comment in comments:  # a suppression on a math line is not math
        _blank(chars, comment.start(), comment.end())
    return "".join(chars), directives, outside


def _copy_math(chars: list[str], text: str, a: int, b: int, escaped: bool) -> None:
    """Copy the display ``text[a:b]`` into ``chars``, undoing what is Markdown and not math: the
    ``>`` markers of a block quote it stands in, the first backslash of escaped delimiters
    (``\\\\[ .. \\\\]``, for processors that do not protect math) and ``\\_``, ``\\*`` escapes."""
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
    math, directives, prose = _split(text)
    doc = extract_latex(math, path)
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
    for number, cell in enumerate(cells, 1):
        starts.append(len(lines))
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = _cell_source(cell.get("source"))
        doc = extract_markdown(source, path)
        lines.extend((*doc.lines, ""))
        macros.extend(doc.macros)
        directives.extend(replace(d, cell=number) for d in doc.directives)
        for d in doc.derivations:
            steps = tuple(Step(s.index, s.relation, s.relation_text, _in_cell(s.lhs, number), _in_cell(s.rhs, number))
                          for s in d.steps)
            derivations.append(replace(d, index=len(derivations), steps=steps))
    return Document(path, tuple(derivations), tuple(macros), tuple(directives), tuple(lines), cell_starts=tuple(starts))


def extract_notebook_path(path: str) -> Document:
    from lintmath.extract import read_source

    return extract_notebook(read_source(path), path)
