"""How real document structures are read (round 15, second red team on extraction).

What TeX never typesets as math is not read: ``\\verb|..|`` (which may hold ``$$``) and the false
branch of ``\\iffalse .. \\else .. \\fi`` (a draft kept in the source). Beamer overlays that wrap
a whole row (``\\uncover<3->{&= c \\\\}``) are unwrapped so the row is the display's own, while
versions of one side shown on different slides (``\\alt<2>{a}{b}``, ``\\only<1>{a}\\only<2>{b}``)
are not read. An environment defined as a bare display (``\\newenvironment{calc}{\\begin{align*}}
{\\end{align*}}``) is read as that display. Correct derivations give no finding and a slip is
found on its own line.
"""
from test_extract_latex import chains
from test_extraction_round15 import check, doc, findings

from lintmath.extract.latex import blank_unread, display_aliases

# ------------------------------------------------------------------------------------------ not typeset

def test_iffalse_branch_is_not_read():
    src = "\\iffalse\n$$ 1 = 2 $$\n\\ifx\\a\\b \\fi\n\\fi\n$$ 5 + 1 = 6 $$"
    assert chains(src) == [[("5 + 1", "=", "6")]]
    # the \else branch is typeset; \iff is a symbol, not a conditional
    src = "\\iffalse $$ 3 = 4 $$ \\else $$ b = c $$ \\fi"
    assert chains(src) == [[("b", "=", "c")]]
    src = "\\iffalse $$ p \\iff 1 = 2 $$ \\fi $$ b = c $$"
    assert chains(src) == [[("b", "=", "c")]]


def test_blank_unread_keeps_offsets():
    text = "a \\verb|$$| b\n\\iffalse x\ny \\fi z"
    out = blank_unread(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.split() == ["a", "b", "z"]


def test_verb_with_dollars_does_not_open_a_display():
    src = "Type \\verb|$$| or \\verb!\\[! here.\n\\begin{align*} 3 + 4 &= 7 \\end{align*}"
    assert chains(src) == [[("3 + 4", "=", "7")]]


def test_drafts_and_code_give_no_finding(tmp_path):
    src = doc(r"""
\iffalse
\begin{align*} (a+1)^2 &= a^2 + 1 \end{align*}
\fi
\verb|$$ 2 = 3 $$|
\begin{comment}
\[ 4 = 5 \]
\end{comment}
\begin{lstlisting}
$$ 6 = 7 $$
\end{lstlisting}
\[ (a+1)^2 = a^2 + 2a + 1 \]""")
    data = check(tmp_path, src)
    assert findings(data) == []
    assert [s["status"] for s in data["steps"]] == ["verified"]


# ------------------------------------------------------------------------------------------ beamer overlays

def test_overlay_wrapping_a_row_is_unwrapped():
    src = r"""\begin{align*}
(u+v)^2 &= u^2 + 2uv + v^2 \\
\uncover<3->{&= u^2 + v^2 + 2uv \\}
\onslide<4->{&= (v+u)^2}
\end{align*}"""
    assert chains(src) == [[("(u+v)^2", "=", "u^2 + 2uv + v^2"), ("u^2 + 2uv + v^2", "=", "u^2 + v^2 + 2uv"),
                            ("u^2 + v^2 + 2uv", "=", "(v+u)^2")]]
    # a script keeps its braces
    assert chains(r"\begin{align*} x^\only<2>{ab} &= c \end{align*}") == [[("x^ {ab}", "=", "c")]]


def test_alternative_versions_are_not_read():
    assert chains(r"\begin{align*} q &= \alt<2>{r + 1}{s} \end{align*}")[0][0][2].startswith("\\alt")
    got = chains(r"\begin{align*} q &= \only<1>{r + 1}\only<2>{s} \end{align*}")
    assert all("\\only" in rhs for ((_l, _r, rhs),) in got)


def test_overlays_give_no_finding_and_a_slip_is_found(tmp_path):
    good = doc(r"""
\begin{frame}
\begin{align*}
(w+1)^2 &= \alt<2>{w^2 + 2w + 1}{(w+1)(w+1)} \\
&= w^2 + 2w + 1 \pause \\
\only<3>{&= w(w+2) + 1}
\end{align*}
\end{frame}""")
    data = check(tmp_path, good)
    assert findings(data) == []
    assert data["steps"][-1]["status"] == "verified"
    bad = doc(r"""
\begin{frame}
\begin{align*}
(w+1)^2 &= w^2 + 2w + 1 \\
\visible<2->{&= w(w+2) + 2}
\end{align*}
\end{frame}""")
    assert findings(check(tmp_path, bad)) == [(6, "LM108")]


# ------------------------------------------------------------------------------------------ wrapper environments

def test_display_aliases():
    clean = (r"\newenvironment{calc}{\begin{align*}}{\end{align*}}"
             r"\newenvironment{titled}[1]{\textbf{#1}\begin{align*}}{\end{align*}}"
             r"\newenvironment{partial}{\begin{align*} 1 &= }{\end{align*}}"
             r"\renewenvironment{eqn}{\begin{equation}}{\end{equation}\par}")
    assert display_aliases(clean) == {"calc": "align*", "eqn": "equation"}


def test_wrapper_environment_is_read_as_its_display(tmp_path):
    src = doc(r"""
\newenvironment{calc}{\begin{align*}}{\end{align*}}
\begin{calc}
(t+2)^2 &= t^2 + 4t + 4 \\
&= t(t+4) + 4 \\
&= t(t+4) + 3
\end{calc}""")
    data = check(tmp_path, src)
    assert [s["status"] for s in data["steps"]][:2] == ["verified", "verified"]
    assert findings(data) == [(7, "LM108")]
