"""What an author reads in a finding: the row a suggestion follows from (the left side of a one-row step,
the rows around a solving chain's odd row, never "line N" on line N), an amount's currency mark kept in
the suggestion, no unit's internal name in a counterexample, one punctuation for every rule, and a
factor of a worked result said without a formula to misread."""
from __future__ import annotations

from lintmath.config import Config
from lintmath.diagnose.edits import apply_edit, kept_mark
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents


def _findings(body: str) -> list:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0].findings


def _one(body: str):
    found = _findings(body)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def test_a_one_row_step_follows_from_its_left_side_not_from_its_own_line() -> None:
    finding = _one(_align("(p+q)^4 &= p^4 + q^4 + 4pq(p^2+q^2) + 5p^2q^2"))
    assert finding.rule == "LM108"
    assert "from line" not in finding.message
    assert finding.message.endswith("would follow from `(p+q)^4`")


def test_a_long_left_side_is_named_not_quoted() -> None:
    lhs = "\\begin{pmatrix}2 & 1\\\\1 & 3\\end{pmatrix}\\begin{pmatrix}1\\\\2\\end{pmatrix}"
    finding = _one(_align(f"{lhs} &= \\begin{{pmatrix}}4\\\\8\\end{{pmatrix}}"))
    assert finding.message.endswith("would follow from its left side")


def test_a_row_below_follows_from_the_line_above() -> None:
    finding = _one(_align("s &= 13 \\cdot 7", "&= 81"))
    assert finding.rule == "LM108"
    assert finding.line == 5 and finding.message.endswith("would follow from line 4")


def test_the_odd_row_of_a_solving_chain_follows_from_the_rows_around_it() -> None:
    finding = _one(_align("5y + 4 &= 19", "5y &= 17", "y &= 3"))
    assert finding.rule == "LM108" and finding.suggestion == "15"
    assert "would follow from the rows above and below, which solve to y = 3" in finding.message
    assert "from line" not in finding.message


def test_a_suggestion_keeps_the_authors_dollar_sign() -> None:
    finding = _one("We pay \\$4.20 and \\$3.15.\n" + _align("c &= \\$4.20 + \\$3.15", "&= \\$7.53"))
    assert finding.rule == "LM108"
    assert finding.suggestion == "\\$7.35"
    assert "`\\$7.53` should be `\\$7.35`" in finding.message


def test_kept_mark_only_moves_past_a_mark_before_a_plain_number() -> None:
    assert apply_edit("\\$530.54", (0, 8, "530.45")) == "\\$530.45"
    assert apply_edit("\\text{£}12", (0, 10, "21")) == "\\text{£}21"
    assert kept_mark("\\$5", (0, 3, "")) == (0, 3, "")  # a term deleted goes with its mark
    assert kept_mark("x + 5", (4, 5, "6")) == (4, 5, "6")


def test_a_counterexample_names_no_unit() -> None:
    finding = _one(_align("d &= 3\\,\\mathrm{m} + 4\\,\\mathrm{m}", "&= 8\\,\\mathrm{m}"))
    assert finding.suggestion == "7\\,\\mathrm{m}"
    assert not any(name.startswith("unit:") for name, _ in finding.counterexample)
    assert "unit:" not in finding.message


def test_a_changed_variable_is_not_named_twice() -> None:
    finding = _one(_align("\\frac{d}{dx}(x^2 + y) &= 2y"))
    assert finding.rule == "LM105"
    assert "`y` should be `x`;" in finding.message
    assert " in `y`" not in finding.message


def test_a_definition_finding_is_punctuated_as_the_others() -> None:
    finding = _one(_align("f(t) &= t^2 + 2t", "f'(t) &= 2t"))
    assert finding.rule == "LM201"
    assert finding.message.startswith("does not follow from `f(t)` as defined at t.tex:")
    assert ": the constant term `+ 2` was dropped; `2t + 2` would follow" in finding.message


def test_a_result_off_by_a_factor_says_how_without_a_formula_to_misread() -> None:
    finding = _one(_align("v &= \\sqrt{2 \\cdot 9.81 \\cdot 20}", "&= 14.01"))
    assert finding.rule == "LM103" and finding.suggestion == "19.81"
    assert "`14.01` is the value worked out divided by `\\sqrt{2}`" in finding.message
    assert "1/\\sqrt{2} times" not in finding.message


def test_a_result_of_whole_numbers_is_not_said_to_round_decimals() -> None:
    finding = _one(_align("137 \\cdot 24 &= 3278"))
    assert finding.suggestion == "3288"
    assert "decimals" not in finding.message
