"""Every rule file validates, and its examples are tests: the wrong one triggers the rule, the right
one is clean (pylint's runnable message documentation)."""
import dataclasses
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import pytest

from lintmath.config import Config
from lintmath.pipeline import check_text
from lintmath.relations import LOGICAL
from lintmath.rules import load_rules, rules_dir

RULES = load_rules().rules


def config_for(rule) -> Config:
    """Config(jobs=0) plus the rule file's ``options`` table (e.g. LM900 needs warn_unused_ignores)."""
    options = tomllib.loads(Path(rule.path).read_text(encoding="utf-8")).get("options", {})
    return dataclasses.replace(Config(jobs=0), **options)


def test_every_rule_file_loads():
    files = sorted(p.name for p in rules_dir().glob("*.toml"))
    assert len(files) == len(RULES) >= 2
    assert {r.code for r in RULES} >= {"LM100", "LM101"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_documentation(rule):
    assert rule.summary and rule.why and rule.message and rule.name == rule.name.lower()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_wrong_example_triggers_its_rule(rule):
    for example in rule.examples:
        result = check_text(example.wrong, f"{rule.code}-wrong.tex", config_for(rule))
        assert [f.rule for f in result.findings] == [rule.code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_right_example_is_clean(rule):
    for example in rule.examples:
        result = check_text(example.right, f"{rule.code}-right.tex", config_for(rule))
        assert result.findings == ()
        # every claim verified; a step that only defines a name (E = ...) is skipped, not a claim, and
        # the equations an arrow joins (x - 1 = 0 => x = 1) are conditions: the arrows are the claims
        claims = [s for s in result.steps if not s.verdict.reason.startswith("defines ")
                  and not (s.step.relation == "=" and any(o.relation in LOGICAL for o in s.derivation.steps))]
        assert claims and all(s.verdict.status.value == "verified" for s in claims)
