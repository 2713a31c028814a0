"""Review of three readings of round 31: series of generic sequences read on a window, laws written in a
step, capitals re-read as matrices. An expectation taken under a law the step writes in its subscript
is not the expectation of a generic letter: read without the law, ``\\mathbb{E}_{Y \\sim \\mathcal{N}(0, 9)}[Y^2]
= 9\\,\\mathbb{E}_{Y \\sim \\mathcal{N}(0, 1)}[Y^2]`` relates one expectation to nine times itself and fails,
while under the laws written it holds; so that reading refutes nothing the laws do not refute, and
verifies no step whose sides take their expectations under different laws, read or not."""
from __future__ import annotations

import pytest

from lintmath import distributions
from lintmath.check import WRITTEN_LAWS_DIFFER, WRITTEN_LAWS_UNREFUTED, check_step


def _verdict(lhs: str, rhs: str):
    return check_step(lhs, rhs, "=")


@pytest.mark.parametrize("lhs, rhs", [
    # right with the variance second (9 = 9 * 1), wrong with the deviation: not refuted
    (r"\mathbb{E}_{Y\sim\mathcal N(0,9)}[Y^2]", r"9\,\mathbb{E}_{Y\sim\mathcal N(0,1)}[Y^2]"),
    (r"\mathbb{E}_{Y\sim\mathcal N(0,6)}[Y^2]", r"3\mathbb{E}_{Y\sim\mathcal N(0,2)}[Y^2]"),
    (r"\mathbb{E}_{Y\sim\mathcal N(0,1)}[Y^2]", r"\mathbb{E}_{Y\sim\mathcal N(0,5)}[Y^2]/5"),
    # a family not read (rate or scale): E = 1/3 and (1/9) * 3
    (r"\mathbb{E}_{T\sim\mathrm{Exp}(3)}[T]", r"\frac{1}{9}\mathbb{E}_{T\sim\mathrm{Exp}(1/3)}[T]"),
    (r"\mathbb{E}_{Y\sim\mathcal N(0,1)}[g(Y)]", r"2\mathbb{E}_{Y\sim\mathcal N(0,3)}[g(Y)]"),
])
def test_a_step_right_under_its_written_laws_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = _verdict(lhs, rhs)
    assert verdict.status.value == "unverified"
    assert verdict.reason == WRITTEN_LAWS_UNREFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}_{T\sim\mathrm{Exp}(1)}[T]", r"\mathbb{E}_{T\sim\mathrm{Exp}(4)}[T]"),
    (r"\mathbb{E}_{Y\sim\mathcal N(0,1)}[g(Y)]", r"\mathbb{E}_{Y\sim\mathcal N(0,3)}[g(Y)]"),
])
def test_the_same_expectation_under_two_laws_is_not_verified(lhs: str, rhs: str) -> None:
    verdict = _verdict(lhs, rhs)
    assert verdict.status.value == "unverified"
    assert verdict.reason == WRITTEN_LAWS_DIFFER


@pytest.mark.parametrize("lhs, rhs, status", [
    # wrong under every reading of the laws: still refuted
    (r"\mathbb{E}_{Y\sim\mathcal N(0,9)}[Y^2]", r"5\,\mathbb{E}_{Y\sim\mathcal N(0,1)}[Y^2]", "refuted"),
    (r"\mathbb{E}_{Y\sim\mathcal N(0,1)}[g(Y)]", r"2\mathbb{E}_{Y\sim\mathcal N(0,1)}[g(Y)]", "refuted"),
    (r"\mathrm{Var}(K)", r"\theta^2 \quad K\sim\mathrm{Poi}(\theta)", "refuted"),
    # the same law, read or not, on both sides: as before
    (r"\mathbb{E}_{T\sim\mathrm{Exp}(3)}[T]", r"\mathbb{E}_{T\sim\mathrm{Exp}(3)}[T]", "verified"),
    (r"\mathbb{E}_{Y\sim\mathcal N(0,1)}[g(Y) + h(Y)]",
     r"\mathbb{E}_{Y\sim\mathcal N(0,1)}[g(Y)] + \mathbb{E}_{Y\sim\mathcal N(0,1)}[h(Y)]", "verified"),
    (r"\mathbb{E}_{K\sim\mathrm{Poi}(2\theta)}[K]", r"2\mathbb{E}_{K\sim\mathrm{Poi}(\theta)}[K]", "verified"),
])
def test_steps_the_laws_decide_keep_their_verdict(lhs: str, rhs: str, status: str) -> None:
    assert _verdict(lhs, rhs).status.value == status


def test_subscript_laws_are_found_whatever_the_family() -> None:
    found = distributions.subscript_laws(r"\mathbb{E}_{T \sim \mathrm{Exp}(1/3)}[T] + \mathrm{Var}_{Y\sim\mathcal N(0,1)}(Y)")
    assert found == [r"_{T\sim\mathrm{Exp}(1/3)}", r"_{Y\sim\mathcalN(0,1)}"]
    assert distributions.subscript_laws(r"\mathbb{E}[T] + 1") == []


@pytest.mark.parametrize("lhs, rhs, status", [
    # series of a generic sequence: shifts and peeled terms decide, near misses do not verify
    (r"\sum_{m=0}^\infty \beta^m u_{s+m}", r"u_s + \beta\sum_{m=0}^\infty \beta^m u_{s+m+1}", "verified"),
    (r"\sum_{m=0}^\infty \beta^m u_{s+m}", r"u_s + \beta^2\sum_{m=0}^\infty \beta^m u_{s+m+1}", "refuted"),
    (r"\sum_{j=2}^\infty j(j-1) c_j y^{j-2}", r"\sum_{j=0}^\infty (j+2)(j+1) c_{j+2} y^j", "verified"),
    (r"\sum_{j=2}^\infty j(j-1) c_j y^{j-2}", r"\sum_{j=0}^\infty (j+1)j c_{j+2} y^j", "refuted"),
    (r"\sum_{j\ge 0} c_j y^j", r"c_0 + \sum_{j > 1} c_j y^j", "refuted"),
    (r"\sum_{j=0}^\infty (c_j - c_{j+1})", "c_0", "unverified"),
    (r"\sum_{j=0}^\infty c_{2j}", r"\sum_{j=0}^\infty c_j", "unverified"),
])
def test_series_of_a_generic_sequence(lhs: str, rhs: str, status: str) -> None:
    assert _verdict(lhs, rhs).status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"(P+Q)^2", r"P^2 + 2PQ + Q^2", "unverified"),
    (r"(P+Q)^2", r"P^2 + PQ + QP + Q^2", "verified"),
    (r"(PQ)^{-1}", r"P^{-1}Q^{-1}", "refuted"),
    (r"\mathrm{tr}(PQS)", r"\mathrm{tr}(SPQ)", "verified"),
])
def test_capitals_as_matrices(lhs: str, rhs: str, status: str) -> None:
    assert _verdict(lhs, rhs).status.value == status
