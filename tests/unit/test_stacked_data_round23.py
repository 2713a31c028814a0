"""Stacked data (lintmath/stacked.py): a capital X beside a sum over the x_i is read as the matrix
whose rows are the x_i^T (or, second, whose columns are the x_i), and y beside the y_i as the
vector of them. The reading only verifies: a step that fails in it stays as it was, never refuted."""
from __future__ import annotations

import pytest

from lintmath import stacked
from lintmath.check import check_step
from lintmath.sides import parse_step

ROWS_READING = "the matrix whose rows are"
COLUMNS_READING = "the matrix whose columns are"


def _guess(verdict) -> str:
    return " ".join(g for g in verdict.guessed if g.startswith("stacked data"))


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"(y - Xw)^T(y - Xw)"),
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"\|y - Xw\|^2"),
    (r"\sum_{i=1}^n (y_i - x_i^T w)^2", r"\|y - Xw\|_2^2"),
    (r"\sum_{i=1}^n (y_i - \mathbf{w}^\top \mathbf{x}_i)^2", r"\|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2"),
    (r"\sum_{i} (y_i - w^T x_i)^2", r"\|y - Xw\|^2"),
    (r"\sum_{i=1}^n x_i x_i^T", r"X^T X"),
    (r"\sum_{i=1}^m \mathbf{x}_i \mathbf{x}_i^\top", r"\mathbf{X}^\top\mathbf{X}"),
    (r"\sum_{i=1}^{5} x_i x_i^T", r"X^T X"),
    (r"\sum_{i=0}^{n-1} y_i x_i", r"X^T y"),
    (r"\sum_{i=1}^n y_i x_i", r"X^T y"),
    (r"X^T\alpha", r"\sum_{i=1}^n \alpha_i x_i"),
    (r"X^{T}\alpha^{*}", r"\sum_{i=1}^{n}\alpha_{i}^{*}x_{i}"),
    (r"\sum_{i=1}^n \alpha_i y_i x_i", r"X^T \mathrm{diag}(y)\alpha"),
    (r"\sum_{i=1}^n \alpha_i \phi(x_i)", r"\Phi^T \alpha"),
    (r"\sum_{i=1}^n \phi(x_i)\phi(x_i)^T", r"\Phi^T \Phi"),
    (r"X^T (Xw - y)", r"\sum_{i=1}^n (w^T x_i - y_i) x_i"),
    (r"w^T X^T X w", r"\sum_{i=1}^n (w^T x_i)^2"),
    (r"\sum_{i=1}^n \|x_i\|^2", r"\mathrm{tr}(X^T X)"),
    (r"-2\sum_{i=1}^n (y_i - w^T x_i) x_i", r"-2X^T y + 2X^T X w"),
    (r"\sum_{i=1}^N x_i x_i^T w - \sum_{i=1}^N y_i x_i", r"X^T X w - X^T y"),
    (r"\sum_{i=1}^n y_i^2 - 2 w^T \sum_{i=1}^n y_i x_i + w^T \sum_{i=1}^n x_i x_i^T w",
     r"y^T y - 2 w^T X^T y + w^T X^T X w"),
    (r"\frac{1}{2}\sum_{i=1}^n (y_i - w^T x_i)^2 + \frac{\lambda}{2}\|w\|^2",
     r"\frac{1}{2}\|y - Xw\|^2 + \frac{\lambda}{2} w^T w"),
    # (X^T X)^{-1}: the data has more points than dimensions, so the Gram matrix is invertible
    (r"(\sum_{i=1}^n x_i x_i^T)^{-1} \sum_{i=1}^n y_i x_i", r"(X^T X)^{-1} X^T y"),
    (r"\left(\sum_{i=1}^n x_i x_i^T + \lambda I\right)^{-1} \sum_{i=1}^n y_i x_i", r"(X^T X + \lambda I)^{-1} X^T y"),
    (r"\sum_{i=1}^n \sum_{j=1}^n \alpha_i \alpha_j y_i y_j x_i^T x_j",
     r"\alpha^T \mathrm{diag}(y) X X^T \mathrm{diag}(y) \alpha"),
])
def test_stacked_rows_verify_and_say_so(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", verdict
    assert ROWS_READING in _guess(verdict)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{i=1}^n x_i x_i^T", r"X X^T"),
    (r"\sum_{i=1}^n y_i x_i", r"X y"),
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"\|y - X^T w\|^2"),
    (r"\sum_{i=1}^n \alpha_i y_i x_i", r"X \mathrm{diag}(y)\alpha"),
])
def test_stacked_columns_are_the_second_reading(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", verdict
    assert COLUMNS_READING in _guess(verdict)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{i=1}^n x_i^T x_i", r"X X^T"),  # a number is no n x n (or d x d) matrix
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"(y - Xw)^T(y + Xw)"),
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"y^T X w"),
    (r"\sum_{i=1}^n y_i x_i", r"y^T X w"),
    (r"\sum_{i=1}^n y_i x_i", r"X^T y^T"),
    (r"\sum_{i=1}^n y_i x_i", r"X^T y + y"),
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"\|y - Xw\|"),
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"2\|y - Xw\|^2"),
    (r"\sum_{i=1}^n (y_i - w^T x_i)^2", r"\|y\|^2 - \|Xw\|^2"),
    (r"\sum_{i=1}^n x_i x_i^T", r"X^T X + I"),
    (r"\sum_{i=1}^n x_i x_i^T w", r"X^T X"),
    (r"\sum_{i=1}^n \alpha_i y_i x_i", r"X^T \alpha"),
    (r"\sum_{i=1}^n \phi(x_i)\phi(x_i)^T", r"\Phi \Phi^T \Phi"),
    (r"\sum_{i=1}^n \alpha_i \phi(x_i)", r"\Phi \alpha^T"),
    (r"\sum_{i=1}^n x_i y_i^2", r"X^T y"),
    (r"\sum_{i=1}^n (y_i - w^T x_i) x_i", r"X^T(y + Xw)"),
    (r"\sum_{i=1}^n \|x_i\|^2", r"\mathrm{tr}(X X)"),
    (r"X^{T}\alpha^{*}", r"\sum_{i=1}^{n}\alpha_{i}x_{i}"),
    (r"(\sum_{i=1}^n x_i x_i^T)^{-1} \sum_{i=1}^n x_i y_i", r"(X^T X)^{-1} y"),
    # a sum over part of the data: X beside it is not the matrix of its terms
    (r"\sum_{i=1}^{n-1} x_i x_i^T", r"X^T X"),
    (r"\sum_{i=2}^{n} y_i x_i", r"X^T y"),
    # a total is no stacked matrix
    (r"T", r"\sum_{i=1}^n t_i"),
    (r"\sum_{i=1}^n x_i", r"X"),
])
def test_wrong_stackings_do_not_verify_and_are_not_refuted_by_the_reading(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified", verdict
    assert not _guess(verdict)


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\sum_{i=1}^n y_i x_i", r"X^T y", {"X": False, "y": True}),
    (r"\sum_{i=1}^n \alpha_i \phi(x_i)", r"\Phi^T \alpha", {"\\Phi": False, "\\alpha": True}),
    (r"\sum_{i=2}^n y_i x_i", r"X^T y", {}),  # not the whole data
    (r"\sum_{i=1}^n y_i x_i", r"Z^T y", {}),  # no capital of a summed letter
    (r"X[\mu]", r"\sum_{k=0}^{N-1} x[k] w^{k\mu}", {}),  # a transform's X[mu] is no stacked letter
])
def test_what_the_reading_stacks(lhs: str, rhs: str, expected: dict[str, bool]) -> None:
    read = stacked.read(parse_step(lhs, rhs, {}), stacked.ROWS)
    assert {s.key: s.vector for s in read.letters.stacked} == expected


def test_the_default_reading_stacks_nothing() -> None:
    assert parse_step(r"\sum_{i=1}^n y_i x_i", r"X^T y", {}).letters.stacked == ()
