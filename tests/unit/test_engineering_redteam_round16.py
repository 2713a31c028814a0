"""Red team round 16 (numerical analysis, control, finance, physical chemistry): order terms O(h^2)
are classes of functions, not refuted; a definition's body with a parameter before brackets
(s(\\tau s + 1)) and a defined value before a bracket with an exponent (P(1+i)^{-n}) are products
with the exponent on the bracket, as the lowering reads them."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


def _steps(tmp_path, body: str, preamble: str = "") -> list[tuple[str, str, str]]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [(s.step.lhs.text, s.step.rhs.text, s.verdict.status.value) for s in result.steps]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathcal{O}(h^2) + \mathcal{O}(h^3)", r"\mathcal{O}(h^2)"),
    (r"\mathcal{O}(n^3) + \mathcal{O}(n)", r"\mathcal{O}(n^3)"),
    (r"o(t) - o(t)", r"o(t)"),
    (r"3\delta + \mathcal{O}(\delta^4)", r"3\delta + \mathcal{O}(\delta^3)"),
])
def test_order_terms_are_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\mathcal{O}(k^4)}{k}", r"\mathcal{O}(k^3)"),
    (r"y + \mathcal{O}(\delta^2)", r"y + \mathcal{O}(\delta^2)"),
])
def test_order_terms_written_alike_still_verify(lhs, rhs):
    assert status(lhs, rhs) == V


def test_a_slip_beside_an_order_term_free_step_stays_refuted():
    assert status(r"(1+\delta)^2", r"1 + 2\delta + 2\delta^2") == R


def test_order_term_behind_a_macro_is_not_refuted(tmp_path):
    body = r"""
\begin{align*}
\sin\delta + \bigO(\delta^5) &= \delta - \frac{\delta^3}{6} + \bigO(\delta^5) + \bigO(\delta^7) \\
&= \delta - \frac{\delta^3}{6} + \bigO(\delta^5)
\end{align*}
"""
    steps = _steps(tmp_path, body, "\\newcommand{\\bigO}{\\mathcal{O}}\n")
    assert steps and all(st != R for _, _, st in steps)


# a transfer function defined with s before a bracket, then evaluated: s(\tau s + 1) in the body is a
# product once s is bound, and its exponent stays on the bracket
TRANSFER = r"""
\begin{align*}
W(s) &= \frac{b}{s(\tau s + 2)^2} \\
W(3) &= \frac{b}{3(3\tau + 2)^2}
\end{align*}
\begin{align*}
V(s) &= \frac{b}{s(\tau s + 2)^2} \\
V(3) &= \frac{b}{(9\tau + 6)^2}
\end{align*}
\begin{align*}
\lim_{s \to 0} s\,W(s) &= \lim_{s \to 0}\frac{b}{(\tau s + 2)^2} = \frac{b}{4}
\end{align*}
"""


def test_a_bound_parameter_before_brackets_is_a_product(tmp_path):
    steps = {(lhs, rhs): st for lhs, rhs, st in _steps(tmp_path, TRANSFER)}
    assert steps[("W(3)", r"\frac{b}{3(3\tau + 2)^2}")] == V
    assert steps[("V(3)", r"\frac{b}{(9\tau + 6)^2}")] == R
    assert steps[(r"\lim_{s \to 0} s\,W(s)", r"\lim_{s \to 0}\frac{b}{(\tau s + 2)^2}")] == V


# a value defined, then written before a bracket with an exponent: the exponent is the bracket's
DISCOUNT = r"""
\begin{align*}
\Pi &= C\left(1 + \frac{g}{q}\right)^{q}, \\
\frac{\Pi}{(1+j)^m} &= \Pi\,(1+j)^{-m}, \\
\Pi(1+j)^{2} &= \Pi + 2j\Pi + j^2\Pi, \\
\Pi(1+j)^{2} &= \Pi + 2j\Pi + 2j^2\Pi
\end{align*}
"""


def test_a_defined_value_before_a_bracket_with_an_exponent(tmp_path):
    steps = [st for _, _, st in _steps(tmp_path, DISCOUNT)]
    assert steps[1:] == [V, V, R]
