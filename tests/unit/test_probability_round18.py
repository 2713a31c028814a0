"""Round 18, probability course notes: iterated integrals whose inner integrand is 1 (the area of a
region, a probability over a region of a uniform pair), and a table of correct probability steps
that must never be refuted."""
import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^1\int_0^{x} dy\, dx", r"\frac12"),
    (r"\int_0^1 \int_0^{v} \, du \, dv", r"\frac12"),
    (r"\int_0^1 \int_0^{sw} \,\mathrm{d}u \,\mathrm{d}w", r"\int_0^1 sw \,\mathrm{d}w"),
    (r"\int_0^3 \int_0^{2} dx\, dy", r"6"),
])
def test_inner_integrand_one_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^1\int_0^{x} dy\, dx", r"\frac13"),
    (r"\int_0^3 \int_0^{2} dx\, dy", r"5"),
])
def test_inner_integrand_one_wrong_value_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


def test_physics_style_integrand_still_read() -> None:
    # the integrand written after the differential is still the integrand, not a 1
    assert check_step(r"\int dt\, t^3", r"\frac{t^4}{4} + C", "=").status.value == "verified"
    assert check_step(r"\int_0^2 dt\, t", r"2", "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{j=1}^{\infty} j^2 q (1-q)^{j-1}", r"\frac{2-q}{q^2}"),
    (r"\sum_{m=0}^{\infty} e^{sm} \frac{\mu^m e^{-\mu}}{m!}", r"e^{\mu(e^s - 1)}"),
    (r"\frac{d^2}{ds^2} \frac{\beta}{\beta - s}", r"\frac{2\beta}{(\beta - s)^3}"),
    (r"\int_0^\infty u^2 \beta e^{-\beta u}\, du", r"\frac{2}{\beta^2}"),
    (r"1 - \Phi(1.45)", r"0.0735"),
    (r"\binom{6}{2} (0.2)^2 (0.8)^4", r"0.24576"),
    (r"\frac{\beta s e^{-\beta s} e^{-\beta (r-s)}}{\beta r e^{-\beta r}}", r"\frac{s}{r}"),
    (r"1 + \frac12 (m-1)(4-m) + \frac12 (m+1)(2-m)", r"m(3-m)"),
])
def test_correct_probability_steps_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
