"""Deep-learning and probabilistic-ML book chains without prose (sigmoid and softplus identities,
conjugate updates, KL divergences, logistic-regression gradients): a step that only states that a
family sums to one (\\sum_k \\pi_k = 1) is not verified by the reading that assumes exactly that."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _verdicts(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


@pytest.mark.parametrize("row", [
    "\\sum_{k=1}^K \\pi_k &= 1",
    "\\sum_{i=1}^3 a_i &= 1",
    "\\sum_{j} w_j &= 1",
    "1 &= \\sum_{n=1}^N p_n",
])
def test_a_bare_normalisation_is_no_identity(row: str) -> None:
    (verdict,) = _verdicts(_chain(row)).values()
    assert verdict.status.value == "unverified"


def test_the_normalising_reading_still_serves_a_step_that_uses_it() -> None:
    verdicts = _verdicts(_chain("\\sum_j y_j \\log Z &= \\log Z"))
    assert verdicts["\\sum_j y_j \\log Z = \\log Z"].status.value == "verified"


def test_sigmoid_and_softplus_identities() -> None:
    body = _chain("1 - \\sigma(x) &= \\sigma(-x)", "\\tanh(x) &= 2\\sigma(2x) - 1",
                  "\\frac{d}{dx}\\log\\sigma(x) &= 1 - \\sigma(x)")
    assert {v.status.value for v in _verdicts(body).values()} == {"verified"}
    slips = _verdicts(_chain("\\tanh(x) &= 2\\sigma(x) - 1"))
    assert slips["\\tanh(x) = 2\\sigma(x) - 1"].status.value == "refuted"


def test_logistic_regression_gradient_sign_slip_is_refuted() -> None:
    loss = "\\frac{\\partial}{\\partial w}\\left[-y\\log\\sigma(wx) - (1-y)\\log(1-\\sigma(wx))\\right]"
    good = _verdicts(_chain(f"{loss} &= (\\sigma(wx) - y)x"))
    bad = _verdicts(_chain(f"{loss} &= (y - \\sigma(wx))x"))
    assert next(iter(good.values())).status.value == "verified"
    assert next(iter(bad.values())).status.value == "refuted"


def test_kl_of_gaussians_and_a_swapped_ratio() -> None:
    good = _verdicts(_chain("\\mathrm{KL}(\\mathcal{N}(\\mu,1)\\|\\mathcal{N}(0,1)) &= \\frac{\\mu^2}{2}"))
    bad = _verdicts(_chain("\\frac{1}{2}\\left(\\mu^2 + \\sigma^2 - \\log\\sigma^2 - 1\\right) &= "
                           "\\frac12\\mu^2 + \\frac12\\sigma^2 - 2\\log\\sigma - \\frac12"))
    assert next(iter(good.values())).status.value == "verified"
    assert next(iter(bad.values())).status.value == "refuted"
