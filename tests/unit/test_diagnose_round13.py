"""Diagnosis, round 13: a line that rewrites the line before term by term (factor by factor) has its
slip in the part that no longer matches, so an edit of a part that equals the part it rewrites is
held back while another repair exists; a term lost from a line that worked out each term's factors
is written back worked out the same way (a number, bracketed as the line brackets them, or a matrix
in the line's environment); a line that keeps no term of the line before as written gets its lost
term as a copy of its own term with the letter it lost; and a term recovered from the difference
writes its letters in the order a product of the lines writes them together; and of two renames
that make the line equally like the line before, the one that writes the names in the order the
line before first writes them is tried first."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R = Status.VERIFIED, Status.REFUTED


# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # the part that still equals what it rewrites is kept; the slip is in the other part
    (r"3\cdot((2+0)+1) + 1", r"3\cdot(4+1) + 1", "arithmetic", r"3\cdot(2+1) + 1"),  # not (4-1)
    (r"4\cdot 0 + 1", r"2 + 1", "arithmetic", r"0 + 1"),  # not 2 - 1
    (r"2\cdot 1 + 1\cdot 0", r"2 + 4", "arithmetic", r"2 + 0"),  # not -2 + 4: a minus put before a kept term
    (r"(y^2)'\cdot y + y^2\cdot(y)'", r"2y\cdot y + 2y^2\cdot 1", "constant_factor", r"2y\cdot y + y^2\cdot 1"),
    (r"p + q", r"q + q", "changed_variable", r"p + q"),
    # among renames that match the line before as well, the one that writes the names in its order
    (r"(a^2 - 2ab + b^2) + (a^2 + 2ab + b^2)", r"2a^2 + 2a^2", "changed_variable", r"2a^2 + 2b^2"),
    # a term lost from a line that worked out each term's factor after the first
    (r"2\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} + 5\begin{vmatrix} 2 & 1 \\ 1 & 1 \end{vmatrix}", r"2 (-2)",
     "dropped_term", r"2 (-2) + 5 (1)"),
    (r"\frac{1}{3}\begin{bmatrix} 1 \\ 1 \end{bmatrix}\begin{bmatrix} 1 & 1 \end{bmatrix} + \frac{2}{3}"
     r"\begin{bmatrix} 1 \\ 0 \end{bmatrix}\begin{bmatrix} 1 & 0 \end{bmatrix}",
     r"\frac{1}{3}\begin{bmatrix} 1 & 1 \\ 1 & 1 \end{bmatrix}", "dropped_term",
     r"\frac{1}{3}\begin{bmatrix} 1 & 1 \\ 1 & 1 \end{bmatrix} + \frac{2}{3}\begin{bmatrix} 1 & 0 \\ 0 & 0 \end{bmatrix}"),
    # a term of the product's expansion, its letters in the order of the product it came from (since
    # round 24 put back by the expansion itself, at its place there, before the difference is written)
    (r"\frac12 a x^2 + k m r \left(1-\frac12 t^2\right)", r"\frac12 a x^2 - \frac12 k m r t^2", "dropped_term",
     r"\frac12 a x^2 + kmr - \frac12 k m r t^2"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs,status", [
    # the right lines still verify: the readings above only pick among repairs of a refuted step
    (r"3\cdot((2+0)+1) + 1", r"3\cdot(2+1) + 1", V),
    (r"(y^2)'\cdot y + y^2\cdot(y)'", r"2y\cdot y + y^2\cdot 1", V),
    (r"2\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} + 5\begin{vmatrix} 2 & 1 \\ 1 & 1 \end{vmatrix}", r"2 (-2) + 5 (1)", V),
    (r"3\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} - 2\begin{vmatrix} 2 & 1 \\ 1 & 1 \end{vmatrix}", r"3\cdot(-2) - 2\cdot 1", V),
    (r"(f(a) + g(a)) + (f(b) + g(b))", r"(f+g)(a) + (f+g)(b)", V),
    # and the wrong ones stay refuted
    (r"3\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} - 2\begin{vmatrix} 2 & 1 \\ 1 & 1 \end{vmatrix}", r"3\cdot(-2) - 2\cdot 2", R),
    (r"p + q", r"q + q", R),
    # (f+g)(b) is f(b) + g(b) since round 29, and a lost value of functions left undefined is no claim
    # the checker decides (f(a) + f(b) = f(b) neither)
    (r"(f(a) + g(a)) + (f(b) + g(b))", r"(f+g)(b)", Status.UNVERIFIED),
])
def test_status(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status
