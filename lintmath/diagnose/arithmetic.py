"""LM108: arithmetic in constants: a number written wrong, the digits of a rounded result slipped, a
bound the line before writes otherwise; and the result a line states, which other kinds consult.
"""
from __future__ import annotations

import collections
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from math import gcd
from typing import Iterator

import sympy as sp

from lintmath.diagnose.edits import (
    Candidate, Context, _FRACTION, _compact, _decimal_text, _in_text_order, _number_node, _synthesized_text,
    apply_edit, kept_mark, numeric_value, replace_node,
)
from lintmath.diagnose.solve import HOLE, _nice, solve_hole
from lintmath.parse import nodes as n


def arithmetic(ctx: Context) -> Iterator[Candidate]:
    """LM108: a number written wrong (``3`` for ``4``). The right value is solved for; when the solve
    cannot say (a number in a sum bound or a subscript), the neighbours and swapped digits are tried."""
    rhs = ctx.rhs
    subscripts = n.non_quantities(rhs) if ctx.naming_only else set()
    odd: list[Candidate] = []  # repairs an author is unlikely to have meant: tried after the others
    unseen: list[Candidate] = []  # repairs to a value neither line writes: after those to a written one
    # the neighbours of a number whose value was solved for: the solve looks at one instance of one
    # reading, which may not be the one the step fails in (the shapes a matrix step is refuted with),
    # so a value it proposes wrongly leaves them to try after the rest
    unsolved: list[Candidate] = []
    values = _written_values(ctx)
    for num in _suspect_numbers_first(rhs, values):
        if ctx.naming_only and id(num) not in subscripts:
            continue  # only a subscript number (a_1 for a_0) can name a quantity the line lost
        old = Fraction(num.value)
        tried = {old}
        hole = n.Sym(num.start, num.end, HOLE)
        # a written decimal may have slipped to another decimal of its places (digits swapped)
        places = len(num.value.split(".")[1]) if "." in num.value else 0
        value = solve_hole(ctx, replace_node(rhs, num, hole), old, places)
        if value is not None and value < 0:
            signed = _signed_slip(ctx, num, -value)
            if signed is not None:
                unseen.append(signed)
        neighbours = [old + 1, old - 1, old + 2, old - 2]
        if num.value.isdigit() and len(num.value) > 1:
            neighbours.append(Fraction(num.value[::-1]))
        guesses = [value] + neighbours if value is not None else neighbours
        for k, new in enumerate(guesses):
            if new in tried or new < 0 or new == 0 and _is_numerator(ctx, num):
                continue  # (\frac{0}{2} says the term does not belong, LM102; ``0 \cdot x`` is written)
            tried.add(new)
            written = _decimal_text(new, num.value)
            if written is None or _label_collides(ctx, num, written):
                continue
            candidate = Candidate("arithmetic", replace_node(rhs, num, n.Num(num.start, num.end, written)),
                                  num.start, num.end, (num.start, num.end, _as_script(ctx.rhs_text, num, written)),
                                  _should_be(ctx.rhs_text, num, written))
            if value is not None and k > 0:
                unsolved.append(candidate)
            elif _odd_value(ctx, num, old, new):
                odd.append(candidate)
            elif not values[new]:
                unseen.append(candidate)
            else:
                yield candidate
    yield from unseen
    yield from _whole_result(ctx)
    yield from unsolved  # (before the odd values: one of these that holds says the solve was misled)
    yield from odd


def _signed_slip(ctx: Context, num: n.Num, value: Fraction) -> Candidate | None:
    """The number that leads a subtracted term written as the positive ``value``, its minus dropped
    (``-3\\Var(X)`` for ``9\\Var(X)``: a coefficient of Var(aX) not squared): the solve says the number
    should be negative, which no number written after a minus can be."""
    owner = ctx.parent_of(num)
    if isinstance(owner, n.Mul) and owner.factors and owner.factors[0] is num:
        owner = ctx.parent_of(owner)
    if not (isinstance(owner, n.Term) and owner.sign == "-" and owner.sign_start >= 0):
        return None
    written = _decimal_text(value, num.value)
    if written is None or value == 0:
        return None
    add = ctx.parent_of(owner)
    first = isinstance(add, n.Add) and add.terms and add.terms[0] is owner
    text = ctx.rhs_text
    flipped = replace(owner, sign="+", node=replace_node(owner.node, num, n.Num(num.start, num.end, written)))
    raw = text[owner.sign_start:num.end]
    replacement = written if first else "+ " + written
    return Candidate("arithmetic", replace_node(ctx.rhs, owner, flipped), owner.sign_start, num.end,
                     (owner.sign_start, num.end, replacement), f"`{_compact(raw)}` should be `{written}`")


def _label_collides(ctx: Context, num: n.Num, written: str) -> bool:
    """Whether ``num`` is the subscript label of a quantity (the 2 of I_2) that, relabelled ``written``,
    would name a quantity the same sum or difference already writes: (I_2 - I_3) read as (I_3 - I_3) is
    a term that vanishes, which says the term does not belong (LM102), not that a digit slipped."""
    owner = ctx.parent_of(num)
    if not isinstance(owner, n.Sym) or not any(item is num for item in owner.indices):
        return False
    text = ctx.rhs_text
    relabelled = tuple(written if item is num else text[item.start:item.end] for item in owner.indices)
    node = owner
    while node is not None and not isinstance(node, n.Add):
        node = ctx.parent_of(node)
    if node is None:
        return False
    return any(other is not owner and isinstance(other, n.Sym) and other.key == owner.key
               and tuple(text[item.start:item.end] for item in other.indices) == relabelled
               for other in node.walk())


def _should_be(text: str, num: n.Num, written: str) -> str:
    """The detail of a number rewritten, an amount's currency mark on both sides (``\\$19.85`` should be
    ``\\$19.75``), as the suggestion writes it."""
    raw = text[num.start:num.end]
    if kept_mark(raw, (0, len(raw), written))[0]:
        return f"`{_compact(raw)}` should be `{apply_edit(raw, (0, len(raw), written))}`"
    return f"`{num.value}` should be `{written}`"


def _as_script(text: str, num: n.Num, written: str) -> str:
    """``written`` as it can stand where ``num`` is written: braced where it replaces an unbraced
    subscript or power of one digit (``\\log_2`` repaired to ``\\log_{16}``, not ``\\log_16``)."""
    if len(written) > 1 and text[:num.start].rstrip().endswith(("_", "^")):
        return "{" + written + "}"
    return written


def _whole_result(ctx: Context) -> Iterator[Candidate]:
    """A result worked out wrong (``2`` for ``\\frac32``, ``\\frac58`` for ``\\frac34``): the number
    written again as the value of the line before, when that is a small fraction, the way the lines
    write their numbers. After the edits of single digits, which say more precisely what slipped."""
    result = stated_result(ctx)
    if result is None or isinstance(result.number, n.Mul) \
            or any("." in x.value for x in result.number.walk() if isinstance(x, n.Num)):
        return  # (rounded numbers: see decimal_slips)
    value = _nice(result.value)
    if value is None:
        return
    value = -value if result.negative else value
    if value < 0:
        return  # a result of the other sign is a sign flip's (LM101)
    number = result.number
    if value.denominator != 1 and isinstance(number, n.Num) and re.search(r"\d\.\d", ctx.lhs_text) \
            and _terminating_decimal(value) is None and abs(value) >= 10:
        # 1240/1.12 written 1384: the whole number the author rounds to (1107), not the fraction 7750/7
        # that the rounded data happen to make (below 10 the rounding would say too little: 1/3.3 is no 0)
        value = Fraction(round(value))
    written = _result_text(ctx, number, value)
    if not written:
        return
    shown = _compact(ctx.rhs_text[number.start : number.end])
    yield Candidate("arithmetic", replace_node(ctx.rhs, number, _number_node(number.start, number.end, value)),
                    number.start, number.end, (number.start, number.end, written), f"`{shown}` should be `{written}`")


def _result_text(ctx: Context, number: n.Node, value: Fraction) -> str | None:
    """``value`` written as the author wrote ``number``: ``3``, ``3/4``, ``\\frac34`` or ``\\frac{3}{4}``
    after its own fraction; after an integer, a fraction as the lines write theirs."""
    p, q = value.numerator, value.denominator
    if q == 1:
        return str(p)
    if not isinstance(number, n.Div):
        decimal = _terminating_decimal(value) if re.search(r"\d\.\d", ctx.lhs_text) else None
        # 12.5, not \frac{25}{2}, after a line of written decimals (0.100 \times 250 / 2.00): its value as
        # the author works them out
        return decimal or _synthesized_text(ctx, sp.Rational(p, q), [])
    if number.slash:
        return f"{p}/{q}"
    command = _FRACTION.match(ctx.rhs_text, number.start)
    if command is None:
        return _synthesized_text(ctx, sp.Rational(p, q), [])
    if not command.group(2) and p < 10 and q < 10:
        return f"\\{command.group(1)}{p}{q}"
    return f"\\{command.group(1)}{{{p}}}{{{q}}}"


def _terminating_decimal(value: Fraction, places: int = 6) -> str | None:
    """``value`` as a decimal of at most ``places`` digits after the point where it has one
    (25/2 as ``12.5``), else None (1/3)."""
    for digits in range(1, places + 1):
        scaled = value * 10 ** digits
        if scaled.denominator == 1:
            whole = abs(scaled.numerator)
            text = f"{whole // 10 ** digits}.{whole % 10 ** digits:0{digits}d}"
            return ("-" if value < 0 else "") + text
    return None


# -- a line that states a result ------------------------------------------------------------------

@dataclass(frozen=True)
class StatedResult:
    """A line that is one number, after a line without letters: the line states a result."""

    number: n.Node  # as written: a Num, a fraction of two, or a mantissa times a power of ten
    negative: bool  # written with a minus
    value: sp.Float  # the value of the line before


def rounded_result(ctx: Context) -> tuple[StatedResult, n.Num, int, tuple | None] | None:
    """The result the new line states when it is a decimal of two digits or more, rounded (see
    stated_result): the result, its mantissa (the number itself, or that of ``6.1 \\times 10^{5}``), the
    power of ten, and its parts in scientific notation (see scientific_parts) or None; None otherwise."""
    from lintmath.tolerance import scientific_parts

    result = stated_result(ctx)
    if result is None:
        return None
    scientific = scientific_parts(result.number)
    mantissa = scientific[0] if scientific is not None else result.number
    if not isinstance(mantissa, n.Num) or "." not in mantissa.value \
            or len(mantissa.value.replace(".", "").lstrip("0")) < 2:
        return None
    return result, mantissa, scientific[2] if scientific is not None else 0, scientific


def stated_result(ctx: Context) -> StatedResult | None:
    """The result the new line states, or None when it is no single number or the line before has
    letters (see decimal_slips, _whole_result)."""
    if not ctx.results:
        ctx.results.append(_stated_result(ctx))
    return ctx.results[0]


def _worked_out(ctx: Context) -> bool:
    """Whether the line is one number after a sum of numbers (``\\frac{10}{16} + \\frac{2}{16}``): the
    sum worked out, where a term missing is a slip in the addition. After products, integrals or
    functions, one number may be one term worked out and the others lost (``1 \\cdot 0 + 1`` = ``0``)."""
    terms = ctx.lhs.terms if isinstance(ctx.lhs, n.Add) else ()
    return stated_result(ctx) is not None and len(terms) > 1 \
        and all(numeric_value(t.node) is not None for t in terms)


def _stated_result(ctx: Context) -> StatedResult | None:
    from lintmath.tolerance import scientific_parts, side_value

    tree, negative = ctx.rhs, False
    while isinstance(tree, (n.Paren, n.Add)):
        if isinstance(tree, n.Add):
            if len(tree.terms) != 1:
                return None
            negative ^= tree.terms[0].sign == "-"
            tree = tree.terms[0].node
        else:
            tree = tree.inner
    number = isinstance(tree, n.Num) or scientific_parts(tree) is not None \
        or isinstance(tree, n.Div) and isinstance(tree.num, n.Num) and isinstance(tree.den, n.Num)
    if not number:
        return None
    value = side_value(ctx.lhs)
    return StatedResult(tree, negative, value) if value is not None else None


def decimal_slips(ctx: Context) -> Iterator[Candidate]:
    """LM108: a line that is one rounded number whose digits slipped (``0.631`` for ``0.531``, ``9.10``
    for ``9.01``, ``6.1 \\times 10^{6}`` for ``6.1 \\times 10^{5}``): one digit wrong, two neighbouring
    digits swapped, the decimal point or the power of ten one place off. Only the numbers that the
    line before's value rounds to can hold, so the slips nearest that value are tried; a rounded
    result that no slip of its digits repairs is left unexplained (a number far off is no typo)."""
    rounded = rounded_result(ctx)
    if rounded is None:
        return  # (a one-digit number has no digits to slip: any other number is "one digit wrong")
    result, mantissa, power, scientific = rounded
    sign = -1 if result.negative else 1
    options: list[tuple[Fraction, n.Node, tuple[int, int, str]]] = []
    for digits in _digit_slips(mantissa.value, moves=scientific is None):
        options.append((sign * Fraction(digits) * Fraction(10) ** power,
                        replace_node(ctx.rhs, mantissa, replace(mantissa, value=digits)),
                        (mantissa.start, mantissa.end, digits)))
    if scientific is not None:
        exp = scientific[1]
        braced = ctx.rhs_text[: exp.start].rstrip().endswith("{")
        for k in (power - 1, power + 1):
            written = str(k) if braced or len(str(k)) == 1 else f"{{{k}}}"
            options.append((sign * Fraction(mantissa.value) * Fraction(10) ** k,
                            replace_node(ctx.rhs, exp, _number_node(exp.start, exp.end, Fraction(k))),
                            (exp.start, exp.end, written)))
    target = float(result.value)
    options.sort(key=lambda option: abs(float(option[0]) - target))
    number = result.number
    text = ctx.rhs_text[number.start : number.end]
    for _, tree, (start, end, written) in options[:MAX_SLIPS]:
        new = apply_edit(text, (start - number.start, end - number.start, written))
        yield Candidate("arithmetic", tree, number.start, number.end, (start, end, written),
                        f"`{_compact(text)}` should be `{_compact(new)}`")


MAX_SLIPS = 2  # the slips nearest the value: if the nearest does not round to it, none further does


def _digit_slips(written: str, moves: bool = True) -> Iterator[str]:
    """The decimals one slip away from ``written``: a digit changed (not a trailing zero), two
    neighbouring digits swapped, the point moved one place (``moves``; in a mantissa that is the
    power of ten's slip)."""
    digits, point = written.replace(".", ""), written.index(".")
    # (trailing zeros are padding: ``0.30`` for 1/3 is a result cut short, a rounding matter, no slip)
    padded = len(digits) - len(digits.rstrip("0"))
    for i, digit in enumerate(digits[: len(digits) - padded]):
        for other in "0123456789":
            if other != digit:
                yield _with_point(digits[:i] + other + digits[i + 1 :], point)
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield _with_point(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], point)
    for moved in (point - 1, point + 1) if moves else ():
        if 0 <= moved < len(digits):
            yield _with_point(digits, moved)


def _with_point(digits: str, point: int) -> str:
    return f"{digits[:point].lstrip('0') or '0'}.{digits[point:]}"


def _written_values(ctx: Context) -> "collections.Counter[Fraction]":
    """How often each number is written in the two lines."""
    nums = [x for tree in (ctx.lhs, ctx.rhs) for x in tree.walk() if isinstance(x, n.Num)]
    return collections.Counter(Fraction(x.value) for x in nums)


def _suspect_numbers_first(rhs: n.Node, written: "collections.Counter[Fraction]") -> list[n.Num]:
    """The line's numbers in text order, those written nowhere else in the two lines first. In a line
    of numbers (a matrix, a sum of products) many single numbers can be changed to repair the step;
    the slip is likelier the number that neither line writes again than one the author copies, as a
    repair to a value the lines write is likelier than one to a value they do not (see arithmetic)."""
    nums = _in_text_order(rhs, n.Num)
    return sorted(nums, key=lambda num: written[Fraction(num.value)] > 1)


_BOUNDS = {n.Limit: ("point",), n.Integral: ("lo", "hi"), n.BigOp: ("lo", "hi")}


def carried_bounds(ctx: Context) -> Iterator[Candidate]:
    """LM108, first of all: a limit point or a bound written as a number other than the one the line
    before writes for the same variable (``\\lim_{h\\to 2}`` under ``\\lim_{h\\to 0}``). A limit or an
    integral is a number, so many edits elsewhere repair it by accident; a bound that changed between
    two lines is the likelier slip."""
    rhs = ctx.rhs
    theirs = {}
    for node in ctx.lhs.walk():
        for name in _BOUNDS.get(type(node), ()):
            bound = getattr(node, name)
            if isinstance(bound, n.Num):
                theirs.setdefault((type(node), _bound_var(node), name), set()).add(bound.value)
    for node in _in_text_order(rhs, tuple(_BOUNDS)):
        for name in _BOUNDS[type(node)]:
            mine = getattr(node, name)
            values = theirs.get((type(node), _bound_var(node), name), set())
            if not isinstance(mine, n.Num) or len(values) != 1 or mine.value in values:
                continue
            value = next(iter(values))
            yield Candidate("arithmetic", replace_node(rhs, mine, replace(mine, value=value)), mine.start, mine.end,
                            (mine.start, mine.end, value), f"`{mine.value}` should be `{value}`, as on the line before")


def _bound_var(node: n.Node) -> str:
    var = node.var
    return var if isinstance(var, str) else var.base


def _odd_value(ctx: Context, num: n.Num, old: Fraction, new: Fraction) -> bool:
    """Whether writing ``new`` for ``old`` is an unlikely slip: a reduced fraction made unreduced
    (``\\frac{2}{4}`` for ``\\frac{1}{4}``, where ``\\frac{1}{2}`` was meant), or a value more than three
    times off (``\\sqrt{8}`` for ``\\sqrt{2}``, where the 2 beside it was wrong)."""
    if old and new and max(new / old, old / new) > 3:
        return True
    parent = ctx.parent_of(num)
    if not (isinstance(parent, n.Div) and isinstance(parent.num, n.Num) and isinstance(parent.den, n.Num)):
        return False
    other = Fraction(parent.den.value if parent.num is num else parent.num.value)
    if other.denominator != 1 or old.denominator != 1 or new.denominator != 1:
        return False
    return gcd(int(old), int(other)) == 1 and gcd(int(new), int(other)) > 1


def _is_numerator(ctx: Context, num: n.Num) -> bool:
    parent = ctx.parent_of(num)
    return isinstance(parent, n.Div) and parent.num is num


NEAR_STEPS = (-1, 1, -2, 2)  # a digit slipped to a neighbour: the moves tried, nearest first


def near_numbers(ctx: Context, start: int, end: int) -> Iterator[Candidate]:
    """LM108: each whole number written between ``start`` and ``end`` (a fraction found upside down)
    rewritten as a near one, nearest first. No value is solved for: this only asks whether a digit
    slip tells the story of a flipped fraction in fewer characters (``\\frac{2}{\\sqrt{2}}`` for
    ``\\frac{1}{\\sqrt{2}}``), and a solve inside a limit or an integral costs seconds."""
    text = ctx.rhs_text
    skip = n.non_quantities(ctx.rhs)
    for node in ctx.rhs.walk():  # (a power one off is an exponent's story, LM104)
        exp = node.exp if isinstance(node, n.Pow) else node.power if isinstance(node, n.Func) else None
        if exp is not None:
            skip.update(id(x) for x in exp.walk())
    for num in _in_text_order(ctx.rhs, n.Num):
        if not (start <= num.start and num.end <= end) or id(num) in skip or not num.value.isdigit():
            continue
        old = int(num.value)
        for step in NEAR_STEPS:
            new = old + step
            if new <= 0:
                continue
            written = str(new)
            yield Candidate("arithmetic", replace_node(ctx.rhs, num, n.Num(num.start, num.end, written)),
                            num.start, num.end, (num.start, num.end, _as_script(text, num, written)),
                            _should_be(text, num, written))
