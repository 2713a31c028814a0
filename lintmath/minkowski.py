"""Lorentz tensors written with Greek indices: ``p^\\mu p_\\mu = \\eta_{\\mu\\nu} p^\\mu p^\\nu``,
``\\eta_{\\mu\\nu}\\eta^{\\nu\\rho} = \\delta_\\mu^\\rho``, ``\\delta^\\mu_\\mu = 4``, ``\\partial_\\mu(x^\\nu x_\\nu) = 2x_\\mu``.

In a step that writes a Greek subscript, a Greek letter written as an index (a subscript, or a
superscript of Greek letters on a letter other than e) runs over 0..3; a letter written once up and once
down in a product is summed (Einstein's convention), one written once is free and must be free in every
term, on both sides. Each tensor is its contravariant components, one symbol each (p^0, p^3 written
beside p^\\mu are two of them); a lower index is lowered with the Minkowski metric
\\eta = diag(s, -s, -s, -s), \\delta^\\mu_\\nu is Kronecker's, and \\partial_\\mu differentiates by x^\\mu an operand
that writes the coordinates x and nothing else (see parser._lorentz_coordinate). The step is decided for
every value of its free indices under both signatures, s = +1 and s = -1, and under the one the prose
states (``\\eta_{\\mu\\nu} = \\mathrm{diag}(-1,1,1,1)``, ``signature (+,-,-,-)``, "mostly plus").

The reading only ever verifies: a step that holds under both signatures, or under the stated one, is
verified; one that holds under the other one only is left unverified, saying so; one that holds under
neither is left as it was, since a relation such as p^\\mu p_\\mu = -m^2c^2 is physics, not an identity.
What the reading does not know (a general metric g, which lowers indices itself; a field's derivative;
functions; three-vectors; an index twice up or twice down) leaves the step as it was."""
from __future__ import annotations

import itertools
import re
from typing import Iterable, Mapping

import sympy as sp

from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

BOTH_SIGNATURES = ("read with Greek indices over 0..3, a repeated one summed (one up, one down) and indices "
                   "lowered by the Minkowski metric: holds under either signature")
ONE_SIGNATURE = ("holds with Greek indices summed and lowered by the Minkowski metric of signature {0} only; "
                 "which signature the notes use only the prose says: not decided")

_GREEK = frozenset({"\\alpha", "\\beta", "\\gamma", "\\delta", "\\epsilon", "\\zeta", "\\eta", "\\theta", "\\iota",
                    "\\kappa", "\\lambda", "\\mu", "\\nu", "\\xi", "\\rho", "\\sigma", "\\tau", "\\phi", "\\chi",
                    "\\psi", "\\omega", "\\varepsilon", "\\varphi", "\\vartheta", "\\varrho", "\\varsigma"})
DIMENSION = 4
# free indices decided at most (4^3 assignments)
MAX_FREE = 3
# the metrics the reading knows: Minkowski's (\eta) and Kronecker's delta; a general g is not known
_METRIC, _DELTA = "\\eta", "\\delta"


class _Unread(Exception):
    """The step is outside the reading (see the module's docstring)."""


def _letters(node: n.Node) -> list[str] | None:
    """The Greek letters of a superscript (\\mu, {\\mu\\nu}); None for anything else."""
    parts = node.factors if isinstance(node, n.Mul) and not node.explicit else (node,)
    if all(isinstance(p, n.Sym) and p.base in _GREEK and not p.indices and not p.style and not p.primes
           and not p.labels and p.sup_letter is None for p in parts):
        return [p.base for p in parts]
    return None


def _tensor(node: n.Node, lowered: frozenset[str]) -> tuple[str, list[tuple[str, str]]] | None:
    """(name, [(letter, 'u' or 'd'), ...]) of a tensor written with Greek indices: p_\\mu, p^\\mu,
    F^{\\mu\\nu}, \\delta^\\mu_\\nu; None where ``node`` is no such tensor. A superscript counts only where its
    letters are written as subscripts somewhere in the step (``lowered``): e^\\phi is a power."""
    base, up = node, []
    if isinstance(node, n.Pow) and isinstance(node.base, n.Sym):
        letters = _letters(node.exp)
        # beside a Greek subscript a Greek superscript is an index too (no step is read without one)
        if letters is None or not lowered:
            return None
        base, up = node.base, letters
    if not isinstance(base, n.Sym) or base.style or base.primes or base.labels or base.sup_letter is not None:
        return None
    down = [i.base for i in base.indices if isinstance(i, n.Sym) and i.base in _GREEK and not i.indices]
    if len(down) != len(base.indices) or not (up or down):
        return None
    if base.base in _GREEK - {_METRIC, _DELTA} or base.base == "e":
        raise _Unread("a Greek letter or e carrying an index")
    if base.base == "g":
        # a general metric lowers the indices itself, not \eta: curved spacetime is not read
        raise _Unread("a general metric g")
    return base.base, [(x, "u") for x in up] + [(x, "d") for x in down]


class _Evaluator:
    def __init__(self, lowered: frozenset[str], sign: int):
        self.lowered = lowered
        self.metric = [sign] + [-sign] * (DIMENSION - 1)
        self.ranks: dict[str, int] = {}
        self.scalars: dict[str, sp.Symbol] = {}
        # the names written with Greek indices: p^0 or a bare p beside p^\mu is no scalar
        self.tensors: set[str] = set()

    def free(self, node: n.Node) -> dict[str, str]:
        """The free letters of ``node`` and their places; raises where the convention does not read it."""
        tensor = _tensor(node, self.lowered)
        if tensor is not None:
            name, indices = tensor
            if name != _DELTA and name != _METRIC:
                if self.ranks.setdefault(name, len(indices)) != len(indices):
                    raise _Unread("a tensor written with different numbers of indices")
            elif len(indices) != 2:
                raise _Unread("a metric with other than two indices")
            return self.combined([{x: place} for x, place in indices])
        if isinstance(node, n.Num):
            return {}
        if self.component(node) is not None:
            return {}
        if isinstance(node, n.Sym):
            if node.indices or node.base in self.lowered or node.base in self.tensors or node.style not in ("", "rm") or node.primes \
                    or node.labels or node.sup_letter is not None or node.base in (_METRIC, _DELTA, "g"):
                raise _Unread("a symbol the reading does not know")
            return {}
        if isinstance(node, n.Paren):
            return self.free(node.inner)
        if self.along(node) is not None:
            return self.combined([{self.along(node): "d"}, self.free(node.body)])
        if isinstance(node, n.Add):
            frees = [self.free(t.node) for t in node.terms]
            if any(f != frees[0] for f in frees):
                raise _Unread("terms with different free indices")
            return frees[0]
        if isinstance(node, n.Mul):
            return self.combined([self.free(f) for f in node.factors])
        if isinstance(node, n.Div):
            if self.free(node.den):
                raise _Unread("a free index in a denominator")
            return self.free(node.num)
        if isinstance(node, n.Pow) and isinstance(node.exp, n.Num):
            if self.free(node.base):
                raise _Unread("a power of a component with a free index")
            return {}
        if isinstance(node, n.Sqrt) and node.index is None:
            if self.free(node.radicand):
                raise _Unread("a root of a component with a free index")
            return {}
        raise _Unread(f"{type(node).__name__} is not read")

    @staticmethod
    def along(node: n.Node) -> str | None:
        """The Greek letter of \\partial_\\mu (the parser's derivative by the coordinate x_\\mu), whose operand
        writes no other tensor than x (see parser._lorentz_coordinate); None for any other node."""
        if not (isinstance(node, n.Deriv) and len(node.wrt) == 1 and node.wrt[0][1] == 1):
            return None
        var = node.wrt[0][0]
        if not (isinstance(var, n.Sym) and var.base == "x" and len(var.indices) == 1
                and isinstance(var.indices[0], n.Sym) and var.indices[0].base in _GREEK):
            return None
        # the index letters: a symbol's subscripts, and superscripts of Greek letters
        letters = {id(y) for x in node.body.walk() if isinstance(x, n.Sym) for i in x.indices for y in i.walk()}
        letters |= {id(y) for x in node.body.walk() if isinstance(x, n.Pow) and _letters(x.exp) is not None
                    for y in x.exp.walk()}
        if any(isinstance(x, n.Sym) and id(x) not in letters and x.base not in ("x", _METRIC, _DELTA)
               or isinstance(x, (n.Apply, n.Func, n.Deriv)) for x in node.body.walk()):
            # a letter or a field beside the coordinates may depend on them: not read
            raise _Unread("a derivative of more than the coordinates")
        return var.indices[0].base

    def component(self, node: n.Node) -> tuple[str, int, str] | None:
        """(name, value, place) of a written component of a four-vector, p^0 or p_3 beside p^\\mu."""
        if isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and isinstance(node.exp, n.Num):
            sym, index, place = node.base, node.exp, "u"
            if sym.indices:
                return None
        elif isinstance(node, n.Sym) and len(node.indices) == 1 and isinstance(node.indices[0], n.Num):
            sym, index, place = node, node.indices[0], "d"
        else:
            return None
        if sym.base not in self.tensors or sym.style or sym.primes or sym.labels or sym.sup_letter is not None \
                or index.value not in ("0", "1", "2", "3"):
            return None
        if self.ranks.setdefault(sym.base, 1) != 1:
            raise _Unread("a component of a tensor of two indices")
        return sym.base, int(index.value), place

    @staticmethod
    def combined(parts: list[dict[str, str]]) -> dict[str, str]:
        seen: dict[str, list[str]] = {}
        for part in parts:
            for letter, place in part.items():
                seen.setdefault(letter, []).append(place)
        if any(len(p) > 2 or len(p) == 2 and sorted(p) != ["d", "u"] for p in seen.values()):
            # an index three times, or twice in the same place: no Lorentz contraction
            raise _Unread("an index written twice up or twice down, or three times")
        return {letter: p[0] for letter, p in seen.items() if len(p) == 1}

    def summed(self, factors: list[n.Node]) -> list[str]:
        counts: dict[str, int] = {}
        for f in factors:
            for letter in self.free(f):
                counts[letter] = counts.get(letter, 0) + 1
        return sorted(letter for letter, c in counts.items() if c == 2)

    def value(self, node: n.Node, at: dict[str, int]) -> sp.Expr:
        tensor = _tensor(node, self.lowered)
        if tensor is not None:
            name, indices = tensor
            own = sorted({x for x, _ in indices if [y for y, _ in indices].count(x) == 2})
            if own and not set(own) & set(at):
                # T^\mu{}_\mu, \delta^\mu_\mu: a trace, summed over its own repeated letter
                return sp.Add(*[self.value(node, {**at, **dict(zip(own, v))})
                                for v in itertools.product(range(DIMENSION), repeat=len(own))])
            values = [at[x] for x, _ in indices]
            if name in (_DELTA, _METRIC):
                same = sp.Integer(int(values[0] == values[1]))
                # \eta^\mu{}_\nu, one index raised by the metric itself, is Kronecker's delta, not diag(s, -s, -s, -s)
                if name == _DELTA or indices[0][1] != indices[1][1]:
                    return same
                return same * self.metric[values[0]]
            # the contravariant component, each lower index lowered by the diagonal metric
            component = sp.Symbol(f"{name}^{''.join(map(str, values))}")
            for (x, place), v in zip(indices, values):
                if place == "d":
                    component *= self.metric[v]
            return component
        if isinstance(node, n.Num):
            return sp.Rational(node.value)
        component = self.component(node)
        if component is not None:
            name, v, place = component
            return sp.Symbol(f"{name}^{v}") * (self.metric[v] if place == "d" else 1)
        if isinstance(node, n.Sym):
            return self.scalars.setdefault(node.key, sp.Symbol(f"s:{node.key}"))
        if isinstance(node, n.Paren):
            return self.value(node.inner, at)
        letter = self.along(node)
        if letter is not None:
            own = [letter] if letter in self.free(node.body) and letter not in at else []
            total = sp.Integer(0)
            for values in itertools.product(range(DIMENSION), repeat=len(own)):
                inner = {**at, **dict(zip(own, values))}
                total += sp.diff(self.value(node.body, inner), sp.Symbol(f"x^{inner[letter]}"))
            return total
        if isinstance(node, n.Add):
            return sp.Add(*[(1 if t.sign == "+" else -1) * self.value(t.node, at) for t in node.terms])
        if isinstance(node, n.Mul):
            letters = self.summed(list(node.factors))
            total = sp.Integer(0)
            for values in itertools.product(range(DIMENSION), repeat=len(letters)):
                inner = {**at, **dict(zip(letters, values))}
                total += sp.Mul(*[self.value(f, inner) for f in node.factors])
            return total
        if isinstance(node, n.Div):
            return self.value(node.num, at) / self.value(node.den, at)
        if isinstance(node, n.Pow):
            return self.value(node.base, at) ** sp.Rational(node.exp.value)
        if isinstance(node, n.Sqrt):
            return sp.sqrt(self.value(node.radicand, at))
        raise _Unread(f"{type(node).__name__} is not read")


def _lowered(*trees: n.Node) -> frozenset[str]:
    """The Greek letters written as subscripts of a symbol."""
    return frozenset(i.base for t in trees for x in t.walk() if isinstance(x, n.Sym)
                     for i in x.indices if isinstance(i, n.Sym) and i.base in _GREEK and not i.indices)


def _holds(lhs: n.Node, rhs: n.Node, lowered: frozenset[str], sign: int) -> bool:
    evaluator = _Evaluator(lowered, sign)
    evaluator.tensors = {x.base for side in (lhs, rhs) for x in side.walk() if isinstance(x, n.Sym)
                         and any(isinstance(i, n.Sym) and i.base in lowered for i in x.indices)} | {
        x.base.base for side in (lhs, rhs) for x in side.walk() if isinstance(x, n.Pow)
        and isinstance(x.base, n.Sym) and _letters(x.exp) is not None}
    free = [evaluator.free(side) for side in (lhs, rhs)]
    if free[0] != free[1] and not any(isinstance(s, n.Num) and s.value == "0" for s in (lhs, rhs)):
        raise _Unread("the free indices of the two sides differ")
    letters = sorted(set(free[0]) | set(free[1]))
    if len(letters) > MAX_FREE:
        raise _Unread("too many free indices")
    for values in itertools.product(range(DIMENSION), repeat=len(letters)):
        at = dict(zip(letters, values))
        if sp.simplify(evaluator.value(lhs, at) - evaluator.value(rhs, at)) != 0:
            return False
    return True


AGAINST_STATED = ("holds with Greek indices summed and lowered by the Minkowski metric of signature {0} only, not "
                  "with the {1} stated at {2} (a slip of sign, or a passage in the other convention): not decided")
STATED_SIGNATURE = ("read with Greek indices over 0..3, a repeated one summed (one up, one down) and indices "
                    "lowered by the Minkowski metric of signature {0} stated at {1}")

KIND = "signature"  # the kind of a ContextItem that states the metric's signature: rhs the sign of eta_00

# \mathrm{diag}(-1, 1, 1, 1), signature (-,+,+,+) or (-+++), "mostly plus": the sign of the time entry
_DIAGONAL = re.compile(r"diag\}?\s*(?:\\left)?\(\s*([+-]?)\s*1\s*,\s*([+-]?)\s*1\s*,\s*([+-]?)\s*1\s*,"
                       r"\s*([+-]?)\s*1\s*(?:\\right)?\)")
_SIGNS = re.compile(r"\(\s*([+-])\s*,?\s*([+-])\s*,?\s*([+-])\s*,?\s*([+-])\s*\)")
_MOSTLY = re.compile(r"mostly[- ](plus|minus)", re.IGNORECASE)


def _signs_of(sentence: str) -> set[int]:
    """The signs of eta_00 that a sentence states (several where it names both conventions)."""
    found = set()
    for pattern in (_DIAGONAL, _SIGNS):
        for match in pattern.finditer(sentence.replace("{", "").replace("}", "")):
            signs = [-1 if g == "-" else 1 for g in match.groups()]
            if signs[1:] == [-signs[0]] * 3:
                found.add(signs[0])
    found.update(-1 if m.group(1).lower() == "plus" else 1 for m in _MOSTLY.finditer(sentence))
    return found


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, int]]:
    """(line, sign of eta_00) for every sentence of the prose that states one signature: a sentence that
    names both (one the notes use, one they do not) states none."""
    from lintmath.independence import prose_sentences
    out = []
    for line, sentence in prose_sentences(lines):
        if "diag" in sentence or "+" in sentence or "mostly" in sentence.lower():
            signs = _signs_of(sentence)
            if len(signs) == 1 and ("signature" in sentence.lower() or "metric" in sentence.lower()
                                    or "\\eta" in sentence or "mostly" in sentence.lower()):
                out.append((line, signs.pop()))
    return out


def stated_signature(context: Iterable) -> tuple[int, str] | None:
    """The sign of \\eta_{00} that the prose in force states, and where; None where it states none, or both."""
    found = {(int(item.rhs), item.where) for item in context if item.kind == KIND}
    return next(iter(found)) if len({sign for sign, _ in found}) == 1 else None


def decide(lhs: str, rhs: str, macros: Mapping[str, Macro] | None = None,
           context: Iterable = ()) -> tuple[bool, str] | None:
    """(verified, reason): verified where the step holds read so under both signatures (BOTH_SIGNATURES) or
    under the one the prose in ``context`` states (STATED_SIGNATURE); not where it holds under one only,
    which the prose does not state (ONE_SIGNATURE) or contradicts (AGAINST_STATED). None where the reading
    does not apply or the step holds under neither."""
    try:
        trees = [parse_math(side, macros or {}) for side in (lhs, rhs)]
    except Exception:  # noqa: BLE001 - a side that cannot be read is outside the reading
        return None
    lowered = _lowered(*trees)
    if not lowered:
        return None
    try:
        holds = {sign: _holds(trees[0], trees[1], lowered, sign) for sign in (1, -1)}
    except (_Unread, ValueError, TypeError, ZeroDivisionError, KeyError):
        return None
    if all(holds.values()):
        return True, BOTH_SIGNATURES
    name = {-1: "(-,+,+,+)", 1: "(+,-,-,-)"}
    stated = stated_signature(context)
    if stated is not None and holds[stated[0]]:
        return True, STATED_SIGNATURE.format(name[stated[0]], stated[1])
    if stated is not None and any(holds.values()):
        return False, AGAINST_STATED.format(name[-stated[0]], name[stated[0]], stated[1])
    if any(holds.values()):
        return False, ONE_SIGNATURE.format("(-,+,+,+)" if holds[-1] else "(+,-,-,-)")
    return None
