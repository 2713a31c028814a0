"""The variable of an evaluation bar, F(u)|_{u_min}^{u_max}, is bound as an integral's is: its labelled
bounds u_min, u_max are no siblings that the bar's bare u would introduce (a slip there was left
unverified as "introduces u_{...}")."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

INTEGRAL = r"2\int_{u_{\min}}^{u_{\max}} \frac{du}{\sqrt{a^2-u^2}}"


def test_evaluation_bar_with_labelled_bounds_verifies() -> None:
    rhs = r"\left.2\arcsin \frac{u}{a}\right|_{u_{\min}}^{u_{\max}}"
    assert check_step(INTEGRAL, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("rhs, kind", [
    (r"-\left.2\arcsin \frac{u}{a}\right|_{u_{\min}}^{u_{\max}}", "sign_flip"),
    (r"\left.4\arcsin \frac{u}{a}\right|_{u_{\min}}^{u_{\max}}", "arithmetic"),
])
def test_slip_beside_evaluation_bar_is_refuted(rhs: str, kind: str) -> None:
    verdict = check_step(INTEGRAL, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
