"""Math typed as plain text, as students' notes and notebooks write it: scripts without braces
(``x^-1``, ``e^-x``, ``2^10``, ``e^(2x)``, ``a_ij``, ``e^2x``) and function names without their backslash
(``sin x``, ``log(x)``, ``ln(x^2)``).

TeX gives an unbraced script one character (``x^-1`` is x to the minus, then 1; ``2^10`` is 2^1 then
0), which is never what such a text means where the character is a sign, the first digit of a
number or an opening bracket: there the script is read *short*, the sign with its one factor, the
whole number, the bracket (``x^{-1}``, ``2^{10}``, ``e^{2x}``). Where letters or digits follow the
script with no space (``e^-2x``, ``e^2x``, ``a_ij``), the author may also mean them inside it, the
*whole* reading (``e^{-2x}``, ``e^{2x}``, ``a_{ij}``). A function's name typed as a word on its own
before its argument (``sin x``, ``log(x)``) is that function, not the product of its letters. Only
braces and backslashes are inserted, nothing else changed (but the bracket of ``e^(2x)``), so an edit
found on a reading carries back to what the author typed (see check._with_whole_scripts, which
decides which readings a step is held to).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# a letter that carries a script of its own ends the run a whole script takes: a^2b^2 is a^2 b^2
_SCRIPT_MARKS = ("^", "_")
# commands that are one factor after a sign: x^-\alpha, e^-\lambda t
_NOT_FACTORS = frozenset({"\\left", "\\right", "\\cdot", "\\times", "\\frac", "\\dfrac", "\\tfrac", "\\sqrt",
                         "\\text", "\\mathrm", "\\,", "\\;", "\\!", "\\quad", "\\qquad"})


# the functions a plain text names as words; \sqrt is left out, as sqrt(x) would take the bracket as
# its argument's first character
FUNCTION_WORDS = ("arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "sin", "cos", "tan", "cot", "sec",
                  "csc", "log", "ln", "exp")
# commands whose group is words, not math: their letters name nothing
_WORD_GROUPS = frozenset({"\\text", "\\textrm", "\\mathrm", "\\operatorname", "\\mbox", "\\textit", "\\mathit",
                          "\\textbf", "\\mathbf", "\\mathsf", "\\mathtt", "\\texttt", "\\label", "\\tag",
                          "\\textnormal", "\\textsf", "\\textup", "\\emph", "\\hbox"})


@dataclass(frozen=True)
class TypedReadings:
    """The short and the whole reading of a side; ``unusual``: some script is one that TeX's reading
    cannot be meant for (a sign, a number of several digits, a bracket)."""

    short: str
    whole: str
    unusual: bool


def _factor_end(text: str, i: int) -> int | None:
    """The end of the one factor at ``i`` after a script's sign: a number, a letter, a command word
    (\\alpha), a bracket with what it holds; with a script of its own (e^-x^2 is e^{-x^2}). None
    where no such factor starts there."""
    n = len(text)
    if i >= n:
        return None
    c = text[i]
    if c.isdigit():
        j = i
        while j < n and text[j].isdigit():
            j += 1
        if j + 1 < n and text[j] == "." and text[j + 1].isdigit():
            j += 1
            while j < n and text[j].isdigit():
                j += 1
    elif c.isalpha():
        j = i + 1
    elif c == "\\" and i + 1 < n and text[i + 1].isalpha():
        j = i + 1
        while j < n and text[j].isalpha():
            j += 1
        if text[i:j] in _NOT_FACTORS:
            return None
    elif c in "({":
        j = _bracket_end(text, i)
        if j is None:
            return None
    else:
        return None
    if j < n and text[j] in _SCRIPT_MARKS:
        after = _script_end(text, j + 1)
        if after is None:
            return None
        j = after
    return j


def _bracket_end(text: str, i: int) -> int | None:
    pairs = {"(": ")", "{": "}"}
    opening, closing = text[i], pairs[text[i]]
    depth = 0
    for j in range(i, len(text)):
        if text[j] == opening:
            depth += 1
        elif text[j] == closing:
            depth -= 1
            if depth == 0:
                return j + 1
    return None


def _script_end(text: str, i: int) -> int | None:
    """The end of a script as TeX reads it (a group, a command word, one character)."""
    if i >= len(text):
        return None
    if text[i] == "{":
        return _bracket_end(text, i)
    if text[i] == "\\":
        j = i + 1
        while j < len(text) and text[j].isalpha():
            j += 1
        return max(j, i + 2)
    return i + 1


def _run_end(text: str, j: int) -> int:
    """How far letters and digits typed right after a script run on (e^2x, a_ij), stopping before a
    letter that carries a script or a bracket of its own (a^2b^2, x^2f(x))."""
    k = j
    while k < len(text) and (text[k].isalnum() or text[k] == "."
                             and k + 1 < len(text) and text[k + 1].isdigit() and text[k - 1].isdigit()):
        if text[k].isalpha() and k + 1 < len(text) and text[k + 1] in "^_(":
            break
        k += 1
    if k - j >= 2 and text[k - 2] == "d" and text[k - 1].isalpha():
        k -= 2  # x^2dx: the differential of an integral is no part of the script
    return k


def _slashed_denominator_end(text: str, j: int) -> int | None:
    """The end of ``/2`` after a signed script (``x^-1/2``, ``e^-x/2``, ``e^-t/\\tau``), which the author
    may mean inside it (x^{-1/2}) as TeX's reading has it outside (x^{-1}/2): a number, a command word
    or a bracket; not a bare letter, the first of a product that stays outside (e^-t/RC). None where
    no such denominator follows."""
    if j + 1 >= len(text) or text[j] != "/" or not (text[j + 1].isdigit() or text[j + 1] in "(\\"):
        return None
    end = _factor_end(text, j + 1)
    if end is None or end < len(text) and (text[end].isalnum() or text[end] in "(^_"):
        return None  # (x^-1/2y, x^-1/2^k: where the script would end is not clear)
    return end


_MAY_TYPE_PLAINLY = re.compile(r"[\^_]|(?<![\\A-Za-z])(?:" + "|".join(FUNCTION_WORDS) + r")(?![A-Za-z])")


def may_type_plainly(text: str) -> bool:
    """A quick look before ``readings``: whether ``text`` has a script or a function's word at all."""
    return _MAY_TYPE_PLAINLY.search(text) is not None


def _function_word(text: str, i: int) -> str:
    """The function's name typed as a word at ``i`` (sin of ``2 sin x``, log of ``log(x)``), or "": a
    word of its own, before a bracket, a script or a space and its argument (``exp = ...``, a name
    of the author's, applies nothing)."""
    if not text[i].isalpha() or i > 0 and text[i - 1].isalpha():
        return ""
    for word in FUNCTION_WORDS:
        end = i + len(word)
        if not text.startswith(word, i) or end < len(text) and text[end].isalpha():
            continue
        rest = text[end:]
        if rest.startswith(("(", "^", "_", "\\left(")) or re.match(r"(?:\s|\\[,;: ])+[A-Za-z0-9\\]", rest) \
                and not re.match(r"\s*\\(?:cdot|times|quad|qquad|text|mathrm)(?![A-Za-z])", rest):
            return word
        return ""
    return ""


def readings(text: str) -> TypedReadings | None:
    """The short and whole readings of ``text``, or None where it types no script that either reading
    changes."""
    short: list[str] = []
    whole: list[str] = []
    unusual = False
    i, n, last = 0, len(text), 0
    changed = False
    while i < n:
        c = text[i]
        if c == "\\":  # a command word: its letters are not a base (\^ is an accent, not a script)
            j = i + 1
            while j < n and text[j].isalpha():
                j += 1
            if text[i:j] in _WORD_GROUPS and j < n and text[j] == "{":
                j = _bracket_end(text, j) or n  # (\text{sin}: a word, not a function)
            i = max(j, i + 2)
            continue
        word = _function_word(text, i)
        if word:
            changed = unusual = True
            short.append(text[last:i] + "\\")
            whole.append(text[last:i] + "\\")
            last = i
            i += len(word)
            continue
        if c not in _SCRIPT_MARKS or i + 1 >= n:
            i += 1
            continue
        start = i + 1
        s = text[start]
        if s == "-":
            short_end = _factor_end(text, start + 1)
            kind = "unusual"
        elif s.isdigit() and re.match(r"\d(?:\d|\.\d)", text[start:start + 3]):  # 2^10, x^0.5
            short_end = _factor_end(text, start)
            kind = "unusual"
        elif s == "(" and c == "^":
            short_end = _bracket_end(text, start)
            kind = "unusual"
        elif s.isalnum() and not (c == "^" and s == "T"):  # (v^TAv: a transpose, then a product)
            short_end = start + 1
            kind = "plain"
        else:
            i += 1
            continue
        if short_end is None:
            i += 1
            continue
        whole_end = _run_end(text, short_end)
        if s == "-" and text[start + 1] == "\\" and whole_end == short_end:
            # e^-\lambda t: the space a command word needs before the next letter does not end what the
            # author may mean inside the script (e^{-\lambda t}), as no space would after a letter
            gap = short_end
            while gap < n and text[gap] == " ":
                gap += 1
            if gap > short_end and gap < n and text[gap].isalnum() and _run_end(text, gap) > gap:
                whole_end = _run_end(text, gap)
        if s == "(" or short_end < n and text[short_end] in _SCRIPT_MARKS:
            whole_end = short_end  # (a bracket, or a factor with a script of its own, ends it: e^-x^2)
        elif s == "-" and whole_end == short_end:
            whole_end = _slashed_denominator_end(text, short_end) or whole_end
        if kind == "plain" and whole_end == short_end:
            i = short_end
            continue
        changed = True
        unusual = unusual or kind == "unusual"
        head = text[last:start]
        if kind == "unusual" and s == "(" and not text[short_end:short_end + 1] == "(":
            # e^(2x) is e^{2x}: a bracket kept inside the braces would read e^{(x)} as a derivative's
            # order (f^{(n)}), which an applied f^(n)(x) may mean
            script = "{" + text[start + 1:short_end - 1] + "}"
        elif kind == "unusual":
            script = "{" + text[start:short_end] + "}"
        else:
            script = text[start:short_end]
        short.append(head + script + text[short_end:whole_end])
        whole.append(head + (script if whole_end == short_end else "{" + text[start:whole_end] + "}"))
        last = i = whole_end
    if not changed:
        return None
    short.append(text[last:])
    whole.append(text[last:])
    return TypedReadings("".join(short), "".join(whole), unusual)
