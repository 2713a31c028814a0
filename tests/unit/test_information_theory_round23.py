"""Information theory (round 23): expectations under a named distribution written out as sums beside
KL divergences and entropies, and the total of a family named in the prose (log-sum inequality)."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Macro, Status
from lintmath.pipeline import check_documents

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
EX = r"\mathbb{E}"


@pytest.mark.parametrize("lhs, rhs, status", [
    # the divergence as an expectation under its first argument
    (r"D_{KL}(f \| g)", EX + r"_{f}\left[\log\frac{f(W)}{g(W)}\right]", V),
    (r"\mathrm{KL}(f\|g)", EX + r"_{W \sim f}\left[-\log\frac{g(W)}{f(W)}\right]", V),
    (r"D(f\|g)", EX + r"_{f}[\log f(W)] - " + EX + r"_{f}[\log g(W)]", V),
    (r"\sum_w f(w)\log\frac{f(w)}{g(w)}", EX + r"_{f}[\log f(W)] - " + EX + r"_{f}[\log g(W)]", V),
    (EX + r"_{w \sim f}[h(w)]", r"\sum_w f(w) h(w)", V),
    (EX + r"_{w \sim f}[h(w)]", r"\int f(w) h(w)\,dw", V),
    (EX + r"_{r(u \mid v)}[\log s(v \mid u)]", r"\int r(u \mid v)\log s(v \mid u)\,du", V),
    (r"\mathrm{H}(f)", "-" + EX + r"_{f}[\log f(W)]", V),
    # wrong expansions: under the other distribution, or with the sign flipped
    (r"D_{KL}(f \| g)", EX + r"_{g}\left[\log\frac{f(W)}{g(W)}\right]", R),
    (r"D_{KL}(f \| g)", "-" + EX + r"_{f}\left[\log\frac{f(W)}{g(W)}\right]", R),
    (r"\sum_w f(w)\log\frac{f(w)}{g(w)}", EX + r"_{f}[\log f(W)] + " + EX + r"_{f}[\log g(W)]", R),
    (r"\sum_w f(w)\log\frac{f(w)}{g(w)}", EX + r"_{g}[\log f(W)] - " + EX + r"_{f}[\log g(W)]", R),
])
def test_expectation_under_a_named_distribution(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    # a distribution named otherwise on the other side may be the same one (a dropped subscript)
    (EX + r"_{w \sim f}[h(w)]", r"\sum_w g(w) h(w)"),
    (EX + r"_{w \sim f_\theta}[h(w)]", r"\sum_w f(w) h(w)"),
    # a policy applied to (a | s) elsewhere: the subscript's name is a conditional, not read
    (EX + r"_{a \sim \pi}[Q(s, a)]", r"\sum_a \pi(a \mid s) Q(s, a)"),
    # a free w beside the expectation's own, and a conditional expectation
    (EX + r"_{w \sim f}[h(w)] + w", r"\sum_w f(w) h(w) + w"),
    (EX + r"_{f}[W \mid Z]", r"\sum_w f(w) w"),
])
def test_expectation_reading_never_refutes_what_it_cannot_tell(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not R


def test_expectation_of_another_random_variable_is_not_written_out():
    # Z beside W under E_f: the distribution f says nothing of Z, which need not be a constant
    assert check_step(EX + r"_{f}[\log f(W)\, Z]", r"Z\sum_w f(w)\log f(w)", "=").status is not V


def test_expectation_through_a_macro():
    macros = {"\\Ex": Macro("\\Ex", 0, "\\mathbb{E}")}
    assert check_step(r"D(f\|g)", r"\Ex_{f}\left[\log\frac{f(W)}{g(W)}\right]", "=", macros=macros).status is V
    assert check_step(r"D(f\|g)", r"\Ex_{g}\left[\log\frac{f(W)}{g(W)}\right]", "=", macros=macros).status is R


def _steps(body: str):
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [s.verdict.status for s in result.steps]


@pytest.mark.parametrize("prose", [
    r"For positive $u_1, \dots, u_m$ and $v_1, \dots, v_m$ with $u = \sum_j u_j$ and $v = \sum_j v_j$,",
    r"Let $u = \sum_{j=1}^m u_j$ and $v = \sum_{j=1}^m v_j$.",
])
def test_total_of_a_family_named_in_the_prose(prose):
    # the log-sum inequality holds with u, v the totals the prose names; read as free letters it fails
    body = prose + "\n\\begin{equation}\n\\sum_{j=1}^m u_j\\ln\\frac{u_j}{v_j} \\geq u\\ln\\frac{u}{v}\n\\end{equation}"
    assert _steps(body) == [U]


def test_total_of_a_family_never_verifies_a_wrong_step():
    body = (r"Let $u = \sum_{j=1}^m u_j$." + "\n\\begin{align*}\n2u &= \\sum_{j=1}^m u_j\n\\end{align*}")
    assert _steps(body) != [V]


def test_recurrence_is_still_no_definition():
    from lintmath.context import defines_from_itself
    from lintmath.parse.parser import parse_math
    assert defines_from_itself(parse_math("x_{t+1}", {}), parse_math("x_t - g", {}))
    assert not defines_from_itself(parse_math("u", {}), parse_math(r"\sum_j u_j", {}))
    assert defines_from_itself(parse_math("u", {}), parse_math(r"u_0 + \sum_j u_j", {}))


@pytest.mark.parametrize("lhs, rhs, status", [
    # bits and nats after a number are units of information, as metres are of length
    (r"\log_2 32", r"5 \text{ bits}", V),
    (r"\frac{1}{4}\cdot 4", r"1\,\text{bit}", V),
    (r"\ln 4", r"1.386 \text{ nats}", V),
    # a wrong value beside a unit on one side is not compared; two scales are never converted
    (r"\log_2 32", r"6 \text{ bits}", U),
    (r"4\text{ bits}", r"4\ln 2\text{ nats}", U),
    (r"1\text{ byte}", r"8\text{ bits}", U),
])
def test_information_units(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_repaired_base_of_a_logarithm_is_braced():
    # a base of one digit repaired to two must be written \log_{16}: \log_16 x is log_1 of 6x
    diagnosis = check_step(r"\log_4 w", r"2\log_2 w", "=").diagnosis
    assert diagnosis is not None and "_{16}" in diagnosis.suggestion and "_16" not in diagnosis.suggestion


def test_a_slip_beside_expectations_written_out_keeps_the_authors_edit():
    # refuted with the expectations written out as sums; the edit is named in the author's own text
    lhs = r"\mathbb{E}_{X\sim p}\left[\log\frac{p(X)}{q(X)}\right] + \mathbb{E}_{X\sim p}\left[\log\frac{1}{p(X)}\right]"
    verdict = check_step(lhs, "2" + lhs.split(" + ")[0] + " + " + lhs.split(" + ")[1], "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "constant_factor"
    assert verdict.diagnosis.suggestion == lhs
