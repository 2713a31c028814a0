"""Stacked data: X the matrix of the x_i, y the vector of the y_i.

Regression, kernel methods and SVMs write a data set twice: as a sum over its points
(``\\sum_{i=1}^n (y_i - w^T x_i)^2``) and stacked (``\\|y - Xw\\|^2``), with X the matrix whose rows are
the x_i^T (\\Phi that of the \\phi(x_i)^T) and y the vector of the y_i. Nothing in the step says so:
read as letters, X is a name from elsewhere and the step is unverified. This reading stacks them,
rows first and then columns (some authors put the x_i side by side), and only verifies: a step that
fails in both readings may use another convention (X centred, with a column of ones), and is left as
it was.

The reading applies where one side writes a capital (X, \\mathbf{X}, \\Phi) bare and the other side a
sum over i whose terms write the same lower-case letter with the index i alone (x_i, \\phi(x_i)). The
letters written bare somewhere and with the index i in that sum (y beside y_i, \\alpha beside
\\alpha_i) are the vectors of their entries, as long as the sum's range.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from lintmath.lower import dimension_letters
from lintmath.parse import nodes as n
from lintmath.sides import Parsed

ROWS, COLUMNS = "rows", "columns"

# the lower-case Greek letters whose capital stacks them; \varphi is \phi's other glyph
_GREEK_CAPITALS = {"\\phi": "\\Phi", "\\varphi": "\\Phi", "\\psi": "\\Psi", "\\xi": "\\Xi"}


@dataclass(frozen=True)
class Stack:
    """One stacked quantity: ``key`` (of the bare letter) lowers to the values of ``member`` (a node
    that mentions ``var``) at var = lo, ..., hi; as the rows (``ROWS``: member^T) or the columns of a
    matrix, or, for ``vector``, as the entries of a column."""

    key: str
    member: n.Node
    var: str
    lo: n.Node | None
    hi: n.Node | None
    mode: str
    vector: bool = False
    labels: tuple[str, ...] = ()  # of a vector written with a label, \alpha^* beside the \alpha_i^*


def _capital_of(sym: n.Sym) -> str | None:
    """The key of the capital that stacks ``sym``'s family (x -> X, \\mathbf{x} -> \\mathbf{X})."""
    base = sym.base
    if len(base) == 1 and base.isalpha() and base.islower():
        capital = base.upper()
    else:
        capital = _GREEK_CAPITALS.get(base)
    if capital is None:
        return None
    return f"{sym.style}:{capital}" if sym.style else capital


def _indexed_by(sym: n.Sym, var: str, labelled: bool = False) -> bool:
    """x_i with the index i alone, and nothing else written on it (but a label, where ``labelled``)."""
    return len(sym.indices) == 1 and isinstance(sym.indices[0], n.Sym) and sym.indices[0].base == var \
        and not sym.indices[0].indices and not sym.indices[0].style \
        and (labelled or not sym.labels) and not sym.primes and sym.sup_letter is None


def _bare(sym: n.Sym) -> bool:
    return not (sym.indices or sym.labels or sym.primes or sym.sup_letter is not None)


def _members(body: n.Node, var: str) -> dict[str, n.Node]:
    """The capital keys a sum's body may stack, with the member written for them: x_i, or a function
    of it, \\phi(x_i) (the feature vector), whose capital is that of the function."""
    out: dict[str, n.Node] = {}
    for node in body.walk():
        if isinstance(node, n.Sym) and _indexed_by(node, var):
            capital = _capital_of(node)
            if capital is not None:
                out.setdefault(capital, node)
        elif isinstance(node, n.Apply) and len(node.args) == 1 and not node.primes \
                and isinstance(node.args[0], n.Sym) and _indexed_by(node.args[0], var) and _bare(node.func):
            capital = _capital_of(node.func)
            if capital is not None and node.func.base in _GREEK_CAPITALS:
                out.setdefault(capital, node)
    return out


def _sums(tree: n.Node) -> list[n.BigOp]:
    return [x for x in tree.walk() if isinstance(x, n.BigOp) and x.kind == "sum" and not x.extra_vars
            and not x.exclude and not x.over and not x.tuples and _whole_range(x)]


def _whole_range(node: n.BigOp) -> bool:
    """A sum over the whole data set: without bounds, from 1 to a letter or a number (n, N, m, 5), or
    from 0 to one less (0-based). A sum from 2 to n, or to n - 1, is over part of it, and the X
    beside it is not the matrix of its terms."""
    if node.lo is None:
        return node.hi is None and not node.values
    if not isinstance(node.lo, n.Num):
        return False
    if node.lo.value == "1":
        return isinstance(node.hi, n.Num) and node.hi.value.isdigit() or _count_letter(node.hi)
    if node.lo.value == "0" and isinstance(node.hi, n.Add) and len(node.hi.terms) == 2:
        first, last = node.hi.terms
        return first.sign == "+" and _count_letter(first.node) and last.sign == "-" \
            and isinstance(last.node, n.Num) and last.node.value == "1"
    return False


def _count_letter(node: n.Node | None) -> bool:
    return isinstance(node, n.Sym) and _bare(node) and not node.style and len(node.base) == 1 and node.base.isalpha()


def _bare_keys(tree: n.Node) -> set[str]:
    return {x.key for x in tree.walk() if isinstance(x, n.Sym) and _bare(x)}


def stacks(lhs: n.Node, rhs: n.Node, mode: str) -> tuple[Stack, ...]:
    """The stacked matrices and vectors of a step in this reading (``ROWS`` or ``COLUMNS``); () where
    the step writes no capital beside a sum of its lower-case letter on the other side."""
    found: dict[str, Stack] = {}
    for summed, other in ((lhs, rhs), (rhs, lhs)):
        capitals = _bare_keys(other)
        for node in _sums(summed):
            for capital, member in _members(node.body, node.var).items():
                if capital in capitals and capital not in found:
                    found[capital] = Stack(capital, member, node.var, node.lo, node.hi, mode)
    if not found:
        return ()
    # the vectors: letters written bare somewhere and with the stacking index in one of those sums
    bare = {(x.key, x.labels) for tree in (lhs, rhs) for x in tree.walk() if isinstance(x, n.Sym)
            and not (x.indices or x.primes or x.sup_letter is not None)}
    members = {id(s.member) for s in found.values()}
    stacked_rows = {x.key for s in found.values() for x in s.member.walk() if isinstance(x, n.Sym)}
    vectors: dict[str, Stack] = {}
    ranges = {(s.var, repr(n.structure(s.lo)) if s.lo else "", repr(n.structure(s.hi)) if s.hi else "")
              for s in found.values()}
    for tree in (lhs, rhs):
        for node in _sums(tree):
            for x in node.body.walk():
                if isinstance(x, n.Sym) and id(x) not in members and _indexed_by(x, node.var, labelled=True) \
                        and (x.key, x.labels) in bare and x.key not in found and x.key not in stacked_rows \
                        and x.key not in vectors:
                    vectors[x.key] = Stack(x.key, x, node.var, node.lo, node.hi, mode, vector=True, labels=x.labels)
                    ranges.add((node.var, repr(n.structure(node.lo)) if node.lo else "",
                                repr(n.structure(node.hi)) if node.hi else ""))
    if len(ranges) > 1:
        # sums over different ranges (or indices) do not stack into one data set
        return ()
    return (*found.values(), *vectors.values())


def describe(found: tuple[Stack, ...]) -> str:
    """The reading as a guess named in the verdict."""
    parts = []
    for s in found:
        name = s.key.split(":")[-1]
        member = _text(s.member)
        if s.vector:
            parts.append(f"{name} the vector of the {member}")
        elif s.mode == ROWS:
            parts.append(f"{name} the matrix whose rows are the {member}^T")
        else:
            parts.append(f"{name} the matrix whose columns are the {member}")
    return "stacked data: " + ", ".join(parts)


def _text(node: n.Node) -> str:
    if isinstance(node, n.Sym):
        return node.base + "_" + "".join(i.base for i in node.indices if isinstance(i, n.Sym))
    if isinstance(node, n.Apply):
        return f"{node.func.base}({_text(node.args[0])})"
    return "terms"


def read(parsed: Parsed, mode: str) -> Parsed:
    """The step in the stacked reading (``ROWS`` or ``COLUMNS``): the capitals matrices, the stacked
    members vectors, and the stacked vectors no longer vectors of entries of the random vectors' size
    (their entries are the data's, y_i, one per term of the sum). The step is returned as it was
    where it stacks nothing."""
    lhs, rhs = _features_as_vectors(parsed.lhs, parsed.rhs)
    found = stacks(lhs, rhs, mode)
    if not found:
        return parsed
    letters = parsed.letters
    capitals = frozenset(s.key for s in found if not s.vector)
    vectors = frozenset(s.key for s in found if s.vector)
    rows = frozenset(s.member.key for s in found if not s.vector and isinstance(s.member, n.Sym))
    taken = vectors | capitals | rows
    entries = tuple((written, target) for written, target in letters.entries
                    if written not in taken and target not in taken)
    letters = replace(letters, stacked=found,
                      matrices=(letters.matrices | capitals) - vectors,
                      vectors=(letters.vectors | rows) - vectors - capitals,
                      candidates=letters.candidates - taken,
                      required=letters.required - taken,
                      entries=entries, dimensions=dimension_letters((lhs, rhs), dict(entries)),
                      # a stacked X has the shape of its data, n x d, whatever (X^T X)^{-1} made of it
                      tall=letters.tall - capitals, wide=letters.wide - capitals)
    if not (letters.tall or letters.wide):
        letters = replace(letters, short=frozenset())
    return Parsed(lhs, rhs, letters)


def _features_as_vectors(lhs: n.Node, rhs: n.Node) -> tuple[n.Node, n.Node]:
    """\\phi(x_i) written as the feature vector \\phi_i, where the step applies \\phi only to members of
    one family (x_i, x_j, x_1) and writes its capital: the lowering has no vector-valued functions,
    and the stacked reading needs of \\phi(x_i) only that it is the i-th feature vector."""
    applied: dict[str, set[str]] = {}
    for tree in (lhs, rhs):
        for node in tree.walk():
            if isinstance(node, n.Apply) and node.func.base in _GREEK_CAPITALS:
                argument = node.args[0] if len(node.args) == 1 else None
                family = argument.key if isinstance(argument, n.Sym) and len(argument.indices) == 1 \
                    and not (argument.labels or argument.primes or argument.sup_letter is not None) \
                    and _bare(node.func) and not node.primes else ""
                applied.setdefault(node.func.key, set()).add(family)
    capitals = _bare_keys(lhs) | _bare_keys(rhs)
    heads = {key for key, families in applied.items() if len(families) == 1 and "" not in families
             and _capital_of(n.Sym(0, 0, key.split(":")[-1], key.rpartition(":")[0])) in capitals}
    # (a head also written as a letter of its own, \phi_i or \phi beside \phi(x_i), is left applied)
    heads -= {x.key for tree in (lhs, rhs) for x in tree.walk()
              if isinstance(x, n.Sym) and x.key in heads and not _is_head(x, lhs, rhs)}
    if not heads:
        return lhs, rhs

    def vector(node: n.Node) -> n.Node | None:
        if isinstance(node, n.Apply) and node.func.key in heads:
            return replace(node.func, start=node.start, end=node.end, indices=node.args[0].indices)
        return None
    return n.rebuild(lhs, vector), n.rebuild(rhs, vector)


def _is_head(sym: n.Sym, *trees: n.Node) -> bool:
    return any(isinstance(x, n.Apply) and x.func is sym for tree in trees for x in tree.walk())

