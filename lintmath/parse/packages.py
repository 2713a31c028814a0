"""Commands of common math packages (physics, commath, esdiff, nicefrac) spelled out in the LaTeX the parser reads.

Their arguments vary (``\\dv{f}{x}``, ``\\dv[2]{f}{x}``, ``\\dv{x}``, ``\\qty(...)``, ``\\qty|x|``), which a
``\\newcommand``-style macro cannot say, so they are rewritten on tokens after the document's own macros
are expanded (a document that defines ``\\dv`` itself has its own meaning used). Names that only the
physics package would give this meaning and no other common package defines are read always (MathJax
loads them in Markdown and notebooks too); ``\\div`` (divergence in physics, the sign ÷ otherwise) and the
commath/esdiff names are read only when the document loads the package: see ``PACKAGE_MACROS``.
A form not read with certainty fails to parse (the step stays unverified).
"""
from __future__ import annotations

from lintmath.model import Macro
from lintmath.parse.tokens import ParseFailure, Token, read_group, read_optional, tokenize

__all__ = ["PACKAGE_COMMANDS", "PACKAGE_MACROS", "package_commands", "package_macros"]

#: Derivatives: the name and the sign of its differential.
_DERIVATIVES = {"\\dv": "d", "\\pdv": "\\partial", "\\lintmathdiff": "d", "\\lintmathdiffp": "\\partial"}
#: The commands of esdiff have a starred form with another meaning (evaluated at a point).
_NO_STAR = frozenset({"\\lintmathdiff", "\\lintmathdiffp"})
#: One-group delimiters: (opening, closing) as ``\\left``/``\\right`` take them.
_DELIMITED = {"\\abs": ("|", "|"), "\\norm": ("\\lVert", "\\rVert"), "\\pqty": ("(", ")"),
              "\\bqty": ("[", "]"), "\\vqty": ("|", "|"), "\\Bqty": ("\\{", "\\}"),
              "\\order": ("(", ")")}
#: ``\\qty`` followed by one of these opens the matching delimiter.
_QTY_CLOSERS = {"(": ")", "[": "]", "|": "|"}
#: Matrices: delimiter after ``\\mqty`` -> environment; the fixed-delimiter forms.
_MQTY_ENVS = {"(": "pmatrix", "[": "bmatrix", "|": "vmatrix", "{": "matrix"}
_MATRIX_CMDS = {"\\pmqty": "pmatrix", "\\bmqty": "bmatrix", "\\vmqty": "vmatrix", "\\Pmqty": "pmatrix"}
#: Fixed replacements (no argument of their own).
_SIMPLE = {"\\grad": "\\nabla", "\\curl": "\\nabla\\times", "\\laplacian": "\\nabla^{2}",
           "\\Tr": "\\operatorname{Tr}", "\\vb": "\\mathbf", "\\va": "\\vec",
           # LyX's text symbol in math (its exported preamble defines it as \\text in math mode)
           "\\lyxmathsym": "\\text",
           # slanted fractions (nicefrac, which LyX's "nice fraction" loads; xfrac): \\frac set another way.
           # nicefrac's optional font argument ([\\mathrm]) is left to fail as \\frac[..]
           "\\nicefrac": "\\frac", "\\sfrac": "\\frac"}

#: The physics package's long names and its inner and outer products, onto the names read below:
#: \\ip{a}{b} = <a|b>, \\op{a}{b} = |a><b|, \\dyad{a} = |a><a|, \\acomm{A}{B} = AB + BA.
_BRACKET_ALIASES = {"\\commutator": "\\comm", "\\acomm": "\\acomm", "\\anticommutator": "\\acomm",
                    "\\acommutator": "\\acomm", "\\ip": "\\ip", "\\innerproduct": "\\ip",
                    "\\op": "\\op", "\\outerproduct": "\\op", "\\dyad": "\\op", "\\expectationvalue": "\\expval",
                    "\\matrixelement": "\\mel", "\\matrixel": "\\mel"}

PACKAGE_COMMANDS = frozenset({*_DERIVATIVES, *_DELIMITED, *_MATRIX_CMDS, *_SIMPLE, "\\qty", "\\mqty",
                              "\\eval", "\\evaluated", "\\dd", "\\vu", "\\expval", "\\ev", "\\mel",
                              "\\comm", *_BRACKET_ALIASES})

#: What loading a package adds that is not read always: plain macros onto names the rewrite reads.
PACKAGE_MACROS: dict[str, tuple[Macro, ...]] = {
    # the products' physics names are read only with the package: \\cross and \\vdot are short enough
    # for a document to mean something else by them without defining them (the step then fails to read)
    "physics": (Macro("\\div", 0, "\\nabla\\cdot"), Macro("\\divergence", 0, "\\nabla\\cdot"),
                Macro("\\gradient", 0, "\\nabla"), Macro("\\vdot", 0, "\\cdot"),
                Macro("\\dotproduct", 0, "\\cdot"), Macro("\\cross", 0, "\\times"),
                Macro("\\crossproduct", 0, "\\times")),
    "commath": (Macro("\\od", 0, "\\dv"), Macro("\\pd", 0, "\\pdv"), Macro("\\dif", 0, "\\dd")),
    "esdiff": (Macro("\\diff", 0, "\\lintmathdiff"), Macro("\\diffp", 0, "\\lintmathdiffp")),
}


def package_macros(packages) -> tuple[Macro, ...]:
    """The built-in macros of the loaded ``packages`` (names as in ``\\usepackage``)."""
    return tuple(m for name in packages for m in PACKAGE_MACROS.get(name, ()))


def package_commands(tokens: list[Token]) -> list[Token]:
    """``tokens`` with the package commands rewritten; unchanged (same list) when there is none."""
    if not any(t.kind == "cmd" and t.text in PACKAGE_COMMANDS for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind != "cmd" or t.text not in PACKAGE_COMMANDS:
            out.append(t)
            i += 1
            continue
        made, i = _rewrite(tokens, i)
        span = max(tokens[i - 1].end, t.end)
        # the arguments may hold package commands of their own (\\qty[\\qty(x+1)]): read them too
        made = [Token(x.kind, x.text, t.start, span) for x in package_commands(made)]
        if t.spaced and made:
            made[0] = Token(made[0].kind, made[0].text, t.start, span, True)
        out += made
    return out


def _tex(text: str) -> list[Token]:
    return tokenize(text)


def _grouped(toks: list[Token]) -> list[Token]:
    return [Token("open", "{", 0, 0), *toks, Token("close", "}", 0, 0)]


def _brace_groups(tokens: list[Token], i: int) -> tuple[list[list[Token]], int]:
    """The brace groups that follow ``i`` one after the other, and the index after them."""
    groups = []
    while i < len(tokens) and tokens[i].kind == "open":
        group, i = read_group(tokens, i)
        groups.append(group)
    return groups, i


def _star(tokens: list[Token], i: int) -> tuple[bool, int]:
    if i < len(tokens) and tokens[i].is_("*"):
        return True, i + 1
    return False, i


def _rewrite(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """The tokens that spell out the command at ``i``, and the index after its arguments."""
    name = tokens[i].text
    if name in _DERIVATIVES:
        return _derivative(tokens, i)
    if name in _SIMPLE:
        star, j = _star(tokens, i + 1)
        if star and name != "\\vb":
            raise ParseFailure(f"{name}* is not read")
        return _tex("\\boldsymbol" if star else _SIMPLE[name]), j
    if name == "\\vu":
        star, j = _star(tokens, i + 1)
        arg, j = read_group(tokens, j)
        return [*_tex("\\hat"), *_grouped([*_tex("\\boldsymbol" if star else "\\mathbf"), *_grouped(arg)])], j
    if name == "\\dd":
        return _differential(tokens, i)
    if name in _DELIMITED or name == "\\qty":
        return _delimited(tokens, i)
    if name in _MATRIX_CMDS or name == "\\mqty":
        return _matrix(tokens, i)
    if name in ("\\eval", "\\evaluated"):
        return _evaluation(tokens, i)
    return _brackets(tokens, i)


def _derivative(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """``\\dv{f}{x}`` = d f/dx, ``\\dv[n]{f}{x}``, ``\\dv{x}`` (the operator d/dx), ``\\pdv{f}{x}{y}``
    (mixed); ``*`` only sets it inline in physics."""
    name = tokens[i].text
    sign = _DERIVATIVES[name]
    star, j = _star(tokens, i + 1)
    if star and name in _NO_STAR:
        raise ParseFailure(f"{name}* is not read")
    order, j = read_optional(tokens, j)
    groups, j = _brace_groups(tokens, j)
    if not groups or len(groups) > (3 if sign == "\\partial" else 2) or any(not g for g in groups[1:]):
        raise ParseFailure(f"{name} with these arguments is not read")
    for g in groups[1:]:
        # \diffp{f}{{x}{y}}, \pdv{f}{x,y}: several variables in one group mean different things by package
        if any(t.kind == "open" or t.is_(",") for t in g):
            raise ParseFailure(f"{name} over several variables in one group is not read")
    if len(groups) == 3 and order is not None:
        raise ParseFailure(f"{name} of a given order and mixed variables is not read")
    d = _tex(sign)
    power = _tex("^") + _grouped(order) if order else []
    if len(groups) == 3:
        top = [*d, *_tex("^{2}")]
        bottom = [*d, *_grouped(groups[1]), *_tex("\\,"), *d, *_grouped(groups[2])]
        function = groups[0]
    elif len(groups) == 2:
        top = [*d, *power]
        bottom = [*d, *_grouped(groups[1]), *power]
        function = groups[0]
    else:
        top, bottom, function = [*d, *power], [*d, *_grouped(groups[0]), *power], []
    out = [*_tex("\\frac"), *_grouped(top), *_grouped(bottom)]
    if function:
        out += [*_tex("\\left("), *function, *_tex("\\right)")]
    return out, j


def _differential(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """``\\dd{x}``, ``\\dd x``, ``\\dd[3]{x}``: the upright differential d with its thin space before."""
    order, j = read_optional(tokens, i + 1)
    out = [*_tex("\\,\\mathrm{d}")]
    if order:
        out += [*_tex("^"), *_grouped(order)]
    if j < len(tokens) and tokens[j].kind == "open":
        arg, j = read_group(tokens, j)
        out += arg
    return out, j


def _closing_sym(tokens: list[Token], i: int, opener: str, closer: str) -> int:
    """The index of the ``closer`` matching the ``opener`` at ``i`` (brace groups skipped)."""
    depth = 0
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "open":
            _, j = read_group(tokens, j)
            continue
        if j > i and t.is_(closer) and (depth == 1 or opener == closer):
            return j
        if t.is_(opener):
            depth += 1
        elif t.is_(closer):
            depth -= 1
        j += 1
    raise ParseFailure(f"{opener} without its {closer}")


def _delimited(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """``\\abs{x}``, ``\\norm{x}``, ``\\order{x^2}``, ``\\qty(...)``, ``\\qty[...]``, ``\\qty|x|``, ``\\qty{x}``."""
    name = tokens[i].text
    _, j = _star(tokens, i + 1)
    if name == "\\qty" and j < len(tokens) and tokens[j].text in _QTY_CLOSERS:
        left, right = tokens[j].text, _QTY_CLOSERS[tokens[j].text]
        end = _closing_sym(tokens, j, left, right)
        inner, j = tokens[j + 1:end], end + 1
    elif name == "\\qty":
        groups, j = _brace_groups(tokens, j)
        if len(groups) != 1:  # \qty{3}{\metre} is siunitx's quantity
            raise ParseFailure("\\qty with these arguments is not read")
        left, right, inner = "\\{", "\\}", groups[0]
    else:
        if j >= len(tokens) or tokens[j].kind != "open":
            raise ParseFailure(f"{name} without its argument")
        left, right = _DELIMITED[name]
        inner, j = read_group(tokens, j)
    head = _tex("\\mathcal{O}") if name == "\\order" else []
    return [*head, *_tex("\\left" + left), *inner, *_tex("\\right" + right)], j


def _matrix(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    name = tokens[i].text
    j = i + 1
    if name == "\\mqty":
        if j >= len(tokens) or tokens[j].text not in _MQTY_ENVS:
            raise ParseFailure("\\mqty without its delimiter")
        env = _MQTY_ENVS[tokens[j].text]
        if tokens[j].kind == "open":
            inner, j = read_group(tokens, j)
        else:
            end = _closing_sym(tokens, j, tokens[j].text, _QTY_CLOSERS[tokens[j].text])
            inner, j = tokens[j + 1:end], end + 1
    else:
        env = _MATRIX_CMDS[name]
        inner, j = read_group(tokens, j)
    return [*_tex(f"\\begin{{{env}}}"), *inner, *_tex(f"\\end{{{env}}}")], j


def _evaluation(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """``\\eval{f}_a^b``: f evaluated between a and b; other forms are not read."""
    groups, j = _brace_groups(tokens, i + 1)
    if len(groups) != 1 or j >= len(tokens) or tokens[j].text not in ("_", "^"):
        raise ParseFailure(f"{tokens[i].text} in this form is not read")
    return [*_tex("\\left."), *groups[0], *_tex("\\right|")], j


def _brackets(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """``\\expval{A}``, ``\\expval{A}{\\psi}``, ``\\mel{a}{A}{b}``, ``\\comm{A}{B}``: angle-bracket and
    commutator notation."""
    name = _BRACKET_ALIASES.get(tokens[i].text, tokens[i].text)
    _, j = _star(tokens, i + 1)
    groups, j = _brace_groups(tokens, j)
    bar, langle, rangle = _tex("|"), _tex("\\langle"), _tex("\\rangle")
    if name == "\\ip" and len(groups) in (1, 2):
        # \ip{a} alone is <a|a>, as physics writes it
        return [*langle, *_grouped(groups[0]), *bar, *_grouped(groups[-1]), *rangle], j
    # (\\op{A} alone is no product the package writes: an operator's name, which stays unread)
    if name == "\\op" and (len(groups) == 2 or len(groups) == 1 and tokens[i].text == "\\dyad"):
        return [*bar, *_grouped(groups[0]), *rangle, *langle, *_grouped(groups[-1]), *bar], j
    if name == "\\acomm" and len(groups) == 2:
        a, b = _grouped(groups[0]), _grouped(groups[1])
        return [*_tex("\\left("), *a, *b, *_tex("+"), *b, *a, *_tex("\\right)")], j
    if name in ("\\expval", "\\ev") and len(groups) == 1:
        return [*langle, *_grouped(groups[0]), *rangle], j
    if name in ("\\expval", "\\ev") and len(groups) == 2:
        state = _grouped(groups[1])
        return [*langle, *state, *bar, *_grouped(groups[0]), *bar, *state, *rangle], j
    if name == "\\mel" and len(groups) == 3:
        return [*langle, *_grouped(groups[0]), *bar, *_grouped(groups[1]), *bar, *_grouped(groups[2]), *rangle], j
    if name == "\\comm" and len(groups) == 2:
        return [*_tex("\\left["), *groups[0], *_tex(","), *groups[1], *_tex("\\right]")], j
    raise ParseFailure(f"{name} with these arguments is not read")
