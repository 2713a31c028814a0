"""Turning a syntax tree into a concrete SymPy expression, under one *instantiation*.

Slides write ``\\sum_k t_k \\log o_k`` with no bounds and ``o_j`` with a free index. An identity in
such notation holds for every size and every index value, so lintmath checks it on small concrete
instances: the sum runs over 1..N for a small N, ``j`` is a concrete index, ``o_k`` becomes the plain
symbol ``o[2]``. Differentiating a finite sum then keeps the k = j term by itself (no Kronecker-delta
rules needed), and undefined functions become fixed random smooth functions, the same on both sides.
"""
from __future__ import annotations

import functools
from fractions import Fraction
import hashlib
import random
import re
import zlib
from dataclasses import dataclass, field, replace
from collections.abc import Iterator

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef, ArgumentIndexError
from sympy.functions.combinatorial.numbers import stirling

from lintmath import evaluate, events, expectation, gram, linalg, matfunc, optima, poisson, probability, quantum, supported, symbolic  # noqa: F401 (settings)
from lintmath.independence import Independence
from lintmath.parse import nodes as n
from lintmath.parse.ellipsis import affine
from lintmath.parse.parser import log_of_letter, parameter_of
from lintmath.parse.vocabulary import ACCENT_STYLES, FUNCTION_LETTERS, GREEK


def _annotation_contradicted(inner: sp.Expr, value: sp.Expr) -> bool:
    """Whether an annotated expression and its stated value differ by a nonzero number, whatever its
    letters are (\\sin^2 x + \\cos^2 x annotated =2): a value with letters left in the difference may hold
    by an assumption or a limit the author takes (\\cancelto{0}{\\frac{1}{n}}), and is left to them."""
    if not isinstance(inner, sp.Expr) or not isinstance(value, sp.Expr) or linalg.is_matrix(inner) \
            or linalg.is_matrix(value) or sp.count_ops(inner - value) > 80:
        return False
    difference = inner - value
    if any(not type(f).__module__.startswith(("sympy.functions.elementary", "sympy.functions.special"))
           for f in difference.atoms(sp.Function)):
        return False  # (a function the document defines: simplify would cost seconds, and decide little)
    unevaluated = difference.has(sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Derivative)
    if unevaluated and difference.free_symbols:
        return False
    try:
        # (a definite integral or a series of numbers alone is valued as it stands, at high precision)
        difference = difference if unevaluated else sp.simplify(difference)
        if not isinstance(difference, sp.Expr) or difference.free_symbols:
            return False
        size = abs(complex(difference.evalf(30)))
        scale = 1.0 if value.free_symbols else max(1.0, abs(complex(value.evalf(15))))
    except Exception:  # noqa: BLE001 -- what SymPy cannot simplify or value is not shown wrong
        return False
    return size > 1e-10 * scale


class Undecidable(Exception):
    """The tree is readable but this instantiation cannot be built (an infinite sum, a huge number)."""


class ShapesMisfit(Undecidable):
    """Undecidable because the shapes of a reading do not fit (a number added to a vector): the
    reading, not the notation, is then in question."""


MAX_SUM_TERMS = 60
#: ... and of a sum whose terms are numbers, written with its index alone (1 + 2 + \cdots + 100, the
#: sum of the first 200 odd numbers): each term is a number, cheap to add, whatever the instance
MAX_NUMBER_SUM_TERMS = 500
# Marks the symbol an optimisation lowers to (\\max#opt:1a2b3c4d), see Lowerer.lower_Optimum; its
# body is read at a point in each of OPTIMUM_RANGES, to OPTIMUM_DIGITS digits (see optimum_key)
OPTIMUM_MARK = "opt:"
# the letters each optimisation holds besides its own variables, by its symbol's name (a digest of kind,
# domain and body, so one name has one set of letters whoever lowered it; see Lowerer.hold_optima): the
# names of its body's other symbols, and the letters of its domain as written (\\epsilon for B_\\epsilon)
OPTIMUM_LETTERS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
OPTIMUM_RANGES = ((11, 89), (110, 290), (-290, -10), (-290, 290))  # in hundredths
OPTIMUM_DIGITS = 12
# The name of the integer symbol an infinite series runs over (k:series): unlike any other lowered name
SERIES_MARK = ":series"
# (b x^2)' differentiates with respect to the conventional variable of the line.
PRIME_VARIABLES = ("x", "t", "z", "s", "u", "y", "\\theta")
# the letters calculus notes name functions by: inside (..)' a function of the variable, never a constant
PRIMED_FUNCTIONS = frozenset({"f", "g", "h"})
# y is the unknown of a differential equation: beside another variable, (e^{x}y)' is e^{x}(y + y'), which
# the equation turns into its right side (x e^{x}); held constant, y would refute that line of every
# integrating factor
PRIMED_UNKNOWNS = frozenset({"y"})
PRIMED_FUNCTION_GROUP = "a prime on an expression of f, g, h or y, functions of the variable"
# Letters that an evaluation bar F|_a^b may evaluate at when the step names no variable.
BAR_VARIABLES = frozenset({"x", "t", "u", "s", "y", "z", "r", "v", "w", "\\theta", "\\phi", "\\varphi", "\\tau"})
# Names that, as matrices, are usually symmetric (covariance, precision, kernel, Hessian...).
# Matrices conventionally symmetric (covariance, precision, Gram, Hessian, mass, scatter): a step that
# holds when they are is verified. A and Q are as often not (any map; an orthogonal Q): a step that
# holds only if they are is not refuted, and not verified either (see Comparator.decide). So is D, as
# often the diagonal matrix of a scaling (D^{-1}\Sigma D^{-1}, D^{-1/2}AD^{-1/2}) as any other matrix.
SYMMETRIC_NAMES = {"\\Sigma", "\\Lambda", "\\Omega", "\\Psi", "C", "H", "K", "M", "P", "S"}
MAYBE_SYMMETRIC_NAMES = {"A", "Q", "D"}
# the reading with only the conventionally symmetric matrices symmetric (not A, Q, D): whether a step
# beside a covariance also needs its A or D symmetric (see Comparator.decide)
CONVENTIONALLY_SYMMETRIC = ("symmetric", "conventional")
# Functions every ML slide uses without defining them.
LIBRARY = {"\\sigma": "sigmoid", "\\Gamma": "gamma"}
MAX_DIGITS = 4000
# why a function applied to a vector (T(v) of a map, f(X) of a matrix) is not read
VECTOR_FUNCTION = "a function of a vector or matrix is not decided yet"
# Separates an opaque derivative's name from the entry (d(r)/d(t)#1,0 is the second entry of dr/dt):
# a message names the derivative once, not each entry.
OPAQUE_ENTRY = "#"
# the name of an opaque derivative of one quantity by one variable, d(y)/d(x)^2, as Lowerer.lower_Deriv gives it
_RATE = re.compile(r"d\((.+)\)/d\(([^()]+)\)\^(\d+)")
# the entry (row, column) of a vector or matrix that moves with time, at the end of its symbol's name:
# r#1,0 is the second entry of r, d(r)/d(t)^1#1,0 that of its derivative (as opaque entries are named)
_ENTRY = re.compile(re.escape(OPAQUE_ENTRY) + r"\d+,\d+$")


def split_entry(name: str) -> tuple[str, str]:
    """A symbol's name without the entry it names (see _ENTRY), and that entry's mark ("" for none)."""
    match = _ENTRY.search(name)
    return (name[:match.start()], match.group()) if match else (name, "")
SOFTMAX = ("softmax",)  # the reading of \sigma(z)_i as the softmax's entry i
# the reading of \frac{d}{dx^2} as the second derivative in x (see n.DerivBy), not one in the variable x^2
ORDER_TYPO = ("order typo",)
# A limit is taken by substitution only where that is sound: a finite value of an expression without
# jumps, a cancelled rational function, or a purely numerical body whose values settle as the
# variable approaches the point (checked at several distances).
# (irregular, so that sin(pi/x) does not land on zeros; floats, so that (1 + 1/n)^n is not an exact power)
LIMIT_STEPS = (sp.Rational(7, 10**16), sp.Rational(13, 10**31), sp.Rational(3, 10**45))
LIMIT_DIGITS = 80
# digits per limit step: (1 - cos h)/h^2 at h = 3e-45 cancels 90 digits, so a closer point works with
# three more digits per decade of closeness (a cancellation to third order)
LIMIT_PRECISION = tuple(LIMIT_DIGITS + 3 * len(str(s.q)) for s in LIMIT_STEPS)
MAX_LIMIT_OPS = 150
JUMPS = (sp.sign, sp.floor, sp.ceiling, sp.Piecewise, sp.Heaviside, sp.frac)


@dataclass
class Instance:
    """One concrete reading of the notation: sizes, index values, function realisations, readings."""

    size: int
    indices: dict[str, int]
    integers: dict[str, int]
    flips: frozenset = frozenset()
    seed: int = 0
    atoms: bool = False  # undefined functions as opaque atoms f(x), not random stand-ins
    bounds: dict[str, tuple] = field(default_factory=dict)  # bounds of \sum_{k=a}^{b} by index, for \sum_k
    functions: dict[tuple, sp.Lambda] = field(default_factory=dict)
    opaque: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Letters:
    """How the letters of a step are used, decided once per step from both sides."""

    index: frozenset[str]  # letters used as subscripts (w_{ij}): concrete integers
    integer: frozenset[str]  # letters used as sum bounds (\sum_{k=1}^{n}): small integers
    standalone: frozenset[str]  # letters used as variables somewhere (subscripted ones by _indexed_name)
    vectors: frozenset[str] = frozenset()  # keys of symbols that are column vectors (bold, transposed)
    matrices: frozenset[str] = frozenset()  # keys of symbols that are square matrices
    candidates: frozenset[str] = frozenset()  # plain lowercase letters that may be vectors (a reading)
    inferred: frozenset[str] = frozenset()  # matrices only because they are capitals beside matrices
    integration: frozenset[str] = frozenset()  # variables of the step's integrals and derivatives
    kets: bool = False  # the step writes states (|0>, <1|): juxtaposed states are tensor products
    systems_clash: bool = False  # |0_A 1_B> beside |1_B 0_A>: the order of the factors is not one
    # the candidates a product forces to be vectors (w^T x, x^T A y, \nabla_w): a narrower reading that
    # leaves the other letters (the y_i of y_i w^T x_i) scalars
    required: frozenset[str] = frozenset()
    randomness: expectation.Randomness = expectation.NONE  # random symbols of E[..], Var(..), Cov(..)
    # heads of applications that are vectors themselves (T(v), f(x)^T): no function of a vector for them
    maps: frozenset[str] = frozenset()
    # p(x, z | theta) and the like: (head key, the variables of its joint), for the probability reading
    distributions: tuple = ()
    # the size of the identity and the zero vector: that of the step's written matrices, when they agree
    dimension: int = 0  # the size of the written matrices when they agree; 0: the random ones' size
    # (quantity, variable) pairs the step shows to depend on each other (see dependents)
    dependents: tuple = ()
    # letters written with primes (\psi', u''): functions of the line's variable, not constants
    primed: frozenset[str] = frozenset()
    # the t of a step that differentiates by t and writes letters with dots (see time_variable): the
    # dotted letters are the derivatives in t of the same letters without dots, which move with t
    time: n.Sym | None = None
    timed: tuple = ()  # those letters without their dots (x for \dot x)
    # (written key, vector key) pairs: w_i beside w^T x, x_i beside \mathbf{x}, A_{ij} beside A x is the
    # entry of that vector or matrix (see entry_letters)
    entries: tuple = ()
    # the bound letters of sums over such entries that the step uses nowhere else: the dimension
    dimensions: frozenset[str] = frozenset()
    # P(A \cup B) and the like: (head key, the named events), for the reading of events
    events: tuple = ()
    # matrices written inside a quadratic form (x^T B x): only their symmetric part counts there, so
    # the prose may well have said they are symmetric
    quadratic: frozenset[str] = frozenset()
    # I_2, I_{3} beside a written matrix of that size: the identity of that size, by key and size
    identities: tuple = ()
    # [A, B] read as AB - BA with every letter a generic matrix: a reading that only verifies
    commutators: bool = False
    # \{f, g\} read as a Poisson bracket: a reading that only verifies; the keys of the letters written
    # inside the brackets that the document's definitions must put in (see poisson.py)
    poisson: bool = False
    poisson_functions: frozenset[str] = frozenset()
    # the time is the x of a functional's integrand and the primes are its derivatives (y' for \dot y,
    # see variational_time)
    time_primes: bool = False
    # the step writes the imaginary unit (\mathrm{i}): its numbers are complex, and an odd root there is
    # the principal one
    imaginary: bool = False
    # keys of the vectors and matrices that move with time (see moving_arrays): their entries are
    # functions of t, lowered as free symbols whose derivatives the step's derivatives in t take
    moving: frozenset[str] = frozenset()
    # keys of the matrices the prose states symmetric ("where $A$ is symmetric"): symmetric in the
    # symmetric reading whatever their names, and a step that holds there is verified (see check.py)
    stated_symmetric: frozenset[str] = frozenset()
    # keys of the matrices the prose states rotations ("$R$ is a rotation matrix", "$Q^{-1} = Q^T$"):
    # sampled orthogonal with determinant 1, in a reading that only verifies (see check.py)
    stated_rotations: frozenset[str] = frozenset()
    # the step writes a conjugate transpose (A^H): its vectors and matrices may be complex, and it is
    # verified only if it holds for complex entries too (see Comparator._as_complex_arrays)
    hermitian: bool = False
    # keys of the plain number letters written inside a conjugate transpose ((\alpha A)^H): complex in the
    # complex-arrays reading too, as nothing says they are real ((\alpha A)^H = \bar\alpha A^H)
    conjugated: frozenset[str] = frozenset()
    # heads of applications read as linear maps, T(v) a fixed random matrix times v: where the prose or
    # the step's annotation says they are linear (see linearmaps.py), in a reading that only verifies
    linear: frozenset[str] = frozenset()
    # the letters that index the entries of samples (the j of x_{ij} beside the vector x_i): within
    # the vectors' size, as an index of a vector's entries is
    sample_indices: frozenset[str] = frozenset()
    # letters that may count the terms of a sum without bounds (see SUM_COUNT)
    sum_counts: frozenset[str] = frozenset()
    # keys of the matrices seen in a Gram matrix's inverse, (X^T X)^{-1} or (X X^T)^{-1}: tall (n x p) or
    # wide (p x n) with p < n, and of the vectors they multiply, with p entries (see gram.py)
    tall: frozenset[str] = frozenset()
    wide: frozenset[str] = frozenset()
    short: frozenset[str] = frozenset()
    # f(x), f(x, y) applied to plain letters: a bare \frac{df}{dx} beside them is their derivative
    applications: tuple = ()
    # letters the step differentiates by that also stand alone as the subscript of an applied function
    # (\nabla_\theta \log \pi_\theta(a)): that function's parameter, so pi_theta(a) is pi(a; theta)
    parameters: frozenset[str] = frozenset()
    # the same for a derivative by an entry of the letter (\frac{\partial}{\partial \theta_b} \log \pi_\theta(a)):
    # such a function is decided only through its definition
    entry_parameters: frozenset[str] = frozenset()
    # the reading of stacked data (see stacked.py): X the matrix of the x_i, y the vector of the y_i,
    # as stacked.Stack records; () in every other reading
    stacked: tuple = ()
    # matrices written on both sides of another, one end transposed or inverted (M\Sigma M^T, P^{-1}AP):
    # a change of basis or a propagation, which a name such as M or P does not make symmetric there
    transforms: frozenset[str] = frozenset()
    # written matrices with matrices among their entries ([[R, t], [0^T, 1]]) assembled from their
    # blocks: a reading that only verifies (see check._verified_as_blocks)
    blocks: bool = False
    # D_0, D_1 the step never writes before an operand (\ln D_1, D_0 e^{-Q/RT}): diffusion coefficients at
    # two temperatures, not derivatives by a slot (see slot_coefficients); D_n, D_p beside \tau_n, L_p:
    # diffusion coefficients of a species (see species_coefficients)
    slot_coefficients: frozenset[str] = frozenset()
    # the largest whole number the step writes: a series of a sequence defined elsewhere is read on a
    # window wide beside it, or not at all (see supported.py)
    largest_number: int = 0


def slot_coefficients(trees) -> frozenset[str]:
    """The keys of the D_k with a numbered subscript that act on nothing: a derivative by a slot is written
    before the function it differentiates (D_1 f, D_2 f(x, y), D_1(x^2 y), D_1 \\frac{x}{y}), so a D_1
    followed by nothing but numbers and Arrhenius factors (\\ln D_1, D_2/D_1, D_0 e^{-Q/RT}) is a coefficient."""
    def numbered(x: n.Node) -> bool:
        return isinstance(x, n.Sym) and x.base == "D" and bool(x.indices) and not (x.style or x.primes) \
            and all(isinstance(i, n.Num) and i.value.isdigit() for i in x.indices)

    outside = {key for tree in trees for key in _keys_outside_exponentials(tree)}

    def inert(x: n.Node) -> bool:
        # an Arrhenius factor e^{-Q/RT} is what D_0 multiplies; but D_1 e^{xy} = y e^{xy} differentiates the
        # exponential, and a derivative by a slot writes the letters under its exponent's bar outside it
        # (D_1 e^{-x/y} = -\frac{1}{y}e^{-x/y}), so only a quotient whose denominator stays in exponents is one
        if isinstance(x, (n.Num, n.Const)):
            return True
        if isinstance(x, n.Func) and x.name == "exp":
            exponent = x.args[0] if len(x.args) == 1 else None
        elif isinstance(x, n.Pow) and isinstance(x.base, n.Const) and x.base.name == "e":
            exponent = x.exp
        else:
            return False
        if exponent is None:
            return False
        bars = [{y.key for y in d.den.walk() if isinstance(y, n.Sym)} for d in exponent.walk() if isinstance(d, n.Div)]
        return any(bars) and not any(bar & outside for bar in bars)

    found = {x.key for tree in trees for x in tree.walk() if numbered(x)}
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Apply) and numbered(x.func):
                found.discard(x.func.key)
            if isinstance(x, n.Mul):
                for here, after in zip(x.factors, x.factors[1:]):
                    if numbered(here) and not inert(after):
                        found.discard(here.key)
    return frozenset(found)


def species_coefficients(trees, variables: frozenset[str]) -> frozenset[str]:
    """The keys of the D_c with one lowercase letter c for a subscript that names a species, as D_n, D_p
    (electrons, holes) beside \\tau_n, L_p: nothing differentiates or integrates by c, another quantity
    is labelled by c alone, no letter carries c among several subscripts (u_{xx}: then u_x is a partial
    derivative too), and D_c acts on nothing (is followed by no bare letter, bracket or application:
    D_x u = u_x differentiates); a gradient after it is what it multiplies (q D_n dn/dx, the diffusion
    current, beside the density n written alone)."""
    def label_of(x: n.Node) -> str | None:
        if isinstance(x, n.Sym) and len(x.indices) == 1 and not (x.style or x.primes):
            index = x.indices[0]
            if isinstance(index, n.Sym) and not (index.indices or index.style or index.primes) \
                    and len(index.base) == 1 and "a" <= index.base <= "z":
                return index.base
        return None

    def inert(x: n.Node, label: str) -> bool:
        if isinstance(x, n.Pow):
            x = x.base
        if isinstance(x, n.Deriv):
            return all(isinstance(var, n.Sym) and var.base != label for var, _ in x.wrt)
        return isinstance(x, (n.Num, n.Const)) or isinstance(x, n.Sym) and bool(x.indices)

    syms = [x for tree in trees for x in tree.walk() if isinstance(x, n.Sym)]
    found = {x.key: label for x in syms if x.base == "D" and (label := label_of(x)) is not None
             and label not in variables}
    shared = {label for x in syms if x.base != "D" and (label := label_of(x)) is not None}
    crowded = {i.base for x in syms if len(x.indices) >= 2 for i in x.indices if isinstance(i, n.Sym)}
    found = {key: label for key, label in found.items() if label in shared and label not in crowded}
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Apply) and x.func.key in found:
                found.pop(x.func.key, None)
            if isinstance(x, n.Mul):
                for here, after in zip(x.factors, x.factors[1:]):
                    if isinstance(here, n.Sym) and here.key in found and not inert(after, found[here.key]):
                        found.pop(here.key, None)
    return frozenset(found)


def _keys_outside_exponentials(tree: n.Node) -> Iterator[str]:
    """The keys of the letters ``tree`` writes other than in the exponent of an exponential."""
    if isinstance(tree, n.Sym):
        yield tree.key
    if isinstance(tree, n.Func) and tree.name == "exp" \
            or isinstance(tree, n.Pow) and isinstance(tree.base, n.Const) and tree.base.name == "e":
        return
    for child in tree.children():
        yield from _keys_outside_exponentials(child)


def stacked_counts(found: tuple) -> frozenset[str]:
    """The letters that count the data of the reading of stacked data (the n of \\sum_{i=1}^{n})."""
    return frozenset(x.base for s in found if s.hi is not None for x in s.hi.walk() if isinstance(x, n.Sym))


def classify_letters(*trees: n.Node) -> Letters:
    index: set[str] = set()
    integer: set[str] = set()
    standalone: set[str] = set()
    derivative_vars: set[str] = set()
    differentiated: set[str] = set()
    in_index: set[int] = set()
    operators: set[int] = set()  # E_p, E_{x \sim p}: the subscript names a distribution, no index
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Apply):
                in_index.add(id(node.func))
                if expectation.kind_of(node) is not None:
                    operators.add(id(node.func))
            if isinstance(node, n.Func) and node.name == n.ENTRY:
                for item in node.args[1:]:  # (A x)_i: i is an index
                    in_index.add(id(item))
                    if isinstance(item, n.Sym):  # a definition put in for the letter leaves no index
                        index.add(item.base)
            if isinstance(node, n.Sym) and id(node) in operators:
                for item in node.indices:
                    in_index.update(id(sub) for sub in item.walk())
            elif isinstance(node, n.Sym):
                for item in node.indices:
                    for sub in item.walk():
                        in_index.add(id(sub))
                        if isinstance(sub, n.Sym) and not sub.style and not sub.indices and _is_letter(sub.base) \
                                and not sub.base.isupper():
                            index.add(sub.base)  # x_i; but \mu_X names the mean of X
                if node.sup_letter is not None:
                    in_index.add(id(node.sup_letter))
            elif isinstance(node, n.BigOp):
                for bound in (node.lo, node.hi):
                    if bound is not None:
                        for sub in bound.walk():
                            if isinstance(sub, n.Sym) and not sub.indices:
                                integer.add(sub.base)
                index.add(node.var)
                index.update(node.extra_vars)
            elif isinstance(node, n.Deriv):
                for var, _ in node.wrt:
                    derivative_vars.add(var.base)
                body = node.body
                while isinstance(body, n.Paren):
                    body = body.inner
                if isinstance(body, n.Sym) and not body.indices:
                    # the J of dJ/dY is a quantity that moves with Y, never a count: read as the count
                    # of a sum it also bounds, its derivative would be 0 and any sum of them would agree
                    differentiated.add(body.base)
            elif isinstance(node, n.Grad):
                derivative_vars.add(node.var.base)
            elif isinstance(node, n.Integral):
                derivative_vars.add(node.var.base)
            elif isinstance(node, n.Limit):
                derivative_vars.add(node.var.base)
            elif isinstance(node, n.EvalBar) and node.var is not None:
                derivative_vars.add(node.var.base)
    rates = _rates_of_applied(trees)
    # \mu_x^2[k]: a bracket after a factor may still be that factor's index, and is not written alone
    trailing = {id(f) for tree in trees for node in tree.walk() if isinstance(node, n.Mul)
                for before, f in zip(node.factors, node.factors[1:]) if isinstance(before, (n.Sym, n.Pow, n.Apply))}
    for tree in trees:
        for node in tree.walk():
            if id(node) in rates:
                continue  # the f of df/dx beside f(x) is that function, not a letter written alone
            if isinstance(node, n.Sym) and id(node) not in in_index and not node.indices and not node.style:
                standalone.add(node.base)
            elif isinstance(node, n.Sym) and id(node) not in in_index and not node.style:
                # \phi_2(1 - \phi_2): a subscripted coefficient written alone is a quantity as much
                standalone.add(_indexed_name(node))
            elif isinstance(node, n.Sym) and id(node) not in in_index and not node.indices \
                    and "bf" in node.style.split("+"):
                # \mathbf{K}\mathbf{z} beside \mathbf{K}(\mathbf{z} - \mathbf{H}\mathbf{x}): a bold letter written
                # alone, by its key (which no plain letter's base equals); see read_as_product
                standalone.add(node.key)
            elif isinstance(node, n.Sym) and id(node) not in in_index and not node.indices and node.style \
                    and set(node.style.split("+")) <= ACCENT_STYLES:
                # \frac{\dot q}{2k} beside \dot q\,(L - x): an accented letter written alone is a quantity,
                # by its key as a bold one is (see read_as_product)
                standalone.add(node.key)
            elif isinstance(node, n.Const) and node.name == "pi":
                standalone.add("\\pi")  # 9\pi beside \pi(3)^2: the constant, so \pi(3) is a product
            elif isinstance(node, n.Paren) and id(node) not in trailing and _concentration(node):
                # K_m + [S] beside V_{\max}[S]: a bracket written alone is a quantity (a concentration),
                # so the same bracket after a subscripted name is no sequence's index (see read_as_product)
                standalone.add(bracket_key(node.inner))
    derivative_vars |= _inner_bar_variables(trees)
    # the n of dn/dx moves with x, so no subscript it labels (\mu_n, D_n of the electrons) makes it an
    # integer: read as one, dn/dx would be 0 and any multiple of it would agree
    index -= derivative_vars | differentiated
    vectors, matrices, candidates, inferred = classify_shapes(trees, index | integer)
    if (vectors or matrices) and _lone_e(trees):
        # y = X\beta + e: where e is read as a letter (the ("e",) reading) it may be the noise vector
        candidates |= {"e"}
    kets = any(isinstance(node, n.Ket) for tree in trees for node in tree.walk())
    required = required_vectors(trees, vectors, matrices) & candidates
    entries = entry_letters(trees, vectors, matrices, required | candidates)
    # x after w^T and written x_i as a number: a vector whose entries the step names, in every reading
    promoted = {vector for _, vector in entries if vector in required}  # (a candidate stays a reading)
    vectors, candidates, required = vectors | promoted, candidates - promoted, required - promoted
    time, timed = _timed(trees)
    time_primes = False
    if time is None:
        time, timed = variational_time(trees)
        time_primes = time is not None
    depending = dependents(trees)
    moving, vectors, matrices = moving_arrays(trees, time, timed, depending, vectors, matrices)
    if moving:
        # the t that vectors move with is no vector itself (d/dw by a vector w is a gradient)
        clocks = {var.base for quantity, var in depending if quantity.key in moving}
        clocks |= {time.base} if time is not None else set()
        candidates, required = candidates - clocks, required - clocks
    randomness = expectation.classify(*trees, matrices=matrices)
    letters = Letters(frozenset(index), frozenset(integer - derivative_vars - differentiated), frozenset(standalone),
                   vectors, matrices, candidates, inferred, frozenset(derivative_vars), kets,
                   kets and _systems_clash(trees), required, randomness, vector_functions(trees),
                   probability.distributions(*trees), _written_dimension(trees), depending,
                   frozenset(x.base for tree in trees for x in tree.walk() if isinstance(x, n.Sym) and x.primes),
                   time, timed, entries, dimension_letters(trees, dict(entries), vectors | candidates | required),
                   events.events(*trees),
                   _quadratic_forms(trees, matrices), sized_identities(trees),
                   imaginary=any(isinstance(x, n.Const) and x.name.startswith("imag_") for tree in trees
                                 for x in tree.walk()), moving=moving, time_primes=time_primes,
                   hermitian=any(isinstance(x, n.Transpose) and x.conjugate for tree in trees for x in tree.walk()),
                   conjugated=frozenset(y.key for tree in trees for x in tree.walk()
                                        if isinstance(x, n.Transpose) and x.conjugate for y in x.inner.walk()
                                        if isinstance(y, n.Sym) and not y.indices and y.key not in vectors | matrices))
    # (of a step's two sides, only the left one's square signs say a letter is square: see gram_inverses)
    tall, wide = gram.gram_inverses(trees, matrices - moving, given=trees[:1] if len(trees) == 2 else None)
    short = gram.short_vectors(trees, tall, wide, vectors | candidates | required)
    return replace(letters, sum_counts=sum_count_candidates(letters, trees), applications=applications(trees),
                   tall=tall, wide=wide, short=short, transforms=_transforms(trees, matrices),
                   parameters=subscript_parameters(trees), entry_parameters=subscript_parameters(trees, True),
                   slot_coefficients=slot_coefficients(trees)
                   | species_coefficients(trees, frozenset(derivative_vars)),
                   largest_number=max((supported.written_numbers(tree) for tree in trees), default=0),
                   sample_indices=frozenset(sample[1].base for tree in trees for x in tree.walk()
                                            if isinstance(x, n.Sym) and x.key in vectors | candidates | required
                                            and (sample := _sample_vector(x)) is not None))


def subscript_parameters(trees, entries: bool = False) -> frozenset[str]:
    """The keys of the plain letters a gradient or derivative of the step is taken by that are the
    whole subscript of an applied function (see parser.parameter_of)."""
    by: dict[str, n.Sym] = {}
    for tree in trees:
        for x in tree.walk():
            variables = [x.var] if isinstance(x, n.Grad) else [v for v, _ in x.wrt] if isinstance(x, n.Deriv) else []
            for var in variables:
                if isinstance(var, n.Sym) and bool(var.indices) == entries:
                    by.setdefault(var.key, replace(var, indices=()))
    return frozenset(key for key, var in by.items() for tree in trees for x in tree.walk()
                     if parameter_of(x, var) is not None)


def _lone_e(trees) -> bool:
    """Whether the step writes e only as a term or factor of its own, never as a power's base (e^{x}):
    then a reading of e as a letter may make it a vector like the other plain letters."""
    es = [x for tree in trees for x in tree.walk() if isinstance(x, n.Const) and x.name == "e"]
    bases = {id(x.base) for tree in trees for x in tree.walk() if isinstance(x, n.Pow)}
    return bool(es) and not any(id(x) in bases for x in es)


def _rates_of_applied(trees) -> set[int]:
    """The ids of the bare letters f under derivatives \\frac{df}{dx} that are rates of applied functions
    (see applied_rate)."""
    derivs = [x for tree in trees for x in tree.walk() if isinstance(x, n.Deriv) and isinstance(x.body, n.Sym)]
    if not derivs:
        return set()
    found = applications(trees)
    return {id(d.body) for d in derivs if applied_rate(d, found) is not None}


def applied_rate(node: n.Deriv, found: tuple) -> n.Apply | None:
    """The one application f(x), f(x, y) among ``found`` (see applications) of the bare letter that
    ``node`` differentiates, \\frac{df}{dx}, to letters that include every variable of the derivative:
    the function whose derivative that is. None for any other derivative."""
    body = node.body
    if not isinstance(body, n.Sym) or node.primes or node.held or body.indices or body.style or body.labels \
            or body.primes:
        return None
    same = [a for a in found if a.func.key == body.key]
    if len(same) != 1:
        return None
    args = {n.structure(a) for a in same[0].args}
    if not all(isinstance(v, n.Sym) and n.structure(v) in args for v, _ in node.wrt):
        return None
    return same[0]


def applications(trees) -> tuple[n.Apply, ...]:
    """The applications of a plain letter to plain letters (f(\\theta), u(x, t)) the step writes, by
    which a bare \\frac{df}{d\\theta} beside f(\\theta) is read as the derivative of that function (see
    lower_Deriv) rather than as an unrelated quantity."""
    out: dict[tuple, n.Apply] = {}
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Apply) and not (x.func.indices or x.func.style or x.func.labels or x.primes
                                               or x.func.primes) and x.bracket == "(" and x.given < 0 \
                    and x.params < 0 and x.args and all(isinstance(a, n.Sym) and not a.primes for a in x.args):
                out.setdefault((x.func.key, tuple(n.structure(a) for a in x.args)), x)
    return tuple(out.values())


def _evaluates_del(node: n.Evaluate) -> bool:
    """Whether ``node`` puts a point into a bare \\nabla's result (see substitute._del_at_point)."""
    expr = node.expr
    while isinstance(expr, n.Evaluate):
        expr = expr.expr
    return isinstance(expr, n.Del)


def _evaluates_curve(node: n.Evaluate) -> bool:
    """Whether ``node`` puts a parameter's value into a derivative of a curve written as a list, r'(t)
    beside r(t) = (t, t^2, t^3): differentiated entry by entry, its value at one number is each entry's."""
    expr = node.expr
    if not isinstance(expr, n.Deriv) or len(expr.wrt) != 1:
        return False
    inner = expr.body.inner if isinstance(expr.body, n.Paren) else expr.body
    return isinstance(inner, n.MatrixLit) and bool(inner.listed) and all(len(row) == 1 for row in inner.rows)


def _inner_bar_variables(trees) -> set[str]:
    """The variable of an unnamed bar between numbers whose F writes one usual variable that the step
    writes nowhere else: ``\\int_0^2 x^2 \\left[\\frac{y^2}{2}\\right]_1^3 dx``, an inner integral of an
    iterated one evaluated in place. Its letter is gone once the bar is evaluated, so it is the variable
    of an integral already done, not a quantity of the step (whose bar, ``p\\,\\delta q\\big|_{t_0}^{t_1}``,
    has letters for bounds or shares its letters with the rest)."""
    found: set[str] = set()
    for tree in trees:
        for bar, outer in _bars_in_integrals(tree, frozenset()):
            bounds = [b for b in (bar.lo, bar.hi) if b is not None]
            if any(isinstance(x, (n.Sym, n.Apply)) for b in bounds for x in b.walk()):
                continue
            letters = {x.base for x in bar.expr.walk() if isinstance(x, n.Sym)} - outer
            plain = {x.base for x in bar.expr.walk() if isinstance(x, n.Sym) and not x.indices and not x.style
                     and not x.labels and not x.primes and x.base in BAR_VARIABLES} - outer
            if len(plain) != 1 or letters != plain:
                continue
            inside = {id(x) for x in bar.walk()}
            letter = next(iter(plain))
            if not any(isinstance(x, n.Sym) and x.base == letter and id(x) not in inside
                       for t in trees for x in t.walk()):
                found.add(letter)
    return found


def _bars_in_integrals(node: n.Node, outer: frozenset[str]):
    """The unnamed evaluation bars of ``node``, each with the variables of the integrals around it
    (which the bar does not evaluate: ``\\int_0^1 [xy + y^2/2]_0^1 dx`` evaluates y)."""
    if isinstance(node, n.EvalBar) and node.var is None:
        yield node, outer
    if isinstance(node, n.Integral) and node.lo is not None:
        inner = outer | {node.var.base}
        yield from _bars_in_integrals(node.body, inner)
        for bound in (node.lo, node.hi):
            if bound is not None:
                yield from _bars_in_integrals(bound, outer)
        return
    for child in node.children():
        yield from _bars_in_integrals(child, outer)


def sized_identities(trees) -> tuple:
    """(key, k) for each I_k (a number k) that is the k by k identity: the step writes a k by k matrix
    or a k-vector, and no other I_j (I_1 and I_2 beside each other are currents, not identities)."""
    subscripted = [x for tree in trees for x in tree.walk() if isinstance(x, n.Sym) and x.base == "I"
                   and x.indices]
    if not subscripted:
        return ()  # the common case: no I_k, no further walk
    keys = {x.key for x in subscripted}
    if len(keys) != 1 or any(x.style or x.labels or x.primes or len(x.indices) != 1 for x in subscripted):
        return ()
    index = _unwrapped(subscripted[0].indices[0])
    if not isinstance(index, n.Num) or not index.value.isdigit() or int(index.value) < 2:
        return ()
    size = int(index.value)
    if any(isinstance(x, n.MatrixLit) and any(_mentions_node(entry, subscripted) for row in x.rows
                                              for entry in row)
           for tree in trees for x in tree.walk()):
        return ()  # I_2 as an entry of a written matrix: a number there (a current), or a block
    return ((subscripted[0].key, size),) if size in _written_sizes(trees) else ()


def _mentions_node(tree: n.Node, targets: list) -> bool:
    ids = {id(t) for t in targets}
    return any(id(x) in ids for x in tree.walk())


def _factor_triples(trees):
    """Each run of three factors in a product of ``trees``: (left, middle, right)."""
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Mul):
                yield from zip(node.factors, node.factors[1:], node.factors[2:])


def _quadratic_forms(trees, matrices: frozenset[str]) -> frozenset[str]:
    """The keys of the matrices B written between a vector's transpose and the vector: ``x^T B x``."""
    return frozenset(middle.key for left, middle, right in _factor_triples(trees)
                     if isinstance(left, n.Transpose) and isinstance(left.inner, n.Sym)
                     and isinstance(middle, n.Sym) and middle.key in matrices
                     and isinstance(right, n.Sym) and right.key == left.inner.key)


def _transforms(trees, matrices: frozenset[str]) -> frozenset[str]:
    """The keys of the matrices M written around another matrix with M transposed or inverted at one
    end: ``M\\Sigma M^T``, ``Q\\Lambda Q^{-1}``, ``P^{-1} A P``."""
    found = set()
    for left, middle, right in _factor_triples(trees):
        inner = _unwrapped(middle)
        inner = inner.base if isinstance(inner, n.Pow) and _is_minus_one(inner.exp) else inner
        if isinstance(inner, n.Sym) and inner.key in matrices and _conjugating(left, _unwrapped(right)):
            found.add(_conjugated_root(left).key)
    return frozenset(found)


# the letters that name time in a derivative beside dotted letters
TIME_LETTERS = ("t", "\\tau")


def time_variable(trees) -> n.Sym | None:
    """The t of a step that writes letters with dots (\\dot x, \\ddot\\theta) and a total derivative in t
    (\\frac{d}{dt}, \\frac{d^2}{dt^2}): the dots are derivatives in that t, as in mechanics. A partial
    derivative in t does not count: \\partial L / \\partial t holds q and \\dot q fixed."""
    if not any(isinstance(x, n.Sym) and n.undotted(x)[1] for t in trees for x in t.walk()):
        return None
    found = {var.base: var for t in trees for x in t.walk() if isinstance(x, n.Deriv) and not x.partial
             and not x.primes for var, _ in x.wrt
             if isinstance(var, n.Sym) and var.base in TIME_LETTERS and not (var.style or var.indices)}
    return found.popitem()[1] if len(found) == 1 else None


def _primed_plain(node: n.Node) -> bool:
    """A plain letter with primes (y', \\phi''), as the integrand of a functional writes its derivatives."""
    return isinstance(node, n.Sym) and node.primes > 0 and not (node.style or node.indices or node.labels) \
        and node.sup_letter is None


def variational_time(trees) -> tuple[n.Sym | None, tuple[n.Sym, ...]]:
    """The x of a step of the calculus of variations and its letters that move with it: a step that
    differentiates by a primed letter (\\partial F / \\partial y', which holds y fixed) and totally by
    one plain letter x never primed (\\frac{d}{dx}), with no dots. There the primes are derivatives in x
    as the dots of a Lagrangian are in t: y, y' and y'' move with x, \\frac{d}{dx}\\frac{\\partial F}{\\partial y'}
    is the total derivative of the Euler-Lagrange equation. (None, ()) for any other step."""
    walked = [x for t in trees for x in t.walk()]
    if any(isinstance(x, n.Sym) and n.undotted(x)[1] for x in walked):
        return None, ()
    if any(isinstance(x, (n.Integral, n.EvalBar, n.BigOp)) for x in walked):
        # the first variation's integrals by parts (\int \frac{\partial F}{\partial y'}\eta' dx = ...): what moves
        # under them, and what a bar evaluates, is the prose's (the variation \eta, the ends)
        return None, ()
    heads = {id(x.func) for x in walked if isinstance(x, n.Apply)}
    primed = {x.base: x for x in walked if _primed_plain(x) and id(x) not in heads}
    if not primed or any(isinstance(x, n.Apply) and x.func.base in primed for x in walked):
        return None, ()
    by_primed = any(isinstance(x, n.Deriv) and x.partial and not x.primes and not x.held
                    and any(_primed_plain(v) for v, _ in x.wrt) for x in walked)
    totals: dict[str, n.Sym] = {}
    for x in walked:
        if isinstance(x, n.Deriv) and not x.partial and not x.primes:
            for var, _ in x.wrt:
                if not (isinstance(var, n.Sym) and not (var.style or var.indices or var.labels or var.primes)):
                    return None, ()
                totals[var.base] = var
    if not by_primed or len(totals) != 1:
        return None, ()
    time = next(iter(totals.values()))
    if time.base in primed:
        return None, ()
    return time, tuple(replace(x, primes=0) for x in primed.values())


def _timed(trees) -> tuple[n.Sym | None, tuple[n.Sym, ...]]:
    """The step's time variable and its letters that move with it: those written with dots, without them."""
    time = time_variable(trees)
    if time is None:
        return None, ()
    out: dict[tuple, n.Sym] = {}
    for tree in trees:
        for x in tree.walk():
            plain, order = n.undotted(x) if isinstance(x, n.Sym) else (x, 0)
            if order and plain.base != time.base:
                out.setdefault(n.structure(plain), plain)
    # generalized coordinates: \dot q_1 makes q_2 move too, the same letter with another index
    families = {(x.base, x.style) for x in out.values() if x.indices}
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Sym) and x.indices and (x.base, x.style) in families and not n.undotted(x)[1]:
                out.setdefault(n.structure(x), x)
    return time, tuple(out.values())


def moving_arrays(trees, time: n.Sym | None, timed: tuple[n.Sym, ...], depending: tuple[tuple[n.Sym, n.Sym], ...],
                  vectors: frozenset[str], matrices: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The vectors and matrices whose time derivative the step takes: those written with dots in a step
    that differentiates by t (\\dot{\\mathbf r}, see _timed), and those it differentiates in t by
    themselves (\\frac{d\\mathbf A}{dt}, \\frac{d}{dt}(\\mathbf r \\cdot \\mathbf r); ``depending``, see dependents),
    and in a step with dotted letters, the bold ones a derivative in t takes without dots (the
    \\hat{\\mathbf r} of \\frac{d}{dt}(r \\hat{\\mathbf r}) turns with the particle). Random constant entries would
    make every such derivative 0, where the author means arrays of functions of t. Returned with the
    vectors and matrices, which gain the plain letter of an array written only dotted
    (\\dot{\\mathbf r} makes \\mathbf r a vector)."""
    arrays = vectors | matrices
    moving: set[str] = set()
    vectors, matrices = set(vectors), set(matrices)
    plain_keys = {x.key for x in timed}
    for tree in trees:
        for x in tree.walk():
            if isinstance(x, n.Sym) and x.key in arrays:
                plain, order = n.undotted(x)
                if order and plain.key in plain_keys or not order and x.key in plain_keys:
                    moving.add(plain.key)
                    if plain.key not in arrays:
                        (vectors if x.key in vectors else matrices).add(plain.key)
    for tree in trees if time is not None else ():
        for x in tree.walk():
            if not (isinstance(x, n.Deriv) and not x.partial and not x.primes
                    and all(isinstance(v, n.Sym) and n.structure(v) == n.structure(time) for v, _ in x.wrt)):
                continue
            skip = n.non_quantities(x.body)
            for y in x.body.walk():
                if isinstance(y, n.Sym) and id(y) not in skip and y.key in arrays \
                        and {"bf", "arrow"} & set(y.style.split("+")):
                    moving.add(n.undotted(y)[0].key)
    # \frac{d\mathbf A}{dt}, \frac{d}{dt}(\mathbf r \cdot \mathbf r): an array the step differentiates in t by
    # itself (with an index, r_i, the arrays of a sum, which the step may hold apart: not read). A partial
    # derivative in t alone (\frac{\partial \mathbf r}{\partial t}) stays an opaque vector of its own.
    totals = {n.structure(v) for tree in trees for x in tree.walk() if isinstance(x, n.Deriv) and not x.partial
              and not x.primes for v, _ in x.wrt}
    for quantity, var in depending:
        if quantity.key in arrays and not quantity.indices and not n.undotted(quantity)[1] \
                and var.base in TIME_LETTERS and not (var.style or var.indices) and n.structure(var) in totals:
            moving.add(quantity.key)
    return frozenset(moving), frozenset(vectors), frozenset(matrices)


@dataclass(frozen=True)
class Clock:
    """The time of a step with dotted letters and what moves with it (see Lowerer.in_time): the
    letters by their lowered names, and families of letters (q_\\alpha: every q[..]) by their prefix."""

    time: sp.Symbol
    names: frozenset[str]
    families: tuple[str, ...]
    # the keys of arrays that move with t without dots (see moving_arrays): their entries move too, but
    # their derivatives are as opaque as dE/do, as the author may know them (d\hat{\mathbf r}/dt)
    drifting: tuple[str, ...] = ()

    def drifts(self, name: str) -> bool:
        base, entry = split_entry(name)
        return bool(entry) and any(base == k or base.startswith((k + "[", k + "^")) for k in self.drifting)

    def moves(self, name: str) -> bool:
        return name in self.names or name.startswith(self.families)

    def moving(self, value: sp.Expr) -> dict[sp.Symbol, dict[int, sp.Symbol]]:
        """The moving letters ``value`` is written in, each with the symbols of its derivatives in
        time (``d(x)/d(t)^2`` for \\ddot x, by order) that it also holds."""
        out: dict[sp.Symbol, dict[int, sp.Symbol]] = {}
        dotted = re.compile(r"d\((.+)\)/d\(" + re.escape(self.time.name) + r"\)\^(\d+)")
        for s in getattr(value, "free_symbols", ()):
            base, entry = split_entry(s.name) if isinstance(s, sp.Symbol) else ("", "")
            match = dotted.fullmatch(base) if isinstance(s, sp.Symbol) else None
            if match and self.moves(match.group(1) + entry):
                out.setdefault(sp.Symbol(match.group(1) + entry), {})[int(match.group(2))] = s
            elif isinstance(s, sp.Symbol) and self.moves(s.name):
                out.setdefault(s, {})
        return out


def _held(node: n.Deriv) -> str:
    """The mark of the variables a partial derivative holds fixed, in the name of an opaque one:
    (dU/dT)_V and (dU/dT)_P are different quantities (and dU/dT written bare is neither)."""
    return f"|{node.held}" if node.held else ""


def _reference_value(sym: n.Sym) -> bool:
    """Whether ``sym`` is a letter's reference or initial value, subscript 0 alone (T_0 beside T in
    \\frac{d}{dT}(1/T_0 - 1/T), x_0 in a Taylor expansion about it): a constant the derivative by the
    bare letter leaves fixed, not an entry of a vector that moves with it."""
    return len(sym.indices) == 1 and isinstance(sym.indices[0], n.Num) and sym.indices[0].value == "0"


def _bracket_then_factors(node: n.Node) -> str:
    """How far a derivative whose operand is a bracket followed by more factors reaches: "bracket"
    when an explicit product sign follows it (``\\frac{d}{dp}\\left(\\frac{a}{p}\\right) \\cdot p``), "either"
    when the factors are only juxtaposed (``\\frac{d}{dx}(x+1)(x+2)`` is as often the derivative of the
    product): both are then readings. "" for any other derivative."""
    body = node.body if isinstance(node, n.Deriv) and not node.primes else None
    if not (isinstance(body, n.Mul) and len(body.factors) > 1 and isinstance(body.factors[0], n.Paren)):
        return ""
    return "bracket" if body.ops and body.ops[0] in ("\\cdot", "\\times") else "either"


def _binds(tree: n.Node) -> set[str]:
    """The letters that sums, products, optima, integrals, limits and derivatives in ``tree`` run over."""
    out: set[str] = set()
    for x in tree.walk():
        if isinstance(x, n.BigOp):
            out.update((x.var, *x.extra_vars))
        elif isinstance(x, n.Optimum):
            out.update(v.rstrip("'") for v in x.variables)  # a' by its letter: a narrower reading is no risk
        elif isinstance(x, (n.Integral, n.Limit, n.Grad, n.Evaluate, n.EvalBar)) and x.var is not None:
            out.add(x.var.base)
        elif isinstance(x, n.Deriv):
            out.update(v.base for v, _ in x.wrt if isinstance(v, n.Sym))
        elif isinstance(x, n.DerivBy):
            out.update(v.base for v in x.of.walk() if isinstance(v, n.Sym))
    return out


def _compound_name(node: n.Node) -> str:
    """The name of the variable an expression stands for in a derivative with respect to it (see
    Lowerer.lower_DerivBy), the same for the same expression on both sides: readable for what is
    usually written there, else the expression's structure (opaque derivatives carry the name)."""
    if isinstance(node, n.Sym) and not node.labels and not node.primes and node.sup_letter is None:
        indices = ",".join(_compound_name(i) for i in node.indices)
        return node.key + (f"_{{{indices}}}" if indices else "")
    if isinstance(node, n.Num):
        return node.value
    if isinstance(node, n.Pow):
        return f"({_compound_name(node.base)})^{_compound_name(node.exp)}"
    if isinstance(node, n.Apply) and node.given < 0 and node.params < 0:
        return f"{_compound_name(node.func)}({','.join(_compound_name(a) for a in node.args)})"
    return repr(n.structure(node))


def dependents(trees) -> tuple[tuple[n.Sym, n.Sym], ...]:
    """Quantities the step shows to vary with a variable: the psi of d psi / dx, the Z of
    d ln Z / dT (a derivative of an expression in that one quantity, which nobody writes of a
    constant). Every derivative of the step by that variable then moves the quantity too: the
    d/dx (x psi) beside d psi / dx is psi + x d psi / dx, not psi."""
    out: dict[tuple, tuple[n.Sym, n.Sym]] = {}
    # d(x^2/2)/dy beside d/dx: x is a coordinate, independent of y, not a quantity that moves
    coordinates = {n.structure(v) for t in trees for x in t.walk() if isinstance(x, n.Deriv) for v, _ in x.wrt}
    for tree in trees:
        for node in tree.walk():
            if not isinstance(node, n.Deriv) or node.primes:
                continue
            quantities = _quantities(node.body)
            keys = {n.structure(q) for q in quantities}
            # but dy/dx written as such says y moves with x even where the step also differentiates by
            # y: the chain rule of implicit differentiation, d/dx (y^2) = d/dy (y^2) dy/dx
            written = isinstance(node.body, n.Sym) and not node.partial
            if len(keys) != 1 or keys & coordinates and not written:
                continue
            for var, _ in node.wrt:
                # d exp(s_i) / d s_j: entries of one family, whose derivatives the indices decide
                if isinstance(var, n.Sym) and n.structure(var) not in keys and var.key != quantities[0].key:
                    out.setdefault((*keys, n.structure(var)), (quantities[0], var))
    return tuple(out.values())


def _quantities(body: n.Node) -> list[n.Sym]:
    """The plain quantities an expression is written in (not indices, not function names)."""
    if any(isinstance(x, (n.Deriv, n.DerivBy, n.Grad, n.Integral, n.BigOp, n.Limit)) for x in body.walk()):
        return []  # a derivative of a derivative, a sum: not a plain expression in a quantity
    skip = n.non_quantities(body)
    return [x for x in body.walk() if isinstance(x, n.Sym) and id(x) not in skip]


def _written_dimension(trees) -> int:
    """The size of the step's written matrices and column vectors when they all agree (I beside a
    2 by 2 pmatrix is the 2 by 2 identity), else the size of the random ones."""
    sizes = _written_sizes(trees)
    return sizes.pop() if len(sizes) == 1 else 0


def _written_sizes(trees) -> set[int]:
    """The sizes of the step's written square matrices and column vectors (not determinants)."""
    return {len(node.rows) for tree in trees for node in tree.walk()
            if isinstance(node, n.MatrixLit) and not node.det and len(node.rows[0]) in (1, len(node.rows))}


def _greek_capital(node: n.Node) -> bool:
    """A plain Greek capital letter (\\Sigma, \\Lambda), or its inverse (\\Sigma^{-1})."""
    if isinstance(node, n.Pow) and _is_minus_one(node.exp):
        node = node.base
    return isinstance(node, n.Sym) and not (node.style or node.indices or node.labels or node.primes) \
        and node.base.startswith("\\") and node.base[1:2].isupper() and _is_letter(node.base)


#: Greek capitals that stand for a change of what follows them (\Delta\mathbf{x}), no matrix
_DIFFERENCE_CAPITALS = {"\\Delta"}


def _bold_lowercase(node: n.Node) -> bool:
    """A bold lowercase letter (``\\mathbf{w}``, ``\\boldsymbol{\\mu}``), a vector by its font."""
    return isinstance(node, n.Sym) and "bf" in node.style.split("+") and node.base.lstrip("\\")[:1].islower()


def _identity_term(node: n.Node) -> bool:
    """``I``, ``\\mathbf{I}``, ``I_n`` or a multiple of one (``\\sigma^2 I``, ``\\lambda\\mathbf I``)."""
    factors = node.factors if isinstance(node, n.Mul) else (node,)
    last = factors[-1]
    return isinstance(last, n.Sym) and last.base == "I" and not (last.labels or last.primes) \
        and all(not isinstance(f, n.Sym) or f.base[:1].islower() or f.base.startswith("\\") and f.base[1:2].islower()
                for f in factors[:-1])


def _plain_lower(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not (node.style or node.indices or node.labels or node.primes) \
        and _is_letter(node.base) and node.base.lstrip("\\")[:1].islower()


def _unwrapped(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren):
        node = node.inner
    return node


def vector_functions(trees) -> frozenset[str]:
    """Heads of applications that the step shows to be vectors: bold ones, transposed, normed or in an
    inner product (f(x)^T u), and plain capitals that are not usual function names (the linear map
    T(v)), unless a gradient takes them (\\nabla R(w): R is a number). Read as a number, a vector
    function would let u(x) v(x)^T pass for v(x)^T u(x)."""
    shown: set[str] = set()
    capitals: set[str] = set()
    gradients: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            inners: tuple[n.Node, ...] = ()
            if isinstance(node, (n.Transpose, n.Norm)):
                inners = (node.inner,)
            elif isinstance(node, n.Inner):
                inners = (node.left, node.right)
            elif isinstance(node, n.Grad) and isinstance(_unwrapped(node.body), n.Apply):
                gradients.add(_unwrapped(node.body).func.key)
            elif isinstance(node, n.Apply):
                head = node.func
                if "bf" in head.style.split("+"):
                    shown.add(head.key)
                elif not head.style and head.base not in FUNCTION_LETTERS and _is_letter(head.base) \
                        and head.base.lstrip("\\")[:1].isupper():
                    capitals.add(head.key)
            shown.update(x.func.key for x in map(_unwrapped, inners) if isinstance(x, n.Apply))
    return frozenset(shown | (capitals - gradients))


def shapes_of_side(letters: Letters, side: n.Node) -> Letters:
    """The step's letters with the shapes that one side alone gives them. The line before was read
    with these shapes; a letter the new line marks otherwise (x^T where the line before had a number
    x) may be the new line's typo, and must not make the line before unreadable."""
    own = classify_letters(side)
    return replace(letters, vectors=own.vectors, matrices=own.matrices, candidates=own.candidates,
                   inferred=own.inferred, required=own.required)


def _systems_clash(trees) -> bool:
    """Whether the subsystems named in kets (|0_A 1_B>, |0_A>|1_B>) come in more than one order, or
    one system twice in a state: the labels are dropped in the lowering, so the written order of the
    factors must be the one order of the systems."""
    before: set[tuple[str, str]] = set()
    for tree in trees:
        for node in tree.walk():
            sequences = []
            if isinstance(node, n.Ket):
                sequences.append(node.systems)
            elif isinstance(node, n.Mul):
                for bra in (False, True):
                    sequences.append(tuple(s for f in node.factors if isinstance(f, n.Ket) and f.bra == bra
                                           for s in f.systems))
            for seq in sequences:
                if len(set(seq)) != len(seq):
                    return True
                before.update((a, b) for k, a in enumerate(seq) for b in seq[k + 1:])
    return any((b, a) in before for a, b in before)


def _quadratic_bracket(before: n.Node, middle: n.Node, after: n.Node | None) -> bool:
    """Whether ``before middle after`` is ``(u)^T M (u)``: a transposed bracketed sum, a plain capital (or
    its inverse) and the same sum again."""
    if not isinstance(before, n.Transpose) or not isinstance(_unwrapped(before.inner), n.Add):
        return False
    if isinstance(middle, n.Apply) and middle.maybe_product and len(middle.args) == 1:
        middle, after = middle.func, _unwrapped(middle.args[0])  # W(y - X\beta), read as a product
    if after is None:
        return False
    core = middle.base if isinstance(middle, n.Pow) and _is_minus_one(middle.exp) else middle
    capital = isinstance(core, n.Sym) and not core.indices and (
        len(core.base) == 1 and core.base.isupper() or _greek_capital(core))
    return capital and n.structure(_unwrapped(before.inner)) == n.structure(_unwrapped(after))


def _conjugating(before: n.Node, after: n.Node | None) -> bool:
    """Whether ``before`` and ``after`` are one plain symbol, at least one of them transposed or
    inverted and not both alike: the two ends of U\\Lambda U^T, Q\\Lambda Q^{-1}, P^{-1} D P."""
    if after is None:
        return False
    (a, marks_a), (b, marks_b) = _conjugated_marks(before), _conjugated_marks(after)
    return a is not None and b is not None and a.key == b.key and marks_a != marks_b


def _conjugated_root(node: n.Node) -> n.Sym:
    root, _ = _conjugated_marks(node)
    assert root is not None
    return root


def _conjugated_marks(node: n.Node) -> tuple[n.Sym | None, tuple[str, ...]]:
    """The plain (or bold) symbol under transposes, inverses and brackets, and those marks."""
    marks: list[str] = []
    while True:
        if isinstance(node, n.Transpose):
            marks.append("T")
            node = node.inner
        elif isinstance(node, n.Pow) and _is_minus_one(node.exp):
            marks.append("inv")
            node = node.base
        elif isinstance(node, n.Paren):
            node = node.inner
        else:
            break
    plain = isinstance(node, n.Sym) and not (node.style and "bf" not in node.style.split("+"))
    return (node if plain else None), tuple(sorted(marks))


def _is_minus_one(node: n.Node) -> bool:
    if isinstance(node, n.Num) and node.value == "-1":
        return True  # the inverse that A^{-\top} carries (see the parser's _inverse_transpose)
    return isinstance(node, n.Add) and len(node.terms) == 1 and node.terms[0].sign == "-" \
        and isinstance(node.terms[0].node, n.Num) and node.terms[0].node.value == "1"


def _shape_of_name(sym: n.Sym) -> str:
    # an increment has the shape of its quantity: \mathbf{\Delta x} is a vector, not a bold capital
    base = sym.base.split(" ")[-1].lstrip("\\")
    arrow = "arrow" in sym.style.split("+")
    return "vector" if arrow or base[:1].islower() or base.isdigit() else "matrix"


# the base dimensions of mechanics and heat as dimensional analysis writes them (MLT^{-2}); I, N, J
# (current, amount, luminosity) are left out: I is the identity beside matrices far more often
DIMENSION_LETTERS = frozenset({"M", "L", "T", "\\Theta"})


def _exponent_is_unit(exp: n.Node) -> bool:
    return isinstance(exp, n.Num) and exp.value == "1" or _is_minus_one(exp)


def dimension_formula(trees) -> bool:
    """Whether a step is a product of powers of base dimensions (``ML^{-1}T^{-2} \\cdot L^3 = ML^2T^{-2}``,
    ``M^0L^0T^0``): two or more of M, L, T, Theta and numbers only, with a power other than 1 or -1
    among them. Such letters commute; read as matrices for being inverted (A^{-1}), every correct
    dimension count would be refuted. A matrix identity of these letters alone, with squared and
    inverse-squared powers, is rare enough to leave to the scalar reading."""
    letters: set[str] = set()
    powered = False

    def factor_ok(node: n.Node) -> bool:
        nonlocal powered
        if isinstance(node, n.Num):
            return True
        if isinstance(node, n.Sym):
            if node.base in DIMENSION_LETTERS and not (node.style or node.indices or node.labels or node.primes):
                letters.add(node.base)
                return True
            return False
        if isinstance(node, n.Paren):
            return node.delim in ("(", "[") and factor_ok(node.inner)
        if isinstance(node, n.Mul):
            return all(op in ("", "\\cdot") for op in node.ops) and all(factor_ok(f) for f in node.factors)
        if isinstance(node, n.Div):
            return factor_ok(node.num) and factor_ok(node.den)
        if isinstance(node, n.Pow):
            # the exponent is a count (numbers and lowercase unknowns such as -3a + b), never a dimension
            if any(isinstance(x, n.Sym) and (x.base in DIMENSION_LETTERS or not _is_letter(x.base)
                                             or not x.base.lstrip("\\")[:1].islower()) for x in node.exp.walk()):
                return False
            if not _exponent_is_unit(node.exp):
                powered = True
            return factor_ok(node.base)
        return False

    if not all(factor_ok(tree) for tree in trees):
        return False
    return len(letters) >= 2 and powered


def classify_shapes(trees, integers: set[str]) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """Which symbols are vectors and matrices: bold ones, transposed ones, normed ones; then, once
    a step has any, its plain capitals are matrices (A x = b) and its plain lowercase letters may be
    vectors (a reading the checker tries when the scalar one fails)."""
    if dimension_formula(trees):
        return frozenset(), frozenset(), frozenset(), frozenset()
    vectors: set[str] = set()
    matrices: set[str] = set()
    marked: list[n.Sym] = []
    plain: list[n.Sym] = []
    literal = False
    functions: set[int] = set()
    operators: set[int] = set()  # \mathbf{E}[X]: a bold operator, not a vector
    crossed: set[int] = set()
    dotted: set[int] = set()
    bold: set[int] = set()  # marked for being bold, not for what the step does with them
    plain_dots: list[tuple[n.Sym, n.Sym]] = []  # x \cdot y between two plain lowercase letters
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Apply):
                # W(y - X\beta) beside matrices: the capital that may also multiply its bracket is one
                # of the step's matrices in that reading (read as a number, (y - X\beta)^T W (y - X\beta)
                # would be symmetric in W whatever W is)
                if not (node.maybe_product and len(node.func.base) == 1 and node.func.base.isupper()
                        and not node.func.indices):
                    functions.add(id(node.func))
                if expectation.kind_of(node) is not None:
                    operators.add(id(node.func))
            if isinstance(node, n.MatrixLit):
                literal = True
            if isinstance(node, n.Sym) and "bf" in node.style.split("+") and id(node) not in operators:
                marked.append(node)
                bold.add(id(node))
            elif isinstance(node, (n.Transpose, n.Norm)):
                inner = node.inner
                # (AB)^{-\top}: the transpose of an inverse marks what is inverted, as (AB)^\top does
                while isinstance(inner, n.Paren) or isinstance(node, n.Transpose) and isinstance(inner, n.Pow) \
                        and _is_minus_one(inner.exp):
                    inner = inner.inner if isinstance(inner, n.Paren) else inner.base
                if isinstance(inner, n.Sym):
                    marked.append(inner)
                elif isinstance(node, n.Transpose) and isinstance(inner, n.Mul) and len(inner.factors) > 1 \
                        and all(isinstance(f, n.Sym) and f.base[:1].isupper() and not f.indices for f in inner.factors):
                    # (AB)^T: the capitals of a transposed product are matrices as much as A^T's (read as
                    # numbers, (AB)^T = AB would verify, and so would the order a student forgets to swap)
                    marked.extend(inner.factors)
                elif isinstance(node, n.Norm) and isinstance(inner, n.Add):
                    # \|w - x\|: the terms of a difference in a norm are vectors (of numbers, |w - x|)
                    marked.extend(t.node for t in inner.terms if isinstance(t.node, n.Sym) and not t.node.indices)
                elif isinstance(node, n.Transpose) and isinstance(inner, n.Add) and _plain_vector_terms(inner):
                    # (y - X\theta)^T: so are those of a transposed one (of numbers, the transpose would be
                    # idle, and X(X\theta - y) would pass for the gradient X^T(X\theta - y))
                    marked.extend(t.node for t in inner.terms if isinstance(t.node, n.Sym))
            elif isinstance(node, n.Inner):
                marked.extend(x for x in (node.left, node.right) if isinstance(x, n.Sym))
            elif isinstance(node, n.Func) and node.name == n.CROSS_MATRIX:
                # [t]_\times: what the cross-product matrix is made of is a vector
                marked.extend(x for x in _exposed(node.args[0]) if isinstance(x, n.Sym) and not x.indices)
            elif isinstance(node, n.Func) and node.name == n.ENTRY:
                # (A x)_i, (AB)_{ij}: what an entry is taken of is a vector or a matrix; so is the argument
                # of softmax(z)_i
                target = entrywise_argument(node.args[0]) or node.args[0]
                marked.extend(x for x in _exposed(target) if isinstance(x, n.Sym) and not x.indices)
            elif isinstance(node, n.Func) and node.name in n.MATRIX_FUNCTIONS:
                for arg in node.args:
                    # (the entries of a matrix written out are what the literal makes of them, not
                    # matrices because a determinant is taken of the whole: \det [[e^K, 1], [1, e^K]])
                    written = {id(y) for x in arg.walk() if isinstance(x, n.MatrixLit) for y in x.walk()}
                    # \det\Sigma_k, \operatorname{tr}(\Lambda_j): an indexed Greek capital in one is a matrix too
                    marked.extend(x for x in arg.walk() if isinstance(x, n.Sym) and id(x) not in written
                                  and (len(x.base) == 1 and x.base.isupper() or _greek_capital(replace(x, indices=()))))
            elif isinstance(node, n.Func) and node.name == n.DIAGONAL and len(node.args) == 1 \
                    and isinstance(node.args[0], n.Sym) and not node.args[0].indices:
                marked.append(node.args[0])  # diag(p): p is a vector (a matrix if its name says so)
            elif isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and _is_minus_one(node.exp) \
                    and (len(node.base.base) == 1 and node.base.base.isupper()):
                marked.append(node.base)  # A^{-1}: an inverse matrix
            elif isinstance(node, n.Pow) and _is_minus_one(node.exp) and isinstance(node.base, n.Paren) \
                    and _identity_beside_capitals(node.base.inner) and not any(_divides_by_capital(t) for t in trees):
                # (I + AB)^{-1}, (K + \sigma^2 I)^{-1}: the capitals of an inverted sum with the identity are
                # matrices, as the push-through and Woodbury identities and a Gaussian process write them
                # (read as numbers, (I + AB)^{-1}A = A(I + AB)^{-1} would pass for A(I + BA)^{-1})
                marked.extend(x for x in node.base.inner.walk() if isinstance(x, n.Sym) and not x.style
                              and len(x.base) == 1 and x.base.isupper() and x.base != "I")
            if isinstance(node, n.Add) and any(_identity_term(t.node) for t in node.terms):
                # \Lambda + \sigma^2 I: a Greek capital added to the identity is a matrix (a number
                # added to a matrix has no meaning to fall back on)
                marked.extend(t.node if isinstance(t.node, n.Sym) else t.node.base
                              for t in node.terms if _greek_capital(t.node))
            if isinstance(node, n.Mul):
                # E x B: a cross product is of vectors, whatever their case; so is E . B between two
                # bold capitals that nothing else in the step makes matrices (see below)
                for k, f in enumerate(node.factors[:-1]):
                    g, op = node.factors[k + 1], node.ops[k] if k < len(node.ops) else ""
                    if _greek_capital(g) and op in ("", "\\cdot") and isinstance(_unwrapped(f), n.Transpose):
                        # x^T \Sigma x, u^T \Lambda u: a capital after a row vector is a matrix, Greek
                        # ones too (a plain \Sigma elsewhere may be a sum or a scalar, so only here)
                        marked.append(g if isinstance(g, n.Sym) else g.base)
                    capital = f if isinstance(f, n.Sym) else getattr(f, "base", None)
                    if _greek_capital(f) and capital.base not in _DIFFERENCE_CAPITALS and op in ("", "\\cdot") \
                            and _bold_lowercase(g):
                        # \Phi\mathbf{w}, \Sigma\boldsymbol{\mu}: a Greek capital before a bold vector is a
                        # matrix, as a design matrix or a covariance (read as a number, \Phi(\mathbf{t} -
                        # \Phi\mathbf{w}) would pass for the gradient \Phi^T(\mathbf{t} - \Phi\mathbf{w}))
                        marked.append(capital)
                    after = _unwrapped(node.factors[k + 2]) if k + 2 < len(node.factors) else None
                    if _greek_capital(g) and op in ("", "\\cdot") and _conjugating(f, after):
                        # U\Lambda U^T, A\Sigma A^T, Q\Lambda Q^{-1}: a capital between a matrix and its
                        # transpose or inverse is a matrix, as the eigendecomposition, a similarity and the
                        # propagated covariance write it
                        marked.append(g if isinstance(g, n.Sym) else g.base)
                    if op in ("", "\\cdot") and _quadratic_bracket(f, g, after):
                        # (y - X\beta)^T W (y - X\beta): a quadratic form of a difference, whose terms are
                        # vectors and whose middle is a matrix (read as numbers, the step would be
                        # symmetric in W whatever W is)
                        inner = _unwrapped(f.inner)
                        marked.extend(t.node for t in inner.terms if isinstance(t.node, n.Sym) and not t.node.indices)
                        marked.append(g.func if isinstance(g, n.Apply) else g if isinstance(g, n.Sym) else g.base)
                    if op == "\\times":
                        crossed.update(id(x) for x in (f, g) if isinstance(x, n.Sym))
                    elif op == "\\cdot" and all(isinstance(x, n.Sym) and "bf" in x.style.split("+")
                                                  for x in (f, g)):
                        dotted.update((id(f), id(g)))
                    elif op == "\\cdot" and all(_plain_lower(x) for x in (f, g)):
                        plain_dots.append((f, g))
    # x \cdot y beside x_i and y_i: the dot between two plain letters whose entries the step writes
    # with a letter index is their inner product (\sum_i x_i y_i), not the product of two numbers
    entries_written = {x.base for tree in trees for x in tree.walk() if isinstance(x, n.Sym)
                       and len(x.indices) == 1 and _index_letter(x.indices[0]) and not (x.labels or x.primes)}
    for f, g in plain_dots:
        if f.base in entries_written and g.base in entries_written:
            marked.extend((f, g))
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym) and not node.style and id(node) not in functions \
                    and node.base not in integers and _is_letter(node.base):
                plain.append(node)
    # bold capitals in a dot product are vectors unless the step also treats them as matrices
    # (transposes, inverts, takes a trace or determinant of them)
    as_matrices = {sym.key for sym in marked if id(sym) not in bold}
    for sym in marked:
        vector = id(sym) in crossed or id(sym) in dotted and sym.key not in as_matrices
        (vectors if vector or _shape_of_name(sym) == "vector" else matrices).add(sym.key)
    if not (vectors or matrices or literal):
        return frozenset(), frozenset(), frozenset(), frozenset()
    inferred: set[str] = set()
    counts = capitals_as_numbers(trees)
    for sym in plain:
        if sym.key in vectors or sym.key in matrices or sym.key in counts:
            continue
        base = sym.base.lstrip("\\")
        if len(base) == 1 and base.isupper() and base.isalpha():
            matrices.add(sym.key)
            if base != "I":
                inferred.add(sym.key)
    candidates = {s.key for s in plain if s.key not in vectors and s.key not in matrices
                  and len(s.base) == 1 and s.base.islower()}
    candidates |= _coefficients_after_matrices(trees, matrices) - vectors - matrices
    candidates -= _coefficients_before_matrices(trees, matrices) | _superscript_counters(trees)
    return frozenset(vectors), frozenset(matrices), frozenset(candidates), frozenset(inferred)


def _coefficients_before_matrices(trees, matrices: set[str]) -> set[str]:
    """Plain lowercase Latin letters written right before a matrix in a product (the step size of
    x - tA^T(Ax - b), the \rho-like weight of sA^T A x): a column vector cannot stand there, and a row
    vector would be written x^T, so they are numbers in every reading. Made vectors with the step's
    other letters, they would only spoil the reading in which those are vectors."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not isinstance(node, n.Mul):
                continue
            for k, (before, after) in enumerate(zip(node.factors, node.factors[1:])):
                op = node.ops[k] if k < len(node.ops) else ""
                if op in ("", "\\cdot") and _plain_lower(before) and _matrix_factor(after, matrices):
                    out.add(before.key)
    return out


def _superscript_counters(trees) -> set[str]:
    """The letters that make up a letter's whole superscript (the k of z^k, z^{k+1}): a count, a
    power or an iterate's label, never a vector (as which the vectors reading would name them)."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Pow) and isinstance(node.base, n.Sym):
                exp = _unwrapped(node.exp)
                parts = [t.node for t in exp.terms] if isinstance(exp, n.Add) else [exp]
                if all(isinstance(p, (n.Sym, n.Num)) for p in parts):
                    out.update(p.key for p in parts if isinstance(p, n.Sym))
    return out


def _coefficients_after_matrices(trees, matrices: set[str]) -> set[str]:
    """Plain lowercase Greek letters right after a matrix in a product (X\\beta, Z\\gamma, \\Phi\\theta): a
    regression's coefficient vector as often as a number, so a reading (as the Latin letters are); a
    Greek letter elsewhere (\\sigma^2 I, \\lambda x) stays a number. So is the error term added to such
    a product (X\\beta + \\varepsilon, Xb + \\eta), and a term of a transposed bracket ((x - \\mu)^T)."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Add) and any(_after_matrix(t.node, matrices) for t in node.terms):
                out.update(t.node.key for t in node.terms if _plain_greek_lower(t.node))
            if isinstance(node, n.Transpose) and isinstance(_unwrapped(node.inner), n.Add):
                # (x - \mu)^T: a transposed bracket is an array, and the mean in it may be a vector
                out.update(t.node.key for t in _unwrapped(node.inner).terms if _plain_greek_lower(t.node))
            if not isinstance(node, n.Mul):
                continue
            for k, (before, after) in enumerate(zip(node.factors, node.factors[1:])):
                op = node.ops[k] if k < len(node.ops) else ""
                if op in ("", "\\cdot") and _matrix_factor(before, matrices) and _plain_greek_lower(after):
                    out.add(after.key)
    return out


def _matrix_factor(node: n.Node, matrices: set[str]) -> bool:
    base = node.inner if isinstance(node, n.Transpose) else node
    base = base.base if isinstance(base, n.Pow) and _is_minus_one(base.exp) else base
    return isinstance(base, n.Sym) and base.key in matrices


def _after_matrix(node: n.Node, matrices: set[str]) -> bool:
    """A product that ends in a matrix times a plain letter: X\\beta, Xb."""
    return isinstance(node, n.Mul) and len(node.factors) >= 2 and _matrix_factor(node.factors[-2], matrices) \
        and isinstance(node.factors[-1], n.Sym) and not node.factors[-1].indices \
        and (_plain_greek_lower(node.factors[-1]) or _plain_lower(node.factors[-1]))


def _plain_greek_lower(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not (node.style or node.labels or node.primes or node.indices) \
        and node.base.startswith("\\") and node.base[1:2].islower() and _is_letter(node.base)


def capitals_as_numbers(trees: tuple[n.Node, ...]) -> set[str]:
    """Plain capitals that the step itself uses as numbers, so that no step beside vectors makes them
    matrices: a count in an index's arithmetic (w_{T+1}, x_{N-1}) and a factor of a denominator of
    plain factors (\\frac{D^2}{2T}, \\frac{1}{\\eta T}), since nothing divides by a matrix."""
    def capital(x: n.Node) -> bool:
        return isinstance(x, n.Sym) and not x.style and not x.indices and len(x.base) == 1 and x.base.isupper()
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym):
                for item in node.indices:
                    if isinstance(item, n.Add):
                        out.update(x.key for x in item.walk() if capital(x))
            elif isinstance(node, n.Div):
                den = node.den
                while isinstance(den, n.Paren):
                    den = den.inner
                factors = den.factors if isinstance(den, n.Mul) else (den,)
                if all(isinstance(f, n.Num) or isinstance(f, n.Sym) and not f.style for f in factors):
                    out.update(f.key for f in factors if capital(f))
    return out | _exponents_in_entries(trees) | _weights_of_entries(trees) | _components_of_lists(trees) \
        | _entries_beside_written_numbers(trees) | _magnitudes_along_axes(trees) | _counts_before_logs(trees)


def _counts_before_logs(trees) -> set[str]:
    """Plain capitals that scale the log of plain numbers, or a max, min or sum of such numbers: the N of
    N\\ln\\beta and \\frac{N}{2}\\ln(2\\pi), the M of M\\ln\\alpha (a log-likelihood's count of samples or of
    parameters), the C of C\\sum_i \\max(0, 1 - y_i\\mathbf{w}^\\top\\mathbf{x}_i) (a hinge loss's weight). A
    matrix times such a number is rare beside the vectors (\\mathbf{w}^T\\mathbf{w}) that make the step's
    capitals matrices; read as one, N\\ln\\beta - \\beta\\mathbf{w}^T\\mathbf{w} would add a number to a matrix."""
    def capital(x: n.Node) -> bool:
        return isinstance(x, n.Sym) and not x.style and not x.indices and len(x.base) == 1 and x.base.isupper()

    def scalar_log(x: n.Node) -> bool:
        # of numbers and plain lowercase letters only (\ln|\mathbf{A}| is of a matrix's determinant)
        return isinstance(x, n.Func) and x.name in LOGARITHMS and x.power is None and all(
            isinstance(y, (n.Num, n.Const, n.Div, n.Mul, n.Paren, n.Pow)) or isinstance(y, n.Sym) and not y.style
            and not y.base[:1].isupper() for arg in x.args for y in arg.walk())

    def scalar(x: n.Node) -> bool:
        # \max and \min compare numbers, whatever they are of; a sum of numbers is one
        while isinstance(x, n.Paren):
            x = x.inner
        if isinstance(x, n.BigOp) and x.kind == "sum":
            return scalar(x.body)
        return scalar_log(x) or isinstance(x, n.Func) and x.name in ("max", "min") and x.power is None

    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not (isinstance(node, n.Mul) and not any(node.ops) and any(scalar(f) for f in node.factors)):
                continue
            for f in node.factors:
                if capital(f):
                    out.add(f.key)
                elif isinstance(f, n.Div) and capital(f.num) and isinstance(f.den, n.Num):
                    out.add(f.num.key)
    return out


def _magnitudes_along_axes(trees) -> set[str]:
    """Plain capitals (maybe subscripted) alone or among the plain factors of the one entry of a column
    of three whose other entries are written zeros: (0, 0, B), (E_0\\cos(kz), 0, 0), which is also what
    B\\hat{\\mathbf{z}} becomes (see cartesian.basis_vectors), the magnitude of a field along an axis. Read
    as a block, the column would be a matrix of matrices."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not (isinstance(node, n.MatrixLit) and len(node.rows) == 3 and all(len(r) == 1 for r in node.rows)):
                continue
            entries = [r[0] for r in node.rows]
            zeros = [e for e in entries if isinstance(e, n.Num) and e.value == "0"]
            if len(zeros) != 2:
                continue
            (entry,) = [e for e in entries if not any(e is z for z in zeros)]
            factors = entry.factors if isinstance(entry, n.Mul) and not any(entry.ops) else (entry,)
            out.update(f.key for f in factors if isinstance(f, n.Sym) and not f.style and len(f.base) == 1
                       and f.base.isupper() and not (f.labels or f.primes or f.sup_letter is not None))
    return out


def _entry_scalar(node: n.Node) -> bool:
    """A number, an indexed plain lowercase Greek letter (\\xi_i, \\alpha_i: the entries of a family of
    numbers, slacks, multipliers), or sums, products, powers and fractions of them alone."""
    if isinstance(node, n.Num):
        return True
    if isinstance(node, n.Sym):
        base = node.base.lstrip("\\")
        return bool(node.indices) and not node.style and base in GREEK and base.islower()
    if isinstance(node, n.BigOp):
        return node.kind in ("sum", "prod") and _entry_scalar(node.body)
    if isinstance(node, n.Paren):
        return _entry_scalar(node.inner)
    if isinstance(node, n.Add):
        return all(_entry_scalar(t.node) for t in node.terms)
    if isinstance(node, n.Mul):
        return all(_entry_scalar(f) for f in node.factors)
    if isinstance(node, n.Pow):
        return _entry_scalar(node.base) and isinstance(node.exp, n.Num)
    if isinstance(node, n.Div):
        return _entry_scalar(node.num) and _entry_scalar(node.den)
    return False


def _weights_of_entries(trees) -> set[str]:
    """Plain capitals that only ever multiply, or add to, numbers and entries of families of numbers:
    the C of an SVM's C\\sum_i \\xi_i beside \\|w\\|^2 and of its derivative C - \\mu_i, a penalty
    weight, not a matrix (read as one, it is added to the number \\frac12\\|w\\|^2 and nothing is decided)."""
    def capital(x: n.Node) -> bool:
        return isinstance(x, n.Sym) and not x.style and not x.indices and len(x.base) == 1 and x.base.isupper()

    weights: set[str] = set()
    other: set[str] = set()
    for tree in trees:
        parents = {id(c): node for node in tree.walk() for c in node.children()}
        for x in tree.walk():
            if not capital(x):
                continue
            parent = parents.get(id(x))
            if isinstance(parent, n.Term):
                parent = parents.get(id(parent))
                beside = [t.node for t in parent.terms if t.node is not x] if isinstance(parent, n.Add) else []
            elif isinstance(parent, n.Mul):
                beside = [f for f in parent.factors if f is not x]
                if _added_to_written_matrix(parent, parents):
                    beside = []  # 5I beside a written matrix: nothing adds a number to a matrix
            else:
                beside = []
            (weights if beside and all(_entry_scalar(g) for g in beside) else other).add(x.key)
    return weights - other


def _added_to_written_matrix(term: n.Node, parents: dict) -> bool:
    """Whether ``term`` is a term of a sum another term of which is a written matrix, maybe scaled
    (\\begin{pmatrix}..\\end{pmatrix} - 5I, 2\\begin{bmatrix}..\\end{bmatrix} + 3B): the capital it
    scales is a matrix then, as the sum has no meaning otherwise."""
    holder = parents.get(id(term))
    total = parents.get(id(holder)) if isinstance(holder, n.Term) else None
    if not isinstance(total, n.Add):
        return False

    def written(node: n.Node) -> bool:
        if isinstance(node, n.MatrixLit):
            return not node.det
        if isinstance(node, n.Mul):
            factors = node.factors
            return any(written(f) for f in factors) and all(isinstance(f, (n.Num, n.MatrixLit)) for f in factors)
        return False
    return any(written(t.node) for t in total.terms if t is not holder)


def _entries_beside_written_numbers(trees) -> set[str]:
    """Plain capitals in the entries of a written column (or row) that multiplies a written matrix of
    numbers whose width (height) is its length, and that itself has a number other than 0 among its
    entries: the X, Y, Z of a camera's [[f, 0, 0, 0], [0, f, 0, 0], [0, 0, 1, 0]] [X; Y; Z; 1], world
    coordinates. Read as blocks, the product makes each entry one row high and the 1 makes the column
    one wide, so every entry is a number; a block matrix ([R, t; 0, 1] [x; 1]) has letters in the other
    factor and stays as it is. Entries that transpose, invert or pair up capitals (X^T Y, a number made
    of vectors) may hold blocks of other sizes and are left alone."""
    def numeric(lit: n.MatrixLit) -> bool:
        return not any(isinstance(x, n.Sym) and (x.base[:1].isupper() or "bf" in x.style.split("+")
                                                 or _greek_capital(replace(x, indices=())))
                       for row in lit.rows for e in row for x in e.walk())

    def one_by_one(entry: n.Node) -> bool:
        return not any(isinstance(x, (n.Transpose, n.Inner, n.Norm, n.MatrixLit)) or isinstance(x, n.Pow)
                       and _is_minus_one(x.exp) or isinstance(x, n.Mul) and sum(
                           isinstance(f, n.Sym) and f.base[:1].isupper() for f in x.factors) > 1
                       for x in entry.walk())

    def written_one(entry: n.Node) -> bool:
        return isinstance(entry, n.Num) and entry.value.strip("0.") != ""

    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not isinstance(node, n.Mul):
                continue
            for k, (f, g) in enumerate(zip(node.factors, node.factors[1:])):
                if (node.ops[k] if k < len(node.ops) else "") not in ("", "\\cdot"):
                    continue
                f, g = _unwrapped(f), _unwrapped(g)
                if not (isinstance(f, n.MatrixLit) and isinstance(g, n.MatrixLit)) or f.det or g.det:
                    continue
                if numeric(f) and all(len(row) == 1 for row in g.rows) and len(g.rows) == len(f.rows[0]):
                    lines = [[row[0] for row in g.rows]]  # a column after the numbers
                elif numeric(g) and len(f.rows) == 1 and len(f.rows[0]) == len(g.rows):
                    lines = [list(f.rows[0])]  # a row before them
                else:
                    continue
                entries = [e for line in lines for e in line]
                if not any(written_one(e) for e in entries) or not all(one_by_one(e) for e in entries):
                    continue
                out.update(x.key for e in entries for x in e.walk() if isinstance(x, n.Sym) and not x.style
                           and not x.indices and len(x.base) == 1 and x.base.isupper())
    return out


def _components_of_lists(trees) -> set[str]:
    """Plain capitals inside a component of a vector written as a list, beside more than themselves: the
    R of (R\\cos u\\cos v, R\\cos u\\sin v, R\\sin u), a sphere's radius. A list's components are numbers,
    and a matrix there would make the list a block vector, which is not read; a component that is a
    capital alone, (A, B), may be such a block, and stays as the step's other capitals are."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not (isinstance(node, n.MatrixLit) and node.listed):
                continue
            for entry in (e for row in node.rows for e in row):
                bare = entry.terms[0].node if isinstance(entry, n.Add) and len(entry.terms) == 1 else entry
                if isinstance(bare, n.Sym):
                    continue
                out.update(x.key for x in entry.walk() if isinstance(x, n.Sym) and not x.style
                           and not x.indices and len(x.base) == 1 and x.base.isupper())
    return out


def _exponents_in_entries(trees) -> set[str]:
    """Plain capitals in an exponent inside an entry of a written matrix (e^{-K}, e^{\\beta J}, a^N,
    \\exp(K)): the entries of a matrix of numbers are numbers, and so is what they are raised to; a
    matrix there would make the literal a block matrix, which is not read. A capital that some entry
    also writes outside an exponent (the A of exp [[A, 0], [0, B]] = [[e^A, 0], [0, e^B]]) may be a
    block, and stays as the step's other capitals are."""
    def capitals(node: n.Node) -> set[str]:
        return {x.key for x in node.walk() if isinstance(x, n.Sym) and not x.style and not x.indices
                and len(x.base) == 1 and x.base.isupper()}

    raised: set[str] = set()
    bare: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not isinstance(node, n.MatrixLit):
                continue
            for entry in (e for row in node.rows for e in row):
                exponents = [x.exp if isinstance(x, n.Pow) else x for x in entry.walk()
                             if isinstance(x, n.Pow) or isinstance(x, n.Func) and x.name == "exp"]
                inside = set().union(*(capitals(e) for e in exponents)) if exponents else set()
                raised |= inside
                # the capitals of the entry outside every exponent: a Sym counted once per occurrence
                skipped = {id(y) for e in exponents for y in e.walk() if isinstance(y, n.Sym)}
                bare |= {x.key for x in entry.walk() if isinstance(x, n.Sym) and id(x) not in skipped
                         and x.key in capitals(x)}
    return raised - bare


def required_vectors(trees, vectors: frozenset, matrices: frozenset) -> frozenset[str]:
    """Plain letters that only fit as vectors: the x of w^T x and of u^T A x (a row vector, then
    matrices, then the letter), and the variable of a gradient."""
    out: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Grad):
                out.add(node.var.key)
            if not isinstance(node, n.Mul):
                continue
            row = False  # the product so far ends in a row vector
            for factor, op in zip(node.factors, ("", *node.ops)):
                if op not in ("", "\\cdot"):
                    row = False
                    continue
                inner = factor
                while isinstance(inner, n.Paren):
                    inner = inner.inner
                if isinstance(inner, n.Transpose):
                    base = inner.inner
                    while isinstance(base, n.Paren):
                        base = base.inner
                    if isinstance(base, n.Sym) and base.key in matrices:
                        continue  # w^T X^T y: a row vector times a matrix is still one
                    row = isinstance(base, n.Sym) and base.key in vectors
                    if isinstance(base, n.Add) and isinstance(inner.inner, n.Paren):
                        # (x - \mu)^T A (x - \mu): a transposed bracket of letters is a row vector as x^T is,
                        # so its letters are vectors, and what the product ends in
                        terms = [_vector_term(term.node, matrices) for term in base.terms]
                        if terms and all(x is not None and x.key not in matrices for x in terms):
                            out.update(x.key for x in terms if x.key not in vectors)
                            row = True
                elif isinstance(inner, n.Sym) and inner.key in matrices:
                    continue  # u^T A x: still a row vector
                elif isinstance(inner, n.Sym) and row and inner.key not in vectors:
                    out.add(inner.key)
                    row = False
                elif isinstance(inner, n.Add) and row:
                    # g^T (x_0 - z): each term is a vector, so a plain letter standing as a term is one
                    for term in inner.terms:
                        last = _vector_term(term.node, matrices)
                        if last is not None and last.key not in vectors:
                            out.add(last.key)
                    row = False
                else:
                    row = False
    # x - \mu beside the gradient's x: a letter added to such a vector is one too (a number added to a
    # vector is no linear algebra), so that (x - \mu)^T \Sigma^{-1} (x - \mu) reads as the Gaussian's form
    sums = [[_vector_term(term.node, matrices) for term in node.terms]
             for tree in trees for node in tree.walk() if isinstance(node, n.Add)]
    grown = True
    while grown:
        grown = False
        for letters in sums:
            if any(x is not None and x.key in out for x in letters):
                new = {x.key for x in letters if x is not None and x.key not in out | vectors | matrices}
                grown = grown or bool(new)
                out |= new
    return frozenset(out)


def _plain_vector_terms(add: n.Add) -> bool:
    """Whether every term of ``add`` is a letter without indices, or such a letter after capitals and
    numbers (y - X\\theta, x - 2\\mu): a difference of vectors as written, none of whose letters is an
    entry (x_1 - A\\mu_1 - b mixes in indexed letters, which may be numbers or vectors)."""
    for term in add.terms:
        node = term.node
        factors = node.factors if isinstance(node, n.Mul) else (node,)
        last = factors[-1]
        if not isinstance(last, n.Sym) or last.indices or last.labels:
            return False
        if not all(isinstance(f, n.Num) or isinstance(f, n.Sym) and len(f.base) == 1 and f.base.isupper()
                   and not f.indices for f in factors[:-1]):
            return False
    return True


def _vector_term(node: n.Node, matrices: frozenset) -> n.Sym | None:
    """The letter a term of a sum of vectors ends in, when only numbers and matrices precede it
    (x, 2x, M^{-1} b); None when a factor could be the vector instead (t g)."""
    if isinstance(node, n.Sym):
        return node
    if not isinstance(node, n.Mul) or not isinstance(node.factors[-1], n.Sym):
        return None
    for factor in node.factors[:-1]:
        base = factor.base if isinstance(factor, n.Pow) else factor
        if not (isinstance(factor, n.Num) or isinstance(base, n.Sym) and base.key in matrices):
            return None
    return node.factors[-1]


def entry_letters(trees, vectors: frozenset, matrices: frozenset, required: frozenset) -> tuple[tuple[str, str], ...]:
    """The letters a step writes both whole, as a vector or matrix (w^T x, \\mathbf{x}, A x), and with
    letter indices as numbers (w_i x_i, A_{ij}): the indexed forms are the entries, as (written key,
    vector key) pairs. The indexed form may be plain beside a styled vector (x_i beside \\mathbf{x}).
    Not when an indexed form stands where a vector does (w^T x_i, \\|x - x_i\\|, A x_i): that x_i is a
    sample, a vector of its own; nor with numeric indices (x_1 + x_2 fixes no dimension), labels or
    primes (w^{(t)}, whose entries are another question)."""
    shaped = vectors | matrices | required
    whole: dict[str, set[str]] = {}  # base -> keys of its shaped forms written without an index
    alone: set[str] = set()  # bases written plain and alone, not as a vector or matrix
    indexed: dict[str, list[n.Sym]] = {}
    odd: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if not isinstance(node, n.Sym):
                continue
            if node.labels or node.primes or node.sup_letter is not None:
                odd.add(node.base)
            elif not node.indices:
                if node.key in shaped:
                    whole.setdefault(node.base, set()).add(node.key)
                elif not node.style:
                    alone.add(node.base)
            else:
                indexed.setdefault(node.key, []).append(node)
    if not indexed or not whole:
        return ()
    positions = _vector_positions(trees, shaped)
    out = []
    for key, written in indexed.items():
        base, style = written[0].base, written[0].style
        forms = whole.get(base, set())
        if base in odd:
            continue
        if key in forms:
            target = key
        elif not style and base not in alone and len(forms) == 1:
            target = next(iter(forms))
        else:
            continue
        count = 2 if target in matrices else 1
        if target in matrices and target in vectors:
            continue
        if all(len(x.indices) == count and all(_index_letter(i) for i in x.indices) and id(x) not in positions
               for x in written):
            out.append((key, target))
    return tuple(sorted(out))


def _sample_vector(node: n.Sym) -> tuple[n.Sym, n.Sym] | None:
    """The vector whose entry ``node`` may be, as a sample's, and the entry's index: x_i and j of x_{ij},
    x^{(i)} and j of x_j^{(i)} (whose parenthesised label the parser keeps as an index); None otherwise."""
    if node.primes or node.sup_letter is not None or len(node.indices) != 2 \
            or not all(_index_letter(i) for i in node.indices):
        return None
    if not node.labels:
        return replace(node, indices=node.indices[:1]), node.indices[1]
    if node.labels == ("()",):
        return replace(node, indices=node.indices[1:]), node.indices[0]
    return None


def _greek_indices_up(node: n.Pow, env: dict) -> bool:
    """Whether ``node`` is a tensor's upper index rather than a power: a superscript of Greek letters
    (none of them given a value) on a letter that also carries Greek subscripts (\\Gamma^\\lambda_{\\mu\\nu},
    \\delta^\\mu_\\nu), or of two or more Greek letters side by side (F^{\\mu\\nu}). x^\\alpha alone is a power."""
    if not isinstance(node.base, n.Sym):
        return False
    parts = node.exp.factors if isinstance(node.exp, n.Mul) and not node.exp.explicit else (node.exp,)
    if not all(isinstance(p, n.Sym) and not p.indices and not p.style and p.base.startswith("\\")
               and p.base[1:] in GREEK and p.base[1:].islower() and p.base not in env for p in parts):
        return False
    if len(parts) > 1:
        return True
    return any(isinstance(i, n.Sym) and not i.indices and i.base.startswith("\\") and i.base[1:] in GREEK
               and i.base[1:].islower() for i in node.base.indices)


# the letters tensor notes index with: a subscript s, c or a beside them is a label (A_s E_s + A_c E_c,
# steel and concrete), x, y, z name axes (\tau_{xx} is a component, not a trace), and a convention the
# prose announces says nothing about those
TENSOR_LETTERS = frozenset("ijklmnpqr")


def _index_letter(item: n.Node) -> bool:
    return isinstance(item, n.Sym) and not item.indices and not item.style and not item.labels \
        and _is_letter(item.base) and item.base.islower()


def _exposed(node: n.Node) -> list[n.Node]:
    """The symbols whose shape is the shape of ``node``: a vector among them makes it a vector."""
    node = _unwrapped(node)
    if isinstance(node, n.Sym):
        return [node]
    if isinstance(node, n.Add):
        return [x for t in node.terms for x in _exposed(t.node)]
    if isinstance(node, n.Mul):
        return [x for f in node.factors for x in _exposed(f)]
    if isinstance(node, n.Div):
        return _exposed(node.num)
    if isinstance(node, n.Transpose):
        return _exposed(node.inner)
    return []


def _vectorish(node: n.Node, shaped: frozenset) -> bool:
    """A factor or term that is written as a vector or matrix itself (w^T, \\mathbf{x}, A)."""
    node = _unwrapped(node)
    if isinstance(node, (n.Transpose, n.MatrixLit)):
        return True
    return isinstance(node, n.Sym) and not node.indices and (node.key in shaped or "bf" in node.style.split("+"))


def _vector_positions(trees, shaped: frozenset) -> set[int]:
    """Ids of the symbols that stand where a vector does: transposed, normed, in an inner product, the
    variable of a gradient, beside a vector or matrix in a product or a sum."""
    out: set[int] = set()
    for tree in trees:
        for node in tree.walk():
            groups: list[n.Node] = []
            if isinstance(node, (n.Transpose, n.Norm)):
                groups = [node.inner]
            elif isinstance(node, n.Inner):
                groups = [node.left, node.right]
            elif isinstance(node, n.Grad):
                groups = [node.var]
            elif isinstance(node, n.Mul) and any(_vectorish(f, shaped) for f in node.factors):
                groups = list(node.factors)
            elif isinstance(node, n.Add) and any(_vectorish(t.node, shaped) for t in node.terms):
                groups = [t.node for t in node.terms]
            out.update(id(x) for g in groups for x in _exposed(g))
    return out


def dimension_letters(trees, entries: dict[str, str], sampled: frozenset[str] = frozenset()) -> frozenset[str]:
    """The letters d of the sums \\sum_{i=1}^{d} over entries of a vector that the step writes nowhere
    else (not alone, not as an index, not bounding another sum): the vector's dimension. ``sampled``:
    the keys of the step's vectors, whose samples' entries (x_{il} of x_i) a sum may run over too."""
    if not entries and not sampled:
        return frozenset()
    found: set[str] = set()
    tops: set[int] = set()  # the ids of those bounds
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.BigOp) and node.hi is not None \
                    and (indexes_entries(node, entries) or _indexes_samples(node, sampled)):
                hi = node.hi
                if isinstance(hi, n.Sym) and not hi.indices and not hi.style and not hi.labels and _is_letter(hi.base):
                    found.add(hi.base)
                    tops.add(id(hi))
    others = {x.base for tree in trees for x in tree.walk() if isinstance(x, n.Sym) and id(x) not in tops}
    return frozenset(found - others)


def _indexes_samples(node: n.BigOp, sampled: frozenset[str]) -> bool:
    """Whether a sum's index is the entry index of a sample's entry in its body (the l of v_{i,l})."""
    return bool(sampled) and any(
        isinstance(x, n.Sym) and x.key in sampled and (sample := _sample_vector(x)) is not None
        and sample[1].base in (node.var, *node.extra_vars) for x in node.body.walk())


def indexes_entries(node: n.BigOp, entries: dict[str, str]) -> bool:
    """Whether a sum's index is the index of an entry of a vector or matrix in its body."""
    return any(isinstance(x, n.Sym) and x.key in entries and any(
        isinstance(i, n.Sym) and i.base in (node.var, *node.extra_vars) and not i.indices for i in x.indices)
        for x in node.body.walk())


# the pairs a sum over pairs (\sum_{i<j}, see n.BigOp.order) keeps, by the relation written
_PAIR_HOLDS = {"<": lambda a, b: a < b, "\\le": lambda a, b: a <= b, "\\neq": lambda a, b: a != b}


def sum_bounds(*trees: n.Node) -> dict[str, tuple]:
    """Bounds written on some \\sum_{k=a}^{b} of a step, by index, when the step agrees on them."""
    found: dict[str, set] = {}
    nodes: dict[str, tuple] = {}
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.BigOp) and node.lo is not None and node.hi is not None:
                key = (repr(n.structure(node.lo)), repr(n.structure(node.hi)))
                for var in (node.var, *node.extra_vars):  # \sum_{i,j=1}^{n}: both run to n
                    found.setdefault(var, set()).add(key)
                    nodes[var] = (node.lo, node.hi)
    out = {var: nodes[var] for var, keys in found.items() if len(keys) == 1}
    out.update(_ellipsis_ranges(trees, out))
    return out


def _ellipsis_ranges(trees: tuple[n.Node, ...], bounded: dict[str, tuple]) -> dict[str, tuple]:
    """``x_1 x_2 \\cdots x_n = \\prod_i x_i``: a sum or product without bounds over the sequence the dots
    run over, in a step with one such range, runs over the same range."""
    folds = {(repr(n.structure(x.lo)), repr(n.structure(x.hi))): x for tree in trees for x in tree.walk()
             if isinstance(x, n.BigOp) and x.least and x.lo is not None}
    if len(folds) != 1:
        return {}
    fold = next(iter(folds.values()))
    names = _indexed_names(fold.body, fold.var)
    return {x.var: (fold.lo, fold.hi) for tree in trees for x in tree.walk()
            if isinstance(x, n.BigOp) and x.lo is None and not x.values and x.var not in bounded and not x.extra_vars
            and _indexed_names(x.body, x.var) & names}


def _indexed_names(body: n.Node, var: str) -> set[str]:
    """The names ``body`` subscripts with the bare letter ``var`` (x for x_k, w for w_{jk})."""
    return {x.key for x in body.walk() if isinstance(x, n.Sym)
            and any(isinstance(i, n.Sym) and i.base == var and not i.indices for i in x.indices)}


def least_integers(*trees: n.Node) -> dict[str, int]:
    """The smallest value of each letter that ends a range written with dots (n in ``x_1 + x_2 + x_3 +
    \\cdots + x_n``) for the range to hold the terms written out: below it the reading would drop
    terms the author wrote."""
    out: dict[str, int] = {}
    for tree in trees:
        for x in tree.walk():
            if not (isinstance(x, n.BigOp) and x.least and x.lo is not None):
                continue
            lo, hi = affine(x.lo), affine(x.hi)
            if lo is None or hi is None or not lo.constant or len(hi.coeffs) != 1:
                continue
            (name, c), = hi.coeffs
            if c > 0:
                # hi - lo + 1 >= least, with hi = c * name + hi.const
                need = -((hi.const - lo.const + 1 - x.least) // c)
                out[name] = max(out.get(name, 0), int(need))
    return out


def read_as_product(node: n.Apply, letters: Letters) -> bool:
    """``p(1-p)`` is a product because ``p`` also stands alone in the step; ``f(x)`` never does. In a
    step in time, ``\\dot q(m\\ddot q + kq)`` is a product too: a velocity is applied only to the time."""
    if node.maybe_product and letters.time is not None and n.undotted(node.func)[1]:
        return [n.structure(a) for a in node.args] != [n.structure(letters.time)]
    if node.func.indices:
        # (the same letter with the same subscripts: \phi_1 alone says nothing of \phi_2(x); and a
        # sequence \mu_x[k] stays one beside \mu_x^2[k], whose power may be of the term)
        return node.maybe_product and node.bracket in ("(", "[") and not node.func.style \
            and _indexed_name(node.func) in letters.standalone \
            and (node.bracket == "(" or _no_index(node.args[0]) or bracket_key(node.args[0]) in letters.standalone)
    if node.maybe_product and node.bracket == "(" and node.func.key in letters.standalone \
            and node.func.key in letters.matrices:
        return True  # a bold matrix written alone elsewhere in the step multiplies its bracket
    if node.maybe_product and node.bracket == "(" and node.func.key in letters.standalone \
            and node.func.key in letters.vectors and _scalar_product_of_vectors(node.args[0], letters):
        # \mathbf{b}(\mathbf{a}\cdot\mathbf{c}) beside \mathbf{b}\times\mathbf{c}: a vector times a number (the
        # BAC-CAB rule), where a vector function \mathbf{r}(t) takes a variable, not a product of vectors
        return True
    if node.maybe_product and node.bracket == "(" and node.func.style \
            and set(node.func.style.split("+")) <= ACCENT_STYLES:
        return node.func.key in letters.standalone  # \bar h (T_s - T_\infty) beside \bar h alone
    if node.maybe_product and node.func.base == "\\pi" and not node.func.style and _measured(node.args):
        return True  # \pi (0.02\,\mathrm{m})^2: a measured circle's area, not pi(10) or a prior's pi(0.5)
    return node.maybe_product and node.func.base in letters.standalone


def _no_index(arg: n.Node) -> bool:
    """Whether ``arg`` is no sequence's index: it multiplies letters or transposes a vector (the
    Lagrangian's ``\\alpha_i[y_i(w^T x_i + b) - 1]``), where a sequence's index is a count, ``h_1[n - k]``."""
    for x in arg.walk():
        if isinstance(x, (n.Transpose, n.Apply)):
            return True
        if isinstance(x, n.Mul) and sum(not isinstance(f, n.Num) for f in x.factors) >= 2:
            return True
    return False


def _scalar_product_of_vectors(arg: n.Node, letters: Letters) -> bool:
    """Whether ``arg`` is a product of two of the step's vectors alone (``a \\cdot c``, ``a^T b``): a
    number, never the variable of a vector function. A 0 there is such a product taken as 0 (the
    orthogonality hypothesis puts it in; the parser never leaves a bracket of 0 a possible product)."""
    if isinstance(arg, n.Num) and arg.value == "0":
        return True
    if not isinstance(arg, n.Mul) or len(arg.factors) != 2:
        return False
    inner = [f.inner if isinstance(f, n.Transpose) else f for f in arg.factors]
    return all(isinstance(f, n.Sym) and f.key in letters.vectors for f in inner)


def _measured(args: tuple[n.Node, ...]) -> bool:
    """Whether ``args`` are numbers with their units alone (0.02 m, a measurement), or in scientific
    notation (``4\\pi(6.957\\times10^{8})^2``, a star's radius in metres). Without either, pi(0.5) may be
    a prior density's value at 0.5."""
    nodes = [x for a in args for x in a.walk()]
    return all(isinstance(x, (n.Num, n.Add, n.Term, n.Mul, n.Div, n.Pow, n.Paren))
               or isinstance(x, n.Sym) and x.style == "unit" for x in nodes) \
        and any(isinstance(x, n.Sym) and x.style == "unit" or _scientific(x) for x in nodes)


def _scientific(node: n.Node) -> bool:
    """``6.957 \\times 10^{8}``: a number times a written power of ten."""
    return isinstance(node, n.Mul) and len(node.factors) == 2 and node.ops in (("\\times",), ("\\cdot",)) \
        and isinstance(node.factors[0], n.Num) and isinstance(node.factors[1], n.Pow) \
        and isinstance(node.factors[1].base, n.Num) and node.factors[1].base.value == "10"


def _concentration(node: n.Paren) -> bool:
    """Whether ``node`` is a square bracket around capitals alone (``[S]``, ``[ES]``, ``[\\mathrm{NaCl}]``): a
    concentration, where a sequence's index is a count in lower case (``x[n - k]``)."""
    if node.delim != "[":
        return False
    inner = node.inner.factors if isinstance(node.inner, n.Mul) else (node.inner,)
    return all(isinstance(x, n.Sym) and not x.indices and not x.primes and x.base[:1].isupper() for x in inner)


def bracket_key(inner: n.Node) -> str:
    """A square bracket's entry in ``Letters.standalone`` (``[S]``), which no letter's name can equal."""
    return "[" + repr(n.structure(inner)) + "]"


def _indexed_name(node: n.Sym) -> str:
    """A subscripted letter's entry in ``Letters.standalone``, which no plain letter's base can equal."""
    return node.base + "_" + repr(tuple(n.structure(i) for i in node.indices))


def _identity_beside_capitals(tree: n.Node) -> bool:
    """``I - P``, ``2I + A``: I as a term of a sum beside a term with another capital, where it may be
    the identity; I^2 R t is a current."""
    for node in tree.walk():
        if not isinstance(node, n.Add) or len(node.terms) < 2:
            continue
        identity = capital = False
        for term in node.terms:
            syms = [x for x in term.node.walk() if isinstance(x, n.Sym)]
            # (I_n walks to its size n as well: the term itself is the identity letter)
            if isinstance(term.node, n.Sym) and _is_identity_letter(term.node) \
                    or syms and all(_is_identity_letter(x) for x in syms) \
                    or any(_is_identity_letter(x) for x in syms) \
                    and all(_is_identity_letter(x) or _plain_lowercase(x) for x in syms):
                # (kI - A, \lambda I - A, nI - J: a scalar multiple of the identity is as common a term)
                identity = True
            elif any(x.base.isupper() and len(x.base) == 1 and x.base != "I" for x in syms):
                capital = True
        if identity and capital:
            return True
    return False


def identity_reading(trees, letters: Letters) -> bool:
    """Whether the step's readings include the one with I the identity matrix: I beside other
    capitals in a sum or a scaled I inverted, in a step with no matrix otherwise."""
    return not letters.matrices and any(_identity_beside_capitals(t) or _scaled_identity_power(t) for t in trees) \
        and not any(_divides_by_capital(t) for t in trees)


def _scaled_identity_power(tree: n.Node) -> bool:
    """``(kI)^{-1/2}``, ``(\\sigma^2 I)^{-1}``: a scalar multiple of I inverted or under a root, as
    normalised Laplacians and ridge regression write it, where I may be the identity (a current or a
    moment of inertia is seldom scaled and then inverted)."""
    for node in tree.walk():
        if not isinstance(node, n.Pow):
            continue
        base = node.base.inner if isinstance(node.base, n.Paren) else node.base
        if not isinstance(base, n.Mul) or isinstance(node.exp, n.Num):
            continue  # ((2I)^2 is a power of a current as much as of a matrix)
        syms = [x for x in base.walk() if isinstance(x, n.Sym)]
        if any(_is_identity_letter(x) for x in syms) \
                and all(_is_identity_letter(x) or _plain_lowercase(x) for x in syms):
            return True
    return False


def _divides_by_capital(tree: n.Node) -> bool:
    """Whether a capital letter stands in a denominator (\\frac{(N - I)I}{N}): the step's capitals are
    numbers then (populations, counts), no matrices, and I among them is no identity."""
    return any(isinstance(node, n.Div) and any(isinstance(x, n.Sym) and x.base.isupper() and len(x.base) == 1
                                               for x in node.den.walk()) for node in tree.walk())


def _plain_lowercase(sym: n.Sym) -> bool:
    """A plain lower-case Latin or Greek letter (k, \\lambda), the scalar of a term like kI."""
    name = sym.base.lstrip("\\")
    return bool(name) and name[0].islower() and not sym.style and not sym.indices and not sym.labels \
        and sym.sup_letter is None


def _is_identity_letter(sym: n.Sym) -> bool:
    if sym.base != "I" or sym.style or sym.labels or sym.sup_letter is not None:
        return False
    return not sym.indices or _sized_by_letter(sym)  # I, or I_n of a size a letter names


#: the reading of a step with a conjugate transpose in which its vectors and matrices have complex
#: entries: one it must hold in as well to be verified (x^H y = y^H x holds for real entries only)
COMPLEX_ARRAYS = ("complex arrays",)
BASE_DIGITS = {"log10": 10, "log2": 2}
#: the reading of \log in base 2, the logarithm of computer science (its other reading is base 10)
LOG_BASE_TWO = ("logbase2",)
#: \sin 30 = \frac12: a whole number under a trigonometric function read as degrees
DEGREE_ANGLES = ("degree angles",)
TRIGONOMETRIC = frozenset({"sin", "cos", "tan", "cot", "sec", "csc"})
#: \tan A + \tan B + \tan C = \tan A \tan B \tan C: A, B, C (or alpha, beta, gamma) the angles of a triangle
TRIANGLE_ANGLES = ("triangle angles",)
TRIANGLE_LETTERS = (("A", "B", "C"), ("\\alpha", "\\beta", "\\gamma"))
#: \max_{q \in [0, 10]} (5q - q^2) = 6: the variable of an optimisation over an interval running through
#: its integers (a whole number of units), a reading that only leaves a step to the prose
INTEGER_OPTIMUM = ("integer optimum",)
#: \cos 2\pi/3: the slash inside the function's argument (the cosine of 2pi/3), or after it
SLASH_ARGUMENT = ("slash argument",)
#: functions whose unbracketed argument a slash may continue: chemistry writes \ln k_1/k_2 for the
#: log of the ratio as readily as trigonometry writes \sin x/2
SLASH_FUNCTIONS = TRIGONOMETRIC | {"log"}
#: \varepsilon/k_B T: a slash before juxtaposed factors, read as a/(bc) and, in this reading, as (a/b)c
SLASH_REACH = ("slash reach",)
#: \log(x)^2 read as \log(x^2), as some authors mean it (the exponent after the bracket, inside it)
FUNCTION_POWER = ("fpow",)
#: the functions that reading is tried for: \log(x)^2 = 2\log x is an author's shorthand, while \sin(x)^2
#: and \exp(x)^2 are (\sin x)^2 and e^{2x} in every text, and \sin(x^2) = \sin(x)^2 a slip
LOGARITHMS = frozenset({"log"})
# the reading of a bare \mathbb{E} X^2 as (E X)^2 (see n.Reach)
OPERATOR_REACH = ("operator reach",)
#: \|A\|_1, \|A\|_2, \|A\|_\infty of a matrix read as norms of its entries, not as the induced norms
ENTRYWISE_NORMS = ("entrywise norms",)
#: 3^{-1} \equiv 5 \pmod 7: a fraction modulo a whole number read as a modular inverse
INVERSE_RESIDUES = ("inverse residues",)
#: random matrices and vectors of size 2 instead of linalg.SIZE: a step with tr, det, adj or I whose
#: matrices have no written size is decided at both sizes (det(2A) = 4 det A holds for 2 x 2 ones only)
SMALL_MATRICES = ("small matrices",)
#: the largest size of written matrices that the step's random ones take (larger ones' inverses cost)
WRITTEN_SIZES = 4
#: beside a tall or wide matrix (see gram.py), I that nothing it is added to or compared with sizes (tr(I),
#: \det I, I alone in a product) read as p x p rather than n x n: tr((X^T X)^{-1}X^T X) = tr(I)
SHORT_IDENTITY = ("short identity",)
#: the same letters read square, as every matrix is elsewhere: a reading that only keeps a step from
#: being verified (X(X^T X)^{-1}X^T = I holds if X is square and invertible, which the prose may say)
SQUARE_MATRICES = ("square matrices",)
#: \one^\top\one = d, (I - \frac{1}{n}\one\one^\top)^2 = I - \frac{1}{n}\one\one^\top: a plain letter
#: that names a dimension, beside vectors or matrices no written one sizes, read as their size
DIMENSION_LETTER = ("dimension letter",)
#: Einstein's convention written out (see einstein.py): Cartesian tensors, whose vectors have 3 entries,
#: so that a sum from 1 to 3 over their entries runs over the whole vector
EINSTEIN = ("einstein",)
#: the letters that name a dimension in notes (R^d, R^n, n x m, R^D, N points); a letter that the step
#: also uses as an index, a bound or an array is no size
DIMENSION_NAMES = frozenset({"d", "n", "m", "p", "k", "D", "N", "K"})
#: \sum_w (c_w + k) = \sum_w c_w + kV over a vocabulary V: a sum without bounds runs over a set whose size
#: the step may name by a letter, which the instance's range knows nothing of. A plain capital (V, N, K)
#: or a dimension letter the step writes beside such a sum, read as its number of terms: a reading
#: that only keeps a step from being refuted ("holds if V is the number of terms")
SUM_COUNT = ("sum count",)
#: the first element of a flip (kind, key) that samples the square matrix ``key`` orthogonal, or lower
#: triangular: hypotheses tried only on a step about to be refuted, as the prose may say either of the
#: matrix ((U\Lambda U^T)^{-1} = U\Lambda^{-1}U^T, \det L = \prod_i L_{ii}), which random entries never are
ORTHOGONAL_MATRIX = "orthogonal matrix"
#: derivatives of numbers by matrices in the numerator layout, the transpose of the gradient's shape
#: (\partial tr(W^T A) / \partial W = A^T), as some notes write them
NUMERATOR_LAYOUT = ("numerator layout",)
TRIANGULAR_MATRIX = "triangular matrix"
#: the first element of a flip (HAT_MAP, key, vector) that lowers the hatted letter ``key`` as the
#: cross-product matrix of ``vector`` (a Sym): \hat t = [t]_\times, the hat map of vision and robotics
#: notes (E = \hat t R), a hypothesis tried only on a step about to be refuted
HAT_MAP = "hat map"
#: the first element of a flip (UNIT_VECTOR, key) that samples the vector ``key`` of length 1: the axis of
#: a rotation (Rodrigues' R = I + \sin\theta [k]_\times + (1 - \cos\theta)[k]_\times^2), a normal, a
#: direction, which the prose makes unit; a hypothesis tried only on a step about to be refuted
UNIT_VECTOR = "unit vector"


def _writes_ln_ten(tree: n.Node) -> bool:
    """Whether ``tree`` writes ln 10 rounded (``2.303``, ``2.30``): the factor that turns a common
    logarithm into a natural one, so that its \\log is base 10 (chemistry's ``2.303RT\\log K``)."""
    def rounded(value: str) -> bool:
        if "." not in value or not value.replace(".", "").isdigit():
            return False
        digits = len(value.split(".")[1])
        return len(value.replace(".", "").lstrip("0")) >= 3 \
            and abs(Fraction(value) - LN_TEN) <= Fraction(1, 2 * 10 ** digits)
    return any(isinstance(x, n.Num) and rounded(x.value) for x in tree.walk())


LN_TEN = Fraction(2302585093, 10 ** 9)


def _writes_powers(tree: n.Node, base: int) -> bool:
    """Whether ``tree`` writes a power of ``base`` above 1 (10, 100, 10^k; 2, 8, 2^k)."""
    def power(value: str) -> bool:
        if not value.isdigit() or int(value) < base:
            return False
        k = int(value)
        while k % base == 0:
            k //= base
        return k == 1
    return any(isinstance(x, n.Num) and power(x.value)
               or isinstance(x, n.Pow) and isinstance(x.base, n.Num) and x.base.value == str(base)
               for x in tree.walk())


def has_uncounted_sum(*trees: n.Node) -> bool:
    """Whether a sum or product without bounds runs over a number rather than an index (``\\sum_n
    x^n/n!``, where n indexes nothing): its range, 0 to infinity most often, is not written, and the
    few terms a sum without bounds is given can verify what holds for any range (linearity) but
    refute nothing."""
    return any(isinstance(x, n.BigOp) and x.lo is None and not x.values
               and not _indexes_with(x.body, {x.var, *x.extra_vars})
               for tree in trees for x in tree.walk())


def is_set_sum(node: n.Node) -> bool:
    """``\\sum_{x \\in S}``: read as the sum over 1..|S| (see Parser.set_range)."""
    return isinstance(node, n.BigOp) and isinstance(node.hi, n.Sym) and node.hi.base.startswith("#")


def has_guessed_pair_sum(*trees: n.Node) -> bool:
    """Whether a step reads ``\\sum_{i \\neq j}`` over the pairs (see sides.pair_sums): the prose may still
    hold j fixed (a row of a matrix), so the pair reading verifies and never refutes alone."""
    return any(isinstance(x, n.BigOp) and x.order == "\\neq" and x.extra_vars for tree in trees for x in tree.walk())


def has_valued_set_sum(*trees: n.Node) -> bool:
    """Whether a sum over a set uses its elements as numbers (``x^2``, ``f(gx)``, ``x_{i+1}``) rather than
    as labels (``x_i``, ``w_{ij}``, ``p(x)``). The instance's set {1, ..., m} stands for the author's
    only as far as the step does not depend on what the elements are; a step over a set that is
    symmetric, a group or a range, which only the prose can say, may hold where {1, ..., m} does not.
    Such a step is verified where it holds and never refuted."""
    return any(is_set_sum(x) and (x.tuples or _valued(x.body, x.var))  # type: ignore[union-attr]
               for tree in trees for x in tree.walk())


def _valued(body: n.Node, var: str) -> bool:
    """Whether ``var`` occurs in ``body`` other than as a whole index or a whole argument."""
    labels: set[int] = set()
    for node in body.walk():
        if isinstance(node, n.Sym):
            labels.update(id(i) for i in node.indices)
        elif isinstance(node, n.Apply) and not is_library(node) \
                and (not node.maybe_product or node.func.base in FUNCTION_LETTERS):
            labels.update(id(a) for a in node.args)
    return any(isinstance(x, n.Sym) and x.base == var and not x.indices and id(x) not in labels
               for x in body.walk())


def _indexes_with(body: n.Node, variables: set[str]) -> bool:
    """Whether ``body`` uses one of ``variables`` as an index (``x_i``, ``w_{ij}``, ``h[k]``) or as the
    argument of a function (``\\sum_z q(z)``: a sum over the values z takes)."""
    for node in body.walk():
        if isinstance(node, n.Sym) and any(n.mentions(i, variables) for i in node.indices):
            return True
        if isinstance(node, n.Apply) and any(n.mentions(a, variables) for a in node.args):
            return True
    return False


ITO_DIFFERENTIAL = ("the differential of a nonlinear function of a process indexed by time (d(W_t^2), "
                    "d\\ln S_t) may carry Ito's second-order term: not decided")
INDEXING_DIFFERENTIAL = "a differential by a letter that also indexes a quantity (dt beside W_t) is not decided yet"
# the letters a process is indexed by: W_t, S_t, X_s, B_T
_TIME_LETTERS = frozenset({"t", "s", "T"})


def timed_process(sym: n.Node) -> bool:
    """Whether ``sym`` is a letter indexed by time alone (W_t, S_t): in notes on stochastic calculus a
    process, whose differential obeys Ito's rules, not the ordinary ones."""
    return isinstance(sym, n.Sym) and len(sym.indices) == 1 and isinstance(sym.indices[0], n.Sym) \
        and sym.indices[0].base in _TIME_LETTERS and not sym.indices[0].indices


def derivative(expr: sp.Basic, x: sp.Basic, order: int = 1) -> sp.Basic:
    """``sp.diff(expr, x, order)`` by the same rules, without SymPy's Derivative at every node on the
    way down: each one walks its operand's free symbols and asks whether the result is zero, which
    cost more than the differentiation itself (a gradient of a sum of stand-ins took 60% of a step).
    Sums, products, powers and functions that differentiate by ``fdiff`` are done here with SymPy's
    own formulas, and |u| as a real function; anything else (Piecewise, integrals, matrices) is left
    to ``sp.diff``."""
    if not isinstance(x, sp.Symbol):
        return sp.diff(expr, x, order)
    for _ in range(order):
        expr = _derivative(expr, x)
    return expr


def _derivative(expr: sp.Basic, x: sp.Symbol) -> sp.Basic:
    if not isinstance(expr, sp.Expr) or isinstance(expr, sp.MatrixBase):
        return sp.diff(expr, x)
    if not expr.has(x):
        return sp.S.Zero
    if expr is x:
        return sp.S.One
    if expr.is_Add:
        return sp.Add(*[_derivative(a, x) for a in expr.args])
    if expr.is_Mul:
        args = list(expr.args)
        terms = []
        for i, arg in enumerate(args):
            d = _derivative(arg, x)
            if d != 0:
                terms.append(sp.Mul(*args[:i], d, *args[i + 1:]))
        return sp.Add(*terms)
    if expr.is_Pow:
        base, exp = expr.args
        return expr * (_derivative(exp, x) * sp.log(base) + _derivative(base, x) * exp / base)
    if isinstance(expr, sp.Function) and type(expr)._eval_derivative is sp.Function._eval_derivative:
        terms = []
        for i, arg in enumerate(expr.args, 1):
            d = _derivative(arg, x)
            if d == 0:
                continue
            try:
                df = expr.fdiff(i)
            except ArgumentIndexError:
                df = sp.Function.fdiff(expr, i)
            terms.append(df * d)
        return sp.Add(*terms)
    if isinstance(expr, sp.Abs):
        # the values compared are real: d|u| = sign(u) du (SymPy's own rule, for a complex u, is in
        # derivatives of re(u) and im(u), which have no value)
        return sp.sign(expr.args[0]) * _derivative(expr.args[0], x)
    return sp.diff(expr, x)


def apply_stand_in(realisation: sp.Lambda, args: list) -> sp.Expr:
    """``realisation(*args)`` without SymPy's automatic evaluation of exp and sin on the way: the
    value is the same, but building it costs a fraction (assumption queries dominate otherwise)."""
    mapping = dict(zip(realisation.variables, args))

    def build(expr: sp.Expr) -> sp.Expr:
        if expr in mapping:
            return mapping[expr]
        if not expr.args:
            return expr
        new_args = [build(a) for a in expr.args]
        if isinstance(expr, (sp.exp, sp.sin)):
            return type(expr)(*new_args, evaluate=False)
        return expr.func(*new_args)

    return build(realisation.expr)


def _matrix_of_numbers(node: n.Node) -> bool:
    """A matrix written out (maybe in brackets) whose entries hold no letter."""
    while isinstance(node, n.Paren):
        node = node.inner
    return isinstance(node, n.MatrixLit) and not any(isinstance(x, n.Sym) for x in node.walk())


def _function_of_bracket(node: n.Node) -> bool:
    return isinstance(node, n.Func) and len(node.args) == 1 and isinstance(node.args[0], n.Paren) \
        and node.power is None and not node.inverse and node.name not in ("max", "min", *n.MATRIX_FUNCTIONS)


def _based_log_of_bracket(node: n.Node) -> bool:
    """Whether ``node`` is a log to a written base of a bracket, ``\\log_{10}(x)``, which the parser reads as
    \\log(x)/\\log 10: its power, ``\\log_{10}\\left(\\frac{10}{d}\\right)^2`` of the distance modulus, is as
    open to the reading \\log(x^2) as the bare log's."""
    return isinstance(node, n.Div) and _function_of_bracket(node.num) and node.num.name in LOGARITHMS \
        and isinstance(node.den, n.Func) and node.den.name in LOGARITHMS and node.num.start == node.den.start


def writes_indexed_vector(tree: n.Node, letters: Letters) -> bool:
    """Whether ``tree`` writes a vector with one index (u_1, x_i), as the orthogonal reading takes them."""
    entries = dict(letters.entries)
    return any(isinstance(x, n.Sym) and x.key in letters.vectors and len(x.indices) == 1 and x.key not in entries
               for x in tree.walk())


def entrywise_argument(node: n.Node) -> n.Node | None:
    """The argument of ``\\mathrm{softmax}(z)``, ``\\sigma(s)`` under an entry's subscript (the parser
    puts only those there, see _entrywise_application); None for any other expression."""
    if isinstance(node, n.Func) and node.name in n.ENTRYWISE_FUNCTIONS:
        return node.args[0]
    if isinstance(node, n.Apply) and node.func.key in n.ENTRYWISE_LETTERS:
        return node.args[0]
    return None


def is_library(node: n.Apply) -> bool:
    """``\\sigma(z)`` is the logistic function unless the document says otherwise; E[X], Var(X) and
    Cov(X, Y) are operators lintmath knows, not functions the document must define; so is the normal
    density ``\\mathcal{N}(x \\mid \\mu, \\sigma^2)``."""
    if expectation.kind_of(node) is not None or is_normal_density(node):
        return True
    return node.func.key in LIBRARY and not node.func.indices and len(node.args) == 1


def is_normal_density(node: n.Apply) -> bool:
    """``\\mathcal{N}(x; \\mu, \\sigma^2)``, ``\\mathcal{N}(x \\mid \\mu, \\beta^{-1})``: the normal density at x
    with a mean and a variance (the convention of Bishop and most notes). A bare ``\\sigma`` as the
    second parameter may be the standard deviation instead: not this reading."""
    func = node.func
    if func.base != "N" or func.style != "cal" or func.indices or node.primes or len(node.args) != 3:
        return False
    if 1 not in (node.params, node.given) or node.bracket != "(":
        return False
    spread = node.args[2]
    return not (isinstance(spread, n.Sym) and spread.base == "\\sigma" and not spread.indices)


def _is_letter(text: str) -> bool:
    return len(text) == 1 and text.isalpha() or (text.startswith("\\") and text[1:].isalpha())


# the reading of events (see events.py), and the key naming the space it is read in besides the generic one
EVENTS = ("events",)
EVENT_MODEL = "event-model"


def _derivative_variables(node: n.Node) -> list[n.Sym]:
    """The variables a gradient or a derivative is taken by."""
    if isinstance(node, n.Grad):
        return [node.var] if isinstance(node.var, n.Sym) else []
    return [v for v, _ in node.wrt if isinstance(v, n.Sym)]


def numerator_layout_sites(letters: Letters, trees: tuple[n.Node, ...], kind: type) -> bool:
    """Whether a node of ``kind`` (n.Grad or n.Deriv) in ``trees`` differentiates by a matrix."""
    return any(isinstance(x, kind) and any(v.key in letters.matrices for v in _derivative_variables(x))
               for t in trees for x in t.walk())


def reading_keys(letters: Letters, *trees: n.Node) -> list[tuple]:
    """The ambiguous sites of a step: each key is one choice the checker may flip."""
    keys: list[tuple] = []
    if (letters.tall or letters.wide) and any(isinstance(x, n.Sym) and x.base == "I" for t in trees for x in t.walk()):
        # first, so that it is tried alone: a step is refuted only when I fails at both sizes
        keys.append(SHORT_IDENTITY)
    if letters.tall or letters.wide:
        keys.append(SQUARE_MATRICES)  # early, so that it is tried alone
    if numerator_layout_sites(letters, trees, n.Deriv):
        # only for \frac{\partial f}{\partial W}, whose layout is the notes' convention: \nabla_W f is the
        # gradient, in W's shape (see check._layout_hypothesis)
        keys.append(NUMERATOR_LAYOUT)  # early, so that it is tried alone: a layout is a convention
    if (letters.matrices or any(isinstance(x, n.MatrixLit) for t in trees for x in t.walk())) \
            and any(isinstance(x, n.Norm) and x.kind in ("1", "inf", "l2") for t in trees for x in t.walk()):
        # first, so that it is tried alone: a matrix's norm is refuted only when both conventions fail
        keys.append(ENTRYWISE_NORMS)
    if any(isinstance(x, n.Optimum) and optima.interval(x.domain) for t in trees for x in t.walk()):
        keys.append(INTEGER_OPTIMUM)  # first, so that it is tried alone (rare: worked examples only)
    if dimension_letter_candidates(letters, trees):
        # first, so that it is tried alone: a step whose scalar d is the size of its vectors
        # (\mathbf{1}^\top\mathbf{1} = d) is refuted only when it fails with d as that size too
        keys.append(DIMENSION_LETTER)
    if letters.sum_counts:
        # early, so that it is tried alone: a step refuted with V a number may hold with V the count
        keys.append(SUM_COUNT)
    if any(isinstance(x, n.Div) and x.juxtaposed for t in trees for x in t.walk()):
        # first, so that every comparison tries it: a step is refuted only when both readings of the
        # slash fail, and readings beyond the first keys are never tried alone
        keys.append(SLASH_REACH)
    if any(isinstance(x, n.DerivBy) and x.power for t in trees for x in t.walk()):
        # first, so that it is always tried alone: a refutation needs both readings of d/dx^2 to fail
        keys.append(ORDER_TYPO)
    if any(isinstance(x, n.Func) and x.name == n.ENTRY and isinstance(x.args[0], n.Apply)
           and entrywise_argument(x.args[0]) is not None for t in trees for x in t.walk()):
        keys.append(SOFTMAX)  # \sigma(z)_i: the logistic function entry by entry, or the softmax
    # H|0>, \sigma_x\sigma_y: the standard gates, a reading that only verifies
    keys += quantum.gate_keys(letters.kets, *trees)
    # first, so that the combined reading has them: the general model of a step that may rest on
    # assumptions, and the other reading of letters both inside and outside expectations
    if letters.randomness.any_sensitive:
        keys.append(("expectation",))
    if letters.randomness.ambiguous:
        keys.append(("random",))
    if letters.distributions:
        keys.append(("probability",))  # p(x, z) = p(z) p(x | z) holds for every distribution
    if letters.events:
        keys.append(EVENTS)  # P(A \cup B) = P(A) + P(B) - P(A \cap B) holds for every probability space
    if any(_bracket_then_factors(x) == "either" for t in trees for x in t.walk()):
        keys.append(("reach",))
    if letters.required and letters.required != letters.candidates:
        keys.append(("required",))  # before all of them: the narrower reading is the likelier one
    if letters.candidates:
        keys.append(("vectors",))
    if any(writes_indexed_vector(t, letters) for t in trees):
        keys.append(("orthogonal",))  # u_1, ..., u_n: often an orthogonal basis
    if identity_reading(trees, letters):
        keys.append(("identity",))  # (I - P)^2 = I - 2P + P^2: I beside other capitals, the identity
    bases = {x.other_base for t in trees for x in t.walk() if isinstance(x, n.Func) and x.other_base}
    numeric = not any(isinstance(x, n.Sym) for t in trees for x in t.walk())
    if bases and numeric or any(_writes_powers(t, BASE_DIGITS[b]) for t in trees for b in bases) \
            or "log10" in bases and any(_writes_ln_ten(t) for t in trees):
        # pH = 5 - \log 3.2 = 4.49: a log of numbers worked out is as often common as natural
        keys.append(("logbase",))  # \log 1000 = 3 in engineering, \lg 8 = 3 in computer science
    if "log10" in bases and (numeric or any(_writes_powers(t, 2) for t in trees)):
        keys.append(LOG_BASE_TWO)  # \log 8 = 3, \log(n/2) = \log n - 1: \log is base 2 in computer science
    keys += _trigonometric_keys(trees)
    if letters.quadratic or letters.stated_symmetric & letters.matrices \
            or any(m.split(":")[-1] in SYMMETRIC_NAMES | MAYBE_SYMMETRIC_NAMES for m in letters.matrices):
        keys.append(("symmetric",))  # covariance, precision, Gram and Hessian matrices usually are
    swaps: list[tuple] = []  # after every other key: the readings try only the first keys alone
    totals: list[tuple] = []
    stated = stated_normalizations(trees)
    euler = {id(x.base) for t in trees for x in t.walk() if isinstance(x, n.Pow) and _euler_power(x)}
    for tree in trees:
        # m_{ab} beside m_{ba} in one line: maybe a symmetric family (a mass matrix, a metric). Within
        # one line only: an index order changed between two lines is a typo to find, not a reading
        orders: dict[str, set[tuple]] = {}
        for node in tree.walk():
            if isinstance(node, n.Sym) and len(node.indices) == 2:
                orders.setdefault(node.key, set()).add(tuple(n.structure(i) for i in node.indices))
            # \sum_j y_j written out: y is often a probability vector or a one-hot label (sums to 1)
            total = normalized_family(node) or weighted_family(node)
            if total is not None and ("normalized", total.body.key) not in totals \
                    and total.body.key not in stated:
                totals.append(("normalized", total.body.key))
            key = None
            if isinstance(node, n.Apply) and node.maybe_product and node.func.base not in FUNCTION_LETTERS \
                    and not read_as_product(node, letters) and expectation.kind_of(node) is None:
                key = ("apply", node.func.key)
            elif isinstance(node, n.Const) and node.name == "e" and id(node) not in euler:
                key = ("e",)
            elif isinstance(node, n.Annotated):
                key = ("annotation",)
            elif isinstance(node, n.Reach):
                key = OPERATOR_REACH
            elif isinstance(node, n.Pow) and (_function_of_bracket(node.base) and node.base.name in LOGARITHMS
                                              or _based_log_of_bracket(node.base)):
                key = FUNCTION_POWER
            elif isinstance(node, n.Func) and node.name == "mod" and _writes_fraction(node.args[0]):
                key = INVERSE_RESIDUES  # \frac{1}{3} \bmod 7: a real remainder, or 5 in number theory
            elif isinstance(node, n.Sym) and node.sup_letter is not None:
                key = ("sup", node.sup_letter.base)
            elif isinstance(node, n.Sym) and node.base in ("i", "j") and not node.indices and not node.style \
                    and node.base not in letters.index and node.base not in letters.integer:
                key = ("imag", node.base)  # (1+i)^n, e^{-j\Omega}: maybe the imaginary unit
            if key is not None and key not in keys:
                keys.append(key)
        swaps += [("swap", key) for key, seen in orders.items()
                  if ("swap", key) not in swaps and any(a != b and (b, a) in seen for a, b in seen)]
    # A_{ij} summed over both its indices (\sum_{i,j} A_{ij} x_i x_j): the matrix of a quadratic form,
    # which the prose may call symmetric, as it may A of x^T A x (a step that holds so is not verified)
    swaps += [(SUMMED_SWAP, key) for key in sorted(set().union(*(_summed_pairs(t) for t in trees)))
              if ("swap", key) not in swaps]
    return keys + swaps + totals


def _euler_power(node: n.Pow) -> bool:
    """Whether ``node`` raises e to a compound expression of letters (e^{-\\lambda}, e^{t^2/2}, e^{tX}):
    Euler's number, never a letter e (an eccentricity, a charge, a basis vector) whose powers are
    numbers or a lone index. A step that writes e only so is not read with e a letter, a reading in
    which a slip beside a side free of e (a limit, an integral worked out) is never decided."""
    if not (isinstance(node.base, n.Const) and node.base.name == "e"):
        return False
    exp = node.exp
    while isinstance(exp, n.Paren):
        exp = exp.inner
    if not any(isinstance(x, n.Sym) for x in exp.walk()):
        return False  # e^2, e^{-1}: a number's power, as much a letter's
    if isinstance(exp, n.Sym):
        return False  # e^{\mu}, e^{k}: maybe a basis vector with its index up
    if isinstance(exp, n.Mul) and all(isinstance(f, n.Sym) and f.base.startswith("\\") for f in exp.factors):
        return False  # e^{\mu\nu}: maybe a tensor's two indices
    return True


#: the reading of a family summed over both its indices as symmetric (see reading_keys)
SUMMED_SWAP = "summed swap"


def _summed_pairs(tree: n.Node) -> set[str]:
    """The keys of the two-index families A a sum runs over both indices of, with one vector at both:
    the matrix of a quadratic form \\sum_{i,j} A_{ij} x_i x_j (x_i y_j beside y_i x_j is a bilinear form,
    which no symmetry of A makes one: an index order changed there is a slip)."""
    out: set[str] = set()
    for node in tree.walk():
        if not (isinstance(node, n.BigOp) and node.kind == "sum"):
            continue
        bound = {node.var, *node.extra_vars} | {x.var for x in node.body.walk() if isinstance(x, n.BigOp)}
        singles: dict[str, set[str]] = {}
        for x in node.body.walk():
            if isinstance(x, n.Sym) and len(x.indices) == 1 and isinstance(x.indices[0], n.Sym):
                singles.setdefault(x.key, set()).add(x.indices[0].base)
        for x in node.body.walk():
            if isinstance(x, n.Sym) and len(x.indices) == 2 and all(
                    isinstance(i, n.Sym) and not i.indices for i in x.indices):
                pair = {i.base for i in x.indices}
                if len(pair) == 2 and pair <= bound and any(pair <= seen for seen in singles.values()):
                    out.add(x.key)
    return out


def dimension_letter_candidates(letters: Letters, trees: tuple[n.Node, ...]) -> frozenset[str]:
    """The plain letters of DIMENSION_NAMES a step writes beside vectors or matrices whose size nothing
    written fixes, where the step's truth may rest on that size (it writes I, \\mathbf{1} or takes
    tr, det, adj): each may be that size (n in \\mathbf{1}^\\top\\mathbf{1} = n)."""
    if letters.dimension or not (letters.matrices or letters.vectors):
        return frozenset()
    nodes = [x for t in trees for x in t.walk()]
    if not any(isinstance(x, n.Func) and x.name in n.MATRIX_FUNCTIONS
               or isinstance(x, n.Sym) and x.base in ("I", "1") for x in nodes):
        return frozenset()
    arrays = letters.matrices | letters.vectors | letters.required  # (a candidate, d in 1/d, is a scalar here)
    taken = letters.index | letters.integer | letters.integration
    return frozenset(x.base for x in nodes if _plain_letter(x) and x.base in DIMENSION_NAMES
                     and x.key not in arrays and x.base not in taken)


def sum_count_candidates(letters: Letters, trees: tuple[n.Node, ...]) -> frozenset[str]:
    """The letters that may count the terms of a sum without bounds the step writes (see SUM_COUNT):
    plain capitals and the small dimension letters n, m, d, none an index, a bound, an array, a
    variable of a derivative or integral, or differentiated itself."""
    nodes = [x for t in trees for x in t.walk()]
    if not any(isinstance(x, n.BigOp) and x.kind == "sum" and x.lo is None and x.hi is None and not x.tuples
               and not x.values for x in nodes):
        return frozenset()
    taken = letters.index | letters.integer | letters.integration | letters.matrices | letters.vectors \
        | letters.required
    heads = {id(x.func) for x in nodes if isinstance(x, n.Apply)}  # the C of C(uw) is a function, no count
    return frozenset(x.base for x in nodes if _plain_letter(x) and id(x) not in heads
                     and x.key not in taken and x.base not in taken
                     and (len(x.base) == 1 and "A" <= x.base <= "Z" or x.base in ("n", "m", "d")))


def _trigonometric_keys(trees: tuple[n.Node, ...]) -> list[tuple]:
    """The readings of school trigonometry a step may need, found in one walk of its trees: a slash
    that may divide a function's argument, whole-number angles in degrees, A, B, C the angles of a
    triangle (looked for only where a trigonometric function is written)."""
    keys: list[tuple] = []
    trig = [x for t in trees for x in t.walk()
            if isinstance(x, n.Func) and x.name in TRIGONOMETRIC or isinstance(x, n.Div) and x.slash]
    if not trig:
        return keys
    if any(_slash_after_function(x) for x in trig):
        keys.append(SLASH_ARGUMENT)  # \sin x/2 is \sin(x/2) as often as (\sin x)/2
    if _triangle_angles(*trees):
        keys.append(TRIANGLE_ANGLES)  # in a triangle ABC, \sin(A + B) = \sin C
    if any(_degree_candidate(x) for x in trig):
        keys.append(DEGREE_ANGLES)  # \sin 30 = \frac12 in school notes: degrees without the sign
    return keys


def _minutes_of_arc(factors: tuple[n.Node, ...], k: int) -> bool:
    """Whether factor ``k`` is a number with one or two primes right after degrees (``30^\\circ
    15'``) or after such minutes (``15' 20''``): minutes and seconds of arc."""
    mark = factors[k]
    if not (k and isinstance(mark, n.Deriv) and isinstance(mark.body, n.Num) and mark.primes in (1, 2)
            and not mark.wrt):
        return False
    before = factors[k - 1]
    return isinstance(before, n.Func) and before.name == "degrees" or _minutes_of_arc(factors, k - 1)


def _slash_after_function(node: n.Node) -> bool:
    """Whether ``node`` is a slash after a named function of an argument without brackets
    (``\\cos 2\\pi/3``, ``\\sin x/2``, ``\\ln k_1/k_2``): the slash may divide the argument instead."""
    return isinstance(node, n.Div) and node.slash and isinstance(node.num, n.Func) \
        and node.num.name in SLASH_FUNCTIONS and len(node.num.args) == 1 and not isinstance(node.num.args[0], n.Paren) \
        and node.num.args[0].end == node.num.end


def _sized_by_letter(node: n.Sym) -> bool:
    """``I_n``, ``I_{k}``: an identity whose size a letter names (econometrics writes ``I_n - X(X'X)^{-1}X'``),
    asked only beside matrices and vectors, where a current I_n has no place."""
    if node.style or node.labels or node.primes or len(node.indices) != 1:
        return False
    index = _unwrapped(node.indices[0])
    return _plain_letter(index) and len(index.base) == 1


def _plain_letter(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not node.indices and not node.style and not node.primes and not node.labels


def _triangle_angles(*trees: n.Node) -> bool:
    """Whether a step writes all three of A, B, C (or alpha, beta, gamma), one of them under a
    trigonometric function: in trigonometry these name the angles of a triangle, whose sum is pi."""
    trig = [x.args[0] for t in trees for x in t.walk()
            if isinstance(x, n.Func) and x.name in TRIGONOMETRIC and x.args]
    if not trig:
        return False
    under = {x.base for arg in trig for x in arg.walk() if _plain_letter(x)}
    letters = {x.base for t in trees for x in t.walk() if _plain_letter(x)}
    return any(set(triple) <= letters and under & set(triple) for triple in TRIANGLE_LETTERS)


def _degree_candidate(node: n.Node) -> bool:
    """Whether ``node`` is a trigonometric function of a bare whole number from 10 up (``\\sin 30``,
    ``\\cos(60)``): such angles are degrees whose sign was left out as often as they are radians."""
    if not (isinstance(node, n.Func) and node.name in TRIGONOMETRIC and not node.inverse and len(node.args) == 1):
        return False
    arg = node.args[0]
    while isinstance(arg, n.Paren):
        arg = arg.inner
    return isinstance(arg, n.Num) and arg.value.isdigit() and int(arg.value) >= 10


def _writes_fraction(node: n.Node) -> bool:
    """Whether ``node`` writes a quotient or a negative power (``\\frac{a}{b}``, ``3^{-1}``): what a
    remainder may read as a modular inverse."""
    return any(isinstance(x, n.Div) or isinstance(x, n.Pow) and isinstance(x.exp, n.Add)
               and x.exp.terms[0].sign == "-" for x in node.walk())


def _family_entry(x: n.Node, var: str) -> bool:
    """Whether ``x`` is an entry of a family by the sum's index ``var`` (y_j of \\sum_j)."""
    return isinstance(x, n.Sym) and len(x.indices) == 1 and isinstance(x.indices[0], n.Sym) \
        and x.indices[0].base == var and not x.indices[0].indices and not x.labels


def _plain_sum(node: n.Node) -> bool:
    return isinstance(node, n.BigOp) and node.kind == "sum" and not node.exclude and not node.extra_vars


def normalized_family(node: n.Node) -> n.BigOp | None:
    """``\\sum_j y_j`` for a sum over the entries of a family, alone or times what does not depend on
    j (``\\sum_j y_j \\log Z``), else None."""
    if not _plain_sum(node):
        return None
    body = _unwrapped(node.body)
    if _family_entry(body, node.var):
        return node
    if isinstance(body, n.Mul):
        entries = [f for f in body.factors if _family_entry(f, node.var)]
        rest = [f for f in body.factors if not _family_entry(f, node.var)]
        if len(entries) == 1 and not any(isinstance(x, n.Sym) and x.base == node.var for f in rest for x in f.walk()):
            return replace(node, body=entries[0])
    return None


def stated_normalizations(trees: tuple[n.Node, ...]) -> frozenset[str]:
    """The families whose bare sum makes up one side of the step and a number the other
    (``\\sum_k \\pi_k = 1``): the step states the constraint the normalising reading would assume, so that
    reading would verify it whatever the family is (and only the prose can say it sums to 1)."""
    if len(trees) != 2:
        return frozenset()
    sides = [_unwrapped(t) for t in trees]
    out = set()
    for side, other in (sides, sides[::-1]):
        total = normalized_family(side)
        if total is not None and total is side and isinstance(other, n.Num):
            out.add(total.body.key)
    return frozenset(out)


def weighted_family(node: n.Node) -> n.BigOp | None:
    """``\\sum_j y_j`` for a sum that weighs the logs of a family by the entries of another (the
    cross-entropy ``\\sum_k y_k \\log \\hat y_k``, ``\\sum_k t_k \\log\\frac{e^{z_k}}{\\sum_j e^{z_j}}``), whose
    weights are usually a probability vector or a one-hot label: a gradient of it is what it is only
    where they sum to 1. None for any other node."""
    if not _plain_sum(node):
        return None
    body = _unwrapped(node.body)
    if not isinstance(body, n.Mul) or len(body.factors) != 2:
        return None
    weight, rest = body.factors
    if not _family_entry(weight, node.var) or weight.primes:
        return None
    if not (isinstance(rest, n.Func) and rest.name in LOGARITHMS and n.mentions(rest, {node.var})):
        return None
    return replace(node, body=weight)


class StandInExp(sp.exp):
    """exp as the value of a stand-in for an undefined function. SymPy gathers a product of exps into
    one exp of the sum of their exponents and then asks the assumption system whether that sum is
    zero, which cost more than the rest of building the product (a tenth of a corpus run). Taken as
    a base of its own, a product of stand-ins stays a product: the same value and derivative."""

    def as_base_exp(self):
        return self, sp.S.One

    def _eval_power(self, other):
        if other.is_Integer:  # exp(a)^n is exp(na) for every a; exp's rules would ask about a first
            return StandInExp(self.exp * other, evaluate=False)
        return sp.Pow._eval_power(sp.Pow(sp.E, self.exp, evaluate=False), other)

    def _eval_evalf(self, prec):
        # evalf finds exp's numeric function by the class's name
        return sp.exp(self.exp, evaluate=False)._eval_evalf(prec)


@functools.lru_cache(maxsize=512)
def _stand_in(seed: int, name: str, arity: int, given: int) -> sp.Lambda:
    """Built once per process: every comparison of every step asks for the same few (instance
    seeds are few), and building the expression costs more than a whole small comparison."""
    rng = random.Random(f"{seed}:{name}:{arity}:{given}")
    us = sp.symbols(f"u1:{arity + 1}")
    c = [sp.Rational(rng.randint(-9, 9) or 1, rng.randint(3, 9)) for _ in range(3 * arity + 2)]
    lin = sum(c[i] * u for i, u in enumerate(us))
    wave = sum(c[arity + i] * u for i, u in enumerate(us))
    cross = c[-1] * sp.Mul(*us) if arity > 1 else c[-1] * us[0] ** 2 / 3
    # exp's automatic evaluation would look for logs, multiples of i*pi and a zero exponent in this
    # sum of nonzero rationals times products of the u's and a sine: none can occur, so it would return
    # the same exp, after assumption queries that cost most of building the stand-in
    # (tests/unit/test_speed_lowering.py compares with the evaluated form)
    return sp.Lambda(us, StandInExp(c[-2] / 2 + lin + sp.sin(wave + 1) / 2 + cross / 4, evaluate=False))


def _integral_depth(expr: sp.Basic) -> int:
    """How many definite integrals nest in ``expr`` (SymPy joins nested ones into one of several limits)."""
    if isinstance(expr, sp.Integral):
        return len(expr.limits) + _integral_depth(expr.function)
    return max((_integral_depth(a) for a in expr.args), default=0)


def _integrate_polynomials(expr: sp.Expr) -> sp.Expr:
    """``expr`` with the definite integrals of polynomials in their variable, over finite bounds, done
    exactly, innermost first (an outer one may then be such an integral in turn), and those of
    polynomials in its sine and cosine over bounds that are multiples of pi (the angles of spherical
    coordinates). A limit further out is done first where no inner bound depends on its variable
    (Fubini: the angle of ``\\int_0^{2\\pi}\\int_0^1 e^{-r^2} r\\,dr\\,d\\theta``); a limit that is neither
    stays an integral."""
    def exact_one(function: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr | None:
        if any(b.has(sp.oo, -sp.oo, sp.zoo, sp.nan) for b in (lo, hi)):
            return None
        if function.is_polynomial(var) and sp.Poly(function, var).degree() <= 12:
            return sp.integrate(function, (var, lo, hi))
        return _integrate_trigonometric(function, var, lo, hi)

    def exact(integral: sp.Integral) -> sp.Expr:
        function = integral.function
        if function.has(sp.Integral):
            return integral
        limits = list(integral.limits)
        progress = True
        while limits and progress:
            progress = False
            for i, limit in enumerate(limits):
                if len(limit) != 3:
                    break  # an antiderivative: nothing outside it can move in
                var, lo, hi = limit
                if any(b.has(var) for inner in limits[:i] for b in inner[1:]):
                    break  # an inner bound runs with this variable: it must stay outside
                if any(lo.has(inner[0]) or hi.has(inner[0]) for inner in limits[:i]):
                    continue  # not an iterated integral as written: leave this limit where it is
                done = exact_one(function, var, lo, hi)
                if done is not None:
                    function = done
                    limits.pop(i)
                    progress = True
                    break
        return sp.Integral(function, *limits) if limits else function
    return expr.replace(lambda e: isinstance(e, sp.Integral), exact)


def _integrate_trigonometric(function: sp.Expr, var: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr | None:
    """The integral of a polynomial in sin(var) and cos(var) from lo to hi, both rational multiples of
    pi, done exactly; None for any other integrand. SymPy's integrate takes seconds on sin^7 cos^4;
    written in exponentials each monomial is a sum of e^{ik var}, whose integrals are immediate."""
    multiples = [b / sp.pi for b in (lo, hi)]
    if not all(m.is_Rational for m in multiples):
        return None
    s, c = sp.Dummy("s"), sp.Dummy("c")
    written = function.xreplace({sp.sin(var): s, sp.cos(var): c})
    if written.has(var) or not written.is_polynomial(s, c):
        return None
    poly = sp.Poly(written, s, c)
    if poly.total_degree() > 12:
        return None
    total = sp.Integer(0)
    for (m, k), coefficient in poly.terms():
        total += coefficient * _trigonometric_monomial(m, k, multiples[0], multiples[1])
    return None if total.has(sp.I) else total


@functools.lru_cache(maxsize=512)
def _trigonometric_monomial(m: int, k: int, lo: sp.Rational, hi: sp.Rational) -> sp.Expr:
    """The integral of sin^m x cos^k x from lo*pi to hi*pi."""
    z = sp.Dummy("z")  # e^{ix}
    expanded = sp.expand(((z - 1 / z) / (2 * sp.I)) ** m * ((z + 1 / z) / 2) ** k)
    total = sp.Integer(0)
    for term in sp.Add.make_args(expanded):
        coefficient, power = term.as_coeff_exponent(z)
        if power == 0:
            total += coefficient * (hi - lo) * sp.pi
        else:
            total += coefficient * (sp.exp(sp.I * power * hi * sp.pi) - sp.exp(sp.I * power * lo * sp.pi)) \
                / (sp.I * power)
    return sp.expand(sp.expand_complex(total))  # e^{i pi p/q} is exact: the imaginary parts cancel


def _label_index(index: n.Node) -> bool:
    """An index that names rather than varies: a capital Latin letter (the species A of D_{AB}) or an
    upright word (eff)."""
    if not isinstance(index, n.Sym) or index.indices or index.primes:
        return False
    if index.style in ("rm", "op", "text"):
        return True
    return not index.style and len(index.base) == 1 and "A" <= index.base <= "Z"


class Lowerer:
    def __init__(self, inst: Instance, letters: Letters, memo: dict | None = None,
                 factors: tuple[tuple[str, str], ...] = ()):
        self.inst = inst
        self.letters = letters
        # a stated independence (see expectation.space): the factors of the product space, as
        # (factor, the tag of its distribution), and those met that the space did not have yet, for
        # which the sides are lowered again (see lowered_with_factors)
        self.factors = factors
        self.unseen: dict[str, str] = {}
        # ``memo``: subtrees lowered before, by node identity, shared by lowerings of trees that share
        # most of their nodes (the candidate edits of a diagnosis, rebuilt by path copying); see lower
        self.memo = memo
        self.env: dict[str, int] = {}
        self.variables: dict[str, sp.ImmutableMatrix] = {}  # vectors a gradient differentiates by
        self.del_depth = 0  # bare \\nabla operators (n.Del) being lowered around the current node
        # the variables of the definite integrals around the current node: a bar inside one evaluates
        # an inner integral's antiderivative, never in the variable the enclosing integral runs over
        self.integrating: list[str] = []
        # inside an expectation: the outcome its body is read at ("0.j": a member of the generic group)
        self.outcome: int | str | None = None
        self.stand_ins = 0  # applications of a stand-in for an undefined function so far
        # inside the body of an infinite series: its index letter -> the integer symbol it runs over
        self.series_vars: dict[str, sp.Symbol] = {}
        # the members that the series read on a window write, as lowered with opaque functions (R[3],
        # V(s[4])), zero coefficients and all (see check._members_differ)
        self.windowed: set[sp.Expr] = set()
        self.recording = False  # whether to note them (lowering a member apart may draw for the instance)
        self.zeroed: set[int] = set()  # ids of those members outside the window, zero there
        # E[body | X] per (body, group), and E[body]: the same at every outcome of a group (of the
        # space), and nested means would otherwise be lowered once per outcome of every enclosing one
        self.group_means: dict[tuple, sp.Expr] = {}
        # the size of I and of the zero vector where they are fitted to what they are added to or
        # compared with (see fitted_identities); 0: the step's dimension
        self.identity_size = 0
        # the radicands of the even roots lowered, which SymPy may cancel on the way ((\\sqrt{a})^4 is
        # a^2, and a product of M equal roots a^{M/2}): a point where one is negative is outside the
        # real reading's domain even where the side comes out real (see comparator._complex_detour)
        self.radicands: list[sp.Expr] = []

    @property
    def matrix_size(self) -> int:
        """The size of the step's random matrices and vectors in this instance's reading. Beside a tall
        or wide matrix (see gram.py), one more: its p = n - 1 columns are then at least 2, so that a
        p x p Gram matrix stays a matrix (a 1 x 1 one would be read as a number)."""
        if 2 <= self.letters.dimension <= WRITTEN_SIZES and not self.rectangular:
            # A beside a written 2 by 2 matrix or column of 2 multiplies it: of that size, as I is
            return self.letters.dimension
        size = 2 if SMALL_MATRICES in self.inst.flips else linalg.SIZE
        return size + 1 if self.rectangular else size

    @property
    def rectangular(self) -> bool:
        """Whether the step has tall or wide matrices in this reading (see gram.py)."""
        return bool(self.letters.tall or self.letters.wide) and SQUARE_MATRICES not in self.inst.flips

    def array_shape(self, key: str, shape: str) -> tuple[int, int]:
        """(rows, columns) of the random vector or matrix named by ``key``."""
        size = self.matrix_size
        if not self.rectangular:
            return (size, 1) if shape == "vector" else (size, size)
        if shape == "vector":
            return (size - 1 if key in self.letters.short else size), 1
        if key in self.letters.tall:
            return size, size - 1
        if key in self.letters.wide:
            return size - 1, size
        return size, size

    @property
    def dimension(self) -> int:
        """The size of the identity, the ones and the zero vector: of the written matrices, if any."""
        return self.letters.dimension or self.matrix_size

    # -- names --------------------------------------------------------------------------------
    def component_digits(self, node: n.Sym) -> list[str] | None:
        """The indices of a Cartesian tensor's component written as one number (\\sigma_{11},
        \\varepsilon_{23}, \\delta_{33}), one digit each, under Einstein's convention only: there the
        entries \\sigma_{kk} sums are \\sigma_{11} + \\sigma_{22} + \\sigma_{33}, and an eleventh entry of a
        vector of 3 is no reading. None for anything else."""
        if EINSTEIN not in self.inst.flips or len(node.indices) != 1 or not isinstance(node.indices[0], n.Num):
            return None
        digits = node.indices[0].value
        if len(digits) < 2 or any(d not in "123" for d in digits):
            return None
        return list(digits)

    def index_value(self, item: n.Node) -> str:
        if self.series_vars and n.mentions(item, self.series_vars):
            # the k-th entry of a sequence the document defines elsewhere has no value here
            raise Undecidable("an infinite series of the entries of a sequence defined elsewhere is not decided")
        if isinstance(item, n.Num):
            return item.value
        if isinstance(item, n.Sym) and (item.primes or item.labels):
            # a primed or starred index is an index of its own: \sigma_{x'} is the stress on the rotated
            # face, no name for \sigma_x, and i' is no value the unprimed i takes
            return item.key + "".join("^" + label for label in item.labels) + "'" * item.primes
        if isinstance(item, n.Sym) and not item.indices and not item.style:
            if item.base in self.env:
                return str(self.env[item.base])
            if item.base in self.letters.integer:
                # a_n beside \sum_{i=1}^{n}: the last entry of the range, as the bare n is
                return str(self.integer(item.base))
            if item.base in self.letters.index:
                return str(self.free_index(item.base))
            return item.base
        if isinstance(item, n.Sym):
            return item.key
        try:
            value = self.lower(item)
        except Undecidable:
            raise
        if value.is_Integer:
            return str(int(value))
        return sp.sstr(value)

    def levi_civita(self, node: n.Sym) -> sp.Expr | None:
        """``\\epsilon_{ijk}`` (three or more indices, or three or more digits) as a totally antisymmetric
        symbol: 0 where two indices agree, else the sign of the permutation that sorts the indices times
        the entry at the sorted indices, which is 1 at 1, 2, ..., n (the Levi-Civita symbol) and a
        symbol of its own elsewhere (indices drawn past n, where only the antisymmetry is known). None
        where the indices are not whole numbers or are already sorted past 1..n: the plain entry."""
        items = node.indices
        if len(items) == 1 and isinstance(items[0], n.Num) and items[0].value.isdigit() \
                and 3 <= len(items[0].value) <= 4:
            values = [int(c) for c in items[0].value]  # \epsilon_{123}: one digit per index
        elif len(items) >= 3:
            texts = [self.index_value(i) for i in items]
            if not all(t.lstrip("-").isdigit() for t in texts):
                return None
            values = [int(t) for t in texts]
        else:
            return None
        if len(set(values)) < len(values):
            return sp.Integer(0)
        order = sorted(values)
        inversions = sum(1 for a in range(len(values)) for b in range(a + 1, len(values)) if values[a] > values[b])
        sign = -1 if inversions % 2 else 1
        if order == list(range(1, len(values) + 1)):
            return sp.Integer(sign)
        if values == order and len(items) > 1:
            return None
        nums = tuple(n.Num(node.start, node.end, str(v)) for v in order)
        return sign * self.lower(replace(node, indices=nums))

    def integer(self, letter: str) -> int:
        """The value of a letter used as a bound (n in \\sum_{k=1}^{n}), fixed per instance."""
        if letter in self.letters.dimensions:
            return self.matrix_size  # \sum_{i=1}^{d} w_i x_i: d is the dimension of w
        if letter not in self.inst.integers:
            self.inst.integers[letter] = random.Random(f"{self.inst.seed}:{letter}:bound").randint(2, 4)
        return self.inst.integers[letter]

    def free_index(self, letter: str) -> int:
        if letter not in self.inst.indices:
            used = set(self.inst.indices.values())
            # i and j beside \sum_{c=1}^{k} range over 1..k too: a value beyond k would drop s_j
            # from the sum and make d/ds_j of it 0 (and beside \sum_{c=1}^{k-1}, over 1..k-1)
            tops = [top for _, hi in self.inst.bounds.values() if (top := self.bound_value(hi)) is not None]
            # an index of the entries of vectors stays within their dimension
            entry = self.letters.entries or letter in self.letters.sample_indices
            top = min([self.inst.size, *tops, *([self.matrix_size] if entry else [])])
            free = [v for v in range(1, top + 1) if v not in used] or [top]
            self.inst.indices[letter] = random.Random(f"{self.inst.seed}:{letter}").choice(free)
        return self.inst.indices[letter]

    def gate(self, node: n.Sym) -> sp.Expr | None:
        """In the reading of the standard gates: the gate's matrix, or i the imaginary unit (as
        quantum computing writes it); None for any other symbol."""
        matrix = quantum.gate_matrix(node, self.inst.flips)
        if matrix is not None:
            return matrix
        if node.base == "i" and not (node.indices or node.style or node.labels or node.primes) \
                and node.base not in self.letters.index and node.base not in self.letters.integer:
            return sp.I
        return None

    def bound_value(self, hi: n.Node) -> int | None:
        """The value of an upper bound written from the step's integer letters (``n``, ``k-1``), when
        it is at least 1; None for any other bound."""
        value = affine(hi)
        if value is None or not value.coeffs or any(name not in self.letters.integer for name, _ in value.coeffs):
            return None
        total = value.const + sum(c * self.integer(name) for name, c in value.coeffs)
        return int(total) if total.denominator == 1 and total >= 1 else None

    def symbol(self, node: n.Sym) -> sp.Expr:
        if self.series_vars:
            if node.base in self.series_vars and not (node.indices or node.style or node.labels or node.primes
                                                      or node.sup_letter is not None):
                return self.series_vars[node.base]
            if any(n.mentions(i, self.series_vars) for i in node.indices):
                raise Undecidable(f"an infinite series of {node.base}_k, a sequence defined elsewhere, "
                                  "is not decided")
        if quantum.reads(self.inst.flips):
            gate = self.gate(node)
            if gate is not None:
                return gate
        if self.letters.kets and node.base.lstrip("\\")[:1].isupper() and not node.base.startswith("#"):
            # U|0>, H \otimes I, \text{CNOT}: operators on states, whose matrices the step does not give
            raise Undecidable(f"an operator on states ({node.base}) is not decided yet")
        if node.base in ("D", "\\nabla") and node.indices and not node.style \
                and not (node.base == "D" and all(_label_index(i) and i.base not in self.letters.standalone
                                                  for i in node.indices)) \
                and node.key not in self.letters.slot_coefficients:
            # D_{AB}, D_{\mathrm{eff}}: a diffusion coefficient, named by its species or an upright word;
            # a derivative is taken by a variable of the step (D_x, D_H beside H) or a slot (D_1)
            raise Undecidable("the derivative operator D_x is not decided yet")
        if node.base == "\\delta" and not node.style and self.component_digits(node) is not None:
            first, second = self.component_digits(node)
            return sp.Integer(int(first == second))  # \delta_{11}, \delta_{23}: the Kronecker delta
        if node.base == "\\delta" and len(node.indices) == 2 and not node.style:
            same = n.structure(node.indices[0]) == n.structure(node.indices[1])
            if same and isinstance(node.indices[0], n.Sym) and node.indices[0].base not in self.env:
                # delta_jj with no sum over j: 1, or its trace 3 under Einstein's convention
                raise Undecidable("a repeated index (\\delta_{jj}): an implicit sum (Einstein's convention) or one entry?")
            first, second = (self.index_value(i) for i in node.indices)
            if first.lstrip("-").isdigit() and second.lstrip("-").isdigit():
                return sp.Integer(int(first == second))  # the Kronecker delta
        if node.base in LEVI_CIVITA and not node.style and not node.labels and node.sup_letter is None:
            value = self.levi_civita(node)
            if value is not None:
                return value
        if self.variables and node.key in self.variables and not node.indices and not node.labels \
                and not node.primes and node.sup_letter is None:
            return self.variables[node.key]
        if self.letters.time is not None and n.undotted(node)[1]:
            return self.time_derivative(*n.undotted(node))
        if self.letters.time_primes and _primed_plain(node) \
                and any(node.base == x.base for x in self.letters.timed):
            return self.time_derivative(replace(node, primes=0), node.primes)
        if self.letters.stacked and not (node.indices or node.primes or node.sup_letter is not None):
            stacked = self.stacked_value(node.key, node.labels)
            if stacked is not None:
                return stacked
        entry = self.entry(node)
        if entry is not None:
            return entry
        if node.base == "0" and "bf" in node.style and not node.indices:
            # the zero vector; beside no vector at all, the number it equals
            matrix_mode = self.letters.vectors or self.letters.matrices
            return sp.ImmutableMatrix(sp.zeros(self.identity_size or self.dimension, 1)) if matrix_mode else sp.Integer(0)
        if node.base == "1" and "bf" in node.style and not node.indices:
            # the vector of ones, read only where it is transposed (see Parser.transposed_next)
            return sp.ImmutableMatrix(sp.ones(self.dimension, 1))
        sample = _sample_vector(node)
        if sample is not None and self.shape(node) == "vector":
            if ("orthogonal",) in self.inst.flips:
                # the entries of vectors taken orthonormal: a sum of their products is an inner product
                # that reading would make 0, which the step does not write as one
                raise Undecidable("entries of the indexed vectors in the orthogonal reading are not read")
            # x_{ij} beside the sample vector x_i (x_j^{(i)} beside x^{(i)}): the j-th entry of that sample
            return self.entry_of_value(self.symbol(sample[0]), sample[1:])
        sized = dict(self.letters.identities).get(node.key)
        if sized is not None:
            return sp.ImmutableMatrix(sp.eye(sized))  # I_3 beside a written 3 by 3 matrix
        shape = self.shape(node)
        if shape == "matrix" and self.inst.flips:
            hatted = next((f[2] for f in self.inst.flips if f[0] == HAT_MAP and f[1] == node.key), None)
            if hatted is not None:
                return linalg.cross_matrix(self.symbol(hatted))
        if shape == "identity":
            default = self.matrix_size - 1 if SHORT_IDENTITY in self.inst.flips and self.rectangular \
                else self.dimension
            return sp.ImmutableMatrix(sp.eye(self.identity_size or default))
        if shape == "zero":
            return sp.ImmutableMatrix(sp.zeros(self.identity_size or self.dimension, 1))
        if "\\dagger" in node.labels:
            # the adjoint: of a real matrix, its transpose; of anything else, an operator whose
            # products need not commute (a a^\dagger = a^\dagger a + 1), which no number stands for
            if shape in ("matrix", "vector"):
                plain = replace(node, labels=tuple(x for x in node.labels if x != "\\dagger"))
                return linalg.transpose(self.symbol(plain))
            raise Undecidable(f"an adjoint ({node.base}^\\dagger) is not decided yet")
        name = node.key
        if not node.indices and not node.style and not node.labels and not node.primes:
            if ("imag", node.base) in self.inst.flips:
                return sp.I
            if node.base in self.env:
                return sp.Integer(self.env[node.base])
            if node.base in self.letters.integer:
                return sp.Integer(self.integer(node.base))
            if node.base in self.letters.index:
                return sp.Integer(self.free_index(node.base))
        if node.indices:
            values = self.component_digits(node) or [self.index_value(i) for i in node.indices]
            if len(values) == 2 and (("swap", node.key) in self.inst.flips or (SUMMED_SWAP, node.key) in self.inst.flips):
                values.sort()  # the symmetric reading: m_{21} is m_{12}
            name += "[" + ",".join(values) + "]"
        for label in node.labels:
            name += "^" + label
        name += "'" * node.primes
        power = None
        if node.sup_letter is not None:
            if ("sup", node.sup_letter.base) in self.inst.flips:
                power = self.symbol(node.sup_letter)
            else:
                name += "^" + self.index_value(node.sup_letter)
        suffix = self.outcome_name(node.key) if self.outcome is not None and self.is_random(node.key) else ""
        if suffix:
            if self.independence is not None and isinstance(self.outcome, int):
                name = self.independent_name(node, name, suffix)
            else:
                name += expectation.OUTCOME_MARK + suffix
            # a random quantity that only one side mentions (the noise of E[y] = E[w^T x + e]) may
            # have a mean the prose gives (zero): the checker leaves such a step to its context
            self.inst.opaque.add(name)
        if shape in ("vector", "matrix") and node.key in self.letters.moving:
            # a vector or matrix that moves with time: an entry is a value of a function of t, which
            # can be any number at the time compared, and its derivatives are symbols of their own
            # (the orthogonal, symmetric and commuting readings of constant matrices do not carry over to these)
            cols = 1 if shape == "vector" else linalg.SIZE
            return sp.ImmutableMatrix(linalg.SIZE, cols, lambda i, j: sp.Symbol(f"{name}{OPAQUE_ENTRY}{i},{j}"))
        if shape == "vector" and ("orthogonal",) in self.inst.flips and len(node.indices) == 1:
            position = self.index_value(node.indices[0])
            if position.isdigit():
                return linalg.orthogonal_column(self.inst.seed, int(position), name)
        if shape == "vector" and (UNIT_VECTOR, node.key) in self.inst.flips:
            return linalg.named_unit_vector(f"{self.inst.seed}:{name}", self.array_shape(node.key, shape)[0])
        if shape in ("vector", "matrix"):
            # concrete random entries, fixed per instance and name: exact rational arithmetic keeps
            # products and inverses of 3 x 3 matrices cheap, where symbolic entries would not
            rows, cols = self.array_shape(node.key, shape)
            if COMPLEX_ARRAYS in self.inst.flips:
                return linalg.named_complex_matrix(f"{self.inst.seed}:{name}", rows, cols)
            if (rows, cols) != (self.matrix_size, self.matrix_size) and shape == "matrix":
                # tall or wide: neither commuting nor symmetric, whatever the reading
                return linalg.named_random_matrix(f"{self.inst.seed}:{name}", rows, cols)
            if shape == "matrix" and matfunc.COMMUTING in self.inst.flips:
                return matfunc.commuting_matrix(self.inst.seed, name)
            if shape == "matrix" and ((ORTHOGONAL_MATRIX, node.key) in self.inst.flips
                                      or node.key in self.letters.stated_rotations):
                # the hypothesis that the prose makes it orthogonal (see check._matrix_structure_hypothesis)
                return linalg.named_orthogonal_matrix(f"{self.inst.seed}:{name}", rows)
            value = linalg.named_random_matrix(f"{self.inst.seed}:{name}", rows, cols)
            if shape == "matrix" and (TRIANGULAR_MATRIX, node.key) in self.inst.flips:
                return linalg.lower_triangular(value)  # a Cholesky factor, by the prose's word
            conventional = node.base in SYMMETRIC_NAMES and node.key not in self.letters.transforms \
                or node.key in self.letters.quadratic or node.key in self.letters.stated_symmetric
            if shape == "matrix" and (("symmetric",) in self.inst.flips
                                      and (conventional or node.base in MAYBE_SYMMETRIC_NAMES)
                                      or CONVENTIONALLY_SYMMETRIC in self.inst.flips and conventional):
                value = sp.ImmutableMatrix(value + value.T)
            return value
        sym = sp.Symbol(name)
        if COMPLEX_ARRAYS in self.inst.flips and node.key in self.letters.conjugated and not node.indices:
            sym = sym + sp.I * sp.Symbol(name + ":imaginary")
        return sym if power is None else sp.Pow(sym, power)

    def time_derivative(self, plain: n.Sym, order: int) -> sp.Symbol:
        """``\\ddot x`` in a step that differentiates by t: the derivative of x in t, named as
        ``\\frac{d^2 x}{dt^2}`` lowers. It is no quantity from elsewhere: x is a function of t that the
        step leaves free, and its value and derivatives at a time can be any numbers."""
        # under a gradient by r (\frac{\partial}{\partial \mathbf r}(\dot{\mathbf r} \cdot \mathbf A)) the
        # velocity is held fixed, as \dot q is under \partial / \partial q: not the gradient's variable
        held = self.variables.pop(plain.key, None) if not plain.indices else None
        try:
            value, time = self.symbol(plain), self.symbol(self.letters.time)
        finally:
            if held is not None:
                self.variables[plain.key] = held
        if not isinstance(time, sp.Symbol):
            raise Undecidable("a time derivative in a time that is not a variable")
        if isinstance(value, sp.Symbol):
            return sp.Symbol(f"d({value.name})/d({time.name})^{order}")
        if plain.key in self.letters.moving and linalg.is_matrix(value) \
                and all(isinstance(x, sp.Symbol) and split_entry(x.name)[1] for x in value):
            # the entrywise derivative of an array of functions of t, each entry's named as a scalar's
            return value.applyfunc(lambda x: sp.Symbol("d({})/d({})^{}{}".format(
                split_entry(x.name)[0], time.name, order, split_entry(x.name)[1])))
        raise Undecidable("a time derivative of a vector or matrix (\\dot{\\mathbf r}) is not decided yet")

    def stacked_value(self, key: str, labels: tuple[str, ...] = ()) -> sp.Expr | None:
        """In the reading of stacked data (see stacked.py): the matrix whose rows (or columns) are the
        values of the member x_i at i = lo..hi, or the vector of the y_i; None for any other letter."""
        stack = next((s for s in self.letters.stacked if s.key == key and s.labels == labels), None)
        if stack is None:
            return None
        if stack.lo is None:
            # \sum_i without bounds: the range the step's other sums over i have, else the instance's
            lo_node, hi_node = self.inst.bounds.get(stack.var, (None, None))
        else:
            lo_node, hi_node = stack.lo, stack.hi
        if lo_node is None:
            lo, hi = 1, self.inst.size
        else:
            lo_v, hi_v = self.lower(lo_node), self.lower(hi_node)
            if not (lo_v.is_Integer and hi_v.is_Integer) or hi_v < lo_v:
                raise Undecidable("stacked data over a range that is not one of integers")
            lo, hi = int(lo_v), int(hi_v)
        if hi - lo + 1 > MAX_SUM_TERMS:
            raise Undecidable("stacked data with too many points")
        saved = dict(self.env)
        try:
            values = []
            for k in range(lo, hi + 1):
                self.env[stack.var] = k
                values.append(linalg.scalar(self.lower(stack.member)))
        finally:
            self.env = saved
        if stack.vector:
            if any(linalg.is_matrix(v) for v in values):
                raise Undecidable("stacked entries that are not numbers")
            return sp.ImmutableMatrix(len(values), 1, values)
        if not all(linalg.is_matrix(v) and v.shape[1] == 1 for v in values) or len({v.shape for v in values}) != 1:
            raise Undecidable("stacked rows that are not vectors of one size")
        columns = sp.ImmutableMatrix.hstack(*values)
        return sp.ImmutableMatrix(columns.T if stack.mode == "rows" else columns)

    def entry(self, node: n.Sym) -> sp.Expr | None:
        """w_i beside the vector w (A_{ij} beside the matrix A): that entry of the vector's value in
        this instance, or None for a letter whose indexed forms are not entries."""
        target = dict(self.letters.entries).get(node.key) if node.indices else None
        if target is None:
            return None
        style, _, base = target.rpartition(":")
        value = self.symbol(replace(node, base=base, style=style, indices=()))
        if not linalg.is_matrix(value):
            return None
        rows, cols = value.shape
        return self.entry_of_value(value, node.indices)

    def entry_of_value(self, value: sp.Expr, indices: tuple[n.Node, ...]) -> sp.Expr:
        """The entry of a lowered vector (one index) or matrix (two) at the indices' values."""
        value = linalg.scalar(value)
        if not linalg.is_matrix(value):
            raise Undecidable("an entry of something not known to be a vector or matrix")
        rows, cols = value.shape
        positions = [self.index_value(i) for i in indices]
        if not all(p.isdigit() for p in positions):
            raise Undecidable("an entry of a vector at an index that is not a number")
        at = [int(p) - 1 for p in positions]
        if cols == 1 and len(at) == 1 and 0 <= at[0] < rows:
            return value[at[0], 0]
        if cols > 1 and len(at) == 2 and 0 <= at[0] < rows and 0 <= at[1] < cols:
            return value[at[0], at[1]]
        raise Undecidable("an entry outside the vector or matrix")

    def entry_of_application(self, node: n.Func | n.Apply, indices: tuple[n.Node, ...]) -> sp.Expr:
        """``\\mathrm{softmax}(z)_i``, ``\\sigma(s)_i``: the function applied to a vector entry by entry
        (softmax: e^{z_i} over the sum of the e^{z_k}), then the entry. A number's entry is not read."""
        value = linalg.scalar(self.lower(entrywise_argument(node)))
        if not linalg.is_matrix(value):
            raise Undecidable("an entry of a function's value at something not known to be a vector")
        name = node.name if isinstance(node, n.Func) else LIBRARY[node.func.key]
        if isinstance(node, n.Apply) and SOFTMAX in self.inst.flips:
            name = "softmax"  # \sigma(z)_i is as often the softmax (its usual letter in some notes)
        if name == "softmax":
            if value.shape[1] != 1:
                raise Undecidable("a softmax of a matrix is not decided yet")
            exps = value.applyfunc(sp.exp)
            return self.entry_of_value(exps / sum(exps), indices)
        return self.entry_of_value(value.applyfunc(lambda x: apply_function(name, [x])), indices)

    def shape(self, node: n.Sym) -> str:
        key = node.key
        letters = self.letters
        if not (letters.vectors or letters.matrices):
            return "scalar"
        if node.base == "I" and (not node.indices or _sized_by_letter(node)) and key not in letters.vectors:
            return "identity"
        if node.base in ("0",) and "bf" in node.style:
            return "zero"
        if key in letters.vectors or (("vectors",) in self.inst.flips and key in letters.candidates) \
                or (("required",) in self.inst.flips and key in letters.required):
            return "vector"
        if key in letters.matrices:
            return "matrix"
        return "scalar"

    # -- expressions --------------------------------------------------------------------------
    def lower(self, node: n.Node) -> sp.Expr:
        if self.memo is not None and not self.env and not self.variables and self.outcome is None \
                and not self.series_vars and not self.del_depth:
            return self._lower_memoized(node)
        return self._lower_node(node)

    def _lower_node(self, node: n.Node) -> sp.Expr:
        if self.zeroed and id(node) in self.zeroed:
            return sp.Integer(0)  # a member of a sequence outside the window a series is read on
        method = getattr(self, "lower_" + type(node).__name__)
        try:
            return method(node)
        except linalg.ShapeProblem as exc:
            raise ShapesMisfit(str(exc)) from None

    def _lower_memoized(self, node: n.Node) -> sp.Expr:
        """A subtree outside every binder (no summation index, gradient variable or outcome in force)
        lowers to the same value wherever it stands, given the instance's drawn indices: what it drew
        is kept with it and drawn again on reuse, and a reuse that would clash with what this
        lowering drew since is lowered afresh instead."""
        entry = self.memo.get(id(node))
        if entry is not None and entry[0] is node:
            _, value, indices, opaque, stand_ins = entry
            current = self.inst.indices
            taken = {v: k for k, v in current.items()}
            if all(current.get(k, v) == v and taken.get(v, k) == k for k, v in indices.items()):
                current.update(indices)
                self.inst.opaque.update(opaque)
                self.stand_ins += stand_ins
                return value
        opaque_before, stand_ins_before = set(self.inst.opaque), self.stand_ins
        value = self._lower_node(node)
        self.memo[id(node)] = (node, value, dict(self.inst.indices), self.inst.opaque - opaque_before,
                               self.stand_ins - stand_ins_before)
        return value

    def lower_Num(self, node: n.Num) -> sp.Expr:
        return sp.Rational(node.value) if "." in node.value else sp.Integer(node.value)

    def lower_Repeating(self, node: n.Repeating) -> sp.Expr:
        value = node.value()
        return sp.Rational(value.numerator, value.denominator)

    def lower_Const(self, node: n.Const) -> sp.Expr:
        if node.name == "e":
            if ("e",) in self.inst.flips and "e" in self.letters.candidates:
                return self.symbol(n.Sym(node.start, node.end, "e", "", (), (), None, 0))
            return sp.Symbol("e") if ("e",) in self.inst.flips else sp.E
        if node.name == "pi":
            return sp.pi
        if node.name.startswith("imag_"):
            return sp.I
        raise Undecidable("infinity")

    def lower_Sym(self, node: n.Sym) -> sp.Expr:
        if ("identity",) in self.inst.flips and _is_identity_letter(node):
            return sp.S.One  # the identity commutes with every matrix: as a factor or a term, it is 1
        if DIMENSION_LETTER in self.inst.flips and _plain_letter(node) and node.base in DIMENSION_NAMES \
                and node.key not in self.letters.matrices | self.letters.vectors | self.letters.required:
            return sp.Integer(self.dimension)  # d as the size of the step's vectors (see DIMENSION_LETTER)
        if SUM_COUNT in self.inst.flips and _plain_letter(node) \
                and node.base in self.letters.sum_counts:
            return sp.Integer(self.inst.size)  # V as the number of terms of a sum without bounds
        if TRIANGLE_ANGLES in self.inst.flips and _plain_letter(node):
            for first, second, third in TRIANGLE_LETTERS:
                if node.base == third:  # the third angle of a triangle is what the other two leave of pi
                    return sp.pi - self.symbol(replace(node, base=first)) - self.symbol(replace(node, base=second))
        return self.symbol(node)

    def lower_Term(self, node: n.Term) -> sp.Expr:
        value = self.lower(node.node)
        return -value if node.sign == "-" else value

    def lower_Add(self, node: n.Add) -> sp.Expr:
        values = [self.lower(t) for t in node.terms]
        try:
            return linalg.add(values)
        except linalg.ShapeProblem:
            fitted = self.fitted_identities(node.terms, values)
            if fitted is None:
                raise
            return linalg.add(fitted)

    def fitted_identities(self, nodes, values: list) -> list | None:
        """``values`` (of ``nodes``) with each one that writes I or the zero vector and has another shape
        than the rest lowered again with them of the rest's size, beside a tall or wide matrix (see
        gram.py): there the identity of X^T X + \\lambda I is p x p and that of I - X(X^T X)^{-1}X^T is
        n x n, and X^T(y - X\\beta) = \\mathbf{0} has p entries, which only what they stand beside tells.
        None where the rest have no one shape."""
        if not self.rectangular:
            return None
        writes = [any(isinstance(x, n.Sym) and self.shape(x) in ("identity", "zero") for x in node.walk())
                  for node in nodes]
        shapes = {linalg.scalar(v).shape for v, w in zip(values, writes)
                  if not w and linalg.is_matrix(linalg.scalar(v))}
        if len(shapes) != 1:
            return None
        rows, cols = next(iter(shapes))
        if rows != cols and cols != 1:
            return None
        out = []
        for node, value, wrote in zip(nodes, values, writes):
            value = linalg.scalar(value)
            if wrote and linalg.is_matrix(value) and value.shape != (rows, cols):
                memo, before = self.memo, self.identity_size
                self.memo, self.identity_size = None, rows  # (the memo holds them at the other size)
                try:
                    value = self.lower(node)
                except Undecidable:
                    return None
                finally:
                    self.memo, self.identity_size = memo, before
            out.append(value)
        return out

    def lower_Mul(self, node: n.Mul) -> sp.Expr:
        if not self.letters.kets and "\\otimes" not in node.ops:
            return linalg.multiply(*self.angle_factors(node))
        # A \otimes B C is A \otimes (BC): the tensor product binds looser than a product, tighter
        # than a sum; each side of it is multiplied out first
        groups: list[list] = [[]]
        group_ops: list[list[str]] = [[]]
        for value, op in self.factor_values(node):
            if op == "\\otimes":
                groups.append([])
                group_ops.append([])
            elif groups[-1]:
                group_ops[-1].append(op)
            groups[-1].append(value)
        tensor = len(groups) > 1
        if tensor and self.letters.kets:
            applied = _tensor_operator_on_state(groups, group_ops, quantum.reads(self.inst.flips))
            if applied is not None:
                return applied
        parts = [self.juxtaposed(values, tuple(ops), tensor) for values, ops in zip(groups, group_ops)]
        if tensor and any(not linalg.is_matrix(p) and getattr(p, "free_symbols", None) for p in parts):
            raise Undecidable("a tensor product of quantities not known to be vectors or matrices is not decided yet")
        return functools.reduce(kronecker, parts)

    def angle_factors(self, node: n.Mul) -> tuple[list, tuple[str, ...]]:
        """The factors of a product lowered, with the operators between them; minutes and seconds of
        arc after degrees (``30^\\circ 15' 20''``) are added to the angle before them, as written
        side by side they make one angle (only the degrees before say they are not feet)."""
        values: list = []
        ops: list[str] = []
        for k, factor in enumerate(node.factors):
            op = node.ops[k - 1] if k and node.ops else ""
            if isinstance(factor, n.Deriv) and not op and _minutes_of_arc(node.factors, k):
                values[-1] = values[-1] + self.lower(factor.body) * sp.pi / (180 * 60 ** factor.primes)
                continue
            if k:
                ops.append(op)
            values.append(self.lower(factor))
        return values, tuple(ops) if node.ops else ()

    def factor_values(self, node: n.Mul) -> list[tuple]:
        """The factors of a product lowered, each with the operator before it (none written: all
        juxtaposed); in the reading of the standard gates, CX and CNOT typed as letters side by
        side are one controlled gate."""
        out = []
        between = node.ops or ("",) * (len(node.factors) - 1)
        ops = ("", *between)
        k = 0
        while k < len(node.factors):
            run = quantum.letter_run(node.factors, between, k, self.inst.flips) if quantum.reads(self.inst.flips) \
                else None
            if run is not None:
                out.append((run[0], ops[k]))
                k += run[1]
                continue
            out.append((self.lower(node.factors[k]), ops[k]))
            k += 1
        return out

    def juxtaposed(self, values: list, ops: tuple[str, ...], tensor: bool) -> sp.Expr:
        """A product in a step with states: |0>|1> is the tensor product |01>, <0|1> and |0><1| are
        matrix products. Beside a \\otimes, a product of several matrices is refused: whether
        A B \\otimes C groups as (AB) \\otimes C or A (B \\otimes C) is the author's to say."""
        matrices = [v for v in (linalg.scalar(x) for x in values) if linalg.is_matrix(v)]
        # (of gates, whose sizes are fixed, X|-> \otimes |1> is (X|->) \otimes |1>: the other grouping,
        # X (|-> \otimes |1>), multiplies a 2 x 2 matrix by a 4-vector, as X Y \otimes Z would)
        if tensor and len(matrices) > 1 and not quantum.reads(self.inst.flips) and not (all(m.shape[1] == 1 for m in matrices)
                                                 or all(m.shape[0] == 1 for m in matrices)):
            raise Undecidable("a tensor product beside a product of matrices is not decided yet")
        if self.letters.kets:
            values, ops = _states_for_operator(values, ops)
        result = values[0]
        for op, value in zip(ops, values[1:]):
            a, b = linalg.scalar(result), linalg.scalar(value)
            if self.letters.kets and op == "" and linalg.is_matrix(a) and linalg.is_matrix(b) \
                    and (a.shape[1] == 1 == b.shape[1] or a.shape[0] == 1 == b.shape[0]):
                result = kronecker(a, b)
            else:
                result = linalg.multiply([a, b], (op,))
        return linalg.scalar(result)

    def lower_Ket(self, node: n.Ket) -> sp.Expr:
        if node.value is not None:
            value = linalg.scalar(self.lower(node.value))
            if not (linalg.is_matrix(value) and value.shape[1] == 1):
                raise Undecidable(quantum.NAMED_STATE)
            return sp.ImmutableMatrix(value).H if node.bra else value  # the bra: the conjugate transpose
        if not node.qubits:
            raise Undecidable(quantum.NAMED_STATE)
        if self.letters.systems_clash:
            raise Undecidable("states whose subsystems come in more than one order are not decided yet")
        if len(node.qubits) > MAX_QUBITS:
            raise Undecidable("a state of too many qubits")
        value = functools.reduce(kronecker, [QUBIT_STATES[c] for c in node.qubits])
        return sp.ImmutableMatrix(value.T) if node.bra else value  # the basis states are real

    def lower_Div(self, node: n.Div) -> sp.Expr:
        if node.juxtaposed and SLASH_REACH in self.inst.flips:
            first, *rest = node.den.factors  # type: ignore[attr-defined]
            return self.lower(n.Mul(node.start, node.end, (replace(node, den=first, juxtaposed=False), *rest)))
        if SLASH_ARGUMENT in self.inst.flips and _slash_after_function(node):
            func: n.Func = node.num  # type: ignore[assignment]
            inner = replace(node, num=func.args[0], start=func.args[0].start)
            return self.lower(replace(func, args=(inner,), end=node.end))
        den = self.lower(node.den)
        if den == 0:
            raise Undecidable("division by zero")
        return linalg.divide(self.lower(node.num), den)

    def lower_Evaluate(self, node: n.Evaluate) -> sp.Expr:
        var = self.symbol(node.var)
        value = self.lower(node.expr)
        at = linalg.scalar(self.lower(node.value))
        if linalg.is_matrix(value) and not _evaluates_del(node) and not _evaluates_curve(node) or linalg.is_matrix(at) \
                or not isinstance(var, sp.Symbol):
            # (a gradient's column at a point is its entries there, a point put in coordinate by coordinate)
            raise Undecidable("a derivative of a vector function at a point")
        return value.subs(var, at)

    def lower_Reach(self, node: n.Reach) -> sp.Expr:
        return self.lower(node.other if OPERATOR_REACH in self.inst.flips else node.inner)

    def lower_Annotated(self, node: n.Annotated) -> sp.Expr:
        if ("annotation",) not in self.inst.flips:
            return self.lower(node.inner)
        value = self.lower(node.value)
        try:
            inner = self.lower(node.inner)
        except Undecidable:  # (\underbrace{\int p}_{=1}: the value stands in for what is not read)
            inner = None
        if inner is not None and _annotation_contradicted(inner, value):
            # \underbrace{2 - 1}_{=0}: a value that no assumption or limit on the letters can give is a
            # slip of the annotation, which must not verify the step it is put in
            raise Undecidable("an annotation whose stated value differs from what it annotates")
        return value

    def lower_Integral(self, node: n.Integral) -> sp.Expr:
        if node.region:
            return self.region_integral(node)
        if ("probability",) in self.inst.flips and probability.marginalises(node, self.letters.distributions):
            return self.lower_BigOp(n.BigOp(node.start, node.end, "sum", node.var.base, None, None, node.body))
        var = self.symbol(node.var)
        if not isinstance(var, sp.Symbol):
            raise Undecidable("an integral with respect to a non-variable")
        before = self.stand_ins
        self.integrating.append(node.var.base)
        try:
            body = linalg.scalar(self.lower(node.body))
        finally:
            self.integrating.pop()
        if linalg.is_matrix(body):
            raise Undecidable("an integral of a matrix is not decided yet")
        if body.has(sp.Sum, sp.Product):  # a numerical series at every node of a quadrature
            raise Undecidable("an integral of an infinite series is not decided yet")
        self.hold_optima(body, [var])
        if node.lo is None:
            return sp.Integral(body, var)  # an antiderivative: the checker compares derivatives
        lo, hi = self.bound(node.lo), self.bound(node.hi)
        if self.stand_ins > before and (lo.has(sp.oo, -sp.oo) or hi.has(sp.oo, -sp.oo)):
            # whether it converges is a property of the function the document defines; a stand-in
            # either grows (no value anywhere) or decays, and then costs seconds of quadrature per point
            raise Undecidable("an improper integral of a function defined elsewhere is not decided")
        if _integral_depth(body) >= 1:
            # a triple integral is beyond the quadrature's budget (see evaluate), and a double one has
            # no confirmation (SymPy's evalf leaves an integral of several limits unevaluated, so a
            # wrong value of one was never refuted): over a box or a simplex the integrals of
            # polynomials are done exactly, leaving fewer
            return _integrate_polynomials(sp.Integral(body, (var, lo, hi)))
        return sp.Integral(body, (var, lo, hi))

    def region_integral(self, node: n.Integral) -> sp.Expr:
        """``\\int_\\Omega f\\,dx`` over a region named only: a generic quadrature, w_1 f(xi_1) + w_2 f(xi_2),
        with nodes and weights of the region's own (the same wherever it is integrated over), as a sum
        over a named set runs over a few generic members. What holds for every measure holds for it:
        linearity, constants out, a sum split, the variable renamed. Sides that differ under it may
        still agree over the region (a symmetry, its volume): the checker leaves those unverified."""
        var = self.symbol(node.var)
        if not isinstance(var, sp.Symbol):
            raise Undecidable("an integral with respect to a non-variable")
        body = linalg.scalar(self.lower(node.body))
        if linalg.is_matrix(body) or body.has(sp.Sum, sp.Product, sp.Integral):
            raise Undecidable("an integral over a region of a vector or of a series is not decided yet")
        tag = zlib.crc32(str(n.structure(node.lo)).encode()) % 10007
        total = sp.S.Zero
        for k in (1, 2):
            at = sp.Symbol(f"\\xi_{{{tag},{k}}}", real=True)
            total += sp.Symbol(f"w_{{{tag},{k}}}", positive=True) * body.xreplace({var: at})
        return total

    def bound(self, node: n.Node) -> sp.Expr:
        if isinstance(node, n.Const) and node.name in ("inf", "-inf"):
            return sp.oo if node.name == "inf" else -sp.oo
        return linalg.scalar(self.lower(node))

    def lower_EvalBar(self, node: n.EvalBar) -> sp.Expr:
        value = self.lower(node.expr)
        if linalg.is_matrix(value):
            raise Undecidable("an evaluation bar on a matrix is not decided yet")
        var = self.bar_variable(node, value)
        points = [node.lo] if node.hi is None else [node.hi, node.lo]
        at = [self.bar_point(value, var, p) for p in points]
        return at[0] if node.hi is None else at[0] - at[1]

    def bar_point(self, value: sp.Expr, var: sp.Symbol, point: n.Node) -> sp.Expr:
        """F at one end of an evaluation bar; at infinity (``[-\\frac{t}{s}e^{-st}]_0^\\infty``, a
        Laplace transform's), the limit there, as ``\\lim`` would take it."""
        if isinstance(point, n.Const) and point.name in ("inf", "-inf"):
            if value.has(*JUMPS) or value.has(sp.Integral, sp.Sum, sp.Product):
                raise Undecidable("an evaluation at infinity of an expression with jumps is not decided yet")
            if var not in value.free_symbols:
                return value
            return limit_at_infinity(value, var, 1 if point.name == "inf" else -1)
        at = linalg.scalar(self.lower(point))
        if linalg.is_matrix(at):
            raise Undecidable("an evaluation bar at a matrix")
        return value.subs(var, at)

    def bar_variable(self, node: n.EvalBar, value: sp.Expr) -> sp.Symbol:
        """The variable a bar evaluates: the one it names, else the one plain letter of F that it can
        be (narrowed to the step's integration variables when F has several), else no reading."""
        if node.var is not None:
            var = self.symbol(node.var)
            if not isinstance(var, sp.Symbol):
                raise Undecidable("an evaluation bar over a non-variable")
            return var
        inside = {id(x) for s in node.expr.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}
        inside |= {id(a.func) for a in node.expr.walk() if isinstance(a, n.Apply)}
        candidates, primed = {}, {}
        for sym in node.expr.walk():
            if isinstance(sym, n.Sym) and id(sym) not in inside and not sym.indices and not sym.labels \
                    and not sym.style and _is_letter(sym.base):
                value_of = self.symbol(sym)
                if isinstance(value_of, sp.Symbol) and value_of in value.free_symbols:
                    (primed if sym.primes else candidates)[(sym.base, sym.primes)] = value_of
        # p_a \delta q_a |_{t_0}^{t_1} evaluates at t, which F does not even show: a letter of F is the
        # variable only if the step integrates over it, or, without integrals, if it is a usual one
        # \lim_{b \to \infty} [F(x)]_0^b: a letter the bounds write is where the bar evaluates, not what
        # it evaluates over, though the step binds it (by the limit); u_{\min} is another name than u
        bounds = {x.base for p in (node.lo, node.hi) if p is not None for x in p.walk()
                  if isinstance(x, n.Sym) and not x.indices and not x.labels and not x.primes}
        allowed = (self.letters.integration - bounds) or BAR_VARIABLES
        candidates = {k: v for k, v in candidates.items() if k[0] in allowed and k[0] not in bounds}
        # [\frac{1}{r'}]_\infty^r, after \int_\infty^r ... dr': the dummy r' is primed so that the bound
        # r can name the point; it is the bar's variable when it is the only letter the bar could be over
        if not candidates:
            candidates = {k: v for k, v in primed.items() if k[0] in (self.letters.integration or BAR_VARIABLES)}
        if len(candidates) > 1:
            candidates = {k: v for k, v in candidates.items() if k[0] not in self.integrating}
        if len(candidates) != 1:
            raise Undecidable("the variable of an evaluation bar is not decided")
        return next(iter(candidates.values()))

    def lower_Limit(self, node: n.Limit) -> sp.Expr:
        var = self.symbol(node.var)
        if not isinstance(var, sp.Symbol):
            raise Undecidable("a limit over an index or a bound is not decided yet")
        body = self.lower(node.body)
        if linalg.is_matrix(body):
            raise Undecidable("a limit of a matrix is not decided yet")
        self.hold_optima(body, [var])
        if var not in body.free_symbols:
            return body
        if body.has(*JUMPS) or body.has(sp.Integral, sp.Sum, sp.Product):
            raise Undecidable("a limit of an expression with jumps is not decided yet")
        if isinstance(node.point, n.Const) and node.point.name in ("inf", "-inf"):
            return limit_at_infinity(body, var, 1 if node.point.name == "inf" else -1)
        point = linalg.scalar(self.lower(node.point))
        if linalg.is_matrix(point) or var in getattr(point, "free_symbols", ()):
            raise Undecidable("a limit at a point that is not a value")
        return limit_at(body, var, point, node.side)

    def lower_Transpose(self, node: n.Transpose) -> sp.Expr:
        value = self._transposed(node)
        # A^H: real letters are their own conjugates; the i a step writes and the entries of the
        # complex-arrays reading (see Comparator._as_complex_arrays) are not
        return linalg.conjugate(value) if node.conjugate else value

    def _transposed(self, node: n.Transpose) -> sp.Expr:
        inner = node.inner
        if isinstance(inner, n.Apply) and self.apply_is_product(inner):
            # X((X^\top X)^{-1})^\top, A(B + C)^\top read as a product: TeX puts the mark on the closing
            # bracket, so only the bracket is transposed (as lower_Pow gives x(1-x)^2 its exponent)
            bracket = n.Paren(inner.start, node.end, inner.args[0])
            return linalg.multiply([self.product_head(inner.func), linalg.transpose(self.lower(bracket))])
        if isinstance(inner, n.Pow) and isinstance(inner.base, n.Apply) and self.apply_is_product(inner.base):
            # A(BC)^{-\top}: the inverse and the transpose both belong to the bracket
            head = inner.base
            bracket = n.Pow(inner.start, node.end, n.Paren(head.start, head.end, head.args[0]), inner.exp)
            return linalg.multiply([self.product_head(head.func), linalg.transpose(self.lower(bracket))])
        return linalg.transpose(self.lower(inner))

    def lower_Norm(self, node: n.Norm) -> sp.Expr:
        order = None if node.order is None else linalg.scalar(self.lower(node.order))
        return linalg.norm(self.lower(node.inner), node.kind, order, entrywise=ENTRYWISE_NORMS in self.inst.flips)

    def lower_Inner(self, node: n.Inner) -> sp.Expr:
        return linalg.inner(self.lower(node.left), self.lower(node.right))

    def lower_MatrixLit(self, node: n.MatrixLit) -> sp.Expr:
        rows = [[self.lower(c) for c in row] for row in node.rows]
        if node.det:
            return linalg.formal_determinant(rows)
        if self.letters.blocks and any(linalg.is_matrix(linalg.scalar(v)) for row in rows for v in row):
            return linalg.blocks(rows)
        return linalg.literal(rows)

    def lower_Pow(self, node: n.Pow) -> sp.Expr:
        if isinstance(node.base, n.Sym) and (not n.letter_free(node.exp) or isinstance(node.exp, n.Num)
                                             and node.exp.value in ("0", "1")) and self.shape(node.base) == "vector":
            # z^k, u^{k+1}, x^0 of a vector: a column vector has no powers, so a superscript with a letter
            # (or the 0 or 1 no power needs) is the iterate it labels (ADMM's z^{k+1}, the starting x^0),
            # as x^{(k)} writes it; x^2 may be x \cdot x to a physicist, and stays unread
            label = "(" + self.index_value(node.exp) + ")"
            return self.lower(replace(node.base, end=node.end, labels=(*node.base.labels, label)))
        if isinstance(node.exp, n.Sym) and node.exp.base in self.letters.index and isinstance(node.base, n.Sym) \
                and not node.exp.indices and node.exp.base not in self.env and not node.exp.base.isalpha():
            raise Undecidable("tensor index notation (p^\\alpha p_\\alpha) is not decided yet")
        if _greek_indices_up(node, self.env):
            # \Gamma^\lambda_{\mu\nu}, F^{\mu\nu}: an upper index, whose powers would make F^{\mu\nu} = -F^{\nu\mu}
            # (antisymmetry) false and T^{\mu\nu} = T^{\nu\mu} (symmetry, a property) an identity
            raise Undecidable("tensor index notation (p^\\alpha p_\\alpha) is not decided yet")
        if _function_of_bracket(node.base) and FUNCTION_POWER in self.inst.flips:
            # \log(x)^2 read as \log(x^2), as some authors mean it
            func = node.base
            inner = n.Pow(func.args[0].start, node.end, func.args[0], node.exp)
            return self.lower(n.Func(func.start, node.end, func.name, (inner,), func.power, func.inverse))
        if _based_log_of_bracket(node.base) and FUNCTION_POWER in self.inst.flips:
            # \log_{10}(x)^2 read as \log_{10}(x^2), as for the natural log above
            func = node.base.num
            inner = n.Pow(func.args[0].start, node.end, func.args[0], node.exp)
            log = n.Func(func.start, node.end, func.name, (inner,), func.power, func.inverse)
            return self.lower(replace(node.base, num=log))
        if isinstance(node.base, n.Apply) and self.apply_is_product(node.base):
            # x(1-x)^2 read as a product is x (1-x)^2: the exponent belongs to the bracket
            inner = n.Pow(node.start, node.end, n.Paren(node.base.start, node.base.end, node.base.args[0]), node.exp)
            return linalg.multiply([self.product_head(node.base.func), self.lower(inner)])
        base, exp = self.lower(node.base), self.lower(node.exp)
        if linalg.is_matrix(linalg.scalar(base)) and not linalg.is_matrix(linalg.scalar(exp)) \
                and not (linalg.scalar(exp).is_Integer and linalg.scalar(exp) > 0):
            self._fixed_matrix(linalg.scalar(base))
        if base == sp.E and linalg.is_matrix(linalg.scalar(exp)):
            self._fixed_matrix(linalg.scalar(exp))
            self._matrix_argument(node.exp)
            return matfunc.apply("exp", exp)  # e^{A}, e^{tA}: the exponential of a square matrix
        if linalg.is_matrix(linalg.scalar(exp)):
            raise Undecidable("a power of a matrix other than e^{A} is not decided yet")
        root = self._matrix_root(linalg.scalar(base), linalg.scalar(exp))
        if root is not None:
            self._matrix_argument(node.base)
            return root
        matrix_power = linalg.power(base, exp)
        if matrix_power is not None:
            return matrix_power
        return safe_pow(linalg.scalar(base), linalg.scalar(exp))

    @staticmethod
    def _matrix_root(base, exp) -> sp.Expr | None:
        """A^{1/2}, A^{-1/2} of a square matrix (a diagonal one written out is left to linalg.power):
        its square root, and the square root of its inverse (the inverse of the principal root)."""
        if not linalg.is_matrix(base) or linalg.is_matrix(exp) or exp not in (sp.Rational(1, 2), sp.Rational(-1, 2)):
            return None
        if base.is_square and base.is_diagonal():
            return None
        return matfunc.apply("sqrt", base if exp > 0 else linalg.power(base, sp.Integer(-1)))

    def _fixed_matrix(self, value: sp.Expr) -> None:
        """Refuses the inverse or a function of a matrix that moves with time (see moving_arrays): its
        entries are symbols, whose exact inverse, exponential or root grows past any time budget."""
        if self.letters.moving and any(isinstance(x, sp.Symbol) and split_entry(x.name)[1]
                                       for x in value.free_symbols):
            raise Undecidable("the inverse or a function of a matrix that moves with t is not decided yet")

    def _matrix_argument(self, node: n.Node) -> None:
        """Refuses a function of a matrix whose argument transposes a number: -\\frac12 (x - \\mu)^T
        \\Sigma^{-1} (x - \\mu) with x and \\mu read as numbers is a matrix only by that misreading (the
        quadratic form of vectors the step does not mark), and so is its exponential."""
        for x in node.walk():
            if isinstance(x, n.Transpose) and not linalg.is_matrix(linalg.scalar(self.lower(x.inner))):
                raise Undecidable("a function of a matrix that transposes a number (a quadratic form of "
                                  "vectors not marked as such?) is not decided")

    def _power_count(self, power: n.Node) -> int:
        """The whole power of ``\\cos^2 A``; any other power of a function of a matrix is not read."""
        value = linalg.scalar(self.lower(power))
        if linalg.is_matrix(value) or not value.is_Integer or not 1 <= value <= 4:
            raise Undecidable("a power of a function of a matrix other than a small whole number")
        return int(value)

    def lower_Paren(self, node: n.Paren) -> sp.Expr:
        return self.lower(node.inner)

    def lower_Abs(self, node: n.Abs) -> sp.Expr:
        inner = linalg.scalar(self.lower(node.inner))
        if linalg.is_matrix(inner):
            # |A| is a determinant, |x| a length
            return linalg.determinant(inner) if inner.shape[0] == inner.shape[1] else linalg.norm(inner)
        return sp.Abs(inner)

    def lower_Cases(self, node: n.Cases) -> sp.Expr:
        """A piecewise function: SymPy's Piecewise takes the first case whose condition holds, as the
        cases are read; where none holds (the rows leave a gap) it has no value, and such a point
        decides nothing."""
        pieces = []
        for value, sides, relations in zip(node.values, node.sides, node.relations):
            lowered = [self._case_scalar(x) for x in (value, *sides)]
            condition = sp.And(*(_CASE_RELATIONAL[r](a, b) for r, a, b in zip(relations, lowered[1:], lowered[2:])))
            if any(r in ("==", "!=") for r in relations) and isinstance(condition, sp.logic.boolalg.BooleanAtom):
                # k = 0 with k an index given a whole number, or a letter known positive: decided before
                # the point where the equation holds could be asked (see comparator.equation_cases_differ)
                raise Undecidable("a case whose condition is an equation decided by the instance is not decided yet")
            pieces.append((lowered[0], condition if sides else sp.true))
        return sp.Piecewise(*pieces)

    def _case_scalar(self, node: n.Node) -> sp.Expr:
        value = linalg.scalar(self.lower(node))
        if linalg.is_matrix(value):
            raise Undecidable("a case of a vector or matrix is not decided yet")
        return value

    def lower_Factorial(self, node: n.Factorial) -> sp.Expr:
        inner = self.lower(node.inner)
        if inner.is_Number and abs(inner) > 500:
            raise Undecidable("factorial too large")
        return sp.factorial(inner)

    def lower_Binom(self, node: n.Binom) -> sp.Expr:
        a, b = self.lower(node.n), self.lower(node.k)
        if a.is_Number and abs(a) > 500:
            raise Undecidable("binomial too large")
        return sp.binomial(a, b)

    def lower_Sqrt(self, node: n.Sqrt) -> sp.Expr:
        radicand = self.lower(node.radicand)
        if linalg.is_matrix(linalg.scalar(radicand)):
            self._fixed_matrix(linalg.scalar(radicand))
        if node.index is None:
            root = matfunc.apply("sqrt", radicand)  # \sqrt{A}: the square root of a matrix
            if root is None:
                if isinstance(radicand, sp.Expr) and not radicand.is_nonnegative:
                    self.radicands.append(radicand)
                return sp.sqrt(radicand)
            self._matrix_argument(node.radicand)
            return root
        if linalg.is_matrix(linalg.scalar(radicand)):
            raise Undecidable("a root of a matrix other than the square root is not decided yet")
        index = self.lower(node.index)
        if index.is_Integer and index.is_odd and index > 0 and _written_negative(radicand) \
                and not self.letters.imaginary and not any(f[:1] == ("imag",) for f in self.inst.flips):
            # \sqrt[3]{-8} is the real cube root, -2 (SymPy's principal root is complex): an odd root
            # of -r is minus that of r, which is real wherever r is positive
            return -safe_pow(-radicand, 1 / index)
        if index.is_Integer and index.is_even and isinstance(radicand, sp.Expr) and not radicand.is_nonnegative:
            self.radicands.append(radicand)
        return safe_pow(radicand, 1 / index)

    def poisson_bracket(self, node: n.Func) -> sp.Expr:
        """{f, g}: the sum over the canonical pairs of df/dq dg/dp - df/dp dg/dq (see poisson.py)."""
        left = [x.key for arg in node.args for x in arg.walk() if isinstance(x, n.Sym)
                and x.key in self.letters.poisson_functions]
        if left:
            raise Undecidable(poisson.UNDEFINED.format(left[0]))
        try:
            canonical = poisson.pairs(*node.args)
        except ValueError as exc:
            raise Undecidable(str(exc)) from None
        f, g = (linalg.scalar(self.lower(x)) for x in node.args)
        total = sp.Integer(0)
        for coordinate, momentum in canonical:
            q, p = self.symbol(coordinate), self.symbol(momentum)
            if not (isinstance(q, sp.Symbol) and isinstance(p, sp.Symbol)):
                raise Undecidable(poisson.UNPAIRED)
            total += sp.diff(f, q) * sp.diff(g, p) - sp.diff(f, p) * sp.diff(g, q)
        return total if node.power is None else safe_pow(total, self.lower(node.power))

    def lower_Func(self, node: n.Func) -> sp.Expr:
        if node.name == n.ENTRY and entrywise_argument(node.args[0]) is not None:
            return self.entry_of_application(node.args[0], node.args[1:])
        if node.name == n.ENTRY:
            return self.entry_of_value(self.lower(node.args[0]), node.args[1:])
        if node.name == n.CROSS_MATRIX:
            return linalg.cross_matrix(self.lower(node.args[0]))
        if node.name == n.COMMUTATOR:
            a, b = (self.lower(x) for x in node.args)
            return linalg.add([linalg.multiply([a, b]), linalg.multiply([sp.Integer(-1), b, a])])
        if node.name == n.POISSON:
            return self.poisson_bracket(node)
        states = _trailing_states(node) if self.letters.kets else None
        if states is not None:
            # \cos\frac{\theta}{2}|0>: the amplitude times the state, not a cosine of a state
            scale = self.lower(replace(node, args=(states[0],)))
            return self.juxtaposed([scale, *(self.lower(k) for k in states[1])], ("",) * len(states[1]), False)
        if node.name == "rank" and not _matrix_of_numbers(node.args[0] if node.args else node):
            # a letter's generic matrix has full rank, which would verify rank(AB) = rank(A): only
            # a matrix written out in numbers has its one rank
            raise Undecidable("the rank of other than a matrix written in numbers")
        if node.name == "rank" and any(isinstance(x, n.Num) and "." in x.value for x in node.walk()):
            # rank jumps under any change of an entry: of rounded decimals (0.333 for 1/3) the written
            # matrix may have full rank where the exact one has not
            raise Undecidable("the rank of a matrix of decimals, which may be rounded")
        args = [self.lower(a) for a in node.args]
        if node.name == n.DIAGONAL:
            value = linalg.diagonal(args)
            return value if node.power is None else linalg.power(value, self.lower(node.power))
        if node.name in n.MATRIX_FUNCTIONS and len(args) == 1:
            value = {"trace": linalg.trace, "det": linalg.determinant, "adjugate": linalg.adjugate,
                     "rank": linalg.rank}[node.name](args[0])
            return value if node.power is None else safe_pow(value, self.lower(node.power))
        args = [linalg.scalar(a) for a in args]
        if len(args) == 1 and linalg.is_matrix(args[0]) and node.name in matfunc.KINDS and not node.inverse \
                and not node.primes and not (node.other_base and ("logbase",) in self.inst.flips):
            # \exp(tA), \cos A: the function of a square matrix (its power series), at points
            self._fixed_matrix(args[0])
            self._matrix_argument(node.args[0])
            value = matfunc.apply(node.name, args[0])
            return value if node.power is None else linalg.multiply([value] * self._power_count(node.power))
        if any(linalg.is_matrix(a) for a in args):
            raise Undecidable(f"{node.name} of a matrix is not decided yet")
        if node.primes:
            if len(args) != 1:
                raise Undecidable(f"a derivative of {node.name} of several arguments")
            u = sp.Dummy("u")
            return derivative(apply_function(node.name, [u], node.inverse), u, node.primes).subs(u, args[0])
        name = node.other_base if node.other_base and ("logbase",) in self.inst.flips else node.name
        if node.other_base == "log10" and LOG_BASE_TWO in self.inst.flips:
            name = "log2"
        if DEGREE_ANGLES in self.inst.flips and _degree_candidate(node):
            args = [args[0] * sp.pi / 180]
        if name == "mod" and len(args) == 2 and INVERSE_RESIDUES in self.inst.flips:
            value = inverse_remainder(*args)
        else:
            value = apply_function(name, args, node.inverse)
        if node.power is not None:
            value = safe_pow(value, self.lower(node.power))
        return value

    @property
    def independence(self) -> Independence | None:
        """The independence the prose states, in the general model of expectations only: the
        reading that verifies what rests on the prose's assumptions (see lower_expectation)."""
        if ("expectation",) not in self.inst.flips:
            return None
        return self.letters.randomness.independence

    def independent_name(self, node: n.Sym, name: str, suffix: str) -> str:
        """The name of a random symbol at the current outcome of the product space: a variable the
        statement names takes one value per outcome of its own factor (of the family's one
        distribution, for i.i.d. ones), any other one value per outcome of the whole space."""
        statement = self.independence
        mark = expectation.OUTCOME_MARK
        plain = not (node.labels or node.primes or node.sup_letter is not None)
        if node.indices and not re.fullmatch(r"[^\[]*\[-?\d+(,-?\d+)*\]", name):
            plain = False  # an entry at an index with no value here: not one member
        factor = statement.factor(node.key, bool(node.indices), name) if plain else None
        if factor is None:
            return name + mark + suffix
        names = [f for f, _ in self.factors]
        if factor not in names:
            if len(names) + len(self.unseen | {factor: ""}) > expectation.MAX_FACTORS:
                raise Undecidable("too many independent variables for their product space")
            self.unseen[factor] = statement.shared(node.key) if statement.identical else factor
            return name + mark + suffix  # this lowering is done again with the factor in the space
        at = expectation.component(self.outcome, names.index(factor)) + 1
        if statement.identical:
            return f"{statement.shared(node.key)}{mark}iid{at}"
        return f"{name}{mark}f{at}"

    def is_random(self, key: str) -> bool:
        return key in self.letters.randomness.random(("random",) in self.inst.flips)

    def outcome_name(self, key: str) -> str:
        """The suffix of a random symbol at the current outcome: a conditioning symbol takes its
        group's value, and at the generic group's members ("0.j") its generic one."""
        outcome = self.outcome
        if key in self.letters.randomness.conditioned:
            if isinstance(outcome, str):
                return ""
            return f"g{expectation.group_of(outcome)}"
        return str(outcome)

    def lower_expectation(self, node: n.Apply, kind: str) -> sp.Expr:
        randomness = self.letters.randomness
        if node.given >= 0:
            if kind != "E" or node.given != 1 or randomness.conditional_conflict or node.params >= 0 or node.primes:
                raise Undecidable("conditional expectations (E[Y | X]) other than of one quantity given "
                                  "the same variables are not decided yet")
        if node.params >= 0 or node.primes:
            raise Undecidable(f"{kind} with parameters or primes is not decided yet")
        if kind == "E" and not node.func.style and randomness.plain_conflict:
            raise Undecidable("E[..] beside functionals: an expectation or a functional is not decided")
        if randomness.sensitive[("random",) in self.inst.flips] and ("expectation",) not in self.inst.flips:
            # E[XY] = E[X]E[Y], E[(a + e)^2] = a^2 + E[e^2]: true under the independence or the zero
            # mean the prose assumes. Only the general model (the ("expectation",) reading) is tried,
            # and it can verify such a step but not, by itself, refute it.
            raise Undecidable("an expectation of a nonlinear expression may rest on assumptions "
                              "(independence, zero mean) made elsewhere")
        if kind == "E" and node.given >= 0:
            return self.conditional_expectation(node.args[0])
        if kind == "E":
            if len(node.args) != 1:
                raise Undecidable("an expectation of several arguments")
            # a number, whatever outcome an enclosing expectation reads it at: lowered once
            key = (id(node), "mean", tuple(sorted(self.env.items())), tuple(sorted(self.series_vars)),
                   tuple(sorted(self.variables)))
            cached = self.group_means.get(key)
            if cached is not None and cached[0] is node:
                return cached[1]
            values = self.outcome_values(node.args[0])
            value = linalg.add([linalg.multiply([w, v]) for w, v in values])
            self.group_means[key] = (node, value)
            return value
        if kind == "Var" and len(node.args) == 1:
            return self.covariance(node.args[0], node.args[0])
        if kind == "Cov" and len(node.args) in (1, 2):
            return self.covariance(node.args[0], node.args[-1])
        if kind == "SD" and len(node.args) == 1:
            return safe_pow(linalg.scalar(self.covariance(node.args[0], node.args[0])), sp.Rational(1, 2))
        if kind == "Corr" and len(node.args) == 2:
            a, b = node.args
            spread = linalg.scalar(self.covariance(a, a)) * linalg.scalar(self.covariance(b, b))
            return linalg.scalar(self.covariance(a, b)) * safe_pow(spread, sp.Rational(-1, 2))
        raise Undecidable(f"{kind} of {len(node.args)} arguments is not decided yet")

    def outcome_values(self, body: n.Node, members: list | None = None) -> list[tuple[sp.Expr, sp.Expr]]:
        """(weight, value of ``body`` at that outcome) for each outcome of the instance's space, or
        for the (outcome, weight) pairs of ``members``."""
        if members is None and self.independence is not None:
            members = list(expectation.space(self.inst.seed, tuple(f for f, _ in self.factors),
                                             tuple(t for _, t in self.factors)))
        elif members is None:
            weights = expectation.outcome_weights(self.inst.seed, bool(self.letters.randomness.conditioned))
            members = list(enumerate(weights, 1))
        saved = self.outcome
        out = []
        try:
            for k, weight in members:
                self.outcome = k
                out.append((weight, linalg.scalar(self.lower(body))))
        finally:
            self.outcome = saved
        return out

    def conditional_expectation(self, body: n.Node) -> sp.Expr:
        """E[body | X] at the current outcome: the weighted mean of body over the outcomes of its
        group (those that share X's value); outside any expectation, over the generic group."""
        if self.outcome is None or isinstance(self.outcome, str):
            group = 0
            members = [(f"0.{j}", w) for j, w in enumerate(expectation.generic_weights(self.inst.seed), 1)]
        else:
            weights = expectation.outcome_weights(self.inst.seed, True)
            group = expectation.group_of(self.outcome)
            first = (group - 1) * expectation.MEMBERS
            members = [(k + 1, weights[k]) for k in range(first, first + expectation.MEMBERS)]
        key = (id(body), group, tuple(sorted(self.env.items())), tuple(sorted(self.series_vars)),
               tuple(sorted(self.variables)))
        cached = self.group_means.get(key)
        if cached is not None and cached[0] is body:
            return cached[1]
        values = self.outcome_values(body, members)
        total = sum(w for _, w in members)
        value = linalg.add([linalg.multiply([w / total, v]) for w, v in values])
        self.group_means[key] = (body, value)
        return value

    def covariance(self, left: n.Node, right: n.Node) -> sp.Expr:
        """E[(a - Ea)(b - Eb)]; for vectors E[(a - Ea)(b - Eb)^T], the covariance matrix."""
        a, b = self.outcome_values(left), self.outcome_values(right)
        mean_a = linalg.add([linalg.multiply([w, v]) for w, v in a])
        mean_b = linalg.add([linalg.multiply([w, v]) for w, v in b])
        terms = []
        for (w, va), (_, vb) in zip(a, b):
            da, db = linalg.add([va, -mean_a]), linalg.add([vb, -mean_b])
            if linalg.is_matrix(db) and db.shape[1] == 1:
                db = linalg.transpose(db)
            terms.append(linalg.multiply([w, da, db]))
        return linalg.add(terms)

    def product_head(self, func: n.Sym) -> sp.Expr:
        """The letter before a bracket that a product reading multiplies: ``2\\pi e(P + N)`` beside
        ``2\\pi e N`` multiplies Euler's number (unless the step reads e as a letter), ``\\pi(3)^2``
        beside ``9\\pi`` the constant."""
        constant = {"e": "e", "\\pi": "pi"}.get(func.base)
        if constant and not (func.indices or func.style or func.labels or func.primes):
            return self.lower_Const(n.Const(func.start, func.end, constant))
        if SUM_COUNT in self.inst.flips and _plain_letter(func) and func.base in self.letters.sum_counts:
            return sp.Integer(self.inst.size)  # N(b + 1) beside N alone: the same count (see SUM_COUNT)
        return self.symbol(func)

    def apply_is_product(self, node: n.Apply) -> bool:
        if expectation.kind_of(node) is not None:
            return False
        product = node.prefer_product != (("apply", node.func.key) in self.inst.flips)
        if node.func.base in FUNCTION_LETTERS and not pi_times_decimal(node):
            product = False
        return read_as_product(node, self.letters) or (node.maybe_product and product)

    def parameter_form(self, node: n.Apply) -> n.Apply | None:
        """``\\pi_\\theta(a \\mid s)`` in a step that differentiates by theta, as ``\\pi(a \\mid s; \\theta)``: the
        same function wherever the step writes it, inside the gradient or not."""
        sub = node.func.indices[0] if len(node.func.indices) == 1 else None
        if not isinstance(sub, n.Sym) or sub.key not in self.letters.parameters or parameter_of(node, sub) is None:
            return None
        return replace(node, func=replace(node.func, indices=()), args=(*node.args, sub), params=len(node.args),
                       maybe_product=False, prefer_product=False)

    def lower_Apply(self, node: n.Apply) -> sp.Expr:
        if self.letters.entry_parameters and len(node.func.indices) == 1 \
                and isinstance(node.func.indices[0], n.Sym) and node.func.indices[0].key in self.letters.entry_parameters \
                and parameter_of(node, node.func.indices[0]) is not None:
            # \pi_\theta(a) by \theta_b: how it moves with one entry is what the definition of \pi_\theta says
            # (the reason names the definition, so that one in force is put in: see check.NAMES_ELSEWHERE)
            raise Undecidable(f"needs the definition of {node.func.base}_{node.func.indices[0].base}: a derivative "
                              "by an entry of its parameter")
        if self.letters.parameters:
            as_parameter = self.parameter_form(node)
            if as_parameter is not None:
                return self.lower_Apply(as_parameter)
        if EVENTS in self.inst.flips:
            names = dict(self.letters.events).get(node.func.key)
            if names is not None:
                model = next((key[1] for key in self.inst.flips if key[0] == EVENT_MODEL), "")
                return events.probability(self.inst.seed, node.func.key, names, node.args, node.given, model)
        if quantum.reads(self.inst.flips) and quantum.is_rotation(node):
            angle = linalg.scalar(self.lower(node.args[0]))
            if linalg.is_matrix(angle):
                raise Undecidable("a rotation by a matrix")
            return quantum.rotation(node, angle)
        gate = quantum.gate_matrix(node.func, self.inst.flips) if quantum.reads(self.inst.flips) else None
        if gate is not None and len(node.args) == 1 and node.bracket == "(":
            # H(|0> + |1>): the gate applied to the bracket, a product of matrices
            return linalg.multiply([gate, self.lower(node.args[0])])
        if ("probability",) in self.inst.flips:
            names = dict(self.letters.distributions).get(node.func.key)
            if names is not None:
                values = [linalg.scalar(self.lower(a)) for a in node.args]
                return probability.probability(self.inst.seed, node.func.key, names, self.inst.size,
                                               list(node.args), node.given, values,
                                               independent=("independent",) in self.inst.flips)
        if node.func.key in self.letters.linear and len(node.args) == 1 and not node.primes and node.bracket == "(":
            return self.linear_map(node)
        plain, dots = n.undotted(node.func)
        if dots and self.letters.time is not None and not self.apply_is_product(node):
            return self.lower_Apply(replace(node, func=plain, primes=node.primes + dots))  # \dot x(t) is x'(t)
        if self.apply_is_product(node):
            func = node.func
            return linalg.multiply([self.product_head(func), self.lower(node.args[0])])
        if self.series_vars and any(n.mentions(a, self.series_vars) for a in node.args) \
                and (not is_library(node) or expectation.kind_of(node) is not None):
            # h[k] summed to infinity: whether and to what it converges is a property of the h the
            # document defines; a stand-in for h either grows or decays, and says nothing about it
            raise Undecidable(f"an infinite series of {node.func.base}, a sequence or function defined "
                              "elsewhere, is not decided")
        kind = expectation.kind_of(node)
        if kind is not None:
            return self.lower_expectation(node, kind)
        args = [linalg.scalar(self.lower(a)) for a in node.args]
        if any(linalg.is_matrix(a) for a in args):
            args = self.vector_argument(node, args)
        if is_normal_density(node):
            x, mean, variance = args
            if any(linalg.is_matrix(a) for a in args):
                raise Undecidable("a multivariate normal density is not decided yet")
            return sp.exp(-(x - mean) ** 2 / (2 * variance)) / sp.sqrt(2 * sp.pi * variance)
        if is_library(node):
            if node.primes:  # sigma'(z)
                u = sp.Dummy("u")
                return derivative(apply_function(LIBRARY[node.func.key], [u]), u, node.primes).subs(u, args[0])
            return apply_function(LIBRARY[node.func.key], args)
        if n.is_indicator(node) and len(args) == 2 and all(isinstance(a, sp.Integer) for a in args):
            # a condition between whole numbers (indices, summed or instantiated: 1[j = k] is the
            # Kronecker delta) is decided exactly, as no unknown function could be
            truth = _INTEGER_RELATIONS.get(node.func.labels[0])
            if truth is not None:
                return sp.Integer(int(truth(*args)))
        if real_indicator(node) and len(args) == 2 and not any(linalg.is_matrix(a) for a in args):
            # 1[z > 0], 1[y w^T x < 1]: an inequality between real quantities is true or false at every
            # point sampled, so the indicator is the step function it writes (ReLU's derivative)
            relation = sp.Lt if node.func.labels[0] == "<" else sp.Le
            return sp.Piecewise((sp.Integer(1), relation(*args)), (sp.Integer(0), True))
        # an indicator: one unknown function per relation, whatever the condition's text
        name = n.INDICATOR + node.func.labels[0] if n.is_indicator(node) else sp.sstr(self.symbol(node.func))
        if node.bracket != "(":
            name += node.bracket
        if node.params >= 0:
            name += f";{node.params}"
        if self.inst.atoms:
            label = f"{name}{chr(39) * node.primes}/{len(args)}/{node.given}"
            return sp.Function(label)(*args)
        realisation = self.function(name, len(args), node.given)
        if node.primes:
            if len(args) != 1:
                raise Undecidable("a prime on a function of several variables")
            u = realisation.variables[0]
            return derivative(realisation.expr, u, node.primes).subs(u, args[0])
        return apply_stand_in(realisation, args)

    def linear_map(self, node: n.Apply) -> sp.Expr:
        """T(v) for a map stated linear: a fixed random square matrix times a vector, a fixed random number
        times a number. Square will do: an identity of linearity holds for every linear map if it holds
        for a generic square one, and the reading only verifies."""
        value = linalg.scalar(self.lower(node.args[0]))
        name = f"{self.inst.seed}:linear:{node.func.key}"
        if not linalg.is_matrix(value):
            return sp.Symbol(name) * value
        rows, cols = value.shape
        if cols != 1:
            raise Undecidable("a linear map of a matrix is not decided yet")
        return linalg.multiply([linalg.named_random_matrix(name, rows, rows), value])

    def vector_argument(self, node: n.Apply, args: list) -> list:
        """f(x) with x a column vector: a number-valued function of x's entries (what a gradient of f
        at x needs). Refused for a function the step shows to be a vector (T(v), f(x)^T u), for
        library functions (elementwise, or not?), and for matrices and several arguments."""
        if len(args) == 1 and args[0].shape[0] == 1 and args[0].shape[1] > 1:
            # a row vector (w^T x with x read as a number) is where a reading's shapes went wrong, not
            # what a function is applied to (see Comparator._reading_of_line_before)
            raise ShapesMisfit(VECTOR_FUNCTION)
        if len(args) != 1 or args[0].shape[1] != 1 or is_library(node) or node.primes \
                or node.func.key in self.letters.maps:
            raise Undecidable(VECTOR_FUNCTION)
        return list(args[0])

    def function(self, name: str, arity: int, given: int) -> sp.Lambda:
        """A fixed, smooth, positive, nonlinear stand-in for an undefined function (positive so that
        ``\\log p(x)`` is defined); the same name gets the same function on both sides."""
        key = (name, arity, given)
        self.stand_ins += 1
        if key not in self.inst.functions:
            self.inst.functions[key] = _stand_in(self.inst.seed, name, arity, given)
        return self.inst.functions[key]

    def lower_Deriv(self, node: n.Deriv) -> sp.Expr:
        reach = _bracket_then_factors(node)
        if reach == "bracket" or reach == "either" and ("reach",) in self.inst.flips:
            body = node.body
            inner = replace(node, body=body.factors[0], end=body.factors[0].end)
            return self.lower(replace(body, start=node.start, factors=(inner, *body.factors[1:])))
        if node.primes and isinstance(node.body, n.Num):
            # no one differentiates a number: 15' is minutes of arc or feet, 5'' seconds or inches
            raise Undecidable("a number with a prime (minutes of arc, feet) is not decided")
        if node.primes:
            value = self.lower(node.body)
            symbols = {s.name: s for s in getattr(value, "free_symbols", set())}
            variable = next((symbols[v] for v in PRIME_VARIABLES if v in symbols), None)
            if any(isinstance(x, n.Sym) and x.base in self.letters.primed and not x.primes
                   and (variable is None or x.base != variable.name) for x in node.body.walk()):
                # (x\psi)' beside \psi': psi is a function of x, which the lowering would hold constant
                raise Undecidable("a prime on an expression of a function written with primes elsewhere")
            heads = n.non_quantities(node.body)  # f(x)g(x): the names of applied functions are no letters
            if any(isinstance(x, n.Sym) and not (x.style or x.indices) and id(x) not in heads
                   and (x.base in PRIMED_FUNCTIONS and (variable is None or x.base != variable.name)
                        or x.base in PRIMED_UNKNOWNS and variable is not None and x.base != variable.name)
                   for x in node.body.walk()):
                # (x f)', (f^2)': in calculus notes f, g, h are functions of the variable (f + x f', 2ff'),
                # which the lowering would hold constant or take for the variable (see primed.py)
                raise Undecidable(PRIMED_FUNCTION_GROUP)
            if variable is None and len(symbols) == 1:
                variable = next(iter(symbols.values()))
            if variable is None:
                if symbols:
                    raise Undecidable("a prime on an expression of several variables")
                return sp.Integer(0)
            self.hold_optima(value, [variable])
            return derivative(value, variable, node.primes)
        if len(node.wrt) == 1 and not node.held:
            by_entry = self.derivative_by_entry(node, *node.wrt[0])
            if by_entry is not None:
                return by_entry
        variables = []
        for var, order in node.wrt:
            if not var.indices and any(isinstance(x, n.Sym) and x.base == var.base and x.style == var.style
                                       and x.indices and not _reference_value(x) for x in node.body.walk()):
                # d/dx \sum_i x_i^2: the entries x_i are not tied to x here, so they would not move
                # with it (2x, for the vector x, is what the author means)
                raise Undecidable(f"a derivative by {var.base} of its entries {var.base}_i is not decided yet")
            sym = self.symbol(var)
            if not isinstance(sym, sp.Symbol):
                if len(node.wrt) == 1 and order <= 2 and isinstance(var, n.Sym) and not node.held \
                        and linalg.is_matrix(sym) and (sym.shape[1] == 1 or order == 1):
                    # d f / d w for a vector w: the gradient (denominator layout), as \nabla_w f; the
                    # second derivative d^2 f / d w^2, the Hessian, as \nabla_w \nabla_w f
                    body = node.body if order == 1 else n.Grad(node.start, node.end, node.body, var)
                    return self.lower_Grad(n.Grad(node.start, node.end, body, var))
                raise Undecidable("a derivative with respect to a non-variable")
            variables.append((sym, order))
        if not node.partial and not self.letters.time_primes and self.primed_beside(node):
            # \frac{d}{dx}(y' y): y' is the derivative of a function of x, which the lowering would hold
            # constant (d/dx of it 0); the reading of primes as derivatives decides it (see check.py)
            raise Undecidable("a derivative by x of a letter written with primes (a function of x) is not "
                              "decided in this reading")
        body = node.body
        while isinstance(body, n.Paren):
            body = body.inner
        transposed = isinstance(body, n.Transpose)
        if transposed:
            body = body.inner
            while isinstance(body, n.Paren):
                body = body.inner
        timed = self.in_time(variables)
        arrays = self.moving_arrays_in(node.body)
        in_time = all(isinstance(v, n.Sym) and v.base in TIME_LETTERS and not (v.style or v.indices)
                      for v, _ in node.wrt)
        if arrays and not in_time and not (isinstance(body, n.Sym) and self.letters.time is not None):
            # \frac{\partial}{\partial q}(\mathbf r \cdot \mathbf r): how r depends on q (or on a \dot q) the
            # step does not say, and its entries, free functions of t, would be held fixed. (The bare
            # \frac{\partial \mathbf r}{\partial q} is an opaque vector that moves with t, below.)
            raise Undecidable("a derivative by another variable than t of a vector that moves with t "
                              "is not decided yet")
        if arrays and in_time and node.partial:
            # \frac{\partial \mathbf A}{\partial t} beside \frac{d\mathbf A}{dt}: the explicit dependence of a
            # field A(r, t), or the total derivative?
            raise Undecidable("a partial derivative in t of a vector that moves with t is not decided yet")
        if timed and node.partial:
            if self.moves_in_time(node.body):
                # \partial_t of an expression in q(t) and \dot q: the total derivative, or the explicit
                # one (0, q and \dot q held) of a Lagrangian? The step does not say
                raise Undecidable("a partial derivative in t of quantities that move with t is not decided yet")
            timed = None
        if isinstance(body, n.Sym) and not (timed and self.moves_in_time(body)) and not (arrays and in_time):
            applied = self.applied_form(body, node)
            if applied is not None:
                # \frac{df}{d\theta} beside f(\theta): the derivative of the function the step applies,
                # not a quantity of its own that the stand-in for f would not move with
                return self.differentiate(self.lower(applied), variables, _held(node), timed or None)
            target = self.symbol(body)
            if self.letters.poisson and poisson.canonical(body) and all(poisson.canonical(v) for v, _ in node.wrt):
                # \partial p / \partial q beside a Poisson bracket: coordinates and momenta are independent
                return sp.Integer(0) if all(target != v for v, _ in variables) else sp.diff(target, *variables)
            if isinstance(target, sp.Symbol) and node.partial and self.other_entries(body, node):
                # \partial x_k / \partial x_j at k != j: two entries of one vector are independent
                # coordinates (the Kronecker delta of \partial_j x_k), no quantity that moves with the other
                return sp.Integer(0)
            if isinstance(target, sp.Symbol) and all(target != v for v, _ in variables) and not transposed:
                # d E / d o with E defined elsewhere: an opaque quantity, never refuted by itself; the
                # order of a mixed partial's variables does not matter (E is taken to be smooth)
                orders: dict[str, int] = {}
                for v, k in variables:
                    orders[v.name] = orders.get(v.name, 0) + k
                name = "d(" + target.name + ")/" + "".join(f"d({v})^{k}" for v, k in sorted(orders.items()))
                name += _held(node)
                self.inst.opaque.add(name)
                return sp.Symbol(name)
            if linalg.is_matrix(target) and self.shape(body) in ("vector", "matrix"):
                # dr/dt for a vector r: its entries are random constants here, but the author means a
                # quantity that moves with t, so each entry's derivative is as opaque as dE/do
                label = body.key + "".join("[" + self.index_value(i) + "]" for i in body.indices)
                wrt = "".join(f"d({v.name})^{k}" for v, k in variables)
                rows, cols = target.shape
                names = [[f"d({label})/{wrt}{OPAQUE_ENTRY}{i},{j}" for j in range(cols)] for i in range(rows)]
                self.inst.opaque.update(x for row in names for x in row)
                value = sp.ImmutableMatrix([[sp.Symbol(x) for x in row] for row in names])
                return linalg.transpose(value) if transposed else value
        return self.differentiate(self.lower(node.body), variables, _held(node), timed or None)

    def other_entries(self, body: n.Sym, node: n.Deriv) -> bool:
        """Whether the bare ``body`` and every variable of ``node`` are entries of one vector written with
        one Latin index each (x_k, x_j), at index values that are known numbers and differ from the body's.
        (A Greek index may be lowered, x_\\nu beside x^\\mu, whose derivative is a metric's entry, no delta.)"""
        def entry(sym: n.Node) -> str | None:
            if not (isinstance(sym, n.Sym) and len(sym.indices) == 1 and not sym.primes and not sym.labels
                    and sym.sup_letter is None and sym.key == body.key):
                return None
            if isinstance(sym.indices[0], n.Sym) and sym.indices[0].base.startswith("\\"):
                return None
            value = self.index_value(sym.indices[0])
            return value if value.isdigit() else None
        mine = entry(body)
        values = [entry(var) for var, _ in node.wrt]
        return mine is not None and all(v is not None and v != mine for v in values)

    def derivative_by_entry(self, node: n.Deriv, var: n.Node, order: int) -> sp.Expr | None:
        """``\\frac{\\partial}{\\partial w_j}`` of an expression in the vector w (w^T x_i), w_j its entry: the
        body built with a symbol for each entry of w, differentiated by the j-th, and the entries put
        back, as a gradient's one entry. None where var is no entry of a vector of the step, or the
        body is a bare name (dJ/dw_j, as opaque as dJ/dw)."""
        target = dict(self.letters.entries).get(var.key) if isinstance(var, n.Sym) and len(var.indices) == 1 else None
        body = _unwrapped(node.body)
        if target is None or isinstance(body, n.Sym) or var.labels or var.primes:
            return None
        style, _, base = target.rpartition(":")
        vector = replace(var, base=base, style=style, indices=())
        if vector.key in self.variables or vector.key in self.letters.moving:
            return None
        at = self.symbol(vector)
        if not linalg.is_matrix(at) or at.shape[1] != 1:
            return None
        position = self.index_value(var.indices[0])
        if not position.isdigit() or not 1 <= int(position) <= at.shape[0]:
            raise Undecidable("a derivative by an entry of a vector at an index that is not one of its own")
        entries = sp.symbols(f"grad_{len(self.variables)}_1:{at.shape[0] + 1}")
        self.variables[vector.key] = sp.ImmutableMatrix(entries)
        try:
            value = linalg.scalar(self.lower(node.body))
        finally:
            del self.variables[vector.key]
        if linalg.is_matrix(value):
            raise Undecidable("a derivative of a vector by an entry of another is not decided yet")
        self.hold_optima(value, list(entries))
        value = derivative(value, entries[int(position) - 1], order)
        if self.inst.atoms:
            value = _derivatives_as_atoms(sp.ImmutableMatrix([value]))[0]
        return value.xreplace(dict(zip(entries, at)))

    def applied_form(self, body: n.Sym, node: n.Deriv) -> n.Apply | None:
        """The application f(x) whose derivative a bare \\frac{df}{dx} is (see applied_rate), when this
        reading applies f rather than multiplying by it."""
        found = applied_rate(replace(node, body=body), self.letters.applications)
        return None if found is None or self.apply_is_product(found) else found

    def lower_DerivBy(self, node: n.DerivBy) -> sp.Expr:
        """A derivative with respect to an expression e (f(x_i), \\sigma^2): e stands for a variable t of
        its own, so every occurrence of e in the operand becomes t, the operand is differentiated in t,
        and e is put back. Only where the operand writes e's letters nowhere else: d/d(x^2) of x^3 (or
        of x^2 + x) depends on what x is taken to be as a function of x^2, which the step does not say."""
        of = node.of
        while isinstance(of, n.Paren):
            of = of.inner
        if ORDER_TYPO in self.inst.flips and node.power and isinstance(of, n.Pow) and isinstance(of.base, n.Sym):
            return self.lower_Deriv(n.Deriv(node.start, node.end, node.body, ((of.base, node.power),), node.partial))
        inside = {id(x) for s in of.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}
        letters = {x.base for x in of.walk() if isinstance(x, n.Sym) and id(x) not in inside}
        want = n.structure(of)
        variable = n.Sym(of.start, of.end, _compound_name(of))
        if variable.key in self.variables:
            raise Undecidable("a derivative with respect to an expression inside another one is not decided yet")

        def visit(x: n.Node) -> n.Node | None:
            bare = x
            while isinstance(bare, n.Paren):
                bare = bare.inner
            return variable if n.structure(bare) == want else None

        body = n.rebuild(node.body, visit)
        # \partial / \partial f(x_i) of \sum_i (y_i - f(x_i))^2: the f(x_i) under the sum are the f at every
        # x_i, not the variable, though written alike
        named = {x.base for x in of.walk() if isinstance(x, n.Sym)}
        if _binds(body) & named:
            raise Undecidable("a derivative with respect to an expression in a letter that the operand "
                              "sums or integrates over is not decided")
        if n.mentions(body, letters) and log_of_letter(of) is not None:
            return self.by_chain_rule(node.body, of, log_of_letter(of), node.partial)
        if n.mentions(body, letters):
            shown = ", ".join(sorted(letters))
            raise Undecidable(f"a derivative with respect to an expression of an operand that writes {shown} "
                              "outside it is not decided")
        at = self.lower(of)
        if linalg.is_matrix(at) or not isinstance(at, sp.Expr):
            raise Undecidable("a derivative with respect to a vector or matrix expression is not decided yet")
        t = sp.Symbol(variable.base)
        self.variables[variable.key] = t
        try:
            value = self.lower_Deriv(n.Deriv(node.start, node.end, body, ((variable, 1),), node.partial))
        finally:
            del self.variables[variable.key]
        return value.subs(t, at) if t in getattr(value, "free_symbols", ()) else value

    def by_chain_rule(self, body: n.Node, of: n.Node, letter: n.Sym, partial: bool) -> sp.Expr:
        """The derivative of ``body`` with respect to ``of``, a function of the one ``letter`` that is one
        to one (\\ln K), as that in the letter over the derivative of ``of`` in it: the elasticity
        \\partial \\ln Y / \\partial \\ln K is K/Y times \\partial Y / \\partial K, whatever else Y writes."""
        numerator = self.lower_Deriv(n.Deriv(body.start, body.end, body, ((letter, 1),), partial))
        denominator = self.lower_Deriv(n.Deriv(of.start, of.end, of, ((letter, 1),), partial))
        if not isinstance(numerator, sp.Expr) or not isinstance(denominator, sp.Expr) or denominator == 0:
            raise Undecidable("a derivative with respect to an expression is not decided here")
        return numerator / denominator

    def primed_beside(self, node: n.Deriv) -> bool:
        """Whether a total derivative's operand writes a plain letter with primes other than its variable
        (y' under \\frac{d}{dx}), outside the heads of applied functions."""
        by = {v.base for v, _ in node.wrt if isinstance(v, n.Sym)}
        heads = n.non_quantities(node.body)
        # (the y' of a \partial F / \partial y' inside names a variable of F, no quantity of the operand)
        heads |= {id(x) for d in node.body.walk() if isinstance(d, n.Deriv) for v, _ in d.wrt for x in v.walk()}
        return any(_primed_plain(x) and x.base not in by and id(x) not in heads for x in node.body.walk())

    def in_time(self, variables: list[tuple[sp.Symbol, int]]) -> Clock | None:
        """For a derivative in the time of a step with dotted letters (see time_variable): the time and
        the letters that move with it, by the names the lowering gives them. None for any other derivative."""
        time = self.letters.time
        if time is None or not variables or any(v != self.symbol(time) for v, _ in variables):
            return None
        names, families = set(), set()
        for plain in self.letters.timed:
            if plain.indices and not all(isinstance(i, n.Num) for i in plain.indices):
                families.add(plain.key + "[")  # q_\alpha: every q_1, q_2, ... (named as symbol does)
            else:
                value = self.symbol(plain)
                if isinstance(value, sp.Symbol):
                    names.add(value.name)
                elif plain.key in self.letters.moving and linalg.is_matrix(value):
                    names.update(s.name for s in value.free_symbols)  # the entries of \mathbf r
        drifting = self.letters.moving - {n.undotted(x)[0].key for x in self.letters.timed}
        return Clock(variables[0][0], frozenset(names), tuple(sorted(families)), tuple(sorted(drifting)))

    def moving_arrays_in(self, node: n.Node) -> set[str]:
        """The vectors and matrices that move with time (see moving_arrays) a subtree writes, by key."""
        if not self.letters.moving:
            return set()
        return {n.undotted(x)[0].key for x in node.walk() if isinstance(x, n.Sym)} & self.letters.moving

    def moves_in_time(self, node: n.Node) -> bool:
        """Whether a subtree writes a letter that moves with the step's time (x or \\dot x for \\dot x)."""
        moving = {n.structure(x) for x in self.letters.timed}
        return any(isinstance(x, n.Sym) and n.structure(n.undotted(x)[0]) in moving for x in node.walk()) \
            or self.letters.time_primes and any(_primed_plain(x) and n.structure(replace(x, primes=0)) in moving
                                                for x in node.walk())

    def differentiate(self, value: sp.Expr, variables: list[tuple[sp.Symbol, int]], held: str = "",
                      clock: Clock | None = None) -> sp.Expr:
        """``value`` differentiated, with the quantities the step shows to depend on a variable
        moving with it: their derivatives are the opaque quantities the step also writes
        (d(psi)/d(x)^1, as ``\\frac{d\\psi}{dx}`` lowers). In time (``timed``, see in_time) the letters
        written with dots move, with their dotted forms as their derivatives; these are not opaque."""
        self.hold_optima(value, [v for v, _ in variables])
        timed = clock.moving(value) if clock is not None else {}
        moving = {}
        # d(y)/d(x)^1, as \frac{dy}{dx} lowers, in what is differentiated by x again: it moves with x too,
        # its derivative the next one (d/dx (x y') is y' + x y'', not y')
        rates: dict[sp.Symbol, sp.Symbol] = {}
        for s in getattr(value, "free_symbols", ()):
            match = _RATE.fullmatch(split_entry(s.name)[0]) if isinstance(s, sp.Symbol) \
                and s.name in self.inst.opaque else None
            if match:
                rates[s] = match
        for quantity, var in self.letters.dependents:
            if timed and n.undotted(quantity)[1]:
                continue  # \frac{d}{dt}\dot x: x moves, and \dot x is its derivative
            q, v = self.symbol(quantity), self.symbol(var)
            if not isinstance(v, sp.Symbol) or not any(v == x for x, _ in variables):
                continue
            # the entries of a vector that moves with t (\frac{d\mathbf A}{dt}), each a quantity of its own
            entries = list(q) if quantity.key in self.letters.moving and linalg.is_matrix(q) else [q]
            for q in entries:
                if not isinstance(q, sp.Symbol) or q in timed:
                    continue
                its_rates = [s for s, m in rates.items()
                             if m.group(1) + split_entry(s.name)[1] == q.name and m.group(2) == v.name]
                if value.has(q) or its_rates:
                    moving.setdefault(q, []).append(v)
        if clock is not None:
            # \frac{d}{dt} \frac{\partial L}{\partial \dot q}: a derivative from elsewhere, in q and \dot q,
            # moves with them; its derivative in time is as opaque as it is
            for q in getattr(value, "free_symbols", ()):
                if isinstance(q, sp.Symbol) and (q.name in self.inst.opaque or clock.drifts(q.name)) \
                        and q not in timed and clock.time not in moving.get(q, ()):
                    moving.setdefault(q, []).append(clock.time)
        if not moving and not timed:
            for sym, order in variables:
                value = derivative(value, sym, order)
            return value
        calls = {q: sp.Function(q.name + OPAQUE_ENTRY + "moving")(*vs) for q, vs in moving.items()}
        calls.update({q: sp.Function(q.name + OPAQUE_ENTRY + "moving")(clock.time) for q in timed})
        dots = {d: sp.Derivative(calls[q], (clock.time, k)) for q, ds in timed.items() for k, d in ds.items()}
        for s, match in rates.items():
            q = sp.Symbol(match.group(1) + split_entry(s.name)[1])
            v = next((v for v in moving.get(q, ()) if v.name == match.group(2)), None)
            if v is not None:
                dots[s] = sp.Derivative(calls[q], (v, int(match.group(3))))
        value = value.xreplace({**calls, **dots})
        for sym, order in variables:
            value = derivative(value, sym, order)
        named = {}
        for d in value.atoms(sp.Derivative):
            q = next((q for q, call in calls.items() if d.expr == call), None)
            if q is None:
                raise Undecidable("a derivative of a quantity that moves with several variables")
            orders: dict[str, int] = {}
            for v, k in d.variable_count:
                orders[v.name] = orders.get(v.name, 0) + int(k)
            base, entry = split_entry(q.name)  # an entry's derivative is that entry of the array's
            name = "d(" + base + ")/" + "".join(f"d({v})^{k}" for v, k in sorted(orders.items())) + held + entry
            if q not in timed:
                self.inst.opaque.add(name)
            named[d] = sp.Symbol(name)
        value = value.xreplace(named).xreplace({call: q for q, call in calls.items()})
        if value.atoms(AppliedUndef) & set(calls.values()) or value.has(sp.Derivative):
            raise Undecidable("a derivative of a quantity that moves with the variable")
        return value

    def lower_Grad(self, node: n.Grad) -> sp.Expr:
        """The gradient at the instance's value of the vector: the body is built with a symbol for each
        entry, differentiated, and the entries put back. ``\\nabla_w \\nabla_w f`` (``\\nabla_w^2 f``) is
        the Hessian, the matrix of second derivatives."""
        at = self.symbol(node.var)
        inner = _hessian_operand(node)
        opaque = self.opaque_gradient(node, at) if inner is None else None
        if opaque is not None:
            return opaque
        if isinstance(at, sp.Symbol):
            if inner is not None:
                # \nabla_r^2 \phi with r a number is the radial part of a Laplacian as often as d^2/dr^2
                raise Undecidable("\\nabla^2 with respect to a number is not decided yet")
            body = linalg.scalar(self.lower(node.body))
            self.hold_optima(body, [at])
            value = derivative(body, at)
            if self.inst.atoms and not linalg.is_matrix(value):
                # \nabla_w p(x; w) of an opaque call is another call, as a partial derivative's is (see
                # lower_Deriv): the checker values calls as numbers, and a Derivative of one has no value
                value = _derivatives_as_atoms(sp.ImmutableMatrix([value]))[0]
            return value
        if linalg.is_matrix(at) and at.shape[1] > 1 and inner is None and node.var.key not in self.variables \
                and not (node.var.indices or node.var.labels):
            return self.matrix_gradient(node, at)
        if not linalg.is_matrix(at) or at.shape[1] != 1 or node.var.key in self.variables:
            raise Undecidable("a gradient with respect to a matrix or a number is not decided yet")
        if node.var.key in self.letters.moving \
                and self.moving_arrays_in(node.body if inner is None else inner) - {node.var.key}:
            # \frac{\partial}{\partial \mathbf r}(\dot{\mathbf r} \cdot \mathbf A): a velocity is held fixed, but
            # another vector that moves with t may be a field A(r, t), whose entries would be held too
            raise Undecidable("a gradient by a position of another vector that moves with t is not decided yet")
        entries = sp.symbols(f"grad_{len(self.variables)}_1:{at.shape[0] + 1}")
        operand, key = node.body if inner is None else inner, node.var.key
        if node.var.indices or node.var.labels:
            # \nabla f(\mathbf{x}_t): the entries put in are those of the point itself, which the
            # variables of the lowering name by a plain letter only
            operand, key = _point_renamed(operand, node.var, f"#grad{len(self.variables)}")
        self.variables[key] = sp.ImmutableMatrix(entries)
        try:
            body = linalg.scalar(self.lower(operand))
        finally:
            del self.variables[key]
        if linalg.is_matrix(body):
            raise Undecidable("a gradient of a vector is not decided yet")
        self.hold_optima(body, list(entries))
        if inner is None:
            value = sp.ImmutableMatrix([derivative(body, e) for e in entries])
        else:
            value = sp.ImmutableMatrix([[derivative(derivative(body, a), b) for b in entries] for a in entries])
        if self.inst.atoms:
            value = _derivatives_as_atoms(value)
        return value.xreplace(dict(zip(entries, at)))

    def matrix_gradient(self, node: n.Grad, at: sp.Expr) -> sp.Expr:
        """``\\nabla_W f`` and ``\\frac{\\partial f}{\\partial W}`` of a number f by a matrix W: the matrix of
        the derivatives by W's entries, in W's shape (the gradient, or denominator, layout of the Matrix
        Cookbook: \\partial tr(W^T A) / \\partial W = A). Notes that write the numerator layout get its
        transpose, in the reading NUMERATOR_LAYOUT."""
        rows, cols = at.shape
        entries = sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"grad_{len(self.variables)}_{i + 1}_{j + 1}"))
        key = node.var.key
        self.variables[key] = sp.ImmutableMatrix(entries)
        try:
            body = linalg.scalar(self.lower(node.body))
        finally:
            del self.variables[key]
        if linalg.is_matrix(body):
            raise Undecidable("a derivative of a vector or matrix by a matrix is not decided yet")
        self.hold_optima(body, list(entries))
        value = sp.ImmutableMatrix(rows, cols, lambda i, j: derivative(body, entries[i, j]))
        if NUMERATOR_LAYOUT in self.inst.flips:
            value = value.T
        if self.inst.atoms:
            value = _derivatives_as_atoms(value)
        return value.xreplace(dict(zip(entries, at)))

    def lower_Del(self, node: n.Del) -> sp.Expr:
        """Gradient, divergence, curl and Laplacian in the Cartesian coordinates the step gave the node
        (lintmath.cartesian). With undefined functions as opaque calls, the derivatives are named once,
        by the outermost operator: \\nabla \\times \\nabla f must meet f#d2.3 and f#d3.2 as one name."""
        if not node.coords:
            raise Undecidable(node.reason)
        xs = [self.symbol(c) for c in node.coords]
        if not all(isinstance(x, sp.Symbol) for x in xs):
            raise Undecidable("coordinates that are not numbers")
        self.del_depth += 1
        try:
            value = linalg.scalar(self.lower(node.body))
        finally:
            self.del_depth -= 1
        self.hold_optima(value, xs)
        value = _del_applied(node.kind, value, xs)
        if self.inst.atoms and not self.del_depth:
            value = _derivatives_as_atoms(value) if linalg.is_matrix(value) \
                else _derivatives_as_atoms(sp.ImmutableMatrix([value]))[0]
        return value

    def opaque_gradient(self, node: n.Grad, at: sp.Expr) -> sp.Expr | None:
        """``\\nabla_y J`` with J a symbol defined elsewhere: named, never differentiated (which would give
        0), as ``\\frac{\\partial J}{\\partial y}`` is; for a vector y, a vector of such names."""
        body = _unwrapped(node.body)
        if not isinstance(body, n.Sym) or body.key == node.var.key or node.var.key in self.variables:
            return None
        target = self.symbol(body)
        if not isinstance(target, sp.Symbol):
            # J read as a matrix (beside \operatorname{tr}): its entries are constants here, and a
            # gradient of them would be 0 whatever J is
            raise Undecidable("a gradient of a vector or matrix defined elsewhere is not decided yet")
        if isinstance(at, sp.Symbol):
            name = f"d({target.name})/d({at.name})^1"  # the name lower_Deriv gives dJ/dy
            self.inst.opaque.add(name)
            return sp.Symbol(name)
        if not linalg.is_matrix(at) or at.shape[1] != 1:
            return None
        label = node.var.key + "".join("[" + self.index_value(i) + "]" for i in node.var.indices)
        names = [f"d({target.name})/d({label}){OPAQUE_ENTRY}{i},0" for i in range(at.shape[0])]
        self.inst.opaque.update(names)
        return sp.ImmutableMatrix([sp.Symbol(x) for x in names])

    def lower_BigOp(self, node: n.BigOp) -> sp.Expr:
        variables = [node.var, *node.extra_vars]
        subscripts = n.non_quantities(node.body)
        if node.kind == "sum" and not n.mentions(node.body, set(variables)) and any(
                isinstance(x, n.Sym) and id(x) in subscripts and x.base in self.letters.index
                and x.base not in self.env for x in node.body.walk()):
            # \sum_{i=1}^s a_\alpha beside \sum_\alpha: s copies of one term, or the index slipped?
            raise Undecidable("a sum whose terms name another, free index is not decided")
        if any(v in self.env or v in self.series_vars for v in node.over):
            # \sum_i \sum_{j \in N(i)}: one set per i, which no single set of the instance stands for
            raise Undecidable("a sum over a set that changes with an outer index is not decided yet")
        if node.values:
            return self.lower_listed(node)
        if node.order and not node.extra_vars and node.order != "\\neq":
            # \sum_{i<j} x_i beside j: the sum up to a free index, from a first index the step does not write
            raise Undecidable("a sum below a free index (\\sum_{i<j} beside j) is not decided yet")
        if node.order and node.extra_vars and node.partner in self.env:
            raise Undecidable("a sum over pairs inside a sum over its partner index is not decided yet")
        if node.order and node.extra_vars and node.lo is None and node.var not in self.inst.bounds \
                and node.partner in self.inst.bounds:
            lo_node, hi_node = self.inst.bounds[node.partner]
            node = replace(node, lo=lo_node, hi=hi_node)
        if ("probability",) in self.inst.flips and probability.over_values(node, self.letters.distributions):
            node = replace(node, lo=None, hi=None)  # \sum_{x \in X} p(x, y): over the values of x
        elif node.lo is None and node.var in self.inst.bounds:
            # \sum_i beside \sum_{i=1}^{n} in the same step means the same range
            lo_node, hi_node = self.inst.bounds[node.var]
            node = replace(node, lo=lo_node, hi=hi_node)
        ends = (infinite_bound(node.lo), infinite_bound(node.hi)) if node.lo is not None else (0, 0)
        if ends != (0, 0):
            return self.lower_series(node, ends)
        over_entries = self.letters.entries and indexes_entries(node, dict(self.letters.entries))
        if over_entries and not self.dimension_range(node):
            # \sum_{i=1}^{2} w_i x_i beside w^T x: a 2-vector, or a partial sum; \sum_{i=0}^{d-1}: 0-based
            raise Undecidable("a sum over the entries of a vector with bounds other than its dimension")
        if node.lo is None:
            lo, hi = 1, self.matrix_size if over_entries else self.inst.size
        else:
            lo_v, hi_v = self.lower(node.lo), self.lower(node.hi)
            if not (lo_v.is_Integer and hi_v.is_Integer):
                raise Undecidable("a sum whose bounds are not integers")
            lo, hi = int(lo_v), int(hi_v)
        if hi - lo + 1 < node.least:
            # x_1 + x_2 + x_3 + ... + x_n at n = 2 would drop a term the author wrote; a written
            # \sum_{k=0}^{q-h} at h > q + 1 is outside the range the prose allows (0 <= h <= q)
            raise Undecidable("the range of an ellipsis is shorter than the terms written out" if node.least
                              else "a sum whose upper bound is below its lower one at the sampled values")
        limit = MAX_NUMBER_SUM_TERMS if len(variables) == 1 and _terms_are_numbers(node) else MAX_SUM_TERMS
        if (hi - lo + 1) ** (1 if node.tuples else len(variables)) > limit:
            raise Undecidable("a sum with too many terms")
        excluded = [self.lower(x) for x in node.exclude]
        saved = dict(self.env)
        terms = []
        grid = self.tuple_grid(node, lo, hi) if node.tuples else _grid(lo, hi, len(variables))
        if node.order and node.extra_vars:
            grid = [v for v in grid if _PAIR_HOLDS[node.order](v[0], v[1])]
        # (the members a sum of sequences writes, zero coefficients and all: see check._members_differ)
        members = supported.indexed_members(node.body, set(variables), is_library) \
            if self.recording and node.kind == "sum" else []
        for values in grid:
            if any(sp.Integer(values[0]) == x for x in excluded):
                continue
            self.env.update(zip(variables, values))
            terms.append(self.lower(node.body))
            self.windowed.update(self.lower(m) for m in members)
        self.env = saved
        if node.kind in ("max", "min"):
            return _extremum(node.kind, terms)
        return linalg.total(terms, node.kind)

    def lower_listed(self, node: n.BigOp) -> sp.Expr:
        """A sum or product over a set of whole numbers written out (``\\sum_{s \\in \\{-1, 1\\}}``): its
        terms at each element, the index bound to it as a range's index is."""
        if self.letters.entries and indexes_entries(node, dict(self.letters.entries)):
            # \sum_{i \in \{1, 3\}} w_i x_i beside w^T x: the support of a sparse vector, or part of it
            raise Undecidable("a sum over the entries of a vector with bounds other than its dimension")
        saved = dict(self.env)
        terms = []
        try:
            for value in node.values:
                at = self.lower(value)
                if not at.is_Integer:
                    raise Undecidable("a sum over a set is not decided yet")
                self.env[node.var] = int(at)
                terms.append(self.lower(node.body))
        finally:
            self.env = saved
        return linalg.total(terms, node.kind)

    def lower_Optimum(self, node: n.Optimum) -> sp.Expr:
        """An optimisation as one opaque symbol, named by its kind, its domain and its body read as a
        function of the bound variables (see optimum_key): the same optimisation on both sides is the
        same value, whatever its variables are called and however its body is written (the log of a
        product, a sum of logs). One that a side holds alone is opaque (Comparator.compare leaves the step
        to its context), and a difference that goes through a shared one is no refutation (see
        comparator.through_optima): only what lies outside the optimisations is decided."""
        if set(node.domain_letters) & (set(self.env) | set(self.series_vars)):
            raise Undecidable("an optimisation over a set that changes with an outer index is not decided yet")
        # a primed variable (\max_{a'} Q(s', a')) binds the letter with its primes, as it is lowered
        keys = {x.key + "'" * x.primes: node.variables.index(x.base + "'" * x.primes) for x in node.body.walk()
                if isinstance(x, n.Sym) and x.base + "'" * x.primes in node.variables}
        saved, saved_variables = self.env, self.variables
        self.env = {k: v for k, v in self.env.items() if k not in node.variables}  # the variables are its own
        self.variables = {**self.variables, **self.bound_vectors(node)}
        try:
            body = linalg.scalar(self.lower(node.body))
        finally:
            self.env, self.variables = saved, saved_variables
        if linalg.is_matrix(body) or body.has(sp.Sum, sp.Product, sp.Integral, sp.Limit):
            raise Undecidable("an optimisation of a vector, a series, an integral or a limit is not decided yet")
        if any(OPTIMUM_MARK in s.name for s in body.free_symbols):
            # \\inf_w \\sup_\\lambda L(w, \\lambda): the inner one's symbol no longer shows w
            raise Undecidable("an optimisation inside another is not decided yet")
        bound = {s: _bound_place(s.name, keys) for s in body.free_symbols}
        bound = {s: place for s, place in bound.items() if place is not None}
        if set(keys.values()) - {place for place, _ in bound.values()}:
            # \argmin_h \sum_i (y_i - h(x_i))^2: over a function, an index or a vector lowered otherwise
            raise Undecidable("an optimisation over a function or an index is not decided yet")
        letters = {s for s in body.free_symbols if s not in bound}
        if not letters and len(bound) == 1 and len(node.variables) == 1:
            # a worked example's optimisation in numbers: its value, where it is found exactly
            value = optima.evaluated(node.kind, node.domain, body, next(iter(bound)),
                                     INTEGER_OPTIMUM in self.inst.flips)
            if value is not None:
                return value
        if (letters or len(bound) > 1) and optima.real_line(node.domain) \
                and not any(OPTIMUM_MARK in s.name or s.name in self.inst.opaque for s in letters):
            # a dual function or a conjugate over the real line: a quadratic's optimum, parameters and all
            value = optima.stationary(node.kind, body, sorted(bound, key=lambda s: s.name))
            if value is not None:
                return value
        if letters & set(self.series_vars.values()):
            # \sum_{k=0}^\infty \gamma^k \max_a r(s_k, a): one symbol would be the same for every k
            raise Undecidable("an optimisation inside an infinite series over its index is not decided yet")
        name = f"\\{node.kind}{OPAQUE_ENTRY}{OPTIMUM_MARK}{optimum_key(node, body, bound)}"
        OPTIMUM_LETTERS[name] = (frozenset(s.name for s in letters), node.domain_letters)
        self.inst.opaque.add(name)
        return sp.Symbol(name, real=True)

    def hold_optima(self, value: sp.Basic, variables: list) -> None:
        """Raise when ``value`` holds an optimisation whose body or domain has one of ``variables``: its
        symbol is a constant to SymPy, which would differentiate, integrate or take a limit of it as one, where
        \\frac{d}{dt} \\max_a (at - a^2) is t/2 (the envelope theorem), not 0. Free for a step without one."""
        if not any(OPTIMUM_MARK in o for o in self.inst.opaque):
            return
        names = set()
        for v in variables:
            names |= {s.name for s in getattr(v, "free_symbols", ())}  # a vector's entries
        for s in getattr(value, "free_symbols", ()):
            if OPTIMUM_MARK not in s.name:
                continue
            body, domain = OPTIMUM_LETTERS.get(s.name, (frozenset(names), ()))
            # a domain's letter by its prefix: \\max_{x \\in [0, c]} moves with c, c_1 or c[1] alike
            if body & names or any(v.startswith(d) for d in domain for v in names):
                raise Undecidable("a derivative, an integral or a limit of an optimisation in a letter of "
                                  "its body or domain (the envelope theorem) is not decided yet")

    def bound_vectors(self, node: n.Optimum) -> dict[str, sp.ImmutableMatrix]:
        """The bound variables of an optimisation that are vectors (``\\min_{\\mathbf w}``), each as a column of
        symbols named by its entries (w[1], w[2]...) in place of the instance's values, as a gradient's
        variable is (see lower_Grad)."""
        out = {}
        for x in node.body.walk():
            if isinstance(x, n.Sym) and x.base in node.variables and x.key not in out and not x.indices \
                    and self.shape(x) == "vector":
                at = self.symbol(x)
                if not linalg.is_matrix(at) or at.shape[1] != 1:
                    raise Undecidable("an optimisation over a matrix is not decided yet")
                out[x.key] = sp.ImmutableMatrix([sp.Symbol(f"{x.key}[{i}]") for i in range(1, at.shape[0] + 1)])
        return out

    def tuple_grid(self, node: n.BigOp, lo: int, hi: int) -> list[tuple[int, ...]]:
        """The elements of a set of tuples (``\\sum_{(i,j) \\in E}``), one per element lo..hi: each entry an
        index of the instance drawn by the set, the element and the entry's place (so that the same set
        has the same elements wherever it is summed over). An identity over any finite set of pairs
        holds over this one; whether the author's set is symmetric only the prose says, so such a sum
        is never refuted by itself (see has_valued_set_sum)."""
        top = max(2, self.inst.size)
        width = 1 + len(node.extra_vars)
        return [tuple(random.Random(f"{self.inst.seed}:{getattr(node.hi, 'base', '')}:{k}:{c}").randint(1, top)
                      for c in range(width)) for k in range(lo, hi + 1)]

    def dimension_range(self, node: n.BigOp) -> bool:
        """Whether a sum over entries runs over the whole vector: no bounds, or 1 to a letter that
        is only a bound (the dimension)."""
        if node.lo is None and node.hi is None:
            return True
        if EINSTEIN in self.inst.flips and isinstance(node.lo, n.Num) and node.lo.value == "1" \
                and isinstance(node.hi, n.Num) and node.hi.value == str(self.matrix_size):
            return True
        return isinstance(node.lo, n.Num) and node.lo.value == "1" and isinstance(node.hi, n.Sym) \
            and node.hi.base in self.letters.dimensions and not node.hi.indices and not node.hi.style

    def lower_series(self, node: n.BigOp, ends: tuple[int, int]) -> sp.Expr:
        """An infinite sum or product as SymPy's unevaluated Sum or Product over an integer symbol:
        never summed symbolically (SymPy's summation can run for minutes), only numerically by
        evaluate.py, and a step that holds one is verified, or refuted only with a repair that makes
        the sums agree (see check.check_step). Refused: several indices, nested series, integrals or limits in the
        body (a quadrature per term), matrices, and entries of sequences defined elsewhere."""
        if node.kind not in ("sum", "prod") or node.extra_vars or node.exclude:
            raise Undecidable("an infinite sum over several indices or with exclusions is not decided yet")
        if self.series_vars:
            raise Undecidable("an infinite series inside another is not decided yet")
        if ends[0] > 0 or ends[1] < 0:
            raise Undecidable("an infinite series that runs from +infinity or down to -infinity")
        found = supported.series_members(node, is_library, self.apply_is_product) if node.kind == "sum" else None
        if found is not None:
            return self.supported_series(node, ends, found)
        lo = sp.S.NegativeInfinity if ends[0] else self.series_bound(node.lo)
        hi = sp.oo if ends[1] else self.series_bound(node.hi)
        index = sp.Symbol(node.var + SERIES_MARK, integer=True)
        self.series_vars = {node.var: index}
        try:
            body = linalg.scalar(self.lower(node.body))
        finally:
            self.series_vars = {}
        if linalg.is_matrix(body):
            raise Undecidable("an infinite series of vectors or matrices is not decided yet")
        if body.has(sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Derivative):
            raise Undecidable("an infinite series of integrals, limits or series is not decided yet")
        if node.kind == "sum" and hi is sp.oo and lo.is_Integer and body.free_symbols == {index}:
            value = evaluate.constant_series(body, index, int(lo))  # 1/n^2: too slow to settle term by term
            if value is not None:
                return value
        return (sp.Sum if node.kind == "sum" else sp.Product)(body, (index, lo, hi))

    def supported_series(self, node: n.BigOp, ends: tuple[int, int],
                         members: tuple[tuple[n.Node, n.Node], ...]) -> sp.Expr:
        """An infinite series of sequences the document defines elsewhere, each member at its index, over
        sequences zero outside a window (see supported.py): the finite sum of its terms that hold a member
        inside the window, the members outside it zero."""
        if max(supported.written_numbers(node), self.letters.largest_number) > supported.MAX_LITERAL:
            raise Undecidable("an infinite series of a sequence defined elsewhere, with numbers too large "
                              "beside the window it is read on, is not decided")
        saved, saved_zeroed = dict(self.env), self.zeroed

        def reach(index: n.Node, k: int) -> int:
            self.env[node.var] = k
            text = self.index_value(index)
            if not text.lstrip("-").isdigit():
                raise Undecidable("an infinite series whose index takes no whole value is not decided")
            return int(text)

        try:
            ends_k = [None if end else int(self.series_bound(bound)) for end, bound in zip(ends, (node.lo, node.hi))]
            anchor = next((k for k in ends_k if k is not None), 0)
            ks: set[int] = set()
            for _, index in members:
                at, step = reach(index, anchor), supported.slope(index, node.var)
                if any(k is not None for k in ends_k) and abs(at) > supported.REACH:
                    raise Undecidable("an infinite series that starts far outside the window it is read on")
                # the k at which this member lies within [-SUPPORT, SUPPORT], moving by step per k
                ks.update(anchor + (j - at) // step for j in range(-supported.SUPPORT, supported.SUPPORT + 1)
                          if (j - at) % step == 0)
            ks = {k for k in ks if (ends_k[0] is None or k >= ends_k[0]) and (ends_k[1] is None or k <= ends_k[1])}
            terms = []
            for k in sorted(ks):
                outside = {id(m) for m, index in members if abs(reach(index, k)) > supported.SUPPORT}
                self.zeroed = saved_zeroed | outside
                self.env[node.var] = k
                term = linalg.scalar(self.lower(node.body))
                if linalg.is_matrix(term):
                    raise Undecidable("an infinite series of vectors or matrices is not decided yet")
                terms.append(term)
                if self.recording:
                    self.windowed.update(self.lower(m) for m, _ in members if id(m) not in outside)
        finally:
            self.env, self.zeroed = saved, saved_zeroed
        return sp.Add(*terms)

    def series_bound(self, node: n.Node) -> sp.Integer:
        value = linalg.scalar(self.lower(node))
        if not getattr(value, "is_Integer", False):
            raise Undecidable("an infinite series whose finite bound is not an integer")
        return value

    def lower_Event(self, node: n.Event) -> sp.Expr:
        # outside the reading of events, an event is a name: the same wherever it is written the same
        return self.symbol(n.Sym(node.start, node.end, "event:" + n.event_text(node), "label"))

    def lower_Differential(self, node: n.Differential) -> sp.Expr:
        """The total differential: d of a letter is a symbol of its own (a differential form's dx), and d of
        an expression the sum of its partial derivatives by the step's written differentials, times
        those (d(xy) = y dx + x dy). A letter whose differential the step never writes is a constant of
        it (d(mv^2/2) = mv dv). Both sides then agree as linear forms in the dx's, or differ."""
        if node.wrt is None:
            raise Undecidable("a differential read outside its step is not decided")
        operand = node.operand.inner if isinstance(node.operand, n.Paren) else node.operand
        if isinstance(operand, n.Sym):
            at = self.lower(operand)
            if isinstance(at, sp.Integer) and operand.base in _TIME_LETTERS and not (operand.indices or operand.style):
                # t that also indexes W_t is sampled as a label, but dt is a form of its own, apart from
                # whatever value t takes: 3W_t\,dt - 3t\,dW_t is linear in dt and dW_t as written
                return sp.Symbol("\\mathrm{d}" + operand.base, real=True)
            return self.differential_symbol(at)
        value = linalg.scalar(self.lower(operand))
        if linalg.is_matrix(value):
            raise Undecidable("a differential of a vector or a matrix is not decided yet")
        processes = [self.lower(sym) for sym in node.wrt if timed_process(sym)]
        if any(derivative(derivative(value, a), b) != 0 for k, a in enumerate(processes) for b in processes[k:]):
            # d(W_t^2) is 2W_t dW_t + dt by Ito's lemma: the ordinary differential, read here, drops the
            # second-order term that a process of nonzero quadratic variation keeps
            raise Undecidable(ITO_DIFFERENTIAL)
        total = sp.S.Zero
        for sym in sorted(node.wrt, key=lambda x: str(n.structure(x))):
            at = self.lower(sym)
            if not isinstance(at, sp.Symbol):
                # t in d(tW_t) = W_t\,dt + t\,dW_t also labels W_t, and is sampled as a label
                raise Undecidable(INDEXING_DIFFERENTIAL)
            self.hold_optima(value, [at])
            total += derivative(value, at) * self.differential_symbol(at)
        return total

    @staticmethod
    def differential_symbol(at: sp.Expr) -> sp.Symbol:
        if not isinstance(at, sp.Symbol):
            raise Undecidable("a differential of a vector, a matrix or an expression is not decided yet")
        return sp.Symbol("\\mathrm{d}" + at.name, real=True)

    def lower_Unsupported(self, node: n.Unsupported) -> sp.Expr:
        raise Undecidable(f"{node.what} are not decided yet")


def infinite_bound(node: n.Node | None) -> int:
    """+1 for a bound written \\infty or +\\infty, -1 for -\\infty, 0 for any other bound."""
    if isinstance(node, n.Paren):
        return infinite_bound(node.inner)
    if isinstance(node, n.Const) and node.name in ("inf", "-inf"):
        return 1 if node.name == "inf" else -1
    if isinstance(node, n.Add) and len(node.terms) == 1:
        sign = -1 if node.terms[0].sign == "-" else 1
        return sign * infinite_bound(node.terms[0].node)
    return 0


def has_infinite_series(*trees: n.Node) -> bool:
    """Whether a sum or product with an infinite bound appears: such a step is refuted only with a repair."""
    return any(isinstance(x, n.BigOp) and _infinite(x) for tree in trees for x in tree.walk())


def _infinite(node: n.BigOp) -> bool:
    return bool(infinite_bound(node.lo) or infinite_bound(node.hi))


def has_summed_series(*trees: n.Node) -> bool:
    """Whether an infinite series appears that is summed numerically, not read on a window as a finite
    sum (see supported.py)."""
    return any(isinstance(x, n.BigOp) and _infinite(x) and not supported.windowed(x, is_library)
               for tree in trees for x in tree.walk())


def has_two_sided_series(*trees: n.Node) -> bool:
    """Whether a series runs from -infinity (\\sum_{n=-\\infty}^{\\infty} x[n] z^{-n})."""
    return any(isinstance(x, n.BigOp) and infinite_bound(x.lo) < 0 for tree in trees for x in tree.walk())


def windowed_sequences(*trees: n.Node) -> frozenset[str]:
    """The keys of the sequences that infinite series read on a window write (see supported.py)."""
    return supported.sequence_keys(trees, is_library, _infinite)


def summed_sequences(*trees: n.Node) -> frozenset[str]:
    """The keys of the sequences that the sums of ``trees`` write at their index (the a of
    \\sum_{k=1}^{n} a_{k+1}, the T of \\sum_i T(i))."""
    out: set[str] = set()
    for tree in trees:
        for op in tree.walk():
            if isinstance(op, n.BigOp) and op.kind == "sum":
                for member in supported.indexed_members(op.body, {op.var, *op.extra_vars}, is_library):
                    out.add(member.func.key if isinstance(member, n.Apply) else member.key)
    return frozenset(out)


_CASE_RELATIONAL = {"<": sp.StrictLessThan, "<=": sp.LessThan, ">": sp.StrictGreaterThan, ">=": sp.GreaterThan,
                    "==": sp.Eq, "!=": sp.Ne}


def has_cases(*trees: n.Node) -> bool:
    """Whether a piecewise function (``\\begin{cases}``) appears."""
    return any(isinstance(x, n.Cases) for tree in trees for x in tree.walk())


# the relations of an indicator's condition (as the parser writes them) decided between integers
_INTEGER_RELATIONS = {"=": lambda a, b: a == b, "\\neq": lambda a, b: a != b, "<": lambda a, b: a < b,
                      "\\leq": lambda a, b: a <= b}


#: functions whose formula changes with the sign of their argument
PIECEWISE_FUNCTIONS = ("max", "min", "sign", "relu")


def turns_on_signs(*trees: n.Node) -> bool:
    """Whether a tree has a function whose formula changes with the sign of its argument: |x|, max, min,
    sign, relu, or the indicator of an inequality."""
    return any(isinstance(x, n.Abs) or isinstance(x, n.Func) and x.name in PIECEWISE_FUNCTIONS
               or real_indicator(x) for tree in trees for x in tree.walk())


def real_indicator(node: n.Node) -> bool:
    """Whether ``node`` is the indicator of an inequality (``1[z > 0]``, ``\\mathbb{1}\\{x \\le c\\}``),
    which ``apply`` decides exactly at every point: no unknown function's."""
    return n.is_indicator(node) and node.func.labels[0] in ("<", "\\leq") and len(node.args) == 2


def has_indicator(*trees: n.Node, exact: frozenset[str] = frozenset()) -> bool:
    """Whether an indicator ``1(a R b)`` appears. It is read as an unknown function of a and b, so a
    step that holds for every such function holds for the indicator; but one may hold only for its
    values 0 and 1 (``1(A)^2 = 1(A)``) or for conditions the prose links (``1(y = 1) + 1(y = -1) = 1``
    for labels y = +-1): such a step is verified where it holds and never refuted. One between whole
    numbers (see exact_indicator) is decided exactly and counts not."""
    return any(n.is_indicator(x) and not exact_indicator(x, exact) and not real_indicator(x)
               for tree in trees for x in tree.walk())


def exact_indicator(node: n.Node, index: frozenset[str]) -> bool:
    """Whether ``node`` is an indicator between whole numbers, numerals and the index letters ``index``
    (``1[j = k]``, the Kronecker delta), which ``apply`` decides exactly: no unknown function's."""
    def whole(side: n.Node) -> bool:
        return (isinstance(side, n.Num) and side.value.isdigit()) or (
            isinstance(side, n.Sym) and side.key in index and not side.indices)
    return bool(index) and n.is_indicator(node) and all(whole(a) for a in node.args)


def has_sample_entries(*trees: n.Node) -> bool:
    """Whether a letter stands as a vector with one index (x_i in \\|x_i - x_j\\|, x_i^T) and is also
    written with that index and a second one (x_{ik}): the k-th entry of the sample x_i, a reading
    the lowering lacks (it takes x_{ik} for a number of its own). Such a step is verified where it
    holds and never refuted."""
    vectors: set[tuple[str, str]] = set()  # (base, index letter) of one-index letters written as vectors
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, (n.Norm, n.Transpose)):
                vectors.update((x.base, x.indices[0].base) for x in node.inner.walk()
                               if isinstance(x, n.Sym) and len(x.indices) == 1 and _index_letter(x.indices[0]))
    return bool(vectors) and any(
        isinstance(x, n.Sym) and len(x.indices) == 2 and all(_index_letter(i) for i in x.indices)
        and (x.base, x.indices[0].base) in vectors for tree in trees for x in tree.walk())


def has_summed_repeat(*trees: n.Node) -> bool:
    """Whether a letter index is written twice or more on one side, bound by no sum, and not at all on
    the other (A_{ij} x_j = (A x)_i, \\delta_{ij} x_j = x_i), or is contracted in a product on every
    side that writes it: under Einstein's convention, usual in physics, the repeated index is summed
    (and may be renamed). Read without the sum such a step may be wrong; with it, it may hold: it is
    verified where it holds and never refuted."""
    bound = {var for tree in trees for x in tree.walk() if isinstance(x, n.BigOp) for var in (x.var, *x.extra_vars)}
    # the variable of an integral or a limit is no factor of a product (\int s_j^2 ds_j), though its
    # index still ties it to the other side; a derivative's is counted: \partial/\partial x_j is the
    # operator \partial_j, whose index pairs with one in its operand (\partial(x_i x_j)/\partial x_j = 4x_i,
    # \partial x_i/\partial x_i = 3); a letter also on the other side (dE/do_j = t_j / o_j) is no sum
    variables = {id(node.var) for tree in trees for node in tree.walk() if isinstance(node, (n.Integral, n.Limit))}
    sides = []
    for tree in trees:
        anywhere = {sub.base for node in tree.walk() for item in _written_indices(node) for sub in item.walk()
                    if _index_letter(sub) and sub.base not in bound}
        sides.append((_writings_in_one_term(tree, bound, variables), anywhere))
    if any(count >= 2 and all(letter not in other for _, other in sides if other is not anywhere)
           for written, anywhere in sides for letter, count in written.items()):
        return True
    # a letter contracted on both sides is a dummy on both (\epsilon_{ijk} a_j b_k c_i = \epsilon_{kij} c_k a_i b_j
    # renames them): the sums agree where the terms do, but not only there (\epsilon_{ijk} a_j a_k = 0).
    # Only in tensor notation, a symbol with two index letters or more or a derivative by x_i of what writes
    # i (a divergence): a label shared by the factors of one product (\epsilon_t e^{\alpha_t}, the t-th
    # round's values) is no dummy
    if not any(isinstance(x, n.Sym) and len(x.indices) >= 2 and all(_index_letter(i) for i in x.indices)
               for tree in trees for x in tree.walk()) and not any(_divergence(x) for tree in trees
                                                                    for x in tree.walk()):
        return False
    contracted = [_contracted(tree, bound) for tree in trees]
    return any(all(letter in mine or letter not in anywhere for mine, (_, anywhere) in zip(contracted, sides))
               for letter in set().union(*contracted))


def _divergence(node: n.Node) -> set[str]:
    """The index letters by whose coordinate ``node`` differentiates what writes the same index
    (\\partial u_i/\\partial x_i, \\partial(x_i/r)/\\partial x_i): tensor notation as much as a symbol with
    two index letters, the index a dummy (the divergence sums it)."""
    if not isinstance(node, n.Deriv):
        return set()
    letters = {i.base for var, order in node.wrt if order == 1 and isinstance(var, n.Sym)
               for i in var.indices if _index_letter(i)}
    return {i.base for x in node.body.walk() if isinstance(x, n.Sym) for i in x.indices
            if _index_letter(i) and i.base in letters}


def _written_indices(node: n.Node) -> tuple[n.Node, ...]:
    return tuple(node.indices) if isinstance(node, n.Sym) else \
        tuple(node.args[1:]) if isinstance(node, n.Func) and node.name == n.ENTRY else ()


def _writings_in_one_term(node: n.Node, bound: set[str], variables: set[int]) -> dict[str, int]:
    """Index letter -> the most times one term of ``node`` writes it as a factor's index. Einstein's
    convention sums an index repeated within one product; one written once in each of two terms
    (\\omega_{ce}^2 + \\omega_{pe}^2 - \\omega_{ce}^2, labels that share a letter) is summed by nothing."""
    out: dict[str, int] = {}
    if isinstance(node, n.Add):
        for term in node.terms:
            for letter, count in _writings_in_one_term(term, bound, variables).items():
                out[letter] = max(out.get(letter, 0), count)
        return out
    if id(node) not in variables:
        for item in _written_indices(node):
            for sub in item.walk():
                if _index_letter(sub) and sub.base not in bound:
                    out[sub.base] = out.get(sub.base, 0) + 1
    for child in node.children():
        for letter, count in _writings_in_one_term(child, bound, variables).items():
            out[letter] = out.get(letter, 0) + count
    return out


def _contracted(tree: n.Node, bound: set[str]) -> set[str]:
    """The index letters that two factors of one product of ``tree`` both carry bare (a_i b_i,
    \\epsilon_{ijk} a_j), or one symbol carries twice (\\sigma_{kk}): Einstein's dummies. A letter also
    written shifted (\\eta_{i+1} - \\eta_i, a finite difference) is a free index."""
    shifted = {sub.base for node in tree.walk() if isinstance(node, n.Sym) for item in node.indices
               if not _index_letter(item) for sub in item.walk() if _index_letter(sub)}
    out: set[str] = set()
    for node in tree.walk():
        if isinstance(node, n.Mul):
            seen: dict[str, int] = {}
            for factor in node.factors:
                for letter in {item.base for x in factor.walk() if isinstance(x, n.Sym) for item in x.indices
                               if _index_letter(item)}:
                    seen[letter] = seen.get(letter, 0) + 1
            out |= {letter for letter, times in seen.items() if times >= 2}
        if isinstance(node, n.Sym) and len(node.indices) >= 2:
            # T_{ii}, \delta_{kk}: a trace, the letter summed on the one symbol; \tau_{xx}, \sigma_{yy} name
            # the components on the axes, never a sum
            letters = [item.base for item in node.indices if _index_letter(item) and item.base in TENSOR_LETTERS]
            out |= {letter for letter in letters if letters.count(letter) >= 2}
        out |= _divergence(node)
    return out - shifted - bound


def _bound_place(name: str, keys: dict[str, int]) -> tuple[int, str] | None:
    """Which bound variable a lowered symbol is (w, or its entry w[2]): its place among the
    optimisation's variables and what follows the key; None for a symbol of no bound variable."""
    for key, place in keys.items():
        if name == key or name.startswith(key + "["):
            return place, name[len(key):]
    return None


def optimum_key(node: n.Optimum, body: sp.Expr, bound: dict[sp.Symbol, tuple[int, str]]) -> str:
    """A digest of an optimisation: its kind, domain and number of variables, and its body's values at
    fixed points (each bound variable drawn by its place, every other letter by its name), in each of
    OPTIMUM_RANGES: between 0 and 1, where logs of theta and of 1 - theta are defined, and beyond, where
    |\\theta| and \\theta differ. A point where the body has no value counts as such; a body valued nowhere
    is named by its form, the bound variables renamed by place. Equal bodies give equal digests."""
    values = []
    for k, (lo, hi) in enumerate(OPTIMUM_RANGES):
        point = {}
        for s in body.free_symbols:
            # one variable by its place (\\max_x f(x) is \\max_y f(y)); several by name (\\inf_{w,b} is \\inf_{b,w})
            label = (f"{bound[s][0]}" if len(node.variables) == 1 else s.name) + bound[s][1] if s in bound else s.name
            point[s] = sp.Rational(random.Random(f"optimum:{label}:{k}").randint(lo, hi), 100)
        value = evaluate.fast_value(body, point, OPTIMUM_DIGITS + 5)
        defined = value is not None and value is not evaluate.UNDEFINED
        values.append(sp.sstr(sp.Float(value, OPTIMUM_DIGITS)) if defined else "-")
    if any(v != "-" for v in values):
        form = ",".join(values)
    else:
        form = sp.srepr(body.xreplace({s: sp.Symbol(f"bound:{place}{rest}") for s, (place, rest) in bound.items()})
                        if len(node.variables) == 1 else body)
    text = f"{node.kind}|{node.domain}|{len(node.variables)}|{form}"
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _extremum(kind: str, values: list) -> sp.Expr:
    """``\\max\\{x_1, \\ldots, x_n\\}`` folded over its index: of numbers only, and never of no entries."""
    values = [linalg.scalar(v) for v in values]
    if not values or any(linalg.is_matrix(v) for v in values):
        raise Undecidable(f"{kind} of a matrix or of no entries is not decided yet")
    if len(values) == 1:
        return values[0]
    # unevaluated: SymPy compares every two entries symbolically (quadratic, and slow for the
    # entries of a range), where the values at the sampled points are what is compared
    return (sp.Max if kind == "max" else sp.Min)(*values, evaluate=False)


def _del_applied(kind: str, value: sp.Expr, xs: list[sp.Symbol]) -> sp.Expr:
    """``kind`` ("grad", "div", "curl", "lap") of a scalar or a column in the coordinates ``xs``."""
    vector = linalg.is_matrix(value)
    if vector and value.shape != (len(xs), 1):
        raise Undecidable("a field whose components do not match the coordinates")
    if kind == "grad" and not vector:
        return sp.ImmutableMatrix([derivative(value, x) for x in xs])
    if kind == "lap":
        if vector:  # the vector Laplacian, component by component
            return sp.ImmutableMatrix([_del_applied("lap", v, xs) for v in value])
        return sp.Add(*[derivative(derivative(value, x), x) for x in xs])
    if kind == "div" and vector:
        return sp.Add(*[derivative(v, x) for v, x in zip(value, xs)])
    if kind == "curl" and vector and len(xs) == 3:
        (fx, fy, fz), (x, y, z) = list(value), xs
        return sp.ImmutableMatrix([derivative(fz, y) - derivative(fy, z), derivative(fx, z) - derivative(fz, x),
                                   derivative(fy, x) - derivative(fx, y)])
    what = {"grad": "a gradient of a vector", "div": "a divergence of a scalar",
            "curl": "a curl of a scalar or in the plane"}[kind]
    raise Undecidable(f"{what} is not decided yet")


def _point_renamed(body: n.Node, point: n.Sym, name: str) -> tuple[n.Node, str]:
    """``body`` with the point ``point`` (``\\mathbf{x}_t``) written as a plain letter of its own,
    named ``name``, and that letter's key."""
    shape = n.structure(point)
    plain = n.Sym(point.start, point.end, name, point.style)
    renamed = n.rebuild(body, lambda x: plain if isinstance(x, n.Sym) and n.structure(x) == shape else None)
    return renamed, plain.key


def _hessian_operand(node: n.Grad) -> n.Node | None:
    """The f of ``\\nabla_w \\nabla_w f``: a gradient of the gradient by the same vector."""
    body = _unwrapped(node.body)
    if isinstance(body, n.Grad) and body.var.key == node.var.key and body.var.indices == node.var.indices:
        return body.body
    return None


def _derivatives_as_atoms(value: sp.ImmutableMatrix) -> sp.ImmutableMatrix:
    """With undefined functions as opaque calls F(x1, x2, x3), a partial derivative of one is another
    opaque call (F#d1, F#d12 = F#d21): the checker values calls as numbers, and the derivative of a
    number would be 0. Derivatives it cannot name so are left to fail the comparison."""
    def named(d: sp.Derivative) -> sp.Expr:
        call = d.expr
        if not isinstance(call, AppliedUndef) or not all(v in call.args for v, _ in d.variable_count):
            return d
        name, arity, given = call.func.__name__.rsplit("/", 2)
        if len(call.args) == 1:
            label = name + "'" * int(d.derivative_count)  # as f'(x) is named
        else:
            positions = sorted(call.args.index(v) + 1 for v, k in d.variable_count for _ in range(int(k)))
            label = name + "#d" + ".".join(map(str, positions))
        return sp.Function(f"{label}/{arity}/{given}")(*call.args)

    return value.replace(lambda e: isinstance(e, sp.Derivative), named)


def _settled(value: sp.Expr) -> bool:
    return not value.has(sp.nan, sp.zoo, sp.oo, -sp.oo, sp.AccumBounds)


class _Singular(Exception):
    pass


def _continuous_value(body: sp.Expr, var: sp.Symbol, point: sp.Expr) -> sp.Expr | None:
    """``body`` at ``point`` when every part of it is finite there: then, with no jumps, the body is
    continuous at the point and this is its limit. None when some part is not (1/x at 0, even if
    the whole, like 1/log(1/x), comes out finite)."""
    def at(expr: sp.Expr) -> sp.Expr:
        if expr == var:
            return point
        if not expr.has(var):
            return expr
        value = expr.func(*[at(a) for a in expr.args])
        if not _settled(value):
            raise _Singular
        return value

    try:
        return at(body)
    except _Singular:
        return None


# functions analytic on the whole complex plane (a stand-in is exp of one of them): sums, products and
# compositions of them are too, which is what makes the quotient rule below exact
ENTIRE_FUNCTIONS = (sp.exp, sp.sin, sp.cos, sp.sinh, sp.cosh)
MAX_QUOTIENT_ORDER = 3  # derivatives of a stand-in grow with their order; a third is the most notes take


def _entire_in(expr: sp.Expr, var: sp.Symbol) -> bool:
    """Whether ``expr`` is, as a function of ``var``, built only of sums, products, non-negative integer
    powers and entire functions (and positive constants raised to such an expression): then it is
    analytic at every point, whatever values the other letters take. Parts without ``var`` are
    constants of the limit."""
    if not expr.has(var) or expr == var:  # == : SymPy's cache may hand back an equal Symbol, not this one
        return True
    if isinstance(expr, (sp.Add, sp.Mul)) or isinstance(expr, ENTIRE_FUNCTIONS):
        return all(_entire_in(a, var) for a in expr.args)
    if isinstance(expr, sp.Pow):
        base, exp = expr.args
        if exp.is_Integer and exp >= 0:
            return _entire_in(base, var)
        return not base.has(var) and base.is_number and base.is_positive is True and _entire_in(exp, var)
    return False


def _entire_quotient_limit(body: sp.Expr, var: sp.Symbol, point: sp.Expr) -> sp.Expr | None:
    """The limit of a difference quotient (g(y + h) - g(y))/h of stand-ins, without evaluating it at
    ever closer points (hundreds of digits of a large expression: most of such a step's time). When
    the body is N/D, or a sum of such terms and terms continuous at the point, with N and D entire in
    ``var``, N and D zero at the point and D' a nonzero number there, the limit is N'/D' at the point
    (N/(var - p) and D/(var - p) are entire, with values N'(p) and D'(p) at p). None when the body is
    not of that form: the caller decides it as before."""
    if body.has(sp.I) or body.has(*JUMPS) or not body.is_commutative:
        return None
    terms = body.args if isinstance(body, sp.Add) else (body,)
    values = []
    for term in terms:
        value = _continuous_value(term, var, point)
        if value is None:
            numerator, denominator = sp.fraction(term)
            if not (_entire_in(numerator, var) and _entire_in(denominator, var)):
                return None
            value = _quotient_value(numerator, denominator, var, point)
            if value is None:
                return None
        values.append(value)
    return sp.Add(*values)


def _vanishes(value: sp.Expr | None) -> bool:
    """Whether ``value`` is zero as written or once its products are multiplied out: g'(y) - g'(y) of
    a stand-in comes out as exp(E) (a + b) + exp(E) (-a - b), which SymPy does not gather. Anything
    else, zero or not, counts as not zero (the limit is then left to the numerical path)."""
    if value is None:
        return False
    if value == 0:
        return True
    return sp.count_ops(value) <= 2 * MAX_LIMIT_OPS and sp.expand_mul(value) == 0


def _quotient_value(numerator: sp.Expr, denominator: sp.Expr, var: sp.Symbol, point: sp.Expr) -> sp.Expr | None:
    """N/D at the point, N and D entire and D zero there: N^(k)/D^(k) at the point for the first k at
    which D^(k) is a nonzero number, when the lower derivatives of N are exactly zero there (a second
    difference over h^2); None otherwise (a lower one of N that is not zero as written, a D^(k) with
    letters in it, or too many orders)."""
    for _ in range(MAX_QUOTIENT_ORDER):
        if not (_vanishes(_continuous_value(denominator, var, point))
                and _vanishes(_continuous_value(numerator, var, point))):
            return None
        numerator, denominator = derivative(numerator, var), derivative(denominator, var)
        slope = _continuous_value(denominator, var, point)
        if slope is None or not slope.is_number:
            return None
        if slope.is_zero is False:
            value = _continuous_value(numerator, var, point)
            return None if value is None else value / slope
    return None


def limit_at(body: sp.Expr, var: sp.Symbol, point: sp.Expr, side: int = 0) -> sp.Expr:
    """The limit of ``body`` as ``var`` -> ``point`` (finite; from one side when ``side``), or Undecidable."""
    value = _continuous_value(body, var, point)
    if value is not None:
        return value
    if sp.count_ops(body) <= MAX_LIMIT_OPS and body.is_rational_function(var):
        value = sp.cancel(body).subs(var, point)  # (2h + h^2)/h: equal to 2 + h away from the point
        if _settled(value):
            return value
        raise Undecidable("a limit that does not exist or is infinite")
    value = _entire_quotient_limit(body, var, point)
    if value is not None:
        return value
    if sp.count_ops(body) > MAX_LIMIT_OPS or body.atoms(AppliedUndef):
        raise Undecidable("a limit of a large expression or of an undefined function is not decided yet")
    right = [point + s for s in LIMIT_STEPS] if side >= 0 else []
    left = [point - s for s in LIMIT_STEPS] if side <= 0 else []
    return numeric_limit(body, var, right or left, left if right else [])


def limit_at_infinity(body: sp.Expr, var: sp.Symbol, direction: int) -> sp.Expr:
    if sp.count_ops(body) <= MAX_LIMIT_OPS and body.is_rational_function(var):
        t = sp.Dummy("t", positive=True)
        value = sp.cancel(body.subs(var, direction / t)).subs(t, 0)
        if _settled(value):
            return value
        raise Undecidable("a limit that does not exist or is infinite")
    if sp.count_ops(body) > MAX_LIMIT_OPS or body.atoms(AppliedUndef):
        raise Undecidable("a limit of a large expression or of an undefined function is not decided yet")
    return numeric_limit(body, var, [direction / s for s in LIMIT_STEPS], [])


def numeric_limit(body: sp.Expr, var: sp.Symbol, right: list, left: list) -> sp.Expr:
    """The body's values at points ever closer to the limit point (``right``, then ``left``, closest
    last) must agree to many digits on each side where they are real, at parameter values across the
    checker's sampling range (x^c settles at c = 3, not at c = 0.05), or the limit is not decided. The
    value is the body at the closest point: exact to far below the checker's tolerance."""
    params = sorted(body.free_symbols - {var}, key=lambda s: s.name)
    settings = [{}] if not params else [
        {p: v for p in params} for v in (sp.Rational(1, 20), sp.Integer(3))
    ] + [{p: sp.Rational(37 + 41 * k, 100) for k, p in enumerate(params)},
         {p: sp.Rational(290 - 53 * k, 100) for k, p in enumerate(params)}]
    result = None
    for points in (right, left):
        if not points:
            continue
        side_values = []
        for setting in settings:
            fixed = body.xreplace(setting) if setting else body
            values = []
            for p, digits in zip(points, LIMIT_PRECISION):
                try:
                    digits += _absorbed_digits(fixed, var, p, digits)
                    v = fixed.xreplace({var: sp.Float(p, digits)}).evalf(digits)
                except (ZeroDivisionError, ValueError, TypeError, OverflowError, ArithmeticError):
                    v = None
                if v is None or not v.is_number or not _settled(v) or not v.is_real:
                    values = None
                    break
                values.append(v)
            if values is None:
                break
            scale = max(1, abs(values[-1]))
            if any(abs(a - b) > sp.Float("1e-12") * scale for a, b in zip(values, values[1:])):
                raise Undecidable("a limit whose values do not settle near the point")
            side_values.append(sp.Integer(0) if _vanishing(values) else values[-1])
        if len(side_values) != len(settings):
            if points is right:
                raise Undecidable("a limit whose values cannot be computed near the point")
            continue  # sqrt(x) at 0: not defined on the left, the limit is the one from the right
        if result is None:
            result = side_values
        elif any(abs(a - b) > sp.Float("1e-12") * max(1, abs(a)) for a, b in zip(result, side_values)):
            raise Undecidable("a limit whose one-sided values differ")
    if not params:
        return result[0]
    if all(v == 0 for v in result):
        return sp.Integer(0)
    return body.xreplace({var: sp.Float(right[-1], LIMIT_PRECISION[len(right) - 1])})


def _vanishing(values: list) -> bool:
    """Values near the point that shrink by many orders towards it approach 0: x^2 e^{-x} reads
    e^{-3e44} at the last point, a value that two sides (x^2 e^{-x} and 2x e^{-x}, one L'Hopital row)
    give in different sizes, so that comparing them would refute a step whose two limits are both 0.
    The points close in by fifteen decades at a time, so that anything going to 0 as a power of the
    distance shrinks by six decades or more at each; a limit that is a small constant (Planck's, written
    out) stops shrinking at its value, and keeps it."""
    sizes = [abs(v) for v in values]
    return sizes[-1] < sp.Float("1e-12") and all(
        b == 0 or b < sp.Float("1e-6") * a for a, b in zip(sizes, sizes[1:]))


def _trailing_states(node: n.Func) -> tuple[n.Node, tuple] | None:
    """``\\cos\\frac{\\theta}{2}|0\\rangle``, whose argument the parser ran on over the kets: the
    argument before them and the kets, when a one-argument function's argument is a product that
    ends in kets (and has none before its end)."""
    if len(node.args) != 1 or node.primes or not isinstance(node.args[0], n.Mul):
        return None
    body = node.args[0]
    if any(op != "" for op in body.ops):
        return None
    k = len(body.factors)
    while k > 0 and isinstance(body.factors[k - 1], n.Ket) and not body.factors[k - 1].bra:
        k -= 1
    if k == 0 or k == len(body.factors) or any(isinstance(x, n.Ket) for f in body.factors[:k] for x in f.walk()):
        return None
    head = body.factors[0] if k == 1 else n.Mul(body.factors[0].start, body.factors[k - 1].end, body.factors[:k],
                                                 body.explicit, body.ops[:k - 1])
    return head, body.factors[k:]


# the most digits a limit point may need for the small terms of its sums (log(1 + x^10) at x = 3e-45)
MAX_LIMIT_DIGITS = 2000
CANCELLED = mpmath.mpf("1e-5")  # a sum this much smaller than its largest term has cancelled digits away


def _size_at(term: sp.Expr, at: dict):
    """The magnitude of ``term`` at ``at`` to 20 digits, as an mpmath number; None where it has none.
    (The compiled path first: SymPy's evalf with subs rebuilds the term at every point.)"""
    value = evaluate.fast_value(term, at, 20)
    if value is None or value is evaluate.UNDEFINED:
        value = term.evalf(20, subs=at)
    if not value.is_number or not value.is_finite:
        return None
    return mpmath.mpf(abs(value))


def _absorbed_digits(body: sp.Expr, var: sp.Symbol, point, digits: int) -> int:
    """The digits to add so that no term of a sum in ``body`` that moves with ``var`` vanishes beside
    the others at ``point``: log(1 + x^10) at x = 7e-16 rounds 1 + 1e-153 to 1 at 131 digits and
    reads 0, a value that settles and is wrong. A term too small for MAX_LIMIT_DIGITS (e^x at
    x = -1e15 beside 1) makes the value unreadable (ArithmeticError) where its loss leaves a zero."""
    extra = 0
    at = {var: sp.Float(point, digits)}
    for node in sp.preorder_traversal(body):
        if not (isinstance(node, sp.Add) and node.has(var)):
            continue
        sizes = []
        for term in node.args:
            size = _size_at(term, at)
            if size is None:
                return 0  # not evaluable here: the evaluation proper says so
            sizes.append((term.has(var), size))
        largest = max(size for _, size in sizes)
        for moves, size in sizes:
            if moves and size != 0 and largest != 0:
                lost = int(mpmath.ceil(-mpmath.log10(size / largest))) - digits + 20
                extra = max(extra, lost)
        # and the terms that cancel (e^{x^8} - 1 at x = 7e-16): the digits the sum loses to them.
        # A sum within five digits of its largest term lost at most those; else SymPy's evalf, which
        # raises its working precision until it has 20 digits of the sum
        total = _size_at(node, at)
        if total is None or largest == 0 or total < largest * CANCELLED:
            total = abs(node.evalf(20, subs=at, maxn=MAX_LIMIT_DIGITS * 4))
            total = mpmath.mpf(total) if total.is_number and total.is_finite else None
        if total is not None and total != 0 and largest != 0:
            extra = max(extra, int(mpmath.ceil(mpmath.log10(largest / total))) - digits + 20)
    if digits + extra <= MAX_LIMIT_DIGITS:
        return extra
    # beyond reach (e^{-t} beside 1 at t = 1e15): harmless unless the lost term was all that a part
    # of the body had left (log(1 + e^x) reads exactly 0, and so does (1 + e^x) - 1)
    for node in sp.preorder_traversal(body):
        if node.has(var) and not node.is_Atom and node.evalf(20, subs=at) == 0:
            raise ArithmeticError("a term too small beside the others at the limit point")
    return MAX_LIMIT_DIGITS - digits


MAX_QUBITS = 6
_HALF = 1 / sp.sqrt(2)
QUBIT_STATES = {
    "0": sp.ImmutableMatrix([1, 0]), "1": sp.ImmutableMatrix([0, 1]),
    "+": sp.ImmutableMatrix([_HALF, _HALF]), "-": sp.ImmutableMatrix([_HALF, -_HALF]),
}
# the Levi-Civita symbol's usual letters (\varepsilon_0, \epsilon_r, a strain \varepsilon_{ij} have fewer indices)
LEVI_CIVITA = ("\\epsilon", "\\varepsilon")
MAX_KRONECKER_ENTRIES = 4096


def kronecker(a, b):
    """The Kronecker product, the tensor product of states and operators written out; of numbers,
    their product."""
    a, b = linalg.scalar(a), linalg.scalar(b)
    if not linalg.is_matrix(a) or not linalg.is_matrix(b):
        return linalg.multiply([a, b])
    (ra, ca), (rb, cb) = a.shape, b.shape
    if ra * rb * ca * cb > MAX_KRONECKER_ENTRIES:
        raise Undecidable("a tensor product too large to write out")
    return sp.ImmutableMatrix(ra * rb, ca * cb, lambda i, j: a[i // rb, j // cb] * b[i % rb, j % cb])


def _grid(lo: int, hi: int, dims: int):
    if dims == 0:
        yield ()
        return
    for v in range(lo, hi + 1):
        for rest in _grid(lo, hi, dims - 1):
            yield (v, *rest)


def safe_pow(base: sp.Expr, exp: sp.Expr) -> sp.Expr:
    """``10^{10^{10}}`` would make SymPy compute a ten-billion-digit integer: refuse such numbers."""
    if base.is_Number and exp.is_Number:
        magnitude = abs(float(sp.log(abs(base), 10))) if base not in (0, 1, -1) and base != 0 else 0.0
        if magnitude * abs(float(exp)) > MAX_DIGITS:
            raise Undecidable("a number too large to evaluate")
    elif exp.is_Number and abs(float(exp)) > MAX_DIGITS:
        raise Undecidable("an exponent too large to evaluate")
    return sp.Pow(base, exp)


def _log(arg: sp.Expr) -> sp.Expr:
    """The natural log, evaluated only where the argument is a number (log(1) is 0, log(e) is 1)."""
    return sp.log(arg) if arg.is_number else sp.log(arg, evaluate=False)


def _remainder(value: sp.Expr, modulus: sp.Expr) -> sp.Expr:
    """``a \\bmod n`` with the remainder in [0, n), as number theory takes it. A modulus of 0 or
    below has no agreed remainder (truncating and flooring conventions differ there)."""
    if modulus.is_number and not modulus.is_positive:
        raise Undecidable("a remainder by a modulus that is not positive is not decided")
    return sp.Mod(value, modulus)


def inverse_remainder(value: sp.Expr, modulus: sp.Expr) -> sp.Expr:
    """``\\frac{p}{q} \\bmod n`` read in number theory: p times the inverse of q modulo n (``3^{-1}
    \\bmod 7 = 5``), defined when q and n share no factor; a whole number is an ordinary remainder."""
    if value.is_Integer or not value.is_number:
        return _remainder(value, modulus)
    if not (value.is_Rational and modulus.is_Integer and modulus.is_positive) or sp.igcd(value.q, modulus) != 1:
        raise Undecidable("a fraction modulo a number it has no inverse for is not decided")
    return sp.Integer(value.p * pow(int(value.q), -1, int(modulus)) % int(modulus))


def _parity(value: sp.Expr) -> int | None:
    """0 or 1 when ``value`` is even or odd for every integer value of its letters (2n, 2n - 1),
    None when that is not written into it."""
    try:
        poly = sp.Poly(value, *sorted(value.free_symbols, key=str))
    except sp.PolynomialError:
        return None
    coeffs = dict(poly.terms())
    constant = coeffs.pop((0,) * len(poly.gens), sp.Integer(0))
    if not constant.is_Integer or not all(c.is_Integer and c % 2 == 0 for c in coeffs.values()):
        return None
    return int(constant % 2)


def _double_factorial(value: sp.Expr) -> sp.Expr:
    """``x!!``: for an argument whose parity the step writes (2n - 1, 2n) the gamma form of that
    parity, which a letter sampled off the integers can evaluate; otherwise only at integers."""
    parity = _parity(value) if value.free_symbols else None
    if parity == 1:
        return 2 ** ((value + 1) / 2) * sp.gamma(value / 2 + 1) / sp.sqrt(sp.pi)
    if parity == 0:
        return 2 ** (value / 2) * sp.gamma(value / 2 + 1)
    if value.is_Number and abs(value) > 1000:
        raise Undecidable("factorial too large")
    return sp.factorial2(value)


def _written_negative(value: sp.Expr) -> bool:
    """Whether ``value`` is a negative number, or a product with a negative number as its factor
    (``-x^5``, ``-27a^3``): written negative, whatever its letters are."""
    if linalg.is_matrix(value):
        return False
    coefficient, _ = value.as_coeff_Mul()
    return coefficient.is_negative is True


def _falling_power(base: sp.Expr, k: sp.Expr) -> sp.Expr:
    """``x^{\\underline{k}} = x (x - 1) ... (x - k + 1)``; a written whole k expands to that product,
    a letter k keeps the gamma form that sampled reals evaluate."""
    if k.is_Integer and k > 200:
        raise Undecidable("factorial power too long")
    return sp.ff(base, k)


MAX_STIRLING = 200  # beyond this, exact Stirling numbers cost more than a step's budget


def _stirling(n_: sp.Expr, k: sp.Expr, kind: int) -> sp.Expr:
    """``{n \\brace k}`` (kind 2: partitions of n things into k blocks) and ``{n \\brack k}`` (kind 1,
    unsigned: permutations of n things with k cycles), of whole numbers. Of letters they have no value
    at the real points sampled, and no closed form to stand in for them: not decided."""
    if not (n_.is_Integer and k.is_Integer):
        raise Undecidable("Stirling numbers of other than whole numbers are not decided yet")
    if n_ < 0 or k < 0:
        raise Undecidable("Stirling numbers of negative numbers are not decided yet")
    if n_ > MAX_STIRLING:
        raise Undecidable("Stirling number too large")
    return sp.Integer(stirling(int(n_), int(k), kind=kind, signed=False))


def pi_times_decimal(node: n.Apply) -> bool:
    """``\\pi (0.01)^2``, ``\\pi(2.5 \\times 10^{-3})^2``: the constant times the square of a decimal, as the
    area of a section is worked out. A \\pi applied is a prime count (of a whole number) or a density, a
    policy, whose value at a point (\\pi(0.5) = 1) no one squares; without the power it stays ambiguous."""
    if not (node.func.base == "\\pi" and node.prefer_product and node.maybe_product and node.raised
            and len(node.args) == 1
            and not (node.func.indices or node.func.style or node.func.labels or node.func.primes)):
        return False
    return n.letter_free(node.args[0]) and any(isinstance(x, n.Num) and ("." in x.value or "," in x.value)
                                               for x in node.args[0].walk())


def apply_function(name: str, args: list[sp.Expr], inverse: bool = False) -> sp.Expr:
    if inverse:
        inverses = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "sinh": sp.asinh, "cosh": sp.acosh,
                    "tanh": sp.atanh}
        if name not in inverses:
            raise Undecidable(f"the inverse of {name}")
        return inverses[name](args[0])
    simple = {"sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc,
              "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "sinh": sp.sinh, "cosh": sp.cosh,
              "tanh": sp.tanh, "coth": sp.coth, "sech": sp.sech, "csch": sp.csch, "asinh": sp.asinh,
              "acosh": sp.acosh, "atanh": sp.atanh, "log": _log, "exp": sp.exp, "sign": sp.sign,
              "erf": sp.erf, "erfc": sp.erfc, "log10": lambda x: sp.log(x, 10), "floor": sp.floor, "ceiling": sp.ceiling, "log2": lambda x: sp.log(x, 2),
              "percent": lambda x: x / 100, "factorial2": _double_factorial,
              "gamma": sp.gamma, "re": sp.re, "im": sp.im,
              # the principal argument, as the imaginary part of the principal logarithm: a value of
              # another branch (5\pi/4 for -3\pi/4) then differs by whole turns, as the logarithm's does
              "arg": lambda x: sp.im(sp.log(x))}
    if name in ("re", "im", "arg") and len(args) == 1 and args[0].free_symbols and not args[0].has(sp.I):
        # Re(z w) of letters sampled as positive reals would be z w: where no i is written, the
        # letters are the complex numbers the author means, which the sampling does not give
        raise Undecidable("the real or imaginary part of letters that may be complex is not decided yet")
    if name in simple and len(args) == 1:
        return simple[name](args[0])
    if name in ("max", "min") and len(args) == 1:
        return args[0]  # \max\{x_1, \ldots, x_n\}: the one entry is the folded range
    if name == "max":
        return sp.Max(*args)
    if name == "min":
        return sp.Min(*args)
    if name == "sigmoid" and len(args) == 1:
        return 1 / (1 + sp.exp(-args[0]))
    if name == "relu" and len(args) == 1:
        return sp.Max(0, args[0])
    if name == "softplus" and len(args) == 1:
        return sp.log(1 + sp.exp(args[0]))  # the smooth ReLU, whose derivative is the sigmoid
    if name in ("gcd", "lcm") and len(args) >= 2:
        if not all(getattr(a, "is_Integer", False) for a in args):
            raise Undecidable(f"\\{name} of other than whole numbers is not decided yet")
        return (sp.gcd if name == "gcd" else sp.lcm)(*args) if len(args) == 2 else \
            (sp.igcd if name == "gcd" else sp.ilcm)(*[int(a) for a in args])
    if name == "round" and len(args) == 1:
        if args[0].is_Rational and (2 * args[0]).is_Integer and not args[0].is_Integer:
            # 2.5 rounds to 3 half up, to 2 half to even: conventions differ on a tie
            raise Undecidable("a tie rounded to the nearest integer is not decided")
        return sp.floor(args[0] + sp.Rational(1, 2))
    if name in ("stirling1", "stirling2") and len(args) == 2:
        return _stirling(*args, kind=int(name[-1]))
    if name == "falling" and len(args) == 2:
        return _falling_power(*args)
    if name == "degrees" and len(args) == 1:
        return args[0] * sp.pi / 180
    if name == "parallel" and len(args) >= 2:
        # R_1 \parallel R_2 \parallel R_3, folded pairwise: R_1 R_2/(R_1 + R_2), which is also 0 for a
        # short circuit (a zero resistance), where the sum of reciprocals would be undefined
        value = args[0]
        for arg in args[1:]:
            value = value * arg / (value + arg)
        return value
    if name == "phasor" and len(args) == 2:
        # r \angle theta: the angle is a rotation in the complex plane whatever letter the notes write
        # for the imaginary unit
        return args[0] * sp.exp(sp.I * args[1])
    if name == "mod" and len(args) == 2:
        return _remainder(*args)
    raise Undecidable(f"the function {name} is not decided yet")


def _terms_are_numbers(node: n.BigOp) -> bool:
    """Whether a sum's terms write no letter but its index (``k^2``, ``\\frac{1}{k(k+1)}``, ``2^k``): no
    other letter, indexed quantity or function of the document's, so each term lowers to a number."""
    return all(not isinstance(x, (n.Sym, n.Apply)) or isinstance(x, n.Sym) and x.base == node.var
               and not x.indices and not x.primes for x in node.body.walk())


def _column(value: object) -> bool:
    return linalg.is_matrix(value) and value.shape[1] == 1 and value.shape[0] > 1  # type: ignore[attr-defined]


def _tensor_operator_on_state(groups: list[list], group_ops: list[list[str]], gates: bool) -> sp.Expr | None:
    """``X \\otimes X|01>``, ``H \\otimes H|0>|0>``: a tensor product of square operators written before
    the states of their joint system, with no brackets, applied to them. Read with the tensor product
    looser than the product, the last operator would act on a state of another size (X|01>, a 2 x 2
    matrix times a 4-vector), so the grouping (X \\otimes X)|01> is the only one whose sizes agree, as
    _states_for_operator reads (H \\otimes H)|0>|1>. None where the step is not that shape, or where the
    last operator fits the first state after it (X \\otimes X|0>|1> keeps the grouping as written). A
    product of operators beside the tensor product (XZ \\otimes I) is read only with the standard gates,
    as juxtaposed reads it."""
    values = [[linalg.scalar(v) for v in group] for group in groups]
    *heads, last = values
    last_ops = group_ops[-1]
    cut = next((k for k, v in enumerate(last) if _column(v)), None)
    if not cut or any(op != "" for op in last_ops[cut - 1:]) or not all(_column(v) for v in last[cut:]):
        return None
    operators = [group for group in heads] + [last[:cut]]
    if not all(linalg.is_matrix(m) and m.shape[0] == m.shape[1] > 1 for group in operators for m in group) \
            or any(len({m.shape for m in group}) != 1 for group in operators) \
            or not gates and any(len(group) > 1 for group in operators):
        return None
    first_state = last[cut].shape[0]
    own = last[cut - 1].shape[1]
    state = functools.reduce(kronecker, last[cut:])
    joint = functools.reduce(lambda x, y: x * y, (group[0].shape[0] for group in operators))
    if own == first_state or joint != state.shape[0]:
        return None
    # each group's operators multiplied out first (A \otimes BC is A \otimes (BC)), then tensored
    factors = [functools.reduce(lambda x, y: x * y, group) for group in operators]
    return linalg.scalar(sp.ImmutableMatrix(functools.reduce(kronecker, factors)) * state)


def _states_for_operator(values: list, ops: tuple[str, ...]) -> tuple[list, tuple[str, ...]]:
    """``values`` with a run of juxtaposed states after an operator that acts on their joint system
    taken as one state: (H \\otimes H)|0>|1> applies the 4 x 4 matrix to |01>, the only grouping whose
    sizes agree (read from the left, it would multiply a 4 x 4 matrix by the 2-vector |0>). An operator
    of one state's size keeps acting on that state alone: X|0>|1> is (X|0>)|1>."""
    values = [linalg.scalar(v) for v in values]
    out, out_ops = [values[0]], []
    k = 1
    while k < len(values):
        before = out[-1]
        if ops[k - 1] == "" and linalg.is_matrix(before) and before.shape[1] > 1 and _column(values[k]) \
                and values[k].shape[0] < before.shape[1]:
            run, size, j = [values[k]], values[k].shape[0], k + 1
            while size < before.shape[1] and j < len(values) and ops[j - 1] == "" and _column(values[j]):
                run.append(values[j])
                size *= values[j].shape[0]
                j += 1
            if size == before.shape[1]:
                out_ops.append("")
                out.append(functools.reduce(kronecker, run))
                k = j
                continue
        out_ops.append(ops[k - 1])
        out.append(values[k])
        k += 1
    return out, tuple(out_ops)
