"""A document is data: never evaluated, never written next to, never a reason to open a socket."""
from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintmath.cli import main

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lintmath"
# sympify/parse_expr/S("...") evaluate Python; lambdify exec's generated source.
FORBIDDEN = re.compile(r"\b(sympify|eval|exec|parse_expr|lambdify|__import__)\s*\(|\bS\(\s*['\"]")


def test_no_python_is_ever_evaluated_from_text():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if FORBIDDEN.search(code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_guard_sees_what_it_should():
    assert FORBIDDEN.search("x = sympy.sympify(text)")
    assert FORBIDDEN.search("eval (s)")
    assert FORBIDDEN.search('sp.S("x+1")')
    assert not FORBIDDEN.search("expr.evalf(30)")
    assert not FORBIDDEN.search("ast.literal_eval(s)")
    assert not FORBIDDEN.search("evaluate(expr, point)")


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"")
            for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html"])
def test_checking_never_writes_next_to_the_input(tmp_path, fmt):
    copy = tmp_path / "fixtures"
    shutil.copytree(ROOT / "fixtures", copy, ignore=shutil.ignore_patterns("*.pdf"))
    before = _snapshot(copy)
    result = CliRunner().invoke(main, ["check", "--jobs", "1", "--format", fmt, str(copy)])
    assert result.exit_code in (0, 1), result.output
    result = CliRunner().invoke(main, ["check", "--jobs", "1", "--format", fmt, str(copy)])  # cached
    assert result.exit_code in (0, 1), result.output
    assert _snapshot(copy) == before


def test_checking_opens_no_network_connection(tmp_path, monkeypatch):
    attempts = []

    def refuse(self, *args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    result = CliRunner().invoke(main, ["check", "--jobs", "0", "--no-cache", str(ROOT / "fixtures" / "softmax")])
    assert result.exit_code in (0, 1), result.output
    assert attempts == []


def test_input_outside_the_document_tree_is_not_read(tmp_path):
    (tmp_path / "secret.tex").write_text("\\begin{align*} (a-b)^2 &= a^2 + 2ab + b^2 \\end{align*}\n")
    course = tmp_path / "course"
    course.mkdir()
    (course / "main.tex").write_text("\\input{../secret}\n\\input{/etc/passwd}\n"
                                     "\\begin{align*} x &= x \\end{align*}\n")
    result = CliRunner().invoke(main, ["check", "--jobs", "1", "--format", "json", str(course / "main.tex")])
    assert result.exit_code == 0, result.output
    assert "secret" not in result.stdout and "passwd" not in result.stdout
