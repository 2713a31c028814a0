"""Real-analysis notes: inequality chains under bounds the prose states, sequences related through
their recurrence, and inequalities between numbers alone (round 23)."""
import pytest

from lintmath.check import Status, _in_force, check_step
from lintmath.comparator import Comparator, _parse_assumptions, stated_ranges
from lintmath.context import RELATION, ContextItem, _stated_interval
from lintmath.sides import parse_step

from documents import checked_steps


def _verdicts(body: str) -> list[tuple[str, str, str, str]]:
    return [(s.step.lhs.stripped.strip(), s.step.relation, s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body, name="n.tex")]


def _status(verdicts, lhs: str) -> str:
    return next(status for left, _, status, _ in verdicts if left == lhs)


# --- a member of a sequence that the step relates to other members of it -------------------------

@pytest.mark.parametrize("lhs, rhs, relation", [
    # the recurrence u_{k+1} = (2/3) u_k - 1 put in: the shifted member is gone, its sibling stays
    ("u_k - u_{k+1}", "u_k - \\frac{2u_k}{3} + 1", "="),
    ("w_{j+1}^2 - 3", "\\frac{w_j^2}{4} + 1 - 3", "="),
    # a contraction's iterates: the general member bounded by the first ones
    ("q|z_m - z_{m-1}|", "q^m|z_1 - z_0|", "<="),
    ("|z_{m+1} - z_m|", "q^{m}|z_1 - z_0|", "<="),
    ("b_r", "b_0 + r h", "="),
])
def test_members_of_one_sequence_are_not_refuted(lhs, rhs, relation):
    verdict = check_step(lhs, rhs, relation)
    assert verdict.status is Status.UNVERIFIED
    assert verdict.reason.startswith("a recurrence")


@pytest.mark.parametrize("lhs, rhs, relation, expected", [
    # still identities whatever the sequence is
    ("u_{k+1} - u_{k+1} + u_k", "u_k", "=", Status.VERIFIED),
    ("z_m - z_0", "\\sum_{j=1}^{m} (z_j - z_{j-1})", "=", Status.VERIFIED),
    ("z_1 + z_2 + z_3", "z_3 + z_1 + z_2", "=", Status.VERIFIED),
    # and a slip that keeps every member is still one
    ("u_k - u_{k+1}", "u_k + u_{k+1}", "=", Status.REFUTED),
])
def test_identities_of_sequence_members_are_still_decided(lhs, rhs, relation, expected):
    assert check_step(lhs, rhs, relation).status is expected


def test_substituted_recurrence_in_a_document_is_no_error():
    verdicts = _verdicts(
        "Newton's iteration for $\\sqrt 3$ is\n"
        "\\begin{equation}\ny_{k+1} = \\frac12\\left(y_k + \\frac{3}{y_k}\\right), \\qquad y_1 = 2 .\n\\end{equation}\n"
        "Hence\n\\begin{align*}\ny_k - y_{k+1} &= y_k - \\frac{y_k}{2} - \\frac{3}{2y_k} \\\\\n"
        "&= \\frac{y_k^2 - 3}{2y_k} .\n\\end{align*}\n")
    assert _status(verdicts, "y_k - y_{k+1}") == "unverified"
    assert _status(verdicts, "y_k - \\frac{y_k}{2} - \\frac{3}{2y_k}") == "verified"


# --- an interval the prose puts the letters in ------------------------------------------------------

@pytest.mark.parametrize("math, lhs, relation, rhs", [
    ("s, t \\in [0, 1]", "0", "<=", "s, t \\le 1"),
    ("u \\in (0, \\infty)", "u", ">", "0"),
    ("v \\in (-\\infty, 2]", "v", "<=", "2"),
    ("r \\in \\left[a, b\\right)", "a", "<=", "r < b"),
    ("x \\in [-3, 3].", "-3", "<=", "x \\le 3"),
])
def test_interval_membership_is_a_bound(math, lhs, relation, rhs):
    item = _stated_interval(math, {})
    assert item is not None and item.kind == RELATION
    assert (item.lhs, item.relation, item.rhs) == (lhs, relation, rhs)


@pytest.mark.parametrize("math", [
    "x \\in [0, 1]^n",             # a cube: vectors, not a bound on a number
    "x \\notin [0, 1]",
    "x^2 \\in [0, 1]",             # not a letter
    "x \\in [0, 1] \\cup [2, 3]",
    "x \\in \\{0, 1\\}",           # a finite set (context.stated_values)
    "(a, b) \\in [0, 1]",
])
def test_other_memberships_are_no_interval(math):
    assert _stated_interval(math, {}) is None


def test_a_list_of_letters_is_bounded_letter_by_letter():
    item = ContextItem("assume", "", "0", "<=", "s, t \\le 1", "", 0, True, "")
    assert stated_ranges(item) == {"s": (0.0, 1.0), "t": (0.0, 1.0)}
    # p(x, y) is an expression with commas, not a list
    (left, relation, right), = _parse_assumptions((ContextItem("assume", "", "p(x, y)", ">", "0", "", 0, True, ""),))
    assert relation == ">"


def test_interval_rescues_a_bound_and_sharper_sampling_refutes_a_false_one():
    verdicts = _verdicts(
        "For $s, t \\in [0, 1]$ we have\n\\begin{align*}\n|s^2 - t^2| &= |s + t|\\,|s - t| \\\\\n"
        "&\\le (|s| + |t|)\\,|s - t| \\\\\n&\\le 2|s - t| .\n\\end{align*}\n"
        "On the other hand it is false that\n\\begin{align*}\n(|s| + |t|)\\,|s - t| &\\le |s - t| .\n\\end{align*}\n")
    assert _status(verdicts, "(|s| + |t|)\\,|s - t|") == "unverified"
    assert [status for left, _, status, _ in verdicts].count("refuted") == 1
    assert verdicts[-1][2] == "refuted"


def test_a_later_case_replaces_the_interval_of_an_earlier_one():
    verdicts = _verdicts(
        "For $s, t \\in [0, 1]$,\n\\begin{align*}\n|s^2 - t^2| &\\le 2|s - t| .\n\\end{align*}\n"
        "For $s, t \\ge 2$, however,\n\\begin{align*}\n\\frac{|s - t|}{st} &\\ge |s - t| .\n\\end{align*}\n")
    # holds in the first case, wrong in the second one, which is the case in force
    assert _status(verdicts, "\\frac{|s - t|}{st}") == "refuted"


def test_bounds_that_may_both_hold_both_stay_in_force():
    first = ContextItem(RELATION, "", "0", "<", "r < 1", "", 0, False, "", True)
    later = ContextItem(RELATION, "", "r", ">", "0", "", 0, False, "", True)
    case = ContextItem(RELATION, "", "r", ">=", "2", "", 0, False, "", True)
    assert _in_force([first, later]) == [first, later]
    assert _in_force([first, case]) == [case]


# --- inequalities between numbers -------------------------------------------------------------------

@pytest.mark.parametrize("lhs, relation, rhs", [
    ("\\frac{50}{7}", "<=", "8"),
    ("\\frac{e^2 + 1}{2}", ">=", "4"),
    ("\\binom{5}{2}", "<=", "10"),
    ("\\int_0^1 t^2\\,dt", "<", "\\frac12"),
    ("\\sum_{j=1}^{4} \\frac{1}{j^2}", "<", "\\frac{\\pi^2}{6}"),
])
def test_true_inequalities_of_numbers_verify(lhs, relation, rhs):
    verdict = check_step(lhs, rhs, relation)
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, relation, rhs", [
    ("\\sqrt 3", "<=", "1.732"),        # holds only within the rounding of the decimal
    ("\\binom{5}{2}", "<", "10"),       # equal, not below
    ("m", "<=", "m + 1"),               # a letter: sampled points only
    ("\\sum_{j=1}^{m} \\frac{1}{j^2}", "<=", "2"),  # m is given values by the instance, not written
])
def test_other_inequalities_are_not_verified(lhs, relation, rhs):
    assert check_step(lhs, rhs, relation).status is not Status.VERIFIED


def test_vectors_lowered_to_numbers_are_no_numbers():
    parsed = parse_step("\\|\\mathbf{u} + \\mathbf{v}\\|", "\\|\\mathbf{u}\\| + \\|\\mathbf{v}\\|", {})
    comparator = Comparator(parsed, "<=", 0)
    assert comparator.numbers_in_order()  # random entries: the lowered sides hold no letters
    assert check_step("\\|\\mathbf{u} + \\mathbf{v}\\|", "\\|\\mathbf{u}\\| + \\|\\mathbf{v}\\|", "<=").status \
        is Status.UNVERIFIED
