"""Extractors: a source file -> a Document. Dispatch on the file suffix.

``EXTRACTORS`` maps a lower-case suffix to either a callable ``(path) -> Document`` or a
``"module:function"`` string imported lazily on first use (so optional dependencies of the PDF
extractor are only needed for PDFs). Other modules add theirs with ``register``.
"""
from __future__ import annotations

import importlib
import re
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


MAX_INPUT_DEPTH = 8
TEX_ROOT = re.compile(r"^\s*%\s*!\s*TEX\s+root\s*=\s*(\S.*?)\s*$", re.I | re.M)


def _resolver(path: str, root: str, seen: set[str], depth: int = 0):
    """``\\input{name}`` relative to the including file, only inside the document's directory tree
    (a document must not make lintmath read arbitrary files), each file once."""
    from lintmath.extract.latex import extract_latex

    def resolve(name: str) -> Document | None:
        if depth >= MAX_INPUT_DEPTH:
            return None
        candidate = os.path.normpath(os.path.join(os.path.dirname(path), name))
        if not os.path.splitext(candidate)[1]:
            candidate += ".tex"
        real = os.path.realpath(candidate)
        if not (real == root or real.startswith(root + os.sep)) or real in seen or not os.path.isfile(real):
            return None
        seen.add(real)
        return extract_latex(read_source(candidate), candidate,
                             resolve_input=_resolver(candidate, root, seen, depth + 1))

    return resolve


def extract_latex_path(path: str) -> Document:
    from dataclasses import replace

    from lintmath.extract.latex import extract_latex

    text = read_source(path)
    root = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    doc = extract_latex(text, path, resolve_input=_resolver(path, root, {os.path.realpath(path)}))
    magic = TEX_ROOT.search(text[:2000])
    if magic:
        # a chapter of a larger document: the main file's definitions and macros apply here too
        main = os.path.normpath(os.path.join(os.path.dirname(path), magic.group(1)))
        top = os.path.realpath(os.path.dirname(os.path.abspath(main)))
        if os.path.isfile(main) and (root == top or root.startswith(top + os.sep)):
            whole = extract_latex(read_source(main), main,
                                  resolve_input=_resolver(main, top, {os.path.realpath(main)}))
            mine = os.path.realpath(path)
            others = tuple(d for d in whole.derivations if os.path.realpath(d.path) != mine)
            known = {m.name for m in doc.macros}
            macros = doc.macros + tuple(m for m in whole.macros if m.name not in known)
            doc = replace(doc, context=others, macros=macros)
    return doc


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
    try:
        extractor = _resolve(suffix)
    except ExtractError as exc:  # the one line must say which of the files named it is
        raise ExtractError(f"{path}: {exc}") from None
    return extractor(path)


__all__ = ["EXTRACTORS", "extract_path", "read_source", "register", "extract_latex_path"]


def extract_text(text: str, path: str = "<text>", suffix: str = ".tex") -> Document:
    """The Document of source text given as a string (LaTeX unless ``suffix`` says otherwise)."""
    if suffix.lower() in (".tex", ".ltx", ".latex"):
        from lintmath.extract.latex import extract_latex

        return extract_latex(text, path)
    texts = EXTRACTORS.get(suffix.lower() + ":text")
    if texts is None:
        raise ExtractError(f"{path}: unsupported file type: {suffix}")
    return _resolve(suffix.lower() + ":text")(text, path)  # type: ignore[call-arg]


# Markdown flavours and notebooks (lintmath/extract/markdown.py), imported on first use.
for _suffix in (".md", ".markdown", ".qmd", ".rmd", ".myst"):
    register(_suffix, "lintmath.extract.markdown:extract_markdown_path")
    register(_suffix + ":text", "lintmath.extract.markdown:extract_markdown")
register(".ipynb", "lintmath.extract.markdown:extract_notebook_path")
register(".ipynb:text", "lintmath.extract.markdown:extract_notebook")

# LyX documents (lintmath/extract/lyx.py): formulas are raw LaTeX, the rest is translated.
register(".lyx", "lintmath.extract.lyx:extract_lyx_path")
register(".lyx:text", "lintmath.extract.lyx:extract_lyx")
