"""Review of round 29's readings: a row that continues either the chain above it or the equation set
beside that row (`u &= (x+1)^2, \\quad v = (x-1)^2 \\\\ &= x^2 - 2x + 1`), decimals cut off where the prose
says so, and Pythagoras written with inner products; the slips beside them stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps, display


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


@pytest.mark.parametrize("first, beside, below", [
    (r"u &= (x + 1)^2", r"v = (x - 1)^2", r"x^2 - 2x + 1"),
    (r"\sin 2x &= 2\sin x\cos x", r"\cos 2x = \cos^2 x - \sin^2 x", r"1 - 2\sin^2 x"),
    (r"a &= 3 + 4", r"b = 2 \cdot 5", r"10"),
])
def test_a_row_continuing_the_equation_beside_the_row_above_is_no_slip(first: str, beside: str,
                                                                        below: str) -> None:
    steps = checked_steps(_align(f"{first}, \\quad {beside}", f"&= {below}"))
    continuation = [s for s in steps if s.step.rhs.stripped == below]
    assert len(continuation) == 1
    assert continuation[0].verdict.status.value == "unverified"
    assert "beside" in continuation[0].verdict.reason


def test_the_row_chain_still_verifies_and_a_slip_from_both_stays_refuted() -> None:
    statuses = _statuses(_align(r"u &= (x + 1)^2, \quad v = (x - 1)^2", r"&= x^2 + 2x + 1"))
    assert statuses["(x + 1)^2 = x^2 + 2x + 1"] == "verified"
    # fails from (x + 1)^2 and from (x - 1)^2 alike
    statuses = _statuses(_align(r"u &= (x + 1)^2, \quad v = (x - 1)^2", r"&= x^2 - 2x + 2"))
    assert statuses["(x + 1)^2 = x^2 - 2x + 2"] == "refuted"
    # no equation beside the row: the continuation is the chain's alone
    statuses = _statuses(_align(r"u &= (x + 1)^2", r"&= x^2 - 2x + 1"))
    assert statuses["(x + 1)^2 = x^2 - 2x + 1"] == "refuted"


@pytest.mark.parametrize("prose", [
    "All values are truncated (not rounded) to one decimal place.",
    "We round down to one decimal digit.",
    "Results are chopped after the first decimal place.",
])
def test_a_decimal_cut_off_where_the_prose_says_so_is_no_slip(prose: str) -> None:
    step = checked_steps(display(prose, r"\frac{3}{4}", "0.7"))[0]
    assert step.verdict.status.value == "unverified"


def test_without_such_prose_a_tie_rounded_down_to_an_odd_digit_stays_refuted() -> None:
    assert checked_steps(display("The share is", r"\frac{3}{4}", "0.7"))[0].verdict.status.value == "refuted"
    # a truncation error of a series says nothing of the decimals written
    prose = "The truncation error of the Taylor series is small."
    assert checked_steps(display(prose, r"\frac{3}{4}", "0.7"))[0].verdict.status.value == "refuted"
    # cut off is toward zero: 0.36 is neither 3/8 rounded nor cut off
    prose = "Values are truncated to two decimals."
    assert checked_steps(display(prose, r"\frac{3}{8}", "0.36"))[0].verdict.status.value == "refuted"
    assert checked_steps(display(prose, r"\frac{3}{8}", "0.37"))[0].verdict.status.value == "unverified"


def test_pythagoras_written_with_inner_products_is_left_to_the_prose() -> None:
    step = checked_steps(display("For orthogonal $x$ and $x'$,", r"\langle x + x', x + x'\rangle",
                                 r"\langle x, x\rangle + \langle x', x'\rangle"))[0]
    assert step.verdict.status.value == "unverified"


@pytest.mark.parametrize("rhs", [
    r"\langle x, x\rangle + 2\langle x', x'\rangle",
    r"\langle x, x\rangle - \langle x', x'\rangle",
    r"\langle x, x\rangle + \langle x', x'\rangle + \langle x, x'\rangle",
])
def test_slips_in_inner_products_of_a_sum_stay_refuted(rhs: str) -> None:
    step = checked_steps(display("Expanding,", r"\langle x + x', x + x'\rangle", rhs))[0]
    assert step.verdict.status.value == "refuted"
