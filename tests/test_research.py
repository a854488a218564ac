"""The research export: tidy tables derived from the forms, pseudonymised by default, with a
codebook, read back by the tools researchers use (csv, pandas, polars, DuckDB, pyarrow,
pyreadstat, frictionless)."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import re
import sys
import tempfile
import typing
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from terugkeer import Assessment, CaseFile
from terugkeer._fields import spec_of
from terugkeer.actionplan import ClientInfo
from terugkeer.case import CaseContext, ConsentAction, ConsentPurpose, ConsentRecord, PhaseChange
from terugkeer.context import ProcessPhase, VulnerableCharacteristic
from terugkeer.factors import FACTORS, RatingKind
from terugkeer.forms import AnswerType, forms
from terugkeer.i18n import text
from terugkeer.planning import PLAN_SECTIONS
from terugkeer.research.codebook import (
    CODE_COLUMNS,
    CODEBOOK_COLUMNS,
    code_number,
    code_rows,
    codebook_rows,
)
from terugkeer.research.formats import (
    ExportFormat,
    ResearchWriter,
    _pack,
    _unpack,
    prepare,
    prepare_many,
)
from terugkeer.research.tables import (
    ColumnType,
    DatePrecision,
    FieldGroup,
    ResearchOptions,
    case_tables,
    csv_cell,
    from_csv_cell,
    research_tables,
    stata_name,
    table,
)
from terugkeer.testing import case_files, synthetic_cohort

KEY = b"a research secret of 32 bytes..."
ALL = ResearchOptions(include=frozenset(FieldGroup))
DEFAULT = ResearchOptions()
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
DAY = dt.date(2026, 3, 2)


def _by_name(
    rows: list[list[Any]], name: str, options: ResearchOptions = DEFAULT
) -> list[dict[str, Any]]:
    columns = [c.name for c in table(name, options).columns]
    return [dict(zip(columns, row, strict=True)) for row in rows]


# --- The tables -----------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [ResearchOptions(), ALL], ids=["default", "all"])
def test_every_table_has_unique_names_and_keys_that_join_to_its_parent(
    options: ResearchOptions,
) -> None:
    tables = {t.name: t for t in research_tables(options)}
    assert len(tables) == len(research_tables(options))
    for t in tables.values():
        names = [c.name for c in t.columns]
        assert len(set(names)) == len(names), t.name
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names), t.name
        short = [stata_name(n) for n in names]
        assert len(set(short)) == len(short) and max(map(len, short)) <= 28, t.name
        assert t.primary_key and t.primary_key[0] == "case_key"
        if t.parent is not None:
            parent = tables[t.parent]
            assert t.primary_key[: len(parent.primary_key)] == parent.primary_key, t.name


def _case_forms() -> list[Any]:
    return [*forms("overview1"), *forms("overview2"), *forms("overview3")] + [
        f
        for name in ("actionplan", "health", "signals", "context", "consents")
        for f in forms(name)
    ]


def test_with_every_group_each_answer_of_a_case_form_has_a_column_unless_it_identifies() -> None:
    sources = Counter(c.source for t in research_tables(ALL) for c in t.columns)
    missing = []
    for form in _case_forms():
        for item in form.walk():
            if item.answer_type is AnswerType.GROUP or item.fixed is not None:
                continue
            link = item.link_id
            if form.id == "overview1" and link[:1] == "F" and link[1:3].isdigit():
                link = link.split(".", 1)[1]  # the 19 rating groups share one long table
            if item.identifying and item.field != "ClientInfo.date_of_birth":
                assert link not in sources, link  # names and contact details never leave
                continue
            if link not in sources:
                missing.append(link)
    assert missing == []


def test_by_default_no_column_holds_free_text_the_typed_country_or_vulnerability() -> None:
    for t in research_tables():
        for column in t.columns:
            assert column.group is None, (t.name, column.name)
            if (t.name, column.name) == ("health_findings", "path"):
                continue  # a JSON path the library writes (``$.medicines[0].reachable``)
            if column.type is ColumnType.STRING and not column.key:
                assert column.codes, (t.name, column.name)  # only codes, never text


def test_a_case_without_assessments_still_has_its_row_in_cases() -> None:
    found = case_tables(CaseFile("c-1"), KEY)
    assert len(found["cases"]) == 1
    assert found["assessments"] == [] and found["ratings"] == []
    assert len(found["plan"]) == 1
    assert [row[1] for row in found["plan_progress"]] == [s.id for s in PLAN_SECTIONS]


@SETTINGS
@given(case_files())
def test_ratings_are_long_one_row_per_assessment_and_factor(case: CaseFile) -> None:
    rows = _by_name(case_tables(case, KEY)["ratings"], "ratings")
    assert len(rows) == 19 * len(case.assessments)
    for row in rows:
        rating = case.assessments[row["assessment_n"]].rating(row["factor"])
        assert row["kind"] == rating.kind.value
        assert row["score"] == rating.score
        assert (row["score"] is None) == (rating.kind is not RatingKind.SCORED)
    assert {r["factor"] for r in rows} <= {f.id for f in FACTORS}


@SETTINGS
@given(case_files())
def test_every_row_has_a_value_per_column_of_a_plain_type(case: CaseFile) -> None:
    found = case_tables(case, KEY, ALL)
    for t in research_tables(ALL):
        for row in found[t.name]:
            assert len(row) == len(t.columns), t.name
            for column, value in zip(t.columns, row, strict=True):
                if value is None:
                    assert not column.key
                    continue
                expected = {
                    ColumnType.STRING: str,
                    ColumnType.INTEGER: int,
                    ColumnType.BOOLEAN: bool,
                    ColumnType.NUMBER: decimal.Decimal,
                    ColumnType.YEARMONTH: str,
                }[column.type]
                assert type(value) is expected, (t.name, column.name)
                if column.codes:
                    assert value in {c.value for c in column.codes}, (t.name, column.name)


@SETTINGS
@given(case_files())
def test_a_multi_select_is_one_boolean_column_per_code(case: CaseFile) -> None:
    found = case_tables(case, KEY, ALL)
    (cases,) = _by_name(found["cases"], "cases", ALL)
    vulnerable = [k for k, v in cases.items() if k.startswith("vulnerable_") and v]
    assert len(vulnerable) == len(case.context.vulnerable)
    consents = _by_name(found["consents"], "consents", ALL)
    for row, consent in zip(consents, case.consents, strict=True):
        assert sum(bool(v) for k, v in row.items() if k.startswith("parts_")) == len(consent.parts)


def test_dates_are_days_since_the_first_date_or_months() -> None:
    case = CaseFile(
        "c-1",
        context=CaseContext(phases=(PhaseChange(ProcessPhase.CONSIDERING, DAY),)),
    ).add_assessment(Assessment.build(DAY + dt.timedelta(days=10), {"F02": -3}))
    days = case_tables(case, KEY)
    assert _by_name(days["phases"], "phases")[0]["on_date"] == 0
    assert _by_name(days["assessments"], "assessments")[0]["assessed_on"] == 10
    months = case_tables(case, KEY, ResearchOptions(dates=DatePrecision.MONTH))
    rows = _by_name(months["assessments"], "assessments")
    assert rows[0]["assessed_on"] == "2026-03"
    assert (
        table("assessments", ResearchOptions(dates=DatePrecision.MONTH)).column("assessed_on").type
        is ColumnType.YEARMONTH
    )


@SETTINGS
@given(case_files())
def test_day_zero_is_the_earliest_exported_date(case: CaseFile) -> None:
    found = case_tables(case, KEY)
    days = [
        value
        for t in research_tables()
        for row in found[t.name]
        for column, value in zip(t.columns, row, strict=True)
        if column.unit == "Research.unit.days" and value is not None
    ]
    if days:
        assert min(days) == 0


@pytest.mark.parametrize(
    ("typed", "code"),
    [("SY", "SY"), ("sy ", "SY"), ("Syria", "SY"), ("Syrië", "SY"), ("Atlantis", None), ("", None)],
)
def test_the_country_leaves_only_as_an_iso_code(typed: str, code: str | None) -> None:
    case = CaseFile("c-1", ClientInfo(country_of_origin=typed))
    (row,) = _by_name(case_tables(case, KEY)["cases"], "cases")
    assert row["client_country_of_origin_code"] == code
    assert "client_country_of_origin" not in row
    options = ResearchOptions(include={FieldGroup.COUNTRY_TEXT})
    (with_text,) = case_tables(case, KEY, options)["cases"]
    assert typed in with_text


def test_vulnerable_characteristics_only_when_asked_for() -> None:
    context = CaseContext(vulnerable=(VulnerableCharacteristic.PAST_EXPERIENCES,))
    case = CaseFile("c-1", context=context)
    assert not any(c.name.startswith("vulnerable") for c in table("cases").columns)
    options = ResearchOptions(include={FieldGroup.VULNERABLE})
    (row,) = case_tables(case, KEY, options)["cases"]
    columns = [c.name for c in table("cases", options).columns]
    assert row[columns.index("vulnerable_past_experiences")] is True


def test_options_refuse_what_is_not_a_field_group() -> None:
    from terugkeer.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        ResearchOptions(include={"free_text"})  # type: ignore[arg-type]
    assert info.value.problems[0].path == "$.include"


# --- Nothing identifying leaves a case ------------------------------------------------------------

SENTINEL = "QQSENTINELQQ"
BIRTH = dt.date(1901, 2, 3)


def _is_code(field: attrs.Attribute[Any]) -> bool:
    """A field holding a code: one of a catalogue's, or a tag in a fixed syntax (a language)."""
    spec = spec_of(field)
    return spec.choices is not None or spec.pattern not in (None, "\\S")


def _planted(value: Any) -> Any:
    """``value`` with every text that is not a code, and the date of birth, replaced."""
    if isinstance(value, tuple):
        return tuple(_planted(v) for v in value)
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    hints = typing.get_type_hints(type(value))
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.name == "client" and type(value).__name__ == "ActionPlan":
            continue  # a case's plan holds no client details (they are the case's own)
        if field.name == "date_of_birth":
            changes[field.name] = BIRTH
        elif _is_code(field):
            continue
        elif isinstance(current, str) and hints[field.name] is str:
            changes[field.name] = SENTINEL
        elif isinstance(current, tuple) and all(isinstance(v, str) for v in current):
            if typing.get_args(hints[field.name])[:1] == (str,):
                changes[field.name] = tuple(SENTINEL for _ in current)
        else:
            changes[field.name] = _planted(current)
    return attrs.evolve(value, **changes)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(case_files())
def test_a_sentinel_in_every_text_and_identifying_field_is_in_no_default_table(
    case: CaseFile,
) -> None:
    planted = attrs.evolve(_planted(case), client=_planted(ClientInfo(name="x")))
    assert SENTINEL in repr(planted)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        with ResearchWriter(out, ExportFormat.CSV) as writer:
            writer.add(case_tables(planted, KEY))
        written = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    assert SENTINEL not in written
    assert case.case_id not in written.replace(case.case_id, "", 0) or len(case.case_id) < 4
    assert BIRTH.isoformat() not in written and "1901-02" not in written
    found = case_tables(planted, KEY)
    cells = {v for rows in found.values() for row in rows for v in row}
    assert planted.case_id not in cells and BIRTH not in cells
    assert 1901 in cells  # the year of birth is kept


# --- CSV ------------------------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)


def _note_case(note: str) -> CaseFile:
    consent = ConsentRecord(
        ConsentPurpose.CHECK_INS,
        "org",
        DAY,
        ConsentAction.GIVE,
        note=note,
    )
    return CaseFile("c-1", consents=(consent,))


def _written(case: CaseFile, folder: Path, options: ResearchOptions = ALL) -> Path:
    out = folder / "out"
    with ResearchWriter(out, ExportFormat.CSV, options) as writer:
        writer.add(case_tables(case, KEY, options))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXT)
def test_any_text_reads_back_equal_with_csv_pandas_and_polars(note: str) -> None:
    import pandas as pd
    import polars as pl

    with tempfile.TemporaryDirectory() as folder:
        path = _written(_note_case(note), Path(folder)) / "consents.csv"
        with path.open(encoding="utf-8", newline="") as stream:
            (row,) = list(csv.DictReader(stream))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        polars = pl.read_csv(path, infer_schema=False, empty_string_is_null=False)
    assert from_csv_cell(row["note"]) == note
    assert from_csv_cell(frame["note"][0]) == note
    assert from_csv_cell(polars["note"][0]) == note


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_a_formula_is_neutralised_and_the_rule_can_be_undone(start: str, tmp_path: Path) -> None:
    path = _written(_note_case(start + "HYPERLINK(1)"), tmp_path) / "consents.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        (row,) = list(csv.DictReader(stream))
    assert row["note"] == "'" + start + "HYPERLINK(1)"
    assert from_csv_cell(row["note"]) == start + "HYPERLINK(1)"
    assert csv_cell(-3) == -3  # numbers are never changed


def test_a_bare_carriage_return_is_quoted_not_a_new_row(tmp_path: Path) -> None:
    path = _written(_note_case("one\rtwo\nthree"), tmp_path) / "consents.csv"
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == 2  # after the header and after the one row
    assert b'"one\rtwo\nthree"' in raw


def test_codes_never_look_like_a_formula() -> None:
    for t in research_tables(ALL):
        for column in t.columns:
            for code in column.codes:
                assert csv_cell(code.value) == code.value, (t.name, column.name)


# --- The codebook and the package -----------------------------------------------------------------


def test_the_codebook_labels_every_column_and_code_in_both_languages() -> None:
    tables = research_tables(ALL)
    rows = list(codebook_rows(tables))
    assert len(rows) == sum(len(t.columns) for t in tables)
    for row in rows:
        for language in ("nl", "en"):
            label = str(row[f"label_{language}"])
            assert label and "Field." not in label and "Research." not in label, row["column"]
            assert "Form." not in str(row[f"table_label_{language}"])
    for code in code_rows(tables):
        assert code["label_nl"] and code["label_en"]
    for t in tables:
        for column in t.columns:
            for m in column.message_ids:
                assert text(m, "en") != m or m in {c.value for c in column.codes}, m


def test_code_numbers_are_positions_except_for_numeric_codes() -> None:
    kind = table("ratings").column("kind")
    assert [code_number(kind, c.value) for c in kind.codes] == [1, 2, 3]
    score = table("ratings").column("score")
    assert code_number(score, -3) == -3
    with pytest.raises(KeyError):
        code_number(kind, "nonsense")


def _cohort(count: int) -> list[CaseFile]:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from corpus import make_cases

    return [attrs.evolve(c, case_id=f"case-{i}") for i, c in enumerate(make_cases(count))]


@pytest.fixture(scope="module")
def cohort() -> list[CaseFile]:
    return _cohort(40)


def _export(cases: list[CaseFile], out: Path, fmt: ExportFormat, **kw: Any) -> Path:
    with ResearchWriter(out, fmt, **kw) as writer:
        for case in cases:
            writer.add(case_tables(case, KEY))
    return out


def test_frictionless_finds_the_csv_package_valid(cohort: list[CaseFile], tmp_path: Path) -> None:
    import frictionless

    out = _export(cohort, tmp_path / "out", ExportFormat.CSV)
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "message"])[:5]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert names == [t.name for t in research_tables()]
    kind = next(
        f
        for r in package["resources"]
        if r["name"] == "ratings"
        for f in r["schema"]["fields"]
        if f["name"] == "kind"
    )
    assert [c["value"] for c in kind["categories"]] == [k.value for k in RatingKind]


def test_pandas_and_polars_read_the_csv_tables_with_their_types(
    cohort: list[CaseFile], tmp_path: Path
) -> None:
    import pandas as pd
    import polars as pl

    out = _export(cohort, tmp_path / "out", ExportFormat.CSV)
    ratings = pd.read_csv(out / "ratings.csv")
    assert len(ratings) == 19 * sum(len(c.assessments) for c in cohort)
    assert set(ratings["score"].dropna()) <= {-3, -2, -1, 1, 2, 3}
    cases = pl.read_csv(out / "cases.csv")
    assert cases.height == len(cohort)
    assert cases.schema["unaccompanied_minor"] == pl.Boolean
    joined = pd.read_csv(out / "assessments.csv").merge(ratings, on=["case_key", "assessment_n"])
    assert len(joined) == len(ratings)


def test_parquet_is_one_dataset_per_table_that_duckdb_and_polars_read(
    cohort: list[CaseFile], tmp_path: Path
) -> None:
    import duckdb
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.dataset as ds  # type: ignore[import-untyped]

    out = _export(cohort, tmp_path / "out", ExportFormat.PARQUET, part_cases=15)
    # A part per 15 cases: 40 cases give 3 parts of the cases table (which has a row for every
    # case; whether every part has ratings depends on the generated cohort).
    assert len(list((out / "cases").glob("part-*.parquet"))) == 3
    data = ds.dataset(out / "ratings").to_table()
    assert data.num_rows == 19 * sum(len(c.assessments) for c in cohort)
    assert pa.types.is_dictionary(data.schema.field("kind").type)
    for chunk in data.column("kind").chunks:  # every code, in codebook order, in every part
        assert chunk.dictionary.to_pylist() == [k.value for k in RatingKind]
    assert str(data.schema.field("score").type) == "int64"
    frame = pl.scan_parquet(out / "ratings" / "*.parquet").collect()
    assert frame.schema["kind"] == pl.Categorical
    query = f"select count(*) from read_parquet('{out}/ratings/*.parquet') where kind = 'scored'"
    relation = duckdb.sql(query)
    assert relation is not None
    ((count,),) = relation.fetchall()
    ratings = [r for c in cohort for a in c.assessments for r in a.ratings]
    scored = sum(r.kind is RatingKind.SCORED for r in ratings)
    assert count == scored
    empty = ds.dataset(out / "signal_emotion_entries").to_table()
    assert empty.schema.names == [c.name for c in table("signal_emotion_entries").columns]


def _parts(folder: Path, name: str) -> list[list[tuple[object, ...]]]:
    """The rows of each Parquet part of a table, in the parts' order."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    files = sorted((folder / name).glob("part-*.parquet"))
    return [[tuple(r.values()) for r in pq.read_table(f).to_pylist()] for f in files]


def test_parquet_parts_hold_the_rows_given_however_the_cases_were_prepared(
    cohort: list[CaseFile], tmp_path: Path
) -> None:
    """Cases given one at a time (``add``), prepared in batches (``prepare_many``, as the
    export's worker processes do, and also packed and unpacked as they send them) with some
    cases of a batch left out (as a case given twice is), or both mixed: every part of a table
    holds the rows of exactly ``part_cases`` cases in the order they were given (the last part
    the rest), with the values given."""
    tables = [case_tables(c, KEY) for c in cohort]
    kept = [t for i, t in enumerate(tables) if i % 7 != 3]
    parquet = ExportFormat.PARQUET
    with ResearchWriter(tmp_path / "one", parquet, part_cases=6) as writer:
        for t in kept:
            writer.add(t)
    with ResearchWriter(tmp_path / "batched", parquet, part_cases=6) as writer:
        for start in range(0, len(tables), 9):
            for i, case in enumerate(prepare_many(tables[start : start + 9], parquet)):
                if (start + i) % 7 != 3:
                    writer.add_prepared(case)
    with ResearchWriter(tmp_path / "sent", parquet, part_cases=6) as writer:
        for start in range(0, len(tables), 9):  # as a worker process sends them
            sent = _unpack(_pack(prepare_many(tables[start : start + 9], parquet)))
            for i, case in enumerate(sent):
                if (start + i) % 7 != 3:
                    writer.add_prepared(case)
    with ResearchWriter(tmp_path / "mixed", parquet, part_cases=6) as writer:
        for n, t in enumerate(kept):
            if n % 3:
                writer.add(t)
            else:
                writer.add_prepared(prepare(t, parquet))
    assert writer.cases == len(kept)
    for folder in ("one", "batched", "sent", "mixed"):
        cases = _parts(tmp_path / folder, "cases")
        assert [len(part) for part in cases] == [6] * (len(kept) // 6) + [len(kept) % 6]
        assert [r[0] for part in cases for r in part] == [t["cases"][0][0] for t in kept]
        for name in ("ratings", "plan_progress", "health_findings", "consents"):
            given = [tuple(row) for t in kept for row in t[name]]
            assert given, name
            assert [r for part in _parts(tmp_path / folder, name) for r in part] == given


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.SAV])
def test_cases_sent_between_processes_arrive_whole(
    fmt: ExportFormat, cohort: list[CaseFile]
) -> None:
    """A worker process's prepared cases, packed and unpacked, hold what they held."""
    prepared = prepare_many([case_tables(c, KEY) for c in cohort], fmt)
    arrived = _unpack(_pack(prepared))
    assert [(c.case, c.rows) for c in arrived] == [(c.case, c.rows) for c in prepared]
    assert [dict(c.csv) for c in arrived] == [dict(c.csv) for c in prepared]
    assert [dict(c.tables) for c in arrived] == [dict(c.tables) for c in prepared]
    assert any(c.csv for c in arrived) is (fmt is ExportFormat.CSV)


@pytest.mark.parametrize("fmt", [ExportFormat.SAV, ExportFormat.DTA])
def test_spss_and_stata_files_carry_variable_and_value_labels(
    fmt: ExportFormat, cohort: list[CaseFile], tmp_path: Path
) -> None:
    import pyreadstat

    out = _export(cohort, tmp_path / "out", fmt, locale="nl")
    read = pyreadstat.read_sav if fmt is ExportFormat.SAV else pyreadstat.read_dta
    frame, meta = read(str(out / f"ratings.{fmt.value}"))
    assert len(frame) == 19 * sum(len(c.assessments) for c in cohort)
    assert meta.column_names_to_labels["score"] == text("Field.Rating.score", "nl")
    labels = meta.variable_value_labels["kind"]
    assert labels[1] == text(RatingKind.SCORED.message_id, "nl")
    first = cohort[0].assessments[0].ratings if cohort[0].assessments else None
    if first is not None:
        kinds = [labels[k] for k in frame["kind"][:19]]
        assert kinds == [text(r.kind.message_id, "nl") for r in first]
    medicines, meta = read(str(out / f"health_medicines.{fmt.value}"))
    assert all(len(name) <= 28 for name in medicines.columns) or fmt is ExportFormat.SAV


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    from terugkeer.errors import TerugkeerError

    (tmp_path / "old.csv").write_text("x", encoding="utf-8")
    with pytest.raises(TerugkeerError):
        ResearchWriter(tmp_path, ExportFormat.CSV)


@pytest.mark.parametrize("options", [ALL, ResearchOptions()], ids=["every group", "default"])
@SETTINGS
@given(case_files(), TEXT)
def test_the_csv_text_is_what_the_csv_module_writes(
    options: ResearchOptions, case: CaseFile, note: str
) -> None:
    import io

    from terugkeer.research.formats import prepare

    case = attrs.evolve(case, consents=(*case.consents, _note_case(note).consents[0]))
    tables = case_tables(case, KEY, options)
    expected = {}
    for t in research_tables(options):
        rows = tables[t.name]
        if not rows:
            continue
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        for row in rows:
            cells = []
            for column, value in zip(t.columns, row, strict=True):
                if isinstance(value, bool):
                    value = "true" if value else "false"
                elif column.type is ColumnType.STRING and not column.codes and not column.key:
                    value = csv_cell(value)
                cells.append(value)
            # Python 3.10's csv module cannot write NUL at all (3.11 quotes it): no oracle there.
            assume(sys.version_info >= (3, 11) or not any("\0" in str(c) for c in cells))
            writer.writerow(cells)
        expected[t.name] = buffer.getvalue()
    assert dict(prepare(tables, ExportFormat.CSV, options).csv) == expected


def test_no_table_or_column_is_an_sql_reserved_word() -> None:
    import duckdb

    relation = duckdb.sql(
        "select keyword_name from duckdb_keywords() where keyword_category = 'reserved'"
    )
    assert relation is not None
    reserved = {row[0] for row in relation.fetchall()}
    options = ResearchOptions(include=set(FieldGroup))
    names = {t.name for t in research_tables(options)}
    names |= {c.name for t in research_tables(options) for c in t.columns}
    names |= set(CODEBOOK_COLUMNS) | set(CODE_COLUMNS)
    assert {"case", "group", "on"} <= reserved
    assert not names & reserved


def test_frictionless_finds_the_parquet_package_valid(
    cohort: list[CaseFile], tmp_path: Path
) -> None:
    import frictionless

    out = _export(cohort, tmp_path / "out", ExportFormat.PARQUET, part_cases=15)
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "message"])[:5]


def test_the_codebook_writes_its_own_codes_as_they_are(tmp_path: Path) -> None:
    out = _export(synthetic_cohort(2), tmp_path / "out", ExportFormat.CSV)
    with (out / "codebook_codes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    scores = [
        r["code"] for r in rows if r["table_name"] == "ratings" and r["column_name"] == "score"
    ]
    assert "-3" in scores and "'-3" not in scores


def test_the_synthetic_cohort_looks_like_a_practice() -> None:
    from babel import Locale

    cohort = synthetic_cohort(60, seed=3)
    assert cohort == synthetic_cohort(60, seed=3)
    countries = {c.client.country_of_origin for c in cohort}
    assert len(countries) > 10 and countries <= set(Locale("en").territories)
    days = [a.assessed_on for c in cohort for a in c.assessments]
    assert min(days) >= dt.date(2025, 1, 1) and max(days) <= dt.date(2026, 12, 31)
    tables = case_tables(cohort[0], KEY)
    assert tables["cases"][0][3] == cohort[0].client.country_of_origin  # exported as its code
