"""Parser tests, table-driven as in SymPy's test_latex.py: GOOD pairs read as the expected SymPy
expression; BAD strings must fail to parse (and so leave a step unverified, never wrong)."""
import pytest
import sympy as sp

from lintmath.lower import Instance, Lowerer, classify_letters
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure
from lintmath.model import Macro

x, y, z, a, b, c, n = sp.symbols("x y z a b c n")


def lowered(latex, macros=None, size=3):
    tree = parse_math(latex, macros)
    inst = Instance(size=size, indices={}, integers={})
    return Lowerer(inst, classify_letters(tree)).lower(tree)


GOOD = [
    ("x + y", x + y),
    ("x - y - z", x - y - z),
    ("-x + y", -x + y),
    ("2xy", 2 * x * y),
    ("x^2", x**2),
    ("x^23", x**2 * 3),  # TeX: only the first digit is the exponent
    ("x^{23}", x**23),
    (r"\frac{x}{y}", x / y),
    (r"\dfrac{1}{2}", sp.Rational(1, 2)),
    (r"\sqrt{x}", sp.sqrt(x)),
    (r"\sqrt[3]{x}", x ** sp.Rational(1, 3)),
    (r"\log x", sp.log(x)),  # the natural log, not base 10
    (r"\ln(x)", sp.log(x)),
    (r"\log_2 x", sp.log(x) / sp.log(2)),
    (r"\exp(x)", sp.exp(x)),
    (r"e^{x}", sp.exp(x)),
    (r"\sin^2 x + \cos^2 x", sp.sin(x) ** 2 + sp.cos(x) ** 2),
    (r"\sin 2x", sp.sin(2 * x)),
    (r"\left( x + y \right)^2", (x + y) ** 2),
    (r"\bigl[ x \bigr]", x),
    (r"x \cdot y", x * y),
    (r"x \times y", x * y),
    (r"|x|", sp.Abs(x)),
    (r"3!", sp.Integer(6)),
    (r"\binom{4}{2}", sp.Integer(6)),
    ("0.5 x", sp.Rational(1, 2) * x),
    (r"\pi", sp.pi),
    (r"A + a", sp.Symbol("A") + a),  # no lowercasing
    (r"\frac{d}{dx} x^3", 3 * x**2),
    (r"\frac{\partial}{\partial x} (x^2 y)", 2 * x * y),
    (r"\frac{\partial^2}{\partial x \partial y} x^2 y^3", 6 * x * y**2),
    (r"\frac{d^2}{dx^2} x^4", 12 * x**2),
    (r"\frac{\mathrm{d}}{\mathrm{d}x} x^2", 2 * x),
    (r"\frac{\partial (x^2 y)}{\partial y}", x**2),
    (r"\sum_{k=1}^{3} k", sp.Integer(6)),
    (r"\prod_{k=1}^{3} k", sp.Integer(6)),
    (r"\underbrace{x + y}_{\text{two terms}}", x + y),
    (r"x^2 + y, \quad \text{by (3)}", x**2 + y),
    (r"x^2 .", x**2),
]


@pytest.mark.parametrize("latex,expected", GOOD)
def test_good(latex, expected):
    assert sp.simplify(lowered(latex) - expected) == 0


def test_sum_without_bounds_runs_over_the_instance_size():
    assert lowered(r"\sum_k x_k", size=3) == sum(sp.Symbol(f"x[{i}]") for i in (1, 2, 3))


def test_paren_superscript_is_a_label_not_a_power():
    expr = lowered(r"x^{(2)}")
    assert isinstance(expr, sp.Symbol) and expr.name == "x[2]^()"


def test_letter_superscript_on_an_indexed_symbol_is_a_label_by_default():
    expr = lowered(r"o_1^x")
    assert isinstance(expr, sp.Symbol) and expr.name == "o[1]^x"


def test_index_and_paren_label_are_different_symbols():
    assert lowered("x_2") != lowered("x^{(2)}")


def test_user_macros_expand_with_arguments_and_defaults():
    macros = [Macro("\\sq", 1, "#1^2"), Macro("\\pw", 2, "#2^{#1}", default="2"), Macro("\\R", 0, "r")]
    assert lowered(r"\sq{x} + \R", macros) == x**2 + sp.Symbol("r")
    assert lowered(r"\pw{x} + \pw[3]{y}", macros) == x**2 + y**3


def test_macro_tokens_take_the_span_of_the_invocation():
    tree = parse_math(r"a + \sq{x}", [Macro("\\sq", 1, "#1^2")])
    assert (tree.terms[1].node.start, tree.terms[1].node.end) == (4, 10)


def test_nodes_carry_source_offsets():
    text = r"- \frac{t}{o} + \frac{1-t}{1-o}"
    tree = parse_math(text)
    first, second = tree.terms
    assert text[first.node.start : first.node.end] == r"\frac{t}{o}"
    assert text[second.node.start : second.node.end] == r"\frac{1-t}{1-o}"
    assert text[first.sign_start] == "-"


BAD = [
    r"x_1 + y_2 + \cdots + x_n",  # an ellipsis without a pattern
    r"\frac{1}{2",
    r"\left( x",
    r"a / bc",  # ambiguous
    r"\unknowncommand x",
    r"x \pm y",
    "",
]


@pytest.mark.parametrize("latex", BAD)
def test_bad(latex):
    from lintmath.lower import Undecidable

    with pytest.raises((ParseFailure, Undecidable)):
        lowered(latex)


def test_deep_nesting_fails_cleanly():
    with pytest.raises(ParseFailure):
        parse_math("{" * 10_000 + "x" + "}" * 10_000)


def test_a_line_parsed_again_is_the_same_tree_and_a_new_macro_table_is_honoured():
    from lintmath.model import Macro
    from lintmath.parse.parser import parse_math
    from lintmath.parse.tokens import ParseFailure, macro_table

    table = macro_table([Macro("\\R", 0, "x")])
    first = parse_math("\\R + 1", table)
    assert parse_math("\\R + 1", table) is first  # memoised: the checks around a comparison reparse
    other = macro_table([Macro("\\R", 0, "y")])
    assert parse_math("\\R + 1", other) is not first  # another table, read afresh
    for _ in range(2):  # a failure is raised again, each time
        try:
            parse_math("\\frac{1}{", table)
        except ParseFailure:
            pass
        else:
            raise AssertionError("an unclosed brace must not parse")
