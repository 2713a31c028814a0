"""Round 13 battery (other authors' lecture styles): a mixing weight called \\pi under a logarithm,
table macros (\\bmat{1 & 2 \\\\ 3 & 4}), a differential written by a macro (\\dx), iterated integrals."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import expand_macros, tokenize

V, R, U = "verified", "refuted", "unverified"

BMAT = {"\\bmat": Macro("\\bmat", 1, "\\begin{bmatrix}#1\\end{bmatrix}")}
DX = {"\\dx": Macro("\\dx", 0, "\\,dx"), "\\diff": Macro("\\diff", 0, "\\mathop{}\\!\\mathrm{d}")}


def status(lhs: str, rhs: str, macros=None) -> str:
    return check_step(lhs, rhs, "=", macros=macros, explain=False).status.value


@pytest.mark.parametrize("lhs, rhs, expected", [
    # \pi as a weight: the real reading is undefined (ln(1 - pi)), never a complex refutation
    (r"(1-\pi)\ln\frac{b}{1-\pi}", r"(1-\pi)\ln b - (1-\pi)\ln(1-\pi)", U),
    (r"\pi\ln\frac{a}{\pi} + (1-\pi)\ln\frac{b}{1-\pi}",
     r"\pi\ln a + (1-\pi)\ln b - \pi\ln\pi - (1-\pi)\ln(1-\pi)", U),
    (r"\ln\frac{b}{1-\pi}", r"\ln b + \ln(1-\pi)", U),  # wrong, but only where the reading is undefined
    # the imaginary unit written: complex values are the step's own
    (r"e^{i\theta}", r"\cos\theta + i\sin\theta", V),
    (r"e^{i\theta}", r"\cos\theta - i\sin\theta", R),
    (r"e^{j\omega t}", r"\cos\omega t + j\sin\omega t", V),
    (r"e^{j\omega t}", r"\cos\omega t - j\sin\omega t", R),
    (r"\left|\frac{1+i}{2}\right|^2", r"\frac12", V),
    (r"\left|a+ib\right|^2", r"a^2+b^2", V),
    (r"e^{i\phi}\,e^{i\phi}", r"e^{2i\phi}", V),
    (r"e^{i\phi}\,e^{i\phi}", r"e^{3i\phi}", R),
    # a real logarithm as before
    (r"\ln\frac{b}{1-p}", r"\ln b - \ln(1-p)", V),
    (r"\ln\frac{b}{1-p}", r"\ln b + \ln(1-p)", R),
])
def test_imaginary_only_where_written(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\bmat{1 & 2 \\ 3 & 4}\bmat{5 \\ 6}", r"\bmat{17 \\ 39}", V),
    (r"\bmat{1 & 2 \\ 3 & 4}\bmat{5 \\ 6}", r"\bmat{17 \\ 38}", R),
    (r"\bmat{0 & -1 \\ 1 & 0}^2", r"-I", V),
    (r"\bmat{a & b \\ c & d}\bmat{x \\ y}", r"x\bmat{a \\ c} + y\bmat{b \\ d}", V),
    (r"\bmat{a & b \\ c & d}\bmat{x \\ y}", r"x\bmat{a \\ c} + y\bmat{d \\ b}", R),
])
def test_table_macro(lhs, rhs, expected):
    assert status(lhs, rhs, BMAT) == expected


def test_table_argument_goes_in_bare_and_others_grouped():
    sq = {"\\sq": Macro("\\sq", 1, "#1^2")}
    texts = [t.text for t in expand_macros(tokenize(r"\bmat{1 & 2}"), BMAT)]
    assert texts[texts.index("}") + 1:texts.index("\\end")] == ["1", "&", "2"]  # no group of its own
    assert [t.text for t in expand_macros(tokenize(r"\sq{a+b}"), sq)] == ["{", "a", "+", "b", "}", "^", "2"]
    # cells inside a group of the argument's own keep that group
    texts = [t.text for t in expand_macros(tokenize(r"\sq{\begin{pmatrix}1 & 2\end{pmatrix}}"), sq)]
    assert texts[0] == "{" and texts[-3:] == ["}", "^", "2"]


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\int x e^{x}\dx", r"x e^x - \int e^x\dx", V),
    (r"\int x e^{x}\dx", r"(x-1)e^x", V),
    (r"\int x e^{x}\dx", r"(x+1)e^x", R),
    (r"\int_0^1 x e^{x}\dx", r"1", V),
    (r"\int_0^1 \frac{2x}{1+x^2}\diff x", r"\ln 2", V),
])
def test_differential_from_a_macro(lhs, rhs, expected):
    assert status(lhs, rhs, DX) == expected


def test_typed_word_before_d_is_still_no_differential():
    # "and x": d glued to the letter before it as typed is a word, not a differential
    with pytest.raises(Exception):
        parse_math(r"\int f and x")


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\int_0^1\int_0^1 xy\,dx\,dy", r"\frac14", V),
    (r"\int_0^1\int_0^2 xy\,dx\,dy", r"1", V),
    (r"\int_0^{2\pi}\!\!\int_0^R r\,dr\,d\theta", r"\pi R^2", V),
    (r"\int_0^{2\pi}\int_0^R r\,dr\,d\theta", r"2\pi\cdot\frac{R^2}{2}", V),
    (r"\int_0^{1}\int_0^x y\,dy\,dx", r"\frac16", V),
    (r"\int_0^{2\pi}\int_0^R r\,dr\,d\theta", r"2\pi R^2", U + "|" + R),
    (r"\int_0^{1}\int_0^x y\,dy\,dx", r"\frac13", U + "|" + R),
    (r"\int_0^1\int_0^1 (x+y)\,dx\,dx", r"1", U),  # twice over one variable: not read
    (r"\int_0^1\int_0^1 xy\,dx", r"\frac14", U),  # no outer differential
])
def test_iterated_integrals(lhs, rhs, expected):
    assert status(lhs, rhs) in expected.split("|")


def test_iterated_integral_nests_innermost_differential_first():
    tree = parse_math(r"\int_0^{2\pi}\int_0^R r\,dr\,d\theta")
    assert tree.var.base == "\\theta" and tree.body.var.base == "r"
