"""Red team of Fourier and complex analysis notes (round 18): a kernel defined with an index on its
name (a Dirichlet-type sum P_M(x)) is put in at the index it is used with; a root of unity given in the
prose makes a step with its N-th power hold where the exponents count, which is not an error; and a
number the prose gives a letter for one case does not verify a general step that still writes it."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import ContextItem
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.pipeline import check_text
from lintmath.substitute import parse_definitions, substitute

V, R, U, S = "verified", "refuted", "unverified", "skipped"


def _statuses(body: str) -> list[str]:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return [s.verdict.status.value for s in check_text(text, "fourier.tex", Config(jobs=0)).steps]


def _prose(name: str, value: str) -> ContextItem:
    return ContextItem("result", name, name, "=", value, "notes.tex:1", 1, False, "notes.tex", True)


def _define(lhs: str, rhs: str) -> ContextItem:
    head = lhs.split("(")[0].split("_")[0]
    return ContextItem("define", head, lhs, "=", rhs, "notes.tex:1", 1, False, "notes.tex")


def _letters(tree) -> set[str]:
    return {x.base for x in tree.walk() if hasattr(x, "base") and isinstance(x.base, str)}


def test_an_indexed_kernel_is_put_in_at_the_index_of_its_use() -> None:
    body = "\n".join([
        r"\begin{align*}",
        r"P_M(x) &= \sum_{j=-M}^{M} e^{\mathrm{i} j x}",
        r"\end{align*}",
        r"The mean of the first kernels is",
        r"\begin{align*}",
        r"Q_M(x) &= \frac{1}{M}\sum_{r=0}^{M-1} P_r(x) \\",
        r"&= \frac{1}{M}\left(\frac{\sin(Mx/2)}{\sin(x/2)}\right)^2",
        r"\end{align*}",
    ])
    assert _statuses(body) == [S, S, V]


def test_the_same_mean_with_a_slip_is_still_refuted() -> None:
    body = "\n".join([
        r"\begin{align*}",
        r"P_M(x) &= \sum_{j=-M}^{M} e^{\mathrm{i} j x}",
        r"\end{align*}",
        r"\begin{align*}",
        r"Q_M(x) &= \frac{1}{M}\sum_{r=0}^{M-1} P_r(x) \\",
        r"&= \frac{1}{M}\left(\frac{\sin(Mx/2)}{\sin(x/2)}\right)^3",
        r"\end{align*}",
    ])
    assert _statuses(body)[-1] == R


def test_index_letters_of_a_function_definition_are_renamed() -> None:
    (definition,) = parse_definitions((_define(r"P_M(x)", r"\sum_{j=-M}^{M} x^j"),), {})
    tree, used = substitute(parse_math(r"P_r(y)"), [definition])
    assert used and "r" in _letters(tree) and "M" not in _letters(tree) and "y" in _letters(tree)


def test_a_fixed_index_of_a_function_definition_names_that_one_only() -> None:
    (definition,) = parse_definitions((_define(r"g_0(x)", r"1 + x"),), {})
    _, used = substitute(parse_math(r"g_1(y)"), [definition])
    assert not used
    _, used = substitute(parse_math(r"g_0(y)"), [definition])
    assert used


@pytest.mark.parametrize("lhs, rhs", [
    (r"w^{Mq}w^{-pq}", r"w^{-pq}"),
    (r"w^{(M-p)q}", r"w^{-pq}"),
])
def test_a_root_of_unity_from_the_prose_is_no_error(lhs: str, rhs: str) -> None:
    # not refuted: with w = e^{2 pi i/M}, w^{Mq} = 1 wherever q is a whole number
    renamed = lhs.replace("M", "N").replace("q", "n").replace("p", "k")
    verdict = check_step(renamed, rhs.replace("M", "N").replace("q", "n").replace("p", "k"), "=",
                         context=(_prose("w", r"e^{2\pi\mathrm{i}/N}"),))
    assert verdict.status is not Status.REFUTED


def test_a_power_that_is_no_root_of_unity_is_still_refuted() -> None:
    verdict = check_step(r"w^{2n}w^{-kn}", r"w^{-kn}", "=", context=(_prose("w", r"e^{2\pi\mathrm{i}/N}"),))
    assert verdict.status is Status.REFUTED


def test_a_special_case_in_the_prose_does_not_verify_a_general_step() -> None:
    # the z-transform of n a^n: the factor a lost, which holds only for the unit step (a = 1)
    lhs, rhs = r"-z\frac{(z - a) - z}{(z - a)^2}", r"\frac{z}{(z - a)^2}"
    assert check_step(lhs, rhs, "=").status is Status.REFUTED
    verdict = check_step(lhs, rhs, "=", context=(_prose("a", "1"),))
    assert verdict.status is Status.UNVERIFIED and "a = 1" in verdict.reason
    assert check_step(lhs, r"\frac{az}{(z - a)^2}", "=", context=(_prose("a", "1"),)).status is Status.VERIFIED


def test_a_prose_value_the_step_substitutes_still_verifies() -> None:
    verdict = check_step(r"3 - b^2", r"-1", "=", context=(_prose("b", "2"),))
    assert verdict.status is not Status.REFUTED
