"""Reynolds averaging, as the prose states it.

``Write $u = \\bar u + u'$``, ``the Reynolds decomposition``, ``$\\overline{u'} = 0$``: a passage that splits
its fields into a mean and a fluctuation, where a bar over an expression (``\\overline{u + v}``,
``\\overline{(u - \\bar u)(T - \\bar T)}``) is an average, not a complex conjugate. A step that writes a
fluctuation says so itself (see sides.reynolds_sides); one that writes none is read so only under such a
statement (see check._as_reynolds_averages), and only to verify. This module knows nothing of SymPy.
"""
from __future__ import annotations

import re

from lintmath.independence import prose_sentences
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

KIND = "reynolds"  # the kind of a ContextItem that states a Reynolds decomposition (lhs: the fields' keys)
REACH = 80  # a section's derivations, as declared.REACH

_KEYWORD = re.compile(r"\bReynolds[- ](?:decomposition|averag|stress|mean)", re.IGNORECASE)
_INLINE = re.compile(r"(?<![\\$])\$([^$]+)\$(?!\$)|\\\((.+?)\\\)")
# the key of the statement a passage makes in words only, naming no field
ANY_FIELD = "*"


def decomposed_field(math: str) -> str | None:
    """The key of the field ``math`` splits, ``u = \\bar u + u'`` (or ``\\overline{u} + u'``, indexed alike,
    the terms in either order); None for anything else."""
    if math.count("=") != 1:
        return None
    lhs, rhs = (side.strip().rstrip(".,;") for side in math.split("="))
    try:
        field, parts = parse_math(lhs), parse_math(rhs)
    except (ParseFailure, RecursionError):
        return None
    if not isinstance(field, n.Sym) or field.style or field.primes or not isinstance(parts, n.Add) \
            or len(parts.terms) != 2 or any(t.sign != "+" for t in parts.terms):
        return None
    terms = [t.node for t in parts.terms]
    if not all(isinstance(t, n.Sym) and t.base == field.base for t in terms):
        return None
    plain = n.structure(field)

    def as_field(sym: n.Sym) -> object:
        return n.structure(n.Sym(field.start, field.end, sym.base, "", sym.indices))
    mean = [t for t in terms if t.style == "bar" and not t.primes and as_field(t) == plain]
    fluctuation = [t for t in terms if not t.style and t.primes == 1 and as_field(t) == plain]
    return field.key if mean and fluctuation else None


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that states a Reynolds
    decomposition: the fields it splits (ANY_FIELD for one in words only)."""
    out = []
    for line, sentence in prose_sentences(lines):
        keys = {key for match in _INLINE.finditer(sentence)
                if (key := decomposed_field(match.group(1) or match.group(2))) is not None}
        if not keys and _KEYWORD.search(sentence):
            keys = {ANY_FIELD}
        if keys:
            out.append((line, frozenset(keys), sentence.lstrip()[:1].islower()))
    return out
