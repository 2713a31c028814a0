"""A star between factors as a product where no convolution is plausible, and sums over a range
of integers written out as a set."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = "verified", "refuted", "unverified"
CONVOLUTION = "could not read: * between factors may be a convolution"


@pytest.mark.parametrize("lhs, rhs", [
    (r"3 * y + 1", r"1 + y * 3"),                         # a number on one side: a product
    (r"\frac{1}{3} * u * v", r"\frac{uv}{3}"),
    (r"m * k", r"k m"),                                  # plain letters: only ever a product
    (r"c*d + c", r"c(d+1)"),
    (r"\tau(s)*(1-\tau(s))", r"\tau(s) - \tau(s)^2"),     # a constant term: nobody convolves with it
    (r"\alpha * u - \beta * u", r"(\alpha - \beta) u"),
    (r"m * (m - 1) / 2", r"\frac{m^2 - m}{2}"),
    (r"\sum_{k=1}^{n} u_k * v_k", r"\sum_{k=1}^{n} v_k u_k"),
    (r"2 \ast r", r"r + r"),
    (r"\mathbf{u} * 3", r"3\mathbf{u}"),
])
def test_a_star_read_as_a_product_verifies(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"c*d + c", r"c(d+3)"),
    (r"m * k", r"3 k m"),
    (r"\tau(s)*(1-\tau(s))", r"\tau(s) + \tau(s)^2"),
])
def test_a_step_differing_with_a_star_product_is_not_refuted(lhs, rhs):
    # a star may be an operation defined elsewhere (x * y = x + y + xy): read as a product it is
    # only ever confirmed (see test_redteam_round14)
    assert check_step(lhs, rhs, "=").status.value == U


@pytest.mark.parametrize("lhs, rhs", [
    # (u[k] * g[k] = g[k] * u[k] and (f * g)(t) = (g * f)(t) are verified by the laws of the convolution
    # since round 27: see test_signal_processing_round27)
    (r"u[k] * g[k]", r"u[k] g[k]"),                       # false as a convolution: never verified
    (r"s(t) * r(t)", r"r(t) s(t)"),                       # functions of time
    (r"u * \delta", r"u"),                                # a delta: refuted as a product, true as a convolution
    (r"u * h", r"h u"),                                   # the name of a function
    (r"A * B", r"B A"),                                   # capitals: maybe elementwise or a convolution
    (r"\cos(\omega t) * v", r"v \cos(\omega t)"),
    (r"w * v", r"\sum_{m=-\infty}^{\infty} w_m v_{k-m}"),  # written out as a convolution elsewhere in the step
    (r"r * \sum_{m=1}^{3} a_m", r"\sum_{m=1}^{3} r a_m"),
])
def test_a_plausible_convolution_stays_unread(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U
    assert verdict.reason == CONVOLUTION


def test_a_star_in_a_product_reads_as_that_product():
    tree = parse_math(r"2 * a b")
    assert [type(f).__name__ for f in tree.factors] == ["Num", "Sym", "Sym"]
    with pytest.raises(ParseFailure, match="convolution"):
        parse_math(r"f(t) * 2 g(t)")                     # the star's side is 2 g(t), not 2
    with pytest.raises(ParseFailure, match="convolution"):
        parse_math(r"a \star b")                          # \star: a correlation or another product


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sum_{i \in \{1,\dots,n\}} a_i", r"\sum_{i=1}^{n} a_i", V),
    (r"\sum_{i \in \{1, \ldots, n\}} i", r"\frac{n(n+1)}{2}", V),
    (r"\sum_{k \in \{0, 1, \dots, N-1\}} b_k", r"\sum_{k=1}^{N} b_{k-1}", V),
    (r"\sum_{j \in \{1, 2, 3, 4\}} j", r"10", V),
    (r"\sum_{j \in \{1, 2, 3, 4\}} j", r"11", R),
    (r"\prod_{i \in \{1,\dots,m\}} c_i", r"\prod_{i=1}^{m} c_i", V),
    (r"\sum_{i \in \{1,\dots,n\}} (a_i - b_i)", r"\sum_{i=1}^{n} a_i + \sum_{i=1}^{n} b_i", R),
    (r"\sum_{i \in \{2, 4, \dots, n\}} a_i", r"\sum_{i=2}^{n} a_i", U),   # not consecutive: not read
    (r"\sum_{i \in \{1, 3, 5\}} i", r"9", V),          # a written set of whole numbers: each element
    (r"\sum_{i \in \{1, 3, 5\}} i", r"10", R),
])
def test_a_range_written_out_as_a_set(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sum_{i \in S} (3 a_i + b_i)", r"3\sum_{i \in S} a_i + \sum_{i \in S} b_i", V),
    (r"\sum_{i \in S} \sum_{j \in T} a_i b_j", r"\left(\sum_{i \in S} a_i\right)\left(\sum_{j \in T} b_j\right)", V),
    (r"\sum_{i \in S} \sum_{j \in T} c_{ij}", r"\sum_{j \in T} \sum_{i \in S} c_{ij}", V),
    (r"\sum_{x \in \mathcal{X}} q(x) g(x)", r"\sum_{x \in \mathcal{X}} g(x) q(x)", V),
    (r"\sum_{i \in S} (a_i - b_i)", r"\sum_{i \in S} a_i + \sum_{i \in S} b_i", R),
    (r"\sum_{i \in S} a_i", r"\sum_{i \in T} a_i", U),      # two sets: maybe the same, said elsewhere
])
def test_sums_over_a_named_set_still_read(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_dropped_minus_in_a_set_sum_is_repaired():
    verdict = check_step(r"\sum_{i \in S} (a_i - b_i)", r"\sum_{i \in S} a_i + \sum_{i \in S} b_i", "=")
    assert verdict.diagnosis.kind == "sign_flip"
