"""Verdict + Diagnosis + RuleSet + Config -> Finding: which rule, how severe, what message, where."""
from __future__ import annotations

from lintmath.config import Config
from lintmath.model import Finding, Status, StepResult
from lintmath.relations import LOGICAL
from lintmath.rules import RuleSet


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
    if diagnosis is not None:
        span = step.rhs.span(diagnosis.start, diagnosis.end)
    else:
        span = step.rhs.span()
    point = ", ".join(f"{k} = {v}" for k, v in verdict.counterexample) or "every sampled point"
    fields = {
        "prev": f"line {step.lhs.line}" if step.lhs.line else "the previous row",
        "point": point,
        "term": diagnosis.term if diagnosis else "",
        "suggestion": diagnosis.suggestion if diagnosis else "",
        "detail": diagnosis.detail if diagnosis else "",
        "lhs": step.lhs.stripped,
        "rhs": step.rhs.stripped,
        "where": ", ".join(verdict.definitions),
        "explanation": (f"; {diagnosis.detail}: `{diagnosis.suggestion}` would follow" if diagnosis else
                        f"; the two sides differ at {point}"),
    }
    message = rule.message.format(**fields)
    if verdict.guessed:
        message += f" (assuming {', '.join(verdict.guessed)})"
    return Finding(
        path=result.derivation.path, line=span.line, column=span.column, end_line=span.end_line,
        end_column=span.end_column, page=step.rhs.page, rule=rule.code, name=rule.name,
        severity=severity, message=message, suggestion=diagnosis.suggestion if diagnosis else None,
        derivation=result.derivation.index, step=step.index, bbox=step.rhs.bbox,
        counterexample=verdict.counterexample,
    )
