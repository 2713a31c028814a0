"""Putting a definition in place of the name it defines, in a syntax tree.

``E_x := -\\sum_k ...`` replaces ``E_x``; ``o_j = e^{z_j}/\\sum_k e^{z_k}`` replaces ``o_k`` with ``j``
renamed to ``k``; ``\\sigma(z) = 1/(1+e^{-z})`` replaces ``\\sigma(a + b)`` with ``z`` bound to
``(a + b)``. Substituted nodes keep the offsets of the definition's text, so callers must not use
them to point into the step's own text.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Mapping

from lintmath import tuples as tuples_reading
from lintmath.context import (
    ContextItem, component_labels, defined_head, head_with_pattern, head_with_written_powers, parameter_key,
    written_power,
)
from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math, parse_stated_value
from lintmath.parse.tokens import ParseFailure
from lintmath.parse.units import ohms_as_units, writes_ohms

MAX_ROUNDS = 4


@dataclass(frozen=True)
class Definition:
    item: ContextItem
    head: n.Sym
    params: tuple[str, ...]  # index letters of E_{j} or argument keys of f(x, y), f(\mathbf{x})
    function: bool
    body: n.Node
    # index letters on a function's name, D_N(t) = \sum_{n=-N}^{N} e^{int}: D_k(t) is that body with
    # N renamed to k, as for an indexed value
    indices: tuple[str, ...] = ()
    # a function's arguments as its left side writes them (the x_1, x_2 of f(x_1, x_2))
    args: tuple[n.Node, ...] = ()
    # H(j\omega) = ...: the argument is an expression in the one letter of params, which a call must
    # write alike (see _pattern_binding); such a definition is put in at calls only
    pattern: n.Node | None = None


def parse_definitions(items: tuple[ContextItem, ...], macros: Mapping[str, Macro],
                      kinds: tuple[str, ...] = ("define",)) -> list[Definition]:
    out = []
    for item in items:
        if item.kind not in kinds:
            continue
        try:
            # a value the prose states only rescues a step, so it may take physics' a/(bc) (see parse_stated_value)
            value = parse_stated_value if item.kind == "result" else parse_math
            lhs = parse_math(item.lhs, macros)
            try:
                body = value(item.rhs, macros)
            except ParseFailure as exc:
                body = tuples_reading.defined_vector(lhs, item.rhs, macros, exc)
        except (ParseFailure, RecursionError):
            continue
        if writes_ohms(body) and not writes_ohms(ohms := ohms_as_units(body)):
            # R_1 = 4\,\Omega: a resistance in ohms, its unit as any other unit of a value is (an Omega
            # away from a number is a quantity of the notes, and the value is kept as written)
            body = ohms
        head = defined_head(lhs) or head_with_written_powers(lhs)
        pattern = head_with_pattern(lhs) if head is None else None
        if pattern is not None:
            call, letter = pattern
            if not any(isinstance(x, n.Sym) and n.structure(x) == n.structure(letter) for x in body.walk()):
                continue  # H(e^{j\omega}) = 2: a value at one point, as P(A) = 0.3 is
            key = parameter_key(letter)
            out.append(Definition(item, call.func, (key,), True, body, (), (letter,), lhs.args[0]))  # type: ignore[union-attr,arg-type]
            continue
        if head is None:
            continue
        if isinstance(lhs, n.Apply):
            # by key: the bold x of f(\mathbf{x}) = \mathbf{b}^T\mathbf{x} is the bold x of its body
            # (q_1, q_2 by their subscripts too: see parameter_key); a power \sigma^2 by what it writes
            params = tuple(parameter_key(a) or _written_key(a) for a in lhs.args)  # type: ignore[union-attr]
            if _numbered_variable_scoped(params, body):
                continue
            indices = tuple(i.base for i in head.indices if isinstance(i, n.Sym) and not i.indices)
            out.append(Definition(item, head, params, True, body, indices, lhs.args))  # type: ignore[union-attr]
        else:
            params = tuple(i.base for i in head.indices if isinstance(i, n.Sym) and not i.indices)
            # a_0 = 1 in the prose: that term only, as a value that may rescue a step, never refute one;
            # so is R_0 = \beta/\gamma of a display where only rescues are read (``kinds`` with "result"):
            # the comparison itself still leaves a numbered member of a family to its rule
            fixed = (item.kind == "result" or "result" in kinds) and all(isinstance(i, n.Num) for i in head.indices)
            if len(params) != len(head.indices) and any(word_label(i) for i in head.indices) \
                    and all(word_label(i) or isinstance(i, n.Sym) and not i.indices for i in head.indices):
                # V_{base}, m_e, P_{core}: a name whose subscript the parser splits into letters and
                # Euler's e; that name only, matched as written (no letter of it a family's index)
                params, fixed = (), True
            elif head.indices and all(fraction_label(i) for i in head.indices):
                # t_{1/2}: no integer, so no member of a family a rule runs over; the name as written
                params, fixed = (), True
            if len(params) != len(head.indices) and not fixed:
                continue
            out.append(Definition(item, head, params, False, body))
    return out


transform = n.rebuild  # kept under the name the rest of lintmath uses

#: the start of a parameter key that binds no letter: an argument written as a power of one (see
#: context.head_with_written_powers), which a call must write the same
WRITTEN = "="


def _written_key(arg: n.Node) -> str:
    return WRITTEN + repr(n.structure(arg)) if written_power(arg) else arg.key  # type: ignore[attr-defined]


def _has_written(d: Definition) -> bool:
    return any(p.startswith(WRITTEN) for p in d.params)


def _written_arguments_match(d: Definition, args: tuple[n.Node, ...]) -> bool:
    """Whether a call writes each argument of ``d`` that binds nothing as ``d`` writes it."""
    return all(n.structure(a) == n.structure(w) for p, a, w in zip(d.params, args, d.args) if p.startswith(WRITTEN))


def _pattern_binding(pattern: n.Node, actual: n.Node, letter: n.Node) -> n.Node | None:
    """What a call's argument ``actual`` writes in the place of ``letter`` in the definition's argument
    ``pattern`` (100 of j100 against j\\omega, 0 of e^{j0} against e^{j\\omega}, \\omega_c of j\\omega_c),
    where everything else is written alike; None where the shapes differ (H(s) against H(j\\omega)), so
    that nothing is put in."""
    shape = n.structure(letter)
    found: list[n.Node] = []

    def match(p: object, a: object) -> bool:
        if isinstance(p, n.Node) and n.structure(p) == shape:
            if not isinstance(a, n.Node):
                return False
            if found and n.structure(found[0]) != n.structure(a):
                return False  # the letter written twice, something else each time
            found.append(a)
            return True
        if isinstance(p, n.Mul) and isinstance(a, n.Mul) and len(a.factors) > len(p.factors) \
                and sum(n.structure(f) == shape for f in p.factors) == 1:
            # j2\pi against j\omega: the letter's place takes the run of factors between the others
            k = next(i for i, f in enumerate(p.factors) if n.structure(f) == shape)
            tail = len(p.factors) - k - 1
            run = a.factors[k:len(a.factors) - tail]
            placed = n.Mul(run[0].start, run[-1].end, run, False, ("",) * (len(run) - 1))
            return all(match(x, y) for x, y in zip(p.factors[:k], a.factors[:k])) and match(p.factors[k], placed) \
                and all(match(x, y) for x, y in zip(p.factors[k + 1:], a.factors[len(a.factors) - tail:]))
        if isinstance(p, n.Mul) and isinstance(a, n.Div) and sum(n.structure(f) == shape for f in p.factors) == 1:
            # j\pi/T against j\omega: a product over a denominator is the product with the letter's factor
            # divided, j(\pi/T), whatever the other factors are
            before = len(found)
            if not match(p, a.num) or len(found) != before + 1:
                return False
            placed = found.pop()
            return match(next(f for f in p.factors if n.structure(f) == shape),
                         n.Div(placed.start, a.end, n.Paren(placed.start, placed.end, placed), a.den))
        if isinstance(p, n.Node):
            if type(p) is not type(a):
                return False
            if isinstance(p, (n.Num, n.Sym, n.Const)):
                return n.structure(p) == n.structure(a)  # type: ignore[arg-type]
            return all(match(getattr(p, f.name), getattr(a, f.name)) for f in fields(p)
                       if f.name not in n._PRESENTATION)
        if isinstance(p, tuple):
            return isinstance(a, tuple) and len(p) == len(a) and all(match(x, y) for x, y in zip(p, a))
        return p == a

    return found[0] if match(pattern, actual) and found else None


def _name_positions(tree: n.Node) -> set[int]:
    """Ids of the symbols that name rather than stand for a value: a derivative's, a gradient's or an
    integral's variable (d/do_j with o_j defined is still a derivative with respect to o_j), and a function's
    name where no definition of it applies (f(a, b) with f(x) defined)."""
    out: set[int] = set()
    for node in tree.walk():
        if isinstance(node, n.Deriv):
            out.update(id(var) for var, _ in node.wrt)
        elif isinstance(node, (n.Grad, n.Integral, n.Limit, n.Evaluate, n.EvalBar)) and node.var is not None:
            out.add(id(node.var))
        elif isinstance(node, n.Apply):
            out.add(id(node.func))
        elif isinstance(node, n.Sym) and node.sup_letter is not None:
            # the superscript letter of \beta_1^t is read as a label or a power of a letter, never as a
            # value the prose gives t (t = 2): every reader of sup_letter takes it for a letter
            out.update(id(x) for x in node.sup_letter.walk())
        if isinstance(node, (n.Integral, n.Limit, n.BigOp)):
            # the letter an integral, a limit or a sum runs over is that variable inside it, not the
            # prose's value of a namesake (the curve x = y^2 beside \int_0^1 \cosh x\,dx)
            bound = node.var if isinstance(node.var, str) else node.var.base
            out.update(id(x) for x in node.body.walk()
                       if isinstance(x, n.Sym) and x.base == bound and not x.indices and not x.style)
        # so is the letter a derivative is taken by, and the one a bar evaluates at its point: "at x = L"
        # in the prose puts no L into d/dx [\cosh m(L - x)]_{x=0}, whose slope would be 0
        if isinstance(node, n.Deriv):
            bound_letters = {var.base for var, _ in node.wrt if isinstance(var, n.Sym)}
            inner = node.body
        elif isinstance(node, n.Del) and node.coords:
            # a \nabla's axes are names as a derivative's variable is (y = x^x in the prose put into the
            # axes of \nabla(x^2 + y^2) left no letter to differentiate by); the body's y is that axis
            out.update(id(c) for c in node.coords)
            bound_letters, inner = {c.base for c in node.coords}, node.body
        elif isinstance(node, n.EvalBar) and node.var is not None:
            bound_letters, inner = {node.var.base}, node.expr
        else:
            continue
        out.update(id(x) for x in inner.walk()
                   if isinstance(x, n.Sym) and x.base in bound_letters and not x.indices and not x.style)
    return out


def _labelled_families(tree: n.Node, definitions: list[Definition]) -> n.Node:
    """``tree`` with each defined function's name written with a subscript and a number above before
    its argument, ``P_2^1(x)`` beside ``P_2(x)`` defined, read as a function of its own labelled by that
    number: it may be a member of another family (the associated Legendre functions P_l^m, spherical
    harmonics Y_l^m, generalised Laguerre L_n^{(k)}) as well as P_2(x) to a power, so neither the
    definition of P_2 nor a product with a letter P_2 is put in there (P_2 is a function)."""
    functions = [d.head for d in definitions if d.function and d.head.indices]
    if not functions:
        return tree

    def labelled(power: n.Node, after: n.Node) -> bool:
        return isinstance(power, n.Pow) and isinstance(power.base, n.Sym) and bool(power.base.indices) \
            and not power.base.labels and isinstance(power.exp, n.Num) and isinstance(after, n.Paren) \
            and after.delim == "(" and any(_same_name(power.base, head) for head in functions)

    def fn(node: n.Node) -> n.Node | None:
        if not isinstance(node, n.Mul) or node.explicit:
            return None
        factors = list(node.factors)
        out: list[n.Node] = []
        i = 0
        while i < len(factors):
            if i + 1 < len(factors) and labelled(factors[i], factors[i + 1]):
                power, after = factors[i], factors[i + 1]
                name = replace(power.base, labels=(f"^{{{power.exp.value}}}",))  # type: ignore[union-attr]
                out.append(n.Apply(power.start, after.end, name, (transform(after.inner, fn),)))  # type: ignore[union-attr]
                i += 2
                continue
            out.append(transform(factors[i], fn))
            i += 1
        if len(out) == len(factors):
            return None
        if len(out) == 1:
            return out[0]
        return n.Mul(node.start, node.end, tuple(out), False, ("",) * (len(out) - 1))

    return transform(tree, fn)


def _bind(body: n.Node, binding: dict[str, n.Node]) -> n.Node:
    def bound(node: n.Node) -> bool:
        # a labelled letter is a quantity of its own: the x^* of f(x) = (x - x^*)^2 g(x) is the root,
        # not the parameter (bound, it would make f vanish, and any step about f hold)
        return isinstance(node, n.Sym) and not node.labels and _binding_key(node) in binding

    def bracket(node: n.Apply) -> n.Node:
        arg = _bind(node.args[0], binding)
        return n.Paren(arg.start, arg.end, arg)

    def fn(node: n.Node) -> n.Node | None:
        moving = _moving_vars(node, binding)
        if moving:
            # a variable bound to a letter is renamed, brackets dropped (D_y = dP/dy used as D_x; U(\theta)
            # applied at \theta), which keeps it a variable's name
            renamed = {k: v for k in moving if (v := _bare_letter(binding[k])) is not None}
            moving = [k for k in moving if k not in renamed]
            if not moving:
                local = {**binding, **renamed}
                return n.rebuild(node, lambda x: None if x is node else _bind(x, local))
            # U(\theta) = \frac{\partial}{\partial\theta}\log f(X;\theta) at an expression: the derivative
            # is taken in the parameter and then evaluated there (putting the expression in the
            # variable's place would differentiate by it); an integral's, a limit's or a sum's variable
            # is a dummy the namesake parameter does not reach
            inner = {k: v for k, v in binding.items() if k not in moving}
            inner.update(renamed)
            if isinstance(node, (n.Deriv, n.Grad)):
                out = _scoped(node, inner, binding)
                for var in moving:
                    out = n.Evaluate(node.start, node.end, out, _key_symbol(var, node.start, node.end), binding[var])
                return out
            return _scoped(node, inner, binding)
        # a parameter before brackets, s(\tau s + 1) in a body of s, is a product (an Apply's name must
        # stay a symbol), and an exponent on it belongs to the bracket; a plain application keeps
        # its own function's name
        if isinstance(node, n.Pow) and isinstance(node.base, n.Apply) and bound(node.base.func) \
                and node.base.maybe_product:
            power = n.Pow(node.base.start, node.end, bracket(node.base), _bind(node.exp, binding))
            return n.Mul(node.start, node.end, (binding[_binding_key(node.base.func)], power), False, ("",))
        if isinstance(node, n.Apply) and bound(node.func):
            if not node.maybe_product:
                return None
            return n.Mul(node.start, node.end, (binding[_binding_key(node.func)], bracket(node)), False, ("",))
        if bound(node):
            return binding[_binding_key(node)]
        if isinstance(node, n.Sym) and node.sup_letter is not None and bound(node.sup_letter) \
                and not isinstance(binding[_binding_key(node.sup_letter)], n.Sym):
            # x_i^k in m_k = (1/n) sum_i x_i^k, used as m_2: a letter superscript bound to a number
            # or an expression is a power (a letter stays a superscript that may be a label, t_k^x)
            base = _bind(replace(node, sup_letter=None), binding)
            return n.Pow(node.start, node.end, base, binding[_binding_key(node.sup_letter)])
        return None

    return transform(body, fn) if binding else body


def _labels_with_itself(definition: Definition) -> bool:
    """Whether a value's body writes the defined letter as another letter's subscript (``Q = XW_Q``,
    ``K = XW_K``): there the letter labels a weight matrix, and is no use of the quantity defined."""
    head = definition.head
    return any(isinstance(y, n.Sym) and y.key == head.key and not y.indices
               for x in definition.body.walk() if isinstance(x, n.Sym) for i in x.indices for y in i.walk())


def _numbered_variable_scoped(params: tuple[str, ...], body: n.Node) -> bool:
    """Whether ``body`` takes a numbered parameter (x_1 of f(x_1, x_2)) as the variable of a derivative,
    an integral, a limit or a sum of its own: a scope that binding by such keys does not follow, so the
    definition is not put in at all."""
    numbered = {p for p in params if "_{" in p}
    if not numbered:
        return False
    for node in body.walk():
        if isinstance(node, n.Deriv):
            variables = [var for var, _ in node.wrt]
        elif isinstance(node, (n.Grad, n.Integral, n.Limit, n.Evaluate, n.BigOp)):
            variables = [node.var]
        else:
            continue
        if any(isinstance(v, n.Sym) and v.indices and parameter_key(v) in numbered for v in variables):
            return True
    return False


def _writes_bare(argument: n.Node, head: n.Sym) -> bool:
    """Whether ``argument`` writes the defined function's name alone, not applied (the P_i of P_i(1 - P_i))."""
    applied = {id(x.func) for x in argument.walk() if isinstance(x, n.Apply)}
    return any(isinstance(x, n.Sym) and id(x) not in applied and not x.primes and _same_name(x, head)
               for x in argument.walk())


def _plain_letter(node: n.Node | str | None) -> str | None:
    """The key a variable is bound by (see Definition.params), for a letter without labels, with at most
    a fixed subscript (q_1, p_x)."""
    if isinstance(node, str):
        return node
    if isinstance(node, n.Sym) and not node.labels:
        return _binding_key(node)
    return None


def _binding_key(sym: n.Sym) -> str | None:
    """The key a letter is bound by: its own key, or with a fixed subscript, that too (see parameter_key)."""
    return parameter_key(sym) if sym.indices else sym.key


def _key_symbol(key: str, start: int, end: int) -> n.Sym:
    """The letter of a parameter's key (``bf:x``: the bold x; ``q_{1}``: q with subscript 1)."""
    key, _, marks = key.partition("_{")
    style, _, base = key.partition(":") if ":" in key else ("", "", key)
    indices = tuple(n.Num(start, end, m) if m.isdigit() else n.Sym(start, end, m)
                    for m in marks.rstrip("}").split(",")) if marks else ()
    return n.Sym(start, end, base, style, indices)


def _bare_letter(value: n.Node) -> n.Sym | None:
    while isinstance(value, n.Paren):
        value = value.inner
    return value if isinstance(value, n.Sym) else None


def _moving_vars(node: n.Node, binding: dict[str, n.Node]) -> list[str]:
    """The letters ``binding`` binds that ``node`` takes as its own variable: a derivative's, a
    gradient's, an integral's, a limit's, a sum's or an evaluation's."""
    if not binding:
        return []
    if isinstance(node, n.Deriv):
        names = [_plain_letter(var) for var, _ in node.wrt]
    elif isinstance(node, (n.Grad, n.Integral, n.Limit, n.Evaluate, n.BigOp)):
        names = [_plain_letter(node.var)]
    else:
        return []
    return list(dict.fromkeys(x for x in names if x is not None and x in binding))


def _scoped(node: n.Node, inner: dict[str, n.Node], outer: dict[str, n.Node]) -> n.Node:
    """``node`` with its scope bound by ``inner`` (the binding without its own variables) and what
    lies outside that scope (bounds, a limit's point, an evaluation's value) by ``outer``."""
    def out(x: n.Node | None) -> n.Node | None:
        return None if x is None else _bind(x, outer)
    if isinstance(node, n.Evaluate):
        return replace(node, expr=_bind(node.expr, inner), value=_bind(node.value, outer))
    if isinstance(node, n.Limit):
        return replace(node, body=_bind(node.body, inner), point=_bind(node.point, outer))
    if isinstance(node, (n.Integral, n.BigOp)):
        return replace(node, body=_bind(node.body, inner), lo=out(node.lo), hi=out(node.hi))
    return replace(node, body=_bind(node.body, inner))


def _same_name(a: n.Node, b: n.Sym) -> bool:
    if not isinstance(a, n.Sym):  # an applied compound, \mathcal{L}\{f\}(s): no definition's name
        return False
    sup_a = a.sup_letter.base if a.sup_letter else None
    sup_b = b.sup_letter.base if b.sup_letter else None
    return a.base == b.base and a.style == b.style and a.labels == b.labels and sup_a == sup_b \
        and len(a.indices) == len(b.indices)


def _indices_bound(d: Definition, func: n.Sym) -> dict[str, n.Node] | None:
    """The renaming of a function definition's index letters to those of its use (D_N(t) used as
    D_k(t): N becomes k), or None when a fixed index of the definition is not the one used (T_0(x) = 1
    says nothing of T_n). Parameters of the function itself keep their own binding."""
    binding: dict[str, n.Node] = {}
    for pattern, actual in zip(d.head.indices, func.indices):
        if _fixed_index_differs(pattern, actual, d.body, d.head):
            return None
        if isinstance(pattern, n.Sym) and not pattern.indices and pattern.base in d.params \
                and n.structure(actual) != n.structure(pattern):
            # f_y(x, y) = x + 2y: a subscript that is one of the function's own variables names a
            # partial derivative, no index to rename; f_x is another function
            return None
        if isinstance(pattern, n.Sym) and not pattern.indices and pattern.base not in d.params \
                and not (isinstance(actual, n.Sym) and actual.base == pattern.base and not actual.indices):
            binding[pattern.base] = n.Paren(actual.start, actual.end, actual)
    return binding


def _fixed_index_differs(pattern: n.Node, actual: n.Node, body: n.Node, head: n.Sym | None = None) -> bool:
    """``x_0 := ...`` defines x_0 only: a number in the pattern must match the use. So does a letter
    the value never mentions: ``\\sigma_x = (matrix)`` names the x component (a label, like E_x or
    v_y), not every \\sigma_i, whereas ``a_n = 2n`` is a rule for each n; and one that labels an axis
    beside another axis's component in the value (see component_labels, with ``head``). A rule does not
    apply where its index would be renamed to a letter the value already writes (``a_i = b_i + c_j``
    used as a_j): the renaming would capture it."""
    if isinstance(pattern, n.Sym):
        same = isinstance(actual, n.Sym) and actual.base == pattern.base and not actual.indices
        if pattern.indices:
            return False
        if _mentions_letter(body, pattern.base) and (head is None or pattern.base not in component_labels(head, body)):
            return not same and isinstance(actual, n.Sym) and not actual.indices \
                and _mentions_letter(body, actual.base)
        return not same
    if isinstance(pattern, n.Num):
        return not (isinstance(actual, n.Num) and actual.value == pattern.value)
    if word_label(pattern) or fraction_label(pattern):
        return n.structure(pattern) != n.structure(actual)
    return True


def fraction_label(index: n.Node) -> bool:
    """Whether a subscript is a fraction of numbers (the half-life t_{1/2}, the half-width x_{1/2}): no
    integer, so no member of a family that a rule runs over."""
    return isinstance(index, n.Div) and isinstance(index.num, n.Num) and isinstance(index.den, n.Num)


def word_label(index: n.Node) -> bool:
    """Whether a subscript is a label spelt in letters with an e among them (``_e``, ``_{base}``,
    ``_{ref}``), which the parser reads as Euler's number beside the other letters: no index a rule
    could run over."""
    if isinstance(index, n.Const):
        return index.name == "e"
    if isinstance(index, n.Mul) and not index.explicit:
        return any(isinstance(f, n.Const) and f.name == "e" for f in index.factors) \
            and all(isinstance(f, n.Const) and f.name == "e"
                    or isinstance(f, n.Sym) and not f.indices and not f.style and len(f.base) == 1
                    for f in index.factors)
    return False


# the variables a value names its argument by, where it writes other letters too (C e^{kt}, x^3/4 + C/x)
_VARIABLES = ("x", "t")
# letters that name functions of that variable (f, g, h in calculus, y, u, v in differential equations):
# in a value they are no constants, so its derivative is not the value's alone
_FUNCTION_LETTERS = frozenset({"f", "g", "h", "y", "u", "v", "w"})


def _derivative_variable(body: n.Node, primed: set[str]) -> str | None:
    """The key of the letter a prime on a defined value differentiates by: the one plain letter the value
    writes (x in x\\sin x + \\cos x), or x or t beside letters that are constants (C, A, c_1, k), none
    of which the step primes (``primed``: the bases it does) nor is a function by convention. None
    where the variable is a guess."""
    heads = n.non_quantities(body)
    letters = [x for x in body.walk() if isinstance(x, n.Sym) and id(x) not in heads]
    plain = {x.key for x in letters
             if not (x.indices or x.labels or x.primes or x.sup_letter is not None or x.style)}
    if len({x.key for x in letters}) == 1 and len(plain) == 1:
        only = next(iter(plain))
        # z = y^2 beside y': the one letter is itself a function, and z' = 2yy', not 2y
        return None if letters[0].base in primed or letters[0].base in _FUNCTION_LETTERS else only
    candidates = plain & set(_VARIABLES)
    if len(candidates) != 1:
        return None
    variable = next(iter(candidates))
    others = [x for x in letters if x.key != variable]
    if any(x.primes or x.base in primed or x.base in _FUNCTION_LETTERS or x.base in _VARIABLES
           or x.base == variable for x in others):
        return None  # y = xu beside u': u moves with x, which the derivative of the value would miss
    return variable


def _changed_variable(node: n.Integral, definitions: list[Definition], names: set[str] | None,
                      primed: set[str]) -> tuple[n.Node, Definition] | None:
    """``\\int u^5\\,du`` beside ``u = x^2 + 1``: a substitution's antiderivative, read back in the old
    variable as ``\\int (x^2 + 1)^5 \\frac{d}{dx}(x^2 + 1)\\,dx`` with the definition's one letter x (the
    two agree up to the constant an antiderivative leaves open). Only antiderivatives: a definite
    integral's bounds are written in the new variable, which the old one does not run between."""
    var = node.var
    if not isinstance(var, n.Sym) or var.indices or var.primes or (names is not None and var.base not in names):
        return None
    for d in definitions:
        if d.function or d.params or d.head.indices or not _same_name(var, d.head):
            continue
        variable = _derivative_variable(d.body, primed)
        if variable is None or variable == var.key:
            return None
        old = _key_symbol(variable, var.start, var.end)
        if any(_same_name(old, other.head) for other in definitions):
            # x = 2\tan\theta given too: which variable the antiderivative is read in is a guess
            return None
        value = n.Paren(d.body.start, d.body.end, d.body)
        # the new variable inside the integrand is the bound one, which _name_positions protects from
        # the definition: it is put in here (not where it names a derivative's variable), with the
        # rest of the integrand left to the next round
        naming = _name_positions(node.body)
        body = transform(node.body, lambda x: x if id(x) in naming else value if isinstance(x, n.Sym)
                         and _same_name(x, var) and not x.indices and not x.primes else None)
        factor = _derivative_of(d.body, old, 1, node)
        product = n.Mul(node.start, node.end, (n.Paren(body.start, body.end, body), factor), False, ("",))
        return replace(node, body=product, var=old), d
    return None


def _derivative_of(value: n.Node, variable: n.Sym, order: int, at: n.Node) -> n.Deriv:
    """The derivative a prime on a defined name stands for: of the whole value, so it is put in as one
    bracket; bare, a value (v - b) \\cdot 2b would read as the derivative of its first bracket alone,
    as \\frac{d}{db}(v - b) \\cdot 2b is written (see lower._bracket_then_factors)."""
    return n.Deriv(at.start, at.end, n.Paren(value.start, value.end, value), ((variable, order),), False)


def _mentions_letter(body: n.Node, letter: str) -> bool:
    # a member of another family whose name is the letter (the H_0 of t_H = 1/H_0, the Hubble time beside
    # today's Hubble rate) is a quantity of its own, not the index: such a subscript is a label
    return any(isinstance(x, n.Sym) and x.base == letter and not x.indices for x in body.walk())


def _del_at_point(node: n.Del, definitions: list[Definition],
                  names: set[str] | None) -> tuple[n.Node, Definition] | None:
    """``\\nabla g(1, 2, 3)`` with g(x, y, z) defined: the gradient (divergence, Laplacian) of the body in
    the coordinates of the \\nabla, evaluated at the point afterwards; the body put in at the point
    first would be a number, whose gradient is 0. A point that writes the coordinates themselves in
    another order or combination (``\\nabla g(y, x)``), or a function of another number of variables
    than the \\nabla's coordinates, leaves the \\nabla unread. None where the operand is no such
    application (``\\nabla g(x, y, z)`` is the function at its own variables: put in as usual)."""
    body = node.body
    while isinstance(body, n.Paren) and body.delim == "(":
        body = body.inner
    if not isinstance(body, n.Apply) or body.primes:
        return None
    coords = [c.key for c in node.coords]
    if [a.key if isinstance(a, n.Sym) else None for a in body.args] == coords:
        return None
    for d in definitions:
        if not d.function or (names is not None and d.head.base not in names) \
                or not _same_name(body.func, d.head) or len(body.args) != len(d.params) or _has_written(d):
            continue
        renamed = _indices_bound(d, body.func)
        if renamed is None:
            continue
        axes = node.coords
        if len(d.params) == 2 and len(coords) == 3 and list(d.params) == coords[:2] and node.kind in ("grad", "lap"):
            # f(x, y) defined: the step at a point writes no x or y, which left the \nabla three axes
            axes, coords = node.coords[:2], coords[:2]
        if len(d.params) != len(coords) or any(n.mentions(a, set(coords)) for a in body.args):
            return replace(node, coords=(), reason="a \\nabla of a defined function at a point that is not decided"), d
        binding = {**renamed, **{p: c for p, c in zip(d.params, axes)}}
        out: n.Node = replace(node, body=n.Paren(body.start, body.end, _bind(d.body, binding)), coords=axes)
        for coord, arg in zip(axes, body.args):
            out = n.Evaluate(node.start, node.end, out, coord, n.Paren(arg.start, arg.end, arg))
        return out, d
    return None


def _numbered_gradient(node: n.Del, definitions: list[Definition],
                       names: set[str] | None) -> tuple[n.Node, Definition] | None:
    """``\\nabla f(x_1, x_2)`` or ``\\nabla f(1, 0)`` beside ``f(x_1, x_2) = ...`` defined: the column of the
    partial derivatives by the numbered variables x_1, x_2, ... in their order, at the point written.
    (The Cartesian reading of a bare \\nabla knows x, y, z only.) A point that writes the variables
    themselves in another order or in expressions is left unread; None where the operand is no
    application of such a function, or its variables are not x_1, ..., x_n of one letter."""
    body = node.body
    while isinstance(body, n.Paren) and body.delim == "(":
        body = body.inner
    # the bare name (\nabla f) is the function at its own variables; so is the stand-in f(x, y) that the
    # Cartesian reading (see cartesian.py) writes for it, whose x and y the numbered variables replace
    if isinstance(body, n.Apply) and node.coords \
            and [n.structure(a) for a in body.args] == [n.structure(c) for c in node.coords]:
        body = body.func
    bare = isinstance(body, n.Sym) and not body.primes and not body.indices
    if not (isinstance(body, n.Apply) or bare) or body.primes:
        return None
    func, args = (body, ()) if bare else (body.func, body.args)  # type: ignore[union-attr]
    for d in definitions:
        if not d.function or d.indices or not d.args or not (bare or len(d.args) == len(args)) \
                or (names is not None and d.head.base not in names) or not _same_name(func, d.head):
            continue
        variables = [a for a in d.args if isinstance(a, n.Sym)]
        if len(variables) != len(d.args) or not _numbered_axes(variables):
            return None
        own = [n.structure(v) for v in variables]
        at_own = bare or [n.structure(a) for a in args] == own
        letters = {v.base for v in variables}
        if not at_own and any(n.mentions(a, letters) for a in args):
            return replace(node, reason="a \\nabla of a defined function at a point that is not decided"), d
        value = n.Paren(body.start, body.end, d.body)
        entries: list[n.Node] = []
        for v in variables:
            var = replace(v, start=node.start, end=node.end)
            entry: n.Node = n.Deriv(node.start, node.end, value, ((var, 1),), True)
            if not at_own:
                for w, arg in zip(variables, args):
                    entry = n.Evaluate(node.start, node.end, entry, replace(w, start=node.start, end=node.end),
                                       n.Paren(arg.start, arg.end, arg))
            entries.append(entry)
        return n.MatrixLit(node.start, node.end, tuple((e,) for e in entries)), d
    return None


def _numbered_axes(variables: list[n.Sym]) -> bool:
    """Whether ``variables`` are x_1, x_2, ..., x_n in that order: one plain letter numbered from 1."""
    if len({(v.base, v.style) for v in variables}) != 1:
        return False
    return all(len(v.indices) == 1 and isinstance(v.indices[0], n.Num) and v.indices[0].value == str(k)
               for k, v in enumerate(variables, 1))


def _differentiated_function(node: n.Deriv, definitions: list[Definition],
                             names: set[str] | None) -> tuple[n.Node, Definition] | None:
    """``\\frac{dN}{dE}`` beside both ``N = ...`` (a total) and ``N(E) = ...`` (a count up to E): the bare N
    differentiated by E is the function of E, as notes write g(E) = dN/dE; the value, constant in E,
    would make the derivative vanish. So is a bare u under a partial derivative by some of the variables of a
    defined u(x, y). None where no function of the name has those parameters."""
    body = node.body
    if node.primes or not node.wrt or not isinstance(body, n.Sym) or body.primes:
        return None
    keys = [_plain_letter(var) for var, _ in node.wrt]
    if None in keys:
        return None
    for d in definitions:
        if not d.function or not _same_name(body, d.head) or (names is not None and d.head.base not in names):
            continue
        if len(keys) == 1 and d.params == (keys[0],) and not d.indices and not body.indices:
            return replace(node, body=n.Paren(body.start, body.end, d.body)), d
        if node.partial and not node.held and len(d.params) > 1 and len(set(d.params)) == len(d.params) \
                and set(keys) <= set(d.params) and not any(not e.function and _same_name(body, e.head) for e in definitions):
            # \frac{\partial u}{\partial x} with u(x, y) defined: the partial derivative of the function at
            # its own variables, the others held fixed (only the partial sign says so: a total du/dx may
            # let y move with x, along a budget line; and none held that may not be its own, (\partial U/
            # \partial T)_P). A value given to the bare name (L = xy + ... of
            # the next example) is what the bare name stands for; the \pi_1 of \pi_1(q_1, q_2) is not \pi_2's
            renamed = _indices_bound(d, body)
            if renamed is None:
                continue
            return replace(node, body=n.Paren(body.start, body.end, _bind(d.body, renamed))), d
    return None


def substitute(tree: n.Node, definitions: list[Definition], names: set[str] | None = None) -> tuple[n.Node, list[Definition]]:
    """``tree`` with every use of a defined name (restricted to ``names`` when given) replaced."""
    used: list[Definition] = []

    protected: set[int] = set()
    labels: set[int] = set()  # the letters inside another letter's subscript

    def fn(node: n.Node) -> n.Node | None:
        return node if id(node) in protected else replaced(node)

    # where a name is defined both as a function and as a value, H(p) takes the function and a
    # bare H the value
    for_applications = sorted(definitions, key=lambda d: not d.function)
    for_names = sorted(definitions, key=lambda d: d.function)
    # the readings of an integral's variable, a derivative or a gradient know functions of letters only
    plain_names = [d for d in for_names if d.pattern is None]
    plain_applications = [d for d in for_applications if d.pattern is None]

    # the letters the step primes: a value that writes one of them is no function of one variable
    primed = {x.base for x in tree.walk() if isinstance(x, n.Sym) and x.primes}

    products: set[int] = set()  # the Muls made of p_j(1 + p_j) below, to move an exponent onto the bracket

    def replaced(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Pow) and isinstance(node.base, n.Apply) and node.base.maybe_product:
            product = replaced(node.base)
            if product is None or id(product) not in products:
                return None if product is None else n.Pow(node.start, node.end, product, transform(node.exp, fn))
            # P(1+i)^{-n} with P a value: the exponent belongs to the bracket, as lower_Pow reads it
            value, bracket = product.factors
            power = n.Pow(bracket.start, node.end, bracket, transform(node.exp, fn))
            return n.Mul(node.start, node.end, (value, power), False, ("",))
        if isinstance(node, n.Integral) and node.lo is None and not node.region and not node.implicit:
            changed = _changed_variable(node, plain_names, names, primed)
            if changed is not None:
                used.append(changed[1])
                return changed[0]
        if isinstance(node, n.Deriv) and isinstance(node.body, n.Sym):
            own = _differentiated_function(node, plain_applications, names)
            if own is not None:
                used.append(own[1])
                return own[0]
        if isinstance(node, n.Del) and node.kind == "grad":
            numbered = _numbered_gradient(node, plain_applications, names)
            if numbered is not None:
                used.append(numbered[1])
                return numbered[0]
        if isinstance(node, n.Del) and node.coords:
            at_point = _del_at_point(node, plain_applications, names)
            if at_point is not None:
                used.append(at_point[1])
                return at_point[0]
        for d in for_applications if isinstance(node, n.Apply) else for_names:
            if names is not None and d.head.base not in names:
                continue
            if d.pattern is not None:
                # H(j\omega) = ...: put in at a call of the same shape only, never at a bare H, H' or H(s)
                if isinstance(node, n.Apply) and _same_name(node.func, d.head) and not node.primes \
                        and len(node.args) == 1 and not node.func.indices:
                    bound = _pattern_binding(d.pattern, node.args[0], d.args[0])
                    if bound is not None:
                        value = transform(bound, fn)
                        used.append(d)
                        return n.Paren(node.start, node.end,
                                       _bind(d.body, {d.params[0]: n.Paren(value.start, value.end, value)}))
                continue
            if not d.function and isinstance(node, n.Apply) and _same_name(node.func, d.head):
                if not node.maybe_product:
                    continue
                # p_j(1 + p_j) with p_j defined: a product, not an application
                value = replaced(node.func) or node.func
                arg = transform(node.args[0], fn)
                product = n.Mul(node.start, node.end, (value, n.Paren(arg.start, arg.end, arg)), False, ("",))
                products.add(id(product))
                return product
            if d.function and isinstance(node, n.Sym) and _same_name(node, d.head) and len(d.params) == 1:
                renamed = _indices_bound(d, node)
                if renamed is None:
                    continue
                # dL/dw with L(w) defined: the function at its own argument
                used.append(d)
                value = _bind(d.body, renamed)
                if node.primes:
                    # f' with f(x) defined is the derivative of the body, not the body (whose prime
                    # dropped would refute f' = 3x^2 beside f(x) = x^3)
                    param = _key_symbol(d.params[0], node.start, node.end)
                    return _derivative_of(value, param, node.primes, node)
                return n.Paren(node.start, node.end, value)
            if d.function and isinstance(node, n.Apply) and _same_name(node.func, d.head) and node.maybe_product \
                    and not node.primes and len(node.args) == len(d.params) == 1 and _writes_bare(node.args[0], d.head):
                # P_i(1 - P_i) beside P_i(\theta) defined: the bracket writes the function's own value as a
                # bare name, so it is a factor beside that value (a_iP_i(1 - P_i)), not the function's argument
                value = replaced(replace(node.func, primes=0))
                if value is None:
                    continue
                arg = transform(node.args[0], fn)
                product = n.Mul(node.start, node.end, (value, n.Paren(arg.start, arg.end, arg)), False, ("",))
                products.add(id(product))
                return product
            if d.function and isinstance(node, n.Apply) and _same_name(node.func, d.head) \
                    and len(node.args) == len(d.params) == 1 and node.primes:
                renamed = _indices_bound(d, node.func)
                if renamed is None:
                    continue
                # f'(a) with f(x) defined: the derivative of the body, evaluated at a
                used.append(d)
                param = _key_symbol(d.params[0], node.start, node.end)
                derivative = _derivative_of(_bind(d.body, renamed), param, node.primes, node)
                arg = transform(node.args[0], fn)
                return n.Evaluate(node.start, node.end, derivative, param, n.Paren(arg.start, arg.end, arg))
            if d.function and isinstance(node, n.Apply) and _same_name(node.func, d.head) \
                    and len(node.args) == len(d.params) and not node.primes \
                    and _written_arguments_match(d, node.args):
                renamed = _indices_bound(d, node.func)
                if renamed is None:
                    continue
                args = [transform(a, fn) for a in node.args]
                binding = {**renamed, **{p: n.Paren(a.start, a.end, a) for p, a in zip(d.params, args)}}
                used.append(d)
                return n.Paren(node.start, node.end, _bind(d.body, binding))
            if not d.function and isinstance(node, n.Sym) and _same_name(node, d.head):
                if id(node) in labels and _labels_with_itself(d):
                    continue  # the Q of W_Q beside Q = XW_Q: a label, or the value would go round forever
                if any(_fixed_index_differs(p, i, d.body, d.head) for p, i in zip(d.head.indices, node.indices)):
                    continue
                if isinstance(d.body, n.MatrixLit) and d.body.listed and [n.structure(i) for i in node.indices] != [
                        n.structure(i) for i in d.head.indices]:
                    # a vector written as a list names its own subscript only: \mathbf{x}_u of a surface is
                    # its derivative by u, and \mathbf{x}_v no rule's renaming of it (see context.head_label)
                    continue
                binding = {p: i for p, i in zip(d.params, node.indices)}
                value = _bind(d.body, binding)
                if node.primes != d.head.primes:
                    # y_p' beside y_p = x\sin x + C is the derivative of the value by its variable; where
                    # the variable is a guess (x and t both written, y = u^2 with u a function), or beside a
                    # definition of x' (another name, not a derivative), nothing is put in
                    variable = _derivative_variable(value, primed)
                    if d.head.primes or variable is None:
                        continue
                    used.append(d)
                    wrt = _key_symbol(variable, node.start, node.end)
                    return _derivative_of(value, wrt, node.primes, node)
                used.append(d)
                return n.Paren(node.start, node.end, value)
        return None

    tree = _labelled_families(tree, plain_applications)
    original = tree
    for _ in range(MAX_ROUNDS + 1):
        before = len(used)
        protected = _name_positions(tree)
        labels = {id(y) for x in tree.walk() if isinstance(x, n.Sym) for i in x.indices for y in i.walk()}
        tree = transform(tree, fn)
        if len(used) == before:
            return tree, used
    # still a defined name left after every round: definitions that go round in a circle (f(x) = (x-c)^2
    # g(x) of one paragraph, g(x) = x - f(x)/f'(x) of the next, two different g's), whose expansion cut
    # off anywhere is no value of the step's names; nothing is put in
    return original, []
