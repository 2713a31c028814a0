"""Convex optimisation notes, round 25: iterates written with superscripts (x^0, z^1 as labels, not
powers; z^k of a vector), a step size before a matrix (x - tA^T(Ax - b)), the positive part (u)_+, and
a conjugate defined only where the prose bounds its letter (f^*(y) = -1 - log(-y) for y < 0)."""
import pytest

from documents import checked_steps, display

from lintmath.check import check_step
from lintmath.model import Status

V, U, R = Status.VERIFIED, Status.UNVERIFIED, Status.REFUTED


def status(lhs: str, rhs: str, relation: str = "=") -> Status:
    return check_step(lhs, rhs, relation).status


# (lhs, rhs, status): starting iterates and later ones written as superscripts
ITERATES = [
    # the starting values the prose gives (z^0 = u^0 = 0), put in: no longer read as powers (= 1)
    (r"\frac{3 + v^0 + w^0}{2}", r"\frac{3 + 0 + 0}{2}", U),
    (r"y^0 + 1", r"3", U),
    # the second iterate from the first: x^2 is no square here
    (r"y^2", r"0.5\, y^1", U),
    # a step that holds with the iterates as labels holds whatever their values
    (r"y^1 - y^0", r"-(y^0 - y^1)", V),
    # a slip among iterates written on both sides is still one
    (r"y^0 - s(y^0 - 1)", r"(1 - s)y^0 - s", R),
    # a polynomial that writes its powers the same way on both sides keeps its reading
    (r"c_0 y^0 + c_1 y^1 + c_2 y^2", r"c_0 y^0 + c_1 y^1 + 2c_2 y^2", R),
    # no superscript 0 or 1: powers as before
    (r"(y + 1)^2", r"y^2 + 2y + 2", R),
]


@pytest.mark.parametrize("lhs,rhs,expected", ITERATES)
def test_superscript_iterates(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


# (lhs, rhs, status): vectors and matrices of proximal and ADMM updates
UPDATES = [
    # a plain letter before a matrix is a step size, a number in every reading
    (r"v - sB^\top(Bv - c)", r"v - sB^\top B v + sB^\top c", V),
    (r"v - sB^\top B v", r"(I - sB^\top B)v", V),
    (r"v - sB^\top(Bv - c)", r"v - sB^\top B v - sB^\top c", R),
    # a vector's superscript with a letter labels an iterate: a column vector has no powers
    (r"\mathbf{v} - \mathbf{w}^j + \mathbf{q}^j", r"\mathbf{v} - (\mathbf{w}^j - \mathbf{q}^j)", V),
    (r"B^\top B v + \rho v - \rho w^{j+1}", r"B^\top B v + \rho(v - w^{j+1})", V),
    (r"B^\top B v + \rho v - \rho w^{j}", r"B^\top B v + \rho(v + w^{j})", R),
    (r"\mathbf{w}^{j+1} - \mathbf{w}^j", r"\mathbf{w}^{j} - \mathbf{w}^{j+1}", R),
    # the starting iterate of a vector: no power 0 of a column vector exists
    (r"\|\mathbf{v}^1 - \mathbf{v}^0\|_2^2", r"(\mathbf{v}^1 - \mathbf{v}^0)^\top(\mathbf{v}^1 - \mathbf{v}^0)", V),
    (r"\|\mathbf{v}^1 - \mathbf{v}^0\|_2^2", r"(\mathbf{v}^1 + \mathbf{v}^0)^\top(\mathbf{v}^1 - \mathbf{v}^0)", R),
]


@pytest.mark.parametrize("lhs,rhs,expected", UPDATES)
def test_vector_updates(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


# (lhs, rhs, status): the positive part of a bracket
POSITIVE_PART = [
    (r"(5 - 2)_+", r"3", V),
    (r"(-4)_{+}", r"0", V),
    (r"(a)_+ - (-a)_+", r"a", V),
    (r"(a)_+ + (-a)_+", r"|a|", V),
    (r"\left(1 - \frac{2}{8}\right)_+ \cdot 4", r"3", V),
    (r"[r - 2]_+", r"\max(r - 2, 0)", V),
    (r"\operatorname{sign}(v)(|v| - \kappa)_+", r"\operatorname{sign}(v)\max(|v| - \kappa, 0)", V),
    # only where the letters are positive: a domain question, never an error
    (r"(a + b)_+", r"(a)_+ + (b)_+", U),
    (r"(5 - 2)_+", r"2", R),
]


@pytest.mark.parametrize("lhs,rhs,expected", POSITIVE_PART)
def test_positive_part(lhs, rhs, expected):
    assert status(lhs, rhs) is expected


def test_negative_part_not_read():
    # (u)_- is max(-u, 0) to some authors and min(u, 0) to others
    assert status(r"(a)_-", r"\max(-a, 0)") is U


def _verdicts(body: str) -> list[tuple[str, Status, str]]:
    return [(s.step.rhs.stripped, s.verdict.status, " ".join(s.verdict.guessed)) for s in checked_steps(body)]


def test_conjugate_defined_under_the_stated_bound():
    # -log(-y) is undefined at the positive points sampled; the prose puts y below 0
    body = display(r"For $g(u) = -\log u$ and $w < 0$ the supremum is attained at $u = -1/w$, so",
                   r"-1 + \log\left(-\frac{1}{w}\right)", r"-1 - \log(-w)")
    ((rhs, verdict, guessed),) = _verdicts(body)
    assert verdict is V and "w < 0" in guessed


def test_stated_bound_only_verifies():
    # a wrong step under the bound is left as it was (the bound may be another case's)
    body = display(r"For $w < 0$ we get", r"-1 + \log\left(-\frac{1}{w}\right)", r"-1 - \exp(-w)")
    ((rhs, verdict, guessed),) = _verdicts(body)
    assert verdict is U


def test_without_a_bound_still_undefined():
    assert status(r"-1 + \log\left(-\frac{1}{w}\right)", r"-1 - \log(-w)") is U


def test_bound_of_the_next_case_does_not_hide_this_one():
    # the next paragraph's 0 < w < 1 is another case; the step's own w < 0 still verifies it
    body = (display(r"For $g(u) = -\log u$ and $w < 0$,", r"-1 + \log\left(-\frac{1}{w}\right)", r"-1 - \log(-w)")
            + r"For $h(u) = \log(1 + e^u)$ and $0 < w < 1$ the maximiser is $u = \log\frac{w}{1 - w}$." + "\n")
    ((rhs, verdict, guessed),) = _verdicts(body)
    assert verdict is V and "w < 0" in guessed
