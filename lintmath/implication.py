"""Equations joined by ``\\Rightarrow``, ``\\iff`` or ``\\Leftarrow``: does the one follow from the other?

A chain that solves an equation (``4z + 1 = 9 \\Rightarrow 4z = 8 \\Rightarrow z = 2``) claims of each
arrow that every solution of the equation before it solves the equation after it (and back, for
``\\iff``). Such a step is *verified* when the two equations are proportional (one rearranged, or
divided by a number), or, in one unknown, when the solutions of the first (the real roots of a rational
function, or the finite real set solveset finds for a logarithm or a power, see _solved_roots) all
solve the second. It is *refuted* only when the first equation has real solutions and
none of them solves the second (``4z + 1 = 9`` and ``4z = 10``), or when two linear equations are
parallel (``2x + 4y = 10`` and ``x + 2y = 6``): no premise stated elsewhere (a domain, another
equation of a system) joins two disjoint solution sets. A lost root (``x^2 = x \\Rightarrow x = 1``,
dividing by x) or a gained one is left unverified: authors restrict the domain in prose.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Mapping

import sympy as sp

from lintmath import equations
from lintmath.lower import Instance, Lowerer, classify_letters
from lintmath.model import Diagnosis, Macro, Status, Verdict
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure
from lintmath.relations import PLUS_MINUS, find_relations, with_signs

NOT_EQUATIONS = "an implication between statements that are not two plain equations is not checked"
UNDECIDED = "the solutions of the two equations are not compared: not decided"
SOLVED = "the second equation solves the first for one letter"
PROPORTIONAL = "the second equation is the first rearranged (proportional differences)"
SOLUTIONS_KEPT = "every solution of the first equation solves the second"
SAME_SOLUTIONS = "the two equations have the same real solutions"
ROUNDED = "the second equation may write a rounded solution of the first"
DISJOINT = "no solution of the first equation solves the second"
PARALLEL = "the two linear equations are parallel: no point solves both"
SWAPPED = "the second equation is the first with two letters exchanged (a renaming, as for an inverse function)"
DEGREES = "one equation writes an angle in degrees and the other a bare number: the unit is not decided"
NON_REAL = "the second equation keeps the non-real solutions of the first (the real ones excluded in the prose)"

#: the scalar reading's verdict on equations of vectors or matrices, or of what it cannot lower
_NOT_SCALAR = Verdict(Status.UNVERIFIED, UNDECIDED)

#: what makes a clause more than one equation (a condition, alternatives, a system, a note): such a
#: step is not read, since the arrow may rest on the part the equation leaves out
_MORE_THAN_AN_EQUATION = re.compile(
    r"[,;]|\\(?:text\w*|mbox|mathrm\s*\{\s*(?:or|and)|operatorname\s*\{\s*(?:or|and)|q?quad|pm|mp|lor|vee|land|wedge"
    r"|forall|exists|in|neq|ne|not)(?![a-zA-Z])|\b(?:or|and|if)\b")
_DECIMALS = re.compile(r"(?<![\d.])\d*\.(\d+)")
_MAX_DEGREE = 12
_CLOSE = 1e-9
#: CPU seconds solveset is given for an equation that is no rational function (log, exp)
SOLVE_SECONDS = 0.5


def check_implication(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro] | None = None,
                      identity: Callable[[str, str], Status] | None = None) -> Verdict:
    """Decide ``lhs REL rhs`` for ``REL`` one of ``=>``, ``<==``, ``<=>`` between two equations.
    ``identity`` decides an identity ``left = right`` the way a step is decided (vectors, matrices,
    sums): an arrow between equations that are not scalar is verified by it when the one difference
    is a small multiple of the other (``2X^Tw - 2X^Ty = 0 \\iff X^TXw = X^Ty``)."""
    if relation == "<==":
        lhs, rhs = rhs, lhs
    first, second = _equations(lhs, macros or {}), _equations(rhs, macros or {})
    if len(first) != 1 or not second:
        return Verdict(Status.SKIPPED, NOT_EQUATIONS)
    # a rounded number on either side (x = 3.33 => 3x = 10, t^2 = 4.08 => t = 2.02) may be the
    # one the solution was rounded to
    verdict = _scalar(first[0], second, relation, macros or {}, _decimal_places(lhs + " " + rhs))
    if verdict is _NOT_SCALAR:
        # a scalar equation's multiples are found by sampling (equations.proportional); only one the
        # scalar reading cannot take pays for comparisons as an identity
        multiple = _multiple(first[0], second[0], identity) if identity is not None and len(second) == 1 else None
        return multiple or Verdict(Status.UNVERIFIED, UNDECIDED)
    if verdict.status is Status.REFUTED and _BARE_LOG.search(lhs + " " + rhs):
        # \log x = 2 => x = 100: a logarithm without a base may be the common one (school texts,
        # engineering), so an arrow is refuted only where that reading refutes it as well
        common = check_implication(_BARE_LOG.sub(r"\\log_{10}", lhs), _BARE_LOG.sub(r"\\log_{10}", rhs),
                                   "=>" if relation == "<==" else relation, macros)
        if common.status is not Status.REFUTED:
            return Verdict(Status.UNVERIFIED, UNDECIDED)
    return verdict


#: a logarithm without a base (see check_implication; solving.py reads rows the same way)
_BARE_LOG = re.compile(r"\\log(?![A-Za-z_])|\\lg(?![A-Za-z])")


def _scalar(first: _Equation, second: list[_Equation], relation: str, macros: Mapping[str, Macro],
            places: int) -> Verdict:
    trees = [eq.sides for eq in (first, *second)]
    try:
        letters = classify_letters(*(t for pair in trees for t in pair))
        if letters.vectors or letters.matrices or letters.candidates or letters.kets:
            # products that do not commute: decided as identities (see _multiple), not as scalars
            return _NOT_SCALAR
        lowerer = Lowerer(Instance(3, {}, {}), letters)
        a, *bs = [lowerer.lower(left) - lowerer.lower(right) for left, right in trees]
    except Exception:  # noqa: BLE001 - an equation not read as numbers is left to the identity check
        return _NOT_SCALAR
    if not all(isinstance(e, sp.Expr) and not isinstance(e, sp.MatrixBase) for e in (a, *bs)):
        return _NOT_SCALAR
    # a diagnosis edits the step's right side: only an implied equation written once, on the right
    edited = second[0] if len(second) == 1 and relation != "<==" else None
    try:
        verdict = _decide(a, bs, relation, edited, places)
    except (TypeError, ValueError, ZeroDivisionError, sp.PolynomialError, NotImplementedError):
        return Verdict(Status.UNVERIFIED, UNDECIDED)
    if verdict.reason == PARALLEL and len(second) == 1 and _swapped(first, second[0], a, bs[0]):
        return Verdict(Status.UNVERIFIED, SWAPPED)
    if verdict.status is Status.REFUTED and len({_in_degrees(eq) for eq in (first, *second)}) > 1:
        # 3\theta = 90 => \theta = 30^\circ: the bare 90 is in degrees too, which no reading says
        return Verdict(Status.UNVERIFIED, DEGREES)
    return verdict


def _in_degrees(eq: _Equation) -> bool:
    """Whether the equation writes an angle in degrees (``30^\\circ``)."""
    return any(isinstance(x, n.Func) and x.name == "degrees" for side in eq.sides for x in side.walk())


def _multiple(first: _Equation, second: _Equation, identity: Callable[[str, str], Status]) -> Verdict | None:
    """Verified when ``first``'s difference is a small multiple of ``second``'s as an identity."""
    mine, other = first.difference, second.difference
    for factor in _multiples(first, second):
        status = identity(mine, f"{_written(factor)}\\left({other}\\right)")
        if status is Status.VERIFIED:
            return Verdict(Status.VERIFIED, PROPORTIONAL)
        if status is not Status.REFUTED:
            return None  # unread: another multiple is read no better
    return None


def _multiples(first: _Equation, second: _Equation) -> list[Fraction]:
    """The factors tried, most likely first: 1 and -1 (terms moved across), the ratio of the numbers
    the two equations' terms lead with (``6Mc - 6d = 0`` and ``Mc = d``), then halving and doubling."""
    out = [Fraction(1), Fraction(-1)]
    mine, other = _common_number(first.sides), _common_number(second.sides)
    if mine and other:
        out += [mine / other, -mine / other]
    out += [Fraction(2), Fraction(1, 2), Fraction(-2), Fraction(-1, 2)]
    return list(dict.fromkeys(out))


def _common_number(sides: tuple[n.Node, n.Node]) -> Fraction | None:
    """The greatest whole number that every term of the equation leads with (1 for a bare term)."""
    leads = []
    for side in sides:
        for term in side.terms if isinstance(side, n.Add) else (side,):
            node = term.node if isinstance(term, n.Term) else term
            if isinstance(node, n.Mul) and isinstance(node.factors[0], n.Num):
                node = node.factors[0]
            if isinstance(node, n.Sym) and node.base == "0":
                continue  # the zero vector, like 0, leads no term
            if isinstance(node, n.Num):
                value = Fraction(node.value)
                if value.denominator != 1:
                    return None
                if value:
                    leads.append(abs(value.numerator))
            else:
                leads.append(1)
    return Fraction(math.gcd(*leads)) if leads else None


def _written(factor: Fraction) -> str:
    sign = "-" if factor < 0 else ""
    factor = abs(factor)
    if factor == 1:
        return sign
    if factor.denominator == 1:
        return f"{sign}{factor.numerator}"
    return f"{sign}\\frac{{{factor.numerator}}}{{{factor.denominator}}}"


@dataclass(frozen=True)
class _Equation:
    sides: tuple[n.Node, n.Node]
    text: str
    right: int  # where the right side starts in ``text``
    left_end: int  # where the left side ends (the relation starts)

    @property
    def difference(self) -> str:
        """``left - right`` as LaTeX."""
        return (f"\\left({self.text[:self.left_end]}\\right) - "
                f"\\left({self.text[self.right:]}\\right)")


def _equations(text: str, macros: Mapping[str, Macro]) -> list[_Equation]:
    """The one equation ``text`` writes, parsed; with ``\\pm`` (``x = \\pm 3``), the equation with
    each sign. Empty for anything else (an inequality, two equations, a condition in words)."""
    signs = PLUS_MINUS.findall(text)
    if _MORE_THAN_AN_EQUATION.search(PLUS_MINUS.sub("+", text)):
        return []
    found = find_relations(text)
    if len(found) != 1 or found[0].name != "=":
        return []
    rel, out = found[0], []
    for upper in ((True, False) if signs else (True,)):
        written = with_signs(text, upper)
        try:
            sides = parse_math(written[:rel.start], macros), parse_math(written[rel.end:], macros)
        except (ParseFailure, RecursionError):
            return []
        out.append(_Equation(sides, text, rel.end, rel.start))
    return out


def _decimal_places(text: str) -> int:
    """The most digits after a decimal point among the numbers ``text`` writes (a rounded result)."""
    return max((len(m) for m in _DECIMALS.findall(text)), default=0)


def _decide(a: sp.Expr, bs: list[sp.Expr], relation: str, edited: _Equation | None, places: int) -> Verdict:
    (a, *bs), free = equations.as_symbols(a, *bs)
    if not free or not a.free_symbols or not all(b.free_symbols for b in bs):
        return Verdict(Status.UNVERIFIED, UNDECIDED)  # an equation of numbers, or one without the unknown
    if len(bs) == 1 and equations.varies(a, free) and equations.varies(bs[0], free) \
            and equations.proportional(a, bs[0], free):
        return Verdict(Status.VERIFIED, PROPORTIONAL)
    if len(free) == 1 and all(a.free_symbols == b.free_symbols for b in bs):
        return _one_unknown(a, bs, free[0], relation, edited, places)
    if len(bs) == 1 and _solved_for(a, bs[0]):
        return Verdict(Status.VERIFIED, SOLVED)
    if len(bs) == 1 and a.free_symbols == bs[0].free_symbols and _parallel(a, bs[0], free):
        point = _point_on(a, free)
        if point is not None:
            return Verdict(Status.REFUTED, PARALLEL, counterexample=point)
    return Verdict(Status.UNVERIFIED, UNDECIDED)


def _solved_for(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether ``b = 0`` solves ``a = 0`` for one of its letters (``\\theta = \\frac{n_h}{n_h + n_t}``
    after ``\\frac{n_h}{\\theta} - \\frac{n_t}{1 - \\theta} = 0``): ``b`` is of degree 1 in that letter,
    with a number for its coefficient, ``a`` is too once its fractions are cleared, and the value ``b``
    gives the letter makes ``a`` vanish whatever the other letters are. Both then have one solution
    for that letter, the same one."""
    for v in sorted(b.free_symbols & a.free_symbols, key=sp.default_sort_key):
        pb, pa = b.as_poly(v), sp.fraction(sp.together(a))[0].as_poly(v)
        if pb is None or pa is None or pb.degree() != 1 or pa.degree() != 1 or not pb.LC().is_number:
            continue
        value = -pb.coeff_monomial(1) / pb.LC()
        rest = sorted(a.free_symbols - {v}, key=sp.default_sort_key)
        residual = a.subs(v, value)
        try:
            if rest and all(abs(r) < _CLOSE for r in equations.sample_values(residual, rest, 5)):
                return True
        except (TypeError, ValueError, ZeroDivisionError):
            continue
    return False


def _one_unknown(a: sp.Expr, bs: list[sp.Expr], x: sp.Symbol, relation: str, edited: _Equation | None,
                 places: int) -> Verdict:
    roots_a = _real_roots(a, x)
    if not roots_a:
        return Verdict(Status.UNVERIFIED, UNDECIDED)  # no real solution: the arrow claims nothing checkable
    roots_b = [_real_roots(b, x) for b in bs]

    def solves(r: sp.Expr) -> bool | None:  # None: b is undefined there
        values = [_value(b, x, r) for b in bs]
        if any(v is not None and abs(v) < _CLOSE for v in values):
            return True
        return None if None in values else False
    kept = [solves(r) for r in roots_a]
    if all(kept):
        if relation != "<=>":
            return Verdict(Status.VERIFIED, SOLUTIONS_KEPT)
        if all(rb is not None for rb in roots_b) and all(
                (v := _value(a, x, r)) is not None and abs(v) < _CLOSE for rb in roots_b for r in rb):
            return Verdict(Status.VERIFIED, SAME_SOLUTIONS)
        return Verdict(Status.UNVERIFIED, UNDECIDED)
    if any(k is not False for k in kept):
        return Verdict(Status.UNVERIFIED, UNDECIDED)  # some solution kept, or one where b is undefined
    if places and (any(rb is None for rb in roots_b) or any(
            abs(complex(r - s)) < 10 ** -places for rb in roots_b for s in rb for r in roots_a)):
        # x = 1.41 after x^2 = 2: a root rounded (or cut) to the digits written
        return Verdict(Status.UNVERIFIED, ROUNDED)
    if any(_whole_rounding(r, s) for rb in roots_b if rb for s in rb for r in roots_a):
        return Verdict(Status.UNVERIFIED, ROUNDED)
    if len(bs) == 1 and _keeps_non_real(a, bs[0], x):
        return Verdict(Status.UNVERIFIED, NON_REAL)
    point = ((str(x), _shown(roots_a[0])),)
    return Verdict(Status.REFUTED, DISJOINT, counterexample=point,
                   diagnosis=_number_slip(edited, bs[0], x, roots_a) if edited else None)


def _as_fraction(e: sp.Expr, x: sp.Symbol) -> tuple[sp.Poly, sp.Poly] | None:
    """``e`` as a quotient of polynomials in ``x``, the numerator of modest degree, or None."""
    num, den = sp.fraction(sp.together(e))
    if not (num.is_polynomial(x) and den.is_polynomial(x)):
        return None
    p, q = sp.Poly(num, x), sp.Poly(den, x)
    return (p, q) if 0 <= p.degree() <= _MAX_DEGREE else None


def _real_roots(e: sp.Expr, x: sp.Symbol) -> list[sp.Expr] | None:
    """The real solutions of ``e = 0`` for ``e`` rational in ``x``: the real roots of its numerator
    where the denominator is not 0. None when ``e`` is no rational function of modest degree."""
    fraction = _as_fraction(e, x)
    if fraction is None:
        return _solved_roots(e, x)
    if fraction[1].degree() > _MAX_DEGREE:
        return None
    p, q = fraction
    if p.degree() == 0:
        return []
    if all(c.is_rational for c in p.all_coeffs()):
        roots = list(dict.fromkeys(sp.real_roots(p)))
    elif all(c.is_number for c in p.all_coeffs()):
        roots = [sp.re(r) for r in p.nroots(n=30) if abs(sp.im(r)) < _CLOSE]
    else:
        return None
    return [r for r in roots if abs(complex(q.as_expr().evalf(30, subs={x: r}))) > _CLOSE]


def _solved_roots(e: sp.Expr, x: sp.Symbol) -> list[sp.Expr] | None:
    """The real solutions of ``e = 0`` for ``e`` no rational function (``\\log_2(x + 3) - 4``,
    ``e^{2x} - 5``), as SymPy's solveset over the reals finds them within SOLVE_SECONDS: only a finite
    set of explicit real numbers, each confirmed a root at high precision. A periodic set (a sine's
    roots), a condition left unsolved, or a root in doubt is None: not decided."""
    from lintmath.budget import PartOverrun, within

    if not e.has(x) or any(power.base.has(x) and not power.exp.is_integer for power in e.atoms(sp.Pow)):
        # (a radical of the unknown: squaring may bring a root the principal root refuses, and the
        # author may read the root as either sign)
        return None
    try:
        with within(SOLVE_SECONDS):
            found = sp.solveset(e, x, domain=sp.S.Reals)
    except PartOverrun:
        return None
    except Exception:  # noqa: BLE001 - what solveset cannot solve is not decided
        return None
    if not isinstance(found, sp.FiniteSet) or not 0 < len(found) <= _MAX_DEGREE:
        return None
    roots = []
    for root in found:
        if root.free_symbols or not root.is_number:
            return None
        value = complex(root.evalf(30))
        residual = _value(e, x, root)
        if abs(value.imag) > _CLOSE or residual is None or abs(residual) > _CLOSE:
            return None
        roots.append(root)
    return roots


def _keeps_non_real(a: sp.Expr, b: sp.Expr, x: sp.Symbol) -> bool:
    """Whether every (complex) solution of ``b = 0`` solves ``a = 0`` while none is real: the step
    drops the real solutions to find the others (``(z - 1)(z^2 + z + 1) = 0 \\Rightarrow z^2 + z + 1 = 0``
    for the non-real cube roots of unity, ``r^3 + r = 0 \\Rightarrow r^2 + 1 = 0``), as the prose says."""
    fraction = _as_fraction(b, x)
    if fraction is None or fraction[0].degree() < 1 or not all(c.is_number for c in fraction[0].all_coeffs()):
        return False
    roots = fraction[0].nroots(n=30)
    return all((v := _value(a, x, r)) is not None and abs(v) < _CLOSE for r in roots)


def _whole_rounding(root: sp.Expr, written: sp.Expr) -> bool:
    """Whether the whole number ``written`` may be the irrational ``root`` rounded to its last
    nonzero digit (v = 44 after v^2 = 2 \\cdot 9.8 \\cdot 100, x = 120 after x^2 = 15000): a
    measured quantity given to the figures that matter. An exact (rational) root is written exactly."""
    if root.is_rational or not (written.is_integer and written.is_nonzero):
        return False
    digits = str(abs(int(written)))
    unit = 10 ** (len(digits) - len(digits.rstrip("0")))
    return abs(float(root) - int(written)) < unit / 2


def _value(e: sp.Expr, x: sp.Symbol, at: sp.Expr) -> complex | None:
    try:
        value = complex(e.evalf(30, subs={x: at}))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return None if value != value or abs(value) == float("inf") else value


def _shown(root: sp.Expr) -> str:
    return str(root) if root.is_rational else f"{float(root):.6f}"


def _parallel(a: sp.Expr, b: sp.Expr, free: list[sp.Symbol]) -> bool:
    """Two linear equations in the same unknowns whose coefficients are proportional and whose
    constants are not: parallel lines (planes) that no point lies on both of."""
    try:
        pa, pb = sp.Poly(a, *free), sp.Poly(b, *free)
    except sp.PolynomialError:
        return False
    if pa.total_degree() != 1 or pb.total_degree() != 1:
        return False
    ca = [pa.coeff_monomial(v) for v in free]
    cb = [pb.coeff_monomial(v) for v in free]
    if not all(c.is_rational for c in ca + cb) or any(c == 0 for c in ca + cb):
        return False
    ratio = cb[0] / ca[0]
    if any(y != ratio * c for c, y in zip(ca, cb)):
        return False
    return pb.coeff_monomial(1) != ratio * pa.coeff_monomial(1)


def _swapped(first: _Equation, second: _Equation, a: sp.Expr, b: sp.Expr) -> bool:
    """Whether ``second`` solves for another letter than ``first`` does and is ``first`` with the two
    letters exchanged: ``y = x + 7`` and then ``x = y + 7`` are parallel, yet the second renames, as
    when an inverse function is found by interchanging x and y, rather than claims a consequence."""
    u, v = _lone_letter(first), _lone_letter(second)
    if u is None or v is None or u == v:
        return False
    symbols = {str(s): s for s in a.free_symbols | b.free_symbols}
    if u not in symbols or v not in symbols:
        return False
    renamed = a.xreplace({symbols[u]: symbols[v], symbols[v]: symbols[u]})
    return sp.expand(renamed - b) == 0 or sp.expand(renamed + b) == 0


def _lone_letter(eq: _Equation) -> str | None:
    """The plain letter one side of the equation is (``y`` of ``y = x + 7``), if any."""
    for side in eq.sides:
        if isinstance(side, n.Sym) and not side.indices and not side.style and not side.labels:
            return side.base
    return None


def _point_on(a: sp.Expr, free: list[sp.Symbol]) -> tuple[tuple[str, str], ...] | None:
    """A point that solves the linear equation ``a = 0``: the other unknowns at 1, 2, ..."""
    rest = {v: sp.Integer(k + 1) for k, v in enumerate(free[1:])}
    solved = sp.solve(a.subs(rest), free[0])
    if len(solved) != 1:
        return None
    return tuple((str(v), str(value)) for v, value in ((free[0], solved[0]), *rest.items()))


def _unsigned(node: n.Node) -> tuple[n.Node, int]:
    """``-6`` as (6, -1); any other node as itself, with sign 1."""
    if isinstance(node, n.Add) and len(node.terms) == 1 and node.terms[0].sign == "-":
        return node.terms[0].node, -1
    return node, 1


def _number_slip(second: _Equation, b: sp.Expr, x: sp.Symbol, roots: list[sp.Expr]) -> Diagnosis | None:
    """``4z = 10`` after ``4z + 1 = 9``: where one side of the second equation is a number and the
    other side takes one value at every solution of the first, that value is the number to write."""
    from lintmath.diagnose import numeric_value, written_number  # (SymPy-heavy diagnosis: only here)

    text, tree = second.text, second.sides
    for side, other, shift in ((tree[1], b, second.right), (tree[0], -b, 0)):
        number, sign = _unsigned(side)
        written = numeric_value(number)
        if written is None:
            continue
        written *= sign
        # b = left - right: the other side is b + number (number on the right) or number - b
        values = {sp.nsimplify((other + sp.Rational(written.numerator, written.denominator)).subs(x, r))
                  for r in roots}
        if len(values) != 1:
            return None
        value = values.pop()
        if not value.is_rational:
            return None
        right = Fraction(int(value.p), int(value.q))
        start, end = shift + side.start, shift + side.end
        shown = written_number(right, text[shift + number.start:shift + number.end])
        suggestion = " ".join((text[:start] + shown + text[end:]).split())
        return Diagnosis("arithmetic", start, end, text[start:end].strip(), suggestion,
                         f"`{text[start:end].strip()}` should be `{shown}`")
    return None
