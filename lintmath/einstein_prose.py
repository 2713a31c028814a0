"""Prose that puts Einstein's summation convention in force for its passage ("we use the summation
convention", "repeated indices are summed"): every step there gives the convention away, as a Kronecker
delta does in the step itself (see einstein.gives_away), so that \\sigma_{kk} = \\sigma_{11} + \\sigma_{22} +
\\sigma_{33} is verified and \\delta_{ii} = 1 refuted. Kept apart from einstein.py, which the context's
own imports would make circular."""
from __future__ import annotations

import re

from lintmath.independence import passage_statements, prose_sentences
from lintmath.lower import TENSOR_LETTERS, _index_letter
from lintmath.parse import nodes as n

KIND = "einstein"  # the kind of a ContextItem that says its passage sums repeated indices
# a chapter of notes on tensors: the convention is announced once, at its start
REACH = 400
WAIVED_KIND = "einstein waived"  # a ContextItem for a sentence or a row's note: "(no sum on i)"
# the display just above or below the sentence
WAIVED_REACH = 3

# "we use the summation convention", "Einstein's convention", "repeated indices are summed"
_DECLARED = re.compile(r"\bsummation\s+convention\b|\bEinstein(?:'s)?\s+(?:summation\s+)?(?:convention|notation)\b"
                       r"|\brepeated\s+(?:index|indices|subscripts?)\b[^.;]{0,40}?\b(?:summ|sum\b)"
                       r"|\bsum(?:s|med|mation)?\s+over\s+(?:the\s+|any\s+|every\s+)?repeated\s+"
                       r"(?:index|indices|subscripts?)\b",
                       re.IGNORECASE)
# a sentence that suspends the convention, or says where it does not apply, declares nothing
_WAIVED = re.compile(r"\b(?:not|no|without|suspend\w*|drop\w*|except)\b", re.IGNORECASE)
# "(no sum on i)", "i not summed", "no summation implied": the step beside it writes a repeated index
# that names one entry
_NO_SUM = re.compile(r"\bno\s+(?:sum|summation)\b|\bnot\s+(?:be\s+)?summed\b"
                     r"|\bwithout\s+(?:a\s+|the\s+)?(?:sum|summation)\b"
                     r"|\bsummation\s+convention\s+(?:is\s+)?(?:suspended|not|does\s+not)\b", re.IGNORECASE)


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every sentence of the prose of ``lines`` that puts the convention in
    force (the keys name no letters: the passage's every step is read so)."""
    return passage_statements(lines, lambda sentence: bool(_DECLARED.search(sentence) and not _WAIVED.search(sentence)))


def indexes_tensors(*trees: n.Node) -> bool:
    """Whether every index letter the step writes is one tensor notes index with (see TENSOR_LETTERS):
    only there does the prose's convention read the step."""
    letters = {item.base for tree in trees for node in tree.walk() if isinstance(node, n.Sym)
               for item in node.indices if _index_letter(item)}
    return bool(letters) and letters <= TENSOR_LETTERS


def waives(text: str) -> bool:
    """Whether ``text`` (a sentence, a row's annotation) says that a repeated index is not summed."""
    return bool(_NO_SUM.search(text))


def waivers_of(lines: tuple[str, ...] | list[str]) -> list[int]:
    """The lines of the prose's sentences that say a repeated index is not summed: neither the prose's
    convention nor a delta reads the display beside them (which entry is meant the step alone does
    not say)."""
    return [line for line, sentence in prose_sentences(lines) if waives(sentence)]
