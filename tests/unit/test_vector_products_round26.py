"""A bold vector before a bracket that holds a scalar product of vectors multiplies it (the BAC-CAB
rule, \\mathbf{b}(\\mathbf{a}\\cdot\\mathbf{c})); a vector function of a variable, \\mathbf{r}(t), stays one."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

CORRECT = [
    (r"\mathbf{a}\times(\mathbf{b}\times\mathbf{c})",
     r"\mathbf{b}(\mathbf{a}\cdot\mathbf{c})-\mathbf{c}(\mathbf{a}\cdot\mathbf{b})"),
    (r"\vec{u}\times(\vec{v}\times\vec{w})", r"\vec{v}(\vec{u}\cdot\vec{w})-\vec{w}(\vec{u}\cdot\vec{v})"),
    (r"\mathbf{p}(\mathbf{q}^\top\mathbf{s})", r"(\mathbf{q}\cdot\mathbf{s})\mathbf{p}"),
    (r"(\mathbf{a}\times\mathbf{b})\times\mathbf{c}",
     r"\mathbf{b}(\mathbf{a}\cdot\mathbf{c})-\mathbf{a}(\mathbf{b}\cdot\mathbf{c})"),
]

SLIPS = [
    (r"\vec{u}\times(\vec{v}\times\vec{w})", r"\vec{v}(\vec{u}\cdot\vec{w})+\vec{w}(\vec{u}\cdot\vec{v})",
     "sign_flip"),
    (r"\mathbf{a}\times(\mathbf{b}\times\mathbf{c})",
     r"\mathbf{b}(\mathbf{a}\cdot\mathbf{c})-2\mathbf{c}(\mathbf{a}\cdot\mathbf{b})", "constant_factor"),
]


@pytest.mark.parametrize("lhs, rhs", CORRECT)
def test_vector_times_scalar_product_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, kind", SLIPS)
def test_slip_beside_vector_times_scalar_product_is_refuted(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


def test_vector_function_of_a_variable_stays_an_application() -> None:
    # r(t) beside r alone: the bracket holds a variable, not a product of vectors, so no product is read
    verdict = check_step(r"\mathbf{r}(t)", r"\mathbf{r}_0+t\mathbf{v}", "=")
    assert verdict.status is Status.UNVERIFIED
