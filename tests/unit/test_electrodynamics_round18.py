"""Electrodynamics and relativity notes (round 18): the Levi-Civita symbol's antisymmetry, Einstein's
dummy indices contracted on both sides, a derivative by a letter the document defines, and a worked
example's value of a letter defined with letters before."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


@pytest.mark.parametrize("lhs, rhs", [
    # cyclic and odd permutations of the indices of \epsilon
    (r"\epsilon_{abc} u_b w_c", r"-\epsilon_{acb} u_b w_c"),
    (r"\varepsilon_{pqr} \varepsilon_{rst} f_q g_s h_t", r"\varepsilon_{rpq}\varepsilon_{rst} f_q g_s h_t"),
    (r"\epsilon_{abc} u_a v_b w_c", r"\epsilon_{bca} u_a v_b w_c"),
    # a repeated index is zero; a contraction with the symmetric delta vanishes
    (r"\epsilon_{aac} w_c + 1", "1"),
    (r"\epsilon_{abc}\delta_{bc}", "0"),
    # the symbol itself at digits, summed over 1..3
    (r"\epsilon_{321}", "-1"),
    (r"\sum_{b=1}^{3}\sum_{c=1}^{3} \epsilon_{2bc}\epsilon_{2bc}", "2"),
])
def test_levi_civita_verified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # dummies renamed, or contracted with a symmetric pair: the sums agree, the terms need not
    (r"\epsilon_{abc} u_b w_c s_a", r"\epsilon_{cab} s_c u_a w_b"),
    (r"\epsilon_{abc} u_b w_c", r"\epsilon_{acb} u_c w_b"),
    (r"\epsilon_{abc} u_b u_c", "0"),
    (r"p_a q_a r_b t_b", r"p_b q_b r_a t_a"),
    (r"M_{ab} N_{ab}", r"M_{ba} N_{ba}"),
])
def test_dummies_on_both_sides_never_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    # a free index repeated across terms or shifted is no dummy: slips stay errors
    (r"u_a + w_a", r"w_a - u_a", Status.REFUTED),
    (r"\frac{y_{n+1} - y_n}{h} - \frac{y_n - y_{n-1}}{h}", r"\frac{y_{n+1} - y_{n-1}}{h}", None),
    # a sign slip outside the contraction is still read
    (r"\epsilon_{abc} u_b w_c", r"\epsilon_{acb} u_b w_c", None),
])
def test_free_indices_still_decided(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    if status is not None:
        assert verdict.status is status, verdict.reason
    else:
        assert verdict.status is not Status.VERIFIED, verdict.reason


def _statuses(body: str) -> list[tuple[str, str]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [(s.step.rhs.stripped, s.verdict.status.value) for s in res.steps]


def test_derivative_by_a_defined_letter():
    # \lambda is defined by w; the step differentiates by \lambda itself, with \kappa defined from it
    body = r"""
\begin{align*}
\lambda &= \frac{w}{s}, \\
\kappa &= \frac{1}{\sqrt{1-\lambda^2}}
\end{align*}
\begin{align*}
\frac{d}{d\lambda}(\kappa\lambda) &= \kappa^3
\end{align*}
"""
    assert ("\\kappa^3", "verified") in _statuses(body)


def test_worked_example_value_does_not_refute_general_step():
    # \kappa is given in letters twice, then a number of an example; the general step after it is
    # no error for the example's value
    body = r"""
\begin{align*}
\kappa &= \frac{1}{\sqrt{1-\lambda^2}}
\end{align*}
\begin{align*}
\kappa = \frac{1}{\sqrt{1-\tanh^2 u}} &= \cosh u
\end{align*}
\begin{align*}
\kappa &= \frac{1}{\sqrt{1 - 0.8^2}} = \frac{1}{0.6}
\end{align*}
\begin{align*}
\sqrt{\frac{1-\lambda}{1+\lambda}} &= \kappa(1-\lambda)
\end{align*}
"""
    statuses = dict(_statuses(body))
    assert statuses["\\kappa(1-\\lambda)"] == "unverified"


def test_plain_number_value_still_refutes():
    # a value of numbers that replaced nothing is the document's: a step against it is an error
    body = r"""
\begin{align*}
m &= 2
\end{align*}
\begin{align*}
m q &= 3q
\end{align*}
"""
    assert ("3q", "refuted") in _statuses(body)


def test_left_without_right_around_over_is_unread_not_a_crash():
    # found by the fuzz test: \left( a \over b cut off before its \right
    verdict = check_step("a", r"\left( q \over", "=")
    assert verdict.status is Status.UNVERIFIED
    assert "internal error" not in verdict.reason
