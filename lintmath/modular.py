"""Steps of modular arithmetic: ``7 \\equiv 2 \\pmod 5``, ``3 \\cdot 4 \\bmod 5 = 2``.

A congruence is not an equality of real numbers: compared as one, ``7 \\equiv 2 \\pmod 5`` (whose
modulus a parser may drop as an annotation) is "refuted". Every step that mentions a modulus comes
here. A congruence ``a \\equiv b \\pmod n`` is checked as ``a \\bmod n = b \\bmod n``; ``\\bmod`` is a
remainder (the parser's Func "mod"), whose letters are sampled as integers. Statements about letters
often hold only under conditions the prose states (``a^p \\equiv a \\pmod p`` for a prime p, ``x^2
\\equiv 1 \\pmod 8`` for an odd x), so a modular step with letters may be verified but never refuted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Mapping

from lintmath.model import Status, Verdict
from lintmath.parse.parser import mod_word_end
from lintmath.parse.tokens import Macro, ParseFailure, Token, expand_macros, read_group, tokenize
from lintmath.parse.vocabulary import GREEK

#: "mod" as a command or as a word set upright: what makes a step modular arithmetic
_MENTION = re.compile(r"\\(?:[bp]?mod|pod)(?![a-zA-Z])|(?<![a-zA-Z\\])mod(?![a-zA-Z])")
_MOD_COMMANDS = {"\\bmod", "\\mod"}
_PAREN_MODULUS = {"\\pmod", "\\pod"}  # commands that write "(mod n)" and "(n)" themselves
_SPACING = {"\\,", "\\;", "\\:", "\\ ", "\\quad", "\\qquad", "\\enspace", "\\thinspace", "\\medspace",
            "\\thickspace", "\\!", "\\left", "\\right", "\\big", "\\Big", "\\bigl", "\\bigr", "\\Bigl",
            "\\Bigr", "\\bigg", "\\biggl", "\\biggr"}
_OPEN, _CLOSE = {"(", "\\lparen"}, {")", "\\rparen"}
_NESTS, _UNNESTS = _OPEN | {"[", "\\{"}, _CLOSE | {"]", "\\}"}

LETTERS_REASON = "a modular step with letters may hold only for some of them (a prime, an odd number)"
UNREAD_REASON = "could not read: this form of modular arithmetic is not decided yet"
MODULI_DIFFER = "congruences modulo different moduli are not decided"
CONGRUENCE_ONLY = "holds as a congruence, not as the value of the remainder"
MODULUS_ELSEWHERE = "a congruence of numbers whose modulus is given elsewhere is not decided"


def mentions_modulus(text: str) -> bool:
    return bool(_MENTION.search(text))


def spelled_out(text: str, macros: Mapping[str, Macro]) -> str:
    """``text`` with the document's macros written out (``\\Mod{7}`` -> ``\\ (\\mathrm{mod}\\ 7)``), set
    as TeX reads it: tokens side by side, a space only after a command word before a letter and
    between two numbers (so the letters of ``mod`` stay a word); ``text`` itself when it cannot be read."""
    try:
        tokens = expand_macros(tokenize(text), dict(macros))
    except ParseFailure:
        return text
    out: list[str] = []
    for before, token in zip([None, *tokens], tokens):
        if before is not None and (before.kind == "cmd" and before.text[-1:].isalpha() and token.text[:1].isalpha()
                                   or before.kind == "num" and token.kind == "num"):
            out.append(" ")
        out.append(token.text)
    return "".join(out)


def mentions(text: str) -> list[int]:
    """Where ``text`` mentions a modulus."""
    return [m.start() for m in _MENTION.finditer(text)]


@dataclass(frozen=True)
class Clause:
    """A side split at its modulus: ``body`` and ``modulus`` are slices of the side's text;
    ``bare`` for ``b \\bmod n`` written without brackets, which may also be a remainder."""

    body: str
    modulus: str
    bare: bool


def _mod_word_end(toks: list[Token], k: int) -> int | None:
    """The index after a "mod" at ``k``: ``\\bmod``, ``\\mod``, ``\\operatorname{mod}``, ``\\text{ mod }``."""
    if toks[k].kind == "cmd" and toks[k].text in _MOD_COMMANDS:
        return k + 1
    return mod_word_end(toks, k)


def _trimmed(toks: list[Token], a: int, b: int) -> tuple[int, int]:
    """``toks[a:b]`` without spacing and punctuation at either end."""
    while a < b and (toks[a].kind == "cmd" and toks[a].text in _SPACING):
        a += 1
    while b > a and (toks[b - 1].kind == "cmd" and toks[b - 1].text in _SPACING or toks[b - 1].text in ".,;"):
        b -= 1
    return a, b


def _slice(text: str, toks: list[Token], a: int, b: int) -> str:
    return text[toks[a].start:toks[b - 1].end] if a < b else ""


def _top_level(toks: list[Token]) -> list[int]:
    """Indices of the tokens outside every brace group and bracket."""
    out, depth = [], 0
    for k, t in enumerate(toks):
        if t.kind == "close" or t.text in _UNNESTS:
            depth -= 1
        elif depth == 0:
            out.append(k)
        if t.kind == "open" or t.text in _NESTS:
            depth += 1
    return out


def modulus_elsewhere(lhs: str, rhs: str, relation: str) -> bool:
    """``17 \\equiv 2`` between numbers, with no modulus in the step: no one writes an equality of
    two numbers with ``\\equiv``, so it is a congruence modulo a number the prose or another line
    gives (with letters, ``f \\equiv 0`` is an identity and is decided as one)."""
    return relation == "===" and not has_letters(lhs + " " + rhs)


def has_letters(text: str, macros: Mapping[str, Macro] | None = None) -> bool:
    """Whether ``text`` writes a letter (Latin or Greek) outside the words of its modulus: a statement
    about letters may rest on conditions only the prose states. With ``macros``, the document's own
    macros are read as what they write (``\\bv`` for ``\\beta``)."""
    try:
        toks = tokenize(text)
        if macros:
            toks = expand_macros(toks, macros)
    except (ParseFailure, RecursionError):
        return True
    k = 0
    while k < len(toks):
        after = _mod_word_end(toks, k)
        if after is not None:
            k = after
            continue
        t = toks[k]
        if t.kind == "letter" or t.kind == "cmd" and t.text[1:] in GREEK:
            return True
        k += 1
    return False


def split_modulus(text: str) -> Clause | None:
    """The modulus a side ends with: ``\\pmod{n}``, ``\\pod n``, ``(\\mathrm{mod}\\ n)``, or a bare
    ``\\bmod n`` at its top level; None when it ends with none (or its braces do not balance)."""
    try:
        return _split_modulus(text, tokenize(text))
    except ParseFailure:
        return None


def _split_modulus(text: str, toks: list[Token]) -> Clause | None:
    end = _trimmed(toks, 0, len(toks))[1]
    for k in _top_level(toks[:end]):
        t = toks[k]
        clause = None
        if t.kind == "cmd" and t.text in _PAREN_MODULUS:
            _, after = read_group(toks, k + 1)
            if after == end:
                clause = (k + 1, after, False)
        elif t.text in _OPEN and k + 1 < end and (word := _mod_word_end(toks, _skip_spacing(toks, k + 1))) is not None \
                and toks[end - 1].text in _CLOSE:
            clause = (word, end - 1, False)
        elif (word := _mod_word_end(toks, k)) is not None:
            clause = (word, end, True)
        if clause is None:
            continue
        a, b = _trimmed(toks, clause[0], clause[1])
        if a < b and toks[a].kind == "open" and read_group(toks, a)[1] == b:
            a, b = a + 1, b - 1  # \pmod{n}: the braces only group the argument
        body_end = _trimmed(toks, 0, k)[1]
        if a >= b or body_end == 0:
            return None
        # \left( and \bigl( before the bracket belong to the clause
        while body_end > 0 and toks[body_end - 1].kind == "cmd" and toks[body_end - 1].text in _SPACING:
            body_end -= 1
        return Clause(_slice(text, toks, 0, body_end), _slice(text, toks, a, b), clause[2])
    return None


def chain_modulus(sides: list[str]) -> str | None:
    """The modulus in brackets (``\\pmod{n}``, ``(\\mathrm{mod}\\ n)``) that a chain of congruences
    writes once, usually at its end, for all its lines: None when no side writes one, or when the
    sides write different ones."""
    moduli = {re.sub(r"\s|[{}]", "", c.modulus): c.modulus
              for side in sides if _MENTION.search(side)
              if (c := split_modulus(side)) is not None and not c.bare}
    return next(iter(moduli.values())) if len(moduli) == 1 else None


def with_chain_modulus(lhs: str, rhs: str, modulus: str | None) -> str:
    """``rhs`` of a congruence ``lhs \\equiv rhs`` that writes no modulus itself, with the chain's
    modulus appended (``a \\equiv b \\equiv c \\pmod n`` states both congruences modulo n)."""
    if modulus is None or split_modulus(lhs) is not None or split_modulus(rhs) is not None:
        return rhs
    return rf"{rhs} \pmod{{{modulus}}}"


def _skip_spacing(toks: list[Token], k: int) -> int:
    while k < len(toks) - 1 and toks[k].kind == "cmd" and toks[k].text in _SPACING:
        k += 1
    return k


def _same_modulus(a: str, b: str) -> bool:
    return re.sub(r"\s|[{}]", "", a) == re.sub(r"\s|[{}]", "", b)


def congruence(lhs: str, rhs: str, bare: bool) -> tuple[str, str] | str | None:
    """``lhs`` and ``rhs`` as the remainders ``(a) \\bmod (n)`` and ``(b) \\bmod (n)``; a reason when
    the moduli of the two sides differ; None when neither side has one (``bare``: a bare ``\\bmod n``
    at the end counts as a modulus)."""
    left, right = split_modulus(lhs), split_modulus(rhs)
    left = left if left is None or bare or not left.bare else None
    right = right if right is None or bare or not right.bare else None
    if left is None and right is None:
        return None
    if left is not None and right is not None and not _same_modulus(left.modulus, right.modulus):
        return MODULI_DIFFER
    modulus = (right or left).modulus  # type: ignore[union-attr]

    def remainder(body: str) -> str:
        return rf"\left({body}\right) \bmod \left({modulus}\right)"
    return remainder(left.body if left else lhs), remainder(right.body if right else rhs)


def remainders(lhs: str, rhs: str) -> tuple[str, str] | None:
    """The two sides of a modular step as remainders, each with its own modulus (a side that writes
    none takes the other's: ``g^a \\equiv 5^6 \\pmod{p}``); None when neither side writes one, or when
    they write different moduli in brackets (two congruences, not two values). Two bare remainders
    modulo moduli written differently (``g^a \\bmod p = 5^6 \\bmod 23``) are two values all the same."""
    left, right = split_modulus(lhs), split_modulus(rhs)
    if left is None and right is None:
        return None
    if left is not None and right is not None and not _same_modulus(left.modulus, right.modulus) \
            and not (left.bare and right.bare):
        return None
    left_modulus = (left or right).modulus  # type: ignore[union-attr]
    right_modulus = (right or left).modulus  # type: ignore[union-attr]
    return (rf"\left({left.body if left else lhs}\right) \bmod \left({left_modulus}\right)",
            rf"\left({right.body if right else rhs}\right) \bmod \left({right_modulus}\right)")


Decide = Callable[[str, str, str], Verdict]
CUT, REMAINDER = "cut", "remainder"


def check_modular(lhs: str, rhs: str, relation: str, decide: Decide, congruent: bool,
                  reading: Callable[[str], str]) -> Verdict:
    """Decide a step that mentions a modulus. ``decide(lhs, rhs, relation)`` checks texts as any
    step (without a diagnosis: its offsets would point into texts the author did not write);
    ``congruent`` says the relation is one (``\\equiv``); ``reading(text)`` how a side is read: CUT
    before a mention of a modulus (dropped as prose), with a REMAINDER, or "" (a label E_{mod})."""
    strict = congruence(lhs, rhs, bare=False)
    loose = congruence(lhs, rhs, bare=True)
    if isinstance(loose, str):
        return Verdict(Status.UNVERIFIED, loose)
    lettered = has_letters(lhs) or has_letters(rhs)
    congruence_texts = strict if strict is not None else loose if congruent else None
    if congruence_texts is not None:
        # \equiv, or a modulus in brackets (\pmod): the sides are congruent, whatever the relation
        verdict = _unread_as_unverified(decide(*congruence_texts, "="))  # type: ignore[misc]
        return _without_letters(verdict, lettered)
    verdict = _unread_as_unverified(decide(lhs, rhs, relation))
    if verdict.status is not Status.REFUTED:
        return verdict
    if congruent and not lettered:
        return Verdict(Status.UNVERIFIED, MODULUS_ELSEWHERE, elapsed=verdict.elapsed)
    readings = {reading(lhs), reading(rhs)}
    if CUT in readings:
        return Verdict(Status.UNVERIFIED, UNREAD_REASON, elapsed=verdict.elapsed)
    if REMAINDER not in readings:
        return verdict  # "mod" only names something (E_{\text{mod}}): no modular arithmetic
    if loose is not None:
        # 7 = 12 \bmod 5 may write the congruence with "="; only a step wrong both ways is an error
        other = decide(*loose, "=")  # type: ignore[misc]
        if other.status is Status.VERIFIED:
            return Verdict(Status.UNVERIFIED, CONGRUENCE_ONLY)
        if other.status is not Status.REFUTED:
            return Verdict(Status.UNVERIFIED, other.reason)
    return _without_letters(verdict, lettered)


def _unread_as_unverified(verdict: Verdict) -> Verdict:
    if verdict.status is Status.UNVERIFIED and "modular arithmetic" in verdict.reason:
        return replace(verdict, reason=UNREAD_REASON)
    return verdict


def _without_letters(verdict: Verdict, lettered: bool) -> Verdict:
    """A refutation of a step with letters (even bound ones: \\sum_{k=1}^{n} k \\equiv 0 \\pmod n holds
    for odd n) becomes unverified; see the module's docstring."""
    if verdict.status is Status.REFUTED and lettered:
        return Verdict(Status.UNVERIFIED, LETTERS_REASON, elapsed=verdict.elapsed)
    return verdict
