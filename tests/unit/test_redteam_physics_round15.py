"""Red team of round 15 on physics and engineering lecture notes (electromagnetism, quantum mechanics,
relativity, classical mechanics, thermodynamics, fluids, circuits): a subscript the value never
mentions is a label (sigma_x, E_x), not an index over which the definition is a rule, and the
slips written beside the correct steps must stay refuted."""
from __future__ import annotations

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import ContextItem
from lintmath.parse.parser import parse_math
from lintmath.substitute import parse_definitions, substitute

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


def _steps(tmp_path, body: str) -> list[tuple[str, str, str]]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [(s.step.lhs.text, s.step.rhs.text, s.verdict.status.value) for s in result.steps]


# the Pauli matrices written in one row: sigma_x = (matrix) names the x component only, so sigma_z is
# not that matrix (which made i sigma_z differ from diag(i, -i))
PAULI = r"""
\begin{align*}
\sigma_x &= \begin{pmatrix}0 & 1\\ 1 & 0\end{pmatrix}, \quad
\sigma_y = \begin{pmatrix}0 & -i\\ i & 0\end{pmatrix}, \quad
\sigma_z = \begin{pmatrix}1 & 0\\ 0 & -1\end{pmatrix}.
\end{align*}
\begin{align*}
\sigma_x\sigma_y &= \begin{pmatrix}i & 0\\ 0 & -i\end{pmatrix} = i\sigma_z, \\
\sigma_z\begin{pmatrix}1\\0\end{pmatrix} &= \begin{pmatrix}1\\0\end{pmatrix}
\end{align*}
"""


def test_a_labelled_component_defines_that_component_only(tmp_path):
    assert R not in [st for *_, st in _steps(tmp_path, PAULI)]


FIELD = r"""
\begin{align*}
E_x &= \frac{q}{4\pi\epsilon_0 d^2}
\end{align*}
\begin{align*}
E_y + E_x &= E_y + \frac{q}{4\pi\epsilon_0 d^2}
\end{align*}
"""


def test_the_labelled_component_itself_is_still_substituted(tmp_path):
    assert [st for *_, st in _steps(tmp_path, FIELD)][-1] != R


# a rule over its index (the value mentions it) still applies at every index; a label only at its own
def _value_of(definition: str, value: str, use: str) -> str:
    item = ContextItem("define", "", definition, "=", value, "notes.tex:1", 1)
    return repr(substitute(parse_math(use), parse_definitions((item,), {}))[0])


def test_a_rule_over_its_index_still_applies_at_every_index():
    assert "omega" in _value_of("E_n", r"(n + 1)\omega", "E_3")
    assert "omega" in _value_of("E_n", r"(n + 1)\omega", "E_m")


def test_a_label_applies_only_to_its_own_component():
    matrix = r"\begin{pmatrix}0 & 1\\ 1 & 0\end{pmatrix}"
    assert "MatrixLit" in _value_of(r"\sigma_x", matrix, r"\sigma_x")
    assert "MatrixLit" not in _value_of(r"\sigma_x", matrix, r"\sigma_z")


def test_physics_slips_stay_refuted():
    assert status(r"\frac{\partial}{\partial\theta}\left(\frac{1}{2}mR^2\omega^2\sin^2\theta\right)",
                  r"mR^2\omega^2\sin\theta") == R
    assert status(r"\frac{1}{2}\hbar\omega\left(n+\frac12\right)",
                  r"\frac{1}{2}\hbar\omega n + \frac{1}{2}\hbar\omega") == R
    assert status(r"\int_0^\infty e^{-\alpha x^2}\,dx", r"\sqrt{\frac{\pi}{\alpha}}") == R
    assert status(r"\sin(kx - \omega t) - \sin(kx + \omega t)", r"2\cos(kx)\sin(\omega t)") == R


def test_physics_steps_that_hold_are_not_refuted():
    assert status(r"\frac{1}{\sqrt{4\pi\times10^{-7}\times 8.854\times10^{-12}}}", r"3.00\times10^8") == V
    assert status(r"\nabla\times(-y\hat{x} + x\hat{y})", r"2\hat{z}") == V
    assert status(r"\frac{1}{e^{x} + 1} + \frac{1}{e^{-x} + 1}", "1") == V
    assert status(r"\dot x(m\ddot x + kx)", "0") != R
    assert status(r"100\,\mathrm{cm}", r"1\,\mathrm{m}") != R
