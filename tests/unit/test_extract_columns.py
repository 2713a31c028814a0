"""Rows that set several equations side by side: the column pairs of align-like environments
(``x &= 2, & y &= 3``) and ``a = b, \\qquad c = d`` in single-column displays.

Each such equation is a derivation of its own; a later column with no equation of its own is an
annotation of the row, as before.
"""
import json

import pytest
from click.testing import CliRunner

from lintmath.cli import main
from lintmath.extract.latex import extract_latex
from lintmath.model import Span
from test_extract_latex import assert_slices, chains  # the same reading of a document, checked the same way


def check(tmp_path, source: str) -> dict:
    """``lintmath check --format json`` on ``source`` written to a file."""
    path = tmp_path / "cols.tex"
    path.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--jobs", "1"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def findings(data: dict) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["rule"]) for f in data["findings"]]


def statuses(data: dict) -> list[tuple[str, str, str, str]]:
    return [(s["from"], s["relation"], s["to"], s["status"]) for s in data["steps"]]


# ------------------------------------------------------------------------------------------ the reported false alarms

SUMS = r"""\begin{align*}
x &= 2, & y &= 3, & x + y &= 5
\end{align*}
"""

IDENTITIES = r"""\begin{align*}
\sin^2 x + \cos^2 x &= 1, & \cosh^2 x - \sinh^2 x &= 1 \\
\sum_n \frac{x^n}{n!} &= e^x, & \sum_n \frac{(-1)^n x^{2n}}{(2n)!} &= \cos x
\end{align*}
"""


def test_three_equations_on_one_row_are_three_derivations(tmp_path):
    assert chains(SUMS) == [[("x", "=", "2")], [("y", "=", "3")], [("x + y", "=", "5")]]
    data = check(tmp_path, SUMS)
    assert findings(data) == []
    # x = 2 and y = 3 give values; x + y = 5 holds with the values in force (a worked example: verify-only)
    assert [s["status"] for s in data["steps"]] == ["unverified", "unverified", "verified"]


def test_identities_side_by_side_are_read_one_by_one(tmp_path):
    assert chains(IDENTITIES) == [
        [(r"\sin^2 x + \cos^2 x", "=", "1")],
        [(r"\cosh^2 x - \sinh^2 x", "=", "1")],
        [(r"\sum_n \frac{x^n}{n!}", "=", "e^x")],
        [(r"\sum_n \frac{(-1)^n x^{2n}}{(2n)!}", "=", r"\cos x")],
    ]
    # no chain runs from one column into the next ("1, \cosh^2 x - \sinh^2 x" = 1 was a step)
    data = check(tmp_path, IDENTITIES)
    assert [s["status"] for s in data["steps"]][:2] == ["verified", "verified"]
    # with its bounds written, the series beside e^x holds too: nothing to report
    written = IDENTITIES.replace(r"\sum_n", r"\sum_{n=0}^{\infty}")
    assert findings(check(tmp_path, written)) == []


def test_error_in_the_second_column_is_found_where_it_is(tmp_path):
    src = (
        "Two squares.\n"                                                                # 1
        "\\begin{align*}\n"                                                             # 2
        "(a+b)^2 &= a^2 + 2ab + b^2, & (a-b)^2 &= a^2 + 2ab + b^2 \\\\\n"               # 3
        "        &= b^2 + 2ab + a^2  & (a+b)(a-b) &= a^2 - b^2\n"                       # 4
        "\\end{align*}\n"
    )
    data = check(tmp_path, src)
    assert findings(data) == [(3, 48, "LM101")]  # the `2ab` of the second column
    (finding,) = data["findings"]
    assert finding["end_column"] == 51 and finding["suggestion"] == "a^2 - 2ab + b^2"
    assert src.split("\n")[2][47:50] == "2ab"
    assert [s["status"] for s in data["steps"]] == ["verified", "verified", "refuted", "verified"]


# ------------------------------------------------------------------------------------------ chains per column


def test_continuation_rows_continue_each_column():
    src = r"""\begin{align*}
    x &= 1 + 1 & y &= 2 + 2 \\
      &= 2     &   &= 4
    \end{align*}"""
    assert chains(src) == [
        [("x", "=", "1 + 1"), ("1 + 1", "=", "2")],
        [("y", "=", "2 + 2"), ("2 + 2", "=", "4")],
    ]


def test_continuation_rows_in_aligned_and_alignat():
    src = r"\[ \begin{aligned} x &= 1, & y &= 2 \\ &= 3 & &= 4 \end{aligned} \]"
    assert chains(src) == [[("x", "=", "1"), ("1", "=", "3")], [("y", "=", "2"), ("2", "=", "4")]]
    src = r"\begin{alignat}{2} a &= b, &\qquad c &= d \\ &= e & &= f \end{alignat}"
    assert chains(src) == [[("a", "=", "b"), ("b", "=", "e")], [("c", "=", "d"), ("d", "=", "f")]]


def test_leading_operator_continues_its_own_column():
    src = (
        "\\begin{align*}\n"                     # 1
        "x &= a + b & y &= c + d \\\\\n"        # 2
        "  &\\quad + e & &\\quad - f \\\\\n"    # 3
        "  &= g & &= h\n"                       # 4
        "\\end{align*}"
    )
    assert chains(src) == [
        [("x", "=", "a + b + e"), ("a + b + e", "=", "g")],
        [("y", "=", "c + d - f"), ("c + d - f", "=", "h")],
    ]
    doc = extract_latex(src, "t.tex")
    right = doc.derivations[1].steps[0].rhs  # "c + d" on line 2, "- f" on line 3
    assert right.span() == Span(2, 19, 3, 26)
    assert "e" not in right.text  # the other column's "+ e" between them is blanked
    f = right.text.index("f")
    assert right.position(f) == (3, 25) and src.split("\n")[2][24] == "f"


def test_error_in_a_continued_second_column(tmp_path):
    src = (
        "\\begin{align*}\n"                                           # 1
        "(x+1)^2 &= x^2 + 2x + 1, & (x-1)^2 &= x^2 - 2x + 1 \\\\\n"   # 2
        "        &= (x+1)(x+1)    &         &= (x-1)(x+1)\n"          # 3
        "\\end{align*}\n"
    )
    data = check(tmp_path, src)
    # (x-1)^2 continued as (x-1)(x+1): the sign of the last `1`, in the second column of line 3
    assert findings(data) == [(3, 47, "LM101")]
    assert src.split("\n")[2][43:48] == "(x+1)" and src.split("\n")[2][46] == "1"
    assert data["findings"][0]["suggestion"] == "(x-1)(x-1)"
    assert [s["status"] for s in data["steps"]] == ["verified", "verified", "verified", "refuted"]


# ------------------------------------------------------------------------------------------ annotations


def test_chain_rule_annotation_rows_still_work(tmp_path):
    src = r"""\begin{align*}
    f(x) &= (x+1)^2 && \text{(definition)} \\
         &= x^2 + 2x + 1 && \text{(expand)} \\
         &= x(x + 2) + 1 & \text{by parts}
    \end{align*}"""
    (chain,) = chains(src)
    # a justification column beside a complete equation is not part of its right side
    assert [(r, rhs) for _, r, rhs in chain] == [
        ("=", r"(x+1)^2"),
        ("=", r"x^2 + 2x + 1"),
        ("=", r"x(x + 2) + 1"),
    ]
    data = check(tmp_path, src)
    assert findings(data) == []
    assert [s["status"] for s in data["steps"]][1:] == ["verified", "verified"]


def test_chain_rule_annotation_with_a_wrong_step(tmp_path):
    src = (
        "\\begin{align*}\n"                                       # 1
        "g &= (x+1)^2 - 1 && \\text{(chain rule)} \\\\\n"         # 2
        "  &= x^2 + 3x && \\text{(expand)}\n"                     # 3
        "\\end{align*}\n"
    )
    data = check(tmp_path, src)
    assert [(line, rule) for line, _, rule in findings(data)] == [(3, "LM108")]
    assert data["findings"][0]["column"] == 12  # the `3` of 3x
    assert src.split("\n")[2][11] == "3"


@pytest.mark.parametrize(
    "annotation",
    [
        r"\text{for } x > 0",
        r"\text{if } n = 0",
        r"\quad \text{where } y = 1",
        r"\mbox{i.e.} x = 1",
        r"\text{(by \eqref{e:1})}",
        r"\textrm{for timelike geodesics}",
    ],
)
def test_prose_columns_are_annotations_even_with_a_relation(annotation):
    src = "\\begin{align*} a &= b && " + annotation + " \\\\ &= c \\end{align*}"
    (chain,) = chains(src)
    assert [r for _, r, _ in chain] == ["=", "="]
    assert chain[0][2] == "b"  # the annotation is not part of the right side


def test_condition_column_is_its_own_claim_and_not_a_finding(tmp_path):
    src = r"""\begin{align*}
    f(x) &= x^2, && x > 0 \\
    g(x) &= \log x, && x \in (0, \infty)
    \end{align*}"""
    assert chains(src) == [
        [("f(x)", "=", "x^2")], [("x", ">", "0")], [("g(x)", "=", r"\log x")], [("x", "in", r"(0, \infty)")]
    ]
    assert findings(check(tmp_path, src)) == []


def test_a_later_column_without_an_equation_stays_with_the_row():
    # ``a & = & b`` (eqnarray-style in align): the pairs hold no equation of their own
    assert chains(r"\begin{align*} a & = & b \\ & = & c \end{align*}") == [[("a", "=", "b"), ("b", "=", "c")]]
    # a relation opening a later pair that no chain of that column precedes
    src = r"\begin{align*} x^2 &= 4 & \Rightarrow x &= 2 \end{align*}"
    assert chains(src) == [[("x^2", "=", "4"), ("x^2 = 4", "=>", "x = 2"), ("x", "=", "2")]]
    # flalign's empty outer pairs
    src = r"\begin{flalign*} && a &= b && \\ && &= c && \end{flalign*}"
    assert chains(src) == [[("a", "=", "b"), ("b", "=", "c")]]


def test_label_column_before_the_equation():
    src = r"""\begin{aligned}
    g_1: && \text{compute}(d) &\leq O(1) && \text{(constant time)}
    \end{aligned}"""
    assert chains(r"\[" + src + r"\]") == [[(r"\text{compute}(d)", "<=", r"O(1)")]]


# ------------------------------------------------------------------------------------------ unchanged environments


@pytest.mark.parametrize(
    "source, expected",
    [
        (r"\begin{eqnarray} a &=& b \\ &=& c \end{eqnarray}", [[("a", "=", "b"), ("b", "=", "c")]]),
        (r"\begin{eqnarray*} a &=& b, & c = d \end{eqnarray*}", [[("a", "=", "b, c"), ("b, c", "=", "d")]]),
        (r"\begin{align} a &= b \\ &= c \end{align}", [[("a", "=", "b"), ("b", "=", "c")]]),
        (r"\begin{equation}\begin{split} a &= b \\ &= c \end{split}\end{equation}",
         [[("a", "=", "b"), ("b", "=", "c")]]),
        (r"\[ \begin{array}{rcl} a &=& b \\ &=& c \end{array} \]", [[("a", "=", "b"), ("b", "=", "c")]]),
        (r"\begin{align} A &= \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} & B &= 0 \end{align}",
         [[("A", "=", r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}")], [("B", "=", "0")]]),
    ],
)
def test_other_alignments_read_as_before(source, expected):
    assert chains(source) == expected


# ------------------------------------------------------------------------------------------ \qquad in one column


@pytest.mark.parametrize("env", ["gather*", "equation", "multline*"])
def test_qquad_separates_two_equations(env, tmp_path):
    src = ("\\begin{%s}\n" % env
           + "a^2-b^2=(a-b)(a+b), \\qquad a^3-b^3=(a-b)(a^2+ab+b^2)\n"
           + "\\end{%s}\n" % env)
    assert chains(src) == [[("a^2-b^2", "=", "(a-b)(a+b)")], [("a^3-b^3", "=", "(a-b)(a^2+ab+b^2)")]]
    data = check(tmp_path, src)
    assert [s["status"] for s in data["steps"]] == ["verified", "verified"]


def test_error_after_the_qquad_is_found_where_it_is(tmp_path):
    src = "\\[\n(a+b)^2 = a^2 + 2ab + b^2, \\quad (a-b)^2 = a^2 + 2ab + b^2.\n\\]\n"
    data = check(tmp_path, src)
    line = src.split("\n")[1]
    column = line.index("2ab", line.index("(a-b)")) + 1  # the second equation's `2ab`
    assert findings(data) == [(2, column, "LM101")]
    assert [s["status"] for s in data["steps"]] == ["verified", "refuted"]


def test_three_equations_and_a_continuation_row():
    assert chains(r"\begin{equation} u = v, \quad w = z, \qquad p = q. \end{equation}") == [
        [("u", "=", "v")], [("w", "=", "z")], [("p", "=", "q")]
    ]
    assert chains(r"\begin{multline} a = b + c, \qquad e = f \\ = g \end{multline}") == [
        [("a", "=", "b + c")], [("e", "=", "f"), ("f", "=", "g")]
    ]
    # a condition beside an equation is a claim of its own (left unverified by the checker)
    assert chains(r"\[ a_n = 1/n, \qquad n \geq 1 \]") == [[("a_n", "=", "1/n")], [("n", ">=", "1")]]


@pytest.mark.parametrize(
    "source, expected",
    [
        # prose after the quad: an annotation, as before
        (r"\[ a = b \quad \text{for all } x = 1 \]", [[("a", "=", r"b \quad \text{for all } x = 1")]]),
        (r"\[ x = 1 \quad\text{and}\quad y = 2 \]", [[("x", "=", r"1 \quad\text{and}\quad y = 2")]]),
        # a relation right after the quad continues the chain
        (r"\[ a = b \quad\Rightarrow\quad c = d \]",
         [[("a", "=", "b"), ("a = b", "=>", "c = d"), ("c", "=", "d")]]),
        # no equation after the quad, or the quad is inside a set
        (r"\[ a = b, \qquad n \text{ even} \]", [[("a", "=", r"b, \qquad n \text{ even}")]]),
        (r"\[ a = b \qquad (x = 1) \]", [[("a", "=", r"b \qquad (x = 1)")]]),
        (r"\[ A = \{x : x > 0, \quad y = 1\} \]", [[("A", "=", r"\{x : x > 0, \quad y = 1\}")]]),
        # not a single-column display: eqnarray keeps its rows as they were
        (r"\begin{eqnarray} a &=& b, \qquad c = d \end{eqnarray}", [[("a", "=", r"b, \qquad c = d")]]),
    ],
)
def test_quad_not_followed_by_an_equation_is_not_split(source, expected):
    assert chains(source) == expected


# ------------------------------------------------------------------------------------------ robustness


@pytest.mark.parametrize(
    "source",
    [
        r"\begin{align} & & & & \\ & & \end{align}",
        r"\begin{align} a &= & &= b & & \\ &= &= \end{align}",
        r"\begin{align} a &= b & c &= {d & e} \\ &= f & & \end{align}",
        r"\begin{align} a &= b & c &= d \\ e &= f \\ &= g & &= h & &\quad + i \end{align}",
        r"\[ a = b, \qquad \]",
        r"\[ \quad = b, \qquad c = \qquad d = e \]",
        r"\begin{gather} a = b \qquad c = d \qquad e \\ = f \end{gather}",
    ],
)
def test_odd_columns_do_not_raise_and_slices_hold(source):
    assert_slices(source, extract_latex(source, "t.tex"))
