"""Bold zero, macro arguments in their own braces, and displacement vectors between named points."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status
from lintmath.parse.tokens import macro_table

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
VECT = macro_table((Macro("\\vect", 1, "\\mathbf{#1}"),))


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\mathbf{v} - \mathbf{v}", r"\mathbf{0}", V),
    (r"\vect{u} + \vect{0}", r"\vect{u}", V),                 # \mathbf{{0}} after the macro
    (r"\vect{e}_1 + 2\vect{e}_2", r"2\vect{e}_2 + \vect{e}_1", V),
    (r"\vect{e}_1 + 2\vect{e}_2", r"2\vect{e}_2 - \vect{e}_1", R),
    (r"x + \mathbf{0}", "x", V),                               # beside no vector: the number 0
    (r"A\vect{v} - 2\vect{v}", r"\vect{0}", U),               # an eigenvector's equation, not an identity
])
def test_bold_zero_and_braced_macro_arguments(lhs, rhs, status):
    assert check_step(lhs, rhs, "=", macros=VECT).status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\overrightarrow{PR}", r"\overrightarrow{PQ} + \overrightarrow{QR}", V),
    (r"\vec{AB}", r"-\vec{BA}", V),
    (r"\vec{AB}", r"\vec{BA}", R),
    (r"\mathbf{r}_i - \mathbf{r}_A + \vec{BA}", r"\mathbf{r}_i - \mathbf{r}_B", V),  # r_A: the position of A
    (r"\overrightarrow{PR}", r"\overrightarrow{PQ} - \overrightarrow{QR}", U),         # Q may be anywhere
])
def test_a_vector_between_two_points_is_the_difference_of_their_positions(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    # m_{ab} beside m_{ba} in one line: a symmetric family is a plausible reading (a mass matrix)
    (r"\frac12 \sum_{b=1}^s (m_{ab} + m_{ba}) \dot{q}_b", r"\sum_{b=1}^s m_{ab} \dot{q}_b", V),
    (r"\frac12 \sum_{b=1}^s (m_{ab} + m_{ba}) \dot{q}_b", r"2\sum_{b=1}^s m_{ab} \dot{q}_b", R),
    (r"w_{ij} + w_{ji}", r"2 w_{ij}", V),  # holds, and only, for a symmetric w: said as a guess
    # an index order changed between two lines is a typo, not a reading
    (r"\sum_{i,j} a_{ij} x_i y_j", r"\sum_{i,j} a_{ji} x_i y_j", R),
])
def test_both_index_orders_in_one_line_may_mean_a_symmetric_family(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status
    if status is V and "2 w" in rhs:
        assert verdict.guessed == ("w symmetric",)


@pytest.mark.parametrize("lhs, rhs, status", [
    # \sum_j y_j times what does not depend on j: y is often a probability vector or a one-hot label
    (r"\sum_{j=1}^q y_j \log Z - \sum_{j=1}^q y_j o_j", r"\log Z - \sum_{j=1}^q y_j o_j", V),
    (r"\sum_{j=1}^q y_j \log Z - \sum_{j=1}^q y_j o_j", r"2\log Z - \sum_{j=1}^q y_j o_j", R),
    (r"\sum_j p_j x_j", r"x_1", U),  # not a normalisation: x_j depends on j
])
def test_a_sum_of_a_family_over_all_its_entries_may_be_1(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status
    if status is V:
        assert verdict.guessed == ("the y_j summing to 1",)
