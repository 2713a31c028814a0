"""LM105: one name written for another: a letter changed, a dot changed (a velocity for an
acceleration), and the terms of the line written again with letters renamed or swapped.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Callable, Iterator

from lintmath.diagnose.edits import (
    Candidate, Context, _adds_by_depth, _beside, _chain_sums, _compact, _edit, _first_at, _is_plain, _located,
    _missing_term, _squash, _word, replace_node,
)
from lintmath.diagnose.values import _equal_values, _signed_values
from lintmath.parse import nodes as n


def _chain_position(ctx: Context, body: str, terms: tuple[n.Term, ...], default: int) -> int:
    """Where a term the search writes anew (``body``) goes among the line's ``terms`` when a line of
    the chain writes it in a sum beside one of them: beside that neighbour, as the chain has it;
    ``default`` otherwise."""
    wanted = _squash(body)
    present = [_squash(ctx.rhs_text[t.node.start : t.node.end]) for t in terms]
    for line, sources in _chain_sums(ctx):
        for source in sources:
            theirs = [_squash(line[t.node.start : t.node.end]) for t in source.terms]
            if wanted in theirs and set(theirs) & set(present):
                return _beside(present, theirs, theirs.index(wanted), len(terms))
    return default


def renamed_copies(ctx: Context) -> Iterator[Candidate]:
    """LM102: the first source of difference_terms (a copy of a term of the line with the letters that
    vanished put back), brought before chain_terms where the step has a chain: the line's own pattern
    (``T(\\ell v)`` beside ``S(\\ell v)``) is nearer than a later line's rewrite of the term (``\\ell T(v)``).
    Without a chain it waits for difference_terms, as it did."""
    if not ctx.chain or isinstance(ctx.parent_of(ctx.rhs), n.Node):
        return
    rhs = ctx.rhs
    yield from _renamed_copies(ctx, rhs.terms if isinstance(rhs, n.Add) else (n.Term(rhs.start, rhs.end, "+", rhs),))


MAX_RENAMED_SIBLINGS = 12


def renamed_siblings(ctx: Context) -> Iterator[Candidate]:
    """LM102, late: a term of the line written again with one letter renamed to another letter of
    the line (``\\langle p,p\\rangle + \\langle p,q\\rangle + \\langle q,p\\rangle`` lost
    ``\\langle q,q\\rangle``). A whole term supposed is a bigger edit than a number changed, so it
    comes after them, unless it is a term of the line before (see dropped_terms)."""
    yield from _renamed_siblings(ctx, restyled_only=False)
    yield from _parallel_copies(ctx)


def _renamed_siblings(ctx: Context, restyled_only: bool) -> Iterator[Candidate]:
    """Only terms the line wrote anew (not verbatim from the line before) serve as templates: a
    verbatim term's lost sibling is on the line before, and putting that back is the same edit.
    ``restyled_only``: only copies worth a term of the line before (``\\|q\\|^2`` for
    ``\\langle q,q\\rangle``), which are that term in the line's own notation."""
    rhs, text = ctx.rhs, ctx.rhs_text
    if not isinstance(rhs, n.Add) or len(rhs.terms) < 2 or ctx.naming_only:
        return
    lhs_values = [_signed_values(ctx, t) for a in _adds_by_depth(ctx.lhs) for t in a.terms] if restyled_only else []
    if restyled_only and not any(lhs_values):
        return
    terms = rhs.terms
    present = {_squash(text[t.node.start : t.node.end]) for t in terms}
    before = _squash(ctx.lhs_text)
    line_names = _letters(rhs)
    made = 0
    for j, term in enumerate(terms):
        if _squash(text[term.node.start : term.node.end]) in before or _bound_inside(term.node):
            continue
        mine = _letters(term.node)
        for u, v in ((u, v) for u in mine for v in line_names if v not in mine and mine[u] == line_names[v]):
            if any(isinstance(x, n.Sym) and x.base == u for x in _indices_of(term.node)):
                continue
            body = _renamed_text(text, term.node, {u: v})
            if body is None or _squash(body) in present:
                continue
            at_u, at_v = _first_at(ctx.lhs_text, u), _first_at(ctx.lhs_text, v)
            position = _chain_position(ctx, body, terms, 0 if 0 <= at_v < at_u else len(terms))
            new = n.Term(term.start, term.end, term.sign, _rename(term.node, {u: v}))
            if restyled_only and not any(_equal_values(_signed_values(ctx, new), x) for x in lhs_values):
                continue
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)
            made += 1
            if made >= MAX_RENAMED_SIBLINGS:
                return


MAX_PARALLEL_TERMS = 8  # terms of a sum whose pairs are looked at (one text renaming per pair)
MAX_PARALLEL_NAMES = 2  # letters two parallel terms may trade


def _parallel_copies(ctx: Context) -> Iterator[Candidate]:
    """LM102, late: a term written again with the letters two other terms of the line trade. Where
    ``a v`` and ``b w`` stand in one sum, a with b and v with w play parallel parts, and a term of a
    and v alone lost its copy in b and w (``a v - a p(v) + b w`` lost ``- b p(w)``). The copy goes
    where the parallel layout puts it: as far after the second of the pair as the term is after the first."""
    rhs, text = ctx.rhs, ctx.rhs_text
    if not isinstance(rhs, n.Add) or not 3 <= len(rhs.terms) <= MAX_PARALLEL_TERMS or ctx.naming_only:
        return
    terms = rhs.terms
    written = [_squash(text[t.node.start : t.node.end]) for t in terms]
    rows = [_named_row(t.node) for t in terms]
    made = 0
    for i, j in itertools.permutations(range(len(terms)), 2):
        mapping = _parallel_mapping(rows[i], rows[j])
        if mapping is None or _renamed_text(text, terms[i].node, mapping) != _compact(text[terms[j].node.start : terms[j].node.end]):
            continue
        for k, term in enumerate(terms):
            names = set(rows[k])
            if k in (i, j) or not set(mapping) <= names or names & set(mapping.values()) or _bound_inside(term.node):
                continue
            body = _renamed_text(text, term.node, mapping)
            if body is None or _squash(body) in written:
                continue
            position = max(0, min(len(terms), j + k - i))
            new = n.Term(term.start, term.end, term.sign, _rename(term.node, mapping))
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)
            made += 1
            if made >= MAX_RENAMED_SIBLINGS:
                return


def _named_row(node: n.Node) -> list[str]:
    """The plain and plain styled letters of a term (not its indices), in the order written."""
    index_ids = n.non_quantities(node)
    return [x.base for x in sorted((x for x in node.walk() if isinstance(x, n.Sym) and id(x) not in index_ids
                                    and (_is_plain(x) or _plain_styled(x))), key=lambda x: x.start)]


def _parallel_mapping(mine: list[str], theirs: list[str]) -> dict[str, str] | None:
    """The letters of ``mine`` renamed to give ``theirs``, place by place, when that is one renaming of
    one or two letters to letters ``mine`` does not write; None otherwise."""
    if len(mine) != len(theirs) or not mine:
        return None
    mapping: dict[str, str] = {}
    for a, b in zip(mine, theirs):
        if mapping.setdefault(a, b) != b:
            return None
    mapping = {a: b for a, b in mapping.items() if a != b}
    if not 1 <= len(mapping) <= MAX_PARALLEL_NAMES or set(mapping.values()) & set(mine) \
            or len(set(mapping.values())) < len(mapping):
        return None
    return mapping


def _letters(tree: n.Node) -> dict[str, str]:
    """The plain letters and plain styled letters (vectors) a tree writes outside subscripts, each
    with its style: a letter is renamed only to one of the same style."""
    index_ids = n.non_quantities(tree)
    out: dict[str, str] = {}
    for x in tree.walk():
        if isinstance(x, n.Sym) and id(x) not in index_ids and (_is_plain(x) or _plain_styled(x)):
            out.setdefault(x.base, x.style)
    return out


def _indices_of(tree: n.Node) -> list[n.Node]:
    ids = n.non_quantities(tree)
    return [x for x in tree.walk() if id(x) in ids]


def _bound_inside(node: n.Node) -> bool:
    return any(isinstance(x, (n.BigOp, n.Integral, n.Limit, n.Deriv, n.DerivBy)) for x in node.walk())


def _letter_swaps(text: str, term: n.Node) -> Iterator[tuple[str, str, n.Node, Callable[[n.Node], str]]]:
    """Each exchange of two letters of a term, as (the two letters as written, the exchanged term,
    the text of a part of the term after the exchange), at most four letters per term. A letter is
    found by its offsets; letters that have none of their own (they came out of a macro's body,
    ``\\iprod{\\vect{v},\\vect{u}}``) are found by their names in the text, as a renamed copy finds them."""
    index_ids = n.non_quantities(term)
    syms = [x for x in term.walk() if isinstance(x, n.Sym) and id(x) not in index_ids]
    spans = [(x.start, x.end) for x in syms]
    if len(set(spans)) < len(spans):
        yield from _name_swaps(text, term, syms)
        return
    spots: dict[str, list[n.Sym]] = {}
    for x in syms:
        spots.setdefault(_squash(text[x.start : x.end]), []).append(x)
    names = sorted(spots, key=lambda k: spots[k][0].start)
    if len(names) > 4:
        return
    for a, u in enumerate(names):
        for v in names[a + 1 :]:
            swap = {(x.start, x.end): spots[v][0] for x in spots[u]}
            swap.update({(x.start, x.end): spots[u][0] for x in spots[v]})
            node = n.map_nodes(term, lambda x, swap=swap: swap.get((x.start, x.end), x) if isinstance(x, n.Sym) else x)
            yield (text[spots[u][0].start : spots[u][0].end].strip(), text[spots[v][0].start : spots[v][0].end].strip(),
                   node, lambda part, swap=swap: _swapped_text(text, part, swap))


def _name_swaps(text: str, term: n.Node, syms: list[n.Sym]) -> Iterator[tuple[str, str, n.Node, Callable[[n.Node], str]]]:
    names = list(dict.fromkeys(x.base for x in syms if _is_plain(x) or _plain_styled(x)))
    names.sort(key=lambda name: _first_at(text[term.start : term.end], name))  # as the term writes them
    if len(names) > 4:
        return
    for a, u in enumerate(names):
        for v in names[a + 1 :]:
            mapping = {u: v, v: u}
            if not all(_written_as_often(text, term, name) for name in mapping):
                continue  # the text and the tree do not write the letters alike
            yield u, v, _rename(term, mapping), lambda part, mapping=mapping: _swapped_names(text, part, mapping)


def _written_as_often(text: str, node: n.Node, name: str) -> bool:
    """Whether the text of ``node`` writes ``name`` as a whole word exactly as often as its tree has it."""
    pattern = _word(name)
    symbols = sum(isinstance(x, n.Sym) and x.base == name for x in node.walk())
    return pattern is not None and len(pattern.findall(text[node.start : node.end])) == symbols


def _swapped_names(text: str, node: n.Node, mapping: dict[str, str]) -> str:
    """The text of ``node`` with the names of ``mapping`` exchanged where written as whole words."""
    body = text[node.start : node.end]
    pattern = re.compile("|".join(_word(name).pattern for name in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda m: mapping[m.group(0)], body)


def _swapped_text(text: str, node: n.Node, swap: dict[tuple[int, int], n.Sym]) -> str:
    body = text[node.start : node.end]
    for (start, end), other in sorted(swap.items(), reverse=True):
        if node.start <= start and end <= node.end:
            start, end = start - node.start, end - node.start
            body = body[:start] + text[other.start : other.end].strip() + body[end:]
    return body


def _names_of(tree: n.Node) -> dict[str, int]:
    """Plain variable names and function names of a tree, with their counts (not indices)."""
    out: dict[str, int] = {}
    index_ids = n.non_quantities(tree)
    for node in tree.walk():
        if isinstance(node, n.Apply):
            out[node.func.base] = out.get(node.func.base, 0) + 1
        elif isinstance(node, n.Sym) and id(node) not in index_ids and (not node.style or _plain_styled(node)):
            out[node.base] = out.get(node.base, 0) + 1
    return out


def _plain_styled(sym: n.Sym) -> bool:
    """A bold or otherwise styled letter with nothing attached (``\\vect{w}``, ``\\mathbf{x}``): a
    vector's name, renamed like a plain letter."""
    return bool(sym.style) and not (sym.indices or sym.labels or sym.sup_letter is not None or sym.primes)


def _renamed_copies(ctx: Context, terms: tuple[n.Term, ...]) -> Iterator[Candidate]:
    rhs, text = ctx.rhs, ctx.rhs_text
    before, after = _names_of(ctx.lhs), _names_of(rhs)
    vanished = [v for v in before if v not in after and v.isascii() and re.fullmatch(r"\\?[A-Za-z]+", v)]
    if not vanished or len(vanished) > 3:
        return
    for j, term in enumerate(terms):
        inside = [u for u in _names_of(term.node) if u not in vanished]
        # each vanished name written for one of the term's own (``y[b;d]`` lost beside ``x[a;c]``)
        maps = [dict(zip(chosen, vanished)) for chosen in itertools.permutations(inside, len(vanished))]
        for mapping in maps[:30]:
            body = _renamed_text(ctx.rhs_text, term.node, mapping)
            if body is None:
                continue
            new = n.Term(term.start, term.end, term.sign, _rename(term.node, mapping))
            # (as whole words: the ``a`` of ``bmatrix`` is no letter a)
            old_first = min(_located(ctx.lhs_text, u) for u in mapping) if ctx.lhs_text else -1
            new_first = min(_located(ctx.lhs_text, v) for v in mapping.values()) if ctx.lhs_text else -1
            position = j if 0 <= new_first < old_first else j + 1
            tree = n.Add(rhs.start, rhs.end, terms[:position] + (new,) + terms[position:])
            if rhs is not terms[0].node or isinstance(rhs, n.Add):
                tree = replace_node(rhs, rhs, tree) if not isinstance(rhs, n.Add) else tree
            yield _missing_term(tree, rhs, terms, position, term.sign, body, text)


def _rename(node: n.Node, mapping: dict[str, str]) -> n.Node:
    def rename(x: n.Node) -> n.Node:
        if isinstance(x, n.Sym) and x.base in mapping and (not x.style or _plain_styled(x)):
            return replace(x, base=mapping[x.base])
        return x

    return n.map_nodes(node, rename)


def _renamed_text(text: str, node: n.Node, mapping: dict[str, str]) -> str | None:
    """The text of ``node`` with each written occurrence of a mapped name replaced."""
    if _elided(text, node):
        return _renamed_by_pattern(text, node, mapping, counted=False)
    spots = []
    index_ids = n.non_quantities(node)
    for x in node.walk():
        sym = x.func if isinstance(x, n.Apply) else x if isinstance(x, n.Sym) and id(x) not in index_ids else None
        if sym is None or sym.base not in mapping or sym.style and not _plain_styled(sym):
            continue
        at = _letter_at(text, sym)
        if at is None:
            return _renamed_by_pattern(text, node, mapping)
        spots.append((at, at + len(sym.base), mapping[sym.base]))
    if not spots:
        return None
    body = text[node.start : node.end]
    for start, end, new in sorted(set(spots), reverse=True):
        start, end = start - node.start, end - node.start
        if new.startswith("\\") and body[end:end + 1].isalpha():
            new += " "
        body = body[:start] + new + body[end:]
    return _compact(body)


def _renamed_by_pattern(text: str, node: n.Node, mapping: dict[str, str], counted: bool = True) -> str | None:
    """The same, for a node whose letters have no offsets of their own (they came out of a macro's
    body, ``\\iprod{\\vect{u},\\vect{u}}``): each name is replaced where it is written as a whole
    word, provided the text writes it exactly as often as the tree has it, so that the text and the
    tree say the same. A sum written with dots (``b_1w_1 + \\ldots + b_nw_n``) is one term of the tree
    written twice or more (``counted`` false): there every written occurrence is the tree's letter."""
    body = text[node.start : node.end]
    for old, new in mapping.items():
        pattern = _word(old)
        symbols = sum(isinstance(x, n.Sym) and x.base == old for x in node.walk())
        written = len(pattern.findall(body)) if pattern is not None else 0
        if pattern is None or (written != symbols if counted else not written):
            return None
        body = pattern.sub(lambda m: new + " " if new.startswith("\\") else new, body)
    return _compact(body)


_DOTS = re.compile(r"\\[lc]?dots\b")


def _elided(text: str, node: n.Node) -> bool:
    """Whether ``node`` holds a sum written with dots (``a_1 + \\ldots + a_n``), read as one big
    operator whose body is the first term written."""
    return any(isinstance(x, n.BigOp) and _DOTS.search(text[x.start : x.end]) for x in node.walk())


def _letter_at(text: str, sym: n.Sym) -> int | None:
    """Where the letter of ``sym`` is written: at its start, or inside the braces of its style
    (``\\vect{w}``, ``\\mathbf{w}``, and a macro that expands to one)."""
    if text[sym.start : sym.start + len(sym.base)] == sym.base:
        return sym.start
    if not sym.style:
        return None
    inside = re.fullmatch(r"\\[A-Za-z]+\s*\{\s*(" + re.escape(sym.base) + r")\s*\}\s*", text[sym.start : sym.end])
    return sym.start + inside.start(1) if inside else None


def changed_dots(ctx: Context) -> Iterator[Candidate]:
    """LM105 in time: a velocity written for an acceleration or the other way (``\\dot x`` for
    ``\\ddot x``), in a step that differentiates by t (see lower.time_variable)."""
    if ctx.parsed.letters.time is None:
        return
    rhs, text = ctx.rhs, ctx.rhs_text
    swaps = {"\\ddot": "\\dot", "\\dot": "\\ddot"}
    for node in rhs.walk():
        if not (isinstance(node, n.Sym) and n.undotted(node)[1]):
            continue
        written = text[node.start : node.end]
        old = next((c for c in swaps if written.startswith(c) and not written[len(c):][:1].isalpha()), None)
        if old is None:
            continue
        plain, order = n.undotted(node)
        new = replace(node, style="+".join(p for p in (("dot" if order == 2 else "ddot"), plain.style) if p))
        shown = swaps[old] + written[len(old):]
        yield Candidate("changed_variable", replace_node(rhs, node, new), node.start, node.end,
                        _edit(text, node.start, node.end, shown),
                        f"`{written}` should be `{shown}`{_within(written, _around(rhs, node, text))}")


def changed_variables(ctx: Context) -> Iterator[Candidate]:
    """LM105: one letter written for another (``x_i`` for ``x_j``, ``a`` for ``b``).

    Only names that occur in the step are tried, each in its own role (a subscript for a subscript,
    a variable for a variable), most suspicious first: a name this line uses more often than the line
    before, replaced by one it uses less often."""
    rhs, text = ctx.rhs, ctx.rhs_text
    occurrences: list[tuple[str, n.Sym, str]] = []  # (role, node, name)
    counts = {"rhs": {}, "lhs": {}}
    pools: dict[str, list[str]] = {"index": [], "var": [], "base": []}
    for side, tree in (("lhs", ctx.lhs), ("rhs", rhs)):
        index_ids = n.non_quantities(tree)
        for node in tree.walk():
            if isinstance(node, n.BigOp):
                for var in (node.var, *node.extra_vars):
                    _remember(pools["index"], var)
            if not isinstance(node, n.Sym):
                continue
            if _is_plain(node):
                role = "index" if id(node) in index_ids else "var"
                key = node.base
            elif node.indices and not node.labels and node.sup_letter is None and id(node) not in index_ids:
                role, key = "base", (node.style, node.base, len(node.indices))
            else:
                continue
            counts[side][(role, key)] = counts[side].get((role, key), 0) + 1
            _remember(pools[role], key)
            if side == "rhs":
                occurrences.append((role, node, key))
    # most suspicious first; among equals, the rename that makes this line's sequence of names most
    # like the line before's (``2|x|^2 + 2|x|^2`` from ``|x|^2 ... |y|^2``: the second x was the y)
    occurrences.sort(key=lambda o: o[1].start)
    sequences = {role: [name for r, _, name in occurrences if r == role][:LCS_LIMIT] for role in pools}
    before = {role: [] for role in pools}
    lhs_index = n.non_quantities(ctx.lhs)
    for node in sorted(ctx.lhs.walk(), key=lambda x: x.start):
        if isinstance(node, n.Sym) and _is_plain(node):
            before["index" if id(node) in lhs_index else "var"].append(node.base)
    ranked = []
    positions = {role: 0 for role in pools}
    adds = [a for a in _adds_by_depth(rhs) if len(a.terms) > 1]
    if len({len(a.terms) for a in adds}) == len(adds):
        adds = []  # no two sums of a length: no parallel sums to look at
    lhs_text = _squash(ctx.lhs_text)
    divisions = [(x, {id(y) for y in x.walk()}) for x in rhs.walk() if isinstance(x, n.Div)]
    for order, (role, node, name) in enumerate(occurrences):
        position = positions[role]
        positions[role] += 1
        excess = counts["rhs"].get((role, name), 0) - counts["lhs"].get((role, name), 0)
        for other in pools[role]:
            if other == name or role == "base" and other[0] != name[0]:
                continue
            deficit = counts["lhs"].get((role, other), 0) - counts["rhs"].get((role, other), 0)
            likeness = firsts = 0
            if role != "base" and position < LCS_LIMIT:
                renamed = list(sequences[role])
                renamed[position] = other
                likeness = _lcs(renamed, before[role][:LCS_LIMIT])
                # then the order in which the names first appear: ``|x|^2 ... |y|^2`` writes x first
                firsts = _lcs(_first_appearances(renamed), _first_appearances(before[role][:LCS_LIMIT]))
            if role == "base":
                start, end, written = node.start, node.start + len(name[1]), other[1]
            else:
                start, end, written = node.start, node.end, other
            echo = _echo(text, start, end, written, lhs_text) if lhs_text else 0
            parallel = _parallel_gain(ctx, adds, node, other) if role == "var" and adds else 0
            # a rename that leaves a fraction of a thing over itself writes what no author writes (a
            # ratio that is 1): it goes after the renames as suspicious as it that do not
            over_itself = role != "base" and _writes_ratio_of_equals(divisions, node, other)
            ranked.append((-(max(excess, 0) + max(deficit, 0)), over_itself, -likeness, -parallel, -echo, -firsts,
                           order, role, node, name, other))
    ranked.sort(key=lambda r: r[:7])
    for *_, role, node, name, other in ranked:
        if role == "base":
            new = replace(node, base=other[1])
            start, end = node.start, node.start + len(name[1])
            if text[start:end] != name[1]:
                continue
            shown_old, shown_new = name[1], other[1]
        else:
            new = replace(node, base=other)
            start, end = node.start, node.end
            shown_old, shown_new = name, other
        yield Candidate("changed_variable", replace_node(rhs, node, new), node.start, node.end,
                        _edit(text, start, end, shown_new),
                        f"`{shown_old}` should be `{shown_new}`{_within(shown_old, _around(rhs, node, text))}")


def _writes_ratio_of_equals(divisions: list[tuple[n.Div, set[int]]], node: n.Sym, other: str) -> bool:
    """Whether renaming ``node`` to ``other`` makes a fraction around it one whose numerator and
    denominator say the same (``\\frac{q(X)}{q(X)}``); ``divisions`` are the line's fractions with
    the ids of their nodes."""
    renamed = replace(node, base=other)
    for div, inside in divisions:
        if id(node) not in inside:
            continue
        new = replace_node(div, node, renamed)
        if isinstance(new, n.Div) and n.structure(new.num) == n.structure(new.den):
            return True
    return False


def _first_appearances(names: list) -> list:
    """The names in the order they first appear."""
    return list(dict.fromkeys(names))


def _parallel_gain(ctx: Context, adds: list[n.Add], node: n.Sym, other: str) -> int:
    """How much closer renaming ``node`` to ``other`` brings the letters of its term to those of the
    same term of each parallel sum of the line (one with as many terms, the term with as many
    letters): ``cc + dy`` below ``ax + by`` lost its x at the second place, ``(|x|^2 + ... + |x|^2)``
    beside ``(|x|^2 + ... + |y|^2)`` its y at the end. Letter by letter, in the order written; it only
    orders renames that tie on the counts and on the line before."""
    up, child = ctx.parent_of(node), node
    while up is not None and not (isinstance(up, n.Add) and isinstance(child, n.Term)):
        up, child = ctx.parent_of(up), up
    if up is None:
        return 0
    k = up.terms.index(child)
    peers = [a for a in adds if a is not up and len(a.terms) == len(up.terms)]
    mine = _letter_row(child.node)
    before = [x.base for x in mine]
    after = [other if x is node else x.base for x in mine]
    gain = 0
    for peer in peers[:MAX_PEERS]:
        theirs = [x.base for x in _letter_row(peer.terms[k].node)]
        if len(theirs) != len(mine):
            continue  # a term of another shape is no counterpart
        gain += sum(a == b for a, b in zip(after, theirs)) - sum(a == b for a, b in zip(before, theirs))
    return gain


MAX_PEERS = 4


def _letter_row(node: n.Node) -> list[n.Sym]:
    """The plain letters of a term (not its indices), in the order written."""
    index_ids = n.non_quantities(node)
    return sorted((x for x in node.walk() if isinstance(x, n.Sym) and _is_plain(x) and id(x) not in index_ids),
                  key=lambda x: x.start)


LCS_LIMIT = 40
ECHO_REACH = 12  # characters on each side of an edit that _echo looks at


def _echo(text: str, start: int, end: int, written: str, before: str) -> int:
    """How many characters around an edit of ``text`` the edited text shares with the line before
    (``before``, blanks removed), counted outside the edit itself: ``2+dx`` echoes ``(1+dx)^2`` in
    ``+dx``, ``2+xd`` does not. It tells apart renames that repair the step equally well."""
    left, mid = _squash(text[:start])[-ECHO_REACH:], _squash(written)
    right = _squash(text[end:])[:ECHO_REACH]
    edited, p, q = left + mid + right, len(left), len(left) + len(mid)
    best = 0
    for a in range(p, -1, -1):
        if edited[a:q] not in before:
            break
        b = q
        while b < len(edited) and edited[a : b + 1] in before:
            b += 1
        best = max(best, (p - a) + (b - q))
    return best


def _lcs(a: list, b: list) -> int:
    """Length of the longest common subsequence."""
    if not a or not b:
        return 0
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1]


def _remember(pool: list, key) -> None:
    if key not in pool:
        pool.append(key)


def _within(name: str, around: str) -> str:
    """Where the changed name stands, for the message: nothing when that is the name alone ("`y` should
    be `x` in `y`" says it twice)."""
    around = _compact(around)
    return "" if around == _compact(name) else f" in `{around}`"


def _around(tree: n.Node, node: n.Node, text: str) -> str:
    """The smallest symbol containing ``node`` (``w_{k}`` for its index ``k``), for messages."""
    best = node
    for other in tree.walk():
        if isinstance(other, n.Sym) and other.start <= node.start and node.end <= other.end \
                and (other.end - other.start) > (best.end - best.start):
            best = other
    return text[best.start : best.end]
