"""Laplace transforms of functions written out: ``\\mathcal{L}\\{t e^{-2t}\\} = \\frac{1}{(s+2)^2}``.

``\\mathcal{L}\\{f\\}`` is read as its defining integral, ``\\int_0^\\infty f(t) e^{-st}\\,dt``: the one-sided
transform, as courses on differential equations and control define it, of the time letter (t, else
\\tau) at s (or at the letter written after it, ``\\mathcal{L}\\{f\\}(p)``).

Only a function built of numbers, letters and known functions is read so. A transform of a function
defined elsewhere (``\\mathcal{L}\\{f'(t)\\} = sF(s) - f(0)``) rests on what f is, and one of |t| or a
step function may be the two-sided transform some signals courses use; both stay unread."""
from __future__ import annotations

import re

from lintmath.parse import nodes as n

# the nodes a function written out is built of (a Paren of another bracket is a set or an interval)
_WRITTEN = (n.Num, n.Const, n.Sym, n.Add, n.Term, n.Mul, n.Div, n.Pow, n.Func, n.Sqrt, n.Paren, n.Factorial)
_TIMES = ("t", "\\tau")
_FREQUENCY = "s"
# functions that add no growth of their own: exp's is read from its exponent, sin and cos are bounded
_TAME = ("exp", "sin", "cos")
# the least rate sampled where nothing else grows (the integral converges for any positive one)
_LEAST_RATE = 0.25


def laplace_transforms(*trees: n.Node) -> tuple[n.Node, ...]:
    """``trees`` with each transform of a function written out replaced by its integral."""
    if not any(_is_laplace(x) for tree in trees for x in tree.walk()):
        return trees  # (most steps: a walk costs less than a copy)
    return tuple(n.rebuild(tree, _read) for tree in trees)


def _is_laplace(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and node.base == "L" and node.style == "cal" and not (
        node.indices or node.labels or node.primes or node.sup_letter is not None)


def _read(node: n.Node) -> n.Node | None:
    if not isinstance(node, n.Mul) or not any(_is_laplace(f) for f in node.factors):
        return None
    factors, ops = list(node.factors), ["", *node.ops]
    out: list[n.Node] = []
    out_ops: list[str] = []
    changed = False
    k = 0
    while k < len(factors):
        integral, used = _transform_at(factors, k)
        if integral is None:
            out.append(n.rebuild(factors[k], _read))
            out_ops.append(ops[k] if k < len(ops) else "")
            k += 1
            continue
        out.append(integral)
        out_ops.append(ops[k] if k < len(ops) else "")
        changed = True
        k += used
    if not changed:
        return None
    if len(out) == 1:
        return out[0]
    return n.Mul(node.start, node.end, tuple(out), node.explicit, tuple(out_ops[1:]))


def _transform_at(factors: list[n.Node], k: int) -> tuple[n.Node | None, int]:
    """The integral of the transform written at ``factors[k]`` and how many factors it takes."""
    if not (_is_laplace(factors[k]) and k + 1 < len(factors)):
        return None, 0
    bracket = factors[k + 1]
    if not (isinstance(bracket, n.Paren) and bracket.delim == "\\{"):
        return None, 0
    body = bracket.inner
    if not all(isinstance(x, _WRITTEN) and _plain(x) for x in body.walk()):
        return None, 0
    letters = {x.key for x in body.walk() if isinstance(x, n.Sym)}
    # (a letter other than these may be a constant: \mathcal{L}\{a\} = a/s)
    time = next((t for t in _TIMES if t in letters), None if letters else _TIMES[0])
    if time is None:
        return None, 0
    used = 2
    point = None
    after = factors[k + 2] if k + 2 < len(factors) else None
    if isinstance(after, n.Paren) and after.delim == "(" and isinstance(after.inner, n.Sym) and _plain(after.inner):
        point, used = after.inner, 3
    end = factors[k + used - 1].end
    if point is None:
        point = n.Sym(end, end, _FREQUENCY)
    if point.key in letters or point.key == time:
        return None, 0
    # (the kernel is written nowhere: it takes the end of the transform as its place, so an edit
    # the diagnosis proposes lands in the function the author wrote)
    var = n.Sym(end, end, time)
    decay = n.Add(end, end, (n.Term(end, end, "-", n.Mul(end, end, (point, var))),))
    kernel = n.Pow(end, end, n.Const(end, end, "e"), decay)
    integrand = n.Mul(bracket.start, end, (n.Paren(bracket.start, bracket.end, body), kernel))
    return n.Integral(factors[k].start, end, integrand, var, n.Num(end, end, "0"), n.Const(end, end, "inf")), used


def _plain(node: n.Node) -> bool:
    """Whether a node of the body is no unknown function's value in disguise: a letter with no
    primes, a known function that is not |t| by another name, a bracket that is a bracket."""
    if isinstance(node, n.Sym):
        return not node.primes
    if isinstance(node, n.Func):
        return not node.primes and node.name not in ("sign", "sgn", "max", "min")
    if isinstance(node, n.Paren):
        return node.delim in ("(", "[")
    return True


def decay_letters(*trees: n.Node) -> dict[str, float]:
    """The letters an integral over (0, \\infty) decays in (s in ``\\int_0^\\infty e^{3t} e^{-st}\\,dt``,
    and so in every transform read above), each with the least value it converges from: one past the
    growth the integrand's other factors may have (3 where they write another letter or a growing
    function, else the largest number written in them), or a small positive one where none grows. The
    integral is the author's only where it converges, so s is sampled there: at the sampling's usual
    small values it diverges, and the step could be decided at no point."""
    out: dict[str, float] = {}
    for tree in trees:
        for x in tree.walk():
            if not (isinstance(x, n.Integral) and isinstance(x.hi, n.Const) and x.hi.name == "inf"
                    and isinstance(x.lo, n.Num) and x.lo.value == "0"):
                continue
            exponents = _exponents(x.body)
            letters = {key for e in exponents for key in _decaying(e, x.var.key)}
            if not letters:
                continue
            # what may grow with t: the exponents, another power of t (a^t), a function other than the
            # bounded ones (\cosh(at)); a letter in them (e^{at} e^{-st}) may grow at a rate as large as
            # the usual samples (3), and so may a growing function with no number in it (\cosh t). Else
            # the rate need beat only the numbers written, and where there are none any positive one
            # converges: sampled then near the small values, where a term the step adds or drops
            # (e^{-3(a+b)}) is not below the tolerance, as it is at s > 4
            # (a function the step leaves undefined, f(t), may grow as well)
            untamed = [f for f in x.body.walk() if isinstance(f, n.Func) and f.name not in _TAME
                       or isinstance(f, n.Apply)]
            powers = [p for p in x.body.walk() if isinstance(p, n.Pow) and not (
                isinstance(p.base, n.Const) and p.base.name == "e") and _mentions(p.exp, x.var.key)]
            growing = list(exponents) + [a for f in untamed for a in f.args] + powers
            others = {m.key for e in growing for m in e.walk() if isinstance(m, n.Sym)} - letters - {x.var.key}
            growth = max([3.0 if others or untamed else 0.0]
                         + [abs(float(m.value)) for e in growing for m in e.walk()
                            if isinstance(m, n.Num) and _is_number(m.value)])
            for key in letters:
                out[key] = max(out.get(key, 0.0), growth + 1.0 if growth else _LEAST_RATE)
    return out


def _mentions(node: n.Node, key: str) -> bool:
    return any(isinstance(m, n.Sym) and m.key == key for m in node.walk())


def _exponents(body: n.Node) -> list[n.Node]:
    """The exponents of e (``e^{...}``, ``\\exp(...)``) in ``body``."""
    found = []
    for x in body.walk():
        if isinstance(x, n.Pow) and isinstance(x.base, n.Const) and x.base.name == "e":
            found.append(x.exp)
        elif isinstance(x, n.Func) and x.name == "exp" and x.args and x.power is None:
            found.append(x.args[0])
    return found


def _decaying(exponent: n.Node, var: str) -> set[str]:
    """The letters s of ``exponent`` that t (``var``) is multiplied by with a minus: ``-st``, ``-(s-3)t``,
    ``(3-s)t``."""
    if isinstance(exponent, n.Paren):
        exponent = exponent.inner
    terms = exponent.terms if isinstance(exponent, n.Add) else (n.Term(exponent.start, exponent.end, "+", exponent),)
    out = set()
    for term in terms:
        if not (isinstance(term.node, n.Mul) and len(term.node.factors) == 2):
            continue
        rate, time = term.node.factors
        if not (isinstance(time, n.Sym) and time.key == var):
            continue
        inner = rate.inner.terms if isinstance(rate, n.Paren) and isinstance(rate.inner, n.Add) else (
            n.Term(rate.start, rate.end, "+", rate),)
        for part in inner:
            a = part.node
            if isinstance(a, n.Sym) and a.key != var and not (a.indices or a.labels or a.primes) \
                    and (term.sign == "-") != (part.sign == "-"):
                out.add(a.key)
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# \mathcal{L}^{-1}\{F\} (\left\{, \big\{ or bare), optionally at (t), as the only thing on its side
_INVERSE = re.compile(r"\s*\\mathcal\s*(?:\{\s*L\s*\}|L)\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1)\s*"
                      r"(?:\\left|\\[bB]igg?l?)?\s*\\\{(?P<body>.*)\\\}\s*(?:\(\s*t\s*\))?\s*")
_CLOSER_SIZE = re.compile(r"(?:\\right|\\[bB]igg?r?)\s*$")


def inverse_as_forward(lhs: str, rhs: str) -> tuple[str, str] | None:
    """``\\mathcal{L}^{-1}\\{F\\} = f(t)`` (either way round, macros written out) as the equation
    ``F = \\mathcal{L}\\{f\\}`` it states: the transform is one to one on the functions courses invert,
    so the two hold together, and the forward one is read above. None where neither side is an inverse
    transform alone, or both are (linearity, a step among transforms)."""
    found = [m for m in (_INVERSE.fullmatch(lhs), _INVERSE.fullmatch(rhs))]
    if (found[0] is None) == (found[1] is None):
        return None
    match, other = (found[0], rhs) if found[0] is not None else (found[1], lhs)
    body = _CLOSER_SIZE.sub("", match.group("body"))
    if not _balanced(body) or "\\mathcal" in body + other or not body.strip():
        return None  # (\mathcal{L}^{-1}\{A\} + \mathcal{L}^{-1}\{B\}: two transforms, not one)
    return body, "\\mathcal{L}\\left\\{" + other + "\\right\\}"


def _balanced(text: str) -> bool:
    """Whether the braces ``\\{ \\}`` of ``text`` close in order, none closing before it opened."""
    depth = 0
    for brace in re.findall(r"\\[{}]", text):
        depth += 1 if brace == "\\{" else -1
        if depth < 0:
            return False
    return depth == 0
