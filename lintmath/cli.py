"""The command line: ``lintmath check``, ``lintmath rules``, ``lintmath rule CODE``.

Exit codes follow flake8/ruff/sqlfluff: 0 clean, 1 findings, 2 usage error or nothing checkable.
Heavy imports (SymPy, pymupdf) happen inside the commands so ``--version`` and ``--help`` stay fast.
"""
from __future__ import annotations

import sys
from enum import IntEnum

import click

from lintmath import __version__


class Exit(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintmath")
def main() -> None:
    """Check the mathematics in lecture slides and notes: every step of every derivation."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--budget", type=float, default=2.0, show_default=True, help="Seconds allowed per step.")
@click.option("--jobs", "-j", type=int, default=None, help="Worker processes (default: the machine's cores).")
@click.option("--select", default="", help="Comma-separated rule codes (or prefixes) to report.")
@click.option("--ignore", default="", help="Comma-separated rule codes (or prefixes) not to report.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the random test points.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="Write the report here.")
def check(paths: tuple[str, ...], fmt: str, budget: float, jobs: int | None, select: str, ignore: str,
          seed: int, output) -> None:
    """Check every derivation in PATHS (files or directories)."""
    from lintmath.config import Config
    from lintmath.pipeline import check_paths
    from lintmath.report import get_reporter
    from lintmath.runner import default_jobs

    if budget <= 0:
        raise click.UsageError("--budget must be positive")
    config = Config(
        budget=budget, seed=seed, jobs=default_jobs() if jobs is None else jobs,
        select=_codes(select), ignore=_codes(ignore),
    )
    results = check_paths(paths, config)
    for r in results:
        if r.error and fmt != "text" and fmt != "concise":
            click.echo(r.error, err=True)
    get_reporter(fmt)(results, output)
    if any(r.findings for r in results):
        sys.exit(Exit.FINDINGS)
    if results and all(r.error for r in results):
        sys.exit(Exit.ERROR)
    sys.exit(Exit.CLEAN)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in text.split(",") if c.strip())


@main.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and summary."""
    from lintmath.rules import load_rules

    for r in load_rules().rules:
        click.echo(f"{r.code}  {r.name:<22} {r.severity:<8} {r.summary}")


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Explain one rule, with a wrong and a right example."""
    from lintmath.rules import load_rules

    rule = load_rules().by_code(code)
    if rule is None:
        raise click.UsageError(f"unknown rule {code}; `lintmath rules` lists them")
    click.echo(f"# {rule.name} ({rule.code})\n")
    click.echo(f"Default severity: {rule.severity}\n")
    click.echo(f"## What it finds\n{rule.summary}\n")
    click.echo(f"## Why it matters\n{rule.why}\n")
    if rule.severity_policy:
        click.echo(f"## Severity\n{rule.severity_policy}\n")
    for ex in rule.examples:
        click.echo(f"## Example\n{ex.wrong}\n\nUse instead:\n{ex.right}\n")
