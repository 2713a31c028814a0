"""Review of this round's last readings. Pythagoras written entry by entry (a sum of squares of a sum of
two vectors' entries, split into the sums of their squares) holds under prose that states the two are
orthogonal, as its norm form does: it was refuted there. Neighbours of the other new readings (an
antiderivative read back through u = g(x), \\text{d} as a differential and as a label, tg/ctg/sen/th,
written-out matrices, an operator on kets side by side) keep their verdicts, and their slips stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

ORTHOGONAL = "Since $p$ and $q$ are orthogonal vectors,"
DATA = "Let $p_k$ and $q_k$ be two lists of readings."


def _statuses(body: str) -> list[str]:
    return [step.verdict.status.value for step in checked_steps(body)]


def _one(prose: str, lhs: str, rhs: str) -> tuple[str, str]:
    (step,) = checked_steps(f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n")
    return step.verdict.status.value, step.verdict.reason


SPLIT = "\\sum_{k=1}^m p_k^2 + \\sum_{k=1}^m q_k^2"


@pytest.mark.parametrize("whole", ["\\sum_{k=1}^m (p_k + q_k)^2", "\\sum_{k=1}^m (p_k - q_k)^2"])
def test_pythagoras_entry_by_entry_is_left_to_prose_that_states_orthogonality(whole: str) -> None:
    status, reason = _one(ORTHOGONAL, whole, SPLIT)
    assert status == "unverified" and "orthogonal" in reason


def test_pythagoras_entry_by_entry_without_orthogonality_is_the_dropped_cross_term() -> None:
    assert _one(DATA, "\\sum_{k=1}^m (p_k + q_k)^2", SPLIT)[0] == "refuted"


@pytest.mark.parametrize("rhs", [
    "\\sum_{k=1}^m p_k^2 + 2\\sum_{k=1}^m q_k^2",   # a square doubled: no cross term explains it
    "\\sum_{k=1}^m p_k^2 - \\sum_{k=1}^m q_k^2",    # a leg subtracted
    "\\sum_{k=1}^n p_k^2 + \\sum_{k=1}^m q_k^2",    # another range
])
def test_slips_beside_orthogonal_entries_stay_refuted(rhs: str) -> None:
    assert _one(ORTHOGONAL, "\\sum_{k=1}^m (p_k + q_k)^2", rhs)[0] == "refuted"


def test_a_substitution_redefined_in_a_second_example_is_read_with_its_own_definition() -> None:
    body = ("Let $w = t^3 + 2$.\n\\begin{align*}\n\\int 3t^2 (t^3+2)^4 \\, dt &= \\int w^4 \\, dw\\\\\n"
            "&= \\frac{w^5}{5} + C\n\\end{align*}\n"
            "In the next example let $w = \\cos t$.\n\\begin{align*}\n"
            "\\int \\sin t \\cos^3 t \\, dt &= -\\int w^3 \\, dw\\\\\n&= -\\frac{\\cos^4 t}{4} + C\n\\end{align*}\n")
    statuses = _statuses(body)
    # (the first example's step may be left undecided, its letter being defined twice; never refuted)
    assert "refuted" not in statuses and statuses[1:] == ["verified"] * 3


def test_a_slip_of_an_antiderivative_in_the_new_variable_stays_refuted() -> None:
    assert _one("Let $w = t^3 + 2$.", "\\int w^4 \\, dw", "\\frac{w^5}{4} + C")[0] == "refuted"


def test_parts_and_definite_integrals_beside_a_substitution() -> None:
    body = ("Take $w = t^2 + 1$.\n\\begin{align*}\n\\int_0^1 2t (t^2+1)^3 \\, dt &= \\int_1^2 w^3 \\, dw\\\\\n"
            "&= \\frac{15}{4}\n\\end{align*}\n")
    assert _statuses(body) == ["verified", "verified"]


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\int_0^2 t \\,\\text{d}t", "2", "verified"),
    ("\\int_0^2 t \\,\\text{d}t", "4", "refuted"),
    ("\\operatorname{th} t", "\\frac{\\operatorname{sh} t}{\\operatorname{ch} t}", "verified"),
    ("\\operatorname{th} t", "\\frac{\\operatorname{ch} t}{\\operatorname{sh} t}", "refuted"),
    ("\\operatorname{ctg} t", "\\frac{\\sin t}{\\cos t}", "refuted"),
    ("\\operatorname{sen} 2t", "2 \\operatorname{sen} t", "refuted"),
])
def test_words_of_other_languages_decide_both_ways(lhs: str, rhs: str, status: str) -> None:
    assert _one("", lhs, rhs)[0] == status


def test_an_upright_d_as_a_label_is_no_differential() -> None:
    status, _ = _one("The dissipated energy is $E_{\\text{d}} = k s^2$.", "E_{\\text{d}} + E_{\\text{k}}",
                     "k s^2 + E_{\\text{k}}")
    assert status == "verified"


def test_written_out_matrices_that_do_not_commute_never_verify_commuting() -> None:
    prose = ("Let $P = \\begin{pmatrix} 1 & 2 \\\\ 0 & 1 \\end{pmatrix}$ and "
             "$Q = \\begin{pmatrix} 0 & 1 \\\\ 1 & 0 \\end{pmatrix}$.")
    assert _one(prose, "PQ", "QP")[0] != "verified"
    assert _one(prose, "(P+Q)^2", "P^2 + 2PQ + Q^2")[0] != "verified"
    assert _one(prose, "(P+Q)^2", "P^2 + PQ + QP + Q^2")[0] == "verified"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("X|0\\rangle|1\\rangle", "|1\\rangle|1\\rangle", "verified"),
    ("(H \\otimes H)|0\\rangle|1\\rangle", "\\frac{1}{2}(|00\\rangle + |01\\rangle + |10\\rangle - |11\\rangle)", "refuted"),
])
def test_operators_on_kets_side_by_side(lhs: str, rhs: str, status: str) -> None:
    assert _one("Apply the gates to the two qubits.", lhs, rhs)[0] == status


def test_a_single_qubit_gate_never_verifies_acting_on_the_second_ket() -> None:
    status, _ = _one("Apply the gate to the first qubit.", "X|0\\rangle|0\\rangle", "|0\\rangle|1\\rangle")
    assert status != "verified"
