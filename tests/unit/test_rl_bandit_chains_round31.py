"""Reinforcement-learning and bandit chains as repositories hold them, without prose: a sum over the next
state named with its set (\\sum_{s' \\in \\mathcal{S}}), the gradient of a constant once a policy's
probabilities are summed (\\nabla_\\theta 1), sums over two different sets under the reading of p as a
distribution, and slips in returns, TD errors, incremental means and regret that must stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(rows: list[str]) -> list[str]:
    body = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    return [s.verdict.status.value for s in checked_steps(body)]


# -- a primed index over a named set ------------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{s' \in \mathcal{S}} P(s'|s,a)\left[r + \gamma V(s')\right]",
     r"r\sum_{s'\in\mathcal{S}} P(s'|s,a) + \gamma \sum_{s'\in\mathcal{S}} P(s'|s,a) V(s')"),
    (r"\sum_{a' \in \mathcal{A}} \pi(a'|s') Q(s',a')", r"\sum_{b \in \mathcal{A}} \pi(b|s') Q(s',b)"),
    (r"\sum_{s' \in S}\sum_{a' \in A} f(s',a')", r"\sum_{a' \in A}\sum_{s' \in S} f(s',a')"),
])
def test_a_primed_index_over_a_set_is_read_as_a_sum_over_that_set(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_primed_index_over_a_set_with_a_slip_is_not_verified() -> None:
    # V(s) for V(s'): the slip leaves the sum over the next state
    verdict = check_step(r"\sum_{s' \in \mathcal{S}} P(s'|s,a)\left[r + \gamma V(s')\right]",
                         r"r\sum_{s'\in\mathcal{S}} P(s'|s,a) + \gamma \sum_{s'\in\mathcal{S}} P(s'|s,a) V(s)", "=")
    assert verdict.status.value != "verified"


# -- sums over two different sets --------------------------------------------------------------------
@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{x \in S} P(x)", r"\sum_{x \in A} P(x)"),
    (r"\sum_{s \in \mathcal{S}} p(s)", r"\sum_{a \in \mathcal{A}} p(a)"),
    (r"\sum_{s' \in \mathcal{S}} P(s'|s,a) V(s')", r"\sum_{s' \in \mathcal{A}} P(s'|s,a) V(s')"),
])
def test_sums_over_two_sets_are_not_verified_by_drawing_them_one_size(lhs: str, rhs: str) -> None:
    # read as a distribution, p's step was compared in one instance, where both sets could be of size 3
    assert check_step(lhs, rhs, "=").status.value != "verified"


def test_marginalising_over_a_named_set_still_verifies() -> None:
    verdict = check_step(r"\sum_{y\in \mathcal{Y}}y\sum_{x\in\mathcal{X}}p(x,y)", r"\sum_{y\in\mathcal{Y}}yp(y)", "=")
    assert verdict.status.value == "verified"


# -- the gradient of a constant ----------------------------------------------------------------------
def test_the_baseline_chain_ends_in_the_gradient_of_one() -> None:
    statuses = _statuses([r"b \sum_a \pi_\theta(a|s) \nabla_\theta \log \pi_\theta(a|s) &= b \sum_a \nabla_\theta \pi_\theta(a|s)",
                          r"&= b \nabla_\theta \sum_a \pi_\theta(a|s)", r"&= b \nabla_\theta 1", r"&= 0"])
    assert statuses == ["verified", "verified", "unverified", "verified"]


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\nabla_\theta 1", "0", "verified"),
    (r"\nabla_w 3 + \nabla_w w^2", "2w", "verified"),
    (r"b\nabla_\theta 1", "1", "refuted"),
    (r"\nabla_\theta \frac{1}{2}", r"\frac{1}{2}", "refuted"),
])
def test_the_gradient_of_a_number_is_zero(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_the_gradient_of_a_name_with_the_variable_as_a_subscript_only_stays_unread() -> None:
    # \nabla_j (E_i E_j): j a coordinate index, not a variable the operand depends on
    assert check_step(r"\nabla_j (E_i E_j)", "0", "=").status.value == "unverified"


# -- what already works: correct chains and slips ------------------------------------------------------
@pytest.mark.parametrize("rows", [
    [r"\frac{1}{n}\left(R_n + (n-1) Q_n\right) &= \frac{1}{n}(R_n + n Q_n - Q_n)", r"&= Q_n + \frac{1}{n}(R_n - Q_n)"],
    [r"T\mu^* - \sum_{t=1}^{T} \mu_{a_t} &= \sum_{t=1}^{T} (\mu^* - \mu_{a_t})"],
    [r"r_t + \gamma V(s_{t+1}) - V(s_t) + \gamma(r_{t+1} + \gamma V(s_{t+2}) - V(s_{t+1})) "
     r"&= r_t + \gamma r_{t+1} + \gamma^2 V(s_{t+2}) - V(s_t)"],
    [r"\frac{1 - 0.5^3}{1-0.5} \cdot 4 &= \frac{0.875}{0.5} \cdot 4", r"&= 7"],
    [r"\frac{\partial}{\partial \mu} \log \left(\frac{1}{\sqrt{2\pi}\sigma} e^{-\frac{(a-\mu)^2}{2\sigma^2}}\right) "
     r"&= \frac{a - \mu}{\sigma^2}"],
    [r"0.5 (1 + 0.9 \cdot 2) + 0.5 (0 + 0.9 \cdot 4) &= 0.5 \cdot 2.8 + 0.5 \cdot 3.6", r"&= 3.2"],
])
def test_correct_rl_chains_verify(rows: list[str]) -> None:
    assert set(_statuses(rows)) == {"verified"}


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{n}\left(R_n + (n-1) Q_n\right)", r"Q_n + \frac{1}{n}\left(R_n + Q_n\right)"),
    (r"T\mu^* - \sum_{t=1}^{T} \mu_{a_t}", r"\sum_{t=1}^{T} (\mu_{a_t} - \mu^*)"),
    (r"\sum_{k=0}^{\infty} \gamma^k", r"\frac{1}{1+\gamma}"),
    (r"\sum_{t=0}^{T-1} \gamma^t", r"\frac{1-\gamma^{T+1}}{1-\gamma}"),
    (r"\frac{\partial}{\partial \mu} \log \left(\frac{1}{\sqrt{2\pi}\sigma} e^{-\frac{(a-\mu)^2}{2\sigma^2}}\right)",
     r"\frac{\mu - a}{\sigma^2}"),
    (r"(1 - \alpha)Q + \alpha \left(r + \gamma Q'\right)", r"Q + \alpha(r + \gamma Q' + Q)"),
    (r"\frac{\epsilon}{m} + 1 - \epsilon", r"1 - \epsilon\frac{m+1}{m}"),
    (r"\nabla_{h_a}\left(h_a - \log\sum_b e^{h_b}\right)", r"1 + \frac{e^{h_a}}{\sum_b e^{h_b}}"),
    (r"0.8 (1 + 0.9 \cdot 10) + 0.2 (0 + 0.9 \cdot 5)", r"8 + 0.45"),
])
def test_rl_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
