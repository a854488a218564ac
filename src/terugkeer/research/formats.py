"""Writing the research tables to files: CSV, Parquet, SPSS (``.sav``) or Stata (``.dta``).

A :class:`ResearchWriter` takes the tables of one case at a time (:func:`~terugkeer.documents.
research.case_tables`) and writes them to a new folder, with the codebook (``codebook.csv`` and
``codebook_codes.csv``) and, for CSV and Parquet, a Frictionless ``datapackage.json``:

- **CSV**: ``<table>.csv`` per table, UTF-8, comma-separated, RFC 4180 quoting with CRLF between
  records (so a CR or LF inside a cell is always quoted), ``true``/``false`` for booleans, an
  empty cell for a missing value, and text that a spreadsheet would run as a formula prefixed
  with ``'`` (:func:`~terugkeer.research.tables.csv_cell`). Rows are written as they come.
- **Parquet**: a dataset per table, ``<table>/part-00000.parquet`` …, a part per
  ``part_cases`` cases (2,000 by default); DuckDB, polars, pandas and Spark read the folder as
  one table. Coded text columns are dictionary-encoded with every allowed code as the
  dictionary, in the codebook's order and the same in every part (so pandas sees a categorical
  with all its categories); numbers are integers or floats, booleans are booleans. Needs pyarrow
  (``terugkeer[research]``).
- **SPSS / Stata**: ``<table>.sav`` or ``<table>.dta`` with variable labels and value labels;
  coded columns hold the codebook's numbers. These formats are one file written at once, so the
  rows of the whole cohort are held in memory until :meth:`ResearchWriter.close`. Needs
  pyreadstat and pandas (``terugkeer[research]``). Stata names longer than 32 characters are
  shortened (:func:`~terugkeer.research.tables.stata_name`, listed in the codebook).
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import json
import pickle
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from terugkeer._codegen import generated_function
from terugkeer.errors import TerugkeerError
from terugkeer.research.codebook import (
    CODE_COLUMNS,
    CODEBOOK_COLUMNS,
    code_label,
    code_number,
    code_rows,
    codebook_rows,
    column_label,
    datapackage,
)
from terugkeer.research.tables import (
    Column,
    ColumnType,
    ResearchOptions,
    Row,
    Table,
    Value,
    csv_cell,
    research_tables,
    stata_name,
)

__all__ = ["ExportFormat", "PreparedCase", "ResearchWriter", "prepare", "prepare_many"]

_DEFAULT = ResearchOptions()


class ExportFormat(enum.Enum):
    """The file formats of the research export."""

    CSV = "csv"
    PARQUET = "parquet"
    SAV = "sav"
    DTA = "dta"


@attrs.frozen(weakref_slot=False)
class PreparedCase:
    """One case's tables made ready for a :class:`ResearchWriter`: each table's CSV text, its
    rows in an Arrow record batch (Parquet) or its rows (SPSS, Stata). Made by :func:`prepare`
    or :func:`prepare_many`, in any process."""

    case: str  #: the case's pseudonym (a writer's caller can find a case given twice by it)
    rows: int
    csv: Mapping[str, str] = attrs.field(factory=dict)
    tables: Mapping[str, list[Row]] = attrs.field(factory=dict)
    #: For Parquet, per table: the Arrow record batch holding this case's rows (shared with the
    #: cases prepared with it, and pickled once with them), the first of them and how many.
    batches: Mapping[str, tuple[Any, int, int]] = attrs.field(factory=dict)


def prepare(
    tables: Mapping[str, list[Row]], fmt: ExportFormat, options: ResearchOptions = _DEFAULT
) -> PreparedCase:
    """One case's tables (:func:`~terugkeer.research.tables.case_tables`, same options)
    made ready for writing in ``fmt``: CSV is encoded here, and Parquet's arrays are made, so
    that worker processes can do it. For Parquet, :func:`prepare_many` is much quicker."""
    return prepare_many([tables], fmt, options)[0]


def prepare_many(
    cases: Sequence[Mapping[str, list[Row]]],
    fmt: ExportFormat,
    options: ResearchOptions = _DEFAULT,
) -> list[PreparedCase]:
    """Several cases' tables made ready for writing in ``fmt``, in their order.

    For Parquet, each table's rows of all the cases become one Arrow record batch: making an
    array costs several µs per call whatever its length, so batches of many cases (see
    ``BATCH_CASES``) cost a fraction of a batch per case."""
    if fmt is not ExportFormat.PARQUET:
        return [_prepare_one(tables, fmt, options) for tables in cases]
    pa = _require("pyarrow")
    batches = {}
    for table in research_tables(options):
        rows = [row for tables in cases for row in tables[table.name]]
        if rows:
            batches[table.name] = _record_batch(pa, table, rows, options)
    starts = dict.fromkeys(batches, 0)
    prepared = []
    for tables in cases:
        spans = {}
        for name, rows in tables.items():
            if rows:
                spans[name] = (batches[name], starts[name], len(rows))
                starts[name] += len(rows)
        prepared.append(PreparedCase(*_case_and_count(tables), batches=spans))
    return prepared


def _pack(cases: Sequence[PreparedCase]) -> bytes:
    """Prepared cases as bytes for another process of this export (:func:`_unpack` reads
    them): each Arrow record batch once, as an Arrow IPC stream, and the rest pickled. Pickle's
    own route for a record batch cost about 6 times as much to write and 11 times as much to
    read (a slice of 256 cases: 13.4 ms and 11.8 ms, against 2.7 ms and 1.3 ms)."""
    streams: list[bytes] = []
    numbers: dict[int, int] = {}  # a batch's position in ``streams``, by its id
    items = []
    for case in cases:
        spans = {}
        for name, (batch, start, count) in case.batches.items():
            number = numbers.get(id(batch))
            if number is None:
                number = numbers[id(batch)] = len(streams)
                streams.append(_stream(batch))
            spans[name] = (number, start, count)
        items.append((case.case, case.rows, dict(case.csv), dict(case.tables), spans))
    return pickle.dumps((streams, items), protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: bytes) -> list[PreparedCase]:
    """The prepared cases :func:`_pack` wrote (only bytes it wrote: they are pickled)."""
    streams, items = pickle.loads(data)  # written by _pack, in this export
    batches: list[Any] = []
    if streams:  # Parquet: pyarrow is there
        ipc = _require("pyarrow").ipc
        batches = [ipc.open_stream(stream).read_next_batch() for stream in streams]
    return [
        PreparedCase(
            case,
            rows,
            csv=csv_chunks,
            tables=tables,
            batches={name: (batches[n], start, count) for name, (n, start, count) in spans.items()},
        )
        for case, rows, csv_chunks, tables, spans in items
    ]


def _stream(batch: Any) -> bytes:
    """A record batch as an Arrow IPC stream (its schema, dictionaries and buffers)."""
    pa = _require("pyarrow")
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return bytes(sink.getvalue())


def _case_and_count(tables: Mapping[str, list[Row]]) -> tuple[str, int]:
    """A case's pseudonym (the first cell of its ``cases`` row) and its number of rows."""
    return str(tables["cases"][0][0]), sum(len(rows) for rows in tables.values())


def _prepare_one(
    tables: Mapping[str, list[Row]], fmt: ExportFormat, options: ResearchOptions
) -> PreparedCase:
    """One case made ready for CSV (encoded), SPSS or Stata (its rows as they are)."""
    case, count = _case_and_count(tables)
    if fmt is not ExportFormat.CSV:
        return PreparedCase(case, count, tables={n: r for n, r in tables.items() if r})
    return PreparedCase(case, count, csv=_csv_encoder(options)(tables))


_Codes = tuple[tuple[int, dict[Value, int]], ...]


@functools.cache
def _parquet_columns(options: ResearchOptions) -> dict[str, tuple[_Codes, tuple[int, ...]]]:
    """Per table, the coded text columns (position, and each code's position among the
    column's codes) and the number columns (written as floats)."""
    return {
        t.name: (
            tuple(
                (i, {code.value: n for n, code in enumerate(c.codes)})
                for i, c in enumerate(t.columns)
                if c.codes and c.type is ColumnType.STRING
            ),
            tuple(i for i, c in enumerate(t.columns) if c.type is ColumnType.NUMBER),
        )
        for t in research_tables(options)
    }


def _columns(
    rows: list[Row], coded: _Codes, numbers: tuple[int, ...], width: int
) -> list[Sequence[object]]:
    """A table's rows as columns, codes as their positions (a Parquet dictionary's indices)."""
    if not rows:
        return [() for _ in range(width)]
    values: list[tuple[Value, ...]] = list(zip(*rows, strict=True))
    columns: list[Sequence[object]] = list(values)
    for i, index in coded:
        columns[i] = [None if v is None else index[v] for v in values[i]]
    for i in numbers:
        columns[i] = [None if v is None else float(v) for v in values[i]]
    return columns


def _record_batch(pa: Any, table: Table, rows: list[Row], options: ResearchOptions) -> Any:
    """The rows of ``table`` as an Arrow record batch of its columns' types (their titles are
    added when a part is written). Coded text is a dictionary of every allowed code, in the
    codebook's order, so that every part has the same dictionary."""
    coded, numbers = _parquet_columns(options)[table.name]
    columns = _columns(rows, coded, numbers, len(table.columns))
    arrays = []
    for column, values in zip(table.columns, columns, strict=True):
        if column.codes and column.type is ColumnType.STRING:
            codes = pa.array([c.value for c in column.codes], pa.string())
            indices = pa.array(values, pa.int32())  # each code's position
            arrays.append(pa.DictionaryArray.from_arrays(indices, codes))
        else:
            arrays.append(pa.array(values, type=_arrow_type(pa, column.type, bool(column.codes))))
    return pa.RecordBatch.from_arrays(arrays, names=[c.name for c in table.columns])


#: What makes :mod:`csv` quote a cell (with CRLF as the line end).
_QUOTED = (",", '"', "\r", "\n")


@functools.cache
def _csv_encoder(options: ResearchOptions) -> Callable[[Mapping[str, list[Row]]], dict[str, str]]:
    """One generated function giving a case's CSV text per table that has rows (lines ending
    in CRLF), each row's cells spelled out: a key as it is, a boolean ``true``/``false``, free
    text with the formula guard, any other value as text, None as an empty cell. A line without
    a quote, CR, LF or extra comma needs no quoting and is kept as it is; any other is written
    by :mod:`csv` from its cells. A table none of whose cells can need quoting skips that test:
    free text can; numbers, dates, positions, the hexadecimal case key and codes without a
    comma, quote or line break cannot. (One function per case, not one per row: a call per
    row cost about a sixth of the encoding.)"""
    lines = ["def encode(tables):", "    chunks = {}"]
    for table in research_tables(options):
        names = [f"c{i}" for i in range(len(table.columns))]
        cells = []
        for name, column in zip(names, table.columns, strict=True):
            if column.key:  # never empty
                cells.append(f"{{{name}}}")
            elif column.type is ColumnType.BOOLEAN:
                cells.append(f"{{_flag[{name}]}}")
            elif _free_text(column):
                cells.append(f"{{_text({name})}}")
            else:
                cells.append(f"{{'' if {name} is None else {name}}}")
        codes = [str(code.value) for column in table.columns for code in column.codes]
        check = any(map(_free_text, table.columns))
        check = check or any(mark in code for code in codes for mark in _QUOTED)
        line = f"f{','.join(cells)!r}"
        lines += [
            f"    rows = tables[{table.name!r}]",
            "    if rows:",
            "        lines = []",
            f"        for {', '.join(names)}, in rows:",
        ]
        if check:
            lines += [
                f"            line = {line}",
                f"            if line.count(',') != {len(names) - 1} or _marked(line):",
                f"                line = _quoted([{', '.join(f'f{c!r}' for c in cells)}])",
                "            lines.append(line)",
            ]
        else:
            lines.append(f"            lines.append({line})")
        lines.append("        lines.append('')")
        lines.append(f"        chunks[{table.name!r}] = '\\r\\n'.join(lines)")
    lines.append("    return chunks")
    namespace: dict[str, Any] = {
        "_flag": _PLAIN,
        "_text": _text_cell,
        "_marked": _marked,
        "_quoted": _quoted,
    }
    encode = generated_function("encode", "\n".join(lines), namespace, "csv")
    return typing.cast("Callable[[Mapping[str, list[Row]]], dict[str, str]]", encode)


def _marked(line: str) -> bool:
    """Whether a line holds a quote, CR or LF (so that :mod:`csv` would quote a cell)."""
    return '"' in line or "\r" in line or "\n" in line


def _quoted(cells: list[str]) -> str:
    """Cells as :mod:`csv` writes them, without the line end: with CRLF as the line end, a CR
    or LF in a cell is always quoted."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2]


def _free_text(column: Column) -> bool:
    """Whether a column holds text as typed (not a code or key): it gets the formula guard."""
    return column.type is ColumnType.STRING and not column.codes and not column.key


def _text_cell(value: Value) -> Value:
    return "" if value is None else csv_cell(value)


_PLAIN: dict[object, str] = {None: "", True: "true", False: "false"}


def _any_cells(row: Row) -> list[str]:
    """The cells of a row of any kind (a header, the codebook): every text guarded."""
    return [_PLAIN[v] if v is None or v is True or v is False else str(csv_cell(v)) for v in row]


def _csv_text(rows: list[Row]) -> str:
    """Rows of any kind (a header, the codebook) as CSV lines, each ending in CRLF, every text
    guarded: exactly what :mod:`csv` writes (minimal quoting)."""
    return "".join(_quoted(_any_cells(row)) + "\r\n" for row in rows)


def _own_csv_text(rows: list[Row]) -> str:
    """Rows of the library's own values (the codebook: names, codes, labels) as CSV lines,
    without the formula guard: a score code ``-3`` is written as it is, not as ``'-3``."""
    return "".join(
        _quoted([_PLAIN[v] if v is None or v is True or v is False else str(v) for v in row])
        + "\r\n"
        for row in rows
    )


#: How many cases are prepared together for Parquet (by :meth:`ResearchWriter.add`, and per
#: task of the export's worker processes): making an Arrow array costs several µs per call
#: whatever its length, so a batch of 32 cases cost about 420 µs per case, and one of 256 about
#: 150 µs.
BATCH_CASES = 256


class ResearchWriter:
    """Writes the research tables of many cases to the new or empty ``folder``.

    Use it as a context manager, or call :meth:`close`: only then are the codebook, the
    package description and (for SPSS and Stata) the tables written.
    """

    def __init__(
        self,
        folder: Path,
        fmt: ExportFormat,
        options: ResearchOptions = _DEFAULT,
        *,
        locale: str = "en",
        part_cases: int = 2_000,
    ) -> None:
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise TerugkeerError("the output folder must be new or empty")
        self.folder = folder
        self.fmt = fmt
        self.options = options
        self.locale = locale
        self.part_cases = part_cases
        self.tables = research_tables(options)
        self.cases = 0
        self.rows = 0
        self._buffers: dict[str, list[Row]] = {t.name: [] for t in self.tables}
        #: Parquet: per table, the runs of rows of the part being gathered (batch, first row,
        #: count), and the cases given to :meth:`add` that wait to be prepared together.
        self._runs: dict[str, list[tuple[Any, int, int]]] = {t.name: [] for t in self.tables}
        self._waiting: list[Mapping[str, list[Row]]] = []
        self._stored = 0
        self._parts: dict[str, list[str]] = {t.name: [] for t in self.tables}
        self._files: dict[str, IO[str]] = {}
        self._closed = False
        if fmt is ExportFormat.PARQUET:
            self._pa = _require("pyarrow")
            self._pq = _require("pyarrow.parquet")
        elif fmt in (ExportFormat.SAV, ExportFormat.DTA):
            self._pd = _require("pandas")
            self._readstat = _require("pyreadstat")
        folder.mkdir(parents=True, exist_ok=True)
        if fmt is ExportFormat.CSV:
            for table in self.tables:
                stream = (folder / f"{table.name}.csv").open("w", encoding="utf-8", newline="")
                self._files[table.name] = stream
                stream.write(_csv_text([[c.name for c in table.columns]]))

    def __enter__(self) -> ResearchWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.close()
        else:
            for stream in self._files.values():
                stream.close()

    def add(self, tables: Mapping[str, list[Row]]) -> None:
        """Add one case's tables (as :func:`~terugkeer.research.tables.case_tables` gives
        them, with the same options). For Parquet, cases are prepared a batch at a time."""
        if self.fmt is not ExportFormat.PARQUET:
            self.add_prepared(prepare(tables, self.fmt, self.options))
            return
        self.cases += 1
        self.rows += sum(len(rows) for rows in tables.values())
        self._waiting.append(tables)
        if len(self._waiting) == BATCH_CASES:
            self._prepare_waiting()

    def add_prepared(self, case: PreparedCase) -> None:
        """Add one case as :func:`prepare` or :func:`prepare_many` made it (perhaps in another
        process)."""
        self.cases += 1
        self.rows += case.rows
        if self.fmt is ExportFormat.CSV:
            for name, chunk in case.csv.items():
                self._files[name].write(chunk)
        elif self.fmt is ExportFormat.PARQUET:
            self._prepare_waiting()  # cases added before this one go first
            self._store(case)
        else:
            for name, rows in case.tables.items():
                self._buffers[name] += rows

    def close(self) -> None:
        """Write what is left, the codebook and the package description."""
        if self._closed:
            return
        self._closed = True
        for stream in self._files.values():
            stream.close()
        if self.fmt is ExportFormat.PARQUET:
            self._prepare_waiting()
            self._flush_parquet()
            for table in self.tables:
                if not self._parts[table.name]:
                    self._write_part(table, [_record_batch(self._pa, table, [], self.options)])
        elif self.fmt in (ExportFormat.SAV, ExportFormat.DTA):
            for table in self.tables:
                self._write_readstat(table, self._buffers[table.name])
        self._write_codebook()

    # --- Parquet ---------------------------------------------------------------------------------

    def _prepare_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        if waiting:
            for case in prepare_many(waiting, self.fmt, self.options):
                self._store(case)

    def _store(self, case: PreparedCase) -> None:
        """Take a prepared case's rows into the part being gathered (a run of rows that goes on
        where the last one ended is lengthened), and write the part when it is full."""
        for name, (batch, start, count) in case.batches.items():
            runs = self._runs[name]
            last = runs[-1] if runs else None
            if last is not None and last[0] is batch and last[1] + last[2] == start:
                runs[-1] = (batch, last[1], last[2] + count)
            else:
                runs.append((batch, start, count))
        self._stored += 1
        if self._stored % self.part_cases == 0:
            self._flush_parquet()

    def _flush_parquet(self) -> None:
        for table in self.tables:
            runs = self._runs[table.name]
            if runs:
                self._write_part(table, [batch.slice(start, n) for batch, start, n in runs])
                self._runs[table.name] = []

    def _write_part(self, table: Table, batches: list[Any]) -> None:
        """One Parquet file of ``table`` from its record batches, joined into one array per
        column, with each column's title in the schema."""
        pa = self._pa
        parts = self._parts[table.name]
        relative = f"{table.name}/part-{len(parts):05d}.parquet"
        (self.folder / table.name).mkdir(exist_ok=True)
        joined = pa.Table.from_batches(batches).combine_chunks()
        fields = [
            pa.field(
                column.name,
                _arrow_type(pa, column.type, bool(column.codes)),
                nullable=not column.key,
                metadata={"title": column_label(column, self.locale)},
            )
            for column in table.columns
        ]
        self._pq.write_table(
            pa.table(joined.columns, schema=pa.schema(fields)), self.folder / relative
        )
        parts.append(relative)

    # --- SPSS and Stata --------------------------------------------------------------------------

    def _write_readstat(self, table: Table, rows: list[Row]) -> None:
        pd = self._pd
        stata = self.fmt is ExportFormat.DTA
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
        data: dict[str, Any] = {}
        labels: dict[str, str | None] = {}
        value_labels: dict[str, dict[int | float, str]] = {}
        for column, values in zip(table.columns, columns, strict=True):
            name = stata_name(column.name) if stata else column.name
            label = column_label(column, self.locale)
            labels[name] = label[:80] if stata else label
            if column.codes:
                data[name] = _numbers(
                    [None if v is None else code_number(column, v) for v in values]
                )
                value_labels[name] = {
                    code_number(column, c.value): code_label(column, c, self.locale)[
                        : 80 if stata else 120
                    ]
                    for c in column.codes
                }
            elif column.type in (ColumnType.STRING, ColumnType.YEARMONTH):
                # SPSS and Stata keep text as C strings: a NUL would end it there and silently
                # drop the rest, so it is written as U+FFFD (visible, and the rest kept).
                data[name] = ["" if v is None else str(v).replace("\x00", "\ufffd") for v in values]
            elif column.type is ColumnType.BOOLEAN:
                data[name] = _numbers([None if v is None else int(v) for v in values])
            else:
                data[name] = _numbers([None if v is None else v for v in values])
        frame = pd.DataFrame(data, columns=list(data))
        path = self.folder / f"{table.name}.{self.fmt.value}"
        write = self._readstat.write_dta if stata else self._readstat.write_sav
        write(frame, path, column_labels=labels, variable_value_labels=value_labels)

    # --- Codebook and package --------------------------------------------------------------------

    def _write_codebook(self) -> None:
        for name, header, rows in (
            ("codebook.csv", CODEBOOK_COLUMNS, codebook_rows(self.tables)),
            ("codebook_codes.csv", CODE_COLUMNS, code_rows(self.tables)),
        ):
            lines: list[Row] = [list(header)]
            for row in rows:
                lines.append([row[c] for c in header])
            (self.folder / name).write_text(_own_csv_text(lines), encoding="utf-8", newline="")
        if self.fmt is ExportFormat.CSV:
            paths: dict[str, str | list[str]] = {t.name: f"{t.name}.csv" for t in self.tables}
        elif self.fmt is ExportFormat.PARQUET:
            paths = {name: list(parts) for name, parts in self._parts.items()}
        else:
            return
        package = datapackage(self.tables, paths, fmt=self.fmt.value, locale=self.locale)
        (self.folder / "datapackage.json").write_text(
            json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def _require(module: str) -> types.ModuleType:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise TerugkeerError(
            f"this format needs {module.split('.')[0]}: install terugkeer[research]"
        ) from None


def _arrow_type(pa: Any, kind: ColumnType, coded: bool) -> Any:
    if kind is ColumnType.STRING:
        return pa.dictionary(pa.int32(), pa.string()) if coded else pa.string()
    return {
        ColumnType.INTEGER: pa.int64(),
        ColumnType.NUMBER: pa.float64(),
        ColumnType.BOOLEAN: pa.bool_(),
        ColumnType.YEARMONTH: pa.string(),
    }[kind]


def _numbers(values: list[int | float | None]) -> list[float] | list[int]:
    """Integers as they are, or floats with NaN for missing values (SPSS and Stata's missing)."""
    if all(v is not None for v in values):
        return values  # type: ignore[return-value]
    return [float("nan") if v is None else float(v) for v in values]
