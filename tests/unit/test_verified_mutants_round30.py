"""Mutants that verified (round 30): single typos in verified steps that still passed. The orthogonal
reading of indexed vectors drew every family from one set of axes, so <u_j, v_j> of two families was 0 by
chance; values above a million with decimals were held to the working tolerance, a unit off in eleven
digits; and indexed vectors written out as the prose defines them were "repaired" into orthogonality."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    # orthogonality of u_1, ..., u_n says nothing of the pairs of u and v
    (r"\langle a_1, b_1 \rangle + \langle a_1, a_2 \rangle", "0"),
    (r"\langle q_k, r_k \rangle", "0"),
    (r"\langle q_k, r_k \rangle + \langle q_k, q_m \rangle", "0"),
    # a term of the other family doubled or negated beside the orthogonal pairs
    (r"\langle q_k, r_m \rangle - \langle q_k, q_1 \rangle", r"2\langle q_k, r_m \rangle - \langle q_k, r_m \rangle + 5"),
])
def test_pairs_of_two_families_are_not_taken_orthogonal(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


def test_a_cross_family_term_kept_twice_is_a_slip() -> None:
    assert _status(r"\langle q_k, r_m \rangle - 0", r"-\langle q_k, r_m \rangle - \langle q_k, r_m \rangle") == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\langle q_2, q_5 \rangle", "0"),
    (r"\langle q_1 + q_2, q_1 \rangle", r"\|q_1\|^2"),
    (r"\langle q_k, r_m \rangle - \langle q_k, q_j \rangle", r"\langle q_k, r_m \rangle"),
    (r"\langle q_k, r_m \rangle - \langle q_k, r_m \rangle", "0"),
])
def test_orthogonality_within_a_family_still_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_orthogonal_vectors_need_not_have_one_length() -> None:
    assert _status(r"\langle q_1, q_1 \rangle", r"\langle q_2, q_2 \rangle") != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # an inner product of functions written out: the vectors' definition is in the prose
    (r"\langle q_i, q_k \rangle", r"\int_0^{1} t^{i} t^{k}\, dt"),
    (r"\langle h_m, h_n \rangle", r"\int_{0}^{\pi} \sin(mt)\cos(nt)\,dt"),
])
def test_indexed_vectors_written_out_are_not_repaired_into_orthogonality(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    # exact data, a result a unit off in ten digits or more
    (r"0.5 \cdot 246813579024", "123406789513"),
    (r"2.5 \times 4000000002", "10000000006"),
    (r"1.2^{2} \cdot 10^{10}", "14400000001"),
    # decimals of 25 digits claim more than doubles: the last digit of the result too
    (r"3.1415926535897932384626434 \cdot 10^{20}", "314159265358979323847"),
])
def test_large_results_are_held_to_their_last_digit(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"0.5 \cdot 246813579024", "123406789512"),
    (r"1.2^{2} \cdot 10^{10}", "14400000000"),
    (r"3.1415926535897932384626434 \cdot 10^{20}", "314159265358979323846"),
    # a whole number ending a computation is rounded to units; a decimal result to its last place
    (r"\sqrt{3} \cdot 10^{10}", "17320508076"),
    (r"\sqrt{3} \cdot 10^{10}", "17320508075.69"),
    # a double's printout, off in its seventeenth digit
    (r"e^{31}", "29048849665247.426"),
    (r"e^{31}", "29048849665247.424"),
    # whole numbers alone, exact
    (r"2^{40} + 7", "1099511627783"),
])
def test_large_results_rounded_as_written_still_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_whole_number_arithmetic_a_unit_off_is_still_refuted() -> None:
    assert _status(r"2^{40} + 7", "1099511627784") == "refuted"
