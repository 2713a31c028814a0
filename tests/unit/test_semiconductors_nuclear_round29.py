"""Semiconductor device and nuclear / particle physics notes: the diffusion coefficients D_n, D_p of a
carrier beside tau_p and L_n (no derivative by n or p), the half-life t_{1/2} that a display or the prose
defines, a slip on a derivative by V_{GS} beside V_T (no matrix and its diagonal), and the units of the
field (MeV/u, MeV fm, fm, TeV, Bq, Ci) read as units."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


# --- D_n, D_p: diffusion coefficients of a carrier, not derivatives by n or p ---------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"q A n_i^2\left(\frac{D_p}{L_p N_D} + \frac{D_n}{L_n N_A}\right)",
     r"q A n_i^2\frac{D_p L_n N_A + D_n L_p N_D}{L_p L_n N_A N_D}"),
    (r"\frac{D_n}{\sqrt{D_n \tau_n}}", r"\sqrt{\frac{D_n}{\tau_n}}"),
    (r"\sqrt{D_p \tau_p}\,\sqrt{D_p \tau_p}", r"D_p \tau_p"),
])
def test_a_carriers_diffusion_coefficient_is_a_quantity(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{D_p}{\sqrt{D_p \tau_p}}", r"\sqrt{D_p \tau_p}"),
    (r"q A n_i^2\left(\frac{D_p}{L_p N_D} + \frac{D_n}{L_n N_A}\right)",
     r"q A n_i^2\frac{D_p L_n N_A + D_n L_p N_D}{L_p L_n N_A N_D^2}"),
])
def test_a_slip_with_diffusion_coefficients_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_x u", r"u_x"),  # D_x acts on u: a derivative
    (r"D_x u_x", r"u_{xx}"),  # x among several subscripts: u_x is a partial derivative too
    (r"D_x f(x)", r"f'(x)"),  # x written as a variable
    (r"D_t(u v)", r"u_t v + u v_t"),
])
def test_a_derivative_operator_by_a_variable_stays_undecided(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


def test_the_diffusion_length_is_put_in_from_the_prose() -> None:
    body = ("The diffusion length is $L_p = \\sqrt{D_p \\tau_p}$, so\n"
            "\\begin{align*}\n\\frac{D_p}{L_p} &= \\frac{D_p}{\\sqrt{D_p \\tau_p}} \\\\\n"
            "&= \\sqrt{\\frac{D_p}{\\tau_p}}\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["\\frac{D_p}{L_p} = \\frac{D_p}{\\sqrt{D_p \\tau_p}}"] == "verified"
    assert statuses["\\frac{D_p}{\\sqrt{D_p \\tau_p}} = \\sqrt{\\frac{D_p}{\\tau_p}}"] == "verified"


# --- t_{1/2}: a name with a fraction for its subscript --------------------------------------------------

HALF_LIFE = ("The half-life follows from $N(t_{1/2}) = N_0/2$:\n"
             "\\begin{equation}\nt_{1/2} = \\frac{\\ln 2}{\\lambda}.\n\\end{equation}\n")


def test_the_half_life_defined_in_a_display_is_put_in() -> None:
    body = HALF_LIFE + ("The mean lifetime is\n\\begin{align*}\n\\tau &= \\frac{1}{\\lambda} = \\frac{t_{1/2}}{\\ln 2}\n"
                        "\\end{align*}\nand the decay law reads\n"
                        "\\begin{align*}\nN_0 e^{-\\lambda t} &= N_0 e^{-t\\ln 2/t_{1/2}} \\\\\n&= N_0 2^{-t/t_{1/2}}\n"
                        "\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["\\frac{1}{\\lambda} = \\frac{t_{1/2}}{\\ln 2}"] == "verified"
    assert statuses["N_0 e^{-\\lambda t} = N_0 e^{-t\\ln 2/t_{1/2}}"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{\lambda}", r"\frac{t_{1/2}}{2}"),  # ln 2 taken for 2
    (r"N_0 e^{-\lambda t}", r"N_0 e^{-t/t_{1/2}}"),  # the ln 2 dropped
])
def test_a_slip_against_the_half_life_is_refuted(lhs: str, rhs: str) -> None:
    assert _statuses(HALF_LIFE + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n")[f"{lhs} = {rhs}"] == "refuted"


def test_the_half_life_in_the_prose_is_put_in() -> None:
    body = ("Let $t_{1/2} = \\ln 2/\\lambda$ be the half-life.\n"
            "\\begin{align*}\n\\frac{1}{\\lambda} &= \\frac{t_{1/2}}{\\ln 2}\n\\end{align*}\n")
    assert _statuses(body)["\\frac{1}{\\lambda} = \\frac{t_{1/2}}{\\ln 2}"] == "verified"


def test_a_half_life_defines_no_other_member_of_its_letter() -> None:
    # t_{1/2} = ln 2/lambda says nothing of t_{1/3}: that step is not decided by it
    body = HALF_LIFE + "\\begin{align*}\n\\frac{1}{\\lambda} &= \\frac{t_{1/3}}{\\ln 2}\n\\end{align*}\n"
    assert _statuses(body)["\\frac{1}{\\lambda} = \\frac{t_{1/3}}{\\ln 2}"] != "verified"


# --- a slip on a derivative by V_{GS} beside V_T ------------------------------------------------------

def test_a_slip_on_a_derivative_by_a_doubly_subscripted_voltage_is_refuted() -> None:
    # the reading of V_{GS} beside V_T as a matrix and its diagonal cannot put an expression in the
    # variable of the derivative (it crashed, and the slip went unverified)
    verdict = check_step(r"\frac{\partial}{\partial V_{GS}}\left[\frac{1}{2}\mu_n C_{ox}\frac{W}{L}(V_{GS} - V_T)^2\right]",
                         r"\frac{1}{2}\mu_n C_{ox}\frac{W}{L}(V_{GS} - V_T)", "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "constant_factor"


def test_the_transconductance_is_verified() -> None:
    verdict = check_step(r"\frac{\partial}{\partial V_{GS}}\left[\frac{1}{2}\mu_n C_{ox}\frac{W}{L}(V_{GS} - V_T)^2\right]",
                         r"\mu_n C_{ox}\frac{W}{L}(V_{GS} - V_T)", "=")
    assert verdict.status.value == "verified"


# --- units of nuclear and particle physics --------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"0.002388\,\mathrm{u}\cdot 931.494\,\mathrm{MeV/u}", r"2.224\,\mathrm{MeV}"),
    (r"\frac{197.3\,\mathrm{MeV\,fm}}{938.3\,\mathrm{MeV}}", r"0.2103\,\mathrm{fm}"),
    (r"1.2\,\mathrm{fm} \cdot 3", r"3.6\,\mathrm{fm}"),
    (r"7\,\mathrm{TeV}", r"7000\,\mathrm{GeV}"),
    (r"3.7\times 10^{10}\,\mathrm{Bq}", r"1\,\mathrm{Ci}"),
])
def test_nuclear_units_are_read(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_bracket_of_numbers_carries_the_unit_after_it() -> None:
    # the mass defect in brackets, then in u: the unit of the bracket, cancelled by MeV/u
    lhs = r"(1.007276 + 1.008665 - 2.013553)\,\mathrm{u}\cdot 931.494\,\mathrm{MeV/u}"
    assert check_step(lhs, r"0.002388 \cdot 931.494\,\mathrm{MeV}", "=").status.value == "verified"
    assert check_step(lhs, r"0.002288 \cdot 931.494\,\mathrm{MeV}", "=").status.value != "verified"
    assert check_step(r"(3 + 4)\,\mathrm{m}", r"8\,\mathrm{m}", "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"0.002388\,\mathrm{u}\cdot 931.494\,\mathrm{MeV/u}", r"2.324\,\mathrm{MeV}", "unverified"),  # converted: verify only
    (r"0.002388\,\mathrm{u}\cdot 931.494\,\mathrm{MeV/u}", r"2.224\,\mathrm{J}", "unverified"),
    (r"1.2\,\mathrm{fm} \cdot 3", r"3.2\,\mathrm{fm}", "refuted"),  # one unit on both sides: compared
    (r"7\,\mathrm{TeV}", r"700\,\mathrm{GeV}", "unverified"),
])
def test_a_wrong_value_in_nuclear_units_is_never_verified(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


# --- what already works in the field, and must stay so --------------------------------------------------

@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"N_c e^{-(E_c - E_F)/k_B T} N_v e^{-(E_F - E_v)/k_B T}", r"N_c N_v e^{-(E_c + E_v)/k_B T}", "sign"),
    (r"\frac{k_B T}{q}\left(\ln\frac{N_A}{n_i} + \ln\frac{N_D}{n_i}\right)", r"\frac{k_B T}{q}\ln\frac{\sqrt{N_A N_D}}{n_i}",
     "constant_factor"),
    (r"\frac{d}{dV}\left[I_s\left(e^{qV/k_B T} - 1\right)\right]", r"\frac{k_B T}{q} I_s e^{qV/k_B T}", "reciprocal"),
    (r"\frac{1}{2}\mu_n C_{ox}\frac{W}{L}(V_{GS} - V_T)^2", r"\frac{\mu_n C_{ox} L}{2W}(V_{GS} - V_T)^2", "reciprocal"),
    (r"-\frac{d}{dt}\left(N_0 e^{-\lambda t}\right)", r"-\lambda N_0 e^{-\lambda t}", "sign"),
    (r"(p_1 + p_2)^2", r"p_1^2 + p_1\cdot p_2 + p_2^2", "constant_factor"),
    (r"2 \cdot 1.007825 + 2 \cdot 1.008665 - 4.002603", r"0.030337", "arithmetic"),
])
def test_field_slips_are_refuted_with_their_diagnosis(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind.startswith(kind)


# --- a density that is differentiated and labels its mobility (n beside \mu_n, dn/dx) -------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"n \mu_n + \frac{dn}{dx}", r"n \mu_n - \frac{dn}{dx}"),  # was verified: n read as mu_n's integer index
    (r"q n \mu_n \mathcal{E} + q D_n \frac{dn}{dx}", r"q\left(n \mu_n \mathcal{E} - D_n \frac{dn}{dx}\right)"),
    (r"-q D_p \frac{dp}{dx} + q p \mu_p \mathcal{E}", r"q\left(p\mu_p\mathcal{E} + D_p\frac{dp}{dx}\right)"),
])
def test_a_sign_slip_on_the_diffusion_current_is_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"q n \mu_n \mathcal{E} + q D_n \frac{dn}{dx}", r"q\left(n \mu_n \mathcal{E} + D_n \frac{dn}{dx}\right)"),
    (r"-q D_p \frac{dp}{dx} + q p \mu_p \mathcal{E}", r"q\left(p\mu_p\mathcal{E} - D_p\frac{dp}{dx}\right)"),
])
def test_the_drift_diffusion_current_is_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
