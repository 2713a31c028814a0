"""Differential equations and vector calculus as course repositories hold them, without prose: the
vector-calculus operators by name (``\\operatorname{div}``, a ``\\DeclareMathOperator{\\curl}{curl}``) on a
field written as a list of components, read as the ``\\nabla`` forms; an inverse Laplace transform equated
to a function written out, decided as the forward transform it states (verify-only); and the chains of
integrating factors, characteristic equations, Wronskians, partial fractions and Jacobians that already
work, with their slips."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Macro, Status
from lintmath.transforms import inverse_as_forward

DIV = {"\\dv": Macro("\\dv", 0, "div", None, True)}
CURL = {"\\curl": Macro("\\curl", 0, "curl", None, True)}
LAP = {"\\Lap": Macro("\\Lap", 0, "\\mathcal{L}")}


@pytest.mark.parametrize("lhs, rhs, macros", [
    (r"\dv(x^2 y, -xy^2, z)", r"2xy - 2xy + 1", DIV),
    (r"\operatorname{div}(x, y, z)", r"3", {}),
    (r"\mathrm{div}\,(xy, yz, zx)", r"y + z + x", {}),
    (r"\curl(y, -x, 0)", r"(0, 0, -2)", CURL),
    (r"\operatorname{curl}(yz, xz, xy)", r"(0, 0, 0)", {}),
    (r"\operatorname{rot}(-y, x, 0)", r"(0, 0, 2)", {}),
    (r"\operatorname{grad}(x^2 + y^2)", r"(2x, 2y)", {}),
    (r"\operatorname{div}\mathbf{F}", r"\nabla\cdot\mathbf{F}", {}),
])
def test_named_field_operators_read_as_nabla_forms(lhs: str, rhs: str, macros: dict) -> None:
    verdict = check_step(lhs, rhs, "=", macros=macros)
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs, macros", [
    (r"\dv(x^2 y, -xy^2, z)", r"2xy + 1", DIV),
    (r"\operatorname{div}(x, y, z)", r"1", {}),
    (r"\curl(y, -x, 0)", r"(0, 0, 2)", CURL),
    (r"\operatorname{grad}(x^2 + y^2)", r"(2x, y)", {}),
])
def test_slips_under_named_field_operators_are_refuted(lhs: str, rhs: str, macros: dict) -> None:
    assert check_step(lhs, rhs, "=", macros=macros).status is Status.REFUTED


def test_div_as_a_word_between_numbers_is_no_claim() -> None:
    # integer division spelled div: a divergence of a number is not read, so nothing is refuted
    assert check_step(r"7 \operatorname{div} 2", "3", "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs, macros", [
    (r"\Lap^{-1}\left\{\frac{1}{s-4}\right\}", r"e^{4t}", LAP),
    (r"\mathcal{L}^{-1}\left\{\frac{3}{s^2+9}\right\}", r"\sin 3t", {}),
    (r"\mathcal{L}^{-1}\{\frac{1}{(s+1)(s+2)}\}", r"e^{-t} - e^{-2t}", {}),
    (r"\mathcal{L}^{-1}\left\{\frac{2}{s^3}\right\}(t)", r"t^2", {}),
    (r"\cos 2t", r"\mathcal{L}^{-1}\left\{\frac{s}{s^2+4}\right\}", {}),
])
def test_inverse_transforms_of_written_functions_verify(lhs: str, rhs: str, macros: dict) -> None:
    verdict = check_step(lhs, rhs, "=", macros=macros)
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathcal{L}^{-1}\left\{\frac{1}{s-4}\right\}", r"e^{-4t}"),
    (r"\mathcal{L}^{-1}\left\{\frac{3}{s^2+9}\right\}", r"3\sin 3t"),
    (r"\mathcal{L}^{-1}\{\frac{1}{(s+1)(s+2)}\}", r"e^{-t} + e^{-2t}"),
    # two transforms on one side: linearity, not one transform read forward
    (r"\mathcal{L}^{-1}\{\frac{1}{s}\} + \mathcal{L}^{-1}\{\frac{1}{s^2}\}", r"1 + 2t"),
])
def test_inverse_transform_slips_are_never_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathcal{L}^{-1}\{A\} + \mathcal{L}^{-1}\{B\}", r"f(t)"),
    (r"\mathcal{L}^{-1}\{A\}", r"\mathcal{L}^{-1}\{B\}"),
    (r"\mathcal{L}\{f\}", r"F(s)"),
])
def test_only_one_inverse_transform_alone_on_its_side_is_read_forward(lhs: str, rhs: str) -> None:
    assert inverse_as_forward(lhs, rhs) is None


@pytest.mark.parametrize("lhs, rhs", [
    (r"r^2 + 3r + 2", r"(r+1)(r+2)"),
    (r"\frac{d}{dt}\left(e^{2t}y\right)", r"e^{2t}(y' + 2y)"),
    (r"e^{t}\cdot 2e^{2t} - e^{t}\cdot e^{2t}", r"e^{3t}"),
    (r"\frac{s+3}{(s+1)(s+2)}", r"\frac{2}{s+1} - \frac{1}{s+2}"),
    (r"\mathcal{L}\{e^{3t}\cos 2t\}", r"\frac{s-3}{(s-3)^2+4}"),
    (r"\det\begin{pmatrix}\cos\theta & -r\sin\theta\\ \sin\theta & r\cos\theta\end{pmatrix}", "r"),
    (r"(\cos u, \sin u, 0)\times(0,0,1)", r"(\sin u, -\cos u, 0)"),
    (r"\int_0^{2\pi}\int_0^\pi \int_0^R \rho^2\sin\phi \,d\rho\,d\phi\,d\theta", r"\frac{4}{3}\pi R^3"),
])
def test_course_steps_that_hold_verify(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs, rule", [
    (r"\frac{d}{dt}\left(A\cos 2t + B\sin 2t\right)", r"2A\sin 2t + 2B\cos 2t", "sign"),
    (r"\frac{s+3}{(s+1)(s+2)}", r"\frac{2}{s+1} + \frac{1}{s+2}", "sign"),
    (r"\frac{d}{dx}\ln(1 + x^2)", r"\frac{x}{1+x^2}", "constant_factor"),
    (r"\mathcal{L}\{e^{-2t}\}", r"\frac{1}{s-2}", ""),
    (r"\det\begin{pmatrix} 1-\lambda & 2 \\ 2 & 1-\lambda\end{pmatrix}", r"(1-\lambda)^2 + 4", ""),
    (r"\int_0^{2\pi}\!\!\int_0^1 r\,dr\,d\theta", r"2\pi", ""),
    (r"1.2 + 0.2\,(1.2 + 0.2)", "1.44", "arithmetic"),
])
def test_course_slips_are_refuted(lhs: str, rhs: str, rule: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    if rule:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind.startswith(rule), verdict.diagnosis


def test_a_named_divergence_in_an_aligned_chain() -> None:
    body = ("\\begin{align*}\n\\operatorname{div}(x^2, y^2, z^2) &= 2x + 2y + 2z \\\\\n"
            "&= 2(x + y + z).\n\\end{align*}\n")
    assert [s.verdict.status.value for s in checked_steps(body)] == ["verified", "verified"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"W(e^{t}, e^{2t})", r"e^{t}\cdot 2e^{2t} - e^{t}\cdot e^{2t}"),
    (r"W(\cos t, \sin t)", r"\cos t \cos t - (-\sin t)\sin t"),
    (r"W\left(\cos 2x, \sin 2x\right)", "2"),
    (r"W[1, x, x^2](x)", "2"),
    (r"W(t, t^2)", "t^2"),
])
def test_wronskians_of_written_functions_verify(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"W(e^{t}, e^{3t})", r"3e^{4t}"),
    (r"W(\cos t, \sin t)", "-1"),
    (r"W[1, x, x^2](x)", "3"),
    (r"W(y_1, y_2)(t)", "1"),  # names of functions: their definitions are elsewhere
    (r"W(a, b)", "a b"),  # letters, no variable: work or a weight, not a Wronskian
])
def test_wronskian_slips_and_other_ws_are_never_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


def test_a_w_the_document_defines_is_not_read_as_a_wronskian() -> None:
    body = ("Let $W(u, v) = u + v$.\n\\begin{align*}\nW(t, t^2) &= t^2\n\\end{align*}\n")
    assert checked_steps(body)[-1].verdict.status.value != "verified"
