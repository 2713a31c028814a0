"""Round 27, electrical power engineering notes: phasors in polar form (``230 \\angle -30^\\circ``, the
magnitude before the sign and the angle after it) read as points of the complex plane, with the j of the
rectangular form beside them the imaginary unit; the geometry angle (``\\angle ABC``, ``m\\angle A``) and
angles whose extent or unit is not clear stay unread. Also what already works in these notes: complex
power, three-phase factors of sqrt 3, per-unit bases, turns ratios, and the slips that must stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


@pytest.mark.parametrize("lhs, rhs", [
    (r"6\angle 0^\circ + 6\angle 90^\circ", r"6 + j6"),
    (r"(120\angle 0^\circ)(4\angle 45^\circ)", r"480\angle 45^\circ"),
    (r"20\angle 36.87^\circ", r"16 + j12"),
    (r"4\angle -60^\circ", r"2 - j2\sqrt{3}"),
    (r"4\angle{-60^\circ}", r"2 - j2\sqrt{3}"),
    (r"\frac{90\angle 50^\circ}{30\angle 20^\circ}", r"3\angle 30^\circ"),
    (r"|E|\angle\delta", r"|E|\cos\delta + j|E|\sin\delta"),
    (r"(|E|\angle\delta_1)(|F|\angle -\delta_2)", r"|E||F|\angle(\delta_1 - \delta_2)"),
    (r"2\angle 120^\circ", r"-1 + j\sqrt{3}"),
    (r"1\angle 0^\circ + 1\angle -120^\circ + 1\angle 120^\circ", r"0"),
    (r"1 + (0.6\angle -90^\circ)(2 + j)", r"1.6 - j1.2"),   # a sum of phasors, one in a bracketed factor
    (r"8\angle -\frac{\pi}{2}", r"-8j"),
])
def test_phasors_in_polar_form_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"6\angle 0^\circ + 6\angle 90^\circ", r"6 - j6"),                  # sign of the imaginary part
    (r"(120\angle 0^\circ)(4\angle 45^\circ)", r"480\angle -45^\circ"),  # angle's sign
    (r"20\angle 36.87^\circ", r"12 + j16"),                             # cosine and sine swapped
    (r"\frac{90\angle 50^\circ}{30\angle 20^\circ}", r"3\angle 70^\circ"),  # angles added, not subtracted
    (r"|E|\angle\delta", r"|E|\sin\delta + j|E|\cos\delta"),
    (r"2\angle 120^\circ", r"1 + j\sqrt{3}"),
    (r"(3\angle 20^\circ)^2", r"9\angle 20^\circ"),                      # the angle doubles too
])
def test_phasor_slips_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_flipped_angle_is_diagnosed_as_a_sign_error() -> None:
    body = "\\begin{align*}\nS &= (230\\angle 0^\\circ)(5\\angle 30^\\circ) = 1150\\angle -30^\\circ\n\\end{align*}\n"
    steps = checked_steps(body)
    assert steps[-1].verdict.status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"m\angle A + m\angle B", r"180^\circ - m\angle C"),  # the measure of a geometry angle
    (r"2\angle ABC", r"\angle AOC"),                      # an angle named by its vertices
    (r"\angle A + \angle B", r"180^\circ - \angle C"),
    (r"10\angle 30^\circ - 45^\circ", r"10\angle -15^\circ"),  # is the difference the angle?
    (r"5\angle 30", r"2.5\sqrt{3} + 2.5j"),               # degrees or radians?
    (r"10\angle \pi/6", r"5\sqrt{3} + 5j"),               # what the slash divides
])
def test_angles_of_unclear_meaning_unread(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_phasor_parses_as_magnitude_and_angle() -> None:
    with pytest.raises(ParseFailure):
        parse_math(r"3R \angle -\theta + 1")  # the sum after the angle is not decided
    tree = parse_math(r"2 + 3R \angle -\theta")
    phasor = [x for x in tree.walk() if isinstance(x, n.Func) and x.name == "phasor"]
    assert len(phasor) == 1 and isinstance(phasor[0].args[0], n.Mul)  # 3R, the whole product


def test_a_degree_sign_in_a_phasor_is_never_a_temperature() -> None:
    # with ^\circ a temperature's label the angle would have no unit and the slip no reading: it stays refuted
    assert check_step(r"\frac{100\angle 60^\circ}{20\angle 30^\circ}", r"5\angle 90^\circ", "=").status \
        is Status.REFUTED


# what already worked in these notes, kept so
@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{V}{R + jX}", r"\frac{V(R - jX)}{R^2 + X^2}", Status.VERIFIED),
    (r"\frac{V}{R + jX}", r"\frac{V(R + jX)}{R^2 + X^2}", Status.REFUTED),
    (r"3 \frac{V_L}{\sqrt{3}} I_L", r"\sqrt{3} V_L I_L", Status.VERIFIED),
    (r"3 \frac{V_L}{\sqrt{3}} I_L", r"3 V_L I_L", Status.REFUTED),
    (r"\frac{(13.8 \times 10^3)^2}{100 \times 10^6}", r"1.904", Status.VERIFIED),
    (r"\frac{(13.8 \times 10^3)^2}{100 \times 10^6}", r"0.1904", Status.REFUTED),
    (r"\frac{1}{j\omega C}", r"-\frac{j}{\omega C}", Status.VERIFIED),
    (r"\frac{1}{j\omega C}", r"\frac{j}{\omega C}", Status.REFUTED),
    (r"\frac{V_s^2 R_s}{(2R_s)^2}", r"\frac{V_s^2}{2 R_s}", Status.REFUTED),
    (r"720 \cos 60^\circ", r"360", Status.VERIFIED),
    (r"720 \sin 60^\circ", r"360", Status.REFUTED),
])
def test_power_notes_that_already_worked(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


def test_phasor_chain_in_a_document() -> None:
    body = ("A series load of $R = 8\\,\\Omega$ and $X = 6\\,\\Omega$ on a source of $100\\angle 0^\\circ$ volts:\n"
            "\\begin{align*}\nI &= \\frac{100\\angle 0^\\circ}{10\\angle 36.87^\\circ} \\\\\n"
            "  &= 10\\angle -36.87^\\circ \\\\\n  &= 8 - j6\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["\\frac{100\\angle 0^\\circ}{10\\angle 36.87^\\circ} = 10\\angle -36.87^\\circ"] == "verified"
    assert statuses["10\\angle -36.87^\\circ = 8 - j6"] == "verified"


def test_a_phasor_may_carry_a_unit() -> None:
    assert check_step(r"\frac{60\angle 0^\circ}{3\angle 45^\circ}", r"20\angle -45^\circ\,\text{A}", "=").status \
        is Status.VERIFIED
    assert check_step(r"50\angle 0^\circ\,\text{V} + 5\angle 90^\circ\,\text{V}", r"(50 - j5)\,\text{V}", "=").status \
        is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{6 \cdot 12}{18}", r"4\,\Omega", Status.VERIFIED),     # ohms after the result
    (r"\sqrt{6^2 + 8^2}", r"10\,\Omega", Status.VERIFIED),
    (r"\frac{6 \cdot 12}{18}", r"5\,\Omega", Status.UNVERIFIED),   # a unit on one side: verified only
    (r"\Omega_0 + 3", r"3\,\Omega", Status.UNVERIFIED),           # Omega a quantity: no ohms
])
def test_ohms_after_a_result(lhs: str, rhs: str, status: Status) -> None:
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("name", ["V_{base}", "P_{core}", "Z_{eq}", "m_e", "V_{ref}"])
def test_a_prose_value_of_a_name_with_an_e_in_its_subscript_is_used(name: str) -> None:
    body = (f"Let ${name} = 250$.\n\\begin{{align*}}\nW &= 2{name} + 1 \\\\\n  &= 501\n\\end{{align*}}\n"
            f"\\begin{{align*}}\nU &= 2{name} + 1 \\\\\n  &= 503\n\\end{{align*}}\n")
    statuses = _statuses(body)
    assert statuses[f"2{name} + 1 = 501"] == "verified"
    assert statuses[f"2{name} + 1 = 503"] != "verified"


def test_a_labelled_value_gives_no_value_to_another_label() -> None:
    body = ("Let $V_{base} = 250$.\n\\begin{align*}\nW &= 2V_{case} + 1 \\\\\n  &= 501\n\\end{align*}\n")
    assert _statuses(body)["2V_{case} + 1 = 501"] != "verified"


def test_per_unit_base_impedance_from_the_prose() -> None:
    body = ("Take $V_{base} = 13800$ and $S_{base} = 10^8$.\n\\begin{align*}\nZ_{base} &= \\frac{V_{base}^2}{S_{base}} \\\\\n"
            "  &= \\frac{13800^2}{10^8} \\\\\n  &= 1.9044\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses["\\frac{V_{base}^2}{S_{base}} = \\frac{13800^2}{10^8}"] == "verified"


def test_resistances_given_in_ohms_in_the_prose() -> None:
    body = ("Let $R_1 = 6\\,\\Omega$ and $R_2 = 12\\,\\Omega$.\n\\begin{align*}\nR &= \\frac{R_1 R_2}{R_1 + R_2} \\\\\n"
            "  &= \\frac{6 \\cdot 12}{18}\n\\end{align*}\n")
    assert _statuses(body)["\\frac{R_1 R_2}{R_1 + R_2} = \\frac{6 \\cdot 12}{18}"] == "verified"
