"""Letters that vary with another, as the prose says.

``Let $y = y(x)$``, ``where $y$ is a function of $x$``, ``with $u$ a function of $t$``, ``Implicit
differentiation of $x^2 + y^2 = 25$``: the prose makes a letter that the steps write plain a function
of the variable they differentiate by. lintmath reads a plain letter as a constant, under which
d/dx (xy) = y and d/dx e^{xy} = y e^{xy} hold, and would be verified; with y a function of x they drop
the x dy/dx the chain rule adds. check.py uses the statement to take such a verification back when
the step writes no derivative of the letter (a step that writes dy/dx or y' is read with y moving
already, see lower.dependents and primed.py).

As elsewhere in the reading of prose, only what reads plainly counts: a sentence that negates names
nothing. This module knows nothing of SymPy.
"""
from __future__ import annotations

import re

from lintmath.independence import prose_sentences

KIND = "depends"  # the kind of a ContextItem naming varying letters (lhs: "y>x" pairs, comma-separated)
ANY = "*"  # either side of a pair that the sentence leaves open: implicit differentiation of anything
# a statement holds for the derivation of its passage
REACH = 25

_MATH = r"\$[^$]+\$"
# "$y$ is a function of $x$", "$u$ a function of $t$", "$y$ and $z$ are differentiable functions of $x$",
# "$y$ depends on $x$": the varying letters before, the variable after (not "is not a function of")
_FUNCTION_OF = re.compile(
    r"(?P<names>" + _MATH + r"(?:\s*(?:,|and)\s*" + _MATH + r")*)\s*,?\s*"
    r"(?:(?:is|are|be|as|being|now|also|still|a|an|the|some|differentiable|smooth|unknown|given|real)\s+)*"
    r"(?:functions?\s+of|depends?\s+on|varies\s+with|vary\s+with)\s+(?P<variable>" + _MATH + ")", re.IGNORECASE)
_IMPLICIT = re.compile(r"(?<![\w-])implicit(?:ly)?(?![\w-])", re.IGNORECASE)
_DIFFERENTIATE = re.compile(r"(?<![\w-])differentiat\w*", re.IGNORECASE)
# "we do not differentiate implicitly": the sentence says nothing of the steps (the pattern of a function
# statement admits no negation between its letters and "function of": "$y$ is not a function of $x$")
_NEGATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|unless|whether|instead)(?![\w-])", re.IGNORECASE)
# $y = y(x)$, $u = u(t)$: a letter given as itself applied to a variable
_SELF_APPLIED = re.compile(r"^\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*=\s*(?P=name)\s*(?:\\left\s*)?\(\s*"
                           r"(?P<variable>[A-Za-z]|\\[A-Za-z]+)\s*(?:\\right\s*)?\)\s*$")
_LETTER = re.compile(r"^\s*([A-Za-z]|\\(?:alpha|beta|gamma|theta|phi|psi|rho|xi|eta|zeta|tau|omega))\s*$")
# the plain letters of inline math: commands and the text of upright names are no letters of it
_LETTERS_IN = re.compile(r"\\(?:mathrm|text|operatorname|mathbb|mathcal)\s*\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z]")


def sentence_pairs(sentence: str) -> set[tuple[str, str]]:
    """The (letter, variable) pairs one sentence of prose makes vary (see the module's docstring);
    ANY for what it leaves open."""
    pairs: set[tuple[str, str]] = set()
    maths = re.findall(r"\$([^$]+)\$", sentence)
    for math in maths:
        own = _SELF_APPLIED.match(math)
        if own is not None:
            pairs.add((own.group("name"), own.group("variable")))
    for match in _FUNCTION_OF.finditer(sentence):
        variable = _LETTER.match(match.group("variable").strip("$"))
        names = [_LETTER.match(part) for math in re.findall(r"\$([^$]+)\$", match.group("names"))
                 for part in math.split(",")]
        if variable is not None and names and all(names):
            pairs.update((name.group(1), variable.group(1)) for name in names if name.group(1) != variable.group(1))
    if _IMPLICIT.search(sentence) and _DIFFERENTIATE.search(sentence) and not _NEGATED.search(sentence):
        # "Implicit differentiation of $e^{xy} = x$": the letters of the equation vary with each other;
        # without one ("Differentiating implicitly,") any letter may
        equations = [math for math in maths if "=" in math]
        letters = {x for math in equations for x in _LETTERS_IN.findall(math) if len(x) == 1}
        pairs.update((letter, ANY) for letter in letters) if letters else pairs.add((ANY, ANY))
    return pairs


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[tuple[str, str]], bool]]:
    """(line, pairs, continues) for every sentence of the prose of ``lines`` that makes letters vary;
    ``continues``: the sentence opens in lowercase, and may explain the display above it."""
    out = []
    for line, sentence in prose_sentences(lines):
        if "$" not in sentence and not _IMPLICIT.search(sentence):
            continue
        pairs = sentence_pairs(sentence)
        if pairs:
            out.append((line, frozenset(pairs), sentence.lstrip()[:1].islower()))
    return out


def encode(pairs: frozenset[tuple[str, str]]) -> str:
    return ",".join(sorted(f"{letter}>{variable}" for letter, variable in pairs))


def decode(text: str) -> set[tuple[str, str]]:
    return {tuple(part.split(">", 1)) for part in text.split(",") if ">" in part}  # type: ignore[misc]
