"""Expectation, variance and covariance as operators: a finite probability space per instance."""
import pytest

from lintmath.check import check_step
from lintmath.model import Macro

V, R, U = "verified", "refuted", "unverified"
MACROS = {"\\ex": Macro("\\ex", 0, "\\mathbb{E}"), "\\Ev": Macro("\\Ev", 0, "\\mathbb{E}")}

CASES = [
    # linearity: constants out, sums split
    (r"\mathbb{E}[U + W]", r"\mathbb{E}[U] + \mathbb{E}[W]", V),
    (r"\mathbb{E}[3Z - 2]", r"3\mathbb{E}[Z] - 2", V),
    (r"\mathbb{E}[kZ + m]", r"k\,\mathbb{E}[Z] + m", V),
    (r"\mathbb{E}\left[\lambda\right]", r"\lambda", V),
    (r"\mathbb{E}[\mathbb{E}[Z]]", r"\mathbb{E}[Z]", V),
    (r"\mathbb{E}(Z - \mathbb{E}Z)", "0", V),
    (r"\operatorname{E}[5T]", r"5\operatorname{E}[T]", V),
    (r"\mathrm{E}[T + 4]", r"\mathrm{E}[T] + 4", V),
    (r"\mathbf{E}[T/2]", r"\frac{1}{2}\mathbf{E}[T]", V),
    (r"\text{E}[T - S]", r"\text{E}[T] - \text{E}[S]", V),
    (r"E[2T + S]", r"2E[T] + E[S]", V),
    (r"\ex[T] + \ex[S]", r"\ex[S + T]", V),
    (r"\Ev Z + \Ev Z", r"2\Ev[Z]", V),
    (r"\mathbb{E} x_3 - \mathbb{E} y_3", r"\mathbb{E}[x_3 - y_3]", V),
    # variance and covariance
    (r"\operatorname{Var}(Z)", r"\mathbb{E}[Z^2] - (\mathbb{E}[Z])^2", V),
    (r"\mathrm{Var}[Z]", r"\mathbb{E}[(Z - \mathbb{E}[Z])^2]", V),
    (r"\text{Var}(3Z + 1)", r"9\text{Var}(Z)", V),
    (r"\mathbb{V}[T - S]", r"\mathbb{V}[T] + \mathbb{V}[S] - 2\operatorname{Cov}(T, S)", V),
    (r"\operatorname{Cov}(T, S)", r"\mathbb{E}[(T - \mathbb{E}T)(S - \mathbb{E}S)]", V),
    (r"\operatorname{Cov}(T, S)", r"\mathbb{E}[TS] - \mathbb{E}[T]\,\mathbb{E}[S]", V),
    (r"\operatorname{Cov}(T, T)", r"\operatorname{Var}(T)", V),
    # E_{x ~ p}, E_p
    (r"\mathbb{E}_{u\sim q}[4 g(u)]", r"4\,\mathbb{E}_{u\sim q}[g(u)]", V),
    (r"\mathbb{E}_{q}[g(u) + 1]", r"\mathbb{E}_{q}[g(u)] + 1", V),
    # a random symbol outside an expectation is one more outcome: pointwise identities hold
    (r"(Z - c)^2", r"(Z - \mathbb{E} Z + \mathbb{E} Z - c)^2", V),
    # wrong steps
    (r"\mathbb{E}[2Z]", r"3\mathbb{E}[Z]", R),
    (r"\mathbb{E}[kZ + m]", r"k\,\mathbb{E}[Z] - m", R),
    (r"\operatorname{Var}(Z)", r"\mathbb{E}[Z^2] + \mathbb{E}[Z]^2", R),
    # may rest on independence or zero means assumed in the prose: never refuted
    (r"\mathbb{E}[TS]", r"\mathbb{E}[T]\,\mathbb{E}[S]", U),
    (r"\mathbb{V}[T + S]", r"\mathbb{V}[T] + \mathbb{V}[S]", U),
    (r"\mathbb{E}[Z + \epsilon]", r"\mathbb{E}[Z]", U),
    (r"\mathbb{E}[(m + \epsilon)^2]", r"m^2 + \mathbb{E}[\epsilon^2]", U),
    # conditional expectations (more in test_expectation_round13.py): the tower property
    (r"\mathbb{E}[T \mid S]", r"\mathbb{E}[T \mid S]", V),
    (r"\mathbb{E}[\mathbb{E}[T \mid S]]", r"\mathbb{E}[T]", V),
    # bare E before a power is E of the power (round 21; (E Z)^2 is a reading that only keeps a step
    # from being verified or refuted); before a bracket it is not read
    (r"\mathbb{E} Z^2", r"\mathbb{E}[Z^2]", V),
    (r"\mathbb{E} Z^2", r"(\mathbb{E}[Z])^2", U),
    (r"\mathbb{E}(Z - c)^2", r"\mathbb{E}[(Z - c)^2]", U),
    (r"\operatorname{Var}(Z)", r"\mathbb{E}(Z - \mathbb{E}Z)^2", U),  # E of the square, or its square
]


@pytest.mark.parametrize("lhs,rhs,expected", CASES)
def test_expectation(lhs, rhs, expected):
    verdict = check_step(lhs, rhs, "=", macros=MACROS)
    assert verdict.status.value == expected, (lhs, rhs, verdict)


def test_square_of_mean_is_not_mean_of_square():
    for lhs, rhs in ((r"\mathbb{E}[Z^2]", r"\mathbb{E}[Z]^2"), (r"\mathbb{E}[z^2]", r"(\mathbb{E}[z])^2")):
        assert check_step(lhs, rhs, "=").status.value != V


def test_random_vectors():
    assert check_step(r"\mathbb{E}[\mathbf{M}\mathbf{v}]", r"\mathbf{M}\,\mathbb{E}[\mathbf{v}]", "=").status.value == V
    verdict = check_step(r"\mathbb{E}[\mathbf{v}\mathbf{v}^T]",
                         r"\operatorname{Cov}(\mathbf{v}) + \mathbb{E}[\mathbf{v}]\mathbb{E}[\mathbf{v}]^T", "=")
    assert verdict.status.value == V


def test_plain_e_beside_functionals_is_not_an_expectation():
    assert check_step(r"E[\rho]", r"T[\rho] + W[\rho]", "=").status.value == U


def test_constant_offset_is_a_reading():
    # b appears only inside, yet reads as a constant: Var(aX + b) = a^2 Var(X)
    assert check_step(r"\operatorname{Var}(kZ + m)", r"k^2\operatorname{Var}(Z)", "=").status.value == V
