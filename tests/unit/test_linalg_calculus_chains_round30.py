"""Linear-algebra and calculus chains as course repositories hold them, without prose: a written matrix
minus a number times I (the identity, not a penalty weight), Leibniz's derivative written with a slash
(dy/dx, d^2y/dx^2, \\frac{dy/dt}{dx/dt}), and the conjugate transpose A^H, A^{\\mathsf{H}} (read as a power
of a letter H before, which verified (AB)^H = A^H B^H and refuted (A + B)^H = A^H + B^H)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

M2 = "\\begin{pmatrix} 3 & 1 \\\\ 2 & 5 \\end{pmatrix}"
M2_LESS_4I = "\\begin{pmatrix} -1 & 1 \\\\ 2 & 1 \\end{pmatrix}"


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# -- a written matrix and a number times I --------------------------------------------------------------

@pytest.mark.parametrize("lhs", [f"{M2} - 4I", f"{M2} - 4\\,I", f"-4I + {M2}"])
def test_a_number_times_i_beside_a_written_matrix_is_the_identity(lhs: str) -> None:
    assert _status(lhs, M2_LESS_4I) == "verified"


def test_a_wrong_entry_of_a_written_matrix_minus_a_multiple_of_i_is_refuted() -> None:
    verdict = check_step(f"{M2} - 4I", "\\begin{pmatrix} -1 & 1 \\\\ 2 & 2 \\end{pmatrix}", "=")
    assert verdict.status.value == "refuted"


def test_a_penalty_weight_beside_numbers_is_still_no_matrix() -> None:
    # C\sum_i \xi_i: a capital that multiplies numbers only, with no written matrix in the sum
    assert _status("\\frac12 w^2 + C\\sum_{i=1}^{n}\\xi_i", "C\\sum_{i=1}^{n}\\xi_i + \\frac{w^2}{2}") == "verified"


def test_a_number_added_to_a_written_matrix_stays_unread() -> None:
    rhs = "\\begin{pmatrix} 7 & 5 \\\\ 6 & 9 \\end{pmatrix}"
    assert _status(f"{M2} + 4", rhs) == "unverified"


# -- dy/dx ----------------------------------------------------------------------------------------------

def test_a_slashed_leibniz_derivative_is_the_fraction() -> None:
    assert n.structure(parse_math("dy/dx")) == n.structure(parse_math("\\frac{dy}{dx}"))
    second = parse_math("d^2y/dx^2")
    assert isinstance(second, n.Deriv) and second.wrt[0][1] == 2


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dx}\\left(x^2 + y^2\\right)", "2x + 2y\\,dy/dx"),
    ("\\frac{d}{dx}\\left(x^3 + y^3\\right)", "3x^2 + 3y^2 dy/dx"),
    ("\\frac{d}{dx}\\sin y", "\\cos y\\, dy/dx"),
    ("\\frac{d}{dt}\\left(x^2\\right)", "2x\\,dx/dt"),
    ("\\frac{dy/dt}{dx/dt}", "\\frac{\\frac{dy}{dt}}{\\frac{dx}{dt}}"),
])
def test_implicit_differentiation_with_slashed_derivatives_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_slip_in_implicit_differentiation_with_a_slash_is_refuted() -> None:
    verdict = check_step("\\frac{d}{dx}\\left(x^2 + y^2\\right)", "2x - 2y\\,dy/dx", "=")
    assert verdict.status.value == "refuted"
    assert check_step("\\frac{d}{dt}\\left(x^2\\right)", "x\\,dx/dt", "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [("\\frac{d_o}{d_i}", "d_o/d_i"), ("(a+d)/d", "1 + a/d"), ("ad/d", "a"),
                                      ("\\frac{d(x/d)}{dx}", "\\frac{1}{d}")])
def test_a_letter_d_that_is_a_quantity_is_still_divided(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_slashed_derivative_without_its_function_stays_unverified() -> None:
    assert _status("dy/dx", "2x") == "unverified"


# -- the conjugate transpose ----------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    ("(AB)^H", "B^HA^H"),
    ("(AB)^{\\mathsf{H}}", "B^{\\mathsf{H}}A^{\\mathsf{H}}"),
    ("(A+B)^H", "A^H + B^H"),
    ("(A^H)^H", "A"),
    ("(U\\Sigma V^H)^H", "V\\Sigma^H U^H"),
    ("(iA)^H", "-iA^H"),
    ("\\begin{pmatrix} 1 & i \\\\ 0 & 2 \\end{pmatrix}^H", "\\begin{pmatrix} 1 & 0 \\\\ -i & 2 \\end{pmatrix}"),
    ("\\|A\\mathbf{x}\\|^2", "\\mathbf{x}^HA^HA\\mathbf{x}"),
    ("\\mathbf{x}^H\\mathbf{x}", "\\sum_i |x_i|^2"),
])
def test_conjugate_transposes_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [("(AB)^H", "A^HB^H"), ("(AB)^{\\mathsf{H}}", "A^{\\mathsf{H}}B^{\\mathsf{H}}")])
def test_the_order_of_a_conjugate_transposed_product_is_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\mathbf{x}^H\\mathbf{y}", "\\mathbf{y}^H\\mathbf{x}"),
    ("\\mathbf{x}^H\\mathbf{x}", "\\sum_i x_i^2"),
    ("\\det(A^H)", "\\det(A)"),
    ("\\operatorname{tr}(A^H)", "\\operatorname{tr}(A)"),
])
def test_what_holds_only_for_real_entries_is_not_verified_beside_a_conjugate_transpose(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("text", ["2^H", "e^{H}", "(1 + r)^H", "x^H"])
def test_h_over_a_number_or_a_plain_letter_is_still_a_power(text: str) -> None:
    assert isinstance(parse_math(text), n.Pow)


def test_a_norm_of_a_written_complex_vector_takes_absolute_values() -> None:
    assert _status("\\left\\| \\begin{pmatrix} 1 \\\\ i \\end{pmatrix} \\right\\|", "\\sqrt{2}") == "verified"


# -- chains as a repository holds them, no prose ---------------------------------------------------------

CHAINS = (
    "\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert}\n"
    "\\begin{document}\n"
    "\\begin{align*}\n"
    "\\det(A - \\lambda I) &= \\det\\begin{pmatrix} 4-\\lambda & 1 \\\\ 2 & 3-\\lambda \\end{pmatrix} \\\\\n"
    "&= (4-\\lambda)(3-\\lambda) - 2 \\\\\n"
    "&= \\lambda^2 - 7\\lambda + 10.\n"
    "\\end{align*}\n"
    "\\begin{equation}\n\\begin{aligned}\n"
    "\\frac{d}{dx}\\left(x^2 e^{3x}\\right) &= 2xe^{3x} + 3x^2e^{3x} \\\\\n"
    "&= xe^{3x}(2 + 3x),\n"
    "\\end{aligned}\n\\end{equation}\n"
    "\\begin{eqnarray*}\n"
    "\\int x\\cos x\\,dx &=& x\\sin x - \\int \\sin x\\,dx \\\\\n"
    "&=& x\\sin x - \\cos x + C\n"
    "\\end{eqnarray*}\n"
    "\\end{document}\n"
)


def test_a_chain_without_prose_verifies_its_correct_steps_and_refutes_its_slip() -> None:
    steps = {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(CHAINS)}
    cofactors = "\\det\\begin{pmatrix} 4-\\lambda & 1 \\\\ 2 & 3-\\lambda \\end{pmatrix} = (4-\\lambda)(3-\\lambda) - 2"
    assert steps[cofactors] == "verified"
    assert steps["(4-\\lambda)(3-\\lambda) - 2 = \\lambda^2 - 7\\lambda + 10"] == "verified"
    assert steps["2xe^{3x} + 3x^2e^{3x} = xe^{3x}(2 + 3x)"] == "verified"
    assert steps["\\int x\\cos x\\,dx = x\\sin x - \\int \\sin x\\,dx"] == "verified"
    assert steps["x\\sin x - \\int \\sin x\\,dx = x\\sin x - \\cos x + C"] == "refuted"


# -- the derivative of a vector written as a list -------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dt}\\langle t, t^2, t^3\\rangle", "\\langle 1, 2t, 3t^2\\rangle"),
    ("\\frac{d}{dt}\\left\\langle \\cos t, \\sin t, t\\right\\rangle",
     "\\left\\langle -\\sin t, \\cos t, 1 \\right\\rangle"),
    ("\\frac{d}{dt}(t, t^2, t^3)", "(1, 2t, 3t^2)"),
])
def test_a_listed_vector_is_differentiated_componentwise(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_wrong_component_of_a_differentiated_list_is_refuted() -> None:
    verdict = check_step("\\frac{d}{dt}\\langle t, t^2, t^3\\rangle", "\\langle 1, 2t, 3t\\rangle", "=")
    assert verdict.status.value == "refuted"


def test_a_differentiated_pair_that_may_be_an_inner_product_is_not_refuted() -> None:
    assert _status("\\frac{d}{dt}(t, t^2)", "(1, t)") == "unverified"


# -- a gradient worked out in angle brackets ------------------------------------------------------------

@pytest.mark.parametrize("rhs", ["\\langle 2xy, x^2 - 3y^2\\rangle",
                                 "\\left\\langle 2xy,\\; x^2 - 3y^2\\right\\rangle"])
def test_a_gradient_written_as_an_angle_pair_of_components_verifies(rhs: str) -> None:
    assert _status("\\nabla\\left(x^2y - y^3\\right)", rhs) == "verified"


def test_a_wrong_component_of_an_angle_pair_gradient_is_refuted() -> None:
    verdict = check_step("\\nabla\\left(x^2y - y^3\\right)", "\\langle 2xy, x^2 - 3y\\rangle", "=")
    assert verdict.status.value == "refuted"


def test_an_angle_pair_of_a_gradient_and_a_vector_stays_an_inner_product() -> None:
    assert _status("\\nabla f \\cdot \\mathbf{v}", "\\langle \\nabla f, \\mathbf{v}\\rangle") == "verified"
    tree = parse_math("\\langle \\nabla f, \\mathbf{v}\\rangle", tuples=True)
    assert isinstance(tree, n.Inner)
    assert isinstance(parse_math("\\langle x, y\\rangle", tuples=True), n.Inner)
