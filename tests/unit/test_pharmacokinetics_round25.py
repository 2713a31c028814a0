"""Round 25 red team on pharmacokinetics and epidemiology notes: worked numbers with units. A unit
macro whose body braces its argument (\\newcommand{\\un}[1]{\\,\\mathrm{#1}}) reads as the unit it prints;
days and weeks are units of time; an upright unit after a worked-out fraction of numbers is a unit;
and a result whose unit the other side does not write is refuted when one slip of its digits
explains it (a conversion never does), while a result in another scale stays uncompared."""
from __future__ import annotations

import pytest

from documents import checked_steps
from lintmath.check import check_step
from lintmath.model import Status

_UNIT_MACRO = "\\newcommand{\\un}[1]{\\,\\mathrm{#1}}\n"


def _status(lhs: str, rhs: str) -> Status:
    return check_step(lhs, rhs, "=").status


@pytest.mark.parametrize("lhs, rhs", [
    (r"0.2 \times 70", r"14\un{L}"),                        # a volume of distribution per kg
    (r"12\un{mg/L} \times 14\un{L}", r"168\un{mg}"),
    (r"\frac{\ln 2}{3\un{h}}", r"0.231\un{h^{-1}}"),
])
def test_unit_macro_with_braced_argument_is_read(lhs: str, rhs: str) -> None:
    steps = checked_steps(_UNIT_MACRO + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}")
    assert [s.verdict.status for s in steps] == [Status.VERIFIED]


def test_unit_macro_slip_is_still_refuted() -> None:
    steps = checked_steps(_UNIT_MACRO + "\\begin{align*}\n250\\un{mg} \\times 4 &= 1200\\un{mg}\n"
                                        "\\end{align*}")
    assert [s.verdict.status for s in steps] == [Status.REFUTED]


def test_braced_argument_keeps_its_group_where_the_body_needs_it() -> None:
    # {#1}^2 and \frac{\partial #1}{...}: the argument is one group, as TeX makes it
    body = ("\\newcommand{\\sq}[1]{{#1}^2}\n\\newcommand{\\dd}[2]{\\frac{d #1}{d #2}}\n"
            "\\begin{align*}\n\\sq{u+v} &= u^2 + 2uv + v^2 \\\\\n\\sq{u+v} &= u^2 + v^2\n\\end{align*}")
    assert [s.verdict.status for s in checked_steps(body)] == [Status.VERIFIED, Status.REFUTED]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{2} - \frac{1}{5}", r"0.3\ \text{day}^{-1}"),   # beta - gamma, a growth rate per day
    (r"5\ln 2", r"3.47\ \text{days}"),                          # a doubling time
    (r"\frac{0.4}{1/5}", r"2\ \text{weeks}"),
])
def test_days_and_weeks_are_units(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"5\ln 2", r"3.74\ \text{days}"),        # digits swapped: a typo whatever the unit
    (r"12.5\,e^{-0.6}", r"6.68\ \text{mg/L}"),
    (r"\frac{\ln 4}{8}", r"0.137\,\mathrm{h}^{-1}"),
    (r"\frac{240}{0.35 \times 80}", r"8.75\,\mathrm{L/h}"),   # 8.57
    (r"20 + 273.15", r"295.15\,\mathrm{K}"),                    # was left uncompared before round 25
])
def test_digit_slip_in_a_result_with_its_unit_is_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "arithmetic"


@pytest.mark.parametrize("lhs, rhs", [
    (r"0.25 \times 6", r"90\ \text{min}"),          # hours on the left, minutes on the right
    (r"2.5 \times 0.6", r"1500\,\mathrm{mg}"),      # grams on the left
    (r"0.5 \times 2.5", r"0.00125\,\mathrm{kg}"),   # the point moved: a scale, not a typo
    (r"3.5", r"84\ \text{h}"),                      # days as hours
    (r"1.2 \times 3", r"0.36\,\mathrm{L}"),         # dL as L
])
def test_a_result_in_another_scale_is_not_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{150 \times 60}{1000}\,\mathrm{L/h}", r"9\,\mathrm{L/h}"),
    (r"150\,\mathrm{mL/min}", r"\frac{150 \times 60}{1000}\,\mathrm{L/h}"),
    (r"\frac{3}{8}\,\mathrm{mg}", r"0.375\,\mathrm{mg}"),
])
def test_unit_after_a_fraction_of_numbers(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) is Status.VERIFIED


def test_unit_after_a_fraction_of_numbers_still_catches_a_slip() -> None:
    assert _status(r"\frac{150 \times 60}{1000}\,\mathrm{L/h}", r"8\,\mathrm{L/h}") is Status.REFUTED


def test_dosing_sheet_has_no_false_alarm() -> None:
    body = _UNIT_MACRO + r"""A dose every $\tau = 12$ h with $k = 0.1\un{h^{-1}}$ and $V = 30\un{L}$:
\begin{align*}
e^{-k\tau} &= e^{-1.2} = 0.301, \\
C_{\max} &= \frac{400}{30} \cdot \frac{1}{1 - 0.301} = 19.1\un{mg/L}, \\
C_{\min} &= 19.1 \times 0.301 = 5.75\un{mg/L}, \\
\bar C &= \frac{400}{0.1 \times 30 \times 12} = 11.1\un{mg/L}.
\end{align*}
With an infectious period of 4 days and $\beta = 0.6$ per day,
\begin{align*}
R_0 &= 0.6 \times 4 = 2.4, &
r &= 0.6 - \frac{1}{4} = 0.35\ \text{day}^{-1}, &
T_d &= \frac{\ln 2}{0.35} = 1.98\ \text{days}.
\end{align*}"""
    statuses = [s.verdict.status for s in checked_steps(body)]
    assert Status.REFUTED not in statuses
    assert statuses.count(Status.VERIFIED) >= 5
