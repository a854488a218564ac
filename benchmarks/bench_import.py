"""pyperf benchmark: cold ``import terugkeer`` in a fresh interpreter.

Run: ``uv run python benchmarks/bench_import.py -o /tmp/import.json`` (not part of the tests).
"""

from __future__ import annotations

import sys

import pyperf


def main() -> None:
    runner = pyperf.Runner()
    runner.bench_command("import terugkeer (cold)", [sys.executable, "-c", "import terugkeer"])
    runner.bench_command("python startup (baseline)", [sys.executable, "-c", "pass"])


if __name__ == "__main__":
    main()
