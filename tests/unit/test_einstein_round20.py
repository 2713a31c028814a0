"""Einstein's summation convention for Cartesian tensors: an index written twice in one product, bound by
no written sum, is summed over 1, 2, 3. A step that holds only so is verified where it gives the
convention away (a Kronecker delta, a Levi-Civita symbol, a derivative by x_i summed over i, the index
twice in every term) and otherwise left unverified; a step wrong both read as written and with the
sums (or, where the convention is given away, with the sums) is refuted. The examples are the project's own."""
import pytest

from lintmath import einstein
from lintmath.check import check_step
from lintmath.model import Status
from lintmath.sides import parse_step

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


def status(lhs: str, rhs: str) -> Status:
    return check_step(lhs, rhs, "=").status


IDENTITIES = [
    (r"\delta_{kk}", "3"),
    (r"\delta_{pq}\delta_{pq}", "3"),
    (r"\delta_{pq} v_q", "v_p"),
    (r"\delta_{ab}\delta_{bc}", r"\delta_{ac}"),
    (r"\epsilon_{pqr}\epsilon_{pst}", r"\delta_{qs}\delta_{rt} - \delta_{qt}\delta_{rs}"),
    (r"\varepsilon_{abc}\varepsilon_{abd}", r"2\delta_{cd}"),
    (r"\epsilon_{abc}\epsilon_{abc}", "6"),
    (r"(u \times w)_p", r"\epsilon_{pqr} u_q w_r"),
    (r"\epsilon_{pqr} u_q u_r", "0"),
    (r"\frac{\partial (f v_k)}{\partial x_k}", r"v_k \frac{\partial f}{\partial x_k} + f \frac{\partial v_k}{\partial x_k}"),
    # the symmetric and antisymmetric parts of a tensor, contracted in every term
    (r"M_{ab} y_a y_b", r"\frac{1}{2}(M_{ab} + M_{ba}) y_a y_b"),
    (r"\frac{1}{2}(M_{ab} - M_{ba}) y_a y_b", "0"),
    # dummies renamed: the index twice in every term of both sides
    (r"c_k d_k", r"d_m c_m"),
    (r"c_k d_k + g_m h_m", r"h_p g_p + d_q c_q"),
]


@pytest.mark.parametrize("lhs,rhs", IDENTITIES)
def test_identities_verify(lhs, rhs):
    assert status(lhs, rhs) is V


SLIPS = [
    (r"\delta_{kk}", "1"),  # the trace of the identity is 3
    (r"\epsilon_{pqr}\epsilon_{pst}", r"\delta_{qs}\delta_{rt} + \delta_{qt}\delta_{rs}"),  # the sign
    (r"\epsilon_{abc}\epsilon_{abc}", "3"),
    (r"(u \times w)_p", r"\epsilon_{prq} u_q w_r"),  # two indices swapped: the sign of the cross product
    (r"c_k d_k", r"2 d_m c_m"),
]


@pytest.mark.parametrize("lhs,rhs", SLIPS)
def test_slips_refuted(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R, verdict.reason
    assert einstein.GUESS in verdict.guessed


def test_product_rule_slip_refuted():
    # (the product rule holds, or fails, term by term: read as written, with k fixed, it is decided already)
    lhs = r"\frac{\partial (f v_k)}{\partial x_k}"
    assert status(lhs, r"v_k \frac{\partial f}{\partial x_k} - f \frac{\partial v_k}{\partial x_k}") is R


def test_sign_slip_in_epsilon_delta_is_diagnosed_as_sign():
    verdict = check_step(r"\epsilon_{pqr}\epsilon_{pst}", r"\delta_{qs}\delta_{rt} + \delta_{qt}\delta_{rs}", "=")
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"


# holds with the sums, but nothing in the step says the convention is meant: left to the prose
def test_holds_only_with_convention_not_given_away():
    verdict = check_step(r"\operatorname{tr} M", "M_{kk}", "=")
    assert verdict.status is U and "Einstein" in verdict.reason


@pytest.mark.parametrize("lhs,rhs,word", [
    # holds for a symmetric stress tensor, which only the prose says
    (r"\tau_{ab} m_b", r"\tau_{ba} m_b", "symmetric"),
    (r"M_{ab} y_a y_b", r"\frac{1}{2}(M_{ab} - M_{ba}) y_a y_b", "antisymmetric"),
])
def test_holds_for_a_symmetric_tensor_unverified(lhs, rhs, word):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is U and word in verdict.reason, verdict.reason


@pytest.mark.parametrize("lhs,rhs", [
    (r"\delta_{pq} v_q", "v_q"),  # free indices differ: no reading of the convention
    (r"c_k d_k e_k", "1"),  # an index three times in a product
    (r"\frac{c_k}{d_k}", "1"),  # an index in a denominator
])
def test_outside_the_convention_not_refuted(lhs, rhs):
    assert status(lhs, rhs) is not R


@pytest.mark.parametrize("lhs,rhs,reason", [
    (r"\delta_{pq} v_q", "v_q", "free indices"),
    (r"c_k d_k e_k", "1", "three times"),
    (r"c_k^2", r"d_k d_k", "power"),
    (r"T_{\mu\mu}", "4", "Greek"),
])
def test_no_reading(lhs, rhs, reason):
    got = einstein.reading(parse_step(lhs, rhs, {}))
    assert isinstance(got, str) and reason in got, got


def test_reading_writes_sums_and_free_indices():
    read, free = einstein.reading(parse_step(r"\epsilon_{pqr} u_q w_r", r"(u \times w)_p", {}))
    assert free == ("p",)
    assert type(read.lhs).__name__ == "BigOp" and {read.lhs.var, *read.lhs.extra_vars} == {"q", "r"}


@pytest.mark.parametrize("lhs,rhs,away", [
    (r"\delta_{pq} v_q", "v_p", True),
    (r"c_k d_k", r"d_m c_m", True),
    (r"\operatorname{tr} M", "M_{kk}", False),
    (r"A_{pq} v_q", r"(A v)_p", False),
])
def test_gives_away(lhs, rhs, away):
    parsed = parse_step(lhs, rhs, {})
    assert einstein.gives_away(parsed.lhs, parsed.rhs) is away
