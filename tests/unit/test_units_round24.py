"""Units in two scales of one quantity, compared in SI base units (lintmath/parse/si.py): verify-only."""
from fractions import Fraction

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse.si import unit_size


@pytest.mark.parametrize("name, size, base", [
    ("kN m", Fraction(1000), {"kg": 1, "m": 2, "s": -2}),
    ("km/h", Fraction(5, 18), {"m": 1, "s": -1}),
    ("kJ mol^{-1}", Fraction(1000), {"kg": 1, "m": 2, "s": -2, "mol": -1}),
    ("GPa", Fraction(10) ** 9, {"kg": 1, "m": -1, "s": -2}),
    ("cm^3", Fraction(1, 10 ** 6), {"m": 3}),
    ("mAh", Fraction(18, 5), {"ampere": 1, "s": 1}),
])
def test_unit_sizes(name, size, base):
    assert unit_size(name) == (size, base)


@pytest.mark.parametrize("name", [
    "J/mol K",  # per mole kelvin, or per mole times kelvin
    "m/s/s",
    "kcal",  # the calorie's size is a convention (4.184 or 4.1868 J)
    "lb",
    "xyz",
])
def test_units_not_read_in_full_are_not_converted(name):
    assert unit_size(name) is None


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{12\,\mathrm{kN}}{3\,\mathrm{cm}^2}", r"40\,\mathrm{MPa}"),
    (r"\frac{8\,\text{kN}}{4\times 10^{-4}\,\text{m}^2}", r"20\,\text{MPa}"),
    (r"4\,\text{kN} \times 3\,\text{m}", r"12\,\text{kN\,m}"),
    (r"70\,\text{GPa}", r"7\times 10^{10}\,\text{Pa}"),
    (r"\tfrac{1}{2}(4\,\mathrm{kg})(5\,\mathrm{m/s})^2", r"50\,\mathrm{J}"),
    (r"5\,\mathrm{m/s}", r"18\,\mathrm{km/h}"),
    (r"2\,\mathrm{m} + 40\,\mathrm{cm}", r"2.4\,\mathrm{m}"),
    (r"3\,\mathrm{kW} \cdot 2\,\mathrm{h}", r"6\,\mathrm{kWh}"),
    (r"\SI{1.5}{\kilo\volt} \cdot \SI{2}{\milli\ampere}", r"\SI{3}{\watt}"),
])
def test_one_quantity_in_two_scales_verifies(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # a slip of a factor 1000: converted, the sides disagree, but a unit read wrongly is no slip of
    # the author's, so the reading verifies only
    (r"\frac{12\,\mathrm{kN}}{3\,\mathrm{cm}^2}", r"40\,\mathrm{kPa}"),
    (r"5\,\mathrm{m/s}", r"5\,\mathrm{km/h}"),
    # rad/s and Hz are not one quantity written twice
    (r"2\pi \cdot 50\,\mathrm{Hz}", r"100\pi\,\mathrm{rad/s}"),
])
def test_disagreeing_or_unlike_units_are_left_unread(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_an_absurd_power_of_a_unit_is_not_converted():
    assert unit_size("km^{99999}") is None


@pytest.mark.parametrize("lhs, rhs", [
    (r"\pi (0.1\,\text{m})^2", r"0.0314\,\text{m}^2"),
    (r"\frac{20\,\text{kN}}{\pi (0.01\,\text{m})^2}", r"63.7\,\text{MPa}"),
])
def test_pi_before_a_measured_bracket_multiplies_it(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\pi(10)", r"4"),  # the prime-counting function
    (r"\pi(0.5)", r"1"),  # a prior density at 0.5
])
def test_pi_of_plain_numbers_may_be_a_function(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED
