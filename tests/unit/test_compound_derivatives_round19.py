"""Derivatives with respect to an expression (a function's value f(x_i), a power \\sigma^2, a bracketed
(x^2)): the expression stands for a variable of its own, read only where the operand writes its
letters nowhere else. A correct step verifies, a slip is refuted, and what depends on how the
expression's letters move with it (d/d(x^2) of x^3, a sum over the index of f(x_i)) stays unverified.
Also the subscript of an operator written as a styled letter without braces (\\nabla_\\mathbf{h})."""
import pytest

from lintmath.check import check_step
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

V, R, U = "verified", "refuted", "unverified"

STEPS = [
    # a function's value as the variable: the logistic and the square loss in gradient boosting
    (r"\partial_{f(x_i)}\left[\log(1 + e^{-y_i f(x_i)})\right]",
     r"\frac{-y_i e^{-y_i f(x_i)}}{1 + e^{-y_i f(x_i)}}", V),
    (r"\partial_{f(x_i)}\left[\log(1 + e^{-y_i f(x_i)})\right]",
     r"\frac{y_i e^{-y_i f(x_i)}}{1 + e^{-y_i f(x_i)}}", R),
    (r"\frac{\partial}{\partial f(x)} \left(f(x) - y\right)^2", r"2(f(x) - y)", V),
    (r"\frac{\partial}{\partial f(x)} \left(f(x) - y\right)^2", r"f(x) - y", R),
    (r"\frac{\partial \log(1 + e^{-g(u)})}{\partial g(u)}", r"-\frac{e^{-g(u)}}{1 + e^{-g(u)}}", V),
    (r"\frac{\partial}{\partial h(t)} \left[e^{h(t)} - c\, h(t)\right]", r"e^{h(t)} - c", V),
    (r"\frac{\partial}{\partial h(t)} \left[e^{h(t)} - c\, h(t)\right]", r"e^{h(t)} + c", R),
    # a power of a letter: a variance
    (r"\frac{\partial}{\partial s^2}\left(-\frac{1}{2}\log s^2 - \frac{b^2}{2 s^2}\right)",
     r"-\frac{1}{2 s^2} + \frac{b^2}{2 s^4}", V),
    (r"\frac{\partial}{\partial s^2}\left(-\frac{1}{2}\log s^2 - \frac{b^2}{2 s^2}\right)",
     r"-\frac{1}{2 s^2} - \frac{b^2}{2 s^4}", R),
    (r"\frac{d}{d\tau_A^2} \frac{1}{\sqrt{\tau_A^2 + \epsilon}}", r"-\frac{1}{2}(\tau_A^2 + \epsilon)^{-3/2}", V),
    (r"\frac{d}{d\tau_A^2} \frac{1}{\sqrt{\tau_A^2 + \epsilon}}", r"-\frac{1}{2}(\tau_A^2 + \epsilon)^{-1/2}", R),
    (r"\frac{\partial}{\partial \tau^2} \sum_{k=1}^m (z_k - c)(\tau^2 + 1)^{-1}",
     r"-\sum_{k=1}^m (z_k - c)(\tau^2 + 1)^{-2}", V),
    # an expression in brackets
    (r"\frac{d}{d(u^2)} \left[(u^2)^3 + 5 u^2\right]", r"3u^4 + 5", V),
    (r"\frac{d}{d(u^2)} \left[(u^2)^3 + 5 u^2\right]", r"3u^4 + 5u", R),
    (r"\frac{d}{d(u^2)} \sin(u^2)", r"\cos(u^2)", V),
    (r"\frac{\partial}{\partial (\log v)} (\log v)^3", r"3 (\log v)^2", V),
    # the operator form with such a subscript
    (r"\partial_{r^2} \log r^2", r"\frac{1}{r^2}", V),
    (r"\partial_{g(w)} (g(w) - a)^2 + 1", r"2(g(w) - a) + 1", V),
    # an opaque derivative is the same quantity on both sides, and another one beside it is not decided
    (r"\frac{\partial L}{\partial \sigma^2}", r"\frac{\partial L}{\partial \sigma^2}", V),
    (r"\frac{\partial L}{\partial \sigma^2}", r"\frac{\partial L}{\partial \sigma}\frac{1}{2\sigma}", U),
    # the letters of the expression written elsewhere in the operand: how they move with it is not said
    (r"\frac{\partial}{\partial (u^2)} u^6", r"3u^4", U),
    (r"\frac{\partial}{\partial (u^2)} (u^2 + u)", r"1", U),
    (r"\frac{d}{d s^2} s", r"\frac{1}{2 s}", U),
    (r"\frac{\partial}{\partial f(x)} \left(f(x)^2 + x\right)", r"2 f(x)", U),
    # f(x_i) under a sum over i (or p(x) under a sum over x) is f at every point, not the variable
    (r"\frac{\partial}{\partial f(x_i)} \sum_{i=1}^n (y_i - f(x_i))^2", r"-2(y_i - f(x_i))", U),
    (r"\frac{\partial}{\partial p(x)} \left[\sum_x p(x)\log p(x)\right]", r"\log p(x) + 1", U),
    (r"\frac{\partial}{\partial f(x_j)} J(f)", r"0", U),
    # \frac{d}{dx^2} may be a second derivative whose numerator lost its 2: a step that holds that way
    # is not refuted, nor verified
    (r"\frac{d}{dx^2} e^{-x^2}", r"(4x^2 - 2) e^{-x^2}", U),
    (r"\frac{d}{dx^2} e^{-x^2}", r"-e^{-x^2}", V),
    (r"\frac{d}{dx^2} e^{-x^2}", r"e^{-x^2}", R),
    (r"\frac{\partial u}{\partial x^2}", r"\frac{\partial^2 u}{\partial x^2}", U),
    # a written second derivative is unchanged
    (r"\frac{d^2}{dx^2} x^4", r"12x^2", V),
    (r"\frac{d^2}{dx^2} x^4", r"4x^3", R),
    # a styled subscript without braces takes its group
    (r"\nabla_\mathbf{h} (\mathbf{h}^T \mathbf{h})", r"2\mathbf{h}", V),
    (r"\partial_\mathbf{x} (\mathbf{x}^T \mathbf{x})", r"2\mathbf{x}", V),
    (r"\partial_\mathbf{x} (\mathbf{x}^T \mathbf{x})", r"\mathbf{x}", R),
    # the usual forms keep their conventions
    (r"\partial_x (x^2 y)", r"2xy", V),
    (r"\partial_i (x_i^2)", r"2x_i", U),
    (r"\frac{\partial}{\partial \hat{x}_i} (\hat{x}_i - y_i)^2", r"2(\hat{x}_i - y_i)", V),
]


@pytest.mark.parametrize("lhs,rhs,expected", STEPS)
def test_compound_derivative_steps(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("text,of,power", [
    (r"\frac{\partial}{\partial f(x)} f(x)^2", n.Apply, 0),
    (r"\frac{d}{d\sigma^2} \log \sigma^2", n.Pow, 2),
    (r"\frac{d}{d(x^2)} (x^2)^2", n.Paren, 0),
    (r"\partial_{f(x_i)} f(x_i)", n.Apply, 0),
])
def test_compound_variable_is_read(text, of, power):
    node = parse_math(text)
    assert isinstance(node, n.DerivBy) and isinstance(node.of, of) and node.power == power


@pytest.mark.parametrize("text", [
    r"\frac{\partial^2}{\partial x^2} x^3",  # a second derivative, as written
    r"\frac{\partial}{\partial x} x^3",
    r"\partial_x x^3",
])
def test_letters_keep_the_usual_derivative(text):
    node = parse_math(text)
    assert isinstance(node, n.Deriv)


def test_styled_subscript_takes_its_group():
    node = parse_math(r"a_\mathbf{h}")
    assert isinstance(node, n.Sym) and len(node.indices) == 1
    assert node.indices[0].base == "h" and "bf" in node.indices[0].style
