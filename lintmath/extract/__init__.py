"""Extractors: a source file -> a Document. Dispatch on the file suffix.

``EXTRACTORS`` maps a lower-case suffix to either a callable ``(path) -> Document`` or a
``"module:function"`` string imported lazily on first use (so optional dependencies of the PDF
extractor are only needed for PDFs). Other modules add theirs with ``register``.
"""
from __future__ import annotations

import importlib
import os
from typing import Callable, Union

from lintmath.model import Document, ExtractError

Extractor = Callable[[str], Document]

EXTRACTORS: dict[str, Union[str, Extractor]] = {
    ".pdf": "lintmath.extract.pdf:extract_pdf",
}


def register(suffix: str, extractor: Union[str, Extractor]) -> None:
    """Make ``extract_path`` use ``extractor`` for files ending in ``suffix`` (e.g. ".md")."""
    EXTRACTORS[suffix.lower() if suffix.startswith(".") else "." + suffix.lower()] = extractor


def read_source(path: str) -> str:
    """The text of a source file, or ExtractError: missing, a directory, binary, unreadable.

    UTF-8 (with or without BOM), falling back to latin-1, which decodes anything.
    """
    if os.path.isdir(path):
        raise ExtractError(f"{path}: is a directory")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise ExtractError(f"{path}: No such file") from None
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\0" in data:
        raise ExtractError(f"{path}: binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def extract_latex_path(path: str) -> Document:
    from lintmath.extract.latex import extract_latex

    return extract_latex(read_source(path), path)


for _suffix in (".tex", ".ltx", ".latex"):
    EXTRACTORS[_suffix] = extract_latex_path


def _resolve(suffix: str) -> Extractor:
    target = EXTRACTORS.get(suffix)
    if target is None:
        raise ExtractError(f"unsupported file type: {suffix or '(no suffix)'}")
    if callable(target):
        return target
    module_name, _, func_name = target.partition(":")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
    except (ImportError, AttributeError):
        raise ExtractError(f"unsupported file type: {suffix}") from None
    EXTRACTORS[suffix] = func
    return func


def extract_path(path: str) -> Document:
    """The Document of one source file; ExtractError (one line) when it cannot be read."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise ExtractError(f"{path}: No such file")
    if os.path.isdir(path):
        raise ExtractError(f"{path}: is a directory")
    suffix = os.path.splitext(path)[1].lower()
    return _resolve(suffix)(path)


__all__ = ["EXTRACTORS", "extract_path", "read_source", "register", "extract_latex_path"]


def extract_text(text: str, path: str = "<text>", suffix: str = ".tex") -> Document:
    """The Document of source text given as a string (LaTeX unless ``suffix`` says otherwise)."""
    if suffix.lower() in (".tex", ".ltx", ".latex"):
        from lintmath.extract.latex import extract_latex

        return extract_latex(text, path)
    texts = EXTRACTORS.get(suffix.lower() + ":text")
    if texts is None:
        raise ExtractError(f"{path}: cannot check {suffix} text given as a string")
    return _resolve(suffix.lower() + ":text")(text, path)  # type: ignore[call-arg]
