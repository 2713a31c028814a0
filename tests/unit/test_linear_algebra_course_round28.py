"""A first linear-algebra course: vectors the prose states as lists under a vector's name
(``Let $\\vec u = (2, 0, 1)$``), which decide the dot, cross and norm steps that use them as a written
matrix of the prose does; and numeric slips of the course (products, cofactors, inverses) that stay errors."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


VECTORS = "Take $\\vec p = (2, 0, 1)$ and $\\vec q = (1, 3, -2)$.\n\n"
BOLD = "Let $\\mathbf{m} = (5, 12)$ and $\\mathbf{n} = (1, 1)$.\n\n"


@pytest.mark.parametrize("prose, lhs, rhs", [
    (VECTORS, "\\vec p \\cdot \\vec q", "2 + 0 - 2"),
    (VECTORS, "\\|\\vec p\\|", "\\sqrt{5}"),
    (VECTORS, "\\vec p \\times \\vec q", "\\begin{pmatrix} -3 \\\\ 5 \\\\ 6 \\end{pmatrix}"),
    (VECTORS, "3\\vec p - \\vec q", "\\begin{pmatrix} 5 \\\\ -3 \\\\ 5 \\end{pmatrix}"),
    (BOLD, "\\|\\mathbf{m}\\|", "13"),
    (BOLD, "\\frac{\\mathbf m\\cdot\\mathbf n}{\\mathbf n\\cdot\\mathbf n}\\mathbf n",
     "\\frac{17}{2}\\begin{pmatrix} 1 \\\\ 1 \\end{pmatrix}"),
])
def test_a_vector_stated_as_a_list_decides_the_steps_that_use_it(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(prose + _align(lhs, rhs))[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    (VECTORS, "\\vec p \\cdot \\vec q", "2 + 0 + 2"),
    (VECTORS, "\\|\\vec p\\|", "5"),
    (VECTORS, "\\vec p \\times \\vec q", "\\begin{pmatrix} 3 \\\\ 5 \\\\ 6 \\end{pmatrix}"),
    (BOLD, "\\|\\mathbf{m}\\|", "17"),
])
def test_a_wrong_value_with_a_listed_vector_is_never_verified(prose: str, lhs: str, rhs: str) -> None:
    # the value in force only rescues: a slip against it stays undecided, never verified nor an error
    assert _statuses(prose + _align(lhs, rhs))[f"{lhs} = {rhs}"] == "unverified"


def test_a_pair_under_a_plain_letter_is_no_vector_value() -> None:
    # p = (1, 2) may be a point and J = (0, 1) an interval: neither is put in
    body = "Let $p = (1, 2)$ and $J = (0, 1)$.\n\n" + _align("\\|p\\|", "\\sqrt 5")
    assert _statuses(body)["\\|p\\| = \\sqrt 5"] == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\begin{bmatrix} 2 & 1 \\\\ 1 & 3 \\end{bmatrix}\\begin{bmatrix} 1 & 0 \\\\ 2 & 1 \\end{bmatrix}",
     "\\begin{bmatrix} 4 & 1 \\\\ 7 & 3 \\end{bmatrix}"),
    ("\\begin{vmatrix} 1 & 2 & 0 \\\\ 0 & 1 & 3 \\\\ 2 & 0 & 1 \\end{vmatrix}",
     "1(1 - 0) - 2(0 - 6) + 0"),
    ("\\begin{pmatrix} 3 & 1 \\\\ 5 & 2 \\end{pmatrix}^{-1}", "\\begin{pmatrix} 2 & -1 \\\\ -5 & 3 \\end{pmatrix}"),
    ("(PQ)^{-1}", "Q^{-1}P^{-1}"),
    ("\\det(M^T)", "\\det M"),
])
def test_correct_course_steps_verify(lhs: str, rhs: str) -> None:
    assert _statuses(_align(lhs, rhs))[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\begin{bmatrix} 2 & 1 \\\\ 1 & 3 \\end{bmatrix}\\begin{bmatrix} 1 & 0 \\\\ 2 & 1 \\end{bmatrix}",
     "\\begin{bmatrix} 4 & 1 \\\\ 7 & 4 \\end{bmatrix}"),
    ("\\begin{vmatrix} 1 & 2 & 0 \\\\ 0 & 1 & 3 \\\\ 2 & 0 & 1 \\end{vmatrix}",
     "1(1 - 0) + 2(0 - 6) + 0"),
    ("\\begin{pmatrix} 3 & 1 \\\\ 5 & 2 \\end{pmatrix}^{-1}", "\\begin{pmatrix} 2 & -1 \\\\ 5 & 3 \\end{pmatrix}"),
    ("(PQ)^{-1}", "P^{-1}Q^{-1}"),
    ("\\det(3M)", "3\\det M"),
    ("(PQ)^T", "P^T Q^T"),
])
def test_course_slips_stay_errors(lhs: str, rhs: str) -> None:
    assert _statuses(_align(lhs, rhs))[f"{lhs} = {rhs}"] == "refuted"
