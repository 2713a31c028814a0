"""Round 22: multivariable calculus notes. Iterated integrals whose wrong values were never refuted
(SymPy leaves an integral of several limits unevaluated at the confirmation's precision), an
inner integral evaluated in place by an unnamed bar, the gradient of a defined function at a point
(\\nabla g(1, 2, 3), which was the gradient of the number g(1, 2, 3): a false alarm), partial
derivatives f_x and f_y defined side by side (f_y's body was put in for f_x), and vectors in angle
brackets whose components are worked out."""
import pytest

from lintmath.check import Status, check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def _document(body: str) -> list[tuple[str, str, str]]:
    """(status, rule of the finding on its line or "", the step's right side) for each step of a
    LaTeX document with ``body``."""
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    rules = {f.line: f.rule for f in result.findings}
    return [(s.verdict.status.value, rules.get(s.step.rhs.line, ""), s.step.rhs.stripped) for s in result.steps]


@pytest.mark.parametrize("lhs, rhs, status", [
    # inner integrals of polynomials, done exactly: a wrong total is refuted, not left unvalued
    (r"\int_0^1\int_0^1 (u^2 + 4uv + v^2)\,du\,dv", r"\frac53", V),
    (r"\int_0^1\int_0^1 (u^2 + 4uv + v^2)\,du\,dv", r"\frac76", R),
    (r"\int_0^1\int_0^1 (u^2 + 4uv + v^2)\,du\,dv", r"\int_0^1 \left(\frac13 + 2v + v^2\right) dv", V),
    (r"\int_0^1\int_0^1 (u^2 + 4uv + v^2)\,du\,dv", r"\int_0^1 \left(\frac13 + v + v^2\right) dv", R),
    (r"\int_0^2\int_{s^2}^{2s} s\,t\,dt\,ds", r"\frac{8}{3}", V),
    (r"\int_0^2\int_{s^2}^{2s} s\,t\,dt\,ds", r"\frac{4}{3}", R),
    # an outer variable that only a constant carries is integrated first (Fubini over a box)
    (r"\int_0^{2\pi}\int_0^{2} e^{-\rho^2}\rho\,d\rho\,d\alpha", r"\pi\left(1 - e^{-4}\right)", V),
    (r"\int_0^{2\pi}\int_0^{2} e^{-\rho^2}\rho\,d\rho\,d\alpha", r"2\pi\left(1 - e^{-4}\right)", R),
    (r"\int_0^{\pi}\int_0^{\infty} e^{-w^2} w \sin\beta\,dw\,d\beta", r"1", V),
    # an inner bound that runs with the outer variable keeps the order as written
    (r"\int_0^1\int_0^{s} e^{s^2}\,dt\,ds", r"\frac{e - 1}{2}", V),
    (r"\int_0^1\int_0^{s} e^{s^2}\,dt\,ds", r"e - 1", R),
])
def test_iterated_integrals(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    # a bar that evaluates the inner integral's antiderivative in a letter the step writes nowhere else
    (r"\int_1^2 s^3\left[\frac{t^2}{2}\right]_0^2 ds", r"\int_1^2 2s^3\,ds", V),
    (r"\int_1^2 s^3\left[\frac{t^2}{2}\right]_0^2 ds", r"\int_1^2 4s^3\,ds", R),
    # the bar does not evaluate the enclosing integral's own variable
    (r"\int_0^2 \left[s t + t^2\right]_0^1 ds", r"\int_0^2 (s + 1)\,ds", V),
    (r"\int_0^2 \left[s t + t^2\right]_0^1 ds", r"4", V),
    (r"\int_0^2 \left[s t + t^2\right]_0^1 ds", r"3", R),
    # a bar with a letter the step writes elsewhere (the velocity of mechanics) stays unread
    (r"\int_0^1 m v \dot v\,dt", r"\frac12 m v^2\Big|_0^1", U),
])
def test_bars_of_inner_integrals(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_gradient_of_a_defined_function_at_a_point():
    steps = _document(r"""
Let
\[ h(x, y, z) = x y^2 + z^2 y, \]
\begin{align*}
\nabla h(2, 1, 3) &= \langle 1, 4 + 9, 6\rangle
\end{align*}
\begin{align*}
\nabla h(2, 1, 3) &= \langle 1, 13, 7\rangle
\end{align*}
\begin{align*}
\nabla h(2, 1, 3)\cdot\langle 0, 1, 0\rangle &= 13
\end{align*}
\begin{align*}
\nabla^2 h(2, 1, 3) &= 4 + 2
\end{align*}
\begin{align*}
\nabla h(y, x, z) &= \langle x^2, 2xy, 0\rangle
\end{align*}
""")
    assert [s[0] for s in steps] == ["skipped", "verified", "refuted", "verified", "verified", "unverified"]
    assert steps[2][1] == "LM201"


def test_gradient_at_a_point_in_two_variables():
    steps = _document(r"""
Let
\[ q(x, y) = x^3 y - e^{y}. \]
\begin{align*}
\nabla q(1, 0) &= \langle 0, 0\rangle
\end{align*}
\begin{align*}
\nabla q(1, 0) &= \langle 0, 1\rangle
\end{align*}
\begin{align*}
\nabla q(2, 0) &= \langle 0, 7\rangle
\end{align*}
""")
    assert [s[0] for s in steps] == ["skipped", "verified", "refuted", "verified"]


def test_partial_derivatives_defined_side_by_side():
    # f_v's body is no f_u: with f_v alone defined, f_u at a point is not decided
    alone = _document(r"""
\begin{align*}
g_v(u, v) &= 3u - v^2,
\end{align*}
and then
\begin{align*}
g_u(1, 2) &= 5 - 2
\end{align*}
""")
    assert [s[0] for s in alone] == ["skipped", "unverified"]
    both = _document(r"""
\begin{align*}
g_u(u, v) &= 2u + v, \\
g_v(u, v) &= u - 3v,
\end{align*}
so
\begin{align*}
g_u(1, 2) &= 2 + 2
\end{align*}
\begin{align*}
g_u(1, 2) &= 2 - 2
\end{align*}
\begin{align*}
g_v(1, 2) &= 1 - 6
\end{align*}
""")
    assert [s[0] for s in both] == ["skipped", "skipped", "verified", "refuted", "verified"]


@pytest.mark.parametrize("lhs, rhs, status", [
    # components worked out in angle brackets: a vector
    (r"\langle 2 + 5, 3\cdot 4, 1 - 6\rangle", r"\langle 7, 12, -5\rangle", V),
    (r"\langle 2 + 5, 3\cdot 4, 1 - 6\rangle", r"\langle 7, 12, 5\rangle", R),
    (r"\langle \frac{9}{3}, 2^3\rangle", r"\langle 3, 9\rangle", R),
    # plain numbers may be generators (an ideal), round brackets a gcd or a cycle: not refuted
    (r"\langle 12, 18\rangle", r"\langle 6, 0\rangle", U),
    (r"(2 + 5, 3\cdot 4, 1 - 6)", r"(7, 12, 5)", U),
])
def test_vectors_in_angle_brackets(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status
