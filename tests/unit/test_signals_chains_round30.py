"""Signal-processing and control chains as repositories hold them, without prose: a name given anew by a
head written the other way round (the bilinear map's frequency after the impulse-invariant one), the j of
e^{j\\omega t} that a side in sines no longer writes, a macro called with an empty argument (\\ejw{}),
the frequency f of a Fourier kernel in an integral over t, and an evaluation bar at several points."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Macro


def _verdicts(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


def _row(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n\n"


# ---- a chain's head that gives a defined name a value of its own, written the other way round

def test_a_head_that_gives_a_defined_name_anew_the_other_way_round_is_no_error() -> None:
    # impulse invariance (\Omega = \omega / T) above, the bilinear map's prewarped frequency below
    body = _row("\\Omega", "\\frac{\\omega}{T}") \
        + _row("\\frac{2}{T}\\tan\\left(\\frac{\\omega}{2}\\right)", "\\Omega")
    verdict = _verdicts(body)["\\frac{2}{T}\\tan\\left(\\frac{\\omega}{2}\\right) = \\Omega"]
    assert verdict.status.value == "unverified"
    assert "the other way round" in verdict.reason


def test_a_function_given_anew_the_other_way_round_is_no_error_and_the_same_value_verifies() -> None:
    body = _row("H(z)", "\\frac{1}{1 - z}") + _row("\\frac{1}{1 + z}", "H(z)") + _row("\\frac{1}{1-z}", "H(z)")
    verdicts = _verdicts(body)
    assert verdicts["\\frac{1}{1 + z} = H(z)"].status.value == "unverified"
    assert verdicts["\\frac{1}{1-z} = H(z)"].status.value == "verified"


def test_a_later_row_of_a_chain_is_still_held_to_the_definition() -> None:
    # only the head of a chain may give its name anew: a later row that gets the value wrong is a slip
    body = _row("\\Omega", "\\omega T") + ("\\begin{align*}\nT\\Omega &= T^2\\omega \\\\\n&= T\\Omega + 1\n"
                                            "\\end{align*}\n")
    assert _verdicts(body)["T^2\\omega = T\\Omega + 1"].status.value == "refuted"


# ---- the imaginary unit of an exponential, which a side in sines no longer writes

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{e^{j\omega T} - e^{-j\omega T}}{j\omega}", r"\frac{\sin(\omega T)}{\omega}"),
    (r"\frac{2}{T} \frac{e^{j\omega/2} - e^{-j\omega/2}}{e^{j\omega/2} + e^{-j\omega/2}}",
     r"\frac{2}{T}\tan\left(\frac{\omega}{2}\right)"),
])
def test_a_slip_that_drops_the_unit_of_an_exponential_is_refuted_at_a_point_that_gives_j_no_value(
        lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert all(name != "j" for name, _ in verdict.counterexample)


def test_a_sign_slip_beside_j_omega_is_diagnosed() -> None:
    verdict = check_step(r"\frac{1}{a - j\omega} + \frac{1}{a + j\omega}", r"\frac{2a}{a^2 - \omega^2}", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion == r"\frac{2a}{a^2 + \omega^2}"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{e^{j\omega T} - e^{-j\omega T}}{j\omega}", r"\frac{2\sin(\omega T)}{\omega}"),
    (r"\frac{2}{T} \frac{e^{j\omega/2} - e^{-j\omega/2}}{e^{j\omega/2} + e^{-j\omega/2}}",
     r"\frac{2j}{T}\tan\left(\frac{\omega}{2}\right)"),
    (r"\int_{-\infty}^{\infty} e^{-a|t|} e^{-j\omega t}\, dt", r"\frac{2a}{a^2 + \omega^2}"),
    (r"\left|\frac{1}{1 + j\omega RC}\right|", r"\frac{1}{\sqrt{1 + \omega^2 R^2 C^2}}"),
])
def test_the_same_steps_written_right_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_dropped_letter_outside_any_exponential_is_still_a_substitution() -> None:
    # i of P = vi, replaced by v/R from the prose: no exponential makes it the imaginary unit
    verdict = check_step("v i", "\\frac{v^2}{2R}", "=")
    assert verdict.status.value == "unverified"


# ---- a macro called with an empty argument

EJW = {"\\ejw": Macro("\\ejw", 1, "e^{-j\\omega #1}")}


def test_a_macro_with_an_empty_argument_puts_nothing_in() -> None:
    lhs = r"\sum_{n=0}^{\infty} a^n \ejw{n}"
    assert check_step(lhs, r"\frac{1}{1 - a\ejw{}}", "=", macros=EJW).status.value == "verified"
    slip = check_step(lhs, r"\frac{1}{1 + a\ejw{}}", "=", macros=EJW)
    assert slip.status.value == "refuted"
    assert slip.diagnosis is not None and slip.diagnosis.kind == "sign_flip"


# ---- the frequency of a Fourier kernel, in an integral over time

@pytest.mark.parametrize("lhs, rhs", [
    (r"\int_{-1/2}^{1/2} e^{-j2\pi f t}\,dt", r"\frac{e^{-j\pi f} - e^{j\pi f}}{-j2\pi f}"),
    (r"\int_{-\infty}^{\infty} e^{-\pi t^2} e^{-j 2\pi f t}\,dt", r"e^{-\pi f^2}"),
])
def test_the_frequency_of_a_fourier_kernel_is_no_function_of_time(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_bare_integrand_letter_is_still_maybe_a_function() -> None:
    for lhs, rhs in ((r"\int_0^1 f\,dt", "f"), (r"\int_0^1 f e^{-st}\,dt", r"f\frac{1 - e^{-s}}{s}")):
        assert check_step(lhs, rhs, "=").status.value == "unverified"


def test_a_fourier_kernel_slip_stays_refuted() -> None:
    verdict = check_step(r"\int_{-1/2}^{1/2} e^{-j2\pi f t}\,dt", r"\frac{\sin(2\pi f)}{\pi f}", "=")
    assert verdict.status.value == "refuted"


# ---- an evaluation bar at several points

def test_an_evaluation_bar_at_several_points_puts_each_in() -> None:
    lhs = r"\omega_n\sqrt{1 - \zeta^2}\big|_{\omega_n = 2, \zeta = 0.6}"
    assert check_step(lhs, "1.6", "=").status.value == "verified"
    assert check_step(lhs, "1.2", "=").status.value == "refuted"
    assert check_step(r"\frac{K}{s^2 + 2s + K}\bigg|_{s = 0,\, K = 4}", "1", "=").status.value == "verified"
    assert check_step(r"f(x, y)\big|_{x=1, y=2}", "f(1, 2)", "=").status.value == "verified"


def test_an_evaluation_bar_whose_points_name_one_another_is_not_read() -> None:
    verdict = check_step(r"(x + y)\Big|_{x = y, y = 1}", "2", "=")
    assert verdict.status.value == "unverified"


# ---- what already held: transforms verify, their slips are refuted

@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{n=0}^{\infty} \left(a e^{-j\omega}\right)^n", r"\frac{1}{1 - a e^{-j\omega}}"),
    (r"\int_{0}^{\infty} \sin(\omega_0 t) e^{-st} \, dt", r"\frac{\omega_0}{s^2 + \omega_0^2}"),
    (r"\frac{s+3}{(s+1)(s+2)}", r"\frac{2}{s+1} - \frac{1}{s+2}"),
    (r"\frac{2}{T}\frac{1 - z^{-1}}{1 + z^{-1}}", r"\frac{2}{T}\frac{z - 1}{z + 1}"),
    (r"\det\begin{bmatrix} s & -1 \\ 2 & s+3 \end{bmatrix}", r"(s+1)(s+2)"),
    (r"\frac{1}{2\pi}\int_{-\omega_c}^{\omega_c} e^{j\omega n}\, d\omega", r"\frac{\sin(\omega_c n)}{\pi n}"),
])
def test_transform_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{n=0}^{N-1} a^n", r"\frac{1 - a^{N+1}}{1 - a}"),
    (r"\int_{0}^{\infty} \cos(\omega_0 t) e^{-st} \, dt", r"\frac{s}{s^2 - \omega_0^2}"),
    (r"\frac{1}{s(s+a)}", r"\frac{1}{s} - \frac{1}{s+a}"),
    (r"\frac{2}{T}\frac{1 - z^{-1}}{1 + z^{-1}}", r"\frac{2}{T}\frac{z + 1}{z - 1}"),
    (r"\det\begin{bmatrix} s & -1 \\ 2 & s+3 \end{bmatrix}", r"s^2 + 3s - 2"),
    (r"\frac{\frac{K}{s(s+1)}}{1 + \frac{K}{s(s+1)}}", r"\frac{K}{s^2 + s - K}"),
    (r"\begin{bmatrix} 0 & 1 \\ -2 & -3 \end{bmatrix}\begin{bmatrix} 1 \\ -1 \end{bmatrix}",
     r"\begin{bmatrix} -1 \\ -1 \end{bmatrix}"),
    (r"20\log_{10}\frac{1}{\sqrt{2}}", r"-20\log_{10}2"),
])
def test_transform_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
