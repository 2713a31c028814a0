"""Red team of round 15 on introductory worked examples (school algebra, fractions, systems, exponents,
statistics): a whole number before a proper fraction may be a mixed number (1\\frac{1}{2} = 3/2), and a
chain that names two values in one row (x = 6,\\ y = 4) holds a list on the left of its last relation.
Neither may be reported; the arithmetic slips written beside them must stay refuted."""
from __future__ import annotations

from lintmath import pipeline
from lintmath.check import LIST_ON_LEFT, MIXED_NUMBER, check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


def _steps(tmp_path, body: str) -> list[tuple[str, str, str]]:
    source = tmp_path / "intro.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [(s.step.lhs.text, s.step.rhs.text, s.verdict.status.value) for s in result.steps]


def test_mixed_numbers_are_not_slips():
    verdict = check_step(r"2\frac{3}{4} + 1\frac{1}{2}", r"\frac{11}{4} + \frac{3}{2}", "=")
    assert verdict.status.value == U and verdict.reason == MIXED_NUMBER
    assert status(r"3\frac{1}{5} - \frac{4}{5}", r"\frac{12}{5}") != R


def test_mixed_number_slips_stay_refuted():
    # wrong under either reading: 3 1/2 is neither 3/2 nor 7/2... written as 5/2
    assert status(r"3\frac{1}{2}", r"\frac{5}{2}") == R
    assert status(r"1\frac{1}{2} + 2\frac{1}{3}", r"\frac{3}{2} + \frac{8}{3}") == R


def test_products_with_fractions_still_verify():
    assert status(r"2\frac{1}{2}", "1") == V
    assert status(r"4\frac{3}{2}", "6") == V  # an improper fraction is never a mixed number's part


def test_a_list_on_the_left_is_not_a_slip():
    verdict = check_step(r"6,\ y", "4", "=")
    assert verdict.status.value == U and verdict.reason == LIST_ON_LEFT
    assert status(r"2, \; b", "1") != R


def test_a_value_with_a_trailing_comma_is_still_checked():
    assert status("2 + 3,", "6") == R
    assert status(r"2 + 3 \cdot 4", "20") == R


SYSTEM = r"""
\begin{align*}
3a + b &= 7 \\
a + b &= 3 \\
2a &= 4 \\
a &= 2, \; b = 1
\end{align*}
\[ x + y = 10,\ x - y = 2 \Rightarrow 2x = 12 \Rightarrow x = 6,\ y = 4 \]
\[ 1\frac{1}{2} + 2\frac{1}{3} = \frac{3}{2} + \frac{7}{3} = \frac{23}{6} \]
\begin{align*}
4 \cdot 2 - 3 &= 6
\end{align*}
"""


def test_worked_examples_raise_no_false_alarm(tmp_path):
    steps = _steps(tmp_path, SYSTEM)
    refuted = [(lhs.strip(), rhs.strip()) for lhs, rhs, st in steps if st == R]
    assert refuted == [(r"4 \cdot 2 - 3", "6")]


def test_mixed_numbers_in_text_style_fractions():
    assert status(r"5\tfrac{1}{4} - 2\tfrac{3}{4}", r"\tfrac{21}{4} - \tfrac{11}{4}") != R
    assert status(r"\tfrac{10}{4}", r"2\tfrac{1}{2}") != R
    assert status(r"\tfrac{10}{4}", r"2\tfrac{1}{4}") == R  # 9/4 or 1/2, never 5/2


def test_given_values_listed_in_a_row(tmp_path):
    body = r"""
\begin{align*}
\text{Given } a &= 3,\ b = 4: \\
c &= \sqrt{a^2 + b^2} = \sqrt{9 + 16} = 5
\end{align*}
"""
    assert R not in [st for *_, st in _steps(tmp_path, body)]
