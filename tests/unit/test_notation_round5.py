"""Notation of real lecture material, fifth round, all in the parser: the operator form of the partial
derivative (\\partial_x f), entries of a bracketed symbol ([X]_{ij}, (W^T)_{ks}), ellipses over doubly
indexed names (a_{11} ... a_{s1}) and nested ellipses, integrals over an indexed variable (d\\theta_n) or
with a named bound (\\int_{x=0}), text labels inside an integrand (x_\\text{e}), arrays that lay out a long
sum, and plainer reasons for what stays unread. Each family: the notation reads, a correct step is
verified, a wrong one is not, and the ambiguous forms stay unverified. The examples are the project's own."""
import pytest

from lintmath.check import check_step
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure

V, R, U = "verified", "refuted", "unverified"
NV = "not verified"


def judged(lhs, rhs, expected):
    got = check_step(lhs, rhs, "=").status.value
    assert got in (R, U) if expected == NV else got == expected, got


def refused(text, words):
    with pytest.raises(ParseFailure) as info:
        parse_math(text)
    assert words in str(info.value), str(info.value)


PARTIAL_OPERATOR = [
    (r"\partial_x (x^3 y)", "3x^2 y", V),
    (r"\partial_x (x^3 y)", "x^2 y", R),
    (r"\partial_y^2 \sin(y)", r"-\sin(y)", V),
    (r"\partial_t (t^2) + 1", "2t + 1", V),
    (r"\partial_{\theta} (\theta^2 u)", r"2\theta u", V),
]


@pytest.mark.parametrize("lhs,rhs,expected", PARTIAL_OPERATOR)
def test_partial_operator(lhs, rhs, expected):
    judged(lhs, rhs, expected)


def test_partial_operator_is_the_fraction_form():
    node = parse_math(r"\partial_x f(x)")
    assert isinstance(node, n.Deriv) and node.partial and node.wrt[0][0].base == "x"


@pytest.mark.parametrize("text,words", [
    (r"\partial_i x_i^2", "coordinate index"),  # \partial_i: along the i-th coordinate, not along i
    (r"\partial_x x y - y", "how far"),  # does the operator reach the - y?
    (r"\partial_{xy} (x y)", "with respect to an expression"),
    (r"\int_{\partial V} f \, dS", "\\partial without a variable"),
])
def test_partial_operator_ambiguous(text, words):
    refused(text, words)


BRACKET_ENTRIES = [
    (r"[\mathbf{A}]_{ij} + [\mathbf{B}]_{ij}", r"\mathbf{A}_{ij} + \mathbf{B}_{ij}", V),
    (r"(Q)_{k} c", "c Q_k", V),
    (r"\sum_{k=1}^{3} Z_{pk} \left(M^{T}\right)_{kq}", r"\sum_{k=1}^{3} Z_{pk} M_{qk}", V),
    # the entry (k, q) of a transpose is the entry (q, k), not (k, q)
    (r"\sum_{k=1}^{3} Z_{pk} \left(M^{T}\right)_{kq}", r"\sum_{k=1}^{3} Z_{pk} M_{kq}", NV),
]


@pytest.mark.parametrize("lhs,rhs,expected", BRACKET_ENTRIES)
def test_bracket_entries(lhs, rhs, expected):
    judged(lhs, rhs, expected)


@pytest.mark.parametrize("text", [
    r"(B_2)_j",  # entry j of B_2, or B_{2j}? not decided
    r"g(t)_i",  # a component of a function's value
])
def test_bracket_entries_not_read(text):
    refused(text, "compound expression")


ELLIPSES = [
    # a_{11} beside a_{s1}: two indices, as the author means
    (r"c_{11} w_1 + \ldots + c_{m1} w_m", r"\sum_{j=1}^{m} c_{j1} w_j", V),
    (r"c_{11} w_1 + \ldots + c_{m1} w_m", r"\sum_{j=1}^{m} c_{1j} w_j", NV),
    # nested ellipses: the outer index must not be the inner one
    (r"(b_{1} c_1 + \cdots + b_{1} c_n) + \cdots + (b_{m} c_1 + \cdots + b_{m} c_n)",
     r"\sum_{i=1}^{m} \sum_{j=1}^{n} b_i c_j", V),
    (r"(b_{1} c_1 + \cdots + b_{1} c_n) + \cdots + (b_{m} c_1 + \cdots + b_{m} c_n)",
     r"m \sum_{j=1}^{n} b_j c_j", NV),
]


@pytest.mark.parametrize("lhs,rhs,expected", ELLIPSES)
def test_ellipses(lhs, rhs, expected):
    judged(lhs, rhs, expected)


def test_ellipsis_with_a_double_pattern_stays_unread():
    refused(r"u_1 v_1 g_{11} + u_1 v_2 g_{12} + \ldots + u_n v_n g_{nn}", "pattern is not decided")


INTEGRALS = [
    (r"\int_0^1 3 s_j^2 \, ds_j", "1", V),
    (r"\int_0^1 3 s_j^2 \, ds_j", "3", R),
    (r"\int_{0}^{2} \theta_k \; \mathrm{d}\theta_k", "2", V),
    (r"\int_{y=0}^{1} 4y^3 \, dy", "1", V),
    (r"\int_{y=0}^{1} 4y^3 \, dy", "4", R),
    (r"\int_{0}^{1} g_\text{in}(t) \, dt", r"\int_{0}^{1} g_\text{in}(u) \, du", V),
]


@pytest.mark.parametrize("lhs,rhs,expected", INTEGRALS)
def test_integrals(lhs, rhs, expected):
    judged(lhs, rhs, expected)


@pytest.mark.parametrize("text,words", [
    (r"\int_{s=0}^{1} 4y^3 \, dy", "names s, not its variable"),
    (r"\int_0^{P=2} x \, dx", "names a value"),  # P = 2 holds for the whole step, not the bound alone
    (r"\int_0^1 x \, dx_j^2", "with respect to an expression"),
])
def test_integrals_not_read(text, words):
    refused(text, words)


LAYOUT = [
    (r"p + q + r + s", r"\begin{array}[t]{@{}c@{~}c@{~}c} & p &+& q \\ +& r &+& s \end{array}", V),
    (r"p + q + r + s", r"\begin{array}{ccc} & p &+& q \\ -& r &+& s \end{array}", NV),
]


@pytest.mark.parametrize("lhs,rhs,expected", LAYOUT)
def test_array_laid_out_sum(lhs, rhs, expected):
    judged(lhs, rhs, expected)


def test_array_with_a_position_is_still_a_matrix():
    node = parse_math(r"\begin{array}[c]{cc} a & b \\ c & d \end{array}")
    assert isinstance(node, n.MatrixLit) and len(node.rows) == 2


@pytest.mark.parametrize("text,words", [
    (r"[P, Q] + 1", "a list in brackets"),  # a commutator, a Poisson bracket or an interval
    (r"(a_1, a_2, a_3) + (b_1, b_2, b_3)", "a list in brackets"),
    (r"1(0 < x < 3) + 2", "a relation inside brackets"),  # 1(x \neq 3) reads as an indicator (round 13)
    (r"1{x \neq 3} + 2", "a relation inside a group"),
    # K(x, \cdot) alone is read as one function (round 29); a subscripted name's slot is not
    (r"\langle f, K_1(x, \cdot) \rangle", "placeholder argument"),
    (r"\text{total cost}", "words (\\text{total cost})"),
    (r"\sum_{k=1,\ k \neq j}^{n} a_k", "side condition"),
])
def test_plainer_reasons(text, words):
    refused(text, words)
