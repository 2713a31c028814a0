"""LyX documents (.lyx): translated line for line into LaTeX, then read by the LaTeX extractor.

LyX keeps formulas as raw LaTeX inside ``\\begin_inset Formula`` (so a display keeps its rows and
their line numbers), the document preamble and ``FormulaMacro`` insets as raw LaTeX too, and
everything else as its own markup: text runs wrapped over several lines, ``\\backslash`` for a
backslash in ERT (raw LaTeX) insets, ``\\family``/``\\series``/``\\lang`` switches. Each LyX line
becomes one LaTeX line, so a finding's line is the LyX file's line; a paragraph's text (which LyX
wraps at arbitrary spaces and splits at ``\\backslash``) is gathered on the line where it starts.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lintmath.model import Document

# insets whose content is not part of the document's text (comments, pictures, cross-references);
# a greyed-out note is printed (in grey), so its formulas are the document's
_HIDDEN = re.compile(r"\\begin_inset (Note(?! Greyedout)|Graphics|CommandInset|LatexCommand|Info|Preview|"
                     r"External|VSpace|Index|Nomenclature|href)\b")
_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "%": r"\%", "$": r"\$", "&": r"\&", "#": r"\#",
                 "_": r"\_", "{": r"\{", "}": r"\}", "^": r"\^{}", "~": r"\textasciitilde{}"}
_SPECIAL = {"\\ldots": r"\ldots{}", "\\textcompwordmark": "", "\\slash": "/", "\\nobreakdash": "-",
            "\\menuseparator": "", "\\@.": ".", "\\-": "", "\\LyX": "LyX", "\\TeX": "TeX",
            "\\LaTeX": "LaTeX", "\\LaTeX2e": "LaTeX"}


def _escape(text: str) -> str:
    return "".join(_TEXT_ESCAPES.get(ch, ch) for ch in text)


def lyx_to_latex(text: str) -> str:
    """The LaTeX of a LyX document with the same number of lines (see the module's docstring)."""
    lines = text.split("\n")
    out = [""] * len(lines)
    anchor = -1          # the line a running paragraph's text is gathered on
    stack: list[str] = []  # kinds of the open insets: "hidden", "ert", "formula", "text"
    in_header, in_preamble = True, False
    formula_inline = False
    params = False       # in the lines of an inset's parameters (status open, width "100col%"...)

    def put(k: int, piece: str) -> None:
        nonlocal anchor
        if anchor < 0:
            anchor = k
        out[anchor] += piece

    def hidden() -> bool:
        return "hidden" in stack

    for k, raw in enumerate(lines):
        line = raw[:-1] if raw.endswith("\r") else raw
        if in_header:
            if k == 0:
                out[k] = r"\documentclass{article}"
            elif line.startswith("\\begin_preamble"):
                in_preamble = True
            elif line.startswith("\\end_preamble"):
                in_preamble = False
            elif in_preamble:
                out[k] = line
            elif line.startswith("\\begin_body"):
                in_header = False
                out[k] = r"\begin{document}"
            continue
        if stack and stack[-1] == "formula":
            if line.strip() == "\\end_inset":
                stack.pop()
                if not formula_inline:
                    anchor = -1  # the text after a display starts on a line of its own
            elif formula_inline:
                put(k, line + " ")  # an inline formula over several lines runs on in its paragraph
            else:
                out[k] = line
            continue
        if params:
            # an inset's parameters run from its first line to a blank line (or its first paragraph):
            # settings, not text, which would otherwise join the paragraph around (or the raw LaTeX of an
            # ERT inset) as words
            if line.strip() and not line.startswith(("\\begin_layout", "\\end_inset", "\\begin_inset")):
                continue
            params = False
        if line.startswith("\\begin_inset"):
            if hidden() or _HIDDEN.match(line):
                stack.append("hidden")
            elif line.startswith("\\begin_inset Formula ") or line.startswith("\\begin_inset FormulaMacro"):
                body = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
                stack.append("formula")
                formula_inline = (body.startswith("$") and not body.startswith("$$")) or body.startswith("\\(")
                if formula_inline:
                    put(k, body + " ")
                else:
                    anchor = -1
                    out[k] = body
            elif line.startswith("\\begin_inset ERT"):
                stack.append("ert")
                params = True
            elif line.startswith("\\begin_inset Quotes"):
                stack.append("text")
                put(k, '"')
            elif line.startswith("\\begin_inset space") or line.startswith("\\begin_inset Newline"):
                stack.append("text")
                put(k, " ")
            else:  # Flex, Branch, Foot, Box, Float, Caption, Tabular...: their text is read
                stack.append("text")
                params = True
            continue
        if line.startswith("\\end_inset"):
            if stack:
                stack.pop()
            continue
        if hidden():
            continue
        if line.startswith("\\end_body"):
            out[k] = r"\end{document}"
            continue
        ert = "ert" in stack
        if line.startswith("\\begin_layout") or line.startswith("\\end_layout"):
            anchor = -1  # a new paragraph (in ERT a new line): the text does not run on
            continue
        if line == "\\backslash":
            put(k, "\\" if ert else _escape("\\"))
            continue
        if line.startswith("\\SpecialChar"):
            name = line.split(" ", 1)[1].strip() if " " in line else ""
            put(k, _SPECIAL.get(name, ""))
            continue
        if line.startswith("\\") and not line.startswith("\\\\"):
            continue  # \family, \series, \lang, \emph, \color, \align, \paragraph_spacing...
        if line.startswith("<"):
            continue  # a table's cell markup
        if not line:
            continue
        put(k, line if ert else _escape(line))
    return "\n".join(out)


def extract_lyx(text: str, path: str) -> Document:
    """The derivations of a LyX source, lines as in ``text``."""
    from lintmath.extract.latex import extract_latex

    doc = extract_latex(lyx_to_latex(text), path)
    lines = tuple(line[:-1] if line.endswith("\r") else line for line in text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return replace(doc, lines=lines)


def extract_lyx_path(path: str) -> Document:
    from lintmath.extract import read_source

    return extract_lyx(read_source(path), path)
