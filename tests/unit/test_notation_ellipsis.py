"""Ellipses read as sums and products over one index, and sums over an unspecified finite set.

Around the dots the written terms must make one affine pattern in the index (subscripts, labels,
exponents, plain numbers), and the last term must continue it; a pattern one term does not fix, or
that the terms contradict, is left unread. A sum over a set (``\\sum_{i \\in S}``, ``\\sum_{j \\in N(i)}``)
verifies what holds for every finite set, and is not refuted where the step depends on what the set
is. Each family: a correct step is verified, a wrong one refuted (or left unverified where the
reading is not certain). The examples are the project's own."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def judged(lhs: str, rhs: str, expected: Status) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is expected, verdict


SUMS = [
    # the index in subscripts, with one or more terms written before the dots
    (r"u_1 v_1 + u_2 v_2 + \dots + u_N v_N", r"\sum_{t=1}^{N} u_t v_t", V),
    (r"u_1 v_1 + u_2 v_2 + \dots + u_N v_N", r"\sum_{t=1}^{N} u_t v_{t+1}", R),
    (r"y^{(1)} + y^{(2)} + \cdots + y^{(T)}", r"\sum_{t=1}^{T} y^{(t)}", V),
    (r"y^{(1)} + y^{(2)} + \cdots + y^{(T)}", r"\sum_{t=2}^{T} y^{(t)}", R),
    (r"g(t_1) + g(t_2) + \ldots + g(t_N)", r"\sum_{j=1}^{N} g(t_j)", V),
    (r"g(t_1) + g(t_2) + \ldots + g(t_N)", r"\sum_{j=1}^{N} g(t_j)^2", R),
    (r"\alpha_1\mathbf{u}_1 + \cdots + \alpha_p\mathbf{u}_p", r"\sum_{j=1}^{p} \alpha_j \mathbf{u}_j", V),
    # plain numbers: a step of one, or the step the written terms show
    (r"1 + 2 + \cdots + m", r"\frac{m(m+1)}{2}", V),
    (r"1 + 2 + \cdots + m", r"\frac{m(m-1)}{2}", R),
    (r"1 + 3 + 5 + \cdots + (2m-1)", r"m^2", V),
    (r"1 + 3 + 5 + \cdots + (2m-1)", r"m^2 + 1", R),
    (r"2 + 4 + 6 + \cdots + 2m", r"m(m+1)", V),
    (r"2 + 4 + 6 + \cdots + 2m", r"m^2", R),
    # a coefficient 1 that is not written
    (r"x + 2x + 3x + \cdots + mx", r"\frac{m(m+1)}{2} x", V),
    (r"x + 2x + 3x + \cdots + mx", r"\frac{m(m-1)}{2} x", R),
    # exponents, also where they are not written (q is q^1, 1 is q^0)
    (r"1 + q + q^2 + \cdots + q^{m-1}", r"\frac{q^m - 1}{q - 1}", V),
    (r"1 + q + q^2 + \cdots + q^{m-1}", r"\frac{q^{m+1} - 1}{q - 1}", R),
    (r"1 + q + \cdots + q^{m}", r"\frac{q^{m+1} - 1}{q - 1}", V),
    # several numbers moving together, and a last term written as a product
    (r"\frac{1}{1\cdot 2} + \frac{1}{2\cdot 3} + \cdots + \frac{1}{m(m+1)}", r"\frac{m}{m+1}", V),
    (r"\frac{1}{1\cdot 2} + \frac{1}{2\cdot 3} + \cdots + \frac{1}{m(m+1)}", r"\frac{m+1}{m+2}", R),
    # counting down, with a term after the last one of the pattern
    (r"c_m s^m + c_{m-1} s^{m-1} + \cdots + c_1 s + c_0", r"\sum_{j=0}^{m} c_j s^j", V),
    (r"c_m s^m + c_{m-1} s^{m-1} + \cdots + c_1 s + c_0", r"\sum_{j=1}^{m} c_j s^j", R),
    # a term after the last one of the pattern; a_m is the last entry of the range 1..m
    (r"a_1 + a_2 + \cdots + a_{m-1} + a_m", r"\sum_{j=1}^{m} a_j", V),
    (r"a_1 + a_2 + \cdots + a_{m-1} + a_m", r"\sum_{j=1}^{m-1} a_j", R),
    # the range holds the terms written out: x_3 is in it, whatever m is
    (r"x_1 + x_2 + x_3 + \cdots + x_m", r"x_1 + x_2 + x_3 + \sum_{j=4}^{m} x_j", V),
    (r"x_1 + x_2 + x_3 + \cdots + x_m", r"x_1 + x_2 + x_3 + \sum_{j=3}^{m} x_j", R),
]


@pytest.mark.parametrize("lhs, rhs, expected", SUMS)
def test_sums_with_dots(lhs, rhs, expected):
    judged(lhs, rhs, expected)


PRODUCTS = [
    (r"t_1 t_2 \cdots t_m", r"\prod_{j=1}^{m} t_j", V),
    (r"t_1 t_2 \cdots t_m", r"\prod_{j=2}^{m} t_j", R),
    (r"t_1 \cdot t_2 \cdot \ldots \cdot t_m", r"\prod_j t_j", V),  # \prod_j over the dots' range
    (r"t_1 \cdot t_2 \cdot \ldots \cdot t_m", r"2\prod_j t_j", R),
    (r"(1-\mu)(2-\mu)\cdots(m-\mu)", r"\prod_{j=1}^{m} (j - \mu)", V),
    (r"(1-\mu)(2-\mu)\cdots(m-\mu)", r"\prod_{j=1}^{m} (j + \mu)", R),
    (r"1 \cdot 2 \cdot 3 \cdots m", r"m!", V),
    (r"1 \cdot 2 \cdot 3 \cdots m", r"(m-1)!", R),
    (r"q^1 q^2 \cdots q^m", r"q^{m(m+1)/2}", V),
    (r"q^1 q^2 \cdots q^m", r"q^{m^2}", R),
    # the factors after the dots make the last term: two factors at a time here
    (r"a_1 b_1 a_2 b_2 \cdots a_m b_m", r"\prod_{j=1}^{m} a_j \prod_{j=1}^{m} b_j", V),
    (r"a_1 b_1 a_2 b_2 \cdots a_m b_m", r"\prod_{j=1}^{m} a_j b_{j+1}", R),
    (r"e^{x_1} e^{x_2} \cdots e^{x_m}", r"e^{x_1 + x_2 + \cdots + x_m}", V),
    (r"e^{x_1} e^{x_2} \cdots e^{x_m}", r"e^{x_1 x_2 \cdots x_m}", R),
]


@pytest.mark.parametrize("lhs, rhs, expected", PRODUCTS)
def test_products_with_dots(lhs, rhs, expected):
    judged(lhs, rhs, expected)


@pytest.mark.parametrize("text", [
    r"2 + \cdots + 2m",                       # every number from 2, or the even ones?
    r"\frac12 + \frac14 + \cdots + \frac{1}{2^m}",  # 2, 4, ... is not affine up to 2^m
    r"a + b + \cdots + z",                    # letters, no index
    r"x_1 + x_3 + \cdots + x_m",              # a step of 2 that does not reach m
    r"x_1 + x_2 + \cdots",                    # no last term
    r"t_1 t_2 \cdots t_m s",                  # where does the last factor end?
    r"1 - x + x^2 - \cdots + x^m",            # the signs alternate
])
def test_dots_without_a_certain_pattern_stay_unread(text):
    with pytest.raises(ParseFailure):
        parse_math(text)


def test_a_product_with_dots_is_one_product_over_the_index():
    tree = parse_math(r"(1+x_1)(1+x_2)\cdots(1+x_m)")
    assert isinstance(tree, n.BigOp) and tree.kind == "prod" and tree.least == 2
    assert isinstance(tree.lo, n.Num) and tree.lo.value == "1"
    assert isinstance(tree.hi, n.Sym) and tree.hi.base == "m"


def test_a_pattern_with_two_numbers_moving_keeps_both():
    tree = parse_math(r"\frac{1}{1\cdot 2} + \frac{1}{2\cdot 3} + \cdots + \frac{1}{m(m+1)}")
    assert isinstance(tree, n.BigOp) and tree.kind == "sum"
    letters = {x.base for x in tree.body.walk() if isinstance(x, n.Sym)}
    assert letters == {tree.var}


def test_a_product_counted_down_keeps_the_written_order():
    # matrices do not commute: the index counts the factors as written, whichever way they run
    judged(r"(A_1 A_2 \cdots A_m)^T", r"A_m^T A_{m-1}^T \cdots A_1^T", V)
    judged(r"(A_1 A_2 \cdots A_m)^T", r"A_1^T A_2^T \cdots A_m^T", R)
    # m(m-1) is two factors of the pattern
    judged(r"m(m-1)(m-2)\cdots 1", r"m!", V)
    judged(r"m(m-1)(m-2)\cdots 1", r"(m+1)!", R)


SETS = [
    # linearity, constants out, splitting and swapping: true over every finite set
    (r"\sum_{v \in \mathcal{N}(u)} (h_v + g_v)", r"\sum_{v \in \mathcal{N}(u)} h_v + \sum_{v \in \mathcal{N}(u)} g_v", V),
    (r"\sum_{v \in \mathcal{N}(u)} (h_v + g_v)", r"2\sum_{v \in \mathcal{N}(u)} h_v + \sum_{v \in \mathcal{N}(u)} g_v", R),
    (r"\sum_{j \in N(i)} c\, w_{ij}", r"c \sum_{j \in N(i)} w_{ij}", V),
    (r"\sum_{j \in N(i)} c\, w_{ij}", r"c^2 \sum_{j \in N(i)} w_{ij}", R),
    (r"\sum_{a \in A} \sum_{b \in B} u_a v_b", r"\left(\sum_{a \in A} u_a\right)\left(\sum_{b \in B} v_b\right)", V),
    (r"\sum_{a \in A} \sum_{b \in B} u_a v_b", r"\left(\sum_{a \in A} u_a\right)^2", U),  # is B the set A?
    (r"\prod_{k \in K} a_k b_k", r"\prod_{k \in K} a_k \prod_{k \in K} b_k", V),
    (r"\prod_{k \in K} (a_k + b_k)", r"\prod_{k \in K} a_k + \prod_{k \in K} b_k", R),
    (r"\log \prod_{k \in K} p_k", r"\sum_{k \in K} \log p_k", V),
    (r"\log \prod_{k \in K} p_k", r"\prod_{k \in K} \log p_k", R),
    # elements used as numbers: verified where it holds for {1, ..., m}, never refuted
    (r"\sum_{x \in S} (2x + 1)", r"2\sum_{x \in S} x + \sum_{x \in S} 1", V),
    (r"\sum_{x \in S} x^2", r"\left(\sum_{x \in S} x\right)^2", U),
    (r"\sum_{x \in G} f(g x)", r"\sum_{x \in G} f(x)", U),  # true over a group
    # what the set is, the prose says; unless the step holds or fails whatever its size
    (r"\sum_{i \in S} a_i", r"\sum_{i=1}^{n} a_i", U),
    (r"\sum_{i \in S} a_i", r"a_1 + a_2", U),
    (r"\sum_{i \in S} 1", r"|S|", V),  # bars around the summed set: its number of elements
    (r"\sum_{i \in S} 1", r"5", U),
    (r"\sum_{v \in V} \frac{e^{z_v}}{\sum_{w \in V} e^{z_w}}", r"1", V),
    (r"\sum_{v \in V} \frac{e^{z_v}}{\sum_{w \in V} e^{z_w}}", r"2", R),
    # a set that changes with an outer index (neighbours of each i) has no single stand-in
    (r"\sum_i \sum_{j \in N(i)} a_{ij}", r"\sum_j \sum_{i \in N(j)} a_{ij}", U),
    (r"\sum_{k=1}^{m} \sum_{x \in C_k} a_x", r"\sum_{k=1}^{m} \sum_{x \in C_k} a_x", U),
]


@pytest.mark.parametrize("lhs, rhs, expected", SETS)
def test_sums_over_an_unspecified_set(lhs, rhs, expected):
    judged(lhs, rhs, expected)


def test_a_set_named_by_a_function_of_a_letter_is_a_set_of_the_instance():
    tree = parse_math(r"\sum_{j \in N(i)} w_{ij}")
    assert isinstance(tree, n.BigOp) and isinstance(tree.hi, n.Sym) and tree.hi.base == "#N(i)"
    assert tree.over == ("i",)


def test_a_product_reaching_over_a_factor_without_its_index_is_not_decided():
    # \prod_i p(x_i) p(\theta): the prior once, or once per term?
    judged(r"\log \prod_{i=1}^{m} p(x_i) p(\theta)", r"\sum_{i=1}^{m} \log p(x_i) + \log p(\theta)", U)
    judged(r"\prod_{i=1}^{m} a_i b_i", r"\prod_{i=1}^{m} a_i \prod_{i=1}^{m} b_i", V)
