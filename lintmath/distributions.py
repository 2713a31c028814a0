"""Distributions stated in the prose: ``Let $X \\sim \\mathrm{Poisson}(\\lambda)$``, ``$Y \\sim N(\\mu, \\sigma^2)$``,
``$Z \\sim \\mathrm{Bin}(n, p)$``. A later step's E[X], Var(X), P(X = k) and M_X(t) are then the distribution's
mean, variance, mass function and moment generating function, which the lowering cannot know (it reads
E of a letter as the mean of a generic random variable).

The reading only verifies (see check._with_distributions): a step left unverified is decided again with
those quantities written in, and kept only where that verifies it. A slip (Var(X) = \\lambda^2) stays
unverified: the parametrisation of the notes (N(\\mu, \\sigma) with the deviation, a rate or a scale) is
theirs, and a refutation would have to be certain of it. Only families whose parameters every text
writes alike are read (Poisson, binomial, Bernoulli, normal with its variance second, uniform on an
interval); the exponential and geometric laws (rate or scale, from 0 or 1) are not."""
from __future__ import annotations

import re

KIND = "distribution"
REACH = 40  # lines below its sentence that a stated distribution holds for (one worked example)

# the names each family is written with, and what its mean, variance, mass function at k and moment
# generating function at t are in its parameters #1, #2 (None: not written in)
_FAMILIES: dict[str, tuple[int, str, str, str | None, str | None]] = {
    "poisson": (1, "#1", "#1", r"\frac{(#1)^{#k} e^{-(#1)}}{(#k)!}", r"e^{(#1)(e^{#t} - 1)}"),
    "binomial": (2, "(#1)(#2)", "(#1)(#2)(1 - (#2))", r"\binom{#1}{#k} (#2)^{#k} (1 - (#2))^{(#1) - (#k)}",
                 r"(1 - (#2) + (#2) e^{#t})^{#1}"),
    "bernoulli": (1, "#1", "(#1)(1 - (#1))", None, r"(1 - (#1) + (#1) e^{#t})"),
    "normal": (2, "#1", "#2", None, r"e^{(#1)(#t) + \frac{(#2)(#t)^2}{2}}"),
    "uniform": (2, r"\frac{(#1) + (#2)}{2}", r"\frac{((#2) - (#1))^2}{12}", None, None),
}
_NAMES = {
    "poisson": ("Poisson", "Pois", "Po"),
    "binomial": ("Bin", "Binomial", "Binom"),
    "bernoulli": ("Bernoulli", "Bern", "Ber"),
    "normal": ("N", "Normal"),
    "uniform": ("U", "Unif", "Uniform"),
}
_STYLED = (r"(?:\\(?:mathrm|text|textrm|operatorname|mathcal|mathsf|textsf)\s*\{\s*(?P<styled>[A-Za-z]+)\s*\}"
           r"|(?P<plain>[A-Za-z]+))")
_STATED = re.compile(r"\$\s*(?P<letter>[A-Za-z])\s*\\sim\s*" + _STYLED +
                     r"\s*(?:\\left)?\(\s*(?P<args>[^$]*?)\s*(?:\\right)?\)\s*[.,;]?\s*\$")


def family_of(name: str, styled: bool) -> str | None:
    """The family a name after \\sim writes (``\\mathrm{Poisson}``, ``N``, ``\\mathcal{N}``); None for another
    name. A plain capital other than N (``U``) is read only styled, where it cannot be a letter."""
    for family, names in _NAMES.items():
        if name in names and (styled or len(name) > 1 or name == "N"):
            return family
    return None


def _arguments(text: str) -> list[str]:
    """The parameters written between the brackets, split at the commas outside braces and brackets."""
    out, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "{(["
        depth -= ch in "})]"
        if ch == "," and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    out.append(current.strip())
    return out


def statements_of(lines: tuple[str, ...] | list[str]) -> list[tuple[int, str, str]]:
    """(line, letter, "family|param|param") for each distribution the prose states of a letter."""
    out = []
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("%"):
            continue
        for match in _STATED.finditer(line):
            name = match.group("styled") or match.group("plain")
            family = family_of(name, match.group("styled") is not None)
            if family is None:
                continue
            args = _arguments(match.group("args"))
            if len(args) != _FAMILIES[family][0] or not all(args) or any("|" in a or "$" in a for a in args):
                continue
            out.append((number, match.group("letter"), "|".join([family, *args])))
    return out


def _filled(template: str, params: list[str], **at: str) -> str:
    text = template
    for k, param in enumerate(params, 1):
        text = text.replace(f"#{k}", param)
    for key, value in at.items():
        text = text.replace(f"#{key}", value)
    return r"\left(" + text + r"\right)"


_E = r"(?:\\mathbb\s*\{\s*E\s*\}|\\operatorname\s*\{\s*E\s*\}|\\mathrm\s*\{\s*E\s*\}|E)"
_VAR = (r"(?:\\operatorname\s*\{\s*Var\s*\}|\\mathrm\s*\{\s*Var\s*\}|\\text\s*\{\s*Var\s*\}"
        r"|\\mathbb\s*\{\s*V\s*\}|\\Var|Var)")
_P = r"(?:\\mathbb\s*\{\s*P\s*\}|\\Pr|\\operatorname\s*\{\s*P\s*\}|\\mathrm\s*\{\s*P\s*\}|P)"
_OPEN = r"\s*(?:\\left\s*)?(?:\[|\()\s*"
_CLOSE = r"\s*(?:\\right\s*)?(?:\]|\))"


def rewritten(text: str, stated: dict[str, str]) -> str:
    """``text`` with E[X], Var(X), P(X = k) and M_X(t) of each letter of ``stated`` written as its
    distribution gives them; unchanged where none occurs."""
    for letter, spec in stated.items():
        family, *params = spec.split("|")
        _, mean, variance, mass, mgf = _FAMILIES[family]
        x = re.escape(letter)
        text = re.sub(_E + _OPEN + x + _CLOSE, lambda m: _filled(mean, params), text)
        text = re.sub(_VAR + _OPEN + x + _CLOSE, lambda m: _filled(variance, params), text)
        if mass is not None:
            text = re.sub(_P + _OPEN + x + r"\s*=\s*(?P<k>[A-Za-z0-9]+)" + _CLOSE,
                          lambda m: _filled(mass, params, k=m.group("k")), text)
        if mgf is not None:
            text = re.sub(r"M_\s*(?:\{\s*" + x + r"\s*\}|" + x + r")" + _OPEN + r"(?P<t>[A-Za-z0-9]+)" + _CLOSE,
                          lambda m: _filled(mgf, params, t=m.group("t")), text)
    return text
