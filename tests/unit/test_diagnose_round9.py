"""Diagnosis, round 9: a lost term put back as the next line would write it (its coefficient or
its value worked out), a lost half of the product rule, copies with exchanged or renamed letters
inside macros and dotted sums, and ties between renames broken by a parallel sum of the line."""
import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status

MACROS = {
    "\\bv": Macro("\\bv", 1, "\\mathbf{#1}"),
    "\\ip": Macro("\\ip", 1, "\\langle #1 \\rangle"),
}

# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # the lost term's coefficient worked out, as the line works out the others
    (r"p^2 - \frac{3/4}{3/2}\cdot p + \frac{0}{5}", r"p^2", "dropped_term", r"p^2 - \frac{1}{2}p"),
    (r"\frac{6}{8}s + r", r"r", "dropped_term", r"\frac{3}{4}s + r"),
    # a line that rewrote every term: the lost one is the number it stands for
    (r"\sin u(\sin u)^{-1} + \tan u\cos u", r"\sin u", "dropped_term", r"1 + \sin u"),
    (r"\int_0^1 2t\,dt - \int_0^1 3t^2\,dt", r"1", "dropped_term", r"1 - 1"),
    # the product rule lost one half: the mark moves to the other factor
    (r"[(t^3)\cdot(t)]'", r"(t^3)'\cdot(t)", "dropped_term", r"(t^3)'\cdot(t) + (t^3)\cdot(t)'"),
    (r"(t^5)'", r"(t^{4})(t)'", "dropped_term", r"(t^{4})'(t) + (t^{4})(t)'"),
    # a dotted sum renamed as a whole, not only its first term
    (r"(p_1+q_1)\bv{e}_1 + \ldots + (p_m+q_m)\bv{e}_m", r"(q_1\bv{e}_1 + \ldots + q_m\bv{e}_m)", "dropped_term",
     r"(p_1\bv{e}_1 + \ldots + p_m\bv{e}_m) + (q_1\bv{e}_1 + \ldots + q_m\bv{e}_m)"),
    # three letters lost at once, the copy goes where the line before writes them
    (r"\begin{bmatrix}p & q \\ r & s\end{bmatrix}\begin{bmatrix}m \\ k\end{bmatrix}",
     r"m\begin{bmatrix}p \\ r\end{bmatrix}", "dropped_term",
     r"m\begin{bmatrix}p \\ r\end{bmatrix} + k\begin{bmatrix}q \\ s\end{bmatrix}"),
    # renames that tie: the parallel sum (or row) shows which occurrence was the slip
    (r"\begin{bmatrix}p & q \\ r & s\end{bmatrix}\begin{bmatrix}m \\ k\end{bmatrix}",
     r"\begin{bmatrix}pm+qk\\ rr+sk\end{bmatrix}", "changed_variable",
     r"\begin{bmatrix}pm+qk\\ rm+sk\end{bmatrix}"),
    (r"|a-b|^2 + |a+b|^2", r"(|a|^2 - 2ab + |b|^2) + (|a|^2 + 2ab + |a|^2)", "changed_variable",
     r"(|a|^2 - 2ab + |b|^2) + (|a|^2 + 2ab + |b|^2)"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs, MACROS) == (kind, suggestion)


def test_swapped_copy_inside_a_macro():
    # the letters come out of the macro's body: they are exchanged by name in the text
    verdict = check_step(r"\ip{s\bv{a}, s\bv{a}+\bv{b}} + \ip{\bv{b}, s\bv{a}+\bv{b}}",
                         r"s^2\ip{\bv{a}, \bv{a}} + s\ip{\bv{b}, \bv{a}} + \ip{\bv{b}, \bv{b}}", "=", macros=MACROS)
    assert verdict.diagnosis is not None
    assert verdict.diagnosis.kind == "dropped_term"
    assert verdict.diagnosis.suggestion == \
        r"s^2\ip{\bv{a}, \bv{a}} + s\ip{\bv{a}, \bv{b}} + s\ip{\bv{b}, \bv{a}} + \ip{\bv{b}, \bv{b}}"


def test_copy_kept_when_the_line_keeps_terms():
    # the line keeps a term of the line before as written: the lost one is copied as written too
    verdict = check_step(r"x^2 + \int_0^1 2t\,dt", r"x^2", "=")
    assert verdict.diagnosis is not None
    assert verdict.diagnosis.suggestion == r"x^2 + \int_0^1 2t\,dt"


@pytest.mark.parametrize("lhs,rhs", [
    # correct steps stay correct
    (r"[(t^3)\cdot(t)]'", r"(t^3)'\cdot(t) + (t^3)\cdot(t)'"),
    (r"\frac{6}{8}s + r", r"\frac{3}{4}s + r"),
])
def test_correct_steps_hold(lhs, rhs):
    assert check_step(lhs, rhs, "=", macros=MACROS).status is Status.VERIFIED
