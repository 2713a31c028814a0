"""Reporters: each renders a list of FileResults to a stream and knows nothing of LaTeX or SymPy."""
from __future__ import annotations

from typing import Callable, TextIO

from lintmath.model import FileResult


def get_reporter(name: str) -> Callable[[list[FileResult], TextIO], None]:
    if name == "json":
        from lintmath.report.json import render
    elif name == "concise":
        from lintmath.report.text import render_concise as render
    else:
        from lintmath.report.text import render
    return render


FORMATS = ("text", "concise", "json")
