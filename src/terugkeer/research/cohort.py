"""A cohort's case files exported as one dataset: streaming, in worker processes if asked, each
file that is not a valid case (or a second file for the same case) named and left out.

>>> import tempfile, datetime as dt
>>> from pathlib import Path
>>> from terugkeer import Assessment, CaseFile, save_case
>>> folder = Path(tempfile.mkdtemp())
>>> case = CaseFile("case-7").add_assessment(Assessment.build(dt.date(2026, 3, 2), {"F02": -3}))
>>> (folder / "cases").mkdir()
>>> _ = save_case(case, folder / "cases" / "case-7.json")
>>> (folder / "cases" / "notes.json").write_text("{}", encoding="utf-8")
2
>>> left_out = []
>>> result = export_cohort(
...     [folder / "cases"], folder / "out", b"a secret of sixteen+ bytes",
...     on_left_out=lambda path, why: left_out.append(Path(path).name),
... )
>>> result.cases, result.left_out, left_out
(1, 1, ['notes.json'])
>>> (folder / "out" / "ratings.csv").is_file()
True

Files are read a slice at a time, so a cohort never sits in memory whole; the reasons a file is
left out name paths in the file, never its values.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import attrs

from terugkeer.documents import casefiles
from terugkeer.errors import TerugkeerError
from terugkeer.i18n import DEFAULT_LOCALE

from .formats import (
    BATCH_CASES,
    ExportFormat,
    PreparedCase,
    ResearchWriter,
    _pack,
    _unpack,
    prepare_many,
)
from .pseudonyms import check_key
from .tables import ResearchOptions, Row, case_tables

__all__ = ["CohortExport", "case_paths", "export_cohort"]

#: Files per slice, read and prepared together by one process (for Parquet, the slice makes a
#: record batch per table: see :data:`~terugkeer.research.formats.BATCH_CASES`).
SLICE_CASES = 32
#: The reason given for a second file of a case already exported.
DUPLICATE = "the same case as an earlier file"
_DEFAULT = ResearchOptions()


@attrs.frozen
class CohortExport:
    """What :func:`export_cohort` wrote: cases and rows, and how many files it left out."""

    cases: int
    rows: int
    left_out: int


def case_paths(names: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """The files named, and the ``*.json`` files in the folders named, recursively, in sorted
    order, one folder's entries at a time (a linked folder is not followed). Paths are given as
    text: a ``Path`` per file is parsed when made, and again when a worker receives it."""
    for name in names:
        text = os.fspath(name)
        if os.path.isdir(text):
            yield from _json_files(text)
        else:
            yield text


def _json_files(folder: str) -> Iterator[str]:
    """The ``*.json`` files below ``folder`` in the order ``sorted`` gives their paths."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _json_files(entry.path)
        elif entry.name.endswith(".json") and entry.is_file():
            yield entry.path


def export_cohort(
    sources: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    key: bytes,
    *,
    fmt: ExportFormat = ExportFormat.CSV,
    options: ResearchOptions = _DEFAULT,
    locale: str = DEFAULT_LOCALE,
    jobs: int = 1,
    on_left_out: Callable[[str, str], object] | None = None,
    on_file: Callable[[], object] | None = None,
) -> CohortExport:
    """Write the research tables of every case file in ``sources`` (files, or folders searched
    for ``*.json``) to the new or empty folder ``out``, pseudonymised with ``key``.

    ``jobs`` processes read the files (1: this one). A file that is not a valid case, or a second
    file for a case already written, is left out: ``on_left_out(path, why)`` is called for it,
    ``why`` naming places in the file, never its values. ``on_file()`` is called once per file
    handled, in order (for a progress bar; count the files with :func:`case_paths`).
    """
    check_key(key)  # a weak key is refused before anything is written
    if jobs < 1:
        raise ValueError("jobs must be 1 or more")
    seen: set[bytes] = set()  # 16 bytes of each pseudonym: a cohort's paths are never held
    left_out = 0
    with ResearchWriter(Path(out), fmt, options, locale=locale) as writer:
        for path, prepared, error in _exported(case_paths(sources), key, options, fmt, jobs):
            if on_file is not None:
                on_file()
            if prepared is not None:
                digest = bytes.fromhex(prepared.case[:32])
                if digest in seen:
                    error = DUPLICATE
                else:
                    seen.add(digest)
            if error is not None or prepared is None:
                left_out += 1
                if on_left_out is not None:
                    on_left_out(path, error or "")
                continue
            writer.add_prepared(prepared)
    return CohortExport(writer.cases, writer.rows, left_out)


def _case_tables(
    path: str, key: bytes, options: ResearchOptions
) -> tuple[dict[str, list[Row]] | None, str | None]:
    """One case file's research tables, or why it is not a valid case (never a value)."""
    try:
        case = casefiles.load_case(path)
    except TerugkeerError as err:
        return None, str(err)
    return case_tables(case, key, options), None


def _exported(
    paths: Iterable[str], key: bytes, options: ResearchOptions, fmt: ExportFormat, jobs: int
) -> Iterator[tuple[str, PreparedCase | None, str | None]]:
    """Each file's tables, in the files' order: read here, or by ``jobs`` worker processes, a
    slice of files at a time, so that a cohort never sits in memory whole."""
    size = BATCH_CASES if fmt is ExportFormat.PARQUET else SLICE_CASES
    files = iter(paths)
    slices = iter(lambda: list(itertools.islice(files, size)), [])
    if jobs == 1:
        for files_read in slices:
            found = _slice_tables(files_read, key, options, fmt)
            for path, (prepared, error) in zip(files_read, found, strict=True):
                yield path, prepared, error
        return
    # At most 4 slices per process in flight: the processes keep working while this one writes.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: collections.deque[tuple[Sequence[str], Future[_Sent]]] = collections.deque()
        for chunk in itertools.chain(slices, [None]):
            if chunk is not None:
                pending.append((chunk, pool.submit(_slice_sent, chunk, key, options, fmt)))
                if len(pending) < 4 * jobs:
                    continue
            while pending and (chunk is None or len(pending) >= 4 * jobs):
                done_paths, future = pending.popleft()
                packed, errors = future.result()
                cases = iter(_unpack(packed))
                for path, error in zip(done_paths, errors, strict=True):
                    yield path, (next(cases) if error is None else None), error


_Found = tuple["PreparedCase | None", "str | None"]
#: A worker's answer: the prepared cases packed (``formats._pack``), and per file why it is not
#: a valid case (None for each case packed, in order).
_Sent = tuple[bytes, list["str | None"]]


def _slice_sent(
    paths: Sequence[str], key: bytes, options: ResearchOptions, fmt: ExportFormat
) -> _Sent:
    """A worker process's task: :func:`_slice_tables`, its cases packed for sending (Parquet's
    record batches as Arrow IPC streams, which cost a fraction of pickling them)."""
    found = _slice_tables(paths, key, options, fmt)
    return _pack([p for p, _ in found if p is not None]), [error for _, error in found]


def _slice_tables(
    paths: Sequence[str], key: bytes, options: ResearchOptions, fmt: ExportFormat
) -> list[_Found]:
    """A slice of files read and made ready for writing, each file's case or why it is not one
    (one task for a worker process; a module-level function, so that workers can run it)."""
    with _cycles_uncollected():
        found = [_case_tables(path, key, options) for path in paths]
        prepared = iter(prepare_many([t for t, _ in found if t is not None], fmt, options))
        return [
            (None, error) if tables is None else (next(prepared), None) for tables, error in found
        ]


@contextlib.contextmanager
def _cycles_uncollected() -> Iterator[None]:
    """Python's cycle collector paused (as it was after): a slice's cases, tables and rows
    hold no reference cycles, so collecting while they are made finds nothing, and it cost
    a fifth of a Parquet slice's time (docs/performance.md). A cycle made meanwhile (a caught
    error's traceback) is collected once the collector runs again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
