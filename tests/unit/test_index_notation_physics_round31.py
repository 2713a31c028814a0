"""Cartesian index notation of physics notes, chains without prose: \\partial_i written as the operator of the
i-th coordinate (\\partial_i(x_j x_j) = 2x_i), one coordinate by another (\\partial_i x_j = \\delta_{ij}), r beside
such a derivative as the distance |x| (\\partial_i r = x_i / r), the momentum p_k = m\\dot x_k that
\\epsilon_{ijk}\\dot x_j p_k drops, bold vectors beside their entries (\\mathbf a \\cdot \\mathbf b = a_j b_j), and the
slips of all of these that must stay refuted."""
from __future__ import annotations

import pytest
from documents import checked_steps

from lintmath.check import check_step
from lintmath.einstein import RADIAL_GUESS


@pytest.mark.parametrize("lhs, rhs", [
    ("\\partial_i(x_jx_j)", "2x_j\\delta_{ij}"),
    ("\\partial_i x_i", "\\delta_{ii}"),
    ("\\partial_i(2x_i)", "6"),
    ("\\partial_j(x_ix_j)", "\\delta_{ij}x_j + x_i\\delta_{jj}"),
    ("\\partial_i(x_jx_k)", "\\delta_{ij}x_k + x_j\\delta_{ik}"),
    ("\\partial_i\\partial_i(x_jx_j)", "\\partial_i(2x_i)"),
    ("\\partial_k(x_ix_jx_k)", "\\delta_{ik}x_jx_k + x_i\\delta_{jk}x_k + 3x_ix_j"),
    ("\\epsilon_{ijk}\\partial_jx_k", "\\epsilon_{ijk}\\delta_{jk}"),
    ("\\epsilon_{ijk}\\partial_i(x_jx_k)", "0"),
    ("x_j\\partial_j(x_ix_i)", "2x_ix_i"),
])
def test_partial_with_an_index_letter_differentiates_by_that_coordinate(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\partial_i x_j", "\\delta_{ij}"),
    ("\\frac{\\partial x_i}{\\partial x_j}", "\\delta_{ij}"),
    ("a_j\\frac{\\partial x_i}{\\partial x_j}", "a_i"),
    ("a_j\\partial_jx_i", "a_i"),
])
def test_one_coordinate_by_another_is_a_kronecker_delta(lhs: str, rhs: str) -> None:
    # at the head of a chain too: the left side defines no name x
    for first in (False, True):
        assert check_step(lhs, rhs, "=", first=first).status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # a field beside the coordinates: held constant it would make these hold
    ("\\partial_i(E_jx_j)", "E_i"),
    ("\\partial_i(x_i\\phi)", "3\\phi"),
    # t is no index letter: the rate of x_i, not its derivative by a coordinate x_t
    ("\\partial_t x_i", "\\delta_{ti}"),
])
def test_an_operand_that_is_no_function_of_the_position_alone_is_not_read_so(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


def test_the_normal_derivative_is_no_coordinate_of_an_index() -> None:
    # \partial_n on a sphere is d/dr: read as by a coordinate x_n it would refute this
    assert check_step("\\partial_n(r^2)", "2r", "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\partial_i r", "\\frac{x_i}{r}"),
    ("\\partial_i r^2", "2x_i"),
    ("\\partial_i\\left(\\frac{1}{r}\\right)", "-\\frac{x_i}{r^3}"),
    ("\\partial_j\\left(\\frac{x_i}{r}\\right)", "\\frac{\\delta_{ij}}{r} - \\frac{x_ix_j}{r^3}"),
    # refuted with r held constant before: a false alarm
    ("\\frac{\\partial}{\\partial x_j}\\left(\\frac{x_i}{r}\\right)", "\\frac{\\delta_{ij}}{r} - \\frac{x_ix_j}{r^3}"),
    ("\\partial_i(x_j r)", "\\delta_{ij} r + \\frac{x_ix_j}{r}"),
    ("\\partial_i(x_ir^2)", "3r^2 + 2x_ix_i"),
    ("\\partial_i\\left(\\frac{x_i}{r^2}\\right)", "\\frac{1}{r^2}"),
    ("\\partial_i\\partial_j r^2", "2\\delta_{ij}"),
    ("\\frac{\\partial_i x_i}{r} + x_i\\,\\partial_i\\!\\left(\\frac{1}{r}\\right)", "\\frac{3}{r} - \\frac{x_i x_i}{r^3}"),
])
def test_r_beside_a_derivative_by_a_coordinate_is_the_distance(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert RADIAL_GUESS in verdict.guessed


@pytest.mark.parametrize("lhs, rhs", [
    # hold with r a constant only: no verification
    ("\\partial_j\\left(\\frac{x_i}{r}\\right)", "\\frac{\\delta_{ij}}{r}"),
    ("\\frac{\\partial}{\\partial x_j}\\left(\\frac{x_i}{r}\\right)", "\\frac{\\delta_{ij}}{r}"),
    ("\\partial_i(x_j r^2)", "\\delta_{ij} r^2"),
    # the derivative of the distance written wrong: r may be another quantity of its own, never refuted
    ("\\partial_i r", "\\frac{x_i}{r^2}"),
])
def test_what_holds_only_with_r_constant_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{\\partial}{\\partial x_i}\\left(\\frac{1}{r}\\right)", "-\\frac{1}{r^2}\\frac{\\partial r}{\\partial x_i}"),
    ("\\partial_i\\left(\\frac{1}{r}\\right)", "-\\frac{1}{r^2}\\partial_i r"),
])
def test_the_chain_rule_through_a_written_rate_of_r_holds_for_any_r(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\partial_j\\left(\\frac{x_i}{r}\\right)", "\\frac{\\delta_{ij}}{r} + \\frac{x_ix_j}{r^3}"),
    ("\\partial_i(x_j r)", "\\delta_{ij}r + x_ix_jr"),
])
def test_a_slip_that_fails_with_r_either_way_is_refuted_without_a_repair_for_r_constant(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is None and RADIAL_GUESS in verdict.guessed


def test_an_r_written_as_an_index_or_summed_over_is_no_distance() -> None:
    verdict = check_step("\\sum_{r=1}^{n}\\frac{\\partial L}{\\partial z_{r}}\\delta_{rk}", "\\frac{\\partial L}{\\partial z_{k}}",
                         "=")
    assert verdict.status.value == "verified"


def test_the_momentum_entry_along_the_velocity_is_dropped_without_a_false_alarm() -> None:
    # dL_i/dt: \epsilon_{ijk}\dot x_j p_k vanishes where p = m\dot x, as a lecturer drops it
    verdict = check_step("\\epsilon_{ijk}\\dot x_jp_k + \\epsilon_{ijk}x_j\\dot p_k", "\\epsilon_{ijk}x_j\\dot p_k", "=")
    assert verdict.status.value == "unverified"
    assert check_step("\\epsilon_{ijk}v_jp_k + \\epsilon_{ijk}x_jF_k", "\\epsilon_{ijk}x_jF_k", "=").status.value \
        == "unverified"
    # the torque dropped instead: wrong whatever p is
    assert check_step("\\epsilon_{ijk}\\dot x_jp_k + \\epsilon_{ijk}x_j\\dot p_k", "\\epsilon_{ijk}\\dot x_jp_k",
                      "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("(\\mathbf{a}\\cdot\\mathbf{b})c_i", "a_jb_jc_i", "verified"),
    ("a_ib_i", "\\mathbf{a}\\cdot\\mathbf{b}", "verified"),
    ("a_ja_jb_kb_k - a_jb_ja_kb_k", "|\\mathbf{a}|^2|\\mathbf{b}|^2 - (\\mathbf{a}\\cdot\\mathbf{b})^2", "verified"),
    ("a_ja_jb_kb_k - a_jb_ja_kb_k", "|\\mathbf{a}|^2|\\mathbf{b}|^2 + (\\mathbf{a}\\cdot\\mathbf{b})^2", "refuted"),
    ("a_ib_i", "2\\mathbf{a}\\cdot\\mathbf{b}", "refuted"),
    # a basis written in bold with an index: its sum is no product of entries the step shows
    ("\\mathbf{w}", "w_i\\mathbf{e}_i", "unverified"),
])
def test_bold_vectors_beside_their_entries_give_the_convention_away(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, rule", [
    ("\\epsilon_{ijk}\\epsilon_{klm}", "\\delta_{il}\\delta_{jm} + \\delta_{im}\\delta_{jl}", "sign_flip"),
    ("\\partial_i(x_jx_k)", "\\delta_{ij}x_k + x_j\\delta_{ij}", None),
    ("\\partial_i(x_jx_j)", "x_j\\delta_{ij}", None),
    ("\\delta_{ij}x_j + x_i\\delta_{jj}", "x_i + x_i", None),
    ("\\epsilon_{ijk}\\epsilon_{klj}\\omega_l", "3\\omega_i", None),
    ("\\frac{d}{dt}(x_ix_i)", "x_i\\dot x_i", "constant_factor"),
])
def test_slips_in_index_notation_stay_refuted(lhs: str, rhs: str, rule: str | None) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    if rule is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == rule


def test_a_chain_in_operator_notation_without_prose() -> None:
    body = ("\\begin{align*}\n\\partial_i x_j &= \\delta_{ij}\n\\end{align*}\n"
            "\\begin{align*}\n\\partial_i(x_kx_k) &= 2x_k\\delta_{ik} \\\\\n&= 2x_i \\\\\n&= x_i\n\\end{align*}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "verified", "verified", "refuted"]
