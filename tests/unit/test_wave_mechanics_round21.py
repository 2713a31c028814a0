"""Wave mechanics notes: one item in angle brackets as an expectation value (a generic linear
average that only verifies, and leaves operators that may not commute alone), and a function's bare
argument that may end after its first factor (``\\cos^2\\vartheta P_1``)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath import expectation


@pytest.mark.parametrize("text", [r"\langle q \rangle", r"\left\langle q^3 \right\rangle", r"\langle W \rangle"])
def test_one_item_in_angle_brackets_is_an_average(text):
    tree = parse_math(text)
    assert expectation.is_average(tree)
    assert expectation.kind_of(tree) == "E"


def test_a_pair_in_angle_brackets_stays_an_inner_product():
    assert isinstance(parse_math(r"\langle f, g \rangle"), n.Inner)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\langle q^2 \rangle - \langle q \rangle^2", r"\langle (q - \langle q \rangle)^2 \rangle"),
    (r"\langle 5q - 7 \rangle", r"5\langle q \rangle - 7"),
    (r"\langle q - W/3 \rangle", r"\langle q \rangle - \frac{W}{3}"),  # a capital seen outside is a constant
    (r"\left\langle \frac{k^2}{2\mu} + \frac12 \mu\Omega^2 q^2 \right\rangle",
     r"\frac{\langle k^2 \rangle}{2\mu} + \frac12\mu\Omega^2\langle q^2 \rangle"),
    (r"\langle \gamma B \rangle", r"\gamma\langle B \rangle"),
    (r"\langle (\beta B + \delta)^2 \rangle - \langle \beta B + \delta \rangle^2",
     r"\beta^2\langle B^2 \rangle + 2\beta\delta\langle B \rangle + \delta^2 - (\beta\langle B \rangle + \delta)^2"),
])
def test_linearity_of_the_average_verifies(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # slips in the commuting model, but the state the prose gives may make them hold (<q> = 0)
    (r"\langle q^2 \rangle - \langle q \rangle^2", r"\langle q^2 \rangle + \langle q \rangle^2"),
    (r"\langle 5q - 7 \rangle", r"7\langle q \rangle - 7"),
    (r"\langle k^2 \rangle - \langle k \rangle^2", r"\langle k^2 \rangle"),
    (r"\langle q \rangle", r"\frac{W}{2}"),
    (r"\langle q k \rangle", r"\langle q \rangle\langle k \rangle"),
])
def test_the_average_never_refutes(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\langle q k \rangle", r"\langle k q \rangle"),                           # position and momentum
    (r"\langle (q + k)^2 \rangle", r"\langle q^2 \rangle + 2\langle q k \rangle + \langle k^2 \rangle"),
    (r"\langle e^{q} e^{k} \rangle", r"\langle e^{q + k} \rangle"),
    (r"\langle k_1 k_2 \rangle", r"\langle k_2 k_1 \rangle"),                   # one letter, two indices
    (r"\langle \sigma_x \sigma_z \rangle", r"\langle \sigma_z \sigma_x \rangle"),  # Pauli matrices
])
def test_operators_that_may_not_commute_stay_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "commute" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\langle q \rangle\langle W \rangle", r"\langle W \rangle\langle q \rangle"),  # averages are numbers
    (r"\langle q^2 \rangle", r"\langle q q \rangle"),                                # one operator with itself
])
def test_averages_and_one_operator_commute(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # a two-level superposition: cos^2 of the angle times the level, not cos^2 of their product
    (r"\cos^2\vartheta P_1 + \sin^2\vartheta P_1", "P_1"),
    (r"\cos^2\vartheta P_1^2 + \sin^2\vartheta P_2^2 - \left(\cos^2\vartheta P_1 + \sin^2\vartheta P_2\right)^2",
     r"\cos^2\vartheta\sin^2\vartheta\left(P_2 - P_1\right)^2"),
    (r"\sin\chi Q + \cos\chi Q", r"(\sin\chi + \cos\chi)Q"),
])
def test_a_bare_argument_may_end_after_its_first_factor(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "first factor" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"\cos^2\vartheta P_1 + \sin^2\vartheta P_1", "2P_1"),       # wrong under either reach
    (r"\frac{d}{dq}\sin 3q", r"3\cos 3q + 1"),                   # a number starts the argument
])
def test_slips_stay_refuted_with_the_short_reach(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED
