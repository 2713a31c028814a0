"""What lintmath knows of LaTeX math: names of letters, functions and the commands that carry no math.

Kept as data so a new notation is a table entry, not a new branch in the parser.
"""
from __future__ import annotations

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma",
    "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda",
    "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "ell", "hbar", "imath", "jmath",
    "varGamma", "varDelta", "varTheta", "varLambda", "varXi", "varPi", "varSigma", "varUpsilon",
    "varPhi", "varPsi", "varOmega", "digamma", "varkappa",
}

# Known functions: LaTeX name -> canonical name used by the lowering to SymPy.
FUNCTIONS = {
    "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc",
    "arcsin": "asin", "arccos": "acos", "arctan": "atan",
    "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "coth": "coth",
    "log": "log", "ln": "log", "exp": "exp", "lg": "log10",
    "max": "max", "min": "min", "sgn": "sign", "sign": "sign", "Re": "re", "Im": "im", "gcd": "gcd",
    # the names of French and Russian notes (babel's russian defines \tg, \ctg, \arctg, its spanish \sen): no other meaning
    "tg": "tan", "ctg": "cot", "cotg": "cot", "cosec": "csc", "arctg": "atan", "sen": "sin", "arcsen": "asin",
}

# Multi-letter names written with \operatorname / \mathrm that mean a known function.
NAMED_FUNCTIONS = {
    "softmax": "softmax", "sigmoid": "sigmoid", "relu": "relu", "ReLU": "relu", "erf": "erf", "erfc": "erfc",
    "softplus": "softplus", "Softplus": "softplus",
    "sgn": "sign", "sign": "sign", "exp": "exp", "log": "log", "ln": "log", "tanh": "tanh",
    "sin": "sin", "cos": "cos", "max": "max", "min": "min", "gcd": "gcd", "lcm": "lcm",
    # LaTeX has no \sech or \csch: physics notes type them upright (\mathrm{sech}^2 x as the
    # derivative of tanh); the inverse hyperbolic functions are named ar- or arc- as often
    "sech": "sech", "csch": "csch", "sinh": "sinh", "cosh": "cosh", "coth": "coth",
    "arsinh": "asinh", "arcsinh": "asinh", "arcosh": "acosh", "arccosh": "acosh",
    "artanh": "atanh", "arctanh": "atanh",
}

# The names of French, Russian, Spanish and Italian notes (\operatorname{tg} x is tan x, \operatorname{ch} x
# cosh x, \operatorname{sen} x sin x), read so only where set as an operator (or by a macro
# \DeclareMathOperator{\ch}{ch}): typed \mathrm{ch} or \text{tg} they are as often labels (E_{\mathrm{ch}},
# v_{\mathrm{tg}} a tangential speed, n^{\text{th}}).
OPERATOR_ONLY_FUNCTIONS = {"tg": "tan", "ctg": "cot", "cotg": "cot", "cosec": "csc", "arctg": "atan",
                           "sen": "sin", "arcsen": "asin",
                           "ch": "cosh", "sh": "sinh", "th": "tanh", "cth": "coth",
                           "argsh": "asinh", "argch": "acosh", "argth": "atanh",
                           "arsh": "asinh", "arch": "acosh", "arth": "atanh"}

# The dimensionless groups of transport phenomena, typed upright (\mathrm{Bi}, \mathrm{Nu}_L): numbers,
# never functions, so a letter after one is a factor (\mathrm{Fo}\,L^2). Re is left out: upright, it is
# as often the real part (\mathrm{Re}\,z); with a subscript (\mathrm{Re}_L) it is Reynolds' number.
DIMENSIONLESS_GROUPS = {"Bi", "Fo", "Nu", "Pr", "Gr", "Ra", "St", "Sh", "Sc", "Le", "Pe", "Kn", "Ma", "We",
                        "Da", "Ec", "Ja", "Fr", "Gz"}

# Names of quantum gates typed as words (\text{CNOT}, \operatorname{SWAP}): names, never prose.
GATE_WORDS = {"CNOT", "CX", "CZ", "SWAP"}

# Letters that name a special function where applied (the checker reads \Gamma(z) as the gamma
# function): in a bare argument, \ln\Gamma(z + 1), the bracket is its argument, not a factor after
# \ln\Gamma, as with f in \log f(x).
SPECIAL_FUNCTION_LETTERS = {"\\Gamma"}

# Letters that, followed by "(", are read as a function first (f(x), p(x), \sigma(z)); the checker
# still tries the product reading before claiming an error.
FUNCTION_LETTERS = {"f", "g", "h", "F", "G", "H", "p", "q", "P", "Q", "L", "J", "\\ell", "\\sigma",
                    "\\phi", "\\varphi", "\\psi", "\\pi", "\\Phi", "\\ell", "\\rho", "\\kappa"}

# Commands that are only spacing, size or style: dropped before parsing.
IGNORED = {
    "\\,", "\\;", "\\:", "\\!", "\\ ", "\\>", "\\displaystyle", "\\textstyle", "\\scriptstyle",
    "\\limits", "\\nolimits", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\bigr", "\\Bigl",
    "\\Bigr", "\\biggl", "\\biggr", "\\Biggl", "\\Biggr", "\\bigm", "\\Bigm", "\\middle", "\\nonumber",
    "\\notag", "\\pause", "\\left", "\\right", "\\allowbreak", "\\mathstrut", "\\strut", "\\relax",
    "\\displaybreak", "\\noindent", "\\centering", "\\protect", "\\vphantom", "\\medskip", "\\smallskip",
    "\\thinspace", "\\negthinspace", "\\medspace", "\\negmedspace", "\\thickspace", "\\negthickspace",
}

# The positive spaces among them (not \!, nor the negative ones): a function's bare argument ends at
# one, as the author typed it to separate the argument from what follows (\cos\theta\,\dot x).
SPACES = {"\\,", "\\;", "\\:", "\\ ", "\\>", "\\thinspace", "\\medspace", "\\thickspace"}

# Commands that start an annotation: what follows them at the top level of a line is prose.
ANNOTATIONS = {
    "\\text", "\\textrm", "\\textit", "\\textbf", "\\mbox", "\\quad", "\\qquad", "\\hspace", "\\hfill",
    "\\tag", "\\intertext", "\\emph", "\\textnormal", "\\textsf", "\\texttt", "\\hbox",
    "\\enspace",
}

# Wrappers whose argument is the math itself.
TRANSPARENT = {"\\boxed", "\\alert", "\\cancel", "\\bcancel", "\\underline", "\\mathop", "\\ensuremath",
               "\\mathord", "\\mathbin", "\\mathrel", "\\smash", "\\cancelto", "\\uline",
               # a frame or a highlight (soul's \hl) round a term on a slide
               "\\fbox", "\\hl"}

# Commands with one argument that carry no math (colour, label) or nothing at all.
DROP_WITH_ARG = {"\\label", "\\color", "\\phantom", "\\hphantom", "\\vphantom", "\\vspace", "\\tag",
                 "\\mspace", "\\tikzmark"}

# Kerns and skips take a dimension without braces (\mkern-3mu, \kern 1pt): dropped with it.
KERNS = {"\\mkern", "\\kern", "\\mskip", "\\hskip"}
UNITS = {"mu", "pt", "em", "ex", "cm", "mm", "in", "bp", "sp", "pc", "dd", "cc"}

# Physical units written as text in math (5\,\text{ms}, 3\text{ kg}): symbols of the step, not
# prose. Single letters that are words or differentials (a, d, e, I) are left out.
PHYSICAL_UNITS = {
    "m", "cm", "mm", "km", "nm", "um", "g", "kg", "mg", "s", "ms", "us", "ns", "min", "h", "hr", "A", "mA",
    "K", "mol", "kmol", "mmol", "N", "kN", "J", "kJ", "eV", "keV", "MeV", "GeV", "W", "kW", "MW", "GW", "mW", "Pa", "kPa", "MPa",
    "GPa", "V",
    "mV", "kV", "C", "F", "uF", "nF", "pF", "H", "mH", "T", "Hz", "kHz", "MHz", "GHz", "Ohm", "ohm", "rad",
    "dB", "L", "mL", "bar", "atm", "cal", "kcal", "lb", "ft", "yr", "kWh", "Wh", "mAh",
    # apparent and reactive power (AC circuits); the lowercase var is left out, a variance's name
    "VA", "kVA", "MVA", "VAR", "kVAR", "MVAR",
    # information (an entropy of 3 bits, 0.69 nats); the plural is its own word, so one kind below
    "bit", "bits", "nat", "nats", "byte", "bytes",
    # astronomy's lengths and times (42.8 Mpc, 14.0 Gyr, 1 AU): upright after a number, never the letters
    # M, p, c of a product
    "pc", "kpc", "Mpc", "Gpc", "AU", "au", "ly", "kyr", "Myr", "Gyr",
    # the time scales of epidemics and dosing schedules (an infectious period of 4 days, 0.3 day^{-1});
    # like the year they are not converted, so a step in days beside hours stays uncompared
    "day", "days", "week", "weeks",
    # the weather map's pressures (hectopascal, millibar) and the hydrologist's hectare
    "hPa", "mb", "mbar", "ha",
    # times spelled out, as queueing and reliability notes write them (a mean wait of 1.5 hours, a repair
    # of 20 minutes): converted as h and min are
    "hour", "hours", "hrs", "minute", "minutes", "mins", "sec",
    # money, as its marks before an amount are read (see parser._currency_prefixes)
    "dollar", "pound", "euro", "yen",
    # concentrations (molar and its parts: 8 uM, written 8\\,\\mu\\text{M}, see units.micro_units); the bare M
    # is left out, a million (1.2\\text{M}) as often as a molar
    "mM", "uM", "nM", "pM", "ug", "uL", "umol", "uA", "uV",
    # nuclear and particle physics: the femtometre, the atomic mass unit (931.494 MeV/u), TeV beams,
    # activities and doses
    "fm", "u", "TeV", "Bq", "kBq", "MBq", "GBq", "Ci", "mCi", "uCi", "Gy", "mGy", "Sv", "mSv", "uSv",
}

# What each of PHYSICAL_UNITS measures: two units of one kind in a step (km and m, h and min, J and eV)
# are one quantity in two scales, which a reading of units as opaque factors cannot compare.
UNIT_KINDS = {
    **dict.fromkeys(("m", "cm", "mm", "km", "nm", "um", "fm", "ft", "pc", "kpc", "Mpc", "Gpc", "AU", "au", "ly"), "length"),
    **dict.fromkeys(("g", "kg", "mg", "ug", "lb", "u"), "mass"),
    **dict.fromkeys(("s", "ms", "us", "ns", "min", "h", "hr", "yr", "kyr", "Myr", "Gyr", "day", "days", "week", "weeks",
                     "hour", "hours", "hrs", "minute", "minutes", "mins", "sec"), "time"),
    **dict.fromkeys(("A", "mA", "uA"), "current"), "K": "temperature",
    **dict.fromkeys(("mol", "kmol", "mmol", "umol"), "amount"),
    **dict.fromkeys(("M", "mM", "uM", "nM", "pM"), "concentration"),
    **dict.fromkeys(("N", "kN"), "force"),
    **dict.fromkeys(("J", "kJ", "eV", "keV", "MeV", "GeV", "TeV", "cal", "kcal", "kWh", "Wh"), "energy"),
    **dict.fromkeys(("Bq", "kBq", "MBq", "GBq", "Ci", "mCi", "uCi"), "activity"),
    **dict.fromkeys(("Gy", "mGy"), "absorbed dose"), **dict.fromkeys(("Sv", "mSv", "uSv"), "equivalent dose"),
    **dict.fromkeys(("W", "kW", "MW", "GW", "mW"), "power"), **dict.fromkeys(("VA", "kVA", "MVA"), "apparent power"),
    **dict.fromkeys(("VAR", "kVAR", "MVAR"), "reactive power"), **dict.fromkeys(("Pa", "hPa", "kPa", "MPa", "GPa", "bar", "mbar", "mb", "atm"), "pressure"),
    **dict.fromkeys(("V", "mV", "kV", "uV"), "voltage"), **dict.fromkeys(("C", "mAh"), "charge"),
    **dict.fromkeys(("F", "uF", "nF", "pF"), "capacitance"), **dict.fromkeys(("H", "mH"), "inductance"),
    "T": "field", **dict.fromkeys(("Hz", "kHz", "MHz", "GHz"), "frequency"),
    **dict.fromkeys(("Ohm", "ohm", "kOhm", "MOhm", "GOhm", "mOhm", "uOhm"), "resistance"), "rad": "angle", "dB": "ratio",
    **dict.fromkeys(("L", "mL", "uL"), "volume"), "ha": "area",
    **dict.fromkeys(("bit", "bits", "nat", "nats", "byte", "bytes"), "information"),
    # (no rate of exchange is known: an amount in two currencies stays uncompared)
    **dict.fromkeys(("dollar", "pound", "euro", "yen"), "money"),
}

# Letter styles: command -> short style name that becomes part of a symbol's identity.
STYLES = {
    # an arrow marks a vector whatever its case (\vec{E}, \vec{B}); bold capitals are matrices
    "\\mathbf": "bf", "\\boldsymbol": "bf", "\\bm": "bf", "\\pmb": "bf", "\\vec": "bf+arrow", "\\bold": "bf",
    "\\mathbb": "bb", "\\mathcal": "cal", "\\mathscr": "scr", "\\mathfrak": "frak", "\\mathsf": "sf",
    "\\mathit": "", "\\mathrm": "rm", "\\mathnormal": "", "\\textbf": "bf",
    "\\hat": "hat", "\\widehat": "hat", "\\bar": "bar", "\\overline": "bar", "\\tilde": "tilde",
    "\\widetilde": "tilde", "\\dot": "dot", "\\ddot": "ddot", "\\check": "check", "\\breve": "breve",
    "\\acute": "acute", "\\grave": "grave", "\\mathring": "ring", "\\overrightarrow": "bf+arrow",
}

# The styles of accents a letter may carry and still be a plain quantity (a mean \bar h, a rate \dot q).
ACCENT_STYLES = frozenset({"hat", "bar", "tilde", "dot", "ddot", "check", "breve", "acute", "grave", "ring"})

TRANSPOSE_MARKS = {"T", "\\top", "\\intercal", "\\mathsf{T}", "\\mathrm{T}", "\\mathsf T", "\\mathrm T",
                   "\\textsf{T}", "\\text{T}", "\\textrm{T}"}
# the conjugate (Hermitian) transpose of signal processing and numerical linear algebra: A^H, A^{\mathsf{H}}
HERMITIAN_MARKS = {"H", "\\mathsf{H}", "\\mathrm{H}", "\\mathsf H", "\\mathrm H"}
# (chemistry's standard state, E^\ominus as E^\circ, and transition state, \Delta H^\ddagger, are labels too)
LABEL_MARKS = {"*", "\\star", "\\ast", "\\prime", "\\dagger", "+", "\\circ", "-", "\\ominus", "\\ddagger"}
