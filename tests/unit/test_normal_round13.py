"""The normal density N(x | mu, sigma^2) as a function lintmath knows, and a bracket after a capital
in a function's bare argument that holds arguments (log N(x; mu, s^2))."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [
    (r"\log \mathcal{N}(y; m, s^2)", r"-\frac12\log(2\pi s^2) - \frac{(y-m)^2}{2s^2}"),
    (r"\log \mathcal{N}(y \mid m, s^2)", r"-\frac{(y-m)^2}{2s^2} - \frac12\log(2\pi) - \log s"),
    (r"\mathcal{N}(t \mid u, \beta^{-1})", r"\sqrt{\frac{\beta}{2\pi}}\exp\left(-\frac{\beta}{2}(t-u)^2\right)"),
    (r"\prod_{k=1}^K \mathcal{N}(y_k \mid m, s^2)",
     r"\prod_{k=1}^K \frac{1}{\sqrt{2\pi s^2}}\exp\left(-\frac{(y_k-m)^2}{2s^2}\right)"),
])
def test_the_normal_density_is_known(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "verified"


def test_a_sign_slip_in_a_log_density_is_refuted():
    verdict = check_step(r"\log \mathcal{N}(y \mid m, s^2)", r"-\frac12\log(2\pi s^2) + \frac{(y-m)^2}{2s^2}", "=")
    assert verdict.status.value == "refuted" and verdict.diagnosis.kind == "sign_flip"


@pytest.mark.parametrize("lhs, rhs", [
    # a bare sigma may be the standard deviation: not the reading, and never an error
    (r"\mathcal{N}(y; m, \sigma)", r"\frac{1}{\sqrt{2\pi}\sigma}e^{-(y-m)^2/(2\sigma^2)}"),
    # a vector mean and a covariance matrix
    (r"\mathcal{N}(\mathbf{y} \mid \mathbf{m}, \Sigma)", r"\mathcal{N}(\mathbf{y} - \mathbf{m} \mid \mathbf{0}, \Sigma)"),
])
def test_other_normals_are_left_alone(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value != "refuted"


def test_a_bracket_of_arguments_after_a_capital_in_a_bare_argument():
    assert check_step(r"\log F(y; a, b)", r"\log F(y; a, b)", "=").status.value == "verified"
