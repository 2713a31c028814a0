"""Names in messages as the reader writes them: an opaque derivative that a step depends on is
``\\frac{dy}{dx}``, not the lowering's ``d(y)/d(x)^1``."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.comparator import shown_name


@pytest.mark.parametrize("name, shown", [
    ("d(y)/d(x)^1", "\\frac{dy}{dx}"),
    ("d(h)/d(t)^2", "\\frac{d^{2}h}{dt^{2}}"),
    ("d(f)/d(x)^1d(y)^1", "\\frac{\\partial^{2} f}{\\partial x \\partial y}"),
    ("d(f)/d(x)^2d(y)^1", "\\frac{\\partial^{3} f}{\\partial x^{2} \\partial y}"),
    ("d(J)/d(Y[1,2])^1", "\\frac{dJ}{dY_{1,2}}"),
    ("d(bf:r)/d(t)^1", "\\frac{d\\mathbf{r}}{dt}"),
    ("m[A]", "m_A"),
    ("x", "x"),
])
def test_lowered_names_are_shown_in_latex(name: str, shown: str) -> None:
    assert shown_name(name) == shown


def test_a_step_that_depends_on_an_undefined_derivative_names_it_as_written() -> None:
    body = ("\\begin{align*}\nE &= \\frac{\\partial^2 f}{\\partial x \\partial y} + g \\\\\n"
            "  &= \\frac{d^2 h}{dt^2} + g\n\\end{align*}\n")
    reasons = [s.verdict.reason for s in checked_steps(body) if s.verdict.status.value == "unverified"]
    assert reasons, "the second step cannot be decided"
    assert "\\frac{d^{2}h}{dt^{2}}" in reasons[-1]
    assert "d(" not in reasons[-1]
