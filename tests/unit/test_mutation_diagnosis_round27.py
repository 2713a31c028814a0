"""Mutation diagnosis, round 27: a slip refuted in a reading that rewrites the text (a divergence or an
expectation written out as its sum) is diagnosed on the author's own text, where the edit falls on
text the writing copied; a letter another line of the chain primes is no constant that excuses a
slip; a number's neighbours are tried where its solved value was misled by the reading it was solved
in; and the terms a line kept from the line before are told apart in the model of expectations too.
The correct steps still verify, and the steps each guard is there for stay unverified."""
from __future__ import annotations

import pytest

from documents import checked_steps
from lintmath.check import check_step
from lintmath.diagnose.edits import carried_edit, carried_span
from lintmath.model import Status

R, V, U = Status.REFUTED, Status.VERIFIED, Status.UNVERIFIED


def _squash(text: str) -> str:
    return "".join(text.split())


# -- the edit of a text written out, carried back to the text as written

def test_edit_on_copied_text_is_carried_back():
    source = r"5\mathbb{E}_{r}[\cos s(Z)]"
    written = r"5\left(\sum_{z} r(z) \left(\cos s(z)\right)\right)"
    suggestion = r"\left(\sum_{z} r(z) \left(\cos s(z)\right)\right)"
    text, span = carried_edit(written, suggestion, source)
    assert text == r"\mathbb{E}_{r}[\cos s(Z)]" and span == (0, 1)


def test_renamed_letter_is_renamed_back():
    source = r"\mathbb{E}_{r}[\frac{s(Z)}{r(Z)}]"
    written = r"\left(\sum_{z} r(z) \left(\frac { s ( z ) } { r ( z ) }\right)\right)"
    suggestion = r"\left(\sum_{z} r(z) \left(\frac { r ( z ) } { s ( z ) }\right)\right)"
    text, _ = carried_edit(written, suggestion, source)
    assert text == r"\mathbb{E}_{r}[\frac{r(Z)}{s(Z)}]"


def test_edit_of_written_out_text_is_not_carried():
    source = r"\mathbb{E}_{r}[\cos s(Z)]"
    written = r"\left(\sum_{z} r(z) \left(\cos s(z)\right)\right)"
    # the weight r(z) exists only in the writing
    assert carried_edit(written, r"\left(\sum_{z} 2r(z) \left(\cos s(z)\right)\right)", source) is None
    assert carried_span(written, source, written.index("r(z)"), written.index("r(z)") + 4) is None


# -- divergences against expectations: the plain reading cannot decide, the written one explains

KL = r"D_{KL}(p\|q)"
SUM = r"\mathbb{E}_{p}\left[\log\frac{p(X)}{q(X)}\right]"


@pytest.mark.parametrize("rhs,kind", [
    (r"3\mathbb{E}_{p}\left[\log\frac{p(X)}{q(X)}\right]", "constant_factor"),
    (r"-\mathbb{E}_{p}\left[\log\frac{p(X)}{q(X)}\right]", "sign_flip"),
    (r"\mathbb{E}_{p}\left[\exp\frac{p(X)}{q(X)}\right]", "wrong_function"),
])
def test_divergence_slips_are_diagnosed_on_the_text(rhs, kind):
    verdict = check_step(KL, rhs, "=")
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    assert _squash(verdict.diagnosis.suggestion) == _squash(SUM)
    # the term named is the author's, not the sum it was written out as
    assert "\\sum" not in verdict.diagnosis.term and "\\sum" not in verdict.diagnosis.detail


def test_divergence_correct_step_verifies():
    assert check_step(KL, SUM, "=").status is V


# -- primes: a letter the chain primes elsewhere is a function there

def _chain(*lines: str) -> str:
    body = " \\\\\n".join([f"{lines[0]} &= {lines[1]}"] + [f"&= {line}" for line in lines[2:]])
    return f"\\begin{{align*}}\n{body}\n\\end{{align*}}\n"


def test_group_letters_primed_elsewhere_are_no_constants():
    doc = _chain("(uvw)'", "-[(uv)w]'", "(uv)'w+w'uv", "(u'v+v'u)w+w'uv")
    first = checked_steps(doc)[0]
    assert first.verdict.status is R, first.verdict.reason
    assert first.verdict.diagnosis is not None and first.verdict.diagnosis.kind == "sign_flip"
    assert _squash(first.verdict.diagnosis.suggestion) == "[(uv)w]'"


def test_group_chain_correct_steps_verify():
    doc = _chain("(uvw)'", "[(uv)w]'", "(uv)'w+w'uv", "(u'v+v'u)w+w'uv")
    assert [s.verdict.status for s in checked_steps(doc)] == [V, V, V]


@pytest.mark.parametrize("lhs,rhs", [
    ("(cf)'", "cf'"),  # c never primed: a constant, as the prose would say
    ("(mv)'", "0"),  # a conservation law, not a slip
])
def test_constants_reading_still_excuses(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


# -- a solved value misled by the reading it was solved in

def test_neighbour_tried_after_misled_solve():
    lhs = r"\exp\left(-\frac{1}{2\tau^{2}}(u-Av)^{T}(u-Av)\right)\exp\left(-\frac{1}{2}v^{T}Bv\right)"
    right = r"\exp\left(-\frac{1}{2}\left[\frac{1}{\tau^{2}}(u-Av)^{T}(u-Av)+v^{T}Bv\right]\right)"
    verdict = check_step(lhs, right.replace(r"\frac{1}{2}\left[", r"\frac{1}{4}\left["), "=")
    assert verdict.status is R
    # not the unreduced 2/4: the 4 is the digit that slipped
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "arithmetic"
    assert _squash(verdict.diagnosis.suggestion) == _squash(right)
    assert check_step(lhs, right, "=").status is V


# -- kept terms in the model of expectations

TOWER = r"\mathbb{E}[\mathbb{E}[B\mid A]\mid A]-\mathbb{E}[B\mid A]"


def test_kept_term_is_not_the_one_flipped():
    verdict = check_step(TOWER, r"\mathbb{E}[B\mid A]+\mathbb{E}[B\mid A]", "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"
    assert _squash(verdict.diagnosis.suggestion) == _squash(r"\mathbb{E}[B\mid A]-\mathbb{E}[B\mid A]")


def test_kept_term_correct_step_verifies():
    assert check_step(TOWER, r"\mathbb{E}[B\mid A]-\mathbb{E}[B\mid A]", "=").status is V
