"""Entries of a function's value at a vector: \\mathrm{softmax}(z)_i, \\exp(x)_i, \\sigma(s)_i (the
logistic function entry by entry, or the softmax, whose letter it is in some notes: a step holds if
either reading makes it hold, and is refuted only if both fail). Subscripts that may be labels or
points (_0, _V, _{\\cdot i}) and an indexed symbol in brackets ((B_2)_j) stay unread."""
import pytest

from lintmath.check import check_step

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


VERIFIED = [
    (r"\mathrm{softmax}(\mathbf{a})_j", r"\frac{e^{a_j}}{\sum_k e^{a_k}}"),
    (r"\mathrm{softmax}(u)_k", r"\frac{\exp(u_k)}{\sum_{m=1}^{M} \exp(u_m)}"),
    (r"\exp(\mathbf{v})_i", r"e^{v_i}"),
    (r"\tanh(\mathbf{h})_k", r"\frac{e^{h_k}-e^{-h_k}}{e^{h_k}+e^{-h_k}}"),
    (r"\mathrm{ReLU}(\mathbf{u})_j", r"\max(0, u_j)"),
    (r"\sigma(\mathbf{a})_j", r"\frac{1}{1+e^{-a_j}}"),
    (r"\sigma(\mathbf{a})_j(1-\sigma(\mathbf{a})_j)", r"\sigma(a_j)(1-\sigma(a_j))"),
    (r"\sigma(B\mathbf{u})_k", r"\frac{1}{1+e^{-\sum_m B_{km}u_m}}"),
    # \sigma(z)_i as the softmax
    (r"\sigma(\mathbf{a})_j", r"\frac{e^{a_j}}{\sum_k e^{a_k}}"),
    (r"\frac{e^{t_a}\delta_{ab}}{\sum_c e^{t_c}} - \frac{e^{t_a}e^{t_b}}{(\sum_c e^{t_c})^2}",
     r"\sigma(t)_a\delta_{ab} - \sigma(t)_a\sigma(t)_b"),
    (r"\sigma(t)_a\delta_{ab}-\sigma(t)_a\sigma(t)_b", r"\sigma(t)_a(\delta_{ab}-\sigma(t)_b)"),
]

REFUTED = [
    (r"\mathrm{softmax}(\mathbf{a})_j", r"\frac{e^{-a_j}}{\sum_k e^{a_k}}"),
    (r"\exp(\mathbf{v})_i", r"e^{-v_i}"),
    (r"\sigma(\mathbf{a})_j", r"\frac{1}{1+e^{a_j}}"),  # neither the logistic function nor the softmax
    (r"\sigma(t)_a\delta_{ab}-\sigma(t)_a\sigma(t)_b", r"\sigma(t)_a(\delta_{ab}+\sigma(t)_b)"),
    (r"\frac{e^{t_a}\delta_{ab}}{\sum_c e^{t_c}} - \frac{e^{t_a}e^{t_b}}{(\sum_c e^{t_c})^2}",
     r"\sigma(t)_a\delta_{ab} + \sigma(t)_a\sigma(t)_b"),
]

NOT_REFUTED = [
    # subscripts that may be a point, a held variable, a column or a label
    (r"\left(\frac{\partial \Phi}{\partial r}\right)_0", r"0"),
    (r"\exp(\mathbf{v})_0", r"1"),
    (r"\mathrm{softmax}(\mathbf{a})_1", r"\frac{1}{2}"),
    (r"\sigma(t)_{\max}", r"1"),
    (r"\left(\frac{\partial L}{\partial W}\right)_{\cdot k}", r"0"),
    # an indexed symbol in brackets: entry j of B_2, or the order B_{j2}? not decided
    (r"(y_n)_k", r"y_{kn}"),
    (r"(y_n)_k", r"y_{nk}"),
    (r"(a_n)_n", r"a_{nn}"),
    # the argument of a number: no entry to take
    (r"\sigma(t)_a", r"2"),
    # a reading that fails in one way of indexing W, undecided in another
    (r"\sigma(B\mathbf{u})_k", r"\frac{1}{1+e^{-\sum_m B_{mk}u_m}}"),
]


@pytest.mark.parametrize("lhs,rhs", VERIFIED)
def test_entry_of_function_value_verifies(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs,rhs", REFUTED)
def test_slip_inside_entry_is_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


@pytest.mark.parametrize("lhs,rhs", NOT_REFUTED)
def test_labels_and_unknown_shapes_are_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


def test_a_point_subscript_stays_unread():
    assert check_step(r"\left(\frac{\partial \Phi}{\partial r}\right)_0", "0", "=").status.value == U
