"""A step written with a name whose value the document states elsewhere (``m = \\sum_i y_i`` displayed
above, or ``Let $k = \\sum_i x_i$`` in the prose) and that introduces the letters of that value is
verified when it holds with the value put in; it is refuted on that account only where a small edit of
its line repairs it with a value the prose states (round 28), and a number stated for a letter (an
example's ``x = 2``) verifies nothing."""
from __future__ import annotations

from lintmath.config import Config
from lintmath.pipeline import check_text


def _statuses(text: str, path: str = "notes.tex") -> dict[str, str]:
    result = check_text(text, path, Config(jobs=0))
    return {" ".join(s.step.rhs.text.split()): s.verdict.status.value for s in result.steps}


LATEX = r"""\documentclass{article}
\begin{document}
Write $s = \sum_{j=1}^{m} a_j$ for the total.
\[ q = \sum_{j=1}^{m} b_j^2 \]
\begin{align*}
\frac{s}{m} &= \frac{1}{m}\sum_{j=1}^{m} a_j
\end{align*}
\begin{align*}
2q &= \sum_{j=1}^{m} 2 b_j^2
\end{align*}
\begin{align*}
3s &= \sum_{j=1}^{m} 3 a_j^2
\end{align*}
\end{document}
"""


def test_a_value_stated_in_the_prose_or_a_display_verifies_the_step() -> None:
    statuses = _statuses(LATEX)
    assert statuses[r"\frac{1}{m}\sum_{j=1}^{m} a_j"] == "verified"
    assert statuses[r"\sum_{j=1}^{m} 2 b_j^2"] == "verified"


def test_a_step_wrong_with_the_value_put_in_is_not_verified_and_an_edit_names_the_slip() -> None:
    result = check_text(LATEX, "notes.tex", Config(jobs=0))
    wrong = next(s for s in result.steps if "3 a_j^2" in s.step.rhs.text)
    # the prose's s = \sum a_j: the square of a_j is the slip (LM104), the value named among the guesses
    assert wrong.verdict.status.value == "refuted"
    (finding,) = result.findings
    assert finding.rule == "LM104" and "as given at" in finding.message


def test_inline_values_of_markdown_prose_count_too() -> None:
    text = "Let $t = \\sum_{i=1}^{n} c_i$ be the sum.\n\n$$\n\\frac{t}{2} = \\frac{1}{2}\\sum_{i=1}^{n} c_i\n$$\n"
    assert _statuses(text, "notes.md") == {r"\frac{1}{2}\sum_{i=1}^{n} c_i": "verified"}


def test_a_number_stated_for_a_letter_verifies_no_step_that_introduces_others() -> None:
    text = (r"\documentclass{article}\begin{document}" "\nTake $u = 3$.\n"
            r"\[ 7 = 2u + 1 \]" "\n" r"\end{document}" "\n")
    assert _statuses(text)["2u + 1"] == "unverified"


CAN = r"""\documentclass{article}
\begin{document}
\[ S(h) = 2\pi h^2 + \frac{2W}{h}, \quad W = 27\pi \]
\[ S'(h) = 4\pi h - \frac{54\pi}{h^2} \]
\[ S'(h) = 4\pi h - \frac{50\pi}{h^2} \]
\end{document}
"""


def test_a_definition_named_in_another_definitions_body_is_in_force() -> None:
    result = check_text(CAN, "can.tex", Config(jobs=0))
    statuses = {" ".join(s.step.rhs.text.split()): s.verdict.status.value for s in result.steps}
    assert statuses[r"4\pi h - \frac{54\pi}{h^2}"] == "verified"
    assert statuses[r"4\pi h - \frac{50\pi}{h^2}"] == "refuted"
