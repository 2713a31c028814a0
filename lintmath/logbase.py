"""The base of ``\\log`` (and ``\\lg``) as the prose fixes it.

Notes of algorithms say "all logarithms are base 2", "we write $\\log$ for $\\log_2$", "$\\lg$ denotes the
binary logarithm"; notes of analysis "$\\log$ is the natural logarithm". Without such a sentence lintmath
reads ``\\log`` as the natural logarithm and leaves a step that holds only in base 2 (or 10) unverified;
under one, the step is decided in the stated base, for the rest of the file. Only a plain statement
counts: a sentence that negates or supposes (``not``, ``if``, ``whether``) states nothing.
"""
from __future__ import annotations

import re

from lintmath.independence import prose_sentences

KIND = "logbase"  # the kind of a ContextItem that fixes a logarithm's base: lhs the command, rhs the function
FUNCTIONS = {"2": "log2", "10": "log10", "e": "log"}

_BASE = r"(?:base|basis)[- ]?(2|two|10|ten|e)\b"
_NAMED = r"(binary|natural|common|decimal|napierian)"
_WORDS = {"two": "2", "ten": "10", "binary": "2", "natural": "e", "napierian": "e", "common": "10",
          "decimal": "10"}
# what the logarithm is said to be: \log_2, \ln, "the base-2 logarithm", "the natural log", "to base 2"
_TARGET = (r"(?:\\log_(2|10|e)\b|(\\ln)\b|(?:the\s+|a\s+)?" + _BASE + r"(?:\s+log(?:arithm)?s?)?"
           + r"|(?:the\s+|a\s+)?" + _NAMED + r"\s+log(?:arithm)?s?\b"
           + r"|(?:taken\s+)?(?:to|in|with)\s+(?:the\s+)?" + _BASE
           + r"|(?:the\s+)?log(?:arithm)?s?\s+(?:to|in|with)\s+(?:the\s+)?" + _BASE + ")")
_COMMAND = r"\\(log|lg)(?![A-Za-z_])(?:\s*\(?\s*[a-z]\s*\)?(?![A-Za-z]))?"
# "\log denotes \log_2", "\lg n is the binary logarithm", "\log = \log_2"
# (a word of place or time may stand before the verb: "\log here is the common logarithm")
_NAMES = re.compile(_COMMAND + r"\s+(?:(?:here|throughout|now|below|again)\s+)?(?:will\s+|always\s+)?"
                    r"(?:denotes?|means?|stands?\s+for|is|refers?\s+to|=)\s+" + _TARGET, re.I)
# "we write \log for \log_2", "we use \lg to denote the binary logarithm"
_WRITES = re.compile(r"\b(?:write|use|let)\s+" + _COMMAND + r"\s+(?:for|to\s+(?:denote|mean)|denote)\s+"
                     + _TARGET, re.I)
# "all logarithms are base 2", "logarithms are to base 2 unless stated otherwise", "logs are natural"
_ALL = re.compile(r"\blog(?:arithm)?s\b(?:\s+\w+){0,4}?\s+(?:are|will\s+be)\s+(?:all\s+|always\s+)?(?:"
                  + _TARGET[3:-1] + r"|" + _NAMED + r"\b)", re.I)
# "(all logs to base 10)", "we take all logarithms to base 10": all of them, in a base, without a verb
_ALL_IN_BASE = re.compile(r"\ball\s+log(?:arithm)?s\s+(?:taken\s+)?(?:to|in)\s+(?:the\s+)?" + _BASE, re.I)
# "unless stated otherwise", "if not noted otherwise": a default, which is what a convention is
_DEFAULT = re.compile(r"\b(?:unless|if\s+not|except\s+(?:where|when))\s+(?:\w+\s+){0,3}?"
                      r"(?:stated|specified|noted|indicated|mentioned|said)(?:\s+otherwise)?", re.I)
_DOUBT = re.compile(r"\b(?:not|never|nor|if|whether|suppose|assume\s+that\s+\w+\s+were)\b|n't\b", re.I)


def _normal(sentence: str) -> str:
    """The sentence with its math marks dropped, ``\\log_{2}`` as ``\\log_2``, ``\\text{..}`` as its words."""
    text = re.sub(r"\\(?:text|mathrm|textrm|operatorname)\s*\{([^{}]*)\}", r"\1", sentence)
    text = re.sub(r"\\[()\[\]]|\$", " ", text)
    text = re.sub(r"_\s*\{\s*(\w+)\s*\}", r"_\1", text)
    text = re.sub(r"\{\s*(\w+)\s*\}", r"\1", text)
    return re.sub(r"[~\s]+", " ", text).strip()


def _base(match: re.Match, first: int) -> str:
    found = next((g for g in match.groups()[first:] if g), "")
    found = found.lower()
    return "e" if found == "\\ln" else _WORDS.get(found, found)


def stated_bases(sentence: str) -> dict[str, str]:
    """The commands whose base ``sentence`` fixes, with the function they read as: {"\\log": "log2"}."""
    text = _normal(sentence)
    if "log" not in text.lower() or _DOUBT.search(_DEFAULT.sub(" ", text)):
        return {}
    out: dict[str, str] = {}
    for pattern in (_NAMES, _WRITES):
        for match in pattern.finditer(text):
            base = _base(match, 1)
            if base in FUNCTIONS:
                out["\\" + match.group(1)] = FUNCTIONS[base]
    if not out:
        match = _ALL.search(text) or _ALL_IN_BASE.search(text)
        base = _base(match, 0) if match else ""
        if base in FUNCTIONS:
            out["\\log"] = FUNCTIONS[base]
            if base != "e":
                out["\\lg"] = FUNCTIONS[base]  # \lg, base 10 or 2 by custom, is the logarithms' base too
    return out


def describe(command: str, function: str, where: str) -> str:
    """``\\log in base 2, as stated at notes.tex:4``, for a verdict's message."""
    base = next((b for b, f in FUNCTIONS.items() if f == function), "?")
    return f"{command} in base {base}, as stated at {where}"


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line, bases) for every sentence of the prose of ``lines`` that fixes a logarithm's base, and for
    every line that defines a p-scale by a plain ``\\log`` (see scale_definitions)."""
    out = []
    for line, sentence in prose_sentences(lines):
        if "log" in sentence.lower() or "\\lg" in sentence:
            bases = stated_bases(sentence)
            if bases:
                out.append((line, bases))
    out.extend((line, {"\\log": FUNCTIONS["10"]}) for line in scale_definitions(lines))
    return sorted(out, key=lambda item: item[0])


# pH = -\log[H^+], pOH, pK_a = -\log K_a, pK_w: chemistry's p-scales, common logarithms by their
# definition (IUPAC), so a file that defines one by a plain \log writes \log for \log_{10}
_SCALE = re.compile(r"(?<![A-Za-z\\])p\s*(?:H|OH|K(?:\s*_?\s*\{?\s*[A-Za-z]{1,2}\s*\}?)?)(?![A-Za-z])\s*&?\s*=\s*&?\s*"
                    r"-\s*\\log(?![A-Za-z_])")


def scale_definitions(lines: tuple[str, ...] | list[str]) -> list[int]:
    """The lines (1-based) of ``lines``, prose or display, that define a chemist's p-scale by a plain
    ``\\log``: ``\\mathrm{pH} = -\\log[\\mathrm{H^+}]``, ``\\mathrm{p}K_a = -\\log K_a``. A base written
    (``-\\log_{10}``) says nothing of a plain ``\\log`` elsewhere."""
    out = []
    for number, raw in enumerate(lines, 1):
        line = re.sub(r"(?<!\\)%.*", "", raw)
        if "log" in line and _SCALE.search(_normal(line)):
            out.append(number)
    return out
