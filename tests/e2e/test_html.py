"""The HTML report opened in a real browser (Debian's headless chromium): the math is rendered as
MathML, the flagged step is highlighted, and a PDF derivation comes with its page region."""
import io
import re
import subprocess
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from browser import find_or_install_chromium
from lintmath.cli import main
from lintmath.model import Derivation, FileResult, Finding, MathText, Status, Step, StepResult, Verdict
from lintmath.report.html import render

ROOT = Path(__file__).resolve().parents[2]
SLIDES = ROOT / "fixtures" / "softmax" / "slides.tex"
PDF = ROOT / "fixtures" / "softmax" / "slides.pdf"
CHROMIUM = find_or_install_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install chromium, as root)")


def chromium(url: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--window-size=1200,900", *args, url],
        capture_output=True, text=True, timeout=120)


def ink(png: Path) -> float:
    """Share of the screenshot's pixels that are not the page background."""
    pix = pymupdf.Pixmap(str(png))
    samples, n = pix.samples, pix.n
    background = samples[-n:]  # bottom-right corner: page background
    pixels = len(samples) // n
    different = sum(1 for k in range(0, len(samples), n * 7) if samples[k:k + n] != background)
    return different / (pixels / 7)


def test_html_report_renders_the_math_in_chromium(tmp_path):
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--isolated", "-j1", str(SLIDES), "--format", "html",
                                       "-o", str(report)])
    assert result.exit_code == 1
    page = report.read_text()
    assert "http://" not in page.replace("http://www.w3.org/1998/Math/MathML", "")  # nothing to fetch
    dom = chromium(report.as_uri(), tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert len(re.findall(r"<math\b", dom.stdout)) >= 20
    flagged = dom.stdout.count('<tr class="refuted"')
    assert flagged >= 1 and dom.stdout.count('<div class="diag') == flagged and "LM101" in dom.stdout
    assert 'mathcolor="red"' in dom.stdout  # the flipped term itself is coloured
    shot = tmp_path / "shot.png"
    chromium(report.as_uri(), tmp_path / "profile", f"--screenshot={shot}")
    assert shot.exists() and ink(shot) > 0.02


def _pdf_result() -> FileResult:
    """A PDF finding as the PDF extractor produces it: page (1-based) and bbox in PDF points."""
    with pymupdf.open(PDF) as doc:
        for number, page in enumerate(doc, 1):
            hits = page.search_for("o")
            if len(hits) >= 2:
                a, b = hits[0], hits[1]
                break
    lhs = MathText("a", 0, 0, page=number, bbox=tuple(a))
    rhs = MathText("b", 0, 0, page=number, bbox=tuple(b))
    step = Step(0, "=", "=", lhs, rhs)
    derivation = Derivation(str(PDF), 0, "pdf", (step,), page=number)
    verdict = Verdict(Status.REFUTED, counterexample=(("a", "1"), ("b", "2")))
    finding = Finding(str(PDF), 0, 0, 0, 0, number, "LM100", "step-not-equal", "error", "differs",
                      bbox=tuple(b), counterexample=verdict.counterexample)
    return FileResult(str(PDF), "checked", None, (StepResult(derivation, step, verdict),), (finding,), 1)


def test_pdf_derivation_shows_its_page_region_with_the_step_outlined(tmp_path):
    out = io.StringIO()
    render([_pdf_result()], out)
    page = out.getvalue()
    assert page.count('src="data:image/png;base64,') == 1 and page.count('class="box"') == 1
    report = tmp_path / "pdf.html"
    report.write_text(page)
    dom = chromium(report.as_uri(), tmp_path / "profile", "--dump-dom")
    assert "<img" in dom.stdout and "<math" in dom.stdout


def test_unreadable_latex_falls_back_to_its_source():
    from lintmath.report.html import math_html

    assert "<math" in math_html(r"\frac{a}{b}")
    fallback = math_html(r"\frac{a}{")
    assert fallback.startswith("<") and ("<math" in fallback or "<code" in fallback)
