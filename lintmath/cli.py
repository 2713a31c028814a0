"""The command line: ``lintmath check``, ``lintmath rules``, ``lintmath rule CODE``.

Exit codes follow flake8/ruff/sqlfluff: 0 clean, 1 findings, 2 usage error or nothing checkable.
Heavy imports (SymPy, pymupdf) happen inside the commands so ``--version`` and ``--help`` stay fast.
"""
from __future__ import annotations

import os
import sys
from enum import IntEnum
from typing import IO

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


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "json", "sarif", "github", "html"]),
              default="text", show_default=True, help="Output format.")
@click.option("--budget", type=float, default=None, help="CPU seconds allowed per step.  [default: 2]")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: the machine's cores; 0 checks in this process).")
@click.option("--select", default=None, help="Comma-separated rule codes (or prefixes) to report.")
@click.option("--ignore", default=None, help="Comma-separated rule codes (or prefixes) not to report.")
@click.option("--seed", type=int, default=None, help="Seed for the random test points.  [default: 0]")
@click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write the report here.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Read settings from this file instead of the nearest lintmath.toml / pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Read no configuration file.")
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when there are findings.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="info", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--statistics", is_flag=True, help="Count the findings of each rule.")
@click.option("--quiet", "-q", is_flag=True, help="Report findings and nothing else (no summary, no progress).")
@click.option("--warn-unused-ignores", is_flag=True, default=None,
              help="Report `lintmath: ignore` comments that suppressed nothing (LM900).")
@click.option("--stdin-filename", default=None, help="Name (and so type) of the source read from `-`.  [default: -.tex]")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report (auto: when the output is a terminal and NO_COLOR is unset).")
@click.option("--no-cache", is_flag=True,
              help="Check every step again instead of reusing results cached for unchanged steps and files "
                   "(the cache is in the user cache directory, or $LINTMATH_CACHE_DIR).")
def check(paths: tuple[str, ...], fmt: str, budget: float | None, jobs: int | None, select: str | None,
          ignore: str | None, seed: int | None, output_path: str, config_file: str | None, isolated: bool,
          exit_zero: bool, fail_on: str, statistics: bool, quiet: bool, warn_unused_ignores: bool | None,
          stdin_filename: str | None, color: str, no_cache: bool = False) -> None:
    """Check every derivation in PATHS (files or directories; `-` reads standard input)."""
    from lintmath.config import Config, ConfigError, load_config, with_overrides
    from lintmath.pipeline import check_paths
    from lintmath.report import ReportOptions, get_reporter
    from lintmath.rules import load_rules
    from lintmath.runner import default_jobs

    if budget is not None and budget <= 0:
        raise click.UsageError("--budget must be positive")
    named = [p for p in paths if p != "-"]
    start = named[0] if named else (stdin_filename or None)
    try:
        config = load_config(start, path=config_file, isolated=isolated,
                             base=Config(jobs=default_jobs() if jobs is None else jobs))
    except ConfigError as exc:
        click.echo(f"lintmath: {exc}", err=True)
        sys.exit(Exit.ERROR)
    known = [rule.code for rule in load_rules().rules]
    for option, value in (("--select", select), ("--ignore", ignore)):
        unknown = [c for c in _codes(value or "") if not any(k.startswith(c) for k in known)]
        if unknown:  # a typo would silently select nothing (ruff refuses it too)
            raise click.BadParameter(f"no rule matches {', '.join(unknown)} (see `lintmath rules`)",
                                     param_hint=option)
    config = with_overrides(
        config, budget=budget, seed=seed, warn_unused_ignores=warn_unused_ignores,
        select=None if select is None else _codes(select), ignore=None if ignore is None else _codes(ignore),
    )
    output = _open_output(output_path, paths, config)
    stdin = sys.stdin.read() if "-" in paths else None
    progress = None if quiet else _ProgressBar()
    from lintmath.cache import Cache

    cache = None if no_cache else Cache.default(os.environ)
    try:
        results = check_paths(paths, config, stdin=stdin, stdin_filename=stdin_filename or "-", progress=progress,
                              cache=cache)
    except KeyboardInterrupt:  # click's own "Aborted!" exits 1, which CI would read as "findings"
        click.echo("lintmath: interrupted", err=True)
        sys.exit(130)
    if progress is not None:
        progress.close()
    if cache is not None:
        cache.prune()
    for r in results:
        # the text report names unreadable files itself; written to a file, it would hide them from the user
        if r.error and (fmt not in ("text", "concise") or output_path != "-"):
            click.echo(r.error, err=True)
    if not results:
        click.echo(f"lintmath: no files to check in {' '.join(paths)}", err=True)
    # no-color.org: NO_COLOR set to a non-empty value turns colour off
    use_color = color == "always" or (color == "auto" and _isatty(output) and not os.environ.get("NO_COLOR"))
    options = ReportOptions(quiet=quiet, color=use_color, rules=load_rules().rules)
    get_reporter(fmt)(results, output, options)
    if statistics:
        from lintmath.report.text import render_statistics

        render_statistics(results, output if fmt in ("text", "concise") else sys.stderr)
    # a path that does not exist is a typo in the command (a CI job that names a moved file would pass
    # quietly): the other files are still checked and reported, and the run exits 2
    missing = [p for p in named if not os.path.exists(p)]
    sys.exit(Exit.ERROR if missing else exit_code(results, fail_on, exit_zero))


def _open_output(path: str, paths: tuple[str, ...], config) -> IO[str]:
    """The report's stream, refused when it is one of the files to check: opening it for writing would
    empty the user's source before it is read (and the run would then find nothing in it)."""
    if path != "-" and os.path.isfile(path):
        from lintmath.pipeline import expand_paths

        for f in expand_paths(paths, config):
            try:
                same = f != "-" and os.path.samefile(f, path)
            except OSError:  # a named file that does not exist is reported by the check itself
                same = False
            if same:
                raise click.BadParameter(f"{path} is one of the files to check; the report would overwrite it",
                                         param_hint="'--output'")
    try:
        stream = click.open_file(path, "w", encoding="utf-8")
    except OSError as exc:
        raise click.BadParameter(f"cannot open {path}: {exc.strerror or exc}", param_hint="'--output'") from None
    if path != "-":  # closing "-" would close the process's stdout (click's wrapper passes close through)
        click.get_current_context().call_on_close(stream.close)
    return stream


def exit_code(results, fail_on: str = "info", exit_zero: bool = False) -> Exit:
    """1 for a finding at or above ``fail_on``; 2 when no input could be read at all; else 0."""
    if results and all(r.error for r in results):
        return Exit.ERROR
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK.get(f.severity, 2) >= threshold for r in results for f in r.findings)
    return Exit.FINDINGS if failing and not exit_zero else Exit.CLEAN


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _ProgressBar:
    """A bar on stderr for long runs (more than one file or 50 steps), only when stderr is a terminal.

    A pipe or a CI log gets nothing: progress there is noise between the findings.
    """

    def __init__(self) -> None:
        self.bar = None
        self.shown = 0

    def __call__(self, done: int, total: int, files: int) -> None:
        if self.bar is None:
            if not _isatty(sys.stderr) or (files <= 1 and total <= 50):
                return
            self.bar = click.progressbar(length=total, label="Checking steps", file=sys.stderr,
                                         show_pos=True)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


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
