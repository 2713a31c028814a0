"""Red team on PDF input from other TeX setups (round 30): scripts, differentials, eqnarray, footers.

The gap before a token was measured from the end of its base, not of its scripts, so the space after
``e^{3x}`` or ``\\int_0^L`` looked a quad wide and became a ``\\quad`` the author never set
(``2xe^{3x}\\quad+3x^2e^{3x}`` was refuted); ``\\sin^2 x\\,dx`` was joined as ``\\sin^{2}xdx``, an
integral without a differential; eqnarray's relation column, set apart by ``\\arraycolsep`` on each
side, was cut as a page gutter; and an overfull metropolis frame's number was appended to the row
beside it as a factor (a slip verified). The PDFs under ``fixtures/pdf/redteam`` are built from the
``.tex`` beside them (pdflatex, TeX Live 2022), so these tests need no TeX.
"""
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

from lintmath.config import Config  # noqa: E402
from lintmath.extract.pdf import _page_number  # noqa: E402
from lintmath.extract.pdf_layout import Item, Line, _relation_column, _spaced_differentials  # noqa: E402
from lintmath.model import Status  # noqa: E402
from lintmath.pipeline import check_file  # noqa: E402

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "redteam"
CONFIG = Config(jobs=1)


def _steps(name: str) -> list[tuple[str, str, Status]]:
    got = check_file(str(HERE / name), CONFIG)
    assert got.status == "checked"
    return [(s.step.lhs.text, " ".join(s.step.rhs.text.split()), s.verdict.status) for s in got.steps]


@pytest.fixture(scope="module")
def chains():
    return _steps("pdf_chains_round30.pdf")


def test_a_space_after_a_scripted_token_is_no_quad(chains):
    assert chains[0] == ("\\frac{d}{dx}(x^{2}e^{3x})", "2xe^{3x}+3x^{2}e^{3x}", Status.VERIFIED)
    assert chains[1] == ("2xe^{3x}+3x^{2}e^{3x}", "xe^{3x}(2+3x)", Status.VERIFIED)
    assert chains[3] == ("[-te^{-t}]_{0}^{1}+\\int_{0}^{1}e^{-t}\\,dt", "-e^{-1}+1-e^{-1}", Status.VERIFIED)


def test_an_integral_keeps_its_thin_spaced_differential(chains):
    assert chains[2] == ("\\int_{0}^{1}te^{-t}\\,dt", "[-te^{-t}]_{0}^{1}+\\int_{0}^{1}e^{-t}\\,dt",
                         Status.VERIFIED)
    assert chains[4] == ("\\int_{0}^{\\pi/2}\\sin^{2}x\\,dx", "\\int_{0}^{\\pi/2}\\frac{1-\\cos 2x}{2}\\,dx",
                         Status.VERIFIED)
    # the slip after it (pi/2 for pi/4) is now read, and refuted
    assert chains[5][2] == Status.REFUTED


def test_eqnarray_rows_keep_their_right_hand_sides(chains):
    rest = chains[6:]
    assert [(lhs, rhs) for lhs, rhs, _ in rest] == [
        ("T+V", "\\frac{1}{2}mv^{2}+mgh"),
        ("\\frac{1}{2}mv^{2}+mgh", "\\frac{1}{2}m(v^{2}+2gh)"),
        ("\\lambda w+2(w-1)", "(\\lambda+2)w+2"),
    ]
    assert rest[1][2] == Status.VERIFIED
    assert rest[2][2] == Status.REFUTED  # the sign slip stays an error


def test_an_overfull_frames_number_is_not_part_of_the_row():
    got = _steps("metropolis_overfull_round30.pdf")
    assert got[-1] == ("\\frac{d}{dz}\\tanh(z)", "\\frac{2}{(e^{z}+e^{-z})^{2}}", Status.REFUTED)
    assert got[-2][2] == Status.VERIFIED  # 4/(e^z+e^-z)^2 = 1 - tanh^2 z
    assert (got[2][0], got[2][2]) == ("\\lambda w+2(w-1)", Status.REFUTED)


def _item(latex: str, cls: str, x0: float, x1: float, size: float = 10.0) -> Item:
    return Item(latex, cls, x0, 0.0, x1, 8.0, 7.0, size)


def _line(items: list[Item], size: float = 10.0) -> Line:
    return Line(items, min(i.x0 for i in items), 0.0, max(i.x1 for i in items), 8.0,
                [(i.latex, i.cls) for i in items], 0, sum(i.cls == "rel" for i in items), size)


def test_a_bare_small_number_past_the_row_is_a_page_number():
    row = _line([_item("x", "ord", 100, 105), _item("=", "rel", 108, 115), _item("2", "ord", 118, 123)])
    assert _page_number(_line([_item("7", "ord", 300, 304, 8.0)], 8.0), row)
    # a continuation under the row, or a full-size number, is still part of the display
    assert not _page_number(_line([_item("7", "ord", 110, 114, 8.0)], 8.0), row)
    assert not _page_number(_line([_item("7", "ord", 300, 304)]), row)


def test_a_relation_set_apart_is_a_column_not_a_gutter():
    eqn = [_item("a", "ord", 100, 105), _item("=", "rel", 116, 124), _item("b", "ord", 135, 140)]
    assert _relation_column([eqn, eqn], 106, 115, 10.0)
    # a right-hand column opening with a continuation row has the usual relation spacing
    cont = [_item("a", "ord", 100, 105), _item("=", "rel", 116, 124), _item("b", "ord", 127, 132)]
    assert not _relation_column([cont, cont], 106, 115, 10.0)


def test_a_thin_space_before_d_only_counts_after_an_integral():
    toks = [("\\int_{0}^{1}", "op"), ("\\sin", "opname"), ("x", "ord"), ("d", "ord"), ("x", "ord")]
    gaps = [0.0, 2.0, 1.7, 1.7, 0.5]
    _spaced_differentials(toks, gaps, 10.0)
    assert toks[3] == ("\\,d", "ord")
    plain = [("a", "ord"), ("d", "ord"), ("x", "ord")]
    _spaced_differentials(plain, [0.0, 1.7, 0.5], 10.0)
    assert plain[1] == ("d", "ord")
    tight = [("\\int", "op"), ("x", "ord"), ("d", "ord"), ("x", "ord")]
    _spaced_differentials(tight, [0.0, 1.7, 0.3, 0.5], 10.0)
    assert tight[2] == ("d", "ord")


def test_euler_letters_are_variables_and_its_operators_are_read():
    # euler.sty: letters in eurm (upright, still variables), \sum and \int in euex (cmex layout).
    # Read as words and raw codes, the sum's limit became a row `i = 1` that made i = 1 for the
    # slip below it (verified), and `1 = 9` was refuted.
    got = _steps("euler_round30.pdf")
    assert got == [
        ("\\sum_{i=1}^{3}(2i-1)", "1+3+5", Status.VERIFIED),
        ("1+3+5", "9", Status.VERIFIED),
        ("(1-2i)(3+i)", "3+i-6i-2i^{2}", Status.VERIFIED),
        ("3+i-6i-2i^{2}", "1-5i", Status.REFUTED),
        ("\\int_{0}^{1}(3x^{2}+2x)\\,dx", "[x^{3}+x^{2}]_{0}^{1}", Status.VERIFIED),
        ("\\frac{1}{2}(a+b)^{2}", "\\frac{1}{2}a^{2}+ab+\\frac{1}{2}b^{2}", Status.VERIFIED),
    ]
