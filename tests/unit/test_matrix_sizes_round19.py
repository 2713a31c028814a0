"""Steps whose truth rests on the size of matrices that nothing written sizes, and the adjugate."""
from __future__ import annotations

import pytest

from lintmath.check import SIZE_DEPENDENT, check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    # true for 2 x 2 matrices only, or for 3 x 3 ones only: the author's size is the prose's
    (r"\det(2A)", r"4\det(A)"),
    (r"\det(2A)", r"8\det A"),
    (r"\det(-A)", r"\det(A)"),
    (r"\det(-A)", r"-\det(A)"),
    (r"\operatorname{tr}(I)", "2"),
    (r"A^2 - \operatorname{tr}(A)A + \det(A)I", "0"),  # Cayley-Hamilton for 2 x 2 matrices
    (r"\det(\operatorname{adj} A)", r"\det A"),
])
def test_a_step_true_at_one_size_only_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == SIZE_DEPENDENT


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\det(AB)", r"\det(A)\det(B)", Status.VERIFIED),
    (r"\det(A^{-1})", r"\frac{1}{\det A}", Status.VERIFIED),
    (r"\operatorname{tr}(AB)", r"\operatorname{tr}(BA)", Status.VERIFIED),
    (r"(A + I)^2", r"A^2 + 2A + I", Status.VERIFIED),
    (r"\det(AB)", r"\det(A) + \det(B)", Status.REFUTED),
    (r"\det(2A)", r"2\det(A)", Status.REFUTED),  # false at every size above 1
    (r"(A + I)^2", r"A^2 + A + I", Status.REFUTED),
    # a written matrix gives the size: no second size is tried
    (r"\det\left(2\begin{pmatrix}1&2\\3&4\end{pmatrix}\right)", "-8", Status.VERIFIED),
])
def test_size_free_identities_are_decided(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_a_suggested_factor_holds_at_every_size() -> None:
    # 8 det(A) would hold for 3 x 3 matrices only: no such suggestion
    verdict = check_step(r"\det(2A)", r"2\det(A)", "=")
    assert verdict.diagnosis is None or "8" not in verdict.diagnosis.suggestion


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\operatorname{adj}\begin{pmatrix}1&2\\3&4\end{pmatrix}", r"\begin{pmatrix}4&-2\\-3&1\end{pmatrix}",
     Status.VERIFIED),
    (r"\operatorname{adj}\begin{pmatrix}1&2\\3&4\end{pmatrix}", r"\begin{pmatrix}4&-3\\-2&1\end{pmatrix}",
     Status.REFUTED),
    (r"A\,\operatorname{adj}(A)", r"\det(A) I", Status.VERIFIED),
    (r"A^{-1}", r"\frac{1}{\det A}\operatorname{adj} A", Status.VERIFIED),
    (r"\operatorname{adj}(AB)", r"\operatorname{adj}(B)\operatorname{adj}(A)", Status.VERIFIED),
    (r"\operatorname{adj}(AB)", r"\operatorname{adj}(A)\operatorname{adj}(B)", Status.REFUTED),
    (r"\operatorname{adj}(A)A", r"2\det(A) I", Status.REFUTED),
    (r"\mathrm{adj}(a)", "1", Status.UNVERIFIED),  # of a number: no convention to follow
])
def test_adjugate(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
