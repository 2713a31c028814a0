"""LyX lecture notes (.lyx, as LyX 2.x saves them): formulas are raw LaTeX inside insets, the preamble
and FormulaMacro insets hold the macros, ERT insets hold raw LaTeX with \\backslash for each backslash,
Note insets are comments; and roots SymPy cancels ((\\sqrt{1 - 4g^2})^4, a product of M equal roots)
keep their real domain."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_path, extract_text
from lintmath.extract.lyx import lyx_to_latex
from lintmath.pipeline import check_documents

HEAD = """#LyX 2.3 created this file. For more info see http://www.lyx.org/
\\lyxformat 544
\\begin_document
\\begin_header
\\textclass article
\\begin_preamble
\\newcommand{\\reals}{\\mathbf{R}}
\\end_preamble
\\use_package amsmath 1
\\end_header

\\begin_body
"""
TAIL = "\n\\end_body\n\\end_document\n"


def _formula(*rows: str) -> str:
    return "\\begin_layout Standard\n\\begin_inset Formula " + "\n".join(rows) + "\n\\end_inset\n\n\n\\end_layout\n\n"


def _macro(definition: str) -> str:
    return "\\begin_layout Standard\n\\begin_inset FormulaMacro\n" + definition + "\n\\end_inset\n\n\n\\end_layout\n\n"


def _ert(*lines: str) -> str:
    return ("\\begin_layout Standard\n\\begin_inset ERT\nstatus open\n\n\\begin_layout Plain Layout\n"
            + "\n".join(lines) + "\n\\end_layout\n\n\\end_inset\n\n\n\\end_layout\n\n")


def _text(*lines: str) -> str:
    return "\\begin_layout Standard\n" + "\n".join(lines) + "\n\\end_layout\n\n"


def _note(*lines: str) -> str:
    return ("\\begin_layout Standard\n\\begin_inset Note Note\nstatus open\n\n\\begin_layout Plain Layout\n"
            + "\n".join(lines) + "\n\\end_layout\n\n\\end_inset\n\n\n\\end_layout\n\n")


def _checked(body: str) -> dict[str, tuple[str, int]]:
    doc = extract_text(HEAD + body + TAIL, "notes.lyx", suffix=".lyx")
    steps = check_documents([doc], ["notes.lyx"], Config(jobs=0, budget=2.0, seed=0))[0].steps
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.step.rhs.line)
            for s in steps}


def test_a_formula_inset_is_a_display_with_its_rows_and_the_lyx_file_lines() -> None:
    body = _formula("\\begin{align*}", "\\left(a+b\\right)^{2} & =a^{2}+2ab+b^{2}\\\\",
                    " & =\\left(a-b\\right)^{2}+4ab\\\\", " & =\\left(b-a\\right)^{2}+2ab", "\\end{align*}")
    got = _checked(body)
    lines = (HEAD + body).split("\n")
    row = next(k for k, line in enumerate(lines, 1) if line.startswith(" & =\\left(b-a"))
    assert got["\\left(a+b\\right)^{2} = a^{2}+2ab+b^{2}"][0] == "verified"
    assert got["a^{2}+2ab+b^{2} = \\left(a-b\\right)^{2}+4ab"][0] == "verified"
    assert got["\\left(a-b\\right)^{2}+4ab = \\left(b-a\\right)^{2}+2ab"] == ("refuted", row)


def test_formula_macros_with_arguments_and_the_preamble_define_the_notation() -> None:
    body = (_macro("\\newcommand{\\norm}[1]{\\left\\Vert #1\\right\\Vert }")
            + _macro("\\newcommand{\\sigmoid}[1]{\\frac{1}{1+e^{-#1}}}")
            + _formula("\\begin{align*}", "\\lambda\\norm w_{2}^{2} & =\\lambda\\sum_{j=1}^{d}w_{j}^{2}\\\\",
                       "\\sigmoid z & =\\frac{e^{z}}{1+e^{z}}", "\\end{align*}")
            + _formula("\\[", "\\sigmoid z=\\frac{e^{z}}{1-e^{z}}", "\\]"))
    got = _checked(body)
    assert got["\\lambda\\norm w_{2}^{2} = \\lambda\\sum_{j=1}^{d}w_{j}^{2}"][0] == "verified"
    assert got["\\sigmoid z = \\frac{e^{z}}{1+e^{z}}"][0] == "verified"
    assert got["\\sigmoid z = \\frac{e^{z}}{1-e^{z}}"][0] == "refuted"


def test_an_ert_inset_is_raw_latex_with_its_backslashes_restored() -> None:
    body = (_ert("", "", "\\backslash", "newcommand{", "\\backslash", "ip}[2]{", "\\backslash",
                 "langle #1,#2", "\\backslash", "rangle}")
            + _formula("\\begin{align*}", "\\ip{x+y}{x+y} & =\\ip xx+2\\ip xy+\\ip yy", "\\end{align*}"))
    assert "\\newcommand{\\ip}[2]{\\langle #1,#2\\rangle}" in lyx_to_latex(HEAD + body + TAIL)
    assert _checked(body)["\\ip{x+y}{x+y} = \\ip xx+2\\ip xy+\\ip yy"][0] == "verified"


def test_a_note_is_a_comment_and_text_characters_are_text() -> None:
    body = (_note("\\begin{align*} a & = b+1 \\end{align*}")
            + _text("Costs 50% less, $5 & more; a_b {c} ", "wrapped over two lines.")
            + _formula("\\begin{align*}", "\\frac{1}{1+1}+\\frac{1}{2+1}+\\frac{1}{3+1} & =\\frac{13}{12}",
                       "\\end{align*}"))
    got = _checked(body)
    assert list(got) == ["\\frac{1}{1+1}+\\frac{1}{2+1}+\\frac{1}{3+1} = \\frac{13}{12}"]
    assert got["\\frac{1}{1+1}+\\frac{1}{2+1}+\\frac{1}{3+1} = \\frac{13}{12}"][0] == "verified"
    latex = lyx_to_latex(HEAD + body + TAIL)
    assert "Costs 50\\% less, \\$5 \\& more; a\\_b \\{c\\} wrapped over two lines." in latex


def test_inline_formulas_and_branches_and_eqnarray() -> None:
    body = (_text("Let ", "\\begin_inset Formula $x\\in\\reals^{d}$", "\\end_inset", "", " be given.")
            + "\\begin_layout Standard\n\\begin_inset Branch solutions\nstatus open\n\n"
            + _formula("\\begin{eqnarray*}", "\\frac{d}{dm}\\left(1-m\\right)^{2} & = & -2\\left(1-m\\right)\\\\",
                       " & = & 2m+2", "\\end{eqnarray*}")
            + "\\end_inset\n\n\n\\end_layout\n\n")
    got = _checked(body)
    assert got["\\frac{d}{dm}\\left(1-m\\right)^{2} = -2\\left(1-m\\right)"][0] == "verified"
    assert got["-2\\left(1-m\\right) = 2m+2"][0] == "refuted"
    assert "Let $x\\in\\reals^{d}$ be given." in " ".join(lyx_to_latex(HEAD + body + TAIL).split())


def test_a_lyx_file_on_disk_is_extracted(tmp_path) -> None:
    path = tmp_path / "lecture.lyx"
    path.write_text(HEAD + _formula("\\[", "\\binom{5}{2}=10", "\\]") + TAIL)
    doc = extract_path(str(path))
    assert len(doc.derivations) == 1
    assert doc.lines[0].startswith("#LyX")


@pytest.mark.parametrize("lhs, rhs", [
    # true for |gamma| <= 1/2, where the root is real; past it SymPy's (1 - 4 gamma^2)^{M/2} is real
    # again at an even M, where the notes' real root is undefined
    ("\\prod_{m=1}^{M}\\sqrt{1-4\\gamma^{2}}", "e^{-2M\\gamma^{2}}"),
    ("\\left(\\sqrt{1-4\\gamma^{2}}\\right)^{4}", "e^{-8\\gamma^{2}}"),
])
def test_a_root_sympy_cancels_keeps_its_real_domain(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "<=").status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs, relation", [
    ("\\prod_{m=1}^{M}\\sqrt{1-4\\gamma^{2}}", "e^{-4M\\gamma^{2}}", "<="),
    ("\\left(\\sqrt{1-4\\gamma^{2}}\\right)^{4}", "1-8\\gamma^{2}+12\\gamma^{4}", "="),
    ("\\left(\\sqrt{t-1}\\right)^{2}", "t+1", "="),
])
def test_slips_beside_a_cancelled_root_stay_refuted(lhs: str, rhs: str, relation: str) -> None:
    assert check_step(lhs, rhs, relation).status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\left(1-\\epsilon\\right)\\sqrt{\\frac{\\epsilon}{1-\\epsilon}}+\\epsilon\\sqrt{\\frac{1-\\epsilon}{\\epsilon}}",
     "2\\sqrt{\\epsilon\\left(1-\\epsilon\\right)}", "verified"),
    ("\\left(1-\\epsilon\\right)\\sqrt{\\frac{\\epsilon}{1-\\epsilon}}+\\epsilon\\sqrt{\\frac{1-\\epsilon}{\\epsilon}}",
     "\\sqrt{\\epsilon\\left(1-\\epsilon\\right)}", "refuted"),
    ("\\frac{1}{2}\\log\\left(2\\pi e\\sigma^{2}\\right)", "\\frac{1}{2}+\\frac{1}{2}\\log\\left(2\\pi\\sigma^{2}\\right)",
     "verified"),
    ("\\frac{1}{2}\\log\\left(2\\pi e\\sigma^{2}\\right)", "1+\\frac{1}{2}\\log\\left(2\\pi\\sigma^{2}\\right)", "refuted"),
])
def test_boosting_and_entropy_rows_in_lyx_spelling(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_lyxmathsym_is_text_in_math() -> None:
    assert check_step("2^{10}", "1024\\lyxmathsym{.}", "=").status.value == "verified"
    assert check_step("2^{10}", "1000\\lyxmathsym{.}", "=").status.value == "refuted"
