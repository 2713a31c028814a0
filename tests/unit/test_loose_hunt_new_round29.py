"""Loose hunt over this round's readings: a correct step with one plausible slip, in the notation each
new reading takes (Jacobians of maps the prose gives, substitutions read back by the chain rule,
written-out matrices, lists under \\langle,\\rangle, worked modular examples, function algebra,
improper integrals with letter rates, Ito differentials, the imaginary unit j, tg/ctg, compound units),
is never verified; the correct step beside it is, so the reading is in force where the slip is not."""
from __future__ import annotations

import pytest

from documents import checked_steps

POLAR = "Let $x = r\\cos\\theta$ and $y = r\\sin\\theta$.\n\n"
LINEAR = "Let $x = u + v$ and $y = u - v$.\n\n"
SUBSTITUTION = "Let $u = x^2 + 1$.\n\n"
MATRICES = ("Let $A = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}$ and "
            "$B = \\begin{pmatrix} 0 & 1 \\\\ 1 & 0 \\end{pmatrix}$.\n\n")
FUNCTIONS = "Let $f(x) = x^2$ and $g(x) = 3x + 1$.\n\n"
UNIT = "Let $j = \\sqrt{-1}$.\n\n"
EXCHANGE = "Take the prime $p = 23$, the generator $g = 5$ and the secrets $a = 6$, $b = 15$. Then\n\n"
ORTHOGONAL = "Since $u \\perp v$, we have\n\n"


def _status(prose: str, lhs: str, rhs: str) -> str:
    steps = checked_steps(f"{prose}\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n")
    wanted = [s for s in steps if s.step.lhs.stripped == lhs and s.step.rhs.stripped == rhs]
    assert len(wanted) == 1, [(s.step.lhs.stripped, s.step.rhs.stripped) for s in steps]
    return wanted[0].verdict.status.value


@pytest.mark.parametrize(("prose", "lhs", "right", "slip"), [
    (POLAR, r"\frac{\partial(x,y)}{\partial(r,\theta)}", "r", "r^2"),
    (POLAR, r"\frac{\partial(x,y)}{\partial(r,\theta)}", "r", "-r"),
    (LINEAR, r"\frac{\partial(x,y)}{\partial(u,v)}", "-2", "2"),
    (SUBSTITUTION, r"\int 2x(x^2+1)^5 dx", r"\int u^5 du", r"\int u^6 du"),
    (SUBSTITUTION, r"\int 2x(x^2+1)^5 dx", r"\frac{(x^2+1)^6}{6} + C", r"\frac{(x^2+1)^6}{3} + C"),
    (SUBSTITUTION, r"\int u^5 du", r"\frac{(x^2+1)^6}{6} + C", r"\frac{(x^2+1)^5}{5} + C"),
    (MATRICES, "AB", r"\begin{pmatrix} 2 & 1 \\ 4 & 3 \end{pmatrix}", r"\begin{pmatrix} 2 & 1 \\ 4 & 4 \end{pmatrix}"),
    (MATRICES, r"\det A", "-2", "2"),
    (FUNCTIONS, "(f + g)(x)", "x^2 + 3x + 1", "x^2 + 3x"),
    (FUNCTIONS, "(f - g)(x)", "x^2 - 3x - 1", "x^2 + 3x + 1"),
    (UNIT, "(1 + j)^2", "2j", "2"),
    (UNIT, r"e^{j\omega t}", r"\cos\omega t + j\sin\omega t", r"\cos\omega t - j\sin\omega t"),
    ("", r"\operatorname{tg} x", r"\frac{\sin x}{\cos x}", r"\frac{\cos x}{\sin x}"),
    ("", r"\langle 1, 2, 3 \rangle \cdot \langle 1, 0, 1 \rangle", "4", "3"),
    ("", r"\int_0^\infty \lambda e^{-\lambda t} dt", "1", r"\frac{1}{\lambda}"),
])
def test_a_slip_in_a_new_reading_is_not_verified_where_the_right_step_is(prose: str, lhs: str, right: str,
                                                                          slip: str) -> None:
    assert _status(prose, lhs, right) == "verified"
    assert _status(prose, lhs, slip) != "verified"


@pytest.mark.parametrize(("prose", "lhs", "rhs"), [
    (POLAR, r"\frac{\partial(x,y)}{\partial(\theta, r)}", "r"),
    (POLAR, r"\frac{\partial(x,y,z)}{\partial(r,\theta,z)}", "r^2"),
    (SUBSTITUTION, r"\int x(x^2+1)^5 dx", r"\int u^5 du"),
    (SUBSTITUTION, r"\int_0^1 2x(x^2+1)^5 dx", r"\int_0^1 u^5 du"),
    ("Let $u = ax + b$.\n\n", r"\int (ax+b)^3 dx", r"\int u^3 du"),
    ("Let $u = x - 1$.\n\n", r"\int x\sqrt{x-1}\,dx", r"\int (u - 1)\sqrt{u}\,du"),
    (MATRICES, "AB", "BA"),
    (MATRICES, "(A+B)^2", "A^2 + 2AB + B^2"),
    (EXCHANGE, r"g^a \bmod p", r"6^5 \bmod 23"),
    (EXCHANGE, r"g^{ab} \bmod p", r"5^{21} \bmod 23"),
    (FUNCTIONS, r"(f \circ g)(x)", "3x^2 + 1"),
    (UNIT, r"\sum_{j=1}^{2} j^2", "-2"),
    ("", r"d(W_t^2)", r"2W_t\,dW_t"),
    ("", r"d(e^{W_t})", r"e^{W_t}dW_t"),
    ("We use the summation convention, with indices running from 1 to 2.\n\n", r"\delta_{ii}", "3"),
    (ORTHOGONAL, r"\|u - v\|^2", r"\|u\|^2 - \|v\|^2"),
    (ORTHOGONAL, r"\|2u + v\|^2", r"2\|u\|^2 + \|v\|^2"),
    ("Let $f = \\sum_i \\alpha_i k(x_i, \\cdot)$.\n\n", r"\|f\|^2", r"\sum_i \alpha_i^2 k(x_i, x_i)"),
    ("", r"2\,\text{kW}\cdot 3\,\text{h}", r"6000\,\text{kW h}"),
    ("", r"10\,\text{MeV/u}\times 12\,\text{u}", r"120\,\text{MeV/u}"),
    ("", r"1\,\text{kW h}", r"3.6\times10^{5}\,\text{J}"),
    ("The values are truncated (chopped) to two decimals.\n\n", r"\sqrt{3}", "1.74"),
])
def test_a_slip_in_a_new_reading_is_not_verified(prose: str, lhs: str, rhs: str) -> None:
    assert _status(prose, lhs, rhs) != "verified"
