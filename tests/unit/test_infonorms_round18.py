"""KL divergences, entropies and subscripted norms (round 18): what they are read as, and where not."""
import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs, status", [
    # the divergence, in its spellings, against its definition
    (r"D_{KL}(p \| q)", r"\sum_y p(y)\log\frac{p(y)}{q(y)}", V),
    (r"D_{\mathrm{KL}}(p \parallel q)", r"\sum_y p(y)\log p(y) - \sum_y p(y)\log q(y)", V),
    (r"\mathrm{KL}(p\|q)", r"-\sum_y p(y)\log\frac{q(y)}{p(y)}", V),
    (r"KL[q, p]", r"\sum_y q(y)\log\frac{q(y)}{p(y)}", V),
    (r"D(P || Q)", r"\sum_{y \in \mathcal{Y}} P(y)\log_2\frac{P(y)}{Q(y)}", V),
    (r"D_{KL}(f(w) \| g(w))", r"\int f(w)\log\frac{f(w)}{g(w)}\,dw", V),
    (r"D_{KL}(p\|p)", r"0", V),
    # slips: the ratio upside down, a sign, the arguments swapped
    (r"D_{KL}(p \| q)", r"\sum_y p(y)\log\frac{q(y)}{p(y)}", R),
    (r"\mathrm{KL}(p\|q)", r"\sum_y p(y)\log p(y) + \sum_y p(y)\log q(y)", R),
    (r"D_{KL}(f(w) \| g(w))", r"\int f(w)\log\frac{g(w)}{f(w)}\,dw", R),
    # a base of the logarithm the prose may mean (bits): never an error
    (r"D_{KL}(p\|q)", r"\frac{1}{\ln 2}\sum_{y} p(y)\ln\frac{p(y)}{q(y)}", U),
    # bounds a distribution's range need not have: not decided
    (r"D_{KL}(p\|q)", r"\int_{-\infty}^{\infty} p(y)\log\frac{p(y)}{q(y)}\,dy", U),
    # an expectation under the first argument is the divergence (round 23: written out as its sum)
    (r"D_{KL}(p\|q)", r"\mathbb{E}_{y\sim p}\left[\log\frac{p(y)}{q(y)}\right]", V),
    # a divergence of named densities is not unfolded
    (r"D_{KL}(\mathcal{N}(a, b)\|\mathcal{N}(c, d))", r"\log\frac{d}{b}", U),
])
def test_divergence(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_divergence_slip_is_diagnosed_on_the_written_side():
    verdict = check_step(r"D_{KL}(p \| q)", r"\sum_y p(y)\log\frac{q(y)}{p(y)}", "=")
    assert verdict.status is R and verdict.diagnosis is not None and verdict.diagnosis.kind == "reciprocal"


def test_divergence_through_a_macro():
    macros = {"\\dkl": Macro("\\dkl", 0, "\\operatorname{KL}")}
    assert check_step(r"\dkl(p\|q)", r"\sum_y p(y)\log\frac{p(y)}{q(y)}", "=", macros=macros).status is V


@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"D_{KL}(p\|q)", "0", ">="),  # Gibbs: needs normalised r, s
    (r"\sum_y p(y)\log\frac{p(y)}{q(y)}", r"D_{KL}(p\|q) + 1", "<="),
])
def test_divergence_inequality_never_refuted(lhs, rhs, relation):
    assert check_step(lhs, rhs, relation).status is not R


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"c + H(Y)", r"c - \sum_y p(y)\log p(y)", V),
    (r"\sum_y p(y)\log\frac{1}{p(y)}", r"H(p)", V),
    (r"c + H(p, q)", r"c - \sum_y p(y)\log q(y)", V),
    (r"D_{KL}(p\|q)", r"H(p, q) - H(p)", V),
    # verify-only: a wrong unfolding, or an H that is a Hamiltonian, is never an error
    (r"c + H(Y)", r"c + \sum_y p(y)\log p(y)", U),
    (r"c + H(p, q)", r"c + \frac{p^2}{2m} + V(q)", U),
])
def test_entropy(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\|v\|_1", r"\sum_k |v_k|", V),
    (r"\|v\|_\infty", r"\max_k |v_k|", V),
    (r"\|v\|_p", r"\left(\sum_k |v_k|^p\right)^{1/p}", V),
    (r"\|v\|_p^p", r"\sum_{k=1}^n |v_k|^p", V),
    (r"\|B\|_F^2", r"\operatorname{tr}(B^TB)", V),
    (r"\|B\|_{\mathrm{F}}^2", r"\operatorname{tr}(B^\top B)", V),
    (r"\|5v\|_1", r"5\|v\|_1", V),
    (r"\|-3v\|_\infty", r"-3\|v\|_\infty", R),
    (r"\|(5, -12)\|_1", "17", V),
    (r"\|(5, -12)\|_1", "13", R),
    (r"\|(5, -12)\|_\infty", "12", V),
    (r"\|(5, -12)\|_2", "13", V),
    (r"\left\|\begin{pmatrix} 2 & 1 \\ 0 & 2 \end{pmatrix}\right\|_F", "3", V),
    (r"\left\|\begin{bmatrix} 2 \\ -1 \\ 2 \end{bmatrix}\right\|_1", "5", V),
    # a matrix's 1- and max-norms are induced (round 19; the entrywise ones only keep a step unrefuted)
    (r"\|B\|_1", r"\max_j \sum_i |B_{ij}|", V),
    (r"\|B\|_1", r"\sum_{i,j} |B_{ij}|", U),
    # norms with a weight or of a function space: not read
    (r"\|v\|_B^2", r"v^T B v", U),
    (r"\|g\|_{L^2}^2", r"\int_0^1 g(t)^2\,dt", U),
    (r"\|g\|_1", r"\int_0^1 |g(t)|\,dt", U),
    (r"\|g\|", r"\sqrt{\int_0^1 g(t)^2\,dt}", U),
    (r"\|g\|_\infty", r"\sup_t |g(t)|", U),
])
def test_norm(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_k |v_k w_k|", r"\|v\|_p \|w\|_q"),  # Hoelder: 1/p + 1/q = 1 is the prose's
    (r"\|v\|_p", r"\|v\|_q"),  # holds for p >= q only
])
def test_p_norm_inequalities_never_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "<=").status is not R


def test_norm_inequality_counterexample():
    assert check_step(r"\|v\|_1", r"\|v\|_2", "<=").status is R
