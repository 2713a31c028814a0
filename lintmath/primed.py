"""Primes without a written variable, as calculus notes write the product, quotient and chain rules:
``(fg)' = f'g + fg'``, ``(f/g)' = (f'g - fg')/g^2``, ``(e^{f})' = f'e^{f}``, ``x' = 1``.

In such a step the single letters that are primed, or that stand inside a primed group, are functions
of one implicit variable, and every prime is the derivative by it. The variable is ``x`` where the step
writes it (then ``x' = 1``), else another conventional variable the step writes and never primes
(``(t f)' = f + t f'``), else a letter of its own. The step is rewritten so that the rest of the checker
reads it as written out: ``f`` becomes ``f(x)``, ``f'`` becomes ``f'(x)`` and ``(fg)'`` becomes
``\\frac{d}{dx}(f(x)g(x))``.

A letter inside a primed group that is never primed itself may be a constant (``(cf)' = cf'`` is right
when c is): the step is read once with such letters functions (the reading that verifies) and once with
them constants (a step that holds so is no error). Primes are also names (``x'`` a new coordinate) and
transposes (``(y - b)'(y - b)`` in statistics): the reading is taken only where no capital, Greek or
styled letter is primed, and check.py refutes with it only where a primed group is written and the
primes do not hold as transposes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from lintmath.model import Macro
from lintmath.parse import composition, nodes as n
from lintmath.parse.tokens import ParseFailure

# the conventional variables after x, as lower.PRIME_VARIABLES has them (the Greek one is left out: a
# plain letter is what these steps write)
_OTHER_VARIABLES = ("t", "z", "s", "u", "y")
# the letter the variable gets where the step writes none of the conventional ones (any letter the
# step does not write: it only names the point of a refutation)
_FRESH = ("x", "t", "s", "u", "v", "w")


@dataclass(frozen=True)
class PrimeReading:
    variable: str  # the base of the implicit variable
    functions: frozenset[str]  # the letters read as functions of it
    unprimed: frozenset[str]  # those of them never primed themselves: maybe constants
    groups: bool  # whether the step primes an expression ((fg)'), not only letters
    compositions: bool = False  # whether the step composes functions without an argument (f \circ g)


def _plain_letter(node: n.Sym) -> bool:
    """A lower-case Latin letter without style, subscript or label: a calculus note's function name
    (a capital, a Greek or a bold letter with a prime is as often a transpose or a new name)."""
    return not (node.style or node.indices or node.labels or node.sup_letter is not None) \
        and len(node.base) == 1 and "a" <= node.base <= "z"


def _primed_group(node: n.Node) -> bool:
    return isinstance(node, n.Deriv) and node.primes > 0 and not node.wrt and not isinstance(node.body, n.Num)


def _composed(node: n.Node) -> bool:
    return isinstance(node, n.Unsupported) and node.what == composition.COMPOSED


def prime_reading(*trees: n.Node) -> PrimeReading | None:
    """The functions of one variable a step's primes say its letters are; None when the step writes no
    prime on a letter or an expression without a variable, nor a composition without an argument, or
    writes its derivatives otherwise too."""
    primed: set[str] = set()
    grouped: set[str] = set()
    written: set[str] = set()
    composed: set[str] = set()  # the letters of f \circ g: functions, never constants
    groups = False
    skipped_parts: set[int] = set()
    for tree in trees:
        inside: set[int] = set()
        for node in tree.walk():
            if _composed(node):
                # the parts are named by the composition, not quantities: their own walk is not needed
                parts = [x for x in node.walk() if isinstance(x, n.Sym)]
                composed.update(x.base for x in parts if x.style != composition.FUNCTION_STYLE
                                and not composition.is_identity(x))
                skipped_parts.update(id(x) for x in parts)
            if isinstance(node, (n.Differential, n.Grad, n.Del)) or isinstance(node, n.Deriv) and node.wrt:
                return None  # derivatives written with their variable: that notation is read as it is
            if isinstance(node, n.Apply) and (node.primes or node.func.primes):
                return None  # f'(x): the variable is written
            if isinstance(node, n.Integral) and isinstance(node.var, n.Sym) and node.var.primes:
                return None  # \int_0^t f(t')\,dt': the prime names a dummy variable, not a derivative
            if _primed_group(node):
                groups = True
                inside.update(id(x) for x in node.body.walk())
        skipped = n.non_quantities(tree)
        for node in tree.walk():
            if not isinstance(node, n.Sym) or id(node) in skipped or id(node) in skipped_parts \
                    or composition.is_identity(node):
                continue
            written.add(node.base)
            if node.primes:
                if not _plain_letter(node):
                    return None  # X', \beta', \mathbf{y}': transposes or names
                primed.add(node.base)
            elif id(node) in inside:
                if not _plain_letter(node):
                    return None  # (X\beta)': a transpose, or a letter this reading does not name
                grouped.add(node.base)
    if not primed and not groups and not composed:
        return None
    written |= composed
    if "x" in written:
        variable = "x"
    else:
        variable = next((v for v in _OTHER_VARIABLES if v in written and v not in primed | composed), None) \
            or next(v for v in _FRESH if v not in written)
    functions = (primed | grouped | composed) - {variable}
    if not functions and variable not in primed:
        return None  # (x^2)': the variable alone, which the lowering reads already
    applied = {node.func.base for tree in trees for node in tree.walk() if isinstance(node, n.Apply)}
    if functions & applied:
        return None  # f' beside f(g(x)): the step names its arguments somewhere
    return PrimeReading(variable, frozenset(functions), frozenset(functions - primed - composed), groups,
                        bool(composed))


def primed_letters(lines: tuple[str, ...], macros: Mapping[str, Macro] | None = None) -> frozenset[str]:
    """The plain letters the ``lines`` write with a prime (f of f'g), each line read alone; a line that
    does not read adds none."""
    from lintmath.parse.parser import parse_math  # (the parser imports this module's neighbours)

    out: set[str] = set()
    for line in lines:
        try:
            tree = parse_math(line, macros)
        except (ParseFailure, RecursionError):
            continue
        out.update(x.base for x in tree.walk() if isinstance(x, n.Sym) and x.primes and _plain_letter(x))
    return frozenset(out)


def as_functions(tree: n.Node, reading: PrimeReading, constants: bool = False) -> n.Node:
    """``tree`` written out with ``reading``'s functions applied to its variable and its primes as
    derivatives by it; with ``constants``, the letters never primed stay letters (constants). The nodes
    keep the offsets of what they stand for, so that an edit of the tree is an edit of the text."""
    functions = reading.functions - reading.unprimed if constants else reading.functions

    def visit(node: n.Node) -> n.Node | None:
        if _composed(node):
            # f \circ g at the variable, f(g(x)); f \circ f^{-1} is the variable itself
            variable = n.Sym(node.end, node.end, reading.variable)
            try:
                return composition.applied(node.extra, (variable,), 0, node.start, node.end)
            except ParseFailure:
                return node  # an inverse left over: the composition stays unread
        if composition.is_identity(node):
            return n.Sym(node.start, node.end, reading.variable)  # \mathrm{id} beside compositions
        if isinstance(node, n.Sym):
            if id(node) in skipped:
                return node
            variable = n.Sym(node.end, node.end, reading.variable)
            if node.base == reading.variable and node.primes and _plain_letter(node):
                return n.Num(node.start, node.end, "1" if node.primes == 1 else "0")  # x' = 1, x'' = 0
            if node.base in functions and _plain_letter(node):
                return n.Apply(node.start, node.end, replace(node, primes=0), (variable,), primes=node.primes)
            return node
        if _primed_group(node):
            variable = n.Sym(node.end, node.end, reading.variable)
            return n.Deriv(node.start, node.end, n.rebuild(node.body, visit), ((variable, node.primes),),
                           partial=False)
        return None

    skipped = n.non_quantities(tree)
    return n.rebuild(tree, visit)


@dataclass(frozen=True)
class DerivativeReading:
    """Primes beside derivatives written with their variable: ``\\frac{d}{dx}(x^2 + y^2) = 2x + 2yy'``."""

    variable: n.Sym  # the one variable the step's derivatives are by
    functions: frozenset[str]  # the primed letters: functions of it, their primes derivatives by it


def derivative_reading(*trees: n.Node) -> DerivativeReading | None:
    """The reading of implicit differentiation: where every derivative a step writes is a total one by
    one plain letter (``\\frac{d}{dx}``, ``\\frac{dy}{dx}``, ``\\frac{d}{dt}``) and the step primes other plain
    letters (``y'``, ``x'`` beside ``\\frac{d}{dt}``), each primed letter is a function of that variable and
    its prime the derivative by it, as ``\\frac{dy}{dx}`` would be written. None where the step writes no
    such prime, or where the primes may mean anything else: a partial derivative, a gradient or a
    differential beside them (by which variable?), a primed group or a primed variable (``x'`` beside
    ``\\frac{d}{dx}`` is a new point, as in k(x, x')), a dotted letter, a primed letter also applied (f'
    beside f(x)), or a prime on anything but a plain lower-case letter (X', \\beta': transposes, names)."""
    variables: dict[str, n.Sym] = {}
    primed: set[str] = set()
    applied: set[str] = set()
    for tree in trees:
        skipped = n.non_quantities(tree)
        for node in tree.walk():
            if isinstance(node, (n.Differential, n.Grad, n.Del)) or _composed(node):
                return None
            if isinstance(node, n.Deriv):
                if node.partial or node.primes or node.held:
                    return None
                if isinstance(node.body, n.Sym) and node.body.primes:
                    return None  # dx'/dt: x' a coordinate of its own (x' = \gamma(x - vt)), not dx/dt
                for var, _ in node.wrt:
                    if not (isinstance(var, n.Sym) and _plain_letter(var)) or var.primes:
                        return None  # d/d\theta is as plain, but a primed Greek letter is a name as often
                    variables[var.base] = var
            elif isinstance(node, n.Apply):
                applied.add(node.func.base)
            elif isinstance(node, n.Sym) and id(node) not in skipped:
                if n.undotted(node)[1]:
                    return None  # \dot x beside y': two notations of one derivative in one step
                if node.primes:
                    if not _plain_letter(node):
                        return None
                    primed.add(node.base)
    if len(variables) != 1 or not primed:
        return None
    variable = next(iter(variables.values()))
    if variable.base in primed or primed & applied:
        return None
    return DerivativeReading(variable, frozenset(primed))


def as_derivatives(tree: n.Node, reading: DerivativeReading) -> n.Node:
    """``tree`` with each primed letter of ``reading`` written as its derivative by the variable (``y'``
    as ``\\frac{dy}{dx}``, ``y''`` as ``\\frac{d^2y}{dx^2}``), keeping the offsets of the letter as written,
    so that an edit of the tree is an edit of the text."""
    skipped = n.non_quantities(tree)

    def visit(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Sym) and node.primes and node.base in reading.functions and id(node) not in skipped:
            variable = replace(reading.variable, start=node.end, end=node.end)
            return n.Deriv(node.start, node.end, replace(node, primes=0), ((variable, node.primes),), partial=False)
        return None

    return n.rebuild(tree, visit)
