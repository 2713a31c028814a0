"""Eighth loose hunt, on the readings that landed last in round 28: a result rounded down past its half
unit passed because the half unit was taken of the larger value (125.1 = 120, 1152 = 1100: the rounding of
a number larger than the one written), and, in a step about money, a price to the cent was read as a
measurement whose rounding three times over hid a slip of a cent (\\$12.50 \\times 3 = \\$37.51)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


# -- a result rounded to its significant figures: half a unit of the number written ----------------------
@pytest.mark.parametrize("lhs, rhs", [
    ("125.1", "120"),  # 130 to two figures
    ("1152", "1100"),  # 1200
    ("1.251", "1.2"),  # 1.3
    (r"0.6255 \times 2", "1.2"),
    (r"0.5 \times 10.03 \times 25", "120"),  # 125.375: 130
])
def test_a_result_rounded_down_past_its_half_unit_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("1149", "1100"),
    ("1150", "1200"),  # rounded up: the larger value is the one written
    ("1151", "1200"),
    ("124.9", "120"),
    (r"70 \times 9.81", "690"),
    (r"12 \times 9.81", "120"),
    (r"1200 \times 9.81", "11800"),
    ("1.249", "1.2"),
    ("1.151", "1.2"),
    (r"0.5 \times 2.0 \times 30^2", "900"),
])
def test_a_result_rounded_within_its_half_unit_is_still_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_rounding_down_and_up_are_held_to_the_same_half_unit() -> None:
    # 1150 \pm 50 both ways: 1100 for 1149 and 1200 for 1151, neither for 1251 or 1049
    assert _status("1251", "1200") == "refuted"
    assert _status("1049", "1100") == "refuted"


# -- money to the cent is exact data ------------------------------------------------------------------
@pytest.mark.parametrize("lhs, slip, right", [
    (r"\$12.50 \times 3", r"\$37.51", r"\$37.50"),
    (r"\$19.99 \times 4", r"\$79.95", r"\$79.96"),
    (r"3 \times \$4.99 + \$2.50", r"\$17.48", r"\$17.47"),
])
def test_a_price_to_the_cent_carries_no_rounding_that_hides_a_cent(lhs: str, slip: str, right: str) -> None:
    body = (f"The shop's prices are given.\n\n\\begin{{align*}}\n{lhs} &= {slip}\n\\end{{align*}}\n\n"
            f"Again.\n\n\\begin{{align*}}\n{lhs} &= {right}\n\\end{{align*}}\n")
    statuses = _statuses(body)
    assert statuses[f"{lhs} = {slip}"] != "verified"
    assert statuses[f"{lhs} = {right}"] == "verified"


def test_a_measured_decimal_outside_money_keeps_its_rounding() -> None:
    # 12.50 m measured to the centimetre: three of them may be 37.51 m
    assert _status(r"12.50 \times 3", "37.51") == "verified"
