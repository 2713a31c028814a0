"""Definitions and assumptions a step may need from the rest of its document.

The seed's wrong slide is one line, ``\\partial E_x / \\partial o_j^x = ...``, wrong only because another
slide defines ``E_x``. This module finds such definitions (``name := expr``, ``f(x) = expr``, the head of
a chain, ``% lintmath: define``) and assumptions (``% lintmath: assume``) in document order, as plain
text with their location, so that each step can be given the ones in force where it stands. It reads
the syntax tree to recognise a definition, but knows nothing of SymPy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from lintmath import complexes, declared, dependence, expectation, independence, linearmaps, logbase, minkowski, money, normalcdf, quantum
from lintmath import boolean, chopping, distributions, einstein_prose, orthogonality, poisson, reals, reynolds, rotations, symmetric
from lintmath import tuples as tuples_reading
from lintmath.model import Derivation, Document, Macro, Step
from lintmath.lower import LIBRARY
from lintmath.modular import has_letters
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math, parse_stated_value
from lintmath.parse.tokens import ParseFailure, macro_table, tokenize
from lintmath.parse.vocabulary import GREEK
from lintmath.relations import RelationMatch, find_relations, normalize_relation

DEFINING = {":=", "==="}


@dataclass(frozen=True)
class ContextItem:
    """``kind`` is "define", "result" (a letter's value the document states, ``s = \\sum_k e^{z_k}``,
    which may be a result as much as a definition) or "assume"; ``where`` is "path:line" for messages."""

    kind: str
    name: str  # the defined name's base, e.g. "E" or "\\sigma" ("" for assumptions)
    lhs: str
    relation: str
    rhs: str
    where: str
    line: int
    strong: bool = False  # written with := / \equiv / a directive: never a claim in disguise
    path: str = ""
    prose: bool = False  # inline math of the prose ("where $\mu = ...$"), which may follow the step
    declared: bool = False  # inline, after "let", "define", "denote": a name given, not a case taken
    # the defined head's labels (the H of W_H, the 1 and * of x_1^*), which make it a quantity of its
    # own beside the base's other labels ("" for a rule over an index, a_n = 2n)
    label: str = ""
    # whether the value writes letters, read through the document's macros (\\lf = 1/\\sqrt{1 - \\bv^2}
    # is a value with letters, not one of numbers); None: read from ``rhs`` as written
    lettered: bool | None = None
    # the value's tree as read through the document's macros, without positions (so that a value restated
    # in other words, \\lambda/\\mu for \\frac{\\lambda}{\\mu}, reads the same); None where it was not read
    value: str | None = None
    # inline, in a sentence that opens in lowercase ("where $\rho = ...$"): it may explain the display
    # above it, where a capital opens a passage of its own
    explains: bool = False
    # inline, in a sentence that takes the value for a worked example ("with $n = 100$", "now take $k = 2$"),
    # not one that supposes or compares ("if there were $k = 2$ groups") nor says neither ("has mean ...")
    taken: bool = False
    # an EVALUATED item's: the keys of the names its formula writes (space-separated: bar:x, op:SSB), whose
    # values given anew below
    # the chain make its number one of the past (MSB = SSB/(k - 1) = 20, then "$\mathrm{SSB} = 60$")
    formula: str = ""
    # a function's value read off a chain's head at expressions (see _defined_at_expression), which gives
    # way to a definition of the same name above it
    instance: bool = False


_POSITIONS = re.compile(r"\b(?:start|end)=\d+, |\bslash=(?:True|False)")


def value_key(body: n.Node) -> str:
    """A value's tree without the places it was written at nor the way a quotient was written."""
    return _POSITIONS.sub("", repr(body))


def gives_anew(inline: ContextItem, shown: ContextItem, before: bool = True) -> bool:
    """Whether a value stated inline in the prose (``We now let $\\rho = \\lambda/(c\\mu)$``, ``where $\\rho =
    \\lambda/(3\\mu)$``) gives its name a new value rather than restating the one a display defined above
    (``\\rho = \\frac{\\lambda}{\\mu}`` of a previous section): another value with letters. Notes reuse a name
    from one model to the next (the utilisation of one server, then of c servers), and a step of the new
    model is then no claim about the old definition; as a value of the prose, the new one only rescues or
    verifies, never refutes. ``before``: whether the value stands before the step; one below it gives the
    name anew for the step only in a clause that explains the display ("where ..."), as a sentence of its
    own opens the passage below it."""
    if not with_letters(inline) and not with_letters(shown):
        # "with $n = 100$ and $p = 0.2$" below an example's displayed n = 384.16: each worked example
        # has numbers of its own, which the sentence before its display gives
        # (only a sentence that takes the number for the example: "if there were $k = 2$ groups" below a
        # displayed k = 3 supposes another case, and the step below still computes with 3)
        return before and inline.taken and inline.value is not None and shown.value is not None \
            and inline.value != shown.value
    if not with_letters(inline) or (not before and not inline.explains):
        return False
    return inline.value is not None and shown.value is not None and inline.value != shown.value


def with_letters(item: ContextItem) -> bool:
    """Whether ``item``'s value writes letters (a general value, not one of a worked example)."""
    return has_letters(item.rhs) if item.lettered is None else item.lettered


def head_label(head: n.Sym, body: n.Node, params: tuple[str, ...] = ()) -> str:
    """The labels that name ``head`` apart from its base's other quantities: W_H and W_D (a payoff to
    Hawks and one to Doves), U_T(q) and U_B(q), x_1^* and x_2^* are defined side by side, and neither
    replaces the other. A subscript letter the value mentions is an index (a_n = 2n, a rule for every
    n: a later a_k = ... redefines it), as substitute reads it, unless it is one of the function's own
    variables (``params``): f_x(x, y) and f_y(x, y) are two partial derivatives, side by side."""
    components = component_labels(head, body)
    if isinstance(body, n.MatrixLit) and body.listed:
        # \mathbf{x}_u = (-R\sin u\cos v, ...) beside \mathbf{x}_v = (...): the partial derivatives of a
        # surface, written as lists, side by side (see substitute: such a value names its own subscript only)
        components = frozenset(i.base for i in head.indices if isinstance(i, n.Sym) and not i.indices)
    fixed = [i for i in head.indices if isinstance(i, n.Num)
             or isinstance(i, n.Sym) and not i.indices and (i.base in params or i.base in components or not any(
                 isinstance(x, n.Sym) and x.base == i.base for x in body.walk()))]
    # an accent names another quantity: $\hat y = X\hat\beta$ (the fitted values) beside the model's
    # $y = X\beta + u$ replaces neither (bold or upright type is the same quantity, so only accents)
    accents = "".join("'" + part for part in head.style.split("+") if part in _ACCENTS)
    if len(fixed) != len(head.indices):
        # a family's rule (\alpha_t = 1 - \beta_t beside \bar\alpha_t = \prod_s \alpha_s): the accented
        # family is still another quantity, which neither rule replaces
        return accents
    subscript = "_" + ",".join(i.value if isinstance(i, n.Num) else i.base for i in fixed) if fixed else ""
    return subscript + ("^" + "".join(head.labels) if head.labels else "") + accents


def component_labels(head: n.Sym, body: n.Node) -> frozenset[str]:
    """The letters indexing ``head`` that name one component rather than run as a rule's index:
    ``\\sigma_{xx} = \\frac{E}{1 - \\nu^2}(\\varepsilon_{xx} + \\nu\\varepsilon_{yy})`` writes x only as an index,
    beside the index y of another fixed component, which the head does not write and nothing in the
    value sums over. As a rule over x it would give sigma_yy with eps_yy twice (the y of the value
    captured), where the notes define sigma_yy on the next row: x and y label the axes."""
    letters = {i.base for i in head.indices if isinstance(i, n.Sym) and not i.indices}
    if not letters:
        return frozenset()
    in_index: set[int] = set()
    for x in body.walk():
        if isinstance(x, n.Sym):
            for i in x.indices:
                in_index.update(id(y) for y in i.walk())
    bound = {v for x in body.walk() if isinstance(x, n.BigOp) for v in (x.var, *x.extra_vars)}
    syms = [x for x in body.walk() if isinstance(x, n.Sym)]
    bare = {x.base for x in syms if id(x) not in in_index}
    others = {x.base for x in syms if id(x) in in_index} - letters - bound - bare
    if not others:
        return frozenset()
    return frozenset(letter for letter in letters if letter not in bare)


_ACCENTS = frozenset({"hat", "bar", "tilde", "dot", "ddot", "check", "breve", "acute", "grave", "ring"})


def defined_head(tree: n.Node) -> n.Sym | None:
    """The name a definition-shaped left side defines: ``E_x``, ``f(x)``, ``\\sigma(z)``, ``L(w, b)``."""
    if isinstance(tree, n.Sym) and not tree.primes:
        return tree
    if expectation.is_average(tree):
        # <E> = (E_1 + E_2)/2 states a value in a state, and defines no function named E (E_n stays defined)
        return None
    if isinstance(tree, n.Apply) and expectation.kind_of(tree) is not None:
        # Var(X) = E[X^2] - E[X]^2 is a claim about operators lintmath knows, not a name being given
        return None
    if isinstance(tree, n.Apply) and not tree.primes and all(parameter_key(a) is not None for a in tree.args):
        subscripted = [a for a in tree.args if a.indices]  # type: ignore[union-attr]
        # pi_1(q_1, q_1) would bind one letter twice
        # (f(x_1, x_2) = x_1^2 + x_2^2: each numbered variable its own; a single one, f(x_0) = 3, is as often a
        # value at a point)
        if subscripted and (len(tree.args) < 2 or len({parameter_key(a) for a in tree.args}) != len(tree.args)):
            return None
        return tree.func
    return None


def written_power(arg: n.Node) -> bool:
    """Whether ``arg`` is a plain letter to a whole power, the \\sigma^2 of NLL(\\mu, \\sigma^2)."""
    return isinstance(arg, n.Pow) and isinstance(arg.exp, n.Num) and isinstance(arg.base, n.Sym) \
        and parameter_key(arg.base) is not None and not arg.base.indices


def head_with_written_powers(lhs: n.Node) -> n.Sym | None:
    """The name of ``NLL(\\mu, \\sigma^2) = ...``, a function of a variance that the notes write as a
    power of sigma, or None. Such an argument binds nothing: the definition applies to a call only where
    the call writes that argument the same (see substitute._written_arguments_match), whose body
    then stands as it is written, sigma for sigma."""
    if not isinstance(lhs, n.Apply) or lhs.primes or not isinstance(lhs.func, n.Sym) or len(lhs.args) < 2:
        return None
    powers = [a for a in lhs.args if written_power(a)]
    plain = [a for a in lhs.args if not written_power(a)]
    if not powers or not plain or any(parameter_key(a) is None or a.indices for a in plain):
        return None
    letters = [parameter_key(a) for a in plain] + [parameter_key(p.base) for p in powers]
    if len(set(letters)) != len(letters):
        return None  # f(x, x^2): one letter bound two ways
    return defined_head(n.Apply(lhs.start, lhs.end, lhs.func, tuple(plain)))


#: the node kinds an argument written as an expression in its letter may be made of: arithmetic only, so
#: that no letter of it is a sum's index or a derivative's variable
_PATTERN_NODES = (n.Num, n.Const, n.Sym, n.Term, n.Add, n.Mul, n.Div, n.Pow, n.Paren, n.Sqrt)
#: the imaginary units a signal's argument writes beside its variable (j\omega, e^{j\omega}), never the variable
_UNIT_LETTERS = frozenset("ij")


#: marks, in definition_of's set of defined functions, a name last defined at an expression (H(j\omega))
PATTERN_MARK = "pattern:"


def _writes_unit(lhs: n.Node) -> bool:
    """Whether a function's arguments write an imaginary unit or Euler's e (H(j\\omega), H(e^{j\\omega}))."""
    return isinstance(lhs, n.Apply) and any(isinstance(x, n.Sym) and x.base in _UNIT_LETTERS or isinstance(x, n.Const)
                                            for a in lhs.args for x in a.walk())


def head_with_pattern(lhs: n.Node) -> tuple[n.Apply, n.Sym] | None:
    """``H(\\omega)`` and its letter where ``H(j\\omega) = ...``, ``H(e^{j\\omega}) = ...`` or ``f(2x) = ...``
    defines a function at an expression in one letter, which the value is given for wherever that letter
    ranges; else None. A call puts the definition in only where it writes the same expression with
    something else in that letter's place (see substitute._pattern_binding), so the letters beside it
    (a unit j, a factor 2) are matched as written, whatever they mean."""
    if not isinstance(lhs, n.Apply) or lhs.primes or len(lhs.args) != 1 or not isinstance(lhs.func, n.Sym) \
            or lhs.func.indices or lhs.func.style or lhs.func.key in LIBRARY or expectation.kind_of(lhs) is not None:
        return None
    arg = lhs.args[0]
    if parameter_key(arg) is not None or written_power(arg) or not all(isinstance(x, _PATTERN_NODES) for x in arg.walk()):
        return None
    letters = {n.structure(x): x for x in arg.walk() if isinstance(x, n.Sym) and x.base not in _UNIT_LETTERS}
    if len(letters) != 1:
        return None  # f(ax): which letter is the variable is a guess
    letter = next(iter(letters.values()))
    if letter.indices or letter.primes or letter.style or parameter_key(letter) is None:
        return None
    return n.Apply(lhs.start, lhs.end, lhs.func, (letter,)), letter


def _pattern_in_use(pattern: tuple[n.Apply, n.Sym] | None, rhs: str,
                    macros: dict[str, Macro]) -> tuple[n.Apply, n.Sym] | None:
    """``pattern`` where the value ``rhs`` writes its letter: ``H(j\\omega) = \\frac{10}{1 + j\\omega/100}`` defines
    H along an axis, while ``s(1 + v) = 1`` states a relation of two quantities (s times 1 + v), or a value at
    one point, as ``P(A) = 0.3`` is (see substitute, which puts in only such values too)."""
    if pattern is None:
        return None
    try:
        body = parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return None
    letter = n.structure(pattern[1])
    return pattern if any(isinstance(x, n.Sym) and n.structure(x) == letter for x in body.walk()) else None


#: letters that index a family (x_i, y_t): an argument x_i is one member of the data, not a variable of its own
_FAMILY_INDICES = frozenset("ijklmnt")


def parameter_key(arg: n.Node) -> str | None:
    """The key a function's argument on a defining left side binds its value by: the letter's key
    (``x``, ``bf:x``), or, for a variable written with a fixed subscript (``q_1`` of a duopolist's profit
    pi_1(q_1, q_2), ``p_x`` of an indirect utility v(p_x, p_y, m)), that key with its subscript,
    ``q_{1}``. None for any other argument: an expression, a subscripted letter that is primed or marked,
    a member x_i of a family."""
    if not isinstance(arg, n.Sym):
        return None
    if not arg.indices:
        return arg.key
    if arg.primes or arg.labels or arg.sup_letter is not None:
        return None
    marks = []
    for index in arg.indices:
        if isinstance(index, n.Num) and index.value.isdigit():
            marks.append(index.value)
        elif isinstance(index, n.Sym) and not (index.indices or index.primes or index.labels or index.style) \
                and index.sup_letter is None and index.base not in _FAMILY_INDICES and len(index.base) == 1:
            marks.append(index.base)
        else:
            return None
    return f"{arg.key}_{{{','.join(marks)}}}"


def defines_from_itself(head: n.Sym, body: n.Node) -> bool:
    """Whether ``body`` writes the name ``head`` defines, so that the equation is a recurrence
    (``x_{t+1} = x_t - g``), not a definition. A subscript that labels one member of a family, a
    letter the body never uses (``\\omega_d = \\omega_n\\sqrt{1 - \\zeta^2}``) or an upright label
    (``T_{\\mathrm{out}} = T_{\\mathrm{in}} - q/c``), defines that member from its siblings:
    a definition, as long as the body never writes the member itself."""
    # (a letter that labels another's subscript names no quantity: the Q of W_Q in Q = XW_Q is no Q)
    subscripts = {id(y) for x in body.walk() if isinstance(x, n.Sym) for i in x.indices for y in i.walk()}
    same = [x for x in body.walk() if isinstance(x, n.Sym) and x.key == head.key and id(x) not in subscripts]
    if not same or _total_of_family(head, body, same) or _from_another_family(head, body, same) \
            or _components_written_out(head, body, same):
        return False
    labels = head.indices and all(
        isinstance(i, n.Sym) and not i.indices and not i.primes
        and (i.style in ("label", "op", "rm") or not any(isinstance(x, n.Sym) and x.base == i.base for x in body.walk()))
        for i in head.indices)
    if not labels or head.labels or head.sup_letter is not None:
        return True
    written = tuple((i.base, i.style) for i in head.indices)  # type: ignore[union-attr]
    return any(not x.indices or x.labels != head.labels
               or tuple((getattr(i, "base", None), getattr(i, "style", None)) for i in x.indices) == written
               for x in same)


def _components_written_out(head: n.Sym, body: n.Node, same: list[n.Sym]) -> bool:
    """Whether ``body`` writes the plain letter ``head`` out as a vector or matrix of its numbered
    entries, maybe transposed (``p = \\begin{pmatrix} p_1 \\\\ p_2 \\end{pmatrix}``, ``A = \\begin{pmatrix}
    A_{11} & A_{12} \\\\ ..``): the checker reads p and p_1 as different quantities, so the array gives p
    its value, a definition, not a recurrence."""
    if head.indices or head.primes or head.labels or head.sup_letter is not None:
        return False
    array = body.inner if isinstance(body, n.Transpose) else body
    if not isinstance(array, n.MatrixLit) or sum(len(row) for row in array.rows) < 2:
        return False
    return all(x.indices and not x.primes and all(isinstance(i, n.Num) for i in x.indices) for x in same)


def _total_of_family(head: n.Sym, body: n.Node, same: list[n.Sym]) -> bool:
    """Whether ``body`` writes the plain letter ``head`` only as members of a family a sum or product
    runs over (``a = \\sum_i a_i``, ``N = \\sum_{k=1}^K N_k``): the total of the family gets its own
    name, a definition (the checker reads ``a`` and ``a_i`` as different quantities), not a recurrence."""
    if head.indices or head.primes or head.labels or head.sup_letter is not None:
        return False
    bound = set()
    for x in body.walk():
        if isinstance(x, n.BigOp) and x.kind in ("sum", "prod"):
            bound |= {x.var, *x.extra_vars}
    return bool(bound) and all(
        x.indices and not x.primes and all(isinstance(i, n.Sym) and not i.indices and i.base in bound
                                           for i in x.indices)
        for x in same)


def _from_another_family(head: n.Sym, body: n.Node, same: list[n.Sym]) -> bool:
    """Whether the letter of ``head`` appears in its value only with another number of subscripts
    (``w_A = p w_{AA} + q w_{Aa}``, an allele's marginal fitness from the genotypes' fitnesses;
    ``p_A = p_{AB} + p_{Ab}``, an allele's frequency from the haplotypes'): the checker reads those as
    other quantities, so the value defines the head from them. A recurrence steps a member of the same
    family (``x_{t+1} = x_t - g``, ``a_{n,k} = a_{n-1,k} + a_{n-1,k-1}``). Only a head that names one
    member (its subscript a label, see component_labels): ``p_{ab} = p_a p_b + D`` read as a rule over
    the indices a, b would give every haplotype the coupling sign of that one."""
    if not head.indices or head.labels or head.sup_letter is not None or head.primes:
        return False
    labels = component_labels(head, body)
    if not all(isinstance(i, n.Sym) and i.base in labels for i in head.indices):
        return False
    return all(x.indices and len(x.indices) != len(head.indices) and not x.primes for x in same)


def _member_from_siblings(head: n.Sym, body: n.Node) -> bool:
    """Whether inline ``head = body`` gives one numbered member of a family its value from the others
    (``$n_0 = n - n_1$`` controls out of n units, ``$N_2 = N - N_1$``): the prose names that count once
    for a whole section, as a definition, where a recurrence steps a letter index (``x_{t+1} = x_t - g``).
    Only numbers index the head, and the body never writes that member itself."""
    if not head.indices or head.labels or head.sup_letter is not None \
            or not all(isinstance(i, n.Num) for i in head.indices):
        return False
    number = tuple(i.value for i in head.indices)  # type: ignore[union-attr]
    return not any(isinstance(x, n.Sym) and x.key == head.key and len(x.indices) == len(number)
                   and all(not isinstance(i, n.Num) or i.value == v for i, v in zip(x.indices, number))
                   for x in body.walk())


def _mentions_parameters(lhs: n.Apply, rhs: n.Node) -> bool:
    """Whether the value ``rhs`` of ``f(x, y)`` depends on one of its arguments x, y."""
    letters = {a.base for a in lhs.args if isinstance(a, n.Sym) and not a.indices}
    # a subscripted argument by its subscript too: q_2 is no mention of the q_1 of pi_1(q_1)
    subscripted = {parameter_key(a) for a in lhs.args if isinstance(a, n.Sym) and a.indices}
    return any(isinstance(x, n.Sym) and not x.style
               and (x.base in letters or bool(x.indices) and parameter_key(x) in subscripted) for x in rhs.walk())


#: what follows the first value of a right side that lists values (``0, 1, \dots, N-1``, ``1, 2, 3``)
_ENUMERATION = re.compile(r"\s*,(?:[^,]*,)*?\s*(?:\\[lcv]?dots(?:[bcmio]|\b)|\\cdotp\s*\\cdotp|\.\.\.)"
                          r"|(?:\s*,\s*[-+]?\d+(?:\.\d+)?)+\s*[.,;]?\s*$")


def definition_of(step: Step, macros: dict[str, Macro], path: str,
                  functions: set[str] | None = None,
                  constants: dict[str, set[str]] | None = None) -> ContextItem | None:
    """A ContextItem when ``step`` reads as a definition, else None. ``functions`` holds the names
    the document defined as functions so far (f(z) = ...), and receives this step's; ``constants``,
    when given, the letters each one's latest value writes besides its variables (see
    _at_own_constant), and receives this step's."""
    strong = step.relation in DEFINING
    if not strong and not (step.relation == "=" and step.index == 0):
        return None
    try:
        lhs = parse_math(step.lhs.text, macros)
        head = defined_head(lhs)
        pattern = _pattern_in_use(head_with_pattern(lhs) if head is None else None, step.rhs.text, macros)
        known: set[str] = functions or set()
        if pattern is not None and not _writes_unit(lhs) and (
                written := _defined_at_expression(lhs, step, macros, path, known)) is not None:
            # f(2x) = (2x)^3 writes its argument whole: f(u) = u^3 everywhere, which f(3) rests on too (a
            # result: it verifies only). An argument with the unit or e in it (j\omega, e^{j\omega}) is
            # a frequency response, defined along its axis only
            return written
        if pattern is not None and (pattern[0].func.base not in known or PATTERN_MARK + pattern[0].func.base in known):
            # H(j\omega) = ...: read as H(\omega) (its letter's values given), a call of the same shape put in.
            # Beside an f the document defined of a letter, f(2x) = 4x^2 is a claim about it, checked as
            # before; beside an H(j\omega) defined so, H(j\omega) = ... gives the next example's H, as H(s) would
            lhs, head = pattern[0], pattern[0].func
        else:
            pattern = None
        if head is None:  # the head of most chains is an expression, not a name: its rhs needs no reading
            return _constant_defined(lhs, step, macros, path) \
                or _defined_at_expression(lhs, step, macros, path, functions or set())
    except (ParseFailure, RecursionError):
        return None
    try:
        try:
            rhs = parse_math(step.rhs.text, macros)
        except ParseFailure as exc:
            rhs = tuples_reading.defined_vector(lhs, step.rhs.text, macros, exc)
    except (ParseFailure, RecursionError):
        return _named(head, step.lhs.text, step.rhs.text, path, step.lhs.line, False)
    if complexes.states_unit(step.lhs.text, step.rhs.text):
        # j = \sqrt{-1} names the unit (see complexes.UNIT_MARK): as a value put in, \sqrt{-1} has none
        # at the real points sampled, and every step writing j would be left undecided by it
        return None
    if defines_from_itself(head, rhs):
        return None  # x_{t+1} = x_t - g is a recurrence; x-bar = (1/n) sum x_i defines x-bar
    if _ENUMERATION.match(step.rhs.text[rhs.end:]):
        # k = 0, \dots, N-1 beside a DFT, n = 1, 2, 3: the values an index runs through, of which the
        # parser reads the first; as k's value it would verify any step at k = 0
        return None
    if isinstance(lhs, n.Apply) and not strong and constants is not None and _at_own_constant(lhs, constants):
        return None
    if isinstance(lhs, n.Apply) and constants is not None and _mentions_parameters(lhs, rhs):
        params = set(_parameters(lhs))
        # the q_1, q_2 of pi_1(q_1, q_2) are its variables, no constants of its value
        subscripted = {parameter_key(a) for a in lhs.args if isinstance(a, n.Sym) and a.indices}
        constants[_constants_key(head)] = {x.base for x in rhs.walk() if isinstance(x, n.Sym) and x.base not in params
                                and not (x.indices and parameter_key(x) in subscripted)}
    if isinstance(lhs, n.Apply) and functions is not None:
        if _mentions_parameters(lhs, rhs):
            functions.add(head.base)
            (functions.add if pattern is not None else functions.discard)(PATTERN_MARK + head.base)
        elif not strong and head.base in functions:
            return None  # f(i) = 0 below f(z) = (z - i)/(z + i): a value at a point, not all of f
    if isinstance(lhs, n.Apply) and not strong and not _mentions_parameters(lhs, rhs):
        # P(A) = 0.3, P(X = 2) = 5/16, T(1) = 1: the value at one argument, not a function that is
        # that constant everywhere (which would make P(B) 0.3 too)
        return None
    # "x = 2y" on its own is more often a result than a definition (x-bar = ... is one): a value the
    # document gives, which only rescues a step that would otherwise be an error (see check_step)
    result = not strong and isinstance(lhs, n.Sym) and len(head.base) == 1 and head.base.islower() \
        and not head.indices and not head.style
    line = step.lhs.line
    where = f"{path}:{line}" if line or step.lhs.page is None else f"{path}:p{step.lhs.page}"
    return ContextItem("result" if result else "define", head.base, step.lhs.text, "=", step.rhs.text, where,
                       line, strong, path, label=head_label(head, rhs, _parameters(lhs)),
                       lettered=has_letters(step.rhs.text, macros), value=value_key(rhs))


def _constant_defined(lhs: n.Node, step: Step, macros: dict[str, Macro], path: str) -> ContextItem | None:
    """A LETTER item when a displayed chain starts with pi or e alone equal to a value with letters
    (``\\pi = \\frac{A_x}{\\ddot a_x}``, a premium by the equivalence principle): the document's letter, as
    the prose's ``let $\\pi = ...$`` gives it; None otherwise (``e = \\lim_{n} (1 + 1/n)^n`` is the constant,
    which conventions.py tells apart by its value)."""
    letter = constant_as_letter(lhs)
    if not letter or not has_letters(step.rhs.text, macros):
        return None
    line = step.lhs.line
    where = f"{path}:{line}" if line or step.lhs.page is None else f"{path}:p{step.lhs.page}"
    return ContextItem(LETTER, letter, step.lhs.text, "=", step.rhs.text, where, line, False, path)


#: the variables a function read off a head at expressions is given, the first that its step does not write
_FRESH = ("u", "s", "r", "q", "p", "z", "w")
#: a stand-in for an argument while the value is read as a function of it (no document writes it)
_PLACEHOLDER = "\\mathcal{Z}"


def _defined_at_expression(lhs: n.Node, step: Step, macros: dict[str, Macro], path: str,
                           functions: set[str]) -> ContextItem | None:
    """A result when a chain opens with a function at expressions whose value writes them whole and
    nothing else of them: ``f(x + tv) = (x + tv)^T A (x + tv)`` gives f(u) = u^T A u, and ``g(x, W + \\Delta_W, b)
    = (W + \\Delta_W)x + b`` gives g(x, u, b) = ux + b, which the chain's later rows (``= f(x) + ...``) rest on.
    A result only verifies: the head may be a claim about an f the prose defined (then this gives way,
    see document_context). None for any other head, and for a function the document defined above."""
    if step.index != 0 or step.relation != "=" or not isinstance(lhs, n.Apply) or lhs.primes \
            or lhs.bracket != "(" or lhs.func.base in functions or lhs.func.key in LIBRARY \
            or expectation.kind_of(lhs) is not None or lhs.func.indices or lhs.func.style:
        return None
    text, rhs_text = step.lhs.text, step.rhs.text
    compound = [a for a in lhs.args if parameter_key(a) is None]
    if not compound or _PLACEHOLDER in rhs_text or not all(_ranges_freely(a) for a in compound):
        return None
    if any(isinstance(a, n.Sym) for a in compound):
        # \ell(y_i) = (y_i - \hat y_i)^2: a member of a family, whose index the value shares, is no variable
        return None
    # each expression a variable of its own: f(x, x + 1) and g(x + 1, x + 2) say nothing off their diagonal
    letters = [set(_named_letters(a)) for a in compound] + [{_shape(a) for a in lhs.args if a not in compound}]
    if sum(len(group) for group in letters) != len(set().union(*letters)):
        return None
    try:
        value = parse_math(rhs_text, macros)
    except (ParseFailure, RecursionError):
        return None
    written = {x.base for side in (lhs, value) for x in side.walk() if isinstance(x, n.Sym)}
    params, spans = [], []
    for k, arg in enumerate(lhs.args):
        if arg not in compound:
            params.append(text[arg.start:arg.end].strip())
            continue
        # a variable of its own, which neither side writes (so that no letter of the step is captured)
        chosen = next((x for x in _FRESH if x not in written and x not in params), None)
        # the expression written whole, as a node of the value's tree, never a piece of a longer sum
        # (the x + h of x + h^2 is none)
        found = _occurrences(value, _shape(arg), tuple(_shape(t) for t in arg.terms)
                             if isinstance(arg, n.Add) and arg.terms[0].sign == "+" else ())
        if chosen is None or not found:
            return None
        spans += [(start, end, k) for start, end in found]
        params.append(chosen)
    spans.sort()
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        return None
    replaced = rhs_text
    for start, end, k in reversed(spans):
        replaced = f"{replaced[:start]}{{{_PLACEHOLDER}_{{{k}}}}}{replaced[end:]}"
    try:
        body = parse_math(replaced, macros)
    except (ParseFailure, RecursionError):
        return None
    gone = set().union(*letters[:-1])
    if gone & set(_named_letters(body)) \
            or any(isinstance(x, n.Sym) and x.base == lhs.func.base for x in body.walk()):
        # a letter of the expression outside it (f(x + h) = x^2 + 2xh + h^2), or f on both sides
        return None
    for k, chosen in enumerate(params):
        replaced = replaced.replace(f"{{{_PLACEHOLDER}_{{{k}}}}}", f"{{{chosen}}}")
    head_text = f"{text[lhs.func.start:lhs.func.end].strip()}({', '.join(params)})"
    line = step.lhs.line
    where = f"{path}:{line}" if line or step.lhs.page is None else f"{path}:p{step.lhs.page}"
    return ContextItem("result", lhs.func.base, head_text, "=", replaced, where, line, False, path,
                       lettered=True, value=value_key(body), instance=True)


def _ranges_freely(arg: n.Node) -> bool:
    """Whether ``arg`` takes every value as one of its letters does: it writes that letter once, alone or as
    a factor of a term (x + tv, 2x, a\\mathbf{v} + b\\mathbf{w}), so the head gives its function everywhere;
    x^2 or e^x would give it on part of the line only."""
    if isinstance(arg, n.Sym):
        return True
    counts: dict[str, int] = {}
    for letter in _named_letters(arg):
        counts[letter] = counts.get(letter, 0) + 1
    terms = [t.node for t in arg.terms] if isinstance(arg, n.Add) else [arg]
    for term in terms:
        factors = term.factors if isinstance(term, n.Mul) else (term,)
        if any(isinstance(f, n.Sym) and counts.get(_shape(f)) == 1 for f in factors):
            return True
    return False


def _named_letters(tree: n.Node) -> list[str]:
    """The names ``tree`` writes, each as its shape with its subscripts (\\Delta_x apart from x and \\Delta_W),
    once for each time it is written."""
    if isinstance(tree, n.Sym):
        return [_shape(tree)]
    return [name for child in tree.children() for name in _named_letters(child)]


_SIGN_POSITIONS = re.compile(r"\bsign_start=-?\d+")


def _shape(tree: n.Node) -> str:
    """value_key, also without where a term's sign was written: x + h as the sum it is, wherever it stands."""
    return _SIGN_POSITIONS.sub("", value_key(tree))


def _occurrences(tree: n.Node, key: str, terms: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """The spans of the outermost nodes of ``tree`` that read ``key`` (see _shape), and, for a sum whose
    ``terms`` are given, of the runs of a longer sum's terms that are those terms in order (the x + h of
    x + h + 1, which is (x + h) + 1; never of x + h^2)."""
    if _shape(tree) == key:
        return [(tree.start, tree.end)]
    if isinstance(tree, n.Add) and terms and len(tree.terms) > len(terms):
        shapes = [_shape(t) for t in tree.terms]
        for i in range(len(shapes) - len(terms) + 1):
            if tuple(shapes[i:i + len(terms)]) == terms:
                # (from the first term's value on: its sign, a + written between, stays)
                rest = tree.terms[:i] + tree.terms[i + len(terms):]
                return [(tree.terms[i].node.start, tree.terms[i + len(terms) - 1].end),
                        *(span for term in rest for span in _occurrences(term, key, terms))]
    return [span for child in tree.children() for span in _occurrences(child, key, terms)]


def _constants_key(head: n.Sym) -> str:
    """The key of a function's constants: f^*(y) = \\sup_x (yx - f(x)) (a conjugate) is another function than
    the f(x) defined before or after it, and the letters its value holds (the x its \\sup binds) are no
    constants of f."""
    return head.base + ("^" + "".join(head.labels) if head.labels else "")


def _at_own_constant(lhs: n.Apply, constants: dict[str, set[str]]) -> bool:
    """Whether ``v(L) = ...`` below ``v(x) = \\frac{Px^2}{6EI}(3L - x)`` evaluates v at a letter its value
    holds constant (the tip of a beam of length L): a value at a point, not v anew as a function of L,
    whose derivative v'(L) would then be another function's."""
    letters = constants.get(_constants_key(lhs.func))
    return bool(letters) and all(isinstance(a, n.Sym) and not a.indices and a.base in letters
                                 for a in lhs.args)


def scaled_head(tree: n.Node, rhs: n.Node, defined: set[str],
                constants: dict[str, set[str]] | None = None) -> n.Sym | None:
    """The name of ``defined`` (functions, v(x) = ...) that a left side gives anew times constant factors: the v of
    ``EI\\,v = \\frac{Px^3}{12} + C_1x`` or of ``EI\\,v'' = -Px`` (a beam's deflection, integrated again for
    each new load case), when the right side does not write it. None for any other left side, and for
    a value at a point (``EI\\,v(L/2)``, or ``EI\\,v(L)`` at one of its constants: see _at_own_constant)."""
    if not isinstance(tree, n.Mul):
        return None
    named = [f for f in tree.factors if isinstance(f, (n.Sym, n.Apply))
             and (f.func if isinstance(f, n.Apply) else f).base in defined]
    if len(named) != 1:
        return None
    if isinstance(named[0], n.Apply) and (
            not all(isinstance(a, n.Sym) and not a.indices for a in named[0].args)
            or _at_own_constant(named[0], constants or {})):
        return None
    head = named[0].func if isinstance(named[0], n.Apply) else named[0]
    constants = [f for f in tree.factors if f is not named[0]]
    if not all(isinstance(f, n.Num) or isinstance(f, n.Sym) and not f.primes and f.base != head.base
               for f in constants):
        return None
    if any(isinstance(x, n.Sym) and x.base == head.base for x in rhs.walk()):
        return None
    return replace(head, primes=0)


def _parameters(lhs: n.Node) -> tuple[str, ...]:
    """The plain letters a defined function is applied to on its left side: x, y of f_x(x, y)."""
    if not isinstance(lhs, n.Apply):
        return ()
    return tuple(a.base for a in lhs.args if isinstance(a, n.Sym) and not a.indices and not a.style)


def _named(head: n.Sym, lhs: str, rhs: str, path: str, line: int, prose: bool) -> ContextItem | None:
    """A NAMED item when ``head`` is a library function's name (``\\sigma``) whose value the document
    gives but the checker cannot read; None for any other name, which needs no such item (an
    unknown name is no library function the step could be refuted by)."""
    if head.key not in LIBRARY or head.indices:
        return None
    return ContextItem(NAMED, head.base, lhs, "=", rhs, f"{path}:{line}", line, False, path, prose)


def directive_item(kind: str, argument: str, path: str, line: int) -> ContextItem | None:
    """``define \\sigma(z) = 1/(1+e^{-z})`` or ``assume x > 0`` / ``assume \\sum_k t_k = 1``."""
    found = find_relations(argument)
    if not found:
        return None
    rel = found[0]
    relation = normalize_relation(argument[rel.start : rel.end]) or "="
    lhs, rhs = argument[: rel.start].strip(), argument[rel.end :].strip()
    if kind == "define":
        try:
            head = defined_head(parse_math(lhs))
        except (ParseFailure, RecursionError):
            return None
        if head is None:
            return None
        return ContextItem("define", head.base, lhs, relation, rhs, f"{path}:{line}", line, True, path)
    if kind == "assume":
        return ContextItem("assume", "", lhs, relation, rhs, f"{path}:{line}", line, True, path)
    return None


#: the kind of a ContextItem that gives e or \pi a value: the letter of the document (an error e, a
#: probability \pi), which no definition substitutes; only a refutation asks for it (see check.py)
LETTER = "letter"
#: the kind of a ContextItem that a later value of numbers replaced (S_{xx} = \sum_i (x_i - \bar x)^2
#: above a worked example's S_{xx} = 10): the notes return to the general letter after the example,
#: so only a refutation asks for it, as another definition that may make the step hold
EARLIER = "earlier"
#: the kind of a ContextItem that a later displayed value with letters replaced (P_i(\theta) of the Rasch
#: model, then of the 2PL and the 3PL model): notes that compare models give the name anew for each, and
#: the words say which one a later step means ("for the 2PL model"), so only a refutation asks for it, as
#: another definition under which the step may hold (see check.py)
SUPERSEDED = "superseded"
#: how many replaced values of one name a refuted step is tried with, the latest first
SUPERSEDED_TRIED = 2
#: the kind of a ContextItem that gives a name the number its worked chain ends at (MSB = SSB/(k - 1) =
#: 40/2 = 20): beside the formula, which it does not replace (a general step below still reads MSB by its
#: formula), a value that only rescues a step undecided without it (see check.py)
EVALUATED = "evaluated"
#: the kind of the ContextItem that says where the step stands (its line and path): how far above it a
#: value in force was given decides whether a slip against that value may be claimed (see check.py)
STEP_AT = "step at"
#: the kind of a ContextItem that names a name the document gave more than one value above the step
#: (its ``name`` and ``label``): which one the step means is the prose's, so no slip is claimed against
#: either (see check.py)
REDEFINED = "redefined"
#: the kind of a ContextItem that gives a name the checker reads as a library function (sigma as the
#: logistic function) a value it cannot read (``\\sigma(n) = \\sum_{d \\mid n} d``, the sum of divisors):
#: nothing is put in, but the library reading is no longer the document's (see conventions.py)
NAMED = "named"
#: the constants a document may reuse as letters, by the name the step's text writes them with
_CONSTANT_LETTERS = {"e": "e", "pi": "\\pi"}


def constant_as_letter(tree: n.Node) -> str:
    """The name (``e``, ``\\pi``) when ``tree`` is Euler's number or pi alone, as the left side of
    ``e = 0.5`` in the prose writes it; "" otherwise."""
    return _CONSTANT_LETTERS.get(tree.name, "") if isinstance(tree, n.Const) else ""


# inline math of the prose: $...$ (not $$) and \(...\), on one line
_INLINE = re.compile(r"(?<![\\$])\$([^$]+)\$(?!\$)|\\\((.+?)\\\)")
# "we test $H_0: \mu = 50$": a hypothesis's label before the value it states for the parameter, the
# value at which the notes then compute the test statistic
_HYPOTHESIS_LABEL = re.compile(r"^\s*H_(?:\{\s*(?P<braced>[^{}]*?)\s*\}|(?P<bare>[0-9A-Za-z]))\s*(?::|\\colon)\s*")
# only the null hypothesis's value is the one the notes compute the statistic at: "against $H_1: \mu = 52$"
# states the alternative, a value the statistic is not computed at (the power's, at most), and put in it
# would verify z = (53 - 52)/1 where H_0's 50 is meant
_NULL_LABELS = frozenset({"0", "o", "\\circ", "\\mathrm{0}", "\\text{0}"})
# "where $\mu = ...$" may follow the chain it explains by this many lines
PROSE_AFTER = 3


def prose_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``Let $\\mu = \\frac{1}{n}\\sum_i x_i$`` in the prose: a name's value stated inline, as a
    result (it only rescues a step that would otherwise be an error, see check_step), since inline
    math also states values at a point ($x = 2$) or conditions."""
    items = []
    for number, line in enumerate(doc.lines, 1):
        if line.lstrip().startswith("%"):
            continue
        for match in _INLINE.finditer(line.split("%")[0] if "\\%" not in line else line):
            math = match.group(1) or match.group(2)
            label = _HYPOTHESIS_LABEL.match(math)
            if label is not None:
                if (label.group("braced") or label.group("bare") or "").lower() not in _NULL_LABELS:
                    continue
                math = math[label.end():]
            named = _constant_named(math, line, match, macros)
            if named:
                # "Let $\pi$ denote the net annual premium": the document's own letter, of no value
                # stated here, so only a refutation asks for it (a step then holds for some premium)
                items.append(ContextItem(LETTER, named, math.strip(), "=", "", f"{doc.path}:{number}", number,
                                         False, doc.path, True))
                continue
            found = find_relations(math)
            if len(found) > 1 and all(normalize_relation(math[r.start:r.end]) == "=" for r in found):
                # "since $\mathbb{E}[\hat f - \bar f] = \bar f - \bar f = 0$": the chain also states its
                # head equal to its end, the relation the explained step rests on (its middle is the
                # reason, and its last link may be a triviality that rescues nothing)
                ends = _stated_relation(math[:found[0].start].strip(), math[found[-1].end:].strip(), macros)
                if ends is not None:
                    items.append(replace(ends, where=f"{doc.path}:{number}", line=number, path=doc.path))
                constraint = _constraint_function(math, found, macros)
                if constraint is not None:
                    items.append(replace(constraint, where=f"{doc.path}:{number}", line=number, path=doc.path,
                                         declared=_declares(line[:match.start()])))
                # "$\Pr(\xi = -1) = q = 1 - p$": the chain's last link names a letter's value
                last = math[found[-1].end:].strip()
                # "$R_A = R_B = wL/2$": each name the chain equates to its last link has that value too
                links = [(f"{name} = {last}", find_relations(f"{name} = {last}"))
                         for name in _named_links(math, found, macros)]
                math, found = math[found[-2].end:], [replace(found[-1], start=found[-1].start - found[-2].end,
                                                             end=found[-1].end - found[-2].end)]
            else:
                links = []
            for math, found in [(math, found), *links]:
                bound = _stated_inequality(math, found, macros) or _stated_interval(math, macros)
                if bound is not None:
                    items.append(replace(bound, where=f"{doc.path}:{number}", line=number, path=doc.path))
                    continue
                if len(found) != 1 or normalize_relation(math[found[0].start:found[0].end]) not in ("=", ":=") \
                        and not _defining_equiv(math, found[0], line):
                    continue
                lhs, rhs = math[:found[0].start].strip(), math[found[0].end:].strip()
                try:
                    left = parse_math(lhs, macros)
                    objective = _objective_stated(left, lhs, rhs, macros)
                    if objective is not None:
                        left, lhs = objective
                    head = defined_head(left) or head_with_written_powers(left)
                    pattern = _pattern_in_use(head_with_pattern(left) if head is None else None, rhs, macros)
                    if pattern is not None:
                        left, head = pattern[0], pattern[0].func
                except (ParseFailure, RecursionError):
                    continue
                try:
                    try:
                        body = parse_stated_value(rhs, macros) if head is not None else None
                    except ParseFailure as exc:
                        # "$\mathbf{r}(t) = (t, t^2, t^3)$": a curve, its value a vector written as a list
                        body = tuples_reading.defined_vector(left, rhs, macros, exc)
                except (ParseFailure, RecursionError):
                    named = _named(head, lhs, rhs, doc.path, number, True) if head is not None else None
                    if named is not None:
                        items.append(named)
                    continue
                letter = constant_as_letter(left)
                if letter and rhs:
                    # "let $e = x - x^*$", "for $\pi = 0.5$": the document's own letter, not the constant
                    items.append(ContextItem(LETTER, letter, lhs, "=", rhs, f"{doc.path}:{number}", number,
                                             False, doc.path, True))
                    continue
                if head is None and rhs and (has_letters(lhs) or has_letters(rhs)) or _members_equated(head, body):
                    # (also "when $R_A = R_B$": two members of one family said equal is a case, not the value
                    # of one of them; put in, it would make any step that subtracts them hold)
                    relation = _stated_relation(lhs, rhs, macros)
                    if relation is not None:
                        items.append(replace(relation, where=f"{doc.path}:{number}", line=number, path=doc.path))
                    complement = _complement_of_sum(left, lhs, rhs)
                    if complement is not None:
                        # "alleles at frequencies $p + q = 1$": the notes' standing convention, as $q = 1 - p$
                        # would state it (a value with letters: it verifies, but never refutes, a step naming q)
                        letter, value = complement
                        items.append(ContextItem("result", letter, letter, "=", value, f"{doc.path}:{number}", number,
                                                 False, doc.path, True, _declares(line[:match.start()]), "", True))
                    continue
                if head is not None and rhs and defines_from_itself(head, body) and not _member_from_siblings(head, body):
                    # "using $w_{ij} = w_{ji}$": a name on both sides gives no value, but it states a
                    # relation (a symmetry) that a step may rest on
                    relation = _stated_relation(lhs, rhs, macros)
                    if relation is not None:
                        items.append(replace(relation, where=f"{doc.path}:{number}", line=number, path=doc.path))
                    continue
                if head is None or not rhs or complexes.states_unit(lhs, rhs):
                    # ("$j = \sqrt{-1}$" names the unit, read as complex_items read it: \sqrt{-1} put in
                    # for j has no value at the real points sampled, and would leave every step undecided)
                    continue
                items.append(ContextItem("result", head.base, lhs, "=", rhs, f"{doc.path}:{number}", number,
                                         False, doc.path, True, _declares(line[:match.start()]), head_label(head, body, _parameters(left)),
                                         has_letters(rhs, macros), value_key(body), _explains(line[:match.start()]),
                                         _takes(line[:match.start()])))
    return items


# (also a line that works in Z_n, F_q or GF(q), where \\equiv is equality of residues)
_CONGRUENCE = re.compile(r"\\[pb]?mod\b|\bmod(?:ulo)?\b|congruen|residue|\\mathbb\{?[ZF]|\bGF\s*\(", re.IGNORECASE)


def _defining_equiv(math: str, relation: RelationMatch, line: str) -> bool:
    """Whether ``\\equiv`` in inline math names a value ("we write $u \\equiv a + b$"), as := does, rather
    than a congruence ("$a \\equiv 1 \\pmod 4$", a sentence about residues), which gives no value."""
    written = math[relation.start:relation.end]
    return normalize_relation(written) == "===" and "equiv" in written and not _CONGRUENCE.search(line)


def _objective_stated(left: n.Node, lhs: str, rhs: str, macros: dict[str, Macro]) -> tuple[n.Node, str] | None:
    """The objective and its text where inline ``\\min f(x_1, x_2) = x_1^2 + x_2^2`` or ``\\max\\; z = 3x_1 +
    5x_2`` states a program: the problem's verb on the name its value defines. None for any other left
    side, and where the value writes no letters (``\\max f(x) = 5``, the optimum's value, not f's) or
    writes an optimisation of its own."""
    if not isinstance(left, n.Func) or left.name not in ("min", "max") or len(left.args) != 1 \
            or left.power is not None or left.primes:
        return None
    inner = left.args[0]
    if not isinstance(inner, (n.Sym, n.Apply)) or not has_letters(rhs, macros) \
            or re.search(r"\\(?:min|max|inf|sup|arg)\b", rhs):
        return None
    if isinstance(inner, n.Apply):
        try:
            body = parse_stated_value(rhs, macros)
        except (ParseFailure, RecursionError):
            return None
        if not _mentions_parameters(inner, body):
            return None
    text = lhs[inner.start:inner.end]
    try:
        # (offsets are the expanded text's where the side writes macros: the name is kept only as read)
        same = n.structure(parse_math(text, macros)) == n.structure(inner)
    except (ParseFailure, RecursionError):
        return None
    return (inner, text) if same else None


def _constraint_function(math: str, found: list, macros: dict[str, Macro]) -> ContextItem | None:
    """A "result" item for the function an inline constraint names on its way to zero: ``$h(x) = x_1 +
    x_2 - 1 = 0$``, ``$g(x, y) = x^2 + y^2 - 1 = 0$`` give h and g that value everywhere (the zero is
    the constraint, which holds on the feasible set only). None for any other chain: only a function
    of letters its value writes, with the chain's end written 0."""
    if len(found) != 2 or math[found[-1].end:].strip() != "0":
        return None
    lhs, rhs = math[:found[0].start].strip(), math[found[0].end:found[1].start].strip()
    try:
        left, body = parse_math(lhs, macros), parse_stated_value(rhs, macros)
    except (ParseFailure, RecursionError):
        return None
    head = defined_head(left)
    if head is None or not isinstance(left, n.Apply) or not _mentions_parameters(left, body) \
            or defines_from_itself(head, body):
        return None
    return ContextItem("result", head.base, lhs, "=", rhs, "", 0, False, "", True,
                       label=head_label(head, body, _parameters(left)), lettered=has_letters(rhs, macros),
                       value=value_key(body))


def _members_equated(head: n.Sym | None, body: n.Node | None) -> bool:
    """Whether an inline ``R_A = R_B`` (``\\sigma_1 = \\sigma_2``) says two members of one family are equal:
    both sides one letter of the same base and style, with different subscripts."""
    return head is not None and isinstance(body, n.Sym) and not head.primes and not body.primes \
        and head.base == body.base and head.style == body.style and bool(head.indices or body.indices) \
        and _subscripts(head) != _subscripts(body)


def _subscripts(sym: n.Sym) -> tuple:
    return tuple((getattr(i, "base", None), getattr(i, "value", None), type(i).__name__) for i in sym.indices)


# the words that name a letter of inline math alone in its sentence: "Let $\pi$ denote", "denote by
# $\pi$", "we write $\pi$ for", or after it, "$\pi$ denotes", "$\pi$ stands for"
_NAMING_BEFORE = re.compile(r"\b(?:let|denote|denoted|define|defined|write|call|called)\b", re.IGNORECASE)
_NAMING_AFTER = re.compile(r"\s*(?:denotes?|stands?\s+for|represents?|is\s+used\s+for)\b", re.IGNORECASE)
# ... unless the sentence is about the constant itself ("where $e$ denotes the base of the natural
# logarithm", "let $\pi$ denote the ratio of a circle's circumference to its diameter")
_CONSTANT_WORDS = re.compile(r"euler|napier|natural\s+log|base\s+of|circle|circumference|diameter|radian"
                             r"|transcendental|irrational|3\.14|2\.71", re.IGNORECASE)


def _constant_named(math: str, line: str, match: re.Match, macros: dict[str, Macro]) -> str:
    """The constant's name (``\\pi``, ``e``) when inline ``math`` is that constant alone and its sentence
    names it as a letter of the document (a premium, a permutation, an error); "" otherwise."""
    if len(math.strip()) > 4:
        return ""
    try:
        letter = constant_as_letter(parse_math(math, macros))
    except (ParseFailure, RecursionError):
        return ""
    if not letter:
        return ""
    before = re.split(r"[.;:!?]\s", _INLINE.sub(" x ", line[:match.start()]))[-1]
    after = re.split(r"[.;:!?](?:\s|$)", _INLINE.sub(" x ", line[match.end():]))[0]
    if _CONSTANT_WORDS.search(before + " " + after):
        return ""
    return letter if _NAMING_BEFORE.search(before) or _NAMING_AFTER.match(after) else ""


# "Let $\gr = \frac{1 + \sqrt5}{2}$ and $\cgr = ...$": the sentence names the value, as a definition
_DECLARING = re.compile(r"\b(let|define|denote|put)\b", re.IGNORECASE)


def _explains(before: str) -> bool:
    """Whether the sentence that ``before`` ends (the line up to an inline value) opens in lowercase, as a
    clause that explains the display above it does ("where $\\rho = \\lambda/(c\\mu)$")."""
    sentence = re.split(r"[.;:!?]\s", _INLINE.sub(" x ", before))[-1].lstrip()
    return sentence[:1].islower()


# words that take a value for the example at hand, and words that only suppose or compare one
_TAKING = re.compile(r"\b(?:with|take|taking|takes|using|use|let|now|given|suppose|assume|assuming|consider|"
                     r"example|put|set|setting|choose|choosing|here|gives?|yields?)\b", re.IGNORECASE)
_SUPPOSING = re.compile(r"\b(?:if|were|would|could|might|whether|unless|compare[ds]?|comparing|than|had|instead\s+of|"
                        r"say|e\.g|such\s+as|like)\b", re.IGNORECASE)


def _takes(before: str) -> bool:
    """Whether the sentence that ``before`` ends (the line up to an inline value) takes the value for the
    example at hand ("with $n = 100$"), rather than supposing or comparing one ("if there were $k = 2$
    groups", "compare a sample of $n = 100$") or saying neither ("for $T = 4$ the frequency is lower")."""
    sentence = re.split(r"[.;:!?]\s", _INLINE.sub(" ", before))[-1]
    return _TAKING.search(sentence) is not None and _SUPPOSING.search(sentence) is None


def _declares(before: str) -> bool:
    """Whether the sentence that ``before`` ends (the line up to an inline value) declares the value
    with "let", "define", "denote" or "put", rather than taking a case ("with $\\rr = 1$")."""
    sentence = re.split(r"[.;:]\s", _INLINE.sub(" ", before))[-1]
    return _DECLARING.search(sentence) is not None


#: the kind of a ContextItem that the prose states as a relation between expressions, not as a name's
#: value (``since $p(1 + r) = 1$``, detailed balance ``$\pi_i p_{ij} = \pi_j p_{ji}$``): a step that
#: holds by it is no error, but the relation may be a hypothesis of one case, so it never verifies
RELATION = "relation"
#: a relation stated inline holds for the derivations of its passage, this many lines below it
RELATION_REACH = 25


def _named_links(math: str, found: list, macros: dict[str, Macro]) -> list[str]:
    """The links of an inline chain ``a = b = ... = v`` before the last link (``b = v``, read as any
    inline value is), as written, when every link but v is a name alone (``R_A`` of ``R_A = R_B = wL/2``):
    the chain gives each of them the value v. A link that is an expression (the middle of
    ``E[f] = \\bar f - \\bar f = 0``) is a reason, and the chain names nothing more."""
    names = []
    for at, relation in enumerate(found):
        text = math[found[at - 1].end if at else 0:relation.start].strip()
        try:
            tree = parse_math(text, macros)
        except (ParseFailure, RecursionError):
            return []
        if not isinstance(tree, n.Sym) or defined_head(tree) is None:
            return []  # a reason in the middle: the chain is a derivation, not names given one value
        names.append(text)
    return names[:-1]


def _stated_relation(lhs: str, rhs: str, macros: dict[str, Macro]) -> ContextItem | None:
    """An item of kind RELATION for inline ``lhs = rhs`` of expressions that both parse."""
    try:
        trees = parse_math(lhs, macros), parse_math(rhs, macros)
    except (ParseFailure, RecursionError):
        return None
    if expectation.has_average(*trees):
        # <p> = \hbar k_0: a value in a state. It rescues nothing (a step with averages is never refuted,
        # one without them does not write this one) and each relation tried costs a check of the step
        return None
    return ContextItem(RELATION, "", lhs, "=", rhs, "", 0, False, "", True)


def _complement_of_sum(left: n.Node, lhs: str, rhs: str) -> tuple[str, str] | None:
    """``("q", "1 - p")`` for inline ``p + q = 1``: plain letters (two or more, none repeated) that sum to
    one, the frequencies of alleles or the probabilities of outcomes, give the last one's value from the
    others. None for any other relation (a sum with coefficients or indices states a constraint only)."""
    if rhs.strip() != "1" or not isinstance(left, n.Add) or len(left.terms) < 2:
        return None
    letters = [t.node for t in left.terms]
    if any(t.sign != "+" for t in left.terms) or not all(
            isinstance(x, n.Sym) and not x.indices and not x.primes and not x.labels and not x.style
            and x.sup_letter is None for x in letters):
        return None
    if len({x.base for x in letters}) != len(letters):  # type: ignore[union-attr]
        return None
    texts = [lhs[x.start:x.end].strip() for x in letters]
    return texts[-1], "1 - " + " - ".join(texts[:-1])


def _lone_letter(text: str, macros: dict[str, Macro]) -> n.Node | None:
    """The letter of a side that is one letter, alone or with one numeric power or a transpose
    (``P^2``, ``Q^T``, ``P``), as its structure without labels; None otherwise."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return None
    if isinstance(tree, n.Transpose) or isinstance(tree, n.Pow) and isinstance(tree.exp, n.Num):
        tree = tree.inner if isinstance(tree, n.Transpose) else tree.base
    if not isinstance(tree, n.Sym) or tree.sup_letter is not None:
        return None
    return n.structure(replace(tree, labels=()))


def derived_properties(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """A display chain that derives a property of one letter, ``P^2 = QQ^TQQ^T = \\dots = P`` (a projector
    is idempotent), ``H^T = \\dots = H``: an item of kind RELATION from the chain's head to its end, at
    its last row, as if the prose stated it inline. Later steps use such a property as a rewrite
    (I - 2P + P^2 = I - P), which random matrices never satisfy; it only rescues, like a relation
    stated inline. Only one-letter properties: a chain between expressions is a derivation, not a
    rule the notes go on to apply."""
    items = []
    for derivation in doc.derivations:
        head = None
        for k, step in enumerate(derivation.steps):
            if k == 0 or step.lhs.stripped != derivation.steps[k - 1].rhs.stripped:
                head = step.lhs if step.relation == "=" else None
            elif step.relation != "=":
                head = None
            if head is None or len(head.stripped) > 24 or len(step.rhs.stripped) > 24:
                continue  # (a letter with a power or a transpose is short: no parse of every row)
            left, right = _lone_letter(head.stripped, macros), _lone_letter(step.rhs.stripped, macros)
            if left is None or left != right or head.stripped.strip() == step.rhs.stripped.strip():
                continue
            line = step.rhs.line
            items.append(ContextItem(RELATION, "", head.stripped.strip(), "=", step.rhs.stripped.strip(),
                                     f"{derivation.path}:{line}" if line else derivation.path, line, False,
                                     derivation.path, False))
    return items


# a zero vector or number as a condition's right side (``\mathbf{0}`` of a gradient set to zero)
_ZERO = re.compile(r"(\\(mathbf|boldsymbol|bm|vec)\s*)?\{?\s*0\s*\}?")
# where a condition's right side ends: the next condition or a remark (``0,\quad 0 \le \alpha_i``)
_CONDITION_END = re.compile(r",|;|\\q?quad\b|\\text\b|\\\\|\\(end|right)\b")
# the words that open a constraint of an optimisation problem in a display
_CONSTRAINT = re.compile(r"\\(?:text|mathrm|textrm|textnormal|operatorname)\s*\{\s*(?:s\.\s*t\.|subject\s+to|such\s+that)"
                         r"\s*:?\s*\}")
# words before a condition's left side in its row (``\text{subject to}\ \sum_i \alpha_i y_i``)
_LEADING_WORDS = re.compile(r"^\s*(?:(?:\\(?:text|mathrm|textrm|textnormal|operatorname)\s*\{[^{}]*\}|\\[,;:!> ]"
                            r"|\\q?quad\b|~|&)\s*)+")


def _condition(lhs: str, rhs: str, macros: dict[str, Macro], where: str, line: int,
               path: str, zero_only: bool) -> ContextItem | None:
    """An item of kind RELATION for a displayed condition ``lhs = rhs``, in force from the row after
    ``line``: the rows of its own line are what derives it, and it must not excuse them."""
    lhs = _LEADING_WORDS.sub("", lhs).strip()
    rhs = _CONDITION_END.split(rhs, maxsplit=1)[0].strip().rstrip(".").strip()
    if not lhs or not rhs or (zero_only and not _ZERO.fullmatch(rhs)) or not has_letters(lhs, macros):
        return None
    relation = _stated_relation(lhs, rhs, macros)
    return replace(relation, where=where, line=line + 1, path=path, prose=False) if relation is not None else None


def displayed_conditions(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """Conditions a display states for the passage below it: a row set to zero (``\\frac{\\partial L}{\\partial
    b} = -\\sum_i \\alpha_i y_i = 0``, a stationarity or KKT condition) and an equality after "s.t." or
    "subject to" (a constraint of the problem, ``\\sum_i \\alpha_i y_i = 0`` of the SVM dual). The derivation
    below substitutes them (the ``b\\sum_i \\alpha_i y_i`` of the Lagrangian drops out), which random
    stand-ins for the letters cannot meet. As a relation stated inline, they only rescue a step that
    would be refuted without them, and hold for the rows below their own."""
    items: list[ContextItem] = []
    seen: set[tuple[str, str, int]] = set()

    def add(item: ContextItem | None) -> None:
        # (a row with "s.t." is also a step: one item for it)
        if item is not None and (item.lhs, item.rhs, item.line) not in seen:
            seen.add((item.lhs, item.rhs, item.line))
            items.append(item)

    for derivation in doc.derivations:
        for step in derivation.steps:
            line = step.rhs.line or step.lhs.line
            if step.relation == "=" and line:
                add(_condition(step.lhs.stripped, step.rhs.stripped, macros, f"{derivation.path}:{line}", line,
                               derivation.path, True))
    for number, text in enumerate(doc.lines, 1):
        opener = _CONSTRAINT.search(text.split("%")[0] if "\\%" not in text else text)
        if opener is None:
            continue
        rest = text[opener.end():]
        # the constraints of the row, one after another: "\alpha_i \ge 0,\ \sum_i \alpha_i y_i = 0"
        for piece in re.split(r",|;|\\q?quad\b|\\\\", rest):
            found = find_relations(piece)
            # (not "i = 1" of "i = 1, \dots, n": the range of the constraints' index)
            if len(found) == 1 and normalize_relation(piece[found[0].start:found[0].end]) == "=" \
                    and not re.fullmatch(r"\s*[A-Za-z]\s*", _LEADING_WORDS.sub("", piece[:found[0].start])):
                add(_condition(piece[:found[0].start], piece[found[0].end:], macros, f"{doc.path}:{number}",
                               number, doc.path, False))
    return items


def _stated_inequality(math: str, found: list, macros: dict[str, Macro]) -> ContextItem | None:
    """An item of kind RELATION for inline ``q \\le p`` or ``0 < r < 1`` (at most two inequalities,
    between expressions that parse, with letters): a bound the prose puts on the letters, under
    which a step may hold (p + q \\le 2p). None for anything else (``x = 2``, ``\\lg n \\le n \\le 2^n``)."""
    relations = [normalize_relation(math[r.start:r.end]) for r in found]
    if not 1 <= len(found) <= 2 or not all(r in ("<", "<=", ">", ">=") for r in relations) \
            or len(set(r.rstrip("=") for r in relations)) != 1 or not has_letters(math):
        return None
    lhs, relation, rhs = math[:found[0].start].strip(), relations[0], math[found[0].end:].strip()
    parts = [lhs, *([rhs] if len(found) == 1 else [math[found[0].end:found[1].start], math[found[1].end:]])]
    try:
        for part in parts:
            if not part.strip():
                return None
            parse_math(part, macros)
    except (ParseFailure, RecursionError):
        return None
    return ContextItem(RELATION, "", lhs, relation, rhs, "", 0, False, "", True)


# "$x, y \in [0, 1]$", "$t \in (0, \infty)$", "$x \in \left[a, b\right)$": letters, the brackets, the ends
_INTERVAL = re.compile(r"^(?P<lhs>[^\[\]()]+?)\s*(?<!\\not)\\in(?![A-Za-z])\s*(?:\\left|\\[bB]igg?l?)?\s*(?P<open>[\[(])"
                       r"(?P<ends>[^\[\]()]*(?:\([^()]*\)[^\[\]()]*)*)(?:\\right|\\[bB]igg?r?)?\s*(?P<close>[\])])"
                       r"\s*(?:[,;.]|\\q?quad(?![A-Za-z])|\\text\{[^{}]*\})?\s*$", re.DOTALL)
_INFINITY = re.compile(r"^\s*([+-]?)\s*\\infty\s*$")


def _stated_interval(math: str, macros: dict[str, Macro]) -> ContextItem | None:
    """An item of kind RELATION for inline ``x, y \\in [0, 1]`` or ``t \\in (0, \\infty)``: the interval as the
    bounds ``0 \\le x, y \\le 1`` (a list of letters: see comparator._parse_assumptions), which, as any bound
    the prose puts on the letters, only rescues a step. None for anything else (a set, a power of an
    interval ``[0, 1]^n``, a letter that is no plain one)."""
    match = _INTERVAL.match(math.strip())
    if match is None:
        return None
    ends = _split_top(re.sub(r"\\(?:right|[bB]igg?r?)\s*$", "", match.group("ends").strip()))
    if len(ends) != 2:
        return None
    lhs = match.group("lhs").strip()
    try:
        letters = [parse_math(part, macros) for part in _split_top(lhs)]
        if not all(isinstance(x, n.Sym) for x in letters):
            return None
        finite = [end.strip() for end in ends if not _INFINITY.match(end)]
        for end in finite:
            parse_math(end, macros)
    except (ParseFailure, RecursionError):
        return None
    low, high = (None if _INFINITY.match(end) else end.strip() for end in ends)
    below = "<" if match.group("open") == "(" else "<="
    above = "<" if match.group("close") == ")" else "<="
    if low is not None and high is not None:
        return ContextItem(RELATION, "", low, below, f"{lhs} {_TEX_RELATION[above]} {high}", "", 0, False, "", True)
    if low is not None:
        return ContextItem(RELATION, "", lhs, ">" if below == "<" else ">=", low, "", 0, False, "", True)
    if high is not None:
        return ContextItem(RELATION, "", lhs, above, high, "", 0, False, "", True)
    return None


_TEX_RELATION = {"<": "<", "<=": "\\le"}


#: the kind of a ContextItem that the prose states as the finite set of numbers a letter takes
#: (``$y_i \in \{-1, +1\}$``, ``$r_{nk} \in \{0, 1\}$``, a spin ``$s_i = \pm 1$``): lhs the letter as
#: written (an index letter stands for every member of the family), rhs the values, comma-separated
VALUES = "values"
#: a letter's set of values holds for the derivations of its passage, this many lines below it: labels
#: and indicators keep their meaning through a section, while a letter reused chapters later may not
VALUES_REACH = 100

# "$y_i \in \{-1, +1\}$", "$b \in \lbrace 0, 1 \rbrace$": the letters, the set's elements, what follows
_MEMBER = re.compile(r"^(?P<lhs>.+?)(?<!\\not)\s*\\in(?![A-Za-z])\s*(?:\\left\s*)?(?:\\\{|\\lbrace(?![A-Za-z]))"
                     r"(?P<elems>[^{}]*?)(?:\\right\s*)?(?:\\\}|\\rbrace(?![A-Za-z]))(?P<rest>.*)$", re.DOTALL)
# "$s_i = \pm 1$"
_PLUS_MINUS = re.compile(r"^(?P<lhs>[^=]+?)\s*=\s*\\pm\s*(?P<elems>\d+(?:\.\d+)?)(?P<rest>.*)$", re.DOTALL)
# after the set, only punctuation or a note ("for all $i$"): not {0, 1}^n (vectors), a product or a relation
_AFTER_SET = re.compile(r"\s*$|\s*([,;.]|\\q?quad(?![A-Za-z])|\\text|\\forall|\\[,;: ]|~|\\mathrm\{for)")
_ELEMENT = re.compile(r"^(?P<pm>\\pm\s*)?(?P<sign>[+-]?)\s*(?P<number>\d+(?:\.\d+)?)$")
_ELLIPSIS = {"\\dots", "\\ldots", "\\cdots", "..."}
# "vanishes at $\theta = \pm 1$", "the roots $x = \pm 1$": points where something happens, which say
# nothing of the values the letter takes in the derivations below (as a spin's "$s_i = \pm 1$" does)
_LOCATES = re.compile(r"\b(?:at|roots?|zero(?:e?s)?|solutions?)(?:\s+(?:is|are))?\s*$", re.IGNORECASE)


def _split_top(text: str) -> list[str]:
    """``text`` split at the commas outside braces (``w_{i,j}, b`` is two letters)."""
    parts, depth, start = [], 0, 0
    for k, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    return [*parts, text[start:]]


def _set_values(elements: str) -> tuple[str, ...]:
    """The numbers of a written set (``-1, +1``, ``\\pm 1``, ``0, 1``), in order, or () when an element
    is anything else (a letter, dots: a range such as {1, ..., n} names no numbers)."""
    out: list[str] = []
    for part in _split_top(elements):
        found = _ELEMENT.match(part.strip())
        if found is None:
            return ()
        number = found["number"]
        for value in (("-" + number, number) if found["pm"] else ((found["sign"].lstrip("+") + number),)):
            if value not in out:
                out.append(value)
    return tuple(out)


def stated_values(math: str, macros: dict[str, Macro]) -> list[tuple[str, n.Sym, tuple[str, ...]]]:
    """The letters inline ``math`` gives a finite set of numbers (``y_i \\in \\{-1, +1\\}``, ``x, y \\in
    \\{0, 1\\}``, ``y_1, \\dots, y_n \\in \\{\\pm 1\\}``, ``s_i = \\pm 1``): (text, letter, values) each;
    nothing for a set of letters, a range or a power of a set (``\\{0, 1\\}^n``, vectors)."""
    found = _MEMBER.match(math.strip()) or _PLUS_MINUS.match(math.strip())
    if found is None or not _AFTER_SET.match(found["rest"]):
        return []
    values = _set_values(found["elems"]) if found.re is _MEMBER else _set_values("\\pm " + found["elems"])
    if not values:
        return []
    out = []
    for part in _split_top(found["lhs"]):
        text = part.strip()
        if text in _ELLIPSIS:
            continue
        try:
            letter = parse_math(text, macros)
        except (ParseFailure, RecursionError):
            return []
        if not isinstance(letter, n.Sym) or letter.primes or letter.sup_letter is not None \
                or not all(isinstance(i, n.Num) or isinstance(i, n.Sym) and not i.indices for i in letter.indices):
            return []  # x + y \in \{0, 1\}, f(x) \in \{0, 1\}: a condition on an expression, not a letter's values
        out.append((text, letter, values))
    return out


def values_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``the labels $y_i \\in \\{-1, +1\\}$`` in the prose: an item of kind VALUES per letter."""
    items = []
    for number, line in enumerate(doc.lines, 1):
        if line.lstrip().startswith("%"):
            continue
        text_line = line.split("%")[0] if "\\%" not in line else line
        for match in _INLINE.finditer(text_line):
            if _LOCATES.search(text_line[:match.start()]):
                continue
            for text, letter, values in stated_values(match.group(1) or match.group(2), macros):
                items.append(ContextItem(VALUES, letter.base, text, "\\in", ", ".join(values),
                                         f"{doc.path}:{number}", number, False, doc.path, True))
    return items


def independence_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``Let $X$ and $Y$ be independent`` in the prose: what a step's expectations may rest on, as
    items of kind independence.KIND (see independence.py for what is read)."""
    items = []
    for line, statement, continues in independence.statements_of(doc.lines, macros, doc.path):
        lhs, relation, rhs = statement.encode()
        # (as inline math of the prose, a statement may follow the step it explains: see context_for)
        items.append(ContextItem(independence.KIND, "", lhs, relation, rhs, statement.where, line, False,
                                 doc.path, continues))
    return items


#: the rhs of an item that ends the statements of its kind and lhs above it (see context_for)
ENDS = "<ends>"

#: how many lines below its sentence each kind of statement of the prose holds
_PASSAGE_REACH = {symmetric.KIND: symmetric.REACH, rotations.KIND: rotations.REACH, linearmaps.KIND: linearmaps.REACH,
                  declared.KIND: declared.REACH,
                  complexes.KIND: complexes.REACH, reals.KIND: reals.REACH, dependence.KIND: dependence.REACH,
                  independence.KIND: independence.REACH, dependence.APPLIED: dependence.APPLIED_REACH,
                  quantum.STATE_KIND: quantum.STATE_REACH, reynolds.KIND: reynolds.REACH,
                  normalcdf.KIND: normalcdf.REACH,
                  normalcdf.OTHER_Q_KIND: normalcdf.REACH, poisson.KIND: poisson.REACH, boolean.KIND: boolean.REACH,
                  boolean.NUMBERS_KIND: boolean.REACH, distributions.KIND: distributions.REACH, money.KIND: money.REACH,
                  einstein_prose.KIND: einstein_prose.REACH, einstein_prose.WAIVED_KIND: einstein_prose.WAIVED_REACH,
                  chopping.KIND: chopping.REACH, orthogonality.KIND: orthogonality.REACH}


def _named_items(doc: Document, kind: str, statements: list[tuple[int, frozenset[str], bool]]) -> list[ContextItem]:
    """Items of ``kind`` naming the keys (comma-separated, in lhs) each statement (line, keys, continues)
    names."""
    return [ContextItem(kind, "", ",".join(sorted(keys)), "", "", f"{doc.path}:{line}", line, False, doc.path, continues)
            for line, keys, continues in statements]


def symmetric_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``where $A$ is symmetric`` in the prose: an item of kind symmetric.KIND naming the matrices, which a
    step may be verified under (see symmetric.py)."""
    return _named_items(doc, symmetric.KIND, symmetric.statements_of(doc.lines, macros))


def rotation_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``Let $R$ be a rotation matrix`` in the prose: an item of kind rotations.KIND naming the matrices,
    which a step may be verified under (see rotations.py)."""
    return _named_items(doc, rotations.KIND, rotations.statements_of(doc.lines, macros))


def linear_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``Let $T$ be a linear map`` in the prose: an item of kind linearmaps.KIND naming the maps, which a
    step may be verified under (see linearmaps.py)."""
    return _named_items(doc, linearmaps.KIND, linearmaps.statements_of(doc.lines, macros))


def declared_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``Let $A$ and $B$ be $n \\times n$ matrices`` in the prose: an item of kind declared.KIND naming the
    letters (their keys, comma-separated, in lhs) that are matrices although written plain (or, with rhs
    declared.VOID, that a later sentence speaks of without declaring them so: diagonal ones)."""
    return [ContextItem(declared.KIND, "", ",".join(sorted(keys)), "", declared.VOID if void else "",
                        f"{doc.path}:{line}", line, False, doc.path, continues)
            for line, keys, continues, void in declared.statements_of(doc.lines, macros)]


def complex_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``Let $z \\in \\mathbb{C}$`` in the prose: an item of kind complexes.KIND naming the letters (their
    keys, comma-separated, in lhs) that are complex although written as any real letter."""
    statements = []
    for line, keys, continues in complexes.statements_of(doc.lines, macros):
        # the letter of the unit apart from the letters stated complex: each holds for its own reach
        units = frozenset(key for key in keys if key.startswith(complexes.UNIT_MARK))
        statements += [(line, part, continues) for part in (keys - units, units) if part]
    return _named_items(doc, complexes.KIND, statements)


def state_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """``$|\\chi\\rangle = \\frac35|0\\rangle + \\frac{4i}{5}|1\\rangle$`` in the prose, or a display opening
    with it: an item of kind quantum.STATE_KIND, the value of a state named other than by qubits, which
    a step writing that state may be verified with (see check.py)."""
    found = [(step.lhs.text, step.rhs.text, step.lhs.line, False) for derivation in doc.derivations
             for step in derivation.steps[:1] if step.relation == "="]
    for number, line in enumerate(doc.lines, 1):
        if "rangle" not in line and "ket" not in line or line.lstrip().startswith("%"):
            continue
        for match in _INLINE.finditer(line):
            math = match.group(1) or match.group(2)
            relations = find_relations(math)
            if len(relations) == 1 and normalize_relation(math[relations[0].start:relations[0].end]) == "=":
                found.append((math[:relations[0].start].strip(), math[relations[0].end:].strip(), number, True))
    items = []
    for lhs, rhs, line, prose in found:
        if "rangle" not in lhs and "ket" not in lhs:
            continue  # (the parser only for what may be a state)
        try:
            left = parse_math(lhs, macros)
            if not quantum.state_value(left, parse_math(rhs, macros)):
                if quantum.names_state(left):
                    # "$|\chi\rangle = \alpha|0\rangle + \beta|1\rangle$" in the next exercise: the name
                    # given anew, in a value not put in, which the earlier value must not stand for
                    items.append(ContextItem(quantum.STATE_KIND, "", lhs, "=", "", f"{doc.path}:{line}", line, False,
                                             doc.path, prose))
                continue
        except (ParseFailure, RecursionError):
            continue
        items.append(ContextItem(quantum.STATE_KIND, "", lhs, "=", rhs, f"{doc.path}:{line}", line, False, doc.path,
                                 prose))
    return items


def dependence_items(doc: Document) -> list[ContextItem]:
    """``Let $y = y(x)$``, ``$u$ a function of $t$``, ``implicit differentiation`` in the prose: an item of
    kind dependence.KIND with the letters it makes vary and their variables (``y>x`` pairs in lhs)."""
    return [ContextItem(dependence.KIND, "", dependence.encode(pairs), "", "", f"{doc.path}:{line}", line, False,
                        doc.path, continues)
            for line, pairs, continues in dependence.statements_of(doc.lines)]


def log_base_items(doc: Document) -> list[ContextItem]:
    """``All logarithms are base 2``, ``we write $\\log$ for $\\log_2$`` in the prose: an item of kind
    logbase.KIND per command (lhs) whose base the sentence fixes, with the function it reads as (rhs)."""
    items = []
    for line, bases in logbase.statements_of(doc.lines):
        for command, function in bases.items():
            items.append(ContextItem(logbase.KIND, "", command, "=", function, f"{doc.path}:{line}", line,
                                     False, doc.path))
    return items


#: an item that ends the definitions of a name in force (see _given_anew)
FORGET = "forget"


def _given_anew(step: Step, macros: dict[str, Macro], path: str, defined: set[str],
                constants: dict[str, set[str]]) -> ContextItem | None:
    """A FORGET item when ``step`` opens a chain that gives a name anew times constants (``EI\\,v = ...``):
    notes derive a beam's deflection v again for each load case, and the v of the case before is no
    longer the one meant. The new value is not a definition (it is v times EI), so the name is left
    undefined from here on."""
    try:
        rhs = parse_math(step.rhs.text, macros)
        head = scaled_head(parse_math(step.lhs.text, macros), rhs, defined, constants)
    except (ParseFailure, RecursionError):
        return None
    if head is None:
        return None
    line = step.lhs.line
    return ContextItem(FORGET, head.base, step.lhs.text, "=", step.rhs.text, f"{path}:{line}", line,
                       path=path, label=head_label(head, rhs))


# "an arbitrary differentiable function $f$", "take any smooth $f$", "let $g$ be a general function": the
# words of generality and of functions that give a name anew as a generic function
_GENERAL = r"(?:arbitrary|any|general|generic)"
_FUNCTION_WORD = re.compile(r"\b(?:functions?|maps?|mappings?|smooth|differentiable|continuous|integrable)\b", re.IGNORECASE)
_GENERAL_BEFORE = re.compile(r"\b" + _GENERAL + r"\s+((?:[A-Za-z-]+,?\s+){0,4}?)\$([^$]+)\$", re.IGNORECASE)
_GENERAL_AFTER = re.compile(r"\$([^$]+)\$\s+(?:be|is|denotes?|stands?\s+for)\s+(?:now\s+)?(?:again\s+)?(?:an?\s+)?"
                            + _GENERAL + r"\b([^$.;]*)", re.IGNORECASE)


def _generic_name(math: str, macros: dict[str, Macro]) -> str | None:
    """The base of a lone name, ``f`` or ``f(x)`` or ``\\phi``, written as inline math; None otherwise."""
    if find_relations(math):
        return None
    try:
        tree = parse_math(math, macros)
    except (ParseFailure, RecursionError):
        return None
    if isinstance(tree, n.Apply) and isinstance(tree.func, n.Sym):
        tree = tree.func
    if isinstance(tree, n.Sym) and not tree.indices and not tree.primes and not tree.labels:
        return tree.base
    return None


def general_function_items(doc: Document, macros: dict[str, Macro]) -> list[ContextItem]:
    """A FORGET item for each name the prose gives anew as a generic function ("Now let $f$ be an arbitrary
    differentiable function", "for any smooth $f$"): notes work an example with f(x) = x^3 and then state
    rules for every f, where f(-x) = -f(x) holds of the example only. The definitions above end there."""
    items = []
    for line, sentence in independence.prose_sentences(doc.lines):
        if not _FUNCTION_WORD.search(sentence):
            continue
        names = [m.group(2) for m in _GENERAL_BEFORE.finditer(sentence) if _FUNCTION_WORD.search(m.group(1))]
        names += [m.group(1) for m in _GENERAL_AFTER.finditer(sentence) if _FUNCTION_WORD.search(m.group(2))]
        for math in names:
            base = _generic_name(math, macros)
            if base is not None:
                items.append(ContextItem(FORGET, base, math, "", "", f"{doc.path}:{line}", line, path=doc.path))
    return items


def _evaluated_head(item: ContextItem | None, derivation: Derivation,
                   macros: dict[str, Macro]) -> ContextItem | None:
    """The number a chain that opens with a name's formula ends at, as that name's value below the
    chain: worked examples write ``\\mathrm{MSB} = \\frac{\\mathrm{SSB}}{k - 1} = \\frac{40}{2} = 20`` and then
    divide by MSB's 20, not its formula (which may be one the checker cannot read, S_{xy} = \\sum x_i y_i
    - ...). An EVALUATED item, beside the formula rather than instead of it, which holds from the line
    below the chain on, so that none of the chain's own rows is decided by its own end; None when the
    chain ends at no lone number or opens with no name."""
    if item is not None and (item.kind not in ("define", "result") or not with_letters(item)):
        return None  # (a value of numbers already, or no value: a function's, a letter's)
    first, last = derivation.steps[0], derivation.steps[-1].rhs
    if len(derivation.steps) < 2 or any(step.relation not in ("=", "~=") for step in derivation.steps[1:]) \
            or not last.line:
        return None
    try:
        lhs = parse_math(first.lhs.text, macros)
        value = parse_math(last.text, macros)
    except (ParseFailure, RecursionError):
        return None
    head = defined_head(lhs)
    lone = value.terms[0].node if isinstance(value, n.Add) and len(value.terms) == 1 else value
    if head is None or not isinstance(lhs, n.Sym) or not isinstance(lone, n.Num):
        return None
    if item is None and not has_letters(first.rhs.text, macros):
        return None
    if not _ends_where_it_evaluates(derivation.steps[-1].lhs.text, value, macros):
        return None  # (\lambda = N/T = 7/3 = 2: a slip at the end, which 3\lambda = 6 below must not rest on)
    line = max(last.line, first.lhs.line) + 1
    try:
        formula = parse_math(first.rhs.text, macros)
        # (the x and y of S_{xy} label it, and name no input of the formula)
        subscripts = {id(y) for x in formula.walk() if isinstance(x, n.Sym) for i in x.indices for y in i.walk()}
        written = {x.key for x in formula.walk() if isinstance(x, n.Sym) and id(x) not in subscripts}
    except (ParseFailure, RecursionError):
        return None  # (what would make its number one of the past is unknown)
    return ContextItem(EVALUATED, head.base, first.lhs.text, "=", last.text.strip(), f"{derivation.path}:{last.line}",
                       line, False, derivation.path, label=head_label(head, value), lettered=False,
                       value=value_key(value), formula=" ".join(sorted(written)))


def _ends_where_it_evaluates(before: str, value: n.Node, macros: dict[str, Macro]) -> bool:
    """Whether a chain's last number ``value`` is what the link ``before`` it evaluates to, within the
    rounding its digits claim (\\frac{40}{2} = 20, \\sqrt{10} = 3.2, not \\frac{7}{3} = 2); True where that
    link writes letters, which only the chain's own check decides."""
    from lintmath.tolerance import _slack, decimal_tolerance, side_value

    try:
        tree = parse_math(before, macros)
    except (ParseFailure, RecursionError):
        return False
    if has_letters(before, macros):
        return True
    exact, written = side_value(tree), side_value(value)
    if exact is None or written is None:
        return False
    return bool(abs(exact - written) <= _slack(decimal_tolerance(tree, value), exact, written))


def document_context(doc: Document, own: dict | None = None) -> list[ContextItem]:
    """Every definition and assumption of ``doc``, in source order. ``own``, when given, receives the
    reading of each of the document's own steps, by (derivation index, step index)."""
    macros = macro_table(doc.macros)
    items: list[ContextItem] = []
    functions: set[str] = set()
    constants: dict[str, set[str]] = {}
    for d in doc.directives:
        if d.kind in ("define", "assume"):
            item = directive_item(d.kind, d.argument, doc.path, d.line)
            if item is not None:
                items.append(item)
    for derivation in doc.context + doc.derivations:
        mine = own is not None and any(derivation is d for d in doc.derivations)
        for step in derivation.steps:
            item = definition_of(step, macros, derivation.path, functions, constants)
            if mine:
                own[(derivation.index, step.index)] = item
            if item is not None:
                items.append(item)
            if step.index == 0 and step.relation == "=":
                evaluated = _evaluated_head(item, derivation, macros)
                if evaluated is not None:
                    items.append(evaluated)
            if item is None and step.index == 0 and step.relation == "=":
                # only a function's (v(x) above): 2q = \sum_j 2b_j^2 below q = \sum_j b_j^2 is a claim about q
                forget = _given_anew(step, macros, derivation.path, functions, constants)
                if forget is not None:
                    items.append(forget)
    items.extend(derived_properties(doc, macros))
    items.extend(general_function_items(doc, macros))
    items.extend(displayed_conditions(doc, macros))
    items.extend(prose_items(doc, macros))
    items.extend(independence_items(doc, macros))
    items.extend(symmetric_items(doc, macros))
    items.extend(rotation_items(doc, macros))
    items.extend(linear_items(doc, macros))
    items.extend(declared_items(doc, macros))
    items.extend(complex_items(doc, macros))
    items.extend(_named_items(doc, reals.KIND, reals.statements_of(doc.lines, macros)))
    items.extend(state_items(doc, macros))
    items.extend(_named_items(doc, reynolds.KIND, reynolds.statements_of(doc.lines)))
    items.extend(_named_items(doc, boolean.KIND, boolean.statements_of(doc.lines)))
    items.extend(_named_items(doc, boolean.NUMBERS_KIND, boolean.numbers_statements_of(doc.lines)))
    items.extend(_named_items(doc, poisson.KIND, poisson.statements_of(doc.lines)))
    items.extend(_named_items(doc, einstein_prose.KIND, einstein_prose.statements_of(doc.lines)))
    items.extend(_named_items(doc, chopping.KIND, chopping.statements_of(doc.lines)))
    items.extend(_named_items(doc, orthogonality.KIND, orthogonality.statements_of(doc.lines)))
    # (a sentence just below a display, "(no sum on $i$)", speaks of it: prose that may follow the step)
    items.extend(ContextItem(einstein_prose.WAIVED_KIND, "", "*", "", "", f"{doc.path}:{line}", line, False, doc.path,
                             True) for line in einstein_prose.waivers_of(doc.lines))
    items.extend(_named_items(doc, money.KIND, money.statements_of(doc.lines)))
    items.extend(dependence_items(doc))
    items.extend(ContextItem(normalcdf.KIND, "", "\\Phi", "", "", f"{doc.path}:{line}", line, False, doc.path,
                             continues) for line, continues in normalcdf.statements_of(doc.lines))
    items.extend(ContextItem(normalcdf.KIND, "", "\\Phi", "", ENDS, f"{doc.path}:{line}", line, False, doc.path,
                             continues) for line, continues in normalcdf.endings_of(doc.lines))
    items.extend(ContextItem(normalcdf.OTHER_Q_KIND, "", "Q", "", "", f"{doc.path}:{line}", line, False, doc.path,
                             continues) for line, continues in normalcdf.other_qs_of(doc.lines))
    items.extend(_named_items(doc, dependence.APPLIED, dependence.applied_statements(doc.lines)))
    items.extend(log_base_items(doc))
    items.extend(ContextItem(minkowski.KIND, "", "\\eta", "=", str(sign), f"{doc.path}:{line}", line, False, doc.path)
                 for line, sign in minkowski.statements_of(doc.lines))
    items.extend(values_items(doc, macros))
    items.extend(ContextItem(distributions.KIND, letter, letter, "\\sim", spec, f"{doc.path}:{line}", line, False,
                             doc.path, True) for line, letter, spec in distributions.statements_of(doc.lines))
    items.sort(key=lambda c: (c.path == doc.path, c.line))
    kept, given = [], set()
    for item in items:
        if item.instance and item.name in given:
            continue  # the head is a claim about the function defined above, not its definition
        if item.kind in ("define", "result") and not item.instance:
            given.add(item.name)
        kept.append(item)
    return kept


# a left side written as an application, f(x) or \sigma\left(z\right)
_APPLIED = re.compile(r"^\s*[^()]*?(\\left)?\(.*\)\s*$")


def _item_key(item: ContextItem) -> str:
    """The key under which a later item replaces an earlier one: a function's definition replaces a
    function's. One of a variance written as a power, NLL(\\mu, \\sigma^2), is a function apart from
    NLL(\\theta) of the next model: each applies only to the calls that write its own arguments."""
    applied = _APPLIED.match(item.lhs)
    powers = "^" if applied and _power_argument(item.lhs) else ""
    return item.name + item.label + (powers + "()" if applied else "")


@lru_cache(maxsize=4096)
def _power_argument(lhs: str) -> bool:
    """Whether the application ``lhs`` writes an argument as a letter's power (the \\sigma^2 of
    NLL(\\mu, \\sigma^2)). A power inside an expression, the e^{j\\Omega} of H(e^{j\\Omega}), is a frequency
    response's axis: H(z) defined below it is the same H given anew, which replaces it. Unread (a macro
    of the document's): any ``^`` after the bracket counts, as a power argument is the safer guess."""
    if "^" not in lhs[lhs.index("("):]:
        return False
    try:
        tree = parse_math(lhs, {})
    except (ParseFailure, RecursionError):
        return True
    return not isinstance(tree, n.Apply) or any(written_power(a) for a in tree.args)


# a left side that is one macro of the document's own: \\bh for \\hat{\\boldsymbol\\beta}
_ONE_MACRO = re.compile(r"\s*(\\[A-Za-z]+)\s*")


def _macro_named(lhs: str, text: str) -> bool:
    """Whether the definition's left side is one macro (``\\bh = (\\X\\T\\X)^{-1}\\X\\T\\y``) that the
    step writes: the name it defines is in the macro's expansion, not in the step's text."""
    whole = _ONE_MACRO.fullmatch(lhs)
    return whole is not None and re.search(re.escape(whole.group(1)) + r"(?![A-Za-z])", text) is not None


def context_for(step: Step, items: list[ContextItem], own: ContextItem | None = None,
                path: str = "", below: int = 0) -> tuple[ContextItem, ...]:
    """The items in force at ``step``: definitions above it whose name it mentions (the latest one per
    name wins, as after a redefinition), and every assumption above it. ``below``: how many lines
    after the step a displayed line may state a value that rescues it (see solved_below)."""
    here = step.rhs.line if step.rhs.line else 0
    text = step.lhs.text + " " + step.rhs.text
    latest: dict[str, ContextItem] = {}
    shadowed: dict[str, ContextItem] = {}  # a value with letters that a later value of numbers replaced
    superseded: dict[str, list[ContextItem]] = {}  # displayed values with letters a later one replaced
    assumptions = []
    independent = []
    relations = []
    values = []
    solutions = []
    bases: dict[str, ContextItem] = {}  # the latest base fixed for each of \log, \lg
    signatures: list[ContextItem] = []  # every signature stated above: two that disagree state none
    given_values: dict[str, set[str]] = {}  # every value given each name above the step (see REDEFINED)
    for item in items:
        # line numbers order items of the step's own file; other files' items come first
        if item is own or (here and item.path == path and item.line > here + (PROSE_AFTER if item.prose else 0)):
            if item is not own and below and not item.prose and item.kind in ("define", "result") \
                    and item.line <= here + below and item.name and item.name in text:
                solutions.append(item)
            continue
        if item.kind == "assume":
            assumptions.append(item)
        elif item.kind == RELATION:
            # (a relation a display derives holds below it only: a chain's own "= 0" must not excuse its
            # rows; inline prose may follow the display it explains)
            if here and item.path == path and here - item.line <= RELATION_REACH and (item.prose or here >= item.line):
                relations.append(item)
        elif item.kind == VALUES:
            if here and item.path == path and here - item.line <= VALUES_REACH:
                values.append(item)
        elif item.kind == minkowski.KIND:
            # the metric's signature, like a logarithm's base, holds from its sentence to the end of the file
            if here and item.path == path:
                signatures.append(item)
        elif item.kind == logbase.KIND:
            # a convention of the file's prose holds from its sentence to the end of that file
            if here and item.path == path:
                bases[item.lhs] = item
        elif complexes.names_unit(item):
            # "$j = \sqrt{-1}$" once, at the head of signals notes: the letter of the unit, like a
            # logarithm's base, is a convention of the file from its sentence to its end
            if here and item.path == path:
                independent.append(item)
        elif item.kind in _PASSAGE_REACH:
            # a statement of the prose (independence, symmetric or linear, matrices or complex letters, a
            # letter that varies) holds for the derivations of its own passage: a letter reused chapters
            # later may name another quantity
            if here and item.path == path and here - item.line <= _PASSAGE_REACH[item.kind]:
                if item.rhs == ENDS:
                    # a later sentence gave the name another meaning: the statements above it no longer hold
                    independent = [kept for kept in independent if kept.kind != item.kind or kept.lhs != item.lhs]
                else:
                    independent.append(item)
        elif item.kind == FORGET:
            for key in (item.name + item.label, item.name + item.label + "()",
                        item.name + item.label + _EVALUATED_KEY):
                latest.pop(key, None)
                shadowed.pop(key, None)
                superseded.pop(key, None)
                given_values.pop(key, None)
        elif item.name:
            # H(p) = ... and a later H = 2.58 are a function and a value: the later one replaces only
            # its own kind, so that H(p) still reads as the function (see substitute)
            key = _item_key(item)
            if item.kind == LETTER:
                key += "#letter"  # beside e^+ = (1 - a)e, not instead of it: e is a letter either way
            if item.prose and not item.explains and here and item.path == path and item.line > here \
                    and item.kind in ("define", "result") and not with_letters(item) \
                    and key in latest and with_letters(latest[key]):
                # "If ... then $q = 0.2$" just below a step in q = 1 - p: a sentence of its own opens the
                # passage below it, a worked example (see gives_anew), so the value with letters above still
                # holds for the step
                continue
            if item.kind == EVALUATED:
                key += _EVALUATED_KEY  # beside the formula, not instead of it
            elif item.kind in ("define", "result"):
                latest.pop(key + _EVALUATED_KEY, None)  # the name given anew: its chain's number is of the past
                # so is a number whose formula writes the name given anew (the next example's SSB = 60)
                evaluated = [k for k, v in latest.items() if v.kind == EVALUATED]
                given = _given_key(item) if evaluated else ""
                for gone in [k for k in evaluated if given in latest[k].formula.split()]:
                    latest.pop(gone)
            if item.kind in ("define", "result"):
                # (an inline value that only restates the display's is the same value, by its tree)
                given_values.setdefault(key, set()).add(item.value or " ".join(item.rhs.split()))
            if item.prose and key in latest and not latest[key].prose and not (
                    key.endswith("()") and here and item.line < step.lhs.line) and not gives_anew(
                    item, latest[key], not here or item.path != path or item.line < step.lhs.line):
                # an inline value only adds to what the displayed lines define, never replaces it;
                # but "Now let $f(x) = x^2$" before the step gives f anew (notes reuse f per example),
                # as a value of other letters gives a reused name anew (see gives_anew)
                if _numbers_at_odds(item, latest[key], not here or item.path != path or item.line < step.lhs.line):
                    latest.pop(key)  # which example the step computes is unknown: neither number rescues it
                continue
            former = latest.get(key)
            if former is not None and item.kind == former.kind == "define" and not item.prose and not former.prose \
                    and with_letters(item) and with_letters(former) and _generalises(item.rhs, former.rhs):
                superseded.setdefault(key, []).append(former)
            if with_letters(item):
                shadowed.pop(key, None)
            elif key in latest and latest[key].kind in ("define", "result") and with_letters(latest[key]):
                shadowed[key] = latest[key]
            latest[key] = item
    for item in solutions:
        # (1 - e) e^{-a} = e e^{a} above a = (1/2) ln((1 - e)/e): an equation to solve, and the
        # value below solves it. As a result, it only rescues the line; it replaces nothing above
        key = _item_key(item)
        latest.setdefault(key, replace(item, kind="result"))
    named = _named_from(text, latest)
    earlier = [replace(shadowed[key], kind=EARLIER) for key, item in latest.items()
               if key in shadowed and item in named]
    replaced_values = [replace(old, kind=SUPERSEDED) for key, item in latest.items() if item in named
                       for old in superseded.get(key, [])[-SUPERSEDED_TRIED:] if old.kind == "define"]
    redefined = tuple(ContextItem(REDEFINED, item.name, item.lhs, "", "", item.where, item.line, path=item.path,
                                  label=item.label)
                      for key, item in latest.items() if item in named and len(given_values.get(key, ())) > 1)
    at = (ContextItem(STEP_AT, "", "", "", "", f"{path}:{here}", here, path=path),) if here and path else ()
    return tuple(assumptions) + tuple(independent) + tuple(named) + tuple(earlier) + tuple(replaced_values) \
        + tuple(relations) \
        + tuple(bases.values()) + tuple(signatures) + tuple(values) + redefined + at


_EVALUATED_KEY = "#evaluated"


def _given_key(item: ContextItem) -> str:
    """The key of the letter ``item`` gives a value (``bar:x`` for \\bar{x}, ``x`` for x or x_1), as an
    EVALUATED item's formula lists them; its base where the left side is not read without macros."""
    try:
        head = defined_head(parse_math(item.lhs, {}))
    except (ParseFailure, RecursionError):
        head = None
    return head.key if head is not None else item.name


def _numbers_at_odds(inline: ContextItem, shown: ContextItem, before: bool) -> bool:
    """Whether an inline number above the step, in a sentence that does not take it for the example ("a
    new sample has mean $\\bar x = 49$", "if there were $k = 2$ groups", "larger than the first, with
    $A = 0.05$"), differs from the number a display gave the name: either may be the one the step computes
    with, and which one the words mean is not read."""
    return before and not inline.taken and not with_letters(inline) and not with_letters(shown) \
        and inline.value is not None and shown.value is not None and inline.value != shown.value


def _generalises(value: str, former: str) -> bool:
    """Whether ``value`` writes every letter of ``former`` and more: a model given a new parameter (the
    2PL curve's a_i over the Rasch curve, the 3PL's c_i over both), which notes go back from, unlike a
    function simply given anew (f(x) = x^2, then f(x) = x^3), which binds the name from there on."""
    def letters(text: str) -> set[str]:
        try:
            # (letters and Greek letters: \\frac, \\exp or a macro for e name no parameter)
            return {t.text for t in tokenize(text) if t.kind == "letter" or t.kind == "cmd" and t.text[1:] in GREEK}
        except ParseFailure:
            return set()
    new, old = letters(value), letters(former)
    return bool(old) and old < new


def with_earlier_values(context: tuple[ContextItem, ...]) -> tuple[ContextItem, ...] | None:
    """``context`` read as if the worked examples were over: every value of numbers left out (x-bar = 3
    of an example says nothing of the general x-bar below it), and each value with letters that one of
    them replaced (see EARLIER) given back, as a result that may rescue a step; None when no value in
    force is one of numbers."""
    numbers = [item for item in context if item.kind in ("define", "result") and not with_letters(item)]
    if not numbers:
        return None
    kept = tuple(item for item in context if item.kind != EARLIER and not any(item is x for x in numbers))
    return kept + tuple(replace(item, kind="result") for item in context if item.kind == EARLIER)


def _named_from(text: str, latest: dict[str, ContextItem]) -> list[ContextItem]:
    """The definitions ``text`` names, and those their bodies name in turn: ``A(r) = 2\\pi r^2 +
    \\frac{2V}{r}`` beside ``V = 16\\pi`` puts V in force for a step that writes only A."""
    chosen: dict[str, ContextItem] = {}
    texts = [text]
    while texts:
        said = texts.pop()
        for key, item in latest.items():
            # a displayed definition of a macro's name (\\bh = ...) is named by the macro; an inline
            # "with $\\rr = 1$" is a value at a point, named only by its letter, while an inline value
            # with letters ("load factor $\\load = n/m$") is the macro's meaning, named by it too
            if key not in chosen and (item.name in said or (not item.prose or item.declared or with_letters(item))
                                      and _macro_named(item.lhs, said)):
                chosen[key] = item
                texts.append(item.rhs)
    return [item for key, item in latest.items() if key in chosen]
