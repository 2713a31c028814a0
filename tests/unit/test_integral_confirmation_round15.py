"""A slip in a step between integrals is confirmed exactly once: SymPy's quadrature at high
precision costs a quarter second a side for an elliptic-type integrand, so the other points of the
comparison are screened, and a candidate edit of the diagnosis that differs in the screening is no
repair. Before, such a slip ran out of time ("too slow to evaluate at enough points")."""
from __future__ import annotations

import pytest
import sympy as sp

import lintmath.comparator as comparator
from lintmath.check import check_step
from lintmath.model import Status

LEFT = r"\int_0^{y} \frac{\mathrm{d}s}{(1+c\,s^2)\sqrt{(1-s^2)(1-q^2s^2)}}"
RIGHT = r"\int_0^{\arcsin y} \frac{\mathrm{d}\psi}{(1+c\sin^2\psi)\sqrt{1-q^2\sin^2\psi}}"


def test_the_substitution_verifies() -> None:
    assert check_step(LEFT, RIGHT, "=").status is Status.VERIFIED


@pytest.mark.parametrize("rhs", ["-" + RIGHT, "2" + RIGHT])
def test_a_slip_between_integrals_is_confirmed_once(rhs: str, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = []
    evaluate = comparator.evaluate

    def counting(expr, point, precision=comparator.PRECISION, complex_ok=False, quick=False):
        if precision > comparator.PRECISION and expr.has(sp.Integral):
            exact.append(expr)
        return evaluate(expr, point, precision, complex_ok, quick)

    monkeypatch.setattr(comparator, "evaluate", counting)
    verdict = check_step(LEFT, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert len(exact) == 2  # the two sides at one point
