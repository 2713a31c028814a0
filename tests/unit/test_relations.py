import pytest

from lintmath.relations import find_relations, normalize_relation, strip_spacing


@pytest.mark.parametrize(
    "text, name",
    [
        ("=", "="),
        (r"\leq", "<="), (r"\le", "<="), (r"\leqslant", "<="),
        (r"\geq", ">="), (r"\ge", ">="), (r"\geqslant", ">="),
        ("<", "<"), (r"\lt", "<"), (">", ">"), (r"\gt", ">"),
        (r"\neq", "!="), (r"\ne", "!="), (r"\not=", "!="),
        (r"\approx", "~="), (r"\simeq", "~="), (r"\cong", "~="),
        (r"\sim", "~"), (r"\propto", "propto"), (r"\equiv", "==="),
        (":=", ":="), (r"\coloneqq", ":="), (r"\triangleq", ":="),
        (r"\stackrel{\text{def}}{=}", ":="), (r"\overset{\text{def}}{=}", ":="),
        (r"\overset{\Delta}{=}", ":="), (r"\overset{\mathrm{def}}{=}", ":="),
        (r"\Rightarrow", "=>"), (r"\implies", "=>"), (r"\Longrightarrow", "=>"),
        (r"\iff", "<=>"), (r"\Leftrightarrow", "<=>"), (r"\Longleftrightarrow", "<=>"),
        (r"\ll", "<<"), (r"\gg", ">>"), (r"\subseteq", "subseteq"), (r"\in", "in"),
        (r"\to", "->"), (r"\mapsto", "->"),
        (r"\overset{(a)}{=}", "="), (r"\stackrel{(a)}{=}", "="),
        (r"\overset{\text{Cauchy--Schwarz}}{\leq}", "<="), (r"\underset{n\to\infty}{=}", "="),
        (r"\stackrel{(b)}{\leq}", "<="), (r"\mathrel{:=}", ":="), ("{=}", "="), (" \\leq ", "<="),
    ],
)
def test_normalize_relation(text, name):
    assert normalize_relation(text) == name


@pytest.mark.parametrize("text", ["", "x", "a = b", r"\overset{\sim}{A}", r"\frac{a}{b}", r"\left(", "{"])
def test_not_a_relation(text):
    assert normalize_relation(text) is None


def test_extra_relation_macros():
    assert normalize_relation(r"\mydef", {r"\mydef": ":="}) == ":="
    found = find_relations(r"f \mydef x^2", extra={r"\mydef": ":="})
    assert [(m.text, m.name) for m in found] == [(r"\mydef", ":=")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a = b = c", ["=", "="]),
        (r"\sum_{i=1}^n i \leq \frac{n(n+1)}{2}", [r"\leq"]),
        (r"f(x=1) + \left( a = b \right) = 2", ["="]),
        (r"\{ x : x = 1 \} = S", ["="]),
        (r"\begin{cases} a = 1 \\ b = 2 \end{cases} = M", ["="]),
        (r"a \overset{(a)}{=} b \stackrel{(b)}{\leq} c", [r"\overset{(a)}{=}", r"\stackrel{(b)}{\leq}"]),
        (r"a = b \quad \text{for } x = 1", ["="]),  # annotation: x = 1 is not a step
        (r"a = b, \qquad x > 0", ["="]),
        (r"a = b \quad\Rightarrow\quad c = d", ["=", r"\Rightarrow", "="]),
        (r"\text{Var}(X) = \text{E}[X^2] - \text{E}[X]^2", ["="]),
        (r"\left< x, y \right> = 0", ["="]),
        (r"[0, 1) \subseteq \mathbb{R}", [r"\subseteq"]),
        (r"a \not\in B", [r"\not\in"]),
        (r"x_{n} \to 0", [r"\to"]),
        # in Dirac notation the angles pair with bars, not with each other
        (r"|0\rangle\langle 0| + |1\rangle\langle 1| = I", ["="]),
        (r"\langle \psi | \phi \rangle = c", ["="]),
        (r"\langle x, y = z \rangle = 0", ["="]),
    ],
)
def test_find_relations(text, expected):
    assert [m.text for m in find_relations(text)] == expected


def test_find_relations_offsets_and_window():
    text = "xx a <= b yy"
    found = find_relations("a = b \\leq c", 0)
    assert [(m.start, m.end) for m in found] == [(2, 3), (6, 10)]
    assert find_relations(text, 3, 9)[0].start == 5
    assert find_relations("a = b = c", 4) == find_relations("a = b = c")[1:]


def test_find_relations_deep_nesting_does_not_recurse():
    assert find_relations("{" * 20000 + "=") == []
    assert find_relations(r"\mathrel{" * 5000 + "=") == []
    assert normalize_relation(r"\overset{" * 3000 + "=") is None


@pytest.mark.parametrize(
    "text, kept",
    [(r"  \quad x + 1 \,\qquad ", "x + 1"), (r"\quadrature", r"\quadrature"), ("x ~", "x"), (r"x\ ", "x"), ("", "")],
)
def test_strip_spacing(text, kept):
    a, b = strip_spacing(text, 0, len(text))
    assert text[a:b] == kept
