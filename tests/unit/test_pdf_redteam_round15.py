"""Red team on PDF input (round 15): layouts the generated fixtures do not have.

The PDFs under ``fixtures/pdf/redteam`` are built from the ``.tex`` beside them (pdflatex, TeX Live
2022), so these tests need no TeX. Each deck has correct derivations, most have one slip: a correct
deck must give no error finding, and a slip must be found on its page and, in two columns, in the
right column.
"""
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

from lintmath.config import Config  # noqa: E402
from lintmath.extract.pdf import extract_pdf  # noqa: E402
from lintmath.extract.pdf_layout import Item, cut_lines, read_line, split_columns  # noqa: E402
from lintmath.model import Status  # noqa: E402
from lintmath.pipeline import check_file  # noqa: E402

DECKS = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "redteam"
CONFIG = Config(jobs=1)


def errors(name: str) -> list:
    result = check_file(str(DECKS / f"{name}.pdf"), CONFIG)
    assert result.status == "checked"
    return [f for f in result.findings if f.severity == "error"]


def statuses(name: str) -> dict[tuple[str, str], Status]:
    result = check_file(str(DECKS / f"{name}.pdf"), CONFIG)
    return {(s.step.lhs.text, s.step.rhs.text): s.verdict.status for s in result.steps}


# ------------------------------------------------------------------- correct decks: no error

@pytest.mark.parametrize("name", ["pairs", "nonumber_l"])
def test_correct_decks_give_no_error(name):
    assert errors(name) == []


def test_align_with_two_equation_pairs_reads_four_equations():
    """``a &= b & c &= d``: read as one row, ``b`` times ``c`` made a false LM102 before."""
    got = statuses("pairs")
    for lhs, rhs in [("(a+1)^{2}", "a^{2}+2a+1"), ("(b-1)^{2}", "b^{2}-2b+1"),
                     ("(a+2)^{2}", "a^{2}+4a+4"), ("(b-2)^{2}", "b^{2}-4b+4")]:
        assert got[(lhs, rhs)] == Status.VERIFIED


def test_continued_row_keeps_its_head_when_the_number_is_on_the_continuation():
    """``a &= b \\nonumber \\\\ &\\quad + c`` under leqno: the number sits left of the continuation.
    Cutting it off as a column would leave ``a = b`` alone, which is false."""
    result = check_file(str(DECKS / "nonumber_l.pdf"), CONFIG)
    got = [(s.step.lhs.text, " ".join(s.step.rhs.text.split()), s.verdict.status) for s in result.steps]
    assert got == [("(x+y+1)^{2}", "x^{2}+y^{2}+1+2xy +2x+2y", Status.VERIFIED),
                   ("(x+1)^{2}+(y+1)^{2}", "x^{2}+y^{2}+2 +2x+2y", Status.VERIFIED)]


# ------------------------------------------------------------------------ slips: right place

def test_left_equation_numbers_and_tags_are_not_factors():
    """leqno: ``(3)`` left of ``\\frac{1}{1-q} - 1`` was read as a factor 3 (a false LM100)."""
    (finding,) = errors("leqno")
    assert finding.page == 1 and "4c-8" in (finding.suggestion or "")
    got = statuses("leqno")
    assert got[("\\frac{1}{1-q}-1", "\\frac{q}{1-q}")] == Status.VERIFIED
    assert got[("2(a+b)", "2a+2b")] == Status.VERIFIED  # \tag{A}
    assert got[("3(a+b)", "3a+3b")] == Status.VERIFIED  # \tag{$\ast$}
    assert got[("x^{2}+2x+1", "(x+2)x+1")] == Status.VERIFIED  # the numbered continuation row


def test_fleqn_left_numbers_close_to_the_math_are_cut():
    (finding,) = errors("fleqn")
    assert "w^{2}-6w+9" in (finding.suggestion or "")
    assert statuses("fleqn")[("\\frac{d}{dw}(w^{2}+8w)", "2w+8")] == Status.VERIFIED


def test_two_column_article_reads_each_column_and_finds_the_slip_in_the_right_one():
    (finding,) = errors("twocol")
    assert finding.page == 1 and "4m+4" in (finding.suggestion or "")
    with pymupdf.open(str(DECKS / "twocol.pdf")) as doc:
        width = doc[0].rect.width
    assert finding.bbox[0] > width / 2
    got = statuses("twocol")
    assert got[("(p+q)^{2}", "p^{2}+2pq+q^{2}")] == Status.VERIFIED
    assert got[("(m+1)^{2}-m^{2}", "2m+1")] == Status.VERIFIED


def test_beamer_columns_are_two_derivations_and_the_block_slip_is_on_its_frame():
    (finding,) = errors("beamer_madrid_cols")
    assert finding.page == 4 and finding.rule == "LM108"
    got = statuses("beamer_madrid_cols")
    assert got[("y^{2}-2y+2y-4", "y^{2}-4")] == Status.VERIFIED
    assert got[("2t+10-t", "t+10")] == Status.VERIFIED


def test_fractions_inside_fractions_are_rebuilt():
    (finding,) = errors("nested")
    assert "\\frac{2y}{y-1}" in (finding.suggestion or "")
    rows = [(s.lhs.text, s.rhs.text) for d in extract_pdf(str(DECKS / "nested.pdf")).derivations
            for s in d.steps]
    assert ("\\frac{1}{1+\\frac{1}{x}}", "\\frac{x}{x+1}") in rows
    assert ("\\frac{\\frac{a}{b}}{\\frac{c}{d}}", "\\frac{ad}{bc}") in rows


# ------------------------------------------------------------------------ hand-made geometry

def glyph(latex: str, x0: float, base: float = 100.0, cls: str = "ord", width: float = 5.0) -> Item:
    return Item(latex, cls, x0, base - 7.0, x0 + width, base + 0.5, base, 10.0, order=int(x0))


def row(text: str, x0: float, base: float) -> list[Item]:
    classes = {"=": "rel", "+": "bin"}
    return [glyph(c, x0 + 6 * k, base, classes.get(c, "ord")) for k, c in enumerate(text)]


def rows_of(regions: list[list[list[Item]]]) -> list[list[str]]:
    return [[read_line(line, 10.0).latex(align=False) for line in region] for region in regions]


def test_a_quad_inside_one_row_is_not_a_gutter():
    line = row("a=b", 100, 100) + row("c=d", 100 + 18 + 12, 100)  # a 12 pt gap: \quad at 10 pt
    # one row, its quad kept as the source wrote it (round 29)
    assert rows_of(split_columns(cut_lines(line), 10.0)) == [["a=b\\quad c=d"]]


def test_two_rows_sharing_a_gutter_are_cut_and_the_left_stays_in_place():
    items = row("x=1", 50, 100) + row("y=2", 150, 100) + row("x=3", 50, 115) + row("y=4", 150, 115)
    items += row("z=5", 50, 130)  # below the band, crossing nothing: stays in the main flow
    assert rows_of(split_columns(cut_lines(items), 10.0)) == [["x=1", "x=3", "z=5"], ["y=2", "y=4"]]
