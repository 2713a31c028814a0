"""Red team of worked numerical examples with rounding (round 17): a share rounded to whole percent
(0.161 = 16\\%), a decimal rounded up or down to a whole count (n = 216.09 = 217) and a short rounded
value put in for a part of the line before (5\\sqrt{2} = 5(1.4)) are no slips; wrong numbers beside
them are still refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


@pytest.mark.parametrize("lhs, rhs", [
    ("0.161", r"16\%"),
    ("0.364", r"36\%"),
    (r"\frac{1}{3}", r"33\%"),
    ("0.166", r"17 \%"),
    (r"\frac{17}{68}", r"25\%"),
])
def test_whole_percent_rounds(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("0.25", r"26\%"),
    (r"\frac{17}{68}", r"24\%"),
    (r"0.3 \times 0.3", r"6\%"),
    ("0.5", r"5\%"),
    ("0.161", r"61\%"),
])
def test_wrong_percent_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [("216.09", "217"), ("14.2", "15"), ("3.25", "4"), ("-2.5", "-3"),
                                      ("1067.11", "1067")])
def test_rounding_to_a_whole_count_is_not_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) != "refuted"


@pytest.mark.parametrize("lhs, rhs", [("216.09", "218"), ("2.0", "3"), (r"\frac{3}{2}", "3"),
                                      (r"14.7^2", "217.1")])
def test_other_whole_numbers_are_still_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"5\sqrt{2}", "5(1.4)"),
    (r"12(1 - e^{-1})", "12(1 - 0.37)"),
    (r"1000(1.05)^{10}", "1000(1.6)"),
    (r"\frac{2.3}{8/6}", r"\frac{2.3}{1.3}"),
    (r"\sqrt{2} + \sqrt{3}", "1.4 + 1.7"),
])
def test_short_rounded_value_put_in_is_not_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"5\sqrt{2}", "5(1.5)"),  # not the value rounded
    (r"12(1 - e^{-1})", "12(1 + 0.37)"),  # a sign flipped beside the value put in
    (r"1000(1.05)^{10}", "100(1.6)"),  # a factor changed beside it
    (r"\frac{5000}{1.06^5}", r"\frac{500}{1.3}"),
    (r"\sqrt{2} - \sqrt{3}", "1.4 + 1.7"),
    (r"\sqrt{2} + \sqrt{3}", "1.4 + 1.8"),
])
def test_slips_beside_rounded_values_are_caught(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def _findings(body: str):
    text = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_text(text, "notes.tex", Config(jobs=0)).findings


def test_worked_example_chain_has_no_finding() -> None:
    body = r"""To estimate a mean within 2 units:
\begin{align*}
n &= \left(\frac{1.96 \cdot 15}{2}\right)^2 = 14.7^2 = 216.09 = 217, \\
p &= \frac{0.0095}{0.059} = 0.161 = 16\%, \\
V &= 12\left(1 - e^{-1}\right) = 12(1 - 0.37) = 12(0.63) = 7.56 .
\end{align*}"""
    assert _findings(body) == ()


def test_slip_in_worked_example_is_reported() -> None:
    body = r"""\begin{align*}
V &= 12\left(1 - e^{-1}\right) = 12(1 - 0.37) = 12(0.63) = 6.56 .
\end{align*}"""
    assert len(_findings(body)) == 1


@pytest.mark.parametrize("lhs, rhs", [
    (r"10,000 \times 1.05", r"10,600"),  # thousands: not 10 = 10
    (r"2,5 \cdot 2", r"5"),  # a decimal comma
])
def test_a_comma_inside_a_number_is_not_read_as_the_end_of_the_math(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified" and "comma inside a number" in verdict.reason


def test_a_note_after_a_spaced_comma_is_still_cut() -> None:
    assert check_step(r"3 + 4", r"7, 8", "=").status.value == "verified"
