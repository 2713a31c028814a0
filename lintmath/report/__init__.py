"""Reporters: each renders a list of FileResults to a stream and knows nothing of LaTeX or SymPy.

One module per format (Vale's ``--output``, ruff's emitters); each has
``render(results, out, options=ReportOptions())``.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, TextIO

from lintmath.model import FileResult


@dataclass(frozen=True)
class ReportOptions:
    """How the user asked to see the report; the reporters that have no use for an option ignore it."""

    quiet: bool = False  # no summary line
    color: bool = False  # ANSI colours (the CLI sets it when stdout is a terminal)
    rules: tuple[Any, ...] = ()  # lintmath.rules.Rule records, for formats that describe each rule (SARIF, HTML)


Reporter = Callable[..., None]

#: format name -> "module:function"
FORMATS = {
    "text": "lintmath.report.text:render",
    "concise": "lintmath.report.text:render_concise",
    "json": "lintmath.report.json:render",
    "sarif": "lintmath.report.sarif:render",
    "github": "lintmath.report.github:render",
    "html": "lintmath.report.html:render",
}


def get_reporter(name: str) -> Callable[[list[FileResult], TextIO], None] | Reporter:
    module, _, func = FORMATS.get(name, FORMATS["text"]).partition(":")
    return getattr(importlib.import_module(module), func)
