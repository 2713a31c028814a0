"""Suppressions: which findings the author asked not to see, and which asks suppressed nothing.

In the source (``%`` in LaTeX, ``<!-- -->`` in Markdown), as ruff's ``# noqa`` and chktex's
``% chktex N``, on the same line as the flagged term:

- ``% lintmath: ignore LM101`` (or no codes: every rule) on a line of the finding's span;
- ``% lintmath: ignore-begin [codes]`` ... ``% lintmath: ignore-end``: every line in between;
- ``% lintmath: ignore-file [codes]``: the whole file.

Codes are prefixes (``LM1`` covers LM100-LM199); words after the codes are a reason, kept for the
reader. ``per-file-ignores`` from the config work the same way, by path. With
``--warn-unused-ignores`` a suppression that suppressed nothing becomes an LM900 finding, so stale
ones do not pile up after the slide is fixed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lintmath.config import Config
from lintmath.model import Directive, Finding
from lintmath.rules import RuleSet

IGNORE_KINDS = ("ignore", "ignore-begin", "ignore-file")
_CODE = re.compile(r"[A-Za-z]{2}\d*")
UNUSED_KIND = "unused_ignore"


def parse_codes(argument: str) -> tuple[str, ...]:
    """The leading rule codes of a directive's argument (``LM101, LM100 the slide means ...``)."""
    codes = []
    for token in re.split(r"[\s,]+", argument.strip()):
        if not token:
            continue
        if not _CODE.fullmatch(token) or not token[:2].upper() == "LM":
            break
        codes.append(token.upper())
    return tuple(codes)


@dataclass
class _Suppression:
    directive: Directive
    codes: tuple[str, ...]
    first: int  # lines first..last (inclusive) in ``cell``
    last: int
    used: set[str] = field(default_factory=set)  # codes (or "*") that suppressed something

    def covers(self, f: Finding) -> str | None:
        """The code (or "*") under which this suppression hides ``f``; None if it does not."""
        if f.cell != self.directive.cell and self.directive.kind != "ignore-file":
            return None
        if self.directive.kind != "ignore-file":
            end = max(f.end_line, f.line)
            if end < self.first or f.line > self.last:
                return None
        if not self.codes:
            return "*"
        return next((c for c in self.codes if f.rule.startswith(c)), None)


def suppressions(directives: tuple[Directive, ...]) -> list[_Suppression]:
    """Directives as line ranges; an ``ignore-begin`` without its ``ignore-end`` runs to the end."""
    out: list[_Suppression] = []
    open_blocks: list[_Suppression] = []
    for d in sorted(directives, key=lambda d: (d.cell or 0, d.line)):
        if d.kind == "ignore":
            out.append(_Suppression(d, parse_codes(d.argument), d.line, d.line))
        elif d.kind == "ignore-file":
            out.append(_Suppression(d, parse_codes(d.argument), 1, 1 << 30))
        elif d.kind == "ignore-begin":
            block = _Suppression(d, parse_codes(d.argument), d.line, 1 << 30)
            out.append(block)
            open_blocks.append(block)
        elif d.kind == "ignore-end":
            same_cell = [b for b in open_blocks if b.directive.cell == d.cell]
            if same_cell:
                block = same_cell[-1]
                block.last = d.line
                open_blocks.remove(block)
    return out


def apply_suppressions(findings: tuple[Finding, ...], directives: tuple[Directive, ...], path: str,
                       config: Config, rules: RuleSet, lines: tuple[str, ...] = ()) -> tuple[Finding, ...]:
    """``findings`` less the suppressed ones, plus LM900 for each unused suppression when asked."""
    table = suppressions(directives)
    kept = []
    for f in findings:
        if not config.wants(f.rule, path):
            continue
        hidden = False
        for s in table:
            code = s.covers(f)
            if code is not None:
                s.used.add(code)
                hidden = True
        if not hidden:
            kept.append(f)
    if config.warn_unused_ignores:
        kept.extend(unused_findings(table, path, config, rules, lines))
    return tuple(kept)


def unused_findings(table: list[_Suppression], path: str, config: Config, rules: RuleSet,
                    lines: tuple[str, ...]) -> list[Finding]:
    rule = rules.by_kind(UNUSED_KIND)
    if rule is None or not config.wants(rule.code, path):
        return []
    out = []
    for s in table:
        if s.codes:
            # a code whose rule is switched off cannot fire, so its suppression is not stale
            unused = [c for c in s.codes if c not in s.used and config.wants(_full(c, rules), path)]
        else:
            unused = [] if s.used else ["*"]
        if not unused:
            continue
        d = s.directive
        what = "every rule" if unused == ["*"] else ", ".join(unused)
        text = f"lintmath: {d.kind} {d.argument}".strip()
        column = d.column or _column_of(lines, d.line, d.cell)
        out.append(Finding(
            path=path, line=d.line, column=column, end_line=d.line, end_column=column + len(text),
            page=None, rule=rule.code, name=rule.name, severity=config.severity_of(rule.code, rule.severity),
            message=rule.message.format(directive=text, codes=what),
            suggestion=None, cell=d.cell, derivation=-1, step=-1,  # about the source, not a step
        ))
    return out


def _full(prefix: str, rules: RuleSet) -> str:
    """A rule code the prefix stands for (itself when it is one), to ask the config whether it is on."""
    return next((r.code for r in rules.rules if r.code.startswith(prefix)), prefix)


def _column_of(lines: tuple[str, ...], line: int, cell: int | None) -> int:
    if cell is None and 0 < line <= len(lines):
        k = lines[line - 1].find("lintmath")
        if k != -1:
            start = max(lines[line - 1].rfind("%", 0, k), lines[line - 1].rfind("<!--", 0, k))
            return (start if start != -1 else k) + 1
    return 1
