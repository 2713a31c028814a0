"""p(x, z | theta) read as a probability distribution: what holds for every joint verifies; what needs
an independence the prose assumes, or is wrong, is never verified by this reading."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.lower import classify_letters
from lintmath.parse.parser import parse_math
from lintmath.probability import distributions

V, R, U = "verified", "refuted", "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    # product rule, both orders, with a parameter after the bar
    (r"p(u, v)", r"p(v)\,p(u \mid v)"),
    (r"p(u, v \mid \phi)", r"p(u \mid v, \phi)\, p(v \mid \phi)"),
    (r"p(a, b, c)", r"p(a)\,p(b \mid a)\,p(c \mid a, b)"),
    # conditional as a ratio, Bayes' rule
    (r"p(s \mid t)", r"\frac{p(s, t)}{p(t)}"),
    (r"p(h \mid d)", r"\frac{p(d \mid h)\, p(h)}{p(d)}"),
    (r"P(A \mid B)", r"\frac{P(B \mid A) P(A)}{P(B)}"),
    (r"\Pr(H \mid E)", r"\frac{\Pr(E \mid H)\Pr(H)}{\Pr(E)}"),
    (r"\mathbb{P}(X \mid Y)", r"\mathbb{P}(X, Y) / \mathbb{P}(Y)"),
    # marginalising by a sum without bounds, or by an integral without bounds
    (r"p(u)", r"\sum_{v} p(u, v)"),
    (r"p(u)", r"\sum_{v} p(u \mid v)\, p(v)"),
    (r"p(y)", r"\int p(y \mid w)\, p(w)\, dw"),
    (r"\int p(d, \beta)\, d\beta", r"\int p(d \mid \beta)\, p(\beta)\, d\beta"),
    # normalisation
    (r"\sum_{u} p(u \mid v)", r"1"),
    (r"\int p(t)\, dt", r"1"),
    (r"p(a)p(b)\sum_{c}p(c \mid a, b)", r"p(a)p(b)"),
    # inside logs, beside another distribution (a variational q)
    (r"\log p(u \mid \phi)", r"\log \sum_{v} p(u, v \mid \phi)"),
    (r"\sum_{v} q(v) \log \frac{p(u, v)}{q(v)}", r"\sum_{v} q(v) \log \frac{p(v \mid u)\, p(u)}{q(v)}"),
    (r"-\log \sum_{u} q(u)", r"0"),
    # indexed variables are variables of their own
    (r"p(x_1, x_2)", r"p(x_1)\, p(x_2 \mid x_1)"),
    # the values of a variable used as numbers too
    (r"\sum_{y} y \sum_{x} p(x, y)", r"\sum_{y} y\, p(y)"),
    # a sum over the set a variable ranges in is over its values
    (r"\sum_{y \in \mathcal{Y}} y \sum_{x \in \mathcal{X}} p(x, y)", r"\sum_{y \in \mathcal{Y}} y\, p(y)"),
    (r"\sum_{u \in \mathcal{U}} p(u \mid v)", r"1"),
])
def test_identities_of_every_distribution_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == V, verdict.reason
    assert any("probability distribution" in g for g in verdict.guessed)


@pytest.mark.parametrize("lhs, rhs", [
    # what needs an independence (or conditional independence) the prose would state
    (r"p(u, v)", r"p(u)\,p(v)"),
    (r"\frac{p(u, v)}{p(v)}", r"p(u)"),
    (r"p(a, b \mid c)", r"p(a \mid c)\, p(b \mid c)"),
    (r"\sum_{c} p(a, b, c)", r"p(a) \sum_{c} p(c \mid a)\, p(b \mid c)"),
    (r"\int p(y, w \mid x)\, dw", r"\int p(y \mid w, x)\, p(w)\, dw"),
    # and what is plainly wrong
    (r"p(s \mid t)", r"p(t \mid s)"),
    (r"p(h \mid d)", r"\frac{p(d \mid h)\, p(h)}{p(h)}"),
    (r"p(x_1, x_2)", r"p(x_2)\, p(x_2 \mid x_1)"),
    (r"\sum_{u} p(u \mid v)", r"2"),
    (r"\sum_{u \in \mathcal{U}} p(u \mid v)", r"2"),
])
def test_what_some_distributions_break_is_not_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value in (U, R)


@pytest.mark.parametrize("lhs, rhs", [
    (r"2p(u \mid v)", r"3p(u \mid v)"),
])
def test_a_wrong_step_is_still_refuted_by_the_default_reading(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == R


@pytest.mark.parametrize("text", [
    r"p(X = 1 \mid Y)",  # an event: its variable's values are not the ones a sum runs over
    r"p(x + 1)",  # not a variable
    r"p(x, x)",
    r"p'(x)",
    r"p(k; \lambda)",  # a parametrised family, defined elsewhere
    r"\sum_{i=1}^{n} p(x_i)",  # a new variable per term
    r"\sum_{z=1}^{k} p(x, z)",  # a range the distribution's values need not be
])
def test_only_plain_variables_make_a_distribution(text):
    assert distributions(parse_math(text)) == ()


def test_each_name_is_a_distribution_of_its_own():
    found = dict(distributions(parse_math(r"q(v) \log p(u, v \mid \phi)")))
    assert set(found) == {"p", "q"}
    assert len(found["p"]) == 3 and len(found["q"]) == 1


def test_the_reading_is_only_offered_where_a_step_has_one():
    letters = classify_letters(parse_math(r"f(x) + g(y)"), parse_math(r"g(y) + f(x)"))
    assert letters.distributions == ()
