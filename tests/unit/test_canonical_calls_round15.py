"""The arguments of an undefined function are compared expanded: f of one vector written two ways
is one call, so a sign or a factor lost before it is a typo explained, not a question about f."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status

LEFT = r"g\left(\left(\mu c + (1-\mu) d\right)\mathbf{u} + \left(1-\mu c - (1-\mu) d\right)\mathbf{w}\right)"
RIGHT = r"g\left(\mu\left(c\,\mathbf{u} + (1-c)\mathbf{w}\right) + (1-\mu)\left(d\,\mathbf{u} + (1-d)\mathbf{w}\right)\right)"


def test_one_vector_written_two_ways_is_one_argument() -> None:
    assert check_step(LEFT, RIGHT, "=").status is Status.VERIFIED


@pytest.mark.parametrize("rhs, kind", [("-" + RIGHT, "sign_flip"), ("2" + RIGHT, "constant_factor")])
def test_a_slip_before_the_function_is_refuted(rhs: str, kind: str) -> None:
    verdict = check_step(LEFT, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


def test_different_arguments_stay_a_question_about_the_function() -> None:
    assert check_step(r"g(\mathbf{u} + \mathbf{w})", r"g(\mathbf{u}) + g(\mathbf{w})", "=").status is Status.UNVERIFIED
