"""pyperf benchmarks: encode, and decode+validate, of an assessment and of a whole case file;
appending assessments to a case (it must stay linear as a file grows).

Run: ``uv run python benchmarks/bench_documents.py -o /tmp/documents.json`` (not part of the tests).
"""

from __future__ import annotations

import datetime as dt

import pyperf

from terugkeer import Assessment, CaseFile, dumps, loads
from terugkeer._demo import demo_case
from terugkeer.factors import AsylumOutcome

ASSESSMENT = Assessment.build(
    dt.date(2026, 3, 2),
    {f"F{n:02d}": (n % 7) - 3 or None for n in range(1, 20)},
    notes={"F07": "an aunt could offer a room for the first months"},
    asylum_outcome=AsylumOutcome.VA,
)
TEXT = dumps(ASSESSMENT)
CASE = demo_case("en")
CASE_TEXT = dumps(CASE)


def append_assessments(count: int) -> CaseFile:
    """A case built by appending ``count`` assessments one by one."""
    case = CaseFile("bench")
    for _ in range(count):
        case = case.add_assessment(ASSESSMENT)
    return case


def main() -> None:
    runner = pyperf.Runner()
    runner.metadata["document_bytes"] = str(len(TEXT.encode()))
    runner.bench_func("assessment: encode (dumps)", dumps, ASSESSMENT)
    runner.bench_func("assessment: decode+validate (loads)", loads, TEXT, Assessment)
    runner.metadata["case_bytes"] = str(len(CASE_TEXT.encode()))
    runner.bench_func("case file: encode (dumps)", dumps, CASE)
    runner.bench_func("case file: decode+validate (loads)", loads, CASE_TEXT, CaseFile)
    for count in (1_000, 2_000, 4_000):
        runner.bench_func(f"case file: append {count} assessments", append_assessments, count)


if __name__ == "__main__":
    main()
