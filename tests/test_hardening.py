"""Hardening: no crash on any input, nothing personal in an exception, no lost update."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terugkeer import CaseFile, ValidationError, dumps, load_case, loads, save_case
from terugkeer.case import ConsentPurpose, ConsentRecord
from terugkeer.context import ProcessPhase
from terugkeer.documents import casefiles
from terugkeer.errors import MAX_PROBLEMS, ConflictError, Problem
from terugkeer.factors import Assessment

DAY = dt.date(2026, 3, 2)
SENTINEL = "Zeynep-4711-sentinel"


def _case() -> CaseFile:
    return CaseFile("case-1").add_assessment(Assessment.build(DAY, {"F02": -3}))


def _doc(**extra: object) -> dict[str, object]:
    doc: dict[str, object] = json.loads(dumps(_case(), indent=2))
    doc.update(extra)
    return doc


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [item.__context__, item.__cause__]
    return seen


def _holds(exc: BaseException, needle: str) -> bool:
    """Whether the exception, anything it links to, or any attribute mentions ``needle``."""
    for item in _chain(exc):
        texts = [str(item), repr(item.args)]
        texts += [repr(v) for v in getattr(item, "__dict__", {}).values()]
        if any(needle in t for t in texts):
            return True
    return False


# --- What load_case takes ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["x\x00y", "{not a path", "\x00{", ""])
def test_a_str_is_a_path_and_os_failures_are_validation_errors(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        load_case(bad)
    assert info.value.__context__ is None and info.value.__cause__ is None


def test_a_fifo_a_device_and_a_folder_are_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(ValidationError) as info:
            load_case(source)
        assert info.value.problems[0].reason in (
            "is not a regular file",
            "cannot be read as a file",
        )


@pytest.mark.parametrize(
    "data",
    [
        b'{"schema": "terugkeer/case", "version": 3, "case_id": "\\ud800"}',
        b'{"schema": "terugkeer/case", "version": 3, "case_id": "\xed\xa0\x80"}',
        '{"schema": "terugkeer/case"}'.encode("utf-16"),
        '{"schema": "terugkeer/case"}'.encode("utf-32"),
        b'\xef\xbb\xbf{"schema": "terugkeer/case"}',
    ],
)
def test_only_utf8_text_is_a_document(data: bytes) -> None:
    with pytest.raises(ValidationError):
        load_case(data)


def test_a_lone_surrogate_is_refused_with_its_path() -> None:
    doc = _doc()
    doc["assessments"][0]["ratings"][1]["note"] = "\ud800"  # type: ignore[index]
    text = json.dumps(doc)  # writes it as the escape \ud800
    with pytest.raises(ValidationError) as info:
        loads(text, CaseFile)
    assert [p.path for p in info.value.problems] == ["$.assessments[0].ratings[1].note"]


def test_deep_nesting_is_refused_as_too_deeply_nested() -> None:
    # Python 3.13's parser reads deeper nesting than 3.10-3.12's; there the document is refused
    # by its shape (a list is no case), still a ValidationError and never a RecursionError.
    parser_limited = sys.version_info < (3, 13)
    for depth in (5_000, 100_000):
        with pytest.raises(ValidationError) as info:
            loads("[" * depth + "]" * depth, CaseFile)
        expected = {"json.too_deep"} if parser_limited else {"json.too_deep", "type.object"}
        assert info.value.problems[0].code in expected
    with pytest.raises(ValidationError):  # shallower nesting is refused by structure
        loads("[" * 40 + "]" * 40, CaseFile)


def test_many_bad_items_give_a_capped_list_and_a_count() -> None:
    doc = _doc(consents=[{"purpose": 1}] * 5_000)
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), CaseFile)
    err = info.value
    assert len(err.problems) == MAX_PROBLEMS
    assert err.total >= 5_000
    assert "more" in str(err) and len(str(err)) < 20_000


def test_a_validation_error_keeps_the_first_problems_of_any_iterable_and_counts_them_all() -> None:
    problems = [Problem(f"$.x[{i}]", "value.invalid") for i in range(MAX_PROBLEMS + 50)]
    for source in (problems, tuple(problems), iter(problems), (p for p in problems)):
        err = ValidationError(source)
        assert err.problems == tuple(problems[:MAX_PROBLEMS])
        assert err.total == MAX_PROBLEMS + 50
    assert ValidationError(problems[:3], total=10).total == 10  # a count from further down
    assert ValidationError(problems[:3], total=1).total == 3  # never fewer than it holds
    with pytest.raises(ValueError, match="at least one problem"):
        ValidationError(iter([]))


# --- Nothing personal in an exception -------------------------------------------------------------


def _bad_inputs() -> list[str | bytes]:
    s = SENTINEL
    return [
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": "{s}", "x": ',  # broken JSON
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": "{s}", "case_id": 1}}',
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": "{s}", "{s}": 1}}',
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": ["{s}"]}}',
        f'{{"schema": "{s}", "version": 3}}',
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": "a", "revision": "{s}"}}',
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": "a", "assessments": '
        f'[{{"assessed_on": "{s}", "ratings": []}}]}}',
        f'{{"schema": "terugkeer/case", "version": 3, "case_id": "a", "context": '
        f'{{"phases": [{{"phase": "{s}", "on": "2026-01-01"}}]}}}}',
        f'["{s}", NaN]',
        (f'{{"case_id": "{s}"}}').encode("utf-16"),
        f'{{"case_id": "{s}", "x": "\\ud800"}}',
    ]


def test_no_exception_references_the_input() -> None:
    for bad in _bad_inputs():
        data = bad if isinstance(bad, bytes) else bad.encode("utf-8", "surrogatepass")
        with pytest.raises(ValidationError) as info:
            load_case(data)
        assert not _holds(info.value, SENTINEL), bad


@pytest.mark.parametrize("lookup", ["factor", "signal", "wellbeing", "section"])
def test_catalogue_lookups_keep_no_link_to_the_unknown_id(lookup: str) -> None:
    from terugkeer.factors import FACTORS
    from terugkeer.planning import PLAN_SECTIONS
    from terugkeer.signals import SIGNALS
    from terugkeer.wellbeing import WELLBEING_ITEMS

    function = {
        "factor": FACTORS.get,
        "signal": SIGNALS.get,
        "wellbeing": WELLBEING_ITEMS.get,
        "section": PLAN_SECTIONS.get,
    }[lookup]
    with pytest.raises(ValidationError) as info:
        function(SENTINEL)
    assert not _holds(info.value, SENTINEL)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=25,
)


def _document(value: object) -> bytes:
    doc = {"schema": "terugkeer/case", "version": 3, "case_id": SENTINEL, "x": value}
    return json.dumps(doc).encode()


#: Every class of input the hardening issue names, as bytes for load_case.
FUZZ = st.one_of(
    st.binary(max_size=300),  # arbitrary bytes
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),  # surrogates, NULs
    _JSON_VALUES.map(_document),  # JSON of any shape inside a case document
    st.integers(20, 3_000).map(lambda n: b"[" * n + b"]" * n),  # deep nesting
    st.integers(0xD800, 0xDFFF).map(
        lambda c: f'{{"case_id": "{SENTINEL}\\u{c:04x}"}}'.encode()
    ),  # escaped lone surrogates
    _JSON_VALUES.map(_document).flatmap(
        lambda d: st.sampled_from(
            [d.decode().encode("utf-16"), d.decode().encode("utf-32"), b"\xef\xbb\xbf" + d]
        )
    ),  # other encodings and a byte order mark
    st.lists(st.just({"purpose": SENTINEL}), max_size=300).map(
        lambda items: json.dumps(
            {"schema": "terugkeer/case", "version": 3, "case_id": "a", "consents": items}
        ).encode()
    ),  # many bad list items
)


@settings(max_examples=20_000 if os.environ.get("CI") else 500, deadline=2_000)
@given(FUZZ)
def test_fuzz_only_validation_errors_and_no_sentinel(data: bytes) -> None:
    """Any bytes: a case or a ValidationError, never another exception, never the input in it.

    Hypothesis' ``deadline`` bounds the time per input (2 s)."""
    try:
        load_case(data)
    except ValidationError as err:
        assert all(p.path.startswith("$") for p in err.problems)
        assert len(err.problems) <= MAX_PROBLEMS
        assert not _holds(err, SENTINEL)


@settings(max_examples=300, deadline=2_000)
@given(st.text(max_size=60))
def test_fuzz_any_str_is_a_path_and_fails_cleanly(name: str) -> None:
    try:
        load_case(name)
    except ValidationError as err:
        assert not err.__context__ and not err.__cause__


# --- Saving --------------------------------------------------------------------------------------


def test_every_save_increments_the_revision(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    save_case(_case(), path)
    save_case(load_case(path), path)
    assert load_case(path).revision == 2


def test_a_stale_revision_is_refused_with_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    save_case(_case(), path)
    first, second = load_case(path), load_case(path)
    save_case(
        first.change_phase(ProcessPhase.DECIDING, DAY), path, expected_revision=first.revision
    )
    with pytest.raises(ConflictError):
        save_case(second, path, expected_revision=second.revision)
    assert load_case(path).context.phase is ProcessPhase.DECIDING


def _writer(path: str, rounds: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    landed = conflicts = 0
    for _ in range(rounds):
        while True:
            case = load_case(path)
            changed = case.change_phase(ProcessPhase.CONSIDERING, DAY)
            try:
                save_case(changed, path, expected_revision=case.revision)
            except ConflictError:
                conflicts += 1
                continue
            landed += 1
            break
    queue.put((landed, conflicts))


def _two_writers(writer: Any, path: Path, rounds: int) -> list[tuple[int, int]]:
    """Run ``writer`` in two processes on a fresh case at ``path``; what each reports."""
    save_case(_case(), path)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [context.Process(target=writer, args=(str(path), rounds, queue)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(300)
    return [queue.get(timeout=5) for _ in workers]


def test_two_processes_lose_no_update(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    rounds = 40
    results = _two_writers(_writer, path, rounds)
    assert sum(landed for landed, _ in results) == 2 * rounds
    assert len(load_case(path).context.phases) == 2 * rounds


def _naive_writer(path: str, rounds: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Saves the way a newcomer writes it: load, change, save, no revision in sight."""
    landed = refused = 0
    for i in range(rounds):
        case = load_case(path).add_consent(
            ConsentRecord(ConsentPurpose.CHECK_INS, f"Org {os.getpid()} {i}", DAY)
        )
        try:
            save_case(case, path)
        except ConflictError:
            refused += 1
        else:
            landed += 1
    queue.put((landed, refused))


def test_two_naive_writers_lose_nothing_silently(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    rounds = 100
    results = _two_writers(_naive_writer, path, rounds)
    landed = sum(n for n, _ in results)
    assert sum(n + r for n, r in results) == 2 * rounds  # each save landed or was refused
    final = load_case(path)
    assert len(final.consents) == landed  # and every one that landed is there
    assert final.revision == landed + 1


def test_a_new_case_never_replaces_a_file_unless_told_to(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    first = save_case(_case(), path)
    assert first.revision == 1
    with pytest.raises(ConflictError):
        save_case(CaseFile("another"), path)
    assert load_case(path) == first
    replaced = save_case(CaseFile("another"), path, overwrite=True)
    assert replaced.revision == 2 and load_case(path).case_id == "another"


def test_the_returned_case_saves_again_and_a_first_save_expects_revision_0(
    tmp_path: Path,
) -> None:
    path = tmp_path / "case.json"
    case = save_case(_case(), path, expected_revision=0)
    for phase in (ProcessPhase.DECIDING, ProcessPhase.CONSIDERING):
        case = save_case(case.change_phase(phase, DAY), path, expected_revision=case.revision)
    assert case.revision == 3 and load_case(path) == case


def test_saving_where_no_file_can_be_is_a_validation_error(tmp_path: Path) -> None:
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere" / "case.json")
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    for path in (dangling, loop, tmp_path / "missing" / "case.json"):
        with pytest.raises(ValidationError) as info:
            save_case(_case(), path)
        assert [p.code for p in info.value.problems] == ["file.unwritable"]


def test_saving_a_case_with_a_wildcard_name_leaves_other_cases_alone(tmp_path: Path) -> None:
    others = [tmp_path / ".a.json.x1.tmp", tmp_path / ".b.json.x2.tmp"]
    for other in others:
        other.write_text("another case's save in progress", encoding="utf-8")
    for name in ("*", "[ab].json", "?.json"):
        save_case(_case(), tmp_path / name)
    assert all(other.exists() for other in others)


def test_stale_temporary_files_of_the_case_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    stale = tmp_path / ".case.json.abc123.tmp"
    other = tmp_path / ".other.json.abc123.tmp"
    stale.write_text("old", encoding="utf-8")
    other.write_text("not ours", encoding="utf-8")
    save_case(_case(), path)
    assert not stale.exists() and other.exists()


def test_the_file_mode_is_kept_and_new_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    saved = save_case(_case(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o640)
    save_case(saved, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away"
)
def test_the_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    saved = save_case(_case(), path)
    os.chown(path, 4321, 8765)
    save_case(saved, path)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 8765)


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    link = tmp_path / "link.json"
    save_case(_case(), target)
    link.symlink_to(target)
    save_case(load_case(link).change_phase(ProcessPhase.DECIDING, DAY), link)
    assert link.is_symlink()
    assert load_case(target).context.phase is ProcessPhase.DECIDING


def test_never_writes_what_it_would_refuse_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "case.json"
    monkeypatch.setattr(casefiles, "MAX_DOCUMENT_BYTES", 500)
    with pytest.raises(ValidationError) as info:
        save_case(_case(), path)
    assert "larger" in info.value.problems[0].reason
    assert not path.exists()
    monkeypatch.undo()
    odd = attrs.evolve(_case(), case_id="a\ud800b")
    with pytest.raises(ValidationError) as info:
        save_case(odd, path)
    assert [p.path for p in info.value.problems] == ["$.case_id"]
    assert not path.exists()


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 60))
def test_appending_keeps_every_entry_in_order(n: int) -> None:
    case = CaseFile("c")
    days = [DAY + dt.timedelta(days=i) for i in range(n)]
    for day in days:
        case = case.add_assessment(Assessment.blank(day))
    assert [a.assessed_on for a in case.assessments] == days
    if n:
        with pytest.raises(ValidationError) as info:
            case.add_assessment(Assessment.blank(DAY - dt.timedelta(days=1)))
        assert info.value.problems[0].path == f"$.assessments[{n}].assessed_on"


# --- The command line never prints a traceback -------------------------------------------------


def _run(
    *args: str, env: dict[bytes, bytes] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    import sys

    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "terugkeer", *args],
        capture_output=True,
        env=env,
        timeout=120,
        **kwargs,
    )


def _env(**extra: bytes) -> dict[bytes, bytes]:
    env = dict(os.environb)
    env.update({k.encode(): v for k, v in extra.items()})
    return env


@pytest.mark.parametrize("command", [["schema"], ["demo"], ["validate", "README.md"]])
def test_a_closed_pipe_ends_quietly(command: list[str]) -> None:
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "terugkeer", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`
    stderr = process.stderr.read()
    process.stderr.close()
    process.wait(60)
    assert b"Traceback" not in stderr


def test_a_key_that_is_not_utf8_is_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    save_case(_case(), path)
    out = str(tmp_path / "out")
    result = _run(
        "export", "--out", out, str(path), env=_env(TERUGKEER_EXPORT_KEY=bytes(range(0x80, 0xA0)))
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr


def test_a_terminal_that_cannot_show_the_text_is_no_traceback() -> None:
    result = _run("demo", env=_env(PYTHONIOENCODING=b"cp1252"))
    assert result.returncode == 0 and b"Traceback" not in result.stderr


def test_a_file_name_cannot_forge_a_line_of_validate_output(tmp_path: Path) -> None:
    bad = tmp_path / "x\nFORGED.json: OK"
    bad.write_text("{}", encoding="utf-8")
    result = _run("validate", str(bad))
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1
    assert not any(line.startswith("FORGED") for line in lines)


def test_an_odd_key_name_cannot_forge_a_line_either(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    doc = _doc()
    doc["a\nb.json: OK"] = 1
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = _run("validate", str(path))
    assert result.returncode == 1
    assert [line for line in result.stdout.decode().splitlines() if "OK" in line] == []


def test_an_unwritable_output_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    save_case(_case(), path)
    result = _run("report", str(path), "-o", str(tmp_path / "missing" / "out.txt"))
    assert result.returncode == 1 and b"Traceback" not in result.stderr


# --- Who entered a record, and when ------------------------------------------------------------


def test_appended_records_carry_who_entered_them_and_when() -> None:
    from terugkeer.stamps import Entered

    at = dt.datetime(2026, 3, 2, 14, 5, tzinfo=dt.timezone.utc)
    stamp = Entered("c-17", at)
    assessment = attrs.evolve(Assessment.build(DAY, {"F02": -3}), entered=stamp)
    case = CaseFile("c").add_assessment(assessment).change_phase(ProcessPhase.DECIDING, DAY, stamp)
    loaded = loads(dumps(case, indent=2), CaseFile)
    assert loaded.assessments[0].entered == stamp
    assert loaded.context.phases[0].entered == stamp
    assert (
        json.loads(dumps(case, indent=2))["assessments"][0]["entered"]["at"]
        == "2026-03-02T14:05:00+00:00"
    )


def test_a_moment_without_a_time_zone_is_refused() -> None:
    from terugkeer.stamps import Entered

    with pytest.raises(ValidationError) as info:
        Entered("c-17", dt.datetime(2026, 3, 2, 14, 5))
    assert [p.path for p in info.value.problems] == ["$.at"]
    doc = json.loads(dumps(_case(), indent=2))
    doc["assessments"][0]["entered"] = {"by": "c-17", "at": "2026-03-02T14:05:00"}
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), CaseFile)
    assert [p.path for p in info.value.problems] == ["$.assessments[0].entered.at"]


def test_the_lock_file_tells_nothing_of_the_case_file_name(tmp_path: Path) -> None:
    name = "Amira Haddad 1990-01-01.json"
    saved = save_case(_case(), tmp_path / name)
    save_case(saved, tmp_path / name)
    (tmp_path / name).unlink()  # the case is deleted; its lock file stays, nameless
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and "Amira" not in left[0] and "1990" not in left[0]


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        (("revision",), 10**4299, "number.out_of_range"),  # 4,300 digits: loaded, then unsavable
        (("revision",), 2**63, "number.out_of_range"),  # once aborted a Parquet export
        (
            ("plan", "activity_updates"),
            [
                {
                    "appointment": 10_000,
                    "activity": 1,
                    "status": "done",
                    "on": "2026-03-02",
                    "reason": "",
                }
            ],
            "number.out_of_range",
        ),
    ],
    ids=["revision of 4,300 digits", "revision of 2**63", "appointment 10,000"],
)
def test_every_whole_number_has_a_bound_every_export_format_holds(
    path: tuple[str, ...], value: object, code: str
) -> None:
    from terugkeer.case import MAX_REVISION

    doc = json.loads(dumps(_case()))
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), CaseFile)
    assert code in [p.code for p in info.value.problems]
    doc["revision"], doc["plan"]["activity_updates"] = MAX_REVISION, []
    assert loads(json.dumps(doc), CaseFile).revision == MAX_REVISION  # the bound itself is fine
