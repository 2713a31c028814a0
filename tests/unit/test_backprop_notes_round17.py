"""Red team of deep-learning lecture notes (round 17): a name written bare on one side of a step and
only with a letter subscript on the other (a variance \\sigma^2 and the input variance \\sigma_x^2,
a mean \\mu and a batch mean \\mu_B) is two quantities related by the prose, so the step is left
unverified even when the other names it introduces cancel; slips that keep both forms on both sides,
and the usual backpropagation algebra, are still decided."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    # the pre-activation variance from the weight and input variances (\sigma_w^2 = 1/n in the prose)
    (r"\sigma^2", r"n\cdot\frac{1}{n}\sigma_x^2"),
    (r"s", r"m\cdot\frac{1}{m} s_{in}"),
    (r"\mu + 1", r"\frac{k}{k}\mu_B + 1"),
])
def test_bare_name_against_its_subscripted_sibling_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified", verdict


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sigma(z)(1-\sigma(z))", r"\sigma(z) - \sigma(z)^2"),
    (r"\frac{\hat y - y}{\hat y(1-\hat y)}\,\hat y(1-\hat y)", r"\hat y - y"),
    (r"n\sigma_w^2 + \sigma", r"\sigma + \sigma_w^2 n"),
    (r"\sum_{i=1}^{n} x_i^2 - x", r"-x + \sum_{i=1}^{n} x_i x_i"),
    (r"w - \eta\lambda w - \eta g", r"(1 - \eta\lambda) w - \eta g"),
])
def test_backprop_algebra_still_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # both forms on both sides: nothing is left to the prose, the slip is decided
    (r"\sigma + \sigma_x", r"2\sigma - \sigma_x"),
    (r"2(wx + b - y)x", r"2wx^2 + 2bx"),
    (r"\frac{1}{1+e^{-z}}\cdot\frac{e^{-z}}{1+e^{-z}}", r"\frac{1}{1+e^{-z}}\cdot\left(1 + \frac{1}{1+e^{-z}}\right)"),
])
def test_slips_are_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # a layer label written before the unit's index: z^{(l)}_j is z_j^{(l)}, as TeX sets it
    (r"z^{(l)}_j + 1", r"1 + z_j^{(l)}"),
    (r"W^{(l+1)}_{kj}", r"W_{kj}^{(l+1)}"),
    (r"\sum_k \delta^{(l+1)}_k W^{(l+1)}_{kj}", r"\sum_k W^{(l+1)}_{kj}\delta^{(l+1)}_k"),
    (r"a^{(2)}_j(1-a^{(2)}_j)", r"a^{(2)}_j - (a^{(2)}_j)^2"),
    (r"a^{(1)}_1 + a^{(2)}_1", r"a_1^{(1)} + a_1^{(2)}"),
])
def test_layer_label_before_the_index_is_read(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"a^{(2)}_j(1-a^{(2)}_j)", r"a^{(2)}_j + (a^{(2)}_j)^2"),
    (r"w^{(l)}_{jk} \cdot 2", r"w^{(l)}_{jk}"),
])
def test_layer_label_slips_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


def test_layer_label_then_index_differs_from_another_layer() -> None:
    # z^{(1)}_j and z^{(2)}_j are two quantities: a step equating them is not verified
    assert check_step(r"z^{(1)}_j", r"z^{(2)}_j", "=").status.value != "verified"


def test_double_subscript_is_still_not_read() -> None:
    assert check_step(r"x_i^{(l)}_j", r"x_i^{(l)}", "=").status.value == "unverified"
