"""Red team of linear algebra course notes (round 17): a step that rests on what the prose says of its
vectors (orthogonal, unit, a basis's cross products) is left unverified, and numbered vectors worked
out from entries given elsewhere are not "repaired" in the reading where they are an orthogonal
basis; the slips beside them are still reported."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    # Pythagoras for u \perp v: the inner product taken as 0
    (r"\|a\|^2 + 2\langle a, b\rangle + \|b\|^2", r"\|a\|^2 + \|b\|^2"),
    (r"\|p - q\|^2 + 3\langle p, q\rangle", r"\|p - q\|^2"),
    (r"a^Ta + 2a^Tb + b^Tb", r"a^Ta + b^Tb"),
    # a unit vector: w^T w taken as 1 (a Householder reflection, a projection onto a line)
    (r"I - 4ww^T + 4w(w^Tw)w^T", r"I - 4ww^T + 4ww^T"),
    (r"z - 2z(z'z)", r"-z"),
    # the orientation of a basis: e_1 \times e_2 = e_3
    (r"e_3\cdot(e_1\times e_2)", r"e_3\cdot e_3"),
    (r"u_2\cdot(u_3\times u_1)", r"u_2\cdot u_2"),
    # numbered vectors whose entries the prose gives, worked out
    (r"\langle w_3, w_1 \rangle", r"2 + 0 - 1"),
    (r"\langle y_2, y_1 \rangle", r"1 + 0 + 0"),
])
def test_correct_steps_on_stated_vectors_are_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified", (verdict.status, verdict.reason)


@pytest.mark.parametrize("lhs, rhs", [
    # a factor 2 lost in expanding the square: no inner product read as 0 or 1 repairs it
    (r"\|a + b\|^2", r"\|a\|^2 + \langle a, b\rangle + \|b\|^2"),
    (r"\|a\|^2 + 2\langle a, b\rangle + \|b\|^2", r"\|a\|^2 + 2\|b\|^2"),
    (r"(a+b)^T(a+b)", r"a^Ta + b^Tb"),
    # an inner product inside a power, a derivative times a function: no hypothesis reads them as 0
    (r"(1 + \langle a, b\rangle)^2", r"1 + \sum_{i,j=1}^d a_ib_ia_jb_j"),
    (r"p'qr + q'rp + r'pq", r"p'qr + r'pq"),
    # v^T v is no hypothesis as 0: a term dropped (a constant lost in completing a square)
    (r"\frac{1}{s}(a^TKa - 2a^TKb + b^Tb) + a^Ta", r"a^T(\frac{1}{s}K + I)a - \frac{2}{s}b^TKa"),
    # plain slips beside the reading
    (r"\begin{pmatrix} 2 \\ 1 \\ 0 \end{pmatrix}\times\begin{pmatrix} 0 \\ 1 \\ 3 \end{pmatrix}",
     r"\begin{pmatrix} 3 \\ 6 \\ 2 \end{pmatrix}"),
    (r"\sin^2 t + \cos^2 t", r"2"),
    (r"c + 3d", r"c"),
])
def test_slips_stay_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted", (verdict.status, verdict.reason)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\|a + b\|^2", r"\|a\|^2 + 2\langle a, b\rangle + \|b\|^2"),
    (r"(I - ww^T)^2", r"I - 2ww^T + w(w^Tw)w^T"),
    (r"\begin{pmatrix} 2 \\ 1 \\ 0 \end{pmatrix}\times\begin{pmatrix} 0 \\ 1 \\ 3 \end{pmatrix}",
     r"\begin{pmatrix} 3 \\ -6 \\ 2 \end{pmatrix}"),
])
def test_identities_still_verify(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", (verdict.status, verdict.reason)
