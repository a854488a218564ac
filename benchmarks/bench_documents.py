"""pyperf benchmarks: encode, and decode+validate, of an assessment document.

Run: ``uv run python benchmarks/bench_documents.py -o /tmp/documents.json`` (not part of the tests).
"""

from __future__ import annotations

import datetime as dt

import pyperf

from terugkeer import Assessment, AsylumOutcome, dumps, loads

ASSESSMENT = Assessment.build(
    dt.date(2026, 3, 2),
    {f"F{n:02d}": (n % 7) - 3 or None for n in range(1, 20)},
    notes={"F07": "an aunt could offer a room for the first months"},
    asylum_outcome=AsylumOutcome.VA,
)
TEXT = dumps(ASSESSMENT)


def main() -> None:
    runner = pyperf.Runner()
    runner.metadata["document_bytes"] = str(len(TEXT.encode()))
    runner.bench_func("assessment: encode (dumps)", dumps, ASSESSMENT)
    runner.bench_func("assessment: decode+validate (loads)", loads, TEXT, Assessment)


if __name__ == "__main__":
    main()
