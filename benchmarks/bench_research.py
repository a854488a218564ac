"""The research export at cohort scale: files to every table, on one core and with ``--jobs 2``.

Run: ``uv run python benchmarks/bench_research.py [--cases 100000]`` (not part of the tests). It
writes a cohort of case files made from the benchmark corpus (realistic sizes, 0–3 assessments;
each file a distinct case id) to a temporary folder, then prints:

- the CPU cost per case of building the rows beyond loading (``case_tables``), split into the
  instrument tables and the two derived analyses (plan progress, health findings), median of
  rounds over 1,000 loaded cases;
- per format and job count, the wall time of ``terugkeer export`` from files to all tables,
  rows per second, and the memory peak of its largest process, at a tenth of the cohort and at
  the whole cohort (a flat peak means the cohort is streamed, not held).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs
from corpus import case_documents, processor

from terugkeer import CaseFile, dumps, loads
from terugkeer.research import tables as research

KEY = "a benchmark secret of 32 bytes.."


def make_cohort(folder: Path, count: int) -> None:
    """``count`` case files in ``folder`` (100 per subfolder), cycling through the corpus."""
    corpus = [loads(d, CaseFile) for d in case_documents(1000)]
    for i in range(count):
        case = attrs.evolve(corpus[i % len(corpus)], case_id=f"case-{i:06d}")
        sub = folder / f"{i // 100:04d}"
        if i % 100 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.json").write_text(dumps(case), encoding="utf-8")


def row_costs(rounds: int = 7) -> dict[str, float]:
    """CPU µs per case: all tables, the instrument tables alone, and the derived analyses.

    The rounds with and without the derived analyses alternate, so that a slower spell of a
    shared machine falls on both (medians of each)."""
    cases = [loads(d, CaseFile) for d in case_documents(1000)]
    key = KEY.encode()
    options = research.ResearchOptions()
    derive = research._derive

    def nothing(case: CaseFile, k: object, out: object) -> None:
        return None

    def measure() -> float:
        gc.collect()
        start = time.process_time()
        for case in cases:
            research.case_tables(case, key, options)
        return (time.process_time() - start) / len(cases) * 1e6

    measure()  # every generated function made, every cache warm
    wholes, tables = [], []
    try:
        for _ in range(rounds):
            research._derive = derive
            wholes.append(measure())
            research._derive = nothing
            tables.append(measure())
    finally:
        research._derive = derive
    whole, table = statistics.median(wholes), statistics.median(tables)
    rows = sum(len(r) for c in cases for r in research.case_tables(c, key, options).values())
    return {
        "all": whole,
        "tables": table,
        "derived": whole - table,
        "rows_per_case": rows / len(cases),
    }


_PEAK = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
)


def export(files: list[Path], fmt: str, jobs: int, out: Path) -> tuple[float, int, int]:
    """Wall seconds, rows written and the peak RSS (kB) of the largest process."""
    command = [sys.executable, "-m", "terugkeer", "export", "--format", fmt]
    command += ["--jobs", str(jobs), "--out", str(out), *map(str, files)]
    # Byte code is cached as on a user's machine: with PYTHONDONTWRITEBYTECODE (set on the
    # project's machine), every run would compile pyarrow and pandas from source (3-4 s).
    env = {**os.environ, "TERUGKEER_EXPORT_KEY": KEY}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], env=env, capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    rows = int(done.stderr.split(" case(s), ")[1].split(" row(s)")[0])
    return seconds, rows, int(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--formats", default="csv,parquet")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {processor()}")
    costs = row_costs()
    print(
        f"rows beyond loading, CPU µs per case ({costs['rows_per_case']:.0f} rows per case): "
        f"all tables {costs['all']:.0f} = instrument tables {costs['tables']:.0f} "
        f"+ derived analyses {costs['derived']:.0f}"
    )
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "cohort"
        start = time.perf_counter()
        make_cohort(folder, args.cases)
        print(f"made {args.cases} case files in {time.perf_counter() - start:.0f} s")
        parts = sorted(folder.iterdir())
        tenth = parts[: max(1, len(parts) // 10)]
        print("format  jobs  cases    seconds  rows/s     peak MB")
        for fmt in args.formats.split(","):
            for jobs in (1, 2):
                for chosen in (tenth, parts):
                    out = Path(temp) / "out"
                    seconds, rows, peak = export(chosen, fmt, jobs, out)
                    shutil.rmtree(out)
                    cases = min(args.cases, len(chosen) * 100)
                    print(
                        f"{fmt:<7} {jobs:<5} {cases:<8} {seconds:<8.1f} "
                        f"{rows / seconds:<10,.0f} {peak / 1024:.0f}"
                    )


if __name__ == "__main__":
    main()
