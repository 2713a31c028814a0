r"""``P(A \cup B) = P(A) + P(B) - P(A \cap B)``: probabilities of events, a reading of the step.

Probability notes compute with named events (A, B, C, E, H, B_1, ...) combined by union,
intersection, difference and complement, conditioned with one ``\mid`` and joined with commas
(``P(A, B)`` is the probability of both). With P a stand-in function these steps are undecidable
("depends on what P is"); the rules of probability make them identities of every probability space.

The model: a finite probability space whose outcomes are the atoms of the named events (one outcome
for every pattern of membership, 2^k of them for k events), each with a random positive weight, so
that no event is empty, none contains another and none is independent of another. A step that holds
there for several draws of the weights holds for every probability space (both sides are rational
functions of the weights), which is what verifies it.

A step that holds only because of what the prose says of the events (independent, disjoint, one
inside the other, a partition) fails in that space; so besides it the reading has spaces where the
named events are independent, pairwise disjoint, nested or a partition of the outcomes. A step is
refuted only when it fails in all of them and a small edit makes it hold in the generic one (see
check.explain_as_events), as for distributions (see probability.py).
"""
from __future__ import annotations

import functools
import itertools
import random
from fractions import Fraction

import sympy as sp

from lintmath.parse import nodes as n

HEAD_STYLES = ("", "op", "bb", "rm")  # P, \Pr, \mathbb{P}, \mathrm{P}
MAX_EVENTS = 5  # 32 atoms in the generic space
# the spaces of what the prose may assume of the events, besides the generic one
MODELS = ("independent", "disjoint", "nested", "reversed", "partition", "family")
DESCRIPTIONS = {"independent": "independent", "disjoint": "disjoint", "nested": "nested (the first inside the next)",
                "reversed": "nested (the last inside the one before)", "partition": "a partition",
                "family": "a partition (B_1, B_2, ...)"}


def events(*trees: n.Node) -> tuple[tuple[str, tuple], ...]:
    """The probabilities of events of a step, as (head key, the named events) pairs: for each head
    P (\\Pr, \\mathbb{P}) whose every application takes events of named events, with at most one
    ``\\mid``, and at least one of them built with a set operation (the rest is the distributions'
    reading, probability.py). A named event indexed by a bound letter (``\\sum_i P(A_i)``) is one
    event per term, which this reading does not model."""
    applications: dict[str, list[n.Apply]] = {}
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Apply) and node.func.base == "P" and node.func.style in HEAD_STYLES:
                applications.setdefault(node.func.key, []).append(node)
    # the letters of the step outside every probability: a named event is only ever measured (the V
    # of P(\bar V) = \bar V^2 / R is a voltage)
    inside = {id(x) for apps in applications.values() for app in apps for a in app.args for x in a.walk()}
    heads = {id(app.func) for apps in applications.values() for app in apps}
    outside = {x.base for t in trees for x in t.walk() if isinstance(x, n.Sym) and id(x) not in inside | heads}
    bound = {x.var for t in trees for x in t.walk() if isinstance(x, n.BigOp)}
    bound |= {x.var.base for t in trees for x in t.walk() if isinstance(x, (n.Integral, n.Limit))}
    out = []
    for head, apps in applications.items():
        names: dict[tuple, None] = {}
        built = False
        for app in apps:
            if app.primes or app.params >= 0 or app.bracket not in ("(", "[") or not app.args:
                break
            if not all(_collect(arg, names, bound) for arg in app.args):
                break
            built |= any(isinstance(arg, n.Event) for arg in app.args)
        else:
            if built and len(names) <= MAX_EVENTS and not any(name[1] in outside for name in names):
                out.append((head, tuple(names)))
    return tuple(out)


def _collect(node: n.Node, names: dict[tuple, None], bound: set[str]) -> bool:
    """Whether ``node`` is an event of named events; their names go into ``names``."""
    if isinstance(node, n.Event):
        return all(_collect(part, names, bound) for part in node.parts)
    if not named_event(node) or any(isinstance(x, n.Sym) and x.base in bound for i in node.indices for x in i.walk()):
        return False
    names.setdefault(n.structure(node), None)
    return True


def named_event(node: n.Node) -> bool:
    """A capital letter, maybe indexed (``A``, ``B_1``, ``E_{i}``): what names an event."""
    return isinstance(node, n.Sym) and len(node.base) == 1 and "A" <= node.base <= "Z" and not node.style \
        and not node.labels and not node.primes and node.sup_letter is None \
        and all(isinstance(i, (n.Num, n.Sym)) for i in node.indices)


def probability(seed: int, head: str, names: tuple, args: tuple[n.Node, ...], given: int,
                model: str = "") -> sp.Rational:
    """``head(args)`` (with the arguments from ``given`` on after the ``\\mid``) in the space of
    ``model`` ("" for the generic one) drawn with ``seed``: an exact rational. A condition of
    probability 0 raises ZeroDivisionError (the step is not defined there)."""
    weights, atoms = _space(seed, head, names, model)
    split = given if 0 <= given < len(args) else len(args)
    both = _intersection(args, names, atoms)
    condition = _intersection(args[split:], names, atoms)
    total = sum((weights[a] for a in condition), Fraction(0))
    if total == 0:
        raise ZeroDivisionError("a condition of probability 0")
    value = sum((weights[a] for a in both), Fraction(0)) / total
    return sp.Rational(value.numerator, value.denominator)


def _intersection(args, names: tuple, atoms: tuple) -> frozenset[int]:
    out = frozenset(range(len(atoms)))
    for arg in args:
        out &= _members(arg, names, atoms)
    return out


def _members(node: n.Node, names: tuple, atoms: tuple) -> frozenset[int]:
    """The atoms (outcomes) of an event."""
    everything = frozenset(range(len(atoms)))
    if isinstance(node, n.Sym):
        k = names.index(n.structure(node))
        return frozenset(a for a, pattern in enumerate(atoms) if pattern[k])
    parts = [_members(p, names, atoms) for p in node.parts]
    if node.op == "cup":
        return frozenset().union(*parts)
    if node.op == "cap":
        return everything.intersection(*parts)
    if node.op == "minus":
        return parts[0] - parts[1]
    if node.op == "comp":
        return everything - parts[0]
    return everything if node.op == "all" else frozenset()


@functools.lru_cache(maxsize=128)
def _space(seed: int, head: str, names: tuple, model: str) -> tuple[tuple[Fraction, ...], tuple[tuple[bool, ...], ...]]:
    """The weights of the outcomes and, per outcome, which of the named events it belongs to."""
    k = len(names)
    rng = random.Random(f"{seed}:{head}:{k}:{model}:events")
    if model == "independent":
        chances = [Fraction(rng.randint(1, 9), 10) + Fraction(rng.randint(1, 99), 1000) for _ in range(k)]
        atoms = tuple(itertools.product((True, False), repeat=k))
        weights = []
        for pattern in atoms:
            w = Fraction(1)
            for inside, p in zip(pattern, chances):
                w *= p if inside else 1 - p
            weights.append(w)
        return tuple(weights), atoms
    if model in ("disjoint", "partition"):
        atoms = tuple(tuple(i == j for i in range(k)) for j in range(k))
        if model == "disjoint":
            atoms += ((False,) * k,)  # the outcomes in none of them
    elif model in ("nested", "reversed"):
        # the first named event inside the second, inside the third... (or the other way round)
        atoms = tuple(tuple((i >= j) if model == "nested" else (i <= k - 1 - j) for i in range(k)) for j in range(k))
        atoms += ((False,) * k,)
    elif model == "family":
        # the events of one letter with different indices (B_1, B_2, ...) a partition, the others generic
        family = _family(names)
        others = [i for i in range(k) if i not in family]
        atoms = []
        for member in family or [None]:
            for pattern in itertools.product((True, False), repeat=len(others)):
                inside = dict(zip(others, pattern))
                atoms.append(tuple(inside[i] if i in inside else i == member for i in range(k)))
        atoms = tuple(atoms)
    else:
        atoms = tuple(itertools.product((True, False), repeat=k))
    # weights far from each other's sums: no two events of the generic space have equal chances
    weights = tuple(Fraction(rng.randint(10, 10_000)) for _ in atoms)
    return weights, atoms


def writes_empty(tree: n.Node, measures: tuple, model: str) -> bool:
    """Whether ``tree`` takes the probability of an event that is empty in the space of ``model``
    (``P(A \\cap B)`` where the events are disjoint): a line that writes it does not assume it."""
    heads = dict(measures)
    for node in tree.walk():
        if isinstance(node, n.Apply) and node.func.key in heads:
            names = heads[node.func.key]
            _, atoms = _space(0, node.func.key, names, model)
            if not _intersection(node.args, names, atoms):
                return True
    return False


def _family(names: tuple) -> list[int]:
    """The positions of the largest set of named events of one letter with indices (B_1, B_2, B_3)."""
    letters: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        if name[2]:
            letters.setdefault(name[1], []).append(i)
    best = max(letters.values(), key=len, default=[])
    return best if len(best) >= 2 else []


def models(measures: tuple) -> tuple[str, ...]:
    """The spaces of what the prose may assume of a step's events: an assumption of two events or
    more (one event that is all of the space, or inside itself, is no assumption anyone writes),
    and of an indexed family when there is one."""
    most = max((len(names) for _, names in measures), default=0)
    if most < 2:
        return ("independent",)
    return tuple(m for m in MODELS if m != "family" or any(_family(names) for _, names in measures))
