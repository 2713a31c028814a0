"""A step undecided for a name whose value the prose gives ("Let $v = a + b$") is refuted where it differs
with that value put in and one small edit of its right side makes it hold with the same value; the
value is named among the finding's guesses. Values given twice, given far above, approximate, or one
the step's own left side may give anew leave the step unverified, as do correct steps of every kind."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.context import ContextItem
from lintmath.model import Status


def _document(text: str) -> str:
    """The body of ``text``: a line ``L === R`` is a row ``L &= R`` of an align*, ``=== R`` continues the
    chain above it, any other line is prose."""
    body: list[str] = []
    chain: list[str] = []

    def flush() -> None:
        if chain:
            body.append("\\begin{align*}\n" + " \\\\\n".join(chain) + "\n\\end{align*}")
            chain.clear()
    for line in text.splitlines():
        if "===" in line:
            left, right = line.split("===", 1)
            if not left.strip() and chain:
                chain.append(f"&= {right.strip()}")
            else:
                flush()
                chain.append(f"{left.strip()} &= {right.strip()}")
        else:
            flush()
            body.append(line)
    flush()
    return "\n\n".join(body)


def _verdicts(text: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(_document(text))}


def _last(text: str):
    return checked_steps(_document(text))[-1].verdict


# (the value in force, the slip, the kind of its repair, the repaired line)
SLIPS = [
    ("Let $v = a + b$.", "v^2 === a^2 - 2ab + b^2", "sign_flip", "a^2 + 2ab + b^2"),
    ("Let $v = a + b$.", "v^2 === a^2 + ab + b^2", "constant_factor", "a^2 + 2ab + b^2"),
    ("Let $v = a + b$.", "v^2 + c === a^2 + 2ab + b^2", "dropped_term", "a^2 + c + 2ab + b^2"),
    ("Let $\\omega = 2\\pi f$.", "\\frac{2\\pi}{\\omega} === f", "reciprocal", "\\frac{1}{f}"),
    ("Let $x = e^y$.", "\\frac{1}{x} === e^{y}", "reciprocal", "e^{-y}"),
    ("Let $x = e^y$.", "x^2 === e^{3y}", "arithmetic", "e^{2y}"),
    ("Let $p = \\frac{1}{1 + e^{-z}}$.", "1 - p === -\\frac{e^{-z}}{1 + e^{-z}}", "sign_flip",
     "\\frac{e^{-z}}{1 + e^{-z}}"),
    ("Let $r = \\sqrt{x^2 + y^2}$.", "r^2 === x^2 - y^2", "sign_flip", "x^2 + y^2"),
    ("Let $a = b + c$.", "a^2 - c^2 === b(a - c)", "sign_flip", "b(a + c)"),
    ("Let $q = a/b$.", "\\frac{a + b}{b} === 2q + 1", "constant_factor", "q + 1"),
    ("Let $\\beta = v/c$ and $\\gamma = 1/\\sqrt{1 - \\beta^2}$.", "\\gamma^2 \\beta^2 === \\gamma^2 + 1", "sign_flip",
     "\\gamma^2 - 1"),
    ("Let $y = 3x + 2$.", "y - 2 === 2x", "arithmetic", "3x"),
    ("Take $A = \\pi r^2$ and $C = 2\\pi r$.", "C^2 === 4\\pi A^2", "exponent", "4\\pi A"),
    ("Let $c = \\cos\\theta$ and $s = \\sin\\theta$.", "2cs === \\sin 3\\theta", "arithmetic", "\\sin 2\\theta"),
    ("Let $\\lambda = \\frac{1}{\\tau}$.", "e^{-\\lambda t} === e^{t/\\tau}", "reciprocal", "e^{-t/\\tau}"),
    ("Let $u = \\ln x$.", "e^{2u} === x^3", "exponent", "x^2"),
    ("Let $q = 1 - p$.", "pq === p + p^2", "sign_flip", "p - p^2"),
    ("Let $N = n_1 + n_2$.", "\\frac{n_1}{N} + \\frac{n_2}{N} === 2", "arithmetic", "1"),
]


@pytest.mark.parametrize("prose, step, kind, repaired", SLIPS)
def test_a_slip_against_a_value_in_force_is_refuted_with_its_repair(prose: str, step: str, kind: str,
                                                                   repaired: str) -> None:
    verdict = _last(f"{prose}\n{step}")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(repaired.split())
    # the value is a guess of the finding (its rule the slip's), not a definition it contradicts
    assert not verdict.definitions
    assert any("as given at" in guess for guess in verdict.guessed)


# correct steps that rest on a value in force, in the ways notes give them
CORRECT = [
    "Let $s = a + b$ be the sum.\ns^2 === a^2 + 2ab + b^2\n=== (a + b)^2\ns^2 - 4ab === (a - b)^2",
    "Let $x = e^y$. Then\n\\ln x === y\nx^2 === e^{2y}\n\\frac{1}{x} === e^{-y}",
    "Let $p = \\frac{1}{1 + e^{-z}}$.\n1 - p === \\frac{e^{-z}}{1 + e^{-z}}\n\\frac{p}{1 - p} === e^{z}",
    "Let $a = b + c$.\na - b === c\na^2 - c^2 === b(a + c)\n\\frac{a - c}{b} === 1",
    "Let $m = \\frac{x_1 + x_2}{2}$ be the midpoint.\nx_1 - m === \\frac{x_1 - x_2}{2}\n(x_1 - m) + (x_2 - m) === 0",
    "Let $\\beta = v/c$ and $\\gamma = 1/\\sqrt{1 - \\beta^2}$.\n\\gamma^2 (1 - \\beta^2) === 1\n"
    "\\gamma^2 \\beta^2 === \\gamma^2 - 1\n\\frac{d\\gamma}{d\\beta} === \\beta\\gamma^3",
    "Let $N = n_1 + n_2$.\n\\frac{n_1}{N} + \\frac{n_2}{N} === 1\n\\frac{n_1 n_2}{N} === \\frac{n_1 n_2}{n_1 + n_2}",
    "Let $c = \\cos\\theta$ and $s = \\sin\\theta$.\nc^2 + s^2 === 1\nc^2 - s^2 === \\cos 2\\theta\n2cs === \\sin 2\\theta",
    "Let $v = at$ and $x = \\frac12 a t^2$.\nv^2 === 2ax",
    "Let $u = x^2$.\n\\int_0^1 u\\,du === \\frac{1}{2}\n\\int 2u\\,du === u^2 + C",
    "Let $k = \\frac{n}{2}$.\n\\sum_{k=1}^{n} k === \\frac{n(n+1)}{2}",
    "Let $t = 2s$.\n\\int_0^1 t\\,dt === \\frac12\n\\sum_{t=1}^{3} t === 6",
    "Let $g(x) = x^2 + 1$.\ng(x + 1) === x^2 + 2x + 2\ng(x) - g(-x) === 0\ng'(x) === 2x",
    "Let $n = 2m + 1$ be odd.\nn^2 === 4m^2 + 4m + 1\n\\frac{n - 1}{2} === m",
    "Let $Z = \\sum_j e^{z_j}$ and $o_k = e^{z_k}/Z$.\n\\sum_k o_k === 1\n\\log o_k === z_k - \\log Z",
    "The loss is\nL === -\\sum_k t_k \\log o_k\nso that\n\\frac{\\partial L}{\\partial o_j} === -\\frac{t_j}{o_j}",
    "\\frac{d}{dx}\\ln x === \\frac{1}{x}\n=== e^{-y}\nwhere $x = e^y$.",
    # a worked example's numbers beside a general identity
    "Take $a = 3$, $b = 4$ and $c = \\sqrt{a^2 + b^2}$.\nc === 5\nFor any right triangle\nc^2 - a^2 === b^2",
    "For instance $x = 2$ and $y = 2x$.\ny === 4\nIn general,\n(x + 1)^2 === x^2 + 2x + 1",
    # an equation solved for the letter a value gives
    "Let $y = 3x + 2$. We solve $y = 11$:\n3x + 2 === 11\n3x === 9\nx === 3",
    # a case the prose gives a letter
    "At equilibrium $Q = K$, so\n\\Delta G === RT\\ln\\frac{Q}{K}\n=== 0",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_steps_beside_values_in_force_are_not_refuted(text: str) -> None:
    verdicts = _verdicts(text)
    assert verdicts and all(v.status is not Status.REFUTED for v in verdicts.values())


def test_a_name_given_anew_in_a_later_example_claims_no_slip_against_either_value() -> None:
    verdicts = _verdicts("In the first example let $u = x + 1$.\nu^2 === x^2 + 2x + 1\n"
                         "In the second example let $u = x - 1$.\nu^2 === x^2 - 2x + 1\n"
                         "Back in the first example, where $u$ was one more than $x$,\nu^2 - 1 === x^2 + 2x")
    # with u = x - 1 in force the last line would be "repaired" by a sign: but u has had two values
    assert verdicts["u^2 - 1 = x^2 + 2x"].status is Status.UNVERIFIED


def test_a_function_given_anew_claims_no_slip_against_either_value() -> None:
    verdicts = _verdicts("In the first model let $f(x) = x^2$.\nf(x + 1) - f(x) === 2x + 1\n"
                         "In the second model let $f(x) = x^3$.\nf(2x) === 8f(x)\n"
                         "For the first model again,\nf(x + 1) - f(x) === 2x + 1")
    assert all(v.status is not Status.REFUTED for v in verdicts.values())


FILLER = "\n".join(f"Some words of the passage, line {k}." for k in range(30))


def test_a_value_far_above_the_step_claims_no_slip() -> None:
    # a letter of one section reused with another meaning pages later
    far = _last(f"\\section{{Squares}}\nLet $v = a + b$.\n\\section{{Differences}}\n{FILLER}\n"
                "Now the square of the difference of the two.\nv^2 === a^2 - 2ab + b^2")
    assert far.status is Status.UNVERIFIED
    near = _last("Let $v = a + b$.\nNow the square of the difference of the two.\nv^2 === a^2 - 2ab + b^2")
    assert near.status is Status.REFUTED
    # (a name given another meaning in words, "here $v$ is ...", is not the value's: see
    # test_fa_review_wave3_round28)


def test_an_approximate_value_claims_no_slip() -> None:
    verdict = _last("For slow motion $\\gamma \\approx 1 + \\frac{v^2}{2c^2}$, and\n\\gamma - 1 === \\frac{v^2}{c^2}")
    assert verdict.status is Status.UNVERIFIED


def test_a_line_that_may_give_the_name_anew_claims_no_slip() -> None:
    verdicts = _verdicts("Let $u = x^2$.\nu^2 === x^4\nIn the next example\nu === x^3 + 1\nu - 1 === x^3")
    assert verdicts["u = x^3 + 1"].status is not Status.REFUTED
    assert verdicts["u - 1 = x^3"].status is not Status.REFUTED


def test_a_step_whose_place_is_unknown_claims_no_slip() -> None:
    # (check_step alone, without the step's place among its context: no value is near enough)
    value = ContextItem("result", "v", "v", "=", "a + b", "t.tex:3", 3, False, "t.tex", True, declared=True)
    verdict = check_step("v^2", "a^2 - 2ab + b^2", "=", context=(value,))
    assert verdict.status is Status.UNVERIFIED


def test_a_difference_only_a_solved_term_writes_back_claims_no_slip() -> None:
    # (the whole difference, 2ab, written back as a term: another meaning of v would be "repaired" so too)
    assert _last("Let $v = a + b$.\nv^2 === a^2 + b^2").status is Status.UNVERIFIED
