"""Vectors written as lists: (1, 2, 3), \\langle 3, 4\\rangle. A list in round brackets is read as a
column vector when every list in the step is used as one (added, scaled, \\cdot, \\times, under a
norm, a whole side); an angle list when it has three entries or two numbers (no inner product takes
numbers). A pair with letters may be an inner product (u, v), a numeric pair under a minus sign an
interval: verified where the vector reading holds, never refuted by it. Lists that may be points or
intervals (|(a,b)|, (0,1)^2, \\lambda((0,1)), (0,1) \\cup (1,2)) stay unread; lists of distinct positive
integers only multiplied or compared may be permutation cycles: never refuted."""
import pytest

from lintmath.check import check_step

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


VERIFIED = [
    (r"(2+1, 4\cdot 2)", r"(3, 8)"),
    (r"(2,0,-1)\cdot(1,3,5)", r"-3"),
    (r"3(2,-1,4)", r"(6,-3,12)"),
    (r"(2,5) + (-1,1)", r"(1,6)"),
    (r"(5,1,2) - (1,1,1)", r"(4,0,1)"),
    (r"\|(2,3,6)\|", r"7"),
    (r"\left\|(1,1)\right\|", r"\sqrt{2}"),
    (r"(0,1,0)\times(0,0,1)", r"(1,0,0)"),
    (r"\langle 2, 5\rangle \cdot \langle 1, -1 \rangle", r"-3"),
    (r"\langle 1, 2, 2\rangle + \langle 0, 1, 1\rangle", r"\langle 1, 3, 3\rangle"),
    (r"\frac{1}{5}(3,4)", r"(0.6, 0.8)"),
    (r"(s,t) + (1,2)", r"(s+1, t+2)"),
    (r"t\cdot(1,2,3) + (1,0,0)", r"(1+t, 2t, 3t)"),
    (r"\|(a,b,c)\|^2", r"a^2+b^2+c^2"),
    (r"\|(3t, 4t)\|^2", r"25t^2"),
]

REFUTED = [
    (r"(2,0,-1)\cdot(1,3,5)", r"-4"),
    (r"3(2,-1,4)", r"(6,3,12)"),
    (r"(2,5) + (-1,1)", r"(1,7)"),
    (r"\|(2,3,6)\|", r"6"),
    (r"(0,1,0)\times(0,0,1)", r"(-1,0,0)"),
    (r"\langle 2, 5\rangle \cdot \langle 1, -1 \rangle", r"3"),
    (r"t\cdot(1,2,3) + (1,0,0)", r"(1+t, 2t, 4t)"),
    (r"\|(x,y)\|^2", r"x^2 - y^2"),  # a pair under a norm is a vector
]

# correct in some reading other than the vector one, or not decidable: never refuted
NOT_REFUTED = [
    (r"(u, v)", r"(v, u)"),  # a symmetric inner product
    (r"(u + w, v)", r"(u, v) + (w, v)"),  # linearity of an inner product
    (r"(s,t) + (1,2)", r"(s+1, t+3)"),  # a pair of letters: may be an inner product
    (r"\|(x,y)\|^2", r"(x,y)\cdot(x,y) + 1"),  # the pairs outside the norm may be inner products
    (r"-(1,2)", r"(-2,-1)"),  # an interval negated
    (r"(1,2) - (3,4)", r"(-3,-1)"),  # interval subtraction
    (r"|(2,5)|", r"3"),  # the length of an interval
    (r"(0,1)^2", r"(0,1)\times(0,1)"),
    (r"\lambda((0,2))", r"2"),
    (r"(0,1) \cup (1,2)", r"(0,2) \setminus \{1\}"),
    (r"(12, 18)", r"6"),  # a gcd
    (r"f(1,2)", r"3"),
    (r"t(1,2,3)", r"(t, 2t, 3t)"),  # t may be a function of the point
    (r"\gcd(12,18)", r"6"),
    (r"P(A, B)", r"P(A)P(B)"),
    (r"\langle u, v\rangle", r"\langle v, u\rangle"),
    (r"(12, 6)", r"(6, 0)"),  # Euclid's algorithm on gcds
    (r"(6 + 2\cdot 5, 4)", r"(4, 0)"),
    (r"(3, 0, 1)", r"(0, 1, 3)"),
    # permutation cycles written with commas
    (r"(1,3,4)", r"(3,4,1)"),
    (r"(2,5)", r"(5,2)"),
    (r"(2,5)\cdot(2,5)", r"1"),
    (r"(1,2)(2,3)", r"(1,2,3)"),
    (r"\langle f, g\rangle", r"\int_0^1 f(x) g(x) dx"),
]


@pytest.mark.parametrize("lhs,rhs", VERIFIED)
def test_listed_vectors_verify(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs,rhs", REFUTED)
def test_slips_in_listed_vectors_are_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) == R


@pytest.mark.parametrize("lhs,rhs", NOT_REFUTED)
def test_other_readings_of_lists_are_not_refuted(lhs: str, rhs: str) -> None:
    assert status(lhs, rhs) != R


def test_cycles_guard_keeps_dot_products_of_numbers() -> None:
    # a product of cycles is a permutation, never 31: the vector reading is the only one
    assert status(r"(1,2,3)\cdot(4,5,6)", r"31") == R


def test_pair_of_letters_verifies_where_it_holds() -> None:
    assert status(r"(u, v)", r"(u, v)") == V
