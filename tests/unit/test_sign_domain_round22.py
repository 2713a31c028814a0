"""The sampled letters are positive, where |x|, max, min, sign and relu have one formula each: a step
with them that holds there and fails where some letter is negative is a domain question (or an
inequality slip), not verified."""
from __future__ import annotations

import pytest

from lintmath.check import SIGNS_UNREACHED, check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"|u + w|", r"|u| + |w|"),  # the triangle inequality written as an equation
    (r"\max(0, u + w)", r"\max(0, u) + \max(0, w)"),
    (r"\operatorname{ReLU}(u + 3w)", r"\operatorname{ReLU}(u) + 3\operatorname{ReLU}(w)"),
    (r"\operatorname{sign}(u)", "1"),
    (r"\min(u, 0)", "0"),
])
def test_a_step_true_only_for_positive_letters_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert verdict.reason == SIGNS_UNREACHED


@pytest.mark.parametrize("lhs, rhs", [
    (r"|u|^2", r"u^2"),
    (r"\max(u, w) + \min(u, w)", r"u + w"),
    (r"\max(u, w)", r"\frac{u + w + |u - w|}{2}"),
    (r"|u w|", r"|u|\,|w|"),
    (r"\sqrt{s^2}", r"s"),  # a root: the positive quantity the author means
])
def test_identities_that_hold_for_every_sign_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_sign_slip_with_absolute_values_is_still_refuted() -> None:
    assert check_step(r"|u| + |w|", r"|u| - |w|", "=").status.value == "refuted"
