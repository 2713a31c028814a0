"""Property tests: token soup never crashes the checker nor outlives its budget; renaming the symbols
of a verified step keeps it verified. Small on purpose (CI); ``benchmarks/fuzz.py`` runs >= 10,000."""
from __future__ import annotations

import re

import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lintmath.model import Status
from lintmath.runner import Task, run_task, run_tasks

# The LaTeX math vocabulary of lecture slides, as tokens (and a few malformed pieces of it).
TOKENS = [
    *"abcxyzntkijw", *"0123456789", "+", "-", "=", "^", "_", "(", ")", "[", "]", "{", "}", "|", ",",
    ".", "!", "'", "/", "*", "&", "\\\\", "~",
    "\\frac", "\\dfrac", "\\sqrt", "\\sum", "\\prod", "\\int", "\\partial", "\\nabla", "\\left(",
    "\\right)", "\\left[", "\\right]", "\\left|", "\\right|", "\\left.", "\\cdot", "\\times", "\\log",
    "\\ln", "\\exp", "\\sin", "\\cos", "\\tan", "\\arctan", "\\sinh", "\\alpha", "\\beta", "\\theta",
    "\\sigma", "\\pi", "\\infty", "\\mathbf", "\\mathrm", "\\mathbb", "\\text", "\\operatorname",
    "\\lim", "\\to", "\\leq", "\\geq", "\\neq", "\\approx", "\\top", "\\hat", "\\bar", "\\tilde",
    "\\dot", "\\mid", "\\langle", "\\rangle", "\\|", "\\binom", "\\over", "\\quad", "\\,", "\\;",
    "\\max", "\\min", "\\det", "\\mathcal", "\\ell", "\\prime", "\\overline", "\\underbrace",
    "\\overset", "\\substack", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{cases}", "\\end{cases}",
    "\\ldots", "\\cdots", "\\in", "\\mathbb{E}", "\\Pr", "\\undefinedmacro", "{}", "^{", "_{",
    "10^{10^{10}}", "x^{x^{x^{x}}}", "e^{", "\\frac{}{}", "9!", "!!", "\\%", "\\$", "#1", "\\\\[",
]
RELATIONS = ["=", "=", "=", "\\leq", "<", ">=", "\\approx", "\\propto"]

soup = st.lists(st.sampled_from(TOKENS), min_size=0, max_size=24).map(" ".join)
BUDGET = 1.0


def is_crash(reason: str) -> bool:
    return reason.startswith(("internal error", "the checking process crashed", "not checked"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(soup, soup, st.sampled_from(RELATIONS), st.booleans()), min_size=1, max_size=6))
def test_token_soup_never_crashes_and_never_outlives_its_budget(steps):
    tasks = [Task(lhs, rhs, rel, first=first, budget=BUDGET) for lhs, rhs, rel, first in steps]
    for task, verdict in zip(tasks, run_tasks(tasks, jobs=2)):
        assert not is_crash(verdict.reason), (task, verdict.reason)
        assert verdict.elapsed <= BUDGET * 1.1 + 0.1, (task, verdict)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soup, soup)
def test_token_soup_in_process_returns_a_verdict(lhs, rhs):
    verdict = run_task(Task(lhs, rhs, "=", budget=BUDGET))
    assert not is_crash(verdict.reason), (lhs, rhs, verdict.reason)


# ---------------------------------------------------------------- renaming

POOL = ["a", "b", "c", "r", "s", "u", "v", "w", "x", "y", "z", "\\alpha", "\\beta", "\\theta", "\\mu"]
SYMBOLS = sp.symbols("a b c")
_LETTER = re.compile(r"(?<![\\A-Za-z])([abc])(?![A-Za-z])")


def expressions():
    a, b, c = SYMBOLS
    leaves = st.sampled_from([a, b, c, sp.Integer(2), sp.Integer(3), sp.Rational(1, 2)])

    def extend(children):
        return st.one_of(
            st.tuples(children, children).map(lambda t: t[0] + t[1]),
            st.tuples(children, children).map(lambda t: t[0] * t[1]),
            st.tuples(children, children).map(lambda t: t[0] - t[1]),
            children.map(lambda e: e**2),
            st.tuples(children, st.sampled_from([a, b, c])).map(lambda t: t[0] / (t[1] + 1)),
            children.map(sp.exp),
            st.sampled_from([a, b, c]).map(lambda s: sp.log(s + 2)),
            children.map(sp.sin),
        )

    return st.recursive(leaves, extend, max_leaves=6)


def rewrite(expr: sp.Expr) -> sp.Expr:
    return sp.expand(sp.expand_log(sp.expand_trig(expr), force=True))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.tuples(expressions(), expressions()).map(lambda t: (t[0] + t[1]) ** 2), st.permutations(POOL))
def test_a_verified_step_stays_verified_under_a_renaming_of_its_symbols(expr, pool):
    lhs, rhs = sp.latex(expr), sp.latex(rewrite(expr))
    assume(lhs != rhs and len(lhs) < 400 and len(rhs) < 400)
    before = run_task(Task(lhs, rhs, "=", budget=BUDGET))
    assume(before.status is Status.VERIFIED)
    names = dict(zip("abc", pool))

    def rename(text: str) -> str:
        return _LETTER.sub(lambda m: names[m.group(1)] + " ", text)

    after = run_task(Task(rename(lhs), rename(rhs), "=", budget=BUDGET))
    assert after.status in (Status.VERIFIED, Status.UNVERIFIED), (rename(lhs), rename(rhs), after)
    if after.status is Status.UNVERIFIED:  # only the clock may stand in the way
        assert "budget" in after.reason, (rename(lhs), rename(rhs), after.reason)


def test_the_renaming_touches_letters_only():
    assert _LETTER.sub("Q", "\\frac{a}{b} + \\sin{\\left(c \\right)} + e^{a}") == \
        "\\frac{Q}{Q} + \\sin{\\left(Q \\right)} + e^{Q}"


@pytest.mark.parametrize("lhs,rhs", [("(a+b)^2", "a^2 + 2ab + b^2"), ("\\log(xy)", "\\log x + \\log y")])
def test_the_renaming_property_on_known_identities(lhs, rhs):
    assert run_task(Task(lhs, rhs, "=")).status is Status.VERIFIED
    assert run_task(Task(lhs.replace("a", "u").replace("x", "s"), rhs.replace("a", "u").replace("x", "s"), "=")
                    ).status is Status.VERIFIED
