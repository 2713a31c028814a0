"""The rule catalogue: one TOML file per rule in ``rules/``, loaded and validated into a RuleSet.

Rules are documented data (Vale's one file per rule, Ruff's rule pages): the code and message live
in the file, and ``kind`` names which diagnosis in code the rule reports.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REQUIRED = ("code", "name", "kind", "severity", "summary", "message", "why", "examples")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Example:
    wrong: str
    right: str


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    summary: str
    message: str
    why: str
    fix: str
    examples: tuple[Example, ...]
    path: str
    severity_policy: str = ""


class RuleError(Exception):
    pass


def rules_dir() -> Path:
    """``rules/`` ships inside the wheel as ``lintmath/rules``; in a checkout it sits beside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError("rules directory not found")


def load_rule(path: Path) -> Rule:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise RuleError(f"{path.name}: missing {', '.join(missing)}")
    if data["severity"] not in SEVERITIES:
        raise RuleError(f"{path.name}: severity must be one of {SEVERITIES}")
    if not path.name.startswith(data["code"] + "-"):
        raise RuleError(f"{path.name}: file name must start with the code {data['code']}")
    examples = tuple(Example(e["wrong"].strip(), e["right"].strip()) for e in data["examples"])
    if not examples:
        raise RuleError(f"{path.name}: needs at least one example")
    return Rule(data["code"], data["name"], data["kind"], data["severity"], data["summary"].strip(),
                data["message"], data["why"].strip(), data.get("fix", "").strip(), examples, str(path),
                data.get("severity_policy", "").strip())


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code.upper()), None)

    def by_kind(self, kind: str) -> Rule | None:
        return next((r for r in self.rules if r.kind == kind), None)


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    rules = sorted((load_rule(p) for p in rules_dir().glob("LM*.toml")), key=lambda r: r.code)
    codes = [r.code for r in rules]
    if len(set(codes)) != len(codes):
        raise RuleError("duplicate rule codes")
    return RuleSet(tuple(rules))
