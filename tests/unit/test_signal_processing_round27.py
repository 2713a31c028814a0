"""Signals and systems notes: a star between signals is a convolution, read by its laws (bilinear,
commutative, associative, the impulse its unit, a shifted impulse a shift) and by its definition as
a sum or integral over a dummy variable. Only a step whose sides convolve the same free signals may
be refuted; anything the laws do not decide stays unverified."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.parse.convolution import applied_names, with_definition


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs", [
    (r"x[k] * \delta[k]", r"x[k]"),
    (r"y[k] \ast \delta[k - n_0]", r"y[k - n_0]"),
    (r"s[n] * (\delta[n] - \delta[n-1])", r"s[n] - s[n-1]"),
    (r"v[n] * \frac{1}{4}(\delta[n] + \delta[n-1] + \delta[n-2] + \delta[n-3])",
     r"\frac{1}{4}\left(v[n] + v[n-1] + v[n-2] + v[n-3]\right)"),
    (r"\delta[n-a] * \delta[n-b]", r"\delta[n-a-b]"),
    (r"(5 g[n]) * (2 f[n])", r"10 (g[n] * f[n])"),
    (r"g[n] * f[n]", r"f[n] * g[n]"),
    (r"g[n] * (f_1[n] * f_2[n])", r"(g[n] * f_2[n]) * f_1[n]"),
    (r"g[n] * f_1[n] - g[n] * f_2[n]", r"g[n] * (f_1[n] - f_2[n])"),
    (r"v(t) * (c_0\,\delta(t) + c_1\,\delta(t - D))", r"c_0 v(t) + c_1 v(t - D)"),
    (r"(v(t) * g(t)) * \delta(t - D)", r"v(t - D) * g(t)"),
    (r"b^n u[n] * \delta[n-3]", r"b^{n-3} u[n-3]"),
    (r"\sin(\omega_1 n) * \delta[n - 4]", r"\sin(\omega_1 (n-4))"),
    (r"v[3n] * \delta[n - 2]", r"v[3n - 6]"),
    (r"v[n-2] * g[n]", r"v[n] * g[n-2]"),
    (r"u[k] * g[k]", r"g[k] * u[k]"),   # the laws hold for the unit step too
])
def test_convolutions_that_follow_from_the_laws_are_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"g[n] * f[n]", r"\sum_{m=-\infty}^{\infty} g[m] f[n-m]"),
    (r"g[n] * f[n]", r"\sum_{m=-\infty}^{\infty} f[m] g[n-m]"),
    (r"v(t) * g(t)", r"\int_{-\infty}^{\infty} g(\sigma) v(t - \sigma)\,d\sigma"),
    (r"\sum_{m=-\infty}^{\infty} v[m] \delta[n - m]", r"v[n]"),
    (r"\int_{-\infty}^{\infty} v(\sigma)\delta(t - \sigma)\,d\sigma", r"v(t)"),
    (r"\sum_{m} f_1[m] f_2[n-m]", r"(f_2 * f_1)[n]"),
])
def test_the_definition_as_a_sum_or_integral_is_the_convolution(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"(g * f)[n]", r"(f * g)[n]"),
    (r"(v * \delta)(t)", r"v(t)"),
    (r"(f * g)(t)", r"(g * f)(t)"),
    (r"(g * f)[n - 1]", r"(g * \delta)[n-1] * f[n]"),
])
def test_named_signals_convolved_then_applied(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_bracket_of_named_signals_is_spread_over_them() -> None:
    assert applied_names(r"(x * h_1)[k-1] + (f \ast g)(t)") == r"(x[k-1] * h_1[k]) + (f(t) * g(t))"


@pytest.mark.parametrize("lhs, rhs", [
    (r"y[k] * \delta[k - n_0]", r"y[k + n_0]"),               # a shift the wrong way
    (r"s[n] * (\delta[n] - \delta[n-1])", r"s[n] + s[n-1]"),  # a sign
    (r"\delta[n-a] * \delta[n-b]", r"\delta[n-a+b]"),
    (r"(5 g[n]) * (2 f[n])", r"7 (g[n] * f[n])"),             # an arithmetic slip
    (r"v(t) * (c_0\,\delta(t) + c_1\,\delta(t - D))", r"c_0 v(t) + c_1 v(t + D)"),
    (r"b^n u[n] * \delta[n-3]", r"b^{n} u[n-3]"),             # an exponent not shifted
    (r"g[n] * (f_1[n] + f_2[n])", r"g[n] * f_1[n] - g[n] * f_2[n]"),
    (r"\sum_{m=-\infty}^{\infty} v[m] \delta[n - m]", r"v[n-1]"),
    (r"(g * f)[n - 2]", r"f[n - 1] * g[n - 2]"),
])
def test_slips_in_convolutions_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_a_wrong_shift_is_diagnosed_as_a_sign() -> None:
    verdict = check_step(r"y[k] * \delta[k - n_0]", r"y[k + n_0]", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
    assert verdict.diagnosis.suggestion == "y[k - n_0]"


def test_a_bracket_spread_out_suggests_no_edit_of_text_it_does_not_write() -> None:
    # the diagnosis would edit (g[n-2] * f[n]), which the author did not write
    verdict = check_step(r"(g * f)[n - 2]", r"f[n - 1] * g[n - 2]", "=")
    assert verdict.status.value == "refuted" and verdict.diagnosis is None


@pytest.mark.parametrize("lhs, rhs", [
    (r"u[n] * u[n]", r"(n+1) u[n]"),                         # the unit step's values decide it
    (r"g[n] * f[n]", r"\sum_{m=0}^{n} g[m] f[n-m]"),          # causal signals: not for every signal
    (r"g[n] * f[n]", r"\sum_{m=-\infty}^{\infty} g[m] f[n+m]"),  # a correlation, not the convolution
    (r"u[n] * g[n]", r"u[n] * g[n-1] + g[n]"),                 # holds for the unit step
    (r"g[n+m] * f[n+m]", r"(g * f)[n + 2m]"),                 # in n or in m?
    (r"2\cdot g[n] * f[n]", r"2 (g[n] * f[n])"),              # which product binds first
    (r"\mu_x * f[n]", r"\mu_x f[n]"),                         # a constant convolved is its sum
    (r"g[-n] * f[n]", r"f[n] * g[-n]"),                        # a time reversal is not read
])
def test_what_the_laws_do_not_decide_is_never_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "refuted"


def test_a_star_that_holds_as_a_product_is_not_refuted_as_a_convolution() -> None:
    # x[k] \delta[k] = x[0] \delta[k] is the sifting property of the product some notes write with a star
    assert check_step(r"g[n] * \delta[n]", r"g[0] \delta[n]", "=").status.value == "unverified"
    # (nor where the product's reading cannot decide it either: the impulse left on one side tells it)
    assert check_step(r"v(t) * \delta(t - D)", r"v(D) \delta(t - D)", "=").status.value == "unverified"


def test_a_signal_the_prose_defines_keeps_a_shift_from_being_refuted() -> None:
    body = ("Let $v[n] = \\cos(\\pi n)$ be the input.\n"
            "\\begin{align*}\nv[n] * \\delta[n - 2] &= v[n]\n\\end{align*}\n")
    assert _statuses(body)["v[n] * \\delta[n - 2] = v[n]"] != "refuted"


def test_a_defined_impulse_response_is_not_refuted_through_its_convolution() -> None:
    body = ("The first difference has the impulse response $f[n] = \\delta[n] - \\delta[n-1]$.\n"
            "\\begin{align*}\ng[n] * f[n] &= g[n] - g[n-1]\n\\end{align*}\n")
    assert _statuses(body)["g[n] * f[n] = g[n] - g[n-1]"] != "refuted"


@pytest.mark.parametrize("lhs, rhs", [(r"2 * 3", r"6"), (r"0.5 * 4 + 1", r"3"), (r"2 * a", r"a + a")])
def test_a_star_between_numbers_stays_a_product(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_chain_through_the_definition_of_a_delay() -> None:
    body = ("A delay by $n_0$ samples is a convolution with a shifted impulse:\n"
            "\\begin{align*}\ng[n] * \\delta[n - n_0] &= \\sum_{m=-\\infty}^{\\infty} g[m] \\delta[n - n_0 - m] \\\\\n"
            "&= g[n - n_0]\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["g[n] * \\delta[n - n_0] = \\sum_{m=-\\infty}^{\\infty} g[m] \\delta[n - n_0 - m]"] == "verified"
    assert statuses["\\sum_{m=-\\infty}^{\\infty} g[m] \\delta[n - n_0 - m] = g[n - n_0]"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("The first difference has the impulse response $f[n] = \\delta[n] - \\delta[n-1]$.", r"g[n] * f[n]",
     r"g[n] - g[n-1]"),
    ("The averager has the impulse response $f[n] = \\frac{1}{2}(\\delta[n] + \\delta[n-1])$.", r"g[n] * f[n]",
     r"\frac{1}{2}(g[n] + g[n-1])"),
    ("Let $v[n] = b^n u[n]$ be the input.", r"v[n] * \delta[n-2]", r"b^{n-2} u[n-2]"),
    ("The channel is $g(t) = \\delta(t) + 0.5\\,\\delta(t - D)$.", r"v(t) * g(t)", r"v(t) + 0.5 v(t - D)"),
])
def test_a_signal_the_prose_defines_is_put_in_to_verify(prose: str, lhs: str, rhs: str) -> None:
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    assert _statuses(body)[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("The averager has the impulse response $f[n] = \\frac{1}{2}(\\delta[n] + \\delta[n-1])$.", r"g[n] * f[n]",
     r"\frac{1}{2}(g[n] + g[n+1])"),
    ("Let $v[n] = b^n u[n]$ be the input.", r"v[n] * \delta[n-2]", r"b^{n} u[n-2]"),
])
def test_a_slip_under_a_defined_signal_is_never_verified(prose: str, lhs: str, rhs: str) -> None:
    # (verify-only: the value the prose gives may be one example's, so the slip stays unverified)
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    assert _statuses(body)[f"{lhs} = {rhs}"] == "unverified"


def test_a_definition_is_put_in_whole_where_a_power_takes_it() -> None:
    assert with_definition(r"v[n-1] * g[n]", "v[n]", r"b^n + c^{2n}") == \
        r"\left(b^{n-1} + c^{2{(n-1)}}\right) * g[n]"
    # a value that sums or indexes by the letter is not put in
    assert with_definition(r"v[n-1]", "v[n]", r"\sum_{m=0}^{n} b^m") == r"v[n-1]"
    assert with_definition(r"v[n-1]", "v[n]", r"c_n") == r"v[n-1]"


def test_a_frequency_omega_is_no_ohm_and_keeps_a_slip_refuted() -> None:
    # e^{-j\Omega k} writes no ohms: the check on units that ohms ask for must not hide the slip
    verdict = check_step(r"\sum_{k=0}^{\infty} a^k e^{-\mathrm{j}\Omega k}", r"\frac{1}{1 + a e^{-\mathrm{j}\Omega}}",
                         "=")
    assert verdict.status.value == "refuted"
    assert check_step(r"\sum_{k=0}^{\infty} a^k e^{-\mathrm{j}\Omega k}", r"\frac{1}{1 - a e^{-\mathrm{j}\Omega}}",
                      "=").status.value == "verified"


def test_ohms_after_a_number_are_still_units() -> None:
    assert check_step(r"4.7\,\mathrm{k}\Omega", r"470\,\Omega", "=").status.value != "refuted"


def test_a_resonator_with_omega_after_a_cosine_does_not_crash() -> None:
    # a product a reading builds may leave its ops unwritten; the reading of ohms crashed on it
    verdict = check_step(r"\frac{1}{1 - 2r\cos\Omega_0 z^{-1} + r^2 z^{-2}}",
                         r"\frac{z^2}{z^2 + 2r\cos\Omega_0 z + r^2}", "=")
    assert not verdict.reason.startswith("internal error")
    assert verdict.status.value == "refuted"


MODULATED = r"\frac{1}{2\pi} V(\nu) * \pi\left(\delta(\nu - \nu_c) + \delta(\nu + \nu_c)\right)"


@pytest.mark.parametrize("rhs, status", [
    (r"\frac{1}{2}\left(V(\nu - \nu_c) + V(\nu + \nu_c)\right)", "verified"),
    (r"\frac{1}{2}\left(V(\nu - \nu_c) - V(\nu + \nu_c)\right)", "refuted"),   # a sign
    (r"V(\nu - \nu_c) + V(\nu + \nu_c)", "refuted"),                            # the factor 1/2 dropped
])
def test_a_spectrum_convolved_with_a_pair_of_impulses(rhs: str, status: str) -> None:
    # \pi\left(...\right) is the number pi times the impulses, not a function named pi
    assert check_step(MODULATED, rhs, "=").status.value == status


def test_a_number_joined_by_a_written_product_comes_out_of_the_convolution() -> None:
    assert check_step(r"\frac{1}{2} \cdot g[n] * f[n]", r"\frac{1}{2}(f[n] * g[n])", "=").status.value == "verified"


def test_two_signals_joined_by_a_written_product_beside_a_star_stay_unread() -> None:
    # (\cos \cdot r) * c or \cos \cdot (r * c): the author's grouping, and the two differ
    verdict = check_step(r"\cos(\omega_0 t) \cdot r(t) * \delta(t - D)", r"\cos(\omega_0 t) r(t - D)", "=")
    assert verdict.status.value == "unverified"
