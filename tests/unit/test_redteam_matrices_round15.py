"""Red team of round 15 on worked linear-algebra examples with written matrices: I_3 beside a written
3 by 3 matrix is the identity of that size, and an equals sign marked with a row operation
(\\overset{R_2 - 2R_1}{=}) between matrices says "row equivalent", which is no equality. Slips beside
them must stay refuted."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.relations import find_relations

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# I_k (a number k) beside a written k by k matrix or k-vector: the k by k identity
@pytest.mark.parametrize("lhs, rhs", [
    (r"I_2 \begin{bmatrix}5\\7\end{bmatrix}", r"\begin{bmatrix}5\\7\end{bmatrix}"),
    (r"\begin{bmatrix}2&1&0\\0&2&0\\0&0&3\end{bmatrix} - 2I_3", r"\begin{bmatrix}0&1&0\\0&0&0\\0&0&1\end{bmatrix}"),
    (r"\begin{pmatrix}0&-1\\1&0\end{pmatrix}^4", r"I_{2}"),
    (r"\begin{bmatrix}1&2\\3&4\end{bmatrix} - \lambda I_2", r"\begin{bmatrix}1-\lambda&2\\3&4-\lambda\end{bmatrix}"),
])
def test_sized_identity_verifies(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\begin{pmatrix}0&-1\\1&0\end{pmatrix}^2", r"I_2"),
    (r"\begin{bmatrix}1&2\\3&4\end{bmatrix} - I_2", r"\begin{bmatrix}0&2\\3&4\end{bmatrix}"),
])
def test_sized_identity_slip_is_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


@pytest.mark.parametrize("lhs, rhs", [
    # I_3 beside 2 by 2 matrices: no identity of a size the step writes
    (r"\begin{bmatrix}1&2\\3&4\end{bmatrix} I_3", r"\begin{bmatrix}1&2\\3&4\end{bmatrix}"),
    # I_1, I_2 beside each other (mesh currents): numbers, never identities
    (r"\begin{bmatrix}2&-1\\-1&3\end{bmatrix}\begin{bmatrix}I_1\\I_2\end{bmatrix}", r"\begin{bmatrix}2I_1-I_2\\3I_2-I_1\end{bmatrix}"),
])
def test_sized_identity_needs_its_size_and_no_family(lhs, rhs):
    assert status(lhs, rhs) != R


@pytest.mark.parametrize("text", [
    r"\begin{bmatrix}1&2\\2&3\end{bmatrix} \overset{R_2-2R_1}{=} \begin{bmatrix}1&2\\0&-1\end{bmatrix}",
    r"\begin{bmatrix}1&2\\2&3\end{bmatrix} \stackrel{R_2 \to R_2-2R_1}{=} \begin{bmatrix}1&2\\0&-1\end{bmatrix}",
    r"\begin{pmatrix}0&1\\1&0\end{pmatrix} \overset{R_1 \leftrightarrow R_2}{=} \begin{pmatrix}1&0\\0&1\end{pmatrix}",
])
def test_row_operation_over_equals_is_row_equivalence(text):
    assert [m.name for m in find_relations(text)] == ["row~"]


@pytest.mark.parametrize("text", [
    # between determinants adding a multiple of a row keeps the value: still an equality
    r"\begin{vmatrix}1&2\\2&3\end{vmatrix} \overset{R_2-2R_1}{=} \begin{vmatrix}1&2\\0&-1\end{vmatrix}",
    r"\det A \overset{C_2 - C_1}{=} \det B",
    r"a \overset{(a)}{=} b",
])
def test_other_marks_keep_equality(text):
    assert [m.name for m in find_relations(text)] == ["="]


ROW_REDUCTION = r"""
\begin{align*}
\begin{bmatrix}1&2\\2&3\end{bmatrix} &\overset{R_2-2R_1}{=} \begin{bmatrix}1&2\\0&-1\end{bmatrix}
\overset{R_1+2R_2}{=} \begin{bmatrix}1&0\\0&-1\end{bmatrix}
\end{align*}
\begin{align*}
\begin{vmatrix}1&2\\2&3\end{vmatrix} &\overset{R_2-2R_1}{=} \begin{vmatrix}1&2\\0&-1\end{vmatrix} = -1
\end{align*}
\begin{align*}
\begin{vmatrix}1&2\\2&3\end{vmatrix} &\overset{R_2-2R_1}{=} \begin{vmatrix}1&2\\0&1\end{vmatrix}
\end{align*}
"""


def test_row_reduction_with_marked_equals(tmp_path):
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n" + ROW_REDUCTION
                      + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    # (the row operations themselves are checked since round 31: see lintmath.rowequiv)
    assert [s.verdict.status.value for s in result.steps] == [V, V, V, V, R]
