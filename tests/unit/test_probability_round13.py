"""A step of distributions is refuted only when a typo explains it: it fails for a generic joint and
for independent variables, and one small edit makes it hold for every joint. What the prose may
assume (independence, a Markov chain, conditional independence) is never an error."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


@pytest.mark.parametrize("lhs, rhs, kind, suggestion", [
    # a factor, a sign, a number of a normalisation
    (r"p(u)", r"3\sum_{v} p(u, v)", "constant_factor", r"\sum_{v} p(u, v)"),
    (r"p(u)", r"-\sum_{v} p(u, v)", "sign_flip", r"\sum_{v} p(u, v)"),
    (r"\sum_{a} p(a \mid b)", r"2", "arithmetic", r"1"),
    # Bayes' rule with the evidence and the prior swapped, or squared
    (r"p(h \mid d)", r"\frac{p(d \mid h)\,p(d)}{p(h)}", "reciprocal", r"\frac{p(d \mid h)\,p(h)}{p(d)}"),
    (r"p(h \mid d)", r"\frac{p(d \mid h)\,p(h)}{p(d)^2}", "exponent", r"\frac{p(d \mid h)\,p(h)}{p(d)}"),
    # a product rule with the condition written the wrong way round
    # (either letter of the repair is one: p(s) p(t | s) holds as well as p(t) p(s | t))
    (r"p(s, t)", r"p(t)\,p(t \mid s)", "changed_variable", None),
    # a bound the variational distribution q brings in: q is the distributions' own name, not a gap
    (r"\log p(u)", r"-\log \sum_{v} q(v) \frac{p(u, v)}{q(v)}", "sign_flip",
     r"\log \sum_{v} q(v) \frac{p(u, v)}{q(v)}"),
])
def test_a_typo_in_a_step_of_distributions_is_refuted_and_explained(lhs, rhs, kind, suggestion):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    if suggestion is not None:
        assert verdict.diagnosis.suggestion.replace(" ", "") == suggestion.replace(" ", "")
    assert check_step(lhs, verdict.diagnosis.suggestion, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    # independence, conditional independence, a Markov chain, naive Bayes: the prose says so
    (r"p(s, t)", r"p(s)\,p(t)"),
    (r"P(A \mid B)", r"P(A)"),
    (r"p(a, b \mid c)", r"p(a \mid c)\,p(b \mid c)"),
    (r"p(a \mid b, c)", r"p(a \mid c)"),
    (r"p(x_1, x_2, x_3)", r"p(x_1)\,p(x_2 \mid x_1)\,p(x_3 \mid x_2)"),
    (r"p(c \mid w_1, w_2)", r"\frac{p(c)\,p(w_1 \mid c)\,p(w_2 \mid c)}{p(w_1, w_2)}"),
    # a q the prose sets to the posterior (the E-step)
    (r"q(v)", r"p(v \mid u)"),
    # p as a polynomial of linear algebra, not a distribution
    (r"p(x)", r"2x + 1"),
])
def test_what_the_prose_may_assume_is_never_an_error(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    # wrong, but no single small edit repairs it: a missing factor, not a typo in what is written
    (r"p(t)", r"\sum_{s} p(t \mid s)"),
    (r"p(s, t)", r"p(s \mid t)"),
])
def test_a_step_nothing_small_explains_stays_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == "unverified"
