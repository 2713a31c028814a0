"""Information theory written out: the Kullback-Leibler divergence and the entropies, as the sums (or
integrals) that define them, so that the rest of the checker reads a step about them as one about
distributions (see probability.py).

``D_{KL}(p \\| q)``, ``D_{\\mathrm{KL}}(p \\parallel q)``, ``\\mathrm{KL}(p\\|q)``, ``KL[q, p]`` and ``D(p\\|q)`` are
``\\sum_x p(x) \\log\\frac{p(x)}{q(x)}`` (the integral where the step integrates), over the variable the
step sums or integrates the distributions over. The divergence has one meaning wherever it is written,
so this reading decides a step both ways. ``H(p)``, ``H(X)`` and the cross-entropy ``H(p, q)`` are
written out only where the step applies the same distributions to a summed variable, and only to
verify: an H may be a Hamiltonian or the entropy of physics, which the sums say nothing about.

The rewriting works on the text, as the readings of check.py that look at the spelling do; a name
argument (``p``) takes the variable from the step, an applied one (``q(z \\mid x)``) brings its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from lintmath.model import Macro
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure, Token, expand_macros, tokenize

# (a letter may stand before \\mathrm{KL}, the end of a command: 2\\cdot\\mathrm{KL}; never before a plain KL)
_KL_WORD = r"(?:\\(?:mathrm|text|textrm|operatorname|mathsf|mathbb)\s*\{\s*K\s*L\s*\}|\{\s*\\rm\s+K\s*L\s*\}|(?<![\\A-Za-z])KL)"
_OPENER = r"\s*(?:\\left|\\bigl?|\\Bigl?|\\biggl?)?\s*(?P<open>[(\[])"
# the divergence by name: D_{KL}, D_\mathrm{KL}, \mathrm{KL}, KL (a comma may separate its arguments)
_NAMED = re.compile(rf"(?:(?<![\\A-Za-z])D\s*_\s*(?:\{{\s*{_KL_WORD}\s*\}}|{_KL_WORD})|{_KL_WORD}){_OPENER}")
# the Jensen-Shannon divergence by name: \mathrm{JSD}, \mathrm{JS}, D_{JS}, JSD (half the divergences of p and q
# from their even mixture; never the JS distance, its square root, which notes write d_{JS} or \sqrt{..})
_JS_WORD = r"(?:\\(?:mathrm|text|textrm|operatorname|mathsf)\s*\{\s*J\s*S\s*D?\s*\}|(?<![\\A-Za-z])JSD?)"
_JENSEN_SHANNON = re.compile(rf"(?:(?<![\\A-Za-z])D\s*_\s*(?:\{{\s*{_JS_WORD}\s*\}}|{_JS_WORD})|{_JS_WORD}){_OPENER}")
# the relative entropy D(p \| q) of Cover and Thomas: a plain D, read so only with a double bar inside
_PLAIN_D = re.compile(rf"(?<![\\A-Za-z{{])D(?!\s*_){_OPENER}")
# the entropy H(p), \mathrm{H}(X), H(p, q)
_ENTROPY = re.compile(rf"(?<![\\A-Za-z{{])(?:H|\\(?:mathrm|operatorname|mathbb)\s*\{{\s*H\s*\}})(?!\s*_){_OPENER}")
_DOUBLE_BARS = {"\\|", "\\parallel", "\\Vert", "\\lVert", "\\rVert"}
# the size of the closing bracket, \big), or of a bar in the middle, \big\|: no part of the argument before it
_SIZES = {"\\big", "\\bigr", "\\bigm", "\\Big", "\\Bigr", "\\Bigm", "\\bigg", "\\biggr", "\\biggm", "\\Bigg",
          "\\Biggr", "\\Biggm"}
_SPACES = {"\\,", "\\;", "\\:", "\\!", "\\ ", "\\quad", "\\middle"}
_LOG = re.compile(r"\\(?:log|ln|lg)(?![A-Za-z])(?:\s*_\s*(\{[^{}]*\}|[0-9A-Za-z]))?")
_SUM = re.compile(r"\\sum(?![A-Za-z])\s*(?:_\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z]+))?(\s*\^)?")
_INT = re.compile(r"\\int(?![A-Za-z])\s*(?:\\limits\s*)?(?:_\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z]+|-?\d))?(\s*\^)?")
_FRESH = ("x", "z", "y", "u", "v", "w", "t")

ENTROPY_GUESS = "H read as the entropy -\\sum_x p(x)\\log p(x) (verify-only: H may be a Hamiltonian)"


@dataclass(frozen=True)
class _Call:
    start: int  # of the head, in the text
    end: int  # after the closing bracket
    args: tuple[str, ...]  # the arguments as written
    comma: bool  # separated by a comma rather than a double bar


def _calls(text: str, pattern: re.Pattern, commas: bool) -> list[_Call]:
    """The applications of a head matched by ``pattern``, with their arguments split at a double bar
    (``\\|``, ``\\parallel``, ``||``) or, where ``commas``, a comma at the top level of the bracket."""
    out = []
    for match in pattern.finditer(text):
        at = match.start("open")
        opener = text[at]
        closer = ")" if opener == "(" else "]"
        try:
            tokens = tokenize(text[at:])
        except ParseFailure:
            continue
        depth, close, cuts, bar = 0, None, [], False
        for k, t in enumerate(tokens):
            if t.text in ("(", "[", "{", "\\{"):
                depth += 1
            elif t.text in (")", "]", "}", "\\}"):
                depth -= 1
                if depth == 0:
                    close = k
                    break
            elif depth == 1 and (t.text in _DOUBLE_BARS or t.text == "|" and k + 1 < len(tokens)
                                 and tokens[k + 1].text == "|" and tokens[k + 1].start == t.end):
                cuts.append((k, k + (2 if t.text == "|" else 1)))
                bar = True
            elif depth == 1 and t.text == "," and commas:
                cuts.append((k, k + 1))
        if close is None or tokens[close].text != closer or len(cuts) > 1:
            continue
        pieces, begin = [], 1
        for a, b in cuts:
            pieces.append(_span(text, at, tokens, begin, a))
            begin = b
        pieces.append(_span(text, at, tokens, begin, close))
        out.append(_Call(match.start(), at + tokens[close].end, tuple(pieces), not bar and bool(cuts)))
    return out


def _span(text: str, at: int, tokens: list[Token], begin: int, end: int) -> str:
    """The text of tokens[begin:end], without the spaces, ``\\right`` and ``\\middle`` at its edges."""
    kept = [t for t in tokens[begin:end]]
    while kept and (kept[-1].text in _SPACES or kept[-1].text in ("\\right", "\\middle") or kept[-1].text in _SIZES):
        kept.pop()
    while kept and kept[0].text in _SPACES:
        kept.pop(0)
    if not kept:
        return ""
    if _braced_whole(kept):
        kept = kept[1:-1]  # a macro's argument written out keeps its braces: \KL{p}{q} as D({p} \| {q})
        if not kept:
            return ""
    return text[at + kept[0].start:at + kept[-1].end]


def _braced_whole(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are one group in braces, the first brace closed by the last."""
    if len(tokens) < 2 or tokens[0].text != "{" or tokens[-1].text != "}":
        return False
    depth = 0
    for k, t in enumerate(tokens):
        depth += (t.text == "{") - (t.text == "}")
        if depth == 0:
            return k == len(tokens) - 1
    return False


@dataclass(frozen=True)
class _Density:
    """A distribution as an argument is written: a name (``p``, ``q_\\phi``) or an application to one
    variable (``q(z)``, ``q(z \\mid x)``)."""

    text: str
    key: str  # the name's key, to find it applied elsewhere
    variable: str  # the variable it is applied to, "" for a name

    def at(self, variable: str) -> str:
        return self.text if self.variable else f"{self.text}({variable})"


def _density(text: str, macros: Mapping[str, Macro]) -> _Density | None:
    try:
        node = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return None
    while isinstance(node, n.Paren):
        node = node.inner
    if isinstance(node, n.Sym) and not node.primes and not node.labels and node.sup_letter is None:
        return _Density(text, node.key, "")
    if isinstance(node, n.Apply) and isinstance(node.func, n.Sym) and not node.primes and node.params < 0:
        # one variable before a conditioning bar, none after it but letters: q(z | x), never N(mu, s^2)
        before = len(node.args) if node.given < 0 else node.given
        arg = node.args[0] if node.args else None
        if before == 1 and isinstance(arg, n.Sym) and not arg.indices and not arg.style \
                and all(isinstance(x, n.Sym) for x in node.args[1:]):
            return _Density(text, node.func.key, arg.base)
    return None


@dataclass(frozen=True)
class _Mixture:
    """A mixture of distributions as an argument is written: a combination with number weights of names
    (``\\frac{p + q}{2}``, ``\\frac{1}{2}(p_{data} + p_g)``) or of applications to one variable
    (``\\frac{p(x) + q(x)}{2}``), the even mixture of the Jensen-Shannon divergence."""

    text: str
    keys: frozenset[str]
    variable: str  # the variable its distributions are applied to, "" for names
    names: tuple[tuple[int, int], ...]  # the spans of the names to apply to the variable

    def at(self, variable: str) -> str:
        text = self.text
        for a, b in sorted(self.names, reverse=True):
            text = f"{text[:a]}{text[a:b]}({variable}){text[b:]}"
        return f"\\left({text}\\right)"


_WEIGHTS = (n.Num, n.Add, n.Term, n.Mul, n.Div, n.Paren)


def _number(node: n.Node) -> bool:
    return all(not isinstance(x, (n.Sym, n.Apply)) for x in node.walk())


def _mixture(text: str, macros: Mapping[str, Macro]) -> _Mixture | None:
    """The mixture ``text`` writes, or None: its letters must all be distributions, at least two of them,
    each a name or applied to one and the same plain variable, and the weights numbers (a letter weight,
    \\lambda p, would read as a distribution \\lambda)."""
    try:
        node = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return None
    if node.end - node.start != len(text.strip()) or text[node.start:node.end] != text.strip():
        return None  # the offsets must be those of the text as written (no macro expanded)
    keys: set[str] = set()
    written: set[str] = set()  # the distributions as written: p_{data} and p_g share a key
    variables: set[str] = set()
    names: list[tuple[int, int]] = []
    inside: set[int] = set()  # the nodes of the applications already taken
    for x in node.walk():
        if id(x) in inside:
            continue
        if isinstance(x, n.Apply):
            density = _density(text[x.start:x.end], macros)
            if density is None or not density.variable:
                return None
            keys.add(density.key)
            written.add(re.sub(r"\s+", "", text[x.func.start:x.func.end]))
            variables.add(density.variable)
            inside.update(id(y) for y in x.walk())
        elif isinstance(x, n.Sym):
            if x.primes or x.labels or x.sup_letter is not None or x.style:
                return None
            keys.add(x.key)
            written.add(re.sub(r"\s+", "", text[x.start:x.end]))
            names.append((x.start, x.end))
            inside.update(id(y) for y in x.walk())  # a name's subscript (p_{data}, p_g) is part of it
        elif not isinstance(x, _WEIGHTS):
            return None
        elif isinstance(x, n.Mul) and sum(1 for f in x.factors if not _number(f)) > 1 \
                or isinstance(x, n.Div) and not _number(x.den):
            return None  # \lambda p, p q, p / Z: a letter as a weight, or a product of distributions
    if len(written) < 2 or len(variables) > 1 or (names and variables):
        return None
    return _Mixture(text, frozenset(keys), variables.pop() if variables else "", tuple(names))


@dataclass(frozen=True)
class _Binder:
    """How the step runs over a distribution's variable: ``\\sum_{x}``, ``\\sum_{x \\in \\mathcal{X}}`` or an
    integral, as written."""

    opening: str
    closing: str


def _bound_variables(text: str, macros: Mapping[str, Macro], keys: set[str]) -> set[str]:
    """The variables of sums and integrals in ``text`` to which a distribution of ``keys`` is applied alone."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return set()
    bound = {x.var for x in tree.walk() if isinstance(x, n.BigOp) and x.kind == "sum"}
    bound |= {x.var.base for x in tree.walk() if isinstance(x, n.Integral) and not x.var.indices}
    return {x.args[0].base for x in tree.walk() if isinstance(x, n.Apply) and x.func.key in keys and x.args
            and isinstance(x.args[0], n.Sym) and not x.args[0].indices and x.args[0].base in bound}


def _binder(texts: tuple[str, ...], variable: str) -> _Binder | None:
    """The sum or integral the step writes over ``variable`` (its range as written), a sum or an integral
    without bounds when it writes none (an integral where the step integrates anything); None when it
    writes them with bounds, which a distribution's own range need not be."""
    joined = " ".join(texts)
    found = []
    for match in _SUM.finditer(joined):
        sub = (match.group(1) or "").strip()
        sub = sub[1:-1].strip() if sub.startswith("{") else sub
        if re.match(rf"{re.escape(variable)}(?![A-Za-z])", sub):
            if match.group(2) or "=" in sub:
                return None
            found.append(_Binder(f"\\sum_{{{sub}}}", ""))
    if found:
        return found[0] if len(set(found)) == 1 else None
    if "\\int" in joined:
        integrals = list(_INT.finditer(joined))
        if any(m.group(2) for m in integrals):
            return None
        regions = {m.group(1) or "" for m in integrals}
        if len(regions) != 1:
            return None
        region = regions.pop()
        return _Binder(f"\\int_{{{region}}} " if region else "\\int ", f"\\,d{variable}")
    return _Binder(f"\\sum_{{{variable}}}", "")


def _log(texts: tuple[str, ...]) -> str:
    """The logarithm to write: one with the base the step writes everywhere (``\\log_2``), else \\log,
    whose base the checker already treats as a convention (see comparator.LOG_READINGS)."""
    bases = {m.group(1) for text in texts for m in _LOG.finditer(text)}
    if len(bases) == 1:
        base = bases.pop()
        if base:
            return f"\\log_{base}"
    return "\\log"


def _fresh(text: str) -> str:
    for letter in _FRESH:
        if not re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", text):
            return letter
    return ""


def _variable(densities: list[_Density | _Mixture], own: str, other: str, macros: Mapping[str, Macro]) -> str:
    """The one variable the densities run over: their own, or the one the step sums them over."""
    owned = {d.variable for d in densities if d.variable}
    if len(owned) > 1:
        return ""
    if owned:
        return owned.pop()
    keys = {k for d in densities for k in (d.keys if isinstance(d, _Mixture) else (d.key,))}
    found = _bound_variables(other, macros, keys) or _bound_variables(own, macros, keys) \
        or _expected_variables(other, macros, keys) or _expected_variables(own, macros, keys)
    if len(found) > 1:
        return ""
    return found.pop() if found else _fresh(own + " " + other)


def _expected_variables(text: str, macros: Mapping[str, Macro], keys: set[str]) -> set[str]:
    """The variables that expectations of ``text`` under a distribution of ``keys`` run over
    (``\\mathbb{E}_{x \\sim p}``, ``E_{q(z \\mid x)}``): expectations_written writes them as sums over
    that variable, over which a divergence beside them must run too (p(x) and p(z) would read as two
    marginals of one joint p)."""
    found = set()
    for match in _EXPECTATION.finditer(text):
        sub = match.group("sub").strip()
        sub = sub[1:-1].strip() if sub.startswith("{") else sub
        named, sim, law = (part.strip() for part in sub.partition("\\sim"))
        density = _density(law if sim else sub, macros)
        if density is None or density.key not in keys:
            continue
        if sim and re.fullmatch(r"[a-z]", named) and density.variable in ("", named):
            found.add(named)
        elif not sim and re.fullmatch(r"[a-z]", density.variable):
            found.add(density.variable)
    # (an expectation over a capital, E_{X ~ p}, is written as a sum over a letter of its own choosing)
    return found


def divergences_written(lhs: str, rhs: str, macros: Mapping[str, Macro] | None = None) -> tuple[str, str]:
    """The sides with each KL divergence written out as its sum or integral; unchanged where none is
    written, or where its arguments or variable cannot be read (then the step stays unread)."""
    macros = macros or {}
    if "L" not in lhs + rhs and "D" not in lhs + rhs and "JS" not in lhs + rhs:  # most steps: no KL, D, JS
        return lhs, rhs
    def calls(side: str) -> list[_Call]:
        return [c for c in _calls(side, _NAMED, commas=True) if len(c.args) == 2] \
            + [c for c in _calls(side, _PLAIN_D, commas=False) if len(c.args) == 2 and not c.comma]
    lhs, rhs = _written_out(lhs, rhs, lambda side: [c for c in _calls(side, _JENSEN_SHANNON, commas=True)
                                                    if len(c.args) == 2],
                            lambda call, own, other: _jensen_shannon(call, own, other, macros))
    return _written_out(lhs, rhs, calls, lambda call, own, other: _divergence(call, own, other, macros))


def _written_out(lhs: str, rhs: str, calls_of: Callable[[str], list[_Call]],
                 write: Callable[[_Call, str, str], str]) -> tuple[str, str]:
    """The sides with each call ``calls_of`` finds in a side replaced by what ``write`` makes of it (the
    call, its side, the other side), where it makes anything; the right side sees the left rewritten."""
    sides = [lhs, rhs]
    for k in (0, 1):
        own, other = sides[k], sides[1 - k]
        for call in sorted(calls_of(own), key=lambda c: -c.start):
            written = write(call, own, other)
            if written:
                own = own[:call.start] + written + own[call.end:]
        sides[k] = own
    return sides[0], sides[1]


def _scalar(node: n.Node) -> bool:
    """Whether ``node`` is written with plain lower-case letters and numbers only: no capital (a matrix
    \\Sigma, the identity I), no bold or arrowed letter (a vector), no transpose."""
    for x in node.walk():
        if isinstance(x, n.Sym):
            name = x.base.lstrip("\\")
            if x.style or x.primes or not name or name[0].isupper() or x.sup_letter is not None:
                return False
        elif not isinstance(x, (n.Num, n.Const, n.Pow, n.Mul, n.Add, n.Term, n.Div, n.Paren, n.Sqrt, n.Func, n.Apply)):
            return False
    return True


def _normal(text: str, macros: Mapping[str, Macro]) -> tuple[str, str] | None:
    """The mean and the variance of a univariate normal written ``\\mathcal{N}(\\mu, \\sigma^2)``, as written;
    None for anything else. The variance must be visibly one, a square or 1 (``\\mathcal{N}(0, 1)``), as some
    notes write the standard deviation second (``\\mathcal{N}(\\mu, \\sigma)``), and both parameters scalars
    (``\\mathcal{N}(\\mu, \\Sigma)``, ``\\mathcal{N}(\\mathbf{0}, I)`` have another closed form)."""
    try:
        node = parse_math(text, macros)
        tokens = tokenize(text)
    except (ParseFailure, RecursionError):
        return None
    if not (isinstance(node, n.Apply) and isinstance(node.func, n.Sym) and node.func.base == "N"
            and node.func.style == "cal" and len(node.args) == 2 and node.given < 0 and node.params < 0):
        return None
    mean, variance = node.args
    square = isinstance(variance, n.Pow) and isinstance(variance.exp, n.Num) and variance.exp.value == "2"
    if not (square or isinstance(variance, n.Num) and variance.value == "1") \
            or not _scalar(mean) or not _scalar(variance):
        return None
    # the two parameters as written, split at the comma of the outer bracket
    depth, cut, opened = 0, [], -1
    for k, t in enumerate(tokens):
        if t.text in ("(", "[", "{", "\\{"):
            depth += 1
            if depth == 1 and t.text == "(" and opened < 0:
                opened = k
        elif t.text in (")", "]", "}", "\\}"):
            depth -= 1
            if depth == 0 and opened >= 0:
                cut.append(k)
                break
        elif depth == 1 and t.text == "," and opened >= 0:
            cut.append(k)
    if opened < 0 or len(cut) != 2:
        return None
    return (text[tokens[opened].end:tokens[cut[0]].start].strip(),
            text[tokens[cut[0]].end:tokens[cut[1]].start].strip())


def _normals(call: _Call, macros: Mapping[str, Macro]) -> str:
    """The closed form of the divergence between two univariate normals, the one every VAE course
    derives: \\log(\\sigma_2/\\sigma_1) + (\\sigma_1^2 + (\\mu_1 - \\mu_2)^2)/(2\\sigma_2^2) - 1/2."""
    first, second = (_normal(a, macros) for a in call.args)
    if first is None or second is None:
        return ""
    (m1, v1), (m2, v2) = first, second
    return (f"\\left(\\frac{{1}}{{2}}\\log\\frac{{{v2}}}{{{v1}}} + \\frac{{({v1}) + (({m1}) - ({m2}))^2}}{{2({v2})}}"
            f" - \\frac{{1}}{{2}}\\right)")


# a Bernoulli law by name: \mathrm{Ber}(p), \text{Bern}(p), \operatorname{Bernoulli}(p)
_BERNOULLI = re.compile(r"\\(?:mathrm|text|textrm|operatorname|mathsf)\s*\{\s*Ber(?:n|noulli)?\s*\}\s*(?:\\left\s*)?\("
                        r"(?P<p>[^()]*(?:\([^()]*\)[^()]*)*)(?:\\right\s*)?\)")


def _bernoulli(text: str, macros: Mapping[str, Macro]) -> str | None:
    """The parameter of a Bernoulli law written ``\\mathrm{Ber}(p)`` (a scalar, as written); None otherwise."""
    match = _BERNOULLI.fullmatch(text.strip())
    if match is None:
        return None
    text = re.sub(r"\\right\s*$", "", match.group("p").strip()).strip()
    try:
        parameter = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return None
    return text if _scalar(parameter) else None


def _bernoullis(call: _Call, macros: Mapping[str, Macro]) -> str:
    """The closed form of the divergence between two Bernoulli laws, the sum over the two outcomes:
    p\\log(p/q) + (1 - p)\\log((1 - p)/(1 - q))."""
    first, second = (_bernoulli(a, macros) for a in call.args)
    if first is None or second is None:
        return ""
    p, q = f"({first})", f"({second})"
    return f"\\left({p}\\log\\frac{{{p}}}{{{q}}} + (1 - {p})\\log\\frac{{1 - {p}}}{{1 - {q}}}\\right)"


# what writes a distribution's terms out: a sum, an integral or an expectation
_TERMS_WRITTEN = re.compile(r"\\(?:sum|int|iint|oint|mathbb\s*\{?\s*E|operatorname\s*\{?\s*E)(?![A-Za-z])|(?<![\\A-Za-z])E\s*[_\[(]")


def _binary_parameters(call: _Call, other: str, macros: Mapping[str, Macro]) -> tuple[str, str] | None:
    """The arguments of ``call`` as the parameters of two Bernoulli laws, where each is a name (or a
    mixture of names with number weights) and the other side writes one of those one-letter names as a
    number, with no sum, integral or expectation (KL(p \\| q) = p\\log\\frac{p}{q} + (1 - p)\\log\\frac{1 - p}{1 - q},
    the binary divergence of bandit and Chernoff bounds); None otherwise."""
    letters: set[str] = set()
    for arg in call.args:
        law = _density(arg, macros) or _mixture(arg, macros)
        if law is None or law.variable:
            return None
        letters.update(re.findall(r"(?<![\\A-Za-z_^])[A-Za-z](?![A-Za-z_])", arg))
    # (the arguments of the other side's own divergences are names, not numbers)
    for named in sorted(_calls(other, _NAMED, commas=True) + _calls(other, _JENSEN_SHANNON, commas=True)
                        + _calls(other, _PLAIN_D, commas=False), key=lambda c: -c.start):
        other = other[:named.start] + " " + other[named.end:]
    try:
        tokens = expand_macros(tokenize(other), dict(macros)) if macros else tokenize(other)
    except (ParseFailure, RecursionError):
        return None
    if _TERMS_WRITTEN.search(" ".join(t.text for t in tokens)) or not _as_numbers(tokens, letters):
        return None
    first, second = call.args
    return f"\\left({first}\\right)", f"\\left({second}\\right)"


def _as_numbers(tokens: list[Token], letters: set[str]) -> bool:
    """Whether ``tokens`` write one of ``letters`` as a number: alone, not applied to a bracket, not a
    script, and inside no bracket of a call (H(p, q)) or a script (E_{p})."""
    inside: list[bool] = []  # for each open bracket, whether it is a call's or a script's
    for k, token in enumerate(tokens):
        before = tokens[k - 1].text if k else ""
        if token.text == "\\left" or token.text.startswith("\\right"):
            continue
        applied = before == "\\left" and k > 1 and tokens[k - 2].kind == "letter"
        if token.text in ("(", "[", "{"):
            inside.append(before in ("_", "^") or k > 0 and tokens[k - 1].kind == "letter" or applied)
        elif token.text in (")", "]", "}"):
            if inside:
                inside.pop()
        elif token.kind == "letter" and token.text in letters and before not in ("_", "^") and not any(inside):
            after = tokens[k + 1].text if k + 1 < len(tokens) else ""
            if after not in ("(", "_", "'", "\\left"):
                return True
    return False


def _binary(p: str, q: str) -> str:
    """The divergence between Bernoulli laws of parameters p and q, the sum over the two outcomes."""
    return f"\\left({p}\\log\\frac{{{p}}}{{{q}}} + (1 - {p})\\log\\frac{{1 - {p}}}{{1 - {q}}}\\right)"


def _divergence(call: _Call, own: str, other: str, macros: Mapping[str, Macro]) -> str:
    bernoullis = _bernoullis(call, macros)  # (\mathrm{Ber}(p) would pass for a law Ber applied to p)
    if bernoullis:
        return bernoullis
    parameters = _binary_parameters(call, other, macros)
    if parameters is not None:
        return _binary(*parameters)
    first, second = (_density(a, macros) or _mixture(a, macros) for a in call.args)
    if first is None or second is None:
        return _normals(call, macros)
    written = _written_over_variable(first, second, own, other, macros)
    if written is None:
        return ""
    binder, p, q, log = written
    return f"\\left({binder.opening} {p} {log}\\frac{{{p}}}{{{q}}}{binder.closing}\\right)"


def _written_over_variable(first, second, own: str, other: str, macros: Mapping[str, Macro]) -> tuple | None:
    """(binder, p, q, log) for writing a divergence of two densities out as a sum or integral over the
    step's variable, each density at that variable; None where no variable or binder is found."""
    variable = _variable([first, second], own, other, macros)
    binder = _binder((other, own), variable) if variable else None
    if binder is None:
        return None
    return binder, first.at(variable), second.at(variable), _log((other,))


def _jensen_shannon(call: _Call, own: str, other: str, macros: Mapping[str, Macro]) -> str:
    """JSD(p \\| q) as the half divergences of p and q from m = (p + q)/2, each written out as a sum (or
    integral) over the step's variable, as _divergence writes a KL; between Bernoulli parameters where
    the other side writes them as numbers (see _binary_parameters)."""
    parameters = _binary_parameters(call, other, macros)
    if parameters is not None:
        p, q = parameters
        mixture = f"\\frac{{{p} + {q}}}{{2}}"
        return f"\\left(\\frac{{1}}{{2}}{_binary(p, mixture)} + \\frac{{1}}{{2}}{_binary(q, mixture)}\\right)"
    first, second = (_density(a, macros) for a in call.args)
    if first is None or second is None:
        return ""
    written = _written_over_variable(first, second, own, other, macros)
    if written is None:
        return ""
    binder, p, q, log = written
    mixture = f"\\frac{{{p} + {q}}}{{2}}"
    return (f"\\left(\\frac{{1}}{{2}}{binder.opening} {p} {log}\\frac{{{p}}}{{{mixture}}}{binder.closing}"
            f" + \\frac{{1}}{{2}}{binder.opening} {q} {log}\\frac{{{q}}}{{{mixture}}}{binder.closing}\\right)")


def entropies_written(lhs: str, rhs: str, macros: Mapping[str, Macro] | None = None) -> tuple[str, str]:
    """The sides with each ``H(p)``, ``H(X)``, ``H(p, q)`` written out as the entropy or cross-entropy,
    where the step applies those distributions to a variable it sums or integrates over (``H(X)``: the
    one distribution of x); unchanged elsewhere. For a verify-only reading (see the module's doc)."""
    macros = macros or {}
    if "H" not in lhs + rhs:
        return lhs, rhs
    return _written_out(lhs, rhs, lambda side: _calls(side, _ENTROPY, commas=True),
                        lambda call, own, other: _entropy(call, own, other, macros))


def _entropy(call: _Call, own: str, other: str, macros: Mapping[str, Macro]) -> str:
    if len(call.args) > 2 or (len(call.args) == 2 and not call.comma):
        return ""
    densities = [_density(a, macros) for a in call.args]
    if any(d is None or d.variable for d in densities):
        return ""
    if len(densities) == 1 and re.fullmatch(r"[A-Z]", call.args[0].strip()):
        # H(X): the entropy of the one distribution the step applies to x, summed over x
        variable = call.args[0].strip().lower()
        heads = _heads_over(variable, (own, other), macros)
        if len(heads) != 1:
            return ""
        densities = [_Density(heads.pop(), "", "")]
    else:
        keys = {d.key for d in densities}
        found = _bound_variables(other, macros, keys) | _bound_variables(own, macros, keys)
        if len(found) != 1:
            return ""  # not applied to a summed variable: a Hamiltonian H(p, q), or unknown
        variable = found.pop()
    binder = _binder((other, own), variable)
    if binder is None:
        return ""
    p, q = densities[0].at(variable), densities[-1].at(variable)
    log = _log((other,))
    return f"\\left(-{binder.opening} {p} {log} {q}{binder.closing}\\right)"


def _heads_over(variable: str, texts: tuple[str, ...], macros: Mapping[str, Macro]) -> set[str]:
    """The names applied alone to ``variable`` where a sum or integral runs over it (``p`` of ``p(x)``)."""
    heads: set[str] = set()
    for text in texts:
        try:
            tree = parse_math(text, macros)
        except (ParseFailure, RecursionError):
            continue
        bound = {x.var for x in tree.walk() if isinstance(x, n.BigOp) and x.kind == "sum"}
        bound |= {x.var.base for x in tree.walk() if isinstance(x, n.Integral)}
        if variable not in bound:
            continue
        for x in tree.walk():
            if isinstance(x, n.Apply) and len(x.args) == 1 and x.given < 0 and isinstance(x.args[0], n.Sym) \
                    and x.args[0].base == variable and not x.args[0].indices and not x.func.indices \
                    and not x.func.style and len(x.func.base) == 1:
                heads.add(x.func.base)
    return heads


# an expectation under a distribution the subscript names: E_p[..], \mathbb{E}_{X \sim p}[..], E_{q(z \mid x)}[..]
_EXPECTATION = re.compile(
    r"(?<![\\A-Za-z{])(?:\\(?:mathbb|mathbf|mathrm|operatorname|mathsf)\s*\{\s*E\s*\}|E)"
    r"\s*_\s*(?P<sub>\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|[A-Za-z])" + _OPENER)


def expectations_written(lhs: str, rhs: str, macros: Mapping[str, Macro] | None = None) -> tuple[str, str]:
    """The sides with each expectation under a distribution its subscript names (``E_p[g(X)]``,
    ``\\mathbb{E}_{X \\sim p}[g(X)]``, ``E_{q(z \\mid x)}[g(z)]``) written out as ``\\sum_x p(x) g(x)``, over
    the variable the step sums (or integrates) the distributions over; unchanged where the subscript or
    the variable cannot be read. E_p of a distribution p the step applies to the expectation's variable
    has one meaning, so this reading decides a step both ways (beside the divergences)."""
    macros = macros or {}
    if "E" not in lhs + rhs:
        return lhs, rhs
    return _written_out(lhs, rhs, lambda side: [c for c in _calls(side, _EXPECTATION, commas=False)
                                                if len(c.args) == 1],
                        lambda call, own, other: _expectation(call, own, other, macros))


def _expectation(call: _Call, own: str, other: str, macros: Mapping[str, Macro]) -> str:
    match = _EXPECTATION.match(own, call.start)
    if match is None:
        return ""
    sub = match.group("sub").strip()
    sub = sub[1:-1].strip() if sub.startswith("{") else sub
    body = call.args[0]
    outside = _without_expectations(own) + " + " + _without_expectations(other)
    if "\\sim" in sub:
        # E_{X \sim p}: the variable is named, the distribution a name or applied to it
        named, _, law = (part.strip() for part in sub.partition("\\sim"))
        density = _density(law, macros) if re.fullmatch(r"[A-Za-z]", named) else None
        if density is None or density.variable not in ("", named):
            return ""
        variable = named
    else:
        density = _density(sub, macros)
        if density is None:
            return ""
        # E_p[log p(X)]: the variable the body applies p to (else, E_p[log q(X)], the one capital the body
        # applies its functions to, with p applied elsewhere in the step: a distribution); E_{q(z | x)}[..]:
        # the one q brings
        variable = density.variable or _applied_variable(body, density.key, macros) \
            or (_applied_variable(body, "", macros) if any(_applies(side, density.key, macros)
                                                           for side in (own, other)) else "") \
            or _variable_applied_beside(body, density.key, own, other, macros)
    if not variable or not all(_applications_plain(side, density, macros) for side in (own, other)):
        return ""
    letter = rf"(?<![\\A-Za-z]){re.escape(variable)}(?![A-Za-z])"
    others = {c for c in re.findall(r"(?<![\\A-Za-z])[A-Z](?![A-Za-z])", body) if c != variable}
    free = re.search(letter, outside) and not density.variable \
        and not (_binds(outside, variable, macros) and not re.search(letter, _without_bound_uses(outside, variable))) \
        and _free_in(outside, variable, macros)
    if re.search(letter + r"\s*_", body) or "{" + variable + "}" in body.replace(" ", "") \
            or _conditions(body) or others or free:
        # X_1 is another variable, \mathcal{X} a set, E_p[X | Y] conditional, E_p[g(X) Y] of another random
        # variable the distribution says nothing of; an X outside the expectation (and no sum's
        # variable there) is not bound by it
        return ""
    summed = variable
    if variable.isupper() and not density.variable:
        # the letter the step sums the distribution over (x of \sum_x p(x)), else x if free, else a fresh one
        found = _bound_variables(other, macros, {density.key}) or _bound_variables(own, macros, {density.key})
        lower = variable.lower()
        summed = found.pop() if len(found) == 1 else "" if found else lower if not re.search(
            rf"(?<![\\A-Za-z]){lower}(?![A-Za-z])", own + " " + other) else _fresh(own + " " + other)
        if not summed or re.search(rf"(?<![\\A-Za-z]){summed}(?![A-Za-z])", body):
            return ""
    binder = _binder((other, own), summed)
    if binder is None:
        return ""
    written = re.sub(letter, summed, body) if summed != variable else body
    return f"\\left({binder.opening} {density.at(summed)} \\left({written}\\right){binder.closing}\\right)"


def _without_expectations(text: str) -> str:
    """``text`` without its expectations under a named distribution, each of which binds its own variable
    (each left as (0), so that what remains still reads as math: E_p[x^2] - (\\sum_x p(x) x) is no
    dangling minus sign)."""
    for call in sorted(_calls(text, _EXPECTATION, commas=False), key=lambda c: -c.start):
        text = text[:call.start] + " (0) " + text[call.end:]
    return text


def _variable_applied_beside(body: str, key: str, own: str, other: str, macros: Mapping[str, Macro]) -> str:
    """The letter the step applies the distribution ``key`` to elsewhere (z of q(z)), where the body
    writes it: E_q[a(z)] beside E_q[\\log q(z)] averages a(z) over the same z, so that the expectations
    of one step under one q are all written out alike (one written out beside one left as an E
    decides nothing)."""
    variable = _applied_variable(own, key, macros) or _applied_variable(other, key, macros)
    if not variable or _applied_variable(other if _applied_variable(own, key, macros) else own, key, macros) \
            not in ("", variable):
        return ""
    return variable if re.search(rf"(?<![\\A-Za-z]){re.escape(variable)}(?![A-Za-z])", body) else ""


def _applied_variable(body: str, key: str, macros: Mapping[str, Macro]) -> str:
    """The one plain letter the distribution ``key`` is applied to in ``body`` (X of ``\\log p(X)``); with
    no key, the one capital any name is applied to."""
    try:
        tree = parse_math(body, macros)
    except (ParseFailure, RecursionError):
        return ""
    found = {x.args[0].base for x in tree.walk() if isinstance(x, n.Apply) and isinstance(x.func, n.Sym)
             and (x.func.key == key if key else True) and len(x.args) == 1 and x.given < 0
             and isinstance(x.args[0], n.Sym) and not x.args[0].indices and len(x.args[0].base) == 1}
    if not key:
        found = {x for x in found if x.isupper()}
    return found.pop() if len(found) == 1 else ""


def _conditions(body: str) -> bool:
    """Whether ``body`` conditions at its top level (``X \\mid Y``: a conditional expectation), rather
    than inside an application (``\\log p(x \\mid z)``)."""
    try:
        tokens = tokenize(body)
    except ParseFailure:
        return True
    depth = 0
    for t in tokens:
        if t.text in ("(", "[", "{", "\\{"):
            depth += 1
        elif t.text in (")", "]", "}", "\\}"):
            depth -= 1
        elif depth == 0 and t.text in ("|", "\\mid", "\\vert"):
            return True
    return False


def _without_bound_uses(text: str, variable: str) -> str:
    """``text`` without the uses of ``variable`` a sum over it makes: its subscript, a differential, and
    the arguments of applications (``p(x)``, ``q(x \\mid z)``, ``p(x, z)``); a free x left elsewhere (``+ x``) stays."""
    v = re.escape(variable)
    text = re.sub(rf"_\s*\{{\s*{v}(?![A-Za-z])", "_{", text)
    text = re.sub(rf"_\s*{v}(?![A-Za-z])", "_", text)
    text = re.sub(rf"\bd\s*{v}(?![A-Za-z])", "d", text)
    return re.sub(rf"(?<=[(,])\s*{v}\s*(?=[),|]|\\mid)", "", text)


def _free_in(text: str, variable: str, macros: Mapping[str, Macro]) -> bool:
    """Whether ``text`` writes ``variable`` outside every sum or integral over it: the x of the other
    side's E_{x \\sim p}[2x] written out as \\sum_x p(x)(2x) is that sum's, no x of the step (True where
    the text cannot be read, as the regular expressions before this judge it)."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return True
    bound = {id(y) for x in tree.walk() if isinstance(x, n.BigOp) and variable in (x.var, *x.extra_vars)
             or isinstance(x, n.Integral) and x.var.base == variable for y in x.walk()}
    return any(isinstance(x, n.Sym) and x.base == variable and id(x) not in bound for x in tree.walk())


def _binds(text: str, variable: str, macros: Mapping[str, Macro]) -> bool:
    """Whether a sum or an integral of ``text`` runs over ``variable`` (then its x is that sum's)."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return False
    return any(isinstance(x, n.BigOp) and variable in (x.var, *x.extra_vars)
               or isinstance(x, n.Integral) and x.var.base == variable for x in tree.walk())


def _applies(text: str, key: str, macros: Mapping[str, Macro]) -> bool:
    """Whether ``text`` applies the name ``key`` to anything (p(x): p is a distribution, not a parameter)."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return False
    return any(isinstance(x, n.Apply) and isinstance(x.func, n.Sym) and x.func.key == key for x in tree.walk())


def _applications_plain(text: str, density: _Density, macros: Mapping[str, Macro]) -> bool:
    """Whether the step applies the distribution only as the subscript writes it: p to one plain letter
    (never p(a \\mid s), p(x, y): then the subscript's p may be a conditional or a joint the step
    writes out differently), q(z | x) only so."""
    try:
        tree = parse_math(text, macros)
    except (ParseFailure, RecursionError):
        return False
    for x in tree.walk():
        if not isinstance(x, n.Apply) or not isinstance(x.func, n.Sym) or x.func.key != density.key:
            continue
        if density.variable:
            continue  # q(z | x) as written: another application is another conditional, read as written
        if len(x.args) != 1 or x.given >= 0 or not isinstance(x.args[0], n.Sym) or x.args[0].indices:
            return False
    return True


# the entropies and the mutual information of random variables named by capitals, as Cover and Thomas
# write them: H(X), H(X, Y), H(Y \mid X), I(X; Y), I(X; Y \mid Z)
# (a subscripted X_1 is left out: a sum over x_1 reads as one over a set)
_RV = r"[A-Z](?![A-Za-z_])"
_RVS = rf"{_RV}(?:\s*,\s*{_RV})*"
_GIVEN = rf"(?:\s*(?:\||\\mid|\\middle\s*\|)\s*(?P<given>{_RVS}))?"
_LEFT = r"\s*(?:\\left\s*|\\bigl?\s*|\\Bigl?\s*)?\(\s*"
_RIGHT = r"\s*(?:\\right\s*|\\bigr?\s*|\\Bigr?\s*)?\)"
_VARIABLE_ENTROPY = re.compile(
    rf"(?<![\\A-Za-z{{])(?:H|\\(?:mathrm|operatorname|mathbb)\s*\{{\s*H\s*\}}){_LEFT}(?P<of>{_RVS}){_GIVEN}{_RIGHT}")
_MUTUAL = re.compile(
    rf"(?<![\\A-Za-z{{])(?:I|\\(?:mathrm|operatorname|mathbb)\s*\{{\s*I\s*\}}){_LEFT}(?P<of>{_RVS})\s*;\s*"
    rf"(?P<with>{_RVS}){_GIVEN}{_RIGHT}")
VARIABLE_ENTROPY_GUESS = ("H(X), H(Y \\mid X), I(X; Y) read as the entropies and the mutual information of one "
                          "joint distribution p (verify-only)")


def variable_entropies_written(lhs: str, rhs: str) -> tuple[str, str]:
    """The sides with each entropy ``H(X, Y)``, conditional entropy ``H(Y \\mid X)`` and mutual information
    ``I(X; Y \\mid Z)`` of random variables written out as its sum over the values x, y, z of one joint
    distribution p (see probability.py, which takes p(x) as the marginal of p(x, y)); unchanged where
    there is none, or where the step uses those value letters or p otherwise than the sums would."""
    found = [m for side in (lhs, rhs) for pattern in (_VARIABLE_ENTROPY, _MUTUAL) for m in pattern.finditer(side)]
    if not found:
        return lhs, rhs
    rest = " ".join(_MUTUAL.sub(" ", _VARIABLE_ENTROPY.sub(" ", side)) for side in (lhs, rhs))
    values = {_value(v) for m in found for key in ("of", "with", "given") for v in _listed(m.groupdict().get(key))}
    plain = set(re.findall(r"(?<![\\A-Za-z])[a-z]", rest))
    # x or p used by the author: only as the sums would use them (H(X) = -\sum_x p(x)\log p(x))
    applied = re.search(r"(?<![\\A-Za-z])p\s*(?:\\left\s*)?\(", rest) is not None
    if (plain & values or "p" in plain) and not applied:
        return lhs, rhs
    if re.search(r"(?<![\\A-Za-z])p(?!\s*(?:\\left\s*)?\()", rest):
        return lhs, rhs  # a p that is no distribution applied
    log = _log((lhs, rhs))

    def entropy(m: re.Match) -> str:
        of, given = _listed(m.group("of")), _listed(m.group("given"))
        return f"\\left(-{_sums(of + given)} p({_args(of + given)}) {log} p({_conditional(of, given)})\\right)"

    def mutual(m: re.Match) -> str:
        of, other, given = _listed(m.group("of")), _listed(m.group("with")), _listed(m.group("given"))
        ratio = f"\\frac{{p({_conditional(of + other, given)})}}{{p({_conditional(of, given)})p({_conditional(other, given)})}}"
        return f"\\left({_sums(of + other + given)} p({_args(of + other + given)}) {log} {ratio}\\right)"
    sides = tuple(_MUTUAL.sub(mutual, _VARIABLE_ENTROPY.sub(entropy, side)) for side in (lhs, rhs))
    return sides[0], sides[1]


def _listed(text: str | None) -> list[str]:
    return [v.strip() for v in text.split(",")] if text else []


def _value(variable: str) -> str:
    """The letter of a random variable's values: x for X."""
    return variable.lower()


def _args(variables: list[str]) -> str:
    return ", ".join(_value(v) for v in variables)


def _sums(variables: list[str]) -> str:
    return " ".join(f"\\sum_{{{_value(v)}}}" for v in variables)


def _conditional(of: list[str], given: list[str]) -> str:
    return _args(of) + (f" \\mid {_args(given)}" if given else "")
