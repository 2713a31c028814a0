"""Diagnosis, round 10: in a line of numbers the number written nowhere else is the slip, and its
repair to a value the lines write comes first; a term that does not belong is made 0 (a coefficient
made 1) where the line writes such terms; a fraction the line before writes the other way up is
turned back before a sign flip repairs it inside a logarithm."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # the number no line writes again is changed, to a value the lines write
    (r"|p-q|^2 + |p+q|^2", r"(|p|^2 - 2pq + |q|^2) + (|p|^2 + 6pq + |q|^2)", "arithmetic",
     r"(|p|^2 - 2pq + |q|^2) + (|p|^2 + 2pq + |q|^2)"),
    (r"\begin{bmatrix} 2 \\ 1 \\ 4 \end{bmatrix} \cdot \begin{bmatrix} 5 \\ 3 \\ 1 \end{bmatrix}", r"10+5+4",
     "arithmetic", r"10+3+4"),
    # the line writes zero terms: the stray number was a 0
    (r"(a_2x^2 + a_1x + a_0) + (0x^2 + 0x + 0)", r"(a_2 + 0)x^2 + (a_1 + 0)x + (a_0 + 3)", "arithmetic",
     r"(a_2 + 0)x^2 + (a_1 + 0)x + (a_0 + 0)"),
    (r"(b - b)x^2 + (c - c)x", r"5x^2 + 0x", "arithmetic", r"0x^2 + 0x"),
    # the line writes coefficients 1: the stray coefficient was a 1
    (r"1(b_2x^2 + b_1x + b_0)", r"4b_2x^2 + 1b_1x + 1b_0", "arithmetic", r"1b_2x^2 + 1b_1x + 1b_0"),
    # a fraction under a logarithm, upside down against the line before
    (r"\ln(pq/r)", r"\ln\frac{r}{p} + \ln q", "reciprocal", r"\ln\frac{p}{r} + \ln q"),
    (r"\log\left(\frac{p\, s}{q}\right)", r"\log\left(\frac{q}{p}\right) + \log s", "reciprocal",
     r"\log\left(\frac{p}{q}\right) + \log s"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", [
    # without such terms in the new line, deleting stays the story
    (r"1(b_2x^2 + b_1x + b_0)", r"4b_2x^2 + b_1x + b_0", "constant_factor", r"b_2x^2 + b_1x + b_0"),
    (r"1b_2x^2 + 1b_1x + 1b_0", r"b_2x^2 + b_1x + 3b_0", "constant_factor", r"b_2x^2 + b_1x + b_0"),
    (r"x + y", r"x + y + 3", "dropped_term", r"x + y"),
    # a sign flip where no fraction was turned around
    (r"\log\frac{p}{q}", r"\log p + \log q", "sign_flip", r"\log p - \log q"),
])
def test_old_stories_kept(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs", [
    # correct steps stay correct
    (r"(a_2x^2 + a_1x + a_0) + (0x^2 + 0x + 0)", r"(a_2 + 0)x^2 + (a_1 + 0)x + (a_0 + 0)"),
    (r"\log\left(\frac{p\, s}{q}\right)", r"\log\left(\frac{p}{q}\right) + \log s"),
    (r"\begin{bmatrix} 2 \\ 1 \\ 4 \end{bmatrix} \cdot \begin{bmatrix} 5 \\ 3 \\ 1 \end{bmatrix}", r"10+3+4"),
])
def test_correct_steps_hold(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED
