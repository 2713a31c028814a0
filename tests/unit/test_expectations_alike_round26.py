"""The expectations of one step under one named distribution are written out alike: E_q[a(z)] beside
E_q[\\log q(z)] averages over the same z (before, one was written out as a sum beside one left as an E,
and the ELBO's identity ended "depends on what p, q is")."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

ELBO = r"\mathbb{E}_{q}[\log p(x,z)]-\mathbb{E}_q[\log q(z)]"


@pytest.mark.parametrize("lhs, rhs", [
    (ELBO, r"\mathbb{E}_q\left[\log\frac{p(x,z)}{q(z)}\right]"),
    (ELBO, r"\mathbb{E}_q[\log p(x,z)-\log q(z)]"),
    (r"\mathbb{E}_q[\log q(z)]+\mathbb{E}_q[h(z)]", r"\mathbb{E}_q[\log q(z)+h(z)]"),
])
def test_expectations_under_one_distribution_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, kind", [
    (ELBO, r"\mathbb{E}_q\left[\log\frac{q(z)}{p(x,z)}\right]", "sign_flip"),
    (ELBO, r"\mathbb{E}_q[\log p(x,z)+\log q(z)]", "sign_flip"),
])
def test_slips_in_the_elbo_are_refuted(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
