"""Statistical learning theory notes: bars around a set that a union bound sums over, a value the
prose defines at a fixed point (``\\bar g = \\mathbb{E}[\\hat g(u)]``) in steps that write ``\\hat g``
alone, and a chain stated inline whose head and end are the relation a step rests on (round 24)."""
import pytest

from lintmath.check import check_step
from lintmath.context import RELATION, prose_items
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.sides import parse_step
from lintmath.parse import nodes as n

from documents import checked_steps


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    return {s.step.rhs.stripped.strip().rstrip(" ."): (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body, name="n.tex")}


# --- |F| beside a sum over F: the number of its elements -------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    ("\\sum_{g \\in \\mathcal{F}} e^{-m\\tau}", "|\\mathcal{F}|e^{-m\\tau}"),
    ("\\sum_{g \\in \\mathcal{F}} 2\\exp(-2m\\tau^2)", "2|\\mathcal{F}|\\exp(-2m\\tau^2)"),
    ("\\sum_{g \\in G} \\frac{\\beta}{|G|}", "\\beta"),
    ("\\sum_{v \\in V} 1", "|V|"),
    ("\\sum_{g \\in \\mathcal{F}} (c_g + \\beta)", "\\sum_{g \\in \\mathcal{F}} c_g + |\\mathcal{F}|\\beta"),
])
def test_bars_around_a_summed_set_count_its_elements(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    ("\\sum_{g \\in G} \\frac{\\beta}{|G|}", "2\\beta"),
    ("\\sum_{g \\in G} \\frac{\\beta}{|G|}", "\\frac{\\beta}{|G|}"),
])
def test_a_slip_in_a_union_bound_is_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_union_bound_inequality_holding_is_not_refuted_and_a_wrong_one_is():
    assert check_step("\\sum_{g \\in G} e^{-m\\tau}", "|G| e^{-m\\tau}", "<=").status is not Status.REFUTED
    wrong = check_step("\\sum_{g \\in G} 2e^{-m\\tau}", "|G| e^{-m\\tau}", "<=")
    assert wrong.status is Status.REFUTED


def test_bars_around_a_set_no_sum_runs_over_stay_an_absolute_value():
    parsed = parse_step("\\sum_{g \\in G} 1", "|W|", {})
    assert isinstance(parsed.rhs, n.Abs)
    sized = parse_step("\\sum_{g \\in G} 1", "|G|", {})
    assert isinstance(sized.rhs, n.Sym) and sized.rhs.base == "#G"


# --- a value defined at a fixed point, used without its argument ------------------------------------

_DECOMPOSITION = (
    "Fix a test point $u$ and put $\\bar g = \\mathbb{E}[\\hat g(u)]$.\n"
    "\\begin{align*}\n"
    "\\mathbb{E}[(\\hat g - c)^2] &= \\mathbb{E}[(\\hat g - \\bar g)^2] + 2(\\bar g - c)\\mathbb{E}[\\hat g - \\bar g]"
    " + (\\bar g - c)^2 \\\\\n"
    "&= \\mathbb{E}[(\\hat g - \\bar g)^2] + (\\bar g - c)^2 \\\\\n"
    "&= \\mathbb{E}[\\hat g^2] - \\bar g^2 + (\\bar g - c)^2 .\n"
    "\\end{align*}\n")


def test_a_mean_defined_at_a_fixed_point_verifies_the_decomposition():
    verdicts = _verdicts(_DECOMPOSITION)
    assert verdicts["\\mathbb{E}[(\\hat g - \\bar g)^2] + (\\bar g - c)^2"][0] == "verified"
    assert verdicts["\\mathbb{E}[\\hat g^2] - \\bar g^2 + (\\bar g - c)^2"][0] != "refuted"


@pytest.mark.parametrize("slip", ["+ 2(\\bar g - c)^2", "- (\\bar g - c)^2", "+ (\\bar g + c)^2"])
def test_a_slip_after_a_mean_defined_at_a_fixed_point_is_not_verified(slip):
    # the reading at the fixed point verifies only what holds with the mean put in
    row = "&= \\mathbb{E}[(\\hat g - \\bar g)^2] "
    verdicts = _verdicts(_DECOMPOSITION.replace(row + "+ (\\bar g - c)^2", row + slip))
    assert verdicts["\\mathbb{E}[(\\hat g - \\bar g)^2] " + slip][0] != "verified"


def test_an_argument_the_step_writes_keeps_the_application():
    # the step writes u itself: \hat g(u) is not the bare \hat g of another point
    verdicts = _verdicts(
        "Put $\\bar g = \\mathbb{E}[\\hat g(u)]$.\n"
        "\\begin{align*}\n"
        "\\mathbb{E}[\\hat g - \\bar g] + u &= u .\n"
        "\\end{align*}\n")
    assert verdicts["u"][0] != "verified"


# --- a chain stated inline: its head equals its end ------------------------------------------------

def test_an_inline_chain_states_its_head_equal_to_its_end():
    doc = extract_text("\\documentclass{article}\n\\begin{document}\n"
                       "Here $\\mathbb{E}[Z - m] = m - m = 0$ by the definition of $m$.\n"
                       "\\end{document}\n", "n.tex")
    stated = {(i.lhs, i.rhs) for i in prose_items(doc, {}) if i.kind == RELATION}
    assert ("\\mathbb{E}[Z - m]", "0") in stated


def test_a_step_that_drops_a_centred_term_is_rescued_by_the_chain_after_it():
    verdicts = _verdicts(
        "\\begin{align*}\n"
        "\\mathbb{E}[(Z - a)^2] &= \\mathbb{E}[(Z - m)^2] + 2(m - a)\\mathbb{E}[Z - m] + (m - a)^2 \\\\\n"
        "&= \\mathbb{E}[(Z - m)^2] + (m - a)^2 .\n"
        "\\end{align*}\n"
        "The cross term vanishes as $\\mathbb{E}[Z - m] = m - m = 0$.\n")
    status, reason = verdicts["\\mathbb{E}[(Z - m)^2] + (m - a)^2"]
    assert status == "unverified" and "\\mathbb{E}[Z - m] = 0" in reason
