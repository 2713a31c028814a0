"""Game theory and microeconomics notes: the derivative f'(b) of a value written as a bracket times factors
((v - b) \\cdot 2b, an expected payoff), the partial derivatives of a function of several variables written
by its bare name (\\partial u/\\partial x with u(x, y) defined, a Lagrangian, a production function), and the
indifference condition solved for a root named with a star (2q = 1 - q over q^* = 1/3)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _reasons(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.reason for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


# --- a prime on a defined function whose value is a bracket times more factors -------------------------

@pytest.mark.parametrize("definition, derivative, rhs", [
    ("U(b) &= (v - b)\\cdot 2b", "U'(b)", "2v - 4b"),
    ("g(x) &= (1 - x)\\cdot 3x^2", "g'(x)", "6x - 9x^2"),
    ("R(p) &= (a - p)\\cdot p", "R'(p)", "a - 2p"),
    ("U(b) &= (v - b)\\cdot 2b", "U''(b)", "-4"),
])
def test_the_derivative_of_a_defined_product_is_of_the_whole_value(definition: str, derivative: str,
                                                                    rhs: str) -> None:
    # (before: the value put in unbracketed read as d/db (v - b) times 2b, and 2v - 4b was refuted)
    body = "A bid $b$ wins with probability $2b$, so\n" + _align(definition) + "and\n" \
        + _align(f"{derivative} &= {rhs}")
    assert _statuses(body)[f"{derivative} = {rhs}"] == "verified"


def test_a_slip_in_the_derivative_of_a_defined_product_is_refuted() -> None:
    body = "A bid $b$ wins with probability $2b$, so\n" + _align("U(b) &= (v - b)\\cdot 2b") + "and\n" \
        + _align("U'(b) &= 2v - 2b")
    assert _statuses(body)["U'(b) = 2v - 2b"] == "refuted"


# --- partial derivatives of a function of several variables written by its bare name ------------------

PRODUCTION = "For the Cobb--Douglas technology\n" + _align("F(K, L) &= AK^{\\alpha}L^{\\beta}") + "we have\n"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{\\partial F}{\\partial L}", "\\beta AK^{\\alpha}L^{\\beta - 1}"),
    ("\\frac{\\partial F}{\\partial K}", "\\alpha AK^{\\alpha - 1}L^{\\beta}"),
    ("\\frac{\\partial^2 F}{\\partial K\\,\\partial L}", "\\alpha\\beta AK^{\\alpha - 1}L^{\\beta - 1}"),
    ("\\frac{\\partial^2 F}{\\partial L^2}", "\\beta(\\beta - 1)AK^{\\alpha}L^{\\beta - 2}"),
    ("K\\frac{\\partial F}{\\partial K} + L\\frac{\\partial F}{\\partial L}",
     "(\\alpha + \\beta)AK^{\\alpha}L^{\\beta}"),
    ("\\frac{\\partial F/\\partial L}{\\partial F/\\partial K}", "\\frac{\\beta K}{\\alpha L}"),
])
def test_a_partial_derivative_of_a_bare_function_name_is_read(lhs: str, rhs: str) -> None:
    assert _statuses(PRODUCTION + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{\\partial F}{\\partial K}", "\\alpha AK^{\\alpha}L^{\\beta}"),
    ("\\frac{\\partial F}{\\partial L}", "\\beta AK^{\\alpha}L^{\\beta}"),
    ("\\frac{\\partial^2 F}{\\partial L^2}", "\\beta^2 AK^{\\alpha}L^{\\beta - 2}"),
    ("K\\frac{\\partial F}{\\partial K} + L\\frac{\\partial F}{\\partial L}", "\\alpha\\beta AK^{\\alpha}L^{\\beta}"),
])
def test_a_slip_in_a_partial_derivative_of_a_bare_name_is_refuted(lhs: str, rhs: str) -> None:
    assert _statuses(PRODUCTION + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # a total derivative may let K move with L (along an isoquant): no partial sign, no reading
    ("\\frac{dF}{dL}", "\\beta AK^{\\alpha}L^{\\beta - 1}"),
    # A is no variable of F(K, L): a parameter the derivative is not taken by
    ("\\frac{\\partial F}{\\partial A}", "K^{\\alpha}L^{\\beta}"),
])
def test_no_reading_beyond_the_functions_own_partial_derivatives(lhs: str, rhs: str) -> None:
    assert _statuses(PRODUCTION + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "unverified"


def test_the_lagrangian_of_a_budget_problem() -> None:
    body = ("A consumer with $0 < a < 1$ faces prices $p_x, p_y > 0$ and income $m$. The Lagrangian is\n"
            + _align("\\mathcal{L}(x, y, \\lambda) &= x^{a}y^{1-a} + \\lambda(m - p_x x - p_y y)")
            + "with first-order conditions\n"
            + _align("\\frac{\\partial \\mathcal{L}}{\\partial x} &= a x^{a-1}y^{1-a} - \\lambda p_x")
            + _align("\\frac{\\partial \\mathcal{L}}{\\partial y} &= (1-a)x^{a}y^{-a} + \\lambda p_y"))
    statuses = _statuses(body)
    assert statuses["\\frac{\\partial \\mathcal{L}}{\\partial x} = a x^{a-1}y^{1-a} - \\lambda p_x"] == "verified"
    assert statuses["\\frac{\\partial \\mathcal{L}}{\\partial y} = (1-a)x^{a}y^{-a} + \\lambda p_y"] == "refuted"


def test_a_later_value_of_the_bare_name_is_what_it_stands_for() -> None:
    # the general Lagrangian of one example, then a numeric one given to the bare name: the bare name is the latter
    body = ("The Lagrangian is\n" + _align("\\mathcal{L}(x, y, \\lambda) &= x^{a}y^{1-a} + \\lambda(m - p_x x - p_y y)")
            + "For $p_x = 2$, $p_y = 4$ and $m = 40$,\n" + _align("\\mathcal{L} &= xy + \\lambda(40 - 2x - 4y)")
            + "so\n" + _align("\\frac{\\partial\\mathcal{L}}{\\partial x} &= y - 2\\lambda"))
    assert _statuses(body)["\\frac{\\partial\\mathcal{L}}{\\partial x} = y - 2\\lambda"] == "verified"


@pytest.mark.parametrize("definition, lhs, rhs", [
    ("u(x,y) = a\\ln x + (1-a)\\ln y", "\\frac{\\partial u}{\\partial x}", "\\frac{a}{x}"),
    ("u(x,y) = x^{a}y^{1-a}", "\\frac{\\partial u/\\partial x}{\\partial u/\\partial y}",
     "\\frac{a x^{a-1}y^{1-a}}{(1-a)x^{a}y^{-a}}"),
    ("u(x,y) = (x^{\\rho} + y^{\\rho})^{1/\\rho}", "\\frac{\\partial u}{\\partial x}",
     "(x^{\\rho} + y^{\\rho})^{1/\\rho - 1}x^{\\rho - 1}"),
])
def test_a_utility_function_given_in_the_prose(definition: str, lhs: str, rhs: str) -> None:
    body = f"The consumer's utility is ${definition}$, so\n" + _align(f"{lhs} &= {rhs}")
    assert _statuses(body)[f"{lhs} = {rhs}"] == "verified"


# --- an indifference condition solved for a root named with a star ------------------------------------

def test_a_row_solving_for_a_starred_root_makes_the_row_above_an_equation() -> None:
    body = "Player 2 goes to the opera with probability $q$, and player 1 is indifferent at\n" \
        + _align("2q &= 1 - q", "q^* &= \\frac{1}{3}")
    assert _statuses(body)["2q = 1 - q"] == "unverified"


def test_a_starred_root_that_does_not_solve_the_equation_is_no_excuse() -> None:
    body = "Player 2 goes to the opera with probability $q$, and player 1 is indifferent at\n" \
        + _align("2q &= 1 + q", "q^* &= \\frac{1}{3}")
    assert _statuses(body)["2q = 1 + q"] == "refuted"


@pytest.mark.parametrize("words", [
    "Setting the two payoffs equal gives the indifference condition",
    "Setting the two expected payoffs equal,",
    "The first-order condition is",
    "Equating the two payoffs gives",
])
def test_an_equation_the_prose_names_a_condition_is_not_refuted(words: str) -> None:
    body = "Player 2 plays $L$ with probability $q$.\n" + words + "\n" + _align("1 + 3q &= 3 - q")
    reasons = _reasons(body)
    assert "condition" in reasons["1 + 3q = 3 - q"]
    assert _statuses(body)["1 + 3q = 3 - q"] == "unverified"


def test_a_wrong_root_below_the_named_condition_keeps_it_refuted() -> None:
    # the rows beside it decide, not the words: 2q = 1 - q over q^* = 1/2 is a slip in solving
    body = "Setting the two payoffs equal gives the indifference condition\n" \
        + _align("2q &= 1 - q", "q^* &= \\frac{1}{2}")
    assert _statuses(body)["2q = 1 - q"] == "refuted"


def test_a_chain_after_the_condition_words_is_still_checked() -> None:
    # only a lone relation is a condition: the rows of a chain after the words are still claims
    body = "The indifference condition is\n" + _align("4q + (1 - q) &= 4q + 1 - q", "&= 1 + 4q")
    assert _statuses(body)["4q + 1 - q = 1 + 4q"] == "refuted"


# --- what already works in the field and must stay so ------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"4pq + p(1-q) + 2(1-p)q + 3(1-p)(1-q)", r"4pq - 2p - q + 3"),
    (r"pq - p(1-q) - (1-p)q + (1-p)(1-q)", r"(2p-1)(2q-1)"),
    (r"p\,\frac{V-C}{2} + (1-p)V", r"V - \frac{p(V+C)}{2}"),
    (r"\left(a - bq_1 - b\,\frac{a - c - bq_1}{2b} - c\right)q_1", r"\frac{(a - c - bq_1)\,q_1}{2}"),
    (r"\sum_{t=0}^{\infty}\delta^{2t}", r"\frac{1}{1-\delta^2}"),
    (r"\frac{3}{1-\delta} - 5 - \frac{\delta}{1-\delta}", r"\frac{4\delta - 2}{1-\delta}"),
    (r"1 - \delta_2\left(1 - \delta_1\frac{1-\delta_2}{1-\delta_1\delta_2}\right)",
     r"\frac{1-\delta_2}{1-\delta_1\delta_2}"),
    (r"\int_{(a-c)/(2b)}^{(a-c)/b}(a - bQ - c)\,dQ", r"\frac{(a-c)^2}{8b}"),
    (r"\int_0^1 v\cdot 2(1 - v)\,dv", r"\frac{1}{3}"),
    (r"\frac{d}{dx}\ln\left(x^{\alpha}(1-x)^{1-\alpha}\right)", r"\frac{\alpha - x}{x(1-x)}"),
])
def test_field_steps_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"p\,\frac{V-C}{2} + (1-p)V", r"V - \frac{p(V-C)}{2}", "sign"),
    (r"\sum_{t=0}^{T-1}\delta^t", r"\frac{1-\delta^{T+1}}{1-\delta}", "exponent"),
    (r"\sum_{t=0}^{\infty}\delta^{2t}", r"\frac{1}{1-\delta}", "exponent"),
    (r"\frac{a x^{a-1}y^{1-a}}{(1-a)x^{a}y^{-a}}", r"\frac{a}{1-a}\cdot\frac{x}{y}", "reciprocal"),
    (r"\frac{a-c}{3}\cdot\frac{a-c}{3b}", r"\frac{(a-c)^2}{3b}", "arithmetic"),
    (r"\frac{d}{dL}\left(p\sqrt{L} - wL\right)", r"\frac{p}{\sqrt{L}} - w", "factor"),
    (r"\int_0^{30}(100 - 2Q - 40)\,dQ", r"\left[60Q - 2Q^2\right]_0^{30}", "factor"),
])
def test_field_slips_are_refuted_with_their_diagnosis(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and kind in (verdict.diagnosis.kind + " " + verdict.diagnosis.detail).lower()


# --- functions of variables written with a fixed subscript: pi_1(q_1, q_2), v(p_x, p_y, m) ---------------

COURNOT = "Firm 1's profit is\n" + _align("\\pi_1(q_1, q_2) &= (a - b(q_1 + q_2) - c)q_1") + "so\n"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\frac{\\partial \\pi_1}{\\partial q_1}", "a - c - 2bq_1 - bq_2", "verified"),
    ("\\frac{\\partial \\pi_1}{\\partial q_2}", "-bq_1", "verified"),
    ("\\pi_1(1, 2)", "a - 3b - c", "verified"),
    ("\\frac{\\partial \\pi_1}{\\partial q_1}", "a - c - 2bq_1 - 2bq_2", "refuted"),
    ("\\pi_1(1, 2)", "a - 2b - c", "refuted"),
    # pi_2 is the other firm's profit, which the display does not give
    ("\\frac{\\partial \\pi_2}{\\partial q_2}", "a - c - 2bq_2 - bq_1", "unverified"),
])
def test_a_function_of_subscripted_variables_is_a_definition(lhs: str, rhs: str, status: str) -> None:
    statuses = _statuses(COURNOT + _align(f"{lhs} &= {rhs}"))
    assert statuses["\\pi_1(q_1, q_2) = (a - b(q_1 + q_2) - c)q_1"] == "skipped"  # a definition
    assert statuses[f"{lhs} = {rhs}"] == status


def test_indirect_utility_of_prices_written_with_subscripts() -> None:
    body = ("The indirect utility function is\n" + _align("v(p_x, p_y, m) &= \\frac{m^2}{4p_xp_y}")
            + "so that\n" + _align("\\frac{\\partial v}{\\partial m} &= \\frac{m}{2p_xp_y}")
            + _align("v(1, 4, 8) &= 4") + _align("\\frac{\\partial v}{\\partial p_y} &= -\\frac{m^2}{4p_xp_y}"))
    statuses = _statuses(body)
    assert statuses["\\frac{\\partial v}{\\partial m} = \\frac{m}{2p_xp_y}"] == "verified"
    # (a derivative by p_x itself is still a domain question: p_x and p_y read as entries p_i of one family
    # may coincide)
    assert statuses["v(1, 4, 8) = 4"] == "verified"
    assert statuses["\\frac{\\partial v}{\\partial p_y} = -\\frac{m^2}{4p_xp_y}"] == "refuted"


def test_a_later_function_of_the_same_letter_is_still_a_definition() -> None:
    # pi_1(q_1, q_2) writes q_1, q_2 as its variables, not as constants at which a later pi(q) is evaluated
    body = COURNOT + "A monopolist earns\n" + _align("\\pi(q) &= (a - bq)q - cq") + _align("\\pi'(q) &= a - 2bq - c")
    assert _statuses(body)["\\pi'(q) = a - 2bq - c"] == "verified"


@pytest.mark.parametrize("definition, step", [
    # a member x_i of a family is no variable of a function: its index is shared with the other letters
    ("\\ell(y_i) &= (y_i - \\hat y_i)^2", "\\ell(y_j) &= (y_j - \\hat y_i)^2"),
])
def test_a_member_of_a_family_is_no_function_argument(definition: str, step: str) -> None:
    statuses = _statuses("The loss is\n" + _align(definition) + "and\n" + _align(step))
    assert "verified" not in statuses.values()
