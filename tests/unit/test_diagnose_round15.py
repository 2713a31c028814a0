"""Diagnosis, round 15: where the line lost a quantity, the short search passes over edits that write
no new name (a removal, an exponent changed) without spending a comparison on them, so a changed
letter is still reached within the guard's candidates; a term of the line before that has twins of
equal value in its sum is put back collected (``2t(u\\cdot v)`` for ``t(u\\cdot v) + t\\,v\\cdot u``) in a
line that rewrote every term; a term is copied with the letters two parallel terms of the line trade
(``a v`` beside ``b w``); and a line that expands a product of two sums gets back a lost product of a
term of each."""
import pytest

import lintmath.diagnose as diagnose
from lintmath.diagnose.variables import _parallel_mapping
from lintmath.check import check_step
from lintmath.model import Status

V, R = Status.VERIFIED, Status.REFUTED


# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # twins of equal value on the line before, collected by a line that rewrote every term
    (r"s^2\mathbf{a}\cdot\mathbf{a} + s(\mathbf{a}\cdot\mathbf{b}) + s\mathbf{b}\cdot\mathbf{a} + \mathbf{b}\cdot\mathbf{b}",
     r"s^2\|\mathbf{a}\|^2 + \|\mathbf{b}\|^2", "dropped_term",
     r"s^2\|\mathbf{a}\|^2 + 2s(\mathbf{a}\cdot\mathbf{b}) + \|\mathbf{b}\|^2"),
    # a copy in the letters that c x and d y trade, after d y as the first is after c x
    (r"c\mathbf{x} + d\mathbf{y} - \frac{\mathbf{n}\cdot(c\mathbf{x} + d\mathbf{y})}{\|\mathbf{n}\|^2}\mathbf{n}",
     r"c\mathbf{x} - c\frac{\mathbf{n}\cdot\mathbf{x}}{\|\mathbf{n}\|^2}\mathbf{n} + d\mathbf{y}", "dropped_term",
     r"c\mathbf{x} - c\frac{\mathbf{n}\cdot\mathbf{x}}{\|\mathbf{n}\|^2}\mathbf{n} + d\mathbf{y}"
     r" - d\frac{\mathbf{n}\cdot\mathbf{y}}{\|\mathbf{n}\|^2}\mathbf{n}"),
    # a product of two sums expanded, one product lost
    (r"\left(f(t) + h f'(t)\right)\left(g(t) + h g'(t)\right)",
     r"f(t)g(t) + h\left(f(t)g'(t) + f'(t)g(t)\right)", "dropped_term",
     r"f(t)g(t) + h\left(f(t)g'(t) + f'(t)g(t)\right) + h f'(t)h g'(t)"),
    (r"(a + \sin x)\cdot(b + \cos x)", r"ab + a\cos x + b\sin x", "dropped_term",
     r"ab + a\cos x + b\sin x + \sin x \cdot \cos x"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


def test_lost_letter_reached_past_removals(monkeypatch):
    # with room for two comparisons only, the four removals and the exponents would use them all up:
    # none of them can write the lost k, so none is compared
    monkeypatch.setattr(diagnose, "MAX_GUARD_CANDIDATES", 2)
    verdict = check_step(r"p^2 + q^2 + r^2 - \frac12 k y^2", r"p^2 + q^2 + r^2 - \frac12 y y^2", "=")
    assert verdict.status is R
    assert (verdict.diagnosis.kind, verdict.diagnosis.suggestion) == \
        ("changed_variable", r"p^2 + q^2 + r^2 - \frac12 k y^2")


def test_writes_no_new_name():
    from lintmath.parse.parser import parse_math

    marks = diagnose._name_marks(parse_math(r"x^2 + \dot{y} + z_1"))
    assert diagnose._writes_no_new_name(parse_math("x^3"), marks)
    assert not diagnose._writes_no_new_name(parse_math("x^2 + k"), marks)
    assert not diagnose._writes_no_new_name(parse_math(r"\ddot{y}"), marks)  # another name of y
    assert not diagnose._writes_no_new_name(parse_math("z_2"), marks)


def test_lost_derivative_order_still_found():
    # a changed dot writes no new letter, but another quantity: it is still compared
    verdict = check_step(r"\frac{d}{dt}\dot{q}", r"\dot{q}", "=")
    assert verdict.status is R and verdict.diagnosis.suggestion == r"\ddot{q}"


def test_parallel_mapping():
    assert _parallel_mapping(["a", "v"], ["b", "w"]) == {"a": "b", "v": "w"}
    assert _parallel_mapping(["a", "a"], ["a", "b"]) is None  # a is not renamed alike
    assert _parallel_mapping(["a", "b"], ["b", "a"]) is None  # a trade within the term
    assert _parallel_mapping(["a", "b", "c"], ["x", "y", "z"]) is None  # more than two letters


@pytest.mark.parametrize("lhs,rhs,status", [
    # the right lines still verify
    (r"s^2\mathbf{a}\cdot\mathbf{a} + s(\mathbf{a}\cdot\mathbf{b}) + s\mathbf{b}\cdot\mathbf{a} + \mathbf{b}\cdot\mathbf{b}",
     r"s^2\|\mathbf{a}\|^2 + 2s(\mathbf{a}\cdot\mathbf{b}) + \|\mathbf{b}\|^2", V),
    (r"(a + \sin x)\cdot(b + \cos x)", r"ab + a\cos x + b\sin x + \sin x\cos x", V),
    (r"p^2 + q^2 + r^2 - \frac12 k y^2", r"p^2 + q^2 + r^2 - \frac12 k y^2", V),
    # and the wrong ones are refuted
    (r"(a + \sin x)\cdot(b + \cos x)", r"ab + a\cos x + b\sin x - \sin x\cos x", R),
    (r"s^2\mathbf{a}\cdot\mathbf{a} + s(\mathbf{a}\cdot\mathbf{b}) + s\mathbf{b}\cdot\mathbf{a} + \mathbf{b}\cdot\mathbf{b}",
     r"s^2\|\mathbf{a}\|^2 + s(\mathbf{a}\cdot\mathbf{b}) + \|\mathbf{b}\|^2", R),
])
def test_status(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status
