"""The benchmark corpus: realistic case files made with :mod:`terugkeer.testing`.

The cases are drawn by Hypothesis with a fixed seed (``derandomize``), so a given Hypothesis and
terugkeer version always gives the same corpus; it is cached as JSON lines in
``benchmarks/.cache/`` because drawing 1,000 cases takes about a minute and a half.
"""

from __future__ import annotations

import importlib.metadata
import pathlib

from hypothesis import HealthCheck, Phase, given, settings

from terugkeer import CaseFile, dumps
from terugkeer.testing import case_files

__all__ = ["case_documents", "make_cases"]

CACHE = pathlib.Path(__file__).parent / ".cache"


def make_cases(count: int) -> list[CaseFile]:
    """``count`` generated case files, the same ones on every call (fixed seed)."""
    found: list[CaseFile] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(case_files())
    def collect(case: CaseFile) -> None:
        found.append(case)

    collect()
    return found[:count]


def case_documents(count: int = 1_000) -> list[bytes]:
    """The corpus as case documents (UTF-8 JSON, as :func:`terugkeer.dumps` writes them)."""
    versions = "-".join(importlib.metadata.version(p) for p in ("hypothesis", "terugkeer"))
    path = CACHE / f"cases-{count}-{versions}.jsonl"
    if path.exists():
        return path.read_bytes().splitlines()
    documents = [dumps(case).encode("utf-8") for case in make_cases(count)]
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(b"\n".join(documents))
    return documents
