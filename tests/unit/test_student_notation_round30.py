"""Math typed by people who are not LaTeX experts: scripts without braces (x^-1, e^-x, 2^10, e^(2x)),
function names without their backslash (sin x, log(x)), and numbers after \\approx. TeX's own reading of
such text (x^{-}1, 2^{1}0, the product s i n x) is never the author's, so it refuted correct steps or
left them unread; a reading of the author's is tried, and a step is refuted only in every reading."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents
from lintmath.check import check_step
from lintmath.typed import readings


def _status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{d}{dx} x^-1", r"-x^-2"),
    (r"\frac{d}{dx} e^-x", r"-e^-x"),
    (r"x^-1 \cdot x^-2", r"x^-3"),
    (r"\frac{1}{x^-2}", r"x^2"),
    (r"(1+t)^-1", r"\frac{1}{1+t}"),
    (r"2^10", r"1024"),
    (r"2^10 - 2^9", r"2^9"),
    (r"10^-3 \cdot 10^5", r"10^2"),
    (r"x^0.5 \cdot x^0.5", r"x"),
    (r"\sum_{k=1}^10 k", r"55"),
    (r"\int_0^\infty e^-u\, du", r"1"),
    (r"\frac{d}{dx} e^(3x)", r"3e^(3x)"),
    (r"e^(2x) \cdot e^(x)", r"e^(3x)"),
    (r"\frac{d}{dt} e^-2t", r"-2e^-2t"),
])
def test_a_script_typed_without_braces_is_read_as_meant(lhs: str, rhs: str) -> None:
    # (x^-1 was refuted as x^{-} times 1, 2^10 as 2^1 times 0)
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"\frac{d}{dx} x^-3", r"-3x^-2", "wrong exponent"),
    (r"x^-1 \cdot x^-2", r"x^-2", "wrong exponent"),
    (r"2^10", r"1000", "arithmetic slip"),
    (r"\frac{d}{dx} e^(3x)", r"e^(3x)", "constant factor"),
    (r"\frac{1}{x^-2}", r"x^-2", "reciprocal"),
])
def test_a_slip_in_unbraced_scripts_is_refuted_and_named_in_the_authors_text(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    # the edit found on the braced reading is carried back to what was typed
    assert verdict.diagnosis is not None and "{" not in verdict.diagnosis.suggestion
    assert kind in verdict.diagnosis.detail or kind.split()[0] in verdict.diagnosis.kind.replace("_", " ") \
        or kind in _finding_message(lhs, rhs)


def _finding_message(lhs: str, rhs: str) -> str:
    body = f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    from lintmath.config import Config
    from lintmath.extract import extract_text
    from lintmath.pipeline import check_documents
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return " ".join(f.message for f in result.findings)


def test_a_slip_of_x_to_the_minus_three_names_the_exponent() -> None:
    message = _finding_message(r"\frac{d}{dx} x^-3", r"-3x^-2")
    assert "wrong exponent" in message and "`-3x^-4`" in message


def test_a_script_that_may_reach_over_the_letters_after_it_is_refuted_in_neither_reading() -> None:
    # e^2x is e^{2}x to TeX, e^{2x} to whoever typed it: holding in one reading, it is no error
    assert _status(r"e^2x \cdot e^x", r"e^3x") == "unverified"
    # (TeX's reading is the default where nothing unusual is typed: a^2b^2 is a^2 b^2)
    assert _status(r"a^2b^2", r"(ab)^2") == "verified"
    assert _status(r"x^2y + xy^2", r"xy(x-y)") == "refuted"


def test_slips_refuted_in_every_reading_stay_refuted() -> None:
    assert _status(r"\int_0^\infty e^-u\, du", r"2") == "refuted"
    assert _status(r"\sum_{k=1}^10 k", r"45") == "refuted"
    assert _status(r"10^-3 \cdot 10^5", r"10^8") == "refuted"


@pytest.mark.parametrize("text", [
    r"a^2b^2", r"\int_0^1 x^2dx", r"t^2v^TAv", r"x^{-1}", r"10^{-3}", r"T_k^+ - T_k^-", r"\sigma^- + \sigma^+",
    r"x_0x_1", r"e^{i\pi}", r"\text{log}(x)", r"\mathrm{sin}\,x", r"\log x", r"exp = (a + b)", r"\frac{ln}{2}",
    r"x_{\cos}",
])
def test_text_typed_as_tex_has_no_other_reading(text: str) -> None:
    assert readings(text) is None


@pytest.mark.parametrize("text, short, whole", [
    (r"x^-1", r"x^{-1}", r"x^{-1}"),
    (r"e^-2x", r"e^{-2}x", r"e^{-2x}"),
    (r"e^-x^2", r"e^{-x^2}", r"e^{-x^2}"),
    (r"2^10", r"2^{10}", r"2^{10}"),
    (r"e^(2x)", r"e^{2x}", r"e^{2x}"),
    (r"e^2x", r"e^2x", r"e^{2x}"),
    (r"2 sin(x) cos(x)", r"2 \sin(x) \cos(x)", r"2 \sin(x) \cos(x)"),
    (r"log_2 8", r"\log_2 8", r"\log_2 8"),
])
def test_the_readings_of_plainly_typed_text(text: str, short: str, whole: str) -> None:
    found = readings(text)
    assert found is not None and (found.short, found.whole) == (short, whole)


@pytest.mark.parametrize("lhs, rhs", [
    (r"sin(2x)", r"2 sin(x) cos(x)"),
    (r"sin^2 x + cos^2 x", r"1"),
    (r"sin x / cos x", r"tan x"),
    (r"\frac{d}{dx} ln(x)", r"1/x"),
    (r"log(x^3)", r"3 log(x)"),
    (r"exp(2x) exp(x)", r"exp(3x)"),
    (r"e^{ln 2 + ln 3}", r"6"),
    (r"log_2 8", r"3"),
    (r"cosh^2 x - sinh^2 x", r"1"),
])
def test_a_function_typed_as_a_word_is_that_function(lhs: str, rhs: str) -> None:
    # (read as a product of its letters, sin x / cos x = tan x introduced a, t: unread)
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"sin(2x)", r"sin(x) cos(x)"),
    (r"\frac{d}{dx} cos(x)", r"sin(x)"),
    (r"log(x^3)", r"log(3x)"),
    (r"log_2 8", r"4"),
])
def test_a_slip_with_functions_typed_as_words_is_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


def test_a_function_word_in_a_chain_of_markdown() -> None:
    body = "\\begin{align*}\n\\frac{d}{dx} \\left( x sin x \\right) &= sin x + x cos x \\\\\n" \
           "&= sin x - x cos x\n\\end{align*}\n"
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "refuted"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\pi", r"3.14"), (r"\pi", r"3.1415"), (r"\pi", r"3"), (r"\sqrt 2", r"1.414"), (r"e^2", r"7.389"),
    (r"1 - e^{-1}", r"0.632"), (r"2^{10}", r"1000"), (r"10!", r"3.6 \times 10^6"), (r"0.95^{50}", r"7.7\%"),
    (r"\frac{22}{7}", r"3.14"), (r"\sin(0.1)", r"0.1"), (r"\frac{110 - 100}{15}", r"0.67"),
])
def test_a_number_after_approx_that_rounds_the_value_is_verified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs, "~=") == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt 2", r"1.314"), (r"1 - e^{-1}", r"0.368"), (r"\ln 2", r"0.963"), (r"10!", r"3.6 \times 10^5"),
    (r"\frac{110 - 100}{15}", r"0.76"),
])
def test_a_number_after_approx_far_from_the_value_is_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "~=")
    assert verdict.status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"x", r"x + 0.001"),  # letters: an approximation of the author's, not decided
    (r"\pi", r"3.2"),  # off by less than a few units of its last digit: maybe cut short, not decided
    (r"\pi", r"\frac{22}{7}"),  # no number as written on the right: no rounding to judge
    (r"\frac{60\,000\,\text{m}}{3600\,\text{s}}", r"16.7\,\text{m/s}"),
])
def test_other_approximations_are_not_decided(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs, "~=") in ("skipped", "unverified")


def test_a_star_beside_a_derivative_is_a_product_whose_slip_is_refuted() -> None:
    # a notebook's gradient: no operation of the prose's own is differentiated
    assert _status(r"\frac{\partial}{\partial w} (w*x - y)^2", r"2*(w*x - y)*x") == "verified"
    assert _status(r"\frac{\partial}{\partial w} (w*x - y)^2", r"2*(w*x - y)") == "refuted"
    assert _status(r"\frac{d}{dx}(3*x^2)", r"6*x^2") == "refuted"


def test_a_star_among_numbers_or_letters_alone_may_still_be_an_operation() -> None:
    # (2 * 3 = 11 under a * b = a + b + ab, a group's law the prose defines)
    assert _status(r"2 * 3", r"11") == "unverified"
    assert _status(r"u * v", r"u + v + uv") == "unverified"


def test_a_number_far_off_after_approx_is_a_warning_never_an_error() -> None:
    # the issue: \approx is never an error; how close an approximation must be is the author's call
    doc = ("\\documentclass{article}\n\\begin{document}\n\\begin{align*}\n\\sqrt{2} &\\approx 1.314\n"
           "\\end{align*}\n\\end{document}\n")
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    assert [f.severity for f in result.findings] == ["warning"], result.findings
