"""PDF extractor: a lecture PDF -> display derivations, rebuilt as LaTeX from glyph geometry.

pymupdf is imported inside ``extract_pdf`` so ``lintmath --version`` and LaTeX-only runs never load
it. The work is split three ways: this module opens the file and walks the pages (errors, beamer
overlays), ``pdf_glyphs`` says what each glyph means and ``pdf_layout`` rebuilds rows from boxes.
Each display is handed to the LaTeX extractor as an ``align*`` so that rows become steps exactly as
they would from the source; the resulting sides keep the rebuilt LaTeX as text and gain the page
and the row's box.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lintmath.extract.pdf_glyphs import Sym, classify, font_family, ink_extent
from lintmath.extract.pdf_layout import (UNREADABLE, Item, Line, Rule, apply_rules, attach_limits,
                                         cut_lines, merge_overlays, merge_words, read_binomials,
                                         read_braces, read_line, split_columns, stack_pieces,
                                         stretch_lines)
from lintmath.model import Derivation, Document, ExtractError, MathText

__all__ = ["extract_pdf", "page_rows", "decode_label"]


def extract_pdf(path: str) -> Document:
    """The derivations of every display on every page of ``path``; ExtractError if unreadable."""
    import pymupdf

    doc = _open(pymupdf, path)
    try:
        pages = _last_of_overlays(doc)
        derivations: list[Derivation] = []
        has_text = False
        for number, label in pages:
            page = doc[number]
            glyphs = _glyphs(pymupdf, page)
            has_text = has_text or bool(glyphs)
            if not glyphs:
                continue
            groups = page_rows(glyphs, _rules(page))
            for rows in groups:
                derivations.extend(_derivations(path, rows, number + 1, label, len(derivations)))
        if not has_text:
            if any(doc[n].get_images() for n, _ in pages):
                raise ExtractError(f"{path}: no text layer: scanned pages cannot be read")
            raise ExtractError(f"{path}: no text layer: nothing to read")
    finally:
        doc.close()
    return Document(path=path, derivations=tuple(derivations))


# ------------------------------------------------------------------------------ opening the file

def _open(pymupdf: Any, path: str) -> Any:
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception:  # pymupdf raises FileDataError, RuntimeError... for anything unreadable
        raise ExtractError(f"{path}: damaged PDF") from None
    if doc.needs_pass or doc.is_encrypted:
        doc.close()
        raise ExtractError(f"{path}: encrypted")
    if doc.page_count == 0:
        doc.close()
        raise ExtractError(f"{path}: damaged PDF: no pages")
    return doc


_HEX_LABEL = re.compile(r"^<((?:[0-9A-Fa-f]{2})+)>$")


def decode_label(label: str) -> str:
    """A page label as text: pymupdf may return the raw PDF hex literal ``<FEFF0032>``."""
    m = _HEX_LABEL.match(label or "")
    if not m:
        return label or ""
    data = bytes.fromhex(m.group(1))
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    return data.decode("latin-1")


def _last_of_overlays(doc: Any) -> list[tuple[int, str | None]]:
    """(page index, label) of the pages to read: of consecutive pages sharing a label (one beamer
    frame uncovered step by step with ``\\pause``) only the last, which shows everything."""
    out: list[tuple[int, str | None]] = []
    previous: str | None = None
    for number in range(doc.page_count):
        try:
            label = decode_label(doc[number].get_label()) or None
        except Exception:
            label = None
        if label is not None and label == previous and out:
            out[-1] = (number, label)
        else:
            out.append((number, label))
        previous = label
    return out


# ------------------------------------------------------------------------- glyphs and rules

def _glyphs(pymupdf: Any, page: Any) -> list[Item]:
    flags = (pymupdf.TEXTFLAGS_RAWDICT | pymupdf.TEXT_INHIBIT_SPACES | pymupdf.TEXT_ACCURATE_BBOXES
             | pymupdf.TEXT_IGNORE_ACTUALTEXT) & ~pymupdf.TEXT_MEDIABOX_CLIP
    data = page.get_text("rawdict", flags=flags)
    items: list[Item] = []
    order = 0
    cache: dict[tuple[str, str], Sym | None] = {}
    for block in data.get("blocks", ()):
        for line in block.get("lines", ()):
            if line.get("dir", (1, 0))[1] != 0:
                continue  # rotated text: a watermark or a margin note
            for span in line.get("spans", ()):
                font, size = span["font"], span["size"]
                for ch in span.get("chars", ()):
                    c = ch["c"]
                    if not c or (c.isspace() and font_family(font) != "ext"):
                        continue  # in cmex, 0x09-0x0D, 0x1C-0x1F and 0x20 are delimiters (\big\},
                        # the bar pieces of \left| .. \right|, \Biggl( ), not spaces: never dropped
                    key = (font, c)
                    if key not in cache:
                        cache[key] = classify(font, c)
                    sym = cache[key]
                    x0, y0, x1, y1 = ch["bbox"]
                    base = ch["origin"][1]
                    order += 1
                    if sym is None:
                        items.append(Item(f"{UNREADABLE}{{U+{ord(c[0]):04X}}}", "ord", x0, y0, x1, y1,
                                          base, size, order=order, unread=f"glyph U+{ord(c[0]):04X}",
                                          fsize=size))
                        continue
                    item_size: float | None = size
                    display = sym.display
                    if sym.height_em:  # extension glyph: hangs from its origin, centred on the axis
                        y0 = base - 0.04 * size
                        y1 = base + (sym.height_em - 0.04) * size
                        base = (y0 + y1) / 2 + 0.25 * size
                        item_size = None
                    elif sym.cls in ("op", "radical") and font_family(font) != "ext":
                        item_size = None  # display size shows in the box or the font size (limits)
                    elif sym.cls == "piece" or _tall_delimiter(sym, y1 - y0, size):
                        # a piece or a size variant of an OpenType font: its own tall box, which
                        # is the ink (the font's ascender would cut it), centred on the math axis
                        sym = _tall_delimiter(sym, y1 - y0, size) or sym
                        display = sym.display
                        base = (y0 + y1) / 2 + 0.25 * size
                        item_size = None
                    else:
                        height, depth = ink_extent(c)
                        y0, y1 = max(y0, base - height * size), min(y1, base + depth * size)
                    items.append(Item(sym.latex, sym.cls if sym.cls != "delim" else _fence(sym.latex),
                                      x0, y0, x1, y1, base, item_size, display, order, fsize=size))
    return items


def _tall_delimiter(sym: Sym, height: float, size: float) -> Sym | None:
    """The delimiter a glyph taller than any text glyph is (an OpenType size variant), or None.
    luaotfload reports the tall bar of ``\\right|`` as U+2223, which would read as ``\\mid``."""
    if height <= 1.5 * size:
        return None
    if sym.cls in ("open", "close", "fence"):
        return sym
    return Sym("|", "fence") if sym.latex == "\\mid" else None


def _fence(latex: str) -> str:
    from lintmath.extract.pdf_layout import _delim_class

    return _delim_class(latex)


def _rules(page: Any) -> list[Rule]:
    """Thin horizontal strokes and filled thin rectangles: fraction bars and radical rules."""
    rules: list[Rule] = []
    for path in page.get_drawings():
        items = path.get("items", ())
        if len(items) != 1:
            continue
        kind = items[0][0]
        if kind == "l":
            p, q = items[0][1], items[0][2]
            width = path.get("width") or 0.0
            if abs(p.y - q.y) < 0.05 and 0 < width < 2.0 and abs(q.x - p.x) > 1.0:
                rules.append(Rule(min(p.x, q.x), max(p.x, q.x), (p.y + q.y) / 2))
        elif kind == "re" and path.get("fill") is not None:
            r = items[0][1]
            if 0 < r.height < 1.6 and r.width > 1.0 and r.width > 3 * r.height:
                rules.append(Rule(r.x0, r.x1, (r.y0 + r.y1) / 2))
    return rules


# ------------------------------------------------------------------------------ rows of a page

def page_rows(items: list[Item], rules: list[Rule]) -> list[list[Line]]:
    """The displays of one page, each as its rows (Lines), top to bottom."""
    sizes = sorted(i.size for i in items if i.size is not None)
    size = sizes[len(sizes) // 2] if sizes else 10.0
    items = merge_words(items)
    items = stack_pieces(items)
    items, rules, braces = read_braces(items, rules, size)  # first: its filled rules are no fraction bars
    items = merge_overlays(items)
    items = attach_limits(items, size)
    items = read_binomials(items, rules)  # before the rules: a binomial may sit inside a fraction
    items = apply_rules(items, rules, size)
    groups: list[list[Line]] = []
    for region in split_columns(cut_lines(items), size):
        lines = [read_line(group, size) for group in region]
        stretch_lines(lines, braces, size)
        groups.extend(_displays(lines))
    return [g for g in groups if any(line.relations for line in g)]


def _displays(lines: list[Line]) -> list[list[Line]]:
    """The lines of one region (the page, or one column of it) grouped into displays."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        prose = line.words >= 2 or (line.words >= 1 and line.tokens and line.tokens[0][1] == "word")
        if prose or not line.tokens:
            if current:
                groups.append(current)
            current = []
            continue
        if current and line.y0 - current[-1].y1 > 0.9 * line.size:
            groups.append(current)
            current = []
        if line.relations == 0 and not current:
            continue  # math without a relation that does not continue a display: nothing to check
        if current and _page_number(line, current[-1]):
            continue
        current.append(line)
    if current:
        groups.append(current)
    return groups


def _page_number(line: Line, previous: Line) -> bool:
    """A bare number in a smaller size set past the end of the row above it: a page or frame number
    (an overfull beamer frame runs into the footline). A continuation row starts under the rows; read as
    one, metropolis's frame number became a factor of the row (a slip verified, a correct step refuted)."""
    text = "".join(tok for tok, _ in line.tokens)
    return line.relations == 0 and text.isdigit() and line.size < 0.88 * previous.size \
        and line.x0 > previous.x1


def _derivations(path: str, rows: list[Line], page: int, label: str | None, start: int) -> list[Derivation]:
    """The rows of one display as derivations, via the LaTeX extractor on a rebuilt ``align*``."""
    from lintmath.extract.latex import extract_latex

    body = " \\\\\n".join(row.latex() for row in rows)
    source = "\\begin{align*}\n" + body + "\n\\end{align*}\n"
    doc = extract_latex(source, path)
    out = []
    for d in doc.derivations:
        steps = tuple(replace(s, lhs=_place(s.lhs, rows, page), rhs=_place(s.rhs, rows, page))
                      for s in d.steps)
        out.append(Derivation(path, start + len(out), "pdf", steps, page=page, label=label))
    return out


def _place(math: MathText, rows: list[Line], page: int) -> MathText:
    """The side with its page and the box of the row(s) it was rebuilt from (line 2 is row 0)."""
    first = max(0, min(len(rows) - 1, math.line - 2))
    last = max(first, min(len(rows) - 1, first + math.text.count("\n")))
    boxes = [rows[k].bbox for k in range(first, last + 1)]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))
    return MathText(text=math.text, line=0, column=0, page=page, bbox=bbox)
