"""Slips against a value in force: a step that rests on a name the prose defines (``Let $v = a + b$``) and
writes one letter for another one of the step, or a function for its sibling, differs with the value put in
while that one edit makes it hold, as a lost term or a flipped sign already did. A letter the step writes
nowhere else may be a name the prose gives, so such a step stays undecided."""
from __future__ import annotations

from documents import checked_steps


def _steps(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


def _one_step(definition: str, lhs: str, rhs: str) -> object:
    body = f"Let ${definition}$ be given.\n\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    verdicts = _steps(body)
    assert len(verdicts) == 1
    return next(iter(verdicts.values()))


def test_a_letter_written_for_another_is_refuted_against_the_value() -> None:
    verdict = _one_step("q = m + n", "q^2 + k", "m^2 + 2mn + n^2 + m")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "changed_variable"
    assert verdict.diagnosis.suggestion.replace(" ", "") == "m^2+2mn+n^2+k"


def test_a_square_of_the_wrong_letter_is_refuted_against_the_value() -> None:
    verdict = _one_step("q = m + n", "q^2 + k", "m^2 + 2mn + m^2 + k")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "changed_variable"


def test_a_function_written_for_its_sibling_is_refuted_against_the_value() -> None:
    verdict = _one_step("s = \\sin\\theta", "s + \\cos\\theta", "\\sin\\theta + \\sin\\theta")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "wrong_function"
    assert verdict.diagnosis.suggestion.replace(" ", "") == "\\cos\\theta+\\sin\\theta"


def test_the_correct_step_still_verifies_with_the_value() -> None:
    assert _one_step("q = m + n", "q^2 + k", "m^2 + 2mn + n^2 + k").status.value == "verified"
    assert _one_step("s = \\sin\\theta", "s^2 + \\cos^2\\theta", "1").status.value == "verified"


def test_a_letter_written_nowhere_else_in_the_step_stays_undecided() -> None:
    # w may be a name of the prose (the step's own new quantity), not a slip for k
    verdict = _one_step("q = m + n", "q^2 + k", "m^2 + 2mn + n^2 + w")
    assert verdict.status.value == "unverified"


def test_without_a_value_in_force_the_renamed_letter_stays_undecided() -> None:
    body = "\\begin{align*}\nq^2 + k &= m^2 + 2mn + n^2 + m\n\\end{align*}\n"
    assert [v.status.value for v in _steps(body).values()] == ["unverified"]
