"""Total differentials outside a derivative (d(xy) = x dy + y dx) and integrals over a named region
(\\int_\\Omega f\\,dx): correct steps verify or stay unverified, wrong ones are refuted or stay
unverified, never a false alarm."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs, status", [
    # the product rule, the power rule, a quotient, a function of a letter
    (r"\mathrm{d}(ab)", r"a\,\mathrm{d}b + b\,\mathrm{d}a", V),
    (r"\mathrm{d}(ab)", r"a\,\mathrm{d}b - b\,\mathrm{d}a", R),          # a sign dropped
    (r"\mathrm{d}(s^3)", r"3s^2\,\mathrm{d}s", V),
    (r"\mathrm{d}(s^3)", r"s^2\,\mathrm{d}s", R),                        # a factor lost
    (r"\mathrm{d}\left(\frac{p}{q}\right)", r"\frac{q\,\mathrm{d}p - p\,\mathrm{d}q}{q^2}", V),
    (r"\mathrm{d}\left(\frac{p}{q}\right)", r"\frac{q\,\mathrm{d}p + p\,\mathrm{d}q}{q^2}", R),
    (r"\mathrm{d}(\cos\phi)", r"-\sin\phi\,\mathrm{d}\phi", V),
    (r"\mathrm{d}(\cos\phi)", r"\sin\phi\,\mathrm{d}\phi", R),
    (r"\mathrm{d}(\ln t)", r"\frac{\mathrm{d}t}{t}", V),
    (r"\mathrm{d}(g(u))", r"g'(u)\,\mathrm{d}u", V),
    (r"u\,\mathrm{d}w + w\,\mathrm{d}u", r"\mathrm{d}(uw)", V),
    (r"\mathrm{d}(u + w)", r"\mathrm{d}u + \mathrm{d}w", V),
    (r"\mathrm{d}(a b c)", r"bc\,\mathrm{d}a + ac\,\mathrm{d}b + ab\,\mathrm{d}c", V),
    # a letter whose differential the step never writes is read as a constant of it (the mass of m v^2/2):
    # a step that holds only so is unverified (d(xy) = x dy drops y dx, unless x is constant); one that
    # fails so fails with it varying too
    (r"\mathrm{d}\left(\frac{1}{2}Mu^2\right)", r"Mu\,\mathrm{d}u", U),
    (r"\mathrm{d}\left(\frac{1}{2}Mu^2\right)", r"\frac{1}{2}Mu\,\mathrm{d}u", R),
    (r"\mathrm{d}(k x^2)", r"2kx\,\mathrm{d}x", U),
    (r"\mathrm{d}(uw)", r"u\,\mathrm{d}w", U),
    # a plain d before a bracket writes the same differentials; but d may be a quantity (d(x^2) = x\,dx
    # holds as products), so a plain d's step that differs stays unverified
    (r"d(pq)", r"p\,dq + q\,dp", V),
    (r"d(pq)", r"p\,dq + 2q\,dp", U),
    (r"d(w^2)", r"w\,dw", U),
    (r"d(w^2)", r"2w\,dw", V),
    # d x y: d(xy) or y dx, not decided
    (r"d(pq)", r"dpq", U),
])
def test_total_differentials(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    # dU of a name defined elsewhere: a law or a substitution, not an identity of these letters
    (r"\mathrm{d}U", r"T\,\mathrm{d}S - P\,\mathrm{d}V"),
    (r"\mathrm{d}g", r"g'(s)\,\mathrm{d}s"),
    (r"\mathrm{d}u", r"2x\,\mathrm{d}x"),
    (r"\mathrm{d}x", r"v\,\mathrm{d}t"),
    (r"\mathrm{d}\mathbf{r}", r"\dot{\mathbf r}\,\mathrm{d}t"),
    # a differential on one side only: d/dx written loosely
    (r"\mathrm{d}(x^2)", r"2x"),
    # first-order expansions, area elements, (dx)^2 and ratios of differentials are not linear forms
    (r"g(s + \mathrm{d}s)", r"g(s) + g'(s)\,\mathrm{d}s"),
    (r"\mathrm{d}x\,\mathrm{d}y", r"r\,\mathrm{d}r\,\mathrm{d}\theta"),
    (r"\mathrm{d}x^2", r"2x\,\mathrm{d}x"),
    (r"\mathrm{d}y/\mathrm{d}x", r"2x"),
    # a sum of differentials over an index is not read yet
    (r"\sum_{i=1}^n (p_i - q_i)\mathrm{d}x_i + \mathrm{d}y", r"\mathrm{d}y"),
])
def test_differentials_that_stay_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


def test_a_refuted_differential_names_the_repair():
    verdict = check_step(r"\mathrm{d}(ab)", r"a\,\mathrm{d}b - b\,\mathrm{d}a", "=")
    assert verdict.status is R and verdict.diagnosis is not None
    assert verdict.diagnosis.suggestion.replace(" ", "") == r"a\,\mathrm{d}b+b\,\mathrm{d}a"


def test_a_differential_parses_to_its_operand():
    tree = parse_math(r"\mathrm{d}(uv)")
    assert isinstance(tree, n.Differential) and isinstance(tree.operand, n.Paren)


@pytest.mark.parametrize("lhs, rhs, status", [
    # linearity, constants out, the variable renamed, over the same region
    (r"\int_\Omega (f(x) + g(x))\,dx", r"\int_\Omega f(x)\,dx + \int_\Omega g(x)\,dx", V),
    (r"\int_D 5 h(y)\,dy", r"5\int_D h(y)\,dy", V),
    (r"\int_D h(y)\,dy", r"\int_D h(t)\,dt", V),
    (r"\int_{\Omega} (a f(x) - b g(x))\,dx", r"a\int_{\Omega} f(x)\,dx - b\int_{\Omega} g(x)\,dx", V),
    (r"\int_V k (u^2 + v^2 - u^2)\,\mathrm{d}V", r"\int_V k v^2\,\mathrm{d}V", V),
    # differing under a generic measure is no refutation: the region may be symmetric
    (r"\int_\Omega (f(x) + g(x))\,dx", r"\int_\Omega f(x)\,dx - \int_\Omega g(x)\,dx", U),
    (r"\int_D 5 h(y)\,dy", r"10\int_D h(y)\,dy", U),
    (r"\int_\Omega f(x)^2\,dx", r"\left(\int_\Omega f(x)\,dx\right)^2", U),
    (r"\int_D h(y)\,dy", r"\int_E h(y)\,dy", U),
    # the real line is the improper integral
    (r"\int_{\mathbb{R}} e^{-t^2}\,dt", r"\sqrt{\pi}", V),
    (r"\int_{\mathbb{R}} e^{-t^2}\,dt", r"2\sqrt{\pi}", R),
    # a region written out is not read
    (r"\int_{[0,1]} x\,dx", r"\frac{1}{2}", U),
])
def test_integrals_over_a_region(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status
