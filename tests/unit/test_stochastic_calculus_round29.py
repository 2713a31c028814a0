"""Stochastic calculus and mathematical finance notes (round 29): the differential of a nonlinear function
of a process indexed by time (W_t, S_t) obeys Ito's lemma, whose second-order term ordinary calculus
drops, so the ordinary reading must not verify d(W_t^2) = 2W_t\\,dW_t; a differential by a letter that also
indexes a quantity (dt beside W_t) is named as undecided; and the finance algebra around them is still
decided."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.lower import ITO_DIFFERENTIAL, INDEXING_DIFFERENTIAL
from lintmath.model import Status


def _statuses(body: str) -> dict[str, Status]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs", [
    # each holds in ordinary calculus and is wrong in Ito's: the dt term is missing
    (r"d(W_t^2)", r"2W_t\,dW_t"),
    (r"\mathrm{d}(W_t^2)", r"2W_t\,\mathrm{d}W_t"),
    (r"d(B_t^2)", r"2B_t\,dB_t"),
    (r"d(e^{W_t})", r"e^{W_t}\,dW_t"),
    (r"d(\ln S_t)", r"\frac{dS_t}{S_t}"),
    (r"d(\sqrt{S_t})", r"\frac{dS_t}{2\sqrt{S_t}}"),
    (r"d\left(\frac{1}{2}W_t^2\right)", r"W_t\,dW_t"),
    # the product rule lacks the covariation dX_t\,dY_t
    (r"d(X_tY_t)", r"X_t\,dY_t + Y_t\,dX_t"),
])
def test_ordinary_differential_of_a_process_is_not_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == ITO_DIFFERENTIAL


@pytest.mark.parametrize("lhs, rhs", [
    # correct by Ito's lemma: never a false alarm
    (r"d(W_t^2)", r"2W_t\,dW_t + dt"),
    (r"\mathrm{d}(W_t^3)", r"3W_t^2\,\mathrm{d}W_t + 3W_t\,\mathrm{d}t"),
    (r"d(e^{W_t})", r"e^{W_t}\,dW_t + \frac{1}{2}e^{W_t}\,dt"),
    (r"d(\cos W_t)", r"-\sin W_t\,dW_t - \frac{1}{2}\cos W_t\,dt"),
    (r"d(X_tY_t)", r"X_t\,dY_t + Y_t\,dX_t + dX_t\,dY_t"),
    (r"d(\ln S_t)", r"\frac{dS_t}{S_t} - \frac{1}{2}\frac{(dS_t)^2}{S_t^2}"),
    (r"d(tW_t^2)", r"W_t^2\,dt + 2tW_t\,dW_t + t\,dt"),
])
def test_ito_steps_are_no_false_alarm(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"d(tW_t)", r"W_t\,dt + t\,dW_t"),
    (r"d(e^{\theta t}X_t)", r"\theta e^{\theta t}X_t\,dt + e^{\theta t}\,dX_t"),
])
def test_differential_by_an_indexing_letter_is_named(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason == INDEXING_DIFFERENTIAL


def test_linear_differentials_are_still_decided() -> None:
    # no Ito term in a combination linear in the differentials
    assert check_step(r"\mu\,dt + \sigma\,dW_t - \frac{1}{2}\sigma^2\,dt",
                      r"\left(\mu - \frac{\sigma^2}{2}\right)dt + \sigma\,dW_t", "=").status is Status.VERIFIED
    assert check_step(r"\mu\,dt + \sigma\,dW_t - \frac{1}{2}\sigma^2\,dt",
                      r"\left(\mu + \frac{\sigma^2}{2}\right)dt + \sigma\,dW_t", "=").status is Status.REFUTED
    # an ordinary letter keeps the ordinary differential
    assert check_step(r"d(x^2)", r"2x\,dx", "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"S_0 e^{(\mu - \sigma^2/2)t} e^{\sigma^2 t/2}", r"S_0 e^{\mu t}", Status.VERIFIED),
    (r"S_0 e^{(\mu - \sigma^2/2)t} e^{\sigma^2 t/2}", r"S_0 e^{(\mu + \sigma^2)t}", Status.REFUTED),
    (r"\sigma^2\int_0^t e^{-2\theta(t - s)}\,ds", r"\frac{\sigma^2}{2\theta}\left(1 - e^{-2\theta t}\right)",
     Status.VERIFIED),
    (r"\sigma^2\int_0^t e^{-2\theta(t - s)}\,ds", r"\frac{\sigma^2}{\theta}\left(1 - e^{-2\theta t}\right)",
     Status.REFUTED),
    (r"\frac{\ln(S/K) + (r + \sigma^2/2)T}{\sigma\sqrt{T}} - \sigma\sqrt{T}",
     r"\frac{\ln(S/K) + (r - \sigma^2/2)T}{\sigma\sqrt{T}}", Status.VERIFIED),
    (r"\frac{\ln(S/K) + (r + \sigma^2/2)T}{\sigma\sqrt{T}} - \sigma\sqrt{T}",
     r"\frac{\ln(S/K) + (r - \sigma^2)T}{\sigma\sqrt{T}}", Status.REFUTED),
    (r"\max(S_T - K, 0) - \max(K - S_T, 0)", r"S_T - K", Status.VERIFIED),
    (r"\max(S_T - K, 0) - \max(K - S_T, 0)", r"K - S_T", Status.REFUTED),
    (r"e^{-rT}\left(S_0 e^{rT} - K\right)", r"S_0 - Ke^{rT}", Status.REFUTED),
    (r"\frac{(e^{r\Delta t} - d)u + (u - e^{r\Delta t})d}{u - d}", r"e^{r\Delta t}", Status.VERIFIED),
    (r"\frac{(e^{r\Delta t} - d)u + (u - e^{r\Delta t})d}{u - d}", r"e^{-r\Delta t}", Status.REFUTED),
    (r"t - 2\frac{t}{T}t + \frac{t^2}{T^2}T", r"t - \frac{t^2}{T}", Status.VERIFIED),
    (r"t - 2\frac{t}{T}t + \frac{t^2}{T^2}T", r"t + \frac{t^2}{T}", Status.REFUTED),
])
def test_finance_algebra(lhs: str, rhs: str, expected: Status) -> None:
    assert check_step(lhs, rhs, "=").status is expected


def test_girsanov_shift_uses_the_stated_drift() -> None:
    body = ("Let $\\lambda = \\frac{\\mu - r}{\\sigma}$ and $\\tilde W_t = W_t + \\lambda t$. Then\n"
            "\\begin{align*}\n\\mu S_t\\,dt + \\sigma S_t\\,dW_t &= \\mu S_t\\,dt + \\sigma S_t(d\\tilde W_t - \\lambda\\,dt)"
            " \\\\\n&= rS_t\\,dt + \\sigma S_t\\,d\\tilde W_t\n\\end{align*}\n"
            "and a slip:\n\\begin{align*}\n\\mu S_t\\,dt + \\sigma S_t\\,dW_t &= \\mu S_t\\,dt + "
            "\\sigma S_t(d\\tilde W_t + \\lambda\\,dt)\n\\end{align*}\n")
    got = _statuses(body)
    assert got["\\mu S_t\\,dt + \\sigma S_t\\,dW_t = \\mu S_t\\,dt + \\sigma S_t(d\\tilde W_t - \\lambda\\,dt)"] \
        is Status.VERIFIED
    assert got["\\mu S_t\\,dt + \\sigma S_t\\,dW_t = \\mu S_t\\,dt + \\sigma S_t(d\\tilde W_t + \\lambda\\,dt)"] \
        is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # the dt terms cancel on one side: the sides agree as forms in dt and dW_t
    (r"3W_t^2\,dW_t + 3W_t\,dt - 3W_t\,dt - 3t\,dW_t", r"3(W_t^2 - t)\,dW_t"),
    (r"3t\,dW_t + W_t\,dt - W_t\,dt", r"3t\,dW_t"),
    (r"\theta Z_t\,dW_t - \frac{1}{2}\theta^2 Z_t\,dt + \frac{1}{2}\theta^2 Z_t\,dt", r"\theta Z_t\,dW_t"),
    (r"\theta e^{\theta t}X_t\,dt + e^{\theta t}(-\theta X_t\,dt + \sigma\,dW_t)", r"\sigma e^{\theta t}\,dW_t"),
])
def test_linear_forms_whose_terms_cancel_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # a differential on one side only that does not cancel: what the letter is decides it, not the step
    (r"3W_t^2\,dW_t + 3W_t\,dt - 3W_t\,dt - 3t\,dW_t", r"3(W_t^2 + t)\,dW_t"),
    (r"\theta Z_t\,dW_t - \frac{1}{2}\theta^2 Z_t\,dt", r"\theta Z_t\,dW_t"),
    (r"dU", r"T\,dS - p\,dV"),
    (r"x\,dy", r"y\,dx"),
])
def test_a_differential_on_one_side_is_never_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_a_slip_between_the_same_differentials_is_still_refuted() -> None:
    verdict = check_step(r"t\,dW_t + W_t\,dt", r"W_t\,dt - t\,dW_t", "=")
    assert verdict.status is Status.REFUTED
