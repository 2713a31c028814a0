"""Gaps reported by red teams in correct steps of calculus and physics notes, each unread before:
a condition or substitution in an annotation column (``&& (u = \\sin x)``), a full stop before a
``\\qquad`` note, an evaluation bar after several terms (``\\frac{x^3}{3} - x\\Big|_0^1``), ``\\left.
F \\right|_0^1`` in a longer line, and ``\\oint`` over a written interval. Each correct step verifies
and a slip planted beside it is refuted; a condition stated in a column still keeps a step from
being refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents

V, R, U = "verified", "refuted", "unverified"


def statuses(body: str) -> list[tuple[str, str, str]]:
    """(lhs, rhs, status) of every step of a document whose body is ``body``."""
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    (result,) = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))
    return [(s.step.lhs.stripped, s.step.rhs.stripped, s.verdict.status.value) for s in result.steps]


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# ------------------------------------------------------------------ (1) a bracketed note after &&

def test_a_substitution_column_is_a_note_not_part_of_the_right_side():
    steps = statuses(r"""\begin{align*}
\int \cos(\sin x)\cos x\,dx &= \int \cos u\,du && (u = \sin x) \\
&= \sin u + C && \left(\text{back-substitute}\right)
\end{align*}""")
    assert [(lhs, rhs) for lhs, rhs, _ in steps] == [
        (r"\int \cos(\sin x)\cos x\,dx", r"\int \cos u\,du"), (r"\int \cos u\,du", r"\sin u + C")]
    # the change of variable itself rests on the note (u is new): not decided, never an error
    assert [s for _, _, s in steps] == [U, V]


def test_a_slip_after_a_noted_row_is_refuted():
    steps = statuses(r"""\begin{align*}
\int 2x e^{x^2}\,dx &= \int e^u\,du && (u = x^2) \\
&= 2e^u + C
\end{align*}""")
    assert [s for _, _, s in steps] == [U, R]


@pytest.mark.parametrize("note", [r"(x > 0)", r"\left(x \ge 0\right)", r"[x > 0]", r"\bigl(x > 0\bigr)",
                                  r"(x > 0),"])
def test_a_bracketed_condition_column_leaves_the_step_read(note):
    steps = statuses(r"\begin{align*} (x+1)^2 &= x^2 + 2x + 1 && " + note + r" \end{align*}")
    assert steps == [("(x+1)^2", "x^2 + 2x + 1", V)]


def test_a_slip_beside_a_note_on_other_letters_is_refuted():
    # the note's condition is on n, a letter the step does not have: it cannot make the step hold
    steps = statuses(r"\begin{align*} (x+1)^2 &= x^2 + x + 1 && (n \ge 1) \end{align*}")
    assert steps == [("(x+1)^2", "x^2 + x + 1", R)]


@pytest.mark.parametrize("note", [r"(b = 0)", r"\text{if } b = 0", r"\text{(if $b = 0$)}", r"\text{for all b = 0}"])
def test_a_condition_in_a_column_still_keeps_the_step_from_being_refuted(note):
    # a^2 + b^2 = (a+b)^2 holds when b = 0, as the column says: a substitution the check does not make
    steps = statuses(r"\begin{align*} a^2 + b^2 &= (a+b)^2 && " + note + r" \end{align*}")
    assert [s for _, _, s in steps] == [U]


def test_a_note_without_a_condition_does_not_protect_a_slip():
    steps = statuses(r"\begin{align*} a^2 + b^2 &= (a+b)^2 && \text{(expand)} \end{align*}")
    assert [s for _, _, s in steps] == [R]


def test_a_bracket_that_goes_on_is_not_a_note():
    # an equation of its own in a later column is still its own chain; math that is not one bracket
    # with a relation (a product of brackets) is not taken for a note
    steps = statuses(r"\begin{align*} a &= 1 && b = 2 \end{align*}")
    assert [(lhs, rhs) for lhs, rhs, _ in steps] == [("a", "1"), ("b", "2")]
    steps = statuses(r"\begin{align*} y &= 2 && (x = 1)(x = 2) \end{align*}")
    assert all(rhs != "2" for _, rhs, _ in steps)


# ------------------------------------------------------------------ (2) a full stop before a note

@pytest.mark.parametrize("rhs, expected", [
    (r"y^3. \qquad \text{[because the power rule]}", V),
    (r"2y^3. \qquad \text{[because the power rule]}", R),
    (r"y^3. \quad \text{(power rule)}", V),
])
def test_a_full_stop_before_a_note_ends_the_math(rhs, expected):
    assert status(r"\frac{d}{dy}\frac{y^4}{4}", rhs) == expected


def test_a_dot_between_factors_is_not_a_full_stop():
    assert status(r"0.\overline{3}", r"\frac13") == V
    assert status(r"1.\dot 3", r"\frac43") == V
    assert status(r"a \ . \ b", r"ab") != R


# ------------------------------------------------------------------ (3) a bar after several terms

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\int_0^1 (x^2 - 1)\,dx", r"\frac{x^3}{3} - x\Big|_0^1", V),
    (r"\int_0^1 (x^2 - 1)\,dx", r"\frac{x^3}{3} + x\Big|_0^1", R),
    (r"\frac{x^3}{3} - x\bigg|_{x=0}^{x=1}", r"-\frac{2}{3}", V),
    (r"\frac{x^3}{3} - x\bigg|_{x=0}^{x=1}", r"\frac{2}{3}", R),
    (r"\int_1^2 (3t^2 + 2t)\,dt", r"t^3 + t^2 \Big|_1^2", V),
    (r"\int_1^2 (3t^2 + 2t)\,dt", r"t^3 + 2t^2 \Big|_1^2", R),
    (r"\int_0^{\pi} (\sin x + 1)\,dx", r"-\cos x + x\,\Big|_0^{\pi}", V),
    # a term evaluated before: each bar closes its own term
    (r"\int_0^1 (2x - 1)\,dx", r"x^2\Big|_0^1 - x\Big|_0^1", V),
    (r"\int_0^1 (2x - 1)\,dx", r"x^2\Big|_0^1 + x\Big|_0^1", R),
])
def test_an_evaluation_bar_after_several_terms_closes_them_all(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs", [
    # x^2 - x \Big|_0^1 + 1: the bar may close x, or x^2 - x: not decided
    (r"\int_0^1 (2x - 1)\,dx + 1", r"x^2 - x\Big|_0^1 + 1"),
    # a value before the bar (integration by parts: the integral is no part of what is evaluated)
    (r"\int_0^1 e^x\,dx - x\Big|_0^1", r"e - 2"),
    (r"\int_0^1 x e^x\,dx", r"\int_0^1 e^x\,dx - e^x\Big|_0^1"),
    # a term without the bar's letter would vanish under it
    (r"C + x^2\Big|_0^1", r"C + 1"),
])
def test_a_bar_whose_reach_is_unclear_stays_unread(lhs, rhs):
    assert status(lhs, rhs) == U


# ------------------------------------------------------------------ (4) \left. F \right| in a longer line

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\int_0^1 (x^2 + 1)\,dx", r"\left.\frac{x^3}{3}\right|_0^1 + 1", V),
    (r"\int_0^1 (x^2 + 1)\,dx", r"\left.\frac{x^3}{3}\right|_0^1 + 2", R),
    (r"\int_0^1 3x^2\,dx", r"2\left.\frac{x^3}{2}\right|_0^1", V),
    (r"\int_0^1 3x^2\,dx", r"3\left.\frac{x^3}{2}\right|_0^1", R),
    (r"\int_0^1 (x^2 + 2x)\,dx", r"\left.\frac{x^3}{3}\right|_0^1 + \left. x^2\right|_0^1", V),
    (r"\int_0^1 (x^2 + 2x)\,dx", r"\left.\frac{x^3}{3}\right|_0^1 - \left. x^2\right|_0^1", R),
])
def test_a_left_dot_bar_inside_a_longer_line(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


def test_a_left_dot_bar_in_a_chain_on_one_line():
    steps = statuses(r"\[ \int_0^1 x^2\,dx = \left.\frac{x^3}{3}\right|_0^1 = \frac{1}{3} = \frac{1}{2}. \]")
    assert [s for _, _, s in steps] == [V, V, R]


# ------------------------------------------------------------------ (5) \oint

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\oint_0^{2\pi} \cos^2 t\,dt", r"\pi", V),
    (r"\oint_0^{2\pi} \cos^2 t\,dt", r"2\pi", R),
    (r"\oint_{t=0}^{2\pi} \sin^2 t\,dt", r"\pi", V),
    # over a curve named or described, not over a written interval: unread
    (r"\oint_C z\,dz", r"0", U),
    (r"\oint_{|z|=1} \frac{dz}{z}", r"2\pi i", U),
    (r"\oint_{\partial S}^{} \mathbf{F}\cdot d\mathbf{r}", r"0", U),
    (r"\oint \mathbf{E}\cdot d\mathbf{l}", r"0", U),
])
def test_a_contour_integral_over_a_written_interval(lhs, rhs, expected):
    assert status(lhs, rhs) == expected
