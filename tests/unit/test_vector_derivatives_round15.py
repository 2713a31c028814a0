"""\\frac{\\partial f}{\\partial \\mathbf{w}} of a number f by a vector w is the gradient (denominator
layout), as \\nabla_w f is: correct steps verify or stay unverified (the numerator layout's row vector,
a Jacobian, a symmetric matrix the prose assumes: any matrix of a quadratic form x^T B x may be one),
slips are refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial \mathbf{v}} \mathbf{v}^\top B \mathbf{v}", r"(B + B^\top)\mathbf{v}"),
    (r"\frac{\partial \mathbf{c}^\top\mathbf{v}}{\partial \mathbf{v}}", r"\mathbf{c}"),
    (r"\frac{\partial}{\partial \boldsymbol\beta} \frac12\|\mathbf{t} - \Phi\boldsymbol\beta\|^2",
     r"-\Phi^\top(\mathbf{t} - \Phi\boldsymbol\beta)"),
    (r"\frac{\partial}{\partial u} (s - u^Tz)^2", r"-2(s - u^Tz)z"),
    (r"\frac{d}{d\mathbf{z}} \log(1 + e^{\mathbf{a}^T\mathbf{z}})",
     r"\frac{e^{\mathbf{a}^T\mathbf{z}}}{1 + e^{\mathbf{a}^T\mathbf{z}}}\mathbf{a}"),
])
def test_a_gradient_written_as_a_partial_derivative_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial \mathbf{c}^\top\mathbf{v}}{\partial \mathbf{v}}", r"\mathbf{c}^\top"),   # numerator layout
    (r"\frac{\partial}{\partial \mathbf{v}} \mathbf{v}^\top B \mathbf{v}", r"2B\mathbf{v}"),  # B symmetric
    (r"\nabla_{\mathbf{v}} \mathbf{v}^\top W \mathbf{v}", r"2W\mathbf{v}"),  # any matrix of a quadratic form
    (r"\nabla_{u} u^T L u", r"2Lu"),
    (r"\frac{\partial B\mathbf{v}}{\partial \mathbf{v}}", r"B"),                              # a Jacobian
])
def test_layouts_and_assumptions_stay_unverified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"\frac{\partial}{\partial \mathbf{v}} \mathbf{v}^\top B \mathbf{v}", r"(B - B^\top)\mathbf{v}", "sign_flip"),
    (r"\frac{\partial}{\partial u}\left(\gamma u^Tu\right)", r"\gamma u", "constant_factor"),
])
def test_a_slip_in_a_gradient_is_refuted(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{\partial^2}{\partial \mathbf{v}^2} \mathbf{v}^\top B \mathbf{v}", r"B + B^\top", V),  # the Hessian
    (r"\frac{\partial^2}{\partial \mathbf{v}^2} \tfrac12\|Z\mathbf{v} - t\|^2", r"Z^\top Z", V),
    (r"\frac{\partial^2}{\partial u^2} \log(1 + e^{u^Tz})", r"\sigma(u^Tz)(1-\sigma(u^Tz))zz^T", V),
    (r"\frac{\partial^2}{\partial u^2} \log(1 + e^{u^Tz})", r"\sigma(u^Tz)(1+\sigma(u^Tz))zz^T", R),
    (r"\frac{\partial^2}{\partial \mathbf{v}^2} \mathbf{v}^\top B \mathbf{v}", r"2B", U),  # B symmetric
])
def test_a_second_derivative_by_a_vector_is_the_hessian(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
