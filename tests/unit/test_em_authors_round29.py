"""Electromagnetism notes in the styles of Griffiths, Purcell, Jackson and Feynman: "= 0" for the zero
vector after a curl of a gradient, a scalar field before a bracketed curl or divergence in a product rule
(f(\\nabla \\times \\mathbf{A})), fields that move in time under a \\nabla (\\partial\\mathbf{A}/\\partial t), and a
capital magnitude before a hatted axis (B\\hat{\\mathbf{z}}, E_0\\cos(kz - \\omega t)\\hat{\\mathbf{x}}), which beside
the axes' columns was read as a matrix and refuted a correct Lorentz force and a plane wave's curl."""
from __future__ import annotations

import pytest

from documents import checked_steps

SCALAR = "Let $\\mathbf{A}$ be a vector field and $f$ a scalar function.\n\n"


def _one(body: str) -> tuple[str, str]:
    """The status and the diagnosed kind of mistake (or "") of a document's only step."""
    (step,) = checked_steps(body)
    diagnosis = step.verdict.diagnosis
    return step.verdict.status.value, diagnosis.kind if diagnosis is not None else ""


def _align(lhs: str, rhs: str, prose: str = "") -> str:
    return f"{prose}\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


@pytest.mark.parametrize("lhs", ["\\nabla\\times\\nabla f", "\\nabla\\times(\\nabla f)",
                                 "\\nabla\\times(\\nabla\\times\\nabla f)"])
def test_the_curl_of_a_gradient_written_equal_to_a_plain_zero_verifies(lhs: str) -> None:
    assert _one(_align(lhs, "0", SCALAR))[0] == "verified"


def test_a_vector_set_to_a_plain_zero_that_is_no_identity_is_not_verified() -> None:
    # Laplace's equation is a condition on f, and a curl of a gradient is no Laplacian
    assert _one(_align("\\nabla\\cdot\\nabla f", "0", SCALAR))[0] != "verified"
    assert _one(_align("\\nabla\\times\\nabla f", "\\nabla^2 f", SCALAR))[0] != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\nabla\\times(f\\mathbf{A})", "f(\\nabla\\times\\mathbf{A}) - \\mathbf{A}\\times(\\nabla f)"),
    ("\\nabla\\times(f\\mathbf{A})", "f(\\nabla\\times\\mathbf{A}) + (\\nabla f)\\times\\mathbf{A}"),
    ("\\nabla\\cdot(f\\mathbf{A})", "f(\\nabla\\cdot\\mathbf{A}) + \\mathbf{A}\\cdot(\\nabla f)"),
    ("\\nabla\\times(\\psi\\mathbf{A})", "\\psi(\\nabla\\times\\mathbf{A}) - \\mathbf{A}\\times(\\nabla \\psi)"),
])
def test_a_field_before_a_bracketed_curl_or_divergence_is_a_product(lhs: str, rhs: str) -> None:
    assert _one(_align(lhs, rhs, SCALAR))[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\nabla\\times(f\\mathbf{A})", "f(\\nabla\\times\\mathbf{A}) + \\mathbf{A}\\times(\\nabla f)"),
    ("\\nabla\\cdot(f\\mathbf{A})", "f(\\nabla\\cdot\\mathbf{A}) - \\mathbf{A}\\cdot(\\nabla f)"),
    ("\\nabla\\cdot(\\mathbf{A}\\times\\mathbf{B})",
     "\\mathbf{B}\\cdot(\\nabla\\times\\mathbf{A}) + \\mathbf{A}\\cdot(\\nabla\\times\\mathbf{B})"),
    ("\\nabla(fg)", "f\\nabla g - g\\nabla f"),
])
def test_a_product_rule_with_a_flipped_sign_stays_refuted(lhs: str, rhs: str) -> None:
    assert _one(_align(lhs, rhs, SCALAR)) == ("refuted", "sign_flip")


def test_a_product_rule_that_drops_a_term_is_not_verified() -> None:
    assert _one(_align("\\nabla\\cdot(f\\mathbf{A})", "f(\\nabla\\cdot\\mathbf{A})", SCALAR))[0] != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("v\\hat{\\mathbf{x}}\\times B\\hat{\\mathbf{z}}", "-vB\\hat{\\mathbf{y}}"),
    ("v\\hat{x}\\times B\\hat{z}", "-vB\\hat{y}"),
    ("(v\\hat{\\mathbf{x}})\\times (B\\hat{\\mathbf{z}})", "-vB\\hat{\\mathbf{y}}"),
    ("E_0\\hat{\\mathbf{x}}\\times B_0\\hat{\\mathbf{y}}", "E_0 B_0\\hat{\\mathbf{z}}"),
    ("q E_0\\hat{\\mathbf{x}} + q v\\hat{\\mathbf{y}}\\times B_0\\hat{\\mathbf{z}}", "q(E_0 + v B_0)\\hat{\\mathbf{x}}"),
])
def test_a_capital_magnitude_along_an_axis_is_a_number(lhs: str, rhs: str) -> None:
    # (it was read as a matrix beside the axes' columns, and the correct force refuted)
    assert _one(_align(lhs, rhs))[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("v\\hat{\\mathbf{x}}\\times B\\hat{\\mathbf{z}}", "vB\\hat{\\mathbf{y}}"),
    ("v\\hat{\\mathbf{x}}\\times B\\hat{\\mathbf{y}}", "-vB\\hat{\\mathbf{z}}"),
    ("q E_0\\hat{\\mathbf{x}} + q v\\hat{\\mathbf{y}}\\times B_0\\hat{\\mathbf{z}}", "q(E_0 - v B_0)\\hat{\\mathbf{x}}"),
])
def test_a_cross_product_of_axes_with_the_wrong_sign_is_refuted(lhs: str, rhs: str) -> None:
    assert _one(_align(lhs, rhs)) == ("refuted", "sign_flip")


def test_a_matrix_times_a_written_basis_column_is_not_read_as_a_number() -> None:
    body = _align("A\\begin{pmatrix}1\\\\0\\end{pmatrix}", "\\begin{pmatrix}a_{11}\\\\a_{21}\\end{pmatrix}")
    assert _one(body)[0] != "refuted"


@pytest.mark.parametrize("lhs, rhs, status, rule", [
    ("\\int_0^{2\\pi}\\int_0^{\\pi} \\frac{q}{4\\pi\\epsilon_0 R^2} R^2\\sin\\theta\\,d\\theta\\,d\\phi",
     "\\frac{q}{\\epsilon_0}", "verified", ""),
    ("\\int_0^{2\\pi}\\int_0^{\\pi} \\frac{q}{4\\pi\\epsilon_0 R^2} R^2\\sin\\theta\\,d\\theta\\,d\\phi",
     "\\frac{q}{2\\epsilon_0}", "refuted", "constant_factor"),
    ("\\frac{\\mu_0}{4\\pi}\\frac{2 I}{s}", "\\frac{\\mu_0 I}{4\\pi s}", "refuted", "arithmetic"),
    ("\\frac{1}{r^2}\\frac{\\partial}{\\partial r}(r^2 \\cdot r^2)", "\\frac{1}{r^2}\\cdot 2 r^3", "refuted", "arithmetic"),
    ("\\nabla\\times\\left(-y\\,\\hat{\\mathbf{x}} + x\\,\\hat{\\mathbf{y}}\\right)", "2\\hat{\\mathbf{z}}", "verified", ""),
    ("\\frac{\\partial}{\\partial z} E_0\\cos(kz - \\omega t)", "k E_0\\sin(kz - \\omega t)", "refuted", "sign_flip"),
    ("\\frac{4\\pi\\times 10^{-7}\\cdot 10}{2\\pi\\cdot 0.05}", "4\\times 10^{-4}", "refuted", "exponent"),
])
def test_griffiths_style_steps_and_slips(lhs: str, rhs: str, status: str, rule: str) -> None:
    assert _one(_align(lhs, rhs)) == (status, rule)


@pytest.mark.parametrize("lhs, rhs", [
    ("\\nabla\\times\\left(-\\nabla V - \\frac{\\partial\\mathbf{A}}{\\partial t}\\right)",
     "-\\frac{\\partial}{\\partial t}(\\nabla\\times\\mathbf{A})"),
    ("\\nabla\\cdot\\left(-\\nabla V - \\frac{\\partial\\mathbf{A}}{\\partial t}\\right)",
     "-\\nabla^2 V - \\frac{\\partial}{\\partial t}\\nabla\\cdot\\mathbf{A}"),
    ("\\nabla\\times\\frac{\\partial\\mathbf{B}}{\\partial t}", "\\frac{\\partial}{\\partial t}\\nabla\\times\\mathbf{B}"),
    ("\\frac{\\partial}{\\partial t}\\nabla^2 V", "\\nabla^2 \\frac{\\partial V}{\\partial t}"),
])
def test_fields_that_move_in_time_are_differentiated_in_space_and_time(lhs: str, rhs: str) -> None:
    assert _one(_align(lhs, rhs))[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\nabla\\times\\left(-\\nabla V - \\frac{\\partial\\mathbf{A}}{\\partial t}\\right)",
     "\\frac{\\partial}{\\partial t}(\\nabla\\times\\mathbf{A})"),
    ("\\nabla\\cdot\\left(-\\nabla V - \\frac{\\partial\\mathbf{A}}{\\partial t}\\right)",
     "-\\nabla^2 V + \\frac{\\partial}{\\partial t}\\nabla\\cdot\\mathbf{A}"),
    ("\\frac{\\partial}{\\partial t}\\nabla f", "\\nabla f"),
    ("\\frac{\\partial}{\\partial t}(\\nabla\\cdot \\mathbf{A})", "0"),
])
def test_a_time_derivative_slipped_is_not_verified(lhs: str, rhs: str) -> None:
    assert _one(_align(lhs, rhs))[0] != "verified"


def test_the_curl_of_a_plane_wave_along_an_axis() -> None:
    lhs = "\\nabla\\times(E_0\\cos(kz-\\omega t)\\hat{\\mathbf{x}})"
    assert _one(_align(lhs, "-kE_0\\sin(kz-\\omega t)\\hat{\\mathbf{y}}"))[0] == "verified"
    assert _one(_align(lhs, "kE_0\\sin(kz-\\omega t)\\hat{\\mathbf{y}}")) == ("refuted", "sign_flip")
