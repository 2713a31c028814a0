"""Wrong steps that verified by a loose reading (an orthogonal basis, plain letters read as numbers
under \\times) and the correct neighbours that must still verify. (|x| = x and \\sqrt{x^2} = x verify:
the letters are positive quantities, as the first issue asks.)"""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

WRONG = [
    # verified with the indexed vectors an orthogonal basis, though both sides keep their pairs
    (r"\sum_{i,j}\alpha_i\alpha_j\langle x_i, x_j\rangle", r"\sum_{i,j}\alpha_i\alpha_i\langle x_i,x_j\rangle"),
    (r"\sum_{i} \alpha_i\langle x_i, x_j\rangle", r"\sum_i \alpha_j \langle x_i, x_j\rangle"),
    (r"\|\sum_i \alpha_i x_i\|^2", r"\sum_{i,j} \alpha_i^2 \langle x_i, x_j\rangle"),
    (r"\sum_{i,j} \alpha_i \alpha_j x_i^T x_j", r"\sum_{i,j} \alpha_i \alpha_i x_i^T x_j"),
    # plain letters under \times read as numbers only
    (r"a\times b", r"b\times a"),
    (r"a \times (b + c)", r"a \times b + c \times a"),
    (r"(a + b) \times c", r"c \times a + b \times c"),
]

RIGHT = [
    (r"\sqrt{x^2}", r"|x|"),
    (r"|xy|", r"|x||y|"),
    (r"|x|^2", r"x^2"),
    (r"\max(a, b) + \min(a, b)", r"a + b"),
    (r"\mathbb{E}[|X|^2]", r"\mathbb{E}[X^2]"),
    (r"\sqrt{ab}", r"\sqrt{a}\sqrt{b}"),
    (r"\sqrt{4x}", r"2\sqrt{x}"),
    (r"\frac{d}{dx}\sqrt{x}", r"\frac{1}{2\sqrt{x}}"),
    (r"\frac{1}{\sqrt{2\pi\sigma^2}}", r"\frac{1}{\sigma\sqrt{2\pi}}"),
    (r"\frac{2}{\sqrt{2\pi}\,\theta}", r"\frac{\sqrt{2}}{\sqrt{\pi}\,\theta}"),
    (r"\frac{1}{n\lambda}\sqrt{2n(1-\rho)}", r"\frac{1}{\sqrt{n}}\frac{\sqrt{2}}{\lambda}\sqrt{1-\rho}"),
    (r"\sum_{i,j}\alpha_i\alpha_j\langle x_i, x_j\rangle", r"\sum_{i}\alpha_i^2\langle x_i,x_i\rangle"),
    (r"\|\sum_i \alpha_i x_i\|^2", r"\sum_i \alpha_i^2 \|x_i\|^2"),
    (r"\langle \sum_i a_i u_i, u_j\rangle", r"a_j \|u_j\|^2"),
    (r"\|a_1 u_1 + a_2 u_2\|^2", r"a_1^2\|u_1\|^2 + a_2^2\|u_2\|^2"),
    (r"\sum_{i,j}\alpha_i\alpha_j\langle x_i, x_j\rangle", r"\langle \sum_i \alpha_i x_i, \sum_j \alpha_j x_j \rangle"),
    (r"a \times b", r"ab"),
    (r"a \times (b + c)", r"a \times b + a \times c"),
    (r"2 \times a \times 3", r"6a"),
    (r"\mathbf{a} \times \mathbf{b}", r"-\mathbf{b} \times \mathbf{a}"),
]


@pytest.mark.parametrize("lhs,rhs", WRONG)
def test_wrong_step_is_not_verified(lhs: str, rhs: str) -> None:
    # they hold in some reading (orthogonal vectors, numbers): unverified, never an error
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED, (lhs, rhs)


@pytest.mark.parametrize("lhs,rhs", RIGHT)
def test_correct_neighbour_still_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED, (lhs, rhs)


def test_reasons_say_what_the_step_rests_on() -> None:
    assert "orthogonal" in check_step(r"\sum_{i,j}\alpha_i\alpha_j\langle x_i, x_j\rangle",
                                      r"\sum_{i,j}\alpha_i\alpha_i\langle x_i,x_j\rangle", "=").reason
    assert "cross product" in check_step(r"a\times b", r"b\times a", "=").reason
