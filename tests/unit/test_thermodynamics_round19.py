"""Red team of thermodynamics and statistical mechanics notes (round 19): physics writes ``a/bc`` for
a/(bc) (``\\varepsilon/k_B T``, ``p^2/2m``, ``1/2\\pi``), which is read so where the factors after the
slash are plain, with (a/b)c as the other reading: a step verifies only as a/(bc), one that holds only as
(a/b)c is unverified, and a slip is refuted only when both readings fail. A prose value such as
``$\\beta = 1/k_B T$`` is read the same way, so it rescues the steps that trade beta for temperature."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure
from lintmath.pipeline import check_documents


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-\hbar\omega/k_B T}", r"\exp\left(-\frac{\hbar\omega}{k_B T}\right)"),
    (r"\frac{1}{e^{\varepsilon/k_BT} + 1}", r"\frac{e^{-\varepsilon/(k_B T)}}{1 + e^{-\varepsilon/(k_B T)}}"),
    (r"\int_{-\infty}^{\infty} e^{-\beta p^2/2m}\,\mathrm{d}p", r"\sqrt{\frac{2\pi m}{\beta}}"),
    (r"\frac{\mathrm{d}}{\mathrm{d}u}\left(u^2 e^{-M u^2/2k_B T}\right)",
     r"\left(2u - \frac{M u^3}{k_B T}\right)e^{-M u^2/2k_B T}"),
    (r"\frac{h}{2\pi}", r"h/2\pi"),
    (r"\frac{\partial}{\partial T}\ln\left(1 - e^{-\Theta/k_B T}\right)",
     r"-\frac{\Theta}{k_B T^2}\frac{1}{e^{\Theta/k_B T} - 1}"),
])
def test_slash_before_a_product_reads_as_physics_writes_it(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"1/2 M u^2", r"\frac{M u^2}{2}"),  # (1/2) M u^2, as a kinetic energy is often typed
    (r"e^{-\beta p^2/2m}", r"e^{-\beta p^2 m/2}"),  # holds only as (a/b)c: not verified, not an error
    (r"\mathrm{d}y/\mathrm{d}x\, x", r"2x"),  # a derivative, never a quotient of products
    (r"dy/dx x", r"y"),
    (r"s/2 \sin s", r"\frac{s\sin s}{2}"),  # a function after the slash: not read
    (r"q/2 (q + 1)", r"\frac{q(q+1)}{2}"),  # a bracket after the slash: not read
])
def test_other_reading_of_the_slash_is_never_an_error(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-\beta p^2/2m}", r"e^{-\beta p^2/m}"),  # the 2 dropped: wrong in both readings
    (r"\frac{1}{e^{\varepsilon/k_B T} - 1}", r"\frac{1}{e^{\varepsilon/k_B T} + 1}"),  # Bose for Fermi
    (r"\frac{\mathrm{d}}{\mathrm{d}u}e^{-M u^2/2k_B T}", r"\frac{M u}{k_B T}e^{-M u^2/2k_B T}"),  # sign lost
])
def test_slips_beside_a_slash_are_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_parse_math_alone_still_refuses_the_ambiguous_slash() -> None:
    with pytest.raises(ParseFailure):
        parse_math(r"\varepsilon / k_B T")
    tree = parse_math(r"\varepsilon / k_B T", slashed_products=True)
    assert tree.juxtaposed  # type: ignore[attr-defined]


def _statuses(body: str) -> list[str]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [s.verdict.status.value for s in res.steps]


@pytest.mark.parametrize("stated", [r"$\beta = 1/k_B T$", r"$\beta = 1/k_BT$", r"$\beta = 1/(k_B T)$"])
def test_inverse_temperature_stated_in_the_prose_rescues_steps(stated: str) -> None:
    body = (f"Throughout, {stated} is the inverse temperature.\n"
            "\\begin{align*}\n\\frac{5N}{2\\beta} &= \\frac52 N k_B T\n\\end{align*}\n"
            "\\begin{align*}\n\\frac{\\partial}{\\partial T}\\frac{1}{\\beta} &= k_B\n\\end{align*}")
    assert _statuses(body) == ["verified", "verified"]


def test_a_stated_value_never_refutes() -> None:
    body = ("Throughout, $\\beta = 1/k_B T$ is the inverse temperature.\n"
            "\\begin{align*}\n\\frac{5N}{2\\beta} &= \\frac52 N k_B\n\\end{align*}")
    assert _statuses(body) == ["unverified"]
