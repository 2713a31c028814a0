"""Time-series notes: (1) a subscripted coefficient before a bracket, ``\\phi_2(1 - \\phi_2)`` in a
Yule-Walker derivation, is a product when the step also writes the same letter with the same subscript
alone, as ``p(1 - p)`` already is; (2) a point where something happens, ``vanishes at $\\theta = \\pm 1$``,
gives the letter no finite set of values (a spin's ``$s_i = \\pm 1$`` does), so it neither verifies a slip
nor rescues one below it."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config
from lintmath.model import Status


def _statuses(tmp_path, body: str) -> dict[str, str]:
    source = tmp_path / "notes.tex"
    source.write_text("\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return {s.step.rhs.text.strip(): s.verdict.status.value for s in result.steps}


def _chain(*sides: str) -> str:
    rows = [sides[0] + " &= " + sides[1]] + ["&= " + s for s in sides[2:]]
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{a_1^2 + a_2(1 - a_2)}{1 - a_2}", r"\frac{a_1^2 + a_2 - a_2^2}{1 - a_2}"),
    (r"\frac{\phi_2(1 - \phi_2)}{3}", r"\frac{\phi_2 - \phi_2^2}{3}"),
    (r"\psi_1(\psi_1 + \theta) + \theta", r"\psi_1^2 + \theta(\psi_1 + 1)"),
    (r"\frac{\rho_1(1 + \rho_1)}{2}", r"\frac{\rho_1 + \rho_1^2}{2}"),
])
def test_a_subscripted_letter_written_alone_multiplies_its_bracket(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\phi_2(1 - \phi_2)}{3}", r"\frac{\phi_2 + \phi_2^2}{3}"),
    (r"\frac{a_1^2 + a_2(1 - a_2)}{1 - a_2}", r"\frac{a_1^2 + a_2 - 2a_2^2}{1 - a_2}"),
])
def test_a_slip_beside_such_a_product_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    # the subscripts differ: \phi_1 alone says nothing of what \phi_2 is
    (r"\phi_2(2x) + \phi_1", r"2\phi_2(x) + \phi_1"),
    # a sequence in square brackets stays a sequence beside its own square
    (r"E\{ y^2[n] \} - 2 \mu_y[n] \mu_y[n] + \mu_y^2[n]", r"E\{ y^2[n] \} - \mu_y^2[n]"),
])
def test_other_subscripts_and_sequences_are_not_read_as_products(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("sentence", [
    r"The derivative vanishes at $\vartheta = \pm 1$, the extreme points.",
    r"The quadratic has the roots $u = \pm 1$.",
    r"Its zeros are $u = \pm 1$ and nothing else.",
])
def test_a_point_where_something_happens_gives_no_set_of_values(tmp_path, sentence: str) -> None:
    letter = "\\vartheta" if "vartheta" in sentence else "u"
    # a slip that holds at +1 (and is undefined at -1): refuted, not verified on {-1, +1}
    rhs = rf"\frac{{{letter}^2}}{{{letter}({letter}+1)}}"
    statuses = _statuses(tmp_path, sentence + "\n" + _chain(rf"\frac{{{letter}}}{{1 + {letter}^2}}", rhs))
    assert statuses[rhs] == "refuted"


def test_a_spin_still_takes_its_stated_values(tmp_path) -> None:
    body = r"Each spin takes $s_k = \pm 1$." + "\n" + _chain(r"s_k^2 m", "m")
    assert _statuses(tmp_path, body)["m"] == "verified"


def test_an_arma_variance_derivation_verifies(tmp_path) -> None:
    body = ("Let $|a| < 1$ and $b$ the moving-average coefficient.\n"
            + _chain(r"s^2\Big[1 + \frac{(a+b)^2}{1 - a^2}\Big]",
                     r"s^2\,\frac{1 - a^2 + a^2 + 2ab + b^2}{1 - a^2}",
                     r"s^2\,\frac{1 + 2ab + b^2}{1 - a^2}"))
    statuses = _statuses(tmp_path, body)
    assert statuses[r"s^2\,\frac{1 - a^2 + a^2 + 2ab + b^2}{1 - a^2}"] == "verified"
    assert statuses[r"s^2\,\frac{1 + 2ab + b^2}{1 - a^2}"] == "verified"
