"""Red team on PDF input (round 17): scripts set at the size of their base.

In scriptscript style (a numerator inside an exponent) TeX sets a script at the same size as its
base, so ``(t-\\nu)^2`` was read ``(t-\\nu)2`` and a correct Gaussian product was refuted. The PDF
under ``fixtures/pdf/redteam`` is built from the ``.tex`` beside it (pdflatex, TeX Live 2022), so
these tests need no TeX.
"""
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

from lintmath.config import Config  # noqa: E402
from lintmath.extract.pdf_layout import Item, read_list  # noqa: E402
from lintmath.model import Status  # noqa: E402
from lintmath.pipeline import check_file  # noqa: E402

DECKS = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "redteam"
CONFIG = Config(jobs=1)


def steps(name: str) -> list[tuple[str, str, Status]]:
    result = check_file(str(DECKS / f"{name}.pdf"), CONFIG)
    assert result.status == "checked"
    return [(s.step.lhs.text, s.step.rhs.text, s.verdict.status) for s in result.steps]


def test_same_size_scripts_are_read_as_scripts():
    got = steps("scriptscript_round17")
    assert got[:3] == [
        ("e^{-\\frac{(t-\\nu)^{2}}{2}}e^{-\\frac{(t+\\nu)^{2}}{2}}", "e^{-t^{2}-\\nu^{2}}", Status.VERIFIED),
        ("e^{\\frac{s_{1}+s_{2}}{2}}e^{\\frac{s_{1}-s_{2}}{2}}", "e^{s_{1}}", Status.VERIFIED),
        ("e^{\\frac{(u+1)^{2}-u^{2}}{3}}", "e^{\\frac{2u+1}{3}}", Status.VERIFIED),
    ]


def test_slip_in_a_same_size_script_is_still_caught():
    got = steps("scriptscript_round17")
    assert got[3] == ("e^{\\frac{(v-2)^{2}}{4}}", "e^{\\frac{v^{2}-4v-4}{4}}", Status.REFUTED)


def _glyph(latex: str, x0: float, base: float, size: float = 5.0, cls: str = "ord") -> Item:
    return Item(latex, cls, x0, base - 0.7 * size, x0 + 0.5 * size, base, base=base, size=size)


def test_raised_and_lowered_glyphs_of_one_size_become_scripts():
    items = [_glyph("(", 0.0, 10.0), _glyph("a", 2.5, 10.0), _glyph(")", 5.0, 10.0),
             _glyph("2", 7.6, 8.3), _glyph("b", 10.5, 10.0), _glyph("k", 13.1, 11.0)]
    assert read_list(items, 5.0) == "(a)^{2}b_{k}"


def test_glyphs_on_one_baseline_stay_juxtaposed():
    items = [_glyph("a", 0.0, 10.0), _glyph("2", 2.6, 10.0), _glyph("b", 5.2, 10.0)]
    assert read_list(items, 5.0) == "a2b"


def test_a_glyph_stacked_over_another_is_not_a_script():
    """Same-size glyphs one above the other (a tiny matrix column) are not scripts."""
    items = [_glyph("a", 0.0, 10.0), _glyph("b", 0.0, 6.0)]
    assert "^" not in read_list(items, 5.0) and "_" not in read_list(items, 5.0)


def test_baseline_is_the_first_glyph_not_the_median():
    """``a_k``: half the glyphs are the script, so a median baseline would make ``a`` the script."""
    items = [_glyph("a", 0.0, 10.0), _glyph("k", 2.6, 11.0)]
    assert read_list(items, 5.0) == "a_{k}"


def test_a_list_opening_with_an_operator_is_left_alone():
    """``\\sum_i x`` at the smallest size: the first letter may be the operator's script."""
    items = [_glyph("\\sum", 0.0, 10.0, cls="op"), _glyph("i", 2.6, 11.0), _glyph("x", 5.2, 10.0)]
    assert "_" not in read_list(items, 5.0).replace("\\sum_", "")
