"""Plain capitals with no mark of being matrices are read as numbers, so a step that holds only because two
capitals change their order (Ax + KGx = (A + GK)x, (A + B)^2 = A^2 + 2AB + B^2, e^A e^B = e^{A + B}) used to
verify. Where such a step fails with its capitals generic matrices (I the identity) it is left unverified,
never refuted: the capitals may be numbers (PV = nRT, an area LW). Capitals that the step, its chain or the
prose shows to be numbers (a denominator, units, a value of numbers) stay numbers."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import CAPITALS_THAT_COMMUTE, check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


# correct steps whose capitals are numbers of physics and chemistry: they still verify
SCALAR_STEPS = [
  (r"\frac{3}{2}nRT", r"\frac{3nRT}{2}"), (r"\frac{1}{2}(CV)V", r"\frac{1}{2}CV^2"),
  (r"\frac{QV}{2}", r"\frac{1}{2}QV"), (r"\frac{(CV)^2}{2C}", r"\frac{CV^2}{2}"), (r"I(IR)", r"I^2R"),
  (r"\frac{(IR)^2}{R}", r"I^2R"), (r"\frac{I^2R^2}{R}", r"I^2 R"), (r"I(R + r)", r"IR + Ir"),
  (r"I(R_1 + R_2)", r"IR_1 + IR_2"), (r"\frac{1}{R_1} + \frac{1}{R_2}", r"\frac{R_1 + R_2}{R_1R_2}"),
  (r"U + PV - TS", r"U - TS + PV"), (r"H - TS + TS", r"H"), (r"\frac{3}{2}NkT", r"\frac{3NkT}{2}"),
  (r"\frac{GMm}{r^2}", r"GM\frac{m}{r^2}"), (r"\frac{GMm}{r^2}", r"\frac{GM}{r^2}m"),
  (r"-\frac{GMm}{r}", r"-GMm r^{-1}"), (r"\frac{1}{2}m\frac{GM}{r}", r"\frac{GMm}{2r}"),
  (r"\frac{kQ}{r^2}", r"kQr^{-2}"), (r"q\frac{kQ}{r^2}", r"\frac{kQq}{r^2}"),
  (r"NIAB\sin\theta", r"NIAB\sin\theta \cdot 1"), (r"NBA\omega\sin\omega t", r"\omega NBA\sin\omega t"),
  (r"R^2 + (X_L - X_C)^2", r"R^2 + X_L^2 - 2X_LX_C + X_C^2"),
  (r"\frac{PV}{nR}V^{\gamma-1}", r"\frac{PV^\gamma}{nR}"), (r"1 - \frac{T_C}{T_H}", r"\frac{T_H - T_C}{T_H}"),
  (r"\frac{Q_H - Q_C}{Q_H}", r"1 - \frac{Q_C}{Q_H}"), (r"\frac{(mv)^2}{2m}", r"\frac{1}{2}mv^2"),
  (r"L(WH)", r"LWH"), (r"2(LW + WH + HL)", r"2LW + 2WH + 2HL"), (r"2(L + W)", r"2L + 2W"),
  (r"\frac{nRT}{T}", r"nR"), (r"\rho\frac{L}{A}", r"\frac{\rho L}{A}"),
  (r"B\pi r^2\cos\theta", r"\pi r^2 B\cos\theta"), (r"\frac{3}{2}kT", r"1.5\,kT"),
  (r"kA\frac{\Delta T}{L}", r"\frac{kA\Delta T}{L}"), (r"\sigma A T^2 T^2", r"\sigma A T^4"),
  (r"\frac{1}{2}(LI)I", r"\frac{LI^2}{2}"), (r"\epsilon_0\frac{A}{d}", r"\frac{\epsilon_0 A}{d}"),
  (r"\frac{Q^2}{2C}", r"\frac{Q^2}{2}\cdot\frac{1}{C}"), (r"\frac{I\omega^2}{2}", r"\frac{1}{2}I\omega^2"),
  (r"PV", r"PV"), (r"nRT", r"nTR"), (r"RT\ln\frac{P_2}{P_1}", r"-RT\ln\frac{P_1}{P_2}"),
  (r"\frac{PV}{RT}", r"\frac{P}{RT}V"), (r"P(V_2 - V_1)", r"PV_2 - PV_1"), (r"nC_V\Delta T", r"n\Delta T C_V"),
  (r"Q - W + W", r"Q"), (r"(Q - W) + W", r"Q"), (r"2F - F", r"F"), (r"\frac{E}{c^2}", r"Ec^{-2}"),
  (r"E - U", r"-(U - E)"), (r"\frac{F}{m}", r"F m^{-1}"), (r"3T + 2T", r"5T"), (r"(E - V)\psi", r"E\psi - V\psi"),
  (r"\frac{U}{T} + \frac{PV}{T}", r"\frac{U + PV}{T}"),
  (r"\frac{Q}{T_C} - \frac{Q}{T_H}", r"Q\frac{T_H - T_C}{T_HT_C}"), (r"\frac{1}{2}k A^2", r"\frac{kA^2}{2}"),
  (r"A\cos(\omega t)", r"A\cos\omega t"), (r"A^2\omega^2", r"(A\omega)^2"), (r"\frac{V^2}{R}", r"V\frac{V}{R}"),
  (r"\frac{V_1 R_2}{R_1 + R_2}", r"V_1\frac{R_2}{R_1 + R_2}"),
  (r"\frac{1}{C_1} + \frac{1}{C_2}", r"\frac{C_1 + C_2}{C_1C_2}"), (r"V_0 e^{-t/RC}", r"V_0 e^{-t/(RC)}"),
  (r"\frac{N\Phi}{I}", r"N\frac{\Phi}{I}"), (r"\frac{mv}{qB}", r"\frac{m}{q}\cdot\frac{v}{B}"),
  (r"\frac{2\pi m}{qB}", r"2\pi\frac{m}{qB}"), (r"\frac{\mu_0 I}{2\pi r}", r"\frac{\mu_0}{2\pi}\frac{I}{r}"),
  (r"\frac{\mu_0 N I}{L}", r"\mu_0\frac{N}{L}I"), (r"\frac{\mu_0 N^2 A}{L}", r"\mu_0 N^2\frac{A}{L}"),
  (r"\frac{1}{2}\frac{B^2}{\mu_0}", r"\frac{B^2}{2\mu_0}"),
  (r"\frac{\epsilon_0 E^2}{2}", r"\frac{1}{2}\epsilon_0 E^2"), (r"T(S_2 - S_1)", r"TS_2 - TS_1"),
  (r"\frac{\Delta H - \Delta G}{T}", r"\frac{\Delta H}{T} - \frac{\Delta G}{T}"), (r"-nFE", r"-FEn"),
  (r"\frac{RT}{nF}\ln Q", r"\frac{RT\ln Q}{nF}"),
  (r"E^\circ - \frac{RT}{nF}\ln Q", r"E^\circ - \frac{RT}{nF}\ln Q"), (r"k[A]^2", r"k[A][A]"),
  (r"\frac{[C][D]}{[A][B]}", r"[C][D]\frac{1}{[A][B]}"), (r"K_a[HA]", r"[HA]K_a"), (r"\frac{P}{kT}", r"P(kT)^{-1}"),
  (r"Mg - T", r"-(T - Mg)"), (r"(M + m)g", r"Mg + mg"), (r"\frac{(M - m)g}{M + m}", r"\frac{Mg - mg}{M + m}"),
  (r"\frac{1}{2}MR^2\omega^2", r"\frac{MR^2\omega^2}{2}"), (r"\frac{1}{2}MR^2", r"\frac{MR^2}{2}"),
  (r"\frac{2}{5}MR^2", r"0.4MR^2"), (r"\frac{1}{12}ML^2 + M\left(\frac{L}{2}\right)^2", r"\frac{1}{3}ML^2"),
  (r"\frac{GM}{R^2}", r"GMR^{-2}"), (r"\sqrt{\frac{2GM}{R}}", r"\sqrt{2GM/R}"),
  (r"\frac{4\pi^2 R^3}{GM}", r"\frac{4\pi^2}{GM}R^3"), (r"\frac{E}{h}", r"Eh^{-1}"),
  (r"\frac{Z^2}{n^2}E_1", r"E_1\left(\frac{Z}{n}\right)^2"), (r"-kT\ln Z", r"-T k \ln Z"),
  (r"\frac{N}{V}kT", r"\frac{NkT}{V}"), (r"\frac{3}{2}PV", r"1.5PV"),
  (r"P_1V_1\ln\frac{V_2}{V_1}", r"-P_1V_1\ln\frac{V_1}{V_2}"), (r"C_P - C_V", r"-(C_V - C_P)"), (r"W + W", r"2W"),
  (r"U_1 + Q - W", r"Q - W + U_1"), (r"F\Delta t", r"\Delta t F"),
  (r"\frac{\Delta p}{\Delta t}", r"\Delta p\,(\Delta t)^{-1}"), (r"\frac{1}{2}CV^2 + \frac{1}{2}CV^2", r"CV^2"),
  (r"(P + \Delta P)V", r"PV + \Delta P\, V"), (r"\frac{2U}{3N}", r"\frac{2}{3}\frac{U}{N}"),
  (r"R(T_2 - T_1)", r"RT_2 - RT_1"), (r"E - E_0", r"-(E_0 - E)"),
]

# slips that hold only for capitals that commute: matrices as likely, so never verified
COMMUTED_SLIPS = [
  (r"Ax + KGx", r"(A + GK)x"), (r"(A - BK)x", r"Ax - KBx"), (r"ABC", r"CBA"), (r"(A + B)^2", r"A^2 + 2AB + B^2"),
  (r"e^{A}e^{B}", r"e^{A+B}"), (r"(A - B)^2", r"A^2 - 2AB + B^2"), (r"(A + B)(A - B)", r"A^2 - B^2"),
  (r"AB", r"BA"), (r"ABx", r"BAx"), (r"A(B + C)", r"BA + CA"), (r"(A + B)C", r"CA + CB"),
  (r"(A + B)^3", r"A^3 + 3A^2B + 3AB^2 + B^3"), (r"ABA", r"A^2B"), (r"A^2B", r"BA^2"), (r"(AB)^2", r"A^2B^2"),
  (r"ABAB", r"A^2B^2"), (r"A(A + B)", r"A^2 + BA"), (r"(A + B)A", r"A^2 + AB"),
  (r"(A - BK)^2", r"A^2 - 2ABK + B^2K^2"), (r"F P F + Q", r"P F^2 + Q"), (r"FPF", r"F^2P"),
  (r"HPH + R", r"PH^2 + R"), (r"KHP", r"PHK"), (r"P - KHP", r"P - PHK"), (r"(A + LC)x", r"Ax + CLx"),
  (r"Ax - LCx", r"(A - CL)x"), (r"A x + B K x", r"(A + KB)x"), (r"\Sigma A", r"A\Sigma"),
  (r"A\Sigma B", r"B\Sigma A"), (r"\Lambda Q", r"Q\Lambda"), (r"Q\Lambda Q", r"Q^2\Lambda"), (r"XYZ", r"ZYX"),
  (r"XY + YX", r"2XY"), (r"(X + Y)^2", r"X^2 + 2XY + Y^2"), (r"e^{A}e^{B}e^{C}", r"e^{A + B + C}"),
  (r"e^{X}e^{Y}", r"e^{X + Y}"), (r"e^{A + B}", r"e^{B}e^{A}"), (r"(AB)^3", r"A^3B^3"),
  (r"A^2 - B^2", r"(A - B)(A + B)"), (r"ABCD", r"DCBA"), (r"ABCD", r"BADC"),
  (r"(A + B)(C + D)", r"CA + AD + BC + BD"), (r"A(BC)", r"(AC)B"), (r"(I + A)B", r"B + BA"),
  (r"G(A + B)", r"AG + BG"), (r"KG\Sigma", r"\Sigma KG"), (r"A x + G K x", r"(A + KG) x"),
  (r"(A - BK)x + Br", r"Ax - KBx + Br"), (r"C A x", r"A C x"), (r"CAB", r"CBA"),
  (r"(A + B)^2 x", r"(A^2 + 2AB + B^2)x"), (r"A^2 + AB + BA + B^2", r"A^2 + 2BA + B^2"),
  (r"(I + A)(I - B)", r"I + A - B - BA"), (r"(A + B)^2 - (A - B)^2", r"4AB"), (r"U\Sigma V", r"\Sigma UV"),
  (r"W H", r"H W"), (r"(A + BK)x", r"Ax + KBx"), (r"\Phi\Sigma\Phi + Q", r"\Phi^2\Sigma + Q"),
  (r"A\Sigma A + Q", r"\Sigma A^2 + Q"), (r"(A - KC)\Sigma", r"A\Sigma - \Sigma KC"),
  (r"(K + L)^2", r"K^2 + 2KL + L^2"), (r"GKx", r"KGx"), (r"ABx + BAx", r"2ABx"), (r"e^{tA}e^{tB}", r"e^{t(A+B)}"),
  (r"(\Sigma + \Lambda)^2", r"\Sigma^2 + 2\Sigma\Lambda + \Lambda^2"), (r"A^3 B", r"B A^3"),
  (r"(I + A)(I + B)", r"I + A + B + BA"),
]

# the same steps written in the matrices' order: verified as before
MATRIX_STEPS = [
  (r"(A + B)^2", r"A^2 + AB + BA + B^2"), (r"Ax + KGx", r"(A + KG)x"), (r"(A - BK)x", r"Ax - BKx"),
  (r"A(B + C)", r"AB + AC"), (r"(A + B)C", r"AC + BC"), (r"ABC", r"A(BC)"),
  (r"(A + B)(A - B)", r"A^2 - AB + BA - B^2"), (r"A^2B", r"AAB"), (r"e^{A}e^{A}", r"e^{2A}"),
  (r"(A - BK)^2", r"A^2 - ABK - BKA + BKBK"), (r"P - KHP", r"(I - KH)P"),
  (r"(A + B)^2 + (A - B)^2", r"2A^2 + 2B^2"),
]


@pytest.mark.parametrize("lhs, rhs", SCALAR_STEPS)
def test_capitals_of_physics_that_keep_their_order_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", COMMUTED_SLIPS)
def test_a_step_that_holds_only_for_commuting_capitals_is_not_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"  # never refuted: the capitals may be numbers
    # (X, Y, Z may be read as the Pauli gates first, which say so in their own words)
    assert verdict.reason == CAPITALS_THAT_COMMUTE or "numbers" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", MATRIX_STEPS)
def test_a_step_that_holds_for_matrices_stays_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"LW", r"WL"), (r"BIL\sin\theta", r"ILB\sin\theta"), (r"(L + W)^2", r"L^2 + 2LW + W^2"),
])
def test_capitals_that_only_commute_are_unverified_however_they_are_named(lhs: str, rhs: str) -> None:
    # without prose an area LW and a product of matrices read the same: left to the prose, not refuted
    assert check_step(lhs, rhs, "=").status.value == "unverified"


def test_units_in_the_chain_make_its_capitals_numbers() -> None:
    body = "\\begin{align*}\nF &= BIL \\\\\n  &= ILB \\\\\n  &= 0.5 \\cdot 2 \\cdot 0.1\\,\\mathrm{N}\n\\end{align*}\n"
    assert _statuses(body)["BIL = ILB"] == "verified"


def test_a_capital_the_chain_divides_by_is_a_number() -> None:
    body = ("\\begin{align*}\nM &= \\frac{gR^2}{G} \\\\\n  &= \\frac{R^2 g}{G}\n\\end{align*}\n\n"
            "\\begin{align*}\ng &= \\frac{GM}{R^2} \\\\\n  &= \\frac{MG}{R^2}\n\\end{align*}\n")
    assert _statuses(body)["\\frac{gR^2}{G} = \\frac{R^2 g}{G}"] == "verified"


def test_capitals_the_prose_gives_numbers_are_numbers() -> None:
    body = ("The plate is $L = 2$ long and $W = 3$ wide.\n\n"
            "\\begin{align*}\nA &= LW \\\\\n  &= WL \\\\\n  &= 6\n\\end{align*}\n")
    assert _statuses(body)["LW = WL"] == "verified"


def test_without_such_evidence_the_chain_leaves_the_swap_undecided() -> None:
    body = "\\begin{align*}\nF &= BIL \\\\\n  &= ILB\n\\end{align*}\n"
    assert _statuses(body)["BIL = ILB"] == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"(AB)^{-1}", r"A^{-1}B^{-1}"), (r"(AB)^T", r"A^T B^T"),
])
def test_capitals_already_marked_as_matrices_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"E[(X + Y)^2]", r"E[X^2] + 2E[XY] + E[Y^2]"), (r"P(A \cap B)", r"P(B \cap A)"), (r"P(A|B)P(B)", r"P(B|A)P(A)"),
    (r"\sum_{k=1}^{K} N", r"KN"), (r"F\Delta t", r"\Delta t F"), (r"MLT^{-2}\cdot LT^{-1}", r"ML^2T^{-3}"),
])
def test_random_variables_events_counts_differences_and_dimensions_are_no_matrices(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_current_beside_a_resistance_is_no_identity_to_reorder() -> None:
    # I reads as the identity in the matrix reading, so I R I = I^2 R holds there too
    assert check_step(r"(IR)I", r"I^2R", "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos(A - C)", r"\cos A\cos C + \sin A\sin C"),
    (r"\sin(A + B)", r"\sin A\cos B + \cos A\sin B"),
    (r"\tan A\tan B\tan C", r"\tan C\tan B\tan A"),
])
def test_capitals_under_a_trigonometric_function_are_angles(lhs: str, rhs: str) -> None:
    # a triangle's angles A, B, C: numbers, not matrices, so the step verifies as written
    assert check_step(lhs, rhs, "=").status.value == "verified"
