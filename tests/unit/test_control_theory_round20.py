"""Round 20, control theory and state estimation notes: labelled members of one family defined from
each other in the prose (the damped frequency from the natural one), and macros written as the bare
argument of an accent (\\dot\\xv for the state's derivative)."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import defines_from_itself
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.pipeline import check_documents


def _statuses(body: str) -> list[str]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=4.0, seed=0))[0]
    return [s.verdict.status.value for s in res.steps]


@pytest.mark.parametrize("head, body, recurrence", [
    (r"\omega_d", r"\omega_n\sqrt{1-\zeta^2}", False),           # a sibling's value: a definition
    (r"T_{\mathrm{out}}", r"T_{\mathrm{in}} - q/c", False),      # upright labels
    (r"T_{\mathrm{out}}", r"T_{\mathrm{in}} - \Delta T", True),  # a bare T beside them: not only siblings
    (r"\Omega_r", r"\Omega_c(1 - 2\xi^2)", False),
    (r"x_{t+1}", r"x_t - \eta g_t", True),                       # a step of a sequence
    (r"P_k", r"P_{k-1} + Q", True),                              # the index runs through the body
    (r"\Omega_r", r"\Omega_r + 1", True),                        # the member itself
    (r"\Omega", r"\Omega_c + 1", True),                          # no subscript to label a member
])
def test_recurrence_or_definition(head, body, recurrence):
    assert defines_from_itself(parse_math(head), parse_math(body)) is recurrence


@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"With the resonance peak at $\Omega_r = \Omega_c\sqrt{1 - 2\xi^2}$ we find",
     r"\Omega_r^2 + 2\xi^2\Omega_c^2", r"\Omega_c^2"),
    (r"Let $\lambda_d = \lambda_n\sqrt{1-\beta^2}$, so that",
     r"\lambda_d^2 + \beta^2\lambda_n^2", r"\lambda_n^2"),
    (r"The outlet temperature is $T_{\mathrm{out}} = T_{\mathrm{in}} - q/c$, hence",
     r"c(T_{\mathrm{in}} - T_{\mathrm{out}})", r"q"),
])
def test_member_defined_from_sibling_verifies(prose, lhs, rhs):
    body = prose + "\n\\begin{align*}\n" + lhs + " &= " + rhs + "\n\\end{align*}"
    assert _statuses(body) == ["verified"]


def test_sibling_substituted_without_prose_is_not_an_error():
    # the damped frequency replaced by its value from elsewhere: a substitution, not a typo
    verdict = check_step(r"\beta^2\lambda_n^2 + \lambda_d^2", r"\beta^2\lambda_n^2 + \lambda_n^2(1 - \beta^2)", "=")
    assert verdict.status is Status.UNVERIFIED
    assert "no longer mentions" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\beta^2\lambda_n^2 + \lambda_d^2", r"\beta^2\lambda_n^2 + 3\lambda_d^2"),  # the member kept, a factor slipped
    (r"u_a + 2u_b", r"u_b + u_a"),                                              # letters used as running indices
    (r"\sum_{a,b=1}^{N} u_a v_b", r"\sum_{a=1}^{N} u_a v_a"),                  # b bound by the shared range
])
def test_slips_with_labelled_members_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


MACROS = "\n".join([
    r"\newcommand{\sv}{\mathbf{s}}",
    r"\newcommand{\wv}{\boldsymbol{w}}",
    r"\newcommand{\tr}{^{\mathsf T}}",
    r"\newcommand{\hlf}{\frac{1}{2}}",
    r"\newcommand{\minus}{{-1}}",
])


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dt}\left(e^{-Ft}\sv(t)\right)", r"e^{-Ft}\dot\sv(t) - F e^{-Ft}\sv(t)"),
    (r"\hat\sv + 2\tilde\wv", r"2\tilde\wv + \hat\sv"),
    (r"y^\hlf y^\hlf", r"y"),
    (r"\sqrt\hlf", r"\frac{1}{\sqrt 2}"),
    (r"(GM)\tr", r"M\tr G\tr"),
    (r"(GM)^\minus", r"M^\minus G^\minus"),
])
def test_macro_as_bare_argument_is_read(lhs, rhs):
    body = MACROS + "\n\\begin{align*}\n" + lhs + " &= " + rhs + "\n\\end{align*}"
    assert _statuses(body) == ["verified"]


def test_macro_as_bare_argument_slip_refuted():
    body = MACROS + "\n\\begin{align*}\n" + r"\hat\sv + 2\tilde\wv &= \tilde\wv + \hat\sv" + "\n\\end{align*}"
    assert _statuses(body) == ["refuted"]
