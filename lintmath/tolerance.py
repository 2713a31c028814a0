"""The numbers a comparison works with: the value of a lowered expression at a point (``evaluate``),
and how far apart two values may be and still agree: the working tolerance, and the rounding that
written decimals claim (``decimal_tolerance``). Only numbers: no readings, no verdicts.
"""
from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import sympy as sp

from lintmath import linalg
from lintmath.evaluate import UNDEFINED, fast_value, quick_value
from lintmath.lower import Instance, Lowerer, classify_letters
from lintmath.money import quoted
from lintmath.parse import nodes as n
from lintmath.parse.units import is_unit


PRECISION = 30
TOLERANCE = sp.Float("1e-9")


def _slack(tolerance, a, b):
    """How far apart two values may be. The working tolerance is a share of values above 1 and
    absolute below; the tolerance of written decimals is a share of the values themselves, however
    small (``e^{-10} = 0.04`` is 100% off, not 0.04 off)."""
    least = _TOLERANCE_DOUBLE if isinstance(tolerance, float) else TOLERANCE
    if tolerance > least:
        return tolerance * max(abs(a), abs(b)) + least
    return tolerance * max(1, abs(a), abs(b))


_TOLERANCE_DOUBLE = float(TOLERANCE)


def complex_agreement(tolerance: sp.Float, a: sp.Expr, b: sp.Expr) -> bool | None:
    """``abs(a - b) <= _slack(tolerance, a, b)`` decided in doubles for complex values of Floats (x + y i),
    whose Abs SymPy takes through its assumptions and a square root of an expanded product at every
    sampled point (a few percent of a run). None (left to SymPy) where either is not such a value, or
    the doubles come within a margin of the boundary: the margin covers their rounding and SymPy's own
    at the values' precision, so that the answer is the one SymPy gives wherever one is given here."""
    parts = _complex_parts(a), _complex_parts(b), _complex_parts(tolerance)
    if None in parts or not (parts[0][1] or parts[1][1]) or parts[2][1]:  # type: ignore[index]
        return None
    (ar, ai, ap), (br, bi, bp), (t, _, tp) = parts  # type: ignore[misc]
    size_a, size_b, apart = abs(complex(ar, ai)), abs(complex(br, bi)), abs(complex(ar - br, ai - bi))
    least = float(TOLERANCE)
    slack = t * max(size_a, size_b) + least if tolerance > TOLERANCE else t * max(1.0, size_a, size_b)
    if not all(map(math.isfinite, (size_a, size_b, apart, slack))):
        return None
    # SymPy's values are within a few units in the last place of its least precise Float of the
    # true ones, the doubles within a few of theirs (plus what a - b loses to cancellation)
    share = 64 * 2.0 ** -min(ap, bp, tp, 53)
    error = 8 * 2.0 ** -53 * (size_a + size_b) + 1e-300
    if (apart + error) * (1 + share) < slack * (1 - share):
        return True
    if (apart - error) * (1 - share) > slack * (1 + share):
        return False
    return None


def _complex_parts(x: object) -> tuple[float, float, int] | None:
    """(real part, imaginary part, least precision in bits) of a Float, a Float times i or their sum."""
    if isinstance(x, sp.Float):
        return float(x), 0.0, x._prec
    if isinstance(x, sp.Mul) and len(x.args) == 2 and x.args[1] is sp.I and isinstance(x.args[0], sp.Float):
        return 0.0, float(x.args[0]), x.args[0]._prec
    if isinstance(x, sp.Add) and len(x.args) == 2 and isinstance(x.args[0], sp.Float):
        imaginary = _complex_parts(x.args[1])
        if imaginary is not None and imaginary[0] == 0.0 and not isinstance(x.args[1], sp.Float):
            return float(x.args[0]), imaginary[1], min(x.args[0]._prec, imaginary[2])
    return None


def claimed_slack(tolerance, claimed, a, b):
    """How far apart two values may be when ``b`` is a number the claim rounded and ``claimed`` the share of
    it its rounding allows (half a unit in its last place, over its value): that half unit, ``claimed``
    times ``b`` itself, and not times the larger value as _slack takes a share. A computed value above the
    result (125.1 for ``= 120``) would otherwise be allowed the half unit of a number larger than the one
    written, and a result rounded down past its half unit pass (``1152 = 1100``, ``1.251 = 1.2``); a result
    rounded up is the larger value, where both agree. The rest of the tolerance (the data's own rounding)
    is a share of the values as ever."""
    least = _TOLERANCE_DOUBLE if isinstance(tolerance, float) else TOLERANCE
    rest = max(tolerance - claimed, 0)
    return rest * max(abs(a), abs(b)) + claimed * abs(b) + least


def rounded_down_past_tie(tolerance, claimed, a, b) -> bool:
    """Whether ``b``, a positive result written to the half unit ``claimed`` (a share of ``b``) of exact
    data (nothing of the tolerance left for the data's own rounding), is ``a`` exactly at a tie rounded
    down to an odd last digit (``\\frac34 = 0.7``): no convention writes that, as rounding half up gives
    0.8 and half to even 0.8 too; half to even rounds 0.65 down to 0.6, which stays allowed. The half
    unit's slack is inclusive, so without this a tie passes whichever way it is rounded."""
    a, b, tolerance, claimed = float(a), float(b), float(tolerance), float(claimed)
    if not (0 < b < a) or tolerance - claimed > _TOLERANCE_DOUBLE or claimed <= 0:
        return False
    half = claimed * b
    # relative to the half unit: results of 1e-5 have ties too, and in results of eleven digits (a value
    # held to its own last digit, see Comparator._fine_tolerance) a share of the value is many half units;
    # the doubles' own rounding of a value that large is the least margin
    if abs((a - b) - half) > max(_TOLERANCE_DOUBLE * half, 8 * 2.0 ** -53 * a):
        return False
    mantissa = b / (2 * half)  # the written digits as a whole number: 7 for 0.7, 35 for 0.35
    whole = round(mantissa)
    return abs(mantissa - whole) < 1e-6 and whole % 2 == 1


def lone_number(tree: n.Node) -> bool:
    """Whether a side is one number, give or take a sign, brackets, units or a power of ten: a result
    whose rounding its own digits state (see _lone_number)."""
    return _lone_number(tree) is not None


def decimal_tolerance(*trees: n.Node, given: bool = False, rates: frozenset[Fraction] = frozenset(),
                      money: bool = False, floor: sp.Float = TOLERANCE) -> sp.Float:
    """Written decimals are rounded: ``= 0.14`` claims the value to half a unit in its last place,
    0.005, which is 3.6% of it. The step is held to the loosest such claim among its decimals, as a
    share of the values compared (see ``Comparator.holds``), so that ``e^{-10} = 0.04`` and
    ``\\pi = 3.2`` do not pass. A number that is a whole side of the claim is a result, rounded
    however short (``6.1 \\times 10^{5}`` too, to half a unit of its mantissa's last digit); other
    decimals of one or two digits are the data of the example, exact (``0.3 \\cdot 0.2 + 0.7 \\cdot 0.1
    = 0.14`` is wrong, not rounded), and longer ones rounded constants whose error the result may
    carry (``3 \\times 0.693 = 2.08``), by their own share. A side that is a number carries the error
    of its decimals of four digits or more by as much as it moves when each moves by its half unit
    (``1000(1.0041667)^{120}``: 120 times that of its base; ``-100 + 54.55 + 49.59``: 0.01 in 4.14).
    Three digits may be the data (a rate of 1.08), whose error a step that magnifies it (``\\ln 1.08``)
    would carry into any result: those keep their own share, or what they move a side that is a number
    by where that is less (``1600 + 32(0 - 0.760) = 1600 - 23.32`` is a slip of 1 in the product).
    ``given``: the trees are the line before, which states no result. ``rates``: the rates of interest,
    growth or tax the step or its prose states (3% as 3/100): a factor of 1 plus or minus one of them, or
    its share of a period (``1.005`` for 6% a year, monthly), is data as exact as the rate (see
    _rate_factor), so that ``500 \\times 1.03^2 = 530.54`` is a slip of 9 cents, not a rounding. ``money``:
    the step writes an amount of money, so a factor of a whole percent (1.03, 0.97) is a rate too, and an
    amount to the cent (12.50) a price, exact (see _to_the_cent). ``floor``: the least tolerance returned,
    the working one unless values too large for it are compared exactly (see Comparator.compare)."""
    shares = []
    for tree in trees:
        result = None if given else _lone_number(tree)
        if result is not None and "." in result.value and Fraction(result.value):
            shares.append(_half_unit(result) / Fraction(result.value))
        elif result is not None and "." not in result.value and len(result.value.lstrip("0")) >= ROUNDED_INTEGER_DIGITS:
            # \frac{170}{\sqrt 2} = 120, 1000 e^{0.5} = 1649: a whole number of three digits or more that
            # ends a computation is rounded to units; a slip of integer arithmetic is off by 1 or more
            shares.append(Fraction(1, 2) / Fraction(result.value))
        elif result is not None and Fraction(result.value) and _percent_result(tree):
            # 0.161 = 16\%: a share is quoted in whole percent as readily; a slip is still off by a
            # whole percent or more (\frac{17}{68} = 24\%), twice the half unit allowed
            shares.append(Fraction(1, 2) / Fraction(result.value))
        elif result is not None and len(result.value.lstrip("0")) == 2 and _unit_factor(_last_factor(tree)):
            # \\sqrt 2 \\times 10\\,\\mathrm{V} = 14\\,\\mathrm{V}: a measured quantity is rounded to two digits
            # as readily; a slip of integer arithmetic is still off by 1 or more
            shares.append(Fraction(1, 2) / Fraction(result.value))
        carried = [node for node in tree.walk() if isinstance(node, n.Num) and node is not result
                   and _significant_digits(node) >= 3 and not _rate_factor(node, rates, money)
                   and not (money and _to_the_cent(node))]
        long = [node for node in carried if _significant_digits(node) >= CARRIED_DIGITS]
        propagated = _carried_share(tree, long) if long else None
        if propagated is not None:
            shares.append(propagated)
            carried = [node for node in carried if node not in long]
        own = [_half_unit(node) / Fraction(node.value) for node in carried]
        moved = _carried_share(tree, carried) if own else None
        # a short decimal's own share bounds what it carries into a side that magnifies it (\ln 1.08);
        # where it is a small term of a larger sum (1600 + 32 \cdot 0.760) what it really moves the side
        # by is far less, and its own share of the whole sum would hide a slip in that term
        shares += own if moved is None else [min(max(own), moved)]
    if not shares:
        return floor
    return max(floor, sp.Float(float(max(shares))))


#: the largest rate a factor 1 + r or 1 - r is read as
RATE_LIMIT = Fraction(1, 2)
#: how many times a year a stated rate is compounded or paid in the examples (1 + 6%/12 = 1.005)
PERIODS = (1, 2, 4, 12, 52, 365)


def _rate_factor(num: n.Num, rates: frozenset[Fraction], money: bool = False) -> bool:
    """Whether a decimal is 1 plus or minus a stated rate or its share of a period (``1.03`` and ``0.965``
    beside 3% and 3.5%, ``1.005`` beside 6% a year): exact, however many its digits; or, in a step about
    ``money``, of a whole percent (``1.03``), which no rounding of a rate a period (``1.0067``) writes. A
    factor that only looks like one (``1.0067`` for 8%/12 rounded, ``1.41`` beside no 41%) still carries
    its rounding."""
    if not (rates or money) or "." not in num.value:
        return False
    rate = abs(Fraction(num.value) - 1)
    if not 0 < rate <= RATE_LIMIT:
        return False
    return money and (rate * 100).denominator == 1 or any(rate * k in rates for k in PERIODS)


def _to_the_cent(num: n.Num) -> bool:
    """Whether a decimal, in a step about money, is an amount to the cent (``\\$12.50``, ``19.99``): a price
    is exact data, not a measurement rounded to its last place, so that ``12.50 \\times 3 = 37.51`` is a slip
    of a cent rather than the 1.5 cents three roundings of 12.50 could carry."""
    return "." in num.value and len(num.value.split(".")[1]) == 2


def stated_rates(*trees: n.Node) -> frozenset[Fraction]:
    """The percentages the trees write (``3\\%``), as the rates they state (3/100)."""
    return frozenset(Fraction(x.args[0].value) / 100 for tree in trees for x in tree.walk()
                     if _is_percent(x) and isinstance(x.args[0], n.Num) and quoted(x.args[0].value))


def rounded_integers_share(tree: n.Node, floor: sp.Float = TOLERANCE) -> sp.Float:
    """How far a claimed side without letters may be off when its whole numbers of four digits or more
    were rounded to units from a computation with decimals (``\\frac{8933 \\times 385 \\times 0.01}{300}
    = \\frac{34392}{300}``, whose numerator is 34392.05): the sum of what each moves it by at its half
    unit. Only asked where the line before writes a decimal: from whole numbers alone the product is
    whole, and one off by 1 is a slip. Shorter whole numbers (``300``) are the data, exact, and a slip
    of integer arithmetic is still off by a whole unit, twice what rounding allows. A result that is a
    whole number ending in zeros (``70 \\times 9.81 = 690\\,\\mathrm{N}``, ``1200 \\times 9.81 = 11800``) is
    rounded to significant figures, as 1.18 \\times 10^{4} would be: to half a unit of its last
    nonzero digit, where at least two digits remain (``= 700`` for 686.7 stays a slip)."""
    result = _lone_number(tree)
    if result is not None:
        return _significant_zeros_share(result, floor)  # else its own rounding (decimal_tolerance)
    whole = [node for node in n.outside_exponents(tree) if isinstance(node, n.Num) and "." not in node.value
             and len(node.value.lstrip("0")) >= CARRIED_DIGITS]
    share = _carried_share(tree, whole) if whole else None
    return floor if share is None else max(floor, sp.Float(float(share)))


def _significant_zeros_share(result: n.Num, floor: sp.Float = TOLERANCE) -> sp.Float:
    """The share of a whole number's value that rounding to its significant figures allows, the zeros
    after them being no digits of the claim (11800: 50 in it); TOLERANCE for numbers without such
    zeros or with one significant digit, whose rounding would hide any slip (10, 700)."""
    digits = result.value.lstrip("0")
    significant = digits.rstrip("0")
    zeros = len(digits) - len(significant)
    if "." in digits or not zeros or len(significant) < 2 or len(digits) < ROUNDED_INTEGER_DIGITS:
        return floor
    return max(floor, sp.Float(float(Fraction(10 ** zeros, 2) / Fraction(digits))))


def restated_share(given: n.Node, claim: n.Node, floor: sp.Float = TOLERANCE) -> sp.Float:
    """How far a number restated to its significant figures may be off (``147150\\,\\mathrm{Pa} =
    147000\\,\\mathrm{Pa}``): as a result rounded so (see _significant_zeros_share), where the line before is
    itself a number, no computation whose slip the rounding could hide."""
    result = _lone_number(claim)
    if _lone_number(given) is None or result is None:
        return floor
    return _significant_zeros_share(result, floor)


def exact_decimals(*trees: n.Node) -> bool:
    """Whether a side is a repeating decimal (``0.\\overline{3}``): it states every digit of its value,
    so the decimal it is equated with (``= 0.3``) is another expansion of it, not a rounded result."""
    for tree in trees:
        while isinstance(tree, n.Paren) or isinstance(tree, n.Add) and len(tree.terms) == 1:
            tree = tree.inner if isinstance(tree, n.Paren) else tree.terms[0].node
        if isinstance(tree, n.Repeating):
            return True
    return False


CARRIED_DIGITS = 4  # decimals this long in a side that is a number carry their error through it
ROUNDED_INTEGER_DIGITS = 3  # \pi = 3 is no rounding anyone writes with "="; 120 for 120.2 is


def combined_tolerance(*tolerances: sp.Float, floor: sp.Float = TOLERANCE) -> sp.Float:
    """The tolerance of a comparison from those of its sides: what the data before carried and what
    the result rounded add up (``-100 + 54.55 + 49.59 = 4.13``: 0.01 carried, 0.005 rounded)."""
    rounded = [t for t in tolerances if t > floor]
    return sp.Float(sum(rounded)) if rounded else floor


def _half_unit(num: n.Num) -> Fraction:
    places = len(num.value.split(".")[1]) if "." in num.value else 0
    return Fraction(1, 2 * 10 ** places)


def _significant_digits(num: n.Num) -> int:
    """The digits of a decimal after its leading zeros (``0.0231``: 3); 0 for an integer or zero."""
    if "." not in num.value or not Fraction(num.value):
        return 0
    return len(num.value.replace(".", "").lstrip("0"))


def _carried_share(tree: n.Node, carried: list[n.Num]) -> Fraction | None:
    """How far a side that is a number may be off, as a share of its value, when each of the rounded
    decimals ``carried`` is off by its half unit: the sum of what each moves it by. None for a side
    with letters (or one that cannot be valued), whose decimals keep their own share."""
    if any(isinstance(x, (n.Sym, n.Apply)) for x in tree.walk()):
        return None
    value = side_value(tree)
    if value is None or value == 0:
        return None
    moved = sp.Float(0)
    for num in carried:
        half = _half_unit(num)
        step = Decimal(half.numerator) / Decimal(half.denominator)
        shifts = [side_value(_with_value(tree, num, Decimal(num.value) + sign * step)) for sign in (1, -1)]
        if any(v is None for v in shifts):
            return None
        moved += max(abs(v - value) for v in shifts)
    return Fraction(str(moved / abs(value)))


def _with_value(tree: n.Node, num: n.Num, value: Decimal) -> n.Node:
    return n.rebuild(tree, lambda x: replace(x, value=format(value, "f")) if x is num else None)


def side_value(tree: n.Node) -> sp.Float | None:
    """The value of a side without letters; None when it has none (or it is not a real number)."""
    try:
        expr = Lowerer(Instance(3, {}, {}), classify_letters(tree)).lower(tree)
    except Exception:  # noqa: BLE001 -- a side the lowering cannot read has no value to carry errors into
        return None
    if linalg.is_matrix(expr) or getattr(expr, "free_symbols", None):
        return None
    return evaluate(expr, {}, PRECISION)


def _lone_number(tree: n.Node) -> n.Num | None:
    """The number a side is, give or take a sign or brackets (``0.14``, ``-(2.5)``); for a number in
    scientific notation (``6.1 \\times 10^{5}``), its mantissa, whose last digit says how it was rounded."""
    while isinstance(tree, (n.Paren, n.Add)):
        if isinstance(tree, n.Add) and len(tree.terms) != 1:
            return None
        tree = tree.inner if isinstance(tree, n.Paren) else tree.terms[0].node
    tree = _without_units(tree)
    if isinstance(tree, n.Num):
        return tree
    if _is_percent(tree) and isinstance(tree.args[0], n.Num):
        return tree.args[0]  # 16\%: its digits say how the share was rounded, as a decimal's do
    scientific = scientific_parts(tree)
    return scientific[0] if scientific is not None else None


def _is_percent(tree: n.Node) -> bool:
    """Whether a node is a number of percent (``16\\%``), as the parser reads ``\\%``."""
    return isinstance(tree, n.Func) and tree.name == "percent" and len(tree.args) == 1


def _percent_result(tree: n.Node) -> bool:
    """Whether a side is a lone number of percent (``16\\%``, ``(16\\%)``), brackets and units aside."""
    while isinstance(tree, n.Paren) or (isinstance(tree, n.Add) and len(tree.terms) == 1):
        tree = tree.inner if isinstance(tree, n.Paren) else tree.terms[0].node
    return _is_percent(_without_units(tree))


def _last_factor(tree: n.Node) -> n.Node:
    """The last factor of a side that is a product (its unit, in ``14\\,\\mathrm{V}``), else the side."""
    while isinstance(tree, n.Paren):
        tree = tree.inner
    return tree.factors[-1] if isinstance(tree, n.Mul) else tree


def _without_units(tree: n.Node) -> n.Node:
    """``5.8\\times10^{3}\\,\\text{s}`` as ``5.8\\times10^{3}``: a unit says what a number counts, not how it
    was rounded."""
    if not isinstance(tree, n.Mul) or not any(_unit_factor(f) for f in tree.factors):
        return tree
    kept = [(f, op) for f, op in zip(tree.factors, ("", *tree.ops)) if not _unit_factor(f)]
    if len(kept) == 1:
        return kept[0][0]
    return replace(tree, factors=tuple(f for f, _ in kept), ops=tuple(op for _, op in kept[1:]))


def _unit_factor(node: n.Node) -> bool:
    """A unit or a power of one (``\\mathrm{m}^2``, ``\\mathrm{s}^{-1}``): what a result counts, not its digits;
    also a unit written in SI base units (see parse/si.py): ``987\\,\\mathrm{kN}`` is 987 times
    ``(1 \\cdot 10^{3}\\,\\mathrm{kg\\,m\\,s^{-2}})``, still rounded to its units."""
    return is_unit(node) or isinstance(node, n.Pow) and is_unit(node.base) or _converted_unit(node)


def _converted_unit(node: n.Node) -> bool:
    if not isinstance(node, n.Paren) or not any(is_unit(x) for x in node.walk()):
        return False
    return all(is_unit(x) or isinstance(x, (n.Num, n.Pow, n.Mul, n.Div, n.Add, n.Term, n.Paren)) for x in node.walk())


def scientific_parts(node: n.Node) -> tuple[n.Num, n.Node, int] | None:
    """``6.1 \\times 10^{5}``, ``1.0 \\cdot 10^{-3}``: the decimal mantissa, the exponent as written and its
    value; None for anything else (``3 \\times 10^{8}`` is an exact product, as any other integers are)."""
    if not (isinstance(node, n.Mul) and len(node.factors) == 2 and node.ops in (("\\times",), ("\\cdot",))):
        return None
    mantissa, power = node.factors
    if not (isinstance(mantissa, n.Num) and "." in mantissa.value and isinstance(power, n.Pow)
            and isinstance(power.base, n.Num) and power.base.value == "10"):
        return None
    exp = power.exp.inner if isinstance(power.exp, n.Paren) else power.exp
    sign = 1
    if isinstance(exp, n.Add) and len(exp.terms) == 1:
        sign = -1 if exp.terms[0].sign == "-" else 1
        exp = exp.terms[0].node
    if not (isinstance(exp, n.Num) and exp.value.isdigit()):
        return None
    return mantissa, power.exp, sign * int(exp.value)


def evaluate(expr: sp.Expr, point: dict, precision: int = PRECISION, complex_ok: bool = False,
             quick: bool = False) -> sp.Expr | float | None:
    """The value of ``expr`` at ``point``, or None when it is not finite and defined (and real,
    unless the step itself uses the imaginary unit). ``quick``: a screening, which a real double
    may answer (a Python float); a refutation is always confirmed without it."""
    if quick and precision == PRECISION and (value := quick_value(expr, point)) is not None:
        return None if value is UNDEFINED else value
    integral = expr.has(sp.Integral)
    screening = precision <= PRECISION
    if integral:
        # numerical quadrature at 30 digits costs seconds; 12 digits decide a typo just as well
        precision = min(precision, 12 if screening else 18)
    if (fast := fast_value(expr, point, precision, complex_ok)) is not None:  # see evaluate.py
        return None if fast is UNDEFINED else fast
    if integral and screening:
        # a quadrature that did not settle at screening precision: SymPy's evalf would try ever
        # harder ones for seconds (tens of seconds, for elliptic integrals); no value at this point
        return None
    if expr.has(sp.Sum, sp.Product):
        return None  # an infinite series: SymPy's summation can run for minutes (see evaluate.py)
    try:
        value = expr.xreplace(point).evalf(precision)
    except (ZeroDivisionError, ValueError, TypeError, OverflowError, RecursionError, AttributeError):
        return None
    if not value.is_number:
        return None
    re, im = value.as_real_imag()
    try:
        if not re.is_finite or not im.is_finite or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return None
        if im != 0 and abs(im) > TOLERANCE * max(1, abs(re)):
            if not complex_ok:
                return None
            return sp.Float(re, precision) + sp.I * sp.Float(im, precision)
    except TypeError:
        return None
    return sp.Float(re, precision)


#: how far off a number written after \approx may be, in units of its last digit and as a share of it,
#: before the approximation is called wrong: a rough estimate writes few digits, so a value off by many
#: of its own units and by more than a few percent is a slip, not an estimate
APPROXIMATION_UNITS = 3
APPROXIMATION_SHARE = Fraction(2, 100)


def approximation(lhs: n.Node, rhs: n.Node) -> bool | None:
    """Whether ``lhs \\approx rhs`` holds of two sides without letters, the right a number as written
    (``\\sqrt 2 \\approx 1.414``, ``\\approx 3.6 \\times 10^6``, ``\\approx 63\\%``): True where it is the
    left's value rounded or cut to its last digit (within half a unit of it, or, for a number with a
    decimal point, less than one below it; an integer's trailing zeros are rounding too: 1024 is about 1000); False where it is off by more
    than APPROXIMATION_UNITS of those units and more than APPROXIMATION_SHARE of its value; None
    otherwise, or where either side has no value."""
    if any(isinstance(x, (n.Sym, n.Apply)) for side in (lhs, rhs) for x in side.walk()):
        return None
    number = _lone_number(rhs)
    if number is None:
        return None
    written = Fraction(number.value)
    if not written:
        return None
    if "." in number.value:
        unit = 2 * _half_unit(number)
    else:
        digits = number.value.lstrip("-")
        unit = Fraction(10) ** (len(digits) - len(digits.rstrip("0")))
    share = unit / abs(written)
    a, b = side_value(lhs), side_value(rhs)
    if a is None or b is None:
        return None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(a) and math.isfinite(b)) or b == 0:
        return None
    apart = abs(a - b) / abs(b)
    # 3.1415 for pi: digits dropped after the point; a whole number is a rounding only (1999 is not about
    # 1000, nor e about 2: a value cut to its leading digit is off by up to a whole unit of it)
    cut = "." in number.value and a * b > 0 and 0 <= (abs(a) - abs(b)) / abs(b) < share
    if apart <= share / 2 or cut:
        return True
    if apart > APPROXIMATION_UNITS * share and apart > APPROXIMATION_SHARE:
        return False
    return None
