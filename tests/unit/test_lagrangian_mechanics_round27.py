"""Analytical mechanics and the calculus of variations: Poisson brackets \\{f, g\\} of phase-space
functions (verify-only: the same braces are an anticommutator or a set elsewhere), momenta named by
their coordinates (p_r, p_\\phi) as variables of their own, and the Euler-Lagrange derivative
\\frac{d}{dx}\\frac{\\partial F}{\\partial y'}, where y, y' and y'' move with x as the dotted letters of a
Lagrangian do with t. A total derivative by x of a primed letter no longer holds it constant."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


OSCILLATOR = "The Hamiltonian of the oscillator is\n" + _chain(
    "H &= \\frac{p^2}{2m} + \\frac12 m\\omega^2 q^2") + "\n"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\{q, H\\}", "\\frac{p}{m}"),
    ("\\{p, H\\}", "-m\\omega^2 q"),
    ("\\{q, H\\}", "\\frac{\\partial H}{\\partial p}"),
    ("\\{H, q\\}", "-\\frac{p}{m}"),
])
def test_brackets_with_the_hamiltonian_of_the_document_verify(lhs: str, rhs: str) -> None:
    assert _statuses(OSCILLATOR + _chain(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\{q, H\\}", "\\frac{p}{2m}"),
    ("\\{p, H\\}", "m\\omega^2 q"),
    ("\\{q, H\\}", "\\frac{\\partial H}{\\partial q}"),
])
def test_slips_in_brackets_with_the_hamiltonian_are_never_verified(lhs: str, rhs: str) -> None:
    # the reading only verifies: what the braces are is the notes' to say
    assert _statuses(OSCILLATOR + _chain(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "unverified"


def test_angular_momentum_brackets_pair_each_coordinate_with_its_momentum() -> None:
    body = "The angular momentum is\n" + _chain("L_z &= x p_y - y p_x") + _chain(
        "\\{x, L_z\\} &= -y", "\\{y, L_z\\} &= x", "\\{L_z, p_x\\} &= p_y") + _chain("\\{x, L_z\\} &= y")
    statuses = _statuses(body)
    assert statuses["\\{x, L_z\\} = -y"] == "verified"
    assert statuses["\\{x, L_z\\} = y"] == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\{q, p\\}", "1"),
    ("\\{q_1, p_2\\}", "0"),
    ("\\{q_1 p_2, p_1\\}", "p_2"),
    ("\\{q^2, p^2\\}", "4qp"),
    ("\\{x, p\\}", "1"),
    ("\\{x^2 + p^2, x p\\}", "2x^2 - 2p^2"),
    ("\\{\\theta, p_\\theta^2\\}", "2p_\\theta"),
    ("\\{\\sin q, p\\}", "\\cos q"),
])
def test_canonical_brackets_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\{q, p\\}", "-1"),
    ("\\{p, q\\}", "1"),
    ("\\{q_1, p_2\\}", "1"),
    ("\\{q^2, p^2\\}", "2qp"),
    ("\\{\\theta, p_\\theta^2\\}", "p_\\theta"),
    # an anticommutator of quantum notes, a set: no Poisson bracket to refute
    ("\\{x, p\\}", "xp + px"),
    ("\\{\\sigma_x, \\sigma_y\\}", "0"),
    ("\\{a, b\\}", "\\{b, a\\}"),
    # a bracket of a function the step does not give is no bracket of a constant
    ("\\{q, H\\}", "\\frac{\\partial H}{\\partial q}"),
    ("\\{q, f\\}", "0"),
])
def test_wrong_or_other_braces_are_never_verified_nor_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


def test_momenta_named_by_their_coordinates_are_variables_of_their_own() -> None:
    hamiltonian = "\\left(\\frac{p_r^2}{2m} + \\frac{p_\\phi^2}{2mr^2}\\right)"
    assert check_step(f"\\frac{{\\partial}}{{\\partial p_r}}{hamiltonian}", "\\frac{p_r}{m}", "=").status.value == "verified"
    assert check_step(f"\\frac{{\\partial}}{{\\partial p_\\phi}}{hamiltonian}", "\\frac{p_\\phi}{mr^2}",
                      "=").status.value == "verified"
    slip = check_step("\\frac{\\partial}{\\partial p_r}(p_r^2 + p_\\phi^2)", "2p_r + 2p_\\phi", "=")
    assert slip.status.value == "refuted"


def test_hamilton_equations_in_polar_coordinates() -> None:
    body = "In polar coordinates\n" + _chain("H &= \\frac{p_r^2}{2m} + \\frac{p_\\phi^2}{2mr^2} + V(r)") + _chain(
        "-\\frac{\\partial H}{\\partial r} &= \\frac{p_\\phi^2}{m r^3} - V'(r)") + _chain(
        "\\frac{\\partial H}{\\partial p_\\phi} &= \\frac{p_\\phi}{m r^2}") + _chain(
        "-\\frac{\\partial H}{\\partial r} &= \\frac{p_\\phi^2}{m r^2} - V'(r)")
    statuses = _statuses(body)
    assert statuses["-\\frac{\\partial H}{\\partial r} = \\frac{p_\\phi^2}{m r^3} - V'(r)"] == "verified"
    assert statuses["\\frac{\\partial H}{\\partial p_\\phi} = \\frac{p_\\phi}{m r^2}"] == "verified"
    assert statuses["-\\frac{\\partial H}{\\partial r} = \\frac{p_\\phi^2}{m r^2} - V'(r)"] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\left(y'^2 - y^2\\right)", "2y''"),
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\sqrt{1 + y'^2}", "\\frac{y''}{(1 + y'^2)^{3/2}}"),
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\left(x y'^2\\right)", "2y' + 2xy''"),
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\left(y\\sqrt{1 + y'^2}\\right)",
     "\\frac{y'^2}{\\sqrt{1 + y'^2}} + \\frac{y y''}{(1 + y'^2)^{3/2}}"),
])
def test_the_euler_lagrange_derivative_moves_y_and_its_primes_with_x(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\left(y'^2 - y^2\\right)", "3y''"),
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\sqrt{1 + y'^2}", "\\frac{y''}{(1 + y'^2)^{1/2}}"),
    ("\\frac{d}{dx}\\frac{\\partial}{\\partial y'}\\left(x y'^2\\right)", "2y' + xy''"),
])
def test_slips_in_the_euler_lagrange_derivative_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


FUNCTIONAL = "For the harmonic functional we take\n" + _chain("F &= \\frac12 y'^2 - \\frac12 k^2 y^2") + "\n"


def test_euler_lagrange_chains_with_the_integrand_of_the_document() -> None:
    body = FUNCTIONAL + _chain(
        "\\frac{\\partial F}{\\partial y} - \\frac{d}{dx}\\frac{\\partial F}{\\partial y'} &= -k^2 y - y''") + _chain(
        "\\frac{d}{dx}\\frac{\\partial F}{\\partial y'} &= y'")
    statuses = _statuses(body)
    assert statuses["\\frac{\\partial F}{\\partial y} - \\frac{d}{dx}\\frac{\\partial F}{\\partial y'} = -k^2 y - y''"] \
        == "verified"
    assert statuses["\\frac{d}{dx}\\frac{\\partial F}{\\partial y'} = y'"] == "refuted"


def test_the_euler_lagrange_equation_itself_is_no_error() -> None:
    # set to zero, the derivative is the equation the extremal solves, not an identity
    body = FUNCTIONAL + _chain("\\frac{\\partial F}{\\partial y} - \\frac{d}{dx}\\frac{\\partial F}{\\partial y'} &= 0",
                               "-k^2 y - y'' &= 0")
    assert "refuted" not in _statuses(body).values()


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\frac{d}{dx}(y' y)", "0", "unverified"),  # held constant, y' would make it 0
    ("\\frac{d}{dx}(y y')", "y'^2", "unverified"),
    ("\\frac{d}{dx}(y' y)", "y'^2 + yy''", "verified"),
    ("\\frac{d}{dx}(x y')", "y' + xy''", "verified"),
])
def test_a_total_derivative_of_a_primed_letter_does_not_hold_it_constant(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("rhs, status", [
    ("m R^2\\Omega^2\\sin\\theta\\cos\\theta - m g R\\sin\\theta", "verified"),
    ("m R^2\\Omega^2\\sin\\theta\\cos\\theta + m g R\\sin\\theta", "refuted"),
    ("\\frac12 m R^2\\Omega^2\\sin\\theta\\cos\\theta - m g R\\sin\\theta", "refuted"),
])
def test_the_bead_on_a_rotating_hoop(rhs: str, status: str) -> None:
    body = "The bead on a hoop spinning at rate $\\Omega$ has\n" + _chain(
        "L &= \\frac12 m R^2(\\dot\\theta^2 + \\Omega^2\\sin^2\\theta) + m g R\\cos\\theta") + _chain(
        f"\\frac{{\\partial L}}{{\\partial \\theta}} &= {rhs}")
    assert _statuses(body)[f"\\frac{{\\partial L}}{{\\partial \\theta}} = {rhs}"] == status


POLAR = "In polar coordinates\n" + _chain("L &= \\frac12 m(\\dot r^2 + r^2\\dot\\phi^2) - V(r)")


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\frac{\\partial L}{\\partial \\dot\\phi}", "m r^2\\dot\\phi", "verified"),
    # V(r) does not move with a velocity: a right side without it drops nothing, and the slip is one
    ("\\frac{\\partial L}{\\partial \\dot\\phi}", "m r\\dot\\phi", "refuted"),
    ("\\frac{\\partial L}{\\partial \\dot r}", "2m\\dot r", "refuted"),
    # ... but it does move with r: dropped there, it is left to the document
    ("\\frac{\\partial L}{\\partial r}", "m r\\dot\\phi^2", "unverified"),
])
def test_a_potential_of_the_coordinates_is_differentiated_away_by_a_velocity(lhs: str, rhs: str, status: str) -> None:
    assert _statuses(POLAR + _chain(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == status


def test_a_potential_of_the_coordinates_is_differentiated_away_by_a_momentum() -> None:
    body = "The Hamiltonian is\n" + _chain("H &= \\frac{p_r^2}{2m} + \\frac{p_\\phi^2}{2mr^2} + V(r)") + _chain(
        "\\frac{\\partial H}{\\partial p_r} &= \\frac{p_r}{m}") + _chain("\\frac{\\partial H}{\\partial p_\\phi} &= \\frac{p_\\phi}{2m r^2}")
    statuses = _statuses(body)
    assert statuses["\\frac{\\partial H}{\\partial p_r} = \\frac{p_r}{m}"] == "verified"
    assert statuses["\\frac{\\partial H}{\\partial p_\\phi} = \\frac{p_\\phi}{2m r^2}"] == "refuted"


def test_the_canonical_brackets_of_many_degrees_of_freedom() -> None:
    assert check_step("\\{q_i, p_j\\}", "\\delta_{ij}", "=").status.value == "verified"
    assert check_step("\\{q_i, q_j\\}", "\\delta_{ij}", "=").status.value == "unverified"


def test_braces_of_operators_keep_saying_what_they_may_be() -> None:
    assert "anticommutator" in check_step("\\{A, B\\}", "AB + BA", "=").reason


STATED = "The Poisson bracket of two functions on phase space is the usual one.\n\n"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\{q_1, p_1\\}", "-1"),
    ("\\{p, q\\}", "1"),
    ("\\{q^2, p^2\\}", "2qp"),
    ("\\{\\theta, p_\\theta^2\\}", "p_\\theta"),
    ("\\{x^2 + p^2, x p\\}", "2x^2 + 2p^2"),
])
def test_in_a_passage_on_poisson_brackets_a_slip_in_one_is_refuted(lhs: str, rhs: str) -> None:
    steps = checked_steps(STATED + _chain(f"{lhs} &= {rhs}"))
    assert [s.verdict.status.value for s in steps] == ["refuted"]
    assert steps[0].verdict.diagnosis is not None


def test_in_a_passage_on_poisson_brackets_a_right_one_still_verifies() -> None:
    body = STATED + _chain("\\{q^2, p^2\\} &= 4qp", "\\{x, p\\} &= 1")
    assert set(_statuses(body).values()) == {"verified"}


def test_without_such_prose_the_braces_may_be_an_anticommutator() -> None:
    body = "In quantum mechanics the anticommutator of two operators is written with braces.\n\n" + _chain(
        "\\{x, p\\} &= xp + px")
    assert _statuses(body)["\\{x, p\\} = xp + px"] == "unverified"


@pytest.mark.parametrize("rhs, status", [
    ("\\frac{\\partial q}{\\partial q}\\frac{\\partial p}{\\partial p} - \\frac{\\partial q}{\\partial p}\\frac{\\partial p}{\\partial q}",
     "verified"),
    ("\\frac{\\partial q}{\\partial q}\\frac{\\partial (q^2 p)}{\\partial p}", "unverified"),
])
def test_a_bracket_written_out_holds_its_variables_independent(rhs: str, status: str) -> None:
    lhs = "\\{q, p\\}" if "q^2" not in rhs else "\\{q, q p\\}"
    assert check_step(lhs, rhs, "=").status.value == status
