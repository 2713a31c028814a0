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

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}|:{3,})[ \t]*(\{[\w-]+\}|[\w+-]*)")
_HTML_DIRECTIVE = re.compile(r"<!--\s*lintmath\s*:\s*([\w-]+)[ \t]*(.*?)\s*-->", re.S)
_MATH = re.compile(
    r"\\\$|\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(?P<env>[a-zA-Z]+\*?)\}.*?\\end\{(?P=env)\}", re.S
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(\n|\Z)", re.S)
_ENV_START = re.compile(r"\s*\\begin\{([a-zA-Z]+\*?)\}")


def _blank(chars: list[str], a: int, b: int) -> None:
    for k in range(a, b):
        if chars[k] not in "\n":
            chars[k] = " "


def _fenced_blocks(text: str) -> list[tuple[int, int, int, int, bool]]:
    """Fenced blocks: (start, body_start, body_end, end, is_math); unclosed ones run to the end."""
    blocks = []
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    lines = text.splitlines(keepends=True)
    k = 0
    while k < len(lines):
        m = _FENCE.match(lines[k])
        if not m or (m.group(1)[0] == ":" and not m.group(2).startswith("{")):
            k += 1
            continue
        fence, info = m.group(1), m.group(2)
        is_math = info in ("{math}", "math")
        j = k + 1
        body_start = offsets[k + 1]
        # MyST options (``:label: eq1``) directly under the opening line are not math
        if is_math:
            while j < len(lines) and re.match(r"[ \t]*:[\w-]+:", lines[j]):
                j += 1
            body_start = offsets[j]
        close = re.compile(r"^[ \t]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
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
    for mm in _MATH.finditer(outside):
        if mm.group(0) == "\\$":
            continue
        env = mm.group("env")
        if env is not None and env not in DISPLAY_ENVS:
            continue
        chars[mm.start():mm.end()] = text[mm.start():mm.end()]
    for comment in _HTML_COMMENT.finditer(outside):  # a suppression on a math line is not math
        _blank(chars, comment.start(), comment.end())
    return "".join(chars), directives, outside


def extract_markdown(text: str, path: str) -> Document:
    """The derivations and directives of a Markdown source, positions as in ``text``."""
    math, directives, prose = _split(text)
    doc = extract_latex(math, path)
    # MathJax/KaTeX macros are often defined in inline math ($\newcommand{\R}{\mathbb{R}}$)
    macros = {m.name: m for m in (*find_macros(blank_comments(prose)[0]), *doc.macros)}
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


def extract_notebook(text: str, path: str) -> Document:
    """The derivations of a notebook's markdown cells; each step and directive names its cell."""
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractError(f"{path}: not a notebook (invalid JSON: {exc.msg} at line {exc.lineno})") from None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        raise ExtractError(f"{path}: not a notebook (no cells)")
    derivations: list[Derivation] = []
    directives: list[Directive] = []
    macros = []
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        doc = extract_markdown(source, path)
        macros.extend(doc.macros)
        directives.extend(replace(d, cell=number) for d in doc.directives)
        for d in doc.derivations:
            steps = tuple(Step(s.index, s.relation, s.relation_text, _in_cell(s.lhs, number), _in_cell(s.rhs, number))
                          for s in d.steps)
            derivations.append(replace(d, index=len(derivations), steps=steps))
    return Document(path, tuple(derivations), tuple(macros), tuple(directives), ())


def extract_notebook_path(path: str) -> Document:
    from lintmath.extract import read_source

    return extract_notebook(read_source(path), path)
