"""Functions of a square matrix (round 18): e^{A}, \\exp(tA), \\cos A, \\sin A and \\sqrt{A} evaluated
numerically on the instance's matrices. Identities verify; slips are refuted; a step that holds only
for commuting matrices (e^{A}e^{B} = e^{A+B}), a square root that fails (many-valued, real only for some
matrices), exp of a vector and the unread log stay unverified."""
from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from lintmath import linalg, matfunc
from lintmath.check import check_step
from lintmath.evaluate import fast_value, quick_value

A, B, P, D, I = (rf"\mathbf{{{x}}}" for x in "ABPDI")


@pytest.mark.parametrize("lhs, rhs", [
    (rf"e^{{{A}}}e^{{-{A}}}", I),
    (rf"\exp({A})\exp(-{A})", I),
    (rf"\det(e^{{{A}}})", rf"e^{{\operatorname{{tr}}{A}}}"),
    (rf"(e^{{{A}}})^T", rf"e^{{{A}^T}}"),
    (rf"(e^{{{A}}})^{{-1}}", rf"e^{{-{A}}}"),
    (rf"\frac{{d}}{{dt}}e^{{t{A}}}", rf"{A}e^{{t{A}}}"),
    (rf"\frac{{d^2}}{{dt^2}}e^{{t{A}}}", rf"{A}^2e^{{t{A}}}"),
    (rf"e^{{t{A}}}e^{{s{A}}}", rf"e^{{(t+s){A}}}"),
    (rf"e^{{{P}{D}{P}^{{-1}}}}", rf"{P}e^{{{D}}}{P}^{{-1}}"),
    (rf"\cos^2({A}) + \sin^2({A})", I),
    (rf"e^{{\mathrm{{i}}{A}}}", rf"\cos{A} + \mathrm{{i}}\sin{A}"),
    (rf"\sqrt{{{A}^T{A}}}\sqrt{{{A}^T{A}}}", rf"{A}^T{A}"),
    (rf"({A}^T{A})^{{1/2}}({A}^T{A})^{{1/2}}", rf"{A}^T{A}"),
    (r"e^{\begin{pmatrix}0 & t\\ -t & 0\end{pmatrix}}", r"\begin{pmatrix}\cos t & \sin t\\ -\sin t & \cos t\end{pmatrix}"),
    (r"e^{\begin{pmatrix}1 & 0\\ 0 & 2\end{pmatrix}}", r"\begin{pmatrix}e & 0\\ 0 & e^2\end{pmatrix}"),
])
def test_identities_of_matrix_functions_verify(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "verified", (verdict.status, verdict.reason)


@pytest.mark.parametrize("lhs, rhs, kind", [
    (rf"e^{{{A}}}e^{{-{A}}}", rf"-{I}", "sign_flip"),
    (rf"\det(e^{{{A}}})", rf"e^{{2\operatorname{{tr}}{A}}}", "constant_factor"),
    (rf"\frac{{d}}{{dt}}e^{{t{A}}}", rf"e^{{t{A}}}", None),
    # wrong for commuting matrices too
    (rf"e^{{{A}}}e^{{{B}}}", rf"e^{{{A}-{B}}}", None),
    # P and P^{-1} exchanged: no sum of matrices in an exponential, no commuting to excuse it
    (rf"e^{{{P}{D}{P}^{{-1}}}}", rf"{P}^{{-1}}e^{{{D}}}{P}", None),
    (r"e^{\begin{pmatrix}0 & t\\ -t & 0\end{pmatrix}}", r"\begin{pmatrix}\cos t & -\sin t\\ \sin t & \cos t\end{pmatrix}", None),
])
def test_slips_with_matrix_functions_are_refuted(lhs: str, rhs: str, kind: str | None) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted", (verdict.status, verdict.reason)
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs, reason", [
    # true when A and B commute, as the prose may say: never an error, never verified
    (rf"e^{{{A}}}e^{{{B}}}", rf"e^{{{A}+{B}}}", "commute"),
    (rf"\exp({A}+{B})", rf"\exp({B})\exp({A})", "commute"),
    (rf"e^{{{A}+{B}}}", rf"e^{{{A}}}e^{{{B}}}", "commute"),
    # a square root: which one, of which matrices, is the prose's
    (rf"\sqrt{{{A}}}\sqrt{{{A}}}", rf"2{A}", ""),
    (rf"\sqrt{{{A}{B}}}", rf"\sqrt{{{A}}}\sqrt{{{B}}}", ""),
    # exp of a vector, the log of a matrix, another base: unread
    (r"\exp(\mathbf{x})", r"\mathbf{x}", "vector"),
    (rf"\log(e^{{{A}}})", A, "log of a matrix"),
    (rf"2^{{{A}}}", rf"2{A}", "power of a matrix"),
    # (the quadratic form (x-\mu)^T\Sigma^{-1}(x-\mu) of plain letters is read as one of vectors since
    # round 24, a number in the exponent: see test_generative_models_round24.py)
])
def test_matrix_functions_not_decided_stay_unverified(lhs: str, rhs: str, reason: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified", (verdict.status, verdict.reason)
    assert reason in verdict.reason


def _entries(matrix: sp.Matrix) -> tuple:
    return tuple(mpmath.mpf(int(v.p)) / int(v.q) for v in matrix)


MATRIX = sp.Matrix([[sp.Rational(1, 2), -2, 3], [sp.Rational(-7, 4), 1, sp.Rational(5, 3)], [2, sp.Rational(-1, 3), -1]])


@pytest.mark.parametrize("kind, reference", [
    (matfunc.EXP, mpmath.expm), (matfunc.COS, mpmath.cosm), (matfunc.SIN, mpmath.sinm),
])
def test_fixed_point_and_double_values_match_mpmath(kind: int, reference) -> None:
    with mpmath.workdps(60):
        expected = reference(mpmath.matrix(MATRIX.tolist()))
        for k in range(9):
            value = matfunc.entry_value(kind, 3, _entries(MATRIX), k // 3, k % 3)
            assert abs(value - expected[k // 3, k % 3]) < mpmath.mpf(10) ** -50
            double = matfunc.float_entry(kind, 3, tuple(float(v) for v in MATRIX), k // 3, k % 3)
            assert abs(double - float(expected[k // 3, k % 3])) < 1e-12 * max(1.0, abs(double))


def test_entries_with_a_variable_evaluate_at_points_and_differentiate() -> None:
    t = sp.Symbol("t")
    exponential = matfunc.apply("exp", linalg.MatrixT(MATRIX * t))
    slope = exponential.diff(t)
    point = {t: sp.Rational(3, 10)}
    with mpmath.workdps(40):
        at = mpmath.expm(mpmath.matrix(MATRIX.tolist()) * mpmath.mpf(3) / 10)
        derivative = mpmath.matrix(MATRIX.tolist()) * at
        for k in range(9):
            i, j = divmod(k, 3)
            assert abs(mpmath.mpf(fast_value(exponential[i, j], point, 30)._mpf_) - at[i, j]) < 1e-25
            assert abs(quick_value(slope[i, j], point) - float(derivative[i, j])) < 1e-10
            exact = slope[i, j].xreplace(point).evalf(30)  # the exact path (SymPy's evalf)
            assert abs(mpmath.mpf(exact._mpf_) - derivative[i, j]) < 1e-25


def test_a_vector_or_a_matrix_that_is_not_square_has_no_exponential() -> None:
    with pytest.raises(linalg.ShapeProblem):
        matfunc.apply("exp", linalg.MatrixT([[1], [2], [3]]))
    with pytest.raises(linalg.ShapeProblem):
        matfunc.apply("cos", linalg.MatrixT([[1, 2, 3], [4, 5, 6]]))
    assert matfunc.apply("exp", sp.Integer(2)) is None


def test_exponential_beyond_a_comparison_has_no_value() -> None:
    huge = tuple(mpmath.mpf(600) for _ in range(9))
    with pytest.raises(ValueError):
        matfunc.entry_value(matfunc.EXP, 3, huge, 0, 0)
