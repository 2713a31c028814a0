"""Precalculus tutorials: absolute values with the signs the prose states (``Let $a < 0 < b$``), and
worked roots with \\pm on both sides (``\\frac{6 \\pm \\sqrt{20}}{2} = 3 \\pm \\sqrt5``)."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import ContextItem
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents


def _assume(lhs: str, relation: str, rhs: str) -> ContextItem:
    return ContextItem("assume", "", lhs, relation, rhs, "t.tex:1", 1, True, "t.tex")


def _document(prose: str, rows: list[str], after: str = "") -> dict[str, tuple[str, str]]:
    body = "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    text = f"\\documentclass{{article}}\n\\begin{{document}}\n{prose}\n{body}{after}\n\\end{{document}}\n"
    result = check_documents([extract_text(text, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    steps = {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
             for s in result.steps}
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    return steps


# a sign the assumption fixes is kept at the points off the samples, where a piecewise step is asked
# whether it also holds for negative letters
SIGNED = (_assume("u", "<", "0 < v"),)


@pytest.mark.parametrize("lhs, rhs", [
    ("|u|", "-u"),
    ("|u - v|", "v - u"),
    ("|u| + |v|", "v - u"),
    (r"\frac{|u|}{u}", "-1"),
    ("|u v|", "-uv"),
])
def test_stated_signs_verify_absolute_values(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=", context=SIGNED).status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("|u| + |v|", "v + u"),
    (r"\frac{|u|}{u}", "1"),
    ("|u - v|", "u - v"),
])
def test_stated_signs_still_refute(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=", context=SIGNED).status.value == "refuted"


def test_no_assumption_leaves_the_domain_question() -> None:
    assert check_step("|u - v|", "v - u", "=").status.value == "unverified"


def test_inline_bound_rescues_its_display() -> None:
    steps = _document("Suppose $p < 0 < q$, so that", ["|p| + |q| &= q - p", "|q - p| &= q - p"])
    assert steps["|p| + |q| = q - p"][0] == "unverified"
    assert "p < 0 < q" in steps["|p| + |q| = q - p"][1]


def test_bound_on_other_letters_below_does_not_push_it_out() -> None:
    # "for $1 < s < 4$" opens the next passage, within reach of the display above it; it is about
    # other letters, and the step's own bound is still tried
    steps = _document("Take $m < 0 < n$. Then $|m| = -m$ and $|n| = n$, and", ["|m| + |n| &= n - m"],
                      after="For $1 < s < 4$, the next display holds.")
    assert steps["|m| + |n| = n - m"][0] == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{6 \pm \sqrt{20}}{2}", r"3 \pm \sqrt5"),
    (r"\frac{-2 \pm 6i}{2}", r"-1 \pm 3i"),
    (r"\frac{10 \pm 4\sqrt2}{2}", r"5 \pm 2\sqrt2"),
    (r"-(3 \pm c)", r"-3 \mp c"),
])
def test_both_signs_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, fixed", [
    (r"\frac{6 \pm \sqrt{20}}{2}", r"3 \pm 2\sqrt5", r"3 \pm \sqrt5"),
    (r"\frac{10 \pm 4\sqrt2}{2}", r"10 \pm 2\sqrt2", r"5 \pm 2\sqrt2"),
    (r"\frac{-2 \pm 6i}{2}", r"-1 \pm 2i", r"-1 \pm 3i"),
])
def test_both_values_wrong_is_refuted_with_the_signs_kept(lhs: str, rhs: str, fixed: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion.replace(" ", "") == fixed.replace(" ", "")


@pytest.mark.parametrize("lhs, rhs", [
    # the two roots in the other order: the same pair of numbers
    (r"\frac{-1 \pm 7}{3}", r"\frac{-1 \mp 7}{3}"),
    # a sign flipped with the \pm itself: no edit outside the signs repairs it
    (r"-(5 \pm d)", r"5 \pm d"),
    # both roots wrong, but no small edit explains them
    (r"\frac{-1 \pm 7}{3}", r"4 \pm 1"),
])
def test_pairs_of_roots_left_unverified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "unverified"


@pytest.mark.parametrize("lhs, rhs, status", [
    # a sum of numbers with more terms than a sum of quantities may have: each term is a number
    (r"1 + 2 + 3 + \cdots + 80", "3240", "verified"),
    (r"\sum_{j=1}^{150} (2j - 1)", "22500", "verified"),
    (r"\sum_{j=1}^{150} (2j - 1)", "22499", "refuted"),
    (r"\sum_{j=0}^{99} 3^{-j}", r"\frac{3}{2}\left(1 - 3^{-100}\right)", "verified"),
    # terms that write another letter stay within the smaller limit
    (r"\sum_{j=1}^{150} y_j", "1", "unverified"),
])
def test_long_sums_of_numbers(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status
