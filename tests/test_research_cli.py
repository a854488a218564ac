"""``terugkeer export``: a cohort of files to tables, file by file; bad files named and left out."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
import sys
from pathlib import Path
from unittest import mock

import pytest

from terugkeer import Assessment, CaseFile, save_case
from terugkeer.actionplan import ClientInfo
from terugkeer.cli import main

KEY = "a research secret of 32 bytes..."
DAY = dt.date(2026, 3, 2)


def _case(case_id: str, country: str = "Syria") -> CaseFile:
    case = CaseFile(case_id, ClientInfo(country_of_origin=country))
    return case.add_assessment(Assessment.build(DAY, {"F02": -3}))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(autouse=True)
def _key() -> object:
    with mock.patch.dict(os.environ, {"TERUGKEER_EXPORT_KEY": KEY}):
        yield


def test_a_cohort_is_read_file_by_file_and_a_bad_file_is_named_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cohort"
    (folder / "sub").mkdir(parents=True)
    save_case(_case("c-1"), folder / "a.json")
    save_case(CaseFile("c-2"), folder / "sub" / "b.json")
    (folder / "sub" / "broken\nname.json").write_text("{not json", encoding="utf-8")
    status = main(["export", "--out", str(tmp_path / "out"), str(folder)])
    err = capsys.readouterr().err
    assert status == 1  # a bad file without --skip-invalid
    assert len(_rows(tmp_path / "out" / "cases.csv")) == 2  # b.json has no assessment, still a row
    assert len(_rows(tmp_path / "out" / "ratings.csv")) == 19
    assert "broken\\nname.json" in err and "1 case file(s) left out" in err
    assert "\nname.json" not in err  # the line break is shown, not printed
    assert main(["export", "--skip-invalid", "--out", str(tmp_path / "again"), str(folder)]) == 0


def test_a_second_file_for_the_same_case_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_case(_case("c-1"), tmp_path / "a.json")
    save_case(_case("c-1"), tmp_path / "copy.json")
    assert main(["export", "--out", str(tmp_path / "out"), str(tmp_path)]) == 1
    assert "copy.json: left out: the same case as an earlier file" in capsys.readouterr().err
    assert len(_rows(tmp_path / "out" / "cases.csv")) == 1


def test_worker_processes_write_the_same_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for i in range(7):
        save_case(_case(f"c-{i}", "Iraq"), cohort / f"{i}.json")
    (cohort / "2b.json").write_text("[]", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        status = main(["export", "--jobs", jobs, "--out", str(out), str(cohort)])
        err = capsys.readouterr().err.replace(str(out), "OUT")
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        outputs.append((status, err, files))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1 and "2b.json" in outputs[0][1]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sav", "dta"])
def test_every_format_writes_tables_and_the_codebook(fmt: str, tmp_path: Path) -> None:
    save_case(_case("c-1"), tmp_path / "a.json")
    out = tmp_path / "out"
    assert main(["export", "--format", fmt, "--out", str(out), str(tmp_path / "a.json")]) == 0
    assert (out / "codebook.csv").exists() and (out / "codebook_codes.csv").exists()
    assert (out / "datapackage.json").exists() == (fmt in ("csv", "parquet"))
    table = out / "ratings" if fmt == "parquet" else out / f"ratings.{fmt}"
    assert table.exists()


def test_options_choose_months_and_opt_in_groups(tmp_path: Path) -> None:
    save_case(_case("c-1", "Iraq"), tmp_path / "a.json")
    out = tmp_path / "out"
    args = ["export", "--dates", "month", "--include", "country_text", "--include", "vulnerable"]
    assert main([*args, "--out", str(out), str(tmp_path / "a.json")]) == 0
    (case,) = _rows(out / "cases.csv")
    assert case["client_country_of_origin"] == "Iraq"
    assert case["client_country_of_origin_code"] == "IQ"
    assert "vulnerable_health" in case
    (assessment,) = _rows(out / "assessments.csv")
    assert assessment["assessed_on"] == "2026-03"


def test_an_output_folder_that_is_not_empty_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_case(_case("c-1"), tmp_path / "a.json")
    with pytest.raises(SystemExit) as info:
        main(["export", "--out", str(tmp_path), str(tmp_path / "a.json")])
    assert info.value.code == 2
    assert "new or empty" in capsys.readouterr().err


def test_without_a_key_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_case(_case("c-1"), tmp_path / "a.json")
    with mock.patch.dict(os.environ, {"TERUGKEER_EXPORT_KEY": "short"}):
        assert main(["export", "--out", str(tmp_path / "out"), str(tmp_path / "a.json")]) == 1
    assert "at least 16 bytes" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    with mock.patch.dict(os.environ, {"TERUGKEER_EXPORT_KEY": "a" * 40}):  # long, but guessable
        assert main(["export", "--out", str(tmp_path / "out"), str(tmp_path / "a.json")]) == 1
    err = capsys.readouterr().err
    assert "too few different characters" in err and "secrets.token_urlsafe" in err
    assert "a" * 40 not in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--jobs", jobs, "--out", "x", "x.json"])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_folders_are_walked_in_the_order_sorted_paths_have(tmp_path: Path) -> None:
    from terugkeer.research.cohort import case_paths

    for name in ("b.json", "a/z.json", "a.json", "a/b/c.json", "ab.json", "a/notes.txt", "A.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "dir.json").mkdir()  # a folder named like a file is walked, not read
    expected = [str(p) for p in sorted(p for p in tmp_path.rglob("*.json") if p.is_file())]
    assert list(case_paths([tmp_path])) == expected


def test_a_progress_bar_only_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for i in range(3):
        save_case(_case(f"c-{i}"), cohort / f"{i}.json")
    assert main(["export", "--out", str(tmp_path / "plain"), str(cohort)]) == 0
    assert "case/s" not in capsys.readouterr().err  # not a terminal: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["export", "--out", str(tmp_path / "bar"), str(cohort)]) == 0
    err = capsys.readouterr().err
    assert "3/3" in err and "case" in err  # tqdm's bar, counted before reading


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_paused_while_files_are_read_and_left_as_it_was(
    enabled: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from terugkeer.documents import casefiles

    save_case(_case("c-1"), tmp_path / "a.json")
    seen: list[bool] = []
    load = casefiles.load_case

    def watched(source: Path) -> CaseFile:
        seen.append(gc.isenabled())
        return load(source)

    monkeypatch.setattr(casefiles, "load_case", watched)
    (gc.enable if enabled else gc.disable)()
    try:
        assert main(["export", "--out", str(tmp_path / "out"), str(tmp_path)]) == 0
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
    assert seen == [False]


# --- The same export from Python: research.export_cohort ------------------------------------------


def _cohort(folder: Path) -> None:
    folder.mkdir()
    for i in range(5):
        save_case(_case(f"c-{i}"), folder / f"{i}.json")
    save_case(_case("c-1"), folder / "5-copy.json")  # the same case again
    (folder / "6-bad.json").write_text('{"schema": "terugkeer/case"}', encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_export_cohort_names_every_file_it_leaves_out_and_counts_what_it_wrote(
    tmp_path: Path, jobs: int
) -> None:
    from terugkeer import research

    _cohort(tmp_path / "cohort")
    left: list[tuple[str, str]] = []
    handled: list[None] = []
    result = research.export_cohort(
        [tmp_path / "cohort"],
        tmp_path / "out",
        KEY.encode(),
        jobs=jobs,
        on_left_out=lambda path, why: left.append((Path(path).name, why)),
        on_file=lambda: handled.append(None),
    )
    assert (result.cases, result.left_out) == (5, 2)
    assert result.rows == sum(
        len(_rows(p)) for p in (tmp_path / "out").glob("*.csv") if not p.name.startswith("code")
    )
    assert [name for name, _ in left] == ["5-copy.json", "6-bad.json"]
    assert left[0][1] == "the same case as an earlier file"
    assert "$" in left[1][1]  # a path in the file, never a value
    assert len(handled) == 7


def test_export_cohort_with_two_jobs_writes_what_one_job_writes(tmp_path: Path) -> None:
    from terugkeer import research

    _cohort(tmp_path / "cohort")
    for jobs in (1, 2):
        research.export_cohort(
            [tmp_path / "cohort"], tmp_path / f"out{jobs}", KEY.encode(), jobs=jobs
        )
    one = {p.name: p.read_bytes() for p in (tmp_path / "out1").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "out2").iterdir()}
    assert one == two and "ratings.csv" in one


def test_export_cohort_refuses_a_weak_key_and_bad_jobs_before_writing(tmp_path: Path) -> None:
    from terugkeer import ValidationError, research

    _cohort(tmp_path / "cohort")
    with pytest.raises(ValidationError) as info:
        research.export_cohort([tmp_path / "cohort"], tmp_path / "out", b"short")
    assert info.value.problems[0].path == "$.key"
    with pytest.raises(ValueError, match="jobs"):
        research.export_cohort([tmp_path / "cohort"], tmp_path / "out", KEY.encode(), jobs=0)
    assert not (tmp_path / "out").exists()


def test_what_the_commands_write_is_for_the_user_alone(tmp_path: Path) -> None:
    save_case(_case("c-1"), tmp_path / "a.json")
    previous = os.umask(0o022)  # as a shell has it: new files 0644, folders 0755
    try:
        assert main(["export", "--out", str(tmp_path / "out"), str(tmp_path / "a.json")]) == 0
        assert main(["report", str(tmp_path / "a.json"), "-o", str(tmp_path / "r.txt")]) == 0
        assert os.umask(0o022) == 0o022  # the process's own umask is back after each command
    finally:
        os.umask(previous)
    written = [tmp_path / "out", *(tmp_path / "out").rglob("*"), tmp_path / "r.txt"]
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
    assert len(modes) > 3
    assert {n: m for n, m in modes.items() if m & 0o077} == {}


@pytest.mark.parametrize("fmt", ["sav", "dta"])
def test_a_nul_in_free_text_cuts_nothing_off_in_spss_or_stata(tmp_path: Path, fmt: str) -> None:
    import attrs
    import pyreadstat

    from terugkeer.research import export_cohort
    from terugkeer.research.formats import ExportFormat
    from terugkeer.research.tables import FieldGroup, ResearchOptions

    case = _case("c-1")
    hostile = attrs.evolve(case.assessments[0], asylum_outcome_explanation="before\x00after")
    save_case(attrs.evolve(case, assessments=(hostile,)), tmp_path / "a.json")
    options = ResearchOptions(include=frozenset(FieldGroup))
    out = tmp_path / "out"
    export_cohort([tmp_path / "a.json"], out, KEY.encode(), fmt=ExportFormat(fmt), options=options)
    read = pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta
    frame, _ = read(str(out / f"assessments.{fmt}"))
    assert list(frame["asylum_outcome_explanation"]) == ["before\ufffdafter"]
