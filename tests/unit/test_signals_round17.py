"""Red team of signals and systems notes (round 17): a trigonometric function with a bracketed
argument followed by letters (\\cos(\\omega_c+\\omega_m)t, the cosine of a frequency times time) is
read with the letters inside the argument too, so a correct step in that notation is never refuted;
a slip that fails in both readings is still reported."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.conventions import _trailing_letters_read_in
from lintmath.model import Status


@pytest.mark.parametrize("text, expected", [
    (r"\cos(a+b)t", r"\cos((a+b)t)"),
    (r"\sin\left(\alpha-\beta\right)x_{1}", r"\sin(\left(\alpha-\beta\right)x_{1})"),
    (r"\cos(2)\, x", r"\cos(2)\, x"),  # an explicit space ends the argument
    (r"\tan(u) + v", r"\tan(u) + v"),
])
def test_trailing_letters_join_the_argument(text: str, expected: str) -> None:
    assert _trailing_letters_read_in(text) == expected


@pytest.mark.parametrize("lhs, rhs", [
    # amplitude modulation into two side bands
    (r"(1 + k\cos\omega_1 t)\cos\omega_0 t",
     r"\cos\omega_0 t + \frac{k}{2}\cos(\omega_0+\omega_1)t + \frac{k}{2}\cos(\omega_0-\omega_1)t"),
    (r"2\sin\alpha t\cos\beta t", r"\sin(\alpha+\beta)t + \sin(\alpha-\beta)t"),
    (r"\cos(p+q)x", r"\cos px\cos qx - \sin px\sin qx"),
])
def test_frequency_times_time_is_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # a flipped sign: wrong with t inside the argument or outside
    (r"(1 + k\cos\omega_1 t)\cos\omega_0 t",
     r"\cos\omega_0 t + \frac{k}{2}\cos(\omega_0+\omega_1)t - \frac{k}{2}\cos(\omega_0-\omega_1)t"),
    (r"2\sin\alpha t\cos\beta t", r"\sin(\alpha+\beta)t - \sin(\alpha-\beta)t"),
    # no bracket followed by letters: the convention is not asked
    (r"\cos(a+b)", r"\cos a\cos b + \sin a\sin b"),
])
def test_slips_beside_the_notation_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED
