"""Round 21: gradients and derivatives at a point (\\nabla f(x_t), \\nabla_\\theta L(\\theta_t), f'(x_0)(x - x_0)),
definitions with bold parameters, and the bare expectation and variance (\\mathbb{E} X^2, \\mathbb{E} XY,
\\operatorname{Var} X)."""
import pytest

from lintmath.check import Status, check_step
from lintmath.context import ContextItem
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def _prose(lhs: str, rhs: str) -> tuple[ContextItem, ...]:
    """``Let $lhs = rhs$.`` in the prose above the step."""
    name = lhs.split("(")[0]
    return (ContextItem("result", name, lhs, "=", rhs, "t.tex:1", 1, prose=True, declared=True),)


@pytest.mark.parametrize("lhs, rhs, status", [
    # an undefined f at an iterate, scalar and vector
    (r"\nabla f(x_t)", r"\nabla f(x_t)", V),
    (r"x - \eta \nabla f(x_t) - y", r"-\eta\nabla f(x_t) + x - y", V),
    (r"x - \eta \nabla f(x_t) - y", r"\eta\nabla f(x_t) + x - y", R),
    (r"\mathbf{x}_t - \eta \nabla f(\mathbf{x}_t)", r"\mathbf{x}_t - \eta\nabla f(\mathbf{x}_t)", V),
    (r"\mathbf{x}_t - \eta \nabla f(\mathbf{x}_t)", r"\mathbf{x}_t + \eta\nabla f(\mathbf{x}_t)", R),
    (r"\nabla f(\mathbf{x}_t)^T \mathbf{d}", r"\mathbf{d}^T\nabla f(\mathbf{x}_t)", V),
    (r"\nabla f(x_t)^T \nabla f(x_t)", r"\|\nabla f(x_t)\|^2", V),
    (r"\nabla f(x_t)^T \nabla f(x_t)", r"2\|\nabla f(x_t)\|^2", R),
    (r"\nabla f(x^*)", r"\nabla f(x^*)", V),
    # the variable written under the nabla, the point in the argument
    (r"\theta_t - \eta \nabla_\theta L(\theta_t)", r"\theta_t - \eta\nabla L(\theta_t)", V),
    (r"\theta_t - \eta \nabla_\theta L(\theta_t)", r"\theta_t + \eta\nabla L(\theta_t)", R),
    # Taylor's line: f'(x_0)(x - x_0) is the slope times the increment
    (r"f(x_0) + f'(x_0)(x - x_0)", r"f(x_0) + f'(x_0) x - f'(x_0)x_0", V),
    (r"f(x_0) + f'(x_0)(x - x_0)", r"f(x_0) + f'(x_0) x + f'(x_0)x_0", R),
    (r"f(a) + f'(a)(x - a) + \frac{f''(a)}{2}(x-a)^2", r"f(a) + (x-a)\left(f'(a) + \frac12 f''(a)(x - a)\right)", V),
])
def test_gradient_at_a_point(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_gradient_at_a_point_parses_as_a_gradient_by_the_point():
    tree = parse_math(r"\nabla_\theta L(\theta_t)")
    assert isinstance(tree, n.Grad) and tree.var.base == "\\theta" and tree.var.indices


@pytest.mark.parametrize("text", [r"\nabla f(x_t + 1)", r"\nabla^2_\theta L(\theta_t)", r"f'(x, y)(z)"])
def test_still_unread(text):
    assert check_step(text, text, "=").status is U


@pytest.mark.parametrize("definition, lhs, rhs, status", [
    # a definition stated in the prose verifies (only) a step that drops the function it defines
    ((r"g(x)", r"x^2"), r"x_t - \eta \nabla g(x_t)", r"x_t - 2\eta x_t", V),
    ((r"g(x)", r"x^2"), r"x_t - \eta g'(x_t)", r"x_t - 2\eta x_t", V),
    ((r"g(x)", r"x^2"), r"x_t - \eta \nabla g(x_t)", r"x_t - \eta x_t", U),
    ((r"g(x)", r"x^2"), r"x_t - \eta g'(x_t)", r"(1 + 2\eta) x_t", U),
    # a bold parameter is bound to the bold letter of the body
    ((r"q(\mathbf x)", r"\mathbf{b}^T\mathbf{x}"), r"\nabla q(\mathbf{x}_t)", r"\mathbf{b}", V),
    ((r"q(\mathbf x)", r"\mathbf{b}^T\mathbf{x}"), r"\nabla q(\mathbf{x}_t)", r"2\mathbf{b}", U),
    ((r"q(\mathbf x)", r"\mathbf{b}^T\mathbf{x}"), r"q(\mathbf{y})", r"\mathbf{b}^T\mathbf{y}", V),
    ((r"q(\mathbf x)", r"\mathbf{b}^T\mathbf{x}"), r"q(\mathbf{y})", r"\mathbf{b}^T\mathbf{x}", U),
])
def test_prose_definitions_at_a_point(definition, lhs, rhs, status):
    assert check_step(lhs, rhs, "=", context=_prose(*definition)).status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\mathbb{E} X^2", r"\operatorname{Var}(X) + (\mathbb{E} X)^2", V),
    (r"\mathbb{E} X^2", r"\operatorname{Var}(X) - (\mathbb{E} X)^2", R),
    (r"\mathbb{E} X^3", r"\mathbb{E}[X^3]", V),
    (r"\mathbb{E} XY", r"\mathbb{E}[XY]", V),
    (r"\mathbb{E} X_i X_j", r"\mathbb{E}[X_i X_j]", V),
    (r"\mathbb{E} X^2 Y", r"\mathbb{E}[X^2 Y]", V),
    (r"\mathbb{E} e^{tX}", r"\mathbb{E}[e^{tX}]", V),
    (r"\mathbb{E} aX", r"a\mathbb{E} X", V),
    (r"\mathbb{E}(aX + b)", r"a\mathbb{E} X + b", V),
    (r"\mathbb{E}(aX + b)", r"a\mathbb{E} X + 2b", R),
    (r"\mathbb{E} XY - \mathbb{E} X \cdot \mathbb{E} Y", r"\operatorname{Cov}(X, Y)", V),
    (r"\mathbb{E}[(X - \mathbb{E} X)^2]", r"\mathbb{E} X^2 - (\mathbb{E} X)^2", V),
    (r"\mathbb{E}[(X - \mathbb{E} X)^2]", r"\mathbb{E} X^2 + (\mathbb{E} X)^2", R),
    (r"\mathbb{E}[(X - \mathbb{E} X)^2]", r"\operatorname{Var} X", V),
    (r"\mathbb{E}[(X - \mathbb{E} X)^2]", r"2\operatorname{Var} X", R),
    (r"\operatorname{Var}(aX + b)", r"a^2 \operatorname{Var} X", V),
    # (E X)^2 is a reading no bracket rules out: a step that holds only so is no verification
    (r"\mathbb{E} X^2", r"(\mathbb{E} X)^2", U),
    # whether these hold rests on independence: never verified, never refuted
    (r"\mathbb{E} X_i X_j", r"\mathbb{E}[X_i] \mathbb{E}[X_j]", U),
    (r"\mathbb{E} e^{tX}", r"e^{t\mathbb{E} X}", U),
])
def test_bare_expectation(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_bare_expectation_of_a_power_has_both_readings():
    tree = parse_math(r"\mathbb{E} X^2")
    assert isinstance(tree, n.Reach)
    assert isinstance(tree.inner, n.Apply) and isinstance(tree.inner.args[0], n.Pow)
    assert isinstance(tree.other, n.Pow) and isinstance(tree.other.base, n.Apply)


@pytest.mark.parametrize("text", [r"\operatorname{Var} X^2", r"\operatorname{Var} XY", r"\mathbb{E} X(1 - X)"])
def test_bare_operators_whose_reach_is_a_guess_stay_unread(text):
    assert check_step(text, text, "=").status is U
