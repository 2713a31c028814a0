"""Economics and population models: a profit function written pi.

Economics names profit pi: pi(q), its derivative pi'(q) and the optimum pi^* are quantities, not the
number pi (whose derivative, 0, made pi''(q) = -2 look like an arithmetic slip)."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import defined_head, head_label
from lintmath.extract import extract_text
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.pipeline import check_documents


def _doc(body: str):
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_documents([extract_text(text, "t.tex")], ["t.tex"], Config(jobs=0, budget=4.0, seed=0))[0]


@pytest.mark.parametrize("text, labels, primes", [
    ("\\pi^*", ("*",), 0),
    ("\\pi^{*}", ("*",), 0),
    ("\\pi^\\ast", ("\\ast",), 0),
    ("\\pi'", (), 1),
])
def test_marked_pi_is_a_quantity(text, labels, primes):
    tree = parse_math(text, {})
    assert isinstance(tree, n.Sym) and tree.base == "\\pi"
    assert tree.labels == labels and tree.primes == primes


@pytest.mark.parametrize("text", ["\\pi", "2\\pi r", "\\pi^2", "\\pi^{2} r"])
def test_plain_pi_stays_the_constant(text):
    assert any(isinstance(x, n.Const) and x.name == "pi" for x in parse_math(text, {}).walk())


def test_derivatives_of_a_profit_function_verify():
    res = _doc("Profit is $\\pi(q) = 12q - q^2 - 5$.\n"
               "\\begin{align*}\n\\pi(q) &= 12q - q^2 - 5, \\\\\n"
               "\\pi'(q) &= 12 - 2q, \\\\\n\\pi''(q) &= -2.\n\\end{align*}\n")
    verdicts = {s.step.rhs.stripped: s.verdict.status for s in res.steps}
    assert verdicts["12 - 2q"] is Status.VERIFIED
    assert verdicts["-2"] is Status.VERIFIED
    assert not res.findings


def test_a_slip_in_a_profit_derivative_is_still_caught():
    res = _doc("\\begin{align*}\n\\pi(q) &= 12q - q^2, \\\\\n\\pi'(q) &= 12 + 2q.\n\\end{align*}\n")
    assert [f.line for f in res.findings] == [5]


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\pi^*", "\\pi^* + 0", Status.VERIFIED),
    ("\\pi^* - c", "\\pi^* + c", Status.REFUTED),
    ("\\pi^{*}(p)", "\\pi^{*}(p)", Status.VERIFIED),
    ("\\pi^\\ast + \\pi", "\\pi + \\pi^\\ast", Status.VERIFIED),
])
def test_optimal_profit_is_a_letter(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_optimal_profit_in_a_numeric_chain():
    res = _doc("\\begin{align*}\n\\pi^* &= 8 \\cdot 3.5 - 4 \\cdot 2.25 \\\\\n&= 28 - 9 \\\\\n&= 19.\n\\end{align*}\n")
    statuses = [s.verdict.status for s in res.steps]
    assert statuses[0] is Status.SKIPPED  # the line that defines pi^*
    assert statuses[1:] == [Status.VERIFIED, Status.VERIFIED]


# Payoffs defined side by side under one letter with fixed labels (W_H to a Hawk, W_D to a Dove): each
# stays in force beside the other, so a step about both is decided with both.
_PAYOFFS = ("\\begin{align*}\nG_A &= x F + (1 - x) S, \\\\\nG_B &= x T + (1 - x) P\n\\end{align*}\n")


def test_labelled_definitions_stay_in_force_side_by_side():
    res = _doc(_PAYOFFS + "\\begin{align*}\nG_A - G_B &= x(F - T) + (1 - x)(S - P)\n\\end{align*}\n")
    step = res.steps[-1]
    assert step.verdict.status is Status.VERIFIED
    assert any("G_A" in d for d in step.verdict.definitions) and any("G_B" in d for d in step.verdict.definitions)


def test_labelled_definitions_do_not_verify_a_slip():
    res = _doc(_PAYOFFS + "\\begin{align*}\nG_A - G_B &= x(F - T) + (1 - x)(S + P)\n\\end{align*}\n")
    assert res.steps[-1].verdict.status is not Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, label", [
    ("W_H", "h V + (1 - h) C", "_H"),  # a fixed label: its own quantity
    ("x_1^*", "\\frac{a m}{p_1}", "_1^*"),
    ("\\pi^*", "p q - c q", "^*"),
    ("a_n", "2n", ""),  # an index the value uses: a rule, which a later a_k = ... replaces
    ("E", "m c^2", ""),
])
def test_head_label(lhs, rhs, label):
    head = defined_head(parse_math(lhs, {}))
    assert head is not None and head_label(head, parse_math(rhs, {})) == label
