"""Round 16 red team of optimisations read as binders: an optimisation's value is one opaque symbol,
a constant to SymPy, so a derivative, an integral or a limit in a letter of its body (the envelope
theorem: d/dt max_a (at - a^2) = t/2, Danskin, the gradient of a convex conjugate) must not treat it
as one. Such a step stays unverified; one in a letter the body does not hold is still decided."""
from __future__ import annotations

import pytest

from lintmath.check import check_step

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    # correct by the envelope theorem: were the optimisation a constant, these would be refuted
    (r"t + \frac{d}{dt}\max_a (at - a^2)", r"\frac{3t}{2}"),
    (r"\frac{d}{dt}\left(t^2 + \max_a (at - a^2)\right)", r"\frac{5t}{2}"),
    (r"\frac{d^2}{dt^2}\max_a (at - a^2)", r"\frac{1}{2}"),
    (r"\frac{\partial}{\partial y}\left(y^2 + \sup_x (xy - \frac{1}{2}x^2)\right)", r"3y"),
    (r"\frac{d}{d\lambda} \min_x (x^2 + \lambda x)", r"-\frac{\lambda}{2}"),
    (r"\nabla_y \sup_x (xy - \frac{1}{2}x^2)", r"y"),
    # a letter of the domain: the set optimised over moves with it
    (r"\frac{d}{dc}\left(c + \max_{x \in [0, c]} x\right)", r"2"),
    (r"\frac{d}{d\epsilon}\left(\epsilon + \max_{x \in B_\epsilon} x\right)", r"2"),
    (r"\lim_{c \to 0} \frac{\max_{x\in[0,c]} x}{c}", r"1"),
    # an integral over a letter of the body
    (r"\int_0^2 \max_a (at - a^2)\,dt", r"\frac{2}{3}"),
    (r"\int_0^1 (t + \max_a (at - a^2))\,dt", r"\frac{1}{2} + \frac{1}{12}"),
    # an infinite series over a letter of the body: one symbol would stand for every term
    (r"\sum_{k=1}^{\infty} 2^{-k}\max_a (ak - a^2)", r"\sum_{k=1}^{\infty} 2^{-k}\frac{k^2}{4}"),
    # and wrong ones, which only the optimisation's real value decides
    (r"t + \frac{d}{dt}\max_a (at - a^2)", r"t"),
    (r"\frac{d}{dt}\left(t^2 + \max_a (at - a^2)\right)", r"2t"),
])
def test_calculus_in_a_letter_of_the_body_stays_unverified(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs, expected", [
    # the body does not hold the variable: the optimisation is a constant of it
    (r"\frac{d}{dt}\left(t^2 + \max_a (ab - a^2)\right)", r"2t", V),
    (r"\frac{d}{dt}\left(t^2 + \max_a (ab - a^2)\right)", r"3t", R),
    (r"\int_0^1 (t + \max_a (ab - a^2))\,dt", r"\frac{1}{2} + \max_a (ab - a^2)", V),
    (r"\int_0^1 (t + \max_a (ab - a^2))\,dt", r"1 + \max_a (ab - a^2)", R),
    # nor does it hold its own variable
    (r"\frac{d}{dx}\left(x^2 + \max_x (b - x^2)\right)", r"2x", V),
])
def test_calculus_in_another_letter_is_decided(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected
