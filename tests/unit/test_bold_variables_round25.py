"""A derivative's plain variable over an operand in bold (\\frac{\\partial}{\\partial \\mu} of an expression in
\\boldsymbol{\\mu}): notes drop the bold under the operator and mean the same vector. Read as written, the
operand would not depend on the variable, and a correct gradient would be refuted (2A\\mathbf{x} "should
be" 0)."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial v}\,\mathbf{v}^\top\mathbf{c}", r"\mathbf{c}"),
    (r"\frac{\partial}{\partial v} \mathbf{v}^\top M\mathbf{v}", r"(M + M^\top)\mathbf{v}"),
    (r"\frac{\partial}{\partial \nu}\left(-\frac{1}{2}(\mathbf{y}-\boldsymbol{\nu})^\top\Lambda(\mathbf{y}-\boldsymbol{\nu})\right)",
     r"\frac{1}{2}(\Lambda + \Lambda^\top)(\mathbf{y}-\boldsymbol{\nu})"),
    (r"\frac{\partial}{\partial v} \|\mathbf{v}\|^2", r"2\mathbf{v}"),
])
def test_bold_operand_verifies(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial v} \|\mathbf{v}\|^2", r"-2\mathbf{v}"),
    (r"\frac{\partial}{\partial v}\,\mathbf{v}^\top\mathbf{c}", r"2\mathbf{c}"),
])
def test_slips_are_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_gradient_of_a_quadratic_form_is_no_longer_called_zero():
    verdict = check_step(r"\frac{\partial}{\partial v} \mathbf{v}^\top B\mathbf{v}", r"2B\mathbf{v}", "=")
    assert verdict.status is Status.UNVERIFIED  # holds if B is symmetric


def test_the_plain_letter_written_too_keeps_the_reading_as_written():
    assert check_step(r"\frac{\partial}{\partial v}(v + \mathbf{v}^\top\mathbf{v})", "1", "=").status is Status.VERIFIED
