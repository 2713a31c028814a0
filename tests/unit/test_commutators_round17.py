"""Square brackets holding two entries, read as commutators AB - BA of generic operators: the rules
every commutator obeys (linearity, antisymmetry, the product rule, the Jacobi identity) verify; a
step that fails for generic matrices may hold for the operators the prose names ([x, p] = i\\hbar),
or the brackets may be intervals, so it is never refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"[P, Q + R]", r"[P, Q] + [P, R]"),
    (r"[P, Q]", r"-[Q, P]"),
    (r"[P, Q]", r"PQ - QP"),
    (r"[P, QR]", r"Q[P, R] + [P, Q]R"),
    (r"\left[S_z, S_x^2\right]", r"S_x[S_z, S_x] + [S_z, S_x]S_x"),
    (r"[P, [Q, R]] + [Q, [R, P]]", r"-[R, [P, Q]]"),
    (r"\big[[U, V], W\big]", r"-\big[W, [U, V]\big]"),
    (r"[P^2, Q]", r"P[P, Q] + [P, Q]P"),
])
def test_commutator_rules_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # a slip in the product rule: generic matrices refute it, operators of the prose might not
    (r"[P, QR]", r"Q[P, R] + R[P, Q]"),
    # the canonical commutation relation: physics, not algebra
    (r"[x, p_x]", r"i\hbar"),
    # a Poisson bracket of functions, whose products commute
    (r"[f, g^2]", r"2g[f, g]"),
    # brackets of numbers are intervals
    (r"[0, 1]", r"[0, 1]"),
])
def test_what_generic_matrices_refute_is_not_an_error(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


def test_a_bracket_beside_a_sum_is_not_read_as_a_commutator() -> None:
    verdict = check_step(r"\sum_{k=1}^{n} [a_k, b_k]", r"\sum_{k=1}^{n} (a_k b_k - b_k a_k)", "=")
    assert verdict.status.value == "unverified"
