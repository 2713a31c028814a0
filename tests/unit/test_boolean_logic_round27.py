"""Boolean algebra in notes on digital logic: + is OR, juxtaposition or \\cdot is AND, a bar, an overline or
a prime is NOT, \\oplus is XOR. Identities false of numbers (x + xy = x, x + \\bar x = 1) are checked on
every 0/1 assignment where the prose speaks of Boolean algebra, and only there."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import boolean

LOGIC = "In Boolean algebra we write $x + y$ for OR, $xy$ for AND and $\\bar x$ for the complement.\n\n"


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _results(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


def _statuses(body: str) -> dict[str, str]:
    return {key: value[0] for key, value in _results(body).items()}


@pytest.mark.parametrize("lhs, rhs", [
    ("a + ab", "a"),
    ("a + \\bar{a}", "1"),
    ("a\\bar{a}", "0"),
    ("a + a", "a"),
    ("a + 1", "1"),
    ("\\overline{a + b}", "\\bar{a}\\,\\bar{b}"),
    ("\\overline{abc}", "\\bar{a} + \\bar{b} + \\bar{c}"),
    ("ab + \\bar{a}c + bc", "ab + \\bar{a}c"),
    ("a + bc", "(a + b)(a + c)"),
    ("a \\oplus b", "a\\bar{b} + \\bar{a}b"),
    ("\\overline{a \\oplus b}", "ab + \\bar{a}\\bar{b}"),
    ("a + a'b", "a + b"),
    ("(ab)'", "a' + b'"),
    ("\\neg(p \\lor q)", "\\neg p \\land \\neg q"),
    ("x_1 + \\bar{x}_1 x_2", "x_1 + x_2"),
    ("AB + C_{in}(A \\oplus B)", "AB + AC_{in} + BC_{in}"),
    ("\\overline{\\overline{a}\\,\\overline{b}}", "a + b"),
])
def test_identities_of_boolean_algebra_verify_in_a_passage_on_logic(lhs: str, rhs: str) -> None:
    status, reason = _results(LOGIC + _chain(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"]
    assert status == "verified"
    assert "Boolean" in reason


def test_a_chain_of_minimisation_verifies_row_by_row() -> None:
    rows = ("\\bar{A}\\bar{B}C + \\bar{A}BC + A\\bar{B}C + ABC &= \\bar{A}C(\\bar{B} + B) + AC(\\bar{B} + B)",
            "&= \\bar{A}C + AC", "&= C")
    statuses = _statuses("We minimise the function read off the truth table.\n\n" + _chain(*rows))
    assert list(statuses.values()) == ["verified"] * 3


@pytest.mark.parametrize("lhs, rhs", [
    ("a + \\bar{a}", "0"),
    ("\\overline{a + b}", "\\bar{a} + \\bar{b}"),
    ("\\overline{ab}", "\\bar{a}\\bar{b}"),
    ("a \\oplus a", "1"),
    ("a + \\bar{a}b", "a + \\bar{b}"),
    ("(a + b)(a + \\bar{b})", "b"),
    ("\\neg(p \\land q)", "\\neg p \\land \\neg q"),
])
def test_slips_of_boolean_algebra_are_refuted_at_a_zero_one_assignment(lhs: str, rhs: str) -> None:
    step = next(s for s in checked_steps(LOGIC + _chain(f"{lhs} &= {rhs}")))
    assert step.verdict.status.value == "refuted"
    assert step.verdict.counterexample and all(value in ("0", "1") for _, value in step.verdict.counterexample)


def test_a_consensus_term_dropped_is_named() -> None:
    step = checked_steps(LOGIC + _chain("xy + \\bar{x}z + yz &= xy + yz"))[0]
    assert step.verdict.status.value == "refuted"
    assert step.verdict.diagnosis is not None and step.verdict.diagnosis.kind == "dropped_term"
    assert step.verdict.diagnosis.term == "\\bar{x}z"


def test_a_minimisation_that_lost_a_product_names_the_missing_one() -> None:
    step = checked_steps(LOGIC + _chain("\\bar{a}bc + a\\bar{b}c + ab\\bar{c} + abc &= ab + bc"))[0]
    assert step.verdict.status.value == "refuted"
    assert step.verdict.diagnosis is not None and step.verdict.diagnosis.suggestion == "ab + bc + ac"


def test_a_wrong_collapse_to_one_term_is_refuted_without_a_dropped_term() -> None:
    step = checked_steps(LOGIC + _chain("x + xy &= x(1 + y)", "&= y"))[1]
    assert step.verdict.status.value == "refuted"
    assert step.verdict.diagnosis is None


def test_outside_a_passage_on_logic_the_sum_is_arithmetic() -> None:
    statuses = _statuses("Expand and simplify.\n\n" + _chain("x + x &= 2x") + _chain("x(1 + y) &= x + xy", "&= x"))
    assert statuses["x + x = 2x"] == "verified"
    assert statuses["x + xy = x"] == "refuted"


def test_numbers_beside_logic_stay_arithmetic() -> None:
    body = "A truth table with $n$ inputs has $2^n$ rows.\n\n" + _chain("2^3 &= 6") + _chain("2^n + 2^n &= 2^{n+1}")
    statuses = _statuses(body)
    assert statuses["2^3 = 6"] == "refuted"
    assert statuses["2^n + 2^n = 2^{n+1}"] == "verified"


def test_a_name_the_line_defines_is_no_slip() -> None:
    body = "A half adder adds two bits; from its truth table\n\n" + _chain("s &= a \\oplus b") + _chain("c &= ab")
    assert "refuted" not in _statuses(body).values()


def test_an_equation_of_letters_without_a_connective_is_not_refuted_as_logic() -> None:
    # p + q = 1 may be an equation of probabilities beside a truth table: both readings must refute it
    body = "From the truth table, the probabilities of the two outcomes satisfy\n\n" + _chain("p + q &= 1")
    assert _statuses(body)["p + q = 1"] != "refuted"


def test_a_function_applied_is_not_read_as_a_product() -> None:
    body = "By the truth table of the events and the complement rule,\n\n" + _chain("P(A) + P(\\bar{A}) &= 1")
    assert _statuses(body)["P(A) + P(\\bar{A}) = 1"] != "refuted"


def test_a_code_modulo_two_is_not_read_as_or() -> None:
    body = "Parity is computed modulo 2, the XOR of the data bits:\n\n" + _chain("d + d &= 0")
    assert _statuses(body)["d + d = 0"] != "refuted"


@pytest.mark.parametrize("text", ["x^2", "x - y", "2x", "F(a, b)", "f(x)", "a + b \\oplus c", "\\overline{ab}_1"])
def test_what_logic_does_not_write_is_not_read(text: str) -> None:
    assert boolean.read(text) is None


def test_words_of_logic_state_a_passage() -> None:
    lines = ["Some calculus first.", "", "The NAND gate is universal.", "", "A Karnaugh map groups minterms."]
    assert [line for line, _, _ in boolean.statements_of(lines)] == [3, 5]
    assert boolean.statements_of(["This is a gate to the quantum world; or not, and so on."]) == []
