"""Physical units (parse/units.py, check._unit_reading): siunitx's commands and upright units after a
number are opaque positive factors, never the letters of the step; a unit on one side only, or two
units of one kind, can verify a step but never refute it."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math


@pytest.mark.parametrize("lhs, rhs", [
    (r"2.5\,\mathrm{N} + 1.5\,\mathrm{N}", r"4\,\mathrm{N}"),
    (r"3 \cdot 1.2\,\mathrm{kJ\,mol^{-1}}", r"3.6\,\mathrm{kJ\,mol^{-1}}"),
    (r"12\,\mathrm{rad/s} / 4", r"3\,\mathrm{rad/s}"),
    (r"\SI{4.9}{\meter\per\second\squared} \cdot 2", r"\SI{9.8}{\meter\per\second\squared}"),
    (r"\qty{7}{\kilo\gram} - \qty{2}{\kilo\gram}", r"\qty{5}{\kilo\gram}"),
    (r"\num{3.0e8} \cdot 2", r"\num{6.0e8}"),
    (r"\num{-2.5e-4} \cdot 4", r"-0.001"),
    (r"2 \times 10^{5}\,\mathrm{Pa} \cdot 3", r"6 \times 10^{5}\,\mathrm{Pa}"),
    (r"4\,\si{\volt} \cdot 2", r"8\,\si{\volt}"),
    (r"\SI[per-mode=symbol]{6}{\m\per\s} / 3", r"\SI{2}{\m\per\s}"),
])
def test_same_units_on_both_sides_are_compared_as_factors(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"2.5\,\mathrm{N} + 1.5\,\mathrm{N}", r"5\,\mathrm{N}"),
    (r"\qty{7}{\kilo\gram} - \qty{2}{\kilo\gram}", r"\qty{4}{\kilo\gram}"),
    (r"\num{3.0e8} \cdot 2", r"\num{6.0e9}"),
])
def test_a_wrong_number_with_the_same_unit_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"20 + 273.15", r"293.15\,\mathrm{K}"),
    (r"\frac{1}{2\pi \cdot 50 \cdot 10^{-6}}", r"3183\,\mathrm{Hz}"),
    (r"4\,\text{m/s} \cdot 2", r"8"),
])
def test_a_unit_on_one_side_verifies_when_the_numbers_agree(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # the numbers differ, but the unwritten unit of the left may be another scale (J for kJ)
    (r"\frac{1}{2} \cdot 4 \cdot 50^2", r"5\,\mathrm{kJ}"),
    # (20 + 273.15 = 295.15 K, one digit of the result slipped, which no scale explains, is refuted
    # since round 25: test_pharmacokinetics_round25.py)
    (r"20 + 273.15", r"1293.15\,\mathrm{K}"),
    # units converted to base units verify only: a wrong conversion is left unread
    (r"5\,\mathrm{cm}", r"0.5\,\mathrm{m}"),
    (r"2\,\mathrm{h} + 15\,\mathrm{min}", r"1\,\mathrm{h} + 45\,\mathrm{min}"),
    # a unit written once for two terms
    (r"6\,\mathrm{m} + 2", r"8\,\mathrm{m}"),
])
def test_units_that_cannot_be_compared_are_never_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # (units converted since round 24, see test_units_round24.py)
    (r"5\,\mathrm{cm}", r"0.05\,\mathrm{m}"),
    (r"\SI{2}{\kilo\meter}", r"\SI{2000}{\meter}"),
    (r"72\,\mathrm{km/h}", r"20\,\mathrm{m/s}"),
    (r"2\,\mathrm{h} + 15\,\mathrm{min}", r"1\,\mathrm{h} + 75\,\mathrm{min}"),
])
def test_one_quantity_in_two_scales_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_an_upright_unit_is_no_letter_of_the_step() -> None:
    # \mathrm{m} is metres, m the mass: the product is no square of m
    assert check_step(r"3\,\mathrm{m} \cdot m", r"3 m^2", "=").status is not Status.VERIFIED
    tree = parse_math(r"9.81\,\mathrm{m} \cdot m")
    units = [x for x in tree.walk() if isinstance(x, n.Sym) and x.style == "unit"]
    letters = [x for x in tree.walk() if isinstance(x, n.Sym) and not x.style]
    assert [u.base for u in units] == ["m"] and [x.base for x in letters] == ["m"]


@pytest.mark.parametrize("text", [r"A^\mathrm{T} B", r"\mathrm{V}(X)", r"x\,\mathrm{d}x"])
def test_upright_letters_away_from_a_number_are_no_units(text: str) -> None:
    tree = parse_math(text)
    assert not any(isinstance(x, n.Sym) and x.style == "unit" for x in tree.walk())


def test_the_physics_packages_qty_is_still_a_bracket() -> None:
    assert check_step(r"\qty(y+2)^2", r"y^2 + 4y + 4", "=").status is Status.VERIFIED


def test_siunitx_number_that_is_not_read_stays_unread() -> None:
    assert check_step(r"\num{1,5} \cdot 2", "3", "=").status is Status.UNVERIFIED


def test_a_unit_after_a_multiple_of_pi() -> None:
    assert check_step(r"2\pi \cdot 25\,\mathrm{rad/s}", r"50\pi\,\mathrm{rad/s}", "=").status is Status.VERIFIED


def test_an_upright_letter_after_a_power_of_a_letter_is_no_unit() -> None:
    tree = parse_math(r"A^{2}\mathrm{T}")
    assert not any(isinstance(x, n.Sym) and x.style == "unit" for x in tree.walk())


def test_an_upright_quantity_named_like_a_unit_is_never_refuted_by_it() -> None:
    # \mathrm{m} may be a quantity written upright: after the number it is read as metres, so the
    # step cannot be refuted by that reading
    assert check_step(r"2\,\mathrm{m} + \mathrm{m}", r"3\,\mathrm{m}", "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"3 \times 10^{8}\,\mathrm{m/s}", r"\SI{3e8}{\meter\per\second}"),
    (r"\SI{2}{\kilo\joule\per\mole} + 1\,\mathrm{kJ/mol}", r"3\,\mathrm{kJ/mol}"),
    (r"\qty{4}{\newton\metre} \cdot 2", r"8\,\mathrm{N\,m}"),
])
def test_siunitx_macros_name_the_unit_they_print(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_unit_spelled_two_ways_is_compared_in_base_units() -> None:
    # N m and J are one unit (in base units since round 24)
    assert check_step(r"\qty{4}{\newton\metre}", r"4\,\mathrm{J}", "=").status is Status.VERIFIED
