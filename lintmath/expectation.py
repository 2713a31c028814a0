"""Expectation, variance and covariance as operators lintmath knows.

The model is a finite probability space, fixed per instance: ``OUTCOMES`` outcomes with random
positive weights that sum to 1. A *random* symbol X takes one independent value per outcome (the
symbols ``X#1 .. X#K``, sampled like any other symbol), and ``E[body]`` is ``sum_k w_k body[X -> X#k]``.
Constants stay what they are. Everything that holds in every probability space holds here (E is
linear, E[c] = c, E[E[X]] = E[X]); what holds only for some distributions (E[X^2] = E[X]^2) does not.
A random symbol outside any expectation is one more generic outcome, so that pointwise identities
((X - EX)^2 = X^2 - 2X EX + (EX)^2) still hold.

Which symbols are random is decided once per step, from both sides (see ``classify``). Steps whose
truth may rest on the author's assumptions about the distribution (independence, zero mean), which
the step does not state, are never refuted by this model alone: see ``Randomness.sensitive``.
"""
from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import sympy as sp

from lintmath.parse import nodes as n
from lintmath.parse.vocabulary import STYLES

if TYPE_CHECKING:  # (the parser imports this module, and independence.py the parser)
    from lintmath.independence import Independence

OUTCOMES = 4
# A step with conditional expectations (E[Y | X]) gets a space of GROUPS x MEMBERS outcomes: the
# conditioning symbols take one value per group, the others one per outcome, so that E[Y | X] is the
# weighted mean over the outcome's group, a random quantity that is not Y itself (as it would be with
# X taking a distinct value at every outcome).
GROUPS, MEMBERS = 2, 3
# Separates a random symbol's name from its outcome (X#2): the checker reports names up to it, so a
# random symbol that only one side mentions reads as "depends on X".
OUTCOME_MARK = "#"
# \operatorname{Var}, \textrm{Cov}, \mathbb{V}: style and base of the operator symbol -> kind
NAMED = {"Var": "Var", "var": "Var", "Cov": "Cov", "cov": "Cov",
         # the standard deviation and the correlation by name (\operatorname{SD}(X), \mathrm{Corr}(X, Y)),
         # as the statistics courses write them: the root of a variance, a covariance over two of them
         "SD": "SD", "sd": "SD", "Std": "SD", "std": "SD", "Corr": "Corr", "corr": "Corr"}
# the operators whose value is a second moment: of a random argument, never linear in it
SECOND_MOMENTS = ("Var", "Cov", "SD", "Corr")
EXPECTATION_STYLES = ("bb", "op", "rm")
# The style of the E that stands for a single item in angle brackets, <x^2> (see Parser.angle_average):
# a quantum expectation value, an ensemble or a time average. Linear like E, but its items may be
# operators that do not commute (x and p), and its value rests on a state the prose gives: the checker
# lets the reading verify only (see check.py)
AVERAGE = "avg"
# The label of the average a bar over a fluctuation writes (\overline{u'v'}, \overline{u'}): a Reynolds
# average, under which \bar u is the mean of the field u and u' = u - \bar u its fluctuation (see
# sides.reynolds_sides). The fields are random in every reading, and commute.
REYNOLDS = "reynolds"
# The label of an E taken under a named measure (\mathbb{E}^{\mathbb{Q}}): the parser's, read by ``measures``
MEASURE_LABEL = "measure:"


@dataclass(frozen=True)
class Randomness:
    """How a step uses expectations, decided once from both sides.

    ``default``: the symbols random in the default reading: those bound by E's subscript
    (E_{x \\sim p}), uppercase letters inside some expectation (X of X - EX too), and any other symbol
    that never appears outside one. ``bound``: the symbols random in the other reading, where only
    bound symbols and uppercase letters seen only inside expectations are (E[aX + b] with b a
    constant). A lowercase letter both inside and outside expectations is a constant in both: if it
    is random, an identity still holds with it constant, so the reading loses verifications only.
    ``sensitive``: per reading (default, other), whether some expectation is of a nonlinear expression
    of random symbols (E[XY], Var(X)): whether the step holds may rest on independence or zero means
    that the prose assumes. ``plain_conflict``: a plain ``E[..]`` that the step shows to be a
    functional (F[y] beside it).
    """

    default: frozenset[str] = frozenset()
    bound: frozenset[str] = frozenset()
    sensitive: tuple[bool, bool] = (False, False)
    plain_conflict: bool = False
    # the symbols after the bar of the step's conditional expectations (one set per step), and
    # whether the step conditions on different sets or on something other than plain symbols
    conditioned: frozenset[str] = frozenset()
    conditional_conflict: bool = False
    # the independence the prose states, which the general model (the ("expectation",) reading)
    # then has: a product space, each named variable a function of its own factor (see space)
    independence: Independence | None = None
    # capitals that the default reading makes random and the other a constant: written inside an
    # expectation and outside every one (E[XY] = E[X]Y), where that reading is what makes a step hold
    capital_constants: frozenset[str] = frozenset()

    @property
    def ambiguous(self) -> bool:
        return self.default != self.bound

    @property
    def any_sensitive(self) -> bool:
        return any(self.sensitive)

    def random(self, other_reading: bool) -> frozenset[str]:
        return self.bound if other_reading else self.default


NONE = Randomness()


def kind_of(node: n.Apply) -> str | None:
    """"E", "Var", "Cov", "SD" or "Corr" when ``node`` applies one of those operators, else None."""
    func = node.func
    if func.base == "E" and func.style in (*EXPECTATION_STYLES, AVERAGE):
        return "E"
    if func.base == "E" and not func.style and node.bracket == "[":
        return "E"  # plain E[X]; E(x) stays a function (an energy, a field)
    if func.base == "E" and func.style == "bf" and node.bracket == "[":
        return "E"
    if func.base == "V" and func.style == "bb":
        return "Var"
    if func.style in ("op", "rm") and func.base in NAMED:
        return NAMED[func.base]
    return None


def plain_expectations(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """The sides with each plain ``E(..)`` an expectation, and each plain E before a random letter (``EX``,
    ``E\\hat\\theta``) the expectation of that letter, where the step shows that E is one: it takes a
    variance or a covariance beside (``\\Var(X) = E(X^2) - (EX)^2``, ``\\Cov(X, Y) = E(XY) - E(X)E(Y)``), or
    an E( ) holds an E or conditions on a capital (``E((X - E(X))^2)``, ``E(X \\mid Y)``). Stat 110 and Ross
    write E so; read as a function, every such step depends on what E is. Only where every E of the step
    is so read: a bare E before anything else (``EX^2``, ``EXY``) has a reach that is a guess."""
    nodes = [x for side in (left, right) for x in side.walk()]
    plain = [x for x in nodes if isinstance(x, n.Apply) and _plain_e(x.func) and x.bracket == "("]
    plain_ids = {id(x) for x in plain}
    # (E(X^2), with X^2 an argument, cannot be E times a bracket in a step whose E is an expectation)
    # E(X - \\mu)^2 is E[(X - \\mu)^2] in these notes, and the square of the mean as parsed: either way a guess
    if any(isinstance(x, n.Pow) and id(x.base) in plain_ids and not _random_letter(x.base.args[0]) for x in nodes):
        return left, right
    variance = any(isinstance(x, n.Apply) and kind_of(x) in SECOND_MOMENTS for x in nodes)
    if not variance and not any(x.given >= 0 and _capital(x) or any(id(y) in plain_ids for y in x.args[0].walk())
                                for x in plain):
        return left, right

    def rewrite(x: n.Node) -> n.Node:
        if isinstance(x, n.Apply) and _plain_e(x.func) and x.bracket == "(":
            return replace(x, func=replace(x.func, style="op"), maybe_product=False, prefer_product=False)
        if isinstance(x, n.Mul):
            return _bare_expectations(x)
        return x
    sides = n.map_nodes(left, rewrite), n.map_nodes(right, rewrite)
    heads = {id(x.func) for side in sides for x in side.walk() if isinstance(x, n.Apply)}
    if any(isinstance(x, n.Sym) and _plain_e(x) and id(x) not in heads for side in sides for x in side.walk()):
        return left, right  # an E whose reach is a guess, or a letter E beside the expectations
    return sides


def _bare_expectations(mul: n.Mul) -> n.Node:
    """``mul`` with each plain E followed by a random letter (EX, E\\bar X) that ends the product or that
    another such E follows (EX\\,EY) read as that letter's expectation; any other E is left as it is."""
    factors, ops, i = [], [], 0
    items = mul.factors
    while i < len(items):
        x = items[i]
        follows = items[i + 2] if i + 2 < len(items) else None
        if isinstance(x, n.Sym) and _plain_e(x) and i + 1 < len(items) and _random_letter(items[i + 1]) \
                and (follows is None or isinstance(follows, n.Sym) and _plain_e(follows)) \
                and (mul.ops[i] if i < len(mul.ops) else "") == "":
            arg = items[i + 1]
            factors.append(n.Apply(x.start, arg.end, replace(x, style="op"), (arg,), bracket="["))
            if i:
                ops.append(mul.ops[i - 1] if i - 1 < len(mul.ops) else "")
            i += 2
            continue
        factors.append(x)
        if i:
            ops.append(mul.ops[i - 1] if i - 1 < len(mul.ops) else "")
        i += 1
    if len(factors) == len(items):
        return mul
    if len(factors) == 1:
        return factors[0]
    return replace(mul, factors=tuple(factors), ops=tuple(ops))


def _random_letter(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not node.primes and node.sup_letter is None and not node.labels \
        and (_is_upper_letter(node) or node.style in ("hat", "bar", "tilde"))


def _capital(op: n.Apply) -> bool:
    """Whether what ``op`` conditions on is a capital letter, a random variable (E(X | Y = y))."""
    given = [x for arg in op.args[op.given:] for x in arg.walk() if isinstance(x, n.Sym)]
    return bool(given) and all(_is_upper_letter(x) or x.base.islower() for x in given) \
        and any(_is_upper_letter(x) for x in given)


def _plain_e(func: n.Sym) -> bool:
    return func.base == "E" and not func.style and not func.indices and not func.labels and not func.primes \
        and func.sup_letter is None


def outcome_weights(seed: int, conditioned: bool = False) -> tuple[sp.Rational, ...]:
    """Positive weights summing to 1, the same for every expectation of an instance; with
    ``conditioned``, of the GROUPS x MEMBERS outcomes, group by group."""
    return _weights(seed, GROUPS * MEMBERS if conditioned else OUTCOMES)


def generic_weights(seed: int) -> tuple[sp.Rational, ...]:
    """The weights of the members of the generic outcome's group: E[Y | X] outside any expectation
    is the mean over outcomes that share the generic X and not Y."""
    return _weights(seed + 1, MEMBERS, "generic")


def group_of(outcome: int) -> int:
    """The group (1-based) of an outcome (1-based) of the conditioned space."""
    return (outcome - 1) // MEMBERS + 1


@functools.lru_cache(maxsize=64)
def _weights(seed: int, count: int = OUTCOMES, tag: str = "outcomes") -> tuple[sp.Rational, ...]:
    rng = random.Random(f"{seed}:{tag}")
    raw = [rng.randint(2, 9) for _ in range(count)]
    total = sum(raw)
    return tuple(sp.Rational(r, total) for r in raw)


# The product space of a stated independence: each factor (a named variable, a member of a named
# family, a group) has FACTOR_OUTCOMES outcomes, and one more factor of OUTCOMES outcomes lets the
# variables the statement does not name vary beyond the named ones (a value per outcome of the
# whole space). Three outcomes a factor keep 4 * 3^4 outcomes for four factors; a distribution on
# three points still has free moments up to the fourth.
FACTOR_OUTCOMES = 3
MAX_FACTORS = 4


def space(seed: int, factors: tuple[str, ...], tags: tuple[str, ...]) -> tuple[tuple[int, sp.Rational], ...]:
    """(outcome, weight) of the product space of ``factors``, outcomes from 1; ``tags`` names each
    factor's distribution (i.i.d. factors share one)."""
    return _space(seed, tuple(factors), tuple(tags))


@functools.lru_cache(maxsize=64)
def _space(seed: int, factors: tuple[str, ...], tags: tuple[str, ...]) -> tuple[tuple[int, sp.Rational], ...]:
    rest = _weights(seed, OUTCOMES, "rest")
    per_factor = [_weights(seed, FACTOR_OUTCOMES, f"factor:{tag}") for tag in tags]
    out = []
    for k in range(OUTCOMES * FACTOR_OUTCOMES ** len(factors)):
        weight = rest[k % OUTCOMES]
        for position, weights in enumerate(per_factor):
            weight *= weights[component(k + 1, position)]
        out.append((k + 1, weight))
    return tuple(out)


def component(outcome: int, position: int) -> int:
    """The outcome (from 0) of factor ``position`` at an outcome (from 1) of the product space."""
    return (outcome - 1) // OUTCOMES // FACTOR_OUTCOMES ** position % FACTOR_OUTCOMES


def subscript_bound(func: n.Sym, body: n.Node, params: frozenset[str] = frozenset()) -> set[str]:
    """Keys that E's subscript makes random inside it: x of E_{x \\sim p}, x of E_x[f(x)]; not the p
    of E_p[f(x)], which names the distribution, nor a parameter of ``params`` (see
    ``parameter_subscripts``)."""
    out: set[str] = set()
    body_keys = {s.key for s in _plain_symbols(body)}
    for item in func.indices:
        if isinstance(item, n.Sym) and item.style == "label" and "\\sim" in item.base:
            left = item.base.split("\\sim")[0].strip()
            left = re.sub(r"\\(mathbf|boldsymbol|bm)\s*\{\s*(\S+)\s*\}", r"bf:\2", left).replace(" ", "")
            out.add(left)
        elif isinstance(item, n.Sym) and item.key in body_keys and item.key not in params:
            out.add(item.key)
    return out


def _measure_letter(item: n.Sym) -> bool:
    return item.style != "label" and (
        item.base.isupper() or item.base in ("p", "q") or item.base.lstrip("\\") in _GREEK_MEASURES)


def parameter_subscripts(*trees: n.Node) -> frozenset[str]:
    """Keys of the measure letters under E that name the parameter of P_theta even where the body
    writes them: E_theta[(\\hat\\theta - \\theta)^2] beside (E_theta[\\hat\\theta] - \\theta)^2 averages over the
    sample, theta fixed. So a letter is read where the step also writes it outside every expectation
    (a constant there, so no variable the E runs over), or where another E of the step puts it
    under without writing it in its body (one subscript, one meaning within a step)."""
    ops = [x for t in trees for x in t.walk() if isinstance(x, n.Apply) and kind_of(x) == "E"]
    if not ops:
        return frozenset()
    inside_ids = {id(x) for op in ops for arg in op.args for x in arg.walk()}
    outside = {s.key for t in trees for s in _plain_symbols(t) if id(s) not in inside_ids}
    subscripts: dict[str, bool] = {}  # key -> whether some E of the step leaves it out of its body
    for op in ops:
        body = {s.key for arg in op.args for s in _plain_symbols(arg)}
        for item in op.func.indices:
            # a capital under E is a random variable itself (E_X[g(X)]): only lowercase and Greek names
            if isinstance(item, n.Sym) and not item.indices and not item.labels and _measure_letter(item) \
                    and not item.base.isupper():
                subscripts[item.key] = subscripts.get(item.key, False) or item.key not in body
    return frozenset(k for k, absent in subscripts.items() if absent or k in outside)


def measures(*trees: n.Node) -> set[str]:
    """The keys of the measures the step's expectations are taken under (see ``measured``)."""
    return set(measured(*trees))


def measure_names(*trees: n.Node) -> list[str]:
    """The measures of ``measures`` as a reason names them: ``p_g``, ``p_{data}``, "the plain E"."""
    return sorted(name or "the plain E" for name in measured(*trees).values())


def measured(*trees: n.Node) -> dict[str, str]:
    """The measures the step's expectations are taken under: the one a superscript names
    (``\\mathbb{E}^{\\mathbb{Q}}``), or a subscript that names no variable of the body and is a
    distribution's name (``\\mathbb{E}_{\\mathbb{Q}}``, ``\\mathbb{E}_P``, ``\\mathbb{E}_q``, ``\\mathbb{E}_\\pi``;
    not the t of E_t, a time to condition on); "" for a plain E. The model has one probability
    space, so a step under two of them (a change of measure) is beyond it. Each key (which tells the
    measures apart) maps to the measure as a reason writes it."""
    out: dict[str, str] = {}
    params = parameter_subscripts(*trees)
    for tree in trees:
        for op in tree.walk():
            if not (isinstance(op, n.Apply) and kind_of(op) == "E"):
                continue
            named = [label[len(MEASURE_LABEL):] for label in op.func.labels if label.startswith(MEASURE_LABEL)]
            names = [_styled_text(name) for name in named]
            body = {s.key for arg in op.args for s in _plain_symbols(arg)}
            for item in op.func.indices:
                if not isinstance(item, n.Sym):
                    continue
                styled = _STYLED_NAME.match(item.base) if item.style == "label" else None
                if styled is not None and styled.group(1) in STYLES:
                    named.append(f"{STYLES[styled.group(1)]}:{styled.group(2)}")  # \mathbb{E}_{\mathbb{Q}}
                    names.append(f"{styled.group(1)}{{{styled.group(2)}}}")
                elif (item.key not in body or item.key in params) and _measure_letter(item):
                    named.append(item.key if not (item.indices or item.labels) else repr(n.structure(item)))
                    names.append(_written_measure(item))
            out.setdefault(" ".join(named), " ".join(names))
    return out


def _styled_text(key: str) -> str:
    """A styled letter's key as written: bb:P as \\mathbb{P}."""
    style, _, letter = key.rpartition(":")
    command = next((c for c, s in STYLES.items() if s == style), None) if style else None
    return f"{command}{{{letter}}}" if command else key


def _written_measure(item: n.Sym) -> str:
    """A measure's name as written, near enough for a reason: p_{data} (its key's structure is a tuple)."""
    def text(x: n.Node) -> str:
        if isinstance(x, n.Sym):
            base = re.sub(r"\s+(?=[A-Za-z])|(?<=[A-Za-z{])\s+", "", x.base) if x.style == "label" else x.base
            written = base + ("'" * x.primes) + "".join(f"^{{{label}}}" for label in x.labels)
            if x.indices:
                inner = "".join(text(i) for i in x.indices)
                written += f"_{{{inner}}}" if len(inner) > 1 else f"_{inner}"
            return written
        return "?"
    return text(item)


_STYLED_NAME = re.compile(r"^(\\[a-z]+) \{ ([A-Z]) \}$")


# Greek letters that name a measure or a policy under an E (\mathbb{E}_\pi, \mathbb{E}^{\mu})
_GREEK_MEASURES = frozenset({"pi", "mu", "nu", "rho", "theta", "phi", "psi"})


def _is_upper_letter(sym: n.Sym) -> bool:
    return len(sym.base) == 1 and sym.base.isalpha() and sym.base.isupper() and sym.base.isascii()


def _function_ids(tree: n.Node) -> set[int]:
    """Symbols that are not quantities: function names, index items (the i of x_i) and sum bounds."""
    out = n.non_quantities(tree)
    for node in tree.walk():
        if isinstance(node, n.BigOp):
            for bound in (node.lo, node.hi):
                if bound is not None:
                    out.update(id(x) for x in bound.walk())
    return out


def _plain_symbols(tree: n.Node) -> list[n.Sym]:
    skip = _function_ids(tree)
    return [s for s in tree.walk() if isinstance(s, n.Sym) and id(s) not in skip and s.style != "label"]


def classify(*trees: n.Node, matrices: frozenset[str] = frozenset()) -> Randomness:
    ops = [x for t in trees for x in t.walk() if isinstance(x, n.Apply) and kind_of(x) is not None]
    if not ops:
        return NONE
    inside: set[str] = set()
    # what a probability course's E holds in capitals is random (E[aX + B]); in angle brackets a capital
    # is as often a constant of the system (<x - L/2>, a box of width L) as an operator (<H>), so there
    # only a letter seen nowhere outside the brackets is random
    inside_e: set[str] = set()
    bound: set[str] = set()
    inside_ids: set[int] = set()
    params = parameter_subscripts(*trees)
    for op in ops:
        for arg in op.args:
            inside.update(s.key for s in _plain_symbols(arg))
            if op.func.style != AVERAGE:
                inside_e.update(s.key for s in _plain_symbols(arg))
            inside_ids.update(id(x) for x in arg.walk())
        bound |= subscript_bound(op.func, op.args[0], params) if op.args else set()
    outside: set[str] = set()
    for tree in trees:
        outside.update(s.key for s in _plain_symbols(tree) if id(s) not in inside_ids)
    upper = {s.key for t in trees for s in _plain_symbols(t) if _is_upper_letter(s) and s.key not in matrices}
    # what a Reynolds average is taken of is random wherever it stands: u' = u - \bar u writes u outside
    # every average, and with u a constant each fluctuation would be 0. A letter averaged beside a mean
    # and written bare as well (the T of \overline{\bar u T} = \bar u T) may be a constant or a field,
    # and only as a field does the step say something of averages.
    fields = {s.key for op in ops if REYNOLDS in op.func.labels for arg in op.args for s in _plain_symbols(arg)}
    default = (inside - outside) | bound | (inside_e & upper) | fields
    other = ((inside - outside) & upper) | bound | fields
    if not all(_mentions(op, other) for op in ops):
        # E[x^2] = E[x]^2 with every letter a constant says nothing: no such reading
        other = default
    conditioned, conflict = _conditioning(ops)
    if conditioned:
        # E[XY | X] = Y E[X | X] holds with Y a constant: where a step conditions, the capitals inside
        # its expectations are random in both readings
        other |= inside & upper
    # E[y | x] of a lone letter says y is random, whatever its case: with y a constant,
    # E_x[(y - E[y | x])^2] would be 0. (In E[(x - b) | z], b may well be a constant.)
    other |= default & {op.args[0].key for op in ops if op.given == 1 and isinstance(op.args[0], n.Sym)}
    sensitive = (any(_nonlinear(op, default) for op in ops), any(_nonlinear(op, other) for op in ops))
    return Randomness(frozenset(default), frozenset(other), sensitive, _plain_conflict(trees, ops),
                      conditioned, conflict, capital_constants=frozenset((default - other) & upper - _index_keys(trees)))


def _index_keys(trees: tuple[n.Node, ...]) -> set[str]:
    """Keys of the letters the step also writes as an index (the T of S_T, a horizon): constants, not
    random variables, wherever else they stand (e^{-rT} S_T)."""
    return {i.key for t in trees for x in t.walk() if isinstance(x, n.Sym)
            for i in x.indices if isinstance(i, n.Sym)}


def _conditioning(ops: list[n.Apply]) -> tuple[frozenset[str], bool]:
    """The one set of symbols the step's conditional expectations condition on, and whether there
    is more than one such set or a condition that is not a plain symbol (E[Y | X = x])."""
    sets = set()
    for op in ops:
        if op.given < 0:
            continue
        condition = op.args[op.given:]
        if not all(isinstance(a, n.Sym) and not a.style == "label" for a in condition):
            return frozenset(), True
        sets.add(frozenset(a.key for a in condition))
    if len(sets) > 1:
        return frozenset(), True
    return (next(iter(sets)) if sets else frozenset()), False


def _mentions(op: n.Apply, keys: set[str]) -> bool:
    return any(s.key in keys for arg in op.args for s in _plain_symbols(arg))


def _nonlinear(op: n.Apply, random_keys: set[str]) -> bool:
    if kind_of(op) in SECOND_MOMENTS:
        return any(_degree(arg, random_keys) > 0 for arg in op.args)
    return any(_degree(arg, random_keys) > 1 for arg in op.args)


NONLINEAR = 2


def _degree(node: n.Node, random_keys: set[str]) -> int:
    """0 for a constant, 1 for an affine expression of random symbols, 2 for anything else."""
    if isinstance(node, n.Apply) and kind_of(node) is not None:
        # an expectation is a number; a conditional one a function of the condition
        return NONLINEAR if node.given >= 0 else 0
    if isinstance(node, n.Sym):
        return 1 if node.key in random_keys else 0
    if isinstance(node, (n.Num, n.Const)):
        return 0
    if isinstance(node, n.Term):
        return _degree(node.node, random_keys)
    if isinstance(node, n.Add):
        return max(_degree(t, random_keys) for t in node.terms)
    if isinstance(node, (n.Paren, n.Transpose)):
        return _degree(node.inner, random_keys)
    if isinstance(node, n.Mul):
        return min(NONLINEAR, sum(_degree(f, random_keys) for f in node.factors))
    if isinstance(node, n.Div):
        if _degree(node.den, random_keys):
            return NONLINEAR
        return _degree(node.num, random_keys)
    if isinstance(node, n.BigOp) and node.kind == "sum":
        return _degree(node.body, random_keys)
    uses = any(isinstance(x, n.Sym) and x.key in random_keys for x in node.walk())
    return NONLINEAR if uses else 0


def _plain_conflict(trees, ops: list[n.Apply]) -> bool:
    """A plain E[..] beside another capital applied to a bracket (T[\\rho]) or a lone E: a functional."""
    plain = [op for op in ops if not op.func.style and op.func.base == "E"]
    if not plain:
        return False
    for tree in trees:
        skip = _function_ids(tree)
        for node in tree.walk():
            if isinstance(node, n.Apply) and node.bracket == "[" and kind_of(node) is None \
                    and _is_upper_letter(node.func):
                return True
            if isinstance(node, n.Sym) and node.base == "E" and not node.style and id(node) not in skip:
                return True
    return False


def is_average(node: n.Node) -> bool:
    """Whether ``node`` is a single item in angle brackets, <x^2> (see AVERAGE)."""
    return isinstance(node, n.Apply) and node.func.base == "E" and node.func.style == AVERAGE


def fluctuating(node: n.Node) -> bool:
    """Whether ``node`` writes a fluctuation, a letter with one prime (u', T', u_i'), as a Reynolds
    decomposition u = \bar u + u' names it: a bar over it is an average, not a conjugate or a letter's
    name."""
    return any(isinstance(x, n.Sym) and x.primes == 1 and not x.labels and x.sup_letter is None
               and x.style in ("", "bf") for x in node.walk())


def reynolds_average(start: int, end: int, body: n.Node) -> n.Apply:
    func = n.Sym(start, end, "E", AVERAGE, labels=(REYNOLDS,))
    return n.Apply(start, end, func, (body,), bracket="[")


def is_reynolds(node: n.Node) -> bool:
    return is_average(node) and REYNOLDS in node.func.labels  # type: ignore[union-attr]


def has_reynolds(*trees: n.Node) -> bool:
    return any(is_reynolds(x) for tree in trees for x in tree.walk())


def has_average(*trees: n.Node) -> bool:
    return any(is_average(x) for tree in trees for x in tree.walk())


def _random_outside_averages(node: n.Node, keys: frozenset[str]) -> set:
    """The random symbols ``node`` writes, not counting those inside an average (a number); each as
    its structure, so that p_x and p_y (one key) are two."""
    if is_average(node):
        return set()
    if isinstance(node, n.Sym):
        return {n.structure(node)} if node.key in keys else set()
    found: set = set()
    for child in node.children():
        found |= _random_outside_averages(child, keys)
    return found


def may_not_commute(trees: tuple[n.Node, ...], keys: frozenset[str]) -> bool:
    """Whether a step multiplies two different random symbols, or puts them together under a power,
    a quotient or a function (<xp>, <(x + p)^2>, <e^{x + p}>): the random model lets them commute, as
    the operators of quantum mechanics (x and p, a and a^\\dagger) need not, so a step that holds in the
    model may rest on that. A symbol with itself (<x^2>) or beside averages (2x<x>) commutes. The fields
    of Reynolds averages (\\overline{u'v'}) are numbers at each point, and commute."""
    if not any(is_average(x) and not is_reynolds(x) for tree in trees for x in tree.walk()):
        return False
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Mul):
                parts = [s for s in (_random_outside_averages(f, keys) for f in node.factors) if s]
                if len(parts) >= 2 and len(set().union(*parts)) >= 2:
                    return True
            elif isinstance(node, (n.Pow, n.Func, n.Div, n.Apply)) and not is_average(node):
                if len(_random_outside_averages(node, keys)) >= 2:
                    return True
    return False


EVENT_LABEL = "event:"


def given_events(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """The sides with each ``\\mathbb{E}[X \\mid Y = 1]`` (an expectation given an event) read as an expectation
    under the conditional measure the event names, as ``\\mathbb{E}^{\\mathbb{Q}}`` is: every rule of E (its
    linearity) holds under it, and a step that also takes E under another measure or none is not read
    (see measures). Only where the body names no letter of the event: E[Y | Y = 1] = 1 rests on the
    event itself, which one generic measure does not know."""
    def conditioned(x: n.Node) -> n.Node | None:
        if not (isinstance(x, n.Apply) and kind_of(x) == "E" and x.given == 1 and len(x.args) == 2):
            return None
        event = x.args[1]
        if not (isinstance(event, n.Sym) and event.style == "label" and event.base.startswith(EVENT_LABEL)):
            return None
        named = set(re.findall(r"[A-Za-z]+", event.base[len(EVENT_LABEL):]))
        if not named or any(s.base in named for s in x.args[0].walk() if isinstance(s, n.Sym)) \
                or any(label.startswith(MEASURE_LABEL) for label in x.func.labels):
            return None
        func = replace(x.func, labels=(*x.func.labels, MEASURE_LABEL + "given " + event.base[len(EVENT_LABEL):]))
        return replace(x, func=func, args=(n.rebuild(x.args[0], conditioned),), given=-1)
    return n.rebuild(left, conditioned), n.rebuild(right, conditioned)
