"""Round 23, Kalman filtering and Gaussian process notes: bold letters under accents (\\hat{\\bm{x}},
\\tilde{\\bf y}) and \\bm opening a group (\\frac{..}{\\bm{h}^T P \\bm{h} + r}); the structure the prose gives an
eigenvector matrix (orthogonal) or a Cholesky factor (triangular), under which a step that random
entries refute may hold (unverified, never an error); and a Greek capital between a matrix and its
transpose, or added to the identity, read as a matrix."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

V, NV, R = Status.VERIFIED, Status.UNVERIFIED, Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\hat{\bm{x}} + \bm{K}(\bm{z} - \bm{H}\hat{\bm{x}})", r"(\bm{I} - \bm{K}\bm{H})\hat{\bm{x}} + \bm{K}\bm{z}"),
    (r"\tilde{\bm y}_t - \bm{H}\bm{K}\tilde{\bm y}_t", r"(\bm{I} - \bm{H}\bm{K})\tilde{\bm y}_t"),
    (r"\hat{\bf m}^\top{\bf m}", r"{\bf m}^\top\hat{\bf m}"),
    (r"\left(\mathbf{P}^{-1} + \frac{\bm{h}\bm{h}^\top}{s}\right)^{-1}",
     r"\mathbf{P} - \frac{\mathbf{P}\bm{h}\bm{h}^\top\mathbf{P}}{\bm{h}^\top\mathbf{P}\bm{h} + s}"),
])
def test_bold_under_accents_and_in_fractions_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is V


def test_accent_keeps_its_bold_letter():
    for text in (r"\hat{\bm{q}}", r"\hat{\bf q}", r"\tilde{\bm q}"):
        tree = parse_math(text)
        assert isinstance(tree, n.Sym) and tree.base == "q" and "bf" in tree.style


def test_old_font_switch_still_styles_a_label():
    sym = parse_math(r"T_{\rm room}")
    assert isinstance(sym, n.Sym) and [i.base for i in sym.indices] == ["room"]
    assert check_step(r"{\rm e}^{2t}\,{\rm e}^{-t}", r"{\rm e}^{t}", "=").status is V


@pytest.mark.parametrize("lhs, rhs, word", [
    # K = V D V^T with V orthogonal (the prose says so); random entries are not
    (r"(V D V^\top)^{-1}", r"V D^{-1} V^\top", "orthogonal"),
    (r"\det(V\Omega V^\top)", r"\det\Omega", "orthogonal"),
    # L a Cholesky factor, lower triangular by the prose's word
    (r"\det L", r"\prod_{j=1}^m L_{jj}", "triangular"),
    (r"(\det G)^2", r"\prod_{j=1}^m G_{jj}^2", "triangular"),
    (r"\det\Lambda", r"\prod_{j=1}^m \Lambda_{jj}", "triangular"),
])
def test_structure_the_prose_gives_keeps_a_step_from_being_refuted(lhs, rhs, word):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is NV and word in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"(V D V^\top)^{-1}", r"V^\top D^{-1} V"),           # the transposes swapped: wrong for every V
    (r"(V D V^\top)^{-1}", r"V D V^\top"),                # the inverse forgotten
    (r"\det L", r"2\prod_{j=1}^m L_{jj}"),               # a factor 2
    (r"\det L", r"\sum_{j=1}^m L_{jj}"),                 # the trace, not the determinant
    (r"(A B)^\top", r"A^\top B^\top"),
])
def test_slips_still_refuted_under_those_hypotheses(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is R


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"V\Omega V^\top + \tau^2 VV^\top", r"V(\Omega + \tau^2 I)V^\top", V),
    (r"(\Sigma + \gamma I)^{-1}\Sigma", r"I - \gamma(\Sigma + \gamma I)^{-1}", V),
    (r"\Sigma(\Sigma + \gamma I)^{-1}", r"(\Sigma + \gamma I)^{-1}\Sigma", V),
    (r"V\Omega V^\top + \tau^2 VV^\top", r"V(\Omega + 2\tau^2 I)V^\top", R),
    (r"V\Omega V^\top", r"\Omega VV^\top", R),        # a matrix between V and V^T does not commute out
])
def test_greek_capital_between_a_matrix_and_its_transpose_or_beside_identity(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status is expected
