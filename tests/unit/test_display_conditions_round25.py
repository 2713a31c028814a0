"""A condition a display derives (a row set to 0) holds for the rows below it only: a chain's own
conclusion "= 0" must not excuse a slip in the rows that derive it."""
from __future__ import annotations

from documents import checked_steps
from lintmath.model import Status


def test_a_chains_own_zero_does_not_excuse_its_rows():
    body = ("\\begin{align*}\n"
            "\\mathbf{p}\\cdot\\mathbf{q} - \\frac{\\mathbf{p}\\cdot\\mathbf{q}}{\\mathbf{p}\\cdot\\mathbf{p}}\\,\\mathbf{p}\\cdot\\mathbf{p}"
            " &= \\mathbf{p}\\cdot\\mathbf{q} - 2\\,\\mathbf{p}\\cdot\\mathbf{q} \\\\\n"
            "&= 0\n\\end{align*}\n")
    steps = checked_steps(body)
    assert steps[0].verdict.status is Status.REFUTED


def test_a_condition_still_rescues_the_rows_below():
    body = ("\\begin{align*}\n\\frac{\\partial L}{\\partial b} &= -\\sum_i \\alpha_i y_i = 0\n\\end{align*}\n"
            "Substituting back,\n"
            "\\begin{align*}\n\\sum_i \\alpha_i - b\\sum_i \\alpha_i y_i &= \\sum_i \\alpha_i\n\\end{align*}\n")
    steps = checked_steps(body)
    assert steps[-1].verdict.status is not Status.REFUTED
