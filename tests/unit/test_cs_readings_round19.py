"""Readings of algorithms notes. (1) Prose that fixes the base of \\log ("all logarithms are base 2", "we
write $\\log$ for $\\log_2$", "$\\log$ is the natural logarithm") decides the steps below it in that base,
verified and refuted, naming the statement; without it, or above it, or negated, nothing changes.
(2) Landau symbols spelled through a user macro (\\newcommand{\\bigO}{\\mathcal{O}},
\\DeclareMathOperator{\\Oh}{O}), upright, or \\Theta / \\Omega: a step with one is never refuted.
(3) A sum of whole numbers in a geometric pattern (1 + 2 + 4 + \\cdots + 2^k) read as the sum to the index
its last term has; a run of two numbers or one that breaks the pattern stays unread."""
from __future__ import annotations

import pytest

from lintmath import logbase, pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.model import Macro
from lintmath.parse.tokens import macro_table


def _verdicts(tmp_path, body: str) -> list:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [s.verdict for s in result.steps]


def _display(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


# -- (1) the base of \log ------------------------------------------------------------------------------
STATEMENTS = [
    ("All logarithms are base 2.", {"\\log": "log2", "\\lg": "log2"}),
    ("Logarithms are to base 2 unless stated otherwise.", {"\\log": "log2", "\\lg": "log2"}),
    ("Unless otherwise noted, all logs are taken to base two.", {"\\log": "log2", "\\lg": "log2"}),
    ("We write $\\log$ for $\\log_2$.", {"\\log": "log2"}),
    ("Throughout, $\\log n$ denotes $\\log_{2} n$.", {"\\log": "log2"}),
    ("We use $\\log$ to denote the logarithm to base 2.", {"\\log": "log2"}),
    ("$\\lg$ denotes the binary logarithm.", {"\\lg": "log2"}),
    ("Here $\\log$ is base $10$ and $\\lg$ is base $2$.", {"\\log": "log10", "\\lg": "log2"}),
    ("$\\log$ is the natural logarithm.", {"\\log": "log"}),
    ("Logarithms are natural.", {"\\log": "log"}),
    ("$\\log$ means $\\ln$.", {"\\log": "log"}),
]


@pytest.mark.parametrize("sentence, bases", STATEMENTS)
def test_a_sentence_that_fixes_the_base_is_read(sentence, bases) -> None:
    assert logbase.stated_bases(sentence) == bases


NOT_STATEMENTS = [
    "Note that $\\log$ is not the binary logarithm.",
    "If $\\log$ is base 2, the bound is tight.",
    "The cost is $\\log n$, the depth of the tree.",
    "Take the log of both sides; this is a natural step.",
    "We take logarithms of both sides and get",
    "The base 2 logarithm of $n$ counts its bits.",
]


@pytest.mark.parametrize("sentence", NOT_STATEMENTS)
def test_a_sentence_that_does_not_plainly_fix_the_base_states_nothing(sentence) -> None:
    assert logbase.stated_bases(sentence) == {}


_BASE_TWO = "All logarithms are base 2 unless stated otherwise.\n"

BASE_TWO_HOLDS = [
    ("\\log 8", "3"),
    ("\\log(n/2)", "\\log n - 1"),
    ("\\log(2n)", "1 + \\log n"),
    ("2^{\\log n}", "n"),
    ("\\log^2(4n)", "(2 + \\log n)^2"),
    ("\\lg 1024", "10"),
]


@pytest.mark.parametrize("lhs, rhs", BASE_TWO_HOLDS)
def test_a_step_that_holds_in_base_two_is_verified_below_the_statement(tmp_path, lhs, rhs) -> None:
    (verdict,) = _verdicts(tmp_path, _BASE_TWO + _display(lhs, rhs))
    assert verdict.status.value == "verified"
    assert any("base 2" in g and "notes.tex:3" in g for g in verdict.guessed)


@pytest.mark.parametrize("lhs, rhs", BASE_TWO_HOLDS[:4])
def test_without_the_statement_such_a_step_stays_unverified(tmp_path, lhs, rhs) -> None:
    (verdict,) = _verdicts(tmp_path, "Then\n" + _display(lhs, rhs))
    assert verdict.status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs", BASE_TWO_HOLDS[:4])
def test_a_step_above_the_statement_is_not_read_in_its_base(tmp_path, lhs, rhs) -> None:
    first, second = _verdicts(tmp_path, "Then\n" + _display(lhs, rhs) + _BASE_TWO + _display(lhs, rhs))
    assert first.status.value == "unverified"
    assert second.status.value == "verified"


BASE_TWO_WRONG = [
    ("\\log 8", "4"),
    ("\\log(n/2)", "\\log n - 2"),
    ("\\log(4n)", "1 + \\log n"),
]


@pytest.mark.parametrize("lhs, rhs", BASE_TWO_WRONG)
def test_a_slip_in_base_two_is_refuted_naming_the_statement(tmp_path, lhs, rhs) -> None:
    (verdict,) = _verdicts(tmp_path, _BASE_TWO + _display(lhs, rhs))
    assert verdict.status.value == "refuted"
    assert any("base 2" in g for g in verdict.guessed)


@pytest.mark.parametrize("lhs, rhs", BASE_TWO_WRONG)
def test_the_same_slip_negated_statement_changes_nothing(tmp_path, lhs, rhs) -> None:
    negated = "Note that $\\log$ is not the binary logarithm here.\n"
    plain = _verdicts(tmp_path, "Then\n" + _display(lhs, rhs))[0]
    assert _verdicts(tmp_path, negated + _display(lhs, rhs))[0].status == plain.status


def test_explicit_bases_and_ln_keep_their_own_base_under_the_statement(tmp_path) -> None:
    body = _BASE_TWO + _display("\\log_{10} 1000", "3") + _display("\\ln e^2", "2") + _display("\\ln 8", "3")
    assert [v.status.value for v in _verdicts(tmp_path, body)] == ["verified", "verified", "refuted"]


def test_under_the_natural_logarithm_a_base_two_step_is_refuted(tmp_path) -> None:
    (verdict,) = _verdicts(tmp_path, "Here $\\log$ is the natural logarithm.\n" + _display("\\log 8", "3"))
    assert verdict.status.value == "refuted"


def test_under_the_natural_logarithm_a_natural_step_is_verified(tmp_path) -> None:
    (verdict,) = _verdicts(tmp_path, "Here $\\log$ is the natural logarithm.\n" + _display("\\log e^3", "3"))
    assert verdict.status.value == "verified"


# -- (2) Landau symbols through macros -----------------------------------------------------------------
_MACROS = macro_table([Macro("\\bigO", 0, "\\mathcal{O}"), Macro("\\bo", 0, "\\mathcal{O}"),
                       Macro("\\Oh", 0, "O", operator=True), Macro("\\Th", 0, "\\Theta"),
                       Macro("\\Om", 0, "\\Omega")])

ORDER_TERMS = [
    ("\\bigO(n) + \\bigO(n)", "\\bigO(n)"),
    ("\\bo(n^2) + \\bo(n^2)", "\\bo(n^2)"),
    ("\\Oh(n) + \\Oh(n)", "\\Oh(n)"),
    ("\\mathrm{O}(n) + \\mathrm{O}(n)", "\\mathrm{O}(n)"),
    ("\\operatorname{O}(n) + \\operatorname{O}(n)", "\\operatorname{O}(n)"),
    ("\\Theta(n) + \\Theta(n)", "\\Theta(n)"),
    ("3\\Theta(n^2)", "\\Theta(n^2)"),
    ("\\Th(n) + \\Th(n)", "\\Th(n)"),
    ("\\Omega(n) + \\Omega(n)", "\\Omega(n)"),
    ("\\Om(n \\log n) + \\Om(n \\log n)", "\\Om(n \\log n)"),
]


@pytest.mark.parametrize("lhs, rhs", ORDER_TERMS)
def test_an_order_term_however_spelled_is_never_refuted(lhs, rhs) -> None:
    verdict = check_step(lhs, rhs, "=", macros=_MACROS)
    assert verdict.status.value == "unverified"
    assert "order term" in verdict.reason


def test_the_same_step_with_an_ordinary_function_is_still_refuted() -> None:
    assert check_step("f(n) + f(n)", "f(n)", "=", macros=_MACROS).status.value == "refuted"


# -- (3) runs of numbers -------------------------------------------------------------------------------
GEOMETRIC_HOLDS = [
    ("1 + 2 + 4 + \\cdots + 2^k", "2^{k+1} - 1"),
    ("1 + 2 + 4 + 8 + \\cdots + 2^{n-1}", "2^n - 1"),
    ("2 + 4 + 8 + \\cdots + 2^n", "2^{n+1} - 2"),
    ("3 + 6 + 12 + \\cdots + 3 \\cdot 2^{n}", "3(2^{n+1} - 1)"),
    ("1 + 3 + 9 + \\cdots + 3^n", "\\frac{3^{n+1} - 1}{2}"),
    ("1 + 4 + 16 + \\cdots + 2^{2n}", "\\frac{4^{n+1} - 1}{3}"),
    ("1 + 2 + 4 + \\cdots + 64", "127"),
    ("x + 1 + 2 + 4 + \\cdots + 2^k", "x + 2^{k+1} - 1"),
    ("1 + 3 + 5 + \\dots + (2n-1)", "n^2"),
    ("2 + 4 + \\dots + 2n", "n(n+1)"),
]


@pytest.mark.parametrize("lhs, rhs", GEOMETRIC_HOLDS)
def test_a_run_of_numbers_with_its_last_term_is_summed(lhs, rhs) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


GEOMETRIC_WRONG = [
    ("1 + 2 + 4 + \\cdots + 2^k", "2^{k+1}"),
    ("2 + 4 + 8 + \\cdots + 2^n", "2^{n+1} - 1"),
    ("1 + 3 + 9 + \\cdots + 3^n", "\\frac{3^{n} - 1}{2}"),
]


@pytest.mark.parametrize("lhs, rhs", GEOMETRIC_WRONG)
def test_a_wrong_closed_form_of_a_geometric_run_is_refuted(lhs, rhs) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


UNREAD = [
    ("1 + 2 + 4 + \\cdots + 3^k", "2^{k+1} - 1"),  # the last term is no term of the run
    ("1 + 2 + 5 + \\cdots + 2^k", "2^{k+1} - 1"),  # the numbers make no pattern
    ("3 + 1 + 2 + 4 + \\cdots + 2^k", "2^{k+1} + 2"),  # a number before the run breaks it
    ("1 + 2 + 4 + \\cdots + 2^{k/2}", "2^{k+1} - 1"),  # no whole index
    ("1 + 2 + 4 + \\cdots + 3 \\cdot 2^k", "2^{k+1} - 1"),  # 3 \cdot 2^k is no term of 1, 2, 4, ...
]


@pytest.mark.parametrize("lhs, rhs", UNREAD)
def test_a_run_whose_pattern_is_not_certain_stays_unverified(lhs, rhs) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"
