"""Red team of calculus textbook solutions (round 18): a value the prose states for a letter
(``the curve $s = r^2$``) is never put in for the variable an integral, a limit or a sum runs over
inside it, where that letter is a dummy of its own; it still rescues the steps it names."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text

V, R, U = "verified", "refuted", "unverified"


def _statuses(body: str) -> list[str]:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return [s.verdict.status.value for s in check_text(text, "calculus.tex", Config(jobs=0)).steps]


CURVES = ("Between the curves $s = r^2$ and $s = r + 2$ lies a region. "
          "For the hanging cable $r = \\cosh s$ we find\n")


@pytest.mark.parametrize("step", [
    # sqrt(1 + sinh^2) is cosh, not sinh: with s = r^2, r = cosh s put in for the dummy s, both
    # integrands became sinh and cosh of a huge nested cosh, equal to the digits compared
    r"\int_0^2 \sqrt{1 + \sinh^2 s}\,ds &= \int_0^2 \sinh s\,ds",
    r"\int_0^1 \sqrt{1 + \sinh^2 s}\,ds &= \int_0^1 \sinh s\,ds",
])
def test_a_stated_value_of_an_integration_variable_does_not_verify_a_wrong_step(step: str) -> None:
    body = CURVES + "\\begin{align*}\n" + step + "\n\\end{align*}"
    assert _statuses(body) == [R]


@pytest.mark.parametrize("step", [
    r"\sum_{k=1}^{3} k &= 3m^2",  # k = m^2 is a curve; the k of the sum runs over 1, 2, 3
    r"\sum_{k=1}^{4} k^2 &= 4m^4",
    r"\lim_{k \to 0} \frac{\sin k}{k} &= m^2",
])
def test_a_stated_value_of_a_dummy_index_or_limit_variable_is_not_put_in(step: str) -> None:
    body = "The parabola $k = m^2$ is drawn.\n\\begin{align*}\n" + step + "\n\\end{align*}"
    assert _statuses(body) != [V]


@pytest.mark.parametrize("step", [
    r"\frac{u^6}{6} + C &= \frac{(x^2 + 1)^6}{6} + C",  # u named outside any integral: put in
    r"\frac{u^3}{3} &= \frac{(x^2 + 1)^3}{3}",
])
def test_a_stated_value_outside_a_binder_still_verifies(step: str) -> None:
    body = "Let $u = x^2 + 1$, so $du = 2x\\,dx$.\n\\begin{align*}\n" + step + "\n\\end{align*}"
    assert _statuses(body) == [V]


def test_the_catenary_length_chain_is_still_verified() -> None:
    body = CURVES + ("\\begin{align*}\nL &= \\int_0^1 \\sqrt{1 + \\sinh^2 s}\\,ds = \\int_0^1 \\cosh s\\,ds \\\\\n"
                     "&= \\sinh 1 = \\frac{e - e^{-1}}{2}\n\\end{align*}")
    assert _statuses(body) == ["skipped", V, V, V]


def test_an_unclosed_left_around_an_infix_fraction_is_unread_not_a_crash() -> None:
    verdict = check_step(r"\left( a \over b", "c", "=")
    assert verdict.status.value == U and "internal error" not in verdict.reason
