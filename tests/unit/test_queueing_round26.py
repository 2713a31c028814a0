"""Queueing and reliability notes: a name a display defined for one model and the prose gives anew for
the next (the utilisation of one server, then of c servers), decimals written with TeX's decimal comma
(0{,}95), and times spelled out as units (1.5 hours, 12 per hour)."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.parse.tokens import tokenize


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


ONE_SERVER = ("The traffic intensity of a single exponential server is\n"
              "\\begin{equation}\n\\kappa = \\frac{a}{b},\n\\end{equation}\n"
              "so that the mean number present is\n"
              "\\begin{align*}\nN &= \\frac{a}{b - a} = \\frac{\\kappa}{1 - \\kappa}.\n\\end{align*}\n\n")


@pytest.mark.parametrize("sentence", [
    "For a pool of $m$ servers we now let $\\kappa = a/(mb)$ be the load of each one.",
    "With $m$ servers the load per server is $\\kappa = a/(mb)$ instead.",
    "Define $\\kappa = \\frac{a}{mb}$, the share of time each of the $m$ servers is busy.",
])
def test_a_name_the_prose_gives_a_new_value_is_no_claim_about_the_old_display(sentence: str) -> None:
    body = ONE_SERVER + sentence + "\n\n\\begin{align*}\nT &= \\frac{q}{mb - a} \\\\\n  &= \\frac{q}{mb(1 - \\kappa)}\n" \
        "\\end{align*}\n"
    statuses = _statuses(body)
    assert statuses["\\frac{a}{b - a} = \\frac{\\kappa}{1 - \\kappa}"] == "verified"
    assert statuses["\\frac{q}{mb - a} = \\frac{q}{mb(1 - \\kappa)}"] == "verified"


def test_a_where_clause_below_a_chain_gives_its_name_anew_for_that_chain() -> None:
    body = ONE_SERVER + ("For two servers,\n\\begin{align*}\nT &= \\frac{q}{2b - a} = \\frac{q}{2b(1 - \\kappa)},\n"
                         "\\end{align*}\nwhere $\\kappa = a/(2b)$ is the load of each server.\n")
    assert _statuses(body)["\\frac{q}{2b - a} = \\frac{q}{2b(1 - \\kappa)}"] != "refuted"


def test_a_slip_above_a_new_passage_is_still_held_to_the_display() -> None:
    # the sentence below the slip opens a passage of its own: it explains nothing above it
    body = ("The traffic intensity is\n\\begin{equation}\n\\kappa = \\frac{a}{b}.\n\\end{equation}\n"
            "\\begin{align*}\nN &= \\frac{a}{b - a} = \\frac{\\kappa}{1 + \\kappa}.\n\\end{align*}\n"
            "With $m$ servers the load per server is $\\kappa = a/(mb)$.\n")
    assert _statuses(body)["\\frac{a}{b - a} = \\frac{\\kappa}{1 + \\kappa}"] == "refuted"


def test_a_value_restated_in_other_words_keeps_the_display_in_force() -> None:
    # a/b restated as \frac{a}{b} gives no new value: the slip below is still refuted by the display
    body = ("The traffic intensity is\n\\begin{equation}\n\\kappa = \\frac{a}{b}.\n\\end{equation}\n"
            "Recall that $\\kappa = a/b$ is below one.\n"
            "\\begin{align*}\nN &= \\frac{a}{b - a} = \\frac{\\kappa}{1 + \\kappa}.\n\\end{align*}\n")
    assert _statuses(body)["\\frac{a}{b - a} = \\frac{\\kappa}{1 + \\kappa}"] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"0{,}8^2", r"0{,}64"),
    (r"1 - (1 - 0{,}9)^2", r"0{,}99"),
    (r"e^{-0{,}2}", r"0{,}8187"),
    (r"3 \cdot 0{,}9^2 - 2 \cdot 0{,}9^3", r"0{,}972"),
    (r"\frac{0{,}4}{0{,}5}", r"0{,}8"),
    (r"2{,}5 \cdot 4", r"10"),
    (r"\frac{400}{400 + 2}", r"0{,}99502"),
    # (round 25 left these two unread: no group of thousands starts with 0 or has four digits)
    (r"0{,}125 \cdot 8", r"1"),
    (r"1{,}0005 \times 2", r"2.001"),
])
def test_a_decimal_comma_is_read_as_a_decimal(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{-0{,}2}", r"0{,}8178"),
    (r"0{,}4 \cdot 8", r"2{,}3"),
    (r"1 - 0{,}1813^2", r"0{,}9761"),
])
def test_a_slip_in_decimal_commas_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("text", [r"1{,}000", r"12{,}500", r"250{,}000", r"1{,}5 + 2.5"])
def test_three_digits_after_a_braced_comma_are_not_read_as_decimals(text: str) -> None:
    # (1{,}000 may group thousands: that stays with the reading of grouped numbers, which needs more;
    # beside a decimal point in the same side, a braced comma is no decimal comma either)
    assert "," in [t.text for t in tokenize(text)]


@pytest.mark.parametrize("text, number", [(r"0{,}950", "0.950"), (r"1{,}5", "1.5"), (r"1500{,}25", "1500.25")])
def test_a_braced_comma_that_cannot_group_thousands_is_a_decimal_comma(text: str, number: str) -> None:
    assert [t.text for t in tokenize(text)] == [number]


@pytest.mark.parametrize("lhs, rhs", [
    (r"1.5\ \text{hours}", r"90\ \text{minutes}"),
    (r"\frac{1}{3}\ \text{hour}", r"20\ \text{minutes}"),
    (r"2\ \text{hours} + 30\ \text{minutes}", r"2.5\ \text{hours}"),
    (r"\frac{1}{4\ \text{min}}", r"15 \text{ per hour}"),
    (r"30\ \text{per hour}", r"0.5\ \text{per minute}"),
    (r"\frac{4.5}{3}", r"1.5\ \text{hours}"),
])
def test_times_spelled_out_are_units(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"1.5\ \text{hours}", r"100\ \text{minutes}"),
    (r"\frac{1}{4\ \text{min}}", r"12 \text{ per hour}"),
    (r"\frac{1}{3}", r"20\ \text{minutes}"),
    (r"5\ \text{per}", r"5"),
    (r"2\ \text{customers per hour}", r"2"),
])
def test_spelled_out_times_that_do_not_convert_are_never_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value != "verified"


def test_a_rate_spelled_out_that_is_off_is_refuted() -> None:
    assert check_step(r"30\ \text{per hour}", r"0.5\ \text{per hour}", "=").status.value == "refuted"
