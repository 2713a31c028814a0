"""Vector calculus and continuum notes (round 17): Einstein sums through a derivative's variable, and the
physics package's names of the dot and cross products."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.extract.latex import extract_latex
from lintmath.parse.tokens import macro_table


def _status(lhs: str, rhs: str, macros=None) -> str:
    return check_step(lhs, rhs, "=", macros=macros).status.value


@pytest.mark.parametrize("lhs, rhs, status", [
    # \partial/\partial x_j pairs with the j of its operand: summed under Einstein's convention, which
    # the summed derivative gives away (round 20: decided with the sums over 1..3 written out)
    (r"\frac{\partial}{\partial x_k}(x_m x_k)", "4x_m", "verified"),
    (r"\frac{\partial y_a}{\partial y_a}", "3", "verified"),
    # k three times: no reading of the convention
    (r"\frac{\partial (u_k u_k)}{\partial u_k}", "6", "unverified"),
])
def test_summed_derivative_index_is_no_false_alarm(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # the index letter also on the other side: one variable, read as before
    (r"\frac{\partial}{\partial x_k}(x_k^3)", "3x_k^2", "verified"),
    (r"\frac{\partial}{\partial x_k}(x_k^3)", "3x_k", "refuted"),
    (r"\frac{\partial}{\partial w_k}(w_k y_k + c)", "y_k", "verified"),
    (r"\frac{\partial}{\partial w_k}(w_k y_k + c)", "2y_k", "refuted"),
    # numbered variables and integrals are unchanged
    (r"\frac{\partial}{\partial x_2}(x_1 x_2^2)", "2x_1 x_2", "verified"),
    (r"\frac{\partial}{\partial x_2}(x_1 x_2^2)", "x_1 x_2", "refuted"),
    (r"\int_0^2 t_k\,dt_k", "2", "verified"),
    (r"\int_0^2 t_k\,dt_k", "4", "refuted"),
])
def test_single_variable_derivatives_unchanged(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


def _physics() -> dict:
    doc = "\\usepackage{physics}\n\\begin{align*} a &= b \\end{align*}"
    return macro_table(extract_latex(doc, "p.tex").macros)


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\div(g\vb{G})", r"g\div\vb{G} + \vb{G}\vdot\grad g", "verified"),
    (r"\div(g\vb{G})", r"g\div\vb{G} - \vb{G}\vdot\grad g", "refuted"),
    (r"\vb{a}\cross\vb{b}", r"-\vb{b}\cross\vb{a}", "verified"),
    (r"\vb{a}\crossproduct\vb{b}", r"\vb{b}\cross\vb{a}", "refuted"),
    (r"\vb{a}\vdot(\vb{a}\cross\vb{b})", "0", "verified"),
    (r"\divergence(\curl\vb{A})", "0", "verified"),
])
def test_physics_products_with_the_package(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs, _physics()) == status


def test_physics_product_names_need_the_package() -> None:
    # without \usepackage{physics} \vdot and \cross are no known command: unread, never refuted
    assert _status(r"\vb{a}\cross\vb{b}", r"\vb{b}\cross\vb{a}") == "unverified"
