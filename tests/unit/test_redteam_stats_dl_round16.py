"""Red team of round 16 on statistics notebooks and deep-learning slides: correct steps that were
refuted (X'X with a prime for the transpose, as econometrics courses write it; 1.2\\text{M} with a
magnitude word on a number; 0.25 \\times 100 = 25\\% with % as a label; tau_n replaced by its value
from the line before), and slips beside them that must stay refuted."""
from __future__ import annotations

import pytest

from lintmath import pipeline
from lintmath.check import check_step
from lintmath.config import Config

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str, first: bool = False) -> str:
    return check_step(lhs, rhs, "=", first=first).status.value


# a prime before another factor is a transpose: a'Mb = b'M'a is a scalar's transpose
@pytest.mark.parametrize("lhs, rhs", [
    (r"u'u - u'Aw - w'A'u + w'A'Aw", r"u'u - 2w'A'u + w'A'Aw"),
    (r"\mathbf{z}'\mathbf{z} - \mathbf{z}'B\mathbf{c} - \mathbf{c}'B'\mathbf{z}",
     r"\mathbf{z}'\mathbf{z} - 2\mathbf{c}'B'\mathbf{z}"),
])
def test_prime_as_transpose_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) != R


@pytest.mark.parametrize("lhs, rhs", [
    (r"u'u - u'Aw - w'A'u + w'A'Aw", r"u'u - 3w'A'u + w'A'Aw"),  # a factor
    (r"u'u - u'Aw - w'A'u + w'A'Aw", r"u'u + 2w'A'u + w'A'Aw"),  # a sign
    (r"u'Aw + u'Aw + u'u", r"3u'Aw + u'u"),  # a factor, wrong in either reading
])
def test_prime_slips_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


def test_prime_derivatives_keep_their_reading():
    assert status(r"\frac{d}{dx}\left(x^3\right)", r"3x^2") == V


# a word right after a number is its unit or magnitude (million, giga-), not a note to cut
@pytest.mark.parametrize("lhs, rhs", [
    (r"3072 \times 1000", r"3.072\text{M}"),
    (r"1.5\times 10^{9}\ \text{ops}", r"1.5\ \text{Gops}"),
    (r"40\text{B}", r"40\times 10^9"),
    (r"2\times 24\text{k}", r"48\,000"),
])
def test_magnitude_words_are_not_cut(lhs, rhs):
    assert status(lhs, rhs) != R


def test_notes_after_numbers_are_still_cut():
    assert status(r"3\times 7", r"21 \text{ by the table}") == V
    assert status(r"3\times 7", r"22 \text{ by the table}") == R


# x \times 100 = y\%: the percentage as a label on the number already multiplied
@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{9}{36}\times 100", r"25\%"),
    (r"0.0731 \times 100", r"7.31\%"),
    (r"100\cdot\frac{3}{8}", r"37.5\%"),
])
def test_percent_after_times_hundred_is_not_refuted(lhs, rhs):
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{9}{36}\times 100", r"35\%"),
    (r"0.0731 \times 100", r"73.1\%"),
])
def test_percent_slips_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


def test_percent_as_factor_still_verifies():
    assert status(r"\frac{9}{36}", r"25\%") == V


# s_n^2 (a posterior variance after n observations) replaced by its value from the line before
def test_indexed_quantity_substituted_is_not_refuted():
    assert status(r"s_n^2\left(\frac{m}{s^2}+\frac{n\bar y}{v^2}\right)",
                  r"\frac{v^2 m + n s^2\bar y}{v^2+n s^2}") == U


def test_indexed_quantity_kept_still_refutes_a_slip():
    assert status(r"a_n^2\left(\frac{b}{a^2}+\frac{n}{c^2}\right)", r"a_n^2\frac{b c^2 - n a^2}{a^2 c^2}") == R
    assert status(r"a_n^2\left(\frac{b}{a^2}+\frac{n}{c^2}\right)", r"a_n^2\frac{b c^2 + n a^2}{a^2 c^2}") == V


# a condition stated after the step (if all p_i = p) is a substitution the check does not make
@pytest.mark.parametrize("rhs", [
    r"m\log q \quad\text{if all } q_j = q",
    r"m\log q, \quad q_j = q",
    r"m\log q \qquad (q_j = q)",
])
def test_condition_after_the_step_is_not_refuted(rhs):
    assert status(r"\sum_{j=1}^m\log q_j", rhs) == U


def test_step_without_condition_still_refutes():
    assert status(r"2\cdot 3 + 1", r"8") == R
    assert status(r"2\cdot 3 + 1", r"8 \quad\text{for } m = 1") == R  # a condition on other letters


def _statuses(tmp_path, body: str) -> list[str]:
    source = tmp_path / "slides.tex"
    source.write_text("\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}\n" + body
                      + "\n\\end{frame}\n\\end{document}\n")
    (result,) = pipeline.check_paths([str(source)], Config(jobs=0))
    return [s.verdict.status.value for s in result.steps]


# \alert<2>{..}, \color<3>{red}{..}: the overlay spec is no pair of relations < and >
def test_overlay_specs_on_decorations_are_not_relations(tmp_path):
    body = r"""\begin{align*}
u\cdot u &= \color<2>{red}{u^2} \\
v + v &= \alert<3>{2v}
\end{align*}
\begin{align*}
w + w &= \alert<2->{3w}
\end{align*}"""
    assert _statuses(tmp_path, body) == [V, V, R]
