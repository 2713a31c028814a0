"""Units in SI base units: ``50\\,\\mathrm{MPa}`` as ``50 \\cdot 10^{6}\\,\\mathrm{kg\\,m^{-1}\\,s^{-2}}``, so that a
step written in two scales of one quantity (kN and MPa, km/h and m/s, h and min) can be compared.

A unit word is a prefix and a unit of the table below, each an exact decimal times base units. Units
whose size is a convention (the calorie, the pound, the decibel, bits) are left out, and so
is any name not read in full: the step then keeps its units as written (see check._unit_reading). The
radian and the volt-ampere keep units of their own (``rad``, ``VA``), as rad/s and Hz, or kVA and kW,
are not one quantity written twice; so do the year, the parsec and the light year, whose sizes in
seconds and metres are conventions or no decimals, and of which only the multiples (Gyr, kpc) convert."""
from __future__ import annotations

import re
from fractions import Fraction

from lintmath.parse import nodes as n

# a unit: its size as (mantissa, power of ten) and its base units with their powers (named in words
# where the symbol is a capital, which a power -1 would make a matrix's inverse)
_UNITS: dict[str, tuple[tuple[int, int], dict[str, int]]] = {
    "m": ((1, 0), {"m": 1}), "g": ((1, -3), {"kg": 1}), "s": ((1, 0), {"s": 1}), "A": ((1, 0), {"ampere": 1}),
    "K": ((1, 0), {"kelvin": 1}), "mol": ((1, 0), {"mol": 1}),
    "N": ((1, 0), {"kg": 1, "m": 1, "s": -2}), "J": ((1, 0), {"kg": 1, "m": 2, "s": -2}),
    "W": ((1, 0), {"kg": 1, "m": 2, "s": -3}), "Pa": ((1, 0), {"kg": 1, "m": -1, "s": -2}),
    "C": ((1, 0), {"ampere": 1, "s": 1}), "V": ((1, 0), {"kg": 1, "m": 2, "s": -3, "ampere": -1}),
    "Ohm": ((1, 0), {"kg": 1, "m": 2, "s": -3, "ampere": -2}), "ohm": ((1, 0), {"kg": 1, "m": 2, "s": -3, "ampere": -2}),
    "F": ((1, 0), {"kg": -1, "m": -2, "s": 4, "ampere": 2}), "H": ((1, 0), {"kg": 1, "m": 2, "s": -2, "ampere": -2}),
    "T": ((1, 0), {"kg": 1, "s": -2, "ampere": -1}), "Hz": ((1, 0), {"s": -1}),
    "L": ((1, -3), {"m": 3}), "eV": ((1602176634, -28), {"kg": 1, "m": 2, "s": -2}),
    "min": ((60, 0), {"s": 1}), "h": ((3600, 0), {"s": 1}), "hr": ((3600, 0), {"s": 1}),
    **dict.fromkeys(("minute", "minutes", "mins"), ((60, 0), {"s": 1})), "sec": ((1, 0), {"s": 1}),
    **dict.fromkeys(("hour", "hours", "hrs"), ((3600, 0), {"s": 1})),
    # a day is 86400 s exactly (the SI's accepted unit; no leap second enters a lecture's day), a week seven
    **dict.fromkeys(("day", "days"), ((86400, 0), {"s": 1})), **dict.fromkeys(("week", "weeks"), ((604800, 0), {"s": 1})),
    "Wh": ((3600, 0), {"kg": 1, "m": 2, "s": -2}), "Ah": ((3600, 0), {"ampere": 1, "s": 1}),
    "bar": ((1, 5), {"kg": 1, "m": -1, "s": -2}), "atm": ((101325, 0), {"kg": 1, "m": -1, "s": -2}),
    # meteorology's hectopascal and its equal, the millibar written "mb"; a hectare of land
    "hPa": ((1, 2), {"kg": 1, "m": -1, "s": -2}), "mb": ((1, 2), {"kg": 1, "m": -1, "s": -2}),
    "ha": ((1, 4), {"m": 2}),
    "ft": ((3048, -4), {"m": 1}), "rad": ((1, 0), {"radian": 1}), "VA": ((1, 0), {"voltampere": 1}),
    "VAR": ((1, 0), {"reactive voltampere": 1}),
    # the astronomical unit is exact by the IAU's definition (2012); the parsec (648000/pi au), the light
    # year and the year are no exact decimals of SI units, so each is a base unit of its own: only its
    # decimal multiples are converted (10^3 pc = 1 kpc, 13.8 Gyr = 1.38 \times 10^{10} yr), never into m or s
    "AU": ((149597870700, 0), {"m": 1}), "au": ((149597870700, 0), {"m": 1}),
    "pc": ((1, 0), {"parsec": 1}), "ly": ((1, 0), {"light year": 1}), "yr": ((1, 0), {"year": 1}),
    # the molar, a mole per litre (the unit words read only mM, uM, nM, pM: a bare M may be a million)
    "M": ((1, 3), {"mol": 1, "m": -3}),
    # the atomic mass unit is a measured mass, no exact decimal of the kilogram: a base unit of its own,
    # which 931.494 MeV/u times a mass in u cancels; the curie is 3.7 \times 10^{10} becquerel by definition
    "u": ((1, 0), {"dalton": 1}), "Bq": ((1, 0), {"s": -1}), "Ci": ((37, 9), {"s": -1}),
    # the gray and the sievert are both a joule per kilogram, of doses that are not one quantity
    "Gy": ((1, 0), {"gray": 1}), "Sv": ((1, 0), {"sievert": 1}),
}
#: the base units of those units (see above), which no step converts into m or s
CONVENTIONAL_BASES = frozenset({"year", "parsec", "light year"})
_PREFIXES = {"f": -15, "p": -12, "n": -9, "u": -6, "m": -3, "c": -2, "k": 3, "M": 6, "G": 9, "T": 12}
# units no prefix is put on in these notes (a "mh" or "kmin" is no unit)
_UNPREFIXED = {"min", "h", "hr", "atm", "ft", "rad", "K", "AU", "au", "hPa", "mb", "ha", "ly", "u",
               "minute", "minutes", "mins", "sec", "hour", "hours", "hrs", "day", "days", "week", "weeks"}
_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z]+)(?:\s*\^\s*(?:\{\s*(?P<braced>-?\d+)\s*\}|(?P<bare>-?\d)))?"
                    r"|(?P<slash>/)|(?P<dot>\\cdot|\\,|\\;|\\ |~))")


def unit_size(name: str) -> tuple[Fraction, dict[str, int]] | None:
    """The size and base units of a unit's compact name (``kN m``, ``km/h``, ``kJ mol^{-1}``), or None
    when a word of it is not read, or the name is ambiguous: ``m/s/s``, ``J/mol K`` (per mole kelvin,
    or per mole times kelvin)."""
    words = unit_words(name)
    if words is None:
        return None
    size, base = Fraction(1), {}
    for name_, exponent in words:
        word = _word(name_)
        if word is None:
            return None
        (m, p), dims = word
        size *= (Fraction(m) * Fraction(10) ** p) ** exponent
        for key, value in dims.items():
            base[key] = base.get(key, 0) + value * exponent
    return size, {k: v for k, v in base.items() if v}


def unit_words(name: str) -> list[tuple[str, int]] | None:
    """The words of a unit's compact name with their powers (``MeV/u`` as MeV and u^{-1}, ``kJ mol^{-1}``),
    or None where the name is not read or is ambiguous (see unit_size)."""
    out: list[tuple[str, int]] = []
    at, inverted = 0, False
    if name.count("/") > 1 or ("/" in name and len(re.findall(r"[A-Za-z]+", name.split("/", 1)[1])) > 1):
        return None
    while at < len(name):
        match = _TOKEN.match(name, at)
        if match is None or match.end() == at:
            if name[at:].strip():
                return None
            break
        at = match.end()
        if match.group("slash") or match.group("word") == "per":  # 12 per hour: 12/h
            if inverted:
                return None
            inverted = True
            continue
        if match.group("dot"):
            continue
        exponent = int(match.group("braced") or match.group("bare") or 1) * (-1 if inverted else 1)
        if abs(exponent) > 4:
            return None  # no unit of these notes; and a size of 10^{3 \cdot 99999} is costly to write
        out.append((match.group("word"), exponent))
    return out


def in_unit_words(tree: n.Node) -> n.Node | None:
    """``tree`` with each compound unit written as the product of its words' powers (``931.494\\,\\mathrm{MeV/u}``
    as 931.494 MeV u^{-1}), so that a unit cancels against the same word elsewhere (a mass in u times
    MeV/u is in MeV); None when a unit is not read."""
    failed: list[str] = []

    def split(node: n.Node) -> n.Node | None:
        if not (isinstance(node, n.Sym) and node.style == "unit"):
            return None
        words = unit_words(node.base)
        if not words:
            failed.append(node.base)
            return node
        base: dict[str, int] = {}
        for word, exponent in words:
            # named in words, as the base units are: a capital's power -1 (J/K) would read as an inverse
            key = "unit " + word
            base[key] = base.get(key, 0) + exponent
        return _written(node, Fraction(1), {k: v for k, v in base.items() if v})
    out = n.rebuild(tree, split)
    return None if failed else out


def _word(word: str) -> tuple[tuple[int, int], dict[str, int]] | None:
    if word in _UNITS:
        return _UNITS[word]
    if word[:1] in _PREFIXES and word[1:] in _UNITS and word[1:] not in _UNPREFIXED:
        (m, p), dims = _UNITS[word[1:]]
        return (m, p + _PREFIXES[word[0]]), dims
    return None


def in_base_units(tree: n.Node) -> n.Node | None:
    """``tree`` with each unit written as its size times SI base units, or None when a unit is not read."""
    failed: list[str] = []

    def convert(node: n.Node) -> n.Node | None:
        if not (isinstance(node, n.Sym) and node.style == "unit"):
            return None
        size = unit_size(node.base)
        if size is None:
            failed.append(node.base)
            return node
        return _written(node, *size)
    out = n.rebuild(tree, convert)
    return None if failed else out


def _written(at: n.Node, size: Fraction, base: dict[str, int]) -> n.Node:
    """The size (a fraction of integers times a power of ten) and the base units, as nodes at ``at``'s
    place."""
    s, e = at.start, at.end
    numerator, power = _decimal(size.numerator)
    denominator, less = _decimal(size.denominator)
    factors: list[n.Node] = [n.Num(s, e, str(numerator))]
    if power - less:
        factors.append(n.Pow(s, e, n.Num(s, e, "10"), _integer(at, power - less)))
    for key, value in sorted(base.items()):
        unit: n.Node = n.Sym(s, e, key, "unit")
        if value != 1:
            unit = n.Pow(s, e, unit, _integer(at, value))
        factors.append(unit)
    product: n.Node = factors[0] if len(factors) == 1 else n.Mul(s, e, tuple(factors), True,
                                                                 tuple("\\cdot" for _ in factors[1:]))
    if denominator != 1:
        product = n.Div(s, e, product, n.Num(s, e, str(denominator)))
    return n.Paren(s, e, product, "(")


def _decimal(value: int) -> tuple[int, int]:
    """``value`` as an integer and the power of ten it was divided by (3000 as 3 and 3)."""
    power = 0
    while value and value % 10 == 0:
        value //= 10
        power += 1
    return value, power


def _integer(at: n.Node, value: int) -> n.Node:
    number: n.Node = n.Num(at.start, at.end, str(abs(value)))
    return n.Add(at.start, at.end, (n.Term(at.start, at.end, "-", number),)) if value < 0 else number
