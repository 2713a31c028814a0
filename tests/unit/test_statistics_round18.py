"""Red team for statistics lecture notes: a worked example that gives a general name a number
(S_{xx} = 10, \\bar{x} = 3) must not turn a later general step about that name into an error, and a
sample moment defined with its order as a superscript (m_k = (1/n) sum_i x_i^k) must be usable."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.config import Config


def _statuses(tmp_path, body: str) -> dict[str, str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s.verdict.status.value for s in result.steps}


_EXAMPLE = r"""
Let $Q_{tt} = \sum_{k=1}^m (t_k - \bar{t})^2$ be the spread of the design points.
\begin{align*}
Q_{tt} &= 1 + 0 + 1 = 2, \\
\bar{t} &= \frac{1 + 2 + 3}{3} = 2 .
\end{align*}
In general, the slope's variance is
\begin{align*}
\frac{\tau^2}{Q_{tt}^2}\sum_{k=1}^m (t_k - \bar{t})^2 &= %s
\end{align*}
"""


def test_a_general_step_after_a_worked_example_is_no_error(tmp_path) -> None:
    statuses = _statuses(tmp_path, _EXAMPLE % r"\frac{\tau^2}{Q_{tt}}")
    assert statuses[r"\frac{\tau^2}{Q_{tt}}"] == "verified"
    assert statuses["2"] == "verified"  # the example itself is still checked


@pytest.mark.parametrize("wrong", [r"\frac{3\tau^2}{Q_{tt}}", r"\frac{\tau}{Q_{tt}}"])
def test_a_wrong_general_step_after_a_worked_example_is_still_refuted(tmp_path, wrong: str) -> None:
    assert _statuses(tmp_path, _EXAMPLE % wrong)[wrong] == "refuted"


def test_an_example_mean_does_not_refute_the_sum_of_squares_about_the_mean(tmp_path) -> None:
    body = r"""
For the data $1, 2, 3$ we get $\bar{t} = 2$:
\[ \bar{t} = \frac{1 + 2 + 3}{3} = 2 . \]
In general,
\begin{align*}
\sum_{k=1}^m (t_k - \bar{t})^2 &= \sum_{k=1}^m t_k^2 - m\bar{t}^2
\end{align*}
"""
    assert _statuses(tmp_path, body)[r"\sum_{k=1}^m t_k^2 - m\bar{t}^2"] == "verified"


_MOMENTS = r"""
The $r$-th sample moment is $\hat\mu_r = \frac{1}{m}\sum_{k=1}^m z_k^r$.
\begin{align*}
\hat\mu_2 - \hat\mu_1^2 &= %s
\end{align*}
"""


def test_a_moment_defined_with_its_order_as_a_superscript_is_substituted(tmp_path) -> None:
    right = r"\frac{1}{m}\sum_{k=1}^m z_k^2 - \left(\frac{1}{m}\sum_{k=1}^m z_k\right)^2"
    assert _statuses(tmp_path, _MOMENTS % right)[right] == "verified"


def test_a_wrong_moment_identity_is_not_verified_by_that_definition(tmp_path) -> None:
    right = r"\frac{1}{m}\sum_{k=1}^m z_k^3 - \left(\frac{1}{m}\sum_{k=1}^m z_k\right)^2"
    assert _statuses(tmp_path, _MOMENTS % right)[right] != "verified"
