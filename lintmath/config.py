"""Settings for a run. Defaults here; the CLI (and later pyproject.toml) override them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    budget: float = 2.0  # seconds per step, enforced (see budget.py)
    seed: int = 0
    jobs: int = 1
    select: tuple[str, ...] = ()  # rule code prefixes to report; empty: all
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)
