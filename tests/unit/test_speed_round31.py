"""Speed, round 31: the readings tried after a step's verdict (a plain letter as its bold vector's length,
primes of one variable, blocks, stacked data, a written-out convolution...) parse the step's sides again,
which the default reading parsed already. Within the decision of one step (sides.one_step, which
check_step opens) parse_step gives a text it read the same reading again; between steps nothing is
remembered (a cache across steps was taken out in round 29). And a look for the document's macro names
comes before tokenizing a side to write them out. Every verdict must be the one a step gets with
nothing remembered."""
from __future__ import annotations

import contextlib
from collections import Counter

import pytest

from lintmath import check, sides
from lintmath.check import check_step
from lintmath.conventions import _macros_written_out
from lintmath.model import Macro
from lintmath.parse import convolution
from lintmath.parse.tokens import ParseFailure


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How often each step was parsed afresh (sides._parse_step), by its arguments."""
    counted: Counter = Counter()
    fresh = sides._parse_step

    def counting(lhs, rhs, macros, averages=False):
        counted[(lhs, rhs, id(macros) if macros else None, averages, convolution.active())] += 1
        return fresh(lhs, rhs, macros, averages)
    monkeypatch.setattr(sides, "_parse_step", counting)
    return counted


# steps whose verdict is followed by readings that read the sides again (the vector's length, primes
# of one variable, a written-out convolution), correct and slipped
STEPS = [
    (r"\boldsymbol\omega \times (\boldsymbol\omega \times \mathbf{r})",
     r"\boldsymbol\omega(\boldsymbol\omega \cdot \mathbf{r}) - \omega^2 \mathbf{r}", "verified"),
    (r"\boldsymbol\omega \times (\boldsymbol\omega \times \mathbf{r})",
     r"\boldsymbol\omega(\boldsymbol\omega \cdot \mathbf{r}) + \omega^2 \mathbf{r}", "unverified"),
    (r"\mathbf{p} \cdot \mathbf{p}", r"p^2", "verified"),
    (r"\mathbf{p} \cdot \mathbf{p}", r"2p^2", "unverified"),
    (r"(fg)'", r"f'g + fg'", "verified"),
    (r"(fg)'", r"f'g - fg'", "refuted"),
    (r"\frac{d}{dx} e^-2x", r"-2e^-2x", "verified"),
    (r"\sum_m x[m] h[k - m]", r"y[k]", "unverified"),
    (r"(a+b)^2", r"a^2 + ab + b^2", "refuted"),
]


@pytest.mark.parametrize("lhs, rhs, status", STEPS)
def test_a_step_and_its_readings_parse_each_text_once(lhs: str, rhs: str, status: str, parses: Counter) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == status
    assert parses, "the step was parsed"
    assert max(parses.values()) == 1, [key[:2] for key, count in parses.items() if count > 1]


@pytest.mark.parametrize("lhs, rhs, status", STEPS)
def test_the_verdict_is_the_one_with_nothing_remembered(lhs: str, rhs: str, status: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    remembered = check_step(lhs, rhs, "=")
    monkeypatch.setattr(check, "one_step", contextlib.nullcontext)
    fresh = check_step(lhs, rhs, "=")
    assert remembered.status.value == fresh.status.value == status
    assert remembered.reason == fresh.reason
    assert remembered.guessed == fresh.guessed
    assert remembered.counterexample == fresh.counterexample
    assert (remembered.diagnosis is None) == (fresh.diagnosis is None)
    if fresh.diagnosis is not None:
        assert remembered.diagnosis.suggestion == fresh.diagnosis.suggestion


def test_an_empty_table_made_anew_is_no_new_reading() -> None:
    with sides.one_step():
        assert sides.parse_step("x + x", "2x", {}) is sides.parse_step("x + x", "2x", {})


def test_nothing_is_remembered_between_steps(parses: Counter) -> None:
    for _ in range(2):
        assert check_step(r"\mathbf{p} \cdot \mathbf{p}", r"p^2", "=").status.value == "verified"
    assert sides._STEP_PARSES.get() is None
    assert sum(count for key, count in parses.items() if key[:2] == (r"\mathbf{p} \cdot \mathbf{p}", "p^2")) == 2
    # outside a step, each call parses afresh
    sides.parse_step("x + x", "2x", {})
    sides.parse_step("x + x", "2x", {})
    assert sum(count for key, count in parses.items() if key[:2] == ("x + x", "2x")) == 2


def test_within_a_step_the_tree_is_shared_and_a_failure_is_raised_anew() -> None:
    with sides.one_step():
        assert sides.parse_step("x + x", "2x", {}) is sides.parse_step("x + x", "2x", {})
        failures = []
        for _ in range(2):
            with pytest.raises(ParseFailure) as caught:
                sides.parse_step(r"u * \delta", "u", {})
            failures.append(caught.value)
        assert failures[0] is not failures[1] and failures[0].args == failures[1].args
        assert str(failures[0]) == str(failures[1]) != ""
    assert sides._STEP_PARSES.get() is None


def test_an_inner_scope_keeps_the_outer_one() -> None:
    with sides.one_step():
        outer = sides._STEP_PARSES.get()
        tree = sides.parse_step("a b", "b a", {})
        with sides.one_step():
            assert sides._STEP_PARSES.get() is outer
            assert sides.parse_step("a b", "b a", {}) is tree
        assert sides._STEP_PARSES.get() is outer


def test_a_star_read_as_a_convolution_is_not_the_plain_reading_remembered() -> None:
    lhs, rhs = r"\sum_{m} x[m] h[k - m]", r"y[k]"
    with sides.one_step():
        plain = sides.parse_step(lhs, rhs, {})
        with convolution.reading():
            convolved = sides.parse_step(lhs, rhs, {})
            assert convolved == sides._parse_step(lhs, rhs, {})
        assert sides.parse_step(lhs, rhs, {}) is plain
    assert plain == sides._parse_step(lhs, rhs, {})
    assert plain != convolved


def test_a_macro_table_of_the_same_text_is_read_anew() -> None:
    square = {"\\sq": Macro("\\sq", 1, "#1^2")}
    cube = {"\\sq": Macro("\\sq", 1, "#1^3")}
    with sides.one_step():
        assert sides.parse_step(r"\sq{x}", "x x", square) != sides.parse_step(r"\sq{x}", "x x", cube)
        with pytest.raises(ParseFailure):
            sides.parse_step(r"\sq{x}", "x x", {})  # (no table: an unknown command)
        assert sides.parse_step(r"\sq{x}", "x x", square) == sides._parse_step(r"\sq{x}", "x x", square)


def test_averages_are_their_own_reading() -> None:
    lhs, rhs = r"\overline{uv}", r"\bar u \bar v"
    with sides.one_step():
        outcomes = []
        for averages in (False, True, False):
            try:
                outcomes.append(sides.parse_step(lhs, rhs, {}, averages=averages))
            except ParseFailure as exc:
                outcomes.append(str(exc))
    fresh = []
    for averages in (False, True):
        try:
            fresh.append(sides._parse_step(lhs, rhs, {}, averages))
        except ParseFailure as exc:
            fresh.append(str(exc))
    assert outcomes == [fresh[0], fresh[1], fresh[0]]


def test_only_the_last_parses_of_a_step_are_kept() -> None:
    with sides.one_step():
        for k in range(sides._STEP_PARSES_KEPT + 10):
            sides.parse_step(f"x + {k}", f"{k} + x", {})
        assert len(sides._STEP_PARSES.get()) == sides._STEP_PARSES_KEPT


MACROS = {"\\half": Macro("\\half", 0, "\\frac{1}{2}"), "\\ldots": Macro("\\ldots", 0, "\\cdots")}


@pytest.mark.parametrize("text, written", [
    (r"\half x + 1", r"\frac{1}{2} x + 1"),
    (r"\frac{1}{2} x", r"\frac{1}{2} x"),  # no macro called: the text itself
    (r"x_1 + \ldots + x_n", r"x_1 + \cdots + x_n"),
    (r"x_1 + ... + x_n", r"x_1 + ... + x_n"),  # (dots typed as periods are looked at as before)
    (r"\halfway + y", r"\halfway + y"),  # a longer command is no call of \half
])
def test_macros_are_written_out_only_where_the_text_calls_one(text: str, written: str) -> None:
    assert _macros_written_out(text, MACROS) == written
