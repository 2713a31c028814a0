"""LM103: a constant factor too many or missing, and a constant term lost from the line (solved for).
Changing a written coefficient into another number is arithmetic (LM108): kinds are told apart by
the edit, and ``2x`` into ``x`` deletes a factor, while ``4x`` into ``3x`` rewrites a number.
"""
from __future__ import annotations

import math

from dataclasses import replace
from fractions import Fraction
from typing import Iterator

from lintmath.diagnose.arithmetic import _worked_out, rounded_result
from lintmath.diagnose.edits import (
    Candidate, Context, _adds_by_depth, _beside_decimals, _by_depth, _compact, _edit, _insertion_edit, _number_node,
    _number_text, _parents, _powers, _restyled_number, _wrapped, numeric_value, replace_node,
)
from lintmath.diagnose.solve import HOLE, solve_hole
from lintmath.parse import nodes as n


def dropped_constants(ctx: Context) -> Iterator[Candidate]:
    """LM102, second half: a constant term lost at the end of the line's sum (``4p`` for ``4p - 2``),
    solved for. Tried after arithmetic: a constant term that is written but wrong is a slip in it."""
    rhs = ctx.rhs
    terms = rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),)
    if isinstance(ctx.parent_of(rhs), n.Node) or _beside_decimals(ctx):
        return  # beside rounded decimals the difference is rounding's, not a lost term
    if _worked_out(ctx):
        return  # a sum worked out wrong is wrong arithmetic (see arithmetic), not a constant lost
    hole = n.Term(rhs.end, rhs.end, "+", n.Sym(rhs.end, rhs.end, HOLE))
    value = solve_hole(ctx, n.Add(rhs.start, rhs.end, terms + (hole,)), Fraction(0))
    if value is None or value == 0:
        return
    sign = "-" if value < 0 else "+"
    shown = _number_text(abs(value))
    term = n.Term(rhs.end, rhs.end, sign, _number_node(rhs.end, rhs.end, abs(value)))
    written = any(numeric_value(t.node) is not None for t in terms)
    # a line is rarely begun with a minus when a positive constant could stand first
    first = _constant_first(ctx.lhs, terms) or value > 0 and terms[0].sign == "-"
    position = 0 if first and not written else len(terms)
    edit = _insertion_edit(terms, position, sign, shown, ctx.rhs_text)
    yield Candidate("dropped_term", n.Add(rhs.start, rhs.end, terms[:position] + (term,) + terms[position:]),
                    rhs.start, rhs.end, edit, f"the constant term `{sign} {shown}` was dropped",
                    term=("-" if value < 0 else "") + shown)


def _constant_first(lhs: n.Node, terms: tuple[n.Term, ...] = ()) -> bool:
    """Whether the lost constant most likely stood first: where the line before writes its constant
    term first (``\\frac12 - x^2``), or the line itself is written by rising powers (``2a + a^2``,
    lost ``1``), or the line before's innermost sums put their number first (``(1+a)^2``: the author
    writes ``1 + a``, so the expansion too). Slides mostly write it last, which is the default."""
    rising = _rising(terms)
    if rising is not None:
        return rising
    if isinstance(lhs, n.Add) and len(lhs.terms) >= 2:
        return numeric_value(lhs.terms[0].node) is not None and numeric_value(lhs.terms[-1].node) is None
    votes = 0
    for add in _adds_by_depth(lhs):
        # only sums of plain terms: ``(1+a)^2 - 1`` subtracts a number as a step of the computation,
        # while ``1 + a`` shows how the author orders a sum
        if len(add.terms) < 2 or any(isinstance(x, n.Add) for t in add.terms for x in t.node.walk()):
            continue
        head, tail = (numeric_value(add.terms[i].node) is not None for i in (0, -1))
        votes += (head and not tail) - (tail and not head)
    return votes > 0


def _rising(terms: tuple[n.Term, ...]) -> bool | None:
    """Whether the terms are written by rising powers of one letter (True), falling ones (False),
    or neither (None): a lost constant goes first in the one, last in the other."""
    if len(terms) < 2:
        return None
    powers = [_powers(t.node) for t in terms]
    letters = set().union(*powers)
    if len(letters) != 1:
        return None
    degrees = [p.get(next(iter(letters)), 0) for p in powers]
    if 0 in degrees or len(set(degrees)) < len(degrees):
        return None
    if degrees == sorted(degrees):
        return True
    if degrees == sorted(degrees, reverse=True):
        return False
    return None


def constant_factors(ctx: Context) -> Iterator[Candidate]:
    """LM103: a constant factor too many (``2ab`` for ``ab``) or missing (``x`` for ``\\frac{1}{2}x``).

    Deleting a written coefficient is tried first; a missing one is solved for, per term and for the
    whole line. Changing a written coefficient into another number is arithmetic (LM108)."""
    rhs, text = ctx.rhs, ctx.rhs_text
    parents = _parents(rhs)
    for mul in _by_depth(rhs, n.Mul):
        lead = mul.factors[0]
        if numeric_value(lead) is None or len(mul.factors) < 2:
            continue
        rest = mul.factors[1:]
        # the operator written after the coefficient goes with it: ``2 w \times u`` keeps its cross
        new = rest[0] if len(rest) == 1 else replace(mul, factors=rest, ops=mul.ops[1:])
        shown = _compact(text[lead.start : lead.end])
        ones = _restyled_number(ctx, mul, "1")  # the author writes ``1a_1``: the 1 was changed, not added
        if ones is not None:
            yield ones
            continue
        yield Candidate("constant_factor", replace_node(rhs, mul, new), mul.start, mul.end,
                        (lead.start, rest[0].start, ""),
                        f"the factor {shown} in `{_compact(text[mul.start:mul.end])}` does not belong")
    for div in _by_depth(rhs, n.Div):
        if div.slash or not isinstance(div.den, n.Num) or numeric_value(div) is not None:
            continue
        body = _wrapped(text, div.num, parents.get(id(div)))
        yield Candidate("constant_factor", replace_node(rhs, div, div.num), div.start, div.end,
                        _edit(text, div.start, div.end, body),
                        f"the division by {div.den.value} in `{_compact(text[div.start:div.end])}` does not belong")


def missing_factors(ctx: Context) -> Iterator[Candidate]:
    """LM103, second half: a constant factor missing in front of a term or of the whole line,
    solved for. Tried after every edit of what is written, since it supposes something unwritten."""
    rhs, text = ctx.rhs, ctx.rhs_text
    sites: list[n.Node] = [rhs]
    for add in _adds_by_depth(rhs):
        if len(add.terms) > 1:
            sites.extend(t.node for t in add.terms)
    for site in sites:
        if isinstance(site, n.Mul) and numeric_value(site.factors[0]) is not None:
            continue  # its coefficient is written: a wrong value is arithmetic
        if numeric_value(site) is not None or (isinstance(site, n.Add) and len(site.terms) == 1):
            continue
        hole = n.Sym(site.start, site.start, HOLE)
        value = solve_hole(ctx, replace_node(rhs, site, n.Mul(site.start, site.end, (hole, site))), Fraction(1))
        if value is None or value <= 0 or value == 1:
            continue
        coefficient = _number_node(site.start, site.start, value)
        tree = replace_node(rhs, site, n.Mul(site.start, site.end, (coefficient, site)))
        body = text[site.start : site.end]
        shown = _compact(body)
        factor = _number_text(value)
        if site is rhs and isinstance(rhs, n.Add):
            edit = _edit(text, rhs.start, rhs.end, f"{factor}\\left({body.strip()}\\right)")
            detail = f"the whole line is off by a factor of {factor}"
        else:
            joiner = " \\cdot " if body.lstrip()[:1].isdigit() or body.lstrip()[:1] == "." else ""
            edit = _edit(text, site.start, site.start, factor + joiner)
            detail = (f"the whole line is off by a factor of {factor}" if site is rhs
                      else f"`{shown}` is missing a factor of {factor}")
        yield Candidate("constant_factor", tree, site.start, site.end, edit, detail)


#: what a worked example's result is of the line before's value when a factor of the computation is lost
#: or counted twice: the value over the result, and how the result came from the value ("is 1/\\sqrt{2}
#: times the line before's value" read as a fraction of a product, and as the line before on a one-row step)
_RESULT_FACTORS = ((Fraction(2), "divided by 2"), (Fraction(3), "divided by 3"), (Fraction(4), "divided by 4"),
                   (Fraction(1, 2), "times 2"), (Fraction(1, 3), "times 3"), (Fraction(1, 4), "times 4"),
                   (Fraction(3, 2), "times 2/3"), (Fraction(2, 3), "times 3/2"),
                   # a square root dropped from a factor (escape speed against orbital speed) or a sine
                   # of 30 or 60 degrees for its cosine: off by an irrational factor no rounding gives
                   (math.sqrt(2), "divided by `\\sqrt{2}`"), (1 / math.sqrt(2), "times `\\sqrt{2}`"),
                   (math.sqrt(3), "divided by `\\sqrt{3}`"), (1 / math.sqrt(3), "times `\\sqrt{3}`"))


def result_factors(ctx: Context) -> Iterator[Candidate]:
    """LM103: a rounded result that is the line before's value times 2, 3, 4, \\sqrt 2, \\sqrt 3 or their inverses
    (``40.7`` for ``\\frac{16 \\times 2 \\times 10^6}{\\pi \\times 50^3} = 81.5``): a factor of the computation lost
    or counted twice, not a digit's slip (see decimal_slips), written back as the value rounded to the
    result's own decimals. Only results of two digits or more, whose rounding cannot hide the factor."""
    rounded = rounded_result(ctx)
    if rounded is None:
        return
    result, mantissa, power, _ = rounded
    written = Fraction(mantissa.value) * Fraction(10) ** power * (-1 if result.negative else 1)
    target = Fraction(float(result.value))
    if not written or not target:
        return
    share = Fraction(1, 2) * Fraction(10) ** -len(mantissa.value.split(".")[1]) / abs(Fraction(mantissa.value))
    for factor, shown in _RESULT_FACTORS:
        if abs(float(target) / (float(written) * float(factor)) - 1) > 2 * share:
            continue
        decimals = len(mantissa.value.split(".")[1])
        digits = f"{float(abs(target) / Fraction(10) ** power):.{decimals}f}"
        text = ctx.rhs_text[result.number.start:result.number.end]
        yield Candidate("constant_factor", replace_node(ctx.rhs, mantissa, replace(mantissa, value=digits)),
                        result.number.start, result.number.end, (mantissa.start, mantissa.end, digits),
                        f"`{_compact(text)}` is the value worked out {shown}, a factor lost or counted twice")
        return
