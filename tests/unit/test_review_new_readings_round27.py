"""An adversarial review of round 27's readings: complex letters written out in parts of either sign and
with an imaginary part past pi (a principal logarithm, root or argument is no longer taken in the first
quadrant only), optima over a half-line that the integers miss left unread, and braces holding the same
entries in another order read as sets beside the prose's Poisson brackets."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.optima import evaluated


def _status(prose: str, lhs: str, rhs: str) -> str:
    (step,) = checked_steps(display(prose, lhs, rhs))
    return step.verdict.status.value


COMPLEX = "Let $z, w \\in \\mathbb{C}$."


@pytest.mark.parametrize("lhs, rhs", [
    ("\\log(z w)", "\\log z + \\log w"),
    ("\\sqrt{z w}", "\\sqrt{z}\\sqrt{w}"),
    ("\\log(z^2)", "2 \\log z"),
    ("\\sqrt{z^2}", "z"),
    ("\\arg(z w)", "\\arg z + \\arg w"),
    ("\\log(z \\bar w)", "\\log z + \\log \\bar w"),
    # holds while the imaginary part is below pi, as the sampled ones are
    ("\\log(e^{z})", "z"),
])
def test_a_branch_law_of_reals_is_not_verified_of_complex_letters(lhs: str, rhs: str) -> None:
    # with the real and imaginary parts sampled positive both letters lie in the first quadrant,
    # where these laws hold; in the others they fail by a whole turn
    assert _status(COMPLEX, lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\log z", "\\ln|z| + i\\arg z"),
    ("z \\bar z", "|z|^2"),
    ("\\overline{z w}", "\\bar z \\bar w"),
    ("\\log|z|^2", "\\log z + \\log \\bar z"),
    ("e^{\\log z}", "z"),
])
def test_laws_that_hold_on_every_branch_still_verify(lhs: str, rhs: str) -> None:
    assert _status(COMPLEX, lhs, rhs) == "verified"


def test_a_wrong_conjugate_is_still_refuted() -> None:
    assert _status("Let $z \\in \\mathbb{C}$.", "z \\bar z", "z^2") == "refuted"


@pytest.mark.parametrize("prose", ["", "For integer $t$,", "Over the integers,"])
def test_an_optimum_the_integers_miss_is_not_refuted(prose: str) -> None:
    # t may count (discrete time), and over the integers the minimum of (t - 1.5)^2 is 1/4
    assert _status(prose, "\\min_{t \\ge 1} (t - 1.5)^2", "\\frac{1}{4}") == "unverified"
    assert _status("The firm makes a whole number $q$ of units.", "\\max_{q \\ge 0} (5q - q^2)", "6") == "unverified"


def test_optima_the_integers_reach_are_still_decided() -> None:
    assert _status("", "\\min_{x \\ge 3} (x^2 - 4x)", "-3") == "verified"
    assert _status("", "\\max_{x \\in [0, 2]} (4x - x^2)", "4") == "verified"
    assert _status("", "\\min_{x \\ge 3} (x^2 - 4x)", "-4") == "refuted"
    # over the whole line, written so, the variable is real
    assert _status("", "\\min_{x \\in \\mathbb{R}} (x^2 - 3x)", "-\\frac{9}{4}") == "verified"


def test_evaluated_leaves_a_non_integer_optimum_off_the_real_line_unread() -> None:
    import sympy as sp
    t = sp.Symbol("t")
    assert evaluated("min", "\\ge 1", (t - sp.Rational(3, 2)) ** 2, t) is None
    assert evaluated("min", "\\in \\mathbb { R }", (t - sp.Rational(3, 2)) ** 2, t) == 0
    # an interval is written of the reals (a count runs over {0, ..., 10})
    assert evaluated("min", "\\in [ 0 , 2 ]", (t - sp.Rational(1, 2)) ** 2, t) == 0


POISSON = "The Poisson bracket of two functions of the canonical variables is defined as usual."


def test_braces_with_the_same_entries_reordered_are_sets_not_brackets() -> None:
    assert _status(POISSON + " As sets, the order does not matter:", "\\{q, p\\}", "\\{p, q\\}") == "unverified"
    assert _status(POISSON, "\\{p, q\\}", "1") == "refuted"
    assert _status(POISSON, "\\{p, q\\}", "-\\{q, p\\}") != "refuted"
