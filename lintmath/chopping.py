"""Prose that says its decimals are cut off rather than rounded ("values are truncated to two decimals",
"we round down", "chopped"): a decimal of the passage that is its value cut off toward zero is then no
slip however few its digits (see conventions._chopped_decimal, which without such prose asks for three
significant digits, so that \\frac{3}{4} = 0.7, a tie rounded down, stays refuted)."""
from __future__ import annotations

import re

from lintmath.independence import passage_statements

KIND = "chopped"  # the kind of a ContextItem that says its passage cuts decimals off
REACH = 60  # a worked example's paragraphs

_STATED = re.compile(r"\b(?:truncat\w*|chopp\w*|cut\s+off|round(?:ed|s|ing)?\s+down|floor(?:ed)?)\b",
                     re.IGNORECASE)
# "a truncated series", "truncation error": the words name an expansion cut short, not a decimal
_OTHER = re.compile(r"\b(?:series|expansion|taylor|error|sum|polynomial|distribution|normal|gaussian)\b",
                    re.IGNORECASE)
_DECIMALS = re.compile(r"\b(?:decimal|digit|place|figure|value|result|number|answer)s?\b", re.IGNORECASE)


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that says decimals are cut off."""
    return passage_statements(lines, lambda sentence: bool(
        _STATED.search(sentence) and _DECIMALS.search(sentence) and not _OTHER.search(sentence)))
