"""LyX problem-set solutions from statistics, econometrics and ML courses: greyed-out notes are printed
(their formulas are read), an inset's parameter lines (``status open``, a box's ``width``) are settings
and not text, ``\\operatorname{\\mathbb{E}}`` and ``\\mbox{\\textrm{Var}}`` (a font inside a name's
wrapper) read as the inner font, ``\\nicefrac`` is a fraction; and the LyX spellings that already work
(``& = &`` rows of eqnarray*, FormulaMacro with an optional argument, ``\\global\\long\\def``, boxes,
footnotes, ERT displays) keep their slips refuted at the LyX file's line."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.extract.lyx import lyx_to_latex
from lintmath.pipeline import check_documents

HEAD = """#LyX 2.3 created this file. For more info see http://www.lyx.org/
\\lyxformat 544
\\begin_document
\\begin_header
\\textclass article
\\begin_preamble
\\newcommand{\\E}{\\operatorname{\\mathbb{E}}}
\\newcommand{\\var}{\\textrm{Var}}
\\global\\long\\def\\half{\\frac{1}{2}}
\\end_preamble
\\use_package amsmath 1
\\branch solutions
\\selected 1
\\end_branch
\\end_header

\\begin_body
"""
TAIL = "\n\\end_body\n\\end_document\n"


def _formula(*rows: str) -> str:
    return "\\begin_layout Standard\n\\begin_inset Formula " + "\n".join(rows) + "\n\\end_inset\n\n\n\\end_layout\n\n"


def _inset(head: str, params: tuple[str, ...], body: str) -> str:
    """``body`` (paragraphs) inside an inset opened by ``head`` with its parameter lines."""
    return ("\\begin_layout Standard\nSee\n\\begin_inset " + head + "\n" + "\n".join(params) + "\n\n" + body
            + "\\end_inset\n\n\n\\end_layout\n\n")


def _plain(*rows: str) -> str:
    return "".join("\\begin_layout Plain Layout\n" + row + "\n\\end_layout\n\n" for row in rows)


def _checked(body: str) -> dict[str, tuple[str, int]]:
    doc = extract_text(HEAD + body + TAIL, "solutions.lyx", suffix=".lyx")
    steps = check_documents([doc], ["solutions.lyx"], Config(jobs=0, budget=2.0, seed=0))[0].steps
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.step.rhs.line)
            for s in steps}


def _line(body: str, start: str) -> int:
    return next(k for k, line in enumerate((HEAD + body).split("\n"), 1) if line.startswith(start))


def test_a_greyed_out_note_is_printed_and_read_other_notes_are_not() -> None:
    grey = _formula("\\begin{align*}", "3\\cdot8 & =24\\\\", " & =20+3", "\\end{align*}")
    body = (_inset("Note Greyedout", ("status open",), grey.replace("Standard", "Plain Layout"))
            + _inset("Note Note", ("status open",), _formula("\\[", "2+2=5", "\\]").replace("Standard", "Plain"))
            + _inset("Note Comment", ("status open",), _formula("\\[", "2+2=6", "\\]").replace("Standard", "Plain")))
    got = _checked(body)
    assert got["3\\cdot8 = 24"][0] == "verified"
    assert got["24 = 20+3"] == ("refuted", _line(body, " & =20+3"))
    assert len(got) == 2


def test_inset_parameters_are_not_text() -> None:
    box = ("position \"t\"", "hor_pos \"c\"", "has_inner_box 1", "width \"100col%\"", "special \"none\"",
           "status open")
    body = (_inset("Foot", ("status collapsed",), _plain("a footnote"))
            + _inset("Box Boxed", box, _formula("\\begin{align*}",
                                                "1-\\left(\\frac{5}{6}\\right)^{4} & =\\frac{671}{1296}\\\\",
                                                " & \\approx0.482", "\\end{align*}").replace("Standard", "Plain Layout"))
            + _inset("ERT", ("status collapsed",), _plain("", "\\backslash\nbegin{align*}",
                                                          "\\backslash\nfrac{1}{6}+\n\\backslash\nfrac{1}{3} & =1",
                                                          "\\backslash\nend{align*}")))
    latex = lyx_to_latex(HEAD + body + TAIL)
    for word in ("status", "hor\\_pos", "width", "has\\_inner"):
        assert word not in latex
    assert "See a footnote" in " ".join(latex.split())
    got = _checked(body)
    assert got["1-\\left(\\frac{5}{6}\\right)^{4} = \\frac{671}{1296}"][0] == "verified"
    assert got["\\frac{671}{1296} = 0.482"] == ("refuted", _line(body, " & \\approx0.482"))
    assert got["\\frac{1}{6}+\\frac{1}{3} = 1"][0] == "refuted"


def test_a_font_inside_a_names_wrapper_reads_as_the_inner_font() -> None:
    body = _formula("\\begin{align*}", "\\E\\left[aX+b\\right] & =a\\E\\left[X\\right]+b\\\\",
                    "\\mbox{\\var}\\left(2X\\right) & =4\\,\\mbox{\\var}\\left(X\\right)\\\\",
                    "\\E\\left[3X\\right] & =\\half\\E\\left[X\\right]", "\\end{align*}")
    got = _checked(body)
    assert got["\\E\\left[aX+b\\right] = a\\E\\left[X\\right]+b"][0] == "verified"
    assert got["\\mbox{\\var}\\left(2X\\right) = 4\\,\\mbox{\\var}\\left(X\\right)"][0] == "verified"
    assert got["\\E\\left[3X\\right] = \\half\\E\\left[X\\right]"][0] == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    ("\\operatorname*{\\mathbb{E}}\\left[3X\\right]", "3\\mathbb{E}\\left[X\\right]", "verified"),
    ("\\mathrm{\\mathbb{E}}\\left[2X\\right]", "2\\mathbb{E}\\left[X\\right]", "verified"),
    ("\\mathrm{\\mathbb{E}}\\left[2X\\right]", "\\mathbb{E}\\left[X\\right]", "refuted"),
    ("\\text{\\textrm{Var}}\\left(2X\\right)", "2\\text{Var}\\left(X\\right)", "refuted"),
    ("\\nicefrac{1}{2}+\\nicefrac{1}{3}", "\\nicefrac{5}{6}", "verified"),
    ("\\nicefrac{1}{2}+\\nicefrac{1}{3}", "\\nicefrac{2}{5}", "refuted"),
    ("\\sfrac{3}{4}\\cdot4", "3", "verified"),
    ("\\nicefrac 12", "0.5", "verified"),
])
def test_wrapped_fonts_and_slanted_fractions(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status


def test_nicefrac_with_a_font_argument_is_not_decided() -> None:
    assert check_step("\\nicefrac[\\mathrm]{1}{2}", "\\frac{1}{3}", "=").status.value == "unverified"


def test_eqnarray_rows_formula_macros_and_their_slips_at_the_lyx_lines() -> None:
    macros = ("\\begin_layout Standard\n\\begin_inset FormulaMacro\n"
              "\\newcommand{\\norm}[2][2]{\\left\\Vert #2\\right\\Vert _{#1}}\n\\end_inset\n\n\n\\end_layout\n\n"
              "\\begin_layout Standard\n\\begin_inset FormulaMacro\n\\global\\long\\def\\sq#1{#1^{2}}\n"
              "\\end_inset\n\n\n\\end_layout\n\n")
    body = (macros
            + _formula("\\begin{eqnarray*}",
                       "\\frac{d}{dp}\\left(k\\ln p+\\left(n-k\\right)\\ln\\left(1-p\\right)\\right) & = & "
                       "\\frac{k}{p}-\\frac{n-k}{1-p}\\\\",
                       " & = & \\frac{k-np}{p\\left(1+p\\right)}", "\\end{eqnarray*}")
            + _formula("\\begin{alignat*}{2}", "\\norm{\\left(3,4\\right)} & =5 & \\quad & \\text{Pythagoras}\\\\",
                       "\\norm[1]{\\left(3,-4\\right)} & =7\\tag{b}\\\\",
                       "\\sq{\\left(a+b\\right)} & =\\sq a+ab+\\sq b",
                       "\\end{alignat*}"))
    got = _checked(body)
    assert got["\\frac{d}{dp}\\left(k\\ln p+\\left(n-k\\right)\\ln\\left(1-p\\right)\\right) = "
               "\\frac{k}{p}-\\frac{n-k}{1-p}"][0] == "verified"
    assert got["\\frac{k}{p}-\\frac{n-k}{1-p} = \\frac{k-np}{p\\left(1+p\\right)}"] == \
        ("refuted", _line(body, " & = & \\frac{k-np}"))
    assert got["\\norm{\\left(3,4\\right)} = 5"][0] == "verified"
    assert got["\\norm[1]{\\left(3,-4\\right)} = 7"][0] == "verified"
    assert got["\\sq{\\left(a+b\\right)} = \\sq a+ab+\\sq b"] == ("refuted", _line(body, "\\sq{\\left(a+b"))
