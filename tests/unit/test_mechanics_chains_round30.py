"""Classical mechanics chains as other authors' repositories hold them, without prose: a Hamiltonian written
out inside a Poisson bracket (its m, k, \\omega are constants, not functions the document must give), a
derivative by \\dot\\phi that takes \\dot\\theta away beside the \\theta it keeps, the inertia tensor written
as a matrix of principal moments I_1, I_2, a d/dt whose chain-rule rate the right side lost, and the plain
\\omega beside the bold one (its length)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


OSCILLATOR = "\\frac{p^2}{2m} + \\frac12 m\\omega^2 q^2"


@pytest.mark.parametrize("lhs, rhs", [
    (f"\\{{q, {OSCILLATOR}\\}}", "\\frac{p}{m}"),
    (f"\\{{p, {OSCILLATOR}\\}}", "-m\\omega^2 q"),
    ("\\{p, \\frac{p^2}{2m} + \\frac12 k q^2\\}", "-kq"),
    ("\\{p, \\frac{p^2}{2m} + mgq\\}", "-mg"),
    ("\\{p_x, \\frac{p_x^2 + p_y^2}{2m} + \\frac12 k(x^2 + y^2)\\}", "-kx"),
])
def test_a_hamiltonian_written_out_in_a_bracket_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (f"\\{{p, {OSCILLATOR}\\}}", "m\\omega^2 q"),
    ("\\{p, \\frac{p^2}{2m} + \\frac12 k q^2\\}", "kq"),
    (f"\\{{q, {OSCILLATOR}\\}}", "\\frac{p}{2m}"),
])
def test_slips_in_a_bracket_of_a_written_hamiltonian_are_never_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\{q, k\\}", "0"),  # a letter alone is a function the document must give
    ("\\{p, \\frac{p^2}{2m} + V\\}", "0"),  # V of the coordinates, added: never a constant
    ("\\{p, kq + f q^2\\}", "-k"),  # f, a function on phase space as often as a coefficient
    ("\\{x, L_z p_x\\}", "L_z"),  # a capital beside a momentum stays a function
])
def test_letters_that_may_be_functions_on_phase_space_stay_undecided(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


TOP = ("\\frac{\\partial}{\\partial\\dot\\phi}\\left[\\frac{I_1}{2}\\left(\\dot\\theta^2 + \\dot\\phi^2\\sin^2\\theta\\right)"
       " + \\frac{I_3}{2}\\left(\\dot\\psi + \\dot\\phi\\cos\\theta\\right)^2\\right]")


def test_a_velocity_the_derivative_takes_away_is_no_substitution() -> None:
    assert _status(TOP, "I_1\\dot\\phi\\sin^2\\theta + I_3\\cos\\theta\\left(\\dot\\psi + \\dot\\phi\\cos\\theta\\right)") \
        == "verified"
    # the \cos\theta of the chain rule dropped: \dot\theta is gone as the derivative has it, \theta stays
    assert _status(TOP, "I_1\\dot\\phi\\sin^2\\theta + I_3\\left(\\dot\\psi + \\dot\\phi\\cos\\theta\\right)") == "refuted"


def test_a_letter_substituted_away_beside_its_dotted_one_is_still_a_substitution() -> None:
    # \theta itself gone (its value put in from elsewhere): no slip the step shows
    assert _status("\\dot\\theta + \\theta^2", "\\dot\\theta + 4") == "unverified"


INERTIA = "\\begin{pmatrix}I_1 & 0 \\\\ 0 & I_2\\end{pmatrix}"
OMEGA = "\\begin{pmatrix}\\omega_1 \\\\ \\omega_2\\end{pmatrix}"


@pytest.mark.parametrize("lhs, rhs", [
    (f"{INERTIA}{OMEGA}", "\\begin{pmatrix}I_1\\omega_1 \\\\ I_2\\omega_2\\end{pmatrix}"),
    (f"\\frac12\\begin{{pmatrix}}\\omega_1 & \\omega_2\\end{{pmatrix}}{INERTIA}{OMEGA}",
     "\\frac12\\left(I_1\\omega_1^2 + I_2\\omega_2^2\\right)"),
    (f"\\det{INERTIA}", "I_1 I_2"),
    ("\\begin{pmatrix}I_{xx} & 0 \\\\ 0 & I_{yy}\\end{pmatrix}" + OMEGA,
     "\\begin{pmatrix}I_{xx}\\omega_1 \\\\ I_{yy}\\omega_2\\end{pmatrix}"),
])
def test_principal_moments_written_in_a_matrix_are_numbers(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (f"\\frac12\\begin{{pmatrix}}\\omega_1 & \\omega_2\\end{{pmatrix}}{INERTIA}{OMEGA}",
     "\\frac12\\left(I_1\\omega_1 + I_2\\omega_2\\right)"),
    (f"{INERTIA}{OMEGA}", "\\begin{pmatrix}I_2\\omega_1 \\\\ I_1\\omega_2\\end{pmatrix}"),
    # blocks the step inverts are matrices it means: the product in the wrong order is not verified as numbers
    ("\\begin{pmatrix}A & B \\\\ 0 & D\\end{pmatrix}^{-1}",
     "\\begin{pmatrix}A^{-1} & -D^{-1}BA^{-1} \\\\ 0 & D^{-1}\\end{pmatrix}"),
])
def test_slips_with_matrices_of_moments_are_never_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dt}\\left(\\frac{\\ell^2}{2\\mu r^2}\\right)", "-\\frac{\\ell^2}{\\mu r^3}"),
    ("\\frac{\\mathrm{d}}{\\mathrm{d}t}\\left(\\frac{1}{2} m v^2\\right)", "m v"),
    ("\\frac{d}{dt}\\left(-\\frac{k}{r}\\right)", "\\frac{k}{r^2}"),
])
def test_a_time_derivative_whose_rate_is_lost_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\frac{d}{dt}\\left(\\frac{\\ell^2}{2\\mu r^2}\\right)", "-\\frac{\\ell^2}{\\mu r^3}\\dot r", "verified"),
    # a letter of its own may name the rate (a = dv/dt, \alpha = d\omega/dt, F = dp/dt)
    ("\\frac{d}{dt}\\left(\\frac{1}{2} m v^2\\right)", "m v a", "unverified"),
    ("\\frac{d}{dt}\\left(\\frac{1}{2} I\\omega^2\\right)", "I\\omega\\alpha", "unverified"),
    ("\\frac{d}{dt}(mv)", "F", "unverified"),
    # a conservation law stated: the letters' motion is the prose's
    ("\\frac{d}{dt}\\left(m r^2\\dot\\theta\\right)", "0", "unverified"),
])
def test_time_derivatives_that_may_hold_are_not_refuted(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("lhs, rhs", [
    ("\\boldsymbol\\omega\\times(\\boldsymbol\\omega\\times\\mathbf r)",
     "\\boldsymbol\\omega(\\boldsymbol\\omega\\cdot\\mathbf r) - \\omega^2\\mathbf r"),
    ("\\mathbf p\\cdot\\mathbf p", "p^2"),
    ("\\frac{\\mathbf p\\cdot\\mathbf p}{2m}", "\\frac{p^2}{2m}"),
])
def test_a_plain_letter_beside_its_vector_is_its_length(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\boldsymbol\\omega\\times(\\boldsymbol\\omega\\times\\mathbf r)",
     "\\omega^2\\mathbf r - \\boldsymbol\\omega(\\boldsymbol\\omega\\cdot\\mathbf r)"),
    ("\\mathbf p\\cdot\\mathbf p", "p"),
    ("\\mathbf a\\cdot\\mathbf b", "ab"),  # lengths, but no angle: not an identity
    ("|\\mathbf v\\times\\mathbf B|", "vB"),
])
def test_lengths_do_not_verify_what_does_not_hold(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


LAGRANGIAN = "\\left[\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right]"


@pytest.mark.parametrize("lhs, rhs, status", [
    (f"\\frac{{\\partial}}{{\\partial\\dot\\theta}}{LAGRANGIAN}", "m r^2\\dot\\theta", "verified"),
    (f"\\frac{{\\partial}}{{\\partial r}}{LAGRANGIAN}", "m r\\dot\\theta^2 - V'(r)", "verified"),
    (f"\\frac{{\\partial}}{{\\partial\\dot\\theta}}{LAGRANGIAN}", "m r\\dot\\theta", "refuted"),
    (f"\\frac{{\\partial}}{{\\partial r}}{LAGRANGIAN}", "m r\\dot\\theta^2 + V'(r)", "refuted"),
    ("\\frac{\\mathrm{d}}{\\mathrm{d}r}\\left(\\frac{\\ell^2}{2\\mu r^2} - \\frac{k}{r}\\right)",
     "-\\frac{\\ell^2}{\\mu r^3} + \\frac{k}{r^2}", "verified"),
    ("\\frac{\\mathrm{d}}{\\mathrm{d}r}\\left(\\frac{\\ell^2}{2\\mu r^2} - \\frac{k}{r}\\right)",
     "-\\frac{\\ell^2}{2\\mu r^3} + \\frac{k}{r^2}", "refuted"),
    ("-u\\int_{m_0}^{m}\\frac{\\mathrm{d}m'}{m'}", "u\\ln\\frac{m_0}{m}", "verified"),
    ("-u\\int_{m_0}^{m}\\frac{\\mathrm{d}m'}{m'}", "u\\ln\\frac{m}{m_0}", "refuted"),
    ("\\det\\begin{pmatrix} 2k - m\\omega^2 & -k \\\\ -k & 2k - m\\omega^2\\end{pmatrix}",
     "(k - m\\omega^2)(3k - m\\omega^2)", "verified"),
    ("\\det\\begin{pmatrix} 2k - m\\omega^2 & -k \\\\ -k & 2k - m\\omega^2\\end{pmatrix}",
     "(k - m\\omega^2)(2k - m\\omega^2)", "refuted"),
    ("\\frac{1}{12}ML^2 + M\\left(\\frac L2\\right)^2", "\\frac14 ML^2", "refuted"),
])
def test_mechanics_steps_without_prose(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


def test_a_chain_in_the_authors_macros() -> None:
    body = ("\\newcommand{\\ddt}{\\frac{\\mathrm{d}}{\\mathrm{d}t}}\n"
            + _align("\\ddt\\left(\\frac12 m l^2\\dot\\theta^2 - mgl\\cos\\theta\\right) &= m l^2\\dot\\theta\\ddot\\theta"
                     " + mgl\\sin\\theta\\,\\dot\\theta",
                     "&= m l^2\\dot\\theta\\left(\\ddot\\theta + \\frac{g}{l}\\sin\\theta\\right)",
                     "&= m l^2\\dot\\theta\\left(\\ddot\\theta + \\frac{g}{l}\\cos\\theta\\right)"))
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "verified", "refuted"]
