"""Red team of the units reading (round 16): correct worked examples of physics, chemistry and
engineering must never be refuted; planted slips with one unit on both sides stay caught."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math


@pytest.mark.parametrize("lhs, rhs", [
    # kilo-ohms against ohms: a scale, not a quaternion k times the letter Omega
    (r"6.8\,\mathrm{k}\Omega", r"6800\,\Omega"),
    (r"2\,\mathrm{k}\Omega + 470\,\Omega", r"2.47\,\mathrm{k}\Omega"),
    (r"1.5\,\mathrm{k}\Omega \times 4", r"6000\,\Omega"),
    (r"2.2\,\mathrm{M}\Omega", r"2.2 \times 10^{6}\,\Omega"),
    (r"3\times 10^{3}\,\Omega", r"3\,\mathrm{k}\Omega"),
])
def test_prefixed_ohms_are_never_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"1.2\,\mathrm{k}\Omega + 3.4\,\mathrm{k}\Omega", r"4.8\,\mathrm{k}\Omega"),
    (r"150\,\Omega \times 2", r"310\,\Omega"),
    (r"4\,\mu\Omega \times 3", r"13\,\mu\Omega"),
])
def test_a_wrong_number_of_ohms_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # a result with a unit power is rounded like any result (0.0785... m^2 as 0.079 m^2)
    (r"\pi \times 0.025\,\mathrm{m}^2", r"0.079\,\mathrm{m}^2"),
    (r"7.1\,\mathrm{s}^{-1} \times 1.3", r"9.2\,\mathrm{s}^{-1}"),
    # a measured quantity rounded to two digits
    (r"\sqrt{3} \times 20\,\mathrm{V}", r"35\,\mathrm{V}"),
    (r"4.9 \times 3.7\,\mathrm{N}", r"18\,\mathrm{N}"),
    # a second upright unit after the first one is a unit too
    (r"1.9\,\mathrm{kg}\,\mathrm{m}^{-3} \times 2.1", r"4.0\,\mathrm{kg}\,\mathrm{m}^{-3}"),
])
def test_rounded_results_with_units_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\pi \times 0.025\,\mathrm{m}^2", r"0.089\,\mathrm{m}^2"),
    (r"\sqrt{3} \times 20\,\mathrm{V}", r"36\,\mathrm{V}"),
    (r"6 \times 7\,\mathrm{N}", r"43\,\mathrm{N}"),  # integer arithmetic off by one is no rounding
    (r"1.9\,\mathrm{kg}\,\mathrm{m}^{-3} \times 2", r"3.6\,\mathrm{kg}\,\mathrm{m}^{-3}"),
])
def test_wrong_results_with_units_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_second_unit_needs_a_first_after_a_number() -> None:
    # \mathrm{s} after the letter v is no unit: nothing here is read as one
    tree = parse_math(r"v\,\mathrm{m}\,\mathrm{s}")
    assert not any(isinstance(x, n.Sym) and x.style == "unit" for x in tree.walk())
    tree = parse_math(r"3\,\mathrm{m}\,\mathrm{s}^{-1}")
    assert sorted(x.base for x in tree.walk() if isinstance(x, n.Sym) and x.style == "unit") == ["m", "s"]


def test_omega_as_a_quantity_still_reads() -> None:
    # a Rabi frequency Omega: the letter, which the ohms reading only revisits in a refuted step
    assert check_step(r"3\Omega + \Omega", r"4\Omega", "=").status is Status.VERIFIED
    assert check_step(r"2\Omega t \cdot 3", r"6\Omega t", "=").status is Status.VERIFIED
