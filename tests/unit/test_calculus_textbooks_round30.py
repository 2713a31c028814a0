"""Calculus chains in the style of Thomas, Larson, OpenStax and MIT 18.02 written without prose: a letter
an earlier chain gave a value (y = x^x in logarithmic differentiation) is an axis of a later gradient, not
that value."""
from __future__ import annotations

from documents import checked_steps


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


LOG_DIFFERENTIATION = ("\\begin{align*}\ny &= x^x \\\\\n\\ln y &= x\\ln x\n\\end{align*}\n\n"
                       "Next example.\n\n"
                       "\\begin{align*}\nf(x,y) &= x^2y + y^3\n\\end{align*}\n\nThen\n\n")


def test_a_gradient_of_a_defined_function_beside_a_letter_given_a_value_is_no_internal_error() -> None:
    body = LOG_DIFFERENTIATION + "\\begin{align*}\nD_{\\mathbf u}f &= \\nabla f\\cdot\\mathbf u\n\\end{align*}\n"
    status, reason = _verdicts(body)["D_{\\mathbf u}f = \\nabla f\\cdot\\mathbf u"]
    assert status != "refuted"
    assert "internal error" not in reason


def test_the_axes_of_a_gradient_keep_their_letters_beside_a_value_given_one() -> None:
    body = LOG_DIFFERENTIATION + ("\\begin{align*}\n\\nabla (x^2 + y^2) &= (2x, 2y)\n\\end{align*}\n\n"
                                  "Again\n\n\\begin{align*}\n\\nabla (x^2 + y^2) &= (2x, 0)\n\\end{align*}\n")
    verdicts = _verdicts(body)
    assert verdicts["\\nabla (x^2 + y^2) = (2x, 2y)"][0] == "verified"
    # y = x^x put in would make this the gradient of a function of x alone: it must not verify
    assert verdicts["\\nabla (x^2 + y^2) = (2x, 0)"][0] != "verified"


def test_a_gradient_at_a_point_of_a_defined_function_is_still_read() -> None:
    body = LOG_DIFFERENTIATION + ("\\begin{align*}\n\\nabla f(1, 2) &= (4, 13)\n\\end{align*}\n\n"
                                  "Again\n\n\\begin{align*}\n\\nabla f(1, 2) &= (4, 12)\n\\end{align*}\n")
    verdicts = _verdicts(body)
    assert verdicts["\\nabla f(1, 2) = (4, 13)"][0] == "verified"
    assert verdicts["\\nabla f(1, 2) = (4, 12)"][0] == "refuted"
