"""Maps the prose or the step's own annotation states linear (linearmaps.py): a step that holds for every
linear map is verified, one that fails for a generic one stays unverified (the prose may say more of
the map) unless a small edit makes it hold (round 26: then refuted), and a sentence that does not state linearity plainly states nothing."""
from __future__ import annotations

import pytest

from documents import checked_steps, display
from lintmath.linearmaps import annotated, sentence_maps
from lintmath.model import Status


@pytest.mark.parametrize("sentence, keys", [
    ("Let $T$ be a linear transformation.", {"T"}),
    ("$T$ and $S$ are linear maps.", {"T", "S"}),
    ("for a linear operator $L$ on $V$", {"L"}),
    ("the kernel $K$ of a linear map $T$", {"T"}),
    ("by the linearity of $T$ and $S$", {"T", "S"}),
    ("Let $T$ be a linear transformation and $u, v$ vectors.", {"T"}),
    ("The map $T$ is not linear.", set()),
    ("Suppose $F$ is a nonlinear map.", set()),
    ("Let $v_1, v_2$ be linearly independent.", set()),
    ("Write $w$ as a linear combination of $u$ and $v$.", set()),
    ("Is $T$ linear?", set()),
    ("The model $f$ is linear in $x$.", set()),  # a model's linearity, often affine
    ("Let $B$ be a bilinear form.", set()),
])
def test_sentences(sentence, keys):
    assert sentence_maps(sentence) == keys


@pytest.mark.parametrize("text, says", [
    (r"T(x\mathbf{e}_1) \text{by linearity}", True),
    (r"T(\mathbf{u}) \mbox{by linearity of $T$}", True),
    (r"T(\mathbf{u}) \text{since $T$ is linear}", True),
    (r"T(\mathbf{u}) \text{($T$ is not linear)}", False),
    (r"T(\mathbf{u}) + \text{linearly independent}", False),
    (r"T(\mathbf{u})", False),
])
def test_annotations(text, says):
    assert annotated(text) is says


PROSE = r"Let $T$ be a linear transformation from $\mathbb{R}^3$ to itself and $\mathbf{u}, \mathbf{v}$ vectors."


@pytest.mark.parametrize("lhs, rhs", [
    (r"T(a\mathbf{u} + b\mathbf{v})", r"aT(\mathbf{u}) + bT(\mathbf{v})"),
    (r"T(2\mathbf{u}) - T(\mathbf{u})", r"T(\mathbf{u})"),
    (r"T(\mathbf{u} - \mathbf{v}) + T(\mathbf{v})", r"T(\mathbf{u})"),
    (r"\mathbf{u}^T T(\mathbf{v} + \mathbf{v})", r"2\mathbf{u}^T T(\mathbf{v})"),
])
def test_stated_linear_map_verifies(lhs, rhs):
    (step,) = checked_steps(display(PROSE, lhs, rhs))
    assert step.verdict.status is Status.VERIFIED
    assert any("linear" in guess for guess in step.verdict.guessed)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\|T(\mathbf{u})\|", r"\|\mathbf{u}\|"),  # an isometry's, which linearity alone does not give
])
def test_failing_for_a_generic_linear_map_is_not_refuted(lhs, rhs):
    (step,) = checked_steps(display(PROSE, lhs, rhs))
    assert step.verdict.status is Status.UNVERIFIED


# (round 26) a slip that a small edit repairs in the linear maps' reading is refuted there, the
# reading among its guesses: without the edit (the isometry above) the step stays unverified
@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"T(\mathbf{u} + \mathbf{v})", r"T(\mathbf{u}) - T(\mathbf{v})", "sign_flip"),
    (r"T(3\mathbf{u})", r"2T(\mathbf{u})", "arithmetic"),
])
def test_slip_repaired_for_a_generic_linear_map_is_refuted(lhs, rhs, kind):
    (step,) = checked_steps(display(PROSE, lhs, rhs))
    assert step.verdict.status is Status.REFUTED
    assert step.verdict.diagnosis is not None and step.verdict.diagnosis.kind == kind
    assert any("linear" in guess for guess in step.verdict.guessed)


@pytest.mark.parametrize("prose", [
    r"Let $T$ be a map and $\mathbf{u}, \mathbf{v}$ vectors.",
    r"The map $T$ is not linear.",
    r"Suppose $T$ is a nonlinear transformation.",
])
def test_without_a_statement_nothing_verifies(prose):
    (step,) = checked_steps(display(prose, r"T(a\mathbf{u} + b\mathbf{v})", r"aT(\mathbf{u}) + bT(\mathbf{v})"))
    assert step.verdict.status is Status.UNVERIFIED


def test_the_steps_own_annotation_states_linearity():
    body = display("", r"T(x_1\mathbf{e}_1) + T(x_2\mathbf{e}_2) \text{by linearity}",
                   r"x_1T(\mathbf{e}_1) + x_2T(\mathbf{e}_2)")
    (step,) = checked_steps(body)
    assert step.verdict.status is Status.VERIFIED
    slipped = display("", r"T(x_1\mathbf{e}_1) + T(x_2\mathbf{e}_2) \text{by linearity}",
                      r"x_1T(\mathbf{e}_1) - x_2T(\mathbf{e}_2)")
    (step,) = checked_steps(slipped)
    assert step.verdict.status is Status.REFUTED  # (round 26: repaired by a sign in the maps' reading)
    assert step.verdict.diagnosis is not None and step.verdict.diagnosis.kind == "sign_flip"
