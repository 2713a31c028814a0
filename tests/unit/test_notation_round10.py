"""An explicit space ends a function's bare argument; the dotless i and j as the imaginary unit."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro
from lintmath.parse.parser import prepare
from lintmath.parse.tokens import Token, tokenize

V, R, U = "verified", "refuted", "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sin x\, y", r"y\sin x"),
    (r"\ln x\,y", r"y\ln x"),
    (r"\exp u\, w", r"w e^u"),
    (r"\log_2 n\, m", r"m\log_2 n"),
    (r"\tan\phi\,\dot r", r"\dot r\tan\phi"),
    (r"q B\sin\alpha\,\hat n", r"B q\hat n\sin\alpha"),
    (r"\cos\omega t\, A + \cos\omega t\, A", r"2A\cos\omega t"),
    (r"\frac12 m(l^2\cos^2\theta\,\dot\theta^2 + l^2\sin^2\theta\,\dot\theta^2)", r"\frac12 m l^2\dot\theta^2"),
    (r"\sin^2 u\,\dot v^2 + \cos^2 u\,\dot v^2", r"\dot v^2"),
    (r"\sin x\,\left(y+1\right)", r"(y+1)\sin x"),
])
def test_a_thin_space_ends_a_bare_argument(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == V


@pytest.mark.parametrize("space", [r"\,", r"\;", r"\:", r"\ ", r"\>", "~", r"\thinspace", r"\medspace",
                                   r"\mkern3mu", r"\kern{2mu}"])
def test_every_positive_space_ends_it(space):
    assert check_step(rf"\cos\beta{space} z", r"z\cos\beta", "=").status.value == V


@pytest.mark.parametrize("space", [r"\!", r"\negthinspace", r"\mkern-3mu", r"\kern{-2mu}"])
def test_a_negative_space_does_not(space):
    assert check_step(rf"\cos\beta{space} z", r"\cos(\beta z)", "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos\theta\,x", r"\cos(\theta x)"),          # the space put x outside: these differ
    (r"\ln x\,y", r"\ln(xy)"),
    (r"\cos\omega t\, A", r"\cos(\omega t A)"),
    (r"\sin x\, y", r"x\sin y"),
])
def test_the_argument_read_through_the_space_is_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == R


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sin x y", r"\sin(xy)", V),                  # no space: TeX's convention, sin(xy)
    (r"\sin 2x", r"2\sin x\cos x", V),
    (r"\sin x \cdot y", r"y\sin x", V),
    (r"\sin\,x y", r"\sin(xy)", V),                 # a space before the argument is not after it
    (r"2\,x", r"x + x", V),
    (r"\frac{1}{2}\, m v^2", r"\frac{m v^2}{2}", V),
    (r"\int_0^1 s\,ds", r"\frac12", V),
    (r"\int \cos\theta\, d\theta", r"\sin\theta + C", V),
])
def test_spaces_elsewhere_are_still_ignored(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sin 2\,x", r"\sin(2x)"),                    # a coefficient set off, or the end of the argument:
    (r"\sin 2\,x", r"x\sin 2"),                     # either reading is a guess
    (r"\ln 2\, n", r"n\ln 2"),
    (r"\ln 2\, n", r"\ln(2n)"),
])
def test_a_space_after_a_bare_number_is_not_decided(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == U


def test_the_space_is_remembered_through_dropped_commands_and_macros():
    toks = prepare(r"\sin x\,\left(y\right)")
    assert [t.text for t in toks if t.spaced] == ["("]
    toks = prepare(r"\sin x\label{a}~y")
    assert [t.text for t in toks if t.spaced] == ["y"]
    macros = {r"\sep": Macro(r"\sep", 0, r"\,"), r"\R": Macro(r"\R", 0, r"r"),
              r"\g": Macro(r"\g", 1, r"\sin #1~y")}
    assert check_step(r"\cos\theta\sep x", r"x\cos\theta", "=", macros=macros).status.value == V
    assert check_step(r"\cos\theta~\R", r"\R\cos\theta", "=", macros=macros).status.value == V
    assert check_step(r"\g{u}", r"y\sin u", "=", macros=macros).status.value == V    # a ~ in a macro's body


def test_the_mark_is_not_part_of_a_tokens_identity():
    plain, tied = tokenize("a b"), tokenize("a~b")
    assert tied[1].spaced and not plain[1].spaced
    assert plain == tied
    assert Token("letter", "x", 0, 1) == Token("letter", "x", 0, 1, spaced=True)


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{\imath\pi/2}", r"\imath"),
    (r"e^{\jmath\pi}", r"-1"),
    (r"\imath^2", r"-1"),
    (r"(1+\imath)^2", r"2\imath"),
    (r"e^{\imath\theta}", r"\cos\theta + \imath\sin\theta"),
    (r"\frac{1}{\jmath\omega C}", r"-\frac{\jmath}{\omega C}"),
    (r"\mathrm{i}\imath", r"-1"),                   # both the same unit i
])
def test_the_dotless_i_and_j_are_the_imaginary_unit(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{\imath\pi}", r"1"),
    (r"\jmath^2", r"1"),
    (r"e^{\imath\theta}", r"\cos\theta - \imath\sin\theta"),
    (r"(1-\imath)(1+\imath)", r"0"),
])
def test_wrong_steps_with_the_dotless_units_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == R


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\hat\imath + \hat\jmath", r"\hat\jmath + \hat\imath", V),   # unit vectors, not the imaginary unit
    (r"2\hat{\imath} + \hat\imath", r"3\hat\imath", V),
    (r"\vec{\imath} + \vec\jmath", r"\vec\jmath + \vec{\imath}", V),
    (r"x_\imath + x_\imath", r"2x_\imath", V),                     # an index
    (r"\sum_{\imath=1}^n a_\imath", r"\sum_{j=1}^n a_j", V),
    (r"\imath_1 + \imath_1", r"2\imath_1", V),
])
def test_the_dotless_letters_as_letters(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\hat\imath^2", r"-1"),
    (r"\hat{\jmath}\cdot\hat{\jmath}", r"-1"),
    (r"\mathbf{\imath}^2", r"-1"),
])
def test_a_unit_vector_is_never_squared_to_minus_one(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value != V
