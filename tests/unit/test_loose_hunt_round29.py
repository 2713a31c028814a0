"""Loose verifications and a false alarm found in a hunt through wrong lecture steps (round 29).

An integral over (0, \\infty) whose rate is only letters (\\int_0^\\infty e^{-(a+b)t}\\,dt) had its rate
sampled above 4, where a term the step adds or drops (e^{-3(a+b)}) falls below the tolerance: the slip
verified. Such a rate is now sampled from small positive values (lintmath/transforms.decay_letters), and
only a rate that must beat another growth (e^{at}, \\cosh t, a^t, an undefined f(t)) is pushed up.

A sum, product or quotient of functions applied at a point ((g h)(x), (f + g)(x), (cf)(x)) is read as
the combination of their values (lintmath/parse/composition.pointwise), not as numbers times x."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.transforms import decay_letters


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^\infty e^{-(a+b)t}\,dt", r"\frac{1 - e^{-3(a+b)}}{a+b}"),
    (r"\int_0^\infty e^{-\lambda t}\,dt", r"\frac{1}{\lambda} - \frac{e^{-5\lambda}}{\lambda}"),
    (r"\int_0^\infty \gamma e^{-\gamma t}\,dt", r"1 - e^{-9\gamma}"),
    (r"\int_0^\infty e^{-(\alpha+\beta)t}\,dt", r"\frac{1}{\alpha+\beta} + e^{-6\alpha}"),
    (r"\int_0^\infty e^{-\mu x}\,dx", r"\frac{1}{\mu}\left(1 - e^{-7\mu}\right)"),
    (r"\int_0^\infty e^{-\gamma t}\cos(\omega t)\,dt", r"\frac{\gamma}{\gamma^2 + \omega^2} + e^{-7\gamma}"),
    (r"\int_0^\infty e^{-st}(t + 1)\,dt", r"\frac{1}{s^2} + \frac{1}{s} + e^{-8s}"),
])
def test_a_term_that_vanishes_only_at_large_rates_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_0^\infty e^{-(a+b)t}\,dt", r"\frac{1}{a+b}"),
    (r"\int_0^\infty \mu e^{-(\lambda + \mu)t}\,dt", r"\frac{\mu}{\lambda + \mu}"),
    (r"\int_0^\infty e^{-\gamma t}\cos(\omega t)\,dt", r"\frac{\gamma}{\gamma^2 + \omega^2}"),
    (r"\int_0^\infty t^2 e^{-st}\,dt", r"\frac{2}{s^3}"),
    (r"\int_0^\infty e^{-st}\cosh t\,dt", r"\frac{s}{s^2 - 1}"),
    (r"\int_0^\infty e^{-st}\cosh(at)\,dt", r"\frac{s}{s^2 - a^2}"),
    (r"\int_0^\infty e^{3t} e^{-st}\,dt", r"\frac{1}{s-3}"),
])
def test_the_correct_integrals_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("integral, least", [
    (r"\int_0^\infty e^{-(a+b)t}\,dt", {"a": 0.25, "b": 0.25}),
    (r"\int_0^\infty e^{-st}\sin(\omega t)\,dt", {"s": 0.25}),
    (r"\int_0^\infty e^{2t} e^{-st}\,dt", {"s": 3.0}),
    (r"\int_0^\infty e^{at} e^{-st}\,dt", {"s": 4.0}),
    (r"\int_0^\infty e^{-st}\cosh t\,dt", {"s": 4.0}),
    (r"\int_0^\infty e^{-st} a^t\,dt", {"s": 4.0}),
    (r"\int_0^\infty e^{-st} f(t)\,dt", {"s": 4.0}),
])
def test_a_rate_is_pushed_up_only_past_what_may_grow(integral: str, least: dict[str, float]) -> None:
    assert decay_letters(parse_math(integral)) == least


@pytest.mark.parametrize("lhs, rhs", [
    (r"(g h)(x)", r"g(x)h(x)"),
    (r"(f + g)(x)", r"f(x) + g(x)"),
    (r"(f - g)(x)", r"f(x) - g(x)"),
    (r"(f/g)(x)", r"\frac{f(x)}{g(x)}"),
    (r"(cf)(x)", r"cf(x)"),
    (r"(fg)(2)", r"f(2)g(2)"),
    (r"(f \circ g)(x)", r"f(g(x))"),
])
def test_functions_combined_then_applied_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_product_of_functions_heading_a_chain_is_no_false_alarm() -> None:
    steps = checked_steps(display("The product rule starts from", r"(g h)(x)", r"g(x)h(x) \\ &= h(x)g(x)"))
    assert [s.verdict.status for s in steps] == [Status.VERIFIED, Status.VERIFIED]


@pytest.mark.parametrize("lhs, rhs", [
    (r"(g h)(x)", r"g(x) + h(x)"),
    (r"(f + g)(x)", r"f(x)g(x)"),
    (r"(f - g)(x)", r"f(x) + g(x)"),
    (r"(f/g)(x)", r"\frac{g(x)}{f(x)}"),
])
def test_slips_in_combined_functions_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"(a + b)(a - b)", r"a^2 - b^2"),
    (r"(g + h)(x + y)", r"gx + gy + hx + hy"),
    (r"(f + 1)(f - 1)", r"f^2 - 1"),
    (r"(h + 1)(x)", r"hx + x"),
])
def test_products_of_brackets_stay_products(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_factor_before_combined_functions_is_still_a_factor() -> None:
    lhs = r"a[(1-\theta)f(x) + \theta f(y)] + b[(1-\theta)g(x) + \theta g(y)]"
    assert check_step(lhs, r"(1-\theta)(af+bg)(x) + \theta(af+bg)(y)", "=").status is Status.VERIFIED
    assert check_step(lhs, r"(1-\theta)(af+bg)(x) + \theta(af-bg)(y)", "=").status is not Status.VERIFIED
