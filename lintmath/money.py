"""Rates of interest, growth and tax, as the prose states them.

Business and finance notes compute with the rates of their examples written as factors: ``500 \\times
1.03^2 = 530.45`` for 3% a year, ``120 \\times 1.175`` for VAT at 17.5%. Such a factor is as exact as the rate
it adds to 1, but with three significant digits or more it reads like a rounded constant (0.693, 1.96)
whose error a result may carry (see tolerance.decimal_tolerance), which would let a slip of a few cents
pass. A sentence of the prose that writes a percentage or an amount of money beside a word of finance
states the rates of the passage below it: its percentages, and the short decimals it gives as rates
(``$i = 0.005$``). Only a factor of 1 and such a rate is then exact (see tolerance._rate_factor): a rate
the author rounded (8%/12 as 0.0067) is none of them. This module knows nothing of SymPy.
"""
from __future__ import annotations

import re
from fractions import Fraction

from lintmath.independence import prose_sentences

KIND = "money"  # the kind of a ContextItem giving the rates (lhs, comma-separated fractions) a passage states
REACH = 40  # a worked example or two: a chapter further on may measure what it computes with

#: the units of money, as the parser reads a currency's mark before an amount (see parser.CURRENCY_MARKS)
UNITS = frozenset({"dollar", "pound", "euro", "yen"})

# a rate or an amount: 3\%, 3 per cent, \$500, £20, \pounds, €, \euro
_AMOUNT = re.compile(r"\\%|\bper\s*cent\b|\bpercent|\\\$|£|\\pounds|\\textsterling|€|\\euro|\\texteuro")
_FINANCE = re.compile(r"\b(?:interest|compound(?:ed|ing)?|per\s+annum|p\.\s*a\.|annual(?:ly)?|discount(?:s|ed|ing)?|"
                      r"loans?|mortgages?|annuit(?:y|ies)|deposits?|invest(?:s|ed|ing|ments?)?|principal|VAT|tax(?:es)?|"
                      r"prices?|profits?|revenues?|depreciat\w*|inflation|mark-?ups?|margins?|NPV|IRR|present\s+value|"
                      r"future\s+value|bonds?|coupons?|repa(?:y|id|yments?)|salar(?:y|ies)|wages?|dividends?|returns?|"
                      r"growth|savings?|balances?|fees?|costs?)\b", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:\\%|\\,?\s*per\s*cent\b|percent\b)", re.IGNORECASE)
# a decimal rate the sentence gives (``$i = 0.005$``, ``$r = 0.06$``): of two significant digits and three
# places at most, as rates are quoted (0.0067 is 8%/12 rounded), not part of a longer number
_DECIMAL = re.compile(r"(?<![\d.,])0\.(?=0{0,2}[1-9])\d{1,3}(?![\d.,])")
# a sentence that rounds what it gives (``$i \approx 0.0067$``): its decimals are no exact rates
_ROUNDS = re.compile(r"\\approx|\\simeq|≈|\bapprox|\brounded\b|\babout\b|\bnearly\b", re.IGNORECASE)
_LARGEST = Fraction(1, 2)  # a larger decimal is more likely a share or a probability than a rate


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, frozenset[str], bool]]:
    """(line, rates, continues) for every sentence of the prose of ``lines`` that writes a percentage or
    an amount of money beside a word of finance and states a rate: its percentages as fractions (``3/100``)
    and its decimals up to 1/2 (``continues``: the sentence opens in lowercase). A sentence that rounds
    (``\\approx``, "about") states no exact rate."""
    out = []
    for line, sentence in prose_sentences(lines):
        if not (_AMOUNT.search(sentence) and _FINANCE.search(sentence)):
            continue
        if _ROUNDS.search(sentence):
            continue
        rates = {Fraction(m.group(1)) / 100 for m in _PERCENT.finditer(sentence) if quoted(m.group(1))}
        rates |= {Fraction(m.group(0)) for m in _DECIMAL.finditer(sentence) if len(m.group(0)[2:].lstrip("0")) <= 2}
        rates = {r for r in rates if 0 < r <= _LARGEST}
        if rates:
            out.append((line, frozenset(str(r) for r in rates), sentence.lstrip()[:1].islower()))
    return out


def quoted(percent: str) -> bool:
    """Whether a percentage has the digits of a quoted rate (3, 3.5, 8.25, 17.5): an effective rate worked
    out and rounded (12.68) is stated to more, and the factor the notes write of it is rounded too."""
    return len(percent.replace(".", "").strip("0")) <= 3


def rates_of(items: tuple) -> frozenset[Fraction]:
    """The rates the items of KIND among ``items`` (ContextItems) state."""
    return frozenset(Fraction(rate) for item in items if item.kind == KIND for rate in item.lhs.split(",") if rate)
