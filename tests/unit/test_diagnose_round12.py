"""Diagnosis, round 12: a result in scientific notation is rounded like any written decimal; a line
of numbers carries the rounding of its long decimals by as much as it moves with them (a power
magnifies it, a difference of near numbers too), added to the result's own; a rounded result whose
digits slipped is an arithmetic slip (LM108), written as the right value rounded to the same digits;
a result worked out wrong from a line of numbers is written again as the right value (LM108), not
given a term; an edit inside an exponent is a wrong exponent (LM104); part of a fraction upside
down is a reciprocal (LM106); and a difference of the sides that is no single term is not offered as
one."""
import pytest

from lintmath.check import check_step, parse_step
from lintmath.tolerance import decimal_tolerance
from lintmath.model import Status

V, R = Status.VERIFIED, Status.REFUTED


@pytest.mark.parametrize("lhs,rhs,status", [
    # a result in scientific notation: half a unit of the mantissa's last digit, times the power
    (r"e^{13.32}", r"6.1\times10^{5}", V),
    (r"2^{10}", r"1.0\times10^{3}", V),
    (r"2^{10}", r"1.0\cdot 10^{3}", V),
    (r"e^{-13.32}", r"1.6\times10^{-6}", V),
    (r"e^{13.32}", r"6.1\text{e}5", V),  # a program's notation, read as a power of ten
    (r"e^{13.32}", r"6.1\mathrm{e}{5}", V),
    (r"2^{10}", r"1.1\times10^{3}", R),
    (r"e^{13.32}", r"6.2\times10^{5}", R),
    (r"2.998\times10^{8}", r"3\times10^{8}", R),  # an integer mantissa is exact, as integers are
    # long decimals in a line of numbers carry their rounding by as much as the line moves
    (r"1000(1.0041667)^{120}", r"1647.01", V),
    (r"1000\left(1 + \frac{0.05}{12}\right)^{12\cdot 10}", r"1000(1.0041667)^{120}", V),
    (r"-100 + 54.55 + 49.59", r"4.13", V),
    (r"\exp\left(\frac{32990}{8.314\cdot 298}\right)", r"e^{13.32}", V),
    (r"1000 + 0.1234", r"1000.2", R),  # a small decimal added to a large number moves it little
    # decimals of one or two digits are exact data; three digits keep their own share
    (r"0.3 \cdot 0.2 + 0.7 \cdot 0.1", r"0.14", R),
    (r"\frac{\ln 2}{\ln 1.08}", r"9.10", R),
    (r"1.01^{12} - 1", r"0.1286", R),
    (r"\frac{\ln 2}{\ln 1.08}", r"9.01", V),
    (r"1.01^{12} - 1", r"0.1268", V),
])
def test_rounded_results(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_a_scientific_result_claims_its_mantissas_digits():
    tree = parse_step("x", r"6.1\times10^{5}", {}).rhs
    assert abs(float(decimal_tolerance(tree)) - 0.05 / 6.1) < 1e-9


# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # a rounded result whose digits slipped: the right value rounded to the same digits
    (r"1 - 0.332 - 0.137", r"0.631", "arithmetic", r"0.531"),  # one digit wrong
    (r"\frac{\ln 2}{\ln 1.08}", r"9.10", "arithmetic", r"9.01"),  # neighbours swapped
    (r"-100 + 54.55 + 49.59", r"4.31", "arithmetic", r"4.13"),
    (r"1.01^{12} - 1", r"0.1286", "arithmetic", r"0.1268"),
    (r"e^{0.647}", r"1.19", "arithmetic", r"1.91"),
    (r"\frac{\ln 2}{\ln 1.08}", r"90.1", "arithmetic", r"9.01"),  # the point one place off
    (r"e^{13.32}", r"6.1\times10^{6}", "arithmetic", r"6.1\times10^{5}"),  # the power of ten one off
    (r"e^{13.32}", r"6.1\text{e}6", "arithmetic", r"6.1\text{e}5"),
    (r"e^{-13.32}", r"1.6\times10^{-5}", "arithmetic", r"1.6\times10^{-6}"),
    (r"2^{10}", r"-1.0\times10^{3}", "sign_flip", r"1.0\times10^{3}"),
    # a result worked out wrong from a line of numbers: the right value, as the author writes numbers
    (r"\frac{10}{16} + \frac{2}{16}", r"\frac58", "arithmetic", r"\frac34"),
    (r"\frac12 + \frac14\cdot 2 + \frac14\cdot 2", r"2", "arithmetic", r"\frac32"),
    (r"\frac{1}{2} + \frac{1}{4}", r"5/8", "arithmetic", r"3/4"),
    (r"\frac{1}{2} + \frac{1}{3}", r"\frac{4}{6}", "arithmetic", r"\frac{5}{6}"),
    # an edit inside an exponent changes the exponent
    (r"(1-\beta)\cdot\frac{1-\beta^t}{1-\beta}", r"1 - \beta^{t-1}", "exponent", r"1 - \beta^{t}"),
    (r"x^{n}\cdot x", r"x^{n-1}", "exponent", r"x^{n+1}"),
    # part of a fraction upside down
    (r"\frac{\beta K^{\alpha}L^{\beta-1}}{\alpha K^{\alpha-1}L^{\beta}}", r"\frac{\beta L}{\alpha K}", "reciprocal",
     r"\frac{\beta K}{\alpha L}"),
    (r"\frac{a x^2}{b y^2} \cdot \frac{y}{x}", r"\frac{a y}{b x}", "reciprocal", r"\frac{a x}{b y}"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_the_suggestion_holds(lhs, rhs, kind, suggestion):
    assert check_step(lhs, suggestion, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs,rhs,detail", [
    (r"\frac{\ln 2}{\ln 1.08}", r"9.10", "`9.10` should be `9.01`"),
    (r"e^{13.32}", r"6.1\times10^{6}", r"`6.1\times10^{6}` should be `6.1\times10^{5}`"),
    (r"(1-\beta)\cdot\frac{1-\beta^t}{1-\beta}", r"1 - \beta^{t-1}", r"the exponent in `\beta^{t-1}` should be t"),
])
def test_the_detail_names_the_number_or_exponent(lhs, rhs, detail):
    assert check_step(lhs, rhs, "=").diagnosis.detail == detail


@pytest.mark.parametrize("lhs,rhs", [
    (r"1000(1.0041667)^{120}", r"1628.89"),  # far off: no slip of its digits rounds the value
    (r"\frac{1}{3}", r"0.30"),  # a trailing zero is a result cut short, not a slip
    (r"\frac{2269.68}{2270.97}", r"0.9"),  # a one-digit result has no digits to slip
])
def test_a_rounded_result_no_slip_explains_is_not_diagnosed(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED and verdict.diagnosis is None


@pytest.mark.parametrize("lhs,rhs,suggestion", [
    # one number after integrals or products may be one term worked out and the others lost
    (r"\int_0^1 2t\,dt - \int_0^1 3t^2\,dt", r"1", "1 - 1"),
    (r"1\cdot 0 + 1", r"0", "0 + 1"),
])
def test_a_term_lost_beside_one_worked_out_is_still_a_dropped_term(lhs, rhs, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == ("dropped_term", suggestion)


@pytest.mark.parametrize("lhs,rhs", [
    # the difference is two fractions over different denominators, not one term a line lost
    (r"\frac{\beta K^{\alpha}L^{\beta-1}}{\alpha K^{\alpha-1}L^{\beta}}", r"\frac{\beta L}{\alpha K}"),
    (r"\frac{n^2R^2T}{PV}", r"nR"),
    (r"\frac{a}{b} + \frac{b}{a}", r"\frac{a}{b}"),
])
def test_no_term_made_of_a_difference_that_is_no_single_term(lhs, rhs):
    d = check_step(lhs, rhs, "=").diagnosis
    assert d is None or d.kind != "dropped_term" or "(" not in d.term


@pytest.mark.parametrize("lhs,rhs", [
    (r"a^2 + 2ab + b^2 + c", r"(a+b)^2"),  # a short monomial lost: still written back
])
def test_a_lost_monomial_is_still_written_back(lhs, rhs, diagnosed):
    kind, suggestion = diagnosed(lhs, rhs)
    assert kind == "dropped_term" and "c" in suggestion
