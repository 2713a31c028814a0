"""Lecture notebooks and Markdown notes without prose around the math: a frequency response defined at
e^{j\\Omega} and then given anew as H(z) in a later cell (the later one is in force, as for any function
given anew), and chains in notebook cells, MyST/Quarto/GitHub math blocks and Hugo-escaped Markdown whose
slips must stay refuted while code cells and their LaTeX outputs are ignored."""
from __future__ import annotations

import json

import pytest

from lintmath.config import Config
from lintmath.context import ContextItem, _item_key
from lintmath.extract.markdown import extract_markdown, extract_notebook
from lintmath.pipeline import check_documents


def _notebook(*cells: tuple[str, str] | tuple[str, str, str]) -> str:
    out = []
    for cell in cells:
        if cell[0] == "markdown":
            out.append({"cell_type": "markdown", "metadata": {}, "source": cell[1].splitlines(True)})
        else:
            outputs = [] if len(cell) < 3 else [{
                "output_type": "execute_result", "execution_count": 1, "metadata": {},
                "data": {"text/plain": ["expr"], "text/latex": [cell[2]]}}]
            out.append({"cell_type": "code", "execution_count": 1, "metadata": {},
                        "source": cell[1].splitlines(True), "outputs": outputs})
    return json.dumps({"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _statuses(doc) -> dict[str, str]:
    steps = check_documents([doc], [doc.path], Config(jobs=0, budget=2.0, seed=0))[0].steps
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in steps}


def _aligned(*rows: str) -> str:
    return "$$\n\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n$$"


MOVING_AVERAGE = _aligned(r"H(e^{j\Omega}) &= \frac{1}{3}\left(1 + e^{-j\Omega} + e^{-j2\Omega}\right)",
                          r"&= \frac{1}{3} e^{-j\Omega}\left(1 + 2\cos\Omega\right)")
ONE_POLE = "$$ H(z) = \\frac{1}{1 - 0.8 z^{-1}} $$"


@pytest.mark.parametrize("rhs, status", [
    (r"\frac{1}{(1 - 0.8 e^{-j\Omega})(1 - 0.8 e^{j\Omega})}", "verified"),
    (r"\frac{1}{1.64 - 1.6\cos\Omega}", "verified"),
    (r"\frac{1}{1.64 - 0.8\cos\Omega}", "refuted"),
])
def test_a_response_given_anew_as_h_of_z_replaces_the_one_defined_at_e_j_omega(rhs: str, status: str) -> None:
    # the moving average's H(e^{j\Omega}) of an earlier cell is the previous example's filter, not this one's
    text = _notebook(("markdown", MOVING_AVERAGE), ("code", "b, a = [1], [1, -0.8]"), ("markdown", ONE_POLE),
                     ("markdown", "$$ |H(e^{j\\Omega})|^2 = " + rhs + " $$"))
    statuses = _statuses(extract_notebook(text, "filters.ipynb"))
    assert statuses[f"|H(e^{{j\\Omega}})|^2 = {rhs}"] == status
    assert statuses[r"\frac{1}{3}\left(1 + e^{-j\Omega} + e^{-j2\Omega}\right) = "
                    r"\frac{1}{3} e^{-j\Omega}\left(1 + 2\cos\Omega\right)"] == "verified"


def test_a_function_of_a_variance_written_as_a_power_keeps_a_key_of_its_own() -> None:
    def item(lhs: str) -> ContextItem:
        return ContextItem("define", "N", lhs, "=", "0", "x:1", 1)
    assert _item_key(item(r"N(\mu, \sigma^2)")) != _item_key(item(r"N(\theta)"))
    assert _item_key(item(r"N(e^{j\omega})")) == _item_key(item("N(z)"))


def test_notebook_chains_verify_and_slips_stay_refuted_while_code_and_outputs_are_ignored() -> None:
    text = _notebook(
        ("markdown", "## Logistic loss\n" + _aligned(r"\frac{d}{dz}\log(1 + e^{z}) &= \frac{e^{z}}{1 + e^{z}}",
                                                      r"&= \frac{1}{1 + e^{-z}}")),
        ("code", "w = w - eta * grad  # w = 2 * w", r"$$\displaystyle 2 w - 6 = 2 w$$"),
        ("markdown", "- Newton step\n\n  $$\n  \\begin{aligned}\n  x - \\frac{x^3 - 1}{3x^2} &= \\frac{2x^3 - 1}{3x^2}\n"
                     "  \\end{aligned}\n  $$"),
        ("markdown", "> $$\n> \\begin{aligned}\n> \\frac{d}{dt}\\left(t e^{-t}\\right) &= (1 - t)e^{-t}\n"
                     "> \\end{aligned}\n> $$"),
    )
    statuses = _statuses(extract_notebook(text, "ml.ipynb"))
    assert statuses[r"\frac{d}{dz}\log(1 + e^{z}) = \frac{e^{z}}{1 + e^{z}}"] == "verified"
    assert statuses[r"\frac{e^{z}}{1 + e^{z}} = \frac{1}{1 + e^{-z}}"] == "verified"
    assert statuses[r"x - \frac{x^3 - 1}{3x^2} = \frac{2x^3 - 1}{3x^2}"] == "refuted"
    assert statuses[r"\frac{d}{dt}\left(t e^{-t}\right) = (1 - t)e^{-t}"] == "verified"
    assert not any("2 w" in key for key in statuses)  # the code cell's output is no step of the notes


@pytest.mark.parametrize("block, lhs, good, slip", [
    ("```{{math}}\n:label: eq-a\n{0}\n```", r"\int_0^2 x^3 \, dx", "4", "8"),
    ("$$\n{0}\n$$ {{#eq-pf}}", r"\frac{1}{(s+1)(s+2)}", r"\frac{1}{s+1} - \frac{1}{s+2}",
     r"\frac{1}{s+1} + \frac{1}{s+2}"),
    ("```math\n{0}\n```", r"\frac{d}{dx}\arctan x", r"\frac{1}{1+x^2}", r"\frac{1}{1-x^2}"),
])
def test_markdown_math_blocks_verify_the_step_and_refute_its_slip(block: str, lhs: str, good: str, slip: str) -> None:
    text = "---\ntitle: notes\n---\n\n" + block.format(
        "\\begin{aligned}\n" + f"{lhs} &= {good} \\\\\n&= {slip}\n" + "\\end{aligned}") + "\n"
    statuses = _statuses(extract_markdown(text, "notes.md"))
    assert statuses[f"{lhs} = {good}"] == "verified"
    assert statuses[f"{good} = {slip}"] == "refuted"


def test_hugo_escaped_rows_and_subscripts_read_as_one_chain() -> None:
    text = ("+++\ntitle = \"Entropy\"\n+++\n\n$$\n\\begin{aligned}\n"
            "-\\sum\\_{i=1}^{4} \\frac{1}{4} \\log\\_2 \\frac{1}{4} &= \\log\\_2 4 \\\\\\\\\n&= 2 \\\\\\\\\n&= 3\n"
            "\\end{aligned}\n$$\n")
    statuses = _statuses(extract_markdown(text, "entropy.md"))
    # (the unescaped \\_ leaves a space behind the command in the stripped text)
    assert statuses[r"\log _2 4 = 2"] == "verified"
    assert statuses["2 = 3"] == "refuted"


@pytest.mark.parametrize("rhs, status", [
    (r"\frac{e^{j\Omega}}{e^{j\Omega} - 0.5}", "verified"),
    (r"\frac{1}{1 - 0.5 e^{j\Omega}}", "refuted"),
])
def test_a_response_at_e_j_omega_below_h_of_z_is_still_a_claim_about_it(rhs: str, status: str) -> None:
    text = _notebook(("markdown", "$$ H(z) = \\frac{1}{1 - 0.5 z^{-1}} $$"), ("code", "import scipy.signal"),
                     ("markdown", "$$ H(e^{j\\Omega}) = " + rhs + " $$"),
                     ("markdown", "$$\n\\begin{aligned}\nH(1) &= \\frac{1}{1 - 0.5} \\\\\n&= 2\n\\end{aligned}\n$$"))
    statuses = _statuses(extract_notebook(text, "iir.ipynb"))
    assert statuses[f"H(e^{{j\\Omega}}) = {rhs}"] == status
    assert statuses[r"H(1) = \frac{1}{1 - 0.5}"] == "verified"


def test_a_chain_written_one_dollar_display_per_row_reads_as_one_chain() -> None:
    cell = ("$$ (x+1)^2 = x^2 + 2x + 1 $$\n$$ = x(x+2) + 1 $$\n\n$$ = x^2 + 2x + 2 $$\n\n"
            "Now the derivative.\n\n$$ = 2x + 2 $$")
    statuses = _statuses(extract_notebook(_notebook(("markdown", cell)), "rows.ipynb"))
    assert statuses["(x+1)^2 = x^2 + 2x + 1"] == "verified"
    assert statuses["x^2 + 2x + 1 = x(x+2) + 1"] == "verified"
    assert statuses["x(x+2) + 1 = x^2 + 2x + 2"] == "refuted"
    # a sentence between them: the display below is no row of the chain above
    assert not any(key.endswith("= 2x + 2") for key in statuses)


def test_a_row_below_an_aligned_display_is_not_joined_to_it() -> None:
    text = "$$\n\\begin{aligned}\na &= b + 1 \\\\\n&= c\n\\end{aligned}\n$$\n$$ = d $$\n"
    doc = extract_markdown(text, "aligned.md")
    assert [(s.lhs.stripped, s.rhs.stripped) for d in doc.derivations for s in d.steps] == [("a", "b + 1"), ("b + 1", "c")]
