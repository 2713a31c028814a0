"""Primes as transposes, as regression courses write them (X'X, \\beta'X'y): a step that, with the
primed letters read as names of their own, introduces or drops names, verifies when each prime is a
transpose; calculus primes (f', (fg)') are never read so, and a slip stays unverified at worst."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"(z-W\gamma)'(z-W\gamma)", r"z'z - z'W\gamma - \gamma'W'z + \gamma'W'W\gamma"),
    (r"(z-W\gamma)'(z-W\gamma)", r"z'z - 2z'W\gamma + \gamma'W'W\gamma"),
    (r"(AB)^{\top}", r"B'A'"),
])
def test_regression_primes_verify_as_transposes(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert "primes as transposes" in verdict.guessed


@pytest.mark.parametrize("lhs, rhs", [
    (r"(z-W\gamma)'(z-W\gamma)", r"z'z - 2z'W\gamma + 2\gamma'W'W\gamma"),  # a slip: not verified
    (r"(fg)'", r"g'f'"),  # calculus: no capital primed
    (r"\frac{d}{dx}(X'X)", r"2X'"),  # a derivative written out
])
def test_other_primes_are_not_verified_as_transposes(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"
