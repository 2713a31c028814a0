"""Psychometrics and rating systems (classical test theory, IRT, factor models, Elo): notation of
measurement notes that the checker read wrongly. Each false alarm found is pinned here, in notation of
our own, with the slips that must still be caught."""
import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.context import ContextItem
from lintmath.model import Status

COV = "\\newcommand{\\Cov}{\\operatorname{Cov}}\n\\newcommand{\\Var}{\\operatorname{Var}}\n"


def _rows(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


# --- a relation the prose states through a macro of the document ------------------------------------

def test_relation_stated_through_a_macro_rescues_the_dropped_term():
    body = COV + ("Observed scores split as $O = S + N$, where the noise is uncorrelated with the signal, "
                  "$\\Cov(S, N) = 0$.\n") + _rows("\\Var(S + N) &= \\Var(S) + \\Var(N) + 2\\Cov(S, N)",
                                                   "&= \\Var(S) + \\Var(N)")
    steps = checked_steps(body)
    assert steps[-1].verdict.status is Status.UNVERIFIED
    assert "\\Cov(S, N) = 0" in steps[-1].verdict.reason


def test_without_the_stated_relation_the_dropped_term_is_refuted():
    body = COV + "Observed scores split as $O = S + N$.\n" + _rows(
        "\\Var(S + N) &= \\Var(S) + \\Var(N) + 2\\Cov(S, N)", "&= \\Var(S) + \\Var(N)")
    assert checked_steps(body)[-1].verdict.status is Status.REFUTED


def test_a_term_replaced_by_the_stated_value_stays_a_term():
    # 2\Cov(S,N) with \Cov(S,N) = 0 is 2 times 0, not the number 20
    stated = ContextItem("relation", "", "\\operatorname{Cov}(S, N)", "=", "0", "t.tex:1", 1, False, "t.tex", True)
    verdict = check_step("\\operatorname{Var}(S) + 2\\operatorname{Cov}(S, N)", "\\operatorname{Var}(S)", "=",
                         context=(stated,))
    assert verdict.status is Status.UNVERIFIED


# --- a function's definition beside its bare name in a bracket ---------------------------------------

LOGISTIC = ContextItem("define", "\\pi", "\\pi_j(\\eta)", "=", "\\frac{1}{1 + e^{-d_j(\\eta - g_j)}}",
                       "t.tex:3", 3, False, "t.tex")


@pytest.mark.parametrize("lhs, rhs, status", [
    # \pi_j(1 - \pi_j) beside \pi_j(\eta) defined: the value times a bracket, not \pi_j at 1 - \pi_j
    ("\\frac{\\partial \\pi_j}{\\partial \\eta}", "d_j\\pi_j(1 - \\pi_j)", Status.VERIFIED),
    ("\\sum_{j=1}^m d_j\\frac{\\partial \\pi_j}{\\partial\\eta}", "\\sum_{j=1}^m d_j^2\\pi_j(1 - \\pi_j)",
     Status.VERIFIED),
    ("\\frac{\\partial \\pi_j}{\\partial \\eta}", "2d_j\\pi_j(1 - \\pi_j)", Status.REFUTED),
    ("\\frac{\\partial \\pi_j}{\\partial \\eta}", "d_j^2\\pi_j(1 - \\pi_j)", Status.REFUTED),
])
def test_bare_function_name_in_a_bracket_is_a_factor(lhs, rhs, status):
    assert check_step(lhs, rhs, "=", context=(LOGISTIC,)).status is status


def test_function_applied_to_an_expression_is_still_applied():
    # \pi_j(2\eta) writes no bare \pi_j: the function at 2\eta
    verdict = check_step("\\pi_j(2\\eta)", "\\frac{1}{1 + e^{-d_j(2\\eta - g_j)}}", "=", context=(LOGISTIC,))
    assert verdict.status is Status.VERIFIED


# --- a name redefined model after model ----------------------------------------------------------------

MODELS = ("One-parameter curve:\n" + _rows("\\pi_j(\\eta) &= \\frac{1}{1 + e^{-(\\eta - g_j)}}")
          + "Two-parameter curve:\n" + _rows("\\pi_j(\\eta) &= \\frac{1}{1 + e^{-d_j(\\eta - g_j)}}")
          + "With a floor $f_j$ for guessing:\n"
          + _rows("\\pi_j(\\eta) &= f_j + \\frac{1 - f_j}{1 + e^{-d_j(\\eta - g_j)}}")
          + "Back to the two-parameter curve, its slope is\n")


def test_step_that_holds_under_an_earlier_model_is_not_refuted():
    steps = checked_steps(MODELS + _rows("\\frac{\\partial \\pi_j}{\\partial \\eta} &= d_j\\pi_j(1 - \\pi_j)"))
    verdict = steps[-1].verdict
    assert verdict.status is Status.UNVERIFIED
    assert "which a later definition replaced" in verdict.reason


def test_step_wrong_under_every_model_is_still_refuted():
    steps = checked_steps(MODELS + _rows("\\frac{\\partial \\pi_j}{\\partial \\eta} &= 3d_j\\pi_j(1 - \\pi_j)"))
    assert steps[-1].verdict.status is Status.REFUTED


# --- a diagonal scaling matrix D -------------------------------------------------------------------------

def test_step_that_holds_if_d_is_symmetric_is_not_refuted():
    verdict = check_step("\\mathbf{D}^{-1}\\mathbf{B}\\mathbf{B}^\\top\\mathbf{D}^{-1}",
                         "(\\mathbf{D}^{-1}\\mathbf{B})(\\mathbf{D}^{-1}\\mathbf{B})^\\top", "=")
    assert verdict.status is Status.UNVERIFIED
    assert "symmetric" in verdict.reason


def test_step_wrong_for_symmetric_d_is_still_refuted():
    verdict = check_step("\\mathbf{D}^{-1}\\mathbf{B}\\mathbf{B}^\\top\\mathbf{D}^{-1}",
                         "(\\mathbf{D}^{-1}\\mathbf{B})^\\top(\\mathbf{D}^{-1}\\mathbf{B})", "=")
    assert verdict.status is Status.REFUTED


# --- s_u beside u: a subscript that labels, not an index ------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{v - \\bar v}{s_v}", "\\frac{c(u - \\bar u)}{c s_u}"),
    ("v + s_v", "u + s_u"),
])
def test_subscript_label_beside_its_letter_is_not_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{u - \\bar u}{s_u}", "\\frac{u + \\bar u}{s_u}"),   # a sign slip, the same names on both sides
    ("\\frac{c(u - \\bar u)}{c s_u}", "\\frac{u - \\bar u}{c s_u}"),
    ("x_k + k", "x_k + 2k"),                                  # an index used as a number
])
def test_slips_with_subscript_letters_are_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


# --- "when $R_A = R_B$": a case, not a value ----------------------------------------------------------

def test_members_said_equal_in_the_prose_do_not_verify_a_slip():
    body = ("Between equal players, when $G_1 = G_2$, the expected score is one half.\n\n"
            "The rating gap recovered from the log-odds:\n"
            + _rows("\\log_{10}\\frac{1}{10^{(G_2 - G_1)/400}} &= \\frac{G_2 - G_1}{400}"))
    assert checked_steps(body)[-1].verdict.status is not Status.VERIFIED


def test_members_said_equal_do_not_spoil_a_correct_step():
    body = ("Between equal players, when $G_1 = G_2$, the expected score is one half.\n\n"
            + _rows("\\log_{10}\\frac{1}{10^{(G_2 - G_1)/400}} &= \\frac{G_1 - G_2}{400}"))
    assert checked_steps(body)[-1].verdict.status is Status.VERIFIED


# --- a power written before the subscript inside a macro ------------------------------------------------

def test_power_before_subscript_through_a_macro_is_read():
    body = ("\\newcommand{\\vp}{\\tau^2_u}\n\\newcommand{\\ve}{\\tau^2_{ue}}\n"
            + _rows("\\frac{\\vp}{\\vp + \\ve/m} &= \\frac{m\\vp}{m\\vp + \\ve}", "&= \\frac{m\\vp}{m\\vp - \\ve}"))
    steps = checked_steps(body)
    assert [s.verdict.status for s in steps] == [Status.VERIFIED, Status.REFUTED]


@pytest.mark.parametrize("lhs, rhs", [
    # beside a covariance (symmetric by convention), a step that also needs D or A symmetric
    ("\\mathbf{D}^{-1}\\mathbf{B}\\mathbf{B}^\\top\\mathbf{D}^{-1} + \\mathbf{D}^{-1}\\Psi\\mathbf{D}^{-1}",
     "(\\mathbf{D}^{-1}\\mathbf{B})(\\mathbf{D}^{-1}\\mathbf{B})^\\top + \\mathbf{D}^{-1}\\Psi\\mathbf{D}^{-1}"),
    ("u^\\top \\Sigma A w", "w^\\top A \\Sigma u"),
])
def test_maybe_symmetric_matrix_beside_a_covariance_is_not_verified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "is symmetric" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    ("u^\\top \\Sigma w", "w^\\top \\Sigma u"),
    ("\\mathbf{D}^{-1}\\Psi^\\top\\mathbf{D}^{-1}", "\\mathbf{D}^{-1}\\Psi\\mathbf{D}^{-1}"),
])
def test_covariance_symmetric_by_convention_still_verifies(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED
