"""Red team of round 31 on linear-algebra course notebooks, chains without prose: row reduction written
as a chain of matrices (\\xrightarrow{R_2 - 3R_1}, \\sim, augmented arrays) is checked as row equivalence
(lintmath.rowequiv), the rank of a matrix written in numbers is computed, and a unit vector before a
bracket (\\hat{\\imath}(12 - 15), a cross product expanded along its first row) no longer crashes the
reading. Slips in the usual notebook computations must stay refuted."""
from __future__ import annotations

import json

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.relations import ROW_EQUIVALENT, find_relations

V, R, U = "verified", "refuted", "unverified"


def bm(rows: str) -> str:
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def aug(spec: str, rows: str) -> str:
    return r"\left[\begin{array}{" + spec + "}" + rows + r"\end{array}\right]"


def status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


@pytest.mark.parametrize("text, names", [
    (r"A \xrightarrow{R_2 - 3R_1} B", [ROW_EQUIVALENT]),
    (r"A \xrightarrow[R_1 \leftrightarrow R_2]{} B \xrightarrow{-\frac12 R_2} C", [ROW_EQUIVALENT, ROW_EQUIVALENT]),
    (r"A \overset{R_3 + R_1}{\longrightarrow} B \stackrel{r_2 - r_1}{\sim} C", [ROW_EQUIVALENT, ROW_EQUIVALENT]),
    # a label that is no row operation: an arrow (a limit, a step of a proof), not row equivalence
    (r"x_n \xrightarrow{n \to \infty} 0", ["->"]),
    # a column operation: the matrices are equivalent, not row equivalent
    (r"A \overset{C_2 - C_1}{\sim} B", ["~"]),
])
def test_labelled_arrows_are_relations(text, names):
    assert [m.name for m in find_relations(text)] == names


@pytest.mark.parametrize("lhs, rhs, relation", [
    (aug("cc|c", r"1&2&5\\3&4&6"), aug("cc|c", r"1&2&5\\0&-2&-9"), ROW_EQUIVALENT),
    (aug("cc|c", r"1&2&5\\0&-2&-9"), aug("cc|c", r"1&2&5\\0&1&\frac92"), ROW_EQUIVALENT),
    (bm(r"0&1&2\\1&1&1"), bm(r"1&1&1\\0&1&2"), ROW_EQUIVALENT),  # a swap
    (bm(r"1&1\\0&2"), bm(r"1&0\\0&3"), ROW_EQUIVALENT),  # the mark says row operations: R_1 - R_2/2, 3R_2/2
    (bm(r"1&1&1\\2&3&1\\1&0&4"), bm(r"1&1&1\\0&1&-1\\0&-1&3"), "~"),  # R_2 - 2R_1 and R_3 - R_1 at once
    # two pivots in one step: the echelon forms agree, and of a matrix of rank 2 < 3 columns that tells
    (bm(r"1&2&3\\2&4&7\\1&2&4"), bm(r"1&2&3\\0&0&1\\0&0&0"), ROW_EQUIVALENT),
    # Gauss-Jordan on [A | b]: the solution column tells a slip even where A is invertible
    (aug("cc|c", r"1&2&5\\3&4&6"), aug("cc|c", r"1&0&-4\\0&1&4.5"), "~"),
])
def test_row_reduction_verifies(lhs, rhs, relation):
    assert status(lhs, rhs, relation) == V


@pytest.mark.parametrize("lhs, rhs, relation", [
    (aug("ccc|c", r"1&2&1&4\\0&1&1&1\\0&-1&1&1"), aug("ccc|c", r"1&2&1&4\\0&1&1&1\\0&0&2&3"), ROW_EQUIVALENT),
    (aug("cc|c", r"1&2&5\\3&4&6"), aug("cc|c", r"1&0&-4\\0&1&4"), "~"),
    (bm(r"1&2&3\\2&4&7\\1&2&4"), bm(r"1&2&3\\0&0&1\\0&1&1"), ROW_EQUIVALENT),
    # \sim between matrices of different ranks: no reading of \sim (row, column, similar) holds
    (bm(r"1&2\\3&6"), bm(r"1&2\\0&1"), "~"),
])
def test_row_reduction_slip_is_refuted(lhs, rhs, relation):
    assert status(lhs, rhs, relation) == R


def test_refutation_names_the_row():
    verdict = check_step(aug("ccc|c", r"1&2&1&4\\0&1&1&1\\0&-1&1&1"),
                         aug("ccc|c", r"1&2&1&4\\0&1&1&1\\0&0&2&3"), ROW_EQUIVALENT)
    assert "not row equivalent" in verdict.reason and "row 3 of the right matrix" in verdict.reason


@pytest.mark.parametrize("lhs, rhs, relation", [
    # every invertible 3 x 3 matrix is row equivalent to every other: a slip in R_3 + R_2 must not verify
    (bm(r"1&1&1\\0&1&-1\\0&-1&3"), bm(r"1&1&1\\0&1&-1\\0&0&4"), "~"),
    (bm(r"1&1&1\\0&1&-1\\0&-1&3"), bm(r"1&1&1\\0&1&-1\\0&0&4"), ROW_EQUIVALENT),
    # a square matrix led to a diagonal one by \sim: perhaps "similar" (wrong here), not verified
    (bm(r"2&1\\1&2"), bm(r"3&0\\0&5"), "~"),
    # one round of elimination, but a wrong eigenvalue if \sim says "similar": not verified
    (bm(r"1&1\\0&2"), bm(r"1&0\\0&3"), "~"),
    (bm(r"1&1\\0&2"), bm(r"1&0\\0&3"), "->"),
])
def test_uninformative_row_equivalence_is_not_verified(lhs, rhs, relation):
    assert status(lhs, rhs, relation) != V


@pytest.mark.parametrize("lhs, rhs", [
    (bm(r"1&0\\0&1"), bm(r"0&0\\0&0")),  # a map (A \mapsto 0), written with the same arrow
    (bm(r"1\\0"), bm(r"0\\0")),  # e_1 \mapsto 0 of a linear map
])
def test_bare_arrow_is_never_refuted(lhs, rhs):
    assert status(lhs, rhs, "->") != R


def test_row_reduction_with_letters_is_not_decided():
    assert status(aug("cc|c", r"1&2&b_1\\3&4&b_2"), aug("cc|c", r"1&2&b_1\\0&-2&b_2-b_1"), ROW_EQUIVALENT) != R


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\operatorname{rank}\begin{bmatrix}1&2&3\\2&4&6\\1&0&1\end{bmatrix}", "2", V),
    (r"\operatorname{rank}\begin{bmatrix}1&2&3\\2&4&6\\1&0&1\end{bmatrix}", "3", R),
    (r"\operatorname{rank}\left(\begin{bmatrix}1&2\\2&4\end{bmatrix}\right)", "1", V),
    # a letter's stand-in matrix has full rank: rank(AB) = rank(A) is not an identity
    (r"\operatorname{rank}(AB)", r"\operatorname{rank}(A)", U),
    (r"\operatorname{rank}\begin{bmatrix}1&a\\a&1\end{bmatrix}", "2", U),
])
def test_rank_of_a_written_matrix(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\begin{vmatrix}\hat{\imath}&\hat{\jmath}&\hat{k}\\1&2&3\\4&5&6\end{vmatrix}",
     r"\hat{\imath}(12-15) - \hat{\jmath}(6-12) + \hat{k}(5-8)", V),
    (r"\hat{\imath}(12-15) - \hat{\jmath}(6-12) + \hat{k}(5-8)", r"-3\hat{\imath} + 6\hat{\jmath} - 3\hat{k}", V),
    (r"\hat{\imath}(12-15) - \hat{\jmath}(6-12) + \hat{k}(5-8)", r"-3\hat{\imath} - 6\hat{\jmath} - 3\hat{k}", R),
])
def test_unit_vector_before_a_bracket(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs", [
    # a sign in a cofactor
    (r"\begin{vmatrix}1&2&3\\0&4&5\\1&0&6\end{vmatrix}",
     r"1\begin{vmatrix}4&5\\0&6\end{vmatrix} + 2\begin{vmatrix}0&5\\1&6\end{vmatrix} + 3\begin{vmatrix}0&4\\1&0\end{vmatrix}"),
    # the inverse of a 2 x 2 with one sign kept
    (r"\begin{bmatrix}a&b\\c&d\end{bmatrix}^{-1}", r"\frac{1}{ad-bc}\begin{bmatrix}d&-b\\c&a\end{bmatrix}"),
    # a wrong eigenvalue
    (bm(r"4&-2\\1&1") + bm(r"2\\1"), "2" + bm(r"2\\1")),
    # a transposed product (AD for DA)
    (bm(r"1&2&3\\4&5&6\\7&8&9") + bm(r"1&0&0\\0&2&0\\0&0&3"), bm(r"1&2&3\\8&10&12\\21&24&27")),
    # a characteristic polynomial's constant
    (r"(2-\lambda)(3-\lambda) - 2", r"\lambda^2 - 5\lambda + 6"),
    # Gram-Schmidt with a sign lost
    (r"\begin{bmatrix}1\\0\\1\end{bmatrix} - \frac{1}{2}\begin{bmatrix}1\\1\\0\end{bmatrix}",
     r"\begin{bmatrix}\frac12\\\frac12\\1\end{bmatrix}"),
    # a Kronecker product with the factors' entries transposed
    (bm(r"1&2\\3&4") + r"\otimes" + bm(r"0&1\\1&0"), bm(r"0&1&0&3\\1&0&3&0\\0&2&0&4\\2&0&4&0")),
])
def test_notebook_slips_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


NOTEBOOK_CELLS = [
    "$$\n\\begin{aligned}\n" + aug("cc|c", r"1&2&5\\3&4&6") + r" &\xrightarrow{R_2 - 3R_1} "
    + aug("cc|c", r"1&2&5\\0&-2&-9") + " \\\\\n" + r"&\xrightarrow{-\frac12 R_2} " + aug("cc|c", r"1&2&5\\0&1&\frac92")
    + " \\\\\n" + r"&\xrightarrow{R_1 - 2R_2} " + aug("cc|c", r"1&0&-4\\0&1&\frac92") + "\n\\end{aligned}\n$$\n",
    "$$\n\\begin{aligned}\n" + aug("cc|c", r"1&2&5\\0&-2&-9") + r" &\xrightarrow{-\frac12 R_2} "
    + aug("cc|c", r"1&2&5\\0&1&-\frac92") + "\n\\end{aligned}\n$$\n",
]


def test_row_reduction_in_a_notebook(tmp_path):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": text.splitlines(True)} for text in NOTEBOOK_CELLS]
    cells.insert(1, {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                     "source": ["import numpy as np\n", "np.linalg.solve([[1, 2], [3, 4]], [5, 6])\n"]})
    source = tmp_path / "gauss.ipynb"
    source.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    assert [s.verdict.status.value for s in result.steps] == [V, V, V, R]
    (finding,) = result.findings
    assert "row equivalent" in finding.message and "differ at" not in finding.message


@pytest.mark.parametrize("lhs, rhs, expected", [
    # A^k = S \Lambda^k S^{-1} of a matrix of numbers with positive rational eigenvalues: in closed form
    (r"\begin{bmatrix}2&1\\1&2\end{bmatrix}^{k}", r"\frac12\begin{bmatrix}3^{k}+1&3^{k}-1\\3^{k}-1&3^{k}+1\end{bmatrix}", V),
    (r"\begin{bmatrix}2&1\\1&2\end{bmatrix}^{k}", r"\frac12\begin{bmatrix}3^{k}+1&3^{k}-1\\3^{k}-1&3^{k}-1\end{bmatrix}", R),
    (r"\begin{bmatrix}1&1\\0&1\end{bmatrix}^{n}", r"\begin{bmatrix}1&n\\0&1\end{bmatrix}", V),  # a Jordan block
    (r"\begin{bmatrix}1&1\\0&1\end{bmatrix}^{n}", r"\begin{bmatrix}1&n^2\\0&1\end{bmatrix}", R),
    (r"\begin{bmatrix}0.9&0.2\\0.1&0.8\end{bmatrix}^{k}",
     r"\frac13\begin{bmatrix}2&2\\1&1\end{bmatrix} + \frac{0.7^k}{3}\begin{bmatrix}1&-2\\-1&2\end{bmatrix}", V),
    # eigenvalues -1 and 1: (-1)^k has no real value between the integers, not decided
    (r"\begin{bmatrix}0&1\\1&0\end{bmatrix}^{k}", r"\begin{bmatrix}0&1\\1&0\end{bmatrix}", U),
    # ^t may be a transpose: never a power here
    (r"\begin{bmatrix}2&1\\1&2\end{bmatrix}^{t}", r"\begin{bmatrix}2&1\\1&2\end{bmatrix}", U),
])
def test_matrix_to_a_letter_power(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, expected", [
    # a prime over a matrix of numbers is its transpose (its derivative would be 0), braced or not
    (r"\begin{bmatrix}2&0\\1&3\end{bmatrix}'", V),
    (r"\begin{bmatrix}2&0\\1&3\end{bmatrix}^{'}", V),
])
def test_primed_matrix_of_numbers_is_transposed(lhs, expected):
    assert status(lhs, r"\begin{bmatrix}2&1\\0&3\end{bmatrix}") == expected


def test_primed_matrix_of_functions_is_still_a_derivative():
    assert status(r"\begin{bmatrix}t&t^2\end{bmatrix}^{'}", r"\begin{bmatrix}1&2t\end{bmatrix}") == V


def test_a_bare_sim_between_matrices_is_a_warning_and_a_labelled_one_an_error(tmp_path):
    # the issue: \sim is never an error; a rank that changes under it is worth a warning. A row operation
    # written over the relation says row equivalence was meant, and its slip is an error
    bare = bm(r"1&2\\2&4") + r" &\sim " + bm(r"1&2\\0&1")
    labelled = bm(r"1&2\\2&4") + r" &\xrightarrow{R_2 - 2R_1} " + bm(r"1&2\\0&1")
    source = tmp_path / "rows.tex"
    source.write_text("\\begin{align*}\n" + bare + "\n\\end{align*}\n\n\\begin{align*}\n" + labelled
                      + "\n\\end{align*}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    assert [s.verdict.status.value for s in result.steps] == [R, R]
    assert [f.severity for f in result.findings] == ["warning", "error"]
