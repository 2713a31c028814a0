"""Adversarial review of the prose-context rescues of round 27: values the prose states may only verify,
so each is tried where it does not apply (the alternative hypothesis's value, a case the prose only
supposes, a worked number whose formula the next example gives new inputs, a named state restated in
letters), and a condition the prose names that is an equation of numbers alone."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


# --- hypothesis labels: only the null hypothesis's value is the one the statistic is computed at ---------

TEST = ("We test $H_0: \\theta = 20$ against $H_1: \\theta = 23$ with $\\tau = 3$ and $m = 9$, "
        "and the sample gives $\\bar{y} = 26$.\n\n")


def test_the_alternative_hypothesis_value_does_not_verify_a_statistic() -> None:
    statuses = _statuses(TEST + _align("w &= \\frac{\\bar{y} - \\theta}{\\tau/\\sqrt{m}} = \\frac{26 - 23}{1}"))
    assert statuses["\\frac{\\bar{y} - \\theta}{\\tau/\\sqrt{m}} = \\frac{26 - 23}{1}"] != "verified"


def test_the_null_hypothesis_value_still_verifies_the_statistic() -> None:
    statuses = _statuses(TEST + _align("w &= \\frac{\\bar{y} - \\theta}{\\tau/\\sqrt{m}} = \\frac{26 - 20}{1}"))
    assert statuses["\\frac{\\bar{y} - \\theta}{\\tau/\\sqrt{m}} = \\frac{26 - 20}{1}"] == "verified"


def test_a_braced_null_label_with_colon_command_still_gives_its_value() -> None:
    body = ("Under $H_{0}\\colon \\theta = 20$ with $\\tau = 3$, $m = 9$ and $\\bar{y} = 26$,\n\n"
            + _align("\\frac{\\bar{y} - \\theta}{\\tau/\\sqrt{m}} &= \\frac{26 - 20}{1}"))
    assert _statuses(body)["\\frac{\\bar{y} - \\theta}{\\tau/\\sqrt{m}} = \\frac{26 - 20}{1}"] == "verified"


# --- a condition the prose names: an equation of numbers alone is still a claim ----------------------------

@pytest.mark.parametrize("words, lhs, rhs", [
    ("The normalisation condition is", "\\int_0^1 4t^3 \\, dt", "3"),
    ("By the boundary condition,", "e^{0} + 1", "3"),
    ("Equating the two payments gives", "2 \\cdot 7 + 1", "16"),
])
def test_a_wrong_equation_of_numbers_is_refuted_whatever_the_prose_calls_it(words: str, lhs: str, rhs: str) -> None:
    assert _statuses(f"{words}\n" + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "refuted"


def test_a_condition_in_letters_is_still_no_claim() -> None:
    assert _statuses("The indifference condition is\n" + _align("2 + 5r &= 9 - 2r"))["2 + 5r = 9 - 2r"] != "refuted"


# --- a number the prose only supposes does not replace the displayed one ---------------------------------

DISPLAYED = "The design has\n" + _align("g &= 5") + "\n"


@pytest.mark.parametrize("sentence", [
    "groups. If there were only $g = 3$ groups the test would be simpler.",
    "groups; compare a design of $g = 3$ groups, which needs fewer runs.",
    "groups. For $g = 3$ the table would be smaller.",
])
def test_a_supposed_number_does_not_verify_a_step_of_the_displayed_case(sentence: str) -> None:
    statuses = _statuses(DISPLAYED + sentence + "\n\n" + _align("\\frac{36}{g - 1} &= 18"))
    assert statuses["\\frac{36}{g - 1} = 18"] != "verified"


def test_a_supposed_number_at_odds_with_the_display_leaves_neither_in_force() -> None:
    # ("larger than the first, with ...": the words are not read well enough to pick one example's number)
    for sentence in ("groups. If there were only $g = 3$ groups the test would be simpler.",
                     "groups. The next design is larger than the first, with $g = 3$ groups."):
        statuses = _statuses(DISPLAYED + sentence + "\n\n" + _align("\\frac{36}{g - 1} &= 9", "\\frac{36}{g - 1} &= 18"))
        assert statuses["\\frac{36}{g - 1} = 9"] != "verified"
        assert statuses["\\frac{36}{g - 1} = 18"] != "verified"


def test_the_displayed_number_still_verifies_where_the_prose_gives_no_other() -> None:
    body = DISPLAYED + "groups, each of equal size.\n\n" + _align("\\frac{36}{g - 1} &= 9")
    assert _statuses(body)["\\frac{36}{g - 1} = 9"] == "verified"


def test_a_number_taken_for_the_next_example_still_gives_the_name_anew() -> None:
    body = DISPLAYED + "groups. In the second study, with $g = 3$ groups,\n\n" + _align("\\frac{36}{g - 1} &= 18")
    assert _statuses(body)["\\frac{36}{g - 1} = 18"] == "verified"


# --- a chain's number is of the past once its formula's inputs are given anew ------------------------------

WORKED = ("First study:\n" + _align("V &= \\frac{Q}{d - 1}", "&= \\frac{48}{4}", "&= 12") + "\n")


def test_a_chain_end_does_not_verify_the_next_example_with_new_inputs() -> None:
    body = WORKED + "Second study, with $Q = 60$, $d = 5$ and $W = 3$:\n\n" + _align("\\frac{V}{W} &= \\frac{12}{3}")
    assert _statuses(body)["\\frac{V}{W} = \\frac{12}{3}"] != "verified"


def test_the_new_inputs_verify_the_next_example() -> None:
    body = WORKED + "Second study, with $Q = 60$, $d = 5$ and $W = 3$:\n\n" + _align("\\frac{V}{W} &= \\frac{15}{3}")
    assert _statuses(body)["\\frac{V}{W} = \\frac{15}{3}"] == "verified"


def test_the_chain_end_still_verifies_its_own_example() -> None:
    body = WORKED + "With $W = 3$,\n\n" + _align("\\frac{V}{W} &= \\frac{12}{3}")
    assert _statuses(body)["\\frac{V}{W} = \\frac{12}{3}"] == "verified"


# --- a named state restated in letters is no longer the earlier numbers ------------------------------------

STATE = "Let $|\\eta\\rangle = \\frac{5}{13}|0\\rangle + \\frac{12}{13}|1\\rangle$ in the first exercise.\n\n"


def test_a_state_restated_in_letters_drops_the_earlier_value() -> None:
    body = STATE + "In the next exercise $|\\eta\\rangle = a|0\\rangle + b|1\\rangle$ is arbitrary.\n\n" \
        + _align("\\langle 0 | \\eta \\rangle &= \\frac{5}{13}")
    assert _statuses(body)["\\langle 0 | \\eta \\rangle = \\frac{5}{13}"] != "verified"


def test_a_state_value_still_verifies_its_own_exercise() -> None:
    body = STATE + _align("\\langle 0 | \\eta \\rangle &= \\frac{5}{13}")
    assert _statuses(body)["\\langle 0 | \\eta \\rangle = \\frac{5}{13}"] == "verified"


def test_a_chain_that_ends_at_a_slip_gives_its_name_no_number() -> None:
    body = "The rate\n" + _align("\\kappa &= \\frac{M}{D}", "&= \\frac{11}{4}", "&= 3") \
        + "\nso over four days\n" + _align("4\\kappa &= 12")
    statuses = _statuses(body)
    assert statuses["\\frac{11}{4} = 3"] == "refuted"
    assert statuses["4\\kappa = 12"] != "verified"


def test_a_rounded_chain_end_still_verifies_below_it_and_a_label_is_no_input() -> None:
    body = ("The slope is\n" + _align("\\beta &= \\frac{S_{uv}}{S_{uu}}", "&= \\frac{12}{7}", "&= 1.71")
            + "\nPredicting at $u = 4$,\n\n" + _align("4\\beta &= 6.84"))
    assert _statuses(body)["4\\beta = 6.84"] == "verified"


def test_a_number_a_neutral_sentence_gives_leaves_neither_value_in_force() -> None:
    body = ("The first sample's mean is\n" + _align("\\bar{v} &= \\frac{390}{30}", "&= 13")
            + "\nA second sample of size $r = 16$ has mean $\\bar{v} = 11$ and spread $h = 4$.\n\n"
            + _align("\\frac{\\bar{v} - 10}{h/\\sqrt{r}} &= \\frac{13 - 10}{1}"))
    assert _statuses(body)["\\frac{\\bar{v} - 10}{h/\\sqrt{r}} = \\frac{13 - 10}{1}"] != "verified"
