"""Numerical methods notes: truncated Taylor expansions and finite-difference stencils with an order
term (O(h^2), \\mathcal{O}(h^4)) are decided as h -> 0 and verified only (landau.py); rounded iterates
(Newton, Euler, Runge-Kutta stages, Simpson's rule) are verified and a wrong digit is refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"g(t+k)", r"g(t) + k g'(t) + \frac{k^2}{2} g''(t) + \frac{k^3}{6} g'''(t) + \mathcal{O}(k^4)"),
    (r"g(t-k)", r"g(t) - k g'(t) + \frac{k^2}{2} g''(t) + O(k^3)"),
    (r"\frac{u(s+\delta) - u(s-\delta)}{2\delta}", r"u'(s) + \frac{\delta^2}{6} u'''(s) + \mathcal{O}(\delta^4)"),
    (r"\frac{u(s+\delta) - 2u(s) + u(s-\delta)}{\delta^2}", r"u''(s) + \frac{\delta^2}{12} u^{(4)}(s) + O(\delta^4)"),
    (r"\frac{-3u(s) + 4u(s+\delta) - u(s+2\delta)}{2\delta}", r"u'(s) + O(\delta^2)"),
    (r"\frac{u(s+\delta) - u(s)}{\delta}", r"u'(s) + \frac{\delta}{2} u''(s) + O(\delta^2)"),
    (r"e^{\mu \tau}", r"1 + \mu\tau + \frac{\mu^2\tau^2}{2} + O(\tau^3)"),
    (r"\tan h", r"h + \frac{h^3}{3} + O(h^5)"),
    (r"\frac{1 - \cos x}{x^2}", r"\frac{1}{2} - \frac{x^2}{24} + O(x^4)"),
    (r"(1 + h)^{6}", r"1 + 6h + 15h^2 + \mathcal{O}(h^3)"),
    (r"\frac{1}{1+x}", r"1 - x + x^2 - x^3 + \mathcal{O}(x^4)"),
    (r"h + O(h^3)", r"h + O(h^2)"),
    (r"\frac{h^2}{2} w''(z) + O(h^3)", r"O(h^2)"),
])
def test_a_correct_truncated_expansion_is_verified(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # a slip in a coefficient, a sign, an order or a stencil's weight
    (r"g(t+k)", r"g(t) - k g'(t) + O(k^2)"),
    (r"\frac{u(s+\delta) - u(s-\delta)}{2\delta}", r"u'(s) + \frac{\delta^2}{3} u'''(s) + \mathcal{O}(\delta^3)"),
    (r"\frac{u(s+\delta) - u(s-\delta)}{\delta}", r"u'(s) + O(\delta^2)"),
    (r"\frac{-3u(s) + 4u(s+\delta) - u(s+2\delta)}{2\delta}", r"u'(s) + O(\delta^3)"),
    (r"e^{\mu \tau}", r"1 + \mu\tau + \frac{\mu\tau^2}{2} + O(\tau^3)"),
    (r"\tan h", r"h + \frac{h^3}{6} + O(h^5)"),
    (r"\cos x", r"1 + \frac{x^2}{2} + O(x^4)"),
    (r"(1 + h)^{6}", r"1 + 6h + 30h^2 + \mathcal{O}(h^3)"),
    # a class is not within a smaller one; the larger term written after it is no Taylor expansion
    (r"h + O(h^2)", r"h + O(h^3)"),
    (r"x^2 + x^3", r"x^2 + O(x)"),
    (r"h^2", r"O(h)"),
    # counts tend to infinity: n^2 = O(n) holds at 0, not for an algorithm's cost
    (r"n^2 + n", r"n^2 + O(n)"),
    (r"3n^2", r"1 + O(n)"),
])
def test_a_wrong_or_undecided_expansion_is_never_verified(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos x", r"1 + \frac{x^2}{2} + O(x^4)"),
    (r"\frac{u(s+\delta) - u(s-\delta)}{\delta}", r"u'(s) + O(\delta^2)"),
])
def test_an_expansion_that_fails_at_zero_is_not_an_error(lhs: str, rhs: str) -> None:
    # an asymptotic claim has no point where it fails (it may be meant as h -> oo)
    assert status(lhs, rhs) == "unverified"


def test_a_chain_of_stencil_expansions_is_verified_in_a_document() -> None:
    body = ("Expanding about $x$ with step $h$,\n\\begin{align*}\n"
            "\\frac{f(x+h) - f(x-h)}{2h} &= f'(x) + \\frac{h^2}{6} f'''(x) + \\mathcal{O}(h^4) \\\\\n"
            "&= f'(x) + \\mathcal{O}(h^2)\n\\end{align*}\n")
    steps = checked_steps(body)
    assert [s.verdict.status.value for s in steps] == ["verified", "verified"]


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{1.5}{2} + \frac{1}{1.5}", "1.41667", "verified"),
    (r"\frac{1.41667}{2} + \frac{1}{1.41667}", "1.414216", "verified"),
    (r"\sqrt{2}", "1.41421", "verified"),
    (r"\sqrt{2}", "1.41412", "refuted"),
    (r"1.5 - \frac{0.875}{5.75}", "1.34783", "verified"),
    (r"1.5 - \frac{0.875}{5.75}", "1.34873", "refuted"),
    (r"1 + \frac{0.1}{6}(-2 + 2(-1.8) + 2(-1.82) - 1.636)", "0.8187333", "verified"),
    (r"1 + \frac{0.1}{6}(-2 + 2(-1.8) + 2(-1.82) - 1.636)", "0.8178733", "refuted"),
    (r"\frac{1}{6}\left(1 + 4e^{0.5} + e\right)", "1.71886", "verified"),
    (r"\frac{1}{6}\left(1 + 4e^{0.5} + e\right)", "1.71986", "refuted"),
    (r"2^{-52}", r"2.22 \times 10^{-16}", "verified"),
    (r"2^{-52}", r"2.22 \times 10^{-15}", "refuted"),
    (r"\frac{1}{3}(2 - 0.25)", "0.58333", "verified"),
    (r"\frac{1}{3}(2 - 0.25)", "0.58833", "refuted"),
])
def test_rounded_iterates_verify_and_a_wrong_digit_is_refuted(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1 + z/2}{1 - z/2}", r"\frac{2 + z}{1 - z}"),
    (r"y_n + \frac{h}{2}\left(\lambda y_n + \lambda(y_n + h\lambda y_n)\right)",
     r"\left(1 + h\lambda + (h\lambda)^2\right) y_n"),
    (r"x_n - \frac{x_n^2 - 2}{2x_n}", r"\frac{x_n}{2} - \frac{1}{x_n}"),
    (r"((2 \cdot 3 - 6) \cdot 3 + 2) \cdot 3 - 1", "7"),
    (r"\sqrt{x+1} - \sqrt{x}", r"\frac{1}{\sqrt{x+1} - \sqrt{x}}"),
])
def test_slips_in_method_algebra_stay_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt{3}", "1.7320"),
    (r"\frac{2}{3}", "0.6666"),
    (r"-\frac{5}{3}", "-1.666"),
    (r"\frac{1}{7}", "0.1428"),
])
def test_a_chopped_decimal_is_no_false_alarm(lhs: str, rhs: str) -> None:
    # truncation is a rounding mode of its own (chopping in floating point): not refuted, not verified
    assert status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt{3}", "1.7302"),
    (r"\sqrt{2}", "1.4141"),
    (r"\sqrt{2}", "1.4143"),
    (r"\frac{2}{3}", "0.6665"),
    (r"\ln 2", "0.6913"),
])
def test_a_decimal_neither_rounded_nor_chopped_stays_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "refuted"
