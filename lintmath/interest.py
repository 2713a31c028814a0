"""The theory of interest's letters: a discount factor v, a rate of discount d, a force of interest
\\delta and the nominal rates i^{(m)}, d^{(m)}, each a function of the effective rate i. Actuarial notes
use them as such without restating it (``i - d = id``, ``i^{(m)} - d^{(m)} = i^{(m)}d^{(m)}/m``), so a
step that fails with them as free letters may hold in this reading; it only keeps such a step from
being refuted (see conventions.py), since the same letters are a velocity or a differential elsewhere."""
from __future__ import annotations

from dataclasses import replace

from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

#: each plain letter's value in terms of i
_PLAIN = {"v": r"\frac{1}{1+i}", "d": r"\frac{i}{1+i}", "\\delta": r"\ln(1+i)"}
#: each nominal rate's value in terms of i and its frequency m (written {m})
_NOMINAL = {"i": r"{m}\left((1+i)^{1/{m}} - 1\right)", "d": r"{m}\left(1 - (1+i)^{-1/{m}}\right)"}


def _nominal_frequency(node: n.Sym) -> n.Node | None:
    """The m of i^{(m)} or d^{(m)} (a label in brackets over one index, as the parser reads it)."""
    if node.labels == ("()",) and len(node.indices) == 1 and not node.style and not node.primes \
            and node.sup_letter is None and isinstance(node.indices[0], (n.Num, n.Sym)) \
            and not getattr(node.indices[0], "indices", ()):
        return node.indices[0]
    return None


def interest_letters(tree: n.Node) -> set[str]:
    """The interest letters ``tree`` writes besides i: v, d, \\delta, and i^{(m)}, d^{(m)} as i() and d()."""
    found = set()
    for x in tree.walk():
        if not isinstance(x, n.Sym):
            continue
        if x.base in _PLAIN and not (x.indices or x.labels or x.primes or x.style or x.sup_letter):
            found.add(x.base)
        elif x.base in _NOMINAL and _nominal_frequency(x) is not None:
            found.add(x.base + "()")
    return found


def _value(text: str, start: int, end: int) -> n.Node | None:
    """The value ``text`` parsed, every node of it at the span of the letter it stands for (so that a
    message points at what the author wrote)."""
    try:
        tree = parse_math(text)
    except (ParseFailure, RecursionError):
        return None
    return n.Paren(start, end, n.map_nodes(tree, lambda x: replace(x, start=start, end=end)))


def as_functions_of_i(tree: n.Node) -> n.Node:
    """``tree`` with v, d, \\delta, i^{(m)} and d^{(m)} written as their values in terms of i."""
    def visit(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Sym):
            return None
        if node.base in _PLAIN and not (node.indices or node.labels or node.primes or node.style or node.sup_letter):
            return _value(_PLAIN[node.base], node.start, node.end)
        frequency = _nominal_frequency(node) if node.base in _NOMINAL else None
        if frequency is not None:
            m = frequency.value if isinstance(frequency, n.Num) else frequency.base  # type: ignore[union-attr]
            return _value(_NOMINAL[node.base].replace("{m}", "{" + m + "}"), node.start, node.end)
        return None
    return n.rebuild(tree, visit)
