"""Independence stated in the prose: ``Let $X$ and $Y$ be independent`` above a step of expectations
that holds only so (E[XY] = E[X]E[Y], Var of a sum of i.i.d. variables) verifies it, naming the
statement; a step it does not make hold, a statement negated, about other letters, or too far away,
changes nothing (and never refutes)."""
from __future__ import annotations

import pytest

from lintmath import independence, pipeline
from lintmath.config import Config


def _verdicts(tmp_path, body: str) -> dict:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s.verdict for s in result.steps}


def _display(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


_PAIR = "Let $w$ and $x$ be independent random variables. Then\n"
_FAMILY = "Let $X_1, \\dots, X_n$ be i.i.d. with variance $\\sigma^2$. Then\n"
_INDEPENDENT_FAMILY = "The variables $X_1, \\dots, X_n$ are mutually independent.\n"
_MASK = "The dropout mask $m$ is independent of the weights $w$, and\n"

HOLDS = [
    (_PAIR, r"\mathbb{E}[wx]", r"\mathbb{E}[w]\mathbb{E}[x]"),
    (_PAIR, r"\mathbb{E}[w^2x^2] - \mathbb{E}[wx]^2", r"\mathbb{E}[w^2]\mathbb{E}[x^2] - \mathbb{E}[w]^2\mathbb{E}[x]^2"),
    (_PAIR, r"\operatorname{Var}(w + x)", r"\operatorname{Var}(w) + \operatorname{Var}(x)"),
    (_PAIR, r"\operatorname{Var}(w - x)", r"\operatorname{Var}(w) + \operatorname{Var}(x)"),
    (_PAIR, r"\operatorname{Cov}(w, x)", "0"),
    (_PAIR, r"\mathbb{E}[e^{w + x}]", r"\mathbb{E}[e^w]\mathbb{E}[e^x]"),
    (_FAMILY, r"\operatorname{Var}\left(\sum_{i=1}^n X_i\right)", r"\sum_{i=1}^n \operatorname{Var}(X_i)"),
    (_FAMILY, r"\operatorname{Var}\left(\sum_{i=1}^n X_i\right)", r"n\operatorname{Var}(X_1)"),
    (_FAMILY, r"\operatorname{Var}\left(\frac{1}{n}\sum_{i=1}^n X_i\right)", r"\frac{1}{n}\operatorname{Var}(X_1)"),
    (_INDEPENDENT_FAMILY, r"\mathbb{E}\left[\prod_{i=1}^n X_i\right]", r"\prod_{i=1}^n \mathbb{E}[X_i]"),
    (_MASK, r"\mathbb{E}[m^2 w^2]", r"\mathbb{E}[m^2]\mathbb{E}[w^2]"),
]


@pytest.mark.parametrize("prose, lhs, rhs", HOLDS)
def test_a_step_that_holds_under_the_stated_independence_is_verified_naming_it(tmp_path, prose, lhs, rhs) -> None:
    verdict = _verdicts(tmp_path, prose + _display(lhs, rhs))[rhs]
    assert verdict.status.value == "verified"
    assert any("independent" in g or "i.i.d." in g for g in verdict.guessed)


@pytest.mark.parametrize("prose, lhs, rhs", HOLDS)
def test_without_the_statement_the_same_step_is_not_verified(tmp_path, prose, lhs, rhs) -> None:
    assert _verdicts(tmp_path, "Then\n" + _display(lhs, rhs))[rhs].status.value == "unverified"


WRONG = [
    (_PAIR, r"\mathbb{E}[wx]", r"\mathbb{E}[w]\mathbb{E}[w]"),
    (_PAIR, r"\operatorname{Var}(wx)", r"\operatorname{Var}(w)\operatorname{Var}(x)"),
    (_PAIR, r"\operatorname{Var}(w - x)", r"\operatorname{Var}(w) - \operatorname{Var}(x)"),
    (_PAIR, r"\mathbb{E}[w^2]", r"\mathbb{E}[w]^2"),
    (_PAIR, r"\mathbb{E}[wz]", r"\mathbb{E}[w]\mathbb{E}[z]"),  # z is not named
    # independent but not identically distributed: the members' variances differ
    (_INDEPENDENT_FAMILY, r"\operatorname{Var}\left(\sum_{i=1}^n X_i\right)", r"n\operatorname{Var}(X_1)"),
    (_FAMILY, r"\operatorname{Var}\left(\frac{1}{n}\sum_{i=1}^n X_i\right)", r"\frac{1}{n^2}\operatorname{Var}(X_1)"),
    # m is independent of w, and of nothing else: w and x need not be
    (_MASK, r"\mathbb{E}[wx]", r"\mathbb{E}[w]\mathbb{E}[x]"),
]


@pytest.mark.parametrize("prose, lhs, rhs", WRONG)
def test_a_step_the_independence_does_not_make_hold_stays_unverified(tmp_path, prose, lhs, rhs) -> None:
    assert _verdicts(tmp_path, prose + _display(lhs, rhs))[rhs].status.value == "unverified"


@pytest.mark.parametrize("prose", [
    "Here $w$ and $x$ are not independent.\n",
    "Note that $w$ and $x$ are conditionally independent given $z$.\n",
    "The vectors $w$ and $x$ are linearly independent.\n",
    "Here $x$ is the independent variable and $w$ a weight.\n",
    "The random variables $w$ and $x$ are pairwise independent.\n",
])
def test_a_sentence_that_states_no_independence_changes_nothing(tmp_path, prose) -> None:
    rhs = r"\mathbb{E}[w]\mathbb{E}[x]"
    assert _verdicts(tmp_path, prose + _display(r"\mathbb{E}[wx]", rhs))[rhs].status.value == "unverified"


def test_a_negation_ends_what_was_stated_above(tmp_path) -> None:
    body = _PAIR + "From now on, $w$ and $x$ are no longer independent.\n" \
        + _display(r"\mathbb{E}[wx]", r"\mathbb{E}[w]\mathbb{E}[x]")
    assert _verdicts(tmp_path, body)[r"\mathbb{E}[w]\mathbb{E}[x]"].status.value == "unverified"


def test_a_statement_far_above_does_not_reach_the_step(tmp_path) -> None:
    filler = "".join(f"Line {k} of unrelated prose.\n\n" for k in range(independence.REACH))
    body = _PAIR + filler + _display(r"\mathbb{E}[wx]", r"\mathbb{E}[w]\mathbb{E}[x]")
    assert _verdicts(tmp_path, body)[r"\mathbb{E}[w]\mathbb{E}[x]"].status.value == "unverified"


def test_a_where_clause_just_below_the_step_counts_but_a_new_passage_does_not(tmp_path) -> None:
    rhs = r"\mathbb{E}[w]\mathbb{E}[x]"
    display = _display(r"\mathbb{E}[wx]", rhs)
    assert _verdicts(tmp_path, display + "where $w$ and $x$ are independent.\n")[rhs].status.value == "verified"
    assert _verdicts(tmp_path, display + "Let $w$ and $x$ be independent.\n")[rhs].status.value == "unverified"


def test_a_wrong_step_refuted_today_stays_refuted(tmp_path) -> None:
    # Var(w - x) has -2 Cov(w, x): a flipped sign is still an error, though Cov(w, x) = 0 here
    rhs = r"\operatorname{Var}(w) + \operatorname{Var}(x) + 2\operatorname{Cov}(w, x)"
    verdict = _verdicts(tmp_path, _PAIR + _display(r"\operatorname{Var}(w - x)", rhs))[rhs]
    assert verdict.status.value == "refuted"


@pytest.mark.parametrize("sentence, described", [
    ("Let $w$ and $x$ be independent.", "w, x independent"),
    ("Consider independent random variables $X, Y$.", "X, Y independent"),
    ("$X_1, \\dots, X_n$ are i.i.d.", "X_i i.i.d."),
    ("The $X_i$ are mutually independent.", "X_i independent"),
    ("Suppose $X_1, \\dots, X_n \\stackrel{\\text{iid}}{\\sim} \\mathcal{N}(0, 1)$.", "X_i i.i.d."),
    ("$X$, $Y$ and $Z$ are independent of each other.", "X, Y, Z independent"),
    ("Let $Z$ be independent of $X$ and $Y$.", "Z independent of X, Y"),
    ("Assume $X \\perp\\!\\!\\!\\perp Y$.", "X independent of Y"),
    ("$X$ and $Y$ are independent and identically distributed.", "X, Y i.i.d."),
    ("Let $X, Y \\sim \\mathcal{N}(0, 1)$ be independent.", "X, Y independent"),
    ("For $i \\neq j$, $X_i$ and $X_j$ are independent.", "X_i independent"),
])
def test_statements_read_from_a_sentence(sentence: str, described: str) -> None:
    (found,) = [s for s in independence.sentence_statements(sentence) if s.mode != independence.VOID]
    assert found.describe() == described
    lhs, relation, rhs = found.encode()
    assert independence.decode(lhs, relation, rhs) == found


@pytest.mark.parametrize("sentence", [
    "The mask is independent of the weights.",  # no variable named
    "$X$ and $Y$ are dependent.",
    "The energy does not depend on $t$ and is time-independent.",
    "The vectors $u \\perp v$ are orthogonal.",
    "$X \\perp Y \\mid Z$.",
])
def test_sentences_that_state_no_independence(sentence: str) -> None:
    assert [s for s in independence.sentence_statements(sentence) if s.mode != independence.VOID] == []
