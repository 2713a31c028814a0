"""Context errata: mistakes that only a definition made elsewhere in the document can decide.

    python benchmarks/errata.py [DIR]     (default: benchmarks/errata)

For each pair NN-name-wrong.tex / NN-name-fixed.tex, checks both with the same pipeline as
``lintmath check`` and reports whether the wrong version gets a finding on the line marked
``% [ERRATUM]`` and whether the fixed version gets any finding at all (a false alarm).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lintmath.config import Config  # noqa: E402
from lintmath.pipeline import check_file  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).with_name("errata")
    config = Config(jobs=1)
    caught = false_alarms = total = 0
    for wrong in sorted(folder.glob("*-wrong.tex")):
        fixed = wrong.with_name(wrong.name.replace("-wrong", "-fixed"))
        marked = [i for i, line in enumerate(wrong.read_text().splitlines(), 1) if "[ERRATUM]" in line]
        got = check_file(str(wrong), config)
        hit = [f for f in got.findings if f.line in marked and f.severity == "error"]
        clean = check_file(str(fixed), config)
        total += 1
        caught += bool(hit)
        false_alarms += bool(clean.findings)
        rule = hit[0].rule if hit else "-"
        print(f"{wrong.stem.replace('-wrong', ''):<24} caught: {'yes' if hit else 'no ':<4} {rule:<6}"
              f" fixed version: {'FINDING' if clean.findings else 'clean'}")
    print(f"\n{caught}/{total} errata caught; {false_alarms}/{total} fixed versions with a finding")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
