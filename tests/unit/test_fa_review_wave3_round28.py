"""Review of round 28's newest readings for false alarms: correct steps that were refuted.

- Rows of an align that solve nothing together (a drill of separate equations, components compared to
  show two lines do not meet, the two branches of an absolute value) are no solving chain: their odd
  row out is not a slip (lintmath.solving, pipeline._solving_rows).
- A name the prose gives another meaning in words ("now write $u$ for ...") or reuses for a quantity
  with a letter more (the r of a sphere after the r of a cylinder) claims no slip against its old value
  (check._repaired_with_values, pipeline._named_in_words).
- An arrow with a logarithm without a base is refuted only where the common logarithm refutes it too.
Each slip beside them is still refuted.
"""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.model import Status


def rows(*pairs: tuple[str, str], prose: str = "We solve for the unknown:", after: str = "") -> str:
    return (prose + "\n\\begin{align*}\n" + " \\\\\n".join(f"{lhs} &= {rhs}" for lhs, rhs in pairs)
            + "\n\\end{align*}\n" + after)


def _statuses(body: str) -> dict[str, Status]:
    return {f"{s.step.lhs.stripped} {s.step.relation} {s.step.rhs.stripped}": s.verdict.status
            for s in checked_steps(body)}


SEPARATE_ROWS = [
    # a drill: the answers of the first and the last agree by chance
    rows(("4t", "12"), ("t + 5", "9"), ("7t", "21"), prose="Warm-up:"),
    rows(("y + 6", "8"), ("3y", "15"), ("y - 3", "-1"), prose="Quick ones."),
    rows(("5w - 2", "13"), ("w^2", "36"), ("2w", "6"), prose="Solve:"),
    rows(("m + 2", "7"), ("m - 2", "7"), ("3m", "15"), prose="Try these."),
    # components compared, and the prose below says they disagree
    rows(("3 + s", "5"), ("2s", "7"), ("s + 4", "6"), prose="Matching the coordinates,",
         after="The middle row contradicts the others: the lines are skew."),
    # the two branches of |3q - 1| = 5, and two problems with one left side
    rows(("3q - 1", "5"), ("3q - 1", "-5"), ("3q", "6"), ("q", "2"), prose="Both signs:"),
    rows(("2n + 3", "9"), ("2n + 3", "11"), ("n", "3"), prose="Then"),
]


@pytest.mark.parametrize("body", SEPARATE_ROWS)
def test_rows_that_solve_nothing_together_are_not_refuted(body: str) -> None:
    statuses = _statuses(body)
    assert statuses and Status.REFUTED not in statuses.values()


@pytest.mark.parametrize("pairs, slip", [
    ((("4t + 3", "19"), ("4t", "15"), ("t", "4")), "4t = 15"),
    ((("2(p - 1)", "10"), ("p - 1", "6"), ("p", "6")), "p - 1 = 6"),
    ((("6k + 1", "2k + 13"), ("4k", "14"), ("k", "3")), "4k = 14"),
    ((("\\frac{3n}{4}", "6"), ("3n", "18"), ("n", "8")), "3n = 18"),
])
def test_a_slip_in_a_solving_chain_is_still_refuted(pairs: tuple[tuple[str, str], ...], slip: str) -> None:
    assert _statuses(rows(*pairs))[slip] is Status.REFUTED


def _document(*parts: str) -> str:
    """Prose lines, and a line ``L === R`` as a display of its own."""
    out = []
    for part in parts:
        if "===" in part:
            left, right = part.split("===")
            out.append(f"\\begin{{align*}}\n{left.strip()} &= {right.strip()}\n\\end{{align*}}")
        else:
            out.append(part)
    return "\n\n".join(out)


def _last(*parts: str) -> Status:
    return checked_steps(_document(*parts))[-1].verdict.status


@pytest.mark.parametrize("parts", [
    ("Let $w = p + 1$.", "Then $w^2 = p^2 + 2p + 1$. Now write $w$ for $p - 1$ instead.", "w^2 === p^2 - 2p + 1"),
    ("Let $w = p + 1$.", "In the next problem $w$ stands for $p - 1$:", "w^2 === p^2 - 2p + 1"),
    ("Let $g = m + n$.", "Similarly for the difference:", "g^2 === m^2 - 2mn + n^2", "where now $g$ is $m - n$."),
    ("Let $h = t^2$.", "By parts, with $h$ as $t$ and $k = e^t$,", "h k === t e^t"),
    # the name reused for a quantity with a letter more: no slip against the old value
    ("Let $\\rho = \\sqrt{a^2 + b^2}$.", "For the sphere,", "\\rho^2 === a^2 + b^2 + c^2"),
    ("Let $q = \\frac{1}{2}(a + b + c)$.", "For the quadrilateral,", "2q === a + b + c + d"),
])
def test_a_name_given_another_meaning_claims_no_slip(parts: tuple[str, ...]) -> None:
    assert _last(*parts) is not Status.REFUTED


@pytest.mark.parametrize("parts", [
    ("Let $w = p + 1$.", "Then", "w^2 === p^2 - 2p + 1"),
    ("Let $g = m + n$.", "Expanding,", "g^2 === m^2 + mn + n^2"),
    ("Let $\\rho = \\sqrt{a^2 + b^2}$.", "Then", "\\rho^2 === a^2 - b^2"),
])
def test_a_slip_against_the_value_is_still_refuted(parts: tuple[str, ...]) -> None:
    assert _last(*parts) is Status.REFUTED


def _arrow(*equations: str) -> Status:
    body = "We solve:\n\\[\n" + " \\Rightarrow ".join(equations) + "\n\\]\n"
    return next(s.verdict.status for s in checked_steps(body) if s.step.relation != "=")


def test_an_arrow_with_a_logarithm_without_base_is_read_both_ways() -> None:
    assert _arrow("\\log y = 3", "y = 1000") is not Status.REFUTED
    assert _arrow("\\log y = 3", "y = 100") is Status.REFUTED  # neither e^3 nor 1000
    assert _arrow("\\ln y = 3", "y = 1000") is Status.REFUTED
