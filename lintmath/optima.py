"""The value of an optimisation a worked example writes in numbers: ``\\min_{x \\in \\mathbb{R}} (x - 3)^2 + 1``,
``\\max_{x \\in [0, 2]} (4x - x^2)``, ``\\arg\\min_{x \\ge 0} (x^2 - 2x)``. Only a polynomial in one real
variable with no other letter, over the real line, a half-line or a closed interval with numbers for
ends, written as such: there the optimum is attained at a root of the derivative or at an end, and
found exactly. Anything else (another letter in the body, a domain not written so, an unbounded
objective, several minimisers for an arg min) is left to the opaque reading (see Lowerer.lower_Optimum),
except a quadratic with parameters over the real line, whose optimum is its stationary point (see stationary)."""
from __future__ import annotations

import functools
import re

import sympy as sp

# the domain's text as the parser joins its tokens: "\in \mathbb { R }", "\in [ 0 , 2 ]", "\ge 0"
_NUMBER = r"-?\s*\d+(?:\s*\.\s*\d+)?"
_REALS = re.compile(r"\\in\s*\\mathbb\s*\{\s*R\s*\}")
_INTERVAL = re.compile(rf"\\in\s*\[\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\]")
_HALF_LINE = re.compile(rf"\\(ge|geq|le|leq)\s*({_NUMBER})")
# letters that count (n, k, m...): over a half-line or an interval such a variable may run through the
# integers only, where the optimum is another (\min_{n \ge 1} (n - 1.5)^2 is 1/4); \in \mathbb{R} says it is real
_COUNTING = frozenset({"i", "j", "k", "l", "m", "n", "N", "M", "K"})
# digits enough to tell two candidate values apart (and to call two the same for an arg min)
_DIGITS = 60
_SAME = sp.Float(10) ** -40


def _number(text: str) -> sp.Rational:
    return sp.Rational(re.sub(r"\s+", "", text))


def _bounds(domain: str) -> tuple[sp.Expr, sp.Expr] | None:
    """The ends of the domain's interval (-oo or oo where it is unbounded), None for a domain not read."""
    text = domain.strip()
    if _REALS.fullmatch(text):
        return -sp.oo, sp.oo
    interval = _INTERVAL.fullmatch(text)
    if interval:
        lo, hi = _number(interval.group(1)), _number(interval.group(2))
        return (lo, hi) if lo <= hi else None
    half = _HALF_LINE.fullmatch(text)
    if half:
        end = _number(half.group(2))
        return (end, sp.oo) if half.group(1).startswith("ge") else (-sp.oo, end)
    return None


# the domain a bare \\min_x is read over where it is read at all (see check._optima_over_the_line): the
# real line, as the parser joins \\in \\mathbb{R}
REAL_LINE = "\\in \\mathbb { R }"


def real_line(domain: str) -> bool:
    """Whether the domain is written as the real line (``\\in \\mathbb{R}``)."""
    return _REALS.fullmatch(domain.strip()) is not None


def counting(variable: str) -> bool:
    """Whether the variable's letter may count (n, k, ...): over a domain not written, the integers."""
    return variable in _COUNTING


def stationary(kind: str, body: sp.Expr, variables: list[sp.Symbol]) -> sp.Expr | None:
    """The optimum over the real line (over the plane, ... for several variables) of a quadratic in
    ``variables`` whose other letters are parameters (the dual function's \\inf_x (x^2 + \\nu x) = -\\nu^2/4,
    a conjugate's \\sup_x (yx - x^2/2), \\inf_{x_1, x_2} of a Lagrangian): attained at its one stationary
    point, whatever the parameters are, when its Hessian is of numbers and definite of the sign the kind
    needs (positive for a min, negative for a max). The minimiser for an arg min of one variable. None for
    anything else: a coefficient with letters may have either sign, a line is unbounded, a higher power has
    more than one stationary point."""
    if not variables:
        return None
    try:
        poly = sp.Poly(sp.expand(body), *variables)
    except (sp.PolynomialError, sp.GeneratorsNeeded, ValueError, TypeError):
        return None
    if poly.total_degree() != 2 or any(c.has(sp.I) for c in poly.coeffs()):
        return None
    expr = poly.as_expr()
    hessian = sp.hessian(expr, variables)
    if not all(entry.is_number and entry.is_real for entry in hessian):
        return None
    minimise = kind in ("min", "inf", "argmin")
    definite = hessian if minimise else -hessian
    if not definite.is_positive_definite:
        return None
    gradient = [sp.diff(expr, v) for v in variables]
    solved = sp.solve(gradient, variables, dict=True)
    if len(solved) != 1:
        return None
    if kind in ("argmin", "argmax"):
        return sp.simplify(solved[0][variables[0]]) if len(variables) == 1 else None
    return sp.expand(expr.subs(solved[0]))


def interval(domain: str) -> bool:
    """Whether the domain is a closed interval with numbers for ends (``\\in [0, 10]``): written of the
    reals, yet the variable may count whole units, which only the prose says."""
    return _INTERVAL.fullmatch(domain.strip()) is not None


@functools.lru_cache(maxsize=256)  # (each reading of a step lowers the same optimisation again)
def evaluated(kind: str, domain: str, body: sp.Expr, variable: sp.Symbol, integers: bool = False) -> sp.Expr | None:
    """The optimum's value (its minimiser or maximiser for an arg min or arg max), or None where it is
    not found so (see the module's docstring). ``integers``: the optimum (a min or max only) over the
    integers of an interval, the reading where the variable counts."""
    bounds = _bounds(domain)
    if bounds is None or body.free_symbols != {variable}:
        return None
    if variable.name in _COUNTING and not _REALS.fullmatch(domain.strip()):
        return None
    try:
        poly = sp.Poly(sp.nsimplify(body, rational=True), variable)
    except (sp.PolynomialError, sp.GeneratorsNeeded, ValueError, TypeError):
        return None
    if poly.degree() < 1 or poly.degree() > 8 or not poly.domain.is_QQ and not poly.domain.is_ZZ:
        return None
    lo, hi = bounds
    minimise = kind in ("min", "inf", "argmin")
    sign = 1 if minimise else -1
    lead, degree = poly.LC(), poly.degree()
    # unbounded below (for a min) at an open end: no optimum to name
    if hi is sp.oo and sign * lead < 0:
        return None
    if lo is -sp.oo and sign * lead * (-1) ** degree < 0:
        return None
    try:
        # the critical points inside the domain (exact roots: CRootOf compares with the ends exactly)
        candidates = [r for r in sp.real_roots(poly.diff(variable)) if bool(lo <= r) and bool(r <= hi)]
    except (TypeError, NotImplementedError):
        return None
    candidates += [end for end in (lo, hi) if end.is_finite]
    if integers:
        if not interval(domain) or kind not in ("min", "max", "inf", "sup"):
            return None
        value = _over_integers(poly, lo, hi, candidates, sign)
        return sp.nsimplify(value) if value is not None and value.is_Rational else value
    values = [(poly(c), c) for c in candidates]
    best = min(values, key=lambda vc: sign * sp.N(vc[0], _DIGITS))[0]
    if (lo is -sp.oo or hi is sp.oo) and not _REALS.fullmatch(domain.strip()) \
            and not _same(best, _over_integers(poly, lo, hi, candidates, sign)):
        # any letter may count (discrete time t, a whole number q of units, "for integer t"), which only
        # the prose says: over a half-line (t \ge 1 bounds a count as often as a real) an optimum the
        # integers miss is not read; an interval [0, 1] is written of the reals
        return None
    at = {sp.nsimplify(c) if c.is_Rational else c for v, c in values if abs(sp.N(v - best, _DIGITS)) < _SAME}
    if kind in ("argmin", "argmax"):
        return next(iter(at)) if len(at) == 1 else None
    return sp.nsimplify(best) if best.is_Rational else best


def _over_integers(poly: sp.Poly, lo: sp.Expr, hi: sp.Expr, critical: list, sign: int) -> sp.Expr | None:
    """The optimum of ``poly`` over the integers of [lo, hi] (None where there is none): between its
    critical points a polynomial is monotone, so it is attained next to one of them or at an end."""
    points = {p for c in critical for p in (sp.floor(c), sp.ceiling(c))}
    points |= {sp.ceiling(lo)} if lo.is_finite else set()
    points |= {sp.floor(hi)} if hi.is_finite else set()
    inside = [p for p in points if p.is_integer and bool(lo <= p) and bool(p <= hi)]
    if not inside:
        return None
    return min((poly(p) for p in inside), key=lambda v: sign * sp.N(v, _DIGITS))


def _same(best: sp.Expr, integral: sp.Expr | None) -> bool:
    """Whether the optimum over the integers is the real one (or there are no integers to run through): an
    integer reaches it, so an arg min's single optimiser is that integer too."""
    if integral is None:
        return True
    return abs(sp.N(best - integral, _DIGITS)) < _SAME


# an optimisation's operator and its subscript: \min_x, \max_{x, y}, \arg\min_{t}, \operatorname*{arg\,min}_w
_OPTIMUM_SUBSCRIPT = re.compile(r"(?:\\|arg\s*\\,\s*)(?:arg\s*\\?,?\s*)?(?:min|max|inf|sup)(?:imise|imize)?\s*\}?\s*(?:\\limits\s*)?"
                                r"_\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z])")
# where a condition after the math begins: a space, words, a comma before a space
_CONDITION_START = re.compile(r"\\q?quad(?![A-Za-z])|\\(?:text|mbox|textrm)\s*\{|,\s*\\[,;: ]|\\[;:]")
# words that put an interval or a set beside the step (\text{on } [2, 3], \text{over } \mathbb{Z})
_DOMAIN_WORDS = re.compile(r"\\(?:text|mbox|textrm)\s*\{[^{}]*\b(?:on|over|subject to|s\.\s*t\.)(?![A-Za-z])")
_LETTER = re.compile(r"\\[A-Za-z]+|[A-Za-z]")
_NOT_A_VARIABLE = re.compile(r"\\(?:in|mathbb|mathcal|mathbf|boldsymbol|le|leq|ge|geq|lt|gt|text|mid|colon)(?![A-Za-z])")


def _optimised_letters(text: str) -> set[str]:
    """The letters the optimisations of ``text`` run over, as written in their subscripts (x of \\min_{x \\ge 0})."""
    letters: set[str] = set()
    for found in _OPTIMUM_SUBSCRIPT.finditer(text):
        script = found.group(1).strip("{}")
        head = re.split(r"\\in(?![A-Za-z])|\\(?:le|leq|ge|geq)(?![A-Za-z])|[<>:=|]", script, maxsplit=1)[0]
        letters |= {w for w in _LETTER.findall(_NOT_A_VARIABLE.sub(" ", head))}
    return letters


def aside_restricts(lhs: str, rhs: str, note: str) -> bool:
    """Whether a condition beside the step (a note, or words or a relation after the right side's math:
    ``\\qquad t \\in [2, 3]``, ``\\quad \\text{on } [2, 3]``, ``&& (x \\ge 0)``) names the variable of one of
    its optimisations or a set for it: the optimum is then taken over that set, which the optimisation
    itself does not write, and a value found over the real line is no verification of it."""
    letters = _optimised_letters(f"{lhs} {rhs}")
    if not letters:
        return False
    conditions = [note] if note.strip() else []
    start = _CONDITION_START.search(rhs)
    if start is not None:
        conditions.append(rhs[start.start():])
    for condition in conditions:
        if _DOMAIN_WORDS.search(condition):
            return True
        # the math of the condition, and math set inside its words (\text{for $t \ge 2$})
        math = re.sub(r"\\(?:text|mbox|textrm)\s*\{([^{}]*)\}",
                      lambda m: " ".join(re.findall(r"\$([^$]*)\$", m.group(1))), condition)
        if set(_LETTER.findall(math)) & letters:
            return True
    return False
