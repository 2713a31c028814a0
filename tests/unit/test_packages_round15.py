"""Commands of common math packages (physics, mathtools, commath, esdiff) and more macro-definition forms."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.extract.latex import extract_latex, find_macros, find_packages
from lintmath.parse.tokens import macro_table


def _status(lhs: str, rhs: str, macros=None) -> str:
    return check_step(lhs, rhs, "=", macros=macros).status.value


@pytest.mark.parametrize("lhs, rhs", [
    (r"\dv{x}\qty(x^4 - x)", r"4x^3 - 1"),
    (r"\dv{(x^4)}{x}", r"4x^3"),
    (r"\dv[2]{(x^4)}{x}", r"12x^2"),
    (r"\pdv{(x^3 y^2)}{y}", r"2x^3 y"),
    (r"\pdv{(x^3 y^2)}{x}{y}", r"6x^2 y"),
    (r"\int_0^3 x \dd{x}", r"\frac{9}{2}"),
    (r"\eval{x^3}_1^2", r"7"),
    (r"\qty[\qty(x-1)+1]^2", r"x^2"),
    (r"\qty|-4|", r"4"),
    (r"\abs*{-7}", r"7"),
    (r"\det\pmqty{2 & 1 \\ 1 & 1}", r"1"),
])
def test_physics_commands_verify(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\dv{x}\qty(x^4)", r"4x^4"),
    (r"\dv[2]{(x^4)}{x}", r"4x^3"),
    (r"\eval{x^3}_1^2", r"8"),
])
def test_physics_slips_refuted(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # siunitx's quantity, not physics braces: 2 m beside a bare number (verified when the numbers agree,
    # see test_units_round16.py), never refuted
    (r"\qty{2}{\metre}", r"3"),
    (r"\pdv{(x y)}{x,y}", r"1"),              # several variables in one group: package-dependent
    (r"\pdv[2]{(x y)}{x}{y}", r"1"),
    (r"\eval(x^2)|_0^1", r"1"),
])
def test_unclear_forms_stay_unverified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


def test_div_is_divergence_only_with_physics() -> None:
    plain = "\\begin{align*} 6 \\div 3 &= 2 \\end{align*}"
    physics = "\\usepackage{physics}\n\\begin{align*} \\div{\\vb{F}} &= 2 \\end{align*}"
    assert find_packages(physics) == ("physics",)
    assert _status("6 \\div 3", "2", macro_table(extract_latex(plain, "a.tex").macros)) == "verified"
    table = macro_table(extract_latex(physics, "b.tex").macros)
    assert table["\\div"].body == "\\nabla\\cdot"
    assert _status("\\div{\\vb{F}}", "2", table) != "refuted"


def test_commath_and_esdiff_names_with_their_package() -> None:
    commath = macro_table(extract_latex("\\usepackage{commath}", "c.tex").macros)
    assert _status(r"\od[2]{}{x}\left(x^3\right)", "6x", commath) == "verified"
    assert _status(r"\int_0^1 2x \dif x", "1", commath) == "verified"
    esdiff = macro_table(extract_latex("\\usepackage{amsmath,esdiff}", "e.tex").macros)
    assert _status(r"\diffp{(x^2 y)}{y}", "x^2", esdiff) == "verified"
    assert _status(r"\diff*{f}{x}{0}", "1", esdiff) == "unverified"  # esdiff's star: evaluated at a point


def test_paired_delimiters_and_xparse() -> None:
    text = "\n".join([
        r"\DeclarePairedDelimiter\abs{\lvert}{\rvert}",
        r"\DeclarePairedDelimiter{\floor}{\lfloor}{\rfloor}",
        r"\NewDocumentCommand{\pw}{O{2} m}{#2^{#1}}",
        r"\NewDocumentCommand{\both}{s m}{#2}",
    ])
    table = macro_table(find_macros(text))
    assert "\\both" not in table  # a star argument the body may test: not read
    assert _status(r"\abs*{-2} + \abs[\big]{3}", "5", table) == "verified"
    assert _status(r"\floor{2.5}", "2", table) == "verified"
    assert _status(r"\pw{3} + \pw[3]{2}", "17", table) == "verified"
    assert _status(r"\pw{3}", "27", table) == "refuted"


def test_user_definition_wins_over_package_reading() -> None:
    table = macro_table(find_macros(r"\newcommand{\dv}[2]{#1 + #2}"))
    assert _status(r"\dv{1}{2}", "3", table) == "verified"
