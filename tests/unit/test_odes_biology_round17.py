"""Round 17 red team on differential equations and mathematical biology notes: a degree sign with no
angle in sight (Newton's law of cooling, 20 + 70 = 90^\\circ) is the label of a temperature, not pi/180."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    ("20 + 70", "90^\\circ"),          # a temperature, written with its degree sign
    ("20 + 70", "90^{\\circ}"),
    ("T_a + (T_0 - T_a)", "T_0"),      # no degree sign: unaffected
])
def test_temperature_degrees_no_false_alarm(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    ("20 + 60", "90^\\circ"),          # wrong under both readings
    ("\\frac{\\pi}{3}", "90^\\circ"),   # wrong as an angle and as a label
    ("\\sin 30^\\circ", "\\frac{1}{3}"),  # beside a sine the degrees are an angle: still caught
])
def test_wrong_degrees_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{\\pi}{2}", "90^\\circ"),
    ("\\sin 30^\\circ", "\\frac{1}{2}"),
])
def test_angles_in_degrees_still_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_minutes_of_arc_keep_the_angle_reading() -> None:
    # 40^\circ 30' is an angle whatever else the step writes: the temperature reading does not apply
    assert check_step("40^\\circ 30'", "40.3^\\circ", "=").status is Status.REFUTED


def test_infectives_divided_by_a_population_are_no_identity() -> None:
    # I beside a capital in a denominator (N, a population) is a number: no identity matrix reading,
    # whose I^3 = I^2 would pass a wrong exponent
    from lintmath.check import check_step

    lhs = r"\beta\frac{(N-I)I}{N} - \gamma I"
    assert check_step(lhs, r"(\beta-\gamma)I - \frac{\beta}{N}I^2", "=").status.value == "verified"
    assert check_step(lhs, r"(\beta-\gamma)I - \frac{\beta}{N}I^3", "=").status.value == "refuted"
