"""The data that flows through lintmath: source -> Derivation -> Step -> Verdict -> Finding.

Everything here is a frozen dataclass built from stdlib types only, so results are hashable,
picklable (they cross process boundaries in the worker pool) and importable without SymPy.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Span:
    """A 1-based, inclusive-start / exclusive-end range in a text source."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class MathText:
    """A piece of math as the author wrote it.

    ``text`` is a slice of the source in which everything that is not math (comments, ``\\label``,
    ``\\tag``, alignment ``&``...) has been replaced by spaces rather than removed, so an offset in
    ``text`` maps back to the source by counting newlines: diagnosis reports columns of single terms.
    For PDF sources ``line`` and ``column`` are 0 and ``page``/``bbox`` say where the row is.
    """

    text: str
    line: int
    column: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    cell: int | None = None  # notebooks: 1-based cell number; ``line`` is then the line within the cell

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of ``text[offset]``."""
        offset = max(0, min(offset, len(self.text)))
        before = self.text[:offset]
        newlines = before.count("\n")
        if newlines == 0:
            return self.line, self.column + offset
        return self.line + newlines, offset - before.rfind("\n")

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Source span of ``text[start:end]``, trimmed of the blanks the extractor left."""
        end = len(self.text) if end is None else end
        piece = self.text[start:end]
        stripped_left = len(piece) - len(piece.lstrip())
        stripped_right = len(piece) - len(piece.rstrip())
        start, end = start + stripped_left, max(start + stripped_left, end - stripped_right)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)

    @property
    def stripped(self) -> str:
        return " ".join(self.text.split())


@dataclass(frozen=True)
class Macro:
    """A user macro as defined in the document (``\\newcommand``, ``\\def``, ``\\DeclareMathOperator``)."""

    name: str  # with the backslash: "\\R"
    nargs: int = 0
    body: str = ""
    default: str | None = None  # default of an optional first argument
    operator: bool = False  # \DeclareMathOperator: an upright function name
    star: bool = False  # takes an optional * that changes only its typesetting (\DeclarePairedDelimiter)


@dataclass(frozen=True)
class Step:
    """One claim ``lhs REL rhs`` of a derivation; ``lhs`` is the previous right-hand side in a chain."""

    index: int
    relation: str  # normalised: "=", "<=", ">=", "<", ">", "!=", "~=", "propto", "~", "=>", "<=>", ":=", ...
    relation_text: str  # as written, e.g. "\\leq" or "\\overset{(a)}{=}"
    lhs: MathText
    rhs: MathText
    # an annotation set beside the row (``&& (u = \sin x)``, ``&& \text{if } b = 0``): not math, but a
    # condition it states may be what makes the step hold
    note: str = ""
    # another left side the row may continue (``u &= .., \quad v = (x - 1)^2 \\ &= ..``: the equation set
    # beside the row above ends on it): the step is refuted only where it fails from both
    alternative: MathText | None = None


@dataclass(frozen=True)
class Derivation:
    """A display with one or more steps, found in a source."""

    path: str
    index: int  # 0-based position among the derivations of its source
    env: str  # "align*", "equation", "\\[", "$$", "pdf", ...
    steps: tuple[Step, ...]
    page: int | None = None
    label: str | None = None  # e.g. a beamer frame label, for de-duplicating overlays


@dataclass(frozen=True)
class Directive:
    """A ``% lintmath: ...`` comment: what the prose says and the math does not."""

    line: int
    kind: str  # "assume", "define", "ignore", "ignore-begin", "ignore-end", "ignore-file"
    argument: str
    cell: int | None = None  # notebooks: the cell the directive is in (``line`` counts within it)
    column: int = 0  # where the directive's comment starts, when known (for LM900's location)


@dataclass(frozen=True)
class Document:
    """What an extractor returns for one source: its derivations and the context to read them."""

    path: str
    derivations: tuple[Derivation, ...]
    macros: tuple[Macro, ...] = ()
    directives: tuple[Directive, ...] = ()
    lines: tuple[str, ...] = ()  # the source lines, for reporters that quote them (empty for PDFs)
    # derivations from the rest of a multi-file document (its %!TEX root): they supply definitions
    # and are not checked as part of this file
    context: tuple[Derivation, ...] = ()
    # notebooks: ``lines`` are the markdown cells' lines one after another, and cell k (1-based)
    # starts after ``cell_starts[k - 1]`` of them; a step's ``line`` counts within its cell
    cell_starts: tuple[int, ...] = ()


class ExtractError(Exception):
    """A source that cannot be read at all (missing, binary, encrypted...). One line, no traceback."""


class Status(str, Enum):
    VERIFIED = "verified"
    REFUTED = "refuted"
    UNVERIFIED = "unverified"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Diagnosis:
    """A small edit of the step's right-hand side that makes the step hold, and what kind of mistake it names."""

    kind: str  # one of the rule kinds, e.g. "sign_flip"
    start: int  # offsets into the step's rhs.text of the term to change
    end: int
    term: str  # the term as written
    suggestion: str  # the corrected right-hand side, in the author's own text
    detail: str = ""  # e.g. "the sign of \\frac{t_j}{o_j} was flipped"
    # what the corrected value follows from, when that is not the row's left side (a solving chain's odd
    # row follows from the rows around it, not from itself); empty: the left side
    source: str = ""


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str = ""
    counterexample: tuple[tuple[str, str], ...] = ()  # (symbol, value) where the two sides differ
    guessed: tuple[str, ...] = ()  # what the decision had to guess (an undefined function, a shape)
    diagnosis: Diagnosis | None = None
    elapsed: float = 0.0
    definitions: tuple[str, ...] = ()  # where the definitions the decision used are ("slides.tex:12")


@dataclass(frozen=True)
class StepResult:
    derivation: Derivation
    step: Step
    verdict: Verdict


@dataclass(frozen=True)
class Finding:
    """A flat record, like Vale's Alert: everything a reporter needs, nothing it must compute."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None
    rule: str
    name: str
    severity: str  # "error" | "warning" | "info"
    message: str
    suggestion: str | None = None
    derivation: int = 0
    step: int = 0
    bbox: tuple[float, float, float, float] | None = None
    counterexample: tuple[tuple[str, str], ...] = ()
    cell: int | None = None  # notebooks: 1-based cell number; ``line`` counts within the cell


@dataclass(frozen=True)
class FileResult:
    """Everything known about one input: its steps, findings, or the error that stopped it."""

    path: str
    status: str  # "checked" | "error"
    error: str | None = None
    steps: tuple[StepResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    derivations: int = 0
    lines: tuple[str, ...] = field(default=(), repr=False)
