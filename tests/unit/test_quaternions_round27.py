"""Quaternion notes: the plain letters i, j, k multiplied together are Hamilton's units (ij = -ji = k),
never commuting numbers. A step that holds with them as units is verified, one that holds only as
numbers ((i + j)^2 = i^2 + 2ij + j^2) is not, and one that fails both ways is refuted without the
numbers' counterexample or a repair that holds only as numbers."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.parse.parser import parse_math
from lintmath import quaternions


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _chain(*lines: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}\n"


@pytest.mark.parametrize("lhs, rhs", [
    ("ij", "-ji"),                                     # was refuted as a sign error
    ("i^2 + ij + ji + j^2", "-2"),                     # was refuted as a dropped 2ij
    ("(i + j)(i - j)", "i^2 - ij + ji - j^2"),
    ("i^2 - ij + ji - j^2", "-2k"),
    ("(2i + 3j)(i - j)", "2i^2 - 2ij + 3ji - 3j^2"),
    ("(1 + i)^{-1}(1 + j)(1 + i)", "1 - k"),
    ("(i + j + k)^3", "-3(i + j + k)"),
    ("|2 + 2i + j + k|^2", "10"),
    ("k(\\cos\\theta + i\\sin\\theta)", "k\\cos\\theta + j\\sin\\theta"),
    ("(\\cos\\alpha + i\\sin\\alpha) j (\\cos\\alpha - i\\sin\\alpha)", "j\\cos 2\\alpha + k\\sin 2\\alpha"),
    ("\\left(\\frac{1 + i + j + k}{2}\\right) i \\left(\\frac{1 - i - j - k}{2}\\right)", "j"),
])
def test_a_step_that_holds_with_the_units_is_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert verdict.reason == quaternions.HOLDS


@pytest.mark.parametrize("lhs, rhs", [
    ("(i + j)^2", "i^2 + 2ij + j^2"),
    ("(i + j)(i - j)", "i^2 - j^2"),
    ("(1 + i)j(1 - i)", "2j"),
    ("ijij", "1"),
    ("i^{-1} j i", "j"),
    ("2 + 2k + i + ik - j - jk", "2 + 2k + i + j - j - i"),
])
def test_a_step_that_holds_only_as_numbers_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("ij + ik + j^2 + jk", "k + j - 1 + i"),
    ("\\frac{(i + j)(1 - k)}{2}", "\\frac{i + ik + j + jk}{2}"),
    ("i j k", "1"),
    ("(ij - ji)^2", "4"),
    ("(1 + 2i)(3 - j)", "3 - j + 6i + 2ij"),
])
def test_a_slip_that_fails_with_the_units_and_as_numbers_is_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert not verdict.counterexample  # values of i, j, k as numbers would mislead


def test_a_repair_that_holds_only_as_numbers_is_not_offered() -> None:
    # (ij - ji)^2 is (2k)^2 = -4: the numbers' repair, 0, is wrong
    assert check_step("(ij - ji)^2", "4", "=").diagnosis is None


def test_a_repair_that_holds_with_the_units_is_kept() -> None:
    verdict = check_step("(1 + 2i)(3 - j)", "3 - j + 6i + 2ij", "=")
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion == "3 - j + 6i - 2ij"


def test_coefficients_that_may_be_quaternions_leave_a_step_unverified() -> None:
    verdict = check_step("(x i + y j + z k)^2", "-(x^2 + y^2 + z^2)", "=")
    assert verdict.status.value == "unverified"
    assert verdict.reason == quaternions.REAL_ONLY


def test_one_unit_in_a_chain_that_multiplies_units_is_the_unit_too() -> None:
    statuses = _statuses(_chain("i j k &= (ij)k", "&= k^2", "&= -1"))
    assert statuses == {"i j k = (ij)k": "verified", "(ij)k = k^2": "verified", "k^2 = -1": "verified"}


def test_one_unit_alone_is_not_read_as_a_quaternion() -> None:
    # k is an index as often as a unit: without another unit beside it, no reading is imposed
    assert check_step("4 - 9k^2", "13", "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs, expected", [
    ("(i + j)^2", "i^2 + 2ij + j^2", True),
    ("\\sum_i x_i y_j", "y_j \\sum_i x_i", False),
    ("i + j", "j + i", False),
    ("ij", "-ji", True),
    ("(i + j)k", "ik + jk", True),
])
def test_the_reading_applies_only_where_units_meet(lhs: str, rhs: str, expected: bool) -> None:
    assert quaternions.applies(parse_math(lhs), parse_math(rhs)) is expected


@pytest.mark.parametrize("lhs, rhs", [
    ("2\\sin\\frac{\\theta}{2}\\cos\\frac{\\theta}{2}", "\\sin\\frac{\\theta}{2}"),
    ("(1, 2, 3) \\times (4, 5, 6)", "(-3, -6, -3)"),
    ("3 - 4\\sin^2\\frac{\\theta}{2}", "3 - 2(1 + \\cos\\theta)"),
])
def test_rotation_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_a_dot_between_sums_of_units_may_be_a_dot_product_of_vectors() -> None:
    # with i, j the unit vectors, (ai + bj) . (ci + dj) = ac + bd: no quaternion product is imposed
    verdict = check_step("(a i + b j) \\cdot (c i + d j)", "ac + bd", "=")
    assert verdict.status.value != "refuted"
    assert verdict.reason != quaternions.FAILS
