"""Diagnosis, round 24: a term lost from the expansion of a product of the line before that writes
bracketed sums beside other factors is put back as the expansion writes it: each bracket gives one of
its terms in its place, the other factors stay as written (with their operators), a transposed bracket
transposes its term, and a number leading a chosen term goes first (``-3Pb`` from ``P(a - 3b)``)."""
import pytest

from lintmath.check import check_step
from lintmath.diagnose.terms import _combinations, _disjoint_spans, _product_slots
from lintmath.model import Macro, Status
from lintmath.parse.parser import parse_math

R = Status.REFUTED
MACROS = {"\\dotp": Macro("\\dotp", 0, "\\cdot")}


# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # a quadratic form of a sum: the product of the first terms of both brackets was lost
    (r"(p+sq)^TB(p+sq)", r"sp^TBq + sq^TBp + s^2q^TBq", "dropped_term",
     r"p^TBp + sp^TBq + sq^TBp + s^2q^TBq"),
    # a factor times a bracket: the lost term keeps the factor, its number written first
    (r"P\left(a - 3b\right)", r"Pa", "dropped_term", r"Pa - 3Pb"),
    (r"P\left(a - 3b\right)", r"-3Pb", "dropped_term", r"Pa -3Pb"),
    # each product of a sum distributed: the operator between the factors is kept
    (r"s\mathbf{a}\cdot(s\mathbf{a}+\mathbf{b}) + \mathbf{b}\cdot(s\mathbf{a}+\mathbf{b})",
     r"s^2\mathbf{a}\cdot\mathbf{a} + s\mathbf{a}\cdot\mathbf{b} + s\mathbf{b}\cdot\mathbf{a}", "dropped_term",
     r"s^2\mathbf{a}\cdot\mathbf{a} + s\mathbf{a}\cdot\mathbf{b} + s\mathbf{b}\cdot\mathbf{a}"
     r" + \mathbf{b} \cdot \mathbf{b}"),
    # a number factor kept as written in front of the chosen term
    (r"5(u^2 + 2w)", r"5u^2", "dropped_term", r"5u^2 + 10w"),
    # a 1 chosen from the bracket is not written; the term goes where the expansion puts it
    (r"c y^2 + p q \left(1 - \frac13 z^2\right)", r"c y^2 - \frac13 p q z^2", "dropped_term",
     r"c y^2 + pq - \frac13 p q z^2"),
    # the operator between the factors as the author spells it (a macro of theirs)
    (r"\mathbf{u}\dotp(\mathbf{v}-\mathbf{w})", r"-\mathbf{u}\dotp\mathbf{w}", "dropped_term",
     r"\mathbf{u} \dotp \mathbf{v} -\mathbf{u}\dotp\mathbf{w}"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs, macros=MACROS) == (kind, suggestion)


def test_one_term_line_that_writes_no_term_of_the_expansion():
    # the line is no term of the expansion: a wrong factor, not the rest of the expansion lost
    verdict = check_step(r"\frac13 \left(\sqrt{3}-\frac{1}{\sqrt{3}}\right)", r"2\frac{2\sqrt{3}}{9}", "=")
    assert verdict.status is R
    assert (verdict.diagnosis.kind, verdict.diagnosis.suggestion) == ("constant_factor", r"\frac{2\sqrt{3}}{9}")


def test_right_expansion_still_verified():
    # the reading of the product is unchanged: only a refuted step is diagnosed
    assert check_step(r"(p+sq)^TB(p+sq)", r"p^TBp + sp^TBq + sq^TBp + s^2q^TBq", "=").status is Status.VERIFIED


def test_wrong_term_not_put_back():
    # a line that lost a term and has another wrong is not repaired by putting the lost term back
    verdict = check_step(r"P\left(a - 3b\right)", r"2Pa", "=")
    assert verdict.status is R
    assert verdict.diagnosis is None or verdict.diagnosis.suggestion != "2Pa - 3Pb"


@pytest.mark.parametrize("lhs,expected", [
    # transposed bracket: the mark goes on the term's last letter, and then on each letter of the
    # product reversed, as a product of matrices is transposed (round 28)
    (r"(p+sq)^TB(p+sq)", [["p^T", "sq^T", "q^Ts^T"], ["B"], ["p", "sq"]]),
    (r"P\left(a - 3b\right)", [["P"], ["a", "b"]]),
    # a product of two brackets alone is _lost_products' (no other factor), a bracket alone no product
    (r"(a+b)(c+d)", None),
    (r"(a+b)", None),
    # a transposed product with a number is not written so: no expansion
    (r"(p+2q)^TB(p+q)", None),
])
def test_product_slots(lhs, expected):
    slots = _product_slots(lhs, parse_math(lhs))
    assert (slots and [[c.text for c in choices] for _, choices in slots]) == expected


def test_combinations_in_expansion_order():
    slots = _product_slots(r"(p+sq)^TB(p+sq)", parse_math(r"(p+sq)^TB(p+sq)"))
    texts = ["".join(c.text for c in chosen) for chosen in _combinations([choices for _, choices in slots])]
    assert texts == ["p^TBp", "p^TBsq", "sq^TBp", "sq^TBsq", "q^Ts^TBp", "q^Ts^TBsq"]


@pytest.mark.parametrize("spans,ok", [
    ([(0, 10), (1, 4), (5, 9)], True),  # a bracket holding its terms
    ([(0, 10), (0, 10)], False),  # two pieces at one span: a macro call's
    ([(0, 5), (3, 8)], False),  # across each other
    ([(0, 0)], False),  # no text at all
])
def test_disjoint_spans(spans, ok):
    assert _disjoint_spans(spans) is ok
