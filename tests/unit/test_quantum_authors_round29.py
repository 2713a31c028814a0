"""Quantum notes in the styles of Nielsen & Chuang, Preskill and Griffiths, round 29: an operator on
two qubits applied to states written side by side ((H \\otimes H)|0>|1>, which read from the left
multiplied a 4 x 4 matrix by the 2-vector |0> and was left unverified), besides what already holds in
the field (gate algebra, inner products, density matrices, the harmonic oscillator) and slips that must
stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

KET = "\\newcommand{\\ket}[1]{\\left|#1\\right\\rangle}\n\\newcommand{\\bra}[1]{\\left\\langle#1\\right|}\n"


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    """Each step as ``lhs = rhs`` with its status and the reason of its verdict."""
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(KET + body)}


def _one(lhs: str, rhs: str, prose: str = "") -> tuple[str, str]:
    return _verdicts(f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n")[f"{lhs} = {rhs}"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"(H\otimes H)\ket{0}\ket{1}", r"\frac{\ket{00}-\ket{01}+\ket{10}-\ket{11}}{2}"),
    (r"(I\otimes H)\ket{0}\ket{1}", r"\frac{\ket{00}-\ket{01}}{\sqrt2}"),
    (r"(X\otimes X\otimes I)\ket{0}\ket{0}\ket{1}", r"\ket{1}\ket{1}\ket{1}"),
    (r"(Z\otimes Z)\ket{1}\ket{0}", r"-\ket{10}"),
    # an operator of one qubit's size still acts on the first state alone
    (r"X\ket{0}\ket{1}", r"\ket{1}\ket{1}"),
])
def test_an_operator_on_the_joint_system_acts_on_the_states_written_side_by_side(lhs: str, rhs: str) -> None:
    assert _one(lhs, rhs)[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"(H\otimes H)\ket{0}\ket{1}", r"\frac{\ket{00}+\ket{01}+\ket{10}-\ket{11}}{2}"),
    (r"(I\otimes H)\ket{0}\ket{1}", r"\frac{\ket{00}+\ket{01}}{\sqrt2}"),
])
def test_a_slip_after_an_operator_on_states_side_by_side_is_refuted(lhs: str, rhs: str) -> None:
    assert _one(lhs, rhs)[0] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"H\ket{0}", r"\frac{\ket{0} + \ket{1}}{\sqrt2}"),
    (r"XY", r"iZ"),
    (r"\sigma_y\sigma_z - \sigma_z\sigma_y", r"2i\sigma_x"),
    (r"\bra{1}Y\ket{0}", r"i"),
    (r"\mathrm{CNOT}(H\otimes I)\ket{00}", r"\frac{\ket{00}+\ket{11}}{\sqrt2}"),
    (r"\frac{1}{\sqrt2}\left(\ket{00} + \ket{11}\right)", r"\frac{1}{\sqrt2}\left(\ket{++} + \ket{--}\right)"),
    (r"\int_{-\infty}^{\infty} x^2 e^{-2ax^2}\,dx", r"\frac{1}{4a}\sqrt{\frac{\pi}{2a}}"),
    (r"-\frac{\hbar^2}{2m}\frac{d^2}{dx^2}\sin\left(\frac{n\pi x}{L}\right)",
     r"\frac{n^2\pi^2\hbar^2}{2mL^2}\sin\left(\frac{n\pi x}{L}\right)"),
])
def test_steps_of_the_field_verify(lhs: str, rhs: str) -> None:
    assert _one(lhs, rhs)[0] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"H\ket{1}", r"\frac{\ket{0} + \ket{1}}{\sqrt2}"),
    (r"ZX", r"-iY"),
    (r"\ket{+}\bra{+}", r"\frac12\begin{pmatrix}1 & -1\\ -1 & 1\end{pmatrix}"),
    (r"\int_{-\infty}^{\infty} x^2 e^{-2ax^2}\,dx", r"\frac{1}{2a}\sqrt{\frac{\pi}{2a}}"),
    (r"\frac{d}{dx}\left(x e^{-x^2}\right)", r"(1 + 2x^2)e^{-x^2}"),
    (r"-\frac{\hbar^2}{2m}\frac{d^2}{dx^2}e^{-m\omega x^2/2\hbar} + \frac12 m\omega^2x^2 e^{-m\omega x^2/2\hbar}",
     r"\hbar\omega e^{-m\omega x^2/2\hbar}"),
])
def test_slips_of_the_field_stay_refuted(lhs: str, rhs: str) -> None:
    assert _one(lhs, rhs)[0] == "refuted"


def test_an_oscillator_level_spacing_slip_is_refuted_against_the_defined_energies() -> None:
    body = ("\\begin{equation}\nE_n = \\hbar\\omega\\left(n + \\frac12\\right)\n\\end{equation}\n"
            "\\begin{align*}\nE_{n+1} - E_n &= 2\\hbar\\omega\n\\end{align*}\n")
    assert _verdicts(body)["E_{n+1} - E_n = 2\\hbar\\omega"][0] == "refuted"


def test_a_commutator_the_prose_fixes_is_never_refuted() -> None:
    # [x, p] = i\hbar is the prose's: with generic operators the step may only stay undecided
    status, _ = _one(r"\hat p[\hat x, \hat p] + [\hat x, \hat p]\hat p", r"2i\hbar\hat p",
                     "We use $[\\hat x, \\hat p] = i\\hbar$.")
    assert status != "refuted"
