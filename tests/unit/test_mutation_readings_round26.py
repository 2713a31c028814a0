"""Mutation readings, round 26: a slip in a step whose correct form only some reading decides (the
model of expectations, maps stated linear, the letters' shapes, an indicator read as an unknown
function, a bound between two counts, a family's sum collected with others) is refuted and diagnosed
in that reading, where a small edit makes the step hold; the correct step still verifies, and the
steps each guard is there for (a zero mean the prose assumes, an isometry, a broadcast number, the
values 0 and 1 of an indicator, a mean put in) stay unverified."""
from __future__ import annotations

import pytest

from documents import checked_steps
from lintmath.check import check_step
from lintmath.model import Status

R, V, U = Status.REFUTED, Status.VERIFIED, Status.UNVERIFIED


def _doc(prose: str, lhs: str, rhs: str) -> str:
    return f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


# -- expectations: a random symbol both sides write, cancelled by the lowering, is no quantity from elsewhere

TOWER = r"\mathbb{E}\left[\mathbb{E}[W\mid V]\mid V\right]-\mathbb{E}\left[W\mid V\right]"
CENTRED = r"\mathbb{E}\left[\left(W-\mathbb{E}[W\mid V]\right)\mid V\right]"


@pytest.mark.parametrize("lhs,rhs,kind", [
    (TOWER, r"\mathbb{E}[W\mid V]+\mathbb{E}[W\mid V]", "sign_flip"),
    (TOWER, r"3\mathbb{E}[W\mid V]-\mathbb{E}[W\mid V]", "constant_factor"),
    (CENTRED, r"\mathbb{E}\left[W\mid V\right]+\mathbb{E}\left[\mathbb{E}[W\mid V]\mid V\right]", "sign_flip"),
    # the mean of a deviation for that of its square (exponent 2 lost)
    (r"\mathbb{E}[(W - \mathbb{E}[W\mid V])^2]", r"\mathbb{E}_V[\mathbb{E}[(W - \mathbb{E}[W\mid V])\mid V]]",
     "exponent"),
])
def test_expectation_slips_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs,rhs", [
    (TOWER, r"\mathbb{E}[W\mid V]-\mathbb{E}[W\mid V]"),
    (r"\mathbb{E}[(W - \mathbb{E}[W\mid V])^2]", r"\mathbb{E}_V[\mathbb{E}[(W - \mathbb{E}[W\mid V])^2\mid V]]"),
])
def test_expectation_correct_steps_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is V


@pytest.mark.parametrize("lhs,rhs", [
    (r"\mathbb{E}[Z + \epsilon]", r"\mathbb{E}[Z]"),  # the noise one side writes: zero mean?
    (r"\mathbb{E}[(m + \epsilon)^2]", r"m^2 + \mathbb{E}[\epsilon^2]"),  # zero mean assumed
    (r"\mathbb{E}[PQ] - \mathbb{E}[P]\mathbb{E}[Q]", r"0"),  # independence assumed
    (r"\operatorname{Var}(\mathbb{E}[W\mid V])", r"\mathbb{E}[\mathbb{E}[W\mid V]^2]"),
])
def test_expectation_assumptions_stay_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


# -- maps the prose states linear: the reading that verifies the correct step refutes the slip

MAPS = r"Let $F$ and $G$ be linear maps and $\mathbf{p}, \mathbf{q}$ vectors."


@pytest.mark.parametrize("lhs,rhs,status,kind", [
    (r"F(\mathbf{p} - \mathbf{q}) + G(\mathbf{p})", r"F(\mathbf{p}) - F(\mathbf{q}) + G(\mathbf{p})", V, None),
    (r"F(\mathbf{p} - \mathbf{q}) + G(\mathbf{p})", r"F(\mathbf{p}) + F(\mathbf{q}) + G(\mathbf{p})", R, "sign_flip"),
    (r"F(5\mathbf{p}) + G(\mathbf{q})", r"5F(\mathbf{p}) + 3G(\mathbf{q})", R, "constant_factor"),
    # what an isometry gives, not linearity: no small edit, unverified
    (r"\|G(\mathbf{q})\|", r"\|\mathbf{q}\|", U, None),
    # a name from elsewhere stays a question for the prose, whatever edit would repair it
    (r"F(\mathbf{p} + \mathbf{q})", r"F(\mathbf{p}) + F(\mathbf{w})", U, None),
])
def test_linear_maps(lhs, rhs, status, kind):
    (step,) = checked_steps(_doc(MAPS, lhs, rhs))
    assert step.verdict.status is status, step.verdict.reason
    if kind is not None:
        assert step.verdict.diagnosis is not None and step.verdict.diagnosis.kind == kind
        assert any("linear" in guess for guess in step.verdict.guessed)


# -- a new line ill-shaped where the line before builds: refuted only with an edit that repairs it

@pytest.mark.parametrize("lhs,rhs,status,kind", [
    (r"(p - Bq)^T(p - Bq)", r"p^Tp - 2q^TB^Tp + q^TB^TBq", V, None),
    (r"(p - Bq)^T(p - Bq)", r"p^TB - 2q^TB^Tp + q^TB^TBq", R, "changed_variable"),
    (r"u^T C u - 2c^T u", r"u^T C u - 2c^T u + c^T C", R, "dropped_term"),
    # a number added to a vector that no edit explains (a broadcast, lambda for lambda I)
    (r"B\mathbf{q} + \mu\mathbf{1}", r"B\mathbf{q} + \mu", U, None),
])
def test_shape_misfits(lhs, rhs, status, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status, verdict.reason
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


# -- indicators read as unknown functions

LABELS = r"-1(t=1)\log\frac{1}{1+e^{-h}} - 1(t=-1)\log\frac{e^{-h}}{1+e^{-h}}"


@pytest.mark.parametrize("lhs,rhs,status,kind", [
    (LABELS, r"1(t=1)\log(1+e^{-h}) + 1(t=-1)\log(1+e^{h})", V, None),
    (LABELS, r"1(t=1)\log(1+e^{-h}) - 1(t=-1)\log(1+e^{h})", R, "sign_flip"),
    (r"4\cdot 1(c \neq d) + 1(c \neq d)", r"3\cdot 1(c \neq d)", R, "arithmetic"),
    # true for the values 0 and 1 alone, whatever edit makes it hold for every function
    (r"1(t=1)^2", r"1(t=1)", U, None),
    (r"1(t=1)1(t=1)", r"1(t=1)", U, None),
    (r"1(t = 1) + 1(t = -1)", r"1", U, None),  # linked conditions (labels +-1)
])
def test_indicators(lhs, rhs, status, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status, verdict.reason
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


# -- a bound changed to another count agrees where the counts do: the full search repairs it

PAIRS = (r"\sum_{a=1}^{m}\sum_{b=1}^{m} \langle\mathbf{u}_a, \mathbf{u}_b\rangle z_a z_b"
         r" - \sum_{a=1}^{m} \langle\mathbf{u}_a, \mathbf{u}_a\rangle z_a z_a")
ENTRIES = (r"\sum_{a=1}^{m}\sum_{b=1}^{m}\sum_{c=1}^{%s} \mathbf{u}_{a,c}\mathbf{u}_{b,c} z_a z_b"
           r" - \sum_{a=1}^{m}\sum_{c=1}^{r} \mathbf{u}_{a,c}\mathbf{u}_{a,c} z_a z_a")


def test_bound_between_counts():
    # the entries' count r written for the vectors' length: the correct step is not refuted, and the
    # bound slipped to the other count m (equal to r at some sampled points) is repaired
    assert check_step(PAIRS, ENTRIES % "r", "=").status is not R
    verdict = check_step(PAIRS, ENTRIES % "m", "=")
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "changed_variable"


# -- a family's sum collected with others under one sum is no mean put in

GATHERED = r"\frac{a}{m}\sum_{k=1}^{m} z_{k} + \sum_{k=1}^{m}\beta_{k}\left(2 - z_{k}\right)"


@pytest.mark.parametrize("lhs,rhs,status,kind", [
    (GATHERED, r"\sum_{k=1}^{m} z_{k}\left(\frac{a}{m} - \beta_{k}\right) + 2\sum_{k=1}^{m}\beta_{k}", V, None),
    (GATHERED, r"\sum_{k=1}^{m} z_{k}\left(\frac{a}{m} - \beta_{k}\right) + 4\sum_{k=1}^{m}\beta_{k}", R, None),
    (GATHERED, r"\sum_{k=1}^{m} z_{k}\left(\frac{a}{m} + \beta_{k}\right) + 2\sum_{k=1}^{m}\beta_{k}", R, None),
    # the mean of the z_k put in (a quantity of the prose): a substitution, as before
    (r"\frac{1}{m}\sum_{k=1}^{m} z_k^2 - \frac{2\nu}{m}\sum_{k=1}^{m} z_k + \nu^2",
     r"\frac{1}{m}\sum_{k=1}^{m} z_k^2 - \nu^2", U, None),
])
def test_collected_family_sums(lhs, rhs, status, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is status, verdict.reason
