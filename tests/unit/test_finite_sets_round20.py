"""Letters whose values the prose restricts to a finite set of numbers: class labels ``$y_i \\in
\\{-1, +1\\}$`` (so 1/y_i = y_i), indicators ``$r_{nk} \\in \\{0, 1\\}$`` (so r^2 = r), bits, spins
``$s_i = \\pm 1$``. A step refuted at real points is decided again with those letters (every member of
an indexed family) taking only the stated values: verified where it holds at all of them, still
refuted where it fails at one; a step whose letters have no stated set is unchanged."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import SAMPLED_VALUES, check_step
from lintmath.config import Config
from lintmath.context import VALUES, ContextItem, stated_values
from lintmath.model import Status


def _results(tmp_path, body: str) -> dict[str, object]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s for s in result.steps}


def _statuses(tmp_path, body: str) -> dict[str, str]:
    return {rhs: s.verdict.status.value for rhs, s in _results(tmp_path, body).items()}


def _display(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}"


@pytest.mark.parametrize("sentence, lhs, rhs", [
    # a classifier's labels
    (r"Every training label satisfies $t_j \in \{-1, +1\}$.", r"\frac{c}{t_j}", r"c\, t_j"),
    (r"Every training label satisfies $t_j \in \{-1, +1\}$.", r"\sum_j \beta_j t_j^2", r"\sum_j \beta_j"),
    (r"Every training label satisfies $t_j \in \{-1, +1\}$.", r"(1 - t_j m)^2", r"(t_j - m)^2"),
    # cluster indicators, one-hot codes
    (r"The assignment $a_{jc} \in \{0, 1\}$ is one-hot.", r"\sum_j a_{jc}^2 u_j", r"\sum_j a_{jc} u_j"),
    (r"The assignment $a_{jc} \in \{0, 1\}$ is one-hot.", r"a_{jc}^2 - a_{jc}", r"0"),
    # spins written with \pm
    (r"Each spin takes $\sigma_k = \pm 1$.", r"\sigma_k^2 \sigma_m", r"\sigma_m"),
    (r"Each spin takes $\sigma_k = \pm 1$.", r"e^{\sigma_k h}", r"\cosh h + \sigma_k \sinh h"),
    # bits, several letters in one statement
    (r"Let $p, q \in \lbrace 0, 1 \rbrace$ be two bits.", r"(p - q)^2", r"p + q - 2pq"),
    (r"Let $p, q \in \lbrace 0, 1 \rbrace$ be two bits.", r"2^p", r"1 + p"),
    # a family given by its first and last members
    (r"The signs $g_1, \ldots, g_m \in \{\pm 1\}$ are drawn at random.", r"g_l^3 v", r"g_l v"),
])
def test_a_step_that_holds_on_the_stated_values_is_verified(tmp_path, sentence: str, lhs: str, rhs: str) -> None:
    assert _statuses(tmp_path, sentence + "\n" + _display(lhs, rhs))[rhs] == "verified"


@pytest.mark.parametrize("sentence, lhs, rhs", [
    # slips that fail for the stated values too stay refuted
    (r"Every training label satisfies $t_j \in \{-1, +1\}$.", r"\frac{c}{t_j}", r"-c\, t_j"),
    (r"Let $p, q \in \lbrace 0, 1 \rbrace$ be two bits.", r"(p - q)^2", r"p + q - pq"),
    (r"Let $p, q \in \lbrace 0, 1 \rbrace$ be two bits.", r"3^p", r"1 + 3p"),
    (r"Each spin takes $\sigma_k = \pm 1$.", r"e^{\sigma_k h}", r"\cosh h - \sigma_k \sinh h"),
    (r"The assignment $a_{jc} \in \{0, 1\}$ is one-hot.", r"\sum_j a_{jc}^2 u_j", r"\sum_j a_{jc} u_j^2"),
])
def test_a_slip_that_fails_on_the_stated_values_stays_refuted(tmp_path, sentence: str, lhs: str, rhs: str) -> None:
    result = _results(tmp_path, sentence + "\n" + _display(lhs, rhs))[rhs]
    assert result.verdict.status is Status.REFUTED
    # the counterexample is a point of the stated set, not a real point outside it
    named = dict(result.verdict.counterexample)
    assert any(float(value) in (-1.0, 0.0, 1.0) for value in named.values())


def test_a_stated_point_where_the_sides_differ_refutes_even_if_others_agree() -> None:
    # y^2 = y holds at y = 1 and fails at y = -1: with no real letter beside it, no domain question
    label = ContextItem(SAMPLED_VALUES, "y", "y_i", "\\in", "-1, 1", "notes.tex:3", 3)
    assert check_step("y_i^3 + y_i^2", "2y_i", "=", context=(label,)).status is Status.REFUTED
    assert check_step("y_i^3 + y_i^2", "y_i + 1", "=", context=(label,)).status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{c}{t_j}", r"c\, t_j"),
    (r"\sum_j a_{jc}^2 u_j", r"\sum_j a_{jc} u_j"),
    (r"2^p", r"1 + p"),
])
def test_without_a_sentence_the_step_stays_refuted(tmp_path, lhs: str, rhs: str) -> None:
    assert _statuses(tmp_path, "Consider the following.\n" + _display(lhs, rhs))[rhs] == "refuted"


@pytest.mark.parametrize("sentence", [
    # another letter, a letter without the family's index, a vector of bits, a negation, a range of letters
    r"Every training label satisfies $s_j \in \{-1, +1\}$.",
    r"The output satisfies $t \in \{-1, +1\}$.",
    r"The code is $\mathbf{t} \in \{-1, 1\}^n$.",
    r"Here $t_j \not\in \{-1, +1\}$ in general.",
    r"Here $t_j \in \{1, \dots, K\}$ is a class.",
])
def test_a_sentence_that_gives_the_letter_no_set_changes_nothing(tmp_path, sentence: str) -> None:
    assert _statuses(tmp_path, sentence + "\n" + _display(r"\frac{c}{t_j}", r"c\, t_j"))[r"c\, t_j"] == "refuted"


def test_a_statement_just_after_the_display_counts(tmp_path) -> None:
    body = _display(r"\frac{c}{t_j}", r"c\, t_j") + "\nwhere $t_j \\in \\{-1, 1\\}$ is the label."
    assert _statuses(tmp_path, body)[r"c\, t_j"] == "verified"


def test_a_statement_far_above_has_lapsed(tmp_path) -> None:
    filler = "\n".join("Some unrelated remark." for _ in range(130))
    body = r"Every label satisfies $t_j \in \{-1, +1\}$." + "\n" + filler + "\n" + _display(r"\frac{c}{t_j}", r"c\, t_j")
    assert _statuses(tmp_path, body)[r"c\, t_j"] == "refuted"


def test_the_verification_names_the_statement(tmp_path) -> None:
    body = r"Let $p, q \in \{0, 1\}$." + "\n" + _display("2^p", "1 + p")
    verdict = _results(tmp_path, body)["1 + p"].verdict
    assert verdict.status is Status.VERIFIED
    assert any("p in {0, 1}" in guess and "notes.tex:3" in guess for guess in verdict.guessed)


@pytest.mark.parametrize("math, expected", [
    (r"y_i \in \{-1, +1\}", [("y_i", ("-1", "1"))]),
    (r"y_i \in \{\pm 1\}", [("y_i", ("-1", "1"))]),
    (r"s_i = \pm 1", [("s_i", ("-1", "1"))]),
    (r"u, w_{i,j} \in \left\{0, 1, 2\right\}", [("u", ("0", "1", "2")), ("w_{i,j}", ("0", "1", "2"))]),
    (r"b \in \{0, 1\} \text{ for all } k", [("b", ("0", "1"))]),
    (r"b \in \{0, 1\}^d", []),
    (r"b \in \{0, a\}", []),
    (r"x + y \in \{0, 1\}", []),
    (r"b \not\in \{0, 1\}", []),
    (r"b = 1", []),
])
def test_statements_read(math: str, expected: list) -> None:
    assert [(text, values) for text, _, values in stated_values(math, {})] == expected


def test_the_items_reach_the_step_context(tmp_path) -> None:
    from lintmath.context import context_for, document_context
    from lintmath.extract import extract_text

    source = "\\documentclass{article}\n\\begin{document}\nLabels $t_j \\in \\{-1, 1\\}$.\n" \
        + _display(r"\frac{c}{t_j}", r"c\, t_j") + "\n\\end{document}\n"
    doc = extract_text(source, "notes.tex")
    items = document_context(doc)
    step = doc.derivations[0].steps[0]
    kinds = [item.kind for item in context_for(step, items, path=doc.derivations[0].path)]
    assert VALUES in kinds
