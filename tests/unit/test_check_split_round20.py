"""check.py split into modules with one job each (sides, tolerance, comparator, conventions): the
layering holds (no module below check.py imports it, so no cycle), the names callers import from
lintmath.check are still there and are the very objects of their new homes, the conventions decide a
rewritten step with the function check.py hands them, and what they say of a refuted step is what
check.py said before the split."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import lintmath
from lintmath import check, comparator, conventions, sides, tolerance
from lintmath.check import check_step
from lintmath.model import Status, Verdict

PACKAGE = Path(lintmath.__file__).parent

#: each module and the lintmath modules of the split it may not import (a lower module never imports a higher)
FORBIDDEN = {
    "tolerance": {"sides", "comparator", "conventions", "check"},
    "sides": {"tolerance", "comparator", "conventions", "check"},
    "comparator": {"conventions", "check"},
    "conventions": {"check"},
}


def _imported_modules(name: str) -> set[str]:
    """The lintmath modules ``name`` imports anywhere in its source (also inside functions)."""
    tree = ast.parse((PACKAGE / f"{name}.py").read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "lintmath":
                found.update(a.name for a in node.names)
            elif node.module.startswith("lintmath."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("lintmath."))
    return found


@pytest.mark.parametrize("name", sorted(FORBIDDEN))
def test_a_module_below_check_imports_no_module_above_it(name):
    assert not _imported_modules(name) & FORBIDDEN[name]


@pytest.mark.parametrize("name", ["tolerance", "sides", "comparator", "conventions", "check"])
def test_each_module_imports_on_its_own(name):
    module = importlib.import_module(f"lintmath.{name}")
    assert module.__doc__ and len(module.__doc__.split()) > 10  # a docstring that says its job


@pytest.mark.parametrize("name, home", [
    ("check_step", check), ("parse_step", sides), ("Parsed", sides), ("Outcome", comparator),
    ("LIST_ON_LEFT", conventions), ("MIXED_NUMBER", conventions), ("DELTA_OPERATOR", conventions),
    ("STAR_OPERATION", conventions), ("SIZE_DEPENDENT", comparator), ("EQUALITY", lintmath.relations),
])
def test_names_callers_import_from_check_are_those_of_their_new_home(name, home):
    assert getattr(check, name) is getattr(home, name)
    assert name in check.__all__ or name == "EQUALITY"


def test_evaluate_and_its_tolerance_live_together():
    assert comparator.evaluate is tolerance.evaluate
    assert comparator.PRECISION == tolerance.PRECISION == 30


def _recorder(status: Status, calls: list):
    def decide(lhs: str, rhs: str, relation: str, **options) -> Verdict:
        calls.append((lhs, rhs, relation, options))
        return Verdict(status)
    return decide


def test_a_mixed_number_is_decided_by_the_function_handed_in():
    calls: list = []
    holds = conventions._mixed_numbers_hold(r"2\frac{1}{4}", r"\frac{9}{4}", "=", _recorder(Status.VERIFIED, calls),
                                            macros={}, seed=3)
    assert holds
    ((lhs, rhs, relation, options),) = calls
    assert lhs == r"\left(2 + \frac{1}{4}\right)" and rhs == r"\frac{9}{4}" and relation == "="
    assert options == {"explain": False, "macros": {}, "seed": 3}
    # the same rewriting, refuted by the function handed in: the convention does not apply
    assert not conventions._mixed_numbers_hold(r"2\frac{1}{4}", r"\frac{9}{4}", "=", _recorder(Status.REFUTED, []),
                                               macros={}, seed=3)


def test_a_rewriting_that_changes_nothing_decides_nothing():
    calls: list = []
    assert not conventions._holds_rewritten("a + b", "b + a", conventions._transposed, "=",
                                            lambda v: True, _recorder(Status.VERIFIED, calls))
    assert calls == []


def test_the_refuted_record_hands_its_deciding_functions_to_the_table():
    calls: list = []
    refuted = conventions._Refuted(r"0.4 \times 100", r"40\%", "=", {}, False, 0, (), False, (), False, False,
                                   Verdict(Status.REFUTED), _recorder(Status.VERIFIED, calls), check_step)
    reasons = {reason: applies for reason, applies in conventions._CONVENTIONS}
    assert reasons[conventions.PERCENT_LABEL](refuted)
    assert calls and calls[0][:2] == (r"0.4 \times 100", "40")


@pytest.mark.parametrize("lhs, rhs, reason", [
    (r"3\frac{1}{3}", r"\frac{10}{3}", conventions.MIXED_NUMBER),
    (r"\frac{45}{60} \times 100", r"75\%", conventions.PERCENT_LABEL),
    (r"15 + 40", r"55^\circ", conventions.DEGREES_LABEL),
    (r"118.3", "119", conventions.ROUNDED_TO_WHOLE),
    (r"\sin(a + b)t", r"\sin(at + bt)", conventions.TRAILING_ARGUMENT),
    (r"7,\ y", "2", conventions.LIST_ON_LEFT),
    (r"20\log_{10}\frac{1}{\sqrt{2}}", "-3", conventions.ROUNDED_DECIBELS),
    (r"\sigma(6)", "1 + 2 + 3", conventions.ARITHMETIC_SIGMA),  # (the right divisor sum verifies)
    (r"\delta(uv)", r"u\,\delta v + v\,\delta u", conventions.DELTA_OPERATOR),
    (r"u * v", r"u + v + uv", conventions.STAR_OPERATION),
])
def test_a_refuted_step_under_a_convention_is_unverified_with_its_reason(lhs, rhs, reason):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED and verdict.reason == reason


@pytest.mark.parametrize("lhs, rhs", [
    (r"3\frac{1}{3}", r"\frac{11}{3}"),  # wrong as a mixed number too
    (r"\frac{45}{60} \times 100", r"70\%"),  # wrong as a label too
    (r"118.3", "121"),  # no neighbouring whole number
])
def test_a_step_wrong_under_the_convention_too_is_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED
