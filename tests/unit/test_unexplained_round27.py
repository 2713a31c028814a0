"""A refuted step that no small edit explains says so (LM100, with its counterexample), rather than
naming as a "lost term" the whole left side less the whole right (x^2 = 2x is no term dropped), and
the counterexample reads as the values sampled (n = 0.46, not 0.460000)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs", [("x^2", "2x"), ("x^3 - x", "x^2"), ("t^2 + t", "3t^3")])
def test_a_difference_sharing_no_term_with_the_line_is_no_lost_term(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is None or verdict.diagnosis.kind != "dropped_term"


@pytest.mark.parametrize("lhs, rhs, term", [
    ("(a+b)^2", "a^2+b^2", "2ab"),
    (r"\frac{d}{dx}(x^2+5x)", "2x", "5"),
    ("(x+1)^2 - 1", "x^2", "2x"),
])
def test_a_term_lost_beside_terms_kept_is_still_named(lhs: str, rhs: str, term: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert term in verdict.diagnosis.suggestion


def test_a_counterexample_shows_the_sampled_values_as_short_decimals() -> None:
    steps = checked_steps("\\begin{align*}\n\\binom{n}{2} &= \\frac{n^2}{2}\n\\end{align*}\n")
    (step,) = steps
    assert step.verdict.status.value == "refuted"
    values = dict(step.verdict.counterexample).values()
    assert values and all(len(v) <= 6 and not v.endswith("0000") for v in values)


@pytest.mark.parametrize("lhs, rhs, law", [
    (r"R_a^\top R_b", r"R_{b-a}", True),
    (r"R_{-m}", r"R_m^\top", True),
    (r"a_{k+1} x_1 + a_1", r"a_{m+1} x_1 + a_1", False),  # a shift by a number: a slip decided as written
])
def test_a_family_law_needs_a_sum_of_letters_or_a_negated_letter(lhs: str, rhs: str, law: bool) -> None:
    from lintmath.check import _family_law
    from lintmath.parse.parser import parse_math
    assert bool(_family_law(parse_math(lhs), parse_math(rhs))) is law


@pytest.mark.parametrize("lhs, rhs", [
    (r"R_{xx}(\tau)", r"R_{xx}(-\tau)"),     # the autocorrelation is even
    (r"f(x)", r"f(-x)"),
    (r"\varphi_{xx}[\kappa]", r"\varphi_{xx}[-\kappa]"),
])
def test_a_symmetry_of_an_undefined_function_is_no_slip(lhs: str, rhs: str) -> None:
    # the only repair would write the line before again: the step states a property of the function
    assert check_step(lhs, rhs, "=").status.value == "unverified"


def test_a_changed_argument_beside_other_terms_is_still_a_slip() -> None:
    verdict = check_step(r"p(x \mid \theta)\, p(\theta)", r"p(x \mid \theta)\, p(x)", "=")
    assert verdict.status.value == "refuted"
