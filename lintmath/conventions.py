"""Conventions under which a refuted step may hold after all (``_CONVENTIONS``): a mixed number, a prime
read as a transpose, % as a label, a rounded decimal, an order term, a condition written after the step,
a star or a delta as an operator... The checker asks them of steps it is about to refute, and a step
that shows one is unverified, not wrong.

Where a convention decides a rewritten form of the step, it does so with the deciding functions
check.py hands it (``_Refuted.decide`` and ``_Refuted.check``, or a ``decide`` argument): this
module sits below check.py and never imports it.
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Callable, Mapping

from lintmath.lower import LIBRARY, Instance, Lowerer, classify_letters, has_cases, is_library, real_indicator
from lintmath import chopping, equations, implication, interest, modular, refusals
from lintmath.budget import BudgetExceeded
from lintmath.context import LETTER, NAMED, RELATION, ContextItem, constant_as_letter
from lintmath.model import Macro, Status, Verdict
from lintmath.parse import nodes as n
from lintmath.parse.parser import closing, parse_math, reads_star_product
from lintmath.parse.tokens import ParseFailure, Token, expand_macros, tokenize
from lintmath.parse.vocabulary import GREEK
from lintmath.relations import EQUALITY, INEQUALITY, find_relations
from lintmath.comparator import SIZE_DEPENDENT, Comparator, _holds_at_integers, holds_off_samples
from lintmath.sides import Parsed, coherent_applications, horizon_capitals, parse_step, reclassified
from lintmath.tolerance import _half_unit, side_value

#: how check.py decides a step, handed to the conventions that decide a rewritten one: (lhs, rhs, relation,
#: keyword options as check_step takes them) -> Verdict
Decide = Callable[..., Verdict]


CASES_AT_INTEGERS = "differs between integers only, where a case's boundary moves (k \\le n - 1 for k < n): not decided"
EQUATION_CASES = ("differs where no equation of a case holds; its letters may be labels or integers the prose fixes "
                  "(u \\neq v of labels \\pm 1, where uv = -1): not decided")
STAR_OPERATION = ("differs with * read as a product; * may be an operation defined elsewhere "
                  "(x * y = x + y + xy, a group's law): not decided")
DISPERSION_OF_VARIABLE = ("sigma (or a parameter subscripted by a scaled variable) of a random variable may be "
                          "its standard deviation, not the sigmoid or a product")
SLOT_ORDER = ("a function left open in a slot (k(x, \\cdot)) beside the same name otherwise (k(\\cdot, x), k_x, "
              "k(x, y)) may be the same function by a symmetry or a definition the prose gives: not decided")
ARITHMETIC_SIGMA = "sigma of a whole number may be the sum of its divisors (number theory), not the sigmoid"
LEGENDRE_SYMBOL = ("a fraction in round brackets standing alone may be a Legendre or Jacobi symbol (number "
                   "theory), -1, 0 or 1, not a quotient: not decided")
FAMILY_MEMBER = ("a subscripted letter with a number above before a bracket, written on one side only "
                 "(P_2^1(x), Y_1^0(\\theta)), may be a member of a family of functions (associated Legendre, "
                 "spherical harmonics) that the prose defines, not a power times the bracket: not decided")
DELTA_OPERATOR = ("a delta written before a bracket and before a letter is a variation or a difference "
                  "(\\delta(xy) = x\\,\\delta y + y\\,\\delta x): not decided")
DELTA_OPERATORS = ("\\delta", "\\Delta")
CONDITION_DROPPED = ("conditions one distribution on more than the other: a conditional independence "
                     "(a Markov property) assumed elsewhere, not decided")
FUNCTION_REACH = ("differs with the function (log, sine) read as ending before the factors after it; read as "
                  "reaching over them (\\log\\frac{1}{N}\\sum_i e^{x_i}, the log of a mean; \\log(2\\pi e)^d |\\Sigma|; "
                  "\\sin k(x - ct)) it is not refuted: not decided")
FUNCTION_SHORT_REACH = ("differs with a function's bare argument read as all the factors after it; read as its first factor "
                        "only (\\cos^2\\theta\\, E_1, the cosine times E_1) it is not refuted: not decided")
SYMMETRY_STATED = "the sides exchange two letters: a symmetry the step states (detailed balance), not decided"


FIRST_PRINCIPLES = "a derivative from its definition, whose limit gives the function (an earlier f may not apply)"
#: f'(x), \frac{d}{dx}f(x), \frac{df}{dx}: the derivative a chain's head line computes
_DERIVATIVE_HEAD = re.compile(r"\s*(?:([A-Za-z])'+\s*\(|\\frac\s*\{\s*(?:\\mathrm\{d\}|d)\s*\}\s*\{[^{}]*\}\s*"
                              r"([A-Za-z])\s*\(|\\frac\s*\{\s*(?:\\mathrm\{d\}|d)\s*([A-Za-z])\s*\})")
_DIFFERENCE_QUOTIENT = re.compile(r"\s*\\lim(?:its)?\s*_")


def _first_principles(lhs: str, rhs: str) -> bool:
    """``f'(x) = \\lim_{h \\to 0} \\frac{(x+h)^2 - x^2}{h}`` at a chain's head: the derivative from its
    definition names its function in the limit, so a refutation through an f defined earlier (notes
    reuse f in every example) is no error of the step. Asked of refuted steps only."""
    head = _DERIVATIVE_HEAD.match(lhs)
    if head is None or not _DIFFERENCE_QUOTIENT.match(rhs):
        return False
    letter = next(g for g in head.groups() if g)
    return re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", rhs) is None


LIST_ON_LEFT = "the left side is a list (x = 6, y = 4): the relation holds for its last item only"


ORDER_TERM = "an order term (O(h^2), o(1)) stands for a class of functions that absorbs terms: not decided"
# Landau symbols: O and o, plain, calligraphic (\mathcal{O}, \mathscr{O}) or upright (\mathrm{O}, and
# \DeclareMathOperator{\Oh}{O}); \Theta and \Omega bound both ways or from below, as classes too
_LANDAU_STYLES = frozenset({"", "cal", "scr", "rm", "op"})
_LANDAU_NAMES = frozenset({"O", "o", "\\Theta", "\\Omega"})
_LANDAU_TEXT = re.compile(r"O|o\s*\(|\\Theta|\\Omega")


def _order_terms(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether a side applies a Landau symbol, O(h^2) or \\mathcal{O}(n): read as a function or a
    product, O(h^2) + O(h^3) = O(h^2) and 2h + O(h^3) = 2h + O(h^2) differ, yet each is a correct
    statement about classes of functions. Asked of refuted steps only."""
    for side in (lhs, rhs):
        # a user macro may spell the symbol (\newcommand{\bigO}{\mathcal{O}}, \DeclareMathOperator{\Oh}{O})
        if not _LANDAU_TEXT.search(side) and not any(name in side for name in macros or ()):
            continue
        try:
            tree = parse_math(side, macros)
        except (ParseFailure, RecursionError):
            continue
        if any(isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base in _LANDAU_NAMES
               and x.func.style in _LANDAU_STYLES and not x.func.indices and not x.func.primes
               for x in tree.walk()):
            return True
    return False


def _list_on_left(lhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether the left side is read only up to a comma with math after it (``6,\\ y`` of the chain
    ``x = 6,\\ y = 4``): what follows a comma on the right is a note, but on the left the relation
    belongs to the item after the comma, so the part read is not its left operand. Asked of refuted
    steps only."""
    if "," not in lhs and ";" not in lhs:
        return False
    try:
        tree = parse_math(lhs, macros)
    except (ParseFailure, RecursionError):
        return False
    cut = _NEXT_ITEM.match(lhs, tree.end)
    # the comma must stand outside every brace: the offsets of a side read through macros may fall
    # inside an argument (\iprod{u, v})
    return cut is not None and lhs.count("{", 0, tree.end) == lhs.count("}", 0, tree.end)


#: a comma (or semicolon) and spacing, then the math of a next item (a letter, a digit, a command
#: for a letter), not words or a quad that sets a note apart (``, \quad \text{for } x > 0``)
_NEXT_ITEM = re.compile(r"\s*[,;]\s*(?:(?:\\[ ,;:!]|~)\s*)*"
                        r"(?:[A-Za-z0-9]|\\(?!(?:text|mbox|hbox|mathrm|operatorname|q?quad)(?![a-zA-Z]))[a-zA-Z]+)")

MIXED_NUMBER = "holds with a whole number before a fraction read as a mixed number (1\\frac{1}{2} = 3/2)"
#: a whole number set before a proper fraction of whole numbers: 2\frac{1}{3}, a mixed number to a first
#: course and a product to a later one
#: (each argument braced or a bare digit, as \frac12 writes one half)
_MIXED = re.compile(r"(?<![\w.^_}\\])(\d+)\s*\\[dt]?frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d)(?!\d))")


def _mixed_numbers_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step holds once each whole number before a proper fraction is read as a
    mixed number (``1\\frac{1}{2} + 2\\frac{1}{3} = \\frac{23}{6}``): the product reading alone
    would make a slip of a correct line of school arithmetic. Asked of refuted steps only."""
    macros = options.get("macros")
    lhs, rhs = _macros_written_out(lhs, macros), _macros_written_out(rhs, macros)
    return _holds_rewritten(lhs, rhs, _as_mixed, relation, lambda v: v.status is not Status.REFUTED, decide,
                            **options)


def _macros_written_out(text: str, macros: Mapping[str, Macro] | None) -> str:
    """``text`` with the user's macros written out, for a reading that looks at the spelling of the source
    (a mixed number behind ``\\mixed{1}{1}{3}``); ``text`` itself when it calls none or cannot be read."""
    if not macros or "\\" not in text:
        return text
    # a command the text calls is a piece of it (but the dots typed as periods, read as \ldots):
    # tokenizing every step's sides to find no macro cost more than a look for each name
    if "..." not in text and not any(name in text for name in macros):
        return text
    try:
        tokens = tokenize(text)
        if not any(t.kind == "cmd" and t.text in macros for t in tokens):
            return text
        written = _joined(expand_macros(tokens, macros))
    except ParseFailure:
        return text
    # the expansion keeps each argument's braces: {1}\tfrac{{1}}{{3}} is the mixed number 1\tfrac{1}{3}
    written = _DOUBLY_BRACED_NUMBER.sub(r"\1", written)
    return _BRACED_WHOLE.sub(r"\1", written)


def _joined(tokens: list[Token]) -> str:
    """Tokens written back as text, a space only where the source had one or TeX needs one (after a control
    word before a letter, between two numbers): spaced apart token by token, a name a macro spells out
    (\\mathrm{Ber}(p) in \\KL(\\mathrm{Ber}(p) \\| \\mathrm{Ber}(q))) would read as the letters B e r, which
    no reading of a law's name by its spelling knows."""
    out: list[str] = []
    previous = None
    for token in tokens:
        if previous is not None and (
                token.start > previous.end  # (a macro's tokens all carry its span: never a gap among them)
                or previous.kind == "cmd" and previous.text[-1:].isalpha() and token.text[:1].isalnum()
                or previous.kind == "num" and token.kind == "num"):
            out.append(" ")
        out.append(token.text)
        previous = token
    return "".join(out)


#: a number in two pairs of braces, and one in braces before a fraction, as written-out macro arguments set them
_DOUBLY_BRACED_NUMBER = re.compile(r"\{\s*(\{\s*\d+\s*\})\s*\}")
_BRACED_WHOLE = re.compile(r"(?<![\w.^_}\\])\{\s*(\d+)\s*\}(?=\s*\\[dt]?frac)")


def _holds_rewritten(lhs: str, rhs: str, rewrite: Callable[[str], str], relation: str,
                     holds: Callable[[Verdict], bool], decide: Decide, **options) -> bool:
    """Whether a refuted step ``holds`` once both sides are rewritten in another reading of the notation
    (mixed numbers, primes as transposes, per cent as a label); False when the rewriting changes nothing."""
    left, right = rewrite(lhs), rewrite(rhs)
    if (left, right) == (lhs, rhs):
        return False
    return holds(decide(left, right, relation, explain=False, **options))


def _as_mixed(text: str) -> str:
    """``text`` with each whole number before a proper fraction read as a mixed number."""
    def mixed(match: re.Match) -> str:
        whole, top, top_digit, bottom, bottom_digit = match.groups()
        top, bottom = top or top_digit, bottom or bottom_digit
        if int(top) >= int(bottom) or int(bottom) == 0:
            return match.group(0)
        if match.string[:match.start()].rstrip().endswith(("^", "_")):
            # x^3\frac{1}{3} written out from a macro, spaced as "^ 3 \frac": the 3 is an exponent
            return match.group(0)
        return rf"\left({whole} + \frac{{{top}}}{{{bottom}}}\right)"
    return _MIXED.sub(mixed, text)


def _mixed_implication_holds(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro] | None,
                             identity: Callable[[str, str], Status]) -> bool:
    """Whether a refuted arrow (``2x = 5 \\Rightarrow x = 2\\tfrac{1}{2}``) is no longer refuted once
    each whole number before a proper fraction is read as a mixed number. Asked of refuted arrows only."""
    lhs, rhs = _macros_written_out(lhs, macros), _macros_written_out(rhs, macros)
    left, right = _as_mixed(lhs), _as_mixed(rhs)
    if (left, right) == (lhs, rhs):
        return False
    return implication.check_implication(left, right, relation, macros, identity).status is not Status.REFUTED


CONSTANT_AS_LETTER = "the document gives {name} a value ({where}): a letter of its own here, not the constant"
CONSTANT_NAMED = "the document names {name} as a letter of its own ({where}), not the constant"
# the right sides that define the constant itself (e = \lim (1 + 1/n)^n, \pi = 4\sum ...) or state its
# value (e = 2.718...): the document still means the constant
_CONSTANT_DEFINED = re.compile(r"\\(?:lim|sum|prod|int|approx)(?![A-Za-z])|!|\b2\.71|\b3\.14")


def _constant_as_letter(refuted: "_Refuted") -> str:
    """Why a refuted step that writes e or \\pi may hold: the prose gives that letter a value (``let $e =
    x - x^*$`` for an error, ``a probability $\\pi = 0.5$``), so the step's e is that letter, whose value
    the step may use (``e^2 = 0.25``), not Euler's number; "" otherwise. Asked of refuted steps only."""
    letters = {item.name: item for item in refuted.context
               if item.kind == LETTER and not _CONSTANT_DEFINED.search(item.rhs)}
    if not letters:
        return ""
    try:
        parsed = parse_step(refuted.lhs, refuted.rhs, refuted.macros)
    except (ParseFailure, RecursionError):
        return ""
    for side in (parsed.lhs, parsed.rhs):
        for node in side.walk():
            item = letters.get(constant_as_letter(node))
            if item is not None and not _fails_with_value(refuted, item):
                if not item.rhs:
                    return CONSTANT_NAMED.format(name=item.name, where=item.where)
                return CONSTANT_AS_LETTER.format(name=item.name, where=f"{item.lhs} = {item.rhs} at {item.where}")
    return ""


# the constant as a letter in a step's text: \pi not part of a longer command, e not part of a word
_LETTER_TEXT = {"\\pi": re.compile(r"\\pi(?![A-Za-z])"), "e": re.compile(r"(?<![A-Za-z\\])e(?![A-Za-z])")}


def _fails_with_value(refuted: "_Refuted", item: ContextItem) -> bool:
    """Whether the step is refuted with the prose's value of the letter put in as well (the Fisher
    relation's inflation \\pi = 0.02 beside a slip): refuted with the constant, which as a letter is one
    more point, and with the value, the step holds under no reading of that letter."""
    pattern = _LETTER_TEXT.get(item.name)
    if pattern is None:
        return False
    if not item.rhs:
        return _fails_as_any_letter(refuted, pattern)
    value = f"({item.rhs})"
    lhs, rhs = pattern.sub(lambda _: value, refuted.lhs), pattern.sub(lambda _: value, refuted.rhs)
    return refuted.check(lhs, rhs, refuted.relation, macros=refuted.macros, seed=refuted.seed,
                         explain=False).status is Status.REFUTED


# letters that stand in for the document's own e or \pi: one the step does not write is a free letter
_STAND_INS = ("\\eta", "\\zeta", "\\xi", "\\chi", "\\upsilon")
# e as the base of a power (e^{-kt}): Euler's number even where the document's e is a vapour pressure
_POWER_BASE = re.compile(r"\s*\^")


def _fails_as_any_letter(refuted: "_Refuted", pattern: re.Pattern[str]) -> bool:
    """Whether the step is refuted with the letter the prose names (``let $e$ be the vapour pressure``)
    read as a free letter of its own, as well as with the constant: it then holds under no reading. Where
    the step also raises e to a power, that e may still be Euler's number, and the step must fail with
    it so too. A macro that writes the letter keeps its reading unknown: not decided so."""
    text = refuted.lhs + " " + refuted.rhs
    bodies = [macro.body for name, macro in refuted.macros.items()
              if re.search(re.escape(name) + r"(?![A-Za-z])", text)]
    if any(pattern.search(body) for body in bodies):
        return False
    written = " ".join([text, *bodies])
    stand_in = next((x for x in _STAND_INS if not re.search(re.escape(x) + r"(?![A-Za-z])", written)), None)
    if stand_in is None:
        return False

    def letter(match: re.Match[str], powers: bool) -> str:
        if not powers and _POWER_BASE.match(match.string, match.end()):
            return match.group()
        return "{" + stand_in + "}"
    readings = [True]
    if any(_POWER_BASE.match(text, m.end()) for m in pattern.finditer(text)):
        readings.append(False)
    for powers in readings:
        lhs = pattern.sub(lambda m: letter(m, powers), refuted.lhs)
        rhs = pattern.sub(lambda m: letter(m, powers), refuted.rhs)
        verdict = refuted.check(lhs, rhs, refuted.relation, macros=refuted.macros, seed=refuted.seed,
                                explain=False)
        if verdict.status is not Status.REFUTED:
            return False
    return True


PRIME_TRANSPOSE = "holds with a prime read as a transpose (X'X, as regression courses write it)"
HORIZON_POWER = "holds with X^T a power to a horizon T (R^T for a gross return R, beside R^{-t} summed to T)"
# a single prime on a letter, a brace or a bracket: x', \beta', \mathbf{y}', (y - X\beta)'
_PRIME = re.compile(r"(?<=[A-Za-z})\]])'(?!')")
# ... on a letter directly before another letter (X'X, y'\mathbf{1}, \beta'X'y): a product, where a
# derivative stands alone (f'(x), y' = 2x) or on a bracket ([t^3 t]' = (t^3)' t), never read so
# a prime on a bracket, or a derivative written out: the step does calculus, where u'v is u' times v
_DERIVATIVE_WRITTEN = re.compile(r"\\(?:partial|nabla|frac\s*\{\s*d)(?![A-Za-z])|\bd/d")
_PRIMED_CALCULUS = re.compile(r"[)\]]\s*'|" + _DERIVATIVE_WRITTEN.pattern)
_PRIME_PRODUCT = re.compile(r"(?<=[A-Za-z}])'(?!')\s*(?:[A-Za-z]|\\(?!left|right|end|cdot|times|quad|qquad)[A-Za-z])")


# the start of the reason of a step that holds in a reading only the prose can confirm (a symmetric A)
HOLDS_IN_A_READING = "holds if "


def _transposed(text: str) -> str:
    """``text`` with each prime written as a transpose."""
    return _PRIME.sub(r"^{\\top}", text)


def _horizon_powers_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step holds with its capitals' ``^T`` read as powers, where the step raises the
    same capital to a count by T (see sides.horizon_capitals): ``R^T \\sum_{t=0}^T R^{-t} = \\sum_{t=0}^T
    R^{T-t}`` discounts by a gross return R, a number; as a transposed matrix it would be refuted."""
    capitals = horizon_capitals(lhs, rhs, options.get("macros") or {})
    if not capitals:
        return False
    pattern = re.compile(r"(?<![A-Za-z\\])([" + "".join(sorted(capitals)) + r"])\s*\^\s*(?:\{\s*T\s*\}|T(?![A-Za-z]))")

    def as_power(text: str) -> str:
        return pattern.sub(lambda m: m.group(1) + "^{0 + T}", text)  # a sum, which no reading takes for a mark
    return _holds_rewritten(lhs, rhs, as_power, relation, lambda v: v.status is Status.VERIFIED, decide,
                            **options)


def _primes_as_transposes_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step holds once each prime is read as a transpose: econometrics and R-based
    statistics courses write X'X, y'y and (X'X)^{-1}X'y, where y'X\\beta = \\beta'X'y is a scalar's
    transpose, not a slip. Only steps where a prime stands before another factor are read so (a
    derivative f'(x) stands alone). Asked of refuted steps only."""
    text = lhs + " " + rhs
    if "'" not in text or not _PRIME_PRODUCT.search(text) or _PRIMED_CALCULUS.search(text):
        return False
    # verified, not merely undecided: shapes the transposes leave open vouch for nothing; but "holds if
    # W is symmetric" is a reading that holds (a'Wb + b'Wa = 2a'Wb under a weight matrix the prose gives)
    return _holds_rewritten(lhs, rhs, _transposed, relation,
                            lambda v: v.status is Status.VERIFIED or v.status is Status.UNVERIFIED
                            and v.reason.startswith(HOLDS_IN_A_READING), decide, **options)


PERCENT_LABEL = "holds with % read as the label of a number already multiplied by 100 (0.25 \\times 100 = 25\\%)"
# a factor 100 written beside a product sign: the conversion of a fraction to per cent
_TIMES_HUNDRED = re.compile(r"(?:\\times|\\cdot|\*)\s*100(?![\d.])|(?<![\d.])100\s*(?:\\times|\\cdot|\*)")


def _percent_labels_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step holds once \\% is read as a label rather than a factor 1/100, on a side
    facing a product with 100 (``\\frac{30}{120} \\times 100 = 25\\%``): how statistics notes convert a
    proportion to per cent. Asked of refuted steps only."""
    sides = (lhs, rhs)
    if not any("\\%" in side for side in sides) \
            or not any("\\%" in side and _TIMES_HUNDRED.search(other) for side, other in (sides, sides[::-1])):
        return False
    return _holds_rewritten(lhs, rhs, lambda text: text.replace("\\%", ""), relation,
                            lambda v: v.status is Status.VERIFIED, decide, **options)


FACTOR_BEFORE_BRACKET = ("holds with the letter before a bracket read as a factor (P(1 + i)^n, an amount times a "
                         "growth factor), not as the function such a letter often names: not decided")
# a letter that names a function as often as a quantity (see FUNCTION_LETTERS), subscripted or not, before
# a bracket that adds a number to a letter: P(1 + i)^n, P_0(1 + r)^{t}, Q(1 - p)^2 (not f(\mathbf{w}))
_FUNCTION_LETTER_BRACKET = re.compile(r"(?<![\\A-Za-z])([fghFGHpqPQLJ](?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*"
                                      r"(?=(?:\\left\s*)?\(\s*\d+(?:\.\d+)?\s*[-+])")


def _function_letters_as_factors_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step holds once the letters that often name functions (P, Q, f, ...) are read
    as factors of the brackets after them: ``P(1 + i)^n = P(1 + i)(1 + i)^{n-1}``, a principal grown by
    compound interest. The checker reads such a letter as a function unless it also stands alone in
    the step, and read so the step is false; which one the author means only the prose says. A slip
    fails in both readings and stays refuted. Asked of refuted steps only."""
    if relation not in EQUALITY:
        return False
    return _holds_rewritten(lhs, rhs, lambda text: _FUNCTION_LETTER_BRACKET.sub(lambda m: m.group(1) + "\\cdot ", text),
                            relation, lambda v: v.status is Status.VERIFIED, decide, **options)


DEGREES_LABEL = "holds with ^\\circ read as degrees of temperature (20 + 70 = 90^\\circ), not an angle in radians"
# a degree sign, bare or braced: 90^\circ, 90^{\circ}
_DEGREE_SIGN = re.compile(r"\^\s*(?:\\circ|\{\s*\\circ\s*\})")
# minutes of arc after the degrees (40^\circ 30'): an angle for sure
_ARC_MINUTES = re.compile(r"\\circ\s*\}?\s*\d+(?:\.\d+)?\s*'")


def _temperature_degrees_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step that writes a degree sign, and no trigonometric function (where only an
    angle makes sense), is no longer refuted once the sign is read as the label of a temperature
    (``T(0) = 20 + 70 = 90^\\circ``, as cooling laws and lab notes write it). Asked of refuted steps only."""
    text = lhs + " " + rhs
    # (a phasor's angle, 5 \\angle 30^\\circ, is an angle as surely as a sine's argument)
    if "\\circ" not in text or any(name in text for name in _TRIG_NAMES) or "\\angle" in text \
            or _ARC_MINUTES.search(text):
        return False
    return _holds_rewritten(lhs, rhs, lambda side: _DEGREE_SIGN.sub("", side), relation,
                            lambda v: v.status is not Status.REFUTED, decide, **options)


TRAILING_ARGUMENT = "holds with the letters after a bracketed argument read into it (\\cos(a+b)t as \\cos((a+b)t))"
# a trigonometric function with a bracketed argument: signals courses write \cos(\omega_c+\omega_m)t for
# the cosine of (\omega_c+\omega_m)t, where the product reading takes the t out of the argument
_TRIG_BRACKET = re.compile(r"\\(?:sin|cos|tan|sinh|cosh|tanh)\s*(?:\\left\s*)?\(")
_TRIG_NAMES = frozenset({"\\sin", "\\cos", "\\tan", "\\sinh", "\\cosh", "\\tanh"})


def _trailing_arguments_hold(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step holds once the letters written right after a trigonometric function's
    bracketed argument are read into it (``\\cos(\\omega_c+\\omega_m)t = \\cos(\\omega_c t+\\omega_m t)``), as
    signals and physics notes write a frequency times time. Asked of refuted steps only."""
    if not (_TRIG_BRACKET.search(lhs) or _TRIG_BRACKET.search(rhs)):
        return False
    try:
        return _holds_rewritten(lhs, rhs, _trailing_letters_read_in, relation,
                                lambda v: v.status is Status.VERIFIED, decide, **options)
    except ParseFailure:
        return False


def _trailing_letters_read_in(text: str) -> str:
    """``text`` with each ``\\cos(X)t`` (and the other trigonometric functions) written ``\\cos((X)t)``:
    the letters (with their subscripts) that directly follow the closing bracket join the argument."""
    tokens = tokenize(text)
    edits: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.kind != "cmd" or token.text not in _TRIG_NAMES:
            continue
        opening = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == "\\left")
        close = closing(tokens, opening) if opening < len(tokens) and tokens[opening].text == "(" else None
        if close is None:
            continue
        end = _letters_end(tokens, close + 1)
        if end > tokens[close].end:
            edits.append((tokens[i + 1].start, end))
    for start, end in reversed(edits):  # later edits first, so earlier offsets still hold
        text = text[:start] + "(" + text[start:end] + ")" + text[end:]
    return text


def _letters_end(tokens: list[Token], k: int) -> int:
    """Where the run of letters (Latin or Greek, each with an optional subscript) from token ``k`` ends
    in the source; the start of token ``k`` when none follows unspaced."""
    end = tokens[k - 1].end
    while k < len(tokens) and not tokens[k].spaced and (
            tokens[k].kind == "letter" or tokens[k].kind == "cmd" and tokens[k].text[1:] in GREEK):
        end, k = tokens[k].end, k + 1
        if k + 1 < len(tokens) and tokens[k].text == "_":
            if tokens[k + 1].kind in ("letter", "num"):
                end, k = tokens[k + 1].end, k + 2
            elif tokens[k + 1].kind == "open":
                depth = 0
                for m in range(k + 1, len(tokens)):
                    depth += {"open": 1, "close": -1}.get(tokens[m].kind, 0)
                    if depth == 0:
                        end, k = tokens[m].end, m + 1
                        break
                else:
                    return end
    return end


CONDITION_FOLLOWS = "a condition follows the step (\\text{if } p_i = p): decided without it"
# a relation sign of a stated condition: =, \equiv, \le, <, \neq, \in ...
_CONDITION_SIGN = re.compile(r"=|<|>|\\(?:equiv|le|ge|leq|geq|neq|ne|in|to)(?![A-Za-z])")
# a bracketed condition after a space: \qquad (p_i = p), \quad [x > 0]
_BRACKETED_CONDITION = re.compile(r"(?:\\q?quad|\\[,;: ]|,|~)\s*(?:\\left)?[(\[]([^()\[\]]*)(?:\\right)?[)\]]"
                                  r"\s*[.,;]?\s*$")


def _condition_follows(lhs: str, rhs: str) -> bool:
    """Whether the right side ends in a stated condition with a relation of its own (``n\\log p \\quad
    \\text{if all } p_i = p``, ``, \\quad p_i = p``, ``\\qquad (p_i = p)``): the step holds under it, a
    substitution the check does not make. Asked of refuted steps only."""
    if not _CONDITION_SIGN.search(rhs):
        return False  # cheap gate: no relation sign at all
    bracket = _BRACKETED_CONDITION.search(rhs)
    if bracket is not None and _CONDITION_SIGN.search(bracket.group(1)) is not None:
        condition = bracket.group(1)
    elif find_relations(rhs, annotations=False):
        mark = _CONDITION_MARK.search(rhs)
        condition = rhs[mark.start():] if mark is not None else rhs
    else:
        return False
    # only a condition on the step's own letters (2 + 2 = 5 \quad \text{for } n = 1 stays wrong)
    return bool(_letters_of(condition) & _letters_of(lhs))


def _note_states_condition(step: str, note: str) -> bool:
    """Whether an annotation column beside the step (``&& (u = \\sin x)``, ``&& \\text{if } b = 0``,
    ``&& \\text{for $n = 1$}``) states a condition on a letter of the ``step`` (its two sides): as for a
    condition after the math (see _condition_follows), the step may hold under it, a substitution the
    check does not make."""
    if not _CONDITION_SIGN.search(note):
        return False
    # math set inside the words ($n = 1$), and letters named in them (\text{if all x > 0})
    inline = " ".join(re.findall(r"\$([^$]*)\$", note))
    words = {w for group in _TEXT_GROUP.findall(note) for w in re.findall(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])", group)}
    return bool((_letters_of(note) | _letters_of(inline) | words) & _letters_of(step))


_TEXT_GROUP = re.compile(r"\\(?:text|mbox|textrm)\s*\{([^{}]*)\}")


# where a condition after the math begins: a space, a comma, words
_CONDITION_MARK = re.compile(r"\\q?quad(?![A-Za-z])|\\(?:text|mbox|textrm)\s*\{|,|\\[;:]")
_NOT_LETTERS = re.compile(r"\\(?:text|mbox|textrm|mathrm|operatorname)\s*\{[^{}]*\}|\\(?:q?quad|left|right|"
                          r"equiv|leq?|geq?|neq?|in|to|forall|mid|cdot|times|frac|sum|prod|log|ln|exp)(?![A-Za-z])")


def _letters_of(text: str) -> set[str]:
    """The letters (x, \\theta) a piece of math mentions, without words and operator names."""
    return set(re.findall(r"\\[A-Za-z]+|[A-Za-z]", _NOT_LETTERS.sub(" ", text)))


EQUATION_SOLVED = "an equation that the row beside it rearranges or solves, not an identity"
MODULUS_IN_PROSE = "the prose works modulo a number just before this step: residues, not real numbers, not decided"
EQUATION_CLAUSE = "an equation in a chain of implications (=>, <=>): a condition to solve, not an identity"


def _solved_beside(lhs: str, rhs: str, rows: tuple[str, ...], macros: Mapping[str, Macro]) -> bool:
    """Whether the lone equation ``lhs = rhs`` is one that a row beside it rearranges or solves
    (``3x + 5 = x - 7`` over ``2x = -12``; ``3x^2 + 3y^2y' = 6y + 6xy'`` over ``y'(3y^2 - 6x) = ...``;
    ``2q = 1 - q`` over ``q^* = 1/3``, the root named by a star):
    their differences ``lhs - rhs`` are proportional, or, in one unknown, share a root. Rows that
    write their own left sides, one under the other, state equations, not identities. Asked of
    refuted steps only."""
    for k in range(0, len(rows) - 1, 2):
        written = (lhs, rhs, rows[k], rows[k + 1])
        for texts in {written, tuple(_PRIMED_BRACKET.sub(r"\\cdot ", t) for t in written),
                      tuple(_STARRED.sub("", t) for t in written)}:
            try:
                mine = parse_math(rf"\left({texts[0]}\right) - \left({texts[1]}\right)", macros)
                other = parse_math(rf"\left({texts[2]}\right) - \left({texts[3]}\right)", macros)
                lowerer = Lowerer(Instance(3, {}, {}), classify_letters(mine, other))
                if equations.same_solutions(lowerer.lower(mine), lowerer.lower(other)):
                    return True
            except Exception:  # noqa: BLE001 - a row that cannot be read shows nothing
                continue
    return False


#: y'(3y^2 - 6x): in a row of implicit differentiation, the derivative times a bracket
_PRIMED_BRACKET = re.compile(r"(?<=')\s*(?=\(|\\left\()")
#: the star of p^*, q^{\ast}: the row that solves 2q = 1 - q names its root q^* (an equilibrium, an optimum)
_STARRED = re.compile(r"\^\s*(?:\{\s*(?:\*|\\ast|\\star)\s*\}|\*|\\(?:ast|star)(?![A-Za-z]))")


#: a level in decibels, 10 or 20 times a common logarithm (\log without a base, or \lg, is the common one
#: in acoustics: 10\log 2 = 3 dB)
_DECIBELS = re.compile(r"(?<![\d.])[12]0\s*(?:\\cdot\s*)?\\(?:log_\s*\{?\s*10\s*\}?|log(?![A-Za-z_])|lg(?![A-Za-z]))")
#: a whole number of decibels (``-3``, ``6\,\mathrm{dB}``) ending a step
_WHOLE_DECIBELS = re.compile(r"\s*(-?\s*\d{1,2})\s*(?:\\[,;:!]|\\ |~)*\s*"
                             r"(?:\\(?:mathrm|text|textrm|rm)\s*\{\s*dB\s*\}|dB)?\s*")
ROUNDED_DECIBELS = "holds with the level in decibels rounded to whole dB"
_COMMON_LOG = re.compile(r"\\(?:log(?![A-Za-z_])|lg(?![A-Za-z]))")


def _rounded_decibels(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted ``20\\log_{10}\\frac{1}{\\sqrt 2} = -3`` holds with its whole number of
    decibels read as rounded (to a tenth of a dB: ``-3.0``): levels are quoted in whole dB, and the
    -3 dB of a corner frequency is -3.01. Asked of refuted steps only; the slip of 10 for 20 (-6 dB
    for -3) is off by far more."""
    if relation not in EQUALITY or not (_DECIBELS.search(lhs) or _DECIBELS.search(rhs)):
        return False
    for side, other, left in ((rhs, lhs, False), (lhs, rhs, True)):
        whole = _WHOLE_DECIBELS.fullmatch(side)
        if whole is None or not _DECIBELS.search(other):
            continue
        rounded = whole.group(1).replace(" ", "") + ".0"
        # (a level's logarithm is the common one, whatever base \log alone has elsewhere)
        other = _COMMON_LOG.sub(r"\\log_{10}", other)
        pair = (rounded, other) if left else (other, rounded)
        if decide(*pair, relation, explain=False, **options).status is Status.VERIFIED:
            return True
    return False


ROUNDED_TO_WHOLE = "a number rounded up or down to a whole one (a count: n = 216.09 = 217)"
#: a side that is only a written decimal, or a whole number, with a sign at most
_WRITTEN_DECIMAL = re.compile(r"\s*-?\s*\d+\.\d+\s*")
_WRITTEN_WHOLE = re.compile(r"\s*-?\s*\d+\s*")


INDICATOR_DOMAIN = ("holds where the inequality of an indicator is otherwise (at points off the sampled ones, "
                    "with negative letters): a domain question, not decided")


def _indicator_holds_elsewhere(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step with the indicator of an inequality holds at some point off the sampled
    ones (``1[a > b] = 0`` wherever a < b): the sampled letters are positive, and which side of its
    inequality the step means is the prose's to say."""
    if relation not in EQUALITY:
        return False
    try:
        left, right = coherent_applications(parse_math(lhs, macros), parse_math(rhs, macros))
    except (ParseFailure, RecursionError):
        return False
    if not any(real_indicator(x) for tree in (left, right) for x in tree.walk()):
        return False
    try:
        return holds_off_samples(Comparator(Parsed(left, right, classify_letters(left, right)), relation, seed))
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 -- a reading that cannot be built decides nothing
        return False


WRITTEN_PRODUCT_REPLACED = ("writes a matrix's product with a written vector on one side only (A times a column "
                            "of numbers): its value may be given elsewhere (A\\mathbf{v} = \\mathbf{0}), not decided")


def _products_with_written(tree: n.Node, matrices: frozenset[str]) -> set:
    """The letters (as structures) that multiply a written matrix or column next to them
    (``A\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}``): matrices whose values nothing here gives."""
    def capital(node: n.Sym) -> bool:
        # (a plain capital before a written column is a matrix in the reading that multiplies them)
        return len(node.base) == 1 and node.base.isupper() and not node.style and not node.indices

    def written(node: n.Node) -> bool:
        # a written column, or a bracket around an expression of them: T(\mathbf{u} - 2\mathbf{v}) written out
        return isinstance(node, n.MatrixLit) and not node.det or isinstance(node, n.Paren) and any(
            isinstance(y, n.MatrixLit) and not y.det for y in node.walk())

    found = set()
    for x in tree.walk():
        if isinstance(x, n.Apply) and (x.func.key in matrices or capital(x.func)) \
                and any(isinstance(y, n.MatrixLit) and not y.det for a in x.args for y in a.walk()):
            found.add(n.structure(x.func))  # T(\begin{pmatrix} .. \end{pmatrix}): a map at a written column
        if isinstance(x, n.Mul):
            run: list[n.Node] = []  # (the letters of MN\mathbf{v} all act on the column)
            for factor in x.factors:
                if isinstance(factor, n.Sym) and factor.base != "I" and (factor.key in matrices or capital(factor)):
                    run.append(factor)
                    continue
                if written(factor):
                    found.update(n.structure(letter) for letter in run)
                run = []
    return found


def _written_product_replaced(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether a letter multiplies written vectors on one side only: ``A^{-1}(A\\mathbf{v}) =
    A^{-1}\\mathbf{0}`` puts in a value of A\\mathbf{v} that the prose gives (a proof by contradiction),
    which a random A cannot have. Where both sides multiply written vectors by it (A\\mathbf{u} +
    A\\mathbf{v} = 2A\\mathbf{w}), the step is about A itself and stays decided."""
    if "\\begin" not in lhs + rhs and not macros:
        return False
    try:
        left, right = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return False
    matrices = classify_letters(left, right).matrices
    return _products_with_written(left, matrices) != _products_with_written(right, matrices)


def _rounds_to_whole(lhs: str, rhs: str) -> bool:
    """Whether a refuted step only rounds a written decimal to a neighbouring whole number, up or down
    (``216.09 = 217``): a sample size, a number of buses or of whole years is rounded up, a number of
    whole items that fit down, and notes write that last line of a computation with "=". Nothing is
    computed in such a step, so there is no slip of arithmetic to miss but a misread count. Asked of
    refuted steps only."""
    if not _WRITTEN_DECIMAL.fullmatch(lhs) or not _WRITTEN_WHOLE.fullmatch(rhs):
        return False
    value, whole = Fraction(lhs.replace(" ", "")), Fraction(rhs.replace(" ", ""))
    return value.denominator != 1 and math.floor(value) <= whole <= math.ceil(value)


CHOPPED_DECIMAL = ("a decimal cut off after its last digit rather than rounded (chopping: 2/3 = 0.6666), as "
                   "notes on floating point do: not decided")


#: dots that end a written decimal: its digits go on (a row's full stop may have taken one of three)
_DIGITS_GO_ON = re.compile(r"(?<=\d)\s*(?:\.{2,3}|\\(?:ldots|dots|cdots)(?![A-Za-z]))\s*$")


def _chopped_decimal(lhs: str, rhs: str, macros: Mapping[str, Macro], stated: bool = False) -> bool:
    """Whether a refuted step equates a side without letters to a decimal of three significant digits or
    more that is its value chopped (cut off toward zero) to the digits written: ``\\sqrt{3} = 1.7320``.
    Rounding is the reading that verifies, but truncation is a rounding mode of its own (numerical
    analysis teaches both), so such a decimal is no slip; one off in any other way stays refuted.
    Dots after the digits (``\\frac{2}{3} = 0.666\\ldots``, ``0.66...``) say they are cut off, however few.
    Prose that says the passage cuts its decimals off (``stated``, see chopping.py) does so for any.
    Asked of refuted steps only."""
    for written, other in ((rhs, lhs), (lhs, rhs)):
        going_on = _DIGITS_GO_ON.search(written)
        if going_on is not None:
            written = written[:going_on.start()]
        if not _WRITTEN_DECIMAL.fullmatch(written):
            continue
        digits = written.replace(" ", "").lstrip("-").split(".")
        if going_on is None and not stated and len((digits[0] + digits[1]).lstrip("0")) < 3:
            continue
        try:
            value = side_value(parse_math(other, macros))
        except (ParseFailure, RecursionError):
            continue
        if value is None or not value.is_real:
            continue
        places = len(digits[1])
        exact = Fraction(str(value))  # 30 significant digits: far below the last digit written
        scaled = exact * 10 ** places
        chopped = Fraction(math.floor(scaled) if scaled >= 0 else math.ceil(scaled), 10 ** places)
        if chopped == Fraction(written.replace(" ", "")) and exact != chopped:
            return True
    return False


ROUNDED_VALUE_PUT_IN = "holds with a number put in for a part of the line before, rounded (5\\sqrt{2} = 5(1.4))"
#: a decimal written somewhere in a side: the cheap test before any parsing
_WRITTEN_DECIMAL_IN = re.compile(r"\d\.\d")


def _puts_in_rounded_value(lhs: str, rhs: str, relation: str, decide: Decide, **options) -> bool:
    """Whether a refuted step only puts in, for parts of the left side without letters (``e^{-1}``,
    ``(1.05)^{10}``, ``\\frac{8}{6}``), decimals that are their values rounded to the digits written
    (``12(1 - e^{-1}) = 12(1 - 0.37)``): worked examples carry a value rounded to two digits into the
    next line, and the step then differs by that rounding, however short the decimal (which
    ``decimal_tolerance`` reads as data when it stands inside a side). It must hold with the parts put
    back for the numbers; a part replaced by a number it does not round to is still refuted. Asked of
    refuted steps only."""
    if not _WRITTEN_DECIMAL_IN.search(rhs):
        return False
    try:
        left, right = parse_math(lhs, options["macros"]), parse_math(rhs, options["macros"])
    except (ParseFailure, RecursionError):
        return False
    pairs = _differences(left, right)
    if not pairs or len(pairs) > MAX_ROUNDED_PARTS:
        return False
    kinds = [_rounded_part(p, lhs, rhs) for p in pairs]
    # whole numbers put in beside them (\frac{1}{0.2} - \frac{1}{0.3} = 5 - 3.33) are exact, so the
    # difference the step shows is the rounding of its decimals: at least one must be rounded
    if not all(kinds) or ROUNDED not in kinds:
        return False
    restored = rhs
    for part, number in sorted(((p, _inside_brackets(q)) for p, q in pairs), key=lambda x: -x[1].start):
        restored = f"{restored[:number.start]}{{({lhs[part.start:part.end]})}}{restored[number.end:]}"
    return decide(lhs, restored, relation, explain=False, **options).status is Status.VERIFIED


MAX_ROUNDED_PARTS = 4  # \sqrt 2 + \sqrt 3 = 1.4 + 1.7; more is a line computed afresh, not parts put in


ROUNDED, EXACT = "rounded", "exact"


def _rounded_part(pair: tuple[n.Node, n.Node], lhs: str, rhs: str) -> str:
    """Whether the right node of a pair is a number written for the left one, a part without letters
    that is not itself a number (one number for another is a slip of copying): ``ROUNDED`` for a
    decimal that is its value rounded to its digits, ``EXACT`` for the whole number that is its value
    (``\\frac{1}{0.2}`` put in as 5, beside a rounded part), and "" for anything else."""
    part, number = pair[0], _inside_brackets(pair[1])
    if not isinstance(number, n.Num) or rhs[number.start:number.end].strip() != number.value:
        return ""
    if isinstance(_inside_brackets(part), (n.Num, n.Repeating)) or any(isinstance(x, (n.Sym, n.Apply)) for x in part.walk()):
        return ""
    value = side_value(part)
    if value is None:
        return ""
    off = abs(Fraction(str(value)) - Fraction(number.value))
    if "." not in number.value:
        # a whole number claims no rounding: only its exact value is put in (5 for \frac{1}{0.22} is a slip)
        return EXACT if off <= Fraction(1, 10**20) * max(1, abs(Fraction(number.value))) else ""
    # a thousandth more than the half unit: the value is a float, and 0.125 rounds to 0.13 (or 0.12)
    if off > _half_unit(number) * Fraction(1001, 1000):
        return ""
    written = Fraction(number.value)
    # a tie to float precision only: 0.74996 rounds to 0.7 as it should
    tie = abs(off - _half_unit(number)) <= _half_unit(number) / 10**6
    # \frac34 put in as 0.7: a tie rounded down to an odd digit, which neither half up nor half to even
    # writes (see tolerance.rounded_down_past_tie)
    odd_digit = int(number.value.replace(".", "")[-1]) % 2 == 1
    return "" if tie and 0 < written < Fraction(str(value)) and odd_digit else ROUNDED


def _inside_brackets(node: n.Node) -> n.Node:
    while isinstance(node, n.Paren):
        node = node.inner
    return node


def _differences(left: n.Node, right: n.Node) -> list[tuple[n.Node, n.Node]]:
    """The smallest pairs of subtrees outside which two trees are alike (their nodes' own fields, such as
    signs, aside: ``_puts_in_rounded_value`` checks the step again with the parts put back)."""
    if n.structure(left) == n.structure(right):
        return []
    a, b = left.children(), right.children()
    if type(left) is not type(right) or isinstance(left, n.Num) or len(a) != len(b) \
            or (isinstance(left, n.Paren) and isinstance(_inside_brackets(right), n.Num)):
        return [(left, right)]
    return [pair for x, y in zip(a, b) for pair in _differences(x, y)]


def _delta_operators(nodes: list[n.Node]) -> bool:
    """Whether a delta stands both before a bracket and before a letter of that bracket (the nodes of
    a step's two sides): a variation or a difference, \\delta(xy) = x\\,\\delta y + y\\,\\delta x."""
    # (delta, a letter it is applied to inside a bracket) and (delta, the letter it stands before): a
    # parameter (Huber's delta(|u| - delta/2) = delta|u| - ...) stands before no letter of its bracket
    applied = {(x.func.base, y.base) for x in nodes if isinstance(x, n.Apply) and isinstance(x.func, n.Sym)
               and x.func.base in DELTA_OPERATORS and not x.func.indices and x.bracket == "("
               for y in x.walk() if isinstance(y, n.Sym) and y is not x.func}
    before = {(f.base, g.base) for x in nodes if isinstance(x, n.Mul) for f, g in zip(x.factors, x.factors[1:])
              if isinstance(f, n.Sym) and f.base in DELTA_OPERATORS and not f.indices and isinstance(g, n.Sym)}
    return bool(applied & before)


_DELTA_WORD = re.compile(r"\\(?:delta|Delta)(?![A-Za-z])")


def as_differentials(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> tuple[str, str] | None:
    """The step with its deltas written as differentials (``\\delta(xy) = y\\,\\delta x`` as ``d(xy) = y\\,dx``),
    where a delta stands before a bracket and before a letter (see _delta_operators); None elsewhere. A
    step the product reading verifies must hold so too: read as a variation, \\delta(xy) = y\\,\\delta x
    loses a term."""
    try:
        trees = [parse_math(lhs, macros), parse_math(rhs, macros)]
    except (ParseFailure, RecursionError):
        return None
    if not _delta_operators([x for tree in trees for x in tree.walk()]):
        return None
    return _DELTA_WORD.sub(r"\\mathrm{d}", lhs), _DELTA_WORD.sub(r"\\mathrm{d}", rhs)


def _operator_refusal(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> str | None:
    """Why a refuted step is not an error when it rests on reading an operator as a product: a star
    (``x * y = x + y + xy`` defines a group's law, ``a * e = a`` uses one; as a product the star can
    only be confirmed), or a delta written both before a bracket and before a letter (``\\delta(xy) =
    x\\,\\delta y + y\\,\\delta x`` a variation, ``\\Delta(xy)`` a finite difference). Only refuted steps
    get here, so no other step pays for it."""
    try:
        trees = [parse_math(lhs, macros), parse_math(rhs, macros)]
    except (ParseFailure, RecursionError):
        return None
    nodes = [x for tree in trees for x in tree.walk()]
    # a star beside a derivative or an integral is a notebook's product (\frac{\partial}{\partial w}(w*x - y)^2):
    # an operation of the prose's own (a group's law, a t-norm) is not differentiated or integrated
    if reads_star_product(*trees) and not any(isinstance(x, (n.Deriv, n.DerivBy, n.Integral)) for x in nodes):
        return STAR_OPERATION
    if _delta_operators(nodes):
        return DELTA_OPERATOR
    if _arithmetic_sigma(nodes):
        return ARITHMETIC_SIGMA
    if refusals.legendre_symbols(trees):
        return LEGENDRE_SYMBOL
    if refusals.family_members(trees):
        return FAMILY_MEMBER
    if refusals.dispersion_sigma(nodes) or refusals.variable_subscript(nodes):
        return DISPERSION_OF_VARIABLE
    if refusals.slots_moved(nodes):
        return SLOT_ORDER
    return CONDITION_DROPPED if _conditions_differ(nodes) else None


def _arithmetic_sigma(nodes: list[n.Node]) -> bool:
    """Whether sigma is applied to a whole number (``\\sigma(6) = 1 + 2 + 3 + 6``, ``\\sigma(2^4)``,
    ``\\sigma(2^3 \\cdot 7)``): in number theory the sum of divisors, which the sigmoid this checker
    reads sigma as (in (0, 1)) never matches."""
    return any(isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.base == "\\sigma"
               and not x.func.indices and len(x.args) == 1 and _whole_number(x.args[0]) for x in nodes)


def _whole_number(node: n.Node) -> bool:
    """Whether ``node`` is a whole number written with digits, powers and products only (``28``,
    ``2^4``, ``2^2 \\cdot 7``), as number theory writes the argument of an arithmetic function."""
    while isinstance(node, n.Paren):
        node = node.inner
    if isinstance(node, n.Num):
        return node.value.isdigit()
    if isinstance(node, n.Pow):
        return _whole_number(node.base) and _whole_number(node.exp)
    if isinstance(node, n.Mul):
        return all(_whole_number(f) for f in node.factors)
    return False


LIBRARY_REDEFINED = ("the document gives {} a meaning of its own (the sum of divisors?), and the step fails "
                     "only with it read as the library function: not decided")


def _library_redefined(refuted: "_Refuted") -> str | None:
    """Why a step is not refuted that applies a name the checker reads as a library function
    (``\\sigma`` the logistic function) when the document states a value of that name itself (``let
    $\\sigma(n) = \\sum_{d \\mid n} d$``): a definition the checker cannot put in (a sum over divisors)
    leaves the library reading in place, which is not the document's."""
    # (a value the checker reads is put in for the library reading, and decides the step as written)
    named = {item.name for item in refuted.context if item.kind == NAMED}
    if not named & set(LIBRARY):
        return None
    try:
        trees = [parse_math(refuted.lhs, refuted.macros), parse_math(refuted.rhs, refuted.macros)]
    except (ParseFailure, RecursionError):
        return None
    for x in (x for tree in trees for x in tree.walk()):
        if isinstance(x, n.Apply) and is_library(x) and x.func.key in named:
            return LIBRARY_REDEFINED.format(x.func.key)
    return None


#: functions whose argument is a phase that notes write as a letter times a bracket, \sin k(x + ct)
_WAVE_FUNCTIONS = frozenset({"sin", "cos", "tan", "sinh", "cosh", "tanh", "exp"})


def _reach_point(x: n.Node) -> int:
    """In a product, the position of a function whose bare argument is a number or a fraction and
    that a bracket or a sum (or, after a fraction, another fraction) follows (``\\log\\frac{1}{N}\\sum_i e^{x_i}``, ``\\log\\frac{1}{2}(a + b)``), or
    a letter that a bracketed letter follows at once (``\\log r(y)``), or
    of a log of a bracket with a power that more factors follow (``\\log(2\\pi e)^d |\\Sigma|``); -1 if
    none. Read as written the function stops at the fraction (or the bracket); the author may mean
    the log of the mean (of the product)."""
    if not isinstance(x, n.Mul):
        return -1
    for k, (f, g) in enumerate(zip(x.factors, x.factors[1:])):
        if not isinstance(f, n.Func) or len(f.args) != 1 or x.ops and x.ops[k] != "":
            continue  # \log 2 \cdot (x + 1) says where the log ends
        if f.power is None and f.end == f.args[0].end and isinstance(f.args[0], (n.Num, n.Div)) \
                and (isinstance(g, (n.Paren, n.BigOp)) or isinstance(g, n.Div) and isinstance(f.args[0], n.Div)):
            # (and a fraction after the fraction, \log\frac{p(x, z)}{q(z)}\frac{q(z)}{p(z \mid x)}: the log
            # of the product, as the ELBO's derivation writes it, or the log of the first times the second)
            return k
        if f.power is None and f.end == f.args[0].end == g.start and isinstance(f.args[0], n.Sym) \
                and isinstance(g, n.Paren) and (isinstance(g.inner, n.Sym) or f.name in _WAVE_FUNCTIONS):
            # \log r(y): the log of r, times y, or the log of r(y), as r(y) reads elsewhere; and a wave's
            # phase, \sin k(x - ct), \cos\omega(t - x/c), whose letter multiplies the bracket inside the sine
            return k
    for k, f in enumerate(x.factors[:-1]):
        if isinstance(f, n.Pow) and isinstance(f.base, n.Func) and f.base.name in ("log", "ln") \
                and len(f.base.args) == 1 and isinstance(f.base.args[0], n.Paren) and (not x.ops or x.ops[k] == ""):
            return k  # \log(2\pi e)^d |\Sigma|: the log of a product, or (\log 2\pi e)^d times |\Sigma|
    return -1


def _reached(tree: n.Node) -> n.Node:
    """``tree`` with each such function reaching over the factors after it."""
    def reach(x: n.Node) -> n.Node:
        k = _reach_point(x)
        if k < 0:
            return x
        f = x.factors[k]
        ops = x.ops or ("",) * (len(x.factors) - 1)
        if isinstance(f, n.Pow):  # (\log(a))^d b read as \log(a^d b)
            f, first = f.base, replace(f, base=f.base.args[0])
        else:
            first = f.args[0]
        inner = n.Mul(first.start, x.end, (first, *x.factors[k + 1:]), x.explicit, ops[k:])
        wide = replace(f, end=x.end, args=(inner,))
        if k == 0:
            return wide
        return replace(x, factors=(*x.factors[:k], wide), ops=ops[:k])
    return n.map_nodes(tree, reach)


def _function_reach(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step holds, or is not refuted, with a function reaching over the bracket or
    sum after its bare fraction (see _reach_point). Only refuted steps get here."""
    if relation not in EQUALITY | INEQUALITY or not any(token in lhs + rhs for token in ("\\log", "\\ln", "\\exp", "\\sin", "\\cos")):
        return False
    return _not_refuted_rewritten(lhs, rhs, relation, macros, seed, lambda x: _reach_point(x) >= 0, _reached)


def _not_refuted_rewritten(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                           applies: Callable[[n.Node], bool], rewrite: Callable[[n.Node], n.Node]) -> bool:
    """Whether the step, with both sides rewritten by ``rewrite`` (another reading of some notation that
    ``applies`` finds in it), holds or is not refuted; False where the notation is not written."""
    try:
        # as the step itself is read: a letter applied elsewhere in it is a function inside a bare log too
        trees = coherent_applications(parse_math(lhs, macros), parse_math(rhs, macros))
    except (ParseFailure, RecursionError):
        return False
    if not any(applies(x) for tree in trees for x in tree.walk()):
        return False
    try:
        left, right = rewrite(trees[0]), rewrite(trees[1])
        outcome, _ = Comparator(Parsed(left, right, classify_letters(left, right)), relation, seed).decide()
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 -- a reading that cannot be built refutes nothing
        return True
    return outcome.kind != "differ"


def _short_point(x: n.Node) -> bool:
    """A function whose bare argument is a product of factors (``\\cos^2\\theta E_1``): read as written
    the function reaches over every factor (up to a space, ``\\sin\\theta\\,\\phi``); physics
    notes as often mean it of the first factor alone, the rest a coefficient written after it
    (``\\cos^2\\theta E_1 + \\sin^2\\theta E_2``). A number first (``\\sin 2x``) always belongs to the argument."""
    if not isinstance(x, n.Func) or len(x.args) != 1 or x.primes or x.inverse:
        return False
    arg = x.args[0]
    # (a state after a function, \cos\frac{\theta}{2}|0\rangle, is already its coefficient's: see lower.py)
    return isinstance(arg, n.Mul) and len(arg.factors) >= 2 and x.end == arg.end \
        and not isinstance(arg.factors[0], n.Num) and not any(op for op in arg.ops) \
        and not any(isinstance(f, n.Ket) for f in arg.factors)


def _shortened(tree: n.Node) -> n.Node:
    """``tree`` with each such function applied to the first factor of its argument only."""
    def cut(x: n.Node) -> n.Node:
        if not _short_point(x):
            return x
        first, *rest = x.args[0].factors
        return n.Mul(x.start, x.end, (replace(x, end=first.end, args=(first,)), *rest))
    return n.map_nodes(tree, cut)


def _function_short_reach(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step holds, or is not refuted, with each function's bare argument cut after
    its first factor (see _short_point). Only refuted steps get here."""
    if relation not in EQUALITY | INEQUALITY:
        return False
    return _not_refuted_rewritten(lhs, rhs, relation, macros, seed, _short_point, _shortened)


def _definitions_short_reach(refuted: "_Refuted") -> bool:
    """Whether a step refuted through a definition whose body writes a function's bare argument before
    other factors (R_x(\\theta) = \\cos\\frac{\\theta}{2}I - i\\sin\\frac{\\theta}{2}X) is not refuted with that
    argument cut after its first factor, as _function_short_reach reads the step's own text: the
    definition is notation of the same author, read either way."""
    if refuted.relation not in EQUALITY | INEQUALITY or not refuted.verdict.definitions:
        return False
    rewritten, changed = [], False
    for item in refuted.context:
        named = f"{' '.join(item.lhs.split())} defined at {item.where}"
        body = _short_reach_bracketed(item.rhs, refuted.macros) \
            if item.kind in ("define", "result") and named in refuted.verdict.definitions else None
        changed |= body is not None
        rewritten.append(item if body is None else replace(item, rhs=body))
    if not changed:
        return False
    again = refuted.decide(refuted.lhs, refuted.rhs, refuted.relation, explain=False,
                           **{**refuted.options, "context": tuple(rewritten)})
    return again.status is not Status.REFUTED


def _short_reach_bracketed(text: str, macros: Mapping[str, Macro]) -> str | None:
    """``text`` with the first factor of each function's bare argument in brackets (see _short_point):
    \\cos\\frac{\\theta}{2}I as \\cos(\\frac{\\theta}{2})I; None where nothing is cut or ``text`` is not read."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return None
    cuts = sorted({(x.args[0].factors[0].start, x.args[0].factors[0].end) for x in tree.walk() if _short_point(x)},
                  reverse=True)
    if not cuts or any(not 0 <= a < b <= len(text) for a, b in cuts):
        return None
    for start, end in cuts:
        text = text[:start] + "\\left(" + text[start:end] + "\\right)" + text[end:]
    return text


def _conditions_differ(nodes: list[n.Node]) -> bool:
    """``p(x_t | x_{t-1}) = p(x_t | x_{t-1}, x_{t-2})``: the same distribution of the same variables,
    one conditioned on more than the other, states a conditional independence (a Markov property,
    naive Bayes), an assumption of the notes rather than an identity."""
    conditionals = [x for x in nodes if isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.given >= 0]
    for a, b in itertools.combinations(conditionals, 2):
        if a.func.base != b.func.base or a.given != b.given:
            continue
        if [n.structure(x) for x in a.args[:a.given]] != [n.structure(x) for x in b.args[:b.given]]:
            continue
        given_a = {n.structure(x) for x in a.args[a.given:]}
        given_b = {n.structure(x) for x in b.args[b.given:]}
        if given_a != given_b and (given_a <= given_b or given_b <= given_a):
            return True
    return False


def _states_symmetry(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether the right side is the left with two letters exchanged, where the letters are the
    arguments of functions or indices and each side a product (pi(x) P(x, y) = pi(y) P(y, x),
    pi_i P_{ij} = pi_j P_{ji}): such a step states a symmetry of what it names, a condition.
    Plain arithmetic (a - b = b - a) is not one."""
    try:
        left, right = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return False
    def said(tree: n.Node) -> tuple:  # what a side says, with where its conditioning bars stand
        return n.structure(tree), tuple(x.given for x in tree.walk() if isinstance(x, n.Apply))

    target, written = said(right), said(left)
    if target == written or not all(isinstance(side, n.Mul) for side in (left, right)):
        return False  # f(x) - f(y) = f(y) - f(x) is a sign slip, AB = BA a claim: a product is stated
    inner = set()  # letters standing as arguments or indices
    for tree in (left, right):
        for node in tree.walk():
            items = node.args if isinstance(node, n.Apply) else node.indices if isinstance(node, n.Sym) else ()
            inner.update(x.base for item in items for x in item.walk()
                         if isinstance(x, n.Sym) and not x.indices and not x.style)
    for a, b in itertools.combinations(sorted(inner), 2):
        swap = {a: b, b: a}
        swapped = n.map_nodes(left, lambda x: replace(x, base=swap[x.base])
                              if isinstance(x, n.Sym) and x.base in swap and not x.style else x)
        if said(swapped) == target:
            return True
    return False


#: a letter written beside its complement to one (\lambda and 1 - \lambda, p and 1 - p): a weight of a
#: convex combination or a probability, which the sampled points outside (0, 1) are not
WEIGHTS = "holds with {} in (0, 1): weights or probabilities, as 1 - {} written beside says"


def _complemented_letters(tree: n.Node) -> list[n.Sym]:
    """The plain letters that ``tree`` writes as ``1 - w`` (or ``-w + 1``)."""
    found = []
    for node in tree.walk():
        if not isinstance(node, n.Add) or len(node.terms) != 2:
            continue
        one = [t for t in node.terms if t.sign == "+" and isinstance(t.node, n.Num) and t.node.value == "1"]
        less = [t.node for t in node.terms if t.sign == "-" and isinstance(t.node, n.Sym)]
        if one and less and not less[0].indices and not less[0].labels and not less[0].primes:
            found.append(less[0])
    return found


def _holds_as_weights(s: "_Refuted") -> str | None:
    """The reason an inequality refuted at a point where a letter written as ``1 - w`` is outside
    (0, 1) is no error: the step holds (at the sampled points) with those letters in (0, 1). Jensen's
    and the convexity inequality, f(tx + (1 - t)y) <= t f(x) + (1 - t) f(y), hold for weights only, a
    range the prose gives in words ("weights t and 1 - t") if at all. An equality is decided at every
    point alike and needs no such range."""
    if s.relation not in INEQUALITY:
        return None
    try:
        trees = [parse_math(text, s.macros) for text in (s.lhs, s.rhs)]
    except (ParseFailure, RecursionError):
        return None
    letters = {x.key: x for tree in trees for x in _complemented_letters(tree)}
    if not letters:
        return None
    point = dict(s.verdict.counterexample)
    shown = sorted(letters)
    def outside(value: str) -> bool:
        try:
            return not 0 < float(value) < 1
        except ValueError:
            return True  # (not a number: nothing says the weight was in range)
    if point and not any(name in point and outside(point[name]) for name in shown):
        return None  # the counterexample already has every weight in (0, 1): a weight range changes nothing
    ranges = tuple(item for key in shown
                   for item in (ContextItem("assume", "", "0", "<", key, "", 0, True, ""),
                                ContextItem("assume", "", key, "<", "1", "", 0, True, "")))
    options = {**s.options, "context": (*s.context, *ranges)}
    if s.decide(s.lhs, s.rhs, s.relation, explain=False, **options).status is Status.REFUTED:
        return None
    return WEIGHTS.format(", ".join(shown), shown[0])


@dataclass(frozen=True)
class _Refuted:
    """A refuted step with what it was decided with: what the conventions below are asked of."""

    lhs: str
    rhs: str
    relation: str
    macros: Mapping[str, Macro]
    first: bool
    seed: int
    context: tuple[ContextItem, ...]
    indefinite: bool
    rows: tuple[str, ...]
    clause: bool
    derived: bool
    verdict: Verdict
    # how check.py decides a rewritten form of the step (its _check_step, without the readings tried
    # after a verdict) and a whole step (check_step): handed in, since check.py imports this module
    decide: Decide
    check: Decide
    modular_prose: bool | tuple[int, ...] = False

    @property
    def options(self) -> dict:
        """The options to decide a rewritten form of the step with, as it was decided."""
        return dict(macros=self.macros, first=self.first, seed=self.seed, context=self.context,
                    indefinite=self.indefinite)


def _side_values(refuted: _Refuted) -> list | None:
    """The two sides of a refuted step lowered once, as they are (no instance of any reading); None
    where a side cannot be lowered or is no scalar. (An operator set equal to 0, ``\\ket{0}\\bra{0} +
    \\ket{1}\\bra{1} = 0``, lowers to a matrix beside a number: the callers subtract the sides as numbers,
    and a matrix has no residue or bit value.)"""
    import sympy as sp  # (SymPy only for a refuted step)
    values = []
    for text in (refuted.lhs, refuted.rhs):
        try:
            tree = parse_math(text, refuted.macros)
            value = Lowerer(Instance(3, {}, {}), classify_letters(tree)).lower(tree)
        except Exception:  # noqa: BLE001 -- any failure: the callers say what a side without a value means
            return None
        if not isinstance(value, sp.Expr) or value.is_Matrix:  # (an immutable matrix is an Expr too)
            return None
        values.append(value)
    return values


def _congruent_modulo_prose(refuted: _Refuted) -> bool:
    """Whether the step of numbers may hold as residues modulo what the prose just above works
    modulo: its sides are congruent modulo one of the whole numbers the prose names (``25 = 4`` under
    "in $\\mathbb{Z}_7$"), or the prose names none, or the sides are not exact rational numbers.
    (``\\varphi(100) = 50`` below "modulo $11$" and "modulo $13$" is no residue equation.)"""
    if not isinstance(refuted.modular_prose, tuple):
        return True
    import sympy as sp  # (SymPy only for a refuted step)
    values = _side_values(refuted)
    if values is None:
        return True  # a side without an exact value may hold as residues
    difference = values[0] - values[1]
    if not isinstance(difference, sp.Rational):
        return True
    top, bottom = int(difference.p), int(difference.q)
    return any(top % m == 0 and math.gcd(bottom, m) == 1 for m in refuted.modular_prose)


#: a whole number written in a step: bits are the numbers 0 and 1 alone
_WHOLE_NUMBER = re.compile(r"(?<![\\A-Za-z])\d+(?:\.\d+)?")
BITS_MODULO_TWO = "bits that agree modulo 2 (1 + 1 = 0): may be arithmetic in GF(2), not decided"


def _bits_modulo_two(refuted: _Refuted) -> bool:
    """Whether a step of numbers adds bits that agree modulo 2 (``1\\cdot(1+1) + 1 = 1\\cdot 0 + 1``): a
    sum of 0s and 1s that is off by an even number is XOR arithmetic, as the prose of a binary code
    or of the field $\\mathbb{Z}_2$ says, and an author who adds real numbers writes no such slip.
    (Only sums: ``1 - 1 + 1 = -1`` is no arithmetic of bits.)"""
    text = refuted.lhs + " " + refuted.rhs
    numbers = _WHOLE_NUMBER.findall(text)
    if "+" not in text or "-" in text or not numbers or any(number not in ("0", "1") for number in numbers) \
            or modular.has_letters(text, refuted.macros):
        return False
    import sympy as sp  # (SymPy only for a refuted step)
    values = _side_values(refuted)
    if values is None:
        return False  # a side without an exact value is not known to be bits
    difference = sp.nsimplify(values[0] - values[1])
    return isinstance(difference, sp.Integer) and int(difference) % 2 == 0


def letters_in_residue_prose(refuted: _Refuted) -> bool:
    """Whether a refuted equation with letters may hold in the ring of residues the prose just above
    works in (see _letters_as_residues). check.py asks the definitions in force first: a step they
    verify (2^{n-m}(1 + n) = 2^n under n = 2^m - 1) is no step of residues."""
    return bool(refuted.modular_prose) and refuted.relation in EQUALITY \
        and modular.has_letters(refuted.lhs + " " + refuted.rhs) and _letters_as_residues(refuted)


def _letters_as_residues(refuted: _Refuted) -> bool:
    """Whether a step with letters may hold in the ring the prose just above works in: over
    $\\mathrm{GF}(2)$ (a whole-number modulus) when the two sides differ by a polynomial whose integer
    coefficients that modulus divides (``(a+b)^2 = a^2 + b^2``, ``x + x = 0``), or when a relation the
    prose states on its letters may reduce it (``\\alpha^3 = \\alpha + 1`` in a field of 8 elements); in
    characteristic $p$ or $\\mathbb{F}_q$ (no whole number named) whatever the difference is, since the
    modulus and the relations of the field are not known. A slip that no named modulus excuses
    (``(a+b)^2 = a^2 + ab + b^2`` over $\\mathbb{F}_2$) stays refuted."""
    if not isinstance(refuted.modular_prose, tuple):
        return True
    import sympy as sp  # (SymPy only for a refuted step)
    values = _side_values(refuted)
    if values is None:
        return True  # a side not read as a polynomial may hold as residues
    difference = sp.expand(values[0] - values[1])
    letters = sorted(difference.free_symbols, key=str)
    try:
        coefficients = sp.Poly(difference, *letters).coeffs() if letters else [difference]
    except sp.PolynomialError:
        return True
    if not all(isinstance(c, sp.Rational) for c in coefficients):
        return True
    if any(all(int(c.p) % m == 0 and math.gcd(int(c.q), m) == 1 for c in coefficients)
           for m in refuted.modular_prose):
        return True
    # a relation on the step's letters (the defining polynomial of an extension field) may reduce it
    names = {str(letter) for letter in letters}
    return any(item.kind == RELATION and any(name in item.lhs + item.rhs for name in names)
               for item in refuted.context)


MU_AS_MEAN = "holds if \\mu is the mean of the summed data, as the prose may define it"


#: Conventions under which a refuted step may hold after all: the reason for leaving it unverified,
#: and whether the convention applies (a check that words its own reason returns it). They are asked
#: in this order, of refuted steps only, so that no other step pays for them.
DETERMINANT_BARS = ("differs with |A| read as an absolute value; read as the determinant of a matrix A "
                    "(|\\Sigma|, |2\\pi\\Sigma|, as statistics and machine learning write it) it is not refuted: "
                    "not decided")


def _matrix_letter(node: n.Node, heads: set[int]) -> bool:
    """A capital that may name a matrix: a Latin capital or a Greek one (\\Sigma_k, \\mathbf{K}), not the
    head of an application (|F(x)| is the size of a value)."""
    if not isinstance(node, n.Sym) or id(node) in heads or node.primes:
        return False
    letter = node.base[1:] if node.base.startswith("\\") else node.base
    return letter.isalpha() and letter[:1].isupper() and (len(letter) == 1 or node.base.startswith("\\"))


def _bars_as_determinants(tree: n.Node) -> n.Node:
    """``tree`` with each |X| around a capital read as the size of X's determinant, |det X| (the bars of
    Gaussian densities, |\\Sigma|^{-1/2}; taken absolute so that log|\\Sigma| of a random matrix is
    defined, which changes no identity of determinants the notes write: |AB| = |A||B|, |cA| = |c|^n|A|)."""
    def visit(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Abs):
            return None
        inner = _bars_as_determinants(node.inner)
        heads = {id(x.func) for x in inner.walk() if isinstance(x, n.Apply)}
        if any(_matrix_letter(x, heads) for x in inner.walk()):
            return n.Abs(node.start, node.end, n.Func(node.start, node.end, "det", (inner,)))
        return n.Abs(node.start, node.end, inner)
    return n.rebuild(tree, visit)


def _parsed_equation(refuted: "_Refuted") -> Parsed | None:
    """The refuted step as parsed, if it is an equation that parses; None otherwise."""
    if refuted.relation not in EQUALITY:
        return None
    try:
        return parse_step(refuted.lhs, refuted.rhs, refuted.macros)
    except (ParseFailure, RecursionError):
        return None


def _determinant_bars_hold(refuted: "_Refuted") -> bool:
    """Whether a refuted step with bars around a capital (\\log|2\\pi\\Sigma| = d\\log 2\\pi + \\log|\\Sigma|)
    holds, or holds at one size of matrix, once the bars are determinants: the capital, which nothing else
    in the step need mark, is then a covariance or a Gram matrix, and the scalar reading's refutation
    rests on a guess of its shape. Asked of refuted steps only."""
    parsed = _parsed_equation(refuted)
    if parsed is None:
        return False
    if (_bars_as_determinants(parsed.lhs), _bars_as_determinants(parsed.rhs)) == (parsed.lhs, parsed.rhs):
        return False
    verdict = refuted.decide(refuted.lhs, refuted.rhs, refuted.relation, explain=False, reading=lambda step: reclassified(
        step, _bars_as_determinants(step.lhs), _bars_as_determinants(step.rhs)), **refuted.options)
    return verdict.status is Status.VERIFIED or verdict.status is Status.UNVERIFIED \
        and verdict.reason.startswith((SIZE_DEPENDENT, HOLDS_IN_A_READING))


DIAGONAL_MEMBER = ("holds with the diagonal of a doubly indexed family read as its singly indexed member "
                   "(a joint inclusion probability \\pi_{ii} = \\pi_i, a covariance \\sigma_{ii} = \\sigma_i^2), "
                   "as the notes may define it: not decided")


def _family(node: n.Sym) -> tuple:
    return (node.key, node.labels, node.primes)


def _diagonal_as_member(tree: n.Node, pairs: set[tuple], square: bool) -> n.Node:
    """``tree`` with each x_{ab} of a family in ``pairs`` read as x_a where a = b (squared if
    ``square``), through a Kronecker delta: x_{ab} + delta_{ab} (x_a - x_{ab})."""
    def visit(node: n.Node) -> n.Node | None:
        if not (isinstance(node, n.Sym) and len(node.indices) == 2 and _family(node) in pairs):
            return None
        start, end = node.start, node.end
        member: n.Node = replace(node, indices=node.indices[:1], sup_letter=None)
        if square:
            member = n.Pow(start, end, member, n.Num(start, end, "2"))
        if n.structure(node.indices[0]) == n.structure(node.indices[1]):
            return n.Paren(start, end, member)
        delta = n.Sym(start, end, "\\delta", indices=node.indices)
        gap = n.Paren(start, end, n.Add(start, end, (n.Term(start, end, "+", member), n.Term(start, end, "-", node))))
        return n.Paren(start, end, n.Add(start, end, (
            n.Term(start, end, "+", node),
            n.Term(start, end, "+", n.Mul(start, end, (delta, gap), True, ("\\cdot",))))))
    return n.rebuild(tree, visit)


INTEREST_RATES = ("holds with v, d, \\delta, i^{(m)}, d^{(m)} read as the theory of interest's functions of the "
                  "rate i (v = 1/(1+i), d = iv, \\delta = \\ln(1+i)): not decided")


def _interest_rates_hold(refuted: "_Refuted") -> bool:
    """Whether a refuted step that writes the effective rate i beside another interest letter (v, d,
    \\delta, i^{(m)}, d^{(m)}), or two nominal rates, holds once each is read as its function of i:
    actuarial notes state ``i - d = id`` or ``i^{(m)} - d^{(m)} = i^{(m)}d^{(m)}/m`` of letters their
    prose named in words. Verified in that reading, the step is not refuted; a slip fails in it too.
    Asked of refuted steps only."""
    parsed = _parsed_equation(refuted)
    if parsed is None:
        return False
    found = interest.interest_letters(parsed.lhs) | interest.interest_letters(parsed.rhs)
    writes_i = any(isinstance(x, n.Sym) and x.base == "i" and not (x.indices or x.labels or x.style)
                   for tree in (parsed.lhs, parsed.rhs) for x in tree.walk())
    nominal = {"i()", "d()"} & found
    if not (writes_i and found or len(found) >= 2 and nominal):
        return False
    verdict = refuted.decide(refuted.lhs, refuted.rhs, refuted.relation, explain=False, reading=lambda step: reclassified(
        step, interest.as_functions_of_i(step.lhs), interest.as_functions_of_i(step.rhs)), **refuted.options)
    return verdict.status is Status.VERIFIED


def _variables_taken(tree: n.Node) -> list[n.Sym]:
    """The letters ``tree`` differentiates or integrates by (a derivative's, a gradient's, an integral's)."""
    taken: list[n.Sym] = []
    for node in tree.walk():
        if isinstance(node, n.Deriv):
            taken.extend(var for var, _ in node.wrt if isinstance(var, n.Sym))
        elif isinstance(node, (n.Grad, n.Integral)) and isinstance(node.var, n.Sym):
            taken.append(node.var)
    return taken


def _diagonal_members_hold(refuted: "_Refuted") -> bool:
    """Whether a refuted step that writes one family both with two indices and with one (pi_{ij} beside
    pi_i, sigma_{ij} beside sigma_i) holds once the diagonal x_{ii} is that member (the joint inclusion
    of a unit with itself, pi_{ii} = pi_i) or its square (a variance, sigma_{ii} = sigma_i^2): splitting
    a double sum into its diagonal and the rest rests on that, which only the prose says. Asked of
    refuted steps only."""
    parsed = _parsed_equation(refuted)
    if parsed is None:
        return False
    syms = [x for tree in (parsed.lhs, parsed.rhs) for x in tree.walk() if isinstance(x, n.Sym) and x.base != "\\delta"]
    single = {_family(x) for x in syms if len(x.indices) == 1}
    pairs = {_family(x) for x in syms if len(x.indices) == 2} & single
    # the delta reading puts an expression where the letter stood, which a variable of differentiation or
    # integration (d/dV_{GS} beside V_T) cannot take: such a family is a variable, not a matrix's entries
    pairs -= {_family(var) for tree in (parsed.lhs, parsed.rhs) for var in _variables_taken(tree)}
    if not pairs:
        return False
    for square in (False, True):
        verdict = refuted.decide(refuted.lhs, refuted.rhs, refuted.relation, explain=False, reading=lambda step: reclassified(
            step, _diagonal_as_member(step.lhs, pairs, square), _diagonal_as_member(step.rhs, pairs, square)),
            **refuted.options)
        if verdict.status is Status.VERIFIED:
            return True
    return False


SUBSCRIPT_LABEL = ("a letter written alone and as the subscript of another quantity that no sum binds (s_x beside x, "
                   "the standard deviation of x) may be a label naming that quantity, not an index: read so, the "
                   "step is not refuted")


def _label_letters(parsed: Parsed) -> frozenset[str]:
    r"""The index letters of a step that it also writes alone and as the whole subscript of a quantity, and
    that no sum, product or integral binds: the x of s_x beside x - \bar x, which statistics notes write
    as a label (s_x, \sigma_x, r_{xy}: the spread of x), where the checker reads an index."""
    letters = parsed.letters
    candidates = (letters.index & letters.standalone) - letters.integer
    if not candidates:
        return frozenset()
    nodes = [x for side in (parsed.lhs, parsed.rhs) for x in side.walk()]
    bound = {v for x in nodes if isinstance(x, n.BigOp) for v in (x.var, *x.extra_vars)}
    bound |= {x.var.base for x in nodes if isinstance(x, (n.Integral, n.Limit)) and isinstance(x.var, n.Sym)}
    # a label names a statistic of the letter (s_x, \sigma_x, r_{xy}, \mu_x) or sits beside the letter's
    # mean (x - \bar x); an index beside an indicator or a sequence (1[j = k] x_k = x_j, i^{(m)}) is none
    accented = {x.base for x in nodes if isinstance(x, n.Sym) and x.style and "bar" in x.style.split("+")}
    subscripts = {i.base for x in nodes if isinstance(x, n.Sym) and (x.base in _STATISTIC_BASES or any(
                  isinstance(i, n.Sym) and i.base in accented for i in x.indices)) for i in x.indices
                  if isinstance(i, n.Sym) and not i.indices and not i.style}
    return frozenset(candidates & subscripts - bound)


#: the letters that name a statistic of the variable in their subscript (s_x, \sigma_x, r_{xy}, \mu_x)
_STATISTIC_BASES = frozenset({"s", "S", "r", "\\sigma", "\\rho", "\\mu"})


def _subscript_labels_hold(refuted: "_Refuted") -> bool:
    """Whether a refuted step is not refuted with its letters of _label_letters read as labels: the
    subscripted quantities then are quantities of their own (s_x, s_y) and the letters plain variables.
    Asked of refuted steps only; a rescue, never a verification."""
    if refuted.relation not in EQUALITY:
        return False
    try:
        parsed = parse_step(refuted.lhs, refuted.rhs, refuted.macros)
    except (ParseFailure, RecursionError):
        return False
    labels = _label_letters(parsed)
    if not labels:
        return False

    def as_labels(step: Parsed) -> Parsed:
        return replace(step, letters=replace(step.letters, index=step.letters.index - labels))

    verdict = refuted.decide(refuted.lhs, refuted.rhs, refuted.relation, explain=False, reading=as_labels,
                             **refuted.options)
    return verdict.status is not Status.REFUTED


MOMENTUM_ALONG_VELOCITY = ("differs with the momentum p read as a vector of its own; read as m times the velocity the step "
                           "writes beside it (\\dot{\\mathbf{r}} \\times \\mathbf{p} = 0, as mechanics writes it) it is "
                           "not refuted: not decided")


def _vector(letter: str) -> str:
    """A pattern of ``letter`` set bold, arrowed or as a bold symbol, as mechanics writes its vectors."""
    return (r"\\(?:mathbf|vec|boldsymbol|bm|vb)\s*(?:\{\s*" + letter + r"\s*\}|\s*" + letter
            + r"(?![A-Za-z]))")


# a momentum (with its label: the p_a of a system of particles), its rate, and a velocity, however set
_MOMENTUM = re.compile(r"(?<!\\dot\{)(?<!\\dot)" + _vector("p") + r"(?P<sub>_(?:\{[^{}]*\}|\\?\w+))?")
_DOTTED_MOMENTUM = re.compile(r"\\dot\s*(?:\{\s*" + _vector("p") + r"\s*\}|" + _vector("p") + ")")
_VELOCITY = re.compile(r"\\dot\s*(?:\{\s*" + _vector("r") + r"\s*\}|" + _vector("r") + ")|" + _vector("v"))


# the same in index notation: an entry p_k of the momentum, its rate \dot p_k, and an entry of the velocity
# (\dot x_j, v_j), each with an index letter
_ENTRY = r"_(?P<index>\{\s*[a-z]\s*\}|[a-z])"
# (x_jp_k: a one-letter subscript ends before the p)
_AFTER_LETTER = r"(?:(?<![\\A-Za-z{])|(?<=_[a-z]))"
_MOMENTUM_ENTRY = re.compile(_AFTER_LETTER + "p" + _ENTRY)
_DOTTED_MOMENTUM_ENTRY = re.compile(r"\\dot\s*(?:\{\s*p\s*\}|p(?![A-Za-z]))" + _ENTRY)
_VELOCITY_ENTRY = re.compile(r"(?:\\dot\s*(?:\{\s*x\s*\}|x(?![A-Za-z]))|" + _AFTER_LETTER + "v)" + _ENTRY)


def _momentum_entries_as_mass_times(lhs: str, rhs: str) -> list[tuple[str, str]]:
    """The step's sides with each entry p_k of the momentum written m \\dot x_k (or m v_k, after the velocity
    the step writes) and each rate \\dot p_k a fresh letter's entry: \\epsilon_{ijk}\\dot x_j p_k = 0 in index
    notation, as \\dot{\\mathbf r} \\times \\mathbf p is. Empty where the step writes no such pair."""
    both = lhs + " " + rhs
    velocities = sorted({"\\dot{x}" if m.group(0).startswith("\\dot") else "v" for m in _VELOCITY_ENTRY.finditer(both)})
    if not velocities or not _MOMENTUM_ENTRY.search(_DOTTED_MOMENTUM_ENTRY.sub(" ", both)):
        return []
    rate = next((c for c in "fgkhw" if not re.search(r"(?<![\\A-Za-z])" + c + "_", both)), None)
    if rate is None:
        return []
    out = []
    for velocity in velocities:
        def written(text: str, velocity: str = velocity) -> str:
            text = _DOTTED_MOMENTUM_ENTRY.sub(lambda m: f" {rate}_{m.group('index')} ", text)
            return _MOMENTUM_ENTRY.sub(lambda m: f" m {velocity}_{m.group('index')} ", text)
        out.append((written(lhs), written(rhs)))
    return out


def _momentum_along_velocity_holds(refuted: "_Refuted") -> bool:
    """Whether a refuted step that writes a bold momentum p beside a velocity (\\dot{\\mathbf{r}} or
    \\mathbf{v}) is not refuted with p read as m times that velocity, the one momentum of mechanics: the
    term \\dot{\\mathbf{r}} \\times \\mathbf{p} of dL/dt is zero there, and a lecturer drops it without a
    word. A rate of the momentum (\\dot{\\mathbf{p}}, a force) is left a vector of its own. Asked of refuted
    steps only, and true only where that reading verifies the step; a rescue, never a verification."""
    if refuted.relation not in EQUALITY:
        return False
    lhs, rhs = (_macros_written_out(side, refuted.macros) for side in (refuted.lhs, refuted.rhs))
    for entries in _momentum_entries_as_mass_times(lhs, rhs):
        if refuted.decide(*entries, refuted.relation, explain=False, **refuted.options).status is Status.VERIFIED:
            return True
    both = lhs + " " + rhs
    velocities = {match.group(0) for match in _VELOCITY.finditer(both)}
    if not velocities or not _MOMENTUM.search(_DOTTED_MOMENTUM.sub(" ", both)):
        return False
    # (the rate of the momentum stays what it was: a fresh vector letter the step does not write)
    rate = next((f"\\mathbf{{{c}}}" for c in "fgkhw" if f"\\mathbf{{{c}}}" not in both), None)
    if rate is None:
        return False
    for velocity in sorted(velocities):
        def as_mass_times(text: str, velocity: str = velocity) -> str:
            text = _DOTTED_MOMENTUM.sub(lambda _: f" {rate} ", text)
            return _MOMENTUM.sub(lambda m: f" m {{{velocity}{m.group('sub') or ''}}} ", text)
        verdict = refuted.decide(as_mass_times(lhs), as_mass_times(rhs), refuted.relation, explain=False,
                                 **refuted.options)
        # (verified, not merely undecided: r \times F = 0 is no identity the reading makes hold)
        if verdict.status is Status.VERIFIED:
            return True
    return False


_CONVENTIONS: tuple[tuple[str, Callable[[_Refuted], bool | str | None]], ...] = (
    (modular.MODULUS_ELSEWHERE, lambda s: modular.modulus_elsewhere(s.lhs, s.rhs, s.relation)),
    # 25 = 4 in a chain working modulo 7, as the prose says: an equation of residues
    (MODULUS_IN_PROSE, lambda s: s.modular_prose and s.relation in EQUALITY
     and not modular.has_letters(s.lhs + " " + s.rhs) and _congruent_modulo_prose(s)),
    (BITS_MODULO_TWO, _bits_modulo_two),
    # (a+b)^2 = a^2 + b^2 over GF(2), as the prose says: an identity of polynomials over the residues
    (MODULUS_IN_PROSE, lambda s: letters_in_residue_prose(s)),
    (LIST_ON_LEFT, lambda s: _list_on_left(s.lhs, s.macros)),
    (ORDER_TERM, lambda s: _order_terms(s.lhs, s.rhs, s.macros)),
    (MIXED_NUMBER, lambda s: _mixed_numbers_hold(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (FIRST_PRINCIPLES, lambda s: s.first and s.relation == "=" and _first_principles(s.lhs, s.rhs)),
    (PRIME_TRANSPOSE, lambda s: _primes_as_transposes_hold(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (HORIZON_POWER, lambda s: s.relation in EQUALITY and "T" in s.lhs + s.rhs
     and _horizon_powers_hold(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (CONSTANT_AS_LETTER, _constant_as_letter),
    (PERCENT_LABEL, lambda s: _percent_labels_hold(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (TRAILING_ARGUMENT, lambda s: _trailing_arguments_hold(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (FACTOR_BEFORE_BRACKET, lambda s: _function_letters_as_factors_hold(s.lhs, s.rhs, s.relation, s.decide,
                                                                        **s.options)),
    (DEGREES_LABEL, lambda s: _temperature_degrees_hold(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (CONDITION_FOLLOWS, lambda s: s.relation in EQUALITY and _condition_follows(s.lhs, s.rhs)),
    (EQUATION_SOLVED, lambda s: bool(s.rows) and s.relation == "="
     and _solved_beside(s.lhs, s.rhs, s.rows, s.macros)),
    # only an equation of numbers (2 + 2 = 5 => ...) is wrong whatever its letters stand for, and only
    # as a premise: one an arrow leads to (... => 3 = 1) is the contradiction of an equation without solution
    (EQUATION_CLAUSE, lambda s: s.clause and s.relation in EQUALITY and (bool(s.verdict.counterexample)
                                                                      or s.derived)),
    (ROUNDED_DECIBELS, lambda s: _rounded_decibels(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (ROUNDED_TO_WHOLE, lambda s: s.relation == "=" and _rounds_to_whole(s.lhs, s.rhs)),
    (CHOPPED_DECIMAL, lambda s: s.relation == "=" and _chopped_decimal(
        s.lhs, s.rhs, s.macros, any(item.kind == chopping.KIND for item in s.context))),
    (INDICATOR_DOMAIN, lambda s: _indicator_holds_elsewhere(s.lhs, s.rhs, s.relation, s.macros, s.seed)),
    (WRITTEN_PRODUCT_REPLACED, lambda s: s.relation in EQUALITY and _written_product_replaced(s.lhs, s.rhs, s.macros)),
    (ROUNDED_VALUE_PUT_IN, lambda s: s.relation == "="
     and _puts_in_rounded_value(s.lhs, s.rhs, s.relation, s.decide, **s.options)),
    (CASES_AT_INTEGERS, lambda s: _cases_hold_at_integers(s.lhs, s.rhs, s.relation, s.macros, s.seed)),
    (EQUATION_CASES, lambda s: _has_equation_cases(s.lhs, s.rhs, s.macros)),
    ("", lambda s: _operator_refusal(s.lhs, s.rhs, s.macros)),
    ("", _library_redefined),
    (FUNCTION_REACH, lambda s: _function_reach(s.lhs, s.rhs, s.relation, s.macros, s.seed)),
    (FUNCTION_SHORT_REACH, lambda s: _function_short_reach(s.lhs, s.rhs, s.relation, s.macros, s.seed)),
    (FUNCTION_SHORT_REACH, _definitions_short_reach),
    # pi(x) P(x, y) = pi(y) P(y, x): the sides exchange two letters, a condition the step states
    # (detailed balance, a symmetric kernel), which no value of unknown functions refutes
    (SYMMETRY_STATED, lambda s: _states_symmetry(s.lhs, s.rhs, s.macros)),
    # log|2\pi\Sigma| = 2\log 2\pi + \log|\Sigma|: bars around a capital are a determinant as often as a size
    (DETERMINANT_BARS, _determinant_bars_hold),
    (WEIGHTS, _holds_as_weights),
    (DIAGONAL_MEMBER, _diagonal_members_hold),
    (INTEREST_RATES, _interest_rates_hold),
    (SUBSCRIPT_LABEL, _subscript_labels_hold),
    (MOMENTUM_ALONG_VELOCITY, _momentum_along_velocity_holds),
)


MEAN_PUT_IN = "a mean of the {} replaced by a quantity the prose defines (its mean?): not decided"

#: the letters that notes subtract from data as their sample mean as often as their population mean
MEAN_LETTERS = ("\\mu",)


def _holds_with_mu_as_mean(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int,
                           holds_by_definitions: Callable[..., Verdict | None]) -> bool:
    """Whether a refuted step holds with a plain ``\\mu`` taken as the mean of a family its sums run
    over (``\\frac1m\\sum_i (x^{(i)} - \\mu)(x^{(i)} - \\mu)^T = \\frac1m\\sum_i x^{(i)}x^{(i)T} - \\mu\\mu^T``):
    whether mu is that sample mean or E[x] only the prose says, so the step is not refuted; unlike
    x-bar (implied_means) it is not verified either. ``holds_by_definitions``: check.py's, which decides
    the step with the mean put in."""
    if relation not in EQUALITY or "\\mu" not in lhs + rhs or "\\sum" not in lhs + rhs:
        return False
    texts = (lhs, rhs)
    try:
        trees = [parse_math(text, macros) for text in texts]
    except (ParseFailure, RecursionError):
        return False
    if not any(isinstance(x, n.Sym) and x.base in MEAN_LETTERS and not x.indices and not x.style and not x.labels
               for tree in trees for x in tree.walk()):
        return False
    for text, tree in zip(texts, trees):
        for op in tree.walk():
            if not (isinstance(op, n.BigOp) and op.kind == "sum" and op.lo is not None and op.hi is not None
                    and not op.extra_vars):
                continue
            members = [x for x in op.body.walk() if isinstance(x, n.Sym) and x.base not in MEAN_LETTERS
                       and len(x.indices) == 1 and isinstance(x.indices[0], n.Sym) and x.indices[0].base == op.var]
            if not members:
                continue
            mean = _mean_over(text, op, text[members[0].start:members[0].end])
            for letter in MEAN_LETTERS:
                item = ContextItem("result", letter, letter, "=", mean, "", 0)
                held = holds_by_definitions(lhs, rhs, relation, macros, seed, (item,))
                if held is not None and held.status is Status.VERIFIED:
                    return True
            return False  # the first summed family only: one guess, not a search for a rescue
    return False


def _mean_put_in(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> str:
    """The reason for a refuted step that drops a mean of a family of data (see _dropped_family_sums),
    or "" for another step; a cheap text test first, as refuted steps alone come here."""
    if "\\sum" not in lhs:
        return ""
    try:
        left, right = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return ""
    dropped = refusals.dropped_family_sums(left, right)
    return MEAN_PUT_IN.format(", ".join(sorted(dropped))) if dropped else ""


def _mean_over(text: str, op: n.BigOp, member: str) -> str:
    """The mean of ``member`` over the range ``op`` sums it over, its bounds as ``text`` writes them."""
    lo, hi = text[op.lo.start:op.lo.end], text[op.hi.start:op.hi.end]
    return rf"\frac{{1}}{{({hi})-({lo})+1}}\sum_{{{op.var}={lo}}}^{{{hi}}} {member}"


def implied_means(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> tuple[ContextItem, ...]:
    """``\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i`` for an ``\\bar{x}`` of a step that also sums the
    ``x_i`` from 1 to n (the bounds as written), as a weak definition: it may rescue the step, never
    refute it."""
    trees = []
    for text in (lhs, rhs):
        try:
            trees.append((text, parse_math(text, macros)))
        except (ParseFailure, RecursionError):
            return ()
    bars = {x.base for _, tree in trees for x in tree.walk()
            if isinstance(x, n.Sym) and x.style == "bar" and not x.indices}
    means: dict[str, ContextItem] = {}  # each barred letter its own mean (x-bar and y-bar of a covariance)
    for text, tree in trees:
        for op in tree.walk():
            if not (isinstance(op, n.BigOp) and op.kind == "sum" and op.lo is not None and not op.extra_vars):
                continue
            for base in sorted(bars - set(means)):
                if any(isinstance(x, n.Sym) and x.base == base and not x.style and len(x.indices) == 1
                       and isinstance(x.indices[0], n.Sym) and x.indices[0].base == op.var for x in op.body.walk()):
                    mean = _mean_over(text, op, f"{base}_{{{op.var}}}")
                    means[base] = ContextItem("result", base, rf"\bar{{{base}}}", "=", mean, "", 0)
    return tuple(means[base] for base in sorted(means))


# the path of the relations implied_constants gives: no document's, named so in a verdict's definitions
PHYSICAL_CONSTANTS = "<physical constants>"


def _constant_letter(nodes: list[n.Node], bases: tuple[str, ...], index: str) -> str:
    """How the step writes a physical constant: its letter with the given index (the 0 of \\mu_0, the B of
    k_B), as LaTeX; '' where it writes none."""
    for x in nodes:
        if isinstance(x, n.Sym) and x.base in bases and not x.primes and len(x.indices) == 1:
            mark = x.indices[0]
            if isinstance(mark, n.Num) and mark.value == index:
                return f"{x.base}_{{{index}}}"
            if not isinstance(mark, n.Sym) or mark.indices or mark.primes:
                continue
            # k_B, k_{\mathrm{B}}, k_\text{B}: written back as read, so that the value names the same letter
            if mark.base == index and mark.style in ("", "rm"):
                return x.base + "_{" + (index if not mark.style else "\\mathrm{" + index + "}") + "}"
            if mark.style == "label" and mark.base.startswith("\\text") and mark.base[5:].strip(" {}") == index:
                return x.base + "_{\\text{" + index + "}}"
    return ""


def implied_constants(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> tuple[ContextItem, ...]:
    """The relations between the physical constants a step writes, as weak definitions (verify-only, as
    implied_means): c = 1/\\sqrt{\\mu_0\\epsilon_0} beside \\mu_0 or \\epsilon_0 (E^2/(\\mu_0 c) = c\\epsilon_0 E^2),
    \\beta = 1/(k_B T) beside k_B and T (3N/(2\\beta) = \\frac32 N k_B T). Only the subscripted letters
    count: a bare k or \\epsilon is too often something else."""
    try:
        nodes = [x for text in (lhs, rhs) for x in parse_math(text, macros).walk()]
    except (ParseFailure, RecursionError):
        return ()
    plain = {x.base for x in nodes if isinstance(x, n.Sym) and not x.indices and not x.style and not x.primes}
    items = []
    mu = _constant_letter(nodes, ("\\mu",), "0")
    epsilon = _constant_letter(nodes, ("\\epsilon", "\\varepsilon"), "0")
    # c_1, c_2 beside c (or a transposed c) make it one of several constants or a vector, not light's speed
    constants = any(isinstance(x, n.Transpose) and isinstance(x.inner, n.Sym) and x.inner.base == "c"
                    or isinstance(x, n.Sym) and x.base == "c" and x.indices for x in nodes)
    if "c" in plain and (mu or epsilon) and not constants:
        value = "\\frac{1}{\\sqrt{" + (mu or "\\mu_{0}") + " " + (epsilon or "\\epsilon_{0}") + "}}"
        items.append(ContextItem("result", "c", "c", "=", value, "", 0, path=PHYSICAL_CONSTANTS))
    boltzmann = _constant_letter(nodes, ("k",), "B")
    # a transposed \beta (\beta^T x) or indexed ones beside it (\beta_0 + \beta T) are a regression's
    # coefficients, whatever k_B the step writes
    coefficients = any(isinstance(x, n.Transpose) and isinstance(x.inner, n.Sym) and x.inner.base == "\\beta"
                       or isinstance(x, n.Sym) and x.base == "\\beta" and x.indices for x in nodes)
    if "\\beta" in plain and "T" in plain and boltzmann and not coefficients:
        items.append(ContextItem("result", "\\beta", "\\beta", "=", "\\frac{1}{" + boltzmann + " T}", "", 0,
                                 path=PHYSICAL_CONSTANTS))
    return tuple(items)


def _has_equation_cases(lhs: str, rhs: str, macros: Mapping[str, Macro]) -> bool:
    """Whether a refuted step has a case whose condition is an equation or its negation (``u \\neq v``):
    the samples, which solve no equation, say nothing of the values its letters take, and the labels
    (+1 and -1) or counts a case over an equation rests on are the prose's, so the step is not refuted."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return False
    return any(isinstance(x, n.Cases) and any(r in ("==", "!=") for rels in x.relations for r in rels)
               for tree in (parsed.lhs, parsed.rhs) for x in tree.walk())


def _cases_hold_at_integers(lhs: str, rhs: str, relation: str, macros: Mapping[str, Macro], seed: int) -> bool:
    """Whether a refuted step with cases holds where its letters are integers: the boundary of a case
    over a count (``0 \\le k \\le N - 1`` for ``0 \\le k < N``) moves only between integers, which the
    real points sampled fall between. Asked of refuted steps only."""
    try:
        parsed = parse_step(lhs, rhs, macros)
    except (ParseFailure, RecursionError):
        return False
    if not has_cases(parsed.lhs, parsed.rhs):
        return False
    return _holds_at_integers(Comparator(parsed, relation, seed), strict=True)
