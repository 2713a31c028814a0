"""Arithmetic functions of whole numbers, as number theory writes them: ``\\sigma(28)`` the sum of the
divisors, ``\\varphi(36)`` (or ``\\phi``) Euler's totient, ``\\tau(360)`` the number of divisors and
``\\mu(30)`` the Moebius function, of arguments written with digits, powers and products (``\\sigma(2^4)``,
``\\varphi(2^2 \\cdot 7)``).

Each of these letters names other things in other notes (the logistic function, a potential, a time
constant, a mean), so the reading only verifies (check.py): a step that holds with the values put in
is about these functions, and one that fails says nothing of the other readings.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping

from sympy import divisor_count, divisor_sigma, mobius, totient

from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import closing, parse_math
from lintmath.parse.tokens import ParseFailure, expand_macros, tokenize

FUNCTIONS: dict[str, Callable[[int], int]] = {
    "\\sigma": lambda m: int(divisor_sigma(m)),
    "\\varphi": lambda m: int(totient(m)),
    "\\phi": lambda m: int(totient(m)),
    "\\tau": lambda m: int(divisor_count(m)),
    "\\mu": lambda m: int(mobius(m)),
}
GUESS = "arithmetic functions of whole numbers (divisor sum, totient, divisor count, Moebius)"
#: a name of FUNCTIONS before a bracket: what makes a step worth the reading
_CALLED = re.compile(r"\\(?:sigma|varphi|phi|tau|mu)\s*(?:\\left\s*|\\big\s*|\\Big\s*)?\(")
#: arguments above this are not factored (a worked example's numbers are far below it)
LARGEST = 10 ** 12


def calls(text: str) -> bool:
    return _CALLED.search(text) is not None


def _whole(node: n.Node) -> int | None:
    """The value of a whole number written with digits, powers and products (``2^3 \\cdot 7``), or None."""
    while isinstance(node, n.Paren):
        node = node.inner
    if isinstance(node, n.Num):
        return int(node.value) if node.value.isdigit() else None
    if isinstance(node, n.Pow):
        base, exp = _whole(node.base), _whole(node.exp)
        if base is None or exp is None or exp > 64:
            return None
        return base ** exp
    if isinstance(node, n.Mul):
        value = 1
        for factor in node.factors:
            part = _whole(factor)
            if part is None:
                return None
            value *= part
        return value
    return None


def written_out(text: str, macros: Mapping[str, Macro] | None = None) -> str | None:
    """``text`` with each arithmetic function of a whole number replaced by its value in brackets
    (``\\sigma(2^4) + 1`` -> ``(31) + 1``); ``text`` itself when it writes none; None when it writes one
    of another argument (a letter: ``\\varphi(n)`` stays unread, and so does the whole step)."""
    try:
        tokens = tokenize(text)
        if macros:
            tokens = expand_macros(tokens, dict(macros))
    except ParseFailure:
        return None if calls(text) else text
    pieces: list[str] = []
    k = 0
    done = 0
    while k < len(tokens):
        token = tokens[k]
        if token.kind != "cmd" or token.text not in FUNCTIONS:
            pieces.append(token.text)
            k += 1
            continue
        opener = k + 1
        while opener < len(tokens) and tokens[opener].text in ("\\left", "\\big", "\\Big"):
            opener += 1
        if opener >= len(tokens) or tokens[opener].text != "(":
            return None  # \sigma^2, \mu_1: another quantity of the same letter
        close = closing(tokens, opener)
        if close is None:
            return None
        inner = [t.text for t in tokens[opener + 1 : close] if t.text not in ("\\right", "\\big", "\\Big")]
        try:
            value = _whole(parse_math(" ".join(inner)))
        except (ParseFailure, RecursionError):
            return None
        if value is None or not 0 < value <= LARGEST:
            return None
        pieces.append(f"({FUNCTIONS[token.text](value)})")
        done += 1
        k = close + 1
    return " ".join(pieces) if done else text
