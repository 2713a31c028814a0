"""Steps that hold for orthogonal vectors, which the prose states: Pythagoras' ``\\|u + v\\|^2 = \\|u\\|^2 +
\\|v\\|^2`` and an expansion whose two cross terms ``<u, v> + <v, u>`` the step drops together. Such a step is
left to the prose (unverified), never refuted; a slip beside it stays refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _verdict(lhs: str, rhs: str, prose: str = "Let $u$ and $v$ be orthogonal vectors.") -> tuple[str, str]:
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    (step,) = checked_steps(body)
    return step.verdict.status.value, step.verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|u + v\\|^2", "\\|u\\|^2 + \\|v\\|^2"),
    ("\\|u - v\\|^2", "\\|u\\|^2 + \\|v\\|^2"),
    ("\\|\\mathbf{u} + \\mathbf{v}\\|^2", "\\|\\mathbf{u}\\|^2 + \\|\\mathbf{v}\\|^2"),
    ("\\|u\\|^2 + \\|v\\|^2", "\\|u + v\\|^2"),
    ("\\|2u - 3v\\|^2", "4\\|u\\|^2 + 9\\|v\\|^2"),
    ("\\langle u, u\\rangle + \\langle u, v\\rangle + \\langle v, u\\rangle + \\langle v, v\\rangle",
     "\\|u\\|^2 + \\|v\\|^2"),
    ("u^\\top u + u^\\top v + v^\\top u + v^\\top v", "\\|u\\|^2 + \\|v\\|^2"),
])
def test_a_step_that_holds_for_orthogonal_vectors_is_left_to_the_prose(lhs: str, rhs: str) -> None:
    status, reason = _verdict(lhs, rhs)
    assert status == "unverified"
    assert "orthogonal" in reason


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|u + v\\|^2", "\\|u\\|^2 + 3\\|v\\|^2"),        # wrong even for orthogonal vectors
    ("\\|u + v\\|^2", "\\|u\\|^2 - \\|v\\|^2"),         # a length subtracted: no split of u + v
    ("\\|2u + v\\|^2", "2\\|u\\|^2 + \\|v\\|^2"),       # the coefficient not squared
    ("\\|u + v\\|^2", "\\|u\\|^2 + \\|v\\|^2 + 4u^\\top v"),  # the cross term written, with a slip
    ("\\langle u, u\\rangle + \\langle u, v\\rangle + \\langle v, u\\rangle + \\langle v, v\\rangle",
     "\\|u\\|^2 - \\|v\\|^2"),
])
def test_slips_beside_an_orthogonal_split_stay_refuted(lhs: str, rhs: str) -> None:
    assert _verdict(lhs, rhs)[0] == "refuted"


def test_the_expansion_of_a_squared_length_still_verifies() -> None:
    assert _verdict("\\|u + v\\|^2", "\\|u\\|^2 + 2\\langle u, v\\rangle + \\|v\\|^2")[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\|u + v\\|^2", "\\|u\\|^2 + \\|v\\|^2"),
    ("\\langle u + v, u + v\\rangle", "\\langle u, u\\rangle + \\langle v, v\\rangle"),
])
def test_without_a_stated_orthogonality_pythagoras_is_the_classic_slip(lhs: str, rhs: str) -> None:
    # a square expanded without its cross term: refuted unless the prose says the vectors are orthogonal
    assert _verdict(lhs, rhs, prose="Let $u$ and $v$ be vectors.")[0] == "refuted"
