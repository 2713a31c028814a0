"""Round 22: a matrix seen in a Gram matrix's inverse, (Z^T Z)^{-1} or (B B^T)^{-1}, is tall or wide
(see lintmath/gram.py), so that a projection onto its columns is no identity in the instances."""
import pytest

from lintmath.check import check_step
from lintmath.gram import gram_inverses, short_vectors
from lintmath.lower import Lowerer, Instance, classify_letters
from lintmath.model import Status
from lintmath.parse.parser import parse_math

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED

HAT = r"Z(Z^\intercal Z)^{-1}Z^{\intercal}"


@pytest.mark.parametrize("lhs,rhs,status", [
    # the hat matrix of a tall Z: idempotent, symmetric, fixing Z, annihilating residuals
    (f"{HAT}{HAT}", HAT, V),
    (f"({HAT})^\\intercal", HAT, V),
    (f"{HAT}Z", "Z", V),
    (f"(I - {HAT})(I - {HAT})", f"I - {HAT}", V),
    (f"(I - {HAT})Z", "0", V),
    (r"(Z^\intercal Z)^{-1}Z^\intercal Z", "I", V),
    (r"(Z^\intercal Z)^{-1}(Z^\intercal Z)", "I", V),
    (r"Z^\intercal(u - Z(Z^\intercal Z)^{-1}Z^\intercal u)", "0", V),
    (r"Z^\intercal Z(Z^\intercal Z)^{-1}Z^\intercal u", r"Z^\intercal u", V),
    # the p x p identity of the Gram side, under a trace and beside a ridge term
    (r"\mathrm{tr}((Z^\intercal Z)^{-1}Z^\intercal Z)", r"\mathrm{tr}(I)", V),
    (r"Z^\intercal Z(Z^\intercal Z)^{-1} + \mu I", r"(1 + \mu)I", V),
    # wide: the projection onto the row space of B
    (r"B^\top(BB^\top)^{-1}B B^\top(BB^\top)^{-1}B", r"B^\top(BB^\top)^{-1}B", V),
    (r"BB^\top(BB^\top)^{-1}", "I", V),
    # bold vectors sized to fit: p entries after the tall matrix, n beside its transpose
    (r"(\mathbf{Z}^\top\mathbf{Z})^{-1}\mathbf{Z}^\top(\mathbf{Z}\mathbf{b} + \mathbf{r})",
     r"\mathbf{b} + (\mathbf{Z}^\top\mathbf{Z})^{-1}\mathbf{Z}^\top\mathbf{r}", V),
    (r"\mathbf{Z}^\top(\mathbf{u} - \mathbf{Z}(\mathbf{Z}^\top\mathbf{Z})^{-1}\mathbf{Z}^\top\mathbf{u})", r"\mathbf{0}", V),
    (r"\|\mathbf{u} - \mathbf{Z}\mathbf{b}\|^2",
     r"\mathbf{u}^\top\mathbf{u} - 2\mathbf{b}^\top\mathbf{Z}^\top\mathbf{u} + \mathbf{b}^\top\mathbf{Z}^\top\mathbf{Z}\mathbf{b}", V),
])
def test_projection_algebra_verifies(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs,rhs", [
    # wrong steps that a square Z (whose hat matrix is I) used to verify
    (f"{HAT}", "I"),
    (f"q^\\intercal(I - {HAT})^\\intercal(I - {HAT})q", f"3q^\\intercal(I - {HAT})q"),
    (r"B^\top(BB^\top)^{-1}B", "I"),
    (r"\mathbf{Z}(\mathbf{Z}^T\mathbf{Z})^{-1}\mathbf{Z}^T\mathbf{c}", r"\mathbf{c}"),
])
def test_a_projection_is_no_identity(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is not V
    # they do hold for a square matrix, which the prose may state: never refuted, and said why
    assert verdict.status is U and "square" in verdict.reason


@pytest.mark.parametrize("lhs,rhs", [
    (f"(I - {HAT})Z", "Z"),
    (f"{HAT}{HAT}", f"2{HAT}"),
    (r"(Z^\intercal Z)^{-1}Z^\intercal Z", "3I"),
    (r"\|\mathbf{u} - \mathbf{Z}\mathbf{b}\|^2",
     r"\mathbf{u}^\top\mathbf{u} - \mathbf{b}^\top\mathbf{Z}^\top\mathbf{u} + \mathbf{b}^\top\mathbf{Z}^\top\mathbf{Z}\mathbf{b}"),
])
def test_slips_in_projections_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is R


def test_shapes_inferred():
    trees = (parse_math(r"Z(Z^\top Z)^{-1}Z^\top \mathbf{u} + B^\top(BB^\top)^{-1}\mathbf{c}"),
             parse_math(r"(\mathbf{Z}^\top\mathbf{Z})^{-1}\mathbf{Z}^\top\mathbf{Z}\mathbf{b}"))
    letters = classify_letters(*trees)
    assert letters.tall == frozenset({"Z", "bf:Z"})
    assert letters.wide == frozenset({"B"})
    assert "bf:b" in letters.short and "bf:u" not in letters.short
    lowerer = Lowerer(Instance(3, {}, {}), letters)
    n = lowerer.matrix_size
    assert lowerer.array_shape("Z", "matrix") == (n, n - 1)
    assert lowerer.array_shape("B", "matrix") == (n - 1, n)
    assert lowerer.array_shape("bf:b", "vector") == (n - 1, 1)
    assert lowerer.array_shape("bf:u", "vector") == (n, 1)


@pytest.mark.parametrize("text", [
    r"(Z^\top Z + \mu I)^{-1}Z^\top u",  # ridge: any shape of Z
    r"(RR^\top)^{-1} R^{-1}",  # R inverted itself: square
    r"(A^\top A)^{-1}\det A",
    r"(Z^\top Z)^{-1} (ZZ^\top)^{-1}",  # seen both ways: left square
    r"(Z^\top W)^{-1}",  # no Gram matrix
])
def test_no_tall_reading(text):
    letters = classify_letters(parse_math(text))
    assert not letters.tall and not letters.wide


def test_short_vectors_need_a_tall_matrix():
    tree = parse_math(r"A\mathbf{b}")
    assert short_vectors((tree,), frozenset(), frozenset(), frozenset({"bf:b"})) == frozenset()
    assert gram_inverses((tree,), frozenset({"A"})) == (frozenset(), frozenset())


@pytest.mark.parametrize("lhs,rhs,status", [
    # the letters read square where the step starts from their inverses, as before
    (r"R^{-T}R^{-1}", r"(RR^T)^{-1}", V),
    # R only inside its Gram inverse on the left: a factor the right side's R^{-1} makes square
    (r"(RR^T)^{-1}", r"R^{-T}R^{-1}", V),
    # applied to data on the left too, it is a design matrix: R^{-1} only on the right holds only where
    # R is square (round 31)
    (r"(R^TR)^{-1}R^T", r"R^{-1}", U),
    (r"A^\top(A^\top A)^{-1}", r"A^{-1}", U),
    # a side whose shapes fit no tall Z is still refuted in the square reading
    (r"(I_n - Z(Z^\top Z)^{-1}Z^\top)Z", r"I_n - Z(Z^\top Z)^{-1}Z^\top Z", R),
])
def test_square_letters_unchanged(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status
