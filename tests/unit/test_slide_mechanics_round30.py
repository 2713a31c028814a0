"""Slide and layout commands inside derivations (beamer frames, course notes, Markdown): what the
author says a term is (\\cancelto), what several slides show in one place (\\alt, \\only), boxes and
highlights round a term (\\fbox{$..$}, \\colorbox, \\hl, \\tikzmark), remarks set under a term or
overlapping it (\\underset{\\text{..}}{..}, \\mathrlap{\\quad\\text{..}}), and the layout of rows
(an empty group before an operator, a bracket continued with \\left., \\hspace before the relation,
\\therefore opening the first row)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _frame(*rows: str) -> str:
    return "\\begin{frame}{Step by step}\n" + _align(*rows) + "\\end{frame}\n"


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _only(body: str) -> str:
    steps = checked_steps(body)
    assert len(steps) == 1, [f"{s.step.lhs.stripped} = {s.step.rhs.stripped}" for s in steps]
    return steps[0].verdict.status.value


# ------------------------------------------------------------------ \cancelto: the author's value

def test_a_term_cancelled_to_zero_then_left_out_is_no_dropped_term() -> None:
    body = _align(r"\frac{d}{dt}\left(q r^2\right) &= 2 q r \dot r + \cancelto{0}{r^2 \dot q}", r"&= 2 q r \dot r")
    assert set(_statuses(body).values()) == {"verified"}


def test_a_term_cancelled_to_zero_is_still_the_term_the_line_above_had() -> None:
    body = _align(r"u v' + u' v &= u v' + \cancelto{0}{u' v}")
    assert _only(body) == "verified"


@pytest.mark.parametrize("rhs", [r"2a", r"a + b + 1"])
def test_a_slip_beside_a_cancelled_term_is_still_refuted(rhs: str) -> None:
    assert _only(_align(rf"a + \cancelto{{0}}{{b}} &= {rhs}")) == "refuted"


def test_cancelled_factors_keep_their_content() -> None:
    body = _align(r"\frac{x\cancel{(x+1)}}{\cancel{(x+1)}(x-1)} &= \frac{x}{x-1}",
                  r"\frac{3 \bcancel{a} b^2}{6 \bcancel{a} b} &= \frac{b}{3}")
    assert list(_statuses(body).values()) == ["verified", "refuted"]


# ------------------------------------------------------------------ versions on different slides

def test_two_versions_that_differ_only_in_highlight_are_read() -> None:
    assert _only(_frame(r"(x-1)(x+1) &= \alt<2>{\alert{x^2 - 1}}{x^2 - 1}")) == "verified"
    assert _only(_frame(r"\frac{x^2 + x}{x} &= \only<1>{x + 1}\only<2->{\textcolor{red}{x + 1}}")) == "verified"


def test_a_slip_in_both_versions_is_refuted() -> None:
    assert _only(_frame(r"(x-1)(x+1) &= \alt<2>{\alert{x^2 + 1}}{x^2 + 1}")) == "refuted"


@pytest.mark.parametrize("rhs", [r"\alt<1>{x^2 - 2x + 1}{x^2 - 1}", r"\only<1>{x^2 + 1}\only<2->{x^2 - 1}"])
def test_versions_that_differ_are_left_unread(rhs: str) -> None:
    # the first version may be a wrong try the next slide corrects: neither is claimed
    assert _only(_frame(rf"(x-1)(x+1) &= {rhs}")) == "unverified"


def test_a_row_uncovered_later_still_belongs_to_the_chain() -> None:
    body = _frame(r"\int_0^2 x^2\,dx &= \left[\frac{x^3}{3}\right]_0^2", r"\uncover<2->{&= \frac{8}{3}}",
                  r"\uncover<3->{&= 3}")
    assert list(_statuses(body).values()) == ["verified", "verified", "refuted"]


# ------------------------------------------------------------------ boxes, highlights and marks

@pytest.mark.parametrize("box", [r"\fbox{$10$}", r"\colorbox{yellow}{$10$}", r"\fcolorbox{red}{white}{$10$}",
                                 r"\hl{10}", r"\tikzmarknode{res}{10}", r"\boxed{10}"])
def test_a_box_round_a_result_is_its_content(box: str) -> None:
    assert _only(_align(rf"\frac{{5!}}{{2!\,3!}} &= {box}")) == "verified"
    assert _only(_align(rf"\frac{{5!}}{{2!\,3!}} &= {box.replace('10', '12')}")) == "refuted"


def test_tikz_marks_are_no_factors() -> None:
    body = _align(r"\tikzmark{a} e^{x \ln 2} &= 2^x \tikzmark{b}", r"&= \tikzmark{c}\exp(x\ln 2)")
    assert set(_statuses(body).values()) == {"verified"}


def test_a_remark_set_under_a_term_is_the_term() -> None:
    assert _only(_align(r"\underset{\text{expand}}{(x+3)(x-3)} &= x^2 - 9")) == "verified"
    assert _only(_align(r"\overset{\text{expand}}{(x+3)(x-3)} &= x^2 - 6")) == "refuted"
    # an operator's script is math, not a remark: not read as before
    assert _only(_align(r"\underset{x\to 0}{\lim} \frac{\sin x}{x} &= 1")) == "unverified"


def test_overlapping_boxes_hold_a_term_or_a_remark() -> None:
    body = _align(r"x^4 - 1 &= (x^2-1)(x^2+1) \mathrlap{\quad\text{difference of squares}}",
                  r"&= (x-1)(x+1)(x^2+1)")
    assert set(_statuses(body).values()) == {"verified"}
    assert _only(_align(r"\sum_{\mathclap{1\le i\le n}} 2 &= 2n")) == "verified"
    assert _only(_align(r"\sum_{\mathclap{1\le i\le n}} 2 &= n")) == "refuted"


# ------------------------------------------------------------------ the layout of rows

def test_an_empty_group_before_an_operator_is_spacing() -> None:
    body = _align(r"g(x) &= x^2 + 2x + 1", r"&\quad {}- 2x + 3", r"&= x^2 + 4")
    assert list(_statuses(body).values()) == ["skipped", "verified"]
    body = _align(r"x^2 + 2x + 1 &= (x + 1)^2 {}- 2x", r"&= x^2 + 1")
    assert list(_statuses(body).values()) == ["refuted", "verified"]


@pytest.mark.parametrize("lhs, status", [(r"\frac{}{2}", "unverified"), (r"{}_4C_2", "verified")])
def test_an_empty_group_that_is_an_argument_or_a_base_is_not_dropped(lhs: str, status: str) -> None:
    assert _only(_align(rf"{lhs} &= 6")) == status


def test_a_bracket_continued_on_the_next_row_is_one_side() -> None:
    body = _align(r"\left(\sum_{i=1}^n x_i \right.", r"\left.\vphantom{\sum} + x_{n+1}\right)^2 &= "
                  r"\left(\sum_{i=1}^{n+1} x_i\right)^2")
    assert _only(body) == "verified"
    body = _align(r"\left(x^2 - 2x \right.", r"\left. {} + 1 \right)^2 &= (x+1)^4")
    assert _only(body) == "refuted"


def test_a_space_before_the_relation_is_no_left_side() -> None:
    body = _align(r"(x-2)(x+5) &= x^2 + 3x - 10", r"&\hspace{-1cm}= x^2 + 3x - 9")
    assert list(_statuses(body).values()) == ["verified", "refuted"]


@pytest.mark.parametrize("lead", [r"\therefore\ ", r"\because\quad", r"\text{hence}\quad"])
def test_a_connective_opening_the_first_row_is_prose(lead: str) -> None:
    assert _only(_align(rf"{lead} e^{{2\ln 5}} &= 25")) == "verified"
    assert _only(_align(rf"{lead} e^{{2\ln 5}} &= 10")) == "refuted"


def test_a_declared_blackboard_operator_is_the_letter() -> None:
    doc = ("\\documentclass{article}\n\\DeclareMathOperator{\\E}{\\mathbb{E}}\n\\begin{document}\n"
           + _align(r"\E\left[(aX + b - a\mu - b)^2\right] &= a^2 \E\left[(X-\mu)^2\right]",
                    r"&= a \E\left[(X-\mu)^2\right]") + "\\end{document}\n")
    steps = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0].steps
    assert [s.verdict.status.value for s in steps] == ["verified", "refuted"]


def test_markdown_colours_keep_their_content() -> None:
    doc = ("Notes\n\n$$\n\\begin{aligned}\n(x+1)^2 &= x^2 + 2x + 1 \\\\\n&= \\color{red}{x^2 + 1} + "
           "\\color{blue}{2x} \\\\\n&= \\color{red}{x^2 + 1} + \\color{blue}{x}\n\\end{aligned}\n$$\n")
    steps = check_documents([extract_text(doc, "t.md")], ["t.md"], Config(jobs=0, budget=2.0, seed=0))[0].steps
    assert [s.verdict.status.value for s in steps] == ["verified", "verified", "refuted"]


def test_a_boxed_statement_is_the_rows_own_equation() -> None:
    body = _align(r"3x - 7 &= 11", r"\Rightarrow\quad 3x &= 18", r"\Rightarrow\quad \boxed{x = 5}")
    steps = checked_steps(body)
    assert any(s.verdict.status.value == "refuted" and s.step.rhs.stripped == "x = 5" for s in steps)
    assert _only("\\[ \\boxed{(a+b)^2 = a^2 + 2ab + b^2} \\]\n") == "verified"
    assert _only("\\[ \\boxed{(a+b)^2 = a^2 + ab + b^2} \\]\n") == "refuted"
    # a boxed term is no statement: the box stays round it
    assert _only(_align(r"\int_0^{\pi} \sin x\,dx &= \boxed{2}")) == "verified"


def test_a_row_break_an_overlay_uncovers_after_a_term_goes_on_with_the_chain() -> None:
    # the group before \only is the last term of the row above, not another version of the slide
    rows = "\\frac{{1}}{{x^2-1}} &= \\frac{{1}}{{(x-1)(x+1)}} \\only<2->{{\\\\\n&= \\frac{{1}}{{2}}\\left(\\frac{{1}}{{x-1}} {} \\frac{{1}}{{x+1}}\\right)}}"
    assert list(_statuses(_frame(rows.format("-"))).values()) == ["verified", "verified"]
    assert list(_statuses(_frame(rows.format("+"))).values()) == ["verified", "refuted"]
