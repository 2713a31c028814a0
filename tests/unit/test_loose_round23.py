"""Wrong steps that verified through a loose reading (red team, round 23): steps that hold only where
the sampled letters are (small positive numbers, below 3) and fail past them (|x - 5| = 5 - x,
\\arccos(\\cos x) = x), and letters the prose declares complex read as reals (|z|^2 = z^2). Also a
stated bound past the sampling range (x >= 5), which sampled an empty range and refuted a true step."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.complexes import sentence_complex, written_out
from lintmath.model import Status

from documents import checked_steps, display as _display


def _verdicts(body: str) -> list[tuple[str, str]]:
    return [(s.verdict.status.value, s.verdict.reason) for s in checked_steps(body)]


# -- steps that hold only at the small values sampled -------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    (r"|x - 5|", r"5 - x"),
    (r"|3 - x|", r"3 - x"),
    (r"|x^2 - 9|", r"9 - x^2"),
    (r"|\pi - x|", r"\pi - x"),
    (r"|e^{x} - 100|", r"100 - e^x"),
    (r"\sqrt{(x - 4)^2}", r"4 - x"),
    (r"\sqrt{x^2 - 8x + 16}", r"4 - x"),
    (r"\sqrt{1 - \cos^2 x}", r"\sin x"),  # sin x >= 0 only on [0, pi]
    (r"\sqrt{\cos^2(x/2)}", r"\cos(x/2)"),
    (r"\arccos(\cos x)", r"x"),
    (r"\cos^{-1}(\cos\theta)", r"\theta"),
    (r"\arcsin(\sin(x/2))", r"x/2"),
    (r"\arctan(\tan(x/2))", r"x/2"),
    (r"\max(x, 5)", r"5"),
    (r"\min(x, 4)", r"x"),
    (r"\min(x, y, 10)", r"\min(x, y)"),
    (r"\max(0, x - 5)", r"0"),
    (r"\lceil x/5 \rceil", r"1"),
    (r"\lfloor x/10 \rfloor", r"0"),
    (r"\operatorname{sgn}(x - 5)", r"-1"),
])
def test_a_step_that_holds_only_below_the_sampled_values_is_unverified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "not at larger values" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt{x^2 + 2x + 1}", r"x + 1"),
    (r"\max(a,b) + \min(a,b)", r"a + b"),
    (r"\max(a,b)", r"\frac{a+b+|a-b|}{2}"),
    (r"\arctan x + \arctan\frac{1}{x}", r"\frac{\pi}{2}"),
    (r"\tan(\arctan x)", r"x"),
    (r"\sin(\arccos x)", r"\sqrt{1 - x^2}"),
    (r"\lceil x \rceil", r"-\lfloor -x \rfloor"),
    (r"\lfloor x + 1 \rfloor", r"\lfloor x \rfloor + 1"),
    (r"\max(x + 5, y + 5)", r"\max(x, y) + 5"),
    (r"\sqrt{(x-4)^2}", r"|x - 4|"),
    (r"|x - 5|", r"|5 - x|"),
    (r"\arccos(-x)", r"\pi - \arccos x"),
    (r"\sqrt{4x^2}", r"2x"),  # the positive letters the author means: a convention kept
    (r"\frac{d}{dx}\arcsin x", r"\frac{1}{\sqrt{1-x^2}}"),
])
def test_steps_that_hold_past_the_samples_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("prose", [r"For $0 < \theta < \pi$,", r"Suppose $0 < \theta < \pi$."])
def test_a_bound_the_prose_states_keeps_the_step_verified(prose: str) -> None:
    assert _verdicts(_display(prose, r"\sqrt{1 - \cos^2\theta}", r"\sin\theta")) == [("verified", "")]


def test_a_bound_that_does_not_cover_the_slip_does_not_verify_it() -> None:
    # x > 0 leaves x = 7 to the step: |x - 5| = 5 - x is wrong there
    [(status, reason)] = _verdicts(_display(r"For $x > 0$,", r"|x - 5|", r"5 - x"))
    assert status == "unverified" and "not at larger values" in reason


def test_a_stated_bound_past_the_sampling_range_is_no_false_alarm() -> None:
    # x >= 5 was sampled in the empty range (5, 3), below 5, where |x - 5| = x - 5 fails
    [(status, reason)] = _verdicts(_display(r"Assume $x \geq 5$.", r"|x - 5|", r"x - 5"))
    assert status != "refuted"
    assert "x >= 5" in reason


# -- letters the prose declares complex ---------------------------------------------------------------

@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"Let $z \in \mathbb{C}$.", r"|z|^2", r"z^2"),
    (r"Let $z = x + iy$ be a complex number.", r"|z|^2", r"z^2"),
    (r"Let $z = x + iy$ be a complex number.", r"\frac{1}{z}", r"\frac{z}{|z|^2}"),
    (r"For a complex number $z$,", r"|z|^2", r"z \cdot z"),
    (r"Let $z, w \in \mathbb{C}$.", r"|z + w|^2", r"|z|^2 + 2zw + |w|^2"),
])
def test_a_step_that_holds_only_for_real_values_of_a_complex_letter_is_unverified(prose: str, lhs: str,
                                                                                  rhs: str) -> None:
    [(status, reason)] = _verdicts(_display(prose, lhs, rhs))
    assert status == "unverified"
    assert "complex" in reason and "real" in reason


@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"Let $z, w \in \mathbb{C}$.", r"|zw|", r"|z||w|"),
    (r"Let $z, w \in \mathbb{C}$.", r"(z + w)^2", r"z^2 + 2zw + w^2"),
    (r"Let $z \in \mathbb{C}$.", r"|z^2|", r"|z|^2"),
    (r"Let $z\in\mathbb{C}$.", r"e^{z}e^{-z}", r"1"),
    (r"Let $z = x + iy$ be a complex number.", r"|z|^2", r"x^2 + y^2"),
    # sentences that declare nothing complex: the letters stay real
    (r"The roots are complex if $b^2 < 4ac$.", r"|a|^2", r"a^2"),
    (r"Let $x$ be real, not complex.", r"|x|^2", r"x^2"),
])
def test_steps_that_hold_for_complex_letters_still_verify(prose: str, lhs: str, rhs: str) -> None:
    assert _verdicts(_display(prose, lhs, rhs)) == [("verified", "")]


def test_without_prose_the_letters_stay_real() -> None:
    # |z|^2 = z^2 is right of a real z (a coordinate, a z-score) and wrong of the complex number the name
    # and the modulus suggest: neither verified nor refuted (since round 27)
    verdict = check_step(r"|z|^2", r"z^2", "=")
    assert verdict.status is Status.UNVERIFIED and "holds if z is real" in verdict.reason
    # the letters themselves are still read real: a modulus of x, or z in a phase, verifies
    assert check_step(r"|x|^2", r"x^2", "=").status is Status.VERIFIED
    assert check_step(r"\left|B e^{i(qz - \nu t)}\right|^2", r"B^2", "=").status is Status.VERIFIED


@pytest.mark.parametrize("sentence, keys", [
    (r"Let $z \in \mathbb{C}$.", {"z"}),
    (r"Let $z, w \in \mathbb C$ be given.", {"z", "w"}),
    (r"For complex numbers $z$ and $w$, we have", {"z", "w"}),
    (r"Here $w$ is a complex number.", {"w"}),
    (r"Write $z = x + iy$.", {"z"}),
    (r"Let $v \in \mathbb{C}^n$.", set()),  # a vector
    (r"The eigenvalues are complex.", set()),
    (r"Let $z$ be real, not complex.", set()),
])
def test_sentences_that_declare_complex_letters(sentence: str, keys: set[str]) -> None:
    assert sentence_complex(sentence) == keys


def test_a_complex_letter_written_out_keeps_commands_and_reads_conjugates() -> None:
    text = r"\frac{zw + \bar z}{\zeta} + z^* + \overline{z} + \mathrm{Re}(z)"
    out = written_out(text, "z", "p", "q")
    assert out == (r"\frac{(p + \mathrm{i}\,q)w + (p - \mathrm{i}\,q)}{\zeta} + (p - \mathrm{i}\,q) + "
                   r"(p - \mathrm{i}\,q) + \mathrm{Re}((p + \mathrm{i}\,q))")
    assert written_out(text, r"\zeta", "p", "q") is None
