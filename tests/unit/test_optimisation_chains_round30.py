"""Optimisation and numerical-analysis chains without prose: a dual function or a conjugate through an
optimisation over a quadratic with parameters (\\inf_x (x^2 + \\nu x) = -\\nu^2/4), a name a bracket beside
the row defines (\\qquad (\\kappa = L/\\mu)), and a conjugate f^*(y) = \\sup_x (...) that is no value of the
f defined beside it."""
from __future__ import annotations

import pytest
import sympy as sp

from lintmath import optima
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents

PREAMBLE = "\\DeclareMathOperator*{\\argmin}{arg\\,min}\n\\newcommand{\\R}{\\mathbb{R}}\n"


def _statuses(body: str) -> dict[str, str]:
    doc = "\\documentclass{article}\n" + PREAMBLE + "\\begin{document}\n" + body + "\n\\end{document}\n"
    steps = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0].steps
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in steps}


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=", macros=None).status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\inf_x \left( x^2 + \nu x \right)", r"-\frac{\nu^2}{4}"),
    (r"\inf_x \left( x^2 + \lambda(1 - x) \right)", r"\lambda - \frac{\lambda^2}{4}"),
    (r"\sup_x \left( yx - \frac{1}{2} x^2 \right)", r"\frac{1}{2} y^2"),
    (r"\inf_x \left( x^2 + \nu(2x - 3) \right)", r"-\nu^2 - 3\nu"),
    (r"\inf_{x, y} \left( x^2 + y^2 + \lambda(1 - x - y) \right)", r"\lambda - \frac{\lambda^2}{2}"),
    (r"\inf_{x \in \mathbb{R}} \left( x^2 + \nu x \right)", r"-\frac{\nu^2}{4}"),
    (r"\min_x (x - 3)^2 + 1", "1"),
])
def test_a_quadratic_optimised_over_the_line_is_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_an_arg_min_of_a_quadratic_with_parameters_is_its_stationary_point() -> None:
    statuses = _statuses("\\begin{align*}\n\\argmin_x \\left(\\frac{1}{2}(x - v)^2 + \\lambda x\\right) &= v - \\lambda\n"
                         "\\end{align*}\n\\begin{align*}\n\\argmin_x \\left(\\frac{1}{2}(x - v)^2 + \\lambda x\\right) "
                         "&= v + \\lambda\n\\end{align*}\n")
    assert list(statuses.values()) == ["verified", "unverified"]


@pytest.mark.parametrize("lhs, rhs", [
    # a slip over a domain not written: the variable may count, or run through a set the prose gives
    (r"\inf_x \left( x^2 + \nu x \right)", r"-\frac{\nu^2}{2}"),
    (r"\sup_x \left( yx - \frac{1}{2} x^2 \right)", r"y^2"),
    (r"\inf_{x, y} \left( x^2 + y^2 + \lambda(1 - x - y) \right)", r"\lambda - \frac{\lambda^2}{4}"),
    # a square's coefficient with a letter may have either sign; a concave one has no infimum
    (r"\inf_x \left( a x^2 + \nu x \right)", r"-\frac{\nu^2}{4a}"),
    (r"\sup_x \left( x^2 + \nu x \right)", r"-\frac{\nu^2}{4}"),
    (r"\inf_{x, y} \left( x^2 - y^2 + \lambda(1 - x - y) \right)", r"\lambda"),
    # a letter that counts may run through the integers
    (r"\min_n (n - 1.5)^2", "0"),
])
def test_an_optimisation_not_read_over_the_line_is_never_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\inf_{x \in \mathbb{R}} \left( x^2 + \nu x \right)", r"-\frac{\nu^2}{2}"),
    (r"\inf_{x \in \mathbb{R}} \left( x^2 + \nu(2x - 3) \right)", r"-\nu^2 + 3\nu"),
])
def test_a_slip_over_the_written_real_line_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_the_stationary_value_needs_a_definite_hessian_of_numbers() -> None:
    x, y, a, nu = sp.symbols("x y a nu")
    assert optima.stationary("inf", x ** 2 + nu * x, [x]) == -nu ** 2 / 4
    assert optima.stationary("argmin", x ** 2 + nu * x, [x]) == -nu / 2
    assert optima.stationary("sup", x ** 2 + nu * x, [x]) is None
    assert optima.stationary("inf", a * x ** 2 + nu * x, [x]) is None
    assert optima.stationary("inf", x ** 3 + nu * x, [x]) is None
    assert optima.stationary("inf", x ** 2 - y ** 2 + nu * x, [x, y]) is None
    assert optima.stationary("argmin", x ** 2 + y ** 2, [x, y]) is None


@pytest.mark.parametrize("aside", [
    r"\qquad (\kappa = L/\mu)",
    r"\qquad \left(\kappa := \frac{L}{\mu}\right)",
    r"\quad (\text{where } \kappa = L/\mu)",
    r"&& (\kappa = L/\mu)",
])
def test_a_name_a_bracket_beside_the_row_defines_verifies_it(aside: str) -> None:
    body = f"\\begin{{align*}}\n\\frac{{L - \\mu}}{{L + \\mu}} &= \\frac{{\\kappa - 1}}{{\\kappa + 1}} {aside}\n\\end{{align*}}\n"
    assert list(_statuses(body).values()) == ["verified"]


@pytest.mark.parametrize("aside", [
    r"\qquad (\kappa = L\mu)",  # another value: not verified (nor refuted: the bracket may be a case taken)
    r"\qquad (x > 0)",  # a condition defines nothing
    r"\qquad (\kappa = L/\mu,\ \mu > 0)",
])
def test_a_bracket_that_gives_no_such_value_verifies_nothing(aside: str) -> None:
    body = f"\\begin{{align*}}\n\\frac{{L - \\mu}}{{L + \\mu}} &= \\frac{{\\kappa - 1}}{{\\kappa + 1}} {aside}\n\\end{{align*}}\n"
    assert list(_statuses(body).values()) == ["unverified"]


def test_a_slip_beside_a_bracketed_definition_is_not_verified() -> None:
    body = "\\begin{align*}\n\\frac{L - \\mu}{L + \\mu} &= \\frac{\\kappa + 1}{\\kappa - 1} \\qquad (\\kappa = L/\\mu)\n\\end{align*}\n"
    assert list(_statuses(body).values()) == ["unverified"]


def test_a_conjugate_is_no_value_of_the_function_defined_again_after_it() -> None:
    # f^*(y) = \sup_x (yx - e^x) holds x in its \sup: no constant of f, so f(x) = x - \log x below it
    # defines f anew rather than claiming a value of the f above it
    body = ("\\begin{align*}\nf(x) &= x^2 + 1\n\\end{align*}\n"
            "\\begin{align*}\nf^*(y) &= \\sup_x (yx - e^x) \\\\\n&= y\\log y - y\n\\end{align*}\n"
            "\\begin{align*}\nf(x) &= x - \\log x\n\\end{align*}\n"
            "\\begin{align*}\nf'(x) &= 1 - \\frac{1}{x}\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["f(x) = x - \\log x"] == "skipped"
    assert statuses["f'(x) = 1 - \\frac{1}{x}"] == "verified"


def test_a_slip_in_a_derivative_below_a_conjugate_is_still_refuted() -> None:
    body = ("\\begin{align*}\nf^*(y) &= \\sup_x (yx - e^x)\n\\end{align*}\n"
            "\\begin{align*}\nf(x) &= x - \\log x\n\\end{align*}\n"
            "\\begin{align*}\nf'(x) &= 1 + \\frac{1}{x}\n\\end{align*}\n")
    assert _statuses(body)["f'(x) = 1 + \\frac{1}{x}"] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # what already worked: gradients, Newton steps, finite differences, Simpson's rule with numbers
    (r"\frac{(x+h)^3 - (x-h)^3}{2h}", r"3x^2 + h^2"),
    (r"x_k - \frac{x_k^2 - 2}{2x_k}", r"\frac{x_k}{2} + \frac{1}{x_k}"),
    (r"\frac{1}{6}\left(0 + \frac{4}{8} + 1\right)", r"\frac{1}{4}"),
    (r"\frac{d}{dx} \log(1 + e^{x})", r"\frac{1}{1 + e^{-x}}"),
    (r"\frac{f(x+h) - f(x-h)}{2h}", r"f'(x) + \frac{h^2}{6}f'''(x) + O(h^4)"),
])
def test_numerical_chains_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{(x+h)^3 - (x-h)^3}{2h}", r"\frac{6x^2h + h^3}{2h}"),
    (r"x_k - \frac{x_k^2 - 2}{2x_k}", r"\frac{x_k^2 - 2}{2x_k}"),
    (r"\left(\frac{17}{12}\right)^2", r"\frac{289}{124}"),
    (r"\frac{d}{dx} \log(1 + e^{x})", r"\frac{1}{1 + e^{x}}"),
    (r"\frac{d}{dx}\left(\frac{1}{2}ax^2 + bx\right)", r"2ax + b"),
    (r"\frac{1}{2}(x-v)^2 + \lambda x", r"\frac{1}{2}(x - (v - \lambda))^2 + \lambda v + \frac{\lambda^2}{2}"),
])
def test_numerical_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\nabla\left(\frac{1}{2}\|Ax - b\|_2^2\right)", r"A^T(Ax - b)"),
    (r"\nabla \left(\lambda \|x\|_2^2\right)", r"2\lambda x"),
    (r"\nabla (x^Tx)", r"2x"),
    (r"\nabla (x^T A x + q^T x)", r"(A + A^T)x + q"),
    (r"\nabla^2 \left( \frac{1}{2}x^TAx \right)", r"\frac{1}{2}(A + A^T)"),
])
def test_a_bare_nabla_is_the_gradient_by_the_one_variable_written(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\nabla\left(\frac{1}{2}\|Ax - b\|_2^2\right)", r"A(Ax - b)"),  # (the transpose lost)
    (r"\nabla \left(\lambda \|x\|_2^2\right)", r"\lambda x"),
    (r"\nabla (x^T A x + q^T x)", r"2Ax + q"),  # holds only for a symmetric A
    (r"\nabla (w^Tw + x^Tx)", r"2w"),  # two variables written: neither is the gradient's
    # a scalar x is a coordinate of a field: the derivative by x alone is one component of its del
    (r"\nabla (x^2 + y^2)", r"2x"),
    (r"\nabla (x^2 y)", r"2xy"),
    (r"\nabla (e^{x})", r"e^x"),
])
def test_a_bare_nabla_that_does_not_hold_by_the_variable_is_not_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "verified"


def test_a_gradient_beside_a_bare_nabla_of_an_undefined_function_is_not_decided() -> None:
    # (the reading of a letter as the length of its vector once rewrote a gradient's variable, and crashed)
    assert _status(r"\nabla \hat{R}_n(w)", r"\frac{1}{n}\sum_{i=1}^n \nabla_w \ell(w^T x_i, y_i)") == "unverified"
