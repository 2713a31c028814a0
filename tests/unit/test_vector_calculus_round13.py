"""Vector calculus in Cartesian coordinates, round 13: a bare \\nabla (gradient, divergence, curl,
Laplacian) in a step that writes x, y (and z) works in those coordinates; unit vectors (\\hat{x},
\\hat{i}, \\mathbf{k}, \\hat{\\mathbf{e}}_x, \\vec{e}_x), tuples and pmatrix columns give the components of
a field; a bold or arrow letter without components is a field of unknown functions of (x, y, z), and a
letter under a \\nabla an unknown scalar field, so that the identities of vector calculus verify and a
wrong sign or factor in them is refuted. Steps in spherical or cylindrical coordinates, laws that relate
different fields (Maxwell's equations) and operands whose letters may be constants or fields stay
unverified."""
import pytest

from lintmath.check import check_step, parse_step
from lintmath.model import Status
from lintmath.parse import nodes as n

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


@pytest.mark.parametrize("lhs,rhs", [
    (r"\nabla (x^2 + y^2 + z^2)", r"2x\hat{x} + 2y\hat{y} + 2z\hat{z}"),
    (r"\nabla (x^2 + y^2 + z^2)", r"2\mathbf{r}"),
    (r"\nabla (xyz)", r"yz\,\hat{i} + xz\,\hat{j} + xy\,\hat{k}"),
    (r"\nabla (xyz)", r"(yz, xz, xy)"),
    (r"\nabla (x^2 y)", r"\begin{pmatrix} 2xy \\ x^2 \end{pmatrix}"),
    (r"\nabla (e^{x} \sin y)", r"e^{x}\sin y\,\hat{x} + e^{x}\cos y\,\hat{y}"),
    (r"\nabla (x^2 y + z)", r"2xy\,\mathbf{i} + x^2\,\mathbf{j} + \mathbf{k}"),
    (r"\nabla (3x - 2y + z)", r"3\hat{\mathbf{e}}_x - 2\hat{\mathbf{e}}_y + \hat{\mathbf{e}}_z"),
    (r"\nabla (x y)", r"y\,\vec{e}_x + x\,\vec{e}_y"),
    (r"\nabla (x y)", r"y\,\mathbf{e}_x + x\,\mathbf{e}_y"),
    (r"\nabla \cdot (x\hat{x} + y\hat{y} + z\hat{z})", r"3"),
    (r"\nabla \cdot (x^2, y^2, z^2)", r"2x + 2y + 2z"),
    (r"\nabla \cdot (xy\,\hat{i} + yz\,\hat{j} + zx\,\hat{k})", r"x + y + z"),
    (r"\nabla \cdot \begin{pmatrix} x^3 \\ -3x^2 y \end{pmatrix}", r"0"),
    (r"\nabla \cdot (\sin x\,\hat{x} + \cos y\,\hat{y})", r"\cos x - \sin y"),
    (r"\nabla \cdot (y\hat{x} - x\hat{y})", r"0"),
    (r"\nabla \times (y\hat{x} - x\hat{y})", r"-2\hat{z}"),
    (r"\nabla \times (yz, xz, xy)", r"\mathbf{0}"),
    (r"\nabla \times (x^2 y\,\hat{x} + z\,\hat{y})", r"-\hat{x} - x^2\hat{z}"),
    (r"\nabla \times (z\,\hat{i} + x\,\hat{j} + y\,\hat{k})", r"\hat{i} + \hat{j} + \hat{k}"),
    (r"\nabla \times \begin{pmatrix} -y \\ x \\ 0 \end{pmatrix}", r"\begin{pmatrix} 0 \\ 0 \\ 2 \end{pmatrix}"),
    (r"\nabla^2 (x^2 y)", r"2y"),
    (r"\nabla^2 (x^2 + y^2 + z^2)", r"6"),
    (r"\nabla^2 (e^{x}\cos y)", r"0"),
    (r"\nabla^2 (x^3 - 3xy^2)", r"0"),
    (r"\nabla^2 (xyz)", r"0"),
    (r"\nabla \cdot \nabla (x^2 y^2)", r"2y^2 + 2x^2"),
    (r"\nabla^2 (x^2 + y^2)", r"\nabla \cdot \nabla (x^2 + y^2)"),
    (r"\nabla \cdot \mathbf{r}", r"3"),
    (r"\nabla \times \mathbf{r}", r"\mathbf{0}"),
    (r"\nabla (\mathbf{r} \cdot \mathbf{r})", r"2\mathbf{r}"),
    (r"\nabla \cdot (\nabla \times \mathbf{A})", r"0"),
    (r"\nabla \cdot (\nabla \times \vec{A})", r"0"),
    (r"\nabla \times (\nabla f)", r"\mathbf{0}"),
    (r"\nabla \times \nabla \phi", r"\mathbf{0}"),
    (r"\nabla \cdot (f\mathbf{F})", r"f\,\nabla\cdot\mathbf{F} + \mathbf{F}\cdot\nabla f"),
    (r"\nabla \times (f\mathbf{F})", r"f\,\nabla \times \mathbf{F} + (\nabla f) \times \mathbf{F}"),
    (r"\nabla\times(\nabla\times\mathbf{A})", r"\nabla(\nabla\cdot\mathbf{A}) - \nabla^2\mathbf{A}"),
    (r"\nabla(fg)", r"f\nabla g + g\nabla f"),
    (r"\nabla(\phi\psi)", r"\phi\nabla\psi + \psi\nabla\phi"),
    (r"\nabla \cdot (\mathbf{A} \times \mathbf{B})", r"\mathbf{B} \cdot (\nabla \times \mathbf{A}) - \mathbf{A} \cdot (\nabla \times \mathbf{B})"),
    (r"\nabla^2 f", r"\nabla \cdot \nabla f"),
    (r"\nabla^2 (fg)", r"f\nabla^2 g + 2\nabla f \cdot \nabla g + g\nabla^2 f"),
    (r"\nabla \cdot (f \nabla g)", r"f\nabla^2 g + \nabla f \cdot \nabla g"),
    (r"\nabla (f + g)", r"\nabla f + \nabla g"),
    (r"\nabla \cdot (\mathbf{F} + \mathbf{G})", r"\nabla \cdot \mathbf{F} + \nabla \cdot \mathbf{G}"),
    (r"\nabla \cdot (f \mathbf{r})", r"3f + \mathbf{r} \cdot \nabla f"),
    (r"\nabla \times (\nabla \times \nabla f)", r"\mathbf{0}"),
    (r"\nabla (k x^2)", r"2kx\hat{x}"),
    (r"\nabla \cdot (a x\,\hat{x} + b y\,\hat{y} + c z\,\hat{z})", r"a + b + c"),
    (r"\nabla \times (\omega x\,\hat{y} - \omega y\,\hat{x})", r"2\omega\hat{z}"),
    (r"\nabla \cdot \mathbf{F}", r"\frac{\partial F_x}{\partial x} + \frac{\partial F_y}{\partial y} + \frac{\partial F_z}{\partial z}"),
    (r"\nabla f", r"\frac{\partial f}{\partial x}\hat{x} + \frac{\partial f}{\partial y}\hat{y} + \frac{\partial f}{\partial z}\hat{z}"),
])
def test_correct_steps_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is V, verdict.reason


@pytest.mark.parametrize("lhs,rhs", [
    (r"\nabla (x^2 + y^2 + z^2)", r"2x\hat{x} + 2y\hat{y} + z\hat{z}"),
    (r"\nabla (xyz)", r"yz\,\hat{i} + xy\,\hat{j} + xz\,\hat{k}"),
    (r"\nabla (x^2 y)", r"(2xy, 2x)"),
    (r"\nabla (e^{x} \sin y)", r"e^{x}\sin y\,\hat{x} - e^{x}\cos y\,\hat{y}"),
    (r"\nabla \cdot (x^2, y^2, z^2)", r"2x + 2y + z"),
    (r"\nabla \cdot (xy\,\hat{i} + yz\,\hat{j} + zx\,\hat{k})", r"y + z + x^2"),
    (r"\nabla \cdot (\sin x\,\hat{x} + \cos y\,\hat{y})", r"\cos x + \sin y"),
    (r"\nabla \times (y\hat{x} - x\hat{y})", r"2\hat{z}"),
    (r"\nabla \times (x^2 y\,\hat{x} + z\,\hat{y})", r"\hat{x} - x^2\hat{z}"),
    (r"\nabla \times (z\,\hat{i} + x\,\hat{j} + y\,\hat{k})", r"\hat{i} - \hat{j} + \hat{k}"),
    (r"\nabla \times \begin{pmatrix} -y \\ x \\ 0 \end{pmatrix}", r"\begin{pmatrix} 0 \\ 0 \\ 0 \end{pmatrix}"),
    (r"\nabla^2 (x^2 y)", r"2xy"),
    (r"\nabla^2 (x^2 + y^2 + z^2)", r"4"),
    (r"\nabla^2 (x^3 - 3xy^2)", r"6x"),
    (r"\nabla \cdot \mathbf{r}", r"1"),
    (r"\nabla (\mathbf{r} \cdot \mathbf{r})", r"\mathbf{r}"),
    (r"\nabla \cdot (f\mathbf{F})", r"f\,\nabla\cdot\mathbf{F} - \mathbf{F}\cdot\nabla f"),
    (r"\nabla \times (f\mathbf{F})", r"f\,\nabla \times \mathbf{F} - (\nabla f) \times \mathbf{F}"),
    (r"\nabla(fg)", r"f\nabla g - g\nabla f"),
    (r"\nabla \cdot (\mathbf{A} \times \mathbf{B})", r"\mathbf{B} \cdot (\nabla \times \mathbf{A}) + \mathbf{A} \cdot (\nabla \times \mathbf{B})"),
    (r"\nabla^2 (fg)", r"f\nabla^2 g + \nabla f \cdot \nabla g + g\nabla^2 f"),
    (r"\nabla \cdot (f \nabla g)", r"f\nabla^2 g - \nabla f \cdot \nabla g"),
    (r"\nabla \cdot (f \mathbf{r})", r"2f + \mathbf{r} \cdot \nabla f"),
    (r"\nabla (\phi_1 \phi_2)", r"\phi_1\nabla\phi_2 - \phi_2\nabla\phi_1"),
])
def test_wrong_steps_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is R


@pytest.mark.parametrize("lhs,rhs", [
    # a sign in an identity whose sides differentiate the unknown field differently, a lost term of a
    # product rule (is f a constant?), a sign beside written partials: not decided, never verified
    (r"\nabla\times(\nabla\times\mathbf{A})", r"\nabla(\nabla\cdot\mathbf{A}) + \nabla^2\mathbf{A}"),
    (r"\nabla(fg)", r"f\nabla g"),
    (r"\nabla \cdot (f\mathbf{F})", r"f\,\nabla\cdot\mathbf{F}"),
    (r"\nabla f", r"\frac{\partial f}{\partial x}\hat{x} - \frac{\partial f}{\partial y}\hat{y} + \frac{\partial f}{\partial z}\hat{z}"),
])
def test_wrong_steps_never_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not V


@pytest.mark.parametrize("lhs,rhs,status", [
    (r"\nabla^2 \phi", r"\frac{1}{r^2}\frac{\partial}{\partial r}\left(r^2 \frac{\partial\phi}{\partial r}\right)", U),
    (r"\nabla \cdot \mathbf{E}", r"\frac{\rho}{\epsilon_0}", U),
    (r"\nabla r", r"\hat{\mathbf{r}}", U),
    (r"\nabla \frac{1}{r}", r"-\frac{\hat{\mathbf{r}}}{r^2}", U),
    (r"\nabla \cdot (f\mathbf{B})", r"\mathbf{B}\cdot\nabla f", U),
    (r"\nabla\cdot(\phi\nabla\phi)", r"|\nabla\phi|^2", U),
    (r"\nabla \times \mathbf{E}", r"-\frac{\partial \mathbf{B}}{\partial t}", U),
    (r"\nabla (\mathbf{a} \cdot \mathbf{r})", r"\mathbf{a}", U),
    (r"\nabla \phi", r"-\mathbf{E}", U),
    (r"\nabla^2 \psi", r"-k^2\psi", U),
    (r"\nabla \cdot \mathbf{v}", r"0", U),
    (r"\nabla (c f)", r"c\nabla f", U),
    (r"\nabla \cdot \mathbf{x}", r"3", U),
    (r"\nabla \times (\mathbf{a} \times \mathbf{r})", r"2\mathbf{a}", U),
    (r"\nabla \cdot (\rho \mathbf{v})", r"-\frac{\partial \rho}{\partial t}", U),
    (r"\nabla \times \mathbf{B}", r"\mu_0 \mathbf{J}", U),
    (r"\nabla \cdot \mathbf{B}", r"0", U),
    (r"\nabla^2 \mathbf{A}", r"-\mu_0 \mathbf{J}", U),
    (r"\nabla \phi", r"\frac{\partial \phi}{\partial r}\hat{r} + \frac{1}{r}\frac{\partial \phi}{\partial \theta}\hat{\theta}", U),
    (r"\nabla \cdot \mathbf{A}", r"\frac{1}{\rho}\frac{\partial (\rho A_\rho)}{\partial \rho} + \frac{\partial A_z}{\partial z}", U),
    (r"\nabla (r^2)", r"2\mathbf{r}", U),
    (r"\nabla^2 \frac{1}{|\mathbf{r}|}", r"0", V),
    (r"\nabla \frac{1}{|\mathbf{r}|}", r"-\frac{\mathbf{r}}{|\mathbf{r}|^3}", V),
    (r"\nabla (x^2 y)", r"(2xy, x^2, 0)", V),
    (r"\nabla \times (x\hat{y})", r"\hat{z}", V),
    (r"\nabla \cdot (\sin\phi\, \hat{x})", r"0", U),
    (r"\mathbf{F}", r"-\nabla V", U),
    (r"\nabla f \cdot \nabla g", r"\nabla g \cdot \nabla f", V),
    (r"\nabla \cdot (\mathbf{F} \times \mathbf{r})", r"\mathbf{r}\cdot(\nabla\times\mathbf{F})", V),
    (r"\nabla \phi_1", r"-\mathbf{E}_1", U),
    (r"\nabla \phi_1", r"\mathbf{0}", U),
    (r"\nabla (x f)", r"f\hat{x} + x\frac{\partial f}{\partial x}\hat{x} + x\frac{\partial f}{\partial y}\hat{y} + x\frac{\partial f}{\partial z}\hat{z}", V),
    (r"\nabla (x f)", r"f\hat{x} + x\nabla f", V),
    (r"\nabla (\phi_1 \phi_2)", r"\phi_1\nabla\phi_2 + \phi_2\nabla\phi_1", V),
    (r"\nabla \cdot \mathbf{E}_1", r"0", U),
    (r"\nabla \tilde{f}", r"0", U),
])
def test_other_coordinates_laws_and_constants(lhs, rhs, status):
    """Curvilinear forms, laws between fields, constant vectors read as fields, letters that may be
    constants: unverified, never refuted; what the position vector and written columns decide verifies."""
    assert check_step(lhs, rhs, "=").status is status


def test_del_nodes_get_cartesian_coordinates():
    parsed = parse_step(r"\nabla \cdot \mathbf{F}", r"\frac{\partial F_x}{\partial x}", {})
    dels = [x for x in parsed.lhs.walk() if isinstance(x, n.Del)]
    assert [c.base for c in dels[0].coords] == ["x", "y", "z"]
    parsed = parse_step(r"\nabla (x^2 y)", r"(2xy, x^2)", {})
    dels = [x for x in parsed.lhs.walk() if isinstance(x, n.Del)]
    assert [c.base for c in dels[0].coords] == ["x", "y"]  # no z written: the plane
    assert isinstance(parsed.rhs, n.MatrixLit) and len(parsed.rhs.rows) == 2


def test_curvilinear_step_keeps_nabla_unread():
    parsed = parse_step(r"\nabla^2 \phi", r"\frac{1}{r}\frac{\partial \phi}{\partial r}", {})
    assert all(not x.coords for x in parsed.lhs.walk() if isinstance(x, n.Del))


@pytest.mark.parametrize("lhs,rhs", [
    (r"\nabla f g", r"0"),  # the operator on f or on fg?
    (r"\nabla x^2", r"2x\hat{x}"),  # the power on x, not on the gradient
    (r"\nabla \cdot \vec{D}\vec{E}", r"0"),
])
def test_unclear_reach_is_not_read(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U and "how far" in verdict.reason


def test_tuples_only_in_vector_calculus():
    # round 16: outside vector calculus a list is read as a vector only where it is used as one
    # (tests/unit/test_tuples_round16.py); an interval's length stays unread
    assert "list in brackets" in check_step(r"|(a, b)|", r"b - a", "=").reason


def test_subscripted_gradient_unchanged():
    assert check_step(r"\nabla_{\mathbf w} (\mathbf w^T \mathbf w)", r"2\mathbf w", "=").status is V
    assert check_step(r"\nabla f(x)", r"f'(x)", "=").status is V
