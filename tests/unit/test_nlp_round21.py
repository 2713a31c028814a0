"""Language models and retrieval: a sum without bounds over a vocabulary whose size the step names
by a letter (add-k smoothing normalises: the k's of |V| terms add up to kV), see lower.SUM_COUNT."""
import pytest

from lintmath.check import check_step
from lintmath.lower import classify_letters
from lintmath.model import Status
from lintmath.parse.parser import parse_math


@pytest.mark.parametrize("lhs, rhs", [
    # add-k smoothing sums to one over a vocabulary of V types
    (r"\sum_{v} \frac{n(h v) + \alpha}{n(h) + \alpha V}", r"\frac{\sum_v n(hv) + \alpha V}{n(h) + \alpha V}"),
    (r"\sum_{x} \frac{m_x + \beta}{T + \beta K}", r"\frac{\sum_x m_x + \beta K}{T + \beta K}"),
    # a constant added to every term of a sum over N items
    (r"\sum_j (s_j + b) + N", r"\sum_j s_j + N(b + 1)"),
    # the mean squared deviation from c over n items
    (r"\frac{1}{n}\sum_{i} (y_i - c)^2", r"\frac{1}{n}\sum_i y_i^2 - \frac{2c}{n}\sum_i y_i + c^2"),
])
def test_a_letter_that_may_count_the_terms_is_no_false_alarm(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "number of terms" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # a slip that no count repairs is still refuted: the factor 2 fails with V any number
    (r"\sum_{v} \frac{c_v + \alpha}{T + \alpha V}", r"\frac{\sum_v c_v + 2\alpha V}{T + \alpha V}"),
    (r"\sum_j (s_j + b) + N", r"\sum_j s_j + N(2b + 1)"),
    (r"\sum_i 3 w_i", r"2\sum_i w_i + N - N"),
])
def test_a_slip_beside_a_count_letter_is_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # a bounded sum names its count itself: decided as before
    (r"\sum_{v=1}^{V} (c_v + \alpha)", r"\sum_{v=1}^{V} c_v + \alpha V"),
    # the identities of the chapter, verified as before
    (r"\sum_j (s_j + b) - \sum_j b", r"\sum_j s_j"),
    (r"\log \prod_{t=1}^{T} q_t", r"\sum_{t=1}^{T} \log q_t"),
    (r"\frac{2\frac{a}{a+b}\frac{a}{a+c}}{\frac{a}{a+b} + \frac{a}{a+c}}", r"\frac{2a}{2a + b + c}"),
    (r"\frac{e^{s_1 + m}}{e^{s_1 + m} + e^{s_2 + m}}", r"\frac{e^{s_1}}{e^{s_1} + e^{s_2}}"),
])
def test_steps_without_a_count_reading_are_decided_as_before(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\sum_{v} \frac{n(hv) + \alpha}{n(h) + \alpha V}", r"1", {"V"}),   # n is applied: a function, no count
    (r"\sum_j (s_j + b)", r"\sum_j s_j + Nb", {"N"}),
    (r"\sum_{j=1}^{N} (s_j + b)", r"\sum_j s_j + Nb", set()),             # N bounds a sum: an integer already
    (r"\sum_j A s_j", r"A \sum_j s_j", {"A"}),
    (r"a + b", r"b + a + N - N", set()),                                   # no sum without bounds
])
def test_count_candidates(lhs, rhs, expected):
    letters = classify_letters(parse_math(lhs), parse_math(rhs))
    assert set(letters.sum_counts) == expected


@pytest.mark.parametrize("text, labels", [
    (r"P(+)", ["+"]),
    (r"P(- \mid d)", ["-"]),
    (r"p(w \mid +)", ["+"]),
    (r"q(y, -)", ["-"]),
])
def test_a_sign_alone_in_an_application_is_a_class_label(text, labels):
    tree = parse_math(text)
    found = [x.base for x in tree.walk() if getattr(x, "style", None) == "label"]
    assert found == labels


@pytest.mark.parametrize("lhs, rhs, status", [
    # Bayes' rule for the positive class, divided through by its numerator
    (r"\frac{P(d \mid +)P(+)}{P(d \mid +)P(+) + P(d \mid -)P(-)}",
     r"\frac{1}{1 + \frac{P(d \mid -)P(-)}{P(d \mid +)P(+)}}", Status.VERIFIED),
    # the same with the classes confused: P is any function of the class, so never refuted on its own
    (r"\frac{P(d \mid +)P(+)}{P(d \mid +)P(+) + P(d \mid -)P(-)}",
     r"\frac{1}{1 + \frac{P(d \mid +)P(-)}{P(d \mid +)P(+)}}", Status.UNVERIFIED),
    # a prior given a value is a definition, not an identity
    (r"P(-)", r"\frac{3}{5}", Status.UNVERIFIED),
    (r"P(+) + P(-)", r"1", Status.UNVERIFIED),
])
def test_class_probabilities(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("text", [r"f(x + -y)", r"g(a - b)", r"h(-x)"])
def test_a_sign_before_a_term_stays_a_sign(text):
    tree = parse_math(text)
    assert not any(getattr(x, "style", None) == "label" for x in tree.walk())
