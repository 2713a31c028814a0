"""Digital-communications chains without prose: the Gaussian tail Q written undefined (Q(\\sqrt{2E_b/N_0}) =
\\tfrac12\\operatorname{erfc}(\\sqrt{E_b/N_0})), the mean SNR \\bar\\gamma inside an integral over \\gamma, long names
in sans serif (\\mathsf{SNR}), and counterexamples that name E_s and \\mathrm{SNR} as written."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step

ERFC = "\\DeclareMathOperator{\\erfc}{erfc}\n"


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


@pytest.mark.parametrize("lhs, rhs", [
    ("Q\\left(\\sqrt{\\frac{2E_b}{N_0}}\\right)", "\\frac{1}{2}\\operatorname{erfc}\\left(\\sqrt{\\frac{E_b}{N_0}}\\right)"),
    ("Q\\!\\left(\\sqrt{2\\gamma}\\right)", "\\tfrac12\\operatorname{erfc}\\left(\\sqrt{\\gamma}\\right)"),
    ("Q(-z) + Q(z)", "1"),
    ("1 - 2Q(z)", "\\operatorname{erf}\\left(\\frac{z}{\\sqrt 2}\\right)"),
    ("Q(3)", "1.35\\times 10^{-3}"),
])
def test_an_undefined_q_of_one_argument_verifies_as_the_gaussian_tail(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert any("Gaussian tail" in guess for guess in verdict.guessed)


@pytest.mark.parametrize("lhs, rhs", [
    ("Q\\left(\\sqrt{\\frac{2E_b}{N_0}}\\right)", "\\frac{1}{2}\\operatorname{erfc}\\left(\\sqrt{\\frac{2E_b}{N_0}}\\right)"),
    ("Q(-z) + Q(z)", "0"),
    ("Q(3)", "1.35\\times 10^{-2}"),
    ("Q(0)", "0"),
])
def test_a_step_that_fails_with_the_tail_is_never_refuted_for_it(lhs: str, rhs: str) -> None:
    # verify-only: Q is as often a heat, a charge or a quadratic form the document defines
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("Q(s, a)", "r + \\gamma \\max_{a'} Q(s', a')"),
    ("\\mathbf{Q}(x) + Q(x)", "\\frac{1}{2}\\operatorname{erfc}\\left(\\frac{x}{\\sqrt{2}}\\right) + \\mathbf{Q}(x)"),
    ("Q_1(x)", "\\frac{1}{2}\\operatorname{erfc}\\left(\\frac{x}{\\sqrt{2}}\\right)"),
])
def test_q_written_otherwise_is_not_read_as_the_tail(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


def test_the_tail_through_the_documents_own_macro_verifies_in_a_chain() -> None:
    body = ERFC + "\\newcommand{\\Qf}[1]{Q\\!\\left(#1\\right)}\n" + _chain(
        "P_b &= \\Qf{\\sqrt{\\frac{2E_b}{N_0}}}", "&= \\frac{1}{2}\\erfc\\left(\\sqrt{\\frac{E_b}{N_0}}\\right)")
    assert _statuses(body)["\\Qf{\\sqrt{\\frac{2E_b}{N_0}}} = \\frac{1}{2}\\erfc\\left(\\sqrt{\\frac{E_b}{N_0}}\\right)"] \
        == "verified"


def test_a_prose_definition_of_q_wins_over_the_tail() -> None:
    body = "Let $Q(x) = x^2$ be the cost.\n\n" + _chain("Q(2) &= 4")
    assert _statuses(body)["Q(2) = 4"] == "verified"
    body = "Let $Q(x) = x^2$ be the cost.\n\n" + _chain("Q(0) &= \\frac{1}{2}")
    assert _statuses(body)["Q(0) = \\frac{1}{2}"] != "verified"


@pytest.mark.parametrize("rhs, term", [
    ("\\bar\\gamma", None),
    ("\\frac{1}{2(1 - \\bar\\gamma)}", "\\bar\\gamma"),
])
def test_a_mean_snr_inside_an_integral_over_gamma_is_a_quantity_not_the_dummy(rhs: str, term: str | None) -> None:
    lhs = "\\int_0^\\infty \\frac{1}{2}e^{-\\gamma}\\frac{1}{\\bar\\gamma}e^{-\\gamma/\\bar\\gamma}\\,d\\gamma" if term \
        else "\\int_0^\\infty \\frac{1}{\\bar\\gamma} e^{-\\gamma/\\bar\\gamma}\\,d\\gamma"
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    if term:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\int_0^\\infty \\frac{1}{\\bar\\gamma} e^{-\\gamma/\\bar\\gamma}\\,d\\gamma", "1"),
    ("\\int_0^{x} \\frac{1}{\\bar\\gamma} e^{-\\gamma/\\bar\\gamma}\\,d\\gamma", "1 - e^{-x/\\bar\\gamma}"),
    ("\\int_0^\\infty \\frac{\\gamma}{\\bar\\gamma}e^{-\\gamma/\\bar\\gamma}\\,d\\gamma", "\\bar\\gamma"),
    ("\\int_0^{1} (x - \\bar x)^2\\,dx", "\\frac13 - \\bar x + \\bar x^2"),
])
def test_averages_over_a_fading_distribution_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_outage_with_the_mean_in_the_exponent_inverted_is_refuted() -> None:
    verdict = check_step("\\int_0^{x} \\frac{1}{\\bar\\gamma} e^{-\\gamma/\\bar\\gamma}\\,d\\gamma",
                         "1 - e^{-\\bar\\gamma x}", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and "reciprocal" in verdict.diagnosis.detail


def test_a_long_name_in_sans_serif_is_one_quantity() -> None:
    assert check_step("\\log_2(1 + \\mathsf{SNR})", "\\frac{\\ln(1 + \\mathsf{SNR})}{\\ln 2}", "=").status.value \
        == "verified"
    slip = check_step("\\log_2(1 + \\mathsf{SNR})", "\\frac{\\ln(1 + \\mathsf{SNR})}{\\ln 10}", "=")
    assert slip.status.value == "refuted"
    # a single sans-serif letter is still a letter (a matrix in some notes)
    assert check_step("\\mathbf{x}^T\\mathsf{A}\\mathbf{x}", "\\mathbf{x}^T\\mathsf{A}\\mathbf{x}", "=").status.value \
        == "verified"


@pytest.mark.parametrize("lhs, rhs, shown", [
    ("2\\sqrt{E_s}\\sin\\frac{\\pi}{4}", "\\sqrt{E_s}", "E_s"),
    ("T_s + 1", "2 T_s", "T_s"),
    ("10\\log_{10}(1 + \\mathrm{SNR})", "10\\log_{10}\\mathrm{SNR} + 10", "\\mathrm{SNR}"),
])
def test_a_counterexample_names_its_letters_as_written(lhs: str, rhs: str, shown: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert [name for name, _ in verdict.counterexample] == [shown]


def test_a_counterexample_keeps_a_written_number_index() -> None:
    verdict = check_step("w_{i2} + 1", "2 w_{i2}", "=")
    assert verdict.status.value == "refuted"
    assert all("i" not in name.split("_", 1)[-1] or "2" in name for name, _ in verdict.counterexample)


@pytest.mark.parametrize("lhs, rhs, kind", [
    ("10\\log_{10}\\frac{P_s}{P_n}", "10\\log_{10} P_s + 10\\log_{10} P_n", "sign_flip"),
    ("P_t G_t G_r \\left(\\frac{\\lambda}{4\\pi d}\\right)^2", "\\frac{P_t G_t G_r \\lambda^2}{4\\pi^2 d^2}", None),
    ("\\frac{(y+1)^2 - (y-1)^2}{2\\sigma^2}", "\\frac{y}{\\sigma^2}", None),
    ("\\sum_{n=0}^{N-1} e^{j2\\pi k n/N} e^{-j2\\pi m n/N}", "\\sum_{n=0}^{N-1} e^{j2\\pi (k+m) n/N}", "sign_flip"),
    ("e^{j\\pi/2}", "-j", "sign_flip"),
    ("\\frac{2}{3}(64-1)", "43", None),
    ("-174 + 10\\log_{10}(10^6)", "-104", None),
    ("\\binom{n}{2}p^2(1-p)^{n-2}", "n(n-1)p^2(1-p)^{n-2}", None),
    ("\\int_0^{T} A^2 \\sin^2\\left(\\frac{\\pi t}{T}\\right) dt", "A^2 T", None),
])
def test_communication_slips_stay_refuted(lhs: str, rhs: str, kind: str | None) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    if kind:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    ("\\ln\\frac{e^{-(y - A)^2/(2\\sigma^2)}}{e^{-(y + A)^2/(2\\sigma^2)}}", "\\frac{2Ay}{\\sigma^2}"),
    ("\\sum_{n=0}^{3} e^{j\\pi n/2}", "0"),
    ("\\frac{1}{4}\\left(|1+j|^2 + |1-j|^2 + |-1+j|^2 + |-1-j|^2\\right)", "2"),
    ("\\frac{1}{\\pi}\\int_0^{\\pi/2}\\frac{1}{1 + \\frac{\\bar\\gamma}{\\sin^2\\theta}}\\,d\\theta",
     "\\frac{1}{2}\\left(1 - \\sqrt{\\frac{\\bar\\gamma}{1 + \\bar\\gamma}}\\right)"),
    ("\\lim_{B\\to\\infty} B\\log_2\\left(1 + \\frac{P}{N_0 B}\\right)", "\\frac{P}{N_0\\ln 2}"),
])
def test_communication_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_counterexample_with_shifted_indices_keeps_one_numbering() -> None:
    verdict = check_step("\\eta_{i+1} - \\eta_{i-1}", "\\eta_{i+1} + \\eta_{i-1}", "=")
    assert verdict.status.value == "refuted"
    assert all(not name.endswith("_i") for name, _ in verdict.counterexample)


@pytest.mark.parametrize("lhs, rhs", [
    ("\\int_0^T s^2(\\tau)\\,d\\tau", "\\int_0^T s(\\tau)s(\\tau)\\,d\\tau"),
    ("\\int_0^T f^2(t)\\,dt", "\\int_0^T f(t)^2\\,dt"),
    ("y^{2}(t) + 1", "1 + y(t)y(t)"),
])
def test_the_square_of_a_signal_written_s2_of_t_is_no_false_alarm(lhs: str, rhs: str) -> None:
    # before: read as s^2 times t, these correct steps were refuted
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified"
    assert "s^2(t) as s(t)^2" in verdict.guessed


def test_a_letter_squared_before_a_bracket_is_still_a_product_where_it_is_no_function() -> None:
    assert check_step("x^2(1 - x)", "x^2 - x^3", "=").status.value == "verified"
    slip = check_step("x^2(1 - x)", "x^2 - x^2", "=")
    assert slip.status.value == "refuted" and slip.diagnosis is not None


def test_a_slip_in_the_energy_of_a_signal_stays_refuted() -> None:
    assert check_step("\\int_0^T s^2(\\tau)\\,d\\tau", "2\\int_0^T s(\\tau)s(\\tau)\\,d\\tau", "=").status.value == "refuted"

