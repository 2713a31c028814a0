"""One self-contained HTML page a person would rather look at than read.

Per document, each derivation as rendered math (MathML from latex2mathml, which every current
browser draws without fonts or scripts from the network), every step with its status, the flagged
step highlighted with its diagnosis, suggestion and counterexample. For a PDF, the page region of the
derivation is embedded as a PNG (pymupdf, imported only then) with the flagged row outlined.
Nothing is fetched: styles are inline, images are data: URIs.
"""
from __future__ import annotations

import base64
import html
from collections import defaultdict
from typing import TextIO

from lintmath.model import Derivation, FileResult, Finding, StepResult
from lintmath.report import ReportOptions

STATUS_MARK = {"verified": "✓", "refuted": "✗", "unverified": "?", "skipped": "–"}
PDF_DPI = 110
MARGIN = 12.0  # points around a derivation's region on the page

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d232b}
header{background:#1d232b;color:#fff;padding:16px 28px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#c8cfd8}main{padding:12px 28px 40px;max-width:1100px}
section.doc{background:#fff;border:1px solid #dde2e8;border-radius:8px;margin:18px 0;padding:4px 20px 16px}
section.doc h2{font-size:17px;margin:14px 0 6px;word-break:break-all}
.readerror{color:#a40000;font-weight:600}
.deriv{border-top:1px solid #eef0f3;padding:10px 0}.deriv h3{font-size:13px;font-weight:600;color:#5b6673;margin:4px 0}
table.steps{border-collapse:collapse}table.steps td{padding:3px 8px;vertical-align:middle}
td.lhs{text-align:right}td.rel{text-align:center}td.rhs{text-align:left}
td.lhs,td.rel{width:1%;white-space:nowrap}
td.where{color:#7a8591;font-size:12px;white-space:nowrap}
td.status{font-weight:700;text-align:center;width:1.5em}
tr.verified td.status{color:#1a7f37}tr.unverified td.status{color:#9a6700}tr.skipped td.status{color:#7a8591}
tr.refuted td.status{color:#cf222e}
tr.refuted td.rhs,tr.refuted td.rel{background:#ffebe9;border-top:2px solid #cf222e;border-bottom:2px solid #cf222e}
tr.refuted td.rel{border-left:2px solid #cf222e}tr.refuted td.rhs{border-right:2px solid #cf222e}
tr.finding td{padding:0 8px 12px}
.diag{border-left:4px solid #cf222e;background:#fff8f7;padding:8px 12px;border-radius:0 6px 6px 0}
.diag.warning{border-color:#bf8700;background:#fffbeb}.diag.info{border-color:#0969da;background:#f3f8ff}
.diag .code{font-weight:700}.diag table{border-collapse:collapse;margin-top:4px;font-size:13px}
.diag th,.diag td{border:1px solid #e1e4e8;padding:2px 8px;text-align:left}
code.tex{background:#f1f3f5;padding:1px 4px;border-radius:3px;font-size:13px}
.page{position:relative;display:inline-block;margin:8px 0;border:1px solid #dde2e8}
.page img{display:block;max-width:100%}.page .box{position:absolute;border:2px solid #cf222e;background:rgba(207,34,46,.08)}
.summary{display:flex;gap:14px;flex-wrap:wrap}.summary span{font-weight:600}
math{font-size:1.12em}
"""


def math_html(latex: str, display: bool = False) -> str:
    """MathML for ``latex``; the escaped source in a <code> when latex2mathml cannot read it."""
    text = " ".join(latex.split())
    if not text:
        return ""
    try:
        from latex2mathml.converter import convert

        return convert(text, display="block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds on unknown macros; the source is still shown
        return f'<code class="tex">{html.escape(text)}</code>'


def _highlighted(rhs: str, start: int, end: int) -> str:
    """``rhs`` with the term at [start, end) coloured, for the flagged step's right-hand side."""
    if not 0 <= start < end <= len(rhs):
        return rhs
    return f"{rhs[:start]}{{\\color{{red}}{{{rhs[start:end]}}}}}{rhs[end:]}"


def _rhs_math(s: StepResult) -> str:
    d = s.verdict.diagnosis
    if d is not None:
        marked = math_html(_highlighted(s.step.rhs.text, d.start, d.end))
        if "<math" in marked:
            return marked
    return math_html(s.step.rhs.text)


def _where(s: StepResult) -> str:
    rhs = s.step.rhs
    if rhs.page is not None:
        return f"p. {rhs.page}"
    if rhs.cell is not None:
        return f"cell {rhs.cell}, line {rhs.line}"
    return f"line {rhs.line}"


def _finding_block(f: Finding) -> str:
    parts = [f'<div class="diag {html.escape(f.severity)}"><span class="code">{html.escape(f.rule)} '
             f'{html.escape(f.name)}</span> ({html.escape(f.severity)}): {html.escape(f.message)}']
    if f.suggestion:
        parts.append(f"<div>Suggestion: {math_html(f.suggestion)} <code class=\"tex\">"
                     f"{html.escape(f.suggestion)}</code></div>")
    if f.counterexample:
        rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in f.counterexample)
        parts.append(f"<div>Counterexample (the two sides differ here):<table><tr><th>symbol</th>"
                     f"<th>value</th></tr>{rows}</table></div>")
    parts.append("</div>")
    return "".join(parts)


def _page_image(path: str, steps: list[StepResult], flagged: set[int]) -> str:
    """The page region of a PDF derivation as a data: PNG, the flagged rows outlined; "" if unavailable."""
    boxes = [(s.step.index, s.step.rhs.bbox, s.step.rhs.page) for s in steps if s.step.rhs.bbox]
    boxes += [(-1, s.step.lhs.bbox, s.step.lhs.page) for s in steps if s.step.lhs.bbox]
    pages = {p for _, _, p in boxes if p is not None}
    if not boxes or len(pages) != 1:
        return ""
    page_number = pages.pop()
    try:
        import pymupdf
    except ImportError:  # pragma: no cover - pymupdf is a dependency; older installs call it fitz
        try:
            import fitz as pymupdf  # type: ignore[no-redef]
        except ImportError:
            return ""
    try:
        with pymupdf.open(path) as doc:
            page = doc[page_number - 1]
            x0 = min(b[0] for _, b, _ in boxes) - MARGIN
            y0 = min(b[1] for _, b, _ in boxes) - MARGIN
            x1 = max(b[2] for _, b, _ in boxes) + MARGIN
            y1 = max(b[3] for _, b, _ in boxes) + MARGIN
            clip = pymupdf.Rect(x0, y0, x1, y1) & page.rect
            png = page.get_pixmap(clip=clip, dpi=PDF_DPI).tobytes("png")
    except Exception:  # a PDF that opened for extraction but not now: the math is still shown
        return ""
    width, height = clip.width or 1, clip.height or 1
    outlines = []
    for index, b, _ in boxes:
        if index in flagged:
            left, top = (b[0] - clip.x0) / width * 100, (b[1] - clip.y0) / height * 100
            w, h = (b[2] - b[0]) / width * 100, (b[3] - b[1]) / height * 100
            outlines.append(f'<div class="box" style="left:{left:.2f}%;top:{top:.2f}%;width:{w:.2f}%;'
                            f'height:{h:.2f}%"></div>')
    data = base64.b64encode(png).decode("ascii")
    return (f'<div class="page"><img alt="page {page_number} of {html.escape(path)}" '
            f'src="data:image/png;base64,{data}">{"".join(outlines)}</div>')


# the delimiters of a display as a reader names them ("(\[)" read as a typo)
DISPLAY_NAMES = {"\\[": "\\[ \u2026 \\]", "$$": "$$ \u2026 $$"}


def _title(d: Derivation) -> str:
    """``Derivation 2 · frame title (align*)``; a PDF's says the page, and the slide's label when it differs."""
    title = f"Derivation {d.index + 1}"
    if d.env == "pdf":
        if d.page is not None:
            title += f" · page {d.page}"
        if d.label and d.label != str(d.page):
            title += f" (slide {d.label})"
        return html.escape(title)
    if d.label:
        title += f" · {d.label}"
    return html.escape(f"{title} ({DISPLAY_NAMES.get(d.env, d.env)})")


def _derivation(steps: list[StepResult], findings: dict[int, list[Finding]]) -> str:
    d = steps[0].derivation
    title = _title(d)
    rows = []
    for k, s in enumerate(steps):
        status = s.verdict.status.value
        reason = html.escape(s.verdict.reason or status)
        lhs = math_html(s.step.lhs.text) if k == 0 or s.step.lhs.text != steps[k - 1].step.rhs.text else ""
        rows.append(
            f'<tr class="{status}"><td class="lhs">{lhs}</td><td class="rel">{math_html(s.step.relation_text)}</td>'
            f'<td class="rhs">{_rhs_math(s)}</td><td class="status" title="{reason}">{STATUS_MARK[status]}</td>'
            f'<td class="where">{html.escape(_where(s))} · {status}</td></tr>'
        )
        for f in findings.get(s.step.index, []):
            rows.append(f'<tr class="finding"><td></td><td colspan="4">{_finding_block(f)}</td></tr>')
    image = ""
    if any(s.step.rhs.page is not None for s in steps):
        image = _page_image(d.path, steps, set(findings))
    return (f'<div class="deriv"><h3>{title}</h3>{image}'
            f'<table class="steps">{"".join(rows)}</table></div>')


def _document(r: FileResult) -> str:
    head = f'<section class="doc"><h2>{html.escape(r.path)}</h2>'
    if r.error:
        return head + f'<p class="readerror">{html.escape(r.error)}</p></section>'
    by_derivation: dict[int, list[StepResult]] = defaultdict(list)
    for s in r.steps:
        by_derivation[s.derivation.index].append(s)
    findings: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    for f in r.findings:
        findings[(f.derivation, f.step)].append(f)
    counts: dict[str, int] = defaultdict(int)
    for s in r.steps:
        counts[s.verdict.status.value] += 1
    summary = " · ".join(f"{n} {k}" for k, n in counts.items()) or "no derivations found"
    body = [head, f"<p>{len(r.findings)} finding{'s' if len(r.findings) != 1 else ''}; steps: {summary}</p>"]
    attached = {(s.derivation.index, s.step.index) for s in r.steps}
    for f in r.findings:  # findings about the source rather than a step (an unused suppression)
        if (f.derivation, f.step) not in attached:
            body.append(f'<p class="where">line {f.line}:</p>' + _finding_block(f))
    for index in sorted(by_derivation):
        steps = by_derivation[index]
        per_step = {k[1]: v for k, v in findings.items() if k[0] == index}
        body.append(_derivation(steps, per_step))
    body.append("</section>")
    return "".join(body)


def render(results: list[FileResult], out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    findings = sum(len(r.findings) for r in results)
    steps = [s for r in results for s in r.steps]
    counts: dict[str, int] = defaultdict(int)
    for s in steps:
        counts[s.verdict.status.value] += 1
    summary = "".join(f"<span>{counts[k]} {k}</span>" for k in STATUS_MARK if counts.get(k))
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
              f"<title>lintmath report</title><style>{CSS}</style></head><body>")
    out.write(f"<header><h1>lintmath report</h1><p>{len(results)} file{'s' if len(results) != 1 else ''}, "
              f"{len(steps)} step{'s' if len(steps) != 1 else ''}, {findings} finding{'s' if findings != 1 else ''}</p></header><main>")
    out.write(f'<div class="summary">{summary}</div>')
    for r in results:
        out.write(_document(r))
    out.write("</main></body></html>\n")
