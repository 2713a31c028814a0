"""Page geometry -> rows of LaTeX: the layout half of the PDF extractor.

Input is plain data (glyphs and horizontal rules with their boxes), so this module needs no pymupdf
and is tested on hand-made boxes as well as real pages. The rebuild follows TeX's own construction
backwards, innermost first:

1. glyphs that only mean something together are merged: upright letters into words (``log``),
   stacked extension pieces into one tall delimiter, a negation slash with the relation it strikes
   (``\\neq``), ``\\mapsto``'s two halves, an accent with the letter under it;
2. big operators collect their limits (small glyphs centred above and below them);
3. two rows stacked between parentheses with no rule become ``\\binom`` when their spacing is
   TeX's for a binomial (a matrix column is spaced differently and stays unreadable);
4. rules, shortest first, become radicals (a rule starting at a radical sign's top right) or
   fractions (something above and below): each becomes one compound box, so an outer fraction
   sees an inner one as a single item;
5. what is left is cut into lines by vertical overlap; lines that share an empty vertical strip
   (two columns, two equation pairs, a left equation number) are cut along it;
6. each line is read left to right: smaller glyphs shifted up or down from the line's baseline are
   the scripts of the item before them (a text-style fraction on the baseline is not a script).

Whatever cannot be read with confidence becomes ``\\lintmathunreadable{reason}`` at its place in the
row, so the checker marks the steps touching it as unverified instead of checking a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lintmath.extract.pdf_glyphs import OPERATOR_NAMES

UNREADABLE = "\\lintmathunreadable"

#: Words that may carry limits under them in display style.
_LIMIT_WORDS = frozenset({"\\lim", "\\max", "\\min", "\\sup", "\\inf", "\\limsup", "\\liminf",
                          "\\det", "\\Pr", "\\gcd", "\\arg"})
_NEGATED = {"=": "\\neq", "\\in": "\\notin", "<": "\\nless", ">": "\\ngtr", "\\leq": "\\nleq",
            "\\geq": "\\ngeq", "\\sim": "\\nsim", "\\equiv": "\\not\\equiv", "\\subset": "\\not\\subset",
            "\\subseteq": "\\nsubseteq", "\\approx": "\\not\\approx", "\\mid": "\\nmid"}
_CMD_END = re.compile(r"\\[a-zA-Z]+$")


@dataclass
class Item:
    """A glyph or a compound (fraction, radical, operator with limits) with its box.

    ``size`` is the font size of a glyph, or None for things centred on the math axis whose font
    size says nothing about the style (extension glyphs, fractions): they count as full size.
    ``base`` is the baseline the item sits on.
    """

    latex: str
    cls: str
    x0: float
    y0: float
    x1: float
    y1: float
    base: float
    size: float | None
    display: bool = False
    order: int = 0  # content-stream order, to keep words together
    unread: str = ""
    fsize: float = 0.0  # the font size as set, even for items whose ``size`` is None

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class Rule:
    x0: float
    x1: float
    y: float


@dataclass
class Line:
    """One text line of a page: math or prose, with its rebuilt LaTeX tokens."""

    items: list[Item]
    x0: float
    y0: float
    x1: float
    y1: float
    tokens: list[tuple[str, str]] = field(default_factory=list)  # (latex, cls) at the top level
    words: int = 0  # upright words that are not operator names: prose
    relations: int = 0
    size: float = 10.0

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.y0, 2), round(self.x1, 2), round(self.y1, 2))

    def latex(self, align: bool = True) -> str:
        """The row as LaTeX, with ``&`` before its first relation outside brackets when ``align``
        (``P(X=2) &= ...``: the ``=`` inside the parentheses is not the row's relation)."""
        out: list[str] = []
        mark = _first_relation(self.tokens) if align else -1
        for k, (latex, _cls) in enumerate(self.tokens):
            if k == mark:
                out.append("&")
            out.append(latex)
        return join_tokens(out)


def _first_relation(tokens: list[tuple[str, str]]) -> int:
    """Index of the first relation at bracket depth 0, else of the first relation at all (-1: none)."""
    depth, first = 0, -1
    for k, (_latex, cls) in enumerate(tokens):
        if cls == "rel":
            if depth <= 0:
                return k
            first = k if first < 0 else first
        depth += {"open": 1, "close": -1}.get(cls, 0)
    return first


def join_tokens(tokens: list[str]) -> str:
    """Concatenate LaTeX tokens, with a space only where a command name would run on."""
    out = ""
    for tok in tokens:
        if not tok:
            continue
        if out and (_CMD_END.search(out) and (tok[0].isalnum()) or tok == "&" or out.endswith("&")):
            out += " "
        out += tok
    return out


def _union(items: list[Item]) -> tuple[float, float, float, float]:
    return (min(i.x0 for i in items), min(i.y0 for i in items), max(i.x1 for i in items),
            max(i.y1 for i in items))


# ------------------------------------------------------------------------------ 1. merging glyphs

def merge_words(items: list[Item]) -> list[Item]:
    """Upright letters set next to each other in one font size become one word item.

    Letters may overlap by a kern (cmr kerns V-a, T-a, A-V by up to 0.11 em): a word split there
    would read ``Var`` as the letter V times a function ``ar``."""
    out: list[Item] = []
    for it in sorted(items, key=lambda i: i.order):
        prev = out[-1] if out else None
        if (prev is not None and it.cls == "upright" and prev.cls == "upright" and it.size and
                prev.size and abs(it.size - prev.size) < 0.1 and abs(it.base - prev.base) < 0.3 and
                -0.2 * it.size < it.x0 - prev.x1 < 0.12 * it.size):
            prev.latex += it.latex
            prev.x1, prev.y0, prev.y1 = it.x1, min(prev.y0, it.y0), max(prev.y1, it.y1)
            continue
        out.append(it)
    for it in out:
        if it.cls == "upright" and len(it.latex) > 1:
            it.cls = "word"
            if it.latex in OPERATOR_NAMES:
                it.latex, it.cls = "\\" + it.latex, "opname"
    return out


def stack_pieces(items: list[Item]) -> list[Item]:
    """Extension pieces stacked in one column (top, extenders, bottom) become one tall delimiter."""
    pieces = sorted((i for i in items if i.cls in ("piece", "radical-piece")), key=lambda i: i.y0)
    if not pieces:
        return items
    rest = [i for i in items if i.cls not in ("piece", "radical-piece")]
    groups: list[list[Item]] = []
    for p in pieces:
        for g in groups:
            last = g[-1]
            if last.cls == p.cls and abs(last.cx - p.cx) < 0.4 * max(p.width, 1.0) and \
                    p.y0 - last.y1 < 0.35 * (p.size or 10.0):
                g.append(p)
                break
        else:
            groups.append([p])
    for g in groups:
        x0, y0, x1, y1 = _union(g)
        size = g[0].size or 10.0
        latex = g[0].latex
        cls = "radical" if g[0].cls == "radical-piece" else _delim_class(latex)
        rest.append(Item(latex, cls, x0, y0, x1, y1, (y0 + y1) / 2 + 0.25 * size, None,
                         order=g[0].order, fsize=g[0].fsize))
    return rest


#: the tips of a horizontal brace left to right (ends, then the cusp's two halves): under, over
_UNDER, _OVER = ["lb", "rt", "lt", "rb"], ["lt", "rb", "lb", "rt"]


Box = tuple[float, float, float, float]


def read_braces(items: list[Item], rules: list[Rule], size: float) -> tuple[list[Item], list[Rule], list[Box]]:
    """``\\underbrace{X}_{label}`` and ``\\overbrace``: the brace's tips, the filled rules between
    them and the label on the brace's far side are taken out, leaving X in its row.

    The source's reading is the same: a label is a comment on X, except ``_{=v}``, a value the
    author states, which a rebuilt row cannot carry: then the brace becomes an unreadable item in
    X's row. Tips that do not make one brace are unreadable as well. Also returned: the box of
    each brace with its label, the room X's row takes on the page (see ``stretch_lines``)."""
    tips = sorted((i for i in items if i.cls == "hbrace"), key=lambda i: (round(i.y0), i.x0))
    if not tips:
        return items, rules, []
    gone: set[int] = set()
    used_rules: set[int] = set()
    added: list[Item] = []
    boxes: list[Box] = []
    for k in range(0, len(tips), 4):
        group = tips[k:k + 4]
        fills = [r for r in rules if group[0].x1 - 0.5 <= r.x0 and r.x1 <= group[-1].x0 + 0.5
                 and group[0].y0 - 0.3 * size <= r.y <= group[0].y1]
        names = [t.latex for t in group]
        joined = all(abs(t.y0 - group[0].y0) < 0.5 for t in group) and \
            all(_bridged(a, b, fills) for a, b in zip(group, group[1:]))
        gone.update(id(t) for t in group)
        if not joined or names not in (_UNDER, _OVER):
            added.append(_brace_marker(group, size, "brace"))
            continue
        used_rules.update(id(r) for r in fills)
        under = names == _UNDER
        label = _brace_label(items, group, under, size)
        gone.update(id(i) for i in label)
        boxes.append(_union(group + label))
        if not label:
            continue
        lx0, ly0, lx1, ly1 = _union(label)
        used_rules.update(id(r) for r in rules if lx0 - 0.5 <= r.x0 and r.x1 <= lx1 + 0.5 and ly0 <= r.y <= ly1)
        head = read_tokens(label, size)[:1]
        if head and head[0][1] == "rel":
            added.append(_brace_marker(group, size, "brace label", under))
    kept = [i for i in items if id(i) not in gone] + added
    return kept, [r for r in rules if id(r) not in used_rules], boxes


def stretch_lines(lines: list[Line], boxes: list[Box], size: float) -> None:
    """A row with a brace takes the brace and its label's room: without it the gap to the next
    row looks like the end of the display and ``&= ..`` below would start a new derivation."""
    for bx0, by0, bx1, by1 in boxes:
        for line in lines:
            if min(line.x1, bx1) - max(line.x0, bx0) > 0 and \
                    (abs(by0 - line.y1) < 0.5 * size or abs(line.y0 - by1) < 0.5 * size):
                line.y0, line.y1 = min(line.y0, by0), max(line.y1, by1)
                break


def _bridged(a: Item, b: Item, fills: list[Rule]) -> bool:
    """Two neighbouring tips touch, or a filled rule spans the space between them."""
    if b.x0 - a.x1 < 1.0:
        return True
    return any(r.x0 <= a.x1 + 0.5 and r.x1 >= b.x0 - 0.5 for r in fills)


def _brace_label(items: list[Item], group: list[Item], under: bool, size: float) -> list[Item]:
    """The small items set against the brace's far side (below an underbrace, above an
    overbrace), with what continues them on their line: never the scripts of a row further off."""
    x0, x1 = group[0].x0, group[-1].x1
    y0, y1 = min(t.y0 for t in group), max(t.y1 for t in group)
    lo, hi = x0 - 0.5 * size, x1 + 0.5 * size
    seeds = [i for i in items if i.cls != "hbrace" and _is_small(i, size) and lo <= i.cx <= hi and
             ((under and -0.2 * size <= i.y0 - y1 <= 0.5 * size) or
              (not under and -0.2 * size <= y0 - i.y1 <= 0.5 * size))]
    return _grow_row(seeds, items, set(), size, lo, hi)


def _brace_marker(group: list[Item], size: float, reason: str, under: bool = True) -> Item:
    """An unreadable item in the row the brace belongs to (above an underbrace, below an overbrace)."""
    x0, x1 = group[0].x0, group[-1].x1
    top = min(t.y0 for t in group) if under else max(t.y1 for t in group) + 0.7 * size
    return Item(f"{UNREADABLE}{{{reason}}}", "ord", x0, top - 0.6 * size, x1, top - 0.1 * size,
                base=top - 0.2 * size, size=None, order=group[0].order, unread=reason, fsize=size)


def _delim_class(latex: str) -> str:
    if latex in ("(", "[", "\\{", "\\langle", "\\lfloor", "\\lceil"):
        return "open"
    if latex in (")", "]", "\\}", "\\rangle", "\\rfloor", "\\rceil"):
        return "close"
    if latex in ("|", "\\|"):
        return "fence"
    if latex == "\\int":
        return "op"
    return "ord"


def merge_overlays(items: list[Item]) -> list[Item]:
    """Negation slashes struck through a relation, ``\\mapsto``'s halves, accents over letters."""
    drop: set[int] = set()
    by_id = {id(i): i for i in items}
    for it in items:
        if it.cls == "negation":
            target = _overlapping(it, items, ("rel",))
            if target is not None and target.latex in _NEGATED:
                target.latex = _NEGATED[target.latex]
                drop.add(id(it))
            elif target is None:
                it.latex, it.cls = "/", "ord"  # a plain slash after all
            else:
                it.latex, it.unread = f"{UNREADABLE}{{negated {target.latex}}}", "negation"
        elif it.cls == "mapstochar":
            nxt = min((j for j in items if j.cls == "rel" and j.latex == "\\to" and
                       0 <= j.x0 - it.x1 + 0.5 < 0.3 * (it.size or 10) and abs(j.base - it.base) < 0.5),
                      key=lambda j: j.x0, default=None)
            if nxt is not None:
                nxt.latex, nxt.x0 = "\\mapsto", it.x0
                drop.add(id(it))
            else:
                it.latex, it.cls, it.unread = f"{UNREADABLE}{{mapstochar}}", "ord", "mapstochar"
    for it in items:
        if it.cls == "accent" and id(it) not in drop:
            below = [j for j in items if j is not it and id(j) not in drop and j.cls in ("ord", "upright")
                     and j.x0 - 1.0 <= it.cx <= j.x1 + 1.0 and j.cy > it.cy and j.y0 > it.y0 - 0.5]
            if below:
                base = min(below, key=lambda j: (j.cy - it.cy) + abs(j.cx - it.cx))
                if base.cy - it.cy < 1.2 * (base.size or 10.0):
                    base.latex = f"{it.latex}{{{base.latex}}}"
                    base.y0 = min(base.y0, it.y0)
                    base.cls = "ord"
                    drop.add(id(it))
                    continue
            it.latex, it.cls, it.unread = f"{UNREADABLE}{{accent}}", "ord", "accent"
    del by_id
    kept = [i for i in items if id(i) not in drop]
    return _long_arrows(kept)


#: long arrows as Computer Modern draws them: a short arrow and an = (or a minus) whose ink overlaps
#: its shaft (\Longrightarrow is = and =>, \iff is <= and =>), each pair with what it makes
_LONG_ARROWS = {("=", "\\Rightarrow"): "\\Longrightarrow", ("\\Leftarrow", "="): "\\Longleftarrow",
                ("\\Leftarrow", "\\Rightarrow"): "\\iff", ("\\Leftarrow", "\\Longrightarrow"): "\\iff",
                ("-", "\\to"): "\\longrightarrow", ("\\leftarrow", "-"): "\\longleftarrow"}


def _long_arrows(items: list[Item]) -> list[Item]:
    """Two glyphs on one baseline whose boxes overlap by a sliver and that together draw a long arrow
    (``=`` then ``\\Rightarrow``) as that arrow: read apart they are an equation and a relation
    with nothing between them, and an arrow between equations goes unread."""
    rights = {right for _, right in _LONG_ARROWS}
    if not any(it.latex in rights for it in items):
        return items  # most rows: no arrow at all
    drop: set[int] = set()
    for it in sorted(items, key=lambda i: i.x0):
        if it.latex not in rights or id(it) in drop:
            continue
        left = next((j for j in items if id(j) not in drop and j is not it and (j.latex, it.latex) in _LONG_ARROWS
                     and abs(j.base - it.base) < 0.5 and j.x0 < it.x0 and 0 < j.x1 - it.x0 < 0.5 * it.width),
                    None)
        if left is not None:
            it.latex, it.cls = _LONG_ARROWS[(left.latex, it.latex)], "rel"
            it.x0, it.y0, it.y1 = left.x0, min(left.y0, it.y0), max(left.y1, it.y1)
            drop.add(id(left))
    return [i for i in items if id(i) not in drop]


def _overlapping(it: Item, items: list[Item], classes: tuple[str, ...]) -> Item | None:
    best, best_overlap = None, 0.0
    for j in items:
        if j is it or j.cls not in classes:
            continue
        overlap = min(it.x1, j.x1) - max(it.x0, j.x0)
        if it.width < 0.5 and j.x0 - 0.5 <= it.x0 + 0.6 * (it.fsize or 10.0) and it.x0 <= j.x1 + 0.5 \
                and abs(j.base - it.base) < 0.5:
            overlap = 0.5  # cmsy's negation slash: zero advance, its ink reaches over the next glyph
        if overlap > 0.3 * min(it.width, j.width) and overlap > best_overlap and \
                min(it.y1, j.y1) - max(it.y0, j.y0) > 0:
            best, best_overlap = j, overlap
    return best


# ------------------------------------------------------------------------- 2. limits of operators

def attach_limits(items: list[Item], size: float) -> list[Item]:
    """Display operators (and ``lim``-like words) take the small items centred above/below them."""
    ops = [i for i in items if i.cls == "op" or (i.cls == "opname" and i.latex in _LIMIT_WORDS)]
    if not ops:
        return items
    used: set[int] = set()
    for op in sorted(ops, key=lambda i: i.x0):
        s = local_size(op, items, size)
        if op.cls == "op" and not op.display:
            # Unicode fonts bake the display size into the font size (Symbol's sum at 15.7 pt)
            op.display = op.fsize > 1.2 * s or (op.y1 - op.y0) > 1.3 * s
            if not op.display:
                continue
        lo, hi = op.x0 - 0.35 * op.width, op.x1 + 0.35 * op.width
        parts = []
        for above in (False, True):
            seeds = [j for j in items if j is not op and id(j) not in used and _is_small(j, s)
                     and lo <= j.cx <= hi and
                     ((not above and op.y1 - 0.3 * s <= j.y0 <= op.y1 + 0.9 * s and j.cy > op.y1 - 0.1 * s)
                      or (above and op.y0 - 0.9 * s <= j.y1 <= op.y0 + 0.3 * s and j.cy < op.y0 + 0.1 * s))]
            group = _grow_row(seeds, items, used, s, lo - s, hi + s)
            for j in group:
                used.add(id(j))
            parts.append(group)
        below, above_items = parts
        if not below and not above_items:
            continue
        latex = op.latex
        if below:
            latex += "_{" + read_list(below, s * 0.7) + "}"
        if above_items:
            latex += "^{" + read_list(above_items, s * 0.7) + "}"
        members = [op] + below + above_items
        x0, y0, x1, y1 = _union(members)
        op.latex, op.cls = latex, "op-limits"
        op.x0, op.y0, op.x1, op.y1 = op.x0, y0, op.x1, y1
        op.unread = op.unread or next((j.unread for j in members if j.unread), "")
        op.size = None
    return [i for i in items if id(i) not in used]


def local_size(it: Item, items: list[Item], default: float) -> float:
    """The text size around ``it``: the largest glyph size on its line, nearby (not the page's)."""
    best = 0.0
    for j in items:
        if j.size is not None and j is not it and abs(j.cx - it.cx) < 80 and \
                min(j.y1, it.y1) - max(j.y0, it.y0) > 0.5 * (j.y1 - j.y0) and j.size > best:
            best = j.size
    return best or it.fsize or default


def _is_small(it: Item, size: float) -> bool:
    return it.size is not None and it.size < 0.9 * size


def _grow_row(seeds: list[Item], items: list[Item], used: set[int], size: float, lo: float,
              hi: float) -> list[Item]:
    """The seeds plus small items touching them on the same line (a limit like ``i,j=1``)."""
    group = list(seeds)
    if not group:
        return group
    changed = True
    while changed:
        changed = False
        gx0, gy0, gx1, gy1 = _union(group)
        for j in items:
            if j in group or id(j) in used or not _is_small(j, size) or not (lo <= j.cx <= hi):
                continue
            if min(j.y1, gy1) - max(j.y0, gy0) > 0.3 * (j.y1 - j.y0) and \
                    (gx0 - 0.4 * size <= j.x1 and j.x0 <= gx1 + 0.4 * size):
                group.append(j)
                changed = True
    return group


# ------------------------------------------------------------------------------- 3. binomials

# TeX sets ``\binom`` as a fraction with an invisible rule: the numerator's baseline ``num`` above
# the surrounding baseline and the denominator's ``denom`` below it (cmsy's font parameters, the
# same in every pdfTeX and OpenType math font measured), the pair between two parentheses centred
# on the math axis. So the stack's geometry, in units of the style's font size, is fixed:
# (lowest, highest) of the baseline gap and of the offset of the gap's midpoint below the
# parentheses' centre. Display style: num1 + denom1 = 1.363, offset 0.255, entries at full size.
# Text style (inline, inside a fraction): num3 + denom2 = 0.789, offset 0.200, script-size entries.
# A 2x1 pmatrix/array is laid out by \baselineskip instead: gap 1.2-1.24 (0.57-0.66 for
# smallmatrix), and a stretched one (\arraystretch 1.1) whose gap reaches 1.36 sits 0.27 low.
_DISPLAY_BINOM = ((1.345, 1.38), (0.235, 0.265))
_TEXT_BINOM = ((0.76, 0.82), (0.17, 0.23))


def read_binomials(items: list[Item], rules: list[Rule]) -> list[Item]:
    """Two rows stacked between parentheses, without a rule, spaced as TeX spaces ``\\binom``,
    become one ``\\binom{..}{..}`` item. Anything else stacked (a matrix column, a rule between the
    rows: a fraction in parentheses) is left alone, to be marked unreadable when the row is read."""
    pool = list(items)
    for op in sorted((i for i in items if i.latex == "(" and i.cls == "open"), key=lambda i: i.x0):
        if not any(i is op for i in pool):
            continue  # already inside a binomial read before
        close = _matching_close(op, pool)
        if close is None or _rule_between(op, close, rules):
            continue
        inner = [i for i in pool if i is not op and i is not close and
                 op.x1 - 0.5 <= i.cx <= close.x0 + 0.5 and op.y0 - 0.5 <= i.cy <= op.y1 + 0.5]
        skip = {id(i) for i in inner}
        binom = _binomial(op, close, inner, [i for i in pool if id(i) not in skip])
        if binom is not None:
            gone = {id(m) for m in inner + [op, close]}
            pool = [i for i in pool if id(i) not in gone] + [binom]
    return pool


def _matching_close(op: Item, pool: list[Item]) -> Item | None:
    """The nearest ``)`` to the right of ``op`` with the same vertical extent (the same size)."""
    tol = 0.05 * (op.fsize or 10.0)
    closes = [c for c in pool if c.latex == ")" and c.cls == "close" and c.x0 >= op.x1 - 0.5 and
              abs(c.y0 - op.y0) < tol and abs(c.y1 - op.y1) < tol]
    return min(closes, key=lambda c: c.x0, default=None)


def _rule_between(op: Item, close: Item, rules: list[Rule]) -> bool:
    return any(r.x1 > op.x1 and r.x0 < close.x0 and op.y0 < r.y < op.y1 for r in rules)


def _binomial(op: Item, close: Item, inner: list[Item], context: list[Item]) -> Item | None:
    """The ``\\binom`` item for the parentheses ``op``..``close`` around ``inner``, or None."""
    rows = cut_lines(inner)
    if len(rows) != 2 or not all(_single_column(row) for row in rows):
        return None
    (top_size, top_base), (bottom_size, bottom_base) = (_row_metrics(row) for row in rows)
    if not top_size or not bottom_size or abs(top_size - bottom_size) > 0.05 * top_size:
        return None
    if abs(_centre(rows[0]) - _centre(rows[1])) > 0.2 * top_size:
        return None  # TeX centres numerator and denominator; a left-aligned column is no binomial
    gap, mid = bottom_base - top_base, (top_base + bottom_base) / 2 - op.cy
    style = local_size(op, _letters(context), 0.0)
    if _fits(gap, mid, top_size, _DISPLAY_BINOM):
        size = top_size
    elif style and 0.6 * style <= top_size <= 0.8 * style and _fits(gap, mid, style, _TEXT_BINOM):
        size = style
    else:
        return None
    latex = "\\binom{" + read_list(rows[0], top_size) + "}{" + read_list(rows[1], top_size) + "}"
    members = inner + [op, close]
    x0, y0, x1, y1 = _union(members)
    return Item(latex, "ord", x0, y0, x1, y1, base=op.cy + 0.25 * size, size=None, order=op.order,
                unread=next((m.unread for m in members if m.unread), ""), fsize=size)


def _fits(gap: float, mid: float, size: float, shape: tuple[tuple[float, float], ...]) -> bool:
    (gap_lo, gap_hi), (mid_lo, mid_hi) = shape
    return gap_lo * size <= gap <= gap_hi * size and mid_lo * size <= mid <= mid_hi * size


def _letters(items: list[Item]) -> list[Item]:
    """The letters and digits among ``items``, whose font size is the style's: mathpazo sets
    operators and delimiters 4% larger, so their size would skew the measure."""
    letters = [i for i in items if i.cls == "ord" and i.size is not None and len(i.latex) == 1]
    return [i for i in letters if i.latex.isalnum()] or items


def _row_metrics(row: list[Item]) -> tuple[float, float]:
    """(font size, baseline) of a row's main glyphs; (0, 0) when it has no plain glyph to measure."""
    sizes = [i.size for i in _letters(row) if i.size is not None]
    if not sizes:
        return 0.0, 0.0
    size = max(sizes)
    bases = sorted(i.base for i in row if i.size is not None and i.size >= 0.88 * size)
    return size, bases[len(bases) // 2]


def _centre(row: list[Item]) -> float:
    return (min(i.x0 for i in row) + max(i.x1 for i in row)) / 2


def _single_column(row: list[Item]) -> bool:
    """No gap of a quad or so inside the row: the cells of a two-column matrix are apart by that."""
    size = max((i.size for i in row if i.size is not None), default=10.0)
    right = None
    for it in sorted(row, key=lambda i: i.x0):
        if right is not None and it.x0 - right > 0.6 * size:
            return False
        right = it.x1 if right is None else max(right, it.x1)
    return True


# ---------------------------------------------------------------------- 4. rules: roots, fractions

def apply_rules(items: list[Item], rules: list[Rule], size: float) -> list[Item]:
    """Each rule, shortest first, becomes a radical or a fraction made of the items around it."""
    pool = list(items)
    for rule in sorted(rules, key=lambda r: r.x1 - r.x0):
        # the size of the text around the rule: a fraction in an exponent is smaller than its base
        near = [i.size for i in pool if i.size is not None and rule.x0 - 15 <= i.cx <= rule.x1 + 15 and
                abs(i.cy - rule.y) < 15]
        size = max(near) if near else size
        radical = _radical_for(rule, pool, size)
        if radical is not None:
            pool = _make_radical(radical, rule, pool, size)
            continue
        pool = _make_fraction(rule, pool, size)
    return pool


def _radical_for(rule: Rule, pool: list[Item], size: float) -> Item | None:
    best = None
    for it in pool:
        if it.cls != "radical":
            continue
        s = it.size or size
        if abs(rule.x0 - it.x1) < 0.35 * s + 0.5 and it.y0 - 0.6 * s <= rule.y <= it.y0 + 0.6 * s:
            if best is None or abs(rule.x0 - it.x1) < abs(rule.x0 - best.x1):
                best = it
    return best


def _make_radical(rad: Item, rule: Rule, pool: list[Item], size: float) -> list[Item]:
    inside = [i for i in pool if i is not rad and rule.x0 - 0.5 <= i.cx <= rule.x1 + 0.5 and
              i.cy > rule.y and i.y0 >= rule.y - 1.0 and i.cy < max(rad.y1, rule.y + size) + 0.2 * size]
    index = [i for i in pool if i is not rad and i not in inside and _is_small(i, size) and
             rad.x0 - 0.6 * size <= i.cx <= rad.x0 + 0.6 * rad.width and i.y1 <= rad.cy + 0.1 * size and
             i.y0 >= rule.y - 0.9 * size]
    if not inside:
        rad.latex, rad.unread = f"{UNREADABLE}{{empty radical}}", "radical"
        rad.cls = "ord"
        return pool
    body = read_list(inside, size)
    latex = "\\sqrt"
    if index:
        latex += "[" + read_list(index, size * 0.6) + "]"
    latex += "{" + body + "}"
    members = [rad] + inside + index
    x0, y0, x1, y1 = _union(members)
    inner = max((i.size for i in inside if i.size), default=size)
    compound = Item(latex, "ord", x0, min(y0, rule.y), max(x1, rule.x1), y1,
                    base=_main_base(inside, size), size=inner if inner < 0.85 * size else None,
                    order=rad.order, unread=next((m.unread for m in members if m.unread), ""),
                    fsize=inner)
    gone = {id(m) for m in members}
    return [i for i in pool if id(i) not in gone] + [compound]


def _make_fraction(rule: Rule, pool: list[Item], size: float) -> list[Item]:
    width = rule.x1 - rule.x0
    lo, hi = rule.x0 - 0.5, rule.x1 + 0.5

    def side(above: bool) -> list[Item]:
        cands = [i for i in pool if lo <= i.cx <= hi and i.x0 >= lo - 1.0 and i.x1 <= hi + 1.0 and
                 ((i.cy < rule.y) if above else (i.cy > rule.y))]
        if not cands:
            return []
        gap = (lambda i: rule.y - i.y1) if above else (lambda i: i.y0 - rule.y)
        nearest = min(gap(i) for i in cands)
        if nearest > 1.1 * size:
            return []
        group = [i for i in cands if gap(i) <= nearest + 0.35 * size]
        changed = True
        while changed:  # grow through vertical overlap: scripts, taller items of the same line
            changed = False
            gy0, gy1 = min(i.y0 for i in group), max(i.y1 for i in group)
            for i in cands:
                if i not in group and min(i.y1, gy1) - max(i.y0, gy0) > 0.15 * max(i.y1 - i.y0, 0.1):
                    group.append(i)
                    changed = True
        return group

    num, den = side(True), side(False)
    if not num or not den or width < 0.2 * size:
        return pool  # not a fraction: an underline, a table rule, a decoration
    s = max((style_size(i) for i in num + den if i.size), default=size)
    latex = "\\frac{" + read_list(num, s) + "}{" + read_list(den, s) + "}"
    members = num + den
    x0, y0, x1, y1 = _union(members)
    # a fraction set in a script (e^{\frac{x}{2}}) keeps its size, so it is read as the script
    small = s < 0.85 * size
    compound = Item(latex, "ord", min(x0, rule.x0), y0, max(x1, rule.x1), y1,
                    base=rule.y + 0.25 * (s / 0.7 if small else s), size=s if small else None,
                    order=min(m.order for m in members),
                    unread=next((m.unread for m in members if m.unread), ""), fsize=s)
    gone = {id(m) for m in members}
    return [i for i in pool if id(i) not in gone] + [compound]


def style_size(it: Item) -> float:
    """The size of the style an item is set in. A fraction in text style (inside a display
    fraction: ``\\frac{1}{1 + \\frac{1}{x}}``) has script-size parts but sits on the baseline
    among full-size glyphs, so it counts as full size; the ratio is TeX's script size, 0.7."""
    if it.size is not None and it.latex.startswith("\\frac{"):
        return it.size / 0.7
    return it.size or 0.0


def _main_base(items: list[Item], size: float) -> float:
    glyphs = [i for i in items if i.size is not None and i.size >= 0.9 * size]
    if glyphs:
        bases = sorted(i.base for i in glyphs)
        return bases[len(bases) // 2]
    return max(i.base for i in items)


# --------------------------------------------------------------------------- 5. reading a line

def read_list(items: list[Item], size: float) -> str:
    """One horizontal list (a line, a numerator, a script) as LaTeX."""
    return join_tokens([t for t, _ in read_tokens(items, size)])


def read_tokens(items: list[Item], size: float, gaps: list[float] | None = None) -> list[tuple[str, str]]:
    """Top-level (latex, class) tokens of a horizontal list; scripts are folded into their base.

    When ``gaps`` is given it receives, per token, the horizontal gap before it (for annotations).
    """
    if not items:
        return []
    sized = [style_size(i) for i in items if i.size is not None and i.cls not in ("op", "radical", "delim")]
    s = max(sized) if sized else size
    main = [i for i in items if i.size is None or style_size(i) >= 0.88 * s]
    if not main:
        main = list(items)
    main_ids = {id(i) for i in main}
    glyph_bases = sorted(i.base for i in main if i.size is not None and i.cls not in ("op",))
    base_line = glyph_bases[len(glyph_bases) // 2] if glyph_bases else _main_base(main, s)
    main.sort(key=lambda i: (i.x0, i.order))
    # only inside a nested list (a fraction's part, a script): a line of its own is never set at
    # the smallest size, and its same-size glyphs off the baseline are matrix cells or numbers
    demoted = _same_size_scripts(main, s) if gaps is None else []
    if demoted:
        gone = {id(i) for i in demoted}
        main = [i for i in main if id(i) not in gone]
        main_ids -= gone
    _mark_stacks(main)
    _applied_words(main, s)
    scripts: dict[int, tuple[list[Item], list[Item]]] = {id(m): ([], []) for m in main}
    pre: tuple[list[Item], list[Item]] = ([], [])
    for it in items:
        if id(it) in main_ids:
            continue
        owner = None
        for m in main:
            if m.x0 <= it.x0 + 0.3:
                owner = m
            else:
                break
        sub_sup = scripts[id(owner)] if owner is not None else pre
        ref = base_line
        if it.base < ref - 0.1 * s:
            sub_sup[1].append(it)
        elif it.base > ref + 0.06 * s:
            sub_sup[0].append(it)
        else:
            above = owner is not None and it.cy < owner.cy
            sub_sup[1 if above else 0].append(it)
    out: list[tuple[str, str]] = []
    if pre[0] or pre[1]:
        out.append(("{}" + _scripts(*pre, s), "ord"))
        if gaps is not None:
            gaps.append(0.0)
    prev_x1 = None
    for m in main:
        latex = m.latex
        if m.unread and UNREADABLE not in latex:
            latex = f"{UNREADABLE}{{{m.unread}}}"
        latex += _scripts(*scripts[id(m)], s)
        cls = m.cls
        if cls == "word":
            latex = "\\text{" + m.latex + "}"
        out.append((latex, cls))
        if gaps is not None:
            gaps.append(0.0 if prev_x1 is None else m.x0 - prev_x1)
        # a token ends where its scripts end: measured from its base, the gap after e^{3x} or
        # \int_0^L came out a quad wide and was read as a \quad the author set (false alarms)
        end = max([m.x1] + [i.x1 for i in scripts[id(m)][0] + scripts[id(m)][1]])
        prev_x1 = end if prev_x1 is None else max(prev_x1, end)
    if gaps is None:
        gaps = []
        prev = None
        for m in main:
            gaps.append(0.0 if prev is None else m.x0 - prev)
            prev = m.x1 if prev is None else max(prev, m.x1)
        if len(gaps) != len(out):
            gaps = None
    if gaps is not None:
        _spaced_bars(out, gaps, s)
    merged = _merge_sequences(out, gaps)
    if gaps is not None:
        _spaced_differentials(merged, gaps, s)
    return merged


_INTEGRALS = ("\\int", "\\iint", "\\iiint", "\\oint")


def _spaced_differentials(tokens: list[tuple[str, str]], gaps: list[float], size: float) -> None:
    """The ``d`` of an integral's differential set off by a thin space keeps it: ``\\,dx``.

    Ordinary letters touch (TeX puts no space between them), so a gap of ``\\,`` (0.167 em) before
    a ``d`` followed by a letter is the author's. Joined without it, ``\\sin^{2}xdx`` read as one
    argument ``xdx`` and the integral lost its differential (left unverified)."""
    seen_int = False
    for k, (tok, cls) in enumerate(tokens):
        seen_int = seen_int or tok.startswith(_INTEGRALS)
        if not seen_int or k == 0 or k + 1 >= len(tokens) or tok not in ("d", "\\mathrm{d}"):
            continue
        before, after = tokens[k - 1], tokens[k + 1][0]
        letter = len(after) == 1 and after.isalpha() or after[1:].isalpha() and after.startswith("\\")
        if letter and gaps[k] >= 0.12 * size and before[1] not in ("bin", "rel", "open", "op") \
                and not before[0].startswith(_INTEGRALS):
            tokens[k] = ("\\," + tok, cls)


def _spaced_bars(tokens: list[tuple[str, str]], gaps: list[float], size: float) -> None:
    """A bar with relation spacing on both sides is ``\\mid`` (p(x \\mid y)), not an absolute value."""
    for k, (tok, cls) in enumerate(tokens):
        if tok == "|" and 0 < k < len(tokens) - 1 and gaps[k] > 0.2 * size and gaps[k + 1] > 0.2 * size \
                and tokens[k - 1][1] not in ("bin", "rel", "open") and tokens[k + 1][1] not in ("bin", "rel", "close"):
            tokens[k] = ("\\mid", "ord")


def _applied_words(main: list[Item], size: float) -> None:
    """A word set against an opening parenthesis, with no space, is a function name applied to its
    argument (``\\operatorname{Var}(X)``, ``\\mathrm{Cov}[X, Y]``): prose puts a word space there."""
    for word, nxt in zip(main, main[1:]):
        if word.cls == "word" and nxt.cls == "open" and nxt.latex in ("(", "[") and \
                nxt.x0 - word.x1 < 0.1 * size and abs(word.base - nxt.base) < 0.2 * size:
            word.latex, word.cls = f"\\operatorname{{{word.latex}}}", "opname"


def _script_glyph(it: Item) -> bool:
    """A plain letter, digit or Greek letter: what a script at the smallest size is made of."""
    latex = it.latex
    plain = len(latex) == 1 and latex.isalnum() or latex[1:].isalpha() and latex.startswith("\\")
    return plain and it.size is not None and it.cls in ("ord", "upright") and not it.unread


def _same_size_scripts(main: list[Item], size: float) -> list[Item]:
    """Glyphs of ``main`` that are scripts set at their base's size.

    In scriptscript style (a numerator inside an exponent: ``e^{-\\frac{(x-\\mu)^2}{2}}``) TeX sets
    scripts at the same size as their base, so size cannot tell them apart and ``(x-\\mu)^2`` was
    read ``(x-\\mu)2``. Glyphs on one baseline share their origin exactly, so a plain glyph whose
    baseline is off the list's by a script shift, right after the item before it (not stacked
    over it), is a script of that item. The list's baseline is its first glyph's (a script needs a
    base before it; a median fails on ``a_k``, half of which is script); a list opening with
    anything else (an operator whose scripts come next) is left alone. ``main`` is sorted by x."""
    lead = main[1] if len(main) > 1 and main[0].latex in ("(", "[") and main[0].size else main[0]
    if not _script_glyph(lead):
        return []
    ref = lead.base
    out: list[Item] = []
    for k in range(1, len(main)):
        it = main[k]
        if abs(it.base - ref) < 0.1 * size or not _script_glyph(it):
            continue
        owner = main[k - 1]
        if it.x0 < owner.x0 + 0.5 * owner.width or it.x0 - owner.x1 > 0.5 * size:
            continue
        if any(o is not it and o is not owner and min(o.x1, it.x1) - max(o.x0, it.x0) > 0.3 * it.width
               for o in main):
            continue  # stacked over another glyph: a cell of a small matrix, not a script
        out.append(it)
    on_line = sum(1 for i in main if abs(i.base - ref) < 0.05 * size)
    return out if len(out) <= on_line else []


def _mark_stacks(main: list[Item]) -> None:
    """Full-size items stacked above one another without a rule (a matrix column, ``cases``, a
    ``\\binom`` not spaced as ``read_binomials`` expects) are ambiguous. Never guessed."""
    for k, a in enumerate(main):
        for b in main[k + 1:k + 4]:
            overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
            if overlap > 0.5 * min(a.width, b.width) and (b.y0 >= a.y1 - 0.5 or a.y0 >= b.y1 - 0.5):
                for it in (a, b):
                    it.latex, it.unread = f"{UNREADABLE}{{stacked}}", "stacked"


def _scripts(subs: list[Item], sups: list[Item], size: float) -> str:
    out = ""
    sups = sorted(sups, key=lambda i: i.x0)
    primes = 0
    while sups and sups[0].cls == "prime":
        primes += len(sups[0].latex)
        sups = sups[1:]
    out += "'" * primes
    if subs:
        out += "_{" + read_list(subs, size * 0.7) + "}"
    if sups:
        out += "^{" + read_list(sups, size * 0.7) + "}"
    return out


def _merge_sequences(tokens: list[tuple[str, str]], gaps: list[float] | None) -> list[tuple[str, str]]:
    """``:=`` from a colon and an equals sign; three dots as ``\\ldots``/``\\cdots``; ``\\mathrm{d}``."""
    out: list[tuple[str, str]] = []
    out_gaps: list[float] = []
    k = 0
    while k < len(tokens):
        tok, cls = tokens[k]
        gap = gaps[k] if gaps is not None else 0.0
        if tok == ":" and k + 1 < len(tokens) and tokens[k + 1][0] == "=":
            out.append((":=", "rel"))
            out_gaps.append(gap)
            k += 2
            continue
        if tok in (".", "\\cdot") and [t for t, _ in tokens[k:k + 3]] == [tok] * 3:
            out.append(("\\ldots" if tok == "." else "\\cdots", "ord"))
            out_gaps.append(gap)
            k += 3
            continue
        if tok == "d" and cls == "upright" and k + 1 < len(tokens) and tokens[k + 1][1] == "ord":
            tok = "\\mathrm{d}"
        out.append((tok, cls))
        out_gaps.append(gap)
        k += 1
    if gaps is not None:
        gaps[:] = out_gaps
    return out


# ---------------------------------------------------------------------------------- 6. lines

def cut_lines(items: list[Item]) -> list[list[Item]]:
    """Items grouped into lines: chains of vertically overlapping boxes."""
    lines: list[list[Item]] = []
    spans: list[list[float]] = []
    for it in sorted(items, key=lambda i: i.y0):
        top, bottom = it.y0 + 0.3, it.y1 - 0.3
        if spans and top < spans[-1][1]:
            lines[-1].append(it)
            spans[-1][1] = max(spans[-1][1], bottom)
        else:
            lines.append([it])
            spans.append([top, bottom])
    return lines


def read_line(items: list[Item], size: float) -> Line:
    """A line's tokens with its annotations (``\\quad \\text{..}``, equation numbers) cut off."""
    sized = [i.size for i in items if i.size is not None]
    s = max(sized) if sized else size
    gaps: list[float] = []
    tokens = read_tokens(items, s, gaps)
    tokens = _cut_annotations(tokens, gaps, s)
    tokens = _quads(tokens, gaps, s)
    x0, y0, x1, y1 = _union(items)
    words = sum(1 for t, c in tokens if c == "word")
    relations = sum(1 for t, c in tokens if c == "rel")
    return Line(items, x0, y0, x1, y1, tokens, words, relations, s)


#: An equation number or a ``\tag``: (3), (2.1a), (A), (A'), (\ast), (*), (\dagger).
_EQNO = re.compile(r"^\((?:[0-9.]+[a-z]?|[A-Za-z][0-9.]*'*|\\ast|\*|\\dagger|\\star)\)$")


def _cut_annotations(tokens: list[tuple[str, str]], gaps: list[float], size: float) -> list[tuple[str, str]]:
    """Drop text after a wide gap (a ``\\quad`` note) and a right-hand equation number."""
    if not tokens:
        return tokens
    tokens = _cut_left_number(tokens, gaps, size)
    seen_rel = False
    for k, (tok, cls) in enumerate(tokens):
        if cls == "rel":
            seen_rel = True
        if k > 0 and seen_rel and gaps[k] >= 0.7 * size:
            tail = tokens[k:]
            tail_text = "".join(t for t, _ in tail)
            if any(c == "word" for _, c in tail) or _EQNO.match(tail_text) or \
                    (tail[0][0] == "(" and any(c == "word" for _, c in tail)):
                return tokens[:k]
        if k > 0 and gaps[k] >= 1.5 * size and _EQNO.match("".join(t for t, _ in tokens[k:])):
            return tokens[:k]
    return tokens


def _quads(tokens: list[tuple[str, str]], gaps: list[float], size: float) -> list[tuple[str, str]]:
    """A gap of a quad or more after the row's relation, kept as ``\\quad``/``\\qquad``.

    Math spacing never reaches 0.8 em (a relation's is 0.28 em a side), so such a gap is spacing
    the author set: a condition (``4z \\quad (z \\geq 0)``) or a second equation beside the first
    (``a = b, \\qquad c = d``). Read without it, ``4z(z \\geq 0)`` multiplies the condition in;
    with it the LaTeX extractor reads the row as it reads the source."""
    if len(gaps) < len(tokens):  # a cut tail leaves gaps longer than tokens, still aligned
        return tokens
    out: list[tuple[str, str]] = []
    seen_rel = False
    for k, (tok, cls) in enumerate(tokens):
        if k > 0 and seen_rel and gaps[k] >= 0.8 * size:
            out.append(("\\qquad" if gaps[k] >= 1.8 * size else "\\quad", "space"))
        seen_rel = seen_rel or cls == "rel"
        out.append((tok, cls))
    return out


def _cut_left_number(tokens: list[tuple[str, str]], gaps: list[float], size: float) -> list[tuple[str, str]]:
    """Drop a left-hand equation number (``leqno``, ``\\tag`` on the left): ``(3)`` then a wide gap
    then math with a relation. Kept, it would read as a factor ``3`` of the row's first term."""
    for k in range(1, min(len(tokens), 5)):
        if gaps[k] >= 0.9 * size:  # fleqn sets the number a \\mathindent (2.5 em) from the math
            if _EQNO.match("".join(t for t, _ in tokens[:k])) and any(c == "rel" for _, c in tokens[k:]):
                del gaps[:k]
                gaps[0] = 0.0
                return tokens[k:]
            break
    return tokens


# ------------------------------------------------------------------------------ 7. columns

def split_columns(lines: list[list[Item]], size: float) -> list[list[list[Item]]]:
    """The page's lines (from ``cut_lines``) as regions to read one after another, each a list of
    lines: the page's main flow first, then the right-hand column of each two-column band.

    Two columns side by side (``twocolumn``, beamer ``columns``, ``align`` with two equation pairs,
    a left equation number) put two rows on one line; read as one row they would multiply the end
    of the left row by the start of the right one. A band of consecutive lines that all leave one
    vertical strip empty is cut along it. A gutter is trusted when at least two lines have text on
    both of its sides (a ``\\quad`` inside one row is not a gutter) or when it is wider than any
    spacing inside a row. The left parts stay in the main flow, in place, so a row whose
    continuation (``&\\quad + c``) carries the equation number is never separated from it."""
    main: list[list[Item]] = []
    columns: list[list[list[Item]]] = []
    k = 0
    while k < len(lines):
        band = _gutter_band(lines, k, size)
        if band is None:
            main.append(lines[k])
            k += 1
            continue
        end, x0, x1 = band
        head: list[list[Item]] = []  # lines just above wholly right of the gutter: that column's top
        while main and all(it.x0 >= x1 - 0.5 for it in main[-1]):
            head.insert(0, main.pop())
        cut = (x0 + x1) / 2
        band_items = [it for line in lines[k:end] for it in line]
        main.extend(cut_lines([it for it in band_items if it.cx < cut]))
        columns.append(head + cut_lines([it for it in band_items if it.cx >= cut]))
        k = end
    return [main] + columns


def _gaps(line: list[Item], min_width: float) -> list[tuple[float, float]]:
    """Empty horizontal stretches inside a line at least ``min_width`` wide."""
    out: list[tuple[float, float]] = []
    right = None
    for it in sorted(line, key=lambda i: i.x0):
        if right is not None and it.x0 - right >= min_width:
            out.append((right, it.x0))
        right = it.x1 if right is None else max(right, it.x1)
    return out


def _free_part(line: list[Item], x0: float, x1: float) -> tuple[float, float]:
    """The widest stretch of [x0, x1] that no item of ``line`` covers."""
    best, left = (x0, x0), x0
    for it in sorted((i for i in line if i.x1 > x0 and i.x0 < x1), key=lambda i: i.x0):
        if it.x0 - left > best[1] - best[0]:
            best = (left, it.x0)
        left = max(left, it.x1)
    if x1 - left > best[1] - best[0]:
        best = (left, x1)
    return best


def _gutter_band(lines: list[list[Item]], start: int, size: float) -> tuple[int, float, float] | None:
    """(end, x0, x1) of the band of lines from ``start`` sharing an empty strip, or None."""
    for g0, g1 in sorted(_gaps(lines[start], 0.9 * size), key=lambda g: g[0] - g[1]):
        x0, x1, end, both = g0, g1, start, 0
        for line in lines[start:]:
            a, b = _free_part(line, x0, x1)  # what of the strip this line leaves empty
            if b - a < 0.9 * size:
                break
            x0, x1, end = a, b, end + 1
            both += any(it.x1 <= x0 for it in line) and any(it.x0 >= x1 for it in line)
        if both and _relation_column(lines[start:end], x0, x1, size):
            continue
        if both >= 2 or (both == 1 and g1 - g0 >= 2.5 * size):
            return end, x0, x1
    return None


def _relation_column(lines: list[list[Item]], x0: float, x1: float, size: float) -> bool:
    """Whether the strip is beside an ``eqnarray``'s relation column: on every line with text on both
    sides, the glyph next to the strip is a relation standing apart (``\\arraycolsep`` on both of its
    sides). eqnarray sets ``=`` a column of its own, two \\arraycolsep (10 pt) from either side, so
    its rows share an empty strip; cut along it, no row had a right-hand side (the chains were lost).
    A right-hand column that starts with a continuation ``= ...`` has the usual thin relation space."""
    seen = False
    for line in lines:
        left = [it for it in line if it.x1 <= x0]
        right = [it for it in line if it.x0 >= x1]
        if not left or not right:
            continue
        seen = True
        last, first = max(left, key=lambda i: i.x1), min(right, key=lambda i: i.x0)
        after = [it.x0 for it in right if it is not first and it.x0 >= first.x1 - 0.1]
        before = [it.x1 for it in left if it is not last and it.x1 <= last.x0 + 0.1]
        apart_right = first.cls == "rel" and (not after or min(after) - first.x1 >= 0.5 * size)
        apart_left = last.cls == "rel" and (not before or last.x0 - max(before) >= 0.5 * size)
        if not (apart_right or apart_left):
            return False
    return seen
