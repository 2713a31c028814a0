"""Diagnosis, round 31: a lost term of the line before that a piece of it stands for (the step
simplified it) is put back as that piece, in the line before's spelling (``x^{n-1}`` for
``(x^{n-1})(x)'``), before the whole term as written; and among renames of a letter that are equally suspicious, one that leaves a
fraction of a thing over itself (``\\frac{q(X)}{q(X)}``, a ratio that is 1) comes after one that does
not: no author writes such a fraction, so the other letter is the likelier slip."""
import pytest

# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # p/q * 1/q: renaming the numerator's p would write q/q; the second factor's q is the slip
    (r"\log\frac{f(t)}{g(t)} - \log f(t)", r"\log\left[\frac{f(t)}{g(t)}\frac{1}{g(t)}\right]", "changed_variable",
     r"\log\left[\frac{f(t)}{g(t)}\frac{1}{f(t)}\right]"),
    (r"-\log q(x)", r"\log\left[\frac{p(x)}{q(x)}\cdot\frac{1}{q(x)}\right]", "changed_variable",
     r"\log\left[\frac{p(x)}{q(x)}\cdot\frac{1}{p(x)}\right]"),
    # a lost term put back as the piece of it with its value, as a step that simplifies writes it
    (r"(x^{n-1})'(x)+(x^{n-1})(x)'", r"(n-1)x^{n-2}x", "dropped_term", r"(n-1)x^{n-2}x + x^{n-1}"),
    (r"u\cdot v-\frac{u\cdot v}{u\cdot u}\,u\cdot u", r"u\cdot v", "dropped_term", r"u\cdot v - u\cdot v"),
    (r"a + \frac{b}{c}\,c", r"a", "dropped_term", r"a + b"),
    # a bracketed sum keeps its brackets: its inside is the same term, not a simpler spelling
    (r"(a + b) + (c + d)", r"(a + b)", "dropped_term", r"(a + b) + (c + d)"),
    # no piece has the term's value: the term goes back whole, as the line before writes it
    (r"a + \frac{b}{c}\,d", r"a", "dropped_term", r"a + \frac{b}{c}\,d"),
    # no fraction over itself either way: the ranking of before stands
    (r"\log\frac{a}{b} - \log c", r"\log\left[\frac{a}{b}\frac{1}{b}\right]", "changed_variable",
     r"\log\left[\frac{a}{b}\frac{1}{c}\right]"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs: str, rhs: str, kind: str, suggestion: str, diagnosed) -> None:
    assert diagnosed(lhs, rhs) == (kind, suggestion)


def test_a_fraction_over_itself_the_author_wrote_is_still_renamed_where_it_is_the_slip(diagnosed) -> None:
    # the only rename that repairs the step writes the ratio of equals: it is demoted, not excluded
    assert diagnosed(r"x + \frac{y}{y}", r"x + \frac{x}{y}") == ("changed_variable", r"x + \frac{y}{y}")
