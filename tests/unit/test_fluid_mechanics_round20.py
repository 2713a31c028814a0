"""Continuum and fluid mechanics notes (round 20): dimension formulas in M, L, T read as commuting
powers, free-stream labels p_\\infty, and triple integrals of polynomials over boxes and simplices."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.lower import dimension_formula
from lintmath.parse.parser import parse_math


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    # force per area, stress per shear rate, the Reynolds and Froude numbers: no matrices here
    (r"MLT^{-2} L^{-2}", r"ML^{-1}T^{-2}"),
    (r"ML^{-1}T^{-1}\left(ML^{-3}\right)^{-1}", r"L^2 T^{-1}"),
    (r"ML^{-3}\cdot LT^{-1}\cdot L\cdot\left(ML^{-1}T^{-1}\right)^{-1}", r"M^0 L^0 T^0"),
    (r"MLT^{-2}\cdot LT^{-1}", r"ML^2T^{-3}"),
    (r"\frac{ML}{T^2}\cdot L^{-1}", r"MT^{-2}"),
    (r"\left(ML^{-3}\right)^{p}\left(LT^{-1}\right)^{q}L^{r}", r"M^{p}L^{-3p+q+r}T^{-q}"),
    (r"ML^2T^{-2}\Theta^{-1}\cdot\Theta", r"ML^2T^{-2}"),
])
def test_dimension_formulas_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"MLT^{-2} L^{-2}", r"ML^{-2}T^{-2}"),
    (r"ML^{-1}T^{-2}\cdot L^{3}", r"ML^{3}T^{-2}"),
])
def test_dimension_slips_still_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    # inverted capitals that are not base dimensions, or with no power but +-1, stay matrices
    (r"(AB)^{-1}", r"A^{-1}B^{-1}", "refuted"),
    (r"(LT)^{-1}", r"L^{-1}T^{-1}", "refuted"),
    (r"(LT)^{-1}", r"T^{-1}L^{-1}", "verified"),
])
def test_matrix_inverses_unchanged(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("text, expected", [
    (r"ML^{-1}T^{-2}", True),
    (r"M^0L^0T^0", True),
    (r"L T^{-1}", False),  # no power beyond +-1: a matrix product as much as a dimension
    (r"L^{-2}", False),  # one letter alone
    (r"A L^{-2} T", False),  # a letter that is no base dimension
    (r"\mathbf{M}L^{-2}T", False),
    (r"M L^{-3} + T^{-2}", False),  # a sum is no dimension
    (r"M^{L}T^{-2}", False),  # a dimension in an exponent
])
def test_dimension_formula_detection(text: str, expected: bool) -> None:
    assert dimension_formula([parse_math(text)]) is expected


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"p_\infty - \frac12\rho U^2", r"p_\infty - \frac{\rho U^2}{2}", "verified"),
    (r"p_{\infty} + \tfrac12\rho U_\infty^2", r"\tfrac12\rho U_\infty^2 + p_\infty", "verified"),
    (r"p_\infty + \rho U_\infty^2", r"\rho U_\infty^2 - p_\infty", "refuted"),
    (r"\frac{T - T_\infty}{T_0 - T_\infty}", r"\frac{T_\infty - T}{T_\infty - T_0}", "verified"),
    # the infinity of bounds and norms is untouched
    (r"\sum_{n=0}^\infty 2^{-n}", "2", "verified"),
    (r"\int_0^\infty e^{-x}\,dx", "1", "verified"),
    (r"\lim_{x \to \infty} \frac{x}{x+1}", "1", "verified"),
    (r"\|x\|_\infty", r"\max_i |x_i|", "verified"),
])
def test_free_stream_labels(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\int_0^1\int_0^1\int_0^1 xyz\,dx\,dy\,dz", r"\frac18", "verified"),
    (r"\int_0^1\int_0^1\int_0^1 xyz\,dx\,dy\,dz", r"\frac14", "refuted"),
    (r"\int_0^a\!\!\int_0^a\!\!\int_0^a 2x\,\mathrm{d}x\,\mathrm{d}y\,\mathrm{d}z", "a^4", "verified"),
    (r"\int_0^1\int_0^{1-x}\int_0^{1-x-y} 1\,dz\,dy\,dx", r"\frac16", "verified"),
    (r"\int_0^1\int_0^{1-x}\int_0^{1-x-y} 1\,dz\,dy\,dx", r"\frac13", "refuted"),
    (r"\int_0^1\int_0^1\int_0^1 (x + y^2 z)\,dx\,dy\,dz", r"\frac23", "verified"),
    (r"\int_0^b\int_0^c\int_0^d (x^2 + y^2)\,dz\,dy\,dx", r"\frac{d(b^3 c + b c^3)}{3}", "verified"),
    # double integrals keep the quadrature they had
    (r"\int_0^1\int_0^1 xy\,dx\,dy", r"\frac14", "verified"),
])
def test_triple_integrals_of_polynomials(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


def test_triple_integral_of_a_transcendental_stays_unread() -> None:
    # not a polynomial in any of its variables: no exact integral, and the quadrature stops at two
    assert _status(r"\int_0^1\int_0^1\int_0^1 e^{xyz}\,dx\,dy\,dz", "1") == "unverified"
    # (round 22) constant in the outer variables: those are done first (Fubini), leaving one integral
    assert _status(r"\int_0^1\int_0^1\int_0^1 e^{x}\,dx\,dy\,dz", "e - 1") == "verified"
    assert _status(r"\int_0^1\int_0^1\int_0^1 e^{x}\,dx\,dy\,dz", "e + 1") == "refuted"


def test_entry_index_with_a_definition_put_in_is_no_internal_error() -> None:
    # the prose gives the index letter a value: the definition put into (curl u)_i leaves a bracket
    # where the index letter was, which used to crash the classification of the step's letters
    from lintmath.config import Config
    from lintmath.extract import extract_text
    from lintmath.pipeline import check_documents
    doc = ("\\documentclass{article}\n\\begin{document}\nLet $i = j + 1$ here.\n"
           "\\begin{align*}\n(\\nabla\\times\\mathbf{w})_i &= \\epsilon_{ijk}\\partial_j w_k\n\\end{align*}\n"
           "\\end{document}\n")
    result = check_documents([extract_text(doc, "c.tex")], ["c.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    (step,) = result.steps
    assert step.verdict.status.value == "unverified"
    assert "internal error" not in step.verdict.reason
