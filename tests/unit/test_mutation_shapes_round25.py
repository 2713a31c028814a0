"""Mutation shapes, round 25: where the default reading cannot build the line before itself for a misfit
of shapes (``(y - x)^T`` with y and x read as numbers, ``\\exp(w^T x_i)`` with x_i a number), the first
reading whose shapes build it stands for the default one. A slip in the new line is then refuted and
diagnosed as in a step read by default, the correct line still verifies, and a new line that is itself
ill-typed (a vector added to a number) stays unverified unless a small edit makes the step hold (round 26)."""
import pytest

from documents import checked_steps
from lintmath.check import check_step
from lintmath.model import Status

R, V, U = Status.REFUTED, Status.VERIFIED, Status.UNVERIFIED

# a convex combination of two supporting hyperplanes at x (the subgradients u, v)
HYPERPLANES = r"f(x) + ((1-s)u+sv)^T(y-x)"
SPLIT = r"(1-s)(f(x)+u^T(y-x)) + s(f(x)+v^T(y-x))"
# a Poisson regression's log-likelihood of one sample, with the rate exp(w^T x_i)
POISSON = r"\log\left[\frac{1}{\Gamma(\exp(w^{T}x_{i}))}y_{i}^{\exp(w^{T}x_{i})-1}e^{-y_{i}}\right]"
POISSON_SPLIT = r"-\log\Gamma(\exp(w^{T}x_{i})) + \left[\exp(w^{T}x_{i})-1\right]\log y_{i}-y_{i}"
# a hinge Lagrangian with a squared norm on the line before and w^T w on the new one
HINGE = r"\frac{1}{2}\|w\|^{2}+\sum_{i=1}^{n}\beta_{i}\left(1-y_{i}w^{T}x_{i}\right)"
HINGE_SPLIT = r"\frac{1}{2}w^{T}w+\sum_{i=1}^{n}\beta_{i}-\sum_{i=1}^{n}\beta_{i}y_{i}w^{T}x_{i}"
# a least-squares objective expanded
SQUARES = r"(b-Aw)^{T}(b-Aw)"


@pytest.mark.parametrize("lhs,rhs", [
    (HYPERPLANES, SPLIT),
    (POISSON, POISSON_SPLIT),
    (HINGE, HINGE_SPLIT),
    (SQUARES, r"b^{T}b-2w^{T}A^{T}b+w^{T}A^{T}Aw"),
])
def test_correct_lines_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is V


# (line before, wrong new line, kind of the slip, the line it restores)
SLIPS = [
    # a number worked wrong in a factor beside an undefined f of a vector
    (HYPERPLANES, r"(2-s)(f(x)+u^T(y-x)) + s(f(x)+v^T(y-x))", "arithmetic", SPLIT),
    # y changed to x inside a transposed product
    (HYPERPLANES, r"(1-s)(f(x)+u^T(x-x)) + s(f(x)+v^T(y-x))", "changed_variable", SPLIT),
    (HYPERPLANES, r"(1-s)(f(x)+u^T(y-x)) - s(f(x)+v^T(y-x))", "sign_flip", SPLIT),
    # the exponent's -1 worked wrong, and a sign, beside exp of w^T x_i
    (POISSON, r"-\log\Gamma(\exp(w^{T}x_{i})) + \left[\exp(w^{T}x_{i})-2\right]\log y_{i}-y_{i}", "arithmetic",
     POISSON_SPLIT),
    (POISSON, r"-\log\Gamma(\exp(w^{T}x_{i})) + \left[\exp(w^{T}x_{i})-1\right]\log y_{i}+y_{i}", "sign_flip",
     POISSON_SPLIT),
    (HINGE, r"\frac{3}{2}w^{T}w+\sum_{i=1}^{n}\beta_{i}-\sum_{i=1}^{n}\beta_{i}y_{i}w^{T}x_{i}", "arithmetic",
     HINGE_SPLIT),
    (HINGE, r"\frac{1}{2}w^{T}w+\sum_{i=1}^{n}\beta_{i}+\sum_{i=1}^{n}\beta_{i}y_{i}w^{T}x_{i}", "sign_flip",
     HINGE_SPLIT),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", SLIPS)
def test_slips_refuted_and_diagnosed(lhs, rhs, kind, suggestion):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(suggestion.split())


@pytest.mark.parametrize("lhs,rhs", [
    # a term lost whole that no small edit puts back: the shapes were guessed, so without an edit
    # that explains it the step stays unverified, as where the default reading builds neither line
    (POISSON, r"\left[\exp(w^{T}x_{i})-1\right]\log y_{i}-y_{i}"),
])
def test_lost_terms_without_an_edit_stay_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


@pytest.mark.parametrize("lhs,rhs,kind", [
    # the new line adds a row vector, or a vector, to numbers: ill-typed in every reading, while the
    # line before builds. Round 26: a small edit that makes the step hold (b^T b for b^T A, the
    # ill-typed term left out) makes it an error, as for a step whose readings all differ
    (SQUARES, r"b^{T}A-2w^{T}A^{T}b+w^{T}A^{T}Aw", "changed_variable"),
    (r"x^{T}Mx-2b^{T}x", r"x^{T}Mx-2b^{T}x+b^{T}M", "dropped_term"),
    (r"(x+sv)^TB(x+sv)", r"x^TBx + sx^TBv + sv^TBx + s^2v^TBv + x^Txx", "dropped_term"),
])
def test_ill_typed_new_lines_with_an_edit_are_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs,rhs", [
    # a number added to a vector or matrix that no small edit explains: the author's broadcast or
    # lambda for lambda I, which only the prose can say; unverified as before
    (r"X\mathbf{w} + b\mathbf{1}", r"X\mathbf{w} + b"),
    (r"X^T X w + \lambda w", r"(X^T X + \lambda) w"),
])
def test_ill_typed_new_lines_without_an_edit_stay_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


def test_chain_puts_the_lost_term_in_the_slipped_row():
    # the middle row lost s^2|h|^2, which the next row writes: the slip is the first step's, and the
    # second step is its knock-on
    body = ("\\begin{align*}\n"
            "\\|p_{0}-ah-q\\|^{2} &= \\|p_{0}-q\\|^{2}-2ah^{T}\\left(p_{0}-q\\right) \\\\\n"
            "&= \\|p_{0}-q\\|^{2}-2ah^{T}\\left(p_{0}-q\\right)+a^{2}\\|h\\|^{2}\n"
            "\\end{align*}\n")
    steps = checked_steps(body)
    assert [s.verdict.status for s in steps] == [R, Status.SKIPPED]
    assert steps[0].verdict.diagnosis is not None and steps[0].verdict.diagnosis.kind == "dropped_term"


@pytest.mark.parametrize("rhs,kind", [
    (r"3\ell(y w^{T}x) + \lambda w^{T}w", "arithmetic"),
    (r"2\ell(y w^{T}x) - \lambda w^{T}w", "sign_flip"),
])
def test_function_of_a_row_vector_is_a_misfit_of_shapes(rhs, kind):
    # ell(y w^T x) with x read as a number applies ell to a row vector: the reading with x a vector
    # builds the line before and decides the slip
    lhs = r"\ell(y w^{T}x) + \lambda\|w\|^{2} + \ell(y w^{T}x)"
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R and verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    assert check_step(lhs, r"2\ell(y w^{T}x) + \lambda w^{T}w", "=").status is V
