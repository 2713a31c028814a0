"""Round 22 red team on ordinary differential equations notes: the unknown y inside a primed group
((e^{x}y)' = x e^{x}, the integrated form of an equation) is a function of x, not a constant; and a
prime on a name whose value is in force (y_p = s\\sin s above, then y_p' = ...) is the derivative of the
value, not the value itself."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.pipeline import check_documents


def _verdicts(body: str) -> list[tuple[str, str, Status]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [(s.step.lhs.stripped, s.step.rhs.stripped, s.verdict.status) for s in res.steps]


def _status(body: str, lhs: str) -> Status:
    found = [status for left, _, status in _verdicts(body) if left == lhs]
    assert found, f"no step with left side {lhs!r}"
    return found[-1]


@pytest.mark.parametrize("lhs, rhs", [
    ("(e^{t} y)'", "t e^{t}"),                 # y' + y = t multiplied by its integrating factor
    ("\\left(e^{-2t} y\\right)'", "3e^{-2t}"),
    ("(t^3 y)'", "t^2\\cos t"),
    ("(y\\cos t)'", "1"),
])
def test_integrating_factor_line_is_no_false_alarm(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    ("(e^{t} y)'", "e^{t}y + e^{t}y'", Status.VERIFIED),   # the product rule with y a function
    ("(t^2 + y^2)'", "2t + 2yy'", Status.VERIFIED),
    ("(y^3)'", "3y^2", Status.VERIFIED),                   # y alone in the group: y is the variable
    ("(e^{t} y)'", "e^{t}y - e^{t}y'", Status.REFUTED),    # a sign slip is still caught
    ("(5t^2)'", "10t", Status.VERIFIED),                   # no y: unchanged
    ("(5t^2)'", "5t", Status.REFUTED),
])
def test_unknown_in_a_primed_group(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


PARTICULAR = """
\\begin{align*}
w_p &= s^2\\sin s
\\end{align*}
so that
\\begin{align*}
w_p' &= %s
\\end{align*}
"""


@pytest.mark.parametrize("rhs, status", [
    ("2s\\sin s + s^2\\cos s", Status.VERIFIED),
    ("2s\\sin s - s^2\\cos s", Status.REFUTED),   # a slip against the value in force is still an error
])
def test_prime_of_a_defined_value_is_its_derivative(rhs: str, status: Status) -> None:
    assert _status(PARTICULAR % rhs, "w_p'") is status


def test_second_prime_of_a_defined_value() -> None:
    body = PARTICULAR % "2s\\sin s + s^2\\cos s" + \
        "and\n\\begin{align*}\nw_p'' &= 2\\sin s + 4s\\cos s - s^2\\sin s\n\\end{align*}\n"
    assert _status(body, "w_p''") is Status.VERIFIED


def test_prime_of_a_defined_function_name() -> None:
    body = "Let\n\\begin{equation} g(s) = s^4 \\end{equation}\nThen\n\\begin{align*} g' &= 4s^3 \\end{align*}\n"
    assert _status(body, "g'") is Status.VERIFIED
    body = body.replace("4s^3", "4s^4")
    assert _status(body, "g'") is Status.REFUTED


@pytest.mark.parametrize("value, check, status", [
    # constants beside the variable: the derivative is by t (k, C_1 constant)
    ("C_1 e^{kt} + 3", "z' - kz + 3k = 0", Status.VERIFIED),
    ("c_1 e^{3t} + c_2 t e^{3t}", "z'' - 6z' + 9z = 0", Status.VERIFIED),
    # two candidate variables, or a letter the step primes, or the unknown y: no guess is made
    ("t + x^2", "z' = 1", Status.UNVERIFIED),
    ("u^2", "z' = 2u", Status.UNVERIFIED),   # u, like y, is a function as often as a variable
    ("t q", "z' = q + t q'", Status.UNVERIFIED),
    ("y^2", "z' = 2y", Status.UNVERIFIED),
])
def test_variable_of_a_defined_value(value: str, check: str, status: Status) -> None:
    left, right = check.split("=")
    body = f"\\begin{{align*}}\nz &= {value}\n\\end{{align*}}\nThen\n\\begin{{align*}}\n{left} &= {right}\n\\end{{align*}}\n"
    assert _status(body, left.strip()) is status


def test_a_defined_primed_name_is_no_derivative() -> None:
    # x' = x - vt defines a new coordinate: its prime names it, and x is not replaced by it
    body = "Define\n\\begin{align*}\nq' &= q - vt\n\\end{align*}\nThen\n\\begin{align*}\nq' + vt &= q\n\\end{align*}\n"
    assert _status(body, "q' + vt") is not Status.REFUTED
