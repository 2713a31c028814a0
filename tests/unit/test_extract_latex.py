import pytest

from lintmath.extract import EXTRACTORS, extract_path, register
from lintmath.extract.latex import extract_latex, is_rcl_spec
from lintmath.model import Directive, Document, ExtractError, Macro, Span


def assert_slices(text, doc):
    """Every side is an exact-length slice of the source, non-math blanked to spaces."""
    starts = [0]
    for k, c in enumerate(text):
        if c == "\n":
            starts.append(k + 1)
    for d in doc.derivations:
        for step in d.steps:
            for side in (step.lhs, step.rhs):
                offset = starts[side.line - 1] + side.column - 1
                piece = text[offset:offset + len(side.text)]
                assert len(piece) == len(side.text)
                for got, src in zip(side.text, piece):
                    assert got == src or (got == " " and src != "\n"), (side.text, piece)
                assert side.text == side.text.strip()


def chains(text):
    """[[(lhs, relation, rhs), ...] per derivation], sides whitespace-normalised."""
    doc = extract_latex(text, "t.tex")
    assert_slices(text, doc)
    return [[(s.lhs.stripped, s.relation, s.rhs.stripped) for s in d.steps] for d in doc.derivations]


def envs(text):
    return [d.env for d in extract_latex(text, "t.tex").derivations]


CHAIN = [("a", "=", "b"), ("b", "=", "c")]

# ------------------------------------------------------------------------------------------ envs


@pytest.mark.parametrize(
    "source, env",
    [
        (r"\begin{align} a &= b \\ &= c \end{align}", "align"),
        (r"\begin{align*} a &= b \\ &= c \end{align*}", "align*"),
        (r"\begin{alignat}{2} a &= b \\ &= c \end{alignat}", "alignat"),
        (r"\begin{alignat*}{3} a &= b \\ &= c \end{alignat*}", "alignat*"),
        (r"\begin{flalign} a &= b \\ &= c \end{flalign}", "flalign"),
        (r"\begin{eqnarray} a &=& b \\ &=& c \end{eqnarray}", "eqnarray"),
        (r"\begin{eqnarray*} a &=& b \nonumber \\ &=& c \end{eqnarray*}", "eqnarray*"),
        (r"\begin{IEEEeqnarray}{rCl} a &=& b \\ &=& c \end{IEEEeqnarray}", "IEEEeqnarray"),
        (r"\begin{equation} a = b = c \end{equation}", "equation"),
        (r"\begin{equation*} a = b = c \end{equation*}", "equation*"),
        (r"\begin{displaymath} a = b = c \end{displaymath}", "displaymath"),
        (r"\[ a = b = c \]", "\\["),
        (r"$$ a = b = c $$", "$$"),
        (r"\begin{equation}\begin{split} a &= b \\ &= c \end{split}\end{equation}", "equation"),
        (r"\begin{equation}\label{e}\begin{split} a &= b \\ &= c \end{split}\end{equation}", "equation"),
        (r"\[ \begin{aligned} a &= b \\ &= c \end{aligned} \]", "\\["),
        (r"\[ \begin{aligned}[t] a &= b \\ &= c \end{aligned} \]", "\\["),
        (r"\[ \begin{alignedat}{2} a &= b \\ &= c \end{alignedat} \]", "\\["),
        (r"\[ \begin{array}{rcl} a &=& b \\ &=& c \end{array} \]", "\\["),
        (r"\[ \begin{array}{r@{}l} a &= b \\ &= c \end{array} \]", "\\["),
        (r"\[ \begin{array}{rll} a &= b \\ &= c \end{array} \]", "\\["),
        (r"\begin{multline} a = b \\ = c \end{multline}", "multline"),
    ],
)
def test_environments(source, env):
    doc = extract_latex(source, "t.tex")
    assert [d.env for d in doc.derivations] == [env]
    assert chains(source) == [CHAIN]


def test_gather_rows_are_their_own_chains():
    assert chains(r"\begin{gather} a = b \\ c = d \\ e \leq f \end{gather}") == [
        [("a", "=", "b")], [("c", "=", "d")], [("e", "<=", "f")]
    ]
    assert envs(r"\begin{gather*} a = b \\ c = d \end{gather*}") == ["gather*", "gather*"]


def test_new_chain_when_a_row_has_its_own_lhs():
    src = r"""\begin{align}
    x &= 1 + 1 \\
      &= 2 \\
    y &= 3
    \end{align}"""
    assert chains(src) == [[("x", "=", "1 + 1"), ("1 + 1", "=", "2")], [("y", "=", "3")]]
    doc = extract_latex(src, "t.tex")
    assert [d.index for d in doc.derivations] == [0, 1]


def test_derivation_index_counts_across_displays():
    doc = extract_latex(r"\[a=b\] text \[c=d\] \begin{align}e&=f\end{align}", "t.tex")
    assert [d.index for d in doc.derivations] == [0, 1, 2]
    assert [d.env for d in doc.derivations] == ["\\[", "\\[", "align"]


# ------------------------------------------------------------------------------------------ rows


def test_chain_on_one_line():
    assert chains(r"\[ (a+b)^2 = a^2 + 2ab + b^2 \leq 2a^2 + 2b^2 \]") == [
        [("(a+b)^2", "=", "a^2 + 2ab + b^2"), ("a^2 + 2ab + b^2", "<=", "2a^2 + 2b^2")]
    ]


def test_single_relation_display_is_one_step_and_plain_expression_is_none():
    assert chains(r"\[ f(x) = x^2 \]") == [[("f(x)", "=", "x^2")]]
    assert chains(r"\[ \int_0^1 f(x)\,dx \]") == []
    assert chains(r"\begin{align} a + b \\ c \end{align}") == []


@pytest.mark.parametrize(
    "lead",
    ["+", "-", r"\cdot", r"\times"],
)
def test_continuation_rows_with_leading_operator(lead):
    src = "\\begin{align*}\nf &= a + b \\\\\n  &\\quad " + lead + " c \\\\\n  &= d\n\\end{align*}"
    assert chains(src) == [[("f", "=", "a + b " + lead + " c"), ("a + b " + lead + " c", "=", "d")]]


def test_continuation_row_without_operator_and_pending_lhs():
    src = r"""\begin{align*}
    (a+b)^2 \\
    &= a^2 + 2ab \\
    & \qquad + b^2
    \end{align*}"""
    assert chains(src) == [[("(a+b)^2", "=", "a^2 + 2ab + b^2")]]


def test_leading_operator_row_with_relation_continues_chain():
    src = r"\begin{align} a &= b \\ &+ c = d \end{align}"
    assert chains(src) == [[("a", "=", "b + c"), ("b + c", "=", "d")]]


def test_logical_relations_take_whole_clauses():
    src = r"""\begin{align*}
    x^2 &= 4 \\
    \Rightarrow x &= 2
    \end{align*}"""
    assert chains(src) == [[("x^2", "=", "4"), ("x^2 = 4", "=>", "x = 2"), ("x", "=", "2")]]
    assert chains(r"\[ a = b \quad\Rightarrow\quad c = d \]") == [
        [("a", "=", "b"), ("a = b", "=>", "c = d"), ("c", "=", "d")]
    ]


def test_text_and_quad_kept_annotations_not_split():
    (chain,) = chains(r"\[ a = b \quad \text{for all } x = 1 \]")
    assert chain == [("a", "=", r"b \quad \text{for all } x = 1")]
    (chain,) = chains(r"\[ \text{Var}(X) = \mathbb{E}[X^2] - \text{E}[X]^2 \]")
    assert chain == [(r"\text{Var}(X)", "=", r"\mathbb{E}[X^2] - \text{E}[X]^2")]


@pytest.mark.parametrize(
    "noise",
    [
        r"\label{eq:one}",
        r"\tag{3}",
        r"\tag*{($\star$)}",
        r"\nonumber",
        r"\notag",
        r"\pause",
        "% a comment with = and \\\\ \n",
        r"\\[2pt]",
        r"\displaybreak[1]",
    ],
)
def test_not_math_is_blanked(noise):
    src = "\\begin{align}\na &= b " + noise + " \\\\\n &= c\n\\end{align}"
    assert chains(src) == [CHAIN]
    doc = extract_latex(src, "t.tex")
    for step in doc.derivations[0].steps:
        for side in (step.lhs, step.rhs):
            assert "label" not in side.text and "tag" not in side.text and "%" not in side.text


def test_escaped_percent_is_math():
    assert chains(r"\[ p = 5\% \]") == [[("p", "=", r"5\%")]]


def test_intertext_ends_the_row():
    src = r"""\begin{align}
    a &= b \intertext{and therefore, since $x = y$,}
    c &= d
    \end{align}"""
    assert chains(src) == [[("a", "=", "b")], [("c", "=", "d")]]


@pytest.mark.parametrize("punct", [",", ".", ";"])
def test_trailing_punctuation_blanked(punct):
    assert chains(r"\[ a = b = c" + punct + r" \]") == [CHAIN]
    assert chains("\\begin{align} a &= b" + punct + " \\\\ &= c" + punct + "\\end{align}") == [CHAIN]


def test_right_dot_is_not_punctuation():
    (chain,) = chains(r"\[ a = \left. x^2 \right. \]")
    assert chain == [("a", "=", r"\left. x^2 \right.")]


def test_matrices_are_not_split():
    src = r"""\begin{align}
    A &= \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \\
      &= \begin{bmatrix} a = 1 & b \end{bmatrix}
    \end{align}"""
    (chain,) = chains(src)
    assert [r for _, r, _ in chain] == ["=", "="]
    assert chain[0][2] == r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"
    assert chain[1][2] == r"\begin{bmatrix} a = 1 & b \end{bmatrix}"


@pytest.mark.parametrize(
    "env", ["pmatrix", "bmatrix", "vmatrix", "matrix", "cases", "smallmatrix"]
)
def test_matrix_envs_stay_inside_math(env):
    src = r"\[ M = \begin{%s} a = 1 & b \\ c & d \end{%s} \]" % (env, env)
    (chain,) = chains(src)
    assert chain == [("M", "=", r"\begin{%s} a = 1 & b \\ c & d \end{%s}" % (env, env))]


def test_non_rcl_array_is_a_matrix():
    src = r"\[ \begin{array}{cc} a & = \\ b & c \end{array} \]"
    assert chains(src) == []
    src = r"\[ M = \left(\begin{array}{cc} a & b \\ c & d \end{array}\right) \]"
    assert chains(src) == [[("M", "=", r"\left(\begin{array}{cc} a & b \\ c & d \end{array}\right)")]]


@pytest.mark.parametrize("spec, ok", [("rcl", True), ("r@{}l", True), ("rll", True), ("r l", True),
                                      ("cc", False), ("ccc", False), ("l", False), ("|c|c|", False)])
def test_rcl_spec(spec, ok):
    assert is_rcl_spec(spec) is ok


def test_overset_annotated_relation():
    doc = extract_latex(r"\[ a \overset{(a)}{=} b \stackrel{\text{def}}{=} c \underset{(b)}{\leq} d \]", "t.tex")
    steps = doc.derivations[0].steps
    assert [(s.relation, s.relation_text) for s in steps] == [
        ("=", r"\overset{(a)}{=}"), (":=", r"\stackrel{\text{def}}{=}"), ("<=", r"\underset{(b)}{\leq}")
    ]
    assert [s.rhs.text for s in steps] == ["b", "c", "d"]


def test_subscript_equals_is_not_a_relation():
    assert chains(r"\[ \sum_{i=1}^{n} i = \frac{n(n+1)}{2} \]") == [
        [(r"\sum_{i=1}^{n} i", "=", r"\frac{n(n+1)}{2}")]
    ]


def test_relation_macro_is_recognised():
    src = "\\newcommand{\\defeq}{\\mathrel{:=}}\n\\[ f(x) \\defeq x^2 \\]"
    doc = extract_latex(src, "t.tex")
    (step,) = doc.derivations[0].steps
    assert (step.relation, step.relation_text, step.rhs.text) == (":=", r"\defeq", "x^2")


def test_inline_math_not_extracted():
    assert chains(r"Let $a = b$ and \(c = d\) be; the price is \$5 = \$5.") == []


def test_verbatim_skipped():
    assert chains("\\begin{verbatim}\n\\[ a = b \\]\n\\end{verbatim}\n\\[ c = d \\]") == [[("c", "=", "d")]]


# ------------------------------------------------------------------------------------------ positions


def test_rhs_on_third_line_of_align():
    src = (
        "Intro text.\n"                     # line 1
        "\\begin{align}\n"                  # line 2
        "  f(x) &= (x+1)^2 \\\\\n"          # line 3
        "       &= x^2 + 2x + 1 \\\\\n"     # line 4
        "       &\\leq 3x^2 + 1\n"          # line 5
        "\\end{align}\n"
    )
    doc = extract_latex(src, "t.tex")
    s0, s1, s2 = doc.derivations[0].steps
    assert s0.lhs.span() == Span(3, 3, 3, 7)
    assert s0.rhs.span() == Span(3, 11, 3, 18)
    assert s1.rhs.span() == Span(4, 11, 4, 23)
    assert s2.rhs.span() == Span(5, 14, 5, 22)
    assert s2.relation_text == "\\leq"
    # every side is an exact-length slice of the source
    lines = src.split("\n")
    for step in (s0, s1, s2):
        for side in (step.lhs, step.rhs):
            line, col = side.line, side.column
            assert lines[line - 1][col - 1:col - 1 + len(side.text.split("\n")[0])] == side.text.split("\n")[0]


def test_multi_row_rhs_span_and_offsets():
    src = (
        "\\begin{align*}\n"              # 1
        "  E &= a + b \\\\\n"            # 2
        "    &\\quad - c\n"              # 3
        "    + d \\\\\n"                 # 4
        "    &= 0\n"                     # 5
        "\\end{align*}"
    )
    doc = extract_latex(src, "t.tex")
    first, second = doc.derivations[0].steps
    assert first.rhs.span() == Span(2, 8, 4, 8)
    assert second.lhs == first.rhs
    assert "\\\\" not in first.rhs.text and "&" not in first.rhs.text
    assert first.rhs.stripped == "a + b - c + d"  # leading \quad of a row is layout: blanked
    # position of 'c' in the rhs maps back to line 3
    off = first.rhs.text.index("c")
    assert first.rhs.position(off) == (3, 14)
    assert src.split("\n")[2][13] == "c"
    assert len(first.rhs.text) == len(src[src.index("a + b"):src.index("+ d") + 3])


def test_one_line_positions_with_comment_and_label():
    src = "x\n\\[ a = b \\label{x} % c = d\n = c \\]"
    doc = extract_latex(src, "t.tex")
    s0, s1 = doc.derivations[0].steps
    assert (s0.lhs.line, s0.lhs.column) == (2, 4)
    assert (s0.rhs.line, s0.rhs.column) == (2, 8)
    assert s1.rhs.span() == Span(3, 4, 3, 5)


def test_crlf_positions():
    src = "\\begin{align}\r\na &= b \\\\\r\n&= c\r\n\\end{align}\r\n"
    doc = extract_latex(src, "t.tex")
    s1 = doc.derivations[0].steps[1]
    assert s1.rhs.span() == Span(3, 4, 3, 5)
    assert doc.lines[2] == "&= c"


# ------------------------------------------------------------------------------------------ macros, directives


def test_macros_collected():
    src = r"""
    \newcommand{\R}{\mathbb{R}}
    \newcommand*{\norm}[1]{\left\| #1 \right\|}
    \renewcommand{\vec}[2][x]{\mathbf{#1}_{#2}}
    \providecommand\half{\frac{1}{2}}
    \newcommand{\nested}[1]{\frac{\sqrt{#1}}{\left\{ 2 \right\}}}
    \def\abs#1{\left|#1\right|}
    \def\inner#1#2{\langle #1, #2 \rangle}
    \DeclareMathOperator{\tr}{tr}
    \DeclareMathOperator*{\argmax}{arg\,max}
    \let\phi\varphi
    \begin{document} \[ \norm{x} = \abs{x} \] \end{document}
    """
    doc = extract_latex(src, "t.tex")
    macros = {m.name: m for m in doc.macros}
    assert macros[r"\R"] == Macro(r"\R", 0, r"\mathbb{R}")
    assert macros[r"\norm"] == Macro(r"\norm", 1, r"\left\| #1 \right\|")
    assert macros[r"\vec"] == Macro(r"\vec", 2, r"\mathbf{#1}_{#2}", "x")
    assert macros[r"\half"].body == r"\frac{1}{2}"
    assert macros[r"\nested"].body == r"\frac{\sqrt{#1}}{\left\{ 2 \right\}}"
    assert macros[r"\abs"] == Macro(r"\abs", 1, r"\left|#1\right|")
    assert macros[r"\inner"].nargs == 2
    assert macros[r"\tr"] == Macro(r"\tr", 0, "tr", None, True)
    assert macros[r"\argmax"] == Macro(r"\argmax", 0, r"arg\,max", None, True)
    assert r"\phi" not in macros
    assert chains(src) == [[(r"\norm{x}", "=", r"\abs{x}")]]


def test_renewcommand_later_wins_providecommand_does_not_override():
    doc = extract_latex(r"\newcommand{\a}{1}\renewcommand{\a}{2}\providecommand{\a}{3}", "t.tex")
    assert [(m.name, m.body) for m in doc.macros] == [(r"\a", "2")]


def test_commented_macro_ignored():
    doc = extract_latex("% \\newcommand{\\x}{1}\n\\newcommand{\\y}{2}", "t.tex")
    assert [m.name for m in doc.macros] == [r"\y"]


def test_directives():
    src = "% lintmath: assume x > 0\n\\[ a = b \\] % lintmath: ignore\n%lintmath:define f(x) = x^2\n% lintmath: ignore-file\n100\\% lintmath: no\n"
    doc = extract_latex(src, "t.tex")
    assert doc.directives == (
        Directive(1, "assume", "x > 0"),
        Directive(2, "ignore", ""),
        Directive(3, "define", "f(x) = x^2"),
        Directive(4, "ignore-file", ""),
    )
    assert chains(src) == [[("a", "=", "b")]]


def test_document_lines():
    doc = extract_latex("a\nb\n", "t.tex")
    assert doc.lines == ("a", "b") and doc.path == "t.tex"
    assert extract_latex("", "e.tex") == Document("e.tex", (), (), (), ())


# ------------------------------------------------------------------------------------------ beamer


def test_beamer_frame_with_pause():
    src = r"""\begin{frame}[fragile,label=expand]{Expanding a square}
    \begin{align*}
      (a+b)^2 &= (a+b)(a+b) \\ \pause
              &= a^2 + 2ab + b^2 \pause
    \end{align*}
    \end{frame}
    \begin{frame}
    \frametitle{Second}
    \only<2>{\[ x = y \]}
    \begin{align} \onslide<2-> a &= b \end{align}
    \end{frame}
    \[ c = d \]"""
    doc = extract_latex(src, "t.tex")
    assert [d.label for d in doc.derivations] == ["expand", "Second", "Second", None]
    assert chains(src)[0] == [("(a+b)^2", "=", "(a+b)(a+b)"), ("(a+b)(a+b)", "=", "a^2 + 2ab + b^2")]
    assert chains(src)[2] == [("a", "=", "b")]


# ------------------------------------------------------------------------------------------ robustness


@pytest.mark.parametrize(
    "source",
    [
        "{" * 10000 + r"\[ a = b \]",
        "}" * 10000 + r"\[ a = b \]",
        r"\begin{align} a &= b \\ &= c",
        r"\begin{align}" + "{" * 10000 + "=",
        r"\[ \mathrel{" * 3000 + "= \\]",
        r"\overset{" * 5000,
        r"\[ a = {{{{ b",
        r"\begin{equation}\begin{split} a &= b",
        "\\[ a = b \\\\",
        "$$ a = b",
        "$ a = b",
        r"\left", "\\", "%", r"\begin{", r"\newcommand", r"\newcommand{\x}[", r"\def\x", r"\def\x#1",
        r"\[ a = \not", r"\[ a \overset", r"\[ a = b \tag", r"\begin{array}", r"\[\begin{array}{rcl",
        r"\begin{frame}[label=", r"\input{", r"\begin{align}&&&\\\\\\&=\end{align}",
        "\x00\x01\ufffd",
    ],
)
def test_malformed_input_does_not_raise(source):
    doc = extract_latex(source, "t.tex")
    assert isinstance(doc, Document)
    assert_slices(source, doc)


def test_unclosed_environment_runs_to_end_of_file():
    assert chains("\\begin{align}\n a &= b \\\\\n &= c\n") == [CHAIN]


def test_large_input_is_fast():
    import time

    src = ("Text $x$ here. % c\n\\begin{align} a &= b + c \\\\ &= d \\end{align}\n") * 5000
    src += "x" * 5_000_000
    t = time.perf_counter()
    doc = extract_latex(src, "big.tex")
    assert len(doc.derivations) == 5000
    assert time.perf_counter() - t < 10


def test_resolve_input_hook():
    seen = []

    def resolve(name):
        seen.append(name)
        if name == "defs":
            return extract_latex(r"\newcommand{\defeq}{:=} \[ p = q \]", "defs.tex")
        if name == "missing":
            raise ExtractError("missing: No such file")
        return None

    doc = extract_latex(r"\[ a = b \] \input{defs} \include{missing} \input{other} \[ f \defeq 1 \]", "t.tex",
                        resolve_input=resolve)
    assert seen == ["defs", "missing", "other"]
    assert [(d.path, d.index) for d in doc.derivations] == [("t.tex", 0), ("defs.tex", 1), ("t.tex", 2)]
    assert doc.derivations[2].steps[0].relation == ":="


# ------------------------------------------------------------------------------------------ extract_path


def test_extract_path_tex(tmp_path):
    p = tmp_path / "a.tex"
    p.write_text("\\[ a = b \\]\n", encoding="utf-8")
    doc = extract_path(str(p))
    assert doc.path == str(p) and len(doc.derivations) == 1
    for suffix in (".ltx", ".latex", ".TEX"):
        q = tmp_path / ("b" + suffix)
        q.write_text("\\[ a = b \\]\n")
        assert len(extract_path(str(q)).derivations) == 1


def test_extract_path_empty_file(tmp_path):
    p = tmp_path / "e.tex"
    p.write_text("")
    assert extract_path(str(p)).derivations == ()


def test_extract_path_latin1_and_bom(tmp_path):
    p = tmp_path / "l.tex"
    p.write_bytes("% caf\xe9\n\\[ \xe9 = b \\]\n".encode("latin-1"))
    (step,) = extract_path(str(p)).derivations[0].steps
    assert step.lhs.text == "\xe9"
    q = tmp_path / "bom.tex"
    q.write_bytes(b"\xef\xbb\xbf\\[ a = b \\]")
    assert extract_path(str(q)).derivations[0].steps[0].lhs.column == 4


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: str(d / "nope.tex"), "No such file"),
        (lambda d: str(d), "directory"),
        (lambda d: (d / "bin.tex").write_bytes(b"\\[a=b\\]\x00\x01") and str(d / "bin.tex"), "binary file"),
        (lambda d: (d / "x.docx").write_text("x") and str(d / "x.docx"), "unsupported file type"),
        (lambda d: (d / "x.pdf").write_bytes(b"%PDF-1.4") and str(d / "x.pdf"), "unsupported file type"),
    ],
)
def test_extract_path_errors(tmp_path, make, message, monkeypatch):
    monkeypatch.setitem(EXTRACTORS, ".pdf", "lintmath.extract.no_such_module:extract_pdf")
    path = make(tmp_path)
    with pytest.raises(ExtractError) as info:
        extract_path(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_register(tmp_path, monkeypatch):
    monkeypatch.setattr("lintmath.extract.EXTRACTORS", dict(EXTRACTORS))
    register(".md", lambda path: Document(path, ()))
    p = tmp_path / "n.md"
    p.write_text("x")
    assert extract_path(str(p)) == Document(str(p), ())


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["\\[", "\\]", "$$", "$", "\\begin{align}", "\\end{align}", "\\begin{aligned}", "\\end{aligned}",
           "\\begin{pmatrix}", "\\end{pmatrix}", "&", "\\\\", "=", "\\leq", "{", "}", "(", ")", "x", "+", " ",
           "\n", "%", "\\label{a}", "\\text{ for }", "\\quad", "\\overset{(a)}{=}", "\\left(", "\\right.", ",",
           "\\newcommand{\\a}[1]{", "\\intertext{", "\\Rightarrow", "\\"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_fuzz_never_raises_and_slices_hold(pieces):
    source = "".join(pieces)
    assert_slices(source, extract_latex(source, "f.tex"))


@pytest.mark.parametrize("env", ["align*", "equation", "gather*", "multline*"])
def test_a_bracket_after_begin_opens_the_first_row(env):
    # align takes no optional argument: [A, B] is a commutator, the row's left side
    text = f"\\begin{{{env}}}\n[A, B] = AB - BA\n\\end{{{env}}}"
    assert chains(text) == [[("[A, B]", "=", "AB - BA")]]


def test_a_position_argument_is_still_skipped():
    text = "\\begin{equation}\\begin{aligned}[t] a &= b \\\\ &= c \\end{aligned}\\end{equation}"
    assert chains(text) == [CHAIN]
