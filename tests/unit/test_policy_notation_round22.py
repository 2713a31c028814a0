"""Policy-gradient and MDP notation: a gradient's subscript that is only the subscript of an applied
function (pi_theta(a|s), f_w(x)) is that function's parameter; the gradient by an entry (theta_b) of a
softmax policy defined in the prose; gamma^T beside gamma^{T-1} as a power of the discount (a horizon T),
not a transpose; V^pi(s), Q^pi(s, a) as functions labelled by the policy; max over a primed action."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.context import ContextItem
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.sides import parse_step


def status(lhs: str, rhs: str, **kwargs) -> str:
    return check_step(lhs, rhs, "=", **kwargs).status.value


# (1) the parameter of a policy or a model named by the gradient

@pytest.mark.parametrize("lhs, rhs", [
    (r"\nabla_\theta \log \pi_\theta(a)", r"\frac{\nabla_\theta \pi_\theta(a)}{\pi_\theta(a)}"),
    (r"\nabla_\theta \log \pi_\theta(a|s)", r"\frac{\nabla_\theta \pi_\theta(a|s)}{\pi_\theta(a|s)}"),
    (r"\nabla_\theta \pi_\theta(a \mid s)", r"\pi_\theta(a \mid s) \nabla_\theta \log \pi_\theta(a \mid s)"),
    (r"\nabla_\theta \sum_a \pi_\theta(a)", r"\sum_a \nabla_\theta \pi_\theta(a)"),
    (r"\nabla_\theta \sum_x p_\theta(x) f(x)", r"\sum_x p_\theta(x) f(x) \nabla_\theta \log p_\theta(x)"),
    (r"\nabla_w \frac{1}{2}(y - f_w(x))^2", r"-(y - f_w(x)) \nabla_w f_w(x)"),
    (r"\frac{\partial}{\partial \theta} \log h_\theta(x)", r"\frac{1}{h_\theta(x)} \frac{\partial h_\theta(x)}{\partial \theta}"),
])
def test_gradient_by_the_parameter_of_a_function_verifies(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\nabla_\theta \log \pi_\theta(a)", r"\nabla_\theta \pi_\theta(a) \pi_\theta(a)"),
    (r"\nabla_\theta \log \pi_\theta(a|s)", r"-\frac{\nabla_\theta \pi_\theta(a|s)}{\pi_\theta(a|s)}"),
    (r"\nabla_\theta \pi_\theta(a)", r"2\pi_\theta(a) \nabla_\theta \log \pi_\theta(a)"),
    (r"\nabla_w \frac{1}{2}(y - f_w(x))^2", r"(y - f_w(x)) \nabla_w f_w(x)"),
])
def test_slips_in_score_function_steps_are_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # sum_a pi = 1 for a distribution: the prose makes it hold, a stand-in does not
    (r"\nabla_\theta \sum_a \pi_\theta(a)", "0"),
    # a linear softmax the prose defines: the opaque policy cannot decide it
    (r"\nabla_\theta \log \pi_\theta(a|s)", r"\phi(s,a) - \sum_b \pi_\theta(b|s) \phi(s,b)"),
    # the expectation's measure moves with theta: not read
    (r"\nabla_\theta \mathbb{E}_{x \sim p_\theta}[f(x)]", r"\mathbb{E}_{x\sim p_\theta}[f(x)\nabla_\theta \log p_\theta(x)]"),
    # pi_phi is another function: theta is only a subscript of nothing the step differentiates
    (r"\nabla_\theta \log \pi_\theta(a)", r"\nabla_\theta \log \pi_\phi(a)"),
    # u_t(x, t), f_x(x, y): partial derivatives in subscript notation, no parameters
    (r"\frac{\partial}{\partial t} (u_t(x,t)^2)", r"2u_t(x,t) u_{tt}(x,t)"),
    (r"\frac{\partial}{\partial x} f_x(x, y)", r"f_{xx}(x, y)"),
    # by an entry theta_b, an undefined pi_theta moves as its definition says
    (r"\nabla_{\theta_b} \log \pi_\theta(a)", r"\delta_{ab} + \pi_\theta(b)"),
    (r"\frac{\partial}{\partial \theta_b} \log \pi_\theta(a)", r"\delta_{ab} - \pi_\theta(b)"),
])
def test_what_the_function_or_the_prose_decides_is_never_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "unverified"


def test_parameter_letters_are_those_of_the_gradient() -> None:
    parsed = parse_step(r"\nabla_\theta \log \pi_\theta(a)", r"\frac{\nabla_\theta \pi_\theta(a)}{\pi_\theta(a)}", {})
    assert parsed.letters.parameters == frozenset({"\\theta"})
    entry = parse_step(r"\nabla_{\theta_b} \log \pi_\theta(a)", r"\delta_{ab} - \pi_\theta(b)", {})
    assert entry.letters.parameters == frozenset() and entry.letters.entry_parameters == frozenset({"\\theta"})


SOFTMAX = (ContextItem("define", "", r"\pi_\theta(a)", "=", r"\frac{e^{\theta_a}}{\sum_c e^{\theta_c}}", "t.tex:1", 1),)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\nabla_{\theta_b} \log \pi_\theta(a)", r"\delta_{ab} - \pi_\theta(b)"),
    (r"\frac{\partial}{\partial \theta_b} \log \pi_\theta(a)", r"\delta_{ab} - \pi_\theta(b)"),
    (r"\nabla_{\theta_b} \log \pi_\theta(a)", r"\nabla_{\theta_b} \left(\theta_a - \log \sum_c e^{\theta_c}\right)"),
])
def test_softmax_score_verifies_with_its_definition(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs, context=SOFTMAX) == "verified"


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\nabla_{\theta_b} \log \sum_c e^{\theta_c}", r"\frac{e^{\theta_b}}{\sum_c e^{\theta_c}}", "verified"),
    (r"\nabla_{\theta_b} \left(\theta_a - \log \sum_c e^{\theta_c}\right)",
     r"\delta_{ab} - \frac{e^{\theta_b}}{\sum_c e^{\theta_c}}", "verified"),
    (r"\nabla_{\theta_b} \left(\theta_a - \log \sum_c e^{\theta_c}\right)",
     r"\delta_{ab} + \frac{e^{\theta_b}}{\sum_c e^{\theta_c}}", "refuted"),
    (r"\nabla_{x_1} (x_1^2 + x_2)", "2x_1", "verified"),
    (r"\nabla_{x_1} (x_1^2 + x_2)", "2x_2", "refuted"),
])
def test_gradient_by_an_entry_is_the_partial_derivative(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected


# (2) a horizon T over the discount

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\gamma^T \gamma^{-1}", r"\gamma^{T-1}", "verified"),
    (r"\gamma^T \gamma", r"\gamma^{T-1}", "refuted"),
    (r"\sum_{t=0}^{T-1} \gamma^t", r"\frac{1-\gamma^T}{1-\gamma}", "verified"),
    (r"\sum_{t=0}^{T-1} \gamma^t", r"\frac{1+\gamma^T}{1-\gamma}", "refuted"),
    (r"\gamma^{T} r + \gamma^{T-1}", r"\gamma^{T-1}(\gamma r + 1)", "verified"),
    (r"\gamma^T \gamma^{T-t}", r"\gamma^{2T - t}", "verified"),
    (r"\gamma^T \gamma^{T-t}", r"\gamma^{2T + t}", "refuted"),
])
def test_discount_to_a_horizon_is_a_power(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs", [
    (r"\gamma^T", r"\gamma^T"),  # alone: no count by T in the step
    (r"\theta^T x + \gamma^{T-1}", r"x^T \theta + \gamma^{T-1}"),  # another letter's T
    (r"\gamma^\top \gamma^{T-1}", r"\gamma^{T-1} \gamma^\top"),  # \top is always a transpose
])
def test_other_transposes_stay_transposes(lhs: str, rhs: str) -> None:
    parsed = parse_step(lhs, rhs, {})
    transposed = [x for tree in (parsed.lhs, parsed.rhs) for x in tree.walk() if isinstance(x, n.Transpose)]
    assert transposed


# (3) a policy over a value function

@pytest.mark.parametrize("text, label, arity", [
    (r"V^\pi(s)", "\\pi", 1),
    (r"Q^\pi(s,a)", "\\pi", 2),
    (r"Q^{\pi}(s_t, a_t)", "\\pi", 2),
    (r"V^{\pi_\theta}(s)", "\\pi_\\theta", 1),
    (r"Q^\mu(s', a')", "\\mu", 2),
])
def test_greek_superscript_over_applied_function_is_a_label(text: str, label: str, arity: int) -> None:
    tree = parse_math(text)
    assert isinstance(tree, n.Apply) and tree.func.labels == (label,) and len(tree.args) == arity


@pytest.mark.parametrize("text", [
    r"K^\alpha(AL)^{1-\alpha}",  # a bracket raised to a power: a product of powers
    r"x^\alpha(1-x)",  # not a list of letters
    r"e^\pi(s)",  # Euler's number
    r"V^2(s)",  # a number is a power
])
def test_powers_before_brackets_stay_powers(text: str) -> None:
    tree = parse_math(text)
    assert any(isinstance(x, n.Pow) for x in tree.walk())


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"Q^\pi(s,a) - V^\pi(s)", r"-(V^\pi(s) - Q^\pi(s,a))", "verified"),
    (r"Q^\pi(s,a) - V^\pi(s)", r"V^\pi(s) - Q^\pi(s,a)", "refuted"),
    (r"2 V^{\pi}(s)", r"V^\pi(s) + V^{\pi}(s)", "verified"),
])
def test_value_functions_of_a_policy(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected


# (4) the max over a primed action

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"r + \gamma \max_{a'} Q(s', a')", r"\gamma \max_{b} Q(s', b) + r", "verified"),
    (r"r + \gamma \max_{a'} Q(s', a')", r"\gamma \max_{b} Q(s', b) - r", "refuted"),
    (r"\max_{a'} Q(s', a') - Q(s, a)", r"\max_{b} Q(s', b) - Q(s, a)", "verified"),
    (r"\max_{a'} Q(s', a') - Q(s, a)", r"\max_{b} Q(s', b) + Q(s, a)", "refuted"),
    (r"\max_{a'} Q(s', a')", r"\max_{a} Q(s', a)", "verified"),
    # another state, or the free a: different optimisations, not compared
    (r"\max_{a'} Q(s', a')", r"\max_{a} Q(s, a)", "unverified"),
    (r"\max_{a'} Q(s', a') - Q(s, a)", r"\max_{a} Q(s', a) - Q(s, a)", "unverified"),
])
def test_max_over_a_primed_action(lhs: str, rhs: str, expected: str) -> None:
    assert status(lhs, rhs) == expected


def test_primed_bound_variable_is_not_its_unprimed_letter() -> None:
    tree = parse_math(r"\max_{a'} Q(s', a') + a")
    optimum = next(x for x in tree.walk() if isinstance(x, n.Optimum))
    assert optimum.variables == ("a'",)


def test_a_label_that_carries_the_variable_is_not_read() -> None:
    # V^{\pi_\theta}(s) moves with theta through its policy, which a label would not show
    verdict = check_step(r"\nabla_\theta (\theta V^{\pi_\theta}(s))", r"V^{\pi_\theta}(s)", "=")
    assert verdict.status.value == "unverified" and "label carries" in verdict.reason
    assert status(r"\nabla_\theta (\theta V^{\pi}(s))", r"V^{\pi}(s)") == "verified"
