"""Signals and control notes: a function defined at an expression in one letter (H(j\\omega) = ...,
H(e^{j\\omega}) = ..., f(2x) = ...) binds that letter, so a call written in the same shape (H(j100),
H(e^{j0})) has the value put in; a call of another shape is left alone. Also j(1 + j) with j the stated
unit, a product (it crashed the unit's reading)."""
from __future__ import annotations

import pytest

from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents

UNIT = "Here $j$ is the imaginary unit, with $j^2 = -1$.\n\n"


def _chain(head: str, rows: list[str]) -> str:
    return "\\begin{align*}\n" + head + "\n\\end{align*}\nThen\n" + "".join(
        "\\begin{align*}\n" + row + "\n\\end{align*}\n" for row in rows)


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    """Each step's status and the message of its finding (empty without one)."""
    doc = "\\documentclass{article}\n\\begin{document}\n" + UNIT + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    messages = {(f.derivation, f.step): f.message for f in result.findings}
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}":
            (s.verdict.status.value, messages.get((s.derivation.index, s.step.index), "")) for s in result.steps}


LOW_PASS = "G(j\\nu) &= \\frac{4}{1 + j\\nu/50}"


@pytest.mark.parametrize("row", [
    "|G(j50)| &= \\frac{4}{|1 + j|}",
    "G(j0) &= 4",
    "G(j50) &= 2 - 2j",
    "|G(j\\nu)|^2 &= \\frac{16}{1 + \\nu^2/2500}",
    "20\\log_{10}|G(j0)| &= 20\\log_{10} 4",
    "G(j2\\pi) &= \\frac{4}{1 + j\\pi/25}",
    "G(j\\nu_c) &= \\frac{4}{1 + j\\nu_c/50}",
])
def test_a_call_of_the_same_shape_as_the_definition_verifies(row: str) -> None:
    verdicts = _verdicts(_chain(LOW_PASS, [row]))
    lhs, rhs = (side.strip() for side in row.split("&="))
    assert verdicts[f"{lhs} = {rhs}"][0] == "verified"


@pytest.mark.parametrize("row, wrong, right", [
    ("|G(j50)| &= \\frac{4}{\\sqrt{3}}", "3", "2"),
    ("G(j0) &= 2", "2", "4"),
    ("G(j50) &= \\frac{4}{1 - j}", "j", "flipped"),
])
def test_a_slip_at_a_call_of_the_same_shape_is_refuted_by_the_definition(row: str, wrong: str, right: str) -> None:
    verdicts = _verdicts(_chain(LOW_PASS, [row]))
    lhs, rhs = (side.strip() for side in row.split("&="))
    status, message = verdicts[f"{lhs} = {rhs}"]
    assert status == "refuted"
    assert "as defined" in message and wrong in message and right in message


def test_a_discrete_time_response_is_put_in_at_another_frequency() -> None:
    verdicts = _verdicts(_chain("Q(e^{j\\theta}) &= \\frac{1}{1 - 0.25e^{-j\\theta}}",
                                ["Q(e^{j0}) &= \\frac{4}{3}", "Q(e^{j\\pi}) &= \\frac{4}{5}", "Q(e^{j0}) &= \\frac{4}{5}"]))
    assert verdicts["Q(e^{j0}) = \\frac{4}{3}"][0] == "verified"
    assert verdicts["Q(e^{j\\pi}) = \\frac{4}{5}"][0] == "verified"
    assert verdicts["Q(e^{j0}) = \\frac{4}{5}"][0] == "refuted"


def test_a_call_of_another_shape_is_left_alone() -> None:
    # G(s) and G(e^{j\pi/2}) write no j\nu: what G is there is not said, so nothing can be refuted
    verdicts = _verdicts(_chain(LOW_PASS, ["G(s) &= \\frac{4}{1 + s}", "G(3) &= 1"]))
    assert verdicts["G(s) = \\frac{4}{1 + s}"][0] != "refuted"
    assert verdicts["G(3) = 1"][0] != "refuted"


@pytest.mark.parametrize("head, good, slip", [
    ("f(2x) &= 4x^2 + 2x", "f(2\\cdot 3) &= 42", "f(2\\cdot 3) &= 40"),
    ("g(x + 1) &= x^2", "2g(y + 1) &= 2y^2", "2g(y + 1) &= 2(y + 1)^2"),
])
def test_an_argument_in_one_letter_binds_it_outside_signals(head: str, good: str, slip: str) -> None:
    verdicts = _verdicts(_chain(head, [good, slip]))
    key = lambda row: " = ".join(side.strip() for side in row.split("&="))  # noqa: E731
    assert verdicts[key(good)][0] == "verified"
    assert verdicts[key(slip)][0] == "refuted"


def test_a_claim_about_a_function_already_defined_is_checked_not_taken_as_its_definition() -> None:
    verdicts = _verdicts(_chain("f(x) &= x^2", ["f(2x) &= 4x^2", "f(2x) &= 2x^2"]))
    assert verdicts["f(2x) = 4x^2"][0] == "verified"
    assert verdicts["f(2x) = 2x^2"][0] == "refuted"


def test_two_letters_beside_the_unit_bind_nothing() -> None:
    # F(at) = ...: which of a, t is the variable is a guess, so F(2t) is never put in
    verdicts = _verdicts(_chain("F(at) &= a^2t", ["3F(2t) &= 12t", "3F(2t) &= 24t"]))
    assert verdicts["3F(2t) = 12t"][0] != "refuted"
    assert verdicts["3F(2t) = 24t"][0] not in ("refuted", "verified")


def test_the_next_example_may_define_its_response_anew() -> None:
    # a second filter's H(j\omega) is its definition, as H(s) = ... would be, never a claim about the first
    verdicts = _verdicts(_chain("H(j\\nu) &= \\frac{1}{1 + j\\nu}", []) + "For a second filter,\n"
                         + _chain("H(j\\nu) &= \\frac{1}{(1 + j\\nu)^2}", ["H(j1) &= \\frac{1}{2j}", "2H(j1) &= \\frac{2}{1 + j}"]))
    assert verdicts["H(j\\nu) = \\frac{1}{(1 + j\\nu)^2}"][0] != "refuted"
    assert verdicts["H(j1) = \\frac{1}{2j}"][0] == "verified"
    assert verdicts["2H(j1) = \\frac{2}{1 + j}"][0] == "refuted"  # the first filter's value


def test_a_response_of_a_transfer_function_defined_in_s_is_a_claim_about_it() -> None:
    verdicts = _verdicts(_chain("L(s) &= \\frac{2}{1 + s}", []) + "On the imaginary axis,\n"
                         + _chain("L(j\\nu) &= \\frac{2}{1 + j\\nu}", []) + _chain("L(j\\nu) &= \\frac{2}{1 - j\\nu}", []))
    assert verdicts["L(j\\nu) = \\frac{2}{1 + j\\nu}"][0] == "verified"
    assert verdicts["L(j\\nu) = \\frac{2}{1 - j\\nu}"][0] == "refuted"


def test_the_unit_applied_to_a_bracket_is_a_product() -> None:
    body = "The plant is $P(s) = \\frac{1}{s(1 + s)}$.\n\n" + _chain("P(j1) &= \\frac{1}{j(1 + j)}", [])
    verdicts = _verdicts(body)
    assert verdicts["P(j1) = \\frac{1}{j(1 + j)}"][0] == "verified"


def test_a_product_with_the_unit_decides_a_slip_too() -> None:
    verdicts = _verdicts(_chain("P(j\\nu) &= \\frac{1}{j\\nu(1 + j\\nu)}",
                                ["P(j1) &= \\frac{1}{j(1 - j)}", "P(j1) &= -\\frac{1 + j}{2}"]))
    assert verdicts["P(j1) = \\frac{1}{j(1 - j)}"][0] == "refuted"
    assert verdicts["P(j1) = -\\frac{1 + j}{2}"][0] == "verified"


def test_a_frequency_written_as_a_fraction_is_put_in() -> None:
    # j\pi/T and e^{j2\pi/3}: the letter's place holds \pi/T, 2\pi/3 (the product divided)
    verdicts = _verdicts(_chain("D(j\\nu) &= e^{-j\\nu T}", ["D(j\\pi/T) &= -1", "2D(j\\pi/T) &= 2"])
                         + _chain("M(e^{j\\theta}) &= 1 + e^{-j\\theta} + e^{-j2\\theta}",
                                  ["M(e^{j2\\pi/3}) &= 0", "2M(e^{j2\\pi/3}) &= 2 + 4e^{-j2\\pi/3}"]))
    assert verdicts["D(j\\pi/T) = -1"][0] == "verified"
    assert verdicts["2D(j\\pi/T) = 2"][0] == "refuted"
    assert verdicts["M(e^{j2\\pi/3}) = 0"][0] == "verified"
    assert verdicts["2M(e^{j2\\pi/3}) = 2 + 4e^{-j2\\pi/3}"][0] == "refuted"
