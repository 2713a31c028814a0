r"""``p(x, z \mid \theta)`` as a probability distribution lintmath knows: a reading of the step.

Probability notes write the product rule, Bayes' rule and marginalisation with an undefined ``p``
(``p(x, z) = p(z) p(x \mid z)``, ``p(x) = \sum_z p(x, z)``). With ``p`` a random stand-in
function these are undecidable ("depends on what p is"); they hold for *every* joint distribution.

The model: per distribution name (p, q, P, \Pr; ``p_\theta`` is another name) one joint density
over the variables the step passes to it, a random positive function T of their values. Every
variable ranges over the values ``1 .. size`` of the instance, which is what a sum without bounds
(``\sum_z``) runs over, so a sum over a variable of the distribution marginalises it. Then

    p(A) = (sum of T over the values of the variables not in A) / (sum of T over everything)
    p(A | B) = p(A, B) / p(B)

for any values of A and B, written or summed. An integral without bounds over a variable of a
distribution (``\int p(y \mid w) p(w)\,dw``) is the same sum: a density's integral is the continuous
form of the marginalisation, and identities of the one are identities of the other.

T is the exponential of a polynomial with a random coefficient for every subset of the variables,
so no variables are independent, conditionally or not: what holds here holds for every
distribution, and a step that needs an independence the prose assumes (``p(x, y) = p(x) p(y)``)
does not hold here. The reading therefore verifies; it refutes only together with a diagnosis
(see check.explain_as_distributions): a step that fails for this joint *and* for one of independent
variables, and that one small edit makes hold for every joint, is a typo, not an assumption of the
prose (independence, a Markov chain) that lintmath did not read.
"""
from __future__ import annotations

import functools
import itertools
import random
from fractions import Fraction

import mpmath
import sympy as sp

from lintmath.parse import nodes as n

# heads of distributions: p, q, P, \Pr (P in the operator style), \mathbb{P}, \mathrm{P}
HEADS = frozenset({"p", "q", "P"})
HEAD_STYLES = ("", "op", "bb", "rm")
MAX_VARIABLES = 4  # a joint of 5 variables over 4 values would be 256 terms in a marginal of one


def variable(sym: n.Sym) -> tuple:
    """Which random variable a plain argument names: its name with its indices (x_1 is not x_2)."""
    return n.structure(sym)


def distributions(*trees: n.Node, repeats: bool = False) -> tuple[tuple[str, tuple], ...]:
    """The distributions of a step, as (head key, the variables of its joint) pairs, for the heads
    whose every application in the step reads as a probability: a distribution name applied to
    distinct plain variables, with at most one ``\\mid``, none of them an event (``X = 1``), an
    index bound by a sum or integral, or a variable summed over written bounds (a range the
    distribution's own values need not be). With ``repeats``, an application may name a variable
    twice (``p(z \\mid z)``, a typo's: see check._repeated_variables)."""
    applications: dict[str, list[n.Apply]] = {}
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Apply) and node.func.base in HEADS and node.func.style in HEAD_STYLES:
                applications.setdefault(node.func.key, []).append(node)
    if not applications:
        return ()
    bound, ranged = _bound_letters(trees)
    out = []
    for head, apps in applications.items():
        variables: dict[tuple, None] = {}
        for app in apps:
            if not _reads_as_probability(app, bound, repeats):
                break
            for arg in app.args:
                variables.setdefault(variable(arg), None)
        else:
            names = tuple(variables)
            if len(names) <= MAX_VARIABLES and not any(v[1] in ranged and not v[2] for v in names):
                out.append((head, names))
    return tuple(out)


def _bound_letters(trees) -> tuple[set[str], set[str]]:
    """Letters bound by a sum, product or integral anywhere in the step, and those of them summed
    over written bounds."""
    bound: set[str] = set()
    ranged: set[str] = set()
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.BigOp):
                bound.update((node.var, *node.extra_vars))
                if (node.lo is not None or node.values) and not _over_a_set(node):
                    ranged.update((node.var, *node.extra_vars))
            elif isinstance(node, (n.Integral, n.Limit)):
                bound.add(node.var.base)
                if not (isinstance(node, n.Integral) and node.lo is None and not node.var.indices):
                    ranged.add(node.var.key)  # over the reals, not over the variable's values
    return bound, ranged


def _reads_as_probability(app: n.Apply, bound: set[str], repeats: bool = False) -> bool:
    if app.primes or app.bracket != "(" or not app.args or app.func.primes or app.params >= 0:
        return False
    seen = set()
    for arg in app.args:
        if not isinstance(arg, n.Sym) or arg.style == "label" or arg.sup_letter is not None or arg.primes:
            return False
        if any(isinstance(x, n.Sym) and x.base in bound for item in arg.indices for x in item.walk()):
            return False  # p(x_i) inside \sum_i: a new variable per term
        key = variable(arg)
        if key in seen and not repeats:
            return False
        seen.add(key)
    return True


def _over_a_set(node: n.BigOp) -> bool:
    """``\\sum_{x \\in \\mathcal{X}}``: over a set the step names, of a size the step does not give."""
    return isinstance(node.hi, n.Sym) and node.hi.base.startswith("#") and not node.over


def over_values(node: n.BigOp, distributions: tuple) -> bool:
    """Whether a sum runs over the values of a variable of one of the step's distributions: without
    bounds, or over the set the variable ranges in (``\\sum_{x \\in \\mathcal{X}} p(x)``)."""
    if node.extra_vars or node.values or not (node.lo is None or _over_a_set(node)):
        return False
    return any(k == ("sym", node.var, ()) for _, names in distributions for k in names)


def marginalises(node: n.Integral, distributions: tuple) -> bool:
    """Whether an integral is over a variable of one of the step's distributions, without bounds."""
    return node.lo is None and any(variable(node.var) in names for _, names in distributions)


def probability(seed: int, head: str, names: tuple, size: int, args: list[n.Sym], given: int,
                values: list[sp.Expr], independent: bool = False) -> sp.Expr:
    """``head(args)`` (with the arguments from ``given`` on after the ``\\mid``) at ``values``; with
    ``independent``, in a joint whose variables are independent."""
    model = _joint(seed, head, len(names), size, independent)
    at = {names.index(variable(a)): v for a, v in zip(args, values)}
    if given < 0 or given >= len(args):
        return model.marginal(at)
    condition = {names.index(variable(a)): v for a, v in zip(args[given:], values[given:])}
    return model.marginal(at) / model.marginal(condition)


class _Joint:
    """T(v) = exp(sum over the subsets S of the variables of w_S times the product of (v_i/2 - 1) over S),
    normalised by its sum over the values 1..size of every variable."""

    def __init__(self, weights: dict[tuple[int, ...], Fraction], arity: int, size: int, total: sp.Float):
        self.weights, self.arity, self.size, self.total = weights, arity, size, total

    def marginal(self, at: dict[int, sp.Expr]) -> sp.Expr:
        """The sum of T over the values of the variables not in ``at``, over the total. The exponent
        is built once per point as numbers times products of the symbolic values' centred forms, and
        kept unevaluated (see StandInExp): SymPy's substitution and its exp's automatic evaluation
        cost most of a step otherwise."""
        from lintmath.lower import StandInExp

        symbolic = {i: v / 2 - 1 for i, v in at.items() if not getattr(v, "is_Integer", False)}
        fixed = {i: Fraction(int(v)) / 2 - 1 for i, v in at.items() if i not in symbolic}
        free = [i for i in range(self.arity) if i not in at]
        terms = []
        for values in itertools.product(range(1, self.size + 1), repeat=len(free)):
            numeric = dict(fixed)
            numeric.update((i, Fraction(v) / 2 - 1) for i, v in zip(free, values))
            exponent: dict[tuple[int, ...], Fraction] = {}
            for subset, w in self.weights.items():
                coefficient = w
                for i in subset:
                    if i in numeric:
                        coefficient *= numeric[i]
                key = tuple(i for i in subset if i in symbolic)
                exponent[key] = exponent.get(key, Fraction(0)) + coefficient
            power = sp.Add(*(sp.Rational(c.numerator, c.denominator) * sp.Mul(*(symbolic[i] for i in key))
                             for key, c in exponent.items() if c))
            terms.append(StandInExp(power, evaluate=False))
        return sp.Add(*terms) / self.total


@functools.lru_cache(maxsize=64)
def _joint(seed: int, head: str, arity: int, size: int, independent: bool = False) -> _Joint:
    rng = random.Random(f"{seed}:{head}:{arity}:joint")
    # independent variables: no term couples two of them, so the joint is the product of its marginals
    subsets = [c for r in range(1, 2 if independent else arity + 1) for c in itertools.combinations(range(arity), r)]
    # the values 1..4 as -1/2..1: the terms of the exponent stay small
    weights = {c: Fraction(rng.choice([-1, 1]) * rng.randint(3, 12), 6) for c in subsets}

    def value(point: tuple[int, ...]) -> mpmath.mpf:
        return mpmath.exp(mpmath.fsum(mpmath.mpf(w.numerator) / w.denominator
                                      * mpmath.fprod(mpmath.mpf(point[i]) / 2 - 1 for i in c)
                                      for c, w in weights.items()))
    # the normalising constant, a number: summed in mpmath rather than as a SymPy sum of exps
    with mpmath.workdps(60):
        total = mpmath.fsum(value(v) for v in itertools.product(range(1, size + 1), repeat=arity))
        return _Joint(weights, arity, size, sp.Float(total, 60))
