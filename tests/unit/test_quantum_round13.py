"""Quantum computing, round 13: the standard gates (H, X, Y, Z, S, T, I, CNOT/CX/C_{NOT}, CZ, SWAP,
R_x/R_y/R_z(theta)) and the Pauli matrices (\\sigma_x..z, \\sigma_1..3) read as their matrices, in a
reading of its own tried only where a step writes kets or bras (or multiplies Pauli matrices and
nothing else). The reading verifies; a step that fails with the gates is left unverified (H may be a
Hamiltonian, X another operator), or refuted when a flipped sign makes it hold with them. A step
that holds with them up to a global phase is left unverified, and CNOT's control may be either qubit
(the textbooks' order or Qiskit's)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
S2 = r"\frac{1}{\sqrt{2}}"

CORRECT = [
    # Hadamard on basis states
    (r"H|0\rangle", S2 + r"(|0\rangle + |1\rangle)"),
    (r"H|1\rangle", S2 + r"(|0\rangle - |1\rangle)"),
    (r"H|0\rangle", r"|+\rangle"),
    (r"H|1\rangle", r"|-\rangle"),
    (r"H|+\rangle", r"|0\rangle"),
    (r"H|-\rangle", r"|1\rangle"),
    (r"H H|1\rangle", r"|1\rangle"),
    (S2 + r"(H|0\rangle + H|1\rangle)", r"|0\rangle"),
    (r"H(|0\rangle + |1\rangle)", r"\sqrt{2}\,|0\rangle"),
    (r"\ket{1}", r"H\ket{-}"),
    # Pauli, phase and T gates
    (r"X|0\rangle", r"|1\rangle"),
    (r"X|1\rangle", r"|0\rangle"),
    (r"Z|1\rangle", r"-|1\rangle"),
    (r"Z|+\rangle", r"|-\rangle"),
    (r"X|-\rangle", r"-|-\rangle"),
    (r"Y|0\rangle", r"i|1\rangle"),
    (r"Y|1\rangle", r"-i|0\rangle"),
    (r"XZ|1\rangle", r"-|0\rangle"),
    (r"ZX|0\rangle", r"-|1\rangle"),
    (r"S|1\rangle", r"i|1\rangle"),
    (r"T|1\rangle", r"e^{i\pi/4}|1\rangle"),
    (r"T T|1\rangle", r"S|1\rangle"),
    (r"S S|+\rangle", r"Z|+\rangle"),
    (r"S^\dagger S|1\rangle", r"|1\rangle"),
    (r"\mathrm{X}|0\rangle", r"|1\rangle"),
    (r"S|+\rangle", S2 + r"(|0\rangle + i|1\rangle)"),
    # matrix elements and measurement probabilities
    (r"\langle 0|H|1\rangle", S2),
    (r"\langle 1|H|1\rangle", r"-\frac{1}{\sqrt2}"),
    (r"\langle 1|X|0\rangle", r"1"),
    (r"\langle 0|Z|0\rangle", r"1"),
    (r"|\langle 1|H|0\rangle|^2", r"\frac{1}{2}"),
    (r"\langle +|Z|+\rangle", r"0"),
    (r"\langle 0|Y|1\rangle", r"-i"),
    # two qubits: Bell-state preparation, CNOT, CZ, SWAP
    (r"(H \otimes I)|00\rangle", S2 + r"(|00\rangle + |10\rangle)"),
    (r"\mathrm{CNOT}" + S2 + r"(|00\rangle + |10\rangle)", S2 + r"(|00\rangle + |11\rangle)"),
    (r"\mathrm{CNOT}(H \otimes I)|00\rangle", S2 + r"(|00\rangle + |11\rangle)"),
    (r"\mathrm{CNOT}|11\rangle", r"|10\rangle"),
    (r"\text{CNOT}|10\rangle", r"|11\rangle"),
    (r"\operatorname{CNOT}|00\rangle", r"|00\rangle"),
    (r"CX|11\rangle", r"|10\rangle"),
    (r"C_{NOT}|10\rangle", r"|11\rangle"),
    (r"\mathrm{CZ}|11\rangle", r"-|11\rangle"),
    (r"\mathrm{CZ}|{+}1\rangle", r"|{-}1\rangle"),
    (r"\mathrm{SWAP}|01\rangle", r"|10\rangle"),
    (r"\text{SWAP}(|0\rangle \otimes |1\rangle)", r"|1\rangle \otimes |0\rangle"),
    (r"(X \otimes X)|01\rangle", r"|10\rangle"),
    (r"(Z \otimes Z)|11\rangle", r"|11\rangle"),
    (r"(I \otimes H)|00\rangle", r"|0\rangle \otimes |+\rangle"),
    (r"X|0\rangle \otimes |1\rangle", r"|11\rangle"),
    (r"(Z \otimes I)" + S2 + r"(|00\rangle + |11\rangle)", S2 + r"(|00\rangle - |11\rangle)"),
    (r"(X \otimes I)" + S2 + r"(|00\rangle + |11\rangle)", S2 + r"(|10\rangle + |01\rangle)"),
    # phase kickback, in either qubit order
    (r"\mathrm{CNOT}|1{-}\rangle", r"-|1{-}\rangle"),
    (r"\mathrm{CNOT}|{-}1\rangle", r"X|{-}\rangle \otimes |1\rangle"),
    (r"X|{-}\rangle \otimes |1\rangle", r"-|{-}\rangle \otimes |1\rangle"),
    # teleportation's corrections
    (r"X(\beta|0\rangle + \alpha|1\rangle)", r"\alpha|0\rangle + \beta|1\rangle"),
    (r"Z(\alpha|0\rangle - \beta|1\rangle)", r"\alpha|0\rangle + \beta|1\rangle"),
    (r"ZX(\alpha|1\rangle - \beta|0\rangle)", r"\alpha|0\rangle + \beta|1\rangle"),
    # rotations
    (r"R_z(\theta)|0\rangle", r"e^{-i\theta/2}|0\rangle"),
    (r"R_x(\pi)|0\rangle", r"-i|1\rangle"),
    (r"R_y(\theta)|0\rangle", r"\cos\frac{\theta}{2}|0\rangle + \sin\frac{\theta}{2}|1\rangle"),
    (r"R_z(\phi)|+\rangle", S2 + r"(e^{-i\phi/2}|0\rangle + e^{i\phi/2}|1\rangle)"),
    # gate identities on states
    (r"HZH|0\rangle", r"X|0\rangle"),
    (r"HXH|+\rangle", r"Z|+\rangle"),
    (r"HZH|1\rangle", r"|0\rangle"),
    (r"\sigma_x|0\rangle", r"|1\rangle"),
    (r"\sigma_z|-\rangle", r"|+\rangle"),
    # Pauli algebra
    (r"\sigma_x\sigma_y", r"i\sigma_z"),
    (r"\sigma_y\sigma_z", r"i\sigma_x"),
    (r"\sigma_z\sigma_x", r"i\sigma_y"),
    (r"\sigma_x^2", r"I"),
    (r"\sigma_z^2", r"1"),
    (r"\sigma_1\sigma_2", r"i\sigma_3"),
    (r"\sigma_x\sigma_y - \sigma_y\sigma_x", r"2i\sigma_z"),
    (r"\sigma_x\sigma_z + \sigma_z\sigma_x", r"0"),
    (r"\sigma_x\sigma_y\sigma_z", r"i"),
]


@pytest.mark.parametrize("lhs,rhs", CORRECT)
def test_correct_quantum_steps_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is V, verdict.reason


WRONG = [
    # a flipped sign that the gates explain: an error
    (r"H|1\rangle", S2 + r"(|0\rangle + |1\rangle)", R),
    (r"H|0\rangle", S2 + r"(|0\rangle - |1\rangle)", R),
    (r"R_y(\theta)|0\rangle", r"\cos\frac{\theta}{2}|0\rangle - \sin\frac{\theta}{2}|1\rangle", R),
    (r"\sigma_x\sigma_y", r"-i\sigma_z", R),
    (r"\sigma_x^2", r"-I", R),
    (r"\mathrm{CNOT}" + S2 + r"(|00\rangle + |10\rangle)", S2 + r"(|00\rangle - |11\rangle)", R),
    (r"\langle 1|H|1\rangle", S2, R),
    (r"(Z \otimes I)" + S2 + r"(|00\rangle + |11\rangle)", S2 + r"(|00\rangle + |11\rangle)", R),
    (r"H|1\rangle", r"-\frac{1}{\sqrt2}(|0\rangle + |1\rangle)", R),
    # wrong with the gates, but nothing small explains it (H, X may be other operators)
    (r"H|+\rangle", r"|1\rangle", U),
    (r"Z|+\rangle", r"|+\rangle", U),
    (r"X|0\rangle", r"|0\rangle", U),
    (r"|\langle 1|H|0\rangle|^2", r"\frac{1}{4}", U),
    (r"\mathrm{CNOT}|11\rangle", r"|11\rangle", U),
    (r"(H \otimes I)|00\rangle", S2 + r"(|00\rangle + |01\rangle)", U),
    (r"\mathrm{SWAP}|01\rangle", r"|01\rangle", U),
    (r"\sigma_y\sigma_z", r"i\sigma_y", U),
    (r"HZH|0\rangle", r"Z|0\rangle", U),
    (r"X(\beta|0\rangle + \alpha|1\rangle)", r"\beta|0\rangle + \alpha|1\rangle", U),
    (r"\langle +|Z|+\rangle", r"1", U),
    (r"\sigma_z|-\rangle", r"|-\rangle", U),
    # right up to a global phase: not decided
    (r"X|0\rangle", r"-|1\rangle", U),
    (r"\mathrm{CZ}|11\rangle", r"|11\rangle", U),
    (r"Y|0\rangle", r"|1\rangle", U),
    (r"S|1\rangle", r"-i|1\rangle", U),
    (r"H H|1\rangle", r"-|1\rangle", U),
    (r"T|1\rangle", r"e^{i\pi/2}|1\rangle", U),
]


@pytest.mark.parametrize("lhs,rhs,status", WRONG)
def test_wrong_quantum_steps_are_not_verified(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status, verdict.reason


def test_refutation_names_the_sign_and_the_gates():
    verdict = check_step(r"H|1\rangle", S2 + r"(|0\rangle + |1\rangle)", "=")
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
    assert any("standard quantum gates" in g for g in verdict.guessed)


@pytest.mark.parametrize("lhs,rhs", [
    # H a Hamiltonian, X an operator: the gates do not decide these
    (r"H|0\rangle", r"E_0|0\rangle"),
    (r"H|1\rangle", r"\hbar\omega|1\rangle"),
    (r"H|0\rangle", r"|0\rangle + |1\rangle"),
    (r"H|0\rangle", r"|0\rangle"),
    (r"H|1\rangle", r"\frac{1}{2}(|0\rangle + |1\rangle)"),
    (r"X|0\rangle", r"x|0\rangle"),
    (r"U|0\rangle", r"|1\rangle"),
    # sigma beside other letters is a standard deviation, not a Pauli matrix
    (r"\rho\sigma_x\sigma_y", r"\sigma_x\sigma_y\rho"),
])
def test_other_operators_are_never_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not R


def test_gate_reason_says_what_is_not_decided():
    verdict = check_step(r"H|0\rangle", r"|0\rangle", "=")
    assert verdict.status is U and "standard gates (H)" in verdict.reason and "Hamiltonian" in verdict.reason
    phase = check_step(r"Y|0\rangle", r"|1\rangle", "=")
    assert "global phase" in phase.reason


def test_gates_only_beside_states_or_pauli_products():
    # without kets, H and X are any matrices (or numbers): the gates are no reading of the step
    assert check_step(r"HZH", r"X", "=").status is not V
    assert check_step(r"H^2", r"I", "=").status is not R
    # statistics: \sigma_x\sigma_y beside \rho is a product of standard deviations
    assert check_step(r"\rho\sigma_x\sigma_y", r"\sigma_y\rho\sigma_x", "=").status is V


@pytest.mark.parametrize("lhs,rhs", [
    # Pauli algebra that writes no i, I or third sigma may be standard deviations: not decided
    (r"\sigma_x\sigma_y\sigma_x", r"-\sigma_y"),
    (r"(\sigma_x + \sigma_y)^2", r"\sigma_x^2 + \sigma_y^2"),
    (r"\sigma_y^2", r"1"),
])
def test_unmarked_pauli_algebra_is_left_open(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U and "Pauli" in verdict.reason


def test_cosine_amplitudes_do_not_swallow_the_state():
    # \cos\frac{\theta}{2}|0>: the parser's argument runs on over the ket; the amplitude times the state
    assert check_step(r"\langle 0|\left(\cos\frac{\theta}{2}|0\rangle + \sin\frac{\theta}{2}|1\rangle\right)",
                      r"\cos\frac{\theta}{2}", "=").status is V
    assert check_step(r"\cos^2\frac{\theta}{2}|0\rangle + |0\rangle\sin^2\frac{\theta}{2}", r"|0\rangle", "=").status is V
