"""Tokenizing LaTeX math, with user-macro expansion that keeps every token's source offsets.

A token expanded from a macro carries the span of the whole invocation, so a diagnosis that points at a
term built from ``\\R`` or ``\\norm{x}`` still underlines what the author typed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from lintmath.model import Macro
from lintmath.parse.vocabulary import STYLES


class ParseFailure(Exception):
    """The math cannot be read with confidence; the step becomes *unverified* with this reason."""


@dataclass(frozen=True)
class Token:
    kind: str  # "cmd" (\frac, \{), "letter", "num", "sym" (one character), "open"/"close" ({ })
    text: str
    start: int
    end: int
    # An explicit space (\, \; ~ ...) was typed just before this token and dropped: it is what ends a
    # function's bare argument (\sin x\, y is y sin x). Not part of a token's identity.
    spaced: bool = field(default=False, compare=False)
    # The \operatorname of an operator the document declares (\DeclareMathOperator{\PV}{PV}): used
    # alone, such a name is a quantity of the document's (a present value), not an unknown function.
    declared: bool = field(default=False, compare=False)

    def is_(self, *texts: str) -> bool:
        return self.text in texts


MAX_TOKENS = 20_000
# A minus sign typed as a Unicode character (pasted from a PDF or a word processor): between terms
# of math it can only be the minus.
UNICODE_MINUS = {"\u2212", "\u2013", "\u2014"}
MAX_EXPANSIONS = 2_000


SIZE_COMMANDS = {"\\left", "\\right", "\\bigl", "\\bigr", "\\Bigl", "\\Bigr", "\\biggl", "\\biggr",
                 "\\Biggl", "\\Biggr", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\middle"}


def _sizes_next(tokens: list[Token]) -> bool:
    """After ``\\left`` the next character is a delimiter: ``\\left.2`` is the empty delimiter, then 2."""
    return bool(tokens) and tokens[-1].kind == "cmd" and tokens[-1].text in SIZE_COMMANDS


# a number with its thousands grouped by commas, as money is written: 1{,}157.63, 1,000,000, 50{,}000
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:(?:\{,\}|,)\d{3})+(?:\.\d+)?(?!\d)")
# a number written with a decimal point somewhere in the same math
_DECIMAL_POINT = re.compile(r"\d\.\d")


def _grouped_number(text: str, i: int) -> tuple[str, int] | None:
    """The digits and end of a number at ``i`` whose commas can only group thousands, else None. A
    decimal comma (2{,}718, 0,5) is read so in other countries' notes: the commas group thousands only
    where a decimal point follows them (1{,}157.63), where there are two of them (1,000,000), or, for
    the {,} of TeX, where the same math writes its decimals with a point (1{,}000 \\times 1.05^3). A
    lone plain comma (1,000 as against f(1,000), a list) stays undecided."""
    if i > 0 and (text[i - 1].isdigit() or text[i - 1] == "."):
        return None
    match = _GROUPED.match(text, i)
    if match is None:
        return None
    number = match.group()
    groups = number.count(",")
    if "." not in number and groups < 2 and not ("{,}" in number and _DECIMAL_POINT.search(text)):
        return None
    return number.replace("{,}", "").replace(",", ""), match.end()


# a decimal comma as TeX writes it, 0{,}95 and 2{,}5 (the braces keep the comma from spacing as a list's)
_DECIMAL_COMMA = re.compile(r"(\d+)\{,\}(\d+)(?!\d|\{,\}|\.\d)")


def _decimal_comma(text: str, i: int) -> tuple[str, int] | None:
    """The number (with a decimal point) and end of a number at ``i`` written with a braced comma that
    can only be a decimal comma, else None: after 0 (0{,}95), or before other than three digits (2{,}5,
    0{,}9048), as European notes write decimals. Three digits after one to three others (1{,}000) may
    group thousands, and stay with _grouped_number; and math that writes a decimal point elsewhere
    (1{,}5 + 2.5) mixes two conventions, so neither reading is sure."""
    if i > 0 and (text[i - 1].isdigit() or text[i - 1] == ".") or _DECIMAL_POINT.search(text):
        return None
    match = _DECIMAL_COMMA.match(text, i)
    if match is None:
        return None
    whole, fraction = match.groups()
    if len(fraction) == 3 and whole[0] != "0" and len(whole) <= 3:
        return None
    return f"{whole}.{fraction}", match.end()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split math text into tokens. Letters are single tokens (``ab`` is ``a`` times ``b`` in TeX)."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    tie = False  # a ~ before the next token
    while i < n:
        c = text[i]
        count = len(tokens)
        if c == "~":  # a non-breaking space: dropped, but the next token remembers it
            tie = True
            i += 1
        elif c.isspace():
            i += 1
        elif c == "%":
            while i < n and text[i] != "\n":
                i += 1
        elif c == "\\":
            j = i + 1
            if j < n and text[j].isalpha():
                while j < n and text[j].isalpha():
                    j += 1
            else:
                j = min(j + 1, n)
            tokens.append(Token("cmd", text[i:j], offset + i, offset + j))
            i = j
        elif text.startswith("...", i):
            # dots typed as periods (x_1 + ... + x_n, Markdown notes): in math they are an ellipsis
            j = i + 3
            while j < n and text[j] == ".":
                j += 1
            tokens.append(Token("cmd", "\\ldots", offset + i, offset + j))
            i = j
        elif c.isdigit() and (grouped := _grouped_number(text, i)) is not None:
            digits, j = grouped
            tokens.append(Token("num", digits, offset + i, offset + j))
            i = j
        elif c.isdigit() and (comma := _decimal_comma(text, i)) is not None:
            digits, j = comma
            tokens.append(Token("num", digits, offset + i, offset + j))
            i = j
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit() and not _sizes_next(tokens)):
            j = i
            while j < n and text[j].isdigit():
                j += 1
            if j < n and text[j] == "." and j + 1 < n and text[j + 1].isdigit():
                j += 1
                while j < n and text[j].isdigit():
                    j += 1
            tokens.append(Token("num", text[i:j], offset + i, offset + j))
            i = j
        elif c.isalpha():
            tokens.append(Token("letter", c, offset + i, offset + i + 1))
            i += 1
        elif c == "{":
            tokens.append(Token("open", c, offset + i, offset + i + 1))
            i += 1
        elif c == "}":
            tokens.append(Token("close", c, offset + i, offset + i + 1))
            i += 1
        elif c in UNICODE_MINUS:
            tokens.append(Token("sym", "-", offset + i, offset + i + 1))
            i += 1
        else:
            tokens.append(Token("sym", c, offset + i, offset + i + 1))
            i += 1
        if tie and len(tokens) > count:
            tokens[-1] = replace(tokens[-1], spaced=True)
            tie = False
        if len(tokens) > MAX_TOKENS:
            raise ParseFailure("expression too long")
    return tokens


def read_group(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """One argument: a brace group (without its braces) or a single token, and the index after it."""
    if i >= len(tokens):
        raise ParseFailure("macro argument missing")
    if tokens[i].kind != "open":
        return [tokens[i]], i + 1
    depth, j = 0, i
    while j < len(tokens):
        if tokens[j].kind == "open":
            depth += 1
        elif tokens[j].kind == "close":
            depth -= 1
            if depth == 0:
                return tokens[i + 1 : j], j + 1
        j += 1
    raise ParseFailure("unbalanced braces")


def read_optional(tokens: list[Token], i: int) -> tuple[list[Token] | None, int]:
    if i < len(tokens) and tokens[i].is_("["):
        depth, j = 0, i
        while j < len(tokens):
            if tokens[j].kind == "open":
                depth += 1
            elif tokens[j].kind == "close":
                depth -= 1
            elif tokens[j].is_("]") and depth == 0:
                return tokens[i + 1 : j], j + 1
            j += 1
    return None, i


ALIGNMENT = {"&", "\\\\", "\\cr"}  # what separates the cells and rows of a table


def _aligns(tokens: list[Token]) -> bool:
    """Whether ``tokens`` separate cells or rows outside any group or environment of their own."""
    depth = 0
    for t in tokens:
        if t.kind == "open" or t.text == "\\begin":
            depth += 1
        elif t.kind == "close" or t.text == "\\end":
            depth -= 1
        elif depth == 0 and t.text in ALIGNMENT:
            return True
    return False


#: what stands before and after an argument that a macro's body sets alone in brackets, \left(#1\right)
_ARGUMENT_OPENERS = {"(", "[", "\\{", "\\langle", "\\mid", "|", ","}
_ARGUMENT_CLOSERS = {")", "]", "\\}", "\\rangle", "\\right", "\\mid", "|", ","}


def _substitute(body: tuple[Token, ...], args: list[list[Token]], start: int, end: int) -> list[Token]:
    out: list[Token] = []
    k = 0
    while k < len(body):
        t = body[k]
        if t.is_("#") and k + 1 < len(body) and body[k + 1].kind == "num":
            digits = body[k + 1].text
            index = int(digits[0]) - 1
            if 0 <= index < len(args):
                # an argument with cells and rows of its own (\bmat{1 & 2 \\ 3 & 4} for a body
                # \begin{bmatrix}#1\end{bmatrix}) goes in bare, as TeX puts it: a group around it
                # would make the whole table one cell
                # and one that opens with a script (\pd{^2 n}{t^2} for \frac{\partial #1}{\partial #2})
                # attaches it to what stands before it, as TeX does: a group cannot start with one
                # and an empty one (\ejw{} for e^{-j\omega #1}) puts nothing in, as TeX does: {} is no factor
                grouped = bool(args[index]) and not _aligns(args[index]) and not (
                    args[index] and args[index][0].text in ("^", "_"))
                # and one the body already braces alone ({#1} of \mathrm{#1}) needs no second group:
                # TeX strips the argument's braces, and readers of a style's content (a unit's
                # \mathrm{L}) do not expect \mathrm{{L}}
                if (k > 0 and body[k - 1].kind == "open" and len(digits) == 1
                        and k + 2 < len(body) and body[k + 2].kind == "close"):
                    grouped = False
                # and one the body sets between brackets or separators alone (\mathbb{P}\left(#1\right),
                # P(#1 \mid #2)) needs none either: nothing outside reaches past a bracket, and a group would
                # hide the event's relation or the conditioning bar from the bracket that holds them
                if (k > 0 and body[k - 1].text in _ARGUMENT_OPENERS and len(digits) == 1
                        and k + 2 < len(body) and body[k + 2].text in _ARGUMENT_CLOSERS):
                    grouped = False
                if grouped:
                    out.append(Token("open", "{", start, end))
                out.extend(Token(a.kind, a.text, start, end, a.spaced) for a in args[index])
                if grouped:
                    out.append(Token("close", "}", start, end))
            # "#12" tokenizes as one number; keep the digits after the first
            if len(digits) > 1:
                out.append(Token("num", digits[1:], start, end))
            k += 2
        else:
            out.append(Token(t.kind, t.text, start, end, t.spaced))
            k += 1
    return out


@functools.lru_cache(maxsize=4096)
def _body_tokens(body: str) -> tuple[Token, ...]:
    """A macro body's tokens, once per process: a repository's preamble defines hundreds of macros and
    every line of every step is expanded against all of them."""
    return tuple(tokenize(body))


def expand_macros(tokens: list[Token], macros: Mapping[str, Macro]) -> list[Token]:
    """Expand user macros until none is left; tokens from a macro take the span of its invocation."""
    if not macros:
        return tokens
    out: list[Token] = []
    work = list(reversed(tokens))  # a stack, so expansions are re-scanned before what follows them
    expansions = 0
    while work:
        t = work.pop()
        macro = macros.get(t.text) if t.kind == "cmd" else None
        if macro is None:
            out.append(t)
            if len(out) > MAX_TOKENS:
                raise ParseFailure("expression too long after macro expansion")
            continue
        expansions += 1
        if expansions > MAX_EXPANSIONS:
            raise ParseFailure(f"macro {t.text} expands without end")
        rest = list(reversed(work))
        i, args, end = 0, [], t.end
        if macro.operator and not re.fullmatch(r"\s*\\mathbb\s*\{\s*[A-Z]\s*\}\s*", macro.body):
            # (\DeclareMathOperator{\E}{\mathbb{E}} is the letter \mathbb{E} itself: expanded as written)
            body = [Token("cmd", "\\operatorname", t.start, t.end, declared=True),
                    Token("open", "{", t.start, t.end),
                    *[Token(b.kind, b.text, t.start, t.end) for b in _body_tokens(macro.body)],
                    Token("close", "}", t.start, t.end)]
            work.extend(reversed(body))
            continue
        nargs = macro.nargs
        if macro.star and rest[:1] and rest[0].is_("*"):
            i = 1
        if macro.default is not None and nargs > 0:
            opt, i = read_optional(rest, i)
            args.append(opt if opt is not None else list(_body_tokens(macro.default)))
            nargs -= 1
        for _ in range(nargs):
            arg, i = read_group(rest, i)
            args.append(arg)
        if i:
            end = rest[i - 1].end
        work = list(reversed(rest[i:]))
        expansion = _substitute(_body_tokens(macro.body), args, t.start, max(end, t.end))
        if len(expansion) > 1 and out and _takes_next_token(out[-1]):
            # \dot\xv with \xv = \mathbf{x}: TeX gives the accent the macro as its one argument,
            # so its whole expansion (\dot{\mathbf{x}}), not the bare \mathbf that pasting it leaves
            expansion = [Token("open", "{", t.start, t.end), *expansion, Token("close", "}", t.start, t.end)]
        if t.spaced and expansion:
            expansion[0] = replace(expansion[0], spaced=True)  # \sin x~\R: the space before the macro
        work.extend(reversed(expansion))
    return out


#: commands whose one argument may be a single token: an accent or a letter style before a macro
#: (\hat\xv), a root, a superscript or a subscript (x_\idx)
_ONE_TOKEN_ARGUMENT = set(STYLES) | {"\\sqrt", "^", "_"}


def _takes_next_token(token: Token) -> bool:
    return token.text in _ONE_TOKEN_ARGUMENT and token.kind in ("cmd", "sym")


def macro_table(macros: Iterable[Macro]) -> dict[str, Macro]:
    """Later definitions win, as with \\renewcommand."""
    return {m.name: m for m in macros}
