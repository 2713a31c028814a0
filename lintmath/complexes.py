"""Complex numbers, as the prose declares them.

``Let $z \\in \\mathbb{C}$``, ``for complex numbers $z$ and $w$``, ``write $z = x + iy$``: a statement
names letters that are complex although lintmath reads every letter as a real number. Read as reals,
|z|^2 = z^2 and 1/z = z/|z|^2 hold, and would be verified. check.py uses the statement to take such a
verification back: a step verified with the letters real is decided again with each one written out as
``x + \\mathrm{i} y`` (and its conjugate ``\\bar z``, ``\\overline{z}``, ``z^*`` as ``x - \\mathrm{i} y``).

As in declared.py, only what reads plainly counts: a sentence that negates names nothing. This module
knows nothing of SymPy.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lintmath.symmetric import keys_stated, matrices_beside, sentence_tokens, statements, states

if TYPE_CHECKING:
    from lintmath.context import ContextItem

KIND = "complex"  # the kind of a ContextItem that declares complex letters (lhs: their keys, comma-separated)
REACH = 50  # as declared.REACH: a section's derivation

_KEYWORD = re.compile(r"(?<![-\w])complex(?![\w-])", re.IGNORECASE)
# "not complex", "complex conjugate", "complex roots ... if": the sentence says something else of them
_NOT_STATED = re.compile(r"(?<![\w-])(?:not|n't|never|neither|nor|no|non|unless|whether|without|instead|"
                         r"if|iff|plane|roots?|conjugates?|matrix|matrices|vectors?|functions?|valued|"
                         r"eigenvalues?|part|parts)(?![\w-])", re.IGNORECASE)
# words between the keyword and the named letters ("complex numbers $z$ and $w$", "for complex $z$")
_AFTER = {"and", "number", "numbers", "variable", "variables", "scalar", "scalars", "constant", "constants"}
# words between the named letters and the keyword ("$z$ and $w$ are complex numbers")
_BEFORE = {"and", "are", "is", "be", "both", "two", "any", "some", "arbitrary", "given", "a", "an", "the",
           "nonzero", "non-zero"}
# $z \in \mathbb{C}$, $z, w \in \mathbb C$ (not \mathbb{C}^n: vectors)
_MEMBER = re.compile(r"^(?P<names>[^$]*?)\\in\s*\\mathbb\s*\{?\s*C\s*\}?\s*(?:\\setminus\s*\\\{\s*0\s*\\\})?\s*$")
# $z = x + iy$, $w = a + b\mathrm{i}$: one letter equal to a letter plus the unit times a letter
_UNIT = r"(?:i|j|\\mathrm\s*\{\s*i\s*\}|\\mathrm\s*i|\\rm\s*i)"
_CARTESIAN = re.compile(r"^\s*(?P<name>[A-Za-z]|\\(?:psi|phi|varphi|chi|xi|zeta|eta))\s*=\s*[A-Za-z]\s*\+\s*(?:" + _UNIT + r"\s*(?:\\,\s*)?[A-Za-z]|"
                        r"[A-Za-z]\s*(?:\\,\s*)?" + _UNIT + r")\s*$")


# "$i^2 = -1$", "$j = \sqrt{-1}$": the letter the notes write the unit with, named in a complex item's
# keys with this mark (no letter's key: the complex letters' readings pass it by)
UNIT_MARK = "unit:"
_UNIT_STATED = re.compile(r"^\s*(?P<name>[ij])\s*(?:\^\s*\{?\s*2\s*\}?\s*=\s*-\s*1|=\s*\\sqrt\s*\{\s*-\s*1\s*\})\s*$")


def names_unit(item: ContextItem) -> bool:
    """Whether a context item of this kind names only the letter of the unit (see UNIT_MARK)."""
    return item.kind == KIND and all(key.startswith(UNIT_MARK) for key in item.lhs.split(","))


def states_unit(lhs: str, rhs: str) -> bool:
    """Whether ``lhs = rhs`` states a letter the imaginary unit (``j = \\sqrt{-1}``, ``i^2 = -1``)."""
    return _UNIT_STATED.match(f"{lhs} = {rhs}") is not None


def sentence_complex(sentence: str, macros=None) -> set[str]:
    """The keys of the letters one sentence of prose declares complex (inline math in $...$ or \\(...\\))."""
    if not states(sentence, _NOT_STATED):
        return set()

    def read_math(text: str) -> set[str]:
        keys: set[str] = set()
        member = _MEMBER.match(text)
        if member is not None:
            keys |= matrices_beside([("math", member.group("names"))], 0, 1, set(), macros)
        unit = _UNIT_STATED.match(text)
        if unit is not None:
            keys.add(UNIT_MARK + unit.group("name"))
        cartesian = _CARTESIAN.match(text)
        if cartesian is not None and cartesian.group("name") not in "ij":
            keys.add(cartesian.group("name"))
        return keys
    return keys_stated(sentence_tokens(sentence), _KEYWORD, read_math, _BEFORE, _AFTER, macros, after_first=True)


def statements_of(lines: tuple[str, ...] | list[str], macros=None) -> list[tuple[int, frozenset[str], bool]]:
    """(line, keys, continues) for every statement of complex letters in the prose of ``lines``;
    ``continues``: the sentence opens in lowercase, and may explain the display above it."""
    return statements(lines, lambda sentence: bool(_KEYWORD.search(sentence)) or "mathbb" in sentence
                      or "=" in sentence, lambda sentence: sentence_complex(sentence, macros))


# a command (\zeta, \bar) or the text of an upright name (\mathrm{Re}): letters that are not the step's
_NOT_LETTERS = r"\\(?:mathrm|text|textrm|operatorname|mathop|rm)\s*\{[^{}]*\}|\\[A-Za-z]+"


def written_out(text: str, key: str, real: str, imaginary: str) -> str | None:
    """``text`` with the plain letter ``key`` written as ``(real + \\mathrm{i} imaginary)`` and its
    conjugates as ``(real - \\mathrm{i} imaginary)``; None where the letter is not a single Latin one."""
    return letter_written_out(text, key, real, imaginary) if re.fullmatch(r"[A-Za-z]", key) else None


def letter_written_out(text: str, key: str, real: str, imaginary: str) -> str | None:
    """As written_out, for a Greek letter (\\psi) too."""
    if not re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", key):
        return None
    letter = re.escape(key) + (r"(?![A-Za-z])" if key.startswith("\\") else "")
    conjugate = f"({real} - \\mathrm{{i}}\\,{imaginary})"
    text = re.sub(r"\\(?:bar|overline)\s*(?:\{\s*" + letter + r"\s*\}|" + re.escape(key) + r"(?![A-Za-z]))",
                  lambda _: conjugate, text)
    # math juxtaposes letters (zw is z times w); commands and upright names keep theirs
    return re.sub("(?P<key>" + letter + r")(?P<star>\s*\^\s*(?:\{\s*(?:\*|\\ast)\s*\}|\*|\\ast))?|" + _NOT_LETTERS,
                  lambda m: m.group(0) if m.group("key") is None
                  else conjugate if m.group("star") else f"({real} + \\mathrm{{i}}\\,{imaginary})", text)


# Letters whose bar or star is the complex conjugate without any statement: z and w of complex analysis,
# \psi of a wave function. Any other letter's bar stays what it is elsewhere (the mean \bar x).
CONJUGATE_LETTERS = frozenset({"z", "w", "\\psi"})
# the letters whose modulus marks them complex (w only beside z: alone it is as often a real weight)
MODULUS_LETTERS = frozenset({"z", "\\psi"})
# a written conjugate of an expression: \overline{z + w} (the one-letter \overline{z} is written_out's)
_OVERLINE = re.compile(r"\\overline\s*\{")
# ...and a bracket starred, (e^{ikx})^*, \left(\psi_1 + \psi_2\right)^*
_STARRED_BRACKET = re.compile(r"(?:\\right\s*)?\)\s*\^\s*(?:\{\s*(?:\*|\\ast)\s*\}|\*|\\ast)")
# what a conjugated expression may not write: an index or a bound variable (which may be i), another unit,
# an unknown function (whose conjugate is not its value at the conjugate)
_UNCONJUGABLE = re.compile(r"_|\\(?:sum|prod|int|oint|lim)(?![A-Za-z])")
# the unit as written_out writes it, then commands and upright names (whose letters are not the step's)
_TOKENS = re.compile(r"(?P<unit>\\mathrm\s*\{\s*i\s*\})|" + _NOT_LETTERS + r"|(?P<letter>[A-Za-z])(?P<call>\s*(?:\\left\s*)?\()?")


def conjugated_text(text: str, parts: dict[str, tuple[str, str]]) -> str | None:
    """``text`` with each letter of ``parts`` (key: (real, imaginary) letters) written out as x + iy,
    and each conjugate written (\\bar z, z^*, \\overline{z w}, (e^{ikx})^*) as the conjugate of what it
    marks: the expression written out, with the unit's sign changed (its letters are then all real).
    None where the text writes something that this cannot rewrite."""
    overline = _OVERLINE.search(text)
    if overline is not None:
        end = _closing_brace(text, overline.end())
        if end is None:
            return None
        inner = text[overline.end():end]
        if re.fullmatch(r"\s*(?:\\[A-Za-z]+|[A-Za-z])\s*", inner) and inner.strip() in parts:
            head = text[:overline.start()] + "\\bar{" + inner.strip() + "}"
            rest = conjugated_text(text[end + 1:], parts)
            return None if rest is None else _letters_written(head, parts) + rest
        return _conjugate_piece(text[:overline.start()], inner, text[end + 1:], parts)
    for star in _STARRED_BRACKET.finditer(text):
        start = _opening_bracket(text, star.start() + (star.group().index(")")))
        if start is None:
            return None
        opening = re.search(r"\\left\s*$", text[:start])
        before = text[:opening.start()] if opening else text[:start]
        inner = text[start + 1:star.start()]
        return _conjugate_piece(before, inner, text[star.end():], parts)
    return _letters_written(text, parts)


def _conjugate_piece(before: str, inner: str, after: str, parts: dict[str, tuple[str, str]]) -> str | None:
    letters = [m for m in _TOKENS.finditer(inner) if m.group("letter")]
    if _UNCONJUGABLE.search(inner) or any(m.group("letter") == "j" or m.group("call") and m.group("letter") in "fgh"
                                          for m in letters):
        return None
    pieces = [conjugated_text(piece, parts) for piece in (before, inner, after)]
    if any(piece is None for piece in pieces):
        return None
    flipped = _TOKENS.sub(lambda m: "(-\\mathrm{i})" + (m.group("call") or "") if m.group("unit") or m.group("letter") == "i"
                          else m.group(0), pieces[1])
    return f"{pieces[0]}({flipped}){pieces[2]}"


def _letters_written(text: str, parts: dict[str, tuple[str, str]]) -> str:
    for key, (real, imaginary) in sorted(parts.items()):
        text = letter_written_out(text, key, real, imaginary)
    return text


def _closing_brace(text: str, start: int) -> int | None:
    depth = 1
    for at in range(start, len(text)):
        if text[at] == "{" and text[at - 1] != "\\":
            depth += 1
        elif text[at] == "}" and text[at - 1] != "\\":
            depth -= 1
            if depth == 0:
                return at
    return None


def _opening_bracket(text: str, close: int) -> int | None:
    depth = 0
    for at in range(close, -1, -1):
        if text[at] == ")":
            depth += 1
        elif text[at] == "(":
            depth -= 1
            if depth == 0:
                return at
    return None


# functions and powers whose value at a complex point depends on a branch: a step through them may hold
# on the branch its author means and not on the principal one sampled
_BRANCHES = re.compile(r"\\(?:sqrt|log|ln|arg|Log|Arg|lg)(?![A-Za-z])|\\operatorname\s*\{\s*(?:Log|Arg|arg|Ln)\s*\}"
                       r"|\\mathrm\s*\{\s*(?:Log|Arg|arg|Ln)\s*\}")


def branch_sensitive(text: str) -> bool:
    """Whether ``text`` writes a logarithm, root or argument, or raises something other than e to a
    power other than a whole number."""
    if _BRANCHES.search(text):
        return True
    for power in re.finditer(r"\^\s*(\{|\\[A-Za-z]+|.)", text):
        if power.group(1) == "{":
            end = _closing_brace(text, power.end())
            exponent = text[power.end():end] if end is not None else "?"
        else:
            exponent = power.group(1)
        if re.fullmatch(r"\s*-?\s*\d+\s*|\s*(?:\*|\\ast|\\dagger|T|\\top|\\prime)\s*", exponent):
            continue
        base = text[:power.start()].rstrip()
        if re.search(r"(?<![\\A-Za-z])e$|\\mathrm\s*\{\s*e\s*\}$", base):
            continue
        return True
    return False


def writes_conjugated_expression(text: str) -> bool:
    """Whether ``text`` writes the conjugate of an expression (\\overline{z w}, (e^{ikx})^*)."""
    return any(not re.fullmatch(r"\s*(?:\\[A-Za-z]+|[A-Za-z])\s*", text[m.end():(_closing_brace(text, m.end()) or m.end())])
               for m in _OVERLINE.finditer(text)) or bool(_STARRED_BRACKET.search(text))


# z = x + iy, z = a + bi: the real and imaginary letters of a complex one
_PARTS = re.compile(r"\s*(?P<real>[A-Za-z])\s*\+\s*(?:" + _UNIT + r"\s*(?:\\,\s*)?(?P<imaginary>[A-Za-z])|"
                    r"(?P<imaginary2>[A-Za-z])\s*(?:\\,\s*)?" + _UNIT + r")\s*")


def stated_parts(context) -> dict[str, tuple[str, str]]:
    """The real and imaginary letters of the letters the prose writes out (``$z = x + iy$``), by key."""
    out: dict[str, tuple[str, str]] = {}
    for item in sorted(context, key=lambda c: c.line):
        if item.kind in ("define", "result") and item.relation == "=" and re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", item.lhs.strip()):
            match = _PARTS.fullmatch(item.rhs)
            if match is not None:
                imaginary = match.group("imaginary") or match.group("imaginary2")
                if len({item.lhs.strip(), match.group("real"), imaginary} - {"i", "j"}) == 3:
                    out[item.lhs.strip()] = (match.group("real"), imaginary)
    return out


def unit_written(text: str) -> str:
    """``text`` with each bare letter i written as the unit ``\\mathrm{i}``."""
    return _TOKENS.sub(lambda m: "\\mathrm{i}" + (m.group("call") or "") if m.group("letter") == "i" else m.group(0), text)
