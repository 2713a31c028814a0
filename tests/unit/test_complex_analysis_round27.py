"""Complex numbers as engineering and physics notes write them: the conjugate (\\bar z, \\overline{z w},
\\psi^*, (e^{ikx})^*) read as the conjugate of complex letters, z = x + iy in the prose's own letters, and
values of a logarithm or power on another branch than the principal one."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import complexes
from lintmath.check import check_step
from lintmath.model import Status


def _verdicts(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


def _chain(prose: str, *rows: tuple[str, str]) -> str:
    return prose + "\n\n\\begin{align*}\n" + " \\\\\n".join(f"{a} &= {b}" for a, b in rows) + "\n\\end{align*}\n"


COMPLEX_ZW = "Throughout, $z$ and $w$ are complex numbers."


@pytest.mark.parametrize("lhs, rhs", [
    (r"\overline{w + z}", r"\bar w + \bar z"),
    (r"\overline{w z}", r"\bar w\,\bar z"),
    (r"|w - z|^2", r"(w - z)(\bar w - \bar z)"),
    (r"|w + z|^2", r"|w|^2 + |z|^2 + 2\operatorname{Re}(w\bar z)"),
    (r"\operatorname{Im}(\bar w)", r"-\operatorname{Im}(w)"),
    (r"\frac{w + \bar w}{2}", r"\operatorname{Re} w"),
    (r"|\bar z|^2", r"z\bar z"),
    (r"\overline{z^3}", r"\bar z^3"),
    (r"\overline{\left(\frac{w}{z}\right)}", r"\frac{\bar w}{\bar z}"),
])
def test_conjugates_of_complex_letters_are_verified(lhs: str, rhs: str) -> None:
    verdict = _verdicts(_chain(COMPLEX_ZW, (lhs, rhs)))[f"{lhs} = {rhs}"]
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\overline{w z}", r"\bar w z"),                                      # one conjugate dropped
    (r"|w + z|^2", r"|w|^2 + |z|^2 + 2\operatorname{Re}(w z)"),            # the bar of the cross term
    (r"|w - z|^2", r"|w|^2 + |z|^2 + 2\operatorname{Re}(w\bar z)"),        # a sign
    (r"w + \bar w", r"2\operatorname{Im}(w)"),                             # the wrong part
    (r"\frac{1}{w}", r"\frac{\bar w}{|w|}"),                               # the square of the modulus
    (r"\overline{w - z}", r"\bar w + \bar z"),
])
def test_slips_with_conjugates_are_refuted_at_a_complex_point(lhs: str, rhs: str) -> None:
    verdict = _verdicts(_chain(COMPLEX_ZW, (lhs, rhs)))[f"{lhs} = {rhs}"]
    assert verdict.status is Status.REFUTED
    # the point is a complex one (z = a + bi), which no real sample gives
    assert any("i" in value for _, value in verdict.counterexample)


def test_z_and_w_need_no_statement_to_be_complex_beside_their_conjugates_and_a_modulus() -> None:
    verdicts = _verdicts(_chain("We use the conjugate throughout.", (r"|z|^2", r"z\bar z"),
                                (r"\overline{e^{i\theta}}", r"e^{-i\theta}"), (r"z\bar z", r"|z|")))
    assert verdicts[r"|z|^2 = z\bar z"].status is Status.VERIFIED
    assert verdicts[r"\overline{e^{i\theta}} = e^{-i\theta}"].status is Status.VERIFIED
    assert verdicts[r"z\bar z = |z|"].status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\bar z^2", r"\overline{z^2}"),            # the square of the mean and the mean of the squares
    (r"s_z^2", r"\overline{z^2} - \bar z^2"),
    (r"z^*", r"\bar z + 1"),                    # an optimum beside a mean
])
def test_bars_of_z_alone_with_nothing_complex_written_are_left_unverified(lhs: str, rhs: str) -> None:
    verdict = _verdicts(_chain("Let $z$ be the standardised score.", (lhs, rhs)))[f"{lhs} = {rhs}"]
    assert verdict.status is Status.UNVERIFIED


UNIT_STATED = "In these notes $i^2 = -1$."


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{z}{z^2 + 9}", r"\frac{1}{2}\left(\frac{1}{z - 3i} - \frac{1}{z + 3i}\right)"),  # the sign of a term
    (r"z^2 + 4z + 13", r"(z + 2 - 3i)(z - 2 + 3i)"),
    (r"\cosh(it)", r"\cosh t"),
])
def test_a_unit_the_prose_states_decides_a_step_that_writes_it_on_one_side(lhs: str, rhs: str) -> None:
    assert _verdicts(_chain("Partial fractions.", (lhs, rhs)))[f"{lhs} = {rhs}"].status is Status.UNVERIFIED
    assert _verdicts(_chain(UNIT_STATED, (lhs, rhs)))[f"{lhs} = {rhs}"].status is Status.REFUTED


def test_a_unit_the_prose_states_verifies_too() -> None:
    rows = ((r"z^2 + 4z + 13", r"(z + 2 - 3i)(z + 2 + 3i)"), (r"\cosh(it)", r"\cos t"))
    verdicts = _verdicts(_chain("In circuit notes $j = \\sqrt{-1}$ and here $i^2 = -1$.", *rows))
    assert all(v.status is Status.VERIFIED for v in verdicts.values()), verdicts


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\arg(1 + i)", r"\frac{\pi}{4}", Status.VERIFIED),
    (r"\arg(-\sqrt{3} + i)", r"\frac{5\pi}{6}", Status.VERIFIED),
    (r"\arg(-2 - 2i)", r"-\frac{3\pi}{4}", Status.VERIFIED),
    (r"\arg(-2 - 2i)", r"\frac{5\pi}{4}", Status.UNVERIFIED),    # the same angle, in [0, 2\pi)
    (r"\arg(1 - i)", r"\frac{\pi}{4}", Status.REFUTED),
])
def test_the_argument_of_a_complex_number(lhs: str, rhs: str, expected: Status) -> None:
    assert check_step(lhs, rhs, "=").status is expected


def test_the_argument_of_complex_letters_through_their_conjugate() -> None:
    verdicts = _verdicts(_chain(COMPLEX_ZW, (r"\arg(\bar w)", r"-\arg w"), (r"\arg w", r"2\arg(w)")))
    assert verdicts[r"\arg(\bar w) = -\arg w"].status is Status.VERIFIED
    # wrong, but through a branch: never refuted
    assert verdicts[r"\arg w = 2\arg(w)"].status is Status.UNVERIFIED


def test_the_parts_the_prose_names_are_the_ones_written_out() -> None:
    prose = "Write $z = a + ib$ with $a$ and $b$ real."
    verdicts = _verdicts(_chain(prose, (r"z\bar z", r"a^2 + b^2"), (r"z - \bar z", r"2ib"), (r"\bar z^2", r"a^2 - b^2 - 2iab"),
                                (r"\operatorname{Re}(z^2)", r"a^2 - b^2")))
    assert all(v.status is Status.VERIFIED for v in verdicts.values()), verdicts
    slips = _verdicts(_chain(prose, (r"z\bar z", r"a^2 - b^2"), (r"z - \bar z", r"2b"), (r"\operatorname{Im}(z^2)", r"ab")))
    assert all(v.status is Status.REFUTED for v in slips.values()), slips


def test_a_wave_function_and_a_starred_bracket() -> None:
    prose = "Let $\\psi = u + iv$ with $u, v$ real, and $k$, $x$ real."
    verdicts = _verdicts(_chain(prose, (r"\psi^*\psi", r"(u - iv)(u + iv)"), (r"|\psi|^2", r"\psi\psi^*"),
                                (r"\left(e^{ikx}\right)^*", r"e^{-ikx}")))
    assert all(v.status is Status.VERIFIED for v in verdicts.values()), verdicts
    assert _verdicts(_chain(prose, (r"\left(e^{ikx}\right)^*", r"e^{ikx}")))[
        r"\left(e^{ikx}\right)^* = e^{ikx}"].status is Status.REFUTED


def test_a_greek_letter_written_out_in_the_prose_is_complex() -> None:
    # |psi|^2 = psi^2 holds for a real psi only: the prose writes psi = u + iv
    verdict = _verdicts(_chain("Let $\\psi = u + iv$ with $u, v$ real.", (r"|\psi|^2", r"\psi^2")))[r"|\psi|^2 = \psi^2"]
    assert verdict.status is Status.UNVERIFIED


def test_a_mean_keeps_its_bar() -> None:
    # \bar x beside the x_i is their mean, as before: no complex reading of it
    verdicts = _verdicts(_chain("Let $x_1, \\dots, x_n$ be the data.",
                                (r"\sum_{i=1}^n (x_i - \bar x)", r"\sum_{i=1}^n x_i - n\bar x")))
    assert verdicts[r"\sum_{i=1}^n (x_i - \bar x) = \sum_{i=1}^n x_i - n\bar x"].status is Status.VERIFIED
    assert check_step(r"\bar x + x", r"2\operatorname{Re}(x)", "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"i^i", r"e^{-\pi/2 + 2\pi}"),        # the power on the branch k = -1
    (r"i^i", r"e^{-5\pi/2}"),
])
def test_a_value_on_another_branch_is_not_refuted(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "branch" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"i^i", r"e^{\pi/2}"),                # on no branch
    (r"\log(i)", r"i\pi"),
    (r"e^{i\pi} + 1", r"2"),
    (r"(3 + 4i)(1 - 2i)", r"11 + 2i"),
    (r"x + 2\pi i", r"x"),               # whole turns, but of no logarithm: a dropped term
])
def test_slips_of_complex_arithmetic_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_conjugate_through_a_root_is_never_refuted() -> None:
    # the principal root of the conjugate is the conjugate of the root off the cut only
    verdicts = _verdicts(_chain(COMPLEX_ZW, (r"\overline{\sqrt{z}}", r"\sqrt{\bar z}"),
                                (r"\sqrt{z\bar z}", r"|z|")))
    assert all(v.status is not Status.REFUTED for v in verdicts.values())


def test_conjugated_text_writes_the_conjugate_of_an_expression() -> None:
    parts = {"z": ("p", "q")}
    assert complexes.conjugated_text(r"\overline{e^{i\theta}}", parts) == r"(e^{(-\mathrm{i})\theta})"
    assert complexes.conjugated_text(r"z\bar z", parts) == r"(p + \mathrm{i}\,q)(p - \mathrm{i}\,q)"
    # an index or an unknown function inside: not rewritten
    assert complexes.conjugated_text(r"\overline{z_1 w}", parts) is None
    assert complexes.conjugated_text(r"\overline{f(z)}", parts) is None
    assert complexes.branch_sensitive(r"\sqrt{z}") and complexes.branch_sensitive(r"z^{1/3}")
    assert not complexes.branch_sensitive(r"e^{i\theta} z^{-2}")


@pytest.mark.parametrize("lhs, rhs, suggestion", [
    (r"|w - z|^2", r"|w|^2 + |z|^2 + 2\operatorname{Re}(w\bar z)", r"|w|^2 + |z|^2 - 2\operatorname{Re}(w\bar z)"),
    (r"\frac{1}{w}", r"\frac{\bar w}{|w|}", r"\frac{\bar w}{|w|^2}"),
])
def test_a_slip_with_conjugates_is_repaired_in_the_authors_text(lhs: str, rhs: str, suggestion: str) -> None:
    verdict = _verdicts(_chain(COMPLEX_ZW, (lhs, rhs)))[f"{lhs} = {rhs}"]
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion == suggestion


def test_no_repair_names_the_letters_the_reading_writes_out() -> None:
    # z + \bar z is twice the real part: a repair in the reading's own letters is no repair of the step
    verdict = _verdicts(_chain(COMPLEX_ZW, (r"w + \bar w", r"2\operatorname{Im}(w)")))[r"w + \bar w = 2\operatorname{Im}(w)"]
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is None or "w" in verdict.diagnosis.suggestion
