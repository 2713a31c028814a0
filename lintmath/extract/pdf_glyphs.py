"""Glyph -> LaTeX: what one glyph of a PDF means, from its font name and the character pymupdf reports.

The tables are data written for lintmath from measured behaviour (see ../shared/notes/pdf-glyphs.md):
TeX's math fonts report Unicode through glyph names, except that the alphabet of ``\\mathbb``,
``\\mathcal``, ``\\mathbf`` shows only in the font name, and the extension font (CMEX and its clones)
reports raw byte codes. Math alphanumerics of OpenType math fonts are decoded with ``unicodedata``
names instead of a shipped table, so there is no third-party table to license.

A glyph becomes a ``Sym``: its LaTeX, its class (which drives layout: scripts, limits, relations) and,
for extension-font glyphs, how tall it really is (pymupdf boxes them from the font's ascender, which
is useless for a glyph that hangs 1.4 em below its origin).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Classes: ord (letters, digits, symbols), bin, rel, open, close, fence (|, ‖), punct, op (big
# operator), radical, accent, prime, negation (an overlay slash), piece (part of a tall delimiter),
# upright (a letter in an upright text font: part of a word such as log), dots.


@dataclass(frozen=True)
class Sym:
    latex: str
    cls: str
    height_em: float = 0.0  # extension glyphs: ink height in em below the origin (0: use the box)
    display: bool = False  # a display-size big operator (limits go above and below)


# ----------------------------------------------------------------------------------- Unicode table

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ϵ": "epsilon", "ε": "varepsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "vartheta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "µ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ϖ": "varpi", "ρ": "rho",
    "ϱ": "varrho", "σ": "sigma", "ς": "varsigma", "τ": "tau", "υ": "upsilon", "ϕ": "phi",
    "φ": "varphi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "∆": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi",
    "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "Ω": "Omega",
}

# Unicode names of Greek letters as unicodedata spells them inside MATHEMATICAL ... names.
_GREEK_NAMES = {
    "ALPHA": "alpha", "BETA": "beta", "GAMMA": "gamma", "DELTA": "delta", "EPSILON": "varepsilon",
    "ZETA": "zeta", "ETA": "eta", "THETA": "theta", "IOTA": "iota", "KAPPA": "kappa",
    "LAMDA": "lambda", "MU": "mu", "NU": "nu", "XI": "xi", "OMICRON": "o", "PI": "pi", "RHO": "rho",
    "FINAL SIGMA": "varsigma", "SIGMA": "sigma", "TAU": "tau", "UPSILON": "upsilon",
    "PHI": "varphi", "CHI": "chi", "PSI": "psi", "OMEGA": "omega",
    "EPSILON SYMBOL": "epsilon", "THETA SYMBOL": "vartheta", "KAPPA SYMBOL": "varkappa",
    "PHI SYMBOL": "phi", "RHO SYMBOL": "varrho", "PI SYMBOL": "varpi",
    "PARTIAL DIFFERENTIAL": "partial", "NABLA": "nabla",
}

_SYMBOLS: dict[str, tuple[str, str]] = {
    # ordinary symbols
    "∂": ("\\partial", "ord"), "∇": ("\\nabla", "ord"), "∞": ("\\infty", "ord"),
    "ℓ": ("\\ell", "ord"), "ħ": ("\\hbar", "ord"), "ℏ": ("\\hbar", "ord"), "∅": ("\\emptyset", "ord"),
    "⊤": ("\\top", "ord"), "⊥": ("\\perp", "ord"), "∀": ("\\forall", "ord"), "∃": ("\\exists", "ord"),
    "¬": ("\\neg", "ord"), "!": ("!", "ord"), "?": ("?", "ord"), "′": ("'", "prime"),
    "″": ("''", "prime"), "ı": ("\\imath", "ord"), "ȷ": ("\\jmath", "ord"), "ℜ": ("\\Re", "ord"),
    "ℑ": ("\\Im", "ord"), "∗": ("\\ast", "bin"), "⋆": ("\\star", "bin"), "†": ("\\dagger", "ord"),
    "°": ("^{\\circ}", "ord"), "%": ("\\%", "ord"), "#": ("\\#", "ord"), "$": ("\\$", "ord"),
    # binary operators
    "+": ("+", "bin"), "−": ("-", "bin"), "-": ("-", "bin"), "·": ("\\cdot", "bin"),
    "⋅": ("\\cdot", "bin"), "×": ("\\times", "bin"), "÷": ("\\div", "bin"), "±": ("\\pm", "bin"),
    "∓": ("\\mp", "bin"), "∘": ("\\circ", "bin"), "⊗": ("\\otimes", "bin"), "⊕": ("\\oplus", "bin"),
    "⊙": ("\\odot", "bin"), "∪": ("\\cup", "bin"), "∩": ("\\cap", "bin"), "∧": ("\\wedge", "bin"),
    "∨": ("\\vee", "bin"), "∖": ("\\setminus", "bin"), "/": ("/", "ord"), "∕": ("/", "ord"),
    "⋯": ("\\cdots", "dots"), "…": ("\\ldots", "dots"), "⋮": ("\\vdots", "ord"),
    "⋱": ("\\ddots", "ord"),
    # relations
    "=": ("=", "rel"), "<": ("<", "rel"), ">": (">", "rel"), "≤": ("\\leq", "rel"),
    "≥": ("\\geq", "rel"), "⩽": ("\\leq", "rel"), "⩾": ("\\geq", "rel"), "≠": ("\\neq", "rel"),
    "≈": ("\\approx", "rel"), "∼": ("\\sim", "rel"), "≃": ("\\simeq", "rel"), "≅": ("\\cong", "rel"),
    "∝": ("\\propto", "rel"), "≡": ("\\equiv", "rel"), "≪": ("\\ll", "rel"), "≫": ("\\gg", "rel"),
    "→": ("\\to", "rel"), "←": ("\\leftarrow", "rel"), "⇒": ("\\Rightarrow", "rel"),
    "⇐": ("\\Leftarrow", "rel"), "⇔": ("\\iff", "rel"), "⟹": ("\\implies", "rel"),
    "⟸": ("\\impliedby", "rel"), "⟺": ("\\iff", "rel"), "↦": ("\\mapsto", "rel"),
    "⟶": ("\\longrightarrow", "rel"), "∈": ("\\in", "rel"), "∉": ("\\notin", "rel"),
    "∋": ("\\ni", "rel"), "⊂": ("\\subset", "rel"), "⊆": ("\\subseteq", "rel"),
    "⊃": ("\\supset", "rel"), "⊇": ("\\supseteq", "rel"), "≜": ("\\triangleq", "rel"),
    "≔": ("\\coloneqq", "rel"), "∣": ("\\mid", "rel"), "≺": ("\\prec", "rel"), "≻": ("\\succ", "rel"),
    ":": (":", "punct"), ",": (",", "punct"), ";": (";", "punct"), ".": (".", "punct"),
    # fences
    "(": ("(", "open"), ")": (")", "close"), "[": ("[", "open"), "]": ("]", "close"),
    "{": ("\\{", "open"), "}": ("\\}", "close"), "⟨": ("\\langle", "open"), "⟩": ("\\rangle", "close"),
    "〈": ("\\langle", "open"), "〉": ("\\rangle", "close"),
    "⌊": ("\\lfloor", "open"), "⌋": ("\\rfloor", "close"), "⌈": ("\\lceil", "open"),
    "⌉": ("\\rceil", "close"), "|": ("|", "fence"), "‖": ("\\|", "fence"), "∥": ("\\|", "fence"),
    # big operators (Unicode fonts: lualatex, Symbol)
    "∑": ("\\sum", "op"), "∏": ("\\prod", "op"), "∐": ("\\coprod", "op"), "∫": ("\\int", "op"),
    "∬": ("\\iint", "op"), "∭": ("\\iiint", "op"), "∮": ("\\oint", "op"), "⋃": ("\\bigcup", "op"),
    "⋂": ("\\bigcap", "op"), "⨁": ("\\bigoplus", "op"), "⨂": ("\\bigotimes", "op"),
    "⋀": ("\\bigwedge", "op"), "⋁": ("\\bigvee", "op"),
    "√": ("\\sqrt", "radical"),
    # accents (spacing forms from Type1 fonts, combining forms from OpenType fonts)
    "ˆ": ("\\hat", "accent"), "^": ("\\hat", "accent"), "̂": ("\\hat", "accent"),
    "˜": ("\\tilde", "accent"), "~": ("\\tilde", "accent"), "̃": ("\\tilde", "accent"),
    "¯": ("\\bar", "accent"), "ˉ": ("\\bar", "accent"), "̄": ("\\bar", "accent"),
    "˙": ("\\dot", "accent"), "̇": ("\\dot", "accent"), "¨": ("\\ddot", "accent"),
    "̈": ("\\ddot", "accent"), "⃗": ("\\vec", "accent"), "ˇ": ("\\check", "accent"),
    "̌": ("\\check", "accent"), "˘": ("\\breve", "accent"), "̆": ("\\breve", "accent"),
    "\u0338": ("", "negation"),
    # extensible pieces of tall delimiters (Adobe PUA from pdfTeX's CMEX ToUnicode, and Unicode)
    "\uf8eb": ("(", "piece"), "\uf8ec": ("(", "piece"), "\uf8ed": ("(", "piece"),
    "\uf8f6": (")", "piece"), "\uf8f7": (")", "piece"), "\uf8f8": (")", "piece"),
    "\uf8ee": ("[", "piece"), "\uf8ef": ("[", "piece"), "\uf8f0": ("[", "piece"),
    "\uf8f9": ("]", "piece"), "\uf8fa": ("]", "piece"), "\uf8fb": ("]", "piece"),
    "\uf8f1": ("\\{", "piece"), "\uf8f2": ("\\{", "piece"), "\uf8f3": ("\\{", "piece"),
    "\uf8fc": ("\\}", "piece"), "\uf8fd": ("\\}", "piece"), "\uf8fe": ("\\}", "piece"),
    "\uf8f4": ("\\{", "piece"), "\uf8e6": ("|", "piece"), "\uf8f5": ("\\int", "piece"),
    "⎛": ("(", "piece"), "⎜": ("(", "piece"), "⎝": ("(", "piece"), "⎞": (")", "piece"),
    "⎟": (")", "piece"), "⎠": (")", "piece"), "⎡": ("[", "piece"), "⎢": ("[", "piece"),
    "⎣": ("[", "piece"), "⎤": ("]", "piece"), "⎥": ("]", "piece"), "⎦": ("]", "piece"),
    "⎧": ("\\{", "piece"), "⎨": ("\\{", "piece"), "⎩": ("\\{", "piece"), "⎪": ("\\{", "piece"),
    "⎫": ("\\}", "piece"), "⎬": ("\\}", "piece"), "⎭": ("\\}", "piece"), "⎮": ("\\int", "piece"),
    "⌠": ("\\int", "piece"), "⌡": ("\\int", "piece"), "⏐": ("|", "piece"),
}

# ----------------------------------------------------------------------- extension font (cmex10)

# cmex10 layout, shared by LM, txex and pxex: code -> (latex, class, ink height in em).
_CMEX: dict[int, tuple[str, str, float]] = {}


def _cmex_fill() -> None:
    pairs = ["(", ")", "[", "]", "\\lfloor", "\\rfloor", "\\lceil", "\\rceil", "\\{", "\\}",
             "\\langle", "\\rangle"]
    for k, d in enumerate(pairs):  # 0x00-0x0B \big
        _CMEX[k] = (d, "delim", 1.2)
    # the bars are one extensible piece, repeated for \big|, \left| ..: stacked into one bar
    _CMEX[0x0C], _CMEX[0x0D] = ("|", "piece", 0.6), ("\\|", "piece", 0.6)
    _CMEX[0x0E], _CMEX[0x0F] = ("/", "delim", 1.2), ("\\backslash", "delim", 1.2)
    _CMEX[0x10], _CMEX[0x11] = ("(", "delim", 1.8), (")", "delim", 1.8)
    for k, d in enumerate(pairs + ["/", "\\backslash"]):  # 0x12-0x1F \bigg
        _CMEX[0x12 + k] = (d, "delim", 2.4)
    for k, d in enumerate(pairs + ["/", "\\backslash"]):  # 0x20-0x2D \Bigg
        _CMEX[0x20 + k] = (d, "delim", 3.0)
    _CMEX[0x2E], _CMEX[0x2F] = ("/", "delim", 1.8), ("\\backslash", "delim", 1.8)
    # pieces of tall delimiters; heights from cmex10.tfm: parenthesis and bracket ends 1.8 em, their
    # extenders 0.6, brace ends 0.9, brace middles 1.8, the brace extender 0.3
    for code, d in zip(range(0x30, 0x44), ["(", ")", "[", "]", "[", "]", "[", "]", "\\{", "\\}",
                                           "\\{", "\\}", "\\{", "\\}", "\\{", "|", "(", ")", "(",
                                           ")"]):
        height = {0x36: 0.6, 0x37: 0.6, 0x38: 0.9, 0x39: 0.9, 0x3A: 0.9, 0x3B: 0.9, 0x3E: 0.3,
                  0x3F: 0.6, 0x42: 0.6, 0x43: 0.6}.get(code, 1.8)
        _CMEX[code] = (d, "piece", height)
    _CMEX[0x44], _CMEX[0x45] = ("\\langle", "delim", 1.8), ("\\rangle", "delim", 1.8)
    ops = {0x46: "\\bigsqcup", 0x48: "\\oint", 0x4A: "\\bigodot", 0x4C: "\\bigoplus",
           0x4E: "\\bigotimes", 0x50: "\\sum", 0x51: "\\prod", 0x52: "\\int", 0x53: "\\bigcup",
           0x54: "\\bigcap", 0x55: "\\biguplus", 0x56: "\\bigwedge", 0x57: "\\bigvee",
           0x60: "\\coprod"}
    for code, name in ops.items():
        integral = name in ("\\int", "\\oint")
        _CMEX[code] = (name, "op", 1.11 if integral else 1.0)
        display = code + 8 if 0x50 <= code <= 0x57 else code + 1
        _CMEX[display] = (name, "op-display", 2.22 if integral else 1.4)
    for code, name in ((0x62, "\\widehat"), (0x63, "\\widehat"), (0x64, "\\widehat"),
                       (0x65, "\\widetilde"), (0x66, "\\widetilde"), (0x67, "\\widetilde")):
        _CMEX[code] = (name, "accent", 0.3)
    for k, d in enumerate(["[", "]", "\\lfloor", "\\rfloor", "\\lceil", "\\rceil", "\\{", "\\}"]):
        _CMEX[0x68 + k] = (d, "delim", 1.8)  # \Big
    for code, h in ((0x70, 1.2), (0x71, 1.8), (0x72, 2.4), (0x73, 3.0)):
        _CMEX[code] = ("\\sqrt", "radical", h)
    for code in (0x74, 0x75, 0x76):
        _CMEX[code] = ("\\sqrt", "radical-piece", 0.6)
    _CMEX[0x77] = ("\\|", "piece", 0.6)
    # the four tips of \underbrace and \overbrace, joined by filled rules: read apart, the ends
    # were a \{ and a \} and the rules fraction bars; pdf_layout.read_braces puts them together
    for code, name in ((0x7A, "lt"), (0x7B, "rt"), (0x7C, "lb"), (0x7D, "rb")):
        _CMEX[code] = (name, "hbrace", 0.45)


_cmex_fill()

# pdfTeX's ToUnicode for cmex maps the pieces (only them) to Adobe's private-use code points; they
# hang from their origin like every extension glyph, so they need the heights of their codes.
_CMEX_PUA = {"\uf8eb": 0x30, "\uf8f6": 0x31, "\uf8ee": 0x32, "\uf8f9": 0x33, "\uf8f0": 0x34,
             "\uf8fb": 0x35, "\uf8ef": 0x36, "\uf8fa": 0x37, "\uf8f1": 0x38, "\uf8fc": 0x39,
             "\uf8f3": 0x3A, "\uf8fe": 0x3B, "\uf8f2": 0x3C, "\uf8fd": 0x3D, "\uf8f4": 0x3E,
             "\uf8e6": 0x3F, "\uf8ed": 0x40, "\uf8f8": 0x41, "\uf8ec": 0x42, "\uf8f7": 0x43}

# ------------------------------------------------------------------------------- font families

_SUBSET = re.compile(r"^[A-Z]{6}\+")


def base_font(name: str) -> str:
    """The font name without the subset tag: ``ABCDEF+CMMI10`` -> ``CMMI10``."""
    return _SUBSET.sub("", name or "")


def font_family(font: str) -> str:
    """A coarse family deciding how the font's characters are read.

    ``ext`` (cmex layout), ``sym`` (cmsy: capitals are calligraphic), ``bb``, ``frak``, ``scr``,
    ``bold``, ``bolditalic`` (\\boldsymbol), ``italic`` (math or text italic: letters are variables),
    ``upright`` (text roman: letters form words such as log), ``unicode`` (OpenType math fonts and
    everything else).
    """
    f = base_font(font).lower()
    if re.match(r"(cmex|lmmathextension|txex|pxex|rtxex|rpxex|zplmr7v|ztmr7v|eurm?ex|euex|esint)", f):
        return "ext"
    if re.match(r"(msbm|txmia|pxmia|bbold|dsrom|bbm|zplmr7y-bb)", f) or "msbm" in f or "blackboard" in f:
        return "bb"
    if re.match(r"(eufm|eufb|yfrak)", f):
        return "frak"
    if re.match(r"(rsfs|eusm|eusb|rsfso)", f):
        return "scr"
    if re.match(r"(cmsy|lmmathsymbols|txsy|pxsy|rtxsy|rpxsy|zplmr7y|ztmr7y|cmbsy)", f):
        return "sym"
    if "math" in f and "latinmodern" not in f and ("regular" in f or f.endswith("math")):
        return "unicode"
    if f.startswith("cmmib") or re.match(r"lmmathitalic\d*-bold", f):
        return "bolditalic"  # \boldsymbol's math italic: Greek too, so \boldsymbol{\mu} is no \mu
    if re.match(r"(cmbx|cmssbx|lmroman\d*-bold|lmsans\d*-bold|cmb\d)", f) or \
            re.search(r"-(bold|medi|semibold)(?!ital|italic|oblique)", f) or f.endswith("-bold"):
        return "bold"
    # eurm (AMS Euler, ``euler``/``eulervm``) draws math letters upright: they are still variables
    if re.match(r"(cmmi|lmmathitalic|cmssi|lmsans\d*-oblique|cmti|txmi|pxmi|rtxmi|rpxmi|zplmr7m|"
                r"ztmr7m|cmmib|eurm)", f) or re.search(r"(ital|oblique|-it\b|slant)", f):
        return "italic"
    if f.startswith(("standardsym", "symbol", "usyr", "opensymbol")):
        return "unicode"
    return "upright"


# mathptmx takes Greek from the Symbol font, whose glyph names swap the variant forms.
_SYMBOL_FONT_GREEK = {"φ": "\\phi", "ϕ": "\\varphi", "ε": "\\epsilon"}

# ----------------------------------------------------------------------------- the classifier

def _math_alnum(ch: str) -> tuple[str, str] | None:
    """Math alphanumerics (𝑥, 𝐱, ℝ, ℒ, 𝜀): (latex, class) from the Unicode character name."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    special = {"PLANCK CONSTANT": ("h", "ord")}
    if name in special:
        return special[name]
    m = re.match(r"(?:MATHEMATICAL )?(BOLD ITALIC |BOLD SCRIPT |BOLD FRAKTUR |BOLD |ITALIC |SCRIPT |"
                 r"FRAKTUR |DOUBLE-STRUCK |SANS-SERIF BOLD ITALIC |SANS-SERIF BOLD |SANS-SERIF ITALIC |"
                 r"SANS-SERIF |MONOSPACE |BLACK-LETTER )?(SMALL |CAPITAL |DIGIT )?(.+)$", name)
    if not m or not (name.startswith("MATHEMATICAL") or m.group(1)):
        return None
    style, case, rest = (m.group(1) or "").strip(), (m.group(2) or "").strip(), m.group(3)
    if case == "DIGIT":
        digits = "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE".split()
        if rest not in digits:
            return None
        base = str(digits.index(rest))
    elif len(rest) == 1 and case in ("SMALL", "CAPITAL"):
        base = rest.lower() if case == "SMALL" else rest
    elif rest in _GREEK_NAMES:
        gname = _GREEK_NAMES[rest]
        if case == "CAPITAL":
            gname = gname[0].upper() + gname[1:]
            if gname in ("Alpha", "Beta", "Epsilon", "Zeta", "Eta", "Iota", "Kappa", "Mu", "Nu",
                         "Omicron", "Rho", "Tau", "Chi", "Varepsilon"):
                return None
        base = "\\" + gname if gname != "o" else "o"
    else:
        return None
    wrap = {"BOLD": "\\mathbf", "BOLD ITALIC": "\\boldsymbol", "SCRIPT": "\\mathcal",
            "BOLD SCRIPT": "\\mathcal", "FRAKTUR": "\\mathfrak", "BLACK-LETTER": "\\mathfrak",
            "BOLD FRAKTUR": "\\mathfrak", "DOUBLE-STRUCK": "\\mathbb", "SANS-SERIF": "\\mathsf",
            "SANS-SERIF BOLD": "\\mathbf", "SANS-SERIF ITALIC": "\\mathsf",
            "SANS-SERIF BOLD ITALIC": "\\boldsymbol", "MONOSPACE": "\\mathtt"}.get(style)
    if wrap:
        return f"{wrap}{{{base}}}", "ord"
    if style == "" and case == "CAPITAL" and not base.startswith("\\") and name.startswith("MATH"):
        return base, "ord"
    return base, "ord"


def classify(font: str, ch: str) -> Sym | None:
    """What glyph ``ch`` of ``font`` means, or None when lintmath cannot tell (never guessed)."""
    family = font_family(font)
    if family == "ext":
        code = _CMEX_PUA.get(ch, ord(ch) if len(ch) == 1 else -1)
        entry = _CMEX.get(code) if code < 0x80 else None
        if entry is not None:
            latex, cls, height = entry
            if cls == "op-display":
                return Sym(latex, "op", height, True)
            return Sym(latex, cls, height)
        hit = _SYMBOLS.get(ch)
        return Sym(*hit) if hit else None
    if family == "sym":
        if ch == "7":  # mapstochar: the first half of \mapsto
            return Sym("", "mapstochar")
        if ch == "/" or ch == "\u0338":  # the negation slash of \neq, \notin
            return Sym("", "negation")
        if ch == "√":  # cmsy's surd hangs from its origin like the cmex radicals
            return Sym("\\sqrt", "radical", 1.0)
        if "A" <= ch <= "Z":
            return Sym(f"\\mathcal{{{ch}}}", "ord")
    if family == "bolditalic" and (ch.isascii() and ch.isalpha() or ch in _GREEK):
        name = ch if ch.isascii() else "\\" + _GREEK[ch]
        return Sym(f"\\boldsymbol{{{name}}}", "ord")
    if family in ("bb", "frak", "scr", "bold", "bolditalic") and ch.isascii() and ch.isalnum():
        wrap = {"bb": "\\mathbb", "frak": "\\mathfrak", "scr": "\\mathscr", "bold": "\\mathbf",
                "bolditalic": "\\mathbf"}[family]
        return Sym(f"{wrap}{{{ch}}}", "ord")
    if ch in _SYMBOL_FONT_GREEK and base_font(font).lower().startswith(("standardsym", "symbol")):
        return Sym(_SYMBOL_FONT_GREEK[ch], "ord")
    if ch.isascii() and ch.isalpha():
        return Sym(ch, "upright" if family == "upright" else "ord")
    if ch.isascii() and ch.isdigit():
        return Sym(ch, "ord")
    if ch in _GREEK:
        return Sym("\\" + _GREEK[ch], "ord")
    hit = _SYMBOLS.get(ch)
    if hit:
        return Sym(*hit)
    alnum = _math_alnum(ch)
    if alnum:
        return Sym(*alnum)
    return None


#: Upright words that are operator names (emitted as ``\\log``), not prose.
OPERATOR_NAMES = frozenset(
    "log ln exp sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth max min sup inf "
    "lim limsup liminf det arg deg dim ker gcd lg Pr hom".split()
)


# Approximate ink above and below the baseline in em, by shape: pymupdf's boxes span the font's
# whole ascender-descender range, which makes tightly set rows (Palatino fractions) overlap.
_X_HEIGHT = frozenset("acemnorsuvwxz+=<>-−·×÷±∓~∼≈≃≡:;*∗∘")
_DESCENDERS = frozenset("gjpqyβγζημξρςφχψϕϱ,;")
_TALL_DEEP = frozenset("()[]{}|‖/\\⟨⟩⌊⌋⌈⌉∫∑∏")


def ink_extent(ch: str) -> tuple[float, float]:
    """(height, depth) of a glyph's ink in em, roughly: enough to separate rows, not to draw."""
    if ch in _TALL_DEEP:
        return 0.75, 0.25
    top = 0.47 if ch in _X_HEIGHT else 0.72
    if ch in "+=<>-−·×÷±∓~∼≈≃≡*∗∘":
        return 0.6, 0.1
    if ch in ",;":
        return 0.12, 0.2
    if ch == ".":
        return 0.12, 0.0
    return top, (0.2 if ch in _DESCENDERS else 0.02)
