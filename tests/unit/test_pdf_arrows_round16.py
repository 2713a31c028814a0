"""Long arrows in a PDF (round 16): Computer Modern draws ``\\Longrightarrow`` as ``=`` and ``\\Rightarrow``
and ``\\iff`` as ``\\Leftarrow`` and ``\\Rightarrow``, their boxes overlapping by a sliver. Read apart,
the arrows between equations went unread; read as the arrows they draw, they are checked by their
solutions like the source's. ``fixtures/pdf/redteam/beamer_arrows.pdf`` is built from the ``.tex``
beside it, so this test needs no TeX."""
from pathlib import Path

import pytest

pytest.importorskip("pymupdf")

from lintmath.config import Config  # noqa: E402
from lintmath.extract.pdf_layout import Item, _long_arrows  # noqa: E402
from lintmath.pipeline import check_file  # noqa: E402

DECK = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "redteam" / "beamer_arrows.pdf"


def _item(latex: str, x0: float, x1: float, base: float = 100.0) -> Item:
    return Item(latex, "rel", x0, base - 8, x1, base + 1, base, 10.0)


def test_an_equals_sign_overlapping_a_double_arrow_is_a_long_arrow() -> None:
    merged = _long_arrows([_item("=", 157.4, 165.8), _item("\\Rightarrow", 164.0, 174.9)])
    assert [(i.latex, i.x0) for i in merged] == [("\\Longrightarrow", 157.4)]
    merged = _long_arrows([_item("\\Leftarrow", 165.3, 176.2), _item("\\Rightarrow", 174.4, 185.3)])
    assert [i.latex for i in merged] == ["\\iff"]


def test_glyphs_apart_or_on_other_rows_stay_apart() -> None:
    spaced = [_item("=", 150.0, 158.0), _item("\\Rightarrow", 161.0, 172.0)]
    assert [i.latex for i in _long_arrows(spaced)] == ["=", "\\Rightarrow"]
    rows = [_item("=", 157.4, 165.8, base=80.0), _item("\\Rightarrow", 164.0, 174.9)]
    assert [i.latex for i in _long_arrows(rows)] == ["=", "\\Rightarrow"]


def test_the_arrows_of_a_deck_are_checked_like_its_source() -> None:
    result = check_file(str(DECK), Config(jobs=1))
    arrows = [s for s in result.steps if s.step.relation in ("=>", "<=>", "<==")]
    by_page = {1: [s.verdict.status.value for s in arrows if s.step.rhs.page == 1],
               2: [s.verdict.status.value for s in arrows if s.step.rhs.page == 2]}
    assert by_page[1] == ["verified"] * 11
    assert by_page[2] == ["refuted"]
    assert [(f.rule, f.suggestion) for f in result.findings] == [("LM108", "6w=18")]
