"""Signals and systems notes in the styles of Oppenheim & Willsky, Lathi, MIT 6.003 and Proakis: j as the
imaginary unit, stated once at the head of the notes as "$j = \\sqrt{-1}$" (a statement of the unit, not
a value put in: \\sqrt{-1} has no value at the real points sampled, and slips went unseen), and the
unit's letter held to the end of the file, as a logarithm's base is (not only for a passage)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    """Each step's status and the reason of its verdict."""
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


UNIT_SENTENCES = [
    "Let $j = \\sqrt{-1}$ denote the imaginary unit.",
    "Throughout, $j = \\sqrt{-1}$ and $0 < a < 1$.",
    "As is usual in engineering we write $j^2 = -1$.",
]


@pytest.mark.parametrize("sentence", UNIT_SENTENCES)
def test_a_slip_beside_the_stated_unit_is_refuted(sentence: str) -> None:
    body = sentence + "\n\n" + _chain(
        "\\cos(\\omega_0 t) &= \\frac{1}{2j}\\left(e^{j\\omega_0 t} + e^{-j\\omega_0 t}\\right)") \
        + "\n" + _chain("e^{j\\pi/2} &= -j") \
        + "\n" + _chain("1 - e^{-j\\omega} &= 2j e^{-j\\omega/2}\\cos(\\omega/2)")
    verdicts = _verdicts(body)
    assert {status for status, _ in verdicts.values()} == {"refuted"}


@pytest.mark.parametrize("sentence", UNIT_SENTENCES)
def test_correct_steps_beside_the_stated_unit_verify(sentence: str) -> None:
    body = sentence + "\n\n" + _chain(
        "\\sin(\\omega_0 t) &= \\frac{1}{2j}\\left(e^{j\\omega_0 t} - e^{-j\\omega_0 t}\\right)",
        "1 - e^{-j\\omega} &= e^{-j\\omega/2}\\left(e^{j\\omega/2} - e^{-j\\omega/2}\\right)",
        "&= 2j e^{-j\\omega/2}\\sin(\\omega/2)",
        "e^{j\\pi/2} &= j")
    verdicts = _verdicts(body)
    assert verdicts and {status for status, _ in verdicts.values()} == {"verified"}


def test_the_stated_unit_holds_far_below_its_sentence() -> None:
    # one sentence at the head of the notes, the transform tables many lines below it
    filler = "".join(f"Some remark {k} on the notation of the course.\n\n" for k in range(40))
    body = ("We write $j = \\sqrt{-1}$ for the imaginary unit.\n\n" + filler
            + _chain("\\int_{-T/2}^{T/2} e^{-j\\omega t}\\,dt &= \\frac{\\sin(\\omega T/2)}{\\omega}")
            + _chain("\\int_{-\\infty}^{\\infty} e^{-a|t|}e^{-j\\omega t}\\,dt &= \\frac{2a}{a^2 + \\omega^2}"))
    verdicts = _verdicts(body)
    assert verdicts["\\int_{-T/2}^{T/2} e^{-j\\omega t}\\,dt = \\frac{\\sin(\\omega T/2)}{\\omega}"][0] == "refuted"
    assert verdicts["\\int_{-\\infty}^{\\infty} e^{-a|t|}e^{-j\\omega t}\\,dt = \\frac{2a}{a^2 + \\omega^2}"][0] \
        == "verified"


def test_j_as_a_summation_index_is_no_unit_below_the_statement() -> None:
    body = "Let $j = \\sqrt{-1}$.\n\n" + _chain("\\sum_{j=1}^{n} j &= \\frac{n(n+1)}{2}")
    assert set(_verdicts(body).values()) == {("verified", "")}


# transforms, partial fractions and dB values that already worked: they must stay so

@pytest.mark.parametrize("lhs, rhs", [
    ("\\sum_{n=0}^{\\infty} (a z^{-1})^n", "\\frac{1}{1 - a z^{-1}}"),
    ("\\frac{1}{1 - a z^{-1}}", "\\frac{z}{z - a}"),
    ("\\int_0^\\infty e^{-at} e^{-st}\\,dt", "\\frac{1}{s + a}"),
    ("\\int_0^\\infty \\sin(\\omega_0 t) e^{-st}\\,dt", "\\frac{\\omega_0}{s^2 + \\omega_0^2}"),
    ("\\frac{1}{(1 - \\frac{1}{2}z^{-1})(1 - \\frac{1}{4}z^{-1})}",
     "\\frac{2}{1 - \\frac{1}{2}z^{-1}} - \\frac{1}{1 - \\frac{1}{4}z^{-1}}"),
    ("20\\log_{10}\\frac{1}{\\sqrt{2}}", "-10\\log_{10} 2"),
    ("(1 - re^{j\\theta}z^{-1})(1 - re^{-j\\theta}z^{-1})", "1 - 2r\\cos\\theta\\, z^{-1} + r^2 z^{-2}"),
    ("\\frac{2}{T}\\frac{1 - e^{-j\\omega}}{1 + e^{-j\\omega}}", "\\frac{2}{T} j\\tan\\frac{\\omega}{2}"),
])
def test_textbook_transforms_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, kind", [
    ("\\sum_{n=0}^{\\infty} (a z^{-1})^n", "\\frac{1}{1 - a z}", "exponent"),
    ("\\frac{1}{1 - a z^{-1}}", "\\frac{z}{z + a}", "sign_flip"),
    ("\\int_0^\\infty t e^{-st}\\,dt", "\\frac{1}{s}", "exponent"),
    ("\\frac{1}{(s+1)(s+2)}", "\\frac{1}{s+1} + \\frac{1}{s+2}", "sign_flip"),
    ("20\\log_{10} 2", "3.01", "constant_factor"),
    ("1 - e^{-j\\omega}", "2j e^{-j\\omega/2}\\cos(\\omega/2)", "wrong_function"),
    ("\\frac{1 + z^{-1}}{(1 - z^{-1}) + (1 + z^{-1})}", "1 + z^{-1}", "constant_factor"),
])
def test_textbook_slips_are_refuted_with_their_diagnosis(lhs: str, rhs: str, kind: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


def test_a_displayed_unit_is_no_value_put_in() -> None:
    # (put in, \sqrt{-1} had no value at the real points, and the slip below it was left undecided)
    body = "Define\n" + _chain("j &= \\sqrt{-1}") + "Then\n" + _chain("e^{j\\pi/2} &= -j")
    assert _verdicts(body)["e^{j\\pi/2} = -j"][0] == "refuted"
