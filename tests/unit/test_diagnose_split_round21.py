"""The diagnosis package, round 21: lintmath/diagnose/ is the search (its __init__) over one module per
kind of mistake, on top of shared modules. A kind module never imports the package itself (that
would be an import cycle through __init__), the modules' imports form no cycle, and every generator
of the search order lives in its kind's module and is reachable from the package."""
import ast
import importlib
import sys
from pathlib import Path

import pytest

import lintmath.diagnose as diagnose

PACKAGE = Path(diagnose.__file__).parent
SHARED = {"edits", "values", "solve"}
# kind module -> its rule code
KINDS = {"signs": "LM101", "terms": "LM102", "factors": "LM103", "exponents": "LM104", "variables": "LM105",
         "reciprocals": "LM106", "functions": "LM107", "arithmetic": "LM108"}
# the kinds that reuse another kind's helpers: a term put back as a renamed copy of a term (variables),
# and the stated result of a line (arithmetic), which the term and factor edits consult
KIND_IMPORTS = {"terms": {"variables", "arithmetic"}, "factors": {"arithmetic"}}
# the modules of the package each module may import: the shared ones build on edits alone
ALLOWED = {"edits": set(), "values": {"edits"}, "solve": {"edits"},
           **{kind: SHARED | KIND_IMPORTS.get(kind, set()) for kind in KINDS}}
# what the edits may lower and compare with, imported inside the functions that do (SymPy-heavy)
LAZY = {"lintmath.lower", "lintmath.comparator", "lintmath.tolerance", "lintmath.linalg"}


def _imports(name: str) -> tuple[set[str], set[str]]:
    """The modules a module of the package imports at its top level, and inside its functions."""
    tree = ast.parse((PACKAGE / f"{name}.py").read_text())
    top: set[str] = set()
    nested: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found = {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{name}: relative import"
            # ``from lintmath import linalg`` imports the module lintmath.linalg
            found = {f"{node.module}.{a.name}" if node.module == "lintmath" else node.module for a in node.names}
        else:
            continue
        (top if node in tree.body else nested).update(found)
    return top, nested


def _local(module: str) -> str | None:
    prefix = "lintmath.diagnose."
    return module[len(prefix):] if module.startswith(prefix) else None


def test_layout():
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules == {"__init__"} | SHARED | set(KINDS)
    assert not (PACKAGE.parent / "diagnose.py").exists()


@pytest.mark.parametrize("name", sorted(SHARED | set(KINDS)))
def test_module_imports(name):
    top, nested = _imports(name)
    assert "lintmath.diagnose" not in top | nested  # never the package: its __init__ imports this module
    for module in top:
        local = _local(module)
        if local is not None:
            assert local in ALLOWED[name], f"{name} imports {module}"
            continue
        root = module.split(".")[0]
        assert root in sys.stdlib_module_names or root == "__future__" or root == "sympy" \
            or module == "lintmath.parse" or module.startswith("lintmath.parse."), f"{name} imports {module}"
    for module in nested - top:
        assert module in LAZY or module.startswith("lintmath.parse"), f"{name} imports {module} inside"


def test_no_import_cycle():
    graph = {}
    for name in SHARED | set(KINDS):
        top, nested = _imports(name)
        graph[name] = {_local(m) for m in top | nested if _local(m) is not None}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join(path + (name,))
        if name in done:
            return
        for other in graph[name]:
            visit(other, path + (name,))
        done.add(name)

    for name in graph:
        visit(name, ())


@pytest.mark.parametrize("name", sorted(KINDS))
def test_kind_module_docstring_names_its_rule(name):
    module = importlib.import_module(f"lintmath.diagnose.{name}")
    assert module.__doc__.startswith(KINDS[name] + ":")


def test_every_generator_reachable():
    homes = {}
    for generator in diagnose.GENERATORS:
        home = generator.__module__.rsplit(".", 1)[-1]
        assert home in KINDS, f"{generator.__name__} lives in {generator.__module__}"
        # the same function object under the package's name and its module's, so a caller that narrows
        # the kinds (check.py passes sign_flips) matches the search order by identity
        assert getattr(diagnose, generator.__name__) is generator
        assert getattr(importlib.import_module(generator.__module__), generator.__name__) is generator
        assert generator.__name__ in diagnose.__all__
        homes.setdefault(home, []).append(generator.__name__)
    assert set(homes) == set(KINDS)  # every kind has at least one generator in the search
    assert len(set(diagnose.GENERATORS)) == len(diagnose.GENERATORS)
    assert set(diagnose.NAMING) <= set(diagnose.GENERATORS)
    assert set(diagnose.SOLVED_IN_READING) <= set(diagnose.GENERATORS)


def test_public_names_kept():
    # what the checker, the implication reader and the tests import from the package
    for name in ("GUARD_SECONDS", "MAX_SECONDS", "diagnose", "refute_where_readable", "sign_flips", "unreadable",
                 "replace_node", "numeric_value", "written_number", "Prefilter", "Context", "carried_bounds",
                 "Candidate", "_diagnosis", "_squash", "apply_edit", "_name_marks", "_writes_no_new_name",
                 "stated_result", "StatedResult"):
        assert hasattr(diagnose, name), name
    for name in diagnose.__all__:
        assert hasattr(diagnose, name), name
