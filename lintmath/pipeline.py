"""The one place that composes the stages: path -> Document -> tasks -> verdicts -> findings.

``check_paths`` is what the CLI calls; ``check_text`` and ``check_file`` are the library API. All are
pure functions of their inputs returning picklable FileResults, so they can be mapped over a cluster.
"""
from __future__ import annotations

import math
import re

import os
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from lintmath import qubitorder
from lintmath.config import Config
from lintmath.model import Derivation, Document, ExtractError, FileResult, Macro, Status, StepResult, Verdict
from lintmath.relations import LOGICAL, ROW_EQUIVALENT
from lintmath.runner import Task, run_tasks

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}



# an equation on a line of its own may be solved by a displayed value this many lines below it
SOLVED_BELOW = 4
# an integral sign without limits: the chain finds antiderivatives, each up to its constant
INDEFINITE = re.compile(r"\\i+nt(?![a-zA-Z])(?!\s*(?:\\limits|\\nolimits)?\s*[_^])")

def supported_suffixes() -> set[str]:
    from lintmath.extract import EXTRACTORS

    return set(EXTRACTORS)


def expand_paths(paths: Iterable[str], config: Config | None = None) -> list[str]:
    """Files as given, and the supported files under each directory, in a stable order.

    The config's ``exclude`` globs drop files and directories, given ones too (as ruff's
    force-exclude: pre-commit names files one by one and must respect them); its ``include`` globs
    choose which files a directory walk takes. ``-`` (stdin) passes through.
    """
    out: list[str] = []
    suffixes = supported_suffixes()
    for path in paths:
        if path == "-":
            out.append(path)
        elif config is not None and config.excluded(path):
            continue
        elif os.path.isdir(path):
            seen: set[str] = set()
            for root, dirs, files in os.walk(path, followlinks=False):
                real = os.path.realpath(root)
                if real in seen:
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not (config and config.excluded(os.path.join(root, d))))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if config is None or not (config.include or config.exclude):
                        if Path(f).suffix.lower() in suffixes:
                            out.append(full)
                    elif config.included(full) and not config.excluded(full) and (
                            config.include or Path(f).suffix.lower() in suffixes):
                        out.append(full)
        else:
            out.append(path)
    return _once(out)


def _once(files: list[str]) -> list[str]:
    """Each file once, under the first name it was given by: a file named beside its directory
    (`notes notes/w1.tex`, or pre-commit's list beside a walk) would be reported twice."""
    seen: set[str] = set()
    out = []
    for f in files:
        key = f if f == "-" else os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def tasks_for(doc: Document, config: Config) -> list[tuple[StepResult, Task]]:
    from lintmath.context import ContextItem, context_for, definition_of, document_context
    from lintmath.parse.tokens import macro_table

    pairs = []
    macros = config.macros + doc.macros  # the config's macro files first: the document's own win
    own_items: dict[tuple[int, int], ContextItem | None] = {}
    view = in_one_text(doc)
    items = list(config_context(config)) + document_context(view, own_items)
    table = macro_table(macros)
    modular_lines = _modular_prose(view, table)
    for k, derivation in enumerate(view.derivations):
        modulus = _chain_modulus(derivation)
        before = doc.derivations[k - 1] if k else None
        after = doc.derivations[k + 1] if k + 1 < len(doc.derivations) else None
        rows = _neighbour_rows(before, derivation, after)
        # (equations a short phrase joins to this one only show it is solved: the words that name a
        # lone line a condition still read the rows of its own display alone)
        bridged = rows + _bridged_rows(view.derivations[k - 1] if k else None, derivation,
                                       view.derivations[k + 1] if after is not None else None, view.lines)
        lines = [derivation.steps[0].lhs.text] + [s.rhs.text for s in derivation.steps] if derivation.steps else []
        # a display the prose's modulus reaches is read in it to its end (a table of the powers of a
        # root in GF(8), row after row)
        if derivation.steps and not (k and _same_display(view.derivations[k - 1], derivation, view.lines)):
            display_start = derivation.steps[0].lhs.line
        solving = _solving_rows(view, k)
        for step in derivation.steps:
            key = (derivation.index, step.index)
            # document_context has read the document's own steps already (with the document's
            # macros); the config's macros may change a reading, so only then read it again
            own = own_items[key] if key in own_items and not config.macros else definition_of(step, table, doc.path)
            # a lone line (2 lambda w = 4w, an equation to solve) may be solved by the lines below it
            below = SOLVED_BELOW if len(derivation.steps) == 1 else 0
            context = context_for(step, [i for i in items if i != own], path=derivation.path, below=below)
            context += _named_in_words(context, view.lines, step.rhs.line, derivation.path)
            defines = " ".join(own.lhs.split()) if own is not None and own.kind == "define" else ""
            indefinite = any(INDEFINITE.search(s.lhs.text + " " + s.rhs.text)
                             for s in derivation.steps[: step.index + 1])
            rhs = step.rhs.text
            if modulus is not None and step.relation == "===":
                from lintmath import modular  # (the parser and SymPy: not for a run the cache answers)
                rhs = modular.with_chain_modulus(step.lhs.text, rhs, modulus)
            task = Task(step.lhs.text, rhs, step.relation, macros, step.index == 0,
                        config.seed, config.budget, context, defines, indefinite,
                        bridged if step.index == 0 else (), _in_implication(derivation, step.index),
                        _derived(derivation, step.index),
                        _moduli_near(step.lhs.line, modular_lines, display_start), step.note,
                        _chain_lines(lines, step.index),
                        len(derivation.steps) == 1 and (_introduced_as_condition(view.lines, step, rows)
                                                        or _case_of_absolute_value(view, k)),
                        *solving,
                        relation_text=step.relation_text if step.relation == ROW_EQUIVALENT else "")
            # (reported as extracted: a notebook's steps by their line within the cell)
            pairs.append((StepResult(doc.derivations[k], doc.derivations[k].steps[step.index], None),  # type: ignore[arg-type]
                          task))
    return pairs


def in_one_text(doc: Document) -> Document:
    """``doc`` with a notebook's positions counted through all of its ``lines`` (see Document.cell_starts),
    so that what stands above a step, in its cell or an earlier one, is above it for the context; other
    documents as they are."""
    from dataclasses import replace

    if not doc.cell_starts:
        return doc

    def shift(text):
        if text.cell is None or not 0 < text.cell <= len(doc.cell_starts):
            return text
        return replace(text, line=text.line + doc.cell_starts[text.cell - 1])

    derivations = tuple(replace(d, steps=tuple(replace(s, lhs=shift(s.lhs), rhs=shift(s.rhs)) for s in d.steps))
                        for d in doc.derivations)
    directives = tuple(shift(d) for d in doc.directives)
    return replace(doc, derivations=derivations, directives=directives)


#: "modulo 7", "\\pmod", "\\mathbb{Z}_7", "\\mathbb{Z}/11", "\\mathbb{F}_p", "GF(p)", "characteristic $2$": the
#: prose works with residues ("modulus" is left out: it is also the absolute value of a complex number;
#: "characteristic" counts only before a number or a letter in math, not a characteristic polynomial)
_MODULAR_PROSE = re.compile(r"\b(?:mod|modulo)\b|\\[bp]?mod(?![a-zA-Z])|\\mathbb\s*\{?\s*[ZF]\s*\}?\s*[_/]"
                            r"|\bGF\s*\(|\\mathrm\s*\{GF\}"
                            r"|\bcharacteristic(?=\s*\$\s*\{?\s*(?:\d+|[a-z])\s*\}?\s*\$)")
#: a modulus stated in the prose holds for the steps this many lines below it
MODULAR_REACH = 12
#: a modulus the prose states as standing ("Throughout, all arithmetic is modulo 2", "from now on we
#: work over GF(2)") holds until the next section or chapter
_STANDING = re.compile(r"\b(?:throughout|from now on|henceforth"
                       r"|all (?:the )?(?:arithmetic|computations|calculations|operations|additions)"
                       r"|in this (?:section|chapter|lecture)|unless (?:stated|noted) otherwise)\b", re.IGNORECASE)
_SECTION = re.compile(r"\\(?:chapter|section)\*?\s*[{\[]")
_HEADING = re.compile(r"\\(?:chapter|(?:sub)*section)\*?\s*[{\[]")
#: prose that turns back to ordinary numbers ends a standing modulus too
_REALS_AGAIN = re.compile(r"\b(?:over|in|with) (?:the )?(?:reals|real numbers|integers|rationals)\b"
                          r"|\b(?:over|in) \$\\mathbb\s*\{?[RQZC]\}?\$", re.IGNORECASE)


#: the whole number a mention of a modulus names right after it (``\\pmod{11}``, ``modulo $26$``,
#: ``\\mathbb{Z}_{7}``); a power or a letter (``\\pmod{2^8}``, ``modulo $p$``) names none
_MODULUS_NUMBER = re.compile(r"[\s{}$~(]*(?:\\[,;: ]\s*)*(\d+)(?![\d^_\w]|\.\d|\\(?!mathbb|[,;:) ]))")


_DEFINITIONS = ("\\newcommand", "\\renewcommand", "\\providecommand", "\\def", "\\DeclareMathOperator")


#: a mention that names a finite field by its order (``\\mathbb{F}_4``, ``GF(8)``), not a ring of residues
_FIELD = re.compile(r"\\mathbb\s*\{?\s*F|GF|\\mathrm\s*\{GF\}")


def _characteristic(order: int) -> int:
    """The prime p of a field of ``order`` = p^k elements (its arithmetic is modulo p: 1 + 1 = 0 in
    $\\mathbb{F}_4$); ``order`` itself where it is no prime power (no such field: read as written)."""
    p = next((d for d in range(2, math.isqrt(order) + 1) if order % d == 0), order)
    q = order
    while q % p == 0:
        q //= p
    return p if q == 1 else order


def _prose_macros_written_out(line: str, macros: Mapping[str, Macro]) -> str:
    """``line`` with the document's macros without arguments written out (``$\\F_2$`` for
    ``$\\mathbb{F}_2$``, ``\\GF(8)``): the prose names its field with them as its displays do. Only
    those: the words of the prose stay as they stand."""
    if line.lstrip().startswith(_DEFINITIONS):
        return ""  # (defining \\GF is no statement that the prose works in a finite field)
    if "\\" not in line:
        return line
    for _ in range(3):  # (a macro may write another)
        written = re.sub(r"\\[A-Za-z]+", lambda m: (macros[m.group()].body if m.group() in macros
                                                   and not macros[m.group()].nargs else m.group()), line)
        if written == line:
            break
        line = written
    return line


def _modular_prose(doc: Document, macros: Mapping[str, Macro] | None = None
                   ) -> list[tuple[int, tuple[int, ...] | None, int]]:
    """The lines (from 1) of ``doc`` that mention working modulo a number (empty for a PDF), each with
    the whole-number moduli it names, or None when one of its mentions names no whole number (``modulo
    $p$``), which may be any modulus, and the last line the mention holds for."""
    found: list[tuple[int, tuple[int, ...] | None, int]] = []
    lines = [_prose_macros_written_out(line, macros or {}) for line in doc.lines]
    ends = [k for k, line in enumerate(lines, 1)
            if _SECTION.search(line) or (_REALS_AGAIN.search(line) and not _MODULAR_PROSE.search(line))]
    for k, line in enumerate(lines, 1):
        moduli: list[int] | None = []
        for mention in _MODULAR_PROSE.finditer(line):
            number = _MODULUS_NUMBER.match(line, mention.end())
            if number is None or moduli is None:
                moduli = None
            elif int(number.group(1)) > 1:
                moduli.append(_characteristic(int(number.group(1))) if _FIELD.match(mention.group())
                              else int(number.group(1)))
        if not (moduli is None or moduli or _MODULAR_PROSE.search(line)):
            continue
        # a new section, or prose back to the reals, ends a mention's reach; one stated as standing, or
        # in a section's title, reaches to there (the sentence may begin on the line before: "Throughout,
        # all\n arithmetic is mod 2")
        end = next((at - 1 for at in ends if at > k), len(doc.lines))
        standing = _STANDING.search((lines[k - 2] if k > 1 else "") + " " + line) or _HEADING.search(line)
        reach = end if standing else min(k + MODULAR_REACH, end)
        found.append((k, tuple(moduli) if moduli else None, reach))
    return found


def _same_display(before: Derivation, derivation: Derivation, lines: tuple[str, ...]) -> bool:
    """Whether ``derivation`` continues the display of ``before`` (the next row of one align*): only
    row breaks and spacing stand between them, no words and no end of a display."""
    if before.env != derivation.env or not before.steps or not derivation.steps:
        return False
    end, start = before.steps[-1].rhs.line, derivation.steps[0].lhs.line
    return 0 <= start - end <= 4 and all(re.fullmatch(r"[\s\\&]*", line) for line in lines[end:start - 1])


def _moduli_near(line: int, modular_lines: list[tuple[int, tuple[int, ...] | None, int]],
                 display_start: int | None = None) -> bool | tuple[int, ...]:
    """What the prose just above ``line`` (or above ``display_start``, where its display begins) works
    modulo: False when it mentions no modulus, the whole numbers it names, or True when a mention
    names none (any modulus may be meant)."""
    near = [moduli for at, moduli, reach in modular_lines
            if at <= line <= reach or display_start is not None and at <= display_start <= reach]
    if not near:
        return False
    if any(moduli is None for moduli in near):
        return True
    return tuple(sorted({m for moduli in near for m in moduli or ()}))


#: inline math of the prose: ``$u$`` alone names a letter in words ("write $u$ for x - 1")
_INLINE_MATH = re.compile(r"(?<![$\\])\$([^$]+)\$(?!\$)")


def _named_in_words(context: tuple, lines: tuple[str, ...], here: int, path: str) -> tuple:
    """REDEFINED markers (see context.REDEFINED) for the values in force whose name the prose names
    alone (``$u$``) between the value and the step, or just below the step: "now write $u$ for
    $x - 1$", "with $v$ now the difference", "where now $v$ is $a - b$" give the name another meaning in
    words, which the checker does not read, so a failure with the old value is no slip."""
    from lintmath.context import PROSE_AFTER, REDEFINED, ContextItem

    if not lines or not here:
        return ()
    out = []
    for item in context:
        if item.kind not in ("define", "result") or not item.name or item.path != path or not 0 < item.line <= here:
            continue
        names = {" ".join(item.lhs.split()), item.name}
        for text in lines[item.line:min(len(lines), here + PROSE_AFTER)]:
            if any(" ".join(found.split()) in names for found in _INLINE_MATH.findall(text)):
                out.append(ContextItem(REDEFINED, item.name, item.lhs, "", "", item.where, item.line, path=item.path,
                                       label=item.label))
                break
    return tuple(out)


def _solving_rows(view: Document, k: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rows of lone equations above and below derivation ``k`` in its display (see
    lintmath.solving): rows one under the other, only row breaks between them, in a source with lines."""
    from lintmath.solving import run_rows

    if not view.lines:
        return (), ()

    def next_row(a: Derivation, b: Derivation) -> bool:
        return _same_display(a, b, view.lines) and b.steps[0].lhs.line - a.steps[-1].rhs.line <= 1

    above, below = run_rows(view.derivations, k, next_row)
    if not above:
        return (), ()
    top = bottom = k
    while top and view.derivations[top - 1].steps and next_row(view.derivations[top - 1], view.derivations[top]):
        top -= 1
    while bottom + 1 < len(view.derivations) and view.derivations[bottom + 1].steps \
            and next_row(view.derivations[bottom], view.derivations[bottom + 1]):
        bottom += 1
    start = view.derivations[top].steps[0].lhs.line
    end = view.derivations[bottom].steps[-1].rhs.line
    prose = " ".join(view.lines[max(0, start - 1 - CONDITION_LINES):start])
    # "the second row contradicts the others": rows compared to show they disagree (components of two
    # lines that do not meet, coefficients that cannot match), where the odd row is the author's point
    after = " ".join(view.lines[end:end + CONDITION_LINES + 1])
    # "solve each of the following equations": rows that are problems of their own, not one solved
    return ((), ()) if _SEVERAL_PROBLEMS.search(prose) or _DISAGREEING_ROWS.search(after) else (above, below)


#: the prose's words for a display of several problems rather than one equation solved row by row
_SEVERAL_PROBLEMS = re.compile(r"\b(?:each|following|exercises?|examples?|problems|equations|respectively|cases?|systems?|separate(?:ly)?|lists?)\b",
                               re.IGNORECASE)
#: the prose's words after a display whose rows were set side by side to disagree, or were cases
_DISAGREEING_ROWS = re.compile(r"\b(?:inconsistent|inconsistency|contradict\w*|no (?:solution|such|common)|skew"
                               r"|cannot (?:all )?hold|fails?|respectively|cases?|otherwise|or)\b", re.IGNORECASE)


def _neighbour_rows(before, derivation, after) -> tuple[str, ...]:
    """For a lone equation (a one-step chain), the equations (lhs, rhs, lhs, rhs...) of the rows just
    after and before it in its display that write their own left sides: ``3x + 5 = x - 7`` over
    ``2x = -12`` is an equation being solved, not an identity claimed."""
    if len(derivation.steps) != 1 or derivation.steps[0].relation != "=":
        return ()
    step = derivation.steps[0]
    rows: list[str] = []
    for other, gap in ((after, lambda o: o.steps[0].lhs.line - step.rhs.line),
                       (before, lambda o: step.lhs.line - o.steps[-1].rhs.line)):
        if other is None or other.env != derivation.env or not other.steps:
            continue
        near = other.steps[0] if other is after else other.steps[-1]
        if near.relation == "=" and 0 <= gap(other) <= 1 and (other is after or len(other.steps) == 1):
            rows += [near.lhs.text, near.rhs.text]
    return tuple(rows)


#: how many source lines may stand between two displays that a short phrase joins ("so", "which gives")
BRIDGE_LINES = 6
#: how many words that phrase may have
BRIDGE_WORDS = 6
# what marks a display's end or start, or a label, between the two equations: not words of the phrase
_DISPLAY_MARKS = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}|\\label\s*\{[^{}]*\}|\\[\[\]]|\$\$|\\(?:no)?indent\b")


def _bridged_rows(before, derivation, after, lines: tuple[str, ...]) -> tuple[str, ...]:
    """For a lone equation, the lone equations of the displays just after and before it that only a
    short phrase of prose separates from it (``\\[\\frac{2x}{0.1 - x} = 7\\]`` so that ``\\[2x = 0.7 - 7x\\]``),
    as (lhs, rhs, ...): an ICE table or a balance solved one display at a time states equations, as
    the rows of one display do (see _neighbour_rows, which takes the rows of the same display)."""
    if len(derivation.steps) != 1 or derivation.steps[0].relation != "=" or not lines:
        return ()
    step = derivation.steps[0]
    unknown = _one_unknown(step.lhs.text, step.rhs.text)
    if unknown is None:
        # -E_a/R (1/T_2 - 1/T_1) = E_a/R (1/T_2 - 1/T_1) beside a like slip: in several letters, displays
        # one under the other are as often claims each, which a shared difference does not excuse
        return ()
    rows: list[str] = []
    for other in (after, before):
        if other is None or not other.steps or other.steps[0].lhs.cell != step.lhs.cell:
            continue
        if other is after:
            near, first, last = other.steps[0], step.rhs.line, other.steps[0].lhs.line
        elif len(other.steps) == 1:
            near, first, last = other.steps[-1], other.steps[-1].rhs.line, step.lhs.line
        else:
            continue
        if near.relation != "=" or not 1 < last - first <= BRIDGE_LINES or last > len(lines) \
                or _one_unknown(near.lhs.text, near.rhs.text) != unknown:
            continue  # (a row of the same display, one line away, is _neighbour_rows's)
        between = " ".join(re.sub(r"(?<!\\)%.*", "", line) for line in lines[first:last - 1])
        words = _DISPLAY_MARKS.sub(" ", between)
        # math in the phrase ("with $K = 49$") may give a value or a new name: not a bare join
        if "$" in words or "\\(" in words or len(re.findall(r"[A-Za-z]+", words)) > BRIDGE_WORDS \
                or re.search(r"\\[A-Za-z]", words):
            continue
        rows += [near.lhs.text, near.rhs.text]
    return tuple(rows)


def _one_unknown(lhs: str, rhs: str) -> str | None:
    """The one Latin letter an equation's two sides write (x in ``\\frac{2x}{0.1 - x} = 7``), or None
    for none or several (a command's name is no letter; a Greek letter or a subscript makes it None)."""
    letters = set(re.findall(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", f"{lhs} {rhs}")))
    greek = re.search(r"\\(?:alpha|beta|gamma|delta|epsilon|theta|lambda|mu|nu|xi|pi|rho|sigma|tau|phi|chi|"
                      r"psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega)", f"{lhs} {rhs}")
    # (x_1 = 2 - x_2 writes two unknowns in one letter)
    return letters.pop() if len(letters) == 1 and greek is None and "_" not in lhs + rhs else None


#: the other lines of a chain a step's diagnosis may take a lost term from (each is parsed on a refutation)
CHAIN_LINES = 4


def _chain_lines(lines: list[str], k: int) -> tuple[str, ...]:
    """The lines of a chain other than step ``k``'s two, nearest first: the line after the step (derived
    from the right line, it still writes a term the step lost), then the lines before it, back to the
    chain's head, then the later ones."""
    after = lines[k + 2 :]
    return tuple((after[:1] + lines[:k][::-1] + after[1:])[:CHAIN_LINES])


# the prose's last words before a display that states a case rather than a claim: "the estimator wins when",
# "if and only if", "provided that", "as long as"
_CONDITION_WORDS = re.compile(r"(?:\b(?:when|whenever|if|iff|provided(?:\s+that)?|unless|(?:as|so)\s+long\s+as)"
                              r"|\\iff|\\Leftrightarrow)\s*[,:]?\s*$", re.IGNORECASE)
# the prose's last words before an equation to solve that it names as such: "the indifference (first-order)
# condition is", "setting the two payoffs equal gives", "equating ... gives" (1 + 3q = 3 - q holds at q^* alone),
# "solve for x:"
_EQUATION_WORDS = re.compile(r"(?:\bconditions?(?:\s+(?:is|are|reads?|becomes?|gives?|yields?))?"
                             r"|\bequating\b[^.]*|\bsetting\b[^.]*(?:\b(?:equal|equals|zero)\b|=\s*0\b)[^.]*"
                             # "Solve:", "Solve for $x$:", "we now solve the equation" (2x - 1 = x + 4 is no identity)
                             r"|\bsolv(?:e|es|ing)\b[^.]*"
                             # where two curves meet, what roots or a fixed point satisfy, where an equilibrium
                             # lies, a characteristic equation: an equation met at a few points, no identity
                             r"|\b(?:meets?|intersects?|cross(?:es)?|touch(?:es)?|balances?|equals?)\b[^.]*\b(?:where|when|at)"
                             r"|\b(?:intersections?|roots?|zeros?|fixed\s+points?|equilibri(?:um|a)|tangency|steady\s+states?"
                             r"|stationary\s+points?|critical\s+points?|eigenvalues?|break-?even(?:\s+points?)?)\b[^.]*"
                             r"\b(?:satisf(?:y|ies)|obeys?|solves?|is\s+where|are\s+where|occurs?\s+(?:where|when|at)"
                             r"|is\s+at|requires?)"
                             r"|\bcharacteristic\s+(?:equation|polynomial)\s+(?:is|reads?|becomes?)"
                             r"|\bequations?\s+(?:(?:of|for)\s+[^.=$]*?)?(?:is|are|reads?|becomes?)"
                             # "the break-even point is where", "profit is maximised where", "at equilibrium,"
                             r"|\b(?:is|are|occurs?|lies?|happens?)\s+(?:where|when|at\s+which)"
                             r"|\b(?:maximi[sz]ed|minimi[sz]ed)\s+(?:where|when|at)"
                             r"|(?:\b(?:at|in|for)\s+(?:an?\s+|the\s+)?)?\b(?:equilibrium|steady\s+state|break-?even)"
                             # what a solution must meet: "for a steady state we need", "x such that"
                             r"|\b(?:we|one)\s+(?:need|require)|\bmust\s+(?:satisfy|solve|obey)|\bsuch\s+that"
                             r"|\blook(?:ing)?\s+for\b[^.]*\b(?:with|where)"
                             # a law of mechanics applied to the body: its equation of balance or motion
                             r"|\b(?:resolving|taking\s+moments|balance\s+of|newton'?s|conservation\s+of)\b[^.]*)"
                             r"\s*[,:]?\s*$",
                             re.IGNORECASE)
# the same words in the languages of other notes (French, German, Spanish, Portuguese, Italian, Russian,
# Chinese, Japanese): "si", "wenn", "если", "当" before a case; "Résoudre :", "Löse die Gleichung", "Hallar $x$ tal
# que", "Gesucht ist $x$ mit", "решить уравнение", "解方程", "を満たす" before an equation to solve. Chinese and
# Japanese words need no word boundary (their letters run on without spaces).
_CONDITION_WORDS_OTHER = re.compile(
    r"(?:\b(?:si|quand|lorsque|pourvu\s+que|wenn|falls|sofern|genau\s+dann\s+wenn|cuando|siempre\s+que|quando"
    r"|если|когда|тогда\s+и\s+только\s+тогда\s+когда)"
    # Italian's "se" (if), never Portuguese's "tem-se:", "obtém-se:" (one has), which open a claim
    r"|(?<![-\w])se|当|如果|若|のとき|ならば)\s*[,:，：]?\s*$", re.IGNORECASE)
_EQUATION_WORDS_OTHER = re.compile(
    r"(?:\b(?:r[ée]soudre|r[ée]solvons|r[ée]sout|r[ée]solvant|löse|lösen|loese|loesen|gesucht|resolver|resuelv[ae]n?"
    r"|resolvemos|resolva|resolvamos|risolv(?:ere|i|iamo)|hallar|halle|halla|решить|решим|решите|решая"
    r"|найти|найдём|найдем|найдите)\b[^.]*"
    r"|\b(?:tel|telle|tels|telles|tal|tales|tale|tali|so\s*dass|sodass|derart\s+dass|такой|такое|такая|такие)\s+(?:que|che|dass|что)"
    r"|\b(?:on\s+cherche|cherchons|wir\s+suchen|buscamos|cerchiamo|procuramos)\b[^.]*"
    r"|\b(?:[ée]quilibre|gleichgewicht|equilibrio|equilíbrio|равновеси[еия])\b[^.]*"
    r"|\b(?:[ée]quation|gleichung|ecuaci[óo]n|equa[çc][ãa]o|equazione|уравнение)\s+(?:(?:de|der|für|для|di|da)\s+[^.=$]*?)?"
    r"(?:est|s'[ée]crit|devient|lautet|ist|es|queda|é|fica|è|diventa|имеет\s+вид)"
    r"|\b(?:v[ée]rifie|satisfait|erfüllt|satisface|satisfaz|soddisfa|удовлетворяет)"
    r"|解方程[^。]*|使得|满足|方程为|方程是|を満たす|を解け|を解く|方程式は)"
    r"\s*[,:，：]?\s*$", re.IGNORECASE)
# what opens the display between those words and its first row: \begin{align*}, \[, $$
_DISPLAY_OPENER = re.compile(r"(?:\\begin\s*\{[^{}]*\}(?:\s*\{[^{}]*\})?|\\\[|\$\$)\s*$")
#: how many source lines (not blank) before a display its introducing words are looked for in
CONDITION_LINES = 3
#: how many characters of each of those lines are read
CONDITION_CHARS = 200


def _introduced_as_condition(lines: tuple[str, ...], step, rows: tuple[str, ...] = ()) -> bool:
    """Whether the prose just before ``step``'s row ends with words that make it a condition
    (``... beats the sample mean when``, ``if and only if``), as a lone relation in a display: then the
    relation says when something holds, and the letters need not meet it. So do words that name it an
    equation to solve (``the indifference condition is``), where no ``rows`` beside it in its display
    solve it: those decide (see conventions.EQUATION_SOLVED), and a wrong root below keeps it refuted.
    False without source lines."""
    at = step.lhs.line
    if not lines or not 0 < at <= len(lines):
        return False
    before: list[str] = []  # the nearest lines with words, walking up: a blank line or a comment says nothing
    k = at - 1
    while k > max(0, at - 1 - 4 * CONDITION_LINES) and len(before) < CONDITION_LINES:
        k -= 1
        line = re.sub(r"(?<!\\)%.*", "", lines[k][-CONDITION_CHARS:])
        if line.strip():
            before.insert(0, line)
    # (only the words nearest the display count: a huge source line must not be scanned per display)
    text = "\n".join(before + [lines[at - 1][:max(0, step.lhs.column - 1)][-CONDITION_CHARS:]]).rstrip()
    while True:
        shorter = _DISPLAY_OPENER.sub("", text).rstrip()
        if shorter == text:
            break
        text = shorter
    if _CONDITION_WORDS.search(text) is not None or _CONDITION_WORDS_OTHER.search(text) is not None:
        return True
    return not rows and (_EQUATION_WORDS.search(text) is not None or _EQUATION_WORDS_OTHER.search(text) is not None)


def _negated(a: str, b: str) -> bool:
    """Whether side ``b`` is side ``a`` with a minus in front (``-(2x - 1)`` of ``2x - 1``), by its text."""
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    return bool(a) and (b in (f"-({a})", f"-\\left({a}\\right)") or re.fullmatch(r"[\w\\{}^]+", a) is not None
                        and b == "-" + a)


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def _case_of_absolute_value(view: Document, k: int) -> bool:
    """Whether the lone equation of derivation ``k`` is one row of a case split of ``|u| = v``: a row
    beside it in its display reads the same with one side negated (``2x - 1 = x + 4`` over
    ``-(2x - 1) = x + 4``). Each case is an equation to solve, true at its root alone."""
    derivations = view.derivations
    here = derivations[k]
    if len(here.steps) != 1 or not view.lines:
        return False
    step = here.steps[0]
    for j in (k - 1, k + 1):
        if not 0 <= j < len(derivations) or len(derivations[j].steps) != 1:
            continue
        a, b = (derivations[j], here) if j < k else (here, derivations[j])
        if not _same_display(a, b, view.lines):
            continue
        other = derivations[j].steps[0]
        l1, r1, l2, r2 = step.lhs.text, step.rhs.text, other.lhs.text, other.rhs.text
        if _same_text(r1, r2) and (_negated(l1, l2) or _negated(l2, l1)) \
                or _same_text(l1, l2) and (_negated(r1, r2) or _negated(r2, r1)):
            return True
    return False


def _in_implication(derivation, k: int) -> bool:
    """Whether step ``k`` is an equation that a ``\\Rightarrow`` or ``\\iff`` beside it joins to another."""
    steps = derivation.steps
    return any(0 <= j < len(steps) and steps[j].relation in LOGICAL for j in (k - 1, k + 1)) \
        and steps[k].relation not in LOGICAL


def _derived(derivation, k: int) -> bool:
    """Whether step ``k`` is an equation that an arrow leads to (``\\Rightarrow 3 = 1``): a condition
    derived from the one before it, false of numbers alone when that one has no solution."""
    steps = derivation.steps
    return k >= 1 and steps[k - 1].relation in LOGICAL and steps[k].relation not in LOGICAL


def _chain_modulus(derivation) -> str | None:
    """The one modulus a chain of congruences writes (``a \\equiv b \\equiv c \\pmod n``), which
    its congruences that write none share; None for a chain without an ``\\equiv``."""
    if not any(step.relation == "===" for step in derivation.steps):
        return None
    from lintmath import modular  # (the parser and SymPy: not for a run the cache answers)
    sides = [derivation.steps[0].lhs.text] + [step.rhs.text for step in derivation.steps]
    return modular.chain_modulus(sides)


def config_context(config: Config) -> tuple:
    """Assumptions from the config file apply to every step of every file."""
    from lintmath.context import directive_item

    items = (directive_item("assume", text, "config", 0) for text in getattr(config, "assume", ()))
    return tuple(i for i in items if i is not None)


#: ``progress(done, total, files)``: steps checked so far, out of the run's total, in so many files
Progress = Callable[[int, int, int], None]


def _run_with_progress(tasks: list[Task], jobs: int, progress: Progress | None, files: int = 1, cache=None) -> list:
    """``run_tasks``, telling ``progress`` as verdicts arrive (from one pool for the whole run)."""
    if progress is None or len(tasks) <= 1:
        return run_tasks(tasks, jobs, cache)
    progress(0, len(tasks), files)
    return run_tasks(tasks, jobs, cache, on_progress=lambda done: progress(done, len(tasks), files))


def check_documents(docs: Iterable[Document | ExtractError], paths: list[str], config: Config,
                    progress: Progress | None = None, cache=None) -> list[FileResult]:
    """``cache``: a lintmath.cache.Cache (steps found there cost no worker), or None."""
    from lintmath.findings import finding_for
    from lintmath.rules import load_rules

    rules = load_rules()
    read: list[Document | ExtractError] = []
    per_doc: list[list[StepResult]] = []
    per_doc_tasks: list[list[Task]] = []

    def steps() -> Iterator[Task]:
        for doc in docs:
            read.append(doc)
            if isinstance(doc, ExtractError):
                per_doc.append([])
                per_doc_tasks.append([])
                continue
            pairs = tasks_for(doc, config)
            per_doc.append([p[0] for p in pairs])
            per_doc_tasks.append([p[1] for p in pairs])
            yield from (p[1] for p in pairs)

    if progress is None:
        # the workers start on the first file's steps while the next files are read
        verdicts = iter(run_tasks(steps(), config.jobs, cache))
    else:  # a progress bar needs the total first
        all_tasks = list(steps())
        verdicts = iter(_run_with_progress(all_tasks, config.jobs, progress, len(read), cache))
    decided = [[StepResult(p.derivation, p.step, next(verdicts)) for p in pending] for pending in per_doc]
    decided = _settle_knock_ons(decided, per_doc_tasks, config, cache)
    decided = _settle_alternatives(decided, per_doc_tasks, config, cache)
    decided = [qubitorder.settle(steps, () if isinstance(doc, ExtractError) else doc.lines)
               for steps, doc in zip(decided, read)]
    results = []
    for path, doc, steps in zip(paths, read, decided):
        if isinstance(doc, ExtractError):
            results.append(FileResult(path, "error", str(doc)))
            continue
        steps = tuple(steps)
        findings = tuple(f for f in (finding_for(s, rules, config) for s in steps) if f is not None)
        findings = _apply_policy(findings, steps, doc, path, config, rules)
        results.append(FileResult(path, "checked", None, steps, findings, len(doc.derivations), doc.lines))
    return results


def _settle_knock_ons(decided: list[list[StepResult]], tasks: list[list[Task]], config: Config,
                      cache) -> list[list[StepResult]]:
    """Each document's steps with the rows refuted only through the slip before them skipped (see
    lintmath.knockon); their bridges are decided together, in one run of the pool."""
    from lintmath import knockon

    found = [knockon.bridges(steps, doc_tasks) for steps, doc_tasks in zip(decided, tasks)]
    flat = [task for doc_bridges in found for _, task in doc_bridges]
    if not flat:
        return decided
    verdicts = iter(run_tasks(flat, config.jobs, cache))
    return [knockon.settle(steps, [(k, next(verdicts)) for k, _ in doc_bridges]) if doc_bridges else steps
            for steps, doc_bridges in zip(decided, found)]


ALTERNATIVE_LEFT = ("the row continues either the chain above it or the equation set beside that row, "
                    "and follows from the latter: not decided")


def _settle_alternatives(decided: list[list[StepResult]], tasks: list[list[Task]], config: Config,
                         cache) -> list[list[StepResult]]:
    """Each document's steps with a refuted row that may continue another left side (see
    Step.alternative) left undecided unless it fails from that side as well; those are decided together,
    in one run of the pool."""
    found = [[(k, replace(task, lhs=result.step.alternative.text))
              for k, (result, task) in enumerate(zip(steps, doc_tasks))
              if result.step.alternative is not None and result.verdict is not None
              and result.verdict.status is Status.REFUTED]
             for steps, doc_tasks in zip(decided, tasks)]
    flat = [task for doc_found in found for _, task in doc_found]
    if not flat:
        return decided
    verdicts = iter(run_tasks(flat, config.jobs, cache))
    out = []
    for steps, doc_found in zip(decided, found):
        steps = list(steps)
        for k, _ in doc_found:
            if next(verdicts).status is not Status.REFUTED:
                steps[k] = replace(steps[k], verdict=Verdict(Status.UNVERIFIED, ALTERNATIVE_LEFT,
                                                             elapsed=steps[k].verdict.elapsed))
        out.append(steps)
    return out


def _apply_policy(findings, steps, doc: Document, path: str, config: Config, rules) -> tuple:
    """The config's severities and per-file ignores, then the source's suppression comments."""
    from dataclasses import replace

    from lintmath.suppress import apply_suppressions

    cells = {(s.derivation.index, s.step.index): s.step.rhs.cell for s in steps}
    findings = tuple(replace(f, severity=config.severity_of(f.rule, f.severity),
                             cell=cells.get((f.derivation, f.step))) for f in findings)
    return apply_suppressions(findings, doc.directives, path, config, rules, doc.lines)


def load(path: str) -> Document | ExtractError:
    from lintmath.extract import extract_path

    try:
        return extract_path(path)
    except ExtractError as exc:
        return exc
    except (OSError, UnicodeError, ValueError, RecursionError, MemoryError) as exc:
        return ExtractError(f"{path}: cannot read: {exc}")


def check_paths(paths: Iterable[str], config: Config = Config(), *, stdin: str | None = None,
                stdin_filename: str = "-", progress: Progress | None = None, cache=None) -> list[FileResult]:
    """Check files and directories; ``-`` stands for ``stdin`` (its suffix from ``stdin_filename``).

    With a ``cache`` (lintmath.cache.Cache), an unchanged file costs one hash, an unchanged step
    one lookup."""
    files = expand_paths(paths, config)
    if cache is not None:
        return _check_cached(files, config, stdin, stdin_filename, progress, cache)
    docs = (_stdin_doc(stdin or "", stdin_filename) if p == "-" else load(p) for p in files)  # read as needed
    names = [stdin_filename if p == "-" else p for p in files]
    return check_documents(docs, names, config, progress=progress)


def _check_cached(files: list[str], config: Config, stdin, stdin_filename: str, progress, cache) -> list[FileResult]:
    """``check_paths`` through the cache: whole files first (their bytes and the config), then steps."""
    keys = [None if p == "-" else cache.file_key(p, config) for p in files]
    results: list[FileResult | None] = [cache.get_file(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    docs = (_stdin_doc(stdin or "", stdin_filename) if files[i] == "-" else load(files[i]) for i in todo)
    names = [stdin_filename if files[i] == "-" else files[i] for i in todo]
    for i, result in zip(todo, check_documents(docs, names, config, progress=progress, cache=cache)):
        results[i] = result
        cache.put_file(keys[i], result)
    return results  # type: ignore[return-value]


def _stdin_doc(text: str, filename: str) -> Document | ExtractError:
    from lintmath.extract import extract_text

    suffix = os.path.splitext(filename)[1].lower() or ".tex"
    try:
        return extract_text(text, filename, suffix)
    except ExtractError as exc:
        return exc


def check_file(path: str, config: Config = Config()) -> FileResult:
    return check_paths([path], config)[0]


def check_text(text: str, path: str = "<text>", config: Config = Config(), suffix: str = ".tex") -> FileResult:
    """Check LaTeX (or another supported format, by ``suffix``) given as a string."""
    from lintmath.extract import extract_text

    try:
        doc: Document | ExtractError = extract_text(text, path, suffix)
    except ExtractError as exc:
        doc = exc
    return check_documents([doc], [path], config)[0]
