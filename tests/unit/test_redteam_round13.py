"""Red team of the readings added in round 13, for false alarms: correct steps of lecture notes that
were refuted (a Greek capital between vectors, x . y beside x_i y_i, two barred means in one step,
a limit whose small terms vanish in rounding, Einstein's summed indices, detailed balance, a mean
the prose defines inline), and wrong neighbours that must stay refuted or unverified."""
import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# a Greek capital after a row vector is a matrix (x^T \Sigma x), so is one inside a trace
GREEK_MATRICES = [
    (r"x^T \Sigma x", r"\sum_{i,j} x_i \Sigma_{ij} x_j"),
    (r"u^\top \Lambda v", r"\sum_{i}\sum_{j} u_i \Lambda_{ij} v_j"),
    (r"\mathrm{tr}(\Sigma)", r"\sum_i \Sigma_{ii}"),
    (r"\sum_k \Lambda_{kk}", r"\operatorname{tr}(\Lambda)"),
]


@pytest.mark.parametrize("lhs,rhs", GREEK_MATRICES)
def test_greek_capitals_read_as_matrices_verify(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs,rhs", [
    (r"x^T \Sigma x", r"\sum_{i,j} x_i \Sigma_{ji} x_i"),
    (r"\mathrm{tr}(\Sigma)", r"2\sum_i \Sigma_{ii}"),
])
def test_greek_matrix_slips_are_not_verified(lhs, rhs):
    assert status(lhs, rhs) != V


# x \cdot y between two letters whose entries x_i, y_i the step writes is their inner product
@pytest.mark.parametrize("lhs,rhs", [
    (r"x \cdot y", r"\sum_i x_i y_i"),
    (r"\sum_{k=1}^{n} u_k v_k", r"u \cdot v"),
])
def test_dot_beside_entries_is_an_inner_product(lhs, rhs):
    assert status(lhs, rhs) == V


def test_dot_beside_entries_slip_not_verified():
    assert status(r"x \cdot y", r"2\sum_i x_i y_i") != V
    assert status(r"a \cdot b", r"a b") == V  # numbers without entries stay numbers


# every barred letter of a step beside a sum of its entries is that mean (not only the first)
@pytest.mark.parametrize("lhs,rhs", [
    (r"\sum_{i=1}^n x_i y_i - n\bar x\bar y", r"\sum_{i=1}^n (x_i - \bar x)(y_i - \bar y)"),
    (r"\sum_{i=1}^{n} (u_i - \bar{u})(v_i - \bar{v})", r"\sum_{i=1}^{n} u_i v_i - n\bar{u}\bar{v}"),
])
def test_two_means_in_one_step(lhs, rhs):
    assert status(lhs, rhs) == V


def test_two_means_slip_still_refuted():
    assert status(r"\sum_{i=1}^n x_i y_i - n\bar x\bar y", r"\sum_{i=1}^n (x_i - \bar x)(y_i - \bar y) + 1") == R


# a limit whose small terms vanish beside 1 when rounded: more digits, or no value
@pytest.mark.parametrize("lhs,rhs", [
    (r"\lim_{x\to 0} \frac{\ln(1 + x^{10})}{x^{10}}", "1"),
    (r"\lim_{x\to 0} \frac{e^{x^8} - 1}{x^8}", "1"),
])
def test_limits_with_tiny_terms_verify(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs,rhs", [
    (r"\lim_{x\to -\infty} \frac{\ln(1 + e^x)}{e^x}", "1"),
    (r"\lim_{t\to \infty} \frac{\ln(1 + e^{-t})}{e^{-t}}", "1"),
])
def test_limits_beyond_reach_are_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


def test_limit_tiny_term_slips_still_refuted():
    assert status(r"\lim_{x\to 0} \frac{\ln(1 + x^{10})}{x^{10}}", "2") == R
    # a negligible term that leaves no zero behind keeps its limit
    assert status(r"\lim_{t\to\infty} \frac{1 - e^{-2 t}}{2}", r"\frac{1}{2}") == V


# Einstein's convention: an index twice on one side, absent from the other, is summed
@pytest.mark.parametrize("lhs,rhs", [
    (r"A_{ij} x_j", r"(A x)_i"),
    (r"\frac{\partial}{\partial x_i}(x_j x_j)", r"2 x_i"),
    (r"B_{ki} B_{kj}", r"(B^T B)_{ij}"),
])
def test_einstein_summation_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


def test_einstein_guard_needs_an_absent_index():
    assert status(r"x_i x_i", r"2 x_i^2") == R  # i on both sides: no summation meant
    assert status(r"\sum_j A_{ij} x_j", r"(A x)_i") == V


# a step whose sides exchange two letters states a symmetry (detailed balance)
@pytest.mark.parametrize("lhs,rhs", [
    (r"\pi(x) P(x, y)", r"\pi(y) P(y, x)"),
    (r"\pi_i P_{ij}", r"\pi_j P_{ji}"),
    (r"\mu(s) K(s, t)", r"\mu(t) K(t, s)"),
])
def test_detailed_balance_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


def test_exchanged_letters_in_sums_are_still_refuted():
    assert status(r"f(x) - f(y)", r"f(y) - f(x)") == R
    assert status(r"a - b", r"b - a") == R


DOC = r"""\documentclass{article}
\begin{document}
Let $\lambda = \frac{1}{n}\sum_{i=1}^n z_i$ be the average. Then
\begin{align*}
\frac{1}{n}\sum_{i=1}^n (z_i - \lambda)^2 &= \frac{1}{n}\sum_{i=1}^n z_i^2 - \lambda^2
\end{align*}
and
\begin{align*}
\frac{1}{n}\sum_{i=1}^n (y_i - \nu)^2 &= \frac{1}{n}\sum_{i=1}^n y_i^2 - \nu^2
\end{align*}
where $\nu = \frac{1}{n}\sum_{i=1}^n y_i$. A slip:
\begin{align*}
\frac{1}{n}\sum_{i=1}^n (z_i - \lambda)^2 &= \frac{1}{n}\sum_{i=1}^n z_i^2 + \lambda^2
\end{align*}
\end{document}
"""


def test_a_mean_defined_inline_in_the_prose(tmp_path):
    source = tmp_path / "means.tex"
    source.write_text(DOC)
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    statuses = [s.verdict.status.value for s in result.steps]
    assert statuses == [V, V, R]


# x_{ik} beside the sample x_i (in a norm, transposed) is its k-th entry: never refuted as a number
@pytest.mark.parametrize("lhs,rhs", [
    (r"\|x_i - x_j\|^2", r"\sum_k (x_{ik} - x_{jk})^2"),
    (r"\|z_n\|^2", r"\sum_{d} z_{nd}^2"),
])
def test_entries_of_samples_are_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


def test_entries_of_samples_need_the_sample_as_a_vector():
    assert status(r"\|w\|^2", r"\sum_j w_j^2") == V


# \dot q_1 makes q_2 move with t as well: the same letter with another index
def test_generalized_coordinates_move_together():
    assert status(r"\frac{d}{dt}(\dot{q}_1 q_2)", r"\ddot{q}_1 q_2 + \dot q_1 \dot q_2") == V
    assert status(r"\frac{d}{dt}(\dot{q}_1 q_2)", r"\ddot{q}_1 q_2") == R
    assert status(r"\frac{d}{dt}(m_1 \dot{x}_1)", r"m_1 \ddot{x}_1") == V  # m_1 is no coordinate
