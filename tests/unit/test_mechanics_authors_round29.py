"""Classical mechanics notes in the styles of several authors (Lagrangians, Hamiltonians, Poisson brackets,
damped oscillators, central forces, rigid bodies, small oscillations): the momentum p written beside the
velocity is m times it (the term \\dot{\\mathbf{r}} \\times \\mathbf{p} of dL/dt is dropped without a word),
and the subscript label of a quantity (the 2 of I_2) is no number an arithmetic slip rewrites into a
label the same difference already writes."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.config import Config
from lintmath.pipeline import check_text


def _steps(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _findings(body: str) -> list:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_text(text, "mech.tex", Config(jobs=0)).findings


@pytest.mark.parametrize("velocity, momentum, rate", [
    ("\\dot{\\mathbf{r}}", "\\mathbf{p}", "\\dot{\\mathbf{p}}"),
    ("\\dot{\\vec r}", "\\vec p", "\\dot{\\vec p}"),
    ("\\mathbf{v}", "\\mathbf{p}", "\\dot{\\mathbf{p}}"),
    ("\\dot{\\boldsymbol{r}}", "\\boldsymbol{p}", "\\dot{\\boldsymbol{p}}"),
])
def test_the_velocity_crossed_with_the_momentum_dropped_is_no_error(velocity: str, momentum: str, rate: str) -> None:
    body = _align(f"{velocity}\\times{momentum} + \\mathbf{{r}}\\times{rate} &= \\mathbf{{r}}\\times{rate}")
    (status,) = _steps(body).values()
    assert status == "unverified"


def test_the_convention_reads_labelled_momenta_of_a_system_of_particles() -> None:
    body = _align("\\sum_a \\mathbf{v}_a\\times\\mathbf{p}_a + \\sum_a \\mathbf{r}_a\\times\\mathbf{F}_a "
                  "&= \\sum_a \\mathbf{r}_a\\times\\mathbf{F}_a")
    (status,) = _steps(body).values()
    assert status == "unverified"


def test_the_prose_momentum_still_verifies_the_step() -> None:
    body = ("Here $\\mathbf{p} = m\\dot{\\mathbf{r}}$.\n"
            + _align("\\dot{\\mathbf{r}}\\times\\mathbf{p} + \\mathbf{r}\\times\\dot{\\mathbf{p}} "
                     "&= \\mathbf{r}\\times\\dot{\\mathbf{p}}"))
    (status,) = _steps(body).values()
    assert status == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # the other term dropped, and a sign slip: wrong with p = m v as well
    ("\\dot{\\mathbf{r}}\\times\\mathbf{p} + \\mathbf{r}\\times\\mathbf{F}", "\\dot{\\mathbf{r}}\\times\\mathbf{p}"),
    ("\\frac{d}{dt}(\\mathbf{r}\\times\\mathbf{p})",
     "\\dot{\\mathbf{r}}\\times\\mathbf{p} - \\mathbf{r}\\times\\dot{\\mathbf{p}}"),
    # vectors that are no momentum and velocity keep the generic reading
    ("\\mathbf{a}\\times\\mathbf{b} + \\mathbf{r}\\times\\mathbf{F}", "\\mathbf{r}\\times\\mathbf{F}"),
])
def test_slips_beside_a_momentum_stay_refuted(lhs: str, rhs: str) -> None:
    (status,) = _steps(_align(f"{lhs} &= {rhs}")).values()
    assert status == "refuted"


def test_a_subscript_label_is_not_rewritten_into_one_the_difference_already_writes() -> None:
    # (I_2 - I_3) read as (I_3 - I_3) vanishes: no digit slipped in the label, the factor 2 is wrong
    findings = _findings(_align("(I_2 - I_3)\\omega_2\\omega_3 + (I_3 - I_2)\\omega_2\\omega_3 "
                                "&= 2(I_2 - I_3)\\omega_2\\omega_3"))
    assert len(findings) == 1
    assert "I_3 - I_3" not in findings[0].message


def test_a_label_repeated_by_a_slip_is_still_repaired() -> None:
    findings = _findings(_align("x_1 + x_2 + x_3 &= x_1 + x_2 + x_2"))
    assert [f.rule for f in findings] == ["LM108"]
    assert "x_1 + x_2 + x_3" in findings[0].message


LAGRANGIAN = "For the pendulum, $L = \\frac{1}{2}ml^2\\dot\\theta^2 + mgl\\cos\\theta$.\n"
HAMILTONIAN = "The Hamiltonian is $H = \\frac{p_r^2}{2m} + \\frac{p_\\theta^2}{2mr^2} + V(r)$.\n"


@pytest.mark.parametrize("prose, lhs, rhs, status", [
    (LAGRANGIAN, "\\frac{\\partial L}{\\partial \\theta}", "-mgl\\sin\\theta", "verified"),
    (LAGRANGIAN, "\\frac{\\partial L}{\\partial \\theta}", "mgl\\sin\\theta", "refuted"),
    (LAGRANGIAN, "\\frac{\\partial L}{\\partial \\dot\\theta}", "ml^2\\dot\\theta", "verified"),
    (HAMILTONIAN, "-\\frac{\\partial H}{\\partial r}", "\\frac{p_\\theta^2}{mr^3} - V'(r)", "verified"),
    (HAMILTONIAN, "\\frac{\\partial H}{\\partial p_\\theta}", "\\frac{p_\\theta}{2mr^2}", "refuted"),
    ("", "\\{x p_y - y p_x, p_x\\}", "p_y", "verified"),
    ("", "\\{q^2, p\\}", "2q", "verified"),
    ("", "\\frac{d}{dt}\\left(mr^2\\dot\\theta\\right)", "mr\\dot r\\dot\\theta + mr^2\\ddot\\theta", "refuted"),
    ("", "\\int_0^t v_0 e^{-kt'}\\,dt'", "\\frac{v_0}{k}\\left(1 - e^{-kt}\\right)", "verified"),
    ("", "\\int_0^t v_0 e^{-kt'}\\,dt'", "\\frac{v_0}{k}\\left(1 + e^{-kt}\\right)", "refuted"),
    ("", "\\int_{-L/2}^{L/2} \\frac{M}{L}x^2\\,dx", "\\frac{ML^2}{3}", "refuted"),
    ("", "\\frac{1}{12}ML^2 + M\\left(\\frac{L}{2}\\right)^2", "\\frac{1}{3}ML^2", "verified"),
    ("", "\\det\\begin{pmatrix} k - m\\omega^2 & -k \\\\ -k & k - m\\omega^2 \\end{pmatrix}",
     "m\\omega^2(m\\omega^2 - 2k)", "verified"),
    ("", "2m\\dot{\\mathbf{r}}\\times\\boldsymbol\\Omega", "2m\\boldsymbol\\Omega\\times\\dot{\\mathbf{r}}", "refuted"),
    ("", "\\frac{d}{dr}\\left(-\\frac{\\gamma}{r} + \\frac{\\ell^2}{2\\mu r^2}\\right)",
     "\\frac{\\gamma}{r^2} - \\frac{\\ell^2}{\\mu r^3}", "verified"),
    ("", "\\frac{\\partial}{\\partial r}\\left(\\frac{\\ell^2}{2\\mu r^2}\\right)", "-\\frac{\\ell^2}{\\mu r^2}",
     "refuted"),
])
def test_mechanics_steps(prose: str, lhs: str, rhs: str, status: str) -> None:
    statuses = _steps(prose + _align(f"{lhs} &= {rhs}"))
    assert statuses[f"{lhs} = {rhs}"] == status
