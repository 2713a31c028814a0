"""Red team, solid-state physics notes (round 26): axes written as hatted coordinate letters
(\\hat{\\mathbf{x}}, and \\hat{x} beside a cross product) in primitive and reciprocal lattice vectors, a dot
or cross product between juxtaposed groups (a\\hat{\\mathbf{y}} \\times a\\hat{\\mathbf{z}}), a dropped dot
product of vectors the prose may make orthogonal, a lone equation that no lost term explains, a count
N(E) differentiated beside a total N, a cutoff that is a subscripted
sibling of the integration variable, and an exponent before a fraction that is no mixed number."""
import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status


def _verdicts(body: str) -> dict[tuple[str, str], Status]:
    return {(s.step.lhs.stripped, s.step.rhs.stripped): s.verdict.status for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs, status", [
    # fcc primitive vectors: the axes' cross products by their orientation
    (r"\frac{a^2}{4}(\hat{\mathbf{z}}\times\hat{\mathbf{x}} + \hat{\mathbf{z}}\times\hat{\mathbf{y}}"
     r" + \hat{\mathbf{x}}\times\hat{\mathbf{y}})",
     r"\frac{a^2}{4}(\hat{\mathbf{y}} - \hat{\mathbf{x}} + \hat{\mathbf{z}})", Status.VERIFIED),
    (r"\hat{x}\times\hat{y}", r"\hat{z}", Status.VERIFIED),
    (r"\hat{\mathbf{y}}\times\hat{\mathbf{z}}", r"\hat{\mathbf{x}}", Status.VERIFIED),
    (r"\hat{x}\times\hat{y}", r"-\hat{z}", Status.REFUTED),
    (r"\hat{\mathbf{z}}\times\hat{\mathbf{x}}", r"-\hat{\mathbf{y}}", Status.REFUTED),
    # the cell volume, a number times each axis on either side of the dot
    (r"\frac{a}{2}(\hat{\mathbf{y}} + \hat{\mathbf{z}})\cdot\frac{a^2}{4}(-\hat{\mathbf{x}} + \hat{\mathbf{y}}"
     r" + \hat{\mathbf{z}})", r"\frac{a^3}{4}", Status.VERIFIED),
    (r"a\hat{\mathbf{x}}\cdot(a\hat{\mathbf{y}}\times a\hat{\mathbf{z}})", r"a^3", Status.VERIFIED),
    (r"a\hat{\mathbf{x}}\cdot(a\hat{\mathbf{y}}\times a\hat{\mathbf{z}})", r"-a^3", Status.REFUTED),
    (r"2\pi\frac{a\hat{\mathbf{y}}\times a\hat{\mathbf{z}}}{a^3}", r"\frac{2\pi}{a}\hat{\mathbf{x}}", Status.VERIFIED),
])
def test_hatted_axes_are_the_standard_basis(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_plain_hats_without_a_cross_product_stay_estimates():
    # \hat{x}, \hat{y} of statistics are numbers (estimates): as columns their product would not even fit
    assert check_step(r"\hat{x}\hat{y}", r"\hat{y}\hat{x}", "=").status is Status.VERIFIED
    assert check_step(r"(\hat{x} - \hat{y})^2", r"\hat{x}^2 - 2\hat{x}\hat{y} + \hat{y}^2", "=").status \
        is Status.VERIFIED


def test_dot_product_dropped_for_orthogonal_vectors_is_not_refuted():
    # u . v_perp = 0 by the prose's decomposition of v: dropping it is no slip
    verdict = check_step(r"\mathbf{u}\cdot k\mathbf{u} + \mathbf{u}\cdot\mathbf{v}_{\perp}", r"k\|\mathbf{u}\|^2", "=")
    assert verdict.status is Status.UNVERIFIED and "orthogonal" in verdict.reason
    # a factor 2 added stays a slip: no inner product taken as 0 explains it
    wrong = check_step(r"\mathbf{u}\cdot k\mathbf{u} + \mathbf{u}\cdot\mathbf{v}",
                       r"2k\|\mathbf{u}\|^2 + \mathbf{u}\cdot\mathbf{v}", "=")
    assert wrong.status is Status.REFUTED


def test_lone_equation_is_not_a_dropped_term():
    # 2kG sin(theta) = G^2 (the Laue condition rewritten): the "missing term" would be the whole left side
    verdict = check_step(r"2kG\sin\theta", r"G^2", "=")
    assert verdict.status is Status.UNVERIFIED
    assert verdict.diagnosis is None
    # a term really lost from a line that keeps the rest is still found
    lost = check_step(r"(k + G)^2", r"k^2 + G^2", "=")
    assert lost.status is Status.REFUTED and lost.diagnosis is not None


def test_count_differentiated_beside_a_total():
    # dN/dE is the derivative of the count N(E), not of the total N (constant in E, which made g(E) = 0)
    body = "\n".join([
        r"Filling the sphere,", r"\begin{align*}", r"N &= \frac{V k_F^3}{3\pi^2},", r"\end{align*}",
        r"and the number of states below $E$ is", r"\begin{equation}",
        r"N(E) = \frac{V}{3\pi^2}\left(\frac{2mE}{\hbar^2}\right)^{3/2},", r"\end{equation}",
        r"so the density of states is", r"\begin{align*}",
        r"g(E) &= \frac{dN}{dE} \\",
        r"&= \frac{V}{2\pi^2}\left(\frac{2m}{\hbar^2}\right)^{3/2}\sqrt{E} .", r"\end{align*}",
        r"Then", r"\begin{align*}",
        r"U_0 &= \int_0^{E_F} E\,g(E)\,dE \\",
        r"&= \frac{3N}{2E_F^{3/2}}\int_0^{E_F}E^{3/2}\,dE", r"\end{align*}",
    ])
    statuses = _verdicts(body)
    assert statuses[(r"\frac{dN}{dE}", r"\frac{V}{2\pi^2}\left(\frac{2m}{\hbar^2}\right)^{3/2}\sqrt{E}")] \
        is Status.VERIFIED
    # holds with E_F = hbar^2 k_F^2 / 2m, which the step does not write: not an error
    assert statuses[(r"\int_0^{E_F} E\,g(E)\,dE", r"\frac{3N}{2E_F^{3/2}}\int_0^{E_F}E^{3/2}\,dE")] \
        is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{3V}{2\pi^2 v_s^3}\int_0^{\omega_D}\omega^2\,d\omega", r"\frac{V\omega_D^3}{2\pi^2 v_s^3}", Status.VERIFIED),
    (r"\frac{3V}{2\pi^2 v_s^3}\int_0^{\omega_D}\omega^2\,d\omega", r"\frac{V\omega_D^3}{\pi^2 v_s^3}", Status.REFUTED),
    (r"\int_0^{k_F} k^2\,dk", r"\frac{k_F^3}{2}", Status.REFUTED),
    (r"\int_0^{k_F} k^2\,dk", r"\frac{k_F^3}{3}", Status.VERIFIED),
])
def test_cutoff_named_after_the_integration_variable(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_exponent_before_a_fraction_in_a_macro_is_no_mixed_number():
    body = "\n".join([
        r"\newcommand{\TD}{\Theta_D}",
        r"\begin{align*}",
        r"U &= 9Nk_BT\left(\frac{T}{\TD}\right)^3\frac{1}{3}\left(\frac{\TD}{T}\right)^3 \\",
        r"&= 3Nk_BT^2", r"\end{align*}",
    ])
    steps = checked_steps(body)
    assert [s.verdict.status for s in steps][-1] is Status.REFUTED
