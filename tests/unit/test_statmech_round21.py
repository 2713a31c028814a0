"""Statistical mechanics notation (round 21): Boltzmann's constant written with an upright subscript,
k_{\\mathrm{B}}, is a name like k_B, and a letter superscript after a subscript (Z_1^N) may be a power."""
import pytest

from lintmath.check import check_step
from lintmath.comparator import _base_of
from lintmath.findings import Status


@pytest.mark.parametrize("name, base", [
    ("k[rm:B]", "k"),
    ("bf:m[1]^x'", "m"),
    ("bf:x[rm:B]", "x"),
    ("\\beta", "\\beta"),
    ("rm:T", "T"),
])
def test_base_of_cuts_style_after_index(name: str, base: str) -> None:
    assert _base_of(name) == base


# beta = 1/k_B T is the prose's: without it the step is not wrong, only not decided (where the step
# writes beta, k_B and T itself, round 30 takes the convention to verify it: still never refuted)
@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\beta}{\theta}\,w", r"\frac{w}{k_{\mathrm{B}}\theta^2}"),
])
def test_upright_boltzmann_constant_is_a_name_from_elsewhere(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason.startswith("introduces k")


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\beta}{T}\cdot\frac{u^2}{\cosh^2(\beta u)}", r"\frac{u^2}{k_{\mathrm{B}} T^2\cosh^2(\beta u)}"),
    (r"\frac{\beta}{T} e^{\beta}", r"\frac{e^{\beta}}{k_{\rm B} T^2}"),
])
def test_beta_beside_k_b_and_t_is_the_thermodynamic_beta(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"y + k_{\mathrm{B}} - k_{\mathrm{B}}", r"y", Status.VERIFIED),
    (r"y", r"3y + k_{\mathrm{B}} - k_{\mathrm{B}}", Status.REFUTED),  # wrong whatever k_B is
])
def test_upright_subscript_name_that_cancels_is_still_decided(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    (r"-kT\ln Q_1^M", r"-MkT\ln Q_1"),
    (r"\ln q_a^m", r"m\ln q_a"),
    (r"c + M\ln Q_1", r"c + \ln Q_1^M"),
])
def test_superscript_letter_read_as_power_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln q_a^m", r"2m\ln q_a"),
    (r"-kT\ln Q_1^M", r"-M^2 kT\ln Q_1"),
])
def test_superscript_letter_wrong_either_way_is_not_verified(lhs: str, rhs: str) -> None:
    # as a label, m is still a name from elsewhere: not an error, and not verified
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason.startswith("introduces")
