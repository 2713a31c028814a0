"""Transformer lecture notes: rotary embeddings' rotation matrices at sums and differences of angles
(a family's law, not an identity of free letters), entries of a transpose after an entry under a letter
that usually names a function (Q_{ik}(K^T)_{kj}), a vector the prose writes out by its own numbered
components (p = \\begin{pmatrix} p_1 \\\\ p_2 \\end{pmatrix}), and projections named after their weight matrices (Q = XW_Q)."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.check import check_step


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs", [
    (r"(R_{m\theta} q)^\top (R_{n\theta} k)", r"q^\top R_{(n-m)\theta} k"),
    (r"q^\top R_{m\theta}^\top R_{n\theta} k", r"q^\top R_{(n-m)\theta} k"),
    (r"R_{\alpha} R_{\beta}", r"R_{\alpha + \beta}"),
    (r"R_{a}^\top R_{b}", r"R_{b - a}"),
    (r"R_{m}^\top", r"R_{-m}"),
    (r"\Phi_{s+t}", r"\Phi_s \Phi_t"),
])
def test_members_of_a_family_at_other_arguments_are_not_refuted(lhs: str, rhs: str) -> None:
    # free letters R_a, R_b, R_{b-a} are unrelated matrices: only what R is (a rotation by an angle)
    # relates them, which the step does not write
    verdict = check_step(lhs, rhs, "=", first=True)
    assert verdict.status.value == "unverified"


def test_the_family_reason_names_the_members() -> None:
    verdict = check_step(r"R_{a}^\top R_{b}", r"R_{b - a}", "=")
    assert "members of one family" in verdict.reason and "R_{b-a}" in verdict.reason


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"x_{i+j} + x_k", r"x_k + x_{i+j}", "verified"),  # the same member on both sides: decided
    (r"2R_{\alpha+\beta}", r"R_{\alpha+\beta} + R_{\alpha+\beta} + 1", "refuted"),
    (r"\sin(\omega(p + k))", r"\sin(\omega p)\cos(\omega k) - \cos(\omega p)\sin(\omega k)", "refuted"),
])
def test_steps_beside_the_family_reading_keep_their_verdict(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_rotation_written_out_is_still_decided() -> None:
    rotation = r"\begin{pmatrix}\cos %s & -\sin %s \\ \sin %s & \cos %s\end{pmatrix}"
    lhs = (rotation % (("a",) * 4)) + "^\\top " + rotation % (("b",) * 4)
    assert check_step(lhs, rotation % (("(b-a)",) * 4), "=").status.value == "verified"
    assert check_step(lhs, rotation % (("(a-b)",) * 4), "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sum_k Q_{ik} (K^\top)_{kj}", r"\sum_k Q_{ik} K_{jk}", "verified"),
    (r"Q_{ik} (K^T)_{kj}", r"Q_{ik} K_{jk}", "verified"),
    (r"P_{ij}(A^\top)_{jk}", r"P_{ij}A_{kj}", "verified"),
    (r"\sum_k Q_{ik} (K^\top)_{kj}", r"\sum_k Q_{ik} K_{kj}", "refuted"),
])
def test_an_entry_of_a_transpose_after_an_entry_is_a_product_of_entries(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_function_value_indexed_stays_unread() -> None:
    # f_i(x)_j may be entry j of a vector-valued f_i: no product is read there
    assert check_step(r"f_i(x)_j", r"f_i x_j", "=").status.value == "unverified"


VECTOR = "For two classes let $p = \\begin{pmatrix} p_1 \\\\ p_2 \\end{pmatrix}$ be the predicted distribution."
JACOBIAN = r"\operatorname{diag}(p) - pp^\top"


def test_a_vector_written_out_by_its_components_is_its_value() -> None:
    rhs = r"\begin{pmatrix} p_1 - p_1^2 & -p_1p_2 \\ -p_1 p_2 & p_2 - p_2^2\end{pmatrix}"
    assert _verdicts(display(VECTOR, JACOBIAN, rhs))[f"{JACOBIAN} = {rhs}"][0] == "verified"


@pytest.mark.parametrize("rhs", [
    r"\begin{pmatrix} p_1 - p_1^2 & p_1p_2 \\ p_1 p_2 & p_2 - p_2^2\end{pmatrix}",
    r"\begin{pmatrix} p_1 - p_1^2 & -p_1p_2 \\ -p_1 p_2 & p_2 + p_2^2\end{pmatrix}",
])
def test_a_slip_against_a_vector_of_components_is_never_verified(rhs: str) -> None:
    assert _verdicts(display(VECTOR, JACOBIAN, rhs))[f"{JACOBIAN} = {rhs}"][0] != "verified"


def test_a_vector_of_components_gives_the_norm() -> None:
    body = display("Let $x = \\begin{pmatrix} x_1 \\\\ x_2 \\end{pmatrix}$.", r"x^\top x", r"x_1^2 + x_2^2")
    assert _verdicts(body)[r"x^\top x = x_1^2 + x_2^2"][0] == "verified"


PROJECTIONS = "The queries and keys are $Q = XW_Q$ and $K = XW_K$, with $X$ the input."


@pytest.mark.parametrize("rhs", [r"XW_Q (XW_K)^\top", r"X W_Q W_K^\top X^\top"])
def test_a_projection_named_after_its_weight_matrix_is_defined(rhs: str) -> None:
    # the Q of W_Q labels the weight matrix: Q = XW_Q is a definition, not a recurrence in Q
    assert _verdicts(display(PROJECTIONS, r"QK^\top", rhs))[f"QK^\\top = {rhs}"][0] == "verified"


@pytest.mark.parametrize("rhs", [r"XW_Q W_K X^\top", r"X W_K W_Q^\top X^\top"])
def test_a_slip_in_the_projected_scores_is_never_verified(rhs: str) -> None:
    assert _verdicts(display(PROJECTIONS, r"QK^\top", rhs))[f"QK^\\top = {rhs}"][0] != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{e^{-x}}{(1+e^{-x})^2}", r"\sigma(x)(1 + \sigma(x))"),
    (r"-\log \frac{e^{z_y}}{\sum_k e^{z_k}}", r"z_y - \log \sum_k e^{z_k}"),
    (r"(1-\beta_1)\sum_{s=1}^{t} \beta_1^{t-s}", r"1 - \beta_1^{t-1}"),
    (r"\theta - \eta\left(\frac{\hat m}{\sqrt{\hat v} + \epsilon} + \lambda \theta\right)",
     r"(1 + \eta\lambda)\theta - \frac{\eta \hat m}{\sqrt{\hat v} + \epsilon}"),
    (r"4 \cdot 512^2 + 4 \cdot 512", r"1060624"),
    (r"2 \cdot 32 \cdot 4096 \cdot 2", r"2^{20}"),
    (r"\frac{p(1-p)}{p^2}", r"\frac{1-p}{p^2}"),
    (r"(QK^\top)^\top", r"Q^\top K"),
])
def test_slips_of_the_field_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{e^{z_i}\sum_k e^{z_k} - e^{z_i} e^{z_i}}{(\sum_k e^{z_k})^2}",
     r"\frac{e^{z_i}}{\sum_k e^{z_k}}\left(1 - \frac{e^{z_i}}{\sum_k e^{z_k}}\right)"),
    (r"\frac{x}{2}\left(1 + \tanh\left(\sqrt{2/\pi}(x + 0.044715x^3)\right)\right)",
     r"x\,\sigma\left(2\sqrt{2/\pi}(x + 0.044715x^3)\right)"),
    (r"\sin(\omega p)\sin(\omega q) + \cos(\omega p)\cos(\omega q)", r"\cos(\omega(p - q))"),
    (r"12 \cdot 512^2 + 13 \cdot 512", r"3152384"),
    (r"\frac{c\,\hat m_t}{\sqrt{c^2 \hat v_t}}", r"\frac{\hat m_t}{\sqrt{\hat v_t}}"),
    (r"\sum_{j=1}^n \frac{e^{s_{ij}}}{\sum_{k=1}^n e^{s_{ik}}}", "1"),
])
def test_steps_of_the_field_are_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
