"""Graphics and robotics notes: rigid transforms written as blocks ([R t; 0^T 1]), projections onto a
vector (\\operatorname{proj}_u v), world coordinates X, Y, Z in a homogeneous column that a camera matrix
of numbers multiplies, and a subscripted length that multiplies a bracket (l_2(s_1 c_2 - ...))."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _statuses(body: str) -> list[str]:
    return [s.verdict.status.value for s in checked_steps(body)]


RT = "\\begin{bmatrix} R & \\mathbf{t} \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}"
ROTATION = "Let $R$ be a rotation matrix and $\\mathbf{t}$ a translation vector."


def test_the_inverse_of_a_rigid_transform_in_blocks_verifies_below_the_rotation_statement() -> None:
    body = display(ROTATION, RT + "^{-1}",
                   "\\begin{bmatrix} R^\\top & -R^\\top \\mathbf{t} \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}")
    assert _statuses(body) == ["verified"]


def test_a_slip_in_the_inverse_in_blocks_is_never_verified() -> None:
    body = display(ROTATION, RT + "^{-1}",
                   "\\begin{bmatrix} R^\\top & R^\\top \\mathbf{t} \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}")
    assert _statuses(body) == ["unverified"]


def test_without_the_statement_a_transpose_for_the_inverse_is_not_verified() -> None:
    assert _status(RT + "^{-1}", "\\begin{bmatrix} R^\\top & -R^\\top \\mathbf{t} \\\\ \\mathbf{0}^\\top & 1 "
                   "\\end{bmatrix}") == "unverified"
    assert _status(RT + "^{-1}", "\\begin{bmatrix} R^{-1} & -R^{-1} \\mathbf{t} \\\\ \\mathbf{0}^\\top & 1 "
                   "\\end{bmatrix}") == "verified"


@pytest.mark.parametrize("rhs, status", [
    ("\\begin{bmatrix} R_1 R_2 & R_1 \\mathbf{t}_2 + \\mathbf{t}_1 \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}", "verified"),
    ("\\begin{bmatrix} R_1 R_2 & R_2 \\mathbf{t}_1 + \\mathbf{t}_2 \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}", "unverified"),
    ("\\begin{bmatrix} R_2 R_1 & R_1 \\mathbf{t}_2 + \\mathbf{t}_1 \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}", "unverified"),
])
def test_composing_rigid_transforms_in_blocks(rhs: str, status: str) -> None:
    lhs = ("\\begin{bmatrix} R_1 & \\mathbf{t}_1 \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}"
           "\\begin{bmatrix} R_2 & \\mathbf{t}_2 \\\\ \\mathbf{0}^\\top & 1 \\end{bmatrix}")
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("column, rhs, status", [
    ("\\mathbf{p} \\\\ 1", "R\\mathbf{p} + \\mathbf{t} \\\\ 1", "verified"),
    ("\\mathbf{d} \\\\ 0", "R\\mathbf{d} \\\\ 0", "verified"),
    ("\\mathbf{p} \\\\ 1", "R\\mathbf{p} \\\\ 1", "unverified"),
])
def test_a_rigid_transform_acting_on_points_and_directions(column: str, rhs: str, status: str) -> None:
    lhs = RT + "\\begin{bmatrix} " + column + " \\end{bmatrix}"
    assert _status(lhs, "\\begin{bmatrix} " + rhs + " \\end{bmatrix}") == status


def test_capitals_that_may_be_numbers_in_a_written_inverse_stay_unread() -> None:
    # the 2 x 2 inverse's formula holds for numbers, not for blocks: no reading refutes it
    assert _status("\\begin{bmatrix} A & B \\\\ C & D \\end{bmatrix}^{-1}",
                   "\\frac{1}{AD - BC} \\begin{bmatrix} D & -B \\\\ -C & A \\end{bmatrix}") == "unverified"


@pytest.mark.parametrize("rhs, status", [
    ("\\frac{\\mathbf{u} \\cdot \\mathbf{v}}{\\mathbf{u} \\cdot \\mathbf{u}} \\mathbf{u}", "verified"),
    ("\\frac{\\mathbf{u} \\cdot \\mathbf{v}}{\\|\\mathbf{u}\\|^2} \\mathbf{u}", "verified"),
    ("\\frac{\\mathbf{u} \\cdot \\mathbf{v}}{\\|\\mathbf{u}\\|} \\mathbf{u}", "refuted"),
    ("\\frac{\\mathbf{u} \\cdot \\mathbf{v}}{\\mathbf{v} \\cdot \\mathbf{v}} \\mathbf{v}", "refuted"),
])
def test_the_projection_onto_a_vector_is_written_out(rhs: str, status: str) -> None:
    assert _status("\\operatorname{proj}_{\\mathbf{u}} \\mathbf{v}", rhs) == status


def test_a_missing_square_in_the_projection_is_diagnosed_as_an_exponent() -> None:
    verdict = check_step("\\operatorname{proj}_{\\mathbf{u}} \\mathbf{v}",
                         "\\frac{\\mathbf{u} \\cdot \\mathbf{v}}{\\|\\mathbf{u}\\|} \\mathbf{u}", "=")
    assert verdict.status.value == "refuted" and verdict.diagnosis is not None
    assert verdict.diagnosis.kind == "exponent"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\operatorname{proj}_{\\mathbf{u}} (\\mathbf{v} + \\mathbf{w})",
     "\\operatorname{proj}_{\\mathbf{u}} \\mathbf{v} + \\operatorname{proj}_{\\mathbf{u}} \\mathbf{w}", "verified"),
    ("\\mathbf{u} \\cdot (\\mathbf{v} - \\operatorname{proj}_{\\mathbf{u}} \\mathbf{v})", "0", "verified"),
    ("\\operatorname{proj}_{\\vec{a}} \\vec{b}", "\\frac{\\vec{a} \\cdot \\vec{b}}{|\\vec{a}|^2} \\vec{a}", "verified"),
    ("\\operatorname{proj}_{u} v", "\\frac{\\langle u, v \\rangle}{\\langle u, u \\rangle} u", "verified"),
    ("\\operatorname{proj}_{\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}} \\begin{pmatrix} 5 \\\\ 0 \\end{pmatrix}",
     "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "verified"),
    ("\\operatorname{proj}_{\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}} \\begin{pmatrix} 5 \\\\ 0 \\end{pmatrix}",
     "\\begin{pmatrix} 2 \\\\ 1 \\end{pmatrix}", "refuted"),
    # onto a subspace W: its basis is not written, so nothing is read
    ("\\operatorname{proj}_{W} \\mathbf{v}", "\\mathbf{v}", "unverified"),
])
def test_projections(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


CAMERA = "\\begin{bmatrix} f & 0 & 0 & 0 \\\\ 0 & f & 0 & 0 \\\\ 0 & 0 & 1 & 0 \\end{bmatrix}" \
    "\\begin{bmatrix} X \\\\ Y \\\\ Z \\\\ 1 \\end{bmatrix}"
INTRINSIC = "\\begin{bmatrix} f_x & 0 & c_x \\\\ 0 & f_y & c_y \\\\ 0 & 0 & 1 \\end{bmatrix}" \
    "\\begin{bmatrix} X/Z \\\\ Y/Z \\\\ 1 \\end{bmatrix}"


@pytest.mark.parametrize("lhs, rhs, status", [
    (CAMERA, "\\begin{bmatrix} fX \\\\ fY \\\\ Z \\end{bmatrix}", "verified"),
    (CAMERA, "\\begin{bmatrix} fX \\\\ fY \\\\ fZ \\end{bmatrix}", "refuted"),
    (INTRINSIC, "\\begin{bmatrix} f_x X/Z + c_x \\\\ f_y Y/Z + c_y \\\\ 1 \\end{bmatrix}", "verified"),
    (INTRINSIC, "\\begin{bmatrix} f_x X/Z + c_x \\\\ f_y Y/Z + c_x \\\\ 1 \\end{bmatrix}", "refuted"),
    ("\\begin{bmatrix} X & 1 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}", "X + 2", "verified"),
])
def test_world_coordinates_in_a_column_a_matrix_of_numbers_multiplies_are_numbers(lhs: str, rhs: str,
                                                                                 status: str) -> None:
    assert _status(lhs, rhs) == status


def test_capitals_in_a_column_beside_a_matrix_of_blocks_stay_matrices() -> None:
    # no 1 fixes their width, and the other factor is no matrix of numbers: blocks, unread as before
    assert _status("\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix} \\begin{bmatrix} A \\\\ B \\end{bmatrix}",
                   "\\begin{bmatrix} B \\\\ A \\end{bmatrix}") != "refuted"


def test_a_subscripted_length_before_a_bracket_is_a_factor_not_a_new_name() -> None:
    lhs = "(-l_1 s_1 - l_2 s_{12}) l_2 c_{12} + l_2 s_{12} (l_1 c_1 + l_2 c_{12})"
    assert _status(lhs, "l_1 l_2 (s_{12} c_1 - s_1 c_{12})") == "verified"
    verdict = check_step(lhs, "l_1 l_2 (s_1 c_{12} - s_{12} c_1)", "=")
    assert verdict.status.value == "refuted" and verdict.diagnosis is not None
    assert verdict.diagnosis.kind == "sign_flip"


def test_a_shading_slip_beside_an_intensity_with_a_subscript_is_refuted() -> None:
    verdict = check_step("k_d I_L (0 \\cdot 0 + 0 \\cdot 0.6 + 1 \\cdot 0.8)", "0.6 k_d I_L", "=")
    assert verdict.status.value == "refuted"
    assert _status("k_d I_L (0 \\cdot 0 + 0 \\cdot 0.6 + 1 \\cdot 0.8)", "0.8 k_d I_L") == "verified"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\begin{bmatrix} \\cos\\theta & -\\sin\\theta \\\\ \\sin\\theta & \\cos\\theta \\end{bmatrix}"
     "\\begin{bmatrix} x \\\\ y \\end{bmatrix}",
     "\\begin{bmatrix} x\\cos\\theta + y\\sin\\theta \\\\ x\\sin\\theta + y\\cos\\theta \\end{bmatrix}", "refuted"),
    ("\\operatorname{tr} \\begin{bmatrix} \\cos\\theta & -\\sin\\theta & 0 \\\\ \\sin\\theta & \\cos\\theta & 0 \\\\ "
     "0 & 0 & 1 \\end{bmatrix}", "1 + \\cos\\theta", "refuted"),
    ("\\begin{pmatrix} 1 \\\\ 2 \\\\ 3 \\end{pmatrix} \\times \\begin{pmatrix} 4 \\\\ 5 \\\\ 6 \\end{pmatrix}",
     "\\begin{pmatrix} -3 \\\\ 6 \\\\ -3 \\end{pmatrix}", "verified"),
    ("\\mathbf{a} \\times \\mathbf{b}", "\\mathbf{b} \\times \\mathbf{a}", "refuted"),
    ("\\frac{\\partial}{\\partial \\theta_2} \\left( l_1 \\cos\\theta_1 + l_2 \\cos(\\theta_1 + \\theta_2) \\right)",
     "-l_1 \\sin\\theta_1 - l_2 \\sin(\\theta_1 + \\theta_2)", "refuted"),
    ("(1-t)^3 + 3(1-t)^2 t + 3(1-t)t^2 + t^3", "((1-t) + t)^3", "verified"),
])
def test_what_already_works_in_the_field(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status
