"""\\Phi as the standard normal CDF, as the prose states it.

Statistics notes write ``1 - \\Phi(2.3) = 0.0107`` and ``\\Phi(-z) = 1 - \\Phi(z)``, which lintmath verifies with
\\Phi read as the standard normal CDF whatever the prose says (check._verified_with_normal_cdf); but other
notes name a potential or a flux \\Phi, so a step that fails with the CDF is refuted only under a sentence
that says which \\Phi is meant: ``where $\\Phi$ is the standard normal CDF``, ``$P(Z \\le z) = \\Phi(z)$ for $Z
\\sim N(0, 1)$``. A sentence that negates (``not``) states nothing. This module knows nothing of SymPy.
"""
from __future__ import annotations

import re

from lintmath.independence import prose_sentences

KIND = "normalcdf"  # the kind of a ContextItem stating that \Phi is the standard normal CDF
REACH = 400  # a chapter of worked examples: a \Phi reused chapters later may be another quantity

_PHI = re.compile(r"\\Phi(?![A-Za-z])")
# the standard normal named in words or as N(0, 1) (\mathcal{N}(0,1) too)
_NORMAL = re.compile(r"\bstandard(?:ised|ized)?\s+normal\b|\bnormal\s+(?:cdf|c\.d\.f|distribution\s+function|"
                     r"cumulative|table)|\bN\s*\}?\s*(?:\\left\s*)?\(\s*0\s*,\s*1\s*(?:\\right\s*)?\)", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|nor|unlike)\b|n't\b", re.IGNORECASE)


# a sentence that gives \Phi another meaning: a physical quantity named beside it, or \Phi said to be one
_OTHER = re.compile(r"\b(?:flux|potential|phase|work\s+function|stream\s+function|angle|field|wave\s*function"
                    r"|totient|golden|porosity|quantum\s+yield|heat\s+flow|power|velocity)\b", re.IGNORECASE)
_STATISTICS = re.compile(r"\b(?:cdf|c\.d\.f|distribution|normal|gaussian|probabilit|table|z-?scores?|quantile)",
                         re.IGNORECASE)


# Q named as another quantity than the Gaussian tail of communications notes (check._verified_with_gaussian_tail):
# the charge on a capacitor, a heat, the quality factor, the action value of reinforcement learning, a quadratic
# form, the partition function, a flow rate. Q(0) = 1/2 and Q(-t) = 1 - Q(t) hold for the tail alone.
OTHER_Q_KIND = "otherq"  # the kind of a ContextItem stating that Q is another quantity than the Gaussian tail
_Q = re.compile(r"(?<![\\A-Za-z])Q(?![A-Za-z])")
_Q_OTHER = re.compile(r"\b(?:charges?|heat|quality\s+factor|action[- ]values?|q[- ]values?|quadratic|partition"
                      r"\s+function|flow\s+rate|discharge|reactive|capacitor|thermodynamic|reaction\s+quotient"
                      r"|costs?)\b", re.IGNORECASE)
_Q_TAIL = re.compile(r"\b(?:tail|q[- ]?functions?|gaussian|normal|erfc|error\s+(?:function|probabilit)|snr)",
                     re.IGNORECASE)


def other_qs_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, bool]]:
    """(line, continues) for every sentence of the prose of ``lines`` that writes Q as another quantity than
    the Gaussian tail (``the charge $Q(t)$ on the capacitor``), naming no tail beside it."""
    return [(line, sentence.lstrip()[:1].islower()) for line, sentence in prose_sentences(lines)
            if _Q.search(sentence) and _Q_OTHER.search(sentence) and not _Q_TAIL.search(sentence)]


def endings_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, bool]]:
    """(line, continues) for every sentence of the prose of ``lines`` that writes \\Phi as another quantity
    (``the flux $\\Phi$ through the loop``): below it, a statement above no longer says which \\Phi is meant."""
    return [(line, sentence.lstrip()[:1].islower()) for line, sentence in prose_sentences(lines)
            if _PHI.search(sentence) and _OTHER.search(sentence) and not _STATISTICS.search(sentence)]


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, bool]]:
    """(line, continues) for every sentence of the prose of ``lines`` that writes \\Phi beside the standard
    normal (``continues``: the sentence opens in lowercase, a clause explaining the display above)."""
    return [(line, sentence.lstrip()[:1].islower()) for line, sentence in prose_sentences(lines)
            if _PHI.search(sentence) and _NORMAL.search(sentence) and not _NEGATED.search(sentence)]
