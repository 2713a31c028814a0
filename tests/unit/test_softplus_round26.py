"""softplus, log(1 + e^z), is a known function (the smooth ReLU of neural-network notes)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\mathrm{softplus}(z)-\mathrm{softplus}(-z)", "z", Status.VERIFIED),
    (r"\frac{d}{dz}\operatorname{softplus}(z)", r"\sigma(z)", Status.VERIFIED),
    (r"\operatorname{softplus}(z)", r"\log(1+e^{z})", Status.VERIFIED),
    (r"\frac{d}{dz}\operatorname{softplus}(z)", r"\sigma(-z)", Status.REFUTED),
    (r"\mathrm{softplus}(z)-\mathrm{softplus}(-z)", "-z", Status.REFUTED),
])
def test_softplus(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
