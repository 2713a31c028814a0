"""Jacobian determinants written ``\\frac{\\partial(x, y)}{\\partial(r, \\theta)}`` (change of variables in
multivariable calculus, transformed densities, normalising flows): the determinant of the partial
derivatives of each listed function by each listed variable."""
from __future__ import annotations

from documents import checked_steps


def _verdicts(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


POLAR = "Let $x = r\\cos\\theta$ and $y = r\\sin\\theta$.\n\n"


def test_the_polar_jacobian_of_defined_coordinates_verifies() -> None:
    body = POLAR + ("\\begin{align*}\n\\frac{\\partial(x, y)}{\\partial(r, \\theta)} &= \\begin{vmatrix}\\cos\\theta & "
                    "-r\\sin\\theta \\\\ \\sin\\theta & r\\cos\\theta\\end{vmatrix} \\\\\n &= r\n\\end{align*}\n")
    verdicts = _verdicts(body)
    assert set(verdicts.values()) == {"verified"}, verdicts


def test_a_jacobian_with_the_wrong_sign_is_refuted() -> None:
    body = POLAR + "\\begin{align*}\n\\frac{\\partial(x, y)}{\\partial(r, \\theta)} &= -r\n\\end{align*}\n"
    assert list(_verdicts(body).values()) == ["refuted"]


def test_a_jacobian_of_listed_expressions_verifies() -> None:
    body = "\\begin{align*}\n\\frac{\\partial(2u + v, u - v)}{\\partial(u, v)} &= -3\n\\end{align*}\n"
    assert list(_verdicts(body).values()) == ["verified"]


def test_a_jacobian_of_functions_the_document_does_not_define_is_left_undecided() -> None:
    # u and v are not defined: their partial derivatives are unknown, never zero
    body = "\\begin{align*}\n\\frac{\\partial(u, v)}{\\partial(x, y)} &= 1\n\\end{align*}\n"
    assert list(_verdicts(body).values()) == ["unverified"]


def test_a_three_by_three_spherical_jacobian_verifies() -> None:
    body = ("Let $x = \\rho\\sin\\phi\\cos\\theta$, $y = \\rho\\sin\\phi\\sin\\theta$ and $z = \\rho\\cos\\phi$.\n\n"
            "\\begin{align*}\n\\frac{\\partial(x, y, z)}{\\partial(\\rho, \\phi, \\theta)} &= \\rho^2\\sin\\phi\n"
            "\\end{align*}\n")
    assert list(_verdicts(body).values()) == ["verified"]


def test_a_product_of_two_brackets_is_not_a_jacobian() -> None:
    # \partial (x)(y) is not one list: left to the ordinary reading, never read as a determinant
    body = "\\begin{align*}\n\\frac{\\partial (x)(y)}{\\partial (r)(s)} &= 0\n\\end{align*}\n"
    assert list(_verdicts(body).values()) != ["verified"]
