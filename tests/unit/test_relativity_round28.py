"""Relativity notes: Lorentz tensors with Greek indices (summed once up and once down, lowered by the
Minkowski metric of the signature the prose states), \\partial_\\mu of the coordinates, and truncated
expansions of \\gamma and E with an order term O(\\beta^6). Every reading here only ever verifies."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath import landau, minkowski
from lintmath.check import check_step
from lintmath.model import Status


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


# --- Greek indices read with the Minkowski metric ----------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"a^\mu b_\mu", r"\eta_{\mu\nu}a^\mu b^\nu"),
    (r"\eta_{\mu\nu}\eta^{\nu\rho}", r"\delta_\mu^\rho"),
    (r"\delta^\mu_\mu", "4"),
    (r"\eta^{\alpha\beta}\eta_{\alpha\beta}", "4"),
    (r"\delta^\alpha_\beta w^\beta", r"w^\alpha"),
    (r"\eta^{\alpha\beta}w_\beta", r"w^\alpha"),
    (r"(a^\mu - b^\mu)(a_\mu - b_\mu)", r"a^\mu a_\mu - 2a^\mu b_\mu + b^\mu b_\mu"),
    (r"\eta_{\mu\alpha}\eta_{\nu\beta}G^{\alpha\beta}", r"G_{\mu\nu}"),
    (r"\partial_\mu x^\nu", r"\delta_\mu^\nu"),
    (r"\partial_\alpha x^\alpha", "4"),
    (r"\partial_\mu (x^\nu x_\nu)", r"2x_\mu"),
])
def test_lorentz_identities_hold_under_either_signature(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED
    assert verdict.reason == minkowski.BOTH_SIGNATURES


@pytest.mark.parametrize("lhs, rhs", [
    (r"\eta_{\mu\nu}\eta^{\nu\rho}", r"\delta_\nu^\rho"),   # the wrong index kept
    (r"\delta^\mu_\mu", "3"),                                # the trace of three dimensions
    (r"\eta^{\alpha\beta}w_\beta", r"w_\alpha"),             # raised, not lowered
    (r"a^\mu b_\mu", r"a_\mu b_\mu"),                        # twice down: no contraction
    (r"(a^\mu + b^\mu)(a_\mu + b_\mu)", r"a^\mu a_\mu + a^\mu b_\mu + b^\mu b_\mu"),  # factor 2 dropped
    (r"\partial_\mu (x^\nu x_\nu)", r"x_\mu"),
    (r"\partial_\mu x_\nu", r"\delta_{\mu\nu}"),
    (r"\eta_{\mu\alpha}\eta_{\nu\beta}G^{\alpha\beta}", r"G_{\nu\mu}"),  # a swapped index: G need not be symmetric
    # a field's derivative is no derivative of the coordinates: \partial_\mu A^\mu = 0 is a gauge
    (r"\partial_\mu A^\mu", "0"),
    (r"\partial_\mu (A^\nu x_\nu)", r"A_\mu"),
    # physics, not an identity: the mass shell is not verified
    (r"p^\mu p_\mu", r"-m^2c^2"),
])
def test_lorentz_slips_and_relations_are_never_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\eta_{\mu\nu}\eta^{\nu\rho}", r"\delta_\nu^\rho"),
    (r"\delta^\mu_\mu", "3"),
    (r"(a^\mu + b^\mu)(a_\mu + b_\mu)", r"a^\mu a_\mu + a^\mu b_\mu + b^\mu b_\mu"),
    (r"p^\mu p_\mu", r"-m^2c^2"),
    (r"k^\mu k_\mu", "0"),    # a photon's momentum: a relation, which a reading must not refute
])
def test_lorentz_steps_are_not_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


MOSTLY_PLUS = r"p^\mu p_\mu", r"-(p^0)^2 + (p^1)^2 + (p^2)^2 + (p^3)^2"
MOSTLY_MINUS = r"p^\mu p_\mu", r"(p^0)^2 - (p^1)^2 - (p^2)^2 - (p^3)^2"


def test_components_depend_on_the_signature_which_alone_is_not_decided() -> None:
    for lhs, rhs in (MOSTLY_PLUS, MOSTLY_MINUS):
        verdict = check_step(lhs, rhs, "=")
        assert verdict.status is Status.UNVERIFIED
        assert "only the prose says" in verdict.reason


@pytest.mark.parametrize("prose, right, wrong", [
    (r"We use $\eta_{\mu\nu} = \mathrm{diag}(-1,1,1,1)$ throughout.", MOSTLY_PLUS, MOSTLY_MINUS),
    (r"The metric has signature $(+,-,-,-)$.", MOSTLY_MINUS, MOSTLY_PLUS),
    (r"We work in the mostly-plus signature.", MOSTLY_PLUS, MOSTLY_MINUS),
])
def test_the_signature_the_prose_states_decides_components(prose: str, right: tuple, wrong: tuple) -> None:
    verdicts = _verdicts(display(prose, *right) + "\n" + display("Then", *wrong))
    good, bad = verdicts[" = ".join(right)], verdicts[" = ".join(wrong)]
    assert good[0] == "verified" and "stated at" in good[1]
    assert bad[0] == "unverified" and "not with the" in bad[1]


def test_a_sentence_naming_both_signatures_states_neither() -> None:
    prose = r"Unlike the $(+,-,-,-)$ metric of particle physics, we use $(-,+,+,+)$."
    verdicts = _verdicts(display(prose, *MOSTLY_PLUS))
    assert verdicts[" = ".join(MOSTLY_PLUS)][0] == "unverified"


def test_a_component_step_in_the_stated_signature_verifies() -> None:
    prose = r"Take $\eta_{\mu\nu} = \mathrm{diag}(-1,1,1,1)$."
    lhs, rhs = r"k^\mu x_\mu", r"-k^0 x^0 + k^1x^1 + k^2x^2 + k^3x^3"
    assert _verdicts(display(prose, lhs, rhs))[f"{lhs} = {rhs}"][0] == "verified"


def test_e_to_a_greek_power_is_no_tensor() -> None:
    # \phi is a rapidity here: no index reading
    assert minkowski.decide(r"e^{\phi} w_\mu", r"(\cosh\phi + \sinh\phi) w_\mu") is None


# --- truncated expansions -----------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"(1-\beta^2)^{-1/2}", r"1 + \frac12\beta^2 + \frac38\beta^4 + O(\beta^6)"),
    (r"mc^2\sqrt{1 + \frac{p^2}{m^2c^2}}", r"mc^2 + \frac{p^2}{2m} - \frac{p^4}{8m^3c^2} + O(p^6)"),
    (r"\frac{1}{\sqrt{1-u}}", r"1 + \frac{u}{2} + \frac{3u^2}{8} + \mathcal{O}(u^3)"),
    # a higher order on the left, its terms dropped on the right
    (r"1 + \frac{x}{2} - \frac{x^2}{8} + O(x^3)", r"1 + \frac{x}{2} + O(x^2)"),
])
def test_truncated_expansions_verify(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED
    assert verdict.reason == landau.TAYLOR_ORDER


@pytest.mark.parametrize("lhs, rhs", [
    (r"(1-\beta^2)^{-1/2}", r"1 + \frac12\beta^2 + \frac18\beta^4 + O(\beta^6)"),   # a wrong coefficient
    (r"(1-\beta^2)^{-1/2}", r"1 - \frac12\beta^2 + O(\beta^4)"),                    # a sign
    (r"\sqrt{1+x}", r"1 + x + O(x^2)"),                                              # a factor 2
    (r"1 + \frac{x}{2} + O(x^2)", r"1 + \frac{x}{2} - \frac{x^2}{8} + O(x^3)"),     # claims more than given
    (r"n^2 + 3n", r"3n + O(n)"),            # an order at infinity: not read about 0
    (r"x^3 + x", r"x + x^3 + x^4 + O(x^2)"),  # terms beyond the order: no Taylor polynomial
    (r"\gamma", r"1 + \frac12\beta^2 + O(\beta^4)"),  # \gamma a letter of its own here
])
def test_wrong_or_unread_expansions_are_not_verified(lhs: str, rhs: str) -> None:
    assert landau.verified_expansion(lhs, rhs, {}) is None
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


# --- what already works in the field, kept so ---------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\gamma^2(1-\beta^2)(c^2t^2 - x^2)", r"c^2t^2 - x^2", "unverified"),
    (r"\frac{1}{\sqrt{1-0.36}}", r"\frac{1}{0.6}", "refuted"),
    (r"\frac{1}{\sqrt{1-\tanh^2\phi}}", r"\sinh\phi", "refuted"),
    (r"\tanh(\phi_1+\phi_2)", r"\frac{\tanh\phi_1 + \tanh\phi_2}{1 - \tanh\phi_1\tanh\phi_2}", "refuted"),
    (r"\frac{0.5c + 0.5c}{1 + 0.25}", "0.75c", "refuted"),
    (r"\frac{1}{2}\frac{r_s}{r^2}\left(1-\frac{r_s}{r}\right)^{-1}", r"\frac{r_s}{2r(r + r_s)}", "refuted"),
    (r"\frac{1}{2r^2}\frac{\partial}{\partial r}(r^2)", r"\frac1r", "verified"),
    (r"\cosh\phi - \sinh\phi", r"e^{\phi}", "refuted"),
])
def test_special_relativity_algebra(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


# --- an upper Greek index is no power ---------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\Gamma^\lambda_{\mu\nu}", r"\Gamma^\lambda_{\nu\mu}"),   # a torsion-free connection: right, was refuted
    (r"F^{\mu\nu}", r"-F^{\nu\mu}"),                             # the field tensor's antisymmetry: was refuted
])
def test_index_symmetries_are_no_false_alarm(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_a_symmetry_stated_of_a_tensor_is_not_an_identity() -> None:
    # T^{\mu\nu} = T^{\nu\mu} holds for a symmetric T only (read as powers it held for any T)
    assert check_step(r"T^{\mu\nu}", r"T^{\nu\mu}", "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"x^\alpha x^\beta", r"x^{\alpha+\beta}"),
    (r"(1+z)^\alpha (1+z)^{\beta}", r"(1+z)^{\alpha+\beta}"),
])
def test_a_greek_exponent_alone_is_still_a_power(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("rhs, status", [
    (r"\frac12 mc^2\beta^2 + \frac38 mc^2\beta^4 + O(\beta^6)", "verified"),
    (r"\frac12 mc^2\beta^2 + \frac18 mc^2\beta^4 + O(\beta^6)", "unverified"),   # a wrong coefficient
])
def test_an_expansion_of_a_name_the_prose_defines(rhs: str, status: str) -> None:
    body = display(r"The Lorentz factor is $\gamma = 1/\sqrt{1-\beta^2}$, and for $\beta \ll 1$", r"(\gamma - 1)mc^2", rhs)
    assert _verdicts(body)[f"(\\gamma - 1)mc^2 = {rhs}"][0] == status
