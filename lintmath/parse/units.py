"""Physical units: siunitx's commands (``\\SI{9.81}{\\metre\\per\\second\\squared}``, ``\\qty{5}{\\m}``,
``\\num{6.02e23}``, ``\\si{\\kilo\\joule}``, ``\\unit{m/s}``) and the units a step writes upright after a
number (``298.15\\,\\mathrm{K}``, ``3\\,\\text{m/s}``), read as opaque positive factors.

A unit is a symbol of style ``"unit"`` named by its compact text, which no letter of the step can be
(``\\mathrm{m}`` is metres, ``m`` the mass). How a step with units is compared is check.py's (see
``_unit_reading`` and ``_units_uncompared`` there): units are compared as written, never converted
(5 cm = 0.05 m is left unread)."""

from __future__ import annotations

import re
from dataclasses import replace

from lintmath.parse import nodes as n
from lintmath.parse.tokens import ParseFailure, Token, read_group

#: The command a unit becomes in the token stream; the parser reads it as ``Sym(name, "unit")``.
UNIT_MARK = "\\lintmathunit"
#: siunitx's commands: a quantity (a number and a unit), a number, a unit alone.
QUANTITY_COMMANDS = {"\\SI", "\\qty"}
NUMBER_COMMANDS = {"\\num"}
UNIT_COMMANDS = {"\\si", "\\unit"}
SIUNITX = QUANTITY_COMMANDS | NUMBER_COMMANDS | UNIT_COMMANDS
# a number as siunitx takes it: 6.02e23, -1.5E-3, .5 (a decimal comma or an uncertainty is not read)
_NUMBER = re.compile(r"([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?")


def unit_token(name: str, start: int, end: int, spaced: bool = False) -> Token:
    """The one token that stands for a unit named ``name`` (its compact text)."""
    return Token("cmd", f"{UNIT_MARK}{{{name}}}", start, end, spaced)


def unit_name(token: Token) -> str | None:
    """The unit's name if ``token`` stands for a unit (see ``unit_token``), else None."""
    if token.kind != "cmd" or not token.text.startswith(UNIT_MARK):
        return None
    return token.text[len(UNIT_MARK) + 1:-1]


def compact(tokens: list[Token]) -> str:
    """The text of ``tokens`` as one name, a space where the source had a gap (``kJ mol^{-1}``)."""
    out = ""
    for k, tok in enumerate(tokens):
        # a macro's tokens all carry its span: there the gap is the space command dropped before it
        if k and (tok.start != tokens[k - 1].end and tok.start != tokens[k - 1].start
                  or tok.spaced and tok.start == tokens[k - 1].start):
            out += " "
        out += tok.text
    return out


def siunitx_commands(tokens: list[Token]) -> list[Token]:
    """The tokens with siunitx's commands rewritten: ``\\num{6.02e23}`` as ``{6.02 \\times 10^{23}}``,
    ``\\SI{3}{\\m}`` as ``{3 <unit>}``, ``\\si{\\m}`` as ``<unit>``. The physics package's ``\\qty(x)``
    (one argument, or a delimiter) is left to package_commands."""
    if not any(t.kind == "cmd" and t.text in SIUNITX for t in tokens):
        return tokens  # most lines: nothing to rebuild
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind != "cmd" or t.text not in SIUNITX or not _braced(tokens, i + 1, t.text):
            out.append(t)
            i += 1
            continue
        i = _skip_options(tokens, i + 1)
        first, i = read_group(tokens, i)
        if t.text in UNIT_COMMANDS:
            out.append(_unit(first, t))
            continue
        number = _number_tokens(first, t)
        if t.text in NUMBER_COMMANDS:
            out += number
            continue
        i = _skip_options(tokens, i)
        unit, i = read_group(tokens, i)
        out += [Token("open", "{", t.start, t.end, t.spaced), *number, _unit(unit, t), Token("close", "}", t.start, t.end)]
    return out


def _braced(tokens: list[Token], i: int, command: str) -> bool:
    """Whether siunitx's ``command`` at ``i - 1`` has its braced arguments (two for a quantity), options
    in square brackets allowed before each; ``\\qty{x}`` alone is the physics package's bracket."""
    groups = 2 if command in QUANTITY_COMMANDS else 1
    for _ in range(groups):
        i = _skip_options(tokens, i)
        if i >= len(tokens) or tokens[i].kind != "open":
            return False
        try:
            _, i = read_group(tokens, i)
        except ParseFailure:
            return False
    return True


def _skip_options(tokens: list[Token], i: int) -> int:
    """The index after siunitx's optional ``[...]`` at ``i`` (its settings say nothing of the value)."""
    if i < len(tokens) and tokens[i].text == "[":
        while i < len(tokens) and tokens[i].text != "]":
            i += 1
        return i + 1
    return i


# siunitx's unit macros by the symbol they print, so that \SI{3}{\kilo\joule\per\mole} and
# 3\,\mathrm{kJ/mol} name one unit (a spelling not known keeps its own text: another unit, never compared)
_SI_PREFIXES = {"\\pico": "p", "\\nano": "n", "\\micro": "u", "\\milli": "m", "\\centi": "c", "\\kilo": "k",
                "\\mega": "M", "\\giga": "G"}
_SI_UNITS = {
    "\\meter": "m", "\\metre": "m", "\\second": "s", "\\gram": "g", "\\kilogram": "kg", "\\ampere": "A",
    "\\kelvin": "K", "\\mole": "mol", "\\newton": "N", "\\joule": "J", "\\watt": "W", "\\pascal": "Pa",
    "\\volt": "V", "\\coulomb": "C", "\\farad": "F", "\\henry": "H", "\\tesla": "T", "\\hertz": "Hz",
    "\\ohm": "Ohm", "\\radian": "rad", "\\litre": "L", "\\liter": "L", "\\electronvolt": "eV",
    "\\minute": "min", "\\hour": "h", "\\molar": "M", "\\Molar": "M",
    **{f"\\{a}": a for a in ("m", "s", "g", "kg", "km", "cm", "mm", "nm", "J", "kJ", "N", "kN", "W", "kW", "Hz", "kHz",
                              "MHz", "V", "mV", "kV", "A", "mA", "Pa", "kPa", "MPa", "mol", "K", "ms", "ns", "L", "mL",
                              "eV", "keV", "MeV", "GeV", "mg", "us", "um", "uF", "nF", "pF", "mH", "GHz")},
}
_SI_POWERS = {"\\squared": "^2", "\\cubed": "^3"}


# the micro sign a step writes before an upright unit (8\\,\\mu\\text{M}, 3\\,\\mu\\mathrm{m})
MICRO_SIGNS = {"\\mu", "\\upmu", "\\micro", "\\textmu"}
_UPRIGHT = {"\\text", "\\textrm", "\\mathrm", "\\mbox", "\\textnormal", "\\textup"}
_SPACING = {"\\,", "\\;", "\\:", "\\ ", "~", "\\thinspace"}


def micro_units(tokens: list[Token], known: set[str]) -> list[Token]:
    """The tokens with a micro sign and the upright unit after it, after a number (``8\\,\\mu\\text{M}``,
    ``3\\,\\mu\\mathrm{m}``), as one unit token named with siunitx's prefix (uM, um), as
    ``\\SI{8}{\\micro\\molar}`` is: the sign is no letter mu times the unit. Only a word of ``known``
    (PHYSICAL_UNITS) with the prefix; a \\mu not after a number is the letter."""
    if not any(t.kind == "cmd" and t.text in MICRO_SIGNS for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "cmd" and t.text in MICRO_SIGNS and i + 3 < len(tokens) and tokens[i + 1].text in _UPRIGHT \
                and tokens[i + 2].kind == "open":
            k = i + 3
            while k < len(tokens) and tokens[k].kind == "letter":
                k += 1
            word = "".join(x.text for x in tokens[i + 3:k])
            before = next((x for x in reversed(out) if x.text not in _SPACING), None)
            if k < len(tokens) and tokens[k].kind == "close" and word and "u" + word in known \
                    and before is not None and before.kind == "num":
                out.append(unit_token("u" + word, t.start, tokens[k].end, t.spaced))
                i = k + 1
                continue
        out.append(t)
        i += 1
    return out


def _unit(group: list[Token], command: Token) -> Token:
    if not group:
        raise ParseFailure(f"{command.text} without a unit")
    return unit_token(_si_symbols(group) or compact(group), command.start, group[-1].end + 1, command.spaced)


def _si_symbols(group: list[Token]) -> str:
    """``\\kilo\\joule\\per\\mole`` as ``kJ/mol``, ``\\newton\\metre`` as ``N m``; "" for a group with a
    command not in the tables (or none: ``\\si{m/s}`` is its own text)."""
    if not all(t.kind == "cmd" for t in group):
        return ""
    out, prefix = "", ""
    for t in group:
        if t.text in _SI_PREFIXES and not prefix:
            prefix = _SI_PREFIXES[t.text]
        elif t.text in _SI_UNITS:
            out += (" " if out and out[-1] != "/" else "") + prefix + _SI_UNITS[t.text]
            prefix = ""
        elif t.text == "\\per" and not prefix:
            out += "/"
        elif t.text in _SI_POWERS and out and out[-1] != "/" and not prefix:
            out += _SI_POWERS[t.text]
        else:
            return ""
    return "" if prefix or out.endswith("/") else out


def _number_tokens(group: list[Token], command: Token) -> list[Token]:
    """``6.02e23`` as the tokens of ``{6.02 \\times 10^{23}}``, the mantissa where it is written (a repair
    of it points there); a plain number as itself, in braces."""
    found = _NUMBER.fullmatch("".join(t.text for t in group))
    if found is None:
        raise ParseFailure(f"the number of {command.text} is not read")
    exponent = found.group(3)
    opening = Token("open", "{", command.start, command.start, command.spaced)
    if exponent is None:
        return [opening, *group, Token("close", "}", group[-1].end, group[-1].end)]
    mark = next(k for k, t in enumerate(group) if t.text[:1] in "eE")
    start, end = group[mark].start, group[-1].end

    def made(kind: str, text: str) -> Token:
        return Token(kind, text, start, end)
    out = [opening, *group[:mark], made("cmd", "\\times"), made("num", "10"), made("sym", "^"), made("open", "{")]
    if exponent[0] == "-":
        out.append(made("sym", "-"))
    return out + [made("num", exponent.lstrip("+-")), made("close", "}"), made("close", "}")]


def unit_names(tree: n.Node) -> set[str]:
    """The units a side writes, by name."""
    return {x.base for x in tree.walk() if isinstance(x, n.Sym) and x.style == "unit"}


def is_unit(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.style == "unit"


def without_units(tree: n.Node) -> n.Node:
    """``tree`` with its units left out: ``3\\,\\mathrm{m} + 4\\,\\mathrm{m}`` as 3 + 4 (a factor dropped from its
    product, so ``298.15\\,\\mathrm{K}`` stays the lone number whose digits say how it was rounded; a unit
    alone as 1)."""
    return n.rebuild(tree, _drop_unit)


def _drop_unit(node: n.Node) -> n.Node | None:
    if is_unit(node):
        return n.Num(node.start, node.end, "1")
    if not isinstance(node, n.Mul) or not any(_unit_factor(f) for f in node.factors):
        return None  # looked inside
    kept = [(without_units(f), op) for f, op in zip(node.factors, ("", *node.ops)) if not _unit_factor(f)]
    if not kept:
        return n.Num(node.start, node.end, "1")
    if len(kept) == 1:
        return kept[0][0]
    return replace(node, factors=tuple(f for f, _ in kept), ops=tuple(op for _, op in kept[1:]))


def _unit_factor(node: n.Node) -> bool:
    """A unit or a power of one (``\\mathrm{h}^{-1}``): dropped whole, so that ``0.137\\,\\mathrm{h}^{-1}`` is the
    number 0.137 its digits were rounded to, not 0.137 times 1^{-1}."""
    return is_unit(node) or isinstance(node, n.Pow) and is_unit(node.base)


# Prefixes a step writes upright (or as \mu) before \Omega: 4.7\,\mathrm{k}\Omega. \mathrm{k} alone is
# read as the quaternion unit k, \mathrm{M} as an upright letter.
_OHM_PREFIXES = {"k": "k", "M": "M", "G": "G", "m": "m", "\\mu": "u"}


def ohms_as_units(tree: n.Node) -> n.Node:
    """``tree`` with the ohms written after a number (``20\\,\\Omega``, ``4.7\\,\\mathrm{k}\\Omega``) read as
    units (``Ohm``, ``kOhm``), which the parser leaves as the letter Omega (and ``\\mathrm{k}`` as a
    quaternion unit) since elsewhere Omega is a quantity (a Rabi frequency, a solid angle)."""
    return n.rebuild(tree, _ohm_units)


def writes_ohms(tree: n.Node) -> bool:
    """Whether ``tree`` writes the letter Omega, the cheap test before ``ohms_as_units``."""
    return any(isinstance(x, n.Sym) and x.base == "\\Omega" and not x.style for x in tree.walk())


def _ohm_units(node: n.Node) -> n.Node | None:
    if not isinstance(node, n.Mul):
        return None
    # (a product built by a reading may leave its ops unwritten: juxtaposition)
    factors, ops = list(node.factors), list(("", *node.ops)) + [""] * (len(node.factors) - 1 - len(node.ops))
    out: list[tuple[n.Node, str]] = []
    changed = False
    for k, f in enumerate(factors):
        prefix = _ohm_prefix(f)
        if _is_omega(f) and out and _ends_number(out[-1][0]):
            out.append((n.Sym(f.start, f.end, "Ohm", "unit"), ops[k]))
            changed = True
        elif prefix and k + 1 < len(factors) and _is_omega(factors[k + 1]) and not ops[k + 1] \
                and out and _ends_number(out[-1][0]):
            out.append((n.Sym(f.start, factors[k + 1].end, prefix + "Ohm", "unit"), ops[k]))
            factors[k + 1] = None  # taken with its prefix
            changed = True
        elif f is not None:
            out.append((ohms_as_units(f), ops[k]))
    if not changed:
        return replace(node, factors=tuple(f for f, _ in out))
    return replace(node, factors=tuple(f for f, _ in out), ops=tuple(op for _, op in out[1:]))


def _is_omega(node: n.Node | None) -> bool:
    return isinstance(node, n.Sym) and node.base == "\\Omega" and not node.style and not node.indices \
        and not node.labels and not node.primes


def _ohm_prefix(node: n.Node | None) -> str:
    """The SI prefix ``node`` writes before an Omega (``\\mathrm{k}``, ``\\mathrm{M}``, ``\\mu``), or ""."""
    if isinstance(node, n.Const) and node.name == "imag_k":
        return "k"
    if isinstance(node, n.Sym) and node.style in ("rm", "") and not node.indices and not node.labels \
            and (node.style == "rm" or node.base == "\\mu"):
        return _OHM_PREFIXES.get(node.base, "")
    return ""


def _ends_number(node: n.Node) -> bool:
    """A number, or a power of ten (``4.7 \\times 10^{3}``'s last factor)."""
    return isinstance(node, n.Num) or isinstance(node, n.Pow) and isinstance(node.base, n.Num)
