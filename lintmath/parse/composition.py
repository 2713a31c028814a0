"""Function composition, ``f \\circ g``.

Applied to an argument, ``(f \\circ g)(x)`` and ``(g \\circ f)(2)`` are written out as the applications
they stand for, ``f(g(x))``, while parsing; so are ``f \\circ g(x)`` and the derivative
``(f \\circ g)'(x)``, which is ``\\frac{d}{dx} f(g(x))``. The rest of the checker then reads them as
it reads any undefined function (fixed random stand-ins) or the function a definition gives.

Without an argument (``(f\\circ g)' = (f'\\circ g)\\cdot g'``, ``f \\circ f^{-1} = \\mathrm{id}``) a
composition is a function: it is kept as an unread node (see COMPOSED) holding its parts, which
primed.py writes out at the step's one variable, as it does a prime without a variable.

Between vectors or matrices the same sign is the Hadamard product. A composition is read only where its
parts are plainly functions: applied to an argument, each part a plain lower-case letter (Latin or Greek),
a known function (``\\sin``) or the identity; without an argument, only the letters calculus notes name
functions by (f, g, h), also primed (``f'``) or inverted (``f^{-1}``), known functions and the identity,
none of them with an index (``f_t \\circ c_{t-1}`` multiplies an LSTM's gate vectors).
Anything else stays unread, as it was.
"""
from __future__ import annotations

from dataclasses import replace

from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure
from lintmath.parse.vocabulary import GREEK

# the Unsupported.what of a composition without an argument whose parts are all plainly functions (read
# by primed.py), and of one whose letters may be vectors (a Hadamard product: never read)
COMPOSED = "compositions without an argument"
LOOSE = "compositions of letters that may be vectors"
UNREAD = "composition are not decided yet (\\circ)"
# the style of a part that is a known function (\sin in \sin \circ f), named as FUNCTIONS maps it
FUNCTION_STYLE = "fn"
# the letters calculus notes name functions by, which no one writes a Hadamard product of
_FUNCTION_NAMES = frozenset({"f", "g", "h"})
# the styles \mathrm{id} and \operatorname{id} parse with
_IDENTITY_STYLES = ("op", "rm")


def is_identity(node: n.Node) -> bool:
    """``\\mathrm{id}``, ``\\operatorname{Id}``: the identity function."""
    return isinstance(node, n.Sym) and node.base in ("id", "Id") and node.style in _IDENTITY_STYLES \
        and not (node.indices or node.labels or node.primes or node.sup_letter is not None)


def inverse_of(node: n.Node) -> n.Sym | None:
    """The letter of ``f^{-1}``, else None."""
    if not isinstance(node, n.Pow) or not isinstance(node.base, n.Sym):
        return None
    exp = node.exp
    if isinstance(exp, n.Add) and len(exp.terms) == 1 and exp.terms[0].sign == "-":
        exp = exp.terms[0].node
        return node.base if isinstance(exp, n.Num) and exp.value == "1" else None
    return node.base if isinstance(exp, n.Num) and exp.value == "-1" else None


def _letter(node: n.Node) -> bool:
    """A plain lower-case letter, Latin or Greek, maybe indexed or primed (f, g_1, \\phi, f')."""
    if not isinstance(node, n.Sym) or node.style or node.labels or node.sup_letter is not None:
        return False
    base = node.base
    if len(base) == 1:
        return "a" <= base <= "z"
    return base.startswith("\\") and base[1:] in GREEK and base[1].islower()


def is_part(node: n.Node, applied: bool) -> bool:
    """Whether ``node`` may be a part of a composition: one ``applied`` to an argument, where any
    plain lower-case letter is a function, or one without, where only those plainly named as
    functions are (see the module's docstring)."""
    if is_identity(node) or isinstance(node, n.Sym) and node.style == FUNCTION_STYLE:
        return True
    inverse = inverse_of(node)
    if inverse is not None:
        return _letter(inverse) and not inverse.primes \
            and (applied or not inverse.indices and inverse.base in _FUNCTION_NAMES)
    if not _letter(node):
        return False
    # f_t \circ c_{t-1}: an LSTM's gates are vectors named f, g, h with a time index
    return applied or not node.indices and node.base in _FUNCTION_NAMES


def _application(node: n.Node) -> tuple[n.Node, ...] | None:
    """The arguments of the last part of ``f \\circ g(x)`` when it is a function applied, else None."""
    if isinstance(node, n.Apply) and _letter(node.func) and node.given < 0 and node.params < 0 \
            and node.bracket == "(":
        return node.args
    if isinstance(node, n.Func) and node.power is None and not node.inverse and not node.primes \
            and len(node.args) == 1 and not node.other_base:
        return node.args
    return None


def _head(node: n.Node) -> n.Node:
    """The function ``g(x)`` or ``\\sin x`` applies, as a part of a composition."""
    if isinstance(node, n.Apply):
        return replace(node.func, primes=node.primes, end=node.func.end)
    return n.Sym(node.start, node.start, node.name, FUNCTION_STYLE)


def compose(parts: list[n.Node]) -> n.Node:
    """The node for ``parts[0] \\circ parts[1] \\circ ...`` as written without brackets around it."""
    start, end = parts[0].start, parts[-1].end
    *outer, last = parts
    arguments = _application(last)
    if arguments is not None and all(is_part(p, applied=False) for p in outer):
        return applied((*outer, _head(last)), arguments, 0, start, end)  # f \circ g(x) = f(g(x))
    if all(is_part(p, applied=False) for p in parts):
        return n.Unsupported(start, end, COMPOSED, tuple(parts))
    if all(is_part(p, applied=True) for p in parts):
        # (\phi \circ \gamma)(t) is read once its argument is seen; unapplied, \phi may be a vector
        return n.Unsupported(start, end, LOOSE, tuple(parts))
    raise ParseFailure(UNREAD)


def cancelled(parts: tuple[n.Node, ...]) -> tuple[n.Node, ...]:
    """``parts`` without the identities and the pairs of a function beside its inverse
    (``f \\circ f^{-1}``), which compose to the identity."""
    out: list[n.Node] = []
    for part in parts:
        if is_identity(part):
            continue
        if out and _inverse_pair(out[-1], part):
            out.pop()
            continue
        out.append(part)
    return tuple(out)


def _inverse_pair(a: n.Node, b: n.Node) -> bool:
    for x, y in ((a, b), (b, a)):
        inverse = inverse_of(y)
        if inverse is not None and isinstance(x, n.Sym) and not x.primes \
                and n.structure(x) == n.structure(inverse) and x.style == inverse.style:
            return True
    return False


def apply_part(part: n.Node, args: tuple[n.Node, ...], start: int, end: int) -> n.Node:
    """``part`` (a letter, maybe primed, or a known function) applied to ``args``."""
    if isinstance(part, n.Sym) and part.style == FUNCTION_STYLE:
        if len(args) != 1:
            raise ParseFailure(f"{part.base} of several arguments")
        return n.Func(start, end, part.base, args)
    if not isinstance(part, n.Sym) or inverse_of(part) is not None:
        raise ParseFailure("the inverse of a function is not decided yet")
    return n.Apply(start, end, replace(part, primes=0), args, part.primes)


def _primed(part: n.Node) -> n.Node:
    """The derivative of ``part`` as a part: ``f'`` of ``f``."""
    if isinstance(part, n.Sym) and part.style != FUNCTION_STYLE:
        return replace(part, primes=part.primes + 1)
    raise ParseFailure("the derivative of a known function in a composition at a point is not decided yet")


def applied(parts: tuple[n.Node, ...], args: tuple[n.Node, ...], primes: int, start: int, end: int) -> n.Node:
    """The composition of ``parts`` applied to ``args`` as nested applications; with ``primes``, its
    derivative at a letter, the derivative by that letter."""
    parts = cancelled(parts)
    if any(inverse_of(p) is not None for p in parts):
        raise ParseFailure("the inverse of a function is not decided yet")
    if not parts:
        if len(args) != 1:
            raise ParseFailure("the identity of several arguments")
        value = args[0]
    else:
        value_args = args
        for part in reversed(parts):
            value = apply_part(part, value_args, part.start, end)
            value_args = (value,)
        value = replace(value, start=start)
    if not primes:
        return value
    point = args[0] if len(args) == 1 else None
    if point is not None and primes == 1 and parts and not isinstance(point, n.Sym):
        # (f \circ g)'(2): no letter to differentiate by, so the derivative is the product of the parts'
        # derivatives, each at the value of the parts after it (what (f \circ g)'(x) is at x = 2)
        factors, inner = [], (point,)
        for part in reversed(parts):
            factors.append(apply_part(_primed(part), inner, part.start, end))
            inner = (apply_part(part, inner, part.start, end),)
        return n.Mul(start, end, tuple(reversed(factors)), False, ("",) * (len(factors) - 1))
    if not isinstance(point, n.Sym) or point.primes or point.style:
        raise ParseFailure("a derivative of a composition at a point is not decided yet")
    # a copy for the variable: the walks that set a derivative's variable apart go by the node itself,
    # and the same letter inside the body is a quantity
    return n.Deriv(start, end, value, ((replace(point), primes),), partial=False)


def _pointwise_term(node: n.Node) -> bool:
    """A term of a combination of functions: a function letter (f, g, h, maybe primed), a product or
    quotient of them, or one of them times a coefficient (a number or another plain letter: c in cf)."""
    if isinstance(node, n.Paren) and node.delim == "(":
        return _pointwise(node.inner)
    if isinstance(node, n.Sym):
        return _function_letter(node)
    if isinstance(node, n.Mul):
        return all(_pointwise_term(f) or _coefficient(f) for f in node.factors) \
            and any(_pointwise_term(f) for f in node.factors)
    if isinstance(node, n.Div):
        return _pointwise_term(node.num) and (_pointwise_term(node.den) or _coefficient(node.den)) \
            or _coefficient(node.num) and _pointwise_term(node.den)
    return False


def _pointwise(node: n.Node) -> bool:
    if isinstance(node, n.Add):
        return all(_pointwise_term(t.node) for t in node.terms)
    return _pointwise_term(node)


def _function_letter(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base in _FUNCTION_NAMES and not (
        node.style or node.indices or node.labels or node.sup_letter is not None)


def _coefficient(node: n.Node) -> bool:
    return isinstance(node, n.Num) or _letter(node) and not node.primes and not node.indices \
        and node.base not in _FUNCTION_NAMES


def pointwise(inner: n.Node, argument: n.Node, end: int) -> n.Node | None:
    """``(f + g)(x)``, ``(fg)(x)``, ``(f/g)(x)``, ``(cf)(x)``: a sum, product or quotient of functions
    applied at one letter or number, read as the combination of their values there (f(x) + g(x),
    f(x)g(x), ...), else None. Only the letters calculus notes name functions by (f, g, h) are applied,
    every other letter is a coefficient; and the argument is a lone letter or number, so that the
    product reading of what this gives ((f + g)x = fx + gx) is the bracket's own wherever it is a sum
    (a product of brackets, (g + h)(x + y), stays one)."""
    if not (isinstance(argument, (n.Sym, n.Num)) and _pointwise(inner)):
        return None
    if isinstance(argument, n.Sym) and (argument.primes or _function_letter(argument)):
        return None

    def apply(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Sym) and _function_letter(node):
            return n.Apply(node.start, end, replace(node, primes=0), (argument,), node.primes, maybe_product=True)
        return None
    return n.rebuild(inner, apply)
