"""Sums whose range is written below the sign as inequalities: \\sum_{n \\ge 0} (from the bound on,
without end, as generating functions write it), \\sum_{k > 0} and \\sum_{1 \\le i \\le n}."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{m\ge 0} t^m", r"\frac{1}{1-t}"),
    (r"\sum_{j \geq 1} \frac{1}{3^j}", r"\frac12"),
    (r"\sum_{j > 0} \frac{1}{3^j}", r"\frac12"),
    (r"\sum_{1 \le r \le q} r^2", r"\frac{q(q+1)(2q+1)}{6}"),
    (r"\prod_{1 \leq j \leq m} j", r"m!"),
])
def test_ranges_written_as_inequalities_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{1 \le r \le q} r", r"\frac{q(q-1)}{2}"),
    (r"\sum_{j > 0} \frac{1}{2^j}", r"2"),
])
def test_slips_over_such_ranges_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_a_range_from_another_index_stays_undecided() -> None:
    assert check_step(r"\sum_{i \geq j} a_i", "0", "=").status.value == "unverified"
