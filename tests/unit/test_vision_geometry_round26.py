"""Computer vision notes, round 26: the cross-product matrix [t]_\\times (E = [t]_\\times R, Rodrigues'
formula, for a unit axis), a rotation beside cross products ((Ra) x (Rb) = R(a x b) of a camera's
rotation), the hat map (\\hat t the cross-product matrix of t, E = \\hat t R), rotations the
prose states ("$R$ is a rotation matrix", "$Q^{-1} = Q^T$"), and a general step after a worked
example's value (sigma = 5), refuted where it fails with its letter free as well."""
import pytest

from documents import checked_steps, display

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.rotations import sentence_matrices

V, U, R = Status.VERIFIED, Status.UNVERIFIED, Status.REFUTED


def status(lhs: str, rhs: str, relation: str = "=") -> Status:
    return check_step(lhs, rhs, relation).status


# (lhs, rhs, status): a square matrix beside a cross product may be a rotation, which the prose says
CROSSED = [
    (r"(\mathbf{Q}\mathbf{u}) \times (\mathbf{Q}\mathbf{w})", r"\mathbf{Q}(\mathbf{u} \times \mathbf{w})", U),
    (r"\mathbf{M}\mathbf{p} \times \mathbf{M}\mathbf{q}", r"\mathbf{M}(\mathbf{p} \times \mathbf{q})", U),
    # a rotation reverses nothing: swapped operands are still a slip
    (r"(\mathbf{Q}\mathbf{u}) \times (\mathbf{Q}\mathbf{w})", r"\mathbf{Q}(\mathbf{w} \times \mathbf{u})", R),
    # and a factor 2 is one whatever the matrix
    (r"(\mathbf{Q}\mathbf{u}) \times (\mathbf{Q}\mathbf{w})", r"2\mathbf{Q}(\mathbf{u} \times \mathbf{w})", R),
]


@pytest.mark.parametrize("lhs,rhs,expected", CROSSED)
def test_rotation_beside_cross_products(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


def test_rotation_reason_names_the_matrix():
    verdict = check_step(r"(\mathbf{Q}\mathbf{u}) \times (\mathbf{Q}\mathbf{w})",
                         r"\mathbf{Q}(\mathbf{u} \times \mathbf{w})", "=")
    assert "Q is a rotation" in verdict.reason


# (lhs, rhs, status): \hat s beside the vector s, the hat map of Ma, Soatto, Kosecka and Sastry
HATS = [
    (r"s^T \hat s Q", r"-(\hat s\, s)^T Q", U),
    (r"\mathbf{s}^\top\hat{\mathbf{s}}\mathbf{a}", r"-(\hat{\mathbf{s}}\mathbf{s})^\top\mathbf{a}", U),
    # an estimate beside its quantity: a sign slip is still refuted
    (r"\mathbf{z} - \hat{\mathbf{z}}", r"\mathbf{z} + \hat{\mathbf{z}}", R),
    # (2(\hat s s)^T Q would hold: \hat s s = s x s = 0) a term added is a slip in both readings
    (r"s^T \hat s Q", r"(\hat s\, s)^T Q + s^T Q", R),
]


@pytest.mark.parametrize("lhs,rhs,expected", HATS)
def test_hat_map(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


def test_hat_map_reason():
    verdict = check_step(r"s^T \hat s Q", r"-(\hat s\, s)^T Q", "=")
    assert "hat map" in verdict.reason


# (sentence, keys): what a sentence of prose states a rotation (or orthogonal matrix)
SENTENCES = [
    (r"Let $Q$ be a rotation matrix.", {"Q"}),
    (r"A rotation matrix satisfies $\mathbf{Q}^\top\mathbf{Q} = \mathbf{I}$.", {"bf:Q"}),
    (r"where $U$ is orthogonal and $L$ lower triangular", {"U"}),
    (r"with $V^{-1} = V^T$", {"V"}),
    # orthonormal columns of a tall matrix, a projection, a negation: no rotation
    (r"where $W^\top W = I$", set()),
    (r"The columns of $W$ are orthonormal.", set()),
    (r"Let $P$ be the orthogonal projection onto the plane.", set()),
    (r"Here $Q$ is not orthogonal.", set()),
]


@pytest.mark.parametrize("sentence,keys", SENTENCES)
def test_rotation_statements(sentence, keys):
    assert sentence_matrices(sentence) == keys


def _one(body: str) -> Status:
    (step,) = checked_steps(body)
    return step.verdict.status


def test_stated_rotation_verifies():
    body = display(r"Let $\mathbf{Q}$ be the rotation matrix of the second camera.",
                   r"\mathbf{c}^\top\mathbf{Q}^\top\mathbf{Q}\mathbf{c}", r"\mathbf{c}^\top\mathbf{c}")
    assert _one(body) is V


def test_unstated_rotation_stays_unverified():
    body = display(r"Let $\mathbf{Q}$ be the matrix of the second camera.",
                   r"\mathbf{c}^\top\mathbf{Q}^\top\mathbf{Q}\mathbf{c}", r"\mathbf{c}^\top\mathbf{c}")
    assert _one(body) is U


def test_stated_rotation_refutes_nothing():
    body = display(r"Let $\mathbf{Q}$ be a rotation matrix.",
                   r"\mathbf{c}^\top\mathbf{Q}^\top\mathbf{Q}\mathbf{c}", r"2\mathbf{c}^\top\mathbf{c}")
    assert _one(body) is not V


def test_orthonormal_columns_do_not_make_a_rotation():
    body = display(r"The columns of $\mathbf{W}$ are orthonormal, $\mathbf{W}^\top\mathbf{W} = \mathbf{I}$.",
                   r"\mathbf{W}\mathbf{W}^\top\mathbf{c}", r"\mathbf{c}")
    assert _one(body) is not V


EXAMPLE_THEN_GENERAL = r"""
For two blurs of widths $3$ and $4$,
\begin{align*}
\tau &= \sqrt{3^2 + 4^2} = 5.
\end{align*}
The derivative of the kernel is
\begin{align*}
\frac{d}{dx} e^{-x^2/(2\tau^2)} &= %s e^{-x^2/(2\tau^2)}.
\end{align*}
"""


@pytest.mark.parametrize("written,expected", [(r"-\frac{x}{\tau^2}", V), (r"\frac{x}{\tau^2}", R),
                                              (r"-\frac{x}{\tau}", R)])
def test_general_step_after_example_value(written, expected):
    steps = checked_steps(EXAMPLE_THEN_GENERAL % written)
    (general,) = [s for s in steps if "frac{d}{dx}" in s.step.lhs.stripped]
    assert general.verdict.status is expected


def test_example_value_alone_still_excused():
    # a step that holds with its letter free is no error, whatever the example's value
    steps = checked_steps(EXAMPLE_THEN_GENERAL % r"-\frac{x}{\tau^2}")
    assert not any(s.verdict.status is R for s in steps)


# (lhs, rhs, status): [v]_\times, the skew matrix of v, as epipolar geometry and Rodrigues' formula write it
CROSS_MATRICES = [
    (r"[\mathbf{n}]_\times\mathbf{p}", r"\mathbf{n} \times \mathbf{p}", V),
    (r"[\mathbf{n}]_{\times}\mathbf{p}", r"-[\mathbf{p}]_{\times}\mathbf{n}", V),
    (r"[\mathbf{n}]_\times\mathbf{n}", r"\mathbf{0}", V),
    (r"[\mathbf{n}]_\times^\top", r"-[\mathbf{n}]_\times", V),
    (r"[\mathbf{n}]_\times^2", r"\mathbf{n}\mathbf{n}^\top - (\mathbf{n}^\top\mathbf{n})\mathbf{I}", V),
    (r"\left[\mathbf{n}\right]_\times\mathbf{p}", r"\mathbf{n} \times \mathbf{p}", V),
    (r"\det [\mathbf{n}]_\times", r"0", V),
    (r"\mathbf{e}^\top[\mathbf{e}]_\times\mathbf{M}", r"0", V),
    # slips: a skew matrix is no symmetric one, and the square's sign
    (r"[\mathbf{n}]_\times^\top", r"[\mathbf{n}]_\times", R),
    (r"[\mathbf{n}]_\times^2", r"\mathbf{n}\mathbf{n}^\top + (\mathbf{n}^\top\mathbf{n})\mathbf{I}", R),
    (r"[\mathbf{n}]_\times\mathbf{p}", r"\mathbf{p} \times \mathbf{n}", R),
    # an evaluation bracket keeps its reading
    (r"[x^2]_0^1", r"1", V),
]


@pytest.mark.parametrize("lhs,rhs,expected", CROSS_MATRICES)
def test_cross_product_matrix(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


# (lhs, rhs, status): identities of a unit axis, which random entries never are
UNIT_AXES = [
    (r"[\mathbf{n}]_\times^3", r"-[\mathbf{n}]_\times", U),
    (r"[\mathbf{n}]_\times^3", r"[\mathbf{n}]_\times(\mathbf{n}\mathbf{n}^\top - \mathbf{I})", U),
    # wrong for a unit axis too
    (r"[\mathbf{n}]_\times^3", r"[\mathbf{n}]_\times", R),
    (r"[\mathbf{n}]_\times^3", r"-2[\mathbf{n}]_\times", R),
]


@pytest.mark.parametrize("lhs,rhs,expected", UNIT_AXES)
def test_unit_axis(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


def test_unit_axis_reason():
    assert "unit vector" in check_step(r"[\mathbf{n}]_\times^3", r"-[\mathbf{n}]_\times", "=").reason
