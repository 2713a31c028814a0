"""Braces ``\\{f, g\\}`` read as Poisson brackets of functions on phase space.

Mechanics notes write {q, p} = 1, {q, H} = \\partial H / \\partial p and {x, L_z} = -y, the bracket
{f, g} = sum_i (df/dq_i dg/dp_i - df/dp_i dg/dq_i) over the canonical pairs. The pairs are the
momenta the bracket holds with their coordinates: p_i with q_i, p_x with x, p_\\theta with \\theta, a
plain p with q (or with the one coordinate written where no q is). The same braces are an
anticommutator in quantum notes ({x, p} = xp + px) and a set elsewhere, so the reading only verifies,
but in a passage whose prose speaks of Poisson brackets (see check._as_stated_brackets). A letter other
than a coordinate or a momentum written inside a bracket (H, L_z, a constant k) is a function whose
value the document must give: left as a letter it would be a constant, with every bracket of it 0.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from lintmath.independence import passage_statements
from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure

KIND = "poisson"  # the kind of a ContextItem whose prose speaks of Poisson brackets
REACH = 80  # a section's derivations, as declared.REACH
_KEYWORD = re.compile(r"\bPoisson[- ]brackets?\b", re.IGNORECASE)
# whether the step is checked in a passage whose prose speaks of Poisson brackets: there the braces are
# no anticommutator nor set, and a bracket that differs is refuted
_STATED: ContextVar[bool] = ContextVar("poisson_stated", default=False)


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that names Poisson brackets."""
    return passage_statements(lines, lambda sentence: bool(_KEYWORD.search(sentence)))


def stated() -> bool:
    """Whether the braces are read as the prose's Poisson brackets (see stating)."""
    return _STATED.get()


@contextmanager
def stating() -> Iterator[None]:
    token = _STATED.set(True)
    try:
        yield
    finally:
        _STATED.reset(token)


DIFFER = "differs with the braces read as Poisson brackets; as an anticommutator or a set it may hold: not decided"
# (worded as the checker's other names without a value, so that the definitions in force are put in)
UNDEFINED = "depends on {}, a function in a Poisson bracket, which is not defined here"
UNPAIRED = "a Poisson bracket whose momentum p pairs with no one coordinate is not decided"

MOMENTUM = "p"
COORDINATES = frozenset({"q", "x", "y", "z", "r", "\\theta", "\\phi", "\\varphi", "\\psi"})


def unread(failure: ParseFailure) -> bool:
    """Whether parsing stopped at a comma inside braces: \\{f, g\\}."""
    reason = str(failure.args[0]) if failure.args else ""
    return reason.startswith("a list in brackets (\\{")


def _canonical(sym: n.Sym) -> bool:
    """A coordinate or a momentum as phase-space notes write them: q, q_1, x, \\theta, p, p_x, p_2."""
    if sym.style or sym.labels or sym.primes or sym.sup_letter is not None:
        return False
    if sym.base == MOMENTUM:
        return len(sym.indices) <= 1
    if sym.base == "q":
        return len(sym.indices) <= 1
    return sym.base in COORDINATES and not sym.indices


def canonical(node: n.Node) -> bool:
    """Whether ``node`` is a coordinate or a momentum of phase space (see _canonical)."""
    return isinstance(node, n.Sym) and _canonical(node)


def _brackets(*trees: n.Node) -> list[n.Func]:
    return [x for tree in trees for x in tree.walk() if isinstance(x, n.Func) and x.name == n.POISSON]


def readable(*trees: n.Node) -> bool:
    """Whether the step holds a bracket with a coordinate or a momentum in it, and no integral, sum or
    derivative in time beside it (a bracket of a functional is no bracket of points)."""
    found = _brackets(*trees)
    # {A, B} of operators, {a, b} a set: a bracket of phase space writes a coordinate or a momentum
    if not any(isinstance(x, n.Sym) and _canonical(x) for b in found for arg in b.args for x in arg.walk()):
        return False
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, (n.Integral, n.BigOp, n.Optimum)):
                return False
            if isinstance(node, n.Sym) and n.undotted(node)[1]:
                return False
    return True


# the letters a Hamiltonian written out multiplies its coordinates and momenta by (p^2/2m, m\omega^2 q^2/2, kq^2/2,
# mgq): lower-case and plain, as masses, frequencies and spring constants are written. f, h, u, v, w are the
# functions on phase space as often, and a capital (H, L_z, V, A) is left to the document as ever
_COEFFICIENT_GREEK = frozenset("\\" + name for name in (
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "kappa", "lambda", "mu", "nu", "omega", "sigma",
    "tau", "ell"))
_NOT_COEFFICIENTS = frozenset("fhuvw")


def _coefficient_letter(sym: n.Sym) -> bool:
    """Whether ``sym`` is written as a constant of a Hamiltonian is: m, k, \\omega_0, g (see _COEFFICIENT_GREEK)."""
    if sym.style or sym.primes or sym.sup_letter is not None or sym.labels:
        return False
    if not all(isinstance(i, (n.Num, n.Sym)) for i in sym.indices):
        return False
    base = sym.base
    return base in _COEFFICIENT_GREEK or (len(base) == 1 and base.islower() and base not in _NOT_COEFFICIENTS)


def _holds_canonical(node: n.Node, arg: n.Node) -> bool:
    return any(isinstance(x, n.Sym) and _canonical(x) and not _inside_index(x, arg) for x in node.walk())


def _functions_of(node: n.Node, arg: n.Node, multiplies: bool, out: set[str]) -> None:
    """Put in ``out`` the letters of ``node`` that are functions on phase space: every letter of a summand
    with no coordinate or momentum in it (H, V, a constant k alone: its bracket would be 0), and a letter
    that multiplies one only where it is not written as a constant is (see _coefficient_letter)."""
    if isinstance(node, n.Add):
        for term in node.terms:
            _functions_of(term, arg, _holds_canonical(term, arg), out)
        return
    if isinstance(node, n.Sym):
        if not _canonical(node) and not _inside_index(node, arg) and not (multiplies and _coefficient_letter(node)):
            out.add(node.key)
        if not _canonical(node):
            return
    for child in node.children():
        _functions_of(child, arg, multiplies, out)


def written_functions(*trees: n.Node) -> frozenset[str]:
    """The keys of the letters written inside the brackets that are neither coordinates nor momenta nor
    the constants a Hamiltonian written out multiplies them by: they must be put in by their definitions
    before the bracket is taken."""
    out: set[str] = set()
    for bracket in _brackets(*trees):
        for arg in bracket.args:
            _functions_of(arg, arg, _holds_canonical(arg, arg), out)
    return frozenset(out)


def _inside_index(sym: n.Sym, tree: n.Node) -> bool:
    """Whether ``sym`` is the index of another letter (the x of p_x), not a letter of its own."""
    return any(isinstance(x, n.Sym) and any(sym is y for i in x.indices for y in i.walk()) for x in tree.walk())


def momentum_labels(*trees: n.Node) -> frozenset[str]:
    """The coordinates that name momenta (the x of p_x, the \\theta of p_\\theta): labels, not indices
    that take integer values, so that p_x and the x beside it stay a pair."""
    return frozenset(i.base for tree in trees for x in tree.walk()
                     if isinstance(x, n.Sym) and x.base == MOMENTUM and _canonical(x) and x.indices
                     for i in x.indices[:1] if isinstance(i, n.Sym) and i.base in COORDINATES and _canonical(i))


def phase_space_labels(*trees: n.Node) -> frozenset[str]:
    """The momentum labels (see momentum_labels) of a step that differentiates by a momentum so named or
    by its coordinate (\\partial H / \\partial p_r beside p_\\phi): in Hamiltonian mechanics p_r and p_\\phi
    are two variables, where indices with integer values would make them one entry now and then. A
    sum over the letter keeps it an index (\\sum_x p_x \\log p_x)."""
    labels = momentum_labels(*trees)
    if not labels:
        return labels
    bound = {x.var for tree in trees for x in tree.walk() if isinstance(x, n.BigOp)}
    by = {v.base if v.base != MOMENTUM else (v.indices[0].base if isinstance(v.indices[0], n.Sym) else "")
          for tree in trees for x in tree.walk() if isinstance(x, n.Deriv)
          for v, _ in x.wrt if isinstance(v, n.Sym) and _canonical(v) and (v.base != MOMENTUM or v.indices)}
    return frozenset(label for label in labels & by if label not in bound)


def pairs(*args: n.Node) -> list[tuple[n.Sym, n.Sym]]:
    """The (coordinate, momentum) pairs of the momenta the bracket's arguments hold. Raises ValueError
    where a plain p has no one coordinate to pair with."""
    syms = [x for arg in args for x in arg.walk() if isinstance(x, n.Sym) and _canonical(x)
            and not any(_inside_index(x, arg) for arg in args)]
    momenta = {n.structure(x): x for x in syms if x.base == MOMENTUM}
    plain = {x.base for x in syms if x.base != MOMENTUM and not x.indices}
    out = []
    for momentum in momenta.values():
        if not momentum.indices:
            # {\theta, p^2/2m\ell^2}: a plain p is the momentum of q, else of the one coordinate written
            others = plain - {"q"}
            if "q" in plain or not others:
                base = "q"
            elif len(others) == 1:
                base = next(iter(others))
            else:
                raise ValueError(UNPAIRED)
            out.append((n.Sym(momentum.start, momentum.end, base), momentum))
            continue
        index = momentum.indices[0]
        if isinstance(index, n.Sym) and index.base in COORDINATES and not index.indices and not index.style:
            out.append((n.Sym(index.start, index.end, index.base), momentum))
        else:
            out.append((n.Sym(momentum.start, momentum.end, "q", indices=(index,)), momentum))
    return out
