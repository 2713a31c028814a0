"""Wrong steps that verified (round 28's seventh hunt): a definition of an earlier example reused where the
prose gives the name anew as a generic function; "Boolean" of a program's value read as Boolean algebra;
a derivative that takes two functions of a product rule (or two coordinates of a path) with the constant
reading of one of them; gates or Pauli matrices that commute only when read as numbers. Each is left
unverified (never refuted); the correct steps beside them still verify."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.boolean import statements_of
from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _display(lhs: str, rhs: str) -> str:
    return "\\begin{align*}\n" + lhs + " &= " + rhs + "\n\\end{align*}\n\n"


# a generic function after a worked example

EXAMPLE = "In the first example let $f(x) = x^3$.\n\n" + _display("f'(x)", "3x^2")


@pytest.mark.parametrize("sentence", [
    "Now let $f$ be an arbitrary differentiable function.",
    "Now take any smooth $f$.",
    "For a general function $f$ the same need not hold.",
    "Let $f(x)$ be any continuous function on the line.",
])
def test_a_definition_of_an_example_ends_where_the_prose_makes_the_name_generic(sentence: str) -> None:
    statuses = _statuses(EXAMPLE + sentence + "\n\n" + _display("f(-x)", "-f(x)") + _display("f(2x)", "8 f(x)"))
    assert statuses["f'(x) = 3x^2"] == "verified"
    assert statuses["f(-x) = -f(x)"] == "unverified"
    assert statuses["f(2x) = 8 f(x)"] == "unverified"


@pytest.mark.parametrize("sentence", [
    "For any $x$, the function $f$ above is odd.",      # generality of x, not of f
    "The function $f$ is smooth.",
    "Let $g$ be an arbitrary differentiable function.",  # another name
])
def test_the_definition_stays_where_the_sentence_does_not_give_the_name_anew(sentence: str) -> None:
    statuses = _statuses(EXAMPLE + sentence + "\n\n" + _display("f(-x)", "-f(x)"))
    assert statuses["f(-x) = -f(x)"] == "verified"


def test_a_generic_function_still_takes_the_chain_rule() -> None:
    body = EXAMPLE + "Now let $f$ be an arbitrary differentiable function.\n\n" \
        + _display("\\frac{d}{dx} f(x^2)", "2x f'(x^2)")
    assert _statuses(body)["\\frac{d}{dx} f(x^2) = 2x f'(x^2)"] == "verified"


# "Boolean" as a type

@pytest.mark.parametrize("sentence", [
    "The function returns a Boolean value.",
    "Each entry of the mask is a Boolean.",
    "Let $X$ be a Boolean random variable.",
    "We index the array with a Boolean mask.",
])
def test_boolean_as_a_type_is_no_statement_of_boolean_algebra(sentence: str) -> None:
    assert statements_of([sentence]) == []
    statuses = _statuses(sentence + "\n\n" + _display("x + x", "x") + _display("x + xy", "x"))
    assert statuses["x + x = x"] == "refuted"
    assert statuses["x + xy = x"] != "verified"


@pytest.mark.parametrize("sentence", [
    "In this lecture on Boolean algebra we simplify expressions.",
    "A Boolean function of two inputs has four rows in its truth table.",
])
def test_boolean_algebra_is_still_read(sentence: str) -> None:
    assert statements_of([sentence])
    assert _statuses(sentence + "\n\n" + _display("x + xy", "x"))["x + xy = x"] == "verified"


# partners of a product rule

@pytest.mark.parametrize("lhs,rhs", [
    ("\\frac{d}{dx}(uv)", "u'v"),
    ("\\frac{d}{dx}(uv)", "uv'"),
    ("\\frac{\\partial (uv)}{\\partial x}", "u \\frac{\\partial v}{\\partial x}"),
    ("\\frac{d}{dx}(u + v)", "\\frac{du}{dx}"),
    ("\\frac{d}{dx}(fg)", "f\\frac{dg}{dx}"),
    ("\\frac{d}{dx}\\frac{u}{v}", "\\frac{u'}{v}"),
    ("\\frac{d}{dt}(r^2\\dot\\theta)", "r^2\\ddot\\theta"),
])
def test_one_function_of_a_product_rule_differentiated_alone_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert "constant" in verdict.reason


@pytest.mark.parametrize("lhs,rhs", [
    ("\\frac{d}{dx}(uv)", "u'v + uv'"),
    ("\\frac{d}{dx}\\frac{u}{v}", "\\frac{u'v - uv'}{v^2}"),
    ("[(fg)h]'", "(fg)'h + h'fg"),
    ("\\frac{d}{dt}(m\\dot x)", "m\\ddot x"),                 # a mass is a constant
    ("\\frac{\\partial}{\\partial x}(a v)", "a\\frac{\\partial v}{\\partial x}"),
    ("\\frac{d}{dt}(x\\dot y - y\\dot x)", "x\\ddot y - y\\ddot x"),
    ("\\frac{d}{dt}(r^2\\dot\\theta)", "2r\\dot r\\dot\\theta + r^2\\ddot\\theta"),
    ("\\frac{d}{dx}(u^2)", "2uu'"),
])
def test_the_full_rules_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


# gates that commute only as numbers

@pytest.mark.parametrize("lhs,rhs", [
    ("XZ", "ZX"),
    ("HX", "XH"),
    ("(X + Z)^2", "X^2 + 2XZ + Z^2"),
    ("\\sigma_x\\sigma_y", "\\sigma_y\\sigma_x"),
])
def test_gates_that_commute_only_as_numbers_are_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"


@pytest.mark.parametrize("lhs,rhs", [
    ("XY", "iZ"),
    ("\\sigma_x\\sigma_y", "i\\sigma_z"),
    ("XX", "X^2"),
    ("(A + B)^2", "A^2 + AB + BA + B^2"),  # no gate letters: as before (2AB holds only for commuting ones)
])
def test_gate_algebra_that_holds_still_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


# the metric with one index up and one down

@pytest.mark.parametrize("lhs,rhs", [
    ("\\eta^\\mu_\\nu p^\\nu q_\\mu", "p^0 q^0 + p^1 q^1 + p^2 q^2 + p^3 q^3"),  # a Euclidean sum
    ("\\eta^\\mu_\\mu", "-2"),
])
def test_a_mixed_metric_is_no_diagonal_of_signs(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


@pytest.mark.parametrize("lhs,rhs", [
    ("\\eta^\\mu_\\mu", "4"),
    ("\\eta^\\mu_\\nu p^\\nu q_\\mu", "p^\\mu q_\\mu"),
    ("\\eta^{\\mu\\nu}\\eta_{\\nu\\rho}", "\\eta^\\mu_\\rho"),
])
def test_a_mixed_metric_is_kroneckers_delta(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


# a letter applied at a point that moves with the order term's letter

@pytest.mark.parametrize("lhs,rhs", [
    ("g(x+h) - g(x)", "hg + O(h^2)"),          # holds of the product g(x + h) only
    ("f(x + h)", "f(x) + fh + O(h^2)"),
])
def test_a_bracket_after_a_letter_beside_an_order_term_is_not_taken_for_a_product(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


@pytest.mark.parametrize("lhs,rhs", [
    ("f(x + h)", "f(x) + hf'(x) + O(h^2)"),
    ("\\frac{f(x+h) - f(x-h)}{2h}", "f'(x) + O(h^2)"),
    ("e^{x+h}", "e^x + he^x + O(h^2)"),
    ("h(1 + h)", "h + O(h^2)"),
])
def test_expansions_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
