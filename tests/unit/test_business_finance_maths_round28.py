"""Business and financial mathematics: rates written as factors (1.04, 1.005, 0.965) are the exact rates
of the example when the step or its prose states them (a percentage, a decimal rate beside a word of
finance) or, for whole percents, when the step writes an amount of money; a result a few cents off is then
a slip, not rounding. A rate the author rounded (8%/12 as 0.0067) and measured constants (1.96, 0.693)
still carry their rounding, and an amount of money on one side only is compared with the computation
beside it."""
from __future__ import annotations

from fractions import Fraction

import pytest

from documents import checked_steps, display

from lintmath import money
from lintmath.parse.parser import parse_math
from lintmath.tolerance import TOLERANCE, decimal_tolerance


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _status(prose: str, lhs: str, rhs: str) -> str:
    return _statuses(display(prose, lhs, rhs))[f"{lhs} = {rhs}"]


# (prose, a correct step, the same step with a slip of cents)
STATED = [
    ("A deposit of \\$500 earns interest at 3\\% per annum for two years.",
     "500 \\times 1.03^2", "530.45", "530.54"),
    ("The deposit of \\$1000 earns 4\\% interest, compounded annually.",
     "1000 \\times 1.04^5", "1216.65", "1216.56"),
    ("Interest is 6\\% a year, compounded monthly, on a deposit of \\$5000.",
     "5000 \\times 1.005^{24}", "5635.80", "5635.08"),
    ("The salary of £32\\,000 rises by 2.5\\% a year.",
     "32000 \\times 1.025^4", "35322.01", "35322.06"),
    ("Prices grew by 5\\%, 3\\% and -2\\% in three successive years.",
     "1.05 \\times 1.03 \\times 0.98", "1.0599", "1.0589"),
    ("The loan of \\$20\\,000 is repaid monthly at a rate $i = 0.005$.",
     "\\frac{20000 \\times 0.005}{1 - 1.005^{-60}}", "386.66", "368.66"),
    ("A mortgage of £150\\,000 at 4.8\\% a year is repaid monthly.",
     "\\frac{150000 \\times 0.004}{1 - 1.004^{-300}}", "859.50", "895.50"),
]


@pytest.mark.parametrize("prose, lhs, right, slip", STATED)
def test_a_rate_the_prose_states_is_exact(prose: str, lhs: str, right: str, slip: str) -> None:
    assert _status(prose, lhs, right) == "verified"
    assert _status(prose, lhs, slip) == "refuted"


@pytest.mark.parametrize("lhs, right, slip", [
    ("500 \\times 1.03^2", "\\$530.45", "\\$530.54"),
    ("2500 \\times 1.02^{12}", "£3170.60", "£3170.06"),
    ("200 \\times \\frac{1 - 1.01^{-12}}{0.01}", "\\$2251.02", "\\$2251.20"),
])
def test_a_whole_percent_factor_beside_an_amount_of_money_is_exact(lhs: str, right: str, slip: str) -> None:
    assert _status("", lhs, right) == "verified"
    assert _status("", lhs, slip) == "refuted"


def test_a_slip_of_two_swapped_cents_digits_under_interest_prose_is_refuted() -> None:
    [step] = checked_steps(display("At 3\\% interest per annum,", "500 \\times 1.03^2", "530.54"))
    assert step.verdict.status.value == "refuted"


def test_a_rate_the_author_rounded_still_carries_its_rounding() -> None:
    # 8%/12 = 0.00667 written as 1.0067: the author computed 1083.00 with the exact rate
    for prose in ("Interest at 8\\% a year compounded monthly on \\$1000, with $i = 0.0067$.",
                  "Interest at 8\\% a year compounded monthly on \\$1000, with $i \\approx 0.0067$."):
        assert _status(prose, "1000 \\times 1.0067^{12}", "1083.00") == "verified"
    assert _status("", "1000 \\times 1.0067^{12}", "\\$1083.00") == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    # measured or rounded constants beside prose about money keep their rounding
    ("A 95\\% confidence interval for the mean price of \\$52:", "52 + 1.96 \\times 1.41", "54.76"),
    ("The half-life of an investment's growth at 5\\% interest is", "\\frac{0.693}{0.05}", "13.9"),
    ("The price of \\$100 rises by 3\\% in a year.", "1.41 \\times 1.73", "2.45"),
])
def test_constants_that_are_no_stated_rate_keep_their_rounding(prose: str, lhs: str, rhs: str) -> None:
    assert _status(prose, lhs, rhs) == "verified"


def test_without_money_or_rates_a_factor_of_three_digits_is_a_rounded_constant() -> None:
    # no percentage, no currency, no finance: 1.22 and 1.05 may be rounded constants, as before
    assert decimal_tolerance(parse_math("1.22 \\times 1.05"), given=True) > TOLERANCE
    assert decimal_tolerance(parse_math("500 \\times 1.03^2"), given=True, rates=frozenset({Fraction(3, 100)})) \
        == TOLERANCE
    assert decimal_tolerance(parse_math("500 \\times 1.03^2"), given=True, money=True) == TOLERANCE
    assert decimal_tolerance(parse_math("1000 \\times 1.0067^{12}"), given=True, money=True) > TOLERANCE


def test_the_prose_states_quoted_rates_only() -> None:
    lines = ["Interest at 6\\% a year on a loan of \\$200 with $r = 0.06$.", "",
             "The effective rate of the deposit is 12.68\\%.", "",
             "The price is about 3\\% higher.", "",
             "The wavelength is 532 nm and 3\\% of it is lost."]
    stated = {line: rates for line, rates, _ in money.statements_of(lines)}
    assert stated == {1: frozenset({"3/50"})}


def test_an_amount_of_money_on_one_side_is_compared_with_its_computation() -> None:
    assert _status("", "500 \\times 1.03^2", "\\$530.00") == "refuted"
    assert _status("", "12 \\times 88.85", "\\$1066.20") == "verified"
    # a lone number beside an amount may count cents
    assert _status("", "\\$0.45", "45") == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("R\\sum_{k=1}^{n} (1+i)^{-k}", "R\\frac{1 - (1+i)^{-n}}{i}"),
    ("R\\frac{1 - (1+i)^{-n}}{i} (1+i)^n", "R\\frac{(1+i)^{n} - 1}{i}"),
    ("\\frac{1+i}{1+\\pi} - 1", "\\frac{i - \\pi}{1 + \\pi}"),
    ("pq - vq - F", "(p - v)q - F"),
    ("12000(1 - 0.2)^3", "12000 \\times 0.8^3"),
    ("144 - \\frac{144}{1.2}", "£24"),
    ("1000 e^{0.05 \\times 3}", "\\$1161.83"),
    ("\\frac{\\ln 2}{\\ln 1.06}", "11.90"),
])
def test_finance_identities_and_rows_verify(lhs: str, rhs: str) -> None:
    assert _status("Interest is compounded at rate $i$ on a price of \\$100.", lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("R\\sum_{k=1}^{n} (1+i)^{-k}", "R\\frac{1 - (1+i)^{n}}{i}"),
    ("\\frac{1+i}{1+\\pi} - 1", "\\frac{i + \\pi}{1 + \\pi}"),
    ("25q - (15000 + 10q)", "15q + 15000"),
    ("\\frac{10000}{(1.05)^3}", "10000 \\times 1.05^{3}"),
    ("\\frac{d}{di}(1+i)^{-n}", "-n(1+i)^{-n+1}"),
    ("\\frac{500}{0.04}", "\\$1250"),
    ("59.99 \\times 1.0825", "\\$64.49"),
])
def test_finance_slips_are_refuted(lhs: str, rhs: str) -> None:
    assert _status("", lhs, rhs) == "refuted"
