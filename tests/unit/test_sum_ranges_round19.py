"""Two sums that differ only in their bound letter never agree in every instance by chance."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("seed", range(8))
def test_sums_with_different_bound_letters_are_refuted_at_every_seed(seed: int) -> None:
    # each letter's count used to be drawn on its own: m and k equal in both instances at some seeds
    assert check_step(r"\sum_{s=1}^{m}a_{is}", r"\sum_{s=1}^{k}a_{is}", "=", seed=seed).status is Status.REFUTED
    assert check_step(r"\sum_{r=1}^{n}\sum_{s=1}^{m}a_{rs}\delta_{ir}", r"\sum_{s=1}^{k}a_{is}", "=",
                      seed=seed).status is Status.REFUTED


@pytest.mark.parametrize("seed", range(4))
def test_sums_with_the_same_bound_still_verify(seed: int) -> None:
    assert check_step(r"\sum_{r=1}^{n}\sum_{s=1}^{m}a_{rs}\delta_{ir}", r"\sum_{s=1}^{m}a_{is}", "=",
                      seed=seed).status is Status.VERIFIED
    assert check_step(r"\sum_{k=1}^{n}k^2", r"\frac{n(n+1)(2n+1)}{6}", "=", seed=seed).status is Status.VERIFIED
