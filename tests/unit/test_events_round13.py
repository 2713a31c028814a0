r"""P(A \cup B), P(A^c), P(A \mid B) read as probabilities of events: what holds in every probability
space verifies; what holds for independent, disjoint, nested events or a partition is never an
error; a typo that a small edit repairs is refuted and explained."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.events import events
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

V, R, U = "verified", "refuted", "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    # union, complement, difference
    (r"P(A \cup B)", r"P(A) + P(B) - P(A \cap B)"),
    (r"P(B \cup A)", r"P(A) - P(A \cap B) + P(B)"),
    (r"P(A^c)", r"1 - P(A)"),
    (r"P(A^{c})", r"1 - P(A)"),
    (r"P(A^C)", r"1 - P(A)"),
    (r"P(A^\complement)", r"1 - P(A)"),
    (r"P(A^{\mathsf{c}})", r"1 - P(A)"),
    (r"P(\complement A)", r"1 - P(A)"),
    (r"P(\bar A)", r"1 - P(A)"),
    (r"P(\bar{E})", r"1 - P(E)"),
    (r"P(\overline{F})", r"1 - P(F)"),
    (r"1 - P(H^c)", r"P(H)"),
    (r"P(A) + P(A^c)", r"1"),
    (r"P(A \setminus B)", r"P(A) - P(A \cap B)"),
    (r"P(A \cap B^c)", r"P(A) - P(A \cap B)"),
    (r"P(A \setminus B)", r"P(A \cap B^c)"),
    (r"P(A \cup B)", r"P(A) + P(B \setminus A)"),
    (r"P(A \cup B)", r"P(A) + P(A^c \cap B)"),
    (r"P(A)", r"P(A \cap B) + P(A \cap B^c)"),
    # De Morgan
    (r"P((A \cup B)^c)", r"P(A^c \cap B^c)"),
    (r"P(\overline{A \cup B})", r"1 - P(A \cup B)"),
    (r"P((A \cap B)^c)", r"P(A^c \cup B^c)"),
    (r"P(A^c \cup B^c)", r"1 - P(A \cap B)"),
    (r"P(A \cup B)", r"1 - P(A^c \cap B^c)"),
    # inclusion-exclusion for three events
    (r"P(A \cup B \cup C)", r"P(A) + P(B) + P(C) - P(A \cap B) - P(A \cap C) - P(B \cap C) + P(A \cap B \cap C)"),
    (r"P(A \cup (B \cup C))", r"P(A) + P(B \cup C) - P((A \cap B) \cup (A \cap C))"),
    (r"P(A \cap (B \cup C))", r"P(A \cap B) + P(A \cap C) - P(A \cap B \cap C)"),
    # conditional probability, product rule, Bayes, total probability
    (r"P(A \mid B)", r"\frac{P(A \cap B)}{P(B)}"),
    (r"P(A \cap B)", r"P(A \mid B) P(B)"),
    (r"P(A \cap B)", r"P(B \mid A)\,P(A)"),
    (r"P(A)", r"P(A \mid B)P(B) + P(A \mid B^c)P(B^c)"),
    (r"P(A)", r"P(A \mid B)P(B) + P(A \mid \bar B)(1 - P(B))"),
    (r"P(H \mid E)", r"\frac{P(E \mid H) P(H)}{P(E \mid H) P(H) + P(E \mid H^c) P(H^c)}"),
    (r"P(A^c \mid B)", r"1 - P(A \mid B)"),
    (r"P(A \cup C \mid B)", r"P(A \mid B) + P(C \mid B) - P(A \cap C \mid B)"),
    (r"P(A \cap B \mid C)", r"P(A \mid B \cap C)\,P(B \mid C)"),
    (r"P(A, B \mid C)", r"P(A \mid B, C)\,P(B \mid C)"),
    (r"P(A, B^c)", r"P(A) - P(A, B)"),
    (r"P(A \mid B) P(B)", r"P(B \mid A) P(A)"),
    # indexed events, the sample space, the empty event
    (r"P(A_1 \cup A_2)", r"P(A_1) + P(A_2) - P(A_1 \cap A_2)"),
    (r"P(E_1 \cap E_2^c)", r"P(E_1) - P(E_1 \cap E_2)"),
    (r"P(A \cup \Omega)", r"1"),
    (r"P(\Omega \setminus A)", r"1 - P(A)"),
    (r"P(\emptyset)", r"0"),
    (r"P(A \cup A^c)", r"1"),
    (r"P(A \cap A^c)", r"0"),
    (r"P(A \cap B \mid B)", r"P(A \mid B)"),
    # the other heads
    (r"\Pr(A \cup B)", r"\Pr(A) + \Pr(B) - \Pr(A \cap B)"),
    (r"\mathbb{P}(A^c)", r"1 - \mathbb{P}(A)"),
    (r"\mathbb{P}[A \setminus B]", r"\mathbb{P}[A] - \mathbb{P}[A \cap B]"),
    (r"\mathrm{P}(B^c \mid A)", r"1 - \mathrm{P}(B \mid A)"),
])
def test_identities_of_every_probability_space_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == V, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"P(A \cup B)", r"P(A) + P(B) - P(A \cap B)"),
    (r"P(A)", r"P(A \mid B)P(B) + P(A \mid B^c)P(B^c)"),
])
def test_the_reading_is_named(lhs, rhs):
    assert "P a probability of events" in check_step(lhs, rhs, "=").guessed


@pytest.mark.parametrize("lhs, rhs", [
    # disjoint events, independent events, one inside the other, a partition: the prose says so
    (r"P(A \cup B)", r"P(A) + P(B)"),
    (r"P(A) + P(B) - P(A \cap B)", r"P(A) + P(B)"),
    (r"P(A_1 \cup A_2 \cup A_3)", r"P(A_1) + P(A_2) + P(A_3)"),
    (r"P(A \cap B)", r"P(A)\,P(B)"),
    (r"P(A \cap B^c)", r"P(A)(1 - P(B))"),
    (r"P(A \cup B)", r"1 - P(A^c) P(B^c)"),
    (r"P(A \cap B \mid C)", r"P(A \mid C)\,P(B \mid C)"),
    (r"P(B \setminus A)", r"P(B) - P(A)"),
    (r"P(A \cap B)", r"P(A)"),
    (r"P(A \mid B)", r"1"),
    (r"P(A \cap B)", r"0"),
    (r"P(A \mid B)", r"0"),
    (r"P(A)", r"P(A \cap B_1) + P(A \cap B_2)"),
    (r"P(A)", r"P(A \mid B_1)P(B_1) + P(A \mid B_2)P(B_2) + P(A \mid B_3)P(B_3)"),
    (r"P(B_1 \cup B_2)", r"1"),
    # values given in the prose
    (r"P(A \cup B)", r"0.3 + 0.5 - 0.1"),
    (r"P(A^c)", r"1 - 0.3"),
    (r"P(A \mid B)", r"\frac{0.1}{0.5}"),
])
def test_what_the_prose_may_assume_is_never_an_error(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == U


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"P(A^c)", r"1 + P(A)", "sign_flip"),
    (r"P(\bar A)", r"P(A) - 1", None),
    (r"P(A \cup B)", r"P(A) + P(B) + P(A \cap B)", "sign_flip"),
    (r"P(A \cap B^c)", r"P(A) + P(A \cap B)", "sign_flip"),
    (r"P(A^c \cup B^c)", r"1 + P(A \cap B)", "sign_flip"),
    (r"P(A \cup B \cup C)", r"P(A) + P(B) + P(C) - P(A \cap B) - P(A \cap C) - P(B \cap C) - P(A \cap B \cap C)",
     "sign_flip"),
    (r"P(A \cap B)", r"P(A \mid B) P(A)", "changed_variable"),
    (r"P(A \mid B)", r"\frac{P(A \cap B)}{P(A)}", "changed_variable"),
    (r"P(A)", r"P(A \mid B)P(B) - P(A \mid B^c)P(B^c)", "sign_flip"),
    (r"P(H \mid E)", r"\frac{P(E \mid H) P(H)}{P(E \mid H) P(H) - P(E \mid H^c) P(H^c)}", "sign_flip"),
    (r"P(A \setminus B)", r"P(A) + P(A \cap B)", "sign_flip"),
    (r"P(A^c \mid B)", r"1 + P(A \mid B)", "sign_flip"),
    (r"\Pr(A \cup B)", r"\Pr(A) + \Pr(B) + \Pr(A \cap B)", "sign_flip"),
])
def test_a_typo_is_refuted_and_explained(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == R, verdict.reason
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
        assert check_step(lhs, verdict.diagnosis.suggestion, "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    # wrong, and nothing small repairs it: never verified
    (r"P(A \cup B)", r"P(A) P(B)"),
    (r"P(A \mid B)", r"P(B \mid A)"),
    (r"P(A \setminus B)", r"P(B \setminus A)"),
    (r"P((A \cup B)^c)", r"P(A^c \cup B^c)"),
    (r"P(A \cup B)", r"P(A \cap B)"),
    (r"P(A^c \mid B)", r"1 - P(A \mid B^c)"),
    (r"P(A)", r"P(A \mid B) + P(A \mid B^c)"),
])
def test_a_wrong_step_is_never_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value in (U, R)


@pytest.mark.parametrize("text, found", [
    (r"P(A \cup B) + P(A)", 2),
    (r"P(A_1 \cap A_2^c \mid C)", 3),
    (r"\Pr(\Omega \setminus \emptyset)", 0),
])
def test_the_named_events_of_a_step(text, found):
    (head, names), = events(parse_math(text))
    assert len(names) == found


@pytest.mark.parametrize("text", [
    r"P(A, B)",  # plain letters: the distributions' reading
    r"p(A \cup B)",  # not a probability of events lintmath knows
    r"P(A \cup B) + P(x)",  # x names no event
    r"P(X = 1) + P(A^c)",  # an event of a random variable
    r"\sum_{i=1}^{n} P(A_i \cap B)",  # one event per term
    r"P(A \cup B \cup C \cup D \cup E \cup F)",  # too many events
    r"P(\bar V) + \bar V^2 / R",  # a letter also written outside a probability: a power, a voltage
    r"P(\Omega) + |H(\Omega)|^2",  # a power spectrum at a frequency
])
def test_only_events_of_named_events_make_the_reading(text):
    try:
        tree = parse_math(text)
    except Exception:  # noqa: BLE001 -- not read at all is fine
        return
    assert events(tree) == ()


@pytest.mark.parametrize("text", [
    r"P(A \cup B \cap C)",  # no agreed grouping
    r"P(A \setminus B \setminus C)",
    r"P(x^c)",  # a power of a number
])
def test_an_argument_without_agreed_reading_is_no_event(text):
    try:
        tree = parse_math(text)
    except Exception:  # noqa: BLE001
        return
    assert not any(isinstance(x, n.Event) for x in tree.walk())


def test_the_same_event_in_two_notations_is_one_name():
    a, b = parse_math(r"P(\bar A)"), parse_math(r"P(A^c)")
    assert n.event_text(a.args[0]) == n.event_text(b.args[0])


@pytest.mark.parametrize("lhs, rhs", [
    (r"P(\bar V)", r"\frac{\bar V^2}{R}"),
    (r"P(\Omega)", r"|H(\Omega)|^2"),
])
def test_a_power_is_no_probability_of_events(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == U
