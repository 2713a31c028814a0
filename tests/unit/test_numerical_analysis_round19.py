"""Numerical analysis notes (round 19): ``\\delta\\mathbf{x}`` and ``\\Delta\\mathbf{u}`` before a bold or
arrowed letter are perturbations of vectors, one quantity each (as ``\\delta x`` is of a number), never delta
times the vector; a labelled letter in a function's definition (the root ``t^*`` of ``p(t) = (t - t^*)^2
q(t)``) is not its parameter; definitions that go round in a circle are not put into a step."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import ContextItem
from lintmath.extract import extract_text
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.pipeline import check_documents
from lintmath.substitute import parse_definitions, substitute


def status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


def document(body: str) -> dict[int, str]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "na.tex")], ["na.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return {s.step.rhs.line: s.verdict.status.value for s in res.steps}


@pytest.mark.parametrize("text, base, style", [
    (r"\delta\mathbf{x}", r"\delta x", "bf"),
    (r"\Delta\mathbf u", r"\Delta u", "bf"),
    (r"\delta\boldsymbol{\theta}", None, None),  # a Greek letter inside: left as it was
    (r"\Delta\vec{r}", r"\Delta r", "bf+arrow"),
])
def test_increment_of_a_bold_letter_is_one_vector(text: str, base: str | None, style: str | None) -> None:
    tree = parse_math(text, None, frozenset({"\\delta", "\\Delta"}))
    if base is None:
        assert not (isinstance(tree, n.Sym) and tree.base.startswith("\\delta "))
        return
    assert isinstance(tree, n.Sym) and (tree.base, tree.style) == (base, style)
    assert (tree.start, tree.end) == (0, len(text))  # the span names the whole quantity


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"M(\mathbf{v} + \delta\mathbf{v})", r"M\mathbf{v} + M\,\delta\mathbf{v}", "verified"),
    (r"M(\mathbf{v} + \delta\mathbf{v})", r"M\mathbf{v} + \delta\mathbf{v}", "refuted"),
    (r"(\mathbf{u} + \Delta\mathbf{u})^T(\mathbf{u} + \Delta\mathbf{u})",
     r"\mathbf{u}^T\mathbf{u} + 2\mathbf{u}^T\Delta\mathbf{u} + \Delta\mathbf{u}^T\Delta\mathbf{u}", "verified"),
    (r"(\mathbf{u} + \Delta\mathbf{u})^T(\mathbf{u} + \Delta\mathbf{u})",
     r"\mathbf{u}^T\mathbf{u} + \mathbf{u}^T\Delta\mathbf{u} + \Delta\mathbf{u}^T\Delta\mathbf{u}", "refuted"),
    (r"\vec{F}\cdot\Delta\vec{s}", r"\Delta\vec{s}\cdot\vec{F}", "verified"),
    # two perturbations related only by the prose (M \delta v = \delta c): not decided here
    (r"\frac{\|\delta\mathbf{v}\|}{\|\mathbf{v}\|}", r"\|M^{-1}\|\frac{\|\delta\mathbf{c}\|}{\|\mathbf{v}\|}", "unverified"),
    # no longer delta times the vector, which made the norm of a product verify
    (r"\|\delta\mathbf{v}\|", r"\|\mathbf{v}\|", "unverified"),
])
def test_steps_with_vector_perturbations(lhs: str, rhs: str, expected: str) -> None:
    relation = "<=" if "M^{-1}\\|" in rhs else "="
    assert status(lhs, rhs, relation) == expected


def test_perturbation_bound_after_a_worked_system_is_no_error() -> None:
    # M and c given as numbers for an example far above; the bound speaks of any system and its
    # perturbation, related by the prose only
    body = "\n".join([
        r"Take",
        r"\[ M = \begin{bmatrix} 5 & 1 \\ 2 & 4 \end{bmatrix}, \qquad \mathbf c = \begin{bmatrix} 6 \\ 6 \end{bmatrix}. \]",
        r"In general, if $M(\mathbf v + \delta\mathbf v) = \mathbf c + \delta\mathbf c$ then $M\,\delta\mathbf v = \delta\mathbf c$ and",
        r"\begin{align*}",
        r"\frac{\|\delta\mathbf v\|}{\|\mathbf v\|} &\le \|M^{-1}\|\,\frac{\|\delta\mathbf c\|}{\|\mathbf v\|} \\",
        r"&\le \|M\|\,\|M^{-1}\|\,\frac{\|\delta\mathbf c\|}{\|\mathbf c\|}.",
        r"\end{align*}",
    ])
    verdicts = document(body)
    assert verdicts and "refuted" not in verdicts.values()


FIXED_POINT = "\n".join([
    r"If $p(t) = (t - t^*)^2 q(t)$ with $q(t^*) \neq 0$, the iteration is slow.",
    r"Newton's method is the iteration of $q(t) = t - p(t)/p'(t)$, and",
    r"\begin{align*}",
    r"q'(t) &= 1 - \frac{p'(t)^2 - p(t)p''(t)}{p'(t)^2} \\",
    r"      &= RIGHT",
    r"\end{align*}",
])


@pytest.mark.parametrize("right, expected", [
    (r"\frac{p(t)p''(t)}{p'(t)^2}.", "verified"),
    # with t^* bound to the parameter, p vanished and this slip verified
    (r"\frac{p(t)p''(t)}{p'(t)}.", "refuted"),
])
def test_labelled_letter_in_a_definition_is_not_its_parameter(right: str, expected: str) -> None:
    verdicts = document(FIXED_POINT.replace("RIGHT", right))
    assert verdicts[max(verdicts)] == expected  # the row that writes RIGHT


def test_circular_definitions_are_not_put_in() -> None:
    items = (ContextItem("define", "u", "u(s)", "=", "(s - 1)^2 w(s)", "na.tex:1", 1, prose=True),
             ContextItem("define", "w", "w(s)", "=", "s - u(s)", "na.tex:2", 2, prose=True))
    definitions = parse_definitions(items, {}, ("define",))
    tree = parse_math("u(s) + 1")
    assert substitute(tree, definitions) == (tree, [])
    # a chain that ends is still put in
    chain = parse_definitions(items[:1] + (ContextItem("define", "w", "w(s)", "=", "s + 2", "na.tex:2", 2),),
                              {}, ("define",))
    out, used = substitute(tree, chain)
    assert {d.head.base for d in used} == {"u", "w"}
    assert not any(isinstance(x, n.Apply) and x.func.base in ("u", "w") for x in out.walk())
