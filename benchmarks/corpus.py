"""The benchmark corpus: realistic case files made with :mod:`terugkeer.testing`.

The cases are drawn by Hypothesis with a fixed seed (``derandomize``), so a given Hypothesis
version and the same strategies always give the same corpus; it is cached as JSON lines in
``benchmarks/.cache/`` because drawing 1,000 cases takes about a minute and a half. The cache's
name holds a digest of everything that draws or writes the cases (the package's sources), so a
changed strategy or record draws a new corpus: terugkeer's version number alone did not change
with them, and a stale corpus was measured against fresh ones.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pathlib
import platform

from hypothesis import HealthCheck, Phase, given, settings

import terugkeer
from terugkeer import CaseFile, dumps
from terugkeer.testing import case_files

__all__ = ["case_documents", "make_cases", "processor"]

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


def _digest() -> str:
    """The first 12 hex digits of the SHA-256 of the package's Python sources, in path order."""
    package = pathlib.Path(terugkeer.__file__).parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def case_documents(count: int = 1_000) -> list[bytes]:
    """The corpus as case documents (UTF-8 JSON, as :func:`terugkeer.dumps` writes them)."""
    path = CACHE / f"cases-{count}-{importlib.metadata.version('hypothesis')}-{_digest()}.jsonl"
    if path.exists():
        return path.read_bytes().splitlines()
    documents = [dumps(case).encode("utf-8") for case in make_cases(count)]
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(b"\n".join(documents))
    return documents


def processor() -> str:
    """The processor the figures were measured on (``/proc/cpuinfo`` on Linux), with the
    number of CPUs: the project's shared machine has run on hosts of different speeds, so a
    figure means little without it."""
    fields: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                name, _, value = line.partition(":")
                fields.setdefault(name.strip(), value.strip())
    except OSError:
        pass
    model = fields.get("model name") or platform.processor() or platform.machine()
    if "cpu family" in fields and "model" in fields:
        model += f" (family {fields['cpu family']}, model {fields['model']})"
    return f"{model}, {os.cpu_count()} CPUs"
