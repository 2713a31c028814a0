"""School and first-year algebra as teachers write it: nCr in calculator notation ({}^{n}C_{r}, _nC_r,
{}^nP_r), decimals whose digits go on (\\sqrt{10} = 3.162\\ldots, \\frac{2}{3} = 0.666\\ldots), and the
surds, indices, logarithms, degrees and partial fractions that already decide, slips included."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.parse.parser import prepare


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"{}^{8}C_{3}", r"56"),
    (r"{}^8C_3", r"56"),
    (r"^{10}C_{2}", r"45"),
    (r"{}_{6}C_{2}", r"15"),
    (r"\,^{5}C_{5}", r"1"),
    (r"3 \times {}^{5}C_{2}", r"30"),
    (r"{}^{n}C_{2}", r"\frac{n(n-1)}{2}"),
    (r"{}^{n}C_{r}", r"{}^{n}C_{n-r}"),
    (r"{}^{n}C_{r}", r"\binom{n}{r}"),
    (r"{}^{8}P_{3}", r"336"),
    (r"{}^{n}P_{2}", r"n(n-1)"),
    (r"{}^{n}\!C_{r}", r"\frac{n!}{r!(n-r)!}"),
    (r"{}^{6}\mathrm{C}_{2}", r"15"),
    (r"{}^{5}C_{2}\, 2^3 x^2", r"80x^2"),
    (r"\frac{{}^{7}P_{3}}{3!}", r"{}^{7}C_{3}"),
    (r"{}^{n}C_{r} + {}^{n}C_{r-1}", r"{}^{n+1}C_{r}"),
])
def test_combinations_and_permutations_in_prefix_notation_are_read(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"{}^{8}C_{3}", r"336"),  # the permutations for the combinations
    (r"{}^{8}P_{3}", r"56"),
    (r"^{7}C_{3}", r"\frac{7 \times 6 \times 5}{2}"),
    (r"{}^{n}C_{2}", r"n(n-1)"),
    (r"{}^{6}\mathrm{C}_{2}", r"30"),
    (r"{}^{n}\!C_{r}", r"\frac{n!}{r!(n+r)!}"),
])
def test_a_slip_in_a_count_written_in_prefix_notation_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("text", [r"C_{3}", r"x^{2}C_{3}", r"C^{n}_{r}", r"a_{1}C_{2}"])
def test_an_index_with_a_base_before_it_is_no_count(text: str) -> None:
    # (only an index that stands on nothing, before a C or P, opens the prefix notation)
    assert "\\binom" not in [t.text for t in prepare(text)]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt{10}", r"3.162\ldots"),
    (r"\pi", r"3.14159\dots"),
    (r"\frac{22}{7}", r"3.142857\ldots"),
    (r"e^2", r"7.389\ldots"),
    (r"\frac{1}{3}", r"0.333\ldots"),
])
def test_a_decimal_whose_digits_go_on_is_a_number(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{2}{3}", r"0.666\ldots"),
    (r"\frac{2}{3}", r"0.66\ldots"),
    (r"\frac{2}{3}", r"0.666..."),
    (r"\sqrt{2}", r"1.41\ldots"),
])
def test_a_decimal_cut_off_before_its_dots_is_no_false_alarm(lhs: str, rhs: str) -> None:
    # the dots say the digits are cut off, not rounded: 2/3 = 0.666... is right
    assert _status(lhs, rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt{10}", r"3.172\ldots"),
    (r"\frac{2}{3}", r"0.676\ldots"),
    (r"\pi", r"3.15\ldots"),
    (r"\frac{2}{3}", r"0.66"),  # without dots, two digits are a rounding slip
])
def test_a_wrong_digit_before_the_dots_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1}{2+\sqrt3}", r"2 - \sqrt3"),
    (r"\frac{\sqrt5 + 1}{\sqrt5 - 1}", r"\frac{3+\sqrt5}{2}"),
    (r"16^{-\frac{3}{4}}", r"\frac{1}{8}"),
    (r"2\log_a 3 + \log_a 4", r"\log_a 36"),
    (r"\log_4 8", r"\frac{3}{2}"),
    (r"\tan 15^\circ", r"2 - \sqrt3"),
    (r"\cos 300^\circ", r"\frac12"),
    (r"2x^2 - 12x + 5", r"2(x-3)^2 - 13"),
    (r"\frac{x+5}{(x-1)^2}", r"\frac{1}{x-1} + \frac{6}{(x-1)^2}"),
    (r"\int (3\cos x - 2\sin x)\,dx", r"3\sin x + 2\cos x + C"),
    (r"\sum_{r=1}^{6} 2^r", r"126"),
])
def test_school_algebra_decides(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{6}{\sqrt3}", r"3\sqrt3"),
    (r"16^{-\frac{3}{4}}", r"-8"),
    (r"\log_2 8 + \log_2 4", r"\log_2 12"),
    (r"\tan 60^\circ", r"\frac{1}{\sqrt3}"),
    (r"\sin 75^\circ", r"\sin 45^\circ \cos 30^\circ - \cos 45^\circ \sin 30^\circ"),
    (r"2x^2 - 12x + 5", r"2(x-3)^2 - 4"),
    (r"\frac{5x + 1}{(x+1)(x-1)}", r"\frac{3}{x+1} + \frac{2}{x-1}"),
    (r"\int e^{2x}\,dx", r"2e^{2x} + C"),
    (r"\frac{3}{4} \div \frac{1}{2}", r"\frac{3}{8}"),
    (r"\frac{\ln 20}{\ln 3}", r"2.72 \text{ (3 s.f.)}"),
])
def test_school_algebra_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\$500 \times 1.03^2", r"\$530.45"),
    (r"\text{£}240 \times 1.2", r"\text{£}288"),
    (r"\pounds 20 + \pounds 15", r"\pounds 35"),
    (r"€12 \times 3", r"€36"),
    (r"\$1200 \times 0.05 \times 3", r"\$180"),
    (r"\frac{\$60}{\$240} \times 100\%", r"25\%"),
])
def test_an_amount_of_money_with_its_mark_before_it_is_read(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\text{£}20 + \text{£}15", r"\text{£}45"),
    (r"\$1200 \times 0.05 \times 3", r"\$18"),
    (r"\$500 \times 2", r"\$1100"),
])
def test_a_slip_in_an_amount_of_money_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_amounts_in_two_currencies_are_not_compared() -> None:
    # no rate of exchange is known: neither verified nor a false alarm
    assert _status(r"\pounds 100", r"\$127") == "unverified"
    assert _status(r"\pounds 100", r"\$100") != "verified"


@pytest.mark.parametrize("sentence", [
    "Using the laws of logarithms (all logs to base 10), we find",
    "We take all logarithms to base 10 in this chapter.",
    "Since $\\log$ here is the common logarithm,",
    "where $\\log$ throughout denotes $\\log_{10}$.",
])
def test_a_teachers_sentence_fixes_the_common_logarithm(sentence: str) -> None:
    body = (sentence + "\n\\begin{align*}\n\\log 2 + \\log 5 &= \\log 10 \\\\\n&= 1\n\\end{align*}\n"
            "Next, a slip we must still catch whatever the base of the logarithm is.\n"
            "\\begin{align*}\n\\log 1000 &= 4\n\\end{align*}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "verified", "refuted"]


@pytest.mark.parametrize("sentence", [
    "Is the log here base 10 or not?",
    "If all logs were to base 10, then the following would hold.",
])
def test_a_sentence_that_only_asks_about_the_base_fixes_nothing(sentence: str) -> None:
    body = sentence + "\n\\begin{align*}\n\\log 100 &= 2\n\\end{align*}\n"
    assert [s.verdict.status.value for s in checked_steps(body)] == ["unverified"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\tan 45\degree", r"1"),
    (r"\sin 30°", r"0.5"),
    (r"\cos 60^o", r"\frac12"),
    (r"\cos 60^{o}", r"\frac12"),
    (r"180\degree - 30\degree", r"150\degree"),
    (r"\sin 30° + \cos 60°", r"1"),
    (r"\sin 150\textdegree", r"\sin 30^\circ"),
])
def test_a_degree_sign_typed_otherwise_is_a_degree_sign(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos 60^o", r"-0.5"),
    (r"\tan 45\degree", r"2"),
    (r"\sin 30°", r"\frac{\sqrt3}{2}"),
])
def test_a_slip_with_a_degree_sign_typed_otherwise_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("text", [r"x^o", r"a^{o} b", r"(2)^o"])
def test_a_letter_o_raised_over_no_number_is_no_degree_sign(text: str) -> None:
    assert "\\circ" not in [t.text for t in prepare(text)]
