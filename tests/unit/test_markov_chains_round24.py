"""Round 24, Markov chains and queues: a row vector before a transition matrix or generator may be its
stationary distribution (mu P = mu, nu G = 0), which the notes state once, far above the steps that
use it; and a matrix the document writes out (K = (..)) decides the steps that name it beside written
matrices (I - K, K^2, (I - K)^{-1} times the ones), which as a random matrix of no size it cannot."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _statuses(body: str) -> list[str]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=4.0, seed=0))[0]
    return [s.verdict.status.value for s in res.steps]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mu P^{m+1}", r"\mu P^m"),                                      # invariance, one more step
    (r"\nu K^3", r"\nu K^2"),
    (r"\pi T^2", r"\pi T"),                                            # \pi, which the parser reads as 3.14 first
    (r"\nu + \sum_{k=1}^\infty \frac{s^k}{k!}\nu G^k", r"\nu"),        # a generator's series: \nu G = 0
])
def test_stationary_row_vector_is_not_an_error(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "stationary distribution" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mu P^2", r"2\mu P"),                # holds only if \mu P = 0: both sides vanish, says nothing
    (r"\mu P^{m+1}", r"\mu P^m - \mu"),     # \mu = \mu - \mu under invariance: still wrong
    (r"K^2 w", r"K w"),                     # a column vector after the matrix: no course's convention
    (r"(a + b) P", r"a P"),                 # a dropped term beside a scalar factor
    (r"\int_0^{L} \kappa x^2\,dx", r"\kappa L^2/3"),   # L is a bound too: a length, not a matrix
    (r"\frac{d}{ds}e^{s\mathbf{B}}", r"e^{s\mathbf{B}}"),  # s B in an exponent: no row vector there
])
def test_slips_beside_a_row_vector_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_invariance_far_below_its_statement_in_a_document():
    body = ("An invariant row vector $\\mu$ is a left eigenvector of $P$ for the eigenvalue one.\n"
            + "\n".join(f"Filler sentence {i} about coupling." for i in range(40))
            + "\n\\begin{align*}\n\\mu P^{m+1} &= \\mu P^m\n\\end{align*}")
    assert _statuses(body) == ["unverified"]


MATRIX = r"K &= \begin{pmatrix} 0 & \frac13 \\ \frac23 & 0 \end{pmatrix}"


@pytest.mark.parametrize("lhs, rhs", [
    (r"I - K", r"\begin{pmatrix} 1 & -\frac13 \\ -\frac23 & 1 \end{pmatrix}"),
    (r"K^2", r"\begin{pmatrix} \frac29 & 0 \\ 0 & \frac29 \end{pmatrix}"),
    (r"(I - K)^{-1}", r"\frac97\begin{pmatrix} 1 & \frac13 \\ \frac23 & 1 \end{pmatrix}"),
])
def test_written_matrix_in_force_decides_the_step(lhs, rhs):
    body = f"\\begin{{align*}}\n{MATRIX}\n\\end{{align*}}\nThen\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}"
    assert _statuses(body) == ["skipped", "verified"]


def test_written_matrix_reached_through_a_definition_with_letters():
    body = (f"\\begin{{align*}}\n{MATRIX}\n\\end{{align*}}\nLet $G = (I - K)^{{-1}}$. The expected times are\n"
            "\\begin{align*}\nG\\mathbf{1} &= \\begin{pmatrix} \\frac{12}{7} \\\\ \\frac{15}{7} \\end{pmatrix}\n"
            "\\end{align*}")
    assert _statuses(body)[-1] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"I - K", r"\begin{pmatrix} 1 & \frac13 \\ -\frac23 & 1 \end{pmatrix}"),   # a sign slipped
    (r"K^2", r"\begin{pmatrix} \frac49 & 0 \\ 0 & \frac49 \end{pmatrix}"),
])
def test_wrong_product_with_written_matrix_is_not_verified(lhs, rhs):
    body = f"\\begin{{align*}}\n{MATRIX}\n\\end{{align*}}\nThen\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}"
    # verify-only: a value of numbers in force never refutes a step by itself
    assert _statuses(body)[-1] != "verified"


def test_determinant_bars_are_not_a_written_matrix():
    body = ("\\begin{align*}\nD &= \\begin{vmatrix} 2 & 1 \\\\ 1 & 1 \\end{vmatrix}\n\\end{align*}\n"
            "Then\n\\begin{align*}\nD^2 &= \\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}\n\\end{align*}")
    assert _statuses(body)[-1] != "verified"


def test_a_mass_times_an_energy_is_no_distribution_times_a_generator():
    # m E of an orbit's energy: a Latin letter before a capital never raised to a power is no chain's
    # distribution and matrix, so a slip beside it stays refuted
    verdict = check_step(r"\frac{4mE}{L^2} + u", r"\frac{2mE}{L^2} + u", "=")
    assert verdict.status is Status.REFUTED
