"""Truncated expansions with an order term: ``e^h = 1 + h + \\frac{h^2}{2} + O(h^3)``, a difference
quotient ``\\frac{f(x+h) - f(x)}{h} = f'(x) + \\frac{h}{2} f''(x) + \\mathcal{O}(h^2)``.

Read as functions, such steps cannot be compared (conventions.ORDER_TERM); read as Taylor
expansions they say that the two sides without their order terms differ by a function of h that
vanishes like h^k as h -> 0. That is decided here from the series in h of that difference, and it
only ever verifies: a statement that fails as h -> 0 may be meant for h -> oo (the cost of an
algorithm, O(n^2)), and an asymptotic claim has no point where it fails, so no error is reported.

The limit point is taken to be 0 only where the side with the order term writes its expansion as
a polynomial in h of degree below k (a truncated Taylor series: the order term is the smallest
one written); ``n^2 + O(n)`` (largest term first, n -> oo) is left alone, and so are letters that
count (n, m, N), which tend to infinity in every field that writes them in an order term.
"""
from __future__ import annotations

import random
import re
from dataclasses import replace
from typing import Mapping, Sequence

import mpmath
import sympy as sp

from lintmath.lower import Instance, Lowerer
from lintmath.model import Macro, Status, Verdict
from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure
from lintmath.sides import parse_step, reclassified
from lintmath.substitute import Definition, substitute

TAYLOR_ORDER = "the two sides, without the order term, differ by terms of that order as the step size tends to 0"

_LANDAU_STYLES = frozenset({"", "cal", "scr", "rm", "op"})
# letters that count (sizes, iterations) tend to infinity where an order term names them
_COUNTING = frozenset({"n", "m", "N", "M"})
_MAX_ORDER = 8
_DIGITS = 60  # the working digits of the Taylor coefficients' numerical differences (50 and a margin)
_NUMBERED_DERIVATIVE = re.compile(r"(?<![\\A-Za-z])([A-Za-z])\^\{?\(([1-8])\)\}?(?=\s*(?:\\left)?\()")

#: the cheap test before any parsing: an O (or \mathcal{O}, or a macro ending in O) before a bracket
_ORDER_TEXT = re.compile(r"O\}?\s*(?:\\left|\\big|\\Big)?\s*\(")


def writes_order_term(text: str) -> bool:
    """Whether ``text`` may apply an order symbol, O(h^2) or \\mathcal{O}(h^2), as a quick test."""
    return _ORDER_TEXT.search(text) is not None


def _primed(match: re.Match) -> str:
    return match.group(1) + "'" * int(match.group(2))


def _order_term(node: n.Node) -> tuple[str, int] | None:
    """``O(h^k)`` (plain, calligraphic or upright O, k a whole number from 1): the letter and k."""
    if not (isinstance(node, n.Apply) and isinstance(node.func, n.Sym) and node.func.base == "O"
            and node.func.style in _LANDAU_STYLES and not node.func.indices and not node.func.primes
            and len(node.args) == 1):
        return None
    arg = node.args[0]
    while isinstance(arg, n.Paren):
        arg = arg.inner
    exponent = 1
    if isinstance(arg, n.Pow) and isinstance(arg.exp, n.Num) and arg.exp.value.isdigit():
        arg, exponent = arg.base, int(arg.exp.value)
    if not (isinstance(arg, n.Sym) and not arg.indices and not arg.primes and not arg.style
            and arg.sup_letter is None) or not 1 <= exponent <= _MAX_ORDER:
        return None
    return arg.base, exponent


def _without_order_terms(side: n.Node) -> tuple[n.Node, list[tuple[str, int]]]:
    """The side without the order terms added to it at its top, and those terms."""
    found = _order_term(side)
    if found is not None:
        return n.Num(start=side.start, end=side.end, value="0"), [found]
    if not isinstance(side, n.Add):
        return side, []
    kept, orders = [], []
    for term in side.terms:
        found = _order_term(term.node)
        if found is None:
            kept.append(term)
        else:
            orders.append(found)
    if not orders:
        return side, []
    if not kept:
        return n.Num(start=side.start, end=side.end, value="0"), orders
    return replace(side, terms=tuple(kept)), orders


def _differentiated_functions(*trees: n.Node) -> frozenset:
    """The readings that apply, as a function, a letter the step also differentiates with primes: u(s+h)
    beside u'(s) is u at s + h, which the default reading of u(...) may take for a product."""
    applied = [x for t in trees for x in t.walk() if isinstance(x, n.Apply) and isinstance(x.func, n.Sym)]
    primed = {x.func.key for x in applied if x.primes or x.func.primes}
    return frozenset(("apply", x.func.key) for x in applied
                     if x.func.key in primed and x.prefer_product and not x.primes and not x.func.primes)


def _moving_products(lowerer: Lowerer, letter: str, *trees: n.Node) -> bool:
    """Whether a letter before a bracket that moves with the step ``letter`` is read as a product: g(x + h)
    beside an order term in h is as likely g at x + h (g(x+h) - g(x) = hg + O(h^2) holds of the product
    only), which the step does not say."""
    return any(isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base not in (letter, "e", "\\pi")
               and any(isinstance(y, n.Sym) and y.base == letter for a in x.args for y in a.walk())
               and lowerer.apply_is_product(x) for t in trees for x in t.walk())


def _mentions_order_symbol(tree: n.Node) -> bool:
    return any(isinstance(x, n.Sym) and x.base == "O" for x in tree.walk())


def verified_expansion(lhs: str, rhs: str, macros: Mapping[str, Macro] | None, seed: int = 0,
                       definitions: Sequence[Definition] = ()) -> Verdict | None:
    """A verified verdict where ``lhs = rhs`` is a correct truncated expansion about 0 (see the module
    docstring), None where that is not shown (never a refutation). ``definitions``: those in force, whose
    names are written out first ((\\gamma - 1)mc^2 = \\frac12 mc^2\\beta^2 + O(\\beta^4) under
    \\gamma = (1 - \\beta^2)^{-1/2})."""
    # f^{(4)}(x) beside an order term is the fourth derivative (Taylor's remainder), not a label
    lhs, rhs = _NUMBERED_DERIVATIVE.sub(_primed, lhs), _NUMBERED_DERIVATIVE.sub(_primed, rhs)
    try:
        parsed = parse_step(lhs, rhs, macros or {})
    except (ParseFailure, RecursionError, ValueError):
        return None
    left, left_orders = _without_order_terms(parsed.lhs)
    right, right_orders = _without_order_terms(parsed.rhs)
    orders = left_orders + right_orders
    letters = {letter for letter, _ in orders}
    if not orders or len(letters) != 1 or _mentions_order_symbol(left) or _mentions_order_symbol(right):
        return None
    (letter,) = letters
    if letter in _COUNTING:
        return None
    if definitions:
        try:
            left, used_left = substitute(left, list(definitions))
            right, used_right = substitute(right, list(definitions))
        except (ParseFailure, RecursionError):
            return None
        if (used_left or used_right) and (_mentions_order_symbol(left) or _mentions_order_symbol(right)):
            return None
        parsed = reclassified(parsed, left, right) if used_left or used_right else parsed
    if not right_orders or (left_orders and min(k for _, k in left_orders) < min(k for _, k in right_orders)):
        # h + O(h^2) = h + O(h^3), or a class on the left only: a class is not within the one on the right
        return None
    order = min(k for _, k in right_orders)
    try:
        lowerer = Lowerer(Instance(3, {}, {}, flips=_differentiated_functions(parsed.lhs, parsed.rhs)), parsed.letters)
        values = (lowerer.lower(left), lowerer.lower(right))
    except Exception:  # a side the default reading cannot build: not decided here
        return None
    if _moving_products(lowerer, letter, left, right):
        return None
    h = next((s for s in values[0].free_symbols | values[1].free_symbols if s.name == letter), None)
    if h is None:
        return None
    # the expansion written beside an order term must be a polynomial in h below that term's order;
    # only beside a class on the left may the right be a class alone (\frac{h^2}{2} f'' + O(h^3) = O(h^2))
    for at, (side, side_orders) in enumerate(((values[0], left_orders), (values[1], right_orders))):
        if not side_orders:
            continue
        if side == 0 and at == 1 and left_orders:
            continue
        poly = sp.Poly(sp.expand(side), h) if side != 0 else None
        if poly is None or poly.degree() >= min(k for _, k in side_orders) \
                or any(c.has(h) for c in poly.coeffs()):
            return None
    difference = values[0] - values[1]
    others = sorted(difference.free_symbols - {h}, key=lambda s: s.name)
    rng = random.Random(seed)
    for _ in range(2):
        point = {s: sp.Rational(rng.randint(11, 29), rng.randint(7, 13)) for s in others}
        if not _vanishes_to_order(difference.subs(point), h, order):
            return None
    return Verdict(Status.VERIFIED, TAYLOR_ORDER)


def _vanishes_to_order(difference: sp.Expr, h: sp.Symbol, order: int) -> bool:
    """Whether ``difference``, a function of h alone, is O(h^order) as h -> 0: its Taylor
    coefficients below that order vanish. A difference quotient divides by a power of h, which is
    multiplied out first (the coefficients are those of an analytic function then); they are found
    numerically at high precision, which the series of the stand-ins for f would take seconds to give."""
    for shift in range(order + 3):
        # a quotient over h^s is a product with h^-s: multiplied out, term by term
        shifted = sp.expand(h ** shift * difference, deep=False, mul=True, multinomial=False,
                            power_exp=False, power_base=False, log=False)
        try:
            at_zero = shifted.subs(h, 0)
        except Exception:
            return False
        if at_zero.is_number and at_zero.is_finite and not at_zero.has(sp.nan, sp.zoo):
            break
    else:
        return False

    def function(t):
        # SymPy's own evaluation at mpmath's points (no generated code: a document is never run as Python)
        digits = max(_DIGITS, mpmath.mp.dps)  # (mpmath's differences raise the working precision)
        value = shifted.evalf(digits, subs={h: sp.Float(t, digits)})
        real, imaginary = value.as_real_imag()
        if not (real.is_Number and imaginary.is_Number):
            raise ValueError("not a number")
        return mpmath.mpc(str(real), str(imaginary)) if imaginary else mpmath.mpf(str(real))
    try:
        with mpmath.workdps(50):
            coefficients = mpmath.taylor(function, 0, order + shift - 1)
    except Exception:  # a value that mpmath cannot take (a piecewise, a special function): not decided
        return False
    return all(abs(mpmath.mpmathify(c)) < mpmath.mpf(10) ** -25 for c in coefficients)
