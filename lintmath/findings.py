"""Verdict + Diagnosis + RuleSet + Config -> Finding: which rule, how severe, what message, where."""
from __future__ import annotations

from lintmath.config import Config
from lintmath.model import Diagnosis, Finding, Status, Step, StepResult
from lintmath.relations import LOGICAL, ROW_EQUIVALENT
from lintmath.rules import RuleSet

APPROXIMATE = "~="  # \approx, \simeq as relations.py normalises them
UNIT_NAME = "unit:"
#: relations between matrices that are no equality (row equivalence, \sim): no point where "the sides
#: differ", the verdict's reason says what fails
_EQUIVALENCES = frozenset({ROW_EQUIVALENT, "~", "->"})  # the lowered name of a unit symbol (n.Sym of style "unit")


def finding_for(result: StepResult, rules: RuleSet, config: Config) -> Finding | None:
    """A finding for a refuted step; None for every other status (unverified is never an error)."""
    verdict, step = result.verdict, result.step
    if verdict.status is not Status.REFUTED:
        return None
    diagnosis = verdict.diagnosis
    rule = rules.by_kind(diagnosis.kind) if diagnosis else None
    if verdict.definitions and rules.by_kind("definition") is not None:
        # wrong only given a definition from elsewhere: say where that definition is
        rule = rules.by_kind("definition")
    if rule is None:
        # an arrow between equations compares solutions, not the values of two sides
        rule = rules.by_kind("implication" if step.relation in LOGICAL else "unexplained")
        diagnosis = None
    if rule is None or not config.wants(rule.code):
        return None
    severity = rule.severity
    if diagnosis is None and verdict.guessed and severity == "error":
        severity = "warning"  # the refutation rests on a stand-in for something undefined
    if step.relation == APPROXIMATE and severity == "error":
        # how close an approximation must be is the author's call (the issue: \approx is never an error);
        # a number far off its value is worth a look, not a failed build
        severity = "warning"
    if step.relation == "~" and severity == "error":
        # a bare \sim is never an error either (the issue); between written matrices of numbers a rank
        # that changes is wrong under each of its readings (row equivalent, similar), worth a warning.
        # A row operation written over it (row~) says what was meant: that slip is an error
        severity = "warning"
    if diagnosis is not None:
        span = step.rhs.span(diagnosis.start, diagnosis.end)
    else:
        span = step.rhs.span()
    # a unit is sampled like a letter (the sides must agree in any one), but "unit:m = 0.46" is no place
    # an author can look at: the point is the letters' values
    shown = tuple((k, v) for k, v in verdict.counterexample if not k.startswith(UNIT_NAME))
    point = ", ".join(f"{k} = {v}" for k, v in shown) or "every sampled point"
    fields = {
        "prev": _source(step, diagnosis),
        "point": point,
        "term": diagnosis.term if diagnosis else "",
        "suggestion": diagnosis.suggestion if diagnosis else "",
        "detail": diagnosis.detail if diagnosis else "",
        "lhs": step.lhs.stripped,
        "rhs": step.rhs.stripped,
        "where": ", ".join(_shown_definition(d) for d in verdict.definitions),
        # punctuated as the other rules' messages: "<what>: <detail>; `<suggestion>` would follow"
        "explanation": (f": {diagnosis.detail}; `{diagnosis.suggestion}` would follow" if diagnosis else
                        f": the two sides differ at {point}"),
    }
    if diagnosis is None and step.relation in _EQUIVALENCES and verdict.reason:
        # matrices said equivalent, not equal: no point where "the sides differ"; the reason says what fails
        message = f"step does not follow from {fields['prev']}: {verdict.reason}"
    else:
        message = rule.message.format(**fields)
    if verdict.guessed:
        message += f" (assuming {', '.join(verdict.guessed)})"
    return Finding(
        path=result.derivation.path, line=span.line, column=span.column, end_line=span.end_line,
        end_column=span.end_column, page=step.rhs.page, rule=rule.code, name=rule.name,
        severity=severity, message=message, suggestion=diagnosis.suggestion if diagnosis else None,
        derivation=result.derivation.index, step=step.index, bbox=step.rhs.bbox,
        counterexample=shown,
    )


_SHOWN_SIDE = 40  # longest left side quoted in a message that must fit one terminal line


def _source(step: Step, diagnosis: Diagnosis | None) -> str:
    """What the step's right side should follow from, as the author knows it: the line before, or, for
    a step written on one line, its own left side (\"from line 18\" on line 18 reads as a mistake)."""
    if diagnosis is not None and diagnosis.source:
        return diagnosis.source
    if not step.lhs.line:
        return "the previous row"
    if step.lhs.line != step.rhs.line:
        return f"line {step.lhs.line}"
    side = " ".join(step.lhs.stripped.split())
    return f"`{side}`" if side and len(side) <= _SHOWN_SIDE else "its left side"


def _shown_definition(definition: str) -> str:
    """``f(x) defined at notes.tex:36`` (how a verdict names a definition it used) with the name quoted
    as the messages quote math: `f(x)` as defined at notes.tex:36."""
    name, at, where = definition.rpartition(" defined at ")
    return f"`{name}` as defined at {where}" if at and name else definition
