"""Red team on PDF input from beamer slides (round 29): braces, conditions after a quad, bold Greek.

``\\underbrace``'s tips were read as ``\\{``/``\\}`` and its filled rules as fraction bars over the
label, and a row taller for its brace fell off its display; ``4z \\quad (z \\geq 0)`` was read as
``4z(z \\geq 0)``; ``\\boldsymbol{\\mu}`` (cmmib) came out as a plain ``\\mu``. The PDF under
``fixtures/pdf/redteam`` is built from the ``.tex`` beside it (pdflatex, TeX Live 2022), so these
tests need no TeX.
"""
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

from lintmath.config import Config  # noqa: E402
from lintmath.extract.pdf_glyphs import classify, font_family  # noqa: E402
from lintmath.extract.pdf_layout import UNREADABLE, Item, Rule, read_braces, read_line  # noqa: E402
from lintmath.model import Status  # noqa: E402
from lintmath.pipeline import check_file  # noqa: E402

DECK = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "redteam" / "beamer_braces_round29.pdf"
CONFIG = Config(jobs=1)


@pytest.fixture(scope="module")
def result():
    got = check_file(str(DECK), CONFIG)
    assert got.status == "checked"
    return got


def steps(result) -> list[tuple[str, str, Status, int]]:
    return [(s.step.lhs.text, " ".join(s.step.rhs.text.split()), s.verdict.status, s.step.lhs.page)
            for s in result.steps]


def test_braces_are_read_as_their_content_and_the_row_below_continues(result):
    got = steps(result)
    assert got[:4] == [
        ("(m+1)^{2}", "m^{2}+2m+1", Status.VERIFIED, 1),
        ("m^{2}+2m+1", "m(m+2)+1", Status.VERIFIED, 1),  # the &= row under the underbrace's label
        ("(k+2)^{2}", "k^{2}+4k+4", Status.VERIFIED, 1),  # \overbrace with a text label
        ("\\frac{1}{2}+\\frac{1}{3}+\\frac{1}{6}", "1", Status.VERIFIED, 1),  # fractions under a brace
    ]


def test_a_stated_value_under_a_brace_is_never_dropped_and_a_slip_is_caught(result):
    got = steps(result)
    stated = [s for s in got if s[0].endswith("+t") and s[3] == 2]
    assert len(stated) == 1 and stated[0][2] == Status.UNVERIFIED and "brace label" in stated[0][0]
    assert ("(n-1)^{2}", "n^{2}-2n-1", Status.REFUTED, 2) in got
    errors = [f for f in result.findings if f.severity == "error"]
    assert [f.page for f in errors] == [2]


def test_a_condition_after_a_quad_stays_a_condition(result):
    got = steps(result)
    assert ("\\sqrt{16z^{2}}", "4z\\quad(z\\geq 0)", Status.VERIFIED, 3) in got
    assert ("\\frac{s^{2}-1}{s-1}", "s+1\\quad(s\\neq 1)", Status.VERIFIED, 3) in got


def test_boldsymbol_greek_keeps_its_bold(result):
    got = steps(result)
    assert ("3(\\boldsymbol{\\mu}+\\boldsymbol{\\nu})", "3\\boldsymbol{\\mu}+3\\boldsymbol{\\nu}",
            Status.VERIFIED, 3) in got
    assert font_family("ABCDEF+CMMIB10") == "bolditalic"
    assert classify("CMMIB10", "θ").latex == "\\boldsymbol{\\theta}"
    assert classify("CMMIB10", "x").latex == "\\boldsymbol{x}"
    assert classify("CMBX10", "x").latex == "\\mathbf{x}"


# ------------------------------------------------------------------------ hand-made geometry

def glyph(latex: str, x0: float, base: float = 100.0, cls: str = "ord", size: float = 10.0) -> Item:
    return Item(latex, cls, x0, base - 0.7 * size, x0 + 0.5 * size, base, base, size, order=int(x0))


def tip(name: str, x0: float, y0: float = 102.0) -> Item:
    return Item(name, "hbrace", x0, y0, x0 + 4.0, y0 + 4.5, y0 + 5.0, None, order=int(x0))


def test_tips_that_make_no_brace_are_unreadable_not_braces():
    items = [glyph("a", 0.0), tip("lb", 0.0), tip("rb", 30.0)]
    kept, rules, boxes = read_braces(items, [], 10.0)
    assert boxes == [] and not any(i.cls == "hbrace" for i in kept)
    assert any(i.unread == "brace" for i in kept)


def test_an_underbrace_takes_its_fill_rules_and_its_label():
    content = [glyph("a", 0.0), glyph("+", 6.0, cls="bin"), glyph("b", 12.0), glyph("c", 20.0)]
    tips = [tip("lb", 0.0), tip("rt", 8.0), tip("lt", 12.0), tip("rb", 20.0)]
    fills = [Rule(4.0, 8.0, 102.5), Rule(16.0, 20.0, 102.5)]
    label = [glyph("x", 10.0, base=112.0, size=7.0)]
    other = Rule(0.0, 24.0, 90.0)  # a rule elsewhere on the page stays
    kept, rules, boxes = read_braces(content + tips + label, fills + [other], 10.0)
    assert [i.latex for i in kept] == ["a", "+", "b", "c"]
    assert rules == [other] and len(boxes) == 1


def test_no_tips_leave_the_page_alone():
    items = [glyph("a", 0.0)]
    assert read_braces(items, [], 10.0) == (items, [], [])


def test_a_quad_after_the_relation_is_kept_and_spacing_before_it_is_not():
    row = [glyph("x", 0.0), glyph("=", 8.0, cls="rel"), glyph("y", 16.0), glyph("(", 30.0, cls="open"),
           glyph("y", 35.0), glyph(">", 40.0, cls="rel"), glyph("0", 46.0), glyph(")", 51.0, cls="close")]
    assert read_line(row, 10.0).latex(align=False) == "x=y\\quad(y>0)"
    row = [glyph("x", 0.0), glyph("y", 14.0), glyph("=", 22.0, cls="rel"), glyph("z", 30.0)]
    assert "\\quad" not in read_line(row, 10.0).latex(align=False)


def test_unreadable_marker_is_the_shared_one():
    kept, _, _ = read_braces([tip("lb", 0.0)], [], 10.0)
    assert kept[0].latex.startswith(UNREADABLE)
