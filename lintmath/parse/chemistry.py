"""Chemical formulas as names: ``[\\mathrm{H^+}]``, ``[\\mathrm{NH_3}]^2``, ``[\\ce{Zn^2+}]``.

A species inside a concentration's brackets (or a pressure's subscript) is a label, as a multi-letter
upright name is: ``[\\mathrm{H^+}][\\mathrm{OH^-}] = K_w`` is an equation between two numbers. Its scripts
(counts, a charge) belong to the name, not to arithmetic, so the formula is read whole as one name,
written the same whichever markup wrote it (``\\mathrm{Zn^{2+}}`` and ``\\ce{Zn^2+}`` are one species).
"""
from __future__ import annotations

import re

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")

#: an element symbol, a bracket of a group ((OH)_2), and a count after either: _2, _{2}, or (mhchem) 2
_PART = re.compile(r"([A-Z][a-z]?|[()])(?:_\{(\d+)\}|_(\d)|(\d+))?")
#: the charge that ends a formula: ^+, ^{2+}, ^{-}, ^{+2}, and in mhchem also a bare + or 2+
_CHARGE = re.compile(r"\^\{?(?:(\d*)([+-])|([+-])(\d+))\}?$")
_BARE_CHARGE = re.compile(r"(\d*)([+-])$")
#: the elements: an uncharged formula names a species only if every symbol is one (\mathrm{T_1} is a label
#: of another kind, read nowhere else as this name)
ELEMENTS = frozenset("""H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge
As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm
Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr""".split())


def formula_name(word: str, mhchem: bool = False) -> str | None:
    """The name of the species that ``word`` (a group's text without spaces) writes, counts and charge
    in Unicode (``NH₃``, ``Zn²⁺``), or None where it is no plain formula (a reaction, a lowercase word,
    a count in \\mathrm written without ``_``: H2O there is a word like any other; an uncharged formula
    with a letter no element is)."""
    charge = ""
    match = _CHARGE.search(word) or (_BARE_CHARGE.search(word) if mhchem else None)
    if match is not None:
        if len(match.groups()) == 4:
            digits, sign = (match.group(1), match.group(2)) if match.group(2) else (match.group(4), match.group(3))
        else:
            digits, sign = match.group(1), match.group(2)
        charge = ("" if digits in ("", "1") else digits).translate(_SUP) + sign.translate(_SUP)
        word = word[: match.start()]
    name, at, depth, elements = "", 0, 0, True
    while at < len(word):
        part = _PART.match(word, at)
        if part is None:
            return None
        symbol, count = part.group(1), part.group(2) or part.group(3) or part.group(4) or ""
        if part.group(4) and not mhchem:
            return None
        if symbol == "(":
            depth += 1
        elif symbol != ")":
            elements = elements and symbol in ELEMENTS
        elif symbol == ")":
            depth -= 1
        if depth < 0 or count and symbol == "(":
            return None
        name += symbol + count.translate(_SUB)
        at = part.end()
    if depth or not re.search(r"[A-Z]", name) or not (charge or elements):
        return None
    return name + charge
