"""The PDF extractor on committed PDFs (no TeX needed): findings with pages, rebuilt rows, bad files."""
import json
import re
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

from lintmath.config import Config  # noqa: E402
from lintmath.extract import extract_path  # noqa: E402
from lintmath.extract.latex import extract_latex  # noqa: E402
from lintmath.extract.pdf import decode_label, extract_pdf  # noqa: E402
from lintmath.extract.pdf_layout import UNREADABLE, Item, Rule, read_line  # noqa: E402
from lintmath.model import ExtractError, Status  # noqa: E402
from lintmath.pipeline import check_file, check_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SLIDES = ROOT / "fixtures" / "softmax" / "slides.pdf"
GENERATED = ROOT / "fixtures" / "pdf"
TRUTH = json.loads((GENERATED / "truth.json").read_text(encoding="utf-8"))
CONFIG = Config(jobs=1)

_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|[^\s{}]")
_SIZING = {"\\left", "\\right", "&"}


def tokens(latex: str) -> list[str]:
    return [t for t in _TOKEN.findall(latex) if t not in _SIZING]


# ----------------------------------------------------------------------------- the seed deck

def test_softmax_pdf_gives_the_lm101_of_the_source_with_page_and_box():
    pdf = check_file(str(SLIDES), CONFIG)
    tex = check_file(str(SLIDES.with_suffix(".tex")), CONFIG)
    assert pdf.status == "checked"
    key = lambda f: (f.rule, f.derivation, f.step)  # noqa: E731
    assert [key(f) for f in pdf.findings] == [key(f) for f in tex.findings]
    (finding,) = [f for f in pdf.findings if f.derivation == 3]  # the chain of frame 4
    assert finding.rule == "LM101" and finding.page == 4
    x0, y0, x1, y1 = finding.bbox
    assert 0 <= x0 < x1 and 0 <= y0 < y1


def test_softmax_pdf_verdicts_match_the_source():
    pdf = check_file(str(SLIDES), CONFIG)
    tex = check_file(str(SLIDES.with_suffix(".tex")), CONFIG)
    assert [s.verdict.status for s in pdf.steps] == [s.verdict.status for s in tex.steps]
    assert all(s.step.rhs.page and s.step.rhs.line == 0 for s in pdf.steps)


def test_softmax_pdf_text_output_names_the_page():
    from click.testing import CliRunner

    from lintmath.cli import main

    result = CliRunner().invoke(main, ["check", str(SLIDES), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert re.search(r"slides\.pdf:p4: LM101 ", result.output), result.output


def test_softmax_annotation_and_big_parentheses_are_rebuilt():
    doc = extract_pdf(str(SLIDES))
    chain = doc.derivations[2]
    assert chain.page == 3 and chain.env == "pdf"
    rhs = [s.rhs.text for s in chain.steps]
    assert rhs[3] == r"-(\frac{t_{j}^{x}}{o_{j}^{x}}-\frac{1-t_{j}^{x}}{1-o_{j}^{x}})"  # "(chain rule)" cut
    assert rhs[0].startswith(r"\frac{\partial}{\partial o_{j}^{x}}(-\sum_{k}[")


# ------------------------------------------------------------------------- generated fixtures

@pytest.mark.parametrize("setup", TRUTH["setups"])
@pytest.mark.parametrize("split", ["tuning", "heldout"])
def test_generated_rows_rebuild_token_exact(setup, split):
    """Rows in order, per derivation, compared with the source rows (sizing and braces ignored)."""
    doc = extract_pdf(str(GENERATED / setup / f"{split}.pdf"))
    got = [tokens(s.lhs.text) + ["="] + tokens(s.rhs.text) for d in doc.derivations for s in d.steps]
    want = []
    for d in TRUTH["derivations"]:
        if d["split"] != split:
            continue
        source = extract_latex("\\begin{align*}" + "\\\\".join(d["rows"]) + "\\end{align*}", "t.tex")
        want += [tokens(s.lhs.text) + ["="] + tokens(s.rhs.text) for e in source.derivations for s in e.steps]
    assert len(got) == len(want)
    exact = sum(g == w for g, w in zip(got, want))
    assert exact >= 0.9 * len(want), [(g, w) for g, w in zip(got, want) if g != w][:5]


@pytest.mark.parametrize("setup,expected", [
    ("cm", r"\sum_{k=1}^{n}3k"),
    ("times", r"\sum_{k=1}^{n}3k"),
    ("palatino", r"\sum_{k=1}^{n}3k"),
    ("unicode", r"\sum_{k=1}^{n}3k"),
    ("beamer", r"\sum_{k=1}^{n}3k"),
])
def test_display_sum_takes_its_limits(setup, expected):
    doc = extract_pdf(str(GENERATED / setup / "tuning.pdf"))
    lhs = [s.lhs.text for d in doc.derivations for s in d.steps]
    assert expected in lhs


@pytest.mark.parametrize("setup", ["cm", "lmodern", "beamer-serif"])
def test_neq_overlay_and_radicals(setup):
    doc = extract_pdf(str(GENERATED / setup / "tuning.pdf"))
    steps = [s for d in doc.derivations for s in d.steps]
    assert any(s.relation == "!=" and s.relation_text == "\\neq" for s in steps)
    assert any(s.rhs.text == r"\sqrt{16}\sqrt{t^{2}}" for s in steps)


def test_beamer_overlays_are_checked_once():
    path = GENERATED / "beamer" / "tuning.pdf"
    with pymupdf.open(path) as doc:
        labels = [decode_label(p.get_label()) for p in doc]
    assert labels[:3] == ["1", "1", "1"]  # frame 1 is uncovered row by row with \pause
    derivations = extract_pdf(str(path)).derivations
    frame1 = [d for d in derivations if d.label == "1"]
    assert len(frame1) == 1 and frame1[0].page == 3 and len(frame1[0].steps) == 3
    assert all(d.page is not None for d in derivations)


def test_decode_label():
    assert decode_label("<FEFF0032>") == "2"
    assert decode_label("<FEFF00310030>") == "10"
    assert decode_label("iv") == "iv"
    assert decode_label("") == ""


# ---------------------------------------------------------------------------------- confidence

def test_unmapped_glyph_makes_its_side_unreadable():
    items = [Item("x", "ord", 0, 0, 5, 8, 8, 10.0, order=1),
             Item("=", "rel", 8, 2, 16, 7, 8, 10.0, order=2),
             Item(f"{UNREADABLE}{{U+E000}}", "ord", 19, 0, 25, 8, 8, 10.0, order=3, unread="glyph")]
    line = read_line(items, 10.0)
    assert UNREADABLE in line.latex()
    result = check_text("\\begin{align*}" + line.latex() + "\\end{align*}", config=CONFIG)
    (step,) = result.steps
    assert step.verdict.status is Status.UNVERIFIED and "could not read" in step.verdict.reason


# ------------------------------------------------------------------------------------ bad files

def _one_line_error(path) -> str:
    with pytest.raises(ExtractError) as info:
        extract_path(str(path))
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_encrypted_pdf(tmp_path):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "x = 1")
    path = tmp_path / "locked.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user", owner_pw="owner")
    assert _one_line_error(path).endswith("encrypted")


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", b"not a pdf at all"])
def test_damaged_pdf(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    assert "damaged PDF" in _one_line_error(path)


def test_truncated_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(SLIDES.read_bytes()[:3000])
    assert "damaged PDF" in _one_line_error(path)


def test_image_only_pdf_is_a_scan(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 16, 16), False)
    pix.clear_with(180)
    page.insert_image(pymupdf.Rect(20, 20, 200, 200), pixmap=pix)
    path = tmp_path / "scan.pdf"
    doc.save(path)
    assert _one_line_error(path).endswith("no text layer: scanned pages cannot be read")


def test_blank_pdf_has_no_text_layer(tmp_path):
    doc = pymupdf.open()
    doc.new_page()
    path = tmp_path / "blank.pdf"
    doc.save(path)
    assert "no text layer" in _one_line_error(path)


def test_bad_pdf_does_not_stop_other_inputs(tmp_path):
    from lintmath.pipeline import check_paths

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    results = check_paths([str(bad), str(SLIDES)], CONFIG)
    assert results[0].status == "error" and results[1].status == "checked"
    assert any(f.rule == "LM101" and f.page == 4 for f in results[1].findings)


def test_pymupdf_is_not_imported_for_version():
    import subprocess
    import sys

    code = "import sys, lintmath.cli, lintmath.extract; print('pymupdf' in sys.modules or 'fitz' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


# ------------------------------------------------------------------ stacks: binomials, matrices

CASES = ROOT / "fixtures" / "pdf" / "cases"


def _steps(path):
    result = check_file(str(path), CONFIG)
    return [(s.step.lhs.text, s.step.rhs.text, s.verdict.status) for s in result.steps]


def test_binomials_are_read_and_checked_in_a_pdf():
    """pdfTeX: \\binom in display style is a stack spaced as TeX spaces a binomial, no rule."""
    steps = _steps(CASES / "stacks.pdf")
    assert (r"\binom{n}{k}+\binom{n}{k+1}", r"\binom{n+1}{k+1}", Status.VERIFIED) in steps
    assert (r"\binom{5}{2}\frac{1}{10}", "1", Status.VERIFIED) in steps
    assert (r"\binom{6}{2}", r"\frac{30}{2}", Status.VERIFIED) in steps
    assert (r"\frac{30}{2}", "16", Status.REFUTED) in steps  # the planted slip, after a binomial
    # & not inside P(..); a value at one event, no definition of P, so checked (and not decided)
    assert ("P(X=2)", r"\binom{5}{2}\frac{1}{10}", Status.UNVERIFIED) in steps


def test_vectors_and_fractions_in_parentheses_are_not_binomials():
    """A 2x1 pmatrix looks like a binomial but is spaced by \\baselineskip (also stretched by
    \\arraystretch 1.1, where its gap equals a binomial's but it sits lower): never a \\binom.
    A fraction in parentheses has its rule. A tall matrix of cmex pieces stays one row."""
    steps = _steps(CASES / "stacks.pdf")
    for lhs, rhs, status in steps:
        if lhs.startswith(("2(", "3(")):
            assert status is Status.UNVERIFIED and UNREADABLE in lhs + rhs and "binom" not in lhs + rhs
    assert sum(lhs.startswith(("2(", "3(")) for lhs, _, _ in steps) == 3
    assert (r"(\frac{a}{b})(\frac{b}{a})", "1", Status.VERIFIED) in steps
    assert not [s for s in steps if s[2] is Status.REFUTED and s[1] != "16"]


def test_function_name_head_row_is_not_prose():
    """``\\operatorname{Var}(2X)`` heads a derivation: a word set against ``(`` is a function
    name, not prose, and a kerned ``V``-``a`` does not split the word."""
    steps = _steps(CASES / "stacks.pdf")
    assert (r"\operatorname{Var}(2X)", r"4\operatorname{Var}(X)", Status.VERIFIED) in steps
    assert (r"4\operatorname{Var}(X)", r"\operatorname{Var}(X)+3\operatorname{Var}(X)",
            Status.VERIFIED) in steps


def test_unicode_math_tall_parentheses_keep_their_boxes():
    """lualatex: size variants and ⎛⎜⎝ pieces have real boxes, so binomials (display and text
    style) are read, and a tall matrix stays one unreadable row instead of (2)=(4)(3)(6)."""
    steps = _steps(CASES / "stacks-lua.pdf")
    assert steps[0] == (r"\binom{n}{k}+\binom{n}{k+1}", r"\binom{n+1}{k+1}", Status.VERIFIED)
    assert steps[1] == (r"\frac{\binom{n}{2}}{n}", r"\frac{n-1}{2}", Status.VERIFIED)
    assert [s[2] for s in steps[2:4]] == [Status.UNVERIFIED, Status.UNVERIFIED]
    assert all(UNREADABLE in s[0] and UNREADABLE in s[1] for s in steps[2:4])
    # the tall bar (U+2223 from luaotfload) is a bar, not \mid; its limits stay on its row
    assert steps[4] == (r"\frac{x^{2}}{2}|_{0}^{2}", "2", Status.VERIFIED)


def test_absolute_value_bars_are_not_dropped():
    """cmex's bar piece is code 0x0C, a form feed: skipping it as white space read |1-5/2| as
    1-5/2 and refuted a right step."""
    steps = _steps(CASES / "stacks.pdf")
    assert (r"|1-\frac{5}{2}|", r"\frac{3}{2}", Status.VERIFIED) in steps


def _glyph(latex, x0, base, size=10.0, cls="ord", order=0):
    return Item(latex, cls, x0, base - 0.7 * size, x0 + 0.5 * size, base, base, size, order=order,
                fsize=size)


def _stack(matrix: bool, rule: bool):
    """``( n over k )`` on a row with baseline 100 (axis 2.5 pt above it), at 10 pt: as TeX sets a
    display binomial (num1 above the baseline, denom1 below) or a pmatrix column (rows of
    \baselineskip 12 pt with struts, the column centred on the axis)."""
    size, axis = 10.0, 100.0 - 2.5
    top, bottom = (axis - 3.6, axis + 8.4) if matrix else (100.0 - 6.775, 100.0 + 6.85)
    op = Item("(", "open", 20, axis - 12, 26, axis + 12, 100, None, fsize=size, order=3)
    close = Item(")", "close", 32, axis - 12, 38, axis + 12, 100, None, fsize=size, order=6)
    items = [_glyph("a", 0, 100, order=1), _glyph("=", 8, 100, cls="rel", order=2), op,
             _glyph("n", 27, top, order=4), _glyph("k", 27, bottom, order=5), close]
    rules = [Rule(26.5, 31.5, axis)] if rule else []
    return items, rules


def test_read_binomials_on_hand_made_boxes():
    from lintmath.extract.pdf_layout import read_binomials

    items, rules = _stack(matrix=False, rule=False)
    (binom,) = [i for i in read_binomials(items, rules) if "binom" in i.latex]
    assert binom.latex == r"\binom{n}{k}" and binom.x0 == 20 and binom.x1 == 38
    items, rules = _stack(matrix=False, rule=True)  # \left(\frac{n}{k}\right): the rule says fraction
    assert not [i for i in read_binomials(items, rules) if "binom" in i.latex]
    items, rules = _stack(matrix=True, rule=False)  # a pmatrix column: \baselineskip apart
    assert not [i for i in read_binomials(items, rules) if "binom" in i.latex]


def test_relation_mark_skips_brackets_and_words_keep_their_kerns():
    items = [_glyph("P", 0, 100, order=1), Item("(", "open", 6, 92, 9, 102, 100, 10.0, order=2),
             _glyph("X", 9, 100, order=3), _glyph("=", 15, 100, cls="rel", order=4),
             _glyph("2", 22, 100, order=5), Item(")", "close", 27, 92, 30, 102, 100, 10.0, order=6),
             _glyph("=", 33, 100, cls="rel", order=7), _glyph("1", 40, 100, order=8)]
    assert read_line(items, 10.0).latex() == "P(X=2) & =1"
    from lintmath.extract.pdf_layout import merge_words

    word = [_glyph("V", 0, 100, cls="upright", order=1), _glyph("a", 4.1, 100, cls="upright", order=2),
            _glyph("r", 9.1, 100, cls="upright", order=3)]  # V and a overlap by a kern (0.9 pt)
    (var,) = merge_words(word)
    assert var.latex == "Var" and var.cls == "word"
