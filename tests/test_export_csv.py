"""The CSV research export: it round-trips any text exactly and neutralises spreadsheet formulas.

(Part of the research-export work; the tidy tables, codebook and other formats are not built yet.)
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terugkeer import Assessment, CaseFile, save_case
from terugkeer.actionplan import ClientInfo
from terugkeer.cli import main
from terugkeer.documents.research import csv_cell
from terugkeer.factors import Rating

KEY = "a research secret of 32 bytes..."
DAY = dt.date(2026, 3, 2)


def _export(case: CaseFile, folder: Path) -> list[dict[str, str]]:
    path = folder / "case.json"
    save_case(case, path)
    out = io.StringIO(newline="")
    with (
        mock.patch.dict(os.environ, {"TERUGKEER_EXPORT_KEY": KEY}),
        contextlib.redirect_stdout(out),
    ):
        assert main(["export", "--csv", "--include-notes", str(path)]) == 0
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def _case(note: str, country: str) -> CaseFile:
    assessment = Assessment.build(DAY, {"F02": -3}).with_rating(Rating.scored("F02", -3, note))
    return CaseFile("c-1", ClientInfo(country_of_origin=country)).add_assessment(assessment)


TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXT, TEXT)
def test_any_text_survives_the_csv_exactly(note: str, country: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        rows = _export(_case(note, country), Path(folder))
    assert len(rows) == 19
    assert rows[1]["note"] == csv_cell(note)
    assert rows[1]["client_country_of_origin"] == csv_cell(country)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_formula_is_neutralised(start: str, tmp_path: Path) -> None:
    rows = _export(_case(start + "HYPERLINK(1)", start + "cmd"), tmp_path)
    assert rows[1]["note"] == "'" + start + "HYPERLINK(1)"
    assert rows[1]["client_country_of_origin"] == "'" + start + "cmd"
    assert rows[1]["score"] == "-3"  # numbers are never changed


def test_a_bare_carriage_return_is_quoted_not_a_new_row(tmp_path: Path) -> None:
    rows = _export(_case("one\rtwo", "a\r\nb"), tmp_path)
    assert len(rows) == 19
    assert rows[1]["note"] == "one\rtwo"
    assert rows[1]["client_country_of_origin"] == "a\r\nb"


def test_a_cohort_is_read_file_by_file_and_a_bad_file_is_named_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cohort"
    (folder / "sub").mkdir(parents=True)
    save_case(_case("", "Syria"), folder / "a.json")
    save_case(CaseFile("c-2"), folder / "sub" / "b.json")
    (folder / "sub" / "broken\nname.json").write_text("{not json", encoding="utf-8")
    with mock.patch.dict(os.environ, {"TERUGKEER_EXPORT_KEY": KEY}):
        status = main(["export", "--csv", str(folder)])
        out, err = capsys.readouterr()
        assert status == 1  # a bad file without --skip-invalid
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert len(rows) == 19  # a.json's rows; b.json has no assessment
        assert "broken\\nname.json" in err and "1 invalid case file(s) left out" in err
        assert "\nname.json" not in err  # the line break is shown, not printed
        assert main(["export", "--csv", "--skip-invalid", str(folder)]) == 0


def test_worker_processes_write_the_same_rows_in_the_same_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(5):
        save_case(_case(f"note {i}", "Iraq"), tmp_path / f"{i}.json")
    (tmp_path / "2b.json").write_text("[]", encoding="utf-8")
    outputs = []
    with mock.patch.dict(os.environ, {"TERUGKEER_EXPORT_KEY": KEY}):
        for jobs in ("1", "2"):
            status = main(["export", "--csv", "--include-notes", "--jobs", jobs, str(tmp_path)])
            outputs.append((status, *capsys.readouterr()))
    assert outputs[0] == outputs[1]
    status, out, err = outputs[0]
    assert status == 1 and "2b.json" in err
    notes = [row["note"] for row in csv.DictReader(io.StringIO(out, newline="")) if row["note"]]
    assert notes == [f"note {i}" for i in range(5)]


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--csv", "--jobs", jobs, "x.json"])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err
