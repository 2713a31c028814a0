"""Electromagnetism and statistical-mechanics chains without prose: a potential integrated over a primed
dummy and evaluated by a bar in it ([1/r']_\\infty^r), Stirling's approximation written with = (holds only
where N is large: not an error, though a slip in its leading terms still is), and the relations between
the physical constants a step writes (c = 1/\\sqrt{\\mu_0\\epsilon_0}, \\beta = 1/(k_B T)), verify-only."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _chain(*rows: str) -> list[tuple[str, str]]:
    body = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    return [(f"{s.step.lhs.stripped} = {s.step.rhs.stripped}", s.verdict.status.value) for s in checked_steps(body)]


# --- an evaluation bar over a primed dummy -------------------------------------------------------------

def test_a_bar_over_the_primed_dummy_of_the_integral_is_read() -> None:
    steps = _chain(r"-\int_\infty^r \frac{q}{4\pi\epsilon_0 s'^2}\,ds' &= \frac{q}{4\pi\epsilon_0}\left[\frac{1}{s'}\right]_\infty^r",
                   r"&= \frac{q}{4\pi\epsilon_0 r}")
    # r bounds the integral, s' is its dummy: the bar is over s'
    assert [status for _, status in steps] == ["verified", "verified"]


def test_a_bar_over_a_primed_dummy_named_as_the_bound() -> None:
    assert check_step(r"\left[\frac{t'^3}{3}\right]_0^x", r"\frac{x^3}{3}", "=").status.value == "verified"
    assert check_step(r"\left[\frac{1}{r'}\right]_\infty^r", r"\frac{1}{r}", "=").status.value == "verified"


def test_a_slip_after_a_bar_over_a_primed_dummy_is_refuted() -> None:
    assert check_step(r"\frac{q}{4\pi\epsilon_0}\left[\frac{1}{r'}\right]_\infty^r", r"\frac{q}{2\pi\epsilon_0 r}",
                      "=").status.value == "refuted"
    assert check_step(r"\left[\frac{t'^3}{3}\right]_0^x", r"\frac{x^3}{2}", "=").status.value == "refuted"


# --- Stirling's approximation written with = ----------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln N!", r"N\ln N - N"),
    (r"N!", r"N^N e^{-N}\sqrt{2\pi N}"),
    (r"\ln\binom{N}{n}", r"N\ln N - n\ln n - (N-n)\ln(N-n)"),
    (r"\ln\frac{(q+N)!}{q!\,N!}", r"(q+N)\ln(q+N) - q\ln q - N\ln N"),
])
def test_stirlings_approximation_written_with_equals_is_no_error(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "large" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln N!", r"N\ln N - 2N"),
    (r"\ln N!", r"N\ln N + N"),
    (r"N!", r"N^N e^{-N}\sqrt{\pi N}"),
    (r"\ln N!", r"N\ln N"),
])
def test_a_slip_in_stirlings_leading_terms_stays_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_an_exact_factorial_identity_is_still_judged_exactly() -> None:
    # both sides factorials: no approximation is in play
    assert check_step(r"\frac{(N+1)!}{N!}", r"N+1", "=").status.value == "verified"
    assert check_step(r"\frac{(N+1)!}{N!}", r"N", "=").status.value == "refuted"
    assert check_step(r"\binom{5}{3}", r"20", "=").status.value == "refuted"


# --- relations between physical constants -----------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{\mu_0}\frac{E^2}{c}", r"c\epsilon_0 E^2"),
    (r"\frac{\epsilon_0}{2}E^2 + \frac{1}{2\mu_0}\frac{E^2}{c^2}", r"\epsilon_0 E^2"),
    (r"\frac{1}{\sqrt{\mu_0\varepsilon_0}}", r"c"),
    (r"\frac{3N}{2\beta}", r"\frac{3}{2}N k_B T"),
    (r"\frac{3N}{2\beta}", r"\frac{3}{2}N k_{\mathrm{B}} T"),
    (r"\frac{\epsilon}{e^{\beta\epsilon}+1}", r"\frac{\epsilon}{e^{\epsilon/(k_B T)}+1}"),
])
def test_a_step_through_the_relation_of_physical_constants_is_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert any("physical constants" in d for d in verdict.definitions)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{\mu_0}\frac{E^2}{c}", r"2c\epsilon_0 E^2"),
    (r"\frac{\epsilon_0}{2}E^2 + \frac{1}{2\mu_0}\frac{E^2}{c^2}", r"2\epsilon_0 E^2"),
    (r"\frac{3N}{2\beta}", r"3N k_B T"),
    (r"\frac{\epsilon}{e^{\beta\epsilon}+1}", r"\frac{\epsilon}{e^{\epsilon/(k_B T)}-1}"),
    # a bare k is not taken for Boltzmann's constant
    (r"\frac{3N}{2\beta}", r"\frac{3}{2}N k T"),
])
def test_a_slip_through_the_constants_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


# --- what already works on such chains (slips that must stay refuted) ----------------------------------

@pytest.mark.parametrize("lhs, rhs, ok", [
    (r"-\frac{\partial}{\partial\beta}\ln\left(1+e^{-\beta\epsilon}\right)", r"\frac{\epsilon}{e^{\beta\epsilon}+1}", True),
    (r"-\frac{\partial}{\partial\beta}\ln\left(1+e^{-\beta\epsilon}\right)", r"\frac{\epsilon}{e^{\beta\epsilon}-1}", False),
    (r"e^{\beta\mu B} + e^{-\beta\mu B}", r"2\cosh(\beta\mu B)", True),
    (r"e^{\beta\mu B} + e^{-\beta\mu B}", r"2\sinh(\beta\mu B)", False),
    (r"\frac{\mu_0 I}{4\pi}\int_0^{2\pi}\frac{R\, d\phi}{R^2}", r"\frac{\mu_0 I}{2R}", True),
    (r"\frac{\mu_0 I}{4\pi}\int_0^{2\pi}\frac{R\, d\phi}{R^2}", r"\frac{\mu_0 I}{4R}", False),
    (r"\frac{\epsilon_0}{2}\int_R^\infty \left(\frac{q}{4\pi\epsilon_0 r^2}\right)^2 4\pi r^2\, dr",
     r"\frac{q^2}{8\pi\epsilon_0 R}", True),
    (r"\frac{\epsilon_0}{2}\int_R^\infty \left(\frac{q}{4\pi\epsilon_0 r^2}\right)^2 4\pi r^2\, dr",
     r"\frac{q^2}{4\pi\epsilon_0 R}", False),
    (r"\left(\frac{\partial}{\partial V}\frac{N k_B T}{V-Nb}\right)_T", r"-\frac{N k_B T}{(V-Nb)^2}", True),
    (r"\left(\frac{\partial}{\partial V}\frac{N k_B T}{V-Nb}\right)_T", r"\frac{N k_B T}{(V-Nb)^2}", False),
    (r"\frac{T_c}{T_h - T_c}", r"\frac{1}{T_h/T_c - 1}", True),
    (r"\frac{T_c}{T_h - T_c}", r"\frac{1}{T_h/T_c + 1}", False),
])
def test_em_and_thermal_steps(lhs: str, rhs: str, ok: bool) -> None:
    assert check_step(lhs, rhs, "=").status.value == ("verified" if ok else "refuted")


def test_vector_calculus_on_hat_vectors() -> None:
    assert _chain(r"\nabla\cdot\left(x^2\,\hat{x} + y^2\,\hat{y} + z^2\,\hat{z}\right) &= 2x + 2y + 2z")[0][1] == "verified"
    assert _chain(r"\nabla\times\left(-y\,\hat{x} + x\,\hat{y}\right) &= -2\,\hat{z}")[0][1] == "refuted"
