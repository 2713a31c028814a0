"""Integrals over (0, \\infty) that converge only for a large decay rate s (a growing exponential's
transform): s is sampled where they converge (lintmath/transforms.decay_letters)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status
from documents import checked_steps


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathcal{L}\{e^{3t}\}", r"\frac{1}{s-3}"),
    (r"\mathcal{L}\{t\,e^{2t}\}", r"\frac{1}{(s-2)^2}"),
    (r"\mathcal{L}\{t^2 e^{4t}\}", r"\frac{2}{(s-4)^3}"),
    (r"\mathcal{L}\{\cosh 3t\}", r"\frac{s}{s^2-9}"),
    (r"\mathcal{L}\{e^{2t}\sin t\}(p)", r"\frac{1}{(p-2)^2+1}"),
    # written out by hand, with the rate in any of its usual forms
    (r"\int_0^\infty e^{5t} e^{-st}\,dt", r"\frac{1}{s-5}"),
    (r"\int_0^\infty e^{-(s-6)t}\,dt", r"\frac{1}{s-6}"),
    (r"\int_0^{\infty} e^{(2-s)\tau}\,d\tau", r"\frac{1}{s-2}"),
    (r"\int_0^\infty \exp(-st)\,dt", r"\frac{1}{s}"),
])
def test_transforms_of_growing_functions_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs, suggestion", [
    (r"\mathcal{L}\{e^{3t}\}", r"\frac{1}{s+3}", r"\frac{1}{s-3}"),
    (r"\mathcal{L}\{t^2 e^{4t}\}", r"\frac{1}{(s-4)^3}", r"\frac{2}{(s-4)^3}"),
    (r"\int_0^\infty e^{-(s+5)t}\,dt", r"\frac{1}{s-5}", r"\frac{1}{s+5}"),
])
def test_slips_in_them_are_refuted_with_the_fix(lhs, rhs, suggestion):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion == suggestion


def test_a_bound_the_prose_states_is_kept_when_it_is_tighter():
    # s > 10 is the author's: the samples stay above it, where the step still holds
    steps = checked_steps(r"""For $s > 10$ we have
\begin{align*}
\mathcal{L}\{e^{3t}\} &= \frac{1}{s-3}
\end{align*}""")
    assert [s.verdict.status for s in steps] == [Status.VERIFIED]


def test_a_rate_on_a_finite_range_is_left_to_the_usual_samples():
    # over (0, 1) the integral converges for every s, and s < 0 is a point it must hold at too
    verdict = check_step(r"\int_0^1 e^{-st}\,dt", r"\frac{1}{s}", "=")
    assert verdict.status is Status.REFUTED
