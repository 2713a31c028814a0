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
    "poisson": ("Poisson", "Pois", "Poi", "Po"),
    "binomial": ("Bin", "Binomial", "Binom"),
    "bernoulli": ("Bernoulli", "Bern", "Ber"),
    "normal": ("N", "Normal"),
    "uniform": ("U", "Unif", "Uniform"),
}
_STYLED = (r"(?:\\(?:mathrm|text|textrm|operatorname|mathcal|mathsf|textsf)\s*"
           r"(?:\{\s*(?P<styled>[A-Za-z]+)\s*\}|(?P<letterstyled>[A-Z])(?![A-Za-z]))"
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
            styled = match.group("styled") or match.group("letterstyled")
            name = styled or match.group("plain")
            family = family_of(name, styled is not None)
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


_E = r"(?:\\mathbb\s*\{\s*E\s*\}|\\operatorname\s*\{\s*E\s*\}|\\mathrm\s*\{\s*E\s*\}|(?<![\\A-Za-z])E)"
_VAR = (r"(?:\\operatorname\s*\{\s*Var\s*\}|\\mathrm\s*\{\s*Var\s*\}|\\text\s*\{\s*Var\s*\}"
        r"|\\mathbb\s*\{\s*V\s*\}|\\Var|(?<![\\A-Za-z])Var)")
_P = r"(?:\\mathbb\s*\{\s*P\s*\}|\\Pr|\\operatorname\s*\{\s*P\s*\}|\\mathrm\s*\{\s*P\s*\}|(?<![\\A-Za-z])P)"
_OPEN = r"\s*(?:\\left\s*|\\[bB]igg?l?\s*)?(?:\[|\()\s*"
_CLOSE = r"\s*(?:\\right\s*|\\[bB]igg?r?\s*)?(?:\]|\))"


def rewritten(text: str, stated: dict[str, str]) -> str:
    """``text`` with E[X], E[X^2], E[e^{tX}], Var(X), P(X = k) and M_X(t) of each letter of ``stated``
    written as its distribution gives them; unchanged where none occurs."""
    for letter, spec in stated.items():
        family, *params = spec.split("|")
        _, mean, variance, mass, mgf = _FAMILIES[family]
        x = re.escape(letter)
        text = re.sub(_E + _OPEN + x + _CLOSE, lambda m: _filled(mean, params), text)
        # \\mathbb{E} X without brackets, where nothing (a power, an index) binds to the letter
        text = re.sub(_E + r"\s*(?:\\,\s*)?" + x + r"(?![A-Za-z_^\\'])", lambda m: _filled(mean, params), text)
        # the second moment is the variance and the squared mean, whatever the family
        square = r"\left(" + _filled(variance, params) + " + " + _filled(mean, params) + r"^2\right)"
        text = re.sub(_E + _OPEN + x + r"\s*\^\s*(?:2|\{\s*2\s*\})" + _CLOSE, lambda m: square, text)
        if mgf is not None:
            # E[e^{tX}] is the moment generating function at t, written by its definition
            text = re.sub(_E + _OPEN + r"(?:e\s*\^|\\exp\s*(?:\\left\s*)?\()\s*\{?\s*(?P<t>[A-Za-z0-9]+)\s*(?:\\,\s*)?"
                          + x + r"\s*\}?\s*(?:\\right\s*)?\)?" + _CLOSE,
                          lambda m: _filled(mgf, params, t=m.group("t")), text)
        text = re.sub(_VAR + _OPEN + x + _CLOSE, lambda m: _filled(variance, params), text)
        if mass is not None:
            text = re.sub(_P + _OPEN + x + r"\s*=\s*(?P<k>[A-Za-z0-9]+)" + _CLOSE,
                          lambda m: _filled(mass, params, k=m.group("k")), text)
        if mgf is not None:
            text = re.sub(r"M_\s*(?:\{\s*" + x + r"\s*\}|" + x + r")" + _OPEN + r"(?P<t>[A-Za-z0-9]+)" + _CLOSE,
                          lambda m: _filled(mgf, params, t=m.group("t")), text)
    return text


# a law written in the step itself: in the subscript of an expectation or a variance
# (``\mathbb{E}_{X \sim \mathcal{N}(0, 1)}[X^2]``), or in a note closing the row (``\quad X \sim \mathrm{Poi}(\lambda)``)
# a random letter: a Latin one, or a Greek one as a prior's parameter is written (\\theta \\sim \\mathcal{N}(0, \\tau^2))
_GREEK = r"\\(?:alpha|beta|gamma|delta|eta|theta|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|phi|chi|psi|omega)(?![A-Za-z])"
_LAW = (r"(?<![_\\A-Za-z])(?P<letter>[A-Za-z](?![A-Za-z])|" + _GREEK + r")\s*\\sim\s*" + _STYLED +
        r"\s*(?:\\left\s*|\\[bB]ig+[lr]?\s*)?[(\[]\s*(?P<args>[^()\[\]]*(?:\([^()]*\)[^()\[\]]*)*?)\s*"
        r"(?:\\right\s*|\\[bB]ig+[lr]?\s*)?[)\]]")
_SUBSCRIPT_LAW = re.compile(r"(?P<op>" + _E + "|" + _VAR + r")\s*_\s*\{\s*" + _LAW + r"\s*\}")
# (a note is set off by a comma or a quad: a thin space may join a product, Y = a\\, X \\sim N(0, 1))
_NOTE_LAW = re.compile(r"(?:\s*[,;]\s*(?:\\[,;:!]|\\q?quad|~|\s)*|\s*(?:\\q?quad\s*)+)"
                       r"(?:\\text\s*\{\s*(?:where|for|with|if)\s*\}\s*)?"
                       r"(?:\(\s*)?" + _LAW + r"\s*(?:\)\s*)?[.,;]?\s*$")


def _law(match: re.Match) -> tuple[str, str] | None:
    styled = match.group("styled") or match.group("letterstyled")
    name = styled or match.group("plain")
    family = family_of(name, styled is not None)
    if family is None:
        return None
    args = _arguments(match.group("args"))
    if len(args) != _FAMILIES[family][0] or not all(args):
        return None
    return match.group("letter"), "|".join([family, *args])


def written_in(lhs: str, rhs: str) -> tuple[str, str, dict[str, str], dict[str, str]] | None:
    """The sides with the laws they write of their letters taken out, and the laws (letter: spec as
    statements_of gives it) each side's letters follow: a law under an expectation holds on its side,
    one beside the row on both. None where no law is written that is read, a side gives a letter two
    laws, or a law is of a family not read (``x \\sim p``)."""
    notes: list[tuple[str, str]] = []
    scoped: list[list[tuple[str, str]]] = [[], []]
    unread = False

    def subscript(match: re.Match, found: list[tuple[str, str]]) -> str:
        nonlocal unread
        law = _law(match)
        if law is None:
            unread = True
            return match.group(0)
        found.append(law)
        return match.group("op")

    sides = []
    for index, side in enumerate((lhs, rhs)):
        side = _SUBSCRIPT_LAW.sub(lambda m: subscript(m, scoped[index]), side)
        note = _NOTE_LAW.search(side)
        if note is not None:
            law = _law(note)
            if law is None:
                unread = True
            else:
                notes.append(law)
                side = side[:note.start()]
        sides.append(side)
    if unread or not (notes or scoped[0] or scoped[1]):
        return None
    laws = []
    for found in scoped:
        pairs = set(found) | set(notes)
        if len({letter for letter, _ in pairs}) != len(pairs):
            return None
        laws.append(dict(pairs))
    # a letter whose law only one side writes follows it on the other side too
    # (E_{X ~ N(0, 1)}[X^2] = Var(X) + (E X)^2 is of one X)
    return sides[0], sides[1], {**laws[1], **laws[0]}, {**laws[0], **laws[1]}


def subscript_laws(text: str) -> list[str]:
    """The laws written under the expectations and variances of ``text``, of any family, read or not
    (``\\mathbb{E}_{X \\sim \\mathrm{Exp}(2)}``), as written with the spaces taken out."""
    return sorted(re.sub(r"\s+", "", match.group(0)[len(match.group("op")):])
                  for match in _SUBSCRIPT_LAW.finditer(text))


def laws_in(lines: tuple[str, ...] | list[str]) -> dict[str, str]:
    """The laws the other lines of a chain write of their letters (under an expectation or beside a
    row); none where a letter is given two, or a law written is not read."""
    found: set[tuple[str, str]] = set()
    for line in lines:
        written = written_in(line, "")
        if written is not None:
            found |= set(written[2].items())
        elif "\\sim" in line and _SUBSCRIPT_LAW.search(line) is not None:
            return {}
    if len({letter for letter, _ in found}) != len(found):
        return {}
    return dict(found)


def other_readings(laws: dict[str, str]) -> list[dict[str, str]]:
    """The laws as other notes would mean them where a family's parameters are written two ways: the
    normal law with its standard deviation second (N(0, \\sigma)) rather than its variance."""
    if not any(spec.startswith("normal|") for spec in laws.values()):
        return []
    return [{letter: (f"normal|{spec.split('|')[1]}|({spec.split('|')[2]})^2" if spec.startswith("normal|") else spec)
             for letter, spec in laws.items()}]


def deviation_possible(laws: dict[str, str]) -> bool:
    """Whether a normal law's second parameter may be its standard deviation: it is written neither as a
    square (``\\sigma^2``) nor as 1, where both readings agree."""
    return any(spec.startswith("normal|") and spec.split("|")[2].strip() != "1"
               and not re.search(r"\^\s*(?:2|\{\s*2\s*\})\s*$", spec.split("|")[2].strip())
               for spec in laws.values())


def resolved(text: str, laws: dict[str, str]) -> bool:
    """Whether ``text`` (a side with the moments written in) no longer names a letter of ``laws``: every
    quantity of the random letter was one the laws give."""
    return not any(re.search(r"(?<![\\A-Za-z])" + re.escape(letter) + r"(?![A-Za-z])", text) for letter in laws)
