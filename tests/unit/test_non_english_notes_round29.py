"""Lecture notes whose prose is not English: the function names of French, Russian and Spanish notes
(\\operatorname{tg}, \\operatorname{ch}, \\operatorname{sh}, \\arctg, \\operatorname{sen}), the differential
typed \\text{d}x, and the words that make a lone equation one to solve or a condition ("Gesucht ist $x$ mit",
"Найдём $x$, такое что", "求 $x$ 使得", "wenn") rather than an identity."""
from __future__ import annotations

import pytest

from documents import checked_steps, display


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


def _status(body: str, lhs: str, rhs: str) -> str:
    return _verdicts(body)[f"{lhs} = {rhs}"][0]


def _one(prose: str, lhs: str, rhs: str) -> str:
    return _status(display(prose, lhs, rhs), lhs, rhs)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\operatorname{ch}^2 x - \operatorname{sh}^2 x", "1"),
    (r"\operatorname{sh}(2x)", r"2\operatorname{sh} x \operatorname{ch} x"),
    (r"\operatorname{ch}(2x)", r"2\operatorname{ch}^2 x - 1"),
    (r"\operatorname{th} x", r"\frac{\operatorname{sh} x}{\operatorname{ch} x}"),
    (r"(\operatorname{sh} x)'", r"\operatorname{ch} x"),
    (r"\operatorname{tg}(2x)", r"\frac{2\operatorname{tg} x}{1 - \operatorname{tg}^2 x}"),
    (r"\operatorname{arctg} \sqrt{3}", r"\frac{\pi}{3}"),
    (r"\frac{\mathrm{d}}{\mathrm{d}x} \operatorname{arctg} x", r"\frac{1}{1 + x^2}"),
    (r"\tg x \cdot \ctg x", "1"),
    (r"(\arctg x)'", r"\frac{1}{1 + x^2}"),
    (r"\operatorname{sen}(2x)", r"2\operatorname{sen} x \cos x"),
    (r"\operatorname{arcsen} \frac{1}{2}", r"\frac{\pi}{6}"),
])
def test_french_russian_and_spanish_function_names_are_read(lhs: str, rhs: str) -> None:
    assert _one("Soit $x$ un réel.", lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\operatorname{ch}(2x)", r"2\operatorname{ch}^2 x + 1"),
    (r"\operatorname{sh}(2x)", r"\operatorname{sh} x \operatorname{ch} x"),
    (r"1 + \operatorname{tg}^2 x", r"\frac{1}{\sin^2 x}"),
    (r"(\operatorname{ch} x)'", r"-\operatorname{sh} x"),
    (r"\cos(2x)", r"1 - \operatorname{sen}^2 x"),
    (r"\tg\frac{\pi}{3}", "1"),
    (r"\operatorname{arctg} \sqrt{3}", r"\frac{\pi}{6}"),
])
def test_slips_in_those_names_stay_refuted(lhs: str, rhs: str) -> None:
    assert _one("Soit $x$ un réel.", lhs, rhs) == "refuted"


def test_slip_diagnosis_names_the_mistake_in_an_operator_name() -> None:
    from lintmath.config import Config
    from lintmath.extract import extract_text
    from lintmath.pipeline import check_documents
    doc = ("\\documentclass{article}\n\\begin{document}\nSoit $x$ un réel.\n\\begin{align*}\n"
           "\\operatorname{ch}(2x) &= 2\\operatorname{ch}^2 x + 1 \\\\\n"
           "1 + \\operatorname{tg}^2 x &= \\frac{1}{\\sin^2 x}\n\\end{align*}\n\\end{document}\n")
    findings = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0].findings
    messages = " | ".join(f.message for f in findings)
    assert "sign error" in messages and "2\\operatorname{ch}^2 x - 1" in messages
    assert "wrong function" in messages and "\\cos" in messages


@pytest.mark.parametrize("word", ["ch", "sh", "tg", "th"])
def test_an_upright_label_with_such_a_name_is_no_function(word: str) -> None:
    # E_{\mathrm{ch}}, v_{\mathrm{tg}}: labels of a quantity, which only \operatorname makes a function
    lhs, rhs = rf"2E_{{\mathrm{{{word}}}}} + E_{{\mathrm{{{word}}}}}", rf"3E_{{\mathrm{{{word}}}}}"
    assert _one("", lhs, rhs) == "verified"


def test_an_unknown_operator_stays_unread() -> None:
    # \operatorname{arcctg} has no reading here: unverified, never guessed
    assert _one("", r"\operatorname{arcctg} 1", r"\frac{\pi}{4}") == "unverified"


@pytest.mark.parametrize("differential", [r"\text{d}x", r"\text{d} x"])
def test_the_differential_typed_as_text_ends_the_integral(differential: str) -> None:
    body = ("\\begin{align*}\n"
            f"\\int_0^1 x \\mathrm{{e}}^{{x}} \\,{differential} &= \\left[ x\\mathrm{{e}}^x \\right]_0^1 - "
            f"\\int_0^1 \\mathrm{{e}}^x \\,{differential} \\\\\n"
            "&= \\mathrm{e} - (\\mathrm{e} - 1) \\\\\n&= 1\n\\end{align*}\n"
            f"\\begin{{align*}}\n\\int_0^1 x^2 \\,{differential} &= \\frac{{1}}{{2}}\n\\end{{align*}}\n")
    statuses = [s.verdict.status.value for s in checked_steps(body)]
    assert statuses == ["verified", "verified", "verified", "refuted"]


def test_a_text_annotation_after_the_differential_is_still_an_annotation() -> None:
    assert _one("", r"\int_0^1 x \,\text{d}x \text{ (par parties)}", r"\frac{1}{2}") == "verified"


@pytest.mark.parametrize("prose", [
    "Gesucht ist $x$ mit",
    "Löse die Gleichung",
    "On cherche $x$ tel que",
    "Résoudre :",
    "Hallar $x$ tal que",
    "Resolver:",
    "Trovare $x$ tale che",
    "Determine $x$ tal que",
    "Решить уравнение",
    "Найдём $x$, такое что",
    "求 $x$ 使得",
    "解方程",
    "$x$ が次を満たす",
    "Im Gleichgewicht gilt",
    "Der Schätzer ist besser, wenn",
])
def test_an_equation_to_solve_in_other_languages_is_no_identity(prose: str) -> None:
    assert _one(prose, "x^2", "2x + 3") == "unverified"


@pytest.mark.parametrize("prose", ["Alors", "Dann ist", "Entonces", "Tem-se:", "Тогда", "则", "Lösung:"])
def test_words_that_open_a_claim_leave_it_a_claim(prose: str) -> None:
    assert _one(prose, "(a + b)^2", "a^2 + 2ab + b^2") == "verified"
    assert _one(prose, "(a - b)^2", "a^2 - b^2") == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\lg 1000", "3", "verified"),
    (r"\lg 2 + \lg 5", "1", "verified"),
    (r"\lg 100 + \lg 0{,}1", "1", "verified"),
    (r"\lg 1000", "4", "refuted"),
    (r"3{,}5 \times 2", "7", "verified"),
    (r"12\,000 \cdot 0{,}05", "600", "verified"),
    (r"12\,000 \cdot 0{,}05", "60", "refuted"),
    (r"0{,}2 \cdot 0{,}5", "0{,}01", "refuted"),
])
def test_decimal_logarithms_and_commas_of_continental_notes(lhs: str, rhs: str, status: str) -> None:
    assert _one("Hier bezeichnet $\\lg$ den Zehnerlogarithmus.", lhs, rhs) == status


@pytest.mark.parametrize("prose", ["Soit $z = 1 + \\mathrm{i}$. Alors", "Sei $z = 1 + \\mathrm{i}$. Dann ist",
                                   "Пусть $z = 1 + \\mathrm{i}$. Тогда", "设 $z = 1 + \\mathrm{i}$，则"])
def test_a_value_given_in_another_language_is_used(prose: str) -> None:
    assert _one(prose, "z^2", r"2\mathrm{i}") == "verified"
