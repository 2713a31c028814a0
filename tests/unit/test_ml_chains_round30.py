"""Machine-learning chains as repositories hold them, without their prose (CS229, PRML, CS189, CS4780
styles): a step that holds where a summed family is a distribution or a one-hot label (the Gini index, the
cross-entropy of logits) is no error; an evaluation bar may set several letters (|_{a=2, b=3}, |_{a=b=1});
a derivative by \\mu_k of an expression in \\boldsymbol{\\mu}_k and \\nabla_w of one in \\mathbf{w} are by that
vector; and the capital that scales a log or a hinge sum (N\\ln\\beta, C\\sum_i\\max(...)) is a count or a
weight, not a matrix, beside the vectors of the step."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def _check(lhs: str, rhs: str, relation: str = "="):
    return check_step(lhs, rhs, relation, seed=0)


# -- a summed family that is a distribution or a one-hot vector ------------------------------------------

GINI = r"1 - \sum_{k=1}^K p_k^2"
CROSS_ENTROPY = r"-\sum_{k=1}^K y_k\left(z_k - \log\sum_{j=1}^K e^{z_j}\right)"


@pytest.mark.parametrize("lhs, rhs", [
    (GINI, r"\sum_{k=1}^K p_k(1 - p_k)"),
    (CROSS_ENTROPY, r"-\sum_{k=1}^K y_kz_k + \log\sum_{j=1}^K e^{z_j}"),
    (r"\sum_{k=1}^K \left(q_k a_k - q_k b\right)", r"\sum_{k=1}^K q_k a_k - b"),
])
def test_a_step_that_holds_where_the_summed_entries_sum_to_one_is_no_error(lhs: str, rhs: str) -> None:
    verdict = _check(lhs, rhs)
    assert verdict.status is U
    assert "sum to one" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (GINI, r"\sum_{k=1}^K p_k(1 + p_k)"),
    (CROSS_ENTROPY, r"-\sum_{k=1}^K y_kz_k - \log\sum_{j=1}^K e^{z_j}"),
    (r"\sum_{k=1}^K \pi_k\left(\mu_k^2 + \sigma_k^2\right)", r"\sum_{k=1}^K \pi_k\mu_k^2"),
])
def test_a_slip_that_fails_on_the_simplex_too_stays_refuted(lhs: str, rhs: str) -> None:
    assert _check(lhs, rhs).status is R


def test_a_sum_of_squares_is_still_decided_as_written() -> None:
    # no reading of x_i as weights makes the centred sum verify or fail: it holds for every x
    assert _check(r"\sum_{i=1}^n x_i^2 - n\bar{x}^2", r"\sum_{i=1}^n (x_i - \bar x)^2").status is V


# -- an evaluation bar that sets several letters ----------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{a}{a + b}\Big|_{a=2, b=3}", r"\frac{2}{5}"),
    (r"\left.\frac{a}{a + b}\right|_{a=2,\ b=3}", r"\frac{2}{5}"),
    (r"\binom{n}{k}\theta^k(1 - \theta)^{n - k}\Big|_{n=3,k=1,\theta=1/2}", r"\frac{3}{8}"),
    (r"\frac{\Gamma(a + b)}{\Gamma(a)\Gamma(b)}\mu^{a - 1}(1 - \mu)^{b - 1}\Big|_{a = b = 2}", r"6\mu(1 - \mu)"),
    (r"\int_0^1 \mu^{m}(1 - \mu)^{l}\,d\mu\Big|_{m=1,l=1}", r"\frac{1}{6}"),
    (r"\frac{1}{2}\left[\frac{\sigma_0^2}{\sigma_1^2} + \frac{(\mu_1 - \mu_0)^2}{\sigma_1^2} - 1 + "
     r"\ln\frac{\sigma_1^2}{\sigma_0^2}\right]\Bigg|_{\mu_0=\mu_1,\,\sigma_0=\sigma_1}", "0"),
])
def test_a_bar_at_several_letters_puts_each_value_in(lhs: str, rhs: str) -> None:
    assert _check(lhs, rhs).status is V


@pytest.mark.parametrize("lhs, rhs, wrong, right", [
    (r"\frac{a}{a + b}\Big|_{a=2, b=3}", r"\frac{3}{5}", "3", "2"),
    (r"\frac{\Gamma(a + b)}{\Gamma(a)\Gamma(b)}\mu^{a - 1}(1 - \mu)^{b - 1}\Big|_{a = b = 2}", r"2\mu(1 - \mu)",
     "2", "6"),
])
def test_a_wrong_value_at_several_letters_is_an_arithmetic_slip(lhs: str, rhs: str, wrong: str, right: str) -> None:
    verdict = _check(lhs, rhs)
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "arithmetic"
    assert verdict.diagnosis.detail == f"`{wrong}` should be `{right}`"


@pytest.mark.parametrize("lhs", [
    r"\left. x^2 + y \right|_{x=y, y=1}",   # which value of y does x take?
    r"\left. x^2 + y \right|_{x=1, x=2}",
])
def test_a_bar_whose_point_is_not_one_point_is_not_read(lhs: str) -> None:
    assert _check(lhs, "2").status is U


# -- the plain variable of a derivative, the bold vector of its operand -----------------------------------

KMEANS = r"\frac{\partial}{\partial \mu_k}\sum_{n=1}^N\gamma_{nk}\|\mathbf{x}_n - \boldsymbol{\mu}_k\|^2"


def test_a_derivative_by_an_indexed_plain_letter_is_by_its_bold_vector() -> None:
    assert _check(KMEANS, r"-2\sum_{n=1}^N\gamma_{nk}(\mathbf{x}_n - \boldsymbol{\mu}_k)").status is V


def test_its_sign_slip_is_found_as_one() -> None:
    verdict = _check(KMEANS, r"2\sum_{n=1}^N\gamma_{nk}(\mathbf{x}_n - \boldsymbol{\mu}_k)")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"


@pytest.mark.parametrize("rhs, status", [
    (r"\mathbf{w} - \mathbf{x}", V),
    (r"\mathbf{w} + \mathbf{x}", R),
])
def test_a_gradient_by_a_plain_letter_of_a_bold_operand(rhs: str, status: Status) -> None:
    lhs = r"\nabla_{w}\left(\frac{1}{2}\mathbf{w}^\top\mathbf{w} - \mathbf{w}^\top\mathbf{x}\right)"
    assert _check(lhs, rhs).status is status


def test_a_gradient_by_a_plain_letter_keeps_the_matrix_shapes() -> None:
    lhs = r"\nabla_{w}\left(\frac{1}{2}\|X\mathbf{w} - \mathbf{y}\|^2\right)"
    assert _check(lhs, r"X^\top(X\mathbf{w} - \mathbf{y})").status is V
    assert _check(lhs, r"X(X\mathbf{w} - \mathbf{y})").status is R


# -- capitals that count or weigh, beside vectors ---------------------------------------------------------

EVIDENCE = r"\frac{d}{d\alpha}\left(\frac{M}{2}\ln\alpha - \frac{\alpha}{2}\mathbf{w}^T\mathbf{w}\right)"


def test_a_capital_before_a_log_is_a_count() -> None:
    assert _check(EVIDENCE, r"\frac{M}{2\alpha} - \frac{1}{2}\mathbf{w}^T\mathbf{w}").status is V
    assert _check(r"\frac{N}{2}\ln\beta - \beta w^Tw", r"\frac{1}{2}(N\ln\beta - 2\beta w^Tw)").status is V


@pytest.mark.parametrize("rhs", [
    r"\frac{M}{\alpha} - \frac{1}{2}\mathbf{w}^T\mathbf{w}",
    r"\frac{M}{2\alpha} - \mathbf{w}^T\mathbf{w}",
])
def test_a_factor_slip_beside_the_count_is_refuted(rhs: str) -> None:
    verdict = _check(EVIDENCE, rhs)
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "constant_factor"


HINGE = r"\frac{1}{2}\|\mathbf{w}\|^2 + C\sum_{i=1}^n\max\left(0, 1 - y_i\mathbf{w}^\top\mathbf{x}_i\right)"


def test_the_weight_of_a_hinge_sum_is_a_number() -> None:
    rhs = r"\frac{1}{2}\mathbf{w}^\top\mathbf{w} + C\sum_{i=1}^n\left[1 - y_i\mathbf{w}^\top\mathbf{x}_i\right]_+"
    assert _check(HINGE, rhs).status is V
    slip = r"\frac{1}{2}\mathbf{w}^\top\mathbf{w} + C\sum_{i=1}^n\max\left(0, 1 + y_i\mathbf{w}^\top\mathbf{x}_i\right)"
    assert _check(HINGE, slip).status is R


# -- chains as a repository holds them ---------------------------------------------------------------------

def test_a_bishop_style_chain_without_prose() -> None:
    body = ("\\begin{equation}\n\\begin{aligned}\n"
            "\\frac{\\partial}{\\partial\\beta}\\left(\\frac{N}{2}\\ln\\beta - \\frac{\\beta}{2}\\sum_{n=1}^N(t_n - y_n)^2\\right)"
            " &= \\frac{N}{2\\beta} - \\frac{1}{2}\\sum_{n=1}^N(t_n - y_n)^2 \\\\\n"
            "&= \\frac{1}{2\\beta}\\left(N - \\beta\\sum_{n=1}^N(t_n - y_n)^2\\right).\n"
            "\\end{aligned}\n\\end{equation}\n")
    assert [s.verdict.status for s in checked_steps(body)] == [V, V]


def test_cs229_slips_keep_their_diagnoses() -> None:
    body = ("\\begin{eqnarray*}\n"
            "\\|X\\theta - y\\|_2^2 &=& \\theta^TX^TX\\theta - y^TX\\theta + y^Ty \\\\\n"
            "\\frac{d}{dz}\\frac{1}{1 + e^{-z}} &=& \\frac{e^{z}}{(1 + e^{-z})^2}\n"
            "\\end{eqnarray*}\n")
    steps = checked_steps(body)
    assert [s.verdict.status for s in steps] == [R, R]
    assert [s.verdict.diagnosis.kind for s in steps] == ["constant_factor", "reciprocal"]
