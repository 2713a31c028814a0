"""Sides that are both about 0 in doubles at every sampled point (a Gaussian's exponential of a
quadratic form in random matrices) are compared by their exact values: a flipped sign or a factor
there is found, while noise left by cancellation (x - x in doubles) still tells nothing."""
from __future__ import annotations

import pytest

from lintmath.check import check_step

GAUSS = r"\exp\left(-\frac{1}{2}(x-Mz)^T\Lambda^{-1}(x-Mz)\right)\exp\left(-\frac{1}{2}z^Tz\right)"
JOINED = r"\exp\left(-\frac{1}{2}\left[(x-Mz)^T\Lambda^{-1}(x-Mz)+z^Tz\right]\right)"


def test_a_joined_exponential_of_quadratic_forms_verifies() -> None:
    assert check_step(GAUSS, JOINED, "=").status.value == "verified"


@pytest.mark.parametrize("wrong, kind", [
    ("-" + JOINED, "sign_flip"),
    ("2" + JOINED, "constant_factor"),
])
def test_a_slip_in_front_of_a_tiny_exponential_is_found(wrong: str, kind: str) -> None:
    verdict = check_step(GAUSS, wrong, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-900 t^2} e^{-t}", r"e^{-900t^2 - t}"),
    (r"\exp(-400 s^2) \cdot 2", r"2\exp(-400 s^2)"),
])
def test_tiny_values_that_agree_exactly_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_tiny_values_that_differ_exactly_are_refuted() -> None:
    assert check_step(r"e^{-900 t^2} e^{-t}", r"e^{-900t^2 + t}", "=").status.value == "refuted"


def test_noise_of_a_cancellation_is_not_a_difference() -> None:
    # both sides are 0: roundoff in doubles must neither verify nor refute by its own digits
    verdict = check_step(r"\sin^2 u + \cos^2 u - 1", r"(a - b)^2 - a^2 + 2ab - b^2", "=")
    assert verdict.status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs, kind", [
    # y is a vector only in the reading that makes y - Xw (here 1 + u^T v) fit: a slip there is
    # diagnosed in that reading, as the default one cannot be built
    (r"(1+u^Tv)^2", r"2u^Tv + u^Tvu^Tv", "dropped_term"),
    (r"(b-Aw)^T(b-Aw)", r"-(b-Aw)^T(b-Aw)", "sign_flip"),
])
def test_a_slip_is_diagnosed_in_the_reading_whose_shapes_fit(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
