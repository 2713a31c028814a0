"""Wrong steps that verified in this round's readings, round 30.

A delta applied before a bracket on both sides was read as a number times the bracket, which makes the
Dirac delta's classic slip (a scale taken out of the argument as a factor, not its reciprocal) hold; a
power of a written number after the dots (``2 + \\cdots + 2^n``) was read as the powers of that number,
though every number up to it fits the written terms as well; a number letter inside a conjugate
transpose stayed real in the reading that makes the entries complex."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\delta(3u - 9)", r"3\delta(u - 3)"),
    (r"\delta(c s - c w)", r"c\,\delta(s - w)"),
    (r"\delta[4k]", r"4\delta[k]"),
    (r"\delta(5\tau)", r"5\delta(\tau)"),
])
def test_a_delta_applied_on_both_sides_is_no_factor_that_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs", [
    # true of the delta applied as well as of a factor
    (r"\delta(u - 3) + 2\delta(u - 3)", r"3\delta(u - 3)"),
    (r"\delta(3u - 9)", r"\delta(3(u - 3))"),
    # a parameter (Huber's delta) written alone as well is a number
    (r"\delta(|v| - \delta/2)", r"\delta|v| - \delta^2/2"),
])
def test_steps_that_hold_either_way_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs, rhs", [
    # the powers of 3, or every odd number up to 3^m? Both read the two written terms
    (r"1 + 3 + \cdots + 3^m", r"\frac{3^{m+1} - 1}{2}"),
    (r"1 + 3 + \cdots + 3^m", r"\frac{(3^m + 1)^2}{4}"),
    (r"1 + 5 + \cdots + 5^{m}", r"\frac{5^{m+1} - 1}{4}"),
    (r"1 + \frac15 + \cdots + \frac{1}{5^m}", r"\frac{5}{4}\left(1 - \frac{1}{5^{m+1}}\right)"),
])
def test_a_power_of_a_number_after_two_terms_is_not_decided(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs, expected", [
    # a run that shows its ratio, or a letter raised, still reads
    (r"1 + 5 + 25 + \cdots + 5^{m}", r"\frac{5^{m+1} - 1}{4}", V),
    (r"1 + 5 + 25 + \cdots + 5^{m}", r"\frac{5^{m} - 1}{4}", R),
    (r"1 + 5 + 5^2 + \cdots + 5^{m}", r"\frac{5^{m+1} - 1}{4}", V),
    (r"1 + s + \cdots + s^{m}", r"\frac{1 - s^{m+1}}{1 - s}", V),
    (r"1 + s + \cdots + s^{m}", r"\frac{1 - s^{m}}{1 - s}", R),
])
def test_runs_that_show_their_pattern_still_read(lhs: str, rhs: str, expected: Status) -> None:
    assert check_step(lhs, rhs, "=").status is expected


@pytest.mark.parametrize("lhs, rhs", [
    (r"(\beta M)^H", r"\beta M^H"),
    (r"(\mu \mathbf{v})^H \mathbf{v}", r"\mu\,\mathbf{v}^H\mathbf{v}"),
    (r"(M - \mu I)^H", r"M^H - \mu I"),
])
def test_a_number_inside_a_conjugate_transpose_may_be_complex(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs", [
    (r"(3M)^H", r"3M^H"),
    (r"(MN)^H", r"N^HM^H"),
    (r"(iM)^H", r"-iM^H"),
])
def test_conjugate_transposes_without_such_letters_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


def test_a_chain_of_a_document_leaves_the_delta_scaling_open() -> None:
    body = ("\\begin{align*}\n\\delta(3u - 9) &= 3\\delta(u - 3) \\\\\n"
            "&= 3\\delta(u - 3) + 0\n\\end{align*}\n")
    statuses = [s.verdict.status for s in checked_steps(body)]
    assert statuses == [U, V]
