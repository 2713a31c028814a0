"""Speed, part 2: complex values compared at a sampled point are screened in doubles, answering as SymPy
does or leaving the answer to it. (A cache of parsed steps was tried and taken out: a step's letters are
classified under settings of the readings in force beyond its text, and a remembered tree gave another
step's verdict in a long run. The reading of a step in each setting is pinned here all the same.)"""
from __future__ import annotations

import random

import pytest
import sympy as sp

from documents import checked_steps

from lintmath import poisson, sides
from lintmath.check import check_step
from lintmath.comparator import EXACT_TOLERANCE
from lintmath.model import Macro
from lintmath.parse import convolution
from lintmath.parse.tokens import ParseFailure
from lintmath.tolerance import TOLERANCE, _slack, complex_agreement


def _read(lhs: str, rhs: str, macros: dict | None = None) -> sides.Parsed | str:
    try:
        return sides.parse_step(lhs, rhs, macros or {})
    except ParseFailure as exc:
        return f"fails: {exc}"


STEPS = [
    (r"(a+b)^2", r"a^2 + 2ab + b^2"),
    (r"\frac{\partial}{\partial x} x^2 y", r"2xy"),
    (r"\sum_{m} x[m] h[k - m]", r"y[k]"),
    (r"u * \delta", r"u"),
    (r"\{q, p\}", r"1"),
    (r"\frac{a}{b", r"c"),
]


@pytest.mark.parametrize("lhs, rhs", STEPS)
def test_a_step_read_again_is_read_alike(lhs: str, rhs: str) -> None:
    assert _read(lhs, rhs) == _read(lhs, rhs)


def test_a_sum_read_as_a_convolution_is_not_the_plain_reading() -> None:
    lhs, rhs = r"\sum_{m} x[m] h[k - m]", r"y[k]"
    plain = _read(lhs, rhs)
    with convolution.reading():
        convolved = _read(lhs, rhs)
        assert convolved == _read(lhs, rhs)
    assert convolved != plain
    assert _read(lhs, rhs) == plain


def test_braces_stated_as_poisson_brackets_are_read_in_their_own_setting() -> None:
    plain = _read(r"\{q, p\}", "1")
    with poisson.stating():
        assert _read(r"\{q, p\}", "1") == _read(r"\{q, p\}", "1") == plain


def test_a_macro_defined_anew_is_read_anew() -> None:
    square = {"\\sq": Macro("\\sq", 1, "#1^2")}
    cube = {"\\sq": Macro("\\sq", 1, "#1^3")}
    assert _read(r"\sq{x}", "x x", square) == _read(r"\sq{x}", "x x", square)
    assert _read(r"\sq{x}", "x x", cube) == _read(r"\sq{x}", "x x", cube)
    assert _read(r"\sq{x}", "x x", square) != _read(r"\sq{x}", "x x", cube)


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"(a+b)^2", r"a^2 + 2ab + b^2", "verified"),
    (r"(a+b)^2", r"a^2 + ab + b^2", "refuted"),
    (r"(fg)'", r"f'g + fg'", "verified"),
    (r"(fg)'", r"f'g - fg'", "refuted"),
    (r"u[k] * \delta[k - 2]", r"u[k - 2]", "verified"),
    (r"u * \delta", r"u", "unverified"),
])
def test_a_verdict_is_the_same_when_the_step_is_checked_again(lhs: str, rhs: str, status: str) -> None:
    cold = check_step(lhs, rhs, "=")
    warm = check_step(lhs, rhs, "=")
    again = check_step(lhs, rhs, "=")
    assert cold.status.value == warm.status.value == again.status.value == status
    assert cold.reason == warm.reason == again.reason


STATED = "The Poisson bracket of two functions on phase space is the usual one.\n\n"


def test_a_bracket_refuted_in_a_passage_on_poisson_brackets_stays_unread_outside_it() -> None:
    # the same braces first outside, then inside, then outside such a passage: each keeps its verdict
    chain = "\\begin{align*}\n\\{q_1, p_1\\} &= -1\n\\end{align*}\n"
    assert [s.verdict.status.value for s in checked_steps(chain)] == ["unverified"]
    assert [s.verdict.status.value for s in checked_steps(STATED + chain)] == ["refuted"]
    assert [s.verdict.status.value for s in checked_steps(chain)] == ["unverified"]


# the agreement of complex values of Floats is screened in doubles (tolerance.complex_agreement), and
# must answer as SymPy's Abs does, or leave the answer to it near the boundary
def _complex(re: float, im: float, digits: int = 15) -> sp.Expr:
    return sp.Float(re, digits) + sp.Float(im, digits) * sp.I


@pytest.mark.parametrize("tolerance", [TOLERANCE, EXACT_TOLERANCE, sp.Float("0.01")])
def test_complex_values_agree_in_doubles_as_in_sympy(tolerance: sp.Float) -> None:
    rng = random.Random(29)
    for _ in range(200):
        digits = rng.choice([15, 30, 45])
        a = _complex(rng.uniform(-9, 9), rng.uniform(-9, 9), digits)
        apart = 10.0 ** rng.randint(-70, 0) * rng.uniform(0.5, 2)
        b = sp.expand(a + sp.Float(apart, digits) * rng.choice([1, sp.I, -1 - sp.I]))
        screened = complex_agreement(tolerance, a, b)
        assert screened is None or screened == bool(abs(a - b) <= _slack(tolerance, a, b))


def test_complex_values_at_the_boundary_are_left_to_sympy() -> None:
    a = _complex(3, 4, 30)
    edge = _slack(TOLERANCE, a, a)
    assert complex_agreement(TOLERANCE, a, sp.expand(a + edge)) is None
    assert complex_agreement(TOLERANCE, a, sp.expand(a + edge / 2)) is True
    assert complex_agreement(TOLERANCE, a, sp.expand(a + 2 * edge)) is False
    # real Floats, numbers of other kinds and an imaginary tolerance are never screened
    assert complex_agreement(TOLERANCE, sp.Float(1), sp.Float(1)) is None
    assert complex_agreement(TOLERANCE, a, sp.sqrt(2) + sp.I) is None


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"e^{i\pi/3} e^{i\pi/6}", r"i", "verified"),
    (r"(1 + i)^2", r"2i", "verified"),
    (r"(1 + i)^2", r"2", "unverified"),  # (i may be an index)
    (r"(1 + \mathrm{i})^2", r"2", "refuted"),
    (r"e^{i\pi/3} e^{i\pi/6}", r"-i", "refuted"),
    (r"\frac{1}{1 + i}", r"\frac{1 - i}{2}", "verified"),
])
def test_complex_steps_keep_their_verdicts(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status
