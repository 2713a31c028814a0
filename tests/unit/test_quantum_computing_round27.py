"""Quantum computing notes, round 27: gate algebra written with letters and no kets (HYH = -Y, which
read as numbers was refuted; XY = iZ, R_x(\\pi) = -iX), a chain opened by a gate applied to a bracketed
state (\\mathrm{CNOT}(|1\\rangle \\otimes |-\\rangle), no function defined), the order of CNOT's qubits
one document keeps (a step right only in the other order is left unverified beside steps right only in
the document's), and states named other than by qubits whose value the document states
(|\\chi\\rangle, |\\Phi^+\\rangle)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
S2 = r"\frac{1}{\sqrt{2}}"


def _statuses(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


def _rows(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


@pytest.mark.parametrize("lhs,rhs", [
    # conjugations by the Hadamard gate: true for the gates, false for numbers, and H may be a Hamiltonian
    (r"HYH", r"-Y"),
    (r"HZH", r"X"),
    (r"HXH", r"Z"),
    (r"ZXZ", r"-X"),
    (r"R_x(\theta)R_x(\phi)", r"R_x(\theta + \phi)"),
])
def test_letter_gate_algebra_without_i_is_never_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U
    assert "standard gates" in verdict.reason


@pytest.mark.parametrize("lhs,rhs", [
    (r"XY", r"iZ"),
    (r"YZ", r"iX"),
    (r"ZX", r"iY"),
    (r"YX", r"-iZ"),
    (r"XYZ", r"iI"),
    (r"R_x(\pi)", r"-iX"),
    (r"R_y(\pi)", r"-iY"),
    (r"X \otimes Z", r"\begin{pmatrix} 0 & 0 & 1 & 0 \\ 0 & 0 & 0 & -1 \\ 1 & 0 & 0 & 0 \\ 0 & -1 & 0 & 0 \end{pmatrix}"),
])
def test_letter_gate_algebra_with_i_or_a_written_matrix_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs,rhs,suggestion", [
    (r"XY", r"-iZ", "iZ"),
    (r"ZX", r"-iY", "iY"),
    (r"R_x(\pi)", r"iX", "-iX"),
    (r"\sigma_z\sigma_y", r"i\sigma_x", r"-i\sigma_x"),
])
def test_letter_gate_slips_stay_refuted_as_sign_errors(lhs: str, rhs: str, suggestion: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
    assert verdict.diagnosis.suggestion == suggestion


@pytest.mark.parametrize("lhs,rhs", [
    # a lone gate squared, or letters that are not gates beside them: no reading of the gates
    (r"X^2", r"I"),
    (r"(X + Y)^2", r"X^2 + 2XY + Y^2"),
])
def test_no_gate_reading_without_a_product_of_gates(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not R


def test_statistics_slips_in_capital_letters_stay_refuted() -> None:
    # X + Y of random variables: no product of two gates, so no Pauli reading rescues the slip
    assert check_step(r"(X + Y)^2", r"X^2 + Y^2", "=").status is R
    assert check_step(r"H - TS", r"H + TS", "=").status is R


def test_a_document_defining_the_hadamard_matrix_does_not_refute_its_conjugation() -> None:
    body = ("Let $H = \\frac{1}{\\sqrt{2}}\\begin{pmatrix} 1 & 1 \\\\ 1 & -1 \\end{pmatrix}$ be the Hadamard gate.\n\n"
            + _rows(r"HYH &= -Y"))
    status, _ = _statuses(body)["HYH = -Y"]
    assert status != "refuted"


def test_a_chain_opened_by_a_gate_on_a_bracketed_state_is_no_definition() -> None:
    body = "Phase kickback:\n" + _rows(r"\mathrm{CNOT}(|1\rangle \otimes |-\rangle) &= |1\rangle \otimes X|-\rangle",
                                       r"&= -|1\rangle \otimes |-\rangle")
    statuses = _statuses(body)
    assert statuses[r"\mathrm{CNOT}(|1\rangle \otimes |-\rangle) = |1\rangle \otimes X|-\rangle"][0] == "verified"
    assert statuses[r"|1\rangle \otimes X|-\rangle = -|1\rangle \otimes |-\rangle"][0] == "verified"


TEXTBOOK_ORDER = ("The controlled-NOT flips the second qubit when the first is set.\n\n"
                  + _rows(r"\mathrm{CNOT}|10\rangle &= |11\rangle") + "\n"
                  + _rows(r"\mathrm{CNOT}|11\rangle &= |10\rangle") + "\n")


def test_a_step_right_only_in_the_other_qubit_order_is_left_unverified() -> None:
    body = TEXTBOOK_ORDER + _rows(r"\mathrm{CNOT}|01\rangle &= |11\rangle")
    statuses = _statuses(body)
    assert statuses[r"\mathrm{CNOT}|10\rangle = |11\rangle"][0] == "verified"
    assert statuses[r"\mathrm{CNOT}|11\rangle = |10\rangle"][0] == "verified"
    status, reason = statuses[r"\mathrm{CNOT}|01\rangle = |11\rangle"]
    assert status == "unverified" and "Qiskit" in reason and "2 other steps" in reason


def test_steps_that_hold_in_both_orders_tell_no_order() -> None:
    body = TEXTBOOK_ORDER + _rows(r"\mathrm{CNOT}|00\rangle &= |00\rangle") + "\n" \
        + _rows(r"\mathrm{CNOT}" + S2 + r"(|00\rangle + |11\rangle) &= " + S2 + r"(|00\rangle + |10\rangle)")
    statuses = _statuses(body)
    assert statuses[r"\mathrm{CNOT}|00\rangle = |00\rangle"][0] == "verified"
    assert all(status == "verified" for status, _ in statuses.values())


def test_a_document_in_qiskits_order_alone_keeps_its_steps_verified() -> None:
    body = _rows(r"\mathrm{CNOT}|{-}1\rangle &= X|{-}\rangle \otimes |1\rangle") + "\n" \
        + _rows(r"\mathrm{CNOT}|01\rangle &= |11\rangle")
    assert all(status == "verified" for status, _ in _statuses(body).values())


def test_the_minority_order_is_the_one_left_unverified() -> None:
    body = (_rows(r"\mathrm{CNOT}|01\rangle &= |11\rangle") + "\n" + _rows(r"\mathrm{CNOT}|11\rangle &= |01\rangle")
            + "\n" + _rows(r"\mathrm{CNOT}|10\rangle &= |11\rangle"))
    statuses = _statuses(body)
    assert statuses[r"\mathrm{CNOT}|01\rangle = |11\rangle"][0] == "verified"
    assert statuses[r"\mathrm{CNOT}|11\rangle = |01\rangle"][0] == "verified"
    assert statuses[r"\mathrm{CNOT}|10\rangle = |11\rangle"][0] == "unverified"


CHI = ("\\newcommand{\\ket}[1]{\\left|#1\\right\\rangle}\n"
       "Consider the state $\\ket{\\chi} = \\frac{3}{5}\\ket{0} + \\frac{4i}{5}\\ket{1}$.\n\n")


@pytest.mark.parametrize("lhs,rhs", [
    (r"\langle\chi|\chi\rangle", r"\frac{9}{25} + \frac{16}{25}"),
    (r"|\langle 1|\chi\rangle|^2", r"\frac{16}{25}"),
    (r"\langle\chi|Z|\chi\rangle", r"-\frac{7}{25}"),
    (r"X\ket{\chi}", r"\frac{4i}{5}\ket{0} + \frac{3}{5}\ket{1}"),
])
def test_a_named_state_with_a_value_in_the_prose_verifies(lhs: str, rhs: str) -> None:
    # (the bra is the conjugate transpose: <chi|chi> = 9/25 + 16/25, not 9/25 - 16/25)
    assert _statuses(CHI + _rows(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"][0] == "verified"


@pytest.mark.parametrize("lhs,rhs", [
    (r"\langle\chi|\chi\rangle", r"\frac{9}{25} - \frac{16}{25}"),
    (r"|\langle 1|\chi\rangle|^2", r"\frac{4}{5}"),
    (r"X\ket{\chi}", r"\frac{3}{5}\ket{0} + \frac{4i}{5}\ket{1}"),
])
def test_a_named_state_only_verifies(lhs: str, rhs: str) -> None:
    assert _statuses(CHI + _rows(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"][0] == "unverified"


def test_a_displayed_bell_state_is_put_in_below_it() -> None:
    body = ("The Bell state is\n\\begin{equation}\n|\\Phi^+\\rangle = " + S2 + "(|00\\rangle + |11\\rangle)\n"
            "\\end{equation}\n" + _rows(r"\langle 00|\Phi^+\rangle &= " + S2) + "\n"
            + _rows(r"(Z \otimes Z)|\Phi^+\rangle &= |\Phi^+\rangle") + "\n"
            + _rows(r"(Z \otimes I)|\Phi^+\rangle &= |\Phi^+\rangle"))
    statuses = _statuses(body)
    assert statuses[r"\langle 00|\Phi^+\rangle = " + S2][0] == "verified"
    assert statuses[r"(Z \otimes Z)|\Phi^+\rangle = |\Phi^+\rangle"][0] == "verified"
    assert statuses[r"(Z \otimes I)|\Phi^+\rangle = |\Phi^+\rangle"][0] == "unverified"
    # the definition itself is not verified by itself
    assert statuses[r"|\Phi^+\rangle = " + S2 + r"(|00\rangle + |11\rangle)"][0] != "verified"


def test_a_state_with_letter_amplitudes_is_not_put_in() -> None:
    # alpha and beta are complex: the real points sampled would take <psi|psi> = alpha^2 + beta^2 as right
    body = ("Let $|\\psi\\rangle = \\alpha|0\\rangle + \\beta|1\\rangle$.\n\n"
            + _rows(r"\langle\psi|\psi\rangle &= \alpha^2 + \beta^2"))
    assert _statuses(body)[r"\langle\psi|\psi\rangle = \alpha^2 + \beta^2"][0] == "unverified"
