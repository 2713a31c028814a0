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
    """(line, pairs, continues) for every sentence of the prose of ``lines`` that makes letters vary,
    and for every line that writes a letter with a dot (see dotted_pairs); ``continues``: the sentence
    opens in lowercase, and may explain the display above it."""
    out = []
    for line, sentence in prose_sentences(lines):
        if "$" not in sentence and not _IMPLICIT.search(sentence):
            continue
        pairs = sentence_pairs(sentence)
        if pairs:
            out.append((line, frozenset(pairs), sentence.lstrip()[:1].islower()))
    for number, text in enumerate(lines, start=1):
        pairs = dotted_pairs(text.split("%", 1)[0] if "\\%" not in text else text)
        if pairs:
            out.append((number, frozenset(pairs), False))
    return out


# \dot r, \ddot{\theta}: the letter's derivative in time, in prose or display (not \dot{\mathbf r}, an array
# the lowering moves by itself, nor \dot r_1, one of a family)
_DOTTED = re.compile(r"\\d?dot\s*(?:\{\s*(?P<braced>[A-Za-z]|\\(?:alpha|beta|gamma|theta|phi|psi|rho|xi|eta|zeta|omega))"
                     r"\s*\}|(?P<bare>[A-Za-z](?![A-Za-z])|\\(?:alpha|beta|gamma|theta|phi|psi|rho|xi|eta|zeta|omega)"
                     r"(?![A-Za-z])))(?!\s*_)")


def dotted_pairs(text: str) -> set[tuple[str, str]]:
    """The (letter, time) pairs a line makes vary by writing the letter's time derivative with a dot:
    mechanics writes the same letter plain in the steps that differentiate it (\\frac{d}{dt}(r^2\\dot\\theta)
    beside a \\dot r), where a plain letter reads as a constant and r^2\\ddot\\theta would verify."""
    return {(match.group("braced") or match.group("bare"), time) for match in _DOTTED.finditer(text)
            for time in ("t", "\\tau")}


def encode(pairs: frozenset[tuple[str, str]]) -> str:
    return ",".join(sorted(f"{letter}>{variable}" for letter, variable in pairs))


def decode(text: str) -> set[tuple[str, str]]:
    return {tuple(part.split(">", 1)) for part in text.split(",") if ">" in part}  # type: ignore[misc]


APPLIED = "applied"  # the kind of a ContextItem naming letters the document applies as functions (lhs: keys)
APPLIED_REACH = 50  # as a declaration of matrices: a section's derivation

_GREEK = r"\\(?:alpha|beta|gamma|theta|phi|varphi|psi|rho|xi|eta|zeta|omega|Phi|Psi|Omega|chi|sigma|mu|nu)"
# f(x), \psi(x, t), u\left(x\right): a letter applied to plain letters (not \sin(x), x_1(t) or \dot x(t));
# e, i, j and d are constants and differentials more often than functions
_APPLIED_TO_LETTERS = re.compile(
    r"(?<![A-Za-z\\_^{])(?P<name>(?![deij]\b)[A-Za-z]|" + _GREEK + r")(?![A-Za-z])\s*(?:\\left\s*)?\(\s*"
    r"(?P<args>(?:[A-Za-z]|" + _GREEK + r")(?:\s*,\s*(?:[A-Za-z]|" + _GREEK + r"))*)\s*(?:\\right\s*)?\)")


# \pi as the document's function rather than the constant: applied to a letter (\pi(\theta), \pi(a \mid s)),
# or named by what it is ("the prior $\pi$", "a policy $\pi$", "the prime-counting function $\pi$")
_PI_FUNCTION = re.compile(
    r"\\pi\s*(?:\\left\s*)?\(\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*(?:,|\||\\mid\b|\\vert\b|(?:\\right\s*)?\))"
    r"|\b(?:priors?|posteriors?|polic(?:y|ies)|distributions?|densit(?:y|ies)|laws?|measures?|pmf|pdf"
    r"|counting\s+function)\s+\$\s*\\pi\s*\$", re.I)


def applied_letters(text: str) -> set[str]:
    """The keys of the letters one line applies to plain letters, as functions (``$\\psi(x)$``, ``y(t) =
    e^{-t}``): written so, a letter beside a bracket elsewhere is that function at a point, and reading
    it as a number times the bracket verified y(t + T) = yt + yT."""
    out = set()
    for match in _APPLIED_TO_LETTERS.finditer(text):
        name = match.group("name")
        args = {a.strip() for a in match.group("args").split(",")}
        if name not in args:
            out.add(name)
    if _PI_FUNCTION.search(text):
        out.add("\\pi")
    return out


def applied_statements(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every line that applies letters to plain letters (see applied_letters)."""
    out = []
    for number, text in enumerate(lines, start=1):
        keys = applied_letters(text.split("%", 1)[0] if "\\%" not in text else text)
        if keys:
            out.append((number, frozenset(keys), False))
    return out
