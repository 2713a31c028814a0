"""Red team for false alarms in notes on graphs and networks: a scalar multiple of the identity
inverted or under a root (``(kI)^{-1/2}`` in the normalised Laplacian of a regular graph), a term
``\\mathbf{1}(\\mathbf{1}^T x)`` dropped for a vector orthogonal to the ones vector, a symmetry
``$a_{ij} = a_{ji}$`` the prose states before a detailed-balance chain, and (a loose verification)
a prose value of an entry, ``$w_{ij} = 0$`` off the edges, that zeroes a wrong step."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.model import Status


def _verdicts(tmp_path, body: str) -> dict[str, tuple[str, str]]:
    source = tmp_path / "graphs.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): (s.verdict.status.value, s.verdict.reason) for s in result.steps}


@pytest.mark.parametrize("lhs, rhs", [
    (r"(cI)^{-1/2}(cI - W)(cI)^{-1/2}", r"\frac{1}{c}(cI - W)"),
    (r"(cI)^{-1/2} W (cI)^{-1/2}", r"\frac{1}{c} W"),
    (r"(\sigma^2 I)^{-1} M", r"\frac{1}{\sigma^2} M"),
    (r"(rI)^{1/2} B", r"\sqrt{r}\, B"),
    (r"(3I)^{-1/2}", r"\frac{1}{\sqrt{3}} I"),
    (r"\mu I - W + (\mu I)^{-1}", r"\mu I - W + \frac{1}{\mu} I"),
])
def test_a_scaled_identity_inverted_or_rooted_is_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED
    assert "I the identity" in verdict.guessed


@pytest.mark.parametrize("lhs, rhs", [
    (r"(cI)^{-1/2}(cI - W)(cI)^{-1/2}", r"\frac{1}{\sqrt{c}}(cI - W)"),  # a root lost
    (r"(cI)^{-1/2}(cI - W)(cI)^{-1/2}", r"I + \frac{1}{c} W"),  # a sign flipped
    (r"(rI)^{1/2} B", r"r B"),
])
def test_a_slip_beside_a_scaled_identity_is_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # a current or a moment of inertia is scaled and squared, not inverted: no identity read there
    (r"(2I)^2 R", r"4 I R"),
    (r"(kI)^{2}", r"k^2 I"),
])
def test_a_scaled_capital_i_squared_is_not_read_as_the_identity(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_projection_term_dropped_for_an_orthogonal_vector_is_not_refuted() -> None:
    verdict = check_step(r"m\mathbf{v} - \mathbf{1}(\mathbf{1}^T\mathbf{v})", r"m\mathbf{v}", "=")
    assert verdict.status is Status.UNVERIFIED
    assert "orthogonal" in verdict.reason
    # a flipped sign is no orthogonality
    assert check_step(r"m\mathbf{v} - \mathbf{1}(\mathbf{1}^T\mathbf{v})",
                      r"m\mathbf{v} + \mathbf{1}(\mathbf{1}^T\mathbf{v})", "=").status is Status.REFUTED


def test_a_symmetry_stated_in_the_prose_rescues_an_index_swap(tmp_path) -> None:
    body = (
        "The weights are symmetric, $c_{uv} = c_{vu}$, so\n"
        "\\begin{align*}\n"
        "\\frac{c_{uv}}{2s} &= \\frac{c_{vu}}{2s}\n"
        "\\end{align*}\n"
    )
    status, reason = _verdicts(tmp_path, body)[r"\frac{c_{vu}}{2s}"]
    assert status == "unverified"
    assert "c_{uv} = c_{vu}" in reason
    # without the sentence the swap is an index typo to report
    plain = "\\begin{align*}\n\\frac{c_{uv}}{2s} &= \\frac{c_{vu}}{2s}\n\\end{align*}\n"
    assert _verdicts(tmp_path, plain)[r"\frac{c_{vu}}{2s}"][0] == "refuted"


def test_a_prose_entry_value_does_not_verify_a_wrong_step(tmp_path) -> None:
    chain = (
        "\\begin{align*}\n"
        "c_{uv}(y_u - y_v)^2 &= c_{uv}(y_u^2 - 2y_u y_v + y_v^2) \\\\\n"
        "&= c_{uv}y_u^2 + c_{uv}y_v^2 SIGN 2 c_{uv} y_u y_v\n"
        "\\end{align*}\n"
    )
    prose = "Weights $c_{uv} \\ge 0$ on the edges and $c_{uv} = 0$ off them.\n"
    wrong = _verdicts(tmp_path, prose + chain.replace("SIGN", "+"))
    assert wrong[r"c_{uv}y_u^2 + c_{uv}y_v^2 + 2 c_{uv} y_u y_v"][0] != "verified"
    right = _verdicts(tmp_path, prose + chain.replace("SIGN", "-"))
    assert right[r"c_{uv}y_u^2 + c_{uv}y_v^2 - 2 c_{uv} y_u y_v"][0] == "verified"
