"""A strict LaTeX-math parser: tokens -> syntax tree with source offsets on every node.

Strict means it refuses rather than guesses: an unknown command, an ellipsis or an ambiguous
``a/bc`` raises ParseFailure, which makes the step *unverified* (a step parsed again with
``slashed_products`` reads a/bc of plain factors as a/(bc), with (a/b)c as its other reading). Where two readings are both
common (``a(b+c)`` as a product or an application, a letter superscript as a label or a power), the
tree records the choice and the checker tries both before it claims an error.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import fields, replace
from typing import Callable, Iterator, Mapping

from lintmath import expectation
from lintmath.model import Macro
from lintmath.parse import chemistry, composition, convolution, nodes as n
from lintmath.parse.ellipsis import UNDECIDED as ELLIPSIS_UNDECIDED, aligns, fold_run
from lintmath.parse.packages import package_commands
from lintmath.parse.units import compact, micro_units, siunitx_commands, unit_name, unit_token
from lintmath.parse.tokens import (
    ParseFailure, Token, expand_macros, macro_table, read_group, read_optional, tokenize,
)
from lintmath.parse.vocabulary import (
    ACCENT_STYLES, DIMENSIONLESS_GROUPS, GATE_WORDS,
    ANNOTATIONS, DROP_WITH_ARG, FUNCTION_LETTERS, FUNCTIONS, GREEK, IGNORED, KERNS, LABEL_MARKS,
    NAMED_FUNCTIONS, OPERATOR_ONLY_FUNCTIONS, PHYSICAL_UNITS, SPACES, SPECIAL_FUNCTION_LETTERS, STYLES, TRANSPARENT, TRANSPOSE_MARKS, UNITS,
    HERMITIAN_MARKS,
)

MAX_DEPTH = 120
# piecewise functions (see Parser.cases); the relations a case's condition may use, as Cases records them
CASES_ENVS = {"cases", "dcases", "cases*", "dcases*"}
CASE_RELATIONS = {"<": "<", ">": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=", "\\ge": ">=",
                  "\\geq": ">=", "\\geqslant": ">="}
# an equation or its negation, read as a case's whole condition (``\\kappa = 0``, ``x \\neq 1``): see
# comparator.equation_cases_differ, which asks the step at the equation's own point
CASE_EQUATIONS = {"=": "==", "\\neq": "!=", "\\ne": "!="}
# relations that make a condition no inequality between expressions (a set, a label's value)
CASE_OTHER_RELATIONS = {"\\in", "\\notin", "\\equiv", "\\approx", "\\sim", "\\subset",
                        "\\subseteq", "\\mid", ":", "\\colon"}
# the words before a condition, and those that stand for every case not listed above
CASE_LEADS = {"if", "for", "when", "where"}
CASE_DEFAULTS = {"otherwise", "else", "elsewhere", "o.w.", "ow"}
# \sup and \inf over a list or an index read as \max and \min (see Parser.finite_bound)
BOUNDS = {"\\sup", "\\inf"}
# the optimisations over a variable (see Parser.optimum), by the command or word that writes them
OPTIMA = {"\\sup": "sup", "\\inf": "inf", "\\argmax": "argmax", "\\argmin": "argmin",
          "argmax": "argmax", "argmin": "argmin"}
# what may follow the variables in an optimisation's script: a set or a constraint on them
OPTIMUM_CONSTRAINTS = {"\\in", "\\succeq", "\\succ", "\\ge", "\\geq", "\\le", "\\leq", ">", "<",
                       "\\geqslant", "\\leqslant", "\\neq", "\\ne", "\\subseteq", "\\subset"}
MATRIX_ENVS = {"pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix", "smallmatrix", "array", "mymatrix",
               "absmatrix"}
EVENT_RELATIONS = {"=", "\\neq", "\\ne", "<", ">", "\\le", "\\leq", "\\ge", "\\geq", "\\in", "\\notin",
                   "\\sim"}
RELATION_COMMANDS = {"\\neq", "\\ne", "\\le", "\\leq", "\\ge", "\\geq", "\\in", "\\notin", "\\sim",
                     "\\approx", "\\to", "\\mapsto", "\\equiv", "\\propto", "\\subset", "\\subseteq",
                     "\\leqslant", "\\geqslant", "\\ll", "\\gg", "\\rightarrow", "\\Rightarrow", "\\iff"}
TEXT_WORDS = {"\\text", "\\textrm", "\\mbox", "\\textnormal", "\\textup", "\\textit"}
# capitals in \text that are words of a condition, of logic or of an outcome (a limit that does not
# exist), never the name of a quantity
LOGIC_WORDS = {"AND", "OR", "NOT", "XOR", "NAND", "NOR", "IF", "IFF", "THEN", "ELSE", "TRUE", "FALSE", "ON", "OFF",
               "DNE", "NA", "NAN", "INF", "QED"}
# \sin x \frac{a}{b} is sin(x) a/b: an unparenthesised argument stops at these.
ARGUMENT_STOPS = {"\\frac", "\\dfrac", "\\tfrac", "\\cfrac", "\\sum", "\\prod", "\\int", "\\sqrt",
                  "\\operatorname", "\\lim", "\\exp", "\\log", "\\ln", "\\det", "\\tr"}
# E[X], E\{X\}, P(A), Var(X): operators applied to a bracket, never a product.
OPERATOR_LETTERS = {"E", "P", "\\Pr", "Var", "Cov", "var", "cov", "Corr", "KL", "H"}
ADD_OPS = {"+", "-", "\\pm", "\\mp"}
# the open slot of a function, k(x, \cdot); the same label a subscript k_{x,\cdot} gets
PLACEHOLDER = "\\cdot"
MUL_OPS = {"\\cdot", "\\times", "\\otimes", "\\odot", "\\circ"}
CONVOLUTION = {"*", "\\ast", "\\star"}
# the two of them that authors also write for a plain product (2 * x, a*b); \star is a correlation or
# another product, never read
STAR_PRODUCT = {"*", "\\ast"}
# a superscript that labels a letter (an optimum, a dual), never a power
STARRED_MARKS = {"*", "\\ast", "\\star", "\\prime"}
# the relations of an indicator's condition (1(x \neq y), \mathbb{1}[x > 0]), each with the one it is
# written as once read: x > y is y < x, so that 1(x > 0) and 1(0 < x) are the same indicator
INDICATOR_RELATIONS = {"=": "=", "\\neq": "\\neq", "\\ne": "\\neq", "<": "<", "\\le": "\\leq", "\\leq": "\\leq",
                       "\\leqslant": "\\leq", ">": "<", "\\ge": "\\leq", "\\geq": "\\leq", "\\geqslant": "\\leq",
                       "\\in": "\\in", "\\notin": "\\notin"}
INDICATOR_SWAPPED = {">", "\\ge", "\\geq", "\\geqslant"}
INDICATOR_SYMMETRIC = {"=", "\\neq"}
# the remainder as a binary operator (\pmod and \pod write the modulus of a congruence instead)
MOD_OPS = {"\\bmod", "\\mod"}
# R_1 \parallel R_2, the combination of resistors in parallel, and the function the parser reads it as
PARALLEL = "\\parallel"
PARALLEL_FUNCTION = "parallel"
#: ``230 \angle 30^\circ``: a phasor in polar form, its magnitude before the sign and its angle after
ANGLE = "\\angle"
PHASOR_FUNCTION = "phasor"
REGION = "an integral over a region is not decided yet"
UPRIGHT_NAME_BEFORE_LETTER = "an upright name before a letter (\\mathrm{Si}\\,x): a function or a named quantity is not decided"
LOOSE_DIFFERENTIAL = "a differential (\\mathrm{d}) outside a derivative is not decided yet"
NO_DIFFERENTIAL = "an integral without a differential dx"
AMBIGUOUS_SLASH = "ambiguous a/bc: write a/(bc) or (a/b)c"
# what the integrand of an integral without its dx may be made of: arithmetic of letters, numbers and
# named functions, so that its one letter is plainly what varies (no f(x), no sum, no second integral)
_PLAIN_INTEGRAND = (n.Num, n.Const, n.Sym, n.Term, n.Add, n.Mul, n.Div, n.Pow, n.Paren, n.Func, n.Sqrt, n.Abs)
DIFFERENTIALS = {"d", "\\partial", "\\mathrm{d}", "\\text{d}", "\\operatorname{d}", "\\mathrm d"}
# F(x)\Big|_a^b: the bar of an evaluation, when a script follows it
EVAL_BARS = {"|", "\\vert", "\\rvert"}
EVAL_CLOSERS = EVAL_BARS | {"]", "\\rbrack"}
ELLIPSES = {"\\ldots", "\\cdots", "\\dots", "\\vdots", "\\ddots", "\\dotsb", "\\dotsc", "\\dotsm"}
# dots along a line, which may stand for the factors of a product (\\vdots and \\ddots run down a matrix)
FACTOR_DOTS = ELLIPSES - {"\\vdots", "\\ddots"}
OPEN_CLOSE = {"(": ")", "[": "]", "\\{": "\\}", "\\lbrace": "\\rbrace", "\\lbrack": "\\rbrack",
              "\\lparen": "\\rparen", "\\langle": "\\rangle", "\\lfloor": "\\rfloor", "\\lceil": "\\rceil"}
CLOSERS = set(OPEN_CLOSE.values()) | {"|", "\\|", "\\rvert", "\\rVert", "\\vert", "\\Vert", "\\mid"}
OTHER_BASES = {"\\log": "log10", "\\lg": "log2"}
#: the entry of a macro table that carries the bases the prose fixes for \log and \lg ("all logarithms
#: are base 2"): not a command (no backslash), so no token expands it; it rides with the macros to every
#: parse of a step. Its body lists command=function pairs (\log=log2,\lg=log2)
LOG_BASES = "log bases"


def with_log_bases(macros: Mapping[str, Macro] | None, bases: Mapping[str, str]) -> dict[str, Macro]:
    """``macros`` with the bases the prose fixes (command -> function name: log, log2, log10)."""
    body = ",".join(f"{command}={name}" for command, name in sorted(bases.items()))
    return {**(macros or {}), LOG_BASES: Macro(LOG_BASES, 0, body)}


def log_bases(macros: Mapping[str, Macro] | None) -> dict[str, str]:
    entry = (macros or {}).get(LOG_BASES)
    if entry is None:
        return {}
    return dict(pair.split("=", 1) for pair in entry.body.split(",") if "=" in pair)
ROUNDINGS = {"\\lfloor": "floor", "\\lceil": "ceiling"}
# the commands the infix \brace and \brack (or a bracketed \atop) are read as (see _infix_fractions)
STIRLING = {"\\lintmathstirlingone": "stirling1", "\\lintmathstirlingtwo": "stirling2"}
UNSUPPORTED = {
"\\iint": "integrals", "\\iiint": "integrals", "\\oint": "contour integrals over a curve",
    "\\limsup": "limits", "\\liminf": "limits", "\\nabla": "gradients",
    "\\sup": "suprema", "\\inf": "infima",
    "\\arg": "arg max / arg min", "\\argmax": "arg max / arg min", "\\argmin": "arg max / arg min",
    "\\mathbb": "expectations and number sets",
    "\\wedge": "wedge products", "\\cup": "sets", "\\cap": "sets",
    "\\setminus": "sets", "\\emptyset": "sets", "\\varnothing": "sets", "\\forall": "quantifiers",
    "\\exists": "quantifiers", "\\mathop": "operators", "\\underset": "operators", "\\overset": "operators",
    "\\stackrel": "operators", "\\bmod": "modular arithmetic", "\\pmod": "modular arithmetic",
    "\\mod": "modular arithmetic", "\\oplus": "direct sums", "\\bigcup": "sets", "\\bigcap": "sets",
    "\\coprod": "coproducts", "\\nabla_": "gradients",
    "\\rangle": "inner products", "\\square": "symbols", "\\checkmark": "symbols",
}


# words that stand alone for an outcome (\\lim ... = \\text{DNE}), not for a quantity
NOT_QUANTITY_WORDS = {"DNE", "True", "False", "Undefined", "None", "NaN", "Yes", "No", "Const", "Constant"}


def _named_quantity(tokens: list[Token]) -> list[Token]:
    """A whole side that is one capitalised word in text (``\\text{MSY}``, ``\\text{Interest}``), as worked
    examples name the quantity a chain computes, read as the name \\mathrm{MSY} is; words within math,
    lower-case words (``\\text{const}``) and outcomes (``\\text{DNE}``) stay words."""
    if len(tokens) < 5 or tokens[0].text not in TEXT_WORDS or tokens[1].kind != "open" \
            or tokens[-1].kind != "close" or not all(t.kind == "letter" and t.text.isascii() for t in tokens[2:-1]):
        return tokens
    word = "".join(t.text for t in tokens[2:-1])
    if not word[0].isupper() or word in NOT_QUANTITY_WORDS \
            or any(a.end != b.start for a, b in zip(tokens[2:-2], tokens[3:-1])):
        return tokens
    return [replace(tokens[0], text="\\mathrm"), *tokens[1:]]


def prepare(text: str, macros: Mapping[str, Macro] | None = None, offset: int = 0,
            increments: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of ``text`` with user macros expanded and sizing/spacing commands removed; each of
    ``increments`` (``\\Delta``, ``\\delta``) before a letter makes one letter with it."""
    tokens = tokenize(text, offset)
    if macros:
        tokens = expand_macros(tokens, macros)
    tokens = micro_units(_named_quantity(tokens), PHYSICAL_UNITS)
    tokens = _scientific_notation(_infix_fractions(_braket_commands(package_commands(siunitx_commands(tokens)))))
    tokens = _counting_prefixes(_currency_prefixes(_degree_signs(tokens)))
    tokens = _contour_intervals(_repeating_decimals(_digits_going_on(tokens)))
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "cmd" and t.text in ("\\left", "\\right") and i + 1 < len(tokens) \
                and tokens[i + 1].text == ("<" if t.text == "\\left" else ">"):
            # \left| x \right>: angle brackets typed as < and >, which would read as relations
            angle = "\\langle" if t.text == "\\left" else "\\rangle"
            out.append(Token("cmd", angle, t.start, tokens[i + 1].end, t.spaced))
            i += 2
            continue
        if t.kind == "cmd" and t.text in ("\\left", "\\right") and i + 1 < len(tokens) and tokens[i + 1].is_("."):
            if t.text == "\\left" and _closes_evaluation(tokens, i):
                # \left. F \right|_a^b: the evaluation bar says exactly what it applies to
                out.append(Token("cmd", "\\lintmathevalopen", t.start, tokens[i + 1].end, t.spaced))
            elif t.spaced:
                _space_before(tokens, i + 2)
            i += 2
            continue
        if t.kind == "open" and _empty_operand(tokens, out, i):
            i += 2
            continue
        if t.kind == "cmd" and t.text in DROP_WITH_ARG and t.text != "\\tag":
            i += 1
            if i < len(tokens) and tokens[i].kind == "open":
                _, i = read_group(tokens, i)
            if t.spaced:
                _space_before(tokens, i)
            continue
        if t.kind == "cmd" and t.text in IGNORED:
            if t.text in SPACES or t.spaced:
                _space_before(tokens, i + 1)
            i += 1
            continue
        if t.kind == "cmd" and t.text in KERNS:
            after = _after_dimension(tokens, i + 1)
            sign = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 1].kind == "open" else \
                tokens[i + 1] if i + 1 < len(tokens) else None
            if t.spaced or sign is None or not sign.is_("-"):
                _space_before(tokens, after)  # \mkern3mu is a space, \mkern-3mu pulls together
            i = after
            continue
        after_word = mod_word_end(tokens, i) if t.kind == "cmd" and t.text in MOD_WORD_STYLES else None
        if after_word is not None and not _in_script(out):
            # 17 \operatorname{mod} 5, 17 \text{ mod } 5: the operator \bmod typesets
            out.append(Token("cmd", "\\bmod", t.start, tokens[after_word - 1].end, t.spaced))
            i = after_word
            continue
        nested = _nested_name_font(tokens, i) if t.kind == "cmd" else None
        if nested is not None:
            a, b = nested
            tokens[i:b + 1] = tokens[a:b]
            continue
        if t.kind == "cmd" and t.text == "\\operatorname" and i + 1 < len(tokens) and tokens[i + 1].is_("*"):
            # the star only moves the limits under the name
            out.append(t)
            i += 2
            continue
        if t.kind == "cmd" and t.text == "\\ensuremath":
            # \ensuremath{\mathbb{E}}[X]: its braces keep nothing together in math mode
            groups = _groups(tokens, i + 1, 1)
            if groups is not None:
                (a, b), = groups
                tokens[i : b + 1] = tokens[a:b]
                continue
        if t.kind == "cmd" and t.text == "\\mathchoice":
            # \mathchoice{display}{text}{script}{scriptscript}: the display form is the math
            groups = _groups(tokens, i + 1, 4)
            if groups is None:
                raise ParseFailure("a \\mathchoice without its four forms")
            (first_start, first_end), end = groups[0], groups[-1][1] + 1
            tokens[i : end] = tokens[first_start:first_end]
            continue
        if t.kind == "cmd" and t.text in ("\\mbox", "\\hbox", "\\text") and i + 3 < len(tokens) \
                and tokens[i + 1].kind == "open" and tokens[i + 2].text in ("\\bf", "\\bfseries"):
            # \mbox{\bf v} (a vector macro): \mathbf{v}
            out.append(Token("cmd", "\\mathbf", t.start, t.end, t.spaced))
            out.append(tokens[i + 1])
            i += 3
            continue
        if t.kind == "open" and i + 1 < len(tokens) and tokens[i + 1].text in OLD_FONTS:
            # {\bf v}, H_{\rm eff}: the old font switches, which act to the end of their group. The
            # group stays a group around the styled letters, {\mathbf{v}}, so that an accent or a
            # script that takes it as its argument, \hat{\bm{x}}, \tilde{\bf y}, keeps all of it.
            end = read_group(tokens, i)[1]
            close, font = tokens[end - 1], tokens[i + 1]
            styled = Token("cmd", OLD_FONTS[font.text], font.start, font.end, font.spaced)
            tokens[i : end] = [t, styled, t, *tokens[i + 2 : end - 1], close, close]
            out.append(t)
            i += 1
            continue
        if t.kind == "cmd" and t.text == "\\mathbin":
            # \mathbin{\makebox{...$\cdot$...}}: a drawn operator; what matters is which one
            groups = _groups(tokens, i + 1, 1)
            if groups is not None:
                (a, b), = groups
                inner = {x.text for x in tokens[a:b]}
                for op in ("\\cdot", "\\times", "+", "-"):
                    if op in inner:
                        out.append(Token("cmd" if op.startswith("\\") else "sym", op, t.start, t.end, t.spaced))
                        break
                else:
                    raise ParseFailure("an operator drawn with \\mathbin is not decided yet")
                i = b + 1
                continue
        if t.kind == "cmd" and t.text in ("\\mathop", "\\mathord") and i + 2 < len(tokens) \
                and tokens[i + 1].kind == "open" and tokens[i + 2].kind == "close":
            if t.spaced:
                _space_before(tokens, i + 3)
            i += 3  # \mathop{} is spacing
            continue
        if t.kind == "cmd" and t.text == "\\mathop" and i + 1 < len(tokens) and tokens[i + 1].kind == "open":
            # \mathop{\mathrm{arg\,min}}: an operator's spacing and limits around what it typesets
            groups = _groups(tokens, i + 1, 1)
            if groups is not None:
                (a, b), = groups
                inner = tokens[a:b]
                if len(inner) > 2 and inner[0].kind == "cmd" and all(x.kind == "letter" for x in inner[1:]):
                    # \mathop{\opfont adj}: a style's own font switch before the operator's name,
                    # which is all that matters of it
                    start, end = inner[0].start, inner[-1].end
                    inner = [Token("cmd", "\\operatorname", start, start, inner[0].spaced),
                             Token("open", "{", start, start), *inner[1:], Token("close", "}", end, end)]
                tokens[i : b + 1] = inner
                continue
        out.append(t)
        i += 1
    # trailing punctuation ends a row in prose style: "= x^2 ." is "= x^2"
    while out and out[-1].kind == "sym" and out[-1].text in ",.;":
        out.pop()
    return _merge_increments(_digit_groups(out), increments)


def _digit_groups(tokens: list[Token]) -> list[Token]:
    """``299\\,792\\,458``, ``6.626\\,070``: digits grouped by threes with a thin space (siunitx's style)
    are one number, not a product of numbers."""
    out: list[Token] = []
    grouped = False  # the last token is a number already joined from groups
    for t in tokens:
        last = out[-1] if out else None
        if last is not None and last.kind == "num" and t.kind == "num" and t.spaced and len(t.text) == 3 \
                and t.text.isdigit() and (grouped or len(last.text.split(".")[-1]) <= 3):
            out[-1] = Token("num", last.text + t.text, last.start, t.end, last.spaced)
            grouped = True
            continue
        out.append(t)
        grouped = False
    return out


# the fonts a norm's subscript may be written in (\|A\|_{\mathrm{F}}), and the letters that name the order
# of a p-norm (a capital names a weighting matrix, \|x\|_A = \sqrt{x^T A x}: unread)
NORM_SUBSCRIPT_STYLES = frozenset({"\\mathrm", "\\text", "\\textrm", "\\rm", "\\operatorname", "\\mathit"})
NORM_ORDER_LETTERS = frozenset({"p", "q", "r"})
# the fonts of a measure's name over an expectation (\mathbb{E}^{\mathbb{Q}}, E^{\tilde P})
MEASURE_STYLES = frozenset({"\\mathbb", "\\mathcal", "\\mathscr", "\\mathrm", "\\mathsf", "\\mathbf", "\\tilde",
                            "\\widetilde", "\\hat"})
MOD_WORD_STYLES = {"\\operatorname", "\\mathrm", "\\text", "\\textrm", "\\textnormal", "\\textup", "\\mbox"}


def _in_script(before: list[Token]) -> bool:
    """Whether the next token opens a script (``E_\\text{mod}``, ``E_{\\text{mod}}``): a label there."""
    last = before[-1] if before else None
    if last is not None and last.kind == "open" and len(before) > 1:
        last = before[-2]
    return last is not None and last.text in ("_", "^")


def mod_word_end(tokens: list[Token], i: int) -> int | None:
    """The index after ``\\operatorname{mod}`` (or ``\\text{ mod }``, ``\\mathrm{~mod~}``...) at ``i``."""
    t = tokens[i]
    if t.kind != "cmd" or t.text not in MOD_WORD_STYLES or i + 1 >= len(tokens) or tokens[i + 1].kind != "open":
        return None
    try:
        inner, after = read_group(tokens, i + 1)
    except ParseFailure:
        return None
    letters = [x.text for x in inner if not (x.kind == "cmd" and x.text in IGNORED)]
    return after if letters == ["m", "o", "d"] else None


BETWEEN = {"\\le", "\\leq", "\\leqslant"}


def _between_bounds(toks: list[Token]) -> list[Token]:
    """``1 \\le i \\le n`` as ``i = 1`` (the upper bound is read by _upper_bound); others unchanged."""
    marks = [k for k, x in enumerate(toks) if x.text in BETWEEN]
    if len(marks) != 2 or marks[1] != marks[0] + 2 or marks[0] == 0:
        return toks
    var = toks[marks[0] + 1]
    return [var, Token("sym", "=", var.start, var.end), *toks[:marks[0]]]


PAIR_RELATIONS = {"<": "<", "\\le": "\\le", "\\leq": "\\le", "\\leqslant": "\\le", "\\neq": "\\neq", "\\ne": "\\neq"}


def _pair_condition(toks: list[Token]) -> tuple[str, str, str, list[Token], list[Token]] | None:
    """``i < j``, ``i \\le j``, ``i \\neq j`` and ``1 \\le i < j \\le n`` below a sum: the index, the relation
    (normalised), the partner letter and the tokens of the lower and upper bound (both empty when none is
    written); None for any other subscript. Whether the partner is bound too is the step's (see
    sides.pair_sums)."""
    lo_toks: list[Token] = []
    hi_toks: list[Token] = []
    core = toks
    if len(toks) >= 7:
        marks = [k for k, x in enumerate(toks) if x.text in BETWEEN]
        if len(marks) < 2 or marks[-1] != marks[0] + 4 or marks[0] == 0 or marks[-1] + 1 >= len(toks):
            return None
        lo_toks, core, hi_toks = toks[:marks[0]], toks[marks[0] + 1:marks[-1]], toks[marks[-1] + 1:]
        if PAIR_RELATIONS.get(core[1].text) not in ("<", "\\le"):
            return None
    if len(core) != 3 or not (_letter_token(core[0]) and _letter_token(core[2])) or core[0].text == core[2].text:
        return None
    order = PAIR_RELATIONS.get(core[1].text)
    if order is None:
        return None
    return core[0].text, order, core[2].text, lo_toks, hi_toks


def _upper_bound(toks: list[Token], parser: "Parser") -> n.Node | None:
    marks = [k for k, x in enumerate(toks) if x.text in BETWEEN]
    if len(marks) != 2 or marks[1] != marks[0] + 2 or marks[1] + 1 >= len(toks):
        return None
    return parser.sub_parse(toks[marks[1] + 1:])


def _indexes_only(body: n.Node, variables: set[str]) -> bool:
    """Whether the index letters occur in ``body`` as subscripts (x_i), and never as a quantity."""
    inside = {id(x) for s in body.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}
    indexed = any(id(x) in inside for x in body.walk() if isinstance(x, n.Sym) and x.base in variables)
    loose = any(id(x) not in inside for x in body.walk() if isinstance(x, n.Sym) and x.base in variables)
    return indexed and not loose


def _applies(tree: n.Node, named: n.Node) -> bool:
    """Whether ``named`` (``f``, or ``f(x)`` with letters for arguments) is a function ``tree`` applies."""
    if isinstance(named, n.Apply):
        if not all(isinstance(a, n.Sym) and not (a.indices or a.style) for a in named.args):
            return False
        named = named.func
    if not isinstance(named, n.Sym) or named.indices:
        return False
    heads = {id(x.func) for x in tree.walk() if isinstance(x, n.Apply) and _same_function(x.func, named)}
    # s(s + 1)|_{s=1/2}: s is also a quantity of F, so the bar evaluates it, and s( is a product
    alone = any(isinstance(x, n.Sym) and _same_function(x, named) and id(x) not in heads for x in tree.walk())
    return bool(heads) and not alone


def _same_function(a: n.Sym, b: n.Sym) -> bool:
    return a.key == b.key and not a.indices and not b.indices and a.labels == b.labels


def _function_parameters(named: n.Node, body: n.Node) -> tuple[str, ...]:
    """The argument names of ``f(x) = ...``; for ``f = x^2`` the one letter of the body (none for a
    constant). A body of several letters names no argument that can be told from them."""
    if isinstance(named, n.Apply):
        return tuple(a.base for a in named.args)  # type: ignore[union-attr]
    letters = {x.base for x in body.walk() if isinstance(x, n.Sym) and not (x.indices or x.style)}
    if len(letters) > 1:
        raise ParseFailure("a function given by an expression of several letters (f = ax^2) is not decided")
    return tuple(letters) or ("",)


def _put_function(tree: n.Node, named: n.Node, body: n.Node) -> n.Node:
    """``F\\big|_{f = x^2}``: F with each ``f(a)`` replaced by the body at ``a``, as a definition of f
    would be put in (an application with primes, f'(a), is not read)."""
    head = named.func if isinstance(named, n.Apply) else named
    params = _function_parameters(named, body)

    def bound(arguments: tuple[n.Node, ...]) -> n.Node:
        binding = dict(zip(params, arguments))

        def put(node: n.Node) -> n.Node | None:
            if isinstance(node, n.Sym) and not (node.indices or node.style) and node.base in binding:
                value = binding[node.base]
                return n.Paren(value.start, value.end, value)
            return None
        return n.rebuild(body, put)

    def fn(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Apply) and _same_function(node.func, head):
            if node.primes or len(node.args) != len(params):
                raise ParseFailure(f"{head.base} with primes or other arguments under an evaluation bar")
            args = tuple(n.rebuild(a, fn) for a in node.args)
            return n.Paren(node.start, node.end, bound(args))
        return None
    return n.rebuild(tree, fn)


def _subscript_commands(tokens: list[Token], names: set[str]) -> frozenset[str]:
    """Which of ``names`` occur in a subscript of ``tokens`` (``x_\\imath``, ``\\sum_{\\imath=1}``)."""
    found: set[str] = set()
    k = 0
    while k < len(tokens):
        if tokens[k].is_("_") and k + 1 < len(tokens):
            if tokens[k + 1].kind == "open":
                try:
                    script, after = read_group(tokens, k + 1)
                except ParseFailure:
                    break
            else:
                script, after = tokens[k + 1 : k + 2], k + 2
            found.update(x.text for x in script if x.kind == "cmd" and x.text in names)
            k = after
            continue
        k += 1
    return frozenset(found)


#: What an empty group ``{}`` stands before to make it a binary operator (or a relation) in TeX's
#: spacing: ``&\quad {}- 2x``, ``{}={}``.
_BINARY_AFTER_EMPTY = frozenset({"+", "-", "=", "<", ">", "\\cdot", "\\times", "\\pm", "\\mp", "\\le",
                                 "\\ge", "\\leq", "\\geq", "\\approx", "\\neq", "\\equiv"})


def _empty_operand(tokens: list[Token], out: list[Token], i: int) -> bool:
    """Whether ``tokens[i:i+2]`` is an empty group ``{}`` typed only for spacing, beside a binary
    operator or a relation (``a \\\\ &\\quad {}- b``), not an argument (``\\frac{}{2}``, ``x^{}``)."""
    if i + 1 >= len(tokens) or tokens[i + 1].kind != "close":
        return False
    before = out[-1] if out else None
    if before is not None and (before.kind in ("cmd", "close", "open") or before.text in ("^", "_")):
        if not (before.kind == "cmd" and (before.text in IGNORED or before.text in _BINARY_AFTER_EMPTY)):
            return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if after is not None and after.text in ("^", "_"):
        return False  # the base of scripts written before a letter: {}_nC_k, {}^{14}C
    return after is None or before is None or after.text in _BINARY_AFTER_EMPTY \
        or before.text in _BINARY_AFTER_EMPTY


def _boxed_math(toks: list[Token]) -> list[Token]:
    """The content of a text-mode box (``\\fbox{$10$}``, ``\\colorbox{yellow}{$x$}``) without the
    dollars that put it back in math; a box of words is left as it is, and not read."""
    if len(toks) >= 3 and toks[0].is_("$") and toks[-1].is_("$") and not any(x.is_("$") for x in toks[1:-1]):
        return toks[1:-1]
    return toks


def _space_before(tokens: list[Token], j: int) -> None:
    """Mark the token at ``j`` (if any) as following an explicit space that was dropped."""
    if j < len(tokens) and not tokens[j].spaced:
        tokens[j] = replace(tokens[j], spaced=True)


# \bm is no switch: it takes one argument as \mathbf does ({\bm{h}^T} is a group that opens with
# a bold h, not bold type to the end of the group)
OLD_FONTS = {"\\bf": "\\mathbf", "\\rm": "\\mathrm", "\\it": "\\mathit",
             "\\sf": "\\mathsf", "\\cal": "\\mathcal"}


def _after_dimension(tokens: list[Token], i: int) -> int:
    """The index after the dimension of a kern (``-3mu``, ``1.5pt``, ``{2mu}``)."""
    if i < len(tokens) and tokens[i].kind == "open":
        return read_group(tokens, i)[1]
    if i < len(tokens) and tokens[i].is_("-", "+"):
        i += 1
    if i < len(tokens) and tokens[i].kind == "num":
        i += 1
    if i + 1 < len(tokens) and tokens[i].text + tokens[i + 1].text in UNITS:
        i += 2
    return i


INCREMENTS = ("\\Delta", "\\delta")
LIMIT_ARROWS = {"\\to", "\\rightarrow", "\\longrightarrow"}


# Commands whose braced argument is one script when written without braces around the whole (x_\text{max}).
SCRIPT_TEXT_COMMANDS = frozenset({"\\text", "\\textrm", "\\textit", "\\textsf", "\\textnormal", "\\mbox",
                                  "\\mathrm", "\\mathit", "\\mathsf", "\\operatorname"})


def increments_of(tokens: list[Token]) -> tuple[set[str], set[str]]:
    """Which of ``\\Delta`` and ``\\delta`` the tokens write before a letter, and which anywhere else
    (alone, before a bracket, as a Kronecker delta's head)."""
    before_letters, elsewhere = set(), set()
    for k, t in enumerate(tokens):
        if t.text in INCREMENTS:
            letter = k + 1 < len(tokens) and (tokens[k + 1].kind == "letter" or _bold_letter(tokens, k + 1))
            (before_letters if letter else elsewhere).add(t.text)
    return before_letters, elsewhere


def _bold_letter(tokens: list[Token], k: int) -> int:
    """How many tokens a bold or arrowed letter at ``k`` takes (``\\mathbf x``: 2, ``\\vec{x}``: 4), or 0:
    ``\\delta\\mathbf{x}`` is the perturbation of a vector as ``\\delta x`` is of a number, and never
    delta times x (``A\\,\\delta\\mathbf x = \\delta\\mathbf b`` in a perturbation bound)."""
    if k >= len(tokens) or tokens[k].kind != "cmd" or STYLES.get(tokens[k].text) not in ("bf", "bf+arrow"):
        return 0
    if k + 1 < len(tokens) and tokens[k + 1].kind == "letter":
        return 2
    if k + 3 < len(tokens) and tokens[k + 1].kind == "open" and tokens[k + 2].kind == "letter" \
            and tokens[k + 3].kind == "close":
        return 4
    return 0


def _merge_increments(tokens: list[Token], increments: frozenset[str]) -> list[Token]:
    """``\\Delta x`` as one quantity, the increment of x, where the step never writes Delta otherwise
    (``increments``; \\Delta Q / Q is a relative change, not Q / Q), and in any case in a line whose
    limit runs over it (``\\lim_{\\Delta x \\to 0}``), whose body would otherwise be a product with x."""
    pairs = set()
    for k, t in enumerate(tokens):
        if t.text in increments and k + 1 < len(tokens) and tokens[k + 1].kind == "letter":
            pairs.add((t.text, tokens[k + 1].text))
        elif t.text in increments and _bold_letter(tokens, k + 1):
            pairs.add((t.text, ""))
        if t.text == "\\lim" and k + 5 < len(tokens) and tokens[k + 1].is_("_") and tokens[k + 2].kind == "open" \
                and tokens[k + 3].text in INCREMENTS and tokens[k + 4].kind == "letter" \
                and tokens[k + 5].text in LIMIT_ARROWS:
            pairs.add((tokens[k + 3].text, tokens[k + 4].text))
    if not pairs:
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if k + 1 < len(tokens) and (t.text, tokens[k + 1].text) in pairs and tokens[k + 1].kind == "letter":
            out.append(Token("letter", f"{t.text} {tokens[k + 1].text}", t.start, tokens[k + 1].end, t.spaced))
            k += 2
            continue
        width = _bold_letter(tokens, k + 1) if (t.text, "") in pairs else 0
        if width:
            # the increment goes inside the style, so that the quantity stays a vector: \mathbf{\delta x}
            style, letter = tokens[k + 1], tokens[k + width - (1 if width == 4 else 0)]
            end = tokens[k + width].end
            out += [replace(style, start=t.start, spaced=t.spaced), Token("open", "{", letter.start, letter.start),
                    Token("letter", f"{t.text} {letter.text}", t.start, letter.end), Token("close", "}", end, end)]
            k += 1 + width
            continue
        out.append(t)
        k += 1
    return out


BAR_TEXTS = {"|", "\\vert", "\\lvert", "\\rvert", "\\mid"}


#: Upright styles in which ``6.02\text{e}23`` writes a power of ten; ``\mathrm{e}`` alone is also
#: Euler's number in ISO style, so its exponent has to settle which it is (see _exponent_mark).
E_MARK_STYLES = {"\\text", "\\textrm", "\\textnormal", "\\textup", "\\mathrm"}
E_MARKS = E_MARK_STYLES | {"e", "E"}
E_MARK_TEXT = {"\\text", "\\textrm", "\\textnormal", "\\textup"}


def _e_mark(tokens: list[Token], i: int) -> tuple[int, bool] | None:
    """After the number ending at ``i - 1``: the index after an ``e``/``E`` marker of E-notation, and
    whether the marker is prose-styled (``\\text{e}``), which never means Euler's number."""
    t = tokens[i] if i < len(tokens) else None
    if t is None:
        return None
    if t.kind == "letter" and t.text in ("e", "E") and t.start == tokens[i - 1].end:
        return i + 1, False
    if t.kind == "cmd" and t.text in E_MARK_STYLES and i + 3 < len(tokens) and tokens[i + 1].kind == "open" \
            and tokens[i + 2].text in ("e", "E") and tokens[i + 3].kind == "close":
        return i + 4, t.text in E_MARK_TEXT
    return None


def _exponent_mark(tokens: list[Token], j: int, prose: bool) -> tuple[list[Token], int] | None:
    """The exponent after an E-notation marker (``23``, ``{-3}``, and, after a prose marker, ``-3``)
    and the index after it. Raises for ``2e-3`` and ``2\\mathrm{e}-3``: 2e - 3 with Euler's e is as
    likely a reading as 0.002, and only the prose can say which."""
    def integer(k: int) -> bool:
        return k < len(tokens) and tokens[k].kind == "num" and "." not in tokens[k].text
    if integer(j) and tokens[j].start == tokens[j - 1].end:
        return [tokens[j]], j + 1
    if j < len(tokens) and tokens[j].kind == "open":
        k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].text in ("+", "-"))
        if integer(k) and k + 1 < len(tokens) and tokens[k + 1].kind == "close":
            return tokens[j + 1 : k + 1], k + 2
        return None
    if j < len(tokens) and tokens[j].text in ("+", "-") and integer(j + 1) \
            and tokens[j].start == tokens[j - 1].end and tokens[j + 1].start == tokens[j].end:
        if prose:
            return tokens[j : j + 2], j + 2
        raise ParseFailure(f"{tokens[j - 1].text}{tokens[j].text}{tokens[j + 1].text} after a number: "
                           "E-notation or Euler's e minus a number is not decided")
    return None


def _scientific_notation(tokens: list[Token]) -> list[Token]:
    """``6.02\\text{e}23``, ``1.5\\mathrm{E}{-3}``, ``1e3`` as ``{6.02 \\times 10^{23}}``: read as a
    product with Euler's e, a correct ``6.02\\text{e}23 \\cdot 2 = 1.204\\text{e}24`` differs."""
    for k in range(len(tokens) - 1):
        if tokens[k].kind == "num" and tokens[k + 1].text in E_MARKS and _e_mark(tokens, k + 1):
            break
    else:
        return tokens  # most lines: nothing to rebuild
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        mark = _e_mark(tokens, i + 1) if t.kind == "num" and not (out and out[-1].text in ("^", "_")) else None
        found = _exponent_mark(tokens, mark[0], mark[1]) if mark else None
        if found is None:
            out.append(t)
            i += 1
            continue
        exponent, after = found
        start, end = tokens[i + 1].start, tokens[after - 1].end

        def made(kind: str, text: str) -> Token:
            return Token(kind, text, start, end)
        out += [Token("open", "{", t.start, end, t.spaced), t, made("cmd", "\\times"), made("num", "10"),
                made("sym", "^"), made("open", "{"), *exponent,  # the exponent where it is written
                made("close", "}"), made("close", "}")]
        i = after
    return out


# the accents that mark the repeating digits of a decimal: a bar over them all, or a dot over the first
# and the last of them (0.\dot{1}4\dot{2} is 0.142142...)
PERIOD_BARS = {"\\overline", "\\bar"}
PERIOD_DOTS = {"\\dot"}
# the bars that average what they are over, where it is a fluctuation (\overline{u'v'}); over another
# expression a bar is not read (an average or a conjugate?) unless the step or the prose says which
AVERAGE_BARS = PERIOD_BARS
OVER_EXPRESSION = "{} over an expression is not decided yet"


def _accented_digits(tokens: list[Token], i: int, accents: set[str]) -> tuple[str, int] | None:
    """The digits under the accent at ``tokens[i]`` (``\\overline{142}``, ``\\dot 3``) and the index
    after it; None unless an accent of ``accents`` stands over digits alone."""
    if i >= len(tokens) or tokens[i].kind != "cmd" or tokens[i].text not in accents or i + 1 >= len(tokens):
        return None
    if tokens[i + 1].kind == "num":
        digits, after = tokens[i + 1].text[:1], i + 2  # \dot 3: the one character TeX takes
        if len(tokens[i + 1].text) > 1:
            return None  # \dot 34 would leave the 4 unaccented: not written so
    else:
        group = _groups(tokens, i + 1, 1)
        if group is None:
            return None
        (a, b), = group
        digits, after = "".join(t.text for t in tokens[a:b]), b + 1
        if not all(t.kind == "num" for t in tokens[a:b]):
            return None
    return (digits, after) if digits.isdigit() else None


#: terms that are values already, which an evaluation bar after them does not close
_VALUES = (n.Integral, n.BigOp, n.Limit, n.EvalBar, n.Optimum, n.Evaluate)


def _one_antiderivative(terms: list[n.Term], last: n.Node) -> bool:
    """Whether the terms before an evaluation bar and the term it follows read as one antiderivative
    (``\\frac{x^3}{3} - x\\Big|_0^1``): none is a value already (a definite integral, a sum, a limit, a
    term evaluated), and each shares a letter with the last, so the bar has something to evaluate in
    each. A term without it would vanish under the bar, which no author means: ``\\int_0^1 f\\,dx -
    uv\\Big|_0^1`` evaluates uv alone."""
    nodes = [t.node for t in terms] + [last]
    if any(isinstance(x, _VALUES) for node in nodes for x in node.walk()):
        return False

    def letters(node: n.Node) -> set[str]:
        return {x.base for x in node.walk() if isinstance(x, n.Sym)}

    mine = letters(last)
    return bool(mine) and all(letters(t.node) & mine for t in terms)


def _adjacent(before: Token, token: Token) -> bool:
    """Whether ``token`` follows ``before`` with nothing typed between them: in the text, or inside one
    macro's expansion, whose tokens all take the span of the invocation (\\sgp for \\sigma^2_p)."""
    return before.end == token.start or (before.start, before.end) == (token.start, token.end)


def _contour_intervals(tokens: list[Token]) -> list[Token]:
    """``\\oint_0^{2\\pi} f(t)\\,dt``: a closed path run through by a parameter whose interval is written
    is the integral over that interval, read as ``\\int``. Over a named curve (``\\oint_C``, ``\\oint_{|z|=1}``)
    the path is not written: it stays unread."""
    if not any(t.text == "\\oint" for t in tokens):
        return tokens
    out = list(tokens)
    for i, t in enumerate(tokens):
        if t.text != "\\oint":
            continue
        scripts: dict[str, list[Token]] = {}
        j = i + 1
        try:
            for _ in range(2):
                if j < len(tokens) and tokens[j].text in ("_", "^") and tokens[j].text not in scripts:
                    script = tokens[j].text
                    scripts[script], j = read_group(tokens, j + 1)
        except ParseFailure:
            continue
        lower = scripts.get("_")
        if lower and scripts.get("^") and not _names_curve(lower):
            out[i] = Token("cmd", "\\int", t.start, t.end, t.spaced)
    return out


def _names_curve(lower: list[Token]) -> bool:
    """A lower script that names a path rather than a starting value: ``C``, ``\\partial S``, ``\\gamma``,
    ``\\mathcal{C}``, ``|z| = 1``."""
    if len(lower) == 1 and lower[0].kind == "letter" and lower[0].text.isupper():
        return True
    return any(x.text in ("\\partial", "\\mathcal", "\\gamma", "\\Gamma", "|", "\\vert") for x in lower)


#: the degree sign as gensymb, textcomp and a pasted character write it: ``^\\circ`` (see Parser.degrees_ahead)
DEGREE_SIGNS = {"\\degree", "\\textdegree", "°"}


def _degree_signs(tokens: list[Token]) -> list[Token]:
    """``45\\degree``, ``30°``, and after a number ``60^o`` or ``60^{o}`` (a letter o for the small circle, as
    a board's notes type it: no number is raised to a power o), as ``^\\circ``."""
    if not any(t.text in DEGREE_SIGNS or t.text == "o" for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.text in DEGREE_SIGNS:
            out += [Token("sym", "^", t.start, t.start, t.spaced), Token("cmd", "\\circ", t.start, t.end)]
            i += 1
            continue
        if t.is_("^") and out and out[-1].kind == "num" and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt.kind == "letter" and nxt.text == "o":
                out += [t, Token("cmd", "\\circ", nxt.start, nxt.end)]
                i += 2
                continue
            if nxt.kind == "open" and i + 3 < len(tokens) and tokens[i + 2].text == "o" \
                    and tokens[i + 2].kind == "letter" and tokens[i + 3].kind == "close":
                out += [t, Token("cmd", "\\circ", tokens[i + 2].start, tokens[i + 2].end)]
                i += 4
                continue
        out.append(t)
        i += 1
    return out


#: the marks of a currency written before an amount (\\$500, \\pounds 20, \\text{£}3.50, €12), by the unit they name
CURRENCY_MARKS = {"\\$": "dollar", "\\pounds": "pound", "\\textsterling": "pound", "£": "pound", "\\euro": "euro",
                  "\\texteuro": "euro", "\\EUR": "euro", "€": "euro", "\\yen": "yen", "¥": "yen"}


def _currency_prefixes(tokens: list[Token]) -> list[Token]:
    """An amount of money, its currency's mark before the number (``\\$530.45``, ``\\text{£}288``), as the
    number with the currency's unit after it: a unit, not an unknown command or a word, so that the step
    is decided where both sides are in one currency and left uncompared across two (see UNIT_KINDS)."""
    if not any(t.text in CURRENCY_MARKS for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        mark, after = (t, i + 1) if t.text in CURRENCY_MARKS else (None, i)
        if mark is None and t.text in ("\\text", "\\mathrm", "\\textrm") and i + 3 < len(tokens) \
                and tokens[i + 1].kind == "open" and tokens[i + 2].text in CURRENCY_MARKS \
                and tokens[i + 3].kind == "close":
            mark, after = tokens[i + 2], i + 4
        if mark is None or after >= len(tokens) or tokens[after].kind != "num":
            out.append(t)
            i += 1
            continue
        number = tokens[after]
        out += [Token("num", number.text, t.start, number.end, t.spaced),
                unit_token(CURRENCY_MARKS[mark.text], number.end, number.end)]
        i = after + 1
    return out


#: what may stand just before a prefix superscript or subscript that has no base of its own (``3 \times
#: {}^5C_2``): the start of the side, an empty group, a thin space, an operator or an opening bracket
_PREFIX_AFTER = frozenset({"+", "-", "(", "[", "\\times", "\\cdot", "\\div", "/", "\\left", "\\,", "\\;", "\\!",
                           "\\quad", "\\qquad", "\\ "})
#: the letter between a count's two indices and what it counts: combinations, permutations
_COUNTING_LETTERS = {"C": "\\binom{{{n}}}{{{r}}}", "P": "\\frac{{({n})!}}{{({n} - ({r}))!}}"}


def _prefix_index(tokens: list[Token], i: int, mark: str) -> tuple[list[Token], int] | None:
    """The tokens of the index ``mark`` (``^`` or ``_``) at ``i`` writes (a group, or one digit string
    or letter), and where it ends; None if none is written there."""
    if i + 1 >= len(tokens) or not tokens[i].is_(mark):
        return None
    nxt = tokens[i + 1]
    if nxt.kind == "open":
        groups = _groups(tokens, i + 1, 1)
        if groups is None:
            return None
        (a, b), = groups
        return (tokens[a:b], b + 1) if b > a else None
    if nxt.kind in ("num", "letter"):
        return [nxt], i + 2
    return None


def _counting_letter(tokens: list[Token], k: int) -> tuple[Token, int] | None:
    """The C or P of a count at ``k`` (after a thin space or a negative one, ``{}^{n}\\!C_{r}``; upright,
    ``\\mathrm{C}``), and where it ends; None for anything else."""
    while k < len(tokens) and tokens[k].text in ("\\!", "\\,", "\\;", "\\:"):
        k += 1
    if k < len(tokens) and tokens[k].kind == "letter" and tokens[k].text in _COUNTING_LETTERS:
        return tokens[k], k + 1
    if k + 3 < len(tokens) and tokens[k].text in ("\\mathrm", "\\text", "\\textrm", "\\rm") \
            and tokens[k + 1].kind == "open" and tokens[k + 2].kind == "letter" \
            and tokens[k + 2].text in _COUNTING_LETTERS and tokens[k + 3].kind == "close":
        return tokens[k + 2], k + 4
    return None


def _counting_prefixes(tokens: list[Token]) -> list[Token]:
    """``{}^{n}C_{r}``, ``^nC_r``, ``{}_nC_r`` (school and calculator notation for the number of
    combinations, ``{}^nP_r`` for permutations) as ``\\binom{n}{r}`` and ``n!/(n - r)!``: an index written
    before a capital C or P with nothing for it to stand on, and one after it."""
    if not any(t.is_("C", "P") and t.kind == "letter" for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        j = i
        if t.kind == "open" and i + 1 < len(tokens) and tokens[i + 1].kind == "close":
            j = i + 2  # {}^n: the empty group TeX needs for an index with no base
        elif not t.is_("^", "_") or out and not (out[-1].text in _PREFIX_AFTER or out[-1].kind == "open"):
            out.append(t)
            i += 1
            continue
        top = _prefix_index(tokens, j, "^") or _prefix_index(tokens, j, "_")
        letter = _counting_letter(tokens, top[1]) if top is not None else None
        if letter is None:
            out.append(t)
            i += 1
            continue
        letter, after = letter
        bottom = _prefix_index(tokens, after, "_")
        # ({}^{a}C_{b}^{c}, three indices, is a tensor's component, not a count)
        if bottom is None or bottom[1] < len(tokens) and tokens[bottom[1]].is_("^"):
            out.append(t)
            i += 1
            continue
        n_text = "".join(x.text + " " for x in top[0])
        r_text = "".join(x.text + " " for x in bottom[0])
        start, end = t.start, tokens[bottom[1] - 1].end
        made = tokenize(_COUNTING_LETTERS[letter.text].format(n=n_text, r=r_text))
        out += [Token(x.kind, x.text, start, end, t.spaced if k == 0 else False) for k, x in enumerate(made)]
        i = bottom[1]
    return out


def _digits_going_on(tokens: list[Token]) -> list[Token]:
    """``3.162\\ldots``: a decimal the dots end says its digits go on (the value cut off or rounded to
    those written, as the decimals a written ``3.162...`` ends with), not a product with a run of terms."""
    if len(tokens) >= 2 and tokens[-1].kind == "cmd" and tokens[-1].text in ("\\ldots", "\\dots", "\\cdots") \
            and tokens[-2].kind == "num" and "." in tokens[-2].text.strip(".") and not tokens[-1].spaced \
            and not _runs_on(tokens[:-2]):
        return tokens[:-1]
    return tokens


def _runs_on(tokens: list[Token]) -> bool:
    """Whether a decimal after ``tokens`` is the last written term of a run (``0.5 + 0.25 + 0.125\\ldots``, a
    list ``0.5, 0.25, 0.125\\ldots``), whose dots say the terms go on, not the digits: a term after a sign or
    a comma outside brackets (a leading sign, -0.333\\ldots, is the number's own)."""
    depth = 0
    for k, t in enumerate(tokens):
        if t.kind == "open" or t.is_("(", "[", "\\left"):
            depth += 1
        elif t.kind == "close" or t.is_(")", "]", "\\right"):
            depth -= 1
        elif depth == 0 and k > 0 and t.kind == "sym" and t.is_("+", "-", ","):
            return True
    return False


def _repeating_decimals(tokens: list[Token]) -> list[Token]:
    """``0.\\overline{3}``, ``0.1\\overline{6}``, ``1.\\dot{3}``, ``0.\\dot{1}4\\dot{2}``: a decimal whose marked
    digits repeat for ever, as ``\\lintmathrepeating{0.1}{6}`` (the digits written before the period, and
    the period); see Parser.command."""
    if not any(t.kind == "cmd" and t.text in PERIOD_BARS | PERIOD_DOTS for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind != "num" or out and out[-1].kind == "num":
            out.append(t)
            i += 1
            continue
        head, j = t.text, i + 1
        if "." not in head and j < len(tokens) and tokens[j].is_(".") and not tokens[j].spaced:
            head, j = head + ".", j + 1
        if "." not in head or head.startswith(".") and not head[1:]:
            out.append(t)
            i += 1
            continue
        period, after = None, j
        bar = _accented_digits(tokens, j, PERIOD_BARS)
        if bar is not None:
            period, after = bar
        first = _accented_digits(tokens, j, PERIOD_DOTS) if bar is None else None
        if first is not None:
            period, after = first
            middle = tokens[after].text if after < len(tokens) and tokens[after].kind == "num" else ""
            last = _accented_digits(tokens, after + (1 if middle else 0), PERIOD_DOTS)
            if last is not None:
                period, after = period + middle + last[0], last[1]
        if period is None:
            out.append(t)
            i += 1
            continue
        end = tokens[after - 1].end

        def made(kind: str, text: str) -> Token:
            return Token(kind, text, t.start, end)
        out += [Token("cmd", "\\lintmathrepeating", t.start, end, t.spaced), made("open", "{"), made("num", head),
                made("close", "}"), made("open", "{"), made("num", period), made("close", "}")]
        i = after
    return out


INFIX_FRACTIONS = {"\\over": "\\frac", "\\choose": "\\binom",
                   # Knuth's Stirling numbers: {n \brace k} of the second kind, {n \brack k} of the first
                   # (unsigned), as Concrete Mathematics writes them
                   "\\brace": "\\lintmathstirlingtwo", "\\brack": "\\lintmathstirlingone", "\\atop": ""}
# what the brackets around {n \atop k} make of it: \left[{n \atop k}\right] is what \brack typesets
ATOP_BRACKETS = {("(", ")"): "\\binom", ("[", "]"): "\\lintmathstirlingone", ("\\lbrack", "\\rbrack"): "\\lintmathstirlingone",
                 ("\\{", "\\}"): "\\lintmathstirlingtwo", ("\\lbrace", "\\rbrace"): "\\lintmathstirlingtwo"}


def _group_depth(tokens: list[Token], i: int) -> int:
    """+1 where a TeX group opens (a brace, or \\left with its delimiter), -1 where one closes."""
    t = tokens[i]
    if t.kind == "cmd" and t.text in ("\\left", "\\right"):
        return 1 if t.text == "\\left" else -1
    if i and tokens[i - 1].kind == "cmd" and tokens[i - 1].text in ("\\left", "\\right"):
        return 0  # the delimiter of \left or \right, whatever it is
    return {"close": -1, "open": 1}.get(t.kind, 0)


def _atop_delimiters(tokens: list[Token], start: int, end: int) -> tuple[int, int, str] | None:
    """The brackets around the group ``tokens[start..end]`` (its braces or its \\left..\\right) of a
    ``\\atop``, as the tokens to replace and the command they make; None when nothing brackets it."""
    if start < 0 or end >= len(tokens):
        return None
    if tokens[start].text == "\\left":
        first, last = start, end + 1  # \left[ n \atop k \right]: the delimiters are the group's own
        opening, closing = tokens[start + 1].text, tokens[end + 1].text if end + 1 < len(tokens) else ""
    else:
        first, last = start - 1, end + 1  # \left[{n \atop k}\right] or [{n \atop k}]
        if first > 0 and tokens[first - 1].text == "\\left":
            first -= 1
        if last < len(tokens) and tokens[last].text == "\\right":
            last += 1
        if start < 1 or last >= len(tokens):
            return None
        opening, closing = tokens[start - 1].text, tokens[last].text
    made = ATOP_BRACKETS.get((opening, closing))
    return None if made is None or last >= len(tokens) else (first, last, made)


def _infix_fractions(tokens: list[Token]) -> list[Token]:
    """Plain TeX's ``{a \\over b}`` and ``{n \\choose k}`` as ``\\frac{a}{b}`` and ``\\binom{n}{k}``:
    the infix command splits its whole group (braces, ``\\left..\\right``, or outside any group the
    whole side) in two. A ``\\atop`` is read only inside brackets that say what it stacks."""
    while True:
        at = next((i for i, t in enumerate(tokens) if t.kind == "cmd" and t.text in INFIX_FRACTIONS), None)
        if at is None:
            return tokens
        depth, start = 0, -1
        for i in range(at - 1, -1, -1):
            depth -= _group_depth(tokens, i)
            if depth < 0:
                start = i
                break
        depth, end = 0, len(tokens)
        for i in range(at + 1, len(tokens)):
            depth += _group_depth(tokens, i)
            if depth < 0:
                end = i
                break
        t = tokens[at]
        made = INFIX_FRACTIONS[t.text]
        inner_start = start + 2 if start >= 0 and tokens[start].text == "\\left" else start + 1
        if not made:
            around = _atop_delimiters(tokens, start, end)
            if around is None:
                raise ParseFailure("a \\atop that no brackets explain is not read")
            first_tok, last_tok, made = around
            opening, closing = Token("open", "{", t.start, t.start), Token("close", "}", t.end, t.end)
            tokens = [*tokens[:first_tok], Token("cmd", made, tokens[first_tok].start, t.end), opening,
                      *tokens[inner_start:at], closing, opening, *tokens[at + 1:end],
                      Token("close", "}", tokens[last_tok].end, tokens[last_tok].end), *tokens[last_tok + 1:]]
            continue
        # the fraction spans what the author wrote of it, its group's braces included, so that an
        # edit of the whole fraction replaces exactly that
        first = tokens[start].start if start >= 0 else tokens[0].start
        last = tokens[end].end if end < len(tokens) else tokens[-1].end
        opening, closing = Token("open", "{", t.start, t.start), Token("close", "}", t.end, t.end)
        if start >= 0 and tokens[start].text == "\\left":
            # \left( a \over b \right): the fraction inside the brackets, which stay
            if end >= len(tokens):
                raise ParseFailure("a \\left without its \\right")
            tokens = [*tokens[:inner_start], Token("cmd", made, tokens[inner_start].start, t.end), opening,
                      *tokens[inner_start:at], closing, opening, *tokens[at + 1:end],
                      Token("close", "}", tokens[end].start, tokens[end].start), *tokens[end:]]
            continue
        tokens = [*tokens[: start + 1], Token("cmd", made, first, t.end),
                  opening, *tokens[start + 1 : at], closing, opening, *tokens[at + 1 : end],
                  Token("close", "}", last, last), *tokens[end:]]


#: the tensor powers written out as products: a few qubits, as notes write them
_TENSOR_POWERS = ("2", "3", "4")

_BRAKET_NAMES = {"\\ket": "\\ket", "\\bra": "\\bra", "\\braket": "\\braket", "\\ketbra": "\\ketbra",
                 "\\Ket": "\\ket", "\\Bra": "\\bra", "\\Braket": "\\braket"}


def _braket_commands(tokens: list[Token]) -> list[Token]:
    """``\\ket{0}``, ``\\bra{0}``, ``\\braket{a}{b}``, ``\\braket{a|b}``, ``\\ketbra{a}{b}`` (the braket and
    physics packages) spelled out with bars and angles, the form the parser reads. A document's own
    ``\\ket`` macro has been expanded before this."""
    if not any(t.kind == "cmd" and t.text in _BRAKET_NAMES for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind != "cmd" or t.text not in _BRAKET_NAMES:
            out.append(t)
            i += 1
            continue
        # the braket package's \Ket, \Bra, \Braket only size their delimiters to what they hold
        t = replace(t, text=_BRAKET_NAMES[t.text])
        count = 2 if t.text in ("\\braket", "\\ketbra") else 1
        groups = _groups(tokens, i + 1, count)
        if groups is None and t.text == "\\braket":
            groups, count = _groups(tokens, i + 1, 1), 1
        if groups is None and t.text in ("\\ket", "\\bra") and _bare_argument(tokens, i + 1):
            # \ket n, \ket0: TeX takes the one token after the command as its argument
            label = tokens[i + 1]
            out += [Token("sym", "|", t.start, t.end), label, Token("cmd", "\\rangle", t.start, t.end)] \
                if t.text == "\\ket" else [Token("cmd", "\\langle", t.start, t.end), label,
                                           Token("sym", "|", t.start, t.end)]
            i += 2
            continue
        if groups is None:
            raise ParseFailure(f"{t.text} without its arguments")

        def mark(kind: str, text: str) -> Token:
            return Token(kind, text, t.start, t.end)

        def wrapped(k: int) -> list[Token]:
            a, b = groups[k]
            return [tokens[a - 1], *tokens[a:b], tokens[b]]

        if t.text == "\\ket":
            out += [mark("sym", "|"), *wrapped(0), mark("cmd", "\\rangle")]
        elif t.text == "\\bra":
            out += [mark("cmd", "\\langle"), *wrapped(0), mark("sym", "|")]
        elif t.text == "\\ketbra":
            out += [mark("sym", "|"), *wrapped(0), mark("cmd", "\\rangle"), mark("cmd", "\\langle"), *wrapped(1),
                    mark("sym", "|")]
        elif count == 2:
            out += [mark("cmd", "\\langle"), *wrapped(0), mark("sym", "|"), *wrapped(1), mark("cmd", "\\rangle")]
        else:  # \braket{a|b}: the bar is inside the one argument
            a, b = groups[0]
            out += [mark("cmd", "\\langle"), *tokens[a:b], mark("cmd", "\\rangle")]
        i = groups[-1][1] + 1
    return out


def _all_primes(toks: list[Token]) -> bool:
    return bool(toks) and all(t.is_("'") for t in toks)


def _policy_label(script: list[Token], toks: list[Token], after: int) -> bool:
    """Whether a superscript ``script`` (``\\pi``, ``\\pi_\\theta``, ``\\mu``), whose bracket opens at ``after``,
    names the function applied there: a lowercase Greek letter (perhaps with a letter subscript) before
    an argument list of plain letters (``(s)``, ``(s', a)``, ``(s_t, a_t)``), which is not raised to a power
    itself (``K^\\alpha(AL)^{1-\\alpha}``, a product)."""
    if not script or script[0].kind != "cmd" or script[0].text[1:] not in GREEK or not script[0].text[1].islower():
        return False
    rest = script[1:]
    if rest and not (len(rest) == 2 and rest[0].is_("_") and rest[1].kind in ("letter", "cmd")
                     and (rest[1].kind == "letter" or rest[1].text[1:] in GREEK)):
        return False
    if after >= len(toks) or not toks[after].is_("("):
        return False
    close = closing(toks, after)
    if close is None or close == after + 1 or close + 1 < len(toks) and toks[close + 1].text in ("^", "_"):
        return False
    args = toks[after + 1:close]
    # each argument one letter, perhaps primed or with a letter or number subscript
    k, want_letter = 0, True
    while k < len(args):
        t = args[k]
        if want_letter:
            if not (t.kind == "letter" or t.kind == "cmd" and t.text[1:] in GREEK and t.text[1].islower()):
                return False
            k += 1
            while k < len(args) and args[k].is_("'"):
                k += 1
            if k + 1 < len(args) and args[k].is_("_") and args[k + 1].kind in ("letter", "num"):
                k += 2
            want_letter = False
        elif t.is_(","):
            k, want_letter = k + 1, True
        else:
            return False
    return not want_letter


def _text_word(toks: list[Token]) -> str | None:
    """The word of ``\\text{new}``, ``\\mathrm{old}`` as a whole script: two letters or more."""
    if len(toks) < 5 or toks[0].text not in TEXT_WORDS | {"\\mathrm", "\\textrm"} or toks[1].kind != "open" \
            or toks[-1].kind != "close" or not all(t.kind == "letter" for t in toks[2:-1]):
        return None
    return "".join(t.text for t in toks[2:-1])


# the names a logarithm gets (\\lg is read as log10 with base 2 as the other reading)
_LOG_NAMES = frozenset({"log", "log10", "log2"})


def _bare_symbol(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not node.indices and not node.labels and node.sup_letter is None \
        and not node.primes


def _point_symbol(node: n.Node) -> bool:
    """A letter that names a point a function is evaluated at: ``x``, ``x_t``, ``\\theta_{t-1}``,
    ``x^{(k)}``, ``x^*`` (not ``x'``, nor ``x^k``, which may be a power)."""
    return isinstance(node, n.Sym) and not node.primes and node.sup_letter is None \
        and (_bare_symbol(replace(node, style="")) or bool(node.indices or node.labels))


def _gradient_point(body: n.Node, var: n.Sym) -> n.Sym | None:
    """The point of ``\\nabla_\\theta L(\\theta_t)``: the argument of a function applied to one letter
    that is the gradient's variable with an index or a label of its own, else None."""
    if not isinstance(body, n.Apply) or len(body.args) != 1 or body.given >= 0 or body.params >= 0 \
            or body.primes or not isinstance(body.func, n.Sym):
        return None
    arg = body.args[0]
    if not _point_symbol(arg) or not isinstance(arg, n.Sym) or (arg.base, arg.style) != (var.base, var.style) \
            or var.indices or var.labels or not (arg.indices or arg.labels):
        return None
    return arg


def _labelled_symbol(node: n.Node) -> bool:
    """A symbol with a naming superscript and no subscript of its own (``a^{(l)}``, whose layer l the
    parser keeps as an index, ``W^{[2]}``, ``x^*``)."""
    return isinstance(node, n.Sym) and bool(node.labels) and (not node.indices or "()" in node.labels) \
        and node.sup_letter is None and not node.primes


def _closes_evaluation(tokens: list[Token], i: int) -> bool:
    """Whether the ``\\left.`` at ``i`` is closed by ``\\right|`` (or ``\\right]``) with a script after it."""
    j = closing(tokens, i, "\\left", "\\right")
    return j is not None and j + 2 < len(tokens) and tokens[j + 1].text in EVAL_CLOSERS \
        and tokens[j + 2].text in ("_", "^")


def closing(tokens: list[Token], i: int, opener: str = "(", closer: str = ")") -> int | None:
    """The position of the ``closer`` that closes the ``opener`` at ``i``, or None."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].text == opener:
            depth += 1
        elif tokens[j].text == closer:
            depth -= 1
            if depth == 0:
                return j
    return None


def _bare_argument(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is a whole label a brace-less \\ket or \\bra takes: one letter, one digit (a
    longer number would give TeX its first digit only) or a Greek letter."""
    if i >= len(tokens):
        return False
    t = tokens[i]
    return t.kind in ("letter", "num") and len(t.text) == 1 or t.kind == "cmd" and t.text[1:] in GREEK


#: a wrapper whose whole group is one command of these (with its group) sets nothing the inner one does
#: not: the inner font wins in LaTeX (\\mathrm{\\mathbb{E}} is \\mathbb{E}), and \\operatorname only spaces
_MATH_NAME_FONTS = frozenset({"\\mathbb", "\\mathbf", "\\mathrm", "\\mathsf", "\\mathcal", "\\mathds",
                              "\\mathbbm", "\\mathscr", "\\mathfrak", "\\boldsymbol", "\\bm"})
_TEXT_NAME_FONTS = frozenset({"\\text", "\\textrm", "\\textnormal", "\\textup", "\\mbox"})
_NESTED_NAME_WRAPPERS = {"\\operatorname": _MATH_NAME_FONTS, "\\mathrm": _MATH_NAME_FONTS,
                         "\\mbox": _TEXT_NAME_FONTS, "\\text": _TEXT_NAME_FONTS, "\\textrm": _TEXT_NAME_FONTS}


def _nested_name_font(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(start, end) of the inner command and its group when the wrapper at ``i`` (``\\operatorname`` or
    ``\\operatorname*``, ``\\mathrm``, ``\\mbox``, ``\\text``, ``\\textrm``) holds exactly that:
    ``\\operatorname{\\mathbb{E}}`` (LyX's and many preambles' \\E), ``\\mbox{\\textrm{Var}}`` (a macro for
    Var inside an \\mbox); None otherwise."""
    inner_fonts = _NESTED_NAME_WRAPPERS.get(tokens[i].text)
    if inner_fonts is None:
        return None
    j = i + 2 if tokens[i].text == "\\operatorname" and i + 1 < len(tokens) and tokens[i + 1].is_("*") else i + 1
    if j >= len(tokens) or not tokens[j].is_("{"):
        return None
    groups = _groups(tokens, j, 1)
    if groups is None:
        return None
    (a, b), = groups
    if b - a < 3 or tokens[a].kind != "cmd" or tokens[a].text not in inner_fonts or not tokens[a + 1].is_("{"):
        return None
    inner = _groups(tokens, a + 1, 1)
    return (a, b) if inner is not None and inner[0][1] + 1 == b else None


def _groups(tokens: list[Token], i: int, count: int) -> list[tuple[int, int]] | None:
    """(start, end) of the contents of ``count`` brace groups from ``i``: tokens[start:end], with
    tokens[end] the closing brace."""
    out = []
    for _ in range(count):
        if i >= len(tokens) or tokens[i].kind != "open":
            return None
        try:
            _, after = read_group(tokens, i)
        except ParseFailure:
            return None
        out.append((i + 1, after - 1))
        i = after
    return out


def parse_math(text: str, macros: Mapping[str, Macro] | list[Macro] | None = None,
               increments: frozenset[str] = frozenset(), tuples: bool = False,
               implicit_dx: bool = False, commutators: bool = False, slashed_products: bool = False,
               ones: bool = False, averages: bool = False, poisson: bool = False) -> n.Node:
    """Parse one side of a relation. Raises ParseFailure when the text cannot be read with confidence.
    ``increments``: see ``prepare``. ``tuples``: a list in parentheses, (a, b, c), is a column vector
    (in a step of vector calculus, where the components of a field are written so). ``implicit_dx``: an
    integral without its dx is read over its integrand's one letter (see Parser.implicit_integral); only
    the step can tell whether that is the sole reading (see sides.implicit_integrals). ``commutators``:
    ``[A, B]`` is the commutator AB - BA (see sides._commutator_step). ``slashed_products``: ``a/bc`` with
    plain factors after the slash is a/(bc), a Div marked ``juxtaposed`` whose other reading, (a/b)c, the
    checker also tries (see Parser.slashed_product). ``ones``: a bold or blackboard 1 is the vector of ones
    even where no transpose follows it (see sides._ones_sides). ``averages``: a bar over any expression
    (\\overline{uv}) is a Reynolds average, as in a step that averages fluctuations (see
    sides.reynolds_sides); else only a bar over a fluctuation is. ``poisson``: ``\\{f, g\\}`` is the Poisson
    bracket of f and g (see poisson.py)."""
    if isinstance(macros, list):
        macros = macro_table(macros)
    # A step's sides are parsed again by the checks around the comparison (symmetry, means, ±, modular
    # readings), and a chain's line is the next step's left side: the trees are immutable, so each is
    # built once. The entry holds its macro table, so an id is never taken for a new table's.
    key = (text, id(macros), increments, tuples, implicit_dx, commutators, slashed_products, ones, averages,
           convolution.active(), poisson)
    held = _PARSED.get(key)
    if held is not None and held[0] is macros:
        _PARSED.move_to_end(key)
        if isinstance(held[1], ParseFailure):
            raise ParseFailure(*held[1].args)
        return held[1]
    try:
        tree = _parse_math(text, macros, increments, tuples, implicit_dx, commutators, slashed_products, ones,
                           averages, poisson)
    except ParseFailure as exc:
        _remember(key, macros, exc)
        raise
    _remember(key, macros, tree)
    return tree


_PARSED: OrderedDict = OrderedDict()
PARSED_KEPT = 256


def _remember(key: tuple, macros, result) -> None:
    _PARSED[key] = (macros, result)
    if len(_PARSED) > PARSED_KEPT:
        _PARSED.popitem(last=False)


def parse_stated_value(text: str, macros: Mapping[str, Macro] | None = None) -> n.Node:
    """The value a prose statement gives (``$\\beta = 1/k_B T$``), with ``a/bc`` read as a/(bc) where
    nothing else reads it: such a value only rescues a step (verify-only), and it holds its other
    reading (see parse_math's ``slashed_products``) for the comparison."""
    try:
        return parse_math(text, macros)
    except ParseFailure as exc:
        if exc.args[:1] != (AMBIGUOUS_SLASH,):
            raise
        return parse_math(text, macros, slashed_products=True)


def _parse_math(text: str, macros, increments: frozenset[str], tuples: bool, implicit_dx: bool = False,
                commutators: bool = False, slashed_products: bool = False, ones: bool = False,
                averages: bool = False, poisson: bool = False) -> n.Node:
    tokens = prepare(text, macros, increments=increments)
    if not tokens:
        raise ParseFailure("empty expression")
    parser = Parser(tokens)
    parser.log_bases = log_bases(macros)
    parser.tuples = tuples
    parser.implicit_dx = implicit_dx
    parser.commutators = commutators
    parser.poisson = poisson
    parser.slashed_products = slashed_products
    parser.ones = ones
    parser.averages = averages
    tree = parser.parse()
    if "\\circ" in text and any(isinstance(x, n.Unsupported) and x.what == composition.LOOSE for x in tree.walk()):
        raise ParseFailure(composition.UNREAD)  # a \circ b, never applied: maybe a Hadamard product
    if PARALLEL in text and _parallel_argument(tree):
        raise ParseFailure(PARALLEL_ARGUMENT)
    return tree


PARALLEL_ARGUMENT = ("\\parallel between the arguments of a function (a divergence D_\\alpha(P \\parallel Q)?) "
                     "is not decided")


def _parallel_argument(tree: n.Node) -> bool:
    """Whether a parallel combination is the whole argument of an application (``D_f(P \\parallel Q)``,
    ``\\mathrm{JS}(p \\parallel q)``): there the sign separates the two arguments of a divergence,
    ordered and not combined, which the reading as resistors in parallel would make symmetric. The
    known divergences are read before the parser (infotheory); any other name may be one, and
    ``I_s (R_1 \\parallel R_2)`` as a product can be written with a \\cdot."""
    return any(isinstance(x, n.Apply) and any(isinstance(a, n.Func) and a.name == PARALLEL_FUNCTION
                                               for a in x.args) for x in tree.walk())


def _plain_factor(node: n.Node) -> bool:
    """A number, a letter (not a differential's d) or a power of one: a factor a slash may run into."""
    if isinstance(node, n.Pow):
        return _plain_factor(node.base) and isinstance(node.exp, (n.Num, n.Sym))
    if isinstance(node, n.Sym):
        return node.base not in DIFFERENTIALS and not node.sup_letter and not node.labels and not node.primes
    return isinstance(node, (n.Num, n.Const))


def _has_differential(node: n.Node) -> bool:
    """Whether ``node`` writes a d, a \\partial or a derivative (``dy/dx``, ``\\partial f/\\partial x``). A d that
    only labels a letter (the activation energy Q_d of diffusion) is no differential."""
    labels = {id(y) for x in node.walk() if isinstance(x, n.Sym) for i in x.indices for y in i.walk()}
    return any(isinstance(x, (n.Deriv, n.Differential, n.Del)) or isinstance(x, n.Sym) and x.base in DIFFERENTIALS
               and id(x) not in labels for x in node.walk())


def _inverse_transpose(text: str, base: n.Node) -> bool:
    """Whether a superscript's text ``-\\top`` (``-T``, ``-\\intercal``, ``-\\mathsf{T}``) marks the
    transpose of the inverse. A plain ``-T`` is that only over a capital or bold letter: over anything
    else (``e^{-T}``, ``(1 + r)^{-T}``, ``\\lambda^{-T}``) T is far likelier a time or a temperature."""
    if not text.startswith("-"):
        return False
    mark = text[1:].strip()
    if mark != "T":
        return mark in TRANSPOSE_MARKS or mark.replace(" ", "") in TRANSPOSE_MARKS
    return isinstance(base, n.Sym) and (base.style == "bf" or (len(base.base) == 1 and base.base.isupper()))


def _numbers_written_out(node: n.Node) -> bool:
    """Whether ``node`` is a written matrix or vector (bracketed or not) with only numbers for entries."""
    while isinstance(node, n.Paren):
        node = node.inner
    return isinstance(node, n.MatrixLit) and not node.det and all(
        n.letter_free(entry) for row in node.rows for entry in row)


def _plainly_scalar(base: n.Node) -> bool:
    """A number, or a bracket that adds a number (``(1 + r)``, ``(1 - p)``): no matrix, so the letter
    T over it is a power (a horizon T), not a transpose."""
    if isinstance(base, n.Num):
        return True
    inner = base.inner if isinstance(base, n.Paren) else None
    return isinstance(inner, n.Add) and any(isinstance(t.node, n.Num) for t in inner.terms)



# Greek capitals that name matrices (U\Sigma V^H, Q\Lambda Q^H); \Delta, \Pi, \Theta are as often numbers
_GREEK_MATRICES = frozenset({"\\Sigma", "\\Lambda", "\\Gamma", "\\Phi", "\\Psi", "\\Omega"})


def _matrix_like(base: n.Node) -> bool:
    """Whether ``base`` writes a matrix or a vector: a written matrix, a bold letter or a single capital
    other than H (A, \\mathbf{x}), alone or in a bracket (AB, I - P), and no number added to it. The
    conjugate-transpose mark H over anything else (2^H, e^{H}, (1 + r)^H) is left a power."""
    if _plainly_scalar(base):
        return False
    for x in base.walk():
        if isinstance(x, n.MatrixLit):
            return True
        if isinstance(x, n.Sym) and ("bf" in x.style.split("+") or not x.style and (
                len(x.base) == 1 and x.base.isupper() and x.base != "H" or x.base in _GREEK_MATRICES)):
            return True
    return False


def _field_components(left: n.Node, right: n.Node) -> bool:
    """``\\nabla f = \\langle 2xy, x^2 - 3y^2\\rangle``: beside a gradient (the parser's tuples mode), a pair
    in angle brackets that works out components, an expression among them and no vector, gradient or
    norm in either, is a vector, as calculus notes write one; ``\\langle \\nabla f, v\\rangle`` and
    ``\\langle x, y\\rangle`` of two letters stay inner products."""
    if isinstance(left, n.Sym) and isinstance(right, n.Sym):
        return False
    for x in (*left.walk(), *right.walk()):
        if isinstance(x, (n.Del, n.Grad, n.Norm, n.Inner, n.Transpose, n.MatrixLit)) \
                or isinstance(x, n.Sym) and ("bf" in x.style.split("+") or "arrow" in x.style.split("+")):
            return False
    return True


def _unit_words(words: list[str]) -> bool:
    """Whether ``words`` name a unit: physical units, with at most one "per" before one of them (12 per
    hour, m per s, as notes spell a rate out); a group of other words is prose."""
    if not words or words.count("per") > 1 or words[-1] == "per":
        return False
    return all(w in PHYSICAL_UNITS for w in words if w != "per")


def _unwritten_index(body: n.Node) -> str | None:
    """The index of a sum written without one (``\\sum x_i``, ``\\sum (x_i - \\bar x)^2``): the one letter that
    subscripts the body's letters, each with that letter alone, and that the body writes nowhere else;
    None where the body has no such letter or two (``\\sum x_i y_j``, ``\\sum a_{ij}``), a guess."""
    indexed = [x for x in body.walk() if isinstance(x, n.Sym) and x.indices]
    if not indexed or any(len(x.indices) != 1 or not isinstance(x.indices[0], n.Sym) for x in indexed):
        return None
    letters = {x.indices[0].base for x in indexed}
    if len(letters) != 1:
        return None
    letter = letters.pop()
    if not (len(letter) == 1 and letter.isalpha() and letter.islower()) \
            or any(x.indices[0].style or x.indices[0].indices for x in indexed):
        return None
    inside = {id(x.indices[0]) for x in indexed}
    if any(isinstance(x, n.Sym) and x.base == letter and id(x) not in inside for x in body.walk()):
        return None
    return letter


#: the accents over a letter that \\mathbb{E} without a bracket takes whole (\\mathbb{E}\\hat\\theta)
BARE_EXPECTATION_ACCENTS = ("\\bar", "\\hat", "\\tilde", "\\overline", "\\widehat")


class Parser:
    def __init__(self, tokens: list[Token]):
        self.toks = tokens
        self.i = 0
        self.depth = 0
        self.abs_depth = 0
        self.bar_is_given = 0  # inside p( ... | ... ) a bar conditions, it does not open |x|
        self.bare_argument = False  # reading \sin x without parentheses
        self.in_evalopen = 0  # inside \left. ... \right|: the bar closes that group, not a term
        self.root_toks = tokens  # the whole expression, which a group's parser still sees
        self.dotless_indices: frozenset[str] | None = None
        self.tuples = False  # (a, b, c) as a column vector (see parse_math)
        self.implicit_dx = False  # an integral without its dx over its one letter (see parse_math)
        self.commutators = False  # [A, B] as the commutator AB - BA (see parse_math)
        self.poisson = False  # \{f, g\} as the Poisson bracket of f and g (see parse_math)
        self.slashed_products = False  # a/bc as a/(bc), with (a/b)c its other reading (see parse_math)
        self.ones = False  # \mathbf{1} as the vector of ones, transposed or not (see parse_math)
        self.averages = False  # a bar over any expression as a Reynolds average (see parse_math)
        self.log_bases: dict[str, str] = {}  # the base the prose fixes for \log, \lg (see LOG_BASES)

    # -- token helpers -------------------------------------------------------------------------
    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def at(self, *texts: str) -> bool:
        t = self.peek()
        return t is not None and t.text in texts

    def marked_letter(self) -> bool:
        """Whether a prime or a star follows (``\\pi'(q)``, ``\\pi^*``, ``\\pi^{\\ast}``): marks that a
        constant never carries, so the letter before them is a quantity (economics' profit function
        and its optimum), not the number pi, whose derivative would be 0."""
        first, second, third, fourth = (self.peek(k) for k in range(4))
        if first is not None and first.text == "'":
            return True
        if first is None or first.text != "^" or second is None:
            return False
        if second.text in STARRED_MARKS:
            return True
        return second.text == "{" and third is not None and third.text in STARRED_MARKS \
            and fourth is not None and fourth.text == "}"

    def advance(self) -> Token:
        t = self.peek()
        if t is None:
            raise ParseFailure("unexpected end of expression")
        self.i += 1
        return t

    def expect(self, text: str) -> Token:
        t = self.peek()
        if t is None or t.text != text:
            found = "end of expression" if t is None else repr(t.text)
            raise ParseFailure(f"expected {text!r}, found {found}")
        return self.advance()

    def group_tokens(self) -> tuple[list[Token], int, int]:
        """The tokens of the next argument: a brace group (without braces) or one token.

        An undelimited argument is one character in TeX, so ``\\frac12`` is ``\\frac{1}{2}``."""
        t = self.peek()
        if t is not None and t.kind == "num" and len(t.text) > 1:
            first = Token("num", t.text[0], t.start, t.start + 1, t.spaced)
            rest = Token("num", t.text[1:], t.start + 1, t.end)
            self.toks[self.i : self.i + 1] = [first, rest]
        if self.peek() is None:
            raise ParseFailure("unexpected end of expression")
        first = self.peek()
        inner, self.i = read_group(self.toks, self.i)
        return inner, first.start, self.toks[self.i - 1].end

    def slide_versions(self, t: Token) -> n.Node:
        """``\\alt<2>{a}{b}``, ``\\only<1>{a}\\only<2>{b}``: what different slides show in one place,
        read only where every version says the same (``\\alt<2>{\\alert{x}}{x}``, a highlight); else
        either may be a first try the lecture corrects, and the side is not read."""
        self.advance()
        groups = [self.group_tokens()[0]]
        if t.text == "\\alt":
            groups.append(self.group_tokens()[0])
        while self.at("\\only") and self.peek(1) is not None and self.peek(1).kind == "open":
            self.advance()
            groups.append(self.group_tokens()[0])
        if len(groups) < 2:
            raise ParseFailure(f"unknown command {t.text}")
        versions = [self.sub_parse(g) for g in groups]
        if any(n.structure(v) != n.structure(versions[0]) for v in versions[1:]):
            raise ParseFailure("versions shown on different slides that differ are not decided")
        return versions[0]

    def remark_over_term(self) -> n.Node | None:
        """``\\underset{\\text{expand}}{(x+3)(x-3)}``: a remark set under (or over) a term, the term
        itself; a script that is math (``\\underset{x\\to0}{\\lim}``) is an operator's, not read."""
        groups = _groups(self.toks, self.i + 1, 2)
        if groups is None:
            return None
        (ra, rb), (ta, tb) = groups
        remark = self.toks[ra:rb]
        if not remark or remark[0].text not in TEXT_WORDS or read_group(self.toks, ra + 1)[1] != rb:
            return None
        node = self.sub_parse(self.toks[ta:tb])
        self.i = tb + 1
        return node

    def multinomial(self, start: int, end: int, top: list[Token], parts: list[list[Token]]) -> n.Node:
        """``\\binom{10}{3, 3, 4}``, the multinomial coefficient ``10!/(3!\\,3!\\,4!)``, read only where
        the parts are whole numbers that add up to the top: some authors leave the last part out
        (``\\binom{10}{3, 3}`` for the same number), and letters do not show which is meant."""
        top_node = self.sub_parse(top)
        nodes = [self.sub_parse(part) for part in parts]
        numbers = [x.value for x in (top_node, *nodes) if isinstance(x, n.Num) and x.value.isdigit()]
        if len(numbers) != len(nodes) + 1 or sum(int(v) for v in numbers[1:]) != int(numbers[0]):
            raise ParseFailure("a multinomial coefficient of other than whole parts adding up to its top is not decided yet")
        factorials = tuple(n.Factorial(x.start, x.end, x) for x in nodes)
        return n.Div(start, end, n.Factorial(top_node.start, top_node.end, top_node),
                     n.Mul(factorials[0].start, factorials[-1].end, factorials))

    def sub_parse(self, tokens: list[Token]) -> n.Node:
        if not tokens:
            raise ParseFailure("empty group")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseFailure("expression nested too deeply")
        sub = Parser(tokens)
        sub.depth = self.depth
        sub.root_toks = self.root_toks
        sub.dotless_indices = self.dotless_indices
        sub.tuples = self.tuples
        sub.implicit_dx = self.implicit_dx
        sub.commutators = self.commutators
        sub.poisson = self.poisson
        sub.slashed_products = self.slashed_products
        sub.ones = self.ones
        sub.averages = self.averages
        sub.log_bases = self.log_bases
        node = sub.parse(allow_annotation=False)
        self.depth -= 1
        return node

    # -- grammar ------------------------------------------------------------------------------
    def parse(self, allow_annotation: bool = True) -> n.Node:
        node = self.expr()
        t = self.peek()
        if t is not None:
            if t.text == ":" and _ratio_after(self.toks[self.i + 1:]):
                # 6 : 3 = 2, \frac34 : \frac12 = \frac32: a school ratio or division, not a note after the
                # math; cut there, the side would read as 6 alone
                raise ParseFailure("a ratio or a division written with ':' is not decided yet")
            if t.text == "," and _inside_number(self.toks, self.i):
                # 10,000 or a decimal comma 2,5: cut there, the side would read as its first digits
                raise ParseFailure("a comma inside a number (10,000 or 2,5) is not decided yet")
            nxt = self.peek(1)
            if allow_annotation and t.text == "." and nxt is not None and nxt.text in ANNOTATIONS:
                # = y^3. \qquad \text{[because ...]}: the sentence's full stop before a note (a dot
                # between factors, a \ . b, has no note after it)
                self.advance()
                t = nxt
            if allow_annotation and (t.text in ANNOTATIONS or t.text in {",", ";", ":", "\\tag"}):
                self.check_annotation(t)
                return node  # prose after the math: "= 2x, \quad \text{by (3)}"
            if not allow_annotation and (t.text in RELATION_COMMANDS or t.text in ("=", "<", ">")):
                raise ParseFailure(f"a relation inside a group ({t.text}: a condition or indicator) is not decided yet")
            raise ParseFailure(f"cannot read {t.text!r} here")
        return node

    def check_annotation(self, t: Token) -> None:
        """``\\text{Var}(X)`` is an operator, not prose: refuse rather than cut the line there."""
        if t.text not in ("\\text", "\\textrm", "\\mbox", "\\textnormal", "\\textit", "\\textsf"):
            return
        before = self.toks[self.i - 1] if self.i else None
        self.advance()
        if self.peek() is None:
            return
        toks, _, _ = self.group_tokens()
        word = "".join(x.text for x in toks)
        nxt = self.peek()
        if word.isalpha() and nxt is not None and nxt.text in ("(", "[", "\\{", "_", "^"):
            raise ParseFailure(f"cannot read \\text{{{word}}} as math")
        first = _first_word(toks)
        note = first in CONDITION_WORDS or first.endswith("ing")  # "rewriting in binary", "using (3)"
        if before is not None and before.kind == "num" and toks and toks[0].kind == "letter" and not note:
            # 1.2\text{M}, 2.5\ \text{GFLOPs}: a word on a number is its unit or magnitude (a million,
            # giga-), which the other side may not share; cut as a note, 1.2M would read as 1.2
            raise ParseFailure(f"a number with a word after it (a unit or magnitude: \\text{{{word}}})")
        if nxt is not None and not note and _math_ahead(self.toks[self.i:]):
            # 15\% \text{ of } 240, 2\text{ apples} + 3\text{ apples}: words between quantities, not a
            # note after the math; cut there, the line would be 15% or 2
            raise ParseFailure(f"words between the math (\\text{{{first}}})")

    def expr(self) -> n.Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseFailure("expression nested too deeply")
        terms: list[n.Term] = []
        start = self.peek().start if self.peek() else 0
        whole_bar = False  # an evaluation bar closing the whole sum before it
        while True:
            sign, sign_start = "+", -1
            if self.at(*ADD_OPS):
                tok = self.advance()
                if tok.text in ("\\pm", "\\mp"):
                    raise ParseFailure("\\pm: a step with two signs is not decided yet")
                sign, sign_start = tok.text, tok.start
                # "a + -b" or "- - a": fold repeated signs
                while self.at("+", "-"):
                    extra = self.advance()
                    if extra.text == "-":
                        sign = "+" if sign == "-" else "-"
            elif terms:
                break
            if terms and self.at(*ELLIPSES):
                dots = self.advance()
                terms.append(n.Term(dots.start, dots.end, sign, n.Unsupported(dots.start, dots.end, "..."),
                                    sign_start))
                if not self.at(*ADD_OPS):
                    break
                continue
            if self.peek() is None or not (self.starts_atom(self.peek()) or self.bar_opens_term()):
                if terms or sign_start >= 0:
                    raise ParseFailure("a sign with nothing after it")
                raise ParseFailure(self.no_term_reason())
            node = self.product()
            if self.at(PARALLEL):
                node = self.parallel(node)
            if self.at(ANGLE):
                node = self.phasor(node)
            if self.at(*MOD_OPS):
                node = self.modulo(node, bool(terms) or sign_start >= 0)
            if self.at_eval_bar() and not self.in_evalopen:
                if terms and not any(isinstance(x, n.EvalBar) for term in terms for x in term.node.walk()):
                    if not _one_antiderivative(terms, node):
                        # \int_0^1 f\,dx - uv \Big|_0^1: the bar may close uv alone or more; the
                        # author's \left. would say
                        raise ParseFailure("an evaluation bar after several terms is not decided yet")
                    # \frac{x^3}{3} - x \Big|_0^1 ending the expression: calculus notes evaluate the
                    # whole antiderivative written before the bar (x alone would leave a side that
                    # mixes a function of x with a number)
                    whole_bar = True
                else:
                    # a term evaluated before (x^2 \Big|_0^1 - x \Big|_0^1): each bar closes its own term
                    node = self.eval_bar(node, node.start)
            term_start = sign_start if sign_start >= 0 else node.start
            terms.append(n.Term(term_start, node.end, sign, node, sign_start))
            if whole_bar or not self.at(*ADD_OPS):
                break
        self.depth -= 1
        if _has_ellipsis(terms):
            # the letters in use are only needed to fold, and gathering them walks every term: done
            # at every level of nesting, that was a large share of parsing
            terms = _fold_ellipses(terms, {t.text for t in self.root_toks} | _bound_letters(terms))
        terms = _extend_sum_bodies(terms)
        terms = _extend_limit_bodies(terms)
        if whole_bar:
            bar = self.eval_bar(n.Add(start, terms[-1].end, tuple(terms)), start)
            if self.at(*ADD_OPS):
                # a + b \Big|_0^1 + c: the bar may close b, or a + b, or more; the author's \left. would say
                raise ParseFailure("an evaluation bar after several terms is not decided yet")
            return bar
        if len(terms) == 1 and terms[0].sign == "+":
            return terms[0].node
        return n.Add(start, terms[-1].end, tuple(terms))

    def modulo(self, left: n.Node, after_terms: bool) -> n.Node:
        """``12 \\bmod 5``, ``3 \\cdot 4 \\bmod 5``: the remainder of a product by the factors after the
        operator. Where a sum or a sign meets it (``a + b \\bmod n``, ``a \\bmod n + 1``, ``-7 \\bmod 5``)
        authors disagree on what it applies to, so that is not read."""
        op = self.advance()
        if after_terms:
            raise ParseFailure(f"what {op.text} applies to after a sum or a sign is not decided")
        right = self.product()
        if isinstance(right, n.Mul) and right.explicit or self.at(*MOD_OPS):
            raise ParseFailure(f"what {op.text} applies to before an explicit product is not decided")
        if self.at(*ADD_OPS):
            raise ParseFailure(f"what {op.text} applies to before a sum is not decided")
        return n.Func(left.start, right.end, "mod", (left, right))

    def parallel(self, left: n.Node) -> n.Func:
        """``R_1 \\parallel R_2 \\parallel R_3``: the resistance of resistors in parallel, as circuit notes
        write it, 1/(1/R_1 + 1/R_2 + 1/R_3). Each side is a product (``2R \\parallel R`` combines 2R with
        R, the only way circuit notes mean it) and the sign binds tighter than a sum, the convention of
        those notes (``R_1 + R_2 \\parallel R_3`` adds R_1 to the pair). A sign with nothing to combine
        after it is a norm's closing bar (``a \\parallel x \\parallel``), not read."""
        args = [left]
        while self.at(PARALLEL):
            op = self.advance()
            nxt = self.peek()
            if nxt is None or nxt.text == PARALLEL or not self.starts_atom(nxt):
                raise ParseFailure(f"{op.text} with nothing to combine after it (a norm?) is not decided")
            args.append(self.product())
        return n.Func(left.start, args[-1].end, PARALLEL_FUNCTION, tuple(args))

    def phasor(self, magnitude: n.Node) -> n.Node:
        """``230 \\angle -30^\\circ``, ``|V| \\angle \\theta``: the phasor of that magnitude at that angle,
        as power engineering writes it. The angle is one power, signed or not: what comes after it is
        not decided (``10 \\angle 30^\\circ - 45^\\circ`` may be an angle of -15 degrees), except a sum of
        phasors (``10 \\angle 0^\\circ + 10 \\angle 90^\\circ``). An angle of numbers with no degree sign
        (``5 \\angle 30``) is in degrees in some notes and radians in others: not read. With nothing
        before it the sign names an angle (``\\angle ABC``) or the argument of a phasor (``\\angle S``),
        which the parser leaves unread."""
        op = self.advance()
        sign = ""
        if self.at("+", "-"):
            sign = self.advance().text
        nxt = self.peek()
        if nxt is None or not self.starts_atom(nxt) or nxt.text == ANGLE:
            raise ParseFailure(f"{op.text} with no angle after it is not decided")
        first = self.i
        angle = self.power()
        written = self.toks[first:self.i]
        if isinstance(magnitude, n.Sym) and magnitude.base == "m" and not magnitude.indices \
                or all(t.kind == "letter" and t.text.isupper() for t in written):
            # m\angle A, \angle ABC: the measure of a geometry angle named by its vertices
            raise ParseFailure(f"{op.text} before the name of an angle (geometry) is not decided")
        if not any(t.text == "\\circ" for t in written) and any(t.kind == "num" and t.text.strip("0.") for t in written) \
                and not any(t.kind in ("letter", "cmd") for t in written):
            raise ParseFailure("an angle of numbers with no degree sign (degrees or radians?) is not decided")
        if sign == "-":
            angle = n.Add(angle.start, angle.end, (n.Term(angle.start, angle.end, "-", angle, op.end),))
        phasor = n.Func(magnitude.start, angle.end, PHASOR_FUNCTION, (magnitude, angle))
        nxt = self.peek()
        if nxt is not None and (unit_name(nxt) is not None or nxt.text in TEXT_WORDS and self.unit_ahead() is not None):
            # 230 \angle 0^\circ\,\text{V}: the unit of the whole phasor, as of any quantity
            unit = self.power()
            phasor = n.Mul(phasor.start, unit.end, (phasor, unit), False, ("",))
            nxt = self.peek()
        if nxt is not None and (nxt.text in MUL_OPS or nxt.text in (ANGLE, "/", "\\div") or self.starts_atom(nxt)
                                and nxt.text not in ADD_OPS):
            raise ParseFailure(f"what follows the angle after {op.text} is not decided")
        if self.at(*ADD_OPS) and not self.phasor_term_ahead():
            raise ParseFailure(f"whether a sum after {op.text} belongs to the angle is not decided")
        return phasor

    def phasor_term_ahead(self) -> bool:
        """Whether the term after the sign here writes a phasor (an ``\\angle`` before the next sign at
        this bracket level, alone or in a bracketed factor, ``(0.8 \\angle 10^\\circ)(1 + j)``): then the
        sign adds points of the complex plane rather than extending an angle."""
        depth = 0
        for t in self.toks[self.i + 1:]:
            if t.kind == "open" or t.text in ("(", "[", "\\left"):
                depth += 1
            elif t.kind == "close" or t.text in (")", "]", "\\right"):
                depth -= 1
                if depth < 0:
                    return False
            elif depth == 0 and (t.text in ADD_OPS or t.text in RELATION_COMMANDS or t.text in ("=", "<", ">", ",")):
                return False
            elif t.text == ANGLE:
                return True
        return False

    def no_term_reason(self) -> str:
        """Why no term can start here, as plainly as the token allows."""
        t, nxt = self.peek(), self.peek(1)
        if t is None:
            return "empty expression"
        if t.text in MUL_OPS and (nxt is None or nxt.text in (",", ")", "]", "\\rangle", "\\}")):
            return f"a placeholder argument ({t.text}) is not decided yet"
        if t.text in ANNOTATIONS:
            groups = _groups(self.toks, self.i + 1, 1)
            inside = self.toks[groups[0][0]:groups[0][1]] if groups else []
            words = "".join((" " if k and inside[k - 1].end < x.start else "") + x.text for k, x in enumerate(inside))
            return f"words ({t.text}{{{words}}}) in place of math are not decided yet"
        return f"cannot read {t.text!r} here"

    def product(self) -> n.Node:
        factors = [self.function_part() if self.function_before_circ() else self.power()]
        ops: list[str] = []
        explicit = False
        while True:
            t = self.peek()
            if t is None:
                break
            if t.text == "\\circ" and composition.is_part(factors[-1], True):
                # f' \circ g \cdot g': the composition binds tighter than the product around it (between
                # arrays, \mathbf{A} \circ \mathbf{B}, the sign is the entrywise product of MUL_OPS)
                factors[-1] = self.composition(factors[-1])
                continue
            if t.text in CONVOLUTION:
                if t.text not in STAR_PRODUCT:
                    raise ParseFailure(f"{t.text} between factors may be a convolution")
                # read as a product for now; star_products below keeps it only where no convolution is plausible
                self.advance()
                explicit = True
                ops.append(t.text)
                factors.append(self.factor_or_dots())
                continue
            if t.text in MOD_OPS or t.text in (PARALLEL, ANGLE):
                break  # a binary operator below the product (see modulo, parallel and phasor)
            if t.text in MUL_OPS:
                self.advance()
                explicit = True
                ops.append(t.text)
                factors.append(self.factor_or_dots())
            elif t.text in FACTOR_DOTS:
                ops.append("")
                factors.append(self.factor_or_dots())
            elif t.text in ("/", "\\div"):  # 12 \div 4 \times 3: division, left to right as the products
                self.advance()
                den = self.power()
                left = factors[0] if len(factors) == 1 else n.Mul(factors[0].start, factors[-1].end, tuple(factors),
                                                                  explicit, tuple(ops))
                factors, ops = [n.Div(left.start, den.end, left, den, slash=True)], []
                nxt = self.peek()
                if nxt is not None and self.starts_atom(nxt) and nxt.text not in MUL_OPS:
                    if not self.slashed_products:
                        raise ParseFailure(AMBIGUOUS_SLASH)
                    factors = [self.slashed_product(factors[0])]
            elif self.starts_atom(t):
                ops.append("")
                factors.append(self.power())
            else:
                break
        if any(op in STAR_PRODUCT for op in ops):
            convolved = star_products(factors, ops)
            if convolved is not None:
                return convolved
        if any(isinstance(f, n.Unsupported) and f.what == "..." for f in factors):
            factors, ops = _fold_factors(factors, ops, {t.text for t in self.root_toks} | _bound_letters(factors))
        if len(factors) == 1:
            return factors[0]
        return n.Mul(factors[0].start, factors[-1].end, tuple(factors), explicit, tuple(ops))

    def slashed_product(self, div: n.Div) -> n.Div:
        """``\\varepsilon/k_B T``, ``p^2/2m``, ``1/2\\pi``: the juxtaposed factors after a slash joined to
        its denominator, as physics writes (multiplication before division; style guides of its journals
        say so), with (a/b)c kept as the other reading. Only plain factors (numbers, letters and their
        powers) are joined: a function, a bracket or a differential after the slash (``x/2 \\sin x``,
        ``dy/dx``) is still not read."""
        den = [div.den]
        while True:
            t = self.peek()
            if t is None or not self.starts_atom(t) or t.text in MUL_OPS or t.text in ("(", "["):
                break
            den.append(self.power())
        if len(den) == 1 or not all(_plain_factor(f) for f in den) or _has_differential(div.num):
            raise ParseFailure(AMBIGUOUS_SLASH)
        product = n.Mul(den[0].start, den[-1].end, tuple(den))
        return n.Div(div.start, product.end, div.num, product, slash=True, juxtaposed=True)

    def comma_items(self, items: list[n.Node], item: Callable[[], n.Node] | None = None) -> list[n.Node]:
        """``items`` with the entries that follow, each after a comma, read by ``item`` (an expression)."""
        read = item or self.expr
        while self.at(","):
            self.advance()
            items.append(read())
        return items

    def function_before_circ(self) -> bool:
        """A known function named without its argument before ``\\circ`` (``\\sin \\circ f``), or at the
        end of a composition (``f \\circ \\sin``)."""
        t, after = self.peek(), self.peek(1)
        if t is None or t.kind != "cmd" or t.text[1:] not in FUNCTIONS:
            return False
        if after is not None and after.text == "\\circ":
            return True
        before = self.toks[self.i - 1] if self.i > 0 else None
        return before is not None and before.text == "\\circ" \
            and (after is None or after.text in (")", "]") or after.kind == "close" or after.text in MUL_OPS)

    def function_part(self) -> n.Node:
        """A known function as a part of a composition, by the name the lowering knows it by."""
        t = self.advance()
        return n.Sym(t.start, t.end, FUNCTIONS[t.text[1:]], composition.FUNCTION_STYLE)

    def composition(self, first: n.Node) -> n.Node:
        """``f \\circ g \\circ h``: the parts after ``first`` up to the last ``\\circ``
        (see composition.py)."""
        parts = [first]
        while self.at("\\circ"):
            self.advance()
            if self.peek() is None or not self.starts_atom(self.peek()):
                raise ParseFailure(composition.UNREAD)
            parts.append(self.function_part() if self.function_before_circ() else self.power())
        return composition.compose(parts)

    def composition_applied(self, paren: n.Paren) -> n.Node:
        """``(f \\circ g)(x)``, ``(f \\circ g)'(x)``: the composition in ``paren`` applied to the
        bracket that follows; ``paren`` itself when none does (the primes stay to be read)."""
        j, primes = self.i, 0
        while j < len(self.toks) and self.toks[j].is_("'"):
            j, primes = j + 1, primes + 1
        if not primes and j + 1 < len(self.toks) and self.toks[j].is_("^"):
            # (f \circ g)^\prime(x), (f \circ g)^{''}(x): primes written as a superscript
            script, after = read_group(self.toks, j + 1)
            if script and all(t.text in ("'", "\\prime") for t in script):
                j, primes = after, len(script)
        if j >= len(self.toks) or not self.toks[j].is_("("):
            if paren.inner.what == composition.LOOSE:
                raise ParseFailure(composition.UNREAD)  # a \circ b alone: maybe a Hadamard product
            return paren
        self.i = j
        self.advance()
        args = self.comma_items([self.expr()])
        close = self.expect(")")
        if self.at("("):
            raise ParseFailure("an application applied again: (f \\circ g)'(x)(y)")
        return composition.applied(paren.inner.extra, tuple(args), primes, paren.start, close.end)

    def factor_or_dots(self) -> n.Node:
        """A factor, or the dots of ``x_1 x_2 \\cdots x_n`` (folded once the product is read)."""
        t = self.peek()
        if t is not None and t.text in FACTOR_DOTS:
            self.advance()
            return n.Unsupported(t.start, t.end, "...")
        return self.power()

    def starts_atom(self, t: Token) -> bool:
        if t.kind in ("letter", "num", "open"):
            return True
        if t.kind == "sym":
            if t.text == "|":
                return self.ket_ahead() or self.abs_depth == 0 and self.bar_is_given == 0 and not self.at_eval_bar()
            return t.text in ("(", "[")
        if t.kind == "cmd":
            if t.text in TEXT_WORDS and (self.text_is_math() or self.unit_ahead() is not None):
                return True
            if t.text == "\\vert" and self.ket_ahead():
                return True
            if t.text in ("\\|", "\\Vert", "\\vert"):
                return self.abs_depth == 0 and self.bar_is_given == 0 and not self.at_eval_bar()
            if t.text in ("\\lVert", "\\lvert"):
                return True
            if t.text in ANNOTATIONS or t.text in CLOSERS or t.text in MUL_OPS or t.text in ADD_OPS:
                return False
            if t.text in ("\\mid",) or t.text in RELATION_COMMANDS:
                return False
            return True
        return False

    def bar_opens_term(self) -> bool:
        """A bar where a term starts (``g(|x|)``, ``f(\\|a\\| + \\|b\\|)``, ``|a - |b||``): with nothing
        before it, it can neither close a value nor separate a condition, so it opens one."""
        t, nxt = self.peek(), self.peek(1)
        return t is not None and t.text in ("|", "\\|", "\\Vert", "\\vert") \
            and (nxt is None or nxt.text not in ("_", "^"))

    def at_eval_bar(self) -> bool:
        """``|_`` or ``|^`` where a bar cannot close an absolute value or a condition: an evaluation."""
        t, nxt = self.peek(), self.peek(1)
        return t is not None and nxt is not None and t.text in EVAL_BARS and nxt.text in ("_", "^") \
            and self.abs_depth == 0 and self.bar_is_given == 0

    def eval_bar(self, node: n.Node, start: int) -> n.Node:
        """The bar (or closing bracket) and its scripts: ``|_a^b``, ``|_{x=a}^{b}``, ``|_{x=a}``."""
        self.advance()
        return self.evaluation_scripts(node, start)

    def evaluation_scripts(self, node: n.Node, start: int) -> n.Node:
        lo_toks = hi_toks = None
        end = node.end
        for _ in range(2):
            if self.at("_") and lo_toks is None:
                self.advance()
                lo_toks, _, end = self.script_tokens()
            elif self.at("^") and hi_toks is None:
                self.advance()
                hi_toks, _, end = self.script_tokens()
        if not lo_toks:
            raise ParseFailure("an evaluation bar without a lower point")
        points = self.bar_points(lo_toks) if hi_toks is None else None
        if points is not None:
            # |_{n=3, k=1}, |_{a=b=1}: one point for several letters, each put in after the other (which
            # order does not matter: the values name none of the letters)
            for var, value in points:
                node = n.EvalBar(start, end, node, self.integral_bound(value), None, var)
            return node
        var = None
        eq = [k for k, x in enumerate(lo_toks) if x.is_("=")]
        if eq:
            named = self.sub_parse(lo_toks[:eq[0]])
            if hi_toks is None and _applies(node, named):
                body = self.sub_parse(lo_toks[eq[0] + 1:])
                return n.Paren(start, end, _put_function(node, named, body))
            if not isinstance(named, n.Sym):
                raise ParseFailure("an evaluation bar at an expression")
            var, lo_toks = named, lo_toks[eq[0] + 1:]
        lo = self.integral_bound(lo_toks)
        hi = self.integral_bound(self.upper_point(hi_toks, var)) if hi_toks else None
        return n.EvalBar(start, end, node, lo, hi, var)

    def bar_points(self, toks: list[Token]) -> list[tuple[n.Sym, list[Token]]] | None:
        """The letters and values of a bar's point that sets several letters: ``a=2, b=3`` (a comma
        between assignments) or ``a=b=1`` (one value for each letter before it); None for a point that
        sets one letter, names none or sets what is no letter, and a refusal where a value names a letter
        the point sets."""
        groups: list[list[Token]] = [[]]
        depth = 0
        for tok in toks:
            depth += (tok.kind == "open" or tok.text in ("(", "[")) - (tok.kind == "close" or tok.text in (")", "]"))
            if depth == 0 and tok.text == ",":
                groups.append([])
            else:
                groups[-1].append(tok)
        assignments: list[tuple[n.Sym, list[Token]]] = []
        for group in groups:
            eq = [k for k, x in enumerate(group) if x.is_("=")]
            if not eq:
                return None
            value = group[eq[-1] + 1:]
            for lo, hi in zip([-1, *eq[:-1]], eq):
                named = self.sub_parse(group[lo + 1:hi])
                if not isinstance(named, n.Sym):
                    return None  # |_{f(t)=t^2}: a bar that gives a function (or no point), read as before
                assignments.append((named, value))
        if len(assignments) < 2:
            return None

        def letter(x: n.Sym) -> tuple:
            return x.key, tuple(n.structure(i) for i in x.indices)
        letters = {letter(var) for var, _ in assignments}
        if len(letters) < len(assignments) or any(isinstance(x, n.Sym) and letter(x) in letters
                                                  for _, value in assignments for x in self.sub_parse(value).walk()):
            raise ParseFailure("an evaluation bar whose point sets a letter twice, or by another it sets")
        return assignments

    def upper_point(self, toks: list[Token], var: n.Sym | None) -> list[Token]:
        """``|_{x=0}^{x=1}``: the upper point may name the bar's variable again, which says nothing new;
        a point naming another letter (or a bar naming none) stays for integral_bound to refuse."""
        eq = [k for k, x in enumerate(toks) if x.is_("=")]
        if var is None or len(eq) != 1:
            return toks
        named = self.sub_parse(toks[:eq[0]])
        return toks[eq[0] + 1:] if isinstance(named, n.Sym) and named.key == var.key else toks

    def bracket_evaluation_ahead(self) -> bool:
        """``[F]_a^b``: both scripts after a square bracket make an evaluation; ``[v]_i`` alone is an entry,
        but ``[F]_{x=0}`` names the point it evaluates at."""
        if not self.at("_", "^"):
            return False
        save = self.i
        try:
            first = self.advance().text
            toks, _, _ = self.script_tokens()
            return self.at("^" if first == "_" else "_") or first == "_" and any(x.is_("=") for x in toks)
        except ParseFailure:
            return False
        finally:
            self.i = save

    def unit_ahead(self) -> tuple[str, int] | None:
        """``\\text{kg}``, ``\\text{ m/s}``, ``\\mathrm{kJ\\,mol^{-1}}``: a unit (its compact text) and where its
        group ends, when every word of the group is a physical unit; None for prose."""
        j = self.i + 1
        if j >= len(self.toks) or self.toks[j].kind != "open":
            return None
        words: list[str] = []
        k, prev_end, depth = j + 1, -1, 0
        while k < len(self.toks) and (depth or self.toks[k].kind != "close"):
            tok = self.toks[k]
            if tok.kind == "letter" and not depth:
                before = self.toks[k - 1]
                # letters typed together make one word (kg); so do letters a macro expanded to, which
                # all carry the macro's span (\kl for \text{KL} is no kelvin-litre), unless a space
                # command stood between them (\unit{kg\,m^{-3}}, the kilogram and the metre)
                if words and before.kind == "letter" and (
                        tok.start == prev_end or tok.start == before.start and not tok.spaced):
                    words[-1] += tok.text
                else:
                    words.append(tok.text)
            elif tok.kind == "open" and self.toks[k - 1].text == "^":
                depth += 1  # mol^{-1}: an exponent in braces
            elif tok.kind == "close" and depth:
                depth -= 1
            elif not (tok.kind == "num" or tok.text in ("/", "^", "-", ".", "\\cdot", "(", ")")):
                return None
            prev_end = tok.end
            k += 1
        if k >= len(self.toks) or not _unit_words(words):
            return None
        return compact(self.toks[j + 1 : k]), self.toks[k].end

    def after_number(self) -> bool:
        """Whether the token before the current one ends a number: ``298.15\\,\\mathrm{K}``, ``3 \\times
        10^{8}\\,\\mathrm{m/s}``, ``100\\pi\\,\\mathrm{rad/s}``, where an upright word of units is a unit
        (elsewhere ``\\mathrm{T}`` may be a transpose, ``\\mathrm{V}`` a variance)."""
        k = self.i - 1
        if k >= 1 and self.toks[k].text == "\\pi":
            k -= 1  # 2\pi: a number still
        if k < 0:
            return False
        if self.toks[k].kind == "num":
            return True
        if self.toks[k].text == ")":
            return self.after_bracket_of_numbers(k)
        if self.toks[k].kind != "close":
            return False
        if self.after_fraction_of_numbers(k):
            return True
        # a power of a number, its exponent a number or arithmetic of numbers: 10^{8}, and the distance
        # modulus inverted, 10^{(12 - 2 + 5)/5}\,\mathrm{pc}, which is a number as much
        j = self.opening(k)
        inside = self.toks[j + 1:k]
        return j >= 2 and self.toks[j - 1].text == "^" and self.toks[j - 2].kind == "num" \
            and any(t.kind == "num" for t in inside) \
            and all(t.kind in ("num", "open", "close") or t.text in self._NUMBER_TEXT | {"/"} for t in inside)

    #: what a fraction of numbers may write besides numbers (``\\frac{2.998\\times10^{5}}{70}``)
    _NUMBER_TEXT = frozenset({"^", "-", "+", ".", "\\times", "\\cdot", "\\pi", "(", ")"})

    def after_bracket_of_numbers(self, k: int) -> bool:
        """Whether the ``)`` at ``k`` closes a bracket of numbers alone, a number as much as its value is:
        the mass defect ``(1.007276 + 1.008665 - 2.013553)\\,\\mathrm{u}`` is in the unit after it."""
        j = k - 1
        while j >= 0 and self.toks[j].text != "(":
            if not (self.toks[j].kind == "num" or self.toks[j].text in self._NUMBER_TEXT | {"+"}) \
                    or self.toks[j].text == ")":
                return False
            j -= 1
        return j >= 0 and any(t.kind == "num" for t in self.toks[j + 1:k])

    def after_fraction_of_numbers(self, k: int) -> bool:
        """Whether the closing brace at ``k`` ends ``\\frac{..}{..}`` of numbers alone, a number as much as
        ``42.8`` is: the unit after ``\\frac{2.998\\times10^{5}}{70}\\,\\mathrm{Mpc}`` is the unit the result
        ``42.8\\,\\mathrm{Mpc}`` writes, not a quantity of another name."""
        j = self.opening(k)
        if j < 1 or self.toks[j - 1].kind != "close":
            return False
        i = self.opening(j - 1)
        if i < 1 or self.toks[i - 1].text not in ("\\frac", "\\dfrac", "\\tfrac"):
            return False
        inside = self.toks[i + 1:k]
        return any(t.kind == "num" for t in inside) and all(
            t.kind in ("num", "open", "close") or t.text in self._NUMBER_TEXT for t in inside)

    def after_unit(self) -> bool:
        """Whether the token before the current one ends an upright unit that follows a number, its power
        allowed: the second unit of ``2.7\\,\\mathrm{g}\\,\\mathrm{cm}^{-3}`` or ``5\\,\\mathrm{m}\\,\\mathrm{s}^{-1}``
        is a unit as the first is (elsewhere ``\\mathrm{m}`` after a letter may be a quantity)."""
        k = self.i - 1
        if k >= 1 and self.toks[k].kind == "num" and self.toks[k - 1].text == "^":
            k -= 2  # \mathrm{m}^2
        elif k >= 0 and self.toks[k].kind == "close":
            j = self.opening(k)
            if j >= 1 and self.toks[j - 1].text == "^":
                k = j - 2  # \mathrm{s}^{-1}
        if k < 1 or self.toks[k].kind != "close":
            return False
        j = self.opening(k)
        if j < 1 or self.toks[j - 1].text not in TEXT_WORDS | {"\\mathrm"}:
            return False
        save = self.i
        try:
            self.i = j - 1
            return self.unit_ahead() is not None and (self.toks[j - 1].text in TEXT_WORDS or self.after_number()
                                                      or self.after_unit())
        finally:
            self.i = save

    def opening(self, k: int) -> int:
        """The index of the brace that the closing brace at ``k`` closes, or -1."""
        depth = 0
        for j in range(k, -1, -1):
            depth += {"close": 1, "open": -1}.get(self.toks[j].kind, 0)
            if not depth:
                return j
        return -1

    def text_is_math(self) -> bool:
        """``\\text{KL}[q, p]``, ``\\text{err}_m``, ``\\textrm{Var}(X)``: a word used as a name, not prose."""
        j = self.i + 1
        if j >= len(self.toks) or self.toks[j].kind != "open":
            return False
        k = j + 1
        word = ""
        while k < len(self.toks) and self.toks[k].kind in ("letter",):
            word += self.toks[k].text
            k += 1
        if not word or k >= len(self.toks) or self.toks[k].kind != "close":
            return False
        after = self.toks[k + 1] if k + 1 < len(self.toks) else None
        if word in NAMED_FUNCTIONS and after is not None and self.starts_atom(after):
            return True  # \textrm{log} P(x): the function, typed upright by hand
        return after is not None and after.text in ("(", "[", "_", "^", "\\{") or word in OPERATOR_LETTERS \
            or word in GATE_WORDS or self.acronym_name(word, j + 1, k)

    def acronym_name(self, word: str, first: int, end: int) -> bool:
        """``\\text{SSE}``, ``\\text{MSB}``: a few capitals typed together name a quantity (a sum of squares, a
        mean square), as ``\\mathrm{SSE}`` does; never a unit, a magnitude after a number (``2\\,\\text{MB}``) or
        a word of logic (``\\text{OR}``), which are no quantities."""
        if not (2 <= len(word) <= 6 and word.isascii() and word.isalpha() and word.isupper()) or word in LOGIC_WORDS:
            return False
        if any(self.toks[m].start != self.toks[m - 1].end for m in range(first + 1, end)):
            return False  # \text{S S E}: letters spaced apart are no one name
        # after a number, capitals are a unit or a magnitude (2\\,\\text{MB}): that refusal stays
        return self.unit_ahead() is None and not self.after_number()

    def double_bang(self, bang: Token) -> bool:
        """``n!!`` with the two marks together: the double factorial, not the factorial of n!."""
        nxt = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else None
        return nxt is not None and nxt.text == "!" and nxt.start == bang.end

    def factorial(self, node: n.Node, bang: Token) -> n.Node:
        """``x!``; in ``n(n-1)!``, with ``n`` more likely a quantity than a function, the ``!`` is the
        bracket's: n times (n-1)!, as TeX's reader sees it."""
        if isinstance(node, n.Apply) and node.prefer_product and node.bracket == "(" and len(node.args) == 1:
            opening = next(tok for tok in reversed(self.toks[: self.i]) if tok.text == "(" and tok.end <= node.args[0].start)
            bracket = n.Paren(opening.start, node.end, node.args[0])
            return n.Mul(node.start, bang.end, (node.func, n.Factorial(opening.start, bang.end, bracket)), ops=("",))
        inner = self.log_factorial(node, bang)
        if inner is not None:
            return inner
        return n.Factorial(node.start, bang.end, node)

    def log_factorial(self, node: n.Node, bang: Token) -> n.Node | None:
        """``\\log (n-k)!`` is the log of (n-k)!, as in log C(n, k) = log n! - log k! - log (n-k)!: the
        factorial of a logarithm is never meant, so the ``!`` belongs to the bracketed argument."""
        call = node.num if isinstance(node, n.Div) and node.num.end == node.end else node  # \log_2 (n)!
        if not (isinstance(call, n.Func) and call.name in _LOG_NAMES and call.power is None and not call.inverse
                and not call.primes and len(call.args) == 1 and isinstance(call.args[0], n.Paren)
                and call.args[0].delim == "(" and call.args[0].end == call.end):
            return None
        arg = call.args[0]
        inside = replace(call, end=bang.end, args=(n.Factorial(arg.start, bang.end, arg),))
        return replace(node, end=bang.end, num=inside) if call is not node else inside

    def power(self) -> n.Node:
        node = self.atom()
        while True:
            t = self.peek()
            if t is None:
                break
            if t.text == "_" and isinstance(node, n.Paren) and node.delim in ("(", "[") \
                    and self.positive_part_ahead():
                # [v]_+, (x)_+: the positive part max(v, 0), the rectification of rate models and the
                # hinge of losses; a bracket has no entry "+", and no evaluation bar starts at "+"
                # ([v]_+^2 is its square)
                self.advance()
                _, _, end = self.script_tokens()
                node = n.Func(node.start, end, "max", (node.inner, n.Num(end, end, "0")))
            elif t.text == "^" and isinstance(node, n.Paren) and node.delim == "[" and self.bracket_evaluation_ahead():
                node = self.evaluation_scripts(node.inner, node.start)
            elif t.text in ("_", "^") and isinstance(node, n.Apply) and node.bracket == "[" and node.maybe_product \
                    and len(node.args) == 1 and not isinstance(node.args[0], n.Sym) and not node.primes \
                    and self.bracket_evaluation_ahead():
                # c\left[-e^{-\delta t}/\delta\right]_0^T: both scripts make the bracket an evaluation, so
                # the letter before it is a factor (a sequence c[k] takes no limits). Not a lone letter:
                # k[A]_0^2 is a rate constant times the initial concentration squared
                bar = self.evaluation_scripts(node.args[0], node.func.end)
                node = n.Mul(node.start, bar.end, (node.func, bar), False, ("",))
            elif t.text == "^" and self.degrees_ahead():
                self.advance()
                _, _, end = self.script_tokens()
                scale = self.temperature_scale()
                if scale is not None:
                    # 58.4^\circ\mathrm{C}: a temperature, whose degree sign names its unit (no angle)
                    unit = n.Sym(t.start, scale[1], "deg" + scale[0], "unit")
                    node = n.Mul(node.start, scale[1], (node, unit), False, ("",))
                else:
                    node = n.Func(node.start, end, "degrees", (node,))  # 60^\circ is 60 pi / 180
            elif t.text == "^" and self.falling_power_ahead():
                node = self.falling_power(node)
            elif t.text == "^" and self.primes_superscript_ahead():
                self.advance()
                toks, _, end = self.script_tokens()
                if len(toks) == 1 and _numbers_written_out(node):
                    # [[1, 2], [0, 1]]^{'}: the braces change nothing, a transpose as for the bare prime
                    node = n.Transpose(node.start, end, node)
                else:
                    node = n.Deriv(node.start, end, node, (), False, len(toks))
            elif t.text == "^":
                if isinstance(node, n.Pow) and self.i > 0 and self.toks[self.i - 1].end == node.end:
                    # x^2^3, 2^{3}^{2}: TeX stops on a double superscript, and the author may mean either
                    # grouping (2^{3^2} by the usual convention, (2^3)^2 as read left to right); a
                    # group braced round the power, {x^2}^3, is one base and reads as written
                    raise ParseFailure("a double superscript")
                self.advance()
                node = self.superscript(node)
            elif t.text == "!" and self.double_bang(t):
                self.advance()
                bang = self.advance()
                node = n.Func(node.start, bang.end, "factorial2", (node,))  # (2n-1)!!: 1 3 5 ... (2n-1)
            elif t.text == "!":
                self.advance()
                node = self.factorial(node, t)
            elif t.text == "\\%":
                self.advance()
                node = n.Func(node.start, t.end, "percent", (node,))  # 30\% is 30/100
            elif t.text == "_" and isinstance(node, n.Paren) and node.delim == "[" and self.cross_script_ahead():
                # [\mathbf{t}]_\times: the cross-product matrix of t (epipolar geometry's E = [t]_\times R)
                self.advance()
                _, _, end = self.script_tokens()
                node = n.Func(node.start, end, n.CROSS_MATRIX, (node.inner,))
            elif t.text in ("_", "^") and isinstance(node, n.Paren) and node.delim == "[" \
                    and self.bracket_evaluation_ahead():
                node = self.evaluation_scripts(node.inner, node.start)
            elif t.text == "_" and isinstance(node, (n.Pow, n.Transpose)) and _adjacent(self.toks[self.i - 1], t) \
                    and _bare_symbol(node.base if isinstance(node, n.Pow) else node.inner):
                # x^2_j is x_j^2 (TeX attaches both scripts to x, in either order)
                self.advance()
                toks, _, end = self.script_tokens()
                base = node.base if isinstance(node, n.Pow) else node.inner
                indexed = replace(base, indices=tuple(self.index_items(toks)), end=end)
                node = replace(node, base=indexed) if isinstance(node, n.Pow) else replace(node, inner=indexed)
                node = replace(node, end=end)
            elif t.text == "_" and _labelled_symbol(node) and _adjacent(self.toks[self.i - 1], t) \
                    and not any(tok.text == "_" for tok in self.toks[: self.i] if node.start <= tok.start < node.end):
                # z^{(l)}_j is z_j^{(l)}: a layer label, then the unit's index (TeX attaches both to z); the
                # layer of ^{(l)} is kept as the last index, as z_j^{(l)} reads it
                self.advance()
                toks, _, end = self.script_tokens()
                node = replace(node, indices=(*self.index_items(toks), *node.indices), end=end)
            elif t.text == "_" and _bare_symbol(node) and self.toks[self.i - 1].kind == "close":
                # {x}_1 (braces a converter left around a letter): the letter's own subscript
                node = self.symbol_scripts(Token("letter", node.base, node.start, node.end), node.base, node.style)
            elif t.text == "_" and _entry_of(node) is not None:
                node = self.bracket_entry(node)
            elif t.text == "_" and _product_with_entry(node) is not None:
                # X_{rk}(W^T)_{ks}: the subscript makes the bracket an entry, so the product reading is meant
                entry = self.bracket_entry(_product_with_entry(node))
                if self.at("^") and node.bracket == "[" and isinstance(entry, n.Sym):
                    # k[A]_0^2: the power of the concentration, as it is of [A]_0 alone
                    self.advance()
                    entry = self.superscript(entry)
                if self.at("^", "'", "!"):
                    raise ParseFailure("a script after the entry of a bracket is not decided yet")
                node = n.Mul(node.start, entry.end, (node.func, entry), False, ("",))
            elif t.text == "_" and _held_derivative(node) is not None:
                # (dU/dT)_V: a partial derivative with V held fixed, another quantity than (dU/dT)_P;
                # P(dV/dT)_P is P times one, not P applied to it
                self.advance()
                toks, _, end = self.script_tokens()
                held = ",".join(x.text for x in toks if x.kind == "letter")
                if not held or any(x.kind != "letter" and x.text != "," for x in toks):
                    raise ParseFailure("a subscript on a compound expression")  # (dJ/dY)_{\cdot i}: a column
                deriv = replace(_held_derivative(node), start=node.start if isinstance(node, n.Paren)
                                else node.args[0].start, end=end, held=held)
                node = deriv if isinstance(node, n.Paren) else n.Mul(node.start, end, (node.func, deriv), ops=("",))
            elif t.text == "_" and isinstance(node, n.Paren) and node.delim in ("(", "["):
                node = self.compound_entry(node)
            elif t.text == "_" and isinstance(node, n.Inner) and not node.space:
                node = self.inner_space(node)
            elif t.text == "_" and _entrywise_application(node):
                # \mathrm{softmax}(z)_i, \sigma(s)_i: entry i of the function's value at a vector
                self.advance()
                node = n.Func(node.start, self.toks[self.i - 1].end, n.ENTRY, (node, *self.entry_indices()))
            elif t.text == "_":
                raise ParseFailure("a subscript on a compound expression")
            elif t.text == "'":
                # (5x^2)': the derivative with respect to the line's variable
                order = 0
                while self.at("'"):
                    self.advance()
                    order += 1
                if order == 1 and _numbers_written_out(node):
                    # [[1, 2], [0, 1]]': a matrix of numbers, whose derivative would be 0, primed as the
                    # state-space and econometrics notes (A', CC') write its transpose
                    node = n.Transpose(node.start, self.toks[self.i - 1].end, node)
                else:
                    node = n.Deriv(node.start, self.toks[self.i - 1].end, node, (), False, order)
            else:
                break
        return node

    def cross_script_ahead(self) -> bool:
        """At ``_``: the subscript is a lone ``\\times``, ``_\\times`` or ``_{\\times}``."""
        t, u, v = self.peek(1), self.peek(2), self.peek(3)
        return t is not None and (t.text == "\\times" or t.text == "{" and u is not None and u.text == "\\times"
                                  and v is not None and v.text == "}")

    def positive_part_ahead(self) -> bool:
        """At ``_``: the subscript is a lone plus sign, ``_+`` or ``_{+}``."""
        t = self.peek(1)
        if t is not None and t.text == "+":
            return True
        u, v = self.peek(2), self.peek(3)
        return t is not None and t.text == "{" and u is not None and u.text == "+" \
            and v is not None and v.text == "}"

    def bracket_entry(self, node: n.Node) -> n.Node:
        """``[\\mathbf{X}]_{ij}``, ``(W)_{k}``: the entry of a matrix or vector named by one symbol, which is
        what ``X_{ij}`` names. ``(W^T)_{ks}`` is ``W_{sk}``; a transpose with other than two indices is not."""
        inner = _entry_of(node)
        self.advance()
        toks, _, end = self.script_tokens()
        items = self.index_items(toks)
        if isinstance(inner, n.Transpose):
            if len(items) != 2:
                raise ParseFailure("an entry of a transpose with other than two indices")
            return replace(inner.inner, start=node.start, end=end, indices=(items[1], items[0]))
        return replace(inner, start=node.start, end=end, indices=tuple(items))

    def compound_entry(self, node: n.Paren) -> n.Node:
        """``(A\\mathbf{x})_i``, ``(AB)_{ij}``: an entry of a vector or matrix expression, by one or two
        index letters, as the function ``entry`` of the expression and its indices."""
        if isinstance(node.inner, n.Sym):
            # (B_2)_j: entry j of B_2 is B_{2j} by the usual convention, but a step that writes both
            # may be defining the other order (x_{ji}); not decided
            raise ParseFailure("a subscript on a compound expression")
        self.advance()
        items = self.entry_indices()
        return n.Func(node.start, self.toks[self.i - 1].end, n.ENTRY, (node.inner, *items))

    def inner_space(self, node: n.Inner) -> n.Inner:
        """``\\langle f, g \\rangle_{\\mathcal{H}}``: the inner product of the space the subscript names. Its
        names are kept (not as letters of the step) so that a step can tell one space's product from
        another's or from an unnamed one (sides.inner_spaces)."""
        self.advance()
        toks, _, end = self.script_tokens()
        names: list[str] = []
        for item in self.index_items(toks):
            if not isinstance(item, n.Sym) or item.indices or item.labels or item.primes:
                raise ParseFailure("a subscript on a compound expression")
            names.append(item.key)
        if not names:
            raise ParseFailure("a subscript on a compound expression")
        return replace(node, end=end, space=tuple(names))

    def entry_indices(self) -> tuple[n.Sym, ...]:
        """The subscript of an entry, after its ``_``: one or two plain lower-case index letters. Anything
        else (``_0``, ``_{\\cdot i}``, ``_V``) is as often a label, a point or a column: not read."""
        toks, _, _ = self.script_tokens()
        items = self.index_items(toks)
        if not 1 <= len(items) <= 2 or not all(isinstance(i, n.Sym) and not i.indices and not i.style
                                               and len(i.base) == 1 and i.base.islower() for i in items):
            raise ParseFailure("a subscript on a compound expression")
        return tuple(items)

    def degrees_ahead(self) -> bool:
        """``^\\circ``, ``^{\\circ}``: an angle in degrees."""
        t, u, v = self.peek(1), self.peek(2), self.peek(3)
        if t is not None and t.text == "\\circ":
            return True
        return t is not None and t.kind == "open" and u is not None and u.text == "\\circ" \
            and v is not None and v.kind == "close"

    def temperature_scale(self) -> tuple[str, int] | None:
        """After a degree sign, the scale that makes it a temperature, consumed: ``C`` or ``F``, bare or
        upright (``^\\circ C``, ``^{\\circ}\\mathrm{C}``, ``^\\circ\\text{F}``), as its letter and where it
        ends; None (nothing consumed) for anything else, a letter with scripts or an argument included
        (``^\\circ C_1``, a vertex's name, is no unit)."""
        t = self.peek()
        if t is None:
            return None
        if t.kind == "letter" and t.text in ("C", "F"):
            k = 1
        elif t.text in TEXT_WORDS | {"\\mathrm"} and self.peek(1) is not None and self.peek(1).kind == "open" \
                and self.peek(2) is not None and self.peek(2).text in ("C", "F") \
                and self.peek(3) is not None and self.peek(3).kind == "close":
            k = 4
        else:
            return None
        after = self.peek(k)
        if after is not None and (after.text in ("_", "^", "'", "(") or after.kind == "letter" and not after.spaced):
            return None
        letter = self.peek(k - 1 if k == 1 else 2).text
        end = self.peek(k - 1).end
        self.i += k
        return letter, end

    def falling_power_ahead(self) -> bool:
        """``x^{\\underline{k}}``, ``x^\\underline{k}``: Knuth's falling factorial power, not x^k (the
        underline would otherwise be dropped as a mere decoration)."""
        t, u = self.peek(1), self.peek(2)
        if t is not None and t.text == "\\underline":
            return True
        if t is None or t.kind != "open" or u is None or u.text != "\\underline":
            return False
        try:
            _, j = read_group(self.toks, self.i + 3)  # the underlined group must fill the superscript
        except ParseFailure:
            return False
        return j < len(self.toks) and self.toks[j].kind == "close"

    def falling_power(self, base: n.Node) -> n.Node:
        self.advance()  # ^
        braced = self.peek().kind == "open"
        if braced:
            self.advance()
        self.advance()  # \underline
        toks, _, end = self.group_tokens()
        if braced:
            end = self.advance().end
        return n.Func(base.start, end, "falling", (base, self.sub_parse(toks)))

    def primes_superscript_ahead(self) -> bool:
        """``^{'}``, ``^{''}``: primes written as a superscript."""
        t, u = self.peek(1), self.peek(2)
        if t is None or t.kind != "open" or u is None:
            return False
        j = self.i + 2
        while j < len(self.toks) and self.toks[j].is_("'"):
            j += 1
        return j > self.i + 2 and j < len(self.toks) and self.toks[j].kind == "close"

    def superscript(self, base: n.Node) -> n.Node:
        toks, s, e = self.script_tokens()
        text = "".join(t.text if t.kind != "cmd" else t.text + " " for t in toks).strip()
        if (text in TRANSPOSE_MARKS or text.replace(" ", "") in TRANSPOSE_MARKS) \
                and not (text == "T" and _plainly_scalar(base)):
            return n.Transpose(base.start, e, base)
        if (text in HERMITIAN_MARKS or text.replace(" ", "") in HERMITIAN_MARKS) and _matrix_like(base) \
                and not (text == "H" and isinstance(base, n.Sym) and base.base == "H"):
            # (AB)^H = B^H A^H: read as a power of a letter H, A^H B^H would verify as numbers do
            return n.Transpose(base.start, e, base, conjugate=True)
        if text == "H" and isinstance(base, n.Sym) and base.base == "H" and not base.style:
            # H^H, H_k^H: a channel matrix's conjugate transpose as often as H to the power H, and read as
            # a power, (H^H)^H = H is refuted where it holds
            raise ParseFailure("H^H: the conjugate transpose of a matrix H or the power H to the H")
        if _inverse_transpose(text, base):
            # L^{-\top}, A^{-T}: the transpose of the inverse, as Cholesky and whitening steps write it
            return n.Transpose(base.start, e, n.Pow(base.start, e, base, n.Num(s, e, "-1")))
        if len(toks) == 2 and toks[0].text == "\\otimes" and toks[1].kind == "num" \
                and toks[1].text in _TENSOR_POWERS:
            # H^{\otimes 2}, |0\rangle^{\otimes 3}: the tensor product of that many copies (of a letter
            # count, H^{\otimes n}, nothing is written out and the step stays unread)
            count = int(toks[1].text)
            return n.Mul(base.start, e, (base,) * count, explicit=True, ops=("\\otimes",) * (count - 1))
        exp = self.sub_parse(toks)
        return n.Pow(base.start, e, base, exp)

    def script_tokens(self) -> tuple[list[Token], int, int]:
        """A script argument; ``x^23`` is ``x^{2}3`` in TeX (see group_tokens). ``x_\\text{max}`` and
        ``A^\\mathsf{T}`` take the command with its group: TeX reads a command's argument before the
        script, so the label is ``max``, not ``\\text`` followed by the product m a x."""
        t, after = self.peek(), self.peek(1)
        # \nabla_\mathbf{h}, x_\hat{k}: a letter's style takes its group the same way
        if t is not None and t.kind == "cmd" and (t.text in SCRIPT_TEXT_COMMANDS or t.text in STYLES) \
                and after is not None and after.kind == "open":
            start = self.i
            self.advance()
            _, self.i = read_group(self.toks, self.i)
            return self.toks[start:self.i], t.start, self.toks[self.i - 1].end
        if t is not None and t.kind == "cmd" and t.text in ("\\frac", "\\tfrac", "\\dfrac"):
            # x^\frac12, e^\frac{x}{2}: TeX expands the macro, and the script is the whole fraction
            start = self.i
            self.advance()
            self.group_tokens()
            self.group_tokens()
            return self.toks[start:self.i], t.start, self.toks[self.i - 1].end
        return self.group_tokens()

    # -- atoms --------------------------------------------------------------------------------
    def atom(self) -> n.Node:
        t = self.peek()
        if t is None:
            raise ParseFailure("unexpected end of expression")
        if t.kind == "num":
            self.advance()
            if t.text == "1" and self.condition_ahead():
                return self.indicator(t.start)  # 1(x \neq y), 1_{x > 0}
            return n.Num(t.start, t.end, t.text)
        if t.kind == "letter":
            if t.text == "d":
                slashed = self.slashed_leibniz(t)
                if slashed is not None:
                    return slashed
            return self.symbol_or_apply()
        if t.kind == "open":
            toks, _, _ = self.group_tokens()
            return self.sub_parse(toks)
        if t.text in ("(", "["):
            return self.bracketed()
        if t.text in ("|", "\\vert", "\\lvert") and self.ket_ahead():
            return self.ket()
        if t.text == "|":
            return self.absolute()
        if t.kind == "cmd":
            return self.command()
        raise ParseFailure(f"cannot read {t.text!r} here")

    def bracketed(self) -> n.Node:
        open_tok = self.advance()
        close = OPEN_CLOSE[open_tok.text]
        # inside its brackets an argument is not bare: \log[\Gamma(x)] applies \Gamma
        saved = (self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument)
        self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument = 0, 0, 0, False
        inner = self.expr()
        self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument = saved
        t = self.peek()
        if t is not None and t.is_(",") and self.tuples and open_tok.text == "(":
            return self.tuple_vector(open_tok, inner)
        if t is not None and t.is_(",") and self.commutators and open_tok.text == "[":
            return self.commutator(open_tok, inner)
        if t is None or t.text != close:
            raise ParseFailure(_unclosed_reason(open_tok.text, t))
        self.advance()
        paren = n.Paren(open_tok.start, t.end, inner, open_tok.text)
        if isinstance(inner, n.Unsupported) and inner.what in (composition.COMPOSED, composition.LOOSE) \
                and open_tok.text in ("(", "["):
            return self.composition_applied(paren)
        if open_tok.text == "(":
            return self.pointwise_applied(inner, paren.start) or paren
        return paren

    def pointwise_applied(self, inner: n.Node, start: int) -> n.Node | None:
        """``(f + g)(x)``, ``(fg)(x)`` where the bracket around ``inner`` has been read: functions
        combined, then applied to the one letter or number in the bracket that follows (see
        composition.pointwise); None, with nothing read, where that is not what follows."""
        if not (self.at("(") and self.i + 2 < len(self.toks) and self.toks[self.i + 2].is_(")")) \
                or self.i + 3 < len(self.toks) and self.toks[self.i + 3].is_("(", "'"):
            return None
        saved_at = self.i
        self.advance()
        argument = self.expr()
        close = self.expect(")")
        combined = composition.pointwise(inner, argument, close.end)
        if combined is None:
            self.i = saved_at
            return None
        return n.Paren(start, close.end, combined, "(")

    def commutator(self, open_tok: Token, first: n.Node) -> n.Node:
        """``[A, B]``: two entries, nothing else."""
        return self._bracket_pair(open_tok, first, "]", n.COMMUTATOR)

    def poisson_bracket(self, open_tok: Token, first: n.Node) -> n.Node:
        """``\\{f, g\\}``: two entries, nothing else."""
        return self._bracket_pair(open_tok, first, "\\}", n.POISSON)

    def _bracket_pair(self, open_tok: Token, first: n.Node, close: str, name: str) -> n.Node:
        """The second entry of a bracket of two after its comma, up to ``close``: the Func ``name`` of both."""
        self.advance()
        saved = (self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument)
        self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument = 0, 0, 0, False
        try:
            second = self.expr()
        finally:
            self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument = saved
        t = self.peek()
        if t is None or t.text != close:
            raise ParseFailure(_unclosed_reason(open_tok.text, t))
        self.advance()
        return n.Func(open_tok.start, t.end, name, (first, second))

    def tuple_vector(self, open_tok: Token, first: n.Node) -> n.Node:
        """``(F_x, F_y, F_z)``: the components of a vector, two or three, as a column."""
        entries = [first]
        saved = (self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument)
        self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument = 0, 0, 0, False
        try:
            self.comma_items(entries)
        finally:
            self.abs_depth, self.bar_is_given, self.in_evalopen, self.bare_argument = saved
        t = self.peek()
        if t is None or t.text != ")" or len(entries) not in (2, 3):
            raise ParseFailure(_unclosed_reason(open_tok.text, t if t is not None and t.text != ")" else
                                                Token("sym", ",", open_tok.start, open_tok.end)))
        self.advance()
        return n.MatrixLit(open_tok.start, t.end, tuple((e,) for e in entries), listed=open_tok.text)

    def angle_average(self, open_tok: Token, body: n.Node) -> n.Node:
        """``\\langle x^2 \\rangle``, ``\\left\\langle E \\right\\rangle``: one item in angle brackets, the
        physicist's expectation value (or an ensemble or time average). Read as an expectation of its
        own kind (expectation.AVERAGE), which the checker only lets verify."""
        close = self.expect("\\rangle")
        func = n.Sym(open_tok.start, open_tok.end, "E", expectation.AVERAGE)
        return n.Apply(open_tok.start, close.end, func, (body,), bracket="[")

    def angle_vector(self, open_tok: Token, entries: list[n.Node]) -> n.Node:
        """``\\langle 1, 2, 3\\rangle``: the components of a vector (calculus notes write vectors so).
        Three entries are never an inner product; two only when they are numbers, which no inner
        product of vectors takes."""
        self.comma_items(entries)
        close = self.expect("\\rangle")
        if len(entries) > 3:
            raise ParseFailure(_unclosed_reason(open_tok.text, Token("sym", ",", open_tok.start, open_tok.end)))
        return n.MatrixLit(open_tok.start, close.end, tuple((e,) for e in entries), listed=open_tok.text)

    def absolute(self) -> n.Node:
        if self.at_double_bar():
            return self.double_bar_norm()
        open_tok = self.advance()
        self.abs_depth += 1
        inner = self.expr()
        self.abs_depth -= 1
        t = self.peek()
        if t is None or t.text != "|":
            raise ParseFailure("unbalanced |")
        self.advance()
        return n.Abs(open_tok.start, t.end, inner)

    def at_double_bar(self) -> bool:
        t, u = self.peek(), self.peek(1)
        return t is not None and u is not None and t.is_("|") and u.is_("|") and t.end == u.start

    def double_bar_norm(self) -> n.Node:
        """``||w||^2``: two bars typed for \\|. As an absolute value of an absolute value it would be the
        same number for a scalar, so the norm reading loses nothing."""
        open_tok = self.advance()
        self.advance()
        self.abs_depth += 1
        inner = self.expr()
        self.abs_depth -= 1
        if not self.at_double_bar():
            raise ParseFailure("unbalanced ||")
        self.advance()
        close = self.advance()
        kind, order, end = self.norm_subscript(close.end)
        return n.Norm(open_tok.start, end, inner, kind=kind, order=order)

    def norm_subscript(self, end: int) -> tuple[str, n.Node | None, int]:
        """The kind of a norm from its subscript, with the order of a p-norm and where the norm ends:
        ``_2`` (also none), ``_1``, ``_\\infty``, ``_F`` (Frobenius), ``_p`` or ``_3``. Any other subscript
        (``_A``, ``_{L^2}``, ``_{H^1}``) names a norm of its own: unread."""
        if not self.at("_"):
            return "2", None, end
        self.advance()
        toks, start, end = self.group_tokens()
        if len(toks) == 1 and toks[0].text in NORM_SUBSCRIPT_STYLES and self.at("{"):
            more, _, end = self.group_tokens()  # _\mathrm{F}: the style's own group
            toks = toks + more
        words = [x.text for x in toks if x.text not in NORM_SUBSCRIPT_STYLES and x.text not in ("{", "}")]
        text = "".join(words)
        if text == "2":
            return "l2", None, end  # of a matrix, the spectral norm, unlike the plain \|A\| (see linalg.norm)
        if text == "1":
            return text, None, end
        if text in ("\\infty", "\\inf", "\\max", "max"):
            return "inf", None, end
        if text in ("F", "Fro", "fro", "\\mathrm{F}"):
            return "F", None, end
        if len(words) == 1 and toks[0].kind == "letter" and text in NORM_ORDER_LETTERS:
            return "p", n.Sym(start, end, text), end
        if len(words) == 1 and text.isdigit() and int(text) >= 3:
            return "p", n.Num(start, end, text), end
        raise ParseFailure("a norm other than the 1-, 2-, max, p- or Frobenius norm")

    def symbol_or_apply(self) -> n.Node:
        sym = self.symbol_scripts(self.advance())
        if sym.base == "E" and not sym.style and not sym.primes:
            # E^{Q}[X], E_t^{Q}[X]: an expectation under a named measure, as finance writes it, not a power of E
            sym = self.expectation_scripts(sym, self.measure_superscript(("[",)) if not sym.indices else None,
                                           ("[",))
        if sym.base == "e" and not sym.style and not sym.indices and not sym.labels and sym.primes == 0:
            if not self.at("("):
                return n.Const(sym.start, sym.end, "e")
        return self.maybe_apply(sym)

    def symbol_scripts(self, t: Token, base: str | None = None, style: str = "", start: int | None = None) -> n.Sym:
        """Read a letter's subscripts, label superscripts and primes (``o_j^x``, ``x^{(i)}``, ``x'``)."""
        sym = n.Sym(t.start if start is None else start, t.end, base or t.text, style)
        indices: list[n.Node] = []
        labels: list[str] = []
        sup_letter = None
        primes = 0
        end = sym.end
        while True:
            u = self.peek()
            if u is None:
                break
            if u.text == "_" and not indices:
                self.advance()
                toks, s, e = self.script_tokens()
                indices.extend(self.index_items(toks))
                end = e
            elif u.text == "'":
                self.advance()
                primes += 1
                end = u.end
            elif u.text == "^":
                nxt = self.peek(1)
                if nxt is None:
                    break
                save = self.i
                self.advance()
                toks, s, e = self.script_tokens()
                text = "".join(x.text for x in toks)
                if sym.base == "e" and not sym.style and not indices and not labels and primes == 0 \
                        and toks and toks[0].is_("(") and not _index_label(toks):
                    # e^{(r - q)T}, e^{(\mu - \sigma^2/2)t}: Euler's number to a power, as finance and
                    # physics write it; only an index (e^{(k)}, e^{(k+1)T}, a unit or error vector) is a label
                    self.i = save
                    break
                tail = _label_transpose_tail(toks)
                if tail is None:
                    tail = _star_power_tail(toks)
                if tail is not None and not labels and self.toks[self.i - 1].kind == "close":
                    # x^{(i)T}: the i-th sample transposed, as machine-learning notes write it; read
                    # as x^{(i)} followed by ^T (the mark moved out of the braces), never a power;
                    # v^{*2} likewise becomes v^{*} followed by ^2
                    mark = toks[tail:]
                    first = mark[0]
                    begin = self.i - 1 - len(mark)
                    self.toks[begin:self.i] = [Token("close", "}", first.start, first.start),
                                               Token("sym", "^", first.start, first.start)] + mark
                    self.i = save
                    continue
                if len(toks) >= 3 and toks[0].is_("(") and toks[-1].is_(")"):
                    labels.append("()")
                    indices.extend(self.index_items(toks[1:-1]))
                    end = e
                elif text in LABEL_MARKS or text in ("\\prime\\prime",):
                    if text in ("\\prime", "\\prime\\prime"):
                        primes += text.count("prime")
                    else:
                        labels.append(text)
                    end = e
                elif _charge_mark(toks):
                    # \mathrm{Ca}^{2+}, SO_4^{2-}: an ion's charge names the species, it is no power (a
                    # power "2+" has nothing after its sign)
                    labels.append(text)
                    end = e
                elif _all_primes(toks):
                    primes += len(toks)  # n^{'}: the braces change nothing
                    end = e
                elif _text_word(toks) is not None:
                    # \theta^{\text{new}}: a word names a version of the letter, it is no power
                    labels.append(_text_word(toks))
                    end = e
                elif not primes and sym.base != "e" and _policy_label(toks, self.toks, self.i):
                    # V^\pi(s), Q^{\pi_\theta}(s, a): a Greek letter over a function of plain letters names
                    # the policy (or measure) the function belongs to; no one raises V to the power pi
                    # and multiplies by s
                    labels.append("".join(x.text for x in toks))
                    end = e
                elif (indices and sup_letter is None and len(toks) == 1 and toks[0].kind == "letter"
                      and toks[0].text not in ("T",)):
                    sup_letter = n.Sym(toks[0].start, toks[0].end, toks[0].text)
                    end = e
                else:
                    self.i = save
                    break
            else:
                break
        return n.Sym(sym.start, end, sym.base, style, tuple(indices), tuple(labels), sup_letter, primes)

    def index_items(self, toks: list[Token]) -> list[n.Node]:
        """Subscript items: ``w_{ij}`` has two, ``x_{t+1}`` one, ``x_{i,j}`` two, ``x_{\\text{max}}`` a label."""
        parts: list[list[Token]] = [[]]
        depth = 0
        for t in toks:
            depth += t.kind == "open"
            depth -= t.kind == "close"
            if t.is_(",") and depth == 0:
                parts.append([])
            else:
                parts[-1].append(t)
        items: list[n.Node] = []
        for part in parts:
            if not part:
                continue
            try:
                node = self.sub_parse(part)
            except ParseFailure:
                text = " ".join(t.text for t in part)
                items.append(n.Sym(part[0].start, part[-1].end, text, "label"))
                continue
            if isinstance(node, n.Const) and node.name == "inf":
                # p_\infty, U_\infty: the far-field (free-stream) value, a name and not a position
                items.append(n.Sym(node.start, node.end, "\\infty", "label"))
                continue
            if isinstance(node, n.Mul) and not node.explicit and all(
                isinstance(f, (n.Sym, n.Num)) for f in node.factors
            ):
                items.extend(node.factors)
            else:
                items.append(node)
        return items

    def maybe_apply(self, sym: n.Sym) -> n.Node:
        if self.bare_argument and sym.base not in OPERATOR_LETTERS and sym.base not in FUNCTION_LETTERS \
                and sym.base not in SPECIAL_FUNCTION_LETTERS and not self.arguments_ahead():
            return sym  # \cos\theta(\cos\theta)^{-1}: the bracket is not \theta's argument
        operator = sym.base in OPERATOR_LETTERS and sym.style in ("", "bb", "rm", "op")
        if self.at("\\{") and operator:
            close_text = "\\}"
        elif self.at("[") and not self.commutators:  # B[A, C]: a product with a commutator
            close_text = "]"
        elif self.at("("):
            close_text = ")"
        else:
            return sym
        name = sym.base
        open_tok = self.advance()
        saved = (self.abs_depth, self.bar_is_given)
        self.abs_depth, self.bar_is_given = 0, 1
        args: list[n.Node] = []
        given = -1
        params = -1
        # P(A \\cup B^c): the argument of a probability may be an event built from named events
        events = sym.base == "P" and sym.style in ("", "op", "bb", "rm") and not sym.primes
        try:
            while True:
                first = self.i
                sign = self.sign_label(close_text) or self.placeholder_slot(close_text)
                if sign is not None:
                    args.append(sign)
                else:
                    event = self.event_argument(close_text) if events else None
                    args.append(event if event is not None else self.expr())
                if self.at(*EVENT_RELATIONS):
                    args[-1] = self.event(args[-1], close_text, first)
                if self.at(","):
                    self.advance()
                    continue
                if self.at(";") and params < 0:
                    # p(x; \theta): what follows the semicolon are parameters, a function of its own
                    self.advance()
                    params = len(args)
                    continue
                if self.at("|", "\\mid", "\\vert") and given < 0:
                    self.advance()
                    given = len(args)
                    continue
                break
            close = self.expect(close_text)
        finally:
            self.abs_depth, self.bar_is_given = saved
        if any(_is_placeholder(a) for a in args):
            return self.slot_function(sym, tuple(args), open_tok.text, close.end, given, params)
        single = len(args) == 1 and given < 0 and params < 0
        prefer_product = False
        if single and sym.primes == 0 and (not sym.style or set(sym.style.split("+")) <= ACCENT_STYLES):
            # (an accented letter, \bar h (T_s - T_\infty), is read as a plain one is)
            arg = args[0]
            looks_like_variable = isinstance(arg, n.Sym) and arg.base != name
            # \pi (3)^2: the constant times a number (a policy or a prime count is applied to states
            # and letters, and stays the other reading)
            prefer_product = not (name in FUNCTION_LETTERS or looks_like_variable) \
                or name == "\\pi" and not sym.indices and n.letter_free(arg)
        if open_tok.text == "[":
            prefer_product = False  # x[k], S[path]: a sequence or functional, unless x stands alone
        if self.at("(") and sym.primes and not single:
            # f'(x_0)(x - x_0) of one argument is the slope times the increment (Taylor's line, and
            # the differential Df(x_0)(h) of a function of one variable alike)
            raise ParseFailure("an application applied again: f'(x)(y)")
        if self.at("^") and open_tok.text == "(" and name == "E" and sym.style in ("bb", "op", "rm"):
            # \mathbb{E}(X - \mathbb{E}X)^2 usually means the expectation of the square
            raise ParseFailure("\\mathbb{E}(..)^2: the power may belong inside the expectation")
        if self.at("(") and open_tok.text == "(" and name == "E" and sym.style in ("bb", "op", "rm"):
            # \mathbb{E}(X - \mathbb{E}X)(Y - \mathbb{E}Y): the second bracket may belong inside as well
            raise ParseFailure("\\mathbb{E}(..)(..): the next bracket may belong inside the expectation")
        maybe_product = single and sym.primes == 0 and not (operator and open_tok.text != "(") \
            and not isinstance(args[0], n.Event) \
            and not (isinstance(args[0], n.Num) and args[0].value == "0") \
            and not (sym.style == "op" and len(sym.base) > 1 and sym.base.isalpha()) \
            and not (name in SPECIAL_FUNCTION_LETTERS and not (sym.indices or sym.style) and n.letter_free(args[0]))
        # a name set as an operator (\operatorname{proj}(u + w)) is applied, never a factor: read as one, any
        # such operator is linear and proj(u) + proj(w) = proj(u + w) would verify;
        # \Gamma(5), \Gamma(\tfrac12): a special function's letter before a bracket of numbers is its value
        # there (a factor is written before the number, 5\Gamma); read as a product, the step would be an
        # equation for the letter and \Gamma(5) = 120 would be no slip;
        # an event is no factor, and nobody writes a factor 0 beside a letter: v_x(0) is an initial
        # value (read as a product, $v_x(0) = u$ in the prose would force u = 0 and rescue any step in u)
        if prefer_product and maybe_product and open_tok.text == "(":
            # \theta(af + bg)(y): a factor before functions combined and applied
            combined = self.pointwise_applied(args[0], open_tok.start)
            if combined is not None:
                return n.Mul(sym.start, combined.end, (replace(sym, primes=0), combined), False, ("",))
        node = n.Apply(sym.start, close.end, n.Sym(sym.start, sym.end, sym.base, sym.style, sym.indices,
                       sym.labels, sym.sup_letter, 0), tuple(args), sym.primes, given,
                       maybe_product=maybe_product, prefer_product=prefer_product and maybe_product,
                       bracket=open_tok.text, params=params, raised=self.at("^"))
        return indicator_probability(node) or node

    def projection(self, t: Token) -> n.Node:
        """``\\operatorname{proj}_{\\mathbf{u}} \\mathbf{v}``: the projection of v onto the line of the vector
        u, written out as \\frac{\\langle u, v \\rangle}{\\langle u, u \\rangle} u. Only onto a vector (a bold,
        arrowed or plain lowercase letter, or a written column): proj_W v onto a subspace W needs its basis."""
        self.advance()
        toks, _, _ = self.script_tokens()
        onto = self.sub_parse(toks)
        inner = onto.inner if isinstance(onto, n.Paren) else onto
        vector = isinstance(inner, n.MatrixLit) and not inner.det or isinstance(inner, n.Sym) and not inner.indices \
            and not inner.primes and not inner.labels and (
                "bf" in inner.style.split("+") or "arrow" in inner.style.split("+")
                or not inner.style and len(inner.base) == 1 and inner.base.islower())
        if not vector or self.at("^", "_"):
            raise ParseFailure("a projection onto what may be a subspace")
        arg = self.function_argument()
        return n.Mul(t.start, arg.end, (n.Div(t.start, arg.end, n.Inner(t.start, arg.end, onto, arg),
                                              n.Inner(t.start, arg.end, onto, onto)), onto))

    def sign_label(self, close_text: str) -> n.Node | None:
        """``P(+)``, ``P(x \\mid -)``, ``p(w \\mid +)``: a sign alone as an argument names a class (the
        positive or negative one in classification notes), a label like any other name."""
        if not self.at("+", "-") or self.i + 1 >= len(self.toks):
            return None
        if self.toks[self.i + 1].text not in (close_text, ",", "|", "\\mid", "\\vert"):
            return None
        tok = self.advance()
        return n.Sym(tok.start, tok.end, tok.text, "label")

    def placeholder_slot(self, close_text: str) -> n.Node | None:
        """``k(x, \\cdot)``: a lone ``\\cdot`` as an argument is the free slot of a function left open, a
        label that only the reading of the whole application (slot_function) takes."""
        if not self.at("\\cdot") or self.i + 1 >= len(self.toks):
            return None
        if self.toks[self.i + 1].text not in (close_text, ","):
            return None
        tok = self.advance()
        return n.Sym(tok.start, tok.end, PLACEHOLDER, "label")

    def slot_function(self, sym: n.Sym, args: tuple[n.Node, ...], bracket: str, end: int, given: int,
                      params: int) -> n.Node:
        """``k(x, \\cdot)``, ``f(\\cdot)``: the function of the open slot that the other arguments fix, one
        object (the feature map k_x of a kernel, a vector of a function space), read as the name
        ``k_{x,\\cdot}``: linear steps in it (an inner product split over a sum) are decided, and it is
        never equated with a value of the function itself (k(x, x)), which would need its definition.
        Only on a plain name in parentheses: a subscripted, primed or operator name (\\mathbb{E}(\\cdot))
        or a conditional or parametrized argument list is not read."""
        if bracket != "(" or sym.indices or sym.labels or sym.primes or sym.sup_letter is not None \
                or given >= 0 or params >= 0 or sym.base in OPERATOR_LETTERS \
                or sym.style not in ("", "bf", "cal", "rm") or sym.style == "rm" and len(sym.base) > 1:
            raise ParseFailure("a placeholder argument (\\cdot) is not decided yet")
        return n.Sym(sym.start, end, sym.base, sym.style, args)

    def event_argument(self, close_text: str) -> n.Node | None:
        """The next argument of a probability read as an event of set operations on named events
        (``A \\cup B``, ``(A \\cap B)^c``, ``\\bar A``), when it writes one; None leaves it to the
        expression grammar (where set operations are not read)."""
        j, depth = self.i, 0
        while j < len(self.toks):
            t = self.toks[j]
            if depth == 0 and t.text in (",", "|", "\\mid", "\\vert", close_text):
                break
            depth += t.kind == "open" or t.text in ("(", "[")
            depth -= t.kind == "close" or t.text in (")", "]")
            if depth < 0:
                return None
            j += 1
        else:
            return None
        part = self.toks[self.i:j]
        if not _writes_event_operation(part):
            return None
        try:
            node = _EventReader(self, part).read()
        except ParseFailure:
            return None
        self.i = j
        return node

    def arguments_ahead(self) -> bool:
        """Whether the bracket that follows holds arguments, not a factor: a comma, a semicolon or a
        bar at its top level (\\log \\mathcal{N}(x; \\mu, \\sigma^2), \\log P(A \\mid B))."""
        if not self.at("("):
            return False
        depth = 0
        for j in range(self.i, len(self.toks)):
            u = self.toks[j]
            depth += u.kind == "open" or u.text in OPEN_CLOSE
            depth -= u.kind == "close" or u.text in OPEN_CLOSE.values()
            if depth == 0:
                return False
            if depth == 1 and u.text in (",", ";", "\\mid"):
                return True
        return False

    def event(self, left: n.Node, close_text: str, first: int | None = None) -> n.Node:
        """``P(X = x)``, ``\\Pr(f(X) \\neq Y)``, ``E[Y | X = x]``: an event or condition, kept whole as a
        label (two events are the same when they are written the same). ``first``: the index of the
        left side's first token, whose texts name it where a macro wrote it (every token of an expansion
        has the span of the macro's invocation, which would name it by the whole invocation)."""
        start = left.start
        words = [" ".join(t.text for t in self.toks[first:self.i])] if first is not None else [self.text_of(left)]
        depth = 0
        end = left.end
        while True:
            u = self.peek()
            if u is None:
                raise ParseFailure("an unfinished event")
            if depth == 0 and (u.text in (",", "|", "\\mid", close_text)):
                break
            depth += u.kind == "open" or u.text in ("(", "[")
            depth -= u.kind == "close" or u.text in (")", "]")
            words.append(u.text)
            end = u.end
            self.advance()
        return n.Sym(start, end, "event:" + " ".join(words), "label")

    def dotless_unit(self, t: Token) -> bool:
        """``\\imath``/``\\jmath`` here is the imaginary unit (``e^{\\imath\\theta}``), as ``\\mathrm{i}`` is:
        unless it has a subscript of its own, or the expression uses it as an index somewhere
        (``\\sum_{\\imath=1}^n a_\\imath``). Under an accent (``\\hat\\imath``, a unit vector) the style
        has read it as a letter before this."""
        nxt = self.peek(1)
        if nxt is not None and nxt.is_("_"):
            return False
        if self.dotless_indices is None:
            self.dotless_indices = _subscript_commands(self.root_toks, {"\\imath", "\\jmath"})
        return t.text not in self.dotless_indices

    def transposed_next(self) -> bool:
        """Whether a transpose follows (``^T``, ``^{\\top}``): what makes ``\\mathbf{1}`` the vector of ones,
        which a transposed identity matrix (its other reading, in physics) would never be written."""
        if not self.at("^") or self.peek(1) is None:
            return False
        after = self.peek(1)
        if after.kind == "open":
            group = _groups(self.toks, self.i + 1, 1)
            if group is None:
                return False
            (a, b), = group
            return "".join(x.text for x in self.toks[a:b]) in TRANSPOSE_MARKS
        return after.text in TRANSPOSE_MARKS

    def text_of(self, node: n.Node) -> str:
        return " ".join(t.text for t in self.toks if node.start <= t.start and t.end <= node.end)

    def command(self) -> n.Node:
        t = self.peek()
        name = t.text[1:]
        if name in ("imath", "jmath") and self.dotless_unit(t):
            self.advance()
            return n.Const(t.start, t.end, "imag_" + name[0])
        if name in GREEK:
            self.advance()
            if name in ("pi",) and not self.at("_", "(") and not self.marked_letter():
                return n.Const(t.start, t.end, "pi")
            return self.maybe_apply(self.symbol_scripts(t, t.text))
        if t.text == "\\infty":
            self.advance()
            return n.Const(t.start, t.end, "inf")
        if t.text in ("\\frac", "\\dfrac", "\\tfrac", "\\cfrac"):
            return self.fraction()
        if t.text == "\\sqrt":
            self.advance()
            index = None
            if self.at("["):
                toks, self.i = read_optional(self.toks, self.i)
                if toks is None:
                    raise ParseFailure("unbalanced [ in \\sqrt")
                index = self.sub_parse(toks)
            toks, s, e = self.group_tokens()
            return n.Sqrt(t.start, e, self.sub_parse(toks), index)
        if name in FUNCTIONS:
            self.advance()
            return self.function(t, FUNCTIONS[name])
        unit = unit_name(t)
        if unit is not None:
            self.advance()
            return n.Sym(t.start, t.end, unit, "unit")
        if (t.text in TEXT_WORDS or t.text == "\\mathrm" and (self.after_number() or self.after_unit())) \
                and self.unit_ahead() is not None:
            unit, end = self.unit_ahead()
            save = self.i
            while self.peek() is not None and self.peek().start < end:
                self.advance()
            if t.text in TEXT_WORDS or not self.at("("):
                return n.Sym(t.start, end, unit, "unit")
            self.i = save  # 3\mathrm{min}(a, b): a function after all
        if t.text in ("\\operatorname", "\\mathrm", "\\mathit") or (t.text in TEXT_WORDS and self.text_is_math()):
            return self.named(t)
        if t.text == "\\mathsf" and self.word_group_next():
            # \mathsf{SNR}, \mathsf{SINR}: a long name in sans serif, as \mathrm{SNR} is in roman
            return self.named(t)
        if t.text in STYLES:
            return self.styled()
        if t.text in ("\\sum", "\\prod"):
            return self.big_operator()
        if t.text == "\\lim":
            return self.limit()
        if t.text == "\\int":
            return self.integral()
        if t.text in ("\\binom", "\\dbinom", "\\tbinom"):
            self.advance()
            a, _, _ = self.group_tokens()
            b, _, e = self.group_tokens()
            parts = _top_level_items(b)
            if len(parts) > 1:
                return self.multinomial(t.start, e, a, parts)
            return n.Binom(t.start, e, self.sub_parse(a), self.sub_parse(b))
        if t.text == "\\lintmathrepeating":  # made by _repeating_decimals, one number token per group
            self.advance()
            head, _, _ = self.group_tokens()
            period, _, e = self.group_tokens()
            return n.Repeating(t.start, e, head[0].text, period[0].text)
        if t.text in STIRLING:
            self.advance()
            a, _, _ = self.group_tokens()
            b, _, e = self.group_tokens()
            if self.at("_"):
                # {n \brack k}_q is the Gaussian (q-)binomial coefficient, not a Stirling number
                raise ParseFailure("a q-binomial coefficient is not decided yet")
            return n.Func(t.start, e, STIRLING[t.text], (self.sub_parse(a), self.sub_parse(b)))
        if t.text in ("\\underbrace", "\\overbrace"):
            self.advance()
            toks, s, e = self.group_tokens()
            inner = self.sub_parse(toks)
            if self.at("_", "^"):
                self.advance()
                label, _, _ = self.group_tokens()
                if label and label[0].is_("=") and len(label) > 1:
                    # \underbrace{\int p}_{=1}: the author states a value; read with and without it
                    try:
                        return n.Annotated(t.start, self.toks[self.i - 1].end, inner, self.sub_parse(label[1:]))
                    except ParseFailure:
                        return inner
            return inner
        if t.text in TRANSPARENT:
            self.advance()
            value = self.group_tokens()[0] if t.text == "\\cancelto" else None
            toks, s, e = self.group_tokens()
            inner = self.sub_parse(_boxed_math(toks) if t.text == "\\fbox" else toks)
            if value:
                # \cancelto{0}{x}: the author says x vanishes here (a limit, an assumption), as in
                # \underbrace{x}_{=0}: read with and without it
                try:
                    return n.Annotated(t.start, e, inner, self.sub_parse(value))
                except ParseFailure:
                    return inner
            return inner
        if t.text in ("\\textcolor", "\\colorbox", "\\fcolorbox", "\\tikzmarknode"):
            # the colour (frame and fill of \fcolorbox) or the mark's name go, the content stays
            self.advance()
            self.group_tokens()
            if t.text == "\\fcolorbox":
                self.group_tokens()
            toks, s, e = self.group_tokens()
            return self.sub_parse(_boxed_math(toks) if t.text != "\\textcolor" else toks)
        if t.text in ("\\|", "\\Vert", "\\lVert"):
            return self.norm()
        if t.text in ROUNDINGS:
            self.advance()
            inner = self.expr()
            if t.text == "\\lfloor" and self.at("\\rceil"):
                # \lfloor x \rceil: x rounded to the nearest integer
                close = self.advance()
                return n.Func(t.start, close.end, "round", (inner,))
            close = self.expect(OPEN_CLOSE[t.text])
            return n.Func(t.start, close.end, ROUNDINGS[t.text], (inner,))
        if t.text in ("\\lvert", "\\vert"):
            self.advance()
            saved, self.abs_depth = self.abs_depth, self.abs_depth + 1
            inner = self.expr()
            self.abs_depth = saved
            close = self.peek()
            if close is None or close.text not in ("\\rvert", "\\vert"):
                raise ParseFailure("unbalanced \\lvert")
            self.advance()
            return n.Abs(t.start, close.end, inner)
        if t.text == "\\langle":
            self.advance()
            self.unwrap_group_before("\\rangle")
            bar = self.bra_bar()
            if bar is not None:
                return self.bra(t, bar)
            left = self.expr()
            if self.at("\\rangle"):
                return self.angle_average(t, left)
            self.expect(",")
            right = self.expr()
            if self.tuples and (self.at(",") or n.letter_free(left) and n.letter_free(right)
                                or _field_components(left, right)):
                return self.angle_vector(t, [left, right])
            close = self.expect("\\rangle")
            return n.Inner(t.start, close.end, left, right)
        if t.text == "\\begin":
            return self.matrix()
        if t.text == "\\Pr":
            self.advance()
            sym = n.Sym(t.start, t.end, "P", "op")
            if not self.at("(", "[", "\\{"):
                raise ParseFailure("\\Pr without a bracket")
            return self.maybe_apply(sym)
        if t.text in ("\\tr", "\\det"):
            self.advance()
            return self.function(t, "trace" if t.text == "\\tr" else "det")
        if t.text == "\\lintmathevalopen":
            self.advance()
            saved = (self.abs_depth, self.bar_is_given, self.in_evalopen)
            self.abs_depth, self.bar_is_given, self.in_evalopen = 0, 0, 1
            try:
                inner = self.expr()
            finally:
                self.abs_depth, self.bar_is_given, self.in_evalopen = saved
            close = self.peek()
            if close is None or close.text not in EVAL_CLOSERS:
                raise ParseFailure("unbalanced \\left.")
            return self.eval_bar(inner, t.start)
        if t.text == "\\lintmathunreadable":
            # the PDF extractor's mark for a row it could not rebuild with confidence
            self.advance()
            toks, _, _ = self.group_tokens()
            # the reason as written: tokens are single letters, so a space only where there was one
            reason = "".join((" " if k and x.start > toks[k - 1].end else "") + x.text
                             for k, x in enumerate(toks))
            raise ParseFailure(reason or "an unreadable row")
        if t.text in ELLIPSES:
            raise ParseFailure("an ellipsis (\\cdots): the pattern is not decided")
        if t.text in ("\\{", "\\lbrace") and self.brace_array_ahead():
            return self.brace_cases(t)
        if t.text in ("\\{", "\\lbrace"):
            self.advance()
            inner = self.expr()
            close = "\\}" if t.text == "\\{" else "\\rbrace"
            if self.poisson and self.at(",") and t.text == "\\{":
                return self.poisson_bracket(t, inner)
            if not self.at(close):
                # \{A, B\}, \{x : x > 0\}: an anticommutator, a Poisson bracket or a set
                found = self.peek()
                if found is None or found.is_(","):
                    raise ParseFailure(_unclosed_reason(t.text, found))
                raise ParseFailure(f"a set or bracket in braces ({t.text}... {found.text} ...) is not decided yet")
            self.advance()
            return n.Paren(t.start, self.toks[self.i - 1].end, inner, "\\{")
        if t.text == "\\nabla":
            return self.gradient()
        if t.text == "\\partial":
            return self.partial_operator()
        if t.text in BOUNDS and self.i + 1 < len(self.toks) \
                and self.toks[self.i + 1].text in ("_", "(", "\\{", "\\lbrace"):
            return self.finite_bound(t)
        if t.text == "\\arg" and self.peek(1) is not None \
                and (self.peek(1).text in ("(", "\\left") or self.peek(1).kind == "letter"):
            # \arg(1 + i), \arg z: the argument of a complex number (\arg\max is an optimisation)
            self.advance()
            return self.function(t, "arg")
        if t.text in ("\\argmax", "\\argmin") or t.text == "\\arg" and self.peek(1) is not None \
                and self.peek(1).text in ("\\max", "\\min"):
            return self.arg_optimum(t)
        if t.text in ("\\alt", "\\only") and self.peek(1) is not None and self.peek(1).kind == "open":
            return self.slide_versions(t)
        if t.text in ("\\underset", "\\overset") and (term := self.remark_over_term()) is not None:
            return term
        if t.text in UNSUPPORTED:
            raise ParseFailure(f"{UNSUPPORTED[t.text]} are not decided yet ({t.text})")
        if t.text in ANNOTATIONS:
            raise ParseFailure(f"prose ({t.text}) inside the math")
        if t.text == "\\ce" and self.peek(1) is not None and self.peek(1).kind == "open":
            return self.species(t)
        raise ParseFailure(f"unknown command {t.text}")

    def species(self, t: Token) -> n.Node:
        """``\\ce{H+}``, ``\\ce{NH3}``: mhchem's formula of a species, the name \\mathrm writes for it
        (see chemistry.formula_name); a reaction or an equation inside it is no quantity."""
        self.advance()
        toks, s, e = self.group_tokens()
        word = "".join(x.text for x in toks)
        species = chemistry.formula_name(word, mhchem=True) or (word if word.isalpha() else None)
        if species is None:
            raise ParseFailure(f"cannot read \\ce{{{word}}} as a species")
        return self.symbol_scripts(Token("letter", species, s, e), species, "op", start=t.start)

    # -- bra-ket notation ---------------------------------------------------------------------
    def _scan(self, start: int, stops: set[str]) -> int | None:
        """The first token from ``start``, outside brackets and braces, whose text is in ``stops``
        (None when a bracket closes first or the line ends)."""
        depth = 0
        for j in range(start, min(len(self.toks), start + 80)):
            u = self.toks[j]
            if u.kind == "open" or u.text in ("(", "[", "\\{"):
                depth += 1
            elif u.kind == "close" or u.text in (")", "]", "\\}"):
                depth -= 1
                if depth < 0:
                    return None
            elif depth == 0 and u.text in stops:
                return j
        return None

    def ket_ahead(self) -> bool:
        """A bar that opens ``|label\\rangle``: the next bar, angle or relation after it is a \\rangle."""
        t, nxt = self.peek(), self.peek(1)
        if t is None or nxt is None or t.text not in ("|", "\\vert", "\\lvert") or nxt.text in ("_", "^"):
            return False
        stops = BAR_TEXTS | RELATION_COMMANDS | {"\\rangle", "\\langle", "\\|", "\\Vert", "=", "<", ">"}
        j = self._scan(self.i + 1, stops)
        return j is not None and j > self.i + 1 and self.toks[j].text == "\\rangle"

    def ket(self) -> n.Node:
        open_tok = self.advance()
        j = self._scan(self.i, {"\\rangle"})
        label = self.toks[self.i:j]
        self.i = j + 1
        return self.state(label, open_tok.start, self.toks[j].end, bra=False)

    def bra_bar(self) -> int | None:
        """After ``\\langle``: where the bar of ``\\langle a|`` is, when a bar (not a comma or the
        closing angle) comes first; None for an inner product ``\\langle a, b\\rangle``."""
        j = self._scan(self.i, BAR_TEXTS | {",", "\\rangle", "\\langle"})
        if j is None or j == self.i or self.toks[j].text not in BAR_TEXTS:
            return None
        return j

    def bra(self, open_tok: Token, bar: int) -> n.Node:
        """``\\langle a|`` alone, or ``\\langle a|b\\rangle`` (the bra times the ket that shares its bar)."""
        label = self.toks[self.i:bar]
        self.i = bar + 1
        bra = self.state(label, open_tok.start, self.toks[bar].end, bra=True)
        close = self._scan(self.i, BAR_TEXTS | RELATION_COMMANDS | {"\\rangle", "\\langle", ",", "=", "<", ">"})
        if close is None or close == self.i or self.toks[close].text != "\\rangle":
            return bra  # <a| M |b>, or a bra before a sum: what follows is read on its own
        ket_label = self.toks[self.i:close]
        self.i = close + 1
        ket = self.state(ket_label, self.toks[bar].start, self.toks[close].end, bra=False)
        return n.Mul(open_tok.start, ket.end, (bra, ket), False, ("",))

    def state(self, label: list[Token], start: int, end: int, bra: bool) -> n.Ket:
        if not label:
            raise ParseFailure("a state without a label")
        qubits, systems = _qubits(label)
        if qubits:
            return n.Ket(start, end, qubits, None, bra, systems)
        return n.Ket(start, end, "", self.sub_parse(label), bra)

    def unwrap_group_before(self, closer: str) -> None:
        """``\\langle{u,v}\\rangle``: a macro argument arrives wrapped in braces; the braces only group,
        so the pair inside is read as if written without them."""
        if not (self.peek() is not None and self.peek().kind == "open"):
            return
        try:
            _, after = read_group(self.toks, self.i)
        except ParseFailure:
            return
        if after < len(self.toks) and self.toks[after].text == closer:
            del self.toks[after - 1]
            del self.toks[self.i]

    def norm(self) -> n.Node:
        open_tok = self.advance()
        saved, self.abs_depth = self.abs_depth, self.abs_depth + 1
        inner = self.expr()
        self.abs_depth = saved
        close = self.peek()
        if close is None or close.text not in ("\\|", "\\Vert", "\\rVert"):
            raise ParseFailure("unbalanced \\|")
        self.advance()
        kind, order, end = self.norm_subscript(close.end)
        return n.Norm(open_tok.start, end, inner, kind=kind, order=order)

    def matrix(self) -> n.Node:
        """pmatrix / bmatrix / vmatrix / matrix / array: rows split at \\\\ and columns at &."""
        begin = self.advance()
        toks, _, _ = self.group_tokens()
        env = "".join(x.text for x in toks)
        if env in CASES_ENVS:
            return self.cases(begin, env)
        if env not in MATRIX_ENVS:
            raise ParseFailure(f"the environment {env} inside math is not decided yet")
        if env == "array" and self.at("["):
            _, self.i = read_optional(self.toks, self.i)  # \begin{array}[t]: the vertical position
        if env in ("array", "mymatrix", "absmatrix"):
            self.group_tokens()  # the column spec
        rows = self.env_rows(env)
        if env == "array" and _layout_rows(rows):
            # a long sum laid out in columns, its signs in cells of their own: read row after row
            return self.sub_parse([u for row in rows for cell in row for u in cell])
        if not rows or len({len(r) for r in rows}) != 1:
            raise ParseFailure(f"a {env} with ragged rows")
        parsed = tuple(tuple(self.sub_parse(cell) for cell in row) for row in rows)
        end = self.toks[self.i - 1].end
        return n.MatrixLit(begin.start, end, parsed, det=env in ("vmatrix", "Vmatrix", "absmatrix"))

    def brace_array_ahead(self) -> bool:
        """Whether ``\\{`` opens an array (``\\left\\{ \\begin{array}{ll} .. \\end{array} \\right.``), the way
        piecewise functions were written before the cases environment."""
        k = self.i + 1
        if k + 2 >= len(self.toks) or self.toks[k].text != "\\begin" or self.toks[k + 1].text != "{":
            return False
        name = "".join(x.text for x in self.toks[k + 2:k + 7])
        return name == "array" and self.toks[k + 7].text == "}" if k + 7 < len(self.toks) else False

    def brace_cases(self, brace: Token) -> n.Node:
        """``\\left\\{ \\begin{array}{ll} v_1 & c_1 \\\\ .. \\end{array} \\right.``: read as the cases environment
        is, when nothing closes the brace (``\\right.`` leaves no token); a closed one is a set."""
        self.advance()
        begin = self.advance()
        self.group_tokens()  # the environment's name
        if self.at("["):
            _, self.i = read_optional(self.toks, self.i)
        self.group_tokens()  # the column spec
        node = self.cases(begin, "array")
        if self.at("\\}", "\\rbrace"):
            raise ParseFailure("a set or bracket in braces (\\{ \\begin{array} ... \\}) is not decided yet")
        return replace(node, start=brace.start)

    def cases(self, begin: Token, env: str) -> n.Cases:
        """``\\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}``: a piecewise function, each row a
        value and the condition it holds under (after ``\\text{if}`` or a comma), ``otherwise`` or ``else``
        for the rest. Inequalities between expressions are read as conditions, and one equation or its
        negation (``\\kappa = 0``, ``x \\neq 1``), which holds at no sampled point: the step is then asked
        at the equation's point too (see comparator.equation_cases_differ); a set (``x \\in A``) or words
        say what only the prose knows."""
        rows = self.env_rows(env)
        if not rows or any(len(row) != 2 for row in rows):
            raise ParseFailure(f"a {env} row without one value and one condition")
        values, sides, relations = [], [], []
        for k, (value, condition) in enumerate(rows):
            value = _trim_case_value(value)
            chain = _case_condition(condition, last=k == len(rows) - 1)
            if chain is None:
                sides.append(())
                relations.append(())
            else:
                parts, rels = chain
                sides.append(tuple(self.sub_parse(part) for part in parts))
                relations.append(tuple(rels))
            values.append(self.sub_parse(value))
        if all(not s for s in sides):
            raise ParseFailure(f"a {env} without a condition")
        end = self.toks[self.i - 1].end
        return n.Cases(begin.start, end, tuple(values), tuple(sides), tuple(relations))

    def finite_bound(self, t: Token) -> n.Node:
        """``\\sup\\{a, b\\}``, ``\\inf_{1 \\le i \\le n} a_i``: over a list or the entries of an index, the
        supremum (infimum) is the largest (smallest) entry, read as ``\\max`` (``\\min``) is. Over a
        variable it is an optimisation (see optimum); where that is not read either, the reason stays."""
        self.advance()
        try:
            return self.function(t, "max" if t.text == "\\sup" else "min")
        except ParseFailure:
            raise ParseFailure(f"{UNSUPPORTED[t.text]} are not decided yet ({t.text})") from None

    def env_rows(self, env: str) -> list[list[list[Token]]]:
        """The cells of an environment's rows, split at ``\\\\`` and ``&`` outside inner environments."""
        rows: list[list[list[Token]]] = [[[]]]
        depth = 0
        while True:
            u = self.peek()
            if u is None:
                raise ParseFailure(f"{env} without \\end")
            if u.text == "\\end" and depth == 0:
                self.advance()
                self.group_tokens()
                break
            if u.text == "\\begin":
                depth += 1
            elif u.text == "\\end":
                depth -= 1
            self.advance()
            if depth == 0 and u.text == "\\\\":
                rows.append([[]])
            elif depth == 0 and u.text == "&":
                rows[-1].append([])
            else:
                rows[-1][-1].append(u)
        if rows and rows[-1] == [[]]:
            rows.pop()
        return rows

    def named(self, t: Token) -> n.Node:
        """``\\operatorname{softmax}``, ``\\mathrm{d}``, ``\\mathrm{x}``: a function name or an upright letter."""
        self.advance()
        toks, s, e = self.group_tokens()
        while len(toks) >= 2 and toks[0].kind == "open" and read_group(toks, 0)[1] == len(toks):
            # \mathrm{{K}}: a user macro's argument keeps its braces (\newcommand{\ion}[1]{\mathrm{#1}}),
            # which group nothing here
            toks = toks[1:-1]
        word = "".join(x.text for x in toks)
        if not word.replace("*", "").isalnum():
            species = chemistry.formula_name(word) if t.text in ("\\mathrm", "\\text", "\\textrm") else None
            if species is None:
                raise ParseFailure(f"cannot read {t.text}{{{word}}}")
            # [\mathrm{H^+}], \mathrm{NH_3}: a species, a label whose scripts are part of its name
            return self.symbol_scripts(Token("letter", species, s, e), species, "op", start=t.start)
        if word == "d" and t.text in ("\\mathrm", "\\text", "\\textrm"):
            return self.differential(t.start)
        # a power of the unit is the unit's power (\mathrm{i}^2 = -1), as the bare unit beside it is one:
        # reading only the bare one as the unit would refute i^3 = i^2 \cdot i
        if word in ("i", "j", "k") and t.text == "\\mathrm" and not self.at("_") \
                and (word != "k" or not self.at("^")):
            return n.Const(t.start, e, "imag_" + word)
        if len(word) == 1 and t.text != "\\operatorname":
            fake = Token("letter", word, s, e)
            sym = self.symbol_scripts(fake, word, "" if t.text == "\\mathit" else "rm", start=t.start)
            if word == "e" and not sym.indices:
                return n.Const(t.start, sym.end, "e")
            return self.maybe_apply(sym)
        if word in NAMED_FUNCTIONS:
            return self.function(Token("cmd", word, t.start, e), NAMED_FUNCTIONS[word])
        if word in OPERATOR_ONLY_FUNCTIONS and t.text == "\\operatorname":
            return self.function(Token("cmd", word, t.start, e), OPERATOR_ONLY_FUNCTIONS[word])
        if word in ("id", "Id") and not self.at("(", "[", "_", "^"):
            return n.Sym(t.start, e, word, "op")  # the identity function, as \mathrm{id} reads (see composition.py)
        if word in ("Re", "Im") and (t.text == "\\operatorname" or self.at("(", "[", "\\{")):
            # the real and imaginary parts; an upright Re without a bracket is as often the Reynolds number
            return self.function(Token("cmd", word, t.start, e), word.lower())
        if word in FIELD_OPERATOR_WORDS and t.text in ("\\operatorname", "\\mathrm") and not self.at("_", "^"):
            # \operatorname{div}\mathbf{F}, \mathrm{curl}(y, -x, 0): the vector-calculus operators by name are
            # the \nabla forms, whose coordinates the whole step tells (lintmath.cartesian)
            return self.bare_gradient(Token("cmd", "\\nabla", t.start, e), 1, FIELD_OPERATOR_WORDS[word])
        if word in OPERATOR_LETTERS:
            sym = self.symbol_scripts(Token("letter", word, s, e), word, "op", start=t.start)
            if not self.at("[", "(", "\\{"):
                if word in ("Var", "var") and self.at_bare_letter():
                    return self.bare_variance(sym, f"{word} without a bracket")
                raise ParseFailure(f"{word} without a bracket")
            return self.maybe_apply(sym)
        if word in ("tr", "trace", "Tr", "det"):
            return self.function(Token("cmd", word, t.start, e), "det" if word == "det" else "trace")
        if word == "adj" and (self.at("(", "[", "\\left", "\\begin") or self.capital_next()):
            return self.function(Token("cmd", word, t.start, e), "adjugate")
        if word in ("argmax", "argmin"):
            return self.optimum(t, OPTIMA[word], f"{word} is not decided yet")
        if word == "arg" and self.at("\\max", "\\min"):
            return self.optimum(t, "arg" + self.advance().text[1:], "arg max / arg min are not decided yet")
        if word == "rank" and self.at("(", "\\left", "\\begin"):
            return self.function(Token("cmd", word, t.start, e), "rank")
        if word == "diag" and self.at("(", "\\left"):
            return self.function(Token("cmd", word, t.start, e), n.DIAGONAL)
        if word in ("diag", "rank", "argmax", "argmin", "arg", "lim", "prox", "vec"):
            raise ParseFailure(f"{word} is not decided yet")
        if word == "proj" and self.at("_"):
            return self.projection(t)
        sym = self.symbol_scripts(Token("letter", word, s, e), word, "op", start=t.start)
        if not self.at("(", "["):
            if t.text == "\\operatorname" and t.declared and self.peek() is not None \
                    and self.starts_atom(self.peek()):
                # \sgn 2, \PV\frac{C}{1+r}: a declared function applied without brackets, whose reach is a guess
                raise ParseFailure(f"the operator {word} before an argument without brackets")
            if t.text == "\\operatorname" and word not in GATE_WORDS and not t.declared:
                raise ParseFailure(f"unknown operator {word}")
            if self.bare_letter_next() and not (word in DIMENSIONLESS_GROUPS or word == "Re" and sym.indices):
                # \mathrm{Si}\,x, \mathrm{arcsec}\,x: a function we do not know, applied without brackets;
                # (\mathrm{Bi}\,\theta, \mathrm{Re}_L\,\nu: a dimensionless group is a number, never applied)
                # read as a named constant times x, d/dx of it would refute a correct derivative
                raise ParseFailure(UPRIGHT_NAME_BEFORE_LETTER)
            return sym  # \text{err}_m, \mathrm{MSE}: a quantity with a long name
        return self.maybe_apply(sym)

    def word_group_next(self) -> bool:
        """Whether the command at the cursor takes a group of two or more letters and nothing else."""
        k = 1
        if (self.peek(k) or Token("", "", 0, 0)).kind != "open":
            return False
        while (u := self.peek(k + 1)) is not None and u.kind == "letter":
            k += 1
        closer = self.peek(k + 1)
        return k >= 3 and closer is not None and closer.kind == "close"

    def bare_letter_next(self) -> bool:
        """Whether a letter (x, \\theta) follows at once, as the bare argument of a function would."""
        t = self.peek()
        return t is not None and (t.kind == "letter" or t.kind == "cmd" and t.text[1:] in GREEK)

    def styled(self) -> n.Node:
        t = self.advance()
        style = STYLES[t.text]
        toks, s, e = self.group_tokens()
        while len(toks) > 2 and toks[0].kind == "open" and read_group(toks, 0)[1] == len(toks):
            toks = toks[1:-1]  # \mathbf{{e}}: a macro's argument keeps its own braces
        if len(toks) == 1 and toks[0].text == "\\nabla":
            return self.gradient(Token("cmd", "\\nabla", t.start, e))  # \boldsymbol{\nabla}: the same operator
        if style == "hat" and toks and toks[0].text == "\\mathbb" and any(x.text == "E" for x in toks):
            # an empirical mean: of which sample, and how the random letters map to it, is the prose's
            raise ParseFailure("an empirical mean (\\hat{\\mathbb{E}}) is not decided yet")
        if t.text in ("\\vec", "\\overrightarrow") and len(toks) == 2 \
                and all(x.kind == "letter" and x.text.isupper() for x in toks):
            return self.displacement(toks, t.start, e)
        if len(toks) == 1 and (toks[0].text == "1" or toks[0].text == "I" and style == "bb") \
                and style in ("bb", "bf") and self.condition_ahead():
            return self.indicator(t.start)  # \mathbb{1}[x > 0], \mathbf{1}\{y = k\}, \mathbb{I}(x \in A)
        if len(toks) == 1 and toks[0].kind in ("letter", "num"):
            if toks[0].kind == "num" and not (toks[0].text == "0" and "bf" in style) \
                    and not (toks[0].text == "1" and "bf" in style and self.transposed_next()) \
                    and not (toks[0].text == "1" and style in ("bf", "bb") and self.ones):
                raise ParseFailure(f"{t.text}{{{toks[0].text}}} is not decided yet")
            if toks[0].text == "1" and style == "bb":
                style = "bf"  # \mathbb{1} read as the vector of ones, as \mathbf{1} is
            base = toks[0].text  # \mathbf{0}: the zero vector; \mathbf{1}^T: the row of ones
        elif len(toks) == 1 and toks[0].kind == "cmd" and toks[0].text[1:] in GREEK:
            base = toks[0].text
        else:
            inner = self.sub_parse(toks)
            if t.text in AVERAGE_BARS and (expectation.fluctuating(inner) or self.averages
                                           and not (isinstance(inner, n.Sym) and not inner.indices)):
                # \overline{u'v'}, \overline{u'}: a bar over a fluctuation is its Reynolds average, which
                # the sides' reading links to the mean \bar u and the fluctuation u' (see sides.reynolds_sides)
                return expectation.reynolds_average(t.start, e, inner)
            if isinstance(inner, n.Sym) and inner.indices and not self.at("_"):
                # \mathbf{x_i}: the style applies to the indexed symbol
                merged = "+".join(filter(None, (style, inner.style)))
                sym = n.Sym(t.start, e, inner.base, merged, inner.indices, inner.labels, inner.sup_letter, inner.primes)
                return self.maybe_apply(sym)
            if isinstance(inner, n.Sym) and not inner.indices:
                if inner.labels or inner.sup_letter is not None:
                    # \overline{z^*} is not \bar z: the marks under the bar are part of what it is over
                    raise ParseFailure(f"{t.text} over a marked letter is not decided yet")
                base, style = inner.base, "+".join(filter(None, (style, inner.style)))
            else:
                raise ParseFailure(OVER_EXPRESSION.format(t.text))
        measure = self.measure_superscript(("[", "(", "\\{", "_")) if style == "bb" and base == "E" else None
        if style == "bb" and base in ("E", "P", "V") and self.at("[", "(", "\\{", "_"):
            sym = self.expectation_scripts(self.symbol_scripts(Token("letter", base, s, e), base, "bb", start=t.start),
                                           measure, ("[", "(", "\\{"))
            if not self.at("[", "(", "\\{"):
                if base == "E":
                    return self.bare_expectation(sym)  # \mathbb{E}_p X
                raise ParseFailure(f"\\mathbb{{{base}}} without a bracket")
            return self.maybe_apply(sym)
        if style == "bb" and base == "E":
            return self.bare_expectation(n.Sym(t.start, e, "E", "bb"))
        if style == "bb":
            raise ParseFailure(f"\\mathbb{{{base}}} (expectations and number sets) is not decided yet")
        sym = self.symbol_scripts(Token("letter", base, s, e), base, style, start=t.start)
        if base == "1" and self.ones:
            return sym  # \mathbf{1}(\mathbf{1}^T x): the vector of ones is no function to apply
        return self.maybe_apply(sym)

    def measure_superscript(self, before: tuple[str, ...]) -> str | None:
        """The measure an expectation's superscript names (``\\mathbb{E}^{\\mathbb{Q}}[X]``, ``E^{P}[X]``,
        ``\\mathbb{E}^{\\pi}``), consumed when one of ``before`` follows it: a capital or Greek letter, bare
        or styled. A digit or a lowercase letter (``\\mathbb{E}^2[X]``, ``E^n``) may be a power: None."""
        if not self.at("^") or self.peek(1) is None:
            return None
        save = self.i
        self.advance()
        toks, _, _ = self.script_tokens()
        inner = [x for x in toks if x.kind not in ("open", "close")]
        styled = len(inner) == 2 and inner[0].text in MEASURE_STYLES
        letter = inner[-1] if len(inner) == 1 or styled else None
        if letter is None or not (letter.kind == "letter" and letter.text.isupper()
                                  or letter.kind == "cmd" and letter.text[1:] in GREEK) \
                or letter.text == "T" and not styled or not self.at(*before):
            self.i = save
            return None
        return (STYLES[inner[0].text] + ":" if styled and STYLES[inner[0].text] else "") + letter.text

    def expectation_scripts(self, sym: n.Sym, measure: str | None, before: tuple[str, ...]) -> n.Sym:
        """E with its scripts and the measure it is taken under, a label ``measure:Q``: written before the
        subscript or after it (``\\mathbb{E}_t^{\\mathbb{Q}}``, read as a letter's superscript then)."""
        if measure is None and sym.sup_letter is not None and sym.sup_letter.base.isupper() \
                and sym.sup_letter.base != "T" and self.at(*before):
            measure, sym = sym.sup_letter.base, replace(sym, sup_letter=None)
        if measure is None and sym.indices:
            measure = self.measure_superscript(before)
            if measure is not None:
                sym = replace(sym, end=self.toks[self.i - 1].end)
        if measure is None:
            return sym
        return replace(sym, labels=(*sym.labels, expectation.MEASURE_LABEL + measure))

    def condition_ahead(self) -> tuple[int, int, int, int] | None:
        """The condition of an indicator that follows: a bracket ``(..)``, ``[..]``, ``\\{..\\}`` or a
        subscript ``_{..}`` holding one relation at its top level (x \\neq y, x_i > 0, x \\in A). Returns
        the token range of the condition, the index of its relation and that of the closing token. A 1
        before a bracket with a relation in it is nothing else; a compound condition (x > 0, y > 0;
        a < x < b) is left unread."""
        t = self.peek()
        if t is None:
            return None
        if t.text == "_":
            groups = _groups(self.toks, self.i + 1, 1)
            if not groups:
                return None
            first, last = groups[0]
        elif t.text in ("(", "[", "\\{"):
            close, depth, j = OPEN_CLOSE[t.text], 0, self.i
            while j < len(self.toks):
                u = self.toks[j]
                depth += u.kind == "open" or u.text in OPEN_CLOSE
                depth -= u.kind == "close" or u.text in OPEN_CLOSE.values()
                if depth == 0:
                    break
                j += 1
            if j >= len(self.toks) or self.toks[j].text != close:
                return None
            first, last = self.i + 1, j
        else:
            return None
        close = last
        while last - first > 2 and self.toks[first].kind == "open" and read_group(self.toks, first)[1] == last:
            first, last = first + 1, last - 1  # 1({x \neq y}): a macro's argument keeps its own braces
        relations, depth = [], 0
        for k in range(first, last):
            u = self.toks[k]
            depth += u.kind == "open" or u.text in OPEN_CLOSE
            depth -= u.kind == "close" or u.text in OPEN_CLOSE.values()
            if depth == 0 and (u.text in RELATION_COMMANDS or u.text in ("=", "<", ">")):
                relations.append(k)
        if len(relations) != 1 or self.toks[relations[0]].text not in INDICATOR_RELATIONS \
                or relations[0] in (first, last - 1):
            return None
        return first, last, relations[0], close

    def indicator(self, start: int) -> n.Node:
        """``1(a R b)``: 1 where the condition holds, else 0, read as an unknown function of the two
        sides named by the relation (``a > b`` as ``b < a``; the sides of = and \\neq in a fixed order).
        Whether a step holds for the values 0 and 1 only, or for the conditions the prose links
        (y = 1 and y = -1 are exclusive), this reading cannot say: see ``lower.has_indicator``."""
        found = self.condition_ahead()
        if found is None:
            raise ParseFailure("an indicator without a condition")
        first, last, at, close = found
        relation = self.toks[at].text
        left, right = self.sub_parse(self.toks[first:at]), self.sub_parse(self.toks[at + 1:last])
        if relation in INDICATOR_SWAPPED:
            left, right = right, left
        elif relation in INDICATOR_SYMMETRIC and repr(n.structure(right)) < repr(n.structure(left)):
            left, right = right, left
        end = self.toks[close].end
        # the condition as P(..) would name it as an event (see event), for E[1(A)] = P(A)
        event = "event:" + " ".join(t.text for t in self.toks[first:last])
        self.i = close + 1
        head = n.Sym(start, start, n.INDICATOR, "ind", labels=(INDICATOR_RELATIONS[relation], event))
        return n.Apply(start, end, head, (left, right))

    def displacement(self, points: list[Token], start: int, end: int) -> n.Node:
        """``\\vec{AB}``: from point A to point B, the difference of their position vectors (so that
        AB + BC = AC), each written as mechanics writes it, the bold r with the point as index."""
        a, b = (n.Sym(start, end, "r", "bf", (n.Sym(p.start, p.end, p.text),)) for p in points)
        return n.Paren(start, end, n.Add(start, end, (n.Term(start, end, "+", b), n.Term(start, end, "-", a))))

    def bare_expectation(self, sym: n.Sym) -> n.Node:
        """``\\mathbb{E} X``, ``\\mathbb{E} x_2``: E of the one symbol that follows, with its scripts; also E
        of one application that follows (``\\mathbb{E}_p \\log(1/p(X))``, ``\\mathbb{E}_{X\\sim p} \\ell_q(X)``)
        and of the next expectation (``\\mathbb{E}\\mathbb{E}[X]``). Any other reading is a guess (E X^2,
        E X Y, E (X - EX)^2, E \\log(X)^2): refused."""
        t = self.peek()
        what = "\\mathbb{E} without a bracket"
        if t is None:
            raise ParseFailure(what)
        if t.kind == "cmd" and t.text[1:] in FUNCTIONS:
            arg = self.expected_function(what)
        elif t.text == "\\mathbb":
            arg = self.command()
            if not (isinstance(arg, n.Apply) and arg.func.base == "E" and arg.func.style == "bb"):
                raise ParseFailure(what)
        elif _letter_token(t):
            arg = self.symbol_scripts(self.advance(), t.text)
            if self.at("(") and (arg.base in FUNCTION_LETTERS or arg.indices):
                # \ell_q(X), p(X): a function's application; X(1 - X) may be a product, whose reach is a guess
                arg = self.maybe_apply(arg)
            elif self.at("^") or self.at_bare_letter():
                return self.expectation_reach(sym, arg, what)
        elif t.text in BARE_EXPECTATION_ACCENTS:
            # \mathbb{E}\bar X, \mathbb{E}\hat\theta: E of the one marked letter (an estimator, a sample mean)
            arg = self.command()
            if not isinstance(arg, n.Sym):
                raise ParseFailure(what)
        else:
            raise ParseFailure(what)
        nxt = self.peek()
        if nxt is not None and (nxt.text in ("^", "(", "[", "\\{", "'", "_") or self.starts_atom(nxt)
                                and nxt.text not in MUL_OPS and nxt.text not in ADD_OPS) \
                and not self.expectation_ahead():
            raise ParseFailure(what)
        return n.Apply(sym.start, arg.end, sym, (arg,), bracket="[")

    def expectation_ahead(self) -> bool:
        """Whether another \\mathbb{E} follows (\\mathbb{E} X\\,\\mathbb{E} Y): a product of expectations, which
        ends the one before."""
        return [self.peek(k).text if self.peek(k) is not None else "" for k in range(3)] == ["\\mathbb", "{", "E"]

    def bare_variance(self, sym: n.Sym, what: str) -> n.Node:
        """``\\operatorname{Var} X``: the variance of the one letter that follows (with its subscripts), as
        ``\\mathbb{E} X`` reads; before a power or more factors (Var X^2, Var XY) its reach is a guess."""
        tok = self.advance()
        arg = self.symbol_scripts(tok, tok.text)
        nxt = self.peek()
        if nxt is not None and (nxt.text in ("^", "(", "[", "\\{", "'", "_") or self.starts_atom(nxt)
                                and nxt.text not in MUL_OPS and nxt.text not in ADD_OPS):
            raise ParseFailure(what)
        return n.Apply(sym.start, arg.end, sym, (arg,), bracket="(")

    def at_bare_letter(self) -> bool:
        nxt = self.peek()
        return nxt is not None and _letter_token(nxt) and not (nxt.kind == "cmd" and nxt.text in MUL_OPS)

    def expectation_reach(self, sym: n.Sym, first: n.Sym, what: str) -> n.Node:
        """``\\mathbb{E} X^2``, ``\\mathbb{E} XY``, ``\\mathbb{E} e^{tX}``: E of the letters (each with its power)
        written after it, up to the next sign, as probability texts mean it; (E X)^2 and (E X) Y, which
        no bracket rules out, are the other reading (see n.Reach). A bracket, a function or another E
        among them leaves the reach a guess: refused."""
        factors: list[n.Node] = []
        letter: n.Sym | None = first
        while letter is not None:
            base: n.Node = letter
            if letter.base == "e" and not (letter.indices or letter.style or letter.labels or letter.primes):
                base = n.Const(letter.start, letter.end, "e")
            if self.at("^"):
                self.advance()
                toks, _, _ = self.script_tokens()
                if not toks:
                    raise ParseFailure(what)
                exponent = self.sub_parse(toks)
                base = n.Pow(letter.start, toks[-1].end, base, exponent)
            factors.append(base)
            letter = None
            if self.at_bare_letter():
                tok = self.advance()
                letter = self.symbol_scripts(tok, tok.text)
        nxt = self.peek()
        if nxt is not None and (nxt.text in ("^", "(", "[", "\\{", "'", "_") or self.starts_atom(nxt)
                                and nxt.text not in MUL_OPS and nxt.text not in ADD_OPS):
            raise ParseFailure(what)
        if isinstance(factors[0], n.Pow) and isinstance(factors[0].base, n.Const):
            other_first: n.Node = factors[0]  # e^{tX}: E of e alone is no reading
        elif isinstance(factors[0], n.Pow):
            inner_e = n.Apply(sym.start, factors[0].base.end, sym, (factors[0].base,), bracket="[")
            other_first = n.Pow(sym.start, factors[0].end, inner_e, factors[0].exp)
        else:
            other_first = n.Apply(sym.start, factors[0].end, sym, (factors[0],), bracket="[")
        end = factors[-1].end
        body = factors[0] if len(factors) == 1 else n.Mul(factors[0].start, end, tuple(factors), False,
                                                          ("",) * (len(factors) - 1))
        inner = n.Apply(sym.start, end, sym, (body,), bracket="[")
        rest = tuple(factors[1:])
        other = other_first if not rest else n.Mul(sym.start, end, (other_first, *rest), False, ("",) * len(rest))
        return n.Reach(sym.start, end, inner, other)

    def expected_function(self, what: str) -> n.Node:
        """``\\log(1/p(X))`` or ``\\log p(X)`` after a bare E: a known function of one bracket or one
        factor, so that E's reach is the function's own."""
        arg = self.command()
        if not isinstance(arg, n.Func) or len(arg.args) != 1 or arg.power is not None or arg.primes:
            raise ParseFailure(what)
        if isinstance(arg.args[0], n.Mul):
            raise ParseFailure(what)  # \log p(X) q(X): the log's own reach is a guess already
        return arg

    def capital_next(self) -> bool:
        """Whether a capital letter (a matrix, as in ``\\operatorname{adj} A``) comes next."""
        t = self.peek()
        return t is not None and t.kind == "letter" and t.text.isupper()

    def function(self, t: Token, name: str) -> n.Node:
        power = None
        inverse = False
        primes = 0
        while self.at("'"):
            self.advance()
            primes += 1
        if primes:
            if self.at("_", "^") or name in ("max", "min", *n.MATRIX_FUNCTIONS):
                raise ParseFailure(f"a derivative of {t.text} with scripts is not decided yet")
            arg = self.function_argument()
            return n.Func(t.start, arg.end, name, (arg,), primes=primes)
        if self.at("_") and name in ("max", "min"):
            return self.indexed_extremum(t, name)
        if self.at("_"):
            if name != "log":
                raise ParseFailure(f"{t.text} with a subscript is not decided yet")
            self.advance()
            toks, _, _ = self.script_tokens()
            base = self.sub_parse(toks)
            name = "log"
            power = None
            arg = self.function_argument(logarithm=True)
            return n.Div(t.start, arg.end, n.Func(t.start, arg.end, "log", (arg,)),
                         n.Func(t.start, arg.end, "log", (base,)))
        if self.at("^"):
            self.advance()
            toks, _, _ = self.script_tokens()
            text = "".join(x.text for x in toks)
            if text == "-1":
                inverse = True
            else:
                power = self.sub_parse(toks)
        if name in ("gcd", "lcm", n.DIAGONAL) and self.at("("):
            self.advance()
            args = self.comma_items([self.expr()])
            close = self.expect(")")
            return n.Func(t.start, close.end, name, tuple(args), power, inverse)
        if name in ("max", "min") and self.at("(", "\\{", "\\lbrace"):
            # \max\{a, b\} lists its arguments as a set; a set-builder (\max\{f(x) : x \in S\}) fails at ':'
            closer = {"(": ")", "\\{": "\\}", "\\lbrace": "\\rbrace"}[self.advance().text]
            args = self.comma_items([self.list_entry()], self.list_entry)
            close = self.expect(closer)
            if any(isinstance(a, n.Unsupported) and a.what == "..." for a in args):
                args = self.fold_list(args, name)
            return n.Func(t.start, close.end, name, tuple(args), power, inverse)
        arg = self.function_argument(logarithm=name in ("log", "ln"))
        if t.text in self.log_bases:
            # the prose fixed the base ("we write \log for \log_2"): no other base is a reading
            return n.Func(t.start, arg.end, self.log_bases[t.text], (arg,), power, inverse)
        return n.Func(t.start, arg.end, name, (arg,), power, inverse, other_base=OTHER_BASES.get(t.text, ""))

    def indexed_extremum(self, t: Token, name: str) -> n.Node:
        """``\\max_i (x_i + c)``, ``\\min_{1 \\le k \\le n} a_k``: the largest (smallest) entry over an index,
        read as a sum's range is. Over a variable that no entry is indexed by (``\\min_x (x^2 + 1)``,
        ``\\max_a Q(s, a)``) it is an optimisation (see optimum)."""
        script = self.i
        self.advance()
        toks, _, _ = self.script_tokens()
        try:
            var, lo, exclude, extra = self.bounds(_between_bounds(toks))
        except ParseFailure as exc:  # the reasons name a sum: say what was written
            self.i = script
            return self.optimum(t, OPTIMA.get(t.text, name), str(exc).replace("a sum", f"\\{name}"))
        over: tuple[str, ...] = ()
        tuples = bool(extra) and isinstance(lo, tuple)  # \max_{(i,j) \in E}
        if isinstance(lo, tuple):
            lo, hi, over = lo
        else:
            hi = None
            if self.at("^"):
                self.advance()
                hi = self.sub_parse(self.script_tokens()[0])
            if lo is not None and hi is None:
                hi = _upper_bound(toks, self)
        if (lo is None) != (hi is None):
            raise ParseFailure(f"\\{name} with one bound only")
        if self.peek() is None or not self.starts_atom(self.peek()) or self.at("^", "_"):
            raise ParseFailure(f"\\{name} over an index without a body")
        body = self.product()
        if not _indexes_only(body, {var, *extra}):
            self.i = script
            unread = f"\\{name} over a variable (an optimisation) is not decided yet"
            return self.optimum(t, OPTIMA.get(t.text, name), unread)
        return n.BigOp(t.start, body.end, name, var, lo, hi, body, tuple(exclude), tuple(extra), over=over,
                       tuples=tuples)

    def optimum(self, t: Token, kind: str, unread: str) -> n.Node:
        """``\\max_x f(x)``, ``\\inf_{w, b}``, ``\\arg\\min_{\\theta \\in \\Theta}``: an optimisation over
        variables, with the script at the current token. Its body is the product that follows, as
        for an indexed ``\\max``; when the rest of the expression mentions a bound variable again
        (``\\max_x f(x) + g(x)``) the author may have meant the whole sum, and neither reading is sound
        to compare: ``unread`` is the reason then, and for a script other than letters and a constraint."""
        if not self.at("_"):
            raise ParseFailure(unread)
        self.advance()
        toks, _, _ = self.script_tokens()
        split = _optimum_script(toks)
        if split is None:
            raise ParseFailure(unread)
        variables, domain = split
        u = self.peek()
        if u is None or not self.starts_atom(u) or self.at("^", "_"):
            raise ParseFailure(unread)
        body = self.product()
        if _mentioned_after(self.toks, self.i, variables):
            raise ParseFailure(unread)
        after = self.peek()
        if kind.startswith("arg") and after is not None and after.kind != "close" and after.text != "\\right":
            # \arg\min_w f(w) + c: the point that minimises f, plus c, or the one that minimises f + c
            # (a max is the same either way: \max_x f(x) + c)
            raise ParseFailure(unread)
        return n.Optimum(t.start, body.end, kind, variables, " ".join(x.text for x in domain),
                         tuple(sorted({x.text for x in domain if _letter_token(x)})), body)

    def arg_optimum(self, t: Token) -> n.Node:
        """``\\arg\\max_\\theta``, ``\\argmin_w``: the optimisation whose value is the point that attains it."""
        self.advance()
        kind = OPTIMA[t.text] if t.text in OPTIMA else "arg" + self.advance().text[1:]
        return self.optimum(t, kind, f"{UNSUPPORTED[t.text]} are not decided yet ({t.text})")

    def list_entry(self) -> n.Node:
        """An entry of ``\\max\\{a_1, \\ldots, a_n\\}``: an expression, or the dots standing for the entries between."""
        t = self.peek()
        if t is not None and t.text in ELLIPSES and t.text not in ("\\vdots", "\\ddots"):
            self.advance()
            return n.Unsupported(t.start, t.end, "...")
        return self.expr()

    def fold_list(self, entries: list[n.Node], kind: str) -> list[n.Node]:
        """``\\max\\{x_1, \\ldots, x_n\\}``: the entries around the dots must show the pattern, as in a sum
        with dots; they become one entry ranging over the index, of the same kind as the function."""
        terms = [n.Term(e.start, e.end, "+", e) for e in entries]
        if not _has_ellipsis(terms):
            return [t.node for t in terms]
        folded = _fold_ellipses(terms, {t.text for t in self.root_toks} | _bound_letters(terms), kind)
        return [t.node for t in folded]

    def function_argument(self, logarithm: bool = False) -> n.Node:
        """``\\log(x)``, ``\\log x^2``, ``\\sin 2x``, ``\\log p(x)``: parentheses, or the product that follows,
        up to an explicit space (``\\sin x\\, y`` is y sin x). For a ``logarithm`` a fraction followed by
        ``\\exp`` stays in the argument: ``\\log\\frac{1}{\\sqrt{2\\pi}\\sigma}\\exp(-\\frac{x^2}{2\\sigma^2})`` is the
        log of a density, as it is when the exponential is written e^{...}."""
        t = self.peek()
        if t is None or not self.starts_atom(t):
            raise ParseFailure("a function without an argument")
        if t.text == "(":
            # \sin(x)^2 is (\sin x)^2: the exponent after the bracket belongs to the function
            return self.bracketed()
        saved, self.bare_argument = self.bare_argument, True
        try:
            factors = [self.power()]
            while True:
                u = self.peek()
                if u is None or not self.starts_atom(u) or u.text in MUL_OPS:
                    break
                if u.kind == "cmd" and (u.text[1:] in FUNCTIONS or u.text in ARGUMENT_STOPS) \
                        and not (logarithm and u.text == "\\exp" and len(factors) == 1
                                 and isinstance(factors[0], n.Div) and not factors[0].slash):
                    break
                if u.text in ("(", "["):
                    break
                if u.spaced:
                    # \cos\theta\,\dot x: the author's space ends the argument. After a bare number it
                    # may as well set a coefficient off (\sin 2\,x, as 2\,x anywhere) as end the
                    # argument (\ln 2\,n): either reading is a guess
                    if all(isinstance(f, n.Num) for f in factors):
                        raise ParseFailure("a space after a number in a function's argument is not decided yet")
                    break
                factors.append(self.power())
        finally:
            self.bare_argument = saved
        if len(factors) == 1:
            return factors[0]
        return n.Mul(factors[0].start, factors[-1].end, tuple(factors))

    def fraction(self) -> n.Node:
        t = self.advance()
        num, ns, ne = self.group_tokens()
        den, ds, de = self.group_tokens()
        deriv = self.derivative(t, num, den, de)
        if deriv is not None:
            return deriv
        return n.Div(t.start, de, self.sub_parse(num), self.sub_parse(den))

    def derivative(self, t: Token, num: list[Token], den: list[Token], end: int) -> n.Node | None:
        """``\\frac{d}{dx}``, ``\\frac{\\partial f}{\\partial x}``, ``\\frac{\\partial^2 f}{\\partial x \\partial y}``."""
        op_den, den_rest = _differential(den)
        op_num, num_rest = _differential(num)
        num_rest, den_rest = _drop_empty_groups(num_rest), _drop_empty_groups(den_rest)
        if op_den is None or op_num is None or op_den != op_num:
            return None
        if den[0].kind == "letter" and _letter_d_is_quantity(den_rest):
            return None  # \frac{d^2 - x^2}{d^2(d-x)}: the letter d is a distance, not a differential
        if op_den == "\\partial":
            jacobian = self.jacobian(t, num_rest, den_rest, end)
            if jacobian is not None:
                return jacobian
        if _slashed_derivative(num_rest, op_den) or _slashed_derivative(den_rest, op_den):
            # \frac{\partial u/\partial x}{\partial u/\partial y}, \frac{dy/dt}{dx/dt}: a ratio of slashed
            # derivatives (a slash inside the operand, \partial (MV/P), is the operand's own division)
            return None
        order = 1
        if num_rest and num_rest[0].is_("^"):
            order_toks = num_rest[1:2]
            if order_toks and order_toks[0].kind == "open":
                close = next((k for k, x in enumerate(num_rest) if x.kind == "close"), None)
                order_toks = num_rest[2:close] if close else []
                num_rest = num_rest[(close or 0) + 1 :]
            else:
                num_rest = num_rest[2:]
            if len(order_toks) != 1 or order_toks[0].kind != "num":
                raise ParseFailure("a derivative of unknown order")
            order = int(order_toks[0].text)
        of = self.derivative_expression(den_rest, op_den) if order == 1 else None
        if of is not None:
            body = self.sub_parse(num_rest) if num_rest else self.derivative_operand()
            return n.DerivBy(t.start, max(end, body.end if not num_rest else end), body, of[0], op_den != "d", of[1])
        wrt = self.derivative_variables(den_rest, op_den)
        if sum(k for _, k in wrt) != order:
            raise ParseFailure("the orders of a derivative do not add up")
        if num_rest:
            body = self.sub_parse(num_rest)
        else:
            t2 = self.peek()
            if t2 is None or not self.starts_atom(t2):
                raise ParseFailure("a derivative without an operand")
            body = self.product()
        for var, _ in wrt:
            _refuse_hidden_parameter(body, var, "\\partial")
        if isinstance(body, n.EvalBar) and body.hi is None and body.var is not None and len(wrt) == 1 \
                and n.structure(body.var) == n.structure(wrt[0][0]):
            # \frac{d}{dx}\left[F\right]_{x=0}: the slope at the point (F at x = 0 has no slope in x)
            inner = n.Deriv(t.start, body.expr.end, body.expr, tuple(wrt), op_den != "d")
            return replace(body, start=t.start, expr=inner)
        return n.Deriv(t.start, max(end, body.end if not num_rest else end), body, tuple(wrt), op_den != "d")

    def jacobian(self, t: Token, num: list[Token], den: list[Token], end: int) -> n.Node | None:
        """``\\frac{\\partial(x, y)}{\\partial(r, \\theta)}``: the Jacobian determinant, the determinant of
        the partial derivatives of each listed function by each listed variable. The entries are partial
        derivatives like any other, so a function the document does not define leaves the step undecided."""
        functions, variables = _bracket_list(num), _bracket_list(den)
        if functions is None or variables is None or len(functions) != len(variables) or len(functions) < 2:
            return None
        bodies = [self.sub_parse(f) for f in functions]
        letters = [self.sub_parse(v) for v in variables]
        if not all(isinstance(v, n.Sym) for v in letters) or len({n.structure(v) for v in letters}) < len(letters):
            raise ParseFailure("a Jacobian with respect to expressions")
        rows = tuple(tuple(n.Deriv(t.start, end, body, ((v, 1),), True) for v in letters) for body in bodies)
        return n.MatrixLit(t.start, end, rows, det=True)

    def derivative_operand(self) -> n.Node:
        """The operand after ``\\frac{d}{dx}``: the product that follows."""
        t2 = self.peek()
        if t2 is None or not self.starts_atom(t2):
            raise ParseFailure("a derivative without an operand")
        return self.product()

    def derivative_expression(self, toks: list[Token], op: str) -> tuple[n.Node, int] | None:
        """The expression a first derivative is taken with respect to (``\\partial f(x)``, ``d\\sigma^2``,
        ``\\partial (x^2)``) with its power when written x^k without brackets (see n.DerivBy); None for
        a variable (a letter), for several variables and for what is no quantity to vary."""
        groups = self.differential_groups(toks, op)
        if len(groups) != 1 or not groups[0]:
            return None
        node = self.sub_parse(groups[0])
        return _compound_variable(node)

    def differential_groups(self, toks: list[Token], op: str) -> list[list[Token]]:
        """The tokens after each ``\\partial`` (or d) of a derivative's denominator."""
        groups: list[list[Token]] = [[]]
        k = depth = 0
        while k < len(toks):
            # a \partial inside braces belongs to a nested fraction (\partial (\dfrac{\partial u}{\partial t}))
            depth += (toks[k].kind == "open") - (toks[k].kind == "close")
            op_here, rest = _differential(toks[k:]) if depth == 0 else (None, toks)
            if op_here == op and groups[-1]:
                groups.append([])
                k = len(toks) - len(rest)
                continue
            groups[-1].append(toks[k])
            k += 1
        return groups

    def derivative_variables(self, toks: list[Token], op: str) -> list[tuple[n.Node, int]]:
        """Split ``\\partial x \\partial y^2`` into ((x, 1), (y, 2))."""
        out: list[tuple[n.Node, int]] = []
        for g in self.differential_groups(toks, op):
            if not g:
                raise ParseFailure("a derivative without a variable")
            node = self.sub_parse(g)
            order = 1
            if isinstance(node, n.Pow) and isinstance(node.exp, n.Num) and node.exp.value.isdigit():
                node, order = node.base, int(node.exp.value)
            if not isinstance(node, n.Sym):
                raise ParseFailure("a derivative with respect to an expression")
            out.append((node, order))
        return out

    def big_operator(self) -> n.Node:
        t = self.advance()
        kind = "sum" if t.text == "\\sum" else "prod"
        var, lo, hi, exclude, extra = None, None, None, [], []
        pair, order, partner, hi_pair = None, "", "", None
        values: tuple[n.Node, ...] = ()
        over_set = None
        family = None
        primed: dict[tuple[str, int], str] = {}
        if self.at("_"):
            self.advance()
            toks, _, _ = self.script_tokens()
            toks, primed = _primed_indices(toks)
            family = _condition_family(_between_bounds(toks))
            pair = _pair_condition(toks)
            if pair is not None:
                var, order, partner, lo_toks, hi_toks = pair
                lo, hi_pair = (self.sub_parse(lo_toks), self.sub_parse(hi_toks)) if lo_toks else (None, None)
                exclude = [n.Sym(toks[0].start, toks[-1].end, partner)] if order == "\\neq" else []
            else:
                var, lo, exclude, extra = self.bounds(_between_bounds(toks), conditions=True, listed=True)
            if isinstance(lo, list) and pair is None:
                values, lo = tuple(lo), None
            over_set, lo = (lo, None) if isinstance(lo, tuple) else (None, lo)
            upper = _upper_bound(toks, self) if pair is None else None
            if upper is not None:  # \sum_{1 \le i \le n}: both bounds below the sign
                over_set, lo = (lo, upper, ()), None
        if self.at("^"):
            self.advance()
            toks, _, _ = self.script_tokens()
            hi = self.sub_parse(toks)
        if self.at("_") and var is None:
            self.advance()
            toks, _, _ = self.script_tokens()
            var, lo, exclude, extra = self.bounds(toks)
            over_set, lo = (lo, None) if isinstance(lo, tuple) else (None, lo)
        over: tuple[str, ...] = ()
        if pair is not None:
            if hi is not None:
                raise ParseFailure("a sum over pairs with an upper bound above the sign is not decided yet")
            hi = hi_pair
        if values and (hi is not None or extra):
            raise ParseFailure("a sum over a set is not decided yet")
        if over_set is not None:
            if hi is not None:
                raise ParseFailure(f"\\{kind} over a set with an upper bound")
            lo, hi, over = over_set
        # \sum x_i, \theta^{\sum x_i}: the index left unwritten, as statistics writes it (see _unwritten_index)
        unwritten = var is None and lo is None and hi is None and not extra and not over and not values
        if var is None and not unwritten:
            raise ParseFailure(f"\\{kind} without an index")
        if (lo is None) != (hi is None) and not (lo is not None and hi is None and False):
            if hi is None:
                raise ParseFailure(f"\\{kind} with a lower bound only")
            raise ParseFailure(f"\\{kind} with an upper bound only")
        negated = None
        if kind == "sum" and self.at("-") and self.peek(1) is not None and self.starts_atom(self.peek(1)):
            # \sum_k -p_k \log p_k: a body that opens with its sign, the sum of the negated term
            negated = self.advance()
        if self.peek() is None or not self.starts_atom(self.peek()):
            raise ParseFailure(f"\\{kind} without a body")
        body = self.product()
        if var is None:
            var = _unwritten_index(body)
            if var is None:
                raise ParseFailure(f"\\{kind} without an index")
        if family is not None and any(isinstance(x, n.Sym) and x.base == family for x in body.walk()):
            # \sum_{x_i < 0} x_i = -\sum_{x_i < 0} |x_i|: the condition bounds the terms themselves
            raise ParseFailure("a sum over a set is not decided yet")
        if primed:
            # \sum_{s'} p(s' | s, a) V(s'): the primed letter is the bound index, another letter than s
            body = n.rebuild(body, lambda x: replace(x, base=primed[(x.base, x.primes)], primes=0)
                             if isinstance(x, n.Sym) and (x.base, x.primes) in primed else None)
        if negated is not None:
            body = n.Add(negated.start, body.end, (n.Term(negated.start, body.end, "-", body, negated.start),))
        rest: tuple[n.Node, ...] = ()
        if kind == "prod":
            body, rest, ops = _split_product_body(body, {var, *extra, *([partner] if partner else [])})
        # a list of indices with a set came as a tuple (\sum_{(i,j) \in E}, see bounds)
        node = n.BigOp(t.start, body.end, kind, var, lo, hi, body, tuple(exclude), tuple(extra), over=over,
                       tuples=bool(extra) and over_set is not None, values=values, order=order, partner=partner)
        if rest:
            return n.Mul(t.start, rest[-1].end, (node, *rest), any(ops), ops)
        return node

    def slashed_partial(self, t: Token) -> n.Node | None:
        """``\\partial u/\\partial x_1``, ``\\partial^2 f/\\partial x^2``: a partial derivative written with a
        slash, as economics and physics write it in running text and in displays, read as the fraction. Only a
        letter (with its scripts) or a bracket over one variable (with its scripts): what a slash after
        anything longer reaches over is the question ``dy/dx`` leaves open."""
        j = self.i
        num, j = self._scripted_letter(j, order=True)
        if num is None:
            num, j = self._bracket_tokens(j)
        if num is None or j + 1 >= len(self.toks) or not self.toks[j].is_("/") \
                or self.toks[j + 1].text != "\\partial":
            return None
        den, after = self._scripted_letter(j + 2, order=False)
        if den is None:
            return None
        deriv = self.derivative(t, [t, *num], [self.toks[j + 1], *den], self.toks[after - 1].end)
        if deriv is None:
            return None
        self.i = after
        return deriv

    def slashed_leibniz(self, t: Token) -> n.Node | None:
        """``dy/dx``, ``d^2y/dx^2``: Leibniz's derivative written with a slash, as calculus texts write it in
        running text and in displays, read as the fraction \\frac{dy}{dx}. Only a letter (with its scripts)
        over a d and one letter, as slashed_partial reads \\partial u/\\partial x; ``d`` with an index
        (d_o/d_i) or before anything longer is left to the product."""
        num, j = self._scripted_letter(self.i + 1, order=True)
        toks = self.toks
        if num is None or num[-1].text == "d" or j + 1 >= len(toks) or not toks[j].is_("/") \
                or not (toks[j + 1].text == "d" and toks[j + 1].kind == "letter"):
            return None
        den, after = self._scripted_letter(j + 2, order=False)
        if den is None:
            return None
        deriv = self.derivative(t, [t, *num], [toks[j + 1], *den], toks[after - 1].end)
        if deriv is None:
            return None
        self.i = after
        return deriv

    def _bracket_tokens(self, j: int) -> tuple[list[Token] | None, int]:
        """The tokens of a bracket ``( ... )`` that opens at ``j`` (brackets inside it balanced), and the
        index after it; None when no bracket opens there."""
        if j >= len(self.toks) or not self.toks[j].is_("("):
            return None, j
        k = closing(self.toks, j)
        return (None, j) if k is None else (self.toks[j:k + 1], k + 1)

    def _scripted_letter(self, j: int, order: bool) -> tuple[list[Token] | None, int]:
        """The tokens from ``j`` of one letter with its sub- and superscripts (after a ``^k`` of the order
        when ``order``), and the index after them; None when something else stands there."""
        toks = self.toks
        start = j
        if order and j < len(toks) and toks[j].is_("^"):
            _, j = read_group(toks, j + 1)
        if j >= len(toks) or not (toks[j].kind == "letter" or toks[j].kind == "cmd" and toks[j].text[1:] in GREEK):
            return None, start
        j += 1
        while j < len(toks) and toks[j].text in ("_", "^"):
            _, j = read_group(toks, j + 1)
        return toks[start:j], j

    def partial_operator(self) -> n.Node:
        """``\\partial_x f``, ``\\partial_{\\mathbf{x}} f(\\mathbf{x})``, ``\\partial_t^2 u``: the operator form of
        ``\\frac{\\partial}{\\partial x} f``, read as that. ``\\partial_i`` often means the derivative along the
        i-th coordinate, not along i, so the variable must appear in the operand outside any index; and
        ``\\partial_x f + g`` is only read when the operand is one factor, where the reach is clear."""
        t = self.advance()
        slashed = self.slashed_partial(t)
        if slashed is not None:
            return slashed
        if not self.at("_"):
            raise ParseFailure("a \\partial without a variable (a boundary or an operator) is not decided yet")
        self.advance()
        toks, _, _ = self.script_tokens()
        var = self.sub_parse(toks)
        of = _compound_variable(var)
        if of is not None and not self.at("^"):
            body = self.derivative_operand()
            if isinstance(body, n.Mul) and self.at(*ADD_OPS):
                raise ParseFailure("how far \\partial_x reaches over the terms after it is not decided")
            return n.DerivBy(t.start, body.end, body, of[0], True, of[1])
        if not isinstance(var, n.Sym) or var.labels or var.primes or var.sup_letter is not None:
            raise ParseFailure("a derivative with respect to an expression is not decided yet")
        order = 1
        if self.at("^"):
            self.advance()
            order_toks, _, _ = self.script_tokens()
            if len(order_toks) != 1 or order_toks[0].kind != "num" or order_toks[0].text == "0":
                raise ParseFailure("a derivative of unknown order")
            order = int(order_toks[0].text)
        nxt = self.peek()
        if nxt is None or not self.starts_atom(nxt):
            raise ParseFailure("a derivative without an operand")
        body = self.product()
        coordinate = _lorentz_coordinate(body, var) or _cartesian_coordinate(body, var)
        if coordinate is not None and order == 1:
            # \partial_\mu (x^\nu x_\nu): the derivative along the coordinate x^\mu, not along \mu
            if isinstance(body, n.Mul) and self.at(*ADD_OPS):
                raise ParseFailure("how far \\partial_x reaches over the terms after it is not decided")
            return n.Deriv(t.start, body.end, body, ((coordinate, 1),), True)
        if not isinstance(body, n.Sym) and not _occurs_outside_indices(body, var):
            raise ParseFailure(f"\\partial_{{{var.base}}} of an operand without {var.base} (a coordinate index?) "
                               "is not decided yet")
        if isinstance(body, n.Mul) and self.at(*ADD_OPS):
            raise ParseFailure("how far \\partial_x reaches over the terms after it is not decided")
        _refuse_hidden_parameter(body, var, "\\partial")
        return n.Deriv(t.start, body.end, body, ((var, order),), True)

    def gradient(self, t: Token | None = None) -> n.Node:
        """``\\nabla_{w} f``, ``\\nabla_{w}^2 f`` (the Hessian, read as the gradient of the gradient) and
        ``\\nabla f(x)`` (the gradient of f at its argument: the variable is the argument)."""
        t = self.advance() if t is None else t
        var_toks, order = self.gradient_scripts()
        if var_toks is None:
            return self.bare_gradient(t, order)
        var = self.sub_parse(var_toks)
        if _entry_variable(var):
            return self.entry_gradient(t, var, order)
        if not isinstance(var, n.Sym) or not _bare_symbol(replace(var, style="")):
            raise ParseFailure("a gradient with respect to an expression is not decided yet")
        nxt = self.peek()
        if nxt is None or not self.starts_atom(nxt):
            raise ParseFailure("a gradient without an operand")
        body = self.product()
        at = _gradient_point(body, var)
        if at is not None:
            # \nabla_\theta L(\theta_t): the gradient of L taken at the iterate, as \nabla L(\theta_t)
            # reads; by \theta itself L(\theta_t) would not move at all
            if order != 1:
                raise ParseFailure("a Hessian at a point (\\nabla^2_\\theta L(\\theta_t)) is not decided yet")
            return n.Grad(t.start, body.end, replace(body, maybe_product=False, prefer_product=False), replace(at))
        if any(isinstance(x, n.Sym) and x.base == var.base and x.indices for x in body.walk()):
            # \nabla_x \sum_i x_i^2: the entries x_i (bold or not) are not tied to x here, so they would not
            # move with it
            raise ParseFailure(f"\\nabla_{{{var.base}}} of an operand with entries of {var.base} is not decided yet")
        # \nabla_\theta 1 (the gradient of \sum_a \pi_\theta(a|s) once it is summed): an operand without
        # any letter is a constant whichever way its letters would be read, so its gradient is 0 as written
        lettered = any(isinstance(x, n.Sym) for x in body.walk())
        if lettered and not isinstance(body, n.Sym) and not _occurs_outside_indices(body, var) \
                and not any(parameter_of(x, var) for x in body.walk()) and not _bold_twin_occurs(body, var):
            # \nabla_j (E_i E_j) (a coordinate index), \nabla_w \ell(f_w(x)) (w hidden in a name): differentiating
            # the operand as written would give 0, whatever the author means. A lone symbol (\nabla_y J)
            # is read: its gradient is as opaque as dJ/dy
            raise ParseFailure(f"\\nabla_{{{var.base}}} of an operand where {var.base} is only a subscript "
                               "is not decided yet")
        _refuse_hidden_parameter(body, var, "\\nabla")
        node = n.Grad(t.start, body.end, body, var)
        return node if order == 1 else n.Grad(t.start, body.end, node, var)

    def entry_gradient(self, t: Token, var: n.Sym, order: int) -> n.Node:
        """``\\nabla_{\\theta_b} \\log \\pi_\\theta(a)``: the gradient by an entry (or a vector named by an
        index, ``w_k``) is the partial derivative by it, read as ``\\frac{\\partial}{\\partial \\theta_b}`` is
        (denominator layout, as ``\\nabla_{\\mathbf{w}}`` and ``\\frac{\\partial}{\\partial \\mathbf{w}}`` agree)."""
        if order != 1:
            raise ParseFailure("a Hessian by an entry (\\nabla^2_{x_i}) is not decided yet")
        nxt = self.peek()
        if nxt is None or not self.starts_atom(nxt):
            raise ParseFailure("a gradient without an operand")
        body = self.product()
        _refuse_hidden_parameter(body, var, "\\nabla")
        return n.Deriv(t.start, body.end, body, ((var, 1),), True)

    def field_operator(self, t: Token, kind: str, operand: n.Node) -> n.Del:
        """``\\nabla f``, ``\\nabla \\cdot \\mathbf{F}``, ``\\nabla \\times (..)``, ``\\nabla^2 \\phi``: the
        operator on the atom after it."""
        nxt = self.peek()
        if nxt is not None and (self.starts_atom(nxt) or nxt.is_("^")):
            # \nabla f g, \nabla^2 \phi \psi: the operator on the first factor or on the product? \nabla x^2:
            # the power is on x, not on the gradient
            raise ParseFailure("how far \\nabla reaches over the factors after it is not decided")
        reasons = {"grad": "a gradient without a variable (\\nabla \\phi) is not decided yet",
                   "lap": "a Laplacian or Hessian without a variable (\\nabla^2) is not decided yet",
                   "div": "curl and divergence (\\nabla \\times, \\nabla \\cdot) are not decided yet",
                   "curl": "curl and divergence (\\nabla \\times, \\nabla \\cdot) are not decided yet"}
        return n.Del(t.start, operand.end, kind, operand, (), reasons[kind])

    def gradient_scripts(self) -> tuple[list[Token] | None, int]:
        """The variable (``_{w}``) and the order (``^2``) of a ``\\nabla``, in either order."""
        var_toks, order = None, 1
        while self.at("_", "^"):
            script = self.advance().text
            toks, _, _ = self.script_tokens()
            if script == "_" and var_toks is None:
                var_toks = toks
            elif script == "^" and order == 1 and "".join(x.text for x in toks) == "2":
                order = 2
            else:
                raise ParseFailure("gradients are not decided yet (\\nabla with these scripts)")
        return var_toks, order

    def bare_gradient(self, t: Token, order: int, named: str | None = None) -> n.Node:
        """``\\nabla f(x)``, ``\\nabla \\hat{R}_n(w)``: the gradient of an undefined function at its one
        argument, a symbol, is its gradient with respect to that symbol. Any other operand names no
        variable: ``\\nabla \\phi`` (a field of which coordinates?), ``\\nabla^2 \\phi`` (a Laplacian or a
        Hessian), ``\\nabla \\times A`` and ``\\nabla \\cdot A`` (curl and divergence) are Del nodes, whose
        coordinates only the whole step can tell (lintmath.cartesian). ``named``: the kind an operator's
        name gave (\\operatorname{div}), which takes no \\cdot or \\times of its own."""
        kind = named or ("lap" if order != 1 else "grad")
        if named is None and self.at("\\times", "\\cdot"):
            if order != 1:
                raise ParseFailure("\\nabla^2 \\cdot and \\nabla^2 \\times are not decided yet")
            kind = "curl" if self.advance().text == "\\times" else "div"
        nxt = self.peek()
        if nxt is None or not self.starts_atom(nxt):
            raise ParseFailure("a gradient without an operand")
        operand = self.atom()
        if kind != "grad" or not isinstance(operand, n.Apply) or len(operand.args) != 1:
            return self.field_operator(t, kind, operand)
        arg = operand.args[0] if len(operand.args) == 1 else None
        if arg is None or operand.given >= 0 or operand.params >= 0 or operand.primes \
                or not _point_symbol(arg):
            raise ParseFailure("a gradient at an expression (\\nabla f(a + b)) is not decided yet")
        head = operand.func
        if "bf" in head.style.split("+") or head.base in OPERATOR_LETTERS and head.style in ("bb", "op", "rm"):
            raise ParseFailure("a gradient of a vector function or of an operator is not decided yet")
        # \nabla a(w) is never a \nabla of the product a w: no variable would be left to differentiate by
        operand = replace(operand, maybe_product=False, prefer_product=False)
        # the variable is a copy of the argument: a node of its own, as a written subscript would be
        return n.Grad(t.start, operand.end, operand, replace(arg))

    def differential(self, start: int) -> n.Node:
        """``\\mathrm{d}x``, ``\\mathrm{d}(xy)``, ``\\mathrm{d}\\left(\\tfrac12 mv^2\\right)``: an upright d outside an
        integral or a derivative is the differential of the atom right after it. ``\\mathrm{d}x^2`` may be
        (dx)^2 (a metric) or d(x^2), and ``\\mathrm{d}^2x`` a second differential: neither is read."""
        nxt = self.peek()
        if nxt is None or nxt.text in ("^", "_") or not self.starts_atom(nxt):
            raise ParseFailure(LOOSE_DIFFERENTIAL)
        operand = self.atom()
        if self.at("^"):
            raise ParseFailure(LOOSE_DIFFERENTIAL)
        return n.Differential(start, operand.end, operand)

    def limit(self) -> n.Node:
        """``\\lim_{x \\to a} body``, ``\\lim_{x \\to 0^+}``, ``\\lim_{n \\to \\infty}``."""
        t = self.advance()
        if not self.at("_"):
            raise ParseFailure("a limit without its variable")
        self.advance()
        toks, _, _ = self.script_tokens()
        arrows = [k for k, x in enumerate(toks) if x.text in LIMIT_ARROWS]
        if len(arrows) != 1 or arrows[0] == 0 or arrows[0] == len(toks) - 1:
            raise ParseFailure("a limit over a set or a filter is not decided yet")
        var = self.sub_parse(toks[:arrows[0]])
        if not isinstance(var, n.Sym) or var.indices:
            raise ParseFailure("a limit of an expression is not decided yet")
        target = toks[arrows[0] + 1:]
        side = 0
        if len(target) >= 3 and target[-2].is_("^") and target[-1].text in ("+", "-"):
            side, target = (1 if target[-1].text == "+" else -1), target[:-2]
        elif len(target) >= 5 and target[-4].is_("^") and target[-3].kind == "open" and target[-2].text in ("+", "-") \
                and target[-1].kind == "close":
            side, target = (1 if target[-2].text == "+" else -1), target[:-4]
        point = self.integral_bound(target)
        nxt = self.peek()
        if nxt is None or not self.starts_atom(nxt):
            raise ParseFailure("a limit without a body")
        body = self.product()
        return n.Limit(t.start, body.end, body, var, point, side)

    def integral(self) -> n.Node:
        """``\\int_a^b f(x)\\,dx``, ``\\int f\\,\\mathrm{d}x``, ``\\int dx\\, f(x)``."""
        t = self.advance()
        lo = hi = None
        named = None  # \int_{x=0}^{1}: the lower bound names the variable, which must be the dx's
        lo_toks = None
        for _ in range(2):
            if self.at("_") and lo_toks is None:
                self.advance()
                lo_toks, _, _ = self.script_tokens()
                if len(lo_toks) > 2 and lo_toks[1].is_("=") and lo_toks[0].kind in ("letter", "cmd"):
                    named, lo_toks = lo_toks[0].text, lo_toks[2:]
            elif self.at("^") and hi is None:
                self.advance()
                toks, _, _ = self.script_tokens()
                hi = self.integral_bound(toks)
        region = lo_toks is not None and hi is None and named is None
        if region and "".join(x.text for x in lo_toks) in ("\\mathbb{R}", "\\mathbbR"):
            # over the real line: the improper integral from -infinity to infinity
            lo, hi, region = n.Const(lo_toks[0].start, lo_toks[-1].end, "-inf"), \
                n.Const(lo_toks[0].start, lo_toks[-1].end, "inf"), False
        elif region:
            lo = self.region(lo_toks)
        elif lo_toks is not None:
            lo = self.integral_bound(lo_toks)
        if (lo is None) != (hi is None) and not region:
            raise ParseFailure(REGION)
        if self.at("\\int"):
            if region:
                raise ParseFailure(REGION)
            return self.iterated_integral(t, lo, hi, named)
        start = self.i
        found = self.find_differential()
        if found is None:
            found = self.differential_in_fraction()
        if found is None:
            found = self.differential_in_bracket()
        if found is None:
            if self.implicit_dx and not region:
                return self.implicit_integral(t, lo, hi, named)
            raise ParseFailure(NO_DIFFERENTIAL)
        at, after = found
        body_tokens = self.toks[start:at]
        var_tokens = self.toks[at:after]
        op, rest = _differential(var_tokens)
        self.i = after
        var = Parser(rest).atom() if rest else None
        if not isinstance(var, n.Sym):
            raise ParseFailure("an integral with respect to an expression")
        if named is not None and (named != var.base or not _bare_symbol(var)):
            raise ParseFailure(f"an integral whose bound names {named}, not its variable")
        if body_tokens:
            body = self.sub_parse(body_tokens)
        else:  # physics style: \int dx\, f(x)
            nxt = self.peek()
            # \int_0^1 \int_0^x dy\,dx (the area under a line, a probability over a region): the inner
            # integrand is 1 and what follows is the outer integral's differential, not a product d x
            op_next, rest_next = _differential(self.toks[self.i:self.i + 8])
            if nxt is None or not self.starts_atom(nxt) \
                    or (op_next == "d" and rest_next and _letter_token(rest_next[0])):
                body = n.Num(t.start, t.end, "1")
            else:
                body = self.product()
        end = max(body.end, self.toks[after - 1].end)
        return n.Integral(t.start, end, body, var, lo, hi, region)

    def implicit_integral(self, t: Token, lo: n.Node | None, hi: n.Node | None, named: str | None) -> n.Node:
        """``\\int_0^1 x^2``, ``\\int_{x=0}^{1} x^2``: a definite integral whose dx was left out. The integrand is the
        product after the sign, which must end the side or its bracket (``\\int_0^1 x^2 + 1`` may integrate
        the 1 too), made of plain arithmetic (_PLAIN_INTEGRAND); the variable is the letter the lower bound
        names, else the integrand's one letter: a bare letter, not a function's name (``\\int_a^b f``) and
        not in the bounds. A constant integrand takes any variable (``\\int_a^b 1``): a letter of its own."""
        nxt = self.peek()
        if lo is None or hi is None or nxt is None or not self.starts_atom(nxt):
            raise ParseFailure(NO_DIFFERENTIAL)  # an antiderivative's variable stays free: not told apart
        body = self.product()
        after = self.peek()
        if after is not None and after.kind != "close" and after.text != "\\right":
            raise ParseFailure(NO_DIFFERENTIAL)
        if not all(isinstance(x, _PLAIN_INTEGRAND) for x in body.walk()):
            raise ParseFailure(NO_DIFFERENTIAL)
        skip = n.non_quantities(body)
        letters = {x.key: x for x in body.walk() if isinstance(x, n.Sym) and id(x) not in skip}
        if named is not None:
            if set(letters) - {named}:
                raise ParseFailure(NO_DIFFERENTIAL)
            var = n.Sym(t.start, t.end, named)
        elif len(letters) == 1:
            var = replace(next(iter(letters.values())))
        elif not letters:
            var = n.Sym(t.start, t.end, "\\xi")  # bound, so free of every other letter of the step
        else:
            raise ParseFailure(NO_DIFFERENTIAL)
        if not _bare_symbol(var) or var.style or var.base in FUNCTION_LETTERS \
                or any(n.mentions(bound, {var.base}) for bound in (lo, hi) if bound is not None):
            raise ParseFailure(NO_DIFFERENTIAL)
        return n.Integral(t.start, body.end, body, var, lo, hi, implicit=True)

    def region(self, toks: list[Token]) -> n.Node:
        """The region of ``\\int_\\Omega``, ``\\int_{V_r}``, ``\\int_{D(t)}``: named like a set a sum runs over
        (see set_range); a region written out or a number set is not read."""
        node = self.sub_parse(toks)  # what cannot be read says why (\partial V: a boundary)
        if set_name(node) is None:
            raise ParseFailure(REGION)
        return node

    def iterated_integral(self, t: Token, lo: n.Node | None, hi: n.Node | None, named: str | None) -> n.Node:
        """``\\int_0^{2\\pi}\\int_0^R r\\,dr\\,d\\theta``: an integral whose integrand is another integral.
        The inner one takes the first differential after it, as it would alone; this one's must follow
        right after (the differentials are written innermost first)."""
        inner = self.integral()
        window = self.toks[self.i:self.i + 8]
        op, rest = _differential(window)
        if op != "d" or not rest or not _letter_token(rest[0]):
            raise ParseFailure(NO_DIFFERENTIAL)
        var_at = self.i + len(window) - len(rest)
        if var_at + 1 < len(self.toks) and self.toks[var_at + 1].text in ("_", "^"):
            raise ParseFailure("an iterated integral over an indexed variable is not decided yet")
        var = Parser([self.toks[var_at]]).atom()
        if not isinstance(var, n.Sym) or (named is not None and named != var.base):
            raise ParseFailure("an integral with respect to an expression")
        if isinstance(inner, n.Integral) and inner.var.key == var.key:
            raise ParseFailure("an iterated integral twice over one variable")
        self.i = var_at + 1
        return n.Integral(t.start, self.toks[var_at].end, inner, var, lo, hi)

    def integral_bound(self, toks: list[Token]) -> n.Node:
        if any(x.is_("=") for x in toks):
            # \int_0^{T = 2\pi/\omega}: the bound names T for the whole step, which a bound alone cannot say
            raise ParseFailure("a bound that names a value (T = ...) is not decided yet")
        text = "".join(x.text for x in toks)
        if text in ("\\infty", "+\\infty"):
            return n.Const(toks[0].start, toks[-1].end, "inf")
        if text == "-\\infty":
            return n.Const(toks[0].start, toks[-1].end, "-inf")
        return self.sub_parse(toks)

    def integrand_tokens(self, brackets: bool = False) -> Iterator[int]:
        """The positions of the tokens at the integrand's top level, from here to where it must end:
        a relation, a comma, an annotation, another integral, or a bracket it did not open. With
        ``brackets``, the top level's opening ``(`` too (none a script's)."""
        depth = 0
        toks = self.toks
        for j in range(self.i, len(toks)):
            u = toks[j]
            if u.kind == "open" or u.text in ("(", "[", "\\{"):
                if brackets and depth == 0 and u.text == "(" and not (j > self.i and toks[j - 1].text in ("_", "^")):
                    yield j
                depth += 1
            elif u.kind == "close" or u.text in (")", "]", "\\}"):
                depth -= 1
                if depth < 0:
                    return
            elif depth == 0:
                in_script = j > self.i and toks[j - 1].text in ("_", "^")  # x_\text{e}(t): a label
                # \text{d}x, the upright d many notes type (as \mathrm{d}x), is the differential, no annotation
                # that ends the integrand
                upright_d = u.text == "\\text" and _differential(toks[j:j + 4])[0] == "d"
                if (u.text in ANNOTATIONS and not in_script and not upright_d) or u.text == "\\int" \
                        or (u.kind == "sym" and u.text in "=<>,"):
                    return
                yield j

    def find_differential(self) -> tuple[int, int] | None:
        """Where the integral's ``dx`` is: (its first token, the token after its variable)."""
        toks = self.toks
        for j in self.integrand_tokens():
            u = toks[j]
            window = toks[j:j + 8]
            op, rest = _differential(window)
            if op == "d" and rest and _letter_token(rest[0]):
                prev = toks[j - 1] if j > self.i else None
                # "and x" is a word; a d that a macro wrote (\\dx for \\,dx, its span the whole
                # invocation) is glued to nothing the author typed
                typed = u.end - u.start == len(u.text)
                if not (u.text == "d" and typed and prev is not None and prev.kind == "letter" and prev.end == u.start):
                    var_at = j + len(window) - len(rest)
                    primed = _primes_at(toks, var_at + 1)
                    if primed:
                        # \int_0^z f(z')\,dz': a primed dummy variable, kept apart from the bound z
                        return j, var_at + 1 + primed
                    if var_at + 1 < len(toks) and toks[var_at + 1].text in ("_", "^"):
                        if u.text == "d" and any(x.text == "d" for x in toks[var_at + 2:]):
                            continue  # c x^3 + d x^2 \, dx: a coefficient d; the differential comes later
                        if toks[var_at + 1].text == "^":
                            return None  # d x^2: not decided yet
                        return j, self.after_indexed_variable(var_at)
                    return j, var_at + 1
        return None

    def after_indexed_variable(self, var_at: int) -> int:
        """The token after ``\\theta_n`` or ``s_{i}`` of ``d\\theta_n``: the variable of integration with its
        subscript (a script after that, ``ds_i^2``, is not decided)."""
        _, after = read_group(self.toks, var_at + 2)
        if after < len(self.toks) and self.toks[after].text in ("_", "^", "'"):
            raise ParseFailure("an integral with respect to an expression")
        return after

    def differential_in_fraction(self) -> tuple[int, int] | None:
        """``\\int_0^x \\frac{dt}{1+t^2}``, ``\\int \\frac{r\\,dr}{\\sqrt{a-r^2}}``: the differential written in a
        numerator. The tokens are rearranged to ``\\frac{r}{..} dr`` (or ``\\frac{1}{..} dt``) and its place
        returned as find_differential would. A fraction whose denominator starts with a differential is a
        derivative, not this."""
        toks = self.toks
        for j in self.integrand_tokens():
            u = toks[j]
            if u.text in ("\\frac", "\\dfrac", "\\tfrac"):
                groups = _groups(toks, j + 1, 2)
                if groups is None:
                    return None
                (a, b), (c, d) = groups
                num, den = toks[a:b], toks[c:d]
                if _differential(den)[0] is not None:
                    return None
                for k in range(len(num) - 1, -1, -1):
                    op, rest = _differential(num[k:])
                    if op == "d" and rest and _letter_token(rest[0]) and _primes_at(rest, 1) == len(rest) - 1:
                        if k > 0 and num[k].text == "d" and num[k - 1].kind == "letter" \
                                and num[k - 1].end == num[k].start:
                            return None  # "and x": a word, not a differential
                        prefix = num[:k] or [Token("num", "1", num[k].start, num[k].end)]
                        moved = num[k:]
                        toks[a:b] = prefix
                        shift = len(prefix) - (b - a)
                        end = d + shift + 1  # after the denominator's closing brace
                        toks[end:end] = moved
                        return end, end + len(moved)
                return None
        return None

    def differential_in_bracket(self) -> tuple[int, int] | None:
        """``\\int_0^1 e^u\\,(20\\,du)``: a factor times the differential in brackets that end the integrand
        (a substitution's du = 20 dx written in place). The tokens are rearranged to ``e^u (20) du`` and its
        place returned as find_differential would. Brackets followed by more of the product (``(2\\,dx)
        x^2``) are not read: the integrand would have to reach past the differential."""
        toks = self.toks
        for j in self.integrand_tokens(brackets=True):
            if toks[j].text != "(":
                continue
            close = closing(toks, j)
            if close is None:
                return None
            for k in range(close - 1, j, -1):
                op, rest = _differential(toks[k:close])
                if op == "d" and len(rest) == 1 and _letter_token(rest[0]):
                    if close + 1 < len(toks) and self.starts_atom(toks[close + 1]):
                        return None
                    if toks[k].text == "d" and toks[k - 1].kind == "letter" and toks[k - 1].end == toks[k].start:
                        return None  # "and x": a word, not a differential
                    moved = toks[k:close]
                    inner = toks[j + 1:k]
                    if any(x.text in ("+", "-", "=", ",", "\\pm", "\\mp") for x in inner):
                        return None  # (a + b\,dx): no factor times the differential
                    kept = [toks[j], *inner, toks[close]] if inner else []
                    toks[j:close + 1] = kept + moved
                    return j + len(kept), j + len(kept) + len(moved)
        return None

    def bounds(self, toks: list[Token], conditions: bool = False,
               listed: bool = False) -> tuple[str, n.Node | tuple | None, list[n.Node], list[str]]:
        """``k``, ``k=1``, ``i \\neq j``, ``i,j``, ``i=1``, ``x \\in S``: the index, its lower bound (both
        bounds, as a pair, for a set) and exclusions; with ``conditions``, also ``t_i \\le t`` (see
        condition_range); with ``listed``, also ``s \\in \\{-1, 1\\}`` (see written_values), whose
        elements come as a list in place of the bound."""
        if not toks:
            raise ParseFailure("an empty sum index")
        first = toks[0]
        if conditions and _condition_family(toks) is not None:
            return toks[2].text, self.condition_range(toks), [], []
        if first.is_("(") and _tuple_of_letters(toks) is not None:
            # \sum_{(i,j) \in E}: over the pairs of a set, read by Lowerer.lower_BigOp
            names, rest = _tuple_of_letters(toks)
            return names[0], self.set_range(rest[1:]), [], names[1:]
        if first.kind not in ("letter",) and not (first.kind == "cmd" and first.text[1:] in GREEK):
            raise ParseFailure("a sum over a set is not decided yet")
        var = first.text
        rest = toks[1:]
        if not rest:
            return var, None, [], []
        if rest[0].is_("=") and _top_level_comma(rest):
            raise ParseFailure("a sum with a side condition (\\sum_{k=1, ...}) is not decided yet")
        if rest[0].is_("="):
            return var, self.sub_parse(rest[1:]), [], []
        if rest[0].text in ("\\neq", "\\ne") and len(rest) > 1:
            return var, None, [self.sub_parse(rest[1:])], []
        if rest[0].text == "\\in" and len(rest) > 1:
            values = self.written_values(rest[1:]) if listed and self.written_range(rest[1:]) is None else None
            if values is not None:
                return var, values, [], []
            return var, self.set_range(rest[1:]), [], []
        if rest[0].text in ("\\ge", "\\geq", "\\geqslant", ">") and len(rest) > 1:
            # \sum_{n \ge 0}: from the bound on, without end (generating functions), as a set's range
            lo = self.sub_parse(rest[1:])
            if rest[0].text == ">":
                one = n.Num(lo.end, lo.end, "1")
                lo = n.Add(lo.start, lo.end, (n.Term(lo.start, lo.end, "+", lo), n.Term(lo.end, lo.end, "+", one)))
            return var, (lo, n.Const(rest[0].start, rest[0].end, "inf"), ()), [], []
        if rest[0].is_(","):
            # \sum_{i,j}, and \sum_{i,j=1}^{n}: every index of the list runs over the same range
            eq = next((k for k, x in enumerate(rest) if x.is_("=")), len(rest))
            listed, rest = rest[:eq], rest[eq:]
            names = [x.text for x in listed if _letter_token(x)]
            if len(names) * 2 != len(listed) or any(not r.is_(",") for r in listed[0::2]) or len(set(names) | {var}) \
                    != len(names) + 1 or (rest and len(rest) < 2):
                raise ParseFailure("a sum index list is not decided yet")
            return var, self.sub_parse(rest[1:]) if rest else None, [], names
        raise ParseFailure("a sum over a set is not decided yet")

    def condition_range(self, toks: list[Token]) -> tuple[n.Node, n.Node, tuple[str, ...]]:
        """``\\prod_{t_i \\le t}``, ``\\sum_{t_j < 8}``: over the indices whose member of a family is below
        (above) a bound, the Kaplan-Meier product over the event times up to t. Read as a sum over a set
        named by the condition (see set_range): an identity over any finite set of indices holds over
        this one, and two sums under the same condition run over the same indices. A body that writes
        the family itself (``\\sum_{x_i < 0} x_i``) may rest on the condition: see big_operator."""
        try:
            bound = self.sub_parse(toks[4:])
        except ParseFailure:
            raise ParseFailure("a sum over a set is not decided yet") from None
        name = "".join(t.text + (" " if t.kind == "cmd" else "") for t in toks)
        letters = tuple(x.base for x in bound.walk() if isinstance(x, n.Sym))
        return n.Num(toks[0].start, toks[0].start, "1"), n.Sym(toks[0].start, toks[-1].end, "#" + name), letters

    def written_range(self, toks: list[Token]) -> tuple[n.Node, n.Node] | None:
        """``\\{1, \\dots, n\\}``, ``\\{0, 1, \\ldots, N-1\\}``, ``\\{1, 2, 3\\}``: consecutive integers from a
        number, written out: the first and last; None for any other set."""
        if len(toks) < 3 or toks[0].text not in ("\\{", "\\lbrace") or toks[-1].text not in ("\\}", "\\rbrace"):
            return None
        items = _top_level_items(toks[1:-1])
        dots = [k for k, item in enumerate(items) if len(item) == 1 and item[0].text in FACTOR_DOTS]
        if len(dots) > 1 or (dots and dots[0] != len(items) - 2) or len(items) < 2 or not items[-1]:
            return None
        listed = items[:dots[0]] if dots else items
        if not listed or any(len(item) != 1 or item[0].kind != "num" or not item[0].text.isdigit() for item in listed):
            return None
        first = int(listed[0][0].text)
        if any(int(item[0].text) != first + k for k, item in enumerate(listed)):
            return None  # {1, 3, 5, ...}: not a range
        head = listed[0][0]
        try:
            last = self.sub_parse(items[-1]) if dots else n.Num(head.start, head.end, str(first + len(listed) - 1))
        except ParseFailure:
            return None
        return n.Num(head.start, head.end, str(first)), last

    def written_values(self, toks: list[Token]) -> list[n.Node] | None:
        """``\\{-1, 1\\}``, ``\\{0, 2, 5\\}``: a set of whole numbers written out, no ellipsis, each once, as
        its elements; None for any other set. Only numbers: listed letters (``\\{a, b\\}``) may be equal, and
        a set holds an equal element once, so its sum would not be the sum of the letters written."""
        if len(toks) < 3 or toks[0].text not in ("\\{", "\\lbrace") or toks[-1].text not in ("\\}", "\\rbrace"):
            return None
        values: list[n.Node] = []
        seen: set[int] = set()
        for item in _top_level_items(toks[1:-1]):
            sign = item[:1] if item and item[0].is_("-") else []
            digits = item[len(sign):]
            if len(digits) != 1 or digits[0].kind != "num" or not digits[0].text.isdigit():
                return None
            value = -int(digits[0].text) if sign else int(digits[0].text)
            if value in seen:
                return None  # \{1, 1\}: a slip or a multiset, not decided
            seen.add(value)
            values.append(self.sub_parse(item))
        return values

    def set_range(self, toks: list[Token]) -> tuple[n.Node, n.Node, tuple[str, ...]]:
        """``\\sum_{x \\in S}`` over a finite set named by a symbol (``S``, ``\\mathcal{X}``, ``C_i``) or by a
        function of letters (``N(i)``, the neighbours of i): the sum over 1..|S|, with |S| a small integer
        of the instance, the same wherever S is summed over. An identity over any finite set holds
        over this one. Returns the range and the letters the set depends on (a set that changes with
        an enclosing sum's index is not read, see Lowerer.lower_BigOp); a range of integers written out
        (``\\{1, \\dots, n\\}``) is that range, any other set written out or a number set is not read."""
        written = self.written_range(toks)
        if written is not None:
            return written[0], written[1], ()
        try:
            node = self.sub_parse(toks)
        except ParseFailure:
            raise ParseFailure("a sum over a set is not decided yet") from None
        name = set_name(node)
        if name is None:
            raise ParseFailure("a sum over a set is not decided yet")
        size = n.Sym(node.start, node.end, "#" + name)
        letters = tuple(x.base for x in node.walk() if isinstance(x, n.Sym) and x is not node
                        and not (isinstance(node, n.Apply) and x is node.func))
        return n.Num(node.start, node.start, "1"), size, letters


def _primed_indices(toks: list[Token]) -> tuple[list[Token], dict[tuple[str, int], str]]:
    """The subscript of a sum over primed letters (``\\sum_{s'}``, ``\\sum_{s', r}``, as reinforcement
    learning sums over the next state), each primed letter merged into one letter token named with its
    primes, and the map from (letter, primes) to that name; the tokens unchanged and an empty map when
    the subscript is no list of letters with a prime among them."""
    out: list[Token] = []
    primed: dict[tuple[str, int], str] = {}
    j = 0
    while j < len(toks):
        t = toks[j]
        if t.text == "\\in" and len(out) == 1 and primed:
            # \sum_{s' \in \mathcal{S}}: one primed index over a set, which bounds reads as any set
            out.extend(toks[j:])
            break
        k = j + 1
        while k < len(toks) and toks[k].text == "'":
            k += 1
        if k > j + 1:
            if not _letter_token(t) or out and not out[-1].is_(","):
                return toks, {}
            name = t.text + "'" * (k - j - 1)
            primed[(t.text, k - j - 1)] = name
            out.append(Token("letter", name, t.start, toks[k - 1].end))
        else:
            if not (_letter_token(t) or t.is_(",")):
                return toks, {}  # bounds, a set, a condition: not a plain list of indices
            out.append(t)
        j = k
    return (out, primed) if primed else (toks, {})


def _styled_letter(toks: list[Token], k: int) -> int:
    """How many tokens a styled letter at ``k`` takes (``\\mathbf w``: 2, ``\\mathbf{w}``: 4), or 0."""
    if toks[k].text not in STYLES or k + 1 >= len(toks):
        return 0
    if _letter_token(toks[k + 1]):
        return 2
    if k + 3 < len(toks) and toks[k + 1].kind == "open" and _letter_token(toks[k + 2]) \
            and toks[k + 3].kind == "close":
        return 4
    return 0


def _tuple_of_letters(toks: list[Token]) -> tuple[list[str], list[Token]] | None:
    """``(i, j) \\in E``: the distinct letters of the tuple and the tokens from ``\\in`` on; None for any
    other script."""
    close = closing(toks, 0)
    if close is None or close + 2 > len(toks) - 1 or toks[close + 1].text != "\\in":
        return None
    inner = toks[1:close]
    names = [x.text for x in inner[0::2]]
    if len(inner) < 3 or len(inner) % 2 == 0 or not all(_letter_token(x) for x in inner[0::2]) \
            or not all(x.is_(",") for x in inner[1::2]) or len(set(names)) != len(names):
        return None
    return names, toks[close + 1:]


def _mentioned_after(toks: list[Token], i: int, variables: tuple[str, ...]) -> bool:
    """Whether the tokens from ``i`` write one of ``variables`` (``a'`` with its primes: the ``a`` of
    ``\\max_{a'} Q(s', a') - Q(s, a)`` is another letter)."""
    for k in range(i, len(toks)):
        primes = 0
        while k + 1 + primes < len(toks) and toks[k + 1 + primes].is_("'"):
            primes += 1
        if toks[k].text + "'" * primes in variables or toks[k].text in variables:
            return True
    return False


def _optimum_script(toks: list[Token]) -> tuple[tuple[str, ...], list[Token]] | None:
    """The script of an optimisation: its variables (letters separated by commas, ``w, b, \\xi``) and
    the constraint after them (``\\in \\mathbb{R}^d``, ``\\succeq 0``, or nothing); None for any other
    script (a set-builder, a subscripted variable)."""
    variables: list[str] = []
    k = 0
    while k < len(toks):
        width = _styled_letter(toks, k)  # \\mathbf{w}, \\boldsymbol\\theta: bound by its letter
        if width:
            variables.append(toks[k + width - 1 - (width == 4)].text)
            k += width
        elif _letter_token(toks[k]):
            variables.append(toks[k].text)
            k += 1
            while k < len(toks) and toks[k].is_("'"):
                variables[-1] += "'"  # \max_{a'} Q(s', a'): the primed letter is bound, not a
                k += 1
        else:
            break
        if k < len(toks) and toks[k].is_(","):
            k += 1
            continue
        break
    rest = toks[k:]
    if not variables or len(set(variables)) != len(variables) or (rest and rest[0].text not in OPTIMUM_CONSTRAINTS):
        return None
    if toks[k - 1].is_(","):
        return None
    return tuple(variables), rest


def _bracket_list(toks: list[Token]) -> list[list[Token]] | None:
    """The items of ``(a, b, c)`` when ``toks`` is exactly one round bracket holding a list, else None."""
    if len(toks) < 5 or not toks[0].is_("(") or not toks[-1].is_(")"):
        return None
    depth = 0
    for k, tok in enumerate(toks):
        depth += tok.text in OPEN_CLOSE
        depth -= tok.text in OPEN_CLOSE.values()
        if depth == 0 and k < len(toks) - 1:
            return None  # (x)(y): the first bracket closes early, not one list
    items = _top_level_items(toks[1:-1])
    return items if len(items) >= 2 and all(items) else None


def _top_level_items(toks: list[Token]) -> list[list[Token]]:
    """The comma-separated items of a list, commas inside brackets or braces left alone."""
    items: list[list[Token]] = [[]]
    depth = 0
    for t in toks:
        if t.text in OPEN_CLOSE or t.text == "{" or t.text == "\\left":
            depth += t.text != "\\left"
        elif t.text in OPEN_CLOSE.values() or t.text == "}":
            depth -= 1
        if depth == 0 and t.is_(","):
            items.append([])
        else:
            items[-1].append(t)
    return items


def reads_star_product(*trees: n.Node) -> bool:
    """Whether a star between factors was read as a product (see star_products)."""
    return any(isinstance(x, n.Mul) and any(op in STAR_PRODUCT for op in x.ops) for t in trees for x in t.walk())


def star_products(factors: list[n.Node], ops: list[str]) -> n.Node | None:
    """``2 * x``, ``a*b``, ``\\sigma(z)*(1-\\sigma(z))``: a star between factors is a product where no
    convolution is plausible, which is when one side of it is a number or a sum with a constant
    term (no one convolves with those), or when neither side is a signal (see _signal_like): then
    the star was only ever a product. Anything else (``x[n] * h[n]``, ``f(t) * g(t)``, ``x * \\delta``,
    ``A * B``, maybe elementwise) raises, as the star did before it was read: a step that holds as a
    product may not hold as a convolution, so neither verdict would be sound. The sides of a star are
    the factors up to the next star, the scalar factors of a convolution being its scalars too.
    While convolutions are read (see convolution.reading), the stars between signals are one: the
    product returned is then what their laws make of it (None: the stars were all products)."""
    chunks: list[list[n.Node]] = [[factors[0]]]
    stars: list[str] = []
    for factor, op in zip(factors[1:], ops):
        if op in STAR_PRODUCT:
            chunks.append([factor])
            stars.append(op)
        else:
            chunks[-1].append(factor)
    operands = [chunks[0]]
    for k, star in enumerate(stars):
        left, right = chunks[k], chunks[k + 1]
        if _scalar_side(left) or _scalar_side(right) or not any(_signal_like(f) for f in left + right):
            operands[-1] = operands[-1] + right  # a product: 2 * x[k] is a scalar multiple of the signal
            continue
        if not convolution.active() or _signals_multiplied(factors, ops):
            raise ParseFailure(f"{star} between factors may be a convolution")
        operands.append(right)
    if len(operands) == 1:
        return None
    return convolution.convolved(operands, stars[0])


def _signals_multiplied(factors: list[n.Node], ops: list[str]) -> bool:
    """Whether a written product (``\\cdot``, ``\\times``) joins two signals beside a star: in
    ``\\cos(\\omega t) \\cdot r(t) * c(t)`` which product binds first is the author's, and the two differ
    (a number so joined comes out of the convolution either way)."""
    return any(op in MUL_OPS and _signal_like(factors[k]) and _signal_like(factors[k + 1])
               and not _scalar_side([factors[k]]) and not _scalar_side([factors[k + 1]])
               for k, op in enumerate(ops))


def _scalar_side(chunk: list[n.Node]) -> bool:
    """A number (``2``, ``\\frac{1}{2}``, ``\\pi``), or a sum with a constant term (``(1 - \\sigma(z))``)."""
    if all(not any(isinstance(x, n.Sym) for x in f.walk()) for f in chunk):
        return True
    node = chunk[0] if len(chunk) == 1 else None
    while isinstance(node, n.Paren):
        node = node.inner
    return isinstance(node, n.Add) and any(not any(isinstance(x, n.Sym) for x in t.node.walk()) for t in node.terms)


def _signal_like(node: n.Node) -> bool:
    """What a convolution is taken of: anything applied (``x[n]``, ``h(t)``, ``\\cos(\\omega t)``), a sum or
    integral (of shifted pulses), a function's name written alone (``f``, ``h``, ``\\delta``), or what may
    be a matrix or vector (a capital, a bold letter: ``A * B`` may be elementwise)."""
    for x in node.walk():
        if isinstance(x, (n.Apply, n.Integral, n.BigOp, n.Func, n.Deriv, n.Ket, n.MatrixLit, n.Transpose)):
            return True
        if isinstance(x, n.Sym) and (x.base in FUNCTION_LETTERS or x.base in ("\\delta", "\\Delta") or x.style
                                     or x.base[:1].isupper() or x.base[1:2].isupper()):
            return True
    return False


def indicator_probability(node: n.Apply) -> n.Apply | None:
    """``E[1(A)]`` is ``P(A)`` and ``E[1(A) | B]`` is ``P(A | B)``, whatever the distribution: the
    probability of the indicator's condition, named as ``P(A)`` in the same style names its event
    (\\mathbb{E} with \\mathbb{P}, E with P)."""
    if not node.args or not n.is_indicator(node.args[0]) or expectation.kind_of(node) != "E" \
            or node.params >= 0 or node.primes or node.given not in (-1, 1):
        return None
    head, indicator = node.func, node.args[0]
    event = n.Sym(indicator.start, indicator.end, indicator.func.labels[1], "label")
    prob = n.Sym(head.start, head.end, "P", head.style, head.indices, head.labels)
    return n.Apply(node.start, node.end, prob, (event, *node.args[1:]), given=node.given,
                   maybe_product=len(node.args) == 1 and node.given < 0)


def set_name(node: n.Node) -> str | None:
    """How a set a sum runs over is named: ``S``, ``cal:X``, ``C_i``, ``N(i)``; None for anything else
    (a number set, a set written out, an expression)."""
    if isinstance(node, n.Sym) and not (node.labels or node.primes or node.sup_letter) \
            and "bb" not in node.style.split("+"):
        items = [_set_item(i) for i in node.indices]
        if any(i is None for i in items):
            return None
        return node.key + ("_{" + ",".join(items) + "}" if items else "")  # type: ignore[arg-type]
    if isinstance(node, n.Apply) and _bare_symbol(node.func) and node.given < 0 and node.params < 0 \
            and node.bracket == "(" and not node.primes:
        items = [_set_item(a) for a in node.args]
        if any(i is None for i in items):
            return None
        return node.func.key + "(" + ",".join(items) + ")"  # type: ignore[arg-type]
    return None


def _set_item(node: n.Node) -> str | None:
    if isinstance(node, n.Num) and node.value.isdigit():
        return node.value
    if isinstance(node, n.Sym) and _bare_symbol(node) and not node.style:
        return node.base
    return None


QUBIT_SIGNS = {"+", "-"}


# the set operations of events, and the marks of a complement as a superscript (A^c, A^\\complement)
EVENT_BINARY = {"\\cup": "cup", "\\cap": "cap", "\\setminus": "minus"}
# (\\Omega alone is no mark: P(\\Omega) is as often a power spectrum at a frequency)
EVENT_MARKS = {"\\complement", "\\bar", "\\overline", "\\emptyset", "\\varnothing"}
COMPLEMENT_SCRIPTS = {"c", "C", "\\complement"}
SCRIPT_STYLES = {"\\mathsf", "\\mathrm", "\\text", "\\textsf", "\\mathit"}


def _writes_event_operation(part: list[Token]) -> bool:
    """Whether the tokens of an argument write a set operation on events, a complement or the sample
    space: what an argument of plain letters (``P(A, B)``) does not."""
    for k, t in enumerate(part):
        if t.text in EVENT_BINARY or t.text in EVENT_MARKS:
            return True
        if t.is_("^") and _complement_script(part, k + 1) is not None:
            return True
    return False


def _complement_script(part: list[Token], k: int) -> int | None:
    """Where a superscript that marks a complement (``c``, ``{c}``, ``\\complement``, ``{\\mathsf{c}}``)
    starting at ``k`` ends, or None when it is no such mark."""
    if k < len(part) and part[k].text in COMPLEMENT_SCRIPTS:
        return k + 1
    if k < len(part) and part[k].kind == "open":
        j, depth = k, 0
        while j < len(part):
            depth += part[j].kind == "open"
            depth -= part[j].kind == "close"
            j += 1
            if depth == 0:
                break
        inner = [t for t in part[k:j] if t.kind not in ("open", "close") and t.text not in SCRIPT_STYLES]
        if depth == 0 and len(inner) == 1 and inner[0].text in COMPLEMENT_SCRIPTS:
            return j
    return None


class _EventReader:
    """Reads an event of named events: unions, intersections or one difference of complemented or
    bracketed events. A row that mixes operators (``A \\cup B \\cap C``) has no agreed grouping and
    is not read."""

    def __init__(self, parser: "Parser", toks: list[Token]):
        self.parser, self.toks, self.i = parser, toks, 0

    def read(self) -> n.Node:
        node = self.row()
        if self.i != len(self.toks):
            raise ParseFailure("not an event")
        return node

    def peek(self) -> Token | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def row(self) -> n.Node:
        parts = [self.unary()]
        op = None
        while self.peek() is not None and self.peek().text in EVENT_BINARY:
            this = EVENT_BINARY[self.peek().text]
            if op is not None and (this != op or op == "minus"):
                raise ParseFailure("set operations without brackets")
            op = this
            self.i += 1
            parts.append(self.unary())
        if op is None:
            return parts[0]
        return n.Event(parts[0].start, parts[-1].end, op, tuple(parts))

    def unary(self) -> n.Node:
        t = self.peek()
        if t is None:
            raise ParseFailure("an unfinished event")
        if t.is_("\\complement"):
            self.i += 1
            inner = self.unary()
            return n.Event(t.start, inner.end, "comp", (inner,))
        node = self.primary()
        while self.peek() is not None and self.peek().is_("^"):
            end = _complement_script(self.toks, self.i + 1)
            if end is None:
                raise ParseFailure("a power of an event")
            node = n.Event(node.start, self.toks[end - 1].end, "comp", (node,))
            self.i = end
        return node

    def group(self, close: str) -> n.Node:
        """The event up to the bracket or brace that closes the one just passed."""
        j, depth = self.i, 1
        while j < len(self.toks):
            t = self.toks[j]
            depth += t.kind == "open" or t.text in ("(", "[")
            depth -= t.kind == "close" or t.text in (")", "]")
            if depth == 0:
                break
            j += 1
        if j >= len(self.toks) or self.toks[j].text != close:
            raise ParseFailure("an unclosed bracket in an event")
        node = _EventReader(self.parser, self.toks[self.i:j]).read()
        self.i = j + 1
        return node

    def primary(self) -> n.Node:
        t = self.peek()
        self.i += 1
        if t.is_("(", "[") or t.kind == "open":
            return self.group({"(": ")", "[": "]"}.get(t.text, "}"))
        if t.is_("\\bar", "\\overline"):
            nxt = self.peek()
            if nxt is not None and nxt.kind == "open":
                self.i += 1
                inner = self.group("}")
            else:
                inner = self.primary()
            return n.Event(t.start, inner.end, "comp", (inner,))
        if t.is_("\\Omega"):
            return n.Event(t.start, t.end, "all")
        if t.is_("\\emptyset", "\\varnothing"):
            return n.Event(t.start, t.end, "none")
        if t.kind == "letter" and t.text.isupper():
            atom = [t]
            if self.peek() is not None and self.peek().is_("_"):
                atom.append(self.toks[self.i])
                self.i += 1
                nxt = self.peek()
                if nxt is None:
                    raise ParseFailure("an unfinished subscript")
                if nxt.kind == "open":
                    j, depth = self.i, 0
                    while j < len(self.toks):
                        depth += self.toks[j].kind == "open"
                        depth -= self.toks[j].kind == "close"
                        j += 1
                        if depth == 0:
                            break
                    atom += self.toks[self.i:j]
                    self.i = j
                else:
                    atom.append(nxt)
                    self.i += 1
            sym = self.parser.sub_parse(atom) if len(atom) > 1 else n.Sym(t.start, t.end, t.text)
            if not isinstance(sym, n.Sym) or sym.style or sym.labels or sym.primes or sym.sup_letter is not None:
                raise ParseFailure("not a named event")
            return sym
        raise ParseFailure("not an event")


def _qubits(label: list[Token]) -> tuple[str, tuple[str, ...]]:
    """The label of a ket read as qubit states, one character each (``01``, ``{-}{+}``, ``1{+}``), and
    the subsystem of each when every qubit names one (``0_A 1_B``); ("", ()) when it is not such a
    label. A bare sign before a digit is not a qubit: ``|-1\\rangle`` is the state m = -1."""
    out: list[str] = []
    systems: list[str] = []
    depth = 0
    k = 0
    while k < len(label):
        t = label[k]
        after = label[k + 1] if k + 1 < len(label) else None
        if t.kind == "open":
            depth += 1
        elif t.kind == "close":
            depth -= 1
        elif t.kind == "num" and set(t.text) <= {"0", "1"}:
            out.append(t.text)
        elif t.kind == "sym" and t.text in QUBIT_SIGNS:
            if depth == 0 and after is not None and after.kind == "num":
                return "", ()
            out.append(t.text)
        elif t.is_("_") and out and len(out[-1]) == 1 and len(systems) == len(out) - 1 and after is not None \
                and after.kind in ("letter", "num"):
            systems.append(after.text)  # 0_A: qubit 0 of system A
            k += 1
        else:
            return "", ()
        k += 1
    if systems and len(systems) != len(out):
        return "", ()
    return "".join(out), tuple(systems)


#: relations of a sum's condition on a family's member, t_i \le t
_CONDITION_RELATIONS = frozenset({"\\le", "\\leq", "\\leqslant", "<", "\\ge", "\\geq", "\\geqslant", ">"})


def _condition_family(toks: list[Token]) -> str | None:
    """The family letter of a sum's condition ``t_i \\le t`` (a letter, its one-letter index and a bound
    after an order relation), None for any other subscript."""
    if len(toks) < 5 or not _letter_token(toks[0]) or not toks[1].is_("_") or not _letter_token(toks[2]) \
            or toks[3].text not in _CONDITION_RELATIONS or toks[2].text == toks[0].text:
        return None
    if any(t.text in _CONDITION_RELATIONS or t.text in (",", "=", ":", "\\in", "\\mid", "|") for t in toks[4:]):
        return None  # t_i \le t \le t_{i+1}, t_i \le t, i \ne j: more than one condition
    return toks[0].text


def _letter_token(t: Token) -> bool:
    """Whether ``t`` can name a variable (of a differential, an optimisation, a sum over pairs): a letter
    or a Greek letter."""
    return t.kind == "letter" or (t.kind == "cmd" and t.text[1:] in GREEK)


def _letter_d_is_quantity(den_rest: list[Token]) -> bool:
    """Whether the tokens after a plain letter d that opens a fraction's denominator show the d to be a
    quantity (a distance, a diameter) rather than a differential: a differential names its variable right
    after the d (``dx``, ``d\\theta``, ``d(x^2)``, ``dx^2``), while ``d``, ``d + x``, ``d^3`` and ``d^2(d - x)``
    name none. ``d^2x`` (a sloppy second derivative) keeps the derivative reading."""
    if not den_rest or den_rest[0].text in ADD_OPS or den_rest[0].text in MUL_OPS or den_rest[0].text == "/":
        return True
    if not den_rest[0].is_("^"):
        return False
    rest = den_rest[1:]
    if rest and rest[0].kind == "open":
        close = next((k for k, x in enumerate(rest) if x.kind == "close"), None)
        rest = rest[close + 1 :] if close is not None else rest
    else:
        rest = rest[1:]
    # after the power, nothing, an operator or a bracket: no variable follows, so d is the quantity
    return not rest or rest[0].text in ADD_OPS or rest[0].text in MUL_OPS or rest[0].text in ("(", "[", "/", "\\left")


def _primes_at(toks: list[Token], k: int) -> int:
    """How many tokens from ``k`` on write primes (``'``, ``''``, ``^\\prime``) on the letter before them."""
    at = k
    while at < len(toks):
        if toks[at].text == "'":
            at += 1
        elif toks[at].text == "^" and at + 1 < len(toks) and toks[at + 1].text == "\\prime":
            at += 2
        else:
            break
    return at - k


def _differential(toks: list[Token]) -> tuple[str | None, list[Token]]:
    """If ``toks`` starts with ``d``, ``\\partial`` or ``\\mathrm{d}``, return it and the rest."""
    if not toks:
        return None, toks
    t = toks[0]
    if t.text == "\\partial":
        return "\\partial", toks[1:]
    if t.text == "d" and t.kind == "letter":
        if len(toks) >= 2 and toks[1].is_("_"):
            # d_o, d_i (diameters), d_{ij} (distances): a letter with an index is a quantity, and
            # \frac{d_o^4 - d_i^4}{d_o^4} a ratio, not a derivative
            return None, toks
        return "d", toks[1:]
    if t.text in ("\\mathrm", "\\text", "\\operatorname") and len(toks) >= 4 and toks[1].kind == "open" \
            and toks[2].text == "d" and toks[3].kind == "close":
        rest = toks[4:]
        while len(rest) >= 2 and rest[0].kind == "open" and rest[1].kind == "close":
            rest = rest[2:]  # \operatorname{d}{}: a macro's empty group for spacing
        return "d", rest
    if t.text in ("\\mathrm", "\\text") and len(toks) >= 2 and toks[1].text == "d":
        return "d", toks[2:]
    return None, toks


def _has_ellipsis(terms: list[n.Term]) -> bool:
    return any(isinstance(t.node, n.Unsupported) and t.node.what == "..." for t in terms)


def _fold_ellipses(terms: list[n.Term], used: set[str], kind: str = "sum") -> list[n.Term]:
    """``x_1 + x_2 + \\cdots + x_n`` is ``\\sum_{k=1}^{n} x_k``: infer the pattern from the terms around the
    dots (see ellipsis.py), or refuse."""
    dots = [k for k, t in enumerate(terms) if isinstance(t.node, n.Unsupported) and t.node.what == "..."]
    if not dots:
        return terms
    terms = _split_digit_indices(terms)
    if len(dots) == 2:
        return _fold_shown_term(terms, dots, used, kind)
    if len(dots) > 1:
        raise ParseFailure("several ellipses: the pattern is not decided")
    e = dots[0]
    if e == 0 or e + 1 >= len(terms):
        raise ParseFailure("an ellipsis (\\cdots) without terms on both sides")
    last = terms[e + 1]
    if terms[e].sign != last.sign:
        raise ParseFailure(ELLIPSIS_UNDECIDED)
    start = e
    while start > 0 and terms[start - 1].sign == last.sign:  # 1 - x + x^2 - ...: no pattern here
        start -= 1
    count, big = fold_run([t.node for t in terms[start:e]], last.node, used, kind)
    if _end_takes_next_number(terms, start, e, used, kind):
        raise ParseFailure(ELLIPSIS_UNDECIDED)
    first = terms[e - count]
    big = replace(big, start=first.node.start, end=last.end)
    folded = n.Term(first.start, last.end, last.sign, big, first.sign_start)
    return terms[:e - count] + [folded] + terms[e + 2:]


def _end_takes_next_number(terms: list[n.Term], start: int, e: int, used: set[str], kind: str) -> bool:
    """Whether the last term after the dots at ``e`` and a number written after it (``\\cdots + n - 1``,
    ``\\cdots + n + 1``) would also end the run as one term: notes write ``0 + 1 + \\cdots + n-1`` for the
    run to n - 1 as often as ``1 + \\cdots + n + 1`` for the run to n and a 1 more, so either reading is
    the author's, and the sum is not decided."""
    last = terms[e + 1]
    if e + 2 >= len(terms) or last.sign != "+" or isinstance(last.node, n.Paren) \
            or not isinstance(terms[e + 2].node, n.Num):
        return False
    after = terms[e + 2]
    joined = n.Add(last.node.start, after.end, (n.Term(last.node.start, last.node.end, "+", last.node), after))
    try:
        fold_run([t.node for t in terms[start:e]], joined, used, kind)
    except ParseFailure:
        return False
    return True


def _fold_factors(factors: list[n.Node], ops: list[str], used: set[str]) -> tuple[list[n.Node], list[str]]:
    """``x_1 x_2 \\cdots x_n``, ``(1-\\lambda)(2-\\lambda)\\cdots(n-\\lambda)``, ``a_1 b_1 \\cdots a_n b_n``: the
    last term is the first one or more factors after the dots, and the factors before are grouped as
    many at a time; the run of groups that follow the pattern becomes one product. Terms of the same
    template after the last one stand outside it (``n(n-1)\\cdots 2 \\cdot 1``, ``x_1 \\cdots x_{n-1} x_n``);
    a factor of another kind there is not decided (in every term, or once?). Every width of
    term is tried: ``x_1 x_2 \\cdots x_{n-1} x_n`` is x_k one at a time, not x_k x_{k+1}, and where two
    widths both make a pattern the product is not decided."""
    factors, ops = _split_self_products(factors, ops)
    dots = [k for k, f in enumerate(factors) if isinstance(f, n.Unsupported) and f.what == "..."]
    if len(dots) > 1:
        raise ParseFailure("several ellipses: the pattern is not decided")
    e = dots[0]
    after = len(factors) - e - 1
    if e == 0 or after == 0:
        raise ParseFailure("an ellipsis (\\cdots) without terms on both sides")
    readings: list[tuple[list[n.Node], list[str]]] = []
    refusal: ParseFailure | None = None
    for width in range(1, after + 1):
        try:
            readings.append(_fold_groups(factors, ops, e, width, used))
        except ParseFailure as exc:
            refusal = refusal or exc
    if len(readings) == 1:
        return readings[0]
    if not readings and refusal is not None:
        raise refusal
    raise ParseFailure(ELLIPSIS_UNDECIDED)


def _fold_groups(factors: list[n.Node], ops: list[str], e: int, width: int,
                 used: set[str]) -> tuple[list[n.Node], list[str]]:
    """The product with terms of ``width`` factors, the last one just after the dots at ``e``."""

    def group(a: int) -> n.Node:
        # the op before factor j is ops[j - 1]
        if width == 1:
            return factors[a]
        inner = tuple(ops[a:a + width - 1])
        return n.Mul(factors[a].start, factors[a + width - 1].end, tuple(factors[a:a + width]), any(inner), inner)

    starts = list(range(e - width, -1, -width))[::-1]
    end = e + 1 + width  # the factors after the last term
    if not starts or (len(factors) - end) % width:
        raise ParseFailure(ELLIPSIS_UNDECIDED)
    if not all(_repeats_template([group(e + 1), group(a)]) for a in range(end, len(factors), width)):
        # t_1 t_2 \cdots t_m s: a factor of another kind after the last term may be in every term or once
        raise ParseFailure(ELLIPSIS_UNDECIDED)
    count, big = fold_run([group(a) for a in starts], group(e + 1), used, "prod")
    if count == 1 and width > 1 and _repeats_template(factors[starts[-1]:starts[-1] + width]):
        # x_1 x_2 \cdots x_{n-1} x_n: one written term whose factors are one template (x_k twice) may
        # step by one factor or by the whole term; nothing written says which
        raise ParseFailure(ELLIPSIS_UNDECIDED)
    keep = starts[-count]
    big = replace(big, start=factors[keep].start, end=factors[end - 1].end)
    return factors[:keep] + [big] + factors[end:], ops[:keep] + ops[end - 1:]


def _repeats_template(group: list[n.Node]) -> bool:
    """Whether two factors of a term differ only where a pattern could count (x_1 and x_2, 2 and 3)."""
    return any(aligns(a, b) for k, a in enumerate(group) for b in group[k + 1:])


def _split_self_products(factors: list[n.Node], ops: list[str]) -> tuple[list[n.Node], list[str]]:
    """``m(m-1)(m-2)\\cdots 1``: an application whose argument uses its own name is the product of two
    factors, which the pattern counts one at a time."""
    out: list[n.Node] = []
    out_ops: list[str] = []
    for k, f in enumerate(factors):
        if k:
            out_ops.append(ops[k - 1])
        if isinstance(f, n.Apply) and f.maybe_product and len(f.args) == 1 and _bare_symbol(f.func) \
                and not f.primes and f.bracket == "(" and n.mentions(f.args[0], {f.func.base}):
            out += [f.func, n.Paren(f.func.end, f.end, f.args[0])]
            out_ops.append("")
        else:
            out.append(f)
    return out, out_ops


def _split_product_body(body: n.Node, variables: set[str]) -> tuple[n.Node, tuple[n.Node, ...], tuple[str, ...]]:
    """``\\prod_k a_k \\prod_k b_k`` is two products, not a product of ``a_k \\prod_k b_k``, which would raise
    the second product to the number of terms: from a sum or product on that does not use the index,
    the factors stand outside. Any other factor after the index's last use (``\\prod_i p(x_i)\\, p(\\theta)``:
    the prior once, or in every term?) is not decided. Returns the body, the factors after it and the
    operators before those."""
    if not isinstance(body, n.Mul):
        return body, (), ()
    uses = [any(_uses_letter(x, v) for v in variables) for x in body.factors]
    if not any(uses):
        return body, (), ()  # \prod_{k=1}^{n} 2c is (2c)^n
    f = len(uses) - uses[::-1].index(True)  # the first factor after the last use
    if f == len(uses):
        return body, (), ()
    if not isinstance(body.factors[f], n.BigOp):
        raise ParseFailure("how far a product reaches over the factors after it is not decided")
    inner, after = body.factors[:f], body.factors[f:]
    kept = inner[0] if f == 1 else n.Mul(inner[0].start, inner[-1].end, inner, any(body.ops[:f - 1]), body.ops[:f - 1])
    return kept, after, tuple(body.ops[f - 1:])


def _bound_letters(terms: list[n.Term] | list[n.Node]) -> set[str]:
    """Index letters bound by sums inside the terms: a fold around them must pick another letter, or
    ``(b_1 c_1 + \\cdots + b_1 c_n) + \\cdots + (b_m c_1 + \\cdots)`` would capture the inner k."""
    return {v for t in terms for x in t.walk() if isinstance(x, n.BigOp) for v in (x.var, *x.extra_vars)}


def digit_pair_indices(left: n.Node, right: n.Node) -> tuple[n.Node, n.Node]:
    """A step's sides with the digit pairs of a name written with two indices elsewhere read as two
    indices: ``w_{11} x_1 + \\sum_{j=2}^{n} w_{1j} x_j`` peels the entry in row 1, column 1 (see
    _split_digit_indices)."""
    terms = _split_digit_indices([n.Term(left.start, left.end, "+", left), n.Term(right.start, right.end, "+", right)])
    return terms[0].node, terms[1].node


def _split_digit_indices(terms: list[n.Term]) -> list[n.Term]:
    """``a_{11} v_1 + \\cdots + a_{s1} v_s``: where the same name carries two indices with a letter among
    them (a_{s1}), its digit pairs are two indices too (a_{1,1}), as the author means; a name used with
    different numbers of indices is left alone."""
    counts: dict[str, set[int]] = {}
    for t in terms:
        for x in t.walk():
            if isinstance(x, n.Sym) and len(x.indices) >= 2 and not all(isinstance(i, n.Num) for i in x.indices):
                counts.setdefault(x.key, set()).add(len(x.indices))
    wanted = {key: next(iter(c)) for key, c in counts.items() if len(c) == 1}
    if not wanted:
        return terms

    def split(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Sym) or len(node.indices) != 1 or node.key not in wanted:
            return None
        index = node.indices[0]
        if not (isinstance(index, n.Num) and index.value.isdigit() and len(index.value) == wanted[node.key]):
            return None
        digits = tuple(n.Num(index.start + k, index.start + k + 1, d) for k, d in enumerate(index.value))
        return replace(node, indices=digits)

    return [replace(t, node=n.rebuild(t.node, split)) for t in terms]


def _fold_shown_term(terms: list[n.Term], dots: list[int], used: set[str], kind: str = "sum") -> list[n.Term]:
    """``a_1 u_1 + \\cdots + a_i u_i + \\cdots + a_n u_n``: the first, a general and the last term of a sum,
    the general one at a letter index; it is ``\\sum_{k=1}^{n} a_k u_k``. ``0 + \\cdots + x + \\cdots + 0``
    (every term but the one shown vanishes) is ``x``. Anything else is not decided."""
    several = ParseFailure("several ellipses: the pattern is not decided")
    e1, e2 = dots
    if e2 != e1 + 2 or e1 == 0 or e2 + 1 >= len(terms):
        raise several
    first, mid, last = terms[e1 - 1], terms[e1 + 1], terms[e2 + 1]
    if len({first.sign, terms[e1].sign, mid.sign, terms[e2].sign, last.sign}) != 1:
        raise several
    if kind == "sum" and _is_zero(first.node) and _is_zero(last.node) and not _is_zero(mid.node):
        folded = n.Term(first.start, last.end, mid.sign, mid.node, first.sign_start)
        return terms[:e1 - 1] + [folded] + terms[e2 + 2:]
    if _shape(first.node) == _shape(last.node):
        # 1 + \\cdots + x + \\cdots + 1: the same first and last term leave no range to count over
        raise several
    lower = _leaf_differences(first.node, mid.node)
    if not lower:
        raise several
    general = {_shape(b) for _, b in lower}
    starts = {a.value for a, _ in lower if isinstance(a, n.Num)}
    letter = lower[0][1]
    if len(general) != 1 or not (isinstance(letter, n.Sym) and _bare_symbol(letter)) or len(starts) != 1 \
            or len(lower) != sum(isinstance(a, n.Num) for a, _ in lower):
        raise several
    var = next((v for v in ("k", "m", "r", "q", "l", "p") if v not in used), None)
    if var is None:
        raise ParseFailure("an ellipsis (\\cdots): no free index letter")
    slots = {id(b) for _, b in lower}

    def put(node: n.Node) -> n.Node | None:
        return n.Sym(node.start, node.end, var) if id(node) in slots else None

    from lintmath.substitute import transform

    body = transform(mid.node, put)
    ends: list[n.Node] = []
    if not _bind(body, last.node, var, ends) or len({_shape(x) for x in ends}) != 1:
        raise several
    lo = n.Num(first.start, first.start, next(iter(starts)))
    big = n.BigOp(first.node.start, last.end, kind, var, lo, ends[0], body)
    folded = n.Term(first.start, last.end, last.sign, big, first.sign_start)
    return terms[:e1 - 1] + [folded] + terms[e2 + 2:]


def _bind(pattern: n.Node, node: n.Node, var: str, found: list[n.Node]) -> bool:
    """Whether ``node`` is ``pattern`` with something (collected in ``found``) for the letter ``var``."""
    if isinstance(pattern, n.Sym) and pattern.base == var and _bare_symbol(pattern):
        found.append(node)
        return True
    if type(pattern) is not type(node):
        return False
    for f in fields(pattern):
        if f.name in ("start", "end", "sign_start"):
            continue
        x, y = getattr(pattern, f.name), getattr(node, f.name)
        if isinstance(x, n.Node) and isinstance(y, n.Node):
            if not _bind(x, y, var, found):
                return False
        elif isinstance(x, tuple) and isinstance(y, tuple):
            if len(x) != len(y):
                return False
            for u, v in zip(x, y):
                if isinstance(u, n.Node) and isinstance(v, n.Node):
                    if not _bind(u, v, var, found):
                        return False
                elif isinstance(u, tuple) or isinstance(v, tuple) or u != v:
                    if not (isinstance(u, tuple) and isinstance(v, tuple) and len(u) == len(v)
                            and all(_bind(a, b, var, found) if isinstance(a, n.Node) else a == b
                                    for a, b in zip(u, v))):
                        return False
        elif x != y:
            return False
    return True


# Words that open a note after the math, which may carry math of its own: "x^2 \text{ if } x > 0",
# "\text{(by } (3)\text{)}", "\text{for all } n".
CONDITION_WORDS = frozenset({
    "if", "iff", "for", "when", "whenever", "where", "with", "since", "because", "by", "as", "and", "or",
    "so", "otherwise", "else", "using", "use", "assuming", "assume", "given", "provided", "hence", "thus",
    "then", "ie", "eg", "on", "in", "at", "all", "each", "every", "some", "any", "let", "note", "which",
    "from", "via", "see", "eq", "eqn", "equation", "due", "taking", "setting", "letting", "substituting",
    "applying", "apply", "rule", "def", "definition", "thm", "theorem", "lemma", "recall", "we", "this",
    "here", "because", "unless", "until", "while", "whereas", "but", "is", "are", "to", "the", "a", "an",
    "plug", "plugging", "insert", "inserting", "multiply", "multiplying", "divide", "dividing", "add",
    "adding", "subtract", "subtracting", "expand", "expanding", "factor", "factoring", "simplify",
    "simplifying", "combine", "combining", "cancel", "cancelling", "canceling", "sub", "term", "terms",
})


def _first_word(toks: list[Token]) -> str:
    """The first word of a ``\\text`` group, lower case, without its punctuation ("(by " -> "by")."""
    word = ""
    for k, x in enumerate(toks):
        if word and k and x.start > toks[k - 1].end:
            break  # the source has a space: the word ended
        if x.kind == "letter":
            word += x.text
        elif word:
            break
    return word.lower()


def _inside_number(toks: list[Token], k: int) -> bool:
    """Whether the comma at ``k`` stands between digits with no space on either side (a list of numbers,
    ``7, 8``, is spaced)."""
    return 0 < k < len(toks) - 1 and toks[k - 1].kind == "num" and toks[k + 1].kind == "num" \
        and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start \
        and not toks[k].spaced and not toks[k + 1].spaced


def _ratio_after(toks: list[Token]) -> bool:
    """Whether the tokens after a colon start a quantity (a number, a fraction, a bracket): the colon
    is then a ratio or a division (``3 : 4``), where notes after a colon start with words."""
    k = 0
    while k < len(toks) and toks[k].text in SPACES:
        k += 1
    return k < len(toks) and (toks[k].kind == "num" or toks[k].text in ("\\frac", "\\dfrac", "\\tfrac", "("))


def _math_ahead(toks: list[Token]) -> bool:
    """Whether math follows (a number, a letter, an operator), not just more notes and punctuation."""
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.text in ANNOTATIONS or t.kind == "cmd" and t.text.startswith("\\text"):
            k += 1
            if k < len(toks) and toks[k].kind == "open":
                _, k = read_group(toks, k)
            continue
        if t.text in (",", ";", ":", ".", "(", ")", "\\tag") or t.kind in ("open", "close"):
            k += 1
            continue
        return True
    return False


def _held_derivative(node: n.Node) -> n.Deriv | None:
    """The partial derivative in a bracket that a subscript may follow (``(\\frac{\\partial U}{\\partial
    T})_V``), alone or after a factor the bracket reads as an argument of."""
    if isinstance(node, n.Apply) and node.maybe_product and node.bracket == "(" and len(node.args) == 1:
        inner = node.args[0]
    elif isinstance(node, n.Paren) and node.delim == "(":
        inner = node.inner
    else:
        return None
    if isinstance(inner, n.Deriv) and inner.partial and not inner.primes and not inner.held:
        return inner
    return None


def _is_placeholder(node: n.Node) -> bool:
    """The open slot of ``k(x, \\cdot)`` as placeholder_slot reads it."""
    return isinstance(node, n.Sym) and node.style == "label" and node.base == PLACEHOLDER


def _is_zero(node: n.Node) -> bool:
    return isinstance(node, n.Num) and node.value.strip("0.") == ""


def _shape(node: n.Node):
    return repr(n.structure(node))


def _leaf_differences(a: n.Node, b: n.Node) -> list[tuple[n.Node, n.Node]] | None:
    """Where two trees of the same shape differ (pairs of subtrees), or None when shapes differ."""
    if type(a) is not type(b):
        return [(a, b)] if isinstance(a, n.Num) else None
    if isinstance(a, n.Num):
        return [] if a.value == b.value else [(a, b)]
    if isinstance(a, n.Sym) and (a.base, a.style, a.labels, a.primes, len(a.indices)) != \
            (b.base, b.style, b.labels, b.primes, len(b.indices)):
        return None
    out: list[tuple[n.Node, n.Node]] = []
    for f in fields(a):
        if f.name in ("start", "end", "sign_start"):
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, n.Node) and isinstance(y, n.Node):
            sub = _leaf_differences(x, y)
            if sub is None:
                return None
            out.extend(sub)
        elif isinstance(x, tuple) and isinstance(y, tuple):
            if len(x) != len(y):
                return None
            for u, v in zip(x, y):
                if isinstance(u, n.Node) and isinstance(v, n.Node):
                    sub = _leaf_differences(u, v)
                    if sub is None:
                        return None
                    out.extend(sub)
                elif u != v:
                    return None
        elif x != y and not isinstance(x, n.Node):
            return None
    return out


def _extend_sum_bodies(terms: list[n.Term]) -> list[n.Term]:
    """``\\sum_i y_i \\log p_i + (1 - y_i) \\log(1 - p_i)``: terms after a sum that use its index,
    which is free nowhere else, belong to the sum (as the author meant), not after it."""
    out: list[n.Term] = []
    k = 0
    while k < len(terms):
        term = terms[k]
        big, holder = _trailing_sum(term.node)
        j = k + 1
        if big is not None:
            while j < len(terms) and _uses_letter(terms[j].node, big.var) and _trailing_sum(terms[j].node)[0] is None:
                j += 1
        if big is None or j == k + 1:
            out.append(term)
            k += 1
            continue
        extra = terms[k + 1 : j]
        body = n.Add(big.body.start, extra[-1].end, (n.Term(big.body.start, big.body.end, "+", big.body), *extra))
        new_big = replace(big, body=body, end=extra[-1].end)
        if holder is None:
            node = new_big
        else:
            node = replace(holder, factors=holder.factors[:-1] + (new_big,), end=extra[-1].end)
        out.append(replace(term, node=node, end=extra[-1].end))
        k = j
    return out


def _extend_limit_bodies(terms: list[n.Term]) -> list[n.Term]:
    """``\\lim_{h \\to 0} 2 + h``: the terms after a limit that use its variable belong to it (the variable
    is bound there and means nothing outside), as with sums."""
    out: list[n.Term] = []
    k = 0
    while k < len(terms):
        term = terms[k]
        node = term.node
        lim = node if isinstance(node, n.Limit) else \
            node.factors[-1] if isinstance(node, n.Mul) and isinstance(node.factors[-1], n.Limit) else None
        j = k + 1
        if lim is not None:
            while j < len(terms) and _uses_letter(terms[j].node, lim.var.base):
                j += 1
        if lim is None or j == k + 1:
            out.append(term)
            k += 1
            continue
        extra = terms[k + 1 : j]
        body = n.Add(lim.body.start, extra[-1].end, (n.Term(lim.body.start, lim.body.end, "+", lim.body), *extra))
        new_lim = replace(lim, body=body, end=extra[-1].end)
        if lim is not node:
            new_lim = replace(node, factors=node.factors[:-1] + (new_lim,), end=extra[-1].end)
        out.append(replace(term, node=new_lim, end=extra[-1].end))
        k = j
    return out


def _trailing_sum(node: n.Node) -> tuple[n.BigOp | None, n.Mul | None]:
    if isinstance(node, n.BigOp) and node.kind == "sum":
        return node, None
    if isinstance(node, n.Mul) and isinstance(node.factors[-1], n.BigOp) and node.factors[-1].kind == "sum":
        return node.factors[-1], node
    return None, None


def _uses_letter(node: n.Node, letter: str) -> bool:
    """Whether ``letter`` occurs free in ``node``: in ``(\\sum_i m_i) c`` the inner sum binds its own
    i, so the term does not belong to an enclosing ``\\sum_i``."""
    if isinstance(node, n.BigOp) and letter in (node.var, *node.extra_vars):
        return any(_uses_letter(b, letter) for b in (node.lo, node.hi) if b is not None)
    if isinstance(node, n.Sym) and node.base == letter and not node.indices:
        return True
    return any(_uses_letter(child, letter) for child in node.children())


def _entry_of(node: n.Node) -> n.Node | None:
    """The symbol (or its transpose) inside ``(X)`` or ``[X]`` when a subscript on it names an entry:
    a bare symbol, maybe styled; anything with its own index (``(M_1)_l``) or an expression is not."""
    if not isinstance(node, n.Paren) or node.delim not in ("(", "["):
        return None
    inner = node.inner
    sym = inner.inner if isinstance(inner, n.Transpose) else inner
    if isinstance(sym, n.Sym) and _bare_symbol(replace(sym, style="")) and "bb" not in sym.style.split("+"):
        return inner
    if node.delim == "[" and isinstance(inner, n.Sym) and inner.labels and not inner.indices \
            and not inner.primes and inner.sup_letter is None and all(_is_charge(x) for x in inner.labels):
        # [\mathrm{K}^+]_o, [\mathrm{Ca}^{2+}]_i: a concentration, whose subscript names the compartment
        return inner
    return None


def _is_charge(label: str) -> bool:
    """An ion's charge as a label: ``+``, ``-``, ``2+``, ``3-``."""
    return label in ("+", "-") or len(label) >= 2 and label[:-1].isdigit() and label[-1] in "+-"


def _charge_mark(toks: list[Token]) -> bool:
    """A superscript that is a whole number followed by a sign, ``^{2+}``: an ion's charge."""
    return len(toks) == 2 and toks[0].kind == "num" and toks[0].text.isdigit() and toks[1].text in ("+", "-")


def _entrywise_application(node: n.Node) -> bool:
    """``\\mathrm{softmax}(z)``, ``\\sigma(s)``: one argument, no power, prime or inverse, a function
    whose entries lintmath knows when the argument is a vector."""
    if isinstance(node, n.Func):
        return node.name in n.ENTRYWISE_FUNCTIONS and len(node.args) == 1 and node.power is None \
            and not node.inverse and not node.primes
    return isinstance(node, n.Apply) and node.func.key in n.ENTRYWISE_LETTERS and not node.func.indices \
        and len(node.args) == 1 and not node.primes and not node.prefer_product and node.bracket == "("


def _product_with_entry(node: n.Node) -> n.Paren | None:
    """``X(W^T)``, read first as a product (the name is not a function's), when a subscript follows the
    bracket: the bracket alone, whose entry the subscript names. So is ``k[A]_0``, a sequence's value
    with a subscript being no notation: a rate constant times a concentration at time 0."""
    if not isinstance(node, n.Apply) or len(node.args) != 1 or node.primes or node.bracket not in ("(", "["):
        return None
    # Q_{ik}(K^T)_{kj}: an entry before the entry of a transpose is a product of entries, even under a
    # letter that usually names a function (Q, P, L): no function's value is transposed and then indexed
    entries = node.maybe_product and bool(node.func.indices) and isinstance(node.args[0], n.Transpose)
    if not (node.prefer_product or entries or node.bracket == "[" and node.maybe_product):
        return None
    paren = n.Paren(node.func.end, node.end, node.args[0], node.bracket)
    return paren if _entry_of(paren) is not None else None


_CASE_SPACES = SPACES | {"\\quad", "\\qquad", "\\enspace", "\\!"}


def _trim_case_value(cell: list[Token]) -> list[Token]:
    """A case's value without the spaces and the comma or semicolon that set it off from its condition."""
    cell = list(cell)
    while cell and (cell[-1].text in _CASE_SPACES or cell[-1].text in (",", ";")):
        cell.pop()
    return cell


def _case_words(cell: list[Token], k: int) -> tuple[str, int] | None:
    """The words of ``\\text{..}`` at ``cell[k]`` (lower case, spaces collapsed) and the index after it."""
    if cell[k].text not in TEXT_WORDS or k + 1 >= len(cell) or cell[k + 1].text != "{":
        return None
    try:
        inner, after = read_group(cell, k + 1)
    except ParseFailure:
        return None
    if any(t.kind not in ("letter", "sym", "num") for t in inner):
        return None  # math inside the words (\text{if $x > 0$}): the prose's own condition
    # tokens hold no spaces: a gap between offsets is one
    words, last = "", None
    for t in inner:
        words += (" " if last is not None and t.start > last else "") + t.text
        last = t.end
    return words.strip().lower(), after


def _case_condition(cell: list[Token], last: bool) -> tuple[list[list[Token]], list[str]] | None:
    """A case's condition as the sides of a chain of inequalities (``0 < x \\le 1``) and the relations
    between them, or None for ``otherwise`` (the last case only). Anything else is not read."""
    cell = [t for t in cell if t.text not in _CASE_SPACES]
    while cell and cell[0].text in (",", ";"):
        cell = cell[1:]
    while cell and cell[-1].text in (".", ",", ";"):
        cell = cell[:-1]
    if cell and (found := _case_words(cell, 0)) is not None:
        words, after = found
        words = words.rstrip(".,;: ")
        if words in CASE_DEFAULTS and after == len(cell) and last:
            return None
        if words not in CASE_LEADS:
            raise ParseFailure("words in the condition of a case are not decided yet")
        cell = cell[after:]
    if not cell:
        raise ParseFailure("a case without a condition")
    parts: list[list[Token]] = [[]]
    relations: list[str] = []
    depth = 0
    for t in cell:
        if t.kind == "open" or t.text in ("(", "[", "\\{", "\\left"):
            depth += 1
        elif t.kind == "close" or t.text in (")", "]", "\\}", "\\right"):
            depth -= 1
        if depth == 0 and (t.text in CASE_RELATIONS or t.text in CASE_EQUATIONS):
            relations.append(CASE_RELATIONS.get(t.text) or CASE_EQUATIONS[t.text])
            parts.append([])
        elif t.text in CASE_OTHER_RELATIONS or t.text in TEXT_WORDS or t.text in (",", "\\land", "\\wedge", "\\lor"):
            raise ParseFailure("a case whose condition is not an inequality between expressions is not decided yet")
        else:
            parts[-1].append(t)
    if not relations or any(not p for p in parts):
        raise ParseFailure("a case whose condition is not an inequality between expressions is not decided yet")
    if len(relations) > 1 and any(r in CASE_EQUATIONS.values() for r in relations):
        raise ParseFailure("a case whose condition is not an inequality between expressions is not decided yet")
    if len(relations) > 1 and len({r[0] for r in relations}) != 1:
        raise ParseFailure("a chain of inequalities in both directions")
    return parts, relations


def _layout_rows(rows: list[list[list[Token]]]) -> bool:
    """Whether an array's cells hold a sign alone (``& + &``): a layout of one expression, never a
    matrix, whose entries cannot be a bare sign."""
    return any(len(cell) == 1 and cell[0].text in ADD_OPS for row in rows for cell in row)


def _unclosed_reason(opener: str, found: Token | None) -> str:
    """Why a bracket did not close where it should: a list inside it (``[A, B]``, ``(a_1, a_2, \\ldots)``)
    and a relation inside it (``1(y \\neq f(x))``) are constructs not decided yet, not typos."""
    if found is not None and found.is_(","):
        what = "a set, anticommutator or Poisson bracket" if opener in ("\\{", "\\lbrace") else \
            "a tuple, interval, vector or commutator"
        return f"a list in brackets ({opener}a, b...: {what}) is not decided yet"
    if found is not None and (found.text in RELATION_COMMANDS or found.text in ("=", "<", ">")):
        return f"a relation inside brackets ({opener}... {found.text} ...: a condition or indicator) is not decided yet"
    return f"unbalanced {opener}"


def _top_level_comma(toks: list[Token]) -> bool:
    depth = 0
    for x in toks:
        depth += (x.kind == "open" or x.text in ("(", "[")) - (x.kind == "close" or x.text in (")", "]"))
        if depth == 0 and x.is_(","):
            return True
    return False


def _lorentz_coordinate(body: n.Node, var: n.Sym) -> n.Sym | None:
    """x_\\mu, the coordinate that ``\\partial_\\mu`` differentiates along, where ``var`` is a Greek letter and
    ``body`` writes the coordinates x with Greek indices (x^\\nu, x_\\nu) and no other letter with one: the
    operand is then a function of the position alone. None otherwise (\\partial_\\mu A^\\nu, a field's
    derivative, is not read so)."""
    if var.indices or var.style or var.base.lstrip("\\") not in GREEK:
        return None

    def greek(node: n.Node) -> bool:
        parts = node.factors if isinstance(node, n.Mul) and not node.explicit else (node,)
        return all(isinstance(p, n.Sym) and p.base.lstrip("\\") in GREEK and not p.indices for p in parts)
    carriers = {x.base for x in body.walk() if isinstance(x, n.Sym) and x.indices and all(greek(i) for i in x.indices)}
    carriers |= {x.base.base for x in body.walk() if isinstance(x, n.Pow) and isinstance(x.base, n.Sym)
                 and greek(x.exp)}
    if "x" not in carriers or carriers - {"x", "\\eta", "\\delta"}:
        return None
    return n.Sym(var.start, var.end, "x", "", (var,))


# what the operand of a Cartesian \partial_i may write: the coordinates x_j, r (the distance |x|, see
# einstein.radial_texts), Kronecker's delta and the Levi-Civita symbol
_CARTESIAN_SYMBOLS = frozenset({"x", "r", "\\delta", "\\epsilon", "\\varepsilon"})
# the letters Cartesian tensors name their indices with (not t: \partial_t x_i is a rate; not n: \partial_n is
# the normal derivative; not p, q: generalized momenta and coordinates)
_CARTESIAN_INDICES = frozenset("ijklm")


def _cartesian_coordinate(body: n.Node, var: n.Sym) -> n.Sym | None:
    """x_i, the coordinate that ``\\partial_i`` differentiates along in Cartesian tensor notation (\\partial_i
    (x_j x_j) = 2x_i, \\epsilon_{ijk}\\partial_j x_k = 0, \\partial_i r^2 = 2x_i), where ``var`` is an index letter
    and ``body`` a function of the position alone: it writes only _CARTESIAN_SYMBOLS and numbers, each x
    with one index letter. None otherwise: \\partial_i(E_j x_j) or \\partial_i(x_i \\phi) writes a field
    besides, which the derivative would hold constant."""
    if var.indices or var.style or var.primes or var.labels or var.base not in _CARTESIAN_INDICES \
            or _occurs_outside_indices(body, var):
        return None
    inside = {id(x) for s in body.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}
    written = [x for x in body.walk() if isinstance(x, n.Sym) and id(x) not in inside]
    if not written or any(x.base not in _CARTESIAN_SYMBOLS or x.style or x.primes or x.labels
                          or x.sup_letter is not None for x in written):
        return None
    if any(len(x.indices) != 1 or not _index_letter_item(x.indices[0]) for x in written if x.base == "x"):
        return None
    if any(isinstance(x, n.Pow) and isinstance(x.base, n.Sym) and x.base.indices for x in body.walk()):
        return None  # x_i^2: the square of one entry, or x_i x_i summed as some notes write it?
    return n.Sym(var.start, var.end, "x", "", (var,))


def _index_letter_item(item: n.Node) -> bool:
    """A lowercase Latin letter written alone as an index (the j of x_j)."""
    return isinstance(item, n.Sym) and not item.indices and not item.style and len(item.base) == 1 \
        and item.base.islower() and item.base.isalpha()


def _occurs_outside_indices(node: n.Node, var: n.Sym) -> bool:
    """Whether ``var`` (the same symbol, indices and style alike) occurs in ``node`` other than inside
    a subscript: in ``\\partial_i x_i^2`` the i is an index, so the derivative is not along i."""
    inside = {id(x) for s in node.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}
    want = _shape(var)
    return any(isinstance(x, n.Sym) and id(x) not in inside and _shape(x) == want for x in node.walk())


def _bold_twin_occurs(node: n.Node, var: n.Sym) -> bool:
    """Whether a plain ``var`` occurs in ``node`` in bold only (\\nabla_w of \\mathbf{w}^\\top\\mathbf{x}): the
    same vector, the bold dropped under the operator, as sides.bold_variables reads it."""
    if var.style or var.indices:
        return False
    inside = {id(x) for s in node.walk() if isinstance(s, n.Sym) for i in s.indices for x in i.walk()}
    return any(isinstance(x, n.Sym) and id(x) not in inside and x.base == var.base and not x.indices
               and "bf" in x.style.split("+") for x in node.walk())


# what makes an expression no quantity to differentiate by: it already differentiates, sums or bounds
CALCULUS_NODES = (n.Deriv, n.DerivBy, n.Grad, n.Integral, n.BigOp, n.Limit, n.Differential)


def _compound_variable(node: n.Node) -> tuple[n.Node, int] | None:
    """``node`` as the expression a derivative is taken with respect to, with its power when written
    x^k without brackets: a function's value (f(x_i)), a power of a letter (\\sigma^2, \\sigma_B^2) or
    an expression in brackets ((x^2)). None for a letter (the usual derivative) and for anything
    else, whose reading as a variable is a guess (d x\\,y, a derivative of a derivative)."""
    inner = node
    while isinstance(inner, n.Paren):
        inner = inner.inner
    if isinstance(inner, n.Sym) or not any(isinstance(x, n.Sym) for x in inner.walk()) \
            or any(isinstance(x, CALCULUS_NODES) for x in inner.walk()):
        return None
    if isinstance(node, n.Pow) and isinstance(node.base, n.Sym) and not node.base.labels \
            and not node.base.primes and node.base.sup_letter is None and isinstance(node.exp, n.Num) \
            and node.exp.value.isdigit() and int(node.exp.value) > 1:
        return node, int(node.exp.value)
    if isinstance(node, n.Apply) and not node.primes:
        # \partial f(x): a function's value; nobody differentiates with respect to a product f x
        return node, 0
    if log_of_letter(node) is not None:
        # \partial \ln K: an elasticity's denominator, a log of one letter, which the letter determines
        return node, 0
    if isinstance(node, n.Paren) and isinstance(inner, (n.Pow, n.Apply, n.Mul, n.Div, n.Add, n.Sqrt, n.Func)):
        return node, 0
    return None


def _slashed_derivative(toks: list[Token], op: str = "\\partial") -> bool:
    """Whether a slash in ``toks`` opens a second differential ``op`` (``\\partial u/\\partial x``, ``dy/dt``)."""
    # (a letter d must open a differential, dt: the d of (x/d) is a quantity)
    return any(x.is_("/") and k + 1 < len(toks) and toks[k + 1].text == op
               and (op != "d" or toks[k + 1].kind == "letter" and k + 2 < len(toks) and toks[k + 2].kind == "letter")
               for k, x in enumerate(toks))


def log_of_letter(node: n.Node) -> n.Sym | None:
    """The letter x of ``\\ln x`` or ``\\log x`` (no power, no primes, no other function): a variable one to
    one with x, so that a derivative with respect to it is one in x by the chain rule. None otherwise."""
    if not (isinstance(node, n.Func) and node.name in ("ln", "log") and len(node.args) == 1
            and node.power is None and not node.inverse and not node.primes):
        return None
    arg = node.args[0]
    while isinstance(arg, n.Paren):
        arg = arg.inner
    return arg if isinstance(arg, n.Sym) and not arg.primes and arg.sup_letter is None else None


def _entry_variable(node: n.Node) -> bool:
    """A letter with a subscript of plain letters or numbers (``\\theta_b``, ``w_k``, ``x_{ij}``), and no
    other script or style: an entry, or a vector named by its index."""
    return isinstance(node, n.Sym) and bool(node.indices) and not node.style and not node.labels \
        and not node.primes and node.sup_letter is None \
        and all(isinstance(i, n.Num) or _plain_letter(i) and not i.style for i in node.indices)


def _plain_letter(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not node.indices and not node.labels and not node.primes \
        and node.sup_letter is None


def parameter_of(node: n.Node, var: n.Node) -> n.Sym | None:
    """The subscript of ``\\pi_\\theta(a \\mid s)``, ``h_w(x)`` when it is the plain letter ``var`` alone: a step that
    differentiates by that letter names the function's parameter by it (a policy, a model), so the
    function is read as ``\\pi(a \\mid s; \\theta)``, which moves with it. Not for an expectation's
    subscript (``\\mathbb{E}_\\theta``), nor beside another subscript or a semicolon of its own, nor where the
    letter is an argument too (``u_t(x, t)``)."""
    if not isinstance(node, n.Apply) or node.params >= 0 or node.primes or len(node.func.indices) != 1 \
            or node.func.labels or node.func.sup_letter is not None or node.bracket != "(" \
            or expectation.kind_of(node) is not None:
        return None
    sub = node.func.indices[0]
    # by \theta_b (an entry) the parameter \theta of \pi_\theta is not what moves: not read
    if not _plain_letter(var) or not _plain_letter(sub) or sub.key != var.key:
        return None
    if any(isinstance(y, n.Sym) and y.base == sub.base for a in node.args for y in a.walk()):
        # u_t(x, t), f_x(x, y): a letter that is also an argument marks a partial derivative (or a
        # component), whose value at other arguments (u_t(x, 0)) would not move with it
        return None
    return sub


#: Upright names of the vector-calculus operators, onto the kinds of the \\nabla forms they stand for.
FIELD_OPERATOR_WORDS = {"div": "div", "curl": "curl", "rot": "curl", "grad": "grad"}


def _refuse_hidden_parameter(body: n.Node, var: n.Node, operator: str) -> None:
    """``\\frac{\\partial}{\\partial \\theta_j} h_\\theta(x)``, ``\\nabla_w \\ell(f_w(x))``: a function whose name
    carries the variable's letter (a model with parameters theta) depends on it, but read as written
    its derivative would be 0, whatever the author means; the subscript may as well be a label."""
    if not isinstance(var, n.Sym):
        return
    for x in body.walk():
        if parameter_of(x, var) is not None:
            continue  # \pi_\theta(a) by \theta: the function's parameter, read as \pi(a; \theta)
        if _entry_variable(var) and parameter_of(x, replace(var, indices=())) is not None:
            # \pi_\theta(a) by \theta_b: decided only where the prose defines \pi_\theta, which then
            # replaces it; the lowering refuses the one left (see Lowerer.parameter_form)
            continue
        if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and any(
                isinstance(i, n.Sym) and i.base == var.base for index in x.func.indices for i in index.walk()):
            raise ParseFailure(f"{operator} with respect to {var.base} of a function whose name carries "
                               f"{var.base} ({x.func.base}_{var.base}(..), a parametrised model) is not decided yet")
        if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) \
                and any(_label_mentions(label, var.base) for label in x.func.labels):
            # V^{\pi_\theta}(s) by \theta: the policy the label names moves with theta, which a label
            # (a name, no letter) would not show
            raise ParseFailure(f"{operator} with respect to {var.base} of a function whose label carries "
                               f"{var.base} (a value of a parametrised policy) is not decided yet")


def _label_mentions(label: str, letter: str) -> bool:
    """Whether a label's text (``\\pi_\\theta``) writes ``letter`` as a letter of its own."""
    k = label.find(letter)
    while k >= 0:
        before = label[k - 1] if k else ""
        after = label[k + len(letter)] if k + len(letter) < len(label) else ""
        if not (before.isalpha() or before == "\\" or after.isalpha() and letter[-1].isalpha()):
            return True
        k = label.find(letter, k + 1)
    return False


def _drop_empty_groups(toks: list[Token]) -> list[Token]:
    """``\\frac{\\partial {}}{...}`` (a macro called with an empty argument) has no operand."""
    out: list[Token] = []
    for t in toks:
        if t.kind == "close" and out and out[-1].kind == "open":
            out.pop()
        else:
            out.append(t)
    return out


def _index_label(toks: list[Token]) -> bool:
    """Whether a superscript opening with ``(`` is a bracketed index (``(i)``, ``(k+1)``, ``(i,j)``, then
    perhaps a transpose mark): letters or numbers, each perhaps moved by a number, between commas."""
    depth, k = 0, 0
    for k, t in enumerate(toks):
        depth += t.is_("(") - t.is_(")")
        if depth == 0:
            break
    else:
        return False
    rest = toks[k + 1:]
    mark = "".join(x.text if x.kind != "cmd" else x.text + " " for x in rest).strip()
    if rest and mark not in TRANSPOSE_MARKS and mark.replace(" ", "") not in TRANSPOSE_MARKS:
        return False
    items: list[list[Token]] = [[]]
    for t in toks[1:k]:
        if t.is_(","):
            items.append([])
        else:
            items[-1].append(t)
    for item in items:
        if not item or item[0].kind not in ("letter", "num"):
            return False
        if len(item) == 1:
            continue
        if len(item) != 3 or not (item[1].is_("+") or item[1].is_("-")) or item[2].kind != "num":
            return False
    return True


_STAR_LABELS = frozenset({"*", "\\star", "\\ast"})


def _star_power_tail(toks: list[Token]) -> int | None:
    """Where the power starts in a superscript ``*2``: ``v^{*2}`` is the fixed point v^* squared, as
    dynamics notes write it (nobody raises v to a power "*2"); the star stays v's label and the number
    is read as the power of the starred letter. None when the superscript is not a star and a number."""
    if len(toks) == 2 and toks[0].text in _STAR_LABELS and toks[1].kind == "num":
        return 1
    return None


def _label_transpose_tail(toks: list[Token]) -> int | None:
    """Where a transpose mark starts in a superscript ``(i)T`` / ``(i)\\top``: a bracketed label followed
    by nothing but the mark; None otherwise. A star label is one too: ``X^{*\\top}`` is the transformed
    X^* (GLS, a dual) transposed."""
    if len(toks) >= 2 and toks[0].text in _STAR_LABELS:
        rest = toks[1:]
        text = "".join(x.text if x.kind != "cmd" else x.text + " " for x in rest).strip()
        return 1 if text in TRANSPOSE_MARKS or text.replace(" ", "") in TRANSPOSE_MARKS else None
    if len(toks) < 4 or not toks[0].is_("("):
        return None
    depth = 0
    for k, t in enumerate(toks):
        depth += t.is_("(") - t.is_(")")
        if depth == 0:
            rest = toks[k + 1:]
            text = "".join(x.text if x.kind != "cmd" else x.text + " " for x in rest).strip()
            if k >= 2 and rest and (text in TRANSPOSE_MARKS or text.replace(" ", "") in TRANSPOSE_MARKS):
                return k + 1
            return None
    return None
