"""Review of round 31's row reduction: a step marked with row operations (\\xrightarrow{R_2 - 2R_1},
\\overset{R_1/2}{=}, \\stackrel{R_1 \\leftrightarrow R_2}{\\sim}) is held to the operations its mark names.
Before, any right matrix still row equivalent to the left one verified (one round of elimination with any
multiplier, or equal echelon forms below full rank), so an arithmetic slip that stayed in the row space
(R_2 - 2R_1 computed as R_2 - 3R_1) verified. Now such a step is unverified; a mark that cannot be read
(a word, a letter index) leaves the step decided as before, and a slip that leaves the row space is
still refuted."""
from __future__ import annotations

import pytest
import sympy as sp

from lintmath import pipeline, rowequiv
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.relations import ROW_EQUIVALENT, find_relations

V, R, U = "verified", "refuted", "unverified"


def bm(rows: str) -> str:
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def aug(rows: str) -> str:
    return r"\left[\begin{array}{cc|c}" + rows + r"\end{array}\right]"


def marked(lhs: str, mark: str, rhs: str) -> str:
    (relation,) = find_relations(f"{lhs} {mark} {rhs}")
    return check_step(lhs, rhs, relation.name, relation_text=mark).status.value


@pytest.mark.parametrize("lhs, mark, rhs", [
    (bm(r"1&2\\2&5"), r"\xrightarrow{R_2 - 2R_1}", bm(r"1&2\\0&1")),
    (bm(r"1&2\\2&5"), r"\xrightarrow{R_2 \to R_2 - 2R_1}", bm(r"1&2\\0&1")),
    (bm(r"1&2\\2&5"), r"\xrightarrow{R_2 - 2R_1 \to R_2}", bm(r"1&2\\0&1")),
    (bm(r"1&2\\2&5"), r"\stackrel{R_{2} \gets R_{2} - 2R_{1}}{\sim}", bm(r"1&2\\0&1")),
    (bm(r"1&2\\2&5"), r"\xrightarrow{R_1 \leftrightarrow R_2}", bm(r"2&5\\1&2")),
    (bm(r"2&4\\1&3"), r"\overset{R_1/2}{=}", bm(r"1&2\\1&3")),
    (bm(r"2&4\\1&3"), r"\xrightarrow{\frac{R_1}{2}}", bm(r"1&2\\1&3")),
    (aug(r"1&2&5\\0&-2&-9"), r"\xrightarrow{-\frac12 R_2}", aug(r"1&2&5\\0&1&\frac92")),
    # two operations at once, in one label, in two labels, or stacked
    (bm(r"1&1&1\\2&3&1\\1&0&4"), r"\xrightarrow{R_2 - 2R_1,\ R_3 - R_1}", bm(r"1&1&1\\0&1&-1\\0&-1&3")),
    (bm(r"1&1&1\\2&3&1\\1&0&4"), r"\xrightarrow[R_3 - R_1]{R_2 - 2R_1}", bm(r"1&1&1\\0&1&-1\\0&-1&3")),
    (bm(r"1&1&1\\2&3&1\\1&0&4"), r"\xrightarrow{\substack{R_2 - 2R_1\\ R_3 - R_1}}", bm(r"1&1&1\\0&1&-1\\0&-1&3")),
    # R_3 + R_1 does not say which row it writes over: either is a reading
    (bm(r"1&1\\-1&2"), r"\xrightarrow{R_1 + R_2}", bm(r"0&3\\-1&2")),
])
def test_a_step_the_mark_gives_verifies(lhs, mark, rhs):
    assert marked(lhs, mark, rhs) == V


@pytest.mark.parametrize("lhs, mark, rhs", [
    # R_2 - 2R_1 done as R_2 - 3R_1: still row equivalent, verified before
    (bm(r"1&2\\2&5"), r"\xrightarrow{R_2 - 2R_1}", bm(r"1&2\\-1&-1")),
    # the mark says a swap, the matrix shows an elimination
    (bm(r"1&2\\2&5"), r"\xrightarrow{R_1 \leftrightarrow R_2}", bm(r"1&2\\0&1")),
    # below full rank the echelon forms agree whatever row of the row space is written
    (bm(r"1&2&3\\2&4&6\\1&1&1"), r"\xrightarrow{R_2 - 2R_1}", bm(r"1&2&3\\1&2&3\\1&1&1")),
    (bm(r"1&2\\2&4"), r"\xrightarrow{R_2 - R_1}", bm(r"1&2\\0&0")),
    (bm(r"1&1&1\\2&3&1\\1&0&4"), r"\xrightarrow{R_2 - 2R_1,\ R_3 - R_1}", bm(r"1&1&1\\0&1&-1\\0&-1&4")),
])
def test_a_slip_inside_the_row_space_is_not_verified(lhs, mark, rhs):
    assert marked(lhs, mark, rhs) == U


@pytest.mark.parametrize("lhs, mark, rhs", [
    (aug(r"1&2&5\\3&4&6"), r"\xrightarrow{R_2 - 3R_1}", aug(r"1&2&5\\0&-2&-8")),
    (bm(r"1&2\\2&4"), r"\xrightarrow{R_2 - 2R_1}", bm(r"1&2\\0&1")),
])
def test_a_slip_leaving_the_row_space_is_still_refuted(lhs, mark, rhs):
    assert marked(lhs, mark, rhs) == R


@pytest.mark.parametrize("mark", [
    r"\xrightarrow{\text{eliminate}}", r"\xrightarrow{R_i - R_1}", r"\xrightarrow{R_1 \to R_2}",
])
def test_a_mark_not_read_leaves_the_old_decision(mark):
    assert rowequiv.label_operations(mark) is None


def test_readings_of_marks():
    assert rowequiv.label_operations(r"\xrightarrow{R_{2}-\frac{3}{2}R_{1}}") == [
        [(0, {0: -sp.Rational(3, 2), 1: 1}, True), (1, {0: -sp.Rational(3, 2), 1: 1}, True)]]
    assert rowequiv.label_operations(r"\overset{R_1 \leftrightarrow R_3}{=}") == [[(0, 2, False)]]


def test_mark_reaches_the_check_through_the_pipeline(tmp_path):
    source = tmp_path / "rows.tex"
    source.write_text("\\documentclass{article}\\usepackage{amsmath}\\begin{document}\n\\begin{align*}\n"
                      + bm(r"1&2\\2&5") + r" &\xrightarrow{R_2 - 2R_1} " + bm(r"1&2\\-1&-1") + r" \\"
                      + "\n" + r"&\xrightarrow{R_2 \cdot (-1)} " + bm(r"1&2\\1&1")
                      + "\n\\end{align*}\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    assert [s.step.relation for s in result.steps] == [ROW_EQUIVALENT, ROW_EQUIVALENT]
    assert [s.verdict.status.value for s in result.steps] == [U, V]
    assert not result.findings


@pytest.mark.parametrize("lhs, mark, rhs, expected", [
    # rounded decimals (1.667 for 5/3) are no exact combination of the rows, but within their rounding
    # of one: refuted before, a false alarm
    (bm(r"3&1&2\\1&2&1"), r"\xrightarrow{R_2 - \frac13 R_1}", bm(r"3&1&2\\0&1.667&0.333"), U),
    (aug(r"3&1&2\\1&2&1"), r"\sim", aug(r"3&1&2\\0&1.67&0.33"), U),
    # a decimal further off than its rounding is still a slip
    (aug(r"1&2&5\\3&4&6"), r"\xrightarrow{R_2 - 3R_1}", aug(r"1&2&5\\0&-2&-8.5"), R),
    (aug(r"1&2&5\\0&-2&-9"), r"\xrightarrow{-\frac12 R_2}", aug(r"1&2&5\\0&1&4.4"), R),
    (aug(r"1&2&5\\0&-2&-9"), r"\xrightarrow{-\frac12 R_2}", aug(r"1&2&5\\0&1&4.5"), V),
])
def test_rounded_decimals_in_a_row_reduction(lhs, mark, rhs, expected):
    assert marked(lhs, mark, rhs) == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # the rank jumps under rounding: of decimals it is not decided (rank 2 as written, 1 meant)
    (r"\operatorname{rank}\begin{bmatrix}1&0.333\\3&1\end{bmatrix}", "1", U),
    (r"\operatorname{rank}\begin{bmatrix}1&2\\2&4\end{bmatrix}", "1", V),
    (r"\operatorname{rank}\begin{bmatrix}1&2\\2&4\end{bmatrix}", "2", R),
])
def test_rank_of_decimals_is_not_decided(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected
