"""Open series: a sum that ends in ``+ \\cdots`` with no last term (``e^A = I + A + \\frac12 A^2 + \\cdots``).

The parser refuses such a sum (the pattern has no end to count to). Two readings may still confirm a
step, never refute one, since the rest of the series is only implied:

* term by term: both sides are open series of the same length, standing where the step is linear in
  them (``k(a_0 b_0 + a_1 b_1 + \\cdots) + \\ell(a_0 c_0 + \\cdots)``); the step holds when the parts
  outside the series agree and, for every written index, the terms at that index do;
* a known series: the written terms (three or more) are those of exp, the geometric series,
  ``\\ln(1+x)``, ``\\sin``, ``\\cos`` or ``\\arctan``, so the series is read as that function of its
  term ``X`` (or of ``-X``, where that term is written with a minus: ``1 - x + x^2 - \\cdots``).
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Callable, Mapping

from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

OPEN_ELLIPSIS = "an ellipsis (\\cdots) without terms on both sides"
READ_AS_SERIES = "read with its open series term by term, or as the function whose series it writes"
# a sign, the dots, then the end of a bracket, a cell, a row or the side: nothing written after them
_TRAILING = re.compile(r"([+-])\s*(?:\\[lc]?dots[bc]?|\\ldotp|\.\.\.)\s*"
                       r"(?=\\right\s*[)\]]|[)\]&]|\\}|\\\\|\\end\b|$)")
_MARK = "\\Xi"  # a name the step must not use: it stands for the rest of each series
MAX_COMPARISONS = 16  # term checks and readings per step: the step has this many terms at most anyway

Decide = Callable[[n.Node, n.Node], bool]


def open_series_holds(lhs: str, rhs: str, macros: Mapping[str, Macro], decide: Decide) -> bool:
    """Whether ``lhs = rhs`` holds under one of the readings above; ``decide(a, b)`` says whether two
    trees are equal (the checker's own comparison)."""
    if _MARK in lhs or _MARK in rhs:
        return False
    sides = []
    for text in (lhs, rhs):
        marked, count = _marked(text, len(sides) * 50)
        try:
            sides.append(parse_math(marked, macros) if count else parse_math(text, macros))
        except (ParseFailure, RecursionError):
            return False
    sides = [_as_products(tree) for tree in sides]
    series = [_series(tree) for tree in sides]
    if series[0] is None or series[1] is None or not (series[0] or series[1]):
        return False
    if not all(_linear(tree, {id(s) for s in found}) for tree, found in zip(sides, series)):
        return False
    budget = [MAX_COMPARISONS]

    def equal(a: n.Node, b: n.Node) -> bool:
        budget[0] -= 1
        return budget[0] >= 0 and decide(a, b)

    if series[0] and series[1] and _term_by_term(sides, series, equal):
        return True
    return _known_series(sides, series, equal)


def _marked(text: str, first: int) -> tuple[str, int]:
    """``text`` with each trailing ``+ \\cdots`` written ``+ \\Xi_{k}``, one k per series."""
    count = 0

    def mark(match: re.Match) -> str:
        nonlocal count
        count += 1
        return f"{match.group(1)} {_MARK}_{{{first + count}}} "
    return _TRAILING.sub(mark, text), count


def _as_products(tree: n.Node) -> n.Node:
    """``k(a_0 + a_1 + \\cdots)``, ``P(I + D + \\cdots)``: an application that may be a product is one,
    where its argument is a series (a function applied to a series would not be linear in it)."""
    def product(x: n.Node) -> n.Node | None:
        if isinstance(x, n.Apply) and x.maybe_product and len(x.args) == 1 and x.given < 0 and x.params < 0 \
                and not x.primes and x.bracket == "(" and _has_mark(x.args[0]):
            arg = _as_products(x.args[0])
            return n.Mul(x.start, x.end, (x.func, n.Paren(arg.start, arg.end, arg)), False, ("",))
        return None
    return n.rebuild(tree, product)


def _is_mark(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base == _MARK


def _series(tree: n.Node) -> list[n.Add] | None:
    """The sums that end in a mark (the open series), or None when a mark stands anywhere else."""
    found = [x for x in tree.walk() if isinstance(x, n.Add) and x.terms and _is_mark(x.terms[-1].node)]
    marks = sum(_is_mark(x) for x in tree.walk())
    if marks != len(found) or any(len(s.terms) < 3 or any(_has_mark(t.node) for t in s.terms[:-1]) for s in found):
        return None
    return found


def _has_mark(node: n.Node) -> bool:
    return any(_is_mark(x) for x in node.walk())


def _linear(node: n.Node, series: set[int]) -> bool:
    """Whether every series stands where the side is linear in it: in sums, in one factor of a product,
    in a numerator, in brackets or in the entries of a matrix."""
    if id(node) in series or not _has_mark(node):
        return True
    if isinstance(node, n.Add):
        return all(_linear(t.node, series) for t in node.terms)
    if isinstance(node, n.Mul):
        marked = [f for f in node.factors if _has_mark(f)]
        return len(marked) == 1 and _linear(marked[0], series)
    if isinstance(node, n.Div):
        return not _has_mark(node.den) and _linear(node.num, series)
    if isinstance(node, n.Paren) and node.delim in ("(", "["):
        return _linear(node.inner, series)
    if isinstance(node, n.MatrixLit):
        return all(_linear(x, series) for row in node.rows for x in row)
    return False


def _put(tree: n.Node, values: Mapping[int, n.Node]) -> n.Node:
    return n.rebuild(tree, lambda x: values.get(id(x)))


def _term(term: n.Term) -> n.Node:
    """A written term with its sign, in brackets."""
    return n.Paren(term.start, term.end, n.Add(term.start, term.end, (replace(term, sign_start=-1),)))


def _zero(at: n.Node) -> n.Node:
    return n.Num(at.start, at.end, "0")


def _term_by_term(sides: list[n.Node], series: list[list[n.Add]], equal: Decide) -> bool:
    everything = [s for found in series for s in found]
    lengths = {len(s.terms) - 1 for s in everything}
    if len(lengths) != 1:
        return False
    length = lengths.pop()
    if not equal(*(_put(tree, {id(s): _zero(s) for s in everything}) for tree in sides)):
        return False
    return all(equal(*(_put(tree, {id(s): _term(s.terms[k]) for s in everything}) for tree in sides))
               for k in range(length))


# -- known series ------------------------------------------------------------------------------------
def _identity(node: n.Node) -> bool:
    """``1`` or the identity matrix ``I`` (plain, bold or blackboard)."""
    return isinstance(node, n.Num) and node.value == "1" or isinstance(node, n.Sym) and node.base == "I" \
        and not node.indices and node.style in ("", "bf", "bb", "rm") and not node.labels and not node.primes


def _power(x: n.Node, k: int, coefficient: tuple[int, int]) -> n.Node:
    """``±x^k / d`` as a tree, for ``coefficient`` (±1, d)."""
    at = (x.start, x.end)
    base = n.Paren(*at, x)
    body: n.Node = base if k == 1 else n.Pow(*at, base, n.Num(*at, str(k)))
    if coefficient[1] != 1:
        body = n.Div(*at, body, n.Num(*at, str(coefficient[1])))
    return n.Add(*at, (n.Term(*at, "-" if coefficient[0] < 0 else "+", body),))


# each series: where X is written (the term at that index), the term at index k as (power, (sign, d)),
# and the closed form's function
_KNOWN = (
    ("exp", 1, lambda k: (k, (1, math.factorial(k)))),
    ("geometric", 1, lambda k: (k, (1, 1))),
    ("log", 0, lambda k: (k + 1, ((-1) ** k, k + 1))),
    ("sin", 0, lambda k: (2 * k + 1, ((-1) ** k, math.factorial(2 * k + 1)))),
    ("atan", 0, lambda k: (2 * k + 1, ((-1) ** k, 2 * k + 1))),
)


def _cosine(k: int) -> tuple[int, tuple[int, int]]:
    """The term at index k of cos X = 1 - X^2/2 + X^4/24 - ..., whose X the second term shows (the
    square it writes over 2 or 2!), as the entries of _KNOWN give theirs."""
    return 2 * k, ((-1) ** k, math.factorial(2 * k))


def _closed_form(name: str, x: n.Node) -> n.Node:
    at = (x.start, x.end)
    arg = n.Paren(*at, x)
    if name == "exp":
        return n.Func(*at, "exp", (arg,))
    if name == "geometric":
        one_minus = n.Add(*at, (n.Term(*at, "+", n.Num(*at, "1")), n.Term(*at, "-", arg)))
        return n.Div(*at, n.Num(*at, "1"), n.Paren(*at, one_minus))
    if name in ("atan", "cos"):
        return n.Func(*at, name, (arg,))
    if name == "log":
        one_plus = n.Add(*at, (n.Term(*at, "+", n.Num(*at, "1")), n.Term(*at, "+", arg)))
        return n.Func(*at, "log", (n.Paren(*at, one_plus),))
    return n.Func(*at, "sin", (arg,))


def _negated(node: n.Node) -> n.Node:
    """``-x`` in brackets: the term of a series written with its sign (1 - x + x^2 - ... in -x)."""
    return n.Paren(node.start, node.end, n.Add(node.start, node.end, (n.Term(node.start, node.end, "-", node),)))


def _square_over_two(term: n.Term) -> n.Node | None:
    """X in ``-\\frac{X^2}{2}`` or ``-\\frac{X^2}{2!}``, the second term of cos X; None otherwise."""
    node = term.node
    if term.sign != "-" or not isinstance(node, n.Div) or not isinstance(node.num, n.Pow):
        return None
    den = node.den.inner if isinstance(node.den, n.Factorial) else node.den
    if not (isinstance(den, n.Num) and den.value == "2" and isinstance(node.num.exp, n.Num)
            and node.num.exp.value == "2"):
        return None
    return node.num.base


#: the series that diverge where their X, a number, is this large or more (1 + 2 + 4 + \\cdots has no sum,
#: though 1/(1 - 2) is -1); log and atan still converge at 1 (1 - 1/2 + 1/3 - \\cdots = \\ln 2)
_RADIUS = {"geometric": (1.0, True), "log": (1.0, False), "atan": (1.0, False)}


def _number(node: n.Node) -> float | None:
    """The value of a number written with digits, brackets, signs, products, quotients and powers
    (``\\frac{1+g}{1+r}`` is None: it has letters); None where it is not one such."""
    try:
        if isinstance(node, n.Num):
            return float(node.value)
        if isinstance(node, n.Paren) and node.delim in ("(", "["):
            return _number(node.inner)
        if isinstance(node, n.Add):
            values = [_number(t.node) for t in node.terms]
            return None if None in values else sum(-v if t.sign == "-" else v for t, v in zip(node.terms, values))
        if isinstance(node, n.Mul) and all(op in ("", "\\cdot", "\\times") for op in node.ops):
            values = [_number(f) for f in node.factors]
            return None if None in values else math.prod(values)
        if isinstance(node, n.Div):
            num, den = _number(node.num), _number(node.den)
            return None if num is None or not den else num / den
        if isinstance(node, n.Pow):
            base, exp = _number(node.base), _number(node.exp)
            return None if base is None or exp is None else float(base ** exp)
    except (ArithmeticError, TypeError, ValueError):
        return None
    return None


def _diverges(name: str, x: n.Node) -> bool:
    """Whether the series ``name`` diverges at ``x``, a number written out."""
    if name not in _RADIUS:
        return False
    value = _number(x)
    radius, closed = _RADIUS[name]
    return value is not None and (abs(value) >= radius if closed else abs(value) > radius)


def _recognised(series: n.Add, equal: Decide) -> n.Node | None:
    terms = series.terms[:-1]
    if len(terms) < 3:
        return None
    for name, where, term in _KNOWN:
        if where == 1 and not (_identity(terms[0].node) and terms[0].sign == "+"):
            scaled = _scaled(terms, name, term, equal)
            if scaled is not None:
                return scaled
            continue
        x = terms[where].node if terms[where].sign == "+" else _negated(terms[where].node)
        rest = [(k, t) for k, t in enumerate(terms) if k > where]
        if _diverges(name, x) or not all(equal(_term(t), _power(x, *term(k))) for k, t in rest):
            continue
        return _closed_form(name, x)
    x = _square_over_two(terms[1])
    if x is not None and _identity(terms[0].node) and terms[0].sign == "+" \
            and all(equal(_term(t), _power(x, *_cosine(k))) for k, t in enumerate(terms) if k > 1):
        return _closed_form("cos", x)
    return None


def _scaled(terms: tuple[n.Term, ...], name: str, term: Callable[[int], tuple[int, tuple[int, int]]],
            equal: Decide) -> n.Node | None:
    """The closed form of a series that starts at index 0 with a first term ``a`` other than 1, each term
    ``a`` times that of the series with X the ratio of the first two (``w + \\beta w + \\beta^2 w + \\cdots``,
    the present value of a wage, is ``w`` times the geometric series of \\beta); None when it is not so."""
    first = terms[0].node if terms[0].sign == "+" else _negated(terms[0].node)
    at = (first.start, first.end)
    second = terms[1].node if terms[1].sign == "+" else _negated(terms[1].node)
    x = n.Div(*at, n.Paren(*at, second), n.Paren(*at, first))
    if _diverges(name, x):
        return None

    def times_first(node: n.Node) -> n.Node:
        return n.Mul(*at, (n.Paren(*at, first), n.Paren(*at, node)), False, ("",))
    if not all(equal(_term(t), times_first(_power(x, *term(k)))) for k, t in enumerate(terms) if k > 1):
        return None
    return times_first(_closed_form(name, x))


def _known_series(sides: list[n.Node], series: list[list[n.Add]], equal: Decide) -> bool:
    closed = {}
    for s in (s for found in series for s in found):
        form = _recognised(s, equal)
        if form is None:
            return False
        closed[id(s)] = form
    return equal(*(_put(tree, closed) for tree in sides))
