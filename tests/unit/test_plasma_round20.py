"""Plasma physics notes: a partial-derivative macro given a script as its argument (\\pd{^2 n}{t^2}),
frequencies labelled by two letters that share one (\\omega_{ce}, \\omega_{pe}: no Einstein sum), and
an initial value v_x(0) stated in the prose, which is no product with 0."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents

PREAMBLE = "\\documentclass{article}\n\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}\n"


def run(body: str):
    text = PREAMBLE + "\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_documents([extract_text(text, "t.tex")], ["t.tex"], Config(jobs=0, budget=4.0, seed=0))[0]


def statuses(result) -> list[str]:
    return [s.verdict.status.value for s in result.steps]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\pd{^2}{z^2}\left(a e^{iqz}\right)", r"-q^2 a e^{iqz}"),
    (r"\pd{^2 u}{s^2}", r"\pd{}{s}\pd{u}{s}"),
    (r"\pd{^2}{t^2}\left(\cos(\Omega t)\right)", r"-\Omega^2\cos(\Omega t)"),
])
def test_a_macro_argument_that_opens_with_a_script_attaches_it(lhs, rhs):
    result = run(f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}")
    assert statuses(result) == ["verified"]


def test_a_slip_behind_a_script_argument_is_caught():
    result = run("\\begin{align*}\n\\pd{^2}{z^2}\\left(a e^{iqz}\\right) &= q^2 a e^{iqz}\n\\end{align*}")
    assert statuses(result) == ["refuted"]
    assert [f.rule for f in result.findings] == ["LM101"]


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{(\Omega_{cs}^2 + 4\Omega_{ps}^2) - \Omega_{cs}^2}{4}", r"\Omega_{ps}^2", "verified"),
    (r"\frac{(\Omega_{cs}^2 + 4\Omega_{ps}^2) - \Omega_{cs}^2}{4}", r"2\Omega_{ps}^2", "refuted"),
    (r"\nu_{ei}^2 + \nu_{ii}^2 - \nu_{ei}^2", r"2\nu_{ii}^2", "refuted"),
])
def test_labels_sharing_a_letter_across_terms_are_not_summed(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


@pytest.mark.parametrize("lhs, rhs", [
    (r"M_{ab} y_b", r"(My)_a"),                      # contracted within one product: Einstein's sum
    (r"P_{ab} y_b + Q_{ab} y_b", r"((P + Q)y)_a"),  # within each term
])
def test_an_index_repeated_within_a_product_still_reads_as_einstein(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "Einstein" in verdict.reason


def test_an_initial_value_in_the_prose_rescues_no_slip():
    body = ("Starting from $w_y(0) = a$ the orbit is a circle.\n"
            "\\begin{align*}\n"
            "a^2\\cos^2(\\Omega t) + a^2\\sin^2(\\Omega t) &= a^2\\left(\\cos^2(\\Omega t) - \\sin^2(\\Omega t)\\right)\n"
            "\\end{align*}")
    result = run(body)
    assert statuses(result) == ["refuted"]
    assert [f.rule for f in result.findings] == ["LM101"]


def test_the_correct_step_beside_an_initial_value_verifies():
    body = ("Starting from $w_y(0) = a$ the orbit is a circle.\n"
            "\\begin{align*}\n"
            "a^2\\cos^2(\\Omega t) + a^2\\sin^2(\\Omega t) &= a^2\n"
            "\\end{align*}")
    assert statuses(run(body)) == ["verified"]


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"w_y(0) + 1", r"1 + w_y(0)", "verified"),
    (r"2\,g_x(0)", r"g_x(0) + g_x(0)", "verified"),
])
def test_a_value_at_zero_is_a_value(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status.value == expected


def test_a_value_at_zero_is_not_zero():
    # read as a product w_y \cdot 0 both sides would vanish; as a value it is any number
    assert check_step(r"a\,w_y(0)", r"0", "=").status.value != "verified"
