"""Machine-learning course notes (round 18): PCA's reconstruction error with a matrix of orthonormal
columns (U^T U = I, which the prose says), the sample superscript transposed as x^{(i)T}, and a
covariance identity about a mu that the prose may define as the sample mean."""
import pytest

from lintmath.check import check_step
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math


@pytest.mark.parametrize("lhs, rhs, status", [
    # W with orthonormal columns: the expansion of ||v - W W^T v||^2 collapses only so
    ("v^Tv - 2v^TW_rW_r^Tv + v^TW_rW_r^TW_rW_r^Tv", "v^Tv - v^TW_rW_r^Tv", "unverified"),
    ("a^T Q^T Q a + 1", "a^Ta + 1", "unverified"),
    # wrong whatever W is: a flipped sign, a term kept twice
    ("v^Tv - 2v^TW_rW_r^Tv + v^TW_rW_r^TW_rW_r^Tv", "v^Tv + v^TW_rW_r^Tv", "refuted"),
    ("v^Tv - 2v^TW_rW_r^Tv + v^TW_rW_r^TW_rW_r^Tv", "v^Tv - 2v^TW_rW_r^Tv", "refuted"),
    # plain algebra of the same letters still verifies
    ("v^T(I - W_rW_r^T)v", "v^Tv - v^TW_rW_r^Tv", "verified"),
])
def test_orthonormal_columns_are_the_prose(lhs: str, rhs: str, status: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == status, verdict.reason
    if status == "unverified":
        assert "orthonormal" in verdict.reason


def test_sample_superscript_then_transpose_parses_as_transpose() -> None:
    for text in ("z^{(k)T}", "z^{(k)\\top}", "\\mathbf{z}^{(k)T}"):
        tree = parse_math(text)
        assert isinstance(tree, n.Transpose), text
        inner = tree.inner
        assert isinstance(inner, n.Sym) and inner.base == "z" and inner.labels == ("()",)
        assert [i.base for i in inner.indices] == ["k"]
    # a bracketed label alone stays a label, a power stays a power
    assert isinstance(parse_math("z^{(k)}"), n.Sym)
    assert not isinstance(parse_math("z^{(k)2}"), n.Transpose)


@pytest.mark.parametrize("lhs, rhs, status", [
    ("(z^{(k)T}w)^2", "w^Tz^{(k)}z^{(k)T}w", "verified"),
    ("z^{(k)T}z^{(k)}", "\\|z^{(k)}\\|^2", "verified"),
    ("\\sum_{k=1}^{n} z^{(k)}z^{(k)T}w", "\\sum_{k=1}^{n} z^{(k)}(w^Tz^{(k)})", "verified"),
    ("(z^{(k)T}w)^2", "3w^Tz^{(k)}z^{(k)T}w", "refuted"),
])
def test_sample_transpose_in_steps(lhs: str, rhs: str, status: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == status, verdict.reason


@pytest.mark.parametrize("lhs, rhs, status", [
    # true when mu is the sample mean, false for a population mean: the prose decides
    ("\\frac{1}{n}\\sum_{k=1}^{n}(z^{(k)} - \\mu)(z^{(k)} - \\mu)^T", "\\frac{1}{n}\\sum_{k=1}^{n}z^{(k)}z^{(k)T} - \\mu\\mu^T",
     "unverified"),
    ("\\frac{1}{n}\\sum_{k=1}^{n}(s_k - \\mu)^2", "\\frac{1}{n}\\sum_{k=1}^{n}s_k^2 - \\mu^2", "unverified"),
    # wrong for every mu, the mean included
    ("\\frac{1}{n}\\sum_{k=1}^{n}(s_k - \\mu)^2", "\\frac{1}{n}\\sum_{k=1}^{n}s_k^2 + \\mu^2", "refuted"),
    ("\\frac{1}{n}\\sum_{k=1}^{n}(z^{(k)} - \\mu)(z^{(k)} - \\mu)^T", "\\frac{1}{n}\\sum_{k=1}^{n}z^{(k)}z^{(k)T} + \\mu\\mu^T",
     "refuted"),
])
def test_mu_may_be_the_sample_mean(lhs: str, rhs: str, status: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == status, verdict.reason
    if status == "unverified":
        assert "mean" in verdict.reason


def test_mu_defined_as_the_mean_in_the_prose_still_verifies() -> None:
    from lintmath.config import Config
    from lintmath.extract import extract_text
    from lintmath.pipeline import check_documents
    doc = ("\\documentclass{article}\n\\begin{document}\nCentre the data with $\\mu = \\frac{1}{n}\\sum_{k=1}^{n} z^{(k)}$.\n"
           "\\begin{align*}\n\\frac{1}{n}\\sum_{k=1}^{n}(z^{(k)} - \\mu)(z^{(k)} - \\mu)^T "
           "&= \\frac{1}{n}\\sum_{k=1}^{n}z^{(k)}z^{(k)T} - \\mu\\mu^T\n\\end{align*}\n\\end{document}\n")
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=5.0, seed=0))[0]
    statuses = [s.verdict.status.value for s in res.steps if s.verdict.status.value != "skipped"]
    assert statuses == ["verified"]
    assert not res.findings
