"""Diagnosis, round 8: a lost term that the line before does not spell out, written from the
difference of the two sides in the author's notation and put where the line's ordering puts it."""
import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status

# (previous line, wrong new line, suggested new line)
CASES = [
    # the cross term of a square, letters in the order of the product they came from
    (r"(p+q)^2", r"p^2 + q^2", r"p^2 + 2pq + q^2"),
    (r"(p-q)^2", r"p^2 + q^2", r"p^2 - 2pq + q^2"),
    (r"(s+t)^2 - s^2", r"t^2", r"t^2 + 2st"),
    # rising degrees: the lost term goes between its neighbours
    (r"(1+u)^2", r"1 + u^2", r"1 + 2u + u^2"),
    # falling degrees, a power written with braces
    (r"(z^6 + 1)^2", r"z^{12} + 1", r"z^{12} + 2z^6 + 1"),
    # letters as the lines write them: commands, accents, primes, numbered subscripts
    (r"(\alpha+\beta)^2", r"\alpha^2 + \beta^2", r"\alpha^2 + 2\alpha\beta + \beta^2"),
    (r"(\hat{y} - \nu)^2", r"\hat{y}^2 + \nu^2", r"\hat{y}^2 - 2\hat{y}\nu + \nu^2"),
    (r"(w' + v)^2", r"w'^2 + v^2", r"w'^2 + 2w'v + v^2"),
    (r"(r_1 + r_2)^2", r"r_1^2 + r_2^2", r"r_1^2 + 2r_1r_2 + r_2^2"),
    # over a denominator, as the line writes its other terms
    (r"\frac{(y-\nu)^2}{\tau}", r"\frac{y^2}{\tau} + \frac{\nu^2}{\tau}",
     r"\frac{y^2}{\tau} - \frac{2y\nu}{\tau} + \frac{\nu^2}{\tau}"),
    # inside the bracketed sum of a line that is one product
    (r"\frac{1}{2}(m+k)^2", r"\frac{1}{2}(m^2 + k^2)", r"\frac{1}{2}(m^2 + 2mk + k^2)"),
    (r"\frac{(y-\nu)^2}{\tau}", r"\frac{y^2 + \nu^2}{\tau}", r"\frac{y^2 - 2y\nu + \nu^2}{\tau}"),
    (r"5(g-h)^2", r"5(g^2 + h^2)", r"5(g^2 - 2gh + h^2)"),
]


@pytest.mark.parametrize("lhs,rhs,suggestion", CASES)
def test_synthesized_term(lhs, rhs, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == ("dropped_term", suggestion)


def test_synthesized_term_names_the_term():
    verdict = check_step(r"(p+q)^2", r"p^2 + q^2", "=")
    assert verdict.diagnosis is not None
    assert verdict.diagnosis.term == "2pq"


def test_macro_spelling_is_kept():
    macros = {"\\ev": Macro("\\ev", 0, "\\lambda")}
    verdict = check_step(r"(\ev + 1)^2", r"\ev^2 + 1", "=", macros=macros)
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None
    assert verdict.diagnosis.suggestion == r"\ev^2 + 2\ev + 1"


@pytest.mark.parametrize("lhs,rhs", [
    # two terms lost: no one term repairs the line, and none is made up
    (r"(p+q)^2 + (r+s)^2", r"p^2 + q^2 + r^2 + s^2"),
    # one term lost and a wrong one added
    (r"(p+q)^2", r"p^2 + q^2 + 3"),
])
def test_no_synthesized_term_for_more_than_one_lost_term(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is None


def test_no_synthesized_term_beside_an_undefined_function():
    # the difference 2pq g(z) involves an unknown function: nothing is written from it
    verdict = check_step(r"(p+q)^2 g(z)", r"p^2 g(z) + q^2 g(z)", "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is None


@pytest.mark.parametrize("lhs,rhs", [
    (r"(p+q)^2", r"p^2 + 2pq + q^2"),
    (r"\frac{(y-\nu)^2}{\tau}", r"\frac{y^2 - 2y\nu + \nu^2}{\tau}"),
    (r"\frac{1}{2}(m+k)^2", r"\frac{1}{2}(m^2 + 2mk + k^2)"),
])
def test_correct_expansions_stay_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED
