"""Solving chains: rows of equations, one under another, that solve for an unknown.

Without arrows, each row of ``3x + 7 &= 22 \\\\ 3x &= 29 \\\\ x &= 5`` is an equation of its own; the odd
row out, which holds at no solution of the rows around it while the rows above and below it agree, is a
slip (lintmath.solving). With arrows, equations with logarithms and exponentials are solved by SymPy's
solveset over the reals (implication._solved_roots). Lists of roots, systems, tables of values and
rows in other letters are no solving chain and are never refuted.
"""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import implication, solving
from lintmath.model import Status


def rows(*pairs: tuple[str, str], prose: str = "We solve for the unknown:") -> str:
    """An align* whose rows each write their own left side (no arrows)."""
    return prose + "\n\\begin{align*}\n" + " \\\\\n".join(f"{lhs} &= {rhs}" for lhs, rhs in pairs) + "\n\\end{align*}\n"


def arrows(*equations: str) -> str:
    return "We solve:\n\\[\n" + " \\Rightarrow ".join(equations) + "\n\\]\n"


def _verdicts(body: str) -> dict[str, Status]:
    return {f"{s.step.lhs.stripped} {s.step.relation} {s.step.rhs.stripped}": s.verdict.status
            for s in checked_steps(body)}


def _linear() -> list[tuple[str, str]]:
    out = []
    for a, b, x in ((3, 7, 5), (2, 9, 4), (5, -3, 2), (4, 11, -2), (7, 1, 3), (6, -5, 1), (9, 4, -1), (8, 3, 6)):
        c = a * x + b
        sign = f"+ {b}" if b >= 0 else f"- {-b}"
        out.append(rows((f"{a}x {sign}", str(c)), (f"{a}x", str(c - b)), ("x", str(x))))
        out.append(rows((f"{a}y {sign}", str(c)), (f"{a}y", f"{c} {'-' if b >= 0 else '+'} {abs(b)}"),
                        (f"{a}y", str(a * x)), ("y", str(x))))
    for a, b, c, d in ((5, 3, 2, 12), (7, -4, 3, 8), (4, 1, 1, 7), (6, 2, 2, 14)):
        # a t + b = c t + d
        x = __import__("fractions").Fraction(d - b, a - c)
        out.append(rows((f"{a}t {'+' if b >= 0 else '-'} {abs(b)}", f"{c}t + {d}"),
                        (f"{a - c}t", str(d - b)), ("t", f"\\frac{{{x.numerator}}}{{{x.denominator}}}"
                                                    if x.denominator != 1 else str(x))))
    out += [
        rows(("3(x - 2)", "12"), ("x - 2", "4"), ("x", "6")),
        rows(("\\frac{x}{4} + 1", "3"), ("\\frac{x}{4}", "2"), ("x", "8")),
        rows(("\\frac{2x + 1}{3}", "5"), ("2x + 1", "15"), ("2x", "14"), ("x", "7")),
        rows(("0.5x + 1.5", "4"), ("0.5x", "2.5"), ("x", "5")),
        rows(("2(3z + 1)", "4(z - 2)"), ("6z + 2", "4z - 8"), ("2z", "-10"), ("z", "-5")),
        rows(("\\frac{n}{3} - \\frac{n}{4}", "2"), ("\\frac{n}{12}", "2"), ("n", "24")),
    ]
    return out


def _quadratic() -> list[str]:
    return [
        rows(("x^2 - 5x + 6", "0"), ("(x - 2)(x - 3)", "0"), ("x - 2", "0")),
        rows(("x^2 - 5x + 6", "0"), ("x - 2", "0"), ("x - 3", "0"), ("x", "2"), ("x", "3")),
        rows(("(x - 2)(x - 3)", "0"), ("x - 2", "0"), ("x - 3", "0"), ("x", "2")),
        rows(("x^2", "16"), ("x", "4"), ("x", "-4")),
        rows(("x^2 - 9", "0"), ("x", "3"), ("x", "-3")),
        rows(("2x^2", "50"), ("x^2", "25"), ("x", "5"), prose="Since the length $x$ is positive,"),
        rows(("x^2 + 2x", "15"), ("x^2 + 2x - 15", "0"), ("(x + 5)(x - 3)", "0"), ("x", "3"),
             prose="The width is positive, so we keep the positive root:"),
        rows(("t^2 - 4t - 5", "0"), ("(t - 5)(t + 1)", "0"), ("t", "5"), prose="Time is positive:"),
        rows(("(x - 1)^2", "9"), ("x - 1", "3"), ("x", "4")),
        rows(("(x - 1)^2", "9"), ("x - 1", "-3"), ("x", "-2")),
        rows(("x^2 + 6x + 9", "25"), ("(x + 3)^2", "25"), ("x + 3", "5"), ("x", "2")),
        rows(("3x^2 - 12", "0"), ("x^2", "4"), ("x", "2"), ("x", "-2")),
        rows(("x^2 - 4x", "0"), ("x(x - 4)", "0"), ("x", "0"), ("x", "4")),
        rows(("u^2 - 7u + 12", "0"), ("(u - 3)(u - 4)", "0"), ("u", "3"), ("u", "4")),
        rows(("y^2", "2y"), ("y^2 - 2y", "0"), ("y(y - 2)", "0")),
        rows(("x^2 - 2x - 1", "0"), ("(x - 1)^2", "2"), ("x - 1", "\\sqrt{2}"), ("x", "1 + \\sqrt{2}")),
        rows(("x^4 - 5x^2 + 4", "0"), ("(x^2 - 1)(x^2 - 4)", "0"), ("x^2", "1"), ("x^2", "4")),
        rows(("x^3", "8"), ("x", "2")),
    ]


def _rational() -> list[str]:
    return [
        rows(("\\frac{3}{x - 1}", "2"), ("3", "2(x - 1)"), ("3", "2x - 2"), ("2x", "5"), ("x", "\\frac{5}{2}")),
        rows(("\\frac{x + 2}{x - 3}", "2"), ("x + 2", "2x - 6"), ("x", "8"), prose="For $x \\neq 3$,"),
        rows(("\\frac{1}{x} + \\frac{1}{2}", "1"), ("\\frac{1}{x}", "\\frac{1}{2}"), ("x", "2")),
        rows(("\\frac{x^2 - 1}{x - 1}", "4"), ("x + 1", "4"), ("x", "3"), prose="Cancelling, as $x \\neq 1$,"),
        rows(("\\frac{2}{x + 1}", "\\frac{1}{x - 2}"), ("2(x - 2)", "x + 1"), ("2x - 4", "x + 1"), ("x", "5")),
        rows(("\\frac{x}{x - 2}", "3"), ("x", "3x - 6"), ("-2x", "-6"), ("x", "3")),
        rows(("\\frac{6}{w}", "w - 1"), ("6", "w^2 - w"), ("w^2 - w - 6", "0"), ("(w - 3)(w + 2)", "0")),
        rows(("\\frac{5}{2x}", "\\frac{1}{4}"), ("2x", "20"), ("x", "10")),
    ]


def _logs_and_exponentials() -> list[str]:
    return [
        rows(("\\log_2(x + 3)", "4"), ("x + 3", "16"), ("x", "13")),
        rows(("2^{x}", "32"), ("2^{x}", "2^5"), ("x", "5")),
        rows(("e^{2x}", "7"), ("2x", "\\ln 7"), ("x", "\\frac{\\ln 7}{2}")),
        rows(("\\ln x", "3"), ("x", "e^3")),
        rows(("\\log_3(2x - 1)", "2"), ("2x - 1", "9"), ("2x", "10"), ("x", "5")),
        rows(("10^{x}", "1000"), ("10^{x}", "10^3"), ("x", "3")),
        rows(("\\log_{10} x", "2"), ("x", "10^2"), ("x", "100")),
        rows(("5^{x + 1}", "125"), ("x + 1", "3"), ("x", "2")),
        rows(("3e^{x} - 1", "5"), ("e^{x}", "2"), ("x", "\\ln 2")),
        rows(("\\log_5(x) + 1", "3"), ("\\log_5(x)", "2"), ("x", "25")),
        rows(("4^{x}", "8"), ("2^{2x}", "2^3"), ("2x", "3"), ("x", "\\frac{3}{2}")),
        rows(("\\ln(2x + 1)", "0"), ("2x + 1", "1"), ("x", "0")),
        rows(("\\log x", "2"), ("x", "100"), prose="All logarithms are to base 10."),
        rows(("1000e^{0.05t}", "2000"), ("e^{0.05t}", "2"), ("0.05t", "\\ln 2"), ("t", "20\\ln 2")),
        rows(("|x - 2|", "3"), ("x - 2", "3"), ("x", "5")),
        arrows("\\log_2(x + 3) = 4", "x + 3 = 16", "x = 13"),
        arrows("e^{2x} = 5", "2x = \\ln 5", "x = \\frac{\\ln 5}{2}"),
        arrows("3^{x} = 81", "x = 4"),
        arrows("\\log_3(x) = 4", "x = 81"),
        arrows("2^{x - 1} = 16", "x - 1 = 4", "x = 5"),
        arrows("\\ln(x - 1) = 0", "x - 1 = 1", "x = 2"),
        arrows("10^{2x} = 100", "2x = 2", "x = 1"),
        arrows("e^{x} = e^{3}", "x = 3"),
        arrows("\\log_2(x) + \\log_2(8) = 5", "\\log_2(x) = 2", "x = 4"),
        arrows("7^{x} = 1", "x = 0"),
        arrows("|2x - 1| = 5", "2x - 1 = 5", "x = 3"),
        arrows("\\sqrt{x + 5} = x - 1", "x + 5 = (x - 1)^2"),
        arrows("2\\sin x = 1", "\\sin x = \\frac{1}{2}"),
    ]


def _degrees() -> list[str]:
    return [
        rows(("3\\theta", "90^\\circ"), ("\\theta", "30^\\circ")),
        rows(("2\\alpha + 10^\\circ", "70^\\circ"), ("2\\alpha", "60^\\circ"), ("\\alpha", "30^\\circ")),
        rows(("x + 2x + 30^\\circ", "180^\\circ"), ("3x", "150^\\circ"), ("x", "50^\\circ")),
        rows(("\\sin\\theta", "\\frac{1}{2}"), ("\\theta", "30^\\circ"), ("\\theta", "150^\\circ")),
        rows(("2\\cos x", "1"), ("\\cos x", "\\frac{1}{2}"), ("x", "60^\\circ")),
        rows(("3\\theta", "90"), ("\\theta", "30^\\circ"), ("\\theta", "30")),
    ]


def _not_solving_chains() -> list[str]:
    return [
        rows(("x", "3"), ("x", "-1"), prose="The roots are"),
        rows(("x", "3"), ("x", "-1"), ("x", "3"), prose="The roots, with the double root listed twice, are"),
        rows(("x_1", "2"), ("x_2", "5"), ("x_1", "2")),
        rows(("x + y", "5"), ("x - y", "1"), ("2x", "6"), ("x", "3"), ("y", "2")),
        rows(("2x + 3y", "12"), ("x", "3"), ("3y", "6"), ("y", "2")),
        rows(("f(1)", "3"), ("f(2)", "5"), ("f(3)", "7"), prose="A table of values:"),
        rows(("a", "3"), ("b", "-1"), ("a", "3"), prose="The coefficients are"),
        rows(("x", "2"), ("y", "7"), ("x", "2")),
        rows(("p + q", "1"), ("p", "0.3"), ("q", "0.7")),
        rows(("3x", "5"), ("3x", "12"), ("x", "4"), prose="Working modulo 7,"),
        rows(("x", "3.33"), ("3x", "10"), ("x", "\\frac{10}{3}")),
        rows(("x^2", "2"), ("x", "1.41"), ("x^2", "2")),
        rows(("x - 2", "0"), ("x - 3", "0"), ("x", "2"), ("x", "3"), prose="Each factor gives a root:"),
        rows(("x", "2"), ("x", "5"), ("x", "2"), prose="The sampled values are"),
        rows(("2x", "6"), ("x + 4", "9"), ("x - 1", "2"), prose="Solve each of the following equations:"),
        rows(("3y", "12"), ("y - 1", "5"), ("2y", "8"), prose="Three exercises:"),
    ]


def _more() -> list[str]:
    return [
        arrows("4z + 1 = 9", "4z = 8", "z = 2"),
        arrows("5y - 2 = 3y + 6", "2y = 8", "y = 4"),
        arrows("x^2 - 5x + 6 = 0", "(x - 2)(x - 3) = 0"),
        arrows("\\frac{x}{3} = 4", "x = 12"),
        arrows("2^{3x} = 64", "3x = 6", "x = 2"),
        arrows("\\log_2(4x) = 5", "4x = 32", "x = 8"),
        arrows("e^{-x} = \\frac{1}{2}", "-x = -\\ln 2", "x = \\ln 2"),
        arrows("9^{x} = 3", "x = \\frac{1}{2}"),
        arrows("\\log_3(x - 2) = 1", "x - 2 = 3", "x = 5"),
        arrows("100e^{-0.1t} = 50", "e^{-0.1t} = \\frac{1}{2}", "t = 10\\ln 2"),
        rows(("4(k + 3)", "2k"), ("4k + 12", "2k"), ("2k", "-12"), ("k", "-6")),
        rows(("\\frac{3m}{5}", "9"), ("3m", "45"), ("m", "15")),
        rows(("2^{x + 3}", "64"), ("x + 3", "6"), ("x", "3")),
        rows(("\\log_2(x) + \\log_2(4)", "7"), ("\\log_2(x)", "5"), ("x", "32")),
        rows(("e^{3x - 1}", "e^{5}"), ("3x - 1", "5"), ("x", "2")),
        rows(("x^2 + x", "12"), ("x^2 + x - 12", "0"), ("(x + 4)(x - 3)", "0")),
        rows(("\\frac{1}{x - 1}", "\\frac{2}{x + 1}"), ("x + 1", "2x - 2"), ("x", "3")),
        rows(("1.2x + 0.4", "4"), ("1.2x", "3.6"), ("x", "3")),
        rows(("\\frac{x - 1}{2} + \\frac{x}{3}", "3"), ("3(x - 1) + 2x", "18"), ("5x", "21"), ("x", "4.2")),
        rows(("8 - 3x", "2"), ("-3x", "-6"), ("x", "2")),
        rows(("3 + 2v", "v + 10"), ("v", "7")),
        rows(("P(1 + 0.05)", "2100"), ("P", "2000")),
        rows(("2\\pi r", "10\\pi"), ("r", "5")),
        rows(("\\frac{n(n + 1)}{2}", "55"), ("n^2 + n - 110", "0"), ("(n + 11)(n - 10)", "0"), ("n", "10"),
             prose="As $n$ counts terms it is positive:"),
        rows(("\\sqrt{x}", "5"), ("x", "25"), ("x - 25", "0")),
    ]


CORRECT = _more() + _linear() + _quadratic() + _rational() + _logs_and_exponentials() + _degrees() + _not_solving_chains()


@pytest.mark.parametrize("body", CORRECT)
def test_a_correct_solving_chain_has_no_refuted_row(body: str) -> None:
    refuted = [step for step, status in _verdicts(body).items() if status is Status.REFUTED]
    assert refuted == []


# (the rows, the row with the slip)
ROW_SLIPS = [
    ((("3x + 7", "22"), ("3x", "29"), ("x", "5")), "3x = 29"),
    ((("2x - 5", "11"), ("2x", "6"), ("x", "8")), "2x = 6"),
    ((("5y + 3", "28"), ("5y", "25"), ("y", "6"), ("y + 1", "6")), "y = 6"),
    ((("4t + 1", "9"), ("4t", "10"), ("t", "2")), "4t = 10"),
    ((("7x", "35"), ("x", "6"), ("2x", "10")), "x = 6"),
    ((("3(x - 2)", "12"), ("x - 2", "5"), ("x", "6")), "x - 2 = 5"),
    ((("\\frac{x}{4} + 1", "3"), ("\\frac{x}{4}", "4"), ("x", "8")), "\\frac{x}{4} = 4"),
    ((("2(3z + 1)", "4(z - 2)"), ("6z + 2", "4z - 8"), ("2z", "-6"), ("z", "-5")), "2z = -6"),
    ((("9n - 4", "23"), ("9n", "19"), ("n", "3")), "9n = 19"),
    ((("6a + 5", "2a + 21"), ("4a", "26"), ("a", "4")), "4a = 26"),
    ((("x + 8", "3x"), ("8", "2x"), ("x", "5"), ("2x", "8")), "x = 5"),
    ((("10 - x", "4"), ("-x", "-7"), ("x", "6")), "-x = -7"),
    ((("\\frac{2x + 1}{3}", "5"), ("2x + 1", "16"), ("2x", "14"), ("x", "7")), "2x + 1 = 16"),
    ((("0.5x + 1.5", "4"), ("0.5x", "3.5"), ("x", "5")), "0.5x = 3.5"),
    ((("x^2 - 5x + 6", "0"), ("(x - 1)(x - 6)", "0"), ("x - 2", "0")), "(x - 1)(x - 6) = 0"),
    ((("(x - 1)^2", "9"), ("x - 1", "4"), ("x", "4")), "x - 1 = 4"),
    ((("x^2", "49"), ("x", "8"), ("x - 7", "0")), "x = 8"),
    ((("x^2 + 6x + 9", "25"), ("(x + 3)^2", "36"), ("x + 3", "5"), ("x", "2")), "(x + 3)^2 = 36"),
    ((("2x^2", "50"), ("x^2", "24"), ("x", "5")), "x^2 = 24"),
    ((("\\frac{3}{x - 1}", "2"), ("3", "2x - 1"), ("2x", "5"), ("x", "\\frac{5}{2}")), "3 = 2x - 1"),
    ((("\\frac{x + 2}{x - 3}", "2"), ("x + 2", "2x - 3"), ("x", "8")), "x + 2 = 2x - 3"),
    ((("\\frac{1}{x} + \\frac{1}{2}", "1"), ("\\frac{1}{x}", "\\frac{1}{3}"), ("x", "2")), "\\frac{1}{x} = \\frac{1}{3}"),
    ((("\\frac{5}{2x}", "\\frac{1}{4}"), ("2x", "25"), ("x", "10")), "2x = 25"),
    ((("\\log_2(x + 3)", "4"), ("x + 3", "8"), ("x", "13")), "x + 3 = 8"),
    ((("2^{x}", "32"), ("2^{x}", "2^4"), ("x", "5")), "2^{x} = 2^4"),
    ((("\\log_3(2x - 1)", "2"), ("2x - 1", "6"), ("2x", "10"), ("x", "5")), "2x - 1 = 6"),
    ((("5^{x + 1}", "125"), ("x + 1", "2"), ("x", "2")), "x + 1 = 2"),
    ((("3e^{x} - 1", "5"), ("e^{x}", "3"), ("x", "\\ln 2")), "e^{x} = 3"),
    ((("\\log_5(x) + 1", "3"), ("\\log_5(x)", "3"), ("x", "25")), "\\log_5(x) = 3"),
    ((("10^{x}", "1000"), ("x", "4"), ("10^{x}", "10^{3}")), "x = 4"),
    ((("e^{2x}", "7"), ("2x", "\\ln 14"), ("x", "\\frac{\\ln 7}{2}")), "2x = \\ln 14"),
    ((("2\\alpha + 10^\\circ", "70^\\circ"), ("2\\alpha", "80^\\circ"), ("\\alpha", "30^\\circ")), "2\\alpha = 80^\\circ"),
    ((("x + 2x + 30^\\circ", "180^\\circ"), ("3x", "160^\\circ"), ("x", "50^\\circ")), "3x = 160^\\circ"),
    ((("4(k + 3)", "2k"), ("4k + 12", "2k"), ("2k", "-24"), ("k", "-6")), "2k = -24"),
    ((("\\frac{3m}{5}", "9"), ("3m", "27"), ("m", "15")), "3m = 27"),
    ((("2^{x + 3}", "64"), ("x + 3", "5"), ("x", "3")), "x + 3 = 5"),
    ((("e^{3x - 1}", "e^{5}"), ("3x - 1", "6"), ("x", "2")), "3x - 1 = 6"),
    ((("8 - 3x", "2"), ("-3x", "6"), ("x", "2")), "-3x = 6"),
    ((("1.2x + 0.4", "4"), ("1.2x", "4.4"), ("x", "3")), "1.2x = 4.4"),
    ((("\\log_{10} x", "2"), ("x", "1000"), ("\\log_{10} x", "\\log_{10} 100")), "x = 1000"),
]

ARROW_SLIPS = [
    (("\\log_2(x + 3) = 4", "x + 3 = 8"), "x + 3 = 8"),
    (("e^{2x} = 5", "2x = \\ln 25"), "2x = \\ln 25"),
    (("3^{x} = 81", "x = 3"), "x = 3"),
    (("\\log_{10}(2x) = 2", "2x = 20"), "2x = 20"),
    (("\\log_3(x) = 4", "x = 64"), "x = 64"),
    (("2^{x - 1} = 16", "x - 1 = 3"), "x - 1 = 3"),
    (("\\ln(x - 1) = 0", "x - 1 = 0"), "x - 1 = 0"),
    (("10^{2x} = 100", "2x = 10"), "2x = 10"),
    (("e^{x} = e^{3}", "x = e"), "x = e"),
    (("5^{x} = 625", "x = 5"), "x = 5"),
    (("\\log_2(x) + \\log_2(8) = 5", "\\log_2(x) = 3"), "\\log_2(x) = 3"),
    (("7^{x} = 1", "x = 1"), "x = 1"),
    (("\\log_4(x + 1) = 2", "x + 1 = 8"), "x + 1 = 8"),
    (("2e^{x} = 10", "e^{x} = 8"), "e^{x} = 8"),
    (("\\ln(3x) = \\ln 12", "x = 3"), "x = 3"),
    (("4^{x} = 64", "x = 4"), "x = 4"),
]


@pytest.mark.parametrize("pairs, slip", ROW_SLIPS)
def test_the_odd_row_of_a_solving_chain_is_refuted(pairs: tuple[tuple[str, str], ...], slip: str) -> None:
    verdicts = _verdicts(rows(*pairs))
    assert verdicts[slip] is Status.REFUTED
    assert [step for step, status in verdicts.items() if status is Status.REFUTED] == [slip]


@pytest.mark.parametrize("equations, slip", ARROW_SLIPS)
def test_an_arrow_to_a_wrong_equation_with_logarithms_or_powers_is_refuted(equations: tuple[str, str],
                                                                         slip: str) -> None:
    verdicts = _verdicts(arrows(*equations))
    assert verdicts[f"{equations[0]} => {slip}"] is Status.REFUTED


def test_the_slip_names_the_number_to_write() -> None:
    steps = checked_steps(rows(("3x + 7", "22"), ("3x", "29"), ("x", "5")))
    slip = next(s for s in steps if s.step.rhs.stripped == "29")
    assert slip.verdict.diagnosis is not None and slip.verdict.diagnosis.suggestion == "15"
    assert slip.verdict.counterexample == (("x", "5"),)


def test_a_slip_between_rows_that_do_not_agree_is_not_claimed() -> None:
    # the rows around 3x = 29 solve to 5 and to 6: which of them is the slip is not said
    verdicts = _verdicts(rows(("3x + 7", "22"), ("3x", "29"), ("x", "6")))
    assert verdicts["3x = 29"] is not Status.REFUTED


def test_a_bare_logarithm_is_read_both_ways_before_a_row_is_refuted() -> None:
    # under the common logarithm x = 10 is the slip; under the natural one the rows around it disagree
    verdicts = _verdicts(rows(("\\log(x)", "2"), ("x", "10"), ("x", "100")))
    assert verdicts["x = 10"] is not Status.REFUTED


def test_a_periodic_or_radical_equation_is_not_solved_by_solveset() -> None:
    import sympy as sp

    x = sp.Symbol("x")
    assert implication._real_roots(sp.sin(x) - sp.Rational(1, 2), x) is None
    assert implication._real_roots(sp.sqrt(x + 5) - x + 1, x) is None
    assert implication._real_roots(sp.log(x + 3, 2) - 4, x) == [13]
    assert implication._real_roots(sp.exp(x) + 1, x) is None  # no real root: nothing to compare


def test_run_rows_needs_a_row_on_both_sides() -> None:
    steps = checked_steps(rows(("3x + 7", "22"), ("3x", "29")))
    assert all(s.verdict.status is not Status.REFUTED for s in steps)
    assert solving.RUN_ROWS >= 2


@pytest.mark.parametrize("sentence", ["Now for the system, we get", "Solved separately, these give",
                                      "The list of conditions is"])
def test_rows_the_prose_calls_a_system_or_a_list_are_not_one_solving_chain(sentence: str) -> None:
    body = sentence + "\n\\begin{align*}\n2x + 1 &= 7 \\\\\nx^2 &= 16 \\\\\n3x &= 9\n\\end{align*}\n"
    assert Status.REFUTED not in _verdicts(body).values()


@pytest.mark.parametrize("prose, equation", [
    ("Solve:", "2x - 1 = x + 4"),
    ("Solve for $x$:", "5 - 2x = 3x - 15"),
    ("We now solve the equation", "2(x + 1) = 3x"),
])
def test_a_lone_equation_the_prose_asks_to_solve_is_no_identity(prose: str, equation: str) -> None:
    verdicts = _verdicts(prose + "\n\\[ " + equation + " \\]\n")
    assert Status.REFUTED not in verdicts.values()


def test_a_lone_equation_without_such_words_is_still_an_identity_claim() -> None:
    verdicts = _verdicts("We now simplify:\n\\[ 2(x + 1) = 2x + 3 \\]\n")
    assert Status.REFUTED in verdicts.values()
