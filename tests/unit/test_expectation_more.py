"""More spellings of the expectation: E of one application after a bare E (E_p \\log(..), E_{X~p} l(X)),
E of the next expectation (E E[X]), and the spellings that stay unread (E(..)^2, E(..)(..), \\hat{E})."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import macro_table

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
EX = macro_table((Macro("\\ex", 0, "\\mathbb{E}"),))


def test_bare_e_takes_the_one_application_after_it():
    tree = parse_math(r"\mathbb{E}_{p}\log\left(\frac{1}{p(X)}\right) + 1")
    e = tree.terms[0].node
    assert isinstance(e, n.Apply) and e.func.base == "E" and isinstance(e.args[0], n.Func)
    tree = parse_math(r"\ex\ex[X]", EX)
    assert isinstance(tree, n.Apply) and isinstance(tree.args[0], n.Apply) and tree.args[0].bracket == "["


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\mathbb{E}_{p}\log\left(\frac{1}{p(X)}\right)", r"-\mathbb{E}_p[\log p(X)]", V),
    (r"\mathbb{E}_{p}\log\left(\frac{1}{p(X)}\right)", r"\mathbb{E}_p[\log p(X)]", R),
    (r"\ex_{p}\log p(X) + 1", r"1 + \ex_p[\log p(X)]", V),
    (r"\mathbb{E}_{X\sim p}\ell_q(X)", r"\mathbb{E}_{X\sim p}[\ell_q(X)]", V),
    (r"\mathbb{E}_{X\sim p}\ell_q(X)", r"2\mathbb{E}_{X\sim p}[\ell_q(X)]", R),
    (r"\mathbb{E}_p \exp(tX)", r"\mathbb{E}_p[e^{tX}]", V),
    (r"\ex\ex[X]", r"\ex[X]", V),
    (r"\ex\ex[X]", r"2\ex[X]", R),
    (r"\ex\ex X", r"\ex X", V),
])
def test_bare_expectation_of_an_application_or_an_expectation(lhs, rhs, status):
    assert check_step(lhs, rhs, "=", macros=EX).status is status


@pytest.mark.parametrize("lhs, rhs, reason", [
    (r"\mathbb{E}(X - \mathbb{E}X)^2", r"\mathbb{E}[X^2] - (\mathbb{E}X)^2", "the power may belong inside"),
    (r"\mathbb{E}(X - \mathbb{E}X)(X - \mathbb{E}X)", r"\mathbb{E}[X^2] - (\mathbb{E}X)^2", "next bracket"),
    (r"\mathbb{E}\log(X)^2", r"\mathbb{E}[\log(X)^2]", "without a bracket"),
    (r"\mathbb{E}\log X Y", r"\mathbb{E}[\log X]Y", "without a bracket"),
    (r"\mathbb{E} X(1 - X)", r"\mathbb{E}[X] - \mathbb{E}[X^2]", "without a bracket"),  # a product?
    (r"\mathbb{E} f(X) g(X)", r"\mathbb{E}[f(X)] g(X)", "without a bracket"),
    (r"\hat{\mathbb{E}}[X]", r"\frac{1}{n}\sum_{i=1}^n x_i", "empirical mean"),
    (r"\hat{\ex}\left[\exp(-Y)\right]", r"\frac{1}{n}\sum_{i=1}^{n}\exp(-y_{i})", "empirical mean"),
])
def test_guessed_reach_stays_unread(lhs, rhs, reason):
    verdict = check_step(lhs, rhs, "=", macros=EX)
    assert verdict.status is U and reason in verdict.reason, verdict


def test_conditional_expectation_inside_is_the_tower_property():
    verdict = check_step(r"\ex\ex[X \mid Y]", r"\ex[X]", "=", macros=EX)
    assert verdict.status.value == "verified"
