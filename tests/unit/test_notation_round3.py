"""Notation of real lecture material, third round (issue 3): the letters a product forces to be
vectors (w^T x, u^T A x, g^T (a - b)), read as vectors while the other letters stay numbers; text
labels in scripts without braces around the whole (x_\\text{max}). Each family: a correct step is
verified, a wrong one is refuted or at least not verified, an ambiguous one stays unverified. The
examples are the project's own."""
import pytest

from lintmath.check import check_step
from lintmath.lower import classify_letters
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import macro_table

V, R, U = "verified", "refuted", "unverified"
NV = "not verified"  # wrong: refuted, or unverified because it is also ambiguous


def status(lhs, rhs, relation="=", macros=()):
    return check_step(lhs, rhs, relation, macros=macro_table(macros)).status.value


def judged(lhs, rhs, expected, macros=()):
    got = status(lhs, rhs, macros=macros)
    assert got in (R, U) if expected == NV else got == expected, got


REQUIRED_VECTORS = [
    # a scalar label c_k beside w^T u_k: only u is a vector, c stays a number
    (r"\nabla_{w} g\left(c_{k}w^{T}u_{k}\right)", r"g'\left(c_{k}w^{T}u_{k}\right)c_{k}u_{k}", V),
    (r"\nabla_{w} g\left(c_{k}w^{T}u_{k}\right)", r"g'\left(c_{k}w^{T}u_{k}\right)u_{k}", NV),
    (r"\nabla_{w} g\left(c_{k}w^{T}u_{k}\right)", r"g'\left(c_{k}w^{T}u_{k}\right)c_{k}^{2}u_{k}", NV),
    # a sum of vectors after a transposed one: each plain term is a vector, the factor s is a number
    (r"\|a - sh - b\|^{2}", r"\|a - b\|^{2} - 2s h^{T}(a - b) + s^{2}\|h\|^{2}", V),
    (r"\|a - sh - b\|^{2}", r"\|a - b\|^{2} + 2s h^{T}(a - b) + s^{2}\|h\|^{2}", NV),
    (r"\|a - sh - b\|^{2}", r"\|a - b\|^{2} - 2s h^{T}(a - b) + s\|h\|^{2}", NV),
    # u^T A v: still a row vector after the matrix, so v is a vector
    (r"u^{T}Av + c\,u^{T}v", r"u^{T}(A + cI)v", V),
    (r"u^{T}Av + c\,u^{T}v", r"u^{T}(A - cI)v", NV),
]


@pytest.mark.parametrize("lhs,rhs,expected", REQUIRED_VECTORS)
def test_required_vectors(lhs, rhs, expected):
    judged(lhs, rhs, expected)


def test_required_vectors_are_the_forced_letters_only():
    letters = classify_letters(parse_math(r"\nabla_{w} g(c_{k}w^{T}u_{k})"), parse_math(r"c_{k}u_{k}"))
    assert letters.required == frozenset({"u"})
    assert "c" in letters.candidates  # the all-vectors reading is still there, tried after


def test_a_transposed_matrix_keeps_the_row_vector_before_it():
    # w^T X^T y: a row vector times a matrix is a row vector, so y is a vector
    letters = classify_letters(parse_math(r"(y-Xw)^{T}(y-Xw)"), parse_math(r"-2w^{T}X^{T}y+w^{T}X^{T}Xw"))
    assert "y" in letters.required | letters.vectors  # (a transposed bracket's plain terms are vectors)


def test_a_factor_before_a_vector_in_a_sum_is_not_forced():
    # (1 - s) h + s k: which factor is the vector is not said by the product alone
    letters = classify_letters(parse_math(r"h^{T}((1-s)m + s k)"), parse_math(r"h^{T}m"))
    assert "s" not in letters.required


def test_required_reading_is_named_in_the_guesses():
    verdict = check_step(r"\nabla_{w} g(c_{k}w^{T}u_{k})", r"g'(c_{k}w^{T}u_{k})c_{k}u_{k}", "=")
    assert verdict.status.value == V
    assert "vectors for u" in verdict.guessed


def test_scalar_reading_still_comes_first():
    # u a number: c_k w^T u_k and c_k u_k w^T are the same row vector, as written; but w^T u_k makes u_k
    # a vector, as which the sides differ (a number and an outer product): only the prose can say
    verdict = check_step(r"c_{k}w^{T}u_{k}", r"c_{k}u_{k}w^{T}", "=")
    assert verdict.status.value == U and verdict.reason.startswith("holds if u is a number")
    verdict = check_step(r"c_{k}w^{T}u_{k}", r"c_{k}u_{k}^{T}w", "=")
    assert verdict.status.value == V


SCRIPT_LABELS = [
    # \text and \mathrm labels written without braces around the whole are one label, like the braced ones
    (r"x_\text{max} + y", r"y + x_{\text{max}}", V),
    (r"2e_\text{tot}", r"e_{\text{tot}} + e_\text{tot}", V),
    (r"x_\mathrm{in}^2 - x_\mathrm{out}^2", r"(x_{\mathrm{in}} - x_{\mathrm{out}})(x_\mathrm{in} + x_\mathrm{out})", V),
    (r"x_\mathrm{in}^2 - x_\mathrm{out}^2", r"(x_{\mathrm{in}} - x_{\mathrm{out}})^2", NV),
    # two different labels are two quantities
    (r"x_\text{max} + y", r"y + x_\text{min}", NV),
]


@pytest.mark.parametrize("lhs,rhs,expected", SCRIPT_LABELS)
def test_script_labels(lhs, rhs, expected):
    judged(lhs, rhs, expected)


def test_unbraced_text_label_is_not_a_product_of_letters():
    tree = parse_math(r"e_\text{tot}")
    assert not any(getattr(x, "base", None) in ("t", "o") for x in tree.walk())
    braced = parse_math(r"e_{\text{tot}}")
    assert isinstance(tree, n.Sym) and tree.key == braced.key and tree.indices[0].base == braced.indices[0].base


@pytest.mark.parametrize("text", [r"A^\mathsf{T} B", r"A^\mathrm{T}B", r"A^\text{T}B"])
def test_unbraced_transpose_marks(text):
    assert status(text, r"(B^{T}A)^{T}") == V
