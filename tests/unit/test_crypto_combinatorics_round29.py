"""Cryptography and enumerative combinatorics notes: definitions set beside a row of an alignment
(``F_n &= .., \\quad \\varphi = \\frac{1 + \\sqrt{5}}{2}``, ``N_1 &= 35, \\quad N_2 = 21``), and modular steps
of a worked example whose letters the prose gives numbers (``g^a \\bmod p = 5^6 \\bmod 23`` beside
"$p = 23$, $g = 5$, $a = 6$"), with the slips of the field that must stay refuted."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


BINET = ("Binet's formula reads\n"
         + _align(r"F_n &= \frac{\varphi^n - \psi^n}{\sqrt{5}}, \quad \varphi = \frac{1 + \sqrt{5}}{2}, "
                  r"\quad \psi = \frac{1 - \sqrt{5}}{2}.")
         + "Then\n")


def test_definitions_beside_a_row_of_an_alignment_are_in_force_below() -> None:
    statuses = _statuses(BINET + _align(r"\varphi^2 &= \varphi + 1", r"\varphi + \psi &= 1", r"\varphi \psi &= -1",
                                        r"F_{n+1}F_{n-1} - F_n^2 &= (-1)^n"))
    assert statuses[r"\varphi^2 = \varphi + 1"] == "verified"  # was refuted at \varphi = 0.46
    assert statuses[r"\varphi + \psi = 1"] == "verified"
    assert statuses[r"\varphi \psi = -1"] == "verified"
    assert statuses[r"F_{n+1}F_{n-1} - F_n^2 = (-1)^n"] == "verified"
    assert statuses[r"\varphi = \frac{1 + \sqrt{5}}{2}"] == "skipped"


def test_a_slip_about_the_roots_defined_beside_a_row_is_refuted() -> None:
    assert _statuses(BINET + _align(r"\varphi^2 &= \varphi - 1"))[r"\varphi^2 = \varphi - 1"] == "refuted"


@pytest.mark.parametrize("row", [r"\varphi \psi &= 1", r"\varphi + \psi &= \sqrt{5}"])
def test_a_slip_in_the_values_of_the_roots_is_not_verified(row: str) -> None:
    # (values in force only ever verify an equation in their names: these stay unverified)
    assert list(_statuses(BINET + _align(row)).values())[-1] != "verified"


def test_each_equation_beside_a_row_is_a_step_of_its_own() -> None:
    body = _align(r"N_1 &= \frac{105}{3} = 35, \quad N_2 = \frac{105}{5} = 21, \quad N_3 = \frac{105}{7} = 16.")
    steps = {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s for s in checked_steps(body)}
    assert steps[r"\frac{105}{3} = 35"].verdict.status.value == "verified"
    assert steps[r"\frac{105}{5} = 21"].verdict.status.value == "verified"
    slip = steps[r"\frac{105}{7} = 16"]
    assert slip.verdict.status.value == "refuted"
    assert slip.verdict.diagnosis is not None and slip.verdict.diagnosis.suggestion == "15"


def test_the_next_row_continues_the_rows_own_chain_not_the_equation_beside_it() -> None:
    statuses = _statuses(_align(r"u &= (x + 1)^2, \quad v = (x - 1)^2", r"&= x^2 + 2x + 1"))
    assert statuses["(x + 1)^2 = x^2 + 2x + 1"] == "verified"
    statuses = _statuses(_align(r"u &= (x + 1)^2, \quad v = (x - 1)^2", r"&= x^2 + 2x + 2"))
    assert statuses["(x + 1)^2 = x^2 + 2x + 2"] == "refuted"


@pytest.mark.parametrize("condition", [r"x \ge 0", r"x \neq 1", r"x \in \mathbb{R}", r"n \geq 1"])
def test_a_condition_beside_a_row_of_an_alignment_stays_the_rows(condition: str) -> None:
    steps = checked_steps(_align(rf"\sqrt{{x^2}} &= x, \quad {condition}."))
    assert len(steps) == 1
    assert steps[0].step.lhs.stripped == r"\sqrt{x^2}"


DH = "Take the prime $p = 23$, the generator $g = 5$ and the secrets $a = 6$, $b = 15$. Then\n"


@pytest.mark.parametrize("row", [
    r"A &= g^a \bmod p = 5^6 \bmod 23 = 8",
    r"B &= g^b \bmod p = 5^{15} \bmod 23 = 19",
    r"g^a &\equiv 5^6 \pmod{p}",
    r"g^a &\equiv 5^6 \pmod{23}",
    r"X &= g^a \bmod 23 \\ &= 5^6 \bmod 23",
])
def test_a_modular_step_of_a_worked_example_is_verified_by_the_prose_values(row: str) -> None:
    statuses = _statuses(DH + _align(row))
    assert "unverified" not in statuses.values() and "refuted" not in statuses.values(), statuses


@pytest.mark.parametrize("row", [r"g^a &\equiv 5^7 \pmod{p}", r"X &= g^a \bmod p \\ &= 5^7 \bmod 23",
                                 r"X &= g^b \bmod p \\ &= 5^{6} \bmod 23"])
def test_a_wrong_modular_step_of_a_worked_example_is_not_verified(row: str) -> None:
    statuses = _statuses(DH + _align(row))
    assert "verified" not in statuses.values(), statuses


def test_a_modular_step_without_the_values_is_left_unverified() -> None:
    assert check_step(r"g^a \bmod p", r"5^6 \bmod 23", "=").status.value == "unverified"


def test_a_wrong_number_in_a_worked_modular_chain_is_refuted() -> None:
    statuses = _statuses(DH + _align(r"A &= g^a \bmod p = 5^6 \bmod 23 = 9"))
    assert statuses[r"5^6 \bmod 23 = 9"] == "refuted"


@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"61 \cdot 53", "3233", "="),
    (r"4225", r"992 \pmod{3233}", "==="),
    (r"984064", r"1232 \pmod{3233}", "==="),
    (r"(7^{4})^{55} \cdot 7^2", r"9 \pmod{10}", "==="),
    (r"17 \cdot 2753", r"1 \pmod{3120}", "==="),
    (r"1594323 \bmod 7", "3", "="),
    (r"2(3120 - 183 \cdot 17) - 17", r"2 \cdot 3120 - 367 \cdot 17", "="),
    (r"3^{-1}", r"5 \pmod 7", "==="),
    (r"\sum_{k=0}^{r} \binom{m}{k}\binom{n}{r-k}", r"\binom{m+n}{r}", "="),
    (r"\sum_{k=0}^{n} k\binom{n}{k}", r"n 2^{n-1}", "="),
    (r"\frac{1}{n + 1}\binom{2n}{n}", r"\binom{2n}{n} - \binom{2n}{n + 1}", "="),
    (r"\frac{x}{(1 - x)^2}", r"\sum_{n=1}^{\infty} n x^n", "="),
    (r"\prod_{i=1}^{k-1} e^{-i/N}", r"e^{-k(k-1)/(2N)}", "="),
    (r"\log_2 62^8", r"8 \log_2 62", "="),
])
def test_correct_steps_of_the_field_are_verified(lhs: str, rhs: str, relation: str) -> None:
    assert check_step(lhs, rhs, relation).status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, relation", [
    (r"61 \cdot 53", "3223", "="),
    (r"(p - 1)(q - 1)", "pq - p - q - 1", "="),
    (r"4225", r"993 \pmod{3233}", "==="),
    (r"(7^{4})^{55} \cdot 7^2", r"7 \pmod{10}", "==="),
    (r"17 \cdot 2753", r"2 \pmod{3120}", "==="),
    (r"19^6 \bmod 23", "3", "="),
    (r"\binom{n}{2} + \binom{n}{3}", r"\binom{n+1}{2}", "="),
    (r"\sum_{k=0}^{n} k\binom{n}{k}", r"n 2^{n}", "="),
    (r"\sum_{i=1}^{k-1} i", r"\frac{k(k+1)}{2}", "="),
    (r"\frac{1}{(1 - x)^2}", r"\sum_{n=0}^{\infty} n x^n", "="),
    (r"r^2 - 5r + 6", "(r - 1)(r - 6)", "="),
    (r"\sum_{k=0}^{n-1} r^k", r"\frac{1 - r^{n+1}}{1 - r}", "="),
    (r"\log_2 62^8", r"62 \log_2 8", "="),
])
def test_slips_of_the_field_stay_refuted(lhs: str, rhs: str, relation: str) -> None:
    assert check_step(lhs, rhs, relation).status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\binom{10}{3, 3, 4}", r"\frac{10!}{3!\,3!\,4!}", "verified"),
    (r"\binom{10}{3, 3, 4}", "4200", "verified"),
    (r"\binom{11}{4, 4, 2, 1}", "34650", "verified"),
    (r"\binom{10}{3, 3, 4}", "4201", "refuted"),
    (r"\binom{10}{3, 3, 4}", r"\frac{10!}{3!\,3!}", "refuted"),
    # the last part left out, or letters: which convention is meant is not shown
    (r"\binom{10}{3, 3}", "4200", "unverified"),
    (r"\binom{n}{k_1, k_2}", r"\frac{n!}{k_1!\,k_2!}", "unverified"),
])
def test_a_multinomial_coefficient_of_whole_parts_adding_up_to_its_top(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status
