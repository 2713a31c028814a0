"""Notation of robotics, graphics and vision notes that the scalar reading refutes although the step is
right: \\times between letters that are vectors (a cross product), the quaternion units i, j, k, norms
of unit vectors that the step sets to 1, and a letter replaced through a relation among several others
(barycentric weights that sum to one). Each is left unverified; the slips next to them stay caught."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    # anticommutativity and the triple product, for plain-letter vectors
    (r"u \times w", r"-w \times u"),
    (r"\omega \times r", r"-r \times \omega"),
    (r"p\times(q\times s)", r"q(p\cdot s) - s(p\cdot q)"),
    (r"F \times G", r"-G \times F"),
])
def test_cross_products_of_letters_are_not_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"3 \times 4", r"13"),                              # arithmetic stays arithmetic
    (r"5 \times y", r"6y"),                              # a number times a letter
    (r"\theta^{a} \times (1-\theta)^{b}", r"2\theta^a(1-\theta)^b"),  # powers: arithmetic
    (r"\mathbf u \times \mathbf w", r"\mathbf w \times \mathbf u"),  # bold vectors: a real cross product
])
def test_products_with_numbers_or_known_vectors_stay_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # quaternion units multiplied side by side, all three written
    (r"a^2 i^2 + ab\,ij + ab\,ji + b^2 j^2", r"-a^2 + ab\,k - ab\,k - b^2"),
    # one unit alone multiplies as the imaginary unit does
    (r"(\cos u + k\sin u)(\cos v + k\sin v)", r"\cos(u+v) + k\sin(u+v)"),
    (r"(p + kq)(p - kq)", r"p^2 + q^2"),
])
def test_quaternion_units_are_not_refuted(lhs: str, rhs: str) -> None:
    # (the units multiplied side by side are now read as quaternions, which verifies the first)
    assert status(lhs, rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"(1 + k)^2", r"1 + k^2"),           # k a number: k^2 = -1 does not make this hold
    (r"k a + k b", r"k(a - b)"),          # nor this
    (r"(i + j)^2", r"i^2 + ij + j^2"),    # no k: i and j indices or numbers
])
def test_slips_with_k_stay_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"u u^T - \|u\|^2 I", r"u u^T - I"),
    (r"\|q\|^2 s", r"s"),
    (r"c\,\|\hat m\|\,\|\hat v\|", r"c"),
])
def test_norms_of_unit_vectors_set_to_one_are_not_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\left\| (6, 8)^T \right\|", r"1"),   # a written vector's norm is a number, never assumed 1
    (r"\|q\|^2 s", r"3s"),                  # 1 does not make this hold
])
def test_norms_that_one_does_not_explain_are_not_assumed(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) != "verified"
    if "6, 8" in lhs:
        assert status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"a P + b Q + c S", r"a P + b Q + (1 - a - b) S"),
    (r"u + v + w", r"u + v + (2 - u - v)"),
    (r"p x + q y", r"p x + (1 - p) y"),    # q = 1 - p
])
def test_a_letter_replaced_through_a_relation_is_not_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"a + b", r"a"),           # a term dropped: b = 0 is no relation
    (r"a + ab", r"a"),
    # a lost group of terms solves a letter by the others alone (a_0 = -a_2 x^2 - a_1 x)
    (r"(b_2x^2 + b_1x + b_0) + (a_2x^2 + a_1x + a_0)", r"b_2x^2 + b_1x + b_0"),
])
def test_dropped_terms_stay_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == "refuted"


def test_unit_normal_defined_in_the_document_verifies(tmp_path) -> None:
    # the definition in force makes the norm 1: the unit-norm reading must not hide it
    source = tmp_path / "normal.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n"
                      "\\begin{align*}\n\\hat n &= \\frac{(B - A)\\times(C - A)}{\\|(B - A)\\times(C - A)\\|}\n"
                      "\\end{align*}\nWith a unit normal:\n"
                      "\\begin{align*}\n\\|\\hat n\\|^2 d &= d\n\\end{align*}\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    statuses = {s.step.rhs.text.strip(): s.verdict.status.value for s in result.steps}
    assert statuses.get("d") == "verified"


def test_a_letter_equal_to_another_is_no_relation() -> None:
    # b = a has no number in it: whatever the step's verdict, it is not read as a constraint
    assert "relation" not in check_step(r"a + b", r"2a", "=").reason
