"""Bayesian statistics notes: conjugate updates (Beta-Binomial, Gamma-Poisson, Normal-Normal with
precisions), the gamma function at numbers in marginal likelihoods (\\Gamma(5) = 24, never a factor
\\Gamma times 5), results rounded at an exact tie (3/4 is 0.8 rounded half up or half to even, never 0.7),
and slips that swap two letters (\\sigma for \\sigma_0), which hold only where the two coincide."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.conventions import _macros_written_out
from lintmath.parse.tokens import Macro


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# -- a tie rounded down to an odd digit is a slip; the conventions that write a tie stay allowed ------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{3}{1 + 3}", "0.7"),        # 0.75: half up and half to even both give 0.8
    (r"0.15 + 0.6", "0.7"),
    (r"\frac{3}{8}", "0.37"),           # 0.375: 0.38 either way
    (r"5\left(\frac{3}{4}\right)", r"5(0.7)"),  # a part put in for its value, rounded the same wrong way
])
def test_a_tie_rounded_down_to_an_odd_digit_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{3}{4}", "0.8"),            # half up
    (r"\frac{1}{8}", "0.13"),           # half up
    (r"\frac{1}{8}", "0.12"),           # half to even
    (r"\frac{5}{8}", "0.6"),            # half to even
    (r"\frac{13}{20}", "0.6"),          # half to even
    (r"\frac{3}{4}", "0.75"),
])
def test_a_tie_rounded_by_a_convention_still_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_value_put_in_rounded_half_to_even_is_no_slip() -> None:
    assert _status(r"5\left(\frac{5}{8}\right)", r"5(0.6)") != "refuted"


def test_a_worked_posterior_mean_and_its_slip() -> None:
    assert _status(r"\frac{3 + 13}{1 + 4}", "3.2") == "verified"
    assert _status(r"\frac{3 + 13}{1 + 4}", "3.4") == "refuted"
    assert _status(r"\frac{3}{3 + 7}", "0.3") == "verified"


# -- the gamma function at a number --------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\Gamma(5)", "24"),
    (r"\Gamma(\tfrac12)", r"\sqrt{\pi}"),
    (r"\frac{\Gamma(2)\Gamma(3)}{\Gamma(5)}", r"\frac{1}{12}"),
    (r"\frac{\Gamma(4)}{\Gamma(1)}\cdot\frac{1}{3^4}", r"\frac{2}{27}"),
])
def test_the_gamma_function_at_numbers_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\Gamma(5)", "120"),              # 5! for (5 - 1)!
    (r"\Gamma(\tfrac12)", r"\pi"),
    (r"\frac{\Gamma(2)\Gamma(3)}{\Gamma(5)}", r"\frac{1\cdot 2}{120}"),
    (r"\frac{\Gamma(4)}{\Gamma(1)}\cdot\frac{1}{3^4}", r"\frac{24}{81}"),
])
def test_a_slip_in_the_gamma_function_at_numbers_is_refuted(lhs: str, rhs: str) -> None:
    # read as a factor, \Gamma(5) = 120 would be an equation for a letter \Gamma, and no slip
    assert _status(lhs, rhs) == "refuted"


def test_a_letter_gamma_beside_the_bracket_is_still_no_claim_of_the_function() -> None:
    # \Gamma a quantity (a reflection coefficient) on the right: the step is not refuted by the function
    assert _status(r"\Gamma(0.7)", r"0.7\Gamma") != "refuted"


def test_the_gamma_function_of_a_letter_keeps_its_identities() -> None:
    assert _status(r"\Gamma(n + 1)", r"n\,\Gamma(n)") == "verified"
    assert _status(r"\Gamma(n + 1)", r"(n + 1)\Gamma(n)") == "refuted"
    assert _status(r"\int_0^\infty \lambda^{\alpha - 1}e^{-\beta\lambda}\,d\lambda",
                   r"\frac{\Gamma(\alpha)}{\beta^{\alpha - 1}}") == "refuted"


# -- slips that swap two letters hold only where the two coincide ---------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\kappa_0\mu_0 + n\bar x}{\kappa_0 + n}", r"\mu_0 + \frac{\kappa_0}{\kappa_0 + n}(\bar x - \mu_0)"),
    (r"\frac{\mu_0/\sigma_0^2 + n\bar x/\sigma^2}{1/\sigma_0^2 + n/\sigma^2}",
     r"\frac{\sigma_0^2\mu_0 + n\sigma^2\bar x}{\sigma^2 + n\sigma_0^2}"),
])
def test_a_swap_of_two_letters_is_refuted_not_a_domain_question(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\kappa_0\mu_0 + n\bar x}{\kappa_0 + n}", r"\mu_0 + \frac{n}{\kappa_0 + n}(\bar x - \mu_0)"),
    (r"\frac{\mu_0/\sigma_0^2 + n\bar x/\sigma^2}{1/\sigma_0^2 + n/\sigma^2}",
     r"\frac{\sigma^2\mu_0 + n\sigma_0^2\bar x}{\sigma^2 + n\sigma_0^2}"),
])
def test_the_posterior_mean_as_a_weighted_average_verifies(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_real_domain_question_stays_undecided() -> None:
    # holds where a > b only: the agreeing points are not coincidences of the sampler
    assert _status(r"\sqrt{(a - b)^2}", r"a - b") == "unverified"


# -- what already works in the field, slips that must stay refuted ---------------------------------------------

def test_conjugate_beta_binomial_update() -> None:
    lhs = r"\binom{n}{y}\theta^y(1 - \theta)^{n - y}\cdot\frac{\theta^{a - 1}(1 - \theta)^{b - 1}}{B(a, b)}"
    assert _status(lhs, r"\frac{\binom{n}{y}}{B(a, b)}\theta^{y + a - 1}(1 - \theta)^{n - y + b - 1}") == "verified"
    assert _status(r"\log\left(\theta^{y + a - 1}(1 - \theta)^{n - y + b - 1}\right)",
                   r"(y + a - 1)\log\theta + (n - y + b)\log(1 - \theta)") == "refuted"


def test_posterior_odds_upside_down_prior_odds() -> None:
    lhs = r"\frac{p(H_1 \mid y)}{p(H_0 \mid y)}"
    assert _status(lhs, r"\frac{p(y \mid H_1)}{p(y \mid H_0)}\cdot\frac{p(H_1)}{p(H_0)}") == "verified"
    assert _status(lhs, r"\frac{p(y \mid H_1)}{p(y \mid H_0)}\cdot\frac{p(H_0)}{p(H_1)}") == "refuted"


def test_completing_the_square_in_the_mean() -> None:
    lhs = r"-\frac{\tau_n}{2}(\mu - \mu_n)^2"
    assert _status(lhs, r"-\frac{\tau_n}{2}\mu^2 + \tau_n\mu_n\mu - \frac{\tau_n\mu_n^2}{2}") == "verified"
    assert _status(lhs, r"-\frac{\tau_n}{2}\mu^2 + 2\tau_n\mu_n\mu - \frac{\tau_n\mu_n^2}{2}") == "refuted"


def test_fisher_information_and_the_log_partition_function() -> None:
    d2 = r"\frac{\partial^2}{\partial\theta^2}\left(x\log\theta + (1 - x)\log(1 - \theta)\right)"
    assert _status(d2, r"-\frac{x}{\theta^2} - \frac{1 - x}{(1 - \theta)^2}") == "verified"
    assert _status(d2, r"-\frac{x}{\theta^2} + \frac{1 - x}{(1 - \theta)^2}") == "refuted"
    assert _status(r"\frac{e^\eta}{1 + e^\eta}", r"\frac{1}{1 + e^{\eta}}") == "refuted"


def test_elbo_decomposition_and_its_sign_slip() -> None:
    assert _status(r"\log p(x)", r"\mathbb{E}_q\left[\log\frac{p(x, z)}{q(z)}\right] + "
                                 r"\mathbb{E}_q\left[\log\frac{q(z)}{p(z \mid x)}\right]") == "verified"
    assert _status(r"\log\frac{p(x, z)}{q(z)}", r"\log p(x, z) + \log q(z)") == "refuted"


def test_a_chain_with_the_beta_function_stated_in_prose() -> None:
    body = ("Recall $B(a, b) = \\Gamma(a)\\Gamma(b)/\\Gamma(a + b)$.\n"
            "\\begin{align*}\nB(2, 3) &= \\frac{\\Gamma(2)\\Gamma(3)}{\\Gamma(5)} \\\\\n"
            "&= \\frac{1\\cdot 2}{24} \\\\\n&= \\frac{1}{12}\n\\end{align*}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "verified", "verified"]


def test_a_step_that_holds_by_an_equality_the_prose_states_is_not_refuted() -> None:
    # the two letters equal by the prose: the refutation at points where they differ is no slip
    body = ("Take $\\sigma_1 = \\sigma_2$.\n\\begin{align*}\n\\frac{\\sigma_1^2}{n_1} + \\frac{\\sigma_2^2}{n_2} "
            "&= \\frac{\\sigma_2^2}{n_1} + \\frac{\\sigma_1^2}{n_2}\n\\end{align*}\n")
    assert [s.verdict.status.value for s in checked_steps(body)] == ["unverified"]


# -- a KL divergence behind a macro, between laws named by their spelling -----------------------------------------

_KL_MACRO = {"\\KL": Macro(name="\\KL", body="\\mathrm{KL}")}


def test_kl_of_two_bernoulli_laws_behind_a_macro() -> None:
    lhs = r"\KL(\mathrm{Ber}(p)\|\mathrm{Ber}(q))"
    right = r"p\log\frac{p}{q} + (1 - p)\log\frac{1 - p}{1 - q}"
    assert check_step(lhs, right, "=", macros=_KL_MACRO).status.value == "verified"
    slip = r"p\log\frac{p}{q} + (1 - p)\log\frac{1 + p}{1 - q}"
    assert check_step(lhs, slip, "=", macros=_KL_MACRO).status.value == "refuted"


def test_macros_written_out_keep_a_spelled_name_whole() -> None:
    written = _macros_written_out(r"\KL(\mathrm{Ber}(p) \| \mathrm{Ber}(q))", _KL_MACRO)
    assert written == r"\mathrm{KL}(\mathrm{Ber}(p) \| \mathrm{Ber}(q))"
    assert _macros_written_out(r"\KL(p\|q) \log x", _KL_MACRO) == r"\mathrm{KL}(p\|q) \log x"
