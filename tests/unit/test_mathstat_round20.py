"""Mathematical statistics notes: a function defined through a derivative in its own parameter
(the score U(theta) = d/dtheta log f), applied at an argument, and expectations E_theta under the
parameter's measure whose bodies also write that parameter (the bias-variance split of the MSE)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _verdicts(body: str) -> list[tuple[str, str]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [(s.verdict.status.value, s.verdict.reason) for s in result.steps]


PROSE = (r"Let $V(\lambda) = \frac{d}{d\lambda}\lambda^3$, $W(s) = \int_0^s e^{-s}\,ds$"
         r" and $R(u) = \frac{\partial}{\partial u}\log(1 + u^2)$." "\n")


@pytest.mark.parametrize("lhs, rhs, status", [
    # the derivative is taken in the parameter, then evaluated at the argument
    (r"V(3)", r"27", "verified"),
    (r"V(a + 1)", r"3(a + 1)^2", "verified"),
    (r"R(2)", r"\frac{4}{5}", "verified"),
    (r"R(a + 1)", r"\frac{2(a + 1)}{1 + (a + 1)^2}", "verified"),
    # an integral's variable is renamed or shadowed, never replaced by the argument
    (r"W(2)", r"1 - e^{-2}", "verified"),
])
def test_function_defined_through_its_own_variable(lhs: str, rhs: str, status: str) -> None:
    verdicts = _verdicts(PROSE + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}")
    assert verdicts[-1][0] == status, verdicts
    assert "internal error" not in verdicts[-1][1]


@pytest.mark.parametrize("lhs, rhs", [
    (r"V(3)", r"9"),
    (r"V(a + 1)", r"3a^2 + 1"),
])
def test_wrong_values_of_such_functions_are_never_internal_errors(lhs: str, rhs: str) -> None:
    status, reason = _verdicts(PROSE + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}")[-1]
    assert status != "verified" and "internal error" not in reason


def test_score_squared_against_the_second_derivative_is_read() -> None:
    body = (r"The score is $S(\beta) = \frac{\partial}{\partial\beta}\log g(Y; \beta)$." "\n"
            r"\begin{align*}" "\n"
            r"\mathbb{E}\left[S(\beta)^2\right] &= -\mathbb{E}\left[\frac{\partial^2}{\partial\beta^2}\log g(Y;\beta)\right]" "\n"
            r"\end{align*}")
    status, reason = _verdicts(body)[-1]
    assert status == "unverified" and "internal error" not in reason, reason


def test_index_definition_of_a_derivative_is_still_renamed() -> None:
    body = (r"We write $D_u = \frac{dQ}{du}$ for the derivative in $u$." "\n"
            r"\begin{align*}" "\n" r"\frac{dQ}{dw} \cdot \frac{dw}{du} &= D_w \cdot \frac{dw}{du}" "\n" r"\end{align*}")
    assert _verdicts(body)[-1][0] == "verified"


E = r"\mathbb{E}"
VAR = r"\operatorname{Var}"


@pytest.mark.parametrize("lhs, rhs, status", [
    # the MSE split: theta is the parameter of P_theta, fixed, also where the body writes it
    (rf"{E}_\theta[(T - \theta)^2]", rf"{VAR}_\theta(T) + ({E}_\theta[T] - \theta)^2", Status.VERIFIED),
    (rf"{E}_\theta[(T - \theta)^2]", rf"{E}_\theta[T^2] - 2\theta {E}_\theta[T] + \theta^2", Status.VERIFIED),
    (rf"{E}_\theta[T] - \theta", rf"{E}_\theta[T - \theta]", Status.VERIFIED),
    (rf"{E}_\mu[3Y - \mu]", rf"3{E}_\mu[Y] - \mu", Status.VERIFIED),
    # and its slips are decided in that reading
    (rf"{E}_\theta[(T - \theta)^2]", rf"{VAR}_\theta(T) + ({E}_\theta[T] + \theta)^2", Status.REFUTED),
    (rf"{E}_\mu[3Y - \mu]", rf"3{E}_\mu[Y] - 3\mu", Status.REFUTED),
    # a subscript the E runs over (written in its body only) stays a bound variable
    (rf"{E}_x[f(x)^2]", rf"{E}_x[f(x)]^2", Status.UNVERIFIED),
])
def test_expectation_under_the_parameter(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status
