"""Round 31: a matrix read tall from a Gram matrix's inverse, (X^T X)^{-1}, stays tall where the step
inverts it alone only on its right side ((X^T X)^{-1}X^T y = X^{-1}y, the classic slip for a design
matrix with more rows than columns): such a step holds only where X is square, and is left unverified,
never refuted for it. X^{-1} written on the left side says the step is about a square X (see gram.py)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.gram import gram_inverses
from lintmath.lower import classify_letters
from lintmath.model import Status
from lintmath.parse.parser import parse_math

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED

LETTERS = ["X", "Z", r"\mathbf{X}", "W", "B", r"\mathbf{Z}"]


def _t(x: str) -> str:
    return f"{x}^\\top "


def _correct(x: str) -> list[tuple[str, str]]:
    t = _t(x)
    g = f"({t}{x})^{{-1}}"
    hat = f"{x}{g}{t}"
    return [
        (f"{g}{t}{x}", "I"),
        (f"{g}({t}{x})", "I"),
        (f"{t}{x}{g}", "I"),
        (f"{hat}{hat}", hat),
        (f"({hat})^\\top", hat),
        (f"(I - {hat}){x}", "0"),
        (f"{hat}{x}", x),
        (f"({g})^\\top", g),
        (f"(I - {hat})(I - {hat})", f"I - {hat}"),
        # X^{-1} on the left: the step is about a square X, and is right for one
        (f"{x}^{{-1}}({t})^{{-1}}", g),
        (f"{x}^{{-1}}({t})^{{-1}}{t}", f"{x}^{{-1}}"),
        (f"{x}^{{-1}}{x}{g}", g),
        (f"{x}{x}^{{-1}}", "I"),
        # ridge: written for any shape of X
        (f"({t}{x} + 2I)^{{-1}}({t}{x} + 2I)", "I"),
        (f"\\det({g})", f"\\frac{{1}}{{\\det({t}{x})}}"),
    ]


def _slips(x: str) -> list[tuple[str, str]]:
    t = _t(x)
    g = f"({t}{x})^{{-1}}"
    return [
        (f"{g}{t}", f"{x}^{{-1}}"),
        (f"{g}{t}{x}{g}", f"{x}^{{-1}}({t})^{{-1}}"),
        (f"{x}{g}{t}", f"{x}{x}^{{-1}}({t})^{{-1}}{t}"),
        (f"{t}{x}{g}", f"{x}^{{-1}}{x}"),
        (f"{x}{g}", f"({t})^{{-1}}"),
    ]


def _wide_slips(x: str) -> list[tuple[str, str]]:
    t = _t(x)
    return [
        (f"{t}({x}{t})^{{-1}}", f"{x}^{{-1}}"),
    ]


def _product_laws(x: str) -> list[tuple[str, str]]:
    """The inverse of a product of square factors, written from a left side that has the letter only
    inside its Gram inverse: a Cholesky factor's v^T(RR^T)^{-1}v = v^T R^{-T}R^{-1}v reads so too, and
    nothing in the step tells a design matrix from such a factor (merge review, round 31)."""
    t = _t(x)
    g = f"({t}{x})^{{-1}}"
    return [
        (g, f"{x}^{{-1}}({t})^{{-1}}"),
        (g, f"{x}^{{-1}}{x}^{{-\\top}}"),
        (f"\\det({g})", f"\\frac{{1}}{{\\det({x})^2}}"),
        (f"({x}{t})^{{-1}}", f"({t})^{{-1}}{x}^{{-1}}"),
    ]


CORRECT = [step for x in LETTERS for step in _correct(x)] + [
    (r"(X^\top X)^{-1}X^\top(X\mathbf{b} + \mathbf{r})", r"\mathbf{b} + (X^\top X)^{-1}X^\top\mathbf{r}"),
    (r"(X^\top X)^{-1}X^\top X\mathbf{b}", r"\mathbf{b}"),
    (r"X^\top(\mathbf{u} - X(X^\top X)^{-1}X^\top\mathbf{u})", r"\mathbf{0}"),
    (r"X^{-1}X^{-\top}", r"(X^\top X)^{-1}"),
    (r"X^{-1}(X^\top)^{-1}X^\top\mathbf{u}", r"X^{-1}\mathbf{u}"),
]

SLIPS = [step for x in LETTERS for step in _slips(x) + _wide_slips(x)] + [
    (r"(X^\top X)^{-1}X^\top\mathbf{u}", r"X^{-1}\mathbf{u}"),
    (r"X(X^\top X)^{-1}X^\top\mathbf{u}", r"XX^{-1}\mathbf{u}"),
]


def test_counts() -> None:
    assert len(CORRECT) >= 80 and len(SLIPS) >= 30


@pytest.mark.parametrize("lhs,rhs", CORRECT)
def test_correct_steps_stay_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs,rhs", [step for x in LETTERS for step in _product_laws(x)])
def test_the_inverse_of_a_product_of_square_factors_still_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs,rhs", SLIPS)
def test_square_only_steps_are_not_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    # they hold for a square X, which the prose may state: never refuted, and said why
    assert verdict.status is U and "square" in verdict.reason


@pytest.mark.parametrize("lhs,rhs", [
    (r"(X^\top X)^{-1}X^\top\mathbf{u}", r"2X^{-1}\mathbf{u}"),
    (r"X^{-1}X^{-\top}X^\top\mathbf{u}", r"X^{-\top}\mathbf{u}"),
    (r"\det((X^\top X)^{-1})", r"\det(X)^{-3}"),
    (r"(X^\top X)^{-1}X^\top", r"X^{-1}X^{-1}"),
])
def test_slips_wrong_for_a_square_matrix_too_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is R


def test_only_the_left_sides_inverse_makes_a_letter_square() -> None:
    gram, alone = parse_math(r"(X^\top X)^{-1}X^\top"), parse_math(r"X^{-1}")
    matrices = classify_letters(gram, alone).matrices
    assert gram_inverses((gram, alone), matrices, given=(gram,))[0] == frozenset({"X"})
    assert gram_inverses((alone, gram), matrices, given=(alone,))[0] == frozenset()
    assert gram_inverses((gram, alone), matrices)[0] == frozenset()
    assert classify_letters(gram, alone).tall == frozenset({"X"})
    assert classify_letters(alone, gram).tall == frozenset()
